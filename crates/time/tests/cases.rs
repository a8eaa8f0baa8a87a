//! Runs every case of `cases.tsv` and reports all failures at once, with the
//! pass rate. Columns: lang, reference (or -), prefer (past|future), text,
//! expected, flags.
//!
//! expected: `none` (no expression at all), `unresolved` (found, but no
//! value), `YYYY-MM-DD` or `YYYY-MM-DD..YYYY-MM-DD`. The first expression in
//! the text is checked. flags (space-separated, optional): `p=N` precision,
//! `grain=G`, `mod=start|mid|end`, `part=P`, `anaphoric`, `since`,
//! `anchor=YYYY-MM-DD`, `span=TEXT` (the exact matched text), `n=N` (number of
//! expressions found).

use vigie_time::{Date, Prefer, ResolveContext, TimeTagger};

fn date(s: &str) -> Option<Date> {
    s.parse::<Date>().ok()
}

#[test]
fn table_of_cases() {
    let tagger = match TimeTagger::bundled() {
        Ok(t) => t,
        Err(e) => panic!("loading: {e}"),
    };
    let data = include_str!("cases.tsv");
    let mut failures = Vec::new();
    let mut total = 0;
    let mut counts = std::collections::BTreeMap::<String, (usize, usize)>::new();
    for (n, line) in data.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        total += 1;
        let cols: Vec<&str> = line.split('\t').collect();
        let [lang, reference, prefer, text, expected, rest @ ..] = cols.as_slice() else {
            failures.push(format!("line {}: malformed", n + 1));
            continue;
        };
        let flags: Vec<&str> = rest
            .first()
            .map(|f| f.split(' ').filter(|s| !s.is_empty()).collect())
            .unwrap_or_default();
        let key = format!("{lang}/{prefer}");
        counts.entry(key.clone()).or_default().0 += 1;
        let mut anchor = None;
        let mut checks = Vec::new();
        for f in &flags {
            match f.split_once('=') {
                Some(("anchor", v)) => anchor = date(v),
                _ => checks.push(*f),
            }
        }
        let span_flag = rest
            .first()
            .and_then(|f| f.split_once("span="))
            .map(|(_, s)| s);
        let ctx = ResolveContext {
            reference: date(reference),
            anchor,
            prefer: if *prefer == "future" {
                Prefer::Future
            } else {
                Prefer::Past
            },
        };
        let found = tagger.find(text, lang);
        let mut errs = Vec::new();
        let first = found.first();
        match (*expected, first) {
            ("none", None) => {}
            ("none", Some(m)) => errs.push(format!(
                "expected nothing, found {:?}",
                &text[m.start..m.end]
            )),
            (_, None) => errs.push("found nothing".to_string()),
            (exp, Some(m)) => {
                let v = m.resolve(&ctx);
                if exp == "unresolved" {
                    if let Some(v) = &v {
                        errs.push(format!("expected no value, got {}..{}", v.start, v.end));
                    }
                } else {
                    let (s, e) = exp.split_once("..").unwrap_or((exp, exp));
                    match v.as_ref() {
                        None => errs.push(format!(
                            "no value for {:?} ({:?})",
                            &text[m.start..m.end],
                            m.expr
                        )),
                        Some(v) => {
                            if Some(v.start) != date(s) || Some(v.end) != date(e) {
                                errs.push(format!(
                                    "{:?} -> {}..{}, expected {exp} ({:?})",
                                    &text[m.start..m.end],
                                    v.start,
                                    v.end,
                                    m.expr
                                ));
                            }
                        }
                    }
                }
                for c in &checks {
                    let ok = match c.split_once('=') {
                        Some(("p", p)) => v.as_ref().is_some_and(|v| v.precision.to_string() == p),
                        Some(("grain", g)) => v.as_ref().is_some_and(|v| v.grain.as_str() == g),
                        Some(("mod", x)) => v.as_ref().is_some_and(|v| {
                            v.modifier
                                .is_some_and(|md| format!("{md:?}").to_lowercase() == x)
                        }),
                        Some(("part", x)) => m.part_of_day.as_deref() == Some(x),
                        Some(("n", x)) => found.len().to_string() == x,
                        Some(("span", _)) => Some(&text[m.start..m.end]) == span_flag,
                        None if *c == "anaphoric" => m.anaphoric,
                        None if *c == "since" => m.open_since,
                        _ => true,
                    };
                    if c.starts_with("span=") {
                        if Some(&text[m.start..m.end]) != span_flag {
                            errs.push(format!("span {:?}", &text[m.start..m.end]));
                        }
                        break;
                    }
                    if !ok {
                        let got = v.as_ref().map(|v| {
                            format!(
                                "p={} grain={} mod={:?}",
                                v.precision,
                                v.grain.as_str(),
                                v.modifier
                            )
                        });
                        errs.push(format!(
                            "check {c} failed (got {got:?}, part={:?}, anaphoric={}, since={}, n={})",
                            m.part_of_day, m.anaphoric, m.open_since, found.len()
                        ));
                    }
                }
            }
        }
        if errs.is_empty() {
            counts.entry(key).or_default().1 += 1;
        } else {
            failures.push(format!(
                "line {}: [{lang} {reference} {prefer}] {text:?}: {}",
                n + 1,
                errs.join("; ")
            ));
        }
    }
    let passed = total - failures.len();
    let rate = 100.0 * passed as f64 / total.max(1) as f64;
    for f in &failures {
        eprintln!("FAIL {f}");
    }
    for (k, (t, p)) in &counts {
        eprintln!("{k}: {p}/{t}");
    }
    eprintln!("cases: {passed}/{total} passed ({rate:.1}%)");
    assert!(total >= 400, "only {total} cases");
    assert!(
        failures.is_empty(),
        "{} of {total} cases failed ({rate:.1}% pass)",
        failures.len()
    );
}
