//! vigie-store: the embedded SQLite store, its queries and exports.
//!
//! - [`Store::open`] (writers) creates or opens a store, recognises it
//!   ([`schema::identify`]: a file that is not a vigie store is refused and
//!   left untouched), applies the schema migrations race-free and turns on
//!   WAL (readers never block the writer); dropping a writer leaves the file
//!   checkpointed, out of WAL mode, when no other connection uses it.
//! - [`Store::open_read_only`] (readers: queries, exports, checks, backups)
//!   never writes or migrates, and can read a store in a directory it may
//!   not write to.
//! - [`Store::batch_with`] opens one write transaction; [`Batch::add_doc`]
//!   stores a processed document with its near-duplicate links, events and
//!   figures; [`Batch::commit`] re-clusters the neighbourhoods of the events
//!   the batch added or removed (order-free: `recluster`) and makes the
//!   whole batch durable at once. A crash loses at most the open batch, and
//!   since a document whose id and inputs are already stored is skipped, a
//!   rerun completes the work and ends with the same rows.
//! - [`Store::events`], [`Store::figures`], [`Store::docs`] answer the
//!   filters of `vigie events|figures|docs`; [`export`] writes JSONL, CSV,
//!   ACLED CSV, GeoJSON and PLOVER JSON.
//!
//! Invariants: no terminal IO; never panics on stored or incoming data;
//! the clusters (members, fields, ids) are a function of the set of stored
//! event records, whatever the order and batches they came in.

#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

pub mod countries;
pub mod export;
mod ingest;
mod query;
mod recluster;
pub mod schema;

use std::fs::File;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use rusqlite::{Connection, ErrorCode, OpenFlags, OptionalExtension, params};

pub use ingest::{AddOutcome, Batch, BatchStats, IngestOptions};
pub use query::{ClusteredEvent, DocFilter, DocLink, DocRow, EventFilter, FigureFilter, IssueRow};
pub use schema::{APPLICATION_ID, SCHEMA_VERSION};

/// Errors of the store.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// SQLite's own message (never the SQL text) and, when its code says
    /// what is wrong, what to do ([`Error::problem`]).
    #[error("sqlite: {}{}", schema::short_message(.0), Problem::of(.0).map(Problem::advice).unwrap_or_default())]
    Sqlite(rusqlite::Error),
    #[error("not a vigie store: {reason}; it was left untouched")]
    NotAStore { reason: String },
    #[error(
        "the store cannot be written: the file or its directory is read-only (readers such as \
         `vigie events` can still query it)"
    )]
    ReadOnly,
    #[error("migrating the store from schema version {from} to {to} failed: {message}")]
    Migration { from: u32, to: u32, message: String },
    #[error(
        "the store's write-ahead log {wal} holds committed changes that only a process allowed to \
         write in its directory can fold into the file; open it once with write access (for \
         example `vigie db check` as its owner) or copy the store and its -wal file elsewhere"
    )]
    UnreadableWal { wal: String },
    #[error("stored JSON does not parse: {0}")]
    Json(#[from] serde_json::Error),
    #[error("csv: {0}")]
    Csv(String),
    /// Shown as the IO error itself (once: no chain of the same message).
    #[error(transparent)]
    Io(#[from] std::io::Error),
    #[error(
        "the database has schema version {found}, newer than this vigie supports ({supported})"
    )]
    NewerSchema { found: u32, supported: u32 },
    #[error("invalid filter: {0}")]
    Filter(String),
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Error {
        Error::Sqlite(e)
    }
}

/// What SQLite says is wrong, for errors that are about the file or the
/// machine rather than vigie.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// The disk, the file system or a size limit is full.
    Full,
    /// The file or its directory is read-only.
    ReadOnly,
    /// The file is damaged (or is not a database).
    Damaged,
    /// The operating system reported an I/O error.
    Io,
    /// Another process holds the store locked past the busy timeout.
    Busy,
    /// The file or its directory cannot be opened.
    CannotOpen,
}

impl Problem {
    fn of(e: &rusqlite::Error) -> Option<Problem> {
        Some(match e.sqlite_error_code()? {
            ErrorCode::DiskFull => Problem::Full,
            ErrorCode::ReadOnly => Problem::ReadOnly,
            ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase => Problem::Damaged,
            ErrorCode::SystemIoFailure => Problem::Io,
            ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked => Problem::Busy,
            ErrorCode::CannotOpen | ErrorCode::PermissionDenied => Problem::CannotOpen,
            _ => return None,
        })
    }

    /// What to do about it, as a clause appended to SQLite's message.
    pub fn advice(self) -> &'static str {
        match self {
            Problem::Full => {
                " (the disk, the file system or a file size limit is full: free space and rerun)"
            }
            Problem::ReadOnly => " (the store file or its directory is read-only)",
            Problem::Damaged => {
                " (the file is damaged or is not a SQLite database: `vigie db check` reports \
                 what is wrong; restore a backup made with `vigie db backup`, or ingest into a \
                 new file)"
            }
            Problem::Io => {
                " (the operating system failed a read or write: a full disk, a file size limit \
                 or a failing device)"
            }
            Problem::Busy => " (another process holds the store locked; retry when it is done)",
            Problem::CannotOpen => {
                " (the file cannot be opened: check that its directory exists, that you may \
                 read it, and, to create or change a store, write in it)"
            }
        }
    }
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
    /// What is wrong with the file or the machine, when that is the cause.
    pub fn problem(&self) -> Option<Problem> {
        match self {
            Error::Sqlite(e) => Problem::of(e),
            Error::ReadOnly => Some(Problem::ReadOnly),
            _ => None,
        }
    }

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

/// What `vigie db check` reports.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct CheckReport {
    /// The integrity and foreign key checks both passed.
    pub ok: bool,
    /// `PRAGMA integrity_check`: `["ok"]`, or up to 100 problems.
    pub integrity: Vec<String>,
    /// `None` when the check itself fails (a damaged store).
    pub foreign_key_violations: Option<u64>,
    pub schema_version: u32,
    /// [`APPLICATION_ID`], or 0 for a store made before it.
    pub application_id: i32,
    pub journal_mode: String,
    /// What the store holds; `None` when a damaged table cannot be counted.
    pub counts: Option<Counts>,
    /// Runs per status.
    pub runs: Option<Vec<(String, u64)>>,
    /// Inputs that runs skipped or failed on.
    pub run_issues: Option<u64>,
}

/// An open store.
pub struct Store {
    conn: Connection,
    /// A writer on a file: dropping it leaves the file out of WAL mode.
    file_writer: bool,
    /// The lock file that tells live runs from runs a killed process left
    /// `running` ([`Store::begin_run`]); `None` in memory and for readers.
    lock_path: Option<PathBuf>,
    /// Held (shared) from [`Store::begin_run`] until the store is dropped.
    run_lock: Option<File>,
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

/// `path` with `suffix` appended to its file name (`vigie.db-lock`).
fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    PathBuf::from(s)
}

/// `path` as an SQLite URI: `file:`, the absolute path with the characters
/// that would end or escape it (`%`, `?`, `#`) percent-encoded, and `query`.
fn uri(path: &Path, query: &str) -> Result<String> {
    let abs = std::path::absolute(path)?;
    let Some(text) = abs.to_str() else {
        return Err(Error::Io(std::io::Error::other(
            "the store's path is not valid UTF-8",
        )));
    };
    let mut encoded = String::from("file:");
    for c in text.chars() {
        match c {
            '%' | '?' | '#' => encoded.push_str(&format!("%{:02X}", c as u32)),
            c => encoded.push(c),
        }
    }
    encoded.push('?');
    encoded.push_str(query);
    Ok(encoded)
}

impl Store {
    /// Opens the store at `path` for writing, creating it when the file is
    /// missing or empty, and migrates it to the current schema (race-free:
    /// see [`schema::create_or_migrate`]). A database that is not a vigie
    /// store is refused with [`Error::NotAStore`] and left byte for byte as
    /// it was (no table added, no switch to WAL).
    pub fn open(path: &Path) -> Result<Store> {
        Self::open_writer(path, SCHEMA_VERSION, true)
    }

    fn open_writer(path: &Path, version: u32, set_application_id: bool) -> Result<Store> {
        let mut conn = Connection::open(path)?;
        conn.busy_timeout(Duration::from_secs(30))?;
        if conn.is_readonly(rusqlite::MAIN_DB)? {
            return Err(Error::ReadOnly);
        }
        schema::create_or_migrate(&mut conn, version, set_application_id)?;
        Self::writer_pragmas(&conn)?;
        Ok(Store {
            conn,
            file_writer: true,
            lock_path: Some(sibling(path, "-lock")),
            run_lock: None,
        })
    }

    /// A store in memory (tests, one-shot pipelines).
    pub fn open_in_memory() -> Result<Store> {
        let mut conn = Connection::open_in_memory()?;
        schema::create_or_migrate(&mut conn, SCHEMA_VERSION, true)?;
        Self::common_pragmas(&conn)?;
        Ok(Store {
            conn,
            file_writer: false,
            lock_path: None,
            run_lock: None,
        })
    }

    /// Opens at a given schema version without migrating further and
    /// without the application id, as a vigie older than both made it
    /// (tests of migrations and recognition).
    #[doc(hidden)]
    pub fn open_at_version(path: &Path, version: u32) -> Result<Store> {
        Self::open_writer(path, version, false)
    }

    /// Opens an existing store for reading only: nothing is written or
    /// migrated, whatever the file. A store in a directory this process may
    /// not write to is read as it is: writers leave the file out of WAL mode
    /// when they close; a file left in WAL mode (a killed writer, an older
    /// vigie) whose log is empty is opened `immutable`; one whose log still
    /// holds commits is refused with [`Error::UnreadableWal`].
    pub fn open_read_only(path: &Path) -> Result<Store> {
        let conn = match Self::open_reader(path, false) {
            Ok(conn) => conn,
            Err(Error::Sqlite(e))
                if matches!(
                    e.sqlite_error_code(),
                    Some(ErrorCode::CannotOpen | ErrorCode::ReadOnly)
                ) && in_wal_mode(path) =>
            {
                let wal = sibling(path, "-wal");
                if std::fs::metadata(&wal).is_ok_and(|m| m.len() > 0) {
                    return Err(Error::UnreadableWal {
                        wal: wal.display().to_string(),
                    });
                }
                Self::open_reader(path, true)?
            }
            Err(e) => return Err(e),
        };
        Ok(Store {
            conn,
            file_writer: false,
            lock_path: None,
            run_lock: None,
        })
    }

    fn open_reader(path: &Path, immutable: bool) -> Result<Connection> {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = if immutable {
            Connection::open_with_flags(uri(path, "immutable=1")?, flags)?
        } else {
            Connection::open_with_flags(path, flags)?
        };
        conn.busy_timeout(Duration::from_secs(30))?;
        match schema::identify(&conn)? {
            schema::Identity::Vigie(_) => {}
            schema::Identity::Empty => {
                return Err(Error::NotAStore {
                    reason: "the file is empty (`vigie ingest` creates a store in it)".into(),
                });
            }
        }
        Self::common_pragmas(&conn)?;
        conn.pragma_update(None, "query_only", true)?;
        Ok(conn)
    }

    fn writer_pragmas(conn: &Connection) -> Result<()> {
        // WAL: readers see the last committed batch and never block the
        // writer. Changing the journal mode needs the file to itself for a
        // moment, and SQLite reports "busy" at once rather than waiting when
        // another connection is opening or closing it: try again, as the
        // busy timeout would (up to 30 s).
        let mut attempts = 0;
        loop {
            match conn.query_row("PRAGMA journal_mode=WAL", [], |r| r.get::<_, String>(0)) {
                Ok(_) => break,
                Err(e)
                    if attempts < 1500
                        && matches!(
                            e.sqlite_error_code(),
                            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked)
                        ) =>
                {
                    attempts += 1;
                    std::thread::sleep(Duration::from_millis(20));
                }
                // The file is writable but its directory is not: no room
                // for the write-ahead log.
                Err(e)
                    if matches!(
                        e.sqlite_error_code(),
                        Some(ErrorCode::CannotOpen | ErrorCode::ReadOnly)
                    ) =>
                {
                    return Err(Error::ReadOnly);
                }
                Err(e) => return Err(e.into()),
            }
        }
        // NORMAL is durable across process crashes in WAL mode; a power
        // loss can drop the last commits, never corrupt the file
        // (docs/store.md, "Durability").
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        Self::common_pragmas(conn)
    }

    fn common_pragmas(conn: &Connection) -> Result<()> {
        conn.busy_timeout(Duration::from_secs(30))?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // 64 MB of page cache: the LSH and cluster lookups stay in memory.
        conn.pragma_update(None, "cache_size", -65536)?;
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        Ok(())
    }

    /// Brings the schema to the current version (after [`Store::open_at_version`]).
    pub fn migrate(&mut self) -> Result<()> {
        schema::create_or_migrate(&mut self.conn, SCHEMA_VERSION, true)
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

    /// Records the start of an ingest run and returns its id with the
    /// number of earlier runs it marked `abandoned`.
    ///
    /// A run left `running` by a killed process is told from a live one
    /// (another ingest into the same file) by a lock file beside the store
    /// (`<store>-lock`): every writer holds a shared lock on it from here
    /// until it is dropped, and the operating system releases it when a
    /// process dies. Inside the write transaction, a writer that can take
    /// the lock exclusively knows that no other run is live and marks every
    /// `running` row `abandoned`. (A run marked so by mistake, say by an
    /// older vigie that takes no lock, still records its own end.)
    pub fn begin_run(&mut self, inputs: &[String]) -> Result<(i64, u64)> {
        let inputs = serde_json::to_string(inputs)?;
        // No lock file (a directory that refuses it): no run is marked.
        let lock = match &self.lock_path {
            Some(p) => File::options()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(p)
                .ok(),
            None => None,
        };
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let alone = match &lock {
            Some(lock) => match lock.try_lock() {
                Ok(()) => {
                    lock.unlock()?;
                    true
                }
                Err(std::fs::TryLockError::WouldBlock) => false,
                Err(std::fs::TryLockError::Error(e)) => return Err(e.into()),
            },
            // In memory: no other process can hold a run open.
            None => self.lock_path.is_none(),
        };
        let abandoned = if alone {
            tx.execute(
                "UPDATE runs SET status = 'abandoned', finished = ?1 WHERE status = 'running'",
                params![now_unix()],
            )? as u64
        } else {
            0
        };
        // Only writers inside this transaction try the lock exclusively, so
        // nobody holds it now; should something else, this run is simply
        // unprotected (another writer may mark it, and its end corrects it).
        if let Some(lock) = &lock {
            match lock.try_lock_shared() {
                Ok(()) | Err(std::fs::TryLockError::WouldBlock) => {}
                Err(std::fs::TryLockError::Error(e)) => return Err(e.into()),
            }
        }
        tx.execute(
            "INSERT INTO runs (started, status, inputs) VALUES (?1, 'running', ?2)",
            params![now_unix(), inputs],
        )?;
        let id = tx.last_insert_rowid();
        tx.commit()?;
        self.run_lock = lock;
        Ok((id, abandoned))
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

    /// Opens a write transaction for a batch of documents of run `run`,
    /// with the default [`IngestOptions`] (this version, no resource hash,
    /// no re-processing).
    pub fn batch(&mut self, run: i64) -> Result<Batch<'_>> {
        self.batch_with(run, IngestOptions::default())
    }

    /// Opens a write transaction for a batch of documents of run `run`
    /// extracted as `options` says.
    pub fn batch_with(&mut self, run: i64, options: IngestOptions) -> Result<Batch<'_>> {
        // IMMEDIATE: take the write lock at the start, so that two ingests
        // into one file queue up (busy timeout) instead of failing when one
        // commits between the other's reads and writes.
        Batch::new(
            self.conn
                .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?,
            run,
            options,
        )
    }

    /// Stored documents whose events another engine version or resource
    /// set extracted (`vigie ingest --reprocess` re-extracts them when
    /// their inputs are ingested again).
    pub fn stale_documents(&self, engine: &str, resources: &str) -> Result<u64> {
        Ok(self.conn.query_row(
            "SELECT count(*) FROM documents WHERE engine IS NOT ?1 OR resources IS NOT ?2",
            params![engine, resources],
            |r| r.get::<_, i64>(0),
        )? as u64)
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

    /// Runs per status (`running`, `done`, `failed`, `abandoned`).
    pub fn run_statuses(&self) -> Result<Vec<(String, u64)>> {
        let mut stmt = self
            .conn
            .prepare("SELECT status, count(*) FROM runs GROUP BY status ORDER BY status")?;
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as u64)))?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }

    /// `vigie db check`: SQLite's integrity check (up to 100 problems) and
    /// foreign key check, and what the store holds. On a damaged store the
    /// counts that cannot be read are left out (`None`) rather than failing
    /// the check.
    pub fn check(&self) -> Result<CheckReport> {
        let integrity = match self.integrity_problems() {
            Ok(list) => list,
            // SQLite may stop its own check on a damaged page.
            Err(Error::Sqlite(e)) if Problem::of(&e) == Some(Problem::Damaged) => {
                vec![format!(
                    "the check could not finish: {}",
                    schema::short_message(&e)
                )]
            }
            Err(e) => return Err(e),
        };
        let foreign_key_violations = self.foreign_key_violations().ok();
        let run_issues = self
            .conn
            .query_row("SELECT count(*) FROM run_issues", [], |r| {
                r.get::<_, i64>(0)
            })
            .ok()
            .map(|n| n as u64);
        Ok(CheckReport {
            ok: integrity == ["ok"] && foreign_key_violations == Some(0),
            integrity,
            foreign_key_violations,
            schema_version: self.schema_version()?,
            application_id: self
                .conn
                .query_row("PRAGMA application_id", [], |r| r.get(0))?,
            journal_mode: self
                .conn
                .query_row("PRAGMA journal_mode", [], |r| r.get(0))?,
            counts: self.counts().ok(),
            runs: self.run_statuses().ok(),
            run_issues,
        })
    }

    fn integrity_problems(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare("PRAGMA integrity_check(100)")?;
        let list = stmt
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        Ok(list)
    }

    fn foreign_key_violations(&self) -> Result<u64> {
        let mut fk = self.conn.prepare("PRAGMA foreign_key_check")?;
        let mut rows = fk.query([])?;
        let mut n = 0;
        while rows.next()?.is_some() {
            n += 1;
        }
        Ok(n)
    }

    /// `vigie db backup`: a consistent copy of the store at `dest` (`VACUUM
    /// INTO`: one read transaction, so writers may go on meanwhile; the copy
    /// is compact, not in WAL mode, and carries the application id and
    /// schema version). `dest` must not exist. The copy is then opened
    /// and checked; returns its counts.
    pub fn backup(&self, dest: &Path) -> Result<Counts> {
        if dest.exists() {
            return Err(Error::Io(std::io::Error::new(
                std::io::ErrorKind::AlreadyExists,
                format!("{} exists; vigie does not overwrite it", dest.display()),
            )));
        }
        let Some(target) = dest.to_str() else {
            return Err(Error::Io(std::io::Error::other(
                "the backup path is not valid UTF-8",
            )));
        };
        // A reader's connection refuses writes (`query_only`); VACUUM INTO
        // writes only the new file, which SQLite allows on a read-only one.
        self.conn.pragma_update(None, "query_only", false)?;
        let copied = self.conn.execute("VACUUM INTO ?1", params![target]);
        self.conn.pragma_update(None, "query_only", true)?;
        if let Err(e) = copied {
            // Nothing was there before: leave nothing half written.
            let _ = std::fs::remove_file(dest);
            return Err(e.into());
        }
        let copy = Store::open_read_only(dest)?;
        let report = copy.check()?;
        let counts = report.counts.filter(|_| report.ok);
        let Some(counts) = counts else {
            return Err(Error::Io(std::io::Error::other(format!(
                "the backup {} fails its integrity check: {}",
                dest.display(),
                report.integrity.join("; ")
            ))));
        };
        Ok(counts)
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

impl Drop for Store {
    /// A writer leaves the file checkpointed and out of WAL mode when no
    /// other connection uses it, so that it can be read where nothing may
    /// be written (a read-only directory, a read-only copy). Another
    /// connection keeps the file in WAL mode; the last writer to close
    /// switches it.
    fn drop(&mut self) {
        if self.file_writer {
            let _ = self.conn.busy_timeout(Duration::ZERO);
            let _ = self
                .conn
                .query_row("PRAGMA journal_mode=DELETE", [], |r| r.get::<_, String>(0));
        }
    }
}

/// Whether the database header says WAL mode (bytes 18 and 19 are 2).
fn in_wal_mode(path: &Path) -> bool {
    use std::io::Read;
    let mut header = [0u8; 20];
    File::open(path)
        .and_then(|mut f| f.read_exact(&mut header))
        .is_ok_and(|()| header[18] == 2 && header[19] == 2)
}
