//! The token stream: the one tokenization of a document that every later
//! stage reads (time expressions, places, lexicon annotators, the parser).
//!
//! A [`TokenStream`] is built by `vigie-tokens` from a text (in the pipeline,
//! the document's normalized text) and holds three layers over it:
//!
//! - the **folded text**: the whole text folded character by character
//!   (lower case, accents removed, quotes, apostrophes and dashes unified,
//!   whitespace a plain space), with a map from each folded byte back to the
//!   text, so that a lexicon match in the folded text is a span of the text;
//! - the **tokens**: words (runs of letters and marks), numbers (runs of
//!   ASCII digits, or digit groups written with separators such as "30 631"
//!   and "1,200", which are one grouped token) and single punctuation
//!   characters, each with its byte span in the text, its folded form (a
//!   range of the folded text) and its sentence;
//! - the **syntactic words** of each sentence, following the Universal
//!   Dependencies conventions of the language (clitics split, contractions
//!   such as French "du" written as the two words "de le" inside a
//!   multiword token), which is what the parser reads.
//!
//! Invariants (checked by property tests in `vigie-tokens`): offsets are bytes
//! on character boundaries of the text; tokens are in order, never overlap,
//! and cover every non-space character; a token's folded form is the folding
//! of its surface; words of a sentence are in order and inside it.

use std::ops::Range;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// A run of letters and combining marks.
    Word,
    /// A run of ASCII digits, or a grouped number ("30 631", "1,200").
    Number,
    /// One character that is neither a letter, a digit nor a space.
    Punct,
}

/// One token: a span of the text and its folded form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte span in the text the stream was built from.
    pub start: u32,
    pub end: u32,
    /// Byte range of the folded form in [`TokenStream::folded`].
    pub fold_start: u32,
    pub fold_end: u32,
    pub kind: TokenKind,
    /// No whitespace between the previous token and this one.
    pub glued: bool,
    /// The first character is upper case.
    pub cap: bool,
    /// A number written in groups ("30 631", "1,000"): never a day or a year.
    pub grouped: bool,
    /// Digits of a number (at most 255); 0 for other tokens.
    pub digits: u8,
    /// Value of a number (`u32::MAX` when it does not fit); 0 for other tokens.
    pub value: u32,
    /// Index of the sentence the token belongs to.
    pub sentence: u32,
}

impl Token {
    pub fn span(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
    pub fn fold_range(&self) -> Range<usize> {
        self.fold_start as usize..self.fold_end as usize
    }
}

/// Where a syntactic word's form is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordForm {
    /// The word is its surface: the text at its span.
    Surface,
    /// The word's form is this range of [`TokenStream::forms`] (a part of a
    /// contraction: "de" and "le" of "du").
    Own { start: u32, end: u32 },
}

/// One syntactic word (a node of the dependency tree).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    /// Byte span in the text; for a part of a multiword token, the span of
    /// the whole token.
    pub start: u32,
    pub end: u32,
    pub form: WordForm,
    /// The multiword token this word is a part of, if any (an index into
    /// [`TokenStream::multiwords`]).
    pub multiword: Option<u32>,
}

/// A token made of several syntactic words ("du" = "de" + "le").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Multiword {
    pub start: u32,
    pub end: u32,
    /// Its words, indices into the sentence's word list.
    pub words: Range<u32>,
}

/// A sentence of the stream: its span and its tokens and words.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StreamSentence {
    pub span: Range<u32>,
    /// Indices into [`TokenStream::tokens`].
    pub tokens: Range<u32>,
    /// Indices into [`TokenStream::words`].
    pub words: Range<u32>,
}

/// A text's tokens, folded text and syntactic words (see the module docs).
#[derive(Debug, Clone, Default)]
pub struct TokenStream {
    /// The language whose rules built the words (`""` for the
    /// language-neutral rules).
    pub lang: String,
    pub tokens: Vec<Token>,
    pub sentences: Vec<StreamSentence>,
    pub words: Vec<Word>,
    pub multiwords: Vec<Multiword>,
    /// Forms of the words that are not their surface.
    pub forms: String,
    /// The whole text, folded.
    pub folded: String,
    /// `fold_map[i]` is the text offset of the character that gave folded byte `i`.
    pub fold_map: Vec<u32>,
    /// Length of the text the stream was built from.
    pub text_len: usize,
}

impl TokenStream {
    /// Empties the stream, keeping its buffers.
    pub fn clear(&mut self) {
        self.lang.clear();
        self.tokens.clear();
        self.sentences.clear();
        self.words.clear();
        self.multiwords.clear();
        self.forms.clear();
        self.folded.clear();
        self.fold_map.clear();
        self.text_len = 0;
    }

    /// The folded form of a token.
    pub fn key(&self, t: &Token) -> &str {
        self.folded.get(t.fold_range()).unwrap_or("")
    }

    /// The tokens of sentence `i`.
    pub fn sentence_tokens(&self, i: usize) -> &[Token] {
        self.sentences
            .get(i)
            .and_then(|s| {
                self.tokens
                    .get(s.tokens.start as usize..s.tokens.end as usize)
            })
            .unwrap_or(&[])
    }

    /// The words of sentence `i`.
    pub fn sentence_words(&self, i: usize) -> &[Word] {
        self.sentences
            .get(i)
            .and_then(|s| self.words.get(s.words.start as usize..s.words.end as usize))
            .unwrap_or(&[])
    }

    /// The form of a word; `text` is the text the stream was built from.
    pub fn word_form<'a>(&'a self, text: &'a str, w: &Word) -> &'a str {
        match w.form {
            WordForm::Surface => text.get(w.start as usize..w.end as usize).unwrap_or(""),
            WordForm::Own { start, end } => {
                self.forms.get(start as usize..end as usize).unwrap_or("")
            }
        }
    }

    /// Text offset of a folded offset, for the start of a span.
    pub fn text_start(&self, folded: usize) -> usize {
        self.fold_map
            .get(folded)
            .map_or(self.text_len, |&m| m as usize)
    }

    /// Text offset of a folded offset, for the end of a span (a folded end
    /// is the start of the next folded character).
    pub fn text_end(&self, folded: usize) -> usize {
        self.text_start(folded)
    }

    /// Folded offset of a text offset: the first folded byte at or after it.
    pub fn folded_at(&self, text_offset: usize) -> usize {
        self.fold_map
            .partition_point(|&m| (m as usize) < text_offset)
    }

    /// Index of the first token that ends after `offset`.
    pub fn token_at(&self, offset: usize) -> usize {
        self.tokens.partition_point(|t| (t.end as usize) <= offset)
    }
}
