//! The narrator: who says `I said`.
//!
//! A first-person narrator is rarely named in the narration, but the people talking to them call
//! them by name (`“Hullo, Jake.”`). The narrator's name is the person most often addressed in
//! the turns next to the narrator's own, when one clearly stands out; otherwise the narrator is a
//! person of their own, "Narrator", added to the entities.

use std::collections::HashMap;

use super::context::Context;
use super::sieve::Sieve;
use crate::analysis::{Entity, EntityKind, Mention, QuoteKind};

/// How many times a name must be addressed next to the narrator's turns, and by how much it must
/// lead the next name, to be taken as the narrator's.
const MIN_ADDRESSED: usize = 2;
const LEAD: usize = 2;

/// Gives the narrator's quotations their speaker: the narrator's name among the entities when
/// the dialogue gives it, else a new entity, returned, whose index is `new_index`: named by the
/// name the others call the narrator when the entities hold no one person by that name (their
/// recogniser may have joined it to another), else "Narrator".
pub(super) fn settle(sieve: &mut Sieve, ctx: &Context, new_index: usize) -> Option<Entity> {
    let narrated: Vec<usize> = (0..sieve.slots.len())
        .filter(|&q| {
            let s = &sieve.slots[q];
            s.kind != QuoteKind::Scare && s.attribution.narrator
        })
        .collect();
    if narrated.is_empty() {
        return None;
    }
    let called = name(sieve, ctx, &narrated);
    let known = called.and_then(|w| ctx.entity_named(w).filter(|&e| ctx.is_person(e)));
    let index = known.unwrap_or(new_index);
    let mut mentions = Vec::new();
    for &q in &narrated {
        let a = &mut sieve.slots[q].attribution;
        a.speaker = Some(index);
        if let Some(c) = a.trace.as_mut() {
            if !c.candidates.contains(&index) {
                c.candidates.insert(0, index);
            }
            if a.own {
                if let Some((start, end)) = c.subject {
                    mentions.push(Mention { start, end });
                }
            }
        }
    }
    if known.is_some() {
        return None;
    }
    mentions.sort_unstable();
    mentions.dedup();
    let name = called.unwrap_or("Narrator").to_string();
    Some(Entity {
        kind: EntityKind::Person,
        aliases: vec![name.clone()],
        name,
        mentions,
    })
}

/// The name most often used to address someone in the turns right before and after the
/// narrator's, when one clearly stands out.
fn name<'a>(sieve: &Sieve, ctx: &Context<'a>, narrated: &[usize]) -> Option<&'a str> {
    let mut votes: HashMap<&'a str, usize> = HashMap::new();
    let unit_of = |q: usize| sieve.slots[q].unit;
    let mut last_unit = None;
    for &q in narrated {
        let u = unit_of(q);
        if last_unit == Some(u) {
            continue;
        }
        last_unit = Some(u);
        for neighbour in [u.checked_sub(1), u.checked_add(1)].into_iter().flatten() {
            let Some(range) = sieve.units.get(neighbour) else {
                continue;
            };
            for p in range.clone() {
                let s = &sieve.slots[p];
                if s.attribution.narrator || s.vocatives.is_empty() {
                    continue;
                }
                let Some(span) = ctx.top.get(p) else {
                    continue;
                };
                // Not the speaker's own name.
                let own = s.attribution.speaker.and_then(|e| ctx.entities.get(e));
                for word in ctx.vocative_names(span) {
                    let speaker_called = own.is_some_and(|e| {
                        std::iter::once(&e.name)
                            .chain(&e.aliases)
                            .any(|n| n.split_whitespace().last() == Some(word))
                    });
                    if !speaker_called {
                        *votes.entry(word).or_default() += 1;
                    }
                }
            }
        }
    }
    let mut ranked: Vec<(usize, &str)> = votes.into_iter().map(|(w, n)| (n, w)).collect();
    ranked.sort_unstable_by(|a, b| b.cmp(a));
    let (best, w) = *ranked.first()?;
    let second = ranked.get(1).map_or(0, |r| r.0);
    (best >= MIN_ADDRESSED && best >= LEAD * second).then_some(w)
}
