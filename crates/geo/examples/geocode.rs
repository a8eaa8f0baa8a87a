//! Development aid: geocode each line of stdin and print the matches.
//! `cargo run --release -p vigie-geo --example geocode -- fr < lines.txt`

use std::io::BufRead;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let lang = std::env::args().nth(1).unwrap_or_else(|| "fr".to_string());
    let t = std::time::Instant::now();
    let g = vigie_geo::Geocoder::bundled()?;
    eprintln!("loaded {} places in {:?}", g.len(), t.elapsed());
    for line in std::io::stdin().lock().lines() {
        let line = line?;
        println!("{line}");
        for m in g.geocode(&line, &lang) {
            let p = m.place.as_ref().map(|p| {
                format!(
                    "{} {} {:?} ({:.3},{:.3}) {} p{} {}",
                    p.name,
                    p.country,
                    p.admin1,
                    p.lat,
                    p.lon,
                    p.feature,
                    p.geo_precision,
                    p.gazetteer_id
                )
            });
            println!(
                "  [{}] {:?} -> {} [{}]",
                &line[m.start..m.end],
                &line[m.name_start..m.name_end],
                p.unwrap_or_else(|| "UNRESOLVED".into()),
                m.rule
            );
        }
    }
    Ok(())
}
