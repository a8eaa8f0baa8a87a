//! Resolution of an [`Expr`] to an interval of calendar days.

use jiff::civil::Date;

use crate::expr::{Base, Expr, Modifier, Rel, Unit};
use crate::{Grain, Prefer, ResolveContext, TimeValue};

/// Days since 1970-01-01 (proleptic Gregorian).
pub(crate) fn dn(d: Date) -> i64 {
    let (y, m, day) = (
        i64::from(d.year()),
        i64::from(d.month()),
        i64::from(d.day()),
    );
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

pub(crate) fn from_dn(n: i64) -> Option<Date> {
    let z = n + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = if m <= 2 { y + 1 } else { y };
    Date::new(i16::try_from(y).ok()?, m as i8, d as i8).ok()
}

fn add_days(d: Date, n: i64) -> Option<Date> {
    from_dn(dn(d) + n)
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
    let len = dn(end) - dn(start) + 1;
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
            let pick = match (weekday, cx.prefer) {
                // with a weekday, the nearest agreeing day, ties to the preference
                (Some(_), p) => match (a, b) {
                    (Some(x), Some(y)) => {
                        let (dx, dy) = (dn(r) - dn(x), dn(y) - dn(r));
                        if dx < dy || (dx == dy && p == Prefer::Past) {
                            Some(x)
                        } else {
                            Some(y)
                        }
                    }
                    (x, y) => x.or(y),
                },
                (None, Prefer::Past) => a,
                (None, Prefer::Future) => b,
            };
            pick.map(Iv::day)
        }
        Expr::Range { ref from, ref to } => {
            let f = go(from, cx)?;
            let later = Cx {
                reference: Some(f.start),
                anchor: cx.anchor,
                prefer: Prefer::Future,
            };
            let t = go(to, &later)
                .filter(|t| t.end >= f.start)
                .or_else(|| go(to, cx))?;
            Some(Iv::new(f.start, t.end.max(f.start), f.grain))
        }
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
                let d0 = dn(first) + i64::from((weekday + 7 - wd(first)) % 7);
                from_dn(d0 + 7 * i64::from(n - 1))?
            } else {
                let last = m.end;
                from_dn(dn(last) - i64::from((wd(last) + 7 - weekday) % 7))?
            };
            (day <= m.end).then(|| Iv::day(day))
        }
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
                    let mid = dn(i.start) + (dn(i.end) - dn(i.start) + 1) / 2;
                    if half == 1 {
                        (i.start, from_dn(mid - 1)?)
                    } else {
                        (from_dn(mid)?, i.end)
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
    let rn = dn(r);
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
            let dist = (dn(c) - rn).abs();
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
            let pick = match rel {
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
            Grain::Week if dn(i.end) - dn(i.start) == 6 => {
                // Monday–Tuesday, Wednesday–Thursday, Friday–Sunday
                let s = dn(i.start);
                Some(match m {
                    Modifier::Start => (i.start, from_dn(s + 1)?),
                    Modifier::Mid => (from_dn(s + 2)?, from_dn(s + 3)?),
                    Modifier::End => (from_dn(s + 4)?, i.end),
                })
            }
            _ => {
                let len = dn(i.end) - dn(i.start) + 1;
                let t = (len / 3).max(1);
                let s = dn(i.start);
                Some(match m {
                    Modifier::Start => (i.start, from_dn(s + t - 1)?),
                    Modifier::Mid => (from_dn(s + t)?, from_dn(dn(i.end) - t)?),
                    Modifier::End => (from_dn(dn(i.end) - t + 1)?, i.end),
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
    fn day_numbers_round_trip() {
        for (y, m, d) in [
            (1970, 1, 1),
            (2024, 2, 29),
            (2000, 3, 1),
            (1999, 12, 31),
            (2100, 1, 1),
        ] {
            let Some(date) = ymd(y, m, d) else {
                panic!("bad date {y}-{m}-{d}")
            };
            assert_eq!(from_dn(dn(date)), Some(date));
        }
        assert_eq!(dn(ymd(1970, 1, 2).unwrap_or_default()), 1);
    }
}
