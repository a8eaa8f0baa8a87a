//! vigie-dedupe: one real-world event, many documents.
//!
//! Two independent jobs, both pure (no IO, no storage):
//!
//! - [`near`]: near-duplicate documents. Word 4-gram shingles of the
//!   normalized text, a 128-value MinHash signature and 64 LSH bands of two
//!   rows. Candidates that share a band are verified exactly on their shingle
//!   sets, and the verified [`Overlap`] (Jaccard and the overlap ratio of the
//!   smaller document) is what a link records.
//! - [`cluster`]: events that several documents report. A [`MatchKey`] holds
//!   what decides whether two reports are the same event (type family,
//!   dates, place, perpetrator); [`absorb`] folds one more report into a
//!   clustered event.
//! - [`linkage`]: clusters that are a function of the set of reports, not of
//!   their order: [`complete_linkage`] cuts a neighbourhood into clusters
//!   whose members all match pairwise, [`fold`] computes a cluster's fields
//!   from its members.
//!
//! Invariants: never panics on any text or event; clusters depend only on
//! the set of reports; near-duplicate links depend on the order in which
//! documents are added (deterministic).

#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

pub mod cluster;
pub mod linkage;
pub mod near;

pub use cluster::{
    MatchKey, PlaceKey, absorb, haversine_km, interval, match_distance, start_cluster,
};
pub use linkage::{Neighbours, complete_linkage, fold, placing_rank};
pub use near::{
    BANDS, Fingerprint, LinkKind, LshIndex, MinHasher, NUM_HASHES, Overlap, ROWS_PER_BAND,
    SHINGLE_WORDS, Signature, overlap, shingles,
};
