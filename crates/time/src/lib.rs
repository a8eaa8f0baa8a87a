//! vigie-time
