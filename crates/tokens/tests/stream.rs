//! The token stream: words as the UD treebanks write them, and the offset
//! invariants on any text.

use proptest::prelude::*;
use vigie_core::{TokenKind, TokenStream};
use vigie_tokens::{Tokenizer, fold_str};

fn tokenizer() -> Tokenizer {
    Tokenizer::bundled().unwrap_or_else(|e| panic!("{e}"))
}

fn words(text: &str, lang: &str) -> Vec<String> {
    let t = tokenizer();
    let s = t.tokenize(text, &[], lang);
    s.words
        .iter()
        .map(|w| s.word_form(text, w).to_string())
        .collect()
}

#[test]
fn english_splits_clitics_and_hyphenated_compounds() {
    assert_eq!(
        words(
            "The Iran-backed group didn't say, Baghdad's police said.",
            "en"
        ),
        [
            "The", "Iran", "-", "backed", "group", "did", "n't", "say", ",", "Baghdad", "'s",
            "police", "said", "."
        ]
    );
    assert_eq!(
        words("U.S. forces can't and cannot", "en"),
        ["U.S.", "forces", "ca", "n't", "and", "can", "not"]
    );
}

/// Found by the fuzz smoke: "n" with a combining accent before "'t" folds
/// to "n't", and the split was cut one folded byte back, inside the accent.
#[test]
fn negation_clitic_after_a_combining_accent_stays_on_char_boundaries() {
    let text = "The group didn\u{301}'t say.";
    let t = tokenizer();
    let s = t.tokenize(text, &[], "en");
    for w in &s.words {
        let (a, b) = (w.start as usize, w.end as usize);
        assert!(
            text.is_char_boundary(a) && text.is_char_boundary(b),
            "word {a}..{b} cuts a character"
        );
    }
    // The accented form is not the clitic as written: the word stays whole.
    assert_eq!(
        words(text, "en"),
        ["The", "group", "didn\u{301}'t", "say", "."]
    );
}

#[test]
fn french_splits_elisions_and_contractions_and_keeps_compounds() {
    assert_eq!(
        words(
            "L'armée du régime a-t-elle frappé Saint-Dizier aujourd'hui aux abords des villes ?",
            "fr"
        ),
        [
            "L'",
            "armée",
            "de",
            "le",
            "régime",
            "a",
            "-t-elle",
            "frappé",
            "Saint-Dizier",
            "aujourd'hui",
            "à",
            "les",
            "abords",
            "des",
            "villes",
            "?"
        ]
    );
    let t = tokenizer();
    let text = "Du côté de M. Dupont...";
    let s = t.tokenize(text, &[], "fr");
    let forms: Vec<&str> = s.words.iter().map(|w| s.word_form(text, w)).collect();
    assert_eq!(forms, ["De", "le", "côté", "de", "M.", "Dupont", "..."]);
    assert_eq!(s.multiwords.len(), 1);
    assert_eq!(
        &text[s.multiwords[0].start as usize..s.multiwords[0].end as usize],
        "Du"
    );
}

#[test]
fn grouped_numbers_are_one_token_and_one_word() {
    let t = tokenizer();
    let text = "30 631 morts le 7 janvier 2024, 10\u{202F}000 tonnes, 1,000 km et 3,5 %";
    let s = t.tokenize(text, &[], "fr");
    let nums: Vec<(u32, bool)> = s
        .tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Number)
        .map(|t| (t.value, t.grouped))
        .collect();
    assert_eq!(
        nums,
        [
            (30631, true),
            (7, false),
            (2024, false),
            (10000, true),
            (1000, true),
            (3, false),
            (5, false)
        ]
    );
    let forms: Vec<&str> = s.words.iter().map(|w| s.word_form(text, w)).collect();
    assert!(
        forms.contains(&"30 631") && forms.contains(&"3,5"),
        "{forms:?}"
    );
}

#[test]
fn sentences_own_their_tokens_and_words() {
    let t = tokenizer();
    let text = "Un tir. Deux morts.";
    let s = t.tokenize(text, &[0..7, 8..19], "fr");
    assert_eq!(s.sentences.len(), 2);
    let second: Vec<&str> = s
        .sentence_tokens(1)
        .iter()
        .map(|t| &text[t.span()])
        .collect();
    assert_eq!(second, ["Deux", "morts", "."]);
    assert_eq!(s.sentence_words(0).len(), 3);
}

#[test]
fn unknown_languages_get_the_neutral_rules() {
    let ws = words("l'ouest du pays", "xx");
    assert_eq!(ws, ["l'", "ouest", "du", "pays"]);
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{202F}' | '\u{00A0}' | '\u{2009}')
}

fn check_invariants(text: &str, s: &TokenStream) -> Result<(), TestCaseError> {
    let mut prev_end = 0usize;
    for t in &s.tokens {
        let (a, b) = (t.start as usize, t.end as usize);
        prop_assert!(a < b && text.is_char_boundary(a) && text.is_char_boundary(b));
        prop_assert!(a >= prev_end, "tokens overlap");
        // nothing but spaces is left out between tokens
        let gap_is_space = text[prev_end..a].chars().all(is_space);
        prop_assert!(gap_is_space, "a non-space character left out");
        prev_end = b;
        if !t.grouped {
            prop_assert_eq!(s.key(t), fold_str(&text[a..b]));
        }
    }
    let tail_is_space = text[prev_end..].chars().all(is_space);
    prop_assert!(tail_is_space);
    for (si, sent) in s.sentences.iter().enumerate() {
        for w in s.sentence_words(si) {
            let on_boundaries =
                text.is_char_boundary(w.start as usize) && text.is_char_boundary(w.end as usize);
            prop_assert!(on_boundaries);
            prop_assert!(!s.word_form(text, w).is_empty());
            let toks = s.sentence_tokens(si);
            if let (Some(f), Some(l)) = (toks.first(), toks.last()) {
                prop_assert!(w.start >= f.start && w.end <= l.end);
            }
        }
        let _ = sent;
    }
    Ok(())
}

proptest! {
    #[test]
    fn offsets_stay_exact_on_any_text(text in "\\PC{0,80}", lang in prop::sample::select(vec!["fr", "en", "xx"])) {
        let t = tokenizer();
        let s = t.tokenize(&text, &[], lang);
        check_invariants(&text, &s)?;
    }

    #[test]
    fn offsets_stay_exact_on_newsy_text(text in "[A-Za-zéÉàç' \\-.,0-9\u{202F}’«»ʿ]{0,60}", lang in prop::sample::select(vec!["fr", "en"])) {
        let t = tokenizer();
        let cut = text.char_indices().map(|(i, _)| i).nth(text.chars().count() / 2).unwrap_or(0);
        let s = t.tokenize(&text, &[0..cut, cut..text.len()], lang);
        check_invariants(&text, &s)?;
    }
}
