//! vigie-eval: scores extracted events and figures against a gold file.
//!
//! A faithful port of `shared/eval/score.py`. It uses the same matching, the
//! same aliases, the same field accuracies, the same figure precision and
//! recall, and the same printed table. [`Score`] serializes to the object that
//! `score.py --json` prints.
//!
//! Matching, as the reference scorer's docstring defines it: an extracted event
//! matches a gold event when
//! - its sub-event type is the gold type or one of the gold `type_alternatives`;
//! - its date interval overlaps the gold interval widened by one day each side
//!   (undated gold events skip this test);
//! - its point lies within 100 km of the gold point (300 km at gold precision 3),
//!   or, where the gold has no point, the countries agree.
//!
//! Matching is one-to-one, greedy, closest first, required gold events first.
//!
//! Events are read as JSON values, with Python's semantics: truthiness,
//! `str()`, `int()`, `float()`, `==` and `date.fromisoformat`. A malformed
//! record therefore scores exactly as it does in Python.
//!
//! Where Python would crash, this crate skips instead:
//! - an event line that is JSON but not an object counts as unreadable;
//! - a figure line that is not a JSON object is skipped.
//!
//! Invariant: [`score`] never panics, whatever the values hold.

mod gold;
mod py;
mod score;

use std::path::{Path, PathBuf};

pub use gold::{GoldDate, GoldDoc, GoldEvent, GoldFigure, GoldLocation, load_gold, parse_gold};
pub use score::{EventCounts, FieldAccuracy, FigureCounts, Miss, Score, Spurious, score};

/// The crate's error type.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: not valid UTF-8")]
    NotUtf8 { path: PathBuf },
    /// Every problem found in a gold file, one per line, as `path:line: message`.
    #[error("invalid gold file:\n{problems}")]
    Gold { problems: String },
}

/// The records of a JSON Lines file, and how many lines were not JSON.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct JsonLines {
    pub values: Vec<serde_json::Value>,
    /// Non-blank lines that did not parse as JSON.
    pub unreadable: usize,
}

/// Parses JSON Lines text. Blank lines are skipped, and lines that are not
/// JSON are counted.
pub fn parse_jsonl(text: &str) -> JsonLines {
    let mut out = JsonLines::default();
    for line in lines(text) {
        if line.trim_matches(py::is_py_space).is_empty() {
            continue;
        }
        match serde_json::from_str(line) {
            Ok(v) => out.values.push(v),
            Err(_) => out.unreadable += 1,
        }
    }
    out
}

/// Reads a JSON Lines file (events or figures).
pub fn read_jsonl(path: impl AsRef<Path>) -> Result<JsonLines, Error> {
    Ok(parse_jsonl(&read_text(path.as_ref())?))
}

/// What `score.py GOLD EVENTS [--figures FIGURES]` computes, from files.
/// Unparseable event lines add to `unreadable_lines`.
pub fn score_files(
    gold: impl AsRef<Path>,
    events: impl AsRef<Path>,
    figures: Option<&Path>,
) -> Result<Score, Error> {
    let gold = load_gold(gold)?;
    let events = read_jsonl(events)?;
    let figures = figures.map(read_jsonl).transpose()?;
    let mut s = score(
        &gold,
        &events.values,
        figures.as_ref().map(|f| f.values.as_slice()),
    );
    s.unreadable_lines += events.unreadable;
    Ok(s)
}

fn read_text(path: &Path) -> Result<String, Error> {
    let bytes = std::fs::read(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    String::from_utf8(bytes).map_err(|_| Error::NotUtf8 {
        path: path.to_path_buf(),
    })
}

/// Lines as Python's text mode splits them (`\n`, `\r\n` and `\r`).
fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.split('\n')
        .flat_map(|l| l.strip_suffix('\r').unwrap_or(l).split('\r'))
}
