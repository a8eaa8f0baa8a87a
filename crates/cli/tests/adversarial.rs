//! Adversarial inputs (issue 8), each run through the real binary in a
//! temporary directory. Every test asserts on the outcome — the document
//! accounted for, the reason given, the exit code, spans that still point
//! into the original text — never on the clock; `cargo test` itself bounds
//! the time. docs/reliability.md lists the cases, their outcomes and the
//! measured durations.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::io::Write;
use std::path::Path;
use std::process::Output;

use serde_json::Value;

use common::{report_entries, vigie};

/// Runs `vigie extract --quiet ARGS -o events.jsonl --report report.json`
/// in `dir`: (process output, report, events).
fn extract(dir: &Path, args: &[&str]) -> (Output, Value, Vec<Value>) {
    let report = dir.join("report.json");
    let events = dir.join("events.jsonl");
    let _ = std::fs::remove_file(&report);
    let out = vigie()
        .arg("extract")
        .arg("--quiet")
        .args(args)
        .arg("-o")
        .arg(&events)
        .arg("--report")
        .arg(&report)
        .output()
        .expect("vigie runs");
    let report: Value =
        serde_json::from_slice(&std::fs::read(&report).unwrap_or_default()).unwrap_or(Value::Null);
    let events = std::fs::read_to_string(&events)
        .unwrap_or_default()
        .lines()
        .map(|l| serde_json::from_str(l).expect("every output line is JSON"))
        .collect();
    (out, report, events)
}

fn count(report: &Value, key: &str) -> usize {
    report[key].as_array().map_or(0, Vec::len)
}

/// The process ended by itself (no signal, no abort) with `code`.
fn assert_exit(out: &Output, code: i32, what: &str) {
    assert_eq!(
        out.status.code(),
        Some(code),
        "{what}: exit status {:?}\nstderr:\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Every event's evidence is a span on character boundaries of `text` and
/// its `text` is that span.
fn assert_evidence_in(text: &str, events: &[Value]) {
    let mut bad = Vec::new();
    for e in events {
        let ev = &e["evidence"];
        let (s, t) = (ev["start"].as_u64(), ev["end"].as_u64());
        let (Some(s), Some(t)) = (s, t) else {
            bad.push(format!("no evidence offsets: {e}"));
            continue;
        };
        let (s, t) = (s as usize, t as usize);
        match text.get(s..t) {
            Some(slice) if Some(slice) == ev["text"].as_str() => {}
            Some(slice) => bad.push(format!(
                "evidence text {:?} != span {s}..{t} {slice:?}",
                ev["text"]
            )),
            None => bad.push(format!(
                "evidence {s}..{t} is not on char boundaries of a {}-byte text",
                text.len()
            )),
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// Writes `piece` repeatedly until the file holds at least `bytes` bytes.
fn write_repeated(path: &Path, head: &str, piece: &str, bytes: usize, tail: &str) {
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    f.write_all(head.as_bytes()).unwrap();
    let mut n = head.len();
    while n < bytes {
        f.write_all(piece.as_bytes()).unwrap();
        n += piece.len();
    }
    f.write_all(tail.as_bytes()).unwrap();
    f.flush().unwrap();
}

const SENTENCE_FR: &str =
    "Un drone a frappé mardi une position de l'armée près de Kirkouk, selon un responsable local. ";
/// Without a place name: the 50 MB case measures reading, truncation and
/// the text stages, not the geocoder (see the 100,000-place-names case).
const SENTENCE_NO_PLACE: &str =
    "Un drone a frappé mardi une position de l'armée, selon un responsable local. ";

#[test]
fn fifty_mb_text_on_one_line_is_truncated_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("one_line.txt");
    write_repeated(&p, "", SENTENCE_NO_PLACE, 50 << 20, "Fin.");
    let (out, report, events) = extract(dir.path(), &[p.to_str().unwrap()]);
    assert_exit(&out, 0, "50 MB on one line");
    assert_eq!(report["processed"], 1, "{report}");
    let warnings = report_entries(&report, "warnings");
    assert!(
        warnings
            .iter()
            .any(|(_, r)| r.contains("truncated") && r.contains("--max-doc-bytes")),
        "{warnings:?}"
    );
    // Only the first 40 MB (4 × the limit) were read, and the summary says so.
    assert!(
        warnings
            .iter()
            .any(|(_, r)| r.contains("only its first") && r.contains("4 × --max-doc-bytes")),
        "{warnings:?}"
    );
    // The document was cut at a sentence end: every evidence span lies in
    // the first 10 MB and still points into the original text.
    let text = std::fs::read_to_string(&p).unwrap();
    assert_evidence_in(&text, &events);
    assert!(
        events
            .iter()
            .all(|e| e["evidence"]["end"].as_u64().unwrap() <= 10 << 20)
    );

    // --strict: skipped with a reason that says what to do, exit 0.
    let (out, report, _) = extract(dir.path(), &[p.to_str().unwrap(), "--strict"]);
    assert_exit(&out, 0, "50 MB on one line, --strict");
    let skipped = report_entries(&report, "skipped");
    assert!(
        skipped.len() == 1 && skipped[0].1.contains("raise the limit"),
        "{skipped:?}"
    );
}

#[test]
fn a_million_one_word_lines_of_json_lines_are_all_accounted_for() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("words.jsonl");
    let words = [
        "Kirkouk", "frappe", "drone", "mardi", "attack", "Gaza", "roquette", "killed",
    ];
    let mut f = std::io::BufWriter::new(std::fs::File::create(&p).unwrap());
    for i in 0..1_000_000usize {
        writeln!(f, "{{\"text\":\"{}\"}}", words[i % words.len()]).unwrap();
    }
    f.flush().unwrap();
    drop(f);
    let (out, report, _) = extract(dir.path(), &[p.to_str().unwrap()]);
    assert_exit(&out, 0, "1,000,000 one-word lines");
    assert_eq!(
        report["processed"],
        1_000_000,
        "failed: {:?}",
        report_entries(&report, "failed").first()
    );
    assert_eq!(count(&report, "failed") + count(&report, "skipped"), 0);
}

#[test]
fn html_nested_100_000_levels_deep_keeps_its_text() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("deep.html");
    let depth = 100_000;
    let mut html = String::with_capacity(depth * 11 + 200);
    html.push_str("<html><head><title>Profond</title></head><body>");
    for _ in 0..depth {
        html.push_str("<div>");
    }
    html.push_str("<p>Un obus est tombé près de Tyr jeudi.</p>");
    for _ in 0..depth {
        html.push_str("</div>");
    }
    html.push_str("</body></html>");
    std::fs::write(&p, &html).unwrap();
    let (out, report, _) = extract(dir.path(), &[p.to_str().unwrap()]);
    assert_exit(&out, 0, "HTML nested 100,000 deep");
    assert_eq!(report["processed"], 1, "{report}");
    // Same page through --explain: the main text survived the walk.
    let out = vigie()
        .args(["extract", "--explain"])
        .arg(&p)
        .output()
        .unwrap();
    assert_exit(&out, 0, "--explain on HTML nested 100,000 deep");
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("Un obus est tombé près de Tyr jeudi."),
        "main text lost"
    );
}

#[test]
fn one_place_name_repeated_100_000_times() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("kirkouk.txt");
    let mut text = String::from("Une frappe de drone a visé Kirkouk mardi.\n");
    for _ in 0..100_000 {
        text.push_str("Kirkouk ");
    }
    text.push_str("\nUne roquette est tombée près de Kirkouk mercredi.\n");
    std::fs::write(&p, &text).unwrap();
    let (out, report, events) = extract(
        dir.path(),
        &[p.to_str().unwrap(), "--published", "2024-01-10"],
    );
    assert_exit(&out, 0, "a place name 100,000 times");
    assert_eq!(report["processed"], 1, "{report}");
    assert_evidence_in(&text, &events);
    // The repetition is one sentence without an event: it may not become
    // 100,000 events.
    assert!(events.len() < 10, "{} events", events.len());
}

/// The same article with and without invisible characters: invisibles are
/// dropped by normalization, so what is extracted is the same, and the
/// evidence spans point into the text as written (invisibles included).
#[test]
fn zero_width_and_bidi_controls_change_nothing_but_offsets() {
    let clean = "Frappe près de Kirkouk\n\nUn drone a frappé mardi une base de l'armée près de Kirkouk, a indiqué un responsable. Deux soldats ont été tués.\n";
    let dirty = clean
        .replace("Frappe", "Fr\u{200B}appe")
        .replace("drone", "dr\u{200D}one\u{FEFF}")
        .replace("Kirkouk,", "\u{202E}Kirkouk\u{202C},")
        .replace("mardi", "\u{2066}mardi\u{2069}")
        .replace("soldats", "sol\u{00AD}dats\u{200E}\u{200F}\u{061C}");
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("clean.txt"), clean).unwrap();
    std::fs::write(dir.path().join("dirty.txt"), &dirty).unwrap();
    let args = ["--published", "2024-01-10"];
    let (out_c, _, ev_c) = extract(
        dir.path(),
        &[&[dir.path().join("clean.txt").to_str().unwrap()], &args[..]].concat(),
    );
    let (out_d, report, ev_d) = extract(
        dir.path(),
        &[&[dir.path().join("dirty.txt").to_str().unwrap()], &args[..]].concat(),
    );
    assert_exit(&out_c, 0, "clean text");
    assert_exit(&out_d, 0, "text with invisibles");
    assert_eq!(report["processed"], 1);
    assert_evidence_in(&dirty, &ev_d);
    let shape = |evs: &[Value]| -> Vec<String> {
        evs.iter()
            .map(|e| {
                format!(
                    "{} / {} / {} / {}",
                    e["sub_event_type"], e["event_date"], e["fatalities"], e["location"]["name"]
                )
            })
            .collect()
    };
    assert_eq!(
        shape(&ev_c),
        shape(&ev_d),
        "invisible characters changed the extraction"
    );
}

#[test]
fn mixed_scripts_in_one_document() {
    let text = "Frappe à Kirkouk — ضربة في كركوك — удар — 空袭 — תקיפה 🚀🔥\n\
        Un drone a frappé mardi Kirkouk (كركوك), selon l'armée. Ataka dronów: Кіркук. \
        Mots mêlés: Kirkoukكركوك Тир漢字 e\u{301}\u{0651}\u{05B8}. 💥💥💥 Fin.\n";
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("mixed.txt");
    std::fs::write(&p, text).unwrap();
    for lang in [None, Some("fr"), Some("en"), Some("ar")] {
        let mut args = vec![p.to_str().unwrap(), "--published", "2024-01-10"];
        if let Some(l) = lang {
            args.extend(["--lang", l]);
        }
        let (out, report, events) = extract(dir.path(), &args);
        assert_exit(&out, 0, &format!("mixed scripts, --lang {lang:?}"));
        assert_eq!(report["processed"], 1, "{report}");
        assert_evidence_in(text, &events);
    }
}

#[test]
fn nul_bytes_inside_text() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // A few NULs in a text file: text, the NULs dropped by normalization.
    let mut few = SENTENCE_FR.repeat(20).into_bytes();
    for at in [10, 500, 1500] {
        few[at] = 0;
    }
    let few_text = String::from_utf8(few.clone()).unwrap();
    std::fs::write(d.join("few_nuls.txt"), &few).unwrap();
    // Mostly NULs: binary, skipped with the reason.
    let mut many = b"Kirkouk ".to_vec();
    many.extend(std::iter::repeat_n(0u8, 4096));
    std::fs::write(d.join("many_nuls.txt"), &many).unwrap();
    // NUL as a JSON escape and raw inside JSON Lines text.
    std::fs::write(
        d.join("nul.jsonl"),
        "{\"id\":\"esc\",\"text\":\"Un drone a frappé\\u0000 Kirkouk mardi.\"}\n{\"id\":\"raw\",\"text\":\"Un drone a frappé\u{0} Kirkouk.\"}\n",
    )
    .unwrap();
    let (out, report, events) = extract(
        d,
        &[
            d.join("few_nuls.txt").to_str().unwrap(),
            "--published",
            "2024-01-10",
        ],
    );
    assert_exit(&out, 0, "text with a few NULs");
    assert_eq!(report["processed"], 1, "{report}");
    assert_evidence_in(&few_text, &events);

    let (out, report, _) = extract(d, &[d.join("many_nuls.txt").to_str().unwrap()]);
    assert_exit(&out, 0, "mostly NULs");
    let skipped = report_entries(&report, "skipped");
    assert!(
        skipped.len() == 1 && skipped[0].1.contains("binary"),
        "{skipped:?}"
    );

    // serde_json refuses a raw control character inside a string: that line
    // fails with the reason; the escaped NUL is text.
    let (out, report, _) = extract(d, &[d.join("nul.jsonl").to_str().unwrap()]);
    assert_eq!(report["processed"], 1, "{report}");
    let failed = report_entries(&report, "failed");
    assert!(
        failed.len() == 1
            && failed[0].0.ends_with("nul.jsonl:2")
            && failed[0].1.contains("malformed JSON"),
        "{failed:?}"
    );
    assert_exit(&out, 1, "a failed line makes the exit code 1");
}

/// A lone surrogate (`\ud800` without its pair, or `\udc00` alone) cannot be
/// a Rust string. Expected outcome, decided here: that line fails with a
/// reason (serde_json's, naming the escape and its column), the other lines are processed, the run
/// goes on and exits 1 (some input failed); no crash.
#[test]
fn lone_surrogates_in_json_escapes_fail_that_line_only() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let lines = [
        r#"{"id":"ok1","text":"Un drone a frappé Kirkouk mardi."}"#,
        r#"{"id":"hi","text":"Avant \ud800 après"}"#,
        r#"{"id":"lo","text":"Avant \udc00 après"}"#,
        r#"{"id":"rev","text":"\udc00\ud800"}"#,
        r#"{"id":"end","text":"fin \ud83d"}"#,
        r#"{"id":"pair","text":"Une paire valide \ud83d\ude80 reste du texte."}"#,
    ];
    std::fs::write(d.join("surrogates.jsonl"), lines.join("\n")).unwrap();
    std::fs::write(d.join("surrogates.json"), r#"[{"text":"a \ud800 b"}]"#).unwrap();
    let (out, report, _) = extract(
        d,
        &[
            d.join("surrogates.jsonl").to_str().unwrap(),
            d.join("surrogates.json").to_str().unwrap(),
        ],
    );
    assert_exit(&out, 1, "lone surrogates");
    assert_eq!(report["processed"], 2, "ok1 and pair: {report}");
    let failed = report_entries(&report, "failed");
    let origins: Vec<&str> = failed
        .iter()
        .map(|(o, _)| o.rsplit('/').next().unwrap_or(""))
        .collect();
    assert_eq!(
        origins,
        [
            "surrogates.jsonl:2",
            "surrogates.jsonl:3",
            "surrogates.jsonl:4",
            "surrogates.jsonl:5",
            "surrogates.json"
        ],
        "{failed:?}"
    );
    // serde_json's reasons: "lone leading surrogate in hex escape",
    // "unexpected end of hex escape", with line and column.
    for (o, r) in &failed {
        assert!(
            r.contains("malformed JSON") && r.contains("escape"),
            "{o}: {r}"
        );
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("surrogates.jsonl:2"),
        "failures are listed even with --quiet:\n{stderr}"
    );
}

#[test]
fn a_json_lines_line_of_100_mb_is_skipped_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("huge_line.jsonl");
    write_repeated(
        &p,
        "{\"id\":\"before\",\"text\":\"Un drone a frappé Kirkouk mardi.\"}\n{\"id\":\"huge\",\"text\":\"",
        SENTENCE_FR,
        100 << 20,
        "\"}\n{\"id\":\"after\",\"text\":\"Une roquette est tombée sur Tyr.\"}\n",
    );
    let (out, report, _) = extract(dir.path(), &[p.to_str().unwrap()]);
    assert_exit(&out, 0, "a 100 MB line");
    assert_eq!(report["processed"], 2, "the lines around it: {report}");
    let skipped = report_entries(&report, "skipped");
    assert!(
        skipped.len() == 1
            && skipped[0].0.ends_with("huge_line.jsonl:2")
            && skipped[0].1.contains("exceeds the limit")
            && skipped[0].1.contains("--max-doc-bytes"),
        "{skipped:?}"
    );
}
