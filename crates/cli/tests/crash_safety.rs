//! Crash safety of `vigie ingest` (issue 8): a read-only database file and
//! a full disk end the run with a clear error and a non-zero exit, leave
//! the store intact (`PRAGMA integrity_check` = ok, only whole batches
//! stored), and a rerun with the problem fixed completes.
//!
//! Two of them need privileges the test environment may not give: making a
//! file read-only for root needs `chattr +i`; a small disk needs `mount -t
//! tmpfs` (root). When they are not available the test says so on stderr
//! and returns. The file-size-limit tests (`ulimit -f`) need nothing and
//! always run: one kills the ingest in the middle of a write (`SIGXFSZ`),
//! the other makes the write fail (`EFBIG`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::vigie;

fn ingest(db: &Path, inputs: &[&Path], batch: usize) -> Output {
    vigie()
        .arg("ingest")
        .arg("--quiet")
        .arg("--db")
        .arg(db)
        .arg("--batch")
        .arg(batch.to_string())
        .args(inputs)
        .env_remove("VIGIE_DB")
        .output()
        .expect("vigie runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn integrity(db: &Path) -> String {
    let c = rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
        .unwrap();
    c.query_row("PRAGMA integrity_check", [], |r| r.get::<_, String>(0))
        .unwrap()
}

fn doc_count(db: &Path) -> i64 {
    let c = rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
        .unwrap();
    c.query_row("SELECT count(*) FROM documents", [], |r| r.get(0))
        .unwrap()
}

fn run_ok(cmd: &str, args: &[&str]) -> bool {
    Command::new(cmd)
        .args(args)
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

fn writable(p: &Path) -> bool {
    std::fs::OpenOptions::new().append(true).open(p).is_ok()
}

/// `n` distinct articles of about `size` bytes each, as .txt files.
fn corpus(dir: &Path, n: usize, size: usize) -> PathBuf {
    let inp = dir.join("in");
    std::fs::create_dir_all(&inp).unwrap();
    let places = [
        "Tyr", "Kirkouk", "Alep", "Mossoul", "Idlib", "Erbil", "Gaza", "Hassaké",
    ];
    for i in 0..n {
        let mut t = format!("Dépêche numéro {i}\n\n");
        let mut k = 0;
        while t.len() < size {
            t.push_str(&format!(
                "Un obus est tombé près de {} le {} janvier, a indiqué la source {i}-{k}. ",
                places[(i + k) % places.len()],
                1 + (i * 7 + k) % 28
            ));
            k += 1;
        }
        std::fs::write(inp.join(format!("{i:04}.txt")), t).unwrap();
    }
    inp
}

/// Undoes `chattr +i` even when the test fails, so the temp dir can go.
struct Immutable(PathBuf);
impl Drop for Immutable {
    fn drop(&mut self) {
        let _ = Command::new("chattr").arg("-i").arg(&self.0).status();
    }
}

#[test]
fn read_only_database_fails_clearly_and_is_left_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let inp = corpus(d, 3, 600);
    let db = d.join("store.db");
    let first = ingest(&db, &[&inp.join("0000.txt")], 10);
    assert!(first.status.success(), "{}", stderr(&first));
    assert_eq!(doc_count(&db), 1);
    let before = std::fs::read(&db).unwrap();

    let mut perms = std::fs::metadata(&db).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&db, perms).unwrap();
    let mut _guard = None;
    if writable(&db) && run_ok("chattr", &["+i", db.to_str().unwrap()]) {
        // root ignores file modes: make the file immutable instead.
        _guard = Some(Immutable(db.clone()));
    }
    if writable(&db) {
        eprintln!(
            "SKIPPED: cannot make {} read-only here (root without chattr)",
            db.display()
        );
        return;
    }

    let out = ingest(&db, &[&inp], 10);
    let err = stderr(&out);
    assert_eq!(
        out.status.code(),
        Some(1),
        "a clean error exit, not a crash: {err}"
    );
    let lower = err.to_lowercase();
    assert!(
        lower.contains("readonly") || lower.contains("read-only") || lower.contains("read only"),
        "the error says the store is read-only: {err}"
    );
    assert_eq!(
        std::fs::read(&db).unwrap(),
        before,
        "the database file is unchanged"
    );

    drop(_guard);
    let mut perms = std::fs::metadata(&db).unwrap().permissions();
    #[allow(clippy::permissions_set_readonly_false)]
    perms.set_readonly(false);
    std::fs::set_permissions(&db, perms).unwrap();
    assert_eq!(integrity(&db), "ok");
    let again = ingest(&db, &[&inp], 10);
    assert!(again.status.success(), "{}", stderr(&again));
    assert_eq!(doc_count(&db), 3);
}

#[test]
fn read_only_database_error_names_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let inp = corpus(dir.path(), 1, 600);
    let db = dir.path().join("store.db");
    assert!(ingest(&db, &[&inp], 10).status.success());
    let mut perms = std::fs::metadata(&db).unwrap().permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&db, perms).unwrap();
    let mut _guard = None;
    if writable(&db) && run_ok("chattr", &["+i", db.to_str().unwrap()]) {
        _guard = Some(Immutable(db.clone()));
    }
    if writable(&db) {
        eprintln!("SKIPPED: cannot make {} read-only here", db.display());
        return;
    }
    let err = stderr(&ingest(&db, &[&inp], 10));
    assert!(
        err.contains("store.db"),
        "the error names the database file: {err}"
    );
}

/// Unmounts the small tmpfs even when the test fails.
struct Mount(PathBuf);
impl Drop for Mount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

#[test]
fn full_disk_fails_clearly_keeps_whole_batches_and_a_rerun_completes() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mnt = d.join("small");
    std::fs::create_dir_all(&mnt).unwrap();
    if !run_ok(
        "mount",
        &[
            "-t",
            "tmpfs",
            "-o",
            "size=1m",
            "tmpfs",
            mnt.to_str().unwrap(),
        ],
    ) {
        eprintln!("SKIPPED: cannot mount a small tmpfs here (needs root and mount)");
        return;
    }
    let _mount = Mount(mnt.clone());
    let n = 120;
    let batch = 10;
    // About 1 MB of text, stored twice (original and normalized) plus
    // indexes: it cannot fit in 1 MB.
    let inp = corpus(d, n, 9_000);
    let db = mnt.join("store.db");

    let out = ingest(&db, &[&inp], batch);
    let err = stderr(&out);
    assert_eq!(
        out.status.code(),
        Some(1),
        "a clean error exit, not a crash: {err}"
    );
    let lower = err.to_lowercase();
    assert!(
        lower.contains("full") || lower.contains("no space"),
        "the error says the disk is full: {err}"
    );
    assert_eq!(
        integrity(&db),
        "ok",
        "the store is intact after a full disk"
    );
    let stored = doc_count(&db);
    assert!(
        stored < n as i64,
        "the disk really filled up ({stored} documents)"
    );
    assert_eq!(
        stored % batch as i64,
        0,
        "only whole batches are stored, got {stored}"
    );

    // With space, a rerun completes the store.
    assert!(run_ok(
        "mount",
        &["-o", "remount,size=64m", mnt.to_str().unwrap()]
    ));
    let again = ingest(&db, &[&inp], batch);
    assert!(again.status.success(), "{}", stderr(&again));
    assert_eq!(doc_count(&db), n as i64);
    assert_eq!(integrity(&db), "ok");
}

/// `vigie ingest` under a file-size limit (`ulimit -f`, no privileges
/// needed): the database cannot grow past about 1 MB. With `SIGXFSZ` at its
/// default the process is killed by the kernel in the middle of a write —
/// a kill during ingest at a full disk; with the signal ignored the write
/// fails with `EFBIG` and vigie must exit with an error. Either way the
/// store is intact with whole batches only, and a rerun without the limit
/// completes it.
fn ingest_with_file_size_limit(ignore_signal: bool) {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let n = 120;
    let batch = 10;
    let inp = corpus(d, n, 9_000);
    let db = d.join("store.db");
    // `ulimit -f` counts blocks of 512 (dash) or 1024 (bash) bytes.
    let script = format!(
        "{} ulimit -f 2048 && exec \"$0\" ingest --quiet --db \"$1\" --batch {batch} \"$2\"",
        if ignore_signal { "trap '' XFSZ;" } else { "" }
    );
    let out = Command::new("sh")
        .arg("-c")
        .arg(&script)
        .arg(env!("CARGO_BIN_EXE_vigie"))
        .arg(&db)
        .arg(&inp)
        .env_remove("VIGIE_DB")
        .output()
        .unwrap();
    let err = stderr(&out);
    assert!(!out.status.success(), "the limit was reached: {err}");
    if ignore_signal {
        assert_eq!(out.status.code(), Some(1), "a clean error exit: {err}");
        assert!(
            err.contains("error") && err.contains("store.db") && err.contains("rerun"),
            "the error names the database and says what to do: {err}"
        );
    }
    assert_eq!(integrity(&db), "ok", "the store is intact: {err}");
    let stored = doc_count(&db);
    assert!(stored < n as i64, "the limit really stopped the ingest");
    assert_eq!(stored % batch as i64, 0, "only whole batches: {stored}");

    let again = ingest(&db, &[&inp], batch);
    assert!(again.status.success(), "{}", stderr(&again));
    assert_eq!(doc_count(&db), n as i64);
    assert_eq!(integrity(&db), "ok");
}

#[test]
fn killed_by_the_file_size_limit_mid_ingest_leaves_whole_batches() {
    ingest_with_file_size_limit(false);
}

#[test]
fn file_size_limit_fails_clearly_and_a_rerun_completes() {
    ingest_with_file_size_limit(true);
}
