//! vigie-resources: the knowledge files under `resources/` (lexicons, actors,
//! gazetteer, ontology), embedded in the binary at build time.
//!
//! [`Resources::embedded`] serves the bundled files; [`Resources::with_overrides`]
//! puts a directory in front of them (`--resources DIR`): a file present in the
//! directory replaces the bundled file of the same relative path, everything
//! else falls back to the bundled copy.
//!
//! Paths are relative with `/` separators, e.g. `lang/fr/abbreviations.tsv`.

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

#[derive(rust_embed::RustEmbed)]
#[folder = "../../resources/"]
#[exclude = "README.md"]
#[exclude = "*/README.md"]
struct Bundled;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("resources directory {path}: {source}")]
    Dir {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("resource {path} is not valid UTF-8")]
    NotUtf8 { path: String },
    #[error("resource {path} not found (neither in --resources nor bundled)")]
    Missing { path: String },
}

/// The resource files, bundled or overridden from a directory.
#[derive(Debug, Clone, Default)]
pub struct Resources {
    overrides: Option<PathBuf>,
}

impl Resources {
    /// The files compiled into the binary.
    pub fn embedded() -> Self {
        Resources { overrides: None }
    }

    /// Files in `dir` take precedence over the bundled ones.
    pub fn with_overrides(dir: impl Into<PathBuf>) -> Result<Self, Error> {
        let dir = dir.into();
        match std::fs::metadata(&dir) {
            Ok(m) if m.is_dir() => Ok(Resources {
                overrides: Some(dir),
            }),
            Ok(_) => Err(Error::Dir {
                path: dir,
                source: std::io::Error::new(std::io::ErrorKind::InvalidInput, "not a directory"),
            }),
            Err(source) => Err(Error::Dir { path: dir, source }),
        }
    }

    /// The override directory, if any.
    pub fn override_dir(&self) -> Option<&Path> {
        self.overrides.as_deref()
    }

    /// Raw bytes of a resource.
    pub fn bytes(&self, path: &str) -> Option<Cow<'static, [u8]>> {
        if let Some(dir) = &self.overrides
            && let Ok(b) = std::fs::read(dir.join(path))
        {
            return Some(Cow::Owned(b));
        }
        Bundled::get(path).map(|f| f.data)
    }

    /// Text of a resource, or `None` if it does not exist.
    pub fn text(&self, path: &str) -> Result<Option<Cow<'static, str>>, Error> {
        match self.bytes(path) {
            None => Ok(None),
            Some(Cow::Borrowed(b)) => std::str::from_utf8(b)
                .map(|s| Some(Cow::Borrowed(s)))
                .map_err(|_| Error::NotUtf8 {
                    path: path.to_string(),
                }),
            Some(Cow::Owned(b)) => {
                String::from_utf8(b)
                    .map(|s| Some(Cow::Owned(s)))
                    .map_err(|_| Error::NotUtf8 {
                        path: path.to_string(),
                    })
            }
        }
    }

    /// Text of a resource that must exist.
    pub fn require(&self, path: &str) -> Result<Cow<'static, str>, Error> {
        self.text(path)?.ok_or_else(|| Error::Missing {
            path: path.to_string(),
        })
    }

    /// Relative paths of all files under `prefix` (bundled and overridden),
    /// sorted.
    pub fn list(&self, prefix: &str) -> Vec<String> {
        let mut out: BTreeSet<String> = Bundled::iter()
            .filter(|p| p.starts_with(prefix))
            .map(|p| p.into_owned())
            .collect();
        if let Some(dir) = &self.overrides {
            let mut stack = vec![dir.join(prefix)];
            while let Some(d) = stack.pop() {
                let Ok(rd) = std::fs::read_dir(&d) else {
                    continue;
                };
                for entry in rd.flatten() {
                    let p = entry.path();
                    if p.is_dir() {
                        stack.push(p);
                    } else if let Ok(rel) = p.strip_prefix(dir) {
                        let rel: Vec<String> = rel
                            .components()
                            .map(|c| c.as_os_str().to_string_lossy().into_owned())
                            .collect();
                        out.insert(rel.join("/"));
                    }
                }
            }
        }
        out.into_iter().collect()
    }

    /// A stable hash of the effective resource set (16 hex digits): every
    /// file's relative path and bytes, the override replacing the bundled
    /// file of the same path, in path order. The store records it with the
    /// events these resources produced, so that a changed lexicon or
    /// gazetteer is noticed (`vigie ingest --reprocess`).
    pub fn fingerprint(&self) -> String {
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        for path in self.list("") {
            if let Some(bytes) = self.bytes(&path) {
                h.update(path.as_bytes());
                h.update(&[0]);
                h.update(&(bytes.len() as u64).to_le_bytes());
                h.update(&bytes);
            }
        }
        format!("{:016x}", h.digest())
    }

    /// The languages vigie has resources for: the folder names under
    /// `resources/lang/` (the `_template` folder excluded).
    pub fn languages(&self) -> Vec<String> {
        let mut langs: BTreeSet<String> = BTreeSet::new();
        for p in self.list("lang/") {
            if let Some(rest) = p.strip_prefix("lang/")
                && let Some((dir, _)) = rest.split_once('/')
                && !dir.starts_with('_')
            {
                langs.insert(dir.to_string());
            }
        }
        langs.into_iter().collect()
    }
}

/// Lines of a TSV/list resource: `#` comments and blank lines dropped, each
/// with its 1-based line number for error messages.
pub fn data_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
}

/// A small multiplicative hasher (FxHash over 8-byte words) for tables
/// keyed by phrases and names from the resources: the keys are our own
/// data, so hash flooding is not a concern, and SipHash is several times
/// slower on short keys.
#[derive(Debug, Default, Clone, Copy)]
pub struct FxHasher(u64);

impl std::hash::Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// `HashMap<K, V, FxBuild>`: a map with [`FxHasher`].
pub type FxBuild = std::hash::BuildHasherDefault<FxHasher>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_languages_include_french_and_english() {
        let langs = Resources::embedded().languages();
        assert!(langs.contains(&"fr".to_string()), "{langs:?}");
        assert!(langs.contains(&"en".to_string()), "{langs:?}");
        assert!(!langs.iter().any(|l| l.starts_with('_')));
    }

    #[test]
    fn the_fingerprint_changes_with_an_overridden_file_and_only_then()
    -> Result<(), Box<dyn std::error::Error>> {
        let bundled = Resources::embedded().fingerprint();
        assert_eq!(bundled, Resources::embedded().fingerprint());
        let dir = tempfile::tempdir()?;
        let empty = Resources::with_overrides(dir.path())?;
        assert_eq!(
            empty.fingerprint(),
            bundled,
            "an empty override changes nothing"
        );
        let path = "lang/fr/abbreviations.tsv";
        std::fs::create_dir_all(dir.path().join("lang/fr"))?;
        let same = Resources::embedded().bytes(path).ok_or("no bundled file")?;
        std::fs::write(dir.path().join(path), &same)?;
        assert_eq!(
            empty.fingerprint(),
            bundled,
            "the same bytes are the same set"
        );
        let mut changed = same.into_owned();
        changed.extend_from_slice(b"\nzz.\n");
        std::fs::write(dir.path().join(path), &changed)?;
        assert_ne!(empty.fingerprint(), bundled);
        Ok(())
    }

    #[test]
    fn override_directory_wins_and_falls_back() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        std::fs::create_dir_all(dir.path().join("lang/fr"))?;
        std::fs::write(
            dir.path().join("lang/fr/abbreviations.tsv"),
            "# test\nXyz\n",
        )?;
        let r = Resources::with_overrides(dir.path())?;
        assert_eq!(r.require("lang/fr/abbreviations.tsv")?, "# test\nXyz\n");
        assert!(r.require("lang/en/abbreviations.tsv")?.contains("Mr"));
        Ok(())
    }

    #[test]
    fn missing_resource_is_an_error_naming_it() {
        let e = Resources::embedded().require("nope/nothing.tsv");
        assert!(matches!(e, Err(Error::Missing { ref path }) if path == "nope/nothing.tsv"));
    }

    #[test]
    fn data_lines_skip_comments() {
        let v: Vec<_> = data_lines("# c\n\na\n  # d\nb\n").collect();
        assert_eq!(v, vec![(3, "a"), (5, "b")]);
    }
}
