//! The few Python semantics that `score.py` relies on, reproduced on JSON
//! values: truthiness, `str()`, `==` between JSON-loaded objects, `int()`,
//! `float()`, `str.strip()`/`split()` whitespace and `date.fromisoformat`
//! (CPython 3.11+ rules).
//!
//! Invariant: every function here is total (no panics) on any JSON value.

use serde_json::Value;

/// Python's `bool(x)` for a JSON-loaded object.
pub(crate) fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
    }
}

/// `a or b` on optional values (a missing key is Python's `None`).
pub(crate) fn or<'a>(a: Option<&'a Value>, b: Option<&'a Value>) -> Option<&'a Value> {
    match a {
        Some(v) if truthy(v) => Some(v),
        _ => b,
    }
}

/// Python's `str.isspace()` for one character (what `strip()` and `split()` use).
pub(crate) fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// Python's `repr()` of a float.
pub(crate) fn float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    // Shortest round-trip digits, as Python's repr uses.
    let sci = format!("{x:e}");
    let (mant, exp) = match sci.split_once('e') {
        Some((m, e)) => (m, e.parse::<i32>().unwrap_or(0)),
        None => (sci.as_str(), 0),
    };
    let (neg, mant) = match mant.strip_prefix('-') {
        Some(m) => (true, m),
        None => (false, mant),
    };
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let sign = if neg { "-" } else { "" };
    if (-4..16).contains(&exp) {
        let point = exp + 1; // position of the decimal point in `digits`
        let body = if point <= 0 {
            format!("0.{}{}", "0".repeat((-point) as usize), digits)
        } else if point as usize >= digits.len() {
            format!("{}{}.0", digits, "0".repeat(point as usize - digits.len()))
        } else {
            format!(
                "{}.{}",
                &digits[..point as usize],
                &digits[point as usize..]
            )
        };
        format!("{sign}{body}")
    } else {
        let m = if digits.len() > 1 {
            format!("{}.{}", &digits[..1], &digits[1..])
        } else {
            digits.clone()
        };
        let esign = if exp < 0 { '-' } else { '+' };
        format!("{sign}{m}e{esign}{:02}", exp.abs())
    }
}

fn number_str(n: &serde_json::Number) -> String {
    if n.is_i64() || n.is_u64() {
        n.to_string()
    } else {
        float_repr(n.as_f64().unwrap_or(f64::NAN))
    }
}

/// Python's `repr()` of a string (quote choice and the common escapes).
fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// Python's `repr()` of a JSON-loaded object.
fn repr(v: &Value) -> String {
    match v {
        Value::String(s) => str_repr(s),
        Value::Array(a) => {
            let items: Vec<String> = a.iter().map(repr).collect();
            format!("[{}]", items.join(", "))
        }
        Value::Object(o) => {
            let items: Vec<String> = o
                .iter()
                .map(|(k, v)| format!("{}: {}", str_repr(k), repr(v)))
                .collect();
            format!("{{{}}}", items.join(", "))
        }
        other => py_str(other),
    }
}

/// Python's `str()` of a JSON-loaded object.
pub(crate) fn py_str(v: &Value) -> String {
    match v {
        Value::Null => "None".into(),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        Value::Number(n) => number_str(n),
        Value::String(s) => s.clone(),
        Value::Array(_) | Value::Object(_) => repr(v),
    }
}

/// `str()` of an optional value (a missing key is `None`).
pub(crate) fn py_str_opt(v: Option<&Value>) -> String {
    v.map_or_else(|| "None".into(), py_str)
}

fn as_num(v: &Value) -> Option<f64> {
    match v {
        Value::Bool(b) => Some(if *b { 1.0 } else { 0.0 }),
        Value::Number(n) => n.as_f64(),
        _ => None,
    }
}

/// Python's `==` between two JSON-loaded objects (numbers and booleans
/// compare by value: `2 == 2.0`, `True == 1`).
pub(crate) fn py_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Null, Value::Null) => true,
        (Value::String(x), Value::String(y)) => x == y,
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| py_eq(p, q))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, p)| y.get(k).is_some_and(|q| py_eq(p, q)))
        }
        (Value::Number(x), Value::Number(y)) => {
            match (x.as_i64(), y.as_i64(), x.as_u64(), y.as_u64()) {
                (Some(p), Some(q), _, _) => p == q,
                (_, _, Some(p), Some(q)) => p == q,
                _ => x.as_f64() == y.as_f64(),
            }
        }
        _ => match (as_num(a), as_num(b)) {
            (Some(x), Some(y)) => x == y,
            _ => false,
        },
    }
}

/// Strips Python whitespace and removes `_` between digits, as `int()` and
/// `float()` accept; `None` when an underscore is misplaced.
fn strip_underscores(s: &str) -> Option<String> {
    let t = s.trim_matches(is_py_space);
    let chars: Vec<char> = t.chars().collect();
    let mut out = String::with_capacity(t.len());
    for (i, &c) in chars.iter().enumerate() {
        if c == '_' {
            let prev = i.checked_sub(1).and_then(|j| chars.get(j));
            let next = chars.get(i + 1);
            if !(prev.is_some_and(|p| p.is_ascii_digit())
                && next.is_some_and(|n| n.is_ascii_digit()))
            {
                return None;
            }
        } else {
            out.push(c);
        }
    }
    Some(out)
}

/// Python's `int(x)`; `None` where Python raises TypeError or ValueError.
pub(crate) fn py_int(v: &Value) -> Option<i64> {
    match v {
        Value::Bool(b) => Some(i64::from(*b)),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                Some(i)
            } else if let Some(u) = n.as_u64() {
                i64::try_from(u).ok()
            } else {
                let f = n.as_f64()?;
                if f.is_finite() && f.abs() < 9.2e18 {
                    Some(f.trunc() as i64)
                } else {
                    None
                }
            }
        }
        Value::String(s) => {
            let t = strip_underscores(s)?;
            let (neg, digits) = match t.strip_prefix('-') {
                Some(d) => (true, d),
                None => (false, t.strip_prefix('+').unwrap_or(&t)),
            };
            if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
                return None;
            }
            let n: i64 = digits.parse().ok()?;
            Some(if neg { -n } else { n })
        }
        _ => None,
    }
}

/// Python's `float(x)`; `None` where Python raises TypeError or ValueError.
pub(crate) fn py_float(v: &Value) -> Option<f64> {
    match v {
        Value::Bool(b) => Some(if *b { 1.0 } else { 0.0 }),
        Value::Number(n) => n.as_f64(),
        Value::String(s) => {
            let t = strip_underscores(s)?;
            let lower = t.to_ascii_lowercase();
            let body = lower.trim_start_matches(['+', '-']);
            if matches!(body, "inf" | "infinity" | "nan") {
                return t.parse::<f64>().ok().or_else(|| {
                    let neg = t.starts_with('-');
                    let x = if body == "nan" {
                        f64::NAN
                    } else {
                        f64::INFINITY
                    };
                    Some(if neg { -x } else { x })
                });
            }
            if !t
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-'))
            {
                return None;
            }
            t.parse::<f64>().ok()
        }
        _ => None,
    }
}

/// A calendar day as a count of days since 0001-01-01 (proleptic Gregorian,
/// Python's `date.toordinal() - 1`).
pub(crate) type Day = i64;

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i64, m: i64) -> i64 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if is_leap(y) => 29,
        _ => 28,
    }
}

fn days_before_year(y: i64) -> i64 {
    let y1 = y - 1;
    y1 * 365 + y1 / 4 - y1 / 100 + y1 / 400
}

/// Day number of a valid (year, month, day).
pub(crate) fn ymd_to_day(y: i64, m: i64, d: i64) -> Day {
    let before_month: i64 = (1..m).map(|mm| days_in_month(y, mm)).sum();
    days_before_year(y) + before_month + d - 1
}

/// (year, month, day) of a day number.
pub(crate) fn day_to_ymd(day: Day) -> (i64, i64, i64) {
    // Walk from an estimate; days are within a few thousand years.
    let mut y = day / 366 + 1;
    while days_before_year(y + 1) <= day {
        y += 1;
    }
    let mut rest = day - days_before_year(y);
    let mut m = 1;
    while m < 12 && rest >= days_in_month(y, m) {
        rest -= days_in_month(y, m);
        m += 1;
    }
    (y, m, rest + 1)
}

fn digits(b: &[u8], at: usize, n: usize) -> Option<i64> {
    let s = b.get(at..at + n)?;
    if !s.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(s.iter().fold(0i64, |acc, d| acc * 10 + i64::from(d - b'0')))
}

/// `datetime.date.fromisoformat(str(s)[:10])` as CPython 3.11+ does it:
/// `YYYY-MM-DD`, `YYYYMMDD`, `YYYY-Www-D`, `YYYYWwwD`, `YYYY-Www`, `YYYYWww`.
pub(crate) fn parse_day(s: &str) -> Option<Day> {
    let cut: String = s.chars().take(10).collect();
    let b = cut.as_bytes();
    if !matches!(b.len(), 7 | 8 | 10) {
        return None;
    }
    let year = digits(b, 0, 4)?;
    let mut p = 4;
    let sep = b.get(p) == Some(&b'-');
    if sep {
        p += 1;
    }
    if b.get(p) == Some(&b'W') {
        p += 1;
        let week = digits(b, p, 2)?;
        p += 2;
        let wday = if p < b.len() {
            if sep {
                if b.get(p) != Some(&b'-') {
                    return None;
                }
                p += 1;
            }
            digits(b, p, 1)?
        } else {
            1
        };
        if year < 1 {
            return None;
        }
        let jan1 = ymd_to_day(year, 1, 1);
        let first_weekday = jan1.rem_euclid(7); // 0 = Monday (0001-01-01 was a Monday)
        if !(1..53).contains(&week) {
            let long = week == 53 && (first_weekday == 3 || (first_weekday == 2 && is_leap(year)));
            if !long {
                return None;
            }
        }
        if !(1..=7).contains(&wday) {
            return None;
        }
        // Monday of ISO week 1: the week holding 4 January.
        let jan4 = jan1 + 3;
        let week1_monday = jan4 - jan4.rem_euclid(7);
        let day = week1_monday + (week - 1) * 7 + wday - 1;
        let (y, _, _) = day_to_ymd(day);
        return (1..=9999).contains(&y).then_some(day);
    }
    let month = digits(b, p, 2)?;
    p += 2;
    if sep {
        if b.get(p) != Some(&b'-') {
            return None;
        }
        p += 1;
    }
    let d = digits(b, p, 2)?;
    if !(1..=9999).contains(&year) || !(1..=12).contains(&month) {
        return None;
    }
    if d < 1 || d > days_in_month(year, month) {
        return None;
    }
    Some(ymd_to_day(year, month, d))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn iso_dates_follow_cpython() {
        type Ymd = (i64, i64, i64);
        let cases: &[(&str, Option<Ymd>)] = &[
            ("2024-01-07", Some((2024, 1, 7))),
            ("2024-01-07T23:10:00Z", Some((2024, 1, 7))),
            ("20240107", Some((2024, 1, 7))),
            ("2024-W01-1", Some((2024, 1, 1))),
            ("2020-W53-7", Some((2021, 1, 3))),
            ("2021-W53-1", None),
            ("2024W017", Some((2024, 1, 7))),
            ("2024-W02", Some((2024, 1, 8))),
            ("2024-02-30", None),
            ("2023-02-29", None),
            ("2024-02-29", Some((2024, 2, 29))),
            ("2024-1-7", None),
            ("2024/01/07", None),
            ("", None),
            ("0000-01-01", None),
            ("7 janvier", None),
        ];
        let mut failures = Vec::new();
        for (s, want) in cases {
            let got = parse_day(s).map(day_to_ymd);
            if got != *want {
                failures.push(format!("{s:?}: got {got:?}, want {want:?}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn python_conversions() {
        assert_eq!(py_int(&json!("  1_000 ")), Some(1000));
        assert_eq!(py_int(&json!("12.5")), None);
        assert_eq!(py_int(&json!(12.9)), Some(12));
        assert_eq!(py_int(&json!(null)), None);
        assert_eq!(py_float(&json!("33.5")), Some(33.5));
        assert_eq!(py_float(&json!("north")), None);
        assert!(py_eq(&json!(2), &json!(2.0)));
        assert!(py_eq(&json!(true), &json!(1)));
        assert!(!py_eq(&json!("2"), &json!(2)));
        assert_eq!(py_str(&json!(null)), "None");
        assert_eq!(py_str(&json!(1.0)), "1.0");
        assert_eq!(py_str(&json!(1e16)), "1e+16");
        assert_eq!(py_str(&json!(0.00001)), "1e-05");
        assert_eq!(py_str(&json!(123.25)), "123.25");
        assert_eq!(py_str(&json!({"a": [1, "b'"]})), "{'a': [1, \"b'\"]}");
        assert!(!truthy(&json!(0)) && !truthy(&json!("")) && truthy(&json!("x")));
    }
}
