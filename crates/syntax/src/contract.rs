//! Ambiguous contractions: surface forms that a treebank writes sometimes as
//! a multiword token (French `des` = `de` + `les`) and sometimes as one word
//! (the determiner `des`). A tokenizer cannot decide them; this classifier
//! does, from the words around.
//!
//! Contract: the forms and their parts are learned from the training
//! treebank (a lowercased form seen at least `MIN_EACH` times as a range
//! line and as many times as a plain word; its parts are the most frequent
//! lowercased expansion), nothing is written in code. One averaged
//! perceptron (two classes: keep, split) over hashed context features
//! conjoined with the form. Deterministic; [`Contractions::split`] never
//! fails and marks only forms of the table.

use std::collections::BTreeMap;

use crate::ModelError;
use crate::conllu::{Line, Sentence};
use crate::hash::{Rng, f1, f2, f3};
use crate::io::{Reader, Writer};
use crate::linear::{Trainer, Weights, argmax_f};
use crate::tagger::{Lex, Tagger};

/// Least number of times a form must be seen both as a multiword token and
/// as a word to be learned as ambiguous.
pub const MIN_EACH: usize = 10;

/// One ambiguous form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Lowercased surface form.
    pub form: String,
    /// Its parts when split (lowercased).
    pub parts: Vec<String>,
    /// The parts with the first one capitalized (for a capitalized form).
    pub cap_parts: Vec<String>,
}

/// The learned table of ambiguous contractions and their classifier.
#[derive(Clone, Debug, Default)]
pub struct Contractions {
    /// Sorted by form.
    pub entries: Vec<Entry>,
    weights: Option<Weights>,
}

/// Reusable buffers.
#[derive(Clone, Debug, Default)]
pub struct SplitScratch {
    lex: Vec<Lex>,
    lower: String,
    amb: Vec<u64>,
    feats: Vec<u64>,
}

fn capitalized(parts: &[String]) -> Vec<String> {
    let mut out = parts.to_vec();
    if let Some(first) = out.first_mut() {
        let mut c = first.chars();
        if let Some(h) = c.next() {
            *first = h.to_uppercase().chain(c).collect();
        }
    }
    out
}

fn lowercase(s: &str) -> String {
    s.chars().flat_map(char::to_lowercase).collect()
}

/// The first and last word IDs and the form of a multiword-token range
/// line (`3-4<TAB>des<TAB>…`; the reader has checked its ID).
fn range_line(raw: &str) -> Option<(u32, u32, &str)> {
    let mut cols = raw.split('\t');
    let (id, form) = (cols.next()?, cols.next()?);
    let (a, b) = id.split_once('-')?;
    Some((a.parse().ok()?, b.parse().ok()?, form))
}

/// A training sentence as run-time words: multiword tokens of ambiguous
/// forms as one word (label: split), other multiword tokens as their parts.
fn surface(s: &Sentence, forms: &[String]) -> (Vec<String>, Vec<Option<bool>>) {
    let (mut words, mut labels) = (Vec::new(), Vec::new());
    let mut skip_to = 0u32;
    for l in &s.lines {
        match l {
            Line::Range(raw) => {
                let Some((_, end, form)) = range_line(raw) else {
                    continue;
                };
                if forms.binary_search(&lowercase(form)).is_ok() {
                    words.push(form.to_string());
                    labels.push(Some(true));
                    skip_to = end;
                }
            }
            Line::Word(w) if w.id > skip_to => {
                let known = forms.binary_search(&lowercase(&w.form)).is_ok();
                words.push(w.form.clone());
                labels.push(known.then_some(false));
            }
            _ => {}
        }
    }
    (words, labels)
}

impl Contractions {
    /// The entry of `form` (any case), if it is ambiguous. No allocation
    /// for ASCII forms (the table has a handful of entries).
    pub fn entry(&self, form: &str) -> Option<&Entry> {
        if self.entries.is_empty() || form.len() > 16 {
            return None;
        }
        if form.is_ascii() {
            return self
                .entries
                .iter()
                .find(|e| e.form.len() == form.len() && e.form.eq_ignore_ascii_case(form));
        }
        let lower = lowercase(form);
        self.entries.iter().find(|e| e.form == lower)
    }

    /// The parts of `form` when split (first part capitalized when the form
    /// is), or `None` when the form is not an ambiguous contraction.
    pub fn parts(&self, form: &str) -> Option<&[String]> {
        let e = self.entry(form)?;
        Some(if form.chars().next().is_some_and(char::is_uppercase) {
            &e.cap_parts
        } else {
            &e.parts
        })
    }

    fn features(&self, s: &SplitScratch, i: usize, out: &mut Vec<u64>) {
        out.clear();
        let at = |k: isize| -> &Lex { &s.lex[(i as isize + 2 + k) as usize] };
        let amb = |k: isize| -> u64 { s.amb[(i as isize + 2 + k) as usize] };
        let me = at(0).w;
        let (p1, p2, n1, n2) = (at(-1), at(-2), at(1), at(2));
        out.extend([
            f1(1, 0),
            f1(2, p1.w),
            f1(3, p2.w),
            f1(4, n1.w),
            f1(5, n2.w),
            f2(6, p1.w, n1.w),
            f2(7, p2.w, p1.w),
            f1(8, p1.suf[1]),
            f1(9, p1.suf[2]),
            f1(10, n1.suf[1]),
            f1(11, n1.suf[2]),
            f1(12, amb(-1)),
            f1(13, amb(-2)),
            f1(14, amb(1)),
            f2(15, amb(-1), amb(1)),
            f1(16, at(0).flags & 1),
            f1(17, p1.shape),
            f3(18, amb(-2), amb(-1), amb(1)),
            f2(19, p1.w, amb(1)),
        ]);
        for f in out.iter_mut() {
            *f = f2(99, me, *f);
        }
    }

    fn prepare(&self, tagger: &Tagger, words: &[&str], s: &mut SplitScratch) {
        crate::tagger::lexify(words, &mut s.lex, &mut s.lower);
        s.amb.clear();
        s.amb.extend(s.lex.iter().map(|l| tagger.amb_class(l)));
    }

    /// Sets `out[i]` to true for each word of `words` that is an ambiguous
    /// contraction the classifier splits (see [`Contractions::parts`]).
    pub fn split(
        &self,
        tagger: &Tagger,
        words: &[&str],
        out: &mut Vec<bool>,
        s: &mut SplitScratch,
    ) {
        out.clear();
        out.resize(words.len(), false);
        let Some(w) = &self.weights else { return };
        if !words.iter().any(|w| self.entry(w).is_some()) {
            return;
        }
        self.prepare(tagger, words, s);
        let mut feats = std::mem::take(&mut s.feats);
        let mut scores = [0f32; 2];
        for (i, word) in words.iter().enumerate() {
            if self.entry(word).is_none() {
                continue;
            }
            self.features(s, i, &mut feats);
            w.scores(&feats, &mut scores);
            out[i] = argmax_f(&scores, 0..2) == Some(1);
        }
        s.feats = feats;
    }

    /// Learns the table and the classifier; returns it with one report line
    /// per epoch (`dev` accuracy against the majority label). The epoch
    /// with the best dev accuracy is kept (the last one without dev data).
    pub fn train(
        tagger: &Tagger,
        train: &[Sentence],
        dev: &[Sentence],
        epochs: usize,
        seed: u64,
        log: &mut dyn FnMut(String),
    ) -> Contractions {
        let mut ranges: BTreeMap<String, BTreeMap<Vec<String>, usize>> = BTreeMap::new();
        let mut plain: BTreeMap<String, usize> = BTreeMap::new();
        for s in train {
            let words: Vec<&crate::conllu::Word> = s.words().collect();
            let mut skip_to = 0u32;
            for l in &s.lines {
                match l {
                    Line::Range(raw) => {
                        let Some((a, b, form)) = range_line(raw) else {
                            continue;
                        };
                        let parts: Vec<String> = words
                            .iter()
                            .filter(|w| w.id >= a && w.id <= b)
                            .map(|w| lowercase(&w.form))
                            .collect();
                        *ranges
                            .entry(lowercase(form))
                            .or_default()
                            .entry(parts)
                            .or_default() += 1;
                        skip_to = b;
                    }
                    Line::Word(w) if w.id > skip_to => {
                        *plain.entry(lowercase(&w.form)).or_default() += 1;
                    }
                    _ => {}
                }
            }
        }
        let mut entries = Vec::new();
        for (form, exp) in &ranges {
            let n_split: usize = exp.values().sum();
            let n_word = plain.get(form).copied().unwrap_or(0);
            if n_split < MIN_EACH || n_word < MIN_EACH {
                continue;
            }
            // most frequent expansion, ties by order
            let mut best: Option<(&Vec<String>, usize)> = None;
            for (p, &c) in exp {
                if best.is_none_or(|b| c > b.1) {
                    best = Some((p, c));
                }
            }
            let Some((parts, _)) = best else { continue };
            entries.push(Entry {
                form: form.clone(),
                parts: parts.clone(),
                cap_parts: capitalized(parts),
            });
        }
        let mut model = Contractions {
            entries,
            weights: None,
        };
        if model.entries.is_empty() {
            return model;
        }
        let forms: Vec<String> = model.entries.iter().map(|e| e.form.clone()).collect();
        for e in &model.entries {
            log(format!(
                "contraction {:?} = {:?} ({} split, {} word)",
                e.form,
                e.parts,
                ranges[&e.form].values().sum::<usize>(),
                plain.get(&e.form).copied().unwrap_or(0)
            ));
        }
        let examples = |sents: &[Sentence]| -> Vec<(Vec<String>, Vec<Option<bool>>)> {
            sents
                .iter()
                .map(|s| surface(s, &forms))
                .filter(|(_, l)| l.iter().any(Option::is_some))
                .collect()
        };
        let (tr, dv) = (examples(train), examples(dev));
        let mut t = Trainer::new(2);
        let mut s = SplitScratch::default();
        let mut feats = Vec::new();
        let mut scores = [0f32; 2];
        let mut order: Vec<usize> = (0..tr.len()).collect();
        let mut rng = Rng::new(seed);
        let mut best: Option<(usize, Weights)> = None;
        for epoch in 1..=epochs {
            rng.shuffle(&mut order);
            for &k in &order {
                let (words, labels) = &tr[k];
                let ws: Vec<&str> = words.iter().map(String::as_str).collect();
                model.prepare(tagger, &ws, &mut s);
                for (i, l) in labels.iter().enumerate() {
                    let Some(gold) = l else { continue };
                    model.features(&s, i, &mut feats);
                    t.scores(&feats, &mut scores);
                    let pred = argmax_f(&scores, 0..2).unwrap_or(0);
                    t.learn(&feats, usize::from(*gold), pred);
                    t.tick();
                }
            }
            let w = t.average(usize::MAX, 16);
            model.weights = Some(w.clone());
            let (ok, n, split) = model.accuracy(tagger, &dv, None);
            log(format!(
                "contractions epoch {epoch}: dev accuracy {:.4} ({ok}/{n}; majority {:.4})",
                ok as f64 / n.max(1) as f64,
                split.max(n - split) as f64 / n.max(1) as f64
            ));
            for e in &model.entries {
                let (ok, n, split) = model.accuracy(tagger, &dv, Some(&e.form));
                log(format!(
                    "  {:?}: {ok}/{n}, {split} split (majority {:.4})",
                    e.form,
                    split.max(n - split) as f64 / n.max(1) as f64
                ));
            }
            if best.as_ref().is_none_or(|b| ok > b.0) || dv.is_empty() {
                best = Some((ok, w));
            }
        }
        model.weights = best.map(|b| b.1);
        model
    }

    /// Correct decisions, decisions, and gold splits over labelled examples
    /// (of the one lowercased form `only`, when given).
    fn accuracy(
        &self,
        tagger: &Tagger,
        ex: &[(Vec<String>, Vec<Option<bool>>)],
        only: Option<&str>,
    ) -> (usize, usize, usize) {
        let (mut ok, mut n, mut split) = (0, 0, 0);
        let mut s = SplitScratch::default();
        let mut out = Vec::new();
        for (words, labels) in ex {
            let ws: Vec<&str> = words.iter().map(String::as_str).collect();
            self.split(tagger, &ws, &mut out, &mut s);
            for ((l, &p), w) in labels.iter().zip(&out).zip(words) {
                let Some(g) = l else { continue };
                if only.is_some_and(|f| lowercase(w) != f) {
                    continue;
                }
                n += 1;
                split += usize::from(*g);
                ok += usize::from(*g == p);
            }
        }
        (ok, n, split)
    }

    /// Accuracy on the ambiguous forms of `sents` (of the lowercased form
    /// `only` when given): correct decisions, decisions, gold splits.
    pub fn evaluate(
        &self,
        tagger: &Tagger,
        sents: &[Sentence],
        only: Option<&str>,
    ) -> (usize, usize, usize) {
        let forms: Vec<String> = self.entries.iter().map(|e| e.form.clone()).collect();
        let ex: Vec<_> = sents.iter().map(|s| surface(s, &forms)).collect();
        self.accuracy(tagger, &ex, only)
    }

    pub(crate) fn write(&self, w: &mut Writer) {
        w.u32(self.entries.len() as u32);
        for e in &self.entries {
            w.str(&e.form);
            w.strs(&e.parts);
        }

        if let Some(t) = &self.weights {
            t.write(w);
        }
    }

    pub(crate) fn read(r: &mut Reader) -> Result<Self, ModelError> {
        let n = r.u32()? as usize;
        let mut entries = Vec::with_capacity(n.min(64));
        for _ in 0..n {
            let form = r.str()?;
            let parts = r.strs()?;
            if parts.is_empty() {
                return Err(ModelError::Corrupt("contraction without parts"));
            }
            let cap_parts = capitalized(&parts);
            entries.push(Entry {
                form,
                parts,
                cap_parts,
            });
        }
        if entries.windows(2).any(|w| w[0].form >= w[1].form) {
            return Err(ModelError::Corrupt("contraction table order"));
        }
        let weights = if entries.is_empty() {
            None
        } else {
            let w = Weights::read(r)?;
            if w.classes() != 2 {
                return Err(ModelError::Corrupt("contraction classifier shape"));
            }
            Some(w)
        };
        Ok(Contractions { entries, weights })
    }
}
