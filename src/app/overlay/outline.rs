//! The outline: the article's title and headings, or a book's parts and chapters, with the
//! current section selected. `/` filters it as you type; Enter goes to the heading, at the top.

use ratatui::layout::Rect;

use super::page_step;
use crate::app::action::Action;
use crate::app::component::{Command, Ctx, Handled};
use crate::app::doc::{Doc, Heading};
use crate::app::list::ListView;
use crate::app::search;

/// The outline overlay.
#[derive(Debug)]
pub struct Outline {
    filter: String,
    /// The filter is being typed.
    typing: bool,
    /// The headings listed: indices into [`Doc::headings`].
    items: Vec<usize>,
    list: ListView,
}

impl Outline {
    /// The outline, with the section the view is in selected.
    pub fn new(ctx: &Ctx) -> Outline {
        let doc = ctx.doc;
        let items: Vec<usize> = (0..doc.headings().len()).collect();
        let mut list = ListView::uniform(items.len(), 1);
        list.select(current_section(doc, ctx.top.byte).unwrap_or(0));
        Outline {
            filter: String::new(),
            typing: false,
            items,
            list,
        }
    }

    /// The filter as typed.
    pub fn filter(&self) -> &str {
        &self.filter
    }

    /// Whether the filter is being typed.
    pub fn typing(&self) -> bool {
        self.typing
    }

    /// The headings listed, as indices into [`Doc::headings`].
    pub fn items(&self) -> &[usize] {
        &self.items
    }

    /// The list model of the headings listed.
    pub fn list(&self) -> &ListView {
        &self.list
    }

    /// Where the list and the filter line go inside the overlay.
    pub fn list_area(&self, inner: Rect) -> (Rect, Option<Rect>) {
        if (self.typing || !self.filter.is_empty()) && inner.height > 1 {
            (
                Rect::new(inner.x, inner.y, inner.width, inner.height - 1),
                Some(Rect::new(inner.x, inner.bottom() - 1, inner.width, 1)),
            )
        } else {
            (inner, None)
        }
    }

    pub(super) fn update(&mut self, action: &Action, ctx: &Ctx, out: &mut Vec<Command>) -> Handled {
        if self.typing {
            self.update_filter(action, ctx);
            return Handled::Yes;
        }
        let height = self.list.height();
        match action {
            Action::Down => self.list.move_by(1),
            Action::Up => self.list.move_by(-1),
            Action::Top => self.list.select(0),
            Action::Bottom => self.list.select(usize::MAX),
            Action::Search => self.typing = true,
            Action::Select => {
                let heading = self
                    .list
                    .selected()
                    .and_then(|i| self.items.get(i))
                    .and_then(|&h| ctx.doc.headings().get(h));
                match heading {
                    Some(h) => {
                        out.push(Command::GoToHeading(h.block));
                        out.push(Command::Close);
                    }
                    None => out.push(Command::Notice("No heading selected".into())),
                }
            }
            // Esc clears a kept filter first, then closes.
            Action::Cancel if !self.filter.is_empty() => self.set_filter(ctx.doc, String::new()),
            Action::Cancel => out.push(Command::Close),
            other => match page_step(other, height) {
                Some(step) => self.list.page(step),
                None => return Handled::No,
            },
        }
        Handled::Yes
    }

    /// A key while the filter is typed: it edits the filter, Enter keeps it, Esc clears it;
    /// the selection still moves with the arrows.
    fn update_filter(&mut self, action: &Action, ctx: &Ctx) {
        let mut filter = self.filter.clone();
        match action {
            Action::Down | Action::Up => {
                self.list
                    .move_by(if *action == Action::Down { 1 } else { -1 });
                return;
            }
            Action::Select => {
                self.typing = false;
                return;
            }
            Action::Cancel => {
                self.typing = false;
                filter.clear();
            }
            Action::Type(c) => filter.push(*c),
            Action::Backspace => {
                filter.pop();
            }
            Action::DeleteWord => crate::app::mode::delete_word(&mut filter),
            Action::ClearLine => filter.clear(),
            _ => return,
        }
        self.set_filter(ctx.doc, filter);
    }

    fn set_filter(&mut self, doc: &Doc, filter: String) {
        self.filter = filter;
        self.refilter(doc);
    }

    /// Lists the headings whose words contain the filter (ignoring case and accents).
    fn refilter(&mut self, doc: &Doc) {
        let was = self
            .list
            .selected()
            .and_then(|i| self.items.get(i))
            .copied();
        let filter = search::fold(&self.filter);
        self.items = doc
            .headings()
            .iter()
            .enumerate()
            .filter(|(_, h)| {
                filter.is_empty() || search::fold(&heading_text(doc, h)).contains(&filter)
            })
            .map(|(i, _)| i)
            .collect();
        let height = self.list.height();
        self.list = ListView::uniform(self.items.len(), 1);
        self.list.fit(height);
        let keep = was.and_then(|h| self.items.iter().position(|&i| i == h));
        self.list.select(keep.unwrap_or(0));
    }

    pub(super) fn fit(&mut self, inner: Rect) {
        let (list, _) = self.list_area(inner);
        self.list.fit(list.height as usize);
    }

    pub(super) fn click(&mut self, line: usize) {
        if let Some(i) = self.list.item_at(line) {
            self.list.select(i);
        }
    }
}

/// A heading's words as the outline shows them: its text, and its subtitle after a dot.
pub fn heading_text(doc: &Doc, h: &Heading) -> String {
    let block_text = |b: usize| {
        doc.article()
            .blocks
            .get(b)
            .and_then(|b| doc.text().get(b.start..b.end))
            .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
            .unwrap_or_default()
    };
    let mut s = block_text(h.block);
    if let Some(sub) = h.subtitle {
        let sub = block_text(sub);
        if !s.ends_with(['.', ':']) {
            s.push('.');
        }
        s.push(' ');
        s.push_str(&sub);
    }
    s
}

/// The heading whose section holds byte `at`: the last one that starts at or before it.
fn current_section(doc: &Doc, at: usize) -> Option<usize> {
    let blocks = &doc.article().blocks;
    doc.headings()
        .iter()
        .rposition(|h| blocks.get(h.block).is_some_and(|b| b.start <= at))
}
