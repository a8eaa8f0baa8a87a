//! Pass 9, records: one frame per place, and restatements merged.
//!
//! Reads the frames of the whole document in text order. A candidate with
//! several places becomes one frame per place. Frames that restate one
//! incident (compatible type, same perpetrator, overlapping dates, the same
//! or a nearby place, told close together; a launch and its interception)
//! merge, the sharper value of each field winning; headline and place-less
//! frames that merge into nothing are dropped. Adds the `merge.restatement`
//! rule and the merged sentences (`mentions`). The records themselves (ontology codes, ids, evidence) are written
//! by [`crate::Extractor`].

use vigie_core::merge;

use super::context::{DocCtx, Frame, PlaceCand};
use super::typing::UNSPECIFIED;

/// Which pass decided which field of a record, read from its rule ids
/// (for `--explain`): "actor1 <- arguments (en.actor.subject); ...".
pub fn fields_by_pass(rules: &[String]) -> String {
    const FAMILIES: [(&str, &str, &str); 12] = [
        ("trigger", "event", "candidates"),
        ("eventiveness", "event", "eventiveness"),
        ("actor", "actor1", "arguments"),
        ("arguments", "event", "arguments"),
        ("place", "location", "places"),
        ("geo", "location", "places (vigie-geo)"),
        ("type", "type/weapon", "typing"),
        ("time", "date", "dates"),
        ("dates", "date", "dates"),
        ("fatalities", "fatalities", "tolls"),
        ("claim", "claimed", "claims"),
        ("attribution", "claimed", "claims"),
    ];
    let mut out: Vec<String> = Vec::new();
    for r in rules {
        let mut parts = r.split('.');
        let first = parts.next().unwrap_or("");
        // Language-dependent ids start with the language code.
        let family = if first == "geo" {
            first
        } else {
            parts.next().unwrap_or(first)
        };
        if let Some((_, field, pass)) = FAMILIES.iter().find(|(f, _, _)| *f == family) {
            out.push(format!("{field} <- {pass} ({r})"));
        }
    }
    out.join("; ")
}

/// One frame per place (the frame as it is when it has none: it can then
/// only merge into a fuller one).
pub fn split_by_place(mut f: Frame, places: Vec<PlaceCand>) -> Vec<Frame> {
    if places.is_empty() {
        f.merge_only = true;
        return vec![f];
    }
    places
        .into_iter()
        .map(|p| Frame {
            place: Some(p),
            ..f.clone()
        })
        .collect()
}

/// Merges frames that restate one incident; returns the kept frames and
/// the headline or place-less ones that restated nothing (for the trace).
pub fn merge(frames: Vec<Frame>) -> (Vec<Frame>, Vec<Frame>) {
    let mut out: Vec<Frame> = Vec::new();
    for f in frames {
        // A place-less mention restates an incident told before it; a
        // headline may announce one told after it.
        let target = out.iter().rposition(|g| {
            (g.place.is_some() || f.sentence.saturating_sub(g.last_mention) <= 1)
                && same_incident(g, &f)
        });
        match target {
            Some(i) => absorb(&mut out[i], f),
            None => out.push(f),
        }
    }
    // Frames that could only merge (headlines, place-less) and did not are dropped.
    let (kept, unmerged) = out.into_iter().partition(|f| !f.merge_only);
    (kept, unmerged)
}

fn compatible_types(a: &str, b: &str) -> bool {
    a == b
        || (a == UNSPECIFIED && b != "disrupted_weapons_use")
        || (b == UNSPECIFIED && a != "disrupted_weapons_use")
}

fn same_place(a: &PlaceCand, b: &PlaceCand) -> bool {
    if a.place.gazetteer_id == b.place.gazetteer_id || a.place.name == b.place.name {
        return true;
    }
    let km = vigie_geo::resolve::km(a.place.lat, a.place.lon, b.place.lat, b.place.lon);
    // A region or country and a place in or near it.
    // A country and a place in it.
    if (a.place.feature == "country" || b.place.feature == "country")
        && a.place.country == b.place.country
    {
        return true;
    }
    // Two precise places that differ are two incidents, however close.
    if a.place.geo_precision <= 2 && b.place.geo_precision <= 2 {
        return vigie_geo::resolve::km(a.place.lat, a.place.lon, b.place.lat, b.place.lon) <= 2.0;
    }
    let coarse = a.place.geo_precision >= 2 || b.place.geo_precision >= 2;
    let both_coarse = a.place.geo_precision >= 3 && b.place.geo_precision >= 3;
    km <= 30.0
        || coarse && km <= 150.0 && a.place.country == b.place.country
        || both_coarse && (a.place.country == b.place.country || km <= 150.0)
}

/// A strike told by its launcher and the interception of it are one event.
fn launch_and_interception(g: &Frame, f: &Frame) -> bool {
    let pair = |d: &Frame, o: &Frame| {
        d.itype == "disrupted_weapons_use"
            && o.itype != "disrupted_weapons_use"
            && o.actor1.is_some()
            && o.actor1 == d.actor2
    };
    pair(g, f) || pair(f, g)
}

fn same_incident(g: &Frame, f: &Frame) -> bool {
    if launch_and_interception(g, f) {
        let places_ok = match (&g.place, &f.place) {
            (Some(a), Some(b)) => same_place(a, b),
            _ => true,
        };
        let dates_ok = match (g.date, f.date) {
            (Some(a), Some(b)) => a.start <= b.end && b.start <= a.end,
            _ => true,
        };
        return places_ok && dates_ok && g.sentence.abs_diff(f.sentence) <= 4;
    }
    if f.distinct {
        return false;
    }
    // Restatements are told close together (to the incident's latest
    // mention), unless at the very same site.
    let same_site = matches!((&g.place, &f.place), (Some(a), Some(b)) if a.place.geo_precision <= 2 && b.place.geo_precision <= 2
        && (a.place.gazetteer_id == b.place.gazetteer_id
            || vigie_geo::resolve::km(a.place.lat, a.place.lon, b.place.lat, b.place.lon) < 0.5));
    let gap = g.last_mention.abs_diff(f.sentence);
    if gap > 4 && !same_site {
        return false;
    }
    // A bare mention ("no injuries occurred during the attack") may name
    // an intercepted attack by its generic word.
    let bare_mention = f.merge_only && f.place.is_none() && f.itype == UNSPECIFIED;
    if !compatible_types(&g.itype, &f.itype) && !bare_mention {
        return false;
    }
    if g.actor1.is_some() && f.actor1.is_some() && g.actor1 != f.actor1 {
        return false;
    }
    if let (Some(a), Some(b)) = (&g.weapon, &f.weapon)
        && a != b
        && !(g.merge_only || f.merge_only)
    {
        return false;
    }
    let dates_ok = match (g.date, f.date) {
        (Some(a), Some(b)) if g.date_explicit && f.date_explicit => {
            a.start <= b.end && b.start <= a.end
        }
        _ => true,
    };
    if !dates_ok {
        return false;
    }
    match (&g.place, &f.place) {
        (Some(a), Some(b)) => same_place(a, b),
        // A place-less mention merges only into the latest compatible frame
        // close by (same or neighbouring sentences).
        (None, _) | (_, None) => gap <= 2,
    }
}

fn place_rank(p: &Option<PlaceCand>) -> (u8, u8) {
    merge::place_rank(p.as_ref().map(|p| (true, p.place.geo_precision)))
}

fn date_rank(f: &Frame) -> (u8, u8, i32) {
    merge::date_rank(
        f.date
            .map(|d| (!f.date_explicit, d.precision, (d.end - d.start).get_days())),
    )
}

/// The rule that links mention `f` to the incident it is merged into.
fn link_rule(f: &Frame) -> String {
    f.rules
        .iter()
        .find(|r| r.ends_with(".arguments.anaphoric_mention"))
        .cloned()
        .unwrap_or_else(|| "merge.restatement".to_string())
}

fn absorb(g: &mut Frame, f: Frame) {
    g.mentions
        .push((g.sent_span, "merge.restatement".to_string()));
    g.mentions.push((f.sent_span, link_rule(&f)));
    g.mentions.extend(f.mentions.iter().cloned());
    if f.itype == "disrupted_weapons_use"
        && g.itype != "disrupted_weapons_use"
        && g.actor1.is_some()
        && g.actor1 == f.actor2
    {
        // The interception is what happened: its type and sides win.
        g.itype = f.itype.clone();
        g.actor1 = f.actor1;
        g.actor2 = f.actor2;
        g.claimed = f.claimed;
        g.reported_by = f.reported_by.clone();
        if f.weapon.is_some() {
            g.weapon = f.weapon.clone();
            g.weapon_detail = f.weapon_detail.clone();
        }
    }
    // Each field takes its most specific value, by the rule the store's
    // clustering applies across articles (vigie_core::merge).
    if g.fallback.is_none() {
        g.fallback = f.fallback.clone();
    }
    if merge::sharper_type(g.itype == UNSPECIFIED, f.itype == UNSPECIFIED) {
        g.itype = f.itype.clone();
    }
    if merge::sharper_weapon(g.weapon.as_deref(), f.weapon.as_deref()) {
        g.weapon = f.weapon.clone();
        g.weapon_detail = f.weapon_detail.clone();
    }
    if g.weapon == f.weapon && g.weapon_detail.is_none() {
        g.weapon_detail = f.weapon_detail.clone();
    }
    if g.actor1.is_none() {
        g.actor1 = f.actor1;
    }
    if g.actor2.is_none() {
        g.actor2 = f.actor2;
    }
    if g.target.is_none() {
        g.target = f.target.clone();
    }
    if place_rank(&f.place) < place_rank(&g.place) {
        g.place = f.place.clone();
    }
    if date_rank(&f) < date_rank(g) {
        g.date = f.date;
        g.date_explicit = f.date_explicit;
    }
    g.fatalities = merge::fatalities(g.fatalities, f.fatalities);
    if g.reported_by.is_none() && f.reported_by.is_some() {
        g.reported_by = f.reported_by.clone();
    }
    g.claimed = (g.claimed || f.claimed) && g.reported_by.is_none();
    // The fuller mention gives the evidence: headlines and place-less
    // mentions never do.
    if g.merge_only && !f.merge_only {
        g.sentence = f.sentence;
        g.sent_span = f.sent_span;
        g.trigger = f.trigger;
        g.merge_only = false;
    }
    for r in f.rules {
        if !g.rules.contains(&r) {
            g.rules.push(r);
        }
    }
    g.last_mention = g.last_mention.max(f.last_mention);
    g.rules.push("merge.restatement".to_string());
    g.rules.dedup();
    let _ = g.place.is_some();
}

/// A document that tells no event with a place, and whose only reports are
/// a title line or place-less ones (a one-line feed item, a snippet, a
/// place the gazetteer lacks), still reports its first incident: with no
/// fuller frame to merge into, that frame is the event
/// (`records.only_report`). A place-less one must name its perpetrator and
/// be dated in its own clause ("On 4 March, JNIM attacked a post in …"):
/// without a place, that is what tells a report from a remark.
pub fn keep_only_report(cx: &DocCtx<'_>, kept: &mut Vec<Frame>, unmerged: &mut Vec<Frame>) {
    if !kept.is_empty() {
        return;
    }
    let report = |f: &Frame| f.place.is_some() || f.date_firm && f.actor1.is_some();
    let Some(i) = unmerged.iter().position(report) else {
        return;
    };
    let mut f = unmerged.remove(i);
    f.merge_only = false;
    f.rule(cx, "records.only_report");
    kept.push(f);
}
