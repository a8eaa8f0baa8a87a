//! A figure's subject is one label whatever the language and the words
//! around it (`subjects.tsv`), so that `vigie figures --subject` groups
//! French and English tolls. Articles written for vigie.

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
