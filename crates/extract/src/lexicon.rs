//! Phrase lexicons: compact phrase patterns expanded into literal variants and
//! matched on folded text with word boundaries.
//!
//! Pattern syntax (one phrase per string in the data files):
//! - `(s)` an optional piece: `frappe(s)` is `frappe` or `frappes`;
//! - `(é|ée|és)` one of several pieces (an empty piece makes it optional);
//! - a final `*` lets the last word continue: `bombard*` matches
//!   `bombardé`, `bombardement`;
//! - an entry without lowercase letters (`IS`, `EI`, `US`) must match with
//!   the same upper case in the text, so `IS` never matches the verb "is".

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use vigie_core::TokenStream;
use vigie_tokens::fold_str;

/// True when `c` can be part of a word: phrase matches must start and end
/// at word boundaries of the folded text.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Expands one pattern into its literal variants (not yet folded).
pub fn expand(pattern: &str) -> Result<Vec<String>, String> {
    let mut variants = vec![String::new()];
    let mut rest = pattern;
    while let Some(open) = rest.find('(') {
        let close = rest[open..]
            .find(')')
            .map(|c| open + c)
            .ok_or_else(|| format!("unclosed '(' in {pattern:?}"))?;
        let lit = &rest[..open];
        let group = &rest[open + 1..close];
        let options: Vec<&str> = if group.contains('|') {
            group.split('|').collect()
        } else {
            vec!["", group]
        };
        let mut next = Vec::with_capacity(variants.len() * options.len());
        for v in &variants {
            for o in &options {
                next.push(format!("{v}{lit}{o}"));
            }
        }
        variants = next;
        rest = &rest[close + 1..];
        if variants.len() > 512 {
            return Err(format!("pattern {pattern:?} expands to too many variants"));
        }
    }
    for v in &mut variants {
        v.push_str(rest);
        let t = v.split_whitespace().collect::<Vec<_>>().join(" ");
        *v = t;
    }
    variants.retain(|v| !v.is_empty() && v != "*");
    variants.sort();
    variants.dedup();
    Ok(variants)
}

#[derive(Debug, Clone)]
struct Variant {
    entry: usize,
    stem: bool,
    /// The original-case form when the match must keep upper case.
    exact_case: Option<String>,
}

/// The phrases of one lexicon, expanded and folded, each variant pointing
/// at an entry index. Matched through a [`PhraseBank`].
#[derive(Debug, Clone, Default)]
pub struct PhraseSet {
    keys: Vec<String>,
    variants: Vec<Variant>,
}

/// One match: folded byte range and the entry it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub entry: usize,
}

impl PhraseSet {
    /// A set that matches nothing.
    pub fn empty() -> PhraseSet {
        PhraseSet::default()
    }

    /// Builds a set from `(entry index, pattern)` pairs. Errors name the bad pattern.
    pub fn new<'a>(
        patterns: impl IntoIterator<Item = (usize, &'a str)>,
    ) -> Result<PhraseSet, String> {
        let mut set = PhraseSet::default();
        for (entry, pat) in patterns {
            for v in expand(pat)? {
                let (body, stem) = match v.strip_suffix('*') {
                    Some(b) => (b.to_string(), true),
                    None => (v.clone(), false),
                };
                let exact_case = if body.chars().any(|c| c.is_alphabetic())
                    && !body.chars().any(|c| c.is_lowercase())
                {
                    Some(body.clone())
                } else {
                    None
                };
                let folded = fold_str(&body);
                if folded.trim().is_empty() {
                    continue;
                }
                set.keys.push(folded);
                set.variants.push(Variant {
                    entry,
                    stem,
                    exact_case,
                });
            }
        }
        Ok(set)
    }
}

/// Several phrase sets compiled into one automaton, so that a document is
/// scanned once for all of them instead of once per set; each set keeps its
/// own matches and its own choice among overlapping ones.
#[derive(Debug, Clone, Default)]
pub struct PhraseBank {
    ac: Option<AhoCorasick>,
    /// (set index, variant) per pattern of the automaton.
    variants: Vec<(usize, Variant)>,
    sets: usize,
}

impl PhraseBank {
    pub fn new(sets: &[&PhraseSet]) -> Result<PhraseBank, String> {
        let mut keys: Vec<&str> = Vec::new();
        let mut variants = Vec::new();
        for (i, set) in sets.iter().enumerate() {
            keys.extend(set.keys.iter().map(String::as_str));
            variants.extend(set.variants.iter().map(|v| (i, v.clone())));
        }
        let ac = if keys.is_empty() {
            None
        } else {
            Some(
                AhoCorasickBuilder::new()
                    .match_kind(MatchKind::Standard)
                    .build(&keys)
                    .map_err(|e| format!("cannot compile phrases: {e}"))?,
            )
        };
        Ok(PhraseBank {
            ac,
            variants,
            sets: sets.len(),
        })
    }

    /// Each set's boundary-respecting matches, in the order the sets were
    /// given: longest first at each place, without overlaps (earlier start
    /// wins, then the longer match).
    pub fn find(&self, stream: &TokenStream, original: &str) -> Vec<Vec<Hit>> {
        let mut all: Vec<Vec<Hit>> = vec![Vec::new(); self.sets];
        let Some(ac) = &self.ac else {
            return all;
        };
        let text = stream.folded.as_str();
        for m in ac.find_overlapping_iter(text) {
            let (set, v) = &self.variants[m.pattern().as_usize()];
            let (start, mut end) = (m.start(), m.end());
            let before_ok = text[..start]
                .chars()
                .next_back()
                .is_none_or(|c| !is_word_char(c))
                || !text[start..].chars().next().is_some_and(is_word_char);
            if !before_ok {
                continue;
            }
            if v.stem {
                while let Some(c) = text[end..].chars().next() {
                    if is_word_char(c) {
                        end += c.len_utf8();
                    } else {
                        break;
                    }
                }
            } else {
                let last_is_word = text[..end].chars().next_back().is_some_and(is_word_char);
                if last_is_word && text[end..].chars().next().is_some_and(is_word_char) {
                    continue;
                }
            }
            if let Some(exact) = &v.exact_case {
                let (a, b) = (stream.text_start(start), stream.text_end(m.end()));
                let orig = original.get(a..b).unwrap_or("");
                if orig.replace('\u{2019}', "'") != *exact {
                    continue;
                }
            }
            all[*set].push(Hit {
                start,
                end,
                entry: v.entry,
            });
        }
        for hits in &mut all {
            *hits = leftmost_longest(std::mem::take(hits));
        }
        all
    }
}

/// Greedy choice among overlapping hits: the longest of those starting
/// earliest, then the next that starts after it ends. A longer match starting
/// inside a kept one but ending later does not displace it.
fn leftmost_longest(mut all: Vec<Hit>) -> Vec<Hit> {
    all.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut out: Vec<Hit> = Vec::new();
    let mut taken_until = 0usize;
    for h in all {
        if h.start < taken_until {
            continue;
        }
        out.push(h);
        taken_until = h.end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expands_optional_and_alternatives() {
        let v = expand("frappe(s) de drone(s)").unwrap_or_default();
        assert_eq!(v.len(), 4, "{v:?}");
        let v = expand("bombard(é|ée|er)").unwrap_or_default();
        assert_eq!(v, vec!["bombarder", "bombardé", "bombardée"]);
        assert!(expand("a (b").is_err());
    }

    #[test]
    fn matches_with_boundaries_longest_first_and_case() {
        let set = PhraseSet::new([
            (0, "attaque(s)"),
            (1, "attaque(s) de drone(s)"),
            (2, "IS"),
            (3, "bombard*"),
        ])
        .unwrap_or_else(|e| panic!("{e}"));
        // a second set sharing a phrase: each set keeps its own matches
        let other =
            PhraseSet::new([(7, "attaque(s)"), (8, "puis")]).unwrap_or_else(|e| panic!("{e}"));
        let bank = PhraseBank::new(&[&set, &other]).unwrap_or_else(|e| panic!("{e}"));
        let text = "Une attaque de drones, puis IS is bombardé; attaquer.";
        let mut f = vigie_core::TokenStream::default();
        vigie_tokens::tokens_into(text, &mut f);
        let mut found = bank.find(&f, text);
        assert_eq!(found.len(), 2);
        let second: Vec<usize> = found[1].iter().map(|h| h.entry).collect();
        assert_eq!(second, vec![7, 8]);
        let hits = found.swap_remove(0);
        let got: Vec<(usize, &str)> = hits
            .iter()
            .map(|h| (h.entry, &f.folded[h.start..h.end]))
            .collect();
        assert_eq!(
            got,
            vec![(1, "attaque de drones"), (2, "is"), (3, "bombarde")]
        );
    }
}
