//! vigie-extract
