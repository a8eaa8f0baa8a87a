//! vigie-tokens: builds the one [`TokenStream`] of a text, which time, geo,
//! extraction and the parser all read.
//!
//! Contract: reads a text, the byte ranges of its sentences and its
//! language; adds the folded text with its map back, the tokens (words,
//! numbers, punctuation) and each sentence's syntactic words (see
//! `vigie_core::tokens`). Grammar lives here; language facts (elisions,
//! clitics, contractions, hyphen conventions, abbreviations, the folding
//! table) are data under `resources/`. Never fails on text.
//!
//! Depends only on `vigie-core` and `vigie-resources`, so that `vigie-time`
//! and `vigie-geo` use it without the HTML and decoding dependencies of
//! `vigie-text`.

pub mod fold;
mod rules;
mod words;

use std::collections::HashMap;
use std::ops::Range;

use vigie_core::{StreamSentence, Token, TokenKind, TokenStream};

pub use fold::fold_str;
pub use rules::LangRules;

/// A data file that cannot be read, with its path and line.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Resource(#[from] vigie_resources::Error),
    #[error("{path}:{line}: {message}")]
    Data {
        path: String,
        line: usize,
        message: String,
    },
}

/// The tokenizer: folding table and per-language rules, loaded once.
#[derive(Debug, Clone, Default)]
pub struct Tokenizer {
    langs: HashMap<String, LangRules>,
    neutral: LangRules,
}

impl Tokenizer {
    /// Loads the rules of every language under `lang/` and checks the
    /// folding table.
    pub fn from_resources(r: &vigie_resources::Resources) -> Result<Tokenizer, Error> {
        if let Err(errors) = fold::FoldTable::parse(&r.require(fold::FOLD_PATH)?) {
            let e = errors.into_iter().next().unwrap_or(fold::FoldRowError {
                line: 0,
                message: String::new(),
            });
            return Err(Error::Data {
                path: fold::FOLD_PATH.into(),
                line: e.line,
                message: e.message,
            });
        }
        let mut langs = HashMap::new();
        for code in r.languages() {
            let path = format!("lang/{code}/tokens.toml");
            let toml = r.require(&path)?;
            let abbrev = r
                .text(&format!("lang/{code}/abbreviations.tsv"))?
                .unwrap_or_default();
            let rules = LangRules::parse(&toml, &abbrev).map_err(|message| Error::Data {
                path,
                line: 0,
                message,
            })?;
            langs.insert(code, rules);
        }
        let neutral = LangRules::neutral(langs.values());
        Ok(Tokenizer { langs, neutral })
    }

    /// The bundled rules.
    pub fn bundled() -> Result<Tokenizer, Error> {
        Tokenizer::from_resources(&vigie_resources::Resources::embedded())
    }

    /// The rules of `lang`, or the language-neutral ones.
    pub fn rules(&self, lang: &str) -> &LangRules {
        self.langs.get(lang).unwrap_or(&self.neutral)
    }

    /// The language-neutral rules (the elisions of every language).
    pub fn neutral(&self) -> &LangRules {
        &self.neutral
    }

    /// The stream of `text`, one stream sentence per range of `sentences`
    /// (sorted, non-overlapping; the whole text is one sentence when empty).
    pub fn tokenize(&self, text: &str, sentences: &[Range<usize>], lang: &str) -> TokenStream {
        let mut out = TokenStream::default();
        self.tokenize_into(text, sentences, lang, &mut out);
        out
    }

    /// Like [`Tokenizer::tokenize`], reusing the buffers of `out`.
    pub fn tokenize_into(
        &self,
        text: &str,
        sentences: &[Range<usize>],
        lang: &str,
        out: &mut TokenStream,
    ) {
        tokens_into(text, out);
        self.finish(text, sentences, lang, out);
    }

    /// The second half of [`Tokenizer::tokenize_into`], for a stream whose
    /// tokens [`tokens_into`] has already cut (so that language
    /// identification can read them first): gives the tokens their
    /// sentences and builds each sentence's words with `lang`'s rules.
    pub fn finish(
        &self,
        text: &str,
        sentences: &[Range<usize>],
        lang: &str,
        out: &mut TokenStream,
    ) {
        out.lang.clear();
        out.sentences.clear();
        out.words.clear();
        out.multiwords.clear();
        out.forms.clear();
        out.lang.push_str(if self.langs.contains_key(lang) {
            lang
        } else {
            ""
        });
        assign_sentences(text, sentences, out);
        words::build(text, self.rules(lang), out);
    }
}

/// Only the folded text and the tokens of `text` (one sentence, no words):
/// what matching names and phrases needs. Reuses the buffers of `out`.
pub fn tokens_into(text: &str, out: &mut TokenStream) {
    out.clear();
    out.text_len = text.len();
    out.folded.reserve(text.len());
    out.fold_map.reserve(text.len());
    out.tokens.reserve(text.len() / 4);
    Cutter::default().run(text, out, true);
    group_numbers(text, &mut out.tokens);
}

/// Like [`tokens_into`] without the map from folded bytes back to the text
/// (`TokenStream::text_start` and `folded_at` are then meaningless): for
/// the many short names a gazetteer index folds at start-up, which need
/// only each token's span and folded form.
pub fn tokens_without_map_into(text: &str, out: &mut TokenStream) {
    out.clear();
    out.text_len = text.len();
    Cutter::default().run(text, out, false);
    group_numbers(text, &mut out.tokens);
}

/// What a character is to the cutter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Space,
    Word,
    Digit,
    Punct,
}

/// Spaces as token separators: every Unicode space, the no-break ones too.
fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{202F}' | '\u{00A0}' | '\u{2009}')
}

/// Characters that continue a word: letters, marks, and digits that are
/// not ASCII (ASCII digits make numbers); never an apostrophe, whatever its
/// Unicode category (U+02BC is a letter).
fn is_word_char(c: char) -> bool {
    ((c.is_alphanumeric() && !c.is_ascii_digit())
        || unicode_normalization::char::is_combining_mark(c))
        && !fold::table().is_apostrophe(c)
}

fn class(c: char) -> Class {
    if c.is_ascii() {
        return match c {
            '0'..='9' => Class::Digit,
            'a'..='z' | 'A'..='Z' => Class::Word,
            _ if c.is_ascii_whitespace() || c == '\u{0B}' => Class::Space,
            _ => Class::Punct,
        };
    }
    if is_space(c) {
        Class::Space
    } else if is_word_char(c) {
        Class::Word
    } else {
        Class::Punct
    }
}

/// One pass over the text that folds every character and cuts the tokens:
/// a run of word characters or of ASCII digits is one token, any other
/// character that is not a space is a token of its own.
#[derive(Debug, Default)]
struct Cutter {
    /// The word or number being read.
    open: Option<Token>,
    /// No space since the last token.
    glued: bool,
}

impl Cutter {
    fn run(&mut self, text: &str, out: &mut TokenStream, map: bool) {
        let table = fold::table();
        for (i, c) in text.char_indices() {
            let fold_start = out.folded.len() as u32;
            if c.is_ascii() {
                out.folded.push(char::from(table.fold_ascii(c as u8)));
            } else {
                table.fold_char(c, &mut out.folded);
            }
            if map {
                let added = out.folded.len() - fold_start as usize;
                out.fold_map.extend(std::iter::repeat_n(i as u32, added));
            }
            let end = (i + c.len_utf8()) as u32;
            let fold_end = out.folded.len() as u32;
            let cls = class(c);
            if let Some(t) = self.open.as_mut() {
                let continues = match (t.kind, cls) {
                    (TokenKind::Word, Class::Word) => true,
                    (TokenKind::Number, Class::Digit) => {
                        t.digits = t.digits.saturating_add(1);
                        t.value = t
                            .value
                            .checked_mul(10)
                            .and_then(|v| v.checked_add(u32::from(c as u8 - b'0')))
                            .unwrap_or(u32::MAX);
                        true
                    }
                    _ => false,
                };
                if continues {
                    t.end = end;
                    t.fold_end = fold_end;
                    continue;
                }
            }
            self.close(out);
            let kind = match cls {
                Class::Space => {
                    self.glued = false;
                    continue;
                }
                Class::Word => TokenKind::Word,
                Class::Digit => TokenKind::Number,
                Class::Punct => TokenKind::Punct,
            };
            let (digits, value) = if kind == TokenKind::Number {
                (1, u32::from(c as u8 - b'0'))
            } else {
                (0, 0)
            };
            let t = Token {
                start: i as u32,
                end,
                fold_start,
                fold_end,
                kind,
                glued: self.glued,
                cap: c.is_uppercase(),
                grouped: false,
                digits,
                value,
                sentence: 0,
            };
            self.glued = true;
            if kind == TokenKind::Punct {
                out.tokens.push(t);
            } else {
                self.open = Some(t);
            }
        }
        self.close(out);
    }

    fn close(&mut self, out: &mut TokenStream) {
        if let Some(t) = self.open.take() {
            out.tokens.push(t);
        }
    }
}

fn is_number(t: &Token, digits: Option<u8>) -> bool {
    t.kind == TokenKind::Number && !t.grouped && digits.is_none_or(|d| t.digits == d)
}

/// Merges digit groups written with thousands separators ("30 631",
/// "10 000", "1,000", "1.000") into one grouped number token, in place.
fn group_numbers(text: &str, toks: &mut Vec<Token>) {
    let punct = |t: &Token, c: &str| t.kind == TokenKind::Punct && &text[t.span()] == c;
    let mut write = 0;
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        let mut last = i;
        if is_number(&t, None) && t.digits <= 3 {
            loop {
                let n = last + 1;
                // space-separated group: next token is exactly 3 digits, not glued
                if let Some(nt) = toks.get(n)
                    && is_number(nt, Some(3))
                    && !nt.glued
                    && gap_is_group_space(text, toks[last].end as usize, nt.start as usize)
                {
                    last = n;
                    continue;
                }
                // comma or period separated: "1,000" (glued both sides)
                if let (Some(p), Some(nt)) = (toks.get(n), toks.get(n + 1))
                    && (punct(p, ",") || punct(p, "."))
                    && p.glued
                    && nt.glued
                    && is_number(nt, Some(3))
                    && !toks
                        .get(n + 2)
                        .is_some_and(|x| x.glued && is_number(x, None))
                {
                    last = n + 1;
                    continue;
                }
                break;
            }
        }
        toks[write] = if last > i {
            grouped(text, &t, &toks[last])
        } else {
            t
        };
        write += 1;
        i = last + 1;
    }
    toks.truncate(write);
}

/// The grouped number from token `first` to token `last`.
fn grouped(text: &str, first: &Token, last: &Token) -> Token {
    let (mut digits, mut value) = (0u32, 0u64);
    for b in text[first.start as usize..last.end as usize].bytes() {
        if b.is_ascii_digit() {
            digits += 1;
            value = (value * 10 + u64::from(b - b'0')).min(u64::from(u32::MAX));
        }
    }
    Token {
        end: last.end,
        fold_end: last.fold_end,
        grouped: true,
        digits: digits.min(255) as u8,
        value: u32::try_from(value).unwrap_or(u32::MAX),
        ..*first
    }
}

/// A single space (ordinary, no-break or narrow no-break) between groups.
fn gap_is_group_space(text: &str, a: usize, b: usize) -> bool {
    let gap = text.get(a..b).unwrap_or("");
    let mut n = 0;
    for c in gap.chars() {
        if !matches!(c, ' ' | '\u{202F}' | '\u{00A0}' | '\u{2009}') {
            return false;
        }
        n += 1;
    }
    n == 1
}

/// Gives each token its sentence and each sentence its token range. A token
/// outside every range joins the sentence before it (or the first).
fn assign_sentences(text: &str, sentences: &[Range<usize>], out: &mut TokenStream) {
    let whole_range = 0..text.len();
    let ranges = if sentences.is_empty() {
        std::slice::from_ref(&whole_range)
    } else {
        sentences
    };
    let mut t = 0usize;
    let n = out.tokens.len();
    for (si, r) in ranges.iter().enumerate() {
        let first = t;
        let last_sentence = si + 1 == ranges.len();
        while t < n && (last_sentence || (out.tokens[t].start as usize) < r.end) {
            out.tokens[t].sentence = si as u32;
            t += 1;
        }
        out.sentences.push(StreamSentence {
            span: r.start as u32..r.end as u32,
            tokens: first as u32..t as u32,
            words: 0..0,
        });
    }
}
