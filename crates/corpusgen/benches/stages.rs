//! Per-stage benchmarks over a generated corpus (divan).
//!
//! Every benchmark processes the whole corpus once per iteration and reports
//! bytes/s and documents/s. Run with
//!
//! ```text
//! CARGO_TARGET_DIR=... cargo bench -p vigie-corpusgen --bench stages
//! VIGIE_BENCH_DOCS=400 cargo bench -p vigie-corpusgen --bench stages -- extract
//! ```
//!
//! `baseline::lexicon_scan` is the practical upper limit: one Aho-Corasick
//! pass (leftmost-longest, ASCII case-insensitive) over the same text with
//! every lexicon entry and gazetteer name as a pattern.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;
use std::sync::{Arc, LazyLock};

use divan::Bencher;
use divan::counter::{BytesCount, ItemsCount};
use vigie_core::{Date, Doc, DocMeta, Lang, ProcessedDoc};
use vigie_corpusgen::{Article, Generator};
use vigie_resources::Resources;

// The allocator the `vigie` binary uses, so that stage figures add up to
// the end-to-end ones.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

/// The corpus every benchmark reads, generated once.
struct Corpus {
    articles: Vec<Article>,
    /// Plain-text files as `gen-corpus --out DIR` writes them.
    files: Vec<Vec<u8>>,
    /// JSON Lines records as `gen-corpus --out X.jsonl` writes them.
    lines: Vec<String>,
    bytes: u64,
    /// Prepared documents (language and publication date from the metadata).
    docs: Vec<Doc>,
    _dir: tempfile::TempDir,
    jsonl: PathBuf,
}

static CORPUS: LazyLock<Corpus> = LazyLock::new(|| {
    let n: u64 = std::env::var("VIGIE_BENCH_DOCS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    let g = Generator::from_resources(&Resources::embedded()).unwrap();
    let articles: Vec<Article> = g.articles(1, n).collect();
    let files: Vec<Vec<u8>> = articles
        .iter()
        .map(|a| a.to_plain_text().into_bytes())
        .collect();
    let lines: Vec<String> = articles.iter().map(Article::to_json_line).collect();
    let bytes = articles.iter().map(|a| a.text.len() as u64).sum();
    let docs = articles
        .iter()
        .map(|a| PREPARER.prepare(meta(a, true), a.text.clone()))
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let jsonl = dir.path().join("corpus.jsonl");
    std::fs::write(&jsonl, lines.join("\n") + "\n").unwrap();
    Corpus {
        articles,
        files,
        lines,
        bytes,
        docs,
        _dir: dir,
        jsonl,
    }
});

fn meta(a: &Article, with_lang: bool) -> DocMeta {
    DocMeta {
        id: a.id.clone(),
        origin: a.id.clone(),
        title: Some(a.title.clone()),
        published: a.published.parse::<Date>().ok(),
        lang: with_lang.then(|| Lang::new(a.lang.clone())),
        ..DocMeta::default()
    }
}

static PREPARER: LazyLock<vigie_text::Preparer> =
    LazyLock::new(|| vigie_text::Preparer::from_resources(&Resources::embedded()).unwrap());
static EXTRACTOR: LazyLock<Arc<vigie_extract::Extractor>> = LazyLock::new(|| {
    Arc::new(vigie_extract::Extractor::from_resources(&Resources::embedded()).unwrap())
});
static TIME: LazyLock<vigie_time::TimeTagger> =
    LazyLock::new(|| vigie_time::TimeTagger::bundled().unwrap());
static GEO: LazyLock<vigie_geo::Geocoder> =
    LazyLock::new(|| vigie_geo::Geocoder::bundled().unwrap());

/// Bytes and documents of the whole corpus, per iteration.
fn counted<'a, 'b>(b: Bencher<'a, 'b>) -> Bencher<'a, 'b> {
    let c = &*CORPUS;
    b.counter(BytesCount::new(c.bytes))
        .counter(ItemsCount::new(c.articles.len()))
}

mod ingest {
    use super::*;

    /// Byte decoding (BOM, UTF-8 check, encoding guess) of the text files.
    #[divan::bench]
    fn decode(b: Bencher) {
        let c = &*CORPUS;
        counted(b).bench(|| {
            c.files
                .iter()
                .map(|f| vigie_text::decode(f).map(|d| d.text.len()).unwrap_or(0))
                .sum::<usize>()
        });
    }

    /// Parsing the JSON Lines records.
    #[divan::bench]
    fn jsonl_parse(b: Bencher) {
        let c = &*CORPUS;
        counted(b).bench(|| {
            c.lines
                .iter()
                .filter(|l| serde_json::from_str::<serde_json::Value>(l).is_ok())
                .count()
        });
    }
}

mod text {
    use super::*;

    /// NFC, quotes, whitespace, offset map.
    #[divan::bench]
    fn normalize(b: Bencher) {
        let c = &*CORPUS;
        counted(b).bench(|| {
            c.articles
                .iter()
                .map(|a| vigie_text::normalize(&a.text).text.len())
                .sum::<usize>()
        });
    }

    /// Language identification on the normalized text.
    #[divan::bench]
    fn language_id(b: Bencher) {
        let c = &*CORPUS;
        counted(b).bench(|| {
            c.docs
                .iter()
                .filter(|d| PREPARER.detect_language(&d.norm.text).as_str() == "fr")
                .count()
        });
    }

    /// normalize + sentence segmentation (language given).
    #[divan::bench]
    fn normalize_segment(b: Bencher) {
        let c = &*CORPUS;
        counted(b)
            .with_inputs(|| {
                c.articles
                    .iter()
                    .map(|a| (meta(a, true), a.text.clone()))
                    .collect::<Vec<_>>()
            })
            .bench_values(|inputs| {
                inputs
                    .into_iter()
                    .map(|(m, t)| PREPARER.prepare(m, t).sentences.len())
                    .sum::<usize>()
            });
    }

    /// normalize + language id + segmentation: what the pipeline runs.
    #[divan::bench]
    fn prepare(b: Bencher) {
        let c = &*CORPUS;
        counted(b)
            .with_inputs(|| {
                c.articles
                    .iter()
                    .map(|a| (meta(a, false), a.text.clone()))
                    .collect::<Vec<_>>()
            })
            .bench_values(|inputs| {
                inputs
                    .into_iter()
                    .map(|(m, t)| PREPARER.prepare(m, t).sentences.len())
                    .sum::<usize>()
            });
    }
}

mod tokens {
    use super::*;

    /// The token stream of each normalized text: folding, tokens, sentences
    /// and syntactic words (what `prepare` adds after segmentation).
    #[divan::bench]
    fn tokenize(b: Bencher) {
        let c = &*CORPUS;
        let tokenizer = vigie_tokens::Tokenizer::bundled().unwrap();
        let mut stream = vigie_core::TokenStream::default();
        counted(b).bench_local(|| {
            c.docs
                .iter()
                .map(|d| {
                    let ranges: Vec<_> = d.sentences.iter().map(|s| s.norm.range()).collect();
                    tokenizer.tokenize_into(&d.norm.text, &ranges, d.lang.as_str(), &mut stream);
                    stream.words.len()
                })
                .sum::<usize>()
        });
    }
}

mod annotate {
    use super::*;

    /// `vigie_time::TimeTagger::find_in` over each document's token stream.
    #[divan::bench]
    fn time_find(b: Bencher) {
        let c = &*CORPUS;
        LazyLock::force(&TIME);
        counted(b).bench(|| {
            c.docs
                .iter()
                .map(|d| {
                    TIME.find_in(&d.tokens, &d.tokens.tokens, d.lang.as_str())
                        .len()
                })
                .sum::<usize>()
        });
    }

    /// `vigie_geo::Geocoder::geocode_in` over each document's token stream (matching and resolution together:
    /// the public API does not separate them).
    #[divan::bench(sample_count = 20)]
    fn geo_geocode(b: Bencher) {
        let c = &*CORPUS;
        LazyLock::force(&GEO);
        counted(b).bench(|| {
            c.docs
                .iter()
                .map(|d| {
                    GEO.geocode_in(&d.norm.text, &d.tokens, d.lang.as_str())
                        .len()
                })
                .sum::<usize>()
        });
    }
}

mod extract {
    use super::*;

    /// `vigie_extract::Extractor::extract`: every annotator, frames,
    /// resolution, figures (publication date from the metadata).
    #[divan::bench(sample_count = 10)]
    fn extract_dated(b: Bencher) {
        let c = &*CORPUS;
        LazyLock::force(&EXTRACTOR);
        counted(b).bench(|| {
            c.docs
                .iter()
                .map(|d| EXTRACTOR.extract(d).events.len())
                .sum::<usize>()
        });
    }

    /// The same without a publication date: the extractor infers one from
    /// the text first.
    #[divan::bench(sample_count = 10)]
    fn extract_undated(b: Bencher) {
        let c = &*CORPUS;
        LazyLock::force(&EXTRACTOR);
        let undated: Vec<Doc> = c
            .docs
            .iter()
            .map(|d| {
                let mut d = d.clone();
                d.meta.published = None;
                d
            })
            .collect();
        counted(b).bench(|| {
            undated
                .iter()
                .map(|d| EXTRACTOR.extract(d).events.len())
                .sum::<usize>()
        });
    }
}

mod dedupe {
    use super::*;

    /// Shingles + MinHash signature + LSH lookup and insert, per document.
    #[divan::bench]
    fn near_duplicates(b: Bencher) {
        let c = &*CORPUS;
        let hasher = vigie_dedupe::MinHasher::new();
        counted(b).bench(|| {
            let mut index = vigie_dedupe::LshIndex::new();
            let mut candidates = 0;
            for (i, d) in c.docs.iter().enumerate() {
                let fp = vigie_dedupe::Fingerprint::of(&hasher, &d.norm.text);
                candidates += index.candidates(&fp.signature).len();
                index.insert(i as u32, &fp.signature);
            }
            candidates
        });
    }
}

/// Processed documents (with their events), as the store receives them.
static PROCESSED: LazyLock<Vec<ProcessedDoc>> = LazyLock::new(|| {
    let engine = engine(1);
    let mut out = Vec::new();
    vigie_pipeline::run(&engine, std::slice::from_ref(&CORPUS.jsonl), &mut |o| {
        if let vigie_pipeline::DocOutcome::Processed(d) = o {
            out.push(*d);
        }
        Ok(())
    })
    .unwrap();
    out
});

mod store {
    use super::*;

    /// `vigie ingest`'s writer: a fresh SQLite file, one transaction per
    /// 256 documents (documents, events, figures, near-duplicate links,
    /// clusters).
    #[divan::bench(sample_count = 10)]
    fn sqlite_ingest(b: Bencher) {
        let docs = &*PROCESSED;
        counted(b)
            .with_inputs(|| tempfile::tempdir().unwrap())
            .bench_values(|dir| {
                let mut store = vigie_store::Store::open(&dir.path().join("v.db")).unwrap();
                let (run, _) = store.begin_run(&["bench".to_string()]).unwrap();
                for chunk in docs.chunks(256) {
                    let mut batch = store.batch(run).unwrap();
                    for d in chunk {
                        batch.add_doc(d).unwrap();
                    }
                    batch.commit().unwrap();
                }
                dir
            });
    }
}

/// The engine `vigie extract` runs (every stage loaded from the bundled
/// resources).
fn engine(threads: usize) -> vigie_pipeline::Engine {
    let config = vigie_pipeline::Config {
        threads,
        ..vigie_pipeline::Config::default()
    };
    vigie_pipeline::Engine::load(&config).unwrap()
}

mod end_to_end {
    use super::*;

    /// The pipeline on the corpus JSONL file (read, parse, prepare, extract,
    /// events serialized as JSON Lines), with 1 and 2 worker threads.
    #[divan::bench(args = [1, 2], sample_count = 10)]
    fn pipeline(b: Bencher, threads: usize) {
        let c = &*CORPUS;
        let engine = engine(threads);
        counted(b).bench(|| {
            let mut out = Vec::with_capacity(1 << 20);
            vigie_pipeline::run(&engine, std::slice::from_ref(&c.jsonl), &mut |o| {
                if let vigie_pipeline::DocOutcome::Processed(d) = o {
                    for e in &d.events {
                        serde_json::to_writer(&mut out, e).map_err(std::io::Error::other)?;
                        out.push(b'\n');
                    }
                }
                Ok(())
            })
            .unwrap();
            out.len()
        });
    }
}

mod baseline {
    use super::*;

    /// One Aho-Corasick pass with every lexicon entry and gazetteer name.
    #[divan::bench]
    fn lexicon_scan(b: Bencher) {
        let c = &*CORPUS;
        let ac = &*vigie_corpusgen_bench::LEXICON_SCAN;
        counted(b).bench(|| {
            c.articles
                .iter()
                .map(|a| ac.find_iter(&a.text).count())
                .sum::<usize>()
        });
    }
}

/// The baseline automaton, built once from the resources.
mod vigie_corpusgen_bench {
    use std::collections::BTreeSet;
    use std::sync::LazyLock;

    use aho_corasick::{AhoCorasick, MatchKind};
    use vigie_resources::{Resources, data_lines};

    pub static LEXICON_SCAN: LazyLock<AhoCorasick> = LazyLock::new(|| {
        let patterns = patterns(&Resources::embedded());
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .build(&patterns)
            .unwrap()
    });

    /// Every entry of every lexicon (patterns expanded) and every gazetteer
    /// name and alias.
    fn patterns(r: &Resources) -> Vec<String> {
        let mut out = BTreeSet::new();
        for path in r.list("lang/") {
            let Ok(Some(text)) = r.text(&path) else {
                continue;
            };
            if path.ends_with(".tsv") {
                for (_, l) in data_lines(&text) {
                    if let Some(first) = l.split('\t').next() {
                        expand(first, &mut out);
                    }
                }
            } else if path.contains("/extract/")
                && path.ends_with(".toml")
                && let Ok(v) = toml::from_str::<toml::Value>(&text)
            {
                strings(&v, &mut out);
            }
        }
        if let Ok(Some(text)) = r.text("actors.toml")
            && let Ok(v) = toml::from_str::<toml::Value>(&text)
        {
            for a in v
                .get("actor")
                .and_then(|a| a.as_array())
                .into_iter()
                .flatten()
            {
                for key in ["name", "fr", "en", "ar", "metonyms", "partisan"] {
                    if let Some(x) = a.get(key) {
                        strings(x, &mut out);
                    }
                }
            }
        }
        for path in r.list("gazetteer/") {
            if !path.ends_with(".tsv") {
                continue;
            }
            let Ok(Some(text)) = r.text(&path) else {
                continue;
            };
            let geonames = path.ends_with("geonames.tsv");
            for (_, l) in data_lines(&text) {
                let f: Vec<&str> = l.split('\t').collect();
                let cols: &[usize] = if geonames {
                    &[1, 7]
                } else {
                    &[1, 8, 9, 10, 11]
                };
                for &c in cols {
                    for name in f.get(c).into_iter().flat_map(|v| v.split('|')) {
                        let name = name.trim();
                        if name.chars().count() >= 3 {
                            out.insert(name.to_string());
                        }
                    }
                }
            }
        }
        out.into_iter().collect()
    }

    /// Every string in a TOML value, skipping rule examples and ids.
    fn strings(v: &toml::Value, out: &mut BTreeSet<String>) {
        match v {
            toml::Value::String(s) => expand(s, out),
            toml::Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
            toml::Value::Table(t) => {
                for (k, x) in t {
                    if !matches!(k.as_str(), "example" | "id" | "text" | "expect" | "type") {
                        strings(x, out);
                    }
                }
            }
            _ => {}
        }
    }

    /// Lexicon pattern syntax: "(a|b)" alternatives, "(s)" optional, a final
    /// "*" lets the word continue (dropped here).
    fn expand(pattern: &str, out: &mut BTreeSet<String>) {
        let mut variants = vec![String::new()];
        let mut rest = pattern.trim().trim_end_matches('*');
        while let Some(open) = rest.find('(') {
            let Some(close) = rest[open..].find(')').map(|c| open + c) else {
                break;
            };
            for v in &mut variants {
                v.push_str(&rest[..open]);
            }
            let inner = &rest[open + 1..close];
            let mut alts: Vec<&str> = inner.split('|').collect();
            if alts.len() == 1 {
                alts.push(""); // "(s)": optional
            }
            variants = variants
                .iter()
                .flat_map(|v| alts.iter().map(move |a| format!("{v}{a}")))
                .take(64)
                .collect();
            rest = &rest[close + 1..];
        }
        for mut v in variants {
            v.push_str(rest);
            let v = v.trim();
            if v.chars().count() >= 2 {
                out.insert(v.to_string());
            }
        }
    }
}
