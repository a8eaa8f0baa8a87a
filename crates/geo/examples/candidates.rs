//! Development aid: print the candidates of each mention of each stdin line.
use std::io::BufRead;
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let lang = std::env::args().nth(1).unwrap_or_else(|| "fr".to_string());
    let g = vigie_geo::Geocoder::bundled()?;
    for line in std::io::stdin().lock().lines() {
        let line = line?;
        println!("{line}");
        for (m, c) in g.candidates(&line, &lang) {
            println!("  {m}: {c:?}");
        }
    }
    Ok(())
}
