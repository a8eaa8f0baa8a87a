//! What one language's articles are made of: the sentence templates
//! (`resources/corpusgen/<lang>.toml`) and the slot fillers drawn from the
//! bundled knowledge (actors, gazetteer, trigger and weapon lexicons, cue
//! lists, month and weekday names). A filler resource that is absent or
//! unreadable is replaced by the template file's `[fallback]` lists, so the
//! generator keeps working while those files change.

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;
use vigie_resources::{Resources, data_lines};

use crate::Error;

#[derive(Debug, Clone, Deserialize)]
struct TemplateFile {
    lang: String,
    thousands_sep: String,
    quote_open: String,
    quote_close: String,
    pools: Pools,
    fallback: Fallback,
    templates: Templates,
}

#[derive(Debug, Clone, Deserialize)]
struct Pools {
    persons: Vec<String>,
    roles: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
struct Fallback {
    actors: Vec<String>,
    places: Vec<String>,
    countries: Vec<String>,
    triggers: Vec<String>,
    weapons: Vec<String>,
    sources: Vec<String>,
}

/// Sentence templates by paragraph kind.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct Templates {
    pub headline: Vec<String>,
    pub lead: Vec<String>,
    pub event: Vec<String>,
    pub toll: Vec<String>,
    pub quote_body: Vec<String>,
    pub quote_frame: Vec<String>,
    pub background: Vec<String>,
    pub filler: Vec<String>,
}

/// Everything needed to write articles in one language.
#[derive(Debug, Clone)]
pub(crate) struct Kit {
    pub lang: String,
    pub thousands_sep: String,
    pub quote_open: String,
    pub quote_close: String,
    pub templates: Templates,
    pub persons: Vec<String>,
    pub roles: Vec<String>,
    pub actors: Vec<String>,
    pub places: Vec<String>,
    pub countries: Vec<String>,
    pub triggers: Vec<String>,
    pub weapons: Vec<String>,
    pub sources: Vec<String>,
    /// Monday first.
    pub weekdays: Vec<String>,
    /// January first.
    pub months: Vec<String>,
    /// Number words for 2..=20, by value.
    pub number_words: BTreeMap<u32, String>,
}

impl Kit {
    pub fn load(r: &Resources, lang: &str) -> Result<Kit, Error> {
        let path = format!("corpusgen/{lang}.toml");
        let text = r.require(&path)?;
        let file: TemplateFile = toml::from_str(&text).map_err(|e| Error::Templates {
            path: path.clone(),
            message: e.to_string(),
        })?;
        if file.lang != lang {
            return Err(Error::Templates {
                path,
                message: format!("`lang = \"{}\"` does not match the file name", file.lang),
            });
        }
        let t = &file.templates;
        for (kind, list) in [
            ("headline", &t.headline),
            ("lead", &t.lead),
            ("event", &t.event),
            ("toll", &t.toll),
            ("quote_body", &t.quote_body),
            ("quote_frame", &t.quote_frame),
            ("background", &t.background),
            ("filler", &t.filler),
            ("pools.persons", &file.pools.persons),
            ("pools.roles", &file.pools.roles),
        ] {
            if list.is_empty() {
                return Err(Error::Templates {
                    path: path.clone(),
                    message: format!("`{kind}` is empty"),
                });
            }
        }
        let fb = file.fallback;
        let or = |v: Vec<String>, fallback: Vec<String>| if v.is_empty() { fallback } else { v };
        let (places, countries) = places(r, lang);
        Ok(Kit {
            lang: file.lang,
            thousands_sep: file.thousands_sep,
            quote_open: file.quote_open,
            quote_close: file.quote_close,
            templates: file.templates,
            persons: file.pools.persons,
            roles: file.pools.roles,
            actors: or(actors(r, lang), fb.actors),
            places: or(places, fb.places),
            countries: or(countries, fb.countries),
            triggers: or(triggers(r, lang), fb.triggers),
            weapons: or(weapons(r, lang), fb.weapons),
            sources: {
                // Cue-list sources are bare names; the fallback ones read
                // naturally after "selon"/"according to": keep both.
                let mut s = cue_list(r, lang, "sources");
                s.extend(fb.sources);
                s
            },
            weekdays: calendar_names(r, lang, "weekdays", 7),
            months: calendar_names(r, lang, "months", 12),
            number_words: number_words(r, lang),
        })
    }
}

/// Actor aliases in this language (`[[actor]]` `<lang>` lists, else the
/// canonical name).
fn actors(r: &Resources, lang: &str) -> Vec<String> {
    let Some(value) = toml_value(r, "actors.toml") else {
        return Vec::new();
    };
    let mut out = BTreeSet::new();
    for actor in value
        .get("actor")
        .and_then(|a| a.as_array())
        .into_iter()
        .flatten()
    {
        let aliases: Vec<&str> = actor
            .get(lang)
            .and_then(|a| a.as_array())
            .into_iter()
            .flatten()
            .filter_map(|v| v.as_str())
            .filter(|s| s.chars().count() >= 3)
            .collect();
        if aliases.is_empty() {
            if let Some(n) = actor.get("name").and_then(|n| n.as_str()) {
                out.insert(n.to_string());
            }
        } else {
            out.extend(aliases.into_iter().map(str::to_string));
        }
    }
    out.into_iter().collect()
}

/// Place names from the curated gazetteer (sites, admin-1 units, regions)
/// in this language, plus the larger GeoNames places of the countries the
/// curated sites cover; and the names of those countries.
fn places(r: &Resources, lang: &str) -> (Vec<String>, Vec<String>) {
    let col = match lang {
        "fr" => 9,
        "ar" => 10,
        _ => 8,
    };
    let mut names = BTreeSet::new();
    let mut focus = BTreeSet::new();
    // The countries of the curated sites are the ones the news is about.
    for_tsv_rows(r, "gazetteer/curated/sites.tsv", |f| {
        if let Some(cc) = f.get(3).filter(|c| !c.is_empty()) {
            focus.insert(cc.to_string());
        }
    });
    for file in [
        "gazetteer/curated/sites.tsv",
        "gazetteer/curated/admin1.tsv",
        "gazetteer/curated/regions.tsv",
    ] {
        for_tsv_rows(r, file, |f| {
            if f.get(3)
                .is_some_and(|cc| cc.is_empty() || focus.contains(*cc))
                && let Some(n) = first_name(f, col)
            {
                names.insert(n);
            }
        });
    }
    let mut countries = BTreeSet::new();
    for_tsv_rows(r, "gazetteer/curated/countries.tsv", |f| {
        if f.get(3).is_some_and(|cc| focus.contains(*cc))
            && let Some(n) = first_name(f, col)
        {
            countries.insert(n);
        }
    });
    for_tsv_rows(r, "gazetteer/geonames.tsv", |f| {
        let big = f
            .get(6)
            .and_then(|p| p.parse::<u64>().ok())
            .is_some_and(|p| p >= 100_000);
        if big
            && f.get(2).is_some_and(|cc| focus.contains(*cc))
            && let Some(n) = f.get(1).filter(|n| !n.is_empty())
        {
            names.insert(n.to_string());
        }
    });
    (names.into_iter().collect(), countries.into_iter().collect())
}

fn first_name(fields: &[&str], col: usize) -> Option<String> {
    fields
        .get(col)
        .and_then(|c| c.split('|').next())
        .or_else(|| fields.get(1).copied())
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_string)
}

/// Calls `f` with the fields of each row of a TSV resource, the header line
/// (the one naming the columns) skipped. An absent file has no rows.
fn for_tsv_rows(r: &Resources, path: &str, mut f: impl FnMut(&[&str])) {
    let Ok(Some(text)) = r.text(path) else {
        return;
    };
    let mut fields = Vec::new();
    for (_, line) in data_lines(&text) {
        fields.clear();
        fields.extend(line.split('\t'));
        if !matches!(fields.first(), Some(&"id" | &"geonameid")) {
            f(&fields);
        }
    }
}

fn toml_value(r: &Resources, path: &str) -> Option<toml::Value> {
    let text = r.text(path).ok()??;
    toml::from_str(&text).ok()
}

/// Trigger nouns in the plural: the phrases of `lang/<lang>/extract/triggers.toml`
/// whose only optional parts are plural endings ("frappe(s) aérienne(s)").
fn triggers(r: &Resources, lang: &str) -> Vec<String> {
    let Some(value) = toml_value(r, &format!("lang/{lang}/extract/triggers.toml")) else {
        return Vec::new();
    };
    let mut out = BTreeSet::new();
    for t in value
        .get("trigger")
        .and_then(|a| a.as_array())
        .into_iter()
        .flatten()
    {
        for p in t
            .get("phrases")
            .and_then(|a| a.as_array())
            .into_iter()
            .flatten()
            .filter_map(|v| v.as_str())
        {
            if let Some(pl) = plural(p) {
                out.insert(pl);
            }
        }
    }
    out.into_iter().collect()
}

/// Weapon nouns in the plural from `lang/<lang>/extract/weapons.tsv`.
fn weapons(r: &Resources, lang: &str) -> Vec<String> {
    let Ok(Some(text)) = r.text(&format!("lang/{lang}/extract/weapons.tsv")) else {
        return Vec::new();
    };
    let mut out = BTreeSet::new();
    for (_, line) in data_lines(&text) {
        if let Some(pl) = line.split('\t').next().and_then(plural) {
            out.insert(pl);
        }
    }
    out.into_iter().collect()
}

/// One list of `lang/<lang>/extract/cues.toml`, patterns expanded.
fn cue_list(r: &Resources, lang: &str, key: &str) -> Vec<String> {
    let Some(value) = toml_value(r, &format!("lang/{lang}/extract/cues.toml")) else {
        return Vec::new();
    };
    value
        .get(key)
        .and_then(|a| a.as_array())
        .into_iter()
        .flatten()
        .filter_map(|v| v.as_str())
        .filter_map(plural)
        .collect()
}

/// The plural reading of a lexicon pattern when its only optional parts are
/// plural endings — `(s)`, `(es)`, `(x)` — else `None` (verb forms such as
/// `frapp(é|ée)` or `intercept(ed|ing)`, open endings `*`).
pub(crate) fn plural(pattern: &str) -> Option<String> {
    if pattern.contains('*') || pattern.contains('|') {
        return None;
    }
    let mut out = String::with_capacity(pattern.len());
    let mut rest = pattern;
    let mut had_plural = false;
    while let Some(open) = rest.find('(') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find(')')?;
        let inner = &after[..close];
        if !matches!(inner, "s" | "es" | "x") {
            return None;
        }
        out.push_str(inner);
        had_plural = true;
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    let out = out.trim().to_string();
    (had_plural && !out.is_empty()).then_some(out)
}

/// Full names of weekdays or months, in calendar order: the first entry of
/// each value that is not flagged as an abbreviation.
fn calendar_names(r: &Resources, lang: &str, what: &str, count: u32) -> Vec<String> {
    let mut by_value: BTreeMap<u32, String> = BTreeMap::new();
    if let Ok(Some(text)) = r.text(&format!("lang/{lang}/time/{what}.tsv")) {
        for (_, line) in data_lines(&text) {
            let f: Vec<&str> = line.split('\t').collect();
            let (Some(name), Some(v)) = (f.first(), f.get(1).and_then(|v| v.trim().parse().ok()))
            else {
                continue;
            };
            if f.get(2).is_some_and(|flags| flags.contains("abbr")) {
                continue;
            }
            by_value.entry(v).or_insert_with(|| name.trim().to_string());
        }
    }
    let capitalize = lang == "en";
    (1..=count)
        .map(|v| {
            let name = by_value.get(&v).cloned().unwrap_or_else(|| v.to_string());
            if capitalize { capitalized(&name) } else { name }
        })
        .collect()
}

fn number_words(r: &Resources, lang: &str) -> BTreeMap<u32, String> {
    let mut out = BTreeMap::new();
    if let Ok(Some(text)) = r.text(&format!("lang/{lang}/extract/numbers.tsv")) {
        for (_, line) in data_lines(&text) {
            let mut f = line.split('\t');
            if let (Some(w), Some(Ok(v))) = (f.next(), f.next().map(|v| v.trim().parse::<u32>()))
                && (2..=20).contains(&v)
            {
                out.entry(v).or_insert_with(|| w.trim().to_string());
            }
        }
    }
    out
}

/// First letter in upper case.
pub(crate) fn capitalized(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plural_reads_only_plural_patterns() {
        let cases = [
            ("frappe(s) aérienne(s)", Some("frappes aériennes")),
            ("drone strike(s)", Some("drone strikes")),
            ("bateau(x) piégé(s)", Some("bateaux piégés")),
            ("clash(es)", Some("clashes")),
            ("frapp(é|ée|és)", None),
            ("intercept(ed|ing|s)", None),
            ("suicide bomb*", None),
            ("obus", None),
            ("F(-)16", None),
            ("broken(s", None),
        ];
        let failures: Vec<String> = cases
            .iter()
            .filter(|(p, want)| plural(p).as_deref() != *want)
            .map(|(p, want)| format!("{p}: got {:?}, want {want:?}", plural(p)))
            .collect();
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn bundled_kits_draw_from_the_resources() {
        let r = Resources::embedded();
        for lang in ["fr", "en"] {
            let k = Kit::load(&r, lang).unwrap();
            assert!(k.places.len() > 100, "{lang}: {} places", k.places.len());
            assert_eq!(k.weekdays.len(), 7);
            assert_eq!(k.months.len(), 12);
            assert!(!k.actors.is_empty() && !k.triggers.is_empty() && !k.weapons.is_empty());
        }
        let fr = Kit::load(&r, "fr").unwrap();
        assert_eq!(fr.weekdays[1], "mardi");
        assert_eq!(fr.months[2], "mars");
        let en = Kit::load(&r, "en").unwrap();
        assert_eq!(en.weekdays[0], "Monday");
    }
}
