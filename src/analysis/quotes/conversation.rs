//! Dialogue read as conversations.
//!
//! In a document written as dialogue (a novel, a story, an interview told as a scene), each
//! paragraph holding a quotation is a turn, and a turn with no reporting word of its own is
//! spoken by someone in the conversation: the person the previous turn addressed by name
//! ([`RuleId::VocativeAddressee`]), or, as two people talk, whoever spoke two turns before
//! ([`RuleId::ConversationAlternation`]). A report (news) is read otherwise: there a quotation
//! paragraph with no cue continues the speech before it.

use std::ops::Range;

use super::context::Context;
use super::lexicon::Gender;
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
pub(super) fn read(sieve: &mut Sieve, ctx: &Context) {
    let mut conversation: Vec<usize> = Vec::new();
    let mut last_unit: Option<usize> = None;
    for u in 0..sieve.units.len() {
        if !is_turn(sieve, u) {
            continue;
        }
        if last_unit.is_some_and(|l| u - l > MAX_GAP + 1) {
            fill(sieve, ctx, &conversation);
            conversation.clear();
        }
        conversation.push(u);
        last_unit = Some(u);
    }
    fill(sieve, ctx, &conversation);
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
        trace: Some(Box::new(trace)),
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

/// The gender of the pronoun that named the speaker of unit `u` (`said he`), when its turn
/// was named by one and nothing better.
fn pronoun_turn(sieve: &Sieve, u: usize) -> Option<Gender> {
    let (q, _) = speaker_of(sieve, u, false)?;
    let a = &sieve.slots[q].attribution;
    let by_pronoun = a.trace.as_ref().and_then(|t| t.link) == Some(RuleId::PronounSalience);
    (a.own && by_pronoun).then_some(a.pronoun).flatten()
}

/// In dialogue, `he said` names whoever's turn it is when the pronoun fits them: gives unit
/// `u`'s quotations spoken by the person the pronoun was first tied to that speaker instead.
fn relink(sieve: &mut Sieve, ctx: &Context, u: usize, g: Gender, expected: &Attribution) {
    let Some(e) = expected.speaker else {
        return;
    };
    let Some((_, old)) = speaker_of(sieve, u, false) else {
        return;
    };
    if old == Who::Entity(e) || !ctx.fits(e, g) || named_inside(sieve, u, &Who::Entity(e)) {
        return;
    }
    let Some(range) = sieve.units.get(u).cloned() else {
        return;
    };
    for q in range {
        let a = &mut sieve.slots[q].attribution;
        if a.who().as_ref() != Some(&old) {
            continue;
        }
        a.speaker = Some(e);
        if let Some(t) = a.trace.as_mut() {
            t.candidates.retain(|&c| c != e);
            t.candidates.insert(0, e);
            if t.link == Some(RuleId::PronounSalience) {
                t.link = Some(RuleId::PronounInConversation);
            }
        }
    }
}

/// Fills the uncued turns of one conversation (its units, in order).
fn fill(sieve: &mut Sieve, ctx: &Context, turns: &[usize]) {
    if turns.len() < 2 {
        return;
    }
    // First, forwards, the turns named by a pronoun: whose turn it is decides whom it means.
    for k in 0..turns.len() {
        let u = turns[k];
        if let Some(g) = pronoun_turn(sieve, u) {
            // Only when the pronoun was tied to whoever spoke the turn before: the same person
            // rarely speaks two turns running.
            let before = k
                .checked_sub(1)
                .and_then(|p| speaker_of(sieve, turns[p], true))
                .map(|(_, w)| w);
            let now = speaker_of(sieve, u, false).map(|(_, w)| w);
            if before.is_some() && before == now {
                if let Some(expected) = guess(sieve, turns, k, true) {
                    relink(sieve, ctx, u, g, &expected);
                }
            }
        }
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
