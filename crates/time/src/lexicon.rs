//! The per-language word lists under `resources/lang/<lang>/time/`, loaded
//! into one phrase table. A phrase is matched as a sequence of token keys, so
//! "aujourd'hui", "aujourd’hui" and "AUJOURD'HUI" are the same entry.

use std::collections::{HashMap, HashSet};
use vigie_resources::FxBuild;

use crate::expr::{Base, Calendar, Holiday, Modifier, Rel, Unit};
use crate::token::{Tok, stream_of};
use crate::{DataError, Error};

/// Grammar roles of function words (`words.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    Rel(Rel),
    Demo,
    Modifier(Modifier),
    AgoPre,
    AgoPost,
    Before,
    After,
    FuturePre,
    Since,
    RangeFrom(u8),
    RangeTo(u8),
    Night,
    NightTo,
    ToDate,
    RestOf,
    YearPrep,
    MonthPrep,
    Det,
    Of,
    RecentPre,
    SeasonPre,
    QuarterAbbr,
    ListAnd,
    Approx,
    FuturePost,
    UpcomingPre,
    WeekOf,
    Half(u8),
    /// An article that belongs to the mention it precedes ("le 14 juillet").
    Article,
    /// A range word that may join two bare day numbers ("du 4 au 11").
    RangeDays,
    /// Days added to the coming weekday ("jeudi en quinze": 14).
    WeekdayShift(i32),
    /// A preposition that governs a time expression and stays out of its
    /// span ("à la fin du mois", "by the end of June").
    Prep,
    /// An article before a bare day of the month ("le 16.").
    DayDet,
    /// An article before a count that takes a direction word ("les 3
    /// derniers jours"); without one it is no time expression.
    CountPre,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Month {
        month: u8,
        cap: bool,
        abbr: bool,
        dot: bool,
    },
    Weekday {
        weekday: u8,
        cap: bool,
        abbr: bool,
    },
    Number {
        min: u32,
        max: u32,
    },
    Ordinal(u8),
    OrdSuffix,
    Unit {
        unit: Unit,
        plural: bool,
    },
    Part {
        part: u8,
        pre: bool,
    },
    Season(u8),
    RelDay {
        offset: i32,
        base: Base,
        part: Option<u8>,
    },
    Vague {
        base: Base,
        from: i32,
        to: i32,
        grain: crate::Grain,
    },
    Holiday(Holiday),
    Word(Role),
}

/// One lexicon hit: `kind` spans tokens `[i, end)`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Hit {
    pub kind: Kind,
    pub end: usize,
}

#[derive(Debug, Default)]
pub(crate) struct Lexicon {
    /// Every phrase key and every proper prefix of one (space-joined token
    /// keys): one lookup per token tells both what ends here and whether
    /// to read on.
    phrases: HashMap<String, Phrase, FxBuild>,
    max_len: usize,
    pub parts: Vec<String>,
    pub function_words: HashSet<String>,
    /// Ordinal suffixes ("e", "ème", "th"), folded, for "XXe siècle".
    pub ord_suffixes: HashSet<String>,
}

/// What a phrase key says: the kinds of the phrases it ends, and whether it
/// begins a longer one.
#[derive(Debug, Default, Clone)]
struct Phrase {
    kinds: Vec<Kind>,
    prefix: bool,
}

const FILES: &[&str] = &[
    "months.tsv",
    "weekdays.tsv",
    "numbers.tsv",
    "ordinals.tsv",
    "units.tsv",
    "parts_of_day.tsv",
    "seasons.tsv",
    "relative_days.tsv",
    "vague.tsv",
    "words.tsv",
    "holidays.tsv",
];

fn phrase_key(phrase: &str) -> Vec<String> {
    let s = stream_of(phrase);
    s.tokens.iter().map(|t| s.key(t).to_string()).collect()
}

impl Lexicon {
    pub fn load(res: &vigie_resources::Resources, lang: &str) -> Result<Lexicon, Error> {
        let mut lex = Lexicon::default();
        let mut errors: Vec<DataError> = Vec::new();
        for file in FILES {
            let path = format!("lang/{lang}/time/{file}");
            let text = res.require(&path)?;
            for (line, l) in vigie_resources::data_lines(&text) {
                let cols: Vec<&str> = l.split('\t').map(str::trim).collect();
                match lex.parse_row(file, &cols) {
                    Ok(Some((phrase, kind))) => lex.insert(phrase, kind),
                    Ok(None) => {}
                    Err(message) => errors.push(DataError {
                        path: path.clone(),
                        line,
                        message,
                    }),
                }
            }
        }
        let fw_path = format!("lang/{lang}/function_words.tsv");
        if let Some(text) = res.text(&fw_path)? {
            for (_, l) in vigie_resources::data_lines(&text) {
                lex.function_words.insert(vigie_tokens::fold_str(l.trim()));
            }
        }
        if errors.is_empty() {
            Ok(lex)
        } else {
            Err(Error::Data(errors))
        }
    }

    fn part_index(&mut self, name: &str) -> u8 {
        if let Some(i) = self.parts.iter().position(|p| p == name) {
            return i as u8;
        }
        self.parts.push(name.to_string());
        (self.parts.len() - 1) as u8
    }

    fn parse_row<'a>(
        &mut self,
        file: &str,
        cols: &[&'a str],
    ) -> Result<Option<(&'a str, Kind)>, String> {
        let phrase = cols.first().copied().unwrap_or("");
        if phrase.is_empty() {
            return Ok(None);
        }
        let col = |i: usize| cols.get(i).copied().unwrap_or("");
        let flags: Vec<&str> = col(2)
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect();
        let int = |s: &str| {
            s.trim_start_matches('+')
                .parse::<i32>()
                .map_err(|_| format!("{phrase:?}: bad number {s:?}"))
        };
        let kind = match file {
            "months.tsv" => {
                let m = int(col(1))?;
                if !(1..=12).contains(&m) {
                    return Err(format!("{phrase:?}: month {m} out of 1..12"));
                }
                Kind::Month {
                    month: m as u8,
                    cap: flags.contains(&"cap"),
                    abbr: flags.contains(&"abbr"),
                    dot: flags.contains(&"dot"),
                }
            }
            "weekdays.tsv" => {
                let d = int(col(1))?;
                if !(1..=7).contains(&d) {
                    return Err(format!("{phrase:?}: weekday {d} out of 1..7"));
                }
                Kind::Weekday {
                    weekday: d as u8,
                    cap: flags.contains(&"cap"),
                    abbr: flags.contains(&"abbr"),
                }
            }
            "numbers.tsv" => {
                let v = col(1);
                let (a, b) = match v.split_once("..") {
                    Some((a, b)) => (int(a)?, int(b)?),
                    None => (int(v)?, int(v)?),
                };
                if a < 0 || b < a {
                    return Err(format!("{phrase:?}: bad range {v:?}"));
                }
                Kind::Number {
                    min: a as u32,
                    max: b as u32,
                }
            }
            "ordinals.tsv" => {
                if col(1) == "suffix" {
                    self.ord_suffixes.insert(vigie_tokens::fold_str(phrase));
                    Kind::OrdSuffix
                } else {
                    Kind::Ordinal(int(col(1))?.clamp(0, 255) as u8)
                }
            }
            "units.tsv" => Kind::Unit {
                unit: Unit::parse(col(1))
                    .ok_or_else(|| format!("{phrase:?}: unknown unit {:?}", col(1)))?,
                plural: flags.contains(&"plural"),
            },
            "parts_of_day.tsv" => {
                let pre = match col(2) {
                    "pre" => true,
                    "post" => false,
                    o => {
                        return Err(format!(
                            "{phrase:?}: position must be pre or post, not {o:?}"
                        ));
                    }
                };
                Kind::Part {
                    part: self.part_index(col(1)),
                    pre,
                }
            }
            "seasons.tsv" => Kind::Season(match col(1) {
                "spring" => 0,
                "summer" => 1,
                "autumn" => 2,
                "winter" => 3,
                o => return Err(format!("{phrase:?}: unknown season {o:?}")),
            }),
            "relative_days.tsv" => {
                let part = match col(3) {
                    "" => None,
                    p => Some(self.part_index(p)),
                };
                Kind::RelDay {
                    offset: int(col(1))?,
                    base: parse_base(phrase, col(2))?,
                    part,
                }
            }
            "vague.tsv" => {
                let grain = crate::Grain::parse(col(4))
                    .ok_or_else(|| format!("{phrase:?}: unknown grain {:?}", col(4)))?;
                let (from, to) = (int(col(2))?, int(col(3))?);
                if to < from {
                    return Err(format!("{phrase:?}: last offset before first"));
                }
                Kind::Vague {
                    base: parse_base(phrase, col(1))?,
                    from,
                    to,
                    grain,
                }
            }
            "words.tsv" => Kind::Word(parse_role(phrase, col(1), col(2))?),
            "holidays.tsv" => parse_holiday(phrase, cols)?,
            _ => return Ok(None),
        };
        Ok(Some((phrase, kind)))
    }

    fn insert(&mut self, phrase: &str, kind: Kind) {
        let keys = phrase_key(phrase);
        if keys.is_empty() {
            return;
        }
        self.max_len = self.max_len.max(keys.len());
        let mut k = String::new();
        for (i, part) in keys.iter().enumerate() {
            if i > 0 {
                k.push(' ');
            }
            k.push_str(part);
            if i + 1 < keys.len() {
                self.phrases.entry(k.clone()).or_default().prefix = true;
            }
        }
        let v = &mut self.phrases.entry(k).or_default().kinds;
        if !v.contains(&kind) {
            v.push(kind);
        }
    }

    /// All lexicon hits starting at each token, longest first.
    pub fn scan(&self, toks: &[Tok]) -> Vec<Vec<Hit>> {
        let mut out: Vec<Vec<Hit>> = vec![Vec::new(); toks.len()];
        let mut key = String::new();
        for (i, slot) in out.iter_mut().enumerate() {
            key.clear();
            let mut hits: Vec<Hit> = Vec::new();
            for (j, t) in toks.iter().enumerate().skip(i).take(self.max_len) {
                if j > i {
                    key.push(' ');
                }
                key.push_str(t.key);
                let Some(phrase) = self.phrases.get(key.as_str()) else {
                    break;
                };
                for k in &phrase.kinds {
                    hits.push(Hit {
                        kind: *k,
                        end: j + 1,
                    });
                }
                if !phrase.prefix {
                    break;
                }
            }
            hits.reverse();
            *slot = hits;
        }
        out
    }
}

/// `phrase, month, day` (Gregorian) or `phrase, calendar, month, day[, days]`;
/// for `easter` the month column is 0 and the day is an offset from Easter
/// Sunday; a day of 0 with `days` 0 is the whole month (Ramadan).
fn parse_holiday(phrase: &str, cols: &[&str]) -> Result<Kind, String> {
    let col = |i: usize| cols.get(i).copied().unwrap_or("");
    let int = |s: &str| {
        s.trim_start_matches('+')
            .parse::<i32>()
            .map_err(|_| format!("{phrase:?}: bad number {s:?}"))
    };
    let (calendar, rest) = match Calendar::parse(col(1)) {
        Some(c) => (c, 2),
        None if col(1).parse::<i32>().is_ok() => (Calendar::Gregorian, 1),
        None => return Err(format!("{phrase:?}: unknown calendar {:?}", col(1))),
    };
    let (m, d) = (int(col(rest))?, int(col(rest + 1))?);
    // the weekday calendar's third number is the weekday, not a length
    let (len, weekday) = match (calendar, col(rest + 2)) {
        (Calendar::Weekday, w) => (1, int(w)?),
        (_, "") => (1, 0),
        (_, s) => (int(s)?, 0),
    };
    let day_ok = match calendar {
        Calendar::Easter => m == 0 && (-100..=100).contains(&d),
        Calendar::Weekday => {
            (1..=12).contains(&m) && (d == -1 || (1..=5).contains(&d)) && (1..=7).contains(&weekday)
        }
        _ => (1..=12).contains(&m) && (0..=31).contains(&d) && (d > 0 || len == 0),
    };
    if !day_ok || !(0..=31).contains(&len) {
        return Err(format!("{phrase:?}: bad month/day/days {m}/{d}/{len}"));
    }
    Ok(Kind::Holiday(Holiday {
        calendar,
        month: m as u8,
        day: d as i16,
        len: len as u8,
        weekday: weekday as u8,
    }))
}

fn parse_base(phrase: &str, s: &str) -> Result<Base, String> {
    match s {
        "ref" => Ok(Base::Reference),
        "anchor" => Ok(Base::Anchor),
        o => Err(format!("{phrase:?}: base must be ref or anchor, not {o:?}")),
    }
}

fn parse_role(phrase: &str, role: &str, value: &str) -> Result<Role, String> {
    let group = || {
        value
            .parse::<u8>()
            .map_err(|_| format!("{phrase:?}: {role} needs a pair id, got {value:?}"))
    };
    Ok(match role {
        "rel" => Role::Rel(match value {
            "last" => Rel::Last,
            "this" => Rel::This,
            "next" => Rel::Next,
            "previous" => Rel::Previous,
            "following" => Rel::Following,
            o => return Err(format!("{phrase:?}: unknown rel {o:?}")),
        }),
        "demo" => Role::Demo,
        "modifier" => Role::Modifier(match value {
            "start" => Modifier::Start,
            "mid" => Modifier::Mid,
            "end" => Modifier::End,
            o => return Err(format!("{phrase:?}: unknown modifier {o:?}")),
        }),
        "ago_pre" => Role::AgoPre,
        "ago_post" => Role::AgoPost,
        "before" => Role::Before,
        "after" => Role::After,
        "future_pre" => Role::FuturePre,
        "since" => Role::Since,
        "range_from" => Role::RangeFrom(group()?),
        "range_to" => Role::RangeTo(group()?),
        "night" => Role::Night,
        "night_to" => Role::NightTo,
        "to_date" => Role::ToDate,
        "rest_of" => Role::RestOf,
        "year_prep" => Role::YearPrep,
        "month_prep" => Role::MonthPrep,
        "det" => Role::Det,
        "of" => Role::Of,
        "recent_pre" => Role::RecentPre,
        "season_pre" => Role::SeasonPre,
        "quarter_abbr" => Role::QuarterAbbr,
        "list_and" => Role::ListAnd,
        "approx" => Role::Approx,
        "future_post" => Role::FuturePost,
        "upcoming_pre" => Role::UpcomingPre,
        "week_of" => Role::WeekOf,
        "article" => Role::Article,
        "range_days" => Role::RangeDays,
        "day_det" => Role::DayDet,
        "prep" => Role::Prep,
        "count_pre" => Role::CountPre,
        "weekday_shift" => Role::WeekdayShift(
            value
                .parse::<i32>()
                .map_err(|_| format!("{phrase:?}: weekday_shift needs days, got {value:?}"))?,
        ),
        "half" => Role::Half(match value {
            "1" => 1,
            "2" => 2,
            o => return Err(format!("{phrase:?}: half must be 1 or 2, not {o:?}")),
        }),
        o => return Err(format!("{phrase:?}: unknown role {o:?}")),
    })
}
