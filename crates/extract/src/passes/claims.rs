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
//! any other statement ends it, and nothing else carries over. Adds
//! `claimed`, `reported_by` and the rule.

use super::candidates::SentenceView;
use super::context::{DocCtx, Frame, Speaker, Story};

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
    let own = |sp: &Speaker| matches!(sp, Speaker::Actor(a) if Some(*a) == f.actor1);
    let others: Vec<&Speaker> = s
        .speakers
        .iter()
        .map(|(sp, _, _)| sp)
        .filter(|sp| !own(sp))
        .collect();
    if s.speakers.iter().any(|(sp, _, _)| own(sp)) && others.is_empty() {
        f.claimed = true;
        f.rule(cx, "claim.speaker_is_perpetrator");
    } else if let Some(o) = others.first() {
        f.reported_by = Some(match o {
            Speaker::Actor(a) => cx.actors.defs[*a].name.clone(),
            Speaker::Source(src) => src.clone(),
        });
        f.rule(cx, "attribution.reported");
    }
}
