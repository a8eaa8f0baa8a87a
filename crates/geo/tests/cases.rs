//! The table of geocoding cases in tests/data/cases.tsv: every case runs,
//! every failure is printed, and the pass rate must reach 95%.

use vigie_geo::{Geocoder, PlaceMatch, fold};

struct Case {
    line: usize,
    lang: String,
    text: String,
    mention: String,
    expect: String,
}

fn cases() -> Vec<Case> {
    let text = include_str!("data/cases.tsv");
    let mut out = Vec::new();
    let mut header = true;
    for (line, l) in vigie_resources::data_lines(text) {
        if header {
            header = false;
            continue;
        }
        let c: Vec<&str> = l.split('\t').collect();
        assert_eq!(c.len(), 4, "cases.tsv:{line}: 4 columns expected");
        out.push(Case {
            line,
            lang: c[0].into(),
            text: c[1].into(),
            mention: c[2].into(),
            expect: c[3].into(),
        });
    }
    out
}

fn describe(ms: &[PlaceMatch], text: &str) -> String {
    ms.iter()
        .map(|m| {
            let p = m.place.as_ref().map_or("UNRESOLVED".to_string(), |p| {
                format!(
                    "{} {} p{} {}",
                    p.name, p.country, p.geo_precision, p.gazetteer_id
                )
            });
            format!("[{}]→{} ({})", &text[m.start..m.end], p, m.rule)
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn check(g: &Geocoder, c: &Case) -> Result<(), String> {
    let ms = g.geocode(&c.text, &c.lang);
    let Some(s) = c.text.find(&c.mention) else {
        return Err("mention not in text".into());
    };
    let e = s + c.mention.len();
    let hit = ms.iter().find(|m| m.name_start < e && s < m.name_end);
    let got = || describe(&ms, &c.text);
    match (c.expect.as_str(), hit) {
        ("none", None) => Ok(()),
        ("none", Some(_)) => Err(format!("expected no place; got {}", got())),
        ("unresolved", Some(m)) if m.place.is_none() => Ok(()),
        ("unresolved", _) => Err(format!("expected unresolved; got {}", got())),
        (_, None) => Err(format!("no place found; got {}", got())),
        (exp, Some(m)) => {
            let mut parts = exp.split('|');
            let cc = parts.next().unwrap_or("");
            let name = parts.next().unwrap_or("");
            let prec = parts.next().unwrap_or("");
            let Some(p) = &m.place else {
                return Err(format!("unresolved; got {}", got()));
            };
            let name_ok = name.is_empty()
                || fold::light(&p.name).contains(&fold::light(name))
                || fold::light(&p.gazetteer_id).contains(&fold::light(name));
            let ok = (cc.is_empty() || p.country == cc)
                && name_ok
                && (prec.is_empty() || prec.parse::<u8>().ok() == Some(p.geo_precision));
            if ok {
                Ok(())
            } else {
                Err(format!("expected {exp}; got {}", got()))
            }
        }
    }
}

#[test]
fn geocoding_cases_pass_at_95_percent() -> Result<(), vigie_geo::Error> {
    let g = Geocoder::bundled()?;
    let cases = cases();
    assert!(cases.len() >= 300, "{} cases", cases.len());
    let mut failures = Vec::new();
    for c in &cases {
        if let Err(why) = check(&g, c) {
            failures.push(format!(
                "cases.tsv:{} [{}] {:?} / {:?}: {why}",
                c.line, c.lang, c.text, c.mention
            ));
        }
    }
    let pass = cases.len() - failures.len();
    let rate = pass as f64 / cases.len() as f64;
    for f in &failures {
        eprintln!("FAIL {f}");
    }
    eprintln!(
        "geo cases: {pass}/{} passed ({:.1}%)",
        cases.len(),
        rate * 100.0
    );
    assert!(rate >= 0.95, "pass rate {:.1}% below 95%", rate * 100.0);
    Ok(())
}
