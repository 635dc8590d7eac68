//! Reading the words around one quotation: its reporting word (`said`, `a tweet from`,
//! `according to`), that word's subject, and the quotation's kind.
//!
//! Three places may hold the reporting word: right after the quotation (`“…,” Smith said`,
//! `“…,” said the prince`), a short tag sentence after one that ends its sentence (`“…!” Trump
//! tweeted.`), and before it in its sentence (`Smith told reporters: “…”`, `a tweet from Smith:
//! “…”`, `saying Kim has acted “honorably”`); the first that names someone known wins. The
//! subject is an entity mention (or a name the entity list knows), a pronoun, `the <title>`,
//! `the agency`, or the words of an unnamed speaker; [`Context::resolve`] turns it into a speaker.

use super::context::{Context, MentionRef, Subject, SubjectKind};
use super::lexicon::{CueKind, Gender, Lexicon};
use super::marks::Span;
use super::rules::RuleId;
use super::sieve::Attribution;
use super::tokens::{TokenKind, Tokens};
use super::{is_title_case, kind_of_fragment};
use crate::analysis::{EntityKind, QuoteKind};

/// A reporting word found for a quotation.
#[derive(Debug, Clone)]
pub(super) struct Found {
    /// The rule that read it.
    pub rule: RuleId,
    pub subject: Option<Subject>,
    /// The reporting word, if the attribution has one (a transcript's label has none).
    pub cue: Option<&'static str>,
    /// Token index of the reporting word, and whether it stands before the quotation.
    pub at: usize,
    pub end: usize,
    pub before: bool,
}

/// How many tokens before a quotation its reporting word may stand, and how many quotations of
/// one stretch carry a speaker over to each other: bounds for pathological input.
pub(super) const SENTENCE_REACH: usize = 80;

/// The tokens of one stretch of paragraphs, read against the context.
pub(super) struct Reader<'c, 'a> {
    pub ctx: &'c Context<'a>,
    pub t: &'c Tokens,
    /// The stretch is a headline, written in title case: its reporting words are capitalised
    /// (`Christie Calls Clinton ‘A Disgrace’`).
    pub headline: bool,
}

impl<'c, 'a> Reader<'c, 'a> {
    /// A reader of `t`, which is a headline when it is the document's first stretch and is
    /// written in title case.
    pub fn new(ctx: &'c Context<'a>, t: &'c Tokens, first: bool) -> Reader<'c, 'a> {
        let headline = first && {
            let words: Vec<usize> = (0..t.len().min(HEADLINE_WORDS + 1))
                .filter(|&k| t.is_word(k) && t.word(k).len() > 3)
                .collect();
            t.len() <= HEADLINE_WORDS * 2
                && words.len() >= 2
                && words.iter().all(|&k| t.is_capitalised(ctx.text, k))
        };
        Reader { ctx, t, headline }
    }
}

/// How many tokens after a quotation its reporting word is looked for; after a name set off by
/// a comma (`“…,” Jane Doe, a director of …, said`), how many.
const CUE_REACH: usize = 12;
const APPOSITIVE_REACH: usize = 40;

/// The most words a headline has.
const HEADLINE_WORDS: usize = 24;

/// Words that, before a participle (`, saying`), tie it to the sentence's main subject.
const PARTICIPLE_LINKS: [&str; 11] = [
    "and", "while", "before", "after", "when", "by", "even", "also", "despite", "without", "since",
];
/// Words that open a new clause after a quotation, ending the search for its attribution.
const CONJUNCTIONS: [&str; 11] = [
    "and", "but", "or", "that", "which", "because", "while", "when", "although", "though", "if",
];
/// Prepositions that, after a name, open its affiliation (`Mr. Morgan of the Sierra Club`).
const AFFILIATIONS: [&str; 7] = ["of", "for", "at", "from", "with", "in", "on"];

/// Prepositions that open an adverbial phrase between a subject and its verb (`Darcy, and in a
/// constrained manner said`), and particles or adverbs after a verb that are never its subject
/// (`called out`, `said aloud`).
const ADJUNCT_PREPOSITIONS: [&str; 8] = ["in", "with", "at", "after", "for", "from", "on", "by"];
const PARTICLES: [&str; 9] = [
    "out", "up", "back", "aloud", "forth", "down", "away", "again", "once",
];
/// The most tokens a name phrase runs over (`European Council President Donald Tusk`).
const NAME_PHRASE: usize = 9;
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

    /// A mention at `i` of an entity that can speak. A title standing alone (`Rep` of `Rep. G.K.
    /// Butterfield` taken for a name) never speaks: the name after it does.
    fn speaker_at(&self, i: usize, persons_only: bool) -> Option<MentionRef> {
        self.mention_at(i).filter(|m| {
            let speaks = match self.ctx.kind(m.entity) {
                Some(EntityKind::Person) => true,
                Some(EntityKind::Org) => !persons_only,
                _ => false,
            };
            let words = self.text().get(m.start..m.end).unwrap_or("");
            let lone_title = !words.contains(' ')
                && self
                    .lex()
                    .title(&words.trim_end_matches('.').to_lowercase())
                    .is_some();
            speaks && !lone_title
        })
    }

    /// The head of the name phrase in tokens `a..b`: the last person named before an
    /// affiliation (`European Council President Donald Tusk`, `MSNBC host Chris Matthews`,
    /// `Gov. Earl Ray Tomblin of West Virginia`), never a possessive owner (`Scott’s niece,
    /// Marcia Price`); failing a person, the last organisation.
    fn np_head(&self, a: usize, b: usize) -> Option<MentionRef> {
        let stop = (a + 1..b)
            .find(|&k| AFFILIATIONS.contains(&self.t.word(k)))
            .unwrap_or(b);
        let mut person = None;
        let mut org = None;
        for k in a..stop {
            let Some(m) = self.speaker_at(k, false) else {
                continue;
            };
            if self.possessive(m) {
                continue;
            }
            if self.ctx.is_person(m.entity) {
                person = Some(m);
            } else {
                org = Some(m);
            }
        }
        // A country or city speaks for its government only as the phrase's head (`Russia
        // insisted`), never as a modifier (`Charlotte Mayor Jennifer Roberts`).
        let place_head = || {
            let last = stop.checked_sub(1).filter(|&l| l >= a)?;
            let m = self.mention_at(last)?;
            let at_end = self.t.tokens.get(last).is_some_and(|t| t.end == m.end);
            let place = matches!(
                self.ctx.kind(m.entity),
                Some(EntityKind::Place | EntityKind::Group)
            );
            (place && at_end && !self.possessive(m)).then_some(m)
        };
        person.or(org).or_else(place_head)
    }

    /// The reporting word starting at token `i`: its kind, length in tokens and form. Verbs that
    /// report speech only in a quotation's attribution count when `attribution` says the word
    /// stands there, or when they lead straight into a quotation (`he began: “…”`).
    fn cue_at(
        &self,
        i: usize,
        sentence_start: usize,
        attribution: bool,
    ) -> Option<(CueKind, usize, &'static str)> {
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
            if !(lower_case
                || i == sentence_start
                || form.kind == CueKind::SpeakerFollows
                || self.headline)
            {
                continue;
            }
            if form.after_quote_only && !attribution && !self.leads_into_quote(i + form.words.len())
            {
                continue;
            }
            // After a determiner (`the call`, `a promise`) a verb form is a noun.
            let prev = i.checked_sub(1).map(|p| self.t.word(p)).unwrap_or("");
            // `the following comment`: a determiner two words back, an adjective between. A
            // bare form only: after `the president` a verb agrees (`said`, `comments`), and
            // `the officials comment` has a plural subject.
            let prev2 = i.checked_sub(2).map(|p| self.t.word(p)).unwrap_or("");
            let bare = !written.ends_with('s') && !written.ends_with("ed");
            let after_adjective = form.kind == CueKind::VerbOrNoun
                && bare
                && !prev.ends_with('s')
                && DETERMINERS.contains(&prev2)
                && i >= 2
                && self.t.is_word(i - 1)
                && !self.t.is_capitalised(self.text(), i - 1)
                && self.lex().cues_starting(prev).is_empty();
            let after_determiner = DETERMINERS.contains(&prev)
                || prev.ends_with("'s")
                || prev.ends_with("’s")
                || after_adjective;
            // `late-night tweets`, `news reports`: a plural after a common word is a noun; a
            // verb's subject is a name or a pronoun (`Trump tweets`, `she comments`).
            let plural_noun = form.words.len() == 1
                && written.ends_with('s')
                && i > sentence_start
                && self.t.is_word(i - 1)
                && !self.t.is_capitalised(self.text(), i - 1)
                && self.lex().pronoun(prev).is_none()
                && !self.lex().is_subject_pronoun(prev)
                && !self.lex().is_skip(prev);
            let kind = match form.kind {
                CueKind::VerbOrNoun if after_determiner || plural_noun => CueKind::Noun,
                CueKind::VerbOrNoun => CueKind::Verb,
                CueKind::Verb if after_determiner => continue,
                k => k,
            };
            return Some((kind, form.words.len(), form.joined.as_str()));
        }
        None
    }

    /// Whether a reporting form starts at token `k` with all its words (`a dit`, not the
    /// article `a`).
    fn is_cue_word(&self, k: usize) -> bool {
        self.t.is_word(k)
            && !self.inside_name(k)
            && self.lex().cues_starting(self.t.word(k)).iter().any(|f| {
                f.words
                    .iter()
                    .enumerate()
                    .all(|(n, w)| self.t.is_word(k + n) && self.t.word(k + n) == w)
            })
    }

    /// Whether the word at token `k` is written with a capital inside a name, after `the` or
    /// another capitalised word (`the Mock Turtle`), outside a headline: a name's word, not a
    /// reporting verb.
    fn inside_name(&self, k: usize) -> bool {
        !self.headline
            && k > 0
            && self.t.is_capitalised(self.text(), k)
            && self.t.is_word(k - 1)
            && (matches!(self.t.word(k - 1), "the") || self.t.is_capitalised(self.text(), k - 1))
    }

    /// Whether a quotation starts at token `k`, perhaps after a comma or colon.
    fn leads_into_quote(&self, k: usize) -> bool {
        let quote_at = |k: usize| matches!(self.t.kind(k), Some(TokenKind::Quote(_)));
        quote_at(k) || ((self.t.is_punct(k, ',') || self.t.is_punct(k, ':')) && quote_at(k + 1))
    }

    /// Whether tokens `j..k` can be the subject of a verb at `k` in a quotation's attribution:
    /// a few words, none of them a reporting word or a clause boundary (`the old lady`, `Anne`,
    /// `Mr. Bennet`).
    fn attribution_subject(&self, j: usize, k: usize) -> bool {
        k.saturating_sub(j) <= 4
            && (j..k).all(|x| {
                self.t.is_punct(x, '.')
                    || (self.t.is_word(x)
                        && !self.lex().is_clause_stop(self.t.word(x))
                        && !self.is_cue_word(x))
            })
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
        // `Stevie Wonder, who joked`: the relative's antecedent, the name right before it.
        let mut r = v;
        while r > lo && self.t.is_word(r - 1) && self.lex().is_skip(self.t.word(r - 1)) {
            r -= 1;
            if self.t.word(r) == "who" {
                let mut a = r;
                if a > lo && self.t.is_punct(a - 1, ',') {
                    a -= 1;
                }
                if let Some(m) = a.checked_sub(1).and_then(|x| self.speaker_at(x, false)) {
                    return Some(self.mentioned(m));
                }
                break;
            }
        }
        let mut i = v;
        loop {
            while i > lo && self.t.is_word(i - 1) && self.lex().is_skip(self.t.word(i - 1)) {
                i -= 1;
            }
            // Back over a parenthesis: `Gov. Pat McCrory (R) said`, `Sen. Chuck Schumer
            // (D-N.Y.) said`.
            if i > lo && self.t.is_punct(i - 1, ')') {
                match (lo..i - 1)
                    .rev()
                    .take(12)
                    .find(|&k| self.t.is_punct(k, '('))
                {
                    Some(open) => {
                        i = open;
                        continue;
                    }
                    None => break,
                }
            }
            break;
        }
        if i <= lo {
            return None;
        }
        match self.t.kind(i - 1)? {
            TokenKind::Punct(c @ (',' | '—' | '–' | '-')) => {
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
                                return Some(self.mentioned(m));
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
            // `James B. Comey Jr. said`: the period of an abbreviation closing a name.
            TokenKind::Punct('.')
                if i >= lo + 2
                    && self.t.is_word(i - 2)
                    && self.t.tokens[i - 2].end == self.t.tokens[i - 1].start
                    && (self.mention_at(i - 2).is_some()
                        || self.lex().is_abbreviation(self.t.word(i - 2))) =>
            {
                self.np_before(lo, i - 1)
            }
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
            .then(|| self.mentioned(m))
    }

    /// Whether a mention stands in the possessive (`Smith’s`).
    fn possessive(&self, m: MentionRef) -> bool {
        let rest = self.text().get(m.end..).unwrap_or("");
        let plural = self
            .text()
            .get(m.start..m.end)
            .is_some_and(|w| w.ends_with('s'));
        rest.starts_with("'s")
            || rest.starts_with("\u{2019}s")
            || (plural && (rest.starts_with('\'') || rest.starts_with('\u{2019}')))
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
            if matches!(
                self.ctx.kind(m.entity),
                Some(EntityKind::Place | EntityKind::Group)
            ) {
                // `John Bolton, a critic of North Korea recently said`: a descriptor whose
                // closing comma is missing.
                if let Some(person) = self.unclosed_descriptor(lo, last, m.start) {
                    return Some(self.mentioned(person));
                }
            }
            if let Some(head) = self.np_head(self.name_run_start(lo, end), end) {
                return Some(self.mentioned(head));
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
            && (first == end || !self.is_cue_word(first - 1))
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
                return Some(self.mentioned(m));
            }
        }
        Some(self.phrase(first, end))
    }

    /// A mention as a subject.
    fn mentioned(&self, m: MentionRef) -> Subject {
        Subject::new(SubjectKind::Entity(m.entity), m.start, m.end)
    }

    /// The byte range of tokens `first..end`.
    fn bytes(&self, first: usize, end: usize) -> (usize, usize) {
        let start = self.t.tokens.get(first).map_or(0, |t| t.start);
        let stop = self
            .t
            .tokens
            .get(end.saturating_sub(1))
            .map_or(start, |t| t.end.max(start));
        (start, stop)
    }

    /// A subject pronoun at token `i`.
    fn pronoun(&self, i: usize) -> Subject {
        let (start, end) = self.bytes(i, i + 1);
        let kind = match self.lex().pronoun(self.t.word(i)) {
            Some(g @ (Gender::Male | Gender::Female)) => SubjectKind::Pronoun(g),
            _ if self.t.word(i) == "i" => SubjectKind::Narrator,
            _ => SubjectKind::Nobody,
        };
        Subject::new(kind, start, end)
    }

    /// The words of tokens `first..end` as a speaker: `the prince`, or an unnamed speaker.
    fn phrase(&self, first: usize, end: usize) -> Subject {
        let (at, stop) = self.bytes(first, end);
        if end - first == 2 && matches!(self.t.word(first), "the" | "this" | "that" | "our") {
            let noun = self.t.word(first + 1);
            if self.lex().title(noun).is_some() {
                return Subject::new(SubjectKind::Title(noun.to_string()), at, stop);
            }
            if self.lex().is_organisation_noun(noun) {
                return Subject::new(SubjectKind::Organisation, at, stop);
            }
        }
        // `the beadle`, `the old gentleman`: a description the text may have given someone.
        let short = (2..=3).contains(&(end - first));
        if short && self.t.word(first) == "the" {
            let noun = self.t.word(end - 1);
            let plain = (first + 1..end - 1)
                .all(|k| self.t.is_word(k) && !self.t.is_capitalised(self.text(), k))
                && self.t.is_word(end - 1)
                && noun.chars().all(char::is_alphabetic);
            if plain && !self.lex().is_organisation_noun(noun) {
                return Subject::new(SubjectKind::Title(noun.to_string()), at, stop);
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
                return Subject::new(SubjectKind::Named(e), from, stop);
            }
        }
        Subject::new(SubjectKind::Text, at, stop)
    }

    /// `NAME, a …` at the start of a sentence with no comma closing the descriptor: the person.
    fn unclosed_descriptor(
        &self,
        lo: usize,
        last: usize,
        mention_start: usize,
    ) -> Option<MentionRef> {
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
        (opens_descriptor && name_leads).then_some(person)
    }

    /// The subject after the reporting word (`said Smith`, `said the prince`, `said he`,
    /// `according to a statement from Smith`), in tokens `from..hi`.
    fn subject_after(&self, from: usize, hi: usize) -> Option<Subject> {
        if from >= hi {
            return None;
        }
        // `said he`, `according to her`.
        let w = self.t.word(from);
        // `told me, “…”`: an object, naming no speaker.
        if self.t.is_word(from) && matches!(w, "me" | "us" | "them" | "you") {
            let (start, end) = self.bytes(from, from + 1);
            return Some(Subject::new(SubjectKind::Nobody, start, end));
        }
        // `said her father`: a possessive opening a description, no pronoun; `her ladyship` is
        // the lady the text last titled so.
        let owner = self.possessive_determiner(from, hi);
        if owner {
            let title = match self.t.word(from + 1) {
                "ladyship" => Some("lady"),
                "lordship" => Some("lord"),
                _ => None,
            };
            if let Some(title) = title {
                let (start, end) = self.bytes(from, from + 2);
                return Some(Subject::new(
                    SubjectKind::Title(title.to_string()),
                    start,
                    end,
                ));
            }
        }
        if !owner
            && self.t.is_word(from)
            && (self.lex().is_subject_pronoun(w) || matches!(w, "him" | "her"))
        {
            return Some(self.pronoun(from));
        }
        if let Some(m) = self.name_from(from, hi).filter(|_| !owner) {
            return Some(self.mentioned(m));
        }
        // `said Tuesday`: a date is when, never who.
        if self
            .mention_at(from)
            .is_some_and(|m| self.ctx.kind(m.entity) == Some(EntityKind::Date))
        {
            return None;
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
            if let Some(m) = self.name_from(k + 1, hi) {
                return Some(self.mentioned(m));
            }
        }
        Some(self.phrase(from, k))
    }

    /// Whether `his` or `her` at token `from` is a possessive before a noun (`said her
    /// father`, `added his lady`), not a pronoun.
    fn possessive_determiner(&self, from: usize, hi: usize) -> bool {
        let next = from + 1;
        self.t.is_word(from)
            && matches!(self.t.word(from), "his" | "her")
            && next < hi
            && self.t.is_word(next)
            && !self.t.is_capitalised(self.text(), next)
            && !self.lex().is_clause_stop(self.t.word(next))
            && !self.lex().is_skip(self.t.word(next))
            && !PARTICLES.contains(&self.t.word(next))
    }

    /// The name phrase starting at token `from` (`Secretary of State Mike Pompeo`, `MSNBC host
    /// Chris Matthews`, `Rep. Elijah Cummings of Maryland`) and its head.
    fn name_from(&self, from: usize, hi: usize) -> Option<MentionRef> {
        let mut end = from;
        while end < hi.min(from + NAME_PHRASE) {
            let w = self.t.word(end);
            let part = self.t.is_punct(end, '.')
                || (self.t.is_word(end)
                    && (self.t.is_capitalised(self.text(), end)
                        || w == "the"
                        || AFFILIATIONS.contains(&w)
                        || (!self.lex().is_clause_stop(w) && !self.is_cue_word(end))));
            if !part {
                break;
            }
            end += 1;
        }
        // A name must lead the phrase: `said the prince` names no one by name.
        (end > from).then(|| self.np_head(from, end)).flatten()
    }

    /// Where the name phrase ending at token `end` starts, reading back over names, titles,
    /// initials and affiliations (`Mr. Morgan of the Sierra Club`).
    fn name_run_start(&self, lo: usize, end: usize) -> usize {
        let mut k = end;
        while k > lo && end - k < NAME_PHRASE {
            let w = self.t.word(k - 1);
            let part = self.t.is_punct(k - 1, '.')
                || (self.t.is_word(k - 1)
                    && (self.t.is_capitalised(self.text(), k - 1)
                        || w == "the"
                        || AFFILIATIONS.contains(&w)));
            if !part {
                break;
            }
            k -= 1;
        }
        // The phrase opens with a name or title, not with `of the`.
        while k < end && !self.t.is_capitalised(self.text(), k) {
            k += 1;
        }
        k
    }

    /// The speaker beside a reporting noun at `k..k_end`: `a tweet from Smith`, `Smith’s
    /// statement`, or the subject of the sentence (`Smith issued a statement`).
    fn noun_subject(&self, lo: usize, k: usize, k_end: usize, hi: usize) -> Option<Subject> {
        for x in k_end..hi.min(k_end + 4) {
            if matches!(self.t.word(x), "from" | "by") {
                if let Some(m) = self.name_from(x + 1, hi) {
                    return Some(self.mentioned(m));
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
                    return Some(self.mentioned(m));
                }
            }
        }
        self.main_subject(lo, k)
    }

    /// The first name or `he`/`she` of a sentence: the subject a participle or a lead-in refers
    /// to (`Trump … saying Kim has acted “honorably”`).
    fn main_subject(&self, lo: usize, hi: usize) -> Option<Subject> {
        let lo = lo.max(hi.saturating_sub(SENTENCE_REACH));
        // `In an AP interview Monday, Sanders said …, adding`: a phrase opening the sentence
        // with a preposition, up to its comma, holds no subject.
        let opening = (self.t.is_word(lo) && self.lex().is_opening_word(self.t.word(lo)))
            .then(|| (lo + 1..hi.min(lo + 16)).find(|&k| self.t.is_punct(k, ',')))
            .flatten();
        if let Some(comma) = opening {
            if let Some(s) = self.main_subject_from(comma + 1, hi) {
                return Some(s);
            }
        }
        self.main_subject_from(lo, hi)
    }

    /// [`Reader::main_subject`] from token `lo` on.
    fn main_subject_from(&self, lo: usize, hi: usize) -> Option<Subject> {
        (lo..hi).find_map(|k| {
            if let Some(m) = self.speaker_at(k, false) {
                // `Clinton’s campaign manager …, arguing`: the owner is not the subject.
                if self.possessive(m) {
                    return None;
                }
                // `Charlotte Mayor Jennifer Roberts … but said`: the head of the name run.
                let mut end = k + 1;
                while end < hi
                    && (self.t.is_punct(end, '.') || self.t.is_capitalised(self.text(), end))
                {
                    end += 1;
                }
                let head = self.np_head(k, end).unwrap_or(m);
                return Some(self.mentioned(head));
            }
            let w = self.t.word(k);
            // `Meanwhile, it attacked Trump, saying …`: a pronoun opening the sentence is its
            // subject, whoever is named after it.
            let opens = k == lo || (k > lo && self.t.is_punct(k - 1, ','));
            let subject_pronoun = matches!(w, "it" | "they" | "we" | "i") && opens;
            (w == "he" || w == "she" || subject_pronoun).then(|| self.pronoun(k))
        })
    }

    /// The subject of a verb at `v..v_end` standing before a quotation at `hi`.
    fn verb_subject(&self, lo: usize, v: usize, v_end: usize, hi: usize) -> Option<Subject> {
        let participle = self.t.word(v).ends_with("ing");
        // `a defense of “New York values,” saying …`: the comma closing a quotation links too.
        let linked = v > lo
            && (self.t.is_punct(v - 1, ',')
                || matches!(self.t.kind(v - 1), Some(TokenKind::Quote(_)))
                || PARTICIPLE_LINKS.contains(&self.t.word(v - 1)));
        // `Trump took to Twitter to accuse Clinton's campaign of being “duped”`: an infinitive
        // has the subject of the clause it completes.
        let infinitive = v > lo && self.t.is_word(v - 1) && self.t.word(v - 1) == "to";
        if (participle && linked) || infinitive {
            if let Some(s) = self.main_subject(lo, v) {
                return Some(s);
            }
        }
        // `Marilla … and in a constrained manner said`: the subject stands before the
        // adverbial phrase.
        let v0 = self.past_adjuncts(lo, v);
        // `She answered him, and after a moment's pause, added,`: the phrase before the comma
        // is no subject; the sentence's pronoun is.
        let after_comma = v0 > lo && self.t.is_punct(v0 - 1, ',');
        self.subject_before(lo, v0)
            .filter(|s| {
                !(after_comma
                    && matches!(s.kind, SubjectKind::Text | SubjectKind::Title(_))
                    && self
                        .main_subject(lo, v)
                        .is_some_and(|m| matches!(m.kind, SubjectKind::Pronoun(_))))
            })
            .or_else(|| {
                // Inverted (`said Smith: “…”`): a name, or a phrase that runs up to the quote.
                // Never an object (`said it would be`, `told him`), nor an adverb or particle
                // (`said grimly:`, `called out,`).
                self.subject_after(v_end, hi).filter(|s| match s.kind {
                    // `told her sister, “…”`: an object.
                    SubjectKind::Text
                        if self.adverbial(v_end) || self.possessive_determiner(v_end, hi) =>
                    {
                        false
                    }
                    SubjectKind::Text => {
                        let end = s.end;
                        let rest = self.text().get(end..).unwrap_or("").trim_start();
                        rest.starts_with([',', ':'])
                            || self.t.tokens.get(hi).is_some_and(|q| q.start <= end + 1)
                    }
                    SubjectKind::Nobody => false,
                    SubjectKind::Entity(_) | SubjectKind::Named(_) => {
                        !self.object_of(v, v_end, s.end, hi)
                    }
                    SubjectKind::Pronoun(_) => {
                        let w = self.text().get(s.start..s.end).unwrap_or("");
                        !w.eq_ignore_ascii_case("him") && !w.eq_ignore_ascii_case("her")
                    }
                    _ => true,
                })
            })
            .or_else(|| {
                let and = v0 > lo && matches!(self.t.word(v0 - 1), "and" | "but");
                (participle || and || after_comma)
                    .then(|| self.main_subject(lo, v))
                    .flatten()
            })
    }

    /// Whether a name ending at byte `end`, after the verb at `v..from`, is the verb's object
    /// rather than its inverted subject: `as` follows it (`described Trump as`; `said Smith as
    /// he left` is inverted), or the verb names what its object is (`called Trump “very
    /// flexible”`).
    fn object_of(&self, v: usize, from: usize, end: usize, hi: usize) -> bool {
        let next = (from..hi).find(|&k| self.t.tokens.get(k).is_some_and(|t| t.start >= end));
        let verb = self.t.word(v);
        let say = matches!(verb, "say" | "says" | "said" | "saying");
        let complement = !say && next.is_some_and(|k| self.t.is_word(k) && self.t.word(k) == "as");
        complement || self.lex().is_naming_verb(verb)
    }

    /// Where the words before a verb at token `v` end once an adverbial phrase right before it
    /// is left out (`in a constrained manner said`, `very gravely replied`): the token after
    /// the subject, or `v` itself.
    fn past_adjuncts(&self, lo: usize, v: usize) -> usize {
        let skip_back = |mut i: usize| {
            while i > lo && self.t.is_word(i - 1) && self.lex().is_skip(self.t.word(i - 1)) {
                i -= 1;
            }
            i
        };
        let i = skip_back(v);
        let mut k = i;
        while k > lo
            && i - k < 5
            && self.t.is_word(k - 1)
            && self.mention_at(k - 1).is_none()
            && !self.lex().is_clause_stop(self.t.word(k - 1))
        {
            k -= 1;
        }
        if k < i && k > lo && ADJUNCT_PREPOSITIONS.contains(&self.t.word(k - 1)) {
            let before = k - 1;
            // Only a phrase opening a clause: `and in a … manner said`, `, in a … way, said`.
            let opens = before > lo
                && (self.t.is_punct(before - 1, ',')
                    || matches!(self.t.word(before - 1), "and" | "but"));
            if opens {
                return skip_back(before);
            }
        }
        v
    }

    /// Whether the word at token `k`, right after a verb, is an adverb or a particle (`said
    /// grimly`, `called out`), which is never the verb's subject.
    fn adverbial(&self, k: usize) -> bool {
        self.t.is_word(k) && {
            let w = self.t.word(k);
            self.lex().is_skip(w) || PARTICLES.contains(&w)
        }
    }

    /// `“…” was Marilla’s comment`, `“…” were his words`: a remark and its owner opening the
    /// sentence right after the quotation (at token `j`, the sentence ending at `s1`).
    fn remark_of(&self, j: usize, s1: usize) -> Option<Found> {
        if !matches!(self.t.word(j), "was" | "were") || j + 2 >= s1 {
            return None;
        }
        let owner = j + 1;
        let w = self.t.word(owner);
        let subject = if matches!(w, "his" | "her") {
            self.pronoun(owner)
        } else {
            let m = self.speaker_at(owner, true)?;
            if !self.possessive(m) {
                return None;
            }
            self.mentioned(m)
        };
        // The remark within a few words (`Marilla's dry response`, `his first remark`).
        let after = (owner + 1..s1.min(owner + 6))
            .filter(|&k| self.t.is_word(k))
            .find_map(|k| self.lex().remark_noun(self.t.word(k)).map(|c| (k, c)));
        let (at, cue) = after?;
        // Only words between the owner and the remark (no clause of its own).
        if (owner + 1..at).any(|k| !self.t.is_word(k) && !self.t.is_punct(k, '.')) {
            return None;
        }
        Some(Found {
            rule: RuleId::RemarkOf,
            subject: Some(subject),
            cue: Some(cue),
            at,
            end: at + 1,
            before: false,
        })
    }

    /// The comma after a speaker's name at token `j` that opens a descriptor (`Jane Doe, a
    /// director of …,`): past the whole name, its initials' periods too (`Leonard E. Burman`),
    /// and a generational suffix the name may leave out (`Vann R. Newkirk II`).
    fn descriptor_after_name(&self, j: usize, s1: usize) -> Option<usize> {
        let m = self.speaker_at(j, false)?;
        let mut x = j;
        while x < s1 && self.t.tokens.get(x).is_some_and(|t| t.start < m.end) {
            x += 1;
        }
        if x < s1 && matches!(self.t.word(x), "ii" | "iii" | "iv" | "jr" | "sr") {
            x += 1;
            if self.t.is_punct(x, '.') {
                x += 1;
            }
        }
        self.t.is_punct(x, ',').then_some(x)
    }

    /// A reporting word right after the quotation at token `i`: `“…,” Smith said`.
    fn after(&self, i: usize) -> Option<Found> {
        let (s0, s1) = *self.t.sentence.get(i)?;
        let mut j = i + 1;
        // `“…”, he said` (British placement), `“…” — he said` and `“…”--said Emma`.
        while j < i + 3 && [',', '—', '–', '-'].iter().any(|&c| self.t.is_punct(j, c)) {
            j += 1;
        }
        if j >= s1 || !self.t.is_word(j) {
            return None;
        }
        if let Some(found) = self.remark_of(j, s1) {
            return Some(found);
        }
        if self.lex().is_clause_stop(self.t.word(j)) && self.cue_at(j, s0, true).is_none() {
            return self.sentence_final_cue(i);
        }
        // `“…,” Leonard E. Burman, director of the centrist Urban-Brookings Tax Policy Center
        // and a professor at the Maxwell School of Syracuse University, said`: a name and a
        // descriptor set off by commas may run long before the verb.
        let descriptor_from = self.descriptor_after_name(j, s1);
        let reach = if descriptor_from.is_some() {
            APPOSITIVE_REACH
        } else {
            CUE_REACH
        };
        let mut k = j;
        let mut read = 0;
        while k < s1 && read < reach {
            let at = k;
            k += 1;
            read += 1;
            match self.t.kind(at) {
                Some(TokenKind::Quote(_)) => break,
                // `Sen. Claire McCaskill (D-Mo.) said`: past the parenthesis.
                Some(TokenKind::Punct('(')) => {
                    match (at + 1..s1.min(at + 10)).find(|&c| self.t.is_punct(c, ')')) {
                        Some(close) => {
                            k = close + 1;
                            continue;
                        }
                        None => break,
                    }
                }
                // `Jeff Weaver, Sanders’ campaign manager, said`: the apostrophe of a plural
                // possessive, written against its word.
                Some(TokenKind::Punct('\'' | '’'))
                    if at > j
                        && self.t.is_word(at - 1)
                        && self.t.tokens[at].start == self.t.tokens[at - 1].end
                        && self.t.word(at - 1).ends_with('s') => {}
                Some(TokenKind::Punct(c)) if !matches!(c, ',' | '.' | '—' | '–') => break,
                // `“…”, a first step, and said…`: a new clause, not the attribution; but inside
                // a descriptor not yet closed by its comma, `and` joins its parts (`director of
                // … and a professor at …`).
                Some(TokenKind::Word) if CONJUNCTIONS.contains(&self.t.word(at)) => {
                    let open = descriptor_from.is_some_and(|from| {
                        !(from + 1..at).any(|c| self.t.is_punct(c, ','))
                            && matches!(self.t.word(at), "and" | "or")
                    });
                    if !open {
                        break;
                    }
                }
                _ => {}
            }
            let k = at;
            let in_attribution = self.attribution_subject(j, k);
            let Some((kind, len, cue)) = self.cue_at(k, s0, in_attribution) else {
                continue;
            };
            let (rule, subject) = match kind {
                CueKind::SpeakerFollows => (RuleId::AccordingTo, self.subject_after(k + len, s1)),
                // `“unhinged” a Donald Trump tweet attacking …`: a noun after a quotation is
                // what the sentence talks about, not its attribution.
                CueKind::Noun => continue,
                _ => {
                    if let Some(s) = self.quoted_as(j, k) {
                        (RuleId::QuotedAs, Some(s))
                    } else if let Some(s) = self.subject_before(j, k) {
                        (RuleId::ExplicitCueAfter, Some(s))
                    } else if self.t.word(k).ends_with("ing") && i > s0 {
                        // `… a defense of “New York values,” saying the city …`: a participle
                        // right after a quotation has the subject of the clause before it, never
                        // the words after it.
                        match self.main_subject(s0, i) {
                            Some(s) => (RuleId::ExplicitCueAfter, Some(s)),
                            None => return None,
                        }
                    } else {
                        let s = self.subject_after(k + len, s1).filter(|s| {
                            !matches!(s.kind, SubjectKind::Entity(_) | SubjectKind::Named(_))
                                || !self.object_of(k, k + len, s.end, s1)
                        });
                        let pronoun = s.as_ref().is_some_and(|s| {
                            matches!(s.kind, SubjectKind::Pronoun(_) | SubjectKind::Nobody)
                        });
                        let rule = if pronoun {
                            RuleId::InvertedSaidHe
                        } else {
                            RuleId::ExplicitCueAfter
                        };
                        (rule, s)
                    }
                }
            };
            return Some(Found {
                rule,
                subject,
                cue: Some(cue),
                at: k,
                end: k + len,
                before: false,
            });
        }
        None
    }

    /// A reporting verb closing the quotation's sentence after a clause of the writer's own:
    /// `“I have admiration for the mechanics” of the Clinton proposals, Mr. Holtz-Eakin said.`
    fn sentence_final_cue(&self, i: usize) -> Option<Found> {
        let (s0, s1) = *self.t.sentence.get(i)?;
        // The sentence ends `…, NAME said.` (perhaps `said Tuesday.`), with no other quotation.
        let end = if s1 > 0 && self.t.is_punct(s1 - 1, '.') {
            s1 - 1
        } else {
            s1
        };
        let lo = (i + 1).max(end.saturating_sub(SENTENCE_REACH));
        let k = (lo..end).rev().take(4).find(|&k| {
            self.cue_at(k, s0, false)
                .is_some_and(|(kind, _, _)| kind == CueKind::Verb)
        })?;
        if (i + 1..k).any(|x| matches!(self.t.kind(x), Some(TokenKind::Quote(_)))) {
            return None;
        }
        let comma = (i + 1..k).rev().find(|&x| self.t.is_punct(x, ','))?;
        let subject = self.subject_before(comma + 1, k)?;
        if !subject.is_definite() {
            return None;
        }
        let (_, len, cue) = self.cue_at(k, s0, false)?;
        Some(Found {
            rule: RuleId::ExplicitCueAfter,
            subject: Some(subject),
            cue: Some(cue),
            at: k,
            end: k + len,
            before: false,
        })
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
        // `Will Estrada, the chairman of the county party, told reporters.`: a name opening
        // the sentence may carry an appositive between commas before its verb.
        let mut reach = n0 + 5;
        if let Some(m) = self.speaker_at(n0, false) {
            let end = self.mention_end(n0, m, n1);
            if self.t.is_punct(end, ',') {
                if let Some(c) = (end + 1..n1.min(end + 20)).find(|&c| self.t.is_punct(c, ',')) {
                    reach = reach.max(c + 4);
                }
            }
        }
        (n0..n1.min(reach)).find_map(|k| {
            let (kind, len, cue) = self.cue_at(k, n0, self.attribution_subject(n0, k))?;
            if kind != CueKind::Verb {
                return None;
            }
            // A longer sentence counts only when it opens with the speaker and the verb
            // (`Greg Tanner shouted as he left the pitch.`).
            let subject = match self.subject_before(n0, k) {
                Some(s) if s.is_definite() => s,
                Some(s) if short => s,
                None if short => self.subject_after(k + len, n1)?,
                _ => return None,
            };
            Some(Found {
                rule: RuleId::TagSentence,
                subject: Some(subject),
                cue: Some(cue),
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
        let mut weak: Option<Found> = None;
        let mut noun: Option<Found> = None;
        let mut unnamed: Option<Found> = None;
        for found in (lo..hi).rev().filter_map(|k| self.before_at(lo, k, hi)) {
            match &found.subject {
                // A reporting word inside what someone further back says (`Schultz said the
                // platform should reiterate its support for “stalwart allies”`): the phrase
                // naming no one (a description is no title) gives way to a named subject
                // further back.
                Some(s) if self.unnamed_subject(s) && !self.weak_subject(s) => {
                    unnamed.get_or_insert(found);
                }
                Some(s) if unnamed.is_some() && !s.is_definite() => {}
                // A reporting word whose subject is a bare word (`anybody who complains`,
                // `late-night tweets`) gives way to one further back with a real subject.
                Some(s) if self.weak_subject(s) => {
                    weak.get_or_insert(found);
                }
                // A reporting noun inside what a verb further back reports (`Pence said
                // Trump’s tweet was only “to mock”`, `Moore called Obama’s remarks “a
                // wake-up call”`) gives way to that verb.
                Some(_) if found.rule == RuleId::CueNoun && !self.owned_by_name(&found) => {
                    noun.get_or_insert(found);
                }
                Some(_) => return Some(found),
                None => {
                    first.get_or_insert(found);
                }
            }
        }
        unnamed.or(noun).or(weak).or(first)
    }

    /// Whether a reporting noun's speaker is named after it (`a tweet from Trump`): a plain
    /// attribution, not a noun inside someone else's sentence.
    fn owned_by_name(&self, found: &Found) -> bool {
        (found.end..(found.end + 4).min(self.t.len()))
            .any(|x| matches!(self.t.word(x), "from" | "by"))
    }

    /// Whether a subject is a phrase that names no one: plain words, or a description
    /// (`the platform`) rather than a title (`the senator`).
    fn unnamed_subject(&self, s: &Subject) -> bool {
        match &s.kind {
            SubjectKind::Text => true,
            SubjectKind::Title(noun) => self.lex().title(noun).is_none(),
            _ => false,
        }
    }

    /// Whether a subject is a single common word (`anybody`, `despite`, `a`): no speaker a
    /// reader could name.
    fn weak_subject(&self, s: &Subject) -> bool {
        let words = self.text().get(s.start..s.end).unwrap_or("");
        s.kind == SubjectKind::Nobody
            || (s.kind == SubjectKind::Text
                && !words.contains(' ')
                && !words.chars().next().is_some_and(char::is_uppercase))
    }

    /// The reporting word at token `k` before a quotation at `hi`, with its subject.
    fn before_at(&self, lo: usize, k: usize, hi: usize) -> Option<Found> {
        let (kind, len, cue) = self.cue_at(k, lo, false)?;
        // `invitations without exception, written in French,`: a participle unlike the past
        // tense, with no auxiliary before it, describes the thing written; it has no speaker.
        if self.lex().is_bare_participle(self.t.word(k))
            && !(k > lo
                && matches!(
                    self.t.word(k - 1),
                    "has" | "have" | "had" | "having" | "'ve" | "’ve"
                ))
        {
            return None;
        }
        // `Trump’s tweets accusing Machado …`, `a statement calling the test …`: a participle
        // right after a reporting noun describes that noun; it reports nothing of its own.
        if kind == CueKind::Verb && self.t.word(k).ends_with("ing") && k > lo {
            let prev = self.t.word(k - 1);
            let after_noun = self.lex().cues_starting(prev).iter().any(|f| {
                f.words.len() == 1 && matches!(f.kind, CueKind::Noun | CueKind::VerbOrNoun)
            });
            if after_noun {
                return None;
            }
        }
        let (rule, subject) = match kind {
            CueKind::SpeakerFollows => (RuleId::AccordingTo, self.subject_after(k + len, hi)),
            CueKind::Noun => (RuleId::CueNoun, self.noun_subject(lo, k, k + len, hi)),
            _ => match self.quoted_as(lo, k) {
                Some(s) => (RuleId::QuotedAs, Some(s)),
                None => (
                    RuleId::ExplicitCueBefore,
                    self.verb_subject(lo, k, k + len, hi),
                ),
            },
        };
        Some(Found {
            rule,
            subject,
            cue: Some(cue),
            at: k,
            end: k + len,
            before: true,
        })
    }

    /// A transcript's line: the quotation opens with its speaker's label (`"PENCE: Well, …`), or
    /// its paragraph does (a headline `Sanders: Clinton needs to ‘get away from…’`). A label in
    /// capitals names someone even when the entity list does not know them; one in ordinary
    /// case must be a name it knows.
    fn transcript_line(&self, i: usize, span: &Span) -> Option<Found> {
        let words = self.text().get(span.start..span.end)?;
        let (label, at) = match super::speaker_label(words, false) {
            Some(l) => (l, span.start),
            None => {
                let first = self.t.tokens.first()?;
                if i == 0 || first.start >= span.open {
                    return None;
                }
                (
                    super::speaker_label(self.text().get(first.start..span.open)?, false)?,
                    first.start,
                )
            }
        };
        let end = at + label.len();
        let caps = !label.chars().any(char::is_lowercase);
        let subject = match self.ctx.entity_called(label) {
            Some(e) => Subject::new(SubjectKind::Named(e), at, end),
            None if caps => Subject::new(SubjectKind::Text, at, end),
            None => return None,
        };
        Some(Found {
            rule: RuleId::TranscriptLine,
            subject: Some(subject),
            cue: None,
            at: i,
            end: i,
            before: true,
        })
    }

    /// An attribution line after the quotation: a dash and a name, and nothing more in the
    /// sentence (`“…” ― Karen Bobadilla`, `“…” — Jane Doe (@jdoe)`).
    fn attribution_line(&self, i: usize) -> Option<Found> {
        let mut k = i + 1;
        while self.t.is_punct(k, ',') || self.t.is_punct(k, '.') {
            k += 1;
        }
        let dashes = ['―', '—', '–', '-'];
        let mut dashed = 0;
        while dashed < 2 && dashes.iter().any(|&c| self.t.is_punct(k, c)) {
            k += 1;
            dashed += 1;
        }
        if dashed == 0 || !self.t.is_capitalised(self.text(), k) {
            return None;
        }
        // The name runs over capitalised words and initials to the end of the line.
        let mut end = k;
        while end < self.t.len()
            && end - k < NAME_PHRASE
            && (self.t.is_capitalised(self.text(), end) || self.t.is_punct(end, '.'))
        {
            end += 1;
        }
        let closes = end >= self.t.len()
            || matches!(
                self.t.kind(end),
                Some(TokenKind::Punct(_) | TokenKind::Quote(_))
            )
            || self
                .t
                .tokens
                .get(end)
                .zip(self.t.tokens.get(end - 1))
                .is_some_and(|(next, last)| {
                    self.text()
                        .get(last.end..next.start)
                        .is_some_and(|gap| gap.contains('\n'))
                });
        if !closes {
            return None;
        }
        let subject = match self.np_head(k, end) {
            Some(m) => self.mentioned(m),
            None => self.phrase(k, end),
        };
        Some(Found {
            rule: RuleId::AttributionLine,
            subject: Some(subject),
            cue: None,
            at: k,
            end: k,
            before: false,
        })
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

    /// Whether the short quotation at token `i` names something rather than reporting words: a
    /// nickname inside a name (`Del. Marcia “Cia” Price`), or a title after a preposition or a
    /// possessive (`the broadcast of “Fox News Sunday,”`, `on CBS’s “Face the Nation,”`).
    fn names_a_thing(&self, i: usize, words: &str, count: usize) -> bool {
        // A headline capitalises every word: neither test can tell there.
        if self.headline {
            return false;
        }
        let text = self.text();
        let bare = words.trim_end_matches([',', '.']);
        let capitalised = |k: usize| self.t.is_capitalised(text, k);
        let nickname = count == 1
            && i > 0
            && capitalised(i - 1)
            && capitalised(i + 1)
            && bare.chars().all(char::is_alphabetic);
        let title = count <= 4 && i > 0 && is_title_case(bare) && {
            let prev = self.t.word(i - 1);
            matches!(prev, "of" | "on" | "in" | "at" | "from" | "for")
                || prev.ends_with("'s")
                || prev.ends_with("’s")
        };
        nickname || title
    }

    /// The speaker and kind of the top-level quotation `span` at token `i`.
    pub fn attribute_one(&self, i: usize, span: &Span) -> (Attribution, QuoteKind) {
        let (s0, _) = self.t.sentence.get(i).copied().unwrap_or((i, i + 1));
        // The first of after, tag and before whose subject names someone we know; else the
        // first with any subject; else the first at all.
        let rank = |f: &Found| match f.subject.as_ref().map(|s| &s.kind) {
            Some(SubjectKind::Text | SubjectKind::Nobody) => 1,
            Some(_) => 2,
            None => 0,
        };
        let mut found: Option<Found> = None;
        let candidates: [&dyn Fn() -> Option<Found>; 5] = [
            &|| self.transcript_line(i, span),
            &|| self.after(i),
            &|| self.tag_sentence(i),
            &|| self.before(s0, i),
            &|| self.attribution_line(i),
        ];
        for candidate in candidates.iter().filter_map(|f| f()) {
            if found.as_ref().is_none_or(|f| rank(&candidate) > rank(f)) {
                found = Some(candidate);
            }
            if found.as_ref().is_some_and(|f| rank(f) == 2) {
                break;
            }
        }
        let prev = if i > s0 { self.t.kind(i - 1) } else { None };
        let colon = matches!(prev, Some(TokenKind::Punct(':' | '：')));
        let mut subject = found.as_ref().and_then(|f| f.subject.clone());
        let mut rule = found.as_ref().map(|f| f.rule);
        if subject.is_none() && colon {
            subject = self.main_subject(s0, i);
            if subject.is_some() {
                rule = Some(RuleId::ColonSubject);
            }
        }
        let words = self.text().get(span.start..span.end).unwrap_or("");
        // Only small counts matter: stop counting early on long quotations.
        let count = super::word_count(words);
        let first_upper = words
            .chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(char::is_uppercase);
        let ends_punct = words.ends_with([
            '.', ',', '!', '?', ';', ':', '…', '—', '–', '-', '。', '！', '？', '，', '、', '；',
            '：',
        ]);
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
        // A term set apart (`the so-called “…”`) inside what someone is reported to have said
        // is still their words: `Trump has called for taxing so-called “pass through” income`.
        let governed = found
            .as_ref()
            .is_some_and(|f| f.before && f.subject.as_ref().is_some_and(Subject::is_definite));
        let set_apart = self.scare_marked(i) || self.names_a_thing(i, words, count);
        let kind = if set_apart && !governed {
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
        let cue = found.and_then(|f| f.cue);
        let attribution = match (rule, subject) {
            (Some(rule), Some(subject)) => {
                let a = Attribution::read(self.ctx, rule, &subject, cue, true);
                if let Some(e) = a.speaker {
                    self.ctx.mark_source(e);
                }
                a
            }
            _ => Attribution {
                cue,
                ..Attribution::default()
            },
        };
        (attribution, kind)
    }

    /// The speaker named by the sentence right before a quotation at token `i` that opens its
    /// own sentence, when that sentence has a reporting word and no quotation.
    pub fn sentence_lead_in(&self, i: usize) -> Option<Attribution> {
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
        if !subject.is_definite() {
            return None;
        }
        let a = Attribution::read(self.ctx, RuleId::SentenceLeadIn, &subject, found.cue, false);
        a.names_someone().then_some(a)
    }

    /// The subject opening the sentence `s0..s1`: a person's name or `he`, `she`, `I` at its start,
    /// perhaps after a short opening phrase set off by a comma (`Then, Anne …`), followed by a
    /// word of the sentence's own (its verb).
    fn sentence_subject(&self, s0: usize, s1: usize) -> Option<Subject> {
        let after_comma = (s0..s1.min(s0 + 6))
            .find(|&k| self.t.is_punct(k, ','))
            .map(|k| k + 1);
        std::iter::once(s0).chain(after_comma).find_map(|start| {
            let (subject, _, end) = self.opening_name(start, s1, true)?;
            self.verb_at(end).then_some(subject)
        })
    }

    /// The person (an organisation too unless `persons_only`) or `he`, `she`, `I` the words
    /// from token `start` open with, before `hi`, past title words the mention leaves out
    /// (`Mr.`, `Lady`): its subject, its mention when a name, and the token after its words.
    fn opening_name(
        &self,
        start: usize,
        hi: usize,
        persons_only: bool,
    ) -> Option<(Subject, Option<MentionRef>, usize)> {
        let mut k = start;
        while k < hi
            && (self.t.is_punct(k, '.')
                || (self.t.is_word(k) && self.lex().title(self.t.word(k)).is_some()))
            && self.mention_at(k).is_none()
        {
            k += 1;
        }
        if let Some(m) = self.speaker_at(k, persons_only) {
            Some((self.mentioned(m), Some(m), self.mention_end(k, m, hi)))
        } else if matches!(self.t.word(k), "he" | "she" | "i") {
            Some((self.pronoun(k), None, k + 1))
        } else {
            None
        }
    }

    /// The token after the words of mention `m`, which starts at token `k`, before `hi`.
    fn mention_end(&self, k: usize, m: MentionRef, hi: usize) -> usize {
        let mut end = k + 1;
        while end < hi && self.mention_at(end).is_some_and(|n| n.entity == m.entity) {
            end += 1;
        }
        end
    }

    /// Whether the word at token `k` can be a verb after a subject: a word in lower case that
    /// ends no clause.
    fn verb_at(&self, k: usize) -> bool {
        self.t.is_word(k)
            && !self.t.is_capitalised(self.text(), k)
            && !self.lex().is_clause_stop(self.t.word(k))
    }

    /// The subject of the sentence a quotation at token `i` stands inside, when no reporting
    /// word named one: `Walter Hewlett sniped that Fiorina was “learning on the job”`, `She
    /// launched into a lament for the “forgotten families”`.
    pub fn clause_subject(&self, i: usize) -> Option<Attribution> {
        let (s0, _) = *self.t.sentence.get(i)?;
        if i <= s0 {
            return None;
        }
        let subject = self.clause_opening(s0, i)?;
        let a = Attribution::read(self.ctx, RuleId::ClauseSubject, &subject, None, false);
        a.names_someone().then_some(a)
    }

    /// The subject opening the sentence `s0..i`, or its clause after a short opening phrase set
    /// off by a comma: a person or organisation named (never a possessive owner) or `he`,
    /// `she`, `I`, perhaps followed by an appositive between commas (`Mike Huckabee, the
    /// former governor, proposed`) and adverbs (`Carter however said`), then a word in lower
    /// case (its verb).
    fn clause_opening(&self, s0: usize, i: usize) -> Option<Subject> {
        let after_comma = (s0..i.min(s0 + 8))
            .find(|&k| self.t.is_punct(k, ','))
            .map(|k| k + 1);
        std::iter::once(s0).chain(after_comma).find_map(|start| {
            let (subject, m, mut end) = self.opening_name(start, i, false)?;
            if m.is_some_and(|m| self.possessive(m)) {
                return None;
            }
            // An appositive between commas: `Mike Huckabee, the former governor, proposed`.
            if self.t.is_punct(end, ',') {
                let close = (end + 1..i.min(end + 16)).find(|&c| self.t.is_punct(c, ','))?;
                if close == end + 1 {
                    return None;
                }
                end = close + 1;
            }
            while end < i && self.adverbial(end) {
                end += 1;
            }
            (end < i && self.verb_at(end)).then_some(subject)
        })
    }

    /// The person doing something in the narration beside a quotation at token `i` with no
    /// reporting word, in its paragraph: the subject of the sentence right before it (`Emma
    /// demurred. “…”`) or right after it (`“Oh!” Lawrence looked puzzled.`).
    pub fn action_beat(&self, i: usize) -> Option<Attribution> {
        let (s0, s1) = *self.t.sentence.get(i)?;
        let sentence_without_quote = |a: usize, b: usize| {
            !(a..b).any(|k| matches!(self.t.kind(k), Some(TokenKind::Quote(_))))
        };
        let mut subject = None;
        if s0 == i && i > 0 {
            let (p0, p1) = *self.t.sentence.get(i - 1)?;
            if sentence_without_quote(p0, p1) {
                subject = self.sentence_subject(p0, p1);
            }
        }
        if subject.is_none() && s1 == i + 1 {
            if let Some(&(n0, n1)) = self.t.sentence.get(s1) {
                if sentence_without_quote(n0, n1) {
                    subject = self.sentence_subject(n0, n1);
                }
            }
        }
        let subject = subject?;
        let a = Attribution::read(self.ctx, RuleId::ActionBeat, &subject, None, false);
        a.names_someone().then_some(a)
    }

    /// The person doing something in the last sentence of this stretch, which holds no
    /// quotation: who speaks in the paragraph after it (`Poirot looked puzzled.` / `“What did I
    /// say?”`).
    pub fn action_lead_in(&self) -> Option<Attribution> {
        let n = self.t.len();
        if n == 0 || !self.t.quotes.is_empty() {
            return None;
        }
        let (s0, s1) = *self.t.sentence.get(n - 1)?;
        let subject = self.sentence_subject(s0, s1)?;
        let a = Attribution::read(self.ctx, RuleId::ActionLeadIn, &subject, None, false);
        a.names_someone().then_some(a)
    }

    /// The speaker named by a lead-in at the end of this stretch (`…, so she said:`, `he turned
    /// to his daughter and said,`, `Harriet said--`).
    pub fn lead_in(&self) -> Option<Attribution> {
        let n = self.t.len();
        let mut end = n;
        while end > 0 && ['-', '—', '–'].iter().any(|&c| self.t.is_punct(end - 1, c)) {
            end -= 1;
        }
        if end == 0 {
            return None;
        }
        let colon = end == n && self.t.is_punct(n - 1, ':');
        // `…, he turned to his daughter and said,` and `Harriet said--`: the reporting word
        // near the end of the paragraph.
        let open_ended = end < n || self.t.is_punct(n - 1, ',');
        if !colon && !open_ended {
            return None;
        }
        let last = if end < n { end } else { n - 1 };
        let (s0, _) = *self.t.sentence.get(last.saturating_sub(1))?;
        let found = self
            .before(s0, last)
            .filter(|f| colon || f.end + 10 >= last);
        let subject = match found.as_ref().and_then(|f| f.subject.clone()) {
            Some(s) => s,
            None if colon => self.main_subject(s0, last)?,
            None => return None,
        };
        let a = Attribution::read(
            self.ctx,
            RuleId::LeadInParagraph,
            &subject,
            found.and_then(|f| f.cue),
            false,
        );
        a.names_someone().then_some(a)
    }
}
