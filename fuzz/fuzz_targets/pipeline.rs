//! The whole pipeline on arbitrary text: `vigie_pipeline::run` with the
//! bundled extractor (`Engine::load`), as the binary runs it, over
//! one .txt or .html file. Every event and figure carries evidence that is
//! a span on character boundaries of the document's text, and whose text is
//! that span; no document fails with an internal error.
#![no_main]

#[path = "common.rs"]
mod common;

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use vigie_core::Evidence;
use vigie_pipeline::{Config, DocOutcome, Engine};

fn engine(published: bool) -> Engine {
    let config = Config {
        threads: 1,
        batch_size: 8,
        published: if published {
            jiff::civil::Date::new(2024, 1, 7).ok()
        } else {
            None
        },
        ..Config::default()
    };
    // As the binary builds it (crates/cli/src/engine.rs): every bundled stage.
    Engine::load(&config).expect("engine")
}

static DATED: LazyLock<Engine> = LazyLock::new(|| engine(true));
static UNDATED: LazyLock<Engine> = LazyLock::new(|| engine(false));
static DIR: LazyLock<std::path::PathBuf> = LazyLock::new(common::scratch_dir);

fn check(text: &str, ev: &Evidence, what: &str) {
    assert!(
        common::on_boundaries(text, ev.start, ev.end),
        "{what} evidence {}..{} of {}",
        ev.start,
        ev.end,
        text.len()
    );
    assert_eq!(ev.text, &text[ev.start..ev.end], "{what} evidence text");
}

// Load once, outside the per-input timeout.
fuzz_target!(init: {
    LazyLock::force(&DATED);
    LazyLock::force(&UNDATED);
}, |data: &[u8]| {
    let Some((&sel, body)) = data.split_first() else {
        return;
    };
    let ext = if sel & 1 == 0 { "txt" } else { "html" };
    let engine: &Engine = if sel & 2 == 0 { &DATED } else { &UNDATED };
    let path = DIR.join(format!("doc.{ext}"));
    std::fs::write(&path, body).expect("write scratch file");
    let mut outcomes = Vec::new();
    vigie_pipeline::run(engine, &[path], &mut |o| {
        outcomes.push(o);
        Ok(())
    })
    .expect("the sink never fails");
    assert_eq!(outcomes.len(), 1);
    for o in &outcomes {
        match o {
            DocOutcome::Processed(d) => {
                for e in &d.events {
                    check(&d.text, &e.evidence, "event");
                }
                for f in &d.figures {
                    check(&d.text, &f.evidence, "figure");
                }
            }
            DocOutcome::Failed { origin, reason } => panic!("{origin}: {reason}"),
            DocOutcome::Skipped { .. } => {}
        }
    }
});
