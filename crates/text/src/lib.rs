//! vigie-text: the text stages of the pipeline.
//!
//! `decode` (bytes → text), `html` (page → main text, title, date),
//! `normalize` (NFC, quotes, whitespace, with an offset map), `lang`
//! (language identification) and `segment` (sentences). [`Preparer`] runs
//! normalize, language identification and segmentation to turn decoded text
//! into a [`vigie_core::Doc`], and `vigie-tokens` then builds the document's
//! token stream.
//!
//! Invariants: nothing here panics on any input; every span is on character
//! boundaries; segmentation never loses, duplicates or reorders text.

pub mod decode;
pub mod html;
pub mod lang;
pub mod normalize;
pub mod segment;

use std::collections::HashMap;

use vigie_core::{Doc, DocMeta, Lang, Sentence};
use vigie_resources::{Resources, data_lines};

pub use decode::{Decoded, NotText, decode};
pub use html::{HtmlArticle, HtmlExtractor};
pub use lang::LangDetector;
pub use normalize::normalize;
pub use segment::Segmenter;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Resource(#[from] vigie_resources::Error),
    #[error(transparent)]
    Tokens(#[from] vigie_tokens::Error),
    #[error("invalid resource data:\n  {}", .0.join("\n  "))]
    Data(Vec<String>),
}

/// Normalize, identify the language, split sentences: decoded text → [`Doc`].
#[derive(Debug, Clone)]
pub struct Preparer {
    detector: LangDetector,
    segmenters: HashMap<String, Segmenter>,
    /// For `other` and for languages without an abbreviation list.
    fallback: Segmenter,
    tokenizer: vigie_tokens::Tokenizer,
}

impl Preparer {
    pub fn from_resources(r: &Resources) -> Result<Self, Error> {
        let mut langs = Vec::new();
        let mut segmenters = HashMap::new();
        let mut all_abbrevs = Vec::new();
        let mut errors = Vec::new();
        let mut function_words = Vec::new();
        for code in r.languages() {
            let path = format!("lang/{code}/language.toml");
            match r.text(&path)? {
                Some(t) => match parse_iso3(&t) {
                    Some(iso3) => langs.push((code.clone(), iso3)),
                    None => errors.push(format!("{path}: expected `iso639_3 = \"xxx\"`")),
                },
                None => errors.push(format!("{path}: missing (every language folder needs one)")),
            }
            if let Some(t) = r.text(&format!("lang/{code}/function_words.tsv"))? {
                function_words.push((
                    code.clone(),
                    data_lines(&t)
                        .map(|(_, l)| vigie_tokens::fold_str(l.trim()))
                        .collect(),
                ));
            }
            let abbrevs: Vec<String> = match r.text(&format!("lang/{code}/abbreviations.tsv"))? {
                Some(t) => data_lines(&t).map(|(_, l)| l.trim().to_string()).collect(),
                None => Vec::new(),
            };
            all_abbrevs.extend(abbrevs.iter().cloned());
            segmenters.insert(code, Segmenter::new(abbrevs));
        }
        if !errors.is_empty() {
            return Err(Error::Data(errors));
        }
        Ok(Preparer {
            detector: LangDetector::new(&langs).with_function_words(function_words),
            segmenters,
            fallback: Segmenter::new(all_abbrevs),
            tokenizer: vigie_tokens::Tokenizer::from_resources(r)?,
        })
    }

    pub fn detect_language(&self, text: &str) -> Lang {
        self.detector.detect(text)
    }

    /// Turns a document's decoded text into a [`Doc`]. The language is the one
    /// in `meta.lang` when given, else detected.
    pub fn prepare(&self, meta: DocMeta, text: String) -> Doc {
        let norm = normalize(&text);
        // Tokens first (they do not depend on the language), so that
        // language identification reads them; the language's word rules
        // come after.
        let mut tokens = vigie_core::TokenStream::default();
        vigie_tokens::tokens_into(&norm.text, &mut tokens);
        let lang = meta
            .lang
            .clone()
            .unwrap_or_else(|| self.detector.detect_with_tokens(&norm.text, &tokens));
        let seg = self.segmenters.get(lang.as_str()).unwrap_or(&self.fallback);
        let sentences = seg
            .split(&norm.text)
            .into_iter()
            .map(|b| Sentence {
                norm: b.span,
                span: norm.to_original(b.span),
                headline: b.headline,
            })
            .collect::<Vec<Sentence>>();
        let ranges: Vec<std::ops::Range<usize>> =
            sentences.iter().map(|s| s.norm.range()).collect();
        self.tokenizer
            .finish(&norm.text, &ranges, lang.as_str(), &mut tokens);
        Doc {
            meta,
            text,
            norm,
            lang,
            sentences,
            tokens,
            diagnostics: Vec::new(),
        }
    }
}

fn parse_iso3(toml_text: &str) -> Option<String> {
    toml_text.lines().find_map(|l| {
        let (k, v) = l.split_once('=')?;
        (k.trim() == "iso639_3")
            .then(|| v.trim().trim_matches('"').to_string())
            .filter(|v| v.len() == 3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prepare_french_article() {
        let p = Preparer::from_resources(&Resources::embedded()).unwrap();
        let text = "Frappe à Tyr\n\nL\u{2019}armée a visé mardi une position, a indiqué M. Haddad. Trois morts.".to_string();
        let doc = p.prepare(DocMeta::default(), text);
        assert_eq!(doc.lang.as_str(), "fr");
        let sents: Vec<&str> = doc.sentences.iter().map(|s| doc.original(s.span)).collect();
        assert_eq!(
            sents,
            [
                "Frappe à Tyr",
                "L\u{2019}armée a visé mardi une position, a indiqué M. Haddad.",
                "Trois morts."
            ]
        );
        assert!(doc.sentences[0].headline);
        assert_eq!(
            doc.sentence_norm(&doc.sentences[1]),
            "L'armée a visé mardi une position, a indiqué M. Haddad."
        );
    }
}
