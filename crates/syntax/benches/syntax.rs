//! `cargo bench -p vigie-syntax`: tagging and parsing throughput (tokens/s)
//! of the committed models on real sentences: the first 500 sentences of
//! the EWT and Sequoia dev files in `../shared/treebanks` (read at bench
//! time), with gold tokens. `VIGIE_SYNTAX_MODELS=DIR` benches other model
//! files.

use divan::counter::ItemsCount;
use vigie_syntax::{Analysis, Model, conllu};

fn main() {
    divan::main();
}

const DEV: [(&str, &str); 2] = [
    ("en", "en_ewt/en_ewt-ud-dev.conllu"),
    ("fr", "fr_sequoia/fr_sequoia-ud-dev.conllu"),
];

fn setup(lang: &str) -> (Model, Vec<Vec<String>>) {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dir = std::env::var_os("VIGIE_SYNTAX_MODELS")
        .map_or_else(|| root.join("resources/models"), Into::into);
    let model = match Model::load_lang(&dir, lang) {
        Ok(m) => m,
        Err(e) => panic!("loading the {lang} model: {e}"),
    };
    let file = DEV.iter().find(|d| d.0 == lang).map_or("", |d| d.1);
    let path = root.join("../shared/treebanks").join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let sents = conllu::parse(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let words = sents
        .iter()
        .take(500)
        .map(|s| s.words().map(|w| w.form.clone()).collect())
        .collect();
    (model, words)
}

fn run(bencher: divan::Bencher, lang: &str, parse: bool) {
    let (model, sents) = setup(lang);
    let sents: Vec<Vec<&str>> = sents
        .iter()
        .map(|s| s.iter().map(String::as_str).collect())
        .collect();
    let tokens: usize = sents.iter().map(Vec::len).sum();
    let mut a = Analysis::default();
    bencher.counter(ItemsCount::new(tokens)).bench_local(|| {
        let mut n = 0;
        for s in &sents {
            if parse {
                model.annotate(divan::black_box(s), &mut a);
            } else {
                model.tag(divan::black_box(s), &mut a);
            }
            n += a.len();
        }
        n
    });
}

/// UPOS and FEATS only.
#[divan::bench(args = ["en", "fr"], sample_count = 20)]
fn tag(bencher: divan::Bencher, lang: &str) {
    run(bencher, lang, false);
}

/// Everything: tagging, lemmas, parsing.
#[divan::bench(args = ["en", "fr"], sample_count = 20)]
fn annotate(bencher: divan::Bencher, lang: &str) {
    run(bencher, lang, true);
}

/// Parsing only, on sentences already tagged.
#[divan::bench(args = ["en", "fr"], sample_count = 20)]
fn parse(bencher: divan::Bencher, lang: &str) {
    let (model, sents) = setup(lang);
    let mut tagged: Vec<Analysis> = sents
        .iter()
        .map(|s| {
            let words: Vec<&str> = s.iter().map(String::as_str).collect();
            let mut a = Analysis::default();
            model.tag(&words, &mut a);
            a
        })
        .collect();
    let tokens: usize = tagged.iter().map(Analysis::len).sum();
    bencher.counter(ItemsCount::new(tokens)).bench_local(|| {
        let mut n = 0;
        for a in &mut tagged {
            model.parse_tagged(divan::black_box(a));
            n += a.head.len();
        }
        n
    });
}

/// Loading both model files from bytes.
#[divan::bench(sample_count = 10)]
fn load_both(bencher: divan::Bencher) {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../resources/models");
    let bytes: Vec<Vec<u8>> = ["en", "fr"]
        .iter()
        .map(|l| {
            std::fs::read(root.join(format!("{l}.syntax"))).unwrap_or_else(|e| panic!("{l}: {e}"))
        })
        .collect();
    bencher.bench_local(|| {
        bytes
            .iter()
            .filter(|b| Model::from_bytes(divan::black_box(b)).is_ok())
            .count()
    });
}

/// Loading both model files from `'static` bytes (tables borrowed, as the
/// binary's embedded resources are loaded).
#[divan::bench(sample_count = 10)]
fn load_both_static(bencher: divan::Bencher) {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../resources/models");
    let bytes: Vec<&'static [u8]> = ["en", "fr"]
        .iter()
        .map(|l| {
            let b = std::fs::read(root.join(format!("{l}.syntax")))
                .unwrap_or_else(|e| panic!("{l}: {e}"));
            &*Box::leak(b.into_boxed_slice())
        })
        .collect();
    bencher.bench_local(|| {
        bytes
            .iter()
            .filter(|b| Model::from_static(divan::black_box(b)).is_ok())
            .count()
    });
}
