//! One work item → one [`DocOutcome`]: decode, read the format, prepare,
//! extract. Runs on worker threads; a panic in here is caught and becomes the
//! document's failure, so one document can never stop a run.

use std::panic::{AssertUnwindSafe, catch_unwind};

use serde_json::Value;
use vigie_core::{Diagnostic, DocMeta, Lang, ProcessedDoc, PublishedSource};

use crate::input::{Format, WorkItem};
use crate::{DocOutcome, Engine, Extraction};

pub(crate) fn item_bytes(item: &WorkItem) -> u64 {
    match item {
        WorkItem::File { bytes, .. } | WorkItem::JsonLine { bytes, .. } => bytes.len() as u64,
        _ => 0,
    }
}

/// Work spent on one document, in deterministic units (never time, which
/// would make outcomes depend on the machine's load): HTML tags and
/// attributes handed to the parser, tokens of the token stream (once per
/// section), words parsed, and records found. Each is bounded by the
/// document's size, so the count grows linearly with it; past
/// [`crate::Config::max_doc_work`] the document fails and the run goes on.
#[derive(Debug, Default)]
pub(crate) struct Work {
    pub units: u64,
    budget: u64,
}

impl Work {
    fn add(&mut self, units: usize) {
        self.units = self.units.saturating_add(units as u64);
    }

    /// The document's failure once the budget is spent.
    fn check(&self, origin: &str) -> Result<(), DocOutcome> {
        if self.units <= self.budget {
            return Ok(());
        }
        Err(DocOutcome::Failed {
            origin: origin.to_string(),
            reason: format!(
                "work budget exceeded: {} units of work (HTML tags and attributes, tokens, parsed words, records) over --max-doc-work {}; raise the limit to process it",
                self.units, self.budget
            ),
        })
    }
}

pub(crate) fn process_item(engine: &Engine, item: WorkItem) -> (DocOutcome, u64) {
    let origin = match &item {
        WorkItem::File { origin, .. }
        | WorkItem::JsonLine { origin, .. }
        | WorkItem::JsonValue { origin, .. }
        | WorkItem::Skipped { origin, .. }
        | WorkItem::Failed { origin, .. } => origin.clone(),
    };
    let mut work = Work {
        units: 0,
        budget: engine.config.max_doc_work,
    };
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        process_unguarded(engine, item, &mut work)
    }));
    let outcome = match outcome {
        Ok(outcome) => outcome,
        Err(panic) => {
            let msg = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".into());
            DocOutcome::Failed {
                origin,
                reason: format!(
                    "internal error while processing this document ({msg}); please report it with `vigie extract --explain` output"
                ),
            }
        }
    };
    (outcome, work.units)
}

fn process_unguarded(engine: &Engine, item: WorkItem, work: &mut Work) -> DocOutcome {
    let (meta, text, mut diags) = match read_item(engine, item, work) {
        Ok(x) => x,
        Err(outcome) => return outcome,
    };
    if text.trim().is_empty() {
        // A page whose text is all inside dropped elements says so.
        let reason = diags
            .iter()
            .find(|d| d.code == "html.dropped")
            .map_or_else(|| "empty (no text)".to_string(), |d| d.message.clone());
        return DocOutcome::Skipped {
            origin: meta.origin,
            reason,
        };
    }
    if let Err(failed) = work.check(&meta.origin) {
        return failed;
    }
    match process_text(engine, meta, text, &mut diags, work) {
        Ok(outcome) | Err(outcome) => outcome,
    }
}

/// Decodes and reads the item's format: the document's metadata and text, or
/// the outcome that ends it.
fn read_item(
    engine: &Engine,
    item: WorkItem,
    work: &mut Work,
) -> Result<(DocMeta, String, Vec<Diagnostic>), DocOutcome> {
    let mut diags = Vec::new();
    match item {
        WorkItem::Skipped { origin, reason } => Err(DocOutcome::Skipped { origin, reason }),
        WorkItem::Failed { origin, reason } => Err(DocOutcome::Failed { origin, reason }),
        WorkItem::File {
            origin,
            name,
            format,
            bytes,
            cut_from,
        } => {
            if let Some(size) = cut_from {
                let limit = engine.config.max_doc_bytes;
                if engine.config.strict {
                    return Err(DocOutcome::Skipped {
                        origin,
                        reason: too_large(size, limit),
                    });
                }
                diags.push(Diagnostic::warning(
                    "limits.read",
                    format!(
                        "file of {size} bytes: only its first {} bytes were read (4 × --max-doc-bytes {limit})",
                        bytes.len()
                    ),
                ));
            }
            let decoded = match vigie_text::decode(&bytes) {
                Ok(d) => d,
                Err(e) => {
                    return Err(DocOutcome::Skipped {
                        origin,
                        reason: e.to_string(),
                    });
                }
            };
            if decoded.guessed || decoded.encoding != "UTF-8" {
                diags.push(Diagnostic::info(
                    "decode.encoding",
                    format!("decoded as {}", decoded.encoding),
                ));
            }
            if decoded.had_errors {
                diags.push(Diagnostic::warning(
                    "decode.errors",
                    format!(
                        "some bytes are not valid {} and were replaced by U+FFFD",
                        decoded.encoding
                    ),
                ));
            }
            let mut meta = DocMeta {
                origin,
                ..DocMeta::default()
            };
            let text = match format {
                Format::Html => {
                    let article = engine.html.extract(&decoded.text);
                    work.add(article.tags);
                    work.add(article.attributes);
                    if let Some(cap) = article.capped_attributes {
                        diags.push(Diagnostic::warning(
                            "html.attributes",
                            format!(
                                "{} tag{} with more than {} attributes or {} bytes of them (at most {} attributes, {} bytes); the attributes past the limit were ignored",
                                cap.tags,
                                if cap.tags == 1 { "" } else { "s" },
                                vigie_text::html::MAX_ATTRIBUTES,
                                vigie_text::html::MAX_ATTRIBUTE_BYTES,
                                cap.most,
                                cap.most_bytes
                            ),
                        ));
                    }
                    if article.text.trim().is_empty() && !article.dropped_text.is_empty() {
                        let parts: Vec<String> = article
                            .dropped_text
                            .iter()
                            .map(|(what, bytes)| format!("{what} {bytes} bytes"))
                            .collect();
                        diags.push(Diagnostic::info(
                            "html.dropped",
                            format!(
                                "no main text: the page's text is all inside elements that are not part of an article ({})",
                                parts.join(", ")
                            ),
                        ));
                    }
                    if let Some(depth) = article.flattened_depth {
                        diags.push(Diagnostic::warning(
                            "html.nesting",
                            format!(
                                "HTML elements nested {depth} levels deep; tags below level {} were ignored and their text kept",
                                vigie_text::html::MAX_NESTING_DEPTH
                            ),
                        ));
                    }
                    meta.title = article.title;
                    if let Some(d) = article.published {
                        meta.published = Some(d);
                        meta.published_source = PublishedSource::Metadata;
                    }
                    article.text
                }
                _ => decoded.text,
            };
            meta.id = name.unwrap_or_else(|| format!("doc-{}", hash_hex(text.as_bytes())));
            Ok((meta, text, diags))
        }
        WorkItem::JsonLine { origin, bytes } => match serde_json::from_slice::<Value>(&bytes) {
            Ok(value) => json_doc(origin, value, diags),
            Err(e) => Err(DocOutcome::Failed {
                origin,
                reason: format!("malformed JSON: {e}"),
            }),
        },
        WorkItem::JsonValue { origin, value } => json_doc(origin, value, diags),
    }
}

fn json_doc(
    origin: String,
    value: Value,
    diags: Vec<Diagnostic>,
) -> Result<(DocMeta, String, Vec<Diagnostic>), DocOutcome> {
    let Value::Object(mut obj) = value else {
        return Err(DocOutcome::Failed {
            origin,
            reason: "JSON value is not an object with a `text` field".into(),
        });
    };
    let text = match obj.remove("text") {
        Some(Value::String(s)) => s,
        Some(Value::Null) | None => {
            return Err(DocOutcome::Failed {
                origin,
                reason: "JSON object without `text`".into(),
            });
        }
        Some(_) => {
            return Err(DocOutcome::Failed {
                origin,
                reason: "JSON `text` is not a string".into(),
            });
        }
    };
    let string = |v: Option<&Value>| match v {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let mut meta = DocMeta {
        origin,
        ..DocMeta::default()
    };
    meta.id = string(obj.get("id")).unwrap_or_else(|| format!("doc-{}", hash_hex(text.as_bytes())));
    meta.title = string(obj.get("title"));
    meta.url = string(obj.get("url"));
    if let Some(p) = string(obj.get("published"))
        .as_deref()
        .and_then(vigie_text::html::parse_date)
    {
        meta.published = Some(p);
        meta.published_source = PublishedSource::Metadata;
    }
    meta.lang = string(obj.get("lang")).map(|l| Lang::new(l.to_ascii_lowercase()));
    Ok((meta, text, diags))
}

/// Prepares and extracts one document; `Err` when its work budget ran out
/// (checked before each extraction and after it).
fn process_text(
    engine: &Engine,
    mut meta: DocMeta,
    mut text: String,
    diags: &mut Vec<Diagnostic>,
    work: &mut Work,
) -> Result<DocOutcome, DocOutcome> {
    let cfg = &engine.config;
    if text.len() > cfg.max_doc_bytes {
        if cfg.strict {
            return Ok(DocOutcome::Skipped {
                origin: meta.origin,
                reason: too_large(text.len() as u64, cfg.max_doc_bytes),
            });
        }
        let cut = truncation_point(&text, cfg.max_doc_bytes);
        diags.push(Diagnostic::warning(
            "limits.truncated",
            format!(
                "truncated from {} to {} bytes at a sentence boundary (--max-doc-bytes {})",
                text.len(),
                cut,
                cfg.max_doc_bytes
            ),
        ));
        text.truncate(cut);
    }
    if meta.published.is_none()
        && let Some(d) = cfg.published
    {
        meta.published = Some(d);
        meta.published_source = PublishedSource::CommandLine;
    }
    if let Some(l) = &cfg.lang {
        meta.lang = Some(l.clone());
    }
    let sections = section_bounds(&text, cfg.section_bytes);
    let mut doc = engine.preparer.prepare(meta, text);
    let mut parse = vigie_core::ParseCounts::default();
    let mut extraction = if sections.len() > 1 {
        diags.push(Diagnostic::info(
            "limits.sections",
            format!(
                "document of {} bytes extracted in {} sections of at most {} bytes; dates, places and actors are not carried across sections",
                doc.text.len(),
                sections.len(),
                cfg.section_bytes
            ),
        ));
        extract_sections(engine, &doc, &sections, &mut parse, work)?
    } else {
        work.add(doc.tokens.tokens.len());
        work.check(&doc.meta.origin)?;
        let ex = engine.extract(&doc);
        work.add(ex.parse.words + ex.events.len() + ex.figures.len());
        work.check(&doc.meta.origin)?;
        parse = ex.parse;
        ex
    };
    if doc.meta.published.is_none()
        && let Some(d) = extraction.inferred_published
    {
        doc.meta.published = Some(d);
        doc.meta.published_source = PublishedSource::Inferred;
    }
    for e in &mut extraction.events {
        if e.doc.is_empty() {
            e.doc = doc.meta.id.clone();
        }
    }
    for f in &mut extraction.figures {
        if f.doc.is_empty() {
            f.doc = doc.meta.id.clone();
        }
    }
    diags.append(&mut doc.diagnostics);
    diags.append(&mut extraction.diagnostics);
    let content_hash = hash_hex(doc.norm.text.as_bytes());
    Ok(DocOutcome::Processed(Box::new(ProcessedDoc {
        lang: doc.lang,
        meta: doc.meta,
        norm_text: doc.norm.text,
        text: doc.text,
        content_hash,
        events: extraction.events,
        figures: extraction.figures,
        diagnostics: std::mem::take(diags),
        parse,
    })))
}

/// Why a document over the limit is skipped under `--strict`.
fn too_large(size: u64, limit: usize) -> String {
    format!(
        "document of {size} bytes exceeds --max-doc-bytes {limit} (--strict); raise the limit to process it"
    )
}

/// Byte ranges of `text` of at most `limit` bytes each (unless one sentence
/// is longer), cut at sentence or paragraph ends.
fn section_bounds(text: &str, limit: usize) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    while text.len() - start > limit.max(1) {
        let cut = start + truncation_point(&text[start..], limit.max(1)).max(1);
        // `truncation_point` returns a char boundary; a 1-byte step past a
        // multi-byte char would not be one.
        let cut = (cut..=text.len())
            .find(|&c| text.is_char_boundary(c))
            .unwrap_or(text.len());
        out.push(start..cut);
        start = cut;
    }
    out.push(start..text.len());
    out
}

/// Extraction of a long document section by section (see
/// [`crate::Config::section_bytes`]): each section is prepared and extracted
/// as its own document in the whole document's language, with the whole
/// document's publication date (the first section's inferred date if it had
/// none), and its evidence offsets moved back into the whole text.
fn extract_sections(
    engine: &Engine,
    doc: &vigie_core::Doc,
    sections: &[std::ops::Range<usize>],
    parse: &mut vigie_core::ParseCounts,
    work: &mut Work,
) -> Result<Extraction, DocOutcome> {
    let mut out = Extraction::default();
    let mut meta = doc.meta.clone();
    meta.lang = Some(doc.lang.clone());
    for range in sections {
        let Some(part) = doc.text.get(range.clone()) else {
            continue;
        };
        let section = engine.preparer.prepare(meta.clone(), part.to_string());
        work.add(section.tokens.tokens.len());
        work.check(&doc.meta.origin)?;
        let mut ex = engine.extract(&section);
        work.add(ex.parse.words + ex.events.len() + ex.figures.len());
        work.check(&doc.meta.origin)?;
        parse.add(&ex.parse);
        if meta.published.is_none()
            && let Some(d) = ex.inferred_published
        {
            meta.published = Some(d);
            meta.published_source = vigie_core::PublishedSource::Inferred;
            out.inferred_published = Some(d);
        }
        for e in &mut ex.events {
            e.evidence.start += range.start;
            e.evidence.end += range.start;
            if range.start > 0 {
                let key = format!("{}@{}", e.id, range.start);
                e.id = format!("ev-{}", hash_hex(key.as_bytes()));
            }
        }
        for f in &mut ex.figures {
            f.evidence.start += range.start;
            f.evidence.end += range.start;
        }
        out.events.append(&mut ex.events);
        out.figures.append(&mut ex.figures);
        // the same remark from every section is said once
        for d in ex.diagnostics {
            if !out.diagnostics.contains(&d) {
                out.diagnostics.push(d);
            }
        }
    }
    Ok(out)
}

/// The last sentence or paragraph end at or before `limit` bytes (a char
/// boundary in any case).
fn truncation_point(text: &str, limit: usize) -> usize {
    let mut end = limit.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    let candidates = [
        head.rfind("\n"),
        head.rfind(". "),
        head.rfind("! "),
        head.rfind("? "),
    ];
    match candidates.into_iter().flatten().max() {
        // Only when it keeps most of the allowed size.
        Some(p) if p >= end / 2 => p + 1,
        _ => end,
    }
}

/// 64-bit content hash as 16 hex digits.
pub fn hash_hex(bytes: &[u8]) -> String {
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_cover_the_text_at_sentence_ends() {
        let t = "Une phrase courte. ".repeat(100) + "Fin é.";
        let parts = section_bounds(&t, 200);
        assert!(parts.len() > 5);
        assert_eq!(parts[0].start, 0);
        assert_eq!(parts.last().map(|r| r.end), Some(t.len()));
        for w in parts.windows(2) {
            assert_eq!(w[0].end, w[1].start);
        }
        for r in &parts[..parts.len() - 1] {
            assert!(r.len() <= 200 && t[..r.end].ends_with('.'), "{r:?}");
        }
        assert_eq!(section_bounds("court", 200), vec![0..5]);
        // no sentence end at all: cut at the limit, on a char boundary
        let e = "é".repeat(500);
        let parts = section_bounds(&e, 201);
        assert!(
            parts
                .iter()
                .all(|r| e.is_char_boundary(r.start) && r.len() <= 202)
        );
    }

    #[test]
    fn truncation_prefers_sentence_end() {
        let t = "Une phrase. Une autre phrase qui est longue.";
        // The last sentence end is kept when it keeps at least half the limit…
        let p = truncation_point(t, 20);
        assert_eq!(&t[..p], "Une phrase.");
        // …otherwise the cut is at the limit itself.
        assert_eq!(truncation_point(t, 30), 30);
        assert_eq!(truncation_point("ééééé", 3), 2);
    }
}
