//! The sidebar: tabs for the article's entities (grouped by kind, most mentioned first) and its
//! quotes (document order), each with its filter and a list model that both drawing and clicks
//! read.

use ratatui::layout::Rect;

use super::action::Action;
use super::component::{Command, Ctx, Handled};
use super::list::ListView;
use super::mode::PromptKind;
use super::overlay::{Overlay, QuoteView, XRay};
use super::search;
use crate::analysis::EntityKind;

/// The sidebar's tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    /// People, places, organisations, dates… grouped by kind.
    Entities,
    /// The quotes in document order.
    Quotes,
}

/// A line of the Entities list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntityLine {
    /// A kind's heading, with how many of its entities are listed.
    Heading(EntityKind, usize),
    /// An entity (its index in the analysis).
    Entity(usize),
}

/// The sidebar component.
#[derive(Debug)]
pub struct Sidebar {
    tab: Tab,
    entity_filter: String,
    quote_filter: String,
    /// The Quotes tab shows only the target entity's quotes.
    speaker_only: bool,
    /// The listed entities (filtered), their lines and the list model.
    entity_items: Vec<usize>,
    entity_lines: Vec<EntityLine>,
    entities: ListView,
    /// The listed quotes (filtered), two rows each: speaker, then words.
    quote_items: Vec<usize>,
    quotes: ListView,
}

impl Default for Sidebar {
    fn default() -> Self {
        Sidebar::new()
    }
}

impl Sidebar {
    /// An empty sidebar on the Entities tab (it fills once the analysis arrives).
    pub fn new() -> Sidebar {
        Sidebar {
            tab: Tab::Entities,
            entity_filter: String::new(),
            quote_filter: String::new(),
            speaker_only: false,
            entity_items: Vec::new(),
            entity_lines: Vec::new(),
            entities: ListView::default(),
            quote_items: Vec::new(),
            quotes: ListView::default(),
        }
    }

    /// The tab shown.
    pub fn tab(&self) -> Tab {
        self.tab
    }

    /// The filter of the current tab.
    pub fn filter(&self) -> &str {
        match self.tab {
            Tab::Entities => &self.entity_filter,
            Tab::Quotes => &self.quote_filter,
        }
    }

    /// Whether the Quotes tab shows only the target's quotes.
    pub fn speaker_only(&self) -> bool {
        self.speaker_only
    }

    /// The listed entities, in list order.
    pub fn entity_items(&self) -> &[usize] {
        &self.entity_items
    }

    /// The Entities list's lines: kind headings and entities.
    pub fn entity_lines(&self) -> &[EntityLine] {
        &self.entity_lines
    }

    /// The listed quotes, in document order.
    pub fn quote_items(&self) -> &[usize] {
        &self.quote_items
    }

    /// The list model of the current tab.
    pub fn list(&self) -> &ListView {
        match self.tab {
            Tab::Entities => &self.entities,
            Tab::Quotes => &self.quotes,
        }
    }

    fn list_mut(&mut self) -> &mut ListView {
        match self.tab {
            Tab::Entities => &mut self.entities,
            Tab::Quotes => &mut self.quotes,
        }
    }

    /// The entity selected in the Entities list.
    pub fn selected_entity(&self) -> Option<usize> {
        self.entities
            .selected()
            .and_then(|i| self.entity_items.get(i))
            .copied()
    }

    /// The quote selected in the Quotes list.
    pub fn selected_quote(&self) -> Option<usize> {
        self.quotes
            .selected()
            .and_then(|i| self.quote_items.get(i))
            .copied()
    }

    /// How many entities and quotes are listed, and how many there are in all.
    pub fn counts(&self, ctx: &Ctx) -> ((usize, usize), (usize, usize)) {
        let quotes_all = ctx.doc.quote_spans().len();
        (
            (self.entity_items.len(), ctx.doc.entity_order().len()),
            (self.quote_items.len(), quotes_all),
        )
    }

    /// Where the list and the filter line go inside the sidebar's `area` (border included):
    /// the filter takes the last line while it is typed or set.
    pub fn list_area(&self, area: Rect, typing: bool) -> (Rect, Option<Rect>) {
        let inner = super::geometry::inner(area);
        if (typing || !self.filter().is_empty()) && inner.height > 1 {
            let list = Rect::new(inner.x, inner.y, inner.width, inner.height - 1);
            let line = Rect::new(inner.x, inner.bottom() - 1, inner.width, 1);
            (list, Some(line))
        } else {
            (inner, None)
        }
    }

    /// Keeps the selection of both lists in view for the list's height.
    pub fn fit(&mut self, height: usize) {
        self.entities.fit(height);
        self.quotes.fit(height);
    }

    /// Builds both lists again (the analysis arrived, a filter or the target changed), keeping
    /// the selected entity and quote where they are still listed.
    pub fn rebuild(&mut self, ctx: &Ctx) {
        self.rebuild_entities(ctx);
        self.rebuild_quotes(ctx);
    }

    fn rebuild_entities(&mut self, ctx: &Ctx) {
        let was = self.selected_entity();
        let filter = search::fold(&self.entity_filter);
        let doc = ctx.doc;
        self.entity_items = doc
            .entity_order()
            .iter()
            .copied()
            .filter(|&e| {
                filter.is_empty()
                    || doc.entity(e).is_some_and(|x| {
                        search::fold(&x.name).contains(&filter)
                            || x.aliases.iter().any(|a| search::fold(a).contains(&filter))
                    })
            })
            .collect();
        let mut lines = Vec::with_capacity(self.entity_items.len() + 10);
        let mut rows = Vec::with_capacity(self.entity_items.len() + 10);
        let mut item = 0;
        for (kind, n) in doc.kind_counts(&self.entity_items) {
            lines.push(EntityLine::Heading(kind, n));
            rows.push(None);
            for &e in self.entity_items.get(item..item + n).unwrap_or(&[]) {
                lines.push(EntityLine::Entity(e));
                rows.push(Some(item));
                item += 1;
            }
        }
        self.entity_lines = lines;
        let height = self.entities.height();
        self.entities = ListView::new(rows);
        self.entities.fit(height);
        let keep = was.and_then(|e| self.entity_items.iter().position(|&x| x == e));
        self.entities.select(keep.unwrap_or(0));
    }

    fn rebuild_quotes(&mut self, ctx: &Ctx) {
        let was = self.selected_quote();
        let had_selection = self.quotes.selected().is_some();
        let doc = ctx.doc;
        let speaker = if self.speaker_only {
            ctx.target_entity
        } else {
            None
        };
        let filter = search::fold(&self.quote_filter);
        self.quote_items = doc
            .quote_spans()
            .iter()
            .map(|s| s.quote)
            .filter(|&q| {
                let Some(quote) = doc.quote(q) else {
                    return false;
                };
                if speaker.is_some() && quote.speaker != speaker {
                    return false;
                }
                filter.is_empty()
                    || search::fold(&doc.speaker_name(q)).contains(&filter)
                    || doc
                        .text()
                        .get(quote.start..quote.end)
                        .is_some_and(|t| search::fold(t).contains(&filter))
            })
            .collect();
        let height = self.quotes.height();
        self.quotes = ListView::uniform(self.quote_items.len(), 2);
        self.quotes.fit(height);
        let keep = was.and_then(|q| self.quote_items.iter().position(|&x| x == q));
        match keep {
            Some(i) => self.quotes.select(i),
            None if had_selection || self.tab == Tab::Quotes => self.quotes.select(0),
            None => {}
        }
    }

    /// Shows a tab; the Quotes list selects its first quote when nothing is selected.
    pub fn show(&mut self, tab: Tab) {
        self.tab = tab;
        if tab == Tab::Quotes && self.quotes.selected().is_none() {
            self.quotes.select(0);
        }
    }

    /// The filter of the current tab, as typed at the prompt: the list is filtered at once and
    /// selects its first item.
    pub fn set_filter(&mut self, ctx: &Ctx, text: &str) {
        match self.tab {
            Tab::Entities => {
                self.entity_filter = text.to_string();
                self.rebuild_entities(ctx);
                self.entities.select(0);
            }
            Tab::Quotes => {
                self.quote_filter = text.to_string();
                self.rebuild_quotes(ctx);
                self.quotes.select(0);
            }
        }
    }

    /// The target changed: with `s` on, the Quotes list follows it.
    pub fn target_changed(&mut self, ctx: &Ctx) {
        if self.speaker_only {
            self.rebuild_quotes(ctx);
        }
    }

    /// `s`: only the target's quotes, or all again. Returns whether it is on.
    pub fn toggle_speaker_only(&mut self, ctx: &Ctx, out: &mut Vec<Command>) -> bool {
        if self.speaker_only {
            self.speaker_only = false;
        } else if ctx.target_entity.is_some() {
            self.speaker_only = true;
            self.tab = Tab::Quotes;
        } else {
            out.push(Command::Notice(
                "Choose an entity first (Enter in Entities)".into(),
            ));
            return false;
        }
        self.rebuild_quotes(ctx);
        self.quotes.select(0);
        self.speaker_only
    }

    /// The sidebar's keys while it has focus: moving in the list, Enter, `i`, `/` and `Esc`.
    pub fn update(&mut self, action: &Action, ctx: &Ctx, out: &mut Vec<Command>) -> Handled {
        let page = self.list().height().max(1) as isize;
        match action {
            Action::Down => self.list_mut().move_by(1),
            Action::Up => self.list_mut().move_by(-1),
            Action::PageDown => self.list_mut().page(page - 1),
            Action::PageUp => self.list_mut().page(-(page - 1)),
            Action::HalfPageDown => self.list_mut().page(page / 2),
            Action::HalfPageUp => self.list_mut().page(-(page / 2)),
            Action::Top => self.list_mut().select(0),
            Action::Bottom => self.list_mut().select(usize::MAX),
            Action::Select => match self.tab {
                Tab::Entities => {
                    if let Some(e) = self.selected_entity() {
                        out.push(Command::GoToEntity(e));
                    }
                }
                Tab::Quotes => {
                    if let Some(q) = self.selected_quote() {
                        out.push(Command::GoToQuote(q));
                    }
                }
            },
            Action::XRay => match self.tab {
                Tab::Entities => match self.selected_entity() {
                    Some(e) => out.push(Command::Open(Box::new(Overlay::XRay(XRay::new(ctx, e))))),
                    None => out.push(Command::Notice("No entity selected".into())),
                },
                Tab::Quotes => match self.selected_quote() {
                    Some(q) => out.push(Command::Open(Box::new(Overlay::Quote(QuoteView::new(q))))),
                    None => out.push(Command::Notice("No quote selected".into())),
                },
            },
            Action::Search => out.push(Command::Prompt(PromptKind::Filter)),
            Action::Cancel => {
                if self.filter().is_empty() {
                    out.push(Command::FocusReader);
                } else {
                    self.set_filter(ctx, "");
                }
            }
            _ => return Handled::No,
        }
        Handled::Yes
    }

    /// A click on `line` of the list: selects the item drawn there. Returns whether one was.
    pub fn click(&mut self, line: usize) -> bool {
        match self.list().item_at(line) {
            Some(i) => {
                self.list_mut().select(i);
                true
            }
            None => false,
        }
    }

    /// The wheel over the list.
    pub fn wheel(&mut self, lines: i16) {
        self.list_mut().scroll(lines as isize);
    }
}
