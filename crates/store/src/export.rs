//! Exports of clustered events: JSONL, CSV, ACLED CSV, GeoJSON, PLOVER JSON.
//!
//! CSV cells are typed ([`Cell`]): numbers (coordinates, counts, codes,
//! precisions, timestamps) are written as numbers, always; text cells are
//! made safe for spreadsheets unless [`CsvCells::Raw`] is asked for (see
//! [`spreadsheet_safe`]).

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

/// How CSV text cells are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CsvCells {
    /// Spreadsheet-safe (the default): see [`spreadsheet_safe`].
    #[default]
    Safe,
    /// The text as stored, byte for byte (`--raw-csv`).
    Raw,
}

/// One CSV cell: a number is written as is and never altered; text goes
/// through [`spreadsheet_safe`] unless the export is raw.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Num(String),
}

impl Cell {
    fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    fn opt_text(s: Option<&str>) -> Cell {
        Cell::Text(s.unwrap_or_default().to_string())
    }

    /// A number, or an empty cell when there is none.
    fn num<T: ToString>(v: Option<T>) -> Cell {
        Cell::Num(v.map(|v| v.to_string()).unwrap_or_default())
    }

    /// A coordinate: a finite number, else an empty cell ("NaN" or "-inf"
    /// is no place, and "-inf" would read as a formula).
    fn coord(v: Option<f64>) -> Cell {
        Cell::num(v.filter(|x| x.is_finite()))
    }

    /// A day (ISO 8601) is text: it never begins with a formula character.
    fn date(d: Option<vigie_core::Date>) -> Cell {
        Cell::Text(d.map(|d| d.to_string()).unwrap_or_default())
    }

    fn empty() -> Cell {
        Cell::Text(String::new())
    }
}

/// Characters that make a spreadsheet read a cell as a formula (OWASP's
/// list, plus their full-width forms, which some spreadsheets fold).
const FORMULA_STARTS: [char; 8] = [
    '=', '+', '-', '@', '\u{FF1D}', '\u{FF0B}', '\u{FF0D}', '\u{FF20}',
];

/// A text cell as a spreadsheet may safely open it (OWASP, "CSV
/// injection"): control characters removed (tab, line feed, carriage
/// return and the other whitespace controls become a space, so words stay
/// apart), and a cell that begins with `=`, `+`, `-`, `@` (after leading
/// spaces), a tab or a carriage return gets a leading `'`, which spreadsheets
/// show as text and do not evaluate. Never applied to numbers.
pub fn spreadsheet_safe(s: &str) -> std::borrow::Cow<'_, str> {
    let dangerous_start =
        s.starts_with(['\t', '\r']) || s.trim_start_matches(' ').starts_with(FORMULA_STARTS);
    let has_control = s.chars().any(char::is_control);
    if !dangerous_start && !has_control {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 1);
    for c in s.chars() {
        if c.is_control() {
            if c.is_whitespace() {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
    if dangerous_start || out.trim_start_matches(' ').starts_with(FORMULA_STARTS) {
        out.insert(0, '\'');
    }
    std::borrow::Cow::Owned(out)
}

/// Writes typed rows as CSV.
struct CsvOut<'w> {
    out: csv::Writer<&'w mut dyn Write>,
    cells: CsvCells,
}

impl<'w> CsvOut<'w> {
    fn new(w: &'w mut dyn Write, cells: CsvCells, header: &[&str]) -> Result<CsvOut<'w>> {
        let mut out = csv::Writer::from_writer(w);
        out.write_record(header)?;
        Ok(CsvOut { out, cells })
    }

    fn row(&mut self, row: &[Cell]) -> Result<()> {
        let cells = self.cells;
        for c in row {
            match (c, cells) {
                (Cell::Num(n), _) => self.out.write_field(n)?,
                (Cell::Text(t), CsvCells::Raw) => self.out.write_field(t)?,
                (Cell::Text(t), CsvCells::Safe) => self.out.write_field(&*spreadsheet_safe(t))?,
            }
        }
        self.out.write_record(None::<&[u8]>)?;
        Ok(())
    }

    fn finish(mut self) -> Result<()> {
        self.out.flush()?;
        Ok(())
    }
}

/// Writes `events` in `format`, CSV text cells spreadsheet-safe.
pub fn write(format: Format, events: &[ClusteredEvent], w: &mut dyn Write) -> Result<()> {
    write_with(format, events, w, CsvCells::Safe)
}

/// Writes `events` in `format`; `cells` says how CSV text cells are written
/// (the JSON formats escape by themselves).
pub fn write_with(
    format: Format,
    events: &[ClusteredEvent],
    w: &mut dyn Write,
    cells: CsvCells,
) -> Result<()> {
    match format {
        Format::Jsonl => write_jsonl(events, w),
        Format::Csv => write_csv(events, w, cells),
        Format::Acled => write_acled(events, w, cells),
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

/// An actor as ACLED writes it: an unnamed one with its country
/// ("Unidentified Armed Group (Mali)"), a named one as it is.
fn acled_actor(name: Option<&str>, iso2: Option<&str>) -> Option<String> {
    let name = name?;
    match iso2.and_then(countries::by_iso2) {
        Some(c) => Some(format!("{name} ({})", c.name)),
        None => Some(name.to_string()),
    }
}

/// ACLED's disorder type: the record's (its sub-event type's), else, for
/// records stored before records carried it, the event type's.
fn disorder_type(e: &Event) -> &str {
    if !e.disorder_type.is_empty() {
        return &e.disorder_type;
    }
    match e.event_type.as_str() {
        "Battles" | "Explosions/Remote violence" | "Violence against civilians" => {
            "Political violence"
        }
        "Protests" | "Riots" => "Demonstrations",
        "Strategic developments" => "Strategic developments",
        _ => "",
    }
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
        if let Some(c) = l.country.as_deref().and_then(countries::by_iso2)
            && c.name != l.name
        {
            s.push_str(&format!(", {}", c.name));
        }
    }
    match (ev.fatalities, ev.fatalities_range) {
        (Some(_), Some((lo, hi))) if lo != hi => {
            s.push_str(&format!("; {lo} to {hi} fatalities reported"))
        }
        (Some(1), _) => s.push_str("; 1 fatality reported"),
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
    s.push_str(&attribution_notes(ev));
    s
}

/// The attribution list as one flat text for GIS tools ("Kataib Hezbollah
/// claims; Military Forces of the United States accuses Kataib
/// Hezbollah"), empty when there is none.
fn attribution_text(ev: &Event) -> String {
    let entries: Vec<String> = ev
        .attribution
        .iter()
        .map(|a| match &a.target {
            Some(t) => format!("{} {} {t}", a.who, a.stance),
            None => format!("{} {}", a.who, a.stance),
        })
        .collect();
    entries.join("; ")
}

/// ACLED-style sentences for the accusations and denials of responsibility
/// the record keeps ("Military Forces of the United States accused Kataib
/// Hezbollah. Kataib Hezbollah denied responsibility."); claims are told
/// in the first sentence already.
fn attribution_notes(ev: &Event) -> String {
    let mut out = String::new();
    for a in &ev.attribution {
        let sentence = match (a.stance.as_str(), a.target.as_deref()) {
            ("accuses", Some(t)) => format!(" {} blamed {t}.", a.who),
            ("accuses", None) => format!(" {} assigned blame.", a.who),
            ("denies", _) => format!(" {} denied responsibility.", a.who),
            ("attributes", Some(t)) if ev.actor1.as_deref() != Some(t) => {
                format!(" {} attributed it to {t}.", a.who)
            }
            _ => continue,
        };
        if !out.contains(&sentence) {
            out.push_str(&sentence);
        }
    }
    out
}

/// ACLED CSV: the 31 columns in ACLED's order. vigie fills what it knows:
/// `inter1`, `inter2`, `interaction`, `assoc_actor_*`, `admin2`, `admin3` and
/// `source_scale` stay empty (vigie's records carry no actor type, associated
/// actors or lower admin levels); `fatalities` is the lowest reported figure,
/// 0 when none is reported (as ACLED codes it).
pub fn write_acled(events: &[ClusteredEvent], w: &mut dyn Write, cells: CsvCells) -> Result<()> {
    let mut out = CsvOut::new(w, cells, &ACLED_COLUMNS)?;
    for ce in events {
        let e = &ce.event;
        let loc = e.location.as_ref();
        let country = loc
            .and_then(|l| l.country.as_deref())
            .and_then(countries::by_iso2);
        let date = e.event_date.or(e.date_start);
        let civilian = e.civilian_targeting
            || e.event_type == "Violence against civilians"
            || e.actor2
                .as_deref()
                .is_some_and(|a| a.starts_with("Civilians"));
        let row: [Cell; 31] = [
            Cell::text(format!(
                "{}{}",
                country.map_or("XXX", |c| c.iso3),
                ce.number
            )),
            Cell::date(date),
            Cell::num(date.map(|d| d.year())),
            Cell::num(e.time_precision),
            Cell::text(disorder_type(e)),
            Cell::text(e.event_type.as_str()),
            Cell::text(e.sub_event_type.as_str()),
            Cell::opt_text(
                acled_actor(e.actor1.as_deref(), e.actor1_country.as_deref()).as_deref(),
            ),
            Cell::empty(),
            Cell::empty(),
            Cell::opt_text(
                acled_actor(e.actor2.as_deref(), e.actor2_country.as_deref()).as_deref(),
            ),
            Cell::empty(),
            Cell::empty(),
            Cell::empty(),
            Cell::text(if civilian { "Civilian targeting" } else { "" }),
            Cell::num(country.map(|c| c.numeric)),
            Cell::opt_text(country.map(|c| c.region)),
            Cell::opt_text(country.map(|c| c.name)),
            Cell::opt_text(loc.and_then(|l| l.admin1.as_deref())),
            Cell::empty(),
            Cell::empty(),
            Cell::opt_text(loc.map(|l| l.name.as_str())),
            Cell::coord(loc.and_then(|l| l.lat)),
            Cell::coord(loc.and_then(|l| l.lon)),
            Cell::num(loc.map(|l| l.geo_precision)),
            Cell::text(ce.outlets.join("; ")),
            Cell::empty(),
            Cell::text(summary(e)),
            Cell::num(Some(e.fatalities.unwrap_or(0))),
            Cell::empty(),
            Cell::num(Some(ce.updated)),
        ];
        out.row(&row)?;
    }
    out.finish()
}

/// The columns of the flat CSV export.
pub const CSV_COLUMNS: [&str; 28] = [
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

/// Flat CSV of the event record (one row per clustered event).
pub fn write_csv(events: &[ClusteredEvent], w: &mut dyn Write, cells: CsvCells) -> Result<()> {
    let mut out = CsvOut::new(w, cells, &CSV_COLUMNS)?;
    for ce in events {
        let e = &ce.event;
        let loc = e.location.as_ref();
        let docs: Vec<&str> = e.sources.iter().map(|s| s.doc.as_str()).collect();
        let row: [Cell; 28] = [
            Cell::text(e.id.as_str()),
            Cell::date(e.event_date),
            Cell::date(e.date_start),
            Cell::date(e.date_end),
            Cell::num(e.time_precision),
            Cell::text(e.event_type.as_str()),
            Cell::text(e.sub_event_type.as_str()),
            Cell::text(e.plover.kind.as_str()),
            Cell::opt_text(e.plover.mode.as_deref()),
            Cell::num(Some(e.cameo.as_str()).filter(|c| is_code(c))),
            Cell::opt_text(e.actor1.as_deref()),
            Cell::opt_text(e.actor2.as_deref()),
            Cell::opt_text(e.target.as_deref()),
            Cell::opt_text(e.weapon.as_deref()),
            Cell::opt_text(loc.map(|l| l.name.as_str())),
            Cell::opt_text(loc.and_then(|l| l.country.as_deref())),
            Cell::opt_text(loc.and_then(|l| l.admin1.as_deref())),
            Cell::coord(loc.and_then(|l| l.lat)),
            Cell::coord(loc.and_then(|l| l.lon)),
            Cell::num(loc.map(|l| l.geo_precision)),
            Cell::num(e.fatalities),
            Cell::num(e.fatalities_range.map(|r| r.0)),
            Cell::num(e.fatalities_range.map(|r| r.1)),
            Cell::text(e.claimed.to_string()),
            Cell::opt_text(e.claimant.as_deref()),
            Cell::num(e.source_count),
            Cell::text(docs.join("; ")),
            Cell::text(e.evidence.text.as_str()),
        ];
        out.row(&row)?;
    }
    out.finish()
}

/// A CAMEO code is digits; anything else stored there is written as text.
fn is_code(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
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
                    "disorder_type": e.disorder_type,
                    "civilian_targeting": e.civilian_targeting,
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
                    "attribution": attribution_text(e),
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

/// The columns of the figures CSV export.
pub const FIGURE_COLUMNS: [&str; 9] = [
    "subject",
    "source",
    "what",
    "as_of",
    "count",
    "qualifier",
    "place",
    "doc",
    "evidence",
];

/// Figures as CSV, one row per figure.
pub fn write_figures_csv(
    figures: &[vigie_core::Figure],
    w: &mut dyn Write,
    cells: CsvCells,
) -> Result<()> {
    let mut out = CsvOut::new(w, cells, &FIGURE_COLUMNS)?;
    for f in figures {
        out.row(&[
            Cell::opt_text(f.subject.as_deref()),
            Cell::opt_text(f.source.as_deref()),
            Cell::text(f.what.as_str()),
            Cell::date(f.as_of),
            Cell::num(Some(f.count)),
            Cell::text(f.qualifier.as_str()),
            Cell::opt_text(f.place.as_deref()),
            Cell::text(f.doc.as_str()),
            Cell::text(f.evidence.text.as_str()),
        ])?;
    }
    out.finish()
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
