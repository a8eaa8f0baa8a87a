//! The ingesters end to end: the first byte picks the file type (.txt,
//! .html, .jsonl, .json) and the flags (--strict), the rest is the file. It
//! runs through `vigie_pipeline::run` (decode, HTML, JSON/JSON Lines
//! reading, limits, normalization, sentences; no extraction) with a small
//! `--max-doc-bytes` so that the limits are exercised.
//!
//! Invariants: no panic; every input document is accounted for exactly once
//! (one outcome per non-blank JSON Lines line, one per .txt/.html file); no
//! processed document exceeds the limit; no document fails with an internal
//! error (a caught panic).
#![no_main]

#[path = "common.rs"]
mod common;

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use vigie_pipeline::{Config, DocOutcome, Engine, Extraction};

const MAX: usize = 2048;

fn engine(strict: bool) -> Engine {
    let config = Config {
        threads: 1,
        max_doc_bytes: MAX,
        strict,
        batch_size: 8,
        ..Config::default()
    };
    // No extraction: this target is about reading inputs.
    Engine::with_extractor(&config, Box::new(|_| Extraction::default())).expect("engine")
}

static LENIENT: LazyLock<Engine> = LazyLock::new(|| engine(false));
static STRICT: LazyLock<Engine> = LazyLock::new(|| engine(true));
static DIR: LazyLock<std::path::PathBuf> = LazyLock::new(common::scratch_dir);

/// Outcomes the JSON Lines reader must produce for `body`.
fn expected_jsonl_outcomes(body: &[u8]) -> usize {
    let mut n = 0;
    let mut rest = body;
    while !rest.is_empty() {
        let (line, next) = match rest.iter().position(|&b| b == b'\n') {
            Some(p) => (&rest[..p], &rest[p + 1..]),
            None => (rest, &rest[rest.len()..]),
        };
        if line.len() > MAX || !line.iter().all(|b| b.is_ascii_whitespace()) {
            n += 1;
        }
        rest = next;
    }
    n
}

// Load once, outside the per-input timeout.
fuzz_target!(init: {
    LazyLock::force(&LENIENT);
    LazyLock::force(&STRICT);
}, |data: &[u8]| {
    let Some((&sel, body)) = data.split_first() else {
        return;
    };
    let ext = ["txt", "html", "jsonl", "json"][usize::from(sel & 3)];
    let engine: &Engine = if sel & 4 != 0 { &STRICT } else { &LENIENT };
    let path = DIR.join(format!("doc.{ext}"));
    std::fs::write(&path, body).expect("write scratch file");
    let mut outcomes = Vec::new();
    let summary = vigie_pipeline::run(engine, &[path], &mut |o| {
        outcomes.push(o);
        Ok(())
    })
    .expect("the sink never fails");
    assert_eq!(summary.total(), outcomes.len());
    match ext {
        "txt" | "html" => assert_eq!(outcomes.len(), 1),
        "jsonl" => assert_eq!(
            outcomes.len(),
            expected_jsonl_outcomes(body),
            "JSON Lines accounting"
        ),
        _ => assert!(!outcomes.is_empty()),
    }
    for o in &outcomes {
        match o {
            DocOutcome::Processed(d) => {
                assert!(d.text.len() <= MAX, "processed document over the limit");
                assert!(!d.text.trim().is_empty());
            }
            DocOutcome::Failed { origin, reason } => {
                assert!(!reason.contains("internal error"), "{origin}: {reason}");
            }
            DocOutcome::Skipped { .. } => {}
        }
    }
});
