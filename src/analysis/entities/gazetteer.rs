//! The embedded word lists the recogniser consults, parsed once on first use.
//!
//! Generated from public data by `scripts/gazetteer.py` (places, given names, surnames) or curated
//! by hand (entities and their variants, titles, head words, common words); see
//! `assets/gazetteer/README.md` for sources and licences.

use std::collections::{HashMap as StdHashMap, HashSet as StdHashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use crate::analysis::EntityKind;
use crate::data::lines;

const PLACES: &str = include_str!("../../../assets/gazetteer/places.tsv");
const ENTITIES: &str = include_str!("../../../assets/gazetteer/entities.tsv");
const GIVEN: &str = include_str!("../../../assets/gazetteer/given-names.txt");
const SURNAMES: &str = include_str!("../../../assets/gazetteer/surnames.txt");
const TITLES: &str = include_str!("../../../assets/gazetteer/titles.txt");
const HEADS: &str = include_str!("../../../assets/gazetteer/heads.tsv");
const COMMON: &str = include_str!("../../../assets/gazetteer/common.txt");

/// FNV-1a: a fast hash for the short string keys of the word lists (no untrusted keys here are
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

/// What the gazetteer knows about a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Known {
    pub kind: EntityKind,
    /// The name variants of one entity share (`US` → `United States`).
    pub canonical: &'static str,
}

/// All lookups, built once.
pub struct Gazetteer {
    names: HashMap<String, Known>,
    given: HashSet<&'static str>,
    surnames: HashSet<&'static str>,
    titles: HashSet<String>,
    /// First words of titles, as written, lower-cased and capitalised, to skip lookups fast.
    title_starts: HashSet<String>,
    /// First words of the known names, to skip sub-name lookups fast.
    name_starts: HashSet<String>,
    /// The most words a title has.
    pub title_words: usize,
    heads: HashMap<&'static str, EntityKind>,
    common: HashSet<&'static str>,
}

/// Folds apostrophes so that `Korean People’s Army` and `Korean People's Army` are one key.
pub fn fold_key(s: &str) -> String {
    s.replace('’', "'")
}

impl Gazetteer {
    /// The shared gazetteer.
    pub fn get() -> &'static Gazetteer {
        static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
        GAZETTEER.get_or_init(Gazetteer::build)
    }

    fn build() -> Gazetteer {
        let mut names = HashMap::default();
        for line in lines(PLACES) {
            if let Some((_, name)) = line.split_once('\t') {
                names.insert(
                    fold_key(name),
                    Known {
                        kind: EntityKind::Place,
                        canonical: name,
                    },
                );
            }
        }
        for line in lines(ENTITIES) {
            let mut fields = line.split('\t');
            let (Some(kind), Some(name)) = (fields.next(), fields.next()) else {
                continue;
            };
            let canonical = fields.next().filter(|c| !c.is_empty()).unwrap_or(name);
            names.insert(
                fold_key(name),
                Known {
                    kind: EntityKind::parse(kind),
                    canonical,
                },
            );
        }
        let titles: HashSet<String> = lines(TITLES).map(str::to_lowercase).collect();
        let title_words = titles
            .iter()
            .map(|t| t.split_whitespace().count())
            .max()
            .unwrap_or(1);
        let mut title_starts = HashSet::default();
        for t in lines(TITLES) {
            if let Some(first) = t.split_whitespace().next() {
                let lower = first.to_lowercase();
                let mut cap = String::new();
                let mut chars = lower.chars();
                if let Some(c) = chars.next() {
                    cap.extend(c.to_uppercase());
                    cap.push_str(chars.as_str());
                }
                title_starts.insert(first.to_string());
                title_starts.insert(lower);
                title_starts.insert(cap);
            }
        }
        let name_starts = names
            .keys()
            .filter_map(|k| k.split(' ').next())
            .map(str::to_string)
            .collect();
        let heads = lines(HEADS)
            .filter_map(|l| l.split_once('\t'))
            .map(|(w, k)| (w, EntityKind::parse(k.trim())))
            .collect();
        Gazetteer {
            names,
            given: lines(GIVEN).collect(),
            surnames: lines(SURNAMES).collect(),
            titles,
            title_starts,
            name_starts,
            title_words,
            heads,
            common: lines(COMMON).collect(),
        }
    }

    /// The entity a name (words joined by single spaces) is known as.
    pub fn lookup(&self, name: &str) -> Option<Known> {
        if name.contains('’') {
            return self.names.get(&fold_key(name)).copied();
        }
        self.names.get(name).copied()
    }

    pub fn is_given_name(&self, word: &str) -> bool {
        self.given.contains(word)
    }

    pub fn is_surname(&self, word: &str) -> bool {
        self.surnames.contains(word)
    }

    /// Whether the lower-cased phrase is a title (`president`, `secretary of state`).
    pub fn is_title(&self, lower_phrase: &str) -> bool {
        self.titles.contains(lower_phrase)
    }

    /// Whether some title starts with this word (as written in a name).
    pub fn may_start_title(&self, word: &str) -> bool {
        self.title_starts.contains(word)
    }

    /// Whether some known name starts with this word.
    pub fn may_start_name(&self, word: &str) -> bool {
        self.name_starts.contains(word)
    }

    /// The kind a head word gives the name it ends (`Agency` → org).
    pub fn head(&self, word: &str) -> Option<EntityKind> {
        self.heads.get(word).copied()
    }

    /// A common word that is not a name by itself. Title-case and lower-case words are compared
    /// lower-cased; an all-capitals word (`US`) only matches an all-capitals entry (`TV`).
    pub fn is_common(&self, word: &str) -> bool {
        if word.chars().skip(1).any(char::is_uppercase) {
            return self.common.contains(word);
        }
        if word.chars().all(|c| c.is_ascii_lowercase()) {
            return self.common.contains(word);
        }
        let mut buffer = [0u8; 24];
        if word.is_ascii() && word.len() <= buffer.len() {
            let lower = &mut buffer[..word.len()];
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            return std::str::from_utf8(lower).is_ok_and(|l| self.common.contains(l));
        }
        self.common.contains(word.to_lowercase().as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load_and_variants_share_a_canonical_name() {
        let g = Gazetteer::get();
        assert_eq!(g.lookup("U.S").map(|k| k.canonical), Some("United States"));
        assert_eq!(
            g.lookup("North Korea").map(|k| k.kind),
            Some(EntityKind::Place)
        );
        assert_eq!(g.lookup("IAEA").map(|k| k.kind), Some(EntityKind::Org));
        assert_eq!(
            g.lookup("Pyongyang").map(|k| k.kind),
            Some(EntityKind::Place)
        );
        assert!(g.lookup("Reading").is_none());
        assert!(g.is_given_name("Donald"));
        assert!(g.is_title("secretary of state"));
        assert_eq!(g.head("Agency"), Some(EntityKind::Org));
        assert!(g.is_common("However") && g.is_common("the"));
        assert!(!g.is_common("US"));
        // Post-nominal letters and abbreviations of things are no names.
        assert!(g.is_common("QC") && g.is_common("VIP") && g.is_common("HTML"));
    }
}
