//! Context words of one language, read from `resources/lang/<lang>/geo/`.
//!
//! Files are TSV with `#` comments; the first column is a phrase, folded
//! like the text. What a file means is told by its name:
//!
//! - `type*`: `phrase<TAB>feature[|feature…]`: "base aérienne de" → airbase;
//! - `direction*`: `phrase<TAB>bearing`: "au nord de" → n (n, ne, e, se, s,
//!   sw, w, nw, or degrees);
//! - `near*` / `vicinity*`: `phrase`: "près de", "la campagne de", "outskirts of";
//! - `stop*`: `word`: capitalised words that are also place names but
//!   usually are not ("Nice", "Sale", "Bar"); kept only with strong context;
//! - `adjective*` / `demonym*`: `adjective<TAB>CC`: "syrien" → SY (country
//!   context for the document);
//! - `locative*`: `word`: prepositions that announce a place ("à", "in").
//!
//! Phrases are compared as *context tokens*: light forms with French
//! contractions spread out (`du` → `de`, `d` → `de`, `au` → `a`) and
//! determiners dropped, so "au nord de la" and "au nord de" are one phrase.

use std::collections::{HashMap, HashSet};

use crate::fold;

/// Determiners skipped in context phrases (grammar, not lexicon).
const DETERMINERS: &[&str] = &["le", "la", "les", "l", "the"];

/// Context token of a light token, or None if it is to be skipped.
pub fn context_token(light: &str) -> Option<&str> {
    if DETERMINERS.contains(&light) {
        return None;
    }
    Some(match light {
        "d" | "du" | "des" => "de",
        "au" | "aux" => "a",
        other => other,
    })
}

pub fn context_tokens(phrase: &str) -> Vec<String> {
    fold::tokenize(phrase)
        .iter()
        .filter_map(|t| context_token(&t.light).map(str::to_string))
        .collect()
}

#[derive(Debug, Default, Clone)]
pub struct Lexicon {
    pub types: HashMap<Vec<String>, Vec<String>>,
    pub directions: HashMap<Vec<String>, f64>,
    pub near: HashSet<Vec<String>>,
    pub stop: HashSet<String>,
    pub adjectives: Vec<(String, String)>,
    pub locative: HashSet<String>,
    pub max_phrase: usize,
}

fn bearing(s: &str) -> Option<f64> {
    let l = fold::light(s).replace(' ', "");
    let b = match l.as_str() {
        "n" | "north" | "nord" => 0.0,
        "ne" | "northeast" | "nordest" => 45.0,
        "e" | "east" | "est" => 90.0,
        "se" | "southeast" | "sudest" => 135.0,
        "s" | "south" | "sud" => 180.0,
        "sw" | "so" | "southwest" | "sudouest" => 225.0,
        "w" | "o" | "west" | "ouest" => 270.0,
        "nw" | "no" | "northwest" | "nordouest" => 315.0,
        other => return other.parse::<f64>().ok().filter(|d| (0.0..=360.0).contains(d)),
    };
    Some(b)
}

impl Lexicon {
    /// Load every file under `lang/<lang>/geo/`.
    pub fn load(res: &vigie_resources::Resources, lang: &str, errors: &mut Vec<String>) -> Lexicon {
        let mut lx = Lexicon::default();
        let prefix = format!("lang/{lang}/geo/");
        for path in res.list(&prefix) {
            let file = path.rsplit('/').next().unwrap_or("").to_ascii_lowercase();
            if !file.ends_with(".tsv") {
                continue;
            }
            let text = match res.text(&path) {
                Ok(Some(t)) => t,
                Ok(None) => continue,
                Err(e) => {
                    errors.push(format!("{path}: {e}"));
                    continue;
                }
            };
            for (line_no, line) in vigie_resources::data_lines(&text) {
                let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
                let phrase = cols.first().copied().unwrap_or("");
                let value = cols.get(1).copied().unwrap_or("");
                let key = context_tokens(phrase);
                if key.is_empty() {
                    continue;
                }
                lx.max_phrase = lx.max_phrase.max(key.len());
                if file.starts_with("type") {
                    let feats: Vec<String> =
                        value.split(['|', ',']).map(str::trim).filter(|f| !f.is_empty()).map(str::to_string).collect();
                    if let Some(bad) = feats.iter().find(|f| !crate::gazetteer::FEATURES.contains(&f.as_str())) {
                        errors.push(format!("{path}:{line_no}: unknown feature {bad:?}"));
                        continue;
                    }
                    lx.types.entry(key).or_default().extend(feats);
                } else if file.starts_with("direction") {
                    match bearing(value) {
                        Some(b) => {
                            lx.directions.insert(key, b);
                        }
                        None => errors.push(format!("{path}:{line_no}: bad direction {value:?}")),
                    }
                } else if file.starts_with("near") || file.starts_with("vicinity") {
                    lx.near.insert(key);
                } else if file.starts_with("stop") {
                    lx.stop.insert(fold::light(phrase));
                } else if file.starts_with("adjective") || file.starts_with("demonym") {
                    if value.len() == 2 {
                        lx.adjectives.push((phrase.to_string(), value.to_ascii_uppercase()));
                    } else {
                        errors.push(format!("{path}:{line_no}: country code expected, not {value:?}"));
                    }
                } else if file.starts_with("locative") {
                    lx.locative.insert(key.join(" "));
                }
            }
        }
        lx
    }
}
