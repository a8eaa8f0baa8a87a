//! Benchmark: load time, resident memory, mentions/s and MB/s.
//!
//! `cargo run --release -p vigie-geo --example bench [FILE…]`
//! Without files it geocodes the sentences of tests/data/cases.tsv,
//! repeated to about 20 MB. Figures go to docs/geo.md.

use std::time::Instant;

fn rss_kb(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let before = rss_kb("VmRSS:");
    let t = Instant::now();
    let g = vigie_geo::Geocoder::bundled()?;
    let load = t.elapsed();
    let after = rss_kb("VmRSS:");
    println!(
        "load: {:.1} ms, {} places; RSS {:.1} MB after load ({:.1} MB for the geocoder)",
        load.as_secs_f64() * 1000.0,
        g.len(),
        after as f64 / 1024.0,
        after.saturating_sub(before) as f64 / 1024.0
    );
    let files: Vec<String> = std::env::args().skip(1).collect();
    let mut docs: Vec<(String, String)> = Vec::new();
    if files.is_empty() {
        let cases = include_str!("../tests/data/cases.tsv");
        let mut lines: Vec<(String, String)> = Vec::new();
        for (_, l) in vigie_resources::data_lines(cases).skip(1) {
            let c: Vec<&str> = l.split('\t').collect();
            if c.len() >= 2 {
                lines.push((c[0].to_string(), c[1].to_string()));
            }
        }
        // documents of 10 sentences, one language each
        let mut size = 0;
        'outer: loop {
            for lang in ["fr", "en"] {
                let sents: Vec<&str> = lines
                    .iter()
                    .filter(|(l, _)| l == lang)
                    .map(|(_, t)| t.as_str())
                    .collect();
                for chunk in sents.chunks(10) {
                    let doc = chunk.join(" ");
                    size += doc.len();
                    docs.push((lang.to_string(), doc));
                    if size > 20_000_000 {
                        break 'outer;
                    }
                }
            }
        }
    } else {
        for f in files {
            docs.push(("fr".to_string(), std::fs::read_to_string(f)?));
        }
    }
    let bytes: usize = docs.iter().map(|d| d.1.len()).sum();
    let t = Instant::now();
    let mut mentions = 0usize;
    let mut resolved = 0usize;
    for (lang, d) in &docs {
        let ms = g.geocode(d, lang);
        mentions += ms.len();
        resolved += ms.iter().filter(|m| m.place.is_some()).count();
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "geocode: {} docs, {:.1} MB in {:.2} s = {:.1} MB/s; {} mentions ({} resolved) = {:.0} mentions/s",
        docs.len(),
        bytes as f64 / 1e6,
        secs,
        bytes as f64 / 1e6 / secs,
        mentions,
        resolved,
        mentions as f64 / secs
    );
    println!("peak RSS: {:.1} MB", rss_kb("VmHWM:") as f64 / 1024.0);
    Ok(())
}
