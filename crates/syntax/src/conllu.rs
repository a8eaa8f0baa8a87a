//! CoNLL-U reading and writing.
//!
//! Contract: [`parse`] reads a whole CoNLL-U text into [`Sentence`]s and never
//! panics. A malformed line (wrong column count, bad ID or HEAD, IDs out of
//! order) makes the whole read fail with a [`ConlluError`] naming its 1-based
//! line number: silently skipping lines would shift every later sentence.
//! Comment lines, multiword-token range lines (`3-4`) and empty nodes (`5.1`)
//! are kept verbatim in their place, so [`write`] gives back the input text
//! (line endings normalized to `\n`, one blank line after each sentence).
//! Syntactic words (`Line::Word`) are what the tagger and parser see.

use std::fmt::Write as _;

/// One sentence: its comments, then its lines in file order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sentence {
    /// Comment lines including the leading `#`.
    pub comments: Vec<String>,
    pub lines: Vec<Line>,
}

/// A token line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Line {
    /// A syntactic word (integer ID).
    Word(Word),
    /// A multiword-token range line (`3-4`), kept verbatim.
    Range(String),
    /// An empty node (`5.1`), kept verbatim.
    Empty(String),
}

/// A syntactic word: the ten columns, HEAD parsed (`None` for `_`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Word {
    pub id: u32,
    pub form: String,
    pub lemma: String,
    pub upos: String,
    pub xpos: String,
    pub feats: String,
    pub head: Option<u32>,
    pub deprel: String,
    pub deps: String,
    pub misc: String,
}

/// Why a line was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ConlluErrorKind {
    #[error("expected 10 tab-separated columns, found {0}")]
    Columns(usize),
    #[error("bad ID {0:?}")]
    Id(String),
    #[error("word ID {found} where {expected} was expected")]
    Order { found: u32, expected: u32 },
    #[error("bad HEAD {0:?}")]
    Head(String),
    #[error("HEAD {head} points outside the sentence of {words} words")]
    HeadRange { head: u32, words: usize },
}

/// A malformed line, with its 1-based line number.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {kind}")]
pub struct ConlluError {
    pub line: usize,
    pub kind: ConlluErrorKind,
}

impl Sentence {
    /// The syntactic words, in order.
    pub fn words(&self) -> impl Iterator<Item = &Word> {
        self.lines.iter().filter_map(|l| match l {
            Line::Word(w) => Some(w),
            _ => None,
        })
    }

    /// The syntactic words, mutable.
    pub fn words_mut(&mut self) -> impl Iterator<Item = &mut Word> {
        self.lines.iter_mut().filter_map(|l| match l {
            Line::Word(w) => Some(w),
            _ => None,
        })
    }

    /// Number of syntactic words.
    pub fn len(&self) -> usize {
        self.words().count()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Parses a CoNLL-U text (see the module contract).
pub fn parse(text: &str) -> Result<Vec<Sentence>, ConlluError> {
    let mut out = Vec::new();
    let mut cur = Sentence::default();
    let mut first_line = 0;
    for (i, raw) in text.split('\n').enumerate() {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        if line.trim().is_empty() {
            finish(&mut cur, &mut out, first_line)?;
            continue;
        }
        if cur.comments.is_empty() && cur.lines.is_empty() {
            first_line = i + 1;
        }
        if line.starts_with('#') && cur.lines.is_empty() {
            cur.comments.push(line.to_string());
            continue;
        }
        let expected = cur.len() as u32 + 1;
        let parsed =
            parse_line(line, expected).map_err(|kind| ConlluError { line: i + 1, kind })?;
        cur.lines.push(parsed);
    }
    finish(&mut cur, &mut out, first_line)?;
    Ok(out)
}

fn finish(
    cur: &mut Sentence,
    out: &mut Vec<Sentence>,
    first_line: usize,
) -> Result<(), ConlluError> {
    if cur.comments.is_empty() && cur.lines.is_empty() {
        return Ok(());
    }
    let n = cur.len();
    let lines = (first_line + cur.comments.len()..).zip(&cur.lines);
    for (line, l) in lines {
        if let Line::Word(w) = l
            && let Some(h) = w.head.filter(|&h| h as usize > n)
        {
            return Err(ConlluError {
                line,
                kind: ConlluErrorKind::HeadRange { head: h, words: n },
            });
        }
    }
    out.push(std::mem::take(cur));
    Ok(())
}

fn parse_line(line: &str, expected: u32) -> Result<Line, ConlluErrorKind> {
    let cols: Vec<&str> = line.split('\t').collect();
    if cols.len() != 10 {
        return Err(ConlluErrorKind::Columns(cols.len()));
    }
    let id = cols[0];
    if let Some((a, b)) = id.split_once('-') {
        return match (a.parse::<u32>(), b.parse::<u32>()) {
            (Ok(a), Ok(b)) if a == expected && b > a => Ok(Line::Range(line.to_string())),
            _ => Err(ConlluErrorKind::Id(id.to_string())),
        };
    }
    if let Some((a, b)) = id.split_once('.') {
        return match (a.parse::<u32>(), b.parse::<u32>()) {
            (Ok(a), Ok(_)) if a + 1 == expected => Ok(Line::Empty(line.to_string())),
            _ => Err(ConlluErrorKind::Id(id.to_string())),
        };
    }
    let n: u32 = id
        .parse()
        .map_err(|_| ConlluErrorKind::Id(id.to_string()))?;
    if n != expected {
        return Err(ConlluErrorKind::Order { found: n, expected });
    }
    let head = match cols[6] {
        "_" => None,
        h => Some(
            h.parse::<u32>()
                .map_err(|_| ConlluErrorKind::Head(h.to_string()))?,
        ),
    };
    Ok(Line::Word(Word {
        id: n,
        form: cols[1].to_string(),
        lemma: cols[2].to_string(),
        upos: cols[3].to_string(),
        xpos: cols[4].to_string(),
        feats: cols[5].to_string(),
        head,
        deprel: cols[7].to_string(),
        deps: cols[8].to_string(),
        misc: cols[9].to_string(),
    }))
}

/// Appends one sentence in CoNLL-U, followed by a blank line.
pub fn write_sentence(s: &Sentence, out: &mut String) {
    for c in &s.comments {
        out.push_str(c);
        out.push('\n');
    }
    for l in &s.lines {
        match l {
            Line::Word(w) => write_word(w, out),
            Line::Range(raw) | Line::Empty(raw) => out.push_str(raw),
        }
        out.push('\n');
    }
    out.push('\n');
}

fn write_word(w: &Word, out: &mut String) {
    let head = w.head.map_or_else(|| "_".to_string(), |h| h.to_string());
    let _ = write!(
        out,
        "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
        w.id, w.form, w.lemma, w.upos, w.xpos, w.feats, head, w.deprel, w.deps, w.misc
    );
}

/// Writes sentences in CoNLL-U.
pub fn write(sentences: &[Sentence]) -> String {
    let mut out = String::new();
    for s in sentences {
        write_sentence(s, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# sent_id = 1\n# text = Au bord.\n1-2\tAu\t_\t_\t_\t_\t_\t_\t_\t_\n1\tà\tà\tADP\t_\t_\t3\tcase\t_\t_\n2\tle\tle\tDET\t_\t_\t3\tdet\t_\t_\n3\tbord\tbord\tNOUN\t_\t_\t0\troot\t_\tSpaceAfter=No\n3.1\tvu\tvoir\tVERB\t_\t_\t_\t_\t3:conj\t_\n4\t.\t.\tPUNCT\t_\t_\t3\tpunct\t_\t_\n\n";

    #[test]
    fn reads_ranges_and_empty_nodes() {
        let s = parse(SAMPLE).unwrap();
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].comments.len(), 2);
        assert_eq!(s[0].len(), 4);
        assert!(matches!(s[0].lines[0], Line::Range(_)));
        assert!(matches!(s[0].lines[4], Line::Empty(_)));
        let forms: Vec<&str> = s[0].words().map(|w| w.form.as_str()).collect();
        assert_eq!(forms, ["à", "le", "bord", "."]);
    }

    #[test]
    fn writes_back_the_same_text() {
        let s = parse(SAMPLE).unwrap();
        assert_eq!(write(&s), SAMPLE);
    }

    #[test]
    fn crlf_and_missing_final_blank_line() {
        let text = "1\ta\ta\tX\t_\t_\t0\troot\t_\t_\r\n\r\n1\tb\tb\tX\t_\t_\t0\troot\t_\t_";
        let s = parse(text).unwrap();
        assert_eq!(s.len(), 2);
        assert_eq!(s[1].lines.len(), 1);
    }

    #[test]
    fn errors_carry_line_numbers() {
        let e = parse("# c\n1\ta\n").unwrap_err();
        assert_eq!(e.line, 2);
        assert_eq!(e.kind, ConlluErrorKind::Columns(2));
        let e = parse("1\ta\ta\tX\t_\t_\t0\troot\t_\t_\n3\tb\tb\tX\t_\t_\t0\troot\t_\t_\n")
            .unwrap_err();
        assert_eq!(e.line, 2);
        let e = parse("1\ta\ta\tX\t_\t_\tx\troot\t_\t_\n").unwrap_err();
        assert_eq!(e.kind, ConlluErrorKind::Head("x".into()));
        let e = parse("\n\n1\ta\ta\tX\t_\t_\t0\troot\t_\t_\n2\tb\tb\tX\t_\t_\t9\troot\t_\t_\n")
            .unwrap_err();
        assert_eq!(
            (e.line, e.kind),
            (4, ConlluErrorKind::HeadRange { head: 9, words: 2 })
        );
        assert!(parse("1-x\ta\t_\t_\t_\t_\t_\t_\t_\t_\n").is_err());
    }

    #[test]
    fn never_panics_on_junk() {
        for junk in [
            "\t\t\t",
            "#",
            "\u{0}\n\n",
            "1-1\t",
            "0\t\t\t\t\t\t\t\t\t",
            "1.x\t\t\t\t\t\t\t\t\t",
        ] {
            let _ = parse(junk);
        }
    }

    #[test]
    fn head_underscore_is_none() {
        let s = parse("1\ta\t_\t_\t_\t_\t_\t_\t_\t_\n").unwrap();
        assert_eq!(s[0].words().next().map(|w| w.head), Some(None));
    }
}
