//! Gazetteer rows and their loaders.
//!
//! Two table formats, both TSV with `#` comment lines and a header line whose
//! column names select the columns (extra columns are ignored):
//!
//! - *curated* (`resources/gazetteer/curated/*.tsv`): `id name feature country
//!   admin1 lat lon precision names_en names_fr names_ar aliases disputed source`;
//! - *GeoNames* (`resources/gazetteer/geonames.tsv`, and the files `vigie
//!   gazetteer import` writes): `geonameid name country admin1 lat lon
//!   population names`, plus optional `feature` and `precision`. An `admin1`
//!   of the form `CC.NN` is a GeoNames code, named at load time from the
//!   curated admin-1 rows.

use crate::Error;

/// One place of the gazetteer.
#[derive(Debug, Clone)]
pub struct Place {
    pub id: String,
    pub name: String,
    pub feature: String,
    pub country: String,
    pub admin1: Option<String>,
    pub lat: f64,
    pub lon: f64,
    pub precision: u8,
    pub population: u64,
    pub disputed: bool,
    pub curated: bool,
    /// Every name the place is known by (canonical name first).
    pub names: Vec<String>,
    /// Curated rows: the source column (may name `geonames:ID` and
    /// `geonames_admin1=CC.NN`).
    pub source: String,
}

/// Feature types that a curated row may carry.
pub const FEATURES: &[&str] = &[
    "country", "admin1", "admin2", "region", "sea", "strait", "airbase", "base", "airport", "port",
    "oilfield", "gasfield", "crossing", "dam", "town", "site", "camp",
];

/// Features that are military installations: their name also stands for
/// the troops there ("Al-Tanf shot down two drones").
pub const INSTALLATIONS: &[&str] = &["airbase", "base", "camp"];

/// A data error: file, line and what is wrong.
fn bad(errors: &mut Vec<String>, path: &str, line: usize, msg: impl std::fmt::Display) {
    errors.push(format!("{path}:{line}: {msg}"));
}

struct Header {
    cols: Vec<String>,
}

impl Header {
    fn idx(&self, name: &str) -> Option<usize> {
        self.cols.iter().position(|c| c == name)
    }
}

fn split_names(s: &str) -> impl Iterator<Item = &str> {
    s.split('|').map(str::trim).filter(|n| !n.is_empty())
}

/// Parse a table (curated or GeoNames form, told apart by the header).
pub fn parse_table(text: &str, path: &str, out: &mut Vec<Place>, errors: &mut Vec<String>) {
    const COLS: [&str; 17] = [
        "id",
        "geonameid",
        "name",
        "feature",
        "country",
        "admin1",
        "lat",
        "lon",
        "precision",
        "population",
        "disputed",
        "source",
        "names_en",
        "names_fr",
        "names_ar",
        "aliases",
        "names",
    ];
    let mut header: Option<Header> = None;
    let mut col: [Option<usize>; 17] = [None; 17];
    let mut fields: Vec<&str> = Vec::with_capacity(16);
    for (line_no, line) in vigie_resources::data_lines(text) {
        fields.clear();
        fields.extend(line.split('\t'));
        let Some(h) = &header else {
            let h = Header {
                cols: fields.iter().map(|f| f.trim().to_string()).collect(),
            };
            for (i, c) in COLS.iter().enumerate() {
                col[i] = h.idx(c);
            }
            header = Some(h);
            continue;
        };
        let _ = h;
        let get = |name: &str| -> &str {
            COLS.iter()
                .position(|c| *c == name)
                .and_then(|i| col[i])
                .and_then(|i| fields.get(i))
                .map_or("", |s| s.trim())
        };
        let curated = col[0].is_some();
        let id = if curated {
            get("id").to_string()
        } else {
            format!("geonames:{}", get("geonameid"))
        };
        let name = get("name").to_string();
        if name.is_empty() || id.is_empty() || id == "geonames:" {
            bad(errors, path, line_no, "missing id or name");
            continue;
        }
        let (Ok(lat), Ok(lon)) = (get("lat").parse::<f64>(), get("lon").parse::<f64>()) else {
            bad(
                errors,
                path,
                line_no,
                format_args!("bad coordinates {:?} {:?}", get("lat"), get("lon")),
            );
            continue;
        };
        if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
            bad(
                errors,
                path,
                line_no,
                format_args!("coordinates out of range {lat} {lon}"),
            );
            continue;
        }
        let feature = match get("feature") {
            "" => "town".to_string(),
            f if FEATURES.contains(&f) => f.to_string(),
            f => {
                bad(errors, path, line_no, format_args!("unknown feature {f:?}"));
                continue;
            }
        };
        let precision = match get("precision") {
            "" => default_precision(&feature),
            p => match p.parse::<u8>() {
                Ok(p @ 1..=3) => p,
                _ => {
                    bad(
                        errors,
                        path,
                        line_no,
                        format_args!("precision must be 1, 2 or 3, not {p:?}"),
                    );
                    continue;
                }
            },
        };
        let country = get("country").to_ascii_uppercase();
        if country.len() != 2
            && !(country.is_empty() && matches!(feature.as_str(), "sea" | "strait" | "region"))
        {
            bad(
                errors,
                path,
                line_no,
                format_args!("country must be ISO 3166-1 alpha-2, not {country:?}"),
            );
            continue;
        }
        let admin1 = Some(get("admin1"))
            .filter(|a| !a.is_empty())
            .map(str::to_string);
        let disputed = matches!(get("disputed"), "1" | "true" | "yes");
        let population = get("population").parse::<u64>().unwrap_or(0);
        let mut names = vec![name.clone()];
        for c in ["names_en", "names_fr", "names_ar", "aliases", "names"] {
            for n in split_names(get(c)) {
                if !names.iter().any(|x| x == n) {
                    names.push(n.to_string());
                }
            }
        }
        out.push(Place {
            id,
            name,
            feature,
            country,
            admin1,
            lat,
            lon,
            precision,
            population,
            disputed,
            curated,
            names,
            source: if curated {
                get("source").to_string()
            } else {
                String::new()
            },
        });
    }
    if header.is_none() && !text.trim().is_empty() {
        bad(errors, path, 1, "no header line");
    }
}

/// The precision an event at a place of this feature gets by default.
pub fn default_precision(feature: &str) -> u8 {
    match feature {
        "country" | "admin1" | "region" | "sea" | "strait" => 3,
        "admin2" => 2,
        _ => 1,
    }
}

/// Curated rows win over GeoNames: a curated row whose source names
/// `geonames:ID` (or, without an id, a curated town or site with a GeoNames
/// namesake of the same country within 25 km) takes that GeoNames place's
/// names and population, and the GeoNames place is dropped.
pub fn merge_curated(places: &mut Vec<Place>) {
    use std::collections::HashMap;
    let mut by_gid: HashMap<String, usize> = HashMap::new();
    for (i, p) in places.iter().enumerate() {
        if p.curated {
            for part in p.source.split([';', ' ', ',']) {
                if let Some(id) = part.strip_prefix("geonames:")
                    && !id.is_empty()
                    && id.bytes().all(|b| b.is_ascii_digit())
                {
                    by_gid.insert(format!("geonames:{id}"), i);
                }
            }
        }
    }
    let mut absorbed: Vec<(usize, usize)> = Vec::new();
    let mut absorbed_set: std::collections::HashSet<usize> = std::collections::HashSet::new();
    let mut curated_with_id: std::collections::HashSet<usize> = std::collections::HashSet::new();
    for (j, p) in places.iter().enumerate() {
        if !p.curated
            && let Some(&i) = by_gid.get(&p.id)
        {
            absorbed.push((i, j));
            absorbed_set.insert(j);
            curated_with_id.insert(i);
        }
    }
    // curated towns and sites without an id: the GeoNames place of the same
    // country whose canonical name is one of theirs, within 25 km
    // only GeoNames places in a 0.5° cell next to a curated town or site are folded
    let cell = |lat: f64, lon: f64| ((lat * 2.0).floor() as i32, (lon * 2.0).floor() as i32);
    let mut near_curated: std::collections::HashSet<(i32, i32)> = std::collections::HashSet::new();
    for c in places.iter().filter(|c| {
        c.curated
            && !matches!(
                c.feature.as_str(),
                "country" | "admin1" | "region" | "sea" | "strait"
            )
    }) {
        let (a, b) = cell(c.lat, c.lon);
        for da in -1..=1 {
            for db in -1..=1 {
                near_curated.insert((a + da, b + db));
            }
        }
    }
    let mut by_name: HashMap<(String, String), Vec<usize>> = HashMap::new();
    for (j, p) in places.iter().enumerate() {
        if !p.curated && !absorbed_set.contains(&j) && near_curated.contains(&cell(p.lat, p.lon)) {
            by_name
                .entry((p.country.clone(), crate::fold::light(&p.name)))
                .or_default()
                .push(j);
        }
    }
    for (i, c) in places.iter().enumerate() {
        if !c.curated
            || curated_with_id.contains(&i)
            || matches!(
                c.feature.as_str(),
                "country" | "admin1" | "region" | "sea" | "strait"
            )
        {
            continue;
        }
        let hit = c.names.iter().find_map(|n| {
            by_name
                .get(&(c.country.clone(), crate::fold::light(n)))
                .and_then(|js| {
                    js.iter().copied().find(|&j| {
                        !absorbed_set.contains(&j)
                            && crate::resolve::km(c.lat, c.lon, places[j].lat, places[j].lon) < 25.0
                    })
                })
        });
        if let Some(j) = hit {
            absorbed.push((i, j));
            absorbed_set.insert(j);
        }
    }
    for &(i, j) in &absorbed {
        let names = std::mem::take(&mut places[j].names);
        let pop = places[j].population;
        let admin = places[j].admin1.take();
        let c = &mut places[i];
        for n in names {
            if !c.names.contains(&n) {
                c.names.push(n);
            }
        }
        c.population = c.population.max(pop);
        if c.admin1.is_none() {
            c.admin1 = admin;
        }
    }
    let drop = absorbed_set;
    let mut k = 0;
    places.retain(|_| {
        let keep = !drop.contains(&k);
        k += 1;
        keep
    });
}

/// Give places whose admin1 is a GeoNames code (`CC.NN`) the name of their
/// admin-1 unit: from the curated admin-1 row whose source names
/// `geonames_admin1=CC.NN`, else the curated admin-1 row of the same country
/// whose centre lies nearest to the code group's most populous place.
pub fn name_admin1_codes(places: &mut [Place]) {
    use std::collections::HashMap;
    let admins: Vec<(String, String, f64, f64)> = places
        .iter()
        .filter(|p| p.curated && p.feature == "admin1")
        .map(|p| (p.country.clone(), p.name.clone(), p.lat, p.lon))
        .collect();
    let mut named: HashMap<String, String> = HashMap::new();
    for p in places.iter().filter(|p| p.curated && p.feature == "admin1") {
        for part in p.source.split([';', ' ', ',']) {
            if let Some(code) = part.strip_prefix("geonames_admin1=") {
                named.insert(code.to_string(), p.name.clone());
            }
        }
    }
    let mut seat: HashMap<String, (u64, f64, f64)> = HashMap::new();
    for p in places.iter() {
        if let Some(code) = p.admin1.as_deref().filter(|a| is_admin_code(a)) {
            let e = seat.entry(code.to_string()).or_insert((0, p.lat, p.lon));
            if p.population >= e.0 {
                *e = (p.population, p.lat, p.lon);
            }
        }
    }
    let mut names: HashMap<String, Option<String>> = HashMap::new();
    for (code, (_, lat, lon)) in &seat {
        if let Some(n) = named.get(code) {
            names.insert(code.clone(), Some(n.clone()));
            continue;
        }
        let cc = &code[..2];
        let best = admins
            .iter()
            .filter(|a| a.0 == cc)
            .map(|a| (crate::resolve::km(*lat, *lon, a.2, a.3), &a.1))
            .min_by(|x, y| x.0.total_cmp(&y.0))
            .filter(|(d, _)| *d < 150.0)
            .map(|(_, n)| n.clone());
        names.insert(code.clone(), best);
    }
    for p in places.iter_mut() {
        if let Some(code) = p.admin1.as_deref().filter(|a| is_admin_code(a)) {
            p.admin1 = names.get(code).cloned().flatten();
        }
    }
}

fn is_admin_code(a: &str) -> bool {
    let b = a.as_bytes();
    b.len() > 3 && b[0].is_ascii_uppercase() && b[1].is_ascii_uppercase() && b[2] == b'.'
}

pub(crate) fn errors_to_result(errors: Vec<String>) -> Result<(), Error> {
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Error::Data { errors })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn curated_and_geonames_forms_load_and_errors_carry_lines() {
        let cur = "# test\nid\tname\tfeature\tcountry\tadmin1\tlat\tlon\tprecision\tnames_en\tnames_fr\tnames_ar\taliases\tdisputed\tsource\n\
cur:iq:x\tX Base\tairbase\tIQ\tAnbar\t33.8\t42.4\t1\tX Air Base\tbase de X\t\tXX|YY\t0\ttest\n\
cur:iq:y\tY\tvolcano\tIQ\t\t1\t2\t1\t\t\t\t\t0\ttest\n";
        let mut v = Vec::new();
        let mut e = Vec::new();
        parse_table(cur, "c.tsv", &mut v, &mut e);
        assert_eq!(v.len(), 1);
        assert_eq!(
            v[0].names,
            vec!["X Base", "X Air Base", "base de X", "XX", "YY"]
        );
        assert_eq!(e, vec!["c.tsv:4: unknown feature \"volcano\"".to_string()]);
        let gn = "geonameid\tname\tcountry\tadmin1\tlat\tlon\tpopulation\tnames\n1\tRamadi\tIQ\tIQ.01\t33.4\t43.3\t223500\tAr Ramadi|الرمادي\n";
        let mut v = Vec::new();
        parse_table(gn, "g.tsv", &mut v, &mut e);
        assert_eq!(v[0].id, "geonames:1");
        assert_eq!(v[0].feature, "town");
        assert_eq!(v[0].population, 223500);
        assert_eq!(v[0].names.len(), 3);
    }
}
