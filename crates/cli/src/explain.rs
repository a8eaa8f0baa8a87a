//! `vigie extract --explain`: a readable account of what each stage saw in a
//! document, with the rule ids that fired, for replaying and reporting.

use std::io::Write;

use vigie_core::PublishedSource;
use vigie_pipeline::summary::terminal_safe as safe;
use vigie_pipeline::{DocOutcome, Engine};

/// Ids, origins and reasons come from file names and documents: their
/// control characters are escaped, as in the summary.
pub fn write(engine: &Engine, outcome: DocOutcome, out: &mut dyn Write) -> std::io::Result<()> {
    let processed = match outcome {
        DocOutcome::Processed(d) => d,
        DocOutcome::Skipped { origin, reason } => {
            return writeln!(out, "== {}\n   skipped: {}\n", safe(&origin), safe(&reason));
        }
        DocOutcome::Failed { origin, reason } => {
            return writeln!(out, "== {}\n   failed: {}\n", safe(&origin), safe(&reason));
        }
    };
    let meta = &processed.meta;
    writeln!(out, "== {} ({})", safe(&meta.id), safe(&meta.origin))?;
    let published = match (meta.published, meta.published_source) {
        (Some(d), PublishedSource::Inferred) => format!("{d} (inferred from the text)"),
        (Some(d), PublishedSource::CommandLine) => format!("{d} (--published)"),
        (Some(d), _) => format!("{d} (metadata)"),
        (None, _) => "unknown".to_string(),
    };
    writeln!(
        out,
        "   language {}   published {}   content hash {}",
        processed.lang, published, processed.content_hash
    )?;
    if let Some(t) = &meta.title {
        writeln!(out, "   title {t:?}")?;
    }
    // Re-run the text stages and the extractor to get their full account.
    let mut doc_meta = meta.clone();
    doc_meta.lang = Some(processed.lang.clone());
    let doc = engine.prepare(doc_meta, processed.text.clone());
    writeln!(
        out,
        "-- normalize: {} edits; sentences: {}",
        doc.norm.edit_count(),
        doc.sentences.len()
    )?;
    for (i, s) in doc.sentences.iter().enumerate() {
        let mark = if s.headline { " (headline)" } else { "" };
        writeln!(
            out,
            "   s{i:<3} [{}..{}]{mark} {}",
            s.span.start,
            s.span.end,
            doc.original(s.span)
        )?;
    }
    if let Some(x) = engine.extractor() {
        let extraction = x.explain(&doc);
        writeln!(
            out,
            "-- extraction trace ({} steps)",
            extraction.trace.len()
        )?;
        for t in &extraction.trace {
            writeln!(
                out,
                "   {:<9} [{}..{}] {:?}  {}  {}",
                t.stage, t.start, t.end, t.text, t.rule, t.note
            )?;
        }
    }
    writeln!(out, "-- events ({})", processed.events.len())?;
    for e in &processed.events {
        writeln!(out, "   {}", serde_json::to_string(e).unwrap_or_default())?;
    }
    writeln!(out, "-- figures ({})", processed.figures.len())?;
    for f in &processed.figures {
        writeln!(out, "   {}", serde_json::to_string(f).unwrap_or_default())?;
    }
    if !processed.diagnostics.is_empty() {
        writeln!(out, "-- diagnostics")?;
        for d in &processed.diagnostics {
            writeln!(out, "   {:?} {}: {}", d.severity, d.code, d.message)?;
        }
    }
    writeln!(out)
}
