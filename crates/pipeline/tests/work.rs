//! The per-document work counter (issue 16): counted in deterministic units
//! and growing no faster than the input, whatever its shape, so that the
//! `--max-doc-work` budget bounds the time of any document.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;

use vigie_pipeline::{Config, Engine};

/// Work units of one run over one file holding `body`.
fn work(engine: &Engine, dir: &Path, name: &str, body: &str) -> u64 {
    let path = dir.join(name);
    std::fs::write(&path, body).unwrap();
    let summary = vigie_pipeline::run(engine, &[path], &mut |_| Ok(())).unwrap();
    assert_eq!(summary.processed, 1, "{:?}", summary.failed);
    summary.work
}

/// A document of `n` pieces of one shape.
type Shape = Box<dyn Fn(usize) -> String>;

#[test]
fn work_counter_grows_linearly_with_input_size() {
    let config = Config {
        threads: 1,
        ..Config::default()
    };
    let engine = Engine::load(&config).unwrap();
    let dir = tempfile::tempdir().unwrap();
    const SENTENCE: &str = "Une frappe de drone a visé la base d'Aïn al-Assad mardi, a déclaré la Résistance islamique en Irak. ";
    let shapes: [(&str, Shape); 4] = [
        ("events.txt", Box::new(|n| SENTENCE.repeat(n))),
        (
            "place.txt",
            Box::new(|n| format!("{SENTENCE}{}", "Kirkouk ".repeat(n * 10))),
        ),
        (
            "bomb.html",
            Box::new(|n| {
                let attrs: String = (0..n * 100).map(|i| format!(" a{i}=v")).collect();
                format!(
                    "<html><body><p{attrs}>{}</p></body></html>",
                    SENTENCE.repeat(n)
                )
            }),
        ),
        (
            "tags.html",
            Box::new(|n| {
                format!(
                    "<html><body>{}</body></html>",
                    format!("<p class=x>{SENTENCE}</p>").repeat(n)
                )
            }),
        ),
    ];
    for (name, shape) in &shapes {
        let base = work(&engine, dir.path(), name, &shape(20));
        assert!(base > 0, "{name}");
        let mut previous = base;
        for k in [2u64, 4, 8] {
            let w = work(&engine, dir.path(), name, &shape(20 * k as usize));
            assert!(
                w <= k * base,
                "{name}: {k}× the input, {w} units > {k} × {base}"
            );
            assert!(w > previous, "{name}: the counter grows with the input");
            previous = w;
        }
    }
}
