// Shared by the `store` and `export` targets (included with `#[path]`, not
// a crate): documents, events and figures built from fuzz bytes, and the
// invariants every export must keep.

use std::collections::HashSet;

use vigie_core::{
    Date, DocMeta, Event, EventSource, Evidence, Figure, Lang, Location, Plover, ProcessedDoc,
};
use vigie_store::ClusteredEvent;
use vigie_store::export::{self, ACLED_COLUMNS, CSV_COLUMNS, CsvCells, FIGURE_COLUMNS, Format};

/// Reads fields off the fuzz input; past its end every field is empty or 0.
pub struct Input<'a> {
    data: &'a [u8],
}

/// Strings the fuzzer would take long to find: what spreadsheets run.
const SPICE: [&str; 8] = ["=", "+", "-", "@", "\t", "\r", "\u{FF1D}", " -"];

impl<'a> Input<'a> {
    pub fn new(data: &'a [u8]) -> Input<'a> {
        Input { data }
    }

    pub fn byte(&mut self) -> u8 {
        match self.data.split_first() {
            Some((&b, rest)) => {
                self.data = rest;
                b
            }
            None => 0,
        }
    }

    #[allow(dead_code)]
    pub fn is_empty(&self) -> bool {
        self.data.is_empty()
    }

    /// A string up to the next 0xFF byte (lossy UTF-8), sometimes starting
    /// with a formula character.
    pub fn text(&mut self) -> String {
        let end = self
            .data
            .iter()
            .position(|&b| b == 0xFF)
            .unwrap_or(self.data.len());
        let (field, rest) = self.data.split_at(end);
        self.data = rest.get(1..).unwrap_or_default();
        let s = String::from_utf8_lossy(field).into_owned();
        match field.first() {
            Some(&b) if b & 0xF0 == 0xE0 => format!("{}{s}", SPICE[usize::from(b & 7)]),
            _ => s,
        }
    }

    pub fn opt_text(&mut self) -> Option<String> {
        if self.byte() & 1 == 0 {
            None
        } else {
            Some(self.text())
        }
    }

    pub fn date(&mut self) -> Option<Date> {
        let (y, m, d) = (self.byte(), self.byte(), self.byte());
        if y == 0 {
            return None;
        }
        Date::new(
            1990 + i16::from(y % 60),
            1 + (m % 12) as i8,
            1 + (d % 28) as i8,
        )
        .ok()
    }

    /// Negative coordinates often, and now and then a value that is no
    /// coordinate at all.
    pub fn coord(&mut self, span: f64) -> Option<f64> {
        let (a, b) = (self.byte(), self.byte());
        match a {
            0 => None,
            1 => Some(f64::NAN),
            2 => Some(f64::NEG_INFINITY),
            3 => Some(-0.0),
            _ => Some((f64::from(i16::from_le_bytes([a, b])) / 32768.0) * span),
        }
    }

    pub fn location(&mut self) -> Option<Location> {
        if self.byte() & 3 == 0 {
            return None;
        }
        let countries = ["IQ", "SY", "ML", "CO", "XX"];
        Some(Location {
            name: self.text(),
            mention: self.text(),
            country: Some(countries[usize::from(self.byte()) % countries.len()].to_string()),
            admin1: self.opt_text(),
            lat: self.coord(90.0),
            lon: self.coord(180.0),
            geo_precision: 1 + self.byte() % 3,
            ..Default::default()
        })
    }

    pub fn event(&mut self, doc: &str, seq: usize) -> Event {
        let types = [
            ("Explosions/Remote violence", "Air/drone strike"),
            ("Battles", "Armed clash"),
            ("Violence against civilians", "Attack"),
            ("Strategic developments", "Disrupted weapons use"),
        ];
        let (t, st) = types[usize::from(self.byte()) % types.len()];
        let date = self.date();
        let flags = self.byte();
        Event {
            id: format!("ev-{doc}-{seq}"),
            doc: doc.to_string(),
            event_date: date,
            date_start: date,
            date_end: date,
            time_precision: date.map(|_| 1 + flags % 3),
            event_type: t.into(),
            sub_event_type: st.into(),
            plover: Plover {
                kind: self.text(),
                mode: self.opt_text(),
            },
            cameo: if flags & 8 != 0 {
                "195".into()
            } else {
                self.text()
            },
            actor1: self.opt_text(),
            actor2: self.opt_text(),
            target: self.opt_text(),
            weapon: self.opt_text(),
            location: self.location(),
            fatalities: (flags & 16 != 0).then(|| u32::from(self.byte())),
            claimed: flags & 32 != 0,
            claimant: self.opt_text(),
            evidence: Evidence {
                text: self.text(),
                start: 0,
                end: 0,
            },
            rules: vec![self.text()],
            ..Default::default()
        }
    }

    pub fn figure(&mut self, doc: &str) -> Figure {
        Figure {
            doc: doc.to_string(),
            what: self.text(),
            count: u64::from(self.byte()),
            qualifier: self.text(),
            subject: self.opt_text(),
            place: self.opt_text(),
            as_of: self.date(),
            source: self.opt_text(),
            evidence: Evidence {
                text: self.text(),
                start: 0,
                end: 0,
            },
            ..Default::default()
        }
    }

    /// A document with up to 3 events and 2 figures; ids repeat now and
    /// then (a new version of a stored document).
    #[allow(dead_code)]
    pub fn doc(&mut self) -> ProcessedDoc {
        let id = self.text();
        let url = self.opt_text();
        let text = self.text();
        let counts = self.byte();
        let events = (0..usize::from(counts % 4))
            .map(|i| self.event(&id, i))
            .collect();
        let figures = (0..usize::from((counts >> 2) % 3))
            .map(|_| self.figure(&id))
            .collect();
        ProcessedDoc {
            meta: DocMeta {
                origin: format!("{id}.txt"),
                id,
                url,
                ..Default::default()
            },
            lang: Lang::new("fr"),
            content_hash: format!("{:016x}", xxh(&text)),
            norm_text: text.clone(),
            text,
            events,
            figures,
            diagnostics: Vec::new(),
            parse: Default::default(),
        }
    }
}

/// FNV-1a: a content hash for the fuzz documents (the store only compares them).
fn xxh(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// A clustered event as the exporters receive it.
#[allow(dead_code)]
pub fn clustered(inp: &mut Input<'_>, n: usize) -> ClusteredEvent {
    let mut event = inp.event("d", n);
    let sources = usize::from(inp.byte() % 3);
    event.sources = (0..sources)
        .map(|_| EventSource {
            doc: inp.text(),
            evidence: Evidence {
                text: inp.text(),
                start: 0,
                end: 0,
            },
            claimed: inp.byte() & 1 != 0,
        })
        .collect();
    event.source_count = Some(sources);
    ClusteredEvent {
        event,
        number: i64::from(inp.byte()) - 128,
        updated: i64::from(inp.byte()),
        outlets: (0..sources).map(|_| inp.text()).collect(),
    }
}

fn csv_rows(bytes: &[u8]) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes)
        .records()
        .map(|r| {
            r.expect("our CSV reads back")
                .iter()
                .map(String::from)
                .collect()
        })
        .collect()
}

/// One CSV export's contract: the header, one row per record, every row
/// as wide as the header; safe: text cells free of control characters and
/// of a leading formula character, numeric cells empty or finite numbers;
/// raw: the text cells given by `raw_texts` come back exactly.
fn check_csv(
    name: &str,
    write: &dyn Fn(&mut Vec<u8>, CsvCells),
    columns: &[&str],
    numeric: &HashSet<&str>,
    records: usize,
    raw_texts: &[(&str, Vec<String>)],
) {
    let mut safe = Vec::new();
    write(&mut safe, CsvCells::Safe);
    let rows = csv_rows(&safe);
    assert_eq!(rows.len(), records + 1, "{name}: one row per record");
    assert_eq!(rows[0], columns, "{name}: header");
    for row in &rows[1..] {
        assert_eq!(row.len(), columns.len(), "{name}: row width");
        for (col, cell) in columns.iter().zip(row) {
            if numeric.contains(col) {
                assert!(
                    cell.is_empty() || cell.parse::<f64>().is_ok_and(f64::is_finite),
                    "{name}: {col} = {cell:?} is not a number"
                );
            } else {
                assert!(
                    !cell.chars().any(char::is_control),
                    "{name}: {col} = {cell:?} has a control character"
                );
                assert!(
                    !cell.trim_start_matches(' ').starts_with([
                        '=', '+', '-', '@', '\u{FF1D}', '\u{FF0B}', '\u{FF0D}', '\u{FF20}'
                    ]),
                    "{name}: {col} = {cell:?} would run as a formula"
                );
            }
        }
    }
    let mut raw = Vec::new();
    write(&mut raw, CsvCells::Raw);
    let rows = csv_rows(&raw);
    assert_eq!(rows.len(), records + 1, "{name} raw: one row per record");
    for (col, expected) in raw_texts {
        let i = columns.iter().position(|c| c == col).expect("column");
        let got: Vec<&str> = rows[1..].iter().map(|r| r[i].as_str()).collect();
        // The csv crate reads "\r\n" inside a quoted field back as written,
        // so the comparison is exact.
        assert_eq!(&got, expected, "{name} raw: {col}");
    }
}

/// Every exporter on `events` and `figures`, with the invariants above for
/// the CSVs and well-formed JSON for the others.
pub fn check_exports(events: &[ClusteredEvent], figures: &[Figure]) {
    let num = |s: &'static str| -> HashSet<&'static str> { s.split(' ').collect() };
    check_csv(
        "acled",
        &|w, cells| export::write_with(Format::Acled, events, w, cells).expect("acled"),
        &ACLED_COLUMNS,
        &num("year time_precision iso latitude longitude geo_precision fatalities timestamp"),
        events.len(),
        &[(
            "actor1",
            events
                .iter()
                .map(|e| e.event.actor1.clone().unwrap_or_default())
                .collect(),
        )],
    );
    check_csv(
        "csv",
        &|w, cells| export::write_with(Format::Csv, events, w, cells).expect("csv"),
        &CSV_COLUMNS,
        &num(
            "time_precision lat lon geo_precision fatalities fatalities_min fatalities_max source_count",
        ),
        events.len(),
        &[(
            "evidence",
            events
                .iter()
                .map(|e| e.event.evidence.text.clone())
                .collect(),
        )],
    );
    check_csv(
        "figures",
        &|w, cells| export::write_figures_csv(figures, w, cells).expect("figures"),
        &FIGURE_COLUMNS,
        &num("count"),
        figures.len(),
        &[(
            "evidence",
            figures.iter().map(|f| f.evidence.text.clone()).collect(),
        )],
    );
    let mut out = Vec::new();
    export::write(Format::Jsonl, events, &mut out).expect("jsonl");
    let lines: Vec<Event> = String::from_utf8(out)
        .expect("UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON Lines record reads back"))
        .collect();
    assert_eq!(lines.len(), events.len());
    for (got, ce) in lines.iter().zip(events) {
        assert_eq!(got.id, ce.event.id);
        assert_eq!(got.evidence.text, ce.event.evidence.text);
        assert_eq!(got.actor1, ce.event.actor1);
    }
    for format in [Format::Geojson, Format::Plover] {
        let mut out = Vec::new();
        export::write(format, events, &mut out).expect("json export");
        let v: serde_json::Value = serde_json::from_slice(&out).expect("valid JSON");
        let n = match format {
            Format::Geojson => v["features"].as_array().map(Vec::len),
            _ => v.as_array().map(Vec::len),
        };
        assert_eq!(n, Some(events.len()), "{format:?}");
    }
}
