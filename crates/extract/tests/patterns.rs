//! Runs every example attached to every trigger in
//! `resources/lang/*/extract/triggers.toml` through the full extractor and
//! collects every failure before asserting.

use vigie_core::{Date, Doc, DocMeta, Lang, NormText, Sentence, Span};
use vigie_extract::Extractor;
use vigie_extract::data::Expect;
use vigie_resources::Resources;

fn doc(text: &str, lang: &str) -> Doc {
    let published: Option<Date> = "2024-03-05".parse().ok();
    let sentences = vec![Sentence {
        norm: Span::new(0, text.len()),
        span: Span::new(0, text.len()),
        headline: false,
    }];
    Doc {
        meta: DocMeta {
            id: "example".into(),
            published,
            ..DocMeta::default()
        },
        text: text.to_string(),
        norm: NormText::identity(text),
        lang: Lang::new(lang),
        sentences,
        tokens: vigie_tokens::Tokenizer::bundled()
            .unwrap_or_else(|e| panic!("{e}"))
            .tokenize(text, std::slice::from_ref(&(0..text.len())), lang),
        diagnostics: Vec::new(),
    }
}

#[test]
fn every_trigger_example_holds() {
    let res = Resources::embedded();
    let ex = Extractor::from_resources(&res).unwrap_or_else(|e| panic!("{e}"));
    let (langs, _, _) = Extractor::load_data(&res).unwrap_or_else(|e| panic!("{e}"));
    let mut failures = Vec::new();
    let mut n = 0;
    for (lang, lex) in &langs {
        for t in &lex.triggers {
            if t.examples.is_empty() {
                failures.push(format!("{lang}.trigger.{}: no example", t.id));
            }
            for e in &t.examples {
                n += 1;
                let out = ex.explain(&doc(&e.text, lang));
                let got: Vec<(String, Option<String>)> = out
                    .events
                    .iter()
                    .map(|ev| {
                        (
                            vigie_extract::subtype_key(&ev.sub_event_type),
                            ev.weapon.clone(),
                        )
                    })
                    .collect();
                match &e.expect {
                    Expect::None(s) if s == "none" => {
                        if !got.is_empty() {
                            failures.push(format!(
                                "{lang}.trigger.{}: expected no event in {:?}, got {got:?}",
                                t.id, e.text
                            ));
                        }
                    }
                    Expect::None(s) => {
                        failures.push(format!("{lang}.trigger.{}: bad expect {s:?}", t.id))
                    }
                    Expect::Some { r#type, weapon } => {
                        let ok = got
                            .iter()
                            .any(|(ty, w)| ty == r#type && (weapon.is_none() || w == weapon));
                        if !ok {
                            let trace: Vec<String> = out
                                .trace
                                .iter()
                                .filter(|t| t.stage == "dropped")
                                .map(|t| format!("{} ({})", t.text, t.note))
                                .collect();
                            failures.push(format!(
                                "{lang}.trigger.{}: expected {type} {weapon:?} in {:?}, got {got:?}; dropped: {trace:?}",
                                t.id, e.text
                            ));
                        }
                    }
                }
            }
        }
    }
    assert!(n > 20, "only {n} examples");
    assert!(
        failures.is_empty(),
        "{} of {n} examples failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
