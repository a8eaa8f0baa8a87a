//! Event clusters across documents.
//!
//! Two reports are the same event when
//! - their type family agrees: the same ACLED event type, or one of them does
//!   not say how the attack was made (its type is its trigger's fallback,
//!   rule `type.fallback`, or the legacy sub-event type "Other") and neither
//!   is a non-violent type (strategic developments, protests, riots);
//! - their date intervals overlap;
//! - their places agree within a radius that depends on the coarser
//!   precision: 10 km for a town or site (1), 40 km for "near" or a district
//!   (2); a region or country (3) must contain the other place by name (the
//!   same canonical name, or the other's admin1 is it, or both share the same
//!   admin1), because a radius wide enough for a region would merge the
//!   neighbouring region's events too; places without coordinates agree by
//!   canonical name; two reports without a place agree, one without does not;
//! - their perpetrators (actor1) are equal, or one of them does not name it.
//!
//! A cluster is represented by one [`Event`] whose fields are folded from its
//! reports in arrival order by [`absorb`]: the most precise date and place
//! any report gives, the most specific type and weapon, the lowest fatality
//! figure with the range kept (the field-merge rule of [`vigie_core::merge`],
//! which extraction also applies to the mentions of one article), and
//! `claimed` only while every report is the claimant's own statement.

use vigie_core::{Date, Event, Location, merge};

/// Event types that are not violence: an unspecified attack never matches them.
const NON_VIOLENT_TYPES: [&str; 3] = ["Strategic developments", "Protests", "Riots"];
/// ACLED names an unknown perpetrator "Unidentified Armed Group (Country)":
/// such a name says nobody is named.
const UNNAMED_ACTOR_PREFIX: &str = "Unidentified";
/// The sub-event type records stored before the whole ACLED taxonomy gave
/// an attack whose means the text does not give.
const UNSPECIFIED_SUB_TYPE: &str = "Other";
/// The rule (after its language prefix) of a type that is the trigger's
/// fallback: the text did not say how the attack was made.
const FALLBACK_TYPE_RULE: &str = ".type.fallback";

/// The report's type is a guess: extraction's fallback for an attack whose
/// means the text does not give.
fn type_guessed(ev: &Event) -> bool {
    ev.rules.iter().any(|r| r.ends_with(FALLBACK_TYPE_RULE))
}

/// Radius in km for the coarser of two places of precision 1 and 2.
fn radius_km(precision: u8) -> f64 {
    match precision {
        0 | 1 => 10.0,
        _ => 40.0,
    }
}

/// Where a report places the event, as clustering compares it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct PlaceKey {
    pub name: String,
    pub country: Option<String>,
    pub admin1: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// 1 a town or site, 2 near it or a district, 3 a region or country.
    pub precision: u8,
}

impl PlaceKey {
    pub fn of(loc: &Location) -> PlaceKey {
        PlaceKey {
            name: loc.name.clone(),
            country: loc.country.clone(),
            admin1: loc.admin1.clone(),
            lat: loc.lat.filter(|v| v.is_finite()),
            lon: loc.lon.filter(|v| v.is_finite()),
            precision: loc.geo_precision,
        }
    }

    fn coords(&self) -> Option<(f64, f64)> {
        Some((self.lat?, self.lon?))
    }
}

/// What decides whether a report is a cluster's event.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct MatchKey {
    pub start: Date,
    pub end: Date,
    pub event_type: String,
    pub sub_event_type: String,
    pub actor1: Option<String>,
    pub place: Option<PlaceKey>,
    /// The type is extraction's fallback (see [`type_guessed`]).
    #[serde(default)]
    pub type_guessed: bool,
}

impl MatchKey {
    /// `None` when the event has no date: undated reports are never merged.
    pub fn of(ev: &Event) -> Option<MatchKey> {
        let (start, end) = interval(ev)?;
        Some(MatchKey {
            start,
            end,
            event_type: ev.event_type.clone(),
            sub_event_type: ev.sub_event_type.clone(),
            actor1: ev.actor1.clone(),
            place: ev.location.as_ref().map(PlaceKey::of),
            type_guessed: type_guessed(ev),
        })
    }
}

/// The date interval of an event: `date_start..=date_end`, else the event date.
pub fn interval(ev: &Event) -> Option<(Date, Date)> {
    let start = ev.date_start.or(ev.event_date).or(ev.date_end)?;
    let end = ev.date_end.or(ev.event_date).unwrap_or(start);
    Some(if end < start {
        (end, start)
    } else {
        (start, end)
    })
}

fn unspecified(event_type: &str, sub: &str, guessed: bool) -> bool {
    guessed
        || event_type.is_empty()
        || sub.is_empty()
        || (sub == UNSPECIFIED_SUB_TYPE && !NON_VIOLENT_TYPES.contains(&event_type))
}

fn same_family(a: &MatchKey, b: &MatchKey) -> bool {
    if a.event_type == b.event_type && !a.event_type.is_empty() {
        return true;
    }
    let violent = |t: &str| !NON_VIOLENT_TYPES.contains(&t);
    (unspecified(&a.event_type, &a.sub_event_type, a.type_guessed)
        || unspecified(&b.event_type, &b.sub_event_type, b.type_guessed))
        && violent(&a.event_type)
        && violent(&b.event_type)
}

/// The actor's name, unless it is empty or says the actor is unidentified.
fn named(actor: &Option<String>) -> Option<&str> {
    actor
        .as_deref()
        .map(str::trim)
        .filter(|a| !a.is_empty() && !a.starts_with(UNNAMED_ACTOR_PREFIX))
}

fn same_actor(a: &Option<String>, b: &Option<String>) -> bool {
    match (named(a), named(b)) {
        (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
        _ => true,
    }
}

fn eq_name(a: &str, b: &str) -> bool {
    !a.trim().is_empty() && a.trim().to_lowercase() == b.trim().to_lowercase()
}

fn eq_opt(a: &Option<String>, b: &Option<String>) -> bool {
    matches!((a, b), (Some(a), Some(b)) if eq_name(a, b))
}

/// Distance in km between two places as clustering sees it, or `None` when
/// they cannot be the same event's place.
fn place_distance(a: &Option<PlaceKey>, b: &Option<PlaceKey>) -> Option<f64> {
    let (a, b) = match (a, b) {
        (None, None) => return Some(0.0),
        (Some(a), Some(b)) => (a, b),
        _ => return None,
    };
    if let (Some(ca), Some(cb)) = (&a.country, &b.country)
        && !ca.eq_ignore_ascii_case(cb)
    {
        return None;
    }
    let km = match (a.coords(), b.coords()) {
        (Some(pa), Some(pb)) => Some(haversine_km(pa, pb)),
        _ => None,
    };
    let (fine, coarse) = if a.precision <= b.precision {
        (a, b)
    } else {
        (b, a)
    };
    if coarse.precision >= 3 {
        // Two regions: either may contain the other (the relation must not
        // depend on which report is looked at first).
        let inside =
            within(fine, coarse) || (fine.precision == coarse.precision && within(coarse, fine));
        return inside.then(|| km.unwrap_or(0.0));
    }
    match km {
        Some(d) => (d <= radius_km(coarse.precision)).then_some(d),
        None => eq_name(&a.name, &b.name).then_some(0.0),
    }
}

/// Whether place `fine` lies in region `coarse` by name: the same name,
/// `fine`'s admin1 is the region, or both share an admin1.
fn within(fine: &PlaceKey, coarse: &PlaceKey) -> bool {
    eq_name(&fine.name, &coarse.name)
        || fine
            .admin1
            .as_deref()
            .is_some_and(|a1| eq_name(a1, &coarse.name))
        || eq_opt(&fine.admin1, &coarse.admin1)
}

/// Great-circle distance in km between (lat, lon) pairs in degrees.
pub fn haversine_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1, la2, lo2) = (
        a.0.to_radians(),
        a.1.to_radians(),
        b.0.to_radians(),
        b.1.to_radians(),
    );
    let h = ((la2 - la1) / 2.0).sin().powi(2)
        + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().min(1.0).asin()
}

/// `Some(distance)` when `report` can be `cluster`'s event (lower is a better
/// match: the distance between the places in km), `None` when it cannot.
pub fn match_distance(cluster: &MatchKey, report: &MatchKey) -> Option<f64> {
    if cluster.start > report.end || report.start > cluster.end {
        return None;
    }
    if !same_family(cluster, report) || !same_actor(&cluster.actor1, &report.actor1) {
        return None;
    }
    place_distance(&cluster.place, &report.place)
}

/// The clustered event that one report starts: the report itself under the
/// cluster's id, one source.
pub fn start_cluster(id: impl Into<String>, report: &Event) -> Event {
    let mut ev = report.clone();
    ev.id = id.into();
    ev.sources = Vec::new();
    ev.source_count = Some(1);
    ev.fatalities_range = report.fatalities.map(|f| (f, f));
    ev.rules.sort();
    ev.rules.dedup();
    ev
}

/// Ordering key of date precision: lower is more precise (the rule of
/// vigie_core::merge, as within one article).
fn date_rank(ev: &Event) -> (u8, u8, i32) {
    merge::date_rank(interval(ev).map(|(s, e)| {
        (
            ev.date_inferred,
            ev.time_precision.unwrap_or(u8::MAX),
            (e - s).get_days(),
        )
    }))
}

/// Ordering key of place precision: lower is more precise.
fn place_rank(loc: &Option<Location>) -> (u8, u8) {
    merge::place_rank(
        loc.as_ref()
            .map(|l| (l.lat.is_some() && l.lon.is_some(), l.geo_precision)),
    )
}

/// Folds one more report into a clustered event. `new_source` says whether
/// the report comes from a document the cluster did not have yet.
pub fn absorb(cluster: &mut Event, report: &Event, new_source: bool) {
    if new_source {
        cluster.source_count = Some(cluster.source_count.unwrap_or(1) + 1);
    }
    if date_rank(report) < date_rank(cluster) {
        cluster.event_date = report.event_date;
        cluster.date_start = report.date_start;
        cluster.date_end = report.date_end;
        cluster.time_precision = report.time_precision;
        cluster.date_inferred = report.date_inferred;
    }
    if place_rank(&report.location) < place_rank(&cluster.location) {
        cluster.location = report.location.clone();
    }
    if merge::sharper_type(
        unspecified(
            &cluster.event_type,
            &cluster.sub_event_type,
            type_guessed(cluster),
        ),
        unspecified(
            &report.event_type,
            &report.sub_event_type,
            type_guessed(report),
        ),
    ) {
        cluster.event_type = report.event_type.clone();
        cluster.sub_event_type = report.sub_event_type.clone();
        cluster.disorder_type = report.disorder_type.clone();
        cluster.civilian_targeting = report.civilian_targeting;
        cluster.plover = report.plover.clone();
        cluster.cameo = report.cameo.clone();
    }
    if merge::sharper_weapon(cluster.weapon.as_deref(), report.weapon.as_deref()) {
        cluster.weapon.clone_from(&report.weapon);
    }
    if named(&cluster.actor1).is_none() && named(&report.actor1).is_some() {
        cluster.actor1.clone_from(&report.actor1);
    }
    fill(&mut cluster.actor1, &report.actor1);
    fill(&mut cluster.actor2, &report.actor2);
    fill(&mut cluster.target, &report.target);
    fill(&mut cluster.claimant, &report.claimant);
    fill(&mut cluster.reported_by, &report.reported_by);
    cluster.fatalities = merge::fatalities(cluster.fatalities, report.fatalities);
    if let Some(f) = report.fatalities {
        cluster.fatalities_range = Some(match cluster.fatalities_range {
            Some((lo, hi)) => (lo.min(f), hi.max(f)),
            None => (f, f),
        });
    }
    // A claim that another kind of source reports is confirmed.
    cluster.claimed = cluster.claimed && report.claimed;
    for r in &report.rules {
        if let Err(at) = cluster.rules.binary_search(r) {
            cluster.rules.insert(at, r.clone());
        }
    }
}

fn fill(slot: &mut Option<String>, from: &Option<String>) {
    if slot.is_none() {
        slot.clone_from(from);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use vigie_core::Evidence;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn loc(
        name: &str,
        country: &str,
        admin1: Option<&str>,
        ll: Option<(f64, f64)>,
        p: u8,
    ) -> Location {
        Location {
            name: name.into(),
            mention: name.into(),
            country: Some(country.into()),
            admin1: admin1.map(Into::into),
            lat: ll.map(|x| x.0),
            lon: ll.map(|x| x.1),
            geo_precision: p,
            ..Default::default()
        }
    }

    fn ev(doc: &str, date: &str, sub: &str, actor: Option<&str>, l: Option<Location>) -> Event {
        let event_type = match sub {
            "Armed clash" => "Battles",
            "Disrupted weapons use" => "Strategic developments",
            "Other" => "Explosions/Remote violence",
            _ => "Explosions/Remote violence",
        };
        Event {
            id: format!("ev-{doc}"),
            doc: doc.into(),
            event_date: Some(d(date)),
            date_start: Some(d(date)),
            date_end: Some(d(date)),
            time_precision: Some(1),
            event_type: event_type.into(),
            sub_event_type: sub.into(),
            actor1: actor.map(Into::into),
            location: l,
            claimed: true,
            evidence: Evidence {
                text: format!("evidence of {doc}"),
                start: 0,
                end: 10,
            },
            ..Default::default()
        }
    }

    fn same(a: &Event, b: &Event) -> bool {
        match_distance(&MatchKey::of(a).unwrap(), &MatchKey::of(b).unwrap()).is_some()
    }

    #[test]
    fn match_rules() {
        let base = loc("Al-Tanf", "SY", Some("Homs"), Some((33.5, 38.62)), 1);
        let near = loc(
            "Al-Tanf garrison",
            "SY",
            Some("Homs"),
            Some((33.52, 38.65)),
            1,
        );
        let far = loc("Palmyra", "SY", Some("Homs"), Some((34.55, 38.27)), 1);
        let region = loc("Homs", "SY", None, Some((34.4, 37.5)), 3);
        let other_region = loc("Deir ez-Zor", "SY", None, Some((35.3, 40.1)), 3);
        let a = ev(
            "a",
            "2024-02-03",
            "Air/drone strike",
            Some("Group A"),
            Some(base.clone()),
        );
        let mut week = ev("b", "2024-02-01", "Other", None, Some(near.clone()));
        week.date_start = Some(d("2024-01-29"));
        week.date_end = Some(d("2024-02-04"));
        week.time_precision = Some(2);
        let cases: Vec<(&str, Event, bool)> = vec![
            (
                "same day, same site, same actor",
                ev(
                    "b",
                    "2024-02-03",
                    "Air/drone strike",
                    Some("group a"),
                    Some(near.clone()),
                ),
                true,
            ),
            (
                "week interval overlapping, unspecified type, unnamed actor",
                week,
                true,
            ),
            (
                "missile vs drone: same family",
                ev(
                    "b",
                    "2024-02-03",
                    "Shelling/artillery/missile attack",
                    None,
                    Some(base.clone()),
                ),
                true,
            ),
            (
                "another day",
                ev(
                    "b",
                    "2024-02-04",
                    "Air/drone strike",
                    Some("Group A"),
                    Some(base.clone()),
                ),
                false,
            ),
            (
                "another perpetrator",
                ev(
                    "b",
                    "2024-02-03",
                    "Air/drone strike",
                    Some("Group B"),
                    Some(base.clone()),
                ),
                false,
            ),
            (
                "another town 100 km away",
                ev(
                    "b",
                    "2024-02-03",
                    "Air/drone strike",
                    Some("Group A"),
                    Some(far),
                ),
                false,
            ),
            (
                "the province that contains it",
                ev("b", "2024-02-03", "Other", None, Some(region)),
                true,
            ),
            (
                "a neighbouring province",
                ev("b", "2024-02-03", "Other", None, Some(other_region)),
                false,
            ),
            (
                "an interception is not the attack",
                ev(
                    "b",
                    "2024-02-03",
                    "Disrupted weapons use",
                    None,
                    Some(base.clone()),
                ),
                false,
            ),
            (
                "a clash is another family",
                ev(
                    "b",
                    "2024-02-03",
                    "Armed clash",
                    Some("Group A"),
                    Some(base.clone()),
                ),
                false,
            ),
            (
                "no place on one side",
                ev("b", "2024-02-03", "Air/drone strike", Some("Group A"), None),
                false,
            ),
        ];
        let mut failures = Vec::new();
        for (what, b, want) in &cases {
            if same(&a, b) != *want || same(b, &a) != *want {
                failures.push(format!("{what}: expected {want}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
        let mut undated = ev("c", "2024-02-03", "Air/drone strike", None, None);
        undated.event_date = None;
        undated.date_start = None;
        undated.date_end = None;
        assert!(MatchKey::of(&undated).is_none());
    }

    #[test]
    fn absorb_keeps_the_most_precise_and_the_lowest_toll() {
        let region = loc("Homs", "SY", None, None, 3);
        let site = loc("Al-Tanf", "SY", Some("Homs"), Some((33.5, 38.62)), 1);
        let mut first = ev(
            "claim",
            "2024-02-03",
            "Other",
            Some("Group A"),
            Some(region),
        );
        first.date_start = Some(d("2024-02-01"));
        first.time_precision = Some(2);
        first.fatalities = Some(7);
        first.rules = vec!["r.b".into(), "r.a".into()];
        let mut c = start_cluster("cl-1", &first);
        assert_eq!(c.fatalities_range, Some((7, 7)));
        assert_eq!(c.rules, vec!["r.a", "r.b"]);
        assert!(c.claimed);

        let mut wire = ev(
            "wire",
            "2024-02-03",
            "Air/drone strike",
            None,
            Some(site.clone()),
        );
        wire.claimed = false;
        wire.fatalities = Some(4);
        wire.weapon = Some("drone".into());
        wire.rules = vec!["r.c".into()];
        absorb(&mut c, &wire, true);
        assert_eq!(c.source_count, Some(2));
        assert_eq!(c.location, Some(site));
        assert_eq!(c.sub_event_type, "Air/drone strike");
        assert_eq!(c.date_start, Some(d("2024-02-03")));
        assert_eq!(c.time_precision, Some(1));
        assert_eq!(c.fatalities, Some(4));
        assert_eq!(c.fatalities_range, Some((4, 7)));
        assert_eq!(c.actor1.as_deref(), Some("Group A"));
        assert_eq!(c.weapon.as_deref(), Some("drone"));
        assert!(
            !c.claimed,
            "a claim confirmed by a wire report is no longer a claim"
        );
        assert_eq!(c.rules, vec!["r.a", "r.b", "r.c"]);

        // A second report from a document already counted adds no source.
        let again = ev("wire", "2024-02-03", "Air/drone strike", None, None);
        absorb(&mut c, &again, false);
        assert_eq!(c.source_count, Some(2));
        assert_eq!(c.fatalities, Some(4));
    }

    #[test]
    fn a_sub_kind_of_weapon_and_a_told_date_win_in_a_cluster() {
        let site = loc("Al-Tanf", "SY", Some("Homs"), Some((33.5, 38.62)), 1);
        let mut first = ev(
            "a",
            "2024-02-03",
            "Shelling/artillery/missile attack",
            None,
            Some(site.clone()),
        );
        first.weapon = Some("missile".into());
        first.date_inferred = true;
        let mut c = start_cluster("cl-1", &first);
        let mut second = ev(
            "b",
            "2024-02-02",
            "Shelling/artillery/missile attack",
            None,
            Some(site),
        );
        second.weapon = Some("ballistic_missile".into());
        absorb(&mut c, &second, true);
        assert_eq!(c.weapon.as_deref(), Some("ballistic_missile"));
        assert_eq!(c.event_date, Some(d("2024-02-02")));
        assert!(!c.date_inferred);
        // The kind never replaces its sub-kind.
        let mut third = ev(
            "c",
            "2024-02-02",
            "Shelling/artillery/missile attack",
            None,
            None,
        );
        third.weapon = Some("missile".into());
        absorb(&mut c, &third, true);
        assert_eq!(c.weapon.as_deref(), Some("ballistic_missile"));
    }

    #[test]
    fn claims_stay_claims_when_only_claims_report_them() {
        let site = loc("Al-Tanf", "SY", None, Some((33.5, 38.62)), 1);
        let a = ev(
            "a",
            "2024-02-03",
            "Air/drone strike",
            Some("Group A"),
            Some(site.clone()),
        );
        let b = ev(
            "b",
            "2024-02-03",
            "Air/drone strike",
            Some("Group A"),
            Some(site),
        );
        let mut c = start_cluster("cl", &a);
        absorb(&mut c, &b, true);
        assert!(c.claimed);
        assert_eq!(c.source_count, Some(2));
    }

    #[test]
    fn an_attack_typed_by_fallback_joins_the_strike_another_outlet_types() {
        // With the whole taxonomy, "the group attacked the base" is an armed
        // clash by fallback; it once stopped matching the drone strike a
        // second outlet reported, as "Other" had matched anything.
        let base = loc("Al-Tanf", "SY", Some("Homs"), Some((33.5, 38.62)), 1);
        let mut guessed = ev("a", "2024-02-01", "Armed clash", None, Some(base.clone()));
        guessed.rules = vec!["en.trigger.attack".into(), "en.type.fallback".into()];
        let strike = ev(
            "b",
            "2024-02-01",
            "Air/drone strike",
            None,
            Some(base.clone()),
        );
        assert!(same(&guessed, &strike));
        let told = ev("c", "2024-02-01", "Armed clash", None, Some(base));
        assert!(!same(&told, &strike), "a clash the text tells is no strike");
        let mut cluster = start_cluster("cl-a", &guessed);
        absorb(&mut cluster, &strike, true);
        assert_eq!(cluster.sub_event_type, "Air/drone strike");
    }
}

#[cfg(test)]
mod symmetry_tests {
    use super::*;

    /// Issue 17: with two regions the containment test looked only one way
    /// (the first argument was taken as the finer place), so whether two
    /// reports matched depended on which one was looked at first.
    #[test]
    fn two_regions_match_whichever_contains_the_other_in_either_order() {
        let region = |name: &str, admin1: Option<&str>| Event {
            event_date: Some("2024-02-03".parse().unwrap()),
            event_type: "Explosions/Remote violence".into(),
            sub_event_type: "Other".into(),
            location: Some(Location {
                name: name.into(),
                country: Some("SY".into()),
                admin1: admin1.map(Into::into),
                geo_precision: 3,
                ..Default::default()
            }),
            ..Default::default()
        };
        let key = |e: &Event| MatchKey::of(e).unwrap();
        let province = key(&region("Homs", None));
        let district = key(&region("Talbiseh District", Some("Homs")));
        let elsewhere = key(&region("Deir ez-Zor", None));
        assert!(match_distance(&province, &district).is_some());
        assert!(match_distance(&district, &province).is_some());
        assert!(match_distance(&province, &elsewhere).is_none());
        assert!(match_distance(&elsewhere, &province).is_none());
    }
}

#[cfg(test)]
mod unnamed_tests {
    use super::*;

    #[test]
    fn an_unidentified_perpetrator_is_no_perpetrator() {
        let date: Date = "2024-02-03".parse().unwrap();
        let l = Location {
            name: "Al-Tanf".into(),
            country: Some("SY".into()),
            lat: Some(33.5),
            lon: Some(38.62),
            geo_precision: 1,
            ..Default::default()
        };
        let mk = |actor: &str| Event {
            event_date: Some(date),
            event_type: "Explosions/Remote violence".into(),
            sub_event_type: "Air/drone strike".into(),
            actor1: Some(actor.into()),
            location: Some(l.clone()),
            ..Default::default()
        };
        let unknown = mk("Unidentified Armed Group (Syria)");
        let named = mk("Group A");
        let other = mk("Group B");
        let key = |e: &Event| MatchKey::of(e).unwrap();
        assert!(match_distance(&key(&unknown), &key(&named)).is_some());
        assert!(match_distance(&key(&named), &key(&unknown)).is_some());
        assert!(match_distance(&key(&named), &key(&other)).is_none());
        let mut c = start_cluster("cl", &unknown);
        absorb(&mut c, &named, true);
        assert_eq!(
            c.actor1.as_deref(),
            Some("Group A"),
            "a named perpetrator replaces an unidentified one"
        );
        absorb(&mut c, &unknown, true);
        assert_eq!(c.actor1.as_deref(), Some("Group A"));
    }
}
