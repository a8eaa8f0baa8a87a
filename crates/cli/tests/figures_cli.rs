//! `vigie figures --what`: the fixed vocabulary of a figure's kind, with
//! "wounded" an alias of "injured", on the real binary.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::Command;

fn vigie() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_vigie"));
    c.env_remove("VIGIE_DB").env_remove("VIGIE_RESOURCES");
    c
}

/// A health-ministry toll written for this test: one killed figure and
/// one injured figure.
const TOLL: &str = "Depuis le début de la guerre, au moins 12 500 personnes ont été tuées et 31 200 \
autres blessées dans la région du Darfour, selon un bilan publié lundi par le ministère de la Santé.";

#[test]
fn wounded_is_an_alias_of_injured_in_figures_what() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("toll.txt");
    std::fs::write(&article, TOLL).unwrap();
    let db = dir.path().join("store.db");
    let out = vigie()
        .args(["ingest", "-q", "--published", "2025-03-10", "--db"])
        .arg(&db)
        .arg(&article)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let figures = |what: &str| {
        let out = vigie()
            .args(["figures", "--what", what, "--db"])
            .arg(&db)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let injured = figures("injured");
    assert!(injured.contains("\"count\":31200"), "{injured}");
    assert!(!injured.contains("\"count\":12500"), "{injured}");
    assert_eq!(figures("wounded"), injured);
    assert_eq!(figures("Wounded"), injured);
}

#[test]
fn an_unknown_figure_kind_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = vigie()
        .args(["figures", "--what", "hurt", "--db"])
        .arg(dir.path().join("none.db"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("killed, injured, missing"), "{err}");
}
