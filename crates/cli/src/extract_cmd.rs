//! `vigie extract`: run the pipeline on articles and print event records.

use std::fs::File;
use std::io::{BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use vigie_core::{Date, Lang};
use vigie_pipeline::{Config, DocOutcome, Engine, RunSummary};

/// Options shared by every command that runs the pipeline on inputs.
#[derive(clap::Args, Debug, Clone)]
pub struct InputArgs {
    /// Files or directories (read recursively, in sorted order; hidden
    /// entries, symbolic links and special files inside directories are
    /// skipped); `-` reads stdin, and a FIFO or `<(command)` named here is
    /// read like stdin. Reads .txt, .html/.htm, .jsonl/.ndjson (one
    /// {"id","text","title","url","published","lang"} object per line; only
    /// "text" is required) and .json (one such object or an array).
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Publication date (YYYY-MM-DD) for documents whose metadata has none.
    /// Undated documents otherwise get one from their own text when it allows.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub published: Option<Date>,

    /// Language of every document (fr, en, …) instead of detecting it.
    #[arg(long, value_name = "LANG")]
    pub lang: Option<String>,

    /// Directory whose files replace the bundled resources of the same
    /// relative path (lexicons, actors, gazetteer, ontology).
    #[arg(long, value_name = "DIR", env = "VIGIE_RESOURCES")]
    pub resources: Option<PathBuf>,

    /// Worker threads (default: one per core; at most 256).
    #[arg(long, short = 'j', value_name = "N", default_value_t = 0, value_parser = parse_threads)]
    pub threads: usize,

    /// Follow symbolic links inside input directories (a link back to a
    /// parent is reported and not followed; every file is read once). By
    /// default such links are skipped with a note in the summary.
    #[arg(long, short = 'L')]
    pub follow: bool,

    /// Larger documents are truncated at a sentence boundary with a warning
    /// (or skipped with --strict). Also the longest JSON Lines line read.
    #[arg(long, value_name = "BYTES", default_value_t = 10 * 1024 * 1024)]
    pub max_doc_bytes: usize,

    /// Work units one document may spend (HTML tags and attributes, tokens,
    /// parsed words, records; counted, never timed): past it the document
    /// fails with that reason and the run goes on.
    #[arg(long, value_name = "UNITS", default_value_t = vigie_pipeline::DEFAULT_MAX_DOC_WORK)]
    pub max_doc_work: u64,

    /// Skip documents that exceed a limit instead of truncating them.
    #[arg(long)]
    pub strict: bool,

    /// Write the run summary as JSON to this file too.
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,

    /// No progress bar and no summary on stderr (failures are still listed).
    #[arg(long, short = 'q')]
    pub quiet: bool,

    /// Do not tag and parse sentences: faster, but extraction then reads
    /// only the order of the words (less accurate). By default the
    /// sentences that can carry an event, a claim or a toll are parsed with
    /// the models under resources/models/.
    #[arg(long)]
    pub no_parse: bool,
}

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    pub input: InputArgs,

    /// Write events (JSON Lines) here instead of stdout.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub out: Option<PathBuf>,

    /// Write figures (cumulative tolls, JSON Lines) to this file.
    #[arg(long, value_name = "FILE")]
    pub figures: Option<PathBuf>,

    /// Instead of records, print for each document what every stage saw:
    /// metadata, sentences, the extraction trace with the rule ids that
    /// fired, events, figures and diagnostics. For replaying one failing
    /// document when reporting a problem.
    #[arg(long)]
    pub explain: bool,
}

fn parse_threads(s: &str) -> Result<usize, String> {
    let n: usize = s
        .parse()
        .map_err(|e| format!("expected a number of threads: {e}"))?;
    if n > vigie_pipeline::MAX_THREADS {
        return Err(format!(
            "at most {} worker threads (0 means one per core)",
            vigie_pipeline::MAX_THREADS
        ));
    }
    Ok(n)
}

pub fn parse_date(s: &str) -> Result<Date, String> {
    s.parse::<Date>()
        .map_err(|e| format!("expected a date as YYYY-MM-DD: {e}"))
}

impl InputArgs {
    pub fn config(&self) -> anyhow::Result<Config> {
        let resources = match &self.resources {
            Some(dir) => vigie_resources::Resources::with_overrides(dir)?,
            None => vigie_resources::Resources::embedded(),
        };
        Ok(Config {
            resources,
            threads: self.threads,
            published: self.published,
            lang: self
                .lang
                .as_ref()
                .map(|l| Lang::new(l.to_ascii_lowercase())),
            max_doc_bytes: self.max_doc_bytes,
            strict: self.strict,
            parse: !self.no_parse,
            follow: self.follow,
            max_doc_work: self.max_doc_work,
            ..Config::default()
        })
    }

    /// Loads the engine and runs it, with a progress bar on a terminal, then
    /// prints the summary and writes the report.
    pub fn run(
        &self,
        sink: &mut dyn FnMut(DocOutcome) -> std::io::Result<()>,
    ) -> anyhow::Result<RunSummary> {
        let engine = self.engine()?;
        let summary = self.run_with(&engine, sink);
        // The process ends after a run: freeing the gazetteer's hundreds of
        // thousands of names one by one would only delay the exit.
        std::mem::forget(engine);
        summary
    }

    pub fn engine(&self) -> anyhow::Result<Engine> {
        crate::engine::load(&self.config()?)
    }

    /// [`InputArgs::run`] with an engine already loaded.
    pub fn run_with(
        &self,
        engine: &Engine,
        sink: &mut dyn FnMut(DocOutcome) -> std::io::Result<()>,
    ) -> anyhow::Result<RunSummary> {
        let bar = progress_bar(&self.paths, self.follow, self.quiet);
        let summary = vigie_pipeline::run_with_progress(engine, &self.paths, sink, &mut |p| {
            if let Some(bar) = &bar {
                bar.set_position(p.bytes);
                bar.set_message(format!("{} documents", p.documents));
            }
        });
        if let Some(bar) = &bar {
            bar.finish_and_clear();
        }
        let summary = summary.context("writing output")?;
        let mut err = std::io::stderr().lock();
        if self.quiet {
            summary.print_quiet(&mut err)?;
        } else {
            summary.print(&mut err)?;
        }
        if let Some(path) = &self.report {
            let f = File::create(path)
                .with_context(|| format!("creating report {}", path.display()))?;
            serde_json::to_writer_pretty(BufWriter::new(f), &summary)
                .with_context(|| format!("writing report {}", path.display()))?;
        }
        Ok(summary)
    }
}

/// A bar over input bytes, only on a terminal and only for runs that are
/// worth it (many or large files).
/// The total is measured by the same walk as the run's (same links
/// followed or not, special files never opened), stopped after a million
/// files.
fn progress_bar(paths: &[PathBuf], follow: bool, quiet: bool) -> Option<indicatif::ProgressBar> {
    if quiet || !std::io::stderr().is_terminal() {
        return None;
    }
    let mut total = 0u64;
    let mut files = 0usize;
    for found in vigie_pipeline::input::walk(paths, follow).flatten() {
        if let Ok(m) = std::fs::metadata(&found.path)
            && m.is_file()
        {
            total += m.len();
        }
        files += 1;
        if files > 1_000_000 {
            break;
        }
    }
    if total < 8 << 20 && files < 500 {
        return None;
    }
    let bar = indicatif::ProgressBar::with_draw_target(
        Some(total),
        indicatif::ProgressDrawTarget::stderr(),
    );
    let style = indicatif::ProgressStyle::with_template("{spinner} [{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} ({bytes_per_sec}, {eta}) {msg}")
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
    bar.set_style(style);
    Some(bar)
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let mut out: Box<dyn Write> = match &args.out {
        Some(p) => Box::new(BufWriter::new(
            File::create(p).with_context(|| format!("creating {}", p.display()))?,
        )),
        None => Box::new(BufWriter::new(std::io::stdout().lock())),
    };
    let mut figures: Option<BufWriter<File>> = match &args.figures {
        Some(p) => Some(BufWriter::new(
            File::create(p).with_context(|| format!("creating {}", p.display()))?,
        )),
        None => None,
    };
    if args.explain {
        let engine = args.input.engine()?;
        let summary = args.input.run_with(&engine, &mut |outcome| {
            crate::explain::write(&engine, outcome, &mut out)
        })?;
        out.flush()?;
        return Ok(ExitCode::from(summary.exit_code()));
    }
    let summary = args.input.run(&mut |outcome| {
        if let DocOutcome::Processed(doc) = outcome {
            for e in &doc.events {
                serde_json::to_writer(&mut out, e)?;
                out.write_all(b"\n")?;
            }
            if let Some(f) = figures.as_mut() {
                for fig in &doc.figures {
                    serde_json::to_writer(&mut *f, fig)?;
                    f.write_all(b"\n")?;
                }
            }
        }
        Ok(())
    })?;
    out.flush()?;
    if let Some(mut f) = figures {
        f.flush()?;
    }
    Ok(ExitCode::from(summary.exit_code()))
}
