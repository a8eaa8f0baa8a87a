//! `vigie gen-corpus`: a deterministic synthetic news corpus for benchmarks
//! and load tests (vigie-corpusgen does the writing).

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use vigie_corpusgen::Generator;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Number of documents to generate.
    #[arg(long)]
    pub docs: usize,
    /// Output directory (one <id>.txt per article: headline, blank line,
    /// body), or a .jsonl/.ndjson file (one
    /// {"id","title","published","lang","text"} object per line), or "-"
    /// for JSON Lines on stdout.
    #[arg(long)]
    pub out: PathBuf,
    /// Languages to write, comma-separated (default: every language with
    /// corpus templates: fr, en).
    #[arg(long, value_delimiter = ',', value_name = "LANGS")]
    pub lang: Vec<String>,
    /// Seed: the same seed and resources give byte-identical output.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Directory whose files replace the bundled resources of the same
    /// relative path (templates under corpusgen/, actors, gazetteer…).
    #[arg(long, value_name = "DIR", env = "VIGIE_RESOURCES")]
    pub resources: Option<PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let resources = match &args.resources {
        Some(dir) => vigie_resources::Resources::with_overrides(dir)?,
        None => vigie_resources::Resources::embedded(),
    };
    let langs: Vec<String> = args
        .lang
        .iter()
        .map(|l| l.trim().to_ascii_lowercase())
        .filter(|l| !l.is_empty())
        .collect();
    let generator = if langs.is_empty() {
        Generator::from_resources(&resources)?
    } else {
        Generator::for_languages(&resources, &langs)?
    };
    let articles = generator.articles(args.seed, args.docs as u64);
    let bytes = if args.out.as_os_str() == "-" {
        let stdout = std::io::stdout();
        let mut w = BufWriter::with_capacity(1 << 16, stdout.lock());
        let bytes = write_lines(&mut w, articles)?;
        w.flush()?;
        bytes
    } else if is_jsonl(&args.out) {
        write_jsonl(&args.out, articles)?
    } else {
        write_dir(&args.out, articles)?
    };
    eprintln!(
        "vigie: {} document{} ({:.1} MB, {}) written to {}",
        args.docs,
        if args.docs == 1 { "" } else { "s" },
        bytes as f64 / 1e6,
        generator.languages().join(", "),
        args.out.display()
    );
    Ok(ExitCode::SUCCESS)
}

fn is_jsonl(path: &Path) -> bool {
    path.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .is_some_and(|e| e == "jsonl" || e == "ndjson")
}

fn write_jsonl(
    path: &Path,
    articles: impl Iterator<Item = vigie_corpusgen::Article>,
) -> anyhow::Result<u64> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("cannot create {}", parent.display()))?;
    }
    let file = File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
    let mut w = BufWriter::with_capacity(1 << 16, file);
    let bytes = write_lines(&mut w, articles)?;
    w.flush()
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(bytes)
}

/// One JSON object per article and line; the bytes written.
fn write_lines(
    w: &mut impl Write,
    articles: impl Iterator<Item = vigie_corpusgen::Article>,
) -> anyhow::Result<u64> {
    let mut bytes = 0u64;
    for a in articles {
        let line = a.to_json_line();
        bytes += line.len() as u64 + 1;
        w.write_all(line.as_bytes())?;
        w.write_all(b"\n")?;
    }
    Ok(bytes)
}

fn write_dir(
    dir: &Path,
    articles: impl Iterator<Item = vigie_corpusgen::Article>,
) -> anyhow::Result<u64> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let mut bytes = 0u64;
    for a in articles {
        let path = dir.join(a.file_name());
        let text = a.to_plain_text();
        bytes += text.len() as u64;
        std::fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(bytes)
}
