//! Pass 5, typing: the event type.
//!
//! Reads the trigger's type, the frame's weapon and perpetrator, the
//! ontology and the weapons the document names. A generic trigger
//! ("strike", "attack", "bombard", "launch") takes its type from the
//! weapon's `generic_type` in `ontology.toml` (a drone or an aircraft: an
//! air strike; missiles, rockets, artillery: shelling; an IED: a remote
//! explosive; small arms: a clash), else a state's strike is aerial, else
//! it is "other". An air strike by a state with no weapon
//! named in its sentence has weapon `aircraft` when the document names
//! aircraft (the convention: a strike by manned aircraft is `aircraft`, a
//! drone strike `drone`). Adds `itype`, `weapon` and the rules.

use super::candidates::Candidate;
use super::context::{DocCtx, Frame};

/// Fills the frame's type (and the aircraft of a state's air strike).
pub fn fill(cx: &DocCtx<'_>, c: &Candidate, f: &mut Frame) {
    let def_type = c.def(cx).r#type.as_str();
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
                "other".to_string()
            }
        }
        t => t.to_string(),
    };
    if f.itype == "air_drone_strike" && f.weapon.is_none() && state && aircraft_named(cx) {
        f.weapon = Some("aircraft".to_string());
        f.rule(cx, "type.aircraft_named_in_text");
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
