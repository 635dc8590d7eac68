//! Name candidates from capitalisation and shape, and their kinds from the gazetteer and context.
//!
//! A candidate is a run of capitalised words, joined across name particles (`bin Laden`,
//! `de Gaulle`), ampersands and, where the words before make it an organisation or a title, across
//! `of`, `for`, `in` and `and` (`Church of Scientology`, `Young Professionals in Foreign Policy`).
//! Leading common words (`The`, `However`) are dropped. What a run names is then decided by the
//! recognise rules of [`rules`](super::rules), tried in the order of [`CLASSIFY`]: the first
//! that decides wins, and may cut the run and classify its parts (`Secretary of State [Mike
//! Pompeo]`). A candidate the evidence cannot settle (a lone capital at the start of a sentence,
//! a headline word) is kept as *weak*: it only counts if the merge step finds it among the names
//! the article establishes elsewhere. Every candidate carries the rules that made it.

use std::borrow::Cow;

use super::dates;
use super::gazetteer::Gazetteer;
use super::rules::{RuleId, RuleSet, Switches};
use crate::analysis::doc::{Doc, Shape, Token};
use crate::analysis::lexicon::{hash_bytes, hash_step, Classes, HashKeySet, Lexicon, HASH_START};
use crate::analysis::EntityKind;

/// How a candidate's kind was decided, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Evidence {
    Date,
    Gazetteer,
    Titled,
    Head,
    GivenName,
    Cue,
    Shape,
    /// Not a name unless the article names it elsewhere.
    Weak,
}

/// A possible mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// Byte span of the mention (no title, no possessive ending).
    pub start: usize,
    pub end: usize,
    /// Byte spans of the words inside the mention.
    pub words: Box<[(usize, usize)]>,
    pub kind: EntityKind,
    pub evidence: Evidence,
    /// The gazetteer's name for the entity, shared by its variants.
    pub canonical: Option<&'static str>,
    /// Where a title stood before the name, the span of title and name (`President Trump`);
    /// none past 4 GiB of text.
    pub titled_from: Option<u32>,
    /// For dates, what identifies the date.
    pub date_key: Option<Box<str>>,
    /// A weekday that names the same day as the next date candidate.
    pub same_as_next: bool,
    /// An acronym defined in parentheses right after this candidate's index in the list.
    pub defines: Option<u32>,
    /// The rules that cut and typed this candidate.
    pub rules: RuleSet,
}

/// `XVII`, `IV`: numbers, not names.
fn roman_numeral(word: &str) -> bool {
    word.len() >= 2
        && word
            .chars()
            .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C'))
}

/// A word that can stand in a name: capitalised, or `al-`/`el-` before a capital (`al-Amr`).
fn name_word(doc: &Doc, t: &Token) -> bool {
    if t.is_capitalised() {
        return true;
    }
    if t.shape != Shape::Lower {
        return false;
    }
    let w = doc.source().get(t.start..t.end).unwrap_or("");
    // Every prefix is two or three letters and a hyphen: most words are ruled out by one byte
    // test (this runs on every lower-case word).
    let b = w.as_bytes();
    if b.get(2) != Some(&b'-') && b.get(3) != Some(&b'-') {
        return false;
    }
    doc.lexicon().has_article_prefix(w)
}

/// The words an article writes in lower case, as hashes (no allocation per word): a capitalised
/// word that the article also writes in lower case (`Space Shuttle` beside `the shuttles`) is a
/// common word set in capitals, not part of a person's name.
#[derive(Default)]
pub struct LowerWords(HashKeySet);

impl LowerWords {
    /// Adds a word the article writes in lower case, by its hash ([`hash_bytes`]).
    pub fn add_hashed(&mut self, hash: u64) {
        self.0.insert(hash);
    }

    /// Adds the words of another part of the article.
    pub fn extend(&mut self, other: LowerWords) {
        if self.0.len() < other.0.len() {
            let mine = std::mem::replace(&mut self.0, other.0);
            self.0.extend(mine);
        } else {
            self.0.extend(other.0);
        }
    }

    /// Whether the article writes `word` (or its plural) in lower case.
    pub fn contains_lowered(&self, word: &str) -> bool {
        // Hashed as it is lower-cased, and the plural one byte further.
        let hash = if word.is_ascii() {
            word.bytes()
                .fold(HASH_START, |h, b| hash_step(h, b.to_ascii_lowercase()))
        } else {
            hash_bytes(word.to_lowercase().as_bytes())
        };
        self.0.contains(&hash) || self.0.contains(&hash_step(hash, b's'))
    }
}

/// A run of words `a..b` of a block to classify, with the rules that cut it so far.
#[derive(Debug, Clone, Copy)]
struct Run {
    a: usize,
    b: usize,
    /// The run opens a sentence: its capital says nothing.
    initial: bool,
    rules: RuleSet,
}

impl Run {
    fn len(self) -> usize {
        self.b - self.a
    }

    /// The run, cut by one more rule.
    fn with(self, rule: RuleId) -> Run {
        Run {
            rules: self.rules.with(rule),
            ..self
        }
    }

    /// A part `a..b` of this run, cut by the rules that cut this one.
    fn part(self, a: usize, b: usize, initial: bool) -> Run {
        Run {
            a,
            b,
            initial,
            rules: self.rules,
        }
    }
}

/// A recognise rule: it decides what `run` names, pushing candidates (or nothing), and says
/// whether it decided.
type Classify = fn(&Block<'_, '_>, Run, &mut Vec<Candidate>) -> bool;

/// The recognise rules that classify a run, in the order they are tried.
const CLASSIFY: &[(RuleId, Classify)] = &[
    (RuleId::Gazetteer, |b, run, out| b.known_name(run, out)),
    (RuleId::Headline, |b, run, out| b.headline_run(run, out)),
    (RuleId::Title, |b, run, out| b.titled(run, out)),
    (RuleId::Role, |b, run, out| b.role(run, out)),
    (RuleId::HeadWord, |b, run, out| b.head_word(run, out)),
    (RuleId::KnownNameInside, |b, run, out| {
        b.known_name_inside(run, out)
    }),
    (RuleId::PlacePrefix, |b, run, out| b.place_prefix(run, out)),
    (RuleId::GivenName, |b, run, out| b.given_name(run, out)),
    (RuleId::PlaceFirstWord, |b, run, out| {
        b.place_first_word(run, out)
    }),
    (RuleId::DescriptorBeforeName, |b, run, out| {
        b.descriptor_before_name(run, out)
    }),
    (RuleId::Nationality, |b, run, out| b.nationality(run, out)),
    (RuleId::FieldOfStudy, |b, run, out| {
        b.field_of_study(run, out)
    }),
    (RuleId::PlaceNoun, |b, run, out| b.place_noun(run, out)),
    (RuleId::PlaceCue, |b, run, out| b.place_cue(run, out)),
    (RuleId::KnownPlaceLast, |b, run, out| {
        b.known_place_last(run, out)
    }),
    (RuleId::LoweredWords, |b, run, out| {
        b.lowered_words(run, out)
    }),
    (RuleId::ShapeName, |b, run, out| b.shape_name(run, out)),
    (RuleId::RomanNumeral, |b, run, out| {
        b.roman_numeral(run, out)
    }),
    (RuleId::LoneGivenName, |b, run, out| {
        b.lone_given_name(run, out)
    }),
    (RuleId::AcronymShape, |b, run, out| {
        b.acronym_shape(run, out)
    }),
    (RuleId::Speaker, |b, run, out| b.speaker(run, out)),
    (RuleId::PersonContext, |b, run, out| {
        b.person_context(run, out)
    }),
    (RuleId::Unknown, |b, run, out| b.unknown(run, out)),
];

struct Block<'a, 't> {
    doc: &'a Doc<'t>,
    tokens: &'a [Token],
    gaz: &'a Gazetteer,
    lex: &'static Lexicon,
    headline: bool,
    lower: &'a LowerWords,
    switches: Switches,
}

impl<'a, 't> Block<'a, 't> {
    fn on(&self, rule: RuleId) -> bool {
        self.switches.on(rule)
    }

    fn word(&self, i: usize) -> &'t str {
        self.doc.text(i)
    }

    /// The token at `i`, if any, passes `test`.
    fn at(&self, i: usize, test: impl Fn(&Token) -> bool) -> bool {
        self.tokens.get(i).is_some_and(test)
    }

    fn given(&self, i: usize) -> bool {
        self.at(i, Token::is_given_name)
    }

    fn surname(&self, i: usize) -> bool {
        self.at(i, Token::is_surname)
    }

    fn common(&self, i: usize) -> bool {
        self.at(i, Token::is_common)
    }

    fn head(&self, i: usize) -> Option<EntityKind> {
        self.tokens.get(i).and_then(Token::head)
    }

    /// A capitalised word of class `class` (`North`, `Port`).
    fn capitalised(&self, i: usize, class: Classes) -> bool {
        self.at(i, |t| t.is_capitalised() && t.is(class))
    }

    /// A word that ends like an English common word (`Political`, `Insights`); hyphenated
    /// name parts (`Wai-ching`, `Jong-Un`) and known name words are names, whatever their ending.
    fn word_like(&self, i: usize) -> bool {
        if self.surname(i) || self.given(i) || self.word(i).contains('-') {
            return false;
        }
        self.lex.has_word_ending(self.doc.lower(i))
    }

    /// A capitalised word that is no known name part and that the article also writes in
    /// lower case: a common word set in capitals (`Space`, `Knows`).
    fn lowered(&self, i: usize) -> bool {
        self.tokens[i].shape == Shape::Cap
            && !self.given(i)
            && !self.surname(i)
            && self.lower.contains_lowered(self.word(i))
    }

    /// The words `a..b` joined by single spaces; punctuation that touches the word before stays
    /// on it (`St. Petersburg`). Borrowed from the text when it is written so.
    fn phrase(&self, a: usize, b: usize) -> Cow<'t, str> {
        let text = self.doc.source();
        if a < b && b <= self.tokens.len() {
            // Written so: one space between words, none before punctuation that touches the
            // word before it (only spaces stand between tokens).
            let as_written = (a + 1..b).all(|i| {
                let (prev, t) = (&self.tokens[i - 1], &self.tokens[i]);
                let glued = t.shape == Shape::Punct && t.start == prev.end;
                glued || (t.start == prev.end + 1 && text.as_bytes().get(prev.end) == Some(&b' '))
            });
            if as_written {
                let span = text.get(self.tokens[a].start..self.tokens[b - 1].end);
                return Cow::Borrowed(span.unwrap_or(""));
            }
        }
        let mut s = String::new();
        for i in a..b {
            let glued = i > a
                && self.tokens[i].shape == Shape::Punct
                && self.tokens[i].start == self.tokens[i - 1].end;
            if i > a && !glued {
                s.push(' ');
            }
            s.push_str(self.word(i));
        }
        Cow::Owned(s)
    }

    /// The word before the run, or `""`.
    fn before(&self, run: Run) -> &'t str {
        run.a.checked_sub(1).map(|i| self.word(i)).unwrap_or("")
    }

    /// A handle or hashtag (`@POTUS`, `#MeToo`), a web address (`Scientology.org`) or a currency
    /// (`NZ$`): the run is part of an address or an amount, not a name in the prose.
    fn web_name(&self, a: usize, b: usize) -> bool {
        let touching = |x: usize, y: usize| matches!((self.tokens.get(x), self.tokens.get(y)), (Some(p), Some(q)) if p.end == q.start);
        let handle = a >= 1 && matches!(self.word(a - 1), "@" | "#") && touching(a - 1, a);
        let domain = self.word(b) == "."
            && touching(b - 1, b)
            && touching(b, b + 1)
            && self.doc.is_lower(b + 1, Classes::WEB_DOMAIN);
        // `NZ$ 26 million`, `US $5`: a country code before a currency sign names the currency.
        let currency = b == a + 1
            && self.tokens[a].shape == Shape::Upper
            && matches!(self.word(b), "$" | "£" | "€" | "¥");
        handle || domain || currency
    }

    fn is_name_word(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| name_word(self.doc, t))
    }

    /// Where the name starts after lower-case particles from `i` (`van der Luyden`): the
    /// index of the capitalised word after one to three particles.
    fn past_particles(&self, i: usize) -> Option<usize> {
        let mut k = i;
        while k < i + 3 && self.doc.is_lower(k, Classes::PARTICLE) {
            k += 1;
        }
        (k > i && self.is_name_word(k)).then_some(k)
    }

    /// The end of the run of capitalised words from `i`.
    fn cap_run_end(&self, mut i: usize) -> usize {
        while self.is_name_word(i) && !self.tokens[i].possessive {
            i += 1;
        }
        if self.is_name_word(i) {
            i += 1;
        }
        i
    }

    /// Whether a connector word at `j` may join the run `a..j` to the capitalised words after it;
    /// returns the index of the first word after the connector (and any `the`), and the rule
    /// that joins them.
    fn joins(&self, a: usize, j: usize) -> Option<(usize, RuleId)> {
        let connector = self.word(j);
        let mut next = j + 1;
        if matches!(connector, "of" | "for" | "in") && self.word(next) == "the" {
            next += 1;
        }
        // `Henry van der Luyden`: particles in a row.
        if self.doc.is_lower(j, Classes::PARTICLE) {
            if let Some(k) = self.past_particles(j) {
                next = k;
            }
        }
        if !self.is_name_word(next) {
            return None;
        }
        let head = self.head(j - 1).is_some();
        let titled = self.at(j - 1, |t| t.is(Classes::TITLE));
        let rule = match connector {
            _ if self.doc.is_lower(j, Classes::PARTICLE) => RuleId::Particle,
            "of" if head || titled => RuleId::OfAfterHead,
            "for" if head => RuleId::ForAfterHead,
            "and" => {
                let right_end = self.cap_run_end(next);
                let right_head = right_end > next && self.head(right_end - 1).is_some();
                // `the National Air and Space Museum`, `the Science and Technology Committee`:
                // words with no head of their own share the head of the name after `and`,
                // unless they are a name themselves (`Israel and Palestine Liberation
                // Organization`).
                let mut left = a;
                while left < j && matches!(self.word(left), "The" | "the") {
                    left += 1;
                }
                let shared = !head
                    && right_end > next + 1
                    && next == j + 1
                    && left < j
                    && (left..j).all(|i| self.tokens[i].is_capitalised() && self.head(i).is_none())
                    && !self.given(left)
                    && self.gaz.lookup(&self.phrase(left, j)).is_none();
                if !(right_head && ((head && next == j + 1) || shared)) {
                    return None;
                }
                RuleId::AndSharedHead
            }
            "in" | "for" => {
                let right_end = self.cap_run_end(next);
                let left_words = j - a;
                let person = self.given(a) && !(a..j).any(|i| self.word_like(i));
                let right = self.phrase(next, right_end);
                let right_place = self
                    .gaz
                    .lookup(&right)
                    .is_some_and(|k| k.kind == EntityKind::Place)
                    || self
                        .gaz
                        .lookup(self.word(next))
                        .is_some_and(|k| k.kind == EntityKind::Place);
                let left_known = self.gaz.lookup(&self.phrase(a, j)).is_some();
                let right_place_head =
                    right_end > next && self.head(right_end - 1) == Some(EntityKind::Place);
                let joined = left_words >= 2
                    && !head
                    && !right_place_head
                    && right_end - next >= 2
                    && !person
                    && !right_place
                    && !left_known
                    && !titled;
                if !joined {
                    return None;
                }
                RuleId::InForName
            }
            _ => return None,
        };
        self.on(rule).then_some((next, rule))
    }

    fn candidate(&self, run: Run, kind: EntityKind, evidence: Evidence) -> Candidate {
        let (a, b) = (run.a, run.b);
        Candidate {
            start: self.tokens[a].start,
            end: self.tokens[b - 1].end,
            words: self.tokens[a..b]
                .iter()
                .filter(|t| t.is_word())
                .map(|t| (t.start, t.end))
                .collect(),
            kind,
            evidence,
            canonical: None,
            titled_from: None,
            date_key: None,
            same_as_next: false,
            defines: None,
            rules: run.rules,
        }
    }

    /// Classifies `run` by the first rule of [`CLASSIFY`] that decides, and pushes what it names.
    fn emit(&self, run: Run, out: &mut Vec<Candidate>) {
        if run.a >= run.b {
            return;
        }
        for &(rule, classify) in CLASSIFY {
            let run = Run {
                rules: run.rules.with(rule),
                ..run
            };
            if self.on(rule) && classify(self, run, out) {
                return;
            }
        }
    }

    /// The index of the first connector (`of`, `for`, `in`, `and`) inside the run.
    fn connector(&self, run: Run) -> Option<usize> {
        (run.a..run.b).find(|&i| matches!(self.word(i), "of" | "for" | "in" | "and"))
    }

    /// The kind the head word gives the run: the word before its connector (`Church of
    /// Scientology`), or its last word.
    fn run_head(&self, run: Run) -> Option<EntityKind> {
        self.connector(run)
            .and_then(|i| self.head(i.checked_sub(1)?))
            .or_else(|| self.head(run.b - 1))
    }

    /// Two or more words with no connector, the first a known given name.
    fn given_first(&self, run: Run) -> bool {
        run.len() >= 2 && self.given(run.a) && self.connector(run).is_none()
    }

    /// The kind the shape of a run of two or more words gives it, and whether its words read
    /// like common words (`Political Insights`).
    fn shape_kind(&self, run: Run) -> (EntityKind, bool) {
        let (a, b) = (run.a, run.b);
        let word_like = self.connector(run).is_some()
            || (a..b)
                .filter(|&i| self.tokens[i].is_word() || self.word(i) == "&")
                .any(|i| {
                    self.word_like(i)
                        || (self.tokens[i].shape == Shape::Upper && !self.word(i).contains('.'))
                        || (i > a && self.word(i).chars().count() == 1)
                });
        // A determiner does not stand before a person’s name: `the Kaiser Chiefs` are a band
        // or a firm, not a person (titles and given names were settled before).
        let determined = matches!(self.before(run), "the" | "The");
        let kind = if word_like || determined {
            EntityKind::Org
        } else {
            EntityKind::Person
        };
        (kind, word_like)
    }

    /// `gazetteer`: the whole run is a known name.
    fn known_name(&self, run: Run, out: &mut Vec<Candidate>) -> bool {
        let Some(known) = self.gaz.lookup(&self.phrase(run.a, run.b)) else {
            return false;
        };
        let mut c = self.candidate(run, known.kind, Evidence::Gazetteer);
        c.canonical = Some(known.canonical);
        out.push(c);
        true
    }

    /// `headline`: in a headline, an unknown run is weak.
    fn headline_run(&self, run: Run, out: &mut Vec<Candidate>) -> bool {
        if self.headline {
            out.push(self.candidate(run, EntityKind::Other, Evidence::Weak));
        }
        self.headline
    }

    /// `title`: `[South Korean] President [Moon Jae-In]`, `Secretary of State [Mike Pompeo]`.
    fn titled(&self, run: Run, out: &mut Vec<Candidate>) -> bool {
        let (a, b) = (run.a, run.b);
        for p in a..b {
            if !self.at(p, Token::may_start_title) {
                continue;
            }
            for len in (1..=self.lex.title_words.min(b - p)).rev() {
                let title = self.phrase(p, p + len).to_lowercase();
                if self.lex.title(&title).is_none() {
                    continue;
                }
                let mut rest = p + len;
                if rest < b && self.word(rest) == "." {
                    rest += 1;
                }
                // `Mr. van der Luyden`: the particles after the title belong to the surname,
                // which is known by its capitalised word.
                if let Some(k) = self.past_particles(rest).filter(|&k| k < b) {
                    rest = k;
                }
                // `General Field Marshal Kutúzov`: titles in a row are one title.
                // `Mr. King`: a title word after a title, at the end, is the name.
                while let Some(more) = self.title_at(rest, b).filter(|&e| e < b) {
                    rest = more;
                }
                let mut of_place = None;
                if self.word(rest) == "of" {
                    for q in (rest + 2..b).rev() {
                        if self.gaz.lookup(&self.phrase(rest + 1, q)).is_some() {
                            of_place = Some((rest + 1, q));
                            rest = q;
                            break;
                        }
                    }
                }
                if rest >= b {
                    if p > a {
                        self.emit(run.part(a, p, run.initial), out);
                    }
                    return true;
                }
                // A head word ends what follows the title, or stands before its `of`/`for`
                // (`Doctor [Who Society of Canada]`): an organisation, no titled person.
                let rest_head = self.head(b - 1).is_some()
                    || (rest + 1..b).any(|i| {
                        matches!(self.word(i), "of" | "for") && self.head(i - 1).is_some()
                    });
                let rest_known = self.gaz.lookup(&self.phrase(rest, b)).is_some();
                let capitalised = self.tokens.get(rest).is_some_and(Token::is_capitalised);
                if rest_head || rest_known || !capitalised {
                    continue;
                }
                self.emit(run.part(a, p, run.initial), out);
                if let Some((x, y)) = of_place {
                    self.emit(run.part(x, y, false), out);
                }
                // `Miss Woodhouse Miss Taylor`: another title after a name starts another name.
                let end = (rest + 1..b)
                    .find(|&r| self.title_at(r, b).is_some_and(|e| e < b))
                    .filter(|_| self.on(RuleId::TitleSplit));
                let name = run.part(rest, end.unwrap_or(b), false);
                let mut c = self.candidate(name, EntityKind::Person, Evidence::Titled);
                c.titled_from = u32::try_from(self.tokens[p].start).ok();
                if end.is_some() {
                    c.rules = c.rules.with(RuleId::TitleSplit);
                }
                out.push(c);
                if let Some(r) = end {
                    self.emit(run.part(r, b, false).with(RuleId::TitleSplit), out);
                }
                return true;
            }
        }
        false
    }

    /// Where the title that starts at `p` ends (after its period), if one starts there.
    fn title_at(&self, p: usize, b: usize) -> Option<usize> {
        if p >= b || !self.at(p, Token::may_start_title) {
            return None;
        }
        let len = (1..=self.lex.title_words.min(b - p)).rev().find(|&len| {
            self.lex
                .title(&self.phrase(p, p + len).to_lowercase())
                .is_some()
        })?;
        let mut end = p + len;
        if end < b && self.word(end) == "." {
            end += 1;
        }
        Some(end)
    }

    /// `role`: a role (`Islands Correspondent`, `Minister of War`) is nobody's name; a name may
    /// stand before the role word (`North Korea Analyst`).
    fn role(&self, run: Run, out: &mut Vec<Candidate>) -> bool {
        if self.run_head(run) != Some(EntityKind::Other) {
            return false;
        }
        let last_is_role = self.head(run.b - 1) == Some(EntityKind::Other);
        // One unknown word before the role says what the role is (`Islands Correspondent`, `His
        // Most August Majesty`); a known name or a longer name is its own (`North Korea Analyst`).
        let before = run.part(run.a, run.b - 1, run.initial);
        let named_before =
            before.len() >= 2 || self.gaz.lookup(&self.phrase(before.a, before.b)).is_some();
        if last_is_role && named_before && self.connector(run).is_none() {
            self.emit(before, out);
        } else {
            out.push(self.candidate(run, EntityKind::Other, Evidence::Weak));
        }
        true
    }

    /// `head_word`: the head word ends the name, or stands before its `of`/`for` (`Church of
    /// Scientology`); alone, it is weak.
    fn head_word(&self, run: Run, out: &mut Vec<Candidate>) -> bool {
        let Some(kind) = self.run_head(run) else {
            return false;
        };
        if run.len() == 1 {
            out.push(self.candidate(run, EntityKind::Other, Evidence::Weak));
            return true;
        }
        // `Jack Houston`: a given name and a surname make a person, whatever a place's head.
        let person = self.given_first(run) && self.surname(run.b - 1) && kind == EntityKind::Place;
        if person {
            return false;
        }
        out.push(self.candidate(run, kind, Evidence::Head));
        true
    }

    /// `known_name_inside`: a known place at the front (`North Korea Analyst`) or a known name
    /// of two words or more inside the run.
    fn known_name_inside(&self, run: Run, out: &mut Vec<Candidate>) -> bool {
        let (a, b) = (run.a, run.b);
        if run.len() < 2 || self.given_first(run) {
            return false;
        }
        for p in a..b {
            if !self.gaz.may_start_name(self.word(p)) {
                continue;
            }
            for q in (p + 1..=b.min(p + 6)).rev() {
                if (p, q) == (a, b) || (p > a && q - p < 2) {
                    continue;
                }
                if let Some(known) = self.gaz.lookup(&self.phrase(p, q)) {
                    self.emit(run.part(a, p, run.initial), out);
                    let mut c =
                        self.candidate(run.part(p, q, false), known.kind, Evidence::Gazetteer);
                    c.canonical = Some(known.canonical);
                    out.push(c);
                    self.emit(run.part(q, b, false), out);
                    return true;
                }
            }
        }
        false
    }

    /// `place_prefix`: `South Russia`.
    fn place_prefix(&self, run: Run, out: &mut Vec<Candidate>) -> bool {
        let fits = run.len() == 2
            && self.capitalised(run.a, Classes::PLACE_PREFIX)
            && self
                .gaz
                .lookup(self.word(run.b - 1))
                .is_some_and(|k| k.kind == EntityKind::Place);
        if fits {
            out.push(self.candidate(run, EntityKind::Place, Evidence::Gazetteer));
        }
        fits
    }

    /// `given_name`: `Andy Laub`.
    fn given_name(&self, run: Run, out: &mut Vec<Candidate>) -> bool {
        if !self.given_first(run) {
            return false;
        }
        // `Napoleon Knows`: a word the article writes in lower case is no part of the name, so
        // the name ends before it (`Mary Ann Evans`, `Jack Black`: name words stay).
        if self.on(RuleId::LoweredWords) {
            if let Some(k) = (run.a + 1..run.b).find(|&i| self.lowered(i)) {
                self.emit(run.part(run.a, k, run.initial), out);
                out.push(self.candidate(
                    run.part(k, run.b, false),
                    EntityKind::Other,
                    Evidence::Weak,
                ));
                return true;
            }
        }
        out.push(self.candidate(run, EntityKind::Person, Evidence::GivenName));
        true
    }

    /// `place_first_word`: `Port Askaig`, `Mount Kenya`, `Lake Tahoe`.
    fn place_first_word(&self, run: Run, out: &mut Vec<Candidate>) -> bool {
        let words = (run.a..run.b).filter(|&i| self.tokens[i].is_word()).count();
        let fits = words == 2
            && self.capitalised(run.a, Classes::PLACE_FIRST_WORD)
            && !self.surname(run.b - 1);
        if fits {
            out.push(self.candidate(run, EntityKind::Place, Evidence::Shape));
        }
        fits
    }

    /// `descriptor_before_name`: a person's full name run into the words before it, which hold
    /// no given name (`Scientologist Tom Cruise`, `Pro-Beijing Starry Lee`, `Russian Vladimir
    /// Putin`).
    fn descriptor_before_name(&self, run: Run, out: &mut Vec<Candidate>) -> bool {
        let (a, b) = (run.a, run.b);
        if run.len() < 3 || self.connector(run).is_some() || self.given(a) {
            return false;
        }
        let Some(p) = (a + 1..b - 1).find(|&p| self.tokens[p].shape == Shape::Cap && self.given(p))
        else {
            return false;
        };
        // The words before say what the person is (a follower, a nationality, a camp), so that
        // `Farouk Ben Mustapha` stays whole; the name ends in no initial.
        let descriptor = |i: usize| {
            let w = self.word(i);
            self.word_like(i)
                || w.contains('-')
                || self.lower.contains_lowered(w)
                || self.tokens[i].shape == Shape::Upper
                || self.gaz.lookup(w).is_some()
        };
        let fits = b - p <= 3
            && self.word(b - 1).chars().count() > 1
            && (a..p).all(|i| !self.given(i))
            && (a..p).any(descriptor)
            && (p + 1..b).all(|i| self.tokens[i].shape == Shape::Cap && !self.word_like(i));
        if fits {
            self.emit(run.part(a, p, run.initial), out);
            out.push(self.candidate(
                run.part(p, b, false),
                EntityKind::Person,
                Evidence::GivenName,
            ));
        }
        fits
    }

    /// `nationality`: a nationality inside a run that is no known name (`Orthodox Russian`).
    fn nationality(&self, run: Run, out: &mut Vec<Candidate>) -> bool {
        if run.len() < 2 {
            return false;
        }
        for p in run.a..run.b {
            let word = self.word(p);
            let nationality = self
                .gaz
                .lookup(word)
                .filter(|k| k.kind == EntityKind::Group && k.canonical != word);
            if let Some(k) = nationality {
                let mut c = self.candidate(run.part(p, p + 1, false), k.kind, Evidence::Gazetteer);
                c.canonical = Some(k.canonical);
                out.push(c);
                return true;
            }
        }
        false
    }

    /// `field_of_study`: `a Master of Science in Global Affairs`, `a degree in Economics`.
    fn field_of_study(&self, run: Run, out: &mut Vec<Candidate>) -> bool {
        let fits = self.before(run) == "in"
            && run
                .a
                .checked_sub(2)
                .is_some_and(|i| self.lex.is_field_cue(self.word(i)));
        if fits {
            out.push(self.candidate(run, EntityKind::Other, Evidence::Weak));
        }
        fits
    }

    /// `place_noun`: `the town of Yeoncheon`, `the city of Aleppo`.
    fn place_noun(&self, run: Run, out: &mut Vec<Candidate>) -> bool {
        let fits = self.before(run) == "of"
            && run
                .a
                .checked_sub(2)
                .is_some_and(|i| self.doc.is_lower(i, Classes::PLACE_NOUN))
            && !self.tokens[run.b - 1].possessive;
        if fits {
            out.push(self.candidate(run, EntityKind::Place, Evidence::Cue));
        }
        fits
    }

    /// `place_cue`: `in Hama`; but `at Andrew’s Air Force base`: what stands at the place is
    /// the thing possessed.
    fn place_cue(&self, run: Run, out: &mut Vec<Candidate>) -> bool {
        let cued = !self.tokens[run.b - 1].possessive
            && run
                .a
                .checked_sub(1)
                .is_some_and(|i| self.doc.is_lower(i, Classes::PLACE_CUE))
            && (run.len() == 1 || !matches!(self.before(run), "at" | "from"));
        // `at Vereshchágin who continued`: what follows says a person.
        let person = run.len() == 1 && self.followed_as_person(run.b);
        let fits = cued && !(run.initial && run.len() == 1) && !person;
        if fits {
            out.push(self.candidate(run, EntityKind::Place, Evidence::Cue));
        }
        fits
    }

    /// `known_place_last`: a known place after words that are no part of a person's name
    /// (`Holy Moscow`, `Mother Moscow`) stays the place: only the shape said "person". A place
    /// that is also a surname (`Houston`) or follows a title (`Captain America`) keeps the guess.
    fn known_place_last(&self, run: Run, out: &mut Vec<Candidate>) -> bool {
        let (a, b) = (run.a, run.b);
        if run.len() < 2 || self.shape_kind(run).0 != EntityKind::Person {
            return false;
        }
        let Some(k) = self
            .gaz
            .lookup(self.word(b - 1))
            .filter(|k| k.kind == EntityKind::Place)
        else {
            return false;
        };
        let named = self.surname(b - 1)
            || (a..b - 1)
                .any(|i| self.given(i) || self.surname(i) || self.at(i, |t| t.is(Classes::TITLE)));
        if named {
            return false;
        }
        self.emit(run.part(a, b - 1, run.initial), out);
        let mut c = self.candidate(run.part(b - 1, b, false), k.kind, Evidence::Gazetteer);
        c.canonical = Some(k.canonical);
        out.push(c);
        true
    }

    /// `lowered_words`: `Space Shuttle`, `Launch Pad`: words the article also writes in lower
    /// case, and no known name part (`Park Geun-hye` beside a park). Two or more name words after
    /// the last of them are a person (`Pan-democrat Lam Cheuk-ting`).
    fn lowered_words(&self, run: Run, out: &mut Vec<Candidate>) -> bool {
        let (a, b) = (run.a, run.b);
        if run.len() < 2 {
            return false;
        }
        let (kind, word_like) = self.shape_kind(run);
        if word_like {
            return false;
        }
        let Some(k) = (a..b).rev().find(|&i| self.lowered(i)) else {
            return false;
        };
        if kind == EntityKind::Person && b - k > 2 {
            out.push(self.candidate(
                run.part(a, k + 1, run.initial),
                EntityKind::Other,
                Evidence::Weak,
            ));
            out.push(self.candidate(run.part(k + 1, b, false), kind, Evidence::Shape));
        } else {
            out.push(self.candidate(run, EntityKind::Other, Evidence::Weak));
        }
        true
    }

    /// `shape_name`: two or more capitalised words are a person, or an organisation.
    fn shape_name(&self, run: Run, out: &mut Vec<Candidate>) -> bool {
        if run.len() < 2 {
            return false;
        }
        out.push(self.candidate(run, self.shape_kind(run).0, Evidence::Shape));
        true
    }

    /// `roman_numeral`: `XVII` alone is no name.
    fn roman_numeral(&self, run: Run, _out: &mut Vec<Candidate>) -> bool {
        run.len() == 1 && roman_numeral(self.word(run.a))
    }

    /// `lone_given_name`: a known given name alone, not opening a sentence, nor a month after
    /// `of` (`of August`).
    fn lone_given_name(&self, run: Run, out: &mut Vec<Candidate>) -> bool {
        let fits = run.len() == 1
            && !run.initial
            && self.given(run.a)
            && !dates::is_cued_month(self.doc, run.a);
        if fits {
            out.push(self.candidate(run, EntityKind::Person, Evidence::GivenName));
        }
        fits
    }

    /// `acronym_shape`: `NATO`, `PayPal` are organisations (weak at the start of a sentence).
    fn acronym_shape(&self, run: Run, out: &mut Vec<Candidate>) -> bool {
        let token = self.tokens[run.a];
        let fits = run.len() == 1
            && (token.shape == Shape::Upper
                || (token.inner_capital && !run.initial && !self.word(run.a).contains('-')));
        if fits {
            let evidence = if run.initial {
                Evidence::Weak
            } else {
                Evidence::Shape
            };
            out.push(self.candidate(run, EntityKind::Org, evidence));
        }
        fits
    }

    /// `speaker`: `Jafari said`, `said Mauer`: a lone unknown name that speaks is a person.
    fn speaker(&self, run: Run, out: &mut Vec<Candidate>) -> bool {
        let (a, b) = (run.a, run.b);
        if run.len() != 1 {
            return false;
        }
        // `Jafari said`; `, said Mauer.`, `” cried Pink,`: after a quotation or a comma, the
        // verb is inverted and the name its subject (elsewhere `praised Obama.` has an object).
        let inverted = a >= 2
            && self.doc.is_lower(a - 1, Classes::REPORTING_VERB)
            && (self.doc.is_lower(a - 1, Classes::REPORTED_AFTER)
                || self.at(a - 2, |t| t.shape == Shape::Punct));
        let speaks = (self.doc.is_lower(b, Classes::REPORTED_AFTER)
            && !self.tokens[b - 1].possessive)
            || (inverted && self.tokens.get(b).is_none_or(|t| t.shape == Shape::Punct));
        // `said Rep. Patrick Tiberi`: a title alone names no one.
        let fits = speaks
            && self.tokens[a].shape == Shape::Cap
            && !self.word_like(a)
            && !self.common(a)
            && !self.tokens[a].may_start_title();
        if fits {
            out.push(self.candidate(run, EntityKind::Person, Evidence::Cue));
        }
        fits
    }

    /// Whether the words from `b` on follow a person's name: `who`, `himself` (`, who` too).
    fn followed_as_person(&self, b: usize) -> bool {
        self.doc.is_lower(b, Classes::PERSON_FOLLOWER)
            || (self.doc.is_punct(b, ',')
                && self.doc.is_lower(b + 1, Classes::PERSON_FOLLOWER)
                && self.doc.lower(b + 1).starts_with("wh"))
    }

    /// `person_context`: a lone unknown name followed by what follows people's names is a
    /// person: `Vereshchágin who continued`, `Suvórov himself`.
    fn person_context(&self, run: Run, out: &mut Vec<Candidate>) -> bool {
        let (a, b) = (run.a, run.b);
        if run.len() != 1 || self.tokens[b - 1].possessive {
            return false;
        }
        // At the start of a sentence the capital says nothing: a word the article also writes
        // in lower case is no name (`Everyone who`); after `the`, it is a noun (`the Frenchman
        // who`, `the Rostóvs who`).
        let fits = self.followed_as_person(b)
            && (!run.initial || !self.lowered(a))
            && !matches!(self.before(run), "the" | "The" | "a" | "A" | "an" | "An")
            && self.tokens[a].shape == Shape::Cap
            && !self.word_like(a)
            && !self.common(a);
        if fits {
            out.push(self.candidate(run, EntityKind::Person, Evidence::Cue));
        }
        fits
    }

    /// `unknown`: anything else is weak.
    fn unknown(&self, run: Run, out: &mut Vec<Candidate>) -> bool {
        out.push(self.candidate(run, EntityKind::Other, Evidence::Weak));
        true
    }
}

/// `dash_run_on`: splits the hyphens of capitalised words that set another word run on to a
/// name, as a dash would (`Drubetskóy-awaited`, `Natásha-Mademoiselle`, `Kuzmích-a`): the word
/// after the hyphen is a common word, a title, or a word the article writes alone in lower case.
/// Hyphenated names stay whole (`Jong-Un`, `Punggye-ri`, `Orlóv-Denísov`).
pub fn split_run_ons(doc: &mut Doc, lower: &LowerWords, switches: Switches) {
    if !switches.on(RuleId::DashRunOn) {
        return;
    }
    let lex = doc.lexicon();
    let text = doc.source();
    for i in (0..doc.len()).rev() {
        let Some(&t) = doc.token(i) else { continue };
        if !t.is_capitalised() {
            continue;
        }
        let word = text.get(t.start..t.end).unwrap_or("");
        if !word.contains(['-', '‐']) {
            continue;
        }
        // The first hyphen after which a word is run on; what follows may hold more.
        let mut offset = 0;
        for piece in word.split(['-', '‐']) {
            let at = offset + piece.len();
            offset = at + word[at..].chars().next().map_or(1, char::len_utf8);
            if at == 0 || at >= word.len() {
                continue;
            }
            let next = word[offset..].split(['-', '‐']).next().unwrap_or("");
            let next_lower = next.to_lowercase();
            let info = lex.info(&next_lower);
            let run_on = if next.starts_with(char::is_lowercase) {
                info.is(Classes::COMMON)
                    || (next.chars().count() >= 3
                        && lower.contains_lowered(next)
                        && next_lower == next)
            } else {
                info.is(Classes::TITLE)
                    || (info.is(Classes::COMMON) && !info.is(Classes::GIVEN_NAME))
            };
            if run_on {
                doc.split_at_hyphen(i, t.start + at);
                break;
            }
        }
    }
}

/// Finds the candidates in one block's tokens. `headline` marks title-case blocks (titles,
/// kickers, headings), where only known names count.
pub fn candidates(
    doc: &Doc,
    headline: bool,
    gaz: &Gazetteer,
    lower: &LowerWords,
    out: &mut Vec<Candidate>,
) {
    candidates_with(doc, headline, gaz, lower, Switches::ALL_ON, out);
}

/// [`candidates`] with only the rules `switches` lets apply.
pub fn candidates_with(
    doc: &Doc,
    headline: bool,
    gaz: &Gazetteer,
    lower: &LowerWords,
    switches: Switches,
    out: &mut Vec<Candidate>,
) {
    let tokens = doc.tokens();
    let block = Block {
        doc,
        tokens,
        gaz,
        lex: doc.lexicon(),
        headline,
        lower,
        switches,
    };
    let found_dates = if switches.on(RuleId::Date) {
        dates::find(doc)
    } else {
        Vec::new()
    };
    let mut next_date = found_dates.iter().peekable();
    let block_start = out.len();
    // Where the last run was broken off by a month or weekday: the next run starts there.
    let mut broken_at = None;
    let mut i = 0;
    while i < tokens.len() {
        if let Some(d) = next_date.next_if(|d| d.first <= i) {
            if d.first == i {
                let run = Run {
                    a: d.first,
                    b: d.end,
                    initial: false,
                    rules: RuleSet::EMPTY.with(RuleId::Date),
                };
                let mut c = block.candidate(run, EntityKind::Date, Evidence::Date);
                c.date_key = Some(d.key.as_str().into());
                c.same_as_next = d.same_as_next;
                out.push(c);
                i = d.end;
                continue;
            }
        }
        let mut rules = RuleSet::EMPTY;
        let opening_particle = switches.on(RuleId::Particle)
            && doc.is_lower(i, Classes::OPENING_PARTICLE | Classes::PARTICLE)
            && tokens.get(i + 1).is_some_and(|t| t.shape == Shape::Cap)
            && !tokens[i].sentence_start;
        if opening_particle {
            rules = rules.with(RuleId::Particle);
        } else if !block.is_name_word(i) {
            i += 1;
            continue;
        }
        if broken_at == Some(i) {
            rules = rules.with(RuleId::NameBreak);
        }
        let date_at = |k: usize| found_dates.iter().any(|d| d.first <= k && k < d.end);
        let a = i;
        let mut j = i + 1;
        loop {
            if j >= tokens.len() || date_at(j) {
                break;
            }
            if tokens[j - 1].possessive {
                let collective = switches.on(RuleId::CollectivePossessive)
                    && block.capitalised(j - 1, Classes::COLLECTIVE_POSSESSIVE)
                    && block.is_name_word(j);
                if !collective {
                    break;
                }
                rules = rules.with(RuleId::CollectivePossessive);
            }
            if block.is_name_word(j) {
                let breaks = switches.on(RuleId::NameBreak)
                    && (block.capitalised(j, Classes::NAME_BREAK)
                        || block.capitalised(j - 1, Classes::NAME_BREAK)
                        || (j - 1 == a && dates::is_cued_month(doc, a)));
                if !breaks {
                    j += 1;
                    continue;
                }
                rules = rules.with(RuleId::NameBreak);
                broken_at = Some(j);
            }
            // `Mr. Smith`, `Dr. Jane Doe`: the period of an abbreviated title stays inside.
            if switches.on(RuleId::TitlePeriod)
                && block.word(j) == "."
                && block.at(j - 1, |t| t.is(Classes::TITLE))
                && block.lex.is_abbreviation(block.word(j - 1))
            {
                // `Mr. van der Luyden`: particles may stand between the title and the name.
                let name = if block.is_name_word(j + 1) {
                    Some(j + 1)
                } else {
                    block.past_particles(j + 1)
                };
                if let Some(k) = name {
                    rules = rules.with(RuleId::TitlePeriod);
                    j = k + 1;
                    continue;
                }
            }
            // `Leonard E. Burman`, `George W. Bush`: a middle initial and its period.
            if switches.on(RuleId::MiddleInitial)
                && block.word(j) == "."
                && j - 1 > a
                && tokens[j].start == tokens[j - 1].end
                && is_initial(block.word(j - 1))
                && block.is_name_word(j + 1)
            {
                rules = rules.with(RuleId::MiddleInitial);
                j += 2;
                continue;
            }
            // `St. Petersburg`, `Mt. Kenya`: an abbreviated word of the name.
            if switches.on(RuleId::NameAbbreviation)
                && block.word(j) == "."
                && tokens[j].start == tokens[j - 1].end
                && block.is_name_word(j + 1)
                && block.lex.is_name_abbreviation(block.word(j - 1))
            {
                rules = rules.with(RuleId::NameAbbreviation);
                j += 2;
                continue;
            }
            if switches.on(RuleId::Ampersand)
                && block.word(j) == "&"
                && block.is_name_word(j + 1)
                && !date_at(j + 1)
            {
                rules = rules.with(RuleId::Ampersand);
                j += 2;
                continue;
            }
            if tokens[j].shape == Shape::Lower {
                if let Some((next, rule)) = block.joins(a, j) {
                    if !date_at(next) {
                        rules = rules.with(rule);
                        j = next + 1;
                        continue;
                    }
                }
            }
            break;
        }
        let b = j;
        i = b;
        if switches.on(RuleId::WebAddress) && block.web_name(a, b) {
            continue;
        }
        // Leading common words (`The`, `However`) are not part of a name, unless the whole run is
        // a known name (`The Hague`).
        let mut start = a;
        if switches.on(RuleId::LeadingCommonWord) && gaz.lookup(&block.phrase(a, b)).is_none() {
            // `… looked at May Welland`: inside a sentence, a given name before a word of a name
            // that is no common word opens the name, though the article writes it in lower case
            // too (`may`).
            let given_first = |k: usize| {
                k + 1 < b
                    && !tokens[k].sentence_start
                    && block.given(k)
                    && !block.common(k + 1)
                    && block.word(k) != "the"
            };
            while start < b
                && (block.common(start) || block.word(start) == "the")
                && !given_first(start)
            {
                start += 1;
            }
            if start > a {
                rules = rules.with(RuleId::LeadingCommonWord);
            }
        }
        // A word that opens a sentence and that the article writes in lower case, an adverb
        // above all, is not part of the name (`Suddenly Dólokhov`, `"Call Andrew!"`).
        if switches.on(RuleId::SentenceAdverb)
            && start == a
            && start + 1 < b
            && tokens[a].sentence_start
        {
            let w = block.word(a);
            let adverb = w.ends_with("ly") && !block.surname(a);
            // `New York`, `Little Rock`: a word that opens a known name stays.
            // A surname opens a name in surname order (`Park Geun-hye`), but not before a given
            // name (`"Call Andrew!"`).
            let common = tokens[a].shape == Shape::Cap
                && lower.contains_lowered(w)
                && !gaz.may_start_name(w)
                && !tokens[a].may_start_title()
                && (!block.surname(a) || block.given(a + 1));
            if (adverb || common) && !block.given(a) && gaz.lookup(w).is_none() {
                start += 1;
                rules = rules.with(RuleId::SentenceAdverb);
            }
        }
        let mut b = b;
        if switches.on(RuleId::TrailingCommonWord) {
            // `Ian Read`: a given name and a common word that is also a surname is a name
            // (`Boris Johnson Today` still loses `Today`).
            let surname_after_given =
                |b: usize| b == start + 2 && block.given(start) && block.surname(b - 1);
            while b > start
                && block.common(b - 1)
                && block.head(b - 1).is_none()
                && !surname_after_given(b)
            {
                b -= 1;
                rules = rules.with(RuleId::TrailingCommonWord);
            }
        }
        // A hyphen touching the words on both sides was split off as a dash.
        let dash = |h: usize| {
            block.word(h) == "-"
                && h > 0
                && tokens.get(h + 1).is_some_and(|n| n.start == tokens[h].end)
                && tokens[h - 1].end == tokens[h].start
        };
        if (start > 0 && dash(start - 1)) || dash(b) {
            rules = rules.with(RuleId::DashRunOn);
        }
        let initial = start == a && tokens[a].sentence_start;
        let before = out.len();
        let run = Run {
            a: start,
            b,
            initial,
            rules,
        };
        block.emit(run, out);
        // `International Atomic Energy Agency (IAEA)`: the acronym names the same entity.
        if switches.on(RuleId::AcronymDefinition)
            && out.len() > before
            && b - start == 1
            && tokens[start].shape == Shape::Upper
        {
            let opened = start >= 1 && block.word(start - 1) == "(";
            let closed = block.word(b) == ")";
            if opened && closed && before > block_start {
                if let Some(prev) = out.get(before - 1) {
                    let prev_end_token = tokens.iter().position(|t| t.end == prev.end);
                    if prev_end_token.is_some_and(|p| p + 2 == start) {
                        let defined = before - 1;
                        if let Some(last) = out.last_mut() {
                            last.defines = u32::try_from(defined).ok();
                            last.rules = last.rules.with(RuleId::AcronymDefinition);
                            if last.evidence == Evidence::Weak {
                                last.evidence = Evidence::Shape;
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Whether a word is one capital letter: an initial (`E` of `Leonard E. Burman`).
fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.next().is_none()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::doc::for_each_lower_case_word;

    fn lower_words(s: &str) -> LowerWords {
        let mut lower = LowerWords::default();
        for_each_lower_case_word(s, 0, s.len(), |_, hash| lower.add_hashed(hash));
        lower
    }

    fn found(s: &str) -> Vec<(String, EntityKind, Evidence)> {
        let mut out = Vec::new();
        candidates(
            &Doc::of(s),
            false,
            Gazetteer::get(),
            &lower_words(s),
            &mut out,
        );
        out.into_iter()
            .map(|c| (s[c.start..c.end].to_string(), c.kind, c.evidence))
            .collect()
    }

    fn names(s: &str) -> Vec<String> {
        found(s)
            .into_iter()
            .filter(|c| c.2 != Evidence::Weak)
            .map(|c| c.0)
            .collect()
    }

    #[test]
    fn multi_word_and_hyphenated_names_are_one_candidate() {
        assert_eq!(
            names("talks with Kim Jong-Un and Moon Jae-In at Punggye-ri today"),
            ["Kim Jong-Un", "Moon Jae-In", "Punggye-ri"]
        );
    }

    #[test]
    fn particles_and_connectors_join_names() {
        assert_eq!(names("he met Osama bin Laden there"), ["Osama bin Laden"]);
        assert_eq!(
            names("a statue of Charles de Gaulle stood"),
            ["Charles de Gaulle"]
        );
        assert_eq!(
            names("director for Young Professionals in Foreign Policy and"),
            ["Young Professionals in Foreign Policy"]
        );
        assert_eq!(
            names("members of the Church of Scientology said"),
            ["Church of Scientology"]
        );
        assert_eq!(
            names("Kim Jong-Un in Singapore"),
            ["Kim Jong-Un", "Singapore"]
        );
    }

    #[test]
    fn acronyms_with_and_without_periods() {
        let f = found("the U.S and the US and the U.S. joined the IAEA today");
        let kinds: Vec<_> = f.iter().map(|c| (c.0.as_str(), c.1)).collect();
        assert_eq!(
            kinds,
            [
                ("U.S", EntityKind::Place),
                ("US", EntityKind::Place),
                ("U.S.", EntityKind::Place),
                ("IAEA", EntityKind::Org)
            ]
        );
    }

    #[test]
    fn acronym_defined_in_parentheses_points_back() {
        let s = "of the International Atomic Energy Agency (IAEA) ahead";
        let mut out = Vec::new();
        candidates(
            &Doc::of(s),
            false,
            Gazetteer::get(),
            &lower_words(s),
            &mut out,
        );
        assert_eq!(out.len(), 2);
        assert_eq!(out[1].defines, Some(0));
        assert_eq!(out[0].kind, EntityKind::Org);
    }

    #[test]
    fn titles_are_stripped_and_mark_a_person() {
        let f = found("said Secretary of State Mike Pompeo and South Korean President Moon Jae-In");
        assert_eq!(
            f[0],
            ("Mike Pompeo".into(), EntityKind::Person, Evidence::Titled)
        );
        assert_eq!(f[1].0, "South Korean");
        assert_eq!(
            f[2],
            ("Moon Jae-In".into(), EntityKind::Person, Evidence::Titled)
        );
        assert_eq!(found("a tweet from President Trump")[0].0, "Trump");
        assert_eq!(
            found("then Mr. Smith and Dr. Jane Doe left")
                .into_iter()
                .map(|c| (c.0, c.2))
                .collect::<Vec<_>>(),
            [
                ("Smith".to_string(), Evidence::Titled),
                ("Jane Doe".to_string(), Evidence::Titled)
            ]
        );
        assert!(names("the President said").is_empty());
    }

    #[test]
    fn possessive_endings_end_the_mention() {
        let spans = |s: &str| found(s).into_iter().map(|c| c.0).collect::<Vec<_>>();
        assert_eq!(spans("in Trump’s court"), ["Trump"]);
        assert_eq!(
            names("by Saudi Arabia's Civil Defense Authority"),
            ["Saudi Arabia", "Civil Defense Authority"]
        );
    }

    #[test]
    fn sentence_initial_capitals_are_weak_and_common_words_dropped() {
        let f = found("Economic aid is slow. The New York Times said so.");
        assert_eq!(f[0].2, Evidence::Weak);
        assert_eq!(f[1].0, "New York Times");
        assert_eq!(f[1].1, EntityKind::Org);
    }

    #[test]
    fn organisation_words_and_place_cues_give_kinds() {
        let f = found("students at New York University and the Indonesian Navy near Punggye-ri");
        let kinds: Vec<_> = f.iter().map(|c| (c.0.as_str(), c.1)).collect();
        assert_eq!(
            kinds,
            [
                ("New York University", EntityKind::Org),
                ("Indonesian Navy", EntityKind::Org),
                ("Punggye-ri", EntityKind::Place)
            ]
        );
    }

    #[test]
    fn event_and_work_heads_give_kinds_before_the_words_inside() {
        let f = found("during the Arab Spring rebellion, as under the Agreed Framework of 1994");
        let kinds: Vec<_> = f.iter().map(|c| (c.0.as_str(), c.1)).collect();
        assert_eq!(
            kinds[..2],
            [
                ("Arab Spring", EntityKind::Event),
                ("Agreed Framework", EntityKind::Work)
            ]
        );
    }

    #[test]
    fn a_role_is_no_name_but_a_name_before_it_is() {
        let f = found("By Isla MacLeod, Islands Correspondent, for the Minister of War in North Korea Analyst circles");
        assert!(
            f.iter()
                .all(|c| c.1 != EntityKind::Person || c.0 == "Isla MacLeod"),
            "{f:?}"
        );
        assert!(f.iter().all(|c| c.1 != EntityKind::Event), "{f:?}");
        assert!(
            f.iter()
                .any(|c| c.0 == "North Korea" && c.1 == EntityKind::Place),
            "{f:?}"
        );
    }

    #[test]
    fn a_place_word_opens_a_place_name() {
        let f = found("The ferry leaves Port Askaig at noon, climbers saw Mount Kenya and Lake Smith said so.");
        let kinds: Vec<_> = f.iter().map(|c| (c.0.as_str(), c.1)).collect();
        assert_eq!(
            kinds[..2],
            [
                ("Port Askaig", EntityKind::Place),
                ("Mount Kenya", EntityKind::Place)
            ]
        );
        assert_ne!(kinds[2], ("Lake Smith", EntityKind::Place));
    }

    #[test]
    fn a_field_of_study_or_a_possessive_after_a_cue_is_no_place() {
        let f =
            found("a Master of Science in Global Affairs and a party at Andrew’s Air Force base");
        let global = f
            .iter()
            .find(|c| c.0 == "Global Affairs")
            .expect("a candidate");
        assert_eq!((global.1, global.2), (EntityKind::Other, Evidence::Weak));
        let andrew = f.iter().find(|c| c.0 == "Andrew").expect("a candidate");
        assert_ne!(andrew.1, EntityKind::Place);
        let f = found("He lives in Boston and works at Harvard’s law school.");
        assert_eq!((f[0].0.as_str(), f[0].1), ("Boston", EntityKind::Place));
    }

    #[test]
    fn a_place_noun_before_of_makes_a_place() {
        let f = found("shells fell on the town of Yeoncheon and the city of Hama’s edge");
        assert_eq!(
            (f[0].0.as_str(), f[0].1, f[0].2),
            ("Yeoncheon", EntityKind::Place, Evidence::Cue)
        );
        assert_ne!(f[1].1, EntityKind::Place);
    }

    #[test]
    fn a_name_after_a_determiner_is_no_person() {
        let f = found("music by the Kaiser Chiefs and by Lou Reed, and by Tanka Boro");
        let kinds: Vec<_> = f.iter().map(|c| (c.0.as_str(), c.1)).collect();
        assert_eq!(
            kinds,
            [
                ("Kaiser Chiefs", EntityKind::Org),
                ("Lou Reed", EntityKind::Person),
                ("Tanka Boro", EntityKind::Person)
            ]
        );
    }

    #[test]
    fn a_full_name_run_into_the_words_before_it_is_split_off() {
        let f = found(
            "a video of Scientologist Tom Cruise, of Mary Ann Evans and of Farouk Ben Mustapha",
        );
        let kinds: Vec<_> = f.iter().map(|c| (c.0.as_str(), c.1)).collect();
        for name in ["Tom Cruise", "Mary Ann Evans", "Farouk Ben Mustapha"] {
            assert!(kinds.contains(&(name, EntityKind::Person)), "{kinds:?}");
        }
    }

    #[test]
    fn a_lone_name_that_speaks_is_a_person() {
        let f = found("The works, said Mauer, are shown. Later Jafari said no. Doctors said so.");
        let people: Vec<_> = f
            .iter()
            .filter(|c| c.1 == EntityKind::Person)
            .map(|c| (c.0.as_str(), c.2))
            .collect();
        assert_eq!(
            people,
            [("Mauer", Evidence::Cue), ("Jafari", Evidence::Cue)]
        );
    }

    #[test]
    fn capitalised_words_the_article_writes_in_lower_case_are_no_person() {
        let f = found(
            "the last Space Shuttle mission; the shuttles flew. Kwok Ka-ki and Democrat Lam Cheuk-ting, a democrat, flew too. Park Geun-hye was in a park.",
        );
        assert_eq!(
            (f[0].0.as_str(), f[0].1, f[0].2),
            ("Space Shuttle", EntityKind::Other, Evidence::Weak)
        );
        assert_eq!(
            (f[1].0.as_str(), f[1].1),
            ("Kwok Ka-ki", EntityKind::Person)
        );
        assert_eq!(
            (f[3].0.as_str(), f[3].1),
            ("Lam Cheuk-ting", EntityKind::Person)
        );
        assert_eq!(
            (f[4].0.as_str(), f[4].1),
            ("Park Geun-hye", EntityKind::Person)
        );
    }

    #[test]
    fn handles_and_web_addresses_are_no_names() {
        let f = found("he tweeted as @POTUS that Scientology.org was down for NZ $ 26, said Obama");
        let spans: Vec<_> = f.iter().map(|c| c.0.as_str()).collect();
        assert_eq!(spans, ["Obama"]);
    }

    #[test]
    fn words_before_and_share_the_head_of_the_name_after_it() {
        let f = found(
            "at the National Air and Space Museum, between Israel and Palestine Liberation Organization, \
            by the Institute of Technology and Colorado State University",
        );
        let kinds: Vec<_> = f.iter().map(|c| (c.0.as_str(), c.1)).collect();
        assert_eq!(
            kinds[0],
            ("National Air and Space Museum", EntityKind::Place)
        );
        assert_eq!(kinds[1].0, "Israel");
        assert_eq!(kinds[3].0, "Institute of Technology");
    }

    #[test]
    fn a_title_before_an_organisation_name_makes_no_person() {
        let f = found("fans from the Doctor Who Society of Canada came");
        assert_eq!(
            (f[0].0.as_str(), f[0].1),
            ("Doctor Who Society of Canada", EntityKind::Org)
        );
    }

    #[test]
    fn headline_words_are_weak_unless_known() {
        let s = "North Korea Summit on the Rocks";
        let mut out = Vec::new();
        candidates(
            &Doc::of(s),
            true,
            Gazetteer::get(),
            &lower_words(s),
            &mut out,
        );
        assert!(out.iter().all(|c| c.evidence == Evidence::Weak));
    }
}
