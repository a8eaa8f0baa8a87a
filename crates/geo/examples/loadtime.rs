//! Development aid: load time of the bundled geocoder.
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let r = vigie_resources::Resources::embedded();
    let t = std::time::Instant::now();
    let text = r.require("gazetteer/geonames.tsv")?;
    let mut v = Vec::new();
    let mut e = Vec::new();
    vigie_geo::gazetteer::parse_table(&text, "g", &mut v, &mut e);
    eprintln!("parse {:?}", t.elapsed());
    let t = std::time::Instant::now();
    let mut n = 0usize;
    for p in &v {
        for name in &p.names {
            std::hint::black_box(vigie_geo::fold::skeleton(name));
            n += 1;
        }
    }
    eprintln!("fold {n} names {:?}", t.elapsed());
    let t = std::time::Instant::now();
    let g = vigie_geo::Geocoder::bundled()?;
    eprintln!("total {:?} {:?}", t.elapsed(), g);
    Ok(())
}
