//! A language's tokenization rules: `resources/lang/<code>/tokens.toml`
//! (elisions, clitics, hyphens, contractions, attached prefixes) and its
//! abbreviations (`abbreviations.tsv`, shared with sentence splitting).

use std::collections::{BTreeMap, HashSet};

use serde::Deserialize;

/// The rules of one language, or the language-neutral rules.
#[derive(Debug, Clone, Default)]
pub struct LangRules {
    /// Folded words that are elided before an apostrophe ("l", "qu").
    pub elisions: HashSet<String>,
    pub split_hyphens: bool,
    /// Folded words after a hyphen that are their own word ("t-il").
    pub hyphen_clitics: HashSet<String>,
    /// Folded clitics after an apostrophe that are their own word ("s").
    pub apostrophe_clitics: HashSet<String>,
    /// The negation clitic ("n't"), folded; empty when none.
    pub negation_clitic: String,
    /// Folded prefixes attached to the next word and parsed on their own.
    pub attached_prefixes: Vec<String>,
    /// Folded token → its words ("du" → "de", "le").
    pub contractions: BTreeMap<String, Vec<String>>,
    /// Abbreviations without their final period, case-sensitive.
    pub abbreviations: HashSet<String>,
    /// A bound on the bytes of a word that can be a contraction or start
    /// with an attached prefix (longer words skip both lookups).
    pub longest_split_bytes: usize,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TokensToml {
    #[serde(default)]
    elisions: Vec<String>,
    #[serde(default)]
    split_hyphens: bool,
    #[serde(default)]
    hyphen_clitics: Vec<String>,
    #[serde(default)]
    apostrophe_clitics: Vec<String>,
    #[serde(default)]
    negation_clitic: String,
    #[serde(default)]
    attached_prefixes: Vec<String>,
    #[serde(default)]
    contractions: BTreeMap<String, Vec<String>>,
}

impl LangRules {
    /// Reads `tokens.toml` and `abbreviations.tsv`; `Err` says what is wrong.
    pub fn parse(tokens_toml: &str, abbreviations: &str) -> Result<LangRules, String> {
        let t: TokensToml = toml::from_str(tokens_toml).map_err(|e| e.to_string())?;
        let fold = |v: Vec<String>| v.iter().map(|s| crate::fold_str(s)).collect();
        let mut contractions = BTreeMap::new();
        for (k, words) in t.contractions {
            if words.len() < 2 || words.iter().any(|w| w.trim().is_empty()) {
                return Err(format!(
                    "contraction {k:?} must have two or more non-empty words"
                ));
            }
            contractions.insert(crate::fold_str(&k), words);
        }
        // a folded character comes from at most 4 bytes of surface (and
        // dropped characters are rare enough to ignore here)
        let longest_key = contractions
            .keys()
            .map(|k: &String| k.chars().count())
            .max()
            .unwrap_or(0);
        let longest_split_bytes = if t.attached_prefixes.is_empty() {
            4 * longest_key + 8
        } else {
            usize::MAX
        };
        Ok(LangRules {
            longest_split_bytes,
            elisions: fold(t.elisions),
            split_hyphens: t.split_hyphens,
            hyphen_clitics: fold(t.hyphen_clitics),
            apostrophe_clitics: fold(t.apostrophe_clitics),
            negation_clitic: crate::fold_str(&t.negation_clitic),
            attached_prefixes: t
                .attached_prefixes
                .iter()
                .map(|s| crate::fold_str(s))
                .collect(),
            contractions,
            abbreviations: vigie_resources::data_lines(abbreviations)
                .map(|(_, l)| l.trim().to_string())
                .collect(),
        })
    }

    /// Rules for text whose language is not known: only what holds in any
    /// of the given languages without harm (their elisions, so that an
    /// apostrophe after "l" or "d" still separates words).
    pub fn neutral<'a>(all: impl IntoIterator<Item = &'a LangRules>) -> LangRules {
        let mut n = LangRules::default();
        for r in all {
            n.elisions.extend(r.elisions.iter().cloned());
        }
        n
    }
}
