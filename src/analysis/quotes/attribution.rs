//! Naming the speaker of each quotation, and telling its kind.
//!
//! For each top-level quotation, three places may hold its reporting word: right after it
//! (`“…,” Smith said`, `“…,” said the prince`), a short tag sentence after one that ends its
//! sentence (`“…!” Trump tweeted.`), and before it in its sentence (`Smith told reporters: “…”`,
//! `a tweet from Smith: “…”`, `saying Kim has acted “honorably”`); the first that names someone
//! known wins. The speaker is the reporting word's subject: an entity mention (or a name the
//! entity list knows), a pronoun resolved to the last person before who fits (a source named in
//! the same paragraph preferred), `the <title>` for the last person introduced with that title,
//! `the agency` for the last organisation, or the words of an unnamed speaker. A direct quotation
//! with no reporting word of its own takes the speaker of the speech it continues: the sentence
//! just before it, an earlier or later quotation in its paragraph, a lead-in ending the previous
//! paragraph with a colon, or the quotation that ended the previous paragraph.

use std::cell::Cell;
use std::cmp::Reverse;

use super::lexicon::{CueKind, Gender, Lexicon};
use super::marks::Span;
use super::tokens::{TokenKind, Tokens};
use super::{is_title_case, kind_of_fragment};
use crate::analysis::{Entity, EntityKind, Quote, QuoteKind};

#[derive(Debug, Clone, Copy)]
struct MentionRef {
    start: usize,
    end: usize,
    entity: usize,
}

/// What stands as the subject of a reporting word.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Subject {
    Entity(usize),
    /// `he` or `she` at a byte position: the last person before it who fits.
    Pronoun(Gender, usize),
    /// `the prince` at a byte position: the last person introduced with that title.
    Title(String, usize, String),
    /// `the agency` at a byte position: the last organisation mentioned before.
    Organisation(usize, String),
    /// An unnamed speaker (`a senior official`).
    Text(String),
    /// A subject that names nobody we can point to (`they`, `I`).
    Nobody,
}

/// A reporting word found for a quotation.
#[derive(Debug, Clone)]
struct Found {
    subject: Option<Subject>,
    cue: String,
    /// Token index of the reporting word, and whether it stands before the quotation.
    at: usize,
    end: usize,
    before: bool,
}

/// The speaker given to a quotation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct Attribution {
    speaker: Option<usize>,
    speaker_text: Option<String>,
    cue: Option<String>,
    /// Found beside the quotation itself rather than carried over from another.
    own: bool,
}

impl Attribution {
    fn names_someone(&self) -> bool {
        self.speaker.is_some() || self.speaker_text.is_some()
    }
}

/// Possessive words: a noun after one names someone other than the person described.
const POSSESSIVES: [&str; 7] = ["whose", "his", "her", "their", "its", "my", "our"];

/// How far back a pronoun looks for the person it stands for, in mentions.
const PRONOUN_REACH: usize = 120;
/// How far back `the <title>` looks, in mentions.
const TITLE_REACH: usize = 400;
/// How many mentions of any kind a look-back passes over: keeps it linear however many
/// mentions an article has.
const MENTION_REACH: usize = 2000;
/// How many tokens before a quotation its reporting word may stand, and how many quotations of
/// one stretch carry a speaker over to each other: bounds for pathological input.
const SENTENCE_REACH: usize = 80;
const QUOTE_REACH: usize = 24;

/// The entities and their mentions as the attribution needs them.
struct Context<'a> {
    text: &'a str,
    lex: &'static Lexicon,
    entities: &'a [Entity],
    /// Every mention of every entity, by start.
    mentions: Vec<MentionRef>,
    top: &'a [Span],
    gender: Vec<Gender>,
    /// Entities of another kind named with an honorific (`Dr. Helen Park` taken for a place):
    /// read as people.
    titled: Vec<bool>,
    /// Titles seen right before an entity's mentions (`prince`, `senator`).
    titles: Vec<Vec<String>>,
    /// People introduced like a source (`Jane Doe, a nurse,`, a title) or already quoted: a
    /// pronoun prefers them to a person only talked about.
    source: Vec<Cell<bool>>,
    paragraphs: &'a [(usize, usize)],
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
    fn new(
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
                })
            })
            .filter(|m| m.start < m.end && text.get(m.start..m.end).is_some())
            .collect();
        mentions.sort_by_key(|m| (m.start, Reverse(m.end)));
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
        };
        ctx.learn_titled();
        ctx.learn_people();
        ctx
    }

    fn kind(&self, entity: usize) -> Option<EntityKind> {
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

    fn is_person(&self, entity: usize) -> bool {
        self.kind(entity) == Some(EntityKind::Person)
    }

    /// Whether `pos` lies inside a top-level quotation (marks included).
    fn in_quote(&self, pos: usize) -> bool {
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
            if self.in_quote(m.start) {
                continue;
            }
            // A title before the mention, or leading it.
            let before = self.text.get(..m.start).unwrap_or("");
            let before = before.trim_end_matches([' ', '.', '\n']);
            let title_len: usize = before
                .chars()
                .rev()
                .take_while(|c| c.is_alphabetic() || *c == '-')
                .map(char::len_utf8)
                .sum();
            let mention_text = self.text.get(m.start..m.end).unwrap_or("");
            let leading = mention_text.split_whitespace().next().unwrap_or("");
            for word in [
                before.get(before.len() - title_len..).unwrap_or(""),
                leading,
            ] {
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
                for w in clause.split_whitespace().take(5) {
                    let w = w.to_lowercase();
                    if self.lex.is_clause_stop(&w) || POSSESSIVES.contains(&w.as_str()) {
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
            for (pos, w) in words_in(self.text, m.end, limit) {
                // An object pronoun mostly stands for someone else than the sentence's subject
                // (`Gloria Evans said the nurses who cared for him`).
                if w.len() > 7 || self.in_quote(pos) || w.eq_ignore_ascii_case("him") {
                    continue;
                }
                if let Some(g) = self.lex.pronoun(&w.to_ascii_lowercase()) {
                    vote(&mut votes, m.entity, g, 1);
                    break;
                }
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

    fn mark_source(&self, entity: usize) {
        if let Some(c) = self.source.get(entity) {
            c.set(true);
        }
    }

    fn is_source(&self, entity: usize) -> bool {
        self.source.get(entity).is_some_and(Cell::get)
    }

    /// The index of the paragraph holding `pos`.
    fn paragraph_of(&self, pos: usize) -> usize {
        self.paragraphs.partition_point(|p| p.0 <= pos)
    }

    /// The people mentioned before `at`, nearest first, leaving out mentions inside quotations.
    fn people_before(&self, at: usize) -> impl Iterator<Item = MentionRef> + '_ {
        let end = self.mentions.partition_point(|m| m.start < at);
        self.mentions
            .get(..end)
            .unwrap_or(&[])
            .iter()
            .rev()
            .take(MENTION_REACH)
            .filter(move |m| self.is_person(m.entity) && !self.in_quote(m.start))
            .copied()
    }

    /// The last person mentioned before `at` whose gender fits `g`; but a source (someone
    /// introduced like one, or quoted already) named earlier in the same paragraph wins over a
    /// person only talked about (`For Kevin Allton, a USI instructor, Warhol was a legend. He
    /// said, “…”`).
    fn resolve_pronoun(&self, g: Gender, at: usize) -> Option<usize> {
        let fits = |e: usize| {
            let eg = self.gender.get(e).copied().unwrap_or(Gender::Unknown);
            g == Gender::Unknown || eg == Gender::Unknown || eg == g
        };
        let mut candidates = self
            .people_before(at)
            .take(PRONOUN_REACH)
            .filter(|m| fits(m.entity));
        let nearest = candidates.next()?;
        if self.is_source(nearest.entity) {
            return Some(nearest.entity);
        }
        let paragraph = self.paragraph_of(at);
        let source = candidates
            .take_while(|m| self.paragraph_of(m.start) == paragraph)
            .find(|m| self.is_source(m.entity));
        Some(source.unwrap_or(nearest).entity)
    }

    /// The last person introduced with `title` before `at`.
    fn resolve_title(&self, title: &str, at: usize) -> Option<usize> {
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
    fn entity_named(&self, name: &str) -> Option<usize> {
        if name.is_empty() {
            return None;
        }
        let speaks = |e: &Entity| matches!(e.kind, EntityKind::Person | EntityKind::Org);
        let unique = |mut it: Box<dyn Iterator<Item = usize> + '_>| {
            let first = it.next()?;
            it.all(|other| other == first).then_some(first)
        };
        let exact = unique(Box::new(
            self.entities
                .iter()
                .enumerate()
                .filter(|(_, e)| speaks(e))
                .filter(|(_, e)| e.name == name || e.aliases.iter().any(|a| a == name))
                .map(|(i, _)| i),
        ));
        if exact.is_some() || name.contains(char::is_whitespace) {
            return exact;
        }
        unique(Box::new(
            self.entities
                .iter()
                .enumerate()
                .filter(|(_, e)| e.kind == EntityKind::Person)
                .filter(|(_, e)| {
                    std::iter::once(&e.name)
                        .chain(&e.aliases)
                        .any(|a| a.split_whitespace().last() == Some(name))
                })
                .map(|(i, _)| i),
        ))
    }

    /// The last organisation mentioned before `at`, outside quotations.
    fn last_organisation(&self, at: usize) -> Option<usize> {
        let end = self.mentions.partition_point(|m| m.start < at);
        self.mentions
            .get(..end)
            .unwrap_or(&[])
            .iter()
            .rev()
            .take(MENTION_REACH)
            .filter(|m| !self.in_quote(m.start))
            .find(|m| self.kind(m.entity) == Some(EntityKind::Org))
            .map(|m| m.entity)
    }

    fn resolve(&self, subject: &Subject) -> (Option<usize>, Option<String>) {
        match subject {
            Subject::Entity(e) => (Some(*e), None),
            Subject::Pronoun(g, at) => (self.resolve_pronoun(*g, *at), None),
            Subject::Title(title, at, phrase) => match self.resolve_title(title, *at) {
                Some(e) => (Some(e), None),
                None => (None, Some(phrase.clone())),
            },
            Subject::Organisation(at, phrase) => match self.last_organisation(*at) {
                Some(e) => (Some(e), None),
                None => (None, Some(phrase.clone())),
            },
            Subject::Text(t) => (None, Some(t.clone())),
            Subject::Nobody => (None, None),
        }
    }
}

/// The tokens of one stretch of paragraphs, read against the context.
struct Reader<'c, 'a> {
    ctx: &'c Context<'a>,
    t: &'c Tokens,
}

/// Words that, before a participle (`, saying`), tie it to the sentence's main subject.
const PARTICIPLE_LINKS: [&str; 8] = [
    "and", "while", "before", "after", "when", "by", "even", "also",
];
/// Words that open a new clause after a quotation, ending the search for its attribution.
const CONJUNCTIONS: [&str; 11] = [
    "and", "but", "or", "that", "which", "because", "while", "when", "although", "though", "if",
];
/// Words before `tweet` or `post` that make it a noun.
const DETERMINERS: [&str; 14] = [
    "a", "an", "the", "his", "her", "their", "its", "this", "that", "another", "our", "my", "your",
    "every",
];

impl Reader<'_, '_> {
    fn text(&self) -> &str {
        self.ctx.text
    }

    fn lex(&self) -> &'static Lexicon {
        self.ctx.lex
    }

    /// The mention under the word at token `i`.
    fn mention_at(&self, i: usize) -> Option<MentionRef> {
        if !self.t.is_word(i) {
            return None;
        }
        let tok = self.t.tokens.get(i)?;
        let ms = &self.ctx.mentions;
        let end = ms.partition_point(|m| m.start < tok.end);
        ms.get(end.saturating_sub(3)..end)?
            .iter()
            .rev()
            .find(|m| m.end > tok.start)
            .copied()
    }

    /// A mention at `i` of an entity that can speak.
    fn speaker_at(&self, i: usize, persons_only: bool) -> Option<MentionRef> {
        self.mention_at(i)
            .filter(|m| match self.ctx.kind(m.entity) {
                Some(EntityKind::Person) => true,
                Some(EntityKind::Org) => !persons_only,
                _ => false,
            })
    }

    /// The reporting word starting at token `i`: its kind, length in tokens and form.
    fn cue_at(&self, i: usize, sentence_start: usize) -> Option<(CueKind, usize, String)> {
        if !self.t.is_word(i) {
            return None;
        }
        let forms = self.lex().cues_starting(self.t.word(i));
        if forms.is_empty() || self.inside_longer_cue(i) {
            return None;
        }
        let written = self.t.text(self.text(), i);
        let lower_case = written.chars().next().is_some_and(char::is_lowercase);
        for form in forms {
            let fits = form
                .words
                .iter()
                .enumerate()
                .all(|(k, w)| self.t.is_word(i + k) && self.t.word(i + k) == w);
            if !fits {
                continue;
            }
            if !(lower_case || i == sentence_start || form.kind == CueKind::SpeakerFollows) {
                continue;
            }
            // After a determiner (`the call`, `a promise`) a verb form is a noun.
            let prev = i.checked_sub(1).map(|p| self.t.word(p)).unwrap_or("");
            let after_determiner =
                DETERMINERS.contains(&prev) || prev.ends_with("'s") || prev.ends_with("’s");
            let kind = match form.kind {
                CueKind::VerbOrNoun if after_determiner => CueKind::Noun,
                CueKind::VerbOrNoun => CueKind::Verb,
                CueKind::Verb if after_determiner => continue,
                k => k,
            };
            return Some((kind, form.words.len(), form.words.join(" ")));
        }
        None
    }

    /// Whether the word at token `i` ends a reporting form of several words that starts before
    /// it (`post` in `a blog post`): the form is read from its first word, not this one.
    fn inside_longer_cue(&self, i: usize) -> bool {
        (1..=2).any(|back| {
            i.checked_sub(back).is_some_and(|k| {
                self.t.is_word(k)
                    && self.lex().cues_starting(self.t.word(k)).iter().any(|f| {
                        f.words.len() > back
                            && f.words
                                .iter()
                                .enumerate()
                                .all(|(n, w)| self.t.is_word(k + n) && self.t.word(k + n) == w)
                    })
            })
        })
    }

    /// The subject of the reporting word at token `v`, read backwards to `lo`: skips auxiliaries
    /// and adverbs (`has also said`) and a descriptor set off by commas (`Jane Doe, a
    /// spokeswoman, said`).
    fn subject_before(&self, lo: usize, v: usize) -> Option<Subject> {
        let mut i = v;
        while i > lo && self.t.is_word(i - 1) && self.lex().is_skip(self.t.word(i - 1)) {
            i -= 1;
        }
        if i <= lo {
            return None;
        }
        match self.t.kind(i - 1)? {
            TokenKind::Punct(c @ (',' | '—' | '–')) => {
                // Descriptors set off by commas, perhaps with commas of their own (`Cynthia
                // Thompson, curator at the University of Arkansas, Fayetteville, said`): the
                // speaker is the person named right before one of the commas, nearest first.
                let commas: Vec<usize> = (lo..i)
                    .rev()
                    .take(40)
                    .filter(|&k| self.t.is_punct(k, c))
                    .take(5)
                    .collect();
                for persons_only in [true, false] {
                    for (n, &k) in commas.iter().enumerate() {
                        // The segment closed by this comma, led by a name (after title words):
                        // `Jane Doe, a spokeswoman,`, `The president, Amara Diallo of Senegal,`;
                        // `After meeting Jones, the official, …, said` is the official's.
                        let seg_start = commas.get(n + 1).map_or(lo, |&c| c + 1);
                        for x in seg_start..k {
                            if let Some(m) = self.speaker_at(x, persons_only) {
                                // `Mary Lee, Smith’s lawyer, said`: a possessive name leads a
                                // descriptor of someone else.
                                if self.possessive(m) {
                                    break;
                                }
                                return Some(Subject::Entity(m.entity));
                            }
                            let title_like = self.t.is_capitalised(self.text(), x)
                                || self.t.is_punct(x, '.')
                                || self.lex().title(self.t.word(x)).is_some();
                            if !title_like {
                                break;
                            }
                        }
                    }
                }
                let c2 = i - 1;
                match commas.get(1) {
                    Some(&j) => self.np_before(lo, j),
                    None => self.np_before(lo, c2),
                }
            }
            TokenKind::Word => self.np_before(lo, i),
            _ => None,
        }
    }

    /// `Lee quoted Smith as saying`: the person named between `quoted` and `as` before the
    /// reporting word at token `k` (in `lo..k`) is its speaker, not the sentence's subject.
    fn quoted_as(&self, lo: usize, k: usize) -> Option<Subject> {
        if k < lo + 3 || self.t.word(k - 1) != "as" {
            return None;
        }
        let m = self.speaker_at(k - 2, false)?;
        let mut x = k - 2;
        while x > lo && self.mention_at(x - 1).is_some_and(|n| n.entity == m.entity) {
            x -= 1;
        }
        let verb = x.checked_sub(1).filter(|&v| v >= lo)?;
        matches!(self.t.word(verb), "quoted" | "quotes" | "quoting" | "quote")
            .then_some(Subject::Entity(m.entity))
    }

    /// Whether a mention stands in the possessive (`Smith’s`).
    fn possessive(&self, m: MentionRef) -> bool {
        let rest = self.text().get(m.end..).unwrap_or("");
        rest.starts_with("'s") || rest.starts_with("\u{2019}s")
    }

    /// The noun phrase ending right before token `end`.
    fn np_before(&self, lo: usize, end: usize) -> Option<Subject> {
        if end <= lo {
            return None;
        }
        let last = end - 1;
        if !self.t.is_word(last) {
            return None;
        }
        if let Some(m) = self.mention_at(last) {
            match self.ctx.kind(m.entity) {
                Some(EntityKind::Person | EntityKind::Org) => {
                    return Some(Subject::Entity(m.entity))
                }
                Some(EntityKind::Place | EntityKind::Group) => {
                    // `John Bolton, a critic of North Korea recently said`: a descriptor whose
                    // closing comma is missing.
                    let person = self.unclosed_descriptor(lo, last, m.start);
                    return Some(Subject::Entity(person.unwrap_or(m.entity)));
                }
                _ => {}
            }
        }
        let word = self.t.word(last);
        if self.lex().is_subject_pronoun(word) {
            return Some(self.pronoun(last));
        }
        // Back to a clause boundary or another reporting word (`Smith said the …`).
        let mut first = end;
        while first > lo
            && end - first < 8
            && self.t.is_word(first - 1)
            && !self.lex().is_clause_stop(self.t.word(first - 1))
            && (first == end || self.lex().cues_starting(self.t.word(first - 1)).is_empty())
        {
            first -= 1;
        }
        if first == end {
            return None;
        }
        // `Cornyn's statement added`: the owner of a reporting noun.
        let head_is_noun =
            self.lex().cues_starting(self.t.word(last)).iter().any(|f| {
                matches!(f.kind, CueKind::Noun | CueKind::VerbOrNoun) && f.words.len() == 1
            });
        if head_is_noun {
            let owner = (first..last).find_map(|x| {
                let w = self.t.word(x);
                let possessive = w.ends_with("'s") || w.ends_with("’s");
                possessive.then(|| self.speaker_at(x, false)).flatten()
            });
            if let Some(m) = owner {
                return Some(Subject::Entity(m.entity));
            }
        }
        Some(self.phrase(first, end))
    }

    /// A subject pronoun at token `i`.
    fn pronoun(&self, i: usize) -> Subject {
        let at = self.t.tokens.get(i).map_or(0, |t| t.start);
        match self.lex().pronoun(self.t.word(i)) {
            Some(g @ (Gender::Male | Gender::Female)) => Subject::Pronoun(g, at),
            _ => Subject::Nobody,
        }
    }

    /// The words of tokens `first..end` as a speaker: `the prince`, or an unnamed speaker.
    fn phrase(&self, first: usize, end: usize) -> Subject {
        let at = self.t.tokens.get(first).map_or(0, |t| t.start);
        let stop = self
            .t
            .tokens
            .get(end.saturating_sub(1))
            .map_or(at, |t| t.end);
        let words = self.text().get(at..stop).unwrap_or("").to_string();
        if end - first == 2 && matches!(self.t.word(first), "the" | "this" | "that" | "our") {
            let noun = self.t.word(first + 1);
            if self.lex().title(noun).is_some() {
                return Subject::Title(noun.to_string(), at, words);
            }
            if self.lex().is_organisation_noun(noun) {
                return Subject::Organisation(at, words);
            }
        }
        // A name the entity list knows but did not mark here (`“…,” Kowalski said` with only
        // `Dave Kowalski` found): the capitalised words ending the phrase, matched against the
        // entities' names and aliases, or a surname against their last words.
        let mut k = end;
        while k > first && self.t.is_capitalised(self.text(), k - 1) {
            k -= 1;
        }
        // Longest first, so `Ms Ashby` tries `Ms Ashby`, then `Ashby`.
        for x in k..end {
            let from = self.t.tokens.get(x).map_or(stop, |t| t.start);
            if let Some(e) = self
                .ctx
                .entity_named(self.text().get(from..stop).unwrap_or(""))
            {
                return Subject::Entity(e);
            }
        }
        Subject::Text(words)
    }

    /// `NAME, a …` at the start of a sentence with no comma closing the descriptor: the person.
    fn unclosed_descriptor(&self, lo: usize, last: usize, mention_start: usize) -> Option<usize> {
        let mut x = last;
        while x > lo
            && self
                .t
                .tokens
                .get(x)
                .is_some_and(|t| t.start > mention_start)
        {
            x -= 1;
        }
        let comma = (lo..x).rev().take(30).find(|&k| self.t.is_punct(k, ','))?;
        let opens_descriptor = matches!(
            self.t.word(comma + 1),
            "a" | "an" | "the" | "who" | "whose" | "one"
        );
        let person = self.speaker_at(comma.checked_sub(1)?, true)?;
        let name_leads = (lo..comma).all(|k| {
            self.t.is_capitalised(self.text(), k)
                || self.t.is_punct(k, '.')
                || matches!(self.t.word(k), "of" | "the" | "for")
        });
        (opens_descriptor && name_leads).then_some(person.entity)
    }

    /// The subject after the reporting word (`said Smith`, `said the prince`, `said he`,
    /// `according to a statement from Smith`), in tokens `from..hi`.
    fn subject_after(&self, from: usize, hi: usize) -> Option<Subject> {
        if from >= hi {
            return None;
        }
        // `said he`, `according to her`.
        let w = self.t.word(from);
        if self.t.is_word(from) && (self.lex().is_subject_pronoun(w) || matches!(w, "him" | "her"))
        {
            return Some(self.pronoun(from));
        }
        if let Some(e) = self.name_from(from, hi) {
            return Some(Subject::Entity(e));
        }
        let mut k = from;
        while k < hi
            && k - from < 8
            && self.t.is_word(k)
            && !self.lex().is_clause_stop(self.t.word(k))
        {
            k += 1;
        }
        if k == from {
            return None;
        }
        if matches!(self.t.word(k), "from" | "by") {
            if let Some(e) = self.name_from(k + 1, hi) {
                return Some(Subject::Entity(e));
            }
        }
        Some(self.phrase(from, k))
    }

    /// A name at token `from`, perhaps after title words (`Secretary of State Mike Pompeo`).
    fn name_from(&self, from: usize, hi: usize) -> Option<usize> {
        for k in from..hi.min(from + 7) {
            if let Some(m) = self.speaker_at(k, false) {
                return Some(m.entity);
            }
            let title_like = self.t.is_capitalised(self.text(), k)
                || self.t.is_punct(k, '.')
                || matches!(self.t.word(k), "the" | "of" | "for");
            if !title_like {
                break;
            }
        }
        None
    }

    /// The speaker beside a reporting noun at `k..k_end`: `a tweet from Smith`, `Smith’s
    /// statement`, or the subject of the sentence (`Smith issued a statement`).
    fn noun_subject(&self, lo: usize, k: usize, k_end: usize, hi: usize) -> Option<Subject> {
        for x in k_end..hi.min(k_end + 4) {
            if matches!(self.t.word(x), "from" | "by") {
                if let Some(e) = self.name_from(x + 1, hi) {
                    return Some(Subject::Entity(e));
                }
            }
        }
        for x in [k.checked_sub(1), k.checked_sub(2)].into_iter().flatten() {
            if x < lo {
                continue;
            }
            let w = self.t.word(x);
            if w.ends_with("'s") || w.ends_with("’s") || w.ends_with('\'') || w.ends_with('’') {
                if let Some(m) = self.speaker_at(x, false) {
                    return Some(Subject::Entity(m.entity));
                }
            }
        }
        self.main_subject(lo, k)
    }

    /// The first name or `he`/`she` of a sentence: the subject a participle or a lead-in refers
    /// to (`Trump … saying Kim has acted “honorably”`).
    fn main_subject(&self, lo: usize, hi: usize) -> Option<Subject> {
        let lo = lo.max(hi.saturating_sub(SENTENCE_REACH));
        (lo..hi).find_map(|k| {
            if let Some(m) = self.speaker_at(k, false) {
                return Some(Subject::Entity(m.entity));
            }
            let w = self.t.word(k);
            (w == "he" || w == "she").then(|| self.pronoun(k))
        })
    }

    /// The subject of a verb at `v..v_end` standing before a quotation at `hi`.
    fn verb_subject(&self, lo: usize, v: usize, v_end: usize, hi: usize) -> Option<Subject> {
        let participle = self.t.word(v).ends_with("ing");
        let linked = v > lo
            && (self.t.is_punct(v - 1, ',') || PARTICIPLE_LINKS.contains(&self.t.word(v - 1)));
        if participle && linked {
            if let Some(s) = self.main_subject(lo, v) {
                return Some(s);
            }
        }
        self.subject_before(lo, v)
            .or_else(|| {
                // Inverted (`said Smith: “…”`): a name, or a phrase that runs up to the quote.
                self.subject_after(v_end, hi).filter(|s| match s {
                    Subject::Text(t) => {
                        let end = self.t.tokens.get(v_end).map_or(0, |x| x.start) + t.len();
                        let rest = self.text().get(end..).unwrap_or("").trim_start();
                        rest.starts_with([',', ':'])
                            || self.t.tokens.get(hi).is_some_and(|q| q.start <= end + 1)
                    }
                    _ => true,
                })
            })
            .or_else(|| {
                let and = v > lo && matches!(self.t.word(v - 1), "and" | "but");
                (participle || and)
                    .then(|| self.main_subject(lo, v))
                    .flatten()
            })
    }

    /// A reporting word right after the quotation at token `i`: `“…,” Smith said`.
    fn after(&self, i: usize) -> Option<Found> {
        let (s0, s1) = *self.t.sentence.get(i)?;
        let mut j = i + 1;
        // `“…”, he said` (British placement) and `“…” — he said`.
        if self.t.is_punct(j, ',') || self.t.is_punct(j, '—') || self.t.is_punct(j, '–') {
            j += 1;
        }
        if j >= s1 || !self.t.is_word(j) {
            return None;
        }
        if self.lex().is_clause_stop(self.t.word(j)) && self.cue_at(j, s0).is_none() {
            return None;
        }
        for k in j..s1.min(j + 12) {
            match self.t.kind(k) {
                Some(TokenKind::Quote(_)) => break,
                Some(TokenKind::Punct(c)) if !matches!(c, ',' | '.' | '—' | '–') => break,
                // `“…”, a first step, and said…`: a new clause, not the attribution.
                Some(TokenKind::Word) if CONJUNCTIONS.contains(&self.t.word(k)) => break,
                _ => {}
            }
            let Some((kind, len, cue)) = self.cue_at(k, s0) else {
                continue;
            };
            let subject = match kind {
                CueKind::SpeakerFollows => self.subject_after(k + len, s1),
                CueKind::Noun => self.noun_subject(j, k, k + len, s1),
                _ => self
                    .quoted_as(j, k)
                    .or_else(|| self.subject_before(j, k))
                    .or_else(|| self.subject_after(k + len, s1)),
            };
            return Some(Found {
                subject,
                cue,
                at: k,
                end: k + len,
                before: false,
            });
        }
        None
    }

    /// A short sentence of attribution after a quotation that ended its own sentence:
    /// `“Thank you!” Trump tweeted.`
    fn tag_sentence(&self, i: usize) -> Option<Found> {
        let (_, s1) = *self.t.sentence.get(i)?;
        let (n0, n1) = *self.t.sentence.get(s1)?;
        let short = n1 - n0 <= 8 && self.t.is_punct(n1 - 1, '.');
        // A sentence that leads in to another quotation is that one's attribution.
        let leads_in = (n0..n1).any(|k| {
            matches!(self.t.kind(k), Some(TokenKind::Quote(_))) || self.t.is_punct(k, ':')
        });
        if leads_in {
            return None;
        }
        (n0..n1.min(n0 + 5)).find_map(|k| {
            let (kind, len, cue) = self.cue_at(k, n0)?;
            if kind != CueKind::Verb {
                return None;
            }
            // A longer sentence counts only when it opens with the speaker and the verb
            // (`Greg Tanner shouted as he left the pitch.`).
            let subject = match self.subject_before(n0, k) {
                Some(s @ (Subject::Entity(_) | Subject::Pronoun(..) | Subject::Title(..))) => s,
                Some(s) if short => s,
                None if short => self.subject_after(k + len, n1)?,
                _ => return None,
            };
            Some(Found {
                subject: Some(subject),
                cue,
                at: k,
                end: k + len,
                before: false,
            })
        })
    }

    /// The last reporting word before token `hi` in `lo..hi` that has a subject (or, failing
    /// that, the last one at all).
    fn before(&self, lo: usize, hi: usize) -> Option<Found> {
        let lo = lo.max(hi.saturating_sub(SENTENCE_REACH));
        let mut first: Option<Found> = None;
        for found in (lo..hi).rev().filter_map(|k| self.before_at(lo, k, hi)) {
            if found.subject.is_some() {
                return Some(found);
            }
            first.get_or_insert(found);
        }
        first
    }

    /// The reporting word at token `k` before a quotation at `hi`, with its subject.
    fn before_at(&self, lo: usize, k: usize, hi: usize) -> Option<Found> {
        {
            let (kind, len, cue) = self.cue_at(k, lo)?;
            let subject = match kind {
                CueKind::SpeakerFollows => self.subject_after(k + len, hi),
                CueKind::Noun => self.noun_subject(lo, k, k + len, hi),
                _ => self
                    .quoted_as(lo, k)
                    .or_else(|| self.verb_subject(lo, k, k + len, hi)),
            };
            Some(Found {
                subject,
                cue,
                at: k,
                end: k + len,
                before: true,
            })
        }
    }

    /// Whether a scare marker stands right before token `i` (`the so-called “…”`).
    fn scare_marked(&self, i: usize) -> bool {
        self.lex().scare_markers().iter().any(|marker| {
            let n = marker.len();
            i >= n
                && marker
                    .iter()
                    .enumerate()
                    .all(|(k, w)| self.t.word(i - n + k) == w)
        })
    }

    /// The speaker and kind of the top-level quotation `span` at token `i`.
    fn attribute_one(&self, i: usize, span: &Span) -> (Attribution, QuoteKind) {
        let (s0, _) = self.t.sentence.get(i).copied().unwrap_or((i, i + 1));
        // The first of after, tag and before whose subject names someone we know; else the
        // first with any subject; else the first at all.
        let rank = |f: &Found| match &f.subject {
            Some(Subject::Text(_) | Subject::Nobody) => 1,
            Some(_) => 2,
            None => 0,
        };
        let mut found: Option<Found> = None;
        let candidates: [&dyn Fn() -> Option<Found>; 3] =
            [&|| self.after(i), &|| self.tag_sentence(i), &|| {
                self.before(s0, i)
            }];
        for candidate in candidates.iter().filter_map(|f| f()) {
            if found.as_ref().is_none_or(|f| rank(&candidate) > rank(f)) {
                found = Some(candidate);
            }
            if found.as_ref().is_some_and(|f| rank(f) == 2) {
                break;
            }
        }
        let prev = if i > s0 { self.t.kind(i - 1) } else { None };
        let colon = prev == Some(TokenKind::Punct(':'));
        let mut subject = found.as_ref().and_then(|f| f.subject.clone());
        if subject.is_none() && colon {
            subject = self.main_subject(s0, i);
        }
        let words = self.text().get(span.start..span.end).unwrap_or("");
        // Only small counts matter: stop counting early on long quotations.
        let count = words.split_whitespace().take(4).count();
        let first_upper = words
            .chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(char::is_uppercase);
        let ends_punct = words.ends_with(['.', ',', '!', '?', ';', ':', '…', '—', '–', '-']);
        let opens = i == s0 || colon;
        let after_cue = found.as_ref().is_some_and(|f| {
            f.before && (f.end == i || (prev == Some(TokenKind::Punct(',')) && f.at + 8 >= i))
        });
        let many_sentences = || {
            words.match_indices(['.', '!', '?']).any(|(k, _)| {
                let rest = words.get(k + 1..).unwrap_or("");
                rest.starts_with(' ')
                    && rest
                        .trim_start()
                        .chars()
                        .next()
                        .is_some_and(char::is_uppercase)
            })
        };
        let kind = if self.scare_marked(i) {
            QuoteKind::Scare
        } else if ((opens || after_cue)
            && (count >= 2 || ends_punct || first_upper)
            && !(found.is_none() && is_title_case(words)))
            || many_sentences()
        {
            QuoteKind::Direct
        } else if found.is_some() {
            QuoteKind::Partial
        } else {
            kind_of_fragment(words)
        };
        if kind == QuoteKind::Scare {
            return (Attribution::default(), kind);
        }
        let (speaker, speaker_text) = subject
            .as_ref()
            .map_or((None, None), |s| self.ctx.resolve(s));
        if let Some(e) = speaker {
            self.ctx.mark_source(e);
        }
        let attribution = Attribution {
            speaker,
            speaker_text,
            cue: found.map(|f| f.cue),
            own: true,
        };
        (attribution, kind)
    }

    /// The speaker named by the sentence right before a quotation at token `i` that opens its
    /// own sentence, when that sentence has a reporting word and no quotation.
    fn sentence_lead_in(&self, i: usize) -> Option<Attribution> {
        let (s0, _) = *self.t.sentence.get(i)?;
        if s0 != i || i == 0 {
            return None;
        }
        let (p0, p1) = *self.t.sentence.get(i - 1)?;
        if (p0..p1).any(|k| matches!(self.t.kind(k), Some(TokenKind::Quote(_)))) {
            return None;
        }
        let found = self.before(p0, p1)?;
        let subject = found.subject?;
        if !matches!(
            subject,
            Subject::Entity(_) | Subject::Pronoun(..) | Subject::Title(..)
        ) {
            return None;
        }
        let (speaker, speaker_text) = self.ctx.resolve(&subject);
        let a = Attribution {
            speaker,
            speaker_text,
            cue: Some(found.cue),
            own: false,
        };
        a.names_someone().then_some(a)
    }

    /// The speaker named by a lead-in at the end of this stretch (`…, so she said:`).
    fn lead_in(&self) -> Option<Attribution> {
        let n = self.t.len();
        if n == 0 || !self.t.is_punct(n - 1, ':') {
            return None;
        }
        let (s0, _) = *self.t.sentence.get(n - 1)?;
        let found = self.before(s0, n - 1);
        let subject = found
            .as_ref()
            .and_then(|f| f.subject.clone())
            .or_else(|| self.main_subject(s0, n - 1))?;
        let (speaker, speaker_text) = self.ctx.resolve(&subject);
        let a = Attribution {
            speaker,
            speaker_text,
            cue: found.map(|f| f.cue),
            own: false,
        };
        a.names_someone().then_some(a)
    }
}

/// A stretch of paragraphs joined by quotations that run across them.
struct Unit {
    start: usize,
    end: usize,
    /// The top-level quotations inside, as a range of indices.
    quotes: std::ops::Range<usize>,
}

fn units(paragraphs: &[(usize, usize)], top: &[Span]) -> Vec<Unit> {
    let mut out = Vec::new();
    let mut q = 0;
    let mut p = 0;
    while let Some(&(start, first_end)) = paragraphs.get(p) {
        let mut end = first_end;
        let mut last = p;
        while top.get(q).is_some_and(|s| s.open < start) {
            q += 1;
        }
        let first = q;
        while let Some(s) = top.get(q).filter(|s| s.open < end) {
            while s.close > end {
                match paragraphs.get(last + 1) {
                    Some(&(_, e)) => {
                        last += 1;
                        end = e;
                    }
                    None => break,
                }
            }
            q += 1;
        }
        out.push(Unit {
            start,
            end,
            quotes: first..q,
        });
        p = last + 1;
    }
    out
}

/// Finds the speaker and kind of every top-level quotation.
pub(super) fn attribute(
    text: &str,
    paragraphs: &[(usize, usize)],
    top: &[Span],
    entities: &[Entity],
    lex: &'static Lexicon,
) -> Vec<Quote> {
    let ctx = Context::new(text, paragraphs, top, entities, lex);
    let mut attrs = vec![Attribution::default(); top.len()];
    // Quotations outside every stretch read (none, as stretches cover the paragraphs) would
    // keep this kind.
    let mut kinds = vec![QuoteKind::Partial; top.len()];
    // The quotation that ended the previous stretch, and that stretch.
    let mut tail: Option<Attribution> = None;
    let mut previous: Option<(usize, usize, usize)> = None;
    for unit in units(paragraphs, top) {
        if unit.quotes.is_empty() {
            tail = None;
            previous = Some((unit.start, unit.end, unit.quotes.start));
            continue;
        }
        let tokens = Tokens::new(text, unit.start, unit.end, top, unit.quotes.start, lex);
        let reader = Reader {
            ctx: &ctx,
            t: &tokens,
        };
        let quote_tokens: Vec<(usize, usize)> = tokens
            .quotes
            .iter()
            .filter_map(|&i| match tokens.kind(i) {
                Some(TokenKind::Quote(q)) => Some((i, q)),
                _ => None,
            })
            .collect();
        for &(i, q) in &quote_tokens {
            if let Some(span) = top.get(q) {
                let (a, k) = reader.attribute_one(i, span);
                attrs[q] = a;
                kinds[q] = k;
            }
        }
        // Direct quotations with no speaker of their own continue someone's speech.
        let mut lead_in: Option<Option<Attribution>> = None;
        for (n, &(i, q)) in quote_tokens.iter().enumerate() {
            if kinds[q] != QuoteKind::Direct || attrs[q].names_someone() {
                continue;
            }
            let earlier = quote_tokens[..n]
                .iter()
                .rev()
                .take(QUOTE_REACH)
                .map(|&(_, p)| p)
                .find(|&p| kinds[p] != QuoteKind::Scare && attrs[p].names_someone());
            let later = quote_tokens[n + 1..]
                .iter()
                .take(QUOTE_REACH)
                .map(|&(_, p)| p)
                .find(|&p| {
                    kinds[p] == QuoteKind::Direct && attrs[p].own && attrs[p].names_someone()
                });
            let opens_unit = i == 0;
            // `Cornyn issued a statement. “Like many Texans, …”`: the sentence before leads in,
            // unless it holds a quotation itself.
            let sentence_lead = reader.sentence_lead_in(i);
            let carried = sentence_lead
                .or_else(|| earlier.map(|p| attrs[p].clone()))
                .or_else(|| {
                    if !opens_unit {
                        return None;
                    }
                    lead_in
                        .get_or_insert_with(|| {
                            let (s, e, q0) = previous?;
                            let prev_text = text.get(s..e)?;
                            if !prev_text.trim_end().ends_with(':') {
                                return None;
                            }
                            let t = Tokens::new(text, s, e, top, q0, lex);
                            Reader { ctx: &ctx, t: &t }.lead_in()
                        })
                        .clone()
                })
                .or_else(|| later.map(|p| attrs[p].clone()))
                .or_else(|| if opens_unit { tail.clone() } else { None });
            if let Some(mut c) = carried {
                c.own = false;
                if c.cue.is_none() {
                    c.cue = attrs[q].cue.take();
                }
                attrs[q] = c;
            }
        }
        // A quotation in the last sentence of this stretch may carry on in the next one.
        tail = quote_tokens.last().and_then(|&(i, q)| {
            let last_sentence = tokens.sentence.get(i).is_some_and(|s| s.1 == tokens.len());
            (last_sentence && kinds[q] == QuoteKind::Direct && attrs[q].names_someone())
                .then(|| attrs[q].clone())
        });
        previous = Some((unit.start, unit.end, unit.quotes.start));
    }
    top.iter()
        .zip(attrs)
        .zip(kinds)
        .map(|((s, a), kind)| Quote {
            kind,
            start: s.start,
            end: s.end,
            speaker: a.speaker,
            speaker_text: a.speaker_text,
            cue: a.cue,
        })
        .collect()
}

/// A quotation inside another: its kind from its words alone, no speaker of its own.
pub(super) fn nested_quote(text: &str, span: &Span) -> Quote {
    Quote {
        kind: kind_of_fragment(text.get(span.start..span.end).unwrap_or("")),
        start: span.start,
        end: span.end,
        speaker: None,
        speaker_text: None,
        cue: None,
    }
}
