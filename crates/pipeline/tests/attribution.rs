//! Who says who did it, in articles written for vigie: claims, accusations,
//! denials and attributions on the record (issue "Attribution of
//! responsibility"). Tests are named after what broke.

mod common;

/// One attribution entry: (who, stance, target).
type Entry = (String, String, Option<String>);

/// The first event's actor1 and attribution entries.
fn said(lang: &str, text: &str) -> (Option<String>, Vec<Entry>) {
    let evs = common::extract(lang, text).events;
    let first = evs
        .first()
        .unwrap_or_else(|| panic!("no event in {text:?}"));
    let entries = first
        .attribution
        .iter()
        .map(|a| (a.who.clone(), a.stance.clone(), a.target.clone()))
        .collect();
    (first.actor1.clone(), entries)
}

fn entry(who: &str, stance: &str, target: Option<&str>) -> Entry {
    (who.into(), stance.into(), target.map(Into::into))
}

#[test]
fn an_accusation_after_the_report_names_accuser_and_accused() {
    let (_, got) = said(
        "en",
        "Rockets struck a US base near Erbil on Tuesday. The Pentagon blamed Kataib Hezbollah.",
    );
    assert_eq!(
        got,
        [entry(
            "Military Forces of the United States",
            "accuses",
            Some("Kataib Hezbollah")
        )]
    );
}

#[test]
fn an_accusation_and_a_denial_between_a_state_and_a_group() {
    let (_, got) = said(
        "fr",
        "Des roquettes ont frappé une base américaine près d'Erbil mardi. \
         Le Pentagone a accusé les Kataëb Hezbollah, qui ont démenti.",
    );
    assert_eq!(
        got,
        [
            entry(
                "Military Forces of the United States",
                "accuses",
                Some("Kataib Hezbollah")
            ),
            entry("Kataib Hezbollah", "denies", None),
        ]
    );
}

#[test]
fn the_group_that_denied_it_is_the_group_not_the_state_that_spoke() {
    // "Israel said, but the group denied it" once made Israel the denier.
    let (actor1, got) = said(
        "en",
        "Hezbollah fired rockets at Kiryat Shmona on Monday, Israel said, but the group denied it.",
    );
    assert!(got.contains(&entry("Hezbollah", "denies", None)), "{got:?}");
    assert_ne!(
        actor1.as_deref(),
        Some("Hezbollah"),
        "a denier is never actor1"
    );
}

#[test]
fn a_claim_is_an_entry_and_keeps_its_claimant_as_actor1() {
    let (actor1, got) = said(
        "en",
        "Kataib Hezbollah claimed a drone attack on a US base near Erbil on Tuesday.",
    );
    assert_eq!(actor1.as_deref(), Some("Kataib Hezbollah"));
    assert_eq!(got, [entry("Kataib Hezbollah", "claims", None)]);
}

#[test]
fn a_monitor_attributes_the_attack_it_reports() {
    let (_, got) = said(
        "fr",
        "Des jihadistes de l'État islamique ont attaqué lundi un poste de l'armée près de Palmyre, \
         selon l'Observatoire syrien des droits de l'homme.",
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].1, "attributes");
    assert_eq!(got[0].2.as_deref(), Some("Islamic State"));
}

#[test]
fn an_accusation_about_the_attack_told_before_leaves_the_striker_alone() {
    // "the Pentagon blamed the militia" after a US strike once made the
    // militia the perpetrator of the US strike.
    let (actor1, _) = said(
        "en",
        "US fighter jets struck a militia depot near al-Qaim on Tuesday. \
         The Pentagon blamed Kataib Hezbollah for a drone attack on Erbil last week.",
    );
    assert_eq!(
        actor1.as_deref(),
        Some("Military Forces of the United States")
    );
}

#[test]
fn two_groups_claiming_one_attack_are_both_kept() {
    let (actor1, got) = said(
        "en",
        "Kataib Hezbollah claimed a drone attack on a US base near Erbil on Tuesday. \
         Harakat al-Nujaba also claimed the attack.",
    );
    assert_eq!(actor1.as_deref(), Some("Kataib Hezbollah"));
    assert_eq!(
        got,
        [
            entry("Kataib Hezbollah", "claims", None),
            entry("Harakat Hezbollah al-Nujaba", "claims", None),
        ]
    );
}

#[test]
fn a_denial_by_another_group_after_a_claim_keeps_the_claimant() {
    let (actor1, got) = said(
        "en",
        "Islamic State claimed a bombing at a market in Kirkuk on Monday. \
         Kataib Hezbollah denied any role in the bombing.",
    );
    assert_eq!(actor1.as_deref(), Some("Islamic State"));
    assert_eq!(
        got,
        [
            entry("Islamic State", "claims", None),
            entry("Kataib Hezbollah", "denies", None),
        ]
    );
}
