//! Quotations and their speakers. (Placeholder until the engine lands.)

use super::{Entity, Quote};
use crate::article::Article;

/// Finds the quotations of an article and names their speakers among `entities`.
pub fn find(_article: &Article, _entities: &[Entity]) -> Vec<Quote> {
    Vec::new()
}
