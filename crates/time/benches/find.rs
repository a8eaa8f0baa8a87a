//! `cargo bench -p vigie-time`: throughput of `TimeTagger::find` (and of
//! find + resolve) on generated news-like paragraphs, French and English.

use divan::counter::BytesCount;
use vigie_time::{Date, Prefer, ResolveContext, TimeTagger};

mod corpus;

fn main() {
    divan::main();
}

fn tagger() -> TimeTagger {
    match TimeTagger::bundled() {
        Ok(t) => t,
        Err(e) => panic!("loading: {e}"),
    }
}

#[divan::bench(args = ["fr", "en"])]
fn find(bencher: divan::Bencher, lang: &str) {
    let t = tagger();
    let texts = corpus::texts(lang, 200);
    let bytes: usize = texts.iter().map(String::len).sum();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        let mut n = 0;
        for text in &texts {
            n += t.find(divan::black_box(text), lang).len();
        }
        n
    });
}

#[divan::bench(args = ["fr", "en"])]
fn find_and_resolve(bencher: divan::Bencher, lang: &str) {
    let t = tagger();
    let texts = corpus::texts(lang, 200);
    let bytes: usize = texts.iter().map(String::len).sum();
    let ctx = ResolveContext {
        reference: Some(Date::constant(2024, 1, 10)),
        anchor: None,
        prefer: Prefer::Past,
    };
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        let mut n = 0;
        for text in &texts {
            n += t
                .find(divan::black_box(text), lang)
                .iter()
                .filter_map(|m| m.resolve(&ctx))
                .count();
        }
        n
    });
}
