//! The help: every binding of every mode, generated from the keymap (the man page's KEYS
//! section is generated from the same lines), scrolled with the usual keys.

use ratatui::layout::Rect;

use super::{inside, scrolled};
use crate::app::action::Action;
use crate::app::component::{Command, Ctx, Handled};
use crate::app::keymap::{Key, KeyMode, Keymap, UNBOUND};

/// A line of the help.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpLine {
    /// A mode's heading.
    Section(&'static str),
    /// Keys, what they do, and the action's name in `[keys]` (empty for keys read unbound).
    Keys {
        keys: String,
        desc: &'static str,
        name: String,
    },
    /// A blank line between modes.
    Blank,
}

/// The help's lines: each mode's bindings (those with keys), the keys read without a binding,
/// and the mouse.
pub fn help_lines(keymap: &Keymap) -> Vec<HelpLine> {
    let mut lines = Vec::new();
    for mode in KeyMode::ALL {
        if !lines.is_empty() {
            lines.push(HelpLine::Blank);
        }
        lines.push(HelpLine::Section(mode.title()));
        for b in keymap.bindings(mode).iter().filter(|b| !b.keys.is_empty()) {
            lines.push(HelpLine::Keys {
                keys: b.keys.iter().map(Key::label).collect::<Vec<_>>().join(", "),
                desc: b.desc,
                name: b.action.name().unwrap_or_default(),
            });
        }
        for &(_, keys, desc) in UNBOUND.iter().filter(|(m, _, _)| *m == mode) {
            lines.push(HelpLine::Keys {
                keys: keys.to_string(),
                desc,
                name: String::new(),
            });
        }
    }
    lines.push(HelpLine::Blank);
    lines.push(HelpLine::Section("Mouse"));
    for (keys, desc) in [
        ("wheel", "scrolls what is under it"),
        ("click", "selects; on a mention, targets it"),
    ] {
        lines.push(HelpLine::Keys {
            keys: keys.to_string(),
            desc,
            name: String::new(),
        });
    }
    lines
}

/// The help overlay: how far it is scrolled.
#[derive(Debug, Default)]
pub struct Help {
    scroll: usize,
    len: usize,
}

impl Help {
    /// The help, at its top.
    pub fn new(keymap: &Keymap) -> Help {
        Help {
            scroll: 0,
            len: help_lines(keymap).len(),
        }
    }

    /// The first line shown.
    pub fn scroll(&self) -> usize {
        self.scroll
    }

    pub(super) fn update(&mut self, action: &Action, ctx: &Ctx, out: &mut Vec<Command>) -> Handled {
        let height = inside(ctx).height as usize;
        if let Some(to) = scrolled(action, self.scroll, self.len, height) {
            self.scroll = to;
            return Handled::Yes;
        }
        match action {
            Action::Help | Action::Cancel => out.push(Command::Close),
            // Other keys of the overlay mode do nothing here, and are not passed on.
            _ => {}
        }
        Handled::Yes
    }

    pub(super) fn fit(&mut self, ctx: &Ctx, inner: Rect) {
        self.len = help_lines(ctx.keymap).len();
        self.scroll = self
            .scroll
            .min(self.len.saturating_sub(inner.height as usize));
    }
}
