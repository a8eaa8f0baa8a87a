//! Context words of one language, read from `resources/lang/<lang>/geo/`.
//!
//! Files are TSV with `#` comments; the first column is a phrase, folded
//! like the text. What a file means is told by its name:
//!
//! - `type*`: `phrase<TAB>feature[|feature…][<TAB>before|after]`:
//!   "base aérienne de" → airbase, before the name; "air base" → airbase, after;
//! - `direction*`: `phrase<TAB>bearing[<TAB>inside|outside<TAB>precision<TAB>before|after]`:
//!   "au nord de" → N, outside (a point displaced from the anchor);
//!   "northern" → N, inside (a part of the anchor);
//! - `near*` / `vicinity*`: `phrase[<TAB>relation<TAB>scope<TAB>precision<TAB>before|after]`:
//!   "près de", "la campagne de", "countryside" (after);
//! - `stop*`: `word`: words that are also place names but usually are not
//!   ("nice", "sale", "bar"); kept as places only with strong context;
//! - `adjective*` / `demonym*`: `adjective<TAB>CC`: "syrien" → SY (country
//!   context for the document); a final `-` marks a compound prefix ("syro-");
//! - `locative*`: `word`: prepositions that announce a place ("à", "in");
//! - `vessel*`: `phrase`: words right before a name that make it a ship's
//!   ("USS Carney", "le pétrolier Marlin Luanda"), never a place.
//!
//! Phrases are compared as *context tokens*: light forms with French
//! contractions spread out (`du` → `de`, `d` → `de`, `au` → `a`) and
//! determiners dropped, so "au nord de la" and "au nord du" are one phrase.
//!
//! Month and weekday names from `lang/<lang>/time/{months,weekdays}.tsv`
//! join the stop list ("March", "Mars", "Sunday").

use std::collections::{HashMap, HashSet};

use crate::fold;

/// Determiners skipped in context phrases (grammar, not lexicon).
const DETERMINERS: &[&str] = &["le", "la", "les", "l", "the"];

/// Whether a light token is a determiner (skipped in context phrases and
/// before stop phrases).
pub fn is_determiner(light: &str) -> bool {
    DETERMINERS.contains(&light)
}

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

/// Where a context phrase stands relative to the name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Position {
    Before,
    After,
}

/// A direction phrase: bearing, whether it names a part of the anchor
/// (inside) or a point beyond it (outside), and the precision it gives
/// when the anchor is a town or site.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Direction {
    pub bearing: f64,
    pub inside: bool,
    pub precision: u8,
}

/// Key of a context phrase in the maps below: `b ` or `a ` (before,
/// after) and the context tokens joined by spaces.
pub fn phrase_key(pos: Position, tokens: &[impl AsRef<str>], out: &mut String) {
    out.clear();
    out.push_str(match pos {
        Position::Before => "b",
        Position::After => "a",
    });
    for t in tokens {
        out.push(' ');
        out.push_str(t.as_ref());
    }
}

#[derive(Debug, Default, Clone)]
pub struct Lexicon {
    /// Keys: see [`phrase_key`].
    pub types: HashMap<String, Vec<String>>,
    pub directions: HashMap<String, Direction>,
    /// Vicinity phrases and the precision they give near a town or site.
    pub near: HashMap<String, u8>,
    pub stop: HashSet<String>,
    pub adjectives: Vec<(String, String)>,
    pub locative: HashSet<String>,
    /// Keys (before): ship prefixes and nouns.
    pub vessels: HashSet<String>,
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
        other => {
            return other
                .parse::<f64>()
                .ok()
                .filter(|d| (0.0..=360.0).contains(d));
        }
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
                let pos_col = |i: usize| match cols.get(i).copied().unwrap_or("") {
                    "after" => Some(Position::After),
                    "before" | "" => Some(Position::Before),
                    _ => None,
                };
                let prec_col = |i: usize| match cols.get(i).copied().unwrap_or("") {
                    "" => Some(2),
                    p => p.parse::<u8>().ok().filter(|p| (1..=3).contains(p)),
                };
                if file.starts_with("type") {
                    let feats: Vec<String> = value
                        .split(['|', ','])
                        .map(str::trim)
                        .filter(|f| !f.is_empty())
                        .map(str::to_string)
                        .collect();
                    if let Some(bad) = feats
                        .iter()
                        .find(|f| !crate::gazetteer::FEATURES.contains(&f.as_str()))
                    {
                        errors.push(format!("{path}:{line_no}: unknown feature {bad:?}"));
                        continue;
                    }
                    let Some(pos) = pos_col(2) else {
                        errors.push(format!(
                            "{path}:{line_no}: position must be before or after"
                        ));
                        continue;
                    };
                    let mut k = String::new();
                    phrase_key(pos, &key, &mut k);
                    lx.types.entry(k).or_default().extend(feats);
                } else if file.starts_with("direction") {
                    let (Some(bearing), Some(precision), Some(pos)) =
                        (bearing(value), prec_col(3), pos_col(4))
                    else {
                        errors.push(format!(
                            "{path}:{line_no}: bad direction, precision or position"
                        ));
                        continue;
                    };
                    let inside = cols.get(2).is_some_and(|s| *s == "inside");
                    lx.directions.insert(
                        {
                            let mut k = String::new();
                            phrase_key(pos, &key, &mut k);
                            k
                        },
                        Direction {
                            bearing,
                            inside,
                            precision,
                        },
                    );
                } else if file.starts_with("near") || file.starts_with("vicinity") {
                    let (Some(precision), Some(pos)) = (prec_col(3), pos_col(4)) else {
                        errors.push(format!("{path}:{line_no}: bad precision or position"));
                        continue;
                    };
                    let mut k = String::new();
                    phrase_key(pos, &key, &mut k);
                    lx.near.insert(k, precision);
                } else if file.starts_with("stop") {
                    lx.stop.insert(fold::light(phrase));
                } else if file.starts_with("adjective") || file.starts_with("demonym") {
                    if value.len() == 2 {
                        lx.adjectives.push((
                            phrase.trim_end_matches('-').to_string(),
                            value.to_ascii_uppercase(),
                        ));
                    } else {
                        errors.push(format!(
                            "{path}:{line_no}: country code expected, not {value:?}"
                        ));
                    }
                } else if file.starts_with("locative") {
                    lx.locative.insert(key.join(" "));
                } else if file.starts_with("vessel") {
                    let mut k = String::new();
                    phrase_key(Position::Before, &key, &mut k);
                    lx.vessels.insert(k);
                }
            }
        }
        // month and weekday names (the time lexicon) are never places on their own
        for file in ["months.tsv", "weekdays.tsv"] {
            if let Ok(Some(text)) = res.text(&format!("lang/{lang}/time/{file}")) {
                for (_, line) in vigie_resources::data_lines(&text) {
                    let w = line.split('\t').next().unwrap_or("").trim();
                    if w.chars().count() >= 3 {
                        lx.stop.insert(fold::light(w));
                    }
                }
            }
        }
        lx
    }
}
