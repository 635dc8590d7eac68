//! Finding a typed query in the article text: smart case (case-insensitive unless the query
//! has a capital), hits as byte ranges in document order, never overlapping.

use aho_corasick::AhoCorasick;

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

    #[test]
    fn non_ascii_queries_fold_case() {
        let text = "Élan élan ÉLAN";
        assert_eq!(find_all(text, "élan").len(), 3);
        assert_eq!(find_all(text, "Élan").len(), 1);
    }
}
