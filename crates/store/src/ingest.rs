//! Writing: one transaction per batch of documents.

use std::collections::{BTreeSet, HashMap};

use rusqlite::{OptionalExtension, Transaction, params};
use vigie_core::{Event, Location, ProcessedDoc};
use vigie_dedupe::{Fingerprint, LinkKind, MatchKey, MinHasher, PlaceKey, Signature};

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
    /// The same id with the same content hash is already stored: nothing done.
    Unchanged,
    /// The same id with another content hash: the old version was removed
    /// (its events left their clusters) and the new one stored.
    Replaced,
}

/// What a batch wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct BatchStats {
    pub added: u64,
    pub unchanged: u64,
    pub replaced: u64,
    pub events: u64,
    pub new_clusters: u64,
    pub joined_clusters: u64,
    pub figures: u64,
    pub links: u64,
    pub issues: u64,
}

impl BatchStats {
    pub fn add(&mut self, o: &BatchStats) {
        self.added += o.added;
        self.unchanged += o.unchanged;
        self.replaced += o.replaced;
        self.events += o.events;
        self.new_clusters += o.new_clusters;
        self.joined_clusters += o.joined_clusters;
        self.figures += o.figures;
        self.links += o.links;
        self.issues += o.issues;
    }
}

/// One write transaction. Dropping it without [`Batch::commit`] rolls back.
pub struct Batch<'a> {
    tx: Transaction<'a>,
    run: i64,
    hasher: MinHasher,
    stats: BatchStats,
    now: i64,
}

/// The cluster columns that matching reads.
struct ClusterRow {
    rowid: i64,
    key: MatchKey,
}

impl<'a> Batch<'a> {
    pub(crate) fn new(tx: Transaction<'a>, run: i64) -> Result<Batch<'a>> {
        Ok(Batch {
            tx,
            run,
            hasher: MinHasher::new(),
            stats: BatchStats::default(),
            now: now_unix(),
        })
    }

    pub fn stats(&self) -> BatchStats {
        self.stats
    }

    /// Commits the batch: all of its documents become visible at once.
    pub fn commit(self) -> Result<BatchStats> {
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

    /// Stores one processed document: its row, near-duplicate links, events
    /// (each joining or starting a cluster) and figures.
    pub fn add_doc(&mut self, doc: &ProcessedDoc) -> Result<AddOutcome> {
        let existing: Option<(i64, String)> = self
            .tx
            .prepare_cached("SELECT rowid, content_hash FROM documents WHERE id = ?1")?
            .query_row([&doc.meta.id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        let outcome = match existing {
            Some((_, hash)) if hash == doc.content_hash => {
                self.stats.unchanged += 1;
                return Ok(AddOutcome::Unchanged);
            }
            Some((rowid, _)) => {
                self.remove_doc(rowid)?;
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
                                        shingles, signature, diagnostics, run, ingested)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
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
            ])?;
        let rowid = self.tx.last_insert_rowid();
        self.link(rowid, &doc.content_hash, &fp)?;
        for (seq, ev) in doc.events.iter().enumerate() {
            self.add_event(rowid, &doc.meta.id, seq, ev)?;
        }
        for (seq, fig) in doc.figures.iter().enumerate() {
            let mut fig = fig.clone();
            if fig.doc.is_empty() {
                fig.doc.clone_from(&doc.meta.id);
            }
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

    fn add_event(&mut self, doc_row: i64, doc_id: &str, seq: usize, ev: &Event) -> Result<()> {
        let mut ev = ev.clone();
        if ev.doc.is_empty() {
            ev.doc = doc_id.to_string();
        }
        let cluster = match MatchKey::of(&ev) {
            Some(key) => self.find_cluster(&key)?,
            None => None,
        };
        let cluster_row = match cluster {
            Some(c) => {
                let record: String = self
                    .tx
                    .prepare_cached("SELECT record FROM clusters WHERE rowid = ?1")?
                    .query_row([c], |r| r.get(0))?;
                let mut rep: Event = serde_json::from_str(&record)?;
                let seen: Option<i64> = self
                    .tx
                    .prepare_cached("SELECT 1 FROM events WHERE cluster = ?1 AND doc = ?2 LIMIT 1")?
                    .query_row(params![c, doc_row], |r| r.get(0))
                    .optional()?;
                vigie_dedupe::absorb(&mut rep, &ev, seen.is_none());
                self.write_cluster(Some(c), &rep)?;
                self.stats.joined_clusters += 1;
                c
            }
            None => {
                let id = self.new_cluster_id(doc_id, seq)?;
                let rep = vigie_dedupe::start_cluster(id, &ev);
                self.stats.new_clusters += 1;
                self.write_cluster(None, &rep)?
            }
        };
        self.tx
            .prepare_cached(
                "INSERT INTO events (doc, seq, id, cluster, record) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![
                doc_row,
                seq as i64,
                ev.id,
                cluster_row,
                serde_json::to_string(&ev)?
            ])?;
        self.stats.events += 1;
        Ok(())
    }

    /// A new cluster's id: a hash of the founding document id and event
    /// index. A cluster founded by an earlier version of the same document
    /// lives on while other documents report its event, so the id may be
    /// taken: then the next free `…#n` variant (deterministic, as the
    /// store's history is).
    fn new_cluster_id(&mut self, doc_id: &str, seq: usize) -> Result<String> {
        let mut key = format!("{doc_id}#{seq}");
        for n in 1.. {
            let id = format!("cl-{:016x}", xxhash_rust::xxh3::xxh3_64(key.as_bytes()));
            let taken: Option<i64> = self
                .tx
                .prepare_cached("SELECT 1 FROM clusters WHERE id = ?1")?
                .query_row([&id], |r| r.get(0))
                .optional()?;
            if taken.is_none() {
                return Ok(id);
            }
            key = format!("{doc_id}#{seq}#{n}");
        }
        unreachable!("the loop above only ends by returning")
    }

    /// The best existing cluster for a report: the nearest place among the
    /// clusters that can be its event, the oldest cluster on a tie.
    fn find_cluster(&mut self, key: &MatchKey) -> Result<Option<i64>> {
        let start = key.start.to_string();
        let end = key.end.to_string();
        let country = key.place.as_ref().and_then(|p| p.country.clone());
        let sql = match (&key.place, &country) {
            (None, _) => {
                "SELECT rowid, date_start, date_end, event_type, sub_event_type, actor1, country, admin1, location,
                        geo_precision, lat, lon
                 FROM clusters WHERE date_end >= ?1 AND date_start <= ?2 AND location IS NULL AND ?3 IS NULL"
            }
            (Some(_), Some(_)) => {
                "SELECT rowid, date_start, date_end, event_type, sub_event_type, actor1, country, admin1, location,
                        geo_precision, lat, lon
                 FROM clusters WHERE date_end >= ?1 AND date_start <= ?2 AND location IS NOT NULL
                   AND (country = ?3 OR country IS NULL)"
            }
            (Some(_), None) => {
                "SELECT rowid, date_start, date_end, event_type, sub_event_type, actor1, country, admin1, location,
                        geo_precision, lat, lon
                 FROM clusters WHERE date_end >= ?1 AND date_start <= ?2 AND location IS NOT NULL AND ?3 IS NULL"
            }
        };
        let mut stmt = self.tx.prepare_cached(sql)?;
        let rows = stmt.query_map(params![start, end, country], |r| {
            let date = |i: usize| -> rusqlite::Result<Option<vigie_core::Date>> {
                Ok(r.get::<_, Option<String>>(i)?.and_then(|s| s.parse().ok()))
            };
            let (Some(start), Some(end)) = (date(1)?, date(2)?) else {
                return Ok(None);
            };
            let location: Option<String> = r.get(8)?;
            let place = location.map(|name| -> rusqlite::Result<PlaceKey> {
                Ok(PlaceKey {
                    name,
                    country: r.get(6)?,
                    admin1: r.get(7)?,
                    precision: r.get::<_, Option<u8>>(9)?.unwrap_or(3),
                    lat: r.get(10)?,
                    lon: r.get(11)?,
                })
            });
            let place = match place {
                Some(p) => Some(p?),
                None => None,
            };
            Ok(Some(ClusterRow {
                rowid: r.get(0)?,
                key: MatchKey {
                    start,
                    end,
                    event_type: r.get(3)?,
                    sub_event_type: r.get(4)?,
                    actor1: r.get(5)?,
                    place,
                },
            }))
        })?;
        let mut best: Option<(f64, i64)> = None;
        for row in rows {
            let Some(row) = row? else { continue };
            if let Some(d) = vigie_dedupe::match_distance(&row.key, key) {
                let better = match best {
                    None => true,
                    Some((bd, br)) => d < bd || (d == bd && row.rowid < br),
                };
                if better {
                    best = Some((d, row.rowid));
                }
            }
        }
        Ok(best.map(|(_, r)| r))
    }

    /// Inserts (rowid `None`) or updates a cluster row; returns its rowid.
    fn write_cluster(&mut self, rowid: Option<i64>, rep: &Event) -> Result<i64> {
        let (start, end) = match vigie_dedupe::interval(rep) {
            Some((s, e)) => (Some(s.to_string()), Some(e.to_string())),
            None => (None, None),
        };
        let loc: Option<&Location> = rep.location.as_ref();
        let record = serde_json::to_string(rep)?;
        let values = params![
            rep.id,
            start,
            end,
            rep.event_type,
            rep.sub_event_type,
            rep.actor1,
            rep.actor2,
            loc.and_then(|l| l.country.clone()),
            loc.and_then(|l| l.admin1.clone()),
            loc.map(|l| l.name.clone()),
            loc.map(|l| l.geo_precision),
            loc.and_then(|l| l.lat),
            loc.and_then(|l| l.lon),
            rep.claimed,
            rep.source_count.unwrap_or(1) as i64,
            self.now,
            record,
        ];
        match rowid {
            None => {
                self.tx
                    .prepare_cached(
                        "INSERT INTO clusters (id, date_start, date_end, event_type, sub_event_type, actor1, actor2,
                             country, admin1, location, geo_precision, lat, lon, claimed, source_count, updated, record)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
                    )?
                    .execute(values)?;
                Ok(self.tx.last_insert_rowid())
            }
            Some(r) => {
                let mut stmt = self.tx.prepare_cached(
                    "UPDATE clusters SET id = ?1, date_start = ?2, date_end = ?3, event_type = ?4,
                         sub_event_type = ?5, actor1 = ?6, actor2 = ?7, country = ?8, admin1 = ?9, location = ?10,
                         geo_precision = ?11, lat = ?12, lon = ?13, claimed = ?14, source_count = ?15,
                         updated = ?16, record = ?17
                     WHERE rowid = ?18",
                )?;
                let mut all: Vec<&dyn rusqlite::ToSql> = values.to_vec();
                all.push(&r);
                stmt.execute(all.as_slice())?;
                Ok(r)
            }
        }
    }

    /// Removes a stored document; its events leave their clusters, which are
    /// refolded from their remaining reports (or deleted when none is left).
    fn remove_doc(&mut self, rowid: i64) -> Result<()> {
        let clusters: Vec<i64> = self
            .tx
            .prepare_cached("SELECT DISTINCT cluster FROM events WHERE doc = ?1 ORDER BY cluster")?
            .query_map([rowid], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        self.tx
            .execute("DELETE FROM events WHERE doc = ?1", [rowid])?;
        for c in clusters {
            self.refold_cluster(c)?;
        }
        self.tx
            .execute("DELETE FROM documents WHERE rowid = ?1", [rowid])?;
        Ok(())
    }

    fn refold_cluster(&mut self, c: i64) -> Result<()> {
        let id: String =
            self.tx
                .query_row("SELECT id FROM clusters WHERE rowid = ?1", [c], |r| {
                    r.get(0)
                })?;
        let members: Vec<(i64, String)> = self
            .tx
            .prepare_cached("SELECT doc, record FROM events WHERE cluster = ?1 ORDER BY rowid")?
            .query_map([c], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut rep: Option<Event> = None;
        let mut docs = BTreeSet::new();
        for (doc, record) in members {
            let ev: Event = serde_json::from_str(&record)?;
            let new_source = docs.insert(doc);
            match rep.as_mut() {
                None => rep = Some(vigie_dedupe::start_cluster(id.clone(), &ev)),
                Some(r) => vigie_dedupe::absorb(r, &ev, new_source),
            }
        }
        match rep {
            Some(rep) => {
                self.write_cluster(Some(c), &rep)?;
            }
            None => {
                self.tx
                    .execute("DELETE FROM clusters WHERE rowid = ?1", [c])?;
            }
        }
        Ok(())
    }
}
