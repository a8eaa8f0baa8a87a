//! `vigie geo` and `vigie gazetteer`: argument mapping onto vigie-geo.

use std::io::{BufRead, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;

#[derive(clap::Args, Debug)]
pub struct GeoArgs {
    /// Text to analyse; without it, each line of stdin is a separate text.
    pub text: Option<String>,
    /// Language of the text: fr or en (others: names only, no context words).
    #[arg(long, default_value = "fr")]
    pub lang: String,
    /// Extra gazetteer file (from `vigie gazetteer import`); repeatable.
    #[arg(long = "gazetteer", value_name = "FILE")]
    pub gazetteers: Vec<PathBuf>,
    /// Directory whose files replace the bundled resources of the same path.
    #[arg(long, value_name = "DIR")]
    pub resources: Option<PathBuf>,
    /// Also print mentions that are place names but could not be resolved.
    #[arg(long)]
    pub unresolved: bool,
}

#[derive(clap::Subcommand, Debug)]
pub enum GazetteerCommand {
    /// Import a GeoNames dump into a vigie gazetteer file (load it with `vigie geo --gazetteer FILE`).
    Import {
        /// GeoNames main file (allCountries.txt or a country file such as IQ.txt).
        file: PathBuf,
        /// GeoNames alternateNamesV2.txt (English, French, Arabic names are kept).
        #[arg(long, value_name = "FILE")]
        alternate_names: Option<PathBuf>,
        /// GeoNames admin1CodesASCII.txt (names the admin-1 units).
        #[arg(long, value_name = "FILE")]
        admin1: Option<PathBuf>,
        /// Output file (default: standard output).
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Smallest population of a populated place to keep.
        #[arg(long, default_value_t = 0)]
        min_population: u64,
    },
}

#[derive(serde::Serialize)]
struct Row<'a> {
    line: usize,
    mention: &'a str,
    start: usize,
    end: usize,
    phrase: &'a str,
    #[serde(flatten)]
    place: Option<&'a vigie_geo::ResolvedPlace>,
    resolved: bool,
    rule: &'a str,
}

pub fn run_geo(args: GeoArgs) -> anyhow::Result<ExitCode> {
    let res = match &args.resources {
        Some(d) => vigie_resources::Resources::with_overrides(d)?,
        None => vigie_resources::Resources::embedded(),
    };
    let opts = vigie_geo::GeocoderOptions {
        gazetteer_files: args.gazetteers.clone(),
        ..Default::default()
    };
    let geo = vigie_geo::Geocoder::with_options(&res, &opts).context("loading the gazetteer")?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let emit = |line: usize, text: &str, out: &mut dyn Write| -> anyhow::Result<()> {
        for m in geo.geocode(text, &args.lang) {
            if m.place.is_none() && !args.unresolved {
                continue;
            }
            let row = Row {
                line,
                mention: &text[m.name_start..m.name_end],
                start: m.name_start,
                end: m.name_end,
                phrase: &text[m.start..m.end],
                place: m.place.as_ref(),
                resolved: m.place.is_some(),
                rule: &m.rule,
            };
            serde_json::to_writer(&mut *out, &row)?;
            out.write_all(b"\n")?;
        }
        Ok(())
    };
    match &args.text {
        Some(t) => emit(1, t, &mut out)?,
        None => {
            for (i, line) in std::io::stdin().lock().lines().enumerate() {
                let line = line.context("reading standard input")?;
                emit(i + 1, &line, &mut out)?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

pub fn run_gazetteer(cmd: GazetteerCommand) -> anyhow::Result<ExitCode> {
    match cmd {
        GazetteerCommand::Import {
            file,
            alternate_names,
            admin1,
            out,
            min_population,
        } => {
            let opts = vigie_geo::import::ImportOptions {
                min_population,
                ..Default::default()
            };
            let stats = match &out {
                Some(path) => {
                    let f = std::fs::File::create(path)
                        .with_context(|| format!("creating {}", path.display()))?;
                    let mut w = BufWriter::new(f);
                    let s = vigie_geo::import::import_geonames(
                        &file,
                        alternate_names.as_deref(),
                        admin1.as_deref(),
                        &mut w,
                        &opts,
                    )?;
                    w.flush()?;
                    s
                }
                None => {
                    let stdout = std::io::stdout();
                    let mut w = BufWriter::new(stdout.lock());
                    let s = vigie_geo::import::import_geonames(
                        &file,
                        alternate_names.as_deref(),
                        admin1.as_deref(),
                        &mut w,
                        &opts,
                    )?;
                    w.flush()?;
                    s
                }
            };
            eprintln!(
                "vigie: read {} rows, wrote {} places ({} alternate names, {} bad lines skipped)",
                stats.read, stats.written, stats.alternate_names, stats.skipped_lines
            );
            // A file with rows but no usable place is not a GeoNames dump:
            // a gazetteer of nothing must not pass for a success.
            if stats.written == 0 && stats.read > 0 {
                anyhow::bail!(
                    "{}: no row is a GeoNames place ({} bad lines): expected the tab-separated \
                     allCountries.txt format (19 columns)",
                    file.display(),
                    stats.skipped_lines
                );
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}
