//! `vigie gazetteer import`: a GeoNames dump (allCountries.txt or a country
//! file, with optional alternateNamesV2.txt and admin1CodesASCII.txt) to a
//! vigie gazetteer file in the GeoNames form that [`crate::Geocoder`] loads
//! (`Geocoder::with_gazetteer_file`).
//!
//! Kept: populated places (feature class P) of `min_population` or more, and
//! every place whose GeoNames feature code maps onto a vigie feature (admin
//! units, bases, airports, ports, oil fields, crossings, dams, camps, seas,
//! straits, regions). Names: the name, the ASCII name, and alternate names in
//! English, French, Arabic or without language (from the alternate-names file
//! when given, else the dump's own alternatenames column, Latin or Arabic
//! script only).

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;

use crate::Error;

/// What to import.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    pub min_population: u64,
    pub languages: Vec<String>,
}

impl Default for ImportOptions {
    fn default() -> Self {
        ImportOptions {
            min_population: 0,
            languages: ["en", "fr", "ar"].iter().map(|s| s.to_string()).collect(),
        }
    }
}

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportStats {
    pub read: usize,
    pub written: usize,
    pub alternate_names: usize,
    pub skipped_lines: usize,
}

/// vigie feature of a GeoNames feature class and code.
pub fn feature_of(class: &str, code: &str) -> Option<&'static str> {
    Some(match (class, code) {
        ("P", _) => "town",
        ("A", c) if c.starts_with("PCL") => "country",
        ("A", "ADM1") => "admin1",
        ("A", "ADM2") => "admin2",
        ("S", "AIRB") => "airbase",
        ("S", "MILB" | "INSM" | "MILB2") => "base",
        ("S", "AIRP" | "AIRF" | "AIRH") => "airport",
        ("L", "PRT") | ("S", "PRT" | "HBR") | ("H", "HBR") => "port",
        ("L", "OILF") | ("S", "OILW" | "OILR") => "oilfield",
        ("L", "GASF") | ("S", "GASW") => "gasfield",
        ("S", "BDG" | "PSTB" | "BCN") => "crossing",
        ("S", "DAM") | ("H", "RSV") => "dam",
        ("S", "CMP" | "CMPRF" | "CMPLA") => "camp",
        ("H", "SEA" | "GULF" | "BAY") => "sea",
        ("H", "STRT") => "strait",
        ("L", "RGN" | "RGNE" | "AREA" | "PLAT") | ("T", "PLAT" | "VAL") => "region",
        _ => return None,
    })
}

fn io_err(path: &Path) -> impl Fn(std::io::Error) -> Error + '_ {
    move |source| Error::Io {
        path: path.display().to_string(),
        source,
    }
}

fn keep_name(n: &str) -> bool {
    let n = n.trim();
    if n.chars().count() < 2
        || n.chars().count() > 60
        || n.contains(['\t', '|'])
        || n.chars().any(|c| c.is_ascii_digit())
    {
        return false;
    }
    let arabic = n.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c));
    let other = n.chars().any(|c| {
        c.is_alphabetic()
            && !c.is_ascii()
            && !('\u{00C0}'..='\u{024F}').contains(&c)
            && !('\u{1E00}'..='\u{1EFF}').contains(&c)
            && !('\u{0600}'..='\u{06FF}').contains(&c)
            && !matches!(c, 'ʿ' | 'ʾ')
    });
    if other {
        return false;
    }
    arabic
        || (n.chars().any(char::is_uppercase)
            && !(n.len() <= 4 && n.chars().all(|c| c.is_ascii_uppercase())))
}

/// Import `main` (GeoNames main table) into `out`.
pub fn import_geonames(
    main: &Path,
    alternate_names: Option<&Path>,
    admin1: Option<&Path>,
    out: &mut dyn Write,
    opts: &ImportOptions,
) -> Result<ImportStats, Error> {
    let mut stats = ImportStats::default();
    let mut admin_names: HashMap<String, String> = HashMap::new();
    if let Some(p) = admin1 {
        let f = std::fs::File::open(p).map_err(io_err(p))?;
        for line in BufReader::new(f).lines() {
            let line = line.map_err(io_err(p))?;
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() >= 2 {
                let name = if cols.len() >= 3 && !cols[2].is_empty() {
                    cols[2]
                } else {
                    cols[1]
                };
                admin_names.insert(cols[0].to_string(), name.to_string());
            }
        }
    }
    struct Row {
        id: u64,
        name: String,
        cc: String,
        admin1: String,
        lat: f64,
        lon: f64,
        pop: u64,
        feature: &'static str,
        names: Vec<String>,
    }
    let mut rows: Vec<Row> = Vec::new();
    let f = std::fs::File::open(main).map_err(io_err(main))?;
    for line in BufReader::new(f).lines() {
        let line = line.map_err(io_err(main))?;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        stats.read += 1;
        let c: Vec<&str> = line.split('\t').collect();
        if c.len() < 15 {
            stats.skipped_lines += 1;
            continue;
        }
        let (Ok(id), Ok(lat), Ok(lon)) = (
            c[0].parse::<u64>(),
            c[4].parse::<f64>(),
            c[5].parse::<f64>(),
        ) else {
            stats.skipped_lines += 1;
            continue;
        };
        let Some(feature) = feature_of(c[6], c[7]) else {
            continue;
        };
        let pop = c[14].parse::<u64>().unwrap_or(0);
        if feature == "town" && pop < opts.min_population {
            continue;
        }
        let cc = c[8].to_string();
        let admin1 = if c[10].is_empty() || c[10] == "00" {
            String::new()
        } else {
            let code = format!("{cc}.{}", c[10]);
            admin_names.get(&code).cloned().unwrap_or(code)
        };
        let mut names = Vec::new();
        for n in std::iter::once(c[2]).chain(if alternate_names.is_none() {
            c[3].split(',').collect()
        } else {
            Vec::new()
        }) {
            let n = n.trim();
            if n != c[1] && keep_name(n) && !names.iter().any(|x| x == n) {
                names.push(n.to_string());
            }
        }
        rows.push(Row {
            id,
            name: c[1].trim().to_string(),
            cc,
            admin1,
            lat,
            lon,
            pop,
            feature,
            names,
        });
    }
    rows.sort_by_key(|r| r.id);
    if let Some(p) = alternate_names {
        let f = std::fs::File::open(p).map_err(io_err(p))?;
        for line in BufReader::new(f).lines() {
            let line = line.map_err(io_err(p))?;
            let c: Vec<&str> = line.split('\t').collect();
            if c.len() < 4 {
                continue;
            }
            let lang = c[2];
            let historic = c.get(7).is_some_and(|h| *h == "1");
            if historic || !(lang.is_empty() || opts.languages.iter().any(|l| l == lang)) {
                continue;
            }
            let Ok(gid) = c[1].parse::<u64>() else {
                continue;
            };
            let Ok(k) = rows.binary_search_by_key(&gid, |r| r.id) else {
                continue;
            };
            let n = c[3].trim();
            let r = &mut rows[k];
            if (keep_name(n) || lang == "ar") && n != r.name && !r.names.iter().any(|x| x == n) {
                r.names.push(n.to_string());
                stats.alternate_names += 1;
            }
        }
    }
    let w = |e: std::io::Error| Error::Io {
        path: "output".to_string(),
        source: e,
    };
    writeln!(
        out,
        "# vigie gazetteer imported from GeoNames ({}) by `vigie gazetteer import`.",
        main.display()
    )
    .map_err(w)?;
    writeln!(
        out,
        "# Data: GeoNames (https://www.geonames.org/), licence CC BY 4.0."
    )
    .map_err(w)?;
    writeln!(
        out,
        "geonameid\tname\tcountry\tadmin1\tlat\tlon\tpopulation\tnames\tfeature"
    )
    .map_err(w)?;
    for r in &rows {
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{:.4}\t{:.4}\t{}\t{}\t{}",
            r.id,
            r.name,
            r.cc,
            r.admin1,
            r.lat,
            r.lon,
            r.pop,
            r.names.join("|"),
            r.feature
        )
        .map_err(w)?;
        stats.written += 1;
    }
    Ok(stats)
}
