//! Alias merging: turns candidates into entities, one per thing named.
//!
//! People are settled first from their full names, so that a bare surname or given name later
//! (or earlier, in a headline) joins the nearest full name and stays a person (`Trump`,
//! `President Trump` → `Donald Trump`; `Andy` → `Andy Laub`). Gazetteer variants share a
//! canonical name (`U.S`, `US`, `United States`); acronyms join the name they abbreviate, by a
//! definition in parentheses or by initials (`IAEA`); a shorter organisation name joins the longer
//! one it is part of (`State Department` → `US State Department`). Weak candidates count only when
//! they match a name established this way. Every step is a hash lookup per candidate, so a whole
//! book merges in linear time.

use super::gazetteer::{Gazetteer, HashMap, HashSet};
use super::recognizer::{Candidate, Evidence};
use crate::analysis::lexicon::Lexicon;
use crate::analysis::{Entity, EntityKind, Mention};

struct Draft {
    kind: EntityKind,
    evidence: Evidence,
    /// Words of the fullest name, for initials and part-of matching.
    name_words: Vec<String>,
}

/// Assigned mention: (start, end, entity, alias text).
type Assigned = (usize, usize, usize, String);

struct Merger<'a> {
    text: &'a str,
    drafts: Vec<Draft>,
    /// Redirects from merged entities to the one they joined.
    parent: Vec<usize>,
    by_key: HashMap<String, usize>,
    assigned: Vec<Assigned>,
}

/// The key that makes two mentions one entity. Places and organisations share one key space
/// (`White House` is either); people and groups have their own.
fn key_for(kind: EntityKind, name: &str) -> String {
    match kind {
        EntityKind::Person | EntityKind::Group => {
            format!("{} {}", kind.as_str(), name.to_lowercase())
        }
        _ => name.to_lowercase(),
    }
}

/// The text of a span with its white space collapsed (names can be wrapped over lines).
fn span_text(text: &str, start: usize, end: usize) -> String {
    let raw = text.get(start..end).unwrap_or("");
    if !raw.contains(char::is_whitespace)
        || !raw.contains(|c: char| c != ' ' && c.is_whitespace()) && !raw.contains("  ")
    {
        return raw.to_string();
    }
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn surface(text: &str, words: &[(usize, usize)]) -> String {
    let mut s = String::new();
    for (i, &(a, b)) in words.iter().enumerate() {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(text.get(a..b).unwrap_or(""));
    }
    s
}

fn is_acronym(s: &str) -> bool {
    let letters: Vec<char> = s.chars().filter(|c| *c != '.').collect();
    letters.len() >= 2
        && letters
            .iter()
            .all(|c| c.is_uppercase() && c.is_alphabetic())
}

/// Initials of the capitalised words of a name (`University of Southern Indiana` → `USI`).
fn initials(words: &[String]) -> String {
    words
        .iter()
        .flat_map(|w| w.split('-'))
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect()
}

impl<'a> Merger<'a> {
    fn root(&self, mut e: usize) -> usize {
        while self.parent[e] != e {
            e = self.parent[e];
        }
        e
    }

    fn new_entity(&mut self, kind: EntityKind, evidence: Evidence, name: &str) -> usize {
        self.drafts.push(Draft {
            kind,
            evidence,
            name_words: name.split(' ').map(str::to_string).collect(),
        });
        self.parent.push(self.drafts.len() - 1);
        self.drafts.len() - 1
    }

    fn entity_for_key(&mut self, key: String, kind: EntityKind, ev: Evidence, name: &str) -> usize {
        if let Some(&e) = self.by_key.get(&key) {
            let e = self.root(e);
            let d = &mut self.drafts[e];
            if ev < d.evidence && d.kind != EntityKind::Person {
                d.kind = kind;
                d.evidence = ev;
            }
            if name.split(' ').count() > d.name_words.len() {
                d.name_words = name.split(' ').map(str::to_string).collect();
            }
            return e;
        }
        let e = self.new_entity(kind, ev, name);
        self.by_key.insert(key, e);
        e
    }

    fn assign(&mut self, c: &Candidate, entity: usize, alias: String) {
        self.assigned.push((c.start, c.end, entity, alias));
    }

    fn titled_alias(&self, c: &Candidate, name: &str) -> Option<String> {
        let from = c.titled_from?;
        let title = self.text.get(from..c.start)?;
        let title: Vec<&str> = title.split_whitespace().collect();
        Some(format!("{} {name}", title.join(" ")))
    }
}

/// The person a bare name part stands for: the nearest full name before it, else the first after.
fn nearest_person(
    person_part: &HashMap<String, Vec<usize>>,
    person_positions: &HashMap<usize, Vec<usize>>,
    word: &str,
    at: usize,
) -> Option<usize> {
    let list = person_part.get(word)?;
    let mut best: Option<(usize, bool, usize)> = None; // (entity, before, distance)
    for &e in list {
        let Some(positions) = person_positions.get(&e) else {
            continue;
        };
        let before = positions.iter().rev().find(|&&p| p <= at);
        let key = match before {
            Some(&p) => (e, true, at - p),
            None => (
                e,
                false,
                positions
                    .first()
                    .map_or(usize::MAX, |&p| p.saturating_sub(at)),
            ),
        };
        best = match best {
            None => Some(key),
            Some(b) if (key.1 && !b.1) || (key.1 == b.1 && key.2 < b.2) => Some(key),
            keep => keep,
        };
    }
    best.map(|b| b.0)
}

/// Whether a guessed person name that holds words of well-attested people is a person's own name
/// after all, not their name used as a modifier (`Warhol Polaroids`): every word is one of theirs
/// (`Barack Obama` again), the other words are hyphenated name parts (`Leung Che-cheung`), or it
/// ends in one of their surnames (`Manju Sam`, the wife of `Thomas Sam`) after words that are
/// no other name (not `On seeing Natásha Pierre grew`, `of August Pierre`, `Petersburg Pierre`,
/// `Moscow-filled Pierre`).
fn own_person_name(
    text: &str,
    c: &Candidate,
    strong: &[(usize, usize)],
    attested: &Attested<'_>,
    gaz: &Gazetteer,
) -> bool {
    let word = |&(a, b): &(usize, usize)| text.get(a..b).unwrap_or("");
    if strong.len() == c.words.len() {
        // The same name again, not two people's names run together (`Natásha Pierre`).
        return attested.names.contains(&surface(text, &c.words));
    }
    let rest: Vec<&str> = c
        .words
        .iter()
        .filter(|w| !strong.contains(w))
        .map(word)
        .collect();
    // A known name of another thing (also as the first part of a compound: `Moscow-filled`)
    // or a month is no part of this person's name.
    let other_name = |w: &&str| {
        gaz.lookup(w.split('-').next().unwrap_or(w)).is_some() || Lexicon::get().is_month(w)
    };
    let others_hyphenated = rest.iter().all(|w| w.contains('-') && !other_name(w));
    let shares_surname = matches!(strong, [only] if Some(only) == c.words.last())
        && attested.surnames.contains(word(&strong[0]))
        && rest.iter().all(|w| !w.contains('-') && !other_name(w));
    others_hyphenated || shares_surname
}

/// What the article says of people named with good evidence (a given name, a title).
struct Attested<'t> {
    /// Every word of their names: a guessed "person" that contains one (`Warhol Polaroids`,
    /// `Borodinó Napoleon`) is that person's name used as a modifier or run into a
    /// neighbouring word.
    words: HashSet<&'t str>,
    /// Their one-word names (`Countess Natásha`).
    single: HashSet<&'t str>,
    /// The last words of their names of two words or more: surnames a relative may share.
    surnames: HashSet<&'t str>,
    /// Their names of two words or more, which may be named again.
    names: HashSet<String>,
}

impl<'t> Attested<'t> {
    fn new(text: &'t str, candidates: &[Candidate]) -> Attested<'t> {
        let mut attested = Attested {
            words: HashSet::default(),
            single: HashSet::default(),
            surnames: HashSet::default(),
            names: HashSet::default(),
        };
        let well_named = candidates
            .iter()
            .filter(|c| c.kind == EntityKind::Person && c.evidence < Evidence::Shape);
        for c in well_named {
            let words: Vec<&str> = c
                .words
                .iter()
                .filter_map(|&(a, b)| text.get(a..b))
                .collect();
            attested.words.extend(words.iter().copied());
            match words[..] {
                [one] => {
                    attested.single.insert(one);
                }
                [.., last] => {
                    attested.surnames.insert(last);
                    attested.names.insert(surface(text, &c.words));
                }
                [] => {}
            }
        }
        attested
    }
}

/// A multi-word person name that is a contiguous run of words of exactly one longer person
/// name joins it (`Anna Pávlovna` → `Anna Pávlovna Schérer`), wherever the two stand; when
/// several longer names hold it, it stays apart.
fn merge_person_parts(m: &mut Merger<'_>) {
    let people: Vec<usize> = (0..m.drafts.len())
        .filter(|&e| m.parent[e] == e && m.drafts[e].kind == EntityKind::Person)
        .collect();
    // Longer names by their first word, so each lookup only looks at plausible containers.
    let mut by_word: HashMap<&str, Vec<usize>> = HashMap::default();
    for &e in &people {
        for w in &m.drafts[e].name_words {
            let list = by_word.entry(w.as_str()).or_default();
            if list.last() != Some(&e) {
                list.push(e);
            }
        }
    }
    let mut joins: Vec<(usize, usize)> = Vec::new();
    for &e in &people {
        let words = &m.drafts[e].name_words;
        if words.len() < 2 {
            continue;
        }
        let Some(list) = by_word.get(words[0].as_str()) else {
            continue;
        };
        let mut containers = list.iter().copied().filter(|&f| {
            let fw = &m.drafts[f].name_words;
            f != e
                && fw.len() > words.len()
                && fw.windows(words.len()).any(|win| win == words.as_slice())
        });
        if let (Some(f), None) = (containers.next(), containers.next()) {
            joins.push((e, f));
        }
    }
    for (e, f) in joins {
        let f = m.root(f);
        if f != e {
            m.parent[e] = f;
        }
    }
}

/// Builds the entities from the candidates of a whole article (in document order).
pub fn entities(text: &str, candidates: &[Candidate], gaz: &Gazetteer) -> Vec<Entity> {
    let lex = Lexicon::get();
    let mut m = Merger {
        text,
        drafts: Vec::new(),
        parent: Vec::new(),
        by_key: HashMap::default(),
        assigned: Vec::new(),
    };
    let surfaces: Vec<String> = candidates
        .iter()
        .map(|c| span_text(text, c.start, c.end))
        .collect();
    let mut extra_aliases: Vec<(usize, String)> = Vec::new();

    // People with full names, and an index from each of their words to them.
    let mut person_part: HashMap<String, Vec<usize>> = HashMap::default();
    let mut done = vec![false; candidates.len()];
    let attested = Attested::new(text, candidates);
    let mut modifier_uses: Vec<(usize, usize)> = Vec::new();
    for (i, c) in candidates.iter().enumerate() {
        // `the Warhol Polaroids`: only the shape made it an organisation; its first word is a
        // well-attested person's.
        let guessed_org = c.kind == EntityKind::Org
            && c.evidence == Evidence::Shape
            && c.words.len() >= 2
            && c.words
                .first()
                .and_then(|&(a, b)| text.get(a..b))
                .is_some_and(|w| attested.words.contains(w));
        if !guessed_org
            && (c.kind != EntityKind::Person || c.words.len() < 2 || c.evidence == Evidence::Weak)
        {
            continue;
        }
        let strong: Vec<(usize, usize)> = c
            .words
            .iter()
            .copied()
            .filter(|&(a, b)| text.get(a..b).is_some_and(|w| attested.words.contains(w)))
            .collect();
        if c.evidence == Evidence::Shape
            && !strong.is_empty()
            && !own_person_name(text, c, &strong, &attested, gaz)
        {
            modifier_uses.extend(strong);
            done[i] = true;
            continue;
        }
        if guessed_org {
            continue;
        }
        let name = &surfaces[i];
        let e = m.entity_for_key(
            format!("person {}", name.to_lowercase()),
            EntityKind::Person,
            c.evidence,
            name,
        );
        // Index the given name and the surname (not middle words), so that either alone joins.
        let parts: Vec<&str> = name.split(' ').collect();
        let ends = [parts.first().copied(), parts.last().copied()];
        for w in ends.into_iter().flatten() {
            if w.chars().next().is_some_and(char::is_uppercase) {
                let list = person_part.entry(w.to_string()).or_default();
                if !list.contains(&e) {
                    list.push(e);
                }
            }
        }
        if let Some(a) = m.titled_alias(c, name) {
            extra_aliases.push((e, a));
        }
        m.assign(c, e, name.clone());
        done[i] = true;
    }
    merge_person_parts(&mut m);
    // Where each person was last named, to pick the nearest full name for a bare one.
    let mut person_positions: HashMap<usize, Vec<usize>> = HashMap::default();
    for &(start, _, e, _) in &m.assigned {
        person_positions.entry(e).or_default().push(start);
    }
    for (a, b) in modifier_uses {
        let word = text.get(a..b).unwrap_or("");
        if let Some(e) = nearest_person(&person_part, &person_positions, word, a) {
            m.assigned.push((a, b, e, word.to_string()));
        }
    }

    // Everything else that is not weak, in document order.
    let mut pending_same_date: Option<usize> = None;
    for (i, c) in candidates.iter().enumerate() {
        if done[i] || c.evidence == Evidence::Weak {
            continue;
        }
        let name = surfaces[i].clone();
        if c.kind == EntityKind::Date {
            let key = format!(
                "date {}",
                c.date_key.clone().unwrap_or_else(|| name.to_lowercase())
            );
            let e = match pending_same_date.take() {
                Some(e) => {
                    m.by_key.entry(key).or_insert(e);
                    e
                }
                None => m.entity_for_key(key, EntityKind::Date, c.evidence, &name),
            };
            if c.same_as_next {
                pending_same_date = Some(e);
            }
            m.assign(c, e, name);
            done[i] = true;
            continue;
        }
        if c.words.len() == 1 && !is_acronym(&name) {
            if let Some(e) = nearest_person(&person_part, &person_positions, &name, c.start) {
                if let Some(a) = m.titled_alias(c, &name) {
                    extra_aliases.push((e, a));
                }
                m.assign(c, e, name);
                done[i] = true;
                continue;
            }
        }
        if let Some(d) = c.defines {
            if let Some(&(_, _, e, _)) =
                m.assigned.iter().rev().find(|a| a.0 == candidates[d].start)
            {
                m.assign(c, e, name);
                done[i] = true;
                continue;
            }
        }
        // `a letter from Natásha`: a place only by the word before it, while the article
        // names the same word as a person with a title or a given name (`Countess Natásha`).
        let kind = if c.kind == EntityKind::Place
            && c.evidence == Evidence::Cue
            && c.words.len() == 1
            && attested.single.contains(name.as_str())
        {
            EntityKind::Person
        } else {
            c.kind
        };
        let key_name = c.canonical.unwrap_or(&name);
        let key = key_for(kind, key_name);
        let e = m.entity_for_key(key, kind, c.evidence, key_name);
        if kind == EntityKind::Person {
            person_positions.entry(e).or_default().push(c.start);
            let list = person_part.entry(name.clone()).or_default();
            if !list.contains(&e) {
                list.push(e);
            }
            if let Some(a) = m.titled_alias(c, &name) {
                extra_aliases.push((e, a));
            }
        }
        m.assign(c, e, name);
        done[i] = true;
    }

    // Acronyms and shorter organisation names join the longer name they stand for.
    let mut by_initials: HashMap<String, Vec<usize>> = HashMap::default();
    let mut by_word: HashMap<String, Vec<usize>> = HashMap::default();
    for e in 0..m.drafts.len() {
        let d = &m.drafts[e];
        if m.parent[e] != e || !matches!(d.kind, EntityKind::Org | EntityKind::Place) {
            continue;
        }
        if d.name_words.len() >= 2 {
            by_initials
                .entry(initials(&d.name_words))
                .or_default()
                .push(e);
            for w in &d.name_words {
                by_word.entry(w.clone()).or_default().push(e);
            }
        }
    }
    for e in 0..m.drafts.len() {
        if m.parent[e] != e {
            continue;
        }
        let d = &m.drafts[e];
        let words = d.name_words.clone();
        let target = if words.len() == 1 && is_acronym(&words[0]) {
            let plain: String = words[0].chars().filter(|c| *c != '.').collect();
            by_initials
                .get(&plain)
                .filter(|list| list.len() == 1)
                .map(|list| list[0])
        } else if words.len() >= 2 && d.kind == EntityKind::Org && d.evidence != Evidence::Gazetteer
        {
            let containers: Vec<usize> = by_word
                .get(&words[0])
                .into_iter()
                .flatten()
                .copied()
                .filter(|&f| {
                    let fw = &m.drafts[f].name_words;
                    f != e
                        && m.drafts[f].kind == EntityKind::Org
                        && fw.len() > words.len()
                        && fw.windows(words.len()).any(|win| win == words.as_slice())
                })
                .collect();
            (containers.len() == 1).then(|| containers[0])
        } else {
            None
        };
        if let Some(t) = target {
            let t = m.root(t);
            if t != e {
                m.parent[e] = t;
            }
        }
    }

    // Weak candidates: only names the article has established, or known to the gazetteer.
    let mut alias_of: HashMap<String, usize> = HashMap::default();
    for (_, _, e, alias) in &m.assigned {
        alias_of.entry(alias.clone()).or_insert(*e);
    }
    for (i, c) in candidates.iter().enumerate() {
        if done[i] {
            continue;
        }
        let words = &c.words;
        let mut p = 0;
        while p < words.len() {
            let mut matched = None;
            for q in (p + 1..=words.len()).rev() {
                let phrase = surface(text, &words[p..q]);
                let hit = if let Some(&e) = alias_of.get(&phrase) {
                    Some(e)
                } else if q - p == 1
                    && nearest_person(&person_part, &person_positions, &phrase, words[p].0)
                        .is_some()
                {
                    nearest_person(&person_part, &person_positions, &phrase, words[p].0)
                } else if let Some(k) = gaz.lookup(&phrase) {
                    Some(m.entity_for_key(
                        k.canonical.to_lowercase(),
                        k.kind,
                        Evidence::Gazetteer,
                        k.canonical,
                    ))
                } else if q - p == 1 {
                    // A lone head word (`Church`) or the word after `of` (`Scientology`) inside
                    // exactly one organisation's name.
                    // `News of police response`: a head word before `of` and words in lower
                    // case is the common noun (a name would have joined them).
                    let of_lower = text
                        .get(words[p].1..)
                        .and_then(|r| r.strip_prefix(" of "))
                        .is_some_and(|r| r.starts_with(char::is_lowercase));
                    let head = lex.head_of(&phrase).is_some() && !of_lower;
                    by_word
                        .get(&phrase)
                        .filter(|l| l.len() == 1 && m.drafts[l[0]].kind == EntityKind::Org)
                        .map(|l| l[0])
                        .filter(|&e| {
                            let w = &m.drafts[e].name_words;
                            head || w.windows(2).any(|p| p[0] == "of" && p[1] == phrase)
                        })
                } else {
                    None
                };
                if let Some(e) = hit {
                    matched = Some((q, e, phrase));
                    break;
                }
            }
            match matched {
                Some((q, e, phrase)) => {
                    m.assigned.push((words[p].0, words[q - 1].1, e, phrase));
                    p = q;
                }
                None => p += 1,
            }
        }
    }

    finish(m, extra_aliases)
}

fn finish(m: Merger<'_>, extra_aliases: Vec<(usize, String)>) -> Vec<Entity> {
    let mut assigned: Vec<(usize, usize, usize, String)> = m
        .assigned
        .iter()
        .map(|(s, e, ent, a)| (*s, *e, m.root(*ent), a.clone()))
        .collect();
    assigned.sort_by_key(|a| (a.0, std::cmp::Reverse(a.1)));
    let mut slot: HashMap<usize, usize> = HashMap::default();
    let mut out: Vec<Entity> = Vec::new();
    let mut last_end = 0;
    let mut person_roots: Vec<bool> = vec![false; m.drafts.len()];
    for (e, d) in m.drafts.iter().enumerate() {
        if d.kind == EntityKind::Person {
            person_roots[m.root(e)] = true;
        }
    }
    for (start, end, e, alias) in assigned {
        if start < last_end || start >= end {
            continue;
        }
        last_end = end;
        let index = *slot.entry(e).or_insert_with(|| {
            let d = &m.drafts[e];
            let kind = if person_roots[e] {
                EntityKind::Person
            } else {
                d.kind
            };
            out.push(Entity {
                kind,
                name: String::new(),
                aliases: Vec::new(),
                mentions: Vec::new(),
            });
            out.len() - 1
        });
        let entity = &mut out[index];
        entity.mentions.push(Mention { start, end });
        if !entity.aliases.contains(&alias) {
            entity.aliases.push(alias);
        }
    }
    for entity in &mut out {
        // The fullest form: the longest alias seen as a mention (titled forms come later).
        entity.name = entity
            .aliases
            .iter()
            .max_by_key(|a| (a.split(' ').count(), a.chars().count()))
            .cloned()
            .unwrap_or_default();
    }
    for (e, alias) in extra_aliases {
        if let Some(&index) = slot.get(&m.root(e)) {
            if !out[index].aliases.contains(&alias) {
                out[index].aliases.push(alias);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::analysis::{Entity, EntityKind};
    use crate::article::parse_plain;

    fn entities(text: &str) -> Vec<Entity> {
        super::super::recognize(&parse_plain(text.to_string()))
    }

    fn mentions(text: &str, es: &[Entity], kind: EntityKind) -> Vec<String> {
        let mut m: Vec<(usize, String)> = es
            .iter()
            .filter(|e| e.kind == kind)
            .flat_map(|e| e.mentions.iter())
            .map(|m| (m.start, text[m.start..m.end].to_string()))
            .collect();
        m.sort();
        m.into_iter().map(|m| m.1).collect()
    }

    #[test]
    fn a_known_name_said_again_or_shared_by_a_relative_is_a_whole_name() {
        let text = "He met President Barack Obama. A photo by Twitter / Barack Obama ran. \
                    Dr. Thomas Sam and his wife Manju Sam came. Councillor Priscilla Leung \
                    and Leung Che-cheung won.";
        let es = entities(text);
        let people = mentions(text, &es, EntityKind::Person);
        for name in ["Barack Obama", "Manju Sam", "Leung Che-cheung"] {
            assert!(people.contains(&name.to_string()), "{name} in {people:?}");
        }
        let obama = es.iter().find(|e| e.name == "Barack Obama").expect("Obama");
        assert_eq!(obama.mentions.len(), 2);
    }

    #[test]
    fn a_lone_head_word_before_of_and_lower_case_is_a_common_noun() {
        let text = "News of the fire spread. Fox News said so, and News reported it.";
        let es = entities(text);
        let orgs = mentions(text, &es, EntityKind::Org);
        assert_eq!(orgs, ["Fox News", "News"]);
    }

    #[test]
    fn a_name_run_into_another_name_is_no_relative() {
        let text = "Count Pierre Bezúkhov came. Countess Natásha smiled. On seeing Natásha \
                    Pierre grew animated. On reaching Petersburg Pierre wrote.";
        let es = entities(text);
        let people: Vec<&str> = es
            .iter()
            .filter(|e| e.kind == EntityKind::Person)
            .map(|e| e.name.as_str())
            .collect();
        assert_eq!(people, ["Pierre Bezúkhov", "Natásha"], "{es:#?}");
        let pierre = es
            .iter()
            .find(|e| e.name == "Pierre Bezúkhov")
            .expect("Pierre");
        assert_eq!(pierre.mentions.len(), 3);
    }

    #[test]
    fn a_word_named_as_a_person_elsewhere_is_no_place_by_its_cue() {
        let text = "A letter from Natásha came. Countess Natásha smiled at Sónya. Natásha left. \
                    On the thirtieth of August Pierre Bezúkhov reached Moscow.";
        let es = entities(text);
        let natasha = es.iter().find(|e| e.name == "Natásha").expect("Natásha");
        assert_eq!(natasha.kind, EntityKind::Person);
        assert_eq!(natasha.mentions.len(), 3, "{es:#?}");
        assert!(es.iter().any(|e| e.name == "Pierre Bezúkhov"), "{es:#?}");
        assert!(es.iter().all(|e| e.name != "August Pierre Bezúkhov"));
    }

    #[test]
    fn a_name_used_as_a_modifier_is_still_only_the_name() {
        let text = "The artist Andy Warhol took photos. The Warhol Polaroids were shown, \
                    among the Warhol Portraits.";
        let es = entities(text);
        let people = mentions(text, &es, EntityKind::Person);
        assert_eq!(people, ["Andy Warhol", "Warhol", "Warhol"]);
    }
}
