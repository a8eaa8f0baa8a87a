//! vigie-pipeline: configuration, stage wiring and the parallel driver.
//!
//! [`run`] reads the inputs in a deterministic order, processes documents in
//! parallel in bounded batches (memory does not grow with the input), and
//! hands each document's outcome to a sink in input order. Every input
//! document ends as exactly one [`DocOutcome`], and the [`RunSummary`]
//! accounts for all of them.

pub mod input;
mod process;
pub mod summary;

use std::path::PathBuf;

use vigie_core::{Date, Doc, Lang, ProcessedDoc};
use vigie_resources::Resources;

pub use process::hash_hex;
pub use summary::{Entry, RunSummary};
pub use vigie_extract::{Extraction, Extractor, TraceItem};

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Resources(#[from] vigie_resources::Error),
    #[error(transparent)]
    Text(#[from] vigie_text::Error),
    #[error("cannot start {threads} worker threads: {message}")]
    Threads { threads: usize, message: String },
    #[error(transparent)]
    Extract(#[from] vigie_extract::Error),
}

/// What a run is told by its caller.
#[derive(Debug, Clone)]
pub struct Config {
    pub resources: Resources,
    /// Worker threads; 0 means one per core.
    pub threads: usize,
    /// Publication date for documents whose metadata has none.
    pub published: Option<Date>,
    /// Language for every document, instead of detecting it.
    pub lang: Option<Lang>,
    /// Larger documents are truncated at a sentence boundary (or skipped
    /// when `strict`).
    pub max_doc_bytes: usize,
    /// Longer documents are extracted in sections of at most this many
    /// bytes, cut at sentence ends: extraction weighs every mention against
    /// the rest of its document, so one 10 MB text would cost far more than
    /// a thousand 10 KB articles. Context does not cross sections.
    pub section_bytes: usize,
    pub strict: bool,
    /// Documents per parallel batch: bounds memory.
    pub batch_size: usize,
    /// Tag and parse the sentences extraction selects, so that the
    /// extraction passes read their trees (on by default; `--no-parse`
    /// turns it off, for speed, at a cost in accuracy).
    pub parse: bool,
    /// Work units one document may spend (HTML tags and attributes,
    /// tokens, parsed words, records: see `docs/reliability.md`); past it
    /// the document fails with that reason and the run goes on.
    pub max_doc_work: u64,
    /// Follow symbolic links inside input directories (loops are detected
    /// and every file is read once); by default they are skipped.
    pub follow: bool,
}

/// The default work budget of one document: far above what the largest
/// document within the default size limit spends (see docs/reliability.md).
pub const DEFAULT_MAX_DOC_WORK: u64 = 50_000_000;

/// Most worker threads a run starts, whatever it is asked: more than this
/// only costs memory on any machine vigie runs on.
pub const MAX_THREADS: usize = 256;

impl Default for Config {
    fn default() -> Self {
        Config {
            resources: Resources::embedded(),
            threads: 0,
            published: None,
            lang: None,
            max_doc_bytes: 10 * 1024 * 1024,
            section_bytes: 128 * 1024,
            strict: false,
            batch_size: 256,
            parse: true,
            max_doc_work: DEFAULT_MAX_DOC_WORK,
            follow: false,
        }
    }
}

/// The extraction stage as the pipeline sees it.
pub type ExtractFn = dyn Fn(&Doc) -> Extraction + Send + Sync;

/// Loaded stages, ready to process documents. Load once, use for many runs.
pub struct Engine {
    config: Config,
    preparer: vigie_text::Preparer,
    html: vigie_text::HtmlExtractor,
    extract: Box<ExtractFn>,
    /// The bundled extractor, when the engine was loaded with it (for
    /// `--explain`, which needs its trace).
    extractor: Option<std::sync::Arc<Extractor>>,
    pool: rayon::ThreadPool,
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine")
            .field("config", &self.config)
            .finish_non_exhaustive()
    }
}

impl Engine {
    /// Loads every stage from the configured resources.
    pub fn load(config: &Config) -> Result<Engine, Error> {
        let extractor = std::sync::Arc::new(Extractor::load(&config.resources, config.parse)?);
        let mut engine = Engine::with_extractor(config, {
            let x = extractor.clone();
            Box::new(move |doc: &Doc| x.extract(doc))
        })?;
        engine.extractor = Some(extractor);
        Ok(engine)
    }

    /// Like [`Engine::load`] with a given extraction stage (tests, tools).
    pub fn with_extractor(config: &Config, extract: Box<ExtractFn>) -> Result<Engine, Error> {
        let preparer = vigie_text::Preparer::from_resources(&config.resources)?;
        let html = vigie_text::HtmlExtractor::from_resources(&config.resources)?;
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(config.threads.min(MAX_THREADS))
            .thread_name(|i| format!("vigie-worker-{i}"))
            .build()
            .map_err(|e| Error::Threads {
                threads: config.threads,
                message: e.to_string(),
            })?;
        Ok(Engine {
            config: config.clone(),
            preparer,
            html,
            extract,
            extractor: None,
            pool,
        })
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    pub fn threads(&self) -> usize {
        self.pool.current_num_threads()
    }

    /// Prepares one decoded text as a document (normalize, language,
    /// sentences) without extracting: for tools such as `--explain`.
    pub fn prepare(&self, meta: vigie_core::DocMeta, text: String) -> Doc {
        self.preparer.prepare(meta, text)
    }

    /// The bundled extractor, if this engine uses it.
    pub fn extractor(&self) -> Option<&Extractor> {
        self.extractor.as_deref()
    }

    /// Runs the extraction stage on a prepared document.
    pub fn extract(&self, doc: &Doc) -> Extraction {
        (self.extract)(doc)
    }
}

/// The fate of one input document.
#[derive(Debug)]
pub enum DocOutcome {
    Processed(Box<ProcessedDoc>),
    Skipped { origin: String, reason: String },
    Failed { origin: String, reason: String },
}

/// Progress reported to the caller after each batch.
#[derive(Debug, Clone, Copy, Default)]
pub struct Progress {
    pub documents: usize,
    pub bytes: u64,
}

/// Walks the inputs (files, directories, "-" for stdin), processes documents
/// in parallel, and calls `sink` once per input document, in deterministic
/// input order. Stops early only when the sink fails (its error is returned);
/// bad documents never stop the run.
pub fn run(
    engine: &Engine,
    inputs: &[PathBuf],
    sink: &mut dyn FnMut(DocOutcome) -> std::io::Result<()>,
) -> Result<RunSummary, std::io::Error> {
    run_with_progress(engine, inputs, sink, &mut |_| {})
}

/// [`run`] with a progress callback, called after every batch.
pub fn run_with_progress(
    engine: &Engine,
    inputs: &[PathBuf],
    sink: &mut dyn FnMut(DocOutcome) -> std::io::Result<()>,
    progress: &mut dyn FnMut(Progress),
) -> Result<RunSummary, std::io::Error> {
    let started = std::time::Instant::now();
    let mut summary = RunSummary {
        parsing: engine.config.parse,
        ..RunSummary::default()
    };
    let mut batch: Vec<input::WorkItem> = Vec::with_capacity(engine.config.batch_size);
    let mut batch_bytes = 0usize;
    let mut sink_error: Option<std::io::Error> = None;
    let mut done = Progress::default();
    // A batch is flushed when it holds batch_size documents or about 64 MB.
    const BATCH_BYTES: usize = 64 << 20;
    let mut flush = |batch: &mut Vec<input::WorkItem>,
                     summary: &mut RunSummary,
                     sink_error: &mut Option<std::io::Error>| {
        if sink_error.is_some() || batch.is_empty() {
            batch.clear();
            return;
        }
        let items = std::mem::take(batch);
        let bytes: u64 = items.iter().map(process::item_bytes).sum();
        let outcomes = engine.pool.install(|| {
            use rayon::prelude::*;
            items
                .into_par_iter()
                .map(|item| process::process_item(engine, item))
                .collect::<Vec<_>>()
        });
        done.documents += outcomes.len();
        done.bytes += bytes;
        for (outcome, work) in outcomes {
            summary.work += work;
            summary.record(&outcome);
            if let Err(e) = sink(outcome) {
                *sink_error = Some(e);
                return;
            }
        }
        progress(done);
    };
    // The walk is lazy: documents are processed while it goes on.
    for found in input::walk(inputs, engine.config.follow) {
        let found = match found {
            Ok(f) => f,
            Err(item) => {
                batch.push(item);
                if batch.len() >= engine.config.batch_size.max(1) {
                    flush(&mut batch, &mut summary, &mut sink_error);
                    batch_bytes = 0;
                }
                if sink_error.is_some() {
                    break;
                }
                continue;
            }
        };
        input::read(&found, engine.config.max_doc_bytes.max(1), &mut |item| {
            batch_bytes += process::item_bytes(&item) as usize;
            batch.push(item);
            if batch.len() >= engine.config.batch_size.max(1) || batch_bytes >= BATCH_BYTES {
                flush(&mut batch, &mut summary, &mut sink_error);
                batch_bytes = 0;
            }
            sink_error.is_none()
        });
        if sink_error.is_some() {
            break;
        }
    }
    flush(&mut batch, &mut summary, &mut sink_error);
    summary.elapsed_ms = started.elapsed().as_millis() as u64;
    summary.threads = engine.threads();
    match sink_error {
        Some(e) => Err(e),
        None => Ok(summary),
    }
}
