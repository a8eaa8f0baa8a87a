//! French word order: day before month ("7 janvier 2024"), direction words
//! after the noun ("lundi dernier", "la semaine dernière"), numeric dates day
//! first ("07/01/2024").

use super::{
    Cx, Grammar, Parsed, day_dash_day_month, holiday, longest, month, period, quarter, season,
    to_date, with_part_post, year,
};
use crate::expr::{Expr, Rel};
use crate::lexicon::Role;
use crate::token::TokKind;

pub(crate) struct French;

impl Grammar for French {
    fn simple(&self, cx: &Cx, i: usize, bare: bool) -> Option<Parsed> {
        longest([
            weekday_date(cx, i),
            day_month(cx, i),
            month(cx, i, bare, false),
            year(cx, i, bare),
            season(cx, i, bare),
            quarter(cx, i),
            period(cx, i, false),
            to_date(cx, i),
            holiday(cx, i, false),
        ])
    }
    fn month_first(&self) -> bool {
        false
    }
}

/// "dernier" / "prochain" after a day or weekday.
fn rel_after(cx: &Cx, e: usize) -> (Rel, usize) {
    match cx.rel(e) {
        Some((r @ (Rel::Last | Rel::Next), x)) => (r, x),
        _ => (Rel::None, e),
    }
}

/// "[ce] dimanche [dernier] [soir] [, le] [7 janvier [2024]] [au soir]".
fn weekday_date(cx: &Cx, i: usize) -> Option<Parsed> {
    let j = cx.has_role(i, Role::Demo).unwrap_or(i);
    let (w, e) = cx.weekday(j)?;
    // "vendredi suivant", "le mardi précédent": counted from the event told
    let (rel, e) = match cx.rel(e) {
        Some((r @ (Rel::Previous | Rel::Following), x)) => (r, x),
        _ => rel_after(cx, e),
    };
    let mut p = with_part_post(
        cx,
        Parsed::new(i, e, Expr::Weekday { weekday: w, rel }, "weekday"),
    );
    // "mardi soir dernier"
    if rel == Rel::None
        && p.part.is_some()
        && let (r @ (Rel::Last | Rel::Next), x) = rel_after(cx, p.end)
    {
        p.expr = Expr::Weekday { weekday: w, rel: r };
        p.end = x;
    }
    let k = if cx.punct(p.end, ",") {
        p.end + 1
    } else {
        p.end
    };
    let k = cx.skip_det(k);
    if let Some(d) = day_month(cx, k)
        && let Expr::Date {
            year,
            month,
            day,
            rel: drel,
            ..
        } = d.expr
    {
        let expr = Expr::Date {
            year,
            month,
            day,
            weekday: Some(w),
            rel: drel,
        };
        return Some(Parsed {
            start: i,
            expr,
            part: d.part.or(p.part),
            rule: "weekday_date",
            ..d
        });
    }
    // "dimanche 7", "lundi 8 au soir": the month is left to resolution; only
    // before punctuation, a part of the day or the end, not "lundi 8 soldats"
    if let (Some(t), Some((day, e))) = (cx.tok(k), cx.day(k)) {
        let free =
            cx.tok(e).is_none_or(|n| n.kind == TokKind::Punct) || cx.part(e, false).is_some();
        if t.num().is_some() && free && rel == Rel::None {
            let expr = Expr::DayOfMonth {
                day,
                weekday: Some(w),
            };
            let q = with_part_post(cx, Parsed::new(i, e, expr, "weekday_day"));
            return Some(Parsed {
                part: q.part.or(p.part),
                ..q
            });
        }
    }
    Some(p)
}

/// "7 janvier [2024] [dernier] [au soir]", "1er mai", "7-8 janvier".
fn day_month(cx: &Cx, i: usize) -> Option<Parsed> {
    let (d, e) = cx.day(i)?;
    if let Some(r) = day_dash_day_month(cx, i, d, e) {
        return Some(r);
    }
    // "le 7-Octobre"
    let e = if cx.glued_punct(e, "-") && cx.month(e + 1).is_some() {
        e + 1
    } else {
        e
    };
    // after a day, an abbreviation needs no period: "12 déc", "3 fev 2019"
    let (m, e) = cx.month_after_day(e)?;
    let (year, e) = match cx.year(e).or_else(|| cx.short_year(e)) {
        Some((y, x)) => (Some(y), x),
        None => (None, e),
    };
    let (rel, e) = if year.is_none() {
        rel_after(cx, e)
    } else {
        (Rel::None, e)
    };
    let expr = Expr::Date {
        year,
        month: m,
        day: d,
        weekday: None,
        rel,
    };
    Some(with_part_post(cx, Parsed::new(i, e, expr, "date")))
}
