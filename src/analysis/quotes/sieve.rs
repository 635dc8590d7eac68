//! Attribution as a sieve of named rules over the whole document.
//!
//! Each rule is a small function with an id ([`RuleId`]); [`super::RULES`] lists them in the
//! order they run, each with what it reads and its own examples (a test runs them all). The first
//! stage reads each quotation's own words (its reporting word and that word's subject), one
//! stretch of text at a time; the second carries a speaker over to the quotations that continue
//! someone's speech in their paragraph; the third reads dialogue as conversations (who is
//! addressed, who answers); last, the narrator (`I said`) gets a name. Every decision keeps the
//! rule that made it and what it read, as a [`Trace`].

use super::context::{Context, Subject, SubjectKind};
use super::lexicon::{Gender, Lexicon};
use super::marks::Span;
use super::reader::Reader;
use super::rules::RuleId;
use super::tokens::{TokenKind, Tokens};
use crate::analysis::{Entity, Quote, QuoteKind};

/// Why a quote has the speaker it has: the rule that decided and what it read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trace {
    pub rule: RuleId,
    /// The link that tied the words naming the speaker to an entity, when they were no mention.
    pub link: Option<RuleId>,
    /// The byte range of the words naming the speaker (`Smith`, `he`, `the mayor`).
    pub subject: Option<(usize, usize)>,
    /// The entities considered, the chosen one first.
    pub candidates: Vec<usize>,
    /// The quote whose speaker this one took over (an index into the quotes of the analysis).
    pub from_quote: Option<usize>,
}

impl Trace {
    pub(super) fn new(rule: RuleId) -> Trace {
        Trace {
            rule,
            link: None,
            subject: None,
            candidates: Vec::new(),
            from_quote: None,
        }
    }
}

/// The speaker given to a quotation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Attribution {
    pub speaker: Option<usize>,
    pub speaker_text: Option<String>,
    /// The narrator speaks (`I said`); who that is is settled at the end.
    pub narrator: bool,
    /// The speaker was named by `he` or `she`: the gender, for rules that reconsider whom.
    pub pronoun: Option<Gender>,
    pub cue: Option<&'static str>,
    /// Found beside the quotation itself rather than carried over from another.
    pub own: bool,
    pub trace: Option<Box<Trace>>,
}

/// Who speaks, as the conversation rules compare speakers: an entity, the words of an unnamed
/// speaker (by a hash of them), or the narrator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Who {
    Entity(usize),
    Text(u64),
    Narrator,
}

impl Attribution {
    /// The speaker that `subject`, read by `rule`, names.
    pub fn read(
        ctx: &Context,
        rule: RuleId,
        subject: &Subject,
        cue: Option<&'static str>,
        own: bool,
    ) -> Attribution {
        let resolved = ctx.resolve(subject);
        Attribution {
            speaker: resolved.speaker,
            speaker_text: resolved.speaker_text,
            narrator: resolved.narrator,
            pronoun: match subject.kind {
                SubjectKind::Pronoun(g) => Some(g),
                _ => None,
            },
            cue,
            own,
            trace: Some(Box::new(Trace {
                rule,
                link: resolved.link,
                subject: Some((subject.start, subject.end)),
                candidates: resolved.candidates,
                from_quote: None,
            })),
        }
    }

    pub fn names_someone(&self) -> bool {
        self.speaker.is_some() || self.speaker_text.is_some() || self.narrator
    }

    /// Who speaks, if anyone is named.
    pub fn who(&self) -> Option<Who> {
        match (self.speaker, &self.speaker_text) {
            (Some(e), _) => Some(Who::Entity(e)),
            _ if self.narrator => Some(Who::Narrator),
            (None, Some(t)) => {
                // Case aside: `The girl` opening a sentence is `the girl`. Plain ASCII words
                // (nearly all) are folded byte by byte; this runs for every turn compared.
                let mut h = crate::analysis::lexicon::Fnv::default();
                if t.is_ascii() {
                    for b in t.bytes() {
                        std::hash::Hasher::write_u32(&mut h, u32::from(b.to_ascii_lowercase()));
                    }
                } else {
                    for c in t.chars().flat_map(char::to_lowercase) {
                        std::hash::Hasher::write_u32(&mut h, u32::from(c));
                    }
                }
                Some(Who::Text(std::hash::Hasher::finish(&h)))
            }
            (None, None) => None,
        }
    }

    /// This attribution carried over to another quotation by `rule`, from top-level quote `from`.
    pub fn carried(&self, rule: RuleId, from: Option<usize>) -> Attribution {
        let mut trace = Trace::new(rule);
        trace.from_quote = from;
        if let Some(t) = &self.trace {
            trace.candidates = t.candidates.clone();
            if from.is_none() {
                trace.link = t.link;
                trace.subject = t.subject;
            }
            if t.link == Some(RuleId::Narrator) {
                trace.link = t.link;
            }
        }
        Attribution {
            own: false,
            trace: Some(Box::new(trace)),
            ..self.clone()
        }
    }
}

/// How many quotations of one stretch carry a speaker over to each other: a bound for
/// pathological input.
const QUOTE_REACH: usize = 24;

/// A stretch of paragraphs joined by quotations that run across them.
pub(super) struct Unit {
    pub start: usize,
    pub end: usize,
    /// The top-level quotations inside, as a range of indices.
    pub quotes: std::ops::Range<usize>,
}

pub(super) fn units(paragraphs: &[(usize, usize)], top: &[Span]) -> Vec<Unit> {
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

/// One top-level quotation as the sieve sees it.
#[derive(Debug, Clone)]
pub(super) struct Slot {
    pub kind: QuoteKind,
    pub attribution: Attribution,
    /// The unit it stands in.
    pub unit: usize,
    /// Whether it is the first token of its unit.
    pub opens_unit: bool,
    /// Whether it stands in the last sentence of its unit.
    pub in_last_sentence: bool,
    /// Whether it opens its paragraph and is the paragraph's whole text, or is followed right
    /// away by its attribution: a turn of dialogue.
    pub dialogue_turn: bool,
    /// What the sentence before it says, if it leads in ([`RuleId::SentenceLeadIn`]).
    pub sentence_lead: Option<Box<Attribution>>,
    /// What a previous paragraph ending with a colon says ([`RuleId::LeadInParagraph`]).
    pub paragraph_lead: Option<Box<Attribution>>,
    /// The subject of the sentence it stands inside ([`RuleId::ClauseSubject`]).
    pub clause: Option<Box<Attribution>>,
    /// Who acts beside it in its paragraph ([`RuleId::ActionBeat`]).
    pub beat: Option<Box<Attribution>>,
    /// Who acts in a paragraph of narration right before ([`RuleId::ActionLeadIn`]).
    pub lead_beat: Option<Box<Attribution>>,
    /// The people it addresses by name (`“Yes, Emma, …”`).
    pub vocatives: Vec<usize>,
    /// The people named inside it, who are never its speaker.
    pub named_inside: Vec<usize>,
}

impl Slot {
    fn new() -> Slot {
        Slot {
            // Quotations outside every stretch read (none: stretches cover the paragraphs)
            // would keep this kind.
            kind: QuoteKind::Partial,
            attribution: Attribution::default(),
            unit: 0,
            opens_unit: false,
            in_last_sentence: false,
            dialogue_turn: false,
            sentence_lead: None,
            paragraph_lead: None,
            clause: None,
            beat: None,
            lead_beat: None,
            vocatives: Vec::new(),
            named_inside: Vec::new(),
        }
    }
}

/// How a document uses quotations, which decides how an uncued paragraph is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Register {
    /// Reports: an uncued quotation paragraph continues the last speaker.
    Report,
    /// Dialogue (fiction, interviews told as scenes): each paragraph is a new turn.
    Dialogue,
}

/// The document as the later stages read it.
pub(super) struct Sieve {
    pub slots: Vec<Slot>,
    /// For each unit, its quotations (indices into `slots`).
    pub units: Vec<std::ops::Range<usize>>,
    pub register: Register,
}

impl Sieve {
    /// Gives quotation `q` the speaker of `a`, keeping its own cue when `a` has none.
    pub fn assign(&mut self, q: usize, mut a: Attribution) {
        let Some(slot) = self.slots.get_mut(q) else {
            return;
        };
        a.own = false;
        if a.cue.is_none() {
            a.cue = slot.attribution.cue.take();
        }
        slot.attribution = a;
    }

    /// Whether quotation `q` still waits for a speaker.
    pub fn open(&self, q: usize) -> bool {
        self.slots
            .get(q)
            .is_some_and(|s| s.kind != QuoteKind::Scare && !s.attribution.names_someone())
    }
}

/// A rule of the second stage: a speaker for quotation `q` from its paragraph.
type CarryRule = fn(&Sieve, usize) -> Option<Attribution>;

/// The second stage, in order.
const CARRY_RULES: [(RuleId, CarryRule); 8] = [
    (RuleId::ClauseSubject, clause_subject),
    (RuleId::SentenceLeadIn, sentence_lead_in),
    (RuleId::EarlierInParagraph, earlier_in_paragraph),
    (RuleId::LeadInParagraph, lead_in_paragraph),
    (RuleId::LaterInParagraph, later_in_paragraph),
    (RuleId::ContinuedParagraph, continued_paragraph),
    (RuleId::ActionBeat, action_beat),
    (RuleId::ActionLeadIn, action_lead_in),
];

fn action_beat(sieve: &Sieve, q: usize) -> Option<Attribution> {
    sieve.slots.get(q)?.beat.as_deref().cloned()
}

fn clause_subject(sieve: &Sieve, q: usize) -> Option<Attribution> {
    sieve.slots.get(q)?.clause.as_deref().cloned()
}

fn action_lead_in(sieve: &Sieve, q: usize) -> Option<Attribution> {
    sieve.slots.get(q)?.lead_beat.as_deref().cloned()
}

fn sentence_lead_in(sieve: &Sieve, q: usize) -> Option<Attribution> {
    sieve.slots.get(q)?.sentence_lead.as_deref().cloned()
}

fn earlier_in_paragraph(sieve: &Sieve, q: usize) -> Option<Attribution> {
    let unit = sieve.units.get(sieve.slots.get(q)?.unit)?;
    let p = (unit.start..q).rev().take(QUOTE_REACH).find(|&p| {
        let s = &sieve.slots[p];
        s.kind != QuoteKind::Scare && s.attribution.names_someone()
    })?;
    Some(
        sieve.slots[p]
            .attribution
            .carried(RuleId::EarlierInParagraph, Some(p)),
    )
}

fn lead_in_paragraph(sieve: &Sieve, q: usize) -> Option<Attribution> {
    sieve.slots.get(q)?.paragraph_lead.as_deref().cloned()
}

fn later_in_paragraph(sieve: &Sieve, q: usize) -> Option<Attribution> {
    let unit = sieve.units.get(sieve.slots.get(q)?.unit)?;
    let p = (q + 1..unit.end).take(QUOTE_REACH).find(|&p| {
        let s = &sieve.slots[p];
        s.kind == QuoteKind::Direct && s.attribution.own && s.attribution.names_someone()
    })?;
    Some(
        sieve.slots[p]
            .attribution
            .carried(RuleId::LaterInParagraph, Some(p)),
    )
}

fn continued_paragraph(sieve: &Sieve, q: usize) -> Option<Attribution> {
    let slot = sieve.slots.get(q)?;
    // In dialogue a new paragraph is a new speaker.
    if !slot.opens_unit || sieve.register == Register::Dialogue {
        return None;
    }
    let previous = sieve.units.get(slot.unit.checked_sub(1)?)?;
    let p = previous
        .end
        .checked_sub(1)
        .filter(|&p| p >= previous.start)?;
    let s = &sieve.slots[p];
    // `Trump shot back, saying he’s “made a lot of money.”` / `“Frankly, …”`: a partial
    // quotation ending the paragraph goes on as well.
    (s.in_last_sentence && s.kind != QuoteKind::Scare && s.attribution.names_someone())
        .then(|| s.attribution.carried(RuleId::ContinuedParagraph, Some(p)))
}

/// The quotations of a document with their speakers, and the people to add after the entities
/// (speakers may point at indices from `entities.len()` on).
pub(super) struct Attributed {
    pub quotes: Vec<Quote>,
    /// People the quotations add to the entities (descriptions used as names, the narrator),
    /// their indices following the entities'.
    pub added: Vec<Entity>,
}

/// Finds the speaker and kind of every top-level quotation. `tokens_of` gives the tokens of
/// each unit that holds one, in order (`Tokens::new` over the unit; a long text has them cut on
/// another thread meanwhile).
pub(super) fn attribute(
    text: &str,
    paragraphs: &[(usize, usize)],
    top: &[Span],
    entities: &[Entity],
    lex: &'static Lexicon,
    mut tokens_of: impl FnMut(&Unit) -> Tokens,
) -> Attributed {
    let ctx = Context::new(text, paragraphs, top, entities, lex);
    let mut slots = vec![Slot::new(); top.len()];
    let all_units = units(paragraphs, top);
    let mut unit_ranges = Vec::with_capacity(all_units.len());
    // First stage: each quotation's own words, one stretch at a time.
    for (u, unit) in all_units.iter().enumerate() {
        unit_ranges.push(unit.quotes.clone());
        if unit.quotes.is_empty() {
            continue;
        }
        let tokens = tokens_of(unit);
        let reader = Reader::new(&ctx, &tokens, u == 0);
        for &i in &tokens.quotes {
            let Some(TokenKind::Quote(q)) = tokens.kind(i) else {
                continue;
            };
            let (Some(span), Some(slot)) = (top.get(q), slots.get_mut(q)) else {
                continue;
            };
            let (attribution, kind) = reader.attribute_one(i, span);
            slot.kind = kind;
            slot.unit = u;
            slot.opens_unit = i == 0;
            slot.in_last_sentence = tokens.sentence.get(i).is_some_and(|s| s.1 == tokens.len());
            let whole_paragraph = i == 0 && tokens.len() == 1;
            let cued_right_after = attribution.own
                && matches!(
                    attribution.trace.as_ref().map(|t| t.rule),
                    Some(RuleId::ExplicitCueAfter | RuleId::InvertedSaidHe | RuleId::RemarkOf)
                );
            slot.dialogue_turn =
                i == 0 && kind == QuoteKind::Direct && (whole_paragraph || cued_right_after);
            if kind != QuoteKind::Scare && !attribution.names_someone() {
                slot.clause = reader.clause_subject(i).map(Box::new);
            }
            if kind == QuoteKind::Direct && !attribution.names_someone() {
                slot.sentence_lead = reader.sentence_lead_in(i).map(Box::new);
                slot.beat = reader.action_beat(i).map(Box::new);
                if i == 0 {
                    let previous = u.checked_sub(1).and_then(|p| all_units.get(p));
                    slot.paragraph_lead = previous
                        .and_then(|p| paragraph_lead_in(&ctx, text, top, p, lex))
                        .map(Box::new);
                    slot.lead_beat = previous
                        .filter(|p| p.quotes.is_empty())
                        .and_then(|p| narration_lead_in(&ctx, text, top, p, lex))
                        .map(Box::new);
                }
            }
            if kind != QuoteKind::Scare {
                (slot.vocatives, slot.named_inside) = ctx.people_inside(span);
            }
            slot.attribution = attribution;
        }
    }
    let register = super::conversation::register(&slots, &unit_ranges);
    let mut sieve = Sieve {
        slots,
        units: unit_ranges,
        register,
    };
    // Second stage: direct quotations with no speaker of their own continue someone's speech, and
    // partial ones take the subject of their sentence.
    for q in 0..sieve.slots.len() {
        let slot = &sieve.slots[q];
        if slot.kind == QuoteKind::Scare || slot.attribution.names_someone() {
            continue;
        }
        // A partial quotation is someone's words only inside its own sentence.
        let direct = slot.kind == QuoteKind::Direct;
        let found = CARRY_RULES
            .iter()
            .filter(|(id, _)| direct || *id == RuleId::ClauseSubject)
            .find_map(|(_, rule)| rule(&sieve, q));
        if let Some(c) = found {
            sieve.assign(q, c);
        }
    }
    // Third stage: dialogue read as conversations, once the descriptions that speak are known.
    let mut added = Vec::new();
    if sieve.register == Register::Dialogue {
        added = super::description::link(&mut sieve, &ctx);
        super::conversation::read(&mut sieve, &ctx);
    }
    // A transcript's labels that name no entity are people of their own.
    let labelled = super::transcript::settle(&mut sieve, &ctx, entities.len() + added.len());
    added.extend(labelled);
    // Last, the narrator's name.
    let narrator = super::narrator::settle(&mut sieve, &ctx, entities.len() + added.len());
    added.extend(narrator);
    let quotes = top
        .iter()
        .zip(sieve.slots)
        .map(|(s, slot)| {
            let a = slot.attribution;
            Quote {
                kind: slot.kind,
                start: s.start,
                end: s.end,
                speaker: a.speaker,
                speaker_text: a.speaker_text,
                cue: a.cue.map(str::to_string),
                trace: a.trace,
            }
        })
        .collect();
    Attributed { quotes, added }
}

/// The speaker named by a paragraph (`unit`) that ends with a colon.
fn paragraph_lead_in(
    ctx: &Context,
    text: &str,
    top: &[Span],
    unit: &Unit,
    lex: &'static Lexicon,
) -> Option<Attribution> {
    let prev_text = text.get(unit.start..unit.end)?;
    if !prev_text.trim_end().ends_with([':', ',', '-', '—', '–']) {
        return None;
    }
    let from = last_sentence(text, unit);
    let t = Tokens::new(text, from, unit.end, top, unit.quotes.start, lex);
    Reader::new(ctx, &t, false).lead_in()
}

/// The person acting in the last sentence of a paragraph of narration (`unit`).
fn narration_lead_in(
    ctx: &Context,
    text: &str,
    top: &[Span],
    unit: &Unit,
    lex: &'static Lexicon,
) -> Option<Attribution> {
    // A long paragraph is narration of its own, not a lead-in to the next.
    if unit.end - unit.start > LEAD_IN_BYTES {
        return None;
    }
    let from = last_sentence(text, unit);
    let t = Tokens::new(text, from, unit.end, top, unit.quotes.start, lex);
    Reader::new(ctx, &t, false).action_lead_in()
}

/// Where the last sentence of a paragraph with no quotation (`unit`) roughly starts: after the
/// last `.`, `!` or `?` followed by a space before its end; the paragraph's start otherwise, or
/// when it holds a quotation. Only the last sentence leads in to what follows, so only it is
/// read.
fn last_sentence(text: &str, unit: &Unit) -> usize {
    if !unit.quotes.is_empty() {
        return unit.start;
    }
    let body = text
        .get(unit.start..unit.end)
        .unwrap_or("")
        .trim_end()
        .trim_end_matches(['.', '!', '?', ':', ',', '-', '—', '–']);
    body.as_bytes()
        .windows(2)
        .rposition(|w| matches!(w[0], b'.' | b'!' | b'?') && w[1].is_ascii_whitespace())
        .map_or(unit.start, |i| unit.start + i + 2)
}

/// The longest paragraph of narration read as a lead-in to the quotation after it.
const LEAD_IN_BYTES: usize = 400;

/// A quotation inside another: its kind from its words alone, no speaker of its own.
pub(super) fn nested_quote(text: &str, span: &Span) -> Quote {
    Quote {
        kind: super::kind_of_fragment(text.get(span.start..span.end).unwrap_or("")),
        start: span.start,
        end: span.end,
        speaker: None,
        speaker_text: None,
        cue: None,
        trace: None,
    }
}
