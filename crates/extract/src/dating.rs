//! The dating stage: a document's publication date, before extraction.
//!
//! Contract: reads the document's metadata date, its token stream and time
//! mentions. A date the metadata gives (or the command line) is the date.
//! Without one: a wire dateline in the first lines ("WASHINGTON, Jan 29,
//! 2024 (Reuters) -"); else the date its weekday-and-date mentions agree
//! on (a text that names no year: the most recent year, not after the
//! current one, in which they agree); a bare weekday in the lead that falls
//! in the six days after that date moves it there ("a annoncé, lundi").
//! Adds [`Dating`]: the date, whether it was inferred, the trace of the
//! rule that inferred it, and a warning when there is none. Extraction
//! resolves every relative date against it; the pipeline stores an
//! inferred one on the document (the only place the date is set).

use vigie_core::{Date, Diagnostic, Doc};

use crate::TraceItem;

/// A document's publication date and how it was found.
#[derive(Debug, Default)]
pub struct Dating {
    pub published: Option<Date>,
    /// True when the date comes from the text, not the metadata.
    pub inferred: bool,
    pub trace: Vec<TraceItem>,
    pub diagnostics: Vec<Diagnostic>,
}

/// The publication date of `doc` (see the module contract).
pub fn publication_date(
    time: &vigie_time::TimeTagger,
    doc: &Doc,
    text: &str,
    stream: &vigie_core::TokenStream,
    mentions: &[vigie_time::TimeMention],
) -> Dating {
    let lang = doc.lang.as_str();
    let mut out = Dating::default();
    let mut inferred = false;
    let mut from_dateline = false;
    let given = match doc.meta.published_source {
        vigie_core::PublishedSource::Inferred => None,
        _ => doc.meta.published,
    };
    let reference = match given {
        Some(d) => Some(d),
        None => {
            let dl = dateline(time, text, stream, lang);
            from_dateline = dl.is_some();
            // A text that names no year: the most recent year, not after
            // the current one, in which its weekday-and-date mentions
            // agree ("dimanche 7 janvier" read in 2026 is 2024). News is
            // read after it is written.
            let d = dl.or_else(|| {
                let this_year = i32::from(jiff::Zoned::now().date().year());
                time.infer_reference_or_recent_in(stream, lang, this_year)
            });
            if let Some(d) = d {
                inferred = true;
                out.trace.push(TraceItem {
                    stage: "date".into(),
                    start: 0,
                    end: 0,
                    text: d.to_string(),
                    rule: if from_dateline {
                        "extract.infer.dateline".into()
                    } else {
                        "time.infer_reference".into()
                    },
                    note: "publication date inferred from the text".into(),
                });
            } else {
                out.diagnostics.push(Diagnostic::warning(
                    "extract.no_date",
                    "no publication date and none could be inferred from the text; events without explicit dates have none",
                ));
            }
            d
        }
    };

    let reference = match (reference, inferred) {
        (Some(d), true) if !from_dateline => {
            let adjusted = lead_weekday_after(d, mentions, doc, text);
            if adjusted != d {
                out.trace.push(TraceItem {
                    stage: "date".into(),
                    start: 0,
                    end: 0,
                    text: adjusted.to_string(),
                    rule: "extract.infer.lead_weekday".into(),
                    note: "the lead tells of a later weekday than the dated mention".into(),
                });
            }
            Some(adjusted)
        }
        (r, _) => r,
    };
    out.published = reference;
    out.inferred = inferred;
    out
}

/// An undated article is published on or after its latest dated
/// mention; a bare weekday in its lead ("a annoncé, lundi") that falls
/// in the six days after that date moves the publication date to it.
fn lead_weekday_after(
    d: Date,
    mentions: &[vigie_time::TimeMention],
    doc: &Doc,
    text: &str,
) -> Date {
    let lead_end = doc
        .sentences
        .iter()
        .filter(|s| !s.headline)
        .take(2)
        .map(|s| s.norm.end)
        .last()
        .unwrap_or(text.len().min(400));
    let mut best = d;
    for m in mentions
        .iter()
        .filter(|m| m.end <= lead_end && !m.anaphoric && !m.open_since)
    {
        let past = m.resolve(&vigie_time::ResolveContext {
            reference: Some(d),
            anchor: None,
            prefer: vigie_time::Prefer::Past,
        });
        let fut = m.resolve(&vigie_time::ResolveContext {
            reference: Some(d),
            anchor: None,
            prefer: vigie_time::Prefer::Future,
        });
        if let (Some(p), Some(f)) = (past, fut) {
            let gap = (f.start - p.start).get_days();
            let ahead = (f.start - d).get_days();
            if p.precision == 1 && gap == 7 && (1..=6).contains(&ahead) && f.start > best {
                best = f.start;
            }
        }
    }
    best
}

/// A wire dateline ("WASHINGTON, Jan 29, 2024 (Reuters) -", "Beyrouth,
/// 14 avril 2024"): a complete date in the first lines of the text.
fn dateline(
    time: &vigie_time::TimeTagger,
    text: &str,
    stream: &vigie_core::TokenStream,
    lang: &str,
) -> Option<Date> {
    let head_end = text
        .char_indices()
        .map(|(i, _)| i)
        .find(|&i| i >= 400)
        .unwrap_or(text.len());
    let head = &stream.tokens[..stream
        .tokens
        .partition_point(|t| t.end as usize <= head_end)];
    let ctx = vigie_time::ResolveContext {
        reference: None,
        anchor: None,
        prefer: vigie_time::Prefer::Past,
    };
    time.find_in(stream, head, lang)
        .iter()
        .filter(|m| !m.anaphoric && !m.open_since)
        .filter_map(|m| m.resolve(&ctx))
        .find(|v| v.precision == 1 && v.start == v.end)
        .map(|v| v.start)
}
