//! JSON input.
use super::Article;
/// Parses JSON.
pub fn parse_json(source: &str) -> Article { super::parse_plain(source.to_string()) }
