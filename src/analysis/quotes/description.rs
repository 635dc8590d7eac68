//! Descriptions: who `the Jew`, `the girl` or `the old gentleman` is.
//!
//! A novel often names a speaker by a description for a whole book (`said the Jew` for Fagin).
//! When the text never set the description beside the name, the dialogue still tells it: the
//! people talking to the one so described call them by name (`“This is him, Fagin,”`). Each
//! description gets the person most often addressed in the turns right before and after the
//! turns it speaks, when one clearly stands out ([`RuleId::DescriptionLink`]).
//!
//! Failing that, the scenes tell it ([`RuleId::DescriptionInScene`]): a description stands for
//! someone the narration has just named, who fits its gender (`the girl`) and is not the one
//! talked to (the speaker of the turns around it, a name addressed inside it). Over the book,
//! the person present in most of the scenes where the description speaks is taken for it, in
//! each scene where that person is present, or everywhere when they are present in most of
//! them (the book uses the description as a name: `the girl` for Nancy).
//!
//! A description the book writes with capitals (`said the King`, `the Mock Turtle`) is used as
//! a name: when no one addresses it by another, it is a person of its own
//! ([`RuleId::DescriptionAsName`]), added to the entities, and never someone else of its scenes.

use std::collections::HashMap;

use super::context::Context;
use super::lexicon::Gender;
use super::rules::RuleId;
use super::sieve::Sieve;
use crate::analysis::{Entity, EntityKind, Mention, QuoteKind};

/// How many times a name must be addressed next to a description's turns, and by how much it
/// must lead the next name, to be taken as the description's.
const MIN_ADDRESSED: usize = 2;
const LEAD: usize = 2;

/// How far back from a quotation the narration is read for the people of its scene, in bytes,
/// and how many of them are weighed.
const SCENE_BYTES: usize = 2500;
const SCENE_PEOPLE: usize = 5;
/// How many scenes a person must be present in, and in what share of the description's scenes
/// (a fraction: numerator, denominator), and by how much they must lead the next person, to be
/// taken for it.
const MIN_SCENES: usize = 2;
const SCENE_SHARE: (usize, usize) = (1, 2);
const SCENE_LEAD: (usize, usize) = (3, 2);
/// The share of a description's scenes a person must be present in for the description to
/// stand for them even where the narration does not name them nearby.
const STRONG_SHARE: (usize, usize) = (2, 3);
/// The weight of a person named as the speaker of a turn two away, against one named in the
/// narration.
const SAME_TURNS: usize = 2;

/// How many turns of its own a description written with capitals must speak to be a person.
const MIN_NAMED_TURNS: usize = 2;

/// The name a description written with capitals stands for: its capitalised words after `the`,
/// one to three (`King` for `the King very decidedly`, `Mock Turtle`); `None` when the word after
/// `the` is in lower case (`the girl`).
fn as_name(words: &str) -> Option<String> {
    let rest = words
        .strip_prefix("the ")
        .or_else(|| words.strip_prefix("The "))?;
    let name: Vec<&str> = rest
        .split_whitespace()
        .take_while(|w| w.starts_with(char::is_uppercase))
        .take(4)
        .collect();
    (1..=3).contains(&name.len()).then(|| name.join(" "))
}

/// The key of a description: its words after `the`, without trailing adverbs (`old lady` for
/// `the old lady softly`), or with its possessive (`her father`); `None` for words that are no
/// short definite or possessive description.
fn key(words: &str) -> Option<String> {
    // A cheap test first: most speakers' words are no description.
    let opens = words.get(..3).is_some_and(|w| {
        w.eq_ignore_ascii_case("the")
            || w.eq_ignore_ascii_case("his")
            || w.eq_ignore_ascii_case("her")
    }) && words[3..].starts_with(char::is_whitespace);
    if !opens {
        return None;
    }
    let lower = words.to_lowercase();
    let mut parts: Vec<&str> = lower.split_whitespace().collect();
    while parts.len() > 2 && parts.last().is_some_and(|w| w.ends_with("ly")) {
        parts.pop();
    }
    if !(2..=4).contains(&parts.len()) {
        return None;
    }
    // `her father` is not `his father`: the possessive stays in the key.
    match parts.first() {
        Some(&"the") => Some(parts[1..].join(" ")),
        Some(&("his" | "her")) => Some(parts.join(" ")),
        _ => None,
    }
}

/// Links the descriptions that speak to the people the dialogue shows they are; returns the
/// people it adds for descriptions used as names, whose indices follow `ctx.entities`.
pub(super) fn link(sieve: &mut Sieve, ctx: &Context) -> Vec<Entity> {
    let mut votes: HashMap<String, HashMap<usize, usize>> = HashMap::new();
    let mut described: Vec<(usize, String)> = Vec::new();
    for q in 0..sieve.slots.len() {
        let slot = &sieve.slots[q];
        let a = &slot.attribution;
        if slot.kind == QuoteKind::Scare || a.speaker.is_some() || a.narrator {
            continue;
        }
        // `the Mock Turtle a little anxiously`: too long for a description, still a name.
        let k = a
            .speaker_text
            .as_deref()
            .and_then(|w| key(w).or_else(|| as_name(w).map(|n| n.to_lowercase())));
        let Some(k) = k else {
            continue;
        };
        described.push((q, k.clone()));
        if !a.own {
            continue;
        }
        let u = slot.unit;
        for neighbour in [u.checked_sub(1), u.checked_add(1)].into_iter().flatten() {
            let Some(range) = sieve.units.get(neighbour) else {
                continue;
            };
            for p in range.clone() {
                let s = &sieve.slots[p];
                for &e in &s.vocatives {
                    if ctx.is_person(e) && s.attribution.speaker != Some(e) {
                        *votes.entry(k.clone()).or_default().entry(e).or_default() += 1;
                    }
                }
            }
        }
    }
    let mut chosen: HashMap<String, usize> = HashMap::new();
    for (k, people) in votes {
        let mut ranked: Vec<(usize, usize)> = people.into_iter().map(|(e, n)| (n, e)).collect();
        ranked.sort_unstable_by(|a, b| b.cmp(a));
        let Some(&(best, e)) = ranked.first() else {
            continue;
        };
        let second = ranked.get(1).map_or(0, |r| r.0);
        if best >= MIN_ADDRESSED && best >= LEAD * second {
            chosen.insert(k, e);
        }
    }
    // The people of each described quotation's scene, and over each description the scenes
    // each person is present in.
    let scenes: Vec<(Vec<usize>, Vec<usize>)> = described
        .iter()
        .map(|(q, k)| scene_people(sieve, ctx, *q, k))
        .collect();
    let mut presence: HashMap<&str, (usize, HashMap<usize, usize>)> = HashMap::new();
    for ((q, k), (people, same)) in described.iter().zip(&scenes) {
        if chosen.contains_key(k) || !sieve.slots[*q].attribution.own {
            continue;
        }
        let entry = presence.entry(k.as_str()).or_default();
        entry.0 += 1;
        for &e in people {
            *entry.1.entry(e).or_default() += 1;
        }
        for &e in same {
            *entry.1.entry(e).or_default() += SAME_TURNS;
        }
    }
    let mut in_scene: HashMap<&str, (usize, bool)> = HashMap::new();
    for (k, (uses, people)) in presence {
        let mut ranked: Vec<(usize, usize)> = people.into_iter().map(|(e, n)| (n, e)).collect();
        ranked.sort_unstable_by(|a, b| b.cmp(a));
        let Some(&(best, e)) = ranked.first() else {
            continue;
        };
        let second = ranked.get(1).map_or(0, |r| r.0);
        if best >= MIN_SCENES
            && best * SCENE_SHARE.1 >= uses * SCENE_SHARE.0
            && best * SCENE_LEAD.1 > second * SCENE_LEAD.0
        {
            // A description the book uses as a name (most of its scenes have that person)
            // stands for them everywhere.
            let as_name = best * STRONG_SHARE.1 >= uses * STRONG_SHARE.0;
            in_scene.insert(k, (e, as_name));
        }
    }
    let (named, added) = named_people(sieve, ctx, &described, &chosen);
    for (((q, k), (people, same)), name) in described.iter().zip(&scenes).zip(&named) {
        // A description written with capitals is never someone else of its scenes.
        let capitalised = sieve.slots[*q]
            .attribution
            .speaker_text
            .as_deref()
            .and_then(as_name)
            .is_some();
        let (e, rule) = match (chosen.get(k), name, in_scene.get(k.as_str())) {
            (Some(&e), _, _) => (e, RuleId::DescriptionLink),
            (None, Some(e), _) => (*e, RuleId::DescriptionAsName),
            (None, None, Some(&(e, as_name)))
                if !capitalised && (as_name || people.contains(&e) || same.contains(&e)) =>
            {
                (e, RuleId::DescriptionInScene)
            }
            _ => continue,
        };
        let a = &mut sieve.slots[*q].attribution;
        a.speaker = Some(e);
        a.speaker_text = None;
        if let Some(t) = a.trace.as_mut() {
            t.link = Some(rule);
            if rule == RuleId::DescriptionInScene {
                t.candidates.clone_from(people);
                t.candidates.retain(|&c| c != e);
                t.candidates.insert(0, e);
            } else {
                t.candidates = vec![e];
            }
        }
    }
    added
}

/// For each described quotation, the person its description stands for when the book writes it
/// with capitals and no one addresses it by a name: one of the entities called so, else a new
/// person (`King`); `the Rabbit` joins `the White Rabbit` when only one such name ends with it.
/// Also returns the new people, whose indices follow `ctx.entities`.
fn named_people(
    sieve: &Sieve,
    ctx: &Context,
    described: &[(usize, String)],
    chosen: &HashMap<String, usize>,
) -> (Vec<Option<usize>>, Vec<Entity>) {
    let names: Vec<Option<String>> = described
        .iter()
        .map(|(q, k)| {
            if chosen.contains_key(k) {
                return None;
            }
            sieve.slots[*q]
                .attribution
                .speaker_text
                .as_deref()
                .and_then(as_name)
        })
        .collect();
    // Turns of their own spoken by each name, and where it is written.
    let mut turns: HashMap<&str, (usize, Vec<Mention>)> = HashMap::new();
    for ((q, _), name) in described.iter().zip(&names) {
        let (Some(name), a) = (name, &sieve.slots[*q].attribution) else {
            continue;
        };
        if !a.own {
            continue;
        }
        let entry = turns.entry(name.as_str()).or_default();
        entry.0 += 1;
        if let Some((start, end)) = a.trace.as_ref().and_then(|t| t.subject) {
            entry.1.push(Mention { start, end });
        }
    }
    let mut kept: Vec<&str> = turns
        .iter()
        .filter(|(_, (n, _))| *n >= MIN_NAMED_TURNS)
        .map(|(&name, _)| name)
        .collect();
    kept.sort_unstable();
    // A shorter name joins the one longer name that ends with it (`Rabbit`, `White Rabbit`).
    let joins = |name: &str| -> Option<&str> {
        let mut longer = kept.iter().copied().filter(|l| {
            l.len() > name.len() && l.ends_with(name) && l[..l.len() - name.len()].ends_with(' ')
        });
        let first = longer.next();
        first.filter(|_| longer.next().is_none())
    };
    let mut index: HashMap<&str, usize> = HashMap::new();
    let mut added: Vec<Entity> = Vec::new();
    for &name in kept.iter().filter(|&&n| joins(n).is_none()) {
        let e = match ctx.entity_named(name).filter(|&e| ctx.is_person(e)) {
            Some(e) => e,
            None => {
                added.push(Entity {
                    kind: EntityKind::Person,
                    name: name.to_string(),
                    aliases: vec![name.to_string()],
                    mentions: Vec::new(),
                });
                ctx.entities.len() + added.len() - 1
            }
        };
        index.insert(name, e);
    }
    for &name in &kept {
        let Some(long) = joins(name) else {
            continue;
        };
        let Some(&e) = index.get(long) else {
            continue;
        };
        index.insert(name, e);
        if let Some(person) = e
            .checked_sub(ctx.entities.len())
            .and_then(|i| added.get_mut(i))
        {
            person.aliases.push(name.to_string());
        }
    }
    for (name, (_, mentions)) in &turns {
        let Some(&e) = index.get(name) else {
            continue;
        };
        if let Some(person) = e
            .checked_sub(ctx.entities.len())
            .and_then(|i| added.get_mut(i))
        {
            person.mentions.extend_from_slice(mentions);
        }
    }
    for person in &mut added {
        person.mentions.sort_unstable();
        person.mentions.dedup();
    }
    let named = names
        .iter()
        .map(|n| n.as_deref().and_then(|n| index.get(n).copied()))
        .collect();
    (named, added)
}

/// How many turns on each side of a described quotation are read for who talks in its scene.
const TURNS_AROUND: usize = 3;

/// The people of the scene of quotation `q`, spoken by the description `key`: those the
/// narration names before it (nearest first) and those named as the speakers of the turns two
/// before or after it (a two-person exchange gives the description's own turns), all fitting its
/// gender, leaving out whoever it talks to (the speakers of the turns next to it and three
/// away, the people named inside it).
fn scene_people(sieve: &Sieve, ctx: &Context, q: usize, key: &str) -> (Vec<usize>, Vec<usize>) {
    let (Some(slot), Some(span)) = (sieve.slots.get(q), ctx.top.get(q)) else {
        return (Vec::new(), Vec::new());
    };
    let noun = key.rsplit(' ').next().unwrap_or(key);
    let gender = ctx
        .lex
        .gendered_noun(noun)
        .or_else(|| ctx.lex.title(noun))
        .unwrap_or(Gender::Unknown);
    let mut talked_to: Vec<usize> = slot.named_inside.clone();
    let mut same = Vec::new();
    for forwards in [false, true] {
        for (distance, turn) in turns_from(sieve, slot.unit, forwards).enumerate() {
            let speakers = sieve.units[turn].clone().filter_map(|p| {
                let a = &sieve.slots[p].attribution;
                a.own.then_some(a.speaker).flatten()
            });
            if distance % 2 == 0 {
                talked_to.extend(speakers);
            } else {
                same.extend(speakers);
            }
        }
    }
    let fits = |e: usize| !talked_to.contains(&e) && ctx.fits(e, gender);
    same.retain(|&e| fits(e));
    let mut people = Vec::new();
    for m in ctx.people_before(span.open) {
        if m.start + SCENE_BYTES < span.open || people.len() >= SCENE_PEOPLE {
            break;
        }
        if !people.contains(&m.entity) && fits(m.entity) {
            people.push(m.entity);
        }
    }
    (people, same)
}

/// The units holding turns (a quotation that is no scare quote) before or after unit `u`,
/// nearest first, while no more than one paragraph of narration stands between two of them.
fn turns_from(sieve: &Sieve, u: usize, forwards: bool) -> impl Iterator<Item = usize> + '_ {
    let is_turn = move |v: usize| {
        sieve
            .units
            .get(v)
            .is_some_and(|r| r.clone().any(|p| sieve.slots[p].kind != QuoteKind::Scare))
    };
    let mut at = u;
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        for _ in 0..2 {
            let next = if forwards {
                at.checked_add(1)
            } else {
                at.checked_sub(1)
            };
            match next.filter(|&v| v < sieve.units.len()) {
                Some(v) => {
                    at = v;
                    if is_turn(v) {
                        return Some(v);
                    }
                }
                None => break,
            }
        }
        done = true;
        None
    })
    .take(TURNS_AROUND)
}

#[cfg(test)]
mod tests {
    use super::as_name;

    #[test]
    fn a_description_with_capitals_is_a_name() {
        assert_eq!(as_name("the King").as_deref(), Some("King"));
        assert_eq!(as_name("The Mock Turtle").as_deref(), Some("Mock Turtle"));
        assert_eq!(as_name("the King very decidedly").as_deref(), Some("King"));
        assert_eq!(as_name("the girl"), None);
        assert_eq!(as_name("King"), None);
        assert_eq!(as_name("the A B C D"), None);
    }
}
