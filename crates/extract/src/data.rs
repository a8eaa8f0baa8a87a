//! Loading the knowledge files: triggers, cues, weapons, numbers and word
//! lists per language, the actor dictionary and the ontology. Every problem in every
//! file is collected and reported at once, with `path:line` where known.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Deserialize;
use vigie_resources::{Resources, data_lines};

use crate::lexicon::{PhraseBank, PhraseSet};

/// Kinds of cue phrases (one list each in `lang/<lang>/extract/cues.toml`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Cue {
    Claim,
    Report,
    Sources,
    Negation,
    Threat,
    Conditional,
    Media,
    Aggregate,
    ReadAlso,
    ClauseEnd,
    Locative,
    TargetPrep,
    AgentPrep,
    Genitive,
    TargetNoun,
    Focus,
    StateGeneric,
    Killed,
    Injured,
    Missing,
    Displaced,
    Detained,
    NoCasualty,
    QApprox,
    QAtLeast,
    QMoreThan,
    QUpTo,
    Cumulative,
    Units,
    Anaphoric,
    Origin,
    KilledOne,
    TollNoun,
    TollRise,
    ProtestIntervention,
    ProtestForce,
    Accuse,
    Deny,
}

impl Cue {
    pub const ALL: [(Cue, &'static str, bool); 38] = [
        (Cue::Claim, "claim", true),
        (Cue::Report, "report", true),
        (Cue::Sources, "sources", true),
        (Cue::Negation, "negation", true),
        (Cue::Threat, "threat", true),
        (Cue::Conditional, "conditional", true),
        (Cue::Media, "media", true),
        (Cue::Aggregate, "aggregate", true),
        (Cue::ReadAlso, "read_also", true),
        (Cue::ClauseEnd, "clause_end", true),
        (Cue::Locative, "locative", true),
        (Cue::TargetPrep, "target_prep", true),
        (Cue::AgentPrep, "agent_prep", true),
        (Cue::Genitive, "genitive", true),
        (Cue::TargetNoun, "target_noun", true),
        (Cue::Focus, "focus", true),
        (Cue::StateGeneric, "state_generic", true),
        (Cue::Killed, "killed", true),
        (Cue::Injured, "injured", true),
        (Cue::Missing, "missing", true),
        (Cue::Displaced, "displaced", true),
        (Cue::Detained, "detained", true),
        (Cue::NoCasualty, "no_casualty", true),
        (Cue::QApprox, "qualifier_approx", true),
        (Cue::QAtLeast, "qualifier_at_least", true),
        (Cue::QMoreThan, "qualifier_more_than", true),
        (Cue::QUpTo, "qualifier_up_to", true),
        (Cue::Cumulative, "cumulative", true),
        (Cue::Units, "units", true),
        (Cue::Anaphoric, "anaphoric", false),
        (Cue::Origin, "origin", false),
        (Cue::KilledOne, "killed_one", false),
        (Cue::TollNoun, "toll_noun", false),
        (Cue::TollRise, "toll_rise", false),
        (Cue::ProtestIntervention, "protest_intervention", false),
        (Cue::ProtestForce, "protest_force", false),
        (Cue::Accuse, "accuse", false),
        (Cue::Deny, "deny", false),
    ];

    /// The cue list named `name` in cues.toml.
    pub fn named(name: &str) -> Option<Cue> {
        Cue::ALL
            .iter()
            .find(|(_, n, _)| *n == name)
            .map(|(c, _, _)| *c)
    }
}

/// Closed word lists the code compares words with (one file each,
/// `lang/<lang>/extract/<name>.tsv`, one entry a line).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Words {
    /// Words that join places into one group ("X, Y et Z").
    PlaceCoordination,
    /// Words that make a place locate the one before it ("X, dans la province de Y").
    PlaceLocating,
    /// Words that add a count to the one before it ("six soldats et trois civils").
    CountCoordination,
    /// Gaps between two numbers that make a range or pair of one unit ("5 000 à 7 000 tonnes").
    NumberPair,
    /// Gaps between two numbers that make the second a range's upper bound ("5 000 à 7 000").
    NumberRange,
    /// A figure's subject made only of these repeats the subject before it ("30 autres").
    Others,
    /// Auxiliary verbs that end a figure's subject ("ont", "have").
    Auxiliaries,
}

/// How the entries of a word list are compared with the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordMatch {
    /// With whole words of the folded text: entries are folded when loaded
    /// and must be one word of letters and digits.
    Folded,
    /// With whitespace-separated words as written: no spaces in an entry.
    Word,
    /// With a trimmed stretch of text as written.
    Gap,
}

impl Words {
    pub const ALL: [(Words, &'static str, WordMatch); 7] = [
        (
            Words::PlaceCoordination,
            "place_coordination",
            WordMatch::Folded,
        ),
        (Words::PlaceLocating, "place_locating", WordMatch::Folded),
        (
            Words::CountCoordination,
            "count_coordination",
            WordMatch::Folded,
        ),
        (Words::NumberPair, "number_pair", WordMatch::Gap),
        (Words::NumberRange, "number_range", WordMatch::Gap),
        (Words::Others, "others", WordMatch::Word),
        (Words::Auxiliaries, "auxiliaries", WordMatch::Word),
    ];
}

#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum Expect {
    None(String),
    Some {
        r#type: String,
        weapon: Option<String>,
    },
}

#[derive(Debug, Clone, Deserialize)]
pub struct Example {
    pub text: String,
    pub expect: Expect,
}

/// One trigger definition.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TriggerDef {
    pub id: String,
    pub phrases: Vec<String>,
    pub r#type: String,
    #[serde(default)]
    pub weapon: Option<String>,
    #[serde(default)]
    pub weak: bool,
    /// The type a context-dependent trigger takes when neither a weapon,
    /// nor the perpetrator, nor the victims say more (an ontology row).
    #[serde(default)]
    pub fallback: Option<String>,
    #[serde(default, rename = "example")]
    pub examples: Vec<Example>,
}

#[derive(Debug, Deserialize)]
struct TriggerFile {
    #[serde(rename = "trigger")]
    triggers: Vec<TriggerDef>,
}

/// The lexicons of one language.
#[derive(Debug)]
pub struct LangLex {
    pub lang: String,
    pub triggers: Vec<TriggerDef>,
    pub trigger_set: PhraseSet,
    /// (class, rank) per weapon entry.
    pub weapons: Vec<(String, u8)>,
    /// The finer kind per weapon entry ("vbied", "mortar"), when it has one.
    pub weapon_details: Vec<Option<String>>,
    pub weapon_set: PhraseSet,
    pub numbers: HashMap<String, u64>,
    /// The number words that are vague quantities ("dozens", "une
    /// vingtaine"): tolls count them, figures do not.
    pub approx_numbers: std::collections::HashSet<String>,
    /// The number words that scale the number before them ("2.5 million",
    /// "3 millions"): their value is the factor.
    pub scale_numbers: std::collections::HashSet<String>,
    /// A figure's subject words (folded) -> one English label
    /// (`subjects.tsv`: "palestiniens", "gazaouis" -> "Palestinians").
    pub subjects: HashMap<String, String>,
    pub cues: BTreeMap<Cue, PhraseSet>,
    pub demonyms: Vec<String>,
    pub demonym_set: PhraseSet,
    /// French-like word order: "frappes israéliennes".
    pub adjective_follows_noun: bool,
    /// The closed word lists ([`Words`]); a list whose file is missing is empty.
    pub words: BTreeMap<Words, Vec<String>>,
    /// The lemma lists the tree passes read (`grammar.toml`).
    pub grammar: Grammar,
    /// Every phrase set above and the actor aliases in one automaton
    /// ([`LangLex::compile`]), in the order [`LangLex::bank_sets`] gives.
    pub bank: PhraseBank,
}

/// Lemma lists read on the dependency tree by the eventiveness, place and
/// argument passes (`resources/lang/<code>/extract/grammar.toml`; every
/// list is described there). Lemmas are lower-case.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Grammar {
    pub negators: BTreeSet<String>,
    pub modals: BTreeSet<String>,
    pub future_governors: BTreeSet<String>,
    pub threat: BTreeSet<String>,
    pub intention: BTreeSet<String>,
    pub demand: BTreeSet<String>,
    pub denial: BTreeSet<String>,
    pub cessation: BTreeSet<String>,
    pub affiliation: BTreeSet<String>,
    pub allegiance_markers: BTreeSet<String>,
    pub between_markers: BTreeSet<String>,
    pub ellipsis: BTreeSet<String>,
    pub blame: BTreeSet<String>,
    pub reference_verbs: BTreeSet<String>,
    pub background_heads: BTreeSet<String>,
    pub habitual_adverbs: BTreeSet<String>,
    pub habitual_verbs: BTreeSet<String>,
    pub since_markers: BTreeSet<String>,
    pub conditional_marks: BTreeSet<String>,
    pub origin_markers: BTreeSet<String>,
    pub origin_verbs: BTreeSet<String>,
    pub clock_heads: BTreeSet<String>,
    pub speech_verbs: BTreeSet<String>,
    pub agent_markers: BTreeSet<String>,
    pub target_markers: BTreeSet<String>,
    pub singular_articles: BTreeSet<String>,
    pub singular_pronouns: BTreeSet<String>,
    pub quantity_nouns: BTreeSet<String>,
    pub inclusion_markers: BTreeSet<String>,
    pub anaphoric_determiners: BTreeSet<String>,
    pub distinct_markers: BTreeSet<String>,
    pub subject_fillers: BTreeSet<String>,
    pub participants: BTreeSet<String>,
    pub disasters: BTreeSet<String>,
}

impl LangLex {
    /// True when `word` is an entry of the word list `list`.
    pub fn has_word(&self, list: Words, word: &str) -> bool {
        self.words
            .get(&list)
            .is_some_and(|l| l.iter().any(|w| w == word))
    }

    /// The phrase sets scanned for a document, in bank order: triggers,
    /// weapons, actor aliases, demonyms, then the cues in `Cue` order.
    pub fn bank_sets<'a>(&'a self, actors: &'a Actors) -> Vec<&'a PhraseSet> {
        let mut sets = vec![
            &self.trigger_set,
            &self.weapon_set,
            &actors.set,
            &self.demonym_set,
        ];
        sets.extend(self.cues.values());
        sets
    }

    /// Compiles the bank once the actor dictionary is loaded.
    pub fn compile(&mut self, actors: &Actors) -> Result<(), String> {
        self.bank = PhraseBank::new(&self.bank_sets(actors))?;
        Ok(())
    }
}

/// What an actor alias is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AliasKind {
    Name,
    Metonym,
    Partisan,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActorDef {
    pub name: String,
    pub inter: u8,
    #[serde(default)]
    pub country: Option<String>,
    #[serde(default)]
    pub state: Option<String>,
    #[serde(default)]
    pub focus: bool,
    #[serde(default)]
    pub fr: Vec<String>,
    #[serde(default)]
    pub en: Vec<String>,
    #[serde(default)]
    pub ar: Vec<String>,
    #[serde(default)]
    pub metonyms: Vec<String>,
    #[serde(default)]
    pub partisan: Vec<String>,
    /// When the aliases apply (ISO dates; a malformed one fails the load
    /// with its line).
    #[serde(default)]
    pub from: Option<vigie_core::Date>,
    #[serde(default)]
    pub to: Option<vigie_core::Date>,
}

impl ActorDef {
    /// State forces or foreign forces (ACLED inter 1 or 8).
    pub fn is_state(&self) -> bool {
        self.inter == 1 || self.inter == 8
    }

    /// Protesters (ACLED inter 6).
    pub fn is_protesters(&self) -> bool {
        self.inter == 6
    }

    /// Whether the actor's aliases apply on `day` (its `from`/`to`).
    pub fn active_on(&self, day: vigie_core::Date) -> bool {
        self.from.is_none_or(|f| f <= day) && self.to.is_none_or(|t| day <= t)
    }

    /// Civilians (ACLED inter 7): the victims of violence against civilians.
    pub fn is_civilians(&self) -> bool {
        self.inter == 7
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ActorFile {
    #[serde(rename = "actor")]
    actors: Vec<ActorDef>,
    state_forces: Option<StateForces>,
}

/// How the state forces of a country with no actor of its own are named
/// (`[state_forces]` in actors.toml).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct StateForces {
    /// The name pattern; `{country}` is the country's English name.
    name: String,
    /// Country names written with "the" ("the United States").
    the: Vec<String>,
    /// ISO code -> the name as ACLED writes it in actor names, where it
    /// differs from countries.tsv ("CD" -> "the Democratic Republic of Congo").
    #[serde(default)]
    names: BTreeMap<String, String>,
}

#[derive(Debug)]
pub struct Actors {
    pub defs: Vec<ActorDef>,
    /// alias index -> (actor index, kind)
    pub aliases: Vec<(usize, AliasKind)>,
    pub set: PhraseSet,
    /// Folded aliases that several actors share (an army before and after a
    /// coup), with those actors: `from`/`to` choose among them.
    pub shared: HashMap<String, Vec<usize>>,
}

impl Actors {
    pub fn by_name(&self, name: &str) -> Option<usize> {
        self.defs.iter().position(|a| a.name == name)
    }
    pub fn state_of(&self, iso: &str) -> Option<usize> {
        self.defs
            .iter()
            .position(|a| a.state.as_deref() == Some(iso))
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct TypeRow {
    pub event_type: String,
    pub sub_event_type: String,
    pub disorder_type: String,
    /// The sub-type targets civilians by definition (ACLED's civilian
    /// targeting).
    #[serde(default)]
    pub civilian: bool,
    /// A record of this type told without a date of its own, in a story
    /// about another event, is background (strategic developments).
    #[serde(default)]
    pub own_date: bool,
    /// The actors a record of this type names when the text names none.
    #[serde(default)]
    pub actor1: Option<String>,
    #[serde(default)]
    pub actor2: Option<String>,
    pub plover: String,
    #[serde(default)]
    pub mode: Option<String>,
    pub cameo: String,
}

/// ACLED's disorder type of battles, explosions, violence against
/// civilians and mob violence.
const POLITICAL_VIOLENCE: &str = "Political violence";

impl TypeRow {
    /// Political violence alone (not excessive force against protesters,
    /// which is also a demonstration, nor protests or developments).
    pub fn is_political_violence(&self) -> bool {
        self.disorder_type == POLITICAL_VIOLENCE
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct WeaponRow {
    #[serde(default)]
    pub mode: Option<String>,
    #[serde(default)]
    pub cameo_for: BTreeMap<String, String>,
    /// The type a generic trigger ("strike", "attack") takes from this
    /// weapon.
    #[serde(default)]
    pub generic_type: Option<String>,
    /// Whether an interception of it is an interception (a drone, a
    /// missile, a shell: yes; small arms, a bomb on the ground: no).
    #[serde(default = "yes")]
    pub interceptable: bool,
}

fn yes() -> bool {
    true
}

impl Ontology {
    /// The type a generic trigger takes from weapon class `class`.
    pub fn type_of_weapon(&self, class: &str) -> Option<&str> {
        self.weapon.get(class)?.generic_type.as_deref()
    }

    /// Whether weapon class `class` can be intercepted (a class without a
    /// row can).
    pub fn interceptable(&self, class: &str) -> bool {
        self.weapon.get(class).is_none_or(|w| w.interceptable)
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct Ontology {
    pub r#type: BTreeMap<String, TypeRow>,
    #[serde(default)]
    pub weapon: BTreeMap<String, WeaponRow>,
    #[serde(default)]
    pub refine: BTreeMap<String, Refine>,
    /// The type of political violence whose victims are protesters.
    #[serde(default)]
    pub on_protesters: Option<String>,
    /// The type an unspecified attack takes when its trigger names no
    /// fallback.
    pub default_fallback: String,
    /// The type that default becomes when the victims are civilians.
    pub on_civilians: String,
}

/// What makes a record of a type a sharper one (`[refine.<type>]`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Refine {
    /// (cue list, sharper type), tried in order.
    #[serde(default)]
    pub cues: Vec<(String, String)>,
    /// The sharper type when the record counts fatalities.
    #[serde(default)]
    pub lethal: Option<String>,
}

/// The internal types triggers may name besides the ontology's rows.
pub const CONTEXT_TYPES: [&str; 6] = [
    "strike",
    "bombard",
    "generic",
    "launch",
    "territory",
    "none",
];

fn toml_err(path: &str, text: &str, e: &toml::de::Error) -> String {
    let line = e
        .span()
        .map(|s| text[..s.start.min(text.len())].lines().count().max(1));
    match line {
        Some(l) => format!("{path}:{l}: {}", e.message()),
        None => format!("{path}: {}", e.message()),
    }
}

pub fn load_ontology(res: &Resources, errors: &mut Vec<String>) -> Option<Ontology> {
    let path = "ontology.toml";
    let text = match res.require(path) {
        Ok(t) => t,
        Err(e) => {
            errors.push(e.to_string());
            return None;
        }
    };
    match toml::from_str::<Ontology>(&text) {
        Ok(o) => {
            let named = [
                ("on_protesters", o.on_protesters.as_ref()),
                ("default_fallback", Some(&o.default_fallback)),
                ("on_civilians", Some(&o.on_civilians)),
            ];
            for (key, t) in named {
                if let Some(t) = t.filter(|t| !o.r#type.contains_key(*t)) {
                    errors.push(format!("{path}: {key} {t:?} is no [type] row"));
                }
            }
            for (from, r) in &o.refine {
                let targets = r.cues.iter().map(|(_, t)| t).chain(&r.lethal);
                for t in std::iter::once(from).chain(targets) {
                    if !o.r#type.contains_key(t) {
                        errors.push(format!("{path}: [refine.{from}]: {t:?} is no [type] row"));
                    }
                }
                for (cue, _) in &r.cues {
                    if Cue::named(cue).is_none() {
                        errors.push(format!("{path}: [refine.{from}]: no cue list {cue:?}"));
                    }
                }
            }
            for (class, w) in &o.weapon {
                if let Some(t) = w
                    .generic_type
                    .as_ref()
                    .filter(|t| !o.r#type.contains_key(*t))
                {
                    errors.push(format!(
                        "{path}: [weapon.{class}] generic_type {t:?} is no [type] row"
                    ));
                }
            }
            Some(o)
        }
        Err(e) => {
            errors.push(toml_err(path, &text, &e));
            None
        }
    }
}

pub fn load_actors(res: &Resources, errors: &mut Vec<String>) -> Option<Actors> {
    let path = "actors.toml";
    let text = match res.require(path) {
        Ok(t) => t,
        Err(e) => {
            errors.push(e.to_string());
            return None;
        }
    };
    let file: ActorFile = match toml::from_str(&text) {
        Ok(f) => f,
        Err(e) => {
            errors.push(toml_err(path, &text, &e));
            return None;
        }
    };
    let mut defs = file.actors;
    if let Some(sf) = &file.state_forces {
        add_state_forces(res, sf, &mut defs, errors);
    }
    let mut aliases = Vec::new();
    let mut patterns: Vec<(usize, String)> = Vec::new();
    let mut owners: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, a) in defs.iter().enumerate() {
        if !(1..=8).contains(&a.inter) {
            errors.push(format!(
                "{path}: actor {:?}: inter {} is not an ACLED inter code (1-8)",
                a.name, a.inter
            ));
        }
        let mut add = |list: &[String], kind: AliasKind| {
            for p in list {
                patterns.push((aliases.len(), p.clone()));
                aliases.push((i, kind));
                let holders = owners.entry(vigie_tokens::fold_str(p)).or_default();
                if !holders.contains(&i) {
                    holders.push(i);
                }
            }
        };
        add(std::slice::from_ref(&a.name), AliasKind::Name);
        add(&a.fr, AliasKind::Name);
        add(&a.en, AliasKind::Name);
        add(&a.ar, AliasKind::Name);
        add(&a.metonyms, AliasKind::Metonym);
        add(&a.partisan, AliasKind::Partisan);
    }
    match PhraseSet::new(patterns.iter().map(|(i, p)| (*i, p.as_str()))) {
        Ok(set) => Some(Actors {
            defs,
            aliases,
            set,
            shared: owners.into_iter().filter(|(_, v)| v.len() > 1).collect(),
        }),
        Err(e) => {
            errors.push(format!("{path}: {e}"));
            None
        }
    }
}

/// The state forces of every country in `countries.tsv` that has no
/// actor standing for it: "Military Forces of Mali", inter 1. Text refers
/// to them through a country adjective and a generic noun ("l'armée
/// malienne", "Malian troops"), which the arguments pass resolves by
/// `state`.
fn add_state_forces(
    res: &Resources,
    sf: &StateForces,
    defs: &mut Vec<ActorDef>,
    errors: &mut Vec<String>,
) {
    let path = "countries.tsv";
    let text = match res.require(path) {
        Ok(t) => t,
        Err(e) => {
            errors.push(e.to_string());
            return;
        }
    };
    for (_, line) in vigie_resources::data_lines(&text) {
        let cols: Vec<&str> = line.split('\t').collect();
        let (Some(iso), Some(country)) = (cols.first(), cols.get(3)) else {
            continue;
        };
        if defs.iter().any(|a| a.state.as_deref() == Some(*iso)) {
            continue;
        }
        let country = match sf.names.get(*iso) {
            Some(name) => name.clone(),
            None if sf.the.iter().any(|t| t == country) => format!("the {country}"),
            None => (*country).to_string(),
        };
        defs.push(ActorDef {
            name: sf.name.replace("{country}", &country),
            inter: 1,
            country: Some((*iso).to_string()),
            state: Some((*iso).to_string()),
            focus: false,
            fr: Vec::new(),
            en: Vec::new(),
            ar: Vec::new(),
            metonyms: Vec::new(),
            partisan: Vec::new(),
            from: None,
            to: None,
        });
    }
}

fn load_tsv_pairs(
    res: &Resources,
    path: &str,
    errors: &mut Vec<String>,
    min_cols: usize,
) -> Vec<(usize, Vec<String>)> {
    let Some(text) = optional_text(res, path, errors) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (line, l) in data_lines(&text) {
        let cols: Vec<String> = l.split('\t').map(|c| c.trim().to_string()).collect();
        if cols.len() < min_cols || cols.iter().take(min_cols).any(|c| c.is_empty()) {
            errors.push(format!(
                "{path}:{line}: expected {min_cols} tab-separated columns"
            ));
            continue;
        }
        out.push((line, cols));
    }
    out
}

pub fn load_lang(
    res: &Resources,
    lang: &str,
    ontology: Option<&Ontology>,
    errors: &mut Vec<String>,
) -> Option<LangLex> {
    let base = format!("lang/{lang}/extract");
    let tpath = format!("{base}/triggers.toml");
    let ttext = match res.text(&tpath) {
        Ok(Some(t)) => t,
        Ok(None) => return None,
        Err(e) => {
            errors.push(e.to_string());
            return None;
        }
    };
    let triggers = match toml::from_str::<TriggerFile>(&ttext) {
        Ok(f) => f.triggers,
        Err(e) => {
            errors.push(toml_err(&tpath, &ttext, &e));
            Vec::new()
        }
    };
    let mut seen = std::collections::HashSet::new();
    for t in &triggers {
        if !seen.insert(t.id.clone()) {
            errors.push(format!("{tpath}: duplicate trigger id {:?}", t.id));
        }
        let known = CONTEXT_TYPES.contains(&t.r#type.as_str())
            || ontology.is_none_or(|o| o.r#type.contains_key(&t.r#type));
        if !known {
            errors.push(format!(
                "{tpath}: trigger {:?}: unknown type {:?}",
                t.id, t.r#type
            ));
        }
        let fallback_known = t
            .fallback
            .as_ref()
            .is_none_or(|f| ontology.is_none_or(|o| o.r#type.contains_key(f)));
        if !fallback_known {
            errors.push(format!(
                "{tpath}: trigger {:?}: fallback {:?} is no [type] row",
                t.id, t.fallback
            ));
        }
    }
    let trigger_set = PhraseSet::new(
        triggers
            .iter()
            .enumerate()
            .flat_map(|(i, t)| t.phrases.iter().map(move |p| (i, p.as_str()))),
    )
    .map_err(|e| errors.push(format!("{tpath}: {e}")))
    .ok()?;

    let wpath = format!("{base}/weapons.tsv");
    let wrows = load_tsv_pairs(res, &wpath, errors, 3);
    let mut weapons = Vec::new();
    let mut weapon_details = Vec::new();
    let mut wpats = Vec::new();
    for (line, cols) in &wrows {
        let rank = cols[2].parse::<u8>().unwrap_or_else(|_| {
            errors.push(format!(
                "{wpath}:{line}: rank {:?} is not a number",
                cols[2]
            ));
            9
        });
        wpats.push((weapons.len(), cols[0].clone()));
        weapons.push((cols[1].clone(), rank));
        weapon_details.push(cols.get(3).filter(|d| !d.is_empty()).cloned());
    }
    let weapon_set = PhraseSet::new(wpats.iter().map(|(i, p)| (*i, p.as_str())))
        .map_err(|e| errors.push(format!("{wpath}: {e}")))
        .ok()?;

    let npath = format!("{base}/numbers.tsv");
    let mut numbers = HashMap::new();
    let mut approx_numbers = std::collections::HashSet::new();
    let mut scale_numbers = std::collections::HashSet::new();
    for (line, cols) in load_tsv_pairs(res, &npath, errors, 2) {
        match cols[1].parse::<u64>() {
            Ok(v) => {
                let word = vigie_tokens::fold_str(&cols[0]);
                match cols.get(2).map(String::as_str) {
                    None | Some("") => {}
                    Some("approx") => {
                        approx_numbers.insert(word.clone());
                    }
                    Some("scale") => {
                        scale_numbers.insert(word.clone());
                    }
                    Some(other) => errors.push(format!(
                        "{npath}:{line}: third column {other:?}: \"approx\" or \"scale\""
                    )),
                }
                numbers.insert(word, v);
            }
            Err(_) => errors.push(format!("{npath}:{line}: {:?} is not a number", cols[1])),
        }
    }

    let spath = format!("{base}/subjects.tsv");
    let subjects: HashMap<String, String> = load_tsv_pairs(res, &spath, errors, 2)
        .into_iter()
        .map(|(_, cols)| (vigie_tokens::fold_str(&cols[0]), cols[1].clone()))
        .collect();

    let cpath = format!("{base}/cues.toml");
    let mut cues = BTreeMap::new();
    let ctext = res.text(&cpath).ok().flatten().unwrap_or_default();
    let table: toml::Table = match toml::from_str(&ctext) {
        Ok(t) => t,
        Err(e) => {
            errors.push(toml_err(&cpath, &ctext, &e));
            toml::Table::new()
        }
    };
    for (cue, key, required) in Cue::ALL {
        let list: Vec<String> = match table.get(key) {
            Some(toml::Value::Array(a)) => a
                .iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect(),
            Some(_) => {
                errors.push(format!("{cpath}: {key} must be a list of strings"));
                Vec::new()
            }
            None => {
                if required {
                    errors.push(format!("{cpath}: missing list {key}"));
                }
                Vec::new()
            }
        };
        match PhraseSet::new(list.iter().enumerate().map(|(i, p)| (i, p.as_str()))) {
            Ok(s) => {
                cues.insert(cue, s);
            }
            Err(e) => errors.push(format!("{cpath}: {key}: {e}")),
        }
    }
    let adjective_follows_noun = table
        .get("adjective_follows_noun")
        .and_then(toml::Value::as_bool)
        .unwrap_or(false);
    for k in table.keys() {
        if k != "adjective_follows_noun" && !Cue::ALL.iter().any(|(_, key, _)| key == k) {
            errors.push(format!("{cpath}: unknown list {k}"));
        }
    }

    let words = Words::ALL
        .iter()
        .map(|&(list, name, how)| {
            (
                list,
                load_words(res, &format!("{base}/{name}.tsv"), how, errors),
            )
        })
        .collect();

    // Country adjectives belong to the geo data (lang/<lang>/geo/demonyms.tsv).
    let dpath = format!("lang/{lang}/geo/demonyms.tsv");
    let mut demonyms = Vec::new();
    let mut dpats = Vec::new();
    for (_, cols) in load_tsv_pairs(res, &dpath, errors, 2) {
        let iso = cols[1].to_ascii_uppercase();
        if iso.len() == 2 {
            dpats.push((demonyms.len(), cols[0].clone()));
            demonyms.push(iso);
        }
    }
    let demonym_set =
        PhraseSet::new(dpats.iter().map(|(i, p)| (*i, p.as_str()))).unwrap_or_else(|e| {
            errors.push(format!("{dpath}: {e}"));
            PhraseSet::empty()
        });
    Some(LangLex {
        lang: lang.to_string(),
        triggers,
        trigger_set,
        weapons,
        weapon_set,
        weapon_details,
        numbers,
        approx_numbers,
        scale_numbers,
        subjects,
        cues,
        demonyms,
        demonym_set,
        adjective_follows_noun,
        words,
        grammar: load_grammar(res, &base, errors),
        bank: PhraseBank::default(),
    })
}

/// The lemma lists of `grammar.toml` (empty lists when the file is missing:
/// the tree passes then decide nothing from lemmas).
fn load_grammar(res: &Resources, base: &str, errors: &mut Vec<String>) -> Grammar {
    let path = format!("{base}/grammar.toml");
    match res.text(&path) {
        Ok(Some(text)) => toml::from_str::<Grammar>(&text).unwrap_or_else(|e| {
            errors.push(toml_err(&path, &text, &e));
            Grammar::default()
        }),
        Ok(None) => Grammar::default(),
        Err(e) => {
            errors.push(e.to_string());
            Grammar::default()
        }
    }
}

/// One word list, an entry a line; folded when the list is compared with
/// folded text. A missing file is an empty list.
fn load_words(
    res: &Resources,
    path: &str,
    how: WordMatch,
    errors: &mut Vec<String>,
) -> Vec<String> {
    let Some(text) = optional_text(res, path, errors) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (line, l) in data_lines(&text) {
        let entry = l.trim();
        let entry = match how {
            WordMatch::Folded => vigie_tokens::fold_str(entry),
            WordMatch::Word | WordMatch::Gap => entry.to_string(),
        };
        let ok = match how {
            WordMatch::Folded => entry.chars().all(char::is_alphanumeric),
            WordMatch::Word => !entry.contains(char::is_whitespace),
            WordMatch::Gap => true,
        };
        if ok {
            out.push(entry);
        } else {
            errors.push(format!(
                "{path}:{line}: {l:?} is not one word (this list is compared word by word)"
            ));
        }
    }
    out
}

/// The text of an optional resource file: `None` when it is missing, or
/// when it cannot be read (the error is recorded).
fn optional_text(
    res: &Resources,
    path: &str,
    errors: &mut Vec<String>,
) -> Option<std::borrow::Cow<'static, str>> {
    res.text(path).unwrap_or_else(|e| {
        errors.push(e.to_string());
        None
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lang(res: &Resources, code: &str) -> LangLex {
        let mut errors = Vec::new();
        let lex = load_lang(res, code, None, &mut errors);
        assert!(errors.is_empty(), "{errors:?}");
        lex.unwrap_or_else(|| panic!("no {code} lexicon"))
    }

    #[test]
    fn every_word_list_is_filled_in_french_and_english() {
        let res = Resources::embedded();
        for code in ["fr", "en"] {
            let lex = lang(&res, code);
            for (list, name, _) in Words::ALL {
                assert!(
                    lex.words.get(&list).is_some_and(|l| !l.is_empty()),
                    "lang/{code}/extract/{name}.tsv is missing or empty"
                );
            }
        }
    }

    #[test]
    fn word_lists_are_per_language_and_matched_as_their_list_says() {
        let res = Resources::embedded();
        let (fr, en) = (lang(&res, "fr"), lang(&res, "en"));
        assert!(fr.has_word(Words::PlaceCoordination, "et"));
        assert!(!fr.has_word(Words::PlaceCoordination, "and"));
        assert!(en.has_word(Words::PlaceCoordination, "and"));
        assert!(!en.has_word(Words::PlaceCoordination, "et"));
        // Folded lists are folded when loaded: "près" is matched as "pres".
        assert!(fr.has_word(Words::PlaceLocating, "pres"));
        assert!(!fr.has_word(Words::PlaceLocating, "près"));
        // The others are compared with the text as written.
        assert!(fr.has_word(Words::Auxiliaries, "été"));
        assert!(!fr.has_word(Words::Auxiliaries, "ete"));
        assert!(fr.has_word(Words::NumberRange, "à"));
        assert!(fr.has_word(Words::NumberRange, "-"));
        assert!(en.has_word(Words::NumberRange, "to"));
        assert!(!en.has_word(Words::NumberRange, "à"));
    }

    #[test]
    fn a_word_list_entry_of_two_words_is_reported_with_its_line() {
        let dir = std::env::temp_dir().join(format!("vigie-extract-words-{}", std::process::id()));
        let d = dir.join("lang/fr/extract");
        std::fs::create_dir_all(&d).unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(d.join("place_coordination.tsv"), "# test\net\nainsi que\n")
            .unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(d.join("others.tsv"), "# test\nles autres\n")
            .unwrap_or_else(|e| panic!("{e}"));
        let res = Resources::with_overrides(&dir).unwrap_or_else(|e| panic!("{e}"));
        let mut errors = Vec::new();
        let lex = load_lang(&res, "fr", None, &mut errors);
        let _ = std::fs::remove_dir_all(&dir);
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(errors[0].starts_with("lang/fr/extract/place_coordination.tsv:3:"));
        assert!(errors[1].starts_with("lang/fr/extract/others.tsv:2:"));
        // The good entries are kept.
        assert!(lex.is_some_and(|l| l.has_word(Words::PlaceCoordination, "et")));
    }
}
