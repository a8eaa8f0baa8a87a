//! Who did it, read on the tree, in articles written for vigie; tests are
//! named after what broke.

mod common;

#[test]
fn a_par_phrase_in_an_active_clause_is_not_the_perpetrator() {
    // "désertées par la plupart de leurs habitants" once made the group in
    // focus (through "leurs") the perpetrator of the Israeli shelling.
    let evs = common::extract(
        "fr",
        "Le Hezbollah a revendiqué lundi une attaque de drones contre une caserne à Metula. \
         L'artillerie israélienne a par ailleurs pilonné mardi les abords de Kfar Kila, \
         deux localités désertées par la plupart de leurs habitants, selon l'ANI.",
    )
    .events;
    let who: Vec<(String, Option<String>)> = evs
        .iter()
        .map(|e| {
            let place = e
                .location
                .as_ref()
                .map_or(String::new(), |l| l.name.clone());
            (place, e.actor1.clone())
        })
        .collect();
    assert_eq!(
        who,
        [
            ("Metula".to_string(), Some("Hezbollah".to_string())),
            (
                "Kfar Kila".to_string(),
                Some("Military Forces of Israel".to_string())
            ),
        ]
    );
}
