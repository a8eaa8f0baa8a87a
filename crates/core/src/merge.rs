//! The field-merge rule: when two reports tell one incident, which value of
//! each field the event keeps. Two mentions in one article (vigie-extract's
//! records pass) and two articles in one cluster (vigie-dedupe) go through
//! these same functions, so an event reads the same whether its details
//! came from one article or from several.
//!
//! The rule: each field takes its most specific value (a place with
//! coordinates over one without, then the finer precision code; a date
//! told in the text over an inferred one, then the finer precision and the
//! shorter span; a named weapon over none, a sub-kind over its kind; a
//! coded type over the catch-all), and the fatalities take ACLED's lowest
//! credible figure among those stated (ACLED codebook: "the most
//! conservative estimate available").

/// The fatalities two reports of one incident give: the lowest stated
/// figure; a report that states none does not lower it.
pub fn fatalities(kept: Option<u32>, other: Option<u32>) -> Option<u32> {
    match (kept, other) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// How specific a place is: lower is more specific. `None` for no place;
/// otherwise whether it has coordinates and its precision code (1 a town
/// or site, 2 an area, 3 a region or country).
pub fn place_rank(place: Option<(bool, u8)>) -> (u8, u8) {
    match place {
        None => (2, u8::MAX),
        Some((false, precision)) => (1, precision),
        Some((true, precision)) => (0, precision),
    }
}

/// How specific a date is: lower is more specific. `None` for no date;
/// otherwise whether it was inferred (not told in the text), its
/// precision code (1 a day, 2 a week, 3 a month) and its span in days.
pub fn date_rank(date: Option<(bool, u8, i32)>) -> (u8, u8, i32) {
    match date {
        None => (2, u8::MAX, i32::MAX),
        Some((inferred, precision, days)) => (u8::from(inferred), precision, days),
    }
}

/// True when weapon `other` is more specific than weapon `kept`: a weapon
/// over none, a sub-kind over its kind ("ballistic_missile" over
/// "missile": the vocabulary names a sub-kind `<qualifier>_<kind>`).
pub fn sharper_weapon(kept: Option<&str>, other: Option<&str>) -> bool {
    match (kept, other) {
        (None, Some(_)) => true,
        (Some(k), Some(o)) => {
            o.len() > k.len() + 1 && o.ends_with(k) && o[..o.len() - k.len()].ends_with('_')
        }
        _ => false,
    }
}

/// True when a report's type replaces the kept one: the kept one is the
/// catch-all (or unknown) and the other is not.
pub fn sharper_type(kept_unspecified: bool, other_unspecified: bool) -> bool {
    kept_unspecified && !other_unspecified
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fatalities_keep_the_lowest_stated_figure() {
        assert_eq!(fatalities(Some(7), Some(4)), Some(4));
        assert_eq!(fatalities(Some(0), Some(3)), Some(0));
        assert_eq!(fatalities(None, Some(3)), Some(3));
        assert_eq!(fatalities(Some(3), None), Some(3));
        assert_eq!(fatalities(None, None), None);
    }

    #[test]
    fn places_with_coordinates_and_finer_codes_rank_first() {
        assert!(place_rank(Some((true, 1))) < place_rank(Some((true, 2))));
        assert!(place_rank(Some((true, 3))) < place_rank(Some((false, 1))));
        assert!(place_rank(Some((false, 3))) < place_rank(None));
    }

    #[test]
    fn told_dates_beat_inferred_ones_then_precision_then_span() {
        assert!(date_rank(Some((false, 3, 30))) < date_rank(Some((true, 1, 0))));
        assert!(date_rank(Some((false, 1, 0))) < date_rank(Some((false, 2, 6))));
        assert!(date_rank(Some((false, 1, 0))) < date_rank(Some((false, 1, 1))));
        assert!(date_rank(Some((true, 3, 30))) < date_rank(None));
    }

    #[test]
    fn a_sub_kind_of_weapon_is_sharper_than_its_kind() {
        assert!(sharper_weapon(None, Some("drone")));
        assert!(sharper_weapon(Some("missile"), Some("ballistic_missile")));
        assert!(!sharper_weapon(Some("ballistic_missile"), Some("missile")));
        assert!(!sharper_weapon(Some("drone"), Some("missile")));
        assert!(!sharper_weapon(Some("drone"), None));
        assert!(!sharper_weapon(Some("missile"), Some("missile")));
    }
}
