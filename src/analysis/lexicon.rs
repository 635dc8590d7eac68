//! What the engine knows about single words of the language, read once from `assets/`: the
//! closed word classes (particles, months, place cues, reporting verbs, pronouns and their
//! gender, abbreviations), titles and honorifics with their gender, and the open lists of given
//! names (with gender), surnames, common words and head words.
//!
//! Every word of a block is looked up once when the [`Doc`](super::doc::Doc) is built, and what
//! the lexicon knows about it travels with the token as a [`WordInfo`]: the recogniser and the
//! date finder then test bits instead of comparing strings. The names of things (places,
//! organisations, their variants) are the gazetteer's, in `entities::gazetteer`.

use std::collections::{HashMap as StdHashMap, HashSet as StdHashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use super::EntityKind;
use crate::data::lines;

const WORDS: &str = include_str!("../../assets/lexicon/words.txt");
const TITLES: &str = include_str!("../../assets/lexicon/titles.tsv");
const REPORTING_VERBS: &str = include_str!("../../assets/reporting_verbs.txt");
const GIVEN: &str = include_str!("../../assets/gazetteer/given-names.tsv");
const SURNAMES: &str = include_str!("../../assets/gazetteer/surnames.txt");
const HEADS: &str = include_str!("../../assets/gazetteer/heads.tsv");
const COMMON: &str = include_str!("../../assets/gazetteer/common.txt");

/// FNV-1a: a fast hash for the short string keys of the word lists (no untrusted keys are
/// stored, so flooding is not a concern).
#[derive(Default, Clone, Copy)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// Hash maps and sets keyed by short strings.
pub type HashMap<K, V> = StdHashMap<K, V, BuildHasherDefault<Fnv>>;
pub type HashSet<K> = StdHashSet<K, BuildHasherDefault<Fnv>>;

/// The FNV-1a hash of some bytes, as the maps above compute it.
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h = Fnv::default();
    h.write(bytes);
    h.finish()
}

/// The FNV-1a hash a word starts from.
pub const HASH_START: u64 = 0xcbf2_9ce4_8422_2325;

/// One more byte into an FNV-1a hash: lets a caller hash a word while it copies it.
#[inline]
pub fn hash_step(h: u64, byte: u8) -> u64 {
    (h ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
}

/// A hasher for keys that are hashes already: it passes them through.
#[derive(Default, Clone, Copy)]
pub struct PassThrough(u64);

impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = hash_step(self.0, b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// Sets and maps keyed by word hashes ([`hash_bytes`]).
pub type HashKeyed<V> = StdHashMap<u64, V, BuildHasherDefault<PassThrough>>;
pub type HashKeySet = StdHashSet<u64, BuildHasherDefault<PassThrough>>;

/// The size of the lexicon's Bloom filter, in 64-bit words (a power of two).
const BLOOM_WORDS: usize = 1024;

/// A person's gender as far as a word tells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Gender {
    Male,
    Female,
}

impl Gender {
    /// `m`, `f`; anything else tells no gender.
    fn parse(s: &str) -> Option<Gender> {
        match s {
            "m" => Some(Gender::Male),
            "f" => Some(Gender::Female),
            _ => None,
        }
    }
}

/// The word classes a word belongs to, as bits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
pub struct Classes(u32);

impl Classes {
    pub const NONE: Classes = Classes(0);
    /// `de`, `bin`, `van`: lower-case words inside a name.
    pub const PARTICLE: Classes = Classes(1 << 0);
    /// `bin`, `von`, `al`: particles that may open a name.
    pub const OPENING_PARTICLE: Classes = Classes(1 << 1);
    pub const MONTH: Classes = Classes(1 << 2);
    pub const MONTH_ABBREVIATION: Classes = Classes(1 << 3);
    pub const WEEKDAY: Classes = Classes(1 << 4);
    /// Months and weekdays that never continue a name.
    pub const NAME_BREAK: Classes = Classes(1 << 6);
    pub const NUMBER_WORD: Classes = Classes(1 << 7);
    pub const TIME_UNIT: Classes = Classes(1 << 8);
    pub const MONTH_CUE: Classes = Classes(1 << 9);
    pub const RELATIVE_TIME: Classes = Classes(1 << 10);
    pub const PLACE_PREFIX: Classes = Classes(1 << 11);
    pub const PLACE_FIRST_WORD: Classes = Classes(1 << 12);
    pub const COLLECTIVE_POSSESSIVE: Classes = Classes(1 << 13);
    pub const PLACE_CUE: Classes = Classes(1 << 14);
    pub const PLACE_NOUN: Classes = Classes(1 << 15);
    pub const WEB_DOMAIN: Classes = Classes(1 << 16);
    pub const REPORTED_AFTER: Classes = Classes(1 << 17);
    pub const PRONOUN: Classes = Classes(1 << 20);
    /// `St`, `Saint`: a name that starts so is a saint's.
    pub const SAINT: Classes = Classes(1 << 5);
    /// A head word listed in capitals (`LLC`).
    pub const HEAD_IN_CAPITALS: Classes = Classes(1 << 31);
    /// `who`, `himself`: words that follow a person's name.
    pub const PERSON_FOLLOWER: Classes = Classes(1 << 18);
    /// `May`, `June`: months that are also words or given names.
    pub const AMBIGUOUS_MONTH: Classes = Classes(1 << 28);
    /// `AM`, `p.m.`.
    pub const MERIDIEM: Classes = Classes(1 << 29);
    /// `was`, `this`: words ending in `s` that are no plural nouns.
    pub const NOT_PLURAL: Classes = Classes(1 << 30);
    /// Any form of a reporting verb of `reporting_verbs.txt` (`said`, `exclaimed`).
    pub const REPORTING_VERB: Classes = Classes(1 << 21);
    /// The first word of some title (`president`, `secretary` of `secretary of state`).
    pub const TITLE_START: Classes = Classes(1 << 22);
    /// A title of one word (`mr`, `princess`).
    pub const TITLE: Classes = Classes(1 << 23);
    pub const GIVEN_NAME: Classes = Classes(1 << 24);
    pub const SURNAME: Classes = Classes(1 << 25);
    /// A common English word that is no name by itself (`the`, `however`).
    pub const COMMON: Classes = Classes(1 << 26);
    /// An abbreviation in capitals that is no name (`TV`, `CEO`), listed in capitals.
    pub const COMMON_CAPITALS: Classes = Classes(1 << 27);

    /// Whether every class of `other` is among these.
    pub fn has(self, other: Classes) -> bool {
        self.0 & other.0 == other.0 && other.0 != 0
    }

    /// The classes a word written in lower case is asked about (`in`, `said`, `the`): not
    /// those of names (`will` is a given name only as `Will`).
    pub const IN_LOWER_CASE: Classes = Classes(
        Classes::PARTICLE.0
            | Classes::OPENING_PARTICLE.0
            | Classes::NUMBER_WORD.0
            | Classes::TIME_UNIT.0
            | Classes::MONTH_CUE.0
            | Classes::RELATIVE_TIME.0
            | Classes::PLACE_CUE.0
            | Classes::PLACE_NOUN.0
            | Classes::WEB_DOMAIN.0
            | Classes::REPORTED_AFTER.0
            | Classes::REPORTING_VERB.0
            | Classes::PRONOUN.0
            | Classes::TITLE_START.0
            | Classes::TITLE.0
            | Classes::COMMON.0
            | Classes::MERIDIEM.0
            | Classes::NOT_PLURAL.0
            | Classes::PERSON_FOLLOWER.0,
    );

    /// Whether any class of `other` is among these.
    pub fn any(self, other: Classes) -> bool {
        self.0 & other.0 != 0
    }
}

impl std::ops::BitOr for Classes {
    type Output = Classes;
    fn bitor(self, other: Classes) -> Classes {
        Classes(self.0 | other.0)
    }
}

impl std::ops::BitOrAssign for Classes {
    fn bitor_assign(&mut self, other: Classes) {
        self.0 |= other.0;
    }
}

/// What the lexicon knows about one word (looked up lower-cased).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct WordInfo {
    pub classes: Classes,
    /// The kind a name ending in this word has (`Agency` → org, `Island` → place); roles
    /// (`Correspondent`) are [`EntityKind::Other`].
    pub head: Option<EntityKind>,
    /// The gender of a given name or a pronoun.
    pub gender: Option<Gender>,
    /// For months and their abbreviations, the month (1 to 12).
    pub month: u8,
}

impl WordInfo {
    pub fn is(&self, class: Classes) -> bool {
        self.classes.has(class)
    }
}

/// What kind of title a title is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TitleClass {
    /// A form of address: `Mr`, `Miss`, `Monsieur`.
    Address,
    /// A rank of nobility: `Count`, `Princess`.
    Nobility,
    /// A family or religious form: `Uncle`, `Father`.
    Kin,
    /// An office or a rank: `President`, `General`, `Mayor`.
    Office,
}

/// A title written before a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Title {
    pub gender: Option<Gender>,
    pub class: TitleClass,
}

/// Every list, parsed.
pub struct Lexicon {
    /// Every listed word by the 64-bit hash of its lower-cased form: sixteen bytes an entry, so
    /// that the table stays in the cache. No two listed words share a hash (a test checks), and
    /// a word of the text that shares one with a listed word is not expected in 2^64.
    words: HashKeyed<WordInfo>,
    /// A Bloom filter of the listed words' hashes (two bits each in 64 Kibit, 8 KiB): most
    /// words of a text are in no list, and this tells so without touching the table.
    listed: Vec<u64>,
    /// The same for the words of a class that matters in lower case
    /// ([`Classes::IN_LOWER_CASE`]): a word in lower case that is only a name (`will`) is not
    /// looked up.
    listed_lower: Vec<u64>,
    /// While building: the word behind each hash, to catch a collision.
    #[cfg(test)]
    spelled: StdHashMap<u64, String>,
    /// Titles by their lower-cased words joined by single spaces.
    titles: HashMap<String, Title>,
    /// The most words a title has.
    pub title_words: usize,
    /// Abbreviations as written (`No`, but not `no`).
    abbreviations: HashSet<&'static str>,
    time_zones: HashSet<&'static str>,
    name_abbreviations: HashSet<&'static str>,
    field_cues: HashSet<&'static str>,
    parts_of_day: HashSet<&'static str>,
    article_prefixes: Vec<&'static str>,
    word_endings: Vec<&'static str>,
    /// Month names by number - 1, lower-cased (`january`).
    months: Vec<&'static str>,
}

/// The lines of a sectioned list: `(section, line)`.
fn sectioned(data: &str) -> impl Iterator<Item = (&str, &str)> {
    let mut section = "";
    lines(data).filter_map(move |line| {
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = name;
            return None;
        }
        Some((section, line))
    })
}

impl Lexicon {
    /// The shared lexicon.
    pub fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(Lexicon::build)
    }

    fn build() -> Lexicon {
        let mut lex = Lexicon {
            words: HashKeyed::default(),
            listed: Vec::new(),
            listed_lower: Vec::new(),
            #[cfg(test)]
            spelled: StdHashMap::new(),
            titles: HashMap::default(),
            title_words: 1,
            abbreviations: HashSet::default(),
            time_zones: HashSet::default(),
            name_abbreviations: HashSet::default(),
            field_cues: HashSet::default(),
            parts_of_day: HashSet::default(),
            article_prefixes: Vec::new(),
            word_endings: Vec::new(),
            months: Vec::new(),
        };
        let mut month_abbreviations = 0u8;
        for (section, line) in sectioned(WORDS) {
            let mut parts = line.split_whitespace();
            let word = parts.next().unwrap_or("");
            let class = match section {
                "particles" => Classes::PARTICLE,
                "opening-particles" => Classes::OPENING_PARTICLE,
                "months" => {
                    lex.months.push(word);
                    let month = lex.months.len() as u8;
                    lex.entry(word).month = month;
                    Classes::MONTH
                }
                "month-abbreviations" => {
                    month_abbreviations += 1;
                    let entry = lex.entry(word);
                    if entry.month == 0 {
                        entry.month = month_abbreviations;
                    }
                    Classes::MONTH_ABBREVIATION
                }
                "weekdays" => Classes::WEEKDAY,
                "parts-of-day" => {
                    lex.parts_of_day.insert(word);
                    continue;
                }
                "name-breaks" => Classes::NAME_BREAK,
                "person-followers" => Classes::PERSON_FOLLOWER,
                "saint-words" => Classes::SAINT,
                "ambiguous-months" => Classes::AMBIGUOUS_MONTH,
                "meridiems" => Classes::MERIDIEM,
                "not-plurals" => Classes::NOT_PLURAL,
                "number-words" => Classes::NUMBER_WORD,
                "time-units" => {
                    // Counted in the plural too (`hours`, `centuries`).
                    let plural = match word.strip_suffix('y') {
                        Some(stem) if !stem.ends_with(['a', 'e', 'o', 'u']) => format!("{stem}ies"),
                        _ => format!("{word}s"),
                    };
                    lex.entry(&plural).classes |= Classes::TIME_UNIT;
                    Classes::TIME_UNIT
                }
                "month-cues" => Classes::MONTH_CUE,
                "relative-time" => Classes::RELATIVE_TIME,
                "place-prefixes" => Classes::PLACE_PREFIX,
                "place-first-words" => Classes::PLACE_FIRST_WORD,
                "collective-possessives" => Classes::COLLECTIVE_POSSESSIVE,
                "place-cues" => Classes::PLACE_CUE,
                "place-nouns" => Classes::PLACE_NOUN,
                "web-domains" => Classes::WEB_DOMAIN,
                "reported-after" => Classes::REPORTED_AFTER,
                "field-cues" => {
                    lex.field_cues.insert(word);
                    continue;
                }
                "pronouns" => {
                    let gender = Gender::parse(parts.next().unwrap_or("-"));
                    lex.entry(word).gender = gender;
                    Classes::PRONOUN
                }
                "time-zones" => {
                    lex.time_zones.insert(word);
                    continue;
                }
                "abbreviations" => {
                    lex.abbreviations.insert(word);
                    continue;
                }
                "name-abbreviations" => {
                    lex.name_abbreviations.insert(word);
                    continue;
                }
                "article-prefixes" => {
                    lex.article_prefixes.push(word);
                    continue;
                }
                "word-endings" => {
                    lex.word_endings.push(word);
                    continue;
                }
                _ => continue,
            };
            lex.entry(word).classes |= class;
        }
        for (section, line) in sectioned(REPORTING_VERBS) {
            if section != "verbs" {
                continue;
            }
            for form in line.split(',').map(str::trim) {
                if !form.is_empty() && !form.contains(' ') {
                    lex.entry(form).classes |= Classes::REPORTING_VERB;
                }
            }
        }
        for line in lines(TITLES) {
            let mut fields = line.split('\t');
            let Some(title) = fields.next() else { continue };
            let gender = Gender::parse(fields.next().unwrap_or("-"));
            let class = match fields.next().unwrap_or("office") {
                "address" => TitleClass::Address,
                "nobility" => TitleClass::Nobility,
                "kin" => TitleClass::Kin,
                _ => TitleClass::Office,
            };
            let words: Vec<String> = title.split_whitespace().map(str::to_lowercase).collect();
            let Some(first) = words.first() else { continue };
            lex.entry(first).classes |= Classes::TITLE_START;
            if words.len() == 1 {
                lex.entry(first).classes |= Classes::TITLE;
            }
            lex.title_words = lex.title_words.max(words.len());
            lex.titles.insert(words.join(" "), Title { gender, class });
        }
        for line in lines(GIVEN) {
            let mut fields = line.split('\t');
            let Some(name) = fields.next() else { continue };
            let gender = Gender::parse(fields.next().unwrap_or("-"));
            let entry = lex.entry(&name.to_lowercase());
            entry.classes |= Classes::GIVEN_NAME;
            entry.gender = gender;
        }
        for name in lines(SURNAMES) {
            lex.entry(&name.to_lowercase()).classes |= Classes::SURNAME;
        }
        for line in lines(HEADS) {
            if let Some((word, kind)) = line.split_once('\t') {
                let entry = lex.entry(&word.to_lowercase());
                entry.head = Some(EntityKind::parse(kind.trim()));
                if word.chars().skip(1).any(char::is_uppercase) {
                    entry.classes |= Classes::HEAD_IN_CAPITALS;
                }
            }
        }
        for word in lines(COMMON) {
            let capitals = word.chars().skip(1).any(char::is_uppercase);
            let class = if capitals {
                Classes::COMMON_CAPITALS
            } else {
                Classes::COMMON
            };
            lex.entry(&word.to_lowercase()).classes |= class;
        }
        lex.fill_bloom();
        lex
    }

    fn entry(&mut self, lower: &str) -> &mut WordInfo {
        let key = hash_bytes(lower.as_bytes());
        #[cfg(test)]
        {
            let spelled = self.spelled.entry(key).or_insert_with(|| lower.to_string());
            assert_eq!(spelled, lower, "two listed words share a hash");
        }
        self.words.entry(key).or_default()
    }

    /// The two bits of the Bloom filter a hash sets: word index and bit.
    fn bloom_bits(hash: u64) -> [(usize, u64); 2] {
        let bit = |h: u64| ((h as usize >> 6) & (BLOOM_WORDS - 1), 1u64 << (h & 63));
        [bit(hash), bit(hash >> 32)]
    }

    fn fill_bloom(&mut self) {
        self.listed = vec![0; BLOOM_WORDS];
        self.listed_lower = vec![0; BLOOM_WORDS];
        for (&hash, info) in &self.words {
            let lower = info.classes.any(Classes::IN_LOWER_CASE);
            for (word, bit) in Lexicon::bloom_bits(hash) {
                self.listed[word] |= bit;
                if lower {
                    self.listed_lower[word] |= bit;
                }
            }
        }
    }

    /// [`Lexicon::info_hashed`] for a word written in lower case: only the classes of
    /// [`Classes::IN_LOWER_CASE`] are sure to be told.
    #[inline]
    pub fn info_in_lower_case(&self, hash: u64) -> WordInfo {
        let maybe_listed = Lexicon::bloom_bits(hash)
            .iter()
            .all(|&(word, bit)| self.listed_lower.get(word).is_some_and(|w| w & bit != 0));
        if !maybe_listed {
            return WordInfo::default();
        }
        self.words.get(&hash).copied().unwrap_or_default()
    }

    /// What the lexicon knows about a word as written, lower-cased first (an ASCII word is
    /// hashed as it is lower-cased, with no copy).
    pub fn info_lowering(&self, word: &str) -> WordInfo {
        if word.is_ascii() {
            let hash = word
                .bytes()
                .fold(HASH_START, |h, b| hash_step(h, b.to_ascii_lowercase()));
            return self.info_hashed(hash);
        }
        self.info(&word.to_lowercase())
    }

    /// What the lexicon knows about a lower-cased word.
    pub fn info(&self, lower: &str) -> WordInfo {
        self.info_hashed(hash_bytes(lower.as_bytes()))
    }

    /// [`Lexicon::info`] for a lower-cased word of which only [`hash_bytes`] is given.
    #[inline]
    pub fn info_hashed(&self, hash: u64) -> WordInfo {
        let maybe_listed = Lexicon::bloom_bits(hash)
            .iter()
            .all(|&(word, bit)| self.listed.get(word).is_some_and(|w| w & bit != 0));
        if !maybe_listed {
            return WordInfo::default();
        }
        self.words.get(&hash).copied().unwrap_or_default()
    }

    /// The kind a head word as written gives the name it ends (`Agency` → org): heads are
    /// capitalised, or in capitals where listed so (`LLC`).
    pub fn head_of(&self, word: &str) -> Option<EntityKind> {
        let mut chars = word.chars();
        let first_capital = chars.next().is_some_and(char::is_uppercase);
        let inner_capital = chars.any(char::is_uppercase);
        if !first_capital {
            return None;
        }
        let info = self.info_lowering(word);
        if inner_capital && !info.is(Classes::HEAD_IN_CAPITALS) {
            return None;
        }
        info.head
    }

    /// Whether the word as written is a capitalised given name (`Mary`).
    pub fn is_given_name(&self, word: &str) -> bool {
        word.starts_with(char::is_uppercase) && self.info_lowering(word).is(Classes::GIVEN_NAME)
    }

    /// Whether the word as written is the capitalised name of a month (`August`).
    pub fn is_month(&self, word: &str) -> bool {
        let mut chars = word.chars();
        chars.next().is_some_and(char::is_uppercase)
            && !chars.any(char::is_uppercase)
            && self.info_lowering(word).is(Classes::MONTH)
    }

    /// The title a lower-cased phrase is (`president`, `secretary of state`).
    pub fn title(&self, lower_phrase: &str) -> Option<Title> {
        self.titles.get(lower_phrase).copied()
    }

    /// Whether the word as written is an abbreviation whose period ends no sentence (`Mr`).
    pub fn is_abbreviation(&self, word: &str) -> bool {
        self.abbreviations.contains(word)
    }

    /// Whether the word as written is an abbreviation that opens a name (`St`, `Mt`).
    pub fn is_name_abbreviation(&self, word: &str) -> bool {
        self.name_abbreviations.contains(word)
    }

    /// Whether the word as written is a time zone (`GMT`).
    pub fn is_time_zone(&self, word: &str) -> bool {
        self.time_zones.contains(word)
    }

    /// Whether the word as written, after a weekday, belongs to the date (`Thursday night`).
    pub fn is_part_of_day(&self, word: &str) -> bool {
        self.parts_of_day.contains(word)
    }

    /// Whether the word as written makes a name after `in` a field of study (`a Master of
    /// Science in Global Affairs`, `a degree in Economics`).
    pub fn is_field_cue(&self, word: &str) -> bool {
        self.field_cues.contains(word)
    }

    /// Whether a lower-case word is the Arabic article before a capitalised name (`al-Amr`).
    pub fn has_article_prefix(&self, word: &str) -> bool {
        self.article_prefixes.iter().any(|p| {
            word.strip_prefix(p)
                .is_some_and(|r| r.starts_with(char::is_uppercase))
        })
    }

    /// Whether a lower-cased word ends like an English common word (`political`, `insights`).
    pub fn has_word_ending(&self, lower: &str) -> bool {
        self.word_endings
            .iter()
            .any(|e| lower.ends_with(e) && lower.len() > e.len() + 2)
    }

    /// The lower-cased name of month `n` (1 to 12).
    pub fn month_name(&self, n: u8) -> &'static str {
        self.months
            .get(usize::from(n).wrapping_sub(1))
            .copied()
            .unwrap_or("")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lists_are_read_with_their_classes() {
        let lex = Lexicon::get();
        assert!(lex.info("bin").is(Classes::OPENING_PARTICLE));
        assert!(lex.info("de").is(Classes::PARTICLE));
        assert_eq!(lex.info("june").month, 6);
        assert_eq!(lex.info("sept").month, 9);
        assert_eq!(lex.month_name(6), "june");
        for unit in ["centuries", "hours", "days", "century"] {
            assert!(lex.info(unit).is(Classes::TIME_UNIT), "{unit}");
        }
        assert!(lex
            .info("friday")
            .is(Classes::WEEKDAY | Classes::NAME_BREAK));
        assert!(lex
            .info("said")
            .is(Classes::REPORTED_AFTER | Classes::REPORTING_VERB));
        assert!(lex.info("exclaimed").is(Classes::REPORTING_VERB));
        assert!(!lex.info("exclaimed").is(Classes::REPORTED_AFTER));
        assert_eq!(lex.info("she").gender, Some(Gender::Female));
        assert!(lex.is_abbreviation("No") && !lex.is_abbreviation("no"));
        assert!(lex.is_time_zone("GMT"));
        assert!(lex.has_article_prefix("al-Amr") && !lex.has_article_prefix("al-amr"));
        assert!(lex.has_word_ending("political") && !lex.has_word_ending("al"));
    }

    #[test]
    fn a_word_is_looked_up_as_written_in_any_case() {
        let lex = Lexicon::get();
        for word in ["Mary", "MARY", "mary", "June", "Hours"] {
            assert_eq!(
                lex.info_lowering(word),
                lex.info(&word.to_lowercase()),
                "{word}"
            );
        }
        assert!(lex.info_lowering("Mary").is(Classes::GIVEN_NAME));
        // A word outside ASCII is lower-cased by the full rules (`Ü` → `ü`).
        assert_eq!(lex.info_lowering("MÜLLER"), lex.info("müller"));
    }

    #[test]
    fn a_word_entry_stays_small() {
        assert!(std::mem::size_of::<WordInfo>() <= 8);
    }

    #[test]
    fn titles_know_their_gender_and_class() {
        let lex = Lexicon::get();
        let mrs = lex.title("mrs").expect("mrs");
        assert_eq!(
            (mrs.gender, mrs.class),
            (Some(Gender::Female), TitleClass::Address)
        );
        let count = lex.title("count").expect("count");
        assert_eq!(
            (count.gender, count.class),
            (Some(Gender::Male), TitleClass::Nobility)
        );
        assert_eq!(
            lex.title("secretary of state").map(|t| t.class),
            Some(TitleClass::Office)
        );
        assert!(lex.info("secretary").is(Classes::TITLE_START));
        assert!(lex.title_words >= 3);
    }

    #[test]
    fn names_common_words_and_heads() {
        let lex = Lexicon::get();
        let mary = lex.info("mary");
        assert!(mary.is(Classes::GIVEN_NAME));
        assert_eq!(mary.gender, Some(Gender::Female));
        assert_eq!(lex.info("john").gender, Some(Gender::Male));
        assert!(lex.info("smith").is(Classes::SURNAME));
        assert!(lex.info("however").is(Classes::COMMON));
        assert!(lex.info("tv").is(Classes::COMMON_CAPITALS));
        assert_eq!(lex.info("agency").head, Some(EntityKind::Org));
        assert_eq!(lex.info("correspondent").head, Some(EntityKind::Other));
    }
}
