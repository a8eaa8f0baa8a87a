//! The gold file: one JSON object per document (see shared/corpus/README.md).

use std::path::Path;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::Error;
use crate::py::{self, Day};

/// One document of the gold file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoldDoc {
    /// File name of the article (events are matched on the last path component).
    pub doc: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    pub events: Vec<GoldEvent>,
    #[serde(default)]
    pub figures: Vec<GoldFigure>,
}

/// A gold event. Field meanings follow shared/corpus/README.md.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoldEvent {
    pub id: String,
    /// Optional events (`false`) are neither rewarded nor penalized.
    #[serde(default = "yes")]
    pub required: bool,
    /// `None`: the event has no date and the date test is skipped.
    #[serde(default)]
    pub date: Option<GoldDate>,
    /// ACLED sub-event type in snake case, e.g. `air_drone_strike`.
    #[serde(rename = "type")]
    pub event_type: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub type_alternatives: Vec<String>,
    #[serde(default)]
    pub actor1: Option<String>,
    #[serde(default)]
    pub actor2: Option<String>,
    pub location: GoldLocation,
    #[serde(default)]
    pub weapon: Option<String>,
    #[serde(default)]
    pub claimed: Option<bool>,
    #[serde(default)]
    pub fatalities: Option<i64>,
    #[serde(default)]
    pub evidence: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub same_as: Option<String>,
}

fn yes() -> bool {
    true
}

/// A single day or an interval, as ISO dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum GoldDate {
    Day(String),
    Interval { start: String, end: String },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoldLocation {
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub country: Option<String>,
    #[serde(default)]
    pub lat: Option<f64>,
    #[serde(default)]
    pub lon: Option<f64>,
    /// 1 site, 2 near it or a district, 3 province/region/country (300 km allowed).
    #[serde(default)]
    pub precision: Option<i64>,
}

/// A gold figure (cumulative toll or count).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoldFigure {
    pub what: String,
    /// A number; `score.py` compares `int(count)`.
    pub count: Value,
    #[serde(default)]
    pub qualifier: Option<String>,
    #[serde(default)]
    pub subject: Option<String>,
    #[serde(default)]
    pub as_of: Option<String>,
    #[serde(default)]
    pub source: Option<String>,
}

impl GoldEvent {
    /// The gold interval, `None` when the event has no date. Unparseable dates
    /// are rejected by [`load_gold`] and [`parse_gold`].
    pub(crate) fn interval(&self) -> Option<(Day, Day)> {
        match self.date.as_ref()? {
            GoldDate::Day(d) => {
                let d = py::parse_day(d)?;
                Some((d, d))
            }
            GoldDate::Interval { start, end } => Some((py::parse_day(start)?, py::parse_day(end)?)),
        }
    }

    fn check(&self) -> Result<(), String> {
        let bad = |s: &str| py::parse_day(s).is_none();
        match &self.date {
            Some(GoldDate::Day(d)) if bad(d) => Err(format!("event {}: bad date {d:?}", self.id)),
            Some(GoldDate::Interval { start, end }) if bad(start) || bad(end) => Err(format!(
                "event {}: bad interval {start:?}..{end:?}",
                self.id
            )),
            _ if self.location.lat.is_some() != self.location.lon.is_some() => Err(format!(
                "event {}: location has lat without lon or lon without lat",
                self.id
            )),
            _ => Ok(()),
        }
    }
}

/// Parses gold JSON Lines text (`origin` names it in errors). Blank lines are
/// skipped; every problem is reported, one per line, in a single error.
pub fn parse_gold(text: &str, origin: &str) -> Result<Vec<GoldDoc>, Error> {
    let mut docs = Vec::new();
    let mut problems = Vec::new();
    for (i, line) in crate::lines(text).enumerate() {
        if line.trim_matches(py::is_py_space).is_empty() {
            continue;
        }
        match serde_json::from_str::<GoldDoc>(line) {
            Ok(d) => {
                let errs: Vec<String> = d.events.iter().filter_map(|e| e.check().err()).collect();
                let figs: Vec<String> = d
                    .figures
                    .iter()
                    .filter(|f| py::py_int(&f.count).is_none())
                    .map(|f| format!("figure count {} is not a number", f.count))
                    .collect();
                if errs.is_empty() && figs.is_empty() {
                    docs.push(d);
                } else {
                    for e in errs.into_iter().chain(figs) {
                        problems.push(format!("{origin}:{}: {}: {e}", i + 1, d.doc));
                    }
                }
            }
            Err(e) => problems.push(format!("{origin}:{}: {e}", i + 1)),
        }
    }
    if problems.is_empty() {
        Ok(docs)
    } else {
        Err(Error::Gold {
            problems: problems.join("\n"),
        })
    }
}

/// Reads a gold file (JSON Lines, one document per line).
pub fn load_gold(path: impl AsRef<Path>) -> Result<Vec<GoldDoc>, Error> {
    let path = path.as_ref();
    let text = crate::read_text(path)?;
    parse_gold(&text, &path.display().to_string())
}
