//! Entity recognition and alias merging. (Placeholder until the engine lands.)

use super::Entity;
use crate::article::Article;

/// Finds the entities an article names, with their aliases merged.
pub fn recognize(_article: &Article) -> Vec<Entity> {
    Vec::new()
}
