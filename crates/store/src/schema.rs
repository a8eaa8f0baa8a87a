//! The versioned schema. `PRAGMA application_id` says the file is a vigie
//! store, `PRAGMA user_version` holds the version; migration `i` moves the
//! database from version `i` to `i + 1`, and the migrations a writer applies
//! commit together, so a crash leaves the store at the version it had.

use rusqlite::Connection;

use crate::Error;

/// Migration `i` takes the schema from version `i` to `i + 1`.
const MIGRATIONS: &[&str] = &[
    // 0 -> 1: documents, near-duplicate links, events, clusters, figures, runs.
    r#"
    CREATE TABLE runs (
        id        INTEGER PRIMARY KEY,
        started   INTEGER NOT NULL,           -- unix seconds
        finished  INTEGER,
        status    TEXT NOT NULL,              -- running | done | failed
        inputs    TEXT NOT NULL,              -- JSON array of paths
        summary   TEXT                        -- JSON, as the pipeline reports it
    );
    CREATE TABLE documents (
        rowid        INTEGER PRIMARY KEY,
        id           TEXT NOT NULL UNIQUE,
        origin       TEXT NOT NULL,
        title        TEXT,
        url          TEXT,
        published    TEXT,
        lang         TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        text         TEXT NOT NULL,
        norm_text    TEXT NOT NULL,
        shingles     INTEGER NOT NULL,
        signature    BLOB NOT NULL,
        diagnostics  TEXT NOT NULL,           -- JSON array
        run          INTEGER NOT NULL REFERENCES runs(id),
        ingested     INTEGER NOT NULL
    );
    CREATE INDEX documents_hash ON documents(content_hash);
    -- LSH band keys of each document's MinHash signature.
    CREATE TABLE lsh (
        key INTEGER NOT NULL,
        doc INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
        PRIMARY KEY (key, doc)
    ) WITHOUT ROWID;
    -- a: the earlier document, b: the later one.
    CREATE TABLE doc_links (
        a       INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
        b       INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
        kind    TEXT NOT NULL,                -- exact | near_duplicate | partial
        jaccard REAL NOT NULL,
        overlap REAL NOT NULL,                -- shared / min(|a|, |b|)
        PRIMARY KEY (a, b)
    );
    CREATE INDEX doc_links_b ON doc_links(b);
    CREATE TABLE clusters (
        rowid          INTEGER PRIMARY KEY,
        id             TEXT NOT NULL UNIQUE,
        date_start     TEXT,
        date_end       TEXT,
        event_type     TEXT NOT NULL,
        sub_event_type TEXT NOT NULL,
        actor1         TEXT,
        actor2         TEXT,
        country        TEXT,
        admin1         TEXT,
        location       TEXT,                  -- canonical place name
        geo_precision  INTEGER,
        lat            REAL,
        lon            REAL,
        claimed        INTEGER NOT NULL,
        source_count   INTEGER NOT NULL,
        updated        INTEGER NOT NULL,
        record         TEXT NOT NULL          -- JSON event, sources left out
    );
    CREATE INDEX clusters_date_end ON clusters(date_end);
    CREATE TABLE events (
        rowid   INTEGER PRIMARY KEY,
        doc     INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
        seq     INTEGER NOT NULL,
        id      TEXT NOT NULL,
        cluster INTEGER NOT NULL REFERENCES clusters(rowid),
        record  TEXT NOT NULL,                -- JSON event as this document reports it
        UNIQUE (doc, seq)
    );
    CREATE INDEX events_cluster ON events(cluster);
    CREATE TABLE figures (
        rowid     INTEGER PRIMARY KEY,
        doc       INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
        seq       INTEGER NOT NULL,
        what      TEXT NOT NULL,
        count     INTEGER NOT NULL,
        subject   TEXT,
        source    TEXT,
        as_of     TEXT,
        record    TEXT NOT NULL,
        UNIQUE (doc, seq)
    );
    CREATE TABLE run_issues (
        run    INTEGER NOT NULL REFERENCES runs(id),
        origin TEXT NOT NULL,
        status TEXT NOT NULL,                 -- skipped | failed
        reason TEXT NOT NULL
    );
    "#,
    // 1 -> 2: indexes for the query filters.
    r#"
    CREATE INDEX clusters_country ON clusters(country, date_start);
    CREATE INDEX clusters_date_start ON clusters(date_start);
    CREATE INDEX figures_series ON figures(subject, source, what, as_of);
    CREATE INDEX run_issues_run ON run_issues(run);
    "#,
    // 2 -> 3: order-free clusters and re-processing. Documents record the
    // engine version and resource hash that extracted them; events record
    // them too, with the columns that find a report's neighbours (its date
    // interval as day numbers, the class of its span, its zone and its
    // match key), and may wait for their cluster inside a batch (NULL until
    // the batch re-clusters). The events table is rebuilt to relax its
    // `cluster NOT NULL`; the writer then fills the new columns and
    // re-clusters the whole store (`recluster::rebuild_all`).
    r#"
    ALTER TABLE documents ADD COLUMN engine TEXT;
    ALTER TABLE documents ADD COLUMN resources TEXT;
    CREATE TABLE events_v3 (
        rowid     INTEGER PRIMARY KEY,
        doc       INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
        seq       INTEGER NOT NULL,
        id        TEXT NOT NULL,
        cluster   INTEGER REFERENCES clusters(rowid),
        record    TEXT NOT NULL,          -- JSON event as this document reports it
        engine    TEXT,                   -- vigie version that extracted it
        resources TEXT,                   -- hash of the resource set that extracted it
        day_start INTEGER,                -- days since 1970-01-01; NULL when undated
        day_end   INTEGER,
        span      INTEGER,                -- class of day_end - day_start (recluster.rs)
        zone      TEXT,                   -- country (upper case), '?' a place without one, '-' no place
        match_key TEXT,                   -- JSON MatchKey; NULL when undated
        UNIQUE (doc, seq)
    );
    INSERT INTO events_v3 (rowid, doc, seq, id, cluster, record)
        SELECT rowid, doc, seq, id, cluster, record FROM events;
    DROP TABLE events;
    ALTER TABLE events_v3 RENAME TO events;
    CREATE INDEX events_cluster ON events(cluster);
    CREATE INDEX events_window ON events(zone, span, day_start);
    "#,
];

/// Work in Rust that completes migration `i` (same transaction).
fn complete_migration(tx: &Connection, from: u32) -> Result<(), Error> {
    match from {
        2 => crate::recluster::rebuild_all(tx),
        _ => Ok(()),
    }
}

/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

/// `PRAGMA application_id` of a vigie store ("VIGI" in ASCII), set on every
/// store a writer opens (new stores, and older ones when they are migrated).
pub const APPLICATION_ID: i32 = 0x5649_4749;

/// The tables of schema version 1: a file without `APPLICATION_ID` is a
/// vigie store made before it when it has these and a `user_version` ≥ 1.
const TABLES_V1: [&str; 8] = [
    "clusters",
    "doc_links",
    "documents",
    "events",
    "figures",
    "lsh",
    "run_issues",
    "runs",
];

/// What a database file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Identity {
    /// No schema at all (a new or empty file): a writer may create a store.
    Empty,
    /// A vigie store at this schema version.
    Vigie(u32),
}

pub fn version(conn: &Connection) -> Result<u32, Error> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get::<_, u32>(0))?)
}

/// Recognises a vigie store by its application id or, for stores made
/// before it, by its tables and `user_version`. Reads only: a file that is
/// not a store is refused ([`Error::NotAStore`]) and left as it was.
pub fn identify(conn: &Connection) -> Result<Identity, Error> {
    let app: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let mut stmt = conn.prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
         ORDER BY name",
    )?;
    let tables: Vec<String> = stmt
        .query_map([], |r| r.get(0))?
        .collect::<Result<_, _>>()?;
    let objects: i64 = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
    let ours = TABLES_V1.iter().all(|t| tables.iter().any(|n| n == t));
    let known = |version: i64| -> Result<Identity, Error> {
        let version = u32::try_from(version).unwrap_or(u32::MAX);
        if version > SCHEMA_VERSION {
            return Err(Error::NewerSchema {
                found: version,
                supported: SCHEMA_VERSION,
            });
        }
        Ok(Identity::Vigie(version))
    };
    if app == APPLICATION_ID {
        return known(version);
    }
    if app != 0 {
        return Err(Error::NotAStore {
            reason: format!(
                "its application id is {app:#010x}, another program's file format (vigie's is \
                 {APPLICATION_ID:#010x})"
            ),
        });
    }
    if objects == 0 && version == 0 {
        return Ok(Identity::Empty);
    }
    if version >= 1 && ours {
        return known(version);
    }
    Err(Error::NotAStore {
        reason: describe(&tables, objects, version),
    })
}

/// A short description of a foreign schema: a few table names, never the
/// schema itself.
fn describe(tables: &[String], objects: i64, version: i64) -> String {
    const SHOWN: usize = 5;
    let mut names: Vec<String> = tables
        .iter()
        .take(SHOWN)
        .map(|t| t.chars().take(40).flat_map(char::escape_debug).collect())
        .collect();
    if tables.len() > SHOWN {
        names.push(format!("and {} more", tables.len() - SHOWN));
    }
    let what = match tables.len() {
        0 => format!("{objects} schema object{} but no table", plural(objects)),
        n => format!("the table{} {}", plural(n as i64), names.join(", ")),
    };
    format!("it holds {what} and no vigie schema (user_version {version})")
}

fn plural(n: i64) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// The SQLite message of an error, without the SQL text that rusqlite
/// appends to syntax-level errors (a whole migration: the schema).
pub(crate) fn short_message(e: &rusqlite::Error) -> String {
    match e {
        rusqlite::Error::SqlInputError { msg, .. } => msg.clone(),
        rusqlite::Error::SqliteFailure(_, Some(msg)) => msg.clone(),
        other => other.to_string(),
    }
}

/// Creates or migrates the store to `target` (at most [`SCHEMA_VERSION`]),
/// race-free: the identity and version are read inside a `BEGIN IMMEDIATE`
/// transaction (the write lock, which other writers wait for), and every
/// migration commits with it. Any number of writers opening one new file
/// at once end with one store. A file that is not a store is left as it
/// was: the transaction writes nothing before [`identify`] accepts it.
pub fn create_or_migrate(
    conn: &mut Connection,
    target: u32,
    set_application_id: bool,
) -> Result<(), Error> {
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let current = match identify(&tx)? {
        Identity::Empty => 0,
        Identity::Vigie(v) => v,
    };
    let target = target.min(SCHEMA_VERSION);
    for v in current..target {
        tx.execute_batch(MIGRATIONS[v as usize])
            .map_err(|e| Error::Migration {
                from: v,
                to: v + 1,
                message: short_message(&e),
            })?;
        complete_migration(&tx, v).map_err(|e| Error::Migration {
            from: v,
            to: v + 1,
            message: e.to_string(),
        })?;
    }
    if current < target {
        tx.pragma_update(None, "user_version", target)?;
    }
    if set_application_id {
        let app: i32 = tx.query_row("PRAGMA application_id", [], |r| r.get(0))?;
        if app != APPLICATION_ID {
            tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        }
    }
    tx.commit()?;
    Ok(())
}
