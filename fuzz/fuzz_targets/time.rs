//! The time grammar: `TimeTagger::find` then `resolve` on any text, French
//! or English. Mentions are in order, non-overlapping, on character
//! boundaries; resolved intervals are well formed.
#![no_main]

#[path = "common.rs"]
mod common;

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use vigie_time::{Date, Prefer, ResolveContext, TimeTagger};

static TAGGER: LazyLock<TimeTagger> =
    LazyLock::new(|| TimeTagger::bundled().expect("bundled time data"));

// Load once, outside the per-input timeout.
fuzz_target!(init: {
    LazyLock::force(&TAGGER);
}, |data: &[u8]| {
    let Some((&sel, body)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(body);
    let lang = if sel & 1 == 0 { "fr" } else { "en" };
    let reference = Date::new(2024, 1, 7).ok();
    let ctx = ResolveContext {
        reference: (sel & 2 == 0).then_some(reference).flatten(),
        anchor: (sel & 4 == 0)
            .then(|| Date::new(2023, 12, 31).ok())
            .flatten(),
        prefer: if sel & 8 == 0 {
            Prefer::Past
        } else {
            Prefer::Future
        },
    };
    let mentions = TAGGER.find(&text, lang);
    let mut prev_end = 0;
    for m in &mentions {
        assert!(
            common::on_boundaries(&text, m.start, m.end),
            "mention {}..{}",
            m.start,
            m.end
        );
        assert!(m.start < m.end, "empty mention");
        assert!(m.start >= prev_end, "mentions out of order or overlapping");
        prev_end = m.end;
        if let Some(v) = m.resolve(&ctx) {
            assert!(v.start <= v.end, "interval {} > {}", v.start, v.end);
            assert!((1..=3).contains(&v.precision), "precision {}", v.precision);
        }
    }
    let _ = TAGGER.infer_reference(&text, lang);
    let _ = TAGGER.guess_lang(&text);
});
