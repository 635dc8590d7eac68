//! The rules of the attribution, in the order the sieve tries them, each with what it reads and
//! its own examples (a test runs them all: each example must be decided by its rule).

/// The rules of the sieve, and the links that tie a speaker's words to an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RuleId {
    /// `“…,” Smith said`, `“…,” said Smith`.
    ExplicitCueAfter,
    /// `“…,” said he`.
    InvertedSaidHe,
    /// `“…” was Marilla’s comment`, `“…” was his reply`: the owner of a remark named right
    /// after the quotation.
    RemarkOf,
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
    /// A transcript's line (`"PENCE: Well, …`) or a headline (`Sanders: Clinton needs to
    /// ‘get away…’`) opening with its speaker's name and a colon.
    TranscriptLine,
    /// An attribution line: a dash and a name after the quotation (`“…” ― Karen Bobadilla`).
    AttributionLine,
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
    /// The quotation that ended the previous paragraph continues (reports, not dialogue).
    ContinuedParagraph,
    /// The subject of the sentence a quotation stands inside, when no reporting word names one
    /// (`Walter Hewlett sniped that Fiorina was “learning on the job”`).
    ClauseSubject,
    /// The person acting in the narration right before or after the quotation, in its
    /// paragraph (`Emma demurred. “…”`).
    ActionBeat,
    /// The person acting in a paragraph of narration right before the quotation's paragraph
    /// (`Poirot looked puzzled.` / `“What did I say?”`).
    ActionLeadIn,
    /// In dialogue, a name addressed in the previous turn (`“Yes, Emma, …”`) speaks next.
    VocativeAddressee,
    /// In dialogue, uncued turns alternate between the two people talking.
    ConversationAlternation,
    /// Link: a name the entity list knows, though not marked at that place.
    NameLookup,
    /// Link: `he`, `she` to the most salient person who fits.
    PronounSalience,
    /// Link: in dialogue, `he said`, `said she` to the person whose turn it is, when the
    /// pronoun fits them.
    PronounInConversation,
    /// Link: `the prince` to the last person introduced with that title.
    TitleLink,
    /// Link: `the agency` to the last organisation.
    OrganisationLink,
    /// Link: in dialogue, `the Jew` to the person the others address by name when that
    /// description speaks.
    DescriptionLink,
    /// Link: in dialogue, `the girl` to the person the narration names in most of the scenes
    /// where that description speaks, who fits it and is not the one talked to.
    DescriptionInScene,
    /// Link: in dialogue, a description written with capitals (`the King`, `the Mock Turtle`)
    /// that no one addresses by a name is a person of its own: the book uses it as a name.
    DescriptionAsName,
    /// Link: a transcript's label in capitals that names no entity (`WALLACE: …`) is a person
    /// of its own.
    TranscriptPerson,
    /// Link: `I` outside quotations to the narrator, by the name others call them when they
    /// talk to the narrator, else to a "Narrator".
    Narrator,
}

impl RuleId {
    /// The rule's id as printed by `--explain` and written in JSON.
    pub fn id(self) -> &'static str {
        match self {
            RuleId::ExplicitCueAfter => "explicit_cue_after",
            RuleId::RemarkOf => "remark_of",
            RuleId::InvertedSaidHe => "inverted_said_he",
            RuleId::TagSentence => "tag_sentence",
            RuleId::ExplicitCueBefore => "explicit_cue_before",
            RuleId::AccordingTo => "according_to",
            RuleId::CueNoun => "cue_noun",
            RuleId::QuotedAs => "quoted_as",
            RuleId::TranscriptLine => "transcript_line",
            RuleId::AttributionLine => "attribution_line",
            RuleId::ColonSubject => "colon_subject",
            RuleId::SentenceLeadIn => "sentence_lead_in",
            RuleId::EarlierInParagraph => "earlier_in_paragraph",
            RuleId::LeadInParagraph => "lead_in_paragraph",
            RuleId::LaterInParagraph => "later_in_paragraph",
            RuleId::ContinuedParagraph => "continued_paragraph",
            RuleId::ClauseSubject => "clause_subject",
            RuleId::ActionBeat => "action_beat",
            RuleId::ActionLeadIn => "action_lead_in",
            RuleId::VocativeAddressee => "vocative_addressee",
            RuleId::ConversationAlternation => "conversation_alternation",
            RuleId::NameLookup => "name_lookup",
            RuleId::PronounSalience => "pronoun_salience",
            RuleId::PronounInConversation => "pronoun_in_conversation",
            RuleId::TitleLink => "title_link",
            RuleId::OrganisationLink => "organisation_link",
            RuleId::DescriptionLink => "description_link",
            RuleId::DescriptionInScene => "description_in_scene",
            RuleId::DescriptionAsName => "description_as_name",
            RuleId::TranscriptPerson => "transcript_person",
            RuleId::Narrator => "narrator",
        }
    }

    /// Whether this is a link (it ties the words naming a speaker to an entity for another rule)
    /// rather than a rule that finds those words.
    pub fn is_link(self) -> bool {
        matches!(
            self,
            RuleId::NameLookup
                | RuleId::PronounSalience
                | RuleId::PronounInConversation
                | RuleId::TitleLink
                | RuleId::OrganisationLink
                | RuleId::DescriptionLink
                | RuleId::DescriptionInScene
                | RuleId::DescriptionAsName
                | RuleId::TranscriptPerson
                | RuleId::Narrator
        )
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
    /// The people (and organisations and places, written `org:Name`, `place:Name`) of the
    /// text, each as its aliases separated by `|`, the fullest first.
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

/// A dialogue between two people, then a third: cued turns, uncued turns, a name addressed.
const DIALOGUE: &str = "Marilla came into the kitchen where Anne sat.\n\n\
“Where have you been all afternoon?” asked Marilla.\n\n\
“Down at the brook,” said Anne.\n\n\
“In this rain?” said Marilla.\n\n\
“It was not raining then,” said Anne.\n\n\
“Well, I never heard the like.”\n\n\
“It is true, all the same.”\n\n\
Then the door opened and Diana Barry came in, shaking the rain from her coat.\n\n\
“Oh, Diana, did you get wet?” cried Anne.\n\n\
“Yes, it was pouring all the way from the gate.”";

/// Every rule, in the order the sieve tries them; links (which tie a speaker's words to an entity
/// for another rule) come last.
pub static RULES: &[Rule] = &[
    Rule {
        id: RuleId::RemarkOf,
        reads: "`was X’s <remark>` right after the quotation: X speaks",
        examples: &[
            ex(
                "Anne Shirley looked up at Marilla Cuthbert.\n\n“You did it thoroughly, all right enough,” was Marilla's comment.",
                &["Anne Shirley|Anne", "Marilla Cuthbert|Marilla"],
                "You did it",
                "Marilla Cuthbert",
            ),
            ex(
                "Mr. Knightley came in with Emma.\n\n“A fine day,” was his only answer.",
                &["Mr. Knightley|Knightley", "Emma"],
                "A fine day",
                "Mr. Knightley",
            ),
        ],
    },
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
                "“It is fiscally responsible,” Leonard Burman, director of the Urban-Brookings Tax Policy Center and a professor at the Maxwell School of Syracuse University, said of the plan.",
                &["Leonard Burman|Burman"],
                "It is fiscally",
                "Leonard Burman",
            ),
            ex(
                "“It is a bad framing,” Vann Newkirk II, a staff writer for the monthly magazine in Washington, said on Twitter.",
                &["Vann Newkirk|Newkirk"],
                "It is a bad",
                "Vann Newkirk",
            ),
            ex(
                "“We are revolutionizing politics,” Jeff Weaver, Sanders’ campaign manager, said in a statement.",
                &["Jeff Weaver|Weaver", "Bernie Sanders|Sanders"],
                "We are revolutionizing",
                "Jeff Weaver",
            ),
            ex(
                "“We called him Tortoise,” the Mock Turtle went on.",
                &[],
                "We called him",
                "(the Mock Turtle)",
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
            ex(
                "“There is no question,” Cornyn's statement added.",
                &["John Cornyn|Cornyn"],
                "There is no",
                "John Cornyn",
            ),
            ex(
                "“This is a waste of time,” said Del. Stacey Plaskett of the Virgin Islands.",
                &["Del", "Stacey Plaskett|Plaskett"],
                "This is a waste",
                "Stacey Plaskett",
            ),
            ex(
                "“It was a sad moment for Europe,” said European Council President Donald Tusk.",
                &["org:European Council", "Donald Tusk|Tusk"],
                "It was a sad",
                "Donald Tusk",
            ),
            ex(
                "“This is a disgusting day,” said Rep. G.K. Butterfield (D-N.C.), head of the caucus.",
                &["Rep", "G.K. Butterfield|Butterfield"],
                "This is a disgusting",
                "G.K. Butterfield",
            ),
            ex(
                "“It was the least bad outcome,” Mr. Morgan of the Sierra Club said.",
                &["Morgan", "org:Sierra Club"],
                "It was the least",
                "Morgan",
            ),
            ex(
                "“Subpoenas are not optional,” Sen. Claire McCaskill (D-Mo.) said.",
                &["Claire McCaskill|McCaskill"],
                "Subpoenas",
                "Claire McCaskill",
            ),
            ex(
                "“Twitter works as a way to sell books,” James B. Comey Jr. said Tuesday.",
                &["James B. Comey Jr|Comey", "date:Tuesday"],
                "Twitter works",
                "James B. Comey Jr",
            ),
            ex(
                "Jane Doe delivered a defense of “city values,” saying the town embodied them.",
                &["Jane Doe|Doe"],
                "city values",
                "Jane Doe",
            ),
            ex(
                "“I have admiration for the mechanics” of the proposals, Mr. Holtz-Eakin said.",
                &["Douglas Holtz-Eakin|Holtz-Eakin"],
                "I have admiration",
                "Douglas Holtz-Eakin",
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
        examples: &[
            ex(
                "“Thank you, a very smart and gracious gesture!” Trump tweeted.",
                &["Donald Trump|Trump"],
                "Thank you",
                "Donald Trump",
            ),
            ex(
                "Maria Estrada spoke.\n\n“We have to win.” Maria Estrada, the chair of the county party, told reporters.",
                &["Maria Estrada|Estrada"],
                "We have to win",
                "Maria Estrada",
            ),
        ],
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
                "To this, Mary Bennet very gravely replied, “Far be it from me.”",
                &["Mary Bennet|Mary"],
                "Far be it",
                "Mary Bennet",
            ),
            ex(
                "Tom Reed took to Twitter to accuse the council of being “asleep at the wheel.”",
                &["Tom Reed|Reed"],
                "asleep at",
                "Tom Reed",
            ),
            ex(
                "Charlotte Mayor Jennifer Roberts said Friday that the video should be released but said “the question is the timing.”",
                &["Charlotte", "Jennifer Roberts|Roberts"],
                "the question",
                "Jennifer Roberts",
            ),
            ex(
                "Later, Mike Pompeo told reporters: “We are ready.”",
                &["Mike Pompeo|Pompeo"],
                "We are ready",
                "Mike Pompeo",
            ),
            ex(
                "Gov. Pat McCrory (R) said it would be “improper” for him to speak.",
                &["Pat McCrory|McCrory"],
                "improper",
                "Pat McCrory",
            ),
            ex(
                "Rival Hillary Clinton had mocked the complaint, saying anybody who complains about a microphone “is not having a good night.”",
                &["Hillary Clinton|Clinton"],
                "is not having",
                "Hillary Clinton",
            ),
            ex(
                "House Speaker Paul Ryan, despite admitting that he had concerns about “trial lawyers trying to get rich,” backed the bill.",
                &["Paul Ryan|Ryan"],
                "trial lawyers",
                "Paul Ryan",
            ),
            ex(
                "Mike Pence said his running mate Donald Trump’s tweet was only “to mock” Hillary Clinton.",
                &["Mike Pence|Pence", "Donald Trump|Trump", "Hillary Clinton|Clinton"],
                "to mock",
                "Mike Pence",
            ),
            ex(
                "Hillary Clinton spoke in Florida. She says Donald Trump’s early-morning tweets accusing Alicia Machado are “lies and conspiracy theories.”",
                &["Hillary Clinton|Clinton", "Donald Trump|Trump", "Alicia Machado|Machado"],
                "lies and",
                "Hillary Clinton",
            ),
            ex(
                "The guests included Patti LaBelle and Stevie Wonder, who joked of the museum, “I haven't seen it yet.”",
                &["Patti LaBelle", "Stevie Wonder"],
                "I haven't",
                "Stevie Wonder",
            ),
            ex(
                "Russia insisted that Pyongyang “stop its dangerous escapades.”",
                &["place:Russia", "place:Pyongyang"],
                "stop its",
                "Russia",
            ),
            ex(
                "Tom Reed however said he would welcome a “principled security network” for Asia.",
                &["Tom Reed|Reed", "place:Asia"],
                "principled security",
                "Tom Reed",
            ),
            ex(
                "At the debate, Marco Rubio made a joke and called Donald Trump “very flexible,” a nod to his changes.",
                &["Marco Rubio|Rubio", "Donald Trump|Trump"],
                "very flexible",
                "Marco Rubio",
            ),
            ex(
                "In an AP interview Monday, Jane Doe said the process could be “messy,” adding, “Democracy is messy.”",
                &["org:AP", "Jane Doe|Doe", "date:Monday"],
                "Democracy is",
                "Jane Doe",
            ),
            ex(
                "Jane Doe said the platform should reiterate its support for “stalwart allies.”",
                &["Jane Doe|Doe"],
                "stalwart allies",
                "Jane Doe",
            ),
            ex(
                "Jane Doe delivered a defense of “city values,” saying the town embodied the “heart and soul of America.”",
                &["Jane Doe|Doe", "place:America"],
                "heart and soul",
                "Jane Doe",
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
                "Later came Cornyn's statement: “There is no question.”",
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
        id: RuleId::TranscriptLine,
        reads: "a speaker's label and a colon opening the quotation or its paragraph",
        examples: &[
            ex(
                "Partial transcript as follows:\n\n\"WALLACE: Will she be there?\n\n\"PENCE: Gennifer Flowers will not be attending the debate.",
                &["Mike Pence|Pence"],
                "PENCE: Gennifer",
                "Mike Pence",
            ),
            ex(
                "Bernie Sanders spoke on Friday.\n\nSanders: Clinton needs to ‘get away from all of this personality stuff’",
                &["Bernie Sanders|Sanders", "Clinton"],
                "get away",
                "Bernie Sanders",
            ),
        ],
    },
    Rule {
        id: RuleId::AttributionLine,
        reads: "a dash and a name right after the quotation, ending its line",
        examples: &[ex(
            "Readers wrote to us.\n\n“He is ignorant of our culture and lives.” ― Pamela Padilla\n\n“He scares me.” ― Krystal Correa",
            &["Pamela Padilla", "Krystal Correa"],
            "He scares me",
            "Krystal Correa",
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
        ),
        // An adverb after the verb is no inverted subject; a phrase before it hides none.
        ex(
            "Marilla Cuthbert looked at Anne. Marilla intercepted the look and said grimly:\n\n“I'm going to drive over to White Sands.”",
            &["Marilla Cuthbert|Marilla", "Anne"],
            "I'm going",
            "Marilla Cuthbert",
        ),
        ex(
            "At length Darcy spoke, and in a constrained manner said,\n\n“Mr. Wickham is blessed with such happy manners.”",
            &["Darcy", "Wickham"],
            "Mr. Wickham",
            "Darcy",
        ),
        // A phrase set off before the verb is no subject: the sentence's pronoun is.
        ex(
            "Elizabeth Bennet looked at Mr. Darcy. She answered him in the usual way, and after a moment's pause, added,\n\n“You are right.”",
            &["Elizabeth Bennet|Elizabeth", "Mr. Darcy|Darcy"],
            "You are right",
            "Elizabeth Bennet",
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
        examples: &[
            ex(
                "“We are very excited about this,” said Jane Doe.\n\n“It is a great day for the city.”\n\nThe council met later.",
                &["Jane Doe"],
                "It is a great day",
                "Jane Doe",
            ),
            ex(
                "Jane Doe shot back in a statement, saying she had “made money in down markets.”\n\n“Frankly, this is the thinking the city needs.”\n\nThe council met later.",
                &["Jane Doe|Doe"],
                "Frankly, this",
                "Jane Doe",
            ),
        ],
    },
    Rule {
        id: RuleId::ClauseSubject,
        reads: "the person or pronoun opening the sentence the quotation stands inside, before its verb",
        examples: &[
            ex(
                "Walter Hewlett saw in Carly Fiorina a chief “learning on the job.”",
                &["Walter Hewlett|Hewlett", "Carly Fiorina|Fiorina"],
                "learning on",
                "Walter Hewlett",
            ),
            ex(
                "Jane Doe met the mayor.\n\nShe welcomed “the recognition that we do not have all the tools we need.”",
                &["Jane Doe|Doe"],
                "the recognition",
                "Jane Doe",
            ),
        ],
    },
    Rule {
        id: RuleId::ActionBeat,
        reads: "the subject of the narration right before or after the quotation, same paragraph",
        examples: &[
            ex(
                "Emma Woodhouse and Harriet Smith walked on.\n\nEmma demurred. “It would be a crowd, a sad crowd.”",
                &["Emma Woodhouse|Emma", "Harriet Smith|Harriet"],
                "It would be",
                "Emma Woodhouse",
            ),
            ex(
                "Lawrence Cavendish came in.\n\n“Oh!” Lawrence looked puzzled.",
                &["Lawrence Cavendish|Lawrence"],
                "Oh!",
                "Lawrence Cavendish",
            ),
        ],
    },
    Rule {
        id: RuleId::ActionLeadIn,
        reads: "the subject of a paragraph of narration right before the quotation's paragraph",
        examples: &[ex(
            "We talked of Miss Howard for an hour.\n\nHercule Poirot looked puzzled.\n\n“What did I say about her evidence?”",
            &["Hercule Poirot|Poirot", "Miss Howard|Howard"],
            "What did I say",
            "Hercule Poirot",
        )],
    },
    Rule {
        id: RuleId::VocativeAddressee,
        reads: "in dialogue: a person addressed by name in the turn before speaks this turn",
        examples: &[ex(
            DIALOGUE,
            &["Anne Shirley|Anne", "Marilla Cuthbert|Marilla", "Diana Barry|Diana"],
            "Yes, it was",
            "Diana Barry",
        )],
    },
    Rule {
        id: RuleId::ConversationAlternation,
        reads: "in dialogue: an uncued turn is spoken by whoever spoke two turns before",
        examples: &[ex(
            DIALOGUE,
            &["Anne Shirley|Anne", "Marilla Cuthbert|Marilla", "Diana Barry|Diana"],
            "Well, I never",
            "Marilla Cuthbert",
        )],
    },
    Rule {
        id: RuleId::NameLookup,
        reads: "link: a name the entity list knows, matched to its entity where it was not marked",
        examples: &[ex(
            "Union leader Dave Kowalski was angry.\n\n“We gave them everything,” Kowalski said.",
            &["Dave Kowalski"],
            "We gave them",
            "Dave Kowalski",
        )],
    },
    Rule {
        id: RuleId::PronounSalience,
        reads: "link: he/she to the last person before who fits, a source in the paragraph first",
        examples: &[ex(
            "Mrs. Alice Green met Tom Brown on Tuesday. She left early.\n\n“It went well,” she said.",
            &["Alice Green|Green", "Tom Brown|Brown"],
            "It went well",
            "Alice Green",
        ),
        ex(
            "According to Carter Ham, the administration has lost leaders who disagreed with Barack Obama’s policies.\n\n“We are on our fourth secretary,” he said.",
            &["Carter Ham|Ham", "Barack Obama|Obama"],
            "We are on",
            "Carter Ham",
        ),
        ex(
            "Anne was out of the house in a trice, but the hope faded when she saw Diana Barry’s face.\n\n“Your mother has not relented?” she gasped.",
            &["Anne Shirley|Anne", "Diana Barry|Diana"],
            "Your mother",
            "Anne Shirley",
        )],
    },
    Rule {
        id: RuleId::PronounInConversation,
        reads: "link: in dialogue, he/she to whoever's turn it is (addressed, or two turns back)",
        examples: &[ex(
            "Tom Reed and Sam Hill sat by the fire.\n\n“It is cold,” said Tom.\n\n“It is winter,” said Sam.\n\n“I know,” said Tom.\n\n“Then why complain?” said Sam.\n\nTom poked the fire and Sam watched him.\n\n“Because I can,” said he.",
            &["Tom Reed|Tom", "Sam Hill|Sam"],
            "Because I can",
            "Tom Reed",
        )],
    },
    Rule {
        id: RuleId::TitleLink,
        reads: "link: `the <title>` to the last person introduced with that title",
        examples: &[ex(
            "Mary Lee, the city’s mayor, met Tom Smith on Monday.\n\n“It went well,” the mayor said.",
            &["Mary Lee|Lee", "Tom Smith|Smith"],
            "It went well",
            "Mary Lee",
        )],
    },
    Rule {
        id: RuleId::OrganisationLink,
        reads: "link: `the agency` to the last organisation mentioned",
        examples: &[ex(
            "The National Weather Service said the storm was moving north. “Flash flooding remains the biggest threat,” the agency said.",
            &["org:National Weather Service"],
            "Flash flooding",
            "National Weather Service",
        )],
    },
    Rule {
        id: RuleId::DescriptionLink,
        reads: "link: in dialogue, `the <noun>` to the name the others call that speaker by",
        examples: &[ex(
            "Oliver Twist came in with Jack Dawkins and Charley Bates.\n\n“Is that you, Fagin?” asked Jack.\n\n“Yes, my dear,” said the Jew.\n\n“This is him, Fagin,” said Jack.\n\n“I am glad to see you,” said the Jew.\n\n“Thank you,” said Oliver.\n\nFagin grinned.",
            &["Oliver Twist|Oliver", "Jack Dawkins|Jack", "Charley Bates|Charley", "Fagin"],
            "I am glad",
            "Fagin",
        ),
        // A possessive description is no pronoun: `her son` is not `she`.
        ex(
            "Ann Maylie sat with Harry Maylie by the fire.\n\n“Is that you, Harry?” asked Ann.\n\n“Yes, mother,” said her son.\n\n“Come in, Harry,” said Ann.\n\n“I will,” said her son.\n\nThe fire burned low.",
            &["Ann Maylie|Ann", "Harry Maylie|Harry"],
            "I will",
            "Harry Maylie",
        )],
    },
    Rule {
        id: RuleId::DescriptionInScene,
        reads: "link: in dialogue, `the <noun>` to the person of fitting gender the narration \
                names in most scenes where it speaks, not the one talked to",
        examples: &[ex(
            "Nancy Price came into the room where Oliver Twist sat.\n\n“Where have you been?” said the girl.\n\n“Out,” said Oliver.\n\n“Come with me,” said the girl.\n\nThe next day Oliver walked to the bridge. Nancy was there.\n\n“You came,” said the girl.\n\n“I did,” said Oliver.\n\n“Then listen,” said the girl.",
            &["Nancy Price|Nancy", "Oliver Twist|Oliver"],
            "Then listen",
            "Nancy Price",
        )],
    },
    Rule {
        id: RuleId::DescriptionAsName,
        reads: "link: in dialogue, `the <Capitalised noun>` no one addresses by name to a person \
                of its own (`the King`, `the Mock Turtle`), never to someone else in its scenes",
        examples: &[ex(
            "Alice Liddell sat by the Dormouse at the table.\n\n“Off with his head!” said the King.\n\n“Why?” said Alice.\n\n“Because I say so,” said the King.\n\n“Nonsense,” said Alice.\n\nThe Dormouse slept.",
            &["Alice Liddell|Alice", "Dormouse"],
            "Because I say",
            "(the King)",
        )],
    },
    Rule {
        id: RuleId::TranscriptPerson,
        reads: "link: a transcript's label in capitals that names no entity to a person of its own",
        examples: &[ex(
            "Partial transcript as follows:\n\n\"WALLACE: Will she be there?\n\n\"PENCE: Gennifer Flowers will not be attending the debate.",
            &["Mike Pence|Pence"],
            "WALLACE: Will",
            "(Wallace)",
        )],
    },
    Rule {
        id: RuleId::Narrator,
        reads: "link: `I` outside quotations to the narrator, named by how others address them",
        examples: &[
            ex(
                "“Come in,” I said. She did not move.",
                &[],
                "Come in",
                "(the narrator)",
            ),
            ex(
                "We sat down at the café.\n\n“Hello, Jake,” Bill Gorton said.\n\n“Hello,” I said.\n\n“You look tired, Jake,” Bill said.\n\n“I am,” I said.",
                &["Jake", "Bill Gorton|Bill"],
                "I am",
                "Jake",
            ),
            // The entities hold `Hastings` only joined to other names: the narrator is a person
            // of their own, named as the others call them.
            ex(
                "We walked to the house.\n\n“My dear Hastings, look,” Poirot said.\n\n“What?” I said.\n\n“The window, Hastings!” cried Poirot.\n\n“I see it,” I said.",
                &["Hastings Miss Howard|Hastings", "Hastings Miss Murdoch|Hastings", "Poirot"],
                "I see it",
                "(Hastings)",
            ),
        ],
    },
];
