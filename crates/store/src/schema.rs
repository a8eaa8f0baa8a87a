//! The versioned schema. `PRAGMA user_version` holds the version; each
//! migration moves the database from version `i` to `i + 1` inside one
//! transaction, so a crash leaves it at one version or the next.

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
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

pub fn version(conn: &Connection) -> Result<u32, Error> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get::<_, u32>(0))?)
}

/// Applies every migration above the database's version, up to `target`.
pub fn migrate_to(conn: &mut Connection, target: u32) -> Result<(), Error> {
    let current = version(conn)?;
    if current > SCHEMA_VERSION {
        return Err(Error::NewerSchema {
            found: current,
            supported: SCHEMA_VERSION,
        });
    }
    for v in current..target.min(SCHEMA_VERSION) {
        let tx = conn.transaction()?;
        tx.execute_batch(MIGRATIONS[v as usize])?;
        tx.pragma_update(None, "user_version", v + 1)?;
        tx.commit()?;
    }
    Ok(())
}
