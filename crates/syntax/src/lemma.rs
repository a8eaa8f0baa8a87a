//! Lemmatizer: an exact table learned from the training data, then
//! suffix-rewrite rules for unknown words, then the form itself.
//!
//! Contract: [`Lemmatizer::lemmatize_into`] always writes a non-empty lemma
//! for a non-empty form and never panics. A lemma is produced by a [`Rule`]
//! (optionally lowercase the form, strip `strip` characters, append `add`).
//! Lookup order: (UPOS, form) in the table; (UPOS, lowercased form); the rule
//! of a suffix of the lowercased form seen with that UPOS (rules counted over
//! word types, most frequent rule, ties by rule order; suffixes of two or
//! more characters need two word types): the longest suffix whose rule gives
//! a lemma attested with that UPOS in training, else the longest suffix;
//! the form.
//! Everything is learned from data and stored in the model; nothing about a
//! language is written in code.

use std::collections::BTreeMap;

use crate::ModelError;
use crate::hash::Fnv64;
use crate::io::{Reader, Writer};
use crate::linear::U64Map;

/// Longest suffix (in characters) the rules look at.
const MAX_SUFFIX: usize = 7;
/// Word types a suffix of two or more characters needs to get a rule.
const MIN_TYPES: u32 = 2;

/// How to turn a form into its lemma.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Rule {
    pub lower: bool,
    pub strip: u8,
    pub add: String,
}

impl Rule {
    /// The rule that turns `form` into `lemma` (lowercasing first when that
    /// keeps a longer common prefix).
    pub fn between(form: &str, lemma: &str) -> Rule {
        let lower = form.to_lowercase();
        let (cp_a, cp_b) = (common_prefix(form, lemma), common_prefix(&lower, lemma));
        let (src, cp, lower_flag) = if cp_b > cp_a {
            (lower.as_str(), cp_b, true)
        } else {
            (form, cp_a, false)
        };
        let strip = src.chars().count() - cp;
        Rule {
            lower: lower_flag,
            strip: strip.min(255) as u8,
            add: lemma.chars().skip(cp).collect(),
        }
    }

    /// Applies the rule; false (and `out` untouched) when it does not fit.
    pub fn apply(&self, form: &str, out: &mut String) -> bool {
        let n = form.chars().count();
        if usize::from(self.strip) > n || (usize::from(self.strip) == n && self.add.is_empty()) {
            return false;
        }
        let start = out.len();
        let keep = n - usize::from(self.strip);
        if self.lower {
            for c in form.chars().take(keep) {
                out.extend(c.to_lowercase());
            }
        } else {
            out.extend(form.chars().take(keep));
        }
        out.push_str(&self.add);
        if out.len() == start {
            return false;
        }
        true
    }
}

fn str_hash_bytes(b: &[u8]) -> u64 {
    let mut h = Fnv64::default();
    h.write(b);
    h.finish()
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

/// A sorted byte-string → u32 table in three flat arrays (what the model
/// file stores), looked up through a hash index built at load time.
#[derive(Clone, Debug, Default)]
struct StrTable {
    blob: Vec<u8>,
    offs: Vec<u32>,
    vals: Vec<u32>,
    /// FNV-1a of each key → value + 1.
    index: U64Map,
}

impl StrTable {
    fn from_map(m: &BTreeMap<Vec<u8>, u32>) -> Self {
        let mut t = StrTable {
            offs: vec![0],
            ..Default::default()
        };
        for (k, &v) in m {
            t.blob.extend_from_slice(k);
            t.offs.push(t.blob.len() as u32);
            t.vals.push(v);
        }
        t.indexed()
    }

    fn indexed(mut self) -> Self {
        let pairs: Vec<(u64, u64)> = (0..self.vals.len())
            .map(|i| (str_hash_bytes(self.key(i)), u64::from(self.vals[i]) + 1))
            .collect();
        self.index = U64Map::new(&pairs);
        self
    }

    fn key(&self, i: usize) -> &[u8] {
        &self.blob[self.offs[i] as usize..self.offs[i + 1] as usize]
    }

    fn get(&self, key: &[u8]) -> Option<u32> {
        (self.index.get(str_hash_bytes(key)) as u32).checked_sub(1)
    }

    fn write(&self, w: &mut Writer) {
        w.bytes(&self.blob);
        w.u32s(&self.offs);
        w.u32s(&self.vals);
    }

    fn read(r: &mut Reader, rules: usize) -> Result<Self, ModelError> {
        let t = StrTable {
            blob: r.bytes()?.to_vec(),
            offs: r.u32s()?,
            vals: r.u32s()?,
            index: U64Map::default(),
        };
        let ok = t.offs.len() == t.vals.len() + 1
            && t.offs.first() == Some(&0)
            && t.offs.windows(2).all(|w| w[0] <= w[1])
            && t.offs.last().is_some_and(|&e| e as usize == t.blob.len())
            && t.vals.iter().all(|&v| (v as usize) < rules);
        if !ok {
            return Err(ModelError::Corrupt("lemma table"));
        }
        Ok(t.indexed())
    }

    fn len(&self) -> usize {
        self.vals.len()
    }
}

/// The lemmatizer of one language.
#[derive(Clone, Debug, Default)]
pub struct Lemmatizer {
    rules: Vec<Rule>,
    words: StrTable,
    suffixes: StrTable,
    /// (UPOS, lemma) pairs seen in training (values unused).
    lemmas: StrTable,
}

fn key(upos: u8, s: &str, buf: &mut Vec<u8>) {
    buf.clear();
    buf.push(upos);
    buf.extend_from_slice(s.as_bytes());
}

type Counts = BTreeMap<Vec<u8>, BTreeMap<Rule, u32>>;

impl Lemmatizer {
    /// Learns from (form, UPOS id, lemma) triples.
    pub fn train<'a>(data: impl IntoIterator<Item = (&'a str, u8, &'a str)>) -> Lemmatizer {
        let mut words: Counts = BTreeMap::new();
        let mut lemmas: BTreeMap<Vec<u8>, u32> = BTreeMap::new();
        let mut buf = Vec::new();
        for (form, upos, lemma) in data {
            if form.is_empty() || lemma.is_empty() || lemma == "_" {
                continue;
            }
            key(upos, lemma, &mut buf);
            lemmas.insert(buf.clone(), 0);
            key(upos, form, &mut buf);
            *words
                .entry(buf.clone())
                .or_default()
                .entry(Rule::between(form, lemma))
                .or_default() += 1;
        }
        let mut suffixes: Counts = BTreeMap::new();
        for (k, rules) in &words {
            let form = String::from_utf8_lossy(&k[1..]).to_lowercase();
            let rule = best(rules);
            let chars: Vec<char> = form.chars().collect();
            for len in 1..=chars.len().min(MAX_SUFFIX) {
                let suf: String = chars[chars.len() - len..].iter().collect();
                key(k[0], &suf, &mut buf);
                *suffixes
                    .entry(buf.clone())
                    .or_default()
                    .entry(rule.clone())
                    .or_default() += 1;
            }
        }
        suffixes.retain(|k, v| k.len() <= 2 || v.values().sum::<u32>() >= MIN_TYPES || one_char(k));
        let mut l = Self::assemble(&words, &suffixes);
        l.lemmas = StrTable::from_map(&lemmas);
        l
    }

    fn assemble(words: &Counts, suffixes: &Counts) -> Lemmatizer {
        let mut rule_ids: BTreeMap<Rule, u32> = BTreeMap::new();
        for r in words.values().chain(suffixes.values()).map(best) {
            let n = rule_ids.len() as u32;
            rule_ids.entry(r.clone()).or_insert(n);
        }
        let word_map: BTreeMap<Vec<u8>, u32> = words
            .iter()
            .map(|(k, v)| (k.clone(), rule_ids[best(v)]))
            .collect();
        let mut suf_map: BTreeMap<Vec<u8>, u32> = BTreeMap::new();
        for (k, v) in suffixes {
            let id = rule_ids[best(v)];
            if parent_rule(k, suffixes).is_none_or(|p| rule_ids[best(p)] != id) {
                suf_map.insert(k.clone(), id);
            }
        }
        let mut rules = vec![
            Rule {
                lower: false,
                strip: 0,
                add: String::new()
            };
            rule_ids.len()
        ];
        for (r, &i) in &rule_ids {
            rules[i as usize] = r.clone();
        }
        let (words, suffixes) = (StrTable::from_map(&word_map), StrTable::from_map(&suf_map));
        Lemmatizer {
            rules,
            words,
            suffixes,
            lemmas: StrTable::default(),
        }
    }

    /// Writes the lemma of `form` (with UPOS id `upos`) at the end of `out`.
    pub fn lemmatize_into(&self, form: &str, upos: u8, out: &mut String, scratch: &mut Vec<u8>) {
        key(upos, form, scratch);
        if let Some(r) = self.words.get(scratch)
            && self.rules[r as usize].apply(form, out)
        {
            return;
        }
        // Most forms are their own lowercase: no second lookup, no copy.
        let owned;
        let lower = if form
            .chars()
            .any(|c| c.to_lowercase().ne(std::iter::once(c)))
        {
            owned = form.to_lowercase();
            key(upos, &owned, scratch);
            if let Some(r) = self.words.get(scratch)
                && self.rules[r as usize].apply(&owned, out)
            {
                return;
            }
            owned.as_str()
        } else {
            form
        };
        self.by_suffix(form, lower, upos, out, scratch);
    }

    fn by_suffix(
        &self,
        form: &str,
        lower: &str,
        upos: u8,
        out: &mut String,
        scratch: &mut Vec<u8>,
    ) {
        // Start of the suffix of `len` characters: `starts[len]`.
        let mut starts = [0usize; MAX_SUFFIX + 1];
        let mut n = 0;
        for (i, _) in lower.char_indices().rev().take(MAX_SUFFIX) {
            n += 1;
            starts[n] = i;
        }
        let start = out.len();
        let mut first: Option<u32> = None;
        for len in (1..=n).rev() {
            key(upos, &lower[starts[len]..], scratch);
            let Some(r) = self.suffixes.get(scratch) else {
                continue;
            };
            if !self.rules[r as usize].apply(form, out) {
                continue;
            }
            key(upos, &out[start..], scratch);
            if self.lemmas.get(scratch).is_some() {
                return;
            }
            first.get_or_insert(r);
            out.truncate(start);
        }
        if !first.is_some_and(|r| self.rules[r as usize].apply(form, out)) {
            out.push_str(form);
        }
    }

    /// Convenience: the lemma as a new string.
    pub fn lemmatize(&self, form: &str, upos: u8) -> String {
        let mut s = String::new();
        self.lemmatize_into(form, upos, &mut s, &mut Vec::new());
        s
    }

    /// (table entries, suffix entries, rules, known lemmas).
    pub fn sizes(&self) -> (usize, usize, usize, usize) {
        (
            self.words.len(),
            self.suffixes.len(),
            self.rules.len(),
            self.lemmas.len(),
        )
    }

    pub(crate) fn write(&self, w: &mut Writer) {
        w.u32(self.rules.len() as u32);
        for r in &self.rules {
            w.u8(u8::from(r.lower));
            w.u8(r.strip);
            w.str(&r.add);
        }
        self.words.write(w);
        self.suffixes.write(w);
        self.lemmas.write(w);
    }

    pub(crate) fn read(r: &mut Reader) -> Result<Self, ModelError> {
        let n = r.u32()? as usize;
        let mut rules = Vec::with_capacity(n.min(1 << 20));
        for _ in 0..n {
            rules.push(Rule {
                lower: r.u8()? != 0,
                strip: r.u8()?,
                add: r.str()?,
            });
        }
        let words = StrTable::read(r, n)?;
        let suffixes = StrTable::read(r, n)?;
        let lemmas = StrTable::read(r, n.max(1))?;
        Ok(Lemmatizer {
            rules,
            words,
            suffixes,
            lemmas,
        })
    }
}

fn one_char(k: &[u8]) -> bool {
    std::str::from_utf8(&k[1..]).is_ok_and(|s| s.chars().count() <= 1)
}

fn best(m: &BTreeMap<Rule, u32>) -> &Rule {
    let mut it = m.iter();
    let mut top = it.next().map(|(r, &c)| (r, c));
    for (r, &c) in it {
        if top.is_none_or(|(_, b)| c > b) {
            top = Some((r, c));
        }
    }
    static IDENTITY: Rule = Rule {
        lower: false,
        strip: 0,
        add: String::new(),
    };
    top.map_or(&IDENTITY, |t| t.0)
}

/// The counts of the suffix one character shorter (same UPOS), if any.
fn parent_rule<'a>(k: &[u8], suffixes: &'a Counts) -> Option<&'a BTreeMap<Rule, u32>> {
    let s = std::str::from_utf8(&k[1..]).ok()?;
    let mut chars = s.chars();
    chars.next()?;
    let mut p = vec![k[0]];
    p.extend_from_slice(chars.as_str().as_bytes());
    suffixes.get(&p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_between_forms_and_lemmas() {
        assert_eq!(
            Rule::between("frappaient", "frapper"),
            Rule {
                lower: false,
                strip: 5,
                add: "er".into()
            }
        );
        assert_eq!(
            Rule::between("The", "the"),
            Rule {
                lower: true,
                strip: 0,
                add: String::new()
            }
        );
        let mut s = String::new();
        assert!(Rule::between("shelled", "shell").apply("killed", &mut s));
        assert_eq!(s, "kill");
    }

    #[test]
    fn table_then_suffixes_then_form() {
        const V: u8 = 3;
        let data = [
            ("parlaient", V, "parler"),
            ("mangeaient", V, "manger"),
            ("jouaient", V, "jouer"),
            ("frappé", V, "frapper"),
            ("tombé", V, "tomber"),
            ("killed", V, "kill"),
            ("shelled", V, "shell"),
            ("yelling", V, "yell"),
            ("calling", V, "call"),
            ("travelled", V, "travel"),
            ("cancelled", V, "cancel"),
            ("shell", V, "shell"),
            ("était", 1, "être"),
        ];
        let l = Lemmatizer::train(data.iter().copied());
        assert_eq!(l.lemmatize("frappaient", V), "frapper");
        assert_eq!(l.lemmatize("Frappé", V), "frapper");
        assert_eq!(l.lemmatize("frappe", V), "frappe");
        assert_eq!(l.lemmatize("shelling", V), "shell");
        assert_eq!(l.lemmatize("était", 1), "être");
        assert_eq!(l.lemmatize("xyz", 9), "xyz");
        let mut w = Writer::default();
        l.write(&mut w);
        let back = Lemmatizer::read(&mut Reader::new(&w.buf)).unwrap();
        assert_eq!(back.lemmatize("tuaient", V), "tuer");
    }
}
