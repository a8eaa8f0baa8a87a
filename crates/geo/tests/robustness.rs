//! Any text: no panic, spans on character boundaries and in order,
//! deterministic output; and the GeoNames importer on a small dump.

use vigie_geo::Geocoder;

fn texts() -> Vec<String> {
    let pieces = [
        "Aïn al-Assad",
        "d'",
        "l’",
        "al-",
        " ",
        "-",
        "'",
        "’",
        "à 30 km au nord de ",
        "Bagdad",
        "ʿ",
        "é",
        "\u{301}",
        "الرمادي",
        "🙂",
        "\n",
        ", ",
        "Tripoli",
        "(",
        ")",
        "north of ",
        "X",
        "ß",
        "İ",
        "Ḩalab",
        "la province de ",
        "countryside",
        "0",
        "km",
    ];
    let mut out = vec![
        String::new(),
        " ".into(),
        "'".into(),
        "al-".into(),
        "-al".into(),
    ];
    // a deterministic pseudo-random walk over the pieces
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..400 {
        let mut s = String::new();
        let n = (x % 12) as usize + 1;
        for _ in 0..n {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            s.push_str(pieces[(x % pieces.len() as u64) as usize]);
        }
        out.push(s);
    }
    out
}

#[test]
fn any_text_gives_ordered_spans_on_char_boundaries_deterministically()
-> Result<(), vigie_geo::Error> {
    let g = Geocoder::bundled()?;
    let mut problems = Vec::new();
    for t in texts() {
        for lang in ["fr", "en", "ar"] {
            let a = g.geocode(&t, lang);
            let b = g.geocode(&t, lang);
            if a != b {
                problems.push(format!("not deterministic: {t:?}"));
            }
            let mut last_end = 0;
            for m in &a {
                let ok = m.start <= m.name_start
                    && m.name_start < m.name_end
                    && m.name_end <= m.end
                    && m.end <= t.len()
                    && [m.start, m.end, m.name_start, m.name_end]
                        .iter()
                        .all(|&i| t.is_char_boundary(i))
                    && m.start >= last_end;
                if !ok {
                    problems.push(format!("bad span {m:?} in {t:?}"));
                }
                last_end = m.end;
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
    Ok(())
}

#[test]
fn importer_keeps_places_and_known_features_with_en_fr_ar_names()
-> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let main = dir.path().join("allCountries.txt");
    std::fs::write(
        &main,
        "1\tAlpha\tAlpha\tAlfa,alfa,ALF\t33.1\t44.1\tP\tPPL\tIQ\t\t07\t\t\t\t900\t\t1\tAsia/Baghdad\t2024-01-01\n\
         2\tBeta Air Base\tBeta Air Base\t\t33.2\t44.2\tS\tAIRB\tIQ\t\t07\t\t\t\t0\t\t1\tAsia/Baghdad\t2024-01-01\n\
         3\tGamma Hill\tGamma Hill\t\t33.3\t44.3\tT\tHLL\tIQ\t\t07\t\t\t\t0\t\t1\tAsia/Baghdad\t2024-01-01\n\
         bad line\n",
    )?;
    let admin1 = dir.path().join("admin1.txt");
    std::fs::write(&admin1, "IQ.07\tBaghdad\tBaghdad\t98180\n")?;
    let mut out = Vec::new();
    let stats = vigie_geo::import::import_geonames(
        &main,
        None,
        Some(&admin1),
        &mut out,
        &Default::default(),
    )?;
    let text = String::from_utf8(out)?;
    assert_eq!(stats.written, 2, "{text}");
    assert_eq!(stats.skipped_lines, 1);
    assert!(
        text.contains("1\tAlpha\tIQ\tBaghdad\t33.1000\t44.1000\t900\tAlfa\ttown"),
        "{text}"
    );
    assert!(
        text.contains("Beta Air Base\tIQ\tBaghdad") && text.contains("\tairbase"),
        "{text}"
    );
    assert!(!text.contains("Gamma"), "{text}");
    // the imported file loads, and the base is found by its short name with a type word
    let path = dir.path().join("gaz.tsv");
    std::fs::write(&path, &text)?;
    let g = Geocoder::with_gazetteer_file(&vigie_resources::Resources::embedded(), &path)?;
    let t = "Rockets hit Beta air base overnight.";
    let ms = g.geocode(t, "en");
    assert!(
        ms.iter().any(|m| m
            .place
            .as_ref()
            .is_some_and(|p| p.gazetteer_id == "geonames:2" && p.feature == "airbase")),
        "{ms:?}"
    );
    Ok(())
}
