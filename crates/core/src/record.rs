//! The output records: events and figures (DESIGN.md, "The event record").

use serde::{Deserialize, Serialize};

use crate::Date;

/// The sentence behind a record: its original text and byte offsets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Evidence {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

/// A sentence that tells an event's incident besides its evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Mention {
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// The rule that linked it to the event ("merge.restatement",
    /// "fr.arguments.anaphoric_mention").
    pub rule: String,
}

/// Who says who did it: a claim, an accusation, a denial or a third
/// party's attribution of responsibility (DESIGN, `attribution`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Attribution {
    /// The canonical actor who speaks, or the named source.
    pub who: String,
    /// "claims", "accuses", "denies" or "attributes".
    pub stance: String,
    /// The party accused or said responsible, where the stance names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    pub evidence: Evidence,
    pub rule: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Plover {
    #[serde(rename = "type")]
    pub kind: String,
    pub mode: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Location {
    /// Canonical gazetteer name.
    pub name: String,
    /// The text as written in the document.
    pub mention: String,
    /// ISO 3166-1 alpha-2.
    pub country: Option<String>,
    pub admin1: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// 1 the town or site, 2 near it or a district, 3 a region or country.
    pub geo_precision: u8,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feature: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gazetteer_id: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub disputed: bool,
}

/// One report of an event by one document (used by clustered events).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventSource {
    pub doc: String,
    pub evidence: Evidence,
    pub claimed: bool,
}

/// One violent event (record v1). Field names are fixed; add, never rename.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Event {
    pub id: String,
    pub doc: String,
    pub event_date: Option<Date>,
    pub date_start: Option<Date>,
    pub date_end: Option<Date>,
    /// 1 the day is known, 2 within about a week, 3 a month or longer.
    pub time_precision: Option<u8>,
    pub event_type: String,
    pub sub_event_type: String,
    /// ACLED's disorder type of the sub-event type ("Political violence",
    /// "Demonstrations", "Political violence; Demonstrations", "Strategic
    /// developments").
    #[serde(default)]
    pub disorder_type: String,
    /// ACLED's civilian targeting: the event's primary target is civilians.
    #[serde(default)]
    pub civilian_targeting: bool,
    pub plover: Plover,
    pub cameo: String,
    pub actor1: Option<String>,
    pub actor2: Option<String>,
    /// For an unnamed actor1 ("Unidentified Armed Group", "Protesters",
    /// "Civilians"): the ISO 3166-1 alpha-2 code of the event's country,
    /// which ACLED writes after the name ("Civilians (Sudan)").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor1_country: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor2_country: Option<String>,
    pub target: Option<String>,
    pub weapon: Option<String>,
    /// A finer kind of the weapon than its class ("vbied", "mortar",
    /// "explosive_belt"), from the weapon lexicons' fourth column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weapon_detail: Option<String>,
    pub location: Option<Location>,
    pub fatalities: Option<u32>,
    pub claimed: bool,
    pub claimant: Option<String>,
    /// Who reports the event when it is not the perpetrator's own claim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reported_by: Option<String>,
    pub evidence: Evidence,
    pub rules: Vec<String>,
    /// The document's other sentences that tell this incident (restatements
    /// and mentions merged into it), in text order, each with the rule that
    /// linked it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mentions: Vec<Mention>,
    /// Claims, accusations, denials and attributions of responsibility the
    /// document makes about the event, in text order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attribution: Vec<Attribution>,
    /// True when the date came from a publication date inferred from the text.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub date_inferred: bool,
    /// Filled by clustering: every document that reports this event.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<EventSource>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_count: Option<usize>,
    /// Lowest and highest fatality figures reported across sources.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fatalities_range: Option<(u32, u32)>,
}

/// The fixed vocabulary of a figure's `what` (DESIGN, the figure record).
pub const FIGURE_WHATS: [&str; 6] = [
    "killed",
    "injured",
    "missing",
    "displaced",
    "detained",
    "attacks",
];

/// The `what` a user's word names: one of [`FIGURE_WHATS`], or an alias of
/// one ("wounded" is "injured", "dead" and "deaths" are "killed"), in any
/// case; `None` for a word outside the vocabulary.
pub fn figure_what(word: &str) -> Option<&'static str> {
    let w = word.trim().to_ascii_lowercase();
    let canonical = match w.as_str() {
        "wounded" => "injured",
        "dead" | "deaths" => "killed",
        other => other,
    };
    FIGURE_WHATS.iter().copied().find(|x| *x == canonical)
}

/// A cumulative toll or count attributed to a source (record v1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Figure {
    pub doc: String,
    /// One of [`FIGURE_WHATS`].
    pub what: String,
    pub count: u64,
    /// exact, approx, at_least, more_than, up_to
    pub qualifier: String,
    pub subject: Option<String>,
    pub place: Option<String>,
    pub as_of: Option<Date>,
    pub source: Option<String>,
    pub evidence: Evidence,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<String>,
}
