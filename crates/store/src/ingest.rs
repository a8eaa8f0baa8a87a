//! Writing: one transaction per batch of documents.

use std::collections::HashMap;

use rusqlite::{OptionalExtension, Transaction, params};
use vigie_core::{Event, Figure, ProcessedDoc};
use vigie_dedupe::{Fingerprint, LinkKind, MinHasher, Signature};

use crate::recluster::{self, Finder, Pending};
use crate::{Result, now_unix};

/// At most this many earlier documents are taken from one LSH bucket (the
/// most recent ones): boilerplate shared by thousands of pages must not make
/// ingest quadratic.
const BUCKET_LIMIT: i64 = 64;
/// At most this many candidates (those sharing the most bands) are verified
/// per new document.
const MAX_VERIFIED: usize = 32;
/// At most this many exact copies are linked to a new document.
const EXACT_LIMIT: i64 = 16;

/// What [`Batch::add_doc`] did with a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AddOutcome {
    /// New document stored.
    Added,
    /// The same id with the same inputs (text, published date, language,
    /// title) is already stored: nothing done. Also when its stored events
    /// came from another engine version or resource set and re-processing
    /// was not asked for ([`BatchStats::stale`] counts those).
    Unchanged,
    /// The same id with other inputs: the old version was removed (its
    /// events left their clusters) and the new one stored.
    Replaced,
    /// Same inputs, another engine version or resource set, and
    /// [`IngestOptions::reprocess`]: the document's events and figures were
    /// replaced by the new extraction's (or, when it found the same ones,
    /// only their provenance was updated).
    Reprocessed,
}

/// Who extracts the documents of a batch, and whether documents extracted
/// by someone else are re-processed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IngestOptions {
    /// The engine version (vigie's version) recorded with each event.
    pub engine: String,
    /// The hash of the resource set that extracted the documents.
    pub resources: String,
    /// Replace the stored events of a document whose inputs are unchanged
    /// but which another engine version or resource set extracted.
    pub reprocess: bool,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            engine: env!("CARGO_PKG_VERSION").to_string(),
            resources: String::new(),
            reprocess: false,
        }
    }
}

/// What a batch wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct BatchStats {
    pub added: u64,
    pub unchanged: u64,
    pub replaced: u64,
    /// Documents re-extracted with `--reprocess`.
    pub reprocessed: u64,
    /// Unchanged documents whose stored events another engine version or
    /// resource set extracted (left as they are without `--reprocess`).
    pub stale: u64,
    pub events: u64,
    pub new_clusters: u64,
    /// New events placed in a cluster with other reports.
    pub joined_clusters: u64,
    /// Existing clusters whose members or fields changed.
    pub changed_clusters: u64,
    /// Clusters left without members (merged into others or emptied).
    pub removed_clusters: u64,
    pub figures: u64,
    pub links: u64,
    pub issues: u64,
}

impl BatchStats {
    pub fn add(&mut self, o: &BatchStats) {
        self.added += o.added;
        self.unchanged += o.unchanged;
        self.replaced += o.replaced;
        self.reprocessed += o.reprocessed;
        self.stale += o.stale;
        self.events += o.events;
        self.new_clusters += o.new_clusters;
        self.joined_clusters += o.joined_clusters;
        self.changed_clusters += o.changed_clusters;
        self.removed_clusters += o.removed_clusters;
        self.figures += o.figures;
        self.links += o.links;
        self.issues += o.issues;
    }
}

/// One write transaction. Dropping it without [`Batch::commit`] rolls back.
pub struct Batch<'a> {
    tx: Transaction<'a>,
    run: i64,
    options: IngestOptions,
    hasher: MinHasher,
    stats: BatchStats,
    now: i64,
    /// What the batch leaves to re-cluster before it commits.
    pending: Pending,
    finder: Finder,
}

/// A stored document's row and what produced its events.
struct StoredDoc {
    rowid: i64,
    inputs: Inputs,
    engine: Option<String>,
    resources: Option<String>,
}

/// What a document's events depend on besides the engine and resources:
/// its text and the metadata extraction reads.
#[derive(Debug, PartialEq, Eq)]
struct Inputs {
    content_hash: String,
    published: Option<String>,
    lang: String,
    title: Option<String>,
}

impl Inputs {
    fn of(doc: &ProcessedDoc) -> Inputs {
        Inputs {
            content_hash: doc.content_hash.clone(),
            published: doc.meta.published.map(|d| d.to_string()),
            lang: doc.lang.as_str().to_string(),
            title: doc.meta.title.clone(),
        }
    }
}

/// A document's event as the store keeps it (the document id filled in).
fn stored_event(ev: &Event, doc_id: &str) -> Event {
    let mut ev = ev.clone();
    if ev.doc.is_empty() {
        ev.doc = doc_id.to_string();
    }
    ev
}

/// A document's figure as the store keeps it (the document id filled in).
fn stored_figure(fig: &Figure, doc_id: &str) -> Figure {
    let mut fig = fig.clone();
    if fig.doc.is_empty() {
        fig.doc = doc_id.to_string();
    }
    fig
}

impl<'a> Batch<'a> {
    pub(crate) fn new(tx: Transaction<'a>, run: i64, options: IngestOptions) -> Result<Batch<'a>> {
        Ok(Batch {
            tx,
            run,
            options,
            hasher: MinHasher::new(),
            stats: BatchStats::default(),
            now: now_unix(),
            pending: Pending::default(),
            finder: Finder::default(),
        })
    }

    pub fn stats(&self) -> BatchStats {
        self.stats
    }

    /// Re-clusters the neighbourhoods the batch touched, then commits: all
    /// of its documents and their clusters become visible at once.
    pub fn commit(mut self) -> Result<BatchStats> {
        if !self.pending.is_empty() {
            let o = recluster::recluster(&self.tx, &self.pending, self.now)?;
            self.stats.new_clusters += o.new_clusters;
            self.stats.joined_clusters += o.joined;
            self.stats.changed_clusters += o.changed_clusters;
            self.stats.removed_clusters += o.removed_clusters;
        }
        self.tx.commit()?;
        Ok(self.stats)
    }

    /// Records an input the pipeline skipped or failed on.
    pub fn add_issue(&mut self, origin: &str, status: &str, reason: &str) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO run_issues (run, origin, status, reason) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![self.run, origin, status, reason])?;
        self.stats.issues += 1;
        Ok(())
    }

    fn stored(&self, id: &str) -> Result<Option<StoredDoc>> {
        Ok(self
            .tx
            .prepare_cached(
                "SELECT rowid, content_hash, published, lang, title, engine, resources
                 FROM documents WHERE id = ?1",
            )?
            .query_row([id], |r| {
                Ok(StoredDoc {
                    rowid: r.get(0)?,
                    inputs: Inputs {
                        content_hash: r.get(1)?,
                        published: r.get(2)?,
                        lang: r.get(3)?,
                        title: r.get(4)?,
                    },
                    engine: r.get(5)?,
                    resources: r.get(6)?,
                })
            })
            .optional()?)
    }

    /// Stores one processed document: its row, near-duplicate links, events
    /// and figures; its events are clustered when the batch commits.
    ///
    /// A document stored with the same inputs (text, published date,
    /// language, title) is left as it is, unless another engine version or
    /// resource set extracted it and [`IngestOptions::reprocess`] is set.
    /// One stored with other inputs is replaced.
    pub fn add_doc(&mut self, doc: &ProcessedDoc) -> Result<AddOutcome> {
        let outcome = match self.stored(&doc.meta.id)? {
            Some(old) if old.inputs == Inputs::of(doc) => {
                let current = old.engine.as_deref() == Some(self.options.engine.as_str())
                    && old.resources.as_deref() == Some(self.options.resources.as_str());
                if current {
                    self.stats.unchanged += 1;
                    return Ok(AddOutcome::Unchanged);
                }
                if !self.options.reprocess {
                    self.stats.unchanged += 1;
                    self.stats.stale += 1;
                    return Ok(AddOutcome::Unchanged);
                }
                self.stats.reprocessed += 1;
                if self.same_outputs(old.rowid, doc)? {
                    self.update_provenance(old.rowid)?;
                    return Ok(AddOutcome::Reprocessed);
                }
                self.remove_doc(old.rowid)?;
                AddOutcome::Reprocessed
            }
            Some(old) => {
                self.remove_doc(old.rowid)?;
                self.stats.replaced += 1;
                AddOutcome::Replaced
            }
            None => {
                self.stats.added += 1;
                AddOutcome::Added
            }
        };
        let fp = Fingerprint::of(&self.hasher, &doc.norm_text);
        self.tx
            .prepare_cached(
                "INSERT INTO documents (id, origin, title, url, published, lang, content_hash, text, norm_text,
                                        shingles, signature, diagnostics, run, ingested, engine, resources)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
            )?
            .execute(params![
                doc.meta.id,
                doc.meta.origin,
                doc.meta.title,
                doc.meta.url,
                doc.meta.published.map(|d| d.to_string()),
                doc.lang.as_str(),
                doc.content_hash,
                doc.text,
                doc.norm_text,
                fp.shingles.len() as i64,
                fp.signature.to_bytes(),
                serde_json::to_string(&doc.diagnostics)?,
                self.run,
                self.now,
                self.options.engine,
                self.options.resources,
            ])?;
        let rowid = self.tx.last_insert_rowid();
        self.link(rowid, &doc.content_hash, &fp)?;
        for (seq, ev) in doc.events.iter().enumerate() {
            self.add_event(rowid, &doc.meta.id, seq, ev)?;
        }
        for (seq, fig) in doc.figures.iter().enumerate() {
            let fig = stored_figure(fig, &doc.meta.id);
            self.tx
                .prepare_cached(
                    "INSERT INTO figures (doc, seq, what, count, subject, source, as_of, record)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                )?
                .execute(params![
                    rowid,
                    seq as i64,
                    fig.what,
                    i64::try_from(fig.count).unwrap_or(i64::MAX),
                    fig.subject,
                    fig.source,
                    fig.as_of.map(|d| d.to_string()),
                    serde_json::to_string(&fig)?,
                ])?;
            self.stats.figures += 1;
        }
        Ok(outcome)
    }

    /// Links the new document `rowid` to earlier exact copies (same content
    /// hash) and to near duplicates found through the LSH table and verified
    /// on exact shingle sets; then files its own band keys.
    fn link(&mut self, rowid: i64, hash: &str, fp: &Fingerprint) -> Result<()> {
        let exact: Vec<i64> = self
            .tx
            .prepare_cached(
                "SELECT rowid FROM documents WHERE content_hash = ?1 AND rowid <> ?2 ORDER BY rowid LIMIT ?3",
            )?
            .query_map(params![hash, rowid, EXACT_LIMIT], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for &other in &exact {
            self.insert_link(other, rowid, LinkKind::Exact, 1.0, 1.0)?;
        }
        let keys = fp.signature.band_keys();
        // Earlier documents sharing a band, with the number of bands shared:
        // the more bands, the higher the Jaccard. Only the best are verified.
        let mut hits: HashMap<i64, u32> = HashMap::new();
        {
            let mut stmt = self
                .tx
                .prepare_cached("SELECT doc FROM lsh WHERE key = ?1 ORDER BY doc DESC LIMIT ?2")?;
            for &k in &keys {
                for d in stmt.query_map(params![k as i64, BUCKET_LIMIT], |r| r.get::<_, i64>(0))? {
                    *hits.entry(d?).or_default() += 1;
                }
            }
        }
        let mut candidates: Vec<(u32, i64)> = hits
            .into_iter()
            .filter(|(d, _)| *d != rowid && !exact.contains(d))
            .map(|(d, n)| (n, d))
            .collect();
        candidates.sort_unstable_by(|a, b| b.cmp(a));
        candidates.truncate(MAX_VERIFIED);
        for (_, other) in candidates {
            let (n, sig): (i64, Vec<u8>) = self
                .tx
                .prepare_cached("SELECT shingles, signature FROM documents WHERE rowid = ?1")?
                .query_row([other], |r| Ok((r.get(0)?, r.get(1)?)))?;
            let Some(sig) = Signature::from_bytes(&sig) else {
                continue;
            };
            // Cheap screen on the MinHash estimate before the exact check:
            // the overlap ratio implied by the estimated Jaccard and the sizes.
            let j = fp.signature.jaccard_estimate(&sig);
            let (na, nb) = (fp.shingles.len() as f64, n as f64);
            let ratio_est = if na.min(nb) > 0.0 {
                j * (na + nb) / ((1.0 + j) * na.min(nb))
            } else {
                0.0
            };
            if j < 0.5 && ratio_est < 0.3 {
                continue;
            }
            let norm: String = self
                .tx
                .prepare_cached("SELECT norm_text FROM documents WHERE rowid = ?1")?
                .query_row([other], |r| r.get(0))?;
            let exact_overlap = vigie_dedupe::overlap(&vigie_dedupe::shingles(&norm), &fp.shingles);
            if let Some(kind) = LinkKind::of(&exact_overlap) {
                self.insert_link(
                    other,
                    rowid,
                    kind,
                    exact_overlap.jaccard,
                    exact_overlap.ratio,
                )?;
            }
        }
        // One statement for all of the document's band keys.
        if !keys.is_empty() {
            // ?1 is the document, the anonymous ? are numbered 2, 3, … in order.
            let mut sql = String::from("INSERT OR IGNORE INTO lsh (doc, key) VALUES ");
            for i in 0..keys.len() {
                sql.push_str(if i == 0 { "(?1, ?)" } else { ", (?1, ?)" });
            }
            let mut stmt = self.tx.prepare_cached(&sql)?;
            stmt.raw_bind_parameter(1, rowid)?;
            for (i, k) in keys.iter().enumerate() {
                stmt.raw_bind_parameter(i + 2, *k as i64)?;
            }
            stmt.raw_execute()?;
        }
        Ok(())
    }

    fn insert_link(
        &mut self,
        a: i64,
        b: i64,
        kind: LinkKind,
        jaccard: f64,
        overlap: f64,
    ) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT OR REPLACE INTO doc_links (a, b, kind, jaccard, overlap) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![a, b, kind.as_str(), jaccard, overlap])?;
        self.stats.links += 1;
        Ok(())
    }

    /// Stores one event of document `doc_row`, without a cluster until
    /// the batch re-clusters.
    fn add_event(&mut self, doc_row: i64, doc_id: &str, seq: usize, ev: &Event) -> Result<()> {
        let ev = stored_event(ev, doc_id);
        let k = recluster::key_columns(&ev)?;
        self.tx
            .prepare_cached(
                "INSERT INTO events (doc, seq, id, cluster, record, engine, resources,
                                     day_start, day_end, span, zone, match_key)
                 VALUES (?1, ?2, ?3, NULL, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            )?
            .execute(params![
                doc_row,
                seq as i64,
                ev.id,
                serde_json::to_string(&ev)?,
                self.options.engine,
                self.options.resources,
                k.day_start,
                k.day_end,
                k.span,
                k.zone,
                k.match_key,
            ])?;
        let rowid = self.tx.last_insert_rowid();
        self.pending.seeds.insert(rowid);
        self.pending.new_events.insert(rowid);
        self.stats.events += 1;
        Ok(())
    }

    /// Whether a re-extraction found exactly the events and figures stored
    /// for document `rowid`.
    fn same_outputs(&self, rowid: i64, doc: &ProcessedDoc) -> Result<bool> {
        let stored = |sql: &str| -> Result<Vec<String>> {
            Ok(self
                .tx
                .prepare_cached(sql)?
                .query_map([rowid], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?)
        };
        let events: Vec<String> = doc
            .events
            .iter()
            .map(|e| serde_json::to_string(&stored_event(e, &doc.meta.id)))
            .collect::<Result<_, _>>()?;
        if stored("SELECT record FROM events WHERE doc = ?1 ORDER BY seq")? != events {
            return Ok(false);
        }
        let figures: Vec<String> = doc
            .figures
            .iter()
            .map(|f| serde_json::to_string(&stored_figure(f, &doc.meta.id)))
            .collect::<Result<_, _>>()?;
        Ok(stored("SELECT record FROM figures WHERE doc = ?1 ORDER BY seq")? == figures)
    }

    /// Records that the current engine and resources produced document
    /// `rowid`'s events (a re-extraction that found the same ones).
    fn update_provenance(&mut self, rowid: i64) -> Result<()> {
        let (engine, resources) = (&self.options.engine, &self.options.resources);
        self.tx
            .prepare_cached("UPDATE documents SET engine = ?1, resources = ?2 WHERE rowid = ?3")?
            .execute(params![engine, resources, rowid])?;
        self.tx
            .prepare_cached("UPDATE events SET engine = ?1, resources = ?2 WHERE doc = ?3")?
            .execute(params![engine, resources, rowid])?;
        Ok(())
    }

    /// Removes a stored document. Its events leave their clusters; the
    /// clusters they belonged to and the components of their neighbours
    /// are re-clustered when the batch commits (they split as well as
    /// merge).
    fn remove_doc(&mut self, rowid: i64) -> Result<()> {
        let events: Vec<(i64, Option<i64>)> = self
            .tx
            .prepare_cached("SELECT rowid, cluster FROM events WHERE doc = ?1")?
            .query_map([rowid], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (event, cluster) in events {
            self.pending.dissolved.extend(cluster);
            if let Some(node) = recluster::load_node(&self.tx, event)? {
                for (n, _) in self.finder.neighbours(&self.tx, &node)? {
                    self.pending.seeds.insert(n.rowid());
                }
            }
        }
        self.tx
            .execute("DELETE FROM events WHERE doc = ?1", [rowid])?;
        self.tx
            .execute("DELETE FROM documents WHERE rowid = ?1", [rowid])?;
        Ok(())
    }
}
