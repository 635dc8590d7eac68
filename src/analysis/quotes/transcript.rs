//! A transcript's speakers: `WALLACE: Let's start …` names a person even when the entities
//! hold no one by that name (the host is introduced only as `Chris`, or not at all). Each label
//! in capitals that names no entity becomes a person of its own, named in ordinary case
//! (`Wallace`), added to the entities.

use std::collections::HashMap;

use super::context::Context;
use super::rules::RuleId;
use super::sieve::Sieve;
use crate::analysis::{Entity, EntityKind, Mention, QuoteKind};

/// Gives the quotations spoken by a transcript label that names no entity a person of their
/// own; returns the new people, whose indices start at `first_index`.
pub(super) fn settle(sieve: &mut Sieve, ctx: &Context, first_index: usize) -> Vec<Entity> {
    let mut added: Vec<Entity> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for slot in &mut sieve.slots {
        let a = &mut slot.attribution;
        if slot.kind == QuoteKind::Scare || a.speaker.is_some() || a.narrator {
            continue;
        }
        let Some(label) = a.speaker_text.as_deref() else {
            continue;
        };
        let by_label = a
            .trace
            .as_ref()
            .is_some_and(|t| t.rule == RuleId::TranscriptLine);
        // Only labels in capitals (carried over to the quotations continuing the turn).
        let capitals =
            label.chars().any(char::is_alphabetic) && !label.chars().any(char::is_lowercase);
        if !capitals || (!by_label && !index.contains_key(label)) {
            continue;
        }
        let e = match index.get(label) {
            Some(&e) => e,
            None => {
                let name = ordinary_case(label);
                let e = match ctx.entity_named(&name).filter(|&e| ctx.is_person(e)) {
                    Some(e) => e,
                    None => {
                        added.push(Entity {
                            kind: EntityKind::Person,
                            aliases: vec![name.clone()],
                            name,
                            mentions: Vec::new(),
                        });
                        first_index + added.len() - 1
                    }
                };
                index.insert(label.to_string(), e);
                e
            }
        };
        a.speaker = Some(e);
        a.speaker_text = None;
        if let Some(t) = a.trace.as_mut() {
            if by_label {
                t.link = Some(RuleId::TranscriptPerson);
                if let (Some((start, end)), Some(person)) = (
                    t.subject,
                    e.checked_sub(first_index).and_then(|i| added.get_mut(i)),
                ) {
                    person.mentions.push(Mention { start, end });
                }
            }
            t.candidates = vec![e];
        }
    }
    added
}

/// `WALLACE` as `Wallace`, `MS. SMITH` as `Ms. Smith`.
fn ordinary_case(label: &str) -> String {
    label
        .split(' ')
        .map(|w| {
            let mut cs = w.chars();
            match cs.next() {
                Some(first) => first
                    .to_uppercase()
                    .chain(cs.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::ordinary_case;

    #[test]
    fn labels_in_ordinary_case() {
        assert_eq!(ordinary_case("WALLACE"), "Wallace");
        assert_eq!(ordinary_case("MS. SMITH"), "Ms. Smith");
        assert_eq!(ordinary_case("O'BRIEN"), "O'brien");
    }
}
