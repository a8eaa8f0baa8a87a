//! vigie-eval
