//! The parse pass: tags, lemmatizes and parses the sentences extraction
//! selects, into [`Tree`]s the later passes read.
//!
//! Contract: reads a document's token stream (its syntactic words) and the
//! sentence indices [`crate::select`] chose; adds one [`Tree`] per parsed
//! sentence and the [`ParseCounts`]. A language without a model
//! (`resources/models/<lang>.syntax`) is counted as selected but not
//! parsed, and the passes then fall back to the token order.

use std::cell::RefCell;
use std::collections::BTreeMap;

use vigie_core::{Doc, ParseCounts};
use vigie_resources::Resources;
use vigie_syntax::{Analysis, Model};

use crate::Error;
use vigie_core::Span;

/// The syntax models of the languages that have one.
#[derive(Debug, Default)]
pub struct Models {
    by_lang: BTreeMap<String, Model>,
}

/// Where a language's model lives in the resources.
pub fn model_path(lang: &str) -> String {
    format!("models/{lang}.syntax")
}

impl Models {
    /// Loads the model of every language folder that has one.
    pub fn load(r: &Resources) -> Result<Models, Error> {
        let mut by_lang = BTreeMap::new();
        for lang in r.languages() {
            let path = model_path(&lang);
            let Some(bytes) = r.bytes(&path) else {
                continue;
            };
            // Embedded bytes are borrowed in place (no copy of the tables).
            let model = Model::from_cow(bytes).map_err(|source| Error::Syntax {
                path: path.clone(),
                source,
            })?;
            by_lang.insert(lang, model);
        }
        Ok(Models { by_lang })
    }

    /// The model of `lang`, if there is one.
    pub fn get(&self, lang: &str) -> Option<&Model> {
        self.by_lang.get(lang)
    }

    pub fn is_empty(&self) -> bool {
        self.by_lang.is_empty()
    }

    /// The languages that have a model.
    pub fn languages(&self) -> impl Iterator<Item = &str> {
        self.by_lang.keys().map(String::as_str)
    }

    /// Parses the `selected` sentences of `doc`: one tree per parsed
    /// sentence (by sentence index), and the counts.
    pub fn parse_selected<'m>(&'m self, doc: &Doc, selected: &[usize]) -> Parses<'m> {
        let mut out = Parses {
            trees: Vec::new(),
            counts: ParseCounts {
                sentences: doc.sentences.len(),
                selected: selected.len(),
                ..ParseCounts::default()
            },
        };
        let Some(model) = self.get(doc.lang.as_str()) else {
            return out;
        };
        out.trees.resize_with(doc.sentences.len(), || None);
        SCRATCH.with_borrow_mut(|analysis| {
            for &i in selected {
                let sentence = parser_sentence(model, doc, i);
                if sentence.words.is_empty() || i >= out.trees.len() {
                    continue;
                }
                model.annotate(&sentence.words, analysis);
                out.counts.parsed += 1;
                out.counts.words += analysis.len();
                out.counts.fell_back += usize::from(analysis.fell_back);
                out.trees[i] = Some(Tree::new(model, &sentence, analysis));
            }
        });
        out
    }
}

/// The trees of one document's parsed sentences.
#[derive(Debug, Default)]
pub struct Parses<'m> {
    /// By sentence index; `None` for a sentence not parsed.
    pub trees: Vec<Option<Tree<'m>>>,
    pub counts: ParseCounts,
}

impl<'m> Parses<'m> {
    /// The tree of sentence `i`, if it was parsed.
    pub fn tree(&self, i: usize) -> Option<&Tree<'m>> {
        self.trees.get(i).and_then(Option::as_ref)
    }
}

/// One syntactic word of a parsed sentence.
#[derive(Debug, Clone)]
pub struct Node<'m> {
    /// The span of the token it belongs to in the normalized text (the
    /// words of "du" share the span of "du").
    pub span: Span,
    /// The lemma, lower-cased, and the FEATS: ranges of [`Tree::strings`]
    /// (one buffer per sentence, not two strings per word).
    lemma: std::ops::Range<u32>,
    feats: std::ops::Range<u32>,
    pub upos: &'m str,
    /// The full relation ("obl:agent"); [`Tree::rel`] gives its base.
    pub deprel: &'m str,
    /// The head's index, `None` for the root.
    pub head: Option<usize>,
}

/// A parsed sentence: its words in order, each with its head.
#[derive(Debug, Clone, Default)]
pub struct Tree<'m> {
    pub nodes: Vec<Node<'m>>,
    strings: String,
}

impl<'m> Tree<'m> {
    fn new(model: &'m Model, sentence: &ParserSentence<'_>, a: &Analysis) -> Tree<'m> {
        let mut nodes = Vec::with_capacity(a.len());
        let mut strings = String::new();
        let mut push = |s: &str, lower: bool| {
            let start = strings.len() as u32;
            if lower && s.chars().any(char::is_uppercase) {
                strings.extend(s.chars().flat_map(char::to_lowercase));
            } else {
                strings.push_str(s);
            }
            start..strings.len() as u32
        };
        for t in &sentence.tokens {
            let start = t.end.saturating_sub(t.surface.len() as u32);
            let span = Span::new(start as usize, t.end as usize);
            for i in t.words.clone() {
                if i >= a.len() {
                    break;
                }
                nodes.push(Node {
                    span,
                    lemma: push(a.lemma(i), true),
                    feats: push(a.feats(i), false),
                    upos: model.upos_name(a.upos[i]),
                    deprel: model.deprel_name(a.deprel[i]),
                    head: (a.head[i] as usize).checked_sub(1),
                });
            }
        }
        Tree { nodes, strings }
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    fn text_of(&self, r: &std::ops::Range<u32>) -> &str {
        self.strings
            .get(r.start as usize..r.end as usize)
            .unwrap_or("")
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// The base relation of node `i` ("obl" for "obl:agent").
    pub fn rel(&self, i: usize) -> &str {
        let d = self.nodes.get(i).map_or("", |n| n.deprel);
        d.split(':').next().unwrap_or(d)
    }

    pub fn head(&self, i: usize) -> Option<usize> {
        self.nodes.get(i).and_then(|n| n.head)
    }

    pub fn lemma(&self, i: usize) -> &str {
        self.nodes.get(i).map_or("", |n| self.text_of(&n.lemma))
    }

    pub fn upos(&self, i: usize) -> &str {
        self.nodes.get(i).map_or("", |n| n.upos)
    }

    /// The value of feature `key` of node `i` ("Fut" for `Tense`).
    pub fn feat(&self, i: usize, key: &str) -> Option<&str> {
        let feats = self.text_of(&self.nodes.get(i)?.feats);
        feats.split('|').find_map(|kv| {
            let (k, v) = kv.split_once('=')?;
            (k == key).then_some(v)
        })
    }

    /// The first node whose token covers byte `pos` of the normalized text
    /// (for "du", the preposition "de").
    pub fn node_at(&self, pos: usize) -> Option<usize> {
        self.nodes
            .iter()
            .position(|n| n.span.start <= pos && pos < n.span.end.max(n.span.start + 1))
    }

    /// The head word of the nodes inside `span`: the one whose head lies
    /// outside it (the first such node).
    pub fn head_in(&self, span: Span) -> Option<usize> {
        let inside = |i: usize| {
            let s = self.nodes[i].span;
            s.start >= span.start && s.end <= span.end
        };
        let nodes: Vec<usize> = (0..self.nodes.len()).filter(|&i| inside(i)).collect();
        nodes
            .iter()
            .copied()
            .find(|&i| self.head(i).is_none_or(|h| !inside(h)))
            .or_else(|| nodes.first().copied())
    }

    /// The children of node `i`, in order.
    pub fn children(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        self.nodes
            .iter()
            .enumerate()
            .filter(move |(_, n)| n.head == Some(i))
            .map(|(j, _)| j)
    }

    /// Node `i`'s ancestors, nearest first (bounded: a tree has no cycle,
    /// but a corrupt one must not hang).
    pub fn ancestors(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let mut cur = self.head(i);
        let mut left = self.nodes.len();
        std::iter::from_fn(move || {
            let h = cur?;
            if left == 0 {
                return None;
            }
            left -= 1;
            cur = self.head(h);
            Some(h)
        })
    }

    /// True when `a` is `d` or one of its ancestors.
    pub fn dominates(&self, a: usize, d: usize) -> bool {
        a == d || self.ancestors(d).any(|x| x == a)
    }

    /// The predicate that owns node `i`'s clause: `i` itself when it is a
    /// verb, else the nearest verb above it through the relations that
    /// stay inside a clause (subject, object, oblique, nominal modifier,
    /// compound, conjunct); `None` for a verbless fragment (a headline).
    pub fn predicate(&self, i: usize) -> Option<usize> {
        let mut x = i;
        for _ in 0..self.nodes.len() {
            if self.upos(x) == "VERB" {
                return Some(x);
            }
            let inside = matches!(
                self.rel(x),
                "nsubj"
                    | "obj"
                    | "iobj"
                    | "obl"
                    | "nmod"
                    | "compound"
                    | "flat"
                    | "conj"
                    | "appos"
                    | "amod"
                    | "nummod"
                    | "det"
                    | "dep"
                    | "fixed"
            );
            match self.head(x) {
                Some(h) if inside => x = h,
                _ => return (self.upos(x) == "AUX" || self.has_copula(x)).then_some(x),
            }
        }
        None
    }

    /// True when node `i` heads a copular clause ("était une attaque").
    fn has_copula(&self, i: usize) -> bool {
        self.children(i).any(|c| self.rel(c) == "cop")
    }

    /// The lemmas of node `i`'s case markers and fixed expressions ("from",
    /// "depuis", "en provenance de" → "en", "provenance", "de" on the head).
    pub fn case_lemmas(&self, i: usize) -> impl Iterator<Item = &str> + '_ {
        self.children(i)
            .filter(|&c| matches!(self.rel(c), "case" | "mark"))
            .flat_map(move |c| {
                std::iter::once(c).chain(self.children(c).filter(move |&f| self.rel(f) == "fixed"))
            })
            .map(|c| self.lemma(c))
    }

    /// True when node `i` is a finite verb or auxiliary.
    pub fn is_finite(&self, i: usize) -> bool {
        matches!(self.upos(i), "VERB" | "AUX") && self.feat(i, "VerbForm") == Some("Fin")
    }

    /// Node `i` heads a clause: a finite verb, or a verb with a subject
    /// (the tagger reads "police arrested …" without a full stop as a
    /// participle, but a subject makes it a past tense).
    pub fn is_clause(&self, i: usize) -> bool {
        self.is_finite(i)
            || self.upos(i) == "VERB" && self.children(i).any(|c| self.rel(c) == "nsubj")
    }

    /// The tree as one line for `--explain`: each word as
    /// `n:form/UPOS deprel>head` (heads numbered from 1, 0 for the root).
    pub fn render(&self, text: &str) -> String {
        let mut out = String::new();
        for (i, n) in self.nodes.iter().enumerate() {
            let form = text.get(n.span.range()).unwrap_or("");
            let head = n.head.map_or(0, |h| h + 1);
            if !out.is_empty() {
                out.push_str("  ");
            }
            out.push_str(&format!("{}:{form}/{} {}>{head}", i + 1, n.upos, n.deprel));
        }
        out
    }

    /// The byte span of the subtree of node `i`.
    pub fn subtree_span(&self, i: usize) -> Span {
        let mut span = self.nodes[i].span;
        for j in 0..self.nodes.len() {
            if self.dominates(i, j) {
                let s = self.nodes[j].span;
                span = Span::new(span.start.min(s.start), span.end.max(s.end));
            }
        }
        span
    }
}

thread_local! {
    /// One analysis buffer per worker thread, reused across sentences.
    static SCRATCH: RefCell<Analysis> = RefCell::new(Analysis::default());
}

/// A sentence as the parser reads it: its syntactic words, and the tokens
/// they come from. A multiword token of the stream ("du" = "de le") and an
/// ambiguous contraction the model splits (French "des" = "de les") are one
/// token of several words; any other word is a token of its own.
#[derive(Debug, Default)]
pub struct ParserSentence<'a> {
    pub words: Vec<&'a str>,
    pub tokens: Vec<ParserToken<'a>>,
}

/// One token of a [`ParserSentence`].
#[derive(Debug, Clone)]
pub struct ParserToken<'a> {
    /// The token as written in the normalized text.
    pub surface: &'a str,
    /// Its end offset in the normalized text.
    pub end: u32,
    /// Its words: a range of [`ParserSentence::words`].
    pub words: std::ops::Range<usize>,
}

/// The words the parser reads for sentence `i` of `doc`. The model decides
/// the ambiguous contractions from the stream's word forms.
pub fn parser_sentence<'a>(model: &'a Model, doc: &'a Doc, i: usize) -> ParserSentence<'a> {
    let stream = &doc.tokens;
    let text = doc.norm.text.as_str();
    let stream_words = stream.sentence_words(i);
    let forms: Vec<&str> = stream_words
        .iter()
        .map(|w| stream.word_form(text, w))
        .collect();
    let mut split = Vec::new();
    model.split_contractions(&forms, &mut split);
    let mut out = ParserSentence {
        words: Vec::with_capacity(forms.len() + 2),
        tokens: Vec::with_capacity(forms.len()),
    };
    let mut k = 0;
    while k < stream_words.len() {
        let w = stream_words[k];
        let first = out.words.len();
        let multiword = w.multiword.and_then(|m| stream.multiwords.get(m as usize));
        let (surface, end, taken) = match multiword {
            Some(mw) => {
                let parts = ((mw.words.end - mw.words.start) as usize).max(1);
                out.words.extend(forms.iter().skip(k).take(parts));
                let surface = text.get(mw.start as usize..mw.end as usize).unwrap_or("");
                (surface, mw.end, parts)
            }
            None => {
                match model.contraction_parts(forms[k]).filter(|_| split[k]) {
                    Some(parts) => out.words.extend(parts.iter().map(String::as_str)),
                    None => out.words.push(forms[k]),
                }
                (forms[k], w.end, 1)
            }
        };
        out.tokens.push(ParserToken {
            surface,
            end,
            words: first..out.words.len(),
        });
        k += taken;
    }
    out
}
