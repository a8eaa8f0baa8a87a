//! `vigie eval` prints what shared/eval/score.py prints on the same inputs.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;
use std::process::Command;

fn shared() -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    p.join("eval/score.py").exists().then_some(p)
}

fn python() -> bool {
    Command::new("python3")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Extracts with `vigie extract`, scores with score.py, and compares with
/// `vigie eval` on the same articles: table and JSON must be identical.
fn agree_on(gold: &str, inputs: &str) {
    let (Some(shared), true) = (shared(), python()) else {
        eprintln!("skipped: needs python3 and ../shared/eval/score.py beside the repository");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let events = dir.path().join("e.jsonl");
    let figures = dir.path().join("f.jsonl");
    let vigie = env!("CARGO_BIN_EXE_vigie");
    let out = Command::new(vigie)
        .args(["extract", "--quiet", "--out"])
        .arg(&events)
        .arg("--figures")
        .arg(&figures)
        .arg(shared.join(inputs))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for json in [false, true] {
        let mut py = Command::new("python3");
        py.arg(shared.join("eval/score.py"))
            .arg(shared.join(gold))
            .arg(&events)
            .arg("--figures")
            .arg(&figures);
        let mut ours = Command::new(vigie);
        ours.args(["eval", "--quiet", "--gold"])
            .arg(shared.join(gold))
            .arg(shared.join(inputs));
        if json {
            py.arg("--json");
            ours.arg("--json");
        }
        let py = py.output().unwrap();
        let ours = ours.output().unwrap();
        assert!(
            py.status.success(),
            "{}",
            String::from_utf8_lossy(&py.stderr)
        );
        assert!(
            ours.status.success(),
            "{}",
            String::from_utf8_lossy(&ours.stderr)
        );
        assert_eq!(
            String::from_utf8_lossy(&ours.stdout).trim_end(),
            String::from_utf8_lossy(&py.stdout).trim_end()
        );
    }
}

#[test]
fn eval_agrees_with_score_py_on_the_seed_set() {
    agree_on("corpus/gold.jsonl", "corpus/seeds");
}

#[test]
fn eval_agrees_with_score_py_on_the_dev_set() {
    agree_on("corpus/dev/gold.jsonl", "corpus/dev/articles.jsonl");
}
