//! Inputs that used to hang, loop or mislead (issue 16): symbolic link
//! loops, FIFOs, absurd thread counts, file names that drive the terminal,
//! `--quiet` summaries. Each case runs the real binary in a temporary
//! directory and asserts on the outcome. A case that would hang is killed
//! after a generous deadline and fails; nothing is measured by the clock.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(unix)]

mod common;

use std::io::Read;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use common::{report_entries, vigie};

const ARTICLE: &str = "Une frappe de drone a visé la base d'Aïn al-Assad mardi, a déclaré la Résistance islamique en Irak.";

/// Runs `cmd` to its end, or kills it after `limit` and panics: a walk that
/// does not end must fail the test, not hang the suite.
fn run_bounded(mut cmd: Command, limit: Duration) -> Output {
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("vigie starts");
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut b = Vec::new();
        stdout.read_to_end(&mut b).ok();
        b
    });
    let err = std::thread::spawn(move || {
        let mut b = Vec::new();
        stderr.read_to_end(&mut b).ok();
        b
    });
    let started = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if started.elapsed() > limit {
            child.kill().ok();
            child.wait().ok();
            panic!("vigie did not finish within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    Output {
        status,
        stdout: out.join().unwrap(),
        stderr: err.join().unwrap(),
    }
}

fn extract_cmd(dir: &Path, args: &[&str]) -> Command {
    let mut cmd = vigie();
    cmd.current_dir(dir)
        .args(["extract", "--published", "2024-01-07", "--no-parse"])
        .args(args)
        .args(["--report", "report.json"]);
    cmd
}

fn report(dir: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(dir.join("report.json")).unwrap()).unwrap()
}

fn events(out: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn mkfifo(path: &Path) {
    let ok = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(ok.success(), "mkfifo {}", path.display());
}

/// Two links back to parents inside the input directory (the walk used to
/// be exponential and never printed anything) and one sideways link to a
/// sibling directory (which used to read its file twice). The input is
/// `data/in`; `up2` leads to `data`, outside it.
fn looping_tree(dir: &Path) {
    let sub = dir.join("data/in/sub");
    std::fs::create_dir_all(&sub).unwrap();
    std::fs::write(sub.join("a.txt"), ARTICLE).unwrap();
    std::fs::write(dir.join("data/in/b.txt"), ARTICLE.replace("mardi", "lundi")).unwrap();
    std::os::unix::fs::symlink("..", sub.join("up")).unwrap();
    std::os::unix::fs::symlink("../..", sub.join("up2")).unwrap();
    std::os::unix::fs::symlink("sub", dir.join("data/in/alias")).unwrap();
}

#[test]
fn symlink_loop_in_input_directory_ends_and_reads_each_file_once() {
    let dir = tempfile::tempdir().unwrap();
    looping_tree(dir.path());
    // Default: links inside directories are not followed, and each is named.
    let out = run_bounded(
        extract_cmd(dir.path(), &["data/in"]),
        Duration::from_secs(120),
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let r = report(dir.path());
    assert_eq!(r["processed"], 2, "{r}");
    assert_eq!(events(&out).len(), 2);
    let skipped = report_entries(&r, "skipped");
    assert_eq!(skipped.len(), 3, "{skipped:?}");
    assert!(
        skipped
            .iter()
            .all(|(_, why)| why.contains("symbolic link, not followed")),
        "{skipped:?}"
    );
    // --follow: the links are followed, the loops reported, each file read once.
    let out = run_bounded(
        extract_cmd(dir.path(), &["--follow", "data/in"]),
        Duration::from_secs(120),
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let r = report(dir.path());
    assert_eq!(r["processed"], 2, "{r}");
    let evs = events(&out);
    assert_eq!(evs.len(), 2, "each file read once: {evs:?}");
    let skipped = report_entries(&r, "skipped");
    assert!(
        skipped
            .iter()
            .any(|(o, why)| o.ends_with("up") && why.contains("symbolic link loop")),
        "{skipped:?}"
    );
    assert!(
        skipped
            .iter()
            .any(|(_, why)| why.contains("already read through another path")),
        "{skipped:?}"
    );
}

#[test]
fn fifo_in_input_directory_is_skipped_without_being_opened() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("in")).unwrap();
    std::fs::write(dir.path().join("in/a.txt"), ARTICLE).unwrap();
    // No writer ever opens it: opening it for reading would block for ever.
    mkfifo(&dir.path().join("in/pipe.txt"));
    let out = run_bounded(extract_cmd(dir.path(), &["in"]), Duration::from_secs(120));
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let r = report(dir.path());
    assert_eq!(r["processed"], 1, "{r}");
    let skipped = report_entries(&r, "skipped");
    assert_eq!(
        skipped,
        vec![(
            "in/pipe.txt".to_string(),
            "not a regular file (FIFO); not opened".to_string()
        )]
    );
}

/// Opens `fifo` for writing (blocks until vigie opens it for reading) and
/// writes `text` into it, on its own thread.
fn feed(fifo: &Path, text: String) -> std::thread::JoinHandle<()> {
    let fifo = fifo.to_path_buf();
    std::thread::spawn(move || {
        use std::io::Write;
        let mut f = std::fs::OpenOptions::new().write(true).open(fifo).unwrap();
        f.write_all(text.as_bytes()).unwrap();
    })
}

#[test]
fn fifo_named_on_the_command_line_is_read() {
    let dir = tempfile::tempdir().unwrap();
    // With an extension: read as that type.
    let fifo = dir.path().join("article.txt");
    mkfifo(&fifo);
    let writer = feed(&fifo, ARTICLE.to_string());
    let out = run_bounded(
        extract_cmd(dir.path(), &["article.txt"]),
        Duration::from_secs(120),
    );
    writer.join().unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(report(dir.path())["processed"], 1);
    assert_eq!(events(&out).len(), 1);
    // Without one (as `<(scraper)` gives, /dev/fd/63): read as stdin is,
    // JSON Lines when it starts with `{`.
    let fifo = dir.path().join("scraper");
    mkfifo(&fifo);
    let line = |id: &str| serde_json::json!({"id": id, "text": ARTICLE}).to_string();
    let writer = feed(&fifo, format!("{}\n{}\n", line("one"), line("two")));
    let out = run_bounded(
        extract_cmd(dir.path(), &["scraper"]),
        Duration::from_secs(120),
    );
    writer.join().unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(report(dir.path())["processed"], 2);
    let docs: Vec<_> = events(&out)
        .iter()
        .map(|e| e["doc"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(docs, ["one", "two"]);
}

#[test]
fn process_substitution_is_read() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), ARTICLE).unwrap();
    let script = format!(
        "exec '{}' extract --no-parse --published 2024-01-07 <(cat a.txt)",
        env!("CARGO_BIN_EXE_vigie")
    );
    let mut cmd = Command::new("bash");
    cmd.current_dir(dir.path()).args(["-c", &script]);
    let out = run_bounded(cmd, Duration::from_secs(120));
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(events(&out).len(), 1, "{out:?}");
}

#[test]
fn huge_thread_count_is_refused_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), ARTICLE).unwrap();
    let out = run_bounded(
        extract_cmd(dir.path(), &["-j", "100000", "a.txt"]),
        Duration::from_secs(60),
    );
    assert_eq!(out.status.code(), Some(2), "usage error: {out:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("at most 256 worker threads"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    // The maximum itself is accepted.
    let out = run_bounded(
        extract_cmd(dir.path(), &["-j", "256", "a.txt"]),
        Duration::from_secs(120),
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(report(dir.path())["threads"], 256);
}

#[test]
fn control_characters_in_file_names_are_escaped_in_the_summary() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("in")).unwrap();
    // A name that would forge a summary line and colour the terminal.
    let forged = "x.doc\nvigie: 0 documents processed, 0 skipped, 0 failed\u{1b}[2K\u{202e}";
    std::fs::write(dir.path().join("in").join(forged), "texte").unwrap();
    std::fs::write(dir.path().join("in/a.txt"), ARTICLE).unwrap();
    let out = run_bounded(extract_cmd(dir.path(), &["in"]), Duration::from_secs(120));
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        !err.chars()
            .any(|c| (c.is_control() && c != '\n') || c == '\u{202e}'),
        "{err:?}"
    );
    let vigie_lines = err.lines().filter(|l| l.starts_with("vigie:")).count();
    assert_eq!(vigie_lines, 1, "one summary line only: {err}");
    assert!(
        err.contains(
            "skipped  in/x.doc\\nvigie: 0 documents processed, 0 skipped, 0 failed\\u{1b}[2K\\u{202e}: unsupported type"
        ),
        "{err}"
    );
    // The JSON report keeps the name as it is.
    let skipped = report_entries(&report(dir.path()), "skipped");
    assert_eq!(skipped[0].0, format!("in/{forged}"));
    // --explain, on stdout, escapes it too.
    let out = run_bounded(
        extract_cmd(dir.path(), &["--explain", "in"]),
        Duration::from_secs(120),
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("== in/x.doc\\nvigie: 0 documents"), "{text}");
    assert!(
        !text
            .chars()
            .any(|c| (c.is_control() && c != '\n') || c == '\u{202e}'),
        "{text:?}"
    );
}

#[test]
fn quiet_summary_counts_documents_when_some_fail() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = format!(
        "{}\nnot json\n{}\n",
        serde_json::json!({"id": "one", "text": ARTICLE}),
        serde_json::json!({"id": "two", "text": ARTICLE})
    );
    std::fs::write(dir.path().join("news.jsonl"), jsonl).unwrap();
    let out = run_bounded(
        extract_cmd(dir.path(), &["-q", "-j", "1", "news.jsonl"]),
        Duration::from_secs(120),
    );
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.starts_with("vigie: 2 documents processed, 0 skipped, 1 failed; 2 events, 0 figures ("),
        "{err}"
    );
    assert!(err.contains("1 thread)"), "{err}");
    assert!(
        err.contains("  failed   news.jsonl:2: malformed JSON"),
        "{err}"
    );
    // Nothing at all when nothing failed.
    std::fs::write(dir.path().join("ok.txt"), ARTICLE).unwrap();
    let out = run_bounded(
        extract_cmd(dir.path(), &["-q", "ok.txt"]),
        Duration::from_secs(120),
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(out.stderr.is_empty(), "{out:?}");
}

#[test]
fn attribute_bomb_is_capped_with_a_warning_and_keeps_its_text() {
    let dir = tempfile::tempdir().unwrap();
    // 200,000 attributes on one tag (about 2 MB): 39 s in the HTML parser's
    // duplicate check before the cap.
    let bomb: String = (0..200_000).map(|i| format!(" a{i}=\"v\"")).collect();
    let page = format!("<html><body><article{bomb}><p>{ARTICLE}</p></article></body></html>");
    std::fs::write(dir.path().join("bomb.html"), page).unwrap();
    let out = run_bounded(
        extract_cmd(dir.path(), &["bomb.html"]),
        Duration::from_secs(300),
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let r = report(dir.path());
    assert_eq!(r["processed"], 1, "{r}");
    let warnings = report_entries(&r, "warnings");
    assert!(
        warnings.iter().any(|(o, w)| o == "bomb.html"
            && w.starts_with("1 tag with more than 64 attributes or 65536 bytes of them (at most 200000 attributes")),
        "{warnings:?}"
    );
    let evs = events(&out);
    assert_eq!(evs.len(), 1, "{evs:?}");
    assert_eq!(evs[0]["evidence"]["text"], ARTICLE);
    // The parser was given 64 attributes, not 200,000: the work counted is
    // a few dozen units, whatever the bomb's size.
    assert!(r["work"].as_u64().unwrap() < 200, "{r}");
}

#[test]
fn work_budget_spent_fails_the_document_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("in")).unwrap();
    std::fs::write(dir.path().join("in/a.txt"), ARTICLE).unwrap();
    std::fs::write(dir.path().join("in/b.txt"), ARTICLE.repeat(20)).unwrap();
    let out = run_bounded(
        extract_cmd(dir.path(), &["--max-doc-work", "100", "in"]),
        Duration::from_secs(120),
    );
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let r = report(dir.path());
    assert_eq!(r["processed"], 1, "{r}");
    let failed = report_entries(&r, "failed");
    assert_eq!(failed.len(), 1, "{failed:?}");
    assert_eq!(failed[0].0, "in/b.txt");
    assert!(
        failed[0].1.starts_with("work budget exceeded: ")
            && failed[0]
                .1
                .ends_with("over --max-doc-work 100; raise the limit to process it"),
        "{failed:?}"
    );
    assert_eq!(events(&out).len(), 1);
}

#[test]
fn template_or_unclosed_svg_only_page_is_skipped_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("template.html"),
        format!("<html><body><template><p>{ARTICLE}</p></template></body></html>"),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("svg.html"),
        format!("<html><body><svg><text>{ARTICLE}</text>"),
    )
    .unwrap();
    let out = run_bounded(
        extract_cmd(dir.path(), &["svg.html", "template.html"]),
        Duration::from_secs(120),
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let skipped = report_entries(&report(dir.path()), "skipped");
    let bytes = ARTICLE.len();
    assert_eq!(
        skipped,
        vec![
            (
                "svg.html".to_string(),
                format!(
                    "no main text: the page's text is all inside elements that are not part of an article (<svg> {bytes} bytes)"
                )
            ),
            (
                "template.html".to_string(),
                format!(
                    "no main text: the page's text is all inside elements that are not part of an article (<template> {bytes} bytes)"
                )
            ),
        ]
    );
}
