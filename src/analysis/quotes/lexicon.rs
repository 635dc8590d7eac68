//! The word lists behind quote finding and attribution, read once from `assets/`.
//!
//! `reporting_verbs.txt` holds the reporting words (`said`, `tweet`, `according to`) and
//! `quote_words.txt` the small closed lists: pronouns, titles, gendered descriptors, the words
//! that may sit between a subject and its verb, elisions and abbreviations.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

pub(super) type Map<V> = crate::analysis::lexicon::HashMap<String, V>;
type Set = crate::analysis::lexicon::HashSet<String>;

/// A person's grammatical gender as far as the text tells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Gender {
    Male,
    Female,
    Unknown,
}

impl Gender {
    fn parse(s: &str) -> Gender {
        match s {
            "m" => Gender::Male,
            "f" => Gender::Female,
            _ => Gender::Unknown,
        }
    }
}

/// How a reporting word names its speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum CueKind {
    /// A verb: the speaker is its subject.
    Verb,
    /// A noun: the speaker is named beside it (`a tweet from Smith`).
    Noun,
    /// Both a verb and a noun (`tweet`, `post`): decided by the word before it.
    VerbOrNoun,
    /// The speaker follows (`according to Smith`).
    SpeakerFollows,
}

/// One form of a reporting word: its words and kind.
#[derive(Debug, Clone)]
pub(super) struct CueForm {
    pub words: Vec<String>,
    /// The words joined by spaces, as a quote's cue shows them.
    pub joined: String,
    pub kind: CueKind,
    /// A verb that reports speech only right after a quotation (`“…,” laughed Anne`,
    /// `“…,” he returned`); elsewhere it means something else (`he returned home`).
    pub after_quote_only: bool,
}

/// Every list, parsed.
#[derive(Debug, Default)]
pub(super) struct Lexicon {
    /// Cue forms by their first word.
    cues: Map<Vec<CueForm>>,
    pronouns: Map<Gender>,
    titles: Map<Gender>,
    organisation_nouns: Set,
    honorifics: Set,
    gendered_nouns: Map<Gender>,
    skip: Set,
    clause_stops: Set,
    /// Nouns naming a remark (`“…” was Marilla’s comment`).
    remark_nouns: Set,
    elisions: Set,
    abbreviations: Set,
    scare_markers: Vec<Vec<String>>,
    /// Verbs that name what their object is (`called Trump “very flexible”`).
    naming_verbs: Set,
    /// Words that open a phrase before a sentence's subject (`In an interview, Sanders said`).
    opening_words: Set,
    /// Participles unlike the past tense (`written`): with no auxiliary, they report nothing.
    bare_participles: Set,
    /// Words that follow an object `her` and never a possessive one (`stopped her at`).
    object_followers: Set,
    /// Given names borne nearly only by men or by women.
    given_names: Map<Gender>,
}

fn lines(data: &str) -> impl Iterator<Item = (Option<&str>, &str)> {
    let mut section: Option<&str> = None;
    crate::data::lines(data).filter_map(move |line| {
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = Some(name);
            return None;
        }
        Some((section, line))
    })
}

fn split_words(s: &str) -> Vec<String> {
    s.split_whitespace().map(|w| w.to_lowercase()).collect()
}

impl Lexicon {
    fn parse(verbs: &str, words: &str, names: &str) -> Lexicon {
        let mut lex = Lexicon::default();
        let mut kinds: HashMap<Vec<String>, CueKind> = HashMap::new();
        let mut after_quote_only: HashSet<Vec<String>> = HashSet::new();
        let mut anywhere: HashSet<Vec<String>> = HashSet::new();
        for (section, line) in lines(verbs) {
            let kind = match section {
                Some("verbs" | "after-quote") => CueKind::Verb,
                Some("nouns") => CueKind::Noun,
                Some("speaker-follows") => CueKind::SpeakerFollows,
                _ => continue,
            };
            for form in line.split(',') {
                let w = split_words(form);
                if w.is_empty() {
                    continue;
                }
                if section == Some("after-quote") {
                    after_quote_only.insert(w.clone());
                } else {
                    anywhere.insert(w.clone());
                }
                let merged = match (kinds.get(&w), kind) {
                    (Some(CueKind::Verb), CueKind::Noun) | (Some(CueKind::Noun), CueKind::Verb) => {
                        CueKind::VerbOrNoun
                    }
                    (Some(k), _) => *k,
                    (None, k) => k,
                };
                kinds.insert(w, merged);
            }
        }
        for (w, kind) in kinds {
            let only = after_quote_only.contains(&w) && !anywhere.contains(&w);
            if let Some(first) = w.first().cloned() {
                lex.cues.entry(first).or_default().push(CueForm {
                    joined: w.join(" "),
                    words: w,
                    kind,
                    after_quote_only: only,
                });
            }
        }
        // Longest forms first, so `point out` wins over `point`.
        for forms in lex.cues.values_mut() {
            forms.sort_by_key(|f| std::cmp::Reverse(f.words.len()));
        }
        for (section, line) in lines(words) {
            let mut parts = line.split_whitespace();
            let word = parts.next().unwrap_or("").to_lowercase();
            let gender = Gender::parse(parts.next().unwrap_or("-"));
            match section {
                Some("pronouns") => {
                    lex.pronouns.insert(word, gender);
                }
                Some("titles") => {
                    lex.titles.insert(word, gender);
                }
                Some("gendered-nouns") => {
                    lex.gendered_nouns.insert(word, gender);
                }
                Some("skip") => {
                    lex.skip.insert(word);
                }
                Some("honorifics") => {
                    lex.honorifics.insert(word);
                }
                Some("organisation-nouns") => {
                    lex.organisation_nouns.insert(word);
                }
                Some("clause-stops") => {
                    lex.clause_stops.insert(word);
                }
                Some("remark-nouns") => {
                    lex.remark_nouns.insert(word);
                }
                Some("elisions") => {
                    lex.elisions.insert(word);
                }
                Some("abbreviations") => {
                    lex.abbreviations.insert(word);
                }
                Some("scare-markers") => lex.scare_markers.push(split_words(line)),
                Some("naming-verbs") => {
                    lex.naming_verbs.insert(word);
                }
                Some("opening-words") => {
                    lex.opening_words.insert(word);
                }
                Some("bare-participles") => {
                    lex.bare_participles.insert(word);
                }
                Some("object-followers") => {
                    lex.object_followers.insert(word);
                }
                _ => {}
            }
        }
        for line in crate::data::lines(names) {
            let mut parts = line.split_whitespace();
            if let (Some(name), Some(g)) = (parts.next(), parts.next()) {
                lex.given_names
                    .insert(name.to_lowercase(), Gender::parse(g));
            }
        }
        lex
    }

    /// The lists embedded in the binary.
    pub fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(|| {
            Lexicon::parse(
                include_str!("../../../assets/reporting_verbs.txt"),
                include_str!("../../../assets/quote_words.txt"),
                include_str!("../../../assets/name_genders.txt"),
            )
        })
    }

    /// The cue forms starting with `word` (lower case).
    pub fn cues_starting(&'static self, word: &str) -> &'static [CueForm] {
        self.cues.get(word).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The gender of a pronoun (`he`, `her`), if `word` is one.
    pub fn pronoun(&self, word: &str) -> Option<Gender> {
        self.pronouns.get(word).copied()
    }

    /// Whether `word` can stand as the subject of a reporting verb.
    pub fn is_subject_pronoun(&self, word: &str) -> bool {
        matches!(
            word,
            "he" | "she" | "they" | "it" | "i" | "we" | "il" | "elle" | "él" | "ella" | "er"
        )
    }

    pub fn title(&self, word: &str) -> Option<Gender> {
        self.titles.get(word).copied()
    }

    /// Whether `word` is a title only ever written before a person's name (`dr`, `mrs`).
    pub fn is_honorific(&self, word: &str) -> bool {
        self.honorifics.contains(word)
    }

    /// Whether `word` names an organisation (`agency`, `company`).
    pub fn is_organisation_noun(&self, word: &str) -> bool {
        self.organisation_nouns.contains(word)
    }

    /// The gender of a given name (lower case) borne nearly only by men or by women.
    pub fn given_name_gender(&self, word: &str) -> Option<Gender> {
        self.given_names.get(word).copied()
    }

    pub fn gendered_noun(&self, word: &str) -> Option<Gender> {
        self.gendered_nouns.get(word).copied()
    }

    pub fn is_skip(&self, word: &str) -> bool {
        (word.len() > 3 && word.ends_with("ly")) || self.skip.contains(word)
    }

    /// The lexicon's own string for a noun naming a remark (`comment`, `reply`).
    pub fn remark_noun(&self, word: &str) -> Option<&str> {
        self.remark_nouns.get(word).map(String::as_str)
    }

    pub fn is_clause_stop(&self, word: &str) -> bool {
        self.clause_stops.contains(word)
    }

    pub fn is_elision(&self, word: &str) -> bool {
        self.elisions.contains(word)
    }

    pub fn is_abbreviation(&self, word: &str) -> bool {
        self.abbreviations.contains(word)
    }

    pub fn is_naming_verb(&self, word: &str) -> bool {
        self.naming_verbs.contains(word)
    }

    pub fn is_opening_word(&self, word: &str) -> bool {
        self.opening_words.contains(word)
    }

    pub fn is_bare_participle(&self, word: &str) -> bool {
        self.bare_participles.contains(word)
    }

    pub fn is_object_follower(&self, word: &str) -> bool {
        self.object_followers.contains(word)
    }

    /// The scare markers, each as its words.
    pub fn scare_markers(&self) -> &[Vec<String>] {
        &self.scare_markers
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lists_are_read() {
        let lex = Lexicon::get();
        assert!(lex
            .cues_starting("said")
            .iter()
            .any(|f| f.kind == CueKind::Verb));
        assert!(lex
            .cues_starting("according")
            .iter()
            .any(|f| f.kind == CueKind::SpeakerFollows && f.words == ["according", "to"]));
        assert!(lex
            .cues_starting("tweet")
            .iter()
            .any(|f| f.kind == CueKind::VerbOrNoun));
        assert_eq!(
            lex.cues_starting("pointed").first().map(|f| f.words.len()),
            Some(2)
        );
        assert_eq!(lex.title("mrs"), Some(Gender::Female));
        assert_eq!(lex.pronoun("he"), Some(Gender::Male));
        assert!(lex.is_skip("recently") && lex.is_skip("has"));
        assert!(lex.is_elision("n") && lex.is_abbreviation("mr"));
        assert!(lex.is_honorific("dr") && !lex.is_honorific("general"));
        assert_eq!(lex.given_name_gender("tom"), Some(Gender::Male));
        assert_eq!(lex.given_name_gender("alice"), Some(Gender::Female));
        assert_eq!(lex.given_name_gender("leslie"), None);
        assert!(lex.cues_starting("states").is_empty());
        let returned = lex.cues_starting("returned");
        assert!(returned.iter().all(|f| f.after_quote_only), "{returned:?}");
        assert!(lex
            .cues_starting("said")
            .iter()
            .all(|f| !f.after_quote_only));
    }
}
