//! The `vigie` binary: argument mapping only. Each command family lives in its
//! own module; the work is done by the library crates.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

// Many small allocations per document: see the mimalloc note in Cargo.toml.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod engine;
mod eval_cmd;
mod explain;
mod extract_cmd;
mod gen_cmd;
mod geo_cmd;
mod parse_cmd;
mod store_cmd;
mod time_cmd;

/// vigie turns news articles (French, English) into conflict-event records:
/// one dated, geocoded, source-linked record per violent event.
///
/// Start with `vigie extract examples/` to see events from the bundled
/// example articles, then `vigie extract --help`.
#[derive(Parser, Debug)]
#[command(name = "vigie", version, about, long_about, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Extract events from articles and print them as JSON Lines.
    #[command(after_help = "Examples:
  vigie extract examples/                          events of the bundled articles
  vigie extract news.jsonl -o events.jsonl --figures figures.jsonl
  cat article.txt | vigie extract - --published 2024-01-07
  vigie extract --explain article.html             why each record exists (or not)")]
    Extract(extract_cmd::Args),
    /// Find and normalize date expressions in French or English text.
    Time(time_cmd::Args),
    /// Find and geocode place names in French or English text.
    Geo(geo_cmd::GeoArgs),
    /// Manage gazetteers (import a GeoNames dump).
    #[command(subcommand)]
    Gazetteer(geo_cmd::GazetteerCommand),
    /// Run the pipeline on articles and store documents, events and figures.
    Ingest(store_cmd::IngestArgs),
    /// List clustered events from the store.
    Events(store_cmd::EventsArgs),
    /// List tolls (figures) from the store as time series.
    Figures(store_cmd::FiguresArgs),
    /// List stored documents with their duplicate links and run status.
    Docs(store_cmd::DocsArgs),
    /// Check or back up a store.
    #[command(
        subcommand,
        after_help = "Examples:
  vigie db check --db conflict.db                 integrity check and counts
  vigie db backup --db conflict.db conflict-2024-03-05.db"
    )]
    Db(store_cmd::DbCommand),
    /// Generate a deterministic synthetic news corpus (benchmarks, load tests).
    GenCorpus(gen_cmd::Args),
    /// Score extracted events against a gold file (agrees with shared/eval/score.py).
    Eval(eval_cmd::Args),
    /// Tag, lemmatize and parse text (or re-annotate a CoNLL-U file); prints CoNLL-U.
    #[command(after_help = "Examples:
  vigie parse --lang fr \"Une frappe de drone a visé le dépôt.\"
  vigie parse --conllu ../shared/treebanks/en_ewt/en_ewt-ud-test.conllu --lang en > out.conllu")]
    Parse(parse_cmd::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Extract(a) => extract_cmd::run(a),
        Command::Time(a) => time_cmd::run(a),
        Command::Geo(a) => geo_cmd::run_geo(a),
        Command::Gazetteer(c) => geo_cmd::run_gazetteer(c),
        Command::Ingest(a) => store_cmd::run_ingest(a),
        Command::Events(a) => store_cmd::run_events(a),
        Command::Figures(a) => store_cmd::run_figures(a),
        Command::Docs(a) => store_cmd::run_docs(a),
        Command::Db(c) => store_cmd::run_db(c),
        Command::Eval(a) => eval_cmd::run(a),
        Command::Parse(a) => parse_cmd::run(a),
        Command::GenCorpus(a) => gen_cmd::run(a),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            if is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            // Messages may name files from the inputs: escape what could
            // drive the terminal or forge a line of their own (messages
            // that list several problems keep their line breaks, each line
            // escaped).
            let message = format!("{e:#}");
            let lines: Vec<_> = message
                .split('\n')
                .map(vigie_pipeline::summary::terminal_safe)
                .collect();
            eprintln!("vigie: error: {}", lines.join("\n"));
            ExitCode::from(1)
        }
    }
}

/// A closed stdout (`vigie … | head`) is not an error, whether the write
/// failed in our code or inside serde_json (`vigie time`, `vigie geo`).
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    let broken = Some(std::io::ErrorKind::BrokenPipe);
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>().map(std::io::Error::kind) == broken
            || c.downcast_ref::<serde_json::Error>()
                .and_then(serde_json::Error::io_error_kind)
                == broken
    })
}
