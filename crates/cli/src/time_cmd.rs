//! `vigie time`: find and resolve date expressions, one JSON object per
//! expression on stdout.

use std::io::{BufRead, Write};
use std::process::ExitCode;

use anyhow::Context;
use vigie_time::{Date, Prefer, ResolveContext, TimeTagger};

#[derive(clap::ValueEnum, Clone, Copy, Debug, Default)]
pub enum PreferArg {
    /// A date without a year, or a bare weekday, is the latest one on or before the reference (news).
    #[default]
    Past,
    /// ... the earliest one on or after the reference.
    Future,
}

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Reference date (the article's date), YYYY-MM-DD. Without it, only
    /// dates that carry their year resolve.
    #[arg(long = "ref", value_name = "YYYY-MM-DD")]
    pub reference: Option<Date>,
    /// Language of the text: fr or en. Guessed from function words when absent.
    #[arg(long)]
    pub lang: Option<String>,
    /// Direction for dates without a year and bare weekdays.
    #[arg(long, value_enum, default_value_t = PreferArg::Past)]
    pub prefer: PreferArg,
    /// Text to analyse; without it, each line of stdin is a separate text.
    pub text: Option<String>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let tagger = TimeTagger::bundled().context("loading the time expression data")?;
    if let Some(l) = &args.lang {
        if !tagger.languages().contains(&l.as_str()) {
            anyhow::bail!(
                "--lang {l}: supported languages are {}",
                tagger.languages().join(", ")
            );
        }
    }
    let ctx = ResolveContext {
        reference: args.reference,
        anchor: None,
        prefer: match args.prefer {
            PreferArg::Past => Prefer::Past,
            PreferArg::Future => Prefer::Future,
        },
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match &args.text {
        Some(text) => analyse(&tagger, &args, &ctx, 1, text, &mut out)?,
        None => {
            let stdin = std::io::stdin();
            for (i, line) in stdin.lock().lines().enumerate() {
                let line = line.context("reading stdin")?;
                analyse(&tagger, &args, &ctx, i + 1, &line, &mut out)?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn analyse(
    tagger: &TimeTagger,
    args: &Args,
    ctx: &ResolveContext,
    line: usize,
    text: &str,
    out: &mut impl Write,
) -> anyhow::Result<()> {
    let lang = match &args.lang {
        Some(l) => l.as_str(),
        None => tagger.guess_lang(text).unwrap_or("fr"),
    };
    for m in tagger.find(text, lang) {
        let v = m.resolve(ctx);
        let obj = serde_json::json!({
            "line": line,
            "text": text.get(m.start..m.end).unwrap_or(""),
            "start": m.start,
            "end": m.end,
            "value": v.as_ref().map(|v| serde_json::json!({"start": v.start.to_string(), "end": v.end.to_string()})),
            "grain": v.as_ref().map(|v| v.grain.as_str()),
            "precision": v.as_ref().map(|v| v.precision),
            "mod": v.as_ref().and_then(|v| v.modifier),
            "lang": lang,
            "anaphoric": m.anaphoric,
            "open_since": m.open_since,
            "part_of_day": m.part_of_day,
            "rule": m.rule,
        });
        serde_json::to_writer(&mut *out, &obj)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}
