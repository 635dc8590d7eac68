//! What the attribution knows of the people of a document: every mention by position, each
//! person's gender and titles as the text tells them, who has been introduced like a source, and
//! how a pronoun, `the <title>` or a bare name finds the person it stands for.

use std::cell::Cell;
use std::cmp::Reverse;

use super::lexicon::{Gender, Lexicon, Map};
use super::marks::Span;
use super::rules::RuleId;
use crate::analysis::{Entity, EntityKind};

/// One mention of an entity: its byte range and the entity's index.
#[derive(Debug, Clone, Copy)]
pub(super) struct MentionRef {
    pub start: usize,
    pub end: usize,
    pub entity: usize,
    /// It stands inside a top-level quotation.
    pub quoted: bool,
    /// It stands as a subject ([`Context::is_subject`], or after `according to`).
    pub subject: bool,
}

/// A pronoun of the narration tied to a person: where it starts, whom it stands for, and whether
/// it stands as a subject (`he`, `she`; not `him`, `her`, `his`).
#[derive(Debug, Clone, Copy)]
struct Chained {
    start: usize,
    entity: usize,
    subject: bool,
}

/// What stands as the subject of a reporting word, and where its words are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Subject {
    pub kind: SubjectKind,
    /// The byte range of the words naming the speaker (`Smith`, `he`, `the mayor`).
    pub start: usize,
    pub end: usize,
}

/// How the words of a subject name their speaker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum SubjectKind {
    /// A mention of an entity.
    Entity(usize),
    /// A name the entity list knows, though not marked here (`Kowalski` for `Dave Kowalski`).
    Named(usize),
    /// `he` or `she`: the last person before it who fits.
    Pronoun(Gender),
    /// `the prince`: the last person introduced with that title.
    Title(String),
    /// `the agency`: the last organisation mentioned before.
    Organisation,
    /// An unnamed speaker (`a senior official`).
    Text,
    /// `I` outside a quotation: the narrator.
    Narrator,
    /// A subject that names nobody we can point to (`they`, `we`).
    Nobody,
}

impl Subject {
    pub fn new(kind: SubjectKind, start: usize, end: usize) -> Subject {
        Subject { kind, start, end }
    }

    /// Whether the subject points at someone in particular (a name, a pronoun, a title).
    pub fn is_definite(&self) -> bool {
        matches!(
            self.kind,
            SubjectKind::Entity(_)
                | SubjectKind::Named(_)
                | SubjectKind::Pronoun(_)
                | SubjectKind::Title(_)
                | SubjectKind::Narrator
        )
    }
}

/// A subject resolved: the entity or the words that name the speaker, the rule that linked them,
/// and the people considered.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Resolved {
    pub speaker: Option<usize>,
    pub speaker_text: Option<String>,
    /// The narrator speaks (who that is is settled over the whole document).
    pub narrator: bool,
    pub link: Option<RuleId>,
    pub candidates: Vec<usize>,
}

/// Possessive words: a noun after one names someone other than the person described.
pub(super) const POSSESSIVES: [&str; 7] = ["whose", "his", "her", "their", "its", "my", "our"];

/// How far back a pronoun looks for the person it stands for, in mentions.
const PRONOUN_REACH: usize = 120;
/// How many mentions of people (names and the pronouns of the narration) a pronoun weighs,
/// nearest first, and how many people at most.
const SALIENCE_REACH: usize = 16;
const PRONOUN_PEOPLE: usize = 6;
/// What one mention adds to its person's salience: as a subject, otherwise (`saw Diana`,
/// `her hand`); what is left of it for each mention nearer the pronoun and for each paragraph
/// break between (in percent); the factor for a person known to have the pronoun's gender; and
/// what a source named in the same paragraph adds.
const SUBJECT: f64 = 100.0;
const OTHER: f64 = 30.0;
const MENTION_DECAY: f64 = 0.8;
const PARAGRAPH_DECAY: f64 = 0.7;
const KNOWN_GENDER: f64 = 2.0;
const SOURCE: f64 = 10_000.0;
/// Words after which a name opens a clause (and is its subject).
const SUBJECT_OPENERS: [&str; 22] = [
    "and", "but", "then", "when", "while", "whilst", "as", "so", "that", "who", "where", "because",
    "if", "though", "although", "after", "before", "till", "until", "since", "nor", "yet",
];
/// How far back `the <title>` looks, in mentions.
const TITLE_REACH: usize = 400;
/// How many mentions of any kind a look-back passes over: keeps it linear however many
/// mentions an article has.
const MENTION_REACH: usize = 2000;

/// The entities and their mentions as the attribution needs them.
pub(super) struct Context<'a> {
    pub text: &'a str,
    pub lex: &'static Lexicon,
    pub entities: &'a [Entity],
    /// Every mention of every entity, by start.
    pub mentions: Vec<MentionRef>,
    pub top: &'a [Span],
    pub gender: Vec<Gender>,
    /// Entities of another kind named with an honorific (`Dr. Helen Park` taken for a place):
    /// read as people.
    pub titled: Vec<bool>,
    /// Titles seen right before an entity's mentions (`prince`, `senator`).
    pub titles: Vec<Vec<String>>,
    /// People introduced like a source (`Jane Doe, a nurse,`, a title) or already quoted: a
    /// pronoun prefers them to a person only talked about.
    pub source: Vec<Cell<bool>>,
    pub paragraphs: &'a [(usize, usize)],
    /// The pronouns of the narration (`he`, `her`), each tied to the person it stands for as
    /// they come, by start.
    chain: Vec<Chained>,
    /// The names of the entities, to look names up without going over every entity: each name
    /// or alias as written, each one's last word, and both in lower case.
    names: Names,
}

/// The entities by their names (see [`Context::entity_named`], [`Context::entity_called`]).
#[derive(Debug, Default)]
struct Names {
    /// A person's or organisation's name or alias as written.
    exact: Map<Vec<usize>>,
    /// The last word of a person's name or alias as written.
    last_word: Map<Vec<usize>>,
    /// A person's or organisation's name, alias or their last word, in lower case.
    folded: Map<Vec<usize>>,
}

impl Names {
    fn add(map: &mut Map<Vec<usize>>, key: &str, e: usize) {
        let list = map.entry(key.to_string()).or_default();
        if !list.contains(&e) {
            list.push(e);
        }
    }

    /// The one entity under `key`, if exactly one is.
    fn only(map: &Map<Vec<usize>>, key: &str) -> Option<usize> {
        match map.get(key).map(Vec::as_slice) {
            Some([e]) => Some(*e),
            _ => None,
        }
    }
}

/// The head noun of a short definite or indefinite description (`the beadle`, `the old Jew`,
/// `a nurse`), lower case; `None` for anything longer or not shaped so.
fn apposed_noun(clause: &str) -> Option<String> {
    let words: Vec<&str> = clause.split_whitespace().collect();
    if !(2..=3).contains(&words.len()) || !matches!(words[0], "the" | "a" | "an") {
        return None;
    }
    let head = words[words.len() - 1];
    let middle_lower = words[1..words.len() - 1]
        .iter()
        .all(|w| w.chars().all(|c| c.is_lowercase()));
    (middle_lower && head.chars().all(char::is_alphabetic)).then(|| head.to_lowercase())
}

/// The length of the character at byte `i` of `s` (1 when `i` is not a character's start).
fn c_len(s: &str, i: usize) -> usize {
    s.get(i..)
        .and_then(|r| r.chars().next())
        .map_or(1, char::len_utf8)
}

/// Words of `text[from..to]` with their byte offsets.
fn words_in(text: &str, from: usize, to: usize) -> impl Iterator<Item = (usize, &str)> {
    let slice = text.get(from..to).unwrap_or("");
    slice
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .map(move |w| (from + (w.as_ptr() as usize - slice.as_ptr() as usize), w))
}

impl<'a> Context<'a> {
    pub fn new(
        text: &'a str,
        paragraphs: &'a [(usize, usize)],
        top: &'a [Span],
        entities: &'a [Entity],
        lex: &'static Lexicon,
    ) -> Context<'a> {
        let mut mentions: Vec<MentionRef> = entities
            .iter()
            .enumerate()
            .flat_map(|(i, e)| {
                e.mentions.iter().map(move |m| MentionRef {
                    start: m.start,
                    end: m.end,
                    entity: i,
                    quoted: false,
                    subject: false,
                })
            })
            .filter(|m| m.start < m.end && text.get(m.start..m.end).is_some())
            .collect();
        mentions.sort_by_key(|m| (m.start, Reverse(m.end)));
        // One pass over both sorted lists marks the mentions inside quotations.
        let mut q = 0;
        for m in &mut mentions {
            while top.get(q).is_some_and(|s| s.close <= m.start) {
                q += 1;
            }
            m.quoted = top.get(q).is_some_and(|s| s.open <= m.start);
        }
        let mut ctx = Context {
            text,
            lex,
            entities,
            mentions,
            top,
            gender: vec![Gender::Unknown; entities.len()],
            titled: vec![false; entities.len()],
            titles: vec![Vec::new(); entities.len()],
            source: (0..entities.len()).map(|_| Cell::new(false)).collect(),
            paragraphs,
            chain: Vec::new(),
            names: Names::default(),
        };
        ctx.learn_titled();
        let subjects: Vec<bool> = ctx
            .mentions
            .iter()
            .map(|m| ctx.is_subject(m) || ctx.after_according_to(m))
            .collect();
        for (m, subject) in ctx.mentions.iter_mut().zip(subjects) {
            m.subject = subject;
        }
        ctx.learn_people();
        ctx.learn_chain();
        ctx.index_names();
        ctx
    }

    /// Fills [`Context::names`].
    fn index_names(&mut self) {
        let mut names = Names::default();
        for (e, entity) in self.entities.iter().enumerate() {
            let raw_speaks = matches!(entity.kind, EntityKind::Person | EntityKind::Org);
            let speaks = matches!(self.kind(e), Some(EntityKind::Person | EntityKind::Org));
            for name in std::iter::once(&entity.name).chain(&entity.aliases) {
                let last = name.split_whitespace().last().unwrap_or("");
                if raw_speaks {
                    Names::add(&mut names.exact, name, e);
                }
                if entity.kind == EntityKind::Person {
                    Names::add(&mut names.last_word, last, e);
                }
                if speaks {
                    Names::add(&mut names.folded, &name.to_lowercase(), e);
                    Names::add(&mut names.folded, &last.to_lowercase(), e);
                }
            }
        }
        self.names = names;
    }

    pub fn kind(&self, entity: usize) -> Option<EntityKind> {
        if self.titled.get(entity).copied().unwrap_or(false) {
            return Some(EntityKind::Person);
        }
        self.entities.get(entity).map(|e| e.kind)
    }

    /// Marks the entities not taken for people that have a mention led by an honorific (`Dr.`,
    /// `Mrs`), in the mention or right before it.
    fn learn_titled(&mut self) {
        for m in &self.mentions {
            if self
                .entities
                .get(m.entity)
                .is_none_or(|e| e.kind == EntityKind::Person)
            {
                continue;
            }
            let before = self.text.get(..m.start).unwrap_or("");
            let before = before.trim_end_matches([' ', '.']);
            let previous = super::word_ending(before);
            let mention_text = self.text.get(m.start..m.end).unwrap_or("");
            let leading = mention_text.split_whitespace().next().unwrap_or("");
            // The leading word counts only when a name follows it.
            let leads = mention_text.split_whitespace().nth(1).is_some();
            let honorific = |w: &str| {
                self.lex
                    .is_honorific(&w.trim_end_matches('.').to_lowercase())
            };
            if honorific(previous) || (leads && honorific(leading)) {
                if let Some(t) = self.titled.get_mut(m.entity) {
                    *t = true;
                }
            }
        }
    }

    pub fn is_person(&self, entity: usize) -> bool {
        self.kind(entity) == Some(EntityKind::Person)
    }

    /// Whether `pos` lies inside a top-level quotation (marks included).
    pub fn in_quote(&self, pos: usize) -> bool {
        let i = self.top.partition_point(|s| s.open <= pos);
        i > 0 && self.top.get(i - 1).is_some_and(|s| pos < s.close)
    }

    /// Gender and titles of each person, from the words around their mentions: a title before a
    /// mention (`Mrs`, `Prince`), a descriptor after it (`, a spokeswoman`), and the first `he` or
    /// `she` after it before another person is named.
    fn learn_people(&mut self) {
        let mut votes = vec![(0u32, 0u32); self.entities.len()];
        let persons: Vec<MentionRef> = self
            .mentions
            .iter()
            .filter(|m| self.is_person(m.entity))
            .copied()
            .collect();
        let vote = |votes: &mut Vec<(u32, u32)>, e: usize, g: Gender, weight: u32| {
            if let Some(v) = votes.get_mut(e) {
                match g {
                    Gender::Male => v.0 += weight,
                    Gender::Female => v.1 += weight,
                    Gender::Unknown => {}
                }
            }
        };
        for (k, m) in persons.iter().enumerate() {
            if m.quoted {
                continue;
            }
            // A description in apposition before the name: `the beadle, Mr. Bumble`.
            if let Some(noun) = self.apposed_before(m.start) {
                self.add_title(m.entity, noun);
            }
            // A title before the mention, or leading it.
            let before = self.text.get(..m.start).unwrap_or("");
            let spaced = before.trim_end_matches([' ', '\n']);
            let dotted = spaced.ends_with('.');
            let before = spaced.trim_end_matches('.');
            let title_len: usize = before
                .chars()
                .rev()
                .take_while(|c| c.is_alphabetic() || *c == '-')
                .map(char::len_utf8)
                .sum();
            let mut previous = before.get(before.len() - title_len..).unwrap_or("");
            // A period after the word must be an abbreviation's (`Mr.`), not a sentence's end
            // (`said the old lady. Oliver…`).
            if dotted && !self.lex.is_abbreviation(&previous.to_lowercase()) {
                previous = "";
            }
            let mention_text = self.text.get(m.start..m.end).unwrap_or("");
            let leading = mention_text.split_whitespace().next().unwrap_or("");
            for word in [previous, leading] {
                let word = word.trim_end_matches('.').to_lowercase();
                if let Some(g) = self.lex.title(&word) {
                    self.mark_source(m.entity);
                    vote(&mut votes, m.entity, g, 3);
                    if let Some(t) = self.titles.get_mut(m.entity) {
                        if !t.contains(&word) {
                            t.push(word);
                        }
                    }
                }
            }
            // A descriptor set beside the name: `Jane Doe, a spokeswoman, said`.
            let after = self.text.get(m.end..).unwrap_or("");
            if let Some(rest) = after.strip_prefix(", ") {
                let clause = rest.split([',', '.', ';']).next().unwrap_or("");
                let mut clause_words = clause.split_whitespace();
                let first = clause_words.next().unwrap_or("");
                let second = clause_words.next().unwrap_or("");
                let lower_first = first.to_lowercase();
                // `, a nurse`, `, 58`, and a role with no article: `, president of the union`,
                // `, chief executive`.
                let described = matches!(first, "a" | "an" | "the" | "who" | "whose")
                    || first.chars().all(|c| c.is_ascii_digit()) && !first.is_empty()
                    || self.lex.title(&lower_first).is_some()
                    || self.lex.gendered_noun(&lower_first).is_some()
                    || (second == "of" && first.chars().next().is_some_and(char::is_lowercase));
                if described {
                    self.mark_source(m.entity);
                }
                // A title in the descriptor names the person by it later (`Mary Lee, the
                // city’s mayor,` … `the mayor said`); the search stops at a preposition, so
                // `a spokeswoman for the mayor` gives none.
                // The descriptor opens with an article or the title itself: in `Oliver, said
                // the old lady` the words after the comma are no descriptor.
                let opens = matches!(lower_first.as_str(), "a" | "an" | "the")
                    || self.lex.title(&lower_first).is_some();
                for w in clause.split_whitespace().take(if opens { 5 } else { 0 }) {
                    let w = w.to_lowercase();
                    if self.lex.is_clause_stop(&w)
                        || POSSESSIVES.contains(&w.as_str())
                        || self
                            .lex
                            .cues_starting(&w)
                            .iter()
                            .any(|f| f.words.len() == 1)
                    {
                        break;
                    }
                    if self.lex.title(&w).is_some() {
                        if let Some(t) = self.titles.get_mut(m.entity) {
                            if !t.contains(&w) {
                                t.push(w);
                            }
                        }
                        break;
                    }
                }
                // A short description in apposition names the person by it later (`Mr.
                // Bumble, the beadle,` … `said the beadle`; `Fagin, the Jew`).
                // Only a name standing as a subject: in `After meeting Jones, the official,
                // …, said` the official is someone else.
                if let Some(noun) = apposed_noun(clause).filter(|_| self.is_subject(m)) {
                    self.add_title(m.entity, noun);
                }
                for w in clause.split_whitespace().take(8) {
                    let w = w.to_lowercase();
                    // `, whose husband`, `, her son`: the noun is someone else.
                    if POSSESSIVES.contains(&w.as_str()) {
                        break;
                    }
                    if let Some(g) = self.lex.gendered_noun(&w) {
                        vote(&mut votes, m.entity, g, 2);
                        break;
                    }
                }
            }
            // The first gendered pronoun before the next person is named, when this mention
            // is the first person of its sentence (its likely subject): `Smith met Jones. She…`
            // says nothing of Jones.
            let subject = k == 0
                || persons.get(k - 1).is_none_or(|p| {
                    let between = self.text.get(p.end..m.start).unwrap_or("");
                    between.contains(". ")
                        || between.contains("? ")
                        || between.contains("! ")
                        || between.contains('\n')
                });
            if !subject {
                continue;
            }
            let limit = persons
                .get(k + 1)
                .map_or(self.text.len(), |n| n.start)
                .min(m.end + 300)
                .max(m.end);
            let limit = (limit..=self.text.len())
                .find(|&i| self.text.is_char_boundary(i))
                .unwrap_or(self.text.len());
            // An object pronoun mostly stands for someone else than the sentence's subject
            // (`Gloria Evans said the nurses who cared for him`, `Gilbert tried to stop her.`),
            // and so do the pronouns of its gender after it; a possessive `her` mostly for the
            // subject (`Ruth laid her hand`).
            let mut other: Option<Gender> = None;
            for (pos, w) in words_in(self.text, m.end, limit) {
                if w.len() > 7 || !w.is_ascii() {
                    continue;
                }
                let mut buf = [0u8; 8];
                let lower = &mut buf[..w.len()];
                lower.copy_from_slice(w.as_bytes());
                lower.make_ascii_lowercase();
                let lower = std::str::from_utf8(lower).unwrap_or("");
                if let Some(g) = self.lex.pronoun(lower) {
                    if self.in_quote(pos) || other == Some(g) {
                        continue;
                    }
                    if lower == "him" || (lower == "her" && self.object_her(pos + w.len())) {
                        other = Some(g);
                        continue;
                    }
                    vote(&mut votes, m.entity, g, 1);
                    break;
                }
            }
        }
        // The given name, a weak sign the text's own words outweigh (`Mr. Darcy` is a man).
        for (e, entity) in self.entities.iter().enumerate() {
            if !self.is_person(e) {
                continue;
            }
            let given = std::iter::once(&entity.name)
                .chain(&entity.aliases)
                .filter_map(|n| {
                    let first = n.split_whitespace().next()?;
                    let more = n.split_whitespace().nth(1).is_some();
                    let lower = first.trim_end_matches('.').to_lowercase();
                    // A lone word may be a surname (`Darcy`): only a name with more words
                    // after its first says which word is given.
                    (more && self.lex.title(&lower).is_none()).then_some(lower)
                })
                .find_map(|w| self.lex.given_name_gender(&w));
            if let Some(g) = given {
                vote(&mut votes, e, g, 2);
            }
        }
        for (g, (male, female)) in self.gender.iter_mut().zip(votes) {
            *g = match male.cmp(&female) {
                std::cmp::Ordering::Greater => Gender::Male,
                std::cmp::Ordering::Less => Gender::Female,
                std::cmp::Ordering::Equal => Gender::Unknown,
            };
        }
    }

    /// Ties every `he`, `she`, `him`, `her` and `his` of the narration to the person it stands
    /// for, in order, each weighed like a pronoun naming a speaker with the pronouns before it
    /// counting as mentions: a pronoun mostly goes on naming whom the one before named.
    fn learn_chain(&mut self) {
        let paragraphs = self.paragraphs;
        let bytes = self.text.as_bytes();
        let word_char = |c: char| c.is_alphanumeric() || c == '-';
        for &(from, to) in paragraphs {
            let mut i = from;
            // Over the bytes: the five words all start with `h` or `s`, and a look at the
            // letters either side of those is far cheaper than cutting the text into words.
            while i < to {
                // The next `h` or `s`, either case, by a loop the compiler vectorises.
                let Some(at) = bytes
                    .get(i..to)
                    .and_then(|rest| rest.iter().position(|&b| matches!(b | 0x20, b'h' | b's')))
                else {
                    break;
                };
                i += at;
                // The letter before: a byte in ASCII, else the whole character.
                let inside_word = match i.checked_sub(1).and_then(|p| bytes.get(p)) {
                    Some(&p) if p.is_ascii() => p.is_ascii_alphanumeric() || p == b'-',
                    Some(_) => self
                        .text
                        .get(..i)
                        .and_then(|t| t.chars().next_back())
                        .is_some_and(word_char),
                    None => false,
                };
                if inside_word {
                    i += 1;
                    continue;
                }
                let len = bytes
                    .get(i..to)
                    .unwrap_or(&[])
                    .iter()
                    .take(4)
                    .take_while(|b| b.is_ascii_alphabetic())
                    .count();
                let pos = i;
                i += len.max(1);
                let whole = self
                    .text
                    .get(pos + len..)
                    .and_then(|t| t.chars().next())
                    .is_none_or(|c| !word_char(c));
                if !(2..=3).contains(&len) || !whole {
                    continue;
                }
                let mut buf = [0u8; 3];
                let lower = &mut buf[..len];
                lower.copy_from_slice(bytes.get(pos..pos + len).unwrap_or(&[0; 3][..len]));
                lower.make_ascii_lowercase();
                let subject = match &*lower {
                    b"he" | b"she" => true,
                    b"him" | b"her" | b"his" => false,
                    _ => continue,
                };
                let lower = std::str::from_utf8(lower).unwrap_or("");
                let Some(g @ (Gender::Male | Gender::Female)) = self.lex.pronoun(lower) else {
                    continue;
                };
                if self.in_quote(pos) {
                    continue;
                }
                if let Some(&entity) = self.pronoun_candidates(g, pos).first() {
                    self.chain.push(Chained {
                        start: pos,
                        entity,
                        subject,
                    });
                }
            }
        }
    }

    /// Whether the `her` ending at `end` is an object, not a possessive: no noun follows it, but
    /// punctuation, the end of the text, or a word that never opens a noun phrase (`stopped her
    /// at the door`, `told her that`, `saw her again`).
    fn object_her(&self, end: usize) -> bool {
        let after = self.text.get(end..).unwrap_or("");
        let rest = after.trim_start();
        if !rest.starts_with(char::is_alphabetic) {
            return true;
        }
        let word: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphabetic())
            .take(8)
            .map(|c| c.to_ascii_lowercase())
            .collect();
        self.lex.is_object_follower(&word)
    }

    /// Records that entity `e` is called `the <noun>` (a title or a description).
    fn add_title(&mut self, e: usize, noun: String) {
        if let Some(t) = self.titles.get_mut(e) {
            if !t.contains(&noun) {
                t.push(noun);
            }
        }
    }

    /// The noun of `the <noun>, ` right before a name at `start` (a title word may stand between:
    /// `the beadle, Mr. Bumble`).
    fn apposed_before(&self, start: usize) -> Option<String> {
        let mut before = self.text.get(..start)?.trim_end();
        let cut = before.trim_end_matches('.');
        let word = super::word_ending(cut);
        if !word.is_empty() && self.lex.title(&word.to_lowercase()).is_some() {
            before = cut[..cut.len() - word.len()].trim_end();
        }
        let before = before.strip_suffix(',')?;
        // The clause before the comma, back to the previous punctuation.
        let clause_start = before
            .rfind([',', '.', ';', ':', '!', '?', '"', '“', '”'])
            .map_or(0, |i| i + c_len(before, i));
        apposed_noun(before.get(clause_start..)?.trim())
    }

    pub fn mark_source(&self, entity: usize) {
        if let Some(c) = self.source.get(entity) {
            c.set(true);
        }
    }

    pub fn is_source(&self, entity: usize) -> bool {
        self.source.get(entity).is_some_and(Cell::get)
    }

    /// The index of the paragraph holding `pos`.
    pub fn paragraph_of(&self, pos: usize) -> usize {
        self.paragraphs.partition_point(|p| p.0 <= pos)
    }

    /// The people mentioned before `at`, nearest first, leaving out mentions inside quotations.
    pub fn people_before(&self, at: usize) -> impl Iterator<Item = MentionRef> + '_ {
        let end = self.mentions.partition_point(|m| m.start < at);
        self.mentions
            .get(..end)
            .unwrap_or(&[])
            .iter()
            .rev()
            .take(MENTION_REACH)
            .filter(move |m| !m.quoted && self.is_person(m.entity))
            .copied()
    }

    /// Whether entity `e` can be called by a pronoun of gender `g`.
    pub fn fits(&self, e: usize, g: Gender) -> bool {
        let eg = self.gender.get(e).copied().unwrap_or(Gender::Unknown);
        self.is_person(e) && (g == Gender::Unknown || eg == Gender::Unknown || eg == g)
    }

    /// The people a pronoun of gender `g` at `at` may stand for, the chosen one first: the most
    /// salient person who fits. The mentions of people before it (names, and the pronouns of the
    /// narration already tied to someone: a pronoun mostly goes on naming whom the one before
    /// named) each add to their person's salience, nearest first: a subject of a sentence or
    /// clause more than a person only acted on (`she saw Diana`) or owning something (`her
    /// face`), each less the farther back it stands and the more paragraphs lie between. A
    /// person known to be of the pronoun's gender counts double, and a source named in the same
    /// paragraph (introduced like one, or quoted already) beats a person only talked about (`For
    /// Kevin Allton, a USI instructor, Warhol was a legend. He said, “…”`).
    fn pronoun_candidates(&self, g: Gender, at: usize) -> Vec<usize> {
        let paragraph = self.paragraph_of(at);
        let named = self.people_before(at).take(PRONOUN_REACH);
        let chained = self.chain[..self.chain.partition_point(|c| c.start < at)]
            .iter()
            .rev();
        let mut named = named.peekable();
        let mut chained = chained.peekable();
        // Both lists, nearest first.
        let pronoun = |c: &Chained| MentionRef {
            start: c.start,
            end: c.start,
            entity: c.entity,
            quoted: false,
            subject: c.subject,
        };
        let merged = std::iter::from_fn(|| match (named.peek(), chained.peek()) {
            (Some(m), Some(c)) if c.start > m.start => chained.next().map(pronoun),
            (Some(_), _) => named.next(),
            (None, _) => chained.next().map(pronoun),
        });
        let mut weighed: Vec<(usize, f64)> = Vec::new();
        let mut weight = 1.0;
        // The paragraph of each mention, walked back from the pronoun's (the mentions come
        // nearest first).
        let mut p = paragraph;
        for m in merged.take(SALIENCE_REACH) {
            let w = weight;
            weight *= MENTION_DECAY;
            while p > 0 && self.paragraphs.get(p - 1).is_some_and(|q| q.0 > m.start) {
                p -= 1;
            }
            if !self.fits(m.entity, g) {
                continue;
            }
            let k = match weighed.iter().position(|(e, _)| *e == m.entity) {
                Some(k) => k,
                None if weighed.len() < PRONOUN_PEOPLE => {
                    weighed.push((m.entity, 0.0));
                    weighed.len() - 1
                }
                None => continue,
            };
            let breaks = paragraph - p;
            let mut add = if m.subject { SUBJECT } else { OTHER }
                * w
                * PARAGRAPH_DECAY.powi(i32::try_from(breaks).unwrap_or(i32::MAX));
            if breaks == 0 && self.is_source(m.entity) {
                add += SOURCE;
            }
            weighed[k].1 += add;
        }
        for (e, w) in &mut weighed {
            if g != Gender::Unknown && self.gender.get(*e) == Some(&g) {
                *w *= KNOWN_GENDER;
            }
        }
        // Stable: on a tie the nearer stays first.
        weighed.sort_by(|a, b| b.1.total_cmp(&a.1));
        weighed.into_iter().map(|(e, _)| e).collect()
    }

    /// Whether mention `m` names a source after `according to` (`According to Ham, …`).
    fn after_according_to(&self, m: &MentionRef) -> bool {
        let before = self.text.get(..m.start).unwrap_or("").trim_end().as_bytes();
        // Read for every mention: compared in place, without a lower-case copy.
        before
            .len()
            .checked_sub(12)
            .and_then(|k| before.get(k..))
            .is_some_and(|tail| tail.eq_ignore_ascii_case(b"according to"))
    }

    /// Whether mention `m` stands as a subject: it opens a sentence or a clause (after a
    /// conjunction or a comma), or follows its reporting verb (`said Elizabeth`); not a
    /// possessive (`Diana’s`), not after a verb or preposition (`saw Diana`, `to Jane`).
    fn is_subject(&self, m: &MentionRef) -> bool {
        let after = self.text.get(m.end..).unwrap_or("");
        if after.starts_with("'s") || after.starts_with("\u{2019}s") {
            return false;
        }
        // The paragraph's first words.
        let paragraph_start = self
            .paragraph_of(m.start)
            .checked_sub(1)
            .and_then(|p| self.paragraphs.get(p))
            .map_or(0, |p| p.0);
        let mut before = self
            .text
            .get(paragraph_start.min(m.start)..m.start)
            .unwrap_or("")
            .trim_end();
        // Back over titles (`Mr.`, `Lady`), which the mention leaves out.
        for _ in 0..3 {
            let cut = before.trim_end_matches('.');
            let word = super::word_ending(cut);
            if word.is_empty() || self.lex.title(&word.to_lowercase()).is_none() {
                break;
            }
            before = cut[..cut.len() - word.len()].trim_end();
        }
        let Some(last) = before.chars().next_back() else {
            return true;
        };
        if !last.is_alphanumeric() {
            return !matches!(last, '\'' | '-');
        }
        let word = super::word_ending(before).to_lowercase();
        SUBJECT_OPENERS.contains(&word.as_str())
            || self
                .lex
                .cues_starting(&word)
                .iter()
                .any(|f| f.words.len() == 1)
    }

    /// The last person introduced with `title` (or described so) before `at`.
    pub fn resolve_title(&self, title: &str, at: usize) -> Option<usize> {
        self.people_before(at)
            .take(TITLE_REACH)
            .map(|m| m.entity)
            .find(|&e| {
                self.titles
                    .get(e)
                    .is_some_and(|t| t.iter().any(|x| x == title))
            })
    }

    /// The one person or organisation called `name` (a full name or alias), or, for a single
    /// word, the one person whose name ends with it. `None` when unknown or ambiguous: a name is
    /// never guessed.
    pub fn entity_named(&self, name: &str) -> Option<usize> {
        if name.is_empty() {
            return None;
        }
        let exact = Names::only(&self.names.exact, name);
        if exact.is_some() || name.contains(char::is_whitespace) {
            return exact;
        }
        Names::only(&self.names.last_word, name)
    }

    /// The one person or organisation called `words`, whatever their case (`PENCE` for Mike
    /// Pence): a name or alias, or a name's last word.
    pub fn entity_called(&self, words: &str) -> Option<usize> {
        let folded = words.trim_end_matches('.').to_lowercase();
        if folded.is_empty() {
            return None;
        }
        Names::only(&self.names.folded, &folded)
    }

    /// The last organisation mentioned before `at`, outside quotations.
    pub fn last_organisation(&self, at: usize) -> Option<usize> {
        let end = self.mentions.partition_point(|m| m.start < at);
        self.mentions
            .get(..end)
            .unwrap_or(&[])
            .iter()
            .rev()
            .take(MENTION_REACH)
            .filter(|m| !m.quoted)
            .find(|m| self.kind(m.entity) == Some(EntityKind::Org))
            .map(|m| m.entity)
    }

    /// The people named inside quotation `span`: those addressed by name (`“Yes, Emma, …”`,
    /// `“…, Mr. Knightley.”`), and all of them.
    pub fn people_inside(&self, span: &Span) -> (Vec<usize>, Vec<usize>) {
        let from = self.mentions.partition_point(|m| m.start < span.start);
        let mut vocatives = Vec::new();
        let mut named = Vec::new();
        for m in self
            .mentions
            .get(from..)
            .unwrap_or(&[])
            .iter()
            .take_while(|m| m.start < span.end)
            .take(64)
        {
            if m.end > span.end || !self.is_person(m.entity) {
                continue;
            }
            if !named.contains(&m.entity) {
                named.push(m.entity);
            }
            if self.is_vocative(span, m) && !vocatives.contains(&m.entity) {
                vocatives.push(m.entity);
            }
        }
        (vocatives, named)
    }

    /// The names quotation `span` addresses people by, as written (the last word of each
    /// vocative mention: `Hastings` of `my dear Hastings`).
    pub fn vocative_names(&self, span: &Span) -> Vec<&'a str> {
        let from = self.mentions.partition_point(|m| m.start < span.start);
        self.mentions
            .get(from..)
            .unwrap_or(&[])
            .iter()
            .take_while(|m| m.start < span.end)
            .take(64)
            .filter(|m| m.end <= span.end && self.is_person(m.entity) && self.is_vocative(span, m))
            .filter_map(|m| self.text.get(m.start..m.end)?.split_whitespace().last())
            .collect()
    }

    /// Whether mention `m` inside quotation `span` addresses someone: set off by a comma or the
    /// quotation's edge before (after titles and endearments: `my dear Mr. Bennet`) and by
    /// punctuation or the edge after.
    fn is_vocative(&self, span: &Span, m: &MentionRef) -> bool {
        let before = self.text.get(span.start..m.start).unwrap_or("");
        let after = self.text.get(m.end..span.end).unwrap_or("").trim_start();
        if !(after.is_empty() || after.starts_with([',', '.', '!', '?', ';', '—', '-', '–'])) {
            return false;
        }
        let mut before = before.trim_end();
        // Back over title words and endearments (`Mr.`, `my dear`, `Oh`).
        for _ in 0..4 {
            let word = super::word_ending(before.trim_end_matches('.'));
            let lower = word.to_lowercase();
            let leads = self.lex.title(&lower).is_some()
                || matches!(
                    lower.as_str(),
                    "my" | "dear" | "dearest" | "oh" | "o" | "ah" | "poor" | "good" | "old"
                );
            if word.is_empty() || !leads {
                break;
            }
            let cut = before.trim_end_matches('.');
            before = cut[..cut.len() - word.len()].trim_end();
        }
        before.is_empty() || before.ends_with([',', '!', '?', '.', ';', '—'])
    }

    /// The speaker a subject names: an entity, or the words of an unnamed speaker.
    pub fn resolve(&self, subject: &Subject) -> Resolved {
        let words = || {
            self.text
                .get(subject.start..subject.end)
                .map(str::to_string)
        };
        let entity = |e: usize, link: Option<RuleId>| Resolved {
            speaker: Some(e),
            link,
            candidates: vec![e],
            ..Resolved::default()
        };
        match &subject.kind {
            SubjectKind::Entity(e) => entity(*e, None),
            SubjectKind::Named(e) => entity(*e, Some(RuleId::NameLookup)),
            SubjectKind::Pronoun(g) => {
                let candidates = self.pronoun_candidates(*g, subject.start);
                Resolved {
                    speaker: candidates.first().copied(),
                    link: Some(RuleId::PronounSalience),
                    candidates,
                    ..Resolved::default()
                }
            }
            SubjectKind::Title(title) => match self.resolve_title(title, subject.start) {
                Some(e) => entity(e, Some(RuleId::TitleLink)),
                None => Resolved {
                    speaker_text: words(),
                    ..Resolved::default()
                },
            },
            SubjectKind::Organisation => match self.last_organisation(subject.start) {
                Some(e) => entity(e, Some(RuleId::OrganisationLink)),
                None => Resolved {
                    speaker_text: words(),
                    ..Resolved::default()
                },
            },
            SubjectKind::Text => Resolved {
                speaker_text: words(),
                ..Resolved::default()
            },
            SubjectKind::Narrator => Resolved {
                narrator: true,
                link: Some(RuleId::Narrator),
                ..Resolved::default()
            },
            SubjectKind::Nobody => Resolved::default(),
        }
    }
}
