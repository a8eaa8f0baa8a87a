//! Folding: the text and the gazetteer names are cut into the same tokens
//! and compared in two forms.
//!
//! - the *light* form of a token: lower case, accents and marks removed,
//!   the Arabic article in any of its forms written `al`;
//! - the *skeleton* of a token: the light form with transliteration
//!   differences erased (q→k, sh→ch, dj→j, gh→g, doubled letters single,
//!   vowel runs one `a`, a final vowel or `h` after a vowel dropped, a final
//!   `n` written `t`). The index is keyed by skeletons; a match is then
//!   graded by comparing light forms, so that a skeleton collision never
//!   passes for an exact match.
//!
//! Token boundaries: anything that is not a letter or digit. Apostrophes
//! split French elisions (`d'Alep`, `l'Irak`) and English possessives
//! (`Baghdad's`) and are dropped inside words (`Dar'a`, `Ma’arat`).

use std::sync::OnceLock;

use vigie_core::{TokenKind, TokenStream};

/// One word of the text: its byte span in the original and its light form.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub light: String,
    /// The original word is followed directly by a hyphen (`al-`).
    pub hyphen_after: bool,
}

/// Forms of the Arabic article as transliterated in Latin script
/// (`resources/geo/arabic_articles.tsv`): `free` forms are articles wherever
/// they stand; `hyphen` forms only when joined to the next word by a hyphen
/// (`ad-Dawr`, `as-Sulaymaniyah`), since as free words they are French or
/// English (`as`, `at`, `an`, `en`, `et`).
#[derive(Debug, Default)]
struct Articles {
    free: Vec<String>,
    hyphen: Vec<String>,
}

/// The one light form every Arabic article form is folded to.
pub const ARTICLE: &str = "al";

/// Where the article forms live in the resources.
pub const ARTICLES_PATH: &str = "geo/arabic_articles.tsv";

/// Reads `arabic_articles.tsv`: `form<TAB>free|hyphen`.
fn parse_articles(text: &str) -> Result<Articles, String> {
    let mut a = Articles::default();
    for (line, l) in vigie_resources::data_lines(text) {
        let mut cols = l.split('\t').map(str::trim);
        match (cols.next(), cols.next()) {
            (Some(f), Some("free")) => {
                a.free.push(f.to_string());
                a.hyphen.push(f.to_string());
            }
            (Some(f), Some("hyphen")) => a.hyphen.push(f.to_string()),
            _ => {
                return Err(format!(
                    "{ARTICLES_PATH}:{line}: expected `form<TAB>free|hyphen`"
                ));
            }
        }
    }
    Ok(a)
}

/// The bundled article forms. Like the folding table, they are read from
/// the bundled resources only: the gazetteer index and every text must be
/// cut alike.
fn articles() -> &'static Articles {
    static A: OnceLock<Articles> = OnceLock::new();
    A.get_or_init(|| {
        vigie_resources::Resources::embedded()
            .text(ARTICLES_PATH)
            .ok()
            .flatten()
            .and_then(|t| parse_articles(&t).ok())
            .unwrap_or_default()
    })
}

/// Checks the bundled article list (for the data tests and start-up errors).
pub fn check_articles(r: &vigie_resources::Resources) -> Result<(), String> {
    let t = r.require(ARTICLES_PATH).map_err(|e| e.to_string())?;
    parse_articles(&t).map(|_| ())
}

/// French (and other) elided words before an apostrophe, from the
/// languages' `tokens.toml`: an apostrophe after them ends the word.
fn elisions() -> &'static std::collections::HashSet<String> {
    static E: OnceLock<std::collections::HashSet<String>> = OnceLock::new();
    E.get_or_init(|| {
        vigie_tokens::Tokenizer::bundled()
            .map(|t| t.neutral().elisions.clone())
            .unwrap_or_default()
    })
}

/// Cut `text` into tokens with their light forms.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut t = Tokenizer::default();
    t.tokenize(text);
    t.pool.truncate(t.len);
    t.pool
}

/// The geocoder's tokens of a text whose token stream is already built.
pub fn tokens_of_stream(text: &str, stream: &TokenStream) -> Vec<Token> {
    let mut t = Tokenizer::default();
    t.derive(text, stream);
    t.pool.truncate(t.len);
    t.pool
}

/// A tokenizer that keeps its tokens' buffers from one text to the next:
/// folding 300,000 gazetteer names allocates only while the longest grows.
#[derive(Debug, Default)]
pub struct Tokenizer {
    pool: Vec<Token>,
    len: usize,
    stream: TokenStream,
}

impl Tokenizer {
    /// The tokens of `text`, valid until the next call.
    pub fn tokenize(&mut self, text: &str) -> &[Token] {
        let mut stream = std::mem::take(&mut self.stream);
        vigie_tokens::tokens_without_map_into(text, &mut stream);
        self.derive(text, &stream);
        self.stream = stream;
        &self.pool[..self.len]
    }

    /// Regroups the stream's tokens the geocoder's way: letters and digits
    /// that touch are one word, an apostrophe inside a word is dropped
    /// (`Dar'a`) except after an elided word or before a final `s`
    /// (`d'Alep`, `Baghdad's`), digit groups stay apart, punctuation goes.
    fn derive(&mut self, text: &str, stream: &TokenStream) {
        self.len = 0;
        let toks = &stream.tokens;
        let elisions = elisions();
        let mut i = 0;
        while i < toks.len() {
            let t = toks[i];
            if t.kind == TokenKind::Punct {
                i += 1;
                continue;
            }
            if t.grouped {
                self.push_digit_groups(text, t.start as usize, t.end as usize);
                i += 1;
                continue;
            }
            let slot = self.open(t.start as usize);
            slot.light.push_str(stream.key(&t));
            slot.end = t.end as usize;
            let mut j = i + 1;
            while let Some(n) = toks.get(j) {
                let cursor = self.pool[self.len].end;
                let adjacent = n.start as usize == cursor;
                if adjacent && n.kind != TokenKind::Punct && !n.grouped {
                    let slot = &mut self.pool[self.len];
                    slot.light.push_str(stream.key(n));
                    slot.end = n.end as usize;
                    j += 1;
                    continue;
                }
                if adjacent && n.kind == TokenKind::Punct && stream.key(n) == "'" {
                    let next_word = toks
                        .get(j + 1)
                        .filter(|x| x.start == n.end && x.kind == TokenKind::Word);
                    if let Some(w) = next_word {
                        // a possessive: the word after the apostrophe is a lone "s"
                        let s_then_end = text.get(w.span()) == Some("s")
                            && !toks
                                .get(j + 2)
                                .is_some_and(|x| x.start == w.end && x.kind != TokenKind::Punct);
                        let light = self.pool[self.len].light.as_str();
                        if !(s_then_end || elisions.contains(light)) {
                            // an apostrophe inside a word: dropped
                            let slot = &mut self.pool[self.len];
                            slot.light.push_str(stream.key(w));
                            slot.end = w.end as usize;
                            j += 2;
                            continue;
                        }
                    }
                }
                if adjacent && n.kind == TokenKind::Punct {
                    let s = text.get(n.span()).unwrap_or("");
                    self.pool[self.len].hyphen_after = matches!(s, "-" | "\u{2010}" | "\u{2011}");
                }
                break;
            }
            self.close();
            i = j;
        }
        let a = articles();
        for t in &mut self.pool[..self.len] {
            if a.free.contains(&t.light) || (t.hyphen_after && a.hyphen.contains(&t.light)) {
                t.light.clear();
                t.light.push_str(ARTICLE);
            }
        }
    }

    /// "30 631", "1,000": each run of digits is a token of its own.
    fn push_digit_groups(&mut self, text: &str, start: usize, end: usize) {
        let s = text.get(start..end).unwrap_or("");
        let mut run: Option<usize> = None;
        for (k, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
            match (run, c.is_ascii_digit()) {
                (None, true) => run = Some(k),
                (Some(a), false) => {
                    let slot = self.open(start + a);
                    slot.light.push_str(&s[a..k]);
                    slot.end = start + k;
                    self.close();
                    run = None;
                }
                _ => {}
            }
        }
    }

    /// Starts token `len` at `start` in a reused slot.
    fn open(&mut self, start: usize) -> &mut Token {
        if self.len == self.pool.len() {
            self.pool.push(Token {
                start: 0,
                end: 0,
                light: String::new(),
                hyphen_after: false,
            });
        }
        let t = &mut self.pool[self.len];
        t.light.clear();
        t.start = start;
        t.end = start;
        t.hyphen_after = false;
        t
    }

    /// Ends the token being read; one whose letters were all marks is dropped.
    fn close(&mut self) {
        if !self.pool[self.len].light.is_empty() {
            self.len += 1;
        }
    }
}

/// The light form of a whole name or phrase: its tokens' light forms joined
/// by single spaces.
pub fn light(text: &str) -> String {
    joined_light(&tokenize(text))
}

/// The light forms of a run of tokens joined by single spaces.
pub fn joined_light(toks: &[Token]) -> String {
    let mut s = String::with_capacity(toks.iter().map(|t| t.light.len() + 1).sum());
    for (i, t) in toks.iter().enumerate() {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(&t.light);
    }
    s
}

fn is_vowel(c: char) -> bool {
    matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y')
}

/// Medium form used to measure how far a variant is from a name: q→k,
/// sh→ch, dj→j, gh→g, ou→u, doubled letters single, final `h` after a vowel
/// dropped.
pub fn medium_token(light: &str, out: &mut String) {
    let start = out.len();
    let mut prev: Option<char> = None;
    for c in light.chars() {
        let c = if c == 'q' { 'k' } else { c };
        match (prev, c) {
            (Some('s'), 'h') => {
                out.pop();
                out.push_str("ch");
                prev = Some('h');
                continue;
            }
            (Some('d'), 'j') | (Some('o'), 'u') => {
                out.pop();
                out.push(c);
                prev = Some(c);
                continue;
            }
            (Some('g'), 'h') => continue,
            (Some(p), c) if p == c && c.is_alphabetic() => continue,
            _ => {}
        }
        out.push(c);
        prev = Some(c);
    }
    if out.len() - start > 3 && out.ends_with('h') {
        let b = out[start..out.len() - 1].chars().last();
        if b.is_some_and(is_vowel) {
            out.pop();
        }
    }
}

/// Skeleton of one token (see the module docs).
pub fn skeleton_token(light: &str, out: &mut String) {
    let mut m = String::with_capacity(light.len());
    medium_token(light, &mut m);
    if !m.is_ascii() || m.bytes().all(|b| b.is_ascii_digit()) {
        out.push_str(&m);
        return;
    }
    let start = out.len();
    let mut prev: Option<char> = None;
    for c in m.chars() {
        let c = if is_vowel(c) { 'a' } else { c };
        if prev == Some(c) {
            continue;
        }
        out.push(c);
        prev = Some(c);
    }
    // final vowel dropped (Tyre/Tyr, Hassaké/Hasakah), final n as t (Rmeilan/Rmeilat)
    if out.len() - start > 3 && out.ends_with('a') {
        out.pop();
    }
    if out.len() - start > 4 && out.ends_with('n') {
        out.pop();
        out.push('t');
    }
}

/// Skeleton of a whole name: token skeletons joined by single spaces.
pub fn skeleton(text: &str) -> String {
    let mut s = String::with_capacity(text.len());
    for (i, t) in tokenize(text).iter().enumerate() {
        if i > 0 {
            s.push(' ');
        }
        skeleton_token(&t.light, &mut s);
    }
    s
}

/// Medium form of a light-folded phrase (tokens separated by spaces).
pub fn medium(light: &str) -> String {
    let mut s = String::with_capacity(light.len());
    for (i, t) in light.split(' ').enumerate() {
        if i > 0 {
            s.push(' ');
        }
        medium_token(t, &mut s);
    }
    s
}

/// Levenshtein distance over chars, giving up above `max`.
pub fn distance_at_most(a: &str, b: &str, max: usize) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            row_min = row_min.min(cur[j]);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    let d = prev[b.len()];
    (d <= max).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn light_folds_case_accents_articles_and_elisions() {
        assert_eq!(
            light("la base aérienne d'Aïn al-Assad"),
            "la base aerienne d ain al assad"
        );
        assert_eq!(light("As-Sulaymaniyah"), "al sulaymaniyah");
        assert_eq!(light("El Arish"), "al arish");
        assert_eq!(light("as Baghdad"), "as baghdad");
        assert_eq!(light("Dar'a"), "dara");
        assert_eq!(light("Baghdad's airport"), "baghdad s airport");
        assert_eq!(light("l’Irak"), "l irak");
        assert_eq!(light("Ḩalab"), "halab");
        assert_eq!(light("الرمادي"), "الرمادي");
    }

    #[test]
    fn skeletons_merge_transliterations() {
        for (a, b) in [
            ("Rmeilat", "Rmeilan"),
            ("Qasraq", "Qasrak"),
            ("Kirkouk", "Kirkuk"),
            ("Mossoul", "Mosul"),
            ("Hassaké", "Hasakah"),
            ("Idleb", "Idlib"),
            ("Bagdad", "Baghdad"),
            ("Chaddadi", "Shaddadi"),
            ("Tyr", "Tyre"),
            ("Aïn al-Assad", "Ain al-Asad"),
        ] {
            assert_eq!(skeleton(a), skeleton(b), "{a} vs {b}");
        }
        assert_ne!(skeleton("Paris"), skeleton("Parma"));
    }

    #[test]
    fn tokens_keep_original_offsets() {
        let t = "à l'ouest d'Alep, Ḩalab";
        for tok in tokenize(t) {
            assert!(t.is_char_boundary(tok.start) && t.is_char_boundary(tok.end));
        }
        let toks = tokenize(t);
        let alep = toks
            .iter()
            .find(|x| x.light == "alep")
            .map(|x| &t[x.start..x.end]);
        assert_eq!(alep, Some("Alep"));
    }

    #[test]
    fn a_reused_tokenizer_gives_the_tokens_of_a_fresh_one() {
        let texts = [
            "Dayr az-Zawr, l'ouest d'Alep et Baghdad's suburbs",
            "a",
            "",
            "Ma’arat al-Nu'man — ad-Dawr ; \u{301}x Ḩalab",
            "  ' - ",
            "Sulaymaniyah",
        ];
        let mut reused = Tokenizer::default();
        for _ in 0..2 {
            for t in texts {
                assert_eq!(reused.tokenize(t), tokenize(t).as_slice(), "{t:?}");
            }
        }
        // the fresh tokens of one text, checked by hand
        let lights: Vec<String> = tokenize("Ma’arat al-Nu'man, ad-Dawr et as Safira")
            .into_iter()
            .map(|t| t.light)
            .collect();
        assert_eq!(
            lights,
            ["maarat", "al", "numan", "al", "dawr", "et", "as", "safira"]
        );
    }

    #[test]
    fn distance_is_bounded() {
        assert_eq!(distance_at_most("hasake", "hasaka", 2), Some(1));
        assert_eq!(distance_at_most("yemen", "aman", 2), None);
    }
}
