//! The run summary: every input document, accounted for.

use serde::Serialize;

use crate::DocOutcome;

/// One document that was not processed, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entry {
    pub origin: String,
    pub reason: String,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct RunSummary {
    pub processed: usize,
    pub skipped: Vec<Entry>,
    pub failed: Vec<Entry>,
    /// Processed documents that carry warnings (truncated, decoded by guess…).
    pub warnings: Vec<Entry>,
    pub events: usize,
    pub figures: usize,
    pub bytes: u64,
    pub elapsed_ms: u64,
    pub threads: usize,
    /// Sentences, those selected for parsing and those parsed.
    pub parse: vigie_core::ParseCounts,
    /// The run parsed (`--parse`): the summary says how much.
    pub parsing: bool,
}

impl RunSummary {
    pub fn record(&mut self, outcome: &DocOutcome) {
        match outcome {
            DocOutcome::Processed(d) => {
                self.processed += 1;
                self.events += d.events.len();
                self.figures += d.figures.len();
                self.bytes += d.text.len() as u64;
                self.parse.add(&d.parse);
                for w in d
                    .diagnostics
                    .iter()
                    .filter(|d| d.severity == vigie_core::Severity::Warning)
                {
                    self.warnings.push(Entry {
                        origin: d.meta.origin.clone(),
                        reason: w.message.clone(),
                    });
                }
            }
            DocOutcome::Skipped { origin, reason } => self.skipped.push(Entry {
                origin: origin.clone(),
                reason: reason.clone(),
            }),
            DocOutcome::Failed { origin, reason } => self.failed.push(Entry {
                origin: origin.clone(),
                reason: reason.clone(),
            }),
        }
    }

    /// Documents seen in all.
    pub fn total(&self) -> usize {
        self.processed + self.skipped.len() + self.failed.len()
    }

    /// 0 when every input was processed or skipped for a stated reason, 1
    /// when some failed.
    pub fn exit_code(&self) -> u8 {
        if self.failed.is_empty() { 0 } else { 1 }
    }

    /// The human-readable summary written to stderr at the end of a run.
    pub fn print(&self, w: &mut dyn std::io::Write) -> std::io::Result<()> {
        let secs = self.elapsed_ms as f64 / 1000.0;
        writeln!(
            w,
            "vigie: {} document{} processed, {} skipped, {} failed; {} event{}, {} figure{} ({:.2} s, {} thread{})",
            self.processed,
            plural(self.processed),
            self.skipped.len(),
            self.failed.len(),
            self.events,
            plural(self.events),
            self.figures,
            plural(self.figures),
            secs,
            self.threads,
            plural(self.threads),
        )?;
        let p = &self.parse;
        if self.parsing {
            writeln!(
                w,
                "vigie: parsed {} of {} sentences ({:.0}% selected), {} words{}",
                p.parsed,
                p.sentences,
                percent(p.selected, p.sentences),
                p.words,
                if p.fell_back > 0 {
                    format!(", {} over the length cap (flat trees)", p.fell_back)
                } else {
                    String::new()
                }
            )?;
        }
        for e in &self.skipped {
            writeln!(w, "  skipped  {}: {}", e.origin, e.reason)?;
        }
        for e in &self.failed {
            writeln!(w, "  failed   {}: {}", e.origin, e.reason)?;
        }
        for e in &self.warnings {
            writeln!(w, "  warning  {}: {}", e.origin, e.reason)?;
        }
        Ok(())
    }
}

fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        100.0 * part as f64 / whole as f64
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
