//! Sentence splitting over normalized text.
//!
//! A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes and
//! brackets after it) when whitespace and a sentence start follow, unless the
//! word before the period is an abbreviation of the language or an initial.
//! A line break always ends a sentence: a line without final punctuation is a
//! headline. Numbers ("30 631", "30,631", "3.5") never contain a break because
//! no whitespace follows their separators.

use std::collections::HashSet;

use vigie_core::Span;

#[derive(Debug, Clone, Default)]
pub struct Segmenter {
    abbreviations: HashSet<String>,
}

/// A sentence found in normalized text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SentenceBounds {
    pub span: Span,
    pub headline: bool,
}

impl Segmenter {
    pub fn new(abbreviations: impl IntoIterator<Item = String>) -> Self {
        Segmenter {
            abbreviations: abbreviations.into_iter().collect(),
        }
    }

    /// Sentences of `text`, in order, trimmed of surrounding whitespace.
    /// Together with the whitespace between them they cover `text` exactly.
    pub fn split(&self, text: &str) -> Vec<SentenceBounds> {
        let mut out = Vec::new();
        let mut line_start = 0;
        for line in text.split_inclusive('\n') {
            let line_end = line_start + line.len();
            self.split_line(text, line_start, line_end, &mut out);
            line_start = line_end;
        }
        out
    }

    fn split_line(&self, text: &str, start: usize, end: usize, out: &mut Vec<SentenceBounds>) {
        let line = &text[start..end];
        let mut sent_start = start;
        let first_in_line = out.len();
        let mut iter = line.char_indices().peekable();
        while let Some((i, c)) = iter.next() {
            if !matches!(c, '.' | '!' | '?' | '…') {
                continue;
            }
            // Absorb further terminators and closing quotes/brackets.
            let mut j = start + i + c.len_utf8();
            while let Some(&(k, d)) = iter.peek() {
                if matches!(
                    d,
                    '.' | '!' | '?' | '…' | '"' | '\'' | ')' | ']' | '»' | '”'
                ) {
                    j = start + k + d.len_utf8();
                    iter.next();
                } else {
                    break;
                }
            }
            let rest = &text[j..end];
            let after_space = rest.trim_start_matches([' ', '\t']);
            if after_space.len() == rest.len() || after_space.trim().is_empty() {
                continue; // no whitespace after it, or end of line (handled below)
            }
            let Some(next) = after_space.chars().next() else {
                continue;
            };
            let starts_sentence = next.is_uppercase()
                || next.is_numeric()
                || matches!(
                    next,
                    '"' | '\'' | '(' | '[' | '«' | '-' | '—' | '–' | '¿' | '¡'
                )
                || !next.is_alphabetic() && !next.is_ascii_punctuation();
            if !starts_sentence {
                continue;
            }
            if c == '.' && self.period_is_not_final(&text[sent_start..start + i]) {
                continue;
            }
            push(text, sent_start, j, false, out);
            sent_start = end - after_space.len();
        }
        let last = out.len();
        push(text, sent_start, end, false, out);
        // A line that is one sentence without final punctuation is a headline.
        if out.len() == last + 1
            && last == first_in_line
            && let Some(s) = out.last_mut()
        {
            let t = text[s.span.range()].trim_end();
            s.headline = !t.ends_with(['.', '!', '?', '…', '"', ':', ';', ',', ')']);
        }
    }

    /// True when the period after `before` belongs to an abbreviation or an
    /// initial rather than ending the sentence.
    fn period_is_not_final(&self, before: &str) -> bool {
        let word = before
            .rsplit(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '\'' | '['))
            .next()
            .unwrap_or("");
        if word.is_empty() {
            return false;
        }
        if self.abbreviations.contains(word) {
            return true;
        }
        // A single capital letter is an initial ("J. Smith", "George W. Bush").
        let mut chars = word.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            return c.is_uppercase();
        }
        // Dotted acronyms: "U.S", "a.m", "p.m".
        word.contains('.') && word.split('.').all(|p| p.chars().count() <= 2)
    }
}

fn push(text: &str, start: usize, end: usize, headline: bool, out: &mut Vec<SentenceBounds>) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    if trimmed.is_empty() {
        return;
    }
    let a = start + lead;
    out.push(SentenceBounds {
        span: Span::new(a, a + trimmed.len()),
        headline,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg() -> Segmenter {
        Segmenter::new(["M", "Dr", "Jan", "U.S", "Gen", "Brig", "etc"].map(String::from))
    }

    fn split(text: &str) -> Vec<&str> {
        seg()
            .split(text)
            .into_iter()
            .map(|s| &text[s.span.range()])
            .collect()
    }

    #[test]
    fn cases() {
        let cases: &[(&str, &[&str])] = &[
            (
                "M. Dupont est arrivé. Il a parlé.",
                &["M. Dupont est arrivé.", "Il a parlé."],
            ),
            (
                "Brig. Gen. Pat Ryder said on Jan. 28 that U.S. troops were hit. Three died.",
                &[
                    "Brig. Gen. Pat Ryder said on Jan. 28 that U.S. troops were hit.",
                    "Three died.",
                ],
            ),
            (
                "Il a dit : \"Nous vous en promettons davantage.\" Le groupe a ajouté.",
                &[
                    "Il a dit : \"Nous vous en promettons davantage.\"",
                    "Le groupe a ajouté.",
                ],
            ),
            (
                "Au moins 30 631 morts. Selon 30,631 people, 3.5 km.",
                &["Au moins 30 631 morts.", "Selon 30,631 people, 3.5 km."],
            ),
            (
                "Cibles américaines\nAvant l'attaque, ils ont tiré.",
                &["Cibles américaines", "Avant l'attaque, ils ont tiré."],
            ),
            (
                "George W. Bush spoke. Why? Because.",
                &["George W. Bush spoke.", "Why?", "Because."],
            ),
            (
                "des chars, des drones, etc. et des roquettes.",
                &["des chars, des drones, etc. et des roquettes."],
            ),
        ];
        let mut failures = vec![];
        for (text, want) in cases {
            let got = split(text);
            if got != *want {
                failures.push(format!("{text:?}\n  got  {got:?}\n  want {want:?}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn headline_flag() {
        let text = "Cibles américaines\nLe groupe a frappé. Puis il a tiré.\nFin.";
        let s = seg().split(text);
        assert!(s[0].headline);
        assert!(!s[1].headline && !s[2].headline && !s[3].headline);
    }
}
