//! `vigie ingest`, `events`, `figures`, `docs`, `db`: the store commands.
//! `ingest` opens the store for writing; every other command opens it
//! read-only and never migrates it.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use vigie_core::Date;
use vigie_pipeline::DocOutcome;
use vigie_store::export::{self, Format};
use vigie_store::{BatchStats, DocFilter, EventFilter, FigureFilter, IngestOptions, Store};

use crate::extract_cmd::{InputArgs, parse_date};

/// Where the store lives.
#[derive(clap::Args, Debug, Clone)]
pub struct DbArg {
    /// The SQLite store (created by `vigie ingest` when missing).
    #[arg(
        long,
        value_name = "FILE",
        env = "VIGIE_DB",
        default_value = "vigie.db"
    )]
    pub db: PathBuf,
}

impl DbArg {
    /// Opens an existing store for reading only.
    fn open_existing(&self) -> anyhow::Result<Store> {
        if !self.db.exists() {
            anyhow::bail!(
                "no store at {} (run `vigie ingest PATHS --db {}` first)",
                self.db.display(),
                self.db.display()
            );
        }
        Store::open_read_only(&self.db).with_context(|| format!("opening {}", self.db.display()))
    }
}

#[derive(clap::Args, Debug)]
pub struct IngestArgs {
    #[command(flatten)]
    pub input: InputArgs,

    #[command(flatten)]
    pub db: DbArg,

    /// Documents per transaction: a crash loses at most one batch, and a
    /// rerun completes it.
    #[arg(long, value_name = "N", default_value_t = 500)]
    pub batch: usize,

    /// Re-extract the given documents that are stored already but were
    /// extracted by another vigie version or with other resources
    /// (`--resources`), and replace their events (their clusters follow).
    /// Without it they are left as they are and a notice says how many
    /// there are. A document whose text, published date, language or title
    /// changed is always re-extracted.
    #[arg(long)]
    pub reprocess: bool,
}

/// What the store records as the engine that extracted a document: vigie's
/// version, and whether sentences were parsed (`--no-parse` finds other
/// events).
fn engine_version(input: &InputArgs) -> String {
    let version = env!("CARGO_PKG_VERSION");
    if input.no_parse {
        format!("{version}+no-parse")
    } else {
        version.to_string()
    }
}

fn parse_bbox(s: &str) -> Result<[f64; 4], String> {
    let v: Vec<f64> = s
        .split(',')
        .map(|p| p.trim().parse::<f64>())
        .collect::<Result<_, _>>()
        .map_err(|e| format!("expected W,S,E,N in degrees: {e}"))?;
    match v.as_slice() {
        [w, s, e, n] if w <= e && s <= n => Ok([*w, *s, *e, *n]),
        _ => Err("expected four numbers W,S,E,N with W <= E and S <= N".into()),
    }
}

fn parse_format(s: &str) -> Result<Format, String> {
    s.parse()
}

/// Where query output goes.
#[derive(clap::Args, Debug, Clone)]
pub struct OutArg {
    /// Write here instead of stdout.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub out: Option<PathBuf>,
}

/// How CSV text cells are written (`events`, `figures`).
#[derive(clap::Args, Debug, Clone)]
pub struct CsvArg {
    /// CSV text cells exactly as stored. By default a text cell that a
    /// spreadsheet would run as a formula (it begins with =, +, -, @, a tab
    /// or a carriage return) gets a leading ' and control characters are
    /// removed; numbers are never changed.
    #[arg(long)]
    pub raw_csv: bool,
}

impl CsvArg {
    fn cells(&self) -> export::CsvCells {
        if self.raw_csv {
            export::CsvCells::Raw
        } else {
            export::CsvCells::Safe
        }
    }
}

impl OutArg {
    fn writer(&self) -> anyhow::Result<Box<dyn Write>> {
        Ok(match &self.out {
            Some(p) => Box::new(BufWriter::new(
                File::create(p).with_context(|| format!("creating {}", p.display()))?,
            )),
            None => Box::new(BufWriter::new(std::io::stdout().lock())),
        })
    }
}

#[derive(clap::Args, Debug)]
pub struct EventsArgs {
    #[command(flatten)]
    pub db: DbArg,

    /// Events on or after this day (YYYY-MM-DD; date intervals that reach it).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub from: Option<Date>,

    /// Events on or before this day.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub to: Option<Date>,

    /// Country, ISO 3166-1 alpha-2 (IQ, SY, …).
    #[arg(long, value_name = "ISO2")]
    pub country: Option<String>,

    /// Actor name or part of it (actor1 or actor2, any case).
    #[arg(long, value_name = "NAME")]
    pub actor: Option<String>,

    /// ACLED sub-event type ("Air/drone strike") or event type.
    #[arg(long = "type", value_name = "SUBTYPE")]
    pub event_type: Option<String>,

    /// Bounding box W,S,E,N in degrees.
    #[arg(long, value_name = "W,S,E,N", value_parser = parse_bbox, allow_hyphen_values = true)]
    pub bbox: Option<[f64; 4]>,

    /// Only events that rest on the perpetrator's own claim (true) or not (false).
    #[arg(long, value_name = "BOOL")]
    pub claimed: Option<bool>,

    /// jsonl (event records with sources), csv, acled (ACLED's 31 columns),
    /// geojson (FeatureCollection) or plover (PLOVER JSON).
    #[arg(long, value_name = "FORMAT", default_value = "jsonl", value_parser = parse_format)]
    pub format: Format,

    /// At most this many events.
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,

    #[command(flatten)]
    pub csv: CsvArg,

    #[command(flatten)]
    pub out: OutArg,
}

#[derive(clap::Args, Debug)]
pub struct FiguresArgs {
    #[command(flatten)]
    pub db: DbArg,

    /// Figures as of this day or later.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub from: Option<Date>,

    /// Figures as of this day or earlier.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub to: Option<Date>,

    /// Subject or part of it ("Palestinians").
    #[arg(long, value_name = "TEXT")]
    pub subject: Option<String>,

    /// killed, injured (or wounded), missing, displaced, detained or attacks.
    #[arg(long, value_name = "WHAT", value_parser = parse_what)]
    pub what: Option<String>,

    /// Source or part of it ("Ministry of Health").
    #[arg(long, value_name = "TEXT")]
    pub source: Option<String>,

    /// jsonl or csv (one row per figure, series ordered by subject, source, what, date).
    #[arg(long, value_name = "FORMAT", default_value = "jsonl", value_parser = ["jsonl", "csv"])]
    pub format: String,

    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,

    #[command(flatten)]
    pub csv: CsvArg,

    #[command(flatten)]
    pub out: OutArg,
}

#[derive(clap::Args, Debug)]
pub struct DocsArgs {
    #[command(flatten)]
    pub db: DbArg,

    /// Only this document id.
    #[arg(long, value_name = "ID")]
    pub id: Option<String>,

    /// Only documents linked to another (exact, near duplicate, partial republication).
    #[arg(long)]
    pub linked: bool,

    /// List the inputs that runs skipped or failed on instead of documents.
    #[arg(long)]
    pub issues: bool,

    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,

    #[command(flatten)]
    pub out: OutArg,
}

pub fn run_ingest(a: IngestArgs) -> anyhow::Result<ExitCode> {
    let mut store =
        Store::open(&a.db.db).with_context(|| format!("opening {}", a.db.db.display()))?;
    let inputs: Vec<String> = a
        .input
        .paths
        .iter()
        .map(|p| p.display().to_string())
        .collect();
    let (run, abandoned) = store
        .begin_run(&inputs)
        .with_context(|| format!("starting a run in {}", a.db.db.display()))?;
    if abandoned > 0 && !a.input.quiet {
        eprintln!(
            "vigie: marked {abandoned} earlier run{} abandoned (left running by a process that \
             ended without finishing; rerunning its inputs completes the store)",
            plural(abandoned)
        );
    }
    let batch_size = a.batch.max(1);
    let options = IngestOptions {
        engine: engine_version(&a.input),
        resources: a.input.config()?.resources.fingerprint(),
        reprocess: a.reprocess,
    };
    let current = options.clone();

    // The store writes on its own thread while the pipeline processes the
    // next documents: ingest then costs little more than extract.
    let (tx, rx) = std::sync::mpsc::sync_channel::<DocOutcome>(batch_size * 2);
    let writer = std::thread::Builder::new()
        .name("vigie-store".into())
        .spawn(move || -> anyhow::Result<(Store, BatchStats)> {
            let mut stats = BatchStats::default();
            let mut pending: Vec<DocOutcome> = Vec::with_capacity(batch_size);
            let write_all = |store: &mut Store| -> anyhow::Result<()> {
                for outcome in rx {
                    pending.push(outcome);
                    if pending.len() >= batch_size {
                        stats.add(&write_batch(store, run, &options, &mut pending)?);
                    }
                }
                stats.add(&write_batch(store, run, &options, &mut pending)?);
                Ok(())
            };
            if let Err(e) = write_all(&mut store) {
                // Recorded when the store still takes a write (else the
                // next writer marks the run abandoned).
                let _ = store.finish_run(
                    run,
                    "failed",
                    &serde_json::json!({"error": format!("{e:#}")}),
                );
                return Err(e);
            }
            Ok((store, stats))
        })?;

    fn write_batch(
        store: &mut Store,
        run: i64,
        options: &IngestOptions,
        pending: &mut Vec<DocOutcome>,
    ) -> anyhow::Result<BatchStats> {
        let mut batch = store.batch_with(run, options.clone())?;
        for outcome in pending.drain(..) {
            match outcome {
                DocOutcome::Processed(doc) => {
                    batch
                        .add_doc(&doc)
                        .with_context(|| format!("storing {}", doc.meta.origin))?;
                }
                DocOutcome::Skipped { origin, reason } => {
                    batch.add_issue(&origin, "skipped", &reason)?
                }
                DocOutcome::Failed { origin, reason } => {
                    batch.add_issue(&origin, "failed", &reason)?
                }
            }
        }
        Ok(batch.commit()?)
    }

    let result = a.input.run(&mut |outcome| {
        tx.send(outcome)
            .map_err(|_| std::io::Error::other("the store writer stopped"))
    });
    drop(tx);
    let written = writer
        .join()
        .map_err(|_| anyhow::anyhow!("the store writer panicked"))?;
    let (mut store, stats) = match written {
        Ok(w) => w,
        Err(e) => {
            // Batches committed so far stay; the run is marked failed. The
            // store's error says
            // what is wrong; a damaged file is not to be written again.
            let damaged = e
                .chain()
                .filter_map(|c| c.downcast_ref::<vigie_store::Error>())
                .any(|e| e.problem() == Some(vigie_store::Problem::Damaged));
            let next = if damaged {
                "do not write to it again before `vigie db check` passes"
            } else {
                "fix the cause and rerun the same command to complete the store"
            };
            return Err(e.context(format!(
                "writing to {} failed; the batches stored before are kept: {next}",
                a.db.db.display()
            )));
        }
    };
    let summary = match result {
        Ok(summary) => summary,
        Err(e) => {
            let _ = store.finish_run(
                run,
                "failed",
                &serde_json::json!({"error": format!("{e:#}")}),
            );
            return Err(e);
        }
    };
    let counts = store.counts()?;
    let stale = store.stale_documents(&current.engine, &current.resources)?;
    store.finish_run(
        run,
        "done",
        &serde_json::json!({"pipeline": summary, "stored": stats, "store": counts, "stale": stale}),
    )?;
    if !a.input.quiet {
        eprintln!(
            "vigie: stored {} new document{} ({} unchanged, {} replaced, {} re-processed), {} event{} \
             ({} new cluster{}, {} joined, {} changed, {} removed), {} figure{}, {} duplicate link{}",
            stats.added,
            plural(stats.added),
            stats.unchanged,
            stats.replaced,
            stats.reprocessed,
            stats.events,
            plural(stats.events),
            stats.new_clusters,
            plural(stats.new_clusters),
            stats.joined_clusters,
            stats.changed_clusters,
            stats.removed_clusters,
            stats.figures,
            plural(stats.figures),
            stats.links,
            plural(stats.links),
        );
        eprintln!(
            "vigie: {} now holds {}",
            a.db.db.display(),
            holdings(&counts)
        );
    }
    if stale > 0 {
        // Opt-in: re-extracting a large store is a long job.
        eprintln!(
            "vigie: {stale} document{} in {} {} extracted by another vigie version or with other \
             resources; {} stored events are left as they are: ingest {} inputs again with \
             --reprocess to re-extract {}",
            plural(stale),
            a.db.db.display(),
            if stale == 1 { "was" } else { "were" },
            if stale == 1 { "its" } else { "their" },
            if stale == 1 { "its" } else { "their" },
            if stale == 1 { "it" } else { "them" },
        );
    }
    Ok(ExitCode::from(summary.exit_code()))
}

fn plural(n: u64) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// What a store holds, in words: "1 document, 3 events in 2 clusters, …"
/// (it once said "1 links").
fn holdings(c: &vigie_store::Counts) -> String {
    let n = |count: u64, noun: &str| format!("{count} {noun}{}", plural(count));
    format!(
        "{}, {} in {}, {}, {}",
        n(c.documents, "document"),
        n(c.events, "event"),
        n(c.clusters, "cluster"),
        n(c.figures, "figure"),
        n(c.links, "link")
    )
}

pub fn run_events(a: EventsArgs) -> anyhow::Result<ExitCode> {
    let store = a.db.open_existing()?;
    let filter = EventFilter {
        from: a.from,
        to: a.to,
        country: a.country,
        actor: a.actor,
        event_type: a.event_type,
        bbox: a.bbox,
        claimed: a.claimed,
        limit: a.limit,
    };
    let events = store
        .events(&filter)
        .with_context(|| format!("reading {}", a.db.db.display()))?;
    let mut out = a.out.writer()?;
    export::write_with(a.format, &events, &mut out, a.csv.cells()).map_err(unwrap_io)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Brings an IO error inside a store error to the top, so that a closed pipe
/// is recognized as such by `main`.
fn unwrap_io(e: vigie_store::Error) -> anyhow::Error {
    match e.into_io() {
        Ok(io) => io.into(),
        Err(other) => other.into(),
    }
}

/// A figure's `what` as the store writes it ("wounded" is "injured").
fn parse_what(s: &str) -> Result<String, String> {
    vigie_core::figure_what(s)
        .map(str::to_string)
        .ok_or_else(|| {
            format!(
                "unknown figure kind {s:?}: one of {} (\"wounded\" is \"injured\")",
                vigie_core::FIGURE_WHATS.join(", ")
            )
        })
}

pub fn run_figures(a: FiguresArgs) -> anyhow::Result<ExitCode> {
    let store = a.db.open_existing()?;
    let filter = FigureFilter {
        from: a.from,
        to: a.to,
        subject: a.subject,
        what: a.what,
        source: a.source,
        limit: a.limit,
    };
    let figures = store
        .figures(&filter)
        .with_context(|| format!("reading {}", a.db.db.display()))?;
    let mut out = a.out.writer()?;
    if a.format == "csv" {
        export::write_figures_csv(&figures, &mut out, a.csv.cells()).map_err(unwrap_io)?;
    } else {
        for f in &figures {
            serde_json::to_writer(&mut out, f)?;
            out.write_all(b"\n")?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

pub fn run_docs(a: DocsArgs) -> anyhow::Result<ExitCode> {
    let store = a.db.open_existing()?;
    let mut out = a.out.writer()?;
    if a.issues {
        for row in store.issues(None)? {
            serde_json::to_writer(&mut out, &row)?;
            out.write_all(b"\n")?;
        }
    } else {
        let rows = store.docs(&DocFilter {
            id: a.id,
            linked_only: a.linked,
            limit: a.limit,
        })?;
        for row in rows {
            serde_json::to_writer(&mut out, &row)?;
            out.write_all(b"\n")?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// `vigie db`: maintenance of a store.
#[derive(clap::Subcommand, Debug)]
pub enum DbCommand {
    /// Check the store's integrity and print what it holds (exit 1 when a
    /// check fails). Reads only.
    Check(DbCheckArgs),
    /// Write a consistent, compact copy of the store to FILE (which must
    /// not exist), safe while an ingest runs; the copy is checked.
    Backup(DbBackupArgs),
}

#[derive(clap::Args, Debug)]
pub struct DbCheckArgs {
    #[command(flatten)]
    pub db: DbArg,

    /// Print the report as one JSON object.
    #[arg(long)]
    pub json: bool,
}

#[derive(clap::Args, Debug)]
pub struct DbBackupArgs {
    #[command(flatten)]
    pub db: DbArg,

    /// Where the copy goes (a new file).
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
}

pub fn run_db(c: DbCommand) -> anyhow::Result<ExitCode> {
    match c {
        DbCommand::Check(a) => {
            let store = a.db.open_existing()?;
            let r = store
                .check()
                .with_context(|| format!("checking {}", a.db.db.display()))?;
            let mut out = std::io::stdout().lock();
            if a.json {
                serde_json::to_writer(&mut out, &r)?;
                writeln!(out)?;
            } else {
                let unreadable = || "unreadable".to_string();
                let runs = r.runs.as_ref().map_or_else(unreadable, |runs| {
                    let runs: Vec<String> = runs.iter().map(|(s, n)| format!("{n} {s}")).collect();
                    if runs.is_empty() {
                        "none".into()
                    } else {
                        runs.join(", ")
                    }
                });
                writeln!(out, "store: {}", a.db.db.display())?;
                writeln!(out, "integrity: {}", r.integrity.join("; "))?;
                writeln!(
                    out,
                    "foreign key violations: {}",
                    r.foreign_key_violations
                        .map_or_else(unreadable, |n| n.to_string())
                )?;
                writeln!(
                    out,
                    "schema version: {} ({})",
                    r.schema_version,
                    if r.application_id == vigie_store::APPLICATION_ID {
                        "vigie application id"
                    } else {
                        "made before the application id; the next ingest sets it"
                    }
                )?;
                writeln!(out, "journal mode: {}", r.journal_mode)?;
                let holds = r.counts.map_or_else(unreadable, |c| holdings(&c));
                writeln!(out, "holds: {holds}")?;
                writeln!(out, "runs: {runs}")?;
                writeln!(
                    out,
                    "inputs skipped or failed: {}",
                    r.run_issues.map_or_else(unreadable, |n| n.to_string())
                )?;
            }
            out.flush()?;
            if !r.ok {
                eprintln!(
                    "vigie: {} fails its integrity check: restore a backup (`vigie db backup` \
                     makes them) or ingest into a new file",
                    a.db.db.display()
                );
                return Ok(ExitCode::from(1));
            }
            Ok(ExitCode::SUCCESS)
        }
        DbCommand::Backup(a) => {
            let store = a.db.open_existing()?;
            let c = store.backup(&a.file).with_context(|| {
                format!("backing up {} to {}", a.db.db.display(), a.file.display())
            })?;
            eprintln!(
                "vigie: backed up {} to {} ({} documents, {} events in {} clusters, {} figures)",
                a.db.db.display(),
                a.file.display(),
                c.documents,
                c.events,
                c.clusters,
                c.figures
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}
