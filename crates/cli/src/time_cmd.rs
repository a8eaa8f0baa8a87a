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
    if let Some(l) = &args.lang
        && !tagger.languages().contains(&l.as_str())
    {
        anyhow::bail!(
            "--lang {l}: supported languages are {}",
            tagger.languages().join(", ")
        );
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
        let rec = Record {
            line,
            text: text.get(m.start..m.end).unwrap_or(""),
            start: m.start,
            end: m.end,
            value: v.as_ref().map(|v| Interval {
                start: v.start.to_string(),
                end: v.end.to_string(),
            }),
            grain: v.as_ref().map(|v| v.grain.as_str()),
            precision: v.as_ref().map(|v| v.precision),
            modifier: v.as_ref().and_then(|v| v.modifier),
            lang,
            anaphoric: m.anaphoric,
            open_since: m.open_since,
            part_of_day: m.part_of_day.as_deref(),
            rule: &m.rule,
        };
        serde_json::to_writer(&mut *out, &rec)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// One output line; field order as documented in issue 3 item 6, extra fields after.
#[derive(serde::Serialize)]
struct Record<'a> {
    line: usize,
    text: &'a str,
    start: usize,
    end: usize,
    value: Option<Interval>,
    grain: Option<&'static str>,
    precision: Option<u8>,
    #[serde(rename = "mod")]
    modifier: Option<vigie_time::Modifier>,
    lang: &'a str,
    anaphoric: bool,
    open_since: bool,
    part_of_day: Option<&'a str>,
    rule: &'a str,
}

#[derive(serde::Serialize)]
struct Interval {
    start: String,
    end: String,
}
