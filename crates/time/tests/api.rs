//! Behaviour of the public API beyond the case table: reference inference,
//! language guess, and robustness on arbitrary text.

use vigie_time::{Date, Prefer, ResolveContext, TimeTagger};

fn tagger() -> TimeTagger {
    match TimeTagger::bundled() {
        Ok(t) => t,
        Err(e) => panic!("loading: {e}"),
    }
}

#[test]
fn infers_publication_date_from_weekday_and_date_bounded_by_years() {
    let t = tagger();
    let text = "Dans un communiqué diffusé ce dimanche 7 janvier, le groupe rappelle la guerre commencée le 7 octobre 2023.";
    assert_eq!(
        t.infer_reference(text, "fr"),
        Some(Date::constant(2024, 1, 7))
    );
    let text = "Le mardi 5 mars, l'armée a répondu. En 2019 déjà, des tirs avaient visé la base.";
    // 5 March is a Tuesday in 2019 and 2024: the one nearest 2019 wins
    assert_eq!(
        t.infer_reference(text, "fr"),
        Some(Date::constant(2019, 3, 5))
    );
    let text = "On Sunday, Jan. 7, the group said it had struck the base, as it did in 2023.";
    assert_eq!(
        t.infer_reference(text, "en"),
        Some(Date::constant(2024, 1, 7))
    );
}

#[test]
fn infer_reference_is_none_when_nothing_agrees_or_no_year() {
    let t = tagger();
    assert_eq!(
        t.infer_reference("ce dimanche 7 janvier, sans année", "fr"),
        None
    );
    assert_eq!(t.infer_reference("Aucune date ici, en 2023.", "fr"), None);
}

#[test]
fn guesses_language_from_function_words() {
    let t = tagger();
    assert_eq!(
        t.guess_lang("Le groupe a revendiqué une attaque contre la base."),
        Some("fr")
    );
    assert_eq!(
        t.guess_lang("The group said it had attacked the base on Tuesday."),
        Some("en")
    );
    assert_eq!(t.guess_lang("123 456"), None);
}

#[test]
fn unknown_language_finds_nothing() {
    assert!(tagger().find("mardi 7 janvier", "de").is_empty());
}

#[test]
fn anaphoric_expressions_follow_the_anchor() {
    let t = tagger();
    let text =
        "Le 7 janvier, une frappe a visé la base. La veille, des drones avaient été abattus.";
    let found = t.find(text, "fr");
    assert_eq!(found.len(), 2);
    let event = found[0].resolve(&ResolveContext {
        reference: Some(Date::constant(2024, 1, 10)),
        ..Default::default()
    });
    let Some(event) = event else {
        panic!("no value")
    };
    let ctx = ResolveContext {
        reference: Some(Date::constant(2024, 1, 10)),
        anchor: Some(event.start),
        prefer: Prefer::Past,
    };
    let veille = found[1].resolve(&ctx);
    assert_eq!(veille.map(|v| v.start), Some(Date::constant(2024, 1, 6)));
    assert!(found[1].anaphoric && !found[0].anaphoric);
    assert_eq!(found[1].rule, "fr.time.relative_day");
}

/// A small deterministic generator: no panics, offsets on char boundaries,
/// mentions ordered and disjoint, same output twice.
#[test]
fn arbitrary_text_never_panics_and_offsets_are_sound() {
    let t = tagger();
    let pieces = [
        "le",
        "7",
        "janvier",
        "2024",
        "-",
        "/",
        ".",
        ",",
        "’",
        "'",
        "mardi",
        "soir",
        "1er",
        "Jan.",
        "28th",
        "du",
        "au",
        "depuis",
        "il y a",
        "trois",
        "jours",
        "plus tard",
        "fin",
        "mi",
        "été",
        "l'",
        "30 631",
        "\u{202F}",
        "é",
        "😀",
        "dans la nuit de",
        "à",
        "Sunday",
        "into",
        "ago",
        "last",
        "week",
        "the",
        "of",
        "May",
        "Q1",
        "T",
        "entre",
        "et",
        "between",
        "and",
        "9999",
        "0",
        "31",
        "32",
        "29",
        "février",
        "\n",
        "  ",
        "la veille du",
        "overnight",
        "since",
    ];
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..3000 {
        let mut text = String::new();
        let n = (seed % 12) as usize + 1;
        for _ in 0..n {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            text.push_str(pieces[(seed % pieces.len() as u64) as usize]);
            if !seed.is_multiple_of(3) {
                text.push(' ');
            }
        }
        for lang in ["fr", "en"] {
            let found = t.find(&text, lang);
            let mut last_end = 0;
            for m in &found {
                assert!(m.start < m.end && m.end <= text.len(), "{text:?} {m:?}");
                assert!(
                    text.is_char_boundary(m.start) && text.is_char_boundary(m.end),
                    "{text:?} {m:?}"
                );
                assert!(m.start >= last_end, "overlap in {text:?}");
                last_end = m.end;
                for prefer in [Prefer::Past, Prefer::Future] {
                    let ctx = ResolveContext {
                        reference: Some(Date::constant(2024, 1, 10)),
                        anchor: None,
                        prefer,
                    };
                    if let Some(v) = m.resolve(&ctx) {
                        assert!(v.start <= v.end, "{text:?} {m:?} {v:?}");
                        assert!((1..=3).contains(&v.precision));
                    }
                    let _ = m.resolve(&ResolveContext::default());
                }
            }
            assert_eq!(found, t.find(&text, lang), "not deterministic on {text:?}");
        }
    }
}
