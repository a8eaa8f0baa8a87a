//! Pass 1, candidates: the triggers of a sentence that can start an event.
//!
//! Reads the trigger hits of the sentence, its tree and its clause marks.
//! Drops stop phrases ("none" triggers), triggers in a read-also link or
//! teaser, and a weak trigger that only continues the trigger before it
//! ("strikes targeting"). Adds, per candidate: its trigger definition and
//! rule, its clause, and its node in the tree. Also builds the
//! [`SentenceView`] the later passes share: the tree, the statements and
//! who makes them, whether an aerial interception is told, and whether the
//! sentence is a headline (a title line; never the last sentence of the
//! text when it has a finite verb: a report cut off before its full stop).

use vigie_core::Span;

use super::context::{DocCtx, Dropped, Speaker, Story};
use crate::data::{Cue, TriggerDef};
use crate::parse::Tree;

/// One sentence as the passes read it.
pub struct SentenceView<'t> {
    pub index: usize,
    pub span: Span,
    /// A headline or title line (a verbless fragment): its events only
    /// merge into fuller ones.
    pub headline: bool,
    pub tree: Option<&'t Tree<'t>>,
    /// Statements of the sentence: (speaker, is a claim, cue span).
    pub speakers: Vec<(Speaker, bool, Span)>,
    /// The trigger hits of the sentence, with their nodes in the tree.
    pub triggers: Vec<SentenceTrigger>,
    /// An interception of an aerial weapon is told here: the other
    /// triggers tell the attack it stopped.
    pub interception: bool,
}

/// A trigger hit of a sentence.
#[derive(Debug, Clone, Copy)]
pub struct SentenceTrigger {
    pub span: Span,
    /// Index into the language's trigger definitions.
    pub def: usize,
    /// Its head word in the sentence's tree.
    pub node: Option<usize>,
}

impl SentenceTrigger {
    /// Its internal type ("none" for a stop phrase).
    pub fn kind<'a>(&self, cx: &DocCtx<'a>) -> &'a str {
        cx.lex
            .triggers
            .get(self.def)
            .map_or("none", |d| d.r#type.as_str())
    }
}

/// A trigger that may start an event.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub trigger: Span,
    /// Index into the language's trigger definitions.
    pub def: usize,
    /// "<lang>.trigger.<id>".
    pub rule: String,
    /// The trigger's clause in the sentence (token order: `;`, dashes,
    /// parentheses and clause-end cues bound it).
    pub clause: (usize, usize),
    /// The trigger's node in the sentence's tree.
    pub node: Option<usize>,
}

impl Candidate {
    pub fn def<'a>(&self, cx: &DocCtx<'a>) -> &'a TriggerDef {
        &cx.lex.triggers[self.def]
    }

    /// Its clause holds a date expression of its own: not anaphoric ("the
    /// next day"), not an open "since".
    pub fn clause_dated(&self, cx: &DocCtx<'_>) -> bool {
        let (cs, ce) = self.clause;
        cx.times
            .iter()
            .any(|m| !m.open_since && !m.anaphoric && m.span.start >= cs && m.span.end <= ce)
    }

    pub fn is_interception(&self, cx: &DocCtx<'_>) -> bool {
        self.def(cx).r#type == "disrupted_weapons_use"
    }

    /// A rejection of this candidate by rule `rule` (without the language).
    pub fn drop(&self, cx: &DocCtx<'_>, rule: &str, why: impl Into<String>) -> Dropped {
        Dropped {
            span: self.trigger,
            rule: format!("{}.{rule}", cx.lang),
            why: format!("{} ({})", why.into(), self.rule),
        }
    }
}

/// The view of sentence `si` the passes share.
pub fn sentence<'t>(cx: &DocCtx<'t>, si: usize, story: &Story) -> SentenceView<'t> {
    let (span, headline) = cx.sentences[si];
    let tree = cx.parses.tree(si);
    // A title line restates the lead; but a last sentence cut off before
    // its full stop, or a one-sentence report, with a finite verb is a
    // sentence whatever its last character.
    let last = si + 1 == cx.sentences.len();
    let headline =
        headline && !(last && tree.is_some_and(|t| (0..t.len()).any(|i| t.is_clause(i))));
    let triggers: Vec<SentenceTrigger> = cx
        .ann
        .triggers
        .iter()
        .filter(|t| span.contains(t.span))
        .map(|t| SentenceTrigger {
            span: t.span,
            def: t.def,
            node: tree.and_then(|tree| tree.head_in(t.span)),
        })
        .collect();
    let interception = triggers.iter().any(|t| {
        t.kind(cx) == "disrupted_weapons_use"
            && cx
                .weapon_in(span.start, span.end, t.span.start)
                .is_some_and(|(w, _)| cx.ontology.interceptable(&w))
    });
    SentenceView {
        index: si,
        span,
        headline,
        tree,
        speakers: cx.speakers(span, story),
        triggers,
        interception,
    }
}

/// The candidates of a sentence, in order; the dropped ones go to `dropped`.
pub fn of_sentence(
    cx: &DocCtx<'_>,
    s: &SentenceView<'_>,
    story: &Story,
    dropped: &mut Vec<Dropped>,
) -> Vec<Candidate> {
    let sent = s.span;
    let read_also = is_read_also(cx, sent);
    let mut out = Vec::new();
    for t in &s.triggers {
        let Some(def) = cx.lex.triggers.get(t.def) else {
            continue;
        };
        let c = Candidate {
            trigger: t.span,
            def: t.def,
            rule: format!("{}.trigger.{}", cx.lang, def.id),
            clause: cx.clause_of(sent, t.span.start, t.span.end),
            node: t.node,
        };
        if def.r#type == "none" {
            dropped.push(c.drop(cx, "candidates.stop_phrase", "stop phrase: not an event"));
        } else if read_also {
            dropped.push(c.drop(cx, "candidates.read_also", "read-also link or teaser"));
        } else if continues_previous(cx, sent, t.span, def) {
            dropped.push(c.drop(
                cx,
                "candidates.continues_previous",
                "continues the trigger before it (\"strikes targeting\")",
            ));
        } else {
            out.push(c);
        }
    }
    ellipses(cx, s, story, &mut out);
    out
}

/// A determiner on a verb heads its own phrase: the noun was left out
/// ("and another fell on Kursk").
fn stands_alone(tree: &Tree<'_>, i: usize) -> bool {
    tree.head(i)
        .is_some_and(|h| matches!(tree.upos(h), "VERB" | "AUX"))
}

/// "Another on B, a third on C", "une autre sur Barja": a word that stands
/// for one more event of the kind just told, with the noun left out. It is
/// a candidate of the last trigger's kind when it heads its own phrase (no
/// noun it qualifies, no number) and its clause names a place.
fn ellipses(cx: &DocCtx<'_>, s: &SentenceView<'_>, story: &Story, out: &mut Vec<Candidate>) {
    let Some(tree) = s.tree else {
        return;
    };
    let g = &cx.lex.grammar;
    for i in 0..tree.len() {
        if !g.ellipsis.contains(tree.lemma(i))
            || !matches!(tree.upos(i), "PRON" | "ADJ" | "NUM" | "DET")
            || !(matches!(
                tree.rel(i),
                "nsubj" | "obj" | "obl" | "conj" | "root" | "appos" | "parataxis"
            ) || (tree.rel(i) == "det" && stands_alone(tree, i)))
            || tree
                .children(i)
                .any(|c| matches!(tree.rel(c), "nummod" | "nmod"))
        {
            continue;
        }
        let span = tree.nodes[i].span;
        let last = out
            .iter()
            .rev()
            .find(|c| c.trigger.end <= span.start)
            .map(|c| c.def)
            .or(story
                .last_trigger
                .filter(|(si, _)| si + 1 >= s.index)
                .map(|(_, d)| d));
        let Some(def) = last else {
            continue;
        };
        if out.iter().any(|c| c.trigger.overlaps(span)) {
            continue;
        }
        let clause = cx.clause_of(s.span, span.start, span.end);
        let has_place = cx
            .places
            .iter()
            .any(|p| p.span.start >= clause.0.max(span.end) && p.span.end <= clause.1);
        if !has_place {
            continue;
        }
        out.push(Candidate {
            trigger: span,
            def,
            rule: format!("{}.candidates.ellipsis", cx.lang),
            clause,
            node: Some(i),
        });
    }
    out.sort_by_key(|c| c.trigger.start);
}

/// A "read also" link or a teaser line: nothing but a cue before the text.
fn is_read_also(cx: &DocCtx<'_>, sent: Span) -> bool {
    let sent_text = cx.folded_slice(sent.start, sent.end);
    let lead = sent_text.trim_start_matches(|c: char| !c.is_alphanumeric());
    lead.is_empty()
        || cx
            .ann
            .cues_in(Cue::ReadAlso, sent.start, sent.end)
            .any(|c| {
                let before = cx.folded_slice(sent.start, c.start);
                before.chars().all(|ch| !ch.is_alphanumeric())
            })
}

/// A weak generic trigger right after another trigger continues it
/// ("strikes targeting", "une attaque visant", "launched attacks").
pub fn continues_previous(cx: &DocCtx<'_>, sent: Span, trig: Span, def: &TriggerDef) -> bool {
    if !(def.weak && (def.r#type == "generic" || def.r#type == "strike")) {
        return false;
    }
    cx.ann.triggers.iter().any(|o| {
        sent.contains(o.span)
            && o.span.end <= trig.start
            && cx.words_between(o.span.end, trig.start) <= 1
            && cx
                .lex
                .triggers
                .get(o.def)
                .is_some_and(|d| d.r#type != "none" && d.r#type != "launch")
    })
}
