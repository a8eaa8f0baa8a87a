//! `vigie time` (owned by the vigie-time work; stub until it lands).

use std::process::ExitCode;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Text to analyse; without it, each line of stdin is a separate text.
    pub text: Option<String>,
}

pub fn run(_args: Args) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`vigie time` is not implemented yet")
}
