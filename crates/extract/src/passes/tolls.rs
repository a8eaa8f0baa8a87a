//! Pass 7, tolls: the number of people the event killed.
//!
//! Reads the killing, injury and no-casualty cues and the numbers of the
//! sentence (and of the next one, when it tells no event of its own).
//! Adds `fatalities` and its rule. Also decides whether a sentence tells
//! a cumulative toll, which the eventiveness pass and the figures read.

use vigie_core::Span;

use super::candidates::SentenceView;
use super::context::{DocCtx, Frame};
use crate::data::{Cue, Words};

/// Fills the frame's fatalities.
pub fn fill(cx: &DocCtx<'_>, s: &SentenceView<'_>, f: &mut Frame) {
    f.fatalities = fatalities_of(cx, s.index, s.span);
    if f.fatalities.is_some() {
        f.rule(cx, "fatalities.in_sentence");
    }
}

/// The number of people killed that a sentence tells for its event.
pub fn fatalities_of(cx: &DocCtx<'_>, si: usize, sent: Span) -> Option<u32> {
    if cumulative_toll(cx, sent) {
        return None;
    }
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
pub fn killed_count(cx: &DocCtx<'_>, sent: Span) -> Option<u32> {
    let in_time = |n: &crate::annotate::NumberHit| cx.times.iter().any(|t| t.span.overlaps(n.span));
    let usable = |n: &&crate::annotate::NumberHit| {
        !is_unit_after(cx, n.span)
            && !in_time(n)
            && !is_year(n.value, cx.text.get(n.span.range()).unwrap_or(""))
            && n.value < 100_000
    };
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
                let gap = cx.folded_slice(last.end, m.span.start);
                let words: Vec<&str> = gap
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .collect();
                let joined = words.len() <= 4
                    && words
                        .iter()
                        .any(|w| cx.lex.has_word(Words::CountCoordination, w));
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
