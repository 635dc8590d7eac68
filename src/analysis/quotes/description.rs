//! Descriptions: who `the Jew`, `the girl` or `the old gentleman` is.
//!
//! A novel often names a speaker by a description for a whole book (`said the Jew` for Fagin).
//! When the text never set the description beside the name, the dialogue still tells it: the
//! people talking to the one so described call them by name (`“This is him, Fagin,”`). Each
//! description gets the person most often addressed in the turns right before and after the
//! turns it speaks, when one clearly stands out ([`RuleId::DescriptionLink`]).

use std::collections::HashMap;

use super::context::Context;
use super::rules::RuleId;
use super::sieve::Sieve;
use crate::analysis::QuoteKind;

/// How many times a name must be addressed next to a description's turns, and by how much it
/// must lead the next name, to be taken as the description's.
const MIN_ADDRESSED: usize = 2;
const LEAD: usize = 2;

/// The key of a description: its words after `the`, without trailing adverbs (`old lady` for
/// `the old lady softly`); `None` for words that are no short definite description.
fn key(words: &str) -> Option<String> {
    // A cheap test first: most speakers' words are no description.
    let opens = words
        .get(..3)
        .is_some_and(|w| w.eq_ignore_ascii_case("the"))
        && words[3..].starts_with(char::is_whitespace);
    if !opens {
        return None;
    }
    let lower = words.to_lowercase();
    let mut parts: Vec<&str> = lower.split_whitespace().collect();
    if parts.first() != Some(&"the") {
        return None;
    }
    while parts.len() > 2 && parts.last().is_some_and(|w| w.ends_with("ly")) {
        parts.pop();
    }
    (2..=4).contains(&parts.len()).then(|| parts[1..].join(" "))
}

/// Links the descriptions that speak to the people the dialogue shows they are.
pub(super) fn link(sieve: &mut Sieve, ctx: &Context) {
    let mut votes: HashMap<String, HashMap<usize, usize>> = HashMap::new();
    let mut described: Vec<(usize, String)> = Vec::new();
    for q in 0..sieve.slots.len() {
        let slot = &sieve.slots[q];
        let a = &slot.attribution;
        if slot.kind == QuoteKind::Scare || a.speaker.is_some() || a.narrator {
            continue;
        }
        let Some(k) = a.speaker_text.as_deref().and_then(key) else {
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
    for (q, k) in described {
        let Some(&e) = chosen.get(&k) else {
            continue;
        };
        let a = &mut sieve.slots[q].attribution;
        a.speaker = Some(e);
        a.speaker_text = None;
        if let Some(t) = a.trace.as_mut() {
            t.link = Some(RuleId::DescriptionLink);
            t.candidates = vec![e];
        }
    }
}
