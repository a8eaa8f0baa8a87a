//! Dates in a story about another time, in articles written for vigie
//! (issue "Time expressions", narrative anchors). Tests are named after
//! what broke.

mod common;

/// (event date, place) of every event, in text order.
fn dated(lang: &str, text: &str) -> Vec<(String, String)> {
    common::extract(lang, text)
        .events
        .into_iter()
        .map(|e| {
            let day = e.event_date.map_or(String::new(), |d| d.to_string());
            let place = e.location.map_or(String::new(), |l| l.name);
            (day, place)
        })
        .collect()
}

fn row(day: &str, place: &str) -> (String, String) {
    (day.into(), place.into())
}

#[test]
fn a_bare_weekday_in_a_story_about_another_year_is_in_that_year() {
    // The article is of 2025-03-10; "On Thursday" once resolved to the
    // Thursday before publication, six years after the story it tells.
    assert_eq!(
        dated(
            "en",
            "A look back at a bloody year. On March 12, 2019, jihadists attacked an army camp \
             in Mopti. On Thursday, an ambush hit a convoy near Segou.",
        ),
        [row("2019-03-12", "Mopti"), row("2019-03-14", "Ségou")]
    );
}

#[test]
fn a_day_of_the_month_in_a_story_about_another_year_is_in_that_month() {
    assert_eq!(
        dated(
            "fr",
            "Retour sur une année sanglante. Le 12 mars 2019, des jihadistes ont attaqué un camp \
             de l'armée à Mopti. Le jeudi 14, une embuscade a visé un convoi près de Ségou.",
        ),
        [row("2019-03-12", "Mopti"), row("2019-03-14", "Ségou")]
    );
}

#[test]
fn a_bare_weekday_in_this_weeks_news_stays_in_this_week() {
    // The narrated event is days before the article: "mardi" is the
    // article's Tuesday, as always.
    assert_eq!(
        dated(
            "fr",
            "Le 7 mars, des jihadistes ont attaqué un camp de l'armée à Mopti. \
             Mardi, une embuscade a visé un convoi près de Ségou.",
        ),
        [row("2025-03-07", "Mopti"), row("2025-03-04", "Ségou")]
    );
}
