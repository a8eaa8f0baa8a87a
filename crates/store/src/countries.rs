//! ISO 3166-1 codes, names and ACLED regions (data/countries.tsv, generated).

use std::collections::HashMap;
use std::sync::OnceLock;

const TABLE: &str = include_str!("../data/countries.tsv");

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Country {
    pub iso2: &'static str,
    pub iso3: &'static str,
    /// ISO 3166-1 numeric (ACLED's `iso` column).
    pub numeric: u16,
    pub name: &'static str,
    /// ACLED's region (e.g. "Middle East").
    pub region: &'static str,
}

fn table() -> &'static HashMap<&'static str, Country> {
    static T: OnceLock<HashMap<&'static str, Country>> = OnceLock::new();
    T.get_or_init(|| {
        TABLE
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| {
                let mut f = l.split('\t');
                let c = Country {
                    iso2: f.next()?,
                    iso3: f.next()?,
                    numeric: f.next()?.parse().ok()?,
                    name: f.next()?,
                    region: f.next().unwrap_or(""),
                };
                Some((c.iso2, c))
            })
            .collect()
    })
}

/// The country with this ISO 3166-1 alpha-2 code (any case).
pub fn by_iso2(code: &str) -> Option<&'static Country> {
    let t = table();
    t.get(code)
        .or_else(|| t.get(code.to_ascii_uppercase().as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_countries() {
        let iq = by_iso2("iq").unwrap();
        assert_eq!(
            (iq.iso3, iq.numeric, iq.name, iq.region),
            ("IRQ", 368, "Iraq", "Middle East")
        );
        assert_eq!(by_iso2("IR").unwrap().region, "Middle East");
        assert_eq!(by_iso2("FR").unwrap().region, "Europe");
        assert!(by_iso2("ZZ").is_none());
        assert!(table().len() > 240);
    }
}
