//! `vigie ingest | events | figures | docs` run as the real binary in temporary directories.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use vigie_store::Store;

fn vigie() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_vigie"));
    c.env_remove("VIGIE_DB").env_remove("VIGIE_RESOURCES");
    c
}

fn ok(out: Output) -> String {
    assert!(
        out.status.success(),
        "status {:?}\nstdout:\n{}\nstderr:\n{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// An agency dispatch written for these tests.
const DISPATCH: &str = "Une attaque de drone a visé lundi 4 mars 2024 un dépôt de munitions près de la ville \
de Kirkouk, dans le nord de l'Irak, a indiqué un responsable des services de sécurité. L'explosion a \
provoqué un important incendie qui a duré plusieurs heures selon des témoins. Aucune victime n'a été \
signalée dans l'immédiat. Les forces de sécurité ont bouclé le secteur et lancé des recherches pour \
retrouver le point de départ de l'engin. Aucun groupe n'a revendiqué l'attaque dans la soirée.";

/// A republication: the dispatch minus its last sentence, plus the outlet's own paragraphs.
fn republication() -> String {
    let cut = DISPATCH.rfind("Aucun groupe").unwrap();
    format!(
        "Irak : un dépôt visé près de Kirkouk.\n\n{}\n\nNotre rédaction a pu joindre un habitant du \
         quartier voisin, qui décrit une série de détonations entendues jusque tard dans la nuit. Les \
         commerçants du marché central ont baissé leurs rideaux par précaution et la circulation a été \
         détournée vers la rocade sud pendant toute la journée de mardi.",
        DISPATCH[..cut].trim()
    )
}

fn write_articles(dir: &Path) -> PathBuf {
    let articles = dir.join("articles");
    std::fs::create_dir_all(&articles).unwrap();
    std::fs::write(articles.join("dispatch.txt"), DISPATCH).unwrap();
    std::fs::write(articles.join("outlet.txt"), republication()).unwrap();
    std::fs::write(
        articles.join("other.txt"),
        "Le conseil municipal a voté mercredi le budget de la rentrée scolaire, après une longue séance \
         consacrée aux cantines et aux transports des élèves des communes rurales.",
    )
    .unwrap();
    articles
}

fn ingest(dir: &Path, db: &Path, inputs: &[&Path]) -> String {
    let mut c = vigie();
    c.current_dir(dir)
        .arg("ingest")
        .arg("--quiet")
        .arg("--db")
        .arg(db)
        .arg("--published")
        .arg("2024-03-04");
    for i in inputs {
        c.arg(i);
    }
    ok(c.output().unwrap())
}

fn counts(db: &Path) -> vigie_store::Counts {
    Store::open(db).unwrap().counts().unwrap()
}

#[test]
fn ingest_twice_adds_nothing_and_links_the_republication() {
    let tmp = tempfile::tempdir().unwrap();
    let articles = write_articles(tmp.path());
    let db = tmp.path().join("v.db");
    ingest(tmp.path(), &db, &[&articles]);
    let once = counts(&db);
    assert_eq!(once.documents, 3);
    ingest(tmp.path(), &db, &[&articles]);
    assert_eq!(
        counts(&db),
        once,
        "a second ingest of the same documents adds nothing"
    );

    let out = ok(vigie()
        .arg("docs")
        .arg("--db")
        .arg(&db)
        .arg("--linked")
        .output()
        .unwrap());
    let rows: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 2, "{out}");
    let outlet = rows
        .iter()
        .find(|r| r["id"] == "outlet.txt")
        .expect("outlet.txt is linked");
    let link = &outlet["links"][0];
    assert_eq!(link["doc"], "dispatch.txt");
    assert_eq!(link["kind"], "partial");
    let overlap = link["overlap"].as_f64().unwrap();
    assert!((0.5..1.0).contains(&overlap), "{link}");
    assert_eq!(outlet["run_status"], "done");
}

#[test]
fn db_path_comes_from_the_flag_then_the_environment_then_the_working_directory() {
    let tmp = tempfile::tempdir().unwrap();
    let articles = write_articles(tmp.path());
    ok(vigie()
        .current_dir(tmp.path())
        .args(["ingest", "-q"])
        .arg(&articles)
        .output()
        .unwrap());
    assert!(tmp.path().join("vigie.db").exists());
    let env_db = tmp.path().join("from-env.db");
    ok(vigie()
        .current_dir(tmp.path())
        .env("VIGIE_DB", &env_db)
        .args(["ingest", "-q"])
        .arg(&articles)
        .output()
        .unwrap());
    assert!(env_db.exists());
    let flag_db = tmp.path().join("from-flag.db");
    ok(vigie()
        .current_dir(tmp.path())
        .env("VIGIE_DB", &env_db)
        .args(["ingest", "-q", "--db"])
        .arg(&flag_db)
        .arg(&articles)
        .output()
        .unwrap());
    assert!(flag_db.exists());
    // Queries on a store that does not exist fail with a hint, and create nothing.
    let missing = tmp.path().join("missing.db");
    let out = vigie()
        .args(["events", "--db"])
        .arg(&missing)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("vigie ingest"));
    assert!(!missing.exists());
}

#[test]
fn acled_and_geojson_exports_from_the_cli() {
    let tmp = tempfile::tempdir().unwrap();
    let articles = write_articles(tmp.path());
    let db = tmp.path().join("v.db");
    ingest(tmp.path(), &db, &[&articles]);
    let acled = ok(vigie()
        .args(["events", "--format", "acled", "--db"])
        .arg(&db)
        .output()
        .unwrap());
    let header = acled.lines().next().unwrap();
    assert_eq!(
        header,
        "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,\
         assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,\
         admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,\
         tags,timestamp"
    );
    let geo = ok(vigie()
        .args(["events", "--format", "geojson", "--db"])
        .arg(&db)
        .output()
        .unwrap());
    let v: serde_json::Value = serde_json::from_str(&geo).unwrap();
    assert_eq!(v["type"], "FeatureCollection");
    assert!(v["features"].is_array());
    let bad = vigie()
        .args(["events", "--format", "xml", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert!(!bad.status.success());
    let bad = vigie()
        .args(["events", "--bbox", "1,2,3", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert!(!bad.status.success());
    ok(vigie()
        .args([
            "events",
            "--bbox",
            "-10,-5,50,60",
            "--claimed",
            "false",
            "--db",
        ])
        .arg(&db)
        .output()
        .unwrap());
    ok(vigie()
        .args(["figures", "--format", "csv", "--db"])
        .arg(&db)
        .output()
        .unwrap());
    ok(vigie()
        .args(["docs", "--issues", "--db"])
        .arg(&db)
        .output()
        .unwrap());
}

/// Tiny generated documents: varied words (no shared boilerplate), a few
/// with an attack sentence, every tenth a copy of an earlier one.
fn generate(path: &Path, n: usize) {
    use std::io::Write;
    let words = [
        "marché", "route", "école", "conseil", "pluie", "récolte", "port", "usine", "train",
        "pont", "vote", "musée", "festival", "hôpital", "rivière", "quartier", "budget", "saison",
        "colline", "village",
    ];
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut f = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    let mut texts: Vec<String> = Vec::new();
    for i in 0..n {
        let text = if i % 10 == 9 {
            texts[(next() % texts.len() as u64) as usize].clone()
        } else {
            let mut t = String::new();
            for _ in 0..12 {
                t.push_str(words[(next() % words.len() as u64) as usize]);
                t.push_str(&format!("{} ", next() % 1000));
            }
            if i % 7 == 0 {
                t.push_str(&format!(
                    "Une frappe de drone a visé le {} mars 2024 un dépôt près de Mossoul.",
                    1 + i % 28
                ));
            }
            t
        };
        writeln!(
            f,
            "{}",
            serde_json::json!({"id": format!("g{i}"), "text": text, "published": "2024-03-29"})
        )
        .unwrap();
        if texts.len() < 1000 {
            texts.push(text);
        }
    }
    f.flush().unwrap();
}

/// Documents committed to a store that another process may be writing:
/// a read-only connection never takes the writer's lock; 0 while the file
/// or its tables do not exist yet.
fn stored_documents(db: &Path) -> u64 {
    use rusqlite::{Connection, OpenFlags};
    let Ok(conn) = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY) else {
        return 0;
    };
    conn.query_row("SELECT count(*) FROM documents", [], |r| r.get::<_, i64>(0))
        .map_or(0, |n| n as u64)
}

fn table_fingerprint(db: &Path) -> (vigie_store::Counts, Vec<String>) {
    let store = Store::open(db).unwrap();
    let conn = store.connection();
    let mut stmt = conn
        .prepare(
            "SELECT c.id || ':' || c.source_count || ':' || (SELECT group_concat(e.id, ',') FROM events e WHERE e.cluster = c.rowid)
             FROM clusters c ORDER BY c.id",
        )
        .unwrap();
    let mut rows: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    let mut links = conn
        .prepare(
            "SELECT a.id || '>' || b.id || ':' || l.kind FROM doc_links l JOIN documents a ON a.rowid = l.a
             JOIN documents b ON b.rowid = l.b ORDER BY 1",
        )
        .unwrap();
    rows.extend(
        links
            .query_map([], |r| r.get::<_, String>(0))
            .unwrap()
            .map(|r| r.unwrap()),
    );
    (store.counts().unwrap(), rows)
}

/// SIGKILL an ingest partway, check the file, rerun, and compare with an
/// uninterrupted run. The killed ingest reads the documents from a pipe that
/// the test keeps open, so it cannot finish before the kill however fast the
/// machine: it is killed once a quarter of the documents are stored, while it
/// is still storing the ones already sent (all but the last batch). 50,000
/// tiny documents in release builds; debug builds (the normal `cargo test`)
/// use 4,000 to stay under a minute on a busy two-core machine.
/// `VIGIE_KILL_TEST_DOCS=50000` runs the full size anywhere.
#[test]
fn a_killed_ingest_leaves_a_sound_store_and_a_rerun_completes_it() {
    let n = std::env::var("VIGIE_KILL_TEST_DOCS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if cfg!(debug_assertions) {
            4_000
        } else {
            50_000
        });
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("docs.jsonl");
    generate(&input, n);

    let full = tmp.path().join("full.db");
    ingest(tmp.path(), &full, &[&input]);
    let expected = table_fingerprint(&full);
    assert_eq!(expected.0.documents as usize, n);
    assert!(expected.0.links > 0, "exact copies are linked");

    let killed = tmp.path().join("killed.db");
    let mut child = vigie()
        .current_dir(tmp.path())
        .args([
            "ingest",
            "--quiet",
            "--batch",
            "200",
            "--published",
            "2024-03-04",
            "--db",
        ])
        .arg(&killed)
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Send every line but the last 300 and keep the pipe open: the ingest
    // then waits for more input until it is killed.
    let lines = std::fs::read_to_string(&input).unwrap();
    let sent: String = lines
        .lines()
        .take(n - 300)
        .flat_map(|l| [l, "\n"])
        .collect();
    let mut stdin = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || {
        use std::io::Write;
        // A write error only means the ingest is gone; the checks below say why.
        let _ = stdin.write_all(sent.as_bytes());
        stdin
    });
    let started = Instant::now();
    loop {
        assert!(
            started.elapsed() < Duration::from_secs(300),
            "the ingest stored fewer than {} documents in 300 s",
            n / 4
        );
        if let Some(status) = child.try_wait().unwrap() {
            panic!("the ingest exited on its own with {status} before it was killed");
        }
        if stored_documents(&killed) >= n as u64 / 4 {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    child.kill().unwrap(); // SIGKILL on Unix
    child.wait().unwrap();
    drop(feeder.join().unwrap());
    let store = Store::open(&killed).unwrap();
    assert_eq!(store.integrity_check().unwrap(), "ok");
    let partial = store.counts().unwrap();
    assert!(
        (partial.documents as usize) < n,
        "killed partway: {partial:?}"
    );
    assert_eq!(
        store.last_run().unwrap().unwrap().1,
        "running",
        "the killed run never finished"
    );
    drop(store);

    ingest(tmp.path(), &killed, &[&input]);
    let after = table_fingerprint(&killed);
    assert_eq!(
        after.0, expected.0,
        "counts after the rerun equal an uninterrupted run's"
    );
    assert!(
        after.1 == expected.1,
        "clusters and links after the rerun equal an uninterrupted run's"
    );
}

/// Issue 16: ids and sentences that begin with =, +, -, @ reached the CSV
/// exports verbatim (a spreadsheet runs them as formulas). Every text cell
/// of `--format acled`, `--format csv` and `figures --format csv` is now
/// neutralised, the coordinates of Timbuktu stay negative numbers, and
/// `--raw-csv` gives the stored bytes back.
#[test]
fn csv_exports_neutralise_formula_prefixes_and_keep_negative_coordinates_numeric() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in.jsonl");
    let prefixes = ["=", "+", "-", "@"];
    let lines: Vec<String> = prefixes
        .iter()
        .enumerate()
        .map(|(i, p)| {
            serde_json::json!({
                "id": format!("{p}cmd|' /C calc'!A{i}\u{1}"),
                "published": format!("2024-03-0{}", i + 1),
                "text": format!(
                    "{p}HYPERLINK(\"http://x.example\") Une attaque de drone a visé le {} mars 2024 \
                     un camp militaire près de Tombouctou, au Mali, faisant trois morts, a indiqué \
                     l'armée.",
                    i + 1
                ),
            })
            .to_string()
        })
        .collect();
    std::fs::write(&input, lines.join("\n")).unwrap();
    let db = tmp.path().join("v.db");
    ingest(tmp.path(), &db, &[&input]);

    let export = |args: &[&str]| -> Vec<Vec<String>> {
        let out = ok(vigie().args(args).arg("--db").arg(&db).output().unwrap());
        assert!(!out.chars().any(|c| c.is_control() && c != '\n'), "{out:?}");
        let mut rd = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(out.as_bytes());
        rd.records()
            .map(|r| r.unwrap().iter().map(String::from).collect())
            .collect()
    };
    // (arguments, numeric columns, latitude, longitude, sources)
    let acled = [
        "latitude",
        "longitude",
        "fatalities",
        "iso",
        "year",
        "timestamp",
    ];
    let flat = ["lat", "lon", "fatalities", "cameo"];
    for (args, numeric, source) in [
        (&["events", "--format", "acled"][..], &acled[..], "source"),
        (&["events", "--format", "csv"][..], &flat[..], "sources"),
    ] {
        let rows = export(args);
        let header = &rows[0];
        assert_eq!(rows.len(), 1 + prefixes.len(), "{args:?}");
        let col = |name: &str| header.iter().position(|c| c == name).unwrap();
        let mut seen: Vec<String> = Vec::new();
        for row in &rows[1..] {
            for (name, cell) in header.iter().zip(row) {
                if numeric.contains(&name.as_str()) {
                    assert!(cell.parse::<f64>().is_ok(), "{args:?} {name} = {cell:?}");
                } else {
                    assert!(
                        !cell.starts_with(['=', '+', '-', '@']),
                        "{args:?} {name} = {cell:?}"
                    );
                }
            }
            let lat: f64 = row[col(numeric[0])].parse().unwrap();
            let lon = &row[col(numeric[1])];
            assert!(
                lat > 16.0 && lon.starts_with('-'),
                "Timbuktu is at {lat}, {lon}"
            );
            seen.push(row[col(source)].chars().take(2).collect());
        }
        seen.sort();
        assert_eq!(seen, ["'+", "'-", "'=", "'@"], "{args:?}");
    }
    // --raw-csv: the ids as stored (a spreadsheet would run them; asked for).
    let raw = ok(vigie()
        .args(["events", "--format", "csv", "--raw-csv", "--db"])
        .arg(&db)
        .output()
        .unwrap());
    assert!(raw.contains(",=cmd|' /C calc'!A0\u{1},"), "{raw}");
}

/// `vigie ARGS DB EXTRA…` (ARGS end with `--db`).
fn vigie_db(args: &[&str], db: &Path, extra: &[&Path]) -> Output {
    vigie().args(args).arg(db).args(extra).output().unwrap()
}

/// Undoes `chattr +i` and restores write permission even when a test
/// fails, so that the temporary directory can be removed.
struct Writable(Vec<PathBuf>);
impl Drop for Writable {
    fn drop(&mut self) {
        use std::os::unix::fs::PermissionsExt;
        for p in &self.0 {
            let _ = Command::new("chattr").arg("-i").arg(p).output();
            let _ = std::fs::set_permissions(p, std::fs::Permissions::from_mode(0o755));
        }
    }
}

/// chmod a-w on each path; when that does not stop this process (root),
/// `chattr +i` as well. Returns the guard, or `None` when neither works.
fn make_read_only(paths: &[&Path]) -> Option<Writable> {
    use std::os::unix::fs::PermissionsExt;
    let guard = Writable(paths.iter().map(|p| p.to_path_buf()).collect());
    for p in paths {
        let mode = if p.is_dir() { 0o555 } else { 0o444 };
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).unwrap();
    }
    let dir = paths.iter().find(|p| p.is_dir())?;
    let probe = dir.join("probe");
    if std::fs::write(&probe, b"").is_ok() {
        let _ = std::fs::remove_file(&probe);
        for p in paths {
            let _ = Command::new("chattr").arg("+i").arg(p).output();
        }
        if std::fs::write(&probe, b"").is_ok() {
            let _ = std::fs::remove_file(&probe);
            return None;
        }
    }
    Some(guard)
}

/// The names of the files in `dir`, sorted.
fn listing(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// Issue 16: a SQLite database that is not vigie's was silently taken over
/// (tables added, switched to WAL), even by `vigie events`. Now `ingest`,
/// `events` and `db check` refuse it with a short message and leave the file
/// byte for byte as it was, with no WAL or lock file beside it.
#[test]
fn a_foreign_database_is_left_byte_for_byte_by_ingest_and_events() {
    let tmp = tempfile::tempdir().unwrap();
    let articles = write_articles(tmp.path());
    let dir = tmp.path().join("db");
    std::fs::create_dir(&dir).unwrap();
    let db = dir.join("crm.db");
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute_batch(
        "CREATE TABLE runs (id INTEGER PRIMARY KEY, note TEXT);
         CREATE TABLE customers (name TEXT, email TEXT);
         INSERT INTO customers VALUES ('Ada', 'ada@example.org');",
    )
    .unwrap();
    drop(conn);
    let before = std::fs::read(&db).unwrap();
    let runs: [Vec<&std::ffi::OsStr>; 3] = [
        vec!["ingest".as_ref(), "--quiet".as_ref(), articles.as_os_str()],
        vec!["events".as_ref()],
        vec!["db".as_ref(), "check".as_ref()],
    ];
    for args in runs {
        let out = vigie().args(&args).arg("--db").arg(&db).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert!(err.contains("not a vigie store"), "{args:?}: {err}");
        assert!(err.contains("customers"), "{args:?}: {err}");
        assert!(!err.contains("CREATE TABLE"), "{args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert_eq!(
            std::fs::read(&db).unwrap(),
            before,
            "{args:?} changed the file"
        );
        assert_eq!(listing(&dir), ["crm.db"], "{args:?}");
    }
}

/// Issue 16: a store the user may read but not write could not be queried
/// ("attempt to write a readonly database"): read commands opened it
/// read-write and migrated it. With the file and its directory read-only,
/// `events`, `figures`, `docs`, `db check` and `db backup` (to another
/// directory) all work, and `ingest` says the store cannot be written.
#[test]
fn a_read_only_store_in_a_read_only_directory_is_queried() {
    let tmp = tempfile::tempdir().unwrap();
    let articles = write_articles(tmp.path());
    let dir = tmp.path().join("shared");
    std::fs::create_dir(&dir).unwrap();
    let db = dir.join("v.db");
    ingest(tmp.path(), &db, &[&articles]);
    let expected = ok(vigie_db(&["events", "--db"], &db, &[]));
    assert!(!expected.is_empty());
    // Also a store left in WAL mode (a killed writer, an older vigie) whose
    // log was folded in: the reader opens it immutable.
    let wal = tmp.path().join("wal");
    std::fs::create_dir(&wal).unwrap();
    std::fs::copy(&db, wal.join("v.db")).unwrap();
    let conn = rusqlite::Connection::open(wal.join("v.db")).unwrap();
    let mode: String = conn
        .query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    drop(conn);
    assert_eq!(listing(&wal), ["v.db"]);

    for dir in [&dir, &wal] {
        let db = dir.join("v.db");
        let before = listing(dir);
        let Some(_guard) = make_read_only(&[&db, dir]) else {
            eprintln!("SKIPPED: cannot make {} read-only here", dir.display());
            return;
        };
        let events = ok(vigie_db(&["events", "--db"], &db, &[]));
        assert_eq!(events, expected, "{}", dir.display());
        for args in [
            &["figures", "--format", "csv"][..],
            &["docs"][..],
            &["db", "check"][..],
        ] {
            ok(vigie_db(&[args, &["--db"]].concat(), &db, &[]));
        }
        let name = dir.file_name().unwrap().to_string_lossy();
        let copy = tmp.path().join(format!("backup-{name}.db"));
        ok(vigie_db(&["db", "backup", "--db"], &db, &[&copy]));
        let out = vigie_db(&["ingest", "--quiet", "--db"], &db, &[&articles]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(err.contains("read-only"), "{err}");
        assert_eq!(listing(dir), before, "nothing written beside the store");
    }
}

/// Issue 16: several ingests starting together on a new file: one failed
/// with "table runs already exists". Six processes now end with one store,
/// every document and every run recorded, and no error.
#[test]
fn concurrent_first_ingests_into_a_new_file_make_one_store_without_error() {
    let tmp = tempfile::tempdir().unwrap();
    let articles = write_articles(tmp.path());
    let db = tmp.path().join("new.db");
    let files: Vec<PathBuf> = std::fs::read_dir(&articles)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    let children: Vec<_> = (0..6)
        .map(|i| {
            vigie()
                .args(["ingest", "--quiet", "--published", "2024-03-04", "--db"])
                .arg(&db)
                .arg(&files[i % files.len()])
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let check = ok(vigie_db(&["db", "check", "--json", "--db"], &db, &[]));
    let report: serde_json::Value = serde_json::from_str(&check).unwrap();
    assert_eq!(report["ok"], true, "{report}");
    assert_eq!(report["counts"]["documents"], files.len(), "{report}");
    assert_eq!(report["runs"], serde_json::json!([["done", 6]]), "{report}");
}

/// Issue 16: runs killed mid-way stayed `running` for ever. A row left
/// `running` (as a killed process leaves it) is marked abandoned by the next
/// ingest, which says so.
#[test]
fn a_run_left_running_by_a_killed_process_is_marked_abandoned_by_the_next_ingest() {
    let tmp = tempfile::tempdir().unwrap();
    let articles = write_articles(tmp.path());
    let db = tmp.path().join("v.db");
    ingest(tmp.path(), &db, &[&articles.join("other.txt")]);
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute(
        "INSERT INTO runs (started, status, inputs) VALUES (1, 'running', '[\"killed\"]')",
        [],
    )
    .unwrap();
    drop(conn);
    let out = vigie_db(
        &["ingest", "--published", "2024-03-04", "--db"],
        &db,
        &[&articles],
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("marked 1 earlier run abandoned"), "{err}");
    let conn = rusqlite::Connection::open(&db).unwrap();
    let statuses: Vec<String> = conn
        .prepare("SELECT status FROM runs ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    assert_eq!(statuses, ["done", "abandoned", "done"]);
}

/// `vigie db check` reports a sound store and fails on a damaged one with
/// the damage named (not the advice meant for a full disk); `vigie db
/// backup` writes a copy that holds the same events and never overwrites.
#[test]
fn db_check_and_backup_work_and_a_damaged_store_is_named_damaged() {
    let tmp = tempfile::tempdir().unwrap();
    let articles = write_articles(tmp.path());
    let db = tmp.path().join("v.db");
    ingest(tmp.path(), &db, &[&articles]);
    let check = ok(vigie_db(&["db", "check", "--db"], &db, &[]));
    assert!(check.contains("integrity: ok"), "{check}");
    assert!(check.contains("holds: 3 documents"), "{check}");
    let copy = tmp.path().join("copy.db");
    ok(vigie_db(&["db", "backup", "--db"], &db, &[&copy]));
    let events = |db: &Path| ok(vigie_db(&["events", "--db"], db, &[]));
    assert_eq!(events(&copy), events(&db));
    let again = vigie_db(&["db", "backup", "--db"], &db, &[&copy]);
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("exists"));

    // Garbage over every page after the schema page.
    let mut bytes = std::fs::read(&copy).unwrap();
    let page = u16::from_be_bytes([bytes[16], bytes[17]]) as usize;
    for b in &mut bytes[page..] {
        *b = 0xA5;
    }
    std::fs::write(&copy, &bytes).unwrap();
    let out = vigie_db(&["db", "check", "--db"], &copy, &[]);
    assert_eq!(out.status.code(), Some(1));
    let out = vigie_db(&["ingest", "--quiet", "--db"], &copy, &[&articles]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("damaged"), "{err}");
    assert!(!err.contains("disk or") && !err.contains("full"), "{err}");
}

/// A writable store file in a directory that is not writable has no room
/// for its write-ahead log: `ingest` said "unable to open database file";
/// it now says the store cannot be written, and `events` still reads it.
#[test]
fn ingest_into_a_writable_store_in_a_read_only_directory_says_read_only() {
    let tmp = tempfile::tempdir().unwrap();
    let articles = write_articles(tmp.path());
    let dir = tmp.path().join("locked");
    std::fs::create_dir(&dir).unwrap();
    let db = dir.join("v.db");
    ingest(tmp.path(), &db, &[&articles]);
    let Some(_guard) = make_read_only(&[&dir]) else {
        eprintln!("SKIPPED: cannot make {} read-only here", dir.display());
        return;
    };
    let out = vigie_db(&["ingest", "--quiet", "--db"], &db, &[&articles]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("read-only"), "{err}");
    ok(vigie_db(&["events", "--db"], &db, &[]));
    // The first ingest's run lock stays; nothing else was created.
    assert_eq!(listing(&dir), ["v.db", "v.db-lock"]);
}

/// `vigie db check` once said "1 links", "1 documents".
#[test]
fn db_check_counts_one_of_a_kind_in_the_singular() {
    let tmp = tempfile::tempdir().unwrap();
    let articles = tmp.path().join("one");
    std::fs::create_dir_all(&articles).unwrap();
    std::fs::write(articles.join("dispatch.txt"), DISPATCH).unwrap();
    let db = tmp.path().join("v.db");
    ingest(tmp.path(), &db, &[&articles]);
    let check = ok(vigie_db(&["db", "check", "--db"], &db, &[]));
    assert!(check.contains("holds: 1 document, "), "{check}");
    assert!(check.contains(", 0 links"), "{check}");
}
