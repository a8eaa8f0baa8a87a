//! Pass 10, attribution: who says who did it.
//!
//! Runs on each record after merging. Reads the statements of the record's
//! sentences (its evidence, the sentences merged into it, and the next
//! sentence when that tells no event of its own): a claim cue with an
//! actor as its speaker (`claims`), an accusation cue with its speaker and
//! the party named after the cue (`accuses`), a denial cue with its
//! speaker (`denies`), and, in the evidence sentence, a named non-actor
//! source reporting who did it (`attributes`: "according to the
//! Observatory, IS fighters attacked…"). An accuser or a denier is never
//! the perpetrator: when actor1 is one, it becomes the accused party, or
//! nobody. Adds `attribution` and may change `actor1`.

use super::context::{DocCtx, Frame, Speaker, Story};
use crate::annotate::ActorRef;
use crate::data::Cue;
use vigie_core::Span;

/// One statement about who did it, before it becomes a record's entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    pub who: Speaker,
    pub stance: &'static str,
    /// The actor accused or said responsible.
    pub target: Option<usize>,
    /// The sentence that says it.
    pub sentence: Span,
    pub rule: &'static str,
}

/// Fills the frame's statements of responsibility and keeps accusers and
/// deniers out of actor1.
pub fn fill(cx: &DocCtx<'_>, f: &mut Frame, event_sentences: &[usize]) {
    let story = Story::default();
    let mut found: Vec<Statement> = Vec::new();
    for sent in sentences_of(cx, f, event_sentences) {
        let evidence = sent == f.sent_span;
        for st in statements_in(cx, sent, &story, f.actor1, evidence) {
            if !found.iter().any(|g| same_statement(g, &st)) {
                found.push(st);
            }
        }
    }
    found.sort_by_key(|st| st.sentence.start);
    keep_speakers_out_of_actor1(cx, f, &found);
    f.statements = found;
}

/// The evidence sentence, the sentences merged into the record, and the
/// sentence right after the evidence when no event is told there.
fn sentences_of(cx: &DocCtx<'_>, f: &Frame, event_sentences: &[usize]) -> Vec<Span> {
    let mut out = vec![f.sent_span];
    out.extend(f.mentions.iter().map(|(span, _)| *span));
    let next = f.sentence + 1;
    if !event_sentences.contains(&next)
        && let Some((span, _)) = cx.sentences.get(next)
    {
        out.push(*span);
    }
    out.sort_by_key(|s| s.start);
    out.dedup();
    out
}

fn statements_in(
    cx: &DocCtx<'_>,
    sent: Span,
    story: &Story,
    actor1: Option<usize>,
    evidence: bool,
) -> Vec<Statement> {
    let mut out = Vec::new();
    let said = |stance: &'static str, rule: &'static str, cue: Cue, out: &mut Vec<Statement>| {
        for c in cx.ann.cues_in(cue, sent.start, sent.end) {
            // A claim may put its speaker after the cue ("said the group");
            // an accuser or a denier is the subject before it.
            let who = match cue {
                Cue::Claim => cx.speaker_near(c, sent, story),
                _ => subject_before(cx, c, sent, story),
            };
            let Some(who) = who else {
                continue;
            };
            let target = match stance {
                "accuses" => accused_after(cx, c, sent, story, &who),
                _ => None,
            };
            if stance == "claims" && !matches!(who, Speaker::Actor(_)) {
                continue;
            }
            out.push(Statement {
                who,
                stance,
                target,
                sentence: sent,
                rule,
            });
        }
    };
    said("claims", "attribution.claims", Cue::Claim, &mut out);
    said("accuses", "attribution.accuses", Cue::Accuse, &mut out);
    said("denies", "attribution.denies", Cue::Deny, &mut out);
    if evidence && let Some(a) = actor1 {
        for c in cx.ann.cues_in(Cue::Report, sent.start, sent.end) {
            if let Some(who @ Speaker::Source(_)) = cx.speaker_near(c, sent, story) {
                out.push(Statement {
                    who,
                    stance: "attributes",
                    target: Some(a),
                    sentence: sent,
                    rule: "attribution.attributes",
                });
            }
        }
    }
    out
}

/// The first actor named after an accusation cue, in its sentence, that is
/// not the accuser ("Israel blamed Hezbollah", "Bamako a accusé le JNIM").
fn accused_after(
    cx: &DocCtx<'_>,
    cue: Span,
    sent: Span,
    story: &Story,
    accuser: &Speaker,
) -> Option<usize> {
    cx.ann
        .actors_in(sent)
        .iter()
        .filter(|h| h.span.start >= cue.end && sent.contains(h.span))
        .filter_map(|h| cx.resolve_actor(h.what, h.span.start, sent, story))
        .find(|a| *accuser != Speaker::Actor(*a))
}

/// The nearest actor named before `cue` in its sentence, within eight
/// words: who accuses or denies ("Bamako a accusé le JNIM, qui a démenti").
fn subject_before(cx: &DocCtx<'_>, cue: Span, sent: Span, story: &Story) -> Option<Speaker> {
    let hits = cx.ann.actors_in(sent);
    let before = |h: &&crate::annotate::ActorHit| sent.contains(h.span) && h.span.end <= cue.start;
    let subject = hits
        .iter()
        .rfind(|h| before(h) && cx.words_between(h.span.end, cue.start) <= 8)?;
    let actor = match subject.what {
        // "the group denied it": the armed group named before, not the
        // state that spoke last ("Israel said, but the group denied it").
        ActorRef::Focus => hits
            .iter()
            .filter(before)
            .filter_map(|h| match h.what {
                ActorRef::Named(a) if cx.actors.defs[a].focus => Some(a),
                _ => None,
            })
            .next_back()
            .or_else(|| cx.resolve_actor(subject.what, subject.span.start, sent, story)),
        what => cx.resolve_actor(what, subject.span.start, sent, story),
    };
    actor.map(Speaker::Actor)
}

fn same_statement(a: &Statement, b: &Statement) -> bool {
    a.who == b.who && a.stance == b.stance && a.target == b.target
}

/// "Washington accused Tehran of the attack", "the group denied any
/// involvement": the speaker is not who did it.
fn keep_speakers_out_of_actor1(cx: &DocCtx<'_>, f: &mut Frame, found: &[Statement]) {
    let Some(a) = f.actor1 else {
        return;
    };
    // Only in the evidence sentence is the speaker surely speaking of this
    // incident ("the Pentagon blamed the militia" after a US strike is
    // about the militia's attack told before it).
    let spoke = found.iter().find(|st| {
        st.sentence == f.sent_span
            && matches!(st.stance, "accuses" | "denies")
            && st.who == Speaker::Actor(a)
    });
    if let Some(st) = spoke {
        f.actor1 = st.target.filter(|t| *t != a);
        f.claimed = false;
        f.rule(cx, "attribution.speaker_not_perpetrator");
    }
}
