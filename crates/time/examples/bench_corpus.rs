//! Writes the benchmark paragraphs (one per line) and measures vigie-time on
//! them, for `scripts/bench_dateparser.py`:
//! `cargo run --release -p vigie-time --example bench_corpus -- OUTDIR [N]`
//! writes OUTDIR/fr.txt and OUTDIR/en.txt and prints one JSON line per
//! language with texts, bytes, expressions found, seconds, expressions/s, MB/s.

use std::time::Instant;

use vigie_time::TimeTagger;

#[path = "../benches/corpus.rs"]
mod corpus;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = args.next().ok_or("usage: bench_corpus OUTDIR [N]")?;
    let n: usize = args.next().map(|s| s.parse()).transpose()?.unwrap_or(500);
    std::fs::create_dir_all(&dir)?;
    let t = TimeTagger::bundled()?;
    for lang in ["fr", "en"] {
        let texts = corpus::texts(lang, n);
        std::fs::write(format!("{dir}/{lang}.txt"), texts.join("\n") + "\n")?;
        let bytes: usize = texts.iter().map(String::len).sum();
        // repeat until at least one second has passed
        let start = Instant::now();
        let mut rounds = 0u32;
        let mut found = 0usize;
        while rounds == 0 || start.elapsed().as_secs_f64() < 1.0 {
            found = texts.iter().map(|x| t.find(x, lang).len()).sum();
            rounds += 1;
        }
        let secs = start.elapsed().as_secs_f64() / f64::from(rounds);
        println!(
            "{{\"engine\":\"vigie\",\"lang\":\"{lang}\",\"texts\":{},\"bytes\":{bytes},\"found\":{found},\"seconds\":{secs:.6},\"expr_per_s\":{:.1},\"mb_per_s\":{:.3}}}",
            texts.len(),
            found as f64 / secs,
            bytes as f64 / secs / 1e6
        );
    }
    Ok(())
}
