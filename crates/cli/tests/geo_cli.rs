//! `vigie geo` and `vigie gazetteer import`, run as the real binary.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::io::Write;
use std::process::Stdio;

use common::vigie;

fn json_lines(out: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(out)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or(serde_json::Value::Null))
        .collect()
}

#[test]
fn geo_text_argument_prints_one_json_object_per_place() {
    let text =
        "Une attaque de drone a visé la base aérienne d'Aïn al-Assad, dans l'ouest de l'Irak.";
    let out = vigie()
        .args(["geo", "--lang", "fr", text])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows = json_lines(&out.stdout);
    let base = rows
        .iter()
        .find(|r| r["feature"] == "airbase")
        .unwrap_or_else(|| panic!("{rows:?}"));
    assert_eq!(base["line"], 1);
    assert_eq!(base["mention"], "Aïn al-Assad");
    assert_eq!(base["country"], "IQ");
    assert_eq!(base["geo_precision"], 1);
    let (s, e) = (
        base["start"].as_u64().unwrap() as usize,
        base["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[s..e], "Aïn al-Assad");
    assert!(
        base["gazetteer_id"]
            .as_str()
            .is_some_and(|id| !id.is_empty())
    );
    assert!(
        rows.iter()
            .any(|r| r["country"] == "IQ" && r["feature"] == "country"),
        "{rows:?}"
    );
}

#[test]
fn geo_stdin_treats_each_line_as_a_text() {
    let mut child = vigie()
        .args(["geo", "--lang", "en"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(
            b"Rockets hit Kirkuk.\nNice weather today.\nClashes broke out in Tripoli, Libya.\n",
        )
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let rows = json_lines(&out.stdout);
    assert!(
        rows.iter()
            .any(|r| r["line"] == 1 && r["mention"] == "Kirkuk" && r["country"] == "IQ"),
        "{rows:?}"
    );
    assert!(!rows.iter().any(|r| r["line"] == 2), "{rows:?}");
    assert!(
        rows.iter().any(|r| r["line"] == 3
            && r["mention"]
                .as_str()
                .is_some_and(|m| m.starts_with("Tripoli"))
            && r["country"] == "LY"),
        "{rows:?}"
    );
}

#[test]
fn gazetteer_import_reads_geonames_dumps_and_geo_loads_the_result() {
    let dir = tempfile::tempdir().unwrap();
    let main = dir.path().join("XX.txt");
    // geonameid name asciiname alternatenames lat lon class code cc cc2 admin1 admin2 admin3 admin4 population elevation dem tz modified
    std::fs::write(
        &main,
        "9000001\tZarqawiyya\tZarqawiyya\tZarkawiya,Zarqawiyah\t34.5\t41.5\tP\tPPL\tIQ\t\t01\t\t\t\t12000\t\t150\tAsia/Baghdad\t2024-01-01\n\
         9000002\tQurnat Tawil Airfield\tQurnat Tawil Airfield\t\t34.6\t41.7\tS\tAIRB\tIQ\t\t01\t\t\t\t0\t\t150\tAsia/Baghdad\t2024-01-01\n\
         9000003\tWadi Nothing\tWadi Nothing\t\t34.7\t41.8\tH\tSTM\tIQ\t\t01\t\t\t\t0\t\t150\tAsia/Baghdad\t2024-01-01\n",
    )
    .unwrap();
    let alt = dir.path().join("alternateNamesV2.txt");
    std::fs::write(
        &alt,
        "1\t9000001\tfr\tZarkaouiyé\t\t\t\t\t\t\n2\t9000001\tru\tZarkavija\t\t\t\t\t\t\n3\t9000002\ten\tTawil air base\t\t\t\t\t\t\n",
    )
    .unwrap();
    let admin1 = dir.path().join("admin1CodesASCII.txt");
    std::fs::write(&admin1, "IQ.01\tAnbar\tAnbar\t99592\n").unwrap();
    let out_file = dir.path().join("gaz.tsv");
    let out = vigie()
        .args(["gazetteer", "import"])
        .arg(&main)
        .arg("--alternate-names")
        .arg(&alt)
        .arg("--admin1")
        .arg(&admin1)
        .arg("--out")
        .arg(&out_file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let gaz = std::fs::read_to_string(&out_file).unwrap();
    assert!(gaz.contains("9000001\tZarqawiyya\tIQ\tAnbar\t"), "{gaz}");
    assert!(gaz.contains("Zarkaouiyé"), "{gaz}");
    assert!(!gaz.contains("Zarkavija"), "Russian name kept: {gaz}");
    assert!(gaz.contains("airbase"), "{gaz}");
    assert!(!gaz.contains("Wadi Nothing"), "{gaz}");

    let text = "Des roquettes ont visé Zarkaouiyé et la base aérienne de Qurnat Tawil.";
    let out = vigie()
        .args(["geo", "--lang", "fr", "--gazetteer"])
        .arg(&out_file)
        .arg(text)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows = json_lines(&out.stdout);
    assert!(
        rows.iter()
            .any(|r| r["gazetteer_id"] == "geonames:9000001" && r["admin1"] == "Anbar"),
        "{rows:?}"
    );
    assert!(
        rows.iter()
            .any(|r| r["gazetteer_id"] == "geonames:9000002" && r["feature"] == "airbase"),
        "{rows:?}"
    );
}

#[test]
fn gazetteer_import_of_a_missing_file_fails_with_its_name() {
    let out = vigie()
        .args(["gazetteer", "import", "/nonexistent/allCountries.txt"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("allCountries.txt"));
}

#[test]
fn gazetteer_import_of_a_file_with_no_geonames_row_fails() {
    // It once wrote 0 places and exited 0.
    let tmp = tempfile::tempdir().unwrap();
    let bad = tmp.path().join("notes.txt");
    std::fs::write(&bad, "not a gazetteer\nstill not one\n").unwrap();
    let out = vigie()
        .args(["gazetteer", "import"])
        .arg(&bad)
        .arg("--out")
        .arg(tmp.path().join("g.tsv"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no row is a GeoNames place"), "{err}");
}
