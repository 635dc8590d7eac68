//! An entity's X-Ray: its kind and other names, a sparkline of where it appears, its quotes and
//! every mention as a line of context. Enter on a line goes there; `i` on a quote shows it whole.

use ratatui::layout::Rect;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::{page_step, Overlay, QuoteView};
use crate::app::action::Action;
use crate::app::component::{Command, Ctx, Handled};
use crate::app::copy::collapse;
use crate::app::doc::Doc;
use crate::app::list::ListView;
use crate::layout::wrap::sanitize_line;

/// Lines above the list: kind and counts, other names, the sparkline, where the reader is, a
/// blank.
pub const XRAY_HEADER: u16 = 5;

/// A line of the X-Ray that Enter acts on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum XRayItem {
    /// A quote the entity speaks.
    Quote(usize),
    /// The entity's hit `index`: the mention at `start..end`.
    Mention {
        index: usize,
        start: usize,
        end: usize,
    },
}

/// A line of the X-Ray's list as it is drawn, made for the lines on the screen when they
/// change (not per frame): a mention centred in its context, or a quote's opening words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum XRayLine {
    /// The text before the mention (cut at a word, with `…`), the mention, the text after.
    Context {
        before: String,
        word: String,
        after: String,
    },
    /// The quote in quotation marks, cut a little past the width (so the cut shows).
    Quote(String),
}

/// The X-Ray of one entity.
#[derive(Debug)]
pub struct XRay {
    entity: usize,
    /// Its quotes, then its mentions in the reading flow.
    items: Vec<XRayItem>,
    quotes: usize,
    list: ListView,
    /// The sparkline for the overlay's width, made when the width changes.
    sparkline: Vec<u8>,
    /// The text's length, which the sparkline divides into slices.
    text_len: usize,
    /// The lines on the screen, for the list's offset, height and width they were made at.
    lines: Vec<(usize, XRayLine)>,
    lines_for: (usize, usize, usize),
}

/// The label before the sparkline.
pub const SPARKLINE_LABEL: &str = "Where ";

impl XRay {
    /// The X-Ray of entity `e`, on its first mention at or after the top of the view.
    pub fn new(ctx: &Ctx, e: usize) -> XRay {
        let doc = ctx.doc;
        let quotes: Vec<usize> = doc.quotes_of(e);
        let mut items: Vec<XRayItem> = quotes.iter().map(|&q| XRayItem::Quote(q)).collect();
        items.extend(
            doc.mentions_of(e)
                .into_iter()
                .enumerate()
                .map(|(index, (start, end))| XRayItem::Mention { index, start, end }),
        );
        let mut rows = Vec::with_capacity(items.len() + 2);
        for (i, item) in items.iter().enumerate() {
            let first_of_kind = match item {
                XRayItem::Quote(_) => i == 0,
                XRayItem::Mention { index, .. } => *index == 0,
            };
            if first_of_kind {
                rows.push(None);
            }
            rows.push(Some(i));
        }
        let mut list = ListView::new(rows);
        let top = ctx.top.byte;
        let start = items
            .iter()
            .position(|i| matches!(i, XRayItem::Mention { start, .. } if *start >= top))
            .unwrap_or(0);
        list.select(start);
        XRay {
            entity: e,
            items,
            quotes: quotes.len(),
            list,
            sparkline: Vec::new(),
            text_len: doc.text().len(),
            lines: Vec::new(),
            lines_for: (0, 0, 0),
        }
    }

    /// The line drawn for item `i`, if it is on the screen.
    pub fn line(&self, i: usize) -> Option<&XRayLine> {
        self.lines
            .iter()
            .find(|(item, _)| *item == i)
            .map(|(_, l)| l)
    }

    /// Where the entity appears: one level (0 to 8) per slice of the text.
    pub fn sparkline(&self) -> &[u8] {
        &self.sparkline
    }

    /// The entity (its index in the analysis).
    pub fn entity(&self) -> usize {
        self.entity
    }

    /// Its quotes, then its mentions.
    pub fn items(&self) -> &[XRayItem] {
        &self.items
    }

    /// How many quotes and how many mentions are listed.
    pub fn counts(&self) -> (usize, usize) {
        (self.quotes, self.items.len() - self.quotes)
    }

    /// The list model (rows: a heading, or an index into [`XRay::items`]).
    pub fn list(&self) -> &ListView {
        &self.list
    }

    /// The quote selected, if a quote line is.
    pub fn selected_quote(&self) -> Option<usize> {
        match self.list.selected().and_then(|i| self.items.get(i)) {
            Some(XRayItem::Quote(q)) => Some(*q),
            _ => None,
        }
    }

    pub(super) fn update(&mut self, action: &Action, ctx: &Ctx, out: &mut Vec<Command>) -> Handled {
        let height = self.list.height();
        match action {
            Action::Down => self.list.move_by(1),
            Action::Up => self.list.move_by(-1),
            Action::Top => self.list.select(0),
            Action::Bottom => self.list.select(usize::MAX),
            Action::Select => {
                match self.list.selected().and_then(|i| self.items.get(i)) {
                    Some(XRayItem::Quote(q)) => out.push(Command::GoToQuote(*q)),
                    Some(XRayItem::Mention { index, .. }) => out.push(Command::GoToMention {
                        entity: self.entity,
                        index: *index,
                    }),
                    None => return Handled::Yes,
                }
                out.push(Command::Close);
            }
            Action::XRay => match self.selected_quote() {
                Some(q) => out.push(Command::Open(Box::new(Overlay::Quote(QuoteView::new(q))))),
                None => out.push(Command::Notice(
                    "Enter goes to the mention; i shows a quote whole".into(),
                )),
            },
            Action::Cancel => out.push(Command::Close),
            other => match page_step(other, height) {
                Some(step) => self.list.page(step),
                None => return Handled::No,
            },
        }
        let _ = ctx;
        Handled::Yes
    }

    pub(super) fn fit(&mut self, doc: &Doc, inner: Rect) {
        self.list
            .fit(inner.height.saturating_sub(XRAY_HEADER) as usize);
        let cells = inner.width.saturating_sub(2 + SPARKLINE_LABEL.len() as u16) as usize;
        if cells != self.sparkline.len() {
            let starts = self.items.iter().filter_map(|i| match i {
                XRayItem::Mention { start, .. } => Some(*start),
                XRayItem::Quote(_) => None,
            });
            self.sparkline = sparkline(starts, self.text_len, cells);
        }
        // The list's text: the width inside the border and a margin, less the line's indent.
        let width = inner.width.saturating_sub(4) as usize;
        let key = (self.list.offset(), self.list.height(), width);
        if key != self.lines_for {
            self.lines_for = key;
            self.lines = self
                .list
                .visible()
                .filter_map(|(_, item)| {
                    let item = item?;
                    Some((item, make_line(doc, self.items.get(item)?, width)?))
                })
                .collect();
        }
    }

    pub(super) fn click(&mut self, line: usize) {
        if let Some(i) = line
            .checked_sub(XRAY_HEADER as usize)
            .and_then(|l| self.list.item_at(l))
        {
            self.list.select(i);
        }
    }
}

/// The line drawn for an item at `width` columns.
fn make_line(doc: &Doc, item: &XRayItem, width: usize) -> Option<XRayLine> {
    let text = doc.text();
    match *item {
        XRayItem::Mention { start, end, .. } => {
            let block = doc
                .article()
                .block_at(start)
                .and_then(|b| doc.article().blocks.get(b));
            let (bs, be) = block.map_or((start, end), |b| (b.start, b.end));
            // Only a window of context is cleaned: enough to fill the line.
            let room = 2 * width;
            let from = floor_boundary(text, start.saturating_sub(room).max(bs.min(start)));
            let to = ceil_boundary(text, (end + room).min(be.max(end)));
            let word = sanitize_line(&collapse(text.get(start..end).unwrap_or("")));
            let (before, word, after) = kwic(
                (text.get(from..start).unwrap_or(""), from > bs),
                &word,
                (text.get(end..to).unwrap_or(""), to < be),
                width,
            );
            Some(XRayLine::Context {
                before,
                word,
                after,
            })
        }
        XRayItem::Quote(q) => {
            let quote = doc.quote(q)?;
            // Enough of a long quote to fill the line and show that it goes on.
            let end = ceil_boundary(text, (quote.start + 4 * width).min(quote.end));
            let words = sanitize_line(&collapse(text.get(quote.start..end).unwrap_or("")));
            let close = if end < quote.end { "…" } else { "”" };
            Some(XRayLine::Quote(format!("“{words}{close}")))
        }
    }
}

/// Where mentions starting at `starts` fall across a text of `len` bytes, as `cells` levels
/// from 0 (none in that slice) to 8 (the slice with the most): one cell per equal slice.
pub fn sparkline(starts: impl Iterator<Item = usize>, len: usize, cells: usize) -> Vec<u8> {
    if cells == 0 {
        return Vec::new();
    }
    let len = len.max(1);
    let mut counts = vec![0usize; cells];
    for start in starts {
        counts[(start * cells / len).min(cells - 1)] += 1;
    }
    let max = counts.iter().copied().max().unwrap_or(0).max(1);
    counts
        .into_iter()
        .map(|c| {
            if c == 0 {
                0
            } else {
                (c * 8).div_ceil(max) as u8
            }
        })
        .collect()
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i.min(text.len())
}

/// Keyword in context: the text before the word (cut at a word on the left, with `…`), the word,
/// the text after (cut at a word on the right, with `…`), so that the word sits in the middle
/// of `width` columns. `before` and `after` say whether the text given was already cut short.
pub fn kwic(
    (before, before_cut): (&str, bool),
    word: &str,
    (after, after_cut): (&str, bool),
    width: usize,
) -> (String, String, String) {
    let word_w = word.width();
    if word_w >= width {
        return (String::new(), word.to_string(), String::new());
    }
    let left_room = (width - word_w) / 2;
    let right_room = width - left_room - word_w;
    // A space next to the word stays a space after collapsing.
    let before_c = {
        let c = sanitize_line(&collapse(before));
        if before.ends_with(char::is_whitespace) && !c.is_empty() {
            c + " "
        } else {
            c
        }
    };
    let after_c = {
        let c = sanitize_line(&collapse(after));
        if after.starts_with(char::is_whitespace) && !c.is_empty() {
            format!(" {c}")
        } else {
            c
        }
    };
    // The left: all of it when it fits, else its last words after `…`.
    let mut left = if before_c.width() <= left_room && !before_cut {
        before_c
    } else {
        let tail = take_end(&before_c, left_room.saturating_sub(1));
        // Drop a word cut in two, unless it is all there is.
        let tail = match tail.find(' ') {
            Some(i) if tail.len() < before_c.len() && i + 1 < tail.len() => &tail[i + 1..],
            _ => tail,
        };
        format!("…{tail}")
    };
    if left.width() > left_room {
        left = take_end(&left, left_room).to_string();
    }
    let left = format!("{}{left}", " ".repeat(left_room - left.width()));
    let right = if after_c.width() <= right_room && !after_cut {
        after_c
    } else {
        let head = take_start(&after_c, right_room.saturating_sub(1));
        let head = match head.rfind(' ') {
            Some(i) if head.len() < after_c.len() && i > 0 => &head[..i],
            _ => head,
        };
        format!("{head}…")
    };
    let right = take_start(&right, right_room).to_string();
    (left, word.to_string(), right)
}

/// The longest end of `s` at most `width` columns wide.
fn take_end(s: &str, width: usize) -> &str {
    let mut w = 0;
    let mut at = s.len();
    for (i, c) in s.char_indices().rev() {
        let cw = c.width().unwrap_or(0);
        if w + cw > width {
            break;
        }
        w += cw;
        at = i;
    }
    &s[at..]
}

/// The longest start of `s` at most `width` columns wide.
fn take_start(s: &str, width: usize) -> &str {
    let mut w = 0;
    for (i, c) in s.char_indices() {
        let cw = c.width().unwrap_or(0);
        if w + cw > width {
            return &s[..i];
        }
        w += cw;
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::doc::Doc;
    use crate::app::fixture::{analysis_for, SAMPLE_NAMES};
    use crate::article::parse_plain;
    use std::sync::Arc;

    #[test]
    fn the_sparkline_has_one_cell_per_slice_and_peaks_where_the_name_is_most() {
        let article = parse_plain(include_str!("../../../assets/north-korea-summit.txt").into());
        let analysis = analysis_for(&article, SAMPLE_NAMES);
        let doc = Doc::new(Arc::new(article), "sample.txt", Some(analysis));
        let korea = doc
            .entity_order()
            .iter()
            .copied()
            .find(|&e| doc.entity(e).is_some_and(|x| x.name == "North Korea"))
            .unwrap();
        let starts = || doc.mentions_of(korea).into_iter().map(|m| m.0);
        let line = sparkline(starts(), doc.text().len(), 40);
        assert_eq!(line.len(), 40);
        assert_eq!(line.iter().copied().max(), Some(8));
        assert!(line.contains(&0));
        let total: usize = line.iter().filter(|&&l| l > 0).count();
        assert!(total > 3);
        assert!(sparkline(starts(), doc.text().len(), 0).is_empty());
        assert_eq!(sparkline([0, 10, 11].into_iter(), 20, 2), [4, 8]);
    }

    #[test]
    fn kwic_centres_the_word_and_cuts_the_context_at_words_with_an_ellipsis() {
        let (l, m, r) = kwic(
            ("one two three ", false),
            "Kim",
            (" said four five six", false),
            21,
        );
        assert_eq!(l, "  …three ");
        assert_eq!(m, "Kim");
        assert_eq!(r, " said…");
        assert!(l.width() + m.width() + r.width() <= 21);
        // Context that fits is shown whole, padded so the word stays centred.
        let (l, _, r) = kwic(("a ", false), "Kim", (" b", false), 9);
        assert_eq!((l.as_str(), r.as_str()), (" a ", " b"));
        // Text cut short before it arrived is marked even when what is left fits.
        let (l, _, r) = kwic(("end of it ", true), "Kim", (" so", true), 31);
        assert!(l.trim_start().starts_with('…'), "{l}");
        assert!(r.ends_with('…'), "{r}");
        let (l, m, r) = kwic(("a", false), "a-very-long-name", ("b", false), 5);
        assert_eq!(
            (l.as_str(), m.as_str(), r.as_str()),
            ("", "a-very-long-name", "")
        );
    }
}
