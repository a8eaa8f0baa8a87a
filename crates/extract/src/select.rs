//! Which sentences the parser reads.
//!
//! Contract: reads a document's annotations and its sentences; returns the
//! indices of the sentences with an event trigger (a stop phrase does not
//! count). They are the only sentences whose trees the passes read
//! ([`crate::passes`]): statements, tolls and figures are read on the
//! token order. Parsing every sentence of a long article would cost
//! several times more for sentences extraction never looks at.

use vigie_core::Span;

use crate::annotate::Annotations;
use crate::data::LangLex;

/// Indices into `sentences` (sorted, non-overlapping spans of the
/// normalized text) of the sentences to parse, in order.
pub fn sentences_to_parse(ann: &Annotations, lex: &LangLex, sentences: &[Span]) -> Vec<usize> {
    let mut starts: Vec<usize> = ann
        .triggers
        .iter()
        .filter(|t| lex.triggers.get(t.def).is_some_and(|d| d.r#type != "none"))
        .map(|t| t.span.start)
        .collect();
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
