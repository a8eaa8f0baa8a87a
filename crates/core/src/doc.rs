//! The document model.

use serde::{Deserialize, Serialize};

use crate::{Date, Diagnostic, NormText, Span};

/// A language code: ISO 639-1 (`fr`, `en`, `ar`) or `other`.
///
/// Not an enum on purpose: the languages vigie reads are discovered from the
/// folders under `resources/lang/`, so adding one needs no code change here.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Lang(pub String);

impl Lang {
    pub const OTHER: &'static str = "other";

    pub fn new(code: impl Into<String>) -> Self {
        Lang(code.into())
    }

    pub fn other() -> Self {
        Lang(Self::OTHER.to_string())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn is_other(&self) -> bool {
        self.0 == Self::OTHER
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Where a document's publication date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum PublishedSource {
    /// Metadata of the input (JSON `published`, HTML meta tags).
    Metadata,
    /// `--published` on the command line.
    CommandLine,
    /// Inferred from the document's own text (a weekday and a date that agree).
    Inferred,
    #[default]
    Unknown,
}

/// What the ingester knows about a document before any text processing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocMeta {
    /// Stable id: the JSON `id`, else the file name, else a content hash.
    pub id: String,
    /// Where it came from: a path, `path:line`, or `<stdin>`.
    pub origin: String,
    pub title: Option<String>,
    pub url: Option<String>,
    pub published: Option<Date>,
    pub published_source: PublishedSource,
    /// A language given by the input or the command line (not detected).
    pub lang: Option<Lang>,
}

/// A sentence: its range in the normalized text and its span in the original.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub norm: Span,
    pub span: Span,
    /// True when the sentence stands alone on its line with no final
    /// punctuation (a headline, a section title, a caption).
    pub headline: bool,
}

/// One document as it flows through the pipeline.
#[derive(Debug, Clone)]
pub struct Doc {
    pub meta: DocMeta,
    /// The original text (decoded, and for HTML the extracted main text).
    /// Every [`Span`] points into this.
    pub text: String,
    /// Normalized text with its map back to `text`.
    pub norm: NormText,
    pub lang: Lang,
    pub sentences: Vec<Sentence>,
    /// The token stream of the normalized text (one stream sentence per
    /// sentence), built once by the text stage and read by every later stage.
    pub tokens: crate::TokenStream,
    pub diagnostics: Vec<Diagnostic>,
}

impl Doc {
    /// Text of a sentence in the normalized form.
    pub fn sentence_norm(&self, s: &Sentence) -> &str {
        self.norm.text.get(s.norm.range()).unwrap_or("")
    }

    /// Text of an original span.
    pub fn original(&self, span: Span) -> &str {
        self.text.get(span.range()).unwrap_or("")
    }
}

/// What the pipeline hands to outputs and the store for one document.
#[derive(Debug, Clone)]
pub struct ProcessedDoc {
    pub meta: DocMeta,
    pub lang: Lang,
    /// The original text (spans of events and figures point into it).
    pub text: String,
    /// The normalized text (used for near-duplicate detection).
    pub norm_text: String,
    /// 64-bit hash of the normalized text, as 16 hex digits.
    pub content_hash: String,
    pub events: Vec<crate::Event>,
    pub figures: Vec<crate::Figure>,
    pub diagnostics: Vec<Diagnostic>,
    /// What the parser did with the document's sentences.
    pub parse: ParseCounts,
}

/// What the parser did with a document's sentences: all zero when parsing
/// is off, `selected` counted whenever sentences are selected.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParseCounts {
    /// Sentences of the document.
    pub sentences: usize,
    /// Sentences extraction chose for parsing.
    pub selected: usize,
    /// Sentences parsed (selected, in a language with a model).
    pub parsed: usize,
    /// Syntactic words parsed.
    pub words: usize,
    /// Parsed sentences over the parser's length cap (flat trees).
    pub fell_back: usize,
}

impl ParseCounts {
    pub fn add(&mut self, other: &ParseCounts) {
        self.sentences += other.sentences;
        self.selected += other.selected;
        self.parsed += other.parsed;
        self.words += other.words;
        self.fell_back += other.fell_back;
    }
}
