//! The reader's state, and [`App::update`]: the one place it changes.
//!
//! `update` is pure (no I/O): keys, the mouse, resizes and the background analysis all arrive
//! as [`Action`]s, so tests drive the whole reader without a terminal. The scroll position is an
//! [`Anchor`], never a row, so it survives a resize; the layout of each width is cached.

pub mod action;
pub mod copy;
#[doc(hidden)]
pub mod fixture;
pub mod geometry;
pub mod keymap;
pub mod search;

use std::collections::BTreeMap;
use std::sync::Arc;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

pub use action::Action;
pub use copy::Effect;
pub use geometry::Geometry;
pub use keymap::{Key, Keymap};

use crate::analysis::{Analysis, EntityKind};
use crate::article::Article;
use crate::layout::{wrap, Anchor, Layout};
use crate::ui::theme::Theme;

/// Rows left above a hit when jumping to it, so it is read in context.
pub const JUMP_MARGIN: usize = 3;
/// Lines the mouse wheel scrolls per notch.
pub const WHEEL_LINES: i16 = 3;
/// Layouts kept for recent widths (a resize back and forth costs nothing).
const LAYOUT_CACHE: usize = 3;

/// Which pane receives keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Reader,
    Sidebar,
}

/// The sidebar's tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Entities,
    Quotes,
}

/// What is being typed at the prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Prompt {
    /// A search of the text (reader); its live hits are highlighted.
    Search {
        query: String,
        hits: Vec<(usize, usize)>,
    },
    /// A filter of the sidebar list.
    Filter,
}

/// A mention of an entity inside the reading flow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    pub start: usize,
    pub end: usize,
    pub entity: usize,
}

/// What `n`/`N` step through: an entity's mentions or a search's matches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// The name shown in the status line.
    pub label: String,
    /// The entity, when the target is one.
    pub entity: Option<usize>,
    /// Byte ranges in document order.
    pub hits: Vec<(usize, usize)>,
    /// The hit last jumped to.
    pub current: Option<usize>,
}

/// A line of the Entities list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntityLine {
    Heading(EntityKind, usize),
    Entity(usize),
}

/// A line of the X-Ray view that Enter acts on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum XRayItem {
    /// The target's hit `index`: the mention at `start..end`.
    Mention {
        index: usize,
        start: usize,
        end: usize,
    },
    /// A quote the entity speaks.
    Quote(usize),
}

/// The X-Ray view of one entity, in the sidebar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XRay {
    pub entity: usize,
    /// Its mentions in the reading flow, then its quotes.
    pub items: Vec<XRayItem>,
    pub sel: usize,
}

/// A key that waits for a letter: `m` and `'`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pending {
    SetMark,
    GoToMark,
}

/// The whole state of the reader.
#[derive(Debug)]
pub struct App {
    pub article: Arc<Article>,
    /// The name the article was opened by.
    pub source: String,
    /// `None` while the analysis runs in the background.
    pub analysis: Option<Analysis>,
    /// Every mention in the reading flow, by start.
    pub marks: Vec<Mark>,
    /// Entities in list order: by kind, most mentioned first, then by name.
    entity_order: Vec<usize>,
    /// Quote spans (quote index, start, end) by start.
    pub quote_spans: Vec<(usize, usize, usize)>,
    pub keymap: Keymap,
    pub theme: Theme,
    pub width: u16,
    pub height: u16,
    layout: Arc<Layout>,
    cache: Vec<Arc<Layout>>,
    /// The first row shown, as an anchor.
    pub top: Anchor,
    pub focus: Focus,
    pub tab: Tab,
    /// Selection in the Entities list (an index into [`App::entity_items`]).
    pub entity_sel: usize,
    /// Selection in the Quotes list (an index into [`App::quote_items`]).
    pub quote_sel: Option<usize>,
    pub entity_filter: String,
    pub quote_filter: String,
    pub prompt: Option<Prompt>,
    /// The Quotes tab shows only the target entity's quotes.
    pub speaker_only: bool,
    pub target: Option<Target>,
    /// The quote last jumped to, set off more strongly.
    pub current_quote: Option<usize>,
    pub help: bool,
    /// A one-off message for the status line (wrap-around, nothing found, …).
    pub notice: Option<String>,
    /// How far the background analysis has got, in thousandths (see
    /// [`crate::analysis::PROGRESS_DONE`]), while there is no analysis yet.
    pub analysis_progress: usize,
    /// The text with accents folded, for searches typed without them (built on the first).
    folded: std::sync::OnceLock<search::Folded>,
    pub quit: bool,
    /// The X-Ray view, when open (it replaces the sidebar's list).
    pub xray: Option<XRay>,
    /// Marks set with `m`: letter → place.
    pub bookmarks: BTreeMap<char, Anchor>,
    /// A key waiting for its letter.
    pub pending: Option<Pending>,
    /// Only the paragraphs with a hit of the target are laid out (`&`).
    pub only_target: bool,
    /// Rows of the reader's scrollbar (from the top of the text) that hold a hit of the
    /// target: computed when the target or the layout changes, not per frame.
    pub ticks: Vec<u16>,
    /// Work for the event loop (clipboard writes), taken with [`App::take_effects`].
    pub effects: Vec<Effect>,
    /// The widest text column and the sidebar width from the config (`None`: automatic).
    pub text_width: Option<u16>,
    pub sidebar_width: Option<u16>,
    /// For each article block, its number in the reading flow (1-based), and the flow's length.
    flow_number: Vec<usize>,
    flow_len: usize,
}

impl App {
    /// A reader for `article`; `analysis` is `None` until the background analysis reports.
    pub fn new(article: Arc<Article>, source: &str, analysis: Option<Analysis>) -> App {
        let mut flow_number = Vec::with_capacity(article.blocks.len());
        let mut n = 0;
        for b in &article.blocks {
            if b.kind.is_read() {
                n += 1;
            }
            flow_number.push(n.max(1));
        }
        // No rows until the first resize tells the width: a book is laid out once, not twice.
        let layout = Arc::new(Layout::new(&Article::default(), 0));
        let top = article
            .blocks
            .iter()
            .enumerate()
            .find(|(_, b)| b.kind.is_read())
            .map_or(Anchor::default(), |(block, b)| Anchor {
                block,
                byte: b.start,
            });
        let mut app = App {
            article,
            source: source.to_string(),
            analysis: None,
            marks: Vec::new(),
            entity_order: Vec::new(),
            quote_spans: Vec::new(),
            keymap: Keymap::default(),
            theme: Theme::default(),
            width: 0,
            height: 0,
            layout,
            cache: Vec::new(),
            top,
            focus: Focus::Reader,
            tab: Tab::Entities,
            entity_sel: 0,
            quote_sel: None,
            entity_filter: String::new(),
            quote_filter: String::new(),
            prompt: None,
            speaker_only: false,
            target: None,
            current_quote: None,
            help: false,
            notice: None,
            analysis_progress: 0,
            folded: std::sync::OnceLock::new(),
            quit: false,
            xray: None,
            bookmarks: BTreeMap::new(),
            pending: None,
            only_target: false,
            ticks: Vec::new(),
            effects: Vec::new(),
            text_width: None,
            sidebar_width: None,
            flow_number,
            flow_len: n,
        };
        if let Some(a) = analysis {
            app.set_analysis(a);
        }
        app
    }

    /// The layout at the current width.
    pub fn layout(&self) -> &Layout {
        &self.layout
    }

    /// The screen layout, or `None` when the terminal is too small.
    pub fn geometry(&self) -> Option<Geometry> {
        Geometry::sized(self.width, self.height, self.text_width, self.sidebar_width)
    }

    /// Takes the effects recorded by `update`, for the event loop to perform.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    /// The text rows visible at once.
    pub fn page_rows(&self) -> usize {
        self.geometry().map_or(1, |g| g.text.height.max(1) as usize)
    }

    /// The row at the top of the reader.
    pub fn top_row(&self) -> usize {
        self.layout.row_for_anchor(self.top)
    }

    /// The furthest the reader scrolls: the last page.
    pub fn max_top_row(&self) -> usize {
        self.layout.len().saturating_sub(self.page_rows())
    }

    /// Maps a key to an action: prompt editing while typing, the keymap otherwise.
    pub fn action_for_key(&self, key: &KeyEvent) -> Option<Action> {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        if self.pending.is_some() {
            return match key.code {
                KeyCode::Char('c') if ctrl => Some(Action::Quit),
                KeyCode::Char(c) if !ctrl => Some(Action::Type(c)),
                _ => Some(Action::Cancel),
            };
        }
        if self.prompt.is_some() {
            return match key.code {
                KeyCode::Char('c') if ctrl => Some(Action::Quit),
                KeyCode::Esc => Some(Action::Cancel),
                KeyCode::Enter => Some(Action::Select),
                KeyCode::Backspace => Some(Action::Backspace),
                KeyCode::Char(c) if !ctrl => Some(Action::Type(c)),
                _ => None,
            };
        }
        self.keymap.action_for(Key::from_event(key))
    }

    /// Applies one action. Pure: no I/O, only state.
    pub fn update(&mut self, action: Action) {
        if !matches!(
            action,
            Action::Resize(..) | Action::AnalysisReady(_) | Action::Type(_) | Action::Backspace
        ) {
            self.notice = None;
        }
        if self.help {
            match action {
                Action::Quit => self.quit = true,
                Action::Resize(w, h) => self.resize(w, h),
                Action::AnalysisReady(a) => self.set_analysis(*a),
                // Any other key closes the help.
                _ => self.help = false,
            }
            return;
        }
        if let Some(pending) = self.pending.take() {
            match action {
                Action::Type(c) => self.mark_letter(pending, c),
                Action::Quit => self.quit = true,
                Action::Resize(w, h) => self.resize(w, h),
                Action::AnalysisReady(a) => self.set_analysis(*a),
                _ => {}
            }
            return;
        }
        if self.prompt.is_some() {
            match action {
                Action::Type(_) | Action::Backspace | Action::Select | Action::Cancel => {
                    self.edit_prompt(action);
                    return;
                }
                Action::Quit | Action::Resize(..) | Action::AnalysisReady(_) => {}
                _ => return,
            }
        }
        let sidebar = self.focus == Focus::Sidebar;
        let xray = sidebar && self.xray.is_some();
        match action {
            Action::Down if xray => self.move_xray(1),
            Action::Up if xray => self.move_xray(-1),
            Action::PageDown | Action::HalfPageDown if xray => {
                self.move_xray(self.page_rows() as isize / 2)
            }
            Action::PageUp | Action::HalfPageUp if xray => {
                self.move_xray(-(self.page_rows() as isize / 2))
            }
            Action::Top if xray => self.move_xray(isize::MIN / 2),
            Action::Bottom if xray => self.move_xray(isize::MAX / 2),
            Action::Select if xray => self.xray_select(),
            Action::Cancel if xray => self.xray = None,
            Action::Down if sidebar => self.move_selection(1),
            Action::Up if sidebar => self.move_selection(-1),
            Action::PageDown if sidebar => self.move_selection(self.page_rows() as isize / 2),
            Action::PageUp if sidebar => self.move_selection(-(self.page_rows() as isize / 2)),
            Action::HalfPageDown if sidebar => self.move_selection(self.page_rows() as isize / 4),
            Action::HalfPageUp if sidebar => self.move_selection(-(self.page_rows() as isize / 4)),
            Action::Top if sidebar => self.move_selection(isize::MIN / 2),
            Action::Bottom if sidebar => self.move_selection(isize::MAX / 2),
            Action::Down => self.scroll(1),
            Action::Up => self.scroll(-1),
            Action::PageDown => self.scroll(self.page_rows().saturating_sub(1).max(1) as isize),
            Action::PageUp => self.scroll(-(self.page_rows().saturating_sub(1).max(1) as isize)),
            Action::HalfPageDown => self.scroll((self.page_rows() / 2).max(1) as isize),
            Action::HalfPageUp => self.scroll(-((self.page_rows() / 2).max(1) as isize)),
            Action::Top => self.scroll_to_row(0),
            Action::Bottom => self.scroll_to_row(usize::MAX),
            Action::ToggleFocus => {
                self.focus = if sidebar {
                    Focus::Reader
                } else {
                    Focus::Sidebar
                };
            }
            Action::ShowEntities => {
                self.xray = None;
                self.tab = Tab::Entities;
                self.focus = Focus::Sidebar;
            }
            Action::ShowQuotes => self.show_quotes(),
            Action::Search => {
                if sidebar {
                    // The filter is the list's: leave the X-Ray for it.
                    self.xray = None;
                    self.prompt = Some(Prompt::Filter);
                } else {
                    self.prompt = Some(Prompt::Search {
                        query: String::new(),
                        hits: Vec::new(),
                    });
                }
            }
            Action::Select if sidebar => self.select(),
            Action::Select => {}
            Action::Cancel => {
                if sidebar && !self.filter().is_empty() {
                    self.filter_mut().clear();
                    self.clamp_selection();
                }
            }
            Action::NextHit => self.step_hit(true),
            Action::PrevHit => self.step_hit(false),
            Action::SpeakerOnly => self.toggle_speaker_only(),
            Action::XRay => self.open_xray(),
            Action::SetMark => {
                self.pending = Some(Pending::SetMark);
                self.notice = Some("Mark: type a letter".into());
            }
            Action::GoToMark => {
                self.pending = Some(Pending::GoToMark);
                self.notice = Some("Go to mark: type a letter".into());
            }
            Action::OnlyTarget => self.toggle_only_target(),
            Action::CopyQuote => self.copy_quote(),
            Action::CopyParagraph => self.copy_paragraph(),
            Action::Help => self.help = true,
            Action::Quit => self.quit = true,
            Action::Resize(w, h) => self.resize(w, h),
            Action::Type(_) | Action::Backspace => {}
            Action::Wheel { column, row, lines } => self.wheel(column, row, lines),
            Action::Click { column, row } => self.click(column, row),
            Action::AnalysisReady(a) => self.set_analysis(*a),
        }
    }

    /// Takes the analysis: indexes mentions and quotes inside the reading flow.
    fn set_analysis(&mut self, analysis: Analysis) {
        let len = self.article.text().len();
        let mut marks = Vec::new();
        for (i, e) in analysis.entities.iter().enumerate() {
            for m in &e.mentions {
                if m.start < m.end && m.end <= len && self.in_flow(m.start) {
                    marks.push(Mark {
                        start: m.start,
                        end: m.end,
                        entity: i,
                    });
                }
            }
        }
        marks.sort_by_key(|m| (m.start, m.end));
        let text = self.article.text();
        let mut quote_spans: Vec<_> = analysis
            .quotes
            .iter()
            .enumerate()
            .filter(|(_, q)| q.start < q.end && q.end <= len)
            .map(|(i, q)| {
                // The quotation marks around the words take the quote's style too.
                let before = text.get(..q.start).and_then(|t| t.chars().next_back());
                let after = text.get(q.end..).and_then(|t| t.chars().next());
                let start = match before {
                    Some(c) if is_quote_mark(c) => q.start - c.len_utf8(),
                    _ => q.start,
                };
                let end = match after {
                    Some(c) if is_quote_mark(c) => q.end + c.len_utf8(),
                    _ => q.end,
                };
                (i, start, end)
            })
            .collect();
        quote_spans.sort_by_key(|&(_, s, e)| (s, e));
        let mut order: Vec<usize> = (0..analysis.entities.len()).collect();
        let es = &analysis.entities;
        order.sort_by(|&x, &y| {
            es[x]
                .kind
                .cmp(&es[y].kind)
                .then(es[y].mentions.len().cmp(&es[x].mentions.len()))
                .then(es[x].name.cmp(&es[y].name))
        });
        self.entity_order = order;
        self.marks = marks;
        self.quote_spans = quote_spans;
        self.analysis = Some(analysis);
        self.xray = None;
        self.clamp_selection();
    }

    fn in_flow(&self, byte: usize) -> bool {
        self.article
            .block_at(byte)
            .and_then(|i| self.article.blocks.get(i))
            .is_some_and(|b| b.kind.is_read() && byte < b.end)
    }

    /// The first resize of a session, before the first frame: when the view opens at the top
    /// of the article, only the rows of the first screen are laid out, so a book shows at once.
    /// The caller sends the real [`Action::Resize`] right after that frame; it lays out the
    /// whole article.
    pub fn resize_first_screen(&mut self, width: u16, height: u16) {
        self.width = width;
        self.height = height;
        let Some(measure) = self.measure() else {
            return;
        };
        let page = self.page_rows();
        let head = Layout::head(&self.article, measure, page + 1);
        if !self.only_target && head.row_for_anchor(self.top) + page < head.len() {
            self.layout = Arc::new(head);
        } else {
            self.resize(width, height);
        }
    }

    /// The width rows are wrapped to on the current screen, or `None` when it is too small.
    fn measure(&self) -> Option<usize> {
        self.geometry()
            .map(|g| (g.text.width as usize).max(wrap::MIN_WIDTH))
    }

    /// The layout of the whole article at `measure`: from the cache, or made and cached.
    fn full_layout(&mut self, measure: usize) -> Arc<Layout> {
        if let Some(found) = self.cache.iter().find(|l| l.width == measure) {
            return found.clone();
        }
        let layout = Arc::new(Layout::new(&self.article, measure));
        self.cache.push(layout.clone());
        if self.cache.len() > LAYOUT_CACHE {
            self.cache.remove(0);
        }
        layout
    }

    fn resize(&mut self, width: u16, height: u16) {
        self.width = width;
        self.height = height;
        // Too small to draw: keep the layout (and the place) until the screen grows.
        let Some(measure) = self.measure() else {
            return;
        };
        if self.only_target {
            if self.layout.width != measure {
                self.relayout();
            }
        } else if self.layout.width != measure || self.layout.is_filtered() {
            self.layout = self.full_layout(measure);
        }
        // The anchor stays; only a position past the new last page moves.
        let row = self.top_row();
        if row > self.max_top_row() {
            self.scroll_to_row(row);
        }
        self.compute_ticks();
    }

    fn scroll(&mut self, delta: isize) {
        let row = self.top_row() as isize + delta;
        self.scroll_to_row(row.max(0) as usize);
    }

    fn scroll_to_row(&mut self, row: usize) {
        if self.layout.is_empty() {
            return;
        }
        let row = row.min(self.max_top_row());
        self.top = self.layout.anchor_for_row(row);
    }

    /// Scrolls so that `byte` shows a few rows below the top.
    pub fn jump_to(&mut self, byte: usize) {
        let row = self.layout.row_for_byte(&self.article, byte);
        self.scroll_to_row(row.saturating_sub(JUMP_MARGIN));
    }

    /// The entities in list order: grouped by kind, most mentioned first, filtered.
    pub fn entity_items(&self) -> Vec<usize> {
        let Some(a) = &self.analysis else {
            return Vec::new();
        };
        if self.entity_filter.is_empty() {
            return self.entity_order.clone();
        }
        // Accents and case do not matter: `natasha` finds Natásha.
        let filter = search::fold(&self.entity_filter);
        let matches = |s: &str| search::fold(s).contains(&filter);
        self.entity_order
            .iter()
            .copied()
            .filter(|&i| {
                a.entities
                    .get(i)
                    .is_some_and(|e| matches(&e.name) || e.aliases.iter().any(|x| matches(x)))
            })
            .collect()
    }

    /// The Entities list with kind headings, and the line of each item.
    pub fn entity_lines(&self) -> Vec<EntityLine> {
        let Some(a) = &self.analysis else {
            return Vec::new();
        };
        let items = self.entity_items();
        let mut lines = Vec::with_capacity(items.len() + 10);
        let mut last: Option<EntityKind> = None;
        for &i in &items {
            let kind = a.entities[i].kind;
            if last != Some(kind) {
                let count = items
                    .iter()
                    .filter(|&&j| a.entities[j].kind == kind)
                    .count();
                lines.push(EntityLine::Heading(kind, count));
                last = Some(kind);
            }
            lines.push(EntityLine::Entity(i));
        }
        lines
    }

    /// The quotes in list order (document order), filtered, and only the target's with `s`.
    pub fn quote_items(&self) -> Vec<usize> {
        let Some(a) = &self.analysis else {
            return Vec::new();
        };
        let speaker = if self.speaker_only {
            self.target.as_ref().and_then(|t| t.entity)
        } else {
            None
        };
        let filter = search::fold(&self.quote_filter);
        let matches = |s: &str| search::fold(s).contains(&filter);
        self.quote_spans
            .iter()
            .map(|&(i, _, _)| i)
            .filter(|&i| {
                let Some(q) = a.quotes.get(i) else {
                    return false;
                };
                if speaker.is_some() && q.speaker != speaker {
                    return false;
                }
                filter.is_empty()
                    || matches(&self.speaker_name(i))
                    || self.article.text().get(q.start..q.end).is_some_and(matches)
            })
            .collect()
    }

    /// Who said quote `i`, as shown in the list.
    pub fn speaker_name(&self, i: usize) -> String {
        let Some(a) = &self.analysis else {
            return String::new();
        };
        let Some(q) = a.quotes.get(i) else {
            return String::new();
        };
        q.speaker
            .and_then(|s| a.entities.get(s))
            .map(|e| e.name.clone())
            .or_else(|| q.speaker_text.clone())
            .unwrap_or_else(|| "unattributed".to_string())
    }

    /// The filter of the current tab.
    pub fn filter(&self) -> &str {
        match self.tab {
            Tab::Entities => &self.entity_filter,
            Tab::Quotes => &self.quote_filter,
        }
    }

    fn filter_mut(&mut self) -> &mut String {
        match self.tab {
            Tab::Entities => &mut self.entity_filter,
            Tab::Quotes => &mut self.quote_filter,
        }
    }

    fn item_count(&self) -> usize {
        match self.tab {
            Tab::Entities => self.entity_items().len(),
            Tab::Quotes => self.quote_items().len(),
        }
    }

    fn move_selection(&mut self, delta: isize) {
        let n = self.item_count();
        if n == 0 {
            return;
        }
        let clamp = |i: isize| i.clamp(0, n as isize - 1) as usize;
        match self.tab {
            Tab::Entities => self.entity_sel = clamp(self.entity_sel as isize + delta),
            Tab::Quotes => {
                let from = self
                    .quote_sel
                    .map_or(if delta > 0 { -1 } else { 0 }, |s| s as isize);
                self.quote_sel = Some(clamp(from + delta));
            }
        }
    }

    fn clamp_selection(&mut self) {
        let ne = self.entity_items().len();
        self.entity_sel = self.entity_sel.min(ne.saturating_sub(1));
        let nq = self.quote_items().len();
        self.quote_sel = match self.quote_sel {
            _ if nq == 0 => None,
            Some(s) => Some(s.min(nq - 1)),
            None => None,
        };
    }

    fn show_quotes(&mut self) {
        self.xray = None;
        self.tab = Tab::Quotes;
        self.focus = Focus::Sidebar;
        if self.quote_sel.is_none() && !self.quote_items().is_empty() {
            self.quote_sel = Some(0);
        }
    }

    /// Enter in the sidebar: target the entity and go to its next mention, or go to the quote.
    fn select(&mut self) {
        match self.tab {
            Tab::Entities => {
                if let Some(&e) = self.entity_items().get(self.entity_sel) {
                    self.target_entity(e, None);
                    self.step_hit(true);
                }
            }
            Tab::Quotes => {
                let items = self.quote_items();
                let Some(&q) = self.quote_sel.and_then(|s| items.get(s)) else {
                    return;
                };
                if let Some(&(_, start, _)) = self.quote_spans.iter().find(|s| s.0 == q) {
                    self.current_quote = Some(q);
                    self.jump_to(start);
                }
            }
        }
    }

    /// Makes entity `e` the target; `current` is the hit to count from, if known.
    fn target_entity(&mut self, e: usize, current: Option<usize>) {
        if self.target.as_ref().is_some_and(|t| t.entity == Some(e)) {
            if current.is_some() {
                if let Some(t) = &mut self.target {
                    t.current = current;
                }
            }
            return;
        }
        let Some(entity) = self.analysis.as_ref().and_then(|a| a.entities.get(e)) else {
            return;
        };
        let label = entity.name.clone();
        let hits = self
            .marks
            .iter()
            .filter(|m| m.entity == e)
            .map(|m| (m.start, m.end))
            .collect();
        self.target = Some(Target {
            label,
            entity: Some(e),
            hits,
            current,
        });
        // With `s` on, the Quotes list follows the target.
        self.clamp_selection();
        self.target_changed();
    }

    /// `n` / `N`: the next or previous hit, from the current one or from the top of the view,
    /// wrapping around the ends with a notice.
    fn step_hit(&mut self, forward: bool) {
        let top_byte = self.top.byte;
        let Some(t) = &mut self.target else {
            self.notice = Some("No target: choose an entity (Enter) or search (/)".into());
            return;
        };
        let n = t.hits.len();
        if n == 0 {
            self.notice = Some(format!("No matches for {}", wrap::sanitize_line(&t.label)));
            return;
        }
        let (next, wrapped) = match (t.current, forward) {
            (Some(i), true) => ((i + 1) % n, i + 1 >= n),
            (Some(i), false) => ((i + n - 1) % n, i == 0),
            (None, true) => match t.hits.iter().position(|h| h.0 >= top_byte) {
                Some(i) => (i, false),
                None => (0, true),
            },
            (None, false) => match t.hits.iter().rposition(|h| h.0 < top_byte) {
                Some(i) => (i, false),
                None => (n - 1, true),
            },
        };
        t.current = Some(next);
        let byte = t.hits[next].0;
        if wrapped {
            self.notice = Some(if forward {
                "Wrapped around to the first hit".into()
            } else {
                "Wrapped around to the last hit".into()
            });
        }
        self.jump_to(byte);
    }

    fn toggle_speaker_only(&mut self) {
        if self.speaker_only {
            self.speaker_only = false;
        } else if self.target.as_ref().is_some_and(|t| t.entity.is_some()) {
            self.speaker_only = true;
            self.show_quotes();
        } else {
            self.notice = Some("Choose an entity first (Enter in Entities)".into());
            return;
        }
        self.quote_sel = if self.quote_items().is_empty() {
            None
        } else {
            Some(0)
        };
    }

    fn edit_prompt(&mut self, action: Action) {
        let Some(prompt) = self.prompt.take() else {
            return;
        };
        match (prompt, action) {
            (Prompt::Search { mut query, .. }, Action::Type(c)) => {
                query.push(c);
                let hits = self.search_hits(&query);
                self.prompt = Some(Prompt::Search { query, hits });
            }
            (Prompt::Search { mut query, .. }, Action::Backspace) => {
                query.pop();
                let hits = self.search_hits(&query);
                self.prompt = Some(Prompt::Search { query, hits });
            }
            (Prompt::Search { query, hits }, Action::Select) => {
                if query.is_empty() {
                    return;
                }
                self.target = Some(Target {
                    label: format!("/{query}"),
                    entity: None,
                    hits,
                    current: None,
                });
                self.target_changed();
                self.step_hit(true);
            }
            (Prompt::Search { .. }, _) => {}
            (Prompt::Filter, Action::Type(c)) => {
                self.prompt = Some(Prompt::Filter);
                self.filter_mut().push(c);
                self.reset_selection();
            }
            (Prompt::Filter, Action::Backspace) => {
                self.prompt = Some(Prompt::Filter);
                self.filter_mut().pop();
                self.reset_selection();
            }
            (Prompt::Filter, Action::Select) => self.reset_selection(),
            (Prompt::Filter, _) => {
                self.filter_mut().clear();
                self.clamp_selection();
            }
        }
    }

    fn reset_selection(&mut self) {
        match self.tab {
            Tab::Entities => self.entity_sel = 0,
            Tab::Quotes => {
                self.quote_sel = (!self.quote_items().is_empty()).then_some(0);
            }
        }
    }

    /// The matches of a query inside the reading flow.
    fn search_hits(&self, query: &str) -> Vec<(usize, usize)> {
        let folded = self
            .folded
            .get_or_init(|| search::Folded::new(self.article.text()));
        search::find_all_folded(folded, self.article.text(), query)
            .into_iter()
            .filter(|h| self.in_flow(h.0))
            .collect()
    }

    /// The hits to highlight: the live search while typing, else the target's.
    pub fn highlighted_hits(&self) -> &[(usize, usize)] {
        match (&self.prompt, &self.target) {
            (Some(Prompt::Search { hits, .. }), _) => hits,
            (_, Some(t)) => &t.hits,
            _ => &[],
        }
    }

    /// The hit jumped to last, if any.
    pub fn current_hit(&self) -> Option<(usize, usize)> {
        if matches!(self.prompt, Some(Prompt::Search { .. })) {
            return None;
        }
        let t = self.target.as_ref()?;
        t.hits.get(t.current?).copied()
    }

    /// `¶ i/n` and percent through the text, for the status line.
    pub fn position(&self) -> (usize, usize, usize) {
        let block = self.layout.rows.get(self.top_row()).map_or(0, |r| r.block);
        let para = self.flow_number.get(block).copied().unwrap_or(0);
        let max = self.max_top_row();
        let pct = (self.top_row() * 100).checked_div(max).unwrap_or(100);
        (para, self.flow_len, pct)
    }

    /// The first line of the sidebar list shown, so that `selected` (a line) is visible.
    pub fn list_offset(selected_end: usize, height: usize) -> usize {
        selected_end.saturating_sub(height)
    }

    fn wheel(&mut self, column: u16, row: u16, lines: i16) {
        let Some(g) = self.geometry() else {
            return;
        };
        let pos = ratatui::layout::Position::new(column, row);
        if g.sidebar.contains(pos) && self.xray.is_some() {
            self.move_xray(lines.signum() as isize);
        } else if g.sidebar.contains(pos) {
            self.move_selection(lines.signum() as isize);
        } else if g.reader.contains(pos) {
            self.scroll(lines as isize);
        }
    }

    fn click(&mut self, column: u16, row: u16) {
        let Some(g) = self.geometry() else {
            return;
        };
        let pos = ratatui::layout::Position::new(column, row);
        let inner = g.sidebar_inner();
        if row == g.sidebar.y && g.sidebar.contains(pos) {
            // The tab labels sit on the top border; the right half of it is the Quotes tab.
            if column < g.sidebar.x + g.sidebar.width / 2 {
                self.update(Action::ShowEntities);
            } else {
                self.show_quotes();
            }
        } else if inner.contains(pos) && self.xray.is_some() {
            // The X-Ray's lines are chosen with the keys.
            self.focus = Focus::Sidebar;
        } else if inner.contains(pos) {
            self.focus = Focus::Sidebar;
            let line = (row - inner.y) as usize;
            self.click_list(line, inner.height as usize);
        } else if g.text.contains(pos) {
            self.focus = Focus::Reader;
            let r = self.top_row() + (row - g.text.y) as usize;
            let Some(byte) = self.byte_at(r, (column - g.text.x) as usize) else {
                return;
            };
            let Some(k) = self
                .marks
                .iter()
                .position(|m| m.start <= byte && byte < m.end)
            else {
                return;
            };
            let e = self.marks[k].entity;
            self.target = None;
            self.target_entity(e, None);
            if let Some(t) = &mut self.target {
                t.current = t.hits.iter().position(|h| h.0 == self.marks[k].start);
            }
        }
    }

    /// Selects the list item drawn on `line` of the sidebar's inside.
    fn click_list(&mut self, line: usize, height: usize) {
        match self.tab {
            Tab::Entities => {
                let lines = self.entity_lines();
                let sel_line = self.entity_line_of(self.entity_sel, &lines);
                let offset = Self::list_offset(sel_line + 1, height);
                if let Some(EntityLine::Entity(e)) = lines.get(offset + line) {
                    if let Some(i) = self.entity_items().iter().position(|x| x == e) {
                        self.entity_sel = i;
                    }
                }
            }
            Tab::Quotes => {
                let n = self.quote_items().len();
                let sel = self.quote_sel.unwrap_or(0);
                let offset = Self::list_offset((sel + 1) * 2, height);
                let i = (offset + line) / 2;
                if i < n {
                    self.quote_sel = Some(i);
                }
            }
        }
    }

    /// The line of the Entities list that shows item `sel`.
    pub fn entity_line_of(&self, sel: usize, lines: &[EntityLine]) -> usize {
        let mut seen = 0;
        for (i, l) in lines.iter().enumerate() {
            if let EntityLine::Entity(_) = l {
                if seen == sel {
                    return i;
                }
                seen += 1;
            }
        }
        0
    }

    /// The byte of the article drawn at column `col` of layout row `row`.
    fn byte_at(&self, row: usize, col: usize) -> Option<usize> {
        let r = self.layout.rows.get(row)?;
        if r.gap {
            return None;
        }
        let text = self.article.text().get(r.start..r.end)?;
        let mut x = r.indent as usize;
        let mut pending = false;
        let mut found = None;
        wrap::for_each_unit(text, r.start, |u| match u {
            wrap::Unit::Space { .. } => pending = x > r.indent as usize,
            wrap::Unit::Glyph { start, width, .. } => {
                if pending {
                    x += 1;
                    pending = false;
                }
                if found.is_none() && col >= x && col < x + width {
                    found = Some(start);
                }
                x += width;
            }
        });
        found
    }
}

/// X-Ray, marks, `&`, the minimap and copying.
impl App {
    /// `i`: the X-Ray of the entity selected in the list, or of the target from the reader.
    fn open_xray(&mut self) {
        let from_list = self.focus == Focus::Sidebar && self.tab == Tab::Entities;
        let entity = if from_list {
            self.entity_items().get(self.entity_sel).copied()
        } else {
            self.target.as_ref().and_then(|t| t.entity).or_else(|| {
                (self.tab == Tab::Entities)
                    .then(|| self.entity_items().get(self.entity_sel).copied())
                    .flatten()
            })
        };
        let Some(e) = entity else {
            self.notice = Some("Choose an entity first (Tab, then j/k)".into());
            return;
        };
        let Some(a) = &self.analysis else {
            return;
        };
        let mut items: Vec<XRayItem> = self
            .marks
            .iter()
            .filter(|m| m.entity == e)
            .enumerate()
            .map(|(index, m)| XRayItem::Mention {
                index,
                start: m.start,
                end: m.end,
            })
            .collect();
        items.extend(
            self.quote_spans
                .iter()
                .filter(|&&(q, _, _)| a.quotes.get(q).is_some_and(|q| q.speaker == Some(e)))
                .map(|&(q, _, _)| XRayItem::Quote(q)),
        );
        // Start on the mention at or after the top of the view.
        let top = self.top.byte;
        let sel = items
            .iter()
            .position(|i| matches!(i, XRayItem::Mention { start, .. } if *start >= top))
            .unwrap_or(0);
        self.xray = Some(XRay {
            entity: e,
            items,
            sel,
        });
        self.tab = Tab::Entities;
        self.focus = Focus::Sidebar;
    }

    fn move_xray(&mut self, delta: isize) {
        if let Some(x) = &mut self.xray {
            let n = x.items.len() as isize;
            if n > 0 {
                x.sel = (x.sel as isize + delta).clamp(0, n - 1) as usize;
            }
        }
    }

    /// Enter in the X-Ray: go to the mention (the entity becomes the target, counting from
    /// that hit) or to the quote.
    fn xray_select(&mut self) {
        let Some(x) = &self.xray else {
            return;
        };
        let entity = x.entity;
        match x.items.get(x.sel).copied() {
            Some(XRayItem::Mention { index, start, .. }) => {
                self.target_entity(entity, Some(index));
                if let Some(t) = &mut self.target {
                    t.current = Some(index);
                }
                self.jump_to(start);
            }
            Some(XRayItem::Quote(q)) => {
                if let Some(&(_, start, _)) = self.quote_spans.iter().find(|s| s.0 == q) {
                    self.current_quote = Some(q);
                    self.jump_to(start);
                }
            }
            None => {}
        }
    }

    /// The letter after `m` or `'`.
    fn mark_letter(&mut self, pending: Pending, c: char) {
        if !c.is_ascii_alphabetic() {
            self.notice = Some("Marks are letters a–z, A–Z".into());
            return;
        }
        match pending {
            Pending::SetMark => {
                self.bookmarks.insert(c, self.top);
                self.notice = Some(format!("Mark {c} set"));
            }
            Pending::GoToMark => match self.bookmarks.get(&c).copied() {
                Some(anchor) => {
                    self.top = anchor;
                    let row = self.top_row();
                    self.scroll_to_row(row);
                    self.notice = Some(format!("Back at mark {c}"));
                }
                None => self.notice = Some(format!("No mark {c}")),
            },
        }
    }

    /// The target changed: its ticks, and the `&` layout when on.
    fn target_changed(&mut self) {
        if self.only_target {
            // A target with no hits would leave nothing to read: show everything again.
            if self.target.as_ref().is_none_or(|t| t.hits.is_empty()) {
                self.only_target = false;
            }
            self.relayout();
        }
        self.compute_ticks();
    }

    /// Lays out again at the current measure, keeping the place: only the target's
    /// paragraphs with `&`, all of them (from the cache) otherwise.
    fn relayout(&mut self) {
        let Some(measure) = self.measure() else {
            return;
        };
        let keep = self.only_target.then(|| {
            let mut keep = vec![false; self.article.blocks.len()];
            for &(start, _) in self.target.as_ref().map_or(&[][..], |t| &t.hits) {
                if let Some(k) = self.article.block_at(start).and_then(|b| keep.get_mut(b)) {
                    *k = true;
                }
            }
            keep
        });
        self.layout = match keep {
            Some(keep) => Arc::new(Layout::filtered(&self.article, measure, &keep)),
            None => self.full_layout(measure),
        };
        let row = self.top_row();
        self.scroll_to_row(row);
        self.compute_ticks();
    }

    /// `&`: only the paragraphs with a hit of the target, or all again.
    fn toggle_only_target(&mut self) {
        if self.only_target {
            self.only_target = false;
            self.relayout();
            self.notice = Some("Showing every paragraph".into());
            return;
        }
        match &self.target {
            Some(t) if !t.hits.is_empty() => {
                self.only_target = true;
                self.relayout();
                let label = wrap::sanitize_line(self.target.as_ref().map_or("", |t| &t.label));
                self.notice = Some(format!("Only paragraphs with {label} (& shows all)"));
            }
            _ => self.notice = Some("No target to filter by: Enter on an entity or /".into()),
        }
    }

    /// Rows of the scrollbar with a hit of the target: each hit's layout row scaled to the
    /// height of the text column.
    fn compute_ticks(&mut self) {
        self.ticks.clear();
        let (Some(t), Some(g)) = (&self.target, self.geometry()) else {
            return;
        };
        let rows = self.layout.len();
        let h = g.text.height as usize;
        if rows == 0 || h == 0 {
            return;
        }
        for &(start, _) in &t.hits {
            let row = self.layout.row_for_byte(&self.article, start);
            // A text shorter than the pane gets its ticks on the rows themselves.
            let tick = (row * h / rows.max(h)).min(h - 1) as u16;
            if self.ticks.last() != Some(&tick) {
                self.ticks.push(tick);
            }
        }
        self.ticks.dedup();
    }

    /// The quote `y` copies: the selected one in the Quotes tab or the X-Ray, else the quote
    /// last jumped to, else the first one on the screen.
    pub fn quote_to_copy(&self) -> Option<usize> {
        if self.focus == Focus::Sidebar {
            if let Some(x) = &self.xray {
                if let Some(XRayItem::Quote(q)) = x.items.get(x.sel) {
                    return Some(*q);
                }
            } else if self.tab == Tab::Quotes {
                let items = self.quote_items();
                if let Some(&q) = self.quote_sel.and_then(|s| items.get(s)) {
                    return Some(q);
                }
            }
        }
        let top = self.top_row();
        let first = self.layout.rows.get(top).map(|r| r.start)?;
        let last = self
            .layout
            .rows
            .get(
                (top + self.page_rows())
                    .min(self.layout.len())
                    .saturating_sub(1),
            )
            .map_or(first, |r| r.end);
        let visible = |q: usize| {
            self.quote_spans
                .iter()
                .any(|&(i, s, e)| i == q && e > first && s < last)
        };
        if let Some(q) = self.current_quote.filter(|&q| visible(q)) {
            return Some(q);
        }
        self.quote_spans
            .iter()
            .find(|&&(_, s, e)| e > first && s < last)
            .map(|&(q, _, _)| q)
    }

    /// The text `y` puts on the clipboard for quote `q`.
    pub fn quote_citation(&self, q: usize) -> Option<String> {
        let quote = self.analysis.as_ref()?.quotes.get(q)?;
        let words = self.article.text().get(quote.start..quote.end)?;
        let speaker = self.speaker_name(q);
        let speaker = (quote.speaker.is_some() || quote.speaker_text.is_some()).then_some(speaker);
        Some(copy::citation(
            words,
            speaker.as_deref(),
            &self.article.meta,
        ))
    }

    fn copy_quote(&mut self) {
        match self
            .quote_to_copy()
            .and_then(|q| Some((q, self.quote_citation(q)?)))
        {
            Some((q, text)) => {
                let who = wrap::sanitize_line(&self.speaker_name(q));
                self.notice = Some(format!(
                    "Copied the quote of {who} ({} characters)",
                    text.chars().count()
                ));
                self.effects.push(Effect::Copy(text));
            }
            None => self.notice = Some("No quote here to copy".into()),
        }
    }

    fn copy_paragraph(&mut self) {
        let block = self
            .layout
            .rows
            .get(self.top_row())
            .map_or(self.top.block, |r| r.block);
        let Some(b) = self.article.blocks.get(block) else {
            return;
        };
        let text = copy::collapse(self.article.text().get(b.start..b.end).unwrap_or(""));
        if text.is_empty() {
            self.notice = Some("No paragraph here to copy".into());
            return;
        }
        let para = self.flow_number.get(block).copied().unwrap_or(0);
        self.notice = Some(format!(
            "Copied paragraph ¶{para} ({} characters)",
            text.chars().count()
        ));
        self.effects.push(Effect::Copy(text));
    }

    /// What to remember of this article: the place and the marks.
    pub fn saved(&self) -> crate::state::Saved {
        crate::state::Saved {
            block: self.top.block,
            byte: self.top.byte,
            marks: self
                .bookmarks
                .iter()
                .map(|(&c, a)| {
                    (
                        c,
                        crate::state::Anchor {
                            block: a.block,
                            byte: a.byte,
                        },
                    )
                })
                .collect(),
            saved_at: 0,
        }
    }

    /// Goes back to a remembered place (and its marks); anchors that do not fit this
    /// article are ignored. Returns whether the place was restored.
    pub fn restore(&mut self, saved: &crate::state::Saved) -> bool {
        let fits = |block: usize, byte: usize| {
            self.article
                .blocks
                .get(block)
                .is_some_and(|b| b.start <= byte && byte <= b.end)
        };
        for (&c, a) in &saved.marks {
            if c.is_ascii_alphabetic() && fits(a.block, a.byte) {
                self.bookmarks.insert(
                    c,
                    Anchor {
                        block: a.block,
                        byte: a.byte,
                    },
                );
            }
        }
        if !fits(saved.block, saved.byte) {
            return false;
        }
        self.top = Anchor {
            block: saved.block,
            byte: saved.byte,
        };
        let row = self.top_row();
        self.scroll_to_row(row);
        true
    }
}

/// Whether a character opens or closes a quotation.
fn is_quote_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201C}'
            | '\u{201D}'
            | '\u{2018}'
            | '\u{2019}'
            | '\u{00AB}'
            | '\u{00BB}'
            | '\u{201E}'
    )
}

#[cfg(test)]
mod tests;
