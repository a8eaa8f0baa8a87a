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
//!
//! The closed word classes the code reasons with — determiners,
//! contractions, compass words, headline small words, the words between a
//! place and its country, distance words, articles of gazetteer names —
//! are read into one [`Grammar`] from the same folders ([`GRAMMAR_FILES`]);
//! their union over the languages applies whatever the document's language.

use std::collections::{HashMap, HashSet};

use crate::fold;
use vigie_resources::FxBuild;

/// The grammar files under `lang/<lang>/geo/`, read by [`Grammar::load`]
/// (and left out by [`Lexicon::load`]); each is optional.
pub const GRAMMAR_FILES: &[&str] = &[
    "determiners.tsv",
    "contractions.tsv",
    "compass.tsv",
    "headline.tsv",
    "country_links.tsv",
    "distance.tsv",
    "name_articles.tsv",
];

/// Closed word classes of every language (light forms), taken together:
/// each applies whatever the document's language, as a determiner of one
/// language is no place name in another.
///
/// - `determiners.tsv`: `word[<TAB>elided]`: skipped in context phrases
///   ("au nord de la" is "au nord de"), and part of the mention when right
///   before a context phrase; a full (not elided) one before a town outside
///   the focus countries makes it no place ("le Hamas", "the Pentagon");
/// - `contractions.tsv`: `form<TAB>expansion`: the preposition a contracted
///   form stands for in context phrases (`du` → `de`, `au` → `à`);
/// - `compass.tsv`: `word<TAB>degrees`: the bearings the `direction*` files
///   may name ("N", "nord-est"); degrees are accepted too;
/// - `headline.tsv`: `word`: small words that only a title-case headline
///   capitalises ("And", "Of"), besides the locative words;
/// - `country_links.tsv`: `word`: words that may stand between a place and
///   the country or province that locates it ("Tripoli au Liban");
/// - `distance.tsv`: `word<TAB>unit|lead`: a distance before a direction
///   phrase, "[lead] <number> <unit>" ("à 30 km au nord de", "some 30
///   kilometres north of");
/// - `name_articles.tsv`: `word`: an article at the head of a gazetteer
///   name that is not part of its key ("The Mission" is found as "Mission").
#[derive(Debug, Default, Clone)]
pub struct Grammar {
    determiners: HashSet<String, FxBuild>,
    /// Determiners not marked `elided`.
    full_determiners: HashSet<String, FxBuild>,
    contractions: HashMap<String, String, FxBuild>,
    /// Keys: light forms without spaces ("nordest").
    compass: HashMap<String, f64, FxBuild>,
    headline: HashSet<String, FxBuild>,
    country_links: HashSet<String, FxBuild>,
    distance_units: HashSet<String, FxBuild>,
    distance_leads: HashSet<String, FxBuild>,
    name_articles: HashSet<String, FxBuild>,
}

impl Grammar {
    /// Reads the [`GRAMMAR_FILES`] of every language in `langs`.
    pub fn load(
        res: &vigie_resources::Resources,
        langs: &[String],
        errors: &mut Vec<String>,
    ) -> Grammar {
        let mut g = Grammar::default();
        for lang in langs {
            for file in GRAMMAR_FILES {
                let path = format!("lang/{lang}/geo/{file}");
                let Some(text) = optional_text(res, &path, errors) else {
                    continue;
                };
                for (line_no, line) in vigie_resources::data_lines(&text) {
                    let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
                    let word = fold::light(cols.first().copied().unwrap_or(""));
                    let value = cols.get(1).copied().unwrap_or("");
                    if word.is_empty() {
                        continue;
                    }
                    let mut bad = |what: &str| errors.push(format!("{path}:{line_no}: {what}"));
                    match *file {
                        "determiners.tsv" => match value {
                            "" => {
                                g.full_determiners.insert(word.clone());
                                g.determiners.insert(word);
                            }
                            "elided" => {
                                g.determiners.insert(word);
                            }
                            _ => bad("second column must be empty or `elided`"),
                        },
                        "contractions.tsv" => {
                            let expansion = fold::light(value);
                            if expansion.is_empty() || expansion.contains(' ') {
                                bad("one word expected in the second column");
                            } else {
                                g.contractions.insert(word, expansion);
                            }
                        }
                        "compass.tsv" => match value.parse::<f64>() {
                            Ok(d) if (0.0..=360.0).contains(&d) => {
                                g.compass.insert(word.replace(' ', ""), d);
                            }
                            _ => bad("degrees (0-360) expected in the second column"),
                        },
                        "headline.tsv" => {
                            g.headline.insert(word);
                        }
                        "country_links.tsv" => {
                            g.country_links.insert(word);
                        }
                        "distance.tsv" => match value {
                            "unit" => {
                                g.distance_units.insert(word);
                            }
                            "lead" => {
                                g.distance_leads.insert(word);
                            }
                            _ => bad("second column must be `unit` or `lead`"),
                        },
                        _ => {
                            g.name_articles.insert(word);
                        }
                    }
                }
            }
        }
        g
    }

    /// Whether a light token is a determiner (skipped in context phrases,
    /// and before stop phrases).
    pub fn is_determiner(&self, light: &str) -> bool {
        self.determiners.contains(light)
    }

    /// Whether a light token is a determiner that is not an elided form
    /// ("le", "the"; not "l").
    pub fn is_full_determiner(&self, light: &str) -> bool {
        self.full_determiners.contains(light)
    }

    /// Context token of a light token, or None if it is to be skipped.
    pub fn context_token<'a>(&'a self, light: &'a str) -> Option<&'a str> {
        if self.determiners.contains(light) {
            return None;
        }
        Some(self.contractions.get(light).map_or(light, String::as_str))
    }

    pub fn context_tokens(&self, phrase: &str) -> Vec<String> {
        fold::tokenize(phrase)
            .iter()
            .filter_map(|t| self.context_token(&t.light).map(str::to_string))
            .collect()
    }

    /// A bearing in degrees: a compass word or a number of degrees.
    pub fn bearing(&self, s: &str) -> Option<f64> {
        let l = fold::light(s).replace(' ', "");
        if let Some(b) = self.compass.get(&l) {
            return Some(*b);
        }
        l.parse::<f64>().ok().filter(|d| (0.0..=360.0).contains(d))
    }

    /// A small word capitalised only in title-case headlines ("And").
    pub fn is_headline_word(&self, light: &str) -> bool {
        self.headline.contains(light)
    }

    /// A word that may stand between a place and its country ("au").
    pub fn is_country_link(&self, light: &str) -> bool {
        self.country_links.contains(light)
    }

    /// A unit of distance ("km"), after the number.
    pub fn is_distance_unit(&self, context: &str) -> bool {
        self.distance_units.contains(context)
    }

    /// A word before a distance ("à", "some").
    pub fn is_distance_lead(&self, context: &str) -> bool {
        self.distance_leads.contains(context)
    }

    /// An article at the head of a gazetteer name, not part of its key ("the").
    pub fn is_name_article(&self, light: &str) -> bool {
        self.name_articles.contains(light)
    }
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
    pub types: HashMap<String, Vec<String>, FxBuild>,
    pub directions: HashMap<String, Direction, FxBuild>,
    /// Vicinity phrases and the precision they give near a town or site.
    pub near: HashMap<String, u8, FxBuild>,
    pub stop: HashSet<String, FxBuild>,
    pub adjectives: Vec<(String, String)>,
    pub locative: HashSet<String, FxBuild>,
    /// Keys (before): ship prefixes and nouns.
    pub vessels: HashSet<String, FxBuild>,
    pub max_phrase: usize,
}

impl Lexicon {
    /// Load every file under `lang/<lang>/geo/` but the grammar files;
    /// phrases are read as context tokens of `grammar`.
    pub fn load(
        res: &vigie_resources::Resources,
        lang: &str,
        grammar: &Grammar,
        errors: &mut Vec<String>,
    ) -> Lexicon {
        let mut lx = Lexicon::default();
        let prefix = format!("lang/{lang}/geo/");
        for path in res.list(&prefix) {
            let file = path.rsplit('/').next().unwrap_or("").to_ascii_lowercase();
            if !file.ends_with(".tsv") || GRAMMAR_FILES.contains(&file.as_str()) {
                continue;
            }
            let Some(text) = optional_text(res, &path, errors) else {
                continue;
            };
            for (line_no, line) in vigie_resources::data_lines(&text) {
                let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
                let phrase = cols.first().copied().unwrap_or("");
                let value = cols.get(1).copied().unwrap_or("");
                let key = grammar.context_tokens(phrase);
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
                        (grammar.bearing(value), prec_col(3), pos_col(4))
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

/// The text of an optional resource file: `None` when it is missing, or
/// when it cannot be read (the error is recorded with its path).
fn optional_text(
    res: &vigie_resources::Resources,
    path: &str,
    errors: &mut Vec<String>,
) -> Option<std::borrow::Cow<'static, str>> {
    res.text(path).unwrap_or_else(|e| {
        errors.push(format!("{path}: {e}"));
        None
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundled() -> (Grammar, Vec<String>) {
        let r = vigie_resources::Resources::embedded();
        let mut errors = Vec::new();
        let g = Grammar::load(&r, &r.languages(), &mut errors);
        (g, errors)
    }

    fn sorted<'a>(set: impl IntoIterator<Item = &'a String>) -> Vec<&'a str> {
        let mut v: Vec<&str> = set.into_iter().map(String::as_str).collect();
        v.sort_unstable();
        v
    }

    /// The word lists that were written in the code before they moved to
    /// `lang/*/geo/`: the bundled files give exactly the same sets.
    #[test]
    fn bundled_grammar_files_give_the_word_lists_the_code_had() {
        let (g, errors) = bundled();
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(sorted(&g.determiners), ["l", "la", "le", "les", "the"]);
        assert_eq!(sorted(&g.full_determiners), ["la", "le", "les", "the"]);
        let mut contractions: Vec<(&str, &str)> = g
            .contractions
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        contractions.sort_unstable();
        assert_eq!(
            contractions,
            [
                ("au", "a"),
                ("aux", "a"),
                ("d", "de"),
                ("des", "de"),
                ("du", "de")
            ]
        );
        let compass: [(&[&str], f64); 8] = [
            (&["n", "north", "nord"], 0.0),
            (&["ne", "northeast", "nordest"], 45.0),
            (&["e", "east", "est"], 90.0),
            (&["se", "southeast", "sudest"], 135.0),
            (&["s", "south", "sud"], 180.0),
            (&["sw", "so", "southwest", "sudouest"], 225.0),
            (&["w", "o", "west", "ouest"], 270.0),
            (&["nw", "no", "northwest", "nordouest"], 315.0),
        ];
        let n: usize = compass.iter().map(|(w, _)| w.len()).sum();
        assert_eq!(g.compass.len(), n, "{:?}", g.compass);
        for (words, deg) in compass {
            for w in words {
                assert_eq!(g.compass.get(*w), Some(&deg), "{w}");
            }
        }
        assert_eq!(sorted(&g.headline), ["and", "for", "of", "the"]);
        assert_eq!(
            sorted(&g.country_links),
            ["a", "au", "dans", "en", "in", "l", "la", "le"]
        );
        assert_eq!(
            sorted(&g.distance_units),
            ["kilometer", "kilometers", "kilometre", "kilometres", "km"]
        );
        assert_eq!(
            sorted(&g.distance_leads),
            ["a", "about", "around", "environ", "some"]
        );
        assert_eq!(sorted(&g.name_articles), ["the"]);
    }

    #[test]
    fn context_tokens_expand_contractions_and_drop_determiners() {
        let (g, _) = bundled();
        assert_eq!(g.context_tokens("au nord de la"), ["a", "nord", "de"]);
        assert_eq!(g.context_tokens("au nord du"), ["a", "nord", "de"]);
        assert_eq!(g.context_tokens("à l'ouest d'"), ["a", "ouest", "de"]);
        assert_eq!(g.context_tokens("the north of"), ["north", "of"]);
        assert!(g.is_determiner("l") && !g.is_full_determiner("l"));
        assert_eq!(g.context_token("des"), Some("de"));
        assert_eq!(g.context_token("les"), None);
    }

    #[test]
    fn bearings_read_compass_words_of_any_language_and_degrees() {
        let (g, _) = bundled();
        assert_eq!(g.bearing("NE"), Some(45.0));
        assert_eq!(g.bearing("nord-ouest"), Some(315.0));
        assert_eq!(g.bearing("South West"), Some(225.0));
        assert_eq!(g.bearing("SO"), Some(225.0));
        assert_eq!(g.bearing("120"), Some(120.0));
        assert_eq!(g.bearing("400"), None);
        assert_eq!(g.bearing("up"), None);
    }

    #[test]
    fn grammar_errors_carry_path_and_line() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let geo = dir.path().join("lang/fr/geo");
        std::fs::create_dir_all(&geo)?;
        for (file, text) in [
            ("determiners.tsv", "# h\nle\nl\tshort\n"),
            ("compass.tsv", "nord\t0\nnord\tnorth\n"),
            ("distance.tsv", "km\tunit\nvers\tbefore\n"),
            ("contractions.tsv", "du\tde\nau\t\n"),
        ] {
            std::fs::write(geo.join(file), text)?;
        }
        let r = vigie_resources::Resources::with_overrides(dir.path())?;
        let mut errors = Vec::new();
        Grammar::load(&r, &["fr".to_string()], &mut errors);
        errors.sort();
        assert_eq!(
            errors,
            [
                "lang/fr/geo/compass.tsv:2: degrees (0-360) expected in the second column",
                "lang/fr/geo/contractions.tsv:2: one word expected in the second column",
                "lang/fr/geo/determiners.tsv:3: second column must be empty or `elided`",
                "lang/fr/geo/distance.tsv:2: second column must be `unit` or `lead`",
            ]
        );
        Ok(())
    }
}
