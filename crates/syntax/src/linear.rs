//! Linear multi-class scorers over hashed features: the averaged perceptron
//! used while training ([`Trainer`]) and the compact quantized table used at
//! run time ([`Weights`]).
//!
//! Contract: a feature is a 64-bit hash; a class score is the sum over the
//! features of that feature's weight for the class. [`Weights`] has two
//! layouts. Hash kernels (what the models use): the feature's low bits pick
//! a row of a dense table, no index and no fingerprint, colliding features
//! share their row (in training too: [`Trainer::hashed`]), so a lookup is
//! one load at a computed address. Indexed tables: for each kept feature,
//! one row of quantized weights behind a 32-bit fingerprint in an
//! open-addressing table with linear probing (unknown features weigh
//! nothing). Training never depends on hash-map iteration order: rows are
//! numbered in first-update order, and run-time tables are built from rows
//! sorted by feature hash.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::ModelError;
use crate::io::{Reader, Writer};

/// Identity hasher: feature keys are already well-mixed 64-bit hashes.
#[derive(Default)]
pub struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
}

type IdMap = HashMap<u64, u32, BuildHasherDefault<IdHasher>>;

/// Run-time weights: a hash kernel (`dense`) or an open-addressing index of
/// feature fingerprints over quantized rows. Both arrays are little-endian bytes, borrowed from
/// a `'static` model file (no copy at load) or owned, and decoded on access.
#[derive(Clone, Debug)]
pub struct Weights {
    ncls: usize,
    mask: usize,
    /// Per slot, a little-endian `u64`: fingerprint (high 32 bits) and row
    /// number + 1 (low 32 bits; 0 = empty slot). Small tables (at most 3
    /// classes, `inline`) keep their weights in the slot itself: 16-bit
    /// fingerprint, three `i16` weights; one memory access per lookup.
    index: Cow<'static, [u8]>,
    /// 16-bit tables: `rows * ncls` little-endian `i16` weights (global
    /// scale). 8-bit tables: per row its `f32` scale (4 bytes) then its
    /// `ncls` `i8` weights, so a lookup touches one place. A hash kernel
    /// with more than 3 classes has `mask + 1` rows and no index.
    rows: Cow<'static, [u8]>,
    bits: u32,
    inline: bool,
    /// Hash kernel (no index, no fingerprints): feature `h` uses row (or
    /// bucket) `h & mask`. With at most 3 classes, `index` is `mask + 1`
    /// little-endian `u32` buckets, each the weights of classes 1 and 2
    /// minus class 0's (two `i16`, global scale; class 0 scores 0, which
    /// leaves every argmax unchanged): 4 bytes per bucket.
    dense: bool,
    /// Multiply a 16-bit (or inline) weight by this to get the trained one.
    scale: f32,
}

/// Most classes of a 16-bit table scored with integer accumulators.
const WIDE: usize = 128;
/// Features looked up together (their memory loads overlap).
const CHUNK: usize = 128;

#[inline]
fn fingerprint(h: u64) -> u64 {
    h >> 32
}

#[inline]
fn fp16(h: u64) -> u64 {
    (h >> 48) | 1
}

/// Slot `i` of an index (0 when out of range).
#[inline]
fn slot(index: &[u8], i: usize) -> u64 {
    index
        .get(i * 8..)
        .and_then(<[u8]>::first_chunk::<8>)
        .map_or(0, |b| u64::from_le_bytes(*b))
}

fn le_u64s(v: &[u64]) -> Vec<u8> {
    v.iter().flat_map(|x| x.to_le_bytes()).collect()
}

impl Weights {
    /// Number of classes.
    pub fn classes(&self) -> usize {
        self.ncls
    }

    /// Number of stored feature rows.
    pub fn rows(&self) -> usize {
        if self.dense {
            self.mask + 1
        } else if self.inline {
            (0..=self.mask)
                .filter(|&i| slot(&self.index, i) != 0)
                .count()
        } else if self.bits == 8 {
            self.rows.len() / (self.ncls + 4)
        } else {
            self.rows.len() / (2 * self.ncls)
        }
    }

    /// Size of the index and rows in bytes.
    pub fn bytes(&self) -> usize {
        self.index.len() + self.rows.len() + 4
    }

    /// True when the tables are borrowed from the model bytes.
    pub fn is_borrowed(&self) -> bool {
        matches!(self.index, Cow::Borrowed(_))
    }

    /// Sets `out` (one per class) to the summed weights of `feats`.
    ///
    /// Works in chunks of features, in three loops (index slots, then row
    /// numbers, then rows) so that the memory loads of a chunk are
    /// independent and overlap: lookups are bound by memory latency.
    #[inline]
    pub fn scores(&self, feats: &[u64], out: &mut [f32]) {
        out.iter_mut().for_each(|x| *x = 0.0);
        let index: &[u8] = &self.index;
        if self.dense {
            if self.rows.is_empty() {
                self.add_dense(index, feats, out);
            } else {
                self.add_dense_rows(feats, out);
            }
            return;
        }
        let mut ents = [0u64; CHUNK];
        if self.inline {
            for chunk in feats.chunks(CHUNK) {
                self.load_slots(index, chunk, &mut ents);
                self.add_inline(index, &ents[..chunk.len()], chunk, out);
            }
            return;
        }
        let rows: &[u8] = &self.rows;
        let mut rn = [u32::MAX; CHUNK];
        if self.bits == 16 && self.ncls <= WIDE {
            let mut wide = [0i32; WIDE];
            for chunk in feats.chunks(CHUNK) {
                self.row_numbers(index, chunk, &mut ents, &mut rn);
                for &r in &rn[..chunk.len()] {
                    self.add_row16(rows, r, &mut wide);
                }
            }
            for (o, &a) in out.iter_mut().zip(&wide) {
                *o = self.scale * a as f32;
            }
            return;
        }
        for chunk in feats.chunks(CHUNK) {
            self.row_numbers(index, chunk, &mut ents, &mut rn);
            for &r in &rn[..chunk.len()] {
                self.add_row(rows, r, out);
            }
        }
    }

    /// Like [`Weights::scores`], but only the columns in `ranges` (start,
    /// length) are computed; the others are left as they are. Only hash
    /// kernels with 8-bit rows take the short path (the feature tagger's:
    /// a word needs the columns of a few keys out of all).
    #[inline]
    pub fn scores_cols(&self, feats: &[u64], ranges: &[(usize, usize)], out: &mut [f32]) {
        if !(self.dense && self.bits == 8 && !self.rows.is_empty()) {
            self.scores(feats, out);
            return;
        }
        for &(o, m) in ranges {
            if let Some(x) = out.get_mut(o..o + m) {
                x.iter_mut().for_each(|v| *v = 0.0);
            }
        }
        let rows: &[u8] = &self.rows;
        let stride = self.ncls + 4;
        let at = |f: u64| (f as usize & self.mask) * stride;
        let mut touch = 0u8;
        for &f in feats {
            touch ^= rows.get(at(f)).copied().unwrap_or(0);
            touch ^= rows.get(at(f) + stride - 1).copied().unwrap_or(0);
        }
        std::hint::black_box(touch);
        for &f in feats {
            let Some((scale, w)) = rows
                .get(at(f)..at(f) + stride)
                .and_then(|r| r.split_first_chunk::<4>())
            else {
                continue;
            };
            let scale = f32::from_le_bytes(*scale);
            for &(o, m) in ranges {
                let (Some(x), Some(q)) = (out.get_mut(o..o + m), w.get(o..o + m)) else {
                    continue;
                };
                for (a, &q) in x.iter_mut().zip(q) {
                    *a += scale * f32::from(q as i8);
                }
            }
        }
    }

    /// Sums the rows of a hash kernel: row `h & mask` for feature `h`
    /// (the loads do not depend on each other and overlap).
    #[inline]
    fn add_dense_rows(&self, feats: &[u64], out: &mut [f32]) {
        let rows: &[u8] = &self.rows;
        let row = |f: u64| (f as usize & self.mask) as u32;
        // First pass: touch the first and last byte of every row (loads
        // that do not depend on each other, so their cache misses overlap;
        // the summing pass then finds the rows in L1).
        let stride = if self.bits == 8 {
            self.ncls + 4
        } else {
            2 * self.ncls
        };
        let mut touch = 0u8;
        for &f in feats {
            let at = row(f) as usize * stride;
            touch ^= rows.get(at).copied().unwrap_or(0);
            touch ^= rows.get(at + stride - 1).copied().unwrap_or(0);
        }
        std::hint::black_box(touch);
        if self.bits == 16 && self.ncls <= WIDE {
            let mut wide = [0i32; WIDE];
            for &f in feats {
                self.add_row16(rows, row(f), &mut wide);
            }
            for (o, &a) in out.iter_mut().zip(&wide) {
                *o = self.scale * a as f32;
            }
        } else if self.bits == 8 && self.ncls <= WIDE {
            let n = self.ncls;
            let mut acc = [0f32; WIDE];
            for &f in feats {
                let at = row(f) as usize * stride;
                let Some((scale, w)) = rows
                    .get(at..at + stride)
                    .and_then(|r| r.split_first_chunk::<4>())
                else {
                    continue;
                };
                let scale = f32::from_le_bytes(*scale);
                for (a, &q) in acc[..n].iter_mut().zip(w) {
                    *a += scale * f32::from(q as i8);
                }
            }
            out.copy_from_slice(&acc[..n.min(out.len())]);
        } else {
            for &f in feats {
                self.add_row(rows, row(f), out);
            }
        }
    }

    /// The row of each feature of a chunk (u32::MAX when absent).
    #[inline]
    fn row_numbers(
        &self,
        index: &[u8],
        chunk: &[u64],
        ents: &mut [u64; CHUNK],
        rn: &mut [u32; CHUNK],
    ) {
        self.load_slots(index, chunk, ents);
        self.resolve(index, chunk, ents, rn);
    }

    /// First pass: the home slot of each feature (independent loads).
    #[inline]
    fn load_slots(&self, index: &[u8], chunk: &[u64], ents: &mut [u64; CHUNK]) {
        for (e, &f) in ents.iter_mut().zip(chunk) {
            *e = slot(index, (f as usize) & self.mask);
        }
    }

    /// Second pass: row numbers (u32::MAX when absent), probing on a miss.
    #[inline]
    fn resolve(&self, index: &[u8], chunk: &[u64], ents: &[u64; CHUNK], rows: &mut [u32; CHUNK]) {
        for ((r, &e), &f) in rows.iter_mut().zip(ents).zip(chunk) {
            *r = if e == 0 {
                u32::MAX
            } else if e >> 32 == fingerprint(f) {
                ((e & 0xffff_ffff) as u32).wrapping_sub(1)
            } else {
                self.probe(index, f)
            };
        }
    }

    /// Adds a 16-bit row (global scale) to integer accumulators.
    #[inline]
    fn add_row16(&self, rows: &[u8], r: u32, acc: &mut [i32; WIDE]) {
        if r == u32::MAX {
            return;
        }
        let (r, n) = (r as usize, 2 * self.ncls);
        if let Some(w) = rows.get(r * n..(r + 1) * n) {
            for (a, c) in acc.iter_mut().zip(w.chunks_exact(2)) {
                *a += i32::from(i16::from_le_bytes([c[0], c[1]]));
            }
        }
    }

    /// Sums the buckets of a hash kernel (independent loads, no branch).
    #[inline]
    fn add_dense(&self, index: &[u8], feats: &[u64], out: &mut [f32]) {
        let (mut a1, mut a2) = (0i32, 0i32);
        for &f in feats {
            let i = (f as usize) & self.mask;
            if let Some(b) = index.get(i * 4..).and_then(<[u8]>::first_chunk::<4>) {
                a1 += i32::from(i16::from_le_bytes([b[0], b[1]]));
                a2 += i32::from(i16::from_le_bytes([b[2], b[3]]));
            }
        }
        for (o, a) in out.iter_mut().zip([0, a1, a2]) {
            *o = self.scale * a as f32;
        }
    }

    fn add_inline(&self, index: &[u8], ents: &[u64], feats: &[u64], out: &mut [f32]) {
        let mut acc = [0i32; 3];
        for (&e, &f) in ents.iter().zip(feats) {
            let e = if e >> 48 == fp16(f) {
                e
            } else if e == 0 {
                continue;
            } else {
                self.probe_inline(index, f)
            };
            for (k, a) in acc.iter_mut().enumerate() {
                *a += i32::from((e >> (16 * k)) as u16 as i16);
            }
        }
        for (o, a) in out.iter_mut().zip(acc) {
            *o += self.scale * a as f32;
        }
    }

    fn probe_inline(&self, index: &[u8], h: u64) -> u64 {
        let key = fp16(h);
        let mut i = (h as usize) & self.mask;
        for _ in 0..=self.mask {
            let e = slot(index, i);
            if e == 0 || e >> 48 == key {
                return e;
            }
            i = (i + 1) & self.mask;
        }
        0
    }

    /// Row number of feature `h` (u32::MAX when absent), by linear probing.
    fn probe(&self, index: &[u8], h: u64) -> u32 {
        let key = fingerprint(h);
        let mut i = (h as usize) & self.mask;
        for _ in 0..=self.mask {
            let e = slot(index, i);
            if e == 0 {
                return u32::MAX;
            }
            if e >> 32 == key {
                return ((e & 0xffff_ffff) as u32).wrapping_sub(1);
            }
            i = (i + 1) & self.mask;
        }
        u32::MAX
    }

    #[inline]
    fn add_row(&self, rows: &[u8], r: u32, out: &mut [f32]) {
        if r == u32::MAX {
            return;
        }
        let r = r as usize;
        if self.bits == 8 {
            let stride = self.ncls + 4;
            let Some(row) = rows.get(r * stride..(r + 1) * stride) else {
                return;
            };
            let scale = f32::from_le_bytes([row[0], row[1], row[2], row[3]]);
            for (o, &w) in out.iter_mut().zip(&row[4..]) {
                *o += scale * f32::from(w as i8);
            }
            return;
        }
        let n = 2 * self.ncls;
        let Some(w) = rows.get(r * n..(r + 1) * n) else {
            return;
        };
        for (o, c) in out.iter_mut().zip(w.chunks_exact(2)) {
            *o += self.scale * f32::from(i16::from_le_bytes([c[0], c[1]]));
        }
    }

    pub(crate) fn write(&self, w: &mut Writer) {
        w.u32(self.ncls as u32);
        w.u32(self.bits);
        w.u8(u8::from(self.inline) | (u8::from(self.dense) << 1));
        w.array(if self.dense { 4 } else { 8 }, &self.index);
        w.bytes(&self.rows);
        w.f32s(&[self.scale]);
    }

    /// Reads a table; its arrays are borrowed when `r` reads `'static`
    /// bytes. Row numbers in the index are not scanned at load (that would
    /// touch every page): a row number out of range weighs nothing.
    pub(crate) fn read(r: &mut Reader) -> Result<Weights, ModelError> {
        let ncls = r.u32()? as usize;
        let bits = r.u32()?;
        let kind = r.u8()?;
        let (inline, dense) = (kind & 1 != 0, kind & 2 != 0);
        let index = r.cow_array(if dense { 4 } else { 8 })?;
        let rows = r.cow_array(1)?;
        let scale = r.f32s()?;
        let stride = if bits == 8 { ncls + 4 } else { 2 * ncls };
        let nrows = rows.len() / stride.max(1);
        let slots = if dense && ncls > 3 {
            nrows
        } else {
            index.len() / if dense { 4 } else { 8 }
        };
        let ok = ncls > 0
            && (bits == 8 || bits == 16)
            && scale.len() == 1
            && scale[0].is_finite()
            && slots.is_power_of_two()
            && kind < 3
            && if dense && ncls > 3 {
                index.is_empty() && !inline && rows.len() == nrows * stride
            } else if dense {
                ncls <= 3 && bits == 16 && rows.is_empty() && !inline
            } else if inline {
                ncls <= 3 && bits == 16 && rows.is_empty()
            } else {
                rows.len() == nrows * stride && nrows < slots
            };
        if !ok {
            return Err(ModelError::Corrupt("weight table shape"));
        }
        Ok(Weights {
            ncls,
            mask: slots - 1,
            index,
            rows,
            bits,
            inline,
            dense,
            scale: scale[0],
        })
    }
}

/// Averaged perceptron under training (Daumé's trick: the average is
/// `w - acc / step`, so no per-weight timestamps are needed).
pub struct Trainer {
    ncls: usize,
    index: IdMap,
    keys: Vec<u64>,
    w: Vec<f32>,
    acc: Vec<f64>,
    step: f64,
    /// Hash kernel: features are reduced to `f & mask` buckets (0 = off).
    kernel: u64,
}

impl Trainer {
    /// A trainer whose features share `2^log2` buckets (hash kernel, see
    /// [`Weights`]): [`Trainer::average_dense`] gives the run-time table.
    pub fn hashed(ncls: usize, log2: u32) -> Self {
        Trainer {
            kernel: (1u64 << log2) - 1,
            ..Trainer::new(ncls)
        }
    }

    #[inline]
    fn key(&self, f: u64) -> u64 {
        if self.kernel != 0 { f & self.kernel } else { f }
    }

    pub fn new(ncls: usize) -> Self {
        Trainer {
            kernel: 0,
            ncls,
            index: IdMap::default(),
            keys: Vec::new(),
            w: Vec::new(),
            acc: Vec::new(),
            step: 1.0,
        }
    }

    pub fn classes(&self) -> usize {
        self.ncls
    }

    /// Current (not averaged) scores.
    pub fn scores(&self, feats: &[u64], out: &mut [f32]) {
        out.iter_mut().for_each(|x| *x = 0.0);
        for &f in feats {
            if let Some(&r) = self.index.get(&self.key(f)) {
                let r = r as usize * self.ncls;
                for (o, w) in out.iter_mut().zip(&self.w[r..r + self.ncls]) {
                    *o += *w;
                }
            }
        }
    }

    fn row(&mut self, f: u64) -> usize {
        let f = self.key(f);
        let next = self.keys.len() as u32;
        let r = *self.index.entry(f).or_insert(next);
        if r == next {
            self.keys.push(f);
            self.w.resize(self.w.len() + self.ncls, 0.0);
            self.acc.resize(self.acc.len() + self.ncls, 0.0);
        }
        r as usize * self.ncls
    }

    /// Adds `delta` to class `cls` for every feature.
    pub fn update(&mut self, feats: &[u64], cls: usize, delta: f32) {
        for &f in feats {
            let r = self.row(f) + cls;
            self.w[r] += delta;
            self.acc[r] += self.step * f64::from(delta);
        }
    }

    /// Promotes `good` and demotes `bad` (no-op when equal).
    pub fn learn(&mut self, feats: &[u64], good: usize, bad: usize) {
        if good != bad {
            self.update(feats, good, 1.0);
            self.update(feats, bad, -1.0);
        }
    }

    /// Counts one training instance (for averaging).
    pub fn tick(&mut self) {
        self.step += 1.0;
    }

    /// Number of feature rows so far.
    pub fn rows(&self) -> usize {
        self.keys.len()
    }

    /// The averaged hash kernel (see [`Weights`]; a trainer made by
    /// [`Trainer::hashed`] with at most 3 classes): every bucket stored,
    /// the weights of classes 1 and 2 minus class 0's, 16 bits, one scale.
    pub fn average_dense(&self) -> Weights {
        let n = self.ncls;
        let buckets = (self.kernel + 1) as usize;
        let mut diff = vec![[0f32; 2]; buckets];
        for (r, &key) in self.keys.iter().enumerate() {
            let avg = |c: usize| {
                if c < n {
                    let k = r * n + c;
                    f64::from(self.w[k]) - self.acc[k] / self.step
                } else {
                    0.0
                }
            };
            let a0 = avg(0);
            diff[key as usize % buckets] = [(avg(1) - a0) as f32, (avg(2) - a0) as f32];
        }
        let max = diff.iter().flatten().fold(0f32, |m, &x| m.max(x.abs()));
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        let q = |x: f32| (x / scale).round().clamp(-32767.0, 32767.0) as i16;
        let index: Vec<u8> = diff
            .iter()
            .flat_map(|d| {
                let (a, b) = (q(d[0]).to_le_bytes(), q(d[1]).to_le_bytes());
                [a[0], a[1], b[0], b[1]]
            })
            .collect();
        Weights {
            ncls: n,
            mask: buckets - 1,
            index: Cow::Owned(index),
            rows: Cow::Owned(Vec::new()),
            bits: 16,
            inline: false,
            dense: true,
            scale,
        }
    }

    /// Averaged, quantized, pruned run-time weights: all-zero rows are
    /// dropped, then at most `max_rows` rows are kept (largest L1 norm first,
    /// ties by feature hash); rows are quantized to 8 bits with one scale per
    /// row, or to 16 bits with one scale for the table (scored with integer
    /// sums, which is faster for wide rows).
    pub fn average(&self, max_rows: usize, bits: u32) -> Weights {
        let qmax = if bits == 8 { 127.0 } else { 32767.0 };
        let n = self.ncls;
        let avg: Vec<f32> = self
            .w
            .iter()
            .zip(&self.acc)
            .map(|(&w, &a)| (f64::from(w) - a / self.step) as f32)
            .collect();
        let mut kept: Vec<(f32, u64, usize)> = (0..self.keys.len())
            .filter_map(|r| {
                let norm: f32 = avg[r * n..(r + 1) * n].iter().map(|x| x.abs()).sum();
                (norm > 0.0).then_some((norm, self.keys[r], r))
            })
            .collect();
        kept.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let dense = self.kernel != 0 && n > 3;
        if !dense {
            kept.truncate(max_rows);
        }
        kept.sort_by_key(|k| k.1);
        if n <= 3 {
            return inline_table(&kept, &avg, n);
        }
        // Index at most 35 % full: short probe sequences (tagging about 15 %
        // faster than at 70 %); the index is small next to the rows.
        let slots = if dense {
            0
        } else {
            ((kept.len() * 20 / 7) + 1).next_power_of_two().max(2)
        };
        let mask = if dense {
            self.kernel as usize
        } else {
            slots - 1
        };
        let mut index = vec![0u64; slots];
        let stride = if bits == 8 { n + 4 } else { 2 * n };
        let mut rows: Vec<u8> = Vec::with_capacity(kept.len() * stride);
        if dense {
            rows.resize((mask + 1) * stride, 0);
        }
        let gmax = kept
            .iter()
            .flat_map(|k| &avg[k.2 * n..(k.2 + 1) * n])
            .fold(0f32, |m, &x| m.max(x.abs()));
        let global = if gmax > 0.0 { gmax / 32767.0 } else { 1.0 };
        for (j, &(_, key, r)) in kept.iter().enumerate() {
            if !dense {
                let mut i = (key as usize) & mask;
                while index[i] != 0 {
                    i = (i + 1) & mask;
                }
                index[i] = (fingerprint(key) << 32) | (j as u64 + 1);
            }
            let row = &avg[r * n..(r + 1) * n];
            let max = row.iter().fold(0f32, |m, &x| m.max(x.abs()));
            let scale = if bits == 8 && max > 0.0 {
                max / qmax
            } else {
                global
            };
            let q = row
                .iter()
                .map(|&x| (x / scale).round().clamp(-qmax, qmax) as i16);
            let mut bytes: Vec<u8> = Vec::with_capacity(stride);
            if bits == 8 {
                bytes.extend(scale.to_le_bytes());
                bytes.extend(q.map(|x| x as i8 as u8));
            } else {
                bytes.extend(q.flat_map(i16::to_le_bytes));
            }
            if dense {
                let at = (key as usize & mask) * stride;
                rows[at..at + stride].copy_from_slice(&bytes);
            } else {
                rows.extend(bytes);
            }
        }
        Weights {
            ncls: n,
            mask,
            index: Cow::Owned(le_u64s(&index)),
            rows: Cow::Owned(rows),
            bits: if bits == 8 { 8 } else { 16 },
            inline: false,
            dense,
            scale: if bits == 8 { 1.0 } else { global },
        }
    }
}

/// Builds an inline table (see [`Weights`]) from kept rows sorted by key.
fn inline_table(kept: &[(f32, u64, usize)], avg: &[f32], n: usize) -> Weights {
    let max = kept
        .iter()
        .flat_map(|k| &avg[k.2 * n..(k.2 + 1) * n])
        .fold(0f32, |m, &x| m.max(x.abs()));
    let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
    let slots = ((kept.len() * 10 / 7) + 1).next_power_of_two().max(2);
    let mask = slots - 1;
    let mut index = vec![0u64; slots];
    for &(_, key, r) in kept {
        let mut i = (key as usize) & mask;
        while index[i] != 0 {
            i = (i + 1) & mask;
        }
        let mut e = fp16(key) << 48;
        for (k, &x) in avg[r * n..(r + 1) * n].iter().enumerate() {
            let q = (x / scale).round().clamp(-32767.0, 32767.0) as i16;
            e |= u64::from(q as u16) << (16 * k);
        }
        index[i] = e;
    }
    Weights {
        ncls: n,
        mask,
        index: Cow::Owned(le_u64s(&index)),
        rows: Cow::Owned(Vec::new()),
        bits: 16,
        inline: true,
        dense: false,
        scale,
    }
}

/// A read-only u64 → u64 map (open addressing, linear probing, load ≤ 0.5;
/// key and value side by side, one cache line per lookup); key 0 is never
/// found. Absent keys give 0.
#[derive(Clone, Debug, Default)]
pub struct U64Map {
    mask: usize,
    slots: Vec<[u64; 2]>,
}

impl U64Map {
    /// Builds the map (deterministic for a given order of `pairs`; a
    /// repeated key keeps its first value).
    pub fn new(pairs: &[(u64, u64)]) -> Self {
        let n = (pairs.len() * 2 + 1).next_power_of_two();
        let mut slots = vec![[0u64; 2]; n];
        for &(k, v) in pairs.iter().filter(|e| e.0 != 0) {
            let mut i = (k as usize) & (n - 1);
            while slots[i][0] != 0 && slots[i][0] != k {
                i = (i + 1) & (n - 1);
            }
            if slots[i][0] == 0 {
                slots[i] = [k, v];
            }
        }
        U64Map { mask: n - 1, slots }
    }

    #[inline]
    pub fn get(&self, k: u64) -> u64 {
        let mut i = (k as usize) & self.mask;
        loop {
            match self.slots.get(i) {
                Some(&[x, v]) if x == k && k != 0 => return v,
                Some(&[0, _]) | None => return 0,
                _ => i = (i + 1) & self.mask,
            }
        }
    }
}

/// Index of the largest float score among `allowed` (first wins ties).
#[inline]
pub fn argmax_f(scores: &[f32], allowed: impl Iterator<Item = usize>) -> Option<usize> {
    let mut best: Option<(usize, f32)> = None;
    for c in allowed {
        let s = scores[c];
        if best.is_none_or(|(_, b)| s > b) {
            best = Some((c, s));
        }
    }
    best.map(|b| b.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_and_round_trips() {
        use crate::hash::mix;
        let (a, b, c) = (mix(1), mix(2), mix(3));
        let mut t = Trainer::new(3);
        for _ in 0..5 {
            t.learn(&[a, b], 0, 1);
            t.tick();
            t.learn(&[c], 2, 0);
            t.tick();
        }
        let w = t.average(100, 8);
        let mut s = [0f32; 3];
        w.scores(&[a, b], &mut s);
        assert_eq!(argmax_f(&s, 0..3), Some(0));
        w.scores(&[c], &mut s);
        assert_eq!(argmax_f(&s, 0..3), Some(2));
        w.scores(&[mix(99)], &mut s);
        assert_eq!(s, [0.0, 0.0, 0.0]);
        let mut out = Writer::default();
        w.write(&mut out);
        let back = Weights::read(&mut Reader::new(&out.buf)).unwrap();
        back.scores(&[a, b], &mut s);
        assert_eq!(argmax_f(&s, 0..3), Some(0));
    }

    #[test]
    fn hash_kernels_learn_and_round_trip() {
        use crate::hash::mix;
        let (a, b, c) = (mix(1), mix(2), mix(3));
        for ncls in [3, 5] {
            let mut t = Trainer::hashed(ncls, 6);
            for _ in 0..5 {
                t.learn(&[a, b], 0, 1);
                t.tick();
                t.learn(&[c], 2, 0);
                t.tick();
            }
            let w = if ncls == 3 {
                t.average_dense()
            } else {
                t.average(0, 8)
            };
            assert_eq!(w.rows(), 64);
            let mut out = Writer::default();
            w.write(&mut out);
            let back = Weights::read(&mut Reader::new(&out.buf)).unwrap();
            for w in [&w, &back] {
                let mut s = vec![0f32; ncls];
                w.scores(&[a, b], &mut s);
                assert_eq!(argmax_f(&s, 0..ncls), Some(0));
                w.scores(&[c], &mut s);
                assert_eq!(argmax_f(&s, 0..ncls), Some(2));
                let mut part = vec![9f32; ncls];
                w.scores_cols(&[c], &[(0, 1), (2, 1)], &mut part);
                assert_eq!(argmax_f(&part, [0, 2].into_iter()), Some(2));
            }
        }
    }
}
