//! Pass 3, arguments: the weapon, the perpetrator, the target and its side.
//!
//! Reads the candidate, its tree, the actor, weapon and cue annotations,
//! and the story told so far. Adds to the frame: `weapon` (the trigger's
//! own, else the one right after it, else the best of its clause),
//! `actor1` with its rule, `target`, `actor2`. The perpetrator comes from
//! an actor attached to the trigger ("Israeli strikes", "attaque du
//! Hamas"), else from the tree: the subject of the trigger's predicate, the
//! passive agent ("par X", "by X"), or the claimant of "claimed / a
//! revendiqué"; a pronoun subject under a verb of saying is that verb's
//! subject ("the army said it struck"); the subject of a verb of saying,
//! accusing or blaming never is. Without a tree the nearest actor before
//! the trigger in token order is read. Rejects a launch verb without a
//! weapon, an interception of no aerial weapon, and a weak trigger with no
//! weapon, target or place.

use vigie_core::Span;

use super::candidates::{Candidate, SentenceView};
use super::context::{DocCtx, Frame, PlaceCand, Speaker, Story};
use crate::annotate::ActorRef;
use crate::data::Cue;
use crate::parse::Tree;

/// The weapons around a candidate.
#[derive(Debug, Clone, Default)]
pub struct Weapons {
    /// The event's weapon: the trigger's own, else the one right after it,
    /// else the best of its clause.
    pub own: Option<String>,
    /// The best weapon of the clause and its span.
    pub clause: Option<(String, Span)>,
    /// The best weapon after the trigger in its clause and its span.
    pub after: Option<(String, Span)>,
}

/// The weapons of a candidate's clause.
pub fn weapon(cx: &DocCtx<'_>, c: &Candidate) -> Weapons {
    let (cs, ce) = c.clause;
    let t = c.trigger;
    let after = cx.weapon_in(t.start, ce, t.end);
    let before = cx.weapon_in(cs.max(t.start.saturating_sub(60)), t.start, t.start);
    let rank = |w: &(String, Span)| {
        cx.lex
            .weapons
            .iter()
            .find(|(class, _)| *class == w.0)
            .map_or(9, |x| x.1)
    };
    let clause = match (&after, &before) {
        (Some(a), Some(b)) if rank(b) < rank(a) => Some(b.clone()),
        (a, b) => a.clone().or_else(|| b.clone()),
    };
    // A weapon right after the trigger ("a tiré deux missiles") is its own.
    let right_after = after
        .as_ref()
        .filter(|(_, s)| cx.words_between(t.end, s.start) <= 4)
        .map(|w| w.0.clone());
    let own = c
        .def(cx)
        .weapon
        .clone()
        .or(right_after)
        .or_else(|| clause.as_ref().map(|w| w.0.clone()));
    Weapons { own, clause, after }
}

/// Rejects what needs a weapon or a target and has none.
pub fn check_weapon(
    cx: &DocCtx<'_>,
    s: &SentenceView<'_>,
    c: &Candidate,
    w: &Weapons,
) -> Result<(), super::Dropped> {
    let (cs, ce) = c.clause;
    let t = c.trigger;
    let def = c.def(cx);
    let interception = c.is_interception(cx);
    if def.r#type == "launch"
        && w.after
            .as_ref()
            .is_none_or(|(_, s)| cx.words_between(t.end, s.start) > 6)
    {
        return Err(c.drop(
            cx,
            "arguments.launch_without_weapon",
            "launch verb without a weapon",
        ));
    }
    if interception {
        let aerial = w
            .clause
            .as_ref()
            .is_some_and(|(w, _)| cx.ontology.interceptable(w));
        if !aerial {
            return Err(c.drop(
                cx,
                "arguments.interception_without_aerial_weapon",
                "interception without an aerial weapon",
            ));
        }
        return Ok(());
    }
    if def.weak && w.own.is_none() {
        let has_target = cx.ann.cues_in(Cue::TargetPrep, t.end, ce).next().is_some()
            || cx
                .ann
                .cues_in(Cue::TargetNoun, t.end, ce)
                .any(|n| cx.words_between(t.end, n.start) <= 5)
            || cx
                .places
                .iter()
                .any(|p| p.span.start >= cs && p.span.end <= ce)
            || tree_object(s, c);
        if !has_target {
            return Err(c.drop(
                cx,
                "arguments.weak_without_target",
                "weak trigger without weapon, target or place",
            ));
        }
    }
    Ok(())
}

/// The trigger (a verb) has an object or an oblique in the tree: what it
/// hit ("army fire hit an observation post").
/// True when the trigger is a noun predicated by a copula ("c'est un
/// massacre", "it was a massacre"): it characterises an incident told
/// before, it tells no new one.
pub fn characterization(s: &SentenceView<'_>, c: &Candidate) -> bool {
    let (Some(tree), Some(node)) = (s.tree, c.node) else {
        return false;
    };
    tree.children(node).any(|ch| tree.rel(ch) == "cop")
}

/// True when the trigger is a definite or demonstrative noun that refers
/// back to an incident already told ("the strike caused no injuries",
/// "cette frappe a fait deux morts"): a mention of it, not a new event.
pub fn anaphoric_mention(cx: &DocCtx<'_>, s: &SentenceView<'_>, c: &Candidate) -> bool {
    let (Some(tree), Some(node)) = (s.tree, c.node) else {
        return false;
    };
    // Under a preposition ("after the strike", "depuis cette attaque") it
    // dates or explains something else. (The determiner, not the tag, says
    // it is a noun: "cette frappe" is sometimes tagged as a verb.)
    !tree.children(node).any(|ch| tree.rel(ch) == "case")
        && tree.children(node).any(|ch| {
            tree.rel(ch) == "det"
                && cx
                    .lex
                    .grammar
                    .anaphoric_determiners
                    .contains(tree.lemma(ch))
        })
}

/// True when the trigger is told as another incident than those before it
/// ("a second strike", "une autre frappe", "une nouvelle attaque").
pub fn another_incident(cx: &DocCtx<'_>, s: &SentenceView<'_>, c: &Candidate) -> bool {
    let (Some(tree), Some(node)) = (s.tree, c.node) else {
        return false;
    };
    // The ordinals and "another" of an ellipsis ("une autre sur B") mark
    // another incident as modifiers too.
    let g = &cx.lex.grammar;
    tree.children(node).any(|ch| {
        let l = tree.lemma(ch);
        matches!(tree.rel(ch), "amod" | "det")
            && (g.ellipsis.contains(l) || g.distinct_markers.contains(l))
    })
}

fn tree_object(s: &SentenceView<'_>, c: &Candidate) -> bool {
    let (Some(tree), Some(node)) = (s.tree, c.node) else {
        return false;
    };
    let p = tree.predicate(node).unwrap_or(node);
    tree.children(p)
        .any(|ch| matches!(tree.rel(ch), "obj" | "obl"))
}

/// Fills `actor1`, `target` and `actor2`.
pub fn fill(
    cx: &DocCtx<'_>,
    s: &SentenceView<'_>,
    c: &Candidate,
    story: &Story,
    frames: &[Frame],
    f: &mut Frame,
) {
    let (cs, ce) = c.clause;
    let sent = s.span;
    let interception = c.is_interception(cx);
    let found = perpetrator(cx, s, c, story);
    // Civilians are victims (ACLED's actor2), never the perpetrator.
    let (mut actor1, rule, a1_span) = match found.0 {
        Some(a) if cx.actors.defs[a].is_civilians() => (None, None, None),
        _ => found,
    };
    if let Some(r) = rule {
        f.rule(cx, r);
    }
    if interception && actor1.is_none() {
        // The interceptor is who tells of it.
        actor1 = s
            .speakers
            .iter()
            .map(|(sp, _, _)| sp)
            .chain(story.last_speaker.iter())
            .find_map(|sp| match sp {
                Speaker::Actor(a) => Some(*a),
                _ => None,
            });
        if actor1.is_some() {
            f.rule(cx, "actor.interceptor_is_speaker");
        }
    }
    // A protest, an arrest or an agreement is nobody's sequel: only
    // violence inherits the perpetrator told just before.
    let violent = cx
        .ontology
        .r#type
        .get(&c.def(cx).r#type)
        .is_none_or(|t| t.is_political_violence());
    if actor1.is_none() && !interception && violent {
        // Nobody named: the perpetrator of the incident told just before.
        actor1 = frames
            .iter()
            .rev()
            .find(|g| s.index.saturating_sub(g.sentence) <= 2 && g.actor1.is_some())
            .and_then(|g| g.actor1);
        if actor1.is_some() {
            f.rule(cx, "actor.narrative");
        }
    }
    let (target, mut actor2) = target_of(cx, sent, c.trigger, ce, (actor1, a1_span), story);
    if interception {
        actor2 = launcher(cx, sent, c.trigger, (cs, ce), actor1, story);
    }
    f.actor1 = actor1;
    f.actor1_span = a1_span;
    f.target = target;
    f.actor2 = actor2;
}

/// "L'armée a bombardé … dans la province de Diyala": with no perpetrator
/// named, a generic state force is the army of the country where it acts.
pub fn state_of_place(
    cx: &DocCtx<'_>,
    s: &SentenceView<'_>,
    c: &Candidate,
    places: &[PlaceCand],
    f: &mut Frame,
) {
    if f.actor1.is_some() || c.is_interception(cx) || !generic_state_subject(cx, s.span, c.trigger)
    {
        return;
    }
    let a = places
        .first()
        .and_then(|p| cx.actors.state_of(&p.place.country));
    if a.is_some() {
        f.actor1 = a;
        f.rule(cx, "actor.state_of_place");
    }
}

/// The perpetrator: (actor, rule without the language, mention span).
fn perpetrator(
    cx: &DocCtx<'_>,
    s: &SentenceView<'_>,
    c: &Candidate,
    story: &Story,
) -> (Option<usize>, Option<&'static str>, Option<Span>) {
    let interception = c.is_interception(cx);
    // A name right before a verb is its subject, not a name on a noun.
    let verb = matches!((s.tree, c.node), (Some(t), Some(n)) if t.upos(n) == "VERB");
    let on_noun = || attached(cx, s.span, c.trigger, interception, story);
    if !verb && let Some((a, span)) = on_noun() {
        return (Some(a), Some("actor.attached"), Some(span));
    }
    if let (Some(tree), Some(node)) = (s.tree, c.node)
        && let Some(p) = tree.predicate(node)
    {
        let found = by_tree(cx, s, tree, node, p, story);
        if found.0.is_some() || !verb {
            return found;
        }
        // A verb the tree gives no subject ("the Houthis launching"):
        // the name right before it.
        return match on_noun() {
            Some((a, span)) => (Some(a), Some("actor.attached"), Some(span)),
            None => found,
        };
    }
    by_order(cx, s.span, c.trigger, c.clause.1, interception, story)
}

/// The perpetrator read on the tree: the subject of the predicate (not of
/// a verb of saying or blaming, unless it claims), the passive agent, a
/// pronoun's referent under a verb of saying.
fn by_tree(
    cx: &DocCtx<'_>,
    s: &SentenceView<'_>,
    tree: &Tree<'_>,
    node: usize,
    p: usize,
    story: &Story,
) -> (Option<usize>, Option<&'static str>, Option<Span>) {
    let g = &cx.lex.grammar;
    let claims = |v: usize| {
        let span = tree.nodes[v].span;
        cx.ann
            .cues_in(Cue::Claim, s.span.start, s.span.end)
            .any(|q| q.overlaps(span))
    };
    // A passive agent of the predicate or of a participle on the trigger
    // ("visé par un drone", "an attack carried out by X").
    // An active predicate with a subject has no passive agent: "par" then
    // starts something else ("désertées par la plupart de leurs habitants").
    let active = tree
        .children(p)
        .any(|ch| tree.nodes[ch].deprel == "nsubj" && ch != node);
    let agent = std::iter::once(p)
        .filter(|_| !active)
        .chain(tree.children(node).filter(|&ch| tree.rel(ch) == "acl"))
        .flat_map(|v| tree.children(v).collect::<Vec<_>>())
        .chain(tree.children(node).filter(|&ch| tree.rel(ch) == "nmod"))
        .find(|&ch| {
            tree.nodes[ch].deprel == "obl:agent"
                || (matches!(tree.rel(ch), "obl" | "nmod")
                    && tree.case_lemmas(ch).any(|l| g.agent_markers.contains(l)))
        });
    if let Some(a) = agent
        && let Some((actor, span)) = actor_in(cx, s, tree, a, story)
    {
        return (Some(actor), Some("actor.agent"), Some(span));
    }
    // The subject, unless the trigger is the subject itself or the
    // predicate is a verb of saying (the subject is then a source).
    let passive = tree
        .children(p)
        .any(|ch| tree.nodes[ch].deprel.ends_with(":pass"));
    let subject = tree
        .children(p)
        .find(|&ch| tree.nodes[ch].deprel == "nsubj" && ch != node)
        .filter(|_| !passive);
    let speech = g.speech_verbs.contains(tree.lemma(p)) && !claims(p);
    // "Three soldiers were killed in a drone attack", "ont trouvé la mort
    // dans une attaque": the subject of a verb of dying is a victim.
    let span = tree.nodes[p].span;
    let dying = [Cue::Killed, Cue::Injured, Cue::KilledOne]
        .iter()
        .any(|&k| {
            cx.ann
                .cues_in(k, s.span.start, s.span.end)
                .any(|q| q.overlaps(span))
        });
    let speech = speech || (dying && node != p);
    if let Some(subj) = subject.filter(|_| !speech) {
        if tree.upos(subj) == "PRON" && tree.rel(p) == "acl" {
            // "des chasseurs israéliens qui ont tiré": the relative's antecedent.
            if let Some(a) = tree.head(p).and_then(|h| actor_in(cx, s, tree, h, story)) {
                return (Some(a.0), Some("actor.relative_antecedent"), Some(a.1));
            }
        }
        if tree.upos(subj) == "PRON" {
            // "The army said it had struck": the speaker of the clause above.
            if let Some(a) = speaker_above(cx, s, tree, p, story) {
                return (Some(a.0), Some("actor.pronoun_speaker"), Some(a.1));
            }
        }
        if let Some((actor, span)) = actor_in(cx, s, tree, subj, story) {
            return (Some(actor), Some("actor.subject"), Some(span));
        }
    }
    if subject.is_none() && !passive && tree.rel(p) == "xcomp" {
        // A controlled infinitive: "X a déclaré avoir visé", "X claimed to
        // have hit", "X a tenté d'attaquer": the subject of the verb above.
        if let Some(h) = tree.head(p) {
            let claimant = g.speech_verbs.contains(tree.lemma(h)) || claims(h);
            if let Some(subj) = tree
                .children(h)
                .find(|&ch| tree.nodes[ch].deprel == "nsubj")
                && let Some((actor, span)) = actor_in(cx, s, tree, subj, story)
            {
                let rule = if claimant {
                    "actor.claimant"
                } else {
                    "actor.subject"
                };
                return (Some(actor), Some(rule), Some(span));
            }
        }
    }
    (None, None, None)
}

/// The actor named in the subtree of node `n` (the mention nearest its
/// head), resolved.
fn actor_in(
    cx: &DocCtx<'_>,
    s: &SentenceView<'_>,
    tree: &Tree<'_>,
    n: usize,
    story: &Story,
) -> Option<(usize, Span)> {
    let span = tree.subtree_span(n);
    let head = tree.nodes[n].span.start;
    let mut hits: Vec<_> = cx
        .ann
        .actors_in(s.span)
        .iter()
        .filter(|h| h.span.start >= span.start && h.span.end <= span.end)
        .collect();
    hits.sort_by_key(|h| h.span.start.abs_diff(head));
    let g = &cx.lex.grammar;
    hits.into_iter().find_map(|h| {
        // "a militia armed by Tehran", "Iran-backed groups": the backer
        // describes the group; it is not the one acting.
        let backer = tree.head_in(h.span).is_some_and(|hn| {
            tree.ancestors(hn)
                .take_while(|&a| a != n)
                .any(|a| g.affiliation.contains(tree.lemma(a)))
        });
        if backer {
            return None;
        }
        if matches!(h.what, ActorRef::Adjective(_))
            && !matches!(tree.upos(n), "PROPN" | "NOUN" | "ADJ")
        {
            return None;
        }
        cx.resolve_actor(h.what, h.span.start, s.span, story)
            .map(|a| (a, h.span))
    })
}

/// The subject of the verb of saying whose complement holds `p`.
fn speaker_above(
    cx: &DocCtx<'_>,
    s: &SentenceView<'_>,
    tree: &Tree<'_>,
    p: usize,
    story: &Story,
) -> Option<(usize, Span)> {
    let mut x = p;
    for _ in 0..4 {
        if !matches!(
            tree.rel(x),
            "ccomp" | "xcomp" | "advcl" | "parataxis" | "conj"
        ) {
            return None;
        }
        x = tree.head(x)?;
        if let Some(subj) = tree.children(x).find(|&ch| tree.rel(ch) == "nsubj")
            && tree.upos(subj) != "PRON"
        {
            return actor_in(cx, s, tree, subj, story);
        }
    }
    None
}

/// True when the nearest actor-like mention before the trigger is a generic
/// state force ("l'armée", "security forces").
pub fn generic_state_subject(cx: &DocCtx<'_>, sent: Span, trig: Span) -> bool {
    cx.ann
        .actors
        .iter()
        .rfind(|h| sent.contains(h.span) && h.span.end <= trig.start)
        .is_some_and(|h| matches!(h.what, ActorRef::StateGeneric))
}

/// True for a group the text can be about (`focus` in actors.toml).
pub fn self_focus(cx: &DocCtx<'_>, a: usize) -> bool {
    cx.actors.defs.get(a).is_some_and(|d| d.focus)
}

/// An adjective or name attached to the trigger ("frappes israéliennes",
/// "Israeli strikes", "attaque du Hamas", "ISIS ambush").
fn attached(
    cx: &DocCtx<'_>,
    sent: Span,
    trig: Span,
    interception: bool,
    story: &Story,
) -> Option<(usize, Span)> {
    let text = cx.text;
    // 1. An adjective or name attached to the trigger ("frappes israéliennes",
    //    "Israeli strikes", "attaque du Hamas", "ISIS ambush").
    for h in cx.ann.actors_in(sent) {
        if !sent.contains(h.span) {
            continue;
        }
        let after = cx.lex.adjective_follows_noun && h.span.start >= trig.end && {
            let gap = cx.folded_slice(trig.end, h.span.start);
            let gap = gap.trim_matches(|c: char| c == ' ' || c == '"' || c == '\'');
            gap.is_empty()
                || cx
                    .ann
                    .cues_in(Cue::Genitive, trig.end, h.span.start)
                    .any(|g| cx.words_between(g.end, h.span.start) == 0)
                    && cx.words_between(trig.end, h.span.start) <= 2
        };
        let before = h.span.end <= trig.start
            && text
                .get(h.span.end..trig.start)
                .is_some_and(|g| g.trim_matches(|c: char| c == ' ' || c == '-').is_empty())
            && matches!(h.what, ActorRef::Adjective(_) | ActorRef::Named(_));
        if (after || before)
            && !interception
            && let Some(a) = cx.resolve_actor(h.what, h.span.start, sent, story)
        {
            return Some((a, h.span));
        }
    }
    None
}

/// Token order (no tree): an agent right after the trigger ("menée par X",
/// "by X"), else the subject, the nearest mention before the trigger that
/// is not a target, a victim, a speaker or a place-like metonym.
fn by_order(
    cx: &DocCtx<'_>,
    sent: Span,
    trig: Span,
    ce: usize,
    interception: bool,
    story: &Story,
) -> (Option<usize>, Option<&'static str>, Option<Span>) {
    let text = cx.text;
    // 2. An agent ("menée par X", "by X", "par la coalition").
    let reach = if interception { 3 } else { 1 };
    for c in cx
        .ann
        .cues_in(Cue::AgentPrep, trig.end, ce)
        .filter(|c| cx.words_between(trig.end, c.start) <= reach)
    {
        if let Some(h) = cx
            .ann
            .actors
            .iter()
            .find(|h| h.span.start >= c.end && cx.words_between(c.end, h.span.start) <= 2)
            && let Some(a) = cx.resolve_actor(h.what, h.span.start, sent, story)
        {
            return (Some(a), Some("actor.agent"), Some(h.span));
        }
    }
    // 3. The subject: the nearest mention before the trigger in the sentence
    //    that is not a target, a victim or a place-like metonym after a
    //    locative.
    let targets = cx.ann.cue(Cue::TargetPrep);
    let mut best: Option<(Option<usize>, Span)> = None;
    for h in cx
        .ann
        .actors_in(sent)
        .iter()
        .filter(|h| sent.contains(h.span) && h.span.end <= trig.start)
    {
        if crate::annotate::preceded_by(text, h.span.start, targets) {
            continue;
        }
        // An adjective counts only on a weapon or a force ("Israeli fighter jets").
        if matches!(h.what, ActorRef::Adjective(_))
            && !cx.ann.weapons.iter().any(|w| {
                w.span.start >= h.span.end && cx.words_between(h.span.end, w.span.start) <= 1
            })
        {
            continue;
        }
        // For an interception, a subject that launched something is the launcher.
        if interception
            && cx.ann.triggers.iter().any(|t| {
                t.span.start >= h.span.end
                    && t.span.end <= trig.start
                    && cx.lex.triggers.get(t.def).is_some_and(|d| {
                        d.r#type == "launch" || d.r#type == "shelling_artillery_missile_attack"
                    })
            })
        {
            continue;
        }
        // The subject of "said", "acknowledged", "a indiqué" is a speaker.
        let reporter = cx
            .ann
            .cues_in(Cue::Report, h.span.end, trig.start)
            .any(|c| cx.words_between(h.span.end, c.start) <= 3)
            && cx
                .ann
                .cues_in(Cue::Claim, h.span.end, trig.start)
                .next()
                .is_none();
        if reporter {
            continue;
        }
        let claims_after = cx
            .ann
            .cues_in(Cue::Claim, h.span.end, trig.start)
            .any(|c| cx.words_between(h.span.end, c.start) <= 2);
        let victim = !claims_after
            && (cx
                .ann
                .cues_in(Cue::Killed, h.span.end, trig.start)
                .next()
                .is_some()
                || cx
                    .ann
                    .cues_in(Cue::Injured, h.span.end, trig.start)
                    .next()
                    .is_some());
        if victim {
            continue;
        }
        let resolved = cx.resolve_actor(h.what, h.span.start, sent, story);
        // A generic "armed factions" after a named group describes it.
        let generic =
            resolved.is_some_and(|a| cx.actors.defs[a].name == "Unidentified Armed Group");
        if generic && best.as_ref().is_some_and(|(b, _)| b.is_some()) {
            continue;
        }
        best = Some((resolved, h.span));
    }
    if let Some((Some(a), span)) = best {
        return (Some(a), Some("actor.subject"), Some(span));
    }
    (None, None, None)
}

/// The target text and the side it belongs to.
fn target_of(
    cx: &DocCtx<'_>,
    sent: Span,
    trig: Span,
    ce: usize,
    (actor1, a1_span): (Option<usize>, Option<Span>),
    story: &Story,
) -> (Option<String>, Option<usize>) {
    // "on Friday" is a date, not a target: a target preposition right
    // before a time expression introduces no target.
    let dates_something = |c: &Span| {
        cx.times
            .iter()
            .any(|m| m.span.start >= c.end && cx.words_between(c.end, m.span.start) == 0)
    };
    let start = cx
        .ann
        .cues_in(Cue::TargetPrep, trig.end, ce)
        .filter(|c| !dates_something(c))
        .find(|c| cx.words_between(trig.end, c.start) <= 8)
        .map(|c| c.end)
        .unwrap_or(trig.end);
    let mut end = ce;
    let body = cx.text.get(start..ce).unwrap_or("");
    if let Some(i) = body.find([',', '.', ';']) {
        end = start + i;
    }
    let target = cx
        .text
        .get(start..end)
        .map(|s| s.trim().trim_matches(|c| c == '"' || c == ' ').to_string())
        .filter(|s| {
            let n = s.split_whitespace().count();
            (1..=14).contains(&n)
        });
    let mut side = None;
    for h in &cx.ann.actors {
        if h.span.start < start || h.span.end > end.max(start) || Some(h.span) == a1_span {
            continue;
        }
        let after_place = cx
            .places
            .iter()
            .any(|p| p.name_span.end <= h.span.start && h.span.start - p.name_span.end <= 1);
        if after_place && matches!(h.what, ActorRef::Adjective(_)) {
            continue;
        }
        // "killed three soldiers": whose soldiers the sentence does not
        // say, and the story's last state is no better a guess.
        if matches!(h.what, ActorRef::StateGeneric | ActorRef::Focus) {
            continue;
        }
        if let Some(a) = cx.resolve_actor(h.what, h.span.start, sent, story)
            && Some(a) != actor1
        {
            side = Some(a);
            break;
        }
    }
    (target, side)
}

/// The side whose weapon was intercepted.
fn launcher(
    cx: &DocCtx<'_>,
    sent: Span,
    trig: Span,
    (cs, ce): (usize, usize),
    interceptor: Option<usize>,
    story: &Story,
) -> Option<usize> {
    // An actor or adjective in the clause that is not the interceptor, the
    // nearest to the trigger; else the armed group in focus.
    let mut best: Option<(usize, usize)> = None;
    for h in cx.ann.actors_in(sent) {
        if h.span.start < cs.min(sent.start.max(cs)) || h.span.end > ce || !sent.contains(h.span) {
            continue;
        }
        if let Some(a) = cx.resolve_actor(h.what, h.span.start, sent, story) {
            if Some(a) == interceptor {
                continue;
            }
            let d = h.span.start.abs_diff(trig.start);
            if best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, a));
            }
        }
    }
    best.map(|(_, a)| a).or_else(|| {
        cx.focus_before(trig.start)
            .filter(|a| Some(*a) != interceptor)
    })
}
