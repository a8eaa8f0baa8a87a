//! Issue 17: the clusters of a store are a function of the set of its
//! event records. Documents ingested whole, in parts in any order, and in
//! parts that overlap give byte-identical `vigie events --format jsonl` and
//! the same clusters (members and fields).
//!
//! The documents: articles from vigie-corpusgen (fixed seed) extracted once
//! by the real pipeline, plus re-reports of their events as other outlets
//! would give them (a day off, a week's interval, the province instead of
//! the town, no perpetrator, another toll), so that neighbourhoods are
//! dense and chains are possible. Cases are drawn by a seeded generator:
//! 32 cases of 200 documents. In a debug build on a 2-core machine shared
//! with other builds (load 4 to 6) the property test takes 10 to 16 s:
//! about 3 s to load the engine and extract the articles once, the rest the
//! 32 cases (each up to 200 batches of in-memory ingest).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;
use std::process::Command;

use vigie_core::{Event, ProcessedDoc};
use vigie_pipeline::{Config, DocOutcome, Engine};
use vigie_store::export::{self, Format};
use vigie_store::{EventFilter, Store};

const CASES: usize = 32;
const ARTICLES: u64 = 120;
const RE_REPORTS: usize = 80;
const SEED: u64 = 17;

/// splitmix64: a small seeded generator (no dependency for one test).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            v.swap(i, self.below(i + 1));
        }
    }
}

/// The generated articles as the pipeline processes them.
fn extracted_articles(dir: &std::path::Path) -> Vec<ProcessedDoc> {
    let resources = vigie_resources::Resources::embedded();
    let generator = vigie_corpusgen::Generator::from_resources(&resources).unwrap();
    let path = dir.join("articles.jsonl");
    let lines: Vec<String> = generator
        .articles(SEED, ARTICLES)
        .map(|a| a.to_json_line())
        .collect();
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    let engine = Engine::load(&Config::default()).unwrap();
    let mut docs = Vec::new();
    vigie_pipeline::run(&engine, &[path], &mut |outcome| {
        if let DocOutcome::Processed(doc) = outcome {
            docs.push(*doc);
        }
        Ok(())
    })
    .unwrap();
    docs
}

/// Another outlet's report of `ev`: the same incident told less precisely
/// or a day off, as `rng` draws it.
fn re_report(ev: &Event, rng: &mut Rng) -> Event {
    let mut ev = ev.clone();
    if let Some(day) = ev.event_date {
        let shift = [-1i64, 0, 0, 1][rng.below(4)];
        let day = day.saturating_add(jiff::Span::new().days(shift));
        ev.event_date = Some(day);
        ev.date_start = Some(day);
        ev.date_end = Some(day);
        if rng.below(4) == 0 {
            ev.date_start = Some(day.saturating_sub(jiff::Span::new().days(3)));
            ev.date_end = Some(day.saturating_add(jiff::Span::new().days(3)));
            ev.time_precision = Some(2);
        }
    }
    if rng.below(3) == 0 {
        ev.sub_event_type = "Other".into();
        ev.weapon = None;
    }
    if rng.below(3) == 0 {
        ev.actor1 = None;
    }
    if rng.below(4) == 0
        && let Some(loc) = ev.location.as_mut()
        && let Some(region) = loc.admin1.clone()
    {
        loc.name = region;
        loc.geo_precision = 3;
        loc.lat = None;
        loc.lon = None;
    }
    if rng.below(2) == 0 {
        ev.fatalities = Some(rng.below(12) as u32);
    }
    ev.claimed = rng.below(3) == 0;
    ev
}

/// The articles plus re-reports of their events, each a document of its own.
fn documents() -> Vec<ProcessedDoc> {
    let dir = tempfile::tempdir().unwrap();
    let articles = extracted_articles(dir.path());
    let with_events: Vec<&ProcessedDoc> =
        articles.iter().filter(|d| !d.events.is_empty()).collect();
    assert!(
        with_events.len() >= 20,
        "the generated articles should report events: {} of {}",
        with_events.len(),
        articles.len()
    );
    let mut rng = Rng(SEED);
    let mut docs = articles.clone();
    for n in 0..RE_REPORTS {
        let source = with_events[rng.below(with_events.len())];
        let mut doc = source.clone();
        doc.meta.id = format!("re-report-{n:03}");
        doc.content_hash = format!("{:016x}", rng.next());
        doc.events = source
            .events
            .iter()
            .map(|e| {
                let mut e = re_report(e, &mut rng);
                e.doc = doc.meta.id.clone();
                e
            })
            .collect();
        docs.push(doc);
    }
    docs
}

/// Ingests `parts` in order, each in batches of `batch` documents.
fn ingest(parts: &[Vec<&ProcessedDoc>], batch: usize) -> Store {
    let mut store = Store::open_in_memory().unwrap();
    for part in parts {
        let (run, _) = store.begin_run(&[]).unwrap();
        for chunk in part.chunks(batch.max(1)) {
            let mut b = store.batch(run).unwrap();
            for doc in chunk {
                b.add_doc(doc).unwrap();
            }
            b.commit().unwrap();
        }
        store
            .finish_run(run, "done", &serde_json::json!({}))
            .unwrap();
    }
    store
}

/// What must not depend on the order: the JSONL export and every cluster's
/// id, members and record.
fn observe(store: &Store) -> (String, Vec<String>) {
    let events = store.events(&EventFilter::default()).unwrap();
    let mut out = Vec::new();
    export::write(Format::Jsonl, &events, &mut out).unwrap();
    let mut stmt = store
        .connection()
        .prepare(
            "SELECT c.id || ' ' || (SELECT group_concat(m, ',') FROM
                 (SELECT d.id || '#' || e.seq AS m FROM events e JOIN documents d ON d.rowid = e.doc
                  WHERE e.cluster = c.rowid ORDER BY m)) || ' ' || c.record
             FROM clusters c ORDER BY c.id",
        )
        .unwrap();
    let clusters = stmt
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    (String::from_utf8(out).unwrap(), clusters)
}

/// A random split of `docs` into 1 to 6 parts, each in random order, with
/// some documents of earlier parts sent again.
fn random_parts<'a>(docs: &'a [ProcessedDoc], rng: &mut Rng) -> Vec<Vec<&'a ProcessedDoc>> {
    let mut order: Vec<&ProcessedDoc> = docs.iter().collect();
    rng.shuffle(&mut order);
    let k = 1 + rng.below(6);
    let mut parts: Vec<Vec<&ProcessedDoc>> = vec![Vec::new(); k];
    for doc in order {
        let p = rng.below(k);
        parts[p].push(doc);
    }
    for p in 1..k {
        let overlap = rng.below(10);
        for _ in 0..overlap {
            let from = rng.below(p);
            if let Some(&doc) = parts[from].get(rng.below(parts[from].len().max(1))) {
                parts[p].push(doc);
            }
        }
        rng.shuffle(&mut parts[p]);
    }
    parts
}

#[test]
fn clusters_and_exports_do_not_depend_on_order_splits_or_overlaps() {
    let docs = documents();
    assert!(docs.len() <= 200);
    let whole = ingest(&[docs.iter().collect()], docs.len());
    let want = observe(&whole);
    let merged = want.1.iter().filter(|c| c.contains(',')).count();
    assert!(
        merged >= 10,
        "the corpus should have clusters of several reports: {merged}"
    );
    let mut rng = Rng(SEED ^ 0x5eed);
    for case in 0..CASES {
        let parts = random_parts(&docs, &mut rng);
        let batch = 1 + rng.below(60);
        let got = observe(&ingest(&parts, batch));
        if got != want {
            let sizes: Vec<usize> = parts.iter().map(Vec::len).collect();
            let missing: Vec<&String> = want
                .1
                .iter()
                .filter(|c| !got.1.contains(c))
                .take(3)
                .collect();
            panic!(
                "case {case}: parts of {sizes:?} in batches of {batch} give other clusters; \
                 expected clusters missing: {missing:#?}"
            );
        }
    }
}

fn vigie() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_vigie"));
    c.env_remove("VIGIE_DB").env_remove("VIGIE_RESOURCES");
    c
}

fn run_ok(c: &mut Command) -> Vec<u8> {
    let out = c.output().unwrap();
    assert!(
        out.status.success(),
        "stderr:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// The same through the binary: a generated corpus ingested whole, and in
/// three parts in the order 3, 1, 2 with the first part sent twice.
#[test]
fn vigie_events_is_byte_identical_for_a_whole_and_a_shuffled_split_ingest() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("gen.jsonl");
    run_ok(
        vigie()
            .args(["gen-corpus", "--docs", "90", "--seed", "4", "--out"])
            .arg(&corpus),
    );
    let text = std::fs::read_to_string(&corpus).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let parts: Vec<PathBuf> = lines
        .chunks(30)
        .enumerate()
        .map(|(i, chunk)| {
            let p = dir.path().join(format!("part{}.jsonl", i + 1));
            std::fs::write(&p, chunk.join("\n") + "\n").unwrap();
            p
        })
        .collect();
    let whole = dir.path().join("whole.db");
    run_ok(
        vigie()
            .args(["ingest", "-q", "--db"])
            .arg(&whole)
            .arg(&corpus),
    );
    let split = dir.path().join("split.db");
    for part in [&parts[2], &parts[0], &parts[1], &parts[0]] {
        run_ok(
            vigie()
                .args(["ingest", "-q", "--batch", "7", "--db"])
                .arg(&split)
                .arg(part),
        );
    }
    let events = |db: &PathBuf| {
        run_ok(
            vigie()
                .args(["events", "--format", "jsonl", "--db"])
                .arg(db),
        )
    };
    let want = events(&whole);
    assert!(!want.is_empty());
    assert_eq!(
        String::from_utf8(events(&split)).unwrap(),
        String::from_utf8(want).unwrap()
    );
}
