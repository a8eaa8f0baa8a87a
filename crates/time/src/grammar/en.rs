//! English word order: month before day ("Jan. 28, 2024") or day before
//! month ("28 January 2024"), direction words before the noun ("last week",
//! "next Sunday"), numeric dates month first ("01/28/2024").

use super::{
    Cx, Grammar, Parsed, day_dash_day_month, holiday, longest, month, period, quarter, season,
    to_date, two_digit_year, with_part_post, year,
};
use crate::expr::{Expr, Rel};
use crate::lexicon::Role;

pub(crate) struct English;

impl Grammar for English {
    fn simple(&self, cx: &Cx, i: usize, bare: bool) -> Option<Parsed> {
        longest([
            weekday_date(cx, i),
            month_day(cx, i),
            day_of_month(cx, i),
            month(cx, i, bare, true),
            year(cx, i, bare),
            season(cx, i, bare),
            quarter(cx, i),
            period(cx, i, true),
            to_date(cx, i),
            holiday(cx, i, true),
            day_only(cx, i),
        ])
    }
    fn month_first(&self) -> bool {
        true
    }
    fn prenominal_dates(&self) -> bool {
        true
    }
}

/// "[last|next|this] Sunday [night] [, Jan. 7[, 2024]]".
fn weekday_date(cx: &Cx, i: usize) -> Option<Parsed> {
    // "the following Friday", "the previous Monday": counted from the event told
    let i0 = cx
        .has_role(i, Role::Det)
        .filter(|&k| matches!(cx.rel(k), Some((Rel::Previous | Rel::Following, _))))
        .unwrap_or(i);
    let (rel, j) = match cx.rel(i0) {
        Some((r @ (Rel::Last | Rel::Next | Rel::This | Rel::Previous | Rel::Following), k)) => {
            (if r == Rel::This { Rel::None } else { r }, k)
        }
        _ => (Rel::None, i),
    };
    // "Fri, Jul 18": an abbreviation without its period only before a date
    let (w, e, loose) = match cx.weekday(j) {
        Some((w, e)) => (w, e, false),
        None => {
            let (w, e) = cx.weekday_loose(j)?;
            (w, e, true)
        }
    };
    let p = with_part_post(
        cx,
        Parsed::new(i, e, Expr::Weekday { weekday: w, rel }, "weekday"),
    );
    let k = if cx.punct(p.end, ",") {
        p.end + 1
    } else {
        p.end
    };
    let k = cx.has_role(k, Role::Det).unwrap_or(k);
    if let Some(d) = longest([month_day(cx, k), day_of_month(cx, k)])
        && let Expr::Date {
            year, month, day, ..
        } = d.expr
    {
        let expr = Expr::Date {
            year,
            month,
            day,
            weekday: Some(w),
            rel: Rel::None,
        };
        return Some(Parsed {
            start: i,
            expr,
            part: d.part.or(p.part),
            rule: "weekday_date",
            ..d
        });
    }
    // "Tuesday the 19th", "Thu 15th": a day with its suffix, before no word
    if let Some((day, e)) = cx.day(k)
        && rel == Rel::None
        && cx.tok(k).is_some_and(|t| t.num().is_some())
        && e == k + 2
        && !cx.content_word(e)
    {
        let expr = Expr::DayOfMonth {
            day,
            weekday: Some(w),
        };
        return Some(Parsed::new(i, e, expr, "weekday_day"));
    }
    (!loose).then_some(p)
}

/// "Jan. 28", "January 28, 2024", "Jan. 20-25", "March 5th".
fn month_day(cx: &Cx, i: usize) -> Option<Parsed> {
    let (m, e) = cx.month(i)?;
    let (d, e) = cx.day(e)?;
    if cx.glued_punct(e, "-")
        && let Some((d2, e2)) = cx.day(e + 1)
    {
        let (year, e3) = cx.opt_year(e2);
        let from = Expr::Date {
            year,
            month: m,
            day: d,
            weekday: None,
            rel: Rel::None,
        };
        let to = Expr::Date {
            year,
            month: m,
            day: d2,
            weekday: None,
            rel: Rel::None,
        };
        return Some(Parsed::new(
            i,
            e3,
            Expr::Range {
                from: Box::new(from),
                to: Box::new(to),
            },
            "range",
        ));
    }
    // "Jan. 5 2,000 people": a count, not a year, follows
    let (year, e) = cx.opt_year(e);
    let expr = Expr::Date {
        year,
        month: m,
        day: d,
        weekday: None,
        rel: Rel::None,
    };
    Some(with_part_post(cx, Parsed::new(i, e, expr, "date")))
}

/// "28 January 2024", "the 28th of January", "07-Aug-85", "4-9 March".
fn day_of_month(cx: &Cx, i: usize) -> Option<Parsed> {
    let j = cx.has_role(i, Role::Det).unwrap_or(i);
    let (d, e) = cx.day(j)?;
    if let Some(r) = day_dash_day_month(cx, j, d, e) {
        return Some(r);
    }
    // "07-Aug-85", "7-Aug-2019"
    if cx.glued_punct(e, "-")
        && let Some((m, e2)) = cx.month_after_day(e + 1)
        && cx.glued_punct(e2, "-")
        && let Some((v, digits @ (2 | 4))) =
            cx.tok(e2 + 1).filter(|t| t.glued).and_then(|t| t.num())
    {
        let year = if digits == 2 {
            two_digit_year(v)
        } else {
            v as i16
        };
        let expr = Expr::Date {
            year: Some(year),
            month: m,
            day: d,
            weekday: None,
            rel: Rel::None,
        };
        return Some(Parsed::new(j, e2 + 2, expr, "date"));
    }
    let e = cx.has_role(e, Role::Of).unwrap_or(e);
    let (m, e) = cx.month(e)?;
    let (year, e) = match cx.opt_year(e) {
        (None, e) => cx.short_year(e).map_or((None, e), |(y, x)| (Some(y), x)),
        found => found,
    };
    let expr = Expr::Date {
        year,
        month: m,
        day: d,
        weekday: None,
        rel: Rel::None,
    };
    Some(with_part_post(cx, Parsed::new(j, e, expr, "date")))
}

/// "on the 15th": a day of the month whose month is left to resolution. Needs
/// "on the", an ordinal suffix and nothing but punctuation after it ("on the
/// 3rd floor" is not a date).
fn day_only(cx: &Cx, i: usize) -> Option<Parsed> {
    if cx.tok(i)?.key != "on" || cx.tok(i + 1)?.key != "the" {
        return None;
    }
    let j = i + 2;
    cx.tok(j)?.num()?;
    let (d, e) = cx.day(j)?;
    if e != j + 2
        || cx
            .tok(e)
            .is_some_and(|n| n.kind != crate::token::TokKind::Punct)
    {
        return None;
    }
    Some(Parsed::new(
        j,
        e,
        Expr::DayOfMonth {
            day: d,
            weekday: None,
        },
        "day_of_month",
    ))
}
