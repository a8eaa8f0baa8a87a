//! Time's view of the token stream: each `vigie_core::Token` as the grammar
//! reads it (folded key, number value, glued, capitalised). Cutting and
//! folding are `vigie-tokens`' job; nothing here re-reads the text.

use vigie_core::{Token, TokenKind, TokenStream};

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

#[derive(Debug, Clone, Copy)]
pub(crate) struct Tok<'a> {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
    /// Lookup key: the token's folded form.
    pub key: &'a str,
    /// No whitespace between the previous token and this one.
    pub glued: bool,
    /// First character is uppercase.
    pub cap: bool,
}

impl Tok<'_> {
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

/// The grammar's tokens for a run of the stream's tokens.
pub(crate) fn view<'a>(stream: &'a TokenStream, toks: &[Token]) -> Vec<Tok<'a>> {
    toks.iter()
        .map(|t| Tok {
            start: t.start as usize,
            end: t.end as usize,
            kind: match t.kind {
                TokenKind::Word => TokKind::Word,
                TokenKind::Number => TokKind::Num {
                    value: t.value,
                    digits: t.digits,
                    grouped: t.grouped,
                },
                TokenKind::Punct => TokKind::Punct,
            },
            key: stream.key(t),
            glued: t.glued,
            cap: t.cap,
        })
        .collect()
}

/// The stream of a phrase or a text given on its own (no sentences, no words).
pub(crate) fn stream_of(text: &str) -> TokenStream {
    let mut s = TokenStream::default();
    vigie_tokens::tokens_into(text, &mut s);
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_thousands_but_not_dates() {
        let s = stream_of("30 631 morts le 7 janvier 2024, 10\u{202F}000 tonnes, 1,000 km");
        let t = view(&s, &s.tokens);
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
        let s = stream_of("Aujourd’hui FÉVRIER");
        let t = view(&s, &s.tokens);
        let keys: Vec<_> = t.iter().map(|t| t.key).collect();
        assert_eq!(keys, vec!["aujourd", "'", "hui", "fevrier"]);
        assert!(t[3].cap);
    }
}
