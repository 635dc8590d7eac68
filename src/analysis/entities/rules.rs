//! The named rules of entity recognition and alias merging, in the order they apply.
//!
//! Every decision the recogniser and the merger take is made by one of these rules: a run of
//! words is cut and typed by the *recognise* rules (tried in table order, the first that
//! decides wins), and mentions are joined into entities by the *merge* rules. Each rule has an
//! id, a line saying what it does, and its own examples, written in a small markup that the
//! tests check (see [`Example`]): every example must hold with all rules on and fail with its
//! own rule switched off, so an example always shows what its rule does.
//!
//! An entity remembers the rules that built it and merged its aliases (its
//! [`EntityTrace`](crate::analysis::EntityTrace)), which `lede analyze --explain` prints.

/// Where a rule acts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Cuts the text into names and types them, block by block.
    Recognise,
    /// Joins the mentions of the whole article into entities.
    Merge,
}

macro_rules! rules {
    ($( $variant:ident = $name:literal, $stage:ident, $about:literal, [$($example:literal),+ $(,)?]; )+) => {
        /// The id of a rule. Rules are listed in the order they apply.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum RuleId {
            $( #[doc = $about] $variant, )+
        }

        impl RuleId {
            /// Every rule, in order.
            pub const ALL: &'static [RuleId] = &[$(RuleId::$variant),+];

            /// The rule's name, as `--explain` prints it (`given_name`).
            pub fn name(self) -> &'static str {
                match self { $(RuleId::$variant => $name,)+ }
            }

            /// What the rule does, in one line.
            pub fn about(self) -> &'static str {
                match self { $(RuleId::$variant => $about,)+ }
            }

            /// Whether the rule recognises names or merges them.
            pub fn stage(self) -> Stage {
                match self { $(RuleId::$variant => Stage::$stage,)+ }
            }

            /// The rule's examples, in the markup of [`Example`].
            pub fn examples(self) -> &'static [&'static str] {
                match self { $(RuleId::$variant => &[$($example),+],)+ }
            }
        }
    };
}

rules! {
    // Recognition: where a run of capitalised words starts and ends.
    Date = "date", Recognise,
        "Dates and times by their shape: `June 12`, `Monday`, `1994`, `2 AM`, `five hours`.",
        [
            "The summit is on [June 12](date) and lasted [five hours](date).",
            "In an [August](date) speech, the mayor spoke.",
        ];
    Particle = "particle", Recognise,
        "Lower-case particles join the capitalised words around them: `Osama bin Laden`, `Henry van der Luyden`.",
        ["A statue of [Charles de Gaulle](person) stood there.",
         "Then [Henry van der Luyden](person) came."];
    OfAfterHead = "of_after_head", Recognise,
        "`of` joins a head word or a title to the name after it: `Church of Scientology`.",
        ["Members of the [Church of Scientology](org) said so."];
    ForAfterHead = "for_after_head", Recognise,
        "`for` joins a head word to the name after it: `Commission for Racial Equality`.",
        ["The [Commission for Racial Equality](org) met."];
    AndSharedHead = "and_shared_head", Recognise,
        "Words before `and` share the head of the name after it: `National Air and Space Museum`.",
        ["At the [National Air and Space Museum](place) today."];
    InForName = "in_for_name", Recognise,
        "`in` or `for` inside an organisation's long name: `Young Professionals in Foreign Policy`.",
        ["A director for [Young Professionals in Foreign Policy](org) and others."];
    TitlePeriod = "title_period", Recognise,
        "The period of an abbreviated title stays inside the run, and so do particles after it: `Dr. Jane Doe`, `Mr. van der Luyden`.",
        ["Then Mr. [Smith](person) came.",
         "Mr. van der [Luyden](=Mr. van der Luyden) bowed, and Mrs. van der [Luyden](=Mrs. van der Luyden) smiled."];
    MiddleInitial = "middle_initial", Recognise,
        "A middle initial and its period stay inside a name: `Leonard E. Burman`.",
        ["[Leonard E. Burman](=Leonard E. Burman) spoke, and [Burman](=Leonard E. Burman) left."];
    NameAbbreviation = "name_abbreviation", Recognise,
        "An abbreviated word that opens a place name keeps its period and the name after it: `Mt. Kenya`.",
        ["They climbed [Mt. Kenya](place) at dawn."];
    Ampersand = "ampersand", Recognise,
        "An ampersand joins two capitalised words: `Johnson & Johnson`.",
        ["Shares of [Procter & Gamble Co](org) fell."];
    CollectivePossessive = "collective_possessive", Recognise,
        "A plural noun's possessive stays inside a name: `Korean People's Army`.",
        ["Soldiers of the [Korean People's Army](org) marched."];
    NameBreak = "name_break", Recognise,
        "A month or weekday that is no given name ends a run, as does a month after `of` or `in`: `on the thirtieth of August Pierre`.",
        ["On the thirtieth of [August](-) [Pierre Bezúkhov](person) reached Moscow."];
    WebAddress = "web_address", Recognise,
        "A handle, a web address or a currency code is no name: `@POTUS`, `Scientology.org`, `NZ$`.",
        ["He tweeted as @[POTUS](-) that day."];
    DashRunOn = "dash_run_on", Recognise,
        "A hyphen that sets a word run on to a name is a dash: `Borís Drubetskóy-awaited the`, `Natásha-Mademoiselle Bourienne`.",
        ["Then [Borís Drubetskóy](person)-awaited the end; the news awaited them.",
         "Countess Natásha smiled. Then [Natásha](person)-Mademoiselle [Bourienne](person) came."];
    LeadingCommonWord = "leading_common_word", Recognise,
        "Common words at the front of a run are no part of the name: `However Trump`. Inside a sentence a given name before another word of the name stays, though the article writes it in lower case too: `May Welland`.",
        ["However [Trump](=Donald Trump) said no. Donald Trump left, as he may, with [May Welland](person)."];
    SentenceAdverb = "sentence_opener", Recognise,
        "A word that opens a sentence and is written in lower case elsewhere, an adverb above all, is no part of the name: `Suddenly Dólokhov`, `Call Andrew!`.",
        ["Suddenly [Dólokhov](person) laughed. Then Count [Dólokhov](person) left.",
         "\"Call [Andrew](person)!\" he said. Prince Andrew came when we call him."];
    TrailingCommonWord = "trailing_common_word", Recognise,
        "Common words at the end of a run are no part of the name.",
        ["He met [Boris Johnson](person) Today at noon. Chief executive [Ian Read](person) said no."];
    AcronymDefinition = "acronym_definition", Recognise,
        "An acronym in parentheses right after a name defines it: `International Atomic Energy Agency (IAEA)`.",
        ["The Zarnian Power Syndicate ([ZEPOS](=Zarnian Power Syndicate)) spoke."];

    // Recognition: what a run names, tried in this order.
    Gazetteer = "gazetteer", Recognise,
        "A name the gazetteer knows has its kind: `North Korea`, `IAEA`.",
        ["Talks with [North Korea](place) stalled."];
    Headline = "headline", Recognise,
        "In a headline every word is capitalised: only names known elsewhere count.",
        ["[Rocky Talks](-) Ahead For Summit\n\nThe summit went on."];
    Title = "title", Recognise,
        "A title before a name is left out of it and makes it a person: `Secretary of State [Mike Pompeo]`.",
        ["Said Secretary of State [Mike Pompeo](person) today."];
    TitleSplit = "title_split", Recognise,
        "A second title after a titled name starts another name: `Miss Woodhouse Miss Taylor`.",
        ["Far more than Miss [Woodhouse](person) Miss [Taylor](person)'s."];
    Role = "role", Recognise,
        "A role word makes a run no name (`Islands Correspondent`, `His Majesty`), but a known or longer name may stand before it.",
        ["By Isla MacLeod, Islands [Correspondent](-), for us.",
         "Then his most [August Majesty](-) the Emperor came. She was august."];
    HeadWord = "head_word", Recognise,
        "A head word gives the run its kind: `Atomic Energy Agency` is an organisation.",
        ["They sailed to [Kessel Island](place) at dawn."];
    KnownNameInside = "known_name_inside", Recognise,
        "A known name inside a longer run is cut out of it: `North Korea` in `North Korea Analyst Smith`.",
        ["Yesterday [New York](place) [Kessel](person) said no."];
    PlacePrefix = "place_prefix", Recognise,
        "A compass word before a known place makes a place: `South Russia`.",
        ["Troops moved to [South Russia](place) then."];
    GivenName = "given_name", Recognise,
        "A run that starts with a known given name is a person: `Andy Laub`; it ends before a word written in lower case elsewhere (`Napoleon Knows`).",
        ["It was the [Jennifer Wallis](person) show.",
         "By then [Napoleon](person) Knows best. He knows it."];
    PlaceFirstWord = "place_first_word", Recognise,
        "A word that names a kind of place opens a two-word place name: `Port Askaig`.",
        ["The ferry leaves [Port Askaig](place) at noon."];
    DescriptorBeforeName = "descriptor_before_name", Recognise,
        "A full name run into the words that describe the person is cut off them: `Scientologist Tom Cruise`.",
        ["A video of Scientologist [Tom Cruise](person) ran."];
    Nationality = "nationality", Recognise,
        "A nationality inside a run of no known name is the nationality alone: `Orthodox Russian`.",
        ["An Orthodox [Russian](group) prayed."];
    FieldOfStudy = "field_of_study", Recognise,
        "After a degree and `in`, a run is a field of study, not a place: `a Master of Science in Global Affairs`.",
        ["She holds a Master of Science in [Global Affairs](-) now."];
    PlaceNoun = "place_noun", Recognise,
        "After `the town of`, `the city of`, a run is a place: `the town of Yeoncheon`.",
        ["Shells fell on the town of [Yeoncheon](place) today."];
    PlaceCue = "place_cue", Recognise,
        "After `in`, `near`, `from` and the like, an unknown run is a place: `in Hama`.",
        ["Fighting went on near [Qusayr](place) all day."];
    KnownPlaceLast = "known_place_last", Recognise,
        "A known place after words that are no part of a person's name stays the place: `Holy Moscow`.",
        ["The men spoke of Holy [Moscow](place) then."];
    LoweredWords = "lowered_words", Recognise,
        "Capitalised words the article also writes in lower case are common words: `Space Shuttle` beside `the shuttles`.",
        ["The last [Space Shuttle](-) mission ended; the shuttles flew no more."];
    ShapeName = "shape_name", Recognise,
        "Two or more capitalised words are a person's name, or an organisation's when they read like words or follow `the`.",
        ["Music by the [Kaiser Chiefs](org) and by [Tanka Boro](person) played."];
    RomanNumeral = "roman_numeral", Recognise,
        "A Roman numeral alone is no name: `XVII`.",
        ["In chapter [XVII](-) he left."];
    LoneGivenName = "lone_given_name", Recognise,
        "A known given name alone, not opening a sentence, is a person.",
        ["The letter was for [Margaret](person) alone."];
    AcronymShape = "acronym_shape", Recognise,
        "A word in capitals or with a capital inside is an organisation: `NATO`, `PayPal`.",
        ["Officials of [ZNPC](org) spoke."];
    Speaker = "speaker", Recognise,
        "A lone unknown name that speaks is a person: `Jafari said`, `, said Mauer.`",
        ["The works, said [Mauer](person), are shown.",
         "\"Look!\" cried [Zoya](person). She read [Persian](-).",
         "The works, said [Mauer](person), are shown, said Rep. [Patrick Tiberi](person)."];
    PersonContext = "person_context", Recognise,
        "A lone unknown name followed by `who` or `himself` is a person: `Vereshchágin who continued`; not after `the` (`the Hussar who`).",
        ["Then [Vereshchágin](person) who had waited spoke.",
         "He glanced down at [Vereshchágin](person) who went on.",
         "Then [Suvórov](person) himself fell, and the [Hussar](-) who saw it ran."];
    Unknown = "unknown", Recognise,
        "Any other capitalised word is weak: a name only if the article names it elsewhere.",
        ["[Kessel](=Zuma Kessel) arrived. Zuma Kessel waved."];

    // Merging.
    FullName = "full_name", Merge,
        "Mentions of one full name are one person: `Donald Trump` and `Donald Trump`.",
        ["[Trump](=Donald Trump) spoke first. Then Donald Trump left."];
    SaintName = "saint", Merge,
        "A saint is not the person of the same name in the article: `St. Nicholas`, `Saint Peter`.",
        ["Nicholas Rostóv came. They prayed to [St. Nicholas](=St. Nicholas) then. [Nicholas](=Nicholas Rostóv) left."];
    ModifierUse = "modifier_use", Merge,
        "A person's name used as a modifier is the person alone: `the Warhol Polaroids`.",
        ["The artist Andy Warhol took photos. The [Warhol](=Andy Warhol) Polaroids were shown."];
    NamePart = "name_part", Merge,
        "A part of exactly one longer name joins it: `Anna Pávlovna` → `Anna Pávlovna Schérer`.",
        ["Anna Pávlovna Schérer spoke. Later [Anna Pávlovna](=Anna Pávlovna Schérer) smiled."];
    DateValue = "date_value", Merge,
        "Dates that name the same day are one: `June 12` and `June 12th`.",
        ["On [June 12](=June 12th) and again on [June 12th](=June 12th) they met."];
    WeekdayOfDate = "weekday_of_date", Merge,
        "A weekday before the full date it names is that date: `Monday, May 18, 2015`.",
        ["A title line\n\n[Monday](=May 18, 2015), [May 18, 2015](=May 18, 2015)\n\nIt rained."];
    GivenNameButPlace = "given_name_but_place", Merge,
        "A given name alone is a place where the article names it so and never a person by more than the list of given names: `Charlotte`.",
        ["Protests went on in [Charlotte](place). Then [Charlotte](place) was calm."];
    TitledSurname = "titled_surname", Merge,
        "A title and a surname join the one full name of that surname the title fits; a different title means a different person: `Mr. Woodhouse` is not `Emma Woodhouse`, and `Mrs. Bennet` is not Jane Bennet where the text writes `Miss Bennet`. A word written after `Mr.` and after `Mrs.` more often than it opens full names is a surname (`Mr. Weston`, though a letter is signed `Weston Churchill`). A woman's title joins no full name whose gender nothing tells (`Mrs. Archer` is not Newland Archer), and `Mrs. Newland Archer` is his wife. `Mrs.` goes before a surname, never a given name alone (`Mrs. Braddocks` is not her husband `Braddocks`).",
        ["[Emma Woodhouse](=Emma Woodhouse) smiled. Mr. [Woodhouse](=Mr. Woodhouse) slept.",
         "Mr. John Knightley came; Mr. John Knightley left, as Mr. John Knightley does. Then Mr. [Knightley](=Mr. Knightley) spoke.",
         "The note was signed Weston Churchill. Mr. [Weston](=Mr. Weston) laughed; Mrs. Weston smiled, and Mr. Weston read it.",
         "Newland Archer came in. Mrs. [Archer](=Mrs. Archer) smiled at him.",
         "\"Hello,\" said Braddocks. Mrs. [Braddocks](=Mrs. Braddocks) laughed."];
    RankedSurname = "ranked_surname", Merge,
        "A rank or office is written before a surname, never before a given name alone: `Colonel Fitzwilliam` is not Fitzwilliam Darcy.",
        ["Mr. Fitzwilliam Darcy bowed. Then Colonel [Fitzwilliam](=Fitzwilliam) came in."];
    TitledGivenName = "titled_given_name", Merge,
        "A title and a given name join the person of that name the title was written before, else the nearest the title fits: `Princess Mary` → `Princess Mary Bolkónskaya`.",
        ["Princess Mary Bolkónskaya sat. Mary Hendríkhovna came in. Then Princess [Mary](=Mary Bolkónskaya) rose."];
    BareName = "bare_name", Merge,
        "A surname or given name alone joins the person that has it and was named within a page, else the one of them named most: `Trump` → `Donald Trump`.",
        ["Donald Trump met reporters. Later [Trump](=Donald Trump) spoke.",
         "Ivanka Trump spoke. Donald Trump left. [Trump](=Donald Trump) waved."];
    AcronymDefined = "acronym_defined", Merge,
        "An acronym defined in parentheses joins the name it follows.",
        ["The Zarnian Power Syndicate ([ZEPOS](=Zarnian Power Syndicate)) spoke."];
    CueButPerson = "cue_but_person", Merge,
        "A word a cue made a place is a person the article titles or quotes elsewhere, or names alone far more often: `a letter from Natásha`.",
        ["A letter from [Natásha](person) came. Countess Natásha smiled."];
    SameName = "same_name", Merge,
        "Mentions with one name, or the gazetteer's variants of one name, are one entity: `US`, `U.S.`.",
        ["[Kessel Group](=Kessel Group) rose. Later [Kessel Group](=Kessel Group) fell."];
    AcronymInitials = "acronym_initials", Merge,
        "An acronym joins the only longer name with its initials: `USI` → `University of Southern Indiana`.",
        ["The University of Southern Indiana grew. The [USI](=University of Southern Indiana) campus."];
    ShorterOrgName = "shorter_org_name", Merge,
        "A shorter organisation name joins the one longer name that holds it: `State Department`.",
        ["The Zarnian Water Board met. The [Water Board](=Zarnian Water Board) agreed."];
    ShorterPlaceName = "shorter_place_name", Merge,
        "Two words shaped like a person's name that open the one place named with a head word are that place: `Ninety Mile` → `Ninety Mile Beach`.",
        ["Whales beached on Tapu Rangi Beach. [Tapu Rangi](place) was quiet later.", "Whales beached on Tapu Rangi Beach. [Tapu Rangi](=Tapu Rangi Beach) was quiet."];
    WeakKnownAlias = "weak_known_alias", Merge,
        "A weak mention counts when the article names the same words with good evidence.",
        ["[Zuma Kessler](=Zuma Kessler) Agrees\n\nTalks with Zuma Kessler went on."];
    WeakGazetteer = "weak_gazetteer", Merge,
        "A weak mention inside a run counts when the gazetteer knows it: `Pyongyang` in a headline.",
        ["Talks In [Pyongyang](place) Stall\n\nThe talks went on."];
    WeakHeadWord = "weak_head_word", Merge,
        "A lone head word (`Church`) or the word after `of` stands for the only organisation that has it.",
        ["The Church of Scientology spoke. The [Church](=Church of Scientology) said more."];
}

impl std::fmt::Display for RuleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// A set of rules, as bits (a candidate's rules, or the rules switched off).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct RuleSet(u128);

impl RuleSet {
    pub const EMPTY: RuleSet = RuleSet(0);

    fn bit(rule: RuleId) -> u128 {
        1u128 << (rule as u32)
    }

    /// The set with one more rule.
    #[must_use]
    pub fn with(self, rule: RuleId) -> RuleSet {
        RuleSet(self.0 | RuleSet::bit(rule))
    }

    pub fn contains(self, rule: RuleId) -> bool {
        self.0 & RuleSet::bit(rule) != 0
    }

    /// Both sets' rules.
    #[must_use]
    pub fn union(self, other: RuleSet) -> RuleSet {
        RuleSet(self.0 | other.0)
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// The rules of the set, in table order.
    pub fn iter(self) -> impl Iterator<Item = RuleId> {
        RuleId::ALL
            .iter()
            .copied()
            .filter(move |&r| self.contains(r))
    }
}

/// Which rules are switched on: all of them, but for those a test switches off to see what
/// each rule does.
#[derive(Debug, Clone, Copy, Default)]
pub struct Switches {
    off: RuleSet,
}

impl Switches {
    /// Every rule on.
    pub const ALL_ON: Switches = Switches {
        off: RuleSet::EMPTY,
    };

    /// Every rule on but `rule`.
    pub fn without(rule: RuleId) -> Switches {
        Switches {
            off: RuleSet::EMPTY.with(rule),
        }
    }

    /// Whether `rule` may apply.
    #[inline]
    pub fn on(self, rule: RuleId) -> bool {
        !self.off.contains(rule)
    }
}

/// One marked span of an example: `[words](kind)` marks a mention of that kind, `[words](=Name)`
/// a mention of the entity named `Name`, `[words](-)` words that are no mention at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    pub start: usize,
    pub end: usize,
    pub expect: Expect,
}

/// What a mark expects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expect {
    Kind(String),
    Entity(String),
    Nothing,
}

/// An example with its marks taken out: the plain text and what is expected of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Example {
    pub text: String,
    pub marks: Vec<Mark>,
}

impl Example {
    /// Parses the markup of an example (a `[` that opens no mark is kept as text).
    pub fn parse(markup: &str) -> Example {
        let mut text = String::new();
        let mut marks = Vec::new();
        let mut rest = markup;
        while let Some(open) = rest.find('[') {
            let parsed = rest[open + 1..].split_once("](").and_then(|(words, tail)| {
                let (label, after) = tail.split_once(')')?;
                (!words.contains('[')).then_some((words, label, after))
            });
            let Some((words, label, after)) = parsed else {
                text.push_str(&rest[..=open]);
                rest = &rest[open + 1..];
                continue;
            };
            text.push_str(&rest[..open]);
            let start = text.len();
            text.push_str(words);
            let expect = match label {
                "-" => Expect::Nothing,
                l => match l.strip_prefix('=') {
                    Some(name) => Expect::Entity(name.to_string()),
                    None => Expect::Kind(l.to_string()),
                },
            };
            marks.push(Mark {
                start,
                end: text.len(),
                expect,
            });
            rest = after;
        }
        text.push_str(rest);
        Example { text, marks }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_names_are_unique_and_every_rule_has_examples() {
        let mut names: Vec<&str> = RuleId::ALL.iter().map(|r| r.name()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), RuleId::ALL.len());
        assert!(RuleId::ALL.len() <= 128, "a RuleSet holds 128 rules");
        for rule in RuleId::ALL {
            assert!(!rule.examples().is_empty(), "{rule}");
            for example in rule.examples() {
                assert!(
                    !Example::parse(example).marks.is_empty(),
                    "{rule}: {example}"
                );
            }
        }
    }

    #[test]
    fn examples_are_parsed_into_text_and_marks() {
        let e =
            Example::parse("Talks with [North Korea](place) and [Trump](=Donald Trump) [x](-) [y");
        assert_eq!(e.text, "Talks with North Korea and Trump x [y");
        assert_eq!(
            e.marks,
            [
                Mark {
                    start: 11,
                    end: 22,
                    expect: Expect::Kind("place".into())
                },
                Mark {
                    start: 27,
                    end: 32,
                    expect: Expect::Entity("Donald Trump".into())
                },
                Mark {
                    start: 33,
                    end: 34,
                    expect: Expect::Nothing
                },
            ]
        );
    }

    #[test]
    fn rule_sets_and_switches() {
        let set = RuleSet::EMPTY.with(RuleId::Title).with(RuleId::Date);
        assert!(set.contains(RuleId::Title) && !set.contains(RuleId::Gazetteer));
        assert_eq!(
            set.iter().collect::<Vec<_>>(),
            [RuleId::Date, RuleId::Title]
        );
        assert!(!Switches::without(RuleId::Title).on(RuleId::Title));
        assert!(Switches::ALL_ON.on(RuleId::Title));
    }
}
