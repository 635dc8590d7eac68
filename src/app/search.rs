//! Finding a typed query in the article text: smart case (case-insensitive unless the query
//! has a capital) and smart accents (a query typed without accents finds `Natásha` as
//! `natasha`, `don’t` as `don't`; one with accents finds only them), hits as byte ranges in
//! document order, never overlapping.

use std::collections::HashMap;
use std::sync::OnceLock;

use aho_corasick::AhoCorasick;

/// What accented letters and typographic quotes match as, from `assets/fold.tsv`.
fn fold_table() -> &'static HashMap<char, &'static str> {
    static TABLE: OnceLock<HashMap<char, &'static str>> = OnceLock::new();
    TABLE.get_or_init(|| {
        crate::data::lines(include_str!("../../assets/fold.tsv"))
            .filter_map(|l| {
                let (c, to) = l.split_once('\t')?;
                let mut chars = c.chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) => Some((c, to)),
                    _ => None,
                }
            })
            .collect()
    })
}

/// What a character matches as in a query typed without accents, when that is not itself:
/// its base letter, an ASCII quote, or nothing for a combining mark.
fn folded_char(c: char) -> Option<&'static str> {
    if c.is_ascii() {
        None
    } else if ('\u{300}'..='\u{36f}').contains(&c) {
        Some("")
    } else {
        fold_table().get(&c).copied()
    }
}

/// `s` in lower case with its accents folded (`Natásha` → `natasha`): what a list filter
/// compares, so that neither case nor accents matter.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match folded_char(c) {
            Some(to) => out.extend(to.chars().flat_map(char::to_lowercase)),
            None => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// A character of the original text that folding replaced: where it stands in the folded text
/// and in the original, and how long it is in each.
#[derive(Debug, Clone, Copy)]
struct Segment {
    folded: u32,
    folded_len: u32,
    original: u32,
    original_len: u32,
}

impl Segment {
    fn folded_end(&self) -> usize {
        (self.folded + self.folded_len) as usize
    }
}

/// The article text with its accents folded, and the way back to the original's offsets.
/// Built once per article, on the first search.
#[derive(Debug, Default)]
pub struct Folded {
    /// `None` when folding changes nothing (the text is searched as it is).
    text: Option<String>,
    segments: Vec<Segment>,
}

impl Folded {
    pub fn new(text: &str) -> Folded {
        let mut out = String::new();
        let mut segments = Vec::new();
        // The original text up to `copied` is in `out`; it is copied only once a character
        // folds, so a text where none does is never copied at all.
        let mut copied = 0;
        let mut i = 0;
        while let Some(p) = text.as_bytes()[i..].iter().position(|&b| b >= 0x80) {
            let at = i + p;
            let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            i = at + c.len_utf8();
            let Some(to) = folded_char(c) else {
                continue;
            };
            if segments.is_empty() {
                out.reserve(text.len());
            }
            out.push_str(&text[copied..at]);
            segments.push(Segment {
                folded: out.len() as u32,
                folded_len: to.len() as u32,
                original: at as u32,
                original_len: c.len_utf8() as u32,
            });
            out.push_str(to);
            copied = i;
        }
        if segments.is_empty() {
            return Folded::default();
        }
        out.push_str(&text[copied..]);
        Folded {
            text: Some(out),
            segments,
        }
    }

    /// The original offset of folded offset `at`, as the start or the end of a hit: a hit that
    /// starts or ends inside a replaced character takes all of it, and one that ends before
    /// combining marks takes them too.
    fn original(&self, at: usize, is_end: bool) -> usize {
        let k = self.segments.partition_point(|s| s.folded_end() <= at);
        if let Some(s) = self.segments.get(k) {
            let inside = if is_end {
                (s.folded as usize) < at
            } else {
                s.folded as usize <= at
            };
            if inside {
                let o = s.original as usize;
                return if is_end {
                    o + s.original_len as usize
                } else {
                    o
                };
            }
        }
        match k.checked_sub(1).and_then(|k| self.segments.get(k)) {
            Some(s) => (s.original + s.original_len) as usize + (at - s.folded_end()),
            None => at,
        }
    }
}

/// Every match of `query` in `text` with smart accents: a query with no letter that folds
/// (no accent, no typographic quote) is matched against the folded text.
pub fn find_all_folded(folded: &Folded, text: &str, query: &str) -> Vec<(usize, usize)> {
    let plain = !query.chars().any(|c| folded_char(c).is_some());
    match (&folded.text, plain) {
        (Some(f), true) => find_all(f, query)
            .into_iter()
            .map(|(s, e)| (folded.original(s, false), folded.original(e, true)))
            .collect(),
        _ => find_all(text, query),
    }
}

/// Whether a query is matched case-insensitively (it has no upper-case letter).
pub fn ignores_case(query: &str) -> bool {
    !query.chars().any(char::is_uppercase)
}

/// Every match of `query` in `text`, as byte ranges in order.
pub fn find_all(text: &str, query: &str) -> Vec<(usize, usize)> {
    if query.is_empty() {
        return Vec::new();
    }
    let fold = ignores_case(query);
    if query.is_ascii() || !fold {
        let Ok(ac) = AhoCorasick::builder()
            .ascii_case_insensitive(fold)
            .build([query])
        else {
            return Vec::new();
        };
        return ac.find_iter(text).map(|m| (m.start(), m.end())).collect();
    }
    // A non-ASCII query without capitals: compare lower-cased characters one by one.
    let needle: Vec<char> = query.chars().flat_map(char::to_lowercase).collect();
    let mut hits = Vec::new();
    let mut from = 0;
    for (i, _) in text.char_indices() {
        if i < from {
            continue;
        }
        if let Some(end) = match_at(text, i, &needle) {
            hits.push((i, end));
            from = end;
        }
    }
    hits
}

/// The end of a case-folded match of `needle` starting at byte `at`, if there is one.
fn match_at(text: &str, at: usize, needle: &[char]) -> Option<usize> {
    let mut want = needle.iter();
    let mut pending: Vec<char> = Vec::new();
    for (i, c) in text.get(at..)?.char_indices() {
        pending.extend(c.to_lowercase());
        for got in pending.drain(..) {
            match want.next() {
                Some(&w) if w == got => {}
                _ => return None,
            }
        }
        if want.len() == 0 {
            return Some(at + i + c.len_utf8());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smart_case_search() {
        let text = "Korea, korea, KOREA";
        assert_eq!(find_all(text, "korea").len(), 3);
        assert_eq!(find_all(text, "Korea"), vec![(0, 5)]);
        assert_eq!(find_all(text, ""), vec![]);
    }

    fn found<'a>(text: &'a str, query: &str) -> Vec<&'a str> {
        let folded = Folded::new(text);
        find_all_folded(&folded, text, query)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    #[test]
    fn a_query_without_accents_finds_accented_names() {
        let text = "Natásha met NATÁSHA; Natasha left. Pierre Bezúkhov, Mr Bezukhov.";
        assert_eq!(found(text, "natasha"), ["Natásha", "NATÁSHA", "Natasha"]);
        assert_eq!(found(text, "Natasha"), ["Natásha", "Natasha"]);
        assert_eq!(found(text, "bezukhov"), ["Bezúkhov", "Bezukhov"]);
        // A query with an accent asks for it.
        assert_eq!(found(text, "natásha"), ["Natásha", "NATÁSHA"]);
    }

    #[test]
    fn folding_maps_hits_back_to_whole_characters() {
        let text = "Straße, Æsir, cafe\u{301} au lait, don’t";
        assert_eq!(found(text, "strasse"), ["Straße"]);
        assert_eq!(found(text, "stras"), ["Straß"]);
        assert_eq!(found(text, "aesir"), ["Æsir"]);
        assert_eq!(found(text, "ae"), ["Æ"]);
        assert_eq!(found(text, "cafe"), ["cafe\u{301}"]);
        assert_eq!(found(text, "don't"), ["don’t"]);
        assert_eq!(fold("Natásha’s"), "natasha's");
    }

    #[test]
    fn plain_text_is_not_copied() {
        let folded = Folded::new("only ascii here");
        assert!(folded.text.is_none());
        assert_eq!(found("only ascii here", "ascii"), ["ascii"]);
    }

    #[test]
    fn non_ascii_queries_fold_case() {
        let text = "Élan élan ÉLAN";
        assert_eq!(find_all(text, "élan").len(), 3);
        assert_eq!(find_all(text, "Élan").len(), 1);
    }
}
