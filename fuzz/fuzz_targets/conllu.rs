//! CoNLL-U input (`vigie parse --conllu`): any text is either refused with
//! a line number or re-annotated; a re-annotated sentence has one root and
//! heads inside the sentence.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use vigie_syntax::Model;

static MODEL: LazyLock<Model> = LazyLock::new(|| {
    let r = vigie_resources::Resources::embedded();
    let bytes = r.bytes("models/en.syntax").expect("bundled English model");
    Model::from_bytes(&bytes).expect("English model loads")
});

fuzz_target!(init: {
    LazyLock::force(&MODEL);
}, |data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let Ok(out) = vigie_syntax::annotate_conllu(&MODEL, &text) else {
        return;
    };
    let sentences = vigie_syntax::conllu::parse(&out).expect("our own output reads back");
    for s in &sentences {
        let n = s.words().count() as u32;
        let roots = s.words().filter(|w| w.head == Some(0)).count();
        assert!(n == 0 || roots == 1, "{roots} roots in a sentence of {n} words");
        assert!(s.words().all(|w| w.head.is_some_and(|h| h <= n)), "head outside the sentence");
    }
});
