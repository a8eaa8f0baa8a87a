//! Extraction as named passes over the parsed sentences of one document.
//!
//! [`run`] takes each sentence in order and each candidate in it through
//! the passes below. Every pass is a module with a written contract (what
//! it reads, what it adds to the [`Frame`]); a pass that rejects a
//! candidate says why with a rule id, which the trace shows. Trees come
//! from the parse pass ([`crate::parse`]); a sentence without one (not
//! selected, or a language without a model) is read in token order.
//!
//! 1. [`candidates`]: triggers of the sentence that can start an event.
//! 2. [`eventiveness`]: is it a past, real, specific incident?
//! 3. [`arguments`]: weapon, perpetrator, target and its side.
//! 4. [`places`]: the places the event happened at, by their role.
//! 5. [`typing`]: the event type from the trigger, weapon and perpetrator.
//! 6. [`dates`]: the event's date from its clause, anchors and the story.
//! 7. [`tolls`]: the number killed.
//! 8. [`claims`]: who says so; a perpetrator's own word is a claim.
//! 9. [`records`]: restatements of one incident merged; then each frame
//!    becomes an [`vigie_core::Event`] (in `lib.rs`, with the ontology).
//!
//! Cross-sentence state (the group in focus, the last state force, the last
//! speaker, the date anchor) is one [`Story`] value that only [`run`]
//! updates, after each event and each sentence.

pub mod arguments;
pub mod attribution;
pub mod candidates;
pub mod claims;
pub mod context;
pub mod dates;
pub mod eventiveness;
pub mod places;
pub mod records;
pub mod tolls;
pub mod typing;

pub use context::{
    DateVal, DocCtx, Dropped, Frame, PlaceCand, Speaker, Story, TimeCand, TimeResolver,
};

use candidates::{Candidate, SentenceView};

/// Builds the frames of every candidate of the document, in text order,
/// and lists the candidates dropped (for the trace).
pub fn run(cx: &DocCtx<'_>) -> (Vec<Frame>, Vec<Dropped>) {
    let mut frames: Vec<Frame> = Vec::new();
    let mut dropped = Vec::new();
    let mut story = Story::default();
    for si in 0..cx.sentences.len() {
        let s = candidates::sentence(cx, si, &story);
        for c in candidates::of_sentence(cx, &s, &story, &mut dropped) {
            match frame_of(cx, &s, &c, &story, &frames) {
                Ok(made) => {
                    story.last_trigger = Some((si, c.def));
                    if let Some(a) = made.first().and_then(|f| f.actor1) {
                        story.after_event(cx, a);
                    }
                    if let Some(d) = made
                        .first()
                        .filter(|f| f.date_explicit)
                        .and_then(|f| f.date)
                    {
                        story.anchor = Some(d.start);
                    }
                    frames.extend(made);
                }
                Err(d) => dropped.push(d),
            }
        }
        story.after_sentence(cx, &s);
    }
    (frames, dropped)
}

/// The frames of one candidate (one per place it happened at), or why it
/// is not an event.
fn frame_of(
    cx: &DocCtx<'_>,
    s: &SentenceView<'_>,
    c: &Candidate,
    story: &Story,
    frames: &[Frame],
) -> Result<Vec<Frame>, Dropped> {
    // A mention of an incident told before ("this strike", "the strike
    // caused no injuries") is no event of its own, but it may tell that
    // incident's toll or sharper place: it is kept as a frame that only
    // merges into that incident.
    let mention_of_earlier = |d: &Dropped| {
        !frames.is_empty()
            && (d.rule.ends_with(".eventiveness.anaphoric")
                || d.rule.ends_with(".arguments.weak_without_target"))
            && arguments::anaphoric_mention(cx, s, c)
    };
    let mut mention: Option<String> = None;
    if let Err(d) = eventiveness::check(cx, s, c) {
        if !mention_of_earlier(&d) {
            return Err(d);
        }
        mention = Some(d.rule);
    }
    if mention.is_none() && arguments::characterization(s, c) {
        let d = c.drop(
            cx,
            "arguments.characterization",
            "a copula's predicate: it characterises an incident, it tells none",
        );
        if frames.is_empty() {
            return Err(d);
        }
        mention = Some(d.rule);
    }
    let weapon = arguments::weapon(cx, c);
    if let Err(d) = arguments::check_weapon(cx, s, c, &weapon) {
        if mention.is_none() && !mention_of_earlier(&d) {
            return Err(d);
        }
        mention.get_or_insert(d.rule);
    }
    let mut f = Frame::new(s, c);
    if arguments::another_incident(cx, s, c) {
        f.distinct = true;
        f.rule(cx, "records.another_incident");
    }
    if let Some(why) = mention {
        f.merge_only = true;
        f.rules.push(why);
        f.rule(cx, "arguments.anaphoric_mention");
    }
    f.weapon = weapon.own;
    f.weapon_detail = f.weapon.as_deref().and_then(|class| {
        let (cs, ce) = c.clause;
        cx.weapon_detail_in(cs, ce, class, c.trigger.start)
    });
    arguments::fill(cx, s, c, story, frames, &mut f);
    let mut places = places::of(cx, s, c, &mut f);
    arguments::state_of_place(cx, s, c, &places, &mut f);
    typing::fill(cx, c, &mut f);
    dates::fill(cx, s, c, story, &mut f)?;
    background_development(cx, c, &f)?;
    places::settle(cx, s, c, &mut f, &mut places, frames)?;
    tolls::fill(cx, s, &mut f);
    claims::fill(cx, s, story, &mut f);
    if places.is_empty() {
        f.notes.push("no place found".to_string());
    }
    if places.len() > 1 {
        // One toll for several places is no place's toll.
        f.fatalities = None;
    }
    Ok(records::split_by_place(f, places))
}

impl Story {
    /// After an event: its perpetrator may become the group in focus, and
    /// the state force the text tells about.
    fn after_event(&mut self, cx: &DocCtx<'_>, a: usize) {
        if arguments::self_focus(cx, a) {
            self.focus = Some(a);
        }
        self.last_state = cx.actors.defs[a].is_state().then_some(a);
    }

    /// After a sentence: its last speaker, and a claimant in focus.
    fn after_sentence(&mut self, cx: &DocCtx<'_>, s: &SentenceView<'_>) {
        if let Some((sp, _, _)) = s.speakers.last() {
            self.last_speaker = Some(sp.clone());
        }
        for (sp, is_claim, _) in &s.speakers {
            if let (Speaker::Actor(a), true) = (sp, is_claim)
                && arguments::self_focus(cx, *a)
            {
                self.focus = Some(*a);
            }
        }
        // A claim stays open while the sentences after it have no
        // statement of their own; any other statement closes it.
        self.last_claim = match self.last_claim {
            Some((i, a)) if s.speakers.is_empty() && i + 1 == s.index => Some((s.index, a)),
            _ => s
                .speakers
                .iter()
                .rev()
                .find_map(|(sp, is_claim, _)| match sp {
                    Speaker::Actor(a) if *is_claim => Some((s.index, *a)),
                    _ => None,
                }),
        };
    }
}

/// A development whose type says it is told as background unless dated
/// (`own_date` in the ontology: a territory change, an agreement, a base)
/// and that only the story's last date dates ("they took control of the
/// town, held by the SDF for years") is context, not news.
fn background_development(cx: &DocCtx<'_>, c: &Candidate, f: &Frame) -> Result<(), Dropped> {
    let needs_date = cx.ontology.r#type.get(&f.itype).is_some_and(|t| t.own_date);
    let narrative = f.rules.iter().any(|r| r.ends_with(".time.narrative_date"));
    if needs_date && narrative && !f.date_firm {
        return Err(c.drop(
            cx,
            "eventiveness.undated_development",
            "a development dated only by the story told before it",
        ));
    }
    Ok(())
}
