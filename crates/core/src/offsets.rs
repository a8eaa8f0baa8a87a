//! Spans and the map from normalized text back to the original.
//!
//! Normalization (NFC, quotes, whitespace) edits the text in a few places; the
//! rest is copied byte for byte. [`NormText`] therefore stores only the edits,
//! sorted, and maps an offset by binary search: memory grows with the number
//! of edits, not with the size of the text.

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }

    pub fn range(self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    pub fn len(self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// One place where the normalized text differs from the original:
/// `norm` bytes of the normalized text stand for `orig` bytes of the original.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Edit {
    norm_start: usize,
    norm_end: usize,
    orig_start: usize,
    orig_end: usize,
}

/// Normalized text plus the map back to the original text's byte offsets.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NormText {
    pub text: String,
    edits: Vec<Edit>,
    orig_len: usize,
}

/// Builds a [`NormText`] by appending copied and replaced pieces in order.
#[derive(Debug, Default)]
pub struct NormTextBuilder {
    out: NormText,
    orig_pos: usize,
}

impl NormTextBuilder {
    pub fn with_capacity(n: usize) -> Self {
        NormTextBuilder {
            out: NormText {
                text: String::with_capacity(n),
                ..Default::default()
            },
            orig_pos: 0,
        }
    }

    /// Copies `s`, which is the next `s.len()` bytes of the original, unchanged.
    pub fn copy(&mut self, s: &str) {
        self.out.text.push_str(s);
        self.orig_pos += s.len();
    }

    /// Writes `replacement` in place of the next `orig_len` bytes of the original.
    pub fn replace(&mut self, orig_len: usize, replacement: &str) {
        let norm_start = self.out.text.len();
        self.out.text.push_str(replacement);
        let edit = Edit {
            norm_start,
            norm_end: self.out.text.len(),
            orig_start: self.orig_pos,
            orig_end: self.orig_pos + orig_len,
        };
        self.orig_pos += orig_len;
        // Consecutive deletions become one, so that a start skips all of
        // them and an end stops before all of them.
        if let Some(last) = self.out.edits.last_mut() {
            let both_deletions =
                last.norm_start == last.norm_end && edit.norm_start == edit.norm_end;
            if both_deletions
                && last.norm_end == edit.norm_start
                && last.orig_end == edit.orig_start
            {
                last.orig_end = edit.orig_end;
                return;
            }
        }
        self.out.edits.push(edit);
    }

    pub fn norm_len(&self) -> usize {
        self.out.text.len()
    }

    pub fn ends_with(&self, c: char) -> bool {
        self.out.text.ends_with(c)
    }

    pub fn finish(mut self) -> NormText {
        self.out.orig_len = self.orig_pos;
        self.out
    }
}

impl NormText {
    /// A normalized text that is the original itself (no edits).
    pub fn identity(text: &str) -> Self {
        NormText {
            text: text.to_string(),
            edits: Vec::new(),
            orig_len: text.len(),
        }
    }

    /// Number of edits (for diagnostics and tests).
    pub fn edit_count(&self) -> usize {
        self.edits.len()
    }

    /// Maps a normalized offset used as the *start* of a span.
    pub fn orig_start(&self, norm: usize) -> usize {
        self.map(norm, true)
    }

    /// Maps a normalized offset used as the *end* of a span.
    pub fn orig_end(&self, norm: usize) -> usize {
        self.map(norm, false)
    }

    /// Maps a span of the normalized text to the span of the original that it
    /// was made from.
    pub fn to_original(&self, span: Span) -> Span {
        let start = self.orig_start(span.start);
        let end = self.orig_end(span.end).max(start);
        Span { start, end }
    }

    fn map(&self, norm: usize, is_start: bool) -> usize {
        let norm = norm.min(self.text.len());
        // Last edit whose norm_start <= norm.
        let idx = self.edits.partition_point(|e| e.norm_start <= norm);
        if idx == 0 {
            return norm.min(self.orig_len);
        }
        let e = &self.edits[idx - 1];
        let mapped = if norm >= e.norm_end {
            if norm == e.norm_end && e.norm_start == e.norm_end {
                // A deletion sits exactly here: a start skips what was
                // deleted, an end stops before it.
                if is_start { e.orig_end } else { e.orig_start }
            } else {
                // Past the edit: a constant shift.
                e.orig_end + (norm - e.norm_end)
            }
        } else if norm == e.norm_start || is_start {
            // At or inside a replacement: a start covers the whole replaced
            // piece from its beginning...
            e.orig_start
        } else {
            // ...and an end inside it covers it to its end.
            e.orig_end
        };
        mapped.min(self.orig_len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn build(parts: &[(&str, Option<&str>)]) -> (String, NormText) {
        // (original piece, replacement) — None means copy.
        let mut orig = String::new();
        let mut b = NormTextBuilder::default();
        for (o, r) in parts {
            orig.push_str(o);
            match r {
                None => b.copy(o),
                Some(r) => b.replace(o.len(), r),
            }
        }
        (orig, b.finish())
    }

    #[test]
    fn identity_maps_to_itself() {
        let n = NormText::identity("abc");
        assert_eq!(n.to_original(Span::new(1, 3)), Span::new(1, 3));
    }

    #[test]
    fn replacement_maps_whole_char() {
        let (orig, n) = build(&[("l", None), ("\u{2019}", Some("'")), ("armée", None)]);
        assert_eq!(n.text, "l'armée");
        let s = n.to_original(Span::new(0, n.text.len()));
        assert_eq!(&orig[s.range()], orig.as_str());
        let apos = n.to_original(Span::new(1, 2));
        assert_eq!(&orig[apos.range()], "\u{2019}");
        let word = n.to_original(Span::new(2, n.text.len()));
        assert_eq!(&orig[word.range()], "armée");
    }

    #[test]
    fn deletion_is_skipped_by_starts_and_ends() {
        let (orig, n) = build(&[("ab", None), ("\u{200b}", Some("")), ("cd", None)]);
        assert_eq!(n.text, "abcd");
        assert_eq!(&orig[n.to_original(Span::new(0, 2)).range()], "ab");
        assert_eq!(&orig[n.to_original(Span::new(2, 4)).range()], "cd");
    }

    #[test]
    fn collapsed_whitespace() {
        let (orig, n) = build(&[("a", None), ("   ", Some(" ")), ("b", None)]);
        assert_eq!(n.text, "a b");
        assert_eq!(&orig[n.to_original(Span::new(2, 3)).range()], "b");
        assert_eq!(&orig[n.to_original(Span::new(0, 1)).range()], "a");
    }
}
