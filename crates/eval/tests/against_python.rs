//! vigie-eval against the reference scorer: the same inputs must give the same
//! `--json` object and the same table. Needs `python3` and
//! `shared/eval/score.py` (or `$VIGIE_SCORER`). Without them the test prints
//! why and returns.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{Value, json};

fn scorer() -> Option<PathBuf> {
    let script = std::env::var_os("VIGIE_SCORER")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval/score.py")
        });
    if !script.exists() {
        eprintln!(
            "skipped: reference scorer not found at {}",
            script.display()
        );
        return None;
    }
    match Command::new("python3").arg("--version").output() {
        Ok(o) if o.status.success() => Some(script),
        _ => {
            eprintln!("skipped: python3 is not available");
            None
        }
    }
}

fn jsonl(values: &[Value]) -> String {
    values.iter().map(|v| format!("{v}\n")).collect()
}

struct Case {
    name: String,
    gold: String,
    events: String,
    figures: Option<String>,
}

/// Runs one case through both scorers; returns the differences.
fn compare(script: &Path, case: &Case) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("gold.jsonl");
    let e = dir.path().join("events.jsonl");
    let f = dir.path().join("figures.jsonl");
    std::fs::write(&g, &case.gold).unwrap();
    std::fs::write(&e, &case.events).unwrap();
    if let Some(figs) = &case.figures {
        std::fs::write(&f, figs).unwrap();
    }
    let run = |json: bool| {
        let mut cmd = Command::new("python3");
        cmd.arg(script).arg(&g).arg(&e);
        if case.figures.is_some() {
            cmd.arg("--figures").arg(&f);
        }
        if json {
            cmd.arg("--json");
        }
        let out = cmd.output().unwrap();
        assert!(
            out.status.success(),
            "{}: score.py failed: {}",
            case.name,
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let py_json_text = run(true);
    let py_json: Value = serde_json::from_str(&py_json_text).unwrap();
    let py_table = run(false);

    let ours = vigie_eval::score_files(&g, &e, case.figures.as_ref().map(|_| f.as_path())).unwrap();
    // Both sides go through the same text-to-f64 parser (serde_json's default
    // float parsing is not correctly rounded), so equal numbers in the two
    // outputs compare equal.
    let ours_json: Value = serde_json::from_str(&serde_json::to_string(&ours).unwrap()).unwrap();
    let mut diffs = Vec::new();
    if ours_json != py_json {
        diffs.push(format!(
            "{}: JSON differs\n  python: {py_json}\n  rust:   {}",
            case.name, ours_json
        ));
    }
    let text = format!("{}\n", ours.to_python_json());
    if text != py_json_text {
        diffs.push(format!(
            "{}: --json text differs\n  python: {py_json_text}  rust:   {text}",
            case.name
        ));
    }
    let table = ours.render_table();
    if table != py_table {
        diffs.push(format!(
            "{}: table differs\n--- python\n{py_table}--- rust\n{table}",
            case.name
        ));
    }
    diffs
}

fn other_alts() -> Value {
    json!([
        "air_drone_strike",
        "shelling_artillery_missile_attack",
        "armed_clash",
        "remote_explosive_landmine_ied",
        "attack",
        "other"
    ])
}

fn handmade_cases() -> Vec<Case> {
    let gold = vec![
        json!({"doc": "d1.txt", "lang": "fr", "published": "2024-01-08", "events": [
            {"id": "e1", "required": true, "date": "2024-01-07", "type": "air_drone_strike",
             "actor1": "Islamic Resistance in Iraq", "actor2": "Military Forces of the United States",
             "location": {"name": "Ain al-Asad", "country": "IQ", "lat": 33.8, "lon": 42.44, "precision": 1},
             "weapon": "drone", "claimed": true, "fatalities": null,
             "evidence": "une série de frappes de drones contre la base aérienne d'Aïn al-Assad, à l'ouest de l'Irak, a indiqué le groupe"},
            {"id": "e2", "required": true, "date": {"start": "2024-01-05", "end": "2024-01-06"}, "type": "other",
             "type_alternatives": other_alts(), "actor1": "Military Forces of Israel", "actor2": null,
             "location": {"name": "Haifa", "country": "IL", "lat": 32.794, "lon": 34.989, "precision": 1},
             "weapon": null, "claimed": false, "fatalities": 3, "evidence": "Haïfa"},
            {"id": "e3", "required": false, "date": "2023-10-07", "type": "other",
             "type_alternatives": other_alts(), "actor1": "Hamas", "actor2": "Israel",
             "location": {"name": "Israel", "country": "IL", "lat": null, "lon": null, "precision": 3},
             "weapon": null, "claimed": false, "fatalities": null, "evidence": "le 7 octobre"},
            {"id": "e4", "required": true, "date": null, "type": "shelling_artillery_missile_attack",
             "actor1": "Hamas", "actor2": "Military Forces of Israel",
             "location": {"name": "Gaza", "country": "PS", "lat": 31.4, "lon": 34.4, "precision": 3},
             "weapon": "rocket", "claimed": false, "fatalities": 0, "evidence": "roquettes"},
            {"id": "e5", "required": true, "date": "2024-01-07", "type": "disrupted_weapons_use",
             "actor1": "Military Forces of the United States", "actor2": "Islamic Resistance in Iraq",
             "location": {"name": "Erbil", "country": "IQ", "lat": 36.24, "lon": 43.96, "precision": 2},
             "weapon": "drone", "claimed": true, "fatalities": null, "evidence": "abattu"}],
         "figures": [{"what": "killed", "count": 23000, "qualifier": "approx", "subject": "people in Gaza",
                      "as_of": "2024-01-07", "source": null},
                     {"what": "injured", "count": 100, "qualifier": "exact", "subject": "x",
                      "as_of": "2024-01-07", "source": null}]}),
        json!({"doc": "d2.txt", "lang": "en", "published": "2024-02-02", "events": [
            {"id": "e1", "required": true, "date": "2024-02-01", "type": "armed_clash",
             "actor1": "Islamic State", "actor2": "Military Forces of Iraq",
             "location": {"name": "Iraq", "country": "IQ", "lat": null, "lon": null, "precision": 3},
             "weapon": "small_arms", "claimed": false, "fatalities": 0, "evidence": "clash"}],
         "figures": []}),
        json!({"doc": "d3.txt", "lang": "en", "published": "2024-02-02", "events": [],
               "figures": [{"what": "killed", "count": 5, "qualifier": "exact", "subject": "y",
                            "as_of": "2024-02-02", "source": "z"}]}),
    ];
    let mut events = jsonl(&[
        // exact match of d1 e1, with aliases and a little offset
        json!({"doc": "d1.txt", "event_date": "2024-01-07", "sub_event_type": "Air/drone strike",
               "actor1": "IRI", "weapon": "drone", "claimed": true,
               "location": {"name": "Aïn al-Assad", "country": "iq", "lat": 33.81, "lon": 42.45}}),
        // a second copy one day off: one-to-one, so spurious
        json!({"doc": "d1.txt", "event_date": "2024-01-08", "sub_event_type": "Air/drone strike",
               "location": {"lat": 33.8, "lon": 42.44}}),
        // d1 e2: day before the interval, strings for coordinates, actor as object
        json!({"doc": "runs/out/d1.txt", "date_start": "2024-01-04", "date_end": "2024-01-04",
               "sub_event_type": " Shelling/Artillery/Missile attack ",
               "actor1": {"name": "The  IDF"}, "fatalities": 3.0, "claimed": "yes",
               "location": {"lat": "32.80", "lon": "35.0", "country": "IL", "name": "Haïfa"}}),
        // optional event matched by country only
        json!({"doc": "d1.txt", "event_date": "2023-10-08T04:00:00Z", "sub_event_type": "Other",
               "location": {"country": "il"}}),
        // undated gold event at precision 3, about 200 km away
        json!({"doc": "d1.txt", "sub_event_type": "shelling/artillery/missile attack",
               "location": {"lat": 31.0, "lon": 36.5}, "fatalities": 0, "weapon": "rocket", "actor1": "hamas"}),
        // near misses: three days off; 110 km off
        json!({"doc": "d1.txt", "event_date": "2024-01-10", "sub_event_type": "Air/drone strike",
               "location": {"lat": 33.8, "lon": 42.44, "name": "Ain al-Asad"}}),
        json!({"doc": "d1.txt", "event_date": "2024-01-07", "sub_event_type": "air_drone_strike",
               "location": {"lat": 34.79, "lon": 42.44}}),
        // wrong type at the right place and date
        json!({"doc": "d1.txt", "event_date": "2024-01-07", "sub_event_type": "Armed clash",
               "location": {"lat": 36.24, "lon": 43.96}}),
        // d1 e5: ISO week date, interceptor as actor1, claimed as a number
        json!({"doc": "d1.txt", "event_date": "2024-W01-7", "sub_event_type": "Disrupted weapons use",
               "actor1": "US forces", "claimed": 1, "weapon": "Drone",
               "location": {"lat": 36.4, "lon": 44.1}}),
        // a null lat in location hides the top-level latitude; a bad end date
        json!({"doc": "d1.txt", "event_date": "2024-01-07", "sub_event_type": "Air/drone strike",
               "location": {"lat": null}, "latitude": 33.8, "longitude": 42.44}),
        json!({"doc": "d1.txt", "date_start": "2024-01-07", "date_end": "07/01/2024",
               "sub_event_type": "Air/drone strike", "location": {"lat": 33.8, "lon": 42.44}}),
        // d2 through source.doc, compact date, hyphenated type, country fallback
        json!({"doc": "", "source": {"doc": "feeds/d2.txt"}, "event_date": "20240201",
               "sub_event_type": "armed-clash", "country": "iq", "actor1": "ISIS",
               "weapon": "small_arms", "fatalities": 0, "claimed": false}),
        // documents that are not in the gold
        json!({"doc": "zzz.txt", "event_date": "2024-01-01", "sub_event_type": "Attack"}),
        json!({"doc": "dir/aaa.txt", "event_date": "2024-01-01"}),
        json!({"doc": "dir/été \"q\" 𝔁.txt", "event_date": "2024-01-01"}),
        // no doc at all: unreadable
        json!({"event_date": "2024-01-07", "sub_event_type": "Attack"}),
        json!({"doc": null, "source": {"doc": null}}),
    ]);
    events.push_str("\n   \n{not json\n");

    let figures = jsonl(&[
        json!({"doc": "d1.txt", "what": "killed", "count": 23000}),
        json!({"doc": "x/d1.txt", "what": "killed", "count": "23000"}),
        json!({"doc": "d1.txt", "what": "injured", "count": 100.7}),
        json!({"doc": "d3.txt", "what": "killed", "count": 6}),
        json!({"doc": "nope.txt", "what": "killed", "count": 5}),
        json!({"doc": "d1.txt", "what": "killed"}),
        json!({"doc": "d1.txt", "what": ["killed"], "count": 1}),
        json!({"doc": "d1.txt", "what": "killed", "count": "many"}),
        json!({"doc": "d1.txt", "what": "missing", "count": " 1_200 "}),
    ]);

    let mut dup_gold = jsonl(&gold);
    // A later line for the same doc replaces the earlier one (a dict in score.py).
    dup_gold.push_str(&format!(
        "{}\n",
        json!({"doc": "d2.txt", "events": [
            {"id": "e9", "required": true, "date": "2024-02-03", "type": "attack", "actor1": "Unidentified Armed Group",
             "location": {"country": "IQ", "lat": 33.3, "lon": 44.4, "precision": 1}, "evidence": "x"}]})
    ));

    vec![
        Case {
            name: "handmade with figures".into(),
            gold: jsonl(&gold),
            events: events.clone(),
            figures: Some(figures),
        },
        Case {
            name: "handmade without figures".into(),
            gold: jsonl(&gold),
            events: events.clone(),
            figures: None,
        },
        Case {
            name: "no events".into(),
            gold: jsonl(&gold),
            events: String::new(),
            figures: Some(String::new()),
        },
        Case {
            name: "duplicate gold doc, CRLF lines".into(),
            gold: dup_gold.replace('\n', "\r\n"),
            events: events.replace('\n', "\r\n"),
            figures: None,
        },
    ]
}

/// A small deterministic generator (64-bit LCG), so the test needs no crate.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn unit(&mut self) -> f64 {
        self.next() as f64 / (1u64 << 31) as f64
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len() as u64) as usize]
    }
}

fn shift_day(day: &str, by: i64) -> String {
    // Only used on valid ISO dates from the corpus gold; adds `by` days.
    let y: i64 = day[0..4].parse().unwrap();
    let m: i64 = day[5..7].parse().unwrap();
    let d: i64 = day[8..10].parse().unwrap();
    let mut days = d + by;
    let (mut y, mut m) = (y, m);
    let dim = |y: i64, m: i64| match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        _ => 28,
    };
    while days < 1 {
        m -= 1;
        if m == 0 {
            m = 12;
            y -= 1;
        }
        days += dim(y, m);
    }
    while days > dim(y, m) {
        days -= dim(y, m);
        m += 1;
        if m == 13 {
            m = 1;
            y += 1;
        }
    }
    format!("{y:04}-{m:02}-{days:02}")
}

/// System output made by perturbing the project's own gold: dates shifted,
/// points moved, types, actors and fields swapped or dropped, extra events.
fn random_case(gold_text: &str, seed: u64) -> Case {
    let mut rng = Lcg(seed);
    let types = [
        "Air/drone strike",
        "Shelling/artillery/missile attack",
        "Armed clash",
        "Attack",
        "Disrupted weapons use",
        "Remote explosive/landmine/IED",
        "Other",
        "air_drone_strike",
    ];
    let actors = [
        "IRI",
        "the IDF",
        "Houthis",
        "ISIS",
        "Military Forces of the United States",
        "Unidentified Armed Group",
        "Hezbollah",
        "PMF",
    ];
    let weapons = [
        "drone",
        "rocket",
        "missile",
        "aircraft",
        "ballistic_missile",
    ];
    let mut events = Vec::new();
    let mut figures = Vec::new();
    for line in gold_text.lines().filter(|l| !l.trim().is_empty()) {
        let d: Value = serde_json::from_str(line).unwrap();
        let doc = d["doc"].as_str().unwrap().to_string();
        for g in d["events"].as_array().unwrap() {
            if rng.below(5) == 0 {
                continue; // missed
            }
            let (start, end) = match &g["date"] {
                Value::String(s) => (s.clone(), s.clone()),
                Value::Object(o) => (
                    o["start"].as_str().unwrap().to_string(),
                    o["end"].as_str().unwrap().to_string(),
                ),
                _ => ("2024-06-01".to_string(), "2024-06-01".to_string()),
            };
            let shift = rng.below(5) as i64 - 2;
            let mut e = serde_json::Map::new();
            e.insert(
                "doc".into(),
                json!(if rng.below(4) == 0 {
                    format!("out/{doc}")
                } else {
                    doc.clone()
                }),
            );
            if rng.below(3) == 0 {
                e.insert("event_date".into(), json!(shift_day(&start, shift)));
            } else {
                e.insert("date_start".into(), json!(shift_day(&start, shift)));
                e.insert("date_end".into(), json!(shift_day(&end, shift.max(0))));
            }
            let t = if rng.below(3) == 0 {
                (*rng.pick(&types)).to_string()
            } else {
                g["type"].as_str().unwrap().replace('_', " ")
            };
            e.insert("sub_event_type".into(), json!(t));
            let loc = &g["location"];
            let mut l = serde_json::Map::new();
            if let (Some(lat), Some(lon)) = (loc["lat"].as_f64(), loc["lon"].as_f64()) {
                let spread = [0.05, 0.3, 0.9, 2.5][rng.below(4) as usize];
                l.insert("lat".into(), json!(lat + (rng.unit() - 0.5) * spread));
                l.insert("lon".into(), json!(lon + (rng.unit() - 0.5) * spread));
            }
            if rng.below(4) != 0 {
                l.insert("country".into(), loc["country"].clone());
            }
            l.insert("name".into(), loc["name"].clone());
            e.insert("location".into(), Value::Object(l));
            e.insert(
                "actor1".into(),
                if rng.below(2) == 0 {
                    g["actor1"].clone()
                } else {
                    json!(rng.pick(&actors))
                },
            );
            if rng.below(4) != 0 {
                e.insert(
                    "claimed".into(),
                    if rng.below(4) == 0 {
                        json!(!g["claimed"].as_bool().unwrap_or(false))
                    } else {
                        g["claimed"].clone()
                    },
                );
            }
            if rng.below(3) != 0 {
                e.insert(
                    "fatalities".into(),
                    if rng.below(4) == 0 {
                        json!(rng.below(5))
                    } else {
                        g["fatalities"].clone()
                    },
                );
            }
            e.insert(
                "weapon".into(),
                if rng.below(3) == 0 {
                    json!(rng.pick(&weapons))
                } else {
                    g["weapon"].clone()
                },
            );
            events.push(Value::Object(e));
        }
        // spurious events
        for _ in 0..rng.below(3) {
            events.push(json!({"doc": doc, "event_date": shift_day("2024-05-01", rng.below(200) as i64),
                               "sub_event_type": rng.pick(&types),
                               "location": {"lat": 30.0 + rng.unit() * 8.0, "lon": 34.0 + rng.unit() * 10.0}}));
        }
        for f in d["figures"].as_array().unwrap() {
            if rng.below(4) != 0 {
                let c = f["count"].as_i64().unwrap() + if rng.below(4) == 0 { 1 } else { 0 };
                figures.push(json!({"doc": doc, "what": f["what"], "count": c}));
            }
        }
        if rng.below(3) == 0 {
            figures.push(json!({"doc": doc, "what": "killed", "count": rng.below(1000)}));
        }
    }
    // shuffle the event order: matching must not depend on it beyond what score.py does
    for i in (1..events.len()).rev() {
        let j = rng.below(i as u64 + 1) as usize;
        events.swap(i, j);
    }
    Case {
        name: format!("random seed {seed}"),
        gold: gold_text.to_string(),
        events: jsonl(&events),
        figures: Some(jsonl(&figures)),
    }
}

#[test]
fn agrees_with_score_py() {
    let Some(script) = scorer() else { return };
    let corpus_gold = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus/gold.jsonl"),
    )
    .unwrap();
    let mut cases = handmade_cases();
    for seed in [1, 2, 3, 4, 5, 6] {
        cases.push(random_case(&corpus_gold, seed));
    }
    // The shared development golds too, when they sit next to the scorer.
    if let Some(shared) = script.parent().and_then(Path::parent) {
        for (i, rel) in ["corpus/gold.jsonl", "corpus/dev/gold.jsonl"]
            .iter()
            .enumerate()
        {
            if let Ok(text) = std::fs::read_to_string(shared.join(rel)) {
                for seed in [11, 12] {
                    let mut case = random_case(&text, seed + 10 * i as u64);
                    case.name = format!("{rel} {}", case.name);
                    cases.push(case);
                }
            }
        }
    }
    let mut failures = Vec::new();
    for case in &cases {
        failures.extend(compare(&script, case));
    }
    assert!(
        failures.is_empty(),
        "{} differences:\n{}",
        failures.len(),
        failures.join("\n\n")
    );
    eprintln!("{} cases agree with score.py", cases.len());
}
