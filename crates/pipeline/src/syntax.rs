//! The syntax stage: tags and parses the sentences extraction selects.
//!
//! Contract: reads a document's token stream (its syntactic words) and the
//! sentence indices extraction chose; adds [`ParseCounts`]. Extraction does
//! not read the trees yet, so this stage runs only with `--parse`; a
//! language without a model (`resources/models/<lang>.syntax`) is counted
//! as selected but not parsed.

use std::cell::RefCell;
use std::collections::BTreeMap;

use vigie_core::{Doc, ParseCounts};
use vigie_resources::Resources;
use vigie_syntax::{Analysis, Model};

use crate::Error;

/// The syntax models of the languages that have one.
#[derive(Debug, Default)]
pub struct Models {
    by_lang: BTreeMap<String, Model>,
}

/// Where a language's model lives in the resources.
pub fn model_path(lang: &str) -> String {
    format!("models/{lang}.syntax")
}

impl Models {
    /// Loads the model of every language folder that has one.
    pub fn load(r: &Resources) -> Result<Models, Error> {
        let mut by_lang = BTreeMap::new();
        for lang in r.languages() {
            let path = model_path(&lang);
            let Some(bytes) = r.bytes(&path) else {
                continue;
            };
            // Embedded bytes are borrowed in place (no copy of the tables).
            let model = Model::from_cow(bytes).map_err(|source| Error::Syntax {
                path: path.clone(),
                source,
            })?;
            by_lang.insert(lang, model);
        }
        Ok(Models { by_lang })
    }

    /// The model of `lang`, if there is one.
    pub fn get(&self, lang: &str) -> Option<&Model> {
        self.by_lang.get(lang)
    }

    pub fn is_empty(&self) -> bool {
        self.by_lang.is_empty()
    }

    /// The languages that have a model.
    pub fn languages(&self) -> impl Iterator<Item = &str> {
        self.by_lang.keys().map(String::as_str)
    }

    /// Parses the `selected` sentences of `doc` and counts what was done.
    pub fn parse_selected(&self, doc: &Doc, selected: &[usize]) -> ParseCounts {
        let mut counts = ParseCounts {
            sentences: doc.sentences.len(),
            selected: selected.len(),
            ..ParseCounts::default()
        };
        let Some(model) = self.get(doc.lang.as_str()) else {
            return counts;
        };
        SCRATCH.with_borrow_mut(|analysis| {
            for &i in selected {
                if parse_sentence(model, doc, i, analysis) {
                    counts.parsed += 1;
                    counts.words += analysis.len();
                    counts.fell_back += usize::from(analysis.fell_back);
                }
            }
        });
        counts
    }
}

thread_local! {
    /// One analysis buffer per worker thread, reused across sentences.
    static SCRATCH: RefCell<Analysis> = RefCell::new(Analysis::default());
}

/// A sentence as the parser reads it: its syntactic words, and the tokens
/// they come from. A multiword token of the stream ("du" = "de le") and an
/// ambiguous contraction the model splits (French "des" = "de les") are one
/// token of several words; any other word is a token of its own.
#[derive(Debug, Default)]
pub struct ParserSentence<'a> {
    pub words: Vec<&'a str>,
    pub tokens: Vec<ParserToken<'a>>,
}

/// One token of a [`ParserSentence`].
#[derive(Debug, Clone)]
pub struct ParserToken<'a> {
    /// The token as written in the normalized text.
    pub surface: &'a str,
    /// Its end offset in the normalized text.
    pub end: u32,
    /// Its words: a range of [`ParserSentence::words`].
    pub words: std::ops::Range<usize>,
}

/// The words the parser reads for sentence `i` of `doc`. The model decides
/// the ambiguous contractions from the stream's word forms.
pub fn parser_sentence<'a>(model: &'a Model, doc: &'a Doc, i: usize) -> ParserSentence<'a> {
    let stream = &doc.tokens;
    let text = doc.norm.text.as_str();
    let stream_words = stream.sentence_words(i);
    let forms: Vec<&str> = stream_words
        .iter()
        .map(|w| stream.word_form(text, w))
        .collect();
    let mut split = Vec::new();
    model.split_contractions(&forms, &mut split);
    let mut out = ParserSentence {
        words: Vec::with_capacity(forms.len() + 2),
        tokens: Vec::with_capacity(forms.len()),
    };
    let mut k = 0;
    while k < stream_words.len() {
        let w = stream_words[k];
        let first = out.words.len();
        let multiword = w.multiword.and_then(|m| stream.multiwords.get(m as usize));
        let (surface, end, taken) = match multiword {
            Some(mw) => {
                let parts = ((mw.words.end - mw.words.start) as usize).max(1);
                out.words.extend(forms.iter().skip(k).take(parts));
                let surface = text.get(mw.start as usize..mw.end as usize).unwrap_or("");
                (surface, mw.end, parts)
            }
            None => {
                match model.contraction_parts(forms[k]).filter(|_| split[k]) {
                    Some(parts) => out.words.extend(parts.iter().map(String::as_str)),
                    None => out.words.push(forms[k]),
                }
                (forms[k], w.end, 1)
            }
        };
        out.tokens.push(ParserToken {
            surface,
            end,
            words: first..out.words.len(),
        });
        k += taken;
    }
    out
}

/// Tags and parses sentence `i` of `doc` into `out` (the words of
/// [`parser_sentence`], so `out` may have more words than the stream's
/// sentence); false when it has no words.
pub fn parse_sentence(model: &Model, doc: &Doc, i: usize, out: &mut Analysis) -> bool {
    let sentence = parser_sentence(model, doc, i);
    if sentence.words.is_empty() {
        return false;
    }
    model.annotate(&sentence.words, out);
    true
}
