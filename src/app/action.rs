//! Everything the reader can be asked to do. Keys, the mouse, resizes and the background
//! analysis all become an [`Action`], and [`crate::app::App::update`] is the only place state
//! changes. Bindable actions have snake_case names shared by the keymap, a config file and the
//! help screen.

use serde::{Deserialize, Serialize};

use crate::analysis::Analysis;

/// An action. The first group can be bound to keys; the rest come from input events.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Scroll down a line, or select the next item in the sidebar.
    Down,
    /// Scroll up a line, or select the previous item in the sidebar.
    Up,
    /// Scroll down a page.
    PageDown,
    /// Scroll up a page.
    PageUp,
    /// Scroll down half a page.
    HalfPageDown,
    /// Scroll up half a page.
    HalfPageUp,
    /// Go to the start (or the first item).
    Top,
    /// Go to the end (or the last item).
    Bottom,
    /// Move focus between the reader and the sidebar.
    ToggleFocus,
    /// Show the Entities tab and focus the sidebar.
    ShowEntities,
    /// Show the Quotes tab and focus the sidebar.
    ShowQuotes,
    /// Search the text (reader) or filter the list (sidebar) as you type.
    Search,
    /// Jump to the selected entity's next mention or to the selected quote.
    Select,
    /// Close an overlay, cancel a search, clear a filter.
    Cancel,
    /// Go to the next hit of the current target.
    NextHit,
    /// Go to the previous hit of the current target.
    PrevHit,
    /// Show only the current entity's quotes (again: all quotes).
    SpeakerOnly,
    /// Open the X-Ray of the selected entity (or of the target): kind, aliases, every
    /// mention in context and its quotes.
    #[serde(rename = "xray")]
    XRay,
    /// Set a mark: the next letter names the current place.
    SetMark,
    /// Return to a mark: the next letter names it.
    GoToMark,
    /// Show only the paragraphs that mention the target (again: show all).
    OnlyTarget,
    /// Copy the selected quote with its attribution (OSC 52).
    CopyQuote,
    /// Copy the paragraph at the top of the view (OSC 52).
    CopyParagraph,
    /// Show the key bindings.
    Help,
    /// Leave lede.
    Quit,

    /// The terminal is now `width` × `height` cells.
    #[serde(skip)]
    Resize(u16, u16),
    /// A character typed into the search or filter prompt.
    #[serde(skip)]
    Type(char),
    /// Backspace in the search or filter prompt.
    #[serde(skip)]
    Backspace,
    /// The mouse wheel at a cell: `lines` down (negative: up).
    #[serde(skip)]
    Wheel { column: u16, row: u16, lines: i16 },
    /// A click at a cell.
    #[serde(skip)]
    Click { column: u16, row: u16 },
    /// The background analysis has finished.
    #[serde(skip)]
    AnalysisReady(Box<Analysis>),
}

impl Action {
    /// The action a config name stands for (`"page_down"`), if it can be bound to keys.
    pub fn from_name(name: &str) -> Option<Action> {
        serde_json::from_value(serde_json::Value::String(name.to_string())).ok()
    }

    /// The config name of a bindable action.
    pub fn name(&self) -> Option<String> {
        match serde_json::to_value(self) {
            Ok(serde_json::Value::String(s)) => Some(s),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn action_names_are_snake_case_and_round_trip() {
        assert_eq!(Action::from_name("page_down"), Some(Action::PageDown));
        assert_eq!(Action::PageDown.name().as_deref(), Some("page_down"));
        assert_eq!(Action::from_name("resize"), None);
        assert_eq!(Action::from_name("nonsense"), None);
        assert_eq!(Action::XRay.name().as_deref(), Some("xray"));
        assert_eq!(Action::from_name("copy_quote"), Some(Action::CopyQuote));
    }
}
