//! Stable hashing: FNV-1a 64 for strings and file bytes (model headers), and a
//! 64-bit mixer that combines feature template ids and values.
//!
//! Contract: every function here is a pure function of its input bytes, the
//! same on every platform and every run (no `RandomState`), so model files
//! and features are reproducible.

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// Streaming FNV-1a 64.
#[derive(Clone, Copy, Debug)]
pub struct Fnv64(u64);

impl Default for Fnv64 {
    fn default() -> Self {
        Fnv64(FNV_OFFSET)
    }
}

impl Fnv64 {
    /// Feeds bytes. Eight bytes per step for speed (still a pure function
    /// of the byte sequence and its chunking into the same calls).
    pub fn write(&mut self, bytes: &[u8]) {
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut a = [0u8; 8];
            a.copy_from_slice(c);
            h ^= u64::from_le_bytes(a);
            h = h.wrapping_mul(FNV_PRIME);
            h ^= h >> 29;
        }
        for &b in chunks.remainder() {
            h ^= u64::from(b);
            h = h.wrapping_mul(FNV_PRIME);
        }
        self.0 = h;
    }

    /// Feeds a length-prefixed string (so `"ab","c"` differs from `"a","bc"`).
    pub fn write_str(&mut self, s: &str) {
        self.write(&(s.len() as u64).to_le_bytes());
        self.write(s.as_bytes());
    }

    pub fn finish(self) -> u64 {
        self.0
    }
}

/// FNV-1a 64 of a string, byte by byte (used for words in features).
#[inline]
pub fn str_hash(s: &str) -> u64 {
    let mut h = FNV_OFFSET;
    for &b in s.as_bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

/// A strong 64-bit finalizer (murmur3's fmix64).
#[inline]
pub fn mix(mut x: u64) -> u64 {
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    x ^= x >> 33;
    x
}

/// Feature hash of a template id and one value.
#[inline]
pub fn f1(t: u64, a: u64) -> u64 {
    mix(t.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ a)
}

/// Feature hash of a template id and two values (one mix: the values are
/// spread by odd multipliers and rotations before the finalizer).
#[inline]
pub fn f2(t: u64, a: u64, b: u64) -> u64 {
    mix(t.wrapping_mul(0x9e37_79b9_7f4a_7c15)
        ^ a
        ^ b.wrapping_mul(0x2545_f491_4f6c_dd1d).rotate_left(29))
}

/// Feature hash of a template id and three values (one mix).
#[inline]
pub fn f3(t: u64, a: u64, b: u64, c: u64) -> u64 {
    mix(t.wrapping_mul(0x9e37_79b9_7f4a_7c15)
        ^ a
        ^ b.wrapping_mul(0x2545_f491_4f6c_dd1d).rotate_left(29)
        ^ c.wrapping_mul(0x9e6c_63d0_676a_9a99).rotate_left(47))
}

/// A small deterministic PRNG (splitmix64) for shuffling and exploration.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        mix(self.0)
    }

    /// Uniform in `0..n` (n > 0; slight modulo bias is irrelevant here).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    /// Fisher-Yates shuffle.
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = self.below(i + 1);
            v.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv_is_stable() {
        assert_eq!(str_hash(""), FNV_OFFSET);
        assert_eq!(str_hash("a"), 0xaf63_dc4c_8601_ec8c);
        let mut h = Fnv64::default();
        h.write(b"abc");
        assert_eq!(h.finish(), str_hash("abc"));
    }

    #[test]
    fn rng_is_deterministic() {
        let mut a = Rng::new(7);
        let mut b = Rng::new(7);
        assert_eq!(a.next_u64(), b.next_u64());
        let mut v: Vec<u32> = (0..10).collect();
        a.shuffle(&mut v);
        let mut s = v.clone();
        s.sort_unstable();
        assert_eq!(s, (0..10).collect::<Vec<_>>());
    }
}
