//! vigie-corpusgen: a deterministic synthetic news corpus for benchmarks and
//! load tests.
//!
//! Articles are assembled from sentence templates (`resources/corpusgen/<lang>.toml`)
//! whose slots are filled from the bundled knowledge: actor aliases,
//! gazetteer names, trigger and weapon nouns, reporting sources, weekday and
//! month names, number words. Each article has a headline, a lead, and
//! paragraphs of event detail, quotes, tolls, background and filler until it
//! reaches a length drawn from a log-normal law (median about 3 KB, always
//! within 1–8 KB), like wire copy.
//!
//! Invariants: the same resources, seed and index give byte-identical
//! articles; article `i` does not depend on how many articles are generated
//! (each has its own PRNG stream); never panics.
//!
//! The text is synthetic: it exercises every stage at realistic rates, it is
//! not a gold standard and must never be used for evaluation.

mod kit;
pub mod rng;

use jiff::ToSpan;
use jiff::civil::{Date, date};
use serde::Serialize;
use vigie_resources::Resources;

use crate::kit::{Kit, capitalized};
use crate::rng::Rng;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Resources(#[from] vigie_resources::Error),
    #[error("{path}: {message}")]
    Templates { path: String, message: String },
    #[error("no corpus templates for language `{lang}` (available: {available})")]
    UnknownLanguage { lang: String, available: String },
}

/// Smallest and largest article text, in bytes (title excluded).
pub const MIN_BYTES: usize = 1024;
pub const MAX_BYTES: usize = 8192;

/// Article lengths are log-normal around this median, in bytes.
const MEDIAN_BYTES: f64 = 3000.0;
const SIGMA: f64 = 0.45;
/// Body targets are clamped to leave room for the last paragraph (at most
/// about 700 bytes) and the headline within [`MAX_BYTES`].
const TARGET_MIN: f64 = 1200.0;
const TARGET_MAX: f64 = 6800.0;

/// Publication dates run over this many days from [`first_day`].
const DAYS: i64 = 450;
fn first_day() -> Date {
    date(2023, 10, 7)
}

/// One generated article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Article {
    pub id: String,
    pub title: String,
    /// Publication date, `YYYY-MM-DD`.
    pub published: String,
    pub lang: String,
    /// Paragraphs separated by a blank line, headline not included.
    pub text: String,
}

impl Article {
    /// `{"id","title","published","lang","text"}` on one line (no newline).
    pub fn to_json_line(&self) -> String {
        // Serializing plain strings cannot fail; keep a readable fallback
        // all the same rather than panic.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The article as a plain-text file: headline, blank line, body, newline.
    pub fn to_plain_text(&self) -> String {
        format!("{}\n\n{}\n", self.title, self.text)
    }

    /// File name for directory output: `<id>.txt`.
    pub fn file_name(&self) -> String {
        format!("{}.txt", self.id)
    }
}

/// Writes articles; load once, generate many.
#[derive(Debug, Clone)]
pub struct Generator {
    kits: Vec<Kit>,
}

impl Generator {
    /// Every language that has templates under `corpusgen/` in `r`.
    pub fn from_resources(r: &Resources) -> Result<Generator, Error> {
        let langs = Self::available(r);
        Self::for_languages(r, &langs)
    }

    /// Only the given languages (in this order; the order matters for the
    /// output, as articles pick their language from this list).
    pub fn for_languages(r: &Resources, langs: &[String]) -> Result<Generator, Error> {
        let available = Self::available(r);
        let mut kits = Vec::new();
        for lang in langs {
            if !available.contains(lang) {
                return Err(Error::UnknownLanguage {
                    lang: lang.clone(),
                    available: available.join(", "),
                });
            }
            kits.push(Kit::load(r, lang)?);
        }
        if kits.is_empty() {
            return Err(Error::UnknownLanguage {
                lang: String::new(),
                available: available.join(", "),
            });
        }
        Ok(Generator { kits })
    }

    /// Languages with templates: the `corpusgen/<lang>.toml` file names.
    pub fn available(r: &Resources) -> Vec<String> {
        r.list("corpusgen/")
            .iter()
            .filter_map(|p| p.strip_prefix("corpusgen/")?.strip_suffix(".toml"))
            .filter(|l| !l.contains('/'))
            .map(str::to_string)
            .collect()
    }

    pub fn languages(&self) -> Vec<&str> {
        self.kits.iter().map(|k| k.lang.as_str()).collect()
    }

    /// Article number `index` of the corpus generated with `seed`.
    pub fn article(&self, seed: u64, index: u64) -> Article {
        let mut rng = Rng::for_item(seed, index);
        let kit = &self.kits[rng.below(self.kits.len())];
        Writer::new(kit, &mut rng).article(index)
    }

    /// Articles `0..n` in order.
    pub fn articles(&self, seed: u64, n: u64) -> impl Iterator<Item = Article> + '_ {
        (0..n).map(move |i| self.article(seed, i))
    }
}

/// Paragraph kinds after the lead, with their weights.
#[derive(Clone, Copy)]
enum Para {
    Event,
    Quote,
    Toll,
    Background,
    Filler,
}
const PARAS: [(Para, u32); 5] = [
    (Para::Event, 25),
    (Para::Quote, 20),
    (Para::Toll, 10),
    (Para::Background, 25),
    (Para::Filler, 20),
];

/// The cast and calendar of one article.
struct Writer<'a> {
    kit: &'a Kit,
    rng: &'a mut Rng,
    actor: String,
    actor_b: String,
    place: String,
    place_b: String,
    country: String,
    published: Date,
    event_day: Date,
    /// Templates used so far (paragraph kind, index).
    used: std::collections::HashSet<(u8, usize)>,
}

impl<'a> Writer<'a> {
    fn new(kit: &'a Kit, rng: &'a mut Rng) -> Writer<'a> {
        let actor = pick(rng, &kit.actors);
        let mut actor_b = pick(rng, &kit.actors);
        for _ in 0..4 {
            if actor_b != actor {
                break;
            }
            actor_b = pick(rng, &kit.actors);
        }
        let place = pick(rng, &kit.places);
        let place_b = pick(rng, &kit.places);
        let country = pick(rng, &kit.countries);
        let day = rng.below(DAYS as usize) as i64;
        let published = first_day()
            .checked_add(day.days())
            .unwrap_or_else(|_| first_day());
        let back = rng.below(3) as i64;
        let event_day = published.checked_sub(back.days()).unwrap_or(published);
        Writer {
            kit,
            rng,
            actor,
            actor_b,
            place,
            place_b,
            country,
            published,
            event_day,
            used: std::collections::HashSet::new(),
        }
    }

    fn article(mut self, index: u64) -> Article {
        let target = (MEDIAN_BYTES * (SIGMA * self.rng.normal()).exp())
            .clamp(TARGET_MIN, TARGET_MAX) as usize;
        let t = &self.kit.templates;
        let headline = pick(self.rng, &t.headline);
        let title = self.fill(&headline);
        let mut paras: Vec<String> = Vec::new();
        let first = pick(self.rng, &t.lead);
        let mut lead = self.fill(&first);
        if self.rng.chance(0.6) {
            let second = pick(self.rng, &t.event);
            lead.push(' ');
            lead.push_str(&self.fill(&second));
        }
        let mut len = lead.len();
        paras.push(lead);
        let weights: Vec<u32> = PARAS.iter().map(|(_, w)| *w).collect();
        while len < target {
            let kind = PARAS[self.rng.weighted(&weights)].0;
            let para = self.paragraph(kind);
            len += para.len() + 2;
            paras.push(para);
        }
        Article {
            id: format!("gen{index:07}-{}", self.kit.lang),
            title,
            published: self.published.to_string(),
            lang: self.kit.lang.clone(),
            text: paras.join("\n\n"),
        }
    }

    fn paragraph(&mut self, kind: Para) -> String {
        let t = &self.kit.templates;
        let (list, sentences) = match kind {
            Para::Event => (&t.event, 1 + self.rng.below(3)),
            Para::Quote => (&t.quote_frame, 1),
            Para::Toll => (&t.toll, 1),
            Para::Background => (&t.background, 1 + self.rng.below(3)),
            Para::Filler => (&t.filler, 1 + self.rng.below(3)),
        };
        let mut out = String::new();
        for _ in 0..sentences {
            // No template twice in an article while others remain.
            let mut i = self.rng.below(list.len());
            for _ in 0..4 {
                if !self.used.contains(&(kind as u8, i)) {
                    break;
                }
                i = self.rng.below(list.len());
            }
            if !self.used.insert((kind as u8, i)) && !out.is_empty() {
                continue;
            }
            if !out.is_empty() {
                out.push(' ');
            }
            let template = list[i].clone();
            out.push_str(&self.fill(&template));
        }
        out
    }

    /// Fills every `{slot}` of a template; an unknown slot stays as written.
    fn fill(&mut self, template: &str) -> String {
        let mut out = String::with_capacity(template.len() + 64);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let Some(close) = after.find('}') else {
                out.push_str(&rest[open..]);
                rest = "";
                break;
            };
            let name = &after[..close];
            match self.slot(name) {
                Some(v) => out.push_str(&v),
                None => out.push_str(&rest[open..open + close + 2]),
            }
            rest = &after[close + 1..];
        }
        out.push_str(rest);
        capitalized(&out)
    }

    fn slot(&mut self, name: &str) -> Option<String> {
        let k = self.kit;
        Some(match name {
            "actor" => self.actor.clone(),
            "actor_b" => self.actor_b.clone(),
            "place" => self.place.clone(),
            "place_b" => self.place_b.clone(),
            "country" => self.country.clone(),
            "triggers" => pick(self.rng, &k.triggers),
            "weapons" => pick(self.rng, &k.weapons),
            "source" => pick(self.rng, &k.sources),
            "person" => pick(self.rng, &k.persons),
            "role" => pick(self.rng, &k.roles),
            "weekday" => {
                let i = self.event_day.weekday().to_monday_zero_offset() as usize;
                k.weekdays.get(i).cloned().unwrap_or_default()
            }
            "daymonth" => {
                let d = self.event_day.day();
                let m = k
                    .months
                    .get(self.event_day.month() as usize - 1)
                    .cloned()
                    .unwrap_or_default();
                if k.lang == "en" {
                    format!("{m} {d}")
                } else {
                    format!("{d} {m}")
                }
            }
            "month" => pick(self.rng, &k.months),
            "year" => self.event_day.year().to_string(),
            "n" => self.rng.range(2, 40).to_string(),
            "nword" => {
                let words: Vec<&String> = k.number_words.values().collect();
                match words.get(self.rng.below(words.len())) {
                    Some(w) => (*w).clone(),
                    None => self.rng.range(2, 12).to_string(),
                }
            }
            "toll" | "toll_b" => grouped(self.rng.range(1_000, 45_000), &k.thousands_sep),
            "open" => k.quote_open.clone(),
            "close" => k.quote_close.clone(),
            "body" => pick(self.rng, &k.templates.quote_body),
            _ => return None,
        })
    }
}

fn pick(rng: &mut Rng, items: &[String]) -> String {
    rng.pick(items).cloned().unwrap_or_default()
}

/// `30631` → `30 631` (or `30,631`).
fn grouped(n: u64, sep: &str) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + 4);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grouped_thousands() {
        assert_eq!(grouped(30631, " "), "30 631");
        assert_eq!(grouped(1000, ","), "1,000");
        assert_eq!(grouped(999, ","), "999");
        assert_eq!(grouped(123456, " "), "123 456");
    }

    #[test]
    fn same_seed_same_article_and_index_independent_of_count() {
        let g = Generator::from_resources(&Resources::embedded()).unwrap();
        let a: Vec<Article> = g.articles(7, 5).collect();
        let b: Vec<Article> = g.articles(7, 20).take(5).collect();
        assert_eq!(a, b);
        assert_ne!(g.article(7, 0), g.article(8, 0));
    }

    #[test]
    fn every_slot_is_filled_and_weekday_agrees_with_dates() {
        let g = Generator::from_resources(&Resources::embedded()).unwrap();
        let mut failures = Vec::new();
        for a in g.articles(3, 200) {
            if a.text.contains('{') || a.title.contains('{') {
                failures.push(format!("{}: unfilled slot", a.id));
            }
            if a.text.len() < MIN_BYTES || a.text.len() + a.title.len() + 3 > MAX_BYTES {
                failures.push(format!("{}: {} bytes", a.id, a.text.len()));
            }
            if a.published.parse::<Date>().is_err() {
                failures.push(format!("{}: published {}", a.id, a.published));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn unknown_language_is_an_error_listing_the_available_ones() {
        let e = Generator::for_languages(&Resources::embedded(), &["xx".to_string()]);
        let msg = e.map(|_| ()).unwrap_err().to_string();
        assert!(msg.contains("xx") && msg.contains("fr"), "{msg}");
    }
}
