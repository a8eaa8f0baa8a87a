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

/// Tags and parses sentence `i` of `doc` into `out`; false when it has no words.
/// The model first decides the ambiguous contractions (French `des`: `de
/// les` or determiner); a split one is analysed as its parts, so `out` may
/// have more words than the stream's sentence.
pub fn parse_sentence(model: &Model, doc: &Doc, i: usize, out: &mut Analysis) -> bool {
    let stream = &doc.tokens;
    let forms: Vec<&str> = stream
        .sentence_words(i)
        .iter()
        .map(|w| stream.word_form(&doc.norm.text, w))
        .collect();
    if forms.is_empty() {
        return false;
    }
    let mut split = Vec::new();
    model.split_contractions(&forms, &mut split);
    let mut words: Vec<&str> = Vec::with_capacity(forms.len() + 2);
    for (&w, &s) in forms.iter().zip(&split) {
        match model.contraction_parts(w).filter(|_| s) {
            Some(parts) => words.extend(parts.iter().map(String::as_str)),
            None => words.push(w),
        }
    }
    model.annotate(&words, out);
    true
}
