//! The rule catalog, `resources/rules/catalog.toml`: every rule id a record
//! or the `--explain` trace can carry is listed there (trigger rules in
//! `resources/lang/<lang>/extract/triggers.toml`), each with a description
//! and examples.
//!
//! - `every_rule_that_fires_is_catalogued`: runs the engine over `examples/`,
//!   `tests/corpus/articles/`, the extractor's golden articles, every trigger
//!   example and every catalog example, and lists every rule id missing from
//!   the catalog (language prefix stripped) with one place it fired;
//! - `every_catalog_example_holds`: runs each catalog example as one document
//!   and checks that its rule fires (`fires = true`) or not (`fires = false`);
//! - `catalog_is_well_formed`: unique ids, one-line descriptions, known
//!   stages, at least one firing example, `data` files that exist.
//!
//! The engine is loaded once and the examples are run once for all tests.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde::Deserialize;
use vigie_core::{Date, DocMeta, Lang, PublishedSource};
use vigie_pipeline::{Config, DocOutcome, Engine, Extraction};

/// The publication date of every example that is not `undated`.
const PUBLISHED: &str = "2025-03-10";

const STAGES: [&str; 12] = [
    "candidates",
    "eventiveness",
    "arguments",
    "places",
    "dates",
    "claims",
    "typing",
    "records",
    "figures",
    "geo",
    "time",
    "ontology",
];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Catalog {
    rule: Vec<Rule>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Rule {
    /// Without the language prefix; a final `.*` stands for any suffix.
    id: String,
    stage: String,
    description: String,
    /// Files under `resources/` the rule reads; `*` in a path stands for
    /// every language folder.
    #[serde(default)]
    data: Vec<String>,
    #[serde(default)]
    example: Vec<Example>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Example {
    lang: String,
    text: String,
    fires: bool,
    /// Run without a publication date (for the rules that infer one).
    #[serde(default)]
    undated: bool,
    /// For a pattern entry (`ontology.*`): the member the example shows
    /// (`air_drone_strike` for `ontology.air_drone_strike`).
    #[serde(default)]
    member: Option<String>,
}

impl Rule {
    /// The id a pattern entry (`ontology.*`) stands for, without the `*`.
    fn prefix(&self) -> Option<&str> {
        self.id.strip_suffix('*')
    }

    /// Whether this entry catalogues `id` (language prefix stripped).
    fn covers(&self, id: &str) -> bool {
        match self.prefix() {
            Some(p) => id.len() > p.len() && id.starts_with(p),
            None => self.id == id,
        }
    }
}

fn root() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    root.canonicalize().unwrap_or(root)
}

fn resources_dir() -> PathBuf {
    root().join("resources")
}

fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| {
        let path = resources_dir().join("rules/catalog.toml");
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    })
}

/// The language folders (`_template` excluded).
fn languages() -> &'static BTreeSet<String> {
    static LANGS: OnceLock<BTreeSet<String>> = OnceLock::new();
    LANGS.get_or_init(|| {
        let dir = resources_dir().join("lang");
        std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .filter_map(|e| e.ok())
            .filter(|e| e.path().is_dir())
            .filter_map(|e| e.file_name().into_string().ok())
            .filter(|n| !n.starts_with('_'))
            .collect()
    })
}

#[derive(Debug, Deserialize)]
struct Triggers {
    #[serde(default)]
    trigger: Vec<Trigger>,
}

#[derive(Debug, Deserialize)]
struct Trigger {
    id: String,
    #[serde(default)]
    example: Vec<TriggerExample>,
}

#[derive(Debug, Deserialize)]
struct TriggerExample {
    text: String,
}

/// Each language's triggers (`triggers.toml`), by language.
fn triggers() -> &'static BTreeMap<String, Triggers> {
    static TRIGGERS: OnceLock<BTreeMap<String, Triggers>> = OnceLock::new();
    TRIGGERS.get_or_init(|| {
        languages()
            .iter()
            .map(|lang| {
                let path = resources_dir().join(format!("lang/{lang}/extract/triggers.toml"));
                let text = std::fs::read_to_string(&path)
                    .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                let t: Triggers =
                    toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                (lang.clone(), t)
            })
            .collect()
    })
}

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::load(&Config::default()).unwrap_or_else(|e| panic!("{e}")))
}

/// The rule ids of an extraction: its events' (with their attribution
/// entries'), its figures' and its trace's.
fn rules_of(x: &Extraction) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for e in &x.events {
        out.extend(e.rules.iter().cloned());
        out.extend(e.attribution.iter().map(|a| a.rule.clone()));
    }
    for f in &x.figures {
        out.extend(f.rules.iter().cloned());
    }
    for t in &x.trace {
        out.extend(t.rule.split_whitespace().map(str::to_string));
    }
    out
}

/// Runs one text as one document.
fn run_text(lang: &str, text: &str, undated: bool) -> BTreeSet<String> {
    let published: Date = PUBLISHED.parse().unwrap_or_else(|e| panic!("{e}"));
    let meta = DocMeta {
        id: "catalog-example".into(),
        origin: "catalog-example".into(),
        published: (!undated).then_some(published),
        published_source: PublishedSource::Metadata,
        lang: Some(Lang::new(lang)),
        ..DocMeta::default()
    };
    let e = engine();
    rules_of(&explain(e, e.prepare(meta, text.to_string())))
}

/// The extraction of a document with its full trace (as `vigie extract
/// --explain` gives it).
fn explain(e: &Engine, doc: vigie_core::Doc) -> vigie_pipeline::Extraction {
    match e.extractor() {
        Some(x) => x.explain(&doc),
        None => e.extract(&doc),
    }
}

/// One catalog example and the rule ids its document produced.
struct Ran {
    rule: usize,
    example: usize,
    fired: BTreeSet<String>,
}

/// Every catalog example, run once.
fn example_runs() -> &'static [Ran] {
    static RUNS: OnceLock<Vec<Ran>> = OnceLock::new();
    RUNS.get_or_init(|| {
        let mut jobs = Vec::new();
        for (i, r) in catalog().rule.iter().enumerate() {
            for (j, _) in r.example.iter().enumerate() {
                jobs.push((i, j));
            }
        }
        std::thread::scope(|sc| {
            let per = jobs.len().div_ceil(threads());
            let handles: Vec<_> = jobs
                .chunks(per.max(1))
                .map(|chunk| {
                    sc.spawn(move || {
                        chunk
                            .iter()
                            .map(|&(i, j)| {
                                let ex = &catalog().rule[i].example[j];
                                Ran {
                                    rule: i,
                                    example: j,
                                    fired: run_text(&ex.lang, &ex.text, ex.undated),
                                }
                            })
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            handles
                .into_iter()
                .flat_map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
                .collect()
        })
    })
}

fn threads() -> usize {
    std::thread::available_parallelism().map_or(4, |n| n.get().min(8))
}

/// `id` without its language prefix, and the language.
fn strip_lang(id: &str) -> (Option<&str>, &str) {
    match id.split_once('.') {
        Some((l, rest)) if languages().contains(l) => (Some(l), rest),
        _ => (None, id),
    }
}

/// Whether the catalog (or the language's triggers.toml) lists `id`.
fn catalogued(id: &str) -> bool {
    let (lang, bare) = strip_lang(id);
    if let (Some(lang), Some(trigger)) = (lang, bare.strip_prefix("trigger.")) {
        return triggers()
            .get(lang)
            .is_some_and(|t| t.trigger.iter().any(|t| t.id == trigger));
    }
    catalog().rule.iter().any(|r| r.covers(bare))
}

/// Whether `fired` holds the rule an example is about (in any language):
/// the entry's id, or for a pattern the example's member, else any member.
fn fires(rule: &Rule, ex: &Example, fired: &BTreeSet<String>) -> bool {
    let member = rule
        .prefix()
        .zip(ex.member.as_deref())
        .map(|(p, m)| format!("{p}{m}"));
    fired
        .iter()
        .map(|f| strip_lang(f).1)
        .any(|f| match &member {
            Some(m) => f == m,
            None => rule.covers(f),
        })
}

#[test]
fn every_rule_that_fires_is_catalogued() {
    // id -> one place it fired
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    let mut note = |ids: BTreeSet<String>, place: &dyn Fn() -> String| {
        for id in ids {
            seen.entry(id).or_insert_with(place);
        }
    };
    // Files: records from the pipeline, the trace from the extractor again
    // (as `vigie extract --explain` does).
    let inputs = [
        root().join("examples"),
        root().join("tests/corpus/articles"),
        root().join("crates/extract/tests/golden"),
    ];
    let e = engine();
    let mut docs = Vec::new();
    vigie_pipeline::run(e, &inputs, &mut |o| {
        if let DocOutcome::Processed(d) = o {
            docs.push(d);
        }
        Ok(())
    })
    .unwrap_or_else(|err| panic!("{err}"));
    assert!(docs.len() >= 50, "only {} documents read", docs.len());
    for d in &docs {
        let mut ids = BTreeSet::new();
        for ev in &d.events {
            ids.extend(ev.rules.iter().cloned());
            ids.extend(ev.attribution.iter().map(|a| a.rule.clone()));
        }
        for f in &d.figures {
            ids.extend(f.rules.iter().cloned());
        }
        let mut meta = d.meta.clone();
        meta.lang = Some(d.lang.clone());
        ids.extend(rules_of(&explain(e, e.prepare(meta, d.text.clone()))));
        note(ids, &|| {
            let origin = Path::new(&d.meta.origin);
            origin
                .strip_prefix(root())
                .unwrap_or(origin)
                .display()
                .to_string()
        });
    }
    // Trigger examples and catalog examples.
    for (lang, t) in triggers() {
        for t in &t.trigger {
            for ex in &t.example {
                note(run_text(lang, &ex.text, false), &|| {
                    format!("{lang} trigger example {:?}", ex.text)
                });
            }
        }
    }
    for run in example_runs() {
        let ex = &catalog().rule[run.rule].example[run.example];
        note(run.fired.clone(), &|| {
            format!(
                "catalog example of {}: {:?}",
                catalog().rule[run.rule].id,
                ex.text
            )
        });
    }
    assert!(seen.len() > 30, "only {} rule ids seen", seen.len());
    // Missing ids by catalog id: the ids as records carry them, one place.
    let mut missing: BTreeMap<&str, (Vec<&str>, &str)> = BTreeMap::new();
    for (id, at) in seen.iter().filter(|(id, _)| !catalogued(id)) {
        let m = missing.entry(strip_lang(id).1).or_insert((Vec::new(), at));
        m.0.push(id);
    }
    let report: Vec<String> = missing
        .iter()
        .map(|(bare, (ids, at))| format!("{bare}  (as {}; fired in {at})", ids.join(", ")))
        .collect();
    assert!(
        report.is_empty(),
        "{} rule id(s) fire but are not in resources/rules/catalog.toml \
         (trigger ids belong in resources/lang/<lang>/extract/triggers.toml):\n{}",
        report.len(),
        report.join("\n")
    );
}

#[test]
fn every_catalog_example_holds() {
    let mut failures = Vec::new();
    for run in example_runs() {
        let rule = &catalog().rule[run.rule];
        let ex = &rule.example[run.example];
        if fires(rule, ex, &run.fired) != ex.fires {
            let expected = if ex.fires { "fires" } else { "does not fire" };
            let id = match (rule.prefix(), &ex.member) {
                (Some(p), Some(m)) => format!("{p}{m}"),
                _ => rule.id.clone(),
            };
            failures.push(format!(
                "{id}: expected it {expected} in [{}] {:?}\n    fired: {}",
                ex.lang,
                ex.text,
                run.fired.iter().cloned().collect::<Vec<_>>().join(" ")
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} catalog examples do not hold:\n{}",
        failures.len(),
        example_runs().len(),
        failures.join("\n")
    );
}

#[test]
fn catalog_is_well_formed() {
    let mut problems = Vec::new();
    let mut ids = BTreeSet::new();
    for r in &catalog().rule {
        let id = &r.id;
        if !ids.insert(id.as_str()) {
            problems.push(format!("{id}: listed twice"));
        }
        if strip_lang(id).0.is_some() {
            problems.push(format!("{id}: catalog ids carry no language prefix"));
        }
        if id.starts_with("trigger.") {
            problems.push(format!(
                "{id}: trigger rules are catalogued in resources/lang/<lang>/extract/triggers.toml"
            ));
        }
        if id.contains('*') && !id.ends_with(".*") {
            problems.push(format!("{id}: a pattern ends in \".*\""));
        }
        if !STAGES.contains(&r.stage.as_str()) {
            problems.push(format!(
                "{id}: unknown stage {:?} (one of {})",
                r.stage,
                STAGES.join(", ")
            ));
        }
        if r.description.trim().is_empty() || r.description.contains('\n') {
            problems.push(format!("{id}: the description is one non-empty line"));
        }
        if !r.example.iter().any(|e| e.fires) {
            problems.push(format!("{id}: no example where it fires"));
        }
        for e in &r.example {
            if !languages().contains(&e.lang) {
                problems.push(format!(
                    "{id}: example language {:?} has no resources",
                    e.lang
                ));
            }
            if e.text.trim().is_empty() {
                problems.push(format!("{id}: empty example"));
            }
            if e.member.is_some() && r.prefix().is_none() {
                problems.push(format!("{id}: `member` is for pattern entries only"));
            }
        }
        for d in &r.data {
            let paths: Vec<String> = if d.contains('*') {
                languages().iter().map(|l| d.replace('*', l)).collect()
            } else {
                vec![d.clone()]
            };
            for p in paths {
                if !resources_dir().join(&p).is_file() {
                    problems.push(format!("{id}: data file resources/{p} does not exist"));
                }
            }
        }
    }
    // A pattern must not swallow an id listed on its own.
    for r in &catalog().rule {
        for o in &catalog().rule {
            if o.prefix().is_some() && o.id != r.id && o.covers(&r.id) {
                problems.push(format!("{}: already covered by {}", r.id, o.id));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "resources/rules/catalog.toml:\n{}",
        problems.join("\n")
    );
}
