//! Lexicon annotators: one pass per lexicon over a document's normalized
//! text. Every span here is a byte range into the normalized text.

use std::collections::BTreeMap;

use vigie_core::Span;

use crate::data::{Actors, AliasKind, Cue, LangLex};
use crate::lexicon::is_word_char;
use vigie_core::TokenStream;

/// What an actor-like mention refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActorRef {
    /// A named actor (index into the actor dictionary).
    Named(usize),
    /// "le groupe", "the militia", "il": the actor in focus.
    Focus,
    /// "l'armée", "security forces": a state's forces, country from context.
    StateGeneric,
    /// A country adjective ("israélien", "US"): ISO code index into the demonyms.
    Adjective(usize),
}

#[derive(Debug, Clone, Copy)]
pub struct ActorHit {
    pub span: Span,
    pub what: ActorRef,
    pub kind: AliasKind,
}

#[derive(Debug, Clone, Copy)]
pub struct TriggerHit {
    pub span: Span,
    pub def: usize,
}

#[derive(Debug, Clone, Copy)]
pub struct WeaponHit {
    pub span: Span,
    pub entry: usize,
}

#[derive(Debug, Clone, Copy)]
pub struct NumberHit {
    pub span: Span,
    pub value: u64,
    /// A vague quantity ("dozens"): a toll, never a figure's count.
    pub approx: bool,
    /// A scale word ("million") not joined to a number before it.
    pub scale: bool,
}

/// All lexicon annotations of one document.
#[derive(Debug)]
pub struct Annotations<'s> {
    /// The document's token stream (its folded text is what lexicons match).
    pub stream: &'s TokenStream,
    pub triggers: Vec<TriggerHit>,
    pub weapons: Vec<WeaponHit>,
    pub actors: Vec<ActorHit>,
    pub cues: BTreeMap<Cue, Vec<Span>>,
    pub numbers: Vec<NumberHit>,
    /// Byte offsets where a word (a run of alphanumeric characters) starts,
    /// in order: word counts between two offsets by binary search.
    pub word_starts: Vec<usize>,
}

impl<'s> Annotations<'s> {
    /// The actor mentions that start inside `span` (they are sorted by
    /// start), so that per-sentence loops do not walk the whole document.
    pub fn actors_in(&self, span: Span) -> &[ActorHit] {
        let from = self.actors.partition_point(|h| h.span.start < span.start);
        let to = self.actors.partition_point(|h| h.span.start < span.end);
        &self.actors[from..to.max(from)]
    }

    /// Annotates `text`, whose token stream is `stream`.
    pub fn new(
        text: &str,
        stream: &'s TokenStream,
        lex: &LangLex,
        actors: &Actors,
    ) -> Annotations<'s> {
        let span = |s: usize, e: usize| {
            Span::new(
                stream.text_start(s),
                stream.text_end(e).max(stream.text_start(s)),
            )
        };
        // One scan for every phrase set, in `LangLex::bank_sets` order.
        let mut found = lex.bank.find(stream, text).into_iter();
        let mut next = || found.next().unwrap_or_default();
        let (trigger_hits, weapon_hits, alias_hits, demonym_hits) =
            (next(), next(), next(), next());
        let triggers = trigger_hits
            .into_iter()
            .map(|h| TriggerHit {
                span: span(h.start, h.end),
                def: h.entry,
            })
            .collect();
        let weapons = weapon_hits
            .into_iter()
            .map(|h| WeaponHit {
                span: span(h.start, h.end),
                entry: h.entry,
            })
            .collect();
        let mut cues = BTreeMap::new();
        for cue in lex.cues.keys() {
            cues.insert(
                *cue,
                next()
                    .into_iter()
                    .map(|h| span(h.start, h.end))
                    .collect::<Vec<_>>(),
            );
        }
        let mut actor_hits: Vec<ActorHit> = Vec::new();
        let locatives: &[Span] = cues
            .get(&Cue::Locative)
            .map(|v: &Vec<Span>| v.as_slice())
            .unwrap_or(&[]);
        for h in alias_hits {
            let Some(&(actor, kind)) = actors.aliases.get(h.entry) else {
                continue;
            };
            let s = span(h.start, h.end);
            if kind == AliasKind::Metonym && locative_before(text, s.start, locatives) {
                continue;
            }
            actor_hits.push(ActorHit {
                span: s,
                what: ActorRef::Named(actor),
                kind,
            });
        }
        for (cue, what) in [
            (Cue::Focus, ActorRef::Focus),
            (Cue::StateGeneric, ActorRef::StateGeneric),
        ] {
            for s in cues.get(&cue).into_iter().flatten() {
                actor_hits.push(ActorHit {
                    span: *s,
                    what,
                    kind: AliasKind::Name,
                });
            }
        }
        for h in demonym_hits {
            actor_hits.push(ActorHit {
                span: span(h.start, h.end),
                what: ActorRef::Adjective(h.entry),
                kind: AliasKind::Name,
            });
        }
        // Longer mentions win over mentions they contain ("Résistance
        // islamique en Irak" over "Irak", "forces américaines" over "américaines").
        // Names first (longest first), then adjectives, then references.
        let rank = |h: &ActorHit| match h.what {
            ActorRef::Named(_) => 0,
            ActorRef::Adjective(_) => 1,
            ActorRef::StateGeneric => 2,
            ActorRef::Focus => 3,
        };
        actor_hits.sort_by(|a, b| {
            rank(a)
                .cmp(&rank(b))
                .then(b.span.len().cmp(&a.span.len()))
                .then(a.span.start.cmp(&b.span.start))
        });
        // Kept spans never overlap, so only the kept span starting last
        // before `h` ends can overlap it.
        let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
        let mut kept: Vec<ActorHit> = Vec::new();
        for h in actor_hits {
            let clash = taken
                .range(..h.span.end.max(h.span.start + 1))
                .next_back()
                .is_some_and(|(&s, &e)| Span::new(s, e).overlaps(h.span));
            if clash {
                continue;
            }
            taken.insert(h.span.start, h.span.end);
            kept.push(h);
        }
        kept.sort_by_key(|h| h.span.start);
        let numbers = find_numbers(text, stream, lex);
        let word_starts = word_starts(stream);
        Annotations {
            word_starts,
            stream,
            triggers,
            weapons,
            actors: kept,
            cues,
            numbers,
        }
    }

    /// The number of words, whole or in part, in `[a, b)`.
    pub fn words_between(&self, text: &str, a: usize, b: usize) -> usize {
        count_words(&self.word_starts, text, a, b)
    }

    /// Re-points each name shared by several actors to the one whose
    /// `from`/`to` hold `day` ("the Myanmar military" before and after
    /// the 2021 coup are two ACLED actors).
    pub fn date_actors(&mut self, actors: &Actors, day: vigie_core::Date) {
        let stream = self.stream;
        for h in &mut self.actors {
            let ActorRef::Named(a) = h.what else {
                continue;
            };
            if actors.defs[a].active_on(day) {
                continue;
            }
            let (s, e) = (stream.folded_at(h.span.start), stream.folded_at(h.span.end));
            let Some(holders) = stream.folded.get(s..e).and_then(|f| actors.shared.get(f)) else {
                continue;
            };
            if let Some(&other) = holders.iter().find(|&&o| actors.defs[o].active_on(day)) {
                h.what = ActorRef::Named(other);
            }
        }
    }

    pub fn cue(&self, cue: Cue) -> &[Span] {
        self.cues.get(&cue).map(|v| v.as_slice()).unwrap_or(&[])
    }

    /// Cue hits of a kind inside `[start, end)`.
    pub fn cues_in(&self, cue: Cue, start: usize, end: usize) -> impl Iterator<Item = Span> + '_ {
        self.cue(cue)
            .iter()
            .copied()
            .filter(move |s| s.start >= start && s.end <= end)
    }

    pub fn has_cue(&self, cue: Cue, start: usize, end: usize) -> bool {
        self.cues_in(cue, start, end).next().is_some()
    }
}

/// Byte offsets where a run of alphanumeric characters starts.
/// Where each word (a run of letters and digits) starts, from the token
/// stream: a word or number token that does not touch the one before it.
fn word_starts(stream: &TokenStream) -> Vec<usize> {
    let mut out = Vec::new();
    let mut prev: Option<&vigie_core::Token> = None;
    for t in &stream.tokens {
        let alnum = t.kind != vigie_core::TokenKind::Punct;
        let continues =
            prev.is_some_and(|p| p.kind != vigie_core::TokenKind::Punct && p.end == t.start);
        if alnum && !continues {
            out.push(t.start as usize);
        }
        prev = Some(t);
    }
    out
}

/// Words, whole or in part, in `text[a..b]`, from the word starts of `text`.
fn count_words(starts: &[usize], text: &str, a: usize, b: usize) -> usize {
    if b <= a {
        return 0;
    }
    let inside = starts
        .partition_point(|&p| p < b)
        .saturating_sub(starts.partition_point(|&p| p <= a));
    // a word that began before `a` and goes on past it counts too
    let cut_word = text
        .get(a..)
        .and_then(|r| r.chars().next())
        .is_some_and(char::is_alphanumeric);
    inside + usize::from(cut_word)
}

/// True when one of `spans` ends right before `pos` (only spaces between).
pub fn preceded_by(text: &str, pos: usize, spans: &[Span]) -> bool {
    spans.iter().any(|s| {
        s.end <= pos
            && text
                .get(s.end..pos)
                .is_some_and(|gap| gap.chars().all(|c| c == ' ' || c == '\'') && gap.len() <= 2)
    })
}

/// True when a locative word ends within the two words before `pos`
/// ("in southeastern Syria", "dans le nord de l'Irak").
pub fn locative_before(text: &str, pos: usize, spans: &[Span]) -> bool {
    spans.iter().any(|s| {
        s.end <= pos
            && pos - s.end <= 24
            && text.get(s.end..pos).is_some_and(|gap| {
                gap.split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .count()
                    <= 1
            })
    })
}

/// Numbers written with digits ("30 631", "43,616", "1.200") or words.
fn find_numbers(text: &str, stream: &TokenStream, lex: &LangLex) -> Vec<NumberHit> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() && (i == 0 || !(b[i - 1].is_ascii_alphanumeric())) {
            let start = i;
            let mut digits = String::new();
            let mut j = i;
            while j < b.len() && b[j].is_ascii_digit() {
                digits.push(b[j] as char);
                j += 1;
            }
            // Thousands groups: a separator then exactly three digits, only
            // after a first group of at most three digits.
            let grouping = digits.len() <= 3;
            while grouping && digits.len() < 16 {
                let sep_len = if j < b.len() && (b[j] == b' ' || b[j] == b',' || b[j] == b'.') {
                    1
                } else if text[j..].starts_with('\u{202f}') || text[j..].starts_with('\u{a0}') {
                    text[j..].chars().next().map_or(1, char::len_utf8)
                } else {
                    break;
                };
                let k = j + sep_len;
                let group = b.get(k..k + 3);
                let after = b.get(k + 3).copied();
                if group.is_some_and(|g| g.iter().all(u8::is_ascii_digit))
                    && !after.is_some_and(|c| c.is_ascii_digit())
                {
                    digits.extend(b[k..k + 3].iter().map(|&c| c as char));
                    j = k + 3;
                } else {
                    break;
                }
            }
            if j < b.len() && (b[j].is_ascii_alphabetic()) {
                // "F35", "MQ9", "3e": not a count.
                i = j;
                while i < b.len() && b[i].is_ascii_alphanumeric() {
                    i += 1;
                }
                continue;
            }
            if let Ok(v) = digits.parse::<u64>() {
                out.push(NumberHit {
                    span: Span::new(start, j),
                    value: v,
                    approx: false,
                    scale: false,
                });
            }
            i = j;
            continue;
        }
        i += 1;
    }
    // Number words, on the folded text.
    let ft = stream.folded.as_str();
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in ft.char_indices() {
        let w = is_word_char(c) || c == '-';
        match (w, start) {
            (true, None) => start = Some(i),
            (false, Some(s0)) => {
                words.push((s0, &ft[s0..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s0) = start {
        words.push((s0, &ft[s0..]));
    }
    for (wstart, word) in words {
        if let Some(&v) = lex.numbers.get(word) {
            let s = Span::new(
                stream.text_start(wstart),
                stream.text_end(wstart + word.len()),
            );
            out.push(NumberHit {
                span: s,
                value: v,
                approx: lex.approx_numbers.contains(word),
                scale: lex.scale_numbers.contains(word),
            });
        }
    }
    out.sort_by_key(|n| n.span.start);
    apply_scales(text, out)
}

/// Joins a number and the scale word right after it into one hit ("2.5
/// million" is 2,500,000, "3 millions" 3,000,000); a scale word alone
/// keeps its own value ("un million", "a million").
fn apply_scales(text: &str, hits: Vec<NumberHit>) -> Vec<NumberHit> {
    if !hits.iter().any(|h| h.scale) {
        return hits;
    }
    let gap = |a: Span, b: Span| text.get(a.end..b.start).unwrap_or("?");
    let spaced = |g: &str| !g.is_empty() && g.chars().all(char::is_whitespace);
    let mut out: Vec<NumberHit> = Vec::with_capacity(hits.len());
    for h in hits {
        if h.scale {
            let k = out.len();
            // "2.5 million", "2,5 millions": integer, decimal mark, one or
            // two digits, then the scale word.
            if k >= 2
                && !out[k - 1].scale
                && !out[k - 2].scale
                && matches!(gap(out[k - 2].span, out[k - 1].span), "." | ",")
                && out[k - 1].span.len() <= 2
                && spaced(gap(out[k - 1].span, h.span))
            {
                let frac = out.remove(k - 1);
                let int = out.remove(k - 2);
                let width = if frac.span.len() == 1 { 10 } else { 100 };
                let value = int
                    .value
                    .saturating_mul(width)
                    .saturating_add(frac.value)
                    .saturating_mul(h.value)
                    / width;
                out.push(NumberHit {
                    span: Span::new(int.span.start, h.span.end),
                    value,
                    approx: false,
                    scale: false,
                });
                continue;
            }
            if k >= 1 && !out[k - 1].scale && spaced(gap(out[k - 1].span, h.span)) {
                let n = out.remove(k - 1);
                out.push(NumberHit {
                    span: Span::new(n.span.start, h.span.end),
                    value: n.value.saturating_mul(h.value),
                    approx: n.approx,
                    scale: false,
                });
                continue;
            }
        }
        out.push(h);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preceded_by_checks_adjacency() {
        let text = "en Irak";
        assert!(preceded_by(text, 3, &[Span::new(0, 2)]));
        assert!(!preceded_by(text, 3, &[]));
    }

    #[test]
    fn word_counts_match_splitting_the_slice() {
        let text = "Le 12 mars, l'armée a tiré 3 obus sur Tyr — 2e fois ; fin.";
        let mut stream = TokenStream::default();
        vigie_tokens::tokens_into(text, &mut stream);
        let starts = word_starts(&stream);
        let bounds: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        for &a in &bounds {
            for &b in &bounds {
                let naive = if b <= a {
                    0
                } else {
                    text[a..b]
                        .split(|c: char| !c.is_alphanumeric())
                        .filter(|w| !w.is_empty())
                        .count()
                };
                assert_eq!(count_words(&starts, text, a, b), naive, "{a}..{b}");
            }
        }
    }
}
