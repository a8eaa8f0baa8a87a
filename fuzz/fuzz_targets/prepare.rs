//! Normalization and sentence segmentation (`vigie_text::Preparer`) on any
//! text, with the invariants of ARCHITECTURE.md:
//! - every offset the normalized text maps back lands on a character
//!   boundary of the original;
//! - sentences are in order, do not overlap, lie on character boundaries,
//!   and only whitespace lies between them (nothing lost or duplicated);
//! - normalizing a sentence's original span gives the normalized sentence.
#![no_main]

#[path = "common.rs"]
mod common;

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use vigie_core::{DocMeta, Lang};
use vigie_resources::Resources;
use vigie_text::Preparer;

static PREP: LazyLock<Preparer> =
    LazyLock::new(|| Preparer::from_resources(&Resources::embedded()).expect("bundled resources"));

// Load once, outside the per-input timeout.
fuzz_target!(init: {
    LazyLock::force(&PREP);
}, |data: &[u8]| {
    let Some((&sel, body)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(body).into_owned();
    let lang = match sel % 4 {
        0 => None,
        1 => Some(Lang::new("fr")),
        2 => Some(Lang::new("en")),
        _ => Some(Lang::other()),
    };
    let meta = DocMeta {
        lang,
        ..DocMeta::default()
    };
    let doc = PREP.prepare(meta, text);
    let norm = &doc.norm.text;

    for (i, _) in norm.char_indices().chain([(norm.len(), ' ')]) {
        let (s, e) = (doc.norm.orig_start(i), doc.norm.orig_end(i));
        assert!(
            doc.text.is_char_boundary(s) && doc.text.is_char_boundary(e),
            "norm offset {i} maps to {s}/{e}"
        );
    }

    let mut prev_end = 0;
    for s in &doc.sentences {
        assert!(
            common::on_boundaries(norm, s.norm.start, s.norm.end),
            "norm span {:?}",
            s.norm
        );
        assert!(
            common::on_boundaries(&doc.text, s.span.start, s.span.end),
            "span {:?}",
            s.span
        );
        assert!(
            s.norm.start >= prev_end,
            "sentences out of order or overlapping"
        );
        assert!(
            norm[prev_end..s.norm.start].trim().is_empty(),
            "text lost between sentences"
        );
        assert!(!s.norm.is_empty());
        prev_end = s.norm.end;
        let original = &doc.text[s.span.range()];
        let renorm = vigie_text::normalize(original);
        assert_eq!(
            renorm.text,
            &norm[s.norm.range()],
            "normalizing the original span {:?} ({original:?}) must give the normalized sentence",
            s.span
        );
    }
    assert!(
        norm[prev_end..].trim().is_empty(),
        "text lost after the last sentence"
    );
});
