//! The exporters alone, on clustered events and figures built from the
//! input (text fields that begin with formula characters, negative, NaN
//! and infinite coordinates, missing fields): no SQLite, so it runs fast.
//!
//! Invariants: no panic; the CSV exports (ACLED, flat, figures) read back
//! with one row per record and the header's width; spreadsheet-safe text
//! cells hold no control character and no leading formula character;
//! numeric cells are empty or finite numbers (a negative coordinate stays
//! a number); `--raw-csv` cells come back exactly; JSON Lines records read
//! back with the same ids and texts; GeoJSON and PLOVER are valid JSON with
//! one entry per event.
#![no_main]

#[path = "records.rs"]
mod records;

use libfuzzer_sys::fuzz_target;
use records::Input;

fuzz_target!(|data: &[u8]| {
    let mut inp = Input::new(data);
    let n = usize::from(inp.byte() % 6);
    let events: Vec<_> = (0..n).map(|i| records::clustered(&mut inp, i)).collect();
    let figures: Vec<_> = (0..usize::from(inp.byte() % 4))
        .map(|_| inp.figure("d"))
        .collect();
    records::check_exports(&events, &figures);
});
