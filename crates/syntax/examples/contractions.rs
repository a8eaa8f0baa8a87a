//! `cargo run --release -p vigie-syntax --example contractions -- LANG FILE...`:
//! accuracy of the model's ambiguous-contraction classifier (French `des`:
//! `de les` or determiner) on CoNLL-U files, per form, against the majority
//! decision of each file. A file `-` reads sentences (words separated by
//! spaces) from stdin and prints the decisions.

fn main() {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut args = std::env::args().skip(1);
    let lang = args.next().unwrap_or_else(|| "fr".into());
    let model = vigie_syntax::Model::load_lang(&root.join("resources/models"), &lang)
        .unwrap_or_else(|e| panic!("{lang}: {e}"));
    for file in args {
        if file == "-" {
            // sentences of space-separated words on stdin: print the decisions
            let mut out = Vec::new();
            for line in std::io::stdin().lines().map_while(Result::ok) {
                let words: Vec<&str> = line.split_whitespace().collect();
                model.split_contractions(&words, &mut out);
                let marked: Vec<String> = words
                    .iter()
                    .zip(&out)
                    .map(|(w, &s)| {
                        if s {
                            format!("[{w}=split]")
                        } else {
                            w.to_string()
                        }
                    })
                    .collect();
                println!("{}", marked.join(" "));
            }
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{file}: {e}"));
        let sents = vigie_syntax::conllu::parse(&text).unwrap_or_else(|e| panic!("{file}: {e}"));
        for e in &model.contractions.entries {
            let (ok, n, split) = model
                .contractions
                .evaluate(&model.tagger, &sents, Some(&e.form));
            let pct = |x: usize| x as f64 / n.max(1) as f64;
            println!(
                "{file}: {:?} accuracy {:.4} ({ok}/{n}); majority {:.4} ({split} split, {} determiner)",
                e.form,
                pct(ok),
                pct(split.max(n - split)),
                n - split
            );
        }
    }
}
