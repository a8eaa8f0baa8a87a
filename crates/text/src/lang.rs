//! Language identification.
//!
//! whatlang, restricted to the languages vigie has resources for, decides
//! between Latin-script languages; Arabic is decided by its script. whatlang
//! was chosen over lingua for speed and size (about 7 µs and 0.3 MB against
//! 0.12 ms and 12–21 MB, DEPENDENCIES.md): vigie identifies whole articles,
//! where both are right, not single words, where lingua is better.

use vigie_core::Lang;

#[derive(Debug, Clone)]
pub struct LangDetector {
    /// (whatlang language, vigie code) for every supported Latin-script language.
    allowed: Vec<(whatlang::Lang, String)>,
}

/// Letters looked at: enough for a stable answer (a news lead is about
/// 300–600 bytes), cheap on long documents; whatlang's cost grows with the
/// sample, and it is a large share of preparing a document.
const SAMPLE_BYTES: usize = 800;

/// Below this many letters an unrestricted guess is not trusted to say
/// "another language", so it is not made.
const MIN_LETTERS_FOR_OTHER: usize = 200;

impl LangDetector {
    /// `languages`: (vigie code, ISO 639-3 code) pairs, e.g. `("fr", "fra")`.
    pub fn new(languages: &[(String, String)]) -> Self {
        let allowed = languages
            .iter()
            .filter_map(|(code, iso3)| whatlang::Lang::from_code(iso3).map(|l| (l, code.clone())))
            .collect();
        LangDetector { allowed }
    }

    /// The language of a text: a supported code, `ar` for Arabic script, or
    /// `other`.
    pub fn detect(&self, text: &str) -> Lang {
        let mut end = text.len().min(SAMPLE_BYTES);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let sample = &text[..end];
        let (mut letters, mut arabic, mut latin) = (0usize, 0usize, 0usize);
        for c in sample.chars().filter(|c| c.is_alphabetic()) {
            letters += 1;
            if matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
            {
                arabic += 1;
            } else if c.is_ascii_alphabetic() || matches!(c, '\u{00C0}'..='\u{024F}') {
                latin += 1;
            }
        }
        if letters == 0 {
            return Lang::other();
        }
        if arabic * 2 > letters {
            return Lang::new("ar");
        }
        if latin * 2 < letters || self.allowed.is_empty() {
            return Lang::other();
        }
        // An unrestricted guess first: a confident answer outside the
        // supported set means the text is in another language.
        if letters > MIN_LETTERS_FOR_OTHER {
            if let Some(info) = whatlang::detect(sample) {
                if let Some((_, code)) = self.allowed.iter().find(|(l, _)| *l == info.lang()) {
                    return Lang::new(code.clone());
                }
                if info.is_reliable() && info.confidence() > 0.9 {
                    return Lang::other();
                }
            }
        }
        let langs: Vec<whatlang::Lang> = self.allowed.iter().map(|(l, _)| *l).collect();
        let det = whatlang::Detector::with_allowlist(langs);
        match det.detect_lang(sample) {
            Some(l) => self
                .allowed
                .iter()
                .find(|(a, _)| *a == l)
                .map(|(_, c)| Lang::new(c.clone()))
                .unwrap_or_else(Lang::other),
            None => Lang::other(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn det() -> LangDetector {
        LangDetector::new(&[("fr".into(), "fra".into()), ("en".into(), "eng".into())])
    }

    #[test]
    fn news_sentences() {
        let d = det();
        let cases = [
            (
                "La Résistance islamique a revendiqué une attaque de drone contre une base américaine.",
                "fr",
            ),
            (
                "Deux roquettes se sont abattues mardi soir près de l'aéroport de Bagdad, selon la police.",
                "fr",
            ),
            (
                "Militants fired rockets at a base housing U.S. troops in eastern Syria on Tuesday.",
                "en",
            ),
            (
                "The Pentagon said two drones were shot down near the garrison.",
                "en",
            ),
            (
                "أعلنت المقاومة الإسلامية في العراق استهداف قاعدة عين الأسد بطائرة مسيرة",
                "ar",
            ),
            (
                "Der Angriff auf den Stützpunkt wurde am Dienstag von einer Miliz für sich reklamiert, teilte die Armee mit. Die Regierung in Bagdad verurteilte den Angriff scharf und kündigte eine Untersuchung an, während die Vereinigten Staaten Vergeltung androhten und weitere Truppen in die Region verlegten.",
                "other",
            ),
            ("12345 67890", "other"),
        ];
        let mut failures = vec![];
        for (text, want) in cases {
            let got = d.detect(text);
            if got.as_str() != want {
                failures.push(format!("{text:?}: got {got}, want {want}"));
            }
        }
        assert!(failures.is_empty(), "{failures:#?}");
    }
}
