//! The `lede.analysis/1` JSON schema (see `docs/analysis-json.md` in the shared docs): what
//! `lede analyze --json` prints, and what lede reads back when it opens such a file.

use serde::{Deserialize, Serialize};

use super::{Analysis, EntityKind, QuoteKind};
use crate::article::{Article, Meta};

/// The schema name and version.
pub const SCHEMA: &str = "lede.analysis/1";

#[derive(Debug, Serialize, Deserialize)]
pub struct Document {
    pub schema: String,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub meta: Meta,
    /// The article text; present when the offsets index extracted text rather than the file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(default)]
    pub blocks: Vec<JsonBlock>,
    #[serde(default)]
    pub entities: Vec<JsonEntity>,
    #[serde(default)]
    pub quotes: Vec<JsonQuote>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct JsonBlock {
    pub kind: String,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct JsonEntity {
    pub id: String,
    pub kind: String,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub mentions: Vec<JsonMention>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct JsonMention {
    pub start: usize,
    pub end: usize,
    #[serde(default)]
    pub text: String,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct JsonQuote {
    pub id: String,
    pub kind: String,
    pub start: usize,
    pub end: usize,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub speaker: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker_text: Option<String>,
    #[serde(default)]
    pub cue: Option<String>,
    /// The attribution rule that named the speaker (`explicit_cue_after`); see `lede analyze
    /// --explain`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
}

/// Builds the JSON document for an analysed article. `include_text` adds the text itself, for
/// inputs whose offsets index extracted text (Markdown, HTML, JSON).
pub fn document(
    article: &Article,
    analysis: &Analysis,
    source: &str,
    include_text: bool,
) -> Document {
    let text = article.text();
    let slice = |start: usize, end: usize| text.get(start..end).unwrap_or("").to_string();
    Document {
        schema: SCHEMA.to_string(),
        source: Some(source.to_string()),
        meta: article.meta.clone(),
        text: include_text.then(|| text.to_string()),
        blocks: article
            .blocks
            .iter()
            .map(|b| JsonBlock {
                kind: b.kind.as_str().to_string(),
                start: b.start,
                end: b.end,
            })
            .collect(),
        entities: analysis
            .entities
            .iter()
            .enumerate()
            .map(|(i, e)| JsonEntity {
                id: Analysis::entity_id(i),
                kind: e.kind.as_str().to_string(),
                name: e.name.clone(),
                aliases: e.aliases.clone(),
                mentions: e
                    .mentions
                    .iter()
                    .map(|m| JsonMention {
                        start: m.start,
                        end: m.end,
                        text: slice(m.start, m.end),
                    })
                    .collect(),
            })
            .collect(),
        quotes: analysis
            .quotes
            .iter()
            .enumerate()
            .map(|(i, q)| JsonQuote {
                id: format!("q{}", i + 1),
                kind: q.kind.as_str().to_string(),
                start: q.start,
                end: q.end,
                text: slice(q.start, q.end),
                speaker: q.speaker.map(Analysis::entity_id),
                speaker_text: q.speaker_text.clone(),
                cue: q.cue.clone(),
                rule: q.trace.as_ref().map(|t| t.rule.id().to_string()),
            })
            .collect(),
    }
}

/// Serialises the document as pretty JSON.
pub fn to_string(
    article: &Article,
    analysis: &Analysis,
    source: &str,
    include_text: bool,
) -> String {
    serde_json::to_string_pretty(&document(article, analysis, source, include_text))
        .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// Parses an entity kind or a quote kind name from the schema.
pub fn quote_kind(name: &str) -> QuoteKind {
    match name {
        "partial" => QuoteKind::Partial,
        "scare" => QuoteKind::Scare,
        _ => QuoteKind::Direct,
    }
}

/// Parses an entity kind name from the schema.
pub fn entity_kind(name: &str) -> EntityKind {
    EntityKind::parse(name)
}
