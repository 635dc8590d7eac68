//! The reader's state, and [`App::update`]: the one place it changes.
//!
//! The app is a root that routes: keys, the mouse, resizes and the background analysis arrive
//! as [`Action`]s; the [`Mode`] says who gets them (the focused pane, the prompt, the overlay on
//! top, a key waiting for its letter). Each component — the [`Reader`], the [`Sidebar`], the
//! overlays — owns its state and handles its own actions, and asks for anything else with a
//! [`Command`] that the app carries out. `update` is pure (no I/O), so tests drive the whole
//! reader without a terminal.

pub mod action;
pub mod component;
pub mod copy;
pub mod doc;
#[doc(hidden)]
pub mod fixture;
pub mod geometry;
pub mod jumps;
pub mod keymap;
pub mod list;
pub mod mode;
pub mod overlay;
pub mod reader;
pub mod search;
pub mod sidebar;

use std::collections::VecDeque;
use std::sync::Arc;

use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::{Position as Cell, Rect};

pub use action::Action;
pub use component::{Command, Ctx, Handled};
pub use doc::Doc;
pub use geometry::Geometry;
pub use keymap::{Key, KeyMode, Keymap};
pub use mode::{Mode, Pending, Prompt, PromptKind};
pub use overlay::Overlay;
pub use reader::{Reader, Target, JUMP_MARGIN};
pub use sidebar::{Sidebar, Tab};

use crate::analysis::Analysis;
use crate::article::Article;
use crate::layout::Anchor;
use crate::state::Saved;
use crate::theme::Theme;
use mode::History;

/// Lines the mouse wheel scrolls per notch.
pub const WHEEL_LINES: i16 = 3;
/// Columns `<` and `>` take from or give to the text column.
const WIDTH_STEP: u16 = 4;
/// The largest count before `%` that is read (more digits are ignored).
const MAX_COUNT: u32 = 1_000_000;

/// Which pane receives keys in the normal mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The text.
    Reader,
    /// The sidebar's list (drawn over the text when there is no room beside it).
    Sidebar,
}

/// What the event loop should do for the reader: kept out of `update`, which stays pure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put this text on the clipboard (OSC 52).
    Copy(String),
    /// Suspend to the shell (`Ctrl-z`); the screen is drawn afresh on return.
    Suspend,
}

/// How the reader starts: from the config, the state folder and the command line.
#[derive(Debug, Clone)]
pub struct Settings {
    pub keymap: Keymap,
    pub theme: Theme,
    /// The widest the text column grows, and the sidebar's width (`None`: automatic).
    pub text_width: Option<u16>,
    pub sidebar_width: Option<u16>,
    /// The reading speed the time left is counted at.
    pub words_per_minute: u16,
    /// Shown on the status line at the start (a bad config, a corrupt state file).
    pub notices: Vec<String>,
    /// The place, marks and text width remembered for this article.
    pub saved: Option<Saved>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            keymap: Keymap::default(),
            theme: Theme::default(),
            text_width: None,
            sidebar_width: None,
            words_per_minute: crate::config::WORDS_PER_MINUTE,
            notices: Vec::new(),
            saved: None,
        }
    }
}

/// The whole state of the reader.
#[derive(Debug)]
pub struct App {
    doc: Doc,
    reader: Reader,
    sidebar: Sidebar,
    mode: Mode,
    focus: Focus,
    keymap: Keymap,
    theme: Theme,
    width: u16,
    height: u16,
    /// How the screen is divided: the config's widths, `z`, and the width `<`/`>` chose.
    view: geometry::Settings,
    /// The text width chosen with `<` and `>` (kept with the place), over the config's.
    chosen_width: Option<u16>,
    words_per_minute: u16,
    /// A one-off message for the status line (wrap-around, nothing found, …).
    notice: Option<String>,
    effects: Vec<Effect>,
    searches: History,
    filters: History,
    quit: bool,
}

/// The context the components read, built from the app's fields so that a component can be
/// borrowed mutably beside it.
fn ctx<'a>(
    doc: &'a Doc,
    keymap: &'a Keymap,
    geometry: Option<Geometry>,
    reader: &Reader,
) -> Ctx<'a> {
    Ctx {
        doc,
        keymap,
        geometry,
        target_entity: reader.target().and_then(Target::entity),
        top: reader.top(),
    }
}

impl App {
    /// A reader for `article` opened as `source`, with the default settings; `analysis` is
    /// `None` until the background analysis reports.
    pub fn new(article: Arc<Article>, source: &str, analysis: Option<Analysis>) -> App {
        App::with_settings(article, source, analysis, Settings::default())
    }

    /// A reader with the given settings; a remembered place is restored.
    pub fn with_settings(
        article: Arc<Article>,
        source: &str,
        analysis: Option<Analysis>,
        settings: Settings,
    ) -> App {
        let doc = Doc::new(article, source, analysis);
        let reader = Reader::new(&doc);
        let mut app = App {
            doc,
            reader,
            sidebar: Sidebar::new(),
            mode: Mode::Normal,
            focus: Focus::Reader,
            keymap: settings.keymap,
            theme: settings.theme,
            width: 0,
            height: 0,
            view: geometry::Settings {
                text_width: settings.text_width,
                sidebar_width: settings.sidebar_width,
                sidebar_hidden: false,
            },
            chosen_width: None,
            words_per_minute: settings.words_per_minute.max(1),
            notice: None,
            effects: Vec::new(),
            searches: History::default(),
            filters: History::default(),
            quit: false,
        };
        let mut notices = settings.notices;
        if let Some(saved) = &settings.saved {
            if app.restore(saved) {
                notices.push("Restored your place".into());
            }
        }
        if app.doc.analysis().is_some() {
            let ctx = ctx(&app.doc, &app.keymap, None, &app.reader);
            app.sidebar.rebuild(&ctx);
        }
        if !notices.is_empty() {
            app.notice = Some(notices.join(" · "));
        }
        app
    }

    /// The article and its analysis.
    pub fn doc(&self) -> &Doc {
        &self.doc
    }

    /// The article.
    pub fn article(&self) -> &Arc<Article> {
        self.doc.article()
    }

    /// The reader component: scroll position, layout, target, marks, jumps.
    pub fn reader(&self) -> &Reader {
        &self.reader
    }

    /// The sidebar component: tabs, filters, lists.
    pub fn sidebar(&self) -> &Sidebar {
        &self.sidebar
    }

    /// What the reader is doing: reading, typing, showing overlays, waiting for a key.
    pub fn mode(&self) -> &Mode {
        &self.mode
    }

    /// The pane that takes keys while reading.
    pub fn focus(&self) -> Focus {
        self.focus
    }

    /// The keymap in use (the defaults with the config's keys).
    pub fn keymap(&self) -> &Keymap {
        &self.keymap
    }

    /// The styles the widgets draw with.
    pub fn theme(&self) -> &Theme {
        &self.theme
    }

    /// The message on the status line, if any.
    pub fn notice(&self) -> Option<&str> {
        self.notice.as_deref()
    }

    /// Whether the user asked to quit.
    pub fn quitting(&self) -> bool {
        self.quit
    }

    /// The reading speed, in words per minute.
    pub fn words_per_minute(&self) -> u16 {
        self.words_per_minute
    }

    /// The terminal's size, as last told.
    pub fn size(&self) -> (u16, u16) {
        (self.width, self.height)
    }

    /// The screen layout, or `None` when the terminal is too small.
    pub fn geometry(&self) -> Option<Geometry> {
        Geometry::sized(self.width, self.height, self.view)
    }

    /// The text rows visible at once.
    pub fn page_rows(&self) -> usize {
        self.geometry().map_or(1, |g| g.text.height.max(1) as usize)
    }

    /// The overlays, the top one last.
    pub fn overlays(&self) -> &[Overlay] {
        match &self.mode {
            Mode::Overlay(stack) => stack,
            _ => &[],
        }
    }

    /// The prompt being typed, if any.
    pub fn prompt(&self) -> Option<&Prompt> {
        match &self.mode {
            Mode::Prompt(p) => Some(p),
            _ => None,
        }
    }

    /// Where the sidebar is drawn: beside the text, or over it while it has focus on a screen
    /// too narrow for it (or with `z`); `None` when it is not drawn.
    pub fn sidebar_area(&self) -> Option<Rect> {
        let g = self.geometry()?;
        if g.sidebar_beside() {
            Some(g.sidebar)
        } else if self.focus == Focus::Sidebar {
            Some(g.drawer)
        } else {
            None
        }
    }

    /// Whether the sidebar's filter is being typed.
    pub fn filtering(&self) -> bool {
        matches!(&self.mode, Mode::Prompt(p) if p.kind() == PromptKind::Filter)
    }

    /// Takes the effects recorded by `update`, for the event loop to perform.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    /// The keymap's mode for the current state.
    pub fn key_mode(&self) -> KeyMode {
        match &self.mode {
            Mode::Prompt(_) => KeyMode::Prompt,
            Mode::Overlay(stack) if stack.last().is_some_and(Overlay::typing) => KeyMode::Prompt,
            Mode::Overlay(_) => KeyMode::Overlay,
            Mode::Normal | Mode::Pending(_) => KeyMode::Normal,
        }
    }

    /// Maps a key to an action: the keymap of the mode, with typed characters at a prompt, the
    /// letter after `m` and `'`, and a count's digits.
    pub fn action_for_key(&self, key: &KeyEvent) -> Option<Action> {
        let k = Key::from_event(key);
        let typed = match key.code {
            KeyCode::Char(c) if !k.ctrl && !k.alt => Some(c),
            _ => None,
        };
        let mode = self.key_mode();
        match (&self.mode, typed) {
            (Mode::Pending(Pending::SetMark | Pending::GoToMark), Some(c)) => Some(Action::Type(c)),
            (Mode::Normal | Mode::Pending(Pending::Count { .. }), Some(c))
                if c.is_ascii_digit() =>
            {
                Some(Action::Type(c))
            }
            _ if mode == KeyMode::Prompt => self
                .keymap
                .action_for(mode, k)
                .or_else(|| typed.map(Action::Type)),
            _ => self.keymap.action_for(mode, k),
        }
    }

    /// Applies one action. Pure: no I/O, only state.
    pub fn update(&mut self, action: Action) {
        if action.is_input() {
            self.notice = None;
        }
        let mut out = Vec::new();
        let target_before = self.reader.target().map(|t| (t.entity(), t.hits().len()));
        match action {
            Action::Resize(w, h) => self.resize(w, h),
            Action::FirstScreen(w, h) => {
                self.width = w;
                self.height = h;
                let ctx = ctx(&self.doc, &self.keymap, self.geometry(), &self.reader);
                self.reader.first_screen(&ctx);
            }
            Action::Progress(p) => self.doc.set_progress(p),
            Action::AnalysisReady(a) => self.set_analysis(*a),
            Action::AnalysisFailed => {
                self.set_analysis(Analysis::default());
                self.notice = Some("The analysis failed; showing the text only".into());
            }
            Action::Quit => self.quit = true,
            Action::Suspend => self.effects.push(Effect::Suspend),
            Action::Wheel { column, row, lines } => self.wheel(column, row, lines),
            Action::Click { column, row } => self.click(column, row),
            other => self.route(other, &mut out),
        }
        self.run(out);
        let target_after = self.reader.target().map(|t| (t.entity(), t.hits().len()));
        if target_before != target_after {
            let ctx = ctx(&self.doc, &self.keymap, self.geometry(), &self.reader);
            self.sidebar.target_changed(&ctx);
        }
        self.fit();
    }

    /// Gives an action to whoever the mode says.
    fn route(&mut self, action: Action, out: &mut Vec<Command>) {
        match std::mem::take(&mut self.mode) {
            Mode::Normal => self.normal(action, out),
            Mode::Pending(p) => self.pending(p, action, out),
            Mode::Prompt(p) => self.prompt_key(p, action, out),
            Mode::Overlay(stack) => {
                self.mode = Mode::Overlay(stack);
                self.overlay_key(action, out);
            }
        }
    }

    /// Whether the sidebar is on the screen to take keys.
    fn sidebar_has_keys(&self) -> bool {
        self.focus == Focus::Sidebar && self.sidebar_area().is_some()
    }

    /// The normal mode: the focused pane first, then the keys that work from anywhere, then the
    /// reader.
    fn normal(&mut self, action: Action, out: &mut Vec<Command>) {
        if let Action::Type(c) = action {
            self.digit(c, None, out);
            return;
        }
        let g = self.geometry();
        let ctx = ctx(&self.doc, &self.keymap, g, &self.reader);
        if self.sidebar_has_keys() && self.sidebar.update(&action, &ctx, out) == Handled::Yes {
            return;
        }
        match action {
            Action::ShowEntities => self.show(Tab::Entities),
            Action::ShowQuotes => self.show(Tab::Quotes),
            Action::ToggleFocus => {
                self.focus = match self.focus {
                    Focus::Reader => Focus::Sidebar,
                    Focus::Sidebar => Focus::Reader,
                };
            }
            Action::SpeakerOnly => {
                if self.sidebar.toggle_speaker_only(&ctx, out) {
                    self.focus = Focus::Sidebar;
                }
            }
            Action::Search => out.push(Command::Prompt(PromptKind::Search)),
            Action::XRay => self.xray_from_reader(&ctx, out),
            Action::Outline => {
                if self.doc.headings().is_empty() {
                    out.push(Command::Notice("No headings in this text".into()));
                } else {
                    out.push(Command::Open(Box::new(Overlay::Outline(
                        overlay::Outline::new(&ctx),
                    ))));
                }
            }
            Action::Help => out.push(Command::Open(Box::new(Overlay::Help(overlay::Help::new(
                &self.keymap,
            ))))),
            Action::SetMark => {
                self.mode = Mode::Pending(Pending::SetMark);
                out.push(Command::Notice("Mark: type a letter".into()));
            }
            Action::GoToMark => {
                self.mode = Mode::Pending(Pending::GoToMark);
                out.push(Command::Notice(
                    "Go to mark: type a letter (' again: back where the last jump began)".into(),
                ));
            }
            Action::Percent => out.push(Command::Notice(
                "Type a number first: 50% goes halfway through".into(),
            )),
            Action::ToggleSidebar => self.toggle_sidebar(out),
            Action::Narrower => self.change_width(false, out),
            Action::Wider => self.change_width(true, out),
            Action::CopyQuote => self.copy_quote(out),
            other => {
                let _ = self.reader.update(&other, &ctx, out);
            }
        }
    }

    /// A digit in the normal mode: a bound digit (`1`, `2`) acts at once, and every digit adds
    /// to a count that `%` uses.
    fn digit(&mut self, c: char, count: Option<(u32, Focus)>, out: &mut Vec<Command>) {
        let Some(d) = c.to_digit(10) else {
            return;
        };
        let (value, focus) = count.unwrap_or((0, self.focus));
        let bound = self.keymap.action_for(
            KeyMode::Normal,
            Key {
                code: KeyCode::Char(c),
                ctrl: false,
                alt: false,
            },
        );
        if let Some(action) = bound {
            self.normal(action, out);
        }
        if matches!(self.mode, Mode::Normal) {
            let value = (value.saturating_mul(10).saturating_add(d)).min(MAX_COUNT);
            self.mode = Mode::Pending(Pending::Count { value, focus });
        }
    }

    /// The key after `m`, `'` or a count.
    fn pending(&mut self, pending: Pending, action: Action, out: &mut Vec<Command>) {
        let g = self.geometry();
        let ctx = ctx(&self.doc, &self.keymap, g, &self.reader);
        match (pending, action) {
            (Pending::SetMark, Action::Type(c)) => self.reader.set_mark(c, out),
            (Pending::GoToMark, Action::Type('\'')) => self.reader.jump_previous(&ctx, out),
            (Pending::GoToMark, Action::Type(c)) => self.reader.go_to_mark(&ctx, c, out),
            (Pending::Count { value, focus }, Action::Type(c)) => {
                self.digit(c, Some((value, focus)), out)
            }
            (Pending::Count { value, focus }, Action::Percent) => {
                self.focus = focus;
                self.reader.go_to_percent(&ctx, value);
            }
            // Esc drops the count (and gives back the focus a bound digit took).
            (Pending::Count { focus, .. }, Action::Cancel) => self.focus = focus,
            // Any other key drops the count and does what it does.
            (Pending::Count { .. }, other) => self.normal(other, out),
            // A mark's key cancelled.
            (_, _) => {}
        }
    }

    /// A key at the prompt.
    fn prompt_key(&mut self, mut prompt: Prompt, action: Action, out: &mut Vec<Command>) {
        let history = match prompt.kind() {
            PromptKind::Search => &self.searches,
            PromptKind::Filter => &self.filters,
        };
        let changed = match action {
            Action::Type(c) => {
                prompt.push(c);
                true
            }
            Action::Backspace if prompt.text().is_empty() => {
                self.end_prompt(prompt, false, out);
                return;
            }
            Action::Backspace => {
                prompt.backspace();
                true
            }
            Action::DeleteWord => {
                prompt.delete_word();
                true
            }
            Action::ClearLine => {
                prompt.clear();
                true
            }
            Action::Up => prompt.recall(history, true),
            Action::Down => prompt.recall(history, false),
            Action::Select => {
                self.end_prompt(prompt, true, out);
                return;
            }
            Action::Cancel => {
                self.end_prompt(prompt, false, out);
                return;
            }
            _ => false,
        };
        if changed {
            let ctx = ctx(&self.doc, &self.keymap, self.geometry(), &self.reader);
            match prompt.kind() {
                PromptKind::Search => {
                    let hits = self.doc.search(prompt.text());
                    self.reader.preview(&ctx, &hits, prompt.origin());
                    prompt.set_hits(hits);
                }
                PromptKind::Filter => self.sidebar.set_filter(&ctx, prompt.text()),
            }
        }
        self.mode = Mode::Prompt(prompt);
    }

    /// Enter (`accept`) or Esc at the prompt.
    fn end_prompt(&mut self, mut prompt: Prompt, accept: bool, out: &mut Vec<Command>) {
        let ctx = ctx(&self.doc, &self.keymap, self.geometry(), &self.reader);
        match (prompt.kind(), accept && !prompt.text().is_empty()) {
            (PromptKind::Search, true) => {
                self.searches.add(prompt.text());
                let hits = prompt.take_hits();
                self.reader
                    .accept_search(&ctx, prompt.text(), hits, prompt.origin(), out);
            }
            (PromptKind::Search, false) => self.reader.cancel_preview(&ctx, prompt.origin()),
            (PromptKind::Filter, true) => self.filters.add(prompt.text()),
            (PromptKind::Filter, false) => self.sidebar.set_filter(&ctx, ""),
        }
    }

    /// A key in the overlay mode: the top overlay first; what it leaves, the keys that work over
    /// any overlay (help, copying).
    fn overlay_key(&mut self, action: Action, out: &mut Vec<Command>) {
        let g = self.geometry();
        let ctx = ctx(&self.doc, &self.keymap, g, &self.reader);
        let Mode::Overlay(stack) = &mut self.mode else {
            return;
        };
        let Some(top) = stack.last_mut() else {
            self.mode = Mode::Normal;
            return;
        };
        if top.update(&action, &ctx, out) == Handled::Yes {
            return;
        }
        match action {
            Action::Help => out.push(Command::Open(Box::new(Overlay::Help(overlay::Help::new(
                &self.keymap,
            ))))),
            Action::CopyQuote => self.copy_quote(out),
            _ => {}
        }
    }

    /// Carries out the components' commands, and those they cause, in order.
    fn run(&mut self, out: Vec<Command>) {
        let mut queue: VecDeque<Command> = out.into();
        while let Some(command) = queue.pop_front() {
            let mut more = Vec::new();
            self.command(command, &mut more);
            queue.extend(more);
        }
    }

    fn command(&mut self, command: Command, out: &mut Vec<Command>) {
        let g = self.geometry();
        match command {
            Command::Notice(s) => self.notice = Some(s),
            Command::Close => {
                if let Mode::Overlay(stack) = &mut self.mode {
                    stack.pop();
                    if stack.is_empty() {
                        self.mode = Mode::Normal;
                    }
                }
            }
            Command::Open(o) => match &mut self.mode {
                Mode::Overlay(stack) => stack.push(*o),
                _ => self.mode = Mode::Overlay(vec![*o]),
            },
            Command::FocusReader => self.focus = Focus::Reader,
            Command::Prompt(kind) => {
                let text = match kind {
                    PromptKind::Search => "",
                    PromptKind::Filter => self.sidebar.filter(),
                };
                self.mode = Mode::Prompt(Prompt::new(kind, self.reader.top(), text));
            }
            Command::GoToEntity(e) => {
                let ctx = ctx(&self.doc, &self.keymap, g, &self.reader);
                self.reader.go_to_entity(&ctx, e, out);
                self.went_somewhere();
            }
            Command::GoToMention { entity, index } => {
                let ctx = ctx(&self.doc, &self.keymap, g, &self.reader);
                self.reader.go_to_mention(&ctx, entity, index);
                self.went_somewhere();
            }
            Command::GoToQuote(q) => {
                let ctx = ctx(&self.doc, &self.keymap, g, &self.reader);
                self.reader.go_to_quote(&ctx, q, out);
                self.went_somewhere();
            }
            Command::GoToHeading(block) => {
                let ctx = ctx(&self.doc, &self.keymap, g, &self.reader);
                self.reader.go_to_block(&ctx, block);
                self.went_somewhere();
            }
            Command::Copy(text) => self.effects.push(Effect::Copy(text)),
        }
    }

    /// After a jump from the sidebar drawn over the text, the text is shown.
    fn went_somewhere(&mut self) {
        if self.geometry().is_some_and(|g| !g.sidebar_beside()) {
            self.focus = Focus::Reader;
        }
    }

    /// Shows a sidebar tab and gives it focus.
    fn show(&mut self, tab: Tab) {
        self.sidebar.show(tab);
        self.focus = Focus::Sidebar;
    }

    /// `i` from the text: the X-Ray of the target, else of the entity selected in the list.
    fn xray_from_reader(&self, ctx: &Ctx, out: &mut Vec<Command>) {
        if self.doc.analysis().is_none() {
            out.push(Command::Notice("The analysis is still running".into()));
            return;
        }
        let listed = (self.sidebar.tab() == Tab::Entities)
            .then(|| self.sidebar.selected_entity())
            .flatten();
        match ctx.target_entity.or(listed) {
            Some(e) => out.push(Command::Open(Box::new(Overlay::XRay(overlay::XRay::new(
                ctx, e,
            ))))),
            None => out.push(Command::Notice(
                "Choose an entity first (1, then j/k)".into(),
            )),
        }
    }

    /// `z`: the sidebar hidden for full-width reading, or back.
    fn toggle_sidebar(&mut self, out: &mut Vec<Command>) {
        self.view.sidebar_hidden = !self.view.sidebar_hidden;
        if self.view.sidebar_hidden {
            self.focus = Focus::Reader;
            let key = self
                .keymap
                .hint(KeyMode::Normal, &Action::ToggleSidebar)
                .unwrap_or_default();
            out.push(Command::Notice(format!(
                "Full width; {key} brings the sidebar back"
            )));
        }
        self.relayout();
    }

    /// `<` and `>`: the text column narrower or wider, kept with the place.
    fn change_width(&mut self, wider: bool, out: &mut Vec<Command>) {
        let Some(g) = self.geometry() else {
            return;
        };
        let now = g.text.width;
        let widest = g.widest_text().max(geometry::MIN_MEASURE);
        let next = if wider {
            now.saturating_add(WIDTH_STEP).min(widest)
        } else {
            now.saturating_sub(WIDTH_STEP).max(geometry::MIN_MEASURE)
        };
        if next == now {
            out.push(Command::Notice(if wider {
                format!("The text is as wide as the screen allows ({now} columns)")
            } else {
                format!("The text is as narrow as it gets ({now} columns)")
            }));
            return;
        }
        self.chosen_width = Some(next);
        self.view.text_width = Some(next);
        self.relayout();
        out.push(Command::Notice(format!("Text width {next} columns")));
    }

    /// The layout again for the current screen, keeping the place.
    fn relayout(&mut self) {
        let ctx = ctx(&self.doc, &self.keymap, self.geometry(), &self.reader);
        self.reader.resize(&ctx);
    }

    /// `y`: the quote selected in the overlay or the Quotes tab, else the one on the screen.
    fn copy_quote(&mut self, out: &mut Vec<Command>) {
        let from_overlay = self.overlays().last().and_then(Overlay::selected_quote);
        let from_list = (self.sidebar_has_keys() && self.sidebar.tab() == Tab::Quotes)
            .then(|| self.sidebar.selected_quote())
            .flatten();
        let q = from_overlay
            .or(from_list)
            .or_else(|| self.reader.visible_quote(&self.doc, self.page_rows()));
        match q.and_then(|q| Some((q, self.quote_citation(q)?))) {
            Some((q, text)) => {
                let who = crate::layout::wrap::sanitize_line(&self.doc.speaker_name(q));
                out.push(Command::Notice(format!(
                    "Copied the quote of {who} ({} characters)",
                    text.chars().count()
                )));
                out.push(Command::Copy(text));
            }
            None => out.push(Command::Notice("No quote here to copy".into())),
        }
    }

    /// The text `y` puts on the clipboard for quote `q`.
    pub fn quote_citation(&self, q: usize) -> Option<String> {
        let quote = self.doc.quote(q)?;
        let words = self.doc.text().get(quote.start..quote.end)?;
        let speaker = (quote.speaker.is_some() || quote.speaker_text.is_some())
            .then(|| self.doc.speaker_name(q));
        Some(copy::citation(
            words,
            speaker.as_deref(),
            &self.doc.article().meta,
        ))
    }

    /// Takes the analysis: the lists fill.
    fn set_analysis(&mut self, analysis: Analysis) {
        self.doc.set_analysis(analysis);
        let ctx = ctx(&self.doc, &self.keymap, self.geometry(), &self.reader);
        self.sidebar.rebuild(&ctx);
    }

    fn resize(&mut self, width: u16, height: u16) {
        self.width = width;
        self.height = height;
        self.relayout();
        // With the full layout (after the first screen of a book): the words for the time left.
        self.doc.count_words();
    }

    /// Keeps every list's selection in view for its height on this screen.
    fn fit(&mut self) {
        let g = self.geometry();
        let Some(g) = g else {
            return;
        };
        let area = if g.sidebar_beside() {
            g.sidebar
        } else {
            g.drawer
        };
        let (list, _) = self.sidebar.list_area(area, self.filtering());
        self.sidebar.fit(list.height as usize);
        let ctx = ctx(&self.doc, &self.keymap, Some(g), &self.reader);
        if let Mode::Overlay(stack) = &mut self.mode {
            for o in stack {
                o.fit(&ctx);
            }
        }
    }

    fn wheel(&mut self, column: u16, row: u16, lines: i16) {
        let Some(g) = self.geometry() else {
            return;
        };
        let pos = Cell::new(column, row);
        let ctx = ctx(&self.doc, &self.keymap, Some(g), &self.reader);
        if let Mode::Overlay(stack) = &mut self.mode {
            if let Some(top) = stack.last_mut() {
                if g.overlay.contains(pos) {
                    top.wheel(&ctx, lines);
                }
            }
            return;
        }
        match self.sidebar_area() {
            Some(area) if area.contains(pos) => self.sidebar.wheel(lines),
            _ if g.reader.contains(pos) => self.reader.wheel(&ctx, lines),
            _ => {}
        }
    }

    fn click(&mut self, column: u16, row: u16) {
        let Some(g) = self.geometry() else {
            return;
        };
        let pos = Cell::new(column, row);
        if let Mode::Overlay(stack) = &mut self.mode {
            let inner = geometry::inner(g.overlay);
            if inner.contains(pos) {
                if let Some(top) = stack.last_mut() {
                    top.click((row - inner.y) as usize);
                }
            } else {
                // A click outside the overlay closes it.
                stack.pop();
                if stack.is_empty() {
                    self.mode = Mode::Normal;
                }
            }
            return;
        }
        if !matches!(self.mode, Mode::Normal) {
            return;
        }
        if let Some(area) = self.sidebar_area().filter(|a| a.contains(pos)) {
            self.focus = Focus::Sidebar;
            let (list, _) = self.sidebar.list_area(area, self.filtering());
            if row == area.y {
                // The tab labels sit on the top border; the right half of it is the Quotes tab.
                let tab = if column < area.x + area.width / 2 {
                    Tab::Entities
                } else {
                    Tab::Quotes
                };
                self.show(tab);
            } else if list.contains(pos) {
                self.sidebar.click((row - list.y) as usize);
            }
            return;
        }
        if self.focus == Focus::Sidebar && !g.sidebar_beside() {
            // A click beside the sidebar drawn over the text closes it.
            self.focus = Focus::Reader;
            return;
        }
        if g.text.contains(pos) {
            self.focus = Focus::Reader;
            let ctx = ctx(&self.doc, &self.keymap, Some(g), &self.reader);
            self.reader.click_mention(
                &ctx,
                (row - g.text.y) as usize,
                (column - g.text.x) as usize,
            );
        }
    }

    /// What to remember of this article: the place, the marks and a chosen text width.
    pub fn saved(&self) -> Saved {
        let top = self.reader.top();
        Saved {
            block: top.block,
            byte: top.byte,
            marks: self
                .reader
                .marks()
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
            text_width: self.chosen_width,
            saved_at: 0,
        }
    }

    /// Goes back to a remembered place (and its marks and text width); anchors that do not fit
    /// this article are ignored. Returns whether the place was restored.
    fn restore(&mut self, saved: &Saved) -> bool {
        let marks: Vec<(char, Anchor)> = saved
            .marks
            .iter()
            .map(|(&c, a)| {
                (
                    c,
                    Anchor {
                        block: a.block,
                        byte: a.byte,
                    },
                )
            })
            .collect();
        if let Some(w) = saved.text_width {
            let w = w.max(geometry::MIN_MEASURE);
            self.chosen_width = Some(w);
            self.view.text_width = Some(w);
        }
        let top = Anchor {
            block: saved.block,
            byte: saved.byte,
        };
        self.reader.restore(&self.doc, top, &marks)
    }
}

#[cfg(test)]
mod tests;
