//! Matching and scoring, line for line after `score.py`.

use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;

use serde::Serialize;
use serde_json::{Map, Value};

use crate::gold::{GoldDoc, GoldEvent};
use crate::py::{self, Day};

/// ACLED sub-event names (lower case) to the gold's snake case.
const SUBTYPE_ALIASES: &[(&str, &str)] = &[
    ("air/drone strike", "air_drone_strike"),
    (
        "shelling/artillery/missile attack",
        "shelling_artillery_missile_attack",
    ),
    (
        "remote explosive/landmine/ied",
        "remote_explosive_landmine_ied",
    ),
    ("suicide bomb", "suicide_bomb"),
    ("grenade", "grenade"),
    ("armed clash", "armed_clash"),
    ("attack", "attack"),
    (
        "abduction/forced disappearance",
        "abduction_forced_disappearance",
    ),
    (
        "government regains territory",
        "government_regains_territory",
    ),
    (
        "non-state actor overtakes territory",
        "non_state_actor_overtakes_territory",
    ),
    ("sexual violence", "sexual_violence"),
    ("disrupted weapons use", "disrupted_weapons_use"),
    ("chemical weapon", "chemical_weapon"),
    ("other", "other"),
];

/// Actor aliases of `score.py` (after lower-casing and dropping a leading "the ").
const ACTOR_ALIASES: &[(&str, &str)] = &[
    ("iri", "islamic resistance in iraq"),
    (
        "islamic resistance in iraq (iri)",
        "islamic resistance in iraq",
    ),
    ("isis", "islamic state"),
    ("isil", "islamic state"),
    ("islamic state (is)", "islamic state"),
    ("pmf", "popular mobilization forces"),
    ("hashd al-shaabi", "popular mobilization forces"),
    ("popular mobilisation forces", "popular mobilization forces"),
    ("iraqi army", "military forces of iraq"),
    ("idf", "military forces of israel"),
    ("israel defense forces", "military forces of israel"),
    ("us forces", "military forces of the united states"),
    (
        "united states military",
        "military forces of the united states",
    ),
    ("houthis", "ansar allah"),
    ("ansar allah (houthi)", "ansar allah"),
    ("israel", "military forces of israel"),
    ("israeli forces", "military forces of israel"),
    ("united states", "military forces of the united states"),
    ("us military", "military forces of the united states"),
    ("houthis (ansar allah)", "ansar allah"),
    ("ansar allah (houthis)", "ansar allah"),
];

/// Precision, recall and F1 of event matching.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventCounts {
    pub tp: usize,
    pub fp: usize,
    #[serde(rename = "fn")]
    pub fn_: usize,
    pub precision: Option<f64>,
    pub recall: Option<f64>,
    pub f1: Option<f64>,
}

/// Accuracy of one field over the matched required events where the gold has it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldAccuracy {
    pub accuracy: Option<f64>,
    pub n: usize,
}

/// Figures as a set of (doc, what, count).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FigureCounts {
    pub tp: usize,
    pub extracted: usize,
    pub gold: usize,
    pub precision: Option<f64>,
    pub recall: Option<f64>,
}

/// A required gold event that no extracted event matched.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Miss {
    pub doc: String,
    pub id: String,
    /// The first 80 characters of the evidence.
    pub evidence: String,
}

/// An extracted event that matched no gold event. The fields are rendered as
/// Python's `str()` renders them (`None` when absent).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Spurious {
    pub doc: String,
    pub sub_event_type: String,
    pub event_date: String,
    pub location: String,
}

/// The result of [`score`]. Serializes to the object of `score.py --json`.
/// `misses` and `spurious` appear only in the table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Score {
    pub events: EventCounts,
    /// Field name to accuracy, sorted by name.
    pub fields: BTreeMap<String, FieldAccuracy>,
    pub unreadable_lines: usize,
    pub docs_not_in_gold: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub figures: Option<FigureCounts>,
    #[serde(skip)]
    pub misses: Vec<Miss>,
    #[serde(skip)]
    pub spurious: Vec<Spurious>,
}

fn norm_subtype(v: Option<&Value>) -> Option<String> {
    let v = v.filter(|v| !v.is_null())?;
    let s = py::py_str(v).trim_matches(py::is_py_space).to_lowercase();
    if let Some((_, canon)) = SUBTYPE_ALIASES.iter().find(|(k, _)| *k == s) {
        return Some((*canon).to_string());
    }
    Some(s.replace(['/', ' ', '-'], "_"))
}

fn norm_actor_str(a: &str) -> String {
    let lowered = a.to_lowercase().replace('\u{2019}', "'");
    let joined = lowered
        .split(py::is_py_space)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let a = joined.strip_prefix("the ").unwrap_or(&joined);
    match ACTOR_ALIASES.iter().find(|(k, _)| *k == a) {
        Some((_, canon)) => (*canon).to_string(),
        None => a.to_string(),
    }
}

fn norm_actor(v: Option<&Value>) -> Option<String> {
    let v = v.filter(|v| !v.is_null())?;
    let v = match v {
        Value::Object(o) => o.get("name").filter(|n| !n.is_null())?,
        other => other,
    };
    Some(norm_actor_str(&py::py_str(v)))
}

fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let r = 6371.0;
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let s1 = (dp / 2.0).sin();
    let s2 = (dl / 2.0).sin();
    let a = s1 * s1 + p1.cos() * p2.cos() * s2 * s2;
    // Python's min(1.0, a) keeps 1.0 unless a < 1.0.
    let a = if a < 1.0 { a } else { 1.0 };
    2.0 * r * a.sqrt().asin()
}

/// The parts of a system event that matching reads.
struct SysEvent<'a> {
    raw: &'a Map<String, Value>,
    subtype: Option<String>,
    interval: Option<(Day, Day)>,
    lat: Option<f64>,
    lon: Option<f64>,
    country: Option<String>,
}

fn location_obj(e: &Map<String, Value>) -> Option<&Map<String, Value>> {
    // `e.get("location") or {}`; a truthy non-object would crash score.py.
    e.get("location")
        .filter(|v| py::truthy(v))
        .and_then(Value::as_object)
}

impl<'a> SysEvent<'a> {
    fn new(raw: &'a Map<String, Value>) -> Self {
        let start = py::or(raw.get("date_start"), raw.get("event_date"));
        let end = py::or(py::or(raw.get("date_end"), raw.get("event_date")), start);
        let interval = match start.filter(|v| !v.is_null()) {
            None => None,
            Some(s) => {
                let e = end.map_or_else(|| "None".to_string(), py::py_str);
                match (py::parse_day(&py::py_str(s)), py::parse_day(&e)) {
                    (Some(a), Some(b)) => Some((a, b)),
                    _ => None,
                }
            }
        };
        let loc = location_obj(raw);
        let get = |k: &str| loc.and_then(|l| l.get(k));
        // loc.get("lat", loc.get("latitude", e.get("latitude"))): a present key wins even when null.
        let pick = |short: &str, long: &str| -> Option<&Value> {
            match loc {
                Some(l) if l.contains_key(short) => l.get(short),
                Some(l) if l.contains_key(long) => l.get(long),
                _ => raw.get(long),
            }
        };
        let lat_v = pick("lat", "latitude").filter(|v| !v.is_null());
        let lon_v = pick("lon", "longitude").filter(|v| !v.is_null());
        let (lat, lon) = match (lat_v.map(py::py_float), lon_v.map(py::py_float)) {
            (Some(None), _) | (_, Some(None)) => (None, None),
            (a, b) => (a.flatten(), b.flatten()),
        };
        let country_v = match loc {
            Some(l) if l.contains_key("country") => get("country"),
            _ => raw.get("country"),
        };
        let country = country_v
            .filter(|c| py::truthy(c))
            .map(|c| py::py_str(c).to_uppercase());
        SysEvent {
            raw,
            subtype: norm_subtype(raw.get("sub_event_type")),
            interval,
            lat,
            lon,
            country,
        }
    }
}

type Key = (u8, i64, f64);

fn compatible(e: &SysEvent<'_>, g: &GoldEvent) -> Option<Key> {
    let st = e.subtype.as_deref()?;
    if st != g.event_type && !g.type_alternatives.iter().any(|t| t == st) {
        return None;
    }
    let mut day_gap = 0;
    if let Some(gi) = g.interval() {
        let si = e.interval?;
        let (lo, hi) = (gi.0 - 1, gi.1 + 1);
        if si.1 < lo || si.0 > hi {
            return None;
        }
        day_gap = 0.max(gi.0 - si.0).max(si.1 - gi.1);
    }
    let gl = &g.location;
    let km = match (gl.lat, gl.lon) {
        (Some(glat), glon) => {
            let (lat, lon) = (e.lat?, e.lon?);
            let km = haversine_km(lat, lon, glat, glon.unwrap_or(f64::NAN));
            let limit = if gl.precision == Some(3) {
                300.0
            } else {
                100.0
            };
            if km > limit {
                return None;
            }
            km
        }
        (None, _) => {
            if e.country != gl.country {
                return None;
            }
            0.0
        }
    };
    Some((if g.required { 0 } else { 1 }, day_gap, km))
}

fn match_doc(sys: &[SysEvent<'_>], gold: &[GoldEvent]) -> Vec<(usize, usize)> {
    let mut pairs: Vec<(Key, usize, usize)> = Vec::new();
    for (i, e) in sys.iter().enumerate() {
        for (j, g) in gold.iter().enumerate() {
            if let Some(k) = compatible(e, g) {
                pairs.push((k, i, j));
            }
        }
    }
    pairs.sort_by(|a, b| {
        (a.0.0, a.0.1)
            .cmp(&(b.0.0, b.0.1))
            .then(a.0.2.partial_cmp(&b.0.2).unwrap_or(Ordering::Equal))
            .then((a.1, a.2).cmp(&(b.1, b.2)))
    });
    let mut used_s = HashSet::new();
    let mut used_g = HashSet::new();
    let mut matches = Vec::new();
    for (_, i, j) in pairs {
        if used_s.contains(&i) || used_g.contains(&j) {
            continue;
        }
        used_s.insert(i);
        used_g.insert(j);
        matches.push((i, j));
    }
    matches
}

fn ratio(n: usize, d: usize) -> Option<f64> {
    (d != 0).then(|| n as f64 / d as f64)
}

/// The last path component of `str(doc)`.
fn doc_key(v: &Value) -> String {
    let s = py::py_str(v);
    match s.rsplit_once('/') {
        Some((_, last)) => last.to_string(),
        None => s,
    }
}

/// Scores extracted events (and optionally figures) against the gold, as
/// `score.py` does. An event without a `doc` (nor `source.doc`), or that is
/// not a JSON object, counts as an unreadable line.
pub fn score(gold: &[GoldDoc], events: &[Value], figures: Option<&[Value]>) -> Score {
    // A dict keyed by doc: a later line replaces an earlier one in place.
    let mut order: Vec<&GoldDoc> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for d in gold {
        match index.get(d.doc.as_str()) {
            Some(&i) => order[i] = d,
            None => {
                index.insert(d.doc.as_str(), order.len());
                order.push(d);
            }
        }
    }

    let mut by_doc: HashMap<String, Vec<&Map<String, Value>>> = HashMap::new();
    let mut bad_lines = 0;
    for e in events {
        let Some(obj) = e.as_object() else {
            bad_lines += 1;
            continue;
        };
        let source_doc = || {
            obj.get("source")
                .filter(|s| py::truthy(s))
                .and_then(Value::as_object)
                .and_then(|s| s.get("doc"))
        };
        let doc = match obj.get("doc").filter(|d| py::truthy(d)) {
            Some(d) => Some(d),
            None => source_doc(),
        };
        match doc.filter(|d| !d.is_null()) {
            Some(d) => by_doc.entry(doc_key(d)).or_default().push(obj),
            None => bad_lines += 1,
        }
    }

    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    let mut fields: BTreeMap<&'static str, (usize, usize)> = BTreeMap::new();
    let mut misses = Vec::new();
    let mut spurious = Vec::new();
    let empty = Vec::new();
    for gd in &order {
        let raws = by_doc.get(gd.doc.as_str()).unwrap_or(&empty);
        let sys: Vec<SysEvent<'_>> = raws.iter().map(|r| SysEvent::new(r)).collect();
        let gevents = &gd.events;
        let matches = match_doc(&sys, gevents);
        let matched_s: HashSet<usize> = matches.iter().map(|m| m.0).collect();
        let matched_g: HashSet<usize> = matches.iter().map(|m| m.1).collect();
        for (i, e) in sys.iter().enumerate() {
            if !matched_s.contains(&i) {
                fp += 1;
                let name = location_obj(e.raw).and_then(|l| l.get("name"));
                spurious.push(Spurious {
                    doc: gd.doc.clone(),
                    sub_event_type: py::py_str_opt(e.raw.get("sub_event_type")),
                    event_date: py::py_str_opt(e.raw.get("event_date")),
                    location: py::py_str_opt(name),
                });
            }
        }
        for (j, g) in gevents.iter().enumerate() {
            if g.required && !matched_g.contains(&j) {
                fn_ += 1;
                misses.push(Miss {
                    doc: gd.doc.clone(),
                    id: g.id.clone(),
                    evidence: g.evidence.chars().take(80).collect(),
                });
            }
        }
        for &(i, j) in &matches {
            let (g, e) = (&gevents[j], &sys[i]);
            if !g.required {
                continue;
            }
            tp += 1;
            let mut count = |name: &'static str, ok: bool| {
                let f = fields.entry(name).or_insert((0, 0));
                f.1 += 1;
                f.0 += usize::from(ok);
            };
            if let (Some(gi), Some(si)) = (g.interval(), e.interval) {
                if gi.0 == gi.1 {
                    count("date_exact", si.0 == si.1 && si.1 == gi.0);
                } else {
                    count("date_exact", gi.0 <= si.0 && si.1 <= gi.1);
                }
            }
            if g.event_type != "other" {
                count(
                    "sub_event_type",
                    e.subtype.as_deref() == Some(g.event_type.as_str()),
                );
            }
            count(
                "actor1",
                norm_actor(e.raw.get("actor1")) == g.actor1.as_deref().map(norm_actor_str),
            );
            count("country", e.country == g.location.country);
            let gl = &g.location;
            if let (Some(glat), Some(lat)) = (gl.lat, e.lat)
                && gl.precision.unwrap_or(3) <= 2
            {
                let km = haversine_km(
                    lat,
                    e.lon.unwrap_or(f64::NAN),
                    glat,
                    gl.lon.unwrap_or(f64::NAN),
                );
                count("location_25km", km <= 25.0);
            }
            if let Some(c) = g.claimed {
                count(
                    "claimed",
                    py::truthy(e.raw.get("claimed").unwrap_or(&Value::Null)) == c,
                );
            }
            if let Some(f) = g.fatalities {
                count(
                    "fatalities",
                    py::py_eq(
                        e.raw.get("fatalities").unwrap_or(&Value::Null),
                        &Value::from(f),
                    ),
                );
            }
            if let Some(w) = &g.weapon {
                count(
                    "weapon",
                    py::py_eq(
                        e.raw.get("weapon").unwrap_or(&Value::Null),
                        &Value::String(w.clone()),
                    ),
                );
            }
        }
    }

    let mut extra_docs: Vec<String> = by_doc
        .keys()
        .filter(|d| !index.contains_key(d.as_str()))
        .cloned()
        .collect();
    extra_docs.sort();
    let p = ratio(tp, tp + fp);
    let r = ratio(tp, tp + fn_);
    let f1 = match (p, r) {
        (Some(p), Some(r)) if p != 0.0 && r != 0.0 => Some(2.0 * p * r / (p + r)),
        _ => None,
    };

    let figures = figures.map(|sys_figs| {
        let what_key = |v: Option<&Value>| {
            serde_json::to_string(v.unwrap_or(&Value::Null)).unwrap_or_default()
        };
        let mut gfig: HashSet<(String, String, i64)> = HashSet::new();
        for gd in &order {
            for f in &gd.figures {
                if let Some(n) = py::py_int(&f.count) {
                    gfig.insert((
                        gd.doc.clone(),
                        what_key(Some(&Value::String(f.what.clone()))),
                        n,
                    ));
                }
            }
        }
        let mut sfig: HashSet<(String, String, i64)> = HashSet::new();
        for x in sys_figs {
            let Some(x) = x.as_object() else { continue };
            let Some(n) = x.get("count").and_then(py::py_int) else {
                continue;
            };
            // A list or object as `what` is unhashable: score.py's TypeError skips the line.
            if matches!(x.get("what"), Some(Value::Array(_) | Value::Object(_))) {
                continue;
            }
            let doc = doc_key(x.get("doc").unwrap_or(&Value::Null));
            if index.contains_key(doc.as_str()) {
                sfig.insert((doc, what_key(x.get("what")), n));
            }
        }
        let ftp = gfig.intersection(&sfig).count();
        FigureCounts {
            tp: ftp,
            extracted: sfig.len(),
            gold: gfig.len(),
            precision: ratio(ftp, sfig.len()),
            recall: ratio(ftp, gfig.len()),
        }
    });

    Score {
        events: EventCounts {
            tp,
            fp,
            fn_,
            precision: p,
            recall: r,
            f1,
        },
        fields: fields
            .into_iter()
            .map(|(k, (c, n))| {
                (
                    k.to_string(),
                    FieldAccuracy {
                        accuracy: ratio(c, n),
                        n,
                    },
                )
            })
            .collect(),
        unreadable_lines: bad_lines,
        docs_not_in_gold: extra_docs,
        figures,
        misses,
        spurious,
    }
}

fn fmt(x: Option<f64>) -> String {
    match x {
        None => "  n/a".to_string(),
        Some(x) => format!("{x:5.3}"),
    }
}

impl Score {
    /// The table that `score.py` prints without `--json`, byte for byte.
    pub fn render_table(&self) -> String {
        let mut out = String::new();
        let ev = &self.events;
        let _ = writeln!(
            out,
            "events   P {}  R {}  F1 {}   (tp {}, fp {}, fn {})",
            fmt(ev.precision),
            fmt(ev.recall),
            fmt(ev.f1),
            ev.tp,
            ev.fp,
            ev.fn_
        );
        for (k, v) in &self.fields {
            let _ = writeln!(out, "  {k:<15} {}  (n={})", fmt(v.accuracy), v.n);
        }
        if let Some(fg) = &self.figures {
            let _ = writeln!(
                out,
                "figures  P {}  R {}   ({} of {} gold, {} extracted)",
                fmt(fg.precision),
                fmt(fg.recall),
                fg.tp,
                fg.gold,
                fg.extracted
            );
        }
        for m in &self.misses {
            let _ = writeln!(out, "  missed   {} {} {}", m.doc, m.id, m.evidence);
        }
        for s in &self.spurious {
            let _ = writeln!(
                out,
                "  spurious {} {} {} {}",
                s.doc, s.sub_event_type, s.event_date, s.location
            );
        }
        if self.unreadable_lines > 0 {
            let _ = writeln!(out, "  {} unreadable event lines", self.unreadable_lines);
        }
        out
    }

    /// The `--json` object as a JSON value.
    pub fn to_json(&self) -> Value {
        serde_json::to_value(self).unwrap_or(Value::Null)
    }

    /// The `--json` object exactly as `score.py --json` prints it: Python's
    /// `json.dumps` layout (`", "` and `": "`, keys in score.py's order,
    /// non-ASCII escaped, floats as Python's `repr`), without the newline.
    pub fn to_python_json(&self) -> String {
        let f = |x: Option<f64>| x.map_or_else(|| "null".to_string(), py::float_repr);
        let ev = &self.events;
        let mut out = format!(
            "{{\"events\": {{\"tp\": {}, \"fp\": {}, \"fn\": {}, \"precision\": {}, \"recall\": {}, \"f1\": {}}}, \"fields\": {{",
            ev.tp,
            ev.fp,
            ev.fn_,
            f(ev.precision),
            f(ev.recall),
            f(ev.f1)
        );
        let fields: Vec<String> = self
            .fields
            .iter()
            .map(|(k, v)| {
                format!(
                    "{}: {{\"accuracy\": {}, \"n\": {}}}",
                    py_json_str(k),
                    f(v.accuracy),
                    v.n
                )
            })
            .collect();
        out.push_str(&fields.join(", "));
        let docs: Vec<String> = self
            .docs_not_in_gold
            .iter()
            .map(|d| py_json_str(d))
            .collect();
        let _ = write!(
            out,
            "}}, \"unreadable_lines\": {}, \"docs_not_in_gold\": [{}]",
            self.unreadable_lines,
            docs.join(", ")
        );
        if let Some(fg) = &self.figures {
            let _ = write!(
                out,
                ", \"figures\": {{\"tp\": {}, \"extracted\": {}, \"gold\": {}, \"precision\": {}, \"recall\": {}}}",
                fg.tp,
                fg.extracted,
                fg.gold,
                f(fg.precision),
                f(fg.recall)
            );
        }
        out.push('}');
        out
    }
}

/// A string as Python's `json.dumps` writes it (`ensure_ascii=True`).
fn py_json_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if c.is_ascii() && !c.is_ascii_control() => out.push(c),
            c => {
                let mut buf = [0u16; 2];
                for unit in c.encode_utf16(&mut buf) {
                    let _ = write!(out, "\\u{unit:04x}");
                }
            }
        }
    }
    out.push('"');
    out
}
