//! Prints every expression found in the files given (language fr unless
//! `--en`), with its value against an optional `--ref YYYY-MM-DD`.
//! `cargo run -p vigie-time --example scan -- [--en] [--ref D] FILE...`

use vigie_time::{Date, ResolveContext, TimeTagger};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let t = TimeTagger::bundled()?;
    let mut lang = "fr";
    let mut reference: Option<Date> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--en" => lang = "en",
            "--ref" => reference = args.next().and_then(|d| d.parse().ok()),
            path => {
                let text = std::fs::read_to_string(path)?;
                let ctx = ResolveContext {
                    reference,
                    ..Default::default()
                };
                println!(
                    "== {path} (inferred reference: {:?})",
                    t.infer_reference(&text, lang)
                );
                for m in t.find(&text, lang) {
                    let v = m
                        .resolve(&ctx)
                        .map(|v| format!("{}..{} p{}", v.start, v.end, v.precision));
                    println!("{:>40} | {:<28} {:?}", &text[m.start..m.end], m.rule, v);
                }
            }
        }
    }
    Ok(())
}
