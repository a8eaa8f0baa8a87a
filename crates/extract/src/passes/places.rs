//! Pass 4, places: where the event happened, by the role a place plays.
//!
//! Reads the candidate, its tree, the geocoded places of the document and
//! the frame's perpetrator mention. A place is never the event's place when
//! it is an origin ("fired from Yemen", "tiré depuis le Niger"), what
//! backs a group ("Iran-backed", "alliées à Téhéran"), a reason
//! or purpose ("in response to crimes in Gaza", "en soutien au peuple de
//! X"), the subject of a verb of saying ("Washington accused…"), a time
//! zone ("9 am Sanaa time"), a wire dateline ("KYIV, May 3 (Reuters) -"),
//! part of an actor's name, or the perpetrator itself. Of the rest: the
//! first after the trigger in its clause with the places coordinated with
//! it (one event per place: "à Tiri, Haddatha et Rachaf"), else the group
//! nearest before it (not a coarser place that only locates the one before
//! it: "troops at al-Tanf in southeastern Syria" is al-Tanf), else a
//! country an adjective of the target names. A base named as the subject
//! of an interception ("Al-Tanf shot down…") stands for its troops there.
//! Adds the places (the caller splits the frame by place) and their rules;
//! rejects a summary over several countries with no firm date.

use vigie_core::Span;

use super::candidates::{Candidate, SentenceView};
use super::context::{DocCtx, Dropped, Frame, PlaceCand};
use crate::annotate::ActorRef;
use crate::data::{Cue, Words};

/// The places of a candidate's event (empty when none is found).
pub fn of(cx: &DocCtx<'_>, s: &SentenceView<'_>, c: &Candidate, f: &mut Frame) -> Vec<PlaceCand> {
    let interception = c.is_interception(cx);
    let mut places = place_of(
        cx,
        s,
        c.trigger,
        c.clause,
        f.actor1_span,
        interception,
        c.node,
    );
    if places.len() > 1 && one_line_between(cx, s, &places) {
        // "the border between A, B and C": one place of one event.
        places.truncate(1);
        f.rule(cx, "places.between");
    }
    if places.is_empty()
        && !c.def(cx).weak
        && let Some(p) = place_from_adjective(cx, s.span, c.trigger, c.clause.1)
    {
        places.push(p);
        f.rule(cx, "place.target_adjective_country");
    }
    for p in &places {
        f.rules.push(p.rule.clone());
    }
    // Each place set aside for its role leaves its rule.
    for p in cx.places.iter().filter(|p| s.span.contains(p.span)) {
        if let Some(r) = role(cx, s, p, c.node) {
            f.notes
                .push(format!("{} is not the event's place ({r})", p.place.name));
            if !f.rules.iter().any(|x| x.ends_with(r)) {
                f.rule(cx, r);
            }
        }
    }
    places
}

/// After dating: several countries for one action with no firm date of its
/// own is a summary, not an event; an interception with no place of its
/// own happened where the attack it stopped was told.
pub fn settle(
    cx: &DocCtx<'_>,
    s: &SentenceView<'_>,
    c: &Candidate,
    f: &mut Frame,
    places: &mut Vec<PlaceCand>,
    frames: &[Frame],
) -> Result<(), Dropped> {
    if places.len() > 1 && places.iter().all(|p| p.place.geo_precision >= 3) && !f.date_firm {
        let names: Vec<&str> = places.iter().map(|p| p.place.name.as_str()).collect();
        return Err(c.drop(
            cx,
            "places.summary",
            format!("summary over several countries: {}", names.join(", ")),
        ));
    }
    if places.is_empty() && c.is_interception(cx) {
        // Where the attack it stopped was aimed, in the sentence…
        let near = cx
            .places
            .iter()
            .filter(|p| s.span.contains(p.span) && role(cx, s, p, c.node).is_none())
            // A country that acts ("alors que les États-Unis poursuivent")
            // is a subject, not where the weapon was aimed; a base that
            // acts stands for its troops, where the weapon was stopped.
            .filter(|p| {
                vigie_geo::gazetteer::INSTALLATIONS.contains(&p.place.feature.as_str())
                    || s.tree.is_none_or(|t| {
                        t.head_in(p.name_span)
                            .is_none_or(|n| !t.nodes[n].deprel.starts_with("nsubj"))
                    })
            })
            .min_by_key(|p| p.span.start.abs_diff(c.trigger.start));
        if let Some(p) = near {
            places.push(p.clone());
            f.rule(cx, "place.intercepted_attack");
            return Ok(());
        }
        // …else told just before.
        let prev = frames
            .iter()
            .rev()
            .find(|g| g.place.is_some() && s.index.saturating_sub(g.sentence) <= 2);
        if let Some(p) = prev.and_then(|g| g.place.clone()) {
            places.push(p);
            f.rule(cx, "place.intercepted_attack");
        }
    }
    Ok(())
}

/// Places listed after "between" ("the border between provinces A, B
/// and C", "la ligne de front entre X et Y") name one line, not several
/// places of several events.
fn one_line_between(cx: &DocCtx<'_>, s: &SentenceView<'_>, places: &[PlaceCand]) -> bool {
    let Some(tree) = s.tree else {
        return false;
    };
    let g = &cx.lex.grammar;
    let Some(first) = places.first().and_then(|p| tree.head_in(p.name_span)) else {
        return false;
    };
    // The marker sits on the first place or on the noun the list hangs on
    // ("between provinces A, B and C").
    std::iter::once(first)
        .chain(tree.head(first).filter(|&h| tree.upos(h) == "NOUN"))
        .any(|n| tree.case_lemmas(n).any(|l| g.between_markers.contains(l)))
}

/// The role that makes a place not the event's place, as a rule id.
pub fn role(
    cx: &DocCtx<'_>,
    s: &SentenceView<'_>,
    p: &PlaceCand,
    trigger: Option<usize>,
) -> Option<&'static str> {
    if dateline(cx, s, p) {
        return Some("places.dateline");
    }
    let g = &cx.lex.grammar;
    let next_word = cx
        .text
        .get(p.name_span.end..s.span.end)
        .and_then(|r| {
            r.split(|ch: char| !ch.is_alphanumeric())
                .find(|w| !w.is_empty())
        })
        .map(str::to_lowercase);
    if next_word.is_some_and(|w| g.clock_heads.contains(&w)) {
        return Some("places.clock");
    }
    let tree = s.tree?;
    let node = tree.head_in(p.name_span)?;
    let head = tree.head(node);
    if head.is_some_and(|h| g.clock_heads.contains(tree.lemma(h))) {
        return Some("places.clock");
    }
    // The place or a noun it hangs on ("from Houthi-controlled areas of
    // Yemen") is marked as an origin.
    let nominal_chain = std::iter::once(node).chain(
        tree.ancestors(node)
            .take_while(|&a| !matches!(tree.upos(a), "VERB" | "AUX")),
    );
    for x in nominal_chain {
        let from_verb = tree
            .head(x)
            .is_some_and(|h| g.origin_verbs.contains(tree.lemma(h)))
            && matches!(tree.rel(x), "obl" | "nmod");
        if from_verb
            || tree.case_lemmas(x).any(|l| g.origin_markers.contains(l))
            || tree
                .head(x)
                .is_some_and(|h| g.origin_markers.contains(tree.lemma(h)) && tree.rel(x) == "nmod")
        {
            return Some("places.origin");
        }
        // What backs a group: the agent of "backed by", or what an adjective
        // of allegiance names ("Iran-backed", "alliées à Téhéran").
        let backs = tree.head(x).is_some_and(|h| {
            g.affiliation.contains(tree.lemma(h))
                && (matches!(tree.rel(x), "compound" | "amod")
                    || (tree.nodes[x].deprel != "obl:mod"
                        && tree
                            .case_lemmas(x)
                            .any(|l| g.allegiance_markers.contains(l)))
                    || tree.case_lemmas(x).any(|l| g.agent_markers.contains(l)))
        });
        if backs {
            return Some("places.modifier");
        }
        if !matches!(tree.rel(x), "nmod" | "compound" | "flat" | "appos" | "conj") {
            break;
        }
    }
    // The speaker, or a place that only locates it ("the regime in
    // Naypyitaw claimed"): the subject of a verb of saying, through nouns.
    let mut x = node;
    for _ in 0..tree.len() {
        match tree.rel(x) {
            "nsubj" => {
                if tree
                    .head(x)
                    .is_some_and(|h| g.speech_verbs.contains(tree.lemma(h)))
                {
                    return Some("places.speaker");
                }
                break;
            }
            "nmod" | "flat" | "compound" | "appos" => match tree.head(x) {
                Some(h) => x = h,
                None => break,
            },
            _ => break,
        }
    }
    if let Some(head) = super::eventiveness::background_node(tree, g, node) {
        // The reason's own event ("in retaliation for strikes on cars in
        // southern Lebanon on Tuesday") happened there.
        if !trigger.is_some_and(|t| tree.dominates(head, t)) {
            return Some("places.purpose");
        }
    }
    None
}

/// A wire dateline: a place at the very start of the text's first
/// sentences, before a dash ("KYIV, May 3 (Reuters) -", "Bamako (AFP) -").
fn dateline(cx: &DocCtx<'_>, s: &SentenceView<'_>, p: &PlaceCand) -> bool {
    if s.index > 1 {
        return false;
    }
    let head = cx
        .text
        .get(s.span.start..s.span.end.min(s.span.start + 120))
        .unwrap_or("");
    let dash = ["\u{2014}", "\u{2013}", " - "]
        .iter()
        .filter_map(|d| head.find(d))
        .min();
    let Some(dash) = dash else {
        return false;
    };
    p.name_span.end <= s.span.start + dash && head[..dash].split_whitespace().count() <= 8
}

/// The places of the event: the first resolved place after the trigger in
/// its clause (a more precise one right after a region replaces it), plus
/// places coordinated with it ("à Tiri, Haddatha et Rachaf", "dans le Golan
/// et à Eilat"); else the nearest before the trigger in the sentence. Places
/// inside actor names ("Résistance islamique en Irak") never count.
fn place_of(
    cx: &DocCtx<'_>,
    s: &SentenceView<'_>,
    trig: Span,
    (cs, ce): (usize, usize),
    a1: Option<Span>,
    interception: bool,
    node: Option<usize>,
) -> Vec<PlaceCand> {
    let sent = s.span;
    let not_event_place = |p: &PlaceCand| role(cx, s, p, node).is_some();
    let inside_actor = |p: &PlaceCand| {
        not_event_place(p)
            || cx.ann.actors.iter().any(|h| {
                h.span.overlaps(p.name_span)
                    && matches!(h.what, ActorRef::Named(_))
                    && h.kind != crate::data::AliasKind::Metonym
            })
            || a1.is_some_and(|s| s.overlaps(p.name_span))
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
                .is_none_or(|d| !super::candidates::continues_previous(cx, sent, t.span, d))
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
        if out.len() == 1
            && let (Some(first), Some(next)) = (after.first(), after.get(1))
            && first.place.geo_precision >= 3
            && next.place.geo_precision < first.place.geo_precision
            && next.span.start.saturating_sub(first.span.end) <= 60
        {
            out = vec![(*next).clone()];
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
        return nearest_group(cx, coordinated_groups(cx, &before));
    }
    let after_clause: Vec<PlaceCand> = cx
        .places
        .iter()
        .filter(|p| sent.contains(p.span) && !inside_actor(p) && p.span.start >= ce)
        .min_by_key(|p| p.span.start)
        .cloned()
        .into_iter()
        .collect();
    if !after_clause.is_empty() {
        return after_clause;
    }
    // A place that opens the sentence before the clause ("Près de Manbij,
    // quinze personnes dont … ont été tuées dans un attentat").
    let opening: Vec<&PlaceCand> = cx
        .places
        .iter()
        .filter(|p| sent.contains(p.span) && p.span.end <= cs && !inside_actor(p))
        .collect();
    nearest_group(cx, coordinated_groups(cx, &opening))
}

/// The last group of places before the trigger, unless it only locates
/// the group before it ("at al-Tanf in southeastern Syria": al-Tanf).
fn nearest_group(cx: &DocCtx<'_>, mut groups: Vec<Vec<PlaceCand>>) -> Vec<PlaceCand> {
    let last = groups.pop().unwrap_or_default();
    if let ([p], Some(prev)) = (last.as_slice(), groups.last().and_then(|g| g.last()))
        && locates(cx, prev, p)
    {
        return groups.pop().unwrap_or_default();
    }
    last
}

/// True when place `p`, right after `prev` and no more precise, only
/// locates it ("X in Y", "X, dans la province de Y").
fn locates(cx: &DocCtx<'_>, prev: &PlaceCand, p: &PlaceCand) -> bool {
    if p.name_span.start < prev.name_span.end || p.place.geo_precision < prev.place.geo_precision {
        return false;
    }
    cx.gap_has_word(
        prev.name_span.end,
        p.name_span.start,
        Words::PlaceLocating,
        4,
    )
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

/// The country most of the document's places are in (the first named on
/// a tie).
fn main_country(cx: &DocCtx<'_>) -> Option<String> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for p in cx.places {
        match counts.iter_mut().find(|(c, _)| *c == p.place.country) {
            Some(e) => e.1 += 1,
            None => counts.push((&p.place.country, 1)),
        }
    }
    let best = counts.iter().map(|e| e.1).max()?;
    counts
        .into_iter()
        .find(|e| e.1 == best)
        .map(|e| e.0.to_string())
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
    // Only the country the text is mostly about ("une base israélienne" in
    // a text about Israel), never the home of forces abroad ("une base
    // américaine" in a text about Iraq).
    if main_country(cx).as_ref() != Some(iso) {
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
