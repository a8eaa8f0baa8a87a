//! vigie-store: the embedded SQLite store, its queries and exports.
//!
//! - [`Store::open`] creates or opens a database, turns on WAL (readers never
//!   block the writer) and applies the schema migrations ([`schema`]).
//! - [`Store::batch`] opens one write transaction; [`Batch::add_doc`] stores a
//!   processed document with its near-duplicate links, events (each joined to
//!   a cluster, incrementally) and figures; [`Batch::commit`] makes the whole
//!   batch durable at once. A crash loses at most the open batch, and since a
//!   document whose id and content hash are already stored is skipped, a
//!   rerun completes the work and ends with the same rows.
//! - [`Store::events`], [`Store::figures`], [`Store::docs`] answer the
//!   filters of `vigie events|figures|docs`; [`export`] writes JSONL, CSV,
//!   ACLED CSV, GeoJSON and PLOVER JSON.
//!
//! Invariants: no terminal IO; never panics on stored or incoming data;
//! ingesting the same documents in the same order gives the same rows.

#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

pub mod countries;
pub mod export;
mod ingest;
mod query;
pub mod schema;

use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

use rusqlite::{Connection, OptionalExtension, params};

pub use ingest::{AddOutcome, Batch, BatchStats};
pub use query::{ClusteredEvent, DocFilter, DocLink, DocRow, EventFilter, FigureFilter, IssueRow};
pub use schema::SCHEMA_VERSION;

/// Errors of the store.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("sqlite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("stored JSON does not parse: {0}")]
    Json(#[from] serde_json::Error),
    #[error("csv: {0}")]
    Csv(String),
    #[error("io: {0}")]
    Io(#[from] std::io::Error),
    #[error(
        "the database has schema version {found}, newer than this vigie supports ({supported})"
    )]
    NewerSchema { found: u32, supported: u32 },
    #[error("invalid filter: {0}")]
    Filter(String),
}

impl From<csv::Error> for Error {
    /// An IO error while writing CSV stays an IO error (a closed pipe must
    /// be recognizable as one).
    fn from(e: csv::Error) -> Error {
        let message = e.to_string();
        match e.into_kind() {
            csv::ErrorKind::Io(io) => Error::Io(io),
            _ => Error::Csv(message),
        }
    }
}

impl Error {
    /// The IO error behind this one, if any (writing to a closed pipe).
    pub fn into_io(self) -> Result<std::io::Error, Error> {
        match self {
            Error::Io(io) => Ok(io),
            Error::Json(j) if j.is_io() => Ok(std::io::Error::from(j)),
            other => Err(other),
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Row counts of the store's main tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct Counts {
    pub documents: u64,
    pub events: u64,
    pub clusters: u64,
    pub figures: u64,
    pub links: u64,
}

/// An open store.
pub struct Store {
    conn: Connection,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("path", &self.conn.path())
            .finish()
    }
}

pub(crate) fn now_unix() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

impl Store {
    /// Opens (creating if needed) the database at `path` and migrates it to
    /// the current schema.
    pub fn open(path: &Path) -> Result<Store> {
        let conn = Connection::open(path)?;
        Self::setup(conn, true)
    }

    /// A store in memory (tests, one-shot pipelines).
    pub fn open_in_memory() -> Result<Store> {
        Self::setup(Connection::open_in_memory()?, true)
    }

    /// Opens at a given schema version without migrating further (tests of
    /// migrations).
    #[doc(hidden)]
    pub fn open_at_version(path: &Path, version: u32) -> Result<Store> {
        let mut conn = Connection::open(path)?;
        Self::pragmas(&conn)?;
        schema::migrate_to(&mut conn, version)?;
        Ok(Store { conn })
    }

    fn pragmas(conn: &Connection) -> Result<()> {
        conn.busy_timeout(std::time::Duration::from_secs(30))?;
        // WAL: readers see the last committed batch and never block the writer.
        let _mode: String = conn.query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))?;
        // NORMAL is durable across process crashes in WAL mode (only a power
        // loss can drop the last commits, never corrupt the file).
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // 64 MB of page cache: the LSH and cluster lookups stay in memory.
        conn.pragma_update(None, "cache_size", -65536)?;
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        Ok(())
    }

    fn setup(mut conn: Connection, migrate: bool) -> Result<Store> {
        Self::pragmas(&conn)?;
        if migrate {
            schema::migrate_to(&mut conn, SCHEMA_VERSION)?;
        }
        Ok(Store { conn })
    }

    /// Brings the schema to the current version (after [`Store::open_at_version`]).
    pub fn migrate(&mut self) -> Result<()> {
        schema::migrate_to(&mut self.conn, SCHEMA_VERSION)
    }

    pub fn schema_version(&self) -> Result<u32> {
        schema::version(&self.conn)
    }

    /// The underlying connection, for read-only inspection (tests, tools).
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// `PRAGMA integrity_check`: `"ok"` when the file is sound.
    pub fn integrity_check(&self) -> Result<String> {
        Ok(self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))?)
    }

    /// Records the start of an ingest run and returns its id.
    pub fn begin_run(&mut self, inputs: &[String]) -> Result<i64> {
        let inputs = serde_json::to_string(inputs)?;
        self.conn.execute(
            "INSERT INTO runs (started, status, inputs) VALUES (?1, 'running', ?2)",
            params![now_unix(), inputs],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Records the end of a run with its summary (any JSON value).
    pub fn finish_run(
        &mut self,
        run: i64,
        status: &str,
        summary: &serde_json::Value,
    ) -> Result<()> {
        self.conn.execute(
            "UPDATE runs SET finished = ?1, status = ?2, summary = ?3 WHERE id = ?4",
            params![now_unix(), status, summary.to_string(), run],
        )?;
        Ok(())
    }

    /// Opens a write transaction for a batch of documents of run `run`.
    pub fn batch(&mut self, run: i64) -> Result<Batch<'_>> {
        // IMMEDIATE: take the write lock at the start, so that two ingests
        // into one file queue up (busy timeout) instead of failing when one
        // commits between the other's reads and writes.
        Batch::new(
            self.conn
                .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?,
            run,
        )
    }

    pub fn counts(&self) -> Result<Counts> {
        let n = |table: &str| -> Result<u64> {
            Ok(self
                .conn
                .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| {
                    r.get::<_, i64>(0)
                })? as u64)
        };
        Ok(Counts {
            documents: n("documents")?,
            events: n("events")?,
            clusters: n("clusters")?,
            figures: n("figures")?,
            links: n("doc_links")?,
        })
    }

    /// The status of the last run: (id, status), if any run was recorded.
    pub fn last_run(&self) -> Result<Option<(i64, String)>> {
        Ok(self
            .conn
            .query_row(
                "SELECT id, status FROM runs ORDER BY id DESC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?)
    }
}
