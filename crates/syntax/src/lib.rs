//! vigie-syntax: a part-of-speech and morphology tagger, a lemmatizer and a
//! labelled dependency parser, trained in the repository from Universal
//! Dependencies treebanks. Pure Rust, offline, deterministic.
//!
//! Entry points: [`Model::from_static`] (tables borrowed from embedded
//! bytes) or [`Model::from_bytes`] (copied) loads a language's model file
//! (`resources/models/<lang>.syntax`); [`Model::split_contractions`]
//! decides ambiguous contractions (French `des` = `de les`) before
//! [`Model::annotate`] analyses one sentence of syntactic words into a
//! reusable [`Analysis`];
//! [`annotate_conllu`] re-annotates a CoNLL-U text keeping its tokens;
//! [`train`] builds model files (used by the `vigie-train-syntax` binary).
//!
//! Invariants: annotation never fails and never panics on any input; every
//! sentence gets exactly one tree with one root (long sentences get a flat
//! tree and `Analysis::fell_back`); the same inputs and settings give the
//! same model bytes.

pub mod conllu;
pub mod contract;
pub mod hash;
mod io;
pub mod labels;
pub mod lemma;
pub mod linear;
pub mod model;
pub mod parser;
pub mod tagger;
pub mod train;

pub use model::{Analysis, FORMAT_VERSION, Header, MAGIC, Model, annotate_conllu};

use std::path::PathBuf;

/// Every error of this crate.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("not a vigie syntax model (bad magic bytes)")]
    BadMagic,
    #[error(
        "syntax model format version {found}, this build reads version {expected}: retrain or replace the model"
    )]
    Version { found: u32, expected: u32 },
    #[error("syntax model is truncated")]
    Truncated,
    #[error("syntax model is corrupt: {0}")]
    Corrupt(&'static str),
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}:{}: {}", .source.line, .source.kind)]
    Conllu {
        path: PathBuf,
        source: conllu::ConlluError,
    },
    #[error("no syntax model for language {0:?}")]
    NoModel(String),
}

/// The model-loading error (the crate's one error type).
pub type ModelError = Error;
