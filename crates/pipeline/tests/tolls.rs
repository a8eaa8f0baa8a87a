//! Casualties bound by syntax: each test is a short article written for
//! vigie (wire, national-paper and partisan voices, French and English) and
//! checks the fatalities of its one event, with the rule that decided them.
//! Named after what broke before the tolls pass read the tree.

mod common;

use vigie_core::Event;

/// The events of one article published on 2025-03-10.
fn events(lang: &str, text: &str) -> Vec<Event> {
    common::extract(lang, text).events
}

/// The single event of an article: its fatalities and its tolls rule.
fn toll(lang: &str, text: &str) -> (Option<u32>, Vec<String>) {
    let evs = events(lang, text);
    assert_eq!(evs.len(), 1, "one event expected in {text:?}, got {evs:#?}");
    let rules = evs[0]
        .rules
        .iter()
        .filter(|r| r.contains(".fatalities.") || r.contains("anaphoric_mention"))
        .cloned()
        .collect();
    (evs[0].fatalities, rules)
}

#[test]
fn an_including_part_is_not_the_toll() {
    let (n, rules) = toll(
        "fr",
        "Quinze personnes, dont quatorze femmes, ont été tuées lundi dans l'explosion d'une voiture piégée à Manbij, selon une ONG.",
    );
    assert_eq!(n, Some(15));
    assert_eq!(rules, ["fr.fatalities.victims"]);
    let (n, _) = toll(
        "en",
        "Twelve people, including three children, were killed on Sunday when a drone struck a market in El Fasher, local volunteers said.",
    );
    assert_eq!(n, Some(12));
}

#[test]
fn the_wounded_are_never_counted_as_killed() {
    let (n, _) = toll(
        "en",
        "A drone strike on a market in El Fasher on Monday killed three people and wounded 13, the health ministry said.",
    );
    assert_eq!(n, Some(3));
    // The follow-up sentence is read in token order (it tells no event).
    let (n, rules) = toll(
        "fr",
        "Une frappe de drone a visé mardi un entrepôt à Kidal. Une personne a été tuée et 20 autres blessées, selon un élu local.",
    );
    assert_eq!(n, Some(1));
    assert_eq!(rules, ["fr.fatalities.in_sentence"]);
}

#[test]
fn conjoined_victims_are_summed() {
    let (n, _) = toll(
        "en",
        "An officer and four soldiers were killed on Sunday when a roadside bomb hit their convoy near Kidal, the army said.",
    );
    assert_eq!(n, Some(5));
    let (n, _) = toll(
        "fr",
        "Un officier et quatre soldats ont été tués dimanche dans l'explosion d'un engin explosif au passage de leur convoi près de Kidal.",
    );
    assert_eq!(n, Some(5));
}

#[test]
fn vague_numbers_count_as_acled_counts_them() {
    let (n, _) = toll(
        "fr",
        "Une vingtaine de civils ont été tués dimanche dans une frappe de drone sur le marché d'El Fasher, a rapporté un réseau de médecins.",
    );
    assert_eq!(n, Some(20));
    let (n, _) = toll(
        "en",
        "Dozens of people were killed on Monday when shells hit a crowded market in Kharkiv, regional officials said.",
    );
    assert_eq!(n, Some(12));
}

#[test]
fn a_count_of_strikes_is_not_a_toll() {
    let (n, _) = toll(
        "en",
        "Civilians were killed in two air strikes on Khan Younis on Monday, the civil defence said.",
    );
    assert_eq!(n, None);
}

#[test]
fn another_events_killings_are_not_this_events_toll() {
    let evs = events(
        "en",
        "A missile strike hit Kramatorsk on Monday, two days after an artillery attack on Sloviansk that killed 12 people.",
    );
    let kramatorsk = evs
        .iter()
        .find(|e| e.location.as_ref().is_some_and(|l| l.name == "Kramatorsk"))
        .unwrap_or_else(|| panic!("no Kramatorsk event in {evs:#?}"));
    assert_eq!(kramatorsk.fatalities, None);
}

#[test]
fn a_later_mention_tells_that_no_one_was_hurt() {
    let (n, rules) = toll(
        "en",
        "A drone hit a fuel depot in Port Sudan on Sunday, the army said. The strike caused “light damage but no injuries.”",
    );
    assert_eq!(n, Some(0));
    assert!(rules.contains(&"en.arguments.anaphoric_mention".to_string()));
    let (n, _) = toll(
        "fr",
        "Un drone a touché dimanche un dépôt de carburant à Port-Soudan. Cette frappe, selon l'armée, n'a fait « aucune victime ».",
    );
    assert_eq!(n, Some(0));
}

#[test]
fn a_mention_under_a_preposition_lends_nothing() {
    // "After the strike" dates what follows; it tells nothing of the strike.
    let (n, _) = toll(
        "en",
        "A drone hit a fuel depot in Port Sudan on Sunday. After the strike, three people died in a stampede at the port gate.",
    );
    assert_eq!(n, None);
}

#[test]
fn a_second_strike_is_another_incident() {
    let evs = events(
        "fr",
        "Une frappe de drone a touché dimanche un poste de l'armée à Kidal, selon une source locale. \
         Une deuxième frappe a visé l'aéroport de Kidal une heure plus tard.",
    );
    assert_eq!(evs.len(), 2, "{evs:#?}");
    assert!(
        evs[1]
            .rules
            .contains(&"fr.records.another_incident".to_string())
    );
}
