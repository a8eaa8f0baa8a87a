//! vigie-geo
