//! vigie-time: French and English time expressions in news text, found with
//! byte offsets and resolved to intervals of calendar days.
//!
//! ```
//! use vigie_time::{Date, Prefer, ResolveContext, TimeTagger};
//! let tagger = TimeTagger::bundled().unwrap();
//! let text = "Le groupe a revendiqué mardi une attaque menée la veille.";
//! let found = tagger.find(text, "fr");
//! assert_eq!(&text[found[0].start..found[0].end], "mardi");
//! let ctx = ResolveContext { reference: Some(Date::constant(2024, 1, 10)), anchor: None, prefer: Prefer::Past };
//! assert_eq!(found[0].resolve(&ctx).unwrap().start, Date::constant(2024, 1, 9));
//! assert!(found[1].anaphoric);
//! ```
//!
//! Invariants: `find` never panics on any input, returns non-overlapping
//! mentions in text order, and every offset lies on a character boundary of
//! the text given. Word lists come from `resources/lang/<lang>/time/`; the
//! word order of each language is one module under `grammar/`.

use std::collections::HashMap;

pub use jiff::civil::Date;

mod expr;
mod grammar;
mod holiday;
mod lexicon;
mod resolve;
mod token;

pub use expr::{Base, Calendar, Expr, Modifier, Rel, Unit};

/// A problem in a data file: `path:line: message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    pub path: String,
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for DataError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.path, self.line, self.message)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Resource(#[from] vigie_resources::Error),
    /// Every problem found in the time data files, all at once.
    #[error("time data errors:\n{}", .0.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n"))]
    Data(Vec<DataError>),
}

/// Calendar granularity of a resolved value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Grain {
    Day,
    Week,
    Month,
    Quarter,
    Season,
    Year,
}

impl Grain {
    pub fn parse(s: &str) -> Option<Grain> {
        Some(match s {
            "day" => Grain::Day,
            "week" => Grain::Week,
            "month" => Grain::Month,
            "quarter" => Grain::Quarter,
            "season" => Grain::Season,
            "year" => Grain::Year,
            _ => return None,
        })
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Grain::Day => "day",
            Grain::Week => "week",
            Grain::Month => "month",
            Grain::Quarter => "quarter",
            Grain::Season => "season",
            Grain::Year => "year",
        }
    }
}

/// Which way a date without a year (or a bare weekday) resolves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Prefer {
    /// News default: "mardi" is the last Tuesday on or before the reference.
    #[default]
    Past,
    Future,
}

#[derive(Debug, Clone, Copy, Default)]
pub struct ResolveContext {
    /// The article's date.
    pub reference: Option<Date>,
    /// The date of the event being narrated, for "la veille", "the next day";
    /// falls back to `reference`.
    pub anchor: Option<Date>,
    pub prefer: Prefer,
}

/// An interval of calendar days.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TimeValue {
    /// First day, inclusive.
    pub start: Date,
    /// Last day, inclusive.
    pub end: Date,
    pub grain: Grain,
    /// 1: the day is known; 2: within about a week (up to 14 days);
    /// 3: a month or a longer period.
    pub precision: u8,
    pub modifier: Option<Modifier>,
}

/// One time expression in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeMention {
    /// Byte offsets into the text given to [`TimeTagger::find`].
    pub start: usize,
    pub end: usize,
    /// Needs an anchor (the event being narrated): "la veille", "le
    /// lendemain", "peu avant", "the day before", "two days later".
    pub anaphoric: bool,
    /// Open interval start: "depuis le 7 octobre", "since Oct. 7".
    pub open_since: bool,
    /// "morning", "afternoon", "evening", "night" when the text gives it.
    pub part_of_day: Option<String>,
    /// Id of the grammar rule that fired, e.g. "fr.time.weekday_date".
    pub rule: String,
    /// The structured, unresolved expression.
    pub expr: Expr,
}

impl TimeMention {
    /// The interval of days this mention denotes, or `None` when it needs a
    /// reference (or anchor) that is not given.
    pub fn resolve(&self, ctx: &ResolveContext) -> Option<TimeValue> {
        resolve::resolve(&self.expr, ctx)
    }
}

struct LangData {
    lex: lexicon::Lexicon,
    grammar: &'static dyn grammar::Grammar,
    night: Option<u8>,
}

/// Finds time expressions; load once, share freely (it is `Send + Sync`).
pub struct TimeTagger {
    langs: HashMap<String, LangData>,
}

impl std::fmt::Debug for TimeTagger {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut l: Vec<_> = self.langs.keys().collect();
        l.sort();
        f.debug_struct("TimeTagger").field("languages", &l).finish()
    }
}

impl TimeTagger {
    /// The word lists compiled into the binary.
    pub fn bundled() -> Result<TimeTagger, Error> {
        Self::from_resources(&vigie_resources::Resources::embedded())
    }

    /// Every language that has both `lang/<code>/time/` data and a grammar
    /// module. Reports every data error of every file at once.
    pub fn from_resources(r: &vigie_resources::Resources) -> Result<TimeTagger, Error> {
        let mut langs = HashMap::new();
        let mut errors = Vec::new();
        for code in r.languages() {
            let Some(grammar) = grammar::grammar_for(&code) else {
                continue;
            };
            if r.list(&format!("lang/{code}/time/")).is_empty() {
                continue;
            }
            match lexicon::Lexicon::load(r, &code) {
                Ok(lex) => {
                    let night = lex.parts.iter().position(|p| p == "night").map(|i| i as u8);
                    langs.insert(
                        code,
                        LangData {
                            lex,
                            grammar,
                            night,
                        },
                    );
                }
                Err(Error::Data(mut e)) => errors.append(&mut e),
                Err(e) => return Err(e),
            }
        }
        if errors.is_empty() {
            Ok(TimeTagger { langs })
        } else {
            Err(Error::Data(errors))
        }
    }

    /// The languages this tagger can read.
    pub fn languages(&self) -> Vec<&str> {
        let mut l: Vec<&str> = self.langs.keys().map(String::as_str).collect();
        l.sort_unstable();
        l
    }

    /// Every date expression in `text`, in order, non-overlapping; byte
    /// offsets into `text`. `lang` is "fr" or "en"; other languages return nothing.
    /// Tokenizes `text` on its own; a pipeline that has the text's token
    /// stream calls [`TimeTagger::find_in`].
    pub fn find(&self, text: &str, lang: &str) -> Vec<TimeMention> {
        if !self.langs.contains_key(lang) {
            return Vec::new();
        }
        let stream = token::stream_of(text);
        self.find_in(&stream, &stream.tokens, lang)
    }

    /// Every date expression in `tokens`, a run of the tokens of `stream`
    /// (a whole text, or its first lines); byte offsets into the text the
    /// stream was built from.
    pub fn find_in(
        &self,
        stream: &vigie_core::TokenStream,
        tokens: &[vigie_core::Token],
        lang: &str,
    ) -> Vec<TimeMention> {
        let Some(ld) = self.langs.get(lang) else {
            return Vec::new();
        };
        let toks = token::view(stream, tokens);
        let hits = ld.lex.scan(&toks);
        let cx = grammar::Cx {
            t: &toks,
            h: &hits,
            night: ld.night,
            lex: &ld.lex,
        };
        grammar::scan(ld.grammar, &cx)
            .into_iter()
            .filter_map(|p| {
                let start = toks.get(p.start)?.start;
                let end = toks.get(p.end.checked_sub(1)?)?.end;
                Some(TimeMention {
                    start,
                    end,
                    anaphoric: p.expr.anaphoric(),
                    open_since: p.open_since,
                    part_of_day: p
                        .part
                        .and_then(|i| ld.lex.parts.get(usize::from(i)).cloned()),
                    rule: format!("{lang}.time.{}", p.rule),
                    expr: p.expr,
                })
            })
            .collect()
    }

    /// For undated articles: the publication date implied by the text, from
    /// a weekday and a day-month that agree ("ce dimanche 7 janvier"). The
    /// year is the one nearest the latest explicit year in the text (at or
    /// after the earliest one) in which weekday and date agree; `None` when
    /// the text names no year or nothing agrees. With several such dates, the
    /// latest wins.
    pub fn infer_reference(&self, text: &str, lang: &str) -> Option<Date> {
        let (years, triples) = self.dating_clues(&self.find(text, lang));
        latest_agreeing_date(&years, &triples)
    }

    /// Like [`TimeTagger::infer_reference`], and when the text names no year
    /// that makes its weekday-and-date mentions agree, the most recent year
    /// from `latest` back 12 years in which they do. The text is tagged
    /// once, whatever the number of years tried.
    pub fn infer_reference_or_recent(&self, text: &str, lang: &str, latest: i32) -> Option<Date> {
        let stream = token::stream_of(text);
        self.infer_reference_or_recent_in(&stream, lang, latest)
    }

    /// [`TimeTagger::infer_reference_or_recent`] over a text's token stream.
    pub fn infer_reference_or_recent_in(
        &self,
        stream: &vigie_core::TokenStream,
        lang: &str,
        latest: i32,
    ) -> Option<Date> {
        let (mut years, triples) = self.dating_clues(&self.find_in(stream, &stream.tokens, lang));
        if triples.is_empty() {
            return None;
        }
        if let Some(d) = latest_agreeing_date(&years, &triples) {
            return Some(d);
        }
        for y in (latest - 12..=latest).rev() {
            let Ok(y16) = i16::try_from(y) else {
                continue;
            };
            years.push(y16);
            let found = latest_agreeing_date(&years, &triples);
            years.pop();
            if let Some(d) = found.filter(|d| i32::from(d.year()) == y) {
                return Some(d);
            }
        }
        None
    }

    /// The explicit years of a text, and its (month, day, weekday) mentions.
    fn dating_clues(&self, mentions: &[TimeMention]) -> (Vec<i16>, Vec<(u8, u8, u8)>) {
        let mut years = Vec::new();
        let mut triples = Vec::new();
        for m in mentions {
            m.expr.years(&mut years);
            m.expr.weekday_dates(&mut triples);
        }
        (years, triples)
    }

    /// A cheap guess between the loaded languages: the one whose function
    /// words (`lang/<code>/function_words.tsv`) occur most often in the
    /// text. `None` when no function word occurs.
    pub fn guess_lang(&self, text: &str) -> Option<&str> {
        let stream = token::stream_of(text);
        let toks = token::view(&stream, &stream.tokens);
        let mut best: Option<(&str, usize)> = None;
        let mut codes: Vec<&String> = self.langs.keys().collect();
        codes.sort();
        for code in codes {
            let fw = &self.langs[code].lex.function_words;
            let n = toks.iter().filter(|t| fw.contains(t.key)).count();
            if n > 0 && best.is_none_or(|(_, b)| n > b) {
                best = Some((code, n));
            }
        }
        best.map(|(c, _)| c)
    }
}

/// The latest date among the weekday-and-date mentions, each placed in the
/// year nearest the latest explicit year (from the earliest one up to 11
/// years later) in which its weekday agrees.
fn latest_agreeing_date(years: &[i16], triples: &[(u8, u8, u8)]) -> Option<Date> {
    let (lo, hi) = (
        i32::from(*years.iter().min()?),
        i32::from(*years.iter().max()?),
    );
    let mut best: Option<Date> = None;
    for &(month, day, w) in triples {
        let mut pick: Option<(i32, Date)> = None;
        for y in lo..=(hi + 11) {
            let Ok(d) = Date::new(y as i16, month as i8, day as i8) else {
                continue;
            };
            if resolve::wd(d) != w {
                continue;
            }
            let dist = (y - hi).abs();
            if pick.is_none_or(|(pd, _)| dist < pd) {
                pick = Some((dist, d));
            }
        }
        if let Some((_, d)) = pick
            && best.is_none_or(|b| d > b)
        {
            best = Some(d);
        }
    }
    best
}
