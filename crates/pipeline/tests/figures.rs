//! Figures (cumulative tolls): their subject is one label whatever the
//! language and the words around it (`subjects.tsv`), so that `vigie
//! figures --subject` groups French and English tolls; counts written with
//! a scale word are counted whole. Articles written for vigie.

mod common;

#[test]
fn subjects_are_one_label_in_both_languages() {
    let cases = [
        (
            "fr",
            "Depuis le début de la guerre, au moins 41 000 Palestiniens ont été tués dans la bande de Gaza, selon le ministère de la Santé.",
            "Palestinians",
        ),
        (
            "en",
            "Since the war began, more than 41,000 Gazans have been killed, the health ministry said on Monday.",
            "Palestinians",
        ),
        (
            "en",
            "In total, 2,300 militants during the offensive have been killed since January, the army said.",
            "fighters",
        ),
        (
            "fr",
            "Au total, 1 200 soldats ont été tués depuis le début de l'offensive, selon l'état-major.",
            "soldiers",
        ),
    ];
    for (lang, text, want) in cases {
        let got = common::extract(lang, text).figures;
        let killed: Vec<_> = got.iter().filter(|f| f.what == "killed").collect();
        assert_eq!(killed.len(), 1, "{text}: {got:#?}");
        assert_eq!(killed[0].subject.as_deref(), Some(want), "{text}");
    }
}

#[test]
fn millions_are_counted_with_their_scale_and_qualifier() {
    let cases = [
        (
            "fr",
            "Près d'un million de personnes ont été déplacées depuis le début des combats, selon l'ONU.",
            1_000_000,
            "approx",
        ),
        (
            "en",
            "More than 2.5 million people have been displaced by the fighting since April 2023, the UN said.",
            2_500_000,
            "more_than",
        ),
        (
            "fr",
            "Depuis avril 2023, 3,2 millions de personnes ont été déplacées par la guerre, selon l'OIM.",
            3_200_000,
            "exact",
        ),
    ];
    for (lang, text, count, qualifier) in cases {
        let got = common::extract(lang, text).figures;
        let displaced: Vec<_> = got.iter().filter(|f| f.what == "displaced").collect();
        assert_eq!(displaced.len(), 1, "{text}: {got:#?}");
        assert_eq!(displaced[0].count, count, "{text}");
        assert_eq!(displaced[0].qualifier, qualifier, "{text}");
    }
}

/// Count and subject of each figure of an article.
fn counts(lang: &str, text: &str) -> Vec<(u64, Option<String>)> {
    common::extract(lang, text)
        .figures
        .into_iter()
        .map(|f| (f.count, f.subject))
        .collect()
}

#[test]
fn coordinated_counts_are_one_figure_each_and_a_range_is_none() {
    let some = |s: &str| Some(s.to_string());
    assert_eq!(
        counts(
            "en",
            "Since the start of the insurgency, 70 policemen and 120 villagers have died in the district, officials said.",
        ),
        [(70, some("police")), (120, some("residents"))]
    );
    assert_eq!(
        counts(
            "fr",
            "Depuis le début de l'année, 45 soldats et 60 civils ont été tués dans la province, selon un bilan officiel.",
        ),
        [(45, some("soldiers")), (60, some("civilians"))]
    );
    let range = counts(
        "fr",
        "Depuis le début de la guerre, entre 5 000 et 7 000 personnes ont été tuées, selon l'ONU.",
    );
    assert!(range.iter().all(|(n, _)| *n != 5000), "{range:?}");
}

#[test]
fn a_death_toll_that_rose_to_n_is_a_figure_of_the_killed() {
    let cases = [
        (
            "en",
            "The death toll from the war in Sudan has risen to 15,000, according to the United Nations.",
        ),
        (
            "fr",
            "Le bilan de la guerre au Soudan s'élève désormais à 15 000 morts, selon l'ONU.",
        ),
    ];
    for (lang, text) in cases {
        let got = common::extract(lang, text).figures;
        let found: Vec<(&str, u64)> = got.iter().map(|f| (f.what.as_str(), f.count)).collect();
        assert_eq!(found, [("killed", 15_000)], "{text}");
    }
}
