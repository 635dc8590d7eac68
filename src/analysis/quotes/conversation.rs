//! Dialogue read as conversations.
//!
//! In a document written as dialogue (a novel, a story, an interview told as a scene), each
//! paragraph holding a quotation is a turn, and a turn with no reporting word of its own is
//! spoken by someone in the conversation: the person the previous turn addressed by name
//! ([`RuleId::VocativeAddressee`]), or, as two people talk, whoever spoke two turns before
//! ([`RuleId::ConversationAlternation`]). A report (news) is read otherwise: there a quotation
//! paragraph with no cue continues the speech before it.

use std::ops::Range;

use super::rules::RuleId;
use super::sieve::{Attribution, Register, Sieve, Slot, Trace, Who};
use crate::analysis::QuoteKind;

/// How many exchanges (three turns in a row by A, B and A again, each named by its own cue) make
/// a document's register dialogue: a report quotes its sources one after the other, a story
/// lets them talk to each other.
const EXCHANGES: usize = 2;

/// How many paragraphs without a quotation may stand between two turns of one conversation.
const MAX_GAP: usize = 1;

/// How many times the rules go over a conversation: each pass can only fill turns next to ones
/// already known.
const PASSES: usize = 4;

/// Whether the document reads as reports or as dialogue, from its exchanges.
pub(super) fn register(slots: &[Slot], units: &[Range<usize>]) -> Register {
    // The speaker of each unit that is a cued turn of dialogue, or `None`.
    let cued: Vec<Option<Who>> = units
        .iter()
        .map(|r| {
            let slot = slots.get(r.start)?;
            (r.start < r.end && slot.dialogue_turn && slot.attribution.own)
                .then(|| slot.attribution.who())
                .flatten()
        })
        .collect();
    let exchanges = cued
        .windows(3)
        .filter(|w| match w {
            [Some(a), Some(b), Some(c)] => a == c && a != b,
            _ => false,
        })
        .count();
    if exchanges >= EXCHANGES {
        Register::Dialogue
    } else {
        Register::Report
    }
}

/// Fills the uncued turns of every conversation.
pub(super) fn read(sieve: &mut Sieve) {
    let mut conversation: Vec<usize> = Vec::new();
    let mut last_unit: Option<usize> = None;
    for u in 0..sieve.units.len() {
        if !is_turn(sieve, u) {
            continue;
        }
        if last_unit.is_some_and(|l| u - l > MAX_GAP + 1) {
            fill(sieve, &conversation);
            conversation.clear();
        }
        conversation.push(u);
        last_unit = Some(u);
    }
    fill(sieve, &conversation);
}

/// Whether unit `u` holds a quotation that can be spoken.
fn is_turn(sieve: &Sieve, u: usize) -> bool {
    sieve
        .units
        .get(u)
        .is_some_and(|r| r.clone().any(|q| sieve.slots[q].kind != QuoteKind::Scare))
}

/// The first (or last) quotation of unit `u` with a speaker, and who.
fn speaker_of(sieve: &Sieve, u: usize, last: bool) -> Option<(usize, Who)> {
    let range = sieve.units.get(u)?.clone();
    let find = |q: usize| {
        let s = &sieve.slots[q];
        (s.kind != QuoteKind::Scare)
            .then(|| s.attribution.who())
            .flatten()
            .map(|w| (q, w))
    };
    if last {
        range.rev().find_map(find)
    } else {
        range.clone().find_map(find)
    }
}

/// The people the quotations of unit `u` address by name, last first, with the quotation.
fn addressed(sieve: &Sieve, u: usize) -> Vec<(usize, usize)> {
    let Some(range) = sieve.units.get(u) else {
        return Vec::new();
    };
    range
        .clone()
        .rev()
        .flat_map(|q| sieve.slots[q].vocatives.iter().map(move |&e| (q, e)))
        .collect()
}

/// Whether `who` is named inside a quotation of unit `u` (and so does not speak it).
fn named_inside(sieve: &Sieve, u: usize, who: &Who) -> bool {
    let Who::Entity(e) = who else {
        return false;
    };
    sieve
        .units
        .get(u)
        .is_some_and(|r| r.clone().any(|q| sieve.slots[q].named_inside.contains(e)))
}

/// Gives every open quotation of unit `u` the attribution `a`.
fn give(sieve: &mut Sieve, u: usize, a: &Attribution) {
    let Some(range) = sieve.units.get(u).cloned() else {
        return;
    };
    for q in range {
        if sieve.open(q) {
            sieve.assign(q, a.clone());
        }
    }
}

/// The attribution of a person addressed by name in quotation `q`.
fn addressee(e: usize, q: usize) -> Attribution {
    let mut trace = Trace::new(RuleId::VocativeAddressee);
    trace.candidates = vec![e];
    trace.from_quote = Some(q);
    Attribution {
        speaker: Some(e),
        trace: Some(trace),
        ..Attribution::default()
    }
}

/// A speaker for turn `turns[k]` from the turns around it, reading forwards (the turns before)
/// or backwards (the turns after).
fn guess(sieve: &Sieve, turns: &[usize], k: usize, forwards: bool) -> Option<Attribution> {
    let u = turns[k];
    let step = |n: usize| -> Option<usize> {
        if forwards {
            k.checked_sub(n).map(|i| turns[i])
        } else {
            turns.get(k + n).copied()
        }
    };
    // The turn next to this one, read at its side facing this one.
    let near = step(1)?;
    let near_speaker = speaker_of(sieve, near, forwards);
    for (q, e) in addressed(sieve, near) {
        let who = Who::Entity(e);
        if near_speaker.as_ref().is_none_or(|(_, w)| *w != who) && !named_inside(sieve, u, &who) {
            return Some(addressee(e, q));
        }
    }
    let (_, near_who) = near_speaker?;
    let far = step(2)?;
    let (q, far_who) = speaker_of(sieve, far, !forwards)?;
    if far_who == near_who || named_inside(sieve, u, &far_who) {
        return None;
    }
    Some(
        sieve.slots[q]
            .attribution
            .carried(RuleId::ConversationAlternation, Some(q)),
    )
}

/// Fills the uncued turns of one conversation (its units, in order).
fn fill(sieve: &mut Sieve, turns: &[usize]) {
    if turns.len() < 2 {
        return;
    }
    let known = |sieve: &Sieve, u: usize| speaker_of(sieve, u, false).is_some();
    for _ in 0..PASSES {
        let mut changed = false;
        for forwards in [true, false] {
            let order: Vec<usize> = if forwards {
                (0..turns.len()).collect()
            } else {
                (0..turns.len()).rev().collect()
            };
            for k in order {
                let u = turns[k];
                if known(sieve, u) {
                    continue;
                }
                if let Some(a) = guess(sieve, turns, k, forwards) {
                    give(sieve, u, &a);
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
}
