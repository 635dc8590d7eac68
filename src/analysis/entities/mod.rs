//! Entity recognition and alias merging: who and what an article names.
//!
//! The pipeline, per block: [`tokenizer`] splits words, [`dates`] finds dates by shape,
//! [`recognizer`] builds name candidates from capitalisation and types them from the
//! [`gazetteer`] and context; then [`merge`] joins the candidates of the whole article into
//! entities with their aliases. Headlines (title, kicker, headings) are read with suspicion: every
//! word is capitalised there, so only names known from the gazetteer or from the body count.

pub mod dates;
pub mod gazetteer;
pub mod merge;
pub mod recognizer;
pub mod tokenizer;

use super::Entity;
use crate::article::{Article, BlockKind};

/// Finds the entities an article names, with their aliases merged. Entities are ordered by first
/// mention; each entity's mentions are sorted and no two mentions overlap.
pub fn recognize(article: &Article) -> Vec<Entity> {
    let gaz = gazetteer::Gazetteer::get();
    let text = article.text();
    let mut tokens = Vec::new();
    let mut candidates = Vec::new();
    let whole = [(BlockKind::Body, 0, text.len())];
    let blocks: Vec<(BlockKind, usize, usize)> = if article.blocks.is_empty() {
        whole.to_vec()
    } else {
        article
            .blocks
            .iter()
            .map(|b| (b.kind, b.start, b.end))
            .collect()
    };
    for (kind, start, end) in blocks {
        tokens.clear();
        tokenizer::tokenize(text, start, end, &mut tokens);
        let headline = matches!(
            kind,
            BlockKind::Title | BlockKind::Kicker | BlockKind::Heading
        );
        recognizer::candidates(text, &tokens, headline, gaz, &mut candidates);
    }
    merge::entities(text, &candidates, gaz)
}
