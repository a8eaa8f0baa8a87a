//! A panic inside one document's processing is caught, reported as that
//! document's failure, and the run goes on (issue 8).
//!
//! The panic is injected through the library, not the binary: the engine
//! is built with an extraction stage that panics on documents containing
//! `PANIC-ME`, so the shipped binary carries no test-only trigger. The
//! driver (`vigie_pipeline::run`) is the one the binary uses.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use vigie_pipeline::{Config, DocOutcome, Engine, Extraction, RunSummary};

const TRIGGER: &str = "PANIC-ME";

fn panicking_engine(threads: usize, batch_size: usize) -> Engine {
    let config = Config {
        threads,
        batch_size,
        ..Config::default()
    };
    Engine::with_extractor(
        &config,
        Box::new(|doc| {
            if doc.text.contains(TRIGGER) {
                panic!("injected panic for the isolation test in {}", doc.meta.id);
            }
            if doc.text.contains("PANIC-ANY") {
                std::panic::panic_any(42_u32);
            }
            Extraction::default()
        }),
    )
    .unwrap()
}

/// Runs the engine over `inputs`: the summary and one (origin, kind,
/// reason) per outcome, in the order the sink saw them.
fn run(engine: &Engine, inputs: &[PathBuf]) -> (RunSummary, Vec<(String, &'static str, String)>) {
    let mut seen = Vec::new();
    let summary = vigie_pipeline::run(engine, inputs, &mut |o| {
        seen.push(match o {
            DocOutcome::Processed(d) => (d.meta.origin.clone(), "processed", String::new()),
            DocOutcome::Skipped { origin, reason } => (origin, "skipped", reason),
            DocOutcome::Failed { origin, reason } => (origin, "failed", reason),
        });
        Ok(())
    })
    .unwrap();
    (summary, seen)
}

fn file_name(origin: &str) -> &str {
    origin.rsplit(['/', '\\']).next().unwrap_or(origin)
}

#[test]
fn injected_panic_in_one_document_leaves_the_others_processed() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "Un obus est tombé près de Tyr mardi.",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.txt"),
        format!("Ce texte déclenche {TRIGGER} dans l'extraction."),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("c.txt"),
        "Rockets hit a base near Erbil on Sunday.",
    )
    .unwrap();
    let engine = panicking_engine(2, 256);
    let (summary, seen) = run(&engine, &[dir.path().to_path_buf()]);

    let kinds: Vec<(&str, &str)> = seen.iter().map(|(o, k, _)| (file_name(o), *k)).collect();
    assert_eq!(
        kinds,
        [
            ("a.txt", "processed"),
            ("b.txt", "failed"),
            ("c.txt", "processed")
        ],
        "every document accounted for, in input order"
    );
    assert_eq!(summary.processed, 2);
    assert_eq!(summary.failed.len(), 1);
    assert_eq!(summary.total(), 3);
    assert_eq!(
        summary.exit_code(),
        1,
        "a failed document makes the exit code 1"
    );
    let failure = &summary.failed[0];
    assert_eq!(file_name(&failure.origin), "b.txt");
    assert!(
        failure.reason.contains("internal error") && failure.reason.contains("injected panic"),
        "the reason carries the panic message: {}",
        failure.reason
    );
    assert!(
        failure.reason.contains("--explain"),
        "the reason says how to report it: {}",
        failure.reason
    );

    // The printed summary names the document.
    let mut printed = Vec::new();
    summary.print(&mut printed).unwrap();
    let printed = String::from_utf8(printed).unwrap();
    assert!(
        printed.contains("2 documents processed, 0 skipped, 1 failed"),
        "{printed}"
    );
    assert!(
        printed.lines().any(|l| l.trim_start().starts_with("failed")
            && l.contains("b.txt")
            && l.contains("injected panic")),
        "{printed}"
    );
}

/// Panics in several JSON Lines documents of one batch, on several worker
/// threads, with a non-string payload too: each is that line's failure; the
/// pool is not poisoned, so a second run on the same engine works.
#[test]
fn panics_inside_a_batch_of_json_lines_fail_only_their_lines() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("batch.jsonl");
    let lines: Vec<String> = (1..=12)
        .map(|i| {
            let text = match i {
                3 | 8 => format!("Dépêche {i} avec {TRIGGER}."),
                10 => format!("Dépêche {i} avec PANIC-ANY."),
                _ => format!("Dépêche {i}: un obus est tombé près de Tyr."),
            };
            serde_json::json!({ "id": format!("d{i}"), "text": text }).to_string()
        })
        .collect();
    std::fs::write(&p, lines.join("\n")).unwrap();
    // Batches of 4 so that panics land in different batches.
    let engine = panicking_engine(3, 4);
    for round in 0..2 {
        let (summary, seen) = run(&engine, std::slice::from_ref(&p));
        let failed: Vec<&str> = seen
            .iter()
            .filter(|(_, k, _)| *k == "failed")
            .map(|(o, _, _)| file_name(o))
            .collect();
        assert_eq!(
            failed,
            ["batch.jsonl:3", "batch.jsonl:8", "batch.jsonl:10"],
            "round {round}"
        );
        assert_eq!(summary.processed, 9, "round {round}");
        let unknown = &seen[9].2;
        assert!(
            unknown.contains("unknown panic"),
            "a non-string payload is still reported: {unknown}"
        );
    }
}
