//! Language identification.
//!
//! First, the document's tokens: when the frequent function words of one
//! supported language (`lang/<code>/function_words.tsv`) make a clear share
//! of the words of the sample and outnumber every other language's several
//! times over, that language is the answer. A news article in a supported
//! language almost always clears that bar, and a text in another language
//! (Spanish, Italian, Catalan, Dutch…) does not, so it goes on to the
//! statistical detector: whatlang, restricted to the languages vigie has resources for, decides
//! between Latin-script languages; Arabic is decided by its script. whatlang
//! was chosen over lingua for speed and size (about 7 µs and 0.3 MB against
//! 0.12 ms and 12–21 MB, DEPENDENCIES.md): vigie identifies whole articles,
//! where both are right, not single words, where lingua is better.

use std::collections::HashSet;

use vigie_core::{Lang, TokenKind, TokenStream};
use vigie_resources::FxBuild;

#[derive(Debug, Clone)]
pub struct LangDetector {
    /// (whatlang language, vigie code) for every supported Latin-script language.
    allowed: Vec<(whatlang::Lang, String)>,
    /// (vigie code, folded function words) for the languages that have them.
    function_words: Vec<(String, HashSet<String, FxBuild>)>,
}

/// The function-word vote decides only with at least this many words in the
/// sample…
const VOTE_MIN_WORDS: usize = 30;
/// …when the winner's function words are at least this share of them
/// (percent; French and English news run at 30–40%, other languages that
/// share a few of the words stay under 15%)…
const VOTE_MIN_SHARE_PERCENT: usize = 22;
/// …and at least this many times the runner-up's.
const VOTE_MIN_RATIO: usize = 4;

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
        LangDetector {
            allowed,
            function_words: Vec::new(),
        }
    }

    /// Adds each language's folded function words, for the vote that
    /// decides before the statistical detector.
    pub fn with_function_words(mut self, words: Vec<(String, HashSet<String, FxBuild>)>) -> Self {
        self.function_words = words;
        self
    }

    /// The language of a text whose token stream is `tokens` (built from
    /// `text`): the function-word vote when it is clear, else [`LangDetector::detect`].
    pub fn detect_with_tokens(&self, text: &str, tokens: &TokenStream) -> Lang {
        match self.vote(tokens) {
            Some(code) if self.mostly_latin(text) => Lang::new(code),
            _ => self.detect(text),
        }
    }

    /// The function-word vote over the words of the sample (see the module docs).
    fn vote(&self, tokens: &TokenStream) -> Option<&str> {
        if self.function_words.is_empty() {
            return None;
        }
        let mut hits = vec![0usize; self.function_words.len()];
        let mut words = 0usize;
        for t in tokens
            .tokens
            .iter()
            .take_while(|t| (t.end as usize) <= SAMPLE_BYTES)
        {
            if t.kind != TokenKind::Word {
                continue;
            }
            words += 1;
            let key = tokens.key(t);
            for (h, (_, set)) in hits.iter_mut().zip(&self.function_words) {
                *h += usize::from(set.contains(key));
            }
        }
        let (best, &n) = hits
            .iter()
            .enumerate()
            .max_by_key(|&(i, n)| (*n, usize::MAX - i))?;
        let runner_up = hits
            .iter()
            .enumerate()
            .filter(|&(i, _)| i != best)
            .map(|(_, n)| *n)
            .max()
            .unwrap_or(0);
        let clear = words >= VOTE_MIN_WORDS
            && n * 100 >= words * VOTE_MIN_SHARE_PERCENT
            && n >= runner_up * VOTE_MIN_RATIO;
        clear.then(|| self.function_words[best].0.as_str())
    }

    /// More than half of the sample's letters are Latin (the vote knows
    /// nothing of scripts; Arabic and others go to [`LangDetector::detect`]).
    fn mostly_latin(&self, text: &str) -> bool {
        let (mut letters, mut latin) = (0usize, 0usize);
        for c in sample(text).chars().filter(|c| c.is_alphabetic()) {
            letters += 1;
            latin += usize::from(c.is_ascii_alphabetic() || matches!(c, '\u{00C0}'..='\u{024F}'));
        }
        latin * 2 > letters
    }

    /// The language of a text: a supported code, `ar` for Arabic script, or
    /// `other`.
    pub fn detect(&self, text: &str) -> Lang {
        let sample = sample(text);
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
        if letters > MIN_LETTERS_FOR_OTHER
            && let Some(info) = whatlang::detect(sample)
        {
            if let Some((_, code)) = self.allowed.iter().find(|(l, _)| *l == info.lang()) {
                return Lang::new(code.clone());
            }
            if info.is_reliable() && info.confidence() > 0.9 {
                return Lang::other();
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

/// The first [`SAMPLE_BYTES`] of a text, cut at a character boundary.
fn sample(text: &str) -> &str {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
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

    fn voter() -> LangDetector {
        let r = vigie_resources::Resources::embedded();
        let words = ["fr", "en"]
            .iter()
            .map(|code| {
                let t = r
                    .require(&format!("lang/{code}/function_words.tsv"))
                    .unwrap_or_else(|e| panic!("{e}"));
                let set = vigie_resources::data_lines(&t)
                    .map(|(_, l)| vigie_tokens::fold_str(l.trim()))
                    .collect();
                (code.to_string(), set)
            })
            .collect();
        det().with_function_words(words)
    }

    fn vote_of(d: &LangDetector, text: &str) -> Option<String> {
        let mut s = TokenStream::default();
        vigie_tokens::tokens_into(text, &mut s);
        d.vote(&s).map(str::to_string)
    }

    #[test]
    fn function_words_decide_news_paragraphs_in_supported_languages() {
        let d = voter();
        let fr = "Les forces armées ont annoncé mardi avoir repoussé une attaque \
                  contre un poste militaire dans le nord du pays, où des hommes armés \
                  sont arrivés à moto avant l'aube. Le bilan fait état de sept morts \
                  parmi les assaillants et de deux soldats blessés, selon une source sécuritaire.";
        let en = "Gunmen on motorbikes attacked a military post in the north of the country \
                  before dawn on Tuesday, the army said in a statement, adding that seven of \
                  the attackers were killed and two soldiers were wounded in the fighting \
                  that lasted for several hours.";
        assert_eq!(vote_of(&d, fr).as_deref(), Some("fr"));
        assert_eq!(vote_of(&d, en).as_deref(), Some("en"));
    }

    #[test]
    fn function_words_leave_other_languages_to_the_detector() {
        let d = voter();
        // Languages that share some of the French or English words: the
        // vote must not decide, so that whatlang can say "other".
        let others = [
            // Spanish
            "Las fuerzas armadas anunciaron el martes que habían repelido un ataque contra \
             un puesto militar en el norte del país, donde hombres armados llegaron en moto \
             antes del amanecer. El balance es de siete muertos entre los asaltantes y dos \
             soldados heridos, según una fuente de seguridad.",
            // Italian
            "Le forze armate hanno annunciato martedì di aver respinto un attacco contro un \
             posto militare nel nord del paese, dove uomini armati sono arrivati in moto prima \
             dell'alba. Il bilancio è di sette morti tra gli assalitori e due soldati feriti, \
             secondo una fonte della sicurezza.",
            // Catalan
            "Les forces armades han anunciat dimarts que han repel·lit un atac contra un lloc \
             militar al nord del país, on homes armats van arribar en moto abans de l'alba. \
             El balanç és de set morts entre els assaltants i dos soldats ferits, segons una \
             font de seguretat.",
            // Portuguese
            "As forças armadas anunciaram na terça-feira que repeliram um ataque contra um \
             posto militar no norte do país, onde homens armados chegaram de moto antes do \
             amanhecer. O balanço é de sete mortos entre os atacantes e dois soldados feridos, \
             segundo uma fonte de segurança.",
            // Dutch
            "De strijdkrachten maakten dinsdag bekend dat zij een aanval op een militaire post \
             in het noorden van het land hadden afgeslagen, waar gewapende mannen voor \
             zonsopgang op motoren aankwamen. Volgens een bron bij de veiligheidsdiensten \
             kwamen zeven aanvallers om en raakten twee soldaten gewond.",
            // German
            "Die Streitkräfte teilten am Dienstag mit, sie hätten einen Angriff auf einen \
             Militärposten im Norden des Landes abgewehrt, wo bewaffnete Männer vor \
             Sonnenaufgang auf Motorrädern eintrafen. Sieben Angreifer seien getötet und zwei \
             Soldaten verletzt worden, sagte eine Quelle aus Sicherheitskreisen.",
        ];
        for text in others {
            assert_eq!(vote_of(&d, text), None, "{text}");
        }
        // too short to vote
        assert_eq!(vote_of(&d, "Le groupe a revendiqué l'attaque."), None);
    }
}
