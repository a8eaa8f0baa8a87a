//! Movable holidays: the days a holiday falls on in a given Gregorian year.
//! Easter by the Gregorian computus; Islamic (Umm al-Qura), Hebrew and
//! Persian dates through `icu_calendar`, not hand-written arithmetic.

use icu_calendar::cal::{Hebrew, Hijri, Persian};
use icu_calendar::types::Month;
use icu_calendar::{Date as IcuDate, Iso};
use jiff::civil::Date;

use crate::expr::{Calendar, Holiday};

/// Every occurrence `(first day, last day)` of a holiday that begins in
/// Gregorian year `year`.
pub(crate) fn occurrences(h: Holiday, year: i16) -> Vec<(Date, Date)> {
    let Holiday {
        calendar: cal,
        month,
        day,
        len,
        weekday,
    } = h;
    if cal == Calendar::Weekday {
        return nth_weekday(year, month, day, weekday)
            .map(|d| (d, d))
            .into_iter()
            .collect();
    }
    occurrences_of(cal, month, day, len, year)
}

/// The `n`th (-1: last) `weekday` (1 = Monday) of a Gregorian month.
fn nth_weekday(year: i16, month: u8, n: i16, weekday: u8) -> Option<Date> {
    let first = Date::new(year, month as i8, 1).ok()?;
    let wd = |d: Date| i64::from(d.weekday().to_monday_one_offset());
    let w = i64::from(weekday);
    let d = if n > 0 {
        let skip = (w - wd(first)).rem_euclid(7) + 7 * (i64::from(n) - 1);
        first.checked_add(jiff::Span::new().days(skip)).ok()?
    } else {
        let last = first.last_of_month();
        last.checked_sub(jiff::Span::new().days((wd(last) - w).rem_euclid(7)))
            .ok()?
    };
    (d.month() == first.month()).then_some(d)
}

fn occurrences_of(cal: Calendar, month: u8, day: i16, len: u8, year: i16) -> Vec<(Date, Date)> {
    let starts: Vec<(Date, Option<Date>)> = match cal {
        Calendar::Gregorian | Calendar::Weekday => Date::new(year, month as i8, day as i8)
            .ok()
            .map(|d| (d, None))
            .into_iter()
            .collect(),
        Calendar::Easter => easter(year)
            .and_then(|e| e.checked_add(jiff::Span::new().days(i64::from(day))).ok())
            .map(|d| (d, None))
            .into_iter()
            .collect(),
        Calendar::Hijri | Calendar::Hebrew | Calendar::Persian => {
            let first = native_year(cal, year).unwrap_or(0);
            (first..=first + 1)
                .filter_map(|y| {
                    let d = u8::try_from(day).ok()?.max(1);
                    let start = to_jiff(&native(cal, y, month, d)?)?;
                    let month_end = if len == 0 {
                        let (ny, nm) = next_month(y, month);
                        Some(to_jiff(&native(cal, ny, nm, 1)?)?.yesterday().ok()?)
                    } else {
                        None
                    };
                    Some((start, month_end))
                })
                .filter(|(s, _)| s.year() == year)
                .collect()
        }
    };
    starts
        .into_iter()
        .filter_map(|(s, whole)| {
            let end = match whole {
                Some(e) => e,
                None => s
                    .checked_add(jiff::Span::new().days(i64::from(len.max(1)) - 1))
                    .ok()?,
            };
            Some((s, end))
        })
        .collect()
}

/// Easter Sunday of a Gregorian year (the anonymous Gregorian computus).
pub(crate) fn easter(year: i16) -> Option<Date> {
    let y = i32::from(year);
    let (a, b, c) = (y % 19, y / 100, y % 100);
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::new(year, month as i8, day as i8).ok()
}

/// The year of `cal` in which 1 January of Gregorian `year` falls.
fn native_year(cal: Calendar, year: i16) -> Option<i32> {
    let jan1 = IcuDate::try_new_iso(i32::from(year), 1, 1).ok()?;
    Some(match cal {
        Calendar::Hijri => jan1
            .to_calendar(Hijri::new_umm_al_qura())
            .year()
            .extended_year(),
        Calendar::Hebrew => jan1.to_calendar(Hebrew).year().extended_year(),
        Calendar::Persian => jan1.to_calendar(Persian).year().extended_year(),
        Calendar::Gregorian | Calendar::Easter | Calendar::Weekday => i32::from(year),
    })
}

/// A day of `cal`, as an ISO date. Hebrew months are numbered by their month
/// code (1 Tishri … 7 Nisan), so Adar and Adar I share 6.
fn native(cal: Calendar, y: i32, month: u8, day: u8) -> Option<IcuDate<Iso>> {
    match cal {
        Calendar::Hijri => {
            IcuDate::try_new_hijri_with_calendar(y, month, day, Hijri::new_umm_al_qura())
                .ok()
                .map(|d| d.to_calendar(Iso))
        }
        Calendar::Hebrew => IcuDate::try_new_hebrew_v2(y, Month::new(month), day)
            .ok()
            .map(|d| d.to_calendar(Iso)),
        Calendar::Persian => IcuDate::try_new_persian(y, month, day)
            .ok()
            .map(|d| d.to_calendar(Iso)),
        Calendar::Gregorian | Calendar::Easter | Calendar::Weekday => {
            IcuDate::try_new_iso(y, month, day).ok()
        }
    }
}

/// The month after `month` (whole-month holidays: Ramadan).
fn next_month(y: i32, month: u8) -> (i32, u8) {
    if month >= 12 {
        (y + 1, 1)
    } else {
        (y, month + 1)
    }
}

fn to_jiff(d: &IcuDate<Iso>) -> Option<Date> {
    Date::new(
        i16::try_from(d.year().extended_year()).ok()?,
        i8::try_from(d.month().ordinal).ok()?,
        i8::try_from(d.day_of_month().0).ok()?,
    )
    .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn easter_sundays_of_known_years() {
        for (y, m, d) in [
            (2024, 3, 31),
            (2025, 4, 20),
            (2019, 4, 21),
            (2000, 4, 23),
            (2038, 4, 25),
        ] {
            assert_eq!(easter(y), Date::new(y, m, d).ok(), "{y}");
        }
    }

    #[test]
    fn islamic_hebrew_and_persian_days_in_a_gregorian_year() {
        let d = |y, m, day| Date::new(y, m, day).unwrap_or_default();
        let h = |calendar, month, day, len| Holiday {
            calendar,
            month,
            day,
            len,
            weekday: if calendar == Calendar::Weekday { 4 } else { 0 },
        };
        let cases = [
            // Eid al-Fitr 1445 (Umm al-Qura)
            (h(Calendar::Hijri, 10, 1, 1), d(2024, 4, 10), d(2024, 4, 10)),
            // Ramadan 1445, the whole month
            (h(Calendar::Hijri, 9, 0, 0), d(2024, 3, 11), d(2024, 4, 9)),
            // Yom Kippur 5785
            (
                h(Calendar::Hebrew, 1, 10, 1),
                d(2024, 10, 12),
                d(2024, 10, 12),
            ),
            // Nowruz 1403
            (
                h(Calendar::Persian, 1, 1, 1),
                d(2024, 3, 20),
                d(2024, 3, 20),
            ),
            // the fourth and the last Thursday of November 2024
            (
                h(Calendar::Weekday, 11, 4, 1),
                d(2024, 11, 28),
                d(2024, 11, 28),
            ),
            (
                h(Calendar::Weekday, 11, -1, 1),
                d(2024, 11, 28),
                d(2024, 11, 28),
            ),
            // Good Friday 2024
            (
                h(Calendar::Easter, 0, -2, 1),
                d(2024, 3, 29),
                d(2024, 3, 29),
            ),
        ];
        for (hol, s, e) in cases {
            assert_eq!(occurrences(hol, 2024), vec![(s, e)], "{hol:?}");
        }
    }
}
