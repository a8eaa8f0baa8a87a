//! Training of one language's model from UD treebank files.
//!
//! Contract: deterministic — the same files and [`Settings`] give the same
//! model bytes (single thread, fixed-seed shuffles, no hash-map iteration).
//! Order: the tagger is trained on the train files, its epoch chosen on the
//! dev file; the parser is trained on train-file tags predicted by K-fold
//! jackknifing (each fold tagged by a tagger trained on the other folds),
//! with gold heads and relations, its epoch chosen by dev LAS on dev tags
//! predicted by the final tagger; the lemmatizer is learned from the train
//! files. Test files are never read here.

use std::path::Path;
use std::time::Instant;

use crate::conllu::{self, Sentence};
use crate::contract::Contractions;
use crate::hash::{Fnv64, str_hash};
use crate::labels::LabelSet;
use crate::lemma::Lemmatizer;
use crate::parser::{self, ParseItem, ParseSettings};
use crate::tagger::{self, Lex, TagItem, TagSettings, Tagger};
use crate::{Error, Header, Model};

/// Epochs (at most; the best on dev is kept) and shuffle seed of the
/// contraction classifier.
const CONTRACTION_EPOCHS: usize = 10;
const CONTRACTION_SEED: u64 = 0xde5_1e5;

/// Which files make a language's model (paths relative to the treebank folder).
#[derive(Clone, Debug)]
pub struct LangSpec {
    pub lang: String,
    pub train: Vec<String>,
    pub dev: Vec<String>,
}

impl LangSpec {
    /// The languages vigie ships: English (EWT) and French (Sequoia + GSD dev).
    pub fn defaults() -> Vec<LangSpec> {
        vec![
            LangSpec {
                lang: "en".into(),
                train: vec!["en_ewt/en_ewt-ud-train.conllu".into()],
                dev: vec!["en_ewt/en_ewt-ud-dev.conllu".into()],
            },
            LangSpec {
                lang: "fr".into(),
                train: vec![
                    "fr_sequoia/fr_sequoia-ud-train.conllu".into(),
                    "fr_gsd/fr_gsd-ud-dev.conllu".into(),
                ],
                dev: vec!["fr_sequoia/fr_sequoia-ud-dev.conllu".into()],
            },
        ]
    }

    /// Every input file, train then dev.
    pub fn inputs(&self) -> Vec<String> {
        self.train.iter().chain(&self.dev).cloned().collect()
    }
}

/// Trainer settings (their `Debug` text is hashed into the model header).
#[derive(Clone, Debug)]
pub struct Settings {
    pub tag: TagSettings,
    pub parse: ParseSettings,
    /// Jackknife folds for the parser's training tags; 0 trains the parser
    /// on gold tags and bundles instead.
    pub folds: usize,
}

impl Default for Settings {
    fn default() -> Self {
        let keys = [
            "Case", "Definite", "Degree", "Gender", "Mood", "NumType", "Number", "Person",
            "Polarity", "Poss", "PronType", "Reflex", "Tense", "VerbForm", "Voice",
        ];
        Settings {
            tag: TagSettings {
                epochs: 12,
                max_upos_rows: 90_000,
                max_feats_rows: 45_000,
                upos_kernel_log2: 17,
                feats_kernel_log2: 15,
                bits: 8,
                feat_keys: keys.iter().map(|k| k.to_string()).collect(),
                dict_min_count: 20,
                dict_min_permille: 995,
                seed: 0x7a66_e201,
            },
            parse: ParseSettings {
                epochs: 14,
                explore_from: 3,
                explore_percent: 75,
                max_trans_rows: 360_000,
                trans_kernel_log2: 19,
                max_label_rows: 45_000,
                label_kernel_log2: 15,
                trans_bits: 16,
                label_bits: 8,
                max_words: 250,
                seed: 0x9a25_e201,
            },
            folds: 5,
        }
    }
}

impl Settings {
    /// Overrides one setting from `key=value` (for experiments; the
    /// overridden settings are hashed into the model header like any other).
    pub fn set(&mut self, kv: &str) -> Result<(), String> {
        let (k, v) = kv
            .split_once('=')
            .ok_or_else(|| format!("expected key=value, got {kv:?}"))?;
        let num = || {
            v.parse::<usize>()
                .map_err(|_| format!("{k}: not a number: {v:?}"))
        };
        match k {
            "tag.epochs" => self.tag.epochs = num()?,
            "tag.max_upos_rows" => self.tag.max_upos_rows = num()?,
            "tag.max_feats_rows" => self.tag.max_feats_rows = num()?,
            "tag.dict_min_count" => self.tag.dict_min_count = num()? as u32,
            "tag.dict_min_permille" => self.tag.dict_min_permille = num()? as u32,
            "tag.feat_keys" => self.tag.feat_keys = v.split(',').map(str::to_string).collect(),
            "parse.epochs" => self.parse.epochs = num()?,
            "parse.explore_from" => self.parse.explore_from = num()?,
            "parse.explore_percent" => self.parse.explore_percent = num()? as u64,
            "parse.max_trans_rows" => self.parse.max_trans_rows = num()?,
            "parse.label_kernel_log2" => self.parse.label_kernel_log2 = num()? as u32,
            "tag.upos_kernel_log2" => self.tag.upos_kernel_log2 = num()? as u32,
            "tag.feats_kernel_log2" => self.tag.feats_kernel_log2 = num()? as u32,
            "parse.trans_kernel_log2" => self.parse.trans_kernel_log2 = num()? as u32,
            "parse.max_label_rows" => self.parse.max_label_rows = num()?,
            "parse.trans_bits" => self.parse.trans_bits = num()? as u32,
            "parse.label_bits" => self.parse.label_bits = num()? as u32,
            "tag.bits" => self.tag.bits = num()? as u32,
            "parse.max_words" => self.parse.max_words = num()? as u32,
            "folds" => self.folds = num()?,
            _ => return Err(format!("unknown setting {k:?}")),
        }
        Ok(())
    }
}

/// FNV-1a 64 over each file's name (as given) and bytes, in order.
pub fn inputs_hash(treebanks: &Path, files: &[String]) -> Result<u64, Error> {
    let mut h = Fnv64::default();
    for f in files {
        let path = treebanks.join(f);
        let bytes = std::fs::read(&path).map_err(|source| Error::Io {
            path: path.clone(),
            source,
        })?;
        h.write_str(f);
        h.write(&(bytes.len() as u64).to_le_bytes());
        h.write(&bytes);
    }
    Ok(h.finish())
}

fn read(treebanks: &Path, files: &[String]) -> Result<Vec<Sentence>, Error> {
    let mut out = Vec::new();
    for f in files {
        let path = treebanks.join(f);
        let text = std::fs::read_to_string(&path).map_err(|source| Error::Io {
            path: path.clone(),
            source,
        })?;
        out.extend(conllu::parse(&text).map_err(|source| Error::Conllu {
            path: path.clone(),
            source,
        })?);
    }
    Ok(out)
}

fn tag_items(s: &[Sentence]) -> Vec<Vec<TagItem<'_>>> {
    s.iter()
        .map(|s| {
            s.words()
                .map(|w| TagItem {
                    form: &w.form,
                    upos: &w.upos,
                    feats: &w.feats,
                })
                .collect()
        })
        .filter(|v: &Vec<TagItem>| !v.is_empty())
        .collect()
}

/// Predicted UPOS and morphology hash for every word with a given tagger.
fn predict(t: &Tagger, sents: &[Vec<TagItem>]) -> Vec<Vec<(u16, u64)>> {
    let mut s = tagger::TagScratch::default();
    let (mut upos, mut feats, mut morph) = (Vec::new(), Vec::new(), Vec::new());
    sents
        .iter()
        .map(|sent| {
            let forms: Vec<&str> = sent.iter().map(|w| w.form).collect();
            t.tag(&forms, &mut upos, &mut feats, &mut s);
            t.morph_hashes(&feats, &mut morph);
            upos.iter().copied().zip(morph.iter().copied()).collect()
        })
        .collect()
}

/// Gold UPOS and morphology hashes (the `folds = 0` setting: the parser
/// trains on gold tags instead of jackknifed ones).
fn gold_tags(t: &Tagger, sents: &[Vec<TagItem>]) -> Vec<Vec<(u16, u64)>> {
    let mut morph = Vec::new();
    sents
        .iter()
        .map(|sent| {
            let vals = t.gold_values(sent.iter().map(|w| w.feats));
            t.morph_hashes(&vals, &mut morph);
            sent.iter()
                .zip(&morph)
                .map(|(w, &m)| (t.upos.id(w.upos).unwrap_or(0), m))
                .collect()
        })
        .collect()
}

fn jackknife(
    train: &[Vec<TagItem>],
    st: &TagSettings,
    folds: usize,
    log: &mut dyn FnMut(String),
) -> Vec<Vec<(u16, u64)>> {
    let mut out = vec![Vec::new(); train.len()];
    let folds = folds.max(2);
    for k in 0..folds {
        let rest: Vec<Vec<TagItem>> = train
            .iter()
            .enumerate()
            .filter(|(i, _)| i % folds != k)
            .map(|(_, s)| s.clone())
            .collect();
        let held: Vec<usize> = (0..train.len()).filter(|i| i % folds == k).collect();
        let (t, _) = tagger::train(&rest, &[], st, &mut |_| {});
        let held_s: Vec<Vec<TagItem>> = held.iter().map(|&i| train[i].clone()).collect();
        for (i, tags) in held.into_iter().zip(predict(&t, &held_s)) {
            out[i] = tags;
        }
        log(format!("jackknife fold {}/{folds} tagged", k + 1));
    }
    out
}

fn parse_items(
    sents: &[Sentence],
    tags: &[Vec<(u16, u64)>],
    rels: &LabelSet,
) -> Vec<Vec<ParseItem>> {
    let mut lower = String::new();
    sents
        .iter()
        .filter(|s| !s.is_empty())
        .zip(tags)
        .map(|(s, t)| {
            s.words()
                .zip(t)
                .map(|(w, &(t, m))| ParseItem {
                    w: Lex::new(&w.form, &mut lower).w,
                    t,
                    m,
                    head: w.head.unwrap_or(0),
                    rel: rels.id(&w.deprel).or_else(|| rels.id("dep")).unwrap_or(0),
                })
                .collect()
        })
        .collect()
}

/// A trained model with what training measured.
pub struct Trained {
    pub model: Model,
    pub bytes: Vec<u8>,
    pub report: Vec<String>,
}

/// Trains one language. `log` receives progress lines (with elapsed time).
pub fn train_language(
    treebanks: &Path,
    spec: &LangSpec,
    settings: &Settings,
    log: &mut dyn FnMut(String),
) -> Result<Trained, Error> {
    let start = Instant::now();
    let mut report = Vec::new();
    let mut say = |line: String, report: &mut Vec<String>| {
        log(format!(
            "[{} {:>6.1}s] {line}",
            spec.lang,
            start.elapsed().as_secs_f64()
        ));
        report.push(line);
    };
    let inputs = spec.inputs();
    let settings_text = format!("{settings:?}");
    let header = Header {
        lang: spec.lang.clone(),
        inputs_hash: inputs_hash(treebanks, &inputs)?,
        settings_hash: str_hash(&settings_text),
        inputs,
        settings: settings_text,
    };
    let train_s = read(treebanks, &spec.train)?;
    let dev_s = read(treebanks, &spec.dev)?;
    let (train_t, dev_t) = (tag_items(&train_s), tag_items(&dev_s));
    say(
        format!(
            "{} train sentences, {} dev sentences",
            train_t.len(),
            dev_t.len()
        ),
        &mut report,
    );
    let (tagger, epoch) = tagger::train(&train_t, &dev_t, &settings.tag, &mut |l| {
        say(l, &mut report)
    });
    say(format!("tagger: best epoch {epoch}"), &mut report);
    let lemmatizer = lemmatizer(&train_s, &tagger);
    let fold_settings = TagSettings {
        epochs: epoch.max(1),
        ..settings.tag.clone()
    };
    let train_tags = if settings.folds == 0 {
        gold_tags(&tagger, &train_t)
    } else {
        jackknife(&train_t, &fold_settings, settings.folds, &mut |l| {
            say(l, &mut report)
        })
    };
    let dev_tags = predict(&tagger, &dev_t);
    let rels = LabelSet::from_names(
        train_s
            .iter()
            .flat_map(|s| s.words().map(|w| w.deprel.as_str()))
            .chain(["root", "dep"]),
    );
    let (p_train, p_dev) = (
        parse_items(&train_s, &train_tags, &rels),
        parse_items(&dev_s, &dev_tags, &rels),
    );
    let verb = tagger.upos.id("VERB");
    let (parser, epoch) = parser::train(&p_train, &p_dev, rels, verb, &settings.parse, &mut |l| {
        say(l, &mut report)
    })?;
    say(format!("parser: best epoch {epoch}"), &mut report);
    let contractions = Contractions::train(
        &tagger,
        &train_s,
        &dev_s,
        CONTRACTION_EPOCHS,
        CONTRACTION_SEED,
        &mut |l| say(l, &mut report),
    );
    let model = Model::new(header, tagger, lemmatizer, parser, contractions);
    let bytes = model.to_bytes();
    say(format!("model: {} bytes", bytes.len()), &mut report);
    Ok(Trained {
        model,
        bytes,
        report,
    })
}

fn lemmatizer(train: &[Sentence], tagger: &Tagger) -> Lemmatizer {
    Lemmatizer::train(train.iter().flat_map(|s| s.words()).filter_map(|w| {
        let u = tagger.upos.id(&w.upos)?;
        Some((w.form.as_str(), u as u8, w.lemma.as_str()))
    }))
}
