//! Quotations and their speakers.
//!
//! Three passes, each linear in the text: [`marks`] finds the quoted spans by their marks;
//! the text around each top-level quotation is cut into words and sentences (quotations stand
//! as one token, so their words never pass for the writer's); [`attribution`] then reads the
//! reporting words (`said`, `a tweet from`, `according to`) beside each quotation, finds their
//! subject among the entities' mentions (a name, a pronoun resolved to the most salient person
//! who fits, `the prince` for the last person titled so, or an unnamed `senior official`), and
//! carries a speaker over to the quotations that continue a speech. The kind (direct, partial, scare)
//! comes from where the quotation stands in its sentence.

mod context;
mod conversation;
mod description;
mod lexicon;
mod marks;
mod narrator;
mod reader;
mod rules;
mod sieve;
mod tokens;
mod transcript;

pub use rules::{Example, Rule, RuleId, RULES};
pub use sieve::Trace;

use super::{Entity, Quote, QuoteKind};
use crate::article::Article;

/// Finds the quotations of an article and names their speakers among `entities`.
///
/// Quotes come in document order (a nested quote right after the quote holding it); `start..end`
/// are the quoted words without the marks; `speaker` is an index into `entities`. A speaker with
/// no entity of their own (a narrator, `I said`; a description used as a name, `said the King`) is
/// left as words: the name the others call the narrator, or `the narrator`; `the King`; see
/// [`find_with_narrator`].
pub fn find(article: &Article, entities: &[Entity]) -> Vec<Quote> {
    let (mut quotes, added) = find_with_narrator(article, entities);
    for q in &mut quotes {
        let Some(person) = q
            .speaker
            .and_then(|s| s.checked_sub(entities.len()))
            .and_then(|i| added.get(i))
        else {
            continue;
        };
        let described = q.trace.as_ref().and_then(|t| t.link) == Some(RuleId::DescriptionAsName);
        let words = match person.name.as_str() {
            _ if described => format!("the {}", person.name),
            "Narrator" => "the narrator".to_string(),
            name => name.to_string(),
        };
        q.speaker = None;
        q.speaker_text = Some(words);
    }
    quotes
}

/// [`find`], and the people the quotations add to the entities, in order: a description the book
/// uses as a name (`said the King`: "King") and the narrator when one speaks (`I said`) whom the
/// entities do not hold (named as the others call them, else "Narrator"). The quotes' speakers
/// then point at indices from `entities.len()` on, the entities to add.
pub fn find_with_narrator(article: &Article, entities: &[Entity]) -> (Vec<Quote>, Vec<Entity>) {
    let text = article.text();
    let lex = lexicon::Lexicon::get();
    let marked = Marked::read(article, lex);
    marked.attributed(text, entities, lex, |unit| marked.tokens(text, unit, lex))
}

/// The quotations of an article as their marks show them, before anyone is attributed: the
/// part of the work that needs no entities.
struct Marked {
    paragraphs: Vec<(usize, usize)>,
    top: Vec<marks::Span>,
    nested: Vec<marks::Span>,
}

impl Marked {
    fn read(article: &Article, lex: &lexicon::Lexicon) -> Marked {
        let paragraphs = paragraphs(article);
        let spans = marks::scan(article.text(), &paragraphs, lex);
        let (top, nested) = split_nesting(&spans);
        Marked {
            paragraphs,
            top,
            nested,
        }
    }

    /// The tokens of a unit of text that holds a top-level quotation.
    fn tokens(
        &self,
        text: &str,
        unit: &sieve::Unit,
        lex: &'static lexicon::Lexicon,
    ) -> tokens::Tokens {
        tokens::Tokens::new(
            text,
            unit.start,
            unit.end,
            &self.top,
            unit.quotes.start,
            lex,
        )
    }

    /// The quotes with their speakers among `entities`, and the people they add (see
    /// [`find_with_narrator`]); `tokens_of` gives the tokens of each unit of text that holds a
    /// top-level quotation, in order.
    fn attributed(
        &self,
        text: &str,
        entities: &[Entity],
        lex: &'static lexicon::Lexicon,
        tokens_of: impl FnMut(&sieve::Unit) -> tokens::Tokens,
    ) -> (Vec<Quote>, Vec<Entity>) {
        let (top, nested) = (&self.top, &self.nested);
        let attributed = sieve::attribute(text, &self.paragraphs, top, entities, lex, tokens_of);
        let mut quotes = attributed.quotes;
        // Traces name the quote a speaker was carried from by its index among the top-level
        // quotes; once the nested ones are in, that index moves.
        let top_starts: Vec<usize> = top.iter().map(|s| s.start).collect();
        quotes.extend(nested.iter().map(|s| sieve::nested_quote(text, s)));
        quotes.sort_by_key(|q| (q.start, std::cmp::Reverse(q.end)));
        // Quotes are sorted by start, a quote before those nested in it: the first with a start is
        // the top-level one.
        let starts: Vec<usize> = quotes.iter().map(|q| q.start).collect();
        for q in &mut quotes {
            if let Some(t) = q.trace.as_deref_mut() {
                t.from_quote = t
                    .from_quote
                    .and_then(|p| top_starts.get(p))
                    .map(|&start| starts.partition_point(|&s| s < start));
            }
        }
        (quotes, attributed.added)
    }
}

/// How many units of text (a paragraph, or paragraphs a quotation runs across) [`Early`] hands
/// over at a time (one exchange between the threads for each), and how many such batches it
/// cuts ahead of the attribution: bounds the memory they hold on a long text.
const TOKENS_BATCH: usize = 64;
const BATCHES_AHEAD: usize = 16;

/// The work on a long article's quotations that needs no entities, done on a thread of its own
/// while the entities are found: the quote marks, and the tokens of each stretch of text that
/// holds a quotation (cut a bounded number ahead of the attribution that reads them).
/// [`Early::finish`] attributes the quotations once the entities are known; the result is
/// [`find_with_narrator`]'s.
pub struct Early {
    marked: std::sync::mpsc::Receiver<std::sync::Arc<Marked>>,
    tokens: std::sync::mpsc::Receiver<Vec<tokens::Tokens>>,
}

impl Early {
    /// Starts the work on a thread of `scope`.
    pub fn start<'scope, 'env>(
        scope: &'scope std::thread::Scope<'scope, 'env>,
        article: &'env Article,
    ) -> Early {
        let (marked_out, marked) = std::sync::mpsc::sync_channel(1);
        let (tokens_out, tokens) = std::sync::mpsc::sync_channel(BATCHES_AHEAD);
        scope.spawn(move || {
            let text = article.text();
            let lex = lexicon::Lexicon::get();
            let read = std::sync::Arc::new(Marked::read(article, lex));
            // A receiver gone means the attribution stopped (it panicked): nothing to do.
            if marked_out.send(read.clone()).is_err() {
                return;
            }
            // Only the units that hold a quotation are kept: a long text has many others.
            let units: Vec<sieve::Unit> = sieve::units(&read.paragraphs, &read.top)
                .into_iter()
                .filter(|u| !u.quotes.is_empty())
                .collect();
            let mut batch = Vec::with_capacity(TOKENS_BATCH);
            for unit in &units {
                batch.push(read.tokens(text, unit, lex));
                if batch.len() == TOKENS_BATCH {
                    let full = std::mem::replace(&mut batch, Vec::with_capacity(TOKENS_BATCH));
                    if tokens_out.send(full).is_err() {
                        return;
                    }
                }
            }
            // The last batch; a receiver gone is as above.
            let _ = tokens_out.send(batch);
        });
        Early { marked, tokens }
    }

    /// The quotes of `article` with their speakers among `entities`, and the people they add.
    pub fn finish(self, article: &Article, entities: &[Entity]) -> (Vec<Quote>, Vec<Entity>) {
        let text = article.text();
        let lex = lexicon::Lexicon::get();
        // The thread sends everything unless it panicked (the panic then reaches the scope):
        // whatever it did not send is made here.
        let marked = self
            .marked
            .recv()
            .unwrap_or_else(|_| std::sync::Arc::new(Marked::read(article, lex)));
        let batches = self.tokens;
        let mut batch = Vec::new().into_iter();
        marked.attributed(text, entities, lex, |unit| {
            if batch.as_slice().is_empty() {
                batch = batches.recv().unwrap_or_default().into_iter();
            }
            batch
                .next()
                .unwrap_or_else(|| marked.tokens(text, unit, lex))
        })
    }
}

/// Builds the quotes' word lists ahead of their first use (see [`crate::analysis::warm_up`]).
pub(crate) fn warm_up() {
    lexicon::Lexicon::get();
}

/// The letters that end `before` (the word right before a position), or `""`.
fn word_ending(before: &str) -> &str {
    let len: usize = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .map(char::len_utf8)
        .sum();
    &before[before.len() - len..]
}

/// The speaker label opening a line of a transcript (`PENCE: Well, …`, `MR. TRUMP: …`): its
/// words, when `s` starts with one to four words in capitals, then a colon and a space.
/// `all_caps` asks for capitals only; otherwise words that start with a capital do
/// (`Pence: …`), and the caller checks they name someone.
fn speaker_label(s: &str, all_caps: bool) -> Option<&str> {
    let colon = s.get(..s.len().min(48))?.find(':')?;
    let label = s.get(..colon)?;
    let after = s.get(colon + 1..)?;
    if !after.starts_with(char::is_whitespace) {
        return None;
    }
    let words: Vec<&str> = label.split(' ').collect();
    if words.is_empty() || words.len() > 4 {
        return None;
    }
    let letters = label.chars().filter(|c| c.is_alphabetic()).count();
    let shaped = words.iter().all(|w| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-'))
    });
    let caps = label.chars().all(|c| !c.is_lowercase());
    (shaped && letters >= 2 && (caps || !all_caps)).then_some(label)
}

/// The paragraphs to read: the article's blocks (boilerplate left out), or the text cut at
/// blank lines when it has none.
fn paragraphs(article: &Article) -> Vec<(usize, usize)> {
    let text = article.text();
    let mut out: Vec<(usize, usize)> = article
        .blocks
        .iter()
        .filter(|b| b.kind.is_read() && b.start < b.end && text.get(b.start..b.end).is_some())
        .map(|b| (b.start, b.end))
        .collect();
    if out.is_empty() && article.blocks.is_empty() {
        let mut pos = 0;
        for part in text.split("\n\n") {
            let trimmed = part.trim();
            if !trimmed.is_empty() {
                let lead = part.len() - part.trim_start().len();
                out.push((pos + lead, pos + lead + trimmed.len()));
            }
            pos += part.len() + 2;
        }
    }
    out.sort_unstable();
    // Overlapping blocks would let a mark be read twice.
    let mut last_end = 0;
    out.retain(|&(s, e)| {
        let keep = s >= last_end;
        if keep {
            last_end = e;
        }
        keep
    });
    out
}

/// Splits spans (sorted by start, longest first) into top-level ones and those nested inside
/// another.
fn split_nesting(spans: &[marks::Span]) -> (Vec<marks::Span>, Vec<marks::Span>) {
    let mut top: Vec<marks::Span> = Vec::new();
    let mut nested = Vec::new();
    for s in spans {
        match top.last() {
            Some(t) if s.open < t.close => nested.push(*s),
            _ => top.push(*s),
        }
    }
    (top, nested)
}

/// The kind a quote gets from its words alone, for nested quotes with no sentence of their own.
fn kind_of_fragment(words: &str) -> QuoteKind {
    let count = word_count(words);
    if count <= 3 || is_title_case(words) {
        QuoteKind::Scare
    } else {
        QuoteKind::Partial
    }
}

/// How many words `words` has, up to 4 (only small counts matter): words between spaces, and
/// in scripts written without spaces (Chinese, Japanese) each character.
fn word_count(words: &str) -> usize {
    let spaced = words.split_whitespace().take(4).count();
    if spaced >= 4 {
        return spaced;
    }
    // A quotation in such a script shows it in its first characters.
    let ideographs = words
        .chars()
        .take(32)
        .filter(|&c| is_unspaced_script(c))
        .take(4)
        .count();
    spaced.max(ideographs)
}

/// Whether `c` belongs to a script written without spaces between words: Han, Hiragana,
/// Katakana, and Thai.
fn is_unspaced_script(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x0E00..=0x0E7F)
}

/// `The Art of the Deal`, `Libya Model`: every longer word capitalised, no closing punctuation.
fn is_title_case(words: &str) -> bool {
    let trimmed = words.trim();
    if trimmed.ends_with(['.', ',', '!', '?', ';', ':']) {
        return false;
    }
    let mut any = false;
    for w in trimmed.split_whitespace() {
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        let first = w.chars().find(|c| c.is_alphanumeric());
        if !any && !first.is_some_and(|c| c.is_uppercase() || c.is_numeric()) {
            return false;
        }
        any = true;
        if letters >= 4 && !first.is_some_and(|c| c.is_uppercase() || c.is_numeric()) {
            return false;
        }
    }
    any
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod label_tests {
    use super::speaker_label;

    #[test]
    fn transcript_labels() {
        assert_eq!(speaker_label("PENCE: Well, look", true), Some("PENCE"));
        assert_eq!(speaker_label("MR. TRUMP: No.", true), Some("MR. TRUMP"));
        assert_eq!(speaker_label("Pence: Gennifer Flowers", true), None);
        assert_eq!(
            speaker_label("Pence: Gennifer Flowers", false),
            Some("Pence")
        );
        assert_eq!(speaker_label("We said: no", false), None);
        assert_eq!(speaker_label("A: yes", true), None);
        assert_eq!(speaker_label("NOTE:no space", true), None);
        assert_eq!(speaker_label("It was 10:30 when", false), None);
    }
}
