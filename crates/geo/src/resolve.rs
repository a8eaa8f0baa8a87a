//! Geometry helpers for resolution.

/// Great-circle distance in km.
pub fn km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * a.sqrt().min(1.0).asin()
}

/// The point `dist_km` from (lat, lon) on `bearing_deg`.
pub fn offset(lat: f64, lon: f64, bearing_deg: f64, dist_km: f64) -> (f64, f64) {
    let d = dist_km / 6371.0;
    let b = bearing_deg.to_radians();
    let (p1, l1) = (lat.to_radians(), lon.to_radians());
    let p2 = (p1.sin() * d.cos() + p1.cos() * d.sin() * b.cos()).asin();
    let l2 = l1 + (b.sin() * d.sin() * p1.cos()).atan2(d.cos() - p1.sin() * p2.sin());
    let round = |x: f64| (x * 10_000.0).round() / 10_000.0;
    (
        round(p2.to_degrees()),
        round((l2.to_degrees() + 540.0) % 360.0 - 180.0),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thirty_km_north_moves_about_a_quarter_degree() {
        let (lat, lon) = offset(33.3, 44.4, 0.0, 30.0);
        assert!(
            (lat - 33.57).abs() < 0.01 && (lon - 44.4).abs() < 1e-6,
            "{lat} {lon}"
        );
        assert!((km(33.3, 44.4, lat, lon) - 30.0).abs() < 0.1);
    }
}
