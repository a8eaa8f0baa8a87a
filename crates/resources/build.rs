//! The resources are embedded by `rust-embed`, which tracks the files it
//! saw but not the files added since: watch the whole folder so that a new
//! lexicon file rebuilds the crate.
fn main() {
    println!("cargo:rerun-if-changed=../../resources");
}
