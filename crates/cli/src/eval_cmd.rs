//! `vigie eval`: extract events from articles and score them against a gold
//! file, exactly as `shared/eval/score.py` would.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use vigie_pipeline::DocOutcome;

use crate::extract_cmd::InputArgs;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Gold file: one JSON line per document, as shared/corpus/gold.jsonl.
    #[arg(long, value_name = "FILE")]
    pub gold: PathBuf,

    #[command(flatten)]
    pub input: InputArgs,

    /// Print score.py's `--json` object instead of the table.
    #[arg(long)]
    pub json: bool,

    /// Also write the extracted events (JSON Lines) here.
    #[arg(long, value_name = "FILE")]
    pub events_out: Option<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let gold = vigie_eval::load_gold(&args.gold)
        .with_context(|| format!("reading gold {}", args.gold.display()))?;
    let mut events = Vec::new();
    let mut figures = Vec::new();
    let summary = args.input.run(&mut |outcome| {
        if let DocOutcome::Processed(doc) = outcome {
            for e in &doc.events {
                events.push(serde_json::to_value(e)?);
            }
            for f in &doc.figures {
                figures.push(serde_json::to_value(f)?);
            }
        }
        Ok(())
    })?;
    if let Some(path) = &args.events_out {
        let mut text = String::new();
        for e in &events {
            text.push_str(&e.to_string());
            text.push('\n');
        }
        std::fs::write(path, text).with_context(|| format!("writing {}", path.display()))?;
    }
    let score = vigie_eval::score(&gold, &events, Some(&figures));
    if args.json {
        println!("{}", score.to_python_json());
    } else {
        print!("{}", score.render_table());
    }
    Ok(ExitCode::from(summary.exit_code()))
}
