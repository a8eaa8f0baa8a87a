//! `vigie eval` (stub until the scorer lands).

use std::process::ExitCode;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Gold file (one line per document, as shared/corpus/gold.jsonl).
    #[arg(long)]
    pub gold: std::path::PathBuf,
    /// Articles to extract events from.
    pub paths: Vec<std::path::PathBuf>,
}

pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`vigie eval` is not implemented yet")
}
