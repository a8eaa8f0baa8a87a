//! The store fed with hand-built documents (no pipeline involved).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use vigie_core::{Date, DocMeta, Event, Evidence, Figure, Lang, Location, Plover, ProcessedDoc};
use vigie_store::export::{self, ACLED_COLUMNS, Format};
use vigie_store::{DocFilter, EventFilter, FigureFilter, SCHEMA_VERSION, Store};

/// An agency story written for these tests.
const AGENCY: &str = "Un convoi logistique a été visé mardi matin par une frappe de drone sur la route \
qui relie la ville de Nordhaven au poste frontalier de Calder. Selon un responsable local, deux \
camions ont pris feu et trois chauffeurs ont été blessés. Le groupe armé du Front des collines a \
revendiqué l'attaque dans un communiqué diffusé en fin de journée. Les autorités provinciales ont \
annoncé l'ouverture d'une enquête et renforcé les contrôles sur l'axe routier. La route était \
restée fermée plusieurs heures, le temps que les secours dégagent les véhicules calcinés. Des \
habitants ont raconté avoir entendu une forte explosion peu après sept heures.";

/// Another outlet's page: most of the agency story plus its own paragraphs.
fn republication() -> String {
    let kept: Vec<&str> = AGENCY.split(". ").take(5).collect();
    format!(
        "Nordhaven : nouvelle attaque contre un convoi. {}. Notre correspondant sur place rapporte \
         que la circulation a repris dans l'après-midi sous escorte militaire. Plusieurs \
         transporteurs envisagent désormais de suspendre leurs livraisons vers la frontière, \
         faute de garanties sur la sécurité des chauffeurs et des marchandises transportées.",
        kept.join(". ")
    )
}

fn d(s: &str) -> Date {
    s.parse().unwrap()
}

fn hash(text: &str) -> String {
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(text.as_bytes()))
}

fn doc(
    id: &str,
    text: &str,
    url: Option<&str>,
    events: Vec<Event>,
    figures: Vec<Figure>,
) -> ProcessedDoc {
    ProcessedDoc {
        meta: DocMeta {
            id: id.into(),
            origin: format!("{id}.txt"),
            url: url.map(Into::into),
            ..Default::default()
        },
        lang: Lang::new("fr"),
        text: text.into(),
        norm_text: text.into(),
        content_hash: hash(text),
        events,
        figures,
        diagnostics: Vec::new(),
        parse: Default::default(),
    }
}

fn nordhaven() -> Location {
    Location {
        name: "Nordhaven".into(),
        mention: "Nordhaven".into(),
        country: Some("IQ".into()),
        admin1: Some("Ninawa".into()),
        lat: Some(36.1),
        lon: Some(43.2),
        geo_precision: 1,
        ..Default::default()
    }
}

fn strike(doc: &str, claimed: bool, fatalities: Option<u32>) -> Event {
    Event {
        id: format!("ev-{doc}-1"),
        doc: doc.into(),
        event_date: Some(d("2024-03-12")),
        date_start: Some(d("2024-03-12")),
        date_end: Some(d("2024-03-12")),
        time_precision: Some(1),
        event_type: "Explosions/Remote violence".into(),
        sub_event_type: "Air/drone strike".into(),
        plover: Plover {
            kind: "ASSAULT".into(),
            mode: Some("aerial".into()),
        },
        cameo: "195".into(),
        actor1: Some("Hills Front".into()),
        actor2: Some("Civilians (Iraq)".into()),
        target: Some("un convoi logistique".into()),
        weapon: Some("drone".into()),
        location: Some(nordhaven()),
        fatalities,
        claimed,
        claimant: claimed.then(|| "Hills Front".to_string()),
        evidence: Evidence {
            text: "Un convoi logistique a été visé mardi matin".into(),
            start: 0,
            end: 43,
        },
        rules: vec!["fr.trigger.frappe_de_drone".into()],
        ..Default::default()
    }
}

fn toll(doc: &str, count: u64, as_of: &str) -> Figure {
    Figure {
        doc: doc.into(),
        what: "injured".into(),
        count,
        qualifier: "exact".into(),
        subject: Some("drivers".into()),
        place: Some("Nordhaven".into()),
        as_of: Some(d(as_of)),
        source: Some("local official".into()),
        evidence: Evidence::default(),
        rules: Vec::new(),
    }
}

fn corpus() -> Vec<ProcessedDoc> {
    let unrelated = "Le parlement a adopté jeudi soir une loi de finances rectificative après trois \
        jours de débats houleux, sans rapport avec les événements de la frontière nord du pays.";
    let mut clash = strike("c", false, Some(4));
    clash.event_type = "Battles".into();
    clash.sub_event_type = "Armed clash".into();
    clash.location = Some(Location {
        name: "Calder".into(),
        mention: "Calder".into(),
        country: Some("SY".into()),
        lat: Some(35.0),
        lon: Some(40.0),
        geo_precision: 2,
        ..Default::default()
    });
    vec![
        doc(
            "a",
            AGENCY,
            Some("https://www.agency.example/news/1"),
            vec![strike("a", true, Some(3))],
            vec![toll("a", 3, "2024-03-12")],
        ),
        doc(
            "b",
            &republication(),
            Some("https://outlet.example/story"),
            vec![strike("b", false, Some(2))],
            vec![toll("b", 5, "2024-03-13")],
        ),
        doc("c", unrelated, None, vec![clash], Vec::new()),
    ]
}

/// Fills a store at schema `version` (1 or 2) as a vigie of that version
/// did: this vigie's writer writes schema 3 only. One run, the documents
/// (one event each), and one cluster per group of document indices,
/// folded in the group's order.
fn legacy_ingest(path: &std::path::Path, version: u32, docs: &[ProcessedDoc], groups: &[&[usize]]) {
    let old = Store::open_at_version(path, version).unwrap();
    let conn = old.connection();
    conn.execute(
        "INSERT INTO runs (started, status, inputs) VALUES (1, 'done', '[]')",
        [],
    )
    .unwrap();
    for (i, doc) in docs.iter().enumerate() {
        conn.execute(
            "INSERT INTO documents (rowid, id, origin, title, url, published, lang, content_hash, text,
                 norm_text, shingles, signature, diagnostics, run, ingested)
             VALUES (?1, ?2, ?3, NULL, ?4, NULL, 'fr', ?5, ?6, ?6, 0, x'', '[]', 1, 1)",
            rusqlite::params![
                i as i64 + 1,
                doc.meta.id,
                doc.meta.origin,
                doc.meta.url,
                doc.content_hash,
                doc.text
            ],
        )
        .unwrap();
    }
    for (c, group) in groups.iter().enumerate() {
        let id = format!("cl-legacy-{c}");
        let reports = group
            .iter()
            .map(|&i| (docs[i].meta.id.as_str(), &docs[i].events[0]));
        let rep = vigie_dedupe::fold(&id, reports).unwrap();
        conn.execute(
            "INSERT INTO clusters (rowid, id, date_start, date_end, event_type, sub_event_type, country,
                 location, claimed, source_count, updated, record)
             VALUES (?1, ?2, '2024-03-12', '2024-03-12', ?3, ?4, ?5, ?6, 0, ?7, 1, ?8)",
            rusqlite::params![
                c as i64 + 1,
                id,
                rep.event_type,
                rep.sub_event_type,
                rep.location.as_ref().and_then(|l| l.country.clone()),
                rep.location.as_ref().map(|l| l.name.clone()),
                group.len() as i64,
                serde_json::to_string(&rep).unwrap()
            ],
        )
        .unwrap();
        for &i in group.iter() {
            conn.execute(
                "INSERT INTO events (doc, seq, id, cluster, record) VALUES (?1, 0, ?2, ?3, ?4)",
                rusqlite::params![
                    i as i64 + 1,
                    docs[i].events[0].id,
                    c as i64 + 1,
                    serde_json::to_string(&docs[i].events[0]).unwrap()
                ],
            )
            .unwrap();
        }
    }
}

fn ingest(store: &mut Store, docs: &[ProcessedDoc]) -> vigie_store::BatchStats {
    let (run, _) = store.begin_run(&["test".into()]).unwrap();
    let mut batch = store.batch(run).unwrap();
    for doc in docs {
        batch.add_doc(doc).unwrap();
    }
    let stats = batch.commit().unwrap();
    store
        .finish_run(run, "done", &serde_json::json!({}))
        .unwrap();
    stats
}

#[test]
fn migration_from_an_empty_db() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.db");
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    let mode: String = store
        .connection()
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    assert_eq!(store.counts().unwrap(), vigie_store::Counts::default());
    drop(store);

    // A database left at version 1 with data migrates and keeps its rows.
    let path = dir.path().join("old.db");
    legacy_ingest(&path, 1, &corpus(), &[&[0, 1], &[2]]);
    let old = Store::open_read_only(&path).unwrap();
    assert_eq!(old.schema_version().unwrap(), 1);
    let before = old.counts().unwrap();
    drop(old);
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(store.counts().unwrap(), before);
    let idx: i64 = store
        .connection()
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'clusters_country'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(idx, 1);
    assert_eq!(store.integrity_check().unwrap(), "ok");
}

#[test]
fn a_newer_schema_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v.db");
    drop(Store::open(&path).unwrap());
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .unwrap();
    drop(conn);
    assert!(matches!(
        Store::open(&path),
        Err(vigie_store::Error::NewerSchema { .. })
    ));
}

#[test]
fn ingesting_the_same_documents_again_adds_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    let first = ingest(&mut store, &corpus());
    assert_eq!(first.added, 3);
    let once = store.counts().unwrap();
    let second = ingest(&mut store, &corpus());
    assert_eq!((second.added, second.unchanged, second.events), (0, 3, 0));
    assert_eq!(store.counts().unwrap(), once);
    assert_eq!(once.documents, 3);
    assert_eq!(once.events, 3);
    assert_eq!(once.clusters, 2);
    assert_eq!(once.figures, 2);
}

#[test]
fn a_partial_republication_is_linked_with_its_overlap_ratio() {
    let mut store = Store::open_in_memory().unwrap();
    ingest(&mut store, &corpus());
    let docs = store
        .docs(&DocFilter {
            linked_only: true,
            ..Default::default()
        })
        .unwrap();
    let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["a", "b"]);
    let b = &docs[1];
    assert_eq!(b.links.len(), 1);
    let link = &b.links[0];
    assert_eq!(
        (link.doc.as_str(), link.kind.as_str(), link.earlier),
        ("a", "partial", true)
    );
    let exact = vigie_dedupe::overlap(
        &vigie_dedupe::shingles(AGENCY),
        &vigie_dedupe::shingles(&republication()),
    );
    assert!(
        (link.overlap - exact.ratio).abs() < 1e-9,
        "{} vs {}",
        link.overlap,
        exact.ratio
    );
    assert!(link.overlap >= 0.5 && link.jaccard < 0.8, "{link:?}");
    assert_eq!(docs[0].links[0].doc, "b");
    assert!(!docs[0].links[0].earlier);
}

#[test]
fn an_exact_copy_under_another_id_is_linked_as_exact() {
    let mut store = Store::open_in_memory().unwrap();
    let mut docs = corpus();
    let mut copy = docs[0].clone();
    copy.meta.id = "a-copy".into();
    docs.push(copy);
    ingest(&mut store, &docs);
    let rows = store
        .docs(&DocFilter {
            id: Some("a-copy".into()),
            ..Default::default()
        })
        .unwrap();
    let kinds: Vec<(&str, &str)> = rows[0]
        .links
        .iter()
        .map(|l| (l.doc.as_str(), l.kind.as_str()))
        .collect();
    assert!(kinds.contains(&("a", "exact")), "{kinds:?}");
}

#[test]
fn one_event_two_sources_is_one_cluster() {
    let mut store = Store::open_in_memory().unwrap();
    ingest(&mut store, &corpus());
    let events = store
        .events(&EventFilter {
            country: Some("iq".into()),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(events.len(), 1);
    let e = &events[0].event;
    assert_eq!(e.source_count, Some(2));
    let docs: Vec<(&str, bool)> = e
        .sources
        .iter()
        .map(|s| (s.doc.as_str(), s.claimed))
        .collect();
    assert_eq!(docs, [("a", true), ("b", false)]);
    assert!(
        !e.claimed,
        "a claim confirmed by another outlet's report is no longer a claim"
    );
    assert_eq!(e.fatalities, Some(2));
    assert_eq!(e.fatalities_range, Some((2, 3)));
    assert_eq!(events[0].outlets, ["agency.example", "outlet.example"]);
}

#[test]
fn event_filters() {
    let mut store = Store::open_in_memory().unwrap();
    ingest(&mut store, &corpus());
    let n = |f: EventFilter| store.events(&f).unwrap().len();
    let cases: Vec<(&str, EventFilter, usize)> = vec![
        ("all", EventFilter::default(), 2),
        (
            "from after",
            EventFilter {
                from: Some(d("2024-03-13")),
                ..Default::default()
            },
            0,
        ),
        (
            "to on the day",
            EventFilter {
                to: Some(d("2024-03-12")),
                ..Default::default()
            },
            2,
        ),
        (
            "country SY",
            EventFilter {
                country: Some("SY".into()),
                ..Default::default()
            },
            1,
        ),
        (
            "actor substring",
            EventFilter {
                actor: Some("hills".into()),
                ..Default::default()
            },
            2,
        ),
        (
            "actor2",
            EventFilter {
                actor: Some("civilians".into()),
                ..Default::default()
            },
            2,
        ),
        (
            "actor unknown",
            EventFilter {
                actor: Some("nobody".into()),
                ..Default::default()
            },
            0,
        ),
        (
            "sub-type",
            EventFilter {
                event_type: Some("armed clash".into()),
                ..Default::default()
            },
            1,
        ),
        (
            "event type",
            EventFilter {
                event_type: Some("Explosions/Remote violence".into()),
                ..Default::default()
            },
            1,
        ),
        (
            "bbox around Nordhaven",
            EventFilter {
                bbox: Some([43.0, 36.0, 43.5, 36.5]),
                ..Default::default()
            },
            1,
        ),
        (
            "claimed",
            EventFilter {
                claimed: Some(true),
                ..Default::default()
            },
            0,
        ),
        (
            "not claimed",
            EventFilter {
                claimed: Some(false),
                ..Default::default()
            },
            2,
        ),
        (
            "limit",
            EventFilter {
                limit: Some(1),
                ..Default::default()
            },
            1,
        ),
    ];
    let failures: Vec<String> = cases
        .into_iter()
        .filter_map(|(what, f, want)| {
            let got = n(f);
            (got != want).then(|| format!("{what}: got {got}, want {want}"))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(
        store
            .events(&EventFilter {
                bbox: Some([5.0, 0.0, 1.0, 1.0]),
                ..Default::default()
            })
            .is_err()
    );
}

#[test]
fn figures_are_a_time_series() {
    let mut store = Store::open_in_memory().unwrap();
    ingest(&mut store, &corpus());
    let all = store
        .figures(&FigureFilter {
            subject: Some("DRIVERS".into()),
            ..Default::default()
        })
        .unwrap();
    let series: Vec<(u64, String)> = all
        .iter()
        .map(|f| (f.count, f.as_of.unwrap().to_string()))
        .collect();
    assert_eq!(
        series,
        [(3, "2024-03-12".to_string()), (5, "2024-03-13".to_string())]
    );
    let later = store
        .figures(&FigureFilter {
            from: Some(d("2024-03-13")),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(later.len(), 1);
}

#[test]
fn a_changed_document_replaces_its_old_version() {
    let mut store = Store::open_in_memory().unwrap();
    ingest(&mut store, &corpus());
    let mut b = corpus().remove(1);
    b.text.push_str(" Mise à jour : le bilan est revu.");
    b.norm_text.clone_from(&b.text);
    b.content_hash = hash(&b.text);
    b.events[0].fatalities = Some(6);
    let stats = ingest(&mut store, &[b]);
    assert_eq!(stats.replaced, 1);
    let c = store.counts().unwrap();
    assert_eq!((c.documents, c.events, c.clusters), (3, 3, 2));
    let ev = &store
        .events(&EventFilter {
            country: Some("IQ".into()),
            ..Default::default()
        })
        .unwrap()[0]
        .event;
    assert_eq!(
        ev.fatalities_range,
        Some((3, 6)),
        "the old figure left with the old version"
    );
    assert_eq!(ev.source_count, Some(2));
}

#[test]
fn acled_csv_has_acleds_31_columns() {
    let mut store = Store::open_in_memory().unwrap();
    ingest(&mut store, &corpus());
    let events = store.events(&EventFilter::default()).unwrap();
    let mut out = Vec::new();
    export::write(Format::Acled, &events, &mut out).unwrap();
    let mut rd = csv::Reader::from_reader(out.as_slice());
    let header: Vec<String> = rd.headers().unwrap().iter().map(String::from).collect();
    let expected = "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,\
        actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,\
        country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,\
        fatalities,tags,timestamp";
    assert_eq!(header.join(","), expected);
    assert_eq!(header, ACLED_COLUMNS);
    let rows: Vec<csv::StringRecord> = rd.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 2);
    let get = |row: &csv::StringRecord, col: &str| {
        row.get(ACLED_COLUMNS.iter().position(|c| *c == col).unwrap())
            .unwrap()
            .to_string()
    };
    // Events of one day come in the order of their cluster ids (issue 17:
    // row numbers follow the arrival order): find the Iraqi one.
    let iq = rows.iter().find(|r| get(r, "country") == "Iraq").unwrap();
    assert!(get(iq, "event_id_cnty").starts_with("IRQ"));
    assert_eq!(get(iq, "event_date"), "2024-03-12");
    assert_eq!(get(iq, "year"), "2024");
    assert_eq!(get(iq, "iso"), "368");
    assert_eq!(get(iq, "country"), "Iraq");
    assert_eq!(get(iq, "region"), "Middle East");
    assert_eq!(get(iq, "disorder_type"), "Political violence");
    assert_eq!(get(iq, "civilian_targeting"), "Civilian targeting");
    assert_eq!(get(iq, "fatalities"), "2");
    assert_eq!(get(iq, "source"), "agency.example; outlet.example");
    assert_eq!(get(iq, "latitude"), "36.1");
    let notes = get(iq, "notes");
    assert!(
        notes.starts_with("On 12 March 2024, Hills Front carried out an air/drone strike"),
        "{notes}"
    );
    assert!(notes.contains("2 to 3 fatalities"), "{notes}");
}

#[test]
fn geojson_is_a_feature_collection() {
    let mut store = Store::open_in_memory().unwrap();
    ingest(&mut store, &corpus());
    let events = store.events(&EventFilter::default()).unwrap();
    let mut out = Vec::new();
    export::write(Format::Geojson, &events, &mut out).unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["type"], "FeatureCollection");
    let features = v["features"].as_array().unwrap();
    assert_eq!(features.len(), 2);
    for f in features {
        assert_eq!(f["type"], "Feature");
        assert_eq!(f["geometry"]["type"], "Point");
        let c = f["geometry"]["coordinates"].as_array().unwrap();
        assert_eq!(c.len(), 2);
        assert!(c[0].as_f64().unwrap().abs() <= 180.0 && c[1].as_f64().unwrap().abs() <= 90.0);
        assert!(f["properties"].is_object());
        // Properties are flat: no nested objects or arrays for GIS tools.
        assert!(
            f["properties"]
                .as_object()
                .unwrap()
                .values()
                .all(|p| !p.is_object() && !p.is_array())
        );
    }
    let nordhaven = features
        .iter()
        .find(|f| f["properties"]["location"] == "Nordhaven")
        .unwrap();
    assert_eq!(
        nordhaven["geometry"]["coordinates"][0], 43.2,
        "GeoJSON order is [lon, lat]"
    );
}

#[test]
fn jsonl_csv_and_plover_exports() {
    let mut store = Store::open_in_memory().unwrap();
    ingest(&mut store, &corpus());
    let events = store.events(&EventFilter::default()).unwrap();
    let mut out = Vec::new();
    export::write(Format::Jsonl, &events, &mut out).unwrap();
    let lines: Vec<Event> = String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    // Same day: cluster id order (issue 17), not arrival order.
    let strike = lines.iter().position(|e| e.sources.len() == 2).unwrap();
    assert_eq!(lines[1 - strike].sources.len(), 1);
    let mut out = Vec::new();
    export::write(Format::Csv, &events, &mut out).unwrap();
    let mut rd = csv::Reader::from_reader(out.as_slice());
    assert_eq!(rd.records().count(), 2);
    let mut out = Vec::new();
    export::write(Format::Plover, &events, &mut out).unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v[strike]["event_type"], "ASSAULT");
    assert_eq!(v[strike]["mode"], "aerial");
    assert_eq!(v[strike]["sources"].as_array().unwrap().len(), 2);
}

#[test]
fn a_rolled_back_batch_leaves_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    let (run, _) = store.begin_run(&[]).unwrap();
    {
        let mut batch = store.batch(run).unwrap();
        for doc in corpus() {
            batch.add_doc(&doc).unwrap();
        }
        // dropped without commit
    }
    assert_eq!(store.counts().unwrap(), vigie_store::Counts::default());
}

#[test]
fn two_writers_on_one_file_queue_up() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.db");
    drop(Store::open(&path).unwrap());
    let docs = corpus();
    let handles: Vec<_> = (0..2)
        .map(|w| {
            let path = path.clone();
            let docs: Vec<ProcessedDoc> = docs
                .iter()
                .map(|d| {
                    let mut d = d.clone();
                    d.meta.id = format!("w{w}-{}", d.meta.id);
                    d
                })
                .collect();
            std::thread::spawn(move || {
                let mut store = Store::open(&path).unwrap();
                for d in &docs {
                    ingest(&mut store, std::slice::from_ref(d));
                }
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.counts().unwrap().documents, 6);
    assert_eq!(store.integrity_check().unwrap(), "ok");
}

/// Documents whose ids, actors, places and evidence begin with each
/// character a spreadsheet runs as a formula, at a place with negative
/// coordinates (issue 16).
fn formula_corpus() -> Vec<ProcessedDoc> {
    ["=", "+", "-", "@", "\t", "\r"]
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let id = format!("{p}cmd|' /C calc'!A{i}\u{1}");
            let text = format!("{p}HYPERLINK(\"http://x.example\") texte {i} différent des autres");
            let mut ev = strike(&id, false, Some(2));
            ev.id = format!("ev-{i}");
            ev.event_date = Some(d(&format!("2024-03-{:02}", i + 1)));
            ev.date_start = ev.event_date;
            ev.date_end = ev.event_date;
            ev.actor1 = Some(format!("{p}SUM(A1:A9)"));
            ev.target = Some(format!("{p}1+2"));
            ev.location = Some(Location {
                name: format!("{p}Bamako\u{7}"),
                mention: "Bamako".into(),
                country: Some("ML".into()),
                lat: Some(-12.5),
                lon: Some(-8.25),
                geo_precision: 1,
                ..Default::default()
            });
            ev.evidence.text = format!("{p}@SUM(1+1)*cmd|' /C calc'!A0\u{0}\u{1b}[31m");
            let mut fig = toll(&id, 3 + i as u64, "2024-03-12");
            fig.subject = Some(format!("{p}subject"));
            fig.source = Some(format!("{p}source"));
            doc(&id, &text, None, vec![ev], vec![fig])
        })
        .collect()
}

/// The spreadsheet-safety contract for one CSV export: every text cell is
/// free of control characters and does not begin with a formula character;
/// `numeric` columns are numbers (or empty), never prefixed.
fn assert_spreadsheet_safe(csv_bytes: &[u8], numeric: &[&str]) -> Vec<csv::StringRecord> {
    let mut rd = csv::Reader::from_reader(csv_bytes);
    let header: Vec<String> = rd.headers().unwrap().iter().map(String::from).collect();
    let rows: Vec<csv::StringRecord> = rd.records().map(|r| r.unwrap()).collect();
    for row in &rows {
        for (col, cell) in header.iter().zip(row.iter()) {
            if numeric.contains(&col.as_str()) {
                assert!(
                    cell.is_empty() || cell.parse::<f64>().is_ok(),
                    "{col} = {cell:?} is not a number"
                );
            } else {
                assert!(!cell.chars().any(char::is_control), "{col} = {cell:?}");
                assert!(
                    !cell.trim_start().starts_with(['=', '+', '-', '@']),
                    "{col} = {cell:?} begins with a formula character"
                );
            }
        }
    }
    rows
}

#[test]
fn csv_cells_beginning_with_formula_characters_are_neutralised_and_negative_coordinates_stay_numbers()
 {
    let mut store = Store::open_in_memory().unwrap();
    ingest(&mut store, &formula_corpus());
    let events = store.events(&EventFilter::default()).unwrap();
    assert_eq!(events.len(), 6);

    let mut out = Vec::new();
    export::write(Format::Acled, &events, &mut out).unwrap();
    let numeric: Vec<&str> =
        "year time_precision iso latitude longitude geo_precision fatalities timestamp"
            .split(' ')
            .collect();
    let rows = assert_spreadsheet_safe(&out, &numeric);
    let col = |name: &str| ACLED_COLUMNS.iter().position(|c| *c == name).unwrap();
    let mut sources: Vec<&str> = rows.iter().map(|r| &r[col("source")]).collect();
    sources.sort();
    for p in ["'=", "'+", "'-", "'@", "' ", "' "] {
        assert!(
            sources.iter().any(|s| s.starts_with(p)),
            "{p} in {sources:?}"
        );
    }
    for r in &rows {
        assert_eq!(&r[col("latitude")], "-12.5");
        assert_eq!(&r[col("longitude")], "-8.25");
        assert_eq!(&r[col("fatalities")], "2");
        assert!(r[col("actor1")].starts_with('\''));
        assert!(r[col("location")].starts_with('\''));
    }

    let mut out = Vec::new();
    export::write(Format::Csv, &events, &mut out).unwrap();
    let numeric: Vec<&str> =
        "time_precision cameo lat lon geo_precision fatalities fatalities_min fatalities_max source_count"
            .split(' ')
            .collect();
    let rows = assert_spreadsheet_safe(&out, &numeric);
    let col = |name: &str| export::CSV_COLUMNS.iter().position(|c| *c == name).unwrap();
    for r in &rows {
        assert_eq!((&r[col("lat")], &r[col("lon")]), ("-12.5", "-8.25"));
        assert!(
            r[col("evidence")].starts_with('\''),
            "{:?}",
            &r[col("evidence")]
        );
        assert!(r[col("target")].starts_with('\''));
    }

    let figures = store.figures(&FigureFilter::default()).unwrap();
    let mut out = Vec::new();
    export::write_figures_csv(&figures, &mut out, export::CsvCells::Safe).unwrap();
    let rows = assert_spreadsheet_safe(&out, &["count"]);
    assert_eq!(rows.len(), 6);

    // --raw-csv: the bytes as stored.
    let mut out = Vec::new();
    export::write_with(Format::Csv, &events, &mut out, export::CsvCells::Raw).unwrap();
    let mut rd = csv::Reader::from_reader(out.as_slice());
    let mut evidence: Vec<String> = rd
        .records()
        .map(|r| r.unwrap()[col("evidence")].to_string())
        .collect();
    evidence.sort();
    let mut expected: Vec<String> = formula_corpus()
        .iter()
        .map(|d| d.events[0].evidence.text.clone())
        .collect();
    expected.sort();
    assert_eq!(evidence, expected);
}

#[test]
fn spreadsheet_safe_leaves_ordinary_text_alone() {
    use export::spreadsheet_safe;
    for s in [
        "Kirkouk",
        "",
        "Hills Front",
        "a-b",
        "x=1",
        "Civilians (Iraq)",
    ] {
        assert_eq!(spreadsheet_safe(s), s);
    }
    assert_eq!(spreadsheet_safe("line\none"), "line one");
    assert_eq!(spreadsheet_safe("\u{1}=1+1"), "'=1+1");
    assert_eq!(spreadsheet_safe("  -2"), "'  -2");
    assert_eq!(spreadsheet_safe("\u{FF1D}1+1"), "'\u{FF1D}1+1");
    assert_eq!(spreadsheet_safe("\tx"), "' x");
}

fn sha(path: &std::path::Path) -> Vec<u8> {
    std::fs::read(path).unwrap()
}

/// Issue 16: vigie took over any SQLite file (added its tables, switched it
/// to WAL), and a clashing table printed the whole schema twice.
#[test]
fn a_database_that_is_not_a_store_is_refused_and_left_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&str, &str); 3] = [
        (
            "tables.db",
            "CREATE TABLE users (name TEXT); INSERT INTO users VALUES ('a');",
        ),
        // Same table names as vigie's, but not a store: the old clash.
        (
            "clash.db",
            "CREATE TABLE runs (x); CREATE TABLE documents (y);",
        ),
        ("app.db", "PRAGMA application_id = 42; CREATE TABLE t (x);"),
    ];
    for (name, sql) in cases {
        let path = dir.path().join(name);
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(sql).unwrap();
        drop(conn);
        let before = sha(&path);
        for read_only in [false, true] {
            let err = if read_only {
                Store::open_read_only(&path).unwrap_err()
            } else {
                Store::open(&path).unwrap_err()
            };
            assert!(
                matches!(err, vigie_store::Error::NotAStore { .. }),
                "{name}: {err}"
            );
            let msg = err.to_string();
            assert!(!msg.contains("CREATE"), "{name}: {msg}");
            assert!(msg.len() < 300, "{name}: {msg}");
            assert_eq!(sha(&path), before, "{name} changed");
        }
        let mut siblings: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|f| f.starts_with(name) && f != name)
            .collect();
        siblings.sort();
        assert!(
            siblings.is_empty(),
            "{name}: no WAL or lock file: {siblings:?}"
        );
    }
}

/// A store made before the application id (tables and user_version only)
/// is recognised: readers read it as it is, the next writer migrates it and
/// sets the id.
#[test]
fn a_store_made_before_the_application_id_is_recognised_and_readers_leave_it_as_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    legacy_ingest(&path, 1, &corpus(), &[&[0, 1], &[2]]);
    let app = |p: &std::path::Path| -> i32 {
        rusqlite::Connection::open(p)
            .unwrap()
            .query_row("PRAGMA application_id", [], |r| r.get(0))
            .unwrap()
    };
    assert_eq!(app(&path), 0);
    let before = sha(&path);
    let mut reader = Store::open_read_only(&path).unwrap();
    assert_eq!(
        reader.schema_version().unwrap(),
        1,
        "a reader never migrates"
    );
    assert_eq!(reader.events(&EventFilter::default()).unwrap().len(), 2);
    assert!(reader.begin_run(&[]).is_err(), "a reader never writes");
    drop(reader);
    assert_eq!(sha(&path), before);
    let writer = Store::open(&path).unwrap();
    assert_eq!(writer.schema_version().unwrap(), SCHEMA_VERSION);
    drop(writer);
    assert_eq!(app(&path), vigie_store::APPLICATION_ID);
}

/// Issue 16: two ingests starting together on a new file: one failed with
/// "table runs already exists" (the version was read outside a write
/// transaction).
#[test]
fn concurrent_first_opens_of_a_new_file_end_with_one_store_and_no_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.db");
    let docs = corpus();
    let barrier = std::sync::Barrier::new(8);
    std::thread::scope(|s| {
        for w in 0..8 {
            let (path, docs, barrier) = (&path, &docs, &barrier);
            s.spawn(move || {
                barrier.wait();
                let mut store = Store::open(path).unwrap();
                ingest(&mut store, &docs[w % docs.len()..][..1]);
            });
        }
    });
    let store = Store::open_read_only(&path).unwrap();
    let report = store.check().unwrap();
    assert!(report.ok, "{report:?}");
    assert_eq!(report.counts.unwrap().documents, 3);
    assert_eq!(report.runs, Some(vec![("done".to_string(), 8)]));
}

/// Issue 16: a run whose process was killed stayed `running` for ever. The
/// next writer marks it abandoned, but never a run that is still live.
#[test]
fn runs_left_running_are_marked_abandoned_by_the_next_writer_but_live_runs_are_not() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v.db");
    let mut live = Store::open(&path).unwrap();
    let (live_run, abandoned) = live.begin_run(&["live".into()]).unwrap();
    assert_eq!(abandoned, 0);
    // A row as a killed process leaves it (no lock held for it).
    live.connection()
        .execute(
            "INSERT INTO runs (started, status, inputs) VALUES (0, 'running', '[]')",
            [],
        )
        .unwrap();
    let mut second = Store::open(&path).unwrap();
    let (_, abandoned) = second.begin_run(&[]).unwrap();
    assert_eq!(abandoned, 0, "another run is live: nothing can be told");
    drop(second);
    live.finish_run(live_run, "done", &serde_json::json!({}))
        .unwrap();
    drop(live);
    let mut next = Store::open(&path).unwrap();
    let (_, abandoned) = next.begin_run(&[]).unwrap();
    assert_eq!(
        abandoned, 2,
        "the killed row and the dropped unfinished run"
    );
    let statuses = next.run_statuses().unwrap();
    assert_eq!(
        statuses,
        [
            ("abandoned".to_string(), 2),
            ("done".to_string(), 1),
            ("running".to_string(), 1)
        ]
    );
}

#[test]
fn a_backup_is_a_checked_copy_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v.db");
    let mut store = Store::open(&path).unwrap();
    ingest(&mut store, &corpus());
    let counts = store.counts().unwrap();
    drop(store);
    let reader = Store::open_read_only(&path).unwrap();
    let copy = dir.path().join("copy.db");
    assert_eq!(reader.backup(&copy).unwrap(), counts);
    let backup = Store::open_read_only(&copy).unwrap();
    assert_eq!(backup.counts().unwrap(), counts);
    assert_eq!(backup.schema_version().unwrap(), SCHEMA_VERSION);
    let before = sha(&copy);
    assert!(reader.backup(&copy).is_err());
    assert_eq!(sha(&copy), before);
}

/// Found by the `store` fuzz target: a document replaced by a new version
/// whose event starts a new cluster, while the cluster its old version
/// founded lives on through another document's report, failed the whole
/// batch with "UNIQUE constraint failed: clusters.id" (cluster ids hash the
/// founding document id and event index).
#[test]
fn a_new_version_of_a_document_whose_old_cluster_lives_on_is_stored() {
    let mut store = Store::open_in_memory().unwrap();
    ingest(&mut store, &corpus()[..2]);
    let mut moved = strike("a", false, Some(1));
    moved.event_date = Some(d("2024-05-20"));
    moved.date_start = moved.event_date;
    moved.date_end = moved.event_date;
    let new_version = doc(
        "a",
        "Une nouvelle version de la dépêche, sur une autre frappe en mai.",
        Some("https://www.agency.example/news/1"),
        vec![moved],
        Vec::new(),
    );
    let stats = ingest(&mut store, &[new_version]);
    assert_eq!((stats.replaced, stats.new_clusters), (1, 1));
    let c = store.counts().unwrap();
    assert_eq!((c.documents, c.events, c.clusters), (2, 2, 2));
    assert_eq!(store.integrity_check().unwrap(), "ok");
}

#[test]
fn acled_csv_writes_an_unnamed_actor_with_its_country() {
    let mut store = Store::open_in_memory().unwrap();
    let mut attack = strike("m", false, Some(5));
    attack.event_type = "Violence against civilians".into();
    attack.sub_event_type = "Attack".into();
    attack.disorder_type = "Political violence".into();
    attack.civilian_targeting = true;
    attack.actor1 = Some("Unidentified Armed Group".into());
    attack.actor1_country = Some("ML".into());
    attack.actor2 = Some("Civilians".into());
    attack.actor2_country = Some("ML".into());
    attack.location = Some(Location {
        name: "Mopti".into(),
        mention: "Mopti".into(),
        country: Some("ML".into()),
        lat: Some(14.49),
        lon: Some(-4.19),
        geo_precision: 1,
        ..Default::default()
    });
    let text = "Des hommes armés ont tué cinq civils près de Mopti dimanche.";
    ingest(
        &mut store,
        &[doc("m", text, None, vec![attack], Vec::new())],
    );
    let events = store.events(&EventFilter::default()).unwrap();
    let mut out = Vec::new();
    export::write(Format::Acled, &events, &mut out).unwrap();
    let mut rd = csv::Reader::from_reader(out.as_slice());
    let row = rd.records().next().unwrap().unwrap();
    let get = |col: &str| {
        row.get(ACLED_COLUMNS.iter().position(|c| *c == col).unwrap())
            .unwrap()
    };
    assert_eq!(get("actor1"), "Unidentified Armed Group (Mali)");
    assert_eq!(get("actor2"), "Civilians (Mali)");
    assert_eq!(get("civilian_targeting"), "Civilian targeting");
    assert_eq!(get("disorder_type"), "Political violence");
}

/// Issue 17: a store made by schema 2 kept clusters that depended on the
/// arrival order; the writer that migrates it re-clusters it by the
/// order-free rule (here the legacy store had split one event in two).
#[test]
fn a_store_from_schema_2_is_reclustered_by_the_writer_that_migrates_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v2.db");
    legacy_ingest(&path, 2, &corpus(), &[&[0], &[1], &[2]]);
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    let c = store.counts().unwrap();
    assert_eq!((c.documents, c.events, c.clusters), (3, 3, 2));
    let events = store.events(&EventFilter::default()).unwrap();
    let ids: Vec<&str> = events.iter().map(|e| e.event.id.as_str()).collect();
    let founder = format!("cl-{:016x}", xxhash_rust::xxh3::xxh3_64(b"a#0"));
    assert!(ids.contains(&founder.as_str()), "{ids:?}");
    let strike = events.iter().find(|e| e.event.id == founder).unwrap();
    assert_eq!(strike.event.source_count, Some(2));
    assert_eq!(strike.event.fatalities, Some(2));
    assert_eq!(store.integrity_check().unwrap(), "ok");
    // Its documents were extracted by an unknown engine: stale.
    assert_eq!(store.stale_documents("any", "any").unwrap(), 3);
}

fn daily_strike(doc_id: &str, from: &str, to: &str) -> ProcessedDoc {
    let mut ev = strike(doc_id, false, None);
    ev.event_date = Some(d(from));
    ev.date_start = Some(d(from));
    ev.date_end = Some(d(to));
    ev.time_precision = Some(if from == to { 1 } else { 2 });
    let text = format!("Frappe sur la base, rapport {doc_id} du {from} au {to}.");
    doc(doc_id, &text, None, vec![ev], Vec::new())
}

/// The events, as `vigie events --format jsonl` writes them.
fn jsonl(store: &Store) -> String {
    let events = store.events(&EventFilter::default()).unwrap();
    let mut out = Vec::new();
    export::write(Format::Jsonl, &events, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

/// Issue 17: clusters grew along a chain (a weekly summary joined every
/// day it overlaps) and depended on which report came first.
#[test]
fn a_week_of_strikes_on_one_base_is_seven_clusters_in_any_order() {
    let mut docs: Vec<ProcessedDoc> = (1..=7)
        .map(|day| {
            let date = format!("2024-03-1{day}");
            daily_strike(&format!("day{day}"), &date, &date)
        })
        .collect();
    docs.push(daily_strike("weekly", "2024-03-11", "2024-03-17"));
    let mut whole = Store::open_in_memory().unwrap();
    ingest(&mut whole, &docs);
    assert_eq!(whole.counts().unwrap().clusters, 7);
    let want = jsonl(&whole);
    let mut reversed = Store::open_in_memory().unwrap();
    for doc in docs.iter().rev() {
        ingest(&mut reversed, std::slice::from_ref(doc));
    }
    assert_eq!(jsonl(&reversed), want);
}

/// Issue 17: a document ingested again with a corrected published date is
/// re-extracted: its old events leave (their cluster splits), the new ones
/// join the clusters of their new date.
#[test]
fn a_corrected_published_date_replaces_the_events_and_moves_them_between_clusters() {
    let mut store = Store::open_in_memory().unwrap();
    let mut docs = vec![
        daily_strike("a", "2024-03-12", "2024-03-12"),
        daily_strike("b", "2024-03-12", "2024-03-12"),
        daily_strike("c", "2024-03-13", "2024-03-13"),
    ];
    ingest(&mut store, &docs);
    assert_eq!(store.counts().unwrap().clusters, 2);
    // The same text, dated a day later: its event moves to the 13th.
    let mut corrected = docs[1].clone();
    corrected.meta.published = Some(d("2024-03-14"));
    let ev = &mut corrected.events[0];
    ev.event_date = Some(d("2024-03-13"));
    ev.date_start = ev.event_date;
    ev.date_end = ev.event_date;
    let stats = ingest(&mut store, std::slice::from_ref(&corrected));
    assert_eq!((stats.replaced, stats.unchanged), (1, 0));
    let events = store.events(&EventFilter::default()).unwrap();
    let members = |date: &str| -> Vec<String> {
        let e = events
            .iter()
            .find(|e| e.event.event_date == Some(d(date)))
            .unwrap();
        e.event.sources.iter().map(|s| s.doc.clone()).collect()
    };
    assert_eq!(members("2024-03-12"), vec!["a"]);
    assert_eq!(members("2024-03-13"), vec!["b", "c"]);
    // The same store built from the corrected documents in one batch.
    docs[1] = corrected;
    let mut fresh = Store::open_in_memory().unwrap();
    ingest(&mut fresh, &docs);
    assert_eq!(jsonl(&store), jsonl(&fresh));
}

fn ingest_with(
    store: &mut Store,
    docs: &[ProcessedDoc],
    options: vigie_store::IngestOptions,
) -> vigie_store::BatchStats {
    let (run, _) = store.begin_run(&["test".into()]).unwrap();
    let mut batch = store.batch_with(run, options).unwrap();
    for doc in docs {
        batch.add_doc(doc).unwrap();
    }
    batch.commit().unwrap()
}

/// Issue 17: documents extracted with other resources are left as they are
/// unless re-processing is asked for; then only those whose events changed
/// are replaced.
#[test]
fn reprocessing_replaces_the_events_that_changed_and_touches_nothing_else() {
    let options = |resources: &str, reprocess: bool| vigie_store::IngestOptions {
        engine: "test".into(),
        resources: resources.into(),
        reprocess,
    };
    let mut store = Store::open_in_memory().unwrap();
    let docs = corpus();
    ingest_with(&mut store, &docs, options("r1", false));
    let before: Vec<(String, i64)> = cluster_rows(&store);
    // New resources name another perpetrator in document c only.
    let mut next = docs.clone();
    next[2].events[0].actor1 = Some("Calder Brigade".into());
    let stats = ingest_with(&mut store, &next, options("r2", false));
    assert_eq!((stats.unchanged, stats.stale, stats.reprocessed), (3, 3, 0));
    assert_eq!(store.stale_documents("test", "r2").unwrap(), 3);
    assert_eq!(
        cluster_rows(&store),
        before,
        "nothing changes without --reprocess"
    );

    let stats = ingest_with(&mut store, &next, options("r2", true));
    assert_eq!((stats.reprocessed, stats.stale, stats.events), (3, 0, 1));
    assert_eq!(store.stale_documents("test", "r2").unwrap(), 0);
    let after = cluster_rows(&store);
    assert_eq!(after.len(), 2);
    let strike = |rows: &[(String, i64)]| rows.iter().find(|r| r.0.contains("Nordhaven")).cloned();
    assert_eq!(
        strike(&after),
        strike(&before),
        "the strike's cluster is untouched"
    );
    assert!(after.iter().any(|r| r.0.contains("Calder Brigade")));
    let provenance: Vec<(String, String)> = store
        .connection()
        .prepare("SELECT engine, resources FROM events ORDER BY rowid")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    assert!(
        provenance
            .iter()
            .all(|p| p == &("test".to_string(), "r2".to_string())),
        "{provenance:?}"
    );
}

/// Each cluster's record and rowid.
fn cluster_rows(store: &Store) -> Vec<(String, i64)> {
    store
        .connection()
        .prepare("SELECT record, rowid FROM clusters ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(|r| r.unwrap())
        .collect()
}

#[test]
fn acled_notes_tell_accusations_and_denials() {
    let mut ev = strike("n", false, Some(2));
    ev.attribution = vec![
        vigie_core::Attribution {
            who: "Military Forces of the United States".into(),
            stance: "accuses".into(),
            target: Some("Kataib Hezbollah".into()),
            ..Default::default()
        },
        vigie_core::Attribution {
            who: "Kataib Hezbollah".into(),
            stance: "denies".into(),
            ..Default::default()
        },
    ];
    let notes = export::summary(&ev);
    assert!(
        notes.ends_with(
            ". Military Forces of the United States blamed Kataib Hezbollah. \
             Kataib Hezbollah denied responsibility."
        ),
        "{notes}"
    );
}

#[test]
fn acled_notes_say_one_fatality_in_the_singular() {
    // The notes once said "1 fatalities reported".
    let mut ev = strike("one", false, Some(1));
    ev.fatalities_range = None;
    let notes = export::summary(&ev);
    assert!(notes.contains("; 1 fatality reported"), "{notes}");
}
