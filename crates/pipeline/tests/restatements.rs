//! One incident, one event: restatements of an incident merge, the sharper
//! value of each field wins, and a bare later mention lends its toll.
//! Short articles written for vigie; named after what broke.

mod common;

use vigie_core::Event;

fn events(lang: &str, text: &str) -> Vec<Event> {
    common::extract(lang, text).events
}

fn place(e: &Event) -> &str {
    e.location.as_ref().map_or("", |l| l.name.as_str())
}

#[test]
fn a_base_located_in_a_region_is_the_place_not_the_region() {
    let evs = events(
        "en",
        "Troops at the Ain al-Asad base in western Iraq shot down a drone on Tuesday, a US official said.",
    );
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(place(&evs[0]), "Ain al-Asad Air Base");
}

#[test]
fn a_restatement_sharpens_the_place_and_a_bare_mention_lends_its_toll() {
    let evs = events(
        "en",
        "Two drones were shot down over Syria on Monday, the Pentagon said. \
         Troops at the Al-Tanf garrison in southeastern Syria took down the two drones. \
         No injuries occurred during the attack.",
    );
    assert_eq!(evs.len(), 1, "{evs:#?}");
    assert_eq!(evs[0].sub_event_type, "Disrupted weapons use");
    assert_eq!(place(&evs[0]), "Al-Tanf Garrison");
    assert_eq!(evs[0].fatalities, Some(0));
    // Every other sentence that told it is kept, with the rule that linked it.
    let mentions: Vec<(&str, &str)> = evs[0]
        .mentions
        .iter()
        .map(|m| (m.text.as_str(), m.rule.as_str()))
        .collect();
    assert_eq!(
        mentions,
        [
            (
                "Troops at the Al-Tanf garrison in southeastern Syria took down the two drones.",
                "merge.restatement"
            ),
            (
                "No injuries occurred during the attack.",
                "merge.restatement"
            ),
        ]
    );
    assert!(!evs[0].evidence.text.starts_with("Troops"));
}

#[test]
fn a_demonstrative_mention_is_kept_with_its_rule() {
    let evs = events(
        "fr",
        "Un drone a touché dimanche un dépôt de carburant à Port-Soudan. \
         Cette frappe, selon l'armée, n'a fait « aucune victime ».",
    );
    assert_eq!(evs.len(), 1, "{evs:#?}");
    let rules: Vec<&str> = evs[0].mentions.iter().map(|m| m.rule.as_str()).collect();
    assert_eq!(rules, ["fr.arguments.anaphoric_mention"]);
}
