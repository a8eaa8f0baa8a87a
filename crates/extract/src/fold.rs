//! Case and accent folding with a map back to the folded-from text.
//!
//! Lexicon matching runs on a folded copy of a text: lower case, diacritics
//! removed, typographic quotes and apostrophes made ASCII, ligatures split and
//! every space-like character a plain space. [`Folded`] keeps, for every byte
//! of the folded text, the offset of the character it came from, so a match
//! maps back to a span on character boundaries of the input.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// A folded text and its map back to the input.
#[derive(Debug, Clone, Default)]
pub struct Folded {
    pub text: String,
    /// `map[i]` is the input offset of the character that produced folded byte `i`.
    map: Vec<usize>,
    input_len: usize,
}

/// Folds one character into `out`.
fn fold_char(c: char, out: &mut String) {
    match c {
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{2032}' | '`' | '\u{00B4}' => out.push('\''),
        '\u{00AB}' | '\u{00BB}' | '\u{201C}' | '\u{201D}' | '\u{201E}' => out.push('"'),
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' => out.push('-'),
        '\u{0152}' | '\u{0153}' => out.push_str("oe"),
        '\u{00C6}' | '\u{00E6}' => out.push_str("ae"),
        '\u{00DF}' => out.push_str("ss"),
        c if c.is_whitespace() => out.push(' '),
        c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
        c => {
            for l in c.to_lowercase() {
                for d in std::iter::once(l).nfd() {
                    if !is_combining_mark(d) {
                        out.push(d);
                    }
                }
            }
        }
    }
}

/// Folds a lexicon entry the same way texts are folded.
pub fn fold_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, &mut out);
    }
    out
}

impl Folded {
    pub fn new(input: &str) -> Folded {
        let mut text = String::with_capacity(input.len());
        let mut map = Vec::with_capacity(input.len());
        for (i, c) in input.char_indices() {
            let before = text.len();
            fold_char(c, &mut text);
            map.extend(std::iter::repeat_n(i, text.len() - before));
        }
        Folded {
            text,
            map,
            input_len: input.len(),
        }
    }

    /// Input offset for a folded offset used as a span start.
    pub fn start(&self, folded: usize) -> usize {
        self.map.get(folded).copied().unwrap_or(self.input_len)
    }

    /// Input offset for a folded offset used as a span end.
    pub fn end(&self, folded: usize) -> usize {
        self.map.get(folded).copied().unwrap_or(self.input_len)
    }

    /// Folded offset of an input offset (the first folded byte at or after it).
    pub fn from_input(&self, input: usize) -> usize {
        self.map.partition_point(|&m| m < input)
    }
}

/// True when `c` can be part of a word.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_accents_case_and_quotes_and_maps_back() {
        let s = "L\u{2019}État a frappé Aïn";
        let f = Folded::new(s);
        assert_eq!(f.text, "l'etat a frappe ain");
        let at = f.text.find("frappe").unwrap_or(0);
        let (a, b) = (f.start(at), f.end(at + "frappe".len()));
        assert_eq!(&s[a..b], "frappé");
        let ain = f.text.find("ain").unwrap_or(0);
        assert_eq!(&s[f.start(ain)..f.end(ain + 3)], "Aïn");
        assert_eq!(
            f.from_input(s.find(" a ").unwrap_or(0) + 1),
            f.text.find(" a ").unwrap_or(0) + 1
        );
    }

    #[test]
    fn ligature_maps_to_whole_char() {
        let s = "cœur";
        let f = Folded::new(s);
        assert_eq!(f.text, "coeur");
        assert_eq!(&s[f.start(1)..f.end(3)], "œ");
    }
}
