//! ACLED's sub-event types read in articles and snippets written for vigie:
//! who takes a town, what police do to a protest, what a snippet without a
//! full stop reports, what is no event. Tests are named after what broke.

mod common;

/// (sub-event type, actor1, actor2) of every event, in text order.
fn coded(lang: &str, text: &str) -> Vec<(String, Option<String>, Option<String>)> {
    common::extract(lang, text)
        .events
        .into_iter()
        .map(|e| (e.sub_event_type, e.actor1, e.actor2))
        .collect()
}

fn types(lang: &str, text: &str) -> Vec<String> {
    coded(lang, text).into_iter().map(|c| c.0).collect()
}

#[test]
fn no_record_is_political_violence_other() {
    // A generic attack once came out as the catch-all "Other".
    let evs = common::extract(
        "en",
        "Fighters of the group attacked an army post near Mopti on Friday. \
         The group said it struck a military site in Eilat on Saturday.",
    )
    .events;
    assert_eq!(evs.len(), 2);
    for e in &evs {
        assert_ne!(e.sub_event_type, "Other", "{e:?}");
        assert_eq!(e.disorder_type, "Political violence");
    }
}

#[test]
fn who_takes_a_town_decides_the_territory_type() {
    assert_eq!(
        types(
            "en",
            "Al-Shabaab fighters seized control of Baidoa on Tuesday."
        ),
        ["Non-state actor overtakes territory"]
    );
    assert_eq!(
        types(
            "fr",
            "L'armée soudanaise a repris le contrôle de Nyala samedi."
        ),
        ["Government regains territory"]
    );
}

#[test]
fn tear_gas_in_the_next_sentence_makes_a_protest_one_with_intervention() {
    let got = coded(
        "en",
        "Hundreds of protesters marched in Bamako on Friday against the junta. \
         Police fired tear gas to disperse them near the central market.",
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, "Protest with intervention");
    assert_eq!(got[0].1.as_deref(), Some("Protesters"));
    assert_eq!(got[0].2.as_deref(), Some("Military Forces of Mali (2021-)"));
}

#[test]
fn a_calm_protest_stays_peaceful_when_it_dispersed_by_itself() {
    // "… and dispersed in the afternoon" once read as police dispersing it.
    assert_eq!(
        types(
            "en",
            "Several thousand people marched peacefully in Niamey on Sunday and dispersed in the afternoon.",
        ),
        ["Peaceful protest"]
    );
}

#[test]
fn fire_on_protesters_is_excessive_force_by_the_state() {
    let got = coded(
        "en",
        "Soldiers opened fire on protesters in Khartoum on Thursday, killing four.",
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, "Excessive force against protesters");
    assert_eq!(got[0].2.as_deref(), Some("Protesters"));
}

#[test]
fn villagers_are_victims_never_perpetrators() {
    let got = coded("en", "Gunmen attacked villagers in Mopti on Friday.");
    assert_eq!(
        got,
        [(
            "Attack".to_string(),
            Some("Unidentified Armed Group".to_string()),
            Some("Civilians".to_string())
        )]
    );
}

#[test]
fn floods_that_hit_a_town_are_no_attack() {
    assert!(
        types(
            "en",
            "Heavy floods hit Maiduguri on Sunday, killing thirty people."
        )
        .is_empty()
    );
    assert!(
        types(
            "fr",
            "Les inondations qui ont frappé Niamey lundi ont fait dix morts."
        )
        .is_empty()
    );
}

#[test]
fn a_one_line_report_without_full_stop_is_no_headline() {
    // The tagger reads "arrested" as a participle when no full stop
    // follows; the line was then taken for a title and dropped.
    assert_eq!(
        types(
            "en",
            "Police arrested 15 opposition supporters in Harare on Tuesday"
        ),
        ["Arrests"]
    );
}

#[test]
fn a_dated_snippet_whose_place_is_unknown_still_reports_its_event() {
    let evs = common::extract(
        "en",
        "On 4 March 2025, JNIM militants attacked a military post in Kwaranbe, killing 12 soldiers",
    )
    .events;
    assert_eq!(evs.len(), 1, "{evs:?}");
    assert!(evs[0].location.is_none());
    assert!(
        evs[0]
            .rules
            .iter()
            .any(|r| r.ends_with("records.only_report"))
    );
}

#[test]
fn a_remark_with_no_place_and_no_date_is_no_event() {
    assert!(types("fr", "La police a désamorcé un engin explosif.").is_empty());
}

#[test]
fn a_name_two_actors_share_is_the_actor_of_the_articles_date() {
    // "the Myanmar army" is ACLED's "(2016-2021)" actor before the coup and
    // "(2021-)" after it; the first listed once won whatever the date.
    let text =
        "The Myanmar army shelled a village near Sittwe on Tuesday, killing three civilians.";
    let actor_on = |day: &str| {
        let meta = vigie_core::DocMeta {
            id: "dated".into(),
            origin: "dated".into(),
            published: day.parse().ok(),
            published_source: vigie_core::PublishedSource::Metadata,
            lang: Some(vigie_core::Lang::new("en")),
            ..vigie_core::DocMeta::default()
        };
        let e = common::engine();
        let evs = e.extract(&e.prepare(meta, text.to_string())).events;
        evs.first().and_then(|ev| ev.actor1.clone())
    };
    assert_eq!(
        actor_on("2019-05-02").as_deref(),
        Some("Military Forces of Myanmar (2016-2021)")
    );
    assert_eq!(
        actor_on("2024-05-02").as_deref(),
        Some("Military Forces of Myanmar (2021-)")
    );
}
