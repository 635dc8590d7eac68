//! Everything the reader can be asked to do. Keys, the mouse, resizes and the background
//! analysis all become an [`Action`], and [`crate::app::App::update`] is the only place state
//! changes. Bindable actions have snake_case names shared by the keymap, a config file, the help
//! screen and the man page.

use serde::{Deserialize, Serialize};

use crate::analysis::Analysis;

/// An action. The first group can be bound to keys; the rest come from input events.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Scroll down a line, or select the next item.
    Down,
    /// Scroll up a line, or select the previous item.
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
    /// After a count, go to that percentage of the text (`50%`).
    Percent,
    /// Return to where the last jump started; again, further back.
    JumpBack,
    /// Go to the previous heading (section, chapter).
    PrevSection,
    /// Go to the next heading.
    NextSection,
    /// List the headings, or a book's parts and chapters.
    Outline,
    /// Move focus between the reader and the sidebar.
    ToggleFocus,
    /// Show the Entities tab and focus the sidebar.
    ShowEntities,
    /// Show the Quotes tab and focus the sidebar.
    ShowQuotes,
    /// Hide the sidebar for full-width reading, or bring it back.
    ToggleSidebar,
    /// Narrow the text column.
    Narrower,
    /// Widen the text column.
    Wider,
    /// Search the text (reader) or filter the list (sidebar, outline) as you type.
    Search,
    /// Go to what is selected; at a prompt, accept it.
    Select,
    /// Close an overlay, cancel a prompt, clear a filter or the target.
    Cancel,
    /// Go to the next hit of the current target.
    NextHit,
    /// Go to the previous hit of the current target.
    PrevHit,
    /// Show only the current entity's quotes (again: all quotes).
    SpeakerOnly,
    /// Open the X-Ray of the selected entity (or of the target), or the whole selected quote.
    #[serde(rename = "xray")]
    XRay,
    /// Set a mark: the next letter names the current place.
    SetMark,
    /// Return to a mark: the next letter names it (`'` again: back where the last jump began).
    GoToMark,
    /// Show only the paragraphs that mention the target (again: show all).
    OnlyTarget,
    /// Copy the selected quote with its attribution (OSC 52).
    CopyQuote,
    /// Copy the paragraph at the top of the view (OSC 52).
    CopyParagraph,
    /// Show the key bindings.
    Help,
    /// Suspend lede to the shell (`fg` brings it back).
    Suspend,
    /// Leave lede.
    Quit,
    /// At a prompt: delete the character before the cursor.
    Backspace,
    /// At a prompt: delete the word before the cursor.
    DeleteWord,
    /// At a prompt: clear what was typed.
    ClearLine,

    /// The terminal is now `width` × `height` cells.
    #[serde(skip)]
    Resize(u16, u16),
    /// The first screen after start-up is `width` × `height` cells: only its rows are laid out,
    /// so a book shows at once; the [`Action::Resize`] that follows lays out the rest.
    #[serde(skip)]
    FirstScreen(u16, u16),
    /// A character typed at a prompt (or the letter after `m` and `'`, or a count's digit).
    #[serde(skip)]
    Type(char),
    /// The mouse wheel at a cell: `lines` down (negative: up).
    #[serde(skip)]
    Wheel { column: u16, row: u16, lines: i16 },
    /// A click at a cell.
    #[serde(skip)]
    Click { column: u16, row: u16 },
    /// How far the background analysis has got, in thousandths.
    #[serde(skip)]
    Progress(usize),
    /// The background analysis has finished.
    #[serde(skip)]
    AnalysisReady(Box<Analysis>),
    /// The background analysis failed: read on without it.
    #[serde(skip)]
    AnalysisFailed,
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

    /// Whether the action comes from the user (a key, the mouse) rather than from the
    /// terminal or the analysis: a user action replaces the notice on the status line.
    pub fn is_input(&self) -> bool {
        !matches!(
            self,
            Action::Resize(..)
                | Action::FirstScreen(..)
                | Action::Progress(_)
                | Action::AnalysisReady(_)
                | Action::AnalysisFailed
        )
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
        assert_eq!(Action::from_name("jump_back"), Some(Action::JumpBack));
    }
}
