//! Alias merging: turns candidates into entities, one per thing named.
//!
//! The merge runs as an ordered list of passes ([`PASSES`]), each deciding with named rules of
//! [`rules`](super::rules). People are settled first from their full names, so that a bare
//! surname or given name later (or earlier, in a headline) joins the nearest full name and stays
//! a person (`Trump`, `President Trump` → `Donald Trump`; `Andy` → `Andy Laub`). Then every other
//! candidate, in document order, joins the entity the first rule of [`JOIN`] gives it: dates by
//! value, bare names, defined acronyms, or the entity of the same name (gazetteer variants share
//! a canonical name: `U.S`, `US`, `United States`). Acronyms then join the name they abbreviate
//! by initials (`IAEA`), and a shorter organisation name the longer one it is part of (`State
//! Department` → `US State Department`). Weak candidates count only when a rule of [`WEAK`]
//! finds them among the names established this way. Every step is a hash lookup per candidate,
//! so a whole book merges in linear time; every mention records the rules that made it.

use std::rc::Rc;

use super::gazetteer::{Gazetteer, HashMap, HashSet};
use super::recognizer::{Candidate, Evidence, LowerWords};
use super::rules::{RuleId, RuleSet, Switches};
use crate::analysis::lexicon::{Classes, Gender, Lexicon, Title, TitleClass};
use crate::analysis::{AliasTrace, Entity, EntityKind, EntityTrace, Mention};

struct Draft {
    kind: EntityKind,
    evidence: Evidence,
    /// Words of the fullest name, for initials and part-of matching.
    name_words: Vec<String>,
    /// A person's gender, as their given name or titles tell it.
    gender: Option<Gender>,
    /// The titles of address and nobility written before a person's full name, with how often
    /// (`Mr. John Knightley`: `mr`).
    titles: Vec<(Rc<str>, usize)>,
    /// The name to show when no mention holds it (`Mr. Knightley`: the mentions are `Knightley`).
    display: Option<String>,
    /// Where a person was named.
    positions: Positions,
}

/// Where a person was named: at their full name (all known after the first pass), and since
/// then in document order; both sorted, so the nearest mention is two binary searches away.
#[derive(Default)]
struct Positions {
    full: Vec<usize>,
    more: Vec<usize>,
}

impl Positions {
    /// The nearest mention at or before `at`.
    fn before(&self, at: usize) -> Option<usize> {
        let last = |v: &[usize]| {
            let n = v.partition_point(|&p| p <= at);
            n.checked_sub(1).map(|k| v[k])
        };
        last(&self.full).max(last(&self.more))
    }

    /// The nearest mention after `at`.
    fn after(&self, at: usize) -> Option<usize> {
        let first = |v: &[usize]| v.get(v.partition_point(|&p| p <= at)).copied();
        match (first(&self.full), first(&self.more)) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// Adds a mention; mentions come in document order within `full` and within `more`.
    fn add(&mut self, at: usize, full: bool) {
        let list = if full { &mut self.full } else { &mut self.more };
        if list.last().is_some_and(|&l| l > at) {
            let k = list.partition_point(|&p| p <= at);
            list.insert(k, at);
        } else {
            list.push(at);
        }
    }
}

/// How far before or after a bare name (`Kutúzov`) a person's mention makes them the one it
/// stands for, in bytes (about a page): farther, the person named most is.
const NEAR: usize = 4000;

/// Titles of a married and of an unmarried woman, as the lexicon keys them (lower case, no
/// period).
const MARRIED: [&str; 3] = ["mrs", "madame", "mme"];
const UNMARRIED: [&str; 3] = ["miss", "mademoiselle", "mlle"];

/// A title of address, nobility or kin: the titles that tell members of one family apart.
fn social(title: &Title) -> bool {
    matches!(
        title.class,
        TitleClass::Address | TitleClass::Nobility | TitleClass::Kin
    )
}

/// Whether two genders may be one person's.
fn compatible(a: Option<Gender>, b: Option<Gender>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    }
}

/// A mention given to an entity.
struct Assigned {
    start: usize,
    end: usize,
    entity: usize,
    /// Shared with every mention of the same words (`Pierre` two thousand times).
    alias: Rc<str>,
    /// The rules that recognised the mention and gave it to the entity.
    rules: RuleSet,
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
    surface_into(text, words, &mut s);
    s
}

/// [`surface`] into a string that is cleared first.
fn surface_into(text: &str, words: &[(usize, usize)], s: &mut String) {
    s.clear();
    for (i, &(a, b)) in words.iter().enumerate() {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(text.get(a..b).unwrap_or(""));
    }
}

/// A people the gazetteer knows (`German`, `Frenchman`) is no bare name of a person, even
/// where a person's name starts with the same word (`German Tugendbund`).
fn known_people(c: &Candidate) -> bool {
    c.kind == EntityKind::Group && c.evidence == Evidence::Gazetteer
}

fn is_acronym(s: &str) -> bool {
    let mut letters = s.chars().filter(|c| *c != '.');
    let all_capitals = letters
        .clone()
        .all(|c| c.is_uppercase() && c.is_alphabetic());
    all_capitals && letters.nth(1).is_some()
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
    lower: &LowerWords,
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
    // So is a word the article names a place (`At Tarútino Kutúzov received`, `after Christmas
    // Nicholas dined`) or writes in lower case (`Darling Denísov`).
    let other_name = |w: &&str| {
        let first = w.split('-').next().unwrap_or(w);
        gaz.lookup(first).is_some()
            || Lexicon::get().is_month(w)
            || attested.places.contains(first)
            || lower.contains_lowered(w)
    };
    // Surname first and a hyphenated given name (`Leung Che-cheung`); not a place run into a
    // name (`Málo-Yaroslávets Napoleon`).
    let others_hyphenated =
        strong.first() == c.words.first() && rest.iter().all(|w| w.contains('-') && !other_name(w));
    // `Manju Sam` beside Thomas Sam; `Barack Obama` beside `Obama said`.
    let shares_surname = matches!(strong, [only] if Some(only) == c.words.last())
        && (attested.surnames.contains(word(&strong[0]))
            || attested.single.contains(word(&strong[0])))
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
    /// Words the article names as places (`at Tarútino`).
    places: HashSet<&'t str>,
    /// Words a place cue names, with how often (`in Charlotte`).
    cued: HashMap<&'t str, usize>,
    /// Words named as people by more than a list of given names: after a title, as speakers,
    /// inside full names (`Countess Natásha`, `said Morel`).
    strongly_people: HashMap<&'t str, usize>,
    /// Given names written alone, with how often (`Jake`).
    given_alone: HashMap<&'t str, usize>,
}

impl<'t> Attested<'t> {
    fn new(text: &'t str, candidates: &[Candidate]) -> Attested<'t> {
        let mut attested = Attested {
            words: HashSet::default(),
            single: HashSet::default(),
            surnames: HashSet::default(),
            names: HashSet::default(),
            places: HashSet::default(),
            cued: HashMap::default(),
            strongly_people: HashMap::default(),
            given_alone: HashMap::default(),
        };
        // A word named a place twice or more, and never a person (`at Tarútino`, but not
        // `toward Jock` once in the story of Jock McChesney).
        let mut place_words: HashMap<&str, usize> = HashMap::default();
        for c in candidates {
            if let ([(a, b)], EntityKind::Place) = (&c.words[..], c.kind) {
                if let Some(w) = text.get(*a..*b) {
                    *place_words.entry(w).or_default() += 1;
                }
            }
        }
        let people: HashSet<&str> = candidates
            .iter()
            .filter(|c| c.kind == EntityKind::Person && c.evidence < Evidence::Shape)
            .flat_map(|c| c.words.iter().filter_map(|&(a, b)| text.get(a..b)))
            .collect();
        attested.cued = place_words.clone();
        attested.places = place_words
            .into_iter()
            .filter(|&(w, n)| n >= 2 && !people.contains(w))
            .map(|(w, _)| w)
            .collect();
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
            if words.len() >= 2 || c.evidence != Evidence::GivenName {
                for &w in &words {
                    *attested.strongly_people.entry(w).or_default() += 1;
                }
            }
            match words[..] {
                [one] => {
                    attested.single.insert(one);
                    if c.evidence == Evidence::GivenName {
                        *attested.given_alone.entry(one).or_default() += 1;
                    }
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

/// A merge pass: one step over the candidates or the entities built so far.
type Pass = fn(&mut Merger<'_>);

/// The passes of the merge, in order.
const PASSES: &[Pass] = &[
    |m| m.people_with_full_names(),
    |m| m.name_parts(),
    |m| m.modifier_uses(),
    |m| m.in_document_order(),
    |m| m.ambiguous_bare_names(),
    |m| m.acronyms_and_shorter_names(),
    |m| m.weak_candidates(),
];

/// A merge rule for one candidate: the entity it joins, if the rule decides, and the rule that
/// decided (a rule may hand over to a finer one).
type Join = fn(&mut Merger<'_>, usize) -> Option<(usize, RuleId)>;

/// The rules that give a candidate of good evidence its entity, tried in this order.
const JOIN: &[(RuleId, Join)] = &[
    (RuleId::DateValue, |m, i| m.date_value(i)),
    (RuleId::GivenNameButPlace, |m, i| m.given_name_but_place(i)),
    (RuleId::TitledSurname, |m, i| m.titled_surname(i)),
    (RuleId::TitledGivenName, |m, i| m.titled_given_name(i)),
    (RuleId::BareName, |m, i| m.bare_name(i)),
    (RuleId::AcronymDefined, |m, i| m.acronym_defined(i)),
    (RuleId::SameName, |m, i| m.same_name(i)),
];

/// A merge rule for the words `p..q` of a weak candidate: the entity they name, if any.
type WeakJoin = fn(&mut Merger<'_>, &[(usize, usize)], &str) -> Option<usize>;

/// The rules that let the words of a weak candidate count, tried in this order.
const WEAK: &[(RuleId, WeakJoin)] = &[
    (RuleId::WeakKnownAlias, |m, words, phrase| {
        // A bare given name or surname is for the nearest person it names, not the first.
        if words.len() == 1 && m.person_part.contains_key(phrase) && m.more_person(phrase) {
            return None;
        }
        m.alias_of.get(phrase).copied()
    }),
    (RuleId::BareName, |m, words, phrase| {
        let [(start, _)] = words else { return None };
        if !m.more_person(phrase) {
            return None;
        }
        m.likeliest_bearer(phrase, *start, false)
    }),
    (RuleId::WeakGazetteer, |m, _, phrase| {
        m.weak_gazetteer(phrase)
    }),
    (RuleId::WeakHeadWord, |m, words, phrase| {
        m.weak_head_word(words, phrase)
    }),
];

struct Merger<'a> {
    text: &'a str,
    /// The words the article writes in lower case.
    lower: &'a LowerWords,
    gaz: &'a Gazetteer,
    lex: &'static Lexicon,
    switches: Switches,
    candidates: &'a [Candidate],
    /// Each candidate's text, white space collapsed, shared by equal texts.
    surfaces: Vec<Rc<str>>,
    /// The title written before each candidate ([`Merger::title_of`]).
    titles: Vec<Option<(Rc<str>, Title)>>,
    /// Surnames the text writes after a title of an unmarried woman (`Miss Bennet`).
    unmarried: HashSet<Rc<str>>,
    /// Words the text writes after a man's title of address and after a woman's (`Mr.
    /// Sowerberry`, `Mrs. Sowerberry`): how often after each.
    addressed: HashMap<Rc<str>, (usize, usize)>,
    /// Candidates given an entity (or set aside) already.
    done: Vec<bool>,
    drafts: Vec<Draft>,
    /// Redirects from merged entities to the one they joined.
    parent: Vec<usize>,
    /// The rule that joined an entity to its parent.
    joined_by: Vec<Option<RuleId>>,
    by_key: HashMap<String, usize>,
    assigned: Vec<Assigned>,
    /// Titled forms (`President Trump`) to list among an entity's aliases.
    extra_aliases: Vec<(usize, String)>,
    attested: Attested<'a>,
    /// The people a given name or surname may stand for.
    person_part: HashMap<String, Vec<usize>>,
    /// How often each word opens people's full names (given names, in this article).
    first_words: HashMap<String, usize>,
    /// How often each word ends people's full names (surnames, in this article).
    last_words: HashMap<String, usize>,
    /// Words of well-attested people used as modifiers (`the [Warhol] Polaroids`).
    modifier_uses: Vec<(usize, usize, usize)>,
    /// Bare names of several people, waiting for `ambiguous_bare_names`.
    deferred: Vec<usize>,
    /// A weekday waiting for the date it names.
    pending_same_date: Option<usize>,
    /// Organisations and places of two words or more, by a word of their name.
    by_word: HashMap<String, Vec<usize>>,
    /// Every alias given so far, to the first entity that had it.
    alias_of: HashMap<Rc<str>, usize>,
}

impl<'a> Merger<'a> {
    fn on(&self, rule: RuleId) -> bool {
        self.switches.on(rule)
    }

    fn root(&self, mut e: usize) -> usize {
        while self.parent[e] != e {
            e = self.parent[e];
        }
        e
    }

    /// Joins entity `e` to entity `into` by `rule`.
    fn join(&mut self, e: usize, into: usize, rule: RuleId) {
        let into = self.root(into);
        if into != e {
            self.parent[e] = into;
            self.joined_by[e] = Some(rule);
        }
    }

    fn new_entity(&mut self, kind: EntityKind, evidence: Evidence, name: &str) -> usize {
        self.drafts.push(Draft {
            kind,
            evidence,
            name_words: name.split(' ').map(str::to_string).collect(),
            gender: None,
            titles: Vec::new(),
            display: None,
            positions: Positions::default(),
        });
        self.parent.push(self.drafts.len() - 1);
        self.joined_by.push(None);
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

    /// Gives candidate `i` (all of it) to `entity`, by `rule`.
    fn assign(&mut self, i: usize, entity: usize, alias: Rc<str>, rule: RuleId) {
        let c = &self.candidates[i];
        self.assigned.push(Assigned {
            start: c.start,
            end: c.end,
            entity,
            alias,
            rules: c.rules.with(rule),
        });
        self.done[i] = true;
    }

    fn titled_alias(&self, c: &Candidate, name: &str) -> Option<String> {
        let from = c.titled_from?;
        let title = self.text.get(from as usize..c.start)?;
        let title: Vec<&str> = title.split_whitespace().collect();
        Some(format!("{} {name}", title.join(" ")))
    }

    /// The title written before candidate `i`, lower-cased without its period, and what the
    /// lexicon knows of it (`General Field Marshal` is known by its last title).
    fn title_of(&self, i: usize) -> Option<(Rc<str>, Title)> {
        self.titles.get(i).cloned().flatten()
    }

    /// The gender a given name tells (`Mary`).
    fn given_gender(&self, word: &str) -> Option<Gender> {
        let info = self.lex.info_lowering(word);
        info.is(Classes::GIVEN_NAME)
            .then_some(info.gender)
            .flatten()
    }

    /// The person `word` stands for, among those it names (`Trump`, `Mary`): the one named
    /// nearest before `at`, else the first after, of those `accept` lets through.
    fn nearest_person(
        &self,
        word: &str,
        at: usize,
        accept: impl Fn(usize) -> bool,
    ) -> Option<usize> {
        let list = self.person_part.get(word)?;
        let mut best: Option<(usize, bool, usize)> = None; // (entity, before, distance)
        for &e in list {
            let e = self.root(e);
            if !accept(e) {
                continue;
            }
            let p = &self.drafts[e].positions;
            let key = match p.before(at) {
                Some(q) => (e, true, at - q),
                None => (e, false, p.after(at).map_or(usize::MAX, |q| q - at)),
            };
            best = match best {
                None => Some(key),
                Some(b) if (key.1 && !b.1) || (key.1 == b.1 && key.2 < b.2) => Some(key),
                keep => keep,
            };
        }
        best.map(|b| b.0)
    }

    /// Notes that person `e` was named at `at`.
    fn named_at(&mut self, e: usize, at: usize, full: bool) {
        let e = self.root(e);
        self.drafts[e].positions.add(at, full);
    }

    /// Indexes a person's given name and surname (not middle words), so that either alone joins.
    fn index_name_parts(&mut self, e: usize, name: &str) {
        let parts: Vec<&str> = name.split(' ').collect();
        if let (Some(first), Some(last)) = (parts.first(), parts.last()) {
            *self.first_words.entry(first.to_string()).or_default() += 1;
            *self.last_words.entry(last.to_string()).or_default() += 1;
        }
        let ends = [parts.first().copied(), parts.last().copied()];
        for w in ends.into_iter().flatten() {
            if w.chars().next().is_some_and(char::is_uppercase) {
                let list = self.person_part.entry(w.to_string()).or_default();
                if !list.contains(&e) {
                    list.push(e);
                }
            }
        }
    }

    /// People with full names (`full_name`), and well-attested names used as modifiers set
    /// aside (`modifier_use`).
    fn people_with_full_names(&mut self) {
        for i in 0..self.candidates.len() {
            let c = &self.candidates[i];
            let text = self.text;
            // `the Warhol Polaroids`: only the shape made it an organisation; its first word is
            // a well-attested person's.
            let guessed_org = c.kind == EntityKind::Org
                && c.evidence == Evidence::Shape
                && c.words.len() >= 2
                && c.words
                    .first()
                    .and_then(|&(a, b)| text.get(a..b))
                    .is_some_and(|w| self.attested.words.contains(w));
            if !guessed_org
                && (c.kind != EntityKind::Person
                    || c.words.len() < 2
                    || c.evidence == Evidence::Weak)
            {
                continue;
            }
            let strong: Vec<(usize, usize)> = c
                .words
                .iter()
                .copied()
                .filter(|&(a, b)| {
                    text.get(a..b)
                        .is_some_and(|w| self.attested.words.contains(w))
                })
                .collect();
            // `St. Nicholas`, `Saint Peter`: a saint is not a person of the article with the
            // same given name, and no given name alone stands for the saint.
            let saint = self.on(RuleId::SaintName)
                && c.words.len() >= 2
                && c.words
                    .first()
                    .and_then(|&(a, b)| text.get(a..b))
                    .is_some_and(|w| self.lex.info_lowering(w).is(Classes::SAINT));
            if !saint
                && self.on(RuleId::ModifierUse)
                && c.evidence == Evidence::Shape
                && !strong.is_empty()
                && !own_person_name(text, c, &strong, &self.attested, self.gaz, self.lower)
            {
                self.modifier_uses
                    .extend(strong.into_iter().map(|(a, b)| (a, b, i)));
                self.done[i] = true;
                continue;
            }
            if guessed_org || !self.on(RuleId::FullName) {
                continue;
            }
            let name = self.surfaces[i].clone();
            let given = name.split(' ').next().unwrap_or("");
            let given_gender = self.given_gender(given);
            let title = self.title_of(i).filter(|(_, t)| social(t));
            // `Mrs. John Knightley`: a woman named by her husband's name is not him; nor is
            // `Mrs. Newland Archer`, though no list tells Newland is a man's name: a married
            // woman's title before a given name no list knows for a woman's.
            let wife = title.as_ref().filter(|(k, t)| {
                self.on(RuleId::TitledSurname)
                    && t.gender.is_some()
                    && ((given_gender.is_some() && t.gender != given_gender)
                        || (MARRIED.contains(&k.as_ref()) && given_gender.is_none()))
            });
            let key = match wife {
                Some((t, _)) => format!("person {t} {}", name.to_lowercase()),
                None => format!("person {}", name.to_lowercase()),
            };
            let display = wife.map(|_| self.titled_alias(c, &name).unwrap_or_default());
            let e = self.entity_for_key(key, EntityKind::Person, c.evidence, &name);
            let d = &mut self.drafts[e];
            if let Some(display) = display {
                d.display = Some(display);
                d.gender = title.as_ref().and_then(|(_, t)| t.gender);
            } else {
                d.gender = d
                    .gender
                    .or(given_gender)
                    .or(title.as_ref().and_then(|(_, t)| t.gender));
                if let Some((t, _)) = &title {
                    match d.titles.iter_mut().find(|(k, _)| k == t) {
                        Some((_, n)) => *n += 1,
                        None => d.titles.push((t.clone(), 1)),
                    }
                }
            }
            d.positions.add(c.start, true);
            if wife.is_none() && !saint {
                self.index_name_parts(e, &name);
            }
            if let Some(a) = self.titled_alias(c, &name) {
                self.extra_aliases.push((e, a));
            }
            let rule = if saint {
                RuleId::SaintName
            } else {
                RuleId::FullName
            };
            self.assign(i, e, name, rule);
        }
    }

    /// `name_part`: a multi-word person name that is a contiguous run of words of exactly one
    /// longer person name joins it (`Anna Pávlovna` → `Anna Pávlovna Schérer`), wherever the two
    /// stand; when several longer names hold it, it stays apart.
    fn name_parts(&mut self) {
        if !self.on(RuleId::NamePart) {
            return;
        }
        let people: Vec<usize> = (0..self.drafts.len())
            .filter(|&e| self.parent[e] == e && self.drafts[e].kind == EntityKind::Person)
            .collect();
        // Longer names by their first word, so each lookup only looks at plausible containers.
        let mut by_word: HashMap<&str, Vec<usize>> = HashMap::default();
        for &e in &people {
            for w in &self.drafts[e].name_words {
                let list = by_word.entry(w.as_str()).or_default();
                if list.last() != Some(&e) {
                    list.push(e);
                }
            }
        }
        let mut joins: Vec<(usize, usize)> = Vec::new();
        for &e in &people {
            let words = &self.drafts[e].name_words;
            if words.len() < 2 {
                continue;
            }
            let Some(list) = by_word.get(words[0].as_str()) else {
                continue;
            };
            let mut containers = list.iter().copied().filter(|&f| {
                let fw = &self.drafts[f].name_words;
                f != e
                    && fw.len() > words.len()
                    && fw.windows(words.len()).any(|win| win == words.as_slice())
            });
            if let (Some(f), None) = (containers.next(), containers.next()) {
                joins.push((e, f));
            }
        }
        for (e, f) in joins {
            self.join(e, f, RuleId::NamePart);
        }
    }

    /// `modifier_use`: the words of well-attested people used as modifiers join the nearest
    /// person they name.
    fn modifier_uses(&mut self) {
        // A name joined to a longer one (`name_part`) is named where the longer one is.
        for e in 0..self.drafts.len() {
            let r = self.root(e);
            if r != e {
                let moved = std::mem::take(&mut self.drafts[e].positions.full);
                let into = &mut self.drafts[r].positions.full;
                into.extend(moved);
                into.sort_unstable();
                let gender = self.drafts[e].gender;
                self.drafts[r].gender = self.drafts[r].gender.or(gender);
            }
        }
        for (a, b, i) in std::mem::take(&mut self.modifier_uses) {
            let word = self.text.get(a..b).unwrap_or("");
            if let Some(e) = self.nearest_person(word, a, |_| true) {
                self.assigned.push(Assigned {
                    start: a,
                    end: b,
                    entity: e,
                    alias: Rc::from(word),
                    rules: self.candidates[i].rules.with(RuleId::ModifierUse),
                });
            }
        }
    }

    /// Every candidate not weak and not settled yet, in document order, by the rules of
    /// [`JOIN`].
    fn in_document_order(&mut self) {
        for i in 0..self.candidates.len() {
            if self.done[i] || self.candidates[i].evidence == Evidence::Weak {
                continue;
            }
            // A bare name of several people waits until every name that says who it is has been
            // given (`ambiguous_bare_names`).
            if self.on(RuleId::BareName) && self.ambiguous_bare_name(i) {
                self.deferred.push(i);
                continue;
            }
            for &(rule, join) in JOIN {
                if !self.on(rule) {
                    continue;
                }
                if let Some((e, by)) = join(self, i) {
                    let alias = self.surfaces[i].clone();
                    self.assign(i, e, alias, by);
                    break;
                }
            }
        }
    }

    /// Whether candidate `i` is a bare given name or surname that several people have, with no
    /// title of address, nobility, kin or sainthood to say which.
    fn ambiguous_bare_name(&self, i: usize) -> bool {
        let c = &self.candidates[i];
        let name = &self.surfaces[i];
        c.words.len() == 1
            && !is_acronym(name)
            && !known_people(c)
            && c.kind != EntityKind::Date
            && (c.kind == EntityKind::Person || self.more_person(name))
            && self.person_part.contains_key(name.as_ref() as &str)
            && !self.stands_for_one(name)
            && !self.title_of(i).is_some_and(|(_, t)| social(&t))
    }

    /// `bare_name` for the names that wait: each joins the person that has it and was named
    /// within a page before (or after, failing that), else the one of them named most.
    fn ambiguous_bare_names(&mut self) {
        for i in std::mem::take(&mut self.deferred) {
            let c = &self.candidates[i];
            let ranked = self.ranked(i);
            let Some(e) = self.likeliest_bearer(&self.surfaces[i], c.start, ranked) else {
                if let Some((e, _)) = ranked.then(|| self.same_name(i)).flatten() {
                    let alias = self.surfaces[i].clone();
                    self.assign(i, e, alias, RuleId::RankedSurname);
                }
                continue;
            };
            if let Some(a) = self.titled_alias(c, &self.surfaces[i]) {
                self.extra_aliases.push((e, a));
            }
            let alias = self.surfaces[i].clone();
            self.assign(i, e, alias, RuleId::BareName);
        }
    }

    /// Whether a surname alone may stand for person `e`: not for a woman the text names only
    /// with her title while others bear the name. Narration calls a woman `Mrs. Archer` or
    /// `Miss Welland`, so a bare `Archer` is Newland Archer, not his mother.
    fn may_be_bare_surname(&self, e: usize) -> bool {
        let d = &self.drafts[e];
        d.name_words.len() >= 2 || d.gender != Some(Gender::Female)
    }

    /// [`Merger::likeliest_person`] for a bare name, among the people it may stand for alone
    /// ([`Merger::may_be_bare_surname`]) first.
    fn likeliest_bearer(&self, word: &str, at: usize, ranked: bool) -> Option<usize> {
        self.likeliest_person(word, at, |e| {
            self.may_be_bare_surname(e) && self.may_be_ranked(e, word, ranked)
        })
        .or_else(|| self.likeliest_person(word, at, |e| self.may_be_ranked(e, word, ranked)))
    }

    /// Whether candidate `i` is written after a rank or office (`Colonel`, `President`).
    fn ranked(&self, i: usize) -> bool {
        self.on(RuleId::RankedSurname)
            && self
                .title_of(i)
                .is_some_and(|(_, t)| t.class == TitleClass::Office)
    }

    /// `ranked_surname`: a rank or office is written before a surname, never before a given
    /// name alone: `Colonel Fitzwilliam` is not Fitzwilliam Darcy, though `Colonel Brandon` is
    /// Christopher Brandon.
    fn may_be_ranked(&self, e: usize, word: &str, ranked: bool) -> bool {
        !ranked || self.drafts[e].name_words.last().is_some_and(|l| l == word)
    }

    /// The person a bare name stands for among those `accept` lets through: the one named
    /// nearest within [`NEAR`] bytes before it, else after it, else the one named most.
    fn likeliest_person(
        &self,
        word: &str,
        at: usize,
        accept: impl Fn(usize) -> bool,
    ) -> Option<usize> {
        let e = self.nearest_person(word, at, &accept)?;
        let p = &self.drafts[e].positions;
        let near = p.before(at).is_some_and(|q| at - q <= NEAR)
            || p.after(at).is_some_and(|q| q - at <= NEAR);
        if near {
            return Some(e);
        }
        let named = |e: usize| {
            let p = &self.drafts[e].positions;
            p.full.len() + p.more.len()
        };
        self.person_part
            .get(word)?
            .iter()
            .map(|&e| self.root(e))
            .filter(|&e| accept(e))
            .max_by_key(|&e| (named(e), std::cmp::Reverse(e)))
    }

    /// `date_value`: dates merge by what identifies them; `weekday_of_date`: a weekday joins the
    /// date it is set before.
    fn date_value(&mut self, i: usize) -> Option<(usize, RuleId)> {
        let c = &self.candidates[i];
        if c.kind != EntityKind::Date {
            return None;
        }
        let name = &self.surfaces[i];
        let key = format!(
            "date {}",
            c.date_key
                .clone()
                .unwrap_or_else(|| name.to_lowercase().into())
        );
        let same_as_next = c.same_as_next;
        let (evidence, name) = (c.evidence, name.clone());
        let pending = self
            .pending_same_date
            .take()
            .filter(|_| self.on(RuleId::WeekdayOfDate));
        let (e, rule) = match pending {
            Some(e) => {
                self.by_key.entry(key).or_insert(e);
                (e, RuleId::WeekdayOfDate)
            }
            None => (
                self.entity_for_key(key, EntityKind::Date, evidence, &name),
                RuleId::DateValue,
            ),
        };
        if same_as_next {
            self.pending_same_date = Some(e);
        }
        Some((e, rule))
    }

    /// `bare_name`: a single word that is a person's given name or surname joins the nearest
    /// full name.
    fn bare_name(&mut self, i: usize) -> Option<(usize, RuleId)> {
        let c = &self.candidates[i];
        let name = &self.surfaces[i];
        // A place a cue names joins a person of that name only where the article names the
        // word as a person more (`cue_but_person`).
        let cued_place = c.kind == EntityKind::Place && !self.more_person(name);
        if c.words.len() != 1 || is_acronym(name) || cued_place || known_people(c) {
            return None;
        }
        let ranked = self.ranked(i);
        let found = self
            .nearest_person(name, c.start, |e| {
                self.may_be_bare_surname(e) && self.may_be_ranked(e, name, ranked)
            })
            .or_else(|| {
                self.nearest_person(name, c.start, |e| self.may_be_ranked(e, name, ranked))
            });
        let Some(e) = found else {
            // `Colonel Fitzwilliam` where only Fitzwilliam Darcy has the word: a person of
            // their own.
            return ranked
                .then(|| self.same_name(i))
                .flatten()
                .map(|(e, _)| (e, RuleId::RankedSurname));
        };
        // Only a name that stands for one person makes that person the nearest for the next
        // bare name: a guess among several would carry itself forward.
        if self.stands_for_one(name) {
            self.named(i, e);
        } else if let Some(a) = self.titled_alias(c, name) {
            self.extra_aliases.push((e, a));
        }
        Some((e, RuleId::BareName))
    }

    /// Whether a word is a person's rather than a place's: a word of a full name, a word no cue
    /// names a place, or one named as a person at least as often: `Natásha`, not `Petersburg`.
    fn more_person(&self, word: &str) -> bool {
        // A word of a full name stays that person's (`Paris` of Valeska Paris, `near Paris`).
        let in_full_name =
            self.first_words.contains_key(word) || self.last_words.contains_key(word);
        let place = self.attested.cued.get(word).copied().unwrap_or(0);
        in_full_name || place == 0 || self.is_person_more_than_place(word)
    }

    /// Whether the article names a word as a person (titled, quoted, in full names) at least as
    /// often as a cue names it a place: `Natásha`, not `Petersburg`. A given name alone weighs
    /// less than such a use, but a novel's hundred `Jake`s outweigh one `from Jake`.
    fn is_person_more_than_place(&self, word: &str) -> bool {
        /// How many lone uses of a given name weigh as one strong use.
        const LONE_USES: usize = 8;
        let strong = self
            .attested
            .strongly_people
            .get(word)
            .copied()
            .unwrap_or(0);
        let alone = self.attested.given_alone.get(word).copied().unwrap_or(0);
        let person = strong + alone / LONE_USES;
        let place = self.attested.cued.get(word).copied().unwrap_or(0);
        person > 0 && person >= place
    }

    /// `given_name_but_place`: `Charlotte` alone is a given name, but a place where the article
    /// names it so (`in Charlotte`) and never as a person by more than the list of given names,
    /// unless the given name alone is far more common than its place cues (a novel's `Jake`,
    /// once `to Jake`, a hundred times a man).
    fn given_name_but_place(&mut self, i: usize) -> Option<(usize, RuleId)> {
        let c = &self.candidates[i];
        let name = self.surfaces[i].clone();
        let place = c.kind == EntityKind::Person
            && c.evidence == Evidence::GivenName
            && c.words.len() == 1
            && self.attested.cued.contains_key(&*name)
            && !self.attested.strongly_people.contains_key(&*name)
            && !self.is_person_more_than_place(&name)
            && !self.person_part.contains_key(&*name);
        if !place {
            return None;
        }
        let evidence = c.evidence;
        let e = self.entity_for_key(
            key_for(EntityKind::Place, &name),
            EntityKind::Place,
            evidence,
            &name,
        );
        Some((e, RuleId::GivenNameButPlace))
    }

    /// Whether a bare name stands for one person of the article only.
    fn stands_for_one(&self, word: &str) -> bool {
        let mut people = self
            .person_part
            .get(word)
            .into_iter()
            .flatten()
            .map(|&e| self.root(e));
        let first = people.next();
        people.all(|e| Some(e) == first)
    }

    /// Notes that candidate `i` names person `e`: its place and its titled form.
    fn named(&mut self, i: usize, e: usize) {
        let c = &self.candidates[i];
        if let Some(a) = self.titled_alias(c, &self.surfaces[i]) {
            self.extra_aliases.push((e, a));
        }
        self.named_at(e, c.start, false);
    }

    /// A one-word person candidate after a title of address, nobility or kin: the word and
    /// the title.
    fn socially_titled(&self, i: usize) -> Option<(String, Rc<str>, Title)> {
        let c = &self.candidates[i];
        if c.words.len() != 1 || c.kind != EntityKind::Person {
            return None;
        }
        let (key, title) = self.title_of(i).filter(|(_, t)| social(t))?;
        Some((self.surfaces[i].to_string(), key, title))
    }

    /// Whether the word stands as a surname in this article: the last word of full names more
    /// often than the first, or failing both, a surname of the lexicon and no given name.
    fn is_surname(&self, word: &str) -> bool {
        let first = self.first_words.get(word).copied().unwrap_or(0);
        let last = self.last_words.get(word).copied().unwrap_or(0);
        if first + last > 0 {
            // `F. C. Weston Churchill` once, `Anna Weston` more often: Weston is a surname;
            // so it is when `Mr. Weston` and `Mrs. Weston` outnumber the full names it opens.
            return last > first || self.family_name(word) > first;
        }
        let info = self.lex.info_lowering(word);
        info.is(Classes::SURNAME) && !info.is(Classes::GIVEN_NAME)
    }

    /// Whether a word the text gives no full name is a surname all the same: written after a
    /// man's title of address and after a woman's (`Mr. Sowerberry`, `Mrs. Sowerberry`), it is
    /// a family's name, and the two are two people.
    fn addressed_surname(&self, word: &str) -> bool {
        !self.first_words.contains_key(word)
            && !self.last_words.contains_key(word)
            && self.family_name(word) > 0
    }

    /// How often a word is written after a title of address, when it is written after a man's
    /// and after a woman's (`Mr. Weston`, `Mrs. Weston`): then it is a family's name; else 0.
    fn family_name(&self, word: &str) -> usize {
        match self.addressed.get(word) {
            Some(&(men, women)) if men > 0 && women > 0 => men + women,
            _ => 0,
        }
    }

    /// `titled_surname`: `Mr. Knightley`, `Mrs. Bennet`. A different title means a different
    /// person with the same surname: the title and surname join the one full name of that
    /// surname the title fits (gender, no other title of address, not always written with its
    /// given name after this title: `Mr. John Knightley` is not `Mr. Knightley`); else they name
    /// a person of their own.
    fn titled_surname(&mut self, i: usize) -> Option<(usize, RuleId)> {
        let (word, title_key, title) = self.socially_titled(i)?;
        // A married woman's title goes before a surname, never a given name alone: `Mrs.
        // Braddocks` is not her husband, the bare `Braddocks`.
        let married = MARRIED.contains(&title_key.as_ref());
        if !(married || self.is_surname(&word) || self.addressed_surname(&word)) {
            return None;
        }
        // `Mrs. Bennet` where the text also writes `Miss Bennet`: the family's women with
        // full names are its daughters, and the married woman is someone else.
        let daughters = married && self.unmarried.contains(word.as_str());
        // A woman's title joins no full name whose gender nothing tells (`Mrs. Archer` is not
        // Newland Archer), unless that title was written before it.
        let womans = title.gender == Some(Gender::Female);
        let fits = |d: &Draft| {
            d.name_words.len() >= 2
                && d.name_words.last() == Some(&word)
                && compatible(d.gender, title.gender)
                && (!womans || d.gender.is_some() || d.titles.iter().any(|(t, _)| *t == title_key))
                && d.titles.iter().all(|(t, n)| *t == title_key && *n < 3)
                && !(daughters && d.gender == Some(Gender::Female))
        };
        let mut found: Vec<usize> = self
            .person_part
            .get(&word)
            .into_iter()
            .flatten()
            .map(|&e| self.root(e))
            .filter(|&e| self.drafts[e].kind == EntityKind::Person && fits(&self.drafts[e]))
            .collect();
        found.sort_unstable();
        found.dedup();
        // Of several, the one whose gender the text tells and the title fits (`Mrs. McChesney`
        // is Emma, not Jock, whose gender no list knows).
        let confirmed: Vec<usize> = found
            .iter()
            .copied()
            .filter(|&e| title.gender.is_some() && self.drafts[e].gender == title.gender)
            .collect();
        if found.len() > 1 && confirmed.len() == 1 {
            found = confirmed;
        }
        let e = match found[..] {
            [only] => only,
            // `Prince Kutúzov` with two Kutúzovs: a rank is written before any of a family's
            // men, so it says no more than the bare surname.
            [_, _, ..] if title.class != TitleClass::Address => {
                let found = found.clone();
                let at = self.candidates[i].start;
                self.likeliest_person(&word, at, |e| found.contains(&e))?
            }
            _ => {
                let key = format!("person {title_key} {}", word.to_lowercase());
                let c = &self.candidates[i];
                let e = self.entity_for_key(key, EntityKind::Person, c.evidence, &word);
                let display = self.titled_alias(c, &word);
                let d = &mut self.drafts[e];
                d.display = d.display.take().or(display);
                d.gender = d.gender.or(title.gender);
                let list = self.person_part.entry(word).or_default();
                if !list.contains(&e) {
                    list.push(e);
                }
                e
            }
        };
        self.named(i, e);
        Some((e, RuleId::TitledSurname))
    }

    /// `titled_given_name`: `Princess Mary`, `Count Nicholas`: the person of that given name
    /// the title was written before (`Princess Mary Bolkónskaya`), else the one the title fits,
    /// else the nearest of them.
    fn titled_given_name(&mut self, i: usize) -> Option<(usize, RuleId)> {
        let (word, title_key, title) = self.socially_titled(i)?;
        let at = self.candidates[i].start;
        let first_of = |d: &Draft| d.name_words.first() == Some(&word);
        let fits = |e: usize| {
            let d = &self.drafts[e];
            d.kind == EntityKind::Person && first_of(d) && compatible(d.gender, title.gender)
        };
        // Of the people this title was written before, the one it was written before most.
        let written_before = |e: usize| {
            self.drafts[e]
                .titles
                .iter()
                .find(|(t, _)| *t == title_key)
                .map_or(0, |(_, n)| *n)
        };
        let mut titled: Vec<(usize, usize)> = self
            .person_part
            .get(&word)
            .into_iter()
            .flatten()
            .map(|&e| self.root(e))
            .filter(|&e| fits(e))
            .map(|e| (written_before(e), e))
            .filter(|&(n, _)| n > 0)
            .collect();
        titled.sort_unstable_by(|a, b| b.cmp(a));
        titled.dedup();
        let e = match titled[..] {
            [(_, only)] => only,
            [(n, first), (m, _), ..] if n > m => first,
            _ => self.nearest_person(&word, at, fits)?,
        };
        self.named(i, e);
        Some((e, RuleId::TitledGivenName))
    }

    /// `acronym_defined`: an acronym defined in parentheses joins the name before it.
    fn acronym_defined(&mut self, i: usize) -> Option<(usize, RuleId)> {
        let d = self.candidates[i].defines?;
        let defined_start = self.candidates.get(d as usize)?.start;
        let e = self
            .assigned
            .iter()
            .rev()
            .find(|a| a.start == defined_start)?
            .entity;
        Some((e, RuleId::AcronymDefined))
    }

    /// `same_name`: the entity keyed by the candidate's name (or the gazetteer's canonical name);
    /// `cue_but_person`: `a letter from Natásha`, a place only by the word before it, while the
    /// article names the same word as a person with a title or a given name (`Countess Natásha`).
    fn same_name(&mut self, i: usize) -> Option<(usize, RuleId)> {
        let c = &self.candidates[i];
        let name = self.surfaces[i].clone();
        let mut rule = RuleId::SameName;
        let kind = if self.on(RuleId::CueButPerson)
            && c.kind == EntityKind::Place
            && c.evidence == Evidence::Cue
            && c.words.len() == 1
            && self.is_person_more_than_place(&name)
        {
            rule = RuleId::CueButPerson;
            EntityKind::Person
        } else {
            c.kind
        };
        let key_name = c.canonical.unwrap_or(&name);
        let key = key_for(kind, key_name);
        let (evidence, start, titled) = (c.evidence, c.start, self.titled_alias(c, &name));
        let e = self.entity_for_key(key, kind, evidence, key_name);
        if kind == EntityKind::Person {
            self.named_at(e, start, false);
            let list = self.person_part.entry(name.to_string()).or_default();
            if !list.contains(&e) {
                list.push(e);
            }
            if let Some(a) = titled {
                self.extra_aliases.push((e, a));
            }
        }
        Some((e, rule))
    }

    /// `acronym_initials`, `shorter_org_name` and `shorter_place_name`: acronyms and shorter
    /// organisation and place names join the longer name they stand for.
    fn acronyms_and_shorter_names(&mut self) {
        let mut by_initials: HashMap<String, Vec<usize>> = HashMap::default();
        for e in 0..self.drafts.len() {
            let d = &self.drafts[e];
            if self.parent[e] != e || !matches!(d.kind, EntityKind::Org | EntityKind::Place) {
                continue;
            }
            if d.name_words.len() >= 2 {
                by_initials
                    .entry(initials(&d.name_words))
                    .or_default()
                    .push(e);
                for w in &d.name_words {
                    self.by_word.entry(w.clone()).or_default().push(e);
                }
            }
        }
        for e in 0..self.drafts.len() {
            if self.parent[e] != e {
                continue;
            }
            let d = &self.drafts[e];
            let words = &d.name_words;
            let target = if words.len() == 1 && is_acronym(&words[0]) {
                let plain: String = words[0].chars().filter(|c| *c != '.').collect();
                by_initials
                    .get(&plain)
                    .filter(|list| list.len() == 1)
                    .map(|list| (list[0], RuleId::AcronymInitials))
            } else if words.len() >= 2
                && d.kind == EntityKind::Org
                && d.evidence != Evidence::Gazetteer
            {
                let mut containers = self
                    .by_word
                    .get(&words[0])
                    .into_iter()
                    .flatten()
                    .copied()
                    .filter(|&f| {
                        let fw = &self.drafts[f].name_words;
                        f != e
                            && self.drafts[f].kind == EntityKind::Org
                            && fw.len() > words.len()
                            && fw.windows(words.len()).any(|win| win == words.as_slice())
                    });
                match (containers.next(), containers.next()) {
                    (Some(f), None) => Some((f, RuleId::ShorterOrgName)),
                    _ => None,
                }
            } else if words.len() >= 2
                && d.kind == EntityKind::Person
                && d.evidence == Evidence::Shape
            {
                // `Ninety Mile` after `Ninety Mile Beach`: the place without its head word.
                let mut places = self
                    .by_word
                    .get(&words[0])
                    .into_iter()
                    .flatten()
                    .copied()
                    .filter(|&f| {
                        let fd = &self.drafts[f];
                        fd.kind == EntityKind::Place
                            && fd.evidence == Evidence::Head
                            && fd.name_words.len() > words.len()
                            && fd.name_words.starts_with(words)
                    });
                match (places.next(), places.next()) {
                    (Some(f), None) => Some((f, RuleId::ShorterPlaceName)),
                    _ => None,
                }
            } else {
                None
            };
            if let Some((t, rule)) = target.filter(|&(_, rule)| self.on(rule)) {
                if rule == RuleId::ShorterPlaceName {
                    // No longer a person: the place's kind holds.
                    self.drafts[e].kind = EntityKind::Place;
                }
                self.join(e, t, rule);
            }
        }
    }

    /// `weak_gazetteer`: words of a weak candidate the gazetteer knows.
    fn weak_gazetteer(&mut self, phrase: &str) -> Option<usize> {
        let k = self.gaz.lookup(phrase)?;
        Some(self.entity_for_key(
            k.canonical.to_lowercase(),
            k.kind,
            Evidence::Gazetteer,
            k.canonical,
        ))
    }

    /// `weak_head_word`: a lone head word (`Church`) or the word after `of` (`Scientology`)
    /// inside exactly one organisation's name. `News of police response`: a head word before
    /// `of` and words in lower case is the common noun (a name would have joined them).
    fn weak_head_word(&mut self, words: &[(usize, usize)], phrase: &str) -> Option<usize> {
        let [(_, end)] = words else { return None };
        let of_lower = self
            .text
            .get(*end..)
            .and_then(|r| r.strip_prefix(" of "))
            .is_some_and(|r| r.starts_with(char::is_lowercase));
        let head = self.lex.head_of(phrase).is_some() && !of_lower;
        self.by_word
            .get(phrase)
            .filter(|l| l.len() == 1 && self.drafts[l[0]].kind == EntityKind::Org)
            .map(|l| l[0])
            .filter(|&e| {
                let w = &self.drafts[e].name_words;
                head || w.windows(2).any(|p| p[0] == "of" && p[1] == phrase)
            })
    }

    /// Weak candidates: only their words that name something established, by the rules of
    /// [`WEAK`], longest first.
    fn weak_candidates(&mut self) {
        for a in &self.assigned {
            self.alias_of.entry(a.alias.clone()).or_insert(a.entity);
        }
        let mut phrase = String::new();
        for i in 0..self.candidates.len() {
            if self.done[i] {
                continue;
            }
            let c = &self.candidates[i];
            let words = &c.words;
            let mut p = 0;
            while p < words.len() {
                let mut matched = None;
                'lengths: for q in (p + 1..=words.len()).rev() {
                    surface_into(self.text, &words[p..q], &mut phrase);
                    for &(rule, join) in WEAK {
                        if !self.on(rule) {
                            continue;
                        }
                        if let Some(e) = join(self, &words[p..q], &phrase) {
                            matched = Some((q, e, rule));
                            break 'lengths;
                        }
                    }
                }
                match matched {
                    Some((q, e, rule)) => {
                        // One string for every mention of the same words.
                        let alias = match self.alias_of.get_key_value(phrase.as_str()) {
                            Some((shared, _)) => Rc::clone(shared),
                            None => Rc::from(phrase.as_str()),
                        };
                        self.assigned.push(Assigned {
                            start: words[p].0,
                            end: words[q - 1].1,
                            entity: e,
                            alias,
                            rules: c.rules.with(rule),
                        });
                        p = q;
                    }
                    None => p += 1,
                }
            }
        }
    }

    /// The rules that joined entity `e` to its root, after those of the mention.
    fn join_rules(&self, mut e: usize, mut rules: RuleSet) -> RuleSet {
        while self.parent[e] != e {
            if let Some(rule) = self.joined_by[e] {
                rules = rules.with(rule);
            }
            e = self.parent[e];
        }
        rules
    }
}

/// The text of every candidate, one shared string for equal texts.
fn shared_surfaces(text: &str, candidates: &[Candidate]) -> Vec<Rc<str>> {
    let mut seen: HashMap<Rc<str>, ()> = HashMap::default();
    candidates
        .iter()
        .map(|c| {
            let raw = text.get(c.start..c.end).unwrap_or("");
            let collapsed;
            let s = if raw.contains(char::is_whitespace) {
                collapsed = span_text(text, c.start, c.end);
                collapsed.as_str()
            } else {
                raw
            };
            match seen.get_key_value(s) {
                Some((shared, ())) => Rc::clone(shared),
                None => {
                    let shared: Rc<str> = Rc::from(s);
                    seen.insert(Rc::clone(&shared), ());
                    shared
                }
            }
        })
        .collect()
}

/// The title written before each candidate, lower-cased without its periods, and what the
/// lexicon knows of it (`General Field Marshal` is known by its last title); worked out once
/// for each way a title is written.
fn candidate_titles(
    text: &str,
    candidates: &[Candidate],
    lex: &Lexicon,
) -> Vec<Option<(Rc<str>, Title)>> {
    let mut seen: HashMap<&str, Option<(Rc<str>, Title)>> = HashMap::default();
    candidates
        .iter()
        .map(|c| {
            let written = text.get(c.titled_from? as usize..c.start)?;
            seen.entry(written)
                .or_insert_with(|| {
                    let written = written.trim().to_lowercase();
                    let mut words: Vec<&str> = written
                        .split_whitespace()
                        .map(|w| w.trim_end_matches('.'))
                        .collect();
                    // `Mr. van der Luyden`: the particles are the surname's, not the title's.
                    while words
                        .last()
                        .is_some_and(|w| lex.info(w).is(Classes::PARTICLE))
                    {
                        words.pop();
                    }
                    (0..words.len()).find_map(|k| {
                        let key = words[k..].join(" ");
                        lex.title(&key).map(|t| (Rc::from(key), t))
                    })
                })
                .clone()
        })
        .collect()
}

/// Builds the entities from the candidates of a whole article (in document order), given the
/// words it writes in lower case.
pub fn entities(
    text: &str,
    candidates: &[Candidate],
    gaz: &Gazetteer,
    lower: &LowerWords,
) -> Vec<Entity> {
    entities_traced(text, candidates, gaz, lower, Switches::ALL_ON).0
}

/// [`entities`] with only the rules `switches` lets apply, and each entity's trace.
pub fn entities_traced(
    text: &str,
    candidates: &[Candidate],
    gaz: &Gazetteer,
    lower: &LowerWords,
    switches: Switches,
) -> (Vec<Entity>, Vec<EntityTrace>) {
    let mut m = Merger {
        text,
        lower,
        gaz,
        lex: Lexicon::get(),
        switches,
        candidates,
        surfaces: shared_surfaces(text, candidates),
        titles: candidate_titles(text, candidates, Lexicon::get()),
        unmarried: HashSet::default(),
        addressed: HashMap::default(),
        done: vec![false; candidates.len()],
        drafts: Vec::new(),
        parent: Vec::new(),
        joined_by: Vec::new(),
        by_key: HashMap::default(),
        assigned: Vec::new(),
        extra_aliases: Vec::new(),
        attested: Attested::new(text, candidates),
        person_part: HashMap::default(),
        first_words: HashMap::default(),
        last_words: HashMap::default(),
        modifier_uses: Vec::new(),
        deferred: Vec::new(),
        pending_same_date: None,
        by_word: HashMap::default(),
        alias_of: HashMap::default(),
    };
    // Which names the text writes after which titles of address (`Miss Bennet`, `Mr. and
    // Mrs. Sowerberry`).
    for (i, c) in candidates.iter().enumerate() {
        let Some((key, title)) = m.titles[i].as_ref() else {
            continue;
        };
        if c.words.len() != 1 || title.class != TitleClass::Address {
            continue;
        }
        let word = m.surfaces[i].clone();
        if UNMARRIED.contains(&key.as_ref()) {
            m.unmarried.insert(word.clone());
        }
        let seen = m.addressed.entry(word).or_default();
        match title.gender {
            Some(Gender::Male) => seen.0 += 1,
            Some(Gender::Female) => seen.1 += 1,
            _ => {}
        }
    }
    for pass in PASSES {
        pass(&mut m);
    }
    finish(m)
}

fn finish(mut m: Merger<'_>) -> (Vec<Entity>, Vec<EntityTrace>) {
    let mut assigned = std::mem::take(&mut m.assigned);
    for a in &mut assigned {
        a.rules = m.join_rules(a.entity, a.rules);
        a.entity = m.root(a.entity);
    }
    assigned.sort_by_key(|a| (a.start, std::cmp::Reverse(a.end)));
    let mut slot: HashMap<usize, usize> = HashMap::default();
    let mut out: Vec<Entity> = Vec::new();
    let mut traces: Vec<HashMap<(Rc<str>, RuleSet), usize>> = Vec::new();
    let mut last_end = 0;
    let mut person_roots: Vec<bool> = vec![false; m.drafts.len()];
    for (e, d) in m.drafts.iter().enumerate() {
        if d.kind == EntityKind::Person {
            person_roots[m.root(e)] = true;
        }
    }
    for a in assigned {
        if a.start < last_end || a.start >= a.end {
            continue;
        }
        last_end = a.end;
        let index = *slot.entry(a.entity).or_insert_with(|| {
            let d = &m.drafts[a.entity];
            let kind = if person_roots[a.entity] {
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
            traces.push(HashMap::default());
            out.len() - 1
        });
        *traces[index].entry((a.alias.clone(), a.rules)).or_default() += 1;
        let entity = &mut out[index];
        entity.mentions.push(Mention {
            start: a.start,
            end: a.end,
        });
        if !entity.aliases.iter().any(|x| **x == *a.alias) {
            entity.aliases.push(a.alias.to_string());
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
    // A person known by title and surname alone is shown so (`Mr. Knightley`).
    for (&e, &index) in &slot {
        if let Some(display) = &m.drafts[e].display {
            let entity = &mut out[index];
            if entity.name.split(' ').count() < display.split(' ').count() {
                entity.name = display.clone();
                if !entity.aliases.contains(display) {
                    entity.aliases.push(display.clone());
                }
            }
        }
    }
    for (e, alias) in std::mem::take(&mut m.extra_aliases) {
        if let Some(&index) = slot.get(&m.root(e)) {
            if !out[index].aliases.contains(&alias) {
                out[index].aliases.push(alias);
            }
        }
    }
    let traces = traces
        .into_iter()
        .map(|counts| {
            let mut aliases: Vec<AliasTrace> = counts
                .into_iter()
                .map(|((alias, rules), mentions)| AliasTrace {
                    alias: alias.to_string(),
                    mentions,
                    rules: rules.iter().collect(),
                })
                .collect();
            aliases.sort_by(|a, b| {
                b.mentions
                    .cmp(&a.mentions)
                    .then(a.alias.cmp(&b.alias))
                    .then(a.rules.cmp(&b.rules))
            });
            EntityTrace { aliases }
        })
        .collect();
    (out, traces)
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
    fn a_people_is_no_bare_name_of_a_person() {
        let text = "Then German Tugendbund came in. The German said nothing, and a Frenchman \
                    watched. Frenchman Tikhon laughed; the Frenchman ran.";
        let es = entities(text);
        let groups = mentions(text, &es, EntityKind::Group);
        // `Frenchman Tikhon` is cut to the nationality (`nationality`).
        assert_eq!(
            groups,
            ["German", "Frenchman", "Frenchman", "Frenchman"],
            "{es:?}"
        );
        assert!(es
            .iter()
            .all(|e| !e.aliases.iter().any(|a| a == "German") || e.kind == EntityKind::Group));
    }

    #[test]
    fn each_entity_records_the_rules_that_built_it() {
        use crate::analysis::entities::rules::RuleId;
        let article = parse_plain(
            "Donald Trump met reporters. Later President Trump spoke, and Trump left.".into(),
        );
        let (es, traces) = super::super::recognize_traced(&article, &|_| {});
        let trump = es
            .iter()
            .position(|e| e.name == "Donald Trump")
            .expect("Trump");
        let rows: Vec<(&str, usize, Vec<&str>)> = traces[trump]
            .aliases
            .iter()
            .map(|a| {
                let rules = a.rules.iter().map(|r| r.name()).collect();
                (a.alias.as_str(), a.mentions, rules)
            })
            .collect();
        assert_eq!(
            rows,
            [
                ("Donald Trump", 1, vec!["given_name", "full_name"]),
                (
                    "Trump",
                    1,
                    vec!["leading_common_word", "title", "bare_name"]
                ),
                ("Trump", 1, vec!["unknown", "bare_name"]),
            ]
        );
        assert_eq!(
            traces[trump].rules(),
            [
                RuleId::LeadingCommonWord,
                RuleId::Title,
                RuleId::GivenName,
                RuleId::Unknown,
                RuleId::FullName,
                RuleId::BareName
            ]
        );
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
    fn a_given_name_far_more_often_alone_than_after_a_place_cue_is_a_person() {
        let mut text = String::from("He had a letter for you from Jake. ");
        for _ in 0..12 {
            text.push_str("Later Jake was tired. ");
        }
        let es = entities(&text);
        let jakes: Vec<&Entity> = es.iter().filter(|e| e.name == "Jake").collect();
        assert_eq!(jakes.len(), 1, "{es:#?}");
        assert_eq!(jakes[0].kind, EntityKind::Person, "{es:#?}");
        assert_eq!(jakes[0].mentions.len(), 13, "{es:#?}");
        // A few uses and a cue: the place the article names (`given_name_but_place`).
        let text = "Protests went on in Charlotte. Later Charlotte was calm. Charlotte slept.";
        let es = entities(text);
        let charlotte = es
            .iter()
            .find(|e| e.name == "Charlotte")
            .expect("Charlotte");
        assert_eq!(charlotte.kind, EntityKind::Place, "{es:#?}");
    }

    #[test]
    fn a_surname_alone_is_not_a_woman_named_only_by_her_title() {
        let text = "Mr. Newland Archer came home late. Mrs. Archer and Miss Welland waited. \
                    Archer sat down by the fire.";
        let es = entities(text);
        let newland = es
            .iter()
            .find(|e| e.name == "Newland Archer")
            .expect("Newland");
        assert_eq!(newland.mentions.len(), 2, "{es:#?}");
        let mother = es
            .iter()
            .find(|e| e.name == "Mrs. Archer")
            .expect("Mrs. Archer");
        assert_eq!(mother.mentions.len(), 1, "{es:#?}");
        // With no one else of that name, the name alone is hers.
        let text = "Mrs. Archer waited by the door. Archer sighed.";
        let es = entities(text);
        let mother = es
            .iter()
            .find(|e| e.name == "Mrs. Archer")
            .expect("Mrs. Archer");
        assert_eq!(mother.mentions.len(), 2, "{es:#?}");
    }

    #[test]
    fn a_name_after_mr_and_after_mrs_is_a_family_of_two() {
        let text = "Mr. Sowerberry came home. Mrs. Sowerberry frowned. Mr. Sowerberry sat. \
                    Mr. Dolokhov laughed.";
        let es = entities(text);
        let he = es.iter().find(|e| e.name == "Mr. Sowerberry").expect("Mr.");
        let she = es
            .iter()
            .find(|e| e.name == "Mrs. Sowerberry")
            .expect("Mrs.");
        assert_eq!((he.mentions.len(), she.mentions.len()), (2, 1), "{es:#?}");
    }

    #[test]
    fn mrs_is_not_a_daughter_when_the_family_has_a_miss() {
        let text = "Jane Bennet smiled. Miss Bennet was kind. Mrs. Bennet talked on. \
                    Hillary Clinton spoke. Mrs. Clinton left.";
        let es = entities(text);
        let mother = es
            .iter()
            .find(|e| e.name == "Mrs. Bennet")
            .expect("Mrs. Bennet");
        assert_eq!(mother.mentions.len(), 1, "{es:#?}");
        let jane = es.iter().find(|e| e.name == "Jane Bennet").expect("Jane");
        assert!(!jane.aliases.iter().any(|a| a == "Mrs. Bennet"), "{es:#?}");
        // With no `Miss Clinton`, `Mrs. Clinton` is the woman of that full name.
        let hillary = es
            .iter()
            .find(|e| e.name == "Hillary Clinton")
            .expect("Hillary");
        assert_eq!(hillary.mentions.len(), 2, "{es:#?}");
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
