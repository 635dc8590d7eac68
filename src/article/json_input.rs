//! JSON input: lede's own `lede.analysis/1` documents and spaCy's `Doc.to_json()` output.
//!
//! Both open with the annotations they carry, so the reader shows them as given instead of
//! running lede's own engine. The article text must be in the document (`text`): an analysis
//! of a plain-text file indexes that file, which is not here.
//!
//! Offsets are checked: a span out of bounds, reversed, or not on character boundaries is
//! dropped, and one notice says how many were. spaCy's offsets count characters and are
//! converted to byte offsets.

use std::collections::HashMap;

use serde::Deserialize;
use serde_json::Value;

use super::{parse_plain, Article, Block, BlockKind, Meta};
use crate::analysis::json::{self, Document, SCHEMA};
use crate::analysis::{Analysis, Entity, EntityKind, Mention, Quote};

/// An article read from JSON, with the analysis it carried.
#[derive(Debug, Clone)]
pub struct JsonArticle {
    pub article: Article,
    pub analysis: Analysis,
    /// What the user should know (dropped spans, an unexpected schema version).
    pub notices: Vec<String>,
}

/// Parses a lede or spaCy JSON document. The error is one line saying what is wrong.
pub fn parse_json(source: &str) -> Result<JsonArticle, String> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let value: Value = serde_json::from_str(source).map_err(|e| format!("not valid JSON: {e}"))?;
    let Value::Object(map) = &value else {
        return Err(not_ours());
    };
    if let Some(schema) = map.get("schema") {
        let schema = schema.as_str().unwrap_or("");
        if !schema.starts_with("lede.analysis/") {
            return Err(format!(
                "unknown schema \"{schema}\" (lede reads {SCHEMA} and spaCy's Doc.to_json())"
            ));
        }
        let doc: Document = serde_json::from_value(value)
            .map_err(|e| format!("not a valid {SCHEMA} document: {e}"))?;
        return from_lede(doc);
    }
    if map.contains_key("ents") || map.contains_key("tokens") || map.contains_key("sents") {
        let doc: SpacyDoc = serde_json::from_value(value)
            .map_err(|e| format!("not a valid spaCy document: {e}"))?;
        return from_spacy(doc);
    }
    Err(not_ours())
}

fn not_ours() -> String {
    format!("JSON that is neither a {SCHEMA} document nor spaCy's Doc.to_json() output")
}

fn text_missing() -> String {
    "the article text is missing (no \"text\" field): this analysis indexes the file it was \
     made from; open that file instead"
        .to_string()
}

/// Whether `start..end` is a non-empty range of `text` on character boundaries.
fn valid_span(text: &str, start: usize, end: usize) -> bool {
    start < end && end <= text.len() && text.is_char_boundary(start) && text.is_char_boundary(end)
}

fn dropped_notice(dropped: usize) -> Option<String> {
    (dropped > 0).then(|| {
        format!(
            "{dropped} span{} out of bounds or not on character boundaries {} left out",
            if dropped == 1 { "" } else { "s" },
            if dropped == 1 { "was" } else { "were" }
        )
    })
}

/// Sorts spans and drops those that overlap the one before (the earlier one wins).
fn ordered<T: Copy>(mut spans: Vec<T>, range: impl Fn(&T) -> (usize, usize)) -> Vec<T> {
    spans.sort_by_key(|s| range(s));
    let mut out: Vec<T> = Vec::with_capacity(spans.len());
    for s in spans {
        let (start, _) = range(&s);
        if out.last().is_none_or(|last| range(last).1 <= start) {
            out.push(s);
        }
    }
    out
}

fn from_lede(doc: Document) -> Result<JsonArticle, String> {
    let text = doc.text.ok_or_else(text_missing)?;
    let mut notices = Vec::new();
    if doc.schema != SCHEMA {
        notices.push(format!(
            "schema {} is not {SCHEMA}; read as far as it matches",
            doc.schema
        ));
    }
    let mut dropped = 0;

    let blocks: Vec<Block> = doc
        .blocks
        .iter()
        .filter(|b| {
            let ok = valid_span(&text, b.start, b.end);
            dropped += usize::from(!ok && b.start != b.end);
            ok
        })
        .map(|b| Block {
            kind: serde_json::from_value(Value::String(b.kind.clone())).unwrap_or(BlockKind::Body),
            start: b.start,
            end: b.end,
        })
        .collect();
    let blocks = ordered(blocks, |b| (b.start, b.end));

    let ids: HashMap<&str, usize> = doc
        .entities
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.as_str(), i))
        .collect();
    let entities: Vec<Entity> = doc
        .entities
        .iter()
        .map(|e| {
            let mentions: Vec<Mention> = e
                .mentions
                .iter()
                .filter(|m| {
                    let ok = valid_span(&text, m.start, m.end);
                    dropped += usize::from(!ok);
                    ok
                })
                .map(|m| Mention {
                    start: m.start,
                    end: m.end,
                })
                .collect();
            let mentions = ordered(mentions, |m| (m.start, m.end));
            let mut aliases = e.aliases.clone();
            if aliases.is_empty() {
                for m in &mentions {
                    let form = text[m.start..m.end].to_string();
                    if !aliases.contains(&form) {
                        aliases.push(form);
                    }
                }
            }
            Entity {
                kind: json::entity_kind(&e.kind),
                name: e.name.clone(),
                aliases,
                mentions,
            }
        })
        .collect();

    let mut unknown_speakers = 0;
    let quotes: Vec<Quote> = doc
        .quotes
        .iter()
        .filter(|q| {
            let ok = valid_span(&text, q.start, q.end);
            dropped += usize::from(!ok);
            ok
        })
        .map(|q| {
            let speaker = q.speaker.as_deref().and_then(|id| {
                let index = ids.get(id).copied();
                unknown_speakers += usize::from(index.is_none());
                index
            });
            Quote {
                kind: json::quote_kind(&q.kind),
                start: q.start,
                end: q.end,
                speaker,
                speaker_text: q.speaker_text.clone(),
                cue: q.cue.clone(),
                trace: None,
            }
        })
        .collect();
    let mut quotes = quotes;
    quotes.sort_by_key(|q| (q.start, q.end));

    notices.extend(dropped_notice(dropped));
    if unknown_speakers > 0 {
        notices.push(format!(
            "{unknown_speakers} quote speaker{} named no entity of the document",
            if unknown_speakers == 1 { "" } else { "s" }
        ));
    }

    // Without blocks (or meta), the text's own paragraphs (and front matter) stand in.
    let meta_given = doc.meta != Meta::default();
    let article = if blocks.is_empty() || !meta_given {
        let plain = parse_plain(text);
        let meta = if meta_given {
            doc.meta
        } else {
            plain.meta.clone()
        };
        let blocks = if blocks.is_empty() {
            plain.blocks.clone()
        } else {
            blocks
        };
        Article::new(plain.text().to_string(), blocks, meta)
    } else {
        Article::new(text, blocks, doc.meta)
    };
    Ok(JsonArticle {
        article,
        analysis: Analysis {
            entities,
            quotes,
            ..Analysis::default()
        },
        notices,
    })
}

/// The parts of spaCy's `Doc.to_json()` that lede uses.
#[derive(Debug, Deserialize)]
struct SpacyDoc {
    text: Option<String>,
    #[serde(default)]
    ents: Vec<SpacySpan>,
}

#[derive(Debug, Deserialize)]
struct SpacySpan {
    start: usize,
    end: usize,
    #[serde(default)]
    label: String,
}

/// spaCy's entity labels (OntoNotes) and the kinds they become; other labels are `other`.
const SPACY_LABELS: &[(&str, EntityKind)] = &[
    ("PERSON", EntityKind::Person),
    ("PER", EntityKind::Person),
    ("GPE", EntityKind::Place),
    ("LOC", EntityKind::Place),
    ("FAC", EntityKind::Place),
    ("ORG", EntityKind::Org),
    ("DATE", EntityKind::Date),
    ("TIME", EntityKind::Date),
    ("NORP", EntityKind::Group),
    ("EVENT", EntityKind::Event),
    ("WORK_OF_ART", EntityKind::Work),
    ("MONEY", EntityKind::Money),
    ("CARDINAL", EntityKind::Number),
    ("QUANTITY", EntityKind::Number),
    ("PERCENT", EntityKind::Number),
    ("ORDINAL", EntityKind::Number),
];

/// The entity kind of a spaCy label.
pub fn spacy_kind(label: &str) -> EntityKind {
    SPACY_LABELS
        .iter()
        .find(|(l, _)| l.eq_ignore_ascii_case(label))
        .map(|(_, k)| *k)
        .unwrap_or(EntityKind::Other)
}

fn from_spacy(doc: SpacyDoc) -> Result<JsonArticle, String> {
    let text = doc.text.ok_or_else(text_missing)?;
    // Byte offset of every character index, and of the end.
    let bytes: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .collect();
    let mut dropped = 0;
    let spans: Vec<(usize, usize, EntityKind)> = doc
        .ents
        .iter()
        .filter_map(|e| {
            let span = match (bytes.get(e.start), bytes.get(e.end)) {
                (Some(&s), Some(&t)) if s < t => Some((s, t, spacy_kind(&e.label))),
                _ => None,
            };
            dropped += usize::from(span.is_none());
            span
        })
        .collect();
    let spans = ordered(spans, |s| (s.0, s.1));

    // Entities with the same text (case aside) are one, in order of first mention.
    let mut entities: Vec<Entity> = Vec::new();
    let mut by_text: HashMap<String, usize> = HashMap::new();
    for (start, end, kind) in spans {
        let form = &text[start..end];
        let key = form.to_lowercase();
        let index = *by_text.entry(key).or_insert_with(|| {
            entities.push(Entity {
                kind,
                name: form.to_string(),
                aliases: Vec::new(),
                mentions: Vec::new(),
            });
            entities.len() - 1
        });
        if let Some(e) = entities.get_mut(index) {
            if !e.aliases.iter().any(|a| a == form) {
                e.aliases.push(form.to_string());
            }
            e.mentions.push(Mention { start, end });
        }
    }
    let article = parse_plain(text);
    Ok(JsonArticle {
        article,
        analysis: Analysis {
            entities,
            ..Analysis::default()
        },
        notices: dropped_notice(dropped).into_iter().collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spacy_character_offsets_become_byte_offsets() {
        let doc = r#"{"text": "Café owner Zoë Brown met Brown in Paris.",
            "ents": [{"start": 11, "end": 20, "label": "PERSON"},
                     {"start": 25, "end": 30, "label": "PERSON"},
                     {"start": 34, "end": 39, "label": "GPE"}]}"#;
        let j = parse_json(doc).expect("parses");
        let text = j.article.text();
        let names: Vec<&str> = j
            .analysis
            .entities
            .iter()
            .flat_map(|e| e.mentions.iter().map(|m| &text[m.start..m.end]))
            .collect();
        assert_eq!(names, vec!["Zoë Brown", "Brown", "Paris"]);
        assert_eq!(j.analysis.entities[2].kind, EntityKind::Place);
    }

    #[test]
    fn spacy_entities_with_the_same_text_are_grouped() {
        let doc = r#"{"text": "Apple and apple and APPLE.",
            "ents": [{"start": 0, "end": 5, "label": "ORG"},
                     {"start": 10, "end": 15, "label": "ORG"},
                     {"start": 20, "end": 25, "label": "ORG"}]}"#;
        let j = parse_json(doc).expect("parses");
        assert_eq!(j.analysis.entities.len(), 1);
        assert_eq!(j.analysis.entities[0].mentions.len(), 3);
        assert_eq!(
            j.analysis.entities[0].aliases,
            vec!["Apple", "apple", "APPLE"]
        );
    }

    #[test]
    fn lede_json_without_text_is_a_clear_error() {
        let doc = r#"{"schema": "lede.analysis/1", "blocks": [], "entities": []}"#;
        let e = parse_json(doc).expect_err("no text");
        assert!(e.contains("article text is missing"), "{e}");
    }

    #[test]
    fn bad_spans_are_dropped_with_one_notice() {
        let doc = r#"{"schema": "lede.analysis/1", "text": "Zoë said hi.",
            "blocks": [{"kind": "body", "start": 0, "end": 13}],
            "entities": [{"id": "e1", "kind": "person", "name": "Zoë",
               "mentions": [{"start": 0, "end": 4}, {"start": 0, "end": 3}, {"start": 9, "end": 99}]}],
            "quotes": [{"id": "q1", "kind": "direct", "start": 9, "end": 11, "speaker": "e1"}]}"#;
        let j = parse_json(doc).expect("parses");
        assert_eq!(
            j.analysis.entities[0].mentions,
            vec![Mention { start: 0, end: 4 }]
        );
        assert_eq!(j.analysis.quotes[0].speaker, Some(0));
        assert_eq!(j.notices.len(), 1, "{:?}", j.notices);
        assert!(j.notices[0].starts_with("2 spans"));
        // The block was kept.
        assert_eq!(j.article.blocks.len(), 1);
    }

    #[test]
    fn other_json_is_refused() {
        assert!(parse_json("[1, 2]").is_err());
        assert!(parse_json("{\"a\": 1}").is_err());
        assert!(parse_json("{\"schema\": \"other/1\"}")
            .expect_err("unknown")
            .contains("unknown schema"));
        assert!(parse_json("{")
            .expect_err("syntax")
            .starts_with("not valid JSON"));
    }
}
