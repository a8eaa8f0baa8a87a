//! vigie-text
