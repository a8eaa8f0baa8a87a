//! Pass 7, tolls: the number of people the event killed.
//!
//! Reads the killing, injury and no-casualty cues, the numbers of the
//! sentence and, when the sentence was parsed, its tree: the count is the
//! one that quantifies the victims of the killing word ("tués", "killed",
//! "died", "morts") — its passive subject, object or noun, their
//! conjuncts summed, the injured and the "including" parts left out. A
//! killing word that belongs to another event of the sentence gives this
//! one nothing. Without a tree, the count next to a killing word (in the
//! sentence, or in the next one when it tells no event of its own).
//! Adds `fatalities` and its rule. Also decides whether a sentence tells
//! a cumulative toll, which the eventiveness pass and the figures read.

use vigie_core::Span;

use super::candidates::SentenceView;
use super::context::{DocCtx, Frame};
use crate::data::{Cue, Words};
use crate::parse::Tree;

/// Fills the frame's fatalities.
pub fn fill(cx: &DocCtx<'_>, s: &SentenceView<'_>, f: &mut Frame) {
    if cumulative_toll(cx, s.span) {
        return;
    }
    if let Some(tree) = s.tree {
        match bound_toll(cx, s, tree, f.trigger) {
            Bound::Victims(n) => {
                f.fatalities = Some(n);
                f.rule(cx, "fatalities.victims");
                return;
            }
            Bound::OtherEvent => return,
            // The tree found no count (or the parse is wrong): the token order.
            Bound::Unknown => {}
        }
    }
    f.fatalities = fatalities_of(cx, s.index, s.span);
    if f.fatalities.is_some() {
        f.rule(cx, "fatalities.in_sentence");
    }
}

/// What the tree says about an event's toll.
enum Bound {
    /// The count of the victims of a killing word that belongs to the event.
    Victims(u32),
    /// The sentence's killings belong to another of its events.
    OtherEvent,
    /// No killing word of this event with counted victims: the token
    /// order decides.
    Unknown,
}

/// The toll the tree binds to the event whose trigger is `trigger`: the
/// count of the victims of the first killing word of this event.
fn bound_toll(cx: &DocCtx<'_>, s: &SentenceView<'_>, tree: &Tree<'_>, trigger: Span) -> Bound {
    let own = tree.head_in(trigger);
    let mut other_event = false;
    for cue in cx.ann.cues_in(Cue::Killed, s.span.start, s.span.end) {
        let Some(k) = tree.head_in(cue) else {
            continue;
        };
        if !own.is_none_or(|own| killing_of(cx, s, tree, own, k)) {
            other_event = true;
            continue;
        }
        if let Some(n) = victims_count(cx, tree, k, cue) {
            return Bound::Victims(n);
        }
        // A killing of this event whose victims have no count: no verdict.
        other_event = false;
    }
    if other_event {
        Bound::OtherEvent
    } else {
        Bound::Unknown
    }
}

/// True when killing word `k` tells the toll of the event whose trigger
/// is node `own`: it governs the trigger ("tués dans une frappe"), or the
/// trigger or its predicate governs it ("a strike hit a car, killing
/// three") before any other trigger does ("after an attack that killed
/// 12" is that attack's toll).
fn killing_of(
    cx: &DocCtx<'_>,
    s: &SentenceView<'_>,
    tree: &Tree<'_>,
    own: usize,
    k: usize,
) -> bool {
    let pred = tree.predicate(own);
    if k == own || Some(k) == pred || tree.dominates(k, own) {
        return true;
    }
    let other_event = |a: usize| {
        s.triggers
            .iter()
            .any(|t| t.node == Some(a) && !matches!(t.kind(cx), "launch" | "none"))
    };
    for a in tree.ancestors(k) {
        if a == own || Some(a) == pred {
            return true;
        }
        if other_event(a) && !tree.dominates(a, own) {
            return false;
        }
    }
    true
}

/// The count of the victims of killing word `k`: the noun it is ("neuf
/// morts", "three dead"), the noun it modifies ("cinq soldats tués"), its
/// object ("killing three people"), its passive subjects ("un officier et
/// quatre soldats ont été tués"), or the subject of an intransitive death
/// ("20 people died"). Conjoined victims are summed.
fn victims_count(cx: &DocCtx<'_>, tree: &Tree<'_>, k: usize, cue: Span) -> Option<u32> {
    // The words of the cue itself ("la mort" of "trouvé la mort") are not
    // its arguments.
    let with = |rel: &str| -> Option<Vec<usize>> {
        let v: Vec<usize> = tree
            .children(k)
            .filter(|&c| tree.nodes[c].deprel == rel && !cue.contains(tree.nodes[c].span))
            .collect();
        (!v.is_empty()).then_some(v)
    };
    let (victims, article_counts) = if matches!(tree.upos(k), "NOUN" | "NUM") {
        (vec![k], true)
    } else if let Some(v) = with("obj").or_else(|| with("nsubj:pass")) {
        (v, true)
    } else if matches!(tree.rel(k), "acl" | "amod") {
        (tree.head(k).into_iter().collect(), true)
    } else {
        // An active subject is often the cause ("a strike killed"): only a
        // number makes it the victims ("20 people died").
        (with("nsubj").unwrap_or_default(), false)
    };
    let grammar = &cx.lex.grammar;
    // "dont un officier", "including a commander": a part of the victims
    // named in the parse's place of the count.
    let is_part = |v: usize| {
        tree.children(v)
            .any(|c| grammar.inclusion_markers.contains(tree.lemma(c)))
    };
    let mut total: Option<u64> = None;
    for v in victims.into_iter().filter(|&v| !is_part(v)) {
        let count = count_of(cx, tree, v, article_counts).or_else(|| {
            // "neuf morts": the number just before the killing noun, when
            // the parse attached it elsewhere.
            (v == k)
                .then(|| number_just_before(cx, tree.nodes[k].span))
                .flatten()
        });
        let Some(n) = count else {
            continue;
        };
        let parts: u64 = conjuncts(cx, tree, v)
            .filter_map(|c| count_of(cx, tree, c, true))
            .sum();
        total = Some(total.unwrap_or(0) + n + parts);
    }
    total.and_then(|n| u32::try_from(n).ok())
}

/// The conjuncts of victim `v` that are victims too: not the injured nor
/// the missing ("neuf morts et quinze blessés").
fn conjuncts<'t>(
    cx: &'t DocCtx<'_>,
    tree: &'t Tree<'_>,
    v: usize,
) -> impl Iterator<Item = usize> + 't {
    tree.children(v)
        .filter(move |&c| tree.rel(c) == "conj")
        .filter(move |&c| {
            let span = tree.subtree_span(c);
            [Cue::Injured, Cue::Missing]
                .iter()
                .all(|&cue| cx.ann.cues_in(cue, span.start, span.end).next().is_none())
        })
}

/// The number of people node `v` stands for: a number it is or carries
/// ("trois militaires", "une vingtaine de civils"); one for a singular
/// noun with an article ("un officier") when `article_counts`, or for a
/// singular personal pronoun ("il").
fn count_of(cx: &DocCtx<'_>, tree: &Tree<'_>, v: usize, article_counts: bool) -> Option<u64> {
    let number_in = |node: usize| {
        let span = tree.nodes[node].span;
        cx.ann
            .numbers
            .iter()
            .find(|n| n.span.start >= span.start && n.span.end <= span.end)
            .filter(|n| usable_number(cx, n))
            .map(|n| n.value)
    };
    if let Some(n) = number_in(v) {
        return Some(n);
    }
    if let Some(n) = tree
        .children(v)
        .filter(|&c| tree.rel(c) == "nummod")
        .find_map(number_in)
    {
        return Some(n);
    }
    let grammar = &cx.lex.grammar;
    // "un nombre indéterminé de combattants": a quantity, not one person.
    if grammar.quantity_nouns.contains(tree.lemma(v)) {
        return None;
    }
    if tree.upos(v) == "PRON" {
        return grammar
            .singular_pronouns
            .contains(tree.lemma(v))
            .then_some(1);
    }
    let article = tree
        .children(v)
        .any(|c| tree.rel(c) == "det" && grammar.singular_articles.contains(tree.lemma(c)));
    let singular = tree.feat(v, "Number") != Some("Plur");
    (article_counts && article && singular && tree.upos(v) == "NOUN").then_some(1)
}

/// The usable number that ends right before `span`, no word between.
fn number_just_before(cx: &DocCtx<'_>, span: Span) -> Option<u64> {
    cx.ann
        .numbers
        .iter()
        .rev()
        .find(|n| n.span.end <= span.start)
        .filter(|n| cx.words_between(n.span.end, span.start) == 0 && usable_number(cx, n))
        .map(|n| n.value)
}

/// A number that can count people: not a time, a year, a measure.
fn usable_number(cx: &DocCtx<'_>, n: &crate::annotate::NumberHit) -> bool {
    !is_unit_after(cx, n.span)
        && !cx.times.iter().any(|t| t.span.overlaps(n.span))
        && !is_year(n.value, cx.text.get(n.span.range()).unwrap_or(""))
        && n.value < 100_000
}

/// The number of people killed that a sentence (not a cumulative toll:
/// [`fill`] checked) tells for its event, read in token order.
fn fatalities_of(cx: &DocCtx<'_>, si: usize, sent: Span) -> Option<u32> {
    if let Some(n) = killed_count(cx, sent) {
        return Some(n);
    }
    if cx.ann.has_cue(Cue::NoCasualty, sent.start, sent.end) {
        return Some(0);
    }
    // The next sentence may tell the toll of this one ("No injuries occurred").
    if let Some(&(next, _)) = cx.sentences.get(si + 1) {
        let has_trigger = cx.ann.triggers.iter().any(|t| next.contains(t.span));
        if !has_trigger && !cumulative_toll(cx, next) {
            if let Some(n) = killed_count(cx, next) {
                return Some(n);
            }
            if cx.ann.has_cue(Cue::NoCasualty, next.start, next.end) {
                return Some(0);
            }
        }
    }
    None
}

/// True when a sentence tells a cumulative toll: a cumulative cue before a
/// killing word ("Depuis le début de la guerre, ... ont été tués", "The war
/// has killed") or right after it ("tués depuis le 1er janvier").
pub fn cumulative_toll(cx: &DocCtx<'_>, sent: Span) -> bool {
    let kills: Vec<Span> = [Cue::Killed, Cue::Injured, Cue::Missing]
        .iter()
        .flat_map(|c| cx.ann.cues_in(*c, sent.start, sent.end))
        .collect();
    cx.ann
        .cues_in(Cue::Cumulative, sent.start, sent.end)
        .any(|c| {
            kills.iter().any(|k| {
                c.end <= k.start || (c.start >= k.end && cx.words_between(k.end, c.start) <= 6)
            })
        })
}

/// The lowest count of people killed in a sentence ("trois militaires ont
/// été tués", "tuant cinq combattants", "killing three").
fn killed_count(cx: &DocCtx<'_>, sent: Span) -> Option<u32> {
    let usable = |n: &&crate::annotate::NumberHit| usable_number(cx, n);
    for k in cx.ann.cues_in(Cue::Killed, sent.start, sent.end) {
        // A number before the cue (within a few words, no injury word between)…
        let before = cx
            .ann
            .numbers
            .iter()
            .filter(|n| {
                n.span.end <= k.start
                    && n.span.start >= sent.start
                    && cx.words_between(n.span.end, k.start) <= 10
            })
            .filter(usable)
            .filter(|n| {
                cx.ann
                    .cues_in(Cue::Injured, n.span.end, k.start)
                    .next()
                    .is_none()
            })
            // "quinze personnes dont quatorze femmes": the part, not the count.
            .filter(|n| !after_inclusion(cx, sent, n.span))
            .max_by_key(|n| n.span.start);
        // …or right after it ("tuant cinq combattants", "killing three").
        let after = cx
            .ann
            .numbers
            .iter()
            .filter(|n| {
                n.span.start >= k.end
                    && n.span.end <= sent.end
                    && cx.words_between(k.end, n.span.start) <= 2
            })
            .filter(usable)
            // "killed in two strikes": a count of events, not of people.
            .filter(|n| {
                !cx.ann.triggers.iter().any(|t| {
                    t.span.start >= n.span.end && cx.words_between(n.span.end, t.span.start) <= 1
                })
            })
            // "une personne a été tuée et 20 autres blessées": the injured.
            .filter(|n| {
                !cx.ann
                    .cue(Cue::Injured)
                    .iter()
                    .any(|i| i.start >= n.span.end && cx.words_between(n.span.end, i.start) <= 2)
            })
            .min_by_key(|n| n.span.start);
        let n = match (before, after) {
            (Some(b), Some(a)) => {
                if k.start - b.span.end <= a.span.start - k.end {
                    Some(b)
                } else {
                    Some(a)
                }
            }
            (b, a) => b.or(a),
        };
        if let Some(n) = n {
            // "six soldiers and three militants": both counts.
            let mut total = n.value;
            let mut last = n.span;
            for m in cx
                .ann
                .numbers
                .iter()
                .filter(|m| m.span.start > n.span.end && m.span.end <= sent.end)
            {
                let joined = cx.gap_has_word(last.end, m.span.start, Words::CountCoordination, 4);
                if joined && usable(&m) && !(n.span.start < k.start && m.span.start > k.end) {
                    total += m.value;
                    last = m.span;
                } else {
                    break;
                }
            }
            return u32::try_from(total).ok();
        }
    }
    // "Un soldat a été tué", "a civilian was killed".
    if cx
        .ann
        .cues_in(Cue::KilledOne, sent.start, sent.end)
        .next()
        .is_some()
    {
        return Some(1);
    }
    None
}

/// True when the word before `n` (in the sentence) introduces a part of a
/// count ("dont", "including").
fn after_inclusion(cx: &DocCtx<'_>, sent: Span, n: Span) -> bool {
    cx.word_before(sent.start, n.start)
        .is_some_and(|w| cx.lex.grammar.inclusion_markers.contains(w))
}

fn is_year(v: u64, s: &str) -> bool {
    (1900..=2100).contains(&v) && s.len() == 4
}

/// True when a unit word ("tonnes", "missiles", "km") follows the number.
pub fn is_unit_after(cx: &DocCtx<'_>, n: Span) -> bool {
    cx.ann
        .cue(Cue::Units)
        .iter()
        .any(|u| u.start >= n.end && u.start - n.end <= 3 && cx.words_between(n.end, u.start) == 0)
        || cx.text.get(n.end..).is_some_and(|r| {
            r.trim_start().starts_with(['%', 'h'])
                && !r.is_empty()
                && r.trim_start()
                    .chars()
                    .nth(1)
                    .is_none_or(|c| !c.is_alphabetic())
        })
}
