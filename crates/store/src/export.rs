//! Exports of clustered events: JSONL, CSV, ACLED CSV, GeoJSON, PLOVER JSON.

use std::io::Write;

use serde_json::{Value, json};
use vigie_core::Event;

use crate::Result;
use crate::countries;
pub use crate::query::ClusteredEvent;

/// Output formats of `vigie events`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Jsonl,
    Csv,
    Acled,
    Geojson,
    Plover,
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Format, String> {
        match s.to_ascii_lowercase().as_str() {
            "jsonl" | "json" => Ok(Format::Jsonl),
            "csv" => Ok(Format::Csv),
            "acled" => Ok(Format::Acled),
            "geojson" => Ok(Format::Geojson),
            "plover" => Ok(Format::Plover),
            other => Err(format!(
                "unknown format {other:?}: jsonl, csv, acled, geojson or plover"
            )),
        }
    }
}

/// Writes `events` in `format`.
pub fn write(format: Format, events: &[ClusteredEvent], w: &mut dyn Write) -> Result<()> {
    match format {
        Format::Jsonl => write_jsonl(events, w),
        Format::Csv => write_csv(events, w),
        Format::Acled => write_acled(events, w),
        Format::Geojson => write_geojson(events, w),
        Format::Plover => write_plover(events, w),
    }
}

/// One event record (v1, with `sources` and `source_count`) per line.
pub fn write_jsonl(events: &[ClusteredEvent], w: &mut dyn Write) -> Result<()> {
    for e in events {
        serde_json::to_writer(&mut *w, &e.event)?;
        w.write_all(b"\n")?;
    }
    Ok(())
}

/// ACLED's columns, in ACLED's order.
pub const ACLED_COLUMNS: [&str; 31] = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
];

/// ACLED's disorder type for an event type.
fn disorder_type(event_type: &str) -> &'static str {
    match event_type {
        "Battles" | "Explosions/Remote violence" | "Violence against civilians" => {
            "Political violence"
        }
        "Protests" | "Riots" => "Demonstrations",
        "Strategic developments" => "Strategic developments",
        _ => "",
    }
}

fn opt_num<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

fn date_words(d: vigie_core::Date) -> String {
    jiff::fmt::strtime::format("%-d %B %Y", d).unwrap_or_else(|_| d.to_string())
}

/// The one-sentence summary used as ACLED `notes`.
pub fn summary(ev: &Event) -> String {
    let mut s = String::new();
    if let Some(d) = ev.event_date.or(ev.date_start) {
        s.push_str(&format!("On {}, ", date_words(d)));
    } else {
        s.push_str("On an unknown date, ");
    }
    s.push_str(ev.actor1.as_deref().unwrap_or("unidentified actors"));
    let what = if ev.sub_event_type.is_empty() || ev.sub_event_type == "Other" {
        "an attack".to_string()
    } else {
        let t = ev.sub_event_type.to_lowercase();
        let article = if t.starts_with(['a', 'e', 'i', 'o', 'u']) {
            "an"
        } else {
            "a"
        };
        format!("{article} {t} event")
    };
    s.push_str(&format!(" carried out {what}"));
    if let Some(a2) = &ev.actor2 {
        s.push_str(&format!(" against {a2}"));
    }
    if let Some(t) = &ev.target {
        s.push_str(&format!(" (target: {t})"));
    }
    if let Some(w) = &ev.weapon {
        s.push_str(&format!(" using {}", w.replace('_', " ")));
    }
    if let Some(l) = &ev.location {
        s.push_str(&format!(" in {}", l.name));
        if let Some(c) = l.country.as_deref().and_then(countries::by_iso2) {
            if c.name != l.name {
                s.push_str(&format!(", {}", c.name));
            }
        }
    }
    match (ev.fatalities, ev.fatalities_range) {
        (Some(_), Some((lo, hi))) if lo != hi => {
            s.push_str(&format!("; {lo} to {hi} fatalities reported"))
        }
        (Some(f), _) => s.push_str(&format!("; {f} fatalities reported")),
        _ => {}
    }
    if ev.claimed {
        s.push_str(&format!(
            "; claimed by {}",
            ev.claimant
                .as_deref()
                .or(ev.actor1.as_deref())
                .unwrap_or("the perpetrator")
        ));
    }
    s.push('.');
    s
}

/// ACLED CSV: the 31 columns in ACLED's order. vigie fills what it knows:
/// `inter1`, `inter2`, `interaction`, `assoc_actor_*`, `admin2`, `admin3` and
/// `source_scale` stay empty (vigie's records carry no actor type, associated
/// actors or lower admin levels); `fatalities` is the lowest reported figure,
/// 0 when none is reported (as ACLED codes it).
pub fn write_acled(events: &[ClusteredEvent], w: &mut dyn Write) -> Result<()> {
    let mut out = csv::Writer::from_writer(w);
    out.write_record(ACLED_COLUMNS)?;
    for ce in events {
        let e = &ce.event;
        let loc = e.location.as_ref();
        let country = loc
            .and_then(|l| l.country.as_deref())
            .and_then(countries::by_iso2);
        let date = e.event_date.or(e.date_start);
        let civilian = e.event_type == "Violence against civilians"
            || e.actor2
                .as_deref()
                .is_some_and(|a| a.starts_with("Civilians"));
        let row: [String; 31] = [
            format!("{}{}", country.map_or("XXX", |c| c.iso3), ce.number),
            opt_num(date),
            opt_num(date.map(|d| d.year())),
            opt_num(e.time_precision),
            disorder_type(&e.event_type).to_string(),
            e.event_type.clone(),
            e.sub_event_type.clone(),
            e.actor1.clone().unwrap_or_default(),
            String::new(),
            String::new(),
            e.actor2.clone().unwrap_or_default(),
            String::new(),
            String::new(),
            String::new(),
            if civilian {
                "Civilian targeting".into()
            } else {
                String::new()
            },
            opt_num(country.map(|c| c.numeric)),
            country.map(|c| c.region.to_string()).unwrap_or_default(),
            country.map(|c| c.name.to_string()).unwrap_or_default(),
            loc.and_then(|l| l.admin1.clone()).unwrap_or_default(),
            String::new(),
            String::new(),
            loc.map(|l| l.name.clone()).unwrap_or_default(),
            opt_num(loc.and_then(|l| l.lat)),
            opt_num(loc.and_then(|l| l.lon)),
            opt_num(loc.map(|l| l.geo_precision)),
            ce.outlets.join("; "),
            String::new(),
            summary(e),
            e.fatalities.unwrap_or(0).to_string(),
            String::new(),
            ce.updated.to_string(),
        ];
        out.write_record(&row)?;
    }
    out.flush()?;
    Ok(())
}

/// Flat CSV of the event record (one row per clustered event).
pub fn write_csv(events: &[ClusteredEvent], w: &mut dyn Write) -> Result<()> {
    const COLUMNS: [&str; 28] = [
        "id",
        "event_date",
        "date_start",
        "date_end",
        "time_precision",
        "event_type",
        "sub_event_type",
        "plover_type",
        "plover_mode",
        "cameo",
        "actor1",
        "actor2",
        "target",
        "weapon",
        "location",
        "country",
        "admin1",
        "lat",
        "lon",
        "geo_precision",
        "fatalities",
        "fatalities_min",
        "fatalities_max",
        "claimed",
        "claimant",
        "source_count",
        "sources",
        "evidence",
    ];
    let mut out = csv::Writer::from_writer(w);
    out.write_record(COLUMNS)?;
    for ce in events {
        let e = &ce.event;
        let loc = e.location.as_ref();
        let docs: Vec<&str> = e.sources.iter().map(|s| s.doc.as_str()).collect();
        let row: [String; 28] = [
            e.id.clone(),
            opt_num(e.event_date),
            opt_num(e.date_start),
            opt_num(e.date_end),
            opt_num(e.time_precision),
            e.event_type.clone(),
            e.sub_event_type.clone(),
            e.plover.kind.clone(),
            e.plover.mode.clone().unwrap_or_default(),
            e.cameo.clone(),
            e.actor1.clone().unwrap_or_default(),
            e.actor2.clone().unwrap_or_default(),
            e.target.clone().unwrap_or_default(),
            e.weapon.clone().unwrap_or_default(),
            loc.map(|l| l.name.clone()).unwrap_or_default(),
            loc.and_then(|l| l.country.clone()).unwrap_or_default(),
            loc.and_then(|l| l.admin1.clone()).unwrap_or_default(),
            opt_num(loc.and_then(|l| l.lat)),
            opt_num(loc.and_then(|l| l.lon)),
            opt_num(loc.map(|l| l.geo_precision)),
            opt_num(e.fatalities),
            opt_num(e.fatalities_range.map(|r| r.0)),
            opt_num(e.fatalities_range.map(|r| r.1)),
            e.claimed.to_string(),
            e.claimant.clone().unwrap_or_default(),
            opt_num(e.source_count),
            docs.join("; "),
            e.evidence.text.clone(),
        ];
        out.write_record(&row)?;
    }
    out.flush()?;
    Ok(())
}

/// A GeoJSON FeatureCollection (RFC 7946): one Point feature per event
/// (`[lon, lat]`), `null` geometry when the place has no coordinates; flat
/// properties (QGIS and kepler.gl read them as columns).
pub fn write_geojson(events: &[ClusteredEvent], w: &mut dyn Write) -> Result<()> {
    let features: Vec<Value> = events
        .iter()
        .map(|ce| {
            let e = &ce.event;
            let loc = e.location.as_ref();
            let geometry = match loc.and_then(|l| Some((l.lon?, l.lat?))) {
                Some((lon, lat)) => json!({"type": "Point", "coordinates": [lon, lat]}),
                None => Value::Null,
            };
            let docs: Vec<&str> = e.sources.iter().map(|s| s.doc.as_str()).collect();
            json!({
                "type": "Feature",
                "id": e.id,
                "geometry": geometry,
                "properties": {
                    "id": e.id,
                    "event_date": e.event_date,
                    "date_start": e.date_start,
                    "date_end": e.date_end,
                    "time_precision": e.time_precision,
                    "event_type": e.event_type,
                    "sub_event_type": e.sub_event_type,
                    "plover_type": e.plover.kind,
                    "cameo": e.cameo,
                    "actor1": e.actor1,
                    "actor2": e.actor2,
                    "target": e.target,
                    "weapon": e.weapon,
                    "location": loc.map(|l| l.name.clone()),
                    "country": loc.and_then(|l| l.country.clone()),
                    "admin1": loc.and_then(|l| l.admin1.clone()),
                    "geo_precision": loc.map(|l| l.geo_precision),
                    "fatalities": e.fatalities,
                    "claimed": e.claimed,
                    "claimant": e.claimant,
                    "source_count": e.source_count,
                    "sources": docs.join("; "),
                    "notes": summary(e),
                }
            })
        })
        .collect();
    serde_json::to_writer(
        &mut *w,
        &json!({"type": "FeatureCollection", "features": features}),
    )?;
    w.write_all(b"\n")?;
    Ok(())
}

/// Figures as CSV, one row per figure.
pub fn write_figures_csv(figures: &[vigie_core::Figure], w: &mut dyn Write) -> Result<()> {
    let mut out = csv::Writer::from_writer(w);
    out.write_record([
        "subject",
        "source",
        "what",
        "as_of",
        "count",
        "qualifier",
        "place",
        "doc",
        "evidence",
    ])?;
    for f in figures {
        out.write_record([
            f.subject.as_deref().unwrap_or(""),
            f.source.as_deref().unwrap_or(""),
            &f.what,
            &f.as_of.map(|d| d.to_string()).unwrap_or_default(),
            &f.count.to_string(),
            &f.qualifier,
            f.place.as_deref().unwrap_or(""),
            &f.doc,
            &f.evidence.text,
        ])?;
    }
    out.flush()?;
    Ok(())
}

/// PLOVER JSON: an array of records with PLOVER's category-mode-context
/// fields (`event_type`, `mode`, `context`), the actor and recipient, the
/// place, `dead`, and the source texts.
pub fn write_plover(events: &[ClusteredEvent], w: &mut dyn Write) -> Result<()> {
    let records: Vec<Value> = events
        .iter()
        .map(|ce| {
            let e = &ce.event;
            let loc = e.location.as_ref();
            json!({
                "id": e.id,
                "date": e.event_date.or(e.date_start),
                "date_start": e.date_start,
                "date_end": e.date_end,
                "event_type": e.plover.kind,
                "mode": e.plover.mode,
                "context": [],
                "actor": e.actor1,
                "actor_country": Value::Null,
                "recipient": e.actor2,
                "recipient_country": Value::Null,
                "location": loc.map(|l| json!({
                    "name": l.name,
                    "country": l.country,
                    "admin1": l.admin1,
                    "lat": l.lat,
                    "lon": l.lon,
                    "precision": l.geo_precision,
                })),
                "dead": e.fatalities,
                "cameo": e.cameo,
                "claimed": e.claimed,
                "sources": e.sources.iter().map(|s| json!({
                    "doc": s.doc, "text": s.evidence.text, "claimed": s.claimed,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    serde_json::to_writer_pretty(&mut *w, &records)?;
    w.write_all(b"\n")?;
    Ok(())
}
