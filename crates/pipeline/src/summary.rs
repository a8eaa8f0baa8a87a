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
    /// Work units spent, all documents together (see
    /// [`crate::Config::max_doc_work`]).
    pub work: u64,
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
        self.print_counts(w)?;
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
        print_entries(w, "skipped ", &self.skipped)?;
        print_entries(w, "failed  ", &self.failed)?;
        print_entries(w, "warning ", &self.warnings)
    }

    /// What `--quiet` prints: nothing when every input was processed or
    /// skipped for a stated reason, else the counts and the failures.
    pub fn print_quiet(&self, w: &mut dyn std::io::Write) -> std::io::Result<()> {
        if self.failed.is_empty() {
            return Ok(());
        }
        self.print_counts(w)?;
        print_entries(w, "failed  ", &self.failed)
    }

    fn print_counts(&self, w: &mut dyn std::io::Write) -> std::io::Result<()> {
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
        )
    }
}

/// One line per entry; names and reasons come from file names and
/// documents, so their control characters are escaped (a file name cannot
/// forge a summary line or send a terminal escape).
fn print_entries(
    w: &mut dyn std::io::Write,
    label: &str,
    entries: &[Entry],
) -> std::io::Result<()> {
    for e in entries {
        writeln!(
            w,
            "  {label} {}: {}",
            terminal_safe(&e.origin),
            terminal_safe(&e.reason)
        )?;
    }
    Ok(())
}

/// `s` with every control character (C0 including line breaks, DEL, C1)
/// and every bidirectional-text control escaped as Rust writes it
/// (`\n`, `\u{1b}`, `\u{202e}`), for printing text that comes from
/// inputs (file names, document ids) on a terminal.
pub fn terminal_safe(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(needs_escape) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if needs_escape(c) {
            out.extend(c.escape_debug());
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_safe_escapes_controls_only() {
        assert_eq!(terminal_safe("a/é b.txt"), "a/é b.txt");
        assert_eq!(
            terminal_safe("x\n  failed   y\u{1b}[31m\r\u{202e}z\u{85}"),
            "x\\n  failed   y\\u{1b}[31m\\r\\u{202e}z\\u{85}"
        );
    }
}
