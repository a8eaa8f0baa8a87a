//! Little-endian binary writing and bounds-checked reading for model files.
//!
//! Contract: [`Reader`] never panics; reading past the end gives
//! [`ModelError::Truncated`]. Arrays are read in one pass each (one
//! allocation per array), which keeps model loading fast.

use std::borrow::Cow;

use crate::ModelError;

/// Appends little-endian values to a byte vector.
#[derive(Default)]
pub struct Writer {
    pub buf: Vec<u8>,
}

impl Writer {
    pub fn u8(&mut self, v: u8) {
        self.buf.push(v);
    }
    pub fn u32(&mut self, v: u32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub fn u64(&mut self, v: u64) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub fn bytes(&mut self, b: &[u8]) {
        self.u64(b.len() as u64);
        self.buf.extend_from_slice(b);
    }
    /// A length-prefixed array of `elem`-byte values given as raw bytes.
    pub fn array(&mut self, elem: usize, raw: &[u8]) {
        self.u64((raw.len() / elem) as u64);
        self.buf.extend_from_slice(raw);
    }
    pub fn str(&mut self, s: &str) {
        self.bytes(s.as_bytes());
    }
    pub fn strs(&mut self, v: &[String]) {
        self.u32(v.len() as u32);
        for s in v {
            self.str(s);
        }
    }
    pub fn f32s(&mut self, v: &[f32]) {
        self.u64(v.len() as u64);
        for x in v {
            self.buf.extend_from_slice(&x.to_le_bytes());
        }
    }
    pub fn u32s(&mut self, v: &[u32]) {
        self.u64(v.len() as u64);
        self.buf.reserve(v.len() * 4);
        for x in v {
            self.buf.extend_from_slice(&x.to_le_bytes());
        }
    }
    pub fn u64s(&mut self, v: &[u64]) {
        self.u64(v.len() as u64);
        self.buf.reserve(v.len() * 8);
        for x in v {
            self.buf.extend_from_slice(&x.to_le_bytes());
        }
    }
}

/// Reads little-endian values from a byte slice.
pub struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
    /// The same bytes when they live for the whole program: arrays are then
    /// borrowed instead of copied ([`Reader::cow_array`]).
    stat: Option<&'static [u8]>,
}

impl<'a> Reader<'a> {
    pub fn new(data: &'a [u8]) -> Self {
        Reader {
            data,
            pos: 0,
            stat: None,
        }
    }

    /// A reader whose arrays ([`Reader::cow_array`]) borrow `data`.
    pub fn new_static(data: &'static [u8]) -> Reader<'static> {
        Reader {
            data,
            pos: 0,
            stat: Some(data),
        }
    }

    /// The raw bytes of a length-prefixed array of `elem`-byte values (as
    /// written by `Writer::bytes`, `u64s`, `f32s`), borrowed when the
    /// reader's bytes are `'static`, else copied.
    pub fn cow_array(&mut self, elem: usize) -> Result<Cow<'static, [u8]>, ModelError> {
        let n = self.len(elem)? * elem;
        let start = self.pos;
        let b = self.take(n)?;
        Ok(match self.stat.and_then(|s| s.get(start..start + n)) {
            Some(s) => Cow::Borrowed(s),
            None => Cow::Owned(b.to_vec()),
        })
    }

    pub fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|&e| e <= self.data.len())
            .ok_or(ModelError::Truncated)?;
        let s = &self.data[self.pos..end];
        self.pos = end;
        Ok(s)
    }

    fn arr<const N: usize>(&mut self) -> Result<[u8; N], ModelError> {
        let mut a = [0u8; N];
        a.copy_from_slice(self.take(N)?);
        Ok(a)
    }

    pub fn u8(&mut self) -> Result<u8, ModelError> {
        Ok(self.arr::<1>()?[0])
    }
    pub fn u32(&mut self) -> Result<u32, ModelError> {
        Ok(u32::from_le_bytes(self.arr()?))
    }
    pub fn u64(&mut self) -> Result<u64, ModelError> {
        Ok(u64::from_le_bytes(self.arr()?))
    }
    pub fn f32(&mut self) -> Result<f32, ModelError> {
        Ok(f32::from_le_bytes(self.arr()?))
    }
    pub fn len(&mut self, elem: usize) -> Result<usize, ModelError> {
        let n = self.u64()?;
        let n = usize::try_from(n).map_err(|_| ModelError::Truncated)?;
        if n.saturating_mul(elem) > self.data.len() - self.pos {
            return Err(ModelError::Truncated);
        }
        Ok(n)
    }
    pub fn bytes(&mut self) -> Result<&'a [u8], ModelError> {
        let n = self.len(1)?;
        self.take(n)
    }
    pub fn str(&mut self) -> Result<String, ModelError> {
        let b = self.bytes()?;
        String::from_utf8(b.to_vec()).map_err(|_| ModelError::Corrupt("string is not UTF-8"))
    }
    pub fn strs(&mut self) -> Result<Vec<String>, ModelError> {
        let n = self.u32()? as usize;
        (0..n).map(|_| self.str()).collect()
    }
    pub fn f32s(&mut self) -> Result<Vec<f32>, ModelError> {
        let n = self.len(4)?;
        let b = self.take(n * 4)?;
        Ok(b.chunks_exact(4)
            .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect())
    }
    pub fn u32s(&mut self) -> Result<Vec<u32>, ModelError> {
        let n = self.len(4)?;
        let b = self.take(n * 4)?;
        Ok(b.chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect())
    }
    pub fn u64s(&mut self) -> Result<Vec<u64>, ModelError> {
        let n = self.len(8)?;
        let b = self.take(n * 8)?;
        Ok(b.chunks_exact(8)
            .map(|c| u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]))
            .collect())
    }
}
