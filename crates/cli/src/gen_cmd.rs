//! `vigie gen-corpus` (owned by the performance work; stub until it lands).

use std::process::ExitCode;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Number of documents to generate.
    #[arg(long)]
    pub docs: usize,
    /// Output directory, or a .jsonl file.
    #[arg(long)]
    pub out: std::path::PathBuf,
}

pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`vigie gen-corpus` is not implemented yet")
}
