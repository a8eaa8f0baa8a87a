//! Issue 17: re-processing. A document ingested again with corrected
//! metadata is re-extracted; documents extracted with other resources are
//! re-extracted only with `--reprocess`, and only the events that change
//! are touched.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn vigie() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_vigie"));
    c.env_remove("VIGIE_DB").env_remove("VIGIE_RESOURCES");
    c
}

fn ok(out: Output) -> (String, String) {
    assert!(
        out.status.success(),
        "status {:?}\nstderr:\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// A drone strike near Kirkuk, told "yesterday": its date follows `published`.
fn strike_line(published: &str) -> String {
    serde_json::json!({
        "id": "a",
        "published": published,
        "lang": "fr",
        "title": "Frappe près de Kirkouk",
        "text": "Une frappe de drone a tué trois civils hier près de Kirkouk, a indiqué un \
                 responsable local. Le Front des collines a revendiqué l'attaque dans un communiqué.",
    })
    .to_string()
}

/// Another outlet's report of a strike near Kirkuk on 9 March.
fn police_line() -> String {
    serde_json::json!({
        "id": "c",
        "published": "2024-03-10",
        "lang": "fr",
        "title": "Kirkouk",
        "text": "Trois civils ont été tués hier dans une frappe de drone près de Kirkouk, selon la \
                 police locale.",
    })
    .to_string()
}

/// An attack in Mosul that no resource change below touches.
fn mosul_line() -> String {
    serde_json::json!({
        "id": "b",
        "published": "2024-03-05",
        "lang": "fr",
        "title": "Attaque à Mossoul",
        "text": "Des hommes armés ont attaqué hier soir un poste de police à Mossoul, tuant deux \
                 agents, selon une source sécuritaire.",
    })
    .to_string()
}

fn write(dir: &Path, name: &str, lines: &[String]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, lines.join("\n") + "\n").unwrap();
    p
}

fn ingest(db: &Path, input: &Path, extra: &[&str]) -> String {
    ok(vigie()
        .arg("ingest")
        .args(extra)
        .arg("--db")
        .arg(db)
        .arg(input)
        .output()
        .unwrap())
    .1
}

fn events(db: &Path) -> Vec<Value> {
    ok(vigie().args(["events", "--db"]).arg(db).output().unwrap())
        .0
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn source_docs(ev: &Value) -> Vec<&str> {
    ev["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["doc"].as_str().unwrap())
        .collect()
}

#[test]
fn a_document_ingested_again_with_a_corrected_date_has_its_events_and_clusters_updated() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let first = write(
        dir.path(),
        "first.jsonl",
        &[strike_line("2024-03-05"), police_line()],
    );
    ingest(&db, &first, &[]);
    let before = events(&db);
    assert_eq!(before.len(), 2, "{before:#?}");
    assert!(before.iter().any(|e| e["event_date"] == "2024-03-04"));

    // The publisher corrects the date of document a: it was published on
    // the 10th, so "yesterday" is the 9th, the day the police report.
    let fixed = write(dir.path(), "fixed.jsonl", &[strike_line("2024-03-10")]);
    let stderr = ingest(&db, &fixed, &[]);
    assert!(stderr.contains("1 replaced"), "{stderr}");
    let after = events(&db);
    assert_eq!(
        after.len(),
        1,
        "the two reports are now one event: {after:#?}"
    );
    assert_eq!(after[0]["event_date"], "2024-03-09");
    assert_eq!(source_docs(&after[0]), ["a", "c"]);
    assert_eq!(after[0]["source_count"], 2);

    // Ingesting the same corrected document again changes nothing.
    let stderr = ingest(&db, &fixed, &[]);
    assert!(stderr.contains("1 unchanged, 0 replaced"), "{stderr}");
    assert_eq!(events(&db), after);
}

/// The bundled actors plus one the texts name ("Front des collines").
fn resources_with_a_new_actor(dir: &Path) -> PathBuf {
    let bundled = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../resources/actors.toml"
    ))
    .unwrap();
    let ovr = dir.join("resources");
    std::fs::create_dir_all(&ovr).unwrap();
    std::fs::write(
        ovr.join("actors.toml"),
        format!(
            "{bundled}\n[[actor]]\nname = \"Hills Front\"\ninter = 2\ncountry = \"IQ\"\nfocus = true\n\
             fr = [\"Front des collines\"]\nen = [\"Hills Front\"]\nar = []\n"
        ),
    )
    .unwrap();
    ovr
}

/// Each stored event's document, record, row, engine, resources, and its
/// cluster's id, record and update time.
fn event_rows(db: &Path) -> Vec<Vec<String>> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut stmt = conn
        .prepare(
            "SELECT d.id, e.record, e.rowid, e.engine, e.resources, c.id, c.record, c.updated
             FROM events e JOIN documents d ON d.rowid = e.doc JOIN clusters c ON c.rowid = e.cluster
             ORDER BY d.id",
        )
        .unwrap();
    stmt.query_map([], |r| {
        (0..8)
            .map(|i| {
                Ok(match r.get::<_, rusqlite::types::Value>(i)? {
                    rusqlite::types::Value::Text(t) => t,
                    rusqlite::types::Value::Integer(n) => n.to_string(),
                    other => format!("{other:?}"),
                })
            })
            .collect::<rusqlite::Result<Vec<String>>>()
    })
    .unwrap()
    .map(|r| r.unwrap())
    .collect()
}

#[test]
fn a_changed_resource_file_updates_the_affected_events_with_reprocess_and_touches_no_other() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let input = write(
        dir.path(),
        "in.jsonl",
        &[strike_line("2024-03-05"), mosul_line()],
    );
    ingest(&db, &input, &[]);
    let before = event_rows(&db);
    assert_eq!(before.len(), 2);
    assert!(!before[0][1].contains("Hills Front"), "{:?}", before[0]);

    // Other resources, no --reprocess: the events stay, a notice says so.
    let ovr = resources_with_a_new_actor(dir.path());
    let resources = ["--resources", ovr.to_str().unwrap()];
    let stderr = ingest(&db, &input, &resources);
    assert!(
        stderr.contains("2 documents in") && stderr.contains("--reprocess"),
        "{stderr}"
    );
    assert_eq!(event_rows(&db), before);

    // --reprocess: document a names its perpetrator now; b's event and
    // cluster rows are the same rows, unchanged.
    let stderr = ingest(&db, &input, &["--reprocess", resources[0], resources[1]]);
    assert!(stderr.contains("2 re-processed"), "{stderr}");
    assert!(
        !stderr.contains("--reprocess"),
        "nothing is stale: {stderr}"
    );
    let after = event_rows(&db);
    assert_eq!(after.len(), 2);
    assert!(
        after[0][1].contains("\"actor1\":\"Hills Front\""),
        "{:?}",
        after[0]
    );
    assert!(
        after[0][6].contains("Hills Front"),
        "its cluster follows: {:?}",
        after[0]
    );
    let (b_before, b_after) = (&before[1], &after[1]);
    assert_eq!(b_after[0], "b");
    let untouched = [1, 2, 3, 5, 6, 7];
    for i in untouched {
        assert_eq!(b_after[i], b_before[i], "column {i} of b's event");
    }
    assert_ne!(b_after[4], b_before[4], "b records the new resource hash");
    assert_eq!(after[0][4], b_after[4]);

    // Back to the bundled resources: a normal ingest says both are stale.
    let stderr = ingest(&db, &input, &[]);
    assert!(stderr.contains("2 documents in"), "{stderr}");
}
