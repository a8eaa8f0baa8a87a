//! The token stream: `Tokenizer::tokenize` on any text, French, English or
//! unknown, cut into two sentences. Tokens are in order, never overlap, lie
//! on character boundaries and leave out only spaces; a token's folded form
//! is the folding of its surface; words stay inside their sentence.
#![no_main]

#[path = "common.rs"]
mod common;

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use vigie_tokens::{Tokenizer, fold_str};

static TOKENIZER: LazyLock<Tokenizer> =
    LazyLock::new(|| Tokenizer::bundled().expect("bundled token rules"));

fuzz_target!(init: {
    LazyLock::force(&TOKENIZER);
}, |data: &[u8]| {
    let Some((&sel, body)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(body);
    let lang = ["fr", "en", "xx"][usize::from(sel % 3)];
    let mut cut = usize::from(sel) * text.len() / 255;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let s = TOKENIZER.tokenize(&text, &[0..cut, cut..text.len()], lang);
    let mut prev_end = 0usize;
    for t in &s.tokens {
        let (a, b) = (t.start as usize, t.end as usize);
        assert!(a < b && common::on_boundaries(&text, a, b), "token {a}..{b}");
        assert!(a >= prev_end, "tokens overlap at {a}");
        assert!(
            text[prev_end..a].chars().all(|c| c.is_whitespace() || matches!(c, '\u{202F}' | '\u{00A0}' | '\u{2009}')),
            "a non-space character left out before {a}"
        );
        if !t.grouped {
            assert_eq!(s.key(t), fold_str(&text[a..b]), "folded form of {a}..{b}");
        }
        prev_end = b;
    }
    for (i, sent) in s.sentences.iter().enumerate() {
        for w in s.sentence_words(i) {
            assert!(common::on_boundaries(&text, w.start as usize, w.end as usize));
            assert!(w.start >= sent.span.start && w.end <= sent.span.end.max(w.end), "word outside its sentence");
            assert!(!s.word_form(&text, w).is_empty(), "empty word");
        }
    }
});
