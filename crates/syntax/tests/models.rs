//! Tests over the committed models in `resources/models/`: header against
//! the treebanks in `../shared/treebanks`, typed load errors, the lemmas of
//! verbs of violence, CoNLL-U re-annotation. No training here.

use std::path::PathBuf;

use vigie_syntax::conllu;
use vigie_syntax::train::{Settings, inputs_hash};
use vigie_syntax::{Analysis, Error, Header, Model, annotate_conllu};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn model_bytes(lang: &str) -> Vec<u8> {
    let path = root().join(format!("resources/models/{lang}.syntax"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn model(lang: &str) -> Model {
    Model::from_bytes(&model_bytes(lang)).unwrap_or_else(|e| panic!("{lang}: {e}"))
}

#[test]
fn model_headers_match_the_treebanks_and_settings() {
    let treebanks = root().join("../shared/treebanks");
    assert!(
        treebanks.is_dir(),
        "{} is missing: the model header check needs the UD treebanks beside the repository",
        treebanks.display()
    );
    let settings = format!("{:?}", Settings::default());
    for lang in ["en", "fr"] {
        let h = Header::from_bytes(&model_bytes(lang)).unwrap_or_else(|e| panic!("{lang}: {e}"));
        assert_eq!(h.lang, lang);
        let hash = inputs_hash(&treebanks, &h.inputs).unwrap_or_else(|e| panic!("{lang}: {e}"));
        assert_eq!(
            hash, h.inputs_hash,
            "{lang}: the treebank files changed since the model was trained; retrain"
        );
        assert_eq!(
            h.settings, settings,
            "{lang}: trainer settings changed since the model was trained; retrain"
        );
        assert!(
            h.inputs.iter().all(|f| !f.contains("test")),
            "{lang}: trained on a test file"
        );
    }
}

#[test]
fn wrong_magic_or_version_is_a_clear_error() {
    let mut bytes = model_bytes("fr");
    bytes[8..12].copy_from_slice(&99u32.to_le_bytes());
    let e = Model::from_bytes(&bytes).unwrap_err();
    assert!(
        matches!(
            e,
            Error::Version {
                found: 99,
                expected: vigie_syntax::FORMAT_VERSION
            }
        ),
        "{e}"
    );
    assert!(e.to_string().contains("version 99"));
    bytes[0] = b'X';
    assert!(matches!(Model::from_bytes(&bytes), Err(Error::BadMagic)));
    assert!(matches!(Model::from_bytes(b"VIG"), Err(Error::BadMagic)));
    let good = model_bytes("fr");
    assert!(matches!(
        Model::from_bytes(&good[..good.len() / 2]),
        Err(Error::Truncated)
    ));
}

fn lemmas(m: &Model, words: &[&str]) -> Vec<String> {
    let mut a = Analysis::default();
    m.annotate(words, &mut a);
    (0..a.len()).map(|i| a.lemma(i).to_string()).collect()
}

#[test]
fn verbs_of_violence_get_their_lemmas() {
    let fr = model("fr");
    assert_eq!(
        lemmas(&fr, &["Des", "avions", "frappaient", "la", "ville", "."])[2],
        "frapper"
    );
    assert_eq!(
        lemmas(&fr, &["L'", "armée", "a", "frappé", "le", "village", "."])[3],
        "frapper"
    );
    assert_eq!(
        lemmas(&fr, &["L'", "armée", "frappe", "le", "village", "."])[2],
        "frapper"
    );
    let en = model("en");
    assert_eq!(
        lemmas(&en, &["Troops", "shelled", "the", "town", "."])[1],
        "shell"
    );
    assert_eq!(
        lemmas(&en, &["The", "army", "is", "shelling", "the", "town", "."])[3],
        "shell"
    );
}

#[test]
fn annotation_gives_one_tree_and_falls_back_on_long_sentences() {
    let en = model("en");
    let mut a = Analysis::default();
    en.annotate(
        &[
            "Rebels", "attacked", "a", "base", "near", "the", "border", ".",
        ],
        &mut a,
    );
    assert!(!a.fell_back);
    assert_eq!(a.head.iter().filter(|&&h| h == 0).count(), 1);
    assert_eq!(en.upos_name(a.upos[1]), "VERB");
    assert_eq!(en.deprel_name(a.deprel[0]), "nsubj");
    let long: Vec<&str> = std::iter::repeat_n("word", en.parser.max_words as usize + 1).collect();
    en.annotate(&long, &mut a);
    assert!(a.fell_back);
    assert_eq!(a.head.iter().filter(|&&h| h == 0).count(), 1);
    en.annotate(&[], &mut a);
    assert!(a.is_empty());
}

#[test]
fn conllu_file_round_trips_and_reannotation_keeps_tokens() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/sample.conllu");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let sents = conllu::parse(&text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(conllu::write(&sents), text);
    let out = annotate_conllu(&model("fr"), &text).unwrap_or_else(|e| panic!("{e}"));
    let back = conllu::parse(&out).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(back.len(), sents.len());
    for (a, b) in sents.iter().zip(&back) {
        assert_eq!(a.comments, b.comments);
        for (x, y) in a.lines.iter().zip(&b.lines) {
            match (x, y) {
                (conllu::Line::Word(x), conllu::Line::Word(y)) => {
                    assert_eq!((x.id, &x.form, &x.misc), (y.id, &y.form, &y.misc));
                    assert!(y.head.is_some() && y.upos != "_" && !y.lemma.is_empty());
                }
                (x, y) => assert_eq!(x, y),
            }
        }
    }
}

#[test]
fn odd_words_never_fail() {
    let long = "x".repeat(10_000);
    let odd: Vec<&str> = vec![
        "", " ", "\u{0}", "🙂", "ÉÉÉ", "İ", "--", "1,000.5", &long, "\t", "ǅ", "a\u{301}",
    ];
    for lang in ["en", "fr"] {
        let m = model(lang);
        let mut a = Analysis::default();
        m.annotate(&odd, &mut a);
        assert_eq!(a.len(), odd.len());
        assert_eq!(a.head.iter().filter(|&&h| h == 0).count(), 1);
        assert!(a.head.iter().all(|&h| h as usize <= odd.len()));
        for i in 0..odd.len() {
            let _ = (
                a.lemma(i),
                a.feats(i),
                m.upos_name(a.upos[i]),
                m.deprel_name(a.deprel[i]),
            );
        }
        let text = "1\t\t_\t_\t_\t_\t_\t_\t_\t_\n2\t🙂\t_\t_\t_\t_\t_\t_\t_\t_\n";
        let out = annotate_conllu(&m, text).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(conllu::parse(&out).map(|s| s.len()), Ok(1));
    }
}

fn splits(m: &Model, words: &[&str]) -> Vec<bool> {
    let mut out = Vec::new();
    m.split_contractions(words, &mut out);
    out
}

#[test]
fn french_des_is_split_only_when_it_is_de_les() {
    let fr = model("fr");
    assert_eq!(
        fr.contraction_parts("des"),
        Some(&["de".to_string(), "les".to_string()][..])
    );
    assert_eq!(
        fr.contraction_parts("Des"),
        Some(&["De".to_string(), "les".to_string()][..])
    );
    assert_eq!(fr.contraction_parts("maison"), None);
    // "le bilan de les frappes": the contraction.
    assert_eq!(
        splits(&fr, &["Le", "bilan", "des", "frappes", "est", "lourd", "."]),
        [false, false, true, false, false, false, false]
    );
    assert_eq!(
        splits(&fr, &["la", "destruction", "des", "maisons", "."]),
        [false, false, true, false, false]
    );
    assert_eq!(
        splits(
            &fr,
            &[
                "Lors", "des", "combats", ",", "des", "civils", "ont", "été", "tués", "."
            ]
        ),
        [
            false, true, false, false, false, false, false, false, false, false
        ]
    );
    // The indefinite determiner.
    assert_eq!(
        splits(&fr, &["Des", "hommes", "armés", "ont", "tiré", "."]),
        [false; 6]
    );
    assert_eq!(
        splits(&fr, &["L'", "armée", "a", "détruit", "des", "maisons", "."]),
        [false; 7]
    );
    // annotate never splits by itself.
    let mut a = Analysis::default();
    fr.annotate(&["la", "destruction", "des", "maisons", "."], &mut a);
    assert_eq!(a.len(), 5);
    let en = model("en");
    assert_eq!(splits(&en, &["I", "do", "n't", "know"]), [false; 4]);
    assert!(splits(&en, &[]).is_empty());
}

#[test]
fn borrowing_loader_gives_the_same_analyses() {
    for lang in ["en", "fr"] {
        let bytes: &'static [u8] = Box::leak(model_bytes(lang).into_boxed_slice());
        let borrowed = Model::from_static(bytes).unwrap_or_else(|e| panic!("{lang}: {e}"));
        let copied = model(lang);
        let from_cow = Model::from_cow(std::borrow::Cow::Borrowed(bytes)).unwrap();
        let words = [
            "Des", "avions", "ont", "frappé", "la", "ville", "de", "Gaza", ".",
        ];
        let (mut a, mut b, mut c) = (
            Analysis::default(),
            Analysis::default(),
            Analysis::default(),
        );
        borrowed.annotate(&words, &mut a);
        copied.annotate(&words, &mut b);
        from_cow.annotate(&words, &mut c);
        for x in [&a, &c] {
            assert_eq!((&x.upos, &x.head, &x.deprel), (&b.upos, &b.head, &b.deprel));
            assert_eq!(x.lemma(3), b.lemma(3));
            assert_eq!(x.feats(3), b.feats(3));
        }
        assert_eq!(borrowed.to_bytes(), bytes);
    }
}
