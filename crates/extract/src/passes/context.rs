//! The context every pass reads: the document's annotations, places,
//! times and trees ([`DocCtx`]), the story told so far ([`Story`]), and the
//! frame the passes fill ([`Frame`]).

use vigie_core::{Date, Span};

use crate::annotate::{ActorRef, Annotations};
use crate::data::{Actors, Cue, LangLex, Ontology};

/// A place candidate: normalized-text span and resolved data.
#[derive(Debug, Clone)]
pub struct PlaceCand {
    pub span: Span,
    pub name_span: Span,
    pub place: vigie_geo::ResolvedPlace,
    pub rule: String,
}

/// A time candidate: normalized-text span, flags, and its index in the doc's list.
#[derive(Debug, Clone)]
pub struct TimeCand {
    pub span: Span,
    pub anaphoric: bool,
    pub open_since: bool,
    pub idx: usize,
}

/// A resolved date interval.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateVal {
    pub start: Date,
    pub end: Date,
    pub precision: u8,
}

/// Resolves the doc's time mentions (implemented over vigie-time in lib.rs).
pub trait TimeResolver {
    fn resolve(&self, idx: usize, reference: Option<Date>, anchor: Option<Date>)
    -> Option<DateVal>;
}

/// Who a statement comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum Speaker {
    Actor(usize),
    Source(String),
}

/// An event before it becomes a record.
#[derive(Debug, Clone)]
pub struct Frame {
    /// The sentence that gives the evidence.
    pub sentence: usize,
    /// The latest sentence that mentions the incident (restatements merged
    /// into the frame move it on): how close a new mention is told.
    pub last_mention: usize,
    pub trigger: Span,
    pub sent_span: Span,
    pub itype: String,
    /// The type an unspecified attack takes when nothing says more (the
    /// trigger's `fallback`).
    pub fallback: Option<String>,
    pub actor1: Option<usize>,
    /// Where actor1 is named in the sentence, when it is.
    pub actor1_span: Option<Span>,
    pub actor2: Option<usize>,
    pub target: Option<String>,
    pub weapon: Option<String>,
    /// The weapon's finer kind ("vbied", "mortar"), when its lexicon entry
    /// names one.
    pub weapon_detail: Option<String>,
    pub place: Option<PlaceCand>,
    pub date: Option<DateVal>,
    pub date_explicit: bool,
    /// Dated by an expression of its own clause (not anaphoric).
    pub date_firm: bool,
    pub fatalities: Option<u32>,
    pub claimed: bool,
    pub reported_by: Option<String>,
    pub rules: Vec<String>,
    /// Headline or place-less: only merges into a fuller frame.
    pub merge_only: bool,
    /// Told as another incident ("a second strike", "une autre frappe"):
    /// restates none told before it.
    pub distinct: bool,
    /// The sentences merged into this frame (normalized spans), each with
    /// the rule that linked it; the evidence sentence may be among them.
    pub mentions: Vec<(Span, String)>,
    pub notes: Vec<String>,
    /// Claims, accusations, denials and attributions about the incident
    /// (filled after merging by the attribution pass).
    pub statements: Vec<super::attribution::Statement>,
}

impl Frame {
    /// A frame for a candidate, its trigger rule first.
    pub fn new(s: &super::candidates::SentenceView<'_>, c: &super::candidates::Candidate) -> Frame {
        Frame {
            sentence: s.index,
            last_mention: s.index,
            trigger: c.trigger,
            sent_span: s.span,
            itype: String::new(),
            fallback: None,
            actor1: None,
            actor1_span: None,
            actor2: None,
            target: None,
            weapon: None,
            weapon_detail: None,
            place: None,
            date: None,
            date_explicit: false,
            date_firm: false,
            fatalities: None,
            claimed: false,
            reported_by: None,
            rules: vec![c.rule.clone()],
            merge_only: s.headline,
            distinct: false,
            mentions: Vec::new(),
            notes: Vec::new(),
            statements: Vec::new(),
        }
    }

    /// Records that rule `id` (without the language) decided something.
    pub fn rule(&mut self, cx: &DocCtx<'_>, id: &str) {
        self.rules.push(format!("{}.{id}", cx.lang));
    }
}

/// Inputs of frame building for one document.
pub struct DocCtx<'a> {
    pub text: &'a str,
    pub lang: &'a str,
    pub lex: &'a LangLex,
    pub actors: &'a Actors,
    pub ontology: &'a Ontology,
    pub ann: &'a Annotations<'a>,
    /// The trees of the parsed sentences.
    pub parses: &'a crate::parse::Parses<'a>,
    pub sentences: &'a [(Span, bool)],
    pub places: &'a [PlaceCand],
    pub times: &'a [TimeCand],
    pub resolver: &'a dyn TimeResolver,
    pub reference: Option<Date>,
    /// A country as a resolved place, by ISO code.
    pub country: &'a dyn Fn(&str) -> Option<vigie_geo::ResolvedPlace>,
}

/// What the text has told so far, carried from one sentence to the next.
/// The passes read it; only [`super::run`] updates it, after each event
/// and each sentence.
#[derive(Debug, Clone, Default)]
pub struct Story {
    /// The armed group the text is about: the last perpetrator or claimant.
    pub focus: Option<usize>,
    /// The state forces of the last event told (for "l'armée").
    pub last_state: Option<usize>,
    /// Who made the last statement.
    pub last_speaker: Option<Speaker>,
    /// The last claim by an actor: (sentence, actor). A sentence with no
    /// statement of its own right after it continues it.
    pub last_claim: Option<(usize, usize)>,
    /// The date of the last event told with a date of its own.
    pub anchor: Option<Date>,
    /// The last event's trigger: (sentence, trigger definition), for an
    /// ellipsis ("another on B").
    pub last_trigger: Option<(usize, usize)>,
}

/// Why a trigger was dropped (for the trace).
#[derive(Debug, Clone)]
pub struct Dropped {
    pub span: Span,
    pub rule: String,
    pub why: String,
}

impl DocCtx<'_> {
    pub fn slice(&self, s: Span) -> &str {
        self.text.get(s.range()).unwrap_or("")
    }

    /// True when the words between `a` and `b` (folded) are at most
    /// `max_words` and one of them is in `list` ("X in Y", "70 et 120").
    pub fn gap_has_word(
        &self,
        a: usize,
        b: usize,
        list: crate::data::Words,
        max_words: usize,
    ) -> bool {
        let gap = self.folded_slice(a, b);
        let words: Vec<&str> = gap
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        words.len() <= max_words && words.iter().any(|w| self.lex.has_word(list, w))
    }

    /// The folded word right before `pos`, not before `from`.
    pub fn word_before(&self, from: usize, pos: usize) -> Option<&str> {
        self.folded_slice(from, pos)
            .split(|c: char| !c.is_alphanumeric())
            .rfind(|w| !w.is_empty())
    }

    pub fn folded_slice(&self, start: usize, end: usize) -> &str {
        let f = self.ann.stream;
        let (a, b) = (f.folded_at(start), f.folded_at(end));
        f.folded.get(a..b).unwrap_or("")
    }

    /// Clause boundaries inside a sentence: `;`, parentheses, clause-end cues.
    pub fn clause_of(&self, sent: Span, pos: usize, end: usize) -> (usize, usize) {
        let mut start = sent.start;
        let mut stop = sent.end;
        for c in self.ann.cues_in(Cue::ClauseEnd, sent.start, sent.end) {
            if c.end <= pos {
                start = start.max(c.end);
            } else if c.start >= end {
                stop = stop.min(c.start);
            }
        }
        let body = self.slice(sent);
        for (i, ch) in body.char_indices() {
            let at = sent.start + i;
            if matches!(ch, ';' | '(' | ')' | '\u{2014}') {
                if at < pos {
                    start = start.max(at + 1);
                } else if at >= end {
                    stop = stop.min(at);
                }
            }
        }
        (start, stop)
    }

    /// The number of words between two offsets.
    pub fn words_between(&self, a: usize, b: usize) -> usize {
        self.ann.words_between(self.text, a, b)
    }

    pub fn resolve_actor(
        &self,
        r: ActorRef,
        pos: usize,
        sent: Span,
        story: &Story,
    ) -> Option<usize> {
        match r {
            ActorRef::Named(i) => Some(i),
            ActorRef::Adjective(d) => self
                .lex
                .demonyms
                .get(d)
                .and_then(|iso| self.actors.state_of(iso)),
            ActorRef::Focus => {
                // "X a annoncé que ses combattants", "IDF said it struck": a
                // name earlier in the sentence, else the group in focus.
                let named = self.ann.actors_in(sent).iter().rev().find(|h| {
                    sent.contains(h.span)
                        && h.span.end <= pos
                        && matches!(h.what, ActorRef::Named(_))
                        && !crate::annotate::preceded_by(
                            self.text,
                            h.span.start,
                            self.ann.cue(Cue::TargetPrep),
                        )
                });
                match named.map(|h| h.what) {
                    Some(ActorRef::Named(i)) => Some(i),
                    _ => story.focus.or_else(|| self.focus_before(pos)),
                }
            }
            ActorRef::StateGeneric => {
                // "la défense aérienne de la coalition", "l'armée de l'air israélienne".
                let own = self.ann.actors_in(sent).iter().find(|h| {
                    h.span.start > pos
                        && sent.contains(h.span)
                        && self.words_between(pos, h.span.start) <= 5
                        && self
                            .text
                            .get(pos..h.span.start)
                            .is_some_and(|g| !g.contains(','))
                        && !matches!(h.what, ActorRef::StateGeneric | ActorRef::Focus)
                });
                if let Some(h) = own {
                    let next = self.ann.actors.iter().position(|x| x.span == h.span);
                    if let Some(i) = next {
                        let hh = self.ann.actors[i];
                        let tail = self.text.get(pos..hh.span.start).unwrap_or("");
                        if tail.split_whitespace().count() <= 5 {
                            match hh.what {
                                ActorRef::Named(a) => return Some(a),
                                ActorRef::Adjective(d) => {
                                    if let Some(a) = self
                                        .lex
                                        .demonyms
                                        .get(d)
                                        .and_then(|iso| self.actors.state_of(iso))
                                    {
                                        return Some(a);
                                    }
                                }
                                _ => {}
                            }
                        }
                    }
                }
                // The state forces the text is telling about, else a country
                // adjective or metonym before it in the sentence.
                if let Some(a) = story.last_state {
                    return Some(a);
                }
                let mut best: Option<(usize, usize)> = None;
                for h in self.ann.actors_in(sent) {
                    if !sent.contains(h.span) || h.span.start > pos {
                        continue;
                    }
                    let iso = match h.what {
                        ActorRef::Adjective(d) => self.lex.demonyms.get(d).cloned(),
                        ActorRef::Named(i) if self.actors.defs[i].is_state() => {
                            self.actors.defs[i].state.clone()
                        }
                        _ => None,
                    };
                    if let Some(a) = iso.and_then(|iso| self.actors.state_of(&iso)) {
                        let d = h.span.start.abs_diff(pos);
                        if best.is_none_or(|(bd, _)| d < bd) {
                            best = Some((d, a));
                        }
                    }
                }
                best.map(|(_, a)| a)
            }
        }
    }

    /// The last named armed group mentioned before `pos`.
    pub fn focus_before(&self, pos: usize) -> Option<usize> {
        self.ann
            .actors
            .iter()
            .rev()
            .filter(|h| h.span.end <= pos)
            .find_map(|h| match h.what {
                ActorRef::Named(i) if self.actors.defs[i].focus => Some(i),
                _ => None,
            })
    }

    /// Statements in a sentence and who makes them.
    pub fn speakers(&self, sent: Span, story: &Story) -> Vec<(Speaker, bool, Span)> {
        let mut out = Vec::new();
        for (cue, is_claim) in [(Cue::Claim, true), (Cue::Report, false)] {
            for c in self.ann.cues_in(cue, sent.start, sent.end) {
                if out
                    .iter()
                    .any(|(_, _, s): &(Speaker, bool, Span)| s.overlaps(c))
                {
                    continue;
                }
                if let Some(sp) = self.speaker_near(c, sent, story) {
                    out.push((sp, is_claim, c));
                }
            }
        }
        out
    }

    pub fn speaker_near(&self, cue: Span, sent: Span, story: &Story) -> Option<Speaker> {
        // Candidates: actor mentions and non-actor sources, before (subject)
        // or after (inversion, "selon X") the cue; the closer one wins.
        let mut cands: Vec<(usize, Speaker)> = Vec::new();
        for h in self.ann.actors_in(sent) {
            if !sent.contains(h.span) || self.is_rubric(h.span, sent) {
                continue;
            }
            let d = if h.span.end <= cue.start {
                let d = self.words_between(h.span.end, cue.start);
                if d > 8 {
                    continue;
                }
                d
            } else if h.span.start >= cue.end {
                let d = self.words_between(cue.end, h.span.start);
                if d > 4 {
                    continue;
                }
                d
            } else {
                continue;
            };
            if let Some(a) = self.resolve_actor(h.what, h.span.start, sent, story) {
                // Named groups first: "X, une nébuleuse de factions pro-iraniennes, a revendiqué".
                let specific = matches!(h.what, ActorRef::Named(_))
                    && self.actors.defs[a].name != "Unidentified Armed Group";
                cands.push((d + if specific { 0 } else { 100 }, Speaker::Actor(a)));
            }
        }
        for s in self.ann.cues_in(Cue::Sources, sent.start, sent.end) {
            let d = if s.end <= cue.start {
                self.words_between(s.end, cue.start)
            } else if s.start >= cue.end {
                self.words_between(cue.end, s.start)
            } else {
                continue;
            };
            if d <= 6 {
                cands.push((d, Speaker::Source(self.slice(s).to_string())));
            }
        }
        cands.sort_by_key(|(d, _)| *d);
        cands.into_iter().next().map(|(_, s)| s)
    }

    /// A kicker before a colon at the start of a line ("Irak : un groupe
    /// revendique…"): a rubric, not a speaker.
    fn is_rubric(&self, span: Span, sent: Span) -> bool {
        let before = self.text.get(sent.start..span.start).unwrap_or("");
        let after = self.text.get(span.end..sent.end).unwrap_or("");
        before.chars().all(|c| !c.is_alphanumeric()) && after.trim_start().starts_with(':')
    }

    /// The finer kind of weapon class `class` named in `[a, b)`, nearest
    /// to `pos` first.
    pub fn weapon_detail_in(&self, a: usize, b: usize, class: &str, pos: usize) -> Option<String> {
        self.ann
            .weapons
            .iter()
            .filter(|w| w.span.start >= a && w.span.end <= b)
            .filter(|w| {
                self.lex
                    .weapons
                    .get(w.entry)
                    .is_some_and(|(c, _)| c == class)
            })
            .filter_map(|w| {
                let detail = self.lex.weapon_details.get(w.entry)?.as_ref()?;
                Some((w.span.start.abs_diff(pos), detail))
            })
            .min_by_key(|(d, _)| *d)
            .map(|(_, detail)| detail.clone())
    }

    /// The best weapon in `[a, b)`: lowest rank, then nearest to `pos`.
    pub fn weapon_in(&self, a: usize, b: usize, pos: usize) -> Option<(String, Span)> {
        let mut best: Option<(u8, usize, String, Span)> = None;
        for w in &self.ann.weapons {
            if w.span.start < a || w.span.end > b {
                continue;
            }
            let Some((class, rank)) = self.lex.weapons.get(w.entry) else {
                continue;
            };
            let d = w.span.start.abs_diff(pos);
            if best
                .as_ref()
                .is_none_or(|(r, bd, _, _)| (*rank, d) < (*r, *bd))
            {
                best = Some((*rank, d, class.clone(), w.span));
            }
        }
        best.map(|(_, _, c, s)| (c, s))
    }
}
