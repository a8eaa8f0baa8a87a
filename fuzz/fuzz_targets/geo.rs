//! The geocoder's matcher: `Geocoder::geocode` on any text. Mentions are in
//! order, on character boundaries, the toponym inside its mention; resolved
//! places have valid coordinates and precision.
#![no_main]

#[path = "common.rs"]
mod common;

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use vigie_geo::Geocoder;

static GEO: LazyLock<Geocoder> = LazyLock::new(|| Geocoder::bundled().expect("bundled gazetteer"));

// Load once, outside the per-input timeout.
fuzz_target!(init: {
    LazyLock::force(&GEO);
}, |data: &[u8]| {
    let Some((&sel, body)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(body);
    let lang = ["fr", "en", "other"][usize::from(sel % 3)];
    let mut prev_start = 0;
    for m in GEO.geocode(&text, lang) {
        assert!(
            common::on_boundaries(&text, m.start, m.end),
            "mention {}..{}",
            m.start,
            m.end
        );
        assert!(
            common::on_boundaries(&text, m.name_start, m.name_end),
            "name {}..{}",
            m.name_start,
            m.name_end
        );
        assert!(
            m.start <= m.name_start && m.name_end <= m.end,
            "toponym outside its mention"
        );
        assert!(m.name_start < m.name_end, "empty toponym");
        assert!(m.start >= prev_start, "mentions out of order");
        prev_start = m.start;
        if let Some(p) = &m.place {
            assert!(
                p.lat.is_finite() && (-90.0..=90.0).contains(&p.lat),
                "lat {}",
                p.lat
            );
            assert!(
                p.lon.is_finite() && (-180.0..=180.0).contains(&p.lon),
                "lon {}",
                p.lon
            );
            assert!(
                (1..=3).contains(&p.geo_precision),
                "geo_precision {}",
                p.geo_precision
            );
        }
    }
});
