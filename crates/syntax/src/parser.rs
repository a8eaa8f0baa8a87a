//! Labelled dependency parser: arc-hybrid transitions (root at the end of the
//! buffer), greedy decoding, two averaged perceptrons (transition, then the
//! label of the arc it makes), trained with a dynamic oracle and exploration
//! (Goldberg & Nivre 2013).
//!
//! Contract: reads a sentence's words (form hashes) and UPOS ids and writes
//! one head (0 = root, else a 1-based word index) and one relation per word;
//! the result is always a tree with exactly one word attached to the root,
//! whatever the weights. Sentences longer than [`Parser::max_words`] get a
//! flat tree instead (every word on the first verb, or on the first word,
//! relation `dep`) and [`ParseOutcome::fell_back`] says so. Non-projective
//! training trees are kept: the dynamic oracle's costs are then approximate
//! and the parser follows a minimum-cost transition.

use crate::ModelError;
use crate::hash::{Rng, f1, f2, f3};
use crate::io::{Reader, Writer};
use crate::labels::LabelSet;
use crate::linear::{Trainer, Weights, argmax_f};

const SHIFT: usize = 0;
const LEFT: usize = 1;
const RIGHT: usize = 2;

const W_NONE: u64 = 0x00de_ad00_0000_0001;
const W_ROOT: u64 = 0x00de_ad00_0000_0002;
const T_NONE: u64 = 0;
const T_ROOT: u64 = 0xffff;

/// Parser state for one sentence; reused across sentences.
#[derive(Clone, Debug, Default)]
pub struct ParseState {
    n: usize,
    stack: Vec<u32>,
    b: u32,
    head: Vec<u32>,
    label: Vec<u16>,
    lc: Vec<[u32; 2]>,
    rc: Vec<[u32; 2]>,
    nl: Vec<u8>,
    nr: Vec<u8>,
    lset: Vec<u64>,
    rset: Vec<u64>,
    tw: Vec<u64>,
    tt: Vec<u64>,
    tm: Vec<u64>,
    feats: Vec<u64>,
    scores: Vec<f32>,
}

impl ParseState {
    /// Resets for a sentence of `w.len()` words (index 0 is "none", words are
    /// `1..=n`, the root is `n + 1`).
    fn init(&mut self, w: &[u64], t: &[u16], morph: &[u64]) {
        let n = w.len();
        self.n = n;
        self.stack.clear();
        self.b = 1;
        let m = n + 2;
        self.head.clear();
        self.head.resize(m, 0);
        self.label.clear();
        self.label.resize(m, 0);
        self.lc.clear();
        self.lc.resize(m, [0, 0]);
        self.rc.clear();
        self.rc.resize(m, [0, 0]);
        self.nl.clear();
        self.nl.resize(m, 0);
        self.nr.clear();
        self.nr.resize(m, 0);
        self.lset.clear();
        self.lset.resize(m, 0);
        self.rset.clear();
        self.rset.resize(m, 0);
        self.tw.clear();
        self.tw.push(W_NONE);
        self.tw.extend_from_slice(w);
        self.tw.push(W_ROOT);
        self.tt.clear();
        self.tt.push(T_NONE);
        self.tt.extend(t.iter().map(|&x| u64::from(x) + 1));
        self.tt.push(T_ROOT);
        self.tm.clear();
        self.tm.push(0);
        if morph.len() == n {
            self.tm.extend_from_slice(morph);
        } else {
            self.tm.resize(n + 1, 0);
        }
        self.tm.push(0);
    }

    fn root(&self) -> u32 {
        self.n as u32 + 1
    }

    fn terminal(&self) -> bool {
        self.stack.is_empty() && self.b == self.root()
    }

    fn legal(&self, a: usize) -> bool {
        match a {
            SHIFT => self.b < self.root(),
            LEFT => !self.stack.is_empty() && (self.b < self.root() || self.stack.len() == 1),
            _ => self.stack.len() >= 2,
        }
    }

    fn s(&self, i: usize) -> u32 {
        let l = self.stack.len();
        if i < l { self.stack[l - 1 - i] } else { 0 }
    }

    /// Head and dependent of the arc transition `a` would make.
    fn arc(&self, a: usize) -> (u32, u32) {
        if a == LEFT {
            (self.b, self.s(0))
        } else {
            (self.s(1), self.s(0))
        }
    }

    fn apply(&mut self, a: usize, label: u16) {
        if a == SHIFT {
            self.stack.push(self.b);
            self.b += 1;
            return;
        }
        let (h, d) = self.arc(a);
        self.stack.pop();
        self.add_arc(h, d, label);
    }

    fn add_arc(&mut self, h: u32, d: u32, l: u16) {
        let (hu, du) = (h as usize, d as usize);
        self.head[du] = h;
        self.label[du] = l;
        let bit = 1u64 << (l % 64);
        if d < h {
            self.nl[hu] = self.nl[hu].saturating_add(1);
            self.lset[hu] |= bit;
            let c = &mut self.lc[hu];
            if c[0] == 0 || d < c[0] {
                *c = [d, c[0]];
            } else if c[1] == 0 || d < c[1] {
                c[1] = d;
            }
        } else {
            self.nr[hu] = self.nr[hu].saturating_add(1);
            self.rset[hu] |= bit;
            let c = &mut self.rc[hu];
            if c[0] == 0 || d > c[0] {
                *c = [d, c[0]];
            } else if c[1] == 0 || d > c[1] {
                c[1] = d;
            }
        }
    }

    #[inline]
    fn lab(&self, p: u32) -> u64 {
        let p = p as usize;
        if p != 0 && self.head[p] != 0 {
            u64::from(self.label[p]) + 1
        } else {
            0
        }
    }

    /// Transition features of the current state into `self.feats`.
    fn trans_features(&mut self) {
        let (s0, s1, s2, b0) = (self.s(0), self.s(1), self.s(2), self.b);
        let r = self.root();
        let b1 = if b0 < r { b0 + 1 } else { 0 };
        let b2 = if b1 != 0 && b1 < r { b1 + 1 } else { 0 };
        let b3 = if b2 != 0 && b2 < r { b2 + 1 } else { 0 };
        let (s0l, s0l2, s0r, s0r2) = (
            self.lc[s0 as usize][0],
            self.lc[s0 as usize][1],
            self.rc[s0 as usize][0],
            self.rc[s0 as usize][1],
        );
        let (s1l, s1r) = (self.lc[s1 as usize][0], self.rc[s1 as usize][0]);
        let (b0l, b0l2) = (self.lc[b0 as usize][0], self.lc[b0 as usize][1]);
        let w = |p: u32| self.tw[p as usize];
        let t = |p: u32| self.tt[p as usize];
        let mo = |p: u32| self.tm[p as usize];
        let dist = if s0 == 0 {
            0
        } else {
            u64::from((b0 - s0).min(10))
        };
        let dist1 = if s1 == 0 {
            0
        } else {
            u64::from((s0 - s1).min(10))
        };
        let (s0vl, s0vr, b0vl, s1vr) = (
            u64::from(self.nl[s0 as usize].min(6)),
            u64::from(self.nr[s0 as usize].min(6)),
            u64::from(self.nl[b0 as usize].min(6)),
            u64::from(self.nr[s1 as usize].min(6)),
        );
        let (s0wt, s1wt, b0wt, b1wt) = (
            f1(w(s0), t(s0)),
            f1(w(s1), t(s1)),
            f1(w(b0), t(b0)),
            f1(w(b1), t(b1)),
        );
        let mut f = std::mem::take(&mut self.feats);
        f.clear();
        f.extend([
            f1(1, w(s0)),
            f1(2, t(s0)),
            f1(3, s0wt),
            f1(4, w(s1)),
            f1(5, t(s1)),
            f1(6, s1wt),
            f1(7, w(b0)),
            f1(8, t(b0)),
            f1(9, b0wt),
            f1(10, w(b1)),
            f1(11, t(b1)),
            f1(12, b1wt),
            f1(13, w(b2)),
            f1(14, t(b2)),
            f1(15, t(s2)),
            f1(16, w(s2)),
            f2(23, s0wt, t(b0)),
            f2(26, t(s0), t(b0)),
            f2(27, t(b0), t(b1)),
            f2(30, t(s1), t(s0)),
            f2(31, t(s1), t(b0)),
            f2(33, s1wt, t(s0)),
            f2(34, t(s1), s0wt),
            f3(40, t(b0), t(b1), t(b2)),
            f3(41, t(s0), t(b0), t(b1)),
            f3(42, t(s1), t(s0), t(b0)),
            f3(43, t(s2), t(s1), t(s0)),
            f3(44, t(s0), t(s0l), t(b0)),
            f3(45, t(s0), t(s0r), t(b0)),
            f3(46, t(s0), t(b0), t(b0l)),
            f3(47, t(s1), t(s0), t(s0l)),
            f3(48, t(s1), t(s0), t(s0r)),
            f3(49, t(s1), t(s1r), t(s0)),
            f3(50, t(s1), t(s1l), t(s0)),
            f3(51, t(s0), t(s0l), t(s0l2)),
            f3(52, t(s0), t(s0r), t(s0r2)),
            f3(53, t(b0), t(b0l), t(b0l2)),
            f2(60, w(s0), dist),
            f2(61, t(s0), dist),
            f2(62, w(b0), dist),
            f2(63, t(b0), dist),
            f3(65, t(s0), t(b0), dist),
            f3(66, t(s1), t(s0), dist1),
            f2(70, w(s0), s0vr),
            f2(71, t(s0), s0vr),
            f2(72, w(s0), s0vl),
            f2(73, t(s0), s0vl),
            f2(74, w(b0), b0vl),
            f2(75, t(b0), b0vl),
            f2(76, t(s1), s1vr),
            f1(80, w(s0l)),
            f1(81, t(s0l)),
            f1(82, self.lab(s0l)),
            f1(83, w(s0r)),
            f1(84, t(s0r)),
            f1(85, self.lab(s0r)),
            f1(86, w(b0l)),
            f1(87, t(b0l)),
            f1(88, self.lab(b0l)),
            f1(89, t(s0l2)),
            f1(90, self.lab(s0l2)),
            f1(91, t(s0r2)),
            f1(92, self.lab(s0r2)),
            f1(93, t(b0l2)),
            f1(94, self.lab(b0l2)),
            f1(95, self.lab(s1r)),
            f2(100, t(s0), self.lset[s0 as usize]),
            f2(101, t(s0), self.rset[s0 as usize]),
            f2(102, t(b0), self.lset[b0 as usize]),
            f2(103, w(s0), self.rset[s0 as usize]),
            f2(104, w(b0), self.lset[b0 as usize]),
            f3(105, t(s0), self.lab(s0r), t(b0)),
            f1(110, mo(s0)),
            f1(111, mo(b0)),
            f2(112, mo(s0), mo(b0)),
            f2(113, mo(s1), mo(s0)),
            f3(114, t(s0), mo(b0), t(b0)),
            f2(115, mo(b0), t(b1)),
            f3(120, t(b1), t(b2), t(b3)),
            f2(121, w(s0), t(b1)),
            f2(122, w(b0), t(b1)),
            f2(124, w(b0), w(b1)),
            f3(125, t(s0), w(b0), t(b1)),
            f2(126, w(s0l), t(s0)),
            f2(127, w(s0r), t(s0)),
            f2(128, w(b0l), t(b0)),
            f3(129, t(s0), t(s0l), t(s0r)),
            f3(130, t(s1), t(s0), t(b1)),
        ]);
        self.feats = f;
    }

    /// Label features of the arc transition `a` would make.
    fn label_features(&mut self, a: usize) {
        let (h, d) = self.arc(a);
        // Every template is conjoined with the direction (its id + 1000 × a).
        let d0 = 1000 * a as u64;
        let w = |p: u32| self.tw[p as usize];
        let t = |p: u32| self.tt[p as usize];
        let mo = |p: u32| self.tm[p as usize];
        let dist = u64::from(h.abs_diff(d).min(10));
        let (dl, dr) = (self.lc[d as usize][0], self.rc[d as usize][0]);
        let (hl, hr) = (self.lc[h as usize][0], self.rc[h as usize][0]);
        let other = if a == LEFT { self.s(1) } else { self.b };
        let (dwt, hwt) = (f1(w(d), t(d)), f1(w(h), t(h)));
        let mut f = std::mem::take(&mut self.feats);
        f.clear();
        f.extend([
            f1(d0 + 300, 0),
            f1(d0 + 301, w(d)),
            f1(d0 + 302, t(d)),
            f1(d0 + 303, dwt),
            f1(d0 + 304, w(h)),
            f1(d0 + 305, t(h)),
            f1(d0 + 306, hwt),
            f2(d0 + 307, t(h), t(d)),
            f1(d0 + 312, dist),
            f3(d0 + 313, t(h), t(d), dist),
            f2(d0 + 314, t(d), self.lab(dl)),
            f2(d0 + 315, t(d), self.lab(dr)),
            f2(d0 + 316, t(d), self.lset[d as usize]),
            f2(d0 + 317, t(d), self.rset[d as usize]),
            f2(d0 + 318, t(h), self.lset[h as usize]),
            f2(d0 + 319, t(h), self.rset[h as usize]),
            f3(d0 + 320, t(d), t(dl), t(dr)),
            f3(d0 + 321, t(h), t(hl), t(hr)),
            f3(d0 + 322, t(h), t(d), t(other)),
            f2(d0 + 323, w(d), t(dl)),
            f3(d0 + 324, t(h), t(d), t(d + 1)),
            f3(d0 + 325, t(h), t(d), t(d.saturating_sub(1))),
            f1(d0 + 330, mo(d)),
            f1(d0 + 331, mo(h)),
            f2(d0 + 332, mo(d), t(h)),
            f2(d0 + 333, mo(h), t(d)),
        ]);
        self.feats = f;
    }

    /// Dynamic-oracle costs of the three transitions (gold heads: `gold[d]`,
    /// root as `n + 1`). Illegal transitions cost `u32::MAX`.
    fn costs(&self, gold: &[u32]) -> [u32; 3] {
        let (s0, s1, b) = (self.s(0), self.s(1), self.b);
        let n = self.n as u32;
        let mut c = [u32::MAX; 3];
        if self.legal(SHIFT) {
            let gh = gold[b as usize];
            let mut k = u32::from(gh < b && gh != 0 && gh != s0 && self.head[gh as usize] == 0);
            k += self
                .stack
                .iter()
                .filter(|&&d| gold[d as usize] == b)
                .count() as u32;
            c[SHIFT] = k;
        }
        if !self.stack.is_empty() {
            let kids = (b..=n).filter(|&d| gold[d as usize] == s0).count() as u32;
            let gh = gold[s0 as usize];
            if self.legal(LEFT) {
                c[LEFT] = kids + u32::from(gh != b && (gh > b || (gh == s1 && s1 != 0)));
            }
            if self.legal(RIGHT) {
                c[RIGHT] = kids + u32::from(gh >= b);
            }
        }
        c
    }
}

/// What the parser did with a sentence.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ParseOutcome {
    /// True when the sentence was over the length cap and got a flat tree.
    pub fell_back: bool,
}

/// The trained parser of one language.
#[derive(Clone, Debug)]
pub struct Parser {
    pub deprels: LabelSet,
    trans: Weights,
    labels: Weights,
    root: u16,
    dep: u16,
    /// Longest sentence parsed; longer ones get the flat fallback.
    pub max_words: u32,
}

impl Parser {
    /// Parses one sentence: `w` word hashes, `t` UPOS ids, `m` hashes of the
    /// predicted morphological features (or empty), `verb` the UPOS id of
    /// verbs (for the fallback). Writes 1-based heads (0 = root) and
    /// relation ids.
    #[allow(clippy::too_many_arguments)]
    pub fn parse(
        &self,
        w: &[u64],
        t: &[u16],
        m: &[u64],
        verb: Option<u16>,
        heads: &mut Vec<u32>,
        rels: &mut Vec<u16>,
        st: &mut ParseState,
    ) -> ParseOutcome {
        heads.clear();
        rels.clear();
        if w.len() > self.max_words as usize {
            self.flat(t, verb, heads, rels);
            return ParseOutcome { fell_back: true };
        }
        st.init(w, t, m);
        while !st.terminal() {
            let a = self.best_transition(st);
            let label = self.best_label(st, a);
            st.apply(a, label);
        }
        let root = st.root();
        for d in 1..=w.len() {
            let h = st.head[d];
            heads.push(if h == root { 0 } else { h });
            rels.push(st.label[d]);
        }
        ParseOutcome { fell_back: false }
    }

    /// The best legal transition; a forced move (one legal transition) is
    /// taken without scoring.
    fn best_transition(&self, st: &mut ParseState) -> usize {
        let mut legal = [SHIFT, LEFT, RIGHT].into_iter().filter(|&a| st.legal(a));
        if let (Some(a), None) = (legal.next(), legal.next()) {
            return a;
        }
        st.trans_features();
        st.scores.resize(3, 0.0);
        self.trans.scores(&st.feats, &mut st.scores);
        let legal = [SHIFT, LEFT, RIGHT].into_iter().filter(|&a| st.legal(a));
        argmax_f(&st.scores, legal).unwrap_or(SHIFT)
    }

    fn best_label(&self, st: &mut ParseState, a: usize) -> u16 {
        if a == SHIFT {
            return 0;
        }
        if st.arc(a).0 == st.root() {
            return self.root;
        }
        st.label_features(a);
        st.scores.resize(self.deprels.len(), 0.0);
        self.labels.scores(&st.feats, &mut st.scores);
        let root = usize::from(self.root);
        argmax_f(&st.scores, (0..self.deprels.len()).filter(|&l| l != root)).unwrap_or(0) as u16
    }

    fn flat(&self, t: &[u16], verb: Option<u16>, heads: &mut Vec<u32>, rels: &mut Vec<u16>) {
        let top = verb
            .and_then(|v| t.iter().position(|&x| x == v))
            .unwrap_or(0) as u32
            + 1;
        for d in 1..=t.len() as u32 {
            heads.push(if d == top { 0 } else { top });
            rels.push(if d == top { self.root } else { self.dep });
        }
    }

    /// (transition rows, label rows, bytes of both tables).
    pub fn sizes(&self) -> (usize, usize, usize) {
        (
            self.trans.rows(),
            self.labels.rows(),
            self.trans.bytes() + self.labels.bytes(),
        )
    }

    pub(crate) fn write(&self, w: &mut Writer) {
        self.deprels.write(w);
        w.u32(self.max_words);
        self.trans.write(w);
        self.labels.write(w);
    }

    pub(crate) fn read(r: &mut Reader) -> Result<Self, ModelError> {
        let deprels = LabelSet::read(r)?;
        let max_words = r.u32()?;
        let trans = Weights::read(r)?;
        let labels = Weights::read(r)?;
        let (Some(root), Some(dep)) = (deprels.id("root"), deprels.id("dep")) else {
            return Err(ModelError::Corrupt("relation table lacks root or dep"));
        };
        if trans.classes() != 3 || labels.classes() != deprels.len() {
            return Err(ModelError::Corrupt("parser shapes"));
        }
        Ok(Parser {
            deprels,
            trans,
            labels,
            root,
            dep,
            max_words,
        })
    }
}

/// One training word for the parser.
#[derive(Clone, Copy, Debug)]
pub struct ParseItem {
    pub w: u64,
    pub t: u16,
    /// Hash of the predicted morphological features.
    pub m: u64,
    pub head: u32,
    pub rel: u16,
}

/// Parser training settings.
#[derive(Clone, Debug)]
pub struct ParseSettings {
    pub epochs: usize,
    /// First epoch (1-based) that follows the model's own (wrong) transitions.
    pub explore_from: usize,
    /// Probability (percent) of following the model's transition when exploring.
    pub explore_percent: u64,
    /// Rows kept by pruning (only for indexed tables: kernel `log2` 0).
    pub max_trans_rows: usize,
    /// When not 0, the transition table is a hash kernel of `2^log2`
    /// buckets (4 bytes each; `max_trans_rows` unused).
    pub trans_kernel_log2: u32,
    pub max_label_rows: usize,
    /// When not 0, the relation table is a hash kernel of `2^log2` rows.
    pub label_kernel_log2: u32,
    /// Bits per stored weight (8 or 16) of each table.
    pub trans_bits: u32,
    pub label_bits: u32,
    pub max_words: u32,
    pub seed: u64,
}

struct ParseTrainer {
    trans: Trainer,
    labels: Trainer,
    root: u16,
    explore_percent: u64,
    scores: Vec<f32>,
    gold: Vec<u32>,
    glab: Vec<u16>,
    rng: Rng,
}

impl ParseTrainer {
    fn sentence(&mut self, sent: &[ParseItem], explore: bool, st: &mut ParseState) {
        let w: Vec<u64> = sent.iter().map(|x| x.w).collect();
        let t: Vec<u16> = sent.iter().map(|x| x.t).collect();
        let m: Vec<u64> = sent.iter().map(|x| x.m).collect();
        st.init(&w, &t, &m);
        let root = st.root();
        self.gold.clear();
        self.gold.push(0);
        self.gold
            .extend(sent.iter().map(|x| if x.head == 0 { root } else { x.head }));
        self.glab.clear();
        self.glab.push(0);
        self.glab.extend(sent.iter().map(|x| x.rel));
        while !st.terminal() {
            let a = self.step(st, explore);
            let label = self.label(st, a);
            st.apply(a, label);
        }
    }

    fn step(&mut self, st: &mut ParseState, explore: bool) -> usize {
        st.trans_features();
        self.scores.resize(3, 0.0);
        self.trans.scores(&st.feats, &mut self.scores);
        let costs = st.costs(&self.gold);
        let min = costs.iter().copied().min().unwrap_or(0);
        let legal = [SHIFT, LEFT, RIGHT]
            .into_iter()
            .filter(|&a| costs[a] != u32::MAX);
        let pred = argmax_f(&self.scores, legal).unwrap_or(SHIFT);
        let good = [SHIFT, LEFT, RIGHT]
            .into_iter()
            .filter(|&a| costs[a] == min);
        let best = argmax_f(&self.scores, good).unwrap_or(SHIFT);
        self.trans.learn(&st.feats, best, pred);
        self.trans.tick();
        if explore && (self.rng.below(100) as u64) < self.explore_percent {
            pred
        } else {
            best
        }
    }

    fn label(&mut self, st: &mut ParseState, a: usize) -> u16 {
        if a == SHIFT {
            return 0;
        }
        let (h, d) = st.arc(a);
        if h == st.root() {
            return self.root;
        }
        st.label_features(a);
        let n = self.labels.classes();
        self.scores.resize(n, 0.0);
        self.labels.scores(&st.feats, &mut self.scores);
        let root = usize::from(self.root);
        let pred = argmax_f(&self.scores, (0..n).filter(|&l| l != root)).unwrap_or(0);
        if self.gold[d as usize] != h {
            return pred as u16;
        }
        let g = self.glab[d as usize];
        self.labels.learn(&st.feats, usize::from(g), pred);
        self.labels.tick();
        g
    }
}

/// Attachment scores of a parser on sentences with gold heads: (UAS, LAS).
pub fn evaluate(p: &Parser, dev: &[Vec<ParseItem>], verb: Option<u16>) -> (f64, f64) {
    let (mut n, mut uas, mut las) = (0usize, 0usize, 0usize);
    let mut st = ParseState::default();
    let (mut heads, mut rels) = (Vec::new(), Vec::new());
    for sent in dev {
        let w: Vec<u64> = sent.iter().map(|x| x.w).collect();
        let t: Vec<u16> = sent.iter().map(|x| x.t).collect();
        let m: Vec<u64> = sent.iter().map(|x| x.m).collect();
        p.parse(&w, &t, &m, verb, &mut heads, &mut rels, &mut st);
        for (i, g) in sent.iter().enumerate() {
            n += 1;
            if heads[i] == g.head {
                uas += 1;
                las += usize::from(rels[i] == g.rel);
            }
        }
    }
    let n = n.max(1) as f64;
    (uas as f64 / n, las as f64 / n)
}

/// A trainer, hashed into `2^log2` buckets when `log2` is not 0.
pub(crate) fn kernel(ncls: usize, log2: u32) -> Trainer {
    if log2 > 0 {
        Trainer::hashed(ncls, log2)
    } else {
        Trainer::new(ncls)
    }
}

/// The run-time transition table (`max_trans_rows / div` rows when pruned).
fn trans_table(t: &Trainer, st: &ParseSettings, div: usize) -> Weights {
    if st.trans_kernel_log2 > 0 {
        t.average_dense()
    } else {
        t.average(st.max_trans_rows / div, st.trans_bits)
    }
}

/// For each feature position (template) of the transition and relation
/// features, how many dev decisions change when its weights are left out.
fn ablate(p: &Parser, dev: &[Vec<ParseItem>], log: &mut dyn FnMut(String)) {
    let mut st = ParseState::default();
    let (mut tf, mut lf) = (vec![0usize; 256], vec![0usize; 256]);
    let (mut tk, mut lk) = (0, 0);
    let (mut tn, mut ln) = (0usize, 0usize);
    let mut one = vec![0f32; p.deprels.len()];
    for sent in dev {
        let w: Vec<u64> = sent.iter().map(|x| x.w).collect();
        let t: Vec<u16> = sent.iter().map(|x| x.t).collect();
        let m: Vec<u64> = sent.iter().map(|x| x.m).collect();
        st.init(&w, &t, &m);
        while !st.terminal() {
            let legal: Vec<usize> = [SHIFT, LEFT, RIGHT]
                .into_iter()
                .filter(|&a| st.legal(a))
                .collect();
            let a = p.best_transition(&mut st);
            if legal.len() > 1 {
                tn += 1;
                let feats = st.feats.clone();
                tk = feats.len();
                let mut full = vec![0f32; 3];
                p.trans.scores(&feats, &mut full);
                for (k, &f) in feats.iter().enumerate() {
                    let mut c = vec![0f32; 3];
                    p.trans.scores(&[f], &mut c);
                    let s: Vec<f32> = full.iter().zip(&c).map(|(x, y)| x - y).collect();
                    if argmax_f(&s, legal.iter().copied()) != Some(a) {
                        tf[k] += 1;
                    }
                }
            }
            let label = p.best_label(&mut st, a);
            if a != SHIFT && st.arc(a).0 != st.root() {
                ln += 1;
                let feats = st.feats.clone();
                lk = feats.len();
                let n = p.deprels.len();
                let mut full = vec![0f32; n];
                p.labels.scores(&feats, &mut full);
                let root = usize::from(p.root);
                for (k, &f) in feats.iter().enumerate() {
                    p.labels.scores(&[f], &mut one);
                    let s: Vec<f32> = full.iter().zip(&one).map(|(x, y)| x - y).collect();
                    if argmax_f(&s, (0..n).filter(|&l| l != root)) != Some(usize::from(label)) {
                        lf[k] += 1;
                    }
                }
            }
            st.apply(a, label);
        }
    }
    log(format!(
        "ablate: {tn} transition decisions, {ln} relation decisions"
    ));
    log(format!("ablate trans: {:?}", &tf[..tk.min(256)]));
    log(format!("ablate labels: {:?}", &lf[..lk.min(256)]));
}

/// Trains a parser; keeps the epoch with the best dev LAS (the last epoch
/// when `dev` is empty).
pub fn train(
    data: &[Vec<ParseItem>],
    dev: &[Vec<ParseItem>],
    deprels: LabelSet,
    verb: Option<u16>,
    st: &ParseSettings,
    log: &mut dyn FnMut(String),
) -> Result<(Parser, usize), ModelError> {
    let (Some(root), Some(dep)) = (deprels.id("root"), deprels.id("dep")) else {
        return Err(ModelError::Corrupt("relation table lacks root or dep"));
    };
    let nl = deprels.len();
    let mut pt = ParseTrainer {
        trans: if st.trans_kernel_log2 > 0 {
            Trainer::hashed(3, st.trans_kernel_log2)
        } else {
            Trainer::new(3)
        },
        labels: kernel(nl, st.label_kernel_log2),
        root,
        explore_percent: st.explore_percent,
        scores: Vec::new(),
        gold: Vec::new(),
        glab: Vec::new(),
        rng: Rng::new(st.seed ^ 0x5a5a),
    };
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = Rng::new(st.seed);
    let mut state = ParseState::default();
    let mut best: Option<(f64, usize, Parser)> = None;
    for epoch in 1..=st.epochs {
        rng.shuffle(&mut order);
        for &i in &order {
            pt.sentence(&data[i], epoch >= st.explore_from, &mut state);
        }
        if dev.is_empty() && epoch < st.epochs {
            continue;
        }
        let p = Parser {
            deprels: deprels.clone(),
            trans: trans_table(&pt.trans, st, 1),
            labels: pt.labels.average(st.max_label_rows, st.label_bits),
            root,
            dep,
            max_words: st.max_words,
        };
        let (uas, las) = if dev.is_empty() {
            (0.0, 0.0)
        } else {
            evaluate(&p, dev, verb)
        };
        log(format!(
            "parser epoch {epoch}: dev UAS {uas:.4} LAS {las:.4} ({} + {} rows)",
            pt.trans.rows(),
            pt.labels.rows()
        ));
        if best.as_ref().is_none_or(|b| las > b.0) {
            best = Some((las, epoch, p));
        }
    }
    if std::env::var_os("VIGIE_SYNTAX_SWEEP").is_some() {
        for (dt, dl) in [(2, 1), (4, 1), (8, 1), (1, 2), (1, 4), (1, 8)] {
            let p = Parser {
                deprels: deprels.clone(),
                trans: trans_table(&pt.trans, st, dt),
                labels: pt.labels.average(st.max_label_rows / dl, st.label_bits),
                root,
                dep,
                max_words: st.max_words,
            };
            let (uas, las) = evaluate(&p, dev, verb);
            log(format!(
                "sweep: {:?} bytes: dev UAS {uas:.4} LAS {las:.4}",
                p.sizes()
            ));
        }
    }
    if std::env::var_os("VIGIE_SYNTAX_ABLATE").is_some()
        && let Some((_, _, p)) = &best
    {
        ablate(p, dev, log);
    }
    best.map(|(_, e, p)| (p, e))
        .ok_or(ModelError::Corrupt("no training epoch"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toy() -> (Vec<Vec<ParseItem>>, LabelSet) {
        let rels = LabelSet::from_names(["dep", "root", "nsubj", "obj", "det"]);
        let id = |s: &str| rels.id(s).unwrap_or(0);
        // the(1) dog(2) bites(3) a(4) man(5)
        let s = vec![
            ParseItem {
                w: 1,
                m: 0,
                t: 0,
                head: 2,
                rel: id("det"),
            },
            ParseItem {
                w: 2,
                m: 0,
                t: 1,
                head: 3,
                rel: id("nsubj"),
            },
            ParseItem {
                w: 3,
                m: 0,
                t: 2,
                head: 0,
                rel: id("root"),
            },
            ParseItem {
                w: 4,
                m: 0,
                t: 0,
                head: 5,
                rel: id("det"),
            },
            ParseItem {
                w: 5,
                m: 0,
                t: 1,
                head: 3,
                rel: id("obj"),
            },
        ];
        (vec![s; 3], rels)
    }

    fn settings() -> ParseSettings {
        ParseSettings {
            epochs: 5,
            explore_from: 2,
            explore_percent: 90,
            max_trans_rows: 1000,
            trans_kernel_log2: 0,
            max_label_rows: 1000,
            label_kernel_log2: 0,
            trans_bits: 16,
            label_bits: 8,
            max_words: 4,
            seed: 1,
        }
    }

    #[test]
    fn learns_a_toy_tree_and_falls_back_on_long_sentences() {
        let (data, rels) = toy();
        let mut st = settings();
        st.max_words = 10;
        let (p, _) = train(&data, &data, rels, Some(2), &st, &mut |_| {}).unwrap();
        assert_eq!(evaluate(&p, &data, Some(2)), (1.0, 1.0));
        let mut p = p;
        p.max_words = 4;
        let (mut h, mut r, mut s) = (Vec::new(), Vec::new(), ParseState::default());
        let out = p.parse(
            &[1, 2, 3, 4, 5],
            &[0, 1, 2, 0, 1],
            &[],
            Some(2),
            &mut h,
            &mut r,
            &mut s,
        );
        assert!(out.fell_back);
        assert_eq!(h, [3, 3, 0, 3, 3]);
    }

    #[test]
    fn always_one_tree_with_one_root() {
        let (data, rels) = toy();
        let (p, _) = train(&data, &[], rels, None, &settings(), &mut |_| {}).unwrap();
        let (mut h, mut r, mut s) = (Vec::new(), Vec::new(), ParseState::default());
        for n in 0..4usize {
            let w: Vec<u64> = (0..n as u64).map(|x| x * 7 + 3).collect();
            let t: Vec<u16> = (0..n as u16).map(|x| x % 3).collect();
            p.parse(&w, &t, &[], None, &mut h, &mut r, &mut s);
            assert_eq!(h.len(), n);
            assert_eq!(h.iter().filter(|&&x| x == 0).count(), usize::from(n > 0));
            for d in 0..n {
                let (mut x, mut steps) = (d as u32 + 1, 0);
                while x != 0 && steps <= n {
                    x = h[x as usize - 1];
                    steps += 1;
                }
                assert_eq!(x, 0, "word {d} does not reach the root");
            }
        }
    }
}
