//! Properties that must hold for any input text.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use proptest::prelude::*;
use vigie_core::{DocMeta, Span};
use vigie_resources::Resources;
use vigie_text::{Preparer, normalize};

/// Text drawn from the characters that make normalization and segmentation
/// interesting: quotes, apostrophes, no-break and zero-width spaces, line
/// breaks, combining accents, terminators, digits, Arabic letters.
fn newsy_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "a",
        "é",
        "e\u{301}",
        "L",
        "M.",
        "U.S.",
        " ",
        "  ",
        "\u{a0}",
        "\u{202f}",
        "\u{200b}",
        "\n",
        "\n\n",
        "\r\n",
        ".",
        "!",
        "?",
        "…",
        "\u{2019}",
        "'",
        "\u{ab}",
        "\u{bb}",
        "\u{201c}",
        "\u{201d}",
        "\"",
        "30 631",
        "3.5",
        "Frappe",
        "de drone",
        "la",
        "Tyr",
        "\u{627}\u{644}",
        "\t",
        "\u{0}",
        "-",
        "\u{2011}",
        "(",
        ")",
    ]);
    prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
}

fn preparer() -> Preparer {
    Preparer::from_resources(&Resources::embedded()).expect("bundled resources load")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    /// Sentences are in order, do not overlap, and only whitespace lies
    /// between and around them: nothing lost, duplicated or reordered.
    #[test]
    fn segmentation_covers_text(text in newsy_text()) {
        let doc = preparer().prepare(DocMeta::default(), text);
        let norm = &doc.norm.text;
        let mut pos = 0;
        for s in &doc.sentences {
            prop_assert!(s.norm.start >= pos, "overlap or reorder at {:?}", s.norm);
            prop_assert!(norm.is_char_boundary(s.norm.start) && norm.is_char_boundary(s.norm.end));
            prop_assert!(norm[pos..s.norm.start].trim().is_empty(), "lost {:?}", &norm[pos..s.norm.start]);
            prop_assert!(!norm[s.norm.range()].trim().is_empty());
            pos = s.norm.end;
        }
        prop_assert!(norm[pos..].trim().is_empty(), "lost tail {:?}", &norm[pos..]);
    }

    /// Every sentence's original span is on character boundaries, in order,
    /// and normalizing the original characters gives the sentence back.
    #[test]
    fn offsets_point_at_the_same_characters(text in newsy_text()) {
        let doc = preparer().prepare(DocMeta::default(), text);
        let mut last = 0;
        for s in &doc.sentences {
            prop_assert!(doc.text.is_char_boundary(s.span.start) && doc.text.is_char_boundary(s.span.end));
            prop_assert!(s.span.start >= last);
            last = s.span.end;
            let renorm = normalize(&doc.text[s.span.range()]).text;
            prop_assert_eq!(renorm.as_str(), doc.sentence_norm(s));
        }
    }

    /// Any offset of the normalized text maps to a character boundary of the
    /// original, monotonically.
    #[test]
    fn offset_map_is_monotonic(text in newsy_text()) {
        let n = normalize(&text);
        let mut prev = 0;
        for (i, _) in n.text.char_indices().chain(std::iter::once((n.text.len(), ' '))) {
            let o = n.orig_start(i);
            prop_assert!(text.is_char_boundary(o));
            prop_assert!(o >= prev);
            prev = o;
            let span = n.to_original(Span::new(0, i));
            prop_assert!(text.is_char_boundary(span.end));
        }
    }

    /// Normalizing twice changes nothing more.
    #[test]
    fn normalization_is_idempotent(text in newsy_text()) {
        let once = normalize(&text).text;
        prop_assert_eq!(normalize(&once).text, once);
    }
}
