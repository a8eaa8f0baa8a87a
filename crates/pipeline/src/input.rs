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

/// Expands the inputs into the ordered list of files to read (directories
/// recursively, entries sorted by name). Problems become work items.
pub fn expand(inputs: &[PathBuf]) -> Vec<Result<PathBuf, WorkItem>> {
    let mut out = Vec::new();
    for input in inputs {
        if input.as_os_str() == "-" {
            out.push(Ok(input.clone()));
            continue;
        }
        match std::fs::metadata(input) {
            Err(e) => out.push(Err(WorkItem::Failed {
                origin: display(input),
                reason: format!("unreadable: {e}"),
            })),
            Ok(m) if m.is_dir() => walk_dir(input, &mut out),
            Ok(_) => out.push(Ok(input.clone())),
        }
    }
    out
}

/// Depth-first, sorted, without recursion (deep trees cannot overflow).
fn walk_dir(root: &Path, out: &mut Vec<Result<PathBuf, WorkItem>>) {
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let entries = match std::fs::read_dir(&dir) {
            Ok(rd) => rd,
            Err(e) => {
                out.push(Err(WorkItem::Failed {
                    origin: display(&dir),
                    reason: format!("unreadable directory: {e}"),
                }));
                continue;
            }
        };
        let mut files = Vec::new();
        let mut dirs = Vec::new();
        for entry in entries.flatten() {
            let path = entry.path();
            let name = entry.file_name();
            if name.to_string_lossy().starts_with('.') {
                continue; // hidden files and folders (.git, .DS_Store)
            }
            match std::fs::metadata(&path) {
                Ok(m) if m.is_dir() => dirs.push(path),
                Ok(_) => files.push(path),
                Err(e) => out.push(Err(WorkItem::Failed {
                    origin: display(&path),
                    reason: format!("unreadable: {e}"),
                })),
            }
        }
        files.sort();
        dirs.sort();
        out.extend(files.into_iter().map(Ok));
        // Reverse so that the first directory is popped first.
        stack.extend(dirs.into_iter().rev());
    }
}

pub fn display(p: &Path) -> String {
    p.display().to_string()
}

/// Reads one expanded input and hands its work items to `emit`, streaming
/// JSON Lines one line at a time.
pub fn read(path: &Path, max_line_bytes: usize, emit: &mut dyn FnMut(WorkItem) -> bool) {
    if path.as_os_str() == "-" {
        // stdin has no name: JSON Lines if it starts like it (then streamed
        // line by line, so a scraper can pipe into a long ingest), else one
        // text document.
        let mut stdin = BufReader::with_capacity(1 << 16, std::io::stdin().lock());
        match first_non_space(&mut stdin) {
            Ok(Some(b'{')) => read_lines("<stdin>", stdin, max_line_bytes, emit),
            Ok(_) => {
                emit(read_capped(
                    "<stdin>".into(),
                    None,
                    Format::Text,
                    stdin,
                    None,
                    read_cap(max_line_bytes),
                ));
            }
            Err(e) => {
                emit(WorkItem::Failed {
                    origin: "<stdin>".into(),
                    reason: format!("unreadable: {e}"),
                });
            }
        }
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
            let size = file.metadata().map(|m| m.len()).ok();
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
