//! A hand-made analysis for tests, snapshots and benches, built by finding given names in the
//! text (whole words only) and taking each curly-quoted span as a quote of the nearest person
//! named before it in the same block. Not an engine: it knows only the names it is given.

use crate::analysis::{Analysis, Entity, EntityKind, Mention, Quote, QuoteKind};
use crate::article::Article;

/// Builds entities from `(kind, name, aliases)` and quotes from `“…”` spans.
pub fn analysis_for(article: &Article, names: &[(EntityKind, &str, &[&str])]) -> Analysis {
    let text = article.text();
    let mut entities = Vec::new();
    for &(kind, name, aliases) in names {
        let mut forms: Vec<&str> = std::iter::once(name)
            .chain(aliases.iter().copied())
            .collect();
        // Longest first, so `Kim Jong-Un` wins over `Kim`.
        forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
        let mut mentions: Vec<Mention> = Vec::new();
        for form in &forms {
            for (start, _) in text.match_indices(form) {
                let end = start + form.len();
                let word_edge = |c: Option<char>| !c.is_some_and(char::is_alphanumeric);
                if !word_edge(text[..start].chars().next_back())
                    || !word_edge(text[end..].chars().next())
                {
                    continue;
                }
                if mentions.iter().all(|m| end <= m.start || start >= m.end) {
                    mentions.push(Mention { start, end });
                }
            }
        }
        if mentions.is_empty() {
            continue;
        }
        mentions.sort();
        entities.push(Entity {
            kind,
            name: name.to_string(),
            aliases: forms.iter().map(|s| s.to_string()).collect(),
            mentions,
        });
    }
    entities.sort_by_key(|e| e.mentions.first().map(|m| m.start));
    let mut quotes = Vec::new();
    let mut from = 0;
    while let Some(open) = text.get(from..).and_then(|t| t.find('“')).map(|i| from + i) {
        let start = open + '“'.len_utf8();
        let Some(end) = text
            .get(start..)
            .and_then(|t| t.find('”'))
            .map(|i| start + i)
        else {
            break;
        };
        let block = article.block_at(open).and_then(|b| article.blocks.get(b));
        let speaker = entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == EntityKind::Person)
            .filter_map(|(i, e)| {
                let m = e
                    .mentions
                    .iter()
                    .rev()
                    .find(|m| m.end <= open && block.is_some_and(|b| m.start >= b.start))?;
                Some((m.end, i))
            })
            .max()
            .map(|(_, i)| i);
        let words = text[start..end].split_whitespace().count();
        quotes.push(Quote {
            kind: if words >= 6 {
                QuoteKind::Direct
            } else if speaker.is_some() {
                QuoteKind::Partial
            } else {
                QuoteKind::Scare
            },
            start,
            end,
            speaker,
            speaker_text: None,
            cue: None,
            trace: None,
        });
        from = end;
    }
    Analysis {
        entities,
        quotes,
        ..Analysis::default()
    }
}

/// The sample article's people, places and organisations, for tests.
pub const SAMPLE_NAMES: &[(EntityKind, &str, &[&str])] = &[
    (EntityKind::Person, "Kim Jong-Un", &[]),
    (
        EntityKind::Person,
        "Donald Trump",
        &["President Trump", "Trump"],
    ),
    (EntityKind::Person, "Moammar Gadhafi", &["Gadhafi"]),
    (EntityKind::Person, "Mike Pompeo", &[]),
    (EntityKind::Person, "John Bolton", &[]),
    (EntityKind::Person, "Andy Laub", &["Andy"]),
    (EntityKind::Place, "North Korea", &[]),
    (EntityKind::Place, "United States", &["US", "U.S"]),
    (EntityKind::Place, "South Korea", &[]),
    (EntityKind::Place, "Singapore", &[]),
    (EntityKind::Place, "Libya", &[]),
    (
        EntityKind::Org,
        "International Atomic Energy Agency",
        &["IAEA"],
    ),
    (EntityKind::Org, "New York Times", &[]),
    (EntityKind::Date, "June 12", &[]),
];
