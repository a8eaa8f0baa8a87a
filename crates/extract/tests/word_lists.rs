//! The closed word lists of `resources/lang/*/extract/` (`place_coordination.tsv`,
//! `place_locating.tsv`, `count_coordination.tsv`, `number_range.tsv`,
//! `others.tsv`, `auxiliaries.tsv`) at work. Every example runs through the
//! extractor twice: with the bundled resources it must give its expected
//! records; with its list emptied (an override directory) it must give
//! something else, so that each example shows what its list does. Every
//! failure is collected before the test asserts.
//!
//! `number_pair.tsv` has no example: the numbers `figures.rs` compares it
//! between are already those without a unit after them, so the check that
//! reads it cannot fire today.

use std::path::PathBuf;

use vigie_core::{Date, DocMeta, Lang};
use vigie_extract::{Extraction, Extractor};
use vigie_resources::Resources;

#[derive(Debug, Clone, Copy)]
enum Aspect {
    /// The place names of the events, in order.
    Places,
    /// The fatalities of the events, in order.
    Fatalities,
    /// Count and subject of every figure.
    Figures,
}

struct Case {
    list: &'static str,
    lang: &'static str,
    text: &'static str,
    aspect: Aspect,
    expect: &'static str,
}

const CASES: &[Case] = &[
    Case {
        list: "place_coordination",
        lang: "fr",
        text: "Des frappes israéliennes ont visé Tyr et Saïda mardi.",
        aspect: Aspect::Places,
        expect: "Tyre, Sidon",
    },
    Case {
        list: "place_coordination",
        lang: "fr",
        text: "Des frappes israéliennes ont visé Tyr, Saïda ainsi que Nabatieh mardi.",
        aspect: Aspect::Places,
        expect: "Tyre, Sidon, Nabatieh",
    },
    Case {
        list: "place_coordination",
        lang: "en",
        text: "Israeli strikes hit Tyre and Sidon on Tuesday.",
        aspect: Aspect::Places,
        expect: "Tyre, Sidon",
    },
    Case {
        list: "place_locating",
        lang: "fr",
        text: "Des frappes israéliennes ont visé Tyr et le district de Saïda mardi.",
        aspect: Aspect::Places,
        expect: "Tyre",
    },
    Case {
        list: "place_locating",
        lang: "en",
        text: "Israeli strikes hit Tyre and the district of Sidon on Tuesday.",
        aspect: Aspect::Places,
        expect: "Tyre",
    },
    Case {
        list: "count_coordination",
        lang: "fr",
        // The toll is told in a sentence of its own, read in token order
        // (the tree sums conjoined victims without the list).
        text: "Une frappe israélienne a visé Tyr mardi. Elle a tué six soldats et trois civils.",
        aspect: Aspect::Fatalities,
        expect: "9",
    },
    Case {
        list: "count_coordination",
        lang: "en",
        text: "An Israeli strike hit Tyre on Tuesday. It killed six soldiers and three civilians.",
        aspect: Aspect::Fatalities,
        expect: "9",
    },
    Case {
        list: "number_range",
        lang: "fr",
        text: "De 5 000 à 7 000 personnes ont été tuées depuis le début de la guerre.",
        aspect: Aspect::Figures,
        expect: "",
    },
    Case {
        list: "number_range",
        lang: "en",
        text: "From 5,000 to 7,000 people have been killed since the war began.",
        aspect: Aspect::Figures,
        expect: "",
    },
    Case {
        list: "others",
        lang: "fr",
        text: "Au moins 30 000 Palestiniens ont été tués depuis le début de la guerre, \
               et 70 000 autres ont été blessés.",
        aspect: Aspect::Figures,
        expect: "30000 Palestinians; 70000 Palestinians",
    },
    Case {
        list: "others",
        lang: "en",
        text: "At least 30,000 Palestinians have been killed since the start of the war, \
               and 70,000 others have been wounded.",
        aspect: Aspect::Figures,
        expect: "30000 Palestinians; 70000 Palestinians",
    },
    Case {
        list: "auxiliaries",
        lang: "fr",
        text: "Au moins 30 000 ont été tués depuis le début de la guerre.",
        aspect: Aspect::Figures,
        expect: "30000 -",
    },
    Case {
        list: "auxiliaries",
        lang: "en",
        text: "At least 30,000 have been killed since the start of the war.",
        aspect: Aspect::Figures,
        expect: "30000 -",
    },
];

fn summary(out: &Extraction, aspect: Aspect) -> String {
    let items: Vec<String> = match aspect {
        Aspect::Places => out
            .events
            .iter()
            .filter_map(|e| e.location.as_ref().map(|l| l.name.clone()))
            .collect(),
        Aspect::Fatalities => out
            .events
            .iter()
            .map(|e| e.fatalities.map_or("-".to_string(), |f| f.to_string()))
            .collect(),
        Aspect::Figures => out
            .figures
            .iter()
            .map(|f| format!("{} {}", f.count, f.subject.as_deref().unwrap_or("-")))
            .collect(),
    };
    let sep = if matches!(aspect, Aspect::Figures) {
        "; "
    } else {
        ", "
    };
    items.join(sep)
}

/// An override directory in which `list` is empty in every language.
fn emptied(list: &str, langs: &[String]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("vigie-word-lists-{}-{list}", std::process::id()));
    for lang in langs {
        let d = dir.join("lang").join(lang).join("extract");
        std::fs::create_dir_all(&d).unwrap_or_else(|e| panic!("{}: {e}", d.display()));
        std::fs::write(
            d.join(format!("{list}.tsv")),
            "# emptied by tests/word_lists.rs\n",
        )
        .unwrap_or_else(|e| panic!("{e}"));
    }
    dir
}

#[test]
fn every_word_list_example_holds_and_needs_its_list() {
    let res = Resources::embedded();
    let ex = Extractor::from_resources(&res).unwrap_or_else(|e| panic!("{e}"));
    let prep = vigie_text::Preparer::from_resources(&res).unwrap_or_else(|e| panic!("{e}"));
    let published: Option<Date> = "2024-03-05".parse().ok();
    let extract = |ex: &Extractor, case: &Case| {
        let meta = DocMeta {
            id: "example".into(),
            published,
            lang: Some(Lang::new(case.lang)),
            ..DocMeta::default()
        };
        summary(
            &ex.extract(&prep.prepare(meta, case.text.to_string())),
            case.aspect,
        )
    };
    let mut lists: Vec<&str> = CASES.iter().map(|c| c.list).collect();
    lists.sort_unstable();
    lists.dedup();
    let mut failures = Vec::new();
    for list in lists {
        let dir = emptied(list, &res.languages());
        let without = Resources::with_overrides(&dir).unwrap_or_else(|e| panic!("{e}"));
        let ex_without = Extractor::from_resources(&without).unwrap_or_else(|e| panic!("{e}"));
        for case in CASES.iter().filter(|c| c.list == list) {
            let got = extract(&ex, case);
            if got != case.expect {
                failures.push(format!(
                    "{}/{list}: expected {:?} in {:?}, got {got:?}",
                    case.lang, case.expect, case.text
                ));
            }
            let got_without = extract(&ex_without, case);
            if got_without == case.expect {
                failures.push(format!(
                    "{}/{list}: {:?} gives {got_without:?} without the list too: \
                     the example does not show what the list does",
                    case.lang, case.text
                ));
            }
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
    let langs: Vec<&str> = CASES.iter().map(|c| c.lang).collect();
    for lang in ["fr", "en"] {
        assert!(langs.contains(&lang), "no example in {lang}");
    }
    assert!(
        failures.is_empty(),
        "{} of {} examples failed:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}
