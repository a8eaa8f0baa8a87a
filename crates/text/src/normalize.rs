//! Normalization with an offset map: Unicode NFC, one apostrophe (`'`) and one
//! double-quote style (`"`), folded whitespace (a run of spaces becomes one
//! space, a line break stays one `\n`, a paragraph break `\n\n`), invisible
//! and control characters removed. Nothing else changes, so most of the text is
//! copied byte for byte and the [`NormText`] map stays small.

use unicode_normalization::{
    IsNormalized, UnicodeNormalization, char::canonical_combining_class, is_nfc_quick,
};
use vigie_core::NormText;
use vigie_core::offsets::NormTextBuilder;

fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// Invisible format characters and control characters: dropped.
fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}' | '\u{FFFE}' | '\u{FFFF}')
        || (c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}'))
}

/// The single replacement for a character, if it has one.
fn replacement(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{02BC}' | '\u{2032}'
        | '\u{00B4}' | '`' => "'",
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' | '\u{2039}' | '\u{203A}' => "\"",
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2212}' => "-",
        _ => return None,
    })
}

/// Normalizes `text`; the result maps back to `text`'s byte offsets.
pub fn normalize(text: &str) -> NormText {
    let needs_nfc = !matches!(is_nfc_quick(text.chars()), IsNormalized::Yes);
    let mut b = NormTextBuilder::with_capacity(text.len());
    let mut i = 0;
    // Start of a run of bytes copied unchanged, flushed lazily.
    let mut copy_from = 0;
    macro_rules! flush_copy {
        () => {
            if copy_from < i {
                b.copy(&text[copy_from..i]);
            }
        };
    }
    while i < text.len() {
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        let len = c.len_utf8();
        if is_space(c) {
            // Whitespace run (invisible characters inside it are swallowed too).
            let start = i;
            let mut j = i;
            let mut newlines = 0;
            let mut prev_cr = false;
            while j < text.len() {
                let Some(d) = text[j..].chars().next() else {
                    break;
                };
                if !(is_space(d) || is_invisible(d)) {
                    break;
                }
                if d == '\n' && !prev_cr
                    || d == '\r'
                    || d == '\u{85}'
                    || d == '\u{2028}'
                    || d == '\u{2029}'
                {
                    newlines += 1;
                }
                prev_cr = d == '\r';
                j += d.len_utf8();
            }
            let at_start = b.norm_len() == 0 && copy_from == start;
            let at_end = j >= text.len();
            let next_closes = text[j..].starts_with('\u{00BB}');
            let prev_opens = text[..start].ends_with('\u{00AB}');
            let rep = if at_start || at_end {
                ""
            } else if newlines >= 2 {
                "\n\n"
            } else if newlines == 1 {
                "\n"
            } else if next_closes || prev_opens {
                ""
            } else {
                " "
            };
            flush_copy!();
            if &text[start..j] == rep {
                b.copy(rep);
            } else {
                b.replace(j - start, rep);
            }
            i = j;
            copy_from = i;
            continue;
        }
        if is_invisible(c) {
            flush_copy!();
            b.replace(len, "");
            i += len;
            copy_from = i;
            continue;
        }
        if let Some(rep) = replacement(c) {
            flush_copy!();
            b.replace(len, rep);
            i += len;
            copy_from = i;
            continue;
        }
        if needs_nfc
            && (!c.is_ascii()
                || text[i + len..]
                    .chars()
                    .next()
                    .is_some_and(|d| canonical_combining_class(d) != 0))
        {
            // A starter and the combining marks after it compose together.
            let mut j = i + len;
            while j < text.len() {
                let Some(d) = text[j..].chars().next() else {
                    break;
                };
                if canonical_combining_class(d) == 0 {
                    break;
                }
                j += d.len_utf8();
            }
            let run = &text[i..j];
            let composed: String = run.nfc().collect();
            if composed != run {
                flush_copy!();
                b.replace(j - i, &composed);
                i = j;
                copy_from = i;
                continue;
            }
            i = j;
            continue;
        }
        i += len;
    }
    flush_copy!();
    b.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use vigie_core::Span;

    #[test]
    fn quotes_apostrophes_spaces() {
        let src = "L\u{2019}attaque contre \u{00AB}\u{00A0}une cible\u{00A0}\u{00BB} a fait 23\u{202F}000 morts.";
        let n = normalize(src);
        assert_eq!(
            n.text,
            "L'attaque contre \"une cible\" a fait 23 000 morts."
        );
        let s = n.to_original(Span::new(0, n.text.len()));
        assert_eq!(&src[s.range()], src);
    }

    #[test]
    fn paragraphs_and_lines() {
        let n = normalize("  Titre\r\n\r\n\r\nPremier.   Deux\t\ttrois.\nQuatre.  \n");
        assert_eq!(n.text, "Titre\n\nPremier. Deux trois.\nQuatre.");
    }

    #[test]
    fn nfc_and_invisibles() {
        let src = "Hasake\u{0301}\u{200B}\u{0000} city";
        let n = normalize(src);
        assert_eq!(n.text, "Hasaké city");
        let word = n.to_original(Span::new(0, "Hasaké".len()));
        assert_eq!(&src[word.range()], "Hasake\u{0301}");
    }
}
