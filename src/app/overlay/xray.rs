//! An entity's X-Ray: its kind and other names, a sparkline of where it appears, its quotes and
//! every mention as a line of context. Enter on a line goes there; `i` on a quote shows it whole.

use ratatui::layout::Rect;

use super::{page_step, Overlay, QuoteView};
use crate::app::action::Action;
use crate::app::component::{Command, Ctx, Handled};
use crate::app::list::ListView;

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
        }
    }

    /// Where the entity appears: one level (0 to 8) per slice of the text.
    pub fn sparkline(&self) -> &[u8] {
        &self.sparkline
    }

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

    pub(super) fn fit(&mut self, inner: Rect) {
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
}
