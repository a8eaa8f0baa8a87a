//! `vigie extract` on every input kind and every kind of bad input, run as
//! the real binary in temporary directories.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::io::Write;
use std::path::Path;
use std::process::{Output, Stdio};

use serde_json::Value;

use common::{report_entries, vigie};

/// Runs `vigie extract ARGS --report R` and returns (output, report).
fn extract(dir: &Path, args: &[&str]) -> (Output, Value) {
    let report = dir.join("report.json");
    let out = vigie()
        .arg("extract")
        .args(args)
        .arg("--report")
        .arg(&report)
        .output()
        .expect("vigie runs");
    let report: Value =
        serde_json::from_slice(&std::fs::read(&report).unwrap_or_default()).unwrap_or(Value::Null);
    (out, report)
}

const FR: &str = "Deux drones ont visé mardi une base de la coalition près de Hassaké, a annoncé l'armée dans un communiqué.\n";
const EN: &str =
    "Two drones targeted a coalition base near Hasakah on Tuesday, the army said in a statement.\n";

#[test]
fn every_good_input_kind_is_processed() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir_all(d.join("in/sub")).unwrap();
    std::fs::write(d.join("in/a.txt"), FR).unwrap();
    std::fs::write(
        d.join("in/sub/b.html"),
        format!(
            "<html><head><title>T</title></head><body><article><p>{EN}</p></article></body></html>"
        ),
    )
    .unwrap();
    std::fs::write(
        d.join("in/c.jsonl"),
        format!(
            "{}\n\n{}\n",
            serde_json::json!({"id": "x1", "text": FR}),
            serde_json::json!({"text": EN, "lang": "en"})
        ),
    )
    .unwrap();
    std::fs::write(
        d.join("in/d.json"),
        serde_json::json!([{"id": "y1", "text": FR}, {"id": "y2", "text": EN}]).to_string(),
    )
    .unwrap();
    std::fs::write(
        d.join("in/e.json"),
        serde_json::json!({"id": "z1", "text": EN, "published": "2024-01-07"}).to_string(),
    )
    .unwrap();
    std::fs::write(d.join("in/noext"), FR).unwrap();
    let (out, report) = extract(d, &[d.join("in").to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(report["processed"], 8, "{report}");
    assert_eq!(report_entries(&report, "skipped"), vec![]);
    assert_eq!(report_entries(&report, "failed"), vec![]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("8 documents processed, 0 skipped, 0 failed"),
        "{stderr}"
    );
}

#[test]
fn stdin_text_and_jsonl() {
    for (input, want) in [
        (FR.to_string(), 1),
        (
            format!(
                "{}\n{}\n",
                serde_json::json!({"text": FR}),
                serde_json::json!({"text": EN})
            ),
            2,
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let report = dir.path().join("r.json");
        let mut child = vigie()
            .args(["extract", "-", "--report"])
            .arg(&report)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success());
        let r: Value = serde_json::from_slice(&std::fs::read(&report).unwrap()).unwrap();
        assert_eq!(r["processed"], want);
    }
}

#[test]
fn bad_input_battery_names_each_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let inp = d.join("in");
    std::fs::create_dir_all(&inp).unwrap();
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";
    std::fs::write(inp.join("01_image.png"), png).unwrap();
    std::fs::write(inp.join("02_image_named.txt"), png).unwrap();
    std::fs::write(inp.join("03_empty.txt"), b"").unwrap();
    let (cp1252, _, _) = encoding_rs::WINDOWS_1252.encode(
        "L'armée a frappé près de Hassaké, a-t-on appris à Bagdad. Trois soldats ont été tués.",
    );
    std::fs::write(inp.join("04_cp1252.txt"), &cp1252).unwrap();
    let mut utf16 = vec![0xff, 0xfe];
    for u in "Des roquettes ont frappé la base aérienne d'Aïn al-Assad mardi.".encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    std::fs::write(inp.join("05_utf16.txt"), &utf16).unwrap();
    std::fs::write(
        inp.join("06_lines.jsonl"),
        format!(
            "{}\n{{\"id\": \"broken\", \"text\": \"Une phrase coup\n{}\n{}\n{}\n",
            serde_json::json!({"id": "l1", "text": FR}),
            serde_json::json!({"id": "l3", "text": EN}),
            serde_json::json!({"id": "l4", "title": "no text here"}),
            serde_json::json!({"id": "l5", "text": FR}),
        ),
    )
    .unwrap();
    std::fs::write(
        inp.join("07_page.html"),
        r#"<html><head><script>document.write("tracker")</script></head><body>
        <nav><a href="/">Accueil</a></nav><div id="cookie-consent">Acceptez les cookies</div>
        <article><p>Un drone a frappé une base près de Hassaké.</p></article><footer>Pied</footer></body></html>"#,
    )
    .unwrap();
    std::fs::write(inp.join("08_doc.pdf"), b"%PDF-1.4 ...").unwrap();
    let (out, report) = extract(d, &[inp.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "some inputs failed: exit 1");
    let skipped = report_entries(&report, "skipped");
    let failed = report_entries(&report, "failed");
    let name = |p: &str| p.rsplit('/').next().unwrap().to_string();
    let skipped_names: Vec<(String, String)> =
        skipped.iter().map(|(o, r)| (name(o), r.clone())).collect();
    let failed_names: Vec<(String, String)> =
        failed.iter().map(|(o, r)| (name(o), r.clone())).collect();
    assert!(
        skipped_names
            .iter()
            .any(|(n, r)| n == "01_image.png" && r.contains("unsupported type (.png)")),
        "{skipped_names:?}"
    );
    assert!(
        skipped_names
            .iter()
            .any(|(n, r)| n == "02_image_named.txt" && r.contains("binary (PNG image)")),
        "{skipped_names:?}"
    );
    assert!(
        skipped_names
            .iter()
            .any(|(n, r)| n == "03_empty.txt" && r.contains("empty")),
        "{skipped_names:?}"
    );
    assert!(
        skipped_names
            .iter()
            .any(|(n, r)| n == "08_doc.pdf" && r.contains("unsupported type")),
        "{skipped_names:?}"
    );
    assert!(
        failed_names
            .iter()
            .any(|(n, r)| n == "06_lines.jsonl:2" && r.contains("malformed JSON")),
        "{failed_names:?}"
    );
    assert!(
        failed_names
            .iter()
            .any(|(n, r)| n == "06_lines.jsonl:4" && r.contains("without `text`")),
        "{failed_names:?}"
    );
    assert_eq!(skipped.len(), 4, "{skipped:?}");
    assert_eq!(failed.len(), 2, "{failed:?}");
    // cp1252, utf16, jsonl lines 1, 3 and 5, html: 6 good documents.
    assert_eq!(report["processed"], 6, "{report}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("06_lines.jsonl:2: malformed JSON"),
        "{stderr}"
    );
}

#[test]
fn large_text_is_truncated_with_a_warning_or_skipped_when_strict() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.txt");
    // Ingestion limits are under test here, not extraction: the sentence
    // reports no event (the extraction of huge documents is exercised by
    // the adversarial tests).
    let sentence =
        "Le conseil municipal s'est réuni mardi pour voter le budget, selon une source locale. ";
    let mut f = std::io::BufWriter::new(std::fs::File::create(&big).unwrap());
    let mut n = 0;
    while n < 20 * 1024 * 1024 {
        f.write_all(sentence.as_bytes()).unwrap();
        n += sentence.len();
    }
    f.flush().unwrap();
    drop(f);
    let (out, report) = extract(dir.path(), &[big.to_str().unwrap()]);
    assert!(out.status.success());
    assert_eq!(report["processed"], 1);
    let warnings = report_entries(&report, "warnings");
    assert!(
        warnings.iter().any(|(_, r)| r.contains("truncated")),
        "{warnings:?}"
    );
    let (out, report) = extract(dir.path(), &[big.to_str().unwrap(), "--strict"]);
    assert!(
        out.status.success(),
        "a document skipped for a stated reason is not a failure"
    );
    assert!(
        report_entries(&report, "skipped")
            .iter()
            .any(|(_, r)| r.contains("--max-doc-bytes")),
        "{report}"
    );
}

#[test]
fn ten_thousand_small_files() {
    let dir = tempfile::tempdir().unwrap();
    let inp = dir.path().join("many");
    for i in 0..10_000 {
        let sub = inp.join(format!("{:02}", i % 100));
        if i < 100 {
            std::fs::create_dir_all(&sub).unwrap();
        }
        std::fs::write(
            sub.join(format!("{i:05}.txt")),
            format!("Dépêche {i}. Un obus est tombé près de Tyr."),
        )
        .unwrap();
    }
    let (out, report) = extract(dir.path(), &[inp.to_str().unwrap(), "--quiet"]);
    assert!(out.status.success());
    assert_eq!(report["processed"], 10_000);
    assert!(
        out.stderr.is_empty(),
        "--quiet prints nothing when nothing failed"
    );
}

#[test]
fn usage_errors_exit_2() {
    let out = vigie().arg("extract").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = vigie()
        .args(["extract", "x.txt", "--published", "yesterday"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("YYYY-MM-DD"));
}

#[test]
fn directory_order_is_sorted_and_deterministic() {
    let dir = tempfile::tempdir().unwrap();
    let inp = dir.path().join("d");
    std::fs::create_dir_all(inp.join("b")).unwrap();
    std::fs::create_dir_all(inp.join("a")).unwrap();
    std::fs::write(
        inp.join("b/1.jsonl"),
        format!("{}\n", serde_json::json!({"id": "b1", "text": FR})),
    )
    .unwrap();
    std::fs::write(inp.join("a/2.jsonl"), "{bad\n").unwrap();
    std::fs::write(inp.join("z.jsonl"), "{bad\n").unwrap();
    std::fs::write(inp.join("c.jsonl"), "{bad\n").unwrap();
    let (_, report) = extract(dir.path(), &[inp.to_str().unwrap()]);
    let failed: Vec<String> = report_entries(&report, "failed")
        .into_iter()
        .map(|(o, _)| o.strip_prefix(inp.to_str().unwrap()).unwrap().to_string())
        .collect();
    // Files of a directory first, then its subdirectories, each sorted.
    assert_eq!(failed, ["/c.jsonl:1", "/z.jsonl:1", "/a/2.jsonl:1"]);
}

#[test]
fn explain_replays_a_document_stage_by_stage() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("one.txt");
    std::fs::write(&f, format!("Titre sans point\n{FR}")).unwrap();
    let out = vigie()
        .args(["extract", "--explain", "--published", "2024-03-12"])
        .arg(&f)
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    for want in [
        "== one.txt",
        "published 2024-03-12 (--published)",
        "(headline) Titre sans point",
        "-- extraction trace",
        "-- events",
        "-- figures",
    ] {
        assert!(text.contains(want), "missing {want:?} in:\n{text}");
    }
    assert!(
        !text.lines().any(|l| l.starts_with('{')),
        "no bare JSON records in --explain output"
    );
}
