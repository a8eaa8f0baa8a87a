//! The matching rules of score.py, checked without Python.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use serde_json::{Value, json};
use vigie_eval::{GoldDoc, parse_gold, score};

fn gold_doc(events: Value, figures: Value) -> Vec<GoldDoc> {
    let line = json!({"doc": "a.txt", "lang": "en", "published": "2024-01-10",
                      "events": events, "figures": figures});
    parse_gold(&line.to_string(), "test").unwrap()
}

fn gold_event(required: bool, date: Value, typ: &str, precision: i64) -> Value {
    json!({"id": "e1", "required": required, "date": date, "type": typ,
           "type_alternatives": if typ == "other" { json!(["attack", "armed_clash"]) } else { json!([]) },
           "actor1": "Islamic State", "actor2": null,
           "location": {"name": "Kirkuk", "country": "IQ", "lat": 35.47, "lon": 44.39, "precision": precision},
           "weapon": null, "claimed": false, "fatalities": 2, "evidence": "ambush"})
}

/// A system event `dlat` degrees north of Kirkuk (1° of latitude is about 111 km).
fn sys_event(date: &str, sub: &str, dlat: f64) -> Value {
    json!({"doc": "a.txt", "event_date": date, "sub_event_type": sub, "actor1": "ISIS",
           "fatalities": 2, "location": {"country": "IQ", "lat": 35.47 + dlat, "lon": 44.39}})
}

#[test]
fn matching_rules() {
    // (what, gold event, system event, expected (tp, fp, fn))
    let cases = [
        (
            "same day, same place",
            gold_event(true, json!("2024-01-07"), "armed_clash", 1),
            sys_event("2024-01-07", "Armed clash", 0.0),
            (1, 0, 0),
        ),
        (
            "one day off is tolerated",
            gold_event(true, json!("2024-01-07"), "armed_clash", 1),
            sys_event("2024-01-08", "Armed clash", 0.0),
            (1, 0, 0),
        ),
        (
            "two days off is not",
            gold_event(true, json!("2024-01-07"), "armed_clash", 1),
            sys_event("2024-01-09", "Armed clash", 0.0),
            (0, 1, 1),
        ),
        (
            "interval widened by a day",
            gold_event(
                true,
                json!({"start": "2024-01-05", "end": "2024-01-07"}),
                "armed_clash",
                1,
            ),
            sys_event("2024-01-04", "Armed clash", 0.0),
            (1, 0, 0),
        ),
        (
            "90 km is within 100",
            gold_event(true, json!("2024-01-07"), "armed_clash", 1),
            sys_event("2024-01-07", "Armed clash", 0.81),
            (1, 0, 0),
        ),
        (
            "110 km is not",
            gold_event(true, json!("2024-01-07"), "armed_clash", 2),
            sys_event("2024-01-07", "Armed clash", 0.99),
            (0, 1, 1),
        ),
        (
            "250 km at precision 3",
            gold_event(true, json!("2024-01-07"), "armed_clash", 3),
            sys_event("2024-01-07", "Armed clash", 2.25),
            (1, 0, 0),
        ),
        (
            "wrong type",
            gold_event(true, json!("2024-01-07"), "armed_clash", 1),
            sys_event("2024-01-07", "Air/drone strike", 0.0),
            (0, 1, 1),
        ),
        (
            "type alternative",
            gold_event(true, json!("2024-01-07"), "other", 1),
            sys_event("2024-01-07", "Attack", 0.0),
            (1, 0, 0),
        ),
        (
            "undated gold skips the date test",
            gold_event(true, Value::Null, "armed_clash", 1),
            sys_event("2020-01-01", "Armed clash", 0.0),
            (1, 0, 0),
        ),
        (
            "optional gold counts neither way",
            gold_event(false, json!("2024-01-07"), "armed_clash", 1),
            sys_event("2024-01-07", "Armed clash", 0.0),
            (0, 0, 0),
        ),
        (
            "unmatched optional is no miss",
            gold_event(false, json!("2024-01-07"), "armed_clash", 1),
            sys_event("2024-03-01", "Armed clash", 0.0),
            (0, 1, 0),
        ),
    ];
    let mut failures = Vec::new();
    for (what, g, e, want) in cases {
        let s = score(&gold_doc(json!([g]), json!([])), &[e], None);
        let got = (s.events.tp, s.events.fp, s.events.fn_);
        if got != want {
            failures.push(format!("{what}: got (tp, fp, fn) {got:?}, want {want:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn table_matches_score_py_layout() {
    let gold = gold_doc(
        json!([gold_event(true, json!("2024-01-07"), "armed_clash", 1),
               {"id": "e2", "required": true, "date": "2024-01-08", "type": "attack", "actor1": "X",
                "location": {"country": "IQ", "lat": 36.0, "lon": 44.0, "precision": 1},
                "evidence": "a very long evidence sentence that goes on and on well beyond the eighty characters that are shown"}]),
        json!([{"what": "killed", "count": 30631, "qualifier": "at_least"}]),
    );
    let events = [
        sys_event("2024-01-07", "Armed clash", 0.0),
        json!({"doc": "a.txt", "sub_event_type": "Grenade"}),
        json!({"no_doc": true}),
    ];
    let figures = [json!({"doc": "a.txt", "what": "killed", "count": 30631})];
    let s = score(&gold, &events, Some(&figures));
    // Verified with score.py on the same input.
    let want = "\
events   P 0.500  R 0.500  F1 0.500   (tp 1, fp 1, fn 1)
  actor1          1.000  (n=1)
  claimed         1.000  (n=1)
  country         1.000  (n=1)
  date_exact      1.000  (n=1)
  fatalities      1.000  (n=1)
  location_25km   1.000  (n=1)
  sub_event_type  1.000  (n=1)
figures  P 1.000  R 1.000   (1 of 1 gold, 1 extracted)
  missed   a.txt e2 a very long evidence sentence that goes on and on well beyond the eighty charact
  spurious a.txt Grenade None None
  1 unreadable event lines
";
    assert_eq!(s.render_table(), want);
    let j = s.to_json();
    assert_eq!(j["events"]["fn"], json!(1));
    assert_eq!(j["fields"]["claimed"]["n"], json!(1));
    assert!(
        j.get("misses").is_none(),
        "misses are table-only, as in score.py"
    );
}

#[test]
fn gold_errors_are_all_reported_with_line_numbers() {
    let text = "{\"doc\": \"a.txt\", \"events\": []}\n\nnot json\n{\"doc\": \"b.txt\", \"events\": [{\"id\": \"e1\", \"date\": \"2024-02-30\", \"type\": \"attack\", \"location\": {}}]}\n";
    let err = parse_gold(text, "g.jsonl").unwrap_err().to_string();
    assert!(err.contains("g.jsonl:3:"), "{err}");
    assert!(
        err.contains("g.jsonl:4: b.txt: event e1: bad date"),
        "{err}"
    );
}

#[test]
fn project_corpus_gold_scores_perfectly_against_itself() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus/gold.jsonl");
    let gold = vigie_eval::load_gold(&path).unwrap();
    let names = [
        ("air_drone_strike", "Air/drone strike"),
        (
            "shelling_artillery_missile_attack",
            "Shelling/artillery/missile attack",
        ),
        (
            "remote_explosive_landmine_ied",
            "Remote explosive/landmine/IED",
        ),
        ("disrupted_weapons_use", "Disrupted weapons use"),
        ("armed_clash", "Armed clash"),
        ("attack", "Attack"),
        ("other", "Other"),
    ];
    let mut events = Vec::new();
    let mut figures = Vec::new();
    for d in &gold {
        for g in &d.events {
            let (start, end) = match &g.date {
                Some(vigie_eval::GoldDate::Day(x)) => (json!(x), json!(x)),
                Some(vigie_eval::GoldDate::Interval { start, end }) => (json!(start), json!(end)),
                None => (Value::Null, Value::Null),
            };
            let sub = names
                .iter()
                .find(|(k, _)| *k == g.event_type)
                .map_or(g.event_type.as_str(), |(_, v)| v);
            events.push(json!({"doc": d.doc, "date_start": start, "date_end": end, "event_date": start,
                               "sub_event_type": sub, "actor1": g.actor1, "weapon": g.weapon,
                               "claimed": g.claimed, "fatalities": g.fatalities,
                               "location": {"country": g.location.country, "lat": g.location.lat, "lon": g.location.lon}}));
        }
        for f in &d.figures {
            figures.push(json!({"doc": d.doc, "what": f.what, "count": f.count}));
        }
    }
    let s = score(&gold, &events, Some(&figures));
    assert!(gold.len() >= 40);
    assert_eq!((s.events.fp, s.events.fn_), (0, 0));
    assert_eq!(s.events.f1, Some(1.0));
    let imperfect: Vec<_> = s
        .fields
        .iter()
        .filter(|(_, v)| v.accuracy != Some(1.0))
        .collect();
    assert!(imperfect.is_empty(), "{imperfect:?}");
    let f = s.figures.unwrap();
    assert_eq!((f.precision, f.recall), (Some(1.0), Some(1.0)));
}
