//! Syntactic words: the tokens of a sentence regrouped and split the way the
//! language's Universal Dependencies treebank writes them.
//!
//! Grammar (the facts are the language's [`LangRules`]):
//! - glued letters and digits are one word ("F16"), and so are glued digit
//!   groups with a decimal mark ("3.5");
//! - an abbreviation keeps its period ("M.", "U.S.");
//! - a glued run of one punctuation character is one word ("...");
//! - at an apostrophe inside a word: an elided word keeps the apostrophe and
//!   ends ("l'" + "armée"); a clitic after it is its own word ("'s"); the
//!   negation clitic takes the letter before ("do" + "n't"); otherwise the
//!   word goes on ("aujourd'hui");
//! - at a hyphen inside a word: split into parts and hyphens where the
//!   language splits compounds ("Iran" "-" "backed"); else one word, but for
//!   a final clitic pronoun ("a" + "-t-il");
//! - a contraction is one multiword token of several words ("du" = "de le");
//! - an attached prefix is its own word.

use vigie_core::{Multiword, Token, TokenKind, TokenStream, Word, WordForm};

use crate::LangRules;

/// Builds the words of every sentence of `out` (tokens already cut).
pub(crate) fn build(text: &str, rules: &LangRules, out: &mut TokenStream) {
    for si in 0..out.sentences.len() {
        let first_word = out.words.len() as u32;
        let r = out.sentences[si].tokens.clone();
        let mut b = Builder {
            text,
            rules,
            out,
            sentence_first_word: first_word,
            hint: 0,
        };
        b.sentence(r.start as usize, r.end as usize);
        let end = out.words.len() as u32;
        out.sentences[si].words = first_word..end;
    }
}

struct Builder<'a> {
    text: &'a str,
    rules: &'a LangRules,
    out: &'a mut TokenStream,
    sentence_first_word: u32,
    /// The token the current word starts with.
    hint: usize,
}

impl Builder<'_> {
    fn tok(&self, i: usize) -> Option<Token> {
        self.out.tokens.get(i).copied()
    }

    fn surface(&self, t: &Token) -> &str {
        self.text.get(t.span()).unwrap_or("")
    }

    /// The folded form of the text `start..end`: a token's own folded form
    /// when the span is token `hint` (most words), else found in the map.
    fn folded(&self, start: u32, end: u32) -> &str {
        if let Some(t) = self
            .tok(self.hint)
            .filter(|t| t.start == start && t.end == end)
        {
            return self.out.folded.get(t.fold_range()).unwrap_or("");
        }
        let (a, b) = (
            self.out.folded_at(start as usize),
            self.out.folded_at(end as usize),
        );
        self.out.folded.get(a..b).unwrap_or("")
    }

    fn key(&self, t: &Token) -> &str {
        self.out.folded.get(t.fold_range()).unwrap_or("")
    }

    /// Token `i` is glued to token `i - 1` and both are in `first..end`.
    fn glued(&self, i: usize, end: usize) -> bool {
        i < end && self.tok(i).is_some_and(|t| t.glued)
    }

    fn is_alnum(t: &Token) -> bool {
        t.kind != TokenKind::Punct
    }

    fn punct_is(&self, t: &Token, c: &str) -> bool {
        t.kind == TokenKind::Punct && self.surface(t) == c
    }

    fn sentence(&mut self, first: usize, end: usize) {
        let mut i = first;
        while i < end {
            i = self.word_at(i, end);
        }
    }

    /// Emits the word(s) starting at token `i`; returns the next token.
    fn word_at(&mut self, i: usize, end: usize) -> usize {
        let Some(t) = self.tok(i) else {
            return end;
        };
        self.hint = i;
        if t.kind == TokenKind::Punct {
            return self.punct_run(i, end);
        }
        // the run of glued letters/digits, apostrophes and hyphens inside words
        let mut j = i + 1;
        let mut word_start = t.start;
        while let Some(n) = self.tok(j).filter(|_| self.glued(j, end)) {
            if Self::is_alnum(&n) {
                j += 1;
                continue;
            }
            let next_alnum = self
                .tok(j + 1)
                .filter(|x| self.glued(j + 1, end) && Self::is_alnum(x));
            if self.punct_is(&n, "'") {
                let Some(after) = next_alnum else { break };
                let left_key = self.folded(word_start, n.start);
                if self.rules.elisions.contains(left_key) {
                    // "l'" ends here, apostrophe included
                    self.emit(word_start, n.end);
                    return j + 1;
                }
                let clitic_ends = !self
                    .tok(j + 2)
                    .is_some_and(|x| self.glued(j + 2, end) && Self::is_alnum(&x));
                let clitic_key = self.key(&after);
                if clitic_ends && self.rules.apostrophe_clitics.contains(clitic_key) {
                    self.emit_pieces(word_start, n.start);
                    self.emit(n.start, after.end);
                    return j + 2;
                }
                if clitic_ends && let Some(n_len) = self.negation_split(word_start, &n, &after) {
                    self.emit_pieces(word_start, n.start - n_len);
                    self.emit(n.start - n_len, after.end);
                    return j + 2;
                }
                j += 2; // an apostrophe inside a word
                continue;
            }
            if self.punct_is(&n, "-") && next_alnum.is_some() {
                if self.rules.split_hyphens {
                    self.emit_pieces(word_start, n.start);
                    self.emit(n.start, n.end);
                    word_start = n.end;
                    j += 1;
                    // the next part starts a word of its own
                    self.flush_parts(&mut j, &mut word_start, end);
                    return j;
                }
                if self.hyphen_clitic_at(j, end) {
                    self.emit_pieces(word_start, n.start);
                    let stop = self.compound_end(j, end);
                    let e = self.tok(stop - 1).map_or(n.end, |x| x.end);
                    self.emit(n.start, e);
                    return stop;
                }
                j += 2;
                continue;
            }
            if self.punct_is(&n, ".")
                && next_alnum.is_some_and(|x| self.surface(&x).chars().count() == 1)
                && is_initials_or_letter(
                    self.text
                        .get(word_start as usize..n.start as usize)
                        .unwrap_or(""),
                )
            {
                j += 2; // "U.S": initials
                continue;
            }
            if (self.punct_is(&n, ".") || self.punct_is(&n, ","))
                && t.kind == TokenKind::Number
                && self.tok(j - 1).is_some_and(|p| p.kind == TokenKind::Number)
                && next_alnum.is_some_and(|x| x.kind == TokenKind::Number)
            {
                j += 2; // a decimal number
                continue;
            }
            break;
        }
        let mut stop_end = self.tok(j - 1).map_or(t.end, |x| x.end);
        // an abbreviation keeps its period
        if let Some(p) = self
            .tok(j)
            .filter(|p| self.glued(j, end) && self.punct_is(p, "."))
        {
            let body = self
                .text
                .get(word_start as usize..stop_end as usize)
                .unwrap_or("");
            if self.rules.abbreviations.contains(body) || is_initials(body) {
                stop_end = p.end;
                j += 1;
            }
        }
        self.emit_pieces(word_start, stop_end);
        j
    }

    /// For the negation clitic ("n't"): how many bytes before the apostrophe
    /// `n` belong to it, when the word `start..n` ends with them and the
    /// word after the apostrophe is the clitic's end ("t").
    fn negation_split(&self, start: u32, n: &Token, after: &Token) -> Option<u32> {
        let (head, tail) = self.rules.negation_clitic.split_once('\'')?;
        // Measured on the text as written, not the folded form: "ń't" folds
        // to "n't" but its "n" carries a combining accent, and a cut one
        // folded byte back would fall inside it.
        let left = self.text.get(start as usize..n.start as usize)?;
        let cut = left.len().checked_sub(head.len())?;
        (tail == self.key(after)
            && cut > 0
            && left.is_char_boundary(cut)
            && crate::fold_str(&left[cut..]) == head)
            .then_some(head.len() as u32)
    }

    /// After a split hyphen: the following alphanumeric part, and further
    /// hyphens and parts, as words of their own.
    fn flush_parts(&mut self, j: &mut usize, word_start: &mut u32, end: usize) {
        while let Some(t) = self
            .tok(*j)
            .filter(|t| self.glued(*j, end) && Self::is_alnum(t))
        {
            let mut k = *j + 1;
            while self
                .tok(k)
                .is_some_and(|x| self.glued(k, end) && Self::is_alnum(&x))
            {
                k += 1;
            }
            let e = self.tok(k - 1).map_or(t.end, |x| x.end);
            self.emit_pieces(*word_start, e);
            *j = k;
            match self.tok(k) {
                Some(h)
                    if self.glued(k, end)
                        && self.punct_is(&h, "-")
                        && self
                            .tok(k + 1)
                            .is_some_and(|x| self.glued(k + 1, end) && Self::is_alnum(&x)) =>
                {
                    self.emit(h.start, h.end);
                    *word_start = h.end;
                    *j = k + 1;
                }
                _ => return,
            }
        }
    }

    /// The end (exclusive token index) of the hyphenated compound whose
    /// hyphen is token `j`.
    fn compound_end(&self, j: usize, end: usize) -> usize {
        let mut k = j;
        while self
            .tok(k)
            .is_some_and(|x| self.glued(k, end) && (Self::is_alnum(&x) || self.punct_is(&x, "-")))
        {
            k += 1;
        }
        k
    }

    /// The rest of the compound from the hyphen at `j` is a clitic pronoun.
    fn hyphen_clitic_at(&self, j: usize, end: usize) -> bool {
        let stop = self.compound_end(j, end);
        let (Some(h), Some(last)) = (self.tok(j), self.tok(stop - 1)) else {
            return false;
        };
        self.rules
            .hyphen_clitics
            .contains(self.folded(h.end, last.end))
    }

    /// A glued run of one punctuation character ("...", "--") is one word.
    fn punct_run(&mut self, i: usize, end: usize) -> usize {
        let Some(t) = self.tok(i) else {
            return end;
        };
        // the text outlives the builder: the mark is compared in place
        let text = self.text;
        let s = text.get(t.span()).unwrap_or("");
        let mut j = i + 1;
        while self.tok(j).is_some_and(|x| {
            self.glued(j, end) && x.kind == TokenKind::Punct && self.surface(&x) == s
        }) {
            j += 1;
        }
        let e = self.tok(j - 1).map_or(t.end, |x| x.end);
        self.emit(t.start, e);
        j
    }

    /// Emits the word `start..end`, as a contraction or with an attached
    /// prefix split off where the rules say so.
    fn emit_pieces(&mut self, start: u32, end: u32) {
        if start >= end {
            return;
        }
        let surface = self.text.get(start as usize..end as usize).unwrap_or("");
        // most words are longer than any contraction or prefix: no lookup
        if surface.len() > self.rules.longest_split_bytes {
            self.emit(start, end);
            return;
        }
        let key = self.folded(start, end);
        if let Some(parts) = self.rules.contractions.get(key) {
            let cap = surface.chars().next().is_some_and(char::is_uppercase);
            self.emit_multiword(start, end, parts, cap);
            return;
        }
        let prefix_len = self.rules.attached_prefixes.iter().find_map(|p| {
            let rest = key.strip_prefix(p.as_str())?;
            let len = surface.char_indices().nth(p.chars().count())?.0;
            (rest.chars().count() >= 2).then_some(len as u32)
        });
        if let Some(len) = prefix_len {
            self.emit(start, start + len);
            self.emit(start + len, end);
            return;
        }
        self.emit(start, end);
    }

    fn emit(&mut self, start: u32, end: u32) {
        if start < end {
            self.out.words.push(Word {
                start,
                end,
                form: WordForm::Surface,
                multiword: None,
            });
        }
    }

    fn emit_multiword(&mut self, start: u32, end: u32, parts: &[String], cap: bool) {
        let mw = self.out.multiwords.len() as u32;
        let first = self.out.words.len() as u32 - self.sentence_first_word;
        for (k, p) in parts.iter().enumerate() {
            let fs = self.out.forms.len() as u32;
            if k == 0 && cap {
                let mut cs = p.chars();
                if let Some(c) = cs.next() {
                    self.out.forms.extend(c.to_uppercase());
                    self.out.forms.push_str(cs.as_str());
                }
            } else {
                self.out.forms.push_str(p);
            }
            let fe = self.out.forms.len() as u32;
            self.out.words.push(Word {
                start,
                end,
                form: WordForm::Own { start: fs, end: fe },
                multiword: Some(mw),
            });
        }
        self.out.multiwords.push(Multiword {
            start,
            end,
            words: first..first + parts.len() as u32,
        });
    }
}

/// One letter, or initials.
fn is_initials_or_letter(s: &str) -> bool {
    let mut cs = s.chars();
    matches!((cs.next(), cs.next()), (Some(c), None) if c.is_alphabetic()) || is_initials(s)
}

/// "U.S", "p.m": single letters separated by periods.
fn is_initials(s: &str) -> bool {
    let mut letters = 0;
    for (k, part) in s.split('.').enumerate() {
        let mut cs = part.chars();
        match (cs.next(), cs.next()) {
            (Some(c), None) if c.is_alphabetic() => letters += 1,
            _ => return false,
        }
        if k > 8 {
            return false;
        }
    }
    letters >= 2
}
