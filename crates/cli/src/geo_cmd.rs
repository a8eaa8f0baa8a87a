//! `vigie geo` and `vigie gazetteer` (owned by the vigie-geo work; stub until it lands).

use std::process::ExitCode;

#[derive(clap::Args, Debug)]
pub struct GeoArgs {
    /// Text to analyse; without it, each line of stdin is a separate text.
    pub text: Option<String>,
}

#[derive(clap::Subcommand, Debug)]
pub enum GazetteerCommand {
    /// Import a GeoNames dump into a vigie gazetteer file.
    Import {
        /// GeoNames main file (allCountries.txt or a country file).
        file: std::path::PathBuf,
    },
}

pub fn run_geo(_args: GeoArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`vigie geo` is not implemented yet")
}

pub fn run_gazetteer(_cmd: GazetteerCommand) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`vigie gazetteer` is not implemented yet")
}
