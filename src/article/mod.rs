//! The article: the text exactly as loaded, and views of it.
//!
//! Everything else in lede (blocks, mentions, quotes, positions) is a byte range into
//! [`Article::text`], which never changes after loading.

pub mod encoding;
pub mod epub;
mod extract;
pub mod html;
mod html_meta;
pub mod json_input;
pub mod load;
pub mod markdown;
mod plain;

pub use html::parse_html;
pub use json_input::parse_json;
pub use load::{load_bytes, load_path, Format, LoadError, Loaded};
pub use markdown::parse_markdown;
pub(crate) use plain::warm_up;
pub use plain::{parse_plain, section_level};

use serde::{Deserialize, Serialize};

/// What a block of the article is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    Kicker,
    Title,
    Dek,
    Byline,
    Dateline,
    Heading,
    Body,
    Blockquote,
    List,
    Caption,
    Bio,
    Boilerplate,
}

impl BlockKind {
    /// The name used in the JSON schema.
    pub fn as_str(self) -> &'static str {
        match self {
            BlockKind::Kicker => "kicker",
            BlockKind::Title => "title",
            BlockKind::Dek => "dek",
            BlockKind::Byline => "byline",
            BlockKind::Dateline => "dateline",
            BlockKind::Heading => "heading",
            BlockKind::Body => "body",
            BlockKind::Blockquote => "blockquote",
            BlockKind::List => "list",
            BlockKind::Caption => "caption",
            BlockKind::Bio => "bio",
            BlockKind::Boilerplate => "boilerplate",
        }
    }

    /// Whether the block belongs to the reading flow (boilerplate is left out).
    pub fn is_read(self) -> bool {
        self != BlockKind::Boilerplate
    }
}

/// A block: a byte range `start..end` into the article text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    pub start: usize,
    pub end: usize,
}

/// Inline style carried over from markup (Markdown emphasis, HTML links, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InlineStyle {
    Emphasis,
    Strong,
    Code,
    Link,
}

/// An inline style over a byte range of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StyleSpan {
    pub style: InlineStyle,
    pub start: usize,
    pub end: usize,
}

/// What the article says about itself, where found.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meta {
    /// The section or topic line above the title.
    pub kicker: Option<String>,
    /// The article's title, without the site's name.
    pub title: Option<String>,
    /// The standfirst: one or two sentences under the title.
    pub dek: Option<String>,
    /// The author or authors, without "By", dates or handles.
    pub author: Option<String>,
    /// The publication date, as the source gives it (often ISO 8601).
    pub date: Option<String>,
    /// The publication or site the article comes from (`The Guardian`).
    pub site: Option<String>,
    /// The language the source declares, as a BCP 47 tag (`en`, `en-GB`, `fr`).
    pub language: Option<String>,
}

/// An article: immutable text, its blocks in document order, and metadata.
#[derive(Debug, Clone, Default)]
pub struct Article {
    text: String,
    /// Blocks in document order, non-overlapping, each inside the text.
    pub blocks: Vec<Block>,
    pub meta: Meta,
    /// Inline styles from markup, sorted by start.
    pub styles: Vec<StyleSpan>,
}

impl Article {
    /// Builds an article from its text and its parts.
    pub fn new(text: String, blocks: Vec<Block>, meta: Meta) -> Self {
        Article {
            text,
            blocks,
            meta,
            styles: Vec::new(),
        }
    }

    /// The text exactly as loaded.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The text of one block.
    pub fn block_text(&self, block: &Block) -> &str {
        &self.text[block.start..block.end]
    }

    /// The index of the block that contains `byte`, or the last block that starts before it.
    pub fn block_at(&self, byte: usize) -> Option<usize> {
        match self.blocks.binary_search_by(|b| b.start.cmp(&byte)) {
            Ok(i) => Some(i),
            Err(0) => None,
            Err(i) => Some(i - 1),
        }
    }
}
