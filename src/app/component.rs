//! What the components (the reader, the sidebar, the overlays) share: the read-only context an
//! action is handled in, whether they used it, and the commands they send to the rest of the
//! app. A component changes only its own state; anything else it asks for with a [`Command`],
//! which [`crate::app::App`] carries out.

use super::doc::Doc;
use super::geometry::Geometry;
use super::keymap::Keymap;
use super::mode::PromptKind;
use super::overlay::Overlay;
use crate::layout::Anchor;

/// What a component may read while it handles an action.
#[derive(Debug, Clone, Copy)]
pub struct Ctx<'a> {
    /// The article and its analysis.
    pub doc: &'a Doc,
    /// The keymap in use.
    pub keymap: &'a Keymap,
    /// The screen's layout, `None` while the terminal is too small to draw.
    pub geometry: Option<Geometry>,
    /// The entity the reader's target is, if it is one.
    pub target_entity: Option<usize>,
    /// The place at the top of the reader.
    pub top: Anchor,
}

impl Ctx<'_> {
    /// The rows of text the reader shows at once.
    pub fn page_rows(&self) -> usize {
        self.geometry.map_or(1, |g| g.text.height.max(1) as usize)
    }
}

/// Whether a component used an action; one that did not is offered to the next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Handled {
    /// The component used the action.
    Yes,
    /// The action is for someone else.
    No,
}

/// What a component asks of the rest of the app.
#[derive(Debug)]
pub enum Command {
    /// Show a one-off message on the status line.
    Notice(String),
    /// Close the overlay on top.
    Close,
    /// Open an overlay on top of the others.
    Open(Box<Overlay>),
    /// Give the focus back to the text.
    FocusReader,
    /// Open a prompt.
    Prompt(PromptKind),
    /// Make an entity the target and go to its next mention from the view.
    GoToEntity(usize),
    /// Make an entity the target and go to its mention number `index`.
    GoToMention { entity: usize, index: usize },
    /// Go to a quote.
    GoToQuote(usize),
    /// Go to a heading block, with it at the top.
    GoToHeading(usize),
    /// Put text on the clipboard.
    Copy(String),
}
