//! Inputs: files, directories (recursive, sorted), `-` for stdin. Each input
//! yields work items in a deterministic order; reading is sequential and
//! cheap, everything costly (decoding, HTML, JSON) happens in the workers.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// How a file's bytes are to be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Html,
    /// One JSON object per line.
    JsonLines,
    /// One JSON object or an array of them.
    Json,
}

impl Format {
    /// The format a file name announces, `None` for unsupported extensions,
    /// `Some(Text)` for files without an extension.
    pub fn from_path(path: &Path) -> Result<Format, String> {
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase());
        match ext.as_deref() {
            None => Ok(Format::Text),
            Some("txt" | "text") => Ok(Format::Text),
            Some("html" | "htm" | "xhtml") => Ok(Format::Html),
            Some("jsonl" | "ndjson") => Ok(Format::JsonLines),
            Some("json") => Ok(Format::Json),
            Some(other) => Err(format!(
                "unsupported type (.{other}); vigie reads .txt, .html, .htm, .jsonl, .ndjson, .json"
            )),
        }
    }
}

/// One unit of work: one document's raw material, or a verdict reached
/// without reading any further.
#[derive(Debug)]
pub enum WorkItem {
    /// A whole file (or stdin) holding one document.
    File {
        origin: String,
        name: Option<String>,
        format: Format,
        bytes: Vec<u8>,
        /// The file's full size when only its beginning was read (see
        /// [`read_cap`]).
        cut_from: Option<u64>,
    },
    /// One line of a JSON Lines input.
    JsonLine {
        origin: String,
        bytes: Vec<u8>,
    },
    /// One object of a `.json` input.
    JsonValue {
        origin: String,
        value: serde_json::Value,
    },
    Skipped {
        origin: String,
        reason: String,
    },
    Failed {
        origin: String,
        reason: String,
    },
}

/// A file the walk found, to be read with [`read`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub path: PathBuf,
    /// Named on the command line (not found inside a directory): read even
    /// when it is not a regular file (a FIFO, `<(scraper)`).
    pub named: bool,
}

/// The inputs, walked lazily in a deterministic order: each named input in
/// turn; a directory depth first, its files (sorted by name) before its
/// subdirectories (sorted by name); hidden entries (`.git`, `.DS_Store`)
/// left out. Problems and refusals come out as work items, in place.
///
/// Inside directories, symbolic links are not followed unless `follow` is
/// set (each is then a skipped item that says so); with `follow`, a link
/// back to one of its ancestors is reported as a loop and not entered, and
/// a file or directory reached a second time through another link is not
/// read again. Entries that are neither regular files nor directories
/// (FIFOs, sockets, devices) are skipped without being opened: opening a
/// FIFO would block for ever.
pub struct Walk {
    inputs: std::collections::VecDeque<PathBuf>,
    dir: Option<walkdir::IntoIter>,
    follow: bool,
    /// Files and directories already reached, the named directories
    /// included (only with `follow`: without it, a walk reaches every file
    /// by exactly one path).
    seen: std::collections::HashSet<FileKey>,
}

/// Walks `inputs` (see [`Walk`]).
pub fn walk(inputs: &[PathBuf], follow: bool) -> Walk {
    Walk {
        inputs: inputs.iter().cloned().collect(),
        dir: None,
        follow,
        seen: std::collections::HashSet::new(),
    }
}

impl Iterator for Walk {
    type Item = Result<Found, WorkItem>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(dir) = &mut self.dir {
                match dir.next() {
                    None => self.dir = None,
                    Some(entry) => {
                        if let Some(found) = self.entry(entry) {
                            return Some(found);
                        }
                    }
                }
                continue;
            }
            let input = self.inputs.pop_front()?;
            if input.as_os_str() == "-" {
                return Some(Ok(Found {
                    path: input,
                    named: true,
                }));
            }
            match std::fs::metadata(&input) {
                Err(e) => {
                    return Some(Err(WorkItem::Failed {
                        origin: display(&input),
                        reason: format!("unreadable: {e}"),
                    }));
                }
                Ok(m) if m.is_dir() => {
                    self.dir = Some(
                        walkdir::WalkDir::new(&input)
                            .follow_links(self.follow)
                            .sort_by(|a, b| {
                                (a.file_type().is_dir(), a.file_name())
                                    .cmp(&(b.file_type().is_dir(), b.file_name()))
                            })
                            .into_iter(),
                    );
                }
                Ok(_) => {
                    return Some(Ok(Found {
                        path: input,
                        named: true,
                    }));
                }
            }
        }
    }
}

impl Walk {
    /// The verdict on one directory entry; `None` to go on silently.
    fn entry(
        &mut self,
        entry: walkdir::Result<walkdir::DirEntry>,
    ) -> Option<Result<Found, WorkItem>> {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => return Some(Err(walk_error(&e))),
        };
        let ty = entry.file_type();
        let hidden = entry.depth() > 0 && entry.file_name().to_string_lossy().starts_with('.');
        if hidden {
            if ty.is_dir() {
                self.skip_current_dir();
            }
            return None;
        }
        let origin = || display(entry.path());
        if ty.is_symlink() {
            // Only reached without `follow` (with it, the entry is the target).
            return Some(Err(WorkItem::Skipped {
                origin: origin(),
                reason: "symbolic link, not followed (--follow reads links inside directories)"
                    .into(),
            }));
        }
        if self.follow {
            match file_key(&entry) {
                Ok(key) => {
                    if !self.seen.insert(key) {
                        if ty.is_dir() {
                            self.skip_current_dir();
                        }
                        return Some(Err(WorkItem::Skipped {
                            origin: origin(),
                            reason: format!(
                                "already read through another path (a symbolic link leads to this {} twice)",
                                if ty.is_dir() { "directory" } else { "file" }
                            ),
                        }));
                    }
                }
                Err(e) => {
                    return Some(Err(WorkItem::Failed {
                        origin: origin(),
                        reason: format!("unreadable: {e}"),
                    }));
                }
            }
        }
        if !(ty.is_dir() || ty.is_file()) {
            return Some(Err(WorkItem::Skipped {
                origin: origin(),
                reason: format!("not a regular file ({}); not opened", file_kind(&ty)),
            }));
        }
        if ty.is_dir() {
            return None;
        }
        Some(Ok(Found {
            path: entry.into_path(),
            named: false,
        }))
    }

    fn skip_current_dir(&mut self) {
        if let Some(dir) = &mut self.dir {
            dir.skip_current_dir();
        }
    }
}

/// A walk error as the document's (or directory's) outcome.
fn walk_error(e: &walkdir::Error) -> WorkItem {
    let origin = e.path().map(display).unwrap_or_default();
    if let Some(ancestor) = e.loop_ancestor() {
        return WorkItem::Skipped {
            origin,
            reason: format!(
                "symbolic link loop (leads back to {}); not followed",
                display(ancestor)
            ),
        };
    }
    let io = e
        .io_error()
        .map_or_else(|| e.to_string(), |io| io.to_string());
    WorkItem::Failed {
        origin,
        reason: format!("unreadable: {io}"),
    }
}

/// What a file type that is neither a file, a directory nor a link is.
fn file_kind(ty: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if ty.is_fifo() {
            return "FIFO";
        }
        if ty.is_socket() {
            return "socket";
        }
        if ty.is_block_device() {
            return "block device";
        }
        if ty.is_char_device() {
            return "character device";
        }
    }
    let _ = ty;
    "special file"
}

/// The identity of a file whatever the path it is reached by.
#[cfg(unix)]
type FileKey = (u64, u64);
#[cfg(not(unix))]
type FileKey = PathBuf;

#[cfg(unix)]
fn file_key(entry: &walkdir::DirEntry) -> std::io::Result<FileKey> {
    use std::os::unix::fs::MetadataExt;
    let m = entry.metadata().map_err(std::io::Error::other)?;
    Ok((m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn file_key(entry: &walkdir::DirEntry) -> std::io::Result<FileKey> {
    std::fs::canonicalize(entry.path())
}

pub fn display(p: &Path) -> String {
    p.display().to_string()
}

/// Reads one file the walk found and hands its work items to `emit`,
/// streaming JSON Lines one line at a time. `-` is stdin.
pub fn read(found: &Found, max_line_bytes: usize, emit: &mut dyn FnMut(WorkItem) -> bool) {
    let path = found.path.as_path();
    if path.as_os_str() == "-" {
        read_stream(
            "<stdin>".into(),
            std::io::stdin().lock(),
            max_line_bytes,
            emit,
        );
        return;
    }
    let origin = display(path);
    let format = match Format::from_path(path) {
        Ok(f) => f,
        Err(reason) => {
            emit(WorkItem::Skipped { origin, reason });
            return;
        }
    };
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) => {
            emit(WorkItem::Failed {
                origin,
                reason: format!("unreadable: {e}"),
            });
            return;
        }
    };
    // A FIFO or `<(scraper)` named on the command line: its size is not
    // known, and without an extension it is read as stdin is.
    let regular = file.metadata().map(|m| m.is_file()).unwrap_or(false);
    if !regular && path.extension().is_none() {
        read_stream(origin, file, max_line_bytes, emit);
        return;
    }
    match format {
        Format::JsonLines => read_lines(&origin, file, max_line_bytes, emit),
        Format::Json => {
            let mut bytes = Vec::new();
            if let Err(e) = BufReader::new(file).read_to_end(&mut bytes) {
                emit(WorkItem::Failed {
                    origin,
                    reason: format!("unreadable: {e}"),
                });
                return;
            }
            read_json(&origin, &bytes, emit);
        }
        Format::Text | Format::Html => {
            let size = file
                .metadata()
                .ok()
                .filter(|m| m.is_file())
                .map(|m| m.len());
            emit(read_capped(
                origin,
                name,
                format,
                file,
                size,
                read_cap(max_line_bytes),
            ));
        }
    }
}

/// A stream without a name to go by (stdin, a pipe): JSON Lines if it
/// starts like it (then streamed line by line, so a scraper can pipe into
/// a long ingest), else one text document.
fn read_stream(
    origin: String,
    reader: impl Read,
    max_line_bytes: usize,
    emit: &mut dyn FnMut(WorkItem) -> bool,
) {
    let mut reader = BufReader::with_capacity(1 << 16, reader);
    match first_non_space(&mut reader) {
        Ok(Some(b'{')) => read_lines(&origin, reader, max_line_bytes, emit),
        Ok(_) => {
            emit(read_capped(
                origin,
                None,
                Format::Text,
                reader,
                None,
                read_cap(max_line_bytes),
            ));
        }
        Err(e) => {
            emit(WorkItem::Failed {
                origin,
                reason: format!("unreadable: {e}"),
            });
        }
    }
}

/// Skips leading ASCII white space without consuming anything else and
/// returns the first other byte (`None` at the end of the input).
fn first_non_space(reader: &mut impl BufRead) -> std::io::Result<Option<u8>> {
    loop {
        let buf = match reader.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            return Ok(None);
        }
        match buf.iter().position(|b| !b.is_ascii_whitespace()) {
            Some(i) => {
                let first = buf[i];
                reader.consume(i);
                return Ok(Some(first));
            }
            None => {
                let n = buf.len();
                reader.consume(n);
            }
        }
    }
}

/// One whole-document item from at most `cap` bytes of `reader`; a longer
/// input is cut on a line break or space (never inside a character) and
/// marked with the size it had (`size`, when known).
fn read_capped(
    origin: String,
    name: Option<String>,
    format: Format,
    reader: impl Read,
    size: Option<u64>,
    cap: usize,
) -> WorkItem {
    let mut bytes = Vec::new();
    if let Err(e) = BufReader::new(reader)
        .take(cap as u64 + 1)
        .read_to_end(&mut bytes)
    {
        return WorkItem::Failed {
            origin,
            reason: format!("unreadable: {e}"),
        };
    }
    let mut cut_from = None;
    if bytes.len() > cap {
        let keep = bytes[..cap]
            .iter()
            .rposition(|b| matches!(b, b'\n' | b' '))
            .map_or(cap, |p| p + 1);
        bytes.truncate(keep);
        cut_from = Some(size.unwrap_or(cap as u64 + 1));
    }
    WorkItem::File {
        origin,
        name,
        format,
        bytes,
        cut_from,
    }
}

/// Bytes read of a text or HTML file: more can never be kept (the text is
/// truncated to `max_doc_bytes` after decoding; UTF-16 and markup shrink by
/// less than 4×), and reading a huge file whole would hold it all in memory.
pub fn read_cap(max_doc_bytes: usize) -> usize {
    max_doc_bytes.saturating_mul(4).max(1 << 20)
}

/// JSON Lines: one work item per non-blank line, `origin` = `path:line`.
fn read_lines(
    origin: &str,
    reader: impl Read,
    max_line_bytes: usize,
    emit: &mut dyn FnMut(WorkItem) -> bool,
) {
    let mut reader = BufReader::with_capacity(1 << 16, reader);
    let mut line_no = 0usize;
    let mut buf = Vec::new();
    loop {
        buf.clear();
        line_no += 1;
        // Read at most max_line_bytes + 1 bytes of the line; drain the rest.
        let n = match (&mut reader)
            .take(max_line_bytes as u64 + 1)
            .read_until(b'\n', &mut buf)
        {
            Ok(0) => return,
            Ok(n) => n,
            Err(e) => {
                emit(WorkItem::Failed {
                    origin: format!("{origin}:{line_no}"),
                    reason: format!("unreadable: {e}"),
                });
                return;
            }
        };
        let line_origin = format!("{origin}:{line_no}");
        if n > max_line_bytes && !buf.ends_with(b"\n") {
            // Skip the remainder of this over-long line without holding it.
            let mut skipped = n;
            while let Ok(avail) = reader.fill_buf() {
                if avail.is_empty() {
                    break;
                }
                if let Some(p) = avail.iter().position(|&b| b == b'\n') {
                    reader.consume(p + 1);
                    skipped += p;
                    break;
                }
                let l = avail.len();
                skipped += l;
                reader.consume(l);
            }
            let keep_going = emit(WorkItem::Skipped {
                origin: line_origin,
                reason: format!(
                    "line of {skipped} bytes exceeds the limit of {max_line_bytes} bytes (raise --max-doc-bytes)"
                ),
            });
            if !keep_going {
                return;
            }
            continue;
        }
        if buf.iter().all(|b| b.is_ascii_whitespace()) {
            continue;
        }
        if !emit(WorkItem::JsonLine {
            origin: line_origin,
            bytes: std::mem::take(&mut buf),
        }) {
            return;
        }
    }
}

fn read_json(origin: &str, bytes: &[u8], emit: &mut dyn FnMut(WorkItem) -> bool) {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    match serde_json::from_slice::<serde_json::Value>(bytes) {
        Err(e) => {
            emit(WorkItem::Failed {
                origin: origin.to_string(),
                reason: format!("malformed JSON: {e}"),
            });
        }
        Ok(serde_json::Value::Array(items)) => {
            if items.is_empty() {
                emit(WorkItem::Skipped {
                    origin: origin.to_string(),
                    reason: "empty (JSON array with no objects)".into(),
                });
            }
            for (i, value) in items.into_iter().enumerate() {
                if !emit(WorkItem::JsonValue {
                    origin: format!("{origin}[{i}]"),
                    value,
                }) {
                    return;
                }
            }
        }
        Ok(value) => {
            emit(WorkItem::JsonValue {
                origin: origin.to_string(),
                value,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn walked(inputs: &[PathBuf], follow: bool) -> Vec<String> {
        walk(inputs, follow)
            .map(|f| match f {
                Ok(f) => display(&f.path),
                Err(WorkItem::Skipped { origin, .. }) => format!("skipped {origin}"),
                Err(other) => format!("{other:?}"),
            })
            .collect()
    }

    #[test]
    fn walk_order_is_files_then_directories_sorted_hidden_left_out() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for p in [
            "b/z.txt",
            "b/a.txt",
            "a/c/d.txt",
            ".git/x.txt",
            "m.txt",
            "c.txt",
            ".h.txt",
        ] {
            let p = root.join(p);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, "x").unwrap();
        }
        let rel: Vec<String> = walked(&[root.to_path_buf()], false)
            .into_iter()
            .map(|p| p.replacen(&display(root), "", 1))
            .collect();
        assert_eq!(
            rel,
            ["/c.txt", "/m.txt", "/a/c/d.txt", "/b/a.txt", "/b/z.txt"]
        );
    }

    #[cfg(unix)]
    #[test]
    fn walk_is_lazy_and_reads_a_linked_file_once() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("in");
        std::fs::create_dir_all(root.join("d")).unwrap();
        std::fs::write(root.join("d/a.txt"), "x").unwrap();
        std::os::unix::fs::symlink("d/a.txt", root.join("link.txt")).unwrap();
        std::os::unix::fs::symlink("..", root.join("d/up")).unwrap();
        // The first file comes out before the rest of the tree is listed.
        let mut w = walk(std::slice::from_ref(&root), true);
        assert!(matches!(w.next(), Some(Ok(Found { named: false, .. }))));
        assert!(w.dir.is_some(), "the walk is still going");
        let rest: Vec<String> = w
            .map(|f| match f {
                Ok(f) => display(&f.path),
                Err(WorkItem::Skipped { reason, .. }) => reason,
                Err(other) => format!("{other:?}"),
            })
            .collect();
        assert_eq!(rest.len(), 2, "{rest:?}");
        assert!(
            rest[0].starts_with("already read through another path"),
            "{rest:?}"
        );
        assert!(rest[1].starts_with("symbolic link loop"), "{rest:?}");
    }
}
