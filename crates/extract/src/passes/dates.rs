//! Pass 6, dates: the event's date.
//!
//! Reads the candidate, its tree, the document's time mentions (resolved by
//! `vigie-time` against the publication date and an anchor) and the story's
//! anchor. The event's own clause first: with a tree, a time expression
//! that hangs on another trigger ("two days after the attack on Monday")
//! is that event's date, never this one's, and one the trigger hangs on ("au
//! lendemain de l'attaque", "two days after the attack") dates what came
//! after it, never the trigger; then the nearest in the clause,
//! then in the sentence; anaphoric expressions ("the next day") resolve
//! against the anchor (the last event told with a date of its own). With
//! none, the story's anchor, else the publication date. A date after the
//! publication date is clamped to it, with the precision lowered, and the
//! rule says so. Adds `date`, `date_explicit`, `date_firm` and the rule;
//! rejects a candidate dated only by a month or longer (background).

use super::candidates::{Candidate, SentenceView};
use super::context::{DateVal, DocCtx, Dropped, Frame, Story, TimeCand};
use crate::parse::Tree;

/// Fills the frame's date.
pub fn fill(
    cx: &DocCtx<'_>,
    s: &SentenceView<'_>,
    c: &Candidate,
    story: &Story,
    f: &mut Frame,
) -> Result<(), Dropped> {
    let (date, explicit, rule) = date_of(cx, s, c, story);
    if explicit && date.is_some_and(|d| d.precision >= 3) {
        return Err(c.drop(
            cx,
            "dates.vague",
            "vague date (a month or longer): background",
        ));
    }
    f.date_firm = explicit && rule == Some("time.in_sentence") && c.clause_dated(cx);
    if let Some(r) = rule {
        f.rule(cx, r);
    }
    f.date = date.map(|d| clamp(cx, d, f));
    f.date_explicit = explicit;
    Ok(())
}

/// No event happens after its report: a date past the publication date is
/// clamped to it, a week wide at most.
fn clamp(cx: &DocCtx<'_>, d: DateVal, f: &mut Frame) -> DateVal {
    match cx.reference {
        Some(published) if d.end > published => {
            f.rule(cx, "dates.clamped_to_publication");
            DateVal {
                start: d.start.min(published),
                end: published,
                precision: d.precision.max(2),
            }
        }
        _ => d,
    }
}

/// (date, told by the text, rule without the language).
fn date_of(
    cx: &DocCtx<'_>,
    s: &SentenceView<'_>,
    c: &Candidate,
    story: &Story,
) -> (Option<DateVal>, bool, Option<&'static str>) {
    let (cs, ce) = c.clause;
    let mut cands: Vec<(u8, usize, &TimeCand)> = cx
        .times
        .iter()
        .filter(|m| s.span.contains(m.span) && !m.open_since)
        .filter_map(|m| {
            let own = match (s.tree, c.node) {
                (Some(tree), Some(node)) => owner(cx, s, tree, node, m)?,
                _ => 1,
            };
            let in_clause = m.span.start >= cs && m.span.end <= ce;
            let rank = if own == 0 {
                0
            } else {
                1 + u8::from(!in_clause)
            };
            Some((rank, m.span.start.abs_diff(c.trigger.start), m))
        })
        .collect();
    cands.sort_by_key(|(a, b, _)| (*a, *b));
    for (_, _, m) in cands {
        if let Some(v) = cx.resolver.resolve(m.idx, cx.reference, story.anchor) {
            let rule = if m.anaphoric {
                "time.anaphoric_anchor"
            } else {
                "time.in_sentence"
            };
            return (Some(v), true, Some(rule));
        }
    }
    // No date of its own: the event belongs to the narrative the text is
    // telling (the last date given to an event), else to the article's day.
    let day = |d| DateVal {
        start: d,
        end: d,
        precision: 1,
    };
    if let Some(a) = story.anchor {
        return (Some(day(a)), false, Some("time.narrative_date"));
    }
    match cx.reference {
        Some(d) => (Some(day(d)), false, Some("time.reference_date")),
        None => (None, false, None),
    }
}

/// Whose date a time expression is: `Some(0)` when it hangs on the
/// candidate's trigger or predicate, `Some(1)` when on no trigger, `None`
/// when on another trigger of the sentence.
fn owner(
    cx: &DocCtx<'_>,
    s: &SentenceView<'_>,
    tree: &Tree<'_>,
    node: usize,
    m: &TimeCand,
) -> Option<u8> {
    let Some(tn) = tree.head_in(m.span) else {
        return Some(1);
    };
    // "au lendemain du ciblage", "two days after the attack": the time
    // word above the trigger dates what happened after it, not the trigger.
    if tn != node && tree.dominates(tn, node) {
        return None;
    }
    let pred = tree.predicate(node);
    // A launch ("drones that were launched on Saturday") is the delivery of
    // the event's own weapon, not another event.
    // Another trigger is found by its first word (for "drone strikes",
    // "drone"), as this pass has always read it.
    let other_event = |a: usize| {
        s.triggers.iter().any(|t| {
            tree.node_at(t.span.start) == Some(a) && !matches!(t.kind(cx), "launch" | "none")
        })
    };
    for a in std::iter::once(tn).chain(tree.ancestors(tn)) {
        if a == node || Some(a) == pred {
            return Some(0);
        }
        if other_event(a) && !tree.dominates(a, node) {
            return None;
        }
    }
    Some(1)
}
