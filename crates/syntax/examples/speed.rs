//! `cargo run --release -p vigie-syntax --example speed -- [MODELS_DIR]`:
//! tokens per second of tagging and of parsing, measured in CPU time of the
//! process (Linux `/proc/self/stat`), so that other load on the machine does
//! not count. Input: the EWT and Sequoia dev files in `../shared/treebanks`.

use std::path::PathBuf;

use vigie_syntax::{Analysis, Model, conllu};

/// User + system CPU seconds of this process.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit_once(')').map_or("", |p| p.1);
    let f: Vec<f64> = after
        .split_whitespace()
        .map(|x| x.parse().unwrap_or(0.0))
        .collect();
    (f.get(11).copied().unwrap_or(0.0) + f.get(12).copied().unwrap_or(0.0)) / 100.0
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dir = std::env::args()
        .nth(1)
        .map_or_else(|| root.join("resources/models"), PathBuf::from);
    for (lang, file) in [
        ("en", "en_ewt/en_ewt-ud-dev.conllu"),
        ("fr", "fr_sequoia/fr_sequoia-ud-dev.conllu"),
    ] {
        let bytes = std::fs::read(dir.join(format!("{lang}.syntax")))
            .unwrap_or_else(|e| panic!("{lang}: {e}"));
        let start = std::time::Instant::now();
        let model = Model::from_bytes(&bytes).unwrap_or_else(|e| panic!("{lang}: {e}"));
        let load = start.elapsed();
        let (t, p, l) = (
            model.tagger.sizes(),
            model.parser.sizes(),
            model.lemmatizer.sizes(),
        );
        println!(
            "{lang}: {} bytes, loaded in {load:.1?}; tagger rows {} UPOS + {} feats ({} bytes), {} dictionary words; \
             parser rows {} transitions + {} relations ({} bytes); lemmas {} words, {} suffixes, {} rules, {} known lemmas",
            bytes.len(),
            t.0,
            t.1,
            t.2,
            t.3,
            p.0,
            p.1,
            p.2,
            l.0,
            l.1,
            l.2,
            l.3
        );
        let path = root.join("../shared/treebanks").join(file);
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let sents = conllu::parse(&text).unwrap_or_else(|e| panic!("{e}"));
        let forms: Vec<Vec<String>> = sents
            .iter()
            .map(|s| s.words().map(|w| w.form.clone()).collect())
            .collect();
        let words: Vec<Vec<&str>> = forms
            .iter()
            .map(|s| s.iter().map(String::as_str).collect())
            .collect();
        let tokens: usize = words.iter().map(Vec::len).sum();
        let mut tagged: Vec<Analysis> = Vec::new();
        let (t0, mut rounds) = (cpu_seconds(), 0);
        while cpu_seconds() - t0 < 2.0 {
            tagged = words
                .iter()
                .map(|w| {
                    let mut a = Analysis::default();
                    model.tag(w, &mut a);
                    a
                })
                .collect();
            rounds += 1;
        }
        let tag = (tokens * rounds) as f64 / (cpu_seconds() - t0);
        let (t0, mut rounds) = (cpu_seconds(), 0);
        while cpu_seconds() - t0 < 2.0 {
            for a in &mut tagged {
                model.parse_tagged(a);
            }
            rounds += 1;
        }
        let parse = (tokens * rounds) as f64 / (cpu_seconds() - t0);
        let mut a = Analysis::default();
        let (t0, mut rounds) = (cpu_seconds(), 0);
        while cpu_seconds() - t0 < 2.0 {
            for w in &words {
                model.annotate(w, &mut a);
            }
            rounds += 1;
        }
        let all = (tokens * rounds) as f64 / (cpu_seconds() - t0);
        // The same loop split into tagging and parsing (sentence by
        // sentence, so that the two share the caches as in `annotate`).
        let (mut tt, mut pt) = (std::time::Duration::ZERO, std::time::Duration::ZERO);
        let (t0, mut rounds) = (cpu_seconds(), 0);
        while cpu_seconds() - t0 < 2.0 {
            for w in &words {
                let s = std::time::Instant::now();
                model.tag(w, &mut a);
                let m = std::time::Instant::now();
                model.parse_tagged(&mut a);
                pt += m.elapsed();
                tt += m - s;
            }
            rounds += 1;
        }
        let per = |d: std::time::Duration| d.as_secs_f64() * 1e9 / (tokens * rounds) as f64;
        println!(
            "{lang}: interleaved: tag {:.0} ns/word, parse {:.0} ns/word; annotate {:.0} ns/word",
            per(tt),
            per(pt),
            1e9 / all
        );
        println!(
            "{lang}: {tokens} tokens; tag {tag:.0} tok/s, parse {parse:.0} tok/s, annotate {all:.0} tok/s (CPU time)"
        );
    }
}
