//! Clusters that do not depend on arrival order.
//!
//! The reports that can be one event form a graph: two reports are
//! neighbours when [`match_distance`](crate::match_distance) accepts them
//! (a symmetric relation). Each connected component of that graph is cut
//! into clusters by [`complete_linkage`]: every two members of a cluster
//! are neighbours, so the date and place tolerances hold pairwise and never
//! along a chain (a week of daily strikes on one base stays a week of
//! events, even when a weekly summary matches each of them). The reports
//! are placed one by one in an order that depends only on the reports
//! themselves ([`placing_rank`], then a stable key the caller supplies),
//! so a component's clusters are a function of its set of reports, and
//! running the grouping on any union of whole components gives each of
//! them the clusters it gets alone.
//!
//! A cluster's fields are folded from its members by [`fold`] in the order
//! of their stable keys, through the field-merge rule of
//! [`vigie_core::merge`]: ties between equally specific values go to the
//! member with the smaller key.

use std::collections::HashMap;

use vigie_core::Event;

use crate::cluster::{absorb, interval, start_cluster};

/// A report's neighbours: (index, distance in km between the places).
pub type Neighbours = Vec<(usize, f64)>;

/// The order in which reports are placed (lower first): the narrowest date
/// interval, then the most specific place. Precise reports found the
/// clusters; vaguer ones (a weekly summary, a province) then join the
/// nearest cluster whose every member they match.
pub fn placing_rank(ev: &Event) -> (i32, (u8, u8)) {
    let span = interval(ev).map_or(i32::MAX, |(s, e)| (e - s).get_days());
    let place = vigie_core::merge::place_rank(
        ev.location
            .as_ref()
            .map(|l| (l.lat.is_some() && l.lon.is_some(), l.geo_precision)),
    );
    (span, place)
}

/// Groups reports so that every two members of a group are neighbours.
///
/// `order` lists the report indices in placing order; `neighbours[i]` are
/// report `i`'s neighbours (symmetric). Each report joins, among the groups
/// whose every member is its neighbour, the one whose farthest member is
/// nearest (the earliest founded on a tie), else founds a group. Groups come
/// in the order they were founded, their members in placing order.
///
/// Work: each report examines the groups of its neighbours only, so the
/// cost is the sum over reports of neighbours times group sizes.
pub fn complete_linkage(order: &[usize], neighbours: &[Neighbours]) -> Vec<Vec<usize>> {
    let mut group_of: Vec<Option<usize>> = vec![None; neighbours.len()];
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for &item in order {
        let Some(near) = neighbours.get(item) else {
            continue;
        };
        let distance: HashMap<usize, f64> = near.iter().copied().collect();
        let mut tried: Vec<usize> = Vec::new();
        let mut best: Option<(f64, usize)> = None;
        for &(n, _) in near {
            let Some(g) = group_of.get(n).copied().flatten() else {
                continue;
            };
            if tried.contains(&g) {
                continue;
            }
            tried.push(g);
            let farthest = groups[g]
                .iter()
                .try_fold(0.0f64, |far, m| distance.get(m).map(|d| far.max(*d)));
            let Some(far) = farthest else { continue };
            let better = match best {
                None => true,
                Some((bd, bg)) => far.total_cmp(&bd).then(g.cmp(&bg)).is_lt(),
            };
            if better {
                best = Some((far, g));
            }
        }
        let g = match best {
            Some((_, g)) => g,
            None => {
                groups.push(Vec::new());
                groups.len() - 1
            }
        };
        groups[g].push(item);
        group_of[item] = Some(g);
    }
    groups
}

/// The clustered event of a group: its reports `(document id, report)`
/// folded in the order given (the caller sorts them by their stable key),
/// under the id `id`. `None` for an empty group.
pub fn fold<'a>(
    id: &str,
    reports: impl IntoIterator<Item = (&'a str, &'a Event)>,
) -> Option<Event> {
    let mut docs: Vec<&str> = Vec::new();
    let mut cluster: Option<Event> = None;
    for (doc, report) in reports {
        let new_source = !docs.contains(&doc);
        if new_source {
            docs.push(doc);
        }
        match cluster.as_mut() {
            None => cluster = Some(start_cluster(id, report)),
            Some(c) => absorb(c, report, new_source),
        }
    }
    cluster
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{MatchKey, match_distance};
    use vigie_core::{Date, Location};

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    fn strike(doc: &str, from: &str, to: &str, precision: u8) -> Event {
        Event {
            id: format!("ev-{doc}"),
            doc: doc.into(),
            event_date: Some(d(from)),
            date_start: Some(d(from)),
            date_end: Some(d(to)),
            time_precision: Some(precision),
            event_type: "Explosions/Remote violence".into(),
            sub_event_type: "Air/drone strike".into(),
            location: Some(Location {
                name: "Al-Tanf".into(),
                country: Some("SY".into()),
                lat: Some(33.5),
                lon: Some(38.62),
                geo_precision: 1,
                ..Default::default()
            }),
            ..Default::default()
        }
    }

    /// The neighbour lists of `reports` and their placing order.
    fn graph(reports: &[Event]) -> (Vec<usize>, Vec<Neighbours>) {
        let keys: Vec<MatchKey> = reports.iter().map(|e| MatchKey::of(e).unwrap()).collect();
        let neighbours = (0..keys.len())
            .map(|i| {
                (0..keys.len())
                    .filter(|&j| j != i)
                    .filter_map(|j| match_distance(&keys[i], &keys[j]).map(|d| (j, d)))
                    .collect()
            })
            .collect();
        let mut order: Vec<usize> = (0..reports.len()).collect();
        order.sort_by(|&a, &b| {
            placing_rank(&reports[a])
                .cmp(&placing_rank(&reports[b]))
                .then_with(|| reports[a].doc.cmp(&reports[b].doc))
        });
        (order, neighbours)
    }

    fn groups_of_docs(reports: &[Event]) -> Vec<Vec<String>> {
        let (order, neighbours) = graph(reports);
        let mut groups: Vec<Vec<String>> = complete_linkage(&order, &neighbours)
            .into_iter()
            .map(|g| {
                let mut docs: Vec<String> = g.iter().map(|&i| reports[i].doc.clone()).collect();
                docs.sort();
                docs
            })
            .collect();
        groups.sort();
        groups
    }

    #[test]
    fn a_week_of_strikes_on_one_base_is_not_one_cluster() {
        let mut reports: Vec<Event> = (1..=7)
            .map(|day| {
                let date = format!("2024-02-0{day}");
                strike(&format!("day{day}"), &date, &date, 1)
            })
            .collect();
        reports.push(strike("weekly", "2024-02-01", "2024-02-07", 2));
        let groups = groups_of_docs(&reports);
        assert_eq!(groups.len(), 7, "{groups:?}");
        assert!(
            groups
                .iter()
                .any(|g| g.len() == 2 && g.contains(&"weekly".to_string())),
            "{groups:?}"
        );
    }

    #[test]
    fn clusters_do_not_depend_on_the_order_the_reports_come_in() {
        let reports = vec![
            strike("a", "2024-02-03", "2024-02-03", 1),
            strike("b", "2024-02-03", "2024-02-03", 1),
            strike("c", "2024-02-04", "2024-02-04", 1),
            strike("w", "2024-02-02", "2024-02-04", 2),
            strike("x", "2024-02-04", "2024-02-05", 2),
        ];
        let want = groups_of_docs(&reports);
        let mut reversed = reports.clone();
        reversed.reverse();
        assert_eq!(groups_of_docs(&reversed), want);
        let mut rotated = reports.clone();
        rotated.rotate_left(2);
        assert_eq!(groups_of_docs(&rotated), want);
        assert_eq!(
            want,
            vec![vec!["a", "b", "w"], vec!["c", "x"]],
            "the weekly summary joins the earliest founded of two equally near clusters"
        );
    }

    #[test]
    fn the_folded_event_takes_the_most_specific_values_whatever_the_order() {
        let mut vague = strike("a", "2024-02-01", "2024-02-07", 2);
        vague.sub_event_type = "Other".into();
        vague.fatalities = Some(9);
        let mut precise = strike("b", "2024-02-03", "2024-02-03", 1);
        precise.fatalities = Some(4);
        let one = fold("cl", [("a", &vague), ("b", &precise)]).unwrap();
        let two = fold("cl", [("b", &precise), ("a", &vague)]).unwrap();
        for c in [&one, &two] {
            assert_eq!(c.sub_event_type, "Air/drone strike");
            assert_eq!(c.date_start, Some(d("2024-02-03")));
            assert_eq!(c.fatalities, Some(4));
            assert_eq!(c.fatalities_range, Some((4, 9)));
            assert_eq!(c.source_count, Some(2));
        }
        assert!(fold("cl", std::iter::empty()).is_none());
    }
}
