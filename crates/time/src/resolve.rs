//! Resolution of an [`Expr`] to an interval of calendar days.

use jiff::civil::Date;

use crate::expr::{Base, Calendar, Expr, Holiday, Modifier, Rel, Unit};
use crate::{Grain, Prefer, ResolveContext, TimeValue};

/// `d` shifted by `n` days (jiff's calendar arithmetic); `None` outside
/// jiff's range.
fn add_days(d: Date, n: i64) -> Option<Date> {
    d.checked_add(jiff::Span::new().try_days(n).ok()?).ok()
}

/// Days from `a` to `b` (negative when `b` is before `a`).
fn days_between(a: Date, b: Date) -> i64 {
    b.since(a).map_or(0, |s| i64::from(s.get_days()))
}

/// ISO weekday, 1 = Monday.
pub(crate) fn wd(d: Date) -> u8 {
    d.weekday().to_monday_one_offset() as u8
}

fn ymd(y: i32, m: i32, d: i32) -> Option<Date> {
    Date::new(
        i16::try_from(y).ok()?,
        i8::try_from(m).ok()?,
        i8::try_from(d).ok()?,
    )
    .ok()
}

/// First day of the month `months` after (y, m), months 1-based.
fn month_start(y: i32, m: i32, months: i32) -> Option<Date> {
    let idx = y * 12 + (m - 1) + months;
    ymd(idx.div_euclid(12), idx.rem_euclid(12) + 1, 1)
}

fn add_months(d: Date, months: i32) -> Option<Date> {
    let first = month_start(i32::from(d.year()), i32::from(d.month()), months)?;
    let day = d.day().min(first.days_in_month());
    ymd(
        i32::from(first.year()),
        i32::from(first.month()),
        i32::from(day),
    )
}

/// A resolved interval before precision is settled.
#[derive(Debug, Clone, Copy)]
struct Iv {
    start: Date,
    end: Date,
    grain: Grain,
    min_precision: u8,
    fixed_precision: Option<u8>,
    modifier: Option<Modifier>,
}

impl Iv {
    fn new(start: Date, end: Date, grain: Grain) -> Iv {
        Iv {
            start,
            end,
            grain,
            min_precision: 1,
            fixed_precision: None,
            modifier: None,
        }
    }
    fn day(d: Date) -> Iv {
        Iv::new(d, d, Grain::Day)
    }
}

struct Cx {
    reference: Option<Date>,
    anchor: Option<Date>,
    prefer: Prefer,
}

impl Cx {
    fn base(&self, b: Base) -> Option<Date> {
        match b {
            Base::Reference => self.reference,
            Base::Anchor => self.anchor.or(self.reference),
        }
    }
}

pub(crate) fn resolve(e: &Expr, ctx: &ResolveContext) -> Option<TimeValue> {
    let cx = Cx {
        reference: ctx.reference,
        anchor: ctx.anchor,
        prefer: ctx.prefer,
    };
    let iv = go(e, &cx)?;
    let (start, end) = if iv.start <= iv.end {
        (iv.start, iv.end)
    } else {
        (iv.end, iv.start)
    };
    let len = days_between(start, end) + 1;
    let by_len = if len <= 1 {
        1
    } else if len <= 14 {
        2
    } else {
        3
    };
    let precision = iv.fixed_precision.unwrap_or(by_len.max(iv.min_precision));
    Some(TimeValue {
        start,
        end,
        grain: iv.grain,
        precision,
        modifier: iv.modifier,
    })
}

fn go(e: &Expr, cx: &Cx) -> Option<Iv> {
    match *e {
        Expr::Date {
            year,
            month,
            day,
            weekday,
            rel,
        } => date(year, month, day, weekday, rel, cx).map(Iv::day),
        Expr::Weekday { weekday, rel } => weekday_date(weekday, rel, cx).map(Iv::day),
        Expr::DayOffset { base, days } => add_days(cx.base(base)?, i64::from(days)).map(Iv::day),
        Expr::Offset {
            base,
            sign,
            min,
            max,
            unit,
        } => offset(cx.base(base)?, sign, min, max, unit),
        Expr::Month { month, year, rel } => {
            let y = match year {
                Some(y) => i32::from(y),
                None => {
                    let r = cx.reference?;
                    periodic_year(
                        i32::from(r.year()),
                        i32::from(r.month()),
                        i32::from(month),
                        rel,
                        cx.prefer,
                    )
                }
            };
            let s = ymd(y, i32::from(month), 1)?;
            Some(Iv::new(s, s.last_of_month(), Grain::Month))
        }
        Expr::Year { year } => {
            let s = ymd(i32::from(year), 1, 1)?;
            Some(Iv::new(s, s.last_of_year(), Grain::Year))
        }
        Expr::Quarter { quarter, year, rel } => {
            let q = i32::from(quarter.clamp(1, 4));
            let y = match year {
                Some(y) => i32::from(y),
                None => {
                    let r = cx.reference?;
                    let rq = (i32::from(r.month()) - 1) / 3 + 1;
                    periodic_year(i32::from(r.year()), rq, q, rel, cx.prefer)
                }
            };
            let s = ymd(y, (q - 1) * 3 + 1, 1)?;
            let e = month_start(y, (q - 1) * 3 + 1, 2)?.last_of_month();
            Some(Iv::new(s, e, Grain::Quarter))
        }
        Expr::Season { season, year, rel } => season_iv(season, year, rel, cx),
        Expr::Period { base, unit, offset } => period(cx.base(base)?, unit, offset, cx.prefer),
        Expr::ToDate { unit } => {
            let r = cx.reference?;
            let p = period(r, unit, 0, cx.prefer)?;
            Some(Iv { end: r, ..p })
        }
        Expr::RestOf { unit } => {
            let r = cx.reference?;
            let p = period(r, unit, 0, cx.prefer)?;
            Some(Iv { start: r, ..p })
        }
        Expr::Vague {
            base,
            from,
            to,
            grain,
        } => {
            let b = cx.base(base)?;
            let mut iv = Iv::new(
                add_days(b, i64::from(from))?,
                add_days(b, i64::from(to))?,
                grain,
            );
            iv.min_precision = 2;
            Some(iv)
        }
        Expr::Recent {
            sign,
            min: _,
            max,
            unit,
        } => {
            let r = cx.reference?;
            let far = offset(r, sign, max, max, unit)?.start;
            let mut iv = Iv::new(far.min(r), far.max(r), Grain::Day);
            iv.min_precision = 2;
            Some(iv)
        }
        Expr::Containing { unit, ref inner } => {
            let i = go(inner, cx)?;
            period(i.start, unit, 0, cx.prefer)
        }
        Expr::DayOfMonth { day, weekday } => {
            let r = cx.reference?;
            let (ry, rm) = (i32::from(r.year()), i32::from(r.month()));
            let cands = |step: i32| {
                (0..25)
                    .filter_map(move |k| {
                        let s = month_start(ry, rm, step * k)?;
                        ymd(i32::from(s.year()), i32::from(s.month()), i32::from(day))
                    })
                    .filter(move |c| weekday.is_none_or(|w| wd(*c) == w))
                    .find(move |c| if step < 0 { *c <= r } else { *c >= r })
            };
            let (a, b) = (cands(-1), cands(1));
            // the preferred direction; with a weekday, a day in the week on
            // the other side wins ("jeudi 11" the day before is tomorrow),
            // and so does the other side when no month in two years agrees
            let near = |c: &Date| days_between(r, *c).abs() <= 7;
            let pick = match (weekday, cx.prefer) {
                (Some(_), Prefer::Past) => b.filter(near).or(a).or(b),
                (Some(_), Prefer::Future) => a.filter(near).or(b).or(a),
                (None, Prefer::Past) => a,
                (None, Prefer::Future) => b,
            };
            pick.map(Iv::day)
        }
        Expr::Range { ref from, ref to } => range(from, to, cx),
        Expr::Night { ref from, ref to } => {
            let f = go(from, cx)?;
            let later = Cx {
                reference: Some(add_days(f.start, 1)?),
                anchor: cx.anchor,
                prefer: Prefer::Future,
            };
            let t = go(to, &later)?;
            let mut iv = Iv::new(f.start, t.end.max(f.start), Grain::Day);
            iv.fixed_precision = Some(1);
            Some(iv)
        }
        Expr::Since { ref from } => {
            let f = go(from, cx)?;
            let end = match cx.reference {
                Some(r) if r >= f.end => r,
                _ => f.end,
            };
            Some(Iv {
                end,
                modifier: None,
                fixed_precision: None,
                ..f
            })
        }
        Expr::Shift { ref inner, days } => {
            let i = go(inner, cx)?;
            let s = add_days(i.start, i64::from(days))?;
            let e = add_days(i.end, i64::from(days))?;
            Some(Iv::new(s, e, i.grain))
        }
        Expr::NthWeekday {
            n,
            weekday,
            ref month,
        } => {
            let m = go(month, cx)?;
            let day = if n > 0 {
                let first = m.start;
                let skip = i64::from((weekday + 7 - wd(first)) % 7) + 7 * i64::from(n - 1);
                add_days(first, skip)?
            } else {
                let last = m.end;
                add_days(last, -i64::from((wd(last) + 7 - weekday) % 7))?
            };
            (day <= m.end).then(|| Iv::day(day))
        }
        Expr::NthOf { n, unit, ref inner } => nth_of(n, unit, go(inner, cx)?),
        Expr::IsoWeek { week, year } => iso_week(week, year, cx),
        Expr::Holiday { holiday, year, rel } => holiday_iv(holiday, year, rel, cx),
        Expr::Half { half, ref inner } => {
            let i = go(inner, cx)?;
            let (s, e) = match i.grain {
                Grain::Year | Grain::Season | Grain::Quarter => {
                    let months = if i.grain == Grain::Year { 6 } else { 1 };
                    let s = if half == 1 {
                        i.start
                    } else {
                        add_months(i.start, months)?
                    };
                    let e = if half == 1 {
                        add_months(i.start, months - 1)?.last_of_month()
                    } else {
                        i.end
                    };
                    (s, e)
                }
                _ => {
                    let mid = add_days(i.start, (days_between(i.start, i.end) + 1) / 2)?;
                    if half == 1 {
                        (i.start, add_days(mid, -1)?)
                    } else {
                        (mid, i.end)
                    }
                }
            };
            Some(Iv {
                start: s,
                end: e,
                ..i
            })
        }
        Expr::Modified {
            modifier,
            ref inner,
        } => {
            let i = go(inner, cx)?;
            Some(apply_modifier(i, modifier))
        }
    }
}

/// A range: the first end with the preference, the second forward from it
/// within a year. An end whose weekday disagrees with its date in that year
/// is read without the weekday rather than moved to another year, and a
/// second end that cannot follow the first never collapses the range.
fn range(from: &Expr, to: &Expr, cx: &Cx) -> Option<Iv> {
    let f = go(from, cx).or_else(|| go(&without_weekday(from), cx))?;
    let later = Cx {
        reference: Some(f.start),
        anchor: cx.anchor,
        prefer: Prefer::Future,
    };
    let within_year = |t: &Iv| t.end >= f.start && days_between(f.start, t.end) <= 366;
    let t = go(to, &later)
        .filter(within_year)
        .or_else(|| go(&without_weekday(to), &later).filter(within_year))
        .or_else(|| go(to, cx).filter(|t| t.end >= f.start))?;
    Some(Iv::new(f.start, t.end, f.grain))
}

/// The same date without the weekday the text gave with it.
fn without_weekday(e: &Expr) -> Expr {
    match e {
        Expr::Date {
            year,
            month,
            day,
            rel,
            ..
        } => Expr::Date {
            year: *year,
            month: *month,
            day: *day,
            weekday: None,
            rel: *rel,
        },
        Expr::DayOfMonth { day, .. } => Expr::DayOfMonth {
            day: *day,
            weekday: None,
        },
        other => other.clone(),
    }
}

/// The `n`th (or, with -1, the last) day, week or weekend of a period.
fn nth_of(n: i8, unit: Unit, p: Iv) -> Option<Iv> {
    let k = i64::from(n.unsigned_abs().saturating_sub(1));
    let iv = match (unit, n > 0) {
        (Unit::Day, true) => Iv::day(add_days(p.start, k)?),
        (Unit::Day, false) => Iv::day(p.end),
        (Unit::Week, true) => {
            let s = add_days(p.start, 7 * k)?;
            Iv::new(s, add_days(s, 6)?.min(p.end), Grain::Week)
        }
        (Unit::Week, false) => Iv::new(add_days(p.end, -6)?.max(p.start), p.end, Grain::Week),
        (Unit::Weekend, true) => {
            let sat = add_days(p.start, i64::from((6 + 7 - wd(p.start)) % 7) + 7 * k)?;
            Iv::new(sat, add_days(sat, 1)?, Grain::Week)
        }
        (Unit::Weekend, false) => {
            let sat = add_days(p.end, -i64::from((wd(p.end) + 7 - 6) % 7))?;
            Iv::new(sat, add_days(sat, 1)?, Grain::Week)
        }
        _ => return None,
    };
    (iv.start >= p.start && iv.start <= p.end).then_some(iv)
}

/// A movable holiday: its occurrence in the year given, else the nearest one
/// in the preferred direction ("dernier"/"prochain" force it). Islamic,
/// Hebrew and Persian dates are observed a day apart between countries:
/// precision 2 at least.
fn holiday_iv(h: Holiday, year: Option<i16>, rel: Rel, cx: &Cx) -> Option<Iv> {
    let (s, e) = match year {
        Some(y) => *crate::holiday::occurrences(h, y).first()?,
        None => {
            let r = cx.reference?;
            let all: Vec<(Date, Date)> = (r.year() - 2..=r.year() + 2)
                .flat_map(|y| crate::holiday::occurrences(h, y))
                .collect();
            let past = |o: &&(Date, Date)| match rel {
                Rel::Last | Rel::Previous => o.1 < r,
                _ => o.0 <= r,
            };
            let future = |o: &&(Date, Date)| match rel {
                Rel::Next | Rel::Following => o.0 > r,
                _ => o.1 >= r,
            };
            let back = matches!(rel, Rel::Last | Rel::Previous)
                || (!matches!(rel, Rel::Next | Rel::Following) && cx.prefer == Prefer::Past);
            if back {
                *all.iter().rev().find(past)?
            } else {
                *all.iter().find(future)?
            }
        }
    };
    let mut iv = Iv::new(s, e, Grain::Day);
    if !matches!(
        h.calendar,
        Calendar::Gregorian | Calendar::Easter | Calendar::Weekday
    ) {
        iv.min_precision = 2;
    }
    Some(iv)
}

/// ISO week `week` of the year given, else of the reference's year (the
/// previous year when the week has not begun yet and the preference is past).
fn iso_week(week: u8, year: Option<i16>, cx: &Cx) -> Option<Iv> {
    let monday = |y: i16| {
        jiff::civil::ISOWeekDate::new(y, i8::try_from(week).ok()?, jiff::civil::Weekday::Monday)
            .ok()
            .map(|w| w.date())
    };
    let s = match year {
        Some(y) => monday(y)?,
        None => {
            let r = cx.reference?;
            let y = r.iso_week_date().year();
            let this = monday(y)?;
            match cx.prefer {
                Prefer::Past if this > r => monday(y - 1)?,
                Prefer::Future if add_days(this, 6)? < r => monday(y + 1)?,
                _ => this,
            }
        }
    };
    Some(Iv::new(s, add_days(s, 6)?, Grain::Week))
}

/// Year of a yearly-repeating slot (month `m` or quarter) given the
/// reference's current slot `cur`, the direction word and the preference.
fn periodic_year(ry: i32, cur: i32, m: i32, rel: Rel, prefer: Prefer) -> i32 {
    match rel {
        Rel::Last | Rel::Previous => {
            if m < cur {
                ry
            } else {
                ry - 1
            }
        }
        Rel::Next | Rel::Following => {
            if m > cur {
                ry
            } else {
                ry + 1
            }
        }
        Rel::None | Rel::This => match prefer {
            Prefer::Past => {
                if m <= cur {
                    ry
                } else {
                    ry - 1
                }
            }
            Prefer::Future => {
                if m >= cur {
                    ry
                } else {
                    ry + 1
                }
            }
        },
    }
}

fn date(
    year: Option<i16>,
    month: u8,
    day: u8,
    weekday: Option<u8>,
    rel: Rel,
    cx: &Cx,
) -> Option<Date> {
    let (m, d) = (i32::from(month), i32::from(day));
    if let Some(y) = year {
        return ymd(i32::from(y), m, d);
    }
    let r = cx.reference?;
    let ry = i32::from(r.year());
    let allowed = |c: Date| match rel {
        Rel::Last | Rel::Previous => c < r,
        Rel::Next | Rel::Following => c > r,
        _ => true,
    };
    if let Some(w) = weekday {
        // the year in which weekday and date agree, nearest the reference
        let mut best: Option<(i64, Date)> = None;
        for y in (ry - 11)..=(ry + 11) {
            let Some(c) = ymd(y, m, d) else { continue };
            if wd(c) != w || !allowed(c) {
                continue;
            }
            let dist = days_between(r, c).abs();
            let on_side = match cx.prefer {
                Prefer::Past => c <= r,
                Prefer::Future => c >= r,
            };
            let better = match best {
                None => true,
                Some((bd, b)) => {
                    let b_side = match cx.prefer {
                        Prefer::Past => b <= r,
                        Prefer::Future => b >= r,
                    };
                    dist < bd || (dist == bd && on_side && !b_side)
                }
            };
            if better {
                best = Some((dist, c));
            }
        }
        if let Some((_, c)) = best {
            return Some(c);
        }
    }
    let past = match rel {
        Rel::Last | Rel::Previous => true,
        Rel::Next | Rel::Following => false,
        _ => cx.prefer == Prefer::Past,
    };
    if past {
        (0..9)
            .filter_map(|k| ymd(ry - k, m, d))
            .find(|c| if rel == Rel::Last { *c < r } else { *c <= r })
    } else {
        (0..9)
            .filter_map(|k| ymd(ry + k, m, d))
            .find(|c| if rel == Rel::Next { *c > r } else { *c >= r })
    }
}

fn weekday_date(w: u8, rel: Rel, cx: &Cx) -> Option<Date> {
    let r = cx.reference?;
    let back = |from: Date| add_days(from, -i64::from((wd(from) + 7 - w) % 7));
    let fwd = |from: Date| add_days(from, i64::from((w + 7 - wd(from)) % 7));
    match rel {
        Rel::Last => back(add_days(r, -1)?),
        Rel::Next => fwd(add_days(r, 1)?),
        Rel::Previous => back(add_days(cx.anchor.unwrap_or(r), -1)?),
        Rel::Following => fwd(add_days(cx.anchor.unwrap_or(r), 1)?),
        Rel::None | Rel::This => match cx.prefer {
            Prefer::Past => back(r),
            Prefer::Future => fwd(r),
        },
    }
}

fn unit_days(unit: Unit) -> Option<i64> {
    Some(match unit {
        Unit::Day => 1,
        Unit::Week | Unit::Weekend => 7,
        _ => return None,
    })
}

fn shift(b: Date, sign: i8, n: u32, unit: Unit) -> Option<Date> {
    let n = i64::from(n) * i64::from(sign);
    match unit {
        Unit::Minute => Some(b),
        Unit::Hour => add_days(b, n / 24),
        Unit::Month => add_months(b, i32::try_from(n).ok()?),
        Unit::Quarter => add_months(b, i32::try_from(n * 3).ok()?),
        Unit::Year => add_months(b, i32::try_from(n * 12).ok()?),
        Unit::Century => add_months(b, i32::try_from(n * 1200).ok()?),
        u => add_days(b, n * unit_days(u)?),
    }
}

fn offset(b: Date, sign: i8, min: u32, max: u32, unit: Unit) -> Option<Iv> {
    let a = shift(b, sign, min, unit)?;
    let z = shift(b, sign, max, unit)?;
    let mut iv = Iv::new(a.min(z), a.max(z), Grain::Day);
    iv.min_precision = match unit {
        Unit::Minute | Unit::Hour | Unit::Day => 1,
        Unit::Week | Unit::Weekend => 2,
        _ => 3,
    };
    Some(iv)
}

fn monday(d: Date) -> Option<Date> {
    add_days(d, -i64::from(wd(d) - 1))
}

fn period(b: Date, unit: Unit, offset: i32, prefer: Prefer) -> Option<Iv> {
    match unit {
        Unit::Minute | Unit::Hour | Unit::Day => add_days(b, i64::from(offset)).map(Iv::day),
        Unit::Week => {
            let s = add_days(monday(b)?, 7 * i64::from(offset))?;
            Some(Iv::new(s, add_days(s, 6)?, Grain::Week))
        }
        Unit::Weekend => {
            // the weekend containing b; else the one before (past) or after (future)
            let sat = add_days(monday(b)?, 5)?;
            let in_weekend = wd(b) >= 6;
            let s = match offset {
                0 if in_weekend => sat,
                0 => match prefer {
                    Prefer::Past => add_days(sat, -7)?,
                    Prefer::Future => sat,
                },
                o if o < 0 => add_days(sat, 7 * i64::from(o))?,
                o => add_days(
                    if in_weekend { add_days(sat, 7)? } else { sat },
                    7 * i64::from(o - 1),
                )?,
            };
            Some(Iv::new(s, add_days(s, 1)?, Grain::Week))
        }
        Unit::Month => {
            let s = month_start(i32::from(b.year()), i32::from(b.month()), offset)?;
            Some(Iv::new(s, s.last_of_month(), Grain::Month))
        }
        Unit::Quarter => {
            let q0 = (i32::from(b.month()) - 1) / 3 * 3 + 1;
            let s = month_start(i32::from(b.year()), q0, 3 * offset)?;
            let e = add_months(s, 2)?.last_of_month();
            Some(Iv::new(s, e, Grain::Quarter))
        }
        Unit::Year => {
            let s = ymd(i32::from(b.year()) + offset, 1, 1)?;
            Some(Iv::new(s, s.last_of_year(), Grain::Year))
        }
        Unit::Century => {
            let y = (i32::from(b.year()).div_euclid(100) + offset) * 100;
            Some(Iv::new(ymd(y, 1, 1)?, ymd(y + 99, 12, 31)?, Grain::Year))
        }
    }
}

/// Meteorological seasons: spring March–May, summer June–August, autumn
/// September–November, winter December of the year to February of the next.
fn season_bounds(season: u8, y: i32) -> Option<(Date, Date)> {
    let (m, y2, m2) = match season {
        0 => (3, y, 5),
        1 => (6, y, 8),
        2 => (9, y, 11),
        _ => (12, y + 1, 2),
    };
    Some((ymd(y, m, 1)?, ymd(y2, m2, 1)?.last_of_month()))
}

fn season_iv(season: u8, year: Option<i16>, rel: Rel, cx: &Cx) -> Option<Iv> {
    let y = match year {
        Some(y) => i32::from(y),
        None => {
            let r = cx.reference?;
            let ry = i32::from(r.year());
            let cands: Vec<(i32, Date, Date)> = ((ry - 3)..=(ry + 2))
                .filter_map(|y| season_bounds(season, y).map(|(s, e)| (y, s, e)))
                .collect();
            // "cet été", "this summer": the one under way, else the one in the
            // preferred direction unless the other is less than half as far
            // ("this summer" in March is the coming one, in January the last)
            let gap = |c: &&(i32, Date, Date)| {
                if c.2 < r {
                    days_between(c.2, r)
                } else if c.1 > r {
                    days_between(r, c.1)
                } else {
                    0
                }
            };
            let pick = match rel {
                Rel::This => {
                    let back = cands.iter().rev().find(|c| c.1 <= r);
                    let fwd = cands.iter().find(|c| c.2 >= r);
                    let (pref, other) = match cx.prefer {
                        Prefer::Past => (back, fwd),
                        Prefer::Future => (fwd, back),
                    };
                    match (pref, other) {
                        (Some(p), Some(o)) if 2 * gap(&o) < gap(&p) => Some(o),
                        (p, o) => p.or(o),
                    }
                }
                Rel::Last | Rel::Previous => cands.iter().rev().find(|c| c.2 < r),
                Rel::Next | Rel::Following => cands.iter().find(|c| c.1 > r),
                _ => match cx.prefer {
                    Prefer::Past => cands.iter().rev().find(|c| c.1 <= r),
                    Prefer::Future => cands.iter().find(|c| c.2 >= r),
                },
            };
            pick?.0
        }
    };
    let (s, e) = season_bounds(season, y)?;
    Some(Iv::new(s, e, Grain::Season))
}

/// Début / mi / fin: months split 1–10, 11–20, 21–end; years into
/// January–April, May–August, September–December; seasons and quarters by
/// month; weeks Monday–Tuesday, Wednesday–Thursday, Friday–Sunday; other
/// spans into thirds of their days.
fn apply_modifier(i: Iv, m: Modifier) -> Iv {
    let third = |i: Iv| -> Option<(Date, Date)> {
        match i.grain {
            Grain::Month => {
                let y = i32::from(i.start.year());
                let mo = i32::from(i.start.month());
                Some(match m {
                    Modifier::Start => (i.start, ymd(y, mo, 10)?),
                    Modifier::Mid => (ymd(y, mo, 11)?, ymd(y, mo, 20)?),
                    Modifier::End => (ymd(y, mo, 21)?, i.start.last_of_month()),
                })
            }
            // decades and centuries: thirds of their years
            Grain::Year if i.start.year() != i.end.year() => {
                let (y0, y1) = (i32::from(i.start.year()), i32::from(i.end.year()));
                let t = ((y1 - y0 + 1) / 3).max(1);
                let (a, b) = match m {
                    Modifier::Start => (y0, y0 + t - 1),
                    Modifier::Mid => (y0 + t, y1 - t),
                    Modifier::End => (y1 - t + 1, y1),
                };
                Some((ymd(a, 1, 1)?, ymd(b, 12, 31)?))
            }
            Grain::Year | Grain::Season | Grain::Quarter => {
                let months = if i.grain == Grain::Year { 4 } else { 1 };
                let k = match m {
                    Modifier::Start => 0,
                    Modifier::Mid => 1,
                    Modifier::End => 2,
                };
                let s = add_months(i.start, k * months)?;
                let e = add_months(s, months - 1)?.last_of_month();
                Some((s, e))
            }
            Grain::Week if days_between(i.start, i.end) == 6 => {
                // Monday–Tuesday, Wednesday–Thursday, Friday–Sunday
                let s = i.start;
                Some(match m {
                    Modifier::Start => (s, add_days(s, 1)?),
                    Modifier::Mid => (add_days(s, 2)?, add_days(s, 3)?),
                    Modifier::End => (add_days(s, 4)?, i.end),
                })
            }
            _ => {
                let len = days_between(i.start, i.end) + 1;
                let t = (len / 3).max(1);
                let s = i.start;
                Some(match m {
                    Modifier::Start => (s, add_days(s, t - 1)?),
                    Modifier::Mid => (add_days(s, t)?, add_days(i.end, -t)?),
                    Modifier::End => (add_days(i.end, -t + 1)?, i.end),
                })
            }
        }
    };
    match i.grain {
        Grain::Day => Iv {
            modifier: Some(m),
            ..i
        },
        _ => match third(i) {
            Some((s, e)) if s <= e => Iv {
                start: s,
                end: e,
                modifier: Some(m),
                ..i
            },
            _ => Iv {
                modifier: Some(m),
                ..i
            },
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_arithmetic_crosses_months_years_and_leap_days() {
        let d = |y, m, d| ymd(y, m, d).unwrap_or_default();
        assert_eq!(add_days(d(2024, 2, 28), 1), Some(d(2024, 2, 29)));
        assert_eq!(add_days(d(2023, 12, 31), 1), Some(d(2024, 1, 1)));
        assert_eq!(add_days(d(2024, 3, 1), -1), Some(d(2024, 2, 29)));
        assert_eq!(days_between(d(2023, 1, 1), d(2024, 1, 1)), 365);
        assert_eq!(days_between(d(2024, 1, 1), d(2023, 1, 1)), -365);
        assert_eq!(add_days(d(9999, 12, 31), 1), None);
    }
}
