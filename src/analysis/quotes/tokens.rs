//! Words, punctuation and sentences around quotations.
//!
//! A stretch of text is cut into tokens; each top-level quotation inside it becomes one
//! [`TokenKind::Quote`] token, so the words of a quotation are never read as the writer's.
//! Sentences end at `.`, `!`, `?` or `;` before a capital (not after an abbreviation or an
//! initial), and after a quotation that ends its own sentence.

use super::lexicon::Lexicon;
use super::marks::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TokenKind {
    Word,
    Punct(char),
    /// A top-level quotation, by its index among the top-level spans.
    Quote(usize),
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Token {
    pub kind: TokenKind,
    pub start: usize,
    pub end: usize,
}

/// The tokens of a stretch of text, their lower-case words, and their sentences.
#[derive(Debug, Default)]
pub(super) struct Tokens {
    pub tokens: Vec<Token>,
    /// Lower-case text of the words, one after another; `lower_at` gives each token's range.
    lower: String,
    lower_at: Vec<(usize, usize)>,
    /// For each token, the range `start..end` of token indices of its sentence.
    pub sentence: Vec<(usize, usize)>,
    /// The indices of the quotation tokens.
    pub quotes: Vec<usize>,
}

fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || (!c.is_ascii() && c.is_alphanumeric())
}

/// Characters that may join two runs of letters into one word (`don’t`, `Jong-Un`, `U.S`).
fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '-' | '.' | '\u{2010}' | '\u{2011}')
}

impl Tokens {
    /// Cuts `text[start..end]` into tokens; `top` are the top-level spans (sorted), `first_quote`
    /// the index of the first of them that may lie inside the range.
    pub fn new(
        text: &str,
        start: usize,
        end: usize,
        top: &[Span],
        first_quote: usize,
        lex: &Lexicon,
    ) -> Tokens {
        let mut out = Tokens::default();
        let mut q = first_quote;
        let Some(slice) = text.get(start..end) else {
            return out;
        };
        out.tokens.reserve(slice.len() / 4);
        // Skip the quotations that start before the range.
        while top.get(q).is_some_and(|s| s.open < start) {
            q += 1;
        }
        let mut next_open = top.get(q).map_or(usize::MAX, |s| s.open);
        let mut iter = slice.char_indices().peekable();
        while let Some((i, c)) = iter.next() {
            let at = start + i;
            if at >= next_open {
                if let Some(s) = top.get(q) {
                    out.quotes.push(out.tokens.len());
                    out.push(
                        TokenKind::Quote(q),
                        s.open,
                        s.close.min(end).max(at + c.len_utf8()),
                    );
                    let close = s.close.max(at + 1);
                    q += 1;
                    while top.get(q).is_some_and(|s| s.open < close) {
                        q += 1;
                    }
                    next_open = top.get(q).map_or(usize::MAX, |s| s.open);
                    while iter.peek().is_some_and(|&(j, _)| start + j < close) {
                        iter.next();
                    }
                    continue;
                }
            }
            if c.is_whitespace() {
                continue;
            }
            if !is_word_char(c) {
                out.push(TokenKind::Punct(c), at, at + c.len_utf8());
                continue;
            }
            let mut word_end = at + c.len_utf8();
            while let Some(&(j, d)) = iter.peek() {
                if is_word_char(d) {
                    word_end = start + j + d.len_utf8();
                    iter.next();
                } else if is_joiner(d) {
                    // A joiner belongs to the word only when a letter follows it.
                    let after = text
                        .get(start + j + d.len_utf8()..)
                        .and_then(|r| r.chars().next());
                    let next_is_quote = next_open == start + j;
                    if after.is_some_and(is_word_char) && !next_is_quote {
                        iter.next();
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            out.push(TokenKind::Word, at, word_end);
        }
        // One buffer for every lower-case word rather than a string each.
        out.lower_at.reserve(out.tokens.len());
        for t in &out.tokens {
            let from = out.lower.len();
            if t.kind == TokenKind::Word {
                let w = text.get(t.start..t.end).unwrap_or("");
                if w.is_ascii() {
                    out.lower.push_str(w);
                    if let Some(tail) = out.lower.get_mut(from..) {
                        tail.make_ascii_lowercase();
                    }
                } else {
                    out.lower.extend(w.chars().flat_map(char::to_lowercase));
                }
            }
            out.lower_at.push((from, out.lower.len()));
        }
        out.sentences(text, top, lex);
        out
    }

    fn push(&mut self, kind: TokenKind, start: usize, end: usize) {
        self.tokens.push(Token { kind, start, end });
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    pub fn kind(&self, i: usize) -> Option<TokenKind> {
        self.tokens.get(i).map(|t| t.kind)
    }

    /// The lower-case word at `i`, or `""` for punctuation and quotations.
    pub fn word(&self, i: usize) -> &str {
        self.lower_at
            .get(i)
            .and_then(|&(s, e)| self.lower.get(s..e))
            .unwrap_or("")
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Word)
    }

    pub fn is_punct(&self, i: usize, c: char) -> bool {
        self.kind(i) == Some(TokenKind::Punct(c))
    }

    /// The token's text as written.
    pub fn text<'t>(&self, text: &'t str, i: usize) -> &'t str {
        self.tokens
            .get(i)
            .and_then(|t| text.get(t.start..t.end))
            .unwrap_or("")
    }

    /// Whether the word at `i` starts with a capital letter or a digit.
    pub fn is_capitalised(&self, text: &str, i: usize) -> bool {
        self.is_word(i)
            && self
                .text(text, i)
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_numeric())
    }

    /// Fills [`Tokens::sentence`].
    fn sentences(&mut self, text: &str, top: &[Span], lex: &Lexicon) {
        let n = self.tokens.len();
        let mut ends = vec![false; n];
        for (i, end) in ends.iter_mut().enumerate() {
            let next_starts = match self.kind(i + 1) {
                None => true,
                Some(TokenKind::Quote(_)) => true,
                Some(TokenKind::Word) => self.is_capitalised(text, i + 1),
                Some(TokenKind::Punct(c)) => matches!(c, '(' | '[' | '—' | '–'),
            };
            *end = match self.kind(i) {
                Some(TokenKind::Punct('.')) => {
                    next_starts && !self.after_abbreviation(text, i, lex)
                }
                Some(TokenKind::Punct('!' | '?' | ';' | '…')) => next_starts,
                Some(TokenKind::Quote(q)) => {
                    let ends_sentence = top.get(q).is_some_and(|s| {
                        text.get(s.start..s.end)
                            .unwrap_or("")
                            .trim_end_matches(['"', '\'', '’', '”', ')', ' '])
                            .ends_with(['.', '!', '?'])
                    });
                    ends_sentence
                        && match self.kind(i + 1) {
                            None | Some(TokenKind::Quote(_)) => true,
                            Some(TokenKind::Word) => self.is_capitalised(text, i + 1),
                            _ => false,
                        }
                }
                _ => false,
            };
        }
        self.sentence = vec![(0, 0); n];
        let mut start = 0;
        for (i, &end) in ends.iter().enumerate() {
            if end || i + 1 == n {
                for s in &mut self.sentence[start..=i] {
                    *s = (start, i + 1);
                }
                start = i + 1;
            }
        }
    }

    /// Whether the period at `i` follows an abbreviation (`Mr.`), an initial (`John F.`) or a
    /// dotted word (`U.S.`).
    fn after_abbreviation(&self, text: &str, i: usize, lex: &Lexicon) -> bool {
        if i == 0 || !self.is_word(i - 1) {
            return false;
        }
        let word = self.word(i - 1);
        let written = self.text(text, i - 1);
        let single_capital =
            written.chars().count() == 1 && written.chars().next().is_some_and(char::is_uppercase);
        lex.is_abbreviation(word) || single_capital || word.contains('.')
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotations_are_one_token_and_sentences_end_at_periods() {
        let text = "Mr. Smith met U.S. officials. “We won,” he said. Then he left.";
        let a = text.find('“').unwrap();
        let b = text.find('”').unwrap();
        let top = [Span {
            open: a,
            start: a + 3,
            end: b,
            close: b + 3,
        }];
        let t = Tokens::new(text, 0, text.len(), &top, 0, Lexicon::get());
        let words: Vec<&str> = (0..t.len()).map(|i| t.text(text, i)).collect();
        assert_eq!(
            words,
            [
                "Mr",
                ".",
                "Smith",
                "met",
                "U.S",
                ".",
                "officials",
                ".",
                "“We won,”",
                "he",
                "said",
                ".",
                "Then",
                "he",
                "left",
                "."
            ]
        );
        // `Mr.` and `U.S.` do not end the sentence; `officials.` does.
        assert_eq!(t.sentence[0], (0, 8));
        assert_eq!(t.sentence[8], (8, 12));
    }
}
