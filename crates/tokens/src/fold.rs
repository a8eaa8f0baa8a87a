//! Character folding: the one folded form that tokens, lexicon entries and
//! gazetteer names are compared in.
//!
//! A character folds to the entry of `resources/tokens/fold.tsv` when it has
//! one; else whitespace folds to one space, and any other character to its
//! lower case with combining marks removed (so "É" is "e" and a lone
//! combining accent is nothing). The table is read once from the bundled
//! resources: every index built at start-up (gazetteer names, lexicons) and
//! every text must fold alike, so it is not replaced by `--resources`.

use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// The folding table, sorted by character.
#[derive(Debug)]
pub struct FoldTable {
    entries: Vec<(char, Box<str>)>,
    /// The folded byte of each ASCII character (the table's ASCII entries
    /// are single bytes; a longer one keeps the character's own rule).
    ascii: [u8; 128],
}

impl Default for FoldTable {
    fn default() -> Self {
        FoldTable::new(Vec::new())
    }
}

/// A row of the folding table that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoldRowError {
    pub line: usize,
    pub message: String,
}

impl FoldTable {
    /// Parses `fold.tsv`: `U+XXXX<TAB>folded<TAB>comment`, `<none>` for a
    /// character that is dropped.
    pub fn parse(text: &str) -> Result<FoldTable, Vec<FoldRowError>> {
        let mut entries = Vec::new();
        let mut errors = Vec::new();
        for (line, l) in vigie_resources::data_lines(text) {
            let mut cols = l.split('\t');
            let code = cols.next().unwrap_or("").trim();
            let folded = cols.next().unwrap_or("");
            let c = code
                .strip_prefix("U+")
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .and_then(char::from_u32);
            match c {
                Some(c) if !folded.is_empty() => {
                    let folded = if folded == "<none>" { "" } else { folded };
                    entries.push((c, folded.into()));
                }
                _ => errors.push(FoldRowError {
                    line,
                    message: format!("expected `U+XXXX<TAB>folded`, got {l:?}"),
                }),
            }
        }
        if errors.is_empty() {
            Ok(FoldTable::new(entries))
        } else {
            Err(errors)
        }
    }

    fn new(mut entries: Vec<(char, Box<str>)>) -> FoldTable {
        entries.sort_by_key(|e| e.0);
        entries.dedup_by_key(|e| e.0);
        let mut ascii = [0u8; 128];
        for (b, slot) in ascii.iter_mut().enumerate() {
            let c = b as u8;
            *slot = if c.is_ascii_whitespace() || c == 0x0B {
                b' '
            } else {
                c.to_ascii_lowercase()
            };
        }
        for (c, f) in &entries {
            if c.is_ascii() && f.len() == 1 && f.is_ascii() {
                ascii[*c as usize] = f.as_bytes()[0];
            }
        }
        FoldTable { entries, ascii }
    }

    /// The folded byte of an ASCII byte.
    #[inline]
    pub fn fold_ascii(&self, b: u8) -> u8 {
        self.ascii[usize::from(b & 0x7f)]
    }

    fn get(&self, c: char) -> Option<&str> {
        self.entries
            .binary_search_by_key(&c, |e| e.0)
            .ok()
            .and_then(|i| self.entries.get(i))
            .map(|e| &*e.1)
    }

    /// True for the characters that fold to an apostrophe: never part of
    /// a word, whatever their Unicode category (U+02BC is a letter).
    pub fn is_apostrophe(&self, c: char) -> bool {
        c == '\'' || (!c.is_ascii() && self.get(c) == Some("'"))
    }

    /// Appends the folded form of `c` to `out`.
    #[inline]
    pub fn fold_char(&self, c: char, out: &mut String) {
        if c.is_ascii() {
            out.push(char::from(self.fold_ascii(c as u8)));
            return;
        }
        if let Some(f) = self.get(c) {
            out.push_str(f);
        } else if c.is_whitespace() {
            out.push(' ');
        } else {
            for l in c.to_lowercase() {
                for d in std::iter::once(l).nfd() {
                    if !is_combining_mark(d) {
                        out.push(d);
                    }
                }
            }
        }
    }

    /// The folded form of a string.
    pub fn fold(&self, s: &str) -> String {
        let mut out = String::with_capacity(s.len());
        for c in s.chars() {
            self.fold_char(c, &mut out);
        }
        out
    }
}

/// The bundled folding table (see the module docs). A table that cannot be
/// read folds by the rule alone; the resources test reports its errors.
pub fn table() -> &'static FoldTable {
    static TABLE: OnceLock<FoldTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        vigie_resources::Resources::embedded()
            .text(FOLD_PATH)
            .ok()
            .flatten()
            .and_then(|t| FoldTable::parse(&t).ok())
            .unwrap_or_default()
    })
}

/// Where the folding table lives in the resources.
pub const FOLD_PATH: &str = "tokens/fold.tsv";

/// The folded form of `s` with the bundled table.
pub fn fold_str(s: &str) -> String {
    table().fold(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_table_reads_without_errors() {
        let text = vigie_resources::Resources::embedded()
            .require(FOLD_PATH)
            .unwrap_or_else(|e| panic!("{e}"));
        let t = FoldTable::parse(&text).unwrap_or_else(|e| panic!("{e:?}"));
        assert!(t.entries.len() > 40);
    }

    #[test]
    fn folds_case_accents_quotes_ligatures_and_marks() {
        assert_eq!(
            fold_str("L\u{2019}État a frappé Aïn"),
            "l'etat a frappe ain"
        );
        assert_eq!(fold_str("cœur «x» Ḩalab"), "coeur \"x\" halab");
        assert_eq!(fold_str("Maʿarat\u{00A0}—"), "maarat -");
        assert_eq!(fold_str("أحمد"), "احمد");
        assert_eq!(fold_str("\u{301}"), "");
    }

    #[test]
    fn bad_rows_are_reported_with_their_line() {
        let e = FoldTable::parse("# c\nU+2019\t'\tok\nX\ty\n").err();
        assert_eq!(e.map(|e| e[0].line), Some(3));
    }
}
