//! Part-of-speech and morphology tagger: two averaged perceptrons, greedy
//! left to right.
//!
//! Contract: reads the forms of a sentence (syntactic words, already
//! tokenized) and writes one UPOS id and one value per morphological feature
//! key per word; never fails. Pass 1 predicts UPOS from lexical features
//! (lowercased form, prefixes 1-3, suffixes 1-4, shape, flags), the
//! neighbours' forms, the ambiguity classes of the word and the next two
//! (UPOS seen with the form in training; leave-one-out while training) and
//! the two previous predicted tags; frequent unambiguous words (tag
//! dictionary, exact form) skip the classifier.
//! Pass 2 predicts, for each feature key of the [`FeatsSchema`], its value
//! (or none), from features conjoined with the word's predicted UPOS; keys
//! never seen with that UPOS in training stay empty.

use std::collections::BTreeMap;

use crate::ModelError;
use crate::hash::{f1, f2, f3, str_hash};
use crate::io::{Reader, Writer};
use crate::labels::LabelSet;
use crate::linear::{Trainer, U64Map, Weights, argmax_f};

/// Lexical features of one word, computed once per sentence.
#[derive(Clone, Copy, Debug, Default)]
pub struct Lex {
    /// Hash of the lowercased form.
    pub w: u64,
    /// Hash of the exact form.
    pub exact: u64,
    pub pre: [u64; 3],
    pub suf: [u64; 4],
    pub shape: u64,
    pub flags: u64,
    /// Ambiguity class: the UPOS seen with the exact form in training (bit
    /// mask; 0 for unknown words). While training, each occurrence leaves
    /// itself out, so words seen once look unknown, as at run time.
    pub amb: u64,
    /// Tag-dictionary UPOS + 1 (0 when the word is not in the dictionary).
    pub dict: u16,
}

const BOS: u64 = 0x5eed_0000_0000_0001;
const EOS: u64 = 0x5eed_0000_0000_0002;

impl Lex {
    fn pad(v: u64) -> Lex {
        Lex {
            w: v,
            exact: v,
            pre: [v; 3],
            suf: [v; 4],
            shape: v,
            flags: v,
            amb: v,
            dict: 0,
        }
    }

    /// Computes the features of `form`; `lower` is a reusable buffer.
    pub fn new(form: &str, lower: &mut String) -> Lex {
        lower.clear();
        if form.is_ascii() {
            lower.push_str(form);
            lower.make_ascii_lowercase();
        } else {
            for c in form.chars() {
                lower.extend(c.to_lowercase());
            }
        }
        let mut lex = Lex {
            w: str_hash(lower),
            exact: str_hash(form),
            ..Lex::default()
        };
        // Byte offsets of the first 4 and last 4 character boundaries
        // (no allocation: prefixes of 1-3 and suffixes of 1-4 characters).
        let mut starts = [0usize; 4];
        for (k, (i, _)) in lower.char_indices().take(4).enumerate() {
            starts[k] = i;
        }
        let n = lower.chars().count();
        let pre_end = |k: usize| -> usize {
            // end of the first k characters (k <= 3)
            if k >= n { lower.len() } else { starts[k] }
        };
        let mut tails = [lower.len(); 5];
        for (j, (i, _)) in lower.char_indices().rev().take(4).enumerate() {
            tails[j + 1] = i;
        }
        let suf_start = |k: usize| -> usize {
            // start of the last k characters (k <= 4)
            if k >= n { 0 } else { tails[k] }
        };
        for k in 0..3 {
            lex.pre[k] = f1(k as u64 + 1, str_hash(&lower[..pre_end(k + 1)]));
        }
        for k in 0..4 {
            lex.suf[k] = f1(k as u64 + 11, str_hash(&lower[suf_start(k + 1)..]));
        }
        lex.shape = shape_hash(form);
        lex.flags = flags(form);
        lex
    }
}

fn shape_hash(form: &str) -> u64 {
    let mut h = 0x9ae1_6a3b_2f90_404f_u64;
    let (mut last, mut len) = ('\0', 0);
    for c in form.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if s != last && len < 8 {
            h = f1(h, u64::from(s));
            last = s;
            len += 1;
        }
    }
    h
}

fn flags(form: &str) -> u64 {
    let mut f = 0u64;
    let mut chars = form.chars();
    if chars.next().is_some_and(char::is_uppercase) {
        f |= 1;
    }
    if form.chars().all(|c| !c.is_lowercase()) {
        f |= 2;
    }
    if form.chars().any(|c| c.is_ascii_digit()) {
        f |= 4;
    }
    if form.contains('-') {
        f |= 8;
    }
    if form.chars().count() <= 2 {
        f |= 16;
    }
    f
}

/// Computes `Lex` for every word into `out`, padded with two BOS entries in
/// front and two EOS entries behind (word `i` is at `out[i + 2]`).
pub fn lexify(words: &[&str], out: &mut Vec<Lex>, lower: &mut String) {
    out.clear();
    out.extend([Lex::pad(BOS), Lex::pad(BOS)]);
    out.extend(words.iter().map(|w| Lex::new(w, lower)));
    out.extend([Lex::pad(EOS), Lex::pad(EOS)]);
}

/// UPOS features of word `i` (lex padded), given the previous tags
/// (`p1`, `p2`: tag id + 1, 0 at the start).
fn upos_features(lex: &[Lex], i: usize, p1: u64, p2: u64, out: &mut Vec<u64>) {
    let (c, l1, l2, r1, r2) = (&lex[i + 2], &lex[i + 1], &lex[i], &lex[i + 3], &lex[i + 4]);
    out.clear();
    out.extend([
        f1(100, 0),
        f1(101, c.w),
        f1(102, c.suf[0]),
        f1(103, c.suf[1]),
        f1(104, c.suf[2]),
        f1(105, c.suf[3]),
        f1(106, c.pre[0]),
        f1(107, c.pre[1]),
        f1(108, c.pre[2]),
        f1(109, c.shape),
        f1(110, c.flags),
        f1(111, l1.w),
        f1(112, r1.w),
        f1(113, l2.w),
        f1(114, r2.w),
        f1(115, p1),
        f2(116, p1, p2),
        f2(117, p1, c.w),
        f1(118, l1.suf[2]),
        f1(119, r1.suf[2]),
        f1(120, r2.suf[2]),
        f2(121, p1, c.suf[2]),
        f2(122, l1.w, c.w),
        f2(123, c.w, r1.w),
        f1(124, r1.shape),
        f1(125, c.exact),
        f2(126, p1, r1.w),
        f2(127, c.flags, c.suf[1]),
        f2(128, p2, c.w),
        f2(129, l1.w, r1.w),
        f3(130, p1, c.suf[1], r1.suf[1]),
        f1(131, r1.suf[0]),
        f2(132, c.shape, r1.shape),
        f2(133, c.w, r2.w),
        f1(134, l1.shape),
        f2(135, c.suf[3], r1.w),
        f1(140, c.amb),
        f1(141, r1.amb),
        f1(142, r2.amb),
        f2(143, p1, r1.amb),
        f2(144, c.amb, r1.amb),
        f3(145, p1, c.amb, r1.amb),
        f2(146, c.amb, c.suf[2]),
    ]);
}

/// Feature features of word `i`, given every word's UPOS (`tags`: id + 1,
/// padded like `lex`).
fn feats_features(lex: &[Lex], tags: &[u64], i: usize, out: &mut Vec<u64>) {
    let (c, l1, r1) = (&lex[i + 2], &lex[i + 1], &lex[i + 3]);
    let (u, ul1, ul2, ur1) = (tags[i + 2], tags[i + 1], tags[i], tags[i + 3]);
    out.clear();
    out.extend([
        f1(200, u),
        f2(201, u, c.w),
        f2(202, u, c.suf[0]),
        f2(203, u, c.suf[1]),
        f2(204, u, c.suf[2]),
        f2(205, u, c.suf[3]),
        f2(206, u, ul1),
        f2(207, u, ur1),
        f2(208, u, l1.w),
        f2(209, u, r1.w),
        f2(210, u, l1.suf[1]),
        f2(211, u, r1.suf[1]),
        f3(212, u, ul1, ur1),
        f3(213, u, ul1, ul2),
        f2(214, u, c.flags),
        f2(215, u, c.exact),
        f2(216, u, c.pre[1]),
        f3(217, u, ul1, l1.w),
    ]);
}

/// The feature keys a model predicts and their values; column layout of the
/// feature classifier.
#[derive(Clone, Debug, Default)]
pub struct FeatsSchema {
    /// Key names, sorted.
    pub keys: LabelSet,
    /// Values of each key (column `offsets[k] + 1 + v`; `offsets[k]` is "none").
    pub values: Vec<LabelSet>,
    offsets: Vec<usize>,
    /// For each UPOS id, the keys seen with it.
    allowed: Vec<Vec<u16>>,
}

impl FeatsSchema {
    fn new(keys: LabelSet, values: Vec<LabelSet>, allowed: Vec<Vec<u16>>) -> Self {
        let mut offsets = Vec::with_capacity(values.len());
        let mut col = 0;
        for v in &values {
            offsets.push(col);
            col += v.len() + 1;
        }
        FeatsSchema {
            keys,
            values,
            offsets,
            allowed,
        }
    }

    /// Number of classifier columns.
    pub fn columns(&self) -> usize {
        self.values.iter().map(|v| v.len() + 1).sum()
    }

    /// Value index (0 = none) per key for a gold FEATS string.
    fn gold(&self, feats: &str, out: &mut [u8]) {
        out.iter_mut().for_each(|x| *x = 0);
        for kv in feats.split('|') {
            let Some((k, v)) = kv.split_once('=') else {
                continue;
            };
            let Some(k) = self.keys.id(k) else { continue };
            if let Some(v) = self.values[k as usize].id(v) {
                out[k as usize] = v as u8 + 1;
            }
        }
    }

    /// Writes `Key=Value|…` (or `_`) for one word's values.
    pub fn render(&self, vals: &[u8], out: &mut String) {
        let start = out.len();
        for (k, &v) in vals.iter().enumerate() {
            if v == 0 {
                continue;
            }
            if out.len() > start {
                out.push('|');
            }
            out.push_str(self.keys.name(k as u16));
            out.push('=');
            out.push_str(self.values[k].name(u16::from(v) - 1));
        }
        if out.len() == start {
            out.push('_');
        }
    }

    fn write(&self, w: &mut Writer) {
        self.keys.write(w);
        for v in &self.values {
            v.write(w);
        }
        w.u32(self.allowed.len() as u32);
        for a in &self.allowed {
            w.u32(a.len() as u32);
            for &k in a {
                w.u32(u32::from(k));
            }
        }
    }

    fn read(r: &mut Reader) -> Result<Self, ModelError> {
        let keys = LabelSet::read(r)?;
        let values = (0..keys.len())
            .map(|_| LabelSet::read(r))
            .collect::<Result<Vec<_>, _>>()?;
        let n = r.u32()? as usize;
        let mut allowed = Vec::new();
        for _ in 0..n {
            let m = r.u32()? as usize;
            let a = (0..m)
                .map(|_| r.u32().map(|k| k as u16))
                .collect::<Result<Vec<_>, _>>()?;
            if a.iter().any(|&k| usize::from(k) >= keys.len()) {
                return Err(ModelError::Corrupt("feature key id"));
            }
            allowed.push(a);
        }
        if values.iter().any(|v| v.len() > 254) {
            return Err(ModelError::Corrupt("too many feature values"));
        }
        Ok(FeatsSchema::new(keys, values, allowed))
    }
}

/// The trained tagger of one language.
#[derive(Clone, Debug)]
pub struct Tagger {
    pub upos: LabelSet,
    dict: Vec<(u64, u16)>,
    /// Ambiguity classes by exact form hash (see [`Lex::amb`]).
    amb: Vec<(u64, u64)>,
    /// `dict` and `amb` in one hash table: exact form hash → ambiguity
    /// class (bits 0-47) and dictionary tag + 1 (bits 48-63).
    lookup: U64Map,
    w_upos: Weights,
    pub schema: FeatsSchema,
    w_feats: Weights,
}

/// Reusable buffers for tagging one sentence.
#[derive(Clone, Debug, Default)]
pub struct TagScratch {
    pub lex: Vec<Lex>,
    tags: Vec<u64>,
    feats: Vec<u64>,
    scores: Vec<f32>,
    lower: String,
    /// Columns (start, length) of the keys allowed for a word's UPOS.
    ranges: Vec<(usize, usize)>,
}

impl Tagger {
    fn lexify(&self, words: &[&str], s: &mut TagScratch) {
        lexify(words, &mut s.lex, &mut s.lower);
        for l in s.lex.iter_mut().skip(2).take(words.len()) {
            let v = self.lookup.get(l.exact);
            (l.amb, l.dict) = (v & 0xffff_ffff_ffff, (v >> 48) as u16);
        }
    }

    /// The ambiguity class of a word (UPOS seen with its exact form in
    /// training, a bit mask; 0 for unknown words).
    pub fn amb_class(&self, l: &Lex) -> u64 {
        self.lookup.get(l.exact) & 0xffff_ffff_ffff
    }

    /// The dictionary tag of a word (as set by `lexify`).
    fn dict_get(l: &Lex) -> Option<u16> {
        l.dict.checked_sub(1)
    }

    /// Builds `lookup` from `dict` and `amb` (both sorted by hash).
    fn index(mut self) -> Self {
        let mut pairs: Vec<(u64, u64)> = self
            .amb
            .iter()
            .map(|&(h, a)| (h, a & 0xffff_ffff_ffff))
            .collect();
        for &(h, t) in &self.dict {
            let tag = (u64::from(t) + 1) << 48;
            match pairs.binary_search_by_key(&h, |e| e.0) {
                Ok(i) => pairs[i].1 |= tag,
                Err(i) => pairs.insert(i, (h, tag)),
            }
        }
        self.lookup = U64Map::new(&pairs);
        self
    }

    /// Tags `words`: UPOS ids into `upos`, feature values (keys × words) into
    /// `feats`. `s.lex` holds the lexical features afterwards.
    pub fn tag(
        &self,
        words: &[&str],
        upos: &mut Vec<u16>,
        feats: &mut Vec<u8>,
        s: &mut TagScratch,
    ) {
        self.lexify(words, s);
        self.tag_upos(words.len(), upos, s);
        self.tag_feats(words.len(), upos, feats, s);
    }

    fn tag_upos(&self, n: usize, upos: &mut Vec<u16>, s: &mut TagScratch) {
        upos.clear();
        s.scores.resize(self.upos.len(), 0.0);
        let (mut p1, mut p2) = (0u64, 0u64);
        for i in 0..n {
            let t = match Tagger::dict_get(&s.lex[i + 2]) {
                Some(t) => t,
                None => {
                    upos_features(&s.lex, i, p1, p2, &mut s.feats);
                    self.w_upos.scores(&s.feats, &mut s.scores);
                    argmax_f(&s.scores, 0..self.upos.len()).unwrap_or(0) as u16
                }
            };
            upos.push(t);
            (p2, p1) = (p1, u64::from(t) + 1);
        }
    }

    fn tag_feats(&self, n: usize, upos: &[u16], feats: &mut Vec<u8>, s: &mut TagScratch) {
        let nk = self.schema.keys.len();
        feats.clear();
        feats.resize(n * nk, 0);
        s.tags.clear();
        s.tags.extend([0, 0]);
        s.tags.extend(upos.iter().map(|&t| u64::from(t) + 1));
        s.tags.extend([0, 0]);
        s.scores.resize(self.schema.columns(), 0.0);
        for i in 0..n {
            let Some(allowed) = self.schema.allowed.get(usize::from(upos[i])) else {
                continue;
            };
            if allowed.is_empty() {
                continue;
            }
            feats_features(&s.lex, &s.tags, i, &mut s.feats);
            s.ranges.clear();
            s.ranges.extend(allowed.iter().map(|&k| {
                (
                    self.schema.offsets[k as usize],
                    self.schema.values[k as usize].len() + 1,
                )
            }));
            self.w_feats.scores_cols(&s.feats, &s.ranges, &mut s.scores);
            for &k in allowed {
                let (o, m) = (
                    self.schema.offsets[k as usize],
                    self.schema.values[k as usize].len() + 1,
                );
                let v = argmax_f(&s.scores, o..o + m).map_or(0, |c| c - o);
                feats[i * nk + k as usize] = v as u8;
            }
        }
    }

    /// The feature values (keys × words) of gold FEATS strings.
    pub fn gold_values<'a>(&self, feats: impl Iterator<Item = &'a str>) -> Vec<u8> {
        let nk = self.schema.keys.len();
        let mut out = Vec::new();
        let mut vals = vec![0u8; nk];
        for f in feats {
            self.schema.gold(f, &mut vals);
            out.extend_from_slice(&vals);
        }
        out
    }

    /// One hash per word of its predicted feature values (`feats` as
    /// written by [`Tagger::tag`]), for the parser.
    pub fn morph_hashes(&self, feats: &[u8], out: &mut Vec<u64>) {
        let nk = self.schema.keys.len().max(1);
        out.clear();
        out.extend(feats.chunks(nk).map(|vals| {
            vals.iter()
                .enumerate()
                .filter(|(_, v)| **v != 0)
                .fold(0x3c6e_f372_fe94_f82b, |h, (k, &v)| {
                    f1(h, (k as u64) << 8 | u64::from(v))
                })
        }));
    }

    /// (UPOS rows, feature rows, bytes of both tables, dictionary entries).
    pub fn sizes(&self) -> (usize, usize, usize, usize) {
        (
            self.w_upos.rows(),
            self.w_feats.rows(),
            self.w_upos.bytes() + self.w_feats.bytes(),
            self.dict.len(),
        )
    }

    pub(crate) fn write(&self, w: &mut Writer) {
        self.upos.write(w);
        w.u64s(&self.dict.iter().map(|e| e.0).collect::<Vec<_>>());
        w.u32s(&self.dict.iter().map(|e| u32::from(e.1)).collect::<Vec<_>>());
        w.u64s(&self.amb.iter().map(|e| e.0).collect::<Vec<_>>());
        w.u64s(&self.amb.iter().map(|e| e.1).collect::<Vec<_>>());
        self.w_upos.write(w);
        self.schema.write(w);
        self.w_feats.write(w);
    }

    pub(crate) fn read(r: &mut Reader) -> Result<Self, ModelError> {
        let upos = LabelSet::read(r)?;
        let (keys, tags) = (r.u64s()?, r.u32s()?);
        if keys.len() != tags.len() || keys.windows(2).any(|w| w[0] >= w[1]) {
            return Err(ModelError::Corrupt("tag dictionary"));
        }
        let dict: Vec<(u64, u16)> = keys
            .into_iter()
            .zip(tags.into_iter().map(|t| t as u16))
            .collect();
        let (keys, classes) = (r.u64s()?, r.u64s()?);
        if keys.len() != classes.len() || keys.windows(2).any(|w| w[0] >= w[1]) {
            return Err(ModelError::Corrupt("ambiguity classes"));
        }
        let amb = keys.into_iter().zip(classes).collect();
        let w_upos = Weights::read(r)?;
        let schema = FeatsSchema::read(r)?;
        let w_feats = Weights::read(r)?;
        let bad = dict.iter().any(|e| usize::from(e.1) >= upos.len())
            || w_upos.classes() != upos.len()
            || w_feats.classes() != schema.columns();
        if bad {
            return Err(ModelError::Corrupt("tagger shapes"));
        }
        Ok(Tagger {
            upos,
            dict,
            amb,
            lookup: U64Map::default(),
            w_upos,
            schema,
            w_feats,
        }
        .index())
    }
}

/// One training word for the tagger.
#[derive(Clone, Debug)]
pub struct TagItem<'a> {
    pub form: &'a str,
    pub upos: &'a str,
    pub feats: &'a str,
}

/// Tagger training settings.
#[derive(Clone, Debug)]
pub struct TagSettings {
    pub epochs: usize,
    /// Rows kept by pruning (only for indexed tables: kernel `log2` 0).
    pub max_upos_rows: usize,
    pub max_feats_rows: usize,
    /// When not 0, the UPOS / feature tables are hash kernels of `2^log2` rows.
    pub upos_kernel_log2: u32,
    pub feats_kernel_log2: u32,
    /// Bits per stored weight (8 or 16).
    pub bits: u32,
    /// Feature keys predicted (those present in the data).
    pub feat_keys: Vec<String>,
    pub dict_min_count: u32,
    /// Minimum share (per mille) of the most frequent tag for the dictionary.
    pub dict_min_permille: u32,
    pub seed: u64,
}

/// Learns the label sets, schema and tag dictionary (no weights yet).
fn skeleton(train: &[Vec<TagItem>], st: &TagSettings) -> Tagger {
    let upos = LabelSet::from_names(train.iter().flatten().map(|w| w.upos));
    let mut vals: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for w in train.iter().flatten() {
        for kv in w.feats.split('|') {
            if let Some((k, v)) = kv.split_once('=')
                && st.feat_keys.iter().any(|x| x == k)
            {
                vals.entry(k).or_default().push(v);
            }
        }
    }
    let keys = LabelSet::from_names(vals.keys().copied());
    let values: Vec<LabelSet> = keys
        .names()
        .iter()
        .map(|k| LabelSet::from_names(vals[k.as_str()].iter().copied()))
        .collect();
    let mut allowed = vec![std::collections::BTreeSet::new(); upos.len()];
    for w in train.iter().flatten() {
        for kv in w.feats.split('|') {
            if let (Some((k, _)), Some(u)) = (kv.split_once('='), upos.id(w.upos))
                && let Some(k) = keys.id(k)
            {
                allowed[u as usize].insert(k);
            }
        }
    }
    let allowed = allowed
        .into_iter()
        .map(|s| s.into_iter().collect())
        .collect();
    let schema = FeatsSchema::new(keys, values, allowed);
    let dict = tag_dict(train, &upos, st);
    let amb = tag_counts(train, &upos)
        .into_iter()
        .map(|(h, c)| {
            (
                h,
                c.iter()
                    .enumerate()
                    .filter(|x| *x.1 > 0)
                    .fold(0u64, |m, (t, _)| m | 1 << (t % 48)),
            )
        })
        .collect();
    let empty = Trainer::new(1).average(0, 8);
    Tagger {
        upos,
        dict,
        amb,
        lookup: U64Map::default(),
        w_upos: empty.clone(),
        schema,
        w_feats: empty,
    }
    .index()
}

fn tag_dict(train: &[Vec<TagItem>], upos: &LabelSet, st: &TagSettings) -> Vec<(u64, u16)> {
    let mut counts: BTreeMap<&str, BTreeMap<u16, u32>> = BTreeMap::new();
    for w in train.iter().flatten() {
        if let Some(u) = upos.id(w.upos) {
            *counts.entry(w.form).or_default().entry(u).or_default() += 1;
        }
    }
    let mut dict: Vec<(u64, u16)> = counts
        .iter()
        .filter_map(|(form, c)| {
            let total: u32 = c.values().sum();
            let (&tag, &top) = c.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))?;
            let ok = total >= st.dict_min_count && top * 1000 >= total * st.dict_min_permille;
            ok.then(|| (str_hash(form), tag))
        })
        .collect();
    dict.sort_unstable();
    dict.dedup_by_key(|e| e.0);
    dict
}

/// UPOS counts per exact form hash.
fn tag_counts(train: &[Vec<TagItem>], upos: &LabelSet) -> BTreeMap<u64, Vec<u32>> {
    let mut counts: BTreeMap<u64, Vec<u32>> = BTreeMap::new();
    for w in train.iter().flatten() {
        if let Some(u) = upos.id(w.upos) {
            counts
                .entry(str_hash(w.form))
                .or_insert_with(|| vec![0; upos.len()])[usize::from(u)] += 1;
        }
    }
    counts
}

/// Training state: the two perceptrons and reusable buffers.
struct TagTrainer<'t> {
    tagger: &'t Tagger,
    counts: &'t BTreeMap<u64, Vec<u32>>,
    upos: Trainer,
    feats: Trainer,
    buf: Vec<u64>,
    scores: Vec<f32>,
    gold: Vec<u8>,
}

impl TagTrainer<'_> {
    fn sentence(&mut self, sent: &[TagItem], s: &mut TagScratch) {
        let forms: Vec<&str> = sent.iter().map(|w| w.form).collect();
        self.tagger.lexify(&forms, s);
        self.leave_one_out(sent, s);
        let mut pred = Vec::with_capacity(sent.len());
        let (mut p1, mut p2) = (0u64, 0u64);
        for (i, w) in sent.iter().enumerate() {
            let gold = self.tagger.upos.id(w.upos).unwrap_or(0);
            let t = match Tagger::dict_get(&s.lex[i + 2]) {
                Some(t) => t,
                None => self.learn_upos(&s.lex, i, p1, p2, gold),
            };
            pred.push(t);
            (p2, p1) = (p1, u64::from(t) + 1);
        }
        s.tags.clear();
        s.tags.extend([0, 0]);
        s.tags.extend(pred.iter().map(|&t| u64::from(t) + 1));
        s.tags.extend([0, 0]);
        for (i, w) in sent.iter().enumerate() {
            self.learn_feats(s, i, pred[i], w.feats);
        }
    }

    /// Ambiguity classes without each word's own occurrence.
    fn leave_one_out(&self, sent: &[TagItem], s: &mut TagScratch) {
        for (l, w) in s.lex.iter_mut().skip(2).zip(sent) {
            let gold = self.tagger.upos.id(w.upos).map_or(usize::MAX, usize::from);
            l.amb = self.counts.get(&l.exact).map_or(0, |c| {
                let seen = |(t, &n): (usize, &u32)| n > u32::from(t == gold);
                c.iter()
                    .enumerate()
                    .filter(|x| seen(*x))
                    .fold(0u64, |m, (t, _)| m | 1 << (t % 48))
            });
        }
    }

    fn learn_upos(&mut self, lex: &[Lex], i: usize, p1: u64, p2: u64, gold: u16) -> u16 {
        upos_features(lex, i, p1, p2, &mut self.buf);
        self.scores.resize(self.upos.classes(), 0.0);
        self.upos.scores(&self.buf, &mut self.scores);
        let pred = argmax_f(&self.scores, 0..self.upos.classes()).unwrap_or(0);
        self.upos.learn(&self.buf, usize::from(gold), pred);
        self.upos.tick();
        pred as u16
    }

    fn learn_feats(&mut self, s: &TagScratch, i: usize, upos: u16, feats: &str) {
        let schema = &self.tagger.schema;
        let Some(allowed) = schema
            .allowed
            .get(usize::from(upos))
            .filter(|a| !a.is_empty())
        else {
            return;
        };
        self.gold.resize(schema.keys.len(), 0);
        schema.gold(feats, &mut self.gold);
        feats_features(&s.lex, &s.tags, i, &mut self.buf);
        self.scores.resize(schema.columns(), 0.0);
        self.feats.scores(&self.buf, &mut self.scores);
        for &k in allowed {
            let (o, m) = (
                schema.offsets[k as usize],
                schema.values[k as usize].len() + 1,
            );
            let pred = argmax_f(&self.scores, o..o + m).unwrap_or(o);
            self.feats
                .learn(&self.buf, o + usize::from(self.gold[k as usize]), pred);
        }
        self.feats.tick();
    }
}

/// Accuracy of a tagger on gold sentences: (UPOS, feats of the schema's keys).
pub fn evaluate(t: &Tagger, dev: &[Vec<TagItem>]) -> (f64, f64) {
    let (mut n, mut ok_u, mut ok_f) = (0usize, 0usize, 0usize);
    let mut s = TagScratch::default();
    let (mut upos, mut feats, mut gold) = (Vec::new(), Vec::new(), vec![0u8; t.schema.keys.len()]);
    let nk = t.schema.keys.len();
    for sent in dev {
        let forms: Vec<&str> = sent.iter().map(|w| w.form).collect();
        t.tag(&forms, &mut upos, &mut feats, &mut s);
        for (i, w) in sent.iter().enumerate() {
            n += 1;
            ok_u += usize::from(t.upos.name(upos[i]) == w.upos);
            t.schema.gold(w.feats, &mut gold);
            ok_f += usize::from(feats[i * nk..(i + 1) * nk] == gold[..]);
        }
    }
    let n = n.max(1) as f64;
    (ok_u as f64 / n, ok_f as f64 / n)
}

/// For each UPOS template, how many dev decisions change without it.
fn ablate(t: &Tagger, dev: &[Vec<TagItem>], log: &mut dyn FnMut(String)) {
    let mut s = TagScratch::default();
    let (mut upos, mut feats) = (Vec::new(), Vec::new());
    let mut flips = vec![0usize; 256];
    let mut n = 0;
    let nu = t.upos.len();
    let (mut full, mut one) = (vec![0f32; nu], vec![0f32; nu]);
    let mut buf = Vec::new();
    for sent in dev {
        let forms: Vec<&str> = sent.iter().map(|w| w.form).collect();
        t.tag(&forms, &mut upos, &mut feats, &mut s);
        for i in 0..forms.len() {
            if Tagger::dict_get(&s.lex[i + 2]).is_some() {
                continue;
            }
            let p1 = if i > 0 { u64::from(upos[i - 1]) + 1 } else { 0 };
            let p2 = if i > 1 { u64::from(upos[i - 2]) + 1 } else { 0 };
            upos_features(&s.lex, i, p1, p2, &mut buf);
            t.w_upos.scores(&buf, &mut full);
            n += 1;
            for (k, &f) in buf.iter().enumerate() {
                t.w_upos.scores(&[f], &mut one);
                let x: Vec<f32> = full.iter().zip(&one).map(|(a, b)| a - b).collect();
                if argmax_f(&x, 0..nu) != Some(usize::from(upos[i])) {
                    flips[k] += 1;
                }
            }
        }
    }
    log(format!(
        "ablate upos ({n} decisions): {:?}",
        &flips[..buf.len().min(256)]
    ));
}

/// Trains a tagger: `epochs` passes in a shuffled order (fixed seed); the
/// epoch with the best dev UPOS accuracy (if `dev` is not empty) is kept.
/// `log` receives one progress line per epoch.
pub fn train(
    train: &[Vec<TagItem>],
    dev: &[Vec<TagItem>],
    st: &TagSettings,
    log: &mut dyn FnMut(String),
) -> (Tagger, usize) {
    let mut tagger = skeleton(train, st);
    let counts = tag_counts(train, &tagger.upos);
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut rng = crate::hash::Rng::new(st.seed);
    let (nu, nf) = (tagger.upos.len(), tagger.schema.columns());
    let (mut up, mut fe) = (
        crate::parser::kernel(nu, st.upos_kernel_log2),
        crate::parser::kernel(nf, st.feats_kernel_log2),
    );
    let mut best: Option<(f64, usize, Weights, Weights)> = None;
    let mut s = TagScratch::default();
    for epoch in 1..=st.epochs {
        rng.shuffle(&mut order);
        let mut tt = TagTrainer {
            tagger: &tagger,
            counts: &counts,
            upos: up,
            feats: fe,
            buf: Vec::new(),
            scores: Vec::new(),
            gold: Vec::new(),
        };
        for &i in &order {
            tt.sentence(&train[i], &mut s);
        }
        (up, fe) = (tt.upos, tt.feats);
        if dev.is_empty() && epoch < st.epochs {
            continue;
        }
        let cand = Tagger {
            w_upos: up.average(st.max_upos_rows, st.bits),
            w_feats: fe.average(st.max_feats_rows, st.bits),
            ..tagger.clone()
        };
        let (u, f) = if dev.is_empty() {
            (0.0, 0.0)
        } else {
            evaluate(&cand, dev)
        };
        log(format!(
            "tagger epoch {epoch}: dev UPOS {u:.4} feats {f:.4} ({} + {} rows)",
            up.rows(),
            fe.rows()
        ));
        if best.as_ref().is_none_or(|b| u > b.0) {
            best = Some((u, epoch, cand.w_upos, cand.w_feats));
        }
    }
    if std::env::var_os("VIGIE_SYNTAX_SWEEP").is_some() {
        for (du, df) in [(2, 1), (4, 1), (8, 1), (1, 2), (1, 4), (1, 8)] {
            let (ru, rf) = (st.max_upos_rows / du, st.max_feats_rows / df);
            let cand = Tagger {
                w_upos: up.average(ru, st.bits),
                w_feats: fe.average(rf, st.bits),
                ..tagger.clone()
            };
            let (u, f) = evaluate(&cand, dev);
            log(format!(
                "sweep: {ru} + {rf} rows, {} bytes: dev UPOS {u:.4} feats {f:.4}",
                cand.sizes().2
            ));
        }
    }
    let mut chosen = 0;
    if let Some((_, epoch, wu, wf)) = best {
        (tagger.w_upos, tagger.w_feats, chosen) = (wu, wf, epoch);
    }
    if std::env::var_os("VIGIE_SYNTAX_ABLATE").is_some() && !dev.is_empty() {
        ablate(&tagger, dev, log);
    }
    (tagger, chosen)
}
