//! HTML main-text extraction on arbitrary pages: never panics; paragraphs
//! have folded whitespace (no leading or trailing space, at most one blank
//! line between paragraphs); a title, when found, is non-empty and trimmed.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use vigie_resources::Resources;
use vigie_text::HtmlExtractor;

static HTML: LazyLock<HtmlExtractor> = LazyLock::new(|| {
    HtmlExtractor::from_resources(&Resources::embedded()).expect("bundled boilerplate rules")
});

// Load once, outside the per-input timeout.
fuzz_target!(init: {
    LazyLock::force(&HTML);
}, |data: &[u8]| {
    let page = String::from_utf8_lossy(data);
    let a = HTML.extract(&page);
    assert_eq!(a.text.trim(), a.text, "main text is trimmed");
    assert!(
        !a.text.contains("\n\n\n"),
        "at most one blank line between paragraphs"
    );
    if let Some(t) = &a.title {
        assert!(!t.is_empty() && t.trim() == t, "title {t:?}");
    }
});
