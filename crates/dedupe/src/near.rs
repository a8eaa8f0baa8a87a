//! Near-duplicate documents: shingles, MinHash, LSH, exact verification.
//!
//! A document is the set of its word 4-grams (lower-cased alphanumeric runs
//! of the normalized text). Two documents are compared by
//! - Jaccard: |A ∩ B| / |A ∪ B| (republished wire copy: close to 1), and
//! - the overlap ratio: |A ∩ B| / min(|A|, |B|), the share of the smaller
//!   document found in the larger (an outlet that copies most of an agency
//!   story and adds its own paragraphs: high overlap, modest Jaccard).
//!
//! MinHash (128 values, all used for estimates) with 32 bands of 2 rows
//! finds candidate pairs: a pair with Jaccard 0.2 shares a band with
//! probability 0.73, 0.3 with 0.95, 0.5 with 0.9999, and a pair with Jaccard
//! 0.03 with 0.03. Candidates are then verified on their exact shingle sets.
//! (64 bands would find Jaccard 0.2 with 0.93 but doubles the index work of
//! the store, which dominated ingest time.)

use std::collections::HashMap;

use xxhash_rust::xxh3::{xxh3_64, xxh3_64_with_seed};

/// Words per shingle.
pub const SHINGLE_WORDS: usize = 4;
/// MinHash values per signature.
pub const NUM_HASHES: usize = 128;
/// LSH bands and rows per band, taken from the first `BANDS * ROWS_PER_BAND`
/// signature values.
pub const BANDS: usize = 32;
pub const ROWS_PER_BAND: usize = 2;

/// Jaccard at or above which two documents are near duplicates.
pub const NEAR_DUPLICATE_JACCARD: f64 = 0.8;
/// Overlap ratio at or above which the smaller document is a partial
/// republication of the larger one.
pub const PARTIAL_OVERLAP: f64 = 0.5;

/// The set of shingle hashes of a normalized text, sorted and deduplicated.
///
/// A text with fewer than [`SHINGLE_WORDS`] words is one shingle of all its
/// words; a text without words has no shingles.
pub fn shingles(norm_text: &str) -> Vec<u64> {
    let words: Vec<u64> = norm_text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            if w.chars().any(char::is_uppercase) {
                xxh3_64(w.to_lowercase().as_bytes())
            } else {
                xxh3_64(w.as_bytes())
            }
        })
        .collect();
    let mut out: Vec<u64> = if words.is_empty() {
        Vec::new()
    } else if words.len() < SHINGLE_WORDS {
        vec![hash_words(&words)]
    } else {
        words.windows(SHINGLE_WORDS).map(hash_words).collect()
    };
    out.sort_unstable();
    out.dedup();
    out
}

fn hash_words(words: &[u64]) -> u64 {
    let mut buf = [0u8; 8 * SHINGLE_WORDS];
    for (chunk, w) in buf.chunks_exact_mut(8).zip(words) {
        chunk.copy_from_slice(&w.to_le_bytes());
    }
    xxh3_64(&buf[..8 * words.len().min(SHINGLE_WORDS)])
}

/// The exact comparison of two shingle sets.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Overlap {
    /// Shingles in both.
    pub shared: usize,
    pub a_len: usize,
    pub b_len: usize,
    /// |A ∩ B| / |A ∪ B|.
    pub jaccard: f64,
    /// |A ∩ B| / min(|A|, |B|).
    pub ratio: f64,
}

/// Compares two sorted, deduplicated shingle sets (as [`shingles`] returns).
pub fn overlap(a: &[u64], b: &[u64]) -> Overlap {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - shared;
    let smaller = a.len().min(b.len());
    Overlap {
        shared,
        a_len: a.len(),
        b_len: b.len(),
        jaccard: if union == 0 {
            0.0
        } else {
            shared as f64 / union as f64
        },
        ratio: if smaller == 0 {
            0.0
        } else {
            shared as f64 / smaller as f64
        },
    }
}

/// How two documents relate.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum LinkKind {
    /// The same normalized text (same content hash).
    Exact,
    /// Jaccard at or above [`NEAR_DUPLICATE_JACCARD`].
    NearDuplicate,
    /// Overlap ratio at or above [`PARTIAL_OVERLAP`]: the smaller document is
    /// mostly contained in the larger.
    Partial,
}

impl LinkKind {
    pub fn as_str(self) -> &'static str {
        match self {
            LinkKind::Exact => "exact",
            LinkKind::NearDuplicate => "near_duplicate",
            LinkKind::Partial => "partial",
        }
    }

    pub fn parse(s: &str) -> Option<LinkKind> {
        match s {
            "exact" => Some(LinkKind::Exact),
            "near_duplicate" => Some(LinkKind::NearDuplicate),
            "partial" => Some(LinkKind::Partial),
            _ => None,
        }
    }

    /// The link an exact overlap supports, if any (content hashes are
    /// compared separately: equal hashes are [`LinkKind::Exact`]).
    pub fn of(o: &Overlap) -> Option<LinkKind> {
        if o.shared == 0 {
            None
        } else if o.jaccard >= NEAR_DUPLICATE_JACCARD {
            Some(LinkKind::NearDuplicate)
        } else if o.ratio >= PARTIAL_OVERLAP {
            Some(LinkKind::Partial)
        } else {
            None
        }
    }
}

/// A MinHash signature: the minimum of each of [`NUM_HASHES`] hash functions
/// over a shingle set (low 32 bits kept).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature(pub Vec<u32>);

impl Signature {
    /// Estimated Jaccard: the share of equal positions.
    pub fn jaccard_estimate(&self, other: &Signature) -> f64 {
        let n = self.0.len().min(other.0.len());
        if n == 0 {
            return 0.0;
        }
        let same = self.0.iter().zip(&other.0).filter(|(a, b)| a == b).count();
        same as f64 / n as f64
    }

    /// One key per LSH band; two signatures that agree on a whole band share
    /// that band's key. Keys of different bands never collide by design (the
    /// band number is hashed in).
    pub fn band_keys(&self) -> Vec<u64> {
        self.0[..self.0.len().min(BANDS * ROWS_PER_BAND)]
            .chunks(ROWS_PER_BAND)
            .enumerate()
            .map(|(band, rows)| {
                let mut buf = [0u8; 4 * ROWS_PER_BAND];
                for (chunk, r) in buf.chunks_exact_mut(4).zip(rows) {
                    chunk.copy_from_slice(&r.to_le_bytes());
                }
                xxh3_64_with_seed(&buf[..4 * rows.len()], band as u64)
            })
            .collect()
    }

    /// Little-endian bytes, for storage.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.0.iter().flat_map(|v| v.to_le_bytes()).collect()
    }

    /// The inverse of [`Signature::to_bytes`]; `None` if the length is not a
    /// multiple of four.
    pub fn from_bytes(bytes: &[u8]) -> Option<Signature> {
        if !bytes.len().is_multiple_of(4) {
            return None;
        }
        Some(Signature(
            bytes
                .chunks_exact(4)
                .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                .collect(),
        ))
    }
}

/// Computes signatures. The hash functions are fixed (seeded constants), so
/// signatures are comparable across runs and machines.
#[derive(Debug, Clone)]
pub struct MinHasher {
    seeds: Vec<u64>,
}

impl Default for MinHasher {
    fn default() -> Self {
        Self::new()
    }
}

impl MinHasher {
    pub fn new() -> Self {
        let seeds = (0..NUM_HASHES as u64)
            .map(|i| splitmix64(0x9e37_79b9_7f4a_7c15 ^ i))
            .collect();
        MinHasher { seeds }
    }

    pub fn signature(&self, shingles: &[u64]) -> Signature {
        let mut mins = vec![u64::MAX; self.seeds.len()];
        for &s in shingles {
            for (m, &seed) in mins.iter_mut().zip(&self.seeds) {
                let h = splitmix64(s ^ seed);
                if h < *m {
                    *m = h;
                }
            }
        }
        // An empty set gets an all-max signature: it agrees with another empty
        // set only, and `overlap` then says there is nothing shared.
        Signature(mins.into_iter().map(|m| m as u32).collect())
    }
}

fn splitmix64(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// What the near-duplicate search needs to know about one document.
#[derive(Debug, Clone)]
pub struct Fingerprint {
    pub shingles: Vec<u64>,
    pub signature: Signature,
}

impl Fingerprint {
    pub fn of(hasher: &MinHasher, norm_text: &str) -> Fingerprint {
        let shingles = shingles(norm_text);
        let signature = hasher.signature(&shingles);
        Fingerprint {
            shingles,
            signature,
        }
    }
}

/// An in-memory LSH index (the store keeps the same band keys in a table).
#[derive(Debug, Default)]
pub struct LshIndex {
    buckets: HashMap<u64, Vec<u32>>,
}

impl LshIndex {
    pub fn new() -> Self {
        Self::default()
    }

    /// Documents that share at least one band with `sig`, ascending, each once.
    pub fn candidates(&self, sig: &Signature) -> Vec<u32> {
        let mut out: Vec<u32> = sig
            .band_keys()
            .iter()
            .filter_map(|k| self.buckets.get(k))
            .flatten()
            .copied()
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    pub fn insert(&mut self, doc: u32, sig: &Signature) {
        for k in sig.band_keys() {
            self.buckets.entry(k).or_default().push(doc);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator (no test depends on a crate for it).
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 = splitmix64(self.0);
            self.0
        }
        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
    }

    fn random_text(rng: &mut Rng, words: usize) -> Vec<String> {
        (0..words)
            .map(|_| format!("w{}", rng.below(5000)))
            .collect()
    }

    #[test]
    fn shingles_ignore_case_and_punctuation() {
        let a = shingles("Le convoi a été visé, mardi, près du pont.");
        let b = shingles("le convoi a été visé mardi près du pont");
        assert_eq!(a, b);
        assert_eq!(a.len(), 6);
        assert!(shingles("  ,;  ").is_empty());
        assert_eq!(shingles("deux mots").len(), 1);
    }

    #[test]
    fn overlap_of_contained_text() {
        let small =
            "une frappe de drone a visé un dépôt de carburant au nord de la ville hier soir";
        let large = format!(
            "{small} selon un responsable local qui a requis l'anonymat et décrit les dégâts"
        );
        let o = overlap(&shingles(small), &shingles(&large));
        assert_eq!(o.shared, o.a_len);
        assert!((o.ratio - 1.0).abs() < 1e-9);
        assert!(o.jaccard < 0.7, "{o:?}");
        assert_eq!(LinkKind::of(&o), Some(LinkKind::Partial));
        let same = overlap(&shingles(small), &shingles(small));
        assert_eq!(LinkKind::of(&same), Some(LinkKind::NearDuplicate));
        let none = overlap(
            &shingles(small),
            &shingles("rien à voir avec le texte précédent du tout"),
        );
        assert_eq!(LinkKind::of(&none), None);
    }

    #[test]
    fn signature_bytes_round_trip() {
        let sig = MinHasher::new().signature(&shingles("un deux trois quatre cinq six"));
        assert_eq!(Signature::from_bytes(&sig.to_bytes()), Some(sig));
        assert_eq!(Signature::from_bytes(&[1, 2, 3]), None);
    }

    /// The LSH index against brute force on a planted collection: random
    /// documents, near copies (a few words changed) and partial copies (most
    /// of a document plus new paragraphs). Every pair that brute force finds
    /// with Jaccard >= 0.5 must be a candidate, and at least 90% of those
    /// with Jaccard in 0.3..0.5 (theory: 95% or more); estimates stay close
    /// to the exact Jaccard; and candidates are a small share of all pairs.
    #[test]
    fn lsh_finds_what_brute_force_finds() {
        let mut rng = Rng(7);
        let mut docs: Vec<Vec<String>> = Vec::new();
        for i in 0..300 {
            let words = 60 + rng.below(200);
            if i >= 20 && i % 4 == 0 {
                // Near copy of an earlier doc: change a few words.
                let mut d = docs[rng.below(docs.len())].clone();
                for _ in 0..(d.len() / 40).max(1) {
                    let at = rng.below(d.len());
                    d[at] = format!("x{}", rng.below(5000));
                }
                docs.push(d);
            } else if i >= 20 && i % 4 == 1 {
                // Partial: most of an earlier doc plus new text of up to its size.
                let src = &docs[rng.below(docs.len())];
                let keep = src.len() * (70 + rng.below(30)) / 100;
                let mut d = src[..keep].to_vec();
                let extra = rng.below(src.len());
                d.extend(random_text(&mut rng, extra));
                docs.push(d);
            } else {
                docs.push(random_text(&mut rng, words));
            }
        }
        let hasher = MinHasher::new();
        let fps: Vec<Fingerprint> = docs
            .iter()
            .map(|d| Fingerprint::of(&hasher, &d.join(" ")))
            .collect();
        let mut index = LshIndex::new();
        let mut failures = Vec::new();
        let (mut candidate_pairs, mut linked) = (0usize, 0usize);
        let mut mid = (0usize, 0usize); // pairs with Jaccard 0.3..0.5: (all, found)
        for (i, fp) in fps.iter().enumerate() {
            let cands = index.candidates(&fp.signature);
            candidate_pairs += cands.len();
            for (j, other) in fps[..i].iter().enumerate() {
                let exact = overlap(&other.shingles, &fp.shingles);
                let est = other.signature.jaccard_estimate(&fp.signature);
                if (est - exact.jaccard).abs() > 0.15 {
                    failures.push(format!(
                        "{j}-{i}: estimate {est:.2} vs exact {:.2}",
                        exact.jaccard
                    ));
                }
                let found = cands.contains(&(j as u32));
                if exact.jaccard >= 0.5 {
                    linked += 1;
                    if !found {
                        failures.push(format!("{j}-{i}: J={:.2} not a candidate", exact.jaccard));
                    }
                } else if exact.jaccard >= 0.3 {
                    mid.0 += 1;
                    mid.1 += usize::from(found);
                }
            }
            index.insert(i as u32, &fp.signature);
        }
        let all_pairs = fps.len() * (fps.len() - 1) / 2;
        assert!(
            linked > 50,
            "the planted set should hold many linked pairs, got {linked}"
        );
        assert!(
            mid.0 >= 20,
            "the planted set should hold pairs of Jaccard 0.3..0.5, got {}",
            mid.0
        );
        assert!(
            mid.1 * 10 >= mid.0 * 9,
            "only {} of {} pairs of Jaccard 0.3..0.5 were candidates",
            mid.1,
            mid.0
        );
        assert!(
            candidate_pairs < all_pairs / 10,
            "{candidate_pairs} candidates of {all_pairs} pairs"
        );
        assert!(
            failures.is_empty(),
            "{} failures:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }
}
