//! `vigie time` run as a real binary.

mod common;

use std::io::Write;
use std::process::Stdio;

use common::vigie;

fn json_lines(out: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(out)
        .lines()
        .map(|l| match serde_json::from_str(l) {
            Ok(v) => v,
            Err(e) => panic!("not JSON: {l:?}: {e}"),
        })
        .collect()
}

#[test]
fn text_argument_prints_one_object_per_expression() {
    let out = match vigie()
        .args([
            "time",
            "--ref",
            "2024-01-10",
            "--lang",
            "fr",
            "Des éléments de l'EI avaient attaqué samedi soir un poste.",
        ])
        .output()
    {
        Ok(o) => o,
        Err(e) => panic!("running vigie: {e}"),
    };
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v = json_lines(&out.stdout);
    assert_eq!(v.len(), 1);
    let o = &v[0];
    assert_eq!(o["line"], 1);
    assert_eq!(o["text"], "samedi soir");
    assert_eq!(o["start"], 40);
    assert_eq!(o["end"], 51);
    assert_eq!(o["value"]["start"], "2024-01-06");
    assert_eq!(o["value"]["end"], "2024-01-06");
    assert_eq!(o["grain"], "day");
    assert_eq!(o["precision"], 1);
    assert!(o["mod"].is_null());
    // field order as in the issue
    let raw = String::from_utf8_lossy(&out.stdout);
    assert!(
        raw.starts_with("{\"line\":1,\"text\":\"samedi soir\",\"start\":40,\"end\":51,\"value\":"),
        "{raw}"
    );
}

#[test]
fn stdin_lines_are_separate_texts_with_guessed_language() {
    let mut child = match vigie()
        .args(["time", "--ref", "2024-01-10"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
    {
        Ok(c) => c,
        Err(e) => panic!("running vigie: {e}"),
    };
    if let Some(mut stdin) = child.stdin.take() {
        let input = "Le groupe a frappé la base mardi.\n\nThe army said on Tuesday it struck the base, and the day before too.\nfin janvier\n";
        if let Err(e) = stdin.write_all(input.as_bytes()) {
            panic!("writing stdin: {e}");
        }
    }
    let out = match child.wait_with_output() {
        Ok(o) => o,
        Err(e) => panic!("waiting: {e}"),
    };
    assert!(out.status.success());
    let v = json_lines(&out.stdout);
    let summary: Vec<(i64, String, String)> = v
        .iter()
        .map(|o| {
            (
                o["line"].as_i64().unwrap_or(0),
                o["text"].as_str().unwrap_or("").to_string(),
                o["value"]["start"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        vec![
            (1, "mardi".into(), "2024-01-09".into()),
            (3, "Tuesday".into(), "2024-01-09".into()),
            (3, "the day before".into(), "2024-01-09".into()),
            (4, "fin janvier".into(), "2024-01-21".into()),
        ]
    );
    assert_eq!(v[3]["mod"], "end");
    assert_eq!(v[3]["precision"], 2);
    assert_eq!(v[1]["lang"], "en");
}

#[test]
fn prefer_future_and_missing_reference() {
    let out = match vigie()
        .args([
            "time",
            "--lang",
            "en",
            "--prefer",
            "future",
            "--ref",
            "2024-01-10",
            "on Tuesday",
        ])
        .output()
    {
        Ok(o) => o,
        Err(e) => panic!("running vigie: {e}"),
    };
    let v = json_lines(&out.stdout);
    assert_eq!(v[0]["value"]["start"], "2024-01-16");
    let out = match vigie()
        .args(["time", "--lang", "en", "on Tuesday"])
        .output()
    {
        Ok(o) => o,
        Err(e) => panic!("running vigie: {e}"),
    };
    let v = json_lines(&out.stdout);
    assert!(v[0]["value"].is_null(), "no reference, no value: {v:?}");
}

#[test]
fn unsupported_language_is_an_error() {
    let out = match vigie().args(["time", "--lang", "de", "Dienstag"]).output() {
        Ok(o) => o,
        Err(e) => panic!("running vigie: {e}"),
    };
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--lang de"));
}

#[test]
fn a_closed_stdout_is_no_error() {
    // `vigie time … | head -1` printed "vigie: error: Broken pipe" and
    // exited 1: the write failed inside serde_json, whose error the
    // broken-pipe check did not look into.
    let mut child = match vigie()
        .args(["time", "--lang", "fr", "--ref", "2024-01-10"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(c) => c,
        Err(e) => panic!("spawn: {e}"),
    };
    // Close our end of stdout before vigie writes: every write fails.
    drop(child.stdout.take());
    let lines = "Le 12 mars 2024, une frappe a visé la ville.\n".repeat(20_000);
    if let Some(mut stdin) = child.stdin.take() {
        // vigie may stop reading once stdout is gone: a failed write here is fine.
        let _ = stdin.write_all(lines.as_bytes());
    }
    let out = match child.wait_with_output() {
        Ok(o) => o,
        Err(e) => panic!("wait: {e}"),
    };
    assert!(out.status.success(), "exit {:?}", out.status.code());
    assert!(
        out.stderr.is_empty(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}
