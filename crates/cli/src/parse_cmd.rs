//! `vigie parse`: CoNLL-U from the tagger, lemmatizer and parser.
//!
//! On text, the sentences and syntactic words come from the pipeline's own
//! text stage (normalization, sentences, the token stream), so what is
//! printed is what extraction would parse. With `--conllu`, the file's
//! tokens are kept and only the annotation columns are filled (for scoring
//! with `shared/eval/ud_eval.py`).

use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use vigie_core::{DocMeta, Lang};
use vigie_extract::parse::{Models, parser_sentence};
use vigie_syntax::Model;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Language (fr, en). Without it, detected for each text, or once for a
    /// whole --conllu file.
    #[arg(long)]
    pub lang: Option<String>,
    /// Re-annotate this CoNLL-U file, keeping its tokens (columns 1-2 and
    /// range lines): fills LEMMA, UPOS, FEATS, HEAD and DEPREL.
    #[arg(long, value_name = "FILE")]
    pub conllu: Option<PathBuf>,
    /// Directory whose files replace the bundled resources (models under
    /// models/<lang>.syntax among them).
    #[arg(long, value_name = "DIR", env = "VIGIE_RESOURCES")]
    pub resources: Option<PathBuf>,
    /// Text to parse; without it (and without --conllu), each line of stdin
    /// is a separate text.
    pub text: Option<String>,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let resources = match &args.resources {
        Some(dir) => vigie_resources::Resources::with_overrides(dir)?,
        None => vigie_resources::Resources::embedded(),
    };
    let models = Models::load(&resources).context("loading the syntax models")?;
    let preparer =
        vigie_text::Preparer::from_resources(&resources).context("loading the text stage")?;
    let lang = args.lang.as_deref().map(str::to_ascii_lowercase);
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if let Some(path) = &args.conllu {
        let text =
            std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
        let lang = match lang {
            Some(l) => l,
            None => preparer
                .detect_language(&forms_of(&text))
                .as_str()
                .to_string(),
        };
        let model = model_for(&models, &lang)?;
        let annotated = vigie_syntax::annotate_conllu(model, &text)
            .map_err(|e| anyhow::anyhow!("{}:{e}", path.display()))?;
        out.write_all(annotated.as_bytes())?;
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    let parse_one = |n: usize, text: &str, out: &mut dyn Write| -> anyhow::Result<()> {
        let meta = DocMeta {
            id: format!("text-{n}"),
            lang: lang.clone().map(Lang::new),
            ..DocMeta::default()
        };
        let doc = preparer.prepare(meta, text.to_string());
        let model = model_for(&models, doc.lang.as_str())?;
        let conllu = stream_conllu(&doc, n, model);
        let annotated = vigie_syntax::annotate_conllu(model, &conllu)
            .map_err(|e| anyhow::anyhow!("internal CoNLL-U of text {n}: {e}"))?;
        out.write_all(annotated.as_bytes())?;
        Ok(())
    };
    match &args.text {
        Some(text) => parse_one(1, text, &mut out)?,
        None => {
            for (i, line) in std::io::stdin().lock().lines().enumerate() {
                let line = line.context("reading stdin")?;
                if line.trim().is_empty() {
                    continue;
                }
                parse_one(i + 1, &line, &mut out)?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The model of `lang`, or an error that says which languages have one.
fn model_for<'a>(models: &'a Models, lang: &str) -> anyhow::Result<&'a Model> {
    models.get(lang).ok_or_else(|| {
        let have: Vec<&str> = models.languages().collect();
        anyhow::anyhow!(
            "no syntax model for language {lang:?} (models exist for: {}); give --lang",
            if have.is_empty() {
                "none".to_string()
            } else {
                have.join(", ")
            }
        )
    })
}

/// The word forms of a CoNLL-U text joined by spaces, for language
/// identification.
fn forms_of(conllu: &str) -> String {
    let mut s = String::new();
    for line in conllu.lines() {
        let mut cols = line.split('\t');
        if let (Some(id), Some(form)) = (cols.next(), cols.next())
            && !id.starts_with('#')
            && id.chars().all(|c| c.is_ascii_digit())
        {
            s.push_str(form);
            s.push(' ');
        }
        if s.len() > 4096 {
            break;
        }
    }
    s
}

/// CoNLL-U of a document's sentences with only ID, FORM and MISC filled:
/// the words the parser reads (`vigie_extract::parse::parser_sentence`),
/// tokens of several words (multiword tokens, split contractions such as
/// French `des` = `de les`) as range lines.
fn stream_conllu(doc: &vigie_core::Doc, n: usize, model: &Model) -> String {
    let text = doc.norm.text.as_str();
    let misc = |end: u32| {
        let space_after = text
            .get(end as usize..)
            .and_then(|r| r.chars().next())
            .is_some_and(char::is_whitespace)
            || end as usize >= text.len();
        if space_after { "_" } else { "SpaceAfter=No" }
    };
    let mut out = String::new();
    for (si, sent) in doc.sentences.iter().enumerate() {
        let sentence = parser_sentence(model, doc, si);
        if sentence.words.is_empty() {
            continue;
        }
        out.push_str(&format!("# sent_id = {n}-{}\n", si + 1));
        let sentence_text = doc.sentence_norm(sent).replace('\n', " ");
        out.push_str(&format!("# text = {sentence_text}\n"));
        for t in &sentence.tokens {
            let (first, last) = (t.words.start + 1, t.words.end);
            if last > first {
                out.push_str(&format!(
                    "{first}-{last}\t{}\t_\t_\t_\t_\t_\t_\t_\t{}\n",
                    t.surface,
                    misc(t.end)
                ));
                for (j, w) in sentence.words[t.words.clone()].iter().enumerate() {
                    out.push_str(&format!("{}\t{w}\t_\t_\t_\t_\t_\t_\t_\t_\n", first + j));
                }
            } else {
                out.push_str(&format!(
                    "{first}\t{}\t_\t_\t_\t_\t_\t_\t_\t{}\n",
                    t.surface,
                    misc(t.end)
                ));
            }
        }
        out.push('\n');
    }
    out
}
