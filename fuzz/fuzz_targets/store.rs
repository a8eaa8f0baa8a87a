//! The store end to end: documents built from the input (ids that repeat,
//! URLs, texts, events with any field values, figures) ingested into an
//! in-memory store, ingested again, then queried and exported.
//!
//! Invariants: no panic and no store error; every document is accounted
//! for (added, unchanged or replaced); a second ingest of the same
//! documents changes nothing; every stored report belongs to exactly one
//! clustered event (the sources add up to the events stored); the store
//! passes `PRAGMA integrity_check`; the exports keep the `export` target's
//! invariants.
#![no_main]

#[path = "records.rs"]
mod records;

use libfuzzer_sys::fuzz_target;
use records::Input;
use vigie_store::{EventFilter, FigureFilter, Store};

fuzz_target!(|data: &[u8]| {
    let mut inp = Input::new(data);
    let mut docs = Vec::new();
    while docs.len() < 6 && !inp.is_empty() {
        docs.push(inp.doc());
    }
    let mut store = Store::open_in_memory().expect("in-memory store");
    let ingest = |store: &mut Store| {
        let (run, _) = store.begin_run(&[]).expect("run");
        let mut batch = store.batch(run).expect("batch");
        for doc in &docs {
            batch.add_doc(doc).expect("add_doc");
        }
        let stats = batch.commit().expect("commit");
        store
            .finish_run(run, "done", &serde_json::json!({}))
            .expect("finish");
        stats
    };
    let first = ingest(&mut store);
    assert_eq!(
        (first.added + first.unchanged + first.replaced) as usize,
        docs.len(),
        "every document accounted for"
    );
    let counts = store.counts().expect("counts");
    // The last version of each id is what the store keeps: ingesting the
    // same list again replaces the ids given twice with different texts and
    // leaves the rest unchanged, ending with the same counts.
    let second = ingest(&mut store);
    assert_eq!(second.added, 0, "nothing new the second time");
    assert_eq!(store.counts().expect("counts").documents, counts.documents);
    assert_eq!(store.integrity_check().expect("check"), "ok");

    let events = store.events(&EventFilter::default()).expect("events");
    let figures = store.figures(&FigureFilter::default()).expect("figures");
    let now = store.counts().expect("counts");
    assert_eq!(events.len() as u64, now.clusters, "one record per cluster");
    let sources: usize = events.iter().map(|e| e.event.sources.len()).sum();
    assert_eq!(sources as u64, now.events, "every report in one cluster");
    assert_eq!(figures.len() as u64, now.figures);
    records::check_exports(&events, &figures);
});
