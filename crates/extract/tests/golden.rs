//! Golden articles: whole event and figure records compared with the files
//! under `tests/golden/`. Re-bless after a reviewed change with
//! `VIGIE_BLESS=1 cargo test -p vigie-extract --test golden`, then read the diff.

use std::path::{Path, PathBuf};

use vigie_core::{DocMeta, Lang};
use vigie_extract::Extractor;
use vigie_resources::Resources;

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("golden")
}

/// Splits the `key: value` header (up to `---`) from the article text.
fn parse(raw: &str) -> (DocMeta, String) {
    let mut meta = DocMeta::default();
    let (head, body) = raw.split_once("\n---\n").unwrap_or(("", raw));
    for line in head.lines() {
        if let Some((k, v)) = line.split_once(':') {
            match k.trim() {
                "published" => meta.published = v.trim().parse().ok(),
                "lang" => meta.lang = Some(Lang::new(v.trim())),
                _ => {}
            }
        }
    }
    (meta, body.to_string())
}

#[test]
fn golden_articles_match_their_records() {
    let res = Resources::embedded();
    let ex = Extractor::from_resources(&res).unwrap_or_else(|e| panic!("{e}"));
    let prep = vigie_text::Preparer::from_resources(&res).unwrap_or_else(|e| panic!("{e}"));
    let bless = std::env::var_os("VIGIE_BLESS").is_some();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(golden_dir())
        .unwrap_or_else(|e| panic!("{e}"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    entries.sort();
    assert!(entries.len() >= 4, "golden articles missing");
    let mut failures = Vec::new();
    for path in entries {
        let raw = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{e}"));
        let (mut meta, text) = parse(&raw);
        meta.id = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let doc = prep.prepare(meta, text);
        let out = ex.extract(&doc);
        // Evidence must point at the original text.
        for e in &out.events {
            if doc.text.get(e.evidence.start..e.evidence.end) != Some(e.evidence.text.as_str()) {
                failures.push(format!(
                    "{}: evidence offsets do not match its text: {:?}",
                    doc.meta.id, e.evidence
                ));
            }
            if e.rules.is_empty() {
                failures.push(format!("{}: event without rules", doc.meta.id));
            }
        }
        let got = serde_json::to_string_pretty(&serde_json::json!({
            "events": out.events,
            "figures": out.figures,
        }))
        .unwrap_or_default()
            + "\n";
        let expected_path = path.with_extension("json");
        if bless {
            std::fs::write(&expected_path, &got).unwrap_or_else(|e| panic!("{e}"));
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if expected != got {
            failures.push(format!(
                "{}: records differ from {} (re-bless with VIGIE_BLESS=1 after review)\n--- got ---\n{got}",
                doc.meta.id,
                expected_path.display()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
