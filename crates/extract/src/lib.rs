//! vigie-extract: from an annotated document to event and figure records.
//!
//! [`Extractor::from_resources`] loads the trigger, cue, weapon and number
//! lexicons of every language under `resources/lang/*/extract/`, the actor
//! dictionary (`resources/actors.toml`), the ontology
//! (`resources/ontology.toml`), the time tagger and the geocoder, once.
//! [`Extractor::extract`] then runs on one [`vigie_core::Doc`]:
//!
//! 1. annotate the normalized text with every lexicon (triggers, weapons,
//!    actors, cues, numbers), the time tagger and the geocoder;
//! 2. build one frame per trigger that survives modality ([`frames`]);
//! 3. merge restatements of one incident;
//! 4. map each frame to the ontology and write an [`vigie_core::Event`];
//! 5. find cumulative figures ([`figures`]).
//!
//! Invariants: never panics on text; evidence offsets are byte offsets into
//! `doc.text` (the original), on character boundaries, and cover the
//! sentence the record comes from; every record lists the rules that made it;
//! output is deterministic.

mod annotate;
pub mod data;
mod dating;
mod figures;
mod lexicon;
pub mod parse;
mod passes;
mod select;

use std::collections::BTreeMap;

use vigie_core::{Date, Diagnostic, Doc, Event, Evidence, Figure, Location, Plover, Span};
use vigie_resources::Resources;

use crate::annotate::Annotations;
use crate::data::{Actors, LangLex, Ontology};
use crate::passes::{DateVal, DocCtx, Frame, PlaceCand, TimeCand, TimeResolver};

/// Errors of this crate: problems in the knowledge files or in the crates
/// it loads.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("extraction data errors:\n  {}", .0.join("\n  "))]
    Data(Vec<String>),
    #[error(transparent)]
    Time(#[from] vigie_time::Error),
    #[error(transparent)]
    Geo(#[from] vigie_geo::Error),
    #[error("syntax model {path}: {source}")]
    Syntax {
        path: String,
        source: vigie_syntax::Error,
    },
}

/// One step of the extraction, for `vigie extract --explain`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TraceItem {
    /// trigger, dropped, event, figure, date
    pub stage: String,
    /// Span in the original text.
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub rule: String,
    pub note: String,
}

/// What extraction found in one document.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    pub events: Vec<Event>,
    pub figures: Vec<Figure>,
    /// The publication date the text implies, when the metadata has none.
    pub inferred_published: Option<Date>,
    pub diagnostics: Vec<Diagnostic>,
    /// Every step, for `--explain`: filled by [`Extractor::explain`] only.
    pub trace: Vec<TraceItem>,
    /// The sentences worth parsing ([`select::sentences_to_parse`]):
    /// indices into the document's sentences.
    pub parse_sentences: Vec<usize>,
    /// What the parse pass did.
    pub parse: vigie_core::ParseCounts,
}

/// The extractor: every lexicon, the actor dictionary, the ontology, the
/// time tagger and the geocoder, loaded once.
pub struct Extractor {
    langs: BTreeMap<String, LangLex>,
    actors: Actors,
    ontology: Ontology,
    time: vigie_time::TimeTagger,
    geo: vigie_geo::Geocoder,
    syntax: parse::Models,
}

impl std::fmt::Debug for Extractor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Extractor")
            .field("langs", &self.langs.keys().collect::<Vec<_>>())
            .finish()
    }
}

struct Resolver<'a> {
    mentions: &'a [vigie_time::TimeMention],
}

/// How far (in days) the narrated event must lie from the article's date
/// for a date without a year to be read in the narrated time: beyond the
/// reach of "mardi" or "le 12" in news of the week (a quarter of a year).
const NARRATIVE_GAP_DAYS: i32 = 90;

impl TimeResolver for Resolver<'_> {
    fn resolve(
        &self,
        idx: usize,
        reference: Option<Date>,
        anchor: Option<Date>,
    ) -> Option<DateVal> {
        let m = self.mentions.get(idx)?;
        // A story about another time ("En mars 2019, … Le mardi 12, …"):
        // a date without a year belongs to the narrated time, not to the
        // article's.
        let narrated = match (reference, anchor) {
            (Some(r), Some(a)) => (r - a).get_days().abs() > NARRATIVE_GAP_DAYS,
            _ => false,
        };
        // Such a narrative moves forward: "On Thursday" after an event on
        // a Tuesday is the Thursday after it.
        let in_narrated_time = narrated && m.expr.narrative_relative();
        let ctx = vigie_time::ResolveContext {
            reference: if in_narrated_time { anchor } else { reference },
            anchor,
            prefer: if in_narrated_time {
                vigie_time::Prefer::Future
            } else {
                vigie_time::Prefer::Past
            },
        };
        let v = m.resolve(&ctx)?;
        Some(DateVal {
            start: v.start,
            end: v.end,
            precision: v.precision,
        })
    }
}

impl Extractor {
    /// Loads everything from `r`, the syntax models included; reports
    /// every data error at once.
    pub fn from_resources(r: &Resources) -> Result<Extractor, Error> {
        Self::load(r, true)
    }

    /// Loads everything from `r`; without `parse`, no syntax model is
    /// loaded and the passes read the token order only.
    pub fn load(r: &Resources, parse: bool) -> Result<Extractor, Error> {
        // The gazetteer is the longest to load: the rest loads beside it.
        let (geo, rest) = std::thread::scope(|sc| {
            let geo = sc.spawn(|| vigie_geo::Geocoder::from_resources(r));
            let rest = Self::load_data(r)
                .and_then(|data| Ok((data, vigie_time::TimeTagger::from_resources(r)?)));
            (geo.join(), rest)
        });
        let ((langs, actors, ontology), time) = rest?;
        let geo = match geo {
            Ok(geo) => geo?,
            Err(panic) => std::panic::resume_unwind(panic),
        };
        let syntax = if parse {
            parse::Models::load(r)?
        } else {
            parse::Models::default()
        };
        Ok(Extractor {
            langs,
            actors,
            ontology,
            time,
            geo,
            syntax,
        })
    }

    /// Loads the extraction's own knowledge files (no time tagger, no
    /// geocoder): used by the data tests.
    pub fn load_data(
        r: &Resources,
    ) -> Result<(BTreeMap<String, LangLex>, Actors, Ontology), Error> {
        let mut errors = Vec::new();
        let ontology = data::load_ontology(r, &mut errors);
        let actors = data::load_actors(r, &mut errors);
        let mut langs = BTreeMap::new();
        for lang in r.languages() {
            if let Some(l) = data::load_lang(r, &lang, ontology.as_ref(), &mut errors) {
                langs.insert(lang, l);
            }
        }
        if let Some(a) = &actors {
            for (code, l) in langs.iter_mut() {
                if let Err(e) = l.compile(a) {
                    errors.push(format!("lang/{code}: {e}"));
                }
            }
        }
        match (ontology, actors, errors.is_empty()) {
            (Some(o), Some(a), true) => Ok((langs, a, o)),
            _ => Err(Error::Data(errors)),
        }
    }

    /// The loaded syntax models (empty when loaded without parsing).
    pub fn syntax(&self) -> &parse::Models {
        &self.syntax
    }

    /// The languages with extraction lexicons.
    pub fn languages(&self) -> Vec<&str> {
        self.langs.keys().map(String::as_str).collect()
    }

    /// Extracts events and figures from one document. Never panics on text.
    pub fn extract(&self, doc: &Doc) -> Extraction {
        self.extract_with(doc, false)
    }

    /// [`Extractor::extract`] with the trace filled: every trigger, every
    /// dropped candidate with its rule, every event with the pass behind
    /// each field and the parse of its sentence, every figure (for `vigie
    /// extract --explain`; building it costs time a run does not pay).
    pub fn explain(&self, doc: &Doc) -> Extraction {
        self.extract_with(doc, true)
    }

    fn extract_with(&self, doc: &Doc, explain: bool) -> Extraction {
        let mut out = Extraction::default();
        let lang = doc.lang.as_str();
        let Some(lex) = self.langs.get(lang) else {
            out.diagnostics.push(Diagnostic::info(
                "extract.language",
                format!("no extraction lexicons for language {lang:?}; no events extracted"),
            ));
            return out;
        };
        let text = doc.norm.text.as_str();
        // The stream the text stage built; a document made by hand without
        // one is tokenized here, with the language-neutral word rules.
        let own_stream;
        let built = doc.tokens.text_len == text.len() && !doc.tokens.folded.is_empty();
        let stream = if built || text.is_empty() {
            &doc.tokens
        } else {
            own_stream = {
                let mut s = vigie_core::TokenStream::default();
                vigie_tokens::tokens_into(text, &mut s);
                s
            };
            &own_stream
        };
        let mut ann = Annotations::new(text, stream, lex, &self.actors);

        // Dating: the publication date, from the metadata or the text.
        let mentions = self.time.find_in(stream, &stream.tokens, lang);
        let dated = dating::publication_date(&self.time, doc, text, stream, &mentions);
        let reference = dated.published;
        if let Some(day) = reference {
            ann.date_actors(&self.actors, day);
        }
        let inferred = dated.inferred;
        if inferred {
            out.inferred_published = reference;
        }
        if explain {
            out.trace.extend(dated.trace);
        }
        out.diagnostics.extend(dated.diagnostics);
        let times: Vec<TimeCand> = mentions
            .iter()
            .enumerate()
            .filter(|(_, m)| m.end <= text.len() && m.start <= m.end)
            .map(|(i, m)| TimeCand {
                span: Span::new(m.start, m.end),
                anaphoric: m.anaphoric,
                open_since: m.open_since,
                idx: i,
            })
            .collect();
        let places: Vec<PlaceCand> = self
            .geo
            .geocode_in(text, stream, lang)
            .into_iter()
            .filter_map(|p| {
                // "Iran-backed", "US-led": part of an adjective, not a place.
                if text.get(p.name_end..).is_some_and(|r| {
                    r.starts_with('-') && r[1..].starts_with(|c: char| c.is_alphabetic())
                }) {
                    return None;
                }
                let place = p.place?;
                Some(PlaceCand {
                    span: Span::new(p.start, p.end),
                    name_span: Span::new(p.name_start, p.name_end),
                    place,
                    rule: p.rule,
                })
            })
            .collect();
        let sentences: Vec<(Span, bool)> = if doc.sentences.is_empty() {
            vec![(Span::new(0, text.len()), false)]
        } else {
            doc.sentences.iter().map(|s| (s.norm, s.headline)).collect()
        };
        let resolver = Resolver {
            mentions: &mentions,
        };
        let country = |iso: &str| -> Option<vigie_geo::ResolvedPlace> {
            let p = self
                .geo
                .place(&format!("cur:country:{}", iso.to_ascii_lowercase()))?;
            Some(vigie_geo::ResolvedPlace {
                geo_precision: 3,
                ..p.into()
            })
        };
        if !doc.sentences.is_empty() {
            let spans: Vec<Span> = doc.sentences.iter().map(|s| s.norm).collect();
            out.parse_sentences = select::sentences_to_parse(&ann, lex, &spans);
        }
        let parses = if built {
            self.syntax.parse_selected(doc, &out.parse_sentences)
        } else {
            parse::Parses::default()
        };
        out.parse = parses.counts;
        let cx = DocCtx {
            parses: &parses,
            text,
            lang,
            lex,
            actors: &self.actors,
            ontology: &self.ontology,
            ann: &ann,
            sentences: &sentences,
            places: &places,
            times: &times,
            resolver: &resolver,
            reference,
            country: &country,
        };
        let (frames, dropped) = passes::run(&cx);
        let (mut merged, mut unmerged) = passes::records::merge(frames);
        passes::records::keep_only_report(&cx, &mut merged, &mut unmerged);
        let told_in: Vec<usize> = merged.iter().map(|f| f.sentence).collect();
        for f in &mut merged {
            passes::typing::settle(&cx, f);
            passes::typing::refine(&cx, f, &told_in);
            passes::attribution::fill(&cx, f, &told_in);
        }
        if explain {
            self.explain_candidates(doc, &ann, lex, &dropped, &unmerged, &mut out.trace);
        }
        let event_sentences: Vec<Span> = merged.iter().map(|f| f.sent_span).collect();
        for f in &merged {
            let ev = self.event_of(doc, f, &cx, inferred);
            if explain {
                let tree = parses.tree(f.sentence);
                self.explain_event(&ev, &f.notes, tree, text, &mut out.trace);
            }
            out.events.push(ev);
        }
        for fd in figures::find_figures(&cx, &event_sentences) {
            let ev = evidence(doc, fd.sentence);
            if explain {
                out.trace.push(TraceItem {
                    stage: "figure".into(),
                    start: ev.start,
                    end: ev.end,
                    text: format!("{} {} {}", fd.what, fd.count, fd.qualifier),
                    rule: fd.rules.join(" "),
                    note: String::new(),
                });
            }
            out.figures.push(Figure {
                doc: doc.meta.id.clone(),
                what: fd.what.to_string(),
                count: fd.count,
                qualifier: fd.qualifier.to_string(),
                subject: fd.subject,
                place: fd.place,
                as_of: fd.as_of,
                source: fd.source,
                evidence: ev,
                rules: fd.rules,
            });
        }
        out
    }

    /// The trace of the candidates: every trigger, every candidate a pass
    /// dropped with its rule, every frame that merged into nothing.
    fn explain_candidates(
        &self,
        doc: &Doc,
        ann: &Annotations<'_>,
        lex: &LangLex,
        dropped: &[passes::Dropped],
        unmerged: &[Frame],
        trace: &mut Vec<TraceItem>,
    ) {
        let lang = doc.lang.as_str();
        let item = |stage: &str, span: Span, rule: String, note: String| {
            let o = doc.norm.to_original(span);
            TraceItem {
                stage: stage.into(),
                start: o.start,
                end: o.end,
                text: doc.original(o).to_string(),
                rule,
                note,
            }
        };
        for t in &ann.triggers {
            let rule = lex
                .triggers
                .get(t.def)
                .map_or(String::new(), |d| format!("{lang}.trigger.{}", d.id));
            trace.push(item("trigger", t.span, rule, String::new()));
        }
        for d in dropped {
            trace.push(item("dropped", d.span, d.rule.clone(), d.why.clone()));
        }
        for f in unmerged {
            let why = if f.place.is_none() {
                "no place, and it restates no event told with one"
            } else {
                "headline that announces no event told after it"
            };
            let rule = format!("{lang}.records.unmerged");
            trace.push(item("dropped", f.trigger, rule, why.into()));
        }
    }

    /// The trace of an event: its rules, which pass decided each field,
    /// and the parse of its sentence.
    fn explain_event(
        &self,
        ev: &Event,
        notes: &[String],
        tree: Option<&parse::Tree<'_>>,
        text: &str,
        trace: &mut Vec<TraceItem>,
    ) {
        trace.push(TraceItem {
            stage: "event".into(),
            start: ev.evidence.start,
            end: ev.evidence.end,
            text: ev.evidence.text.clone(),
            rule: ev.rules.join(" "),
            note: format!("{} {}", ev.sub_event_type, notes.join("; ")),
        });
        let item = |stage: &str, note: String| TraceItem {
            stage: stage.into(),
            start: ev.evidence.start,
            end: ev.evidence.end,
            text: String::new(),
            rule: String::new(),
            note,
        };
        trace.push(item("fields", passes::records::fields_by_pass(&ev.rules)));
        if let Some(tree) = tree {
            trace.push(item("parse", tree.render(text)));
        }
    }

    fn event_of(&self, doc: &Doc, f: &Frame, cx: &DocCtx<'_>, inferred: bool) -> Event {
        let ev = evidence(doc, f.sent_span);
        let row = self.ontology.r#type.get(&f.itype);
        let wrow = f.weapon.as_ref().and_then(|w| self.ontology.weapon.get(w));
        let (event_type, sub_event_type, plover_kind, mut mode, mut cameo) = match row {
            Some(r) => (
                r.event_type.clone(),
                r.sub_event_type.clone(),
                r.plover.clone(),
                r.mode.clone(),
                r.cameo.clone(),
            ),
            None => Default::default(),
        };
        if let Some(w) = wrow {
            if w.mode.is_some() && f.itype != "disrupted_weapons_use" {
                mode = w.mode.clone();
            }
            if let Some(c) = w.cameo_for.get(&f.itype) {
                cameo = c.clone();
            }
        }
        let mut rules = f.rules.clone();
        let interception = f.itype == "disrupted_weapons_use";
        // The type's default actors when the text names none.
        let default = |name: Option<&String>, rule: &str, rules: &mut Vec<String>| {
            let a = self.actors.by_name(name?)?;
            rules.push(format!("{}.{rule}", cx.lang));
            Some(a)
        };
        let actor1 = match f.actor1 {
            Some(a) => Some(a),
            None if !interception => default(
                row.and_then(|r| r.actor1.as_ref()),
                "actor.unidentified",
                &mut rules,
            ),
            None => None,
        };
        let actor2 = f.actor2.or_else(|| {
            default(
                row.and_then(|r| r.actor2.as_ref()),
                "actor.victims_default",
                &mut rules,
            )
        });
        let name = |a: Option<usize>| {
            a.and_then(|i| self.actors.defs.get(i))
                .map(|d| d.name.clone())
        };
        let event_country = f.place.as_ref().map(|p| p.place.country.clone());
        // An unnamed actor ("Unidentified Armed Group", "Civilians": no
        // home country of its own) is of the country the event happened
        // in, as ACLED writes it ("Civilians (Sudan)").
        let country_of = |a: Option<usize>| {
            let def = self.actors.defs.get(a?)?;
            match def.country {
                Some(_) => None,
                None => event_country.clone(),
            }
        };
        let on_civilians = actor2
            .and_then(|i| self.actors.defs.get(i))
            .is_some_and(|d| d.is_civilians());
        let civilian_targeting =
            row.is_some_and(|r| r.civilian || on_civilians && r.is_political_violence());
        let location = f.place.as_ref().map(|p| {
            let o = doc.norm.to_original(p.name_span);
            Location {
                name: p.place.name.clone(),
                mention: doc.original(o).to_string(),
                country: Some(p.place.country.clone()),
                admin1: p.place.admin1.clone(),
                lat: Some(p.place.lat),
                lon: Some(p.place.lon),
                geo_precision: p.place.geo_precision,
                feature: Some(p.place.feature.clone()),
                gazetteer_id: Some(p.place.gazetteer_id.clone()),
                disputed: p.place.disputed,
            }
        });
        rules.push(format!("ontology.{}", f.itype));
        let id = event_id(&doc.meta.id, ev.start, ev.end, &f.itype, f.trigger.start);
        Event {
            id,
            doc: doc.meta.id.clone(),
            event_date: f.date.map(|d| d.start),
            date_start: f.date.map(|d| d.start),
            date_end: f.date.map(|d| d.end),
            time_precision: f.date.map(|d| d.precision),
            event_type,
            sub_event_type,
            disorder_type: row.map(|r| r.disorder_type.clone()).unwrap_or_default(),
            civilian_targeting,
            plover: Plover {
                kind: plover_kind,
                mode,
            },
            cameo,
            actor1: name(actor1),
            actor2: name(actor2),
            actor1_country: country_of(actor1),
            actor2_country: country_of(actor2),
            target: f.target.clone(),
            weapon: f.weapon.clone(),
            weapon_detail: f.weapon_detail.clone(),
            location,
            fatalities: f.fatalities,
            claimed: f.claimed,
            claimant: if f.claimed { name(actor1) } else { None },
            reported_by: f.reported_by.clone(),
            evidence: ev,
            rules,
            mentions: mentions(doc, f),
            attribution: attribution(&self.actors, doc, f, cx.lang),
            date_inferred: inferred && f.date.is_some(),
            ..Event::default()
        }
    }
}

/// The record's attribution entries: speakers and targets by their
/// canonical names, each with its sentence as evidence.
fn attribution(actors: &Actors, doc: &Doc, f: &Frame, lang: &str) -> Vec<vigie_core::Attribution> {
    let name = |a: usize| actors.defs.get(a).map(|d| d.name.clone());
    f.statements
        .iter()
        .filter_map(|st| {
            let who = match &st.who {
                passes::Speaker::Actor(a) => name(*a)?,
                passes::Speaker::Source(s) => s.clone(),
            };
            Some(vigie_core::Attribution {
                who,
                stance: st.stance.to_string(),
                target: st.target.and_then(name),
                evidence: evidence(doc, st.sentence),
                rule: format!("{lang}.{}", st.rule),
            })
        })
        .collect()
}

/// The sentences merged into a frame other than its evidence, once each,
/// in text order (the first rule that linked a sentence names it).
fn mentions(doc: &Doc, f: &Frame) -> Vec<vigie_core::Mention> {
    let mut spans: Vec<&(Span, String)> = Vec::new();
    for m in &f.mentions {
        if m.0 != f.sent_span && !spans.iter().any(|s| s.0 == m.0) {
            spans.push(m);
        }
    }
    spans.sort_by_key(|m| m.0.start);
    spans
        .into_iter()
        .map(|(span, rule)| {
            let e = evidence(doc, *span);
            vigie_core::Mention {
                text: e.text,
                start: e.start,
                end: e.end,
                rule: rule.clone(),
            }
        })
        .collect()
}

/// Evidence for a normalized-text sentence span: the original sentence.
fn evidence(doc: &Doc, norm: Span) -> Evidence {
    let o = doc.norm.to_original(norm);
    Evidence {
        text: doc.original(o).to_string(),
        start: o.start,
        end: o.end,
    }
}

/// "ev-" and 16 hex digits of a hash of the doc id, evidence span, type and trigger.
fn event_id(doc: &str, start: usize, end: usize, itype: &str, trig: usize) -> String {
    let key = format!("{doc}\u{1f}{start}\u{1f}{end}\u{1f}{itype}\u{1f}{trig}");
    format!("ev-{:016x}", xxhash_rust::xxh3::xxh3_64(key.as_bytes()))
}

/// The snake-case key of an ACLED sub-event type ("Air/drone strike" ->
/// "air_drone_strike"), as the gold files and the internal types write it.
pub fn subtype_key(sub_event_type: &str) -> String {
    sub_event_type
        .trim()
        .to_lowercase()
        .replace(['/', ' ', '-'], "_")
}
