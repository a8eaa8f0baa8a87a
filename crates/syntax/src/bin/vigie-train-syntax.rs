//! `vigie-train-syntax`: trains the syntax models, checks the committed ones,
//! or annotates a CoNLL-U file.
//!
//! ```text
//! vigie-train-syntax --treebanks DIR --out DIR [--lang L]...   train, write <out>/<lang>.syntax
//! vigie-train-syntax --treebanks DIR --out DIR --check         retrain in memory, compare bytes
//! (--set key=value overrides a trainer setting, for experiments)
//! vigie-train-syntax --annotate FILE --lang L [--models DIR]   CoNLL-U to stdout
//! ```

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use vigie_syntax::train::{LangSpec, Settings, train_language};
use vigie_syntax::{Model, annotate_conllu};

#[derive(Default)]
struct Args {
    treebanks: Option<PathBuf>,
    out: Option<PathBuf>,
    models: Option<PathBuf>,
    annotate: Option<PathBuf>,
    langs: Vec<String>,
    sets: Vec<String>,
    check: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut a = Args::default();
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut val = || it.next().ok_or_else(|| format!("{arg} needs a value"));
        match arg.as_str() {
            "--treebanks" => a.treebanks = Some(val()?.into()),
            "--out" => a.out = Some(val()?.into()),
            "--models" => a.models = Some(val()?.into()),
            "--annotate" => a.annotate = Some(val()?.into()),
            "--lang" => a.langs.push(val()?),
            "--check" => a.check = true,
            "--set" => a.sets.push(val()?),
            "-h" | "--help" => return Err(USAGE.to_string()),
            _ => return Err(format!("unknown argument {arg}\n{USAGE}")),
        }
    }
    Ok(a)
}

const USAGE: &str = "usage: vigie-train-syntax --treebanks DIR --out DIR [--lang L]... [--check]\n       vigie-train-syntax --annotate FILE --lang L [--models DIR]";

fn main() -> ExitCode {
    let result = parse_args().and_then(|a| {
        if a.annotate.is_some() {
            annotate(&a)
        } else {
            train(&a)
        }
    });
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("vigie-train-syntax: {e}");
            ExitCode::from(2)
        }
    }
}

fn annotate(a: &Args) -> Result<ExitCode, String> {
    let file = a.annotate.clone().unwrap_or_default();
    let lang = a.langs.first().ok_or("--annotate needs --lang")?;
    let dir = a
        .models
        .clone()
        .unwrap_or_else(|| PathBuf::from("resources/models"));
    let model = Model::load_lang(&dir, lang).map_err(|e| e.to_string())?;
    let text = std::fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
    let out = annotate_conllu(&model, &text).map_err(|e| format!("{}:{e}", file.display()))?;
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(out.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.to_string()),
        _ => Ok(ExitCode::SUCCESS),
    }
}

fn train(a: &Args) -> Result<ExitCode, String> {
    let treebanks = a.treebanks.clone().ok_or("--treebanks DIR is required")?;
    let out = a.out.clone().ok_or("--out DIR is required")?;
    let mut settings = Settings::default();
    for kv in &a.sets {
        settings.set(kv)?;
    }
    let specs: Vec<LangSpec> = LangSpec::defaults()
        .into_iter()
        .filter(|s| a.langs.is_empty() || a.langs.contains(&s.lang))
        .collect();
    if !a.check {
        std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    }
    let mut differ = false;
    for spec in &specs {
        let t = train_language(&treebanks, spec, &settings, &mut |l| eprintln!("{l}"))
            .map_err(|e| e.to_string())?;
        let path = out.join(format!("{}.syntax", spec.lang));
        if a.check {
            let old = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let same = old == t.bytes;
            eprintln!(
                "{}: {}",
                path.display(),
                if same { "identical" } else { "DIFFERENT" }
            );
            differ |= !same;
        } else {
            std::fs::write(&path, &t.bytes).map_err(|e| format!("{}: {e}", path.display()))?;
            eprintln!("wrote {} ({} bytes)", path.display(), t.bytes.len());
        }
    }
    Ok(if differ {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
