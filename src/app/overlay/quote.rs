//! A whole quote: who said it (or the words naming an unnamed source), the cue and the kind, the
//! quotation wrapped, and the sentence around it. Enter goes to it in the text.

use ratatui::layout::Rect;

use super::{inside, scrolled};
use crate::app::action::Action;
use crate::app::component::{Command, Ctx, Handled};
use crate::app::doc::Doc;
use crate::layout::wrap;

/// How much text around a quote is shown at most, in bytes either side.
const CONTEXT: usize = 600;

/// A line of the whole-quote view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuoteLine {
    /// Who said it, whether that is an unnamed source's description, the cue, the kind.
    Label {
        who: String,
        unnamed: bool,
        cue: Option<String>,
        kind: &'static str,
    },
    /// A heading over the context.
    Heading(&'static str),
    /// A row of the quotation: a byte range of the text.
    Words { start: usize, end: usize },
    /// A row of the sentence around it: a byte range of the text.
    Context { start: usize, end: usize },
    /// A blank line between parts.
    Blank,
}

/// The lines of quote `q` at `width` columns.
pub fn quote_lines(doc: &Doc, q: usize, width: usize) -> Vec<QuoteLine> {
    let Some(quote) = doc.quote(q) else {
        return Vec::new();
    };
    let text = doc.text();
    let width = width.max(wrap::MIN_WIDTH);
    let (who, unnamed) = match (
        quote.speaker.and_then(|s| doc.entity(s)),
        &quote.speaker_text,
    ) {
        (Some(e), _) => (e.name.clone(), false),
        (None, Some(t)) => (t.clone(), true),
        (None, None) => ("unattributed".to_string(), false),
    };
    let mut lines = vec![
        QuoteLine::Label {
            who,
            unnamed,
            cue: quote.cue.clone(),
            kind: quote.kind.as_str(),
        },
        QuoteLine::Blank,
    ];
    let (start, end) = doc
        .quote_span(q)
        .map_or((quote.start, quote.end), |s| (s.start, s.end));
    let words = text.get(start..end).unwrap_or("");
    lines.extend(
        wrap::wrap(words, start, width)
            .into_iter()
            .map(|(start, end)| QuoteLine::Words { start, end }),
    );
    let block = doc
        .article()
        .block_at(start)
        .and_then(|b| doc.article().blocks.get(b));
    if let Some(b) = block {
        let (cs, ce) = sentence_around(text, (b.start, b.end), (start, end));
        if cs < start || ce > end {
            lines.push(QuoteLine::Blank);
            lines.push(QuoteLine::Heading("In its sentence"));
            let around = text.get(cs..ce).unwrap_or("");
            lines.extend(
                wrap::wrap(around, cs, width)
                    .into_iter()
                    .map(|(start, end)| QuoteLine::Context { start, end }),
            );
        }
    }
    lines
}

/// The sentence (or sentences) holding `span`, inside `block`: from the end of the sentence
/// before it to the end of the sentence it ends in, at most [`CONTEXT`] bytes either side (cut
/// at a space).
fn sentence_around(text: &str, block: (usize, usize), span: (usize, usize)) -> (usize, usize) {
    let (bs, be) = block;
    let (start, end) = (span.0.max(bs), span.1.min(be));
    let from = floor(text, start.saturating_sub(CONTEXT).max(bs));
    let to = ceil(text, (end + CONTEXT).min(be));
    let before = text.get(from..start).unwrap_or("");
    let after = text.get(end..to).unwrap_or("");
    // The sentence starts after the last sentence end before the span.
    let mut s = match last_sentence_end(before) {
        Some(i) => from + i,
        None if from == bs => bs,
        None => from + before.find(char::is_whitespace).map_or(0, |i| i + 1),
    };
    // It ends at the first sentence end after the span, or at the span when the quote ends one.
    let quote_ends = text
        .get(start..end)
        .map(|q| q.trim_end_matches(is_closing))
        .is_some_and(|q| q.ends_with(['.', '!', '?']))
        && after.trim_start().starts_with(|c: char| c.is_uppercase());
    let mut e = if quote_ends {
        end
    } else {
        match first_sentence_end(after) {
            Some(i) => end + i,
            None if to == be => be,
            None => end + after.rfind(char::is_whitespace).unwrap_or(after.len()),
        }
    };
    while s < start && text[s..].starts_with(char::is_whitespace) {
        s += text[s..].chars().next().map_or(1, char::len_utf8);
    }
    while e > end && text[..e].ends_with(char::is_whitespace) {
        e -= text[..e].chars().next_back().map_or(1, char::len_utf8);
    }
    (s, e)
}

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | ')')
}

/// Where the last sentence in `s` ends (after its closing marks and the space after it).
fn last_sentence_end(s: &str) -> Option<usize> {
    let mut found = None;
    let mut iter = s.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let mut j = i + c.len_utf8();
        while let Some(&(k, d)) = iter.peek() {
            if is_closing(d) {
                j = k + d.len_utf8();
                iter.next();
            } else {
                break;
            }
        }
        let rest = &s[j..];
        let trimmed = rest.trim_start();
        if rest.len() > trimmed.len()
            && (trimmed.is_empty() || trimmed.starts_with(|c: char| !c.is_lowercase()))
        {
            found = Some(j);
        }
    }
    found
}

/// Where the first sentence in `s` ends (after its closing marks).
fn first_sentence_end(s: &str) -> Option<usize> {
    let mut iter = s.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let mut j = i + c.len_utf8();
        while let Some(&(k, d)) = iter.peek() {
            if is_closing(d) {
                j = k + d.len_utf8();
                iter.next();
            } else {
                break;
            }
        }
        let rest = &s[j..];
        let trimmed = rest.trim_start();
        if trimmed.is_empty()
            || (rest.len() > trimmed.len() && trimmed.starts_with(|c: char| !c.is_lowercase()))
        {
            return Some(j);
        }
    }
    None
}

fn floor(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i.min(text.len())
}

/// The whole-quote overlay: which quote, and how far it is scrolled.
#[derive(Debug)]
pub struct QuoteView {
    quote: usize,
    scroll: usize,
}

impl QuoteView {
    /// Quote `q`, from its first line.
    pub fn new(q: usize) -> QuoteView {
        QuoteView {
            quote: q,
            scroll: 0,
        }
    }

    /// The quote shown (its index in the analysis).
    pub fn quote(&self) -> usize {
        self.quote
    }

    /// The first line shown.
    pub fn scroll(&self) -> usize {
        self.scroll
    }

    /// The text width of the view's lines on a screen whose overlay inside is `inner`.
    pub fn width(inner: Rect) -> usize {
        inner.width.saturating_sub(4) as usize
    }

    pub(super) fn update(&mut self, action: &Action, ctx: &Ctx, out: &mut Vec<Command>) -> Handled {
        let inner = inside(ctx);
        let len = quote_lines(ctx.doc, self.quote, QuoteView::width(inner)).len();
        if let Some(to) = scrolled(action, self.scroll, len, inner.height as usize) {
            self.scroll = to;
            return Handled::Yes;
        }
        match action {
            Action::Select => {
                out.push(Command::GoToQuote(self.quote));
                out.push(Command::Close);
            }
            Action::Cancel => out.push(Command::Close),
            _ => return Handled::No,
        }
        Handled::Yes
    }

    pub(super) fn fit(&mut self, ctx: &Ctx, inner: Rect) {
        let len = quote_lines(ctx.doc, self.quote, QuoteView::width(inner)).len();
        self.scroll = self.scroll.min(len.saturating_sub(inner.height as usize));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sentence_around_a_quote_runs_from_the_last_full_stop_to_the_next() {
        let text = "He left early. It even prompted a tweet from Trump: “We will see.” North Korea agreed.";
        let q0 = text.find('“').unwrap();
        let q1 = text.find('”').unwrap() + '”'.len_utf8();
        let (s, e) = sentence_around(text, (0, text.len()), (q0, q1));
        assert_eq!(
            &text[s..e],
            "It even prompted a tweet from Trump: “We will see.”"
        );
        let text = "Then. “We will,” he said, “see.” Later.";
        let q0 = text.find('“').unwrap();
        let q1 = text.find(',').unwrap() + 4;
        let (s, e) = sentence_around(text, (0, text.len()), (q0, q1));
        assert_eq!(&text[s..e], "“We will,” he said, “see.”");
    }
}
