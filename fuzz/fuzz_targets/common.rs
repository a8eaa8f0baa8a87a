// Shared by the fuzz targets (included with `#[path]`, not a crate).

use std::path::PathBuf;

/// `true` when `span` lies on character boundaries of `text`.
#[allow(dead_code)]
pub fn on_boundaries(text: &str, start: usize, end: usize) -> bool {
    start <= end && end <= text.len() && text.is_char_boundary(start) && text.is_char_boundary(end)
}

/// A private scratch directory for this fuzzing process.
#[allow(dead_code)]
pub fn scratch_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("vigie-fuzz-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}
