//! Event frames: from a trigger and the arguments around it to an event.
//!
//! For every trigger in a sentence: drop it when modality says it is no
//! event (threat, future, conditional, negation, aggregate history, media,
//! "read also" links, an anaphoric mention of an event already told); find
//! the perpetrator (an adjective or agent attached to the trigger, else the
//! subject before it, else the actor in focus), the target and its side,
//! the weapon, the place (the target's place: places after the trigger in
//! its clause first), the date (a time expression of the sentence, anaphoric
//! ones anchored on the event told before), the fatalities, and who says so
//! (the perpetrator itself: a claim). Frames that restate one incident are
//! merged afterwards.

use vigie_core::{Date, Span};

use crate::annotate::{ActorRef, Annotations};
use crate::data::{Actors, Cue, LangLex, Words};

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
    pub sentence: usize,
    pub trigger: Span,
    pub sent_span: Span,
    pub itype: String,
    pub actor1: Option<usize>,
    pub actor2: Option<usize>,
    pub target: Option<String>,
    pub weapon: Option<String>,
    pub place: Option<PlaceCand>,
    pub date: Option<DateVal>,
    pub date_explicit: bool,
    pub fatalities: Option<u32>,
    pub claimed: bool,
    pub reported_by: Option<String>,
    pub rules: Vec<String>,
    /// Headline or place-less: only merges into a fuller frame.
    pub merge_only: bool,
    pub notes: Vec<String>,
}

/// Inputs of frame building for one document.
pub struct DocCtx<'a> {
    pub text: &'a str,
    pub lang: &'a str,
    pub lex: &'a LangLex,
    pub actors: &'a Actors,
    pub ann: &'a Annotations<'a>,
    pub sentences: &'a [(Span, bool)],
    pub places: &'a [PlaceCand],
    pub times: &'a [TimeCand],
    pub resolver: &'a dyn TimeResolver,
    pub reference: Option<Date>,
    /// A country as a resolved place, by ISO code.
    pub country: &'a dyn Fn(&str) -> Option<vigie_geo::ResolvedPlace>,
    /// The state forces of the last event told (for "l'armée").
    pub last_state: std::cell::Cell<Option<usize>>,
    /// The armed group the text is about: the last perpetrator or claimant.
    pub focus: std::cell::Cell<Option<usize>>,
}

/// Why a trigger was dropped (for the trace).
#[derive(Debug, Clone)]
pub struct Dropped {
    pub span: Span,
    pub rule: String,
    pub why: String,
}

impl DocCtx<'_> {
    fn slice(&self, s: Span) -> &str {
        self.text.get(s.range()).unwrap_or("")
    }

    fn folded_slice(&self, start: usize, end: usize) -> &str {
        let f = self.ann.stream;
        let (a, b) = (f.folded_at(start), f.folded_at(end));
        f.folded.get(a..b).unwrap_or("")
    }

    /// Clause boundaries inside a sentence: `;`, parentheses, clause-end cues.
    fn clause_of(&self, sent: Span, pos: usize, end: usize) -> (usize, usize) {
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
    fn words_between(&self, a: usize, b: usize) -> usize {
        self.ann.words_between(self.text, a, b)
    }

    fn resolve_actor(&self, r: ActorRef, pos: usize, sent: Span) -> Option<usize> {
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
                    _ => self.focus.get().or_else(|| self.focus_before(pos)),
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
                if let Some(a) = self.last_state.get() {
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
    fn focus_before(&self, pos: usize) -> Option<usize> {
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

    fn sentence_of(&self, pos: usize) -> Option<usize> {
        self.sentences
            .iter()
            .position(|(s, _)| s.start <= pos && pos < s.end)
    }

    /// Statements in a sentence and who makes them.
    fn speakers(&self, sent: Span) -> Vec<(Speaker, bool, Span)> {
        let mut out = Vec::new();
        for (cue, is_claim) in [(Cue::Claim, true), (Cue::Report, false)] {
            for c in self.ann.cues_in(cue, sent.start, sent.end) {
                if out
                    .iter()
                    .any(|(_, _, s): &(Speaker, bool, Span)| s.overlaps(c))
                {
                    continue;
                }
                if let Some(sp) = self.speaker_near(c, sent) {
                    out.push((sp, is_claim, c));
                }
            }
        }
        out
    }

    fn speaker_near(&self, cue: Span, sent: Span) -> Option<Speaker> {
        // Candidates: actor mentions and non-actor sources, before (subject)
        // or after (inversion, "selon X") the cue; the closer one wins.
        let mut cands: Vec<(usize, Speaker)> = Vec::new();
        for h in self.ann.actors_in(sent) {
            if !sent.contains(h.span) {
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
            if let Some(a) = self.resolve_actor(h.what, h.span.start, sent) {
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

    /// The best weapon in `[a, b)`: lowest rank, then nearest to `pos`.
    fn weapon_in(&self, a: usize, b: usize, pos: usize) -> Option<(String, Span)> {
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

/// Builds frames for every trigger of the document.
pub fn build_frames(cx: &DocCtx<'_>) -> (Vec<Frame>, Vec<Dropped>) {
    let mut frames: Vec<Frame> = Vec::new();
    let mut dropped = Vec::new();
    let mut last_speaker: Option<Speaker> = None;
    let mut anchor: Option<Date> = None;
    let lang = cx.lang;
    for (si, &(sent, headline)) in cx.sentences.iter().enumerate() {
        let speakers = cx.speakers(sent);
        let sent_text = cx.folded_slice(sent.start, sent.end);
        let lead = sent_text.trim_start_matches(|c: char| !c.is_alphanumeric());
        let read_also = cx
            .ann
            .cues_in(Cue::ReadAlso, sent.start, sent.end)
            .any(|c| {
                let before = cx.folded_slice(sent.start, c.start);
                before.chars().all(|ch| !ch.is_alphanumeric())
            })
            || lead.is_empty();
        let trig: Vec<_> = cx
            .ann
            .triggers
            .iter()
            .filter(|t| sent.contains(t.span))
            .copied()
            .collect();
        let mut interception_in_sentence = trig.iter().any(|t| {
            cx.lex
                .triggers
                .get(t.def)
                .is_some_and(|d| d.r#type == "disrupted_weapons_use")
                && cx
                    .weapon_in(sent.start, sent.end, t.span.start)
                    .is_some_and(|(w, _)| w != "small_arms" && w != "ied")
        });
        for t in trig {
            let Some(def) = cx.lex.triggers.get(t.def) else {
                continue;
            };
            let rule = format!("{lang}.trigger.{}", def.id);
            let drop = |why: &str, dropped: &mut Vec<Dropped>| {
                dropped.push(Dropped {
                    span: t.span,
                    rule: rule.clone(),
                    why: why.to_string(),
                })
            };
            if def.r#type == "none" {
                drop("stop phrase: not an event", &mut dropped);
                continue;
            }
            if read_also {
                drop("read-also link or teaser", &mut dropped);
                continue;
            }
            if continues_previous(cx, sent, t.span, def) {
                drop(
                    "continues the trigger before it (\"strikes targeting\")",
                    &mut dropped,
                );
                continue;
            }
            if cumulative_toll(cx, sent) {
                drop("cumulative toll sentence (a figure)", &mut dropped);
                continue;
            }
            let (cs, ce) = cx.clause_of(sent, t.span.start, t.span.end);
            // Modality before the trigger in its clause.
            let pre_start = cs.max(t.span.start.saturating_sub(160));
            let near_start = t.span.start.saturating_sub(40).max(cs);
            let neg = cx
                .ann
                .cues_in(Cue::Negation, near_start, t.span.start)
                .next()
                .is_some();
            if neg {
                drop("negated", &mut dropped);
                continue;
            }
            let threat = cx
                .ann
                .cues_in(Cue::Threat, pre_start, t.span.start)
                .next()
                .is_some();
            if threat {
                drop("threat, promise or future", &mut dropped);
                continue;
            }
            let cond = cx
                .ann
                .cues_in(Cue::Conditional, pre_start, t.span.start)
                .next()
                .is_some();
            if cond {
                drop("conditional", &mut dropped);
                continue;
            }
            if cx
                .ann
                .cues_in(Cue::Media, pre_start, t.span.start)
                .next()
                .is_some()
            {
                drop("about a photo or video", &mut dropped);
                continue;
            }
            let aggregate = cx.ann.cues_in(Cue::Aggregate, cs, ce).next().is_some()
                || cx
                    .times
                    .iter()
                    .any(|m| m.open_since && m.span.start >= sent.start && m.span.end <= ce);
            if aggregate {
                drop("aggregate or background", &mut dropped);
                continue;
            }
            let anaphoric = cx.ann.cue(Cue::Anaphoric).iter().any(|c| {
                c.end <= t.span.start
                    && cx.words_between(c.end, t.span.start) == 0
                    && t.span.start - c.end <= 2
            });
            if anaphoric {
                drop("anaphoric mention of an event told before", &mut dropped);
                continue;
            }
            let mut itype = def.r#type.clone();
            let is_interception = itype == "disrupted_weapons_use";
            if !is_interception && interception_in_sentence {
                // "a missile that was intercepted": the interception is the event.
                drop("told as an interception in the same sentence", &mut dropped);
                continue;
            }
            // Weapon: the trigger's own, else the best in its clause.
            let post_weapon = cx.weapon_in(t.span.start, ce, t.span.end);
            let pre_weapon = cx.weapon_in(
                cs.max(t.span.start.saturating_sub(60)),
                t.span.start,
                t.span.start,
            );
            let clause_weapon = match (&post_weapon, &pre_weapon) {
                (Some(a), Some(b)) => {
                    let ra = cx
                        .lex
                        .weapons
                        .iter()
                        .find(|(c, _)| *c == a.0)
                        .map_or(9, |w| w.1);
                    let rb = cx
                        .lex
                        .weapons
                        .iter()
                        .find(|(c, _)| *c == b.0)
                        .map_or(9, |w| w.1);
                    if rb < ra {
                        Some(b.clone())
                    } else {
                        Some(a.clone())
                    }
                }
                (a, b) => a.clone().or_else(|| b.clone()),
            };
            // A weapon right after the trigger ("a tiré deux missiles") is its own.
            let own_weapon = post_weapon
                .as_ref()
                .filter(|(_, s)| cx.words_between(t.span.end, s.start) <= 4)
                .map(|w| w.0.clone());
            let weapon = def
                .weapon
                .clone()
                .or(own_weapon)
                .or_else(|| clause_weapon.as_ref().map(|w| w.0.clone()));
            if itype == "launch"
                && post_weapon
                    .as_ref()
                    .is_none_or(|(_, s)| cx.words_between(t.span.end, s.start) > 6)
            {
                drop("launch verb without a weapon", &mut dropped);
                continue;
            }
            if is_interception {
                let aerial = clause_weapon
                    .as_ref()
                    .is_some_and(|(w, _)| w != "small_arms" && w != "ied");
                if !aerial {
                    drop("interception without an aerial weapon", &mut dropped);
                    continue;
                }
            }
            if def.weak && !is_interception {
                let has_target = cx
                    .ann
                    .cues_in(Cue::TargetPrep, t.span.end, ce)
                    .next()
                    .is_some()
                    || cx
                        .ann
                        .cues_in(Cue::TargetNoun, t.span.end, ce)
                        .any(|n| cx.words_between(t.span.end, n.start) <= 5)
                    || cx
                        .places
                        .iter()
                        .any(|p| p.span.start >= cs && p.span.end <= ce);
                if weapon.is_none() && !has_target {
                    drop("weak trigger without weapon, target or place", &mut dropped);
                    continue;
                }
            }
            let mut rules = vec![rule.clone()];
            let mut notes = Vec::new();

            // Perpetrator.
            let (actor1, a1_rule, a1_span) = perpetrator(cx, sent, t.span, cs, ce, is_interception);
            if let Some(r) = a1_rule {
                rules.push(format!("{lang}.actor.{r}"));
            }
            // Target and its side.
            let actor1 = if is_interception && actor1.is_none() {
                let state_speaker = speakers
                    .iter()
                    .map(|(s, _, _)| s)
                    .chain(last_speaker.iter())
                    .find_map(|s| match s {
                        Speaker::Actor(a) => Some(*a),
                        _ => None,
                    });
                if state_speaker.is_some() {
                    rules.push(format!("{lang}.actor.interceptor_is_speaker"));
                }
                state_speaker
            } else {
                actor1
            };
            // Nobody named: the perpetrator of the incident told just before.
            let actor1 = match actor1 {
                None if !is_interception => {
                    let prev = frames
                        .iter()
                        .rev()
                        .find(|f| si.saturating_sub(f.sentence) <= 2 && f.actor1.is_some())
                        .and_then(|f| f.actor1);
                    if prev.is_some() {
                        rules.push(format!("{lang}.actor.narrative"));
                    }
                    prev
                }
                a => a,
            };
            let (target, mut actor2) = target_of(cx, sent, t.span, ce, actor1, a1_span);
            if is_interception {
                actor2 = launcher(cx, sent, t.span, cs, ce, actor1);
            }
            // Place: the target's place.
            let mut places = place_of(cx, sent, t.span, cs, ce, a1_span, is_interception);
            let mut place_rule = None;
            if places.is_empty() && !def.weak {
                if let Some(p) = place_from_adjective(cx, sent, t.span, ce) {
                    place_rule = Some(format!("{lang}.place.target_adjective_country"));
                    places.push(p);
                }
            }
            for p in &places {
                rules.push(p.rule.clone());
            }
            if let Some(r) = place_rule {
                rules.push(r);
            }
            // "L'armée a bombardé ... dans la province de Diyala": the army of
            // the country where it acts.
            let actor1 = match actor1 {
                None if !is_interception && generic_state_subject(cx, sent, t.span) => {
                    let a = places
                        .first()
                        .and_then(|p| cx.actors.state_of(&p.place.country));
                    if a.is_some() {
                        rules.push(format!("{lang}.actor.state_of_place"));
                    }
                    a
                }
                a => a,
            };
            // Type from the weapon and the perpetrator.
            let state = actor1.is_some_and(|a| cx.actors.defs[a].is_state());
            let from_weapon = |w: &str| -> Option<&'static str> {
                Some(match w {
                    "drone" | "aircraft" => "air_drone_strike",
                    "missile" | "cruise_missile" | "ballistic_missile" | "rocket" | "artillery" => {
                        "shelling_artillery_missile_attack"
                    }
                    "ied" => "remote_explosive_landmine_ied",
                    "small_arms" => "armed_clash",
                    _ => return None,
                })
            };
            itype = match itype.as_str() {
                "strike" | "bombard" | "generic" | "launch" => {
                    if let Some(t) = weapon.as_deref().and_then(from_weapon) {
                        rules.push(format!("{lang}.type.by_weapon"));
                        t.to_string()
                    } else if itype == "strike" && state {
                        rules.push(format!("{lang}.type.state_strike_aerial"));
                        "air_drone_strike".to_string()
                    } else if itype == "bombard" {
                        if state {
                            "air_drone_strike".to_string()
                        } else {
                            "shelling_artillery_missile_attack".to_string()
                        }
                    } else {
                        "other".to_string()
                    }
                }
                _ => itype,
            };
            // Date.
            let (date, explicit, drule) = date_of(cx, sent, t.span, cs, ce, anchor);
            if explicit && date.is_some_and(|d| d.precision >= 3) {
                drop("vague date (a month or longer): background", &mut dropped);
                continue;
            }
            let firm_date = explicit
                && drule.as_deref().is_some_and(|r| r.ends_with("in_sentence"))
                && cx.times.iter().any(|m| {
                    !m.anaphoric && !m.open_since && m.span.start >= cs && m.span.end <= ce
                });
            if let Some(r) = drule {
                rules.push(r);
            }
            if explicit {
                if let Some(d) = date {
                    anchor = Some(d.start);
                }
            }
            // Fatalities.
            let fatalities = fatalities_of(cx, si, sent);
            if fatalities.is_some() {
                rules.push(format!("{lang}.fatalities.in_sentence"));
            }
            // Claims and attribution.
            let mut claimed = false;
            let mut reported_by = None;
            let own = |sp: &Speaker| matches!(sp, Speaker::Actor(a) if Some(*a) == actor1);
            if !speakers.is_empty() {
                let others: Vec<&Speaker> = speakers
                    .iter()
                    .map(|(s, _, _)| s)
                    .filter(|s| !own(s))
                    .collect();
                if speakers.iter().any(|(s, _, _)| own(s)) && others.is_empty() {
                    claimed = true;
                    rules.push(format!("{lang}.claim.speaker_is_perpetrator"));
                } else if let Some(o) = others.first() {
                    reported_by = Some(match o {
                        Speaker::Actor(a) => cx.actors.defs[*a].name.clone(),
                        Speaker::Source(s) => s.clone(),
                    });
                    rules.push(format!("{lang}.attribution.reported"));
                }
            } else if last_speaker.as_ref().is_some_and(own) {
                claimed = true;
                rules.push(format!("{lang}.claim.previous_statement"));
            }
            if interception_in_sentence && is_interception {
                interception_in_sentence = true;
            }
            if let Some(a) = actor1 {
                if self_focus(cx, a) {
                    cx.focus.set(Some(a));
                }
                cx.last_state.set(if cx.actors.defs[a].is_state() {
                    Some(a)
                } else {
                    None
                });
            }

            // Several countries named for one undated action: a summary.
            if places.len() > 1 && places.iter().all(|p| p.place.geo_precision >= 3) && !firm_date {
                let names: Vec<&str> = places.iter().map(|p| p.place.name.as_str()).collect();
                drop(
                    &format!("summary over several countries: {}", names.join(", ")),
                    &mut dropped,
                );
                continue;
            }
            if places.is_empty() && is_interception {
                // "most of the rockets were intercepted": where the attack was.
                if let Some(prev) = frames
                    .iter()
                    .rev()
                    .find(|f| f.place.is_some() && si.saturating_sub(f.sentence) <= 2)
                {
                    if let Some(p) = &prev.place {
                        places.push(p.clone());
                        rules.push(format!("{lang}.place.intercepted_attack"));
                    }
                }
            }
            if places.is_empty() {
                notes.push("no place found".to_string());
            }
            let fatalities = if places.len() > 1 { None } else { fatalities };
            let one = |place: Option<PlaceCand>| Frame {
                sentence: si,
                trigger: t.span,
                sent_span: sent,
                itype: itype.clone(),
                actor1,
                actor2,
                target: target.clone(),
                weapon: weapon.clone(),
                merge_only: headline || place.is_none(),
                place,
                date,
                date_explicit: explicit,
                fatalities,
                claimed,
                reported_by: reported_by.clone(),
                rules: rules.clone(),
                notes: notes.clone(),
            };
            if places.is_empty() {
                frames.push(one(None));
            } else {
                for p in places {
                    frames.push(one(Some(p)));
                }
            }
        }
        if let Some((sp, _, _)) = speakers.last() {
            last_speaker = Some(sp.clone());
        }
        for (sp, is_claim, _) in &speakers {
            if let (Speaker::Actor(a), true) = (sp, is_claim) {
                if self_focus(cx, *a) {
                    cx.focus.set(Some(*a));
                }
            }
        }
    }
    (frames, dropped)
}

/// True when the nearest actor-like mention before the trigger is a generic
/// state force ("l'armée", "security forces").
fn generic_state_subject(cx: &DocCtx<'_>, sent: Span, trig: Span) -> bool {
    cx.ann
        .actors
        .iter()
        .rfind(|h| sent.contains(h.span) && h.span.end <= trig.start)
        .is_some_and(|h| matches!(h.what, ActorRef::StateGeneric))
}

/// A weak generic trigger right after another trigger continues it
/// ("strikes targeting", "une attaque visant", "launched attacks").
fn continues_previous(
    cx: &DocCtx<'_>,
    sent: Span,
    trig: Span,
    def: &crate::data::TriggerDef,
) -> bool {
    if !(def.weak && (def.r#type == "generic" || def.r#type == "strike")) {
        return false;
    }
    cx.ann.triggers.iter().any(|o| {
        sent.contains(o.span)
            && o.span.end <= trig.start
            && cx.words_between(o.span.end, trig.start) <= 1
            && cx
                .lex
                .triggers
                .get(o.def)
                .is_some_and(|d| d.r#type != "none" && d.r#type != "launch")
    })
}

fn self_focus(cx: &DocCtx<'_>, a: usize) -> bool {
    cx.actors.defs.get(a).is_some_and(|d| d.focus)
}

/// The perpetrator: (actor, rule, mention span).
fn perpetrator(
    cx: &DocCtx<'_>,
    sent: Span,
    trig: Span,
    cs: usize,
    ce: usize,
    interception: bool,
) -> (Option<usize>, Option<&'static str>, Option<Span>) {
    let text = cx.text;
    // 1. An adjective or name attached to the trigger ("frappes israéliennes",
    //    "Israeli strikes", "attaque du Hamas", "ISIS ambush").
    for h in cx.ann.actors_in(sent) {
        if !sent.contains(h.span) {
            continue;
        }
        let after = cx.lex.adjective_follows_noun && h.span.start >= trig.end && {
            let gap = cx.folded_slice(trig.end, h.span.start);
            let gap = gap.trim_matches(|c: char| c == ' ' || c == '"' || c == '\'');
            gap.is_empty()
                || cx
                    .ann
                    .cues_in(Cue::Genitive, trig.end, h.span.start)
                    .any(|g| cx.words_between(g.end, h.span.start) == 0)
                    && cx.words_between(trig.end, h.span.start) <= 2
        };
        let before = h.span.end <= trig.start
            && text
                .get(h.span.end..trig.start)
                .is_some_and(|g| g.trim_matches(|c: char| c == ' ' || c == '-').is_empty())
            && matches!(h.what, ActorRef::Adjective(_) | ActorRef::Named(_));
        if (after || before) && !interception {
            if let Some(a) = cx.resolve_actor(h.what, h.span.start, sent) {
                return (Some(a), Some("attached"), Some(h.span));
            }
        }
    }
    // 2. An agent ("menée par X", "by X", "par la coalition").
    let reach = if interception { 3 } else { 1 };
    for c in cx
        .ann
        .cues_in(Cue::AgentPrep, trig.end, ce)
        .filter(|c| cx.words_between(trig.end, c.start) <= reach)
    {
        if let Some(h) = cx
            .ann
            .actors
            .iter()
            .find(|h| h.span.start >= c.end && cx.words_between(c.end, h.span.start) <= 2)
        {
            if let Some(a) = cx.resolve_actor(h.what, h.span.start, sent) {
                return (Some(a), Some("agent"), Some(h.span));
            }
        }
    }
    // 3. The subject: the nearest mention before the trigger in the sentence
    //    that is not a target, a victim or a place-like metonym after a
    //    locative.
    let targets = cx.ann.cue(Cue::TargetPrep);
    let mut best: Option<(Option<usize>, Span)> = None;
    for h in cx
        .ann
        .actors_in(sent)
        .iter()
        .filter(|h| sent.contains(h.span) && h.span.end <= trig.start)
    {
        if crate::annotate::preceded_by(text, h.span.start, targets) {
            continue;
        }
        // An adjective counts only on a weapon or a force ("Israeli fighter jets").
        if matches!(h.what, ActorRef::Adjective(_))
            && !cx.ann.weapons.iter().any(|w| {
                w.span.start >= h.span.end && cx.words_between(h.span.end, w.span.start) <= 1
            })
        {
            continue;
        }
        // For an interception, a subject that launched something is the launcher.
        if interception
            && cx.ann.triggers.iter().any(|t| {
                t.span.start >= h.span.end
                    && t.span.end <= trig.start
                    && cx.lex.triggers.get(t.def).is_some_and(|d| {
                        d.r#type == "launch" || d.r#type == "shelling_artillery_missile_attack"
                    })
            })
        {
            continue;
        }
        // The subject of "said", "acknowledged", "a indiqué" is a speaker.
        let reporter = cx
            .ann
            .cues_in(Cue::Report, h.span.end, trig.start)
            .any(|c| cx.words_between(h.span.end, c.start) <= 3)
            && cx
                .ann
                .cues_in(Cue::Claim, h.span.end, trig.start)
                .next()
                .is_none();
        if reporter {
            continue;
        }
        let claims_after = cx
            .ann
            .cues_in(Cue::Claim, h.span.end, trig.start)
            .any(|c| cx.words_between(h.span.end, c.start) <= 2);
        let victim = !claims_after
            && (cx
                .ann
                .cues_in(Cue::Killed, h.span.end, trig.start)
                .next()
                .is_some()
                || cx
                    .ann
                    .cues_in(Cue::Injured, h.span.end, trig.start)
                    .next()
                    .is_some());
        if victim {
            continue;
        }
        let _ = cs;
        let resolved = cx.resolve_actor(h.what, h.span.start, sent);
        // A generic "armed factions" after a named group describes it.
        let generic =
            resolved.is_some_and(|a| cx.actors.defs[a].name == "Unidentified Armed Group");
        if generic && best.as_ref().is_some_and(|(b, _)| b.is_some()) {
            continue;
        }
        best = Some((resolved, h.span));
    }
    if let Some((Some(a), span)) = best {
        return (Some(a), Some("subject"), Some(span));
    }
    (None, None, None)
}

/// The target text and the side it belongs to.
fn target_of(
    cx: &DocCtx<'_>,
    sent: Span,
    trig: Span,
    ce: usize,
    actor1: Option<usize>,
    a1_span: Option<Span>,
) -> (Option<String>, Option<usize>) {
    let start = cx
        .ann
        .cues_in(Cue::TargetPrep, trig.end, ce)
        .find(|c| cx.words_between(trig.end, c.start) <= 8)
        .map(|c| c.end)
        .unwrap_or(trig.end);
    let mut end = ce;
    let body = cx.text.get(start..ce).unwrap_or("");
    if let Some(i) = body.find([',', '.', ';']) {
        end = start + i;
    }
    let target = cx
        .text
        .get(start..end)
        .map(|s| s.trim().trim_matches(|c| c == '"' || c == ' ').to_string())
        .filter(|s| {
            let n = s.split_whitespace().count();
            (1..=14).contains(&n)
        });
    let mut side = None;
    for h in &cx.ann.actors {
        if h.span.start < start || h.span.end > end.max(start) || Some(h.span) == a1_span {
            continue;
        }
        let after_place = cx
            .places
            .iter()
            .any(|p| p.name_span.end <= h.span.start && h.span.start - p.name_span.end <= 1);
        if after_place && matches!(h.what, ActorRef::Adjective(_)) {
            continue;
        }
        if let Some(a) = cx.resolve_actor(h.what, h.span.start, sent) {
            if Some(a) != actor1 {
                side = Some(a);
                break;
            }
        }
    }
    (target, side)
}

/// The side whose weapon was intercepted.
fn launcher(
    cx: &DocCtx<'_>,
    sent: Span,
    trig: Span,
    cs: usize,
    ce: usize,
    interceptor: Option<usize>,
) -> Option<usize> {
    // An actor or adjective in the clause that is not the interceptor, the
    // nearest to the trigger; else the armed group in focus.
    let mut best: Option<(usize, usize)> = None;
    for h in cx.ann.actors_in(sent) {
        if h.span.start < cs.min(sent.start.max(cs)) || h.span.end > ce || !sent.contains(h.span) {
            continue;
        }
        if let Some(a) = cx.resolve_actor(h.what, h.span.start, sent) {
            if Some(a) == interceptor {
                continue;
            }
            let d = h.span.start.abs_diff(trig.start);
            if best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, a));
            }
        }
    }
    best.map(|(_, a)| a).or_else(|| {
        cx.focus_before(trig.start)
            .filter(|a| Some(*a) != interceptor)
    })
}

/// The places of the event: the first resolved place after the trigger in
/// its clause (a more precise one right after a region replaces it), plus
/// places coordinated with it ("à Tiri, Haddatha et Rachaf", "dans le Golan
/// et à Eilat"); else the nearest before the trigger in the sentence. Places
/// inside actor names ("Résistance islamique en Irak") never count.
fn place_of(
    cx: &DocCtx<'_>,
    sent: Span,
    trig: Span,
    cs: usize,
    ce: usize,
    a1: Option<Span>,
    interception: bool,
) -> Vec<PlaceCand> {
    let inside_actor = |p: &PlaceCand| {
        cx.ann.actors.iter().any(|h| {
            h.span.overlaps(p.name_span)
                && matches!(h.what, ActorRef::Named(_))
                && h.kind != crate::data::AliasKind::Metonym
        }) || a1.is_some_and(|s| s.overlaps(p.name_span))
            || cx.ann.actors.iter().any(|h| {
                // "Washington a riposté": a capital or country that acts is
                // an actor; after "contre"/"against" it is the target's land.
                h.span.overlaps(p.name_span)
                    && h.kind == crate::data::AliasKind::Metonym
                    && !cx.ann.cue(Cue::TargetPrep).iter().any(|c| {
                        c.end <= h.span.start && cx.words_between(c.end, h.span.start) <= 1
                    })
            })
    };
    // Places after the next trigger of the clause belong to it.
    let ce = cx
        .ann
        .triggers
        .iter()
        .filter(|t| t.span.start >= trig.end && t.span.start < ce)
        .filter(|t| {
            cx.lex
                .triggers
                .get(t.def)
                .is_none_or(|d| !continues_previous(cx, sent, t.span, d))
        })
        .filter(|t| {
            !(interception
                && cx
                    .lex
                    .triggers
                    .get(t.def)
                    .is_some_and(|d| d.r#type == "launch"))
        })
        .map(|t| t.span.start)
        .min()
        .unwrap_or(ce);
    let origin = |p: &PlaceCand| {
        cx.ann
            .cue(Cue::Origin)
            .iter()
            .any(|c| c.end <= p.span.start && cx.words_between(c.end, p.name_span.start) <= 3)
    };
    let mut after: Vec<&PlaceCand> = cx
        .places
        .iter()
        .filter(|p| p.span.start >= trig.start && p.span.end <= ce && !inside_actor(p))
        .collect();
    if after.iter().any(|p| !origin(p)) {
        after.retain(|p| !origin(p));
    }
    if !after.is_empty() {
        let groups = coordinated_groups(cx, &after);
        let mut out = groups.into_iter().next().unwrap_or_default();
        // A region named first, then a precise place right after it.
        if out.len() == 1 {
            if let (Some(first), Some(next)) = (after.first(), after.get(1)) {
                if first.place.geo_precision >= 3
                    && next.place.geo_precision < first.place.geo_precision
                    && next.span.start.saturating_sub(first.span.end) <= 60
                {
                    out = vec![(*next).clone()];
                }
            }
        }
        return out;
    }
    // A passive ("les villages de X et Y ont été visés"): the places before
    // the trigger in its clause, the group nearest to it.
    let before: Vec<&PlaceCand> = cx
        .places
        .iter()
        .filter(|p| {
            p.span.start >= cs
                && p.span.end <= trig.start
                && sent.contains(p.span)
                && !inside_actor(p)
        })
        .collect();
    if !before.is_empty() {
        return coordinated_groups(cx, &before).pop().unwrap_or_default();
    }
    cx.places
        .iter()
        .filter(|p| sent.contains(p.span) && !inside_actor(p) && p.span.start >= ce)
        .min_by_key(|p| p.span.start)
        .cloned()
        .into_iter()
        .collect()
}

/// Splits places in text order into groups of coordinated places ("X, Y et
/// Z"); a place that only locates the one before it ("X, dans la province
/// de Y") or anything else between them starts a new group.
fn coordinated_groups(cx: &DocCtx<'_>, places: &[&PlaceCand]) -> Vec<Vec<PlaceCand>> {
    let mut groups: Vec<Vec<PlaceCand>> = Vec::new();
    for p in places {
        let joined = groups.last().and_then(|g| g.last()).is_some_and(|prev| {
            let gap_start = prev.name_span.end.min(p.name_span.start);
            let gap = cx.folded_slice(gap_start, p.name_span.start);
            let words: Vec<&str> = gap
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .collect();
            let coord = words
                .iter()
                .any(|w| cx.lex.has_word(Words::PlaceCoordination, w))
                || (words.is_empty() && gap.contains(','));
            let locating = words
                .iter()
                .any(|w| cx.lex.has_word(Words::PlaceLocating, w));
            coord
                && !locating
                && words.len() <= 8
                && p.place.geo_precision <= prev.place.geo_precision.max(1) + 1
        });
        match groups.last_mut() {
            Some(g) if joined => {
                if !g
                    .iter()
                    .any(|o| o.place.gazetteer_id == p.place.gazetteer_id)
                    && g.len() < 8
                {
                    g.push((*p).clone());
                }
            }
            _ => groups.push(vec![(*p).clone()]),
        }
    }
    groups
}

/// For a target with no place ("une base militaire israélienne"): the
/// country its adjective names, at country precision.
fn place_from_adjective(cx: &DocCtx<'_>, sent: Span, trig: Span, ce: usize) -> Option<PlaceCand> {
    let h = cx.ann.actors_in(sent).iter().find(|h| {
        h.span.start >= trig.end
            && h.span.end <= ce
            && sent.contains(h.span)
            && matches!(h.what, ActorRef::Adjective(_))
    })?;
    let ActorRef::Adjective(d) = h.what else {
        return None;
    };
    let iso = cx.lex.demonyms.get(d)?;
    // Only a country the text places something in ("une base israélienne"
    // in a text about Israel), never the home of forces abroad.
    if !cx.places.iter().any(|p| &p.place.country == iso) {
        return None;
    }
    let country = (cx.country)(iso)?;
    Some(PlaceCand {
        span: h.span,
        name_span: h.span,
        place: country,
        rule: format!("{}.place.adjective", cx.lang),
    })
}

/// The date: a time expression of the clause (nearest the trigger), else of
/// the sentence; else the reference date.
fn date_of(
    cx: &DocCtx<'_>,
    sent: Span,
    trig: Span,
    cs: usize,
    ce: usize,
    anchor: Option<Date>,
) -> (Option<DateVal>, bool, Option<String>) {
    let mut cands: Vec<(usize, usize, &TimeCand)> = cx
        .times
        .iter()
        .filter(|m| sent.contains(m.span) && !m.open_since)
        .map(|m| {
            let in_clause = m.span.start >= cs && m.span.end <= ce;
            (
                usize::from(!in_clause),
                m.span.start.abs_diff(trig.start),
                m,
            )
        })
        .collect();
    cands.sort_by_key(|(a, b, _)| (*a, *b));
    for (_, _, m) in cands {
        if let Some(v) = cx.resolver.resolve(m.idx, cx.reference, anchor) {
            let rule = if m.anaphoric {
                "time.anaphoric_anchor"
            } else {
                "time.in_sentence"
            };
            return (Some(v), true, Some(format!("{}.{rule}", cx.lang)));
        }
    }
    // No date of its own: the event belongs to the narrative the text is
    // telling (the last date given to an event), else to the article's day.
    if let Some(a) = anchor {
        return (
            Some(DateVal {
                start: a,
                end: a,
                precision: 1,
            }),
            false,
            Some(format!("{}.time.narrative_date", cx.lang)),
        );
    }
    match cx.reference {
        Some(d) => (
            Some(DateVal {
                start: d,
                end: d,
                precision: 1,
            }),
            false,
            Some(format!("{}.time.reference_date", cx.lang)),
        ),
        None => (None, false, None),
    }
}

/// The number of people killed that a sentence tells for its event.
pub fn fatalities_of(cx: &DocCtx<'_>, si: usize, sent: Span) -> Option<u32> {
    if cumulative_toll(cx, sent) {
        return None;
    }
    if let Some(n) = killed_count(cx, sent) {
        return Some(n);
    }
    if cx.ann.has_cue(Cue::NoCasualty, sent.start, sent.end) {
        return Some(0);
    }
    // The next sentence may tell the toll of this one ("No injuries occurred").
    if let Some(&(next, _)) = cx.sentences.get(si + 1) {
        let has_trigger = cx.ann.triggers.iter().any(|t| next.contains(t.span));
        if !has_trigger && !cumulative_toll(cx, next) {
            if let Some(n) = killed_count(cx, next) {
                return Some(n);
            }
            if cx.ann.has_cue(Cue::NoCasualty, next.start, next.end) {
                return Some(0);
            }
        }
    }
    None
}

/// True when a sentence tells a cumulative toll: a cumulative cue before a
/// killing word ("Depuis le début de la guerre, ... ont été tués", "The war
/// has killed") or right after it ("tués depuis le 1er janvier").
pub fn cumulative_toll(cx: &DocCtx<'_>, sent: Span) -> bool {
    let kills: Vec<Span> = [Cue::Killed, Cue::Injured, Cue::Missing]
        .iter()
        .flat_map(|c| cx.ann.cues_in(*c, sent.start, sent.end))
        .collect();
    cx.ann
        .cues_in(Cue::Cumulative, sent.start, sent.end)
        .any(|c| {
            kills.iter().any(|k| {
                c.end <= k.start || (c.start >= k.end && cx.words_between(k.end, c.start) <= 6)
            })
        })
}

/// The lowest count of people killed in a sentence ("trois militaires ont
/// été tués", "tuant cinq combattants", "killing three").
pub fn killed_count(cx: &DocCtx<'_>, sent: Span) -> Option<u32> {
    let in_time = |n: &crate::annotate::NumberHit| cx.times.iter().any(|t| t.span.overlaps(n.span));
    let usable = |n: &&crate::annotate::NumberHit| {
        !is_unit_after(cx, n.span)
            && !in_time(n)
            && !is_year(n.value, cx.text.get(n.span.range()).unwrap_or(""))
            && n.value < 100_000
    };
    for k in cx.ann.cues_in(Cue::Killed, sent.start, sent.end) {
        // A number before the cue (within a few words, no injury word between)…
        let before = cx
            .ann
            .numbers
            .iter()
            .filter(|n| {
                n.span.end <= k.start
                    && n.span.start >= sent.start
                    && cx.words_between(n.span.end, k.start) <= 10
            })
            .filter(usable)
            .filter(|n| {
                cx.ann
                    .cues_in(Cue::Injured, n.span.end, k.start)
                    .next()
                    .is_none()
            })
            .max_by_key(|n| n.span.start);
        // …or right after it ("tuant cinq combattants", "killing three").
        let after = cx
            .ann
            .numbers
            .iter()
            .filter(|n| {
                n.span.start >= k.end
                    && n.span.end <= sent.end
                    && cx.words_between(k.end, n.span.start) <= 2
            })
            .filter(usable)
            .min_by_key(|n| n.span.start);
        let n = match (before, after) {
            (Some(b), Some(a)) => {
                if k.start - b.span.end <= a.span.start - k.end {
                    Some(b)
                } else {
                    Some(a)
                }
            }
            (b, a) => b.or(a),
        };
        if let Some(n) = n {
            // "six soldiers and three militants": both counts.
            let mut total = n.value;
            let mut last = n.span;
            for m in cx
                .ann
                .numbers
                .iter()
                .filter(|m| m.span.start > n.span.end && m.span.end <= sent.end)
            {
                let gap = cx.folded_slice(last.end, m.span.start);
                let words: Vec<&str> = gap
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .collect();
                let joined = words.len() <= 4
                    && words
                        .iter()
                        .any(|w| cx.lex.has_word(Words::CountCoordination, w));
                if joined && usable(&m) && !(n.span.start < k.start && m.span.start > k.end) {
                    total += m.value;
                    last = m.span;
                } else {
                    break;
                }
            }
            return u32::try_from(total).ok();
        }
    }
    // "Un soldat a été tué", "a civilian was killed".
    if cx
        .ann
        .cues_in(Cue::KilledOne, sent.start, sent.end)
        .next()
        .is_some()
    {
        return Some(1);
    }
    None
}

fn is_year(v: u64, s: &str) -> bool {
    (1900..=2100).contains(&v) && s.len() == 4
}

/// True when a unit word ("tonnes", "missiles", "km") follows the number.
pub fn is_unit_after(cx: &DocCtx<'_>, n: Span) -> bool {
    cx.ann
        .cue(Cue::Units)
        .iter()
        .any(|u| u.start >= n.end && u.start - n.end <= 3 && cx.words_between(n.end, u.start) == 0)
        || cx.text.get(n.end..).is_some_and(|r| {
            r.trim_start().starts_with(['%', 'h'])
                && !r.is_empty()
                && r.trim_start()
                    .chars()
                    .nth(1)
                    .is_none_or(|c| !c.is_alphabetic())
        })
}

/// Merges frames that restate one incident; returns the kept frames.
pub fn merge(frames: Vec<Frame>) -> Vec<Frame> {
    let mut out: Vec<Frame> = Vec::new();
    for f in frames {
        // A place-less mention restates an incident told before it; a
        // headline may announce one told after it.
        let target = out.iter().rposition(|g| {
            (g.place.is_some() || f.sentence.saturating_sub(g.sentence) <= 1)
                && same_incident(g, &f)
        });
        match target {
            Some(i) => absorb(&mut out[i], f),
            None => out.push(f),
        }
    }
    // Frames that could only merge (headlines, place-less) and did not are dropped.
    out.retain(|f| !f.merge_only);
    out
}

fn compatible_types(a: &str, b: &str) -> bool {
    a == b
        || (a == "other" && b != "disrupted_weapons_use")
        || (b == "other" && a != "disrupted_weapons_use")
}

fn same_place(a: &PlaceCand, b: &PlaceCand) -> bool {
    if a.place.gazetteer_id == b.place.gazetteer_id || a.place.name == b.place.name {
        return true;
    }
    let km = vigie_geo::resolve::km(a.place.lat, a.place.lon, b.place.lat, b.place.lon);
    // A region or country and a place in or near it.
    // A country and a place in it.
    if (a.place.feature == "country" || b.place.feature == "country")
        && a.place.country == b.place.country
    {
        return true;
    }
    // Two precise places that differ are two incidents, however close.
    if a.place.geo_precision <= 2 && b.place.geo_precision <= 2 {
        return vigie_geo::resolve::km(a.place.lat, a.place.lon, b.place.lat, b.place.lon) <= 2.0;
    }
    let coarse = a.place.geo_precision >= 2 || b.place.geo_precision >= 2;
    let both_coarse = a.place.geo_precision >= 3 && b.place.geo_precision >= 3;
    km <= 30.0
        || coarse && km <= 150.0 && a.place.country == b.place.country
        || both_coarse && (a.place.country == b.place.country || km <= 150.0)
}

/// A strike told by its launcher and the interception of it are one event.
fn launch_and_interception(g: &Frame, f: &Frame) -> bool {
    let pair = |d: &Frame, o: &Frame| {
        d.itype == "disrupted_weapons_use"
            && o.itype != "disrupted_weapons_use"
            && o.actor1.is_some()
            && o.actor1 == d.actor2
    };
    pair(g, f) || pair(f, g)
}

fn same_incident(g: &Frame, f: &Frame) -> bool {
    if launch_and_interception(g, f) {
        let places_ok = match (&g.place, &f.place) {
            (Some(a), Some(b)) => same_place(a, b),
            _ => true,
        };
        let dates_ok = match (g.date, f.date) {
            (Some(a), Some(b)) => a.start <= b.end && b.start <= a.end,
            _ => true,
        };
        return places_ok && dates_ok && g.sentence.abs_diff(f.sentence) <= 4;
    }
    // Restatements are told close together, unless at the very same site.
    let same_site = matches!((&g.place, &f.place), (Some(a), Some(b)) if a.place.gazetteer_id == b.place.gazetteer_id && a.place.geo_precision <= 2);
    if g.sentence.abs_diff(f.sentence) > 4 && !same_site {
        return false;
    }
    if !compatible_types(&g.itype, &f.itype) {
        return false;
    }
    if g.actor1.is_some() && f.actor1.is_some() && g.actor1 != f.actor1 {
        return false;
    }
    if let (Some(a), Some(b)) = (&g.weapon, &f.weapon) {
        if a != b && !(g.merge_only || f.merge_only) {
            return false;
        }
    }
    let dates_ok = match (g.date, f.date) {
        (Some(a), Some(b)) if g.date_explicit && f.date_explicit => {
            a.start <= b.end && b.start <= a.end
        }
        _ => true,
    };
    if !dates_ok {
        return false;
    }
    match (&g.place, &f.place) {
        (Some(a), Some(b)) => same_place(a, b),
        // A place-less mention merges only into the latest compatible frame
        // close by (same or neighbouring sentences).
        (None, _) | (_, None) => g.sentence.abs_diff(f.sentence) <= 2,
    }
}

fn absorb(g: &mut Frame, f: Frame) {
    if f.itype == "disrupted_weapons_use"
        && g.itype != "disrupted_weapons_use"
        && g.actor1.is_some()
        && g.actor1 == f.actor2
    {
        // The interception is what happened: its type and sides win.
        g.itype = f.itype.clone();
        g.actor1 = f.actor1;
        g.actor2 = f.actor2;
        g.claimed = f.claimed;
        g.reported_by = f.reported_by.clone();
        if f.weapon.is_some() {
            g.weapon = f.weapon.clone();
        }
    }
    if g.itype == "other" && f.itype != "other" {
        g.itype = f.itype.clone();
    }
    // The more specific weapon wins ("un missile" then "un missile balistique").
    let generic = |w: &Option<String>| w.is_none() || w.as_deref() == Some("missile");
    if generic(&g.weapon) && !generic(&f.weapon) || g.weapon.is_none() {
        g.weapon = f.weapon.clone();
    }
    if g.actor1.is_none() {
        g.actor1 = f.actor1;
    }
    if g.actor2.is_none() {
        g.actor2 = f.actor2;
    }
    if g.target.is_none() {
        g.target = f.target.clone();
    }
    match (&g.place, &f.place) {
        (None, Some(_)) => g.place = f.place.clone(),
        (Some(a), Some(b)) if b.place.geo_precision < a.place.geo_precision => {
            g.place = f.place.clone()
        }
        _ => {}
    }
    if !g.date_explicit && f.date_explicit {
        g.date = f.date;
        g.date_explicit = true;
    }
    g.fatalities = match (g.fatalities, f.fatalities) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    if g.reported_by.is_none() && f.reported_by.is_some() {
        g.reported_by = f.reported_by.clone();
    }
    g.claimed = (g.claimed || f.claimed) && g.reported_by.is_none();
    // The fuller mention gives the evidence: headlines and place-less
    // mentions never do.
    if g.merge_only && !f.merge_only {
        g.sentence = f.sentence;
        g.sent_span = f.sent_span;
        g.trigger = f.trigger;
        g.merge_only = false;
    }
    for r in f.rules {
        if !g.rules.contains(&r) {
            g.rules.push(r);
        }
    }
    g.rules.push("merge.restatement".to_string());
    g.rules.dedup();
    let _ = g.place.is_some();
}

/// Index of the sentence containing `pos`, for callers outside this module.
pub fn sentence_index(cx: &DocCtx<'_>, pos: usize) -> Option<usize> {
    cx.sentence_of(pos)
}
