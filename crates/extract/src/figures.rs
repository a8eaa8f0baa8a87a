//! Figures: cumulative tolls and counts ("au moins 30 631 Palestiniens tués
//! depuis le début de la guerre", "more than 36,000 killed, according to
//! health officials").
//!
//! A count is a figure when its sentence has a cumulative cue ("depuis",
//! "bilan", "so far", "the war"), or when the sentence tells no event and the
//! count is large. Counts followed by a unit ("10 000 tonnes", "30
//! missiles", "7 000 membres") and years are never figures.

use vigie_core::{Date, Span};

use crate::annotate::NumberHit;
use crate::data::{Cue, Words};
use crate::passes::tolls::is_unit_after;
use crate::passes::{DocCtx, Speaker};

/// A figure before it becomes a record (spans in the normalized text).
#[derive(Debug, Clone)]
pub struct FigureDraft {
    pub sentence: Span,
    pub what: &'static str,
    pub count: u64,
    pub qualifier: &'static str,
    pub subject: Option<String>,
    pub place: Option<String>,
    pub as_of: Option<Date>,
    pub source: Option<String>,
    pub rules: Vec<String>,
}

const TOLL_CUES: [(Cue, &str); 5] = [
    (Cue::Killed, "killed"),
    (Cue::Injured, "injured"),
    (Cue::Missing, "missing"),
    (Cue::Displaced, "displaced"),
    (Cue::Detained, "detained"),
];

/// Minimum count for a figure in a sentence without a cumulative cue.
const LARGE: u64 = 1000;

pub fn find_figures(cx: &DocCtx<'_>, event_sentences: &[Span]) -> Vec<FigureDraft> {
    let mut out = Vec::new();
    for &(sent, _) in cx.sentences {
        let cumulative = crate::passes::tolls::cumulative_toll(cx, sent);
        let has_event = event_sentences.contains(&sent);
        let nums: Vec<&NumberHit> = cx
            .ann
            .numbers
            .iter()
            .filter(|n| sent.contains(n.span) && !n.approx)
            .filter(|n| !cx.times.iter().any(|t| t.span.overlaps(n.span)))
            .filter(|n| !is_unit_after(cx, n.span))
            .filter(|n| !((1900..=2100).contains(&n.value) && n.span.len() == 4))
            .collect();
        if nums.is_empty() {
            continue;
        }
        let mut last_subject: Option<String> = None;
        for (k, n) in nums.iter().enumerate() {
            if !cumulative && (has_event || n.value < LARGE) {
                continue;
            }
            if n.value < 10 {
                continue;
            }
            // Ranges ("5 000 à 7 000") are estimates of size, not tolls.
            if let Some(next) = nums.get(k + 1) {
                let gap = cx
                    .text
                    .get(n.span.end..next.span.start)
                    .unwrap_or("")
                    .trim();
                if cx.lex.has_word(Words::NumberPair, gap) && is_unit_after(cx, next.span) {
                    continue;
                }
            }
            if k > 0 {
                let prev = nums[k - 1];
                let gap = cx
                    .text
                    .get(prev.span.end..n.span.start)
                    .unwrap_or("")
                    .trim();
                if cx.lex.has_word(Words::NumberRange, gap) {
                    continue;
                }
            }
            let limit = nums.get(k + 1).map_or(sent.end, |x| x.span.start);
            // "70 policemen and 120 villagers have died": a count
            // coordinated with the next one shares its toll word, and its
            // subject ends where the next count begins.
            let own = toll_of(cx, sent, n.span, limit);
            let shared = own
                .is_none()
                .then(|| nums.get(k + 1))
                .flatten()
                .and_then(|m| {
                    let next_limit = nums.get(k + 2).map_or(sent.end, |x| x.span.start);
                    coordinated(cx, sent, n.span, m.span)
                        .then(|| toll_of(cx, sent, m.span, next_limit))
                        .flatten()
                });
            let Some((what, cue_span)) = own.or(shared) else {
                continue;
            };
            let subject_end = if shared.is_some() {
                limit
            } else {
                cue_span.start
            };
            let qualifier = qualifier_of(cx, sent, n.span);
            // Subject: the words between the number and the toll cue.
            let subject = if subject_end > n.span.end {
                let s = cx.text.get(n.span.end..subject_end).unwrap_or("");
                let s = s.split([',', '(', ';']).next().unwrap_or("").trim();
                let words: Vec<&str> = s
                    .split_whitespace()
                    .take_while(|w| !cx.lex.has_word(Words::Auxiliaries, w))
                    .collect();
                let s = words.join(" ");
                if s.is_empty() { None } else { Some(s) }
            } else {
                cx.text.get(n.span.end..limit).and_then(|s| {
                    let w: Vec<&str> = s
                        .split([',', '.', ';'])
                        .next()
                        .unwrap_or("")
                        .split_whitespace()
                        .take(3)
                        .collect();
                    if w.is_empty() {
                        None
                    } else {
                        Some(w.join(" "))
                    }
                })
            };
            let subject = match subject {
                Some(s)
                    if s.split_whitespace()
                        .all(|w| cx.lex.has_word(Words::Others, w)) =>
                {
                    last_subject.clone()
                }
                Some(s) => {
                    let label = subject_label(cx, &s);
                    last_subject = label.clone();
                    label
                }
                None => last_subject.clone(),
            };
            let source = source_of(cx, sent);
            let place = cx
                .places
                .iter()
                .find(|p| sent.contains(p.span))
                .map(|p| p.place.name.clone());
            let as_of = cx
                .times
                .iter()
                .filter(|t| sent.contains(t.span) && !t.open_since)
                .find_map(|t| cx.resolver.resolve(t.idx, cx.reference, None))
                .map(|d| d.end)
                .or(cx.reference);
            let mut rules = vec![format!(
                "{}.figure.{}",
                cx.lang,
                if cumulative {
                    "cumulative"
                } else {
                    "large_count"
                }
            )];
            rules.push(format!("{}.figure.qualifier.{qualifier}", cx.lang));
            out.push(FigureDraft {
                sentence: sent,
                what,
                count: n.value,
                qualifier,
                subject,
                place,
                as_of,
                source,
                rules,
            });
        }
    }
    out
}

/// A figure's subject as one label: the first of its words that
/// `subjects.tsv` knows ("Palestiniens" and "Gazans" are "Palestinians"),
/// else its first word that is not a function word ("militants during
/// the" is "militants"); `None` when it has no such word ("in total").
fn subject_label(cx: &DocCtx<'_>, raw: &str) -> Option<String> {
    let words: Vec<&str> = raw
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
        .filter(|w| !w.is_empty())
        .collect();
    if let Some(label) = words
        .iter()
        .find_map(|w| cx.lex.subjects.get(&vigie_tokens::fold_str(w)))
    {
        return Some(label.clone());
    }
    words
        .iter()
        .find(|w| {
            w.chars().any(char::is_alphabetic)
                && !cx.lex.has_word(Words::Others, w)
                && !cx
                    .lex
                    .grammar
                    .subject_fillers
                    .contains(&vigie_tokens::fold_str(w))
        })
        .map(|w| w.to_string())
}

/// True when the count at `b` is joined to the one at `a` ("70 policemen
/// and 120 villagers", "255 combattants et 77 civils").
fn coordinated(cx: &DocCtx<'_>, sent: Span, a: Span, b: Span) -> bool {
    // "entre 5 000 et 7 000": a range, not two counts.
    let range = cx
        .word_before(sent.start, a.start)
        .is_some_and(|w| cx.lex.grammar.between_markers.contains(w));
    !range && cx.gap_has_word(a.end, b.start, Words::CountCoordination, 4)
}

/// The toll word for a number: the nearest after it in its stretch, else
/// the nearest before it ("killed more than 36,000").
fn toll_of(cx: &DocCtx<'_>, sent: Span, n: Span, limit: usize) -> Option<(&'static str, Span)> {
    let mut best: Option<(usize, &'static str, Span)> = None;
    for (cue, what) in TOLL_CUES {
        for c in cx.ann.cues_in(cue, n.end, limit.max(n.end)) {
            let d = c.start - n.end;
            if d <= 160 && best.is_none_or(|(bd, _, _)| d < bd) {
                best = Some((d, what, c));
            }
        }
    }
    if let Some((_, w, s)) = best {
        return Some((w, s));
    }
    let words_to_n = |c: Span| {
        cx.text
            .get(c.end..n.start)
            .map_or(99, |g| g.split_whitespace().count())
    };
    for (cue, what) in TOLL_CUES {
        for c in cx.ann.cues_in(cue, sent.start, n.start) {
            if words_to_n(c) <= 3 {
                return Some((what, c));
            }
        }
    }
    // "The death toll from the war has risen to 15,000", "le bilan s'élève
    // à 45": a toll noun earlier, a verb of rising right before the number.
    let rises = cx
        .ann
        .cues_in(Cue::TollRise, sent.start, n.start)
        .any(|c| words_to_n(c) <= 2);
    if rises && let Some(t) = cx.ann.cues_in(Cue::TollNoun, sent.start, n.start).next() {
        return Some(("killed", t));
    }
    None
}

fn qualifier_of(cx: &DocCtx<'_>, sent: Span, n: Span) -> &'static str {
    for (cue, q) in [
        (Cue::QAtLeast, "at_least"),
        (Cue::QMoreThan, "more_than"),
        (Cue::QApprox, "approx"),
        (Cue::QUpTo, "up_to"),
    ] {
        if cx
            .ann
            .cues_in(cue, sent.start, n.start)
            .any(|c| n.start - c.end <= 2)
        {
            return q;
        }
    }
    "exact"
}

fn source_of(cx: &DocCtx<'_>, sent: Span) -> Option<String> {
    for s in cx.ann.cues_in(Cue::Sources, sent.start, sent.end) {
        let text = cx.text.get(s.range()).unwrap_or("");
        if !text.is_empty() {
            // Extend "ministère de la Santé" with what qualifies it up to a comma.
            let rest = cx.text.get(s.end..sent.end).unwrap_or("");
            let tail: String = rest
                .split([',', '.', ';'])
                .next()
                .unwrap_or("")
                .chars()
                .take(60)
                .collect();
            let tail = tail.trim_end();
            let full = if tail.split_whitespace().count() <= 5 {
                format!("{text}{tail}")
            } else {
                text.to_string()
            };
            return Some(full.trim().to_string());
        }
    }
    let _ = Speaker::Source(String::new());
    None
}
