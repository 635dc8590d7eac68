//! Attribution as a sieve of named rules over the whole document.
//!
//! Each rule is a small function with an id ([`RuleId`]); [`RULES`] lists them in the order they
//! run, each with what it reads and its own examples (a test runs them all). The first stage reads
//! each quotation's own words (its reporting word and that word's subject); the second carries a
//! speaker over to the quotations that continue someone's speech, in document order. Every
//! decision keeps the rule that made it and what it read, as a [`Trace`].

use super::context::{Context, Subject};
use super::lexicon::Lexicon;
use super::marks::Span;
use super::reader::Reader;
use super::tokens::{TokenKind, Tokens};
use crate::analysis::{Entity, Quote, QuoteKind};

/// The rules of the sieve, and the links that tie a speaker's words to an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RuleId {
    /// `“…,” Smith said`, `“…,” said Smith`.
    ExplicitCueAfter,
    /// `“…,” said he`.
    InvertedSaidHe,
    /// `“…!” Trump tweeted.`: a short sentence of attribution after the quotation.
    TagSentence,
    /// `Smith said: “…”`, `Smith said the plan was “dead”`.
    ExplicitCueBefore,
    /// `… according to Smith`.
    AccordingTo,
    /// `a tweet from Smith: “…”`, `Smith’s statement: “…”`.
    CueNoun,
    /// `the Post quoted Smith as saying “…”`.
    QuotedAs,
    /// `Smith, in remarks to reporters: “…”`: the subject before a colon with no reporting word.
    ColonSubject,
    /// `Smith issued a statement. “…”`: the sentence before leads in.
    SentenceLeadIn,
    /// An earlier quotation of the same paragraph gives its speaker.
    EarlierInParagraph,
    /// A paragraph ending with a colon, a comma or a dash leads in (`Smith said:`, `Smith
    /// said,`).
    LeadInParagraph,
    /// A later quotation of the same paragraph gives its speaker.
    LaterInParagraph,
    /// The quotation that ended the previous paragraph continues.
    ContinuedParagraph,
    /// Link: a name the entity list knows, though not marked at that place.
    NameLookup,
    /// Link: `he`, `she` to the most salient person who fits.
    PronounSalience,
    /// Link: `the prince` to the last person introduced with that title.
    TitleLink,
    /// Link: `the agency` to the last organisation.
    OrganisationLink,
}

impl RuleId {
    /// The rule's id as printed by `--explain` and written in JSON.
    pub fn id(self) -> &'static str {
        match self {
            RuleId::ExplicitCueAfter => "explicit_cue_after",
            RuleId::InvertedSaidHe => "inverted_said_he",
            RuleId::TagSentence => "tag_sentence",
            RuleId::ExplicitCueBefore => "explicit_cue_before",
            RuleId::AccordingTo => "according_to",
            RuleId::CueNoun => "cue_noun",
            RuleId::QuotedAs => "quoted_as",
            RuleId::ColonSubject => "colon_subject",
            RuleId::SentenceLeadIn => "sentence_lead_in",
            RuleId::EarlierInParagraph => "earlier_in_paragraph",
            RuleId::LeadInParagraph => "lead_in_paragraph",
            RuleId::LaterInParagraph => "later_in_paragraph",
            RuleId::ContinuedParagraph => "continued_paragraph",
            RuleId::NameLookup => "name_lookup",
            RuleId::PronounSalience => "pronoun_salience",
            RuleId::TitleLink => "title_link",
            RuleId::OrganisationLink => "organisation_link",
        }
    }

    /// The rule's entry in [`RULES`].
    pub fn rule(self) -> Option<&'static Rule> {
        RULES.iter().find(|r| r.id == self)
    }
}

/// A rule: its id, what it reads, and examples of what it decides.
#[derive(Debug)]
pub struct Rule {
    pub id: RuleId,
    /// One line on what the rule reads.
    pub reads: &'static str,
    pub examples: &'static [Example],
}

/// An example of a rule: a text, its people, the quotation (its first words) and the speaker the
/// rule gives it: an entity's name, `(words)` for an unnamed speaker, or none.
#[derive(Debug)]
pub struct Example {
    pub text: &'static str,
    /// The people (and organisations, written `org:Name`) of the text, each as its aliases
    /// separated by `|`, the fullest first.
    pub people: &'static [&'static str],
    pub quote: &'static str,
    pub speaker: Option<&'static str>,
}

const fn ex(
    text: &'static str,
    people: &'static [&'static str],
    quote: &'static str,
    speaker: &'static str,
) -> Example {
    Example {
        text,
        people,
        quote,
        speaker: Some(speaker),
    }
}

/// Every rule, in the order the sieve tries them; links (which tie a speaker's words to an entity
/// for another rule) come last.
pub static RULES: &[Rule] = &[
    Rule {
        id: RuleId::ExplicitCueAfter,
        reads: "a reporting verb right after the quotation, its subject before or after it",
        examples: &[
            ex(
                "“We are not going anywhere,” Jane Doe said on Monday.",
                &["Jane Doe|Doe"],
                "We are not",
                "Jane Doe",
            ),
            ex(
                "“It was a long night,” said Paul Smith, the mayor of the town.",
                &["Paul Smith|Smith"],
                "It was a long",
                "Paul Smith",
            ),
            ex(
                "“The plant will stay open,” Jane Doe, a spokeswoman for Acme Corp, said.",
                &["Jane Doe", "org:Acme Corp"],
                "The plant",
                "Jane Doe",
            ),
            ex(
                "Jane Doe arrived late. “We will not comment on that,” a senior administration official said.",
                &["Jane Doe"],
                "We will not",
                "(a senior administration official)",
            ),
            ex(
                "“Oh, but it is good to be alive,” breathed Anne Shirley.",
                &["Anne Shirley|Anne"],
                "Oh, but",
                "Anne Shirley",
            ),
            ex(
                "“What did Mr. Weston tell you?”--said Emma, still perplexed.",
                &["Emma", "Mr. Weston"],
                "What did",
                "Emma",
            ),
        ],
    },
    Rule {
        id: RuleId::InvertedSaidHe,
        reads: "a reporting verb after the quotation followed by its pronoun subject",
        examples: &[ex(
            "Tom Reed came in.\n\n“I thought so,” said he.",
            &["Tom Reed|Reed"],
            "I thought so",
            "Tom Reed",
        )],
    },
    Rule {
        id: RuleId::TagSentence,
        reads: "a short sentence of attribution after a quotation that ends its own sentence",
        examples: &[ex(
            "“Thank you, a very smart and gracious gesture!” Trump tweeted.",
            &["Donald Trump|Trump"],
            "Thank you",
            "Donald Trump",
        )],
    },
    Rule {
        id: RuleId::ExplicitCueBefore,
        reads: "a reporting verb before the quotation in its sentence, and its subject",
        examples: &[
            ex(
                "Jane Doe said, “We will appeal the ruling.”",
                &["Jane Doe|Doe"],
                "We will appeal",
                "Jane Doe",
            ),
            ex(
                "Later, Mike Pompeo told reporters: “We are ready.”",
                &["Mike Pompeo|Pompeo"],
                "We are ready",
                "Mike Pompeo",
            ),
            ex(
                "President Trump has expressed his desire for a deal, saying Kim Jong-Un has acted “honorably” throughout.",
                &["Donald Trump|Trump", "Kim Jong-Un"],
                "honorably",
                "Donald Trump",
            ),
        ],
    },
    Rule {
        id: RuleId::AccordingTo,
        reads: "`according to` and the name after it",
        examples: &[ex(
            "The talks are “at a dead end,” according to Jane Doe.",
            &["Jane Doe"],
            "at a dead end",
            "Jane Doe",
        )],
    },
    Rule {
        id: RuleId::CueNoun,
        reads: "a reporting noun and its owner: `a tweet from Smith`, `Smith’s statement`",
        examples: &[
            ex(
                "It even prompted a tweet from President Trump: “North Korea has announced that it will dismantle the site.”",
                &["Donald Trump|Trump"],
                "North Korea",
                "Donald Trump",
            ),
            ex(
                "“There is no question,” Cornyn's statement added.",
                &["John Cornyn|Cornyn"],
                "There is no",
                "John Cornyn",
            ),
        ],
    },
    Rule {
        id: RuleId::QuotedAs,
        reads: "`quoted X as saying`: X, not the subject of `quoted`",
        examples: &[ex(
            "Tom Smith left the party in May.\n\n“We are done,” the Daily Post quoted Smith as saying.",
            &["Tom Smith|Smith"],
            "We are done",
            "Tom Smith",
        )],
    },
    Rule {
        id: RuleId::ColonSubject,
        reads: "a name or he/she opening a sentence that ends in a colon before the quotation",
        examples: &[ex(
            "Then Jane Doe, at the end of a long day: “We are ready for anything.”",
            &["Jane Doe"],
            "We are ready",
            "Jane Doe",
        )],
    },
    Rule {
        id: RuleId::SentenceLeadIn,
        reads: "the sentence right before, when it has a reporting word and no quotation",
        examples: &[ex(
            "Senator John Cornyn, Republican from Texas, issued a statement regarding the decision. “Like many Texans, I am disappointed.”",
            &["John Cornyn|Cornyn"],
            "Like many",
            "John Cornyn",
        )],
    },
    Rule {
        id: RuleId::EarlierInParagraph,
        reads: "the speaker of an earlier quotation in the same paragraph",
        examples: &[ex(
            "“This is the first part of a long statement,” said Jane Doe. “It goes on.”",
            &["Jane Doe"],
            "It goes on",
            "Jane Doe",
        )],
    },
    Rule {
        id: RuleId::LeadInParagraph,
        reads: "a paragraph ending with a colon, comma or dash right before the quotation's",
        examples: &[ex(
            "In a statement on Friday, Jane Doe said:\n\n“We have done nothing wrong and we will prove it in court.”",
            &["Jane Doe"],
            "We have done",
            "Jane Doe",
        ),
        ex(
            "Mr. Bennet came back late, and as soon as he was gone, he turned to his daughter and said,\n\n“Jane, I congratulate you.”",
            &["Mr. Bennet|Bennet", "Jane"],
            "Jane, I",
            "Mr. Bennet",
        ),
        ex(
            "At last, with some hesitation, Harriet Smith said--\n\n“Miss Woodhouse, I must do as well as I can.”",
            &["Harriet Smith|Harriet"],
            "Miss Woodhouse",
            "Harriet Smith",
        )],
    },
    Rule {
        id: RuleId::LaterInParagraph,
        reads: "the speaker of a later quotation in the same paragraph with a cue of its own",
        examples: &[ex(
            "“We lost.” It was late. “We will be back,” Jane Doe said.",
            &["Jane Doe"],
            "We lost",
            "Jane Doe",
        )],
    },
    Rule {
        id: RuleId::ContinuedParagraph,
        reads: "the quotation ending the previous paragraph, whose speech goes on",
        examples: &[ex(
            "“We are very excited about this,” said Jane Doe.\n\n“It is a great day for the city.”\n\nThe council met later.",
            &["Jane Doe"],
            "It is a great day",
            "Jane Doe",
        )],
    },
    Rule {
        id: RuleId::NameLookup,
        reads: "link: a name the entity list knows, matched to its entity where it was not marked",
        examples: &[],
    },
    Rule {
        id: RuleId::PronounSalience,
        reads: "link: he/she to the last person before who fits, a source in the paragraph first",
        examples: &[],
    },
    Rule {
        id: RuleId::TitleLink,
        reads: "link: `the <title>` to the last person introduced with that title",
        examples: &[],
    },
    Rule {
        id: RuleId::OrganisationLink,
        reads: "link: `the agency` to the last organisation mentioned",
        examples: &[],
    },
];

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
    fn new(rule: RuleId) -> Trace {
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
    pub cue: Option<String>,
    /// Found beside the quotation itself rather than carried over from another.
    pub own: bool,
    pub trace: Option<Trace>,
}

impl Attribution {
    /// The speaker that `subject`, read by `rule`, names.
    pub fn read(
        ctx: &Context,
        rule: RuleId,
        subject: &Subject,
        cue: Option<String>,
        own: bool,
    ) -> Attribution {
        let resolved = ctx.resolve(subject);
        Attribution {
            speaker: resolved.speaker,
            speaker_text: resolved.speaker_text,
            cue,
            own,
            trace: Some(Trace {
                rule,
                link: resolved.link,
                subject: Some((subject.start, subject.end)),
                candidates: resolved.candidates,
                from_quote: None,
            }),
        }
    }

    pub fn names_someone(&self) -> bool {
        self.speaker.is_some() || self.speaker_text.is_some()
    }

    /// This attribution carried over to another quotation by `rule`, from top-level quote `from`.
    fn carried(&self, rule: RuleId, from: Option<usize>) -> Attribution {
        let mut trace = Trace::new(rule);
        trace.from_quote = from;
        if let Some(t) = &self.trace {
            trace.candidates = t.candidates.clone();
            if from.is_none() {
                trace.link = t.link;
                trace.subject = t.subject;
            }
        }
        Attribution {
            own: false,
            trace: Some(trace),
            ..self.clone()
        }
    }
}

/// How many quotations of one stretch carry a speaker over to each other: a bound for
/// pathological input.
const QUOTE_REACH: usize = 24;

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

/// One top-level quotation as the sieve sees it.
#[derive(Debug, Clone)]
struct Slot {
    kind: QuoteKind,
    attribution: Attribution,
    /// The unit it stands in.
    unit: usize,
    /// Whether it is the first token of its unit.
    opens_unit: bool,
    /// Whether it stands in the last sentence of its unit.
    in_last_sentence: bool,
    /// What the sentence before it says, if it leads in ([`RuleId::SentenceLeadIn`]).
    sentence_lead: Option<Attribution>,
    /// What a previous paragraph ending with a colon says ([`RuleId::LeadInParagraph`]).
    paragraph_lead: Option<Attribution>,
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
            sentence_lead: None,
            paragraph_lead: None,
        }
    }
}

/// The document as the second stage reads it.
struct Sieve {
    slots: Vec<Slot>,
    /// For each unit, its quotations (indices into `slots`).
    units: Vec<std::ops::Range<usize>>,
}

/// A rule of the second stage: a speaker for quotation `q` from the others.
type CarryRule = fn(&Sieve, usize) -> Option<Attribution>;

/// The second stage, in order.
const CARRY_RULES: [(RuleId, CarryRule); 5] = [
    (RuleId::SentenceLeadIn, sentence_lead_in),
    (RuleId::EarlierInParagraph, earlier_in_paragraph),
    (RuleId::LeadInParagraph, lead_in_paragraph),
    (RuleId::LaterInParagraph, later_in_paragraph),
    (RuleId::ContinuedParagraph, continued_paragraph),
];

fn sentence_lead_in(sieve: &Sieve, q: usize) -> Option<Attribution> {
    sieve.slots.get(q)?.sentence_lead.clone()
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
    sieve.slots.get(q)?.paragraph_lead.clone()
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
    if !slot.opens_unit {
        return None;
    }
    let previous = sieve.units.get(slot.unit.checked_sub(1)?)?;
    let p = previous
        .end
        .checked_sub(1)
        .filter(|&p| p >= previous.start)?;
    let s = &sieve.slots[p];
    (s.in_last_sentence && s.kind == QuoteKind::Direct && s.attribution.names_someone())
        .then(|| s.attribution.carried(RuleId::ContinuedParagraph, Some(p)))
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
    let mut slots = vec![Slot::new(); top.len()];
    let all_units = units(paragraphs, top);
    let mut unit_ranges = Vec::with_capacity(all_units.len());
    // First stage: each quotation's own words, one stretch at a time.
    for (u, unit) in all_units.iter().enumerate() {
        unit_ranges.push(unit.quotes.clone());
        if unit.quotes.is_empty() {
            continue;
        }
        let tokens = Tokens::new(text, unit.start, unit.end, top, unit.quotes.start, lex);
        let reader = Reader {
            ctx: &ctx,
            t: &tokens,
        };
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
            if kind == QuoteKind::Direct && !attribution.names_someone() {
                slot.sentence_lead = reader.sentence_lead_in(i);
                if i == 0 {
                    slot.paragraph_lead = u
                        .checked_sub(1)
                        .and_then(|p| all_units.get(p))
                        .and_then(|p| paragraph_lead_in(&ctx, text, top, p, lex));
                }
            }
            slot.attribution = attribution;
        }
    }
    // Second stage: direct quotations with no speaker of their own continue someone's speech.
    let mut sieve = Sieve {
        slots,
        units: unit_ranges,
    };
    for q in 0..sieve.slots.len() {
        let slot = &sieve.slots[q];
        if slot.kind != QuoteKind::Direct || slot.attribution.names_someone() {
            continue;
        }
        let carried = CARRY_RULES.iter().find_map(|(_, rule)| rule(&sieve, q));
        if let Some(mut c) = carried {
            c.own = false;
            let slot = &mut sieve.slots[q];
            if c.cue.is_none() {
                c.cue = slot.attribution.cue.take();
            }
            slot.attribution = c;
        }
    }
    top.iter()
        .zip(sieve.slots)
        .map(|(s, slot)| {
            let a = slot.attribution;
            Quote {
                kind: slot.kind,
                start: s.start,
                end: s.end,
                speaker: a.speaker,
                speaker_text: a.speaker_text,
                cue: a.cue,
                trace: a.trace.map(Box::new),
            }
        })
        .collect()
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
    let t = Tokens::new(text, unit.start, unit.end, top, unit.quotes.start, lex);
    Reader { ctx, t: &t }.lead_in()
}

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
