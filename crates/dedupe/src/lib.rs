//! vigie-dedupe
