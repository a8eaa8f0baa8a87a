//! The structured, unresolved form of a time expression: what the text says,
//! before a reference date turns it into calendar days.

use serde::Serialize;

/// Direction words attached to a day, month or period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Rel {
    /// No direction given: the preference decides ("mardi", "en mars").
    #[default]
    None,
    /// "ce", "this": the current one, else as `None`.
    This,
    /// "dernier", "last": strictly before the reference.
    Last,
    /// "prochain", "next": strictly after the reference.
    Next,
    /// "précédent", "previous": counted from the anchor, one back.
    Previous,
    /// "suivant", "following": counted from the anchor, one forward.
    Following,
}

/// What a relative expression counts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Base {
    /// The reference (publication) date: "hier", "la semaine dernière".
    Reference,
    /// The event being narrated: "la veille", "trois jours plus tard".
    Anchor,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Year,
    Century,
}

impl Unit {
    pub fn parse(s: &str) -> Option<Unit> {
        Some(match s {
            "minute" => Unit::Minute,
            "hour" => Unit::Hour,
            "day" => Unit::Day,
            "week" => Unit::Week,
            "weekend" => Unit::Weekend,
            "month" => Unit::Month,
            "quarter" => Unit::Quarter,
            "year" => Unit::Year,
            "century" => Unit::Century,
            _ => return None,
        })
    }
}

/// The calendar a holiday is fixed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Calendar {
    /// A Gregorian month and day (Christmas, national days).
    Gregorian,
    /// Days from Easter Sunday (Good Friday -2, Pentecost +49).
    Easter,
    /// Islamic (Umm al-Qura): Ramadan, Eid al-Fitr, Eid al-Adha, Ashura.
    Hijri,
    /// Hebrew, months by code (1 Tishri … 7 Nisan): Yom Kippur, Hanukkah.
    Hebrew,
    /// Solar Hijri: Nowruz is 1 Farvardin.
    Persian,
    /// The `day`th (-1: last) `weekday` of a Gregorian month (Thanksgiving:
    /// the fourth Thursday of November).
    Weekday,
}

impl Calendar {
    pub fn parse(s: &str) -> Option<Calendar> {
        Some(match s {
            "gregorian" => Calendar::Gregorian,
            "easter" => Calendar::Easter,
            "hijri" => Calendar::Hijri,
            "hebrew" => Calendar::Hebrew,
            "persian" => Calendar::Persian,
            "weekday" => Calendar::Weekday,
            _ => return None,
        })
    }
}

/// A holiday's place in its calendar: `day` of `month` (for Easter, `month`
/// 0 and `day` the days from Easter Sunday), lasting `len` days (0: the
/// whole month).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Holiday {
    pub calendar: Calendar,
    pub month: u8,
    pub day: i16,
    pub len: u8,
    /// For [`Calendar::Weekday`]: 1 = Monday … 7 = Sunday; else 0.
    pub weekday: u8,
}

/// "début", "mi-", "fin"; "early", "mid", "late".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Modifier {
    Start,
    Mid,
    End,
}

/// An unresolved time expression.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Expr {
    /// A calendar day, maybe without a year, maybe with the weekday the text gives.
    Date {
        year: Option<i16>,
        month: u8,
        day: u8,
        weekday: Option<u8>,
        rel: Rel,
    },
    /// A weekday alone ("mardi", "lundi dernier", "next Sunday"); 1 = Monday.
    Weekday {
        weekday: u8,
        rel: Rel,
    },
    /// A day counted from the base ("hier", "la veille", "the next day").
    DayOffset {
        base: Base,
        days: i32,
    },
    /// `min..max` units before (`sign` -1) or after (+1) the base
    /// ("il y a trois jours", "quelques jours plus tard").
    Offset {
        base: Base,
        sign: i8,
        min: u32,
        max: u32,
        unit: Unit,
    },
    /// A month, maybe with a year ("en février", "octobre dernier").
    Month {
        month: u8,
        year: Option<i16>,
        rel: Rel,
    },
    Year {
        year: i16,
    },
    /// 0 spring, 1 summer, 2 autumn, 3 winter.
    Season {
        season: u8,
        year: Option<i16>,
        rel: Rel,
    },
    Quarter {
        quarter: u8,
        year: Option<i16>,
        rel: Rel,
    },
    /// The calendar unit containing the base, shifted by `offset` units
    /// ("cette semaine" 0, "le mois dernier" -1, "the following week" +1 from the anchor).
    Period {
        base: Base,
        unit: Unit,
        offset: i32,
    },
    /// From the start of the current unit to the reference ("earlier this month").
    ToDate {
        unit: Unit,
    },
    /// From the reference to the end of the current unit ("later this month").
    RestOf {
        unit: Unit,
    },
    /// A vague stretch of days around the base ("récemment", "ces derniers jours").
    Vague {
        base: Base,
        from: i32,
        to: i32,
        grain: crate::Grain,
    },
    /// The last (`sign` -1) or next (+1) `min..max` units from the reference
    /// ("au cours des trois derniers jours", "in the next two weeks").
    Recent {
        sign: i8,
        min: u32,
        max: u32,
        unit: Unit,
    },
    /// The `unit` (a week) that contains a day ("la semaine du 8 janvier").
    Containing {
        unit: Unit,
        inner: Box<Expr>,
    },
    /// A day of the month without its month ("on the 15th", "dimanche 7"),
    /// maybe with the weekday it falls on.
    DayOfMonth {
        day: u8,
        weekday: Option<u8>,
    },
    Range {
        from: Box<Expr>,
        to: Box<Expr>,
    },
    /// "dans la nuit de samedi à dimanche": from the first day to the second.
    Night {
        from: Box<Expr>,
        to: Box<Expr>,
    },
    /// "depuis le 7 octobre": from that day to the reference.
    Since {
        from: Box<Expr>,
    },
    /// A day counted from another expression ("au lendemain du 7 octobre").
    Shift {
        inner: Box<Expr>,
        days: i32,
    },
    Modified {
        modifier: Modifier,
        inner: Box<Expr>,
    },
    /// The `n`th (1–5, or -1 for the last) given weekday of a month:
    /// "le premier lundi de mars", "the last Monday of March".
    NthWeekday {
        n: i8,
        weekday: u8,
        month: Box<Expr>,
    },
    /// The `n`th (1-31, or -1 for the last) day, week or weekend of a
    /// period: "le dernier jour de mars", "the last week of June", "le
    /// deuxième week-end de juin". Weeks of a month are days 1–7, 8–14, …;
    /// the last week is its last seven days; a weekend is a Saturday of the
    /// period and the Sunday after it.
    NthOf {
        n: i8,
        unit: Unit,
        inner: Box<Expr>,
    },
    /// A holiday outside the fixed Gregorian ones ("Pâques", "Eid al-Fitr",
    /// "le ramadan", "Yom Kippour"), in `year` or the nearest year in the
    /// preferred direction.
    Holiday {
        holiday: Holiday,
        year: Option<i16>,
        rel: Rel,
    },
    /// An ISO week by number ("semaine 37", "week 37 of 2024"), Monday to Sunday.
    IsoWeek {
        week: u8,
        year: Option<i16>,
    },
    /// First (1) or second (2) half: "au premier semestre 2023", "the second half of March".
    Half {
        half: u8,
        inner: Box<Expr>,
    },
}

impl Expr {
    /// True when resolving needs the anchor (the narrated event).
    pub fn anaphoric(&self) -> bool {
        match self {
            Expr::DayOffset { base, .. }
            | Expr::Offset { base, .. }
            | Expr::Period { base, .. }
            | Expr::Vague { base, .. } => *base == Base::Anchor,
            Expr::Range { from, to } | Expr::Night { from, to } => {
                from.anaphoric() || to.anaphoric()
            }
            Expr::Since { from } => from.anaphoric(),
            Expr::Shift { inner, .. }
            | Expr::Modified { inner, .. }
            | Expr::Half { inner, .. }
            | Expr::NthWeekday { month: inner, .. }
            | Expr::NthOf { inner, .. }
            | Expr::Containing { inner, .. } => inner.anaphoric(),
            // "le vendredi suivant", "the previous Friday": counted from the event
            Expr::Weekday { rel, .. } => matches!(rel, Rel::Previous | Rel::Following),
            _ => false,
        }
    }

    /// True for a date the text gives without a year and without a word
    /// that ties it to the article's day ("mardi", "le 12 mars", "le jeudi
    /// 14", "en mars"): in a narrative about another year, it belongs to
    /// the narrated time, so a caller may resolve it against the anchor.
    pub fn narrative_relative(&self) -> bool {
        match self {
            Expr::Weekday { rel, .. }
            | Expr::Date {
                year: None, rel, ..
            }
            | Expr::Month {
                year: None, rel, ..
            } => *rel == Rel::None,
            Expr::DayOfMonth { .. } => true,
            _ => false,
        }
    }

    /// Explicit years the expression names.
    pub(crate) fn years(&self, out: &mut Vec<i16>) {
        match self {
            Expr::Date { year: Some(y), .. }
            | Expr::Month { year: Some(y), .. }
            | Expr::Season { year: Some(y), .. }
            | Expr::Quarter { year: Some(y), .. }
            | Expr::IsoWeek { year: Some(y), .. }
            | Expr::Holiday { year: Some(y), .. }
            | Expr::Year { year: y } => out.push(*y),
            Expr::Range { from, to } | Expr::Night { from, to } => {
                from.years(out);
                to.years(out);
            }
            Expr::Since { from } => from.years(out),
            Expr::Shift { inner, .. }
            | Expr::Modified { inner, .. }
            | Expr::Half { inner, .. }
            | Expr::NthWeekday { month: inner, .. }
            | Expr::NthOf { inner, .. }
            | Expr::Containing { inner, .. } => inner.years(out),
            _ => {}
        }
    }

    /// Year-less day-month-weekday triples ("dimanche 7 janvier").
    pub(crate) fn weekday_dates(&self, out: &mut Vec<(u8, u8, u8)>) {
        match self {
            Expr::Date {
                year: None,
                month,
                day,
                weekday: Some(w),
                ..
            } => out.push((*month, *day, *w)),
            Expr::Range { from, to } | Expr::Night { from, to } => {
                from.weekday_dates(out);
                to.weekday_dates(out);
            }
            Expr::Since { from } => from.weekday_dates(out),
            Expr::Shift { inner, .. } | Expr::Modified { inner, .. } => inner.weekday_dates(out),
            _ => {}
        }
    }
}
