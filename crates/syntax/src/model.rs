//! The model file of one language (tagger, lemmatizer, parser) and the
//! annotation entry points.
//!
//! File layout (little-endian): magic `VIGIESYN`, format version (u32),
//! language code, hash of the training input files (FNV-1a 64 over each
//! file's name and bytes, in the listed order), hash of the trainer
//! settings, the input file names (relative to the treebank folder), the
//! settings as text, then the tagger, the lemmatizer, the parser and the
//! ambiguous contractions. Weight tables are single little-endian byte
//! arrays, used in place when the bytes are `'static`
//! ([`Model::from_static`], [`Model::from_cow`]) and copied otherwise.
//!
//! Contract: every loader checks magic and version first and fails
//! with a typed [`Error`] on any inconsistency; it never panics.
//! [`Model::annotate`] never fails.

use std::borrow::Cow;
use std::path::Path;

use crate::Error;
use crate::conllu::{self, Line};
use crate::contract::{Contractions, SplitScratch};
use crate::io::{Reader, Writer};
use crate::lemma::Lemmatizer;
use crate::parser::{ParseState, Parser};
use crate::tagger::{TagScratch, Tagger};

/// First bytes of every model file.
pub const MAGIC: &[u8; 8] = b"VIGIESYN";
/// Version of the file layout this build reads and writes.
pub const FORMAT_VERSION: u32 = 3;

/// What a model file says about itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Header {
    pub lang: String,
    pub inputs_hash: u64,
    pub settings_hash: u64,
    pub inputs: Vec<String>,
    pub settings: String,
}

impl Header {
    fn write(&self, w: &mut Writer) {
        w.buf.extend_from_slice(MAGIC);
        w.u32(FORMAT_VERSION);
        w.str(&self.lang);
        w.u64(self.inputs_hash);
        w.u64(self.settings_hash);
        w.strs(&self.inputs);
        w.str(&self.settings);
    }

    /// Reads and checks the header (magic, version).
    pub fn read_from(r: &mut Reader) -> Result<Header, Error> {
        if r.take(8).map_err(|_| Error::BadMagic)? != MAGIC {
            return Err(Error::BadMagic);
        }
        let found = r.u32()?;
        if found != FORMAT_VERSION {
            return Err(Error::Version {
                found,
                expected: FORMAT_VERSION,
            });
        }
        Ok(Header {
            lang: r.str()?,
            inputs_hash: r.u64()?,
            settings_hash: r.u64()?,
            inputs: r.strs()?,
            settings: r.str()?,
        })
    }

    /// Reads only the header of a model file's bytes.
    pub fn from_bytes(bytes: &[u8]) -> Result<Header, Error> {
        Header::read_from(&mut Reader::new(bytes))
    }
}

/// A loaded language model.
#[derive(Clone, Debug)]
pub struct Model {
    pub header: Header,
    pub tagger: Tagger,
    pub lemmatizer: Lemmatizer,
    pub parser: Parser,
    /// Ambiguous contractions (French `des`) and their classifier.
    pub contractions: Contractions,
    verb: Option<u16>,
}

thread_local! {
    static SPLIT: std::cell::RefCell<SplitScratch> = std::cell::RefCell::new(SplitScratch::default());
}

/// The analysis of one sentence; reuse it across sentences to avoid
/// allocations. Indices are 0-based word positions.
#[derive(Clone, Debug, Default)]
pub struct Analysis {
    /// UPOS id per word ([`Model::upos_name`]).
    pub upos: Vec<u16>,
    /// Head per word: 0 for the root, else the 1-based head position.
    pub head: Vec<u32>,
    /// Relation id per word ([`Model::deprel_name`]).
    pub deprel: Vec<u16>,
    /// True when the sentence was over the parser's length cap and got a
    /// flat tree (every word on the first verb or first word, `dep`).
    pub fell_back: bool,
    feat_vals: Vec<u8>,
    lemmas: String,
    lemma_ends: Vec<usize>,
    feats: String,
    feats_ends: Vec<usize>,
    tag: TagScratch,
    parse: ParseState,
    words: Vec<u64>,
    morph: Vec<u64>,
    key: Vec<u8>,
}

impl Analysis {
    /// Number of words.
    pub fn len(&self) -> usize {
        self.upos.len()
    }

    pub fn is_empty(&self) -> bool {
        self.upos.is_empty()
    }

    /// The lemma of word `i` (empty when out of range).
    pub fn lemma(&self, i: usize) -> &str {
        slice(&self.lemmas, &self.lemma_ends, i)
    }

    /// The FEATS of word `i` (`Key=Value|…`, keys sorted, or `_`).
    pub fn feats(&self, i: usize) -> &str {
        slice(&self.feats, &self.feats_ends, i)
    }
}

fn slice<'a>(text: &'a str, ends: &[usize], i: usize) -> &'a str {
    let Some(&end) = ends.get(i) else { return "" };
    let start = if i == 0 { 0 } else { ends[i - 1] };
    text.get(start..end).unwrap_or("")
}

impl Model {
    /// Loads a model from its file bytes (the weight tables are copied;
    /// see [`Model::from_static`] to borrow them).
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, Error> {
        Model::read(&mut Reader::new(bytes))
    }

    /// Loads a model from bytes that live for the whole program (embedded
    /// in the binary): the weight tables are read in place, not copied, so
    /// loading touches only the small tables.
    pub fn from_static(bytes: &'static [u8]) -> Result<Model, Error> {
        Model::read(&mut Reader::new_static(bytes))
    }

    /// [`Model::from_static`] for borrowed bytes, [`Model::from_bytes`] for
    /// owned ones.
    pub fn from_cow(bytes: Cow<'static, [u8]>) -> Result<Model, Error> {
        match bytes {
            Cow::Borrowed(b) => Model::from_static(b),
            Cow::Owned(b) => Model::from_bytes(&b),
        }
    }

    fn read(r: &mut Reader) -> Result<Model, Error> {
        let header = Header::read_from(r)?;
        let tagger = Tagger::read(r)?;
        let lemmatizer = Lemmatizer::read(r)?;
        let parser = Parser::read(r)?;
        let contractions = Contractions::read(r)?;
        Ok(Model::new(header, tagger, lemmatizer, parser, contractions))
    }

    /// Loads a model file.
    pub fn load(path: &Path) -> Result<Model, Error> {
        let bytes = std::fs::read(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Model::from_bytes(&bytes)
    }

    /// Loads `<dir>/<lang>.syntax`.
    pub fn load_lang(dir: &Path, lang: &str) -> Result<Model, Error> {
        let path = dir.join(format!("{lang}.syntax"));
        if !path.exists() {
            return Err(Error::NoModel(lang.to_string()));
        }
        Model::load(&path)
    }

    /// Assembles a model (used by training).
    pub fn new(
        header: Header,
        tagger: Tagger,
        lemmatizer: Lemmatizer,
        parser: Parser,
        contractions: Contractions,
    ) -> Model {
        let verb = tagger.upos.id("VERB");
        Model {
            header,
            tagger,
            lemmatizer,
            parser,
            contractions,
            verb,
        }
    }

    /// The model file bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::default();
        self.header.write(&mut w);
        self.tagger.write(&mut w);
        self.lemmatizer.write(&mut w);
        self.parser.write(&mut w);
        self.contractions.write(&mut w);
        w.buf
    }

    pub fn upos_name(&self, id: u16) -> &str {
        self.tagger.upos.name(id)
    }

    pub fn deprel_name(&self, id: u16) -> &str {
        self.parser.deprels.name(id)
    }

    /// Decides the ambiguous contractions of a sentence (French `des`: `de
    /// les` or the determiner): `out[i]` is true when `words[i]` should be
    /// replaced by [`Model::contraction_parts`] before [`Model::annotate`]
    /// (which never splits anything itself). `words` are the sentence's
    /// syntactic words as the tokenizer gives them.
    pub fn split_contractions(&self, words: &[&str], out: &mut Vec<bool>) {
        SPLIT.with_borrow_mut(|s| {
            self.contractions.split(&self.tagger, words, out, s);
        });
    }

    /// The parts of an ambiguous contraction (`des` → `de`, `les`; first
    /// part capitalized when the form is), or `None` for other words.
    pub fn contraction_parts(&self, form: &str) -> Option<&[String]> {
        self.contractions.parts(form)
    }

    /// Tags, lemmatizes and parses one sentence of syntactic words.
    pub fn annotate(&self, words: &[&str], out: &mut Analysis) {
        self.tag(words, out);
        self.lemmatize(words, out);
        self.parse_tagged(out);
    }

    /// Parses a sentence already tagged by [`Model::tag`] into `out`.
    pub fn parse_tagged(&self, out: &mut Analysis) {
        let n = out.upos.len();
        out.words.clear();
        out.words
            .extend(out.tag.lex.iter().skip(2).take(n).map(|l| l.w));
        self.tagger.morph_hashes(&out.feat_vals, &mut out.morph);
        let o = self.parser.parse(
            &out.words,
            &out.upos,
            &out.morph,
            self.verb,
            &mut out.head,
            &mut out.deprel,
            &mut out.parse,
        );
        out.fell_back = o.fell_back;
    }

    /// Tags only (UPOS and FEATS), leaving heads empty.
    pub fn tag(&self, words: &[&str], out: &mut Analysis) {
        self.tagger
            .tag(words, &mut out.upos, &mut out.feat_vals, &mut out.tag);
        let nk = self.tagger.schema.keys.len();
        out.feats.clear();
        out.feats_ends.clear();
        for i in 0..words.len() {
            self.tagger
                .schema
                .render(&out.feat_vals[i * nk..(i + 1) * nk], &mut out.feats);
            out.feats_ends.push(out.feats.len());
        }
        out.head.clear();
        out.deprel.clear();
        out.fell_back = false;
    }

    fn lemmatize(&self, words: &[&str], out: &mut Analysis) {
        out.lemmas.clear();
        out.lemma_ends.clear();
        for (w, &u) in words.iter().zip(&out.upos) {
            self.lemmatizer
                .lemmatize_into(w, u as u8, &mut out.lemmas, &mut out.key);
            out.lemma_ends.push(out.lemmas.len());
        }
    }
}

/// Re-annotates a CoNLL-U text: keeps comments, IDs, forms, range lines,
/// empty nodes and MISC; fills LEMMA, UPOS, FEATS, HEAD, DEPREL; sets XPOS
/// and DEPS to `_`. A sentence that fell back gets a `# vigie_fallback`
/// comment. Fails only on malformed CoNLL-U.
pub fn annotate_conllu(model: &Model, text: &str) -> Result<String, crate::conllu::ConlluError> {
    let mut sentences = conllu::parse(text)?;
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    let mut a = Analysis::default();
    for s in &mut sentences {
        let forms: Vec<String> = s.words().map(|w| w.form.clone()).collect();
        let words: Vec<&str> = forms.iter().map(String::as_str).collect();
        model.annotate(&words, &mut a);
        if a.fell_back {
            s.comments.push(format!(
                "# vigie_fallback = flat tree ({} words over the cap of {})",
                words.len(),
                model.parser.max_words
            ));
        }
        fill(model, &a, s);
        conllu::write_sentence(s, &mut out);
    }
    Ok(out)
}

fn fill(model: &Model, a: &Analysis, s: &mut conllu::Sentence) {
    let mut i = 0;
    for l in &mut s.lines {
        let Line::Word(w) = l else { continue };
        w.lemma = match a.lemma(i) {
            "" => "_".to_string(),
            l => l.to_string(),
        };
        w.upos = model.upos_name(a.upos[i]).to_string();
        w.xpos = "_".to_string();
        w.feats = a.feats(i).to_string();
        w.head = Some(a.head[i]);
        w.deprel = model.deprel_name(a.deprel[i]).to_string();
        w.deps = "_".to_string();
        i += 1;
    }
}
