//! Pass 2, eventiveness: does the candidate tell a past, real, specific
//! incident?
//!
//! Reads the candidate's node and the tree of its sentence, the grammar
//! lemma lists (`grammar.toml`) and the document's cues and times. Rejects
//! (with the deciding rule id) a candidate whose predicate is negated,
//! future, conditional, imperative or modal; one under a verb of threat,
//! promise, intention, demand, denial or cessation, or of blame (an
//! accusation about an event told before); one that is a reason or a
//! reference ("in response to the attack", "since the attack", "the attack
//! follows strikes on…") unless a date of its own hangs on it;
//! a habitual or aggregate statement ("has repeatedly attacked"); a
//! cumulative toll; a photo or video; an anaphoric mention of an event told
//! before; an attack told as the interception of it. A sentence without a
//! tree is read in token order: the negation, threat and conditional cues
//! of the clause before the trigger decide instead.

use super::candidates::{Candidate, SentenceView};
use super::context::{DocCtx, Dropped};
use super::tolls;
use crate::data::{Cue, Grammar};
use crate::parse::Tree;
use vigie_core::Span;

/// Ok when the candidate is an event; else the rejection.
pub fn check(cx: &DocCtx<'_>, s: &SentenceView<'_>, c: &Candidate) -> Result<(), Dropped> {
    if in_cumulative_toll(cx, s, c) {
        return Err(c.drop(
            cx,
            "eventiveness.cumulative_toll",
            "cumulative toll (a figure)",
        ));
    }
    match (s.tree, c.node) {
        (Some(tree), Some(node)) => {
            if let Some((rule, why)) = by_tree(cx, s, c, tree, node) {
                return Err(c.drop(cx, rule, why));
            }
        }
        _ => {
            if let Some((rule, why)) = by_cues(cx, c) {
                return Err(c.drop(cx, rule, why));
            }
        }
    }
    let (cs, ce) = c.clause;
    let pre_start = cs.max(c.trigger.start.saturating_sub(160));
    if cx
        .ann
        .cues_in(Cue::Media, pre_start, c.trigger.start)
        .next()
        .is_some()
    {
        return Err(c.drop(cx, "eventiveness.media", "about a photo or video"));
    }
    let aggregate = cx
        .ann
        .cues_in(Cue::Aggregate, cs, ce)
        .any(|a| !counts_participants(cx, a, ce))
        || cx
            .times
            .iter()
            .any(|m| m.open_since && m.span.start >= s.span.start && m.span.end <= ce);
    if aggregate {
        return Err(c.drop(cx, "eventiveness.aggregate", "aggregate or background"));
    }
    let anaphoric = cx.ann.cue(Cue::Anaphoric).iter().any(|a| {
        a.end <= c.trigger.start
            && cx.words_between(a.end, c.trigger.start) == 0
            && c.trigger.start - a.end <= 2
    });
    if anaphoric {
        return Err(c.drop(
            cx,
            "eventiveness.anaphoric",
            "anaphoric mention of an event told before",
        ));
    }
    if !c.is_interception(cx) && s.interception && told_as_interception(cx, s, c) {
        // "a missile that was intercepted": the interception is the event.
        return Err(c.drop(
            cx,
            "eventiveness.intercepted",
            "told as an interception in the same sentence",
        ));
    }
    Ok(())
}

/// The attack is the one an interception of the sentence stopped ("a
/// missile that was intercepted", "drones launched at X were shot down"):
/// with a tree, one hangs on the other within a clause; an attack in
/// another clause ("…, while air strikes hit Sanaa") is its own event.
fn told_as_interception(cx: &DocCtx<'_>, s: &SentenceView<'_>, c: &Candidate) -> bool {
    let (Some(tree), Some(node)) = (s.tree, c.node) else {
        return true;
    };
    s.triggers
        .iter()
        .filter(|t| t.kind(cx) == "disrupted_weapons_use")
        .filter_map(|t| t.node)
        .any(|i| within_clause(tree, i, node) || within_clause(tree, node, i))
}

/// `upper` dominates `lower` without a clause boundary between them.
fn within_clause(tree: &Tree<'_>, upper: usize, lower: usize) -> bool {
    let mut x = lower;
    for _ in 0..tree.len() {
        if x == upper {
            return true;
        }
        if matches!(
            tree.rel(x),
            "advcl" | "ccomp" | "parataxis" | "conj" | "csubj"
        ) {
            return false;
        }
        match tree.head(x) {
            Some(h) => x = h,
            None => return false,
        }
    }
    false
}

/// A cumulative toll ("since the start of the war, strikes have killed…"):
/// with a tree, only when the cumulative cue belongs to the trigger's own
/// clause; without one, anywhere in the sentence.
fn in_cumulative_toll(cx: &DocCtx<'_>, s: &SentenceView<'_>, c: &Candidate) -> bool {
    if !tolls::cumulative_toll(cx, s.span) {
        return false;
    }
    let (Some(tree), Some(node)) = (s.tree, c.node) else {
        return true;
    };
    let pred = tree.predicate(node).unwrap_or(node);
    cx.ann
        .cues_in(Cue::Cumulative, s.span.start, s.span.end)
        .filter_map(|cue| tree.node_at(cue.start))
        .any(|cue| tree.predicate(cue).unwrap_or(cue) == pred || tree.dominates(node, cue))
}

/// The tree's verdict: (rule, why) when the candidate is no event.
fn by_tree(
    cx: &DocCtx<'_>,
    s: &SentenceView<'_>,
    c: &Candidate,
    tree: &Tree<'_>,
    node: usize,
) -> Option<(&'static str, String)> {
    let g = &cx.lex.grammar;
    let pred = tree.predicate(node);
    let p = pred.unwrap_or(node);
    if negated(tree, g, node) || negated(tree, g, p) {
        return Some(("eventiveness.negated", "negated".into()));
    }
    if let Some(why) = irrealis(tree, g, p) {
        return Some(("eventiveness.modal", why));
    }
    if let Some(lemma) = disaster_subject(tree, g, p) {
        return Some((
            "eventiveness.disaster",
            format!("a natural or industrial disaster ({lemma}) did it"),
        ));
    }
    // The governing verbs: the predicate itself when the trigger is its
    // noun ("threatened attacks"), then up through complements.
    let mut x = p;
    let mut first = p != node;
    for _ in 0..tree.len() {
        if first || x != p {
            let lemma = tree.lemma(x);
            let list = [
                (&g.threat, "threat or promise"),
                (&g.intention, "intention"),
                (&g.demand, "demand"),
                (&g.denial, "denial"),
            ]
            .into_iter()
            .find(|(l, _)| l.contains(lemma));
            if let Some((_, kind)) = list {
                return Some((
                    "eventiveness.governed",
                    format!("under a verb of {kind} ({lemma})"),
                ));
            }
            if g.cessation.contains(lemma) {
                return Some((
                    "eventiveness.governed",
                    format!("stopped or suspended ({lemma})"),
                ));
            }
            if g.blame.contains(lemma) && !own_date(cx, s, tree, node) {
                return Some((
                    "eventiveness.blame",
                    format!("what someone is blamed for ({lemma})"),
                ));
            }
            if g.reference_verbs.contains(lemma) && tree.rel(node) == "obj" {
                return Some((
                    "eventiveness.reference",
                    format!("an earlier event referred to ({lemma})"),
                ));
            }
            if g.habitual_verbs.contains(lemma) && !c.clause_dated(cx) {
                return Some(("eventiveness.habitual", format!("habitual ({lemma})")));
            }
            if (g.modals.contains(lemma) || g.future_governors.contains(lemma))
                && irrealis_governor(tree, x)
            {
                return Some(("eventiveness.modal", format!("under {lemma}")));
            }
        }
        first = false;
        if tree
            .children(x)
            .any(|m| tree.rel(m) == "mark" && g.conditional_marks.contains(tree.lemma(m)))
        {
            return Some(("eventiveness.modal", "a condition (if …)".into()));
        }
        // A gerund or an infinitive shares the mood of the verb it hangs
        // on ("intensifieraient leurs opérations en frappant").
        let adjunct = matches!(tree.rel(x), "advcl" | "xcomp")
            && matches!(tree.feat(x, "VerbForm"), Some("Ger" | "Inf" | "Part"));
        // A verbal trigger that is its verb's subject ("Fighting continued").
        let verbal_subject =
            x == node && tree.upos(x) == "VERB" && matches!(tree.rel(x), "nsubj" | "nsubj:pass");
        if !matches!(tree.rel(x), "xcomp" | "ccomp" | "csubj" | "obj")
            && !adjunct
            && !verbal_subject
        {
            break;
        }
        match tree.head(x) {
            Some(h) => {
                if let Some(why) = irrealis(tree, g, h).filter(|_| adjunct) {
                    return Some(("eventiveness.modal", why));
                }
                x = h
            }
            None => break,
        }
    }
    if let Some(head) = background_head(tree, g, node).filter(|_| !own_date(cx, s, tree, node)) {
        return Some((
            "eventiveness.reference",
            format!("a reason or reference ({head})"),
        ));
    }
    if tree.case_lemmas(node).any(|l| g.since_markers.contains(l)) {
        return Some(("eventiveness.since", "the start of a period".into()));
    }
    let habitual = tree.children(p).any(|ch| {
        matches!(tree.rel(ch), "advmod" | "obl") && g.habitual_adverbs.contains(tree.lemma(ch))
    });
    if habitual && !c.clause_dated(cx) {
        return Some(("eventiveness.habitual", "habitual or repeated".into()));
    }
    None
}

/// A negator on node `n`: an adverb or determiner child ("not", "ne … pas",
/// "no strikes", "aucune frappe").
fn negated(tree: &Tree<'_>, g: &Grammar, n: usize) -> bool {
    tree.children(n).any(|ch| {
        // A negative subject says nobody was hit ("nobody was stabbed").
        matches!(
            tree.rel(ch),
            "advmod" | "det" | "neg" | "cc" | "nsubj" | "nsubj:pass"
        ) && g.negators.contains(tree.lemma(ch))
    })
}

/// Future, conditional, imperative or modal marks on the predicate.
fn irrealis(tree: &Tree<'_>, g: &Grammar, p: usize) -> Option<String> {
    if tree.feat(p, "Tense") == Some("Fut") {
        return Some("future".into());
    }
    // "frapperait" is hypothetical; "aurait frappé" (the conditional on the
    // auxiliary) is the press's reported past, and stays an event.
    if tree.feat(p, "Mood") == Some("Cnd") && tree.upos(p) == "VERB" {
        return Some("conditional".into());
    }
    if tree.feat(p, "Mood") == Some("Imp") {
        return Some("imperative".into());
    }
    tree.children(p)
        .find(|&ch| tree.rel(ch) == "aux" && g.modals.contains(tree.lemma(ch)))
        .map(|ch| format!("modal ({})", tree.lemma(ch)))
}

/// A modal or future verb over the trigger's clause that is not itself
/// past ("pourrait frapper", "va attaquer", but not "a pu frapper").
fn irrealis_governor(tree: &Tree<'_>, x: usize) -> bool {
    let past_aux = tree.children(x).any(|ch| tree.rel(ch) == "aux");
    !past_aux && !matches!(tree.feat(x, "Tense"), Some("Past"))
}

/// A noun above the trigger that makes it a reason or a reference ("in
/// response to the attack"), through nominal relations only.
pub(crate) fn background_head<'t>(tree: &'t Tree<'_>, g: &Grammar, node: usize) -> Option<&'t str> {
    background_node(tree, g, node).map(|h| tree.lemma(h))
}

/// The node of [`background_head`].
pub(crate) fn background_node(tree: &Tree<'_>, g: &Grammar, node: usize) -> Option<usize> {
    let mut x = node;
    for _ in 0..tree.len() {
        if !matches!(tree.rel(x), "nmod" | "obl" | "compound" | "conj") {
            return None;
        }
        x = tree.head(x)?;
        if g.background_heads.contains(tree.lemma(x)) {
            return Some(x);
        }
        if tree.upos(x) == "VERB" {
            return None;
        }
    }
    None
}

/// A time expression hangs on the trigger itself ("in retaliation for
/// Israeli strikes on cars on Tuesday"): an event told in passing, with its
/// own date, is still an event; undated, it is a reference.
fn own_date(cx: &DocCtx<'_>, s: &SentenceView<'_>, tree: &Tree<'_>, node: usize) -> bool {
    cx.times.iter().any(|m| {
        !m.open_since
            && !m.anaphoric
            && s.span.contains(m.span)
            && tree
                .head_in(m.span)
                .is_some_and(|tn| tree.dominates(node, tn))
    })
}

/// Token order (no tree): negation right before the trigger, threat and
/// conditional cues in its clause before it.
fn by_cues(cx: &DocCtx<'_>, c: &Candidate) -> Option<(&'static str, String)> {
    let (cs, _) = c.clause;
    let t = c.trigger;
    let pre_start = cs.max(t.start.saturating_sub(160));
    let near_start = t.start.saturating_sub(40).max(cs);
    if cx
        .ann
        .cues_in(Cue::Negation, near_start, t.start)
        .next()
        .is_some()
    {
        return Some(("eventiveness.negated", "negated (cue)".into()));
    }
    if cx
        .ann
        .cues_in(Cue::Threat, pre_start, t.start)
        .next()
        .is_some()
    {
        return Some((
            "eventiveness.governed",
            "threat, promise or future (cue)".into(),
        ));
    }
    if cx
        .ann
        .cues_in(Cue::Conditional, pre_start, t.start)
        .next()
        .is_some()
    {
        return Some(("eventiveness.modal", "conditional (cue)".into()));
    }
    None
}

/// "hundreds of protesters", "des dizaines de villageois": the quantity
/// counts the people an event involves (a protest's crowd, a massacre's
/// victims), not events, when an actor or a participant word follows it.
fn counts_participants(cx: &DocCtx<'_>, cue: Span, end: usize) -> bool {
    let next_word = cx
        .folded_slice(cue.end, end)
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty());
    let participant = next_word.is_some_and(|w| cx.lex.grammar.participants.contains(w));
    let actor = cx
        .ann
        .actors
        .iter()
        .any(|h| h.span.start >= cue.end && cx.words_between(cue.end, h.span.start) == 0);
    participant || actor
}

/// The subject of the predicate, or the noun a relative clause hangs on
/// ("les inondations qui ont frappé Mokwa"), when it is a disaster: the
/// floods that "hit" a town are no attack.
fn disaster_subject<'t>(tree: &'t Tree<'_>, g: &Grammar, p: usize) -> Option<&'t str> {
    let subjects = tree
        .children(p)
        .filter(|&ch| matches!(tree.rel(ch), "nsubj" | "nsubj:pass"));
    let relative_head = tree.head(p).filter(|_| tree.rel(p).starts_with("acl"));
    subjects
        .chain(relative_head)
        .map(|n| tree.lemma(n))
        .find(|lemma| g.disasters.contains(*lemma))
}
