//! Pass 8, claims: who says the event happened.
//!
//! Reads the statements of the candidate's own sentence (claim and report
//! cues with their speakers: actors or named sources) and the frame's
//! perpetrator. `claimed` is true when the only source of the event in its
//! sentence is the perpetrator itself — a militia's channel or an army's
//! communiqué about its own strike alike; another source makes the event
//! reported (`reported_by`). A claim goes on into the sentences right after
//! it that have no statement of their own and tell the claimant's own
//! actions ("X a revendiqué … Ses forces ont par ailleurs attaqué …");
//! any other statement ends it, and nothing else carries over. A channel
//! or outlet described as close to the perpetrator relays its claim ("a
//! déclaré la chaîne Al-Manar, proche du Hezbollah"). Adds
//! `claimed`, `reported_by` and the rule.

use super::candidates::SentenceView;
use super::context::{DocCtx, Frame, Speaker, Story};
use crate::data::Cue;

/// Fills `claimed` and `reported_by`.
pub fn fill(cx: &DocCtx<'_>, s: &SentenceView<'_>, story: &Story, f: &mut Frame) {
    if s.speakers.is_empty() {
        // A statement that goes on: the sentence right after a claim, with
        // no statement of its own, about the claimant's own action.
        let continues = story
            .last_claim
            .is_some_and(|(i, a)| i + 1 == s.index && Some(a) == f.actor1);
        if continues {
            f.claimed = true;
            f.rule(cx, "claim.statement_continues");
        }
        return;
    }
    let relays = relays_of(cx, s, story, f.actor1);
    let own = |sp: &Speaker| match sp {
        Speaker::Actor(a) => Some(*a) == f.actor1,
        Speaker::Source(name) => relays.contains(name),
    };
    let others: Vec<&Speaker> = s
        .speakers
        .iter()
        .map(|(sp, _, _)| sp)
        .filter(|sp| !own(sp))
        .collect();
    if s.speakers.iter().any(|(sp, _, _)| own(sp)) && others.is_empty() {
        f.claimed = true;
        if relays.is_empty() {
            f.rule(cx, "claim.speaker_is_perpetrator");
        } else {
            f.rule(cx, "claim.relayed");
        }
    } else if let Some(o) = others.first() {
        f.reported_by = Some(match o {
            Speaker::Actor(a) => cx.actors.defs[*a].name.clone(),
            Speaker::Source(src) => src.clone(),
        });
        f.rule(cx, "attribution.reported");
    }
}

/// The sources of the sentence that speak for the perpetrator: a channel
/// or outlet described as close to it ("a déclaré la chaîne Al-Manar,
/// proche du Hezbollah", "the group's Telegram channel affiliated with X"),
/// read on the tree.
fn relays_of(
    cx: &DocCtx<'_>,
    s: &SentenceView<'_>,
    story: &Story,
    actor1: Option<usize>,
) -> Vec<String> {
    let (Some(tree), Some(a1)) = (s.tree, actor1) else {
        return Vec::new();
    };
    let g = &cx.lex.grammar;
    let mut out = Vec::new();
    for src in cx.ann.cues_in(Cue::Sources, s.span.start, s.span.end) {
        let Some(node) = tree.head_in(src) else {
            continue;
        };
        // The source's own modifiers, and those of the noun it names.
        let holders = std::iter::once(node).chain(tree.head(node).filter(|&h| {
            matches!(tree.rel(node), "appos" | "flat" | "nmod")
                && matches!(tree.upos(h), "NOUN" | "PROPN")
        }));
        let close = holders
            .flat_map(|h| tree.children(h).collect::<Vec<_>>())
            .filter(|&m| g.affiliation.contains(tree.lemma(m)))
            .any(|m| {
                let span = tree.subtree_span(m);
                cx.ann.actors_in(s.span).iter().any(|h| {
                    span.contains(h.span)
                        && cx.resolve_actor(h.what, h.span.start, s.span, story) == Some(a1)
                })
            });
        if close {
            out.push(cx.text.get(src.range()).unwrap_or("").to_string());
        }
    }
    out
}
