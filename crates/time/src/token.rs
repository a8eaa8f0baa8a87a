//! Tokenizer: words, numbers and single punctuation marks, with byte offsets.
//!
//! Invariants: tokens are in text order, never overlap, and every offset is on
//! a character boundary of the input. Whitespace is never a token; `glued`
//! says that no whitespace separates a token from the previous one.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokKind {
    Word,
    /// Digits; `grouped` numbers ("30 631", "1,000") are never days or years.
    Num {
        value: u32,
        digits: u8,
        grouped: bool,
    },
    Punct,
}

#[derive(Debug, Clone)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
    /// Lookup key: lowercase, accents folded, apostrophes and dashes unified.
    pub key: String,
    /// No whitespace between the previous token and this one.
    pub glued: bool,
    /// First character is uppercase.
    pub cap: bool,
}

impl Tok {
    pub fn num(&self) -> Option<(u32, u8)> {
        match self.kind {
            TokKind::Num {
                value,
                digits,
                grouped: false,
            } => Some((value, digits)),
            _ => None,
        }
    }
    pub fn is_punct(&self, c: &str) -> bool {
        self.kind == TokKind::Punct && self.key == c
    }
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{202F}' || c == '\u{00A0}' || c == '\u{2009}'
}

/// Lowercases and removes the diacritics that French (and loanwords in
/// English) use, so that "Février", "fevrier" and "FÉVRIER" share a key.
pub(crate) fn fold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        for l in c.to_lowercase() {
            match l {
                'à' | 'â' | 'ä' | 'á' | 'ã' => out.push('a'),
                'é' | 'è' | 'ê' | 'ë' => out.push('e'),
                'î' | 'ï' | 'í' => out.push('i'),
                'ô' | 'ö' | 'ó' => out.push('o'),
                'ù' | 'û' | 'ü' | 'ú' => out.push('u'),
                'ç' => out.push('c'),
                'ÿ' => out.push('y'),
                'œ' => out.push_str("oe"),
                'æ' => out.push_str("ae"),
                '’' | '‘' | 'ʼ' | '′' => out.push('\''),
                '‐' | '‑' | '‒' | '–' | '—' => out.push('-'),
                _ => out.push(l),
            }
        }
    }
    out
}

pub(crate) fn tokenize(text: &str) -> Vec<Tok> {
    let mut toks: Vec<Tok> = Vec::new();
    let mut it = text.char_indices().peekable();
    let mut glued = false;
    while let Some((i, c)) = it.next() {
        if is_space(c) {
            glued = false;
            continue;
        }
        if c.is_alphabetic() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                if d.is_alphabetic() || is_combining(d) {
                    end = j + d.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
            let s = &text[i..end];
            toks.push(Tok {
                start: i,
                end,
                kind: TokKind::Word,
                key: fold(s),
                glued,
                cap: c.is_uppercase(),
            });
        } else if c.is_ascii_digit() {
            let mut end = i + 1;
            while let Some(&(j, d)) = it.peek() {
                if d.is_ascii_digit() {
                    end = j + 1;
                    it.next();
                } else {
                    break;
                }
            }
            let s = &text[i..end];
            let digits = s.len().min(255) as u8;
            let value = s.parse::<u32>().unwrap_or(u32::MAX);
            toks.push(Tok {
                start: i,
                end,
                kind: TokKind::Num {
                    value,
                    digits,
                    grouped: false,
                },
                key: s.to_string(),
                glued,
                cap: false,
            });
        } else {
            let end = i + c.len_utf8();
            toks.push(Tok {
                start: i,
                end,
                kind: TokKind::Punct,
                key: fold(&text[i..end]),
                glued,
                cap: false,
            });
        }
        glued = true;
    }
    group_numbers(text, toks)
}

fn is_combining(c: char) -> bool {
    ('\u{0300}'..='\u{036F}').contains(&c)
}

/// Merges digit groups written with thousands separators ("30 631",
/// "10 000", "1,000", "1.000") into one grouped number token.
fn group_numbers(text: &str, toks: Vec<Tok>) -> Vec<Tok> {
    let mut out: Vec<Tok> = Vec::with_capacity(toks.len());
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        if let TokKind::Num { digits, .. } = t.kind {
            if digits <= 3 {
                let mut end_idx = i;
                loop {
                    // space-separated group: next token is exactly 3 digits, not glued
                    let n = end_idx + 1;
                    if let Some(nt) = toks.get(n) {
                        if matches!(nt.kind, TokKind::Num { digits: 3, .. })
                            && !nt.glued
                            && gap_is_group_space(text, toks[end_idx].end, nt.start)
                        {
                            end_idx = n;
                            continue;
                        }
                    }
                    // comma or period separated: "1,000" (glued both sides)
                    if let (Some(p), Some(nt)) = (toks.get(n), toks.get(n + 1)) {
                        if (p.is_punct(",") || p.is_punct("."))
                            && p.glued
                            && nt.glued
                            && matches!(nt.kind, TokKind::Num { digits: 3, .. })
                            && !toks
                                .get(n + 2)
                                .is_some_and(|x| x.glued && x.num().is_some())
                        {
                            end_idx = n + 1;
                            continue;
                        }
                    }
                    break;
                }
                if end_idx > i {
                    let start = t.start;
                    let end = toks[end_idx].end;
                    let key: String = text[start..end]
                        .chars()
                        .filter(|c| c.is_ascii_digit())
                        .collect();
                    let value = key.parse::<u32>().unwrap_or(u32::MAX);
                    out.push(Tok {
                        start,
                        end,
                        kind: TokKind::Num {
                            value,
                            digits: key.len().min(255) as u8,
                            grouped: true,
                        },
                        key,
                        glued: t.glued,
                        cap: false,
                    });
                    i = end_idx + 1;
                    continue;
                }
            }
        }
        out.push(toks[i].clone());
        i += 1;
    }
    out
}

/// A single space (ordinary, no-break or narrow no-break) between groups.
fn gap_is_group_space(text: &str, a: usize, b: usize) -> bool {
    let gap = text.get(a..b).unwrap_or("");
    let mut n = 0;
    for c in gap.chars() {
        if !(c == ' ' || c == '\u{202F}' || c == '\u{00A0}' || c == '\u{2009}') {
            return false;
        }
        n += 1;
    }
    n == 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_thousands_but_not_dates() {
        let t = tokenize("30 631 morts le 7 janvier 2024, 10\u{202F}000 tonnes, 1,000 km");
        let nums: Vec<_> = t
            .iter()
            .filter_map(|t| match t.kind {
                TokKind::Num { value, grouped, .. } => Some((value, grouped)),
                _ => None,
            })
            .collect();
        assert_eq!(
            nums,
            vec![
                (30631, true),
                (7, false),
                (2024, false),
                (10000, true),
                (1000, true)
            ]
        );
    }

    #[test]
    fn folds_accents_and_apostrophes() {
        let t = tokenize("Aujourd’hui FÉVRIER");
        let keys: Vec<_> = t.iter().map(|t| t.key.as_str()).collect();
        assert_eq!(keys, vec!["aujourd", "'", "hui", "fevrier"]);
        assert!(t[3].cap);
    }
}
