//! The directory walker on small trees built from the input: directories,
//! files (some hidden), sockets (special files), and symbolic links up to
//! the root, sideways, to themselves or nowhere. Each input is walked
//! without and with `--follow`.
//!
//! Invariants: the walk ends (libFuzzer's timeout catches a hang) and gives
//! the same items twice in a row; no special file is ever handed out to be
//! read; without `follow`, exactly the visible regular files come out,
//! once each, and no path through a link; with `follow`, no file comes out
//! twice (by device and inode) and never more items than the tree has
//! entries (each directory listed once); every other entry is a skipped or failed item with a reason.
#![no_main]

#[path = "common.rs"]
mod common;

use std::collections::HashSet;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use vigie_pipeline::input::{Found, WorkItem, walk};

static DIR: LazyLock<PathBuf> = LazyLock::new(common::scratch_dir);

const NAMES: &[&str] = &["a", "b.txt", "c", ".h", "d.html", "e"];

/// Builds the tree under `root`; returns the regular files that the walk
/// without `follow` must hand out (not hidden, not under a hidden folder).
fn build(root: &Path, data: &[u8]) -> (HashSet<PathBuf>, usize) {
    // (path, depth below root, hidden on the way)
    let mut dirs: Vec<(PathBuf, usize, bool)> = vec![(root.to_path_buf(), 0, false)];
    let mut visible = HashSet::new();
    let mut entries = 0;
    for op in data.chunks(2).take(48) {
        let (kind, arg) = (op[0], op.get(1).copied().unwrap_or(0));
        let (parent, depth, hidden) = dirs[usize::from(arg) % dirs.len()].clone();
        let name = NAMES[usize::from(kind >> 3) % NAMES.len()];
        let path = parent.join(name);
        if path.symlink_metadata().is_ok() {
            continue;
        }
        let hidden = hidden || name.starts_with('.');
        let made = match kind & 7 {
            0 | 1 => std::fs::create_dir(&path).map(|()| dirs.push((path.clone(), depth + 1, hidden))),
            2 | 3 => std::fs::write(&path, [arg]).map(|()| {
                if !hidden {
                    visible.insert(path.clone());
                }
            }),
            4 => std::os::unix::net::UnixListener::bind(&path).map(drop),
            _ => {
                // up to the root (never above it), sideways, or nowhere
                let up = usize::from(arg >> 4) % (depth + 2);
                let target = if up > depth {
                    PathBuf::from("/nonexistent/vigie-fuzz")
                } else {
                    let mut t = PathBuf::from("../".repeat(up));
                    if arg & 8 != 0 {
                        t.push(NAMES[usize::from(arg) % NAMES.len()]);
                    }
                    if t.as_os_str().is_empty() {
                        t.push(".");
                    }
                    t
                };
                std::os::unix::fs::symlink(target, &path)
            }
        };
        if made.is_ok() {
            entries += 1;
        }
    }
    (visible, entries)
}

fn describe(items: &[Result<Found, WorkItem>]) -> Vec<String> {
    items
        .iter()
        .map(|i| match i {
            Ok(f) => format!("read {}", f.path.display()),
            Err(w) => format!("{w:?}"),
        })
        .collect()
}

fuzz_target!(|data: &[u8]| {
    let root = DIR.join("tree");
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(&root).expect("scratch tree");
    let (visible, entries) = build(&root, data);
    let inputs = [root.clone()];
    for follow in [false, true] {
        let items: Vec<_> = walk(&inputs, follow).take(100_000).collect();
        assert!(items.len() < 100_000, "the walk does not end");
        let again: Vec<_> = walk(&inputs, follow).collect();
        assert_eq!(describe(&items), describe(&again), "deterministic");
        let mut seen = HashSet::new();
        let mut read = HashSet::new();
        for item in &items {
            match item {
                Ok(found) => {
                    assert!(!found.named);
                    let m = std::fs::metadata(&found.path).expect("a found file exists");
                    assert!(m.is_file(), "special file handed out: {}", found.path.display());
                    assert!(seen.insert((m.dev(), m.ino())), "read twice: {}", found.path.display());
                    read.insert(found.path.clone());
                }
                Err(WorkItem::Skipped { reason, .. } | WorkItem::Failed { reason, .. }) => {
                    assert!(!reason.is_empty());
                }
                Err(other) => panic!("unexpected item {other:?}"),
            }
        }
        if follow {
            // each directory is listed once, so each item is a distinct
            // entry of the tree
            assert!(items.len() <= entries, "{} items from {entries} entries: {:?}", items.len(), describe(&items));
        } else {
            assert_eq!(read, visible, "{:?}", describe(&items));
            assert_eq!(seen.len(), items.iter().filter(|i| i.is_ok()).count());
        }
    }
});
