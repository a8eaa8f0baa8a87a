//! Which sentences the parser reads.
//!
//! Contract: reads a document's annotations and its sentences; returns the
//! indices of the sentences that can carry an event, a claim or a toll: those
//! with an event trigger, a claim cue, a casualty cue, or a named actor.
//! Parsing every sentence of a long article would cost several times more
//! for sentences extraction never looks at.

use vigie_core::Span;

use crate::annotate::{ActorRef, Annotations};
use crate::data::Cue;

/// Cues that make a sentence worth parsing besides triggers and actors.
const PARSE_CUES: [Cue; 7] = [
    Cue::Claim,
    Cue::Killed,
    Cue::KilledOne,
    Cue::Injured,
    Cue::Missing,
    Cue::Displaced,
    Cue::Detained,
];

/// Indices into `sentences` (sorted, non-overlapping spans of the
/// normalized text) of the sentences to parse, in order.
pub fn sentences_to_parse(ann: &Annotations, sentences: &[Span]) -> Vec<usize> {
    let mut starts: Vec<usize> = ann.triggers.iter().map(|t| t.span.start).collect();
    starts.extend(
        ann.actors
            .iter()
            .filter(|a| matches!(a.what, ActorRef::Named(_)))
            .map(|a| a.span.start),
    );
    for cue in PARSE_CUES {
        starts.extend(ann.cues.get(&cue).into_iter().flatten().map(|s| s.start));
    }
    starts.sort_unstable();
    let mut out = Vec::new();
    for (i, s) in sentences.iter().enumerate() {
        let first = starts.partition_point(|&p| p < s.start);
        if starts.get(first).is_some_and(|&p| p < s.end) {
            out.push(i);
        }
    }
    out
}
