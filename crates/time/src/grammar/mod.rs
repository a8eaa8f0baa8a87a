//! The grammar engine: token-level building blocks shared by all languages,
//! the rules whose shape does not depend on word order (ranges, nights,
//! open intervals, modifiers, offsets), and the scan that picks the longest
//! expression at each position. Word order lives in one module per language.

use crate::expr::{Base, Calendar, Expr, Rel, Unit};
use crate::lexicon::{Hit, Kind, Role};
use crate::token::{Tok, TokKind};

pub(crate) mod en;
pub(crate) mod fr;

/// One expression found: tokens `[start, end)`.
#[derive(Debug, Clone)]
pub(crate) struct Parsed {
    pub start: usize,
    pub end: usize,
    pub expr: Expr,
    pub part: Option<u8>,
    pub open_since: bool,
    pub rule: &'static str,
}

impl Parsed {
    fn new(start: usize, end: usize, expr: Expr, rule: &'static str) -> Parsed {
        Parsed {
            start,
            end,
            expr,
            part: None,
            open_since: false,
            rule,
        }
    }
    /// Day-level: a date, weekday or relative day.
    pub fn is_day(&self) -> bool {
        matches!(
            self.expr,
            Expr::Date { .. }
                | Expr::Weekday { .. }
                | Expr::DayOffset { .. }
                | Expr::DayOfMonth { .. }
                | Expr::NthWeekday { .. }
        )
    }
}

/// The language-specific word order.
pub(crate) trait Grammar: Sync {
    /// Dates, weekdays, months, years, seasons, quarters and calendar
    /// periods at token `i`. `bare` allows a month or year without the
    /// preposition that otherwise must introduce it (after "depuis", "fin", …).
    fn simple(&self, cx: &Cx, i: usize, bare: bool) -> Option<Parsed>;
    /// Month-first numeric dates ("01/28/2024").
    fn month_first(&self) -> bool;
    /// Dates stand before nouns as modifiers ("the March 3 vote"), so an
    /// article before them belongs to the noun.
    fn prenominal_dates(&self) -> bool {
        false
    }
}

pub(crate) fn grammar_for(lang: &str) -> Option<&'static dyn Grammar> {
    match lang {
        "fr" => Some(&fr::French),
        "en" => Some(&en::English),
        _ => None,
    }
}

pub(crate) struct Cx<'a> {
    pub t: &'a [Tok<'a>],
    pub h: &'a [Vec<Hit>],
    /// The lexicon's index of the part of day "night".
    pub night: Option<u8>,
    pub lex: &'a crate::lexicon::Lexicon,
}

impl<'a> Cx<'a> {
    pub fn tok(&self, i: usize) -> Option<&Tok<'a>> {
        self.t.get(i)
    }

    fn hits(&self, i: usize) -> &[Hit] {
        self.h.get(i).map(Vec::as_slice).unwrap_or(&[])
    }

    pub fn punct(&self, i: usize, c: &str) -> bool {
        self.tok(i).is_some_and(|t| t.is_punct(c))
    }

    /// The glued punctuation `c` at `i` (as in "mi-février", "Jan.").
    pub fn glued_punct(&self, i: usize, c: &str) -> bool {
        self.tok(i).is_some_and(|t| t.is_punct(c) && t.glued)
    }

    /// Longest word of `role` at `i`.
    pub fn role(&self, i: usize, pred: impl Fn(Role) -> bool) -> Option<(Role, usize)> {
        self.hits(i).iter().find_map(|h| match h.kind {
            Kind::Word(r) if pred(r) => Some((r, h.end)),
            _ => None,
        })
    }

    pub fn has_role(&self, i: usize, role: Role) -> Option<usize> {
        self.role(i, |r| r == role).map(|(_, e)| e)
    }

    /// Skips up to two determiners or "de/du/of" words.
    pub fn skip_det(&self, mut i: usize) -> usize {
        for _ in 0..2 {
            match self.role(i, |r| matches!(r, Role::Det | Role::Of)) {
                Some((_, e)) => i = e,
                None => break,
            }
        }
        i
    }

    pub fn rel(&self, i: usize) -> Option<(Rel, usize)> {
        self.role(i, |r| matches!(r, Role::Rel(_) | Role::Demo))
            .map(|(r, e)| match r {
                Role::Rel(x) => (x, e),
                _ => (Rel::This, e),
            })
    }

    pub fn month(&self, i: usize) -> Option<(u8, usize)> {
        let t = self.tok(i)?;
        self.hits(i).iter().find_map(|h| match h.kind {
            Kind::Month {
                month,
                cap,
                abbr,
                dot,
            } => {
                if cap && !t.cap && !self.dated_context(i, h.end) {
                    return None;
                }
                let has_dot = self.glued_punct(h.end, ".");
                if dot && !has_dot {
                    return None;
                }
                Some((month, if abbr && has_dot { h.end + 1 } else { h.end }))
            }
            _ => None,
        })
    }

    /// Is a lower-case word that is also a common word ("march", "may")
    /// at `[i, e)` a month? Only between date words: after a day number or
    /// ordinal, "of", or a modifier ("end of march", "the 1st of march",
    /// "late march"), or before a day with its suffix or a year ("march 3rd",
    /// "march 2015").
    fn dated_context(&self, i: usize, e: usize) -> bool {
        let before = i > 0
            && (self.tok(i - 1).is_some_and(|t| t.num().is_some())
                || (i.saturating_sub(4)..i).any(|k| {
                    self.hits(k).iter().any(|h| {
                        h.end == i
                            && matches!(
                                h.kind,
                                Kind::OrdSuffix
                                    | Kind::Ordinal(_)
                                    | Kind::Word(Role::Of | Role::Modifier(_))
                            )
                    })
                }));
        let after = self.tok(e).and_then(|t| t.num()).is_some_and(|(_, d)| {
            d == 4 || self.hits(e + 1).iter().any(|h| h.kind == Kind::OrdSuffix)
        });
        before || after
    }

    /// A month name right after a day number, where an abbreviation needs
    /// no period ("12 déc", "3 fev 2019", "07-Aug-85").
    pub fn month_after_day(&self, i: usize) -> Option<(u8, usize)> {
        self.month(i).or_else(|| {
            let t = self.tok(i)?;
            self.hits(i).iter().find_map(|h| match h.kind {
                Kind::Month { month, cap, .. } if !cap || t.cap => Some((month, h.end)),
                _ => None,
            })
        })
    }

    /// A weekday whose abbreviation may lack its period ("Fri, Jul 18").
    pub fn weekday_loose(&self, i: usize) -> Option<(u8, usize)> {
        let t = self.tok(i)?;
        self.hits(i).iter().find_map(|h| match h.kind {
            Kind::Weekday { weekday, cap, .. } if !cap || t.cap => Some((weekday, h.end)),
            _ => None,
        })
    }

    pub fn weekday(&self, i: usize) -> Option<(u8, usize)> {
        let t = self.tok(i)?;
        self.hits(i).iter().find_map(|h| match h.kind {
            Kind::Weekday { weekday, cap, abbr } => {
                if cap && !t.cap {
                    return None;
                }
                let has_dot = self.glued_punct(h.end, ".");
                if abbr && !has_dot {
                    return None;
                }
                Some((weekday, if abbr { h.end + 1 } else { h.end }))
            }
            _ => None,
        })
    }

    /// A day of the month: "7", "07", "1er", "28th", "premier", "first".
    pub fn day(&self, i: usize) -> Option<(u8, usize)> {
        let t = self.tok(i)?;
        if let Some((v, digits)) = t.num() {
            if digits <= 2 && (1..=31).contains(&v) {
                let suffix = self
                    .hits(i + 1)
                    .iter()
                    .find(|h| h.kind == Kind::OrdSuffix && self.tok(i + 1).is_some_and(|n| n.glued))
                    .map(|h| h.end);
                // "7,5" or "7.5" is not a day
                if suffix.is_none()
                    && (self.glued_punct(i + 1, ",") || self.glued_punct(i + 1, "."))
                    && self
                        .tok(i + 2)
                        .is_some_and(|n| n.glued && n.num().is_some())
                {
                    return None;
                }
                return Some((v as u8, suffix.unwrap_or(i + 1)));
            }
            return None;
        }
        self.hits(i).iter().find_map(|h| match h.kind {
            Kind::Ordinal(v) if (1..=31).contains(&v) => Some((v, h.end)),
            Kind::Number { min, max } if min == max && (2..=31).contains(&min) => {
                Some((min as u8, h.end))
            }
            _ => None,
        })
    }

    /// A four-digit year 1900–2100.
    pub fn year(&self, i: usize) -> Option<(i16, usize)> {
        let (v, digits) = self.tok(i)?.num()?;
        if digits == 4 && (1900..=2100).contains(&v) {
            // "2024-01-28" and "2014/15" are handled elsewhere
            if self
                .tok(i + 1)
                .is_some_and(|n| n.glued && matches!(n.key, "/" | "-"))
                && self
                    .tok(i + 2)
                    .is_some_and(|n| n.glued && n.num().is_some())
            {
                return None;
            }
            // "1990 ans" is a duration
            if self.unit(i + 1).is_some() {
                return None;
            }
            return Some((v as i16, i + 1));
        }
        None
    }

    /// Optional ", 2024" or " 2024" after a day-month.
    pub fn opt_year(&self, i: usize) -> (Option<i16>, usize) {
        if let Some((y, e)) = self.year(i) {
            return (Some(y), e);
        }
        if self.punct(i, ",")
            && let Some((y, e)) = self.year(i + 1)
        {
            return (Some(y), e);
        }
        (None, i)
    }

    /// A two-digit year right after a day and month, before the end of the
    /// clause ("14 April 15.", "le 3 mars 81,"): the date makes it a year.
    pub fn short_year(&self, i: usize) -> Option<(i16, usize)> {
        let (v, digits) = self.tok(i)?.num()?;
        (digits == 2 && self.clause_end(i + 1) && !self.glued_number_after(i + 1))
            .then(|| (two_digit_year(v), i + 1))
    }

    /// A count: digits or a number word, as `min..max`.
    pub fn number(&self, i: usize) -> Option<(u32, u32, usize)> {
        let t = self.tok(i)?;
        if let Some((v, digits)) = t.num() {
            if digits <= 4 {
                return Some((v, v, i + 1));
            }
            return None;
        }
        self.hits(i).iter().find_map(|h| match h.kind {
            Kind::Number { min, max } => Some((min, max, h.end)),
            _ => None,
        })
    }

    pub fn unit(&self, i: usize) -> Option<(Unit, usize)> {
        self.hits(i).iter().find_map(|h| match h.kind {
            Kind::Unit { unit, .. } => Some((unit, h.end)),
            _ => None,
        })
    }

    /// Is the unit word at `i` plural ("semaines", "weeks")?
    pub fn plural_unit(&self, i: usize) -> bool {
        self.hits(i)
            .iter()
            .any(|h| matches!(h.kind, Kind::Unit { plural: true, .. }))
    }

    /// "trois jours", "48 heures", "a few weeks", "quelques jours".
    pub fn duration(&self, i: usize) -> Option<(u32, u32, Unit, usize)> {
        self.duration_rel(i).map(|(a, b, u, e, _)| (a, b, u, e))
    }

    /// A duration, with the direction word French puts inside it ("les trois
    /// derniers jours", "les deux prochaines semaines"); "environ", "about"
    /// before the count are skipped.
    pub fn duration_rel(&self, i: usize) -> Option<(u32, u32, Unit, usize, Option<Rel>)> {
        let i = self.has_role(i, Role::Approx).unwrap_or(i);
        let (min, max, j) = self.number(i)?;
        let (rel, j) = match self.role(j, |r| matches!(r, Role::Rel(Rel::Last | Rel::Next))) {
            Some((Role::Rel(r), e)) => (Some(r), e),
            _ => (None, j),
        };
        let (u, k) = self.unit(j)?;
        Some((min, max, u, k, rel))
    }

    pub fn part(&self, i: usize, pre: bool) -> Option<(u8, usize)> {
        self.hits(i).iter().find_map(|h| match h.kind {
            Kind::Part { part, pre: p } if p == pre => Some((part, h.end)),
            _ => None,
        })
    }

    pub fn season(&self, i: usize) -> Option<(u8, usize)> {
        self.hits(i).iter().find_map(|h| match h.kind {
            Kind::Season(s) => Some((s, h.end)),
            _ => None,
        })
    }

    pub fn ordinal(&self, i: usize) -> Option<(u8, usize)> {
        if let Some((v, digits)) = self.tok(i)?.num() {
            if digits == 1 {
                let suffix = self
                    .hits(i + 1)
                    .iter()
                    .find(|h| h.kind == Kind::OrdSuffix)
                    .map(|h| h.end)?;
                return Some((v as u8, suffix));
            }
            return None;
        }
        self.hits(i).iter().find_map(|h| match h.kind {
            Kind::Ordinal(v) => Some((v, h.end)),
            _ => None,
        })
    }

    /// The start of a mention at `start` with the article before it ("le 14
    /// juillet", "the 1990s"), as TimeML draws spans; never before `floor`.
    fn with_article(&self, start: usize, floor: usize) -> usize {
        (start.saturating_sub(2).max(floor)..start)
            .find(|&k| self.has_role(k, Role::Article) == Some(start))
            .unwrap_or(start)
    }

    /// A digit glued at `i`, or a glued "/", "-", "." or ":" then a digit:
    /// the numbers before are part of something longer ("12/3/4", "2019-07-01").
    pub fn glued_number_after(&self, i: usize) -> bool {
        let glued = |k: usize| self.tok(k).filter(|t| t.glued);
        glued(i).is_some_and(|t| t.num().is_some())
            || (glued(i).is_some_and(|t| matches!(t.key, "/" | "-" | "." | ":"))
                && glued(i + 1).is_some_and(|t| t.num().is_some()))
    }

    /// The end of a clause or text at `i`: nothing, or ",", ".", ";", ":",
    /// ")", "!" or "?" ("du 4 au 11," is a date, "du 3 au 5 %" is not).
    pub fn clause_end(&self, i: usize) -> bool {
        self.tok(i).is_none_or(|t| {
            t.kind == TokKind::Punct && matches!(t.key, "," | "." | ";" | ":" | ")" | "!" | "?")
        })
    }

    /// The start of `p` without a governing preposition that its phrase
    /// took in ("à la fin du mois" is "la fin du mois", "by the end of next
    /// month" is "the end of next month"), for the rules whose words are a
    /// modifier on the date, as TimeML draws spans.
    fn without_preposition(&self, p: &Parsed) -> usize {
        if !matches!(
            p.rule,
            "modifier" | "half" | "period" | "to_date" | "quarter"
        ) {
            return p.start;
        }
        match self.has_role(p.start, Role::Prep) {
            Some(e) if e < p.end && self.tok(e).is_some_and(|t| t.kind == TokKind::Word) => e,
            _ => p.start,
        }
    }

    /// A word that is not a function word of the language (a noun, a verb).
    pub fn content_word(&self, i: usize) -> bool {
        self.tok(i)
            .is_some_and(|t| t.kind == TokKind::Word && !self.lex.function_words.contains(t.key))
    }

    /// A number with a glued ordinal suffix or an ordinal word: "20th", "21e", "fifth".
    pub fn ordinal_number(&self, i: usize) -> Option<(u8, usize)> {
        let t = self.tok(i)?;
        if let Some((v, digits)) = t.num() {
            let s = self.tok(i + 1).filter(|n| n.glued)?;
            if digits > 2 || !self.lex.ord_suffixes.contains(s.key) {
                return None;
            }
            return Some((u8::try_from(v).ok()?, i + 2));
        }
        self.ordinal(i)
    }

    /// A Roman ordinal written as one word with its suffix: "XXe", "xxie".
    pub fn roman_ordinal(&self, i: usize) -> Option<(u8, usize)> {
        let t = self.tok(i)?;
        let cut = t.key.find(|c| !matches!(c, 'i' | 'v' | 'x' | 'l' | 'c'))?;
        let (num, suffix) = t.key.split_at(cut);
        if !self.lex.ord_suffixes.contains(suffix) {
            return None;
        }
        Some((roman(num)?, i + 1))
    }

    /// May an expression start at `i`? Not inside "F-16", "2-1" or "3/4".
    fn start_ok(&self, i: usize) -> bool {
        let Some(t) = self.tok(i) else { return false };
        if !t.glued || i == 0 {
            return true;
        }
        let Some(p) = self.tok(i - 1) else {
            return true;
        };
        match p.kind {
            TokKind::Word | TokKind::Num { .. } => false,
            // "l'été", "d'ici" start after an apostrophe; "F-16", "2-1", "3/4" do not
            TokKind::Punct => {
                p.key == "'" || !(p.glued && matches!(p.key, "-" | "/" | "." | ":" | ","))
            }
        }
    }
}

/// The value of a Roman numeral ("xxi" = 21), up to 399.
fn roman(s: &str) -> Option<u8> {
    let val = |c| match c {
        'i' => 1,
        'v' => 5,
        'x' => 10,
        'l' => 50,
        'c' => 100,
        _ => 0,
    };
    let digits: Vec<u32> = s.chars().map(val).collect();
    if digits.is_empty() || digits.contains(&0) {
        return None;
    }
    let mut total = 0u32;
    for (k, d) in digits.iter().enumerate() {
        if digits.get(k + 1).is_some_and(|n| n > d) {
            total = total.checked_sub(*d)?;
        } else {
            total += d;
        }
    }
    u8::try_from(total).ok().filter(|v| *v > 0)
}

/// A two-digit year by the POSIX `%y` rule: 69–99 are 1969–1999, 00–68 are 2000–2068.
pub(crate) fn two_digit_year(v: u32) -> i16 {
    let v = (v % 100) as i16;
    if v >= 69 { 1900 + v } else { 2000 + v }
}

/// Every expression in the tokens, longest-first and non-overlapping.
pub(crate) fn scan(g: &dyn Grammar, cx: &Cx) -> Vec<Parsed> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < cx.t.len() {
        // every rule starts with a lexicon word or a number
        let can_start = !cx.hits(i).is_empty() || cx.tok(i).is_some_and(|t| t.num().is_some());
        if can_start
            && cx.start_ok(i)
            && let Some(mut p) = best_at(g, cx, i)
            && p.end > i
            && p.start < p.end
        {
            // "the 2021 budget": the article belongs to the noun, not the year
            let bare_year = matches!(p.expr, Expr::Year { .. })
                && cx.tok(p.start).is_some_and(|t| t.num().is_some());
            // "the Sept. 11 attacks": a date before its noun leaves the article to it
            let prenominal = g.prenominal_dates() && cx.content_word(p.end);
            if !bare_year && !prenominal {
                let floor = out.last().map_or(0, |q: &Parsed| q.end);
                p.start = cx.with_article(p.start, floor);
            }
            p.start = cx.without_preposition(&p);
            i = p.end;
            out.push(p);
            continue;
        }
        i += 1;
    }
    out
}

fn best_at(g: &dyn Grammar, cx: &Cx, i: usize) -> Option<Parsed> {
    let cands = [
        range(g, cx, i),
        night(g, cx, i),
        since(g, cx, i),
        part_pre(g, cx, i),
        modified(g, cx, i),
        offset(g, cx, i),
        rel_day(g, cx, i),
        vague(cx, i),
        numeric(g, cx, i),
        week_of(g, cx, i),
        nth_of(g, cx, i),
        bare_day(cx, i),
        half(g, cx, i),
        nth_weekday(g, cx, i),
        weekday_of_week(g, cx, i),
        weekday_shift(cx, i),
        dash_range(g, cx, i),
        open_range(g, cx, i),
        decade(cx, i),
        century(cx, i),
        iso_week(cx, i),
        year_span(cx, i),
        year_complement(cx, i),
        g.simple(cx, i, false).map(|p| night_into(g, cx, p)),
    ];
    let mut best: Option<Parsed> = None;
    for c in cands.into_iter().flatten() {
        if best.as_ref().is_none_or(|b| c.end > b.end) {
            best = Some(c);
        }
    }
    best
}

/// A simple expression, or a bare day number ("1er" in "du 1er au 3 novembre")
/// whose month comes from the other end of a range (month 0 until filled).
fn simple_or_day(g: &dyn Grammar, cx: &Cx, i: usize) -> Option<Parsed> {
    let i = cx.skip_det(i);
    let s = longest([g.simple(cx, i, true), numeric(g, cx, i), modified(g, cx, i)]);
    let d = cx
        .day(i)
        .filter(|_| cx.tok(i).is_some_and(|t| t.num().is_some()) || cx.ordinal(i).is_some());
    match (s, d) {
        // "du samedi 6 au dimanche 7 janvier"
        (
            Some(Parsed {
                expr:
                    Expr::Weekday {
                        weekday,
                        rel: Rel::None,
                    },
                end,
                part,
                ..
            }),
            _,
        ) if cx.tok(end).is_some_and(|t| t.num().is_some()) && cx.day(end).is_some() => {
            let (day, e) = cx.day(end)?;
            let mut p = Parsed::new(
                i,
                e,
                Expr::Date {
                    year: None,
                    month: 0,
                    day,
                    weekday: Some(weekday),
                    rel: Rel::None,
                },
                "day",
            );
            p.part = part;
            Some(p)
        }
        (Some(s), _) => Some(s),
        (None, Some((day, e))) => Some(Parsed::new(
            i,
            e,
            Expr::Date {
                year: None,
                month: 0,
                day,
                weekday: None,
                rel: Rel::None,
            },
            "day",
        )),
        _ => None,
    }
}

fn date_parts(e: &Expr) -> Option<(Option<i16>, u8)> {
    match e {
        Expr::Date { year, month, .. } => Some((*year, *month)),
        _ => None,
    }
}

/// Fills a bare day's month (and year) from the other end of a range.
fn fill(e: Expr, other: &Expr) -> Option<Expr> {
    match e {
        Expr::Date {
            year,
            month: 0,
            day,
            weekday,
            rel,
        } => {
            let (oy, om) = date_parts(other)?;
            if om == 0 {
                return None;
            }
            // "les 3 et 17 mai prochains": the direction word covers both ends
            let rel = match (rel, other) {
                (
                    Rel::None,
                    Expr::Date {
                        rel: r @ (Rel::Last | Rel::Next),
                        ..
                    },
                ) => *r,
                _ => rel,
            };
            Some(Expr::Date {
                year: year.or(oy),
                month: om,
                day,
                weekday,
                rel,
            })
        }
        Expr::Date {
            year: None,
            month,
            day,
            weekday,
            rel,
        } => {
            let oy = date_parts(other).and_then(|(y, _)| y);
            Some(Expr::Date {
                year: oy,
                month,
                day,
                weekday,
                rel,
            })
        }
        // "d'octobre à décembre 2023"
        Expr::Month {
            month,
            year: None,
            rel,
        } => {
            let year = match other {
                Expr::Month { year, .. } | Expr::Date { year, .. } => *year,
                _ => None,
            };
            Some(Expr::Month { month, year, rel })
        }
        other => Some(other),
    }
}

/// "du 1er au 3 novembre", "entre le 1er et le 3", "from Jan. 20 to Jan. 25",
/// "between January 20 and 25", "de lundi à mercredi", "de 2014 à 2016".
fn range(g: &dyn Grammar, cx: &Cx, i: usize) -> Option<Parsed> {
    let (role, j) = cx.role(i, |r| matches!(r, Role::RangeFrom(_)))?;
    let Role::RangeFrom(group) = role else {
        return None;
    };
    let x = simple_or_day(g, cx, j)?;
    let k = cx.has_role(x.end, Role::RangeTo(group))?;
    let y = simple_or_day(g, cx, k)?;
    // "de 2019 a été": a bare season word after "a" (folded like "à") is a verb
    if matches!(y.expr, Expr::Season { year: None, .. }) && y.end == k + 1 {
        return None;
    }
    day_range(cx, i, &x, &y).or_else(|| build_range(x, y, i, "range"))
}

/// "du 4 au 11": two bare days of a month left to resolution, after a range
/// word that allows it and before punctuation, so "du 3 au 5 %" is no date.
fn day_range(cx: &Cx, i: usize, x: &Parsed, y: &Parsed) -> Option<Parsed> {
    let day = |p: &Parsed| match p.expr {
        Expr::Date {
            month: 0,
            day,
            weekday,
            ..
        } if cx.tok(p.start).is_some_and(|t| t.num().is_some()) || weekday.is_some() => {
            Some(Expr::DayOfMonth { day, weekday })
        }
        _ => None,
    };
    let (from, to) = (day(x)?, day(y)?);
    cx.has_role(i, Role::RangeDays)?;
    if !cx.clause_end(y.end) {
        return None;
    }
    let expr = Expr::Range {
        from: Box::new(from),
        to: Box::new(to),
    };
    Some(Parsed::new(i, y.end, expr, "day_range"))
}

fn build_range(x: Parsed, y: Parsed, start: usize, rule: &'static str) -> Option<Parsed> {
    let to = fill(y.expr.clone(), &x.expr)?;
    let from = fill(x.expr.clone(), &to)?;
    let bare = |e: &Expr| matches!(e, Expr::Date { month: 0, .. });
    if bare(&from) || bare(&to) {
        return None;
    }
    let mut p = Parsed::new(
        start,
        y.end,
        Expr::Range {
            from: Box::new(from),
            to: Box::new(to),
        },
        rule,
    );
    p.part = y.part.or(x.part);
    Some(p)
}

/// "dans la nuit de samedi à dimanche", "dans la nuit du 6 au 7 janvier",
/// "overnight Saturday into Sunday", "dans la nuit de mardi".
fn night(g: &dyn Grammar, cx: &Cx, i: usize) -> Option<Parsed> {
    let j = cx.has_role(i, Role::Night)?;
    let x = simple_or_day(g, cx, j)?;
    let night_part = cx.night;
    if let Some(k) = cx.has_role(x.end, Role::NightTo)
        && let Some(y) = simple_or_day(g, cx, k)
        && (y.is_day() || matches!(y.expr, Expr::Date { .. }))
    {
        let to = fill(y.expr.clone(), &x.expr)?;
        let from = fill(x.expr, &to)?;
        let mut p = Parsed::new(
            i,
            y.end,
            Expr::Night {
                from: Box::new(from),
                to: Box::new(to),
            },
            "night",
        );
        p.part = night_part;
        return Some(p);
    }
    if let Expr::Range { from, to } = x.expr {
        let mut p = Parsed::new(i, x.end, Expr::Night { from, to }, "night");
        p.part = night_part;
        return Some(p);
    }
    if !x.is_day() {
        return None;
    }
    let mut p = Parsed::new(i, x.end, x.expr, "night");
    p.part = night_part;
    Some(p)
}

/// "Saturday night into Sunday".
fn night_into(g: &dyn Grammar, cx: &Cx, p: Parsed) -> Parsed {
    if p.is_day()
        && p.part.is_some()
        && p.part == cx.night
        && let Some(k) = cx.has_role(p.end, Role::NightTo)
        && let Some(y) = g.simple(cx, cx.skip_det(k), true).filter(Parsed::is_day)
    {
        return Parsed {
            end: y.end,
            expr: Expr::Night {
                from: Box::new(p.expr.clone()),
                to: Box::new(y.expr),
            },
            rule: "night",
            ..p
        };
    }
    p
}

/// "depuis le 7 octobre 2023", "à partir du 23 septembre", "since Oct. 7",
/// "depuis trois jours", "depuis début janvier".
fn since(g: &dyn Grammar, cx: &Cx, i: usize) -> Option<Parsed> {
    let j = cx.has_role(i, Role::Since)?;
    let j2 = cx.skip_det(j);
    if let Some((min, max, unit, e)) = cx.duration(j2)
        && unit != Unit::Minute
    {
        let from = Expr::Offset {
            base: Base::Reference,
            sign: -1,
            min: max.max(min),
            max: max.max(min),
            unit,
        };
        let mut p = Parsed::new(
            j,
            e,
            Expr::Since {
                from: Box::new(from),
            },
            "since_duration",
        );
        p.open_since = true;
        return Some(p);
    }
    let x = [
        modified(g, cx, j2),
        rel_day(g, cx, j2),
        g.simple(cx, j2, true),
        numeric(g, cx, j2),
    ]
    .into_iter()
    .flatten()
    .max_by_key(|p| p.end)?;
    if matches!(x.expr, Expr::Since { .. }) {
        return None;
    }
    // "from July 13-15": a closed range, not an open start
    if matches!(x.expr, Expr::Range { .. }) {
        return Some(Parsed { start: j, ..x });
    }
    // TimeML: the preposition is not part of the mention; it stays as `open_since`
    let mut p = Parsed::new(
        j,
        x.end,
        Expr::Since {
            from: Box::new(x.expr),
        },
        "since",
    );
    p.part = x.part;
    p.open_since = true;
    Some(p)
}

/// "dans la soirée de samedi", "tôt dimanche", "late Sunday", "on the morning of Jan. 5".
fn part_pre(g: &dyn Grammar, cx: &Cx, i: usize) -> Option<Parsed> {
    let (part, j) = cx.part(i, true)?;
    let j = cx.skip_det(j);
    let x = [g.simple(cx, j, false), rel_day(g, cx, j), numeric(g, cx, j)]
        .into_iter()
        .flatten()
        .filter(Parsed::is_day)
        .max_by_key(|p| p.end)?;
    Some(Parsed {
        start: i,
        part: x.part.or(Some(part)),
        rule: "part_of_day",
        ..x
    })
}

/// "fin janvier", "à la mi-février", "début 2024", "late last month",
/// "in early February", "en fin de semaine", "at the end of the year".
fn modified(g: &dyn Grammar, cx: &Cx, i: usize) -> Option<Parsed> {
    let (role, j) = cx.role(i, |r| matches!(r, Role::Modifier(_)))?;
    let Role::Modifier(m) = role else { return None };
    let j = if cx.glued_punct(j, "-") { j + 1 } else { j };
    let j = cx.skip_det(j);
    let inner = match longest([century(cx, j), decade(cx, j), g.simple(cx, j, true)]) {
        Some(x) if !x.is_day() => (x.expr, x.end),
        Some(_) => return None,
        None => {
            // a bare unit: "en fin de semaine", "at the end of the year"
            let (u, e) = cx.unit(j)?;
            if !matches!(u, Unit::Week | Unit::Month | Unit::Quarter | Unit::Year) {
                return None;
            }
            (
                Expr::Period {
                    base: Base::Reference,
                    unit: u,
                    offset: 0,
                },
                e,
            )
        }
    };
    Some(Parsed::new(
        i,
        inner.1,
        Expr::Modified {
            modifier: m,
            inner: Box::new(inner.0),
        },
        "modifier",
    ))
}

/// "il y a trois jours", "three weeks ago", "deux jours plus tard",
/// "quelques jours auparavant", "dans trois jours", "trois jours après le 7
/// octobre", "au cours des trois derniers jours", "over the past two weeks".
fn offset(g: &dyn Grammar, cx: &Cx, i: usize) -> Option<Parsed> {
    if let Some((min, max, unit, e)) = cx.has_role(i, Role::AgoPre).and_then(|j| cx.duration(j)) {
        let x = Expr::Offset {
            base: Base::Reference,
            sign: -1,
            min,
            max,
            unit,
        };
        return Some(Parsed::new(i, e, x, "ago"));
    }
    if let Some((min, max, unit, e)) = cx.has_role(i, Role::FuturePre).and_then(|j| cx.duration(j))
    {
        if unit == Unit::Minute || unit == Unit::Weekend {
            return None;
        }
        let x = Expr::Offset {
            base: Base::Reference,
            sign: 1,
            min,
            max,
            unit,
        };
        return Some(Parsed::new(i, e, x, "in_future"));
    }
    // "in the past month", "over the next week": one unit
    let one = |j: usize| match cx.duration_rel(j) {
        Some(d) => Some(d),
        None => cx
            .unit(j)
            // only after a phrase ("in the past month"): "last month" is a calendar month
            .filter(|(u, _)| {
                j > i + 1
                    && !cx.plural_unit(j)
                    && matches!(u, Unit::Week | Unit::Month | Unit::Year)
            })
            .map(|(u, e)| (1, 1, u, e, None)),
    };
    // "les 3 derniers jours", "les 2 prochaines semaines"
    let counted = cx
        .has_role(i, Role::CountPre)
        .and_then(|j| cx.duration_rel(j))
        .filter(|d| d.4.is_some());
    let recent = cx.has_role(i, Role::RecentPre).and_then(one).or(counted);
    let upcoming = cx.has_role(i, Role::UpcomingPre).and_then(one);
    if let Some((min, max, unit, e, rel)) = recent.or(upcoming) {
        let sign = match rel {
            Some(Rel::Next) => 1,
            Some(_) => -1,
            None if recent.is_some() => -1,
            None => 1,
        };
        return Some(Parsed::new(
            i,
            e,
            Expr::Recent {
                sign,
                min,
                max,
                unit,
            },
            "recent",
        ));
    }
    let (min, max, unit, j) = cx.duration(i)?;
    if unit == Unit::Weekend {
        return None;
    }
    if let Some(e) = cx.has_role(j, Role::FuturePost) {
        let x = Expr::Offset {
            base: Base::Reference,
            sign: 1,
            min,
            max,
            unit,
        };
        return Some(Parsed::new(i, e, x, "in_future"));
    }
    if let Some(e) = cx.has_role(j, Role::AgoPost) {
        let x = Expr::Offset {
            base: Base::Reference,
            sign: -1,
            min,
            max,
            unit,
        };
        return Some(Parsed::new(i, e, x, "ago"));
    }
    let (role, e) = cx.role(j, |r| matches!(r, Role::Before | Role::After))?;
    let sign: i8 = if role == Role::Before { -1 } else { 1 };
    // "trois jours après le 7 octobre": counted from that date
    if min == max && matches!(unit, Unit::Day | Unit::Week) {
        let k = cx.skip_det(e);
        if let Some(x) = [g.simple(cx, k, false), numeric(g, cx, k)]
            .into_iter()
            .flatten()
            .find(Parsed::is_day)
        {
            let days =
                i32::try_from(min).ok()? * if unit == Unit::Week { 7 } else { 1 } * i32::from(sign);
            if !x.expr.anaphoric() {
                return Some(Parsed::new(
                    i,
                    x.end,
                    Expr::Shift {
                        inner: Box::new(x.expr),
                        days,
                    },
                    "offset_from_date",
                ));
            }
        }
    }
    let x = Expr::Offset {
        base: Base::Anchor,
        sign,
        min,
        max,
        unit,
    };
    Some(Parsed::new(i, e, x, "offset_anaphoric"))
}

/// "hier soir", "la veille", "le lendemain", "au lendemain du 7 octobre",
/// "the day before", "yesterday morning".
fn rel_day(g: &dyn Grammar, cx: &Cx, i: usize) -> Option<Parsed> {
    let (offset, base, part, e) = cx.hits(i).iter().find_map(|h| match h.kind {
        Kind::RelDay { offset, base, part } => Some((offset, base, part, h.end)),
        _ => None,
    })?;
    // a complement that is a date: "au lendemain du 7 octobre", "la veille du 6 janvier"
    if base == Base::Anchor {
        let ends_with_of = e > i
            && cx
                .role(e - 1, |r| r == Role::Of)
                .is_some_and(|(_, x)| x == e);
        // "the day after Jan. 7": the phrase ends with a preposition
        let ends_with_prep = e > i
            && cx
                .role(e - 1, |r| matches!(r, Role::Before | Role::After))
                .is_some_and(|(_, x)| x == e);
        let k = if ends_with_of || ends_with_prep {
            Some(e)
        } else {
            cx.role(e, |r| r == Role::Of).map(|(_, x)| x)
        };
        if let Some(k) = k {
            let k = cx.skip_det(k);
            if let Some(x) = [g.simple(cx, k, false), numeric(g, cx, k)]
                .into_iter()
                .flatten()
                .find(Parsed::is_day)
                && !x.expr.anaphoric()
            {
                let mut p = Parsed::new(
                    i,
                    x.end,
                    Expr::Shift {
                        inner: Box::new(x.expr),
                        days: offset,
                    },
                    "day_after_date",
                );
                p.part = part.or(x.part);
                return Some(p);
            }
        }
        if ends_with_of {
            // "au lendemain de l'attaque": the span stops before "de"
            let mut p = Parsed::new(
                i,
                e - 1,
                Expr::DayOffset { base, days: offset },
                "relative_day",
            );
            p.part = part;
            return Some(p);
        }
    }
    let mut p = Parsed::new(i, e, Expr::DayOffset { base, days: offset }, "relative_day");
    p.part = part;
    if let Some((pp, e2)) = cx.part(e, false) {
        p.part = Some(pp);
        p.end = e2;
    }
    Some(p)
}

/// "récemment", "ces derniers jours", "in recent weeks".
fn vague(cx: &Cx, i: usize) -> Option<Parsed> {
    cx.hits(i).iter().find_map(|h| match h.kind {
        Kind::Vague {
            base,
            from,
            to,
            grain,
        } => Some(Parsed::new(
            i,
            h.end,
            Expr::Vague {
                base,
                from,
                to,
                grain,
            },
            "vague",
        )),
        _ => None,
    })
}

/// "07/01/2024", "7.1.2024", "2024-01-28"; day first unless the grammar says
/// month first (a first number above 12 is always a day).
pub(crate) fn numeric(g: &dyn Grammar, cx: &Cx, i: usize) -> Option<Parsed> {
    let a = cx.tok(i)?.num()?;
    let sep = cx.tok(i + 1)?;
    if !sep.glued || !matches!(sep.key, "/" | "." | "-") {
        return None;
    }
    let b = cx.tok(i + 2).filter(|t| t.glued)?.num()?;
    if !cx.tok(i + 3).is_some_and(|t| t.glued && t.key == sep.key) {
        return month_year(cx, i, a, sep.key, b).or_else(|| day_month_numeric(g, cx, i, a, b));
    }
    let c = cx.tok(i + 4).filter(|t| t.glued)?.num()?;
    // a fourth group ("01.23.45.67") is a phone number, not a date
    if cx
        .tok(i + 5)
        .is_some_and(|t| t.glued && matches!(t.key, "/" | "." | "-"))
        && cx.tok(i + 6).is_some_and(|t| t.glued && t.num().is_some())
    {
        return None;
    }
    let (y, m, d) = if a.1 == 4 {
        (a.0, b.0, c.0)
    } else {
        if sep.key == "-" {
            return None;
        }
        let y = match c.1 {
            4 => c.0,
            2 => two_digit_year(c.0) as u32,
            _ => return None,
        };
        if a.1 > 2 || b.1 > 2 {
            return None;
        }
        if g.month_first() && a.0 <= 12 {
            (y, a.0, b.0)
        } else {
            (y, b.0, a.0)
        }
    };
    if !(1900..=2100).contains(&y) || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let expr = Expr::Date {
        year: Some(y as i16),
        month: m as u8,
        day: d as u8,
        weekday: None,
        rel: Rel::None,
    };
    Some(Parsed::new(i, i + 5, expr, "numeric_date"))
}

/// "le 15/02", "on 2/15": day and month without a year, only after an
/// article or preposition ("3/4 des habitants" is a fraction) and with "/".
fn day_month_numeric(
    g: &dyn Grammar,
    cx: &Cx,
    i: usize,
    a: (u32, u8),
    b: (u32, u8),
) -> Option<Parsed> {
    if !cx.punct(i + 1, "/") || a.1 > 2 || b.1 > 2 {
        return None;
    }
    let (m, d) = if g.month_first() && a.0 <= 12 {
        (a.0, b.0)
    } else {
        (b.0, a.0)
    };
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let after_prep = i > 0
        && (i.saturating_sub(3)..i).any(|k| {
            cx.role(k, |r| {
                matches!(
                    r,
                    Role::Det | Role::Since | Role::RangeFrom(_) | Role::RangeTo(_)
                )
            })
            .is_some_and(|(_, e)| e == i)
        });
    // a further "/5", ".5" or digit glued after is something else
    let next_glued = cx.glued_number_after(i + 3);
    // "3/4" is a fraction, "23/4" a date (its day cannot be a month); two
    // one-digit numbers only after an article and before no noun ("le 5/6",
    // not "les 3/4 des habitants")
    let unambiguous = d > 12;
    let two_digits = a.1 == 2 || b.1 == 2;
    let no_noun = cx.tok(i + 3).is_none_or(|t| t.kind != TokKind::Word);
    let ok = unambiguous || (after_prep && (two_digits || no_noun));
    if next_glued || !ok {
        return None;
    }
    let expr = Expr::Date {
        year: None,
        month: m as u8,
        day: d as u8,
        weekday: None,
        rel: Rel::None,
    };
    Some(Parsed::new(i, i + 3, expr, "numeric_date"))
}

/// "2019-07", "7/2019", "07.2019": a month of a year, with the year written
/// in full (so "3/12" stays a day and a month).
fn month_year(cx: &Cx, i: usize, a: (u32, u8), sep: &str, b: (u32, u8)) -> Option<Parsed> {
    let (y, m) = match (a.1, b.1) {
        (4, 2) if sep == "-" => (a.0, b.0),
        (4, 1 | 2) if sep == "/" => (a.0, b.0),
        (1 | 2, 4) if sep != "-" => (b.0, a.0),
        _ => return None,
    };
    if cx.glued_number_after(i + 3) || !(1900..=2100).contains(&y) || !(1..=12).contains(&m) {
        return None;
    }
    let expr = Expr::Month {
        month: m as u8,
        year: Some(y as i16),
        rel: Rel::None,
    };
    Some(Parsed::new(i, i + 3, expr, "numeric_month"))
}

/// "la première semaine de mars", "the last week of June", "le dernier jour
/// de mars", "the fifth day of June", "le deuxième week-end de juin", "the
/// last weekend of August": the `n`th or last day, week or weekend of a
/// month, year or other named period.
pub(crate) fn nth_of(g: &dyn Grammar, cx: &Cx, i: usize) -> Option<Parsed> {
    let j = cx.skip_det(i);
    let (n, k) = match cx.ordinal_number(j) {
        Some((n, k)) if (1..=31).contains(&n) => (n as i8, k),
        _ => match cx.rel(j) {
            Some((Rel::Last, k)) => (-1, k),
            _ => return day_of_period(g, cx, j),
        },
    };
    let Some((unit, e)) = cx.unit(k) else {
        return day_of_period(g, cx, j);
    };
    let max = match unit {
        Unit::Day => 31,
        Unit::Week | Unit::Weekend => 5,
        _ => return None,
    };
    if n > max || cx.plural_unit(k) {
        return None;
    }
    let k = cx.role(e, |r| matches!(r, Role::Of | Role::MonthPrep))?.1;
    let m = g.simple(cx, cx.skip_det(k), true)?;
    let named = match &m.expr {
        Expr::Month { .. } | Expr::Year { .. } | Expr::Season { .. } | Expr::Quarter { .. } => true,
        Expr::Period { unit, .. } => matches!(unit, Unit::Month | Unit::Quarter | Unit::Year),
        _ => false,
    };
    if !named {
        return None;
    }
    let expr = Expr::NthOf {
        n,
        unit,
        inner: Box::new(m.expr),
    };
    Some(Parsed::new(j, m.end, expr, "nth_of"))
}

/// "le 16.", "le 1er,": a day of the month after its article, before the
/// end of the clause; the month is left to resolution.
fn bare_day(cx: &Cx, i: usize) -> Option<Parsed> {
    let j = cx.has_role(i, Role::DayDet)?;
    cx.tok(j)?.num()?;
    let (day, e) = cx.day(j)?;
    if !cx.clause_end(e) || cx.glued_number_after(e) {
        return None;
    }
    let expr = Expr::DayOfMonth { day, weekday: None };
    Some(Parsed::new(j, e, expr, "day_of_month"))
}

/// "le 15 du mois prochain", "the 20th of next month", "20 of this month":
/// a day of a month named by a direction word (a named month is a plain date).
fn day_of_period(g: &dyn Grammar, cx: &Cx, j: usize) -> Option<Parsed> {
    let (d, k) = cx.day(j)?;
    let k = cx.role(k, |r| r == Role::Of)?.1;
    let m = g.simple(cx, k, true)?;
    if !matches!(
        m.expr,
        Expr::Period {
            unit: Unit::Month,
            ..
        }
    ) {
        return None;
    }
    let expr = Expr::NthOf {
        n: d as i8,
        unit: Unit::Day,
        inner: Box::new(m.expr),
    };
    Some(Parsed::new(j, m.end, expr, "day_of_period"))
}

/// "jeudi de la semaine dernière", "Friday of last week", "saturday of this
/// week": that weekday within the week named.
pub(crate) fn weekday_of_week(g: &dyn Grammar, cx: &Cx, i: usize) -> Option<Parsed> {
    let j = cx.has_role(i, Role::Det).unwrap_or(i);
    let (w, k) = cx.weekday(j)?;
    // "Tuesday last week", "tuesday this week" need no "of"
    let k = cx.role(k, |r| r == Role::Of).map_or(k, |(_, x)| x);
    let p = g.simple(cx, k, true)?;
    if !matches!(
        p.expr,
        Expr::Period {
            unit: Unit::Week,
            ..
        }
    ) {
        return None;
    }
    let expr = Expr::NthWeekday {
        n: 1,
        weekday: w,
        month: Box::new(p.expr),
    };
    Some(Parsed::new(i, p.end, expr, "weekday_of_week"))
}

/// "jeudi en quinze", "lundi en huit": the coming weekday, a week or two on.
pub(crate) fn weekday_shift(cx: &Cx, i: usize) -> Option<Parsed> {
    let (w, k) = cx.weekday(i)?;
    let (role, e) = cx.role(k, |r| matches!(r, Role::WeekdayShift(_)))?;
    let Role::WeekdayShift(days) = role else {
        return None;
    };
    let expr = Expr::Shift {
        inner: Box::new(Expr::Weekday {
            weekday: w,
            rel: Rel::Next,
        }),
        days,
    };
    Some(Parsed::new(i, e, expr, "weekday_shift"))
}

/// "le XXe siècle", "the 20th century": the hundred years 1900–1999.
pub(crate) fn century(cx: &Cx, i: usize) -> Option<Parsed> {
    let j = cx.skip_det(i);
    let (c, k) = cx.roman_ordinal(j).or_else(|| cx.ordinal_number(j))?;
    let (u, e) = cx.unit(k)?;
    if u != Unit::Century || cx.plural_unit(k) || !(1..=30).contains(&c) {
        return None;
    }
    let first = (i16::from(c) - 1) * 100;
    let expr = Expr::Range {
        from: Box::new(Expr::Year { year: first }),
        to: Box::new(Expr::Year { year: first + 99 }),
    };
    Some(Parsed::new(j, e, expr, "century"))
}

/// "semaine 37", "week 37 of 2024": an ISO week by number. Not "week 3 of
/// the trial", which counts from an event.
pub(crate) fn iso_week(cx: &Cx, i: usize) -> Option<Parsed> {
    let j = cx.skip_det(i);
    let (u, k) = cx.unit(j)?;
    let (v, digits) = cx.tok(k)?.num()?;
    if u != Unit::Week || cx.plural_unit(j) || digits > 2 || !(1..=53).contains(&v) {
        return None;
    }
    let of = cx.role(k + 1, |r| r == Role::Of).map(|(_, x)| x);
    let (year, e) = match cx.year(of.unwrap_or(k + 1)) {
        Some((y, x)) => (Some(y), x),
        None if of.is_some() || cx.unit(k + 1).is_some() => return None,
        None => (None, k + 1),
    };
    let expr = Expr::IsoWeek {
        week: v as u8,
        year,
    };
    Some(Parsed::new(j, e, expr, "iso_week"))
}

/// "2011-2013", "1975-83": a span of years joined by a dash.
pub(crate) fn year_span(cx: &Cx, i: usize) -> Option<Parsed> {
    let (a, da) = cx.tok(i)?.num()?;
    if da != 4 || !(1900..=2100).contains(&a) || !cx.glued_punct(i + 1, "-") {
        return None;
    }
    let (b, db) = cx.tok(i + 2).filter(|t| t.glued)?.num()?;
    let b = match db {
        4 => b,
        2 => a / 100 * 100 + b,
        _ => return None,
    };
    if b <= a || b - a > 100 || cx.glued_number_after(i + 3) || cx.unit(i + 3).is_some() {
        return None;
    }
    let expr = Expr::Range {
        from: Box::new(Expr::Year { year: a as i16 }),
        to: Box::new(Expr::Year { year: b as i16 }),
    };
    Some(Parsed::new(i, i + 3, expr, "year_range"))
}

/// A year as the complement of a noun: "l'élection de 2019" (followed by no
/// noun, so "plus de 2000 morts" is a count) and "the 2021 budget" (a year
/// not a round hundred, so "the 2000 soldiers" stays a count).
pub(crate) fn year_complement(cx: &Cx, i: usize) -> Option<Parsed> {
    let (y, e) = cx.year(i)?;
    let prev = i.checked_sub(1)?;
    let after_of = cx.has_role(prev, Role::Of) == Some(i)
        && prev > 0
        && cx.content_word(prev - 1)
        && !cx.content_word(e)
        && cx.tok(e).is_none_or(|t| t.num().is_none());
    // "en 2011 et 2012": the second year of a list
    let listed = cx.has_role(prev, Role::ListAnd) == Some(i)
        && prev > 0
        && cx
            .tok(prev - 1)
            .and_then(|t| t.num())
            .is_some_and(|(_, d)| d == 4)
        && !cx.content_word(e);
    let before_noun = cx.has_role(prev, Role::Article) == Some(i)
        && cx.content_word(e)
        && y % 100 != 0
        && (1950..=2050).contains(&y);
    (after_of || listed || before_noun).then(|| Parsed::new(i, e, Expr::Year { year: y }, "year"))
}

/// "March 4 to 9", "4 to 9 March", "le 4 au 9 mars": a range without a
/// word before its first end; one end must name the month, and a bare day
/// at the end stands before nothing but punctuation.
pub(crate) fn open_range(g: &dyn Grammar, cx: &Cx, i: usize) -> Option<Parsed> {
    let x = simple_or_day(g, cx, i).filter(|x| x.start == i)?;
    if !matches!(x.expr, Expr::Date { .. }) {
        return None;
    }
    let k = cx.role(x.end, |r| matches!(r, Role::RangeTo(_)))?.1;
    let y = simple_or_day(g, cx, k)?;
    let bare = |e: &Expr| matches!(e, Expr::Date { month: 0, .. });
    if bare(&y.expr) && !cx.clause_end(y.end) {
        return None;
    }
    if !matches!(y.expr, Expr::Date { .. }) {
        return None;
    }
    build_range(x, y, i, "range")
}

/// "les années 1990", "in the 1990s": the ten years of a decade.
pub(crate) fn decade(cx: &Cx, i: usize) -> Option<Parsed> {
    // "80s", "'80s" (the apostrophe glued before the digits)
    let short = |k: usize| {
        let (v, digits) = cx.tok(k)?.num()?;
        (digits == 2).then(|| two_digit_year(v))
    };
    let plural_s = |k: usize| cx.tok(k).is_some_and(|t| t.glued && t.key == "s");
    let (y, e) = if let Some((y, e)) = cx.year(i).filter(|&(_, e)| plural_s(e)) {
        // "1990s"
        (y, e + 1)
    } else if let Some(y) = short(i).filter(|_| plural_s(i + 1)) {
        (y, i + 2)
    } else if cx.punct(i, "'")
        && cx.tok(i + 1).is_some_and(|t| t.glued)
        && let Some(y) = short(i + 1).filter(|_| plural_s(i + 2))
    {
        (y, i + 3)
    } else {
        // "les années 1980", "les années 80"
        let j = cx.skip_det(i);
        let (u, k) = cx.unit(j)?;
        if u != Unit::Year || !cx.plural_unit(j) {
            return None;
        }
        match cx.year(k) {
            Some((y, e)) => (y, e),
            None => (short(k)?, k + 1),
        }
    };
    // the article comes back with the scan; "des années 1990" starts after "des"
    let i =
        if cx.unit(i).is_some() || cx.tok(i).is_some_and(|t| t.num().is_some()) || cx.punct(i, "'")
        {
            i
        } else {
            cx.skip_det(i)
        };
    if y % 10 != 0 {
        return None;
    }
    let expr = Expr::Range {
        from: Box::new(Expr::Year { year: y }),
        to: Box::new(Expr::Year { year: y + 9 }),
    };
    Some(Parsed::new(i, e, expr, "decade"))
}

/// "7-8 janvier", "4-9 March [2024]": two days of one month around a dash;
/// `d` is the first day, read at `i`, ending at `e`.
pub(crate) fn day_dash_day_month(cx: &Cx, i: usize, d: u8, e: usize) -> Option<Parsed> {
    if !cx.glued_punct(e, "-") {
        return None;
    }
    let (d2, e2) = cx.day(e + 1)?;
    let (m, e3) = cx.month_after_day(e2)?;
    let (year, e4) = cx.opt_year(e3);
    let day = |day| Expr::Date {
        year,
        month: m,
        day,
        weekday: None,
        rel: Rel::None,
    };
    let expr = Expr::Range {
        from: Box::new(day(d)),
        to: Box::new(day(d2)),
    };
    Some(Parsed::new(i, e4, expr, "range"))
}

/// Shared by both word orders: "[ce] dimanche" / "[this] Sunday" parts after a day.
pub(crate) fn with_part_post(cx: &Cx, mut p: Parsed) -> Parsed {
    if let Some((part, e)) = cx.part(p.end, false) {
        p.part = Some(part);
        p.end = e;
    }
    p
}

/// Calendar periods with a direction word or demonstrative, in either order:
/// "la semaine dernière", "cette année", "ce mois-ci", "last week",
/// "the following month", "this weekend".
pub(crate) fn period(cx: &Cx, i: usize, rel_first: bool) -> Option<Parsed> {
    let j = if cx.has_role(i, Role::Demo).is_some() {
        i
    } else {
        cx.skip_det(i)
    };
    let (rel, unit, e) = if rel_first && cx.rel(j).is_some() {
        let (rel, k) = cx.rel(j)?;
        let (u, e) = cx.unit(k)?;
        (rel, u, e)
    } else if let Some(k) = cx.has_role(j, Role::Demo) {
        let (u, mut e) = cx.unit(k)?;
        // "ce mois-ci"
        if cx.glued_punct(e, "-") && cx.tok(e + 1).is_some_and(|t| t.key == "ci") {
            e += 2;
        }
        // "au cours du mois dernier"
        match cx.rel(e) {
            Some((r @ (Rel::Last | Rel::Next | Rel::Previous | Rel::Following), x)) => (r, u, x),
            _ => (Rel::This, u, e),
        }
    } else {
        let (u, k) = cx.unit(j)?;
        match cx.rel(k) {
            Some((rel, e)) => (rel, u, e),
            // "la semaine d'avant", "the week before", "the month after"
            None => {
                let k2 = cx.role(k, |r| r == Role::Of).map_or(k, |(_, x)| x);
                let (r, e) = cx.role(k2, |r| matches!(r, Role::Before | Role::After))?;
                if j == i || cx.plural_unit(k - 1) {
                    return None;
                }
                let rel = if r == Role::Before {
                    Rel::Previous
                } else {
                    Rel::Following
                };
                (rel, u, e)
            }
        }
    };
    // "the past weeks", "ces derniers jours" without a count: a few units back
    let unit_at = (j..e).find(|&k| cx.unit(k).is_some()).unwrap_or(j);
    if cx.plural_unit(unit_at) {
        let sign = match rel {
            Rel::Last => -1,
            Rel::Next => 1,
            _ => return None,
        };
        return Some(Parsed::new(
            i,
            e,
            Expr::Recent {
                sign,
                min: 2,
                max: 3,
                unit,
            },
            "recent",
        ));
    }
    let (base, offset) = match rel {
        Rel::This | Rel::None => (Base::Reference, 0),
        Rel::Last => (Base::Reference, -1),
        Rel::Next => (Base::Reference, 1),
        Rel::Previous => (Base::Anchor, -1),
        Rel::Following => (Base::Anchor, 1),
    };
    let ok = match unit {
        Unit::Minute | Unit::Hour => false,
        Unit::Day => base == Base::Anchor,
        _ => true,
    };
    if !ok {
        return None;
    }
    let expr = if unit == Unit::Day {
        Expr::DayOffset { base, days: offset }
    } else {
        Expr::Period { base, unit, offset }
    };
    let start = if j > i && cx.role(i, |r| r == Role::Of).is_some() {
        j
    } else {
        i
    };
    Some(with_part_post(cx, Parsed::new(start, e, expr, "period")))
}

/// "earlier this month", "plus tôt cette année", "later this week".
pub(crate) fn to_date(cx: &Cx, i: usize) -> Option<Parsed> {
    let (role, j) = cx.role(i, |r| matches!(r, Role::ToDate | Role::RestOf))?;
    let j = cx.has_role(j, Role::Demo).unwrap_or(j);
    let (u, mut e) = cx.unit(j)?;
    if cx.glued_punct(e, "-") && cx.tok(e + 1).is_some_and(|t| t.key == "ci") {
        e += 2;
    }
    if !matches!(u, Unit::Week | Unit::Month | Unit::Quarter | Unit::Year) {
        return None;
    }
    let expr = if role == Role::ToDate {
        Expr::ToDate { unit: u }
    } else {
        Expr::RestOf { unit: u }
    };
    Some(Parsed::new(i, e, expr, "to_date"))
}

/// "au premier trimestre 2023", "the third quarter of 2023", "Q1 2024", "T3 2023".
pub(crate) fn quarter(cx: &Cx, i: usize) -> Option<Parsed> {
    let j = cx.skip_det(i);
    // "2021Q3"
    if let Some((y, k)) = cx.year(j)
        && cx.tok(k).is_some_and(|t| t.glued)
        && let Some(q) = cx.has_role(k, Role::QuarterAbbr)
        && let Some((v, 1)) = cx.tok(q).filter(|t| t.glued).and_then(|t| t.num())
        && (1..=4).contains(&v)
    {
        let expr = Expr::Quarter {
            quarter: v as u8,
            year: Some(y),
            rel: Rel::None,
        };
        return Some(Parsed::new(j, q + 1, expr, "quarter"));
    }
    let (q, e) = if let Some(k) = cx.has_role(j, Role::QuarterAbbr) {
        let t = cx.tok(k)?;
        let (v, d) = t.num()?;
        if !t.glued || d != 1 || !(1..=4).contains(&v) {
            return None;
        }
        (v as u8, k + 1)
    } else {
        let (q, k) = cx.ordinal(j)?;
        let (u, e) = cx.unit(k)?;
        if u != Unit::Quarter || !(1..=4).contains(&q) {
            return None;
        }
        (q, e)
    };
    let k = cx.role(e, |r| r == Role::Of).map_or(e, |(_, x)| x);
    let (year, end) = match cx.year(k) {
        Some((y, x)) => (Some(y), x),
        None => match cx.rel(e) {
            Some((Rel::Last, x)) => {
                return Some(Parsed::new(
                    j,
                    x,
                    Expr::Quarter {
                        quarter: q,
                        year: None,
                        rel: Rel::Last,
                    },
                    "quarter",
                ));
            }
            _ => (None, e),
        },
    };
    Some(Parsed::new(
        j,
        end,
        Expr::Quarter {
            quarter: q,
            year,
            rel: Rel::None,
        },
        "quarter",
    ))
}

/// Seasons need a marker (article, preposition, demonstrative, direction word)
/// or a year, so that "a été" is not summer. `rel_first` for English order.
pub(crate) fn season(cx: &Cx, i: usize, bare: bool) -> Option<Parsed> {
    let mut j = i;
    let mut marked = bare;
    let mut rel = Rel::None;
    if let Some(k) = cx.has_role(j, Role::SeasonPre) {
        j = k;
        marked = true;
    }
    let pre_end = j;
    if let Some((r, k)) = cx.rel(j)
        && matches!(r, Rel::This | Rel::Last | Rel::Next)
    {
        rel = r;
        j = k;
        marked = true;
    }
    let (s, mut e) = cx.season(j)?;
    if cx.glued_punct(e, "-")
        || cx
            .tok(e)
            .is_some_and(|t| t.glued && t.kind == TokKind::Word)
    {
        return None;
    }
    let k = cx.role(e, |r| r == Role::Of).map_or(e, |(_, x)| x);
    let mut year = None;
    if let Some((y, x)) = cx.year(k) {
        year = Some(y);
        e = x;
        marked = true;
    } else if let Some((r, x)) = cx.rel(e)
        && matches!(r, Rel::Last | Rel::Next)
    {
        rel = r;
        e = x;
        marked = true;
    }
    if !marked {
        return None;
    }
    // "en été": the preposition is not part of the mention, an article is
    let start = if cx.has_role(i, Role::Article) == Some(pre_end) {
        i
    } else {
        pre_end
    };
    Some(Parsed::new(
        start,
        e,
        Expr::Season {
            season: s,
            year,
            rel,
        },
        "season",
    ))
}

/// "en 2022", "in 2023", "l'année 2023", "the year 2023"; a bare year when allowed.
pub(crate) fn year(cx: &Cx, i: usize, bare: bool) -> Option<Parsed> {
    if let Some((y, e)) = cx.year(i).filter(|_| bare) {
        return Some(Parsed::new(i, e, Expr::Year { year: y }, "year"));
    }
    let (j, start) = if let Some(j) = cx.has_role(i, Role::YearPrep) {
        // "en 2022" spans the year only
        (j, j)
    } else {
        // "l'année 2023"; "les années 2000" is a decade; "de l'année 2011"
        // starts at its article
        let k = cx.skip_det(i);
        let (u, e) = cx.unit(k)?;
        if u != Unit::Year || cx.plural_unit(k) {
            return None;
        }
        (e, k)
    };
    let (y, e) = cx.year(j)?;
    Some(Parsed::new(start, e, Expr::Year { year: y }, "year"))
}

/// Month names: "en février", "octobre dernier", "janvier 2024",
/// "last October", "in February", "February 2024"; bare when allowed.
pub(crate) fn month(cx: &Cx, i: usize, bare: bool, rel_first: bool) -> Option<Parsed> {
    let (prep, j) = match cx.has_role(i, Role::MonthPrep) {
        Some(j) => (true, cx.skip_det(j)),
        None => (false, i),
    };
    let (rel_before, j) = match cx.rel(j).filter(|_| rel_first) {
        Some((r, k)) if matches!(r, Rel::Last | Rel::Next | Rel::This) => (Some(r), k),
        _ => (None, j),
    };
    let (m, e) = cx.month(j)?;
    let k = cx
        .role(e, |r| r == Role::Of)
        .filter(|_| rel_first)
        .map_or(e, |(_, x)| x);
    let (year, e) = match cx.year(k) {
        Some((y, x)) => (Some(y), x),
        None => (None, e),
    };
    let (rel_after, e) = match cx.rel(e).filter(|_| !rel_first && year.is_none()) {
        Some((r, x)) if matches!(r, Rel::Last | Rel::Next) => (Some(r), x),
        _ => (None, e),
    };
    if !(prep || bare || year.is_some() || rel_before.is_some() || rel_after.is_some()) {
        return None;
    }
    let rel = match rel_before.or(rel_after) {
        Some(Rel::This) | None => Rel::None,
        Some(r) => r,
    };
    let start = if prep && rel_before.is_none() {
        j
    } else if prep {
        cx.has_role(i, Role::MonthPrep)
            .map_or(i, |x| cx.skip_det(x))
    } else {
        i
    };
    Some(Parsed::new(
        start,
        e,
        Expr::Month {
            month: m,
            year,
            rel,
        },
        "month",
    ))
}

/// "au premier semestre 2023", "the second half of March", "la première moitié de l'année".
pub(crate) fn half(g: &dyn Grammar, cx: &Cx, i: usize) -> Option<Parsed> {
    let (role, j0) = cx.role(i, |r| matches!(r, Role::Half(_)))?;
    let Role::Half(h) = role else { return None };
    let j = cx.skip_det(j0);
    let this = |u| Expr::Period {
        base: Base::Reference,
        unit: u,
        offset: 0,
    };
    let (inner, end) = match g.simple(cx, j, true).filter(|x| !x.is_day()) {
        Some(x) => (x.expr, x.end),
        None => match cx.unit(j) {
            // "la première moitié de l'année", "the first half of the month"
            Some((u @ (Unit::Month | Unit::Year), e)) => (this(u), e),
            // "au premier semestre": of the current year
            _ => (this(Unit::Year), j0),
        },
    };
    Some(Parsed::new(
        i,
        end,
        Expr::Half {
            half: h,
            inner: Box::new(inner),
        },
        "half",
    ))
}

/// "le premier lundi de mars", "the first Tuesday of October 2024", "the
/// last Monday of March".
pub(crate) fn nth_weekday(g: &dyn Grammar, cx: &Cx, i: usize) -> Option<Parsed> {
    let j = cx.skip_det(i);
    let (n, k) = match cx.ordinal(j) {
        Some((n, k)) if (1..=5).contains(&n) => (n as i8, k),
        _ => match cx.rel(j) {
            Some((Rel::Last, k)) => (-1, k),
            _ => return None,
        },
    };
    let (w, k) = cx.weekday(k)?;
    // "of", "de", "du"; "in" ("the last Thursday in November")
    let k = cx.role(k, |r| matches!(r, Role::Of | Role::MonthPrep))?.1;
    let m = g.simple(cx, cx.skip_det(k), true)?;
    // a named month or a relative one ("le deuxième jeudi du mois dernier")
    if !matches!(
        m.expr,
        Expr::Month { .. }
            | Expr::Period {
                unit: Unit::Month,
                ..
            }
    ) {
        return None;
    }
    let expr = Expr::NthWeekday {
        n,
        weekday: w,
        month: Box::new(m.expr),
    };
    Some(Parsed::new(j, m.end, expr, "nth_weekday"))
}

/// "Aug. 8 - Aug. 12", "7 janvier – 9 janvier": two complete dates around a dash.
pub(crate) fn dash_range(g: &dyn Grammar, cx: &Cx, i: usize) -> Option<Parsed> {
    let x = g
        .simple(cx, i, false)
        .filter(|p| matches!(p.expr, Expr::Date { .. }))?;
    if !cx.punct(x.end, "-") {
        return None;
    }
    let y = g
        .simple(cx, x.end + 1, false)
        .filter(|p| matches!(p.expr, Expr::Date { .. }))?;
    build_range(x, y, i, "range")
}

/// "la semaine du 8 janvier", "the week of Jan. 8".
pub(crate) fn week_of(g: &dyn Grammar, cx: &Cx, i: usize) -> Option<Parsed> {
    let j = cx.has_role(i, Role::WeekOf)?;
    let j = cx.skip_det(j);
    let x = longest([g.simple(cx, j, false), numeric(g, cx, j)]).filter(Parsed::is_day)?;
    let expr = Expr::Containing {
        unit: Unit::Week,
        inner: Box::new(x.expr),
    };
    Some(Parsed::new(i, x.end, expr, "week_of"))
}

/// Fixed-date holidays: "Noël", "le jour de l'an 2024", "Christmas Day", "last Christmas".
pub(crate) fn holiday(cx: &Cx, i: usize, rel_first: bool) -> Option<Parsed> {
    let (rel_before, j) = match cx.rel(i).filter(|_| rel_first) {
        Some((r @ (Rel::Last | Rel::Next), k)) => (Some(r), k),
        _ => (None, i),
    };
    let (holiday, e) = cx.hits(j).iter().find_map(|h| match h.kind {
        Kind::Holiday(d) => Some((d, h.end)),
        _ => None,
    })?;
    let k = cx.role(e, |r| r == Role::Of).map_or(e, |(_, x)| x);
    let (year, e) = match cx.year(k) {
        Some((y, x)) => (Some(y), x),
        None => (None, e),
    };
    let (rel, e) = match (
        rel_before,
        cx.rel(e).filter(|_| !rel_first && year.is_none()),
    ) {
        (Some(r), _) => (r, e),
        (None, Some((r @ (Rel::Last | Rel::Next), x))) => (r, x),
        _ => (Rel::None, e),
    };
    let expr = match holiday.calendar {
        Calendar::Gregorian if holiday.len == 1 => Expr::Date {
            year,
            month: holiday.month,
            day: holiday.day as u8,
            weekday: None,
            rel,
        },
        _ => Expr::Holiday { holiday, year, rel },
    };
    Some(with_part_post(cx, Parsed::new(i, e, expr, "holiday")))
}

/// Longest of several candidates.
pub(crate) fn longest(c: impl IntoIterator<Item = Option<Parsed>>) -> Option<Parsed> {
    let mut best: Option<Parsed> = None;
    for p in c.into_iter().flatten() {
        if best.as_ref().is_none_or(|b| p.end > b.end) {
            best = Some(p);
        }
    }
    best
}
