//! The keymap: data, not code. Each binding names an action, its keys and a description that
//! the help screen shows; a user config overrides the keys of the actions it names.

use std::collections::HashMap;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;

/// A key with its modifiers (Shift is folded into the character for printable keys).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

impl Key {
    /// The key of a terminal key event.
    pub fn from_event(event: &KeyEvent) -> Key {
        let code = match event.code {
            // Ctrl with Shift held arrives as an upper-case letter; bindings use lower case.
            KeyCode::Char(c) if event.modifiers.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            other => other,
        };
        Key {
            code,
            ctrl: event.modifiers.contains(KeyModifiers::CONTROL),
            alt: event.modifiers.contains(KeyModifiers::ALT),
        }
    }

    /// Parses `j`, `G`, `?`, `Down`, `PageDown`, `Space`, `Enter`, `Esc`, `Ctrl-d`, `Alt-x`, `F1`.
    pub fn parse(s: &str) -> Result<Key, String> {
        let mut ctrl = false;
        let mut alt = false;
        let mut rest = s;
        loop {
            let lower = rest.to_ascii_lowercase();
            if rest.len() > 1 && (lower.starts_with("ctrl-") || lower.starts_with("ctrl+")) {
                ctrl = true;
                rest = &rest[5..];
            } else if rest.len() > 1 && (lower.starts_with("alt-") || lower.starts_with("alt+")) {
                alt = true;
                rest = &rest[4..];
            } else {
                break;
            }
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) => KeyCode::Char(if ctrl { c.to_ascii_lowercase() } else { c }),
            _ => match rest.to_ascii_lowercase().as_str() {
                "space" => KeyCode::Char(' '),
                "enter" | "return" => KeyCode::Enter,
                "esc" | "escape" => KeyCode::Esc,
                "tab" => KeyCode::Tab,
                "backtab" | "shift-tab" | "shift+tab" => KeyCode::BackTab,
                "backspace" => KeyCode::Backspace,
                "up" => KeyCode::Up,
                "down" => KeyCode::Down,
                "left" => KeyCode::Left,
                "right" => KeyCode::Right,
                "home" => KeyCode::Home,
                "end" => KeyCode::End,
                "pageup" | "pgup" => KeyCode::PageUp,
                "pagedown" | "pgdn" => KeyCode::PageDown,
                "delete" | "del" => KeyCode::Delete,
                "insert" => KeyCode::Insert,
                f if f.starts_with('f') => match f[1..].parse::<u8>() {
                    Ok(n) if (1..=24).contains(&n) => KeyCode::F(n),
                    _ => return Err(format!("unknown key `{s}`")),
                },
                _ => return Err(format!("unknown key `{s}`")),
            },
        };
        Ok(Key { code, ctrl, alt })
    }

    /// The key as written in the help screen and in a config file.
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "BackTab".into(),
            KeyCode::Backspace => "Backspace".into(),
            KeyCode::Up => "Up".into(),
            KeyCode::Down => "Down".into(),
            KeyCode::Left => "Left".into(),
            KeyCode::Right => "Right".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::PageUp => "PageUp".into(),
            KeyCode::PageDown => "PageDown".into(),
            KeyCode::Delete => "Delete".into(),
            KeyCode::Insert => "Insert".into(),
            KeyCode::F(n) => format!("F{n}"),
            _ => "?".into(),
        };
        let mut s = String::new();
        if self.ctrl {
            s.push_str("Ctrl-");
        }
        if self.alt {
            s.push_str("Alt-");
        }
        s.push_str(&base);
        s
    }
}

/// One binding: an action, its keys, and what it does in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub action: Action,
    pub keys: Vec<Key>,
    pub desc: &'static str,
}

/// The default bindings: (action, keys, description).
const DEFAULTS: &[(Action, &[&str], &str)] = &[
    (
        Action::Down,
        &["j", "Down"],
        "scroll down a line / next item",
    ),
    (Action::Up, &["k", "Up"], "scroll up a line / previous item"),
    (Action::PageDown, &["Space", "PageDown"], "page down"),
    (Action::PageUp, &["b", "PageUp"], "page up"),
    (Action::HalfPageDown, &["Ctrl-d"], "half a page down"),
    (Action::HalfPageUp, &["Ctrl-u"], "half a page up"),
    (Action::Top, &["g", "Home"], "go to the start"),
    (Action::Bottom, &["G", "End"], "go to the end"),
    (
        Action::ToggleFocus,
        &["Tab"],
        "move focus: reader / sidebar",
    ),
    (Action::ShowEntities, &["1"], "show entities"),
    (Action::ShowQuotes, &["2"], "show quotes"),
    (Action::Search, &["/"], "search the text / filter the list"),
    (Action::Select, &["Enter"], "go to the entity or quote"),
    (Action::Cancel, &["Esc"], "close, cancel, clear the filter"),
    (Action::NextHit, &["n"], "next hit of the target"),
    (Action::PrevHit, &["N"], "previous hit of the target"),
    (
        Action::SpeakerOnly,
        &["s"],
        "only the target's quotes (toggle)",
    ),
    (
        Action::XRay,
        &["i", "l", "Right"],
        "X-Ray: the entity's mentions and quotes",
    ),
    (Action::SetMark, &["m"], "set a mark (then a letter)"),
    (Action::GoToMark, &["'"], "return to a mark (then a letter)"),
    (
        Action::OnlyTarget,
        &["&"],
        "only paragraphs with the target (toggle)",
    ),
    (Action::CopyQuote, &["y"], "copy the quote with its source"),
    (Action::CopyParagraph, &["Y"], "copy the paragraph"),
    (Action::Help, &["?"], "this help"),
    (Action::Quit, &["q", "Ctrl-c"], "quit"),
];

/// The keymap: bindings in help-screen order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    pub bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Self {
        let bindings = DEFAULTS
            .iter()
            .map(|(action, keys, desc)| Binding {
                action: action.clone(),
                // The defaults are known to parse (a unit test checks it).
                keys: keys.iter().filter_map(|k| Key::parse(k).ok()).collect(),
                desc,
            })
            .collect();
        Keymap { bindings }
    }
}

impl Keymap {
    /// The defaults with the keys of the named actions replaced (`"page_down" → ["J"]`).
    /// A key given to one action is taken from any other action that had it.
    pub fn with_overrides(overrides: &HashMap<String, Vec<String>>) -> Result<Keymap, String> {
        let mut map = Keymap::default();
        let mut names: Vec<&String> = overrides.keys().collect();
        names.sort();
        for name in names {
            let action =
                Action::from_name(name).ok_or_else(|| format!("unknown action `{name}`"))?;
            let keys = overrides
                .get(name)
                .map(|ks| {
                    ks.iter()
                        .map(|k| Key::parse(k))
                        .collect::<Result<Vec<_>, _>>()
                })
                .unwrap_or_else(|| Ok(Vec::new()))?;
            for b in &mut map.bindings {
                if b.action == action {
                    b.keys = keys.clone();
                } else {
                    b.keys.retain(|k| !keys.contains(k));
                }
            }
        }
        Ok(map)
    }

    /// The action bound to a key, if any.
    pub fn action_for(&self, key: Key) -> Option<Action> {
        self.bindings
            .iter()
            .find(|b| b.keys.contains(&key))
            .map(|b| b.action.clone())
    }

    /// The keys of an action, as labels (`j, Down`).
    pub fn keys_for(&self, action: &Action) -> String {
        self.bindings
            .iter()
            .find(|b| &b.action == action)
            .map(|b| b.keys.iter().map(Key::label).collect::<Vec<_>>().join(", "))
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_default_key_parses() {
        for (_, keys, _) in DEFAULTS {
            for k in *keys {
                assert!(Key::parse(k).is_ok(), "{k}");
            }
        }
    }

    #[test]
    fn labels_parse_back_to_the_same_key() {
        for b in Keymap::default().bindings {
            for k in b.keys {
                assert_eq!(Key::parse(&k.label()), Ok(k));
            }
        }
    }

    #[test]
    fn events_map_to_actions() {
        let map = Keymap::default();
        let ev = |code, m| Key::from_event(&KeyEvent::new(code, m));
        assert_eq!(
            map.action_for(ev(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            Some(Action::Bottom)
        );
        assert_eq!(
            map.action_for(ev(KeyCode::Char('d'), KeyModifiers::CONTROL)),
            Some(Action::HalfPageDown)
        );
        assert_eq!(
            map.action_for(ev(KeyCode::Char('?'), KeyModifiers::SHIFT)),
            Some(Action::Help)
        );
        assert_eq!(
            map.action_for(ev(KeyCode::Char('x'), KeyModifiers::NONE)),
            None
        );
    }

    #[test]
    fn overrides_replace_keys_and_take_them_from_others() {
        let mut o = HashMap::new();
        o.insert(
            "page_down".to_string(),
            vec!["j".to_string(), "Ctrl-f".to_string()],
        );
        let map = Keymap::with_overrides(&o).unwrap();
        let key = |s| Key::parse(s).unwrap();
        assert_eq!(map.action_for(key("j")), Some(Action::PageDown));
        assert_eq!(map.action_for(key("Ctrl-f")), Some(Action::PageDown));
        assert_eq!(map.action_for(key("Space")), None);
        assert_eq!(map.action_for(key("Down")), Some(Action::Down));
    }

    #[test]
    fn shift_tab_as_the_config_file_writes_it_parses() {
        assert_eq!(Key::parse("Shift-Tab"), Key::parse("BackTab"));
    }

    #[test]
    fn bad_overrides_are_errors() {
        let mut o = HashMap::new();
        o.insert("fly".to_string(), vec!["x".to_string()]);
        assert!(Keymap::with_overrides(&o).is_err());
        let mut o = HashMap::new();
        o.insert("quit".to_string(), vec!["Hyper-q".to_string()]);
        assert!(Keymap::with_overrides(&o).is_err());
    }
}
