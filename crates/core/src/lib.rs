//! vigie-core: the types every stage of vigie speaks.
//!
//! Invariants:
//! - Every [`Span`] is a byte range into a document's *original* text (the
//!   decoded text the ingester produced), always on UTF-8 character boundaries.
//! - This crate does no IO and knows no lexicon.

pub mod diag;
pub mod doc;
pub mod merge;
pub mod offsets;
pub mod record;
pub mod tokens;

pub use diag::{Diagnostic, Severity};
pub use doc::{Doc, DocMeta, Lang, ParseCounts, ProcessedDoc, PublishedSource, Sentence};
pub use offsets::{NormText, Span};
pub use record::{
    Attribution, Event, EventSource, Evidence, FIGURE_WHATS, Figure, Location, Mention, Plover,
    figure_what,
};
pub use tokens::{Multiword, StreamSentence, Token, TokenKind, TokenStream, Word, WordForm};

/// Calendar day used across vigie (ISO 8601 when serialized).
pub type Date = jiff::civil::Date;
