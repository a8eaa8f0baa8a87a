//! `vigie ingest`, `events`, `figures`, `docs` (owned by the store work; stubs until it lands).

use std::process::ExitCode;

#[derive(clap::Args, Debug)]
pub struct IngestArgs {
    /// Files or directories to ingest.
    pub paths: Vec<std::path::PathBuf>,
}

#[derive(clap::Args, Debug)]
pub struct EventsArgs {}

#[derive(clap::Args, Debug)]
pub struct FiguresArgs {}

#[derive(clap::Args, Debug)]
pub struct DocsArgs {}

pub fn run_ingest(_a: IngestArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`vigie ingest` is not implemented yet")
}

pub fn run_events(_a: EventsArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`vigie events` is not implemented yet")
}

pub fn run_figures(_a: FiguresArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`vigie figures` is not implemented yet")
}

pub fn run_docs(_a: DocsArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`vigie docs` is not implemented yet")
}
