//! What the reader is doing besides reading: typing at a prompt, showing overlays, or waiting
//! for the rest of a key (a mark's letter, a count's `%`). One [`Mode`] at a time, so no pair of
//! flags can disagree.

use super::overlay::Overlay;
use super::Focus;
use crate::layout::Anchor;

/// The reader's mode.
#[derive(Debug, Default)]
pub enum Mode {
    /// Reading: keys go to the focused pane.
    #[default]
    Normal,
    /// Typing a search or a filter.
    Prompt(Prompt),
    /// Views over the text, the last on top; keys go to the top one. Never empty.
    Overlay(Vec<Overlay>),
    /// A key waiting for the next one.
    Pending(Pending),
}

/// A key that waits for the next: `m` and `'` for a letter, a count for `%`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pending {
    /// `m`: the letter names the current place.
    SetMark,
    /// `'`: the letter names the mark to return to (`'` again: the last jump's start).
    GoToMark,
    /// Digits typed so far, and the pane that had focus before them (a bound digit such as `1`
    /// moves the focus, which a `%` gives back).
    Count { value: u32, focus: Focus },
}

/// What a prompt edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKind {
    /// A search of the text: the view follows the first hit as it is typed.
    Search,
    /// A filter of the sidebar's list.
    Filter,
}

/// A prompt being typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    kind: PromptKind,
    text: String,
    /// Where the view was when the prompt opened: a search returns there when cancelled.
    origin: Anchor,
    /// The search's hits for the text so far.
    hits: Vec<(usize, usize)>,
    /// Which earlier entry `↑` shows (0: the most recent), and what was typed before it.
    recall: Option<(usize, String)>,
}

impl Prompt {
    /// A prompt of `kind`, opened with the view at `origin`, starting with `text`.
    pub fn new(kind: PromptKind, origin: Anchor, text: &str) -> Prompt {
        Prompt {
            kind,
            text: text.to_string(),
            origin,
            hits: Vec::new(),
            recall: None,
        }
    }

    /// What the prompt edits.
    pub fn kind(&self) -> PromptKind {
        self.kind
    }

    /// What has been typed.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Where the view was when the prompt opened.
    pub fn origin(&self) -> Anchor {
        self.origin
    }

    /// The search's hits for what has been typed.
    pub fn hits(&self) -> &[(usize, usize)] {
        &self.hits
    }

    pub(super) fn set_hits(&mut self, hits: Vec<(usize, usize)>) {
        self.hits = hits;
    }

    pub(super) fn take_hits(&mut self) -> Vec<(usize, usize)> {
        std::mem::take(&mut self.hits)
    }

    /// Adds a typed character.
    pub fn push(&mut self, c: char) {
        self.recall = None;
        self.text.push(c);
    }

    /// Deletes the last character.
    pub fn backspace(&mut self) {
        self.recall = None;
        self.text.pop();
    }

    /// Deletes the last word and the spaces after it.
    pub fn delete_word(&mut self) {
        self.recall = None;
        delete_word(&mut self.text);
    }

    /// Clears what was typed.
    pub fn clear(&mut self) {
        self.recall = None;
        self.text.clear();
    }

    /// `↑` (`older`) or `↓`: shows an earlier or later entry of `history`; past the latest, what
    /// was being typed. Returns whether the text changed.
    pub fn recall(&mut self, history: &History, older: bool) -> bool {
        let n = history.entries.len();
        let next = match (&self.recall, older) {
            (None, true) if n > 0 => Some(0),
            (None, _) => return false,
            (Some((i, _)), true) => Some((*i + 1).min(n.saturating_sub(1))),
            (Some((0, _)), false) => None,
            (Some((i, _)), false) => Some(i - 1),
        };
        let draft = match self.recall.take() {
            Some((_, draft)) => draft,
            None => self.text.clone(),
        };
        match next {
            Some(i) => {
                self.text = history.entries[n - 1 - i].clone();
                self.recall = Some((i, draft));
            }
            None => self.text = draft,
        }
        true
    }
}

/// Deletes the last word of `text` and the spaces after it (`Ctrl-w`).
pub fn delete_word(text: &mut String) {
    let kept = text.trim_end().len();
    let cut = text[..kept].rfind(char::is_whitespace).map_or(0, |i| i + 1);
    text.truncate(cut);
}

/// Earlier searches or filters, the most recent last, each once.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct History {
    entries: Vec<String>,
}

/// How many entries a history keeps.
const HISTORY: usize = 100;

impl History {
    /// Remembers an entry (an empty one is not).
    pub fn add(&mut self, entry: &str) {
        if entry.is_empty() {
            return;
        }
        self.entries.retain(|e| e != entry);
        if self.entries.len() == HISTORY {
            self.entries.remove(0);
        }
        self.entries.push(entry.to_string());
    }

    /// The entries, the most recent last.
    pub fn entries(&self) -> &[String] {
        &self.entries
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn up_recalls_earlier_entries_and_down_comes_back_to_the_draft() {
        let mut h = History::default();
        h.add("korea");
        h.add("libya");
        h.add("korea");
        assert_eq!(h.entries(), ["libya", "korea"]);
        let mut p = Prompt::new(PromptKind::Search, Anchor::default(), "");
        p.push('t');
        assert!(p.recall(&h, true));
        assert_eq!(p.text(), "korea");
        p.recall(&h, true);
        assert_eq!(p.text(), "libya");
        p.recall(&h, true);
        assert_eq!(p.text(), "libya");
        p.recall(&h, false);
        assert_eq!(p.text(), "korea");
        p.recall(&h, false);
        assert_eq!(p.text(), "t");
        assert!(!p.recall(&h, false));
    }

    #[test]
    fn editing_keys_delete_a_character_a_word_or_all() {
        let mut p = Prompt::new(PromptKind::Filter, Anchor::default(), "kim jong ");
        p.delete_word();
        assert_eq!(p.text(), "kim ");
        p.backspace();
        assert_eq!(p.text(), "kim");
        p.delete_word();
        assert_eq!(p.text(), "");
        p.push('x');
        p.clear();
        assert_eq!(p.text(), "");
    }
}
