//! Views drawn over the text: the help, an entity's X-Ray, the outline and a whole quote. Each
//! owns its state and handles its own keys; `Esc` (and `q`) closes the one on top.

mod help;
mod outline;
mod quote;
mod xray;

pub use help::{help_lines, Help, HelpLine};
pub use outline::{heading_text, Outline};
pub use quote::{quote_lines, QuoteLine, QuoteView};
pub use xray::{kwic, sparkline, XRay, XRayItem, XRayLine, SPARKLINE_LABEL, XRAY_HEADER};

use ratatui::layout::Rect;

use super::action::Action;
use super::component::{Command, Ctx, Handled};

/// An overlay.
#[derive(Debug)]
pub enum Overlay {
    /// The keys of every mode.
    Help(Help),
    /// An entity's X-Ray.
    XRay(XRay),
    /// The headings, or a book's parts and chapters.
    Outline(Outline),
    /// One quote, whole.
    Quote(QuoteView),
}

impl Overlay {
    /// Handles a key of the overlay mode; what it does not use, the app may.
    pub fn update(&mut self, action: &Action, ctx: &Ctx, out: &mut Vec<Command>) -> Handled {
        match self {
            Overlay::Help(h) => h.update(action, ctx, out),
            Overlay::XRay(x) => x.update(action, ctx, out),
            Overlay::Outline(o) => o.update(action, ctx, out),
            Overlay::Quote(q) => q.update(action, ctx, out),
        }
    }

    /// Whether keys are typed into the overlay (the outline's filter) rather than bound.
    pub fn typing(&self) -> bool {
        matches!(self, Overlay::Outline(o) if o.typing())
    }

    /// Keeps the selection or the scroll in view for the overlay's size on this screen.
    pub fn fit(&mut self, ctx: &Ctx) {
        let Some(g) = ctx.geometry else {
            return;
        };
        let inner = super::geometry::inner(g.overlay);
        match self {
            Overlay::Help(h) => h.fit(ctx, inner),
            Overlay::XRay(x) => x.fit(ctx.doc, inner),
            Overlay::Outline(o) => o.fit(inner),
            Overlay::Quote(q) => q.fit(ctx, inner),
        }
    }

    /// The quote `y` copies from this overlay, if it shows one.
    pub fn selected_quote(&self) -> Option<usize> {
        match self {
            Overlay::XRay(x) => x.selected_quote(),
            Overlay::Quote(q) => Some(q.quote()),
            _ => None,
        }
    }

    /// A click at `line` of the overlay's inside (0 is its first line): selects what is there.
    pub fn click(&mut self, line: usize) {
        match self {
            Overlay::XRay(x) => x.click(line),
            Overlay::Outline(o) => o.click(line),
            Overlay::Help(_) | Overlay::Quote(_) => {}
        }
    }

    /// The wheel over the overlay.
    pub fn wheel(&mut self, ctx: &Ctx, lines: i16) {
        let action = if lines > 0 { Action::Down } else { Action::Up };
        for _ in 0..lines.unsigned_abs().min(3) {
            let _ = self.update(&action, ctx, &mut Vec::new());
        }
    }
}

/// How far a page key moves in a view of `height` rows: a page less one row, or half of it.
fn page_step(action: &Action, height: usize) -> Option<isize> {
    let page = height.saturating_sub(1).max(1) as isize;
    let half = (height / 2).max(1) as isize;
    match action {
        Action::PageDown => Some(page),
        Action::PageUp => Some(-page),
        Action::HalfPageDown => Some(half),
        Action::HalfPageUp => Some(-half),
        _ => None,
    }
}

/// A scroll position over `len` lines in a view of `height`: where a scroll key moves it.
fn scrolled(action: &Action, scroll: usize, len: usize, height: usize) -> Option<usize> {
    let max = len.saturating_sub(height);
    let to = match action {
        Action::Down => scroll as isize + 1,
        Action::Up => scroll as isize - 1,
        Action::Top => 0,
        Action::Bottom => max as isize,
        other => scroll as isize + page_step(other, height)?,
    };
    Some(to.clamp(0, max as isize) as usize)
}

/// The inside of the overlay on the current screen (empty when there is none).
fn inside(ctx: &Ctx) -> Rect {
    ctx.geometry
        .map_or(Rect::default(), |g| super::geometry::inner(g.overlay))
}
