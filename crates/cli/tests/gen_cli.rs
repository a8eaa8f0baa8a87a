//! `vigie gen-corpus`, run as the real binary in temporary directories:
//! determinism, article sizes, the language filter, JSONL and directory
//! outputs.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

fn gen_corpus(args: &[&str], out: &Path) -> Output {
    let o = Command::new(env!("CARGO_BIN_EXE_vigie"))
        .arg("gen-corpus")
        .args(args)
        .arg("--out")
        .arg(out)
        .output()
        .expect("vigie runs");
    assert!(
        o.status.success(),
        "gen-corpus {args:?} failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    o
}

fn jsonl(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn same_seed_gives_byte_identical_output_and_another_seed_does_not() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b, c) = (
        dir.path().join("a.jsonl"),
        dir.path().join("b.jsonl"),
        dir.path().join("c.jsonl"),
    );
    gen_corpus(&["--docs", "60", "--seed", "11"], &a);
    gen_corpus(&["--docs", "60", "--seed", "11"], &b);
    gen_corpus(&["--docs", "60", "--seed", "12"], &c);
    let (a, b, c) = (
        std::fs::read(a).unwrap(),
        std::fs::read(b).unwrap(),
        std::fs::read(c).unwrap(),
    );
    assert!(!a.is_empty());
    assert!(a == b, "same seed, different bytes");
    assert!(a != c, "different seeds, same bytes");
}

#[test]
fn a_longer_corpus_starts_with_the_shorter_one() {
    let dir = tempfile::tempdir().unwrap();
    let (short, long) = (dir.path().join("s.jsonl"), dir.path().join("l.jsonl"));
    gen_corpus(&["--docs", "10", "--seed", "5"], &short);
    gen_corpus(&["--docs", "25", "--seed", "5"], &long);
    let short = std::fs::read(short).unwrap();
    let long = std::fs::read(long).unwrap();
    assert!(long.starts_with(&short));
}

#[test]
fn jsonl_records_have_every_field_and_realistic_sizes() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("corpus.jsonl");
    gen_corpus(&["--docs", "400", "--seed", "3"], &out);
    let docs = jsonl(&out);
    assert_eq!(docs.len(), 400);
    let mut failures = Vec::new();
    let mut sizes = Vec::new();
    let mut ids = std::collections::BTreeSet::new();
    let mut langs = std::collections::BTreeMap::new();
    for d in &docs {
        for key in ["id", "title", "published", "lang", "text"] {
            if d[key].as_str().is_none_or(str::is_empty) {
                failures.push(format!("{}: no `{key}`", d["id"]));
            }
        }
        let published = d["published"].as_str().unwrap_or("");
        if published.len() != 10 || published.as_bytes()[4] != b'-' {
            failures.push(format!("{}: published {published:?}", d["id"]));
        }
        let text = d["text"].as_str().unwrap_or("");
        if !(1024..=8192).contains(&text.len()) {
            failures.push(format!("{}: {} bytes", d["id"], text.len()));
        }
        if text.contains('{') || text.contains('}') {
            failures.push(format!("{}: unfilled template slot", d["id"]));
        }
        if !text.contains("\n\n") {
            failures.push(format!("{}: a single paragraph", d["id"]));
        }
        sizes.push(text.len());
        ids.insert(d["id"].as_str().unwrap_or("").to_string());
        *langs
            .entry(d["lang"].as_str().unwrap_or("").to_string())
            .or_insert(0) += 1;
    }
    sizes.sort_unstable();
    let median = sizes[sizes.len() / 2];
    if !(2048..=4096).contains(&median) {
        failures.push(format!("median size {median} bytes, expected 2–4 KB"));
    }
    if ids.len() != docs.len() {
        failures.push(format!(
            "{} distinct ids for {} docs",
            ids.len(),
            docs.len()
        ));
    }
    // Both languages by default, in roughly equal shares.
    for lang in ["fr", "en"] {
        let n = langs.get(lang).copied().unwrap_or(0);
        if !(120..=280).contains(&n) {
            failures.push(format!("{n} {lang} documents of 400: {langs:?}"));
        }
    }
    // Lengths spread out, like wire copy: not all alike.
    if sizes[sizes.len() / 10] * 3 / 2 > sizes[sizes.len() * 9 / 10] {
        failures.push(format!(
            "sizes too uniform: p10 {} p90 {}",
            sizes[sizes.len() / 10],
            sizes[sizes.len() * 9 / 10]
        ));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn lang_filter_keeps_only_the_requested_languages() {
    let dir = tempfile::tempdir().unwrap();
    let mut failures = Vec::new();
    for (arg, want) in [("fr", "fr"), ("en", "en"), ("EN", "en")] {
        let out = dir.path().join(format!("{arg}.jsonl"));
        gen_corpus(&["--docs", "40", "--lang", arg], &out);
        for d in jsonl(&out) {
            if d["lang"] != want {
                failures.push(format!("--lang {arg}: {} is {}", d["id"], d["lang"]));
            }
        }
    }
    let both = dir.path().join("both.jsonl");
    gen_corpus(&["--docs", "40", "--lang", "fr,en"], &both);
    let langs: std::collections::BTreeSet<String> = jsonl(&both)
        .iter()
        .map(|d| d["lang"].as_str().unwrap_or("").to_string())
        .collect();
    if langs.len() != 2 {
        failures.push(format!("--lang fr,en gave {langs:?}"));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn french_and_english_articles_read_as_their_language() {
    let dir = tempfile::tempdir().unwrap();
    let count = |text: &str, words: &[&str]| -> usize {
        words.iter().map(|w| text.matches(w).count()).sum()
    };
    let fr_words = [" de ", " la ", " les ", " des ", " a "];
    let en_words = [" the ", " of ", " and ", " in ", " to "];
    let mut failures = Vec::new();
    for lang in ["fr", "en"] {
        let out = dir.path().join(format!("{lang}.jsonl"));
        gen_corpus(&["--docs", "30", "--lang", lang], &out);
        for d in jsonl(&out) {
            let text = d["text"].as_str().unwrap_or("");
            let (fr, en) = (count(text, &fr_words), count(text, &en_words));
            let ok = if lang == "fr" {
                fr > 3 * en
            } else {
                en > 3 * fr
            };
            if !ok {
                failures.push(format!(
                    "{} ({lang}): {fr} French and {en} English function words",
                    d["id"]
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn unknown_language_fails_naming_the_available_ones() {
    let dir = tempfile::tempdir().unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_vigie"))
        .args(["gen-corpus", "--docs", "3", "--lang", "xx", "--out"])
        .arg(dir.path().join("x.jsonl"))
        .output()
        .unwrap();
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("xx") && err.contains("fr"), "{err}");
}

#[test]
fn directory_output_writes_one_text_file_per_article_matching_the_jsonl() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("corpus");
    let jl = dir.path().join("corpus.jsonl");
    gen_corpus(&["--docs", "30", "--seed", "9"], &out);
    gen_corpus(&["--docs", "30", "--seed", "9"], &jl);
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 30);
    let mut failures = Vec::new();
    for d in jsonl(&jl) {
        let name = format!("{}.txt", d["id"].as_str().unwrap());
        let Ok(file) = std::fs::read_to_string(out.join(&name)) else {
            failures.push(format!("{name}: missing"));
            continue;
        };
        let want = format!(
            "{}\n\n{}\n",
            d["title"].as_str().unwrap(),
            d["text"].as_str().unwrap()
        );
        if file != want {
            failures.push(format!("{name}: differs from its JSONL record"));
        }
        if !(1024..=8192).contains(&file.len()) {
            failures.push(format!("{name}: {} bytes", file.len()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn generated_corpus_runs_through_vigie_extract() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("c.jsonl");
    gen_corpus(&["--docs", "20", "--seed", "4"], &out);
    let report = dir.path().join("report.json");
    let o = Command::new(env!("CARGO_BIN_EXE_vigie"))
        .args(["extract", "-q", "-j", "2"])
        .arg(&out)
        .arg("--report")
        .arg(&report)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let report: Value = serde_json::from_slice(&std::fs::read(report).unwrap()).unwrap();
    assert_eq!(report["processed"], 20, "{report}");
}

#[test]
fn out_dash_writes_json_lines_on_stdout_and_no_directory() {
    // `--out -` once created a directory named "-".
    let tmp = tempfile::tempdir().unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_vigie"))
        .current_dir(tmp.path())
        .args(["gen-corpus", "--docs", "3", "--out", "-"])
        .output()
        .expect("vigie runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let lines: Vec<Value> = String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert!(lines.iter().all(|v| v["text"].is_string()));
    assert!(!tmp.path().join("-").exists());
}
