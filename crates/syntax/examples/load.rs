//! `cargo run --release -p vigie-syntax --example load -- [MODELS_DIR]`: how
//! long loading both model files takes in a fresh process (bytes already
//! read; and with `Model::from_static` on bytes embedded with
//! `include_bytes!`, as the binary embeds them), the figure that matters at
//! start-up.

fn main() {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dir = std::env::args()
        .nth(1)
        .map_or_else(|| root.join("resources/models"), Into::into);
    static EN: &[u8] = include_bytes!("../../../resources/models/en.syntax");
    static FR: &[u8] = include_bytes!("../../../resources/models/fr.syntax");
    let start = std::time::Instant::now();
    let models: Vec<_> = [EN, FR]
        .into_iter()
        .map(vigie_syntax::Model::from_static)
        .collect();
    let took = start.elapsed();
    if models.iter().all(Result::is_ok) {
        println!("borrowing loader (from_static, embedded bytes): both models in {took:.1?}");
    } else {
        println!(
            "embedded models do not load (retrain?): {:?}",
            models[0].as_ref().err()
        );
    }
    let bytes: Vec<Vec<u8>> = ["en", "fr"]
        .iter()
        .map(|l| {
            std::fs::read(dir.join(format!("{l}.syntax"))).unwrap_or_else(|e| panic!("{l}: {e}"))
        })
        .collect();
    let start = std::time::Instant::now();
    let models: Vec<_> = bytes
        .iter()
        .map(|b| vigie_syntax::Model::from_bytes(b))
        .collect();
    let took = start.elapsed();
    assert!(models.iter().all(Result::is_ok));
    println!("copying loader (from_bytes): both models in {took:.1?}");
}
