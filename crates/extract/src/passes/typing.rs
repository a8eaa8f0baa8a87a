//! Pass 5, typing: the event type.
//!
//! Reads the trigger's type, the frame's weapon and perpetrator, the
//! ontology and the weapons the document names. A generic trigger
//! ("strike", "attack", "bombard", "launch") takes its type from the
//! weapon's `generic_type` in `ontology.toml` (a drone or an aircraft: an
//! air strike; missiles, rockets, artillery: shelling; an IED: a remote
//! explosive; small arms: a clash), else a state's strike is aerial, else
//! it is [`UNSPECIFIED`]: restatements may still give it a sharper type,
//! and [`settle`] gives what stays unspecified the trigger's `fallback`
//! (a remote strike by a non-state group: shelling; an attack: an armed
//! clash, or an attack on civilians when its victims are civilians).
//! A territory trigger is "Government regains territory" for state forces,
//! "Non-state actor overtakes territory" otherwise. An air strike by a
//! state with no weapon named in its sentence has weapon `aircraft` when
//! the document names aircraft (the convention: a strike by manned
//! aircraft is `aircraft`, a drone strike `drone`). After merging,
//! [`refine`] sharpens a type by the ontology's `[refine]` cues and
//! `on_protesters`. Adds `itype`, `fallback`, `weapon` and the rules (and,
//! when force is used on protesters, swaps the actors).

use super::candidates::Candidate;
use super::context::{DocCtx, Frame};
use crate::data::Cue;
use vigie_core::Span;

/// The type of an attack whose kind no weapon or actor tells yet.
pub const UNSPECIFIED: &str = "unspecified";

/// Fills the frame's type (and the aircraft of a state's air strike).
pub fn fill(cx: &DocCtx<'_>, c: &Candidate, f: &mut Frame) {
    let def = c.def(cx);
    let def_type = def.r#type.as_str();
    f.fallback = def.fallback.clone();
    let state = f.actor1.is_some_and(|a| cx.actors.defs[a].is_state());
    f.itype = match def_type {
        "strike" | "bombard" | "generic" | "launch" => {
            if let Some(t) = f
                .weapon
                .as_deref()
                .and_then(|w| cx.ontology.type_of_weapon(w))
            {
                f.rule(cx, "type.by_weapon");
                t.to_string()
            } else if def_type == "strike" && state {
                f.rule(cx, "type.state_strike_aerial");
                "air_drone_strike".to_string()
            } else if def_type == "bombard" {
                if state {
                    "air_drone_strike".to_string()
                } else {
                    "shelling_artillery_missile_attack".to_string()
                }
            } else {
                UNSPECIFIED.to_string()
            }
        }
        "territory" => {
            // Who takes a place decides the sub-type (ACLED): state forces
            // regain territory, a non-state group overtakes it.
            if state {
                "government_regains_territory".to_string()
            } else {
                "non_state_actor_overtakes_territory".to_string()
            }
        }
        t => t.to_string(),
    };
    if f.itype == "air_drone_strike" && f.weapon.is_none() && state && aircraft_named(cx) {
        f.weapon = Some("aircraft".to_string());
        f.rule(cx, "type.aircraft_named_in_text");
    }
}

/// The type of a frame whose attack stayed unspecified after merging:
/// its trigger's fallback (else the ontology's `default_fallback`), and,
/// when that default's victims are civilians, the ontology's
/// `on_civilians` (an attack on civilians rather than a clash).
pub fn settle(cx: &DocCtx<'_>, f: &mut Frame) {
    if f.itype != UNSPECIFIED {
        return;
    }
    let default = &cx.ontology.default_fallback;
    let fallback = f.fallback.clone().unwrap_or_else(|| default.clone());
    let on_civilians = f.actor2.is_some_and(|a| cx.actors.defs[a].is_civilians());
    if fallback == *default && on_civilians {
        f.itype = cx.ontology.on_civilians.clone();
        f.rule(cx, "type.attack_on_civilians");
    } else {
        f.itype = fallback;
        f.rule(cx, "type.fallback");
    }
}

/// A sharper type from the record's sentence and the next one, or from
/// its fatalities (`[refine.<type>]` in the ontology: a protest that police
/// disperse is a protest with intervention; one where they kill is
/// excessive force). When force is used on protesters, the protesters are
/// its victims (actor2) and the state's forces of the place its
/// perpetrator.
pub fn refine(cx: &DocCtx<'_>, f: &mut Frame, event_sentences: &[usize]) {
    force_on_protesters(cx, f);
    let Some(r) = cx.ontology.refine.get(&f.itype) else {
        return;
    };
    // The record's sentence first; the next one when it tells no event of
    // its own ("… marched on Monday. Police fired tear gas to disperse them.").
    let next = cx
        .sentences
        .get(f.sentence + 1)
        .map(|(span, _)| *span)
        .filter(|_| !event_sentences.contains(&(f.sentence + 1)));
    let cue_in = |span: Span| {
        r.cues.iter().find(|(cue, _)| {
            Cue::named(cue).is_some_and(|cue| cx.ann.has_cue(cue, span.start, span.end))
        })
    };
    let by_cue = cue_in(f.sent_span).or_else(|| next.and_then(cue_in));
    let sharper = match (by_cue, &r.lethal) {
        (_, Some(lethal)) if f.fatalities.is_some_and(|n| n > 0) => lethal.clone(),
        (Some((_, t)), _) => t.clone(),
        _ => return,
    };
    f.itype = sharper;
    f.rule(cx, "type.refined");
    let protesters_act = f.actor1.is_none_or(|a| !cx.actors.defs[a].is_state());
    let force = cx.ontology.on_protesters.as_ref() == Some(&f.itype);
    if force && protesters_act {
        f.actor2 = f.actor1.take();
        f.actor1 = state_of_place(cx, f);
    } else if !force && f.actor2.is_none() {
        f.actor2 = state_of_place(cx, f);
    }
}

/// The state forces of the country the frame's place is in.
fn state_of_place(cx: &DocCtx<'_>, f: &Frame) -> Option<usize> {
    let country = f.place.as_ref().map(|p| p.place.country.as_str())?;
    cx.actors.state_of(country)
}

/// Violence whose victims are protesters is force used against a protest
/// (ACLED: excessive force against protesters), whatever its trigger
/// ("opened fire on protesters").
fn force_on_protesters(cx: &DocCtx<'_>, f: &mut Frame) {
    let Some(force) = cx.ontology.on_protesters.as_ref() else {
        return;
    };
    let protesters = |a: Option<usize>| a.is_some_and(|a| cx.actors.defs[a].is_protesters());
    let violent = cx
        .ontology
        .r#type
        .get(&f.itype)
        .is_some_and(|t| t.is_political_violence());
    if !violent || !(protesters(f.actor1) || protesters(f.actor2)) {
        return;
    }
    f.itype = force.clone();
    f.rule(cx, "type.force_on_protesters");
    if protesters(f.actor1) {
        f.actor1 = f.actor2.take().filter(|a| !protesters(Some(*a)));
    }
    let victims = cx
        .ontology
        .r#type
        .get(force)
        .and_then(|t| t.actor2.as_ref());
    f.actor2 = victims
        .and_then(|name| cx.actors.by_name(name))
        .or(f.actor2);
    if f.actor1.is_none() {
        f.actor1 = state_of_place(cx, f);
    }
}

/// The document names manned aircraft ("warplanes", "F-16", "l'aviation").
fn aircraft_named(cx: &DocCtx<'_>) -> bool {
    cx.ann.weapons.iter().any(|w| {
        cx.lex
            .weapons
            .get(w.entry)
            .is_some_and(|(class, _)| class == "aircraft")
    })
}
