//! The keymap: data, not code. Bindings are keyed by mode (reading, an overlay, a prompt); each
//! names an action, its keys and a description that the help screen and the man page show. A
//! user config overrides the keys of the actions it names, and is refused, action by action,
//! where it would lock the user in or give one key two meanings.

use std::collections::BTreeMap;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use crate::config::KeyOverride;

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
                    _ => return Err(format!("unknown key \"{s}\"")),
                },
                _ => return Err(format!("unknown key \"{s}\"")),
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

/// The modes keys are bound in. Each has its own table: `j` scrolls the text in `Normal` and
/// moves the selection in an `Overlay`; at a `Prompt` printable keys are typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KeyMode {
    /// Reading, with the sidebar beside the text.
    Normal,
    /// A view over the text: help, X-Ray, outline, whole quote.
    Overlay,
    /// Typing a search or a filter.
    Prompt,
}

impl KeyMode {
    /// Every mode, in the order the help lists them.
    pub const ALL: [KeyMode; 3] = [KeyMode::Normal, KeyMode::Overlay, KeyMode::Prompt];

    /// The name of the mode's table in a config file (`[keys.overlay]`).
    pub fn name(self) -> &'static str {
        match self {
            KeyMode::Normal => "normal",
            KeyMode::Overlay => "overlay",
            KeyMode::Prompt => "prompt",
        }
    }

    /// The heading of the mode's part of the help screen and the man page.
    pub fn title(self) -> &'static str {
        match self {
            KeyMode::Normal => "Reading and the sidebar",
            KeyMode::Overlay => "In the help, X-Ray, outline and whole quote",
            KeyMode::Prompt => "Typing a search or a filter",
        }
    }

    /// The mode a config table names.
    pub fn parse(name: &str) -> Option<KeyMode> {
        KeyMode::ALL.into_iter().find(|m| m.name() == name)
    }
}

/// One binding: an action, its keys, and what it does in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub action: Action,
    pub keys: Vec<Key>,
    pub desc: &'static str,
}

/// A line of the help that is not a binding: keys that are read in a mode without being bound
/// (a count's digits, the letter after `m`), as `(mode, keys, description)`.
pub const UNBOUND: &[(KeyMode, &str, &str)] = &[
    (KeyMode::Normal, "0-9", "a count: 50% goes halfway"),
    (KeyMode::Normal, "''", "back to where the last jump began"),
    (
        KeyMode::Prompt,
        "any other key",
        "typed into the search or filter",
    ),
];

/// The default bindings: (mode, action, keys, description).
const DEFAULTS: &[(KeyMode, Action, &[&str], &str)] = &[
    (
        KeyMode::Normal,
        Action::Down,
        &["j", "Down"],
        "scroll down a line / next item",
    ),
    (
        KeyMode::Normal,
        Action::Up,
        &["k", "Up"],
        "scroll up a line / previous item",
    ),
    (
        KeyMode::Normal,
        Action::PageDown,
        &["Space", "PageDown"],
        "page down",
    ),
    (KeyMode::Normal, Action::PageUp, &["b", "PageUp"], "page up"),
    (
        KeyMode::Normal,
        Action::HalfPageDown,
        &["Ctrl-d"],
        "half a page down",
    ),
    (
        KeyMode::Normal,
        Action::HalfPageUp,
        &["Ctrl-u"],
        "half a page up",
    ),
    (
        KeyMode::Normal,
        Action::Top,
        &["g", "Home"],
        "go to the start",
    ),
    (
        KeyMode::Normal,
        Action::Bottom,
        &["G", "End"],
        "go to the end",
    ),
    (
        KeyMode::Normal,
        Action::Percent,
        &["%"],
        "after a count: go to that percentage",
    ),
    (
        KeyMode::Normal,
        Action::JumpBack,
        &["Ctrl-o"],
        "back to where the last jump began",
    ),
    (
        KeyMode::Normal,
        Action::PrevSection,
        &["["],
        "previous section or chapter",
    ),
    (
        KeyMode::Normal,
        Action::NextSection,
        &["]"],
        "next section or chapter",
    ),
    (
        KeyMode::Normal,
        Action::Outline,
        &["t"],
        "outline: headings, parts, chapters",
    ),
    (
        KeyMode::Normal,
        Action::Search,
        &["/"],
        "search the text / filter the list",
    ),
    (
        KeyMode::Normal,
        Action::NextHit,
        &["n"],
        "next hit of the target",
    ),
    (
        KeyMode::Normal,
        Action::PrevHit,
        &["N"],
        "previous hit of the target",
    ),
    (
        KeyMode::Normal,
        Action::Select,
        &["Enter"],
        "go to the entity or quote",
    ),
    (
        KeyMode::Normal,
        Action::Cancel,
        &["Esc"],
        "clear filter or target; to the text",
    ),
    (
        KeyMode::Normal,
        Action::ToggleFocus,
        &["Tab"],
        "move focus: reader / sidebar",
    ),
    (
        KeyMode::Normal,
        Action::ShowEntities,
        &["1"],
        "show entities",
    ),
    (KeyMode::Normal, Action::ShowQuotes, &["2"], "show quotes"),
    (
        KeyMode::Normal,
        Action::XRay,
        &["i", "l", "Right"],
        "X-Ray / the whole quote",
    ),
    (
        KeyMode::Normal,
        Action::SpeakerOnly,
        &["s"],
        "only the target's quotes (toggle)",
    ),
    (
        KeyMode::Normal,
        Action::OnlyTarget,
        &["&"],
        "only paragraphs with the target",
    ),
    (
        KeyMode::Normal,
        Action::ToggleSidebar,
        &["z"],
        "hide or show the sidebar",
    ),
    (
        KeyMode::Normal,
        Action::Narrower,
        &["<"],
        "narrow the text column",
    ),
    (
        KeyMode::Normal,
        Action::Wider,
        &[">"],
        "widen the text column",
    ),
    (
        KeyMode::Normal,
        Action::SetMark,
        &["m"],
        "set a mark (then a letter)",
    ),
    (
        KeyMode::Normal,
        Action::GoToMark,
        &["'"],
        "return to a mark (then a letter)",
    ),
    (
        KeyMode::Normal,
        Action::CopyQuote,
        &["y"],
        "copy the quote with its source",
    ),
    (
        KeyMode::Normal,
        Action::CopyParagraph,
        &["Y"],
        "copy the paragraph",
    ),
    (KeyMode::Normal, Action::Help, &["?"], "this help"),
    (
        KeyMode::Normal,
        Action::Suspend,
        &["Ctrl-z"],
        "suspend to the shell (fg returns)",
    ),
    (KeyMode::Normal, Action::Quit, &["q", "Ctrl-c"], "quit"),
    (KeyMode::Overlay, Action::Down, &["j", "Down"], "next line"),
    (KeyMode::Overlay, Action::Up, &["k", "Up"], "previous line"),
    (
        KeyMode::Overlay,
        Action::PageDown,
        &["Space", "PageDown"],
        "page down",
    ),
    (
        KeyMode::Overlay,
        Action::PageUp,
        &["b", "PageUp"],
        "page up",
    ),
    (
        KeyMode::Overlay,
        Action::HalfPageDown,
        &["Ctrl-d"],
        "half a page down",
    ),
    (
        KeyMode::Overlay,
        Action::HalfPageUp,
        &["Ctrl-u"],
        "half a page up",
    ),
    (KeyMode::Overlay, Action::Top, &["g", "Home"], "first line"),
    (KeyMode::Overlay, Action::Bottom, &["G", "End"], "last line"),
    (
        KeyMode::Overlay,
        Action::Select,
        &["Enter"],
        "go there in the text",
    ),
    (
        KeyMode::Overlay,
        Action::XRay,
        &["i", "l", "Right"],
        "the whole quote (X-Ray)",
    ),
    (
        KeyMode::Overlay,
        Action::Search,
        &["/"],
        "filter the outline",
    ),
    (
        KeyMode::Overlay,
        Action::CopyQuote,
        &["y"],
        "copy the quote with its source",
    ),
    (
        KeyMode::Overlay,
        Action::Help,
        &["?"],
        "this help (again: close it)",
    ),
    (
        KeyMode::Overlay,
        Action::Cancel,
        &["Esc", "q", "Left"],
        "close",
    ),
    (
        KeyMode::Overlay,
        Action::Suspend,
        &["Ctrl-z"],
        "suspend to the shell",
    ),
    (KeyMode::Overlay, Action::Quit, &["Ctrl-c"], "quit"),
    (
        KeyMode::Prompt,
        Action::Select,
        &["Enter"],
        "go to the hit / keep the filter",
    ),
    (
        KeyMode::Prompt,
        Action::Cancel,
        &["Esc"],
        "cancel: back where the search began",
    ),
    (
        KeyMode::Prompt,
        Action::Up,
        &["Up"],
        "an earlier search or filter",
    ),
    (
        KeyMode::Prompt,
        Action::Down,
        &["Down"],
        "a later search or filter",
    ),
    (
        KeyMode::Prompt,
        Action::Backspace,
        &["Backspace"],
        "delete a character",
    ),
    (
        KeyMode::Prompt,
        Action::DeleteWord,
        &["Ctrl-w"],
        "delete a word",
    ),
    (KeyMode::Prompt, Action::ClearLine, &["Ctrl-u"], "clear"),
    (
        KeyMode::Prompt,
        Action::Suspend,
        &["Ctrl-z"],
        "suspend to the shell",
    ),
    (KeyMode::Prompt, Action::Quit, &["Ctrl-c"], "quit"),
];

/// Actions that must keep a key in every mode that has them, or the user is locked in.
const ESSENTIAL: &[Action] = &[Action::Quit, Action::Cancel];

/// The keymap: for each mode, its bindings in help-screen order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    modes: BTreeMap<KeyMode, Vec<Binding>>,
}

impl Default for Keymap {
    fn default() -> Self {
        let mut modes: BTreeMap<KeyMode, Vec<Binding>> = BTreeMap::new();
        for (mode, action, keys, desc) in DEFAULTS {
            modes.entry(*mode).or_default().push(Binding {
                action: action.clone(),
                // The defaults are known to parse (a unit test checks it).
                keys: keys.iter().filter_map(|k| Key::parse(k).ok()).collect(),
                desc,
            });
        }
        Keymap { modes }
    }
}

/// A part of a `[keys]` config that was refused: the line it is on and why, with what was kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyProblem {
    pub line: usize,
    pub message: String,
}

impl Keymap {
    /// The bindings of one mode, in help order.
    pub fn bindings(&self, mode: KeyMode) -> &[Binding] {
        self.modes.get(&mode).map_or(&[], Vec::as_slice)
    }

    /// The action bound to a key in a mode, if any.
    pub fn action_for(&self, mode: KeyMode, key: Key) -> Option<Action> {
        self.bindings(mode)
            .iter()
            .find(|b| b.keys.contains(&key))
            .map(|b| b.action.clone())
    }

    /// The keys of an action in a mode.
    pub fn keys_for(&self, mode: KeyMode, action: &Action) -> &[Key] {
        self.bindings(mode)
            .iter()
            .find(|b| &b.action == action)
            .map_or(&[], |b| b.keys.as_slice())
    }

    /// The first key of an action in a mode, as written (`n`, `Ctrl-o`), for hints.
    pub fn hint(&self, mode: KeyMode, action: &Action) -> Option<String> {
        self.keys_for(mode, action).first().map(Key::label)
    }

    /// The defaults with the keys of the actions a config names replaced. An override without a
    /// mode applies to the normal mode and to every other mode where the action has the same
    /// keys by default (`down` moves in an overlay too; `quit` keeps only `Ctrl-c` there);
    /// `[keys.overlay]` and the like apply to one mode. A key given to an action is taken from
    /// any other action that had it by default. Refused,
    /// each with a problem naming its line, and the defaults kept for that action: an unknown
    /// action, mode or key name, a key the config gives to two actions, and an override that
    /// leaves `quit` or `cancel` without a key.
    pub fn with_overrides(overrides: &[KeyOverride]) -> (Keymap, Vec<KeyProblem>) {
        let mut map = Keymap::default();
        let mut problems = Vec::new();
        // Keys the config itself has given, per mode: key → action name.
        let mut given: BTreeMap<KeyMode, Vec<(Key, String)>> = BTreeMap::new();
        for o in overrides {
            let mut refuse = |message: String| {
                problems.push(KeyProblem {
                    line: o.line,
                    message,
                })
            };
            let defaults = Keymap::default();
            let shared = |action: &Action| {
                let normal = defaults.keys_for(KeyMode::Normal, action);
                KeyMode::ALL
                    .into_iter()
                    .filter(|&m| m == KeyMode::Normal || defaults.keys_for(m, action) == normal)
                    .collect::<Vec<_>>()
            };
            let modes: Vec<KeyMode> = match o.mode.as_deref() {
                None => Action::from_name(&o.action).map_or_else(Vec::new, |a| shared(&a)),
                Some(m) => match KeyMode::parse(m) {
                    Some(mode) => vec![mode],
                    None => {
                        refuse(format!(
                            "[keys.{m}] is no mode (normal, overlay, prompt); ignored"
                        ));
                        continue;
                    }
                },
            };
            let Some(action) = Action::from_name(&o.action) else {
                refuse(format!("[keys] {} is no action; ignored", o.action));
                continue;
            };
            let modes: Vec<KeyMode> = modes
                .into_iter()
                .filter(|m| map.bindings(*m).iter().any(|b| b.action == action))
                .collect();
            let scope = o.mode.as_deref().map_or(String::new(), |m| format!(".{m}"));
            let kept = |map: &Keymap| {
                let keys = modes
                    .first()
                    .map(|m| map.keys_for(*m, &action))
                    .unwrap_or(&[]);
                if keys.is_empty() {
                    "no key".to_string()
                } else {
                    keys.iter().map(Key::label).collect::<Vec<_>>().join(", ")
                }
            };
            if modes.is_empty() {
                refuse(format!(
                    "[keys{scope}] {} is not used in that mode; ignored",
                    o.action
                ));
                continue;
            }
            let keys = match o
                .keys
                .iter()
                .map(|k| Key::parse(k))
                .collect::<Result<Vec<_>, _>>()
            {
                Ok(keys) => keys,
                Err(e) => {
                    refuse(format!(
                        "[keys{scope}] {}: {e}; kept {}",
                        o.action,
                        kept(&map)
                    ));
                    continue;
                }
            };
            let clash = modes.iter().find_map(|m| {
                given.get(m).and_then(|g| {
                    g.iter()
                        .find(|(k, name)| keys.contains(k) && *name != o.action)
                        .map(|(k, name)| (k.label(), name.clone()))
                })
            });
            if let Some((key, other)) = clash {
                refuse(format!(
                    "[keys{scope}] {}: {key} is already {other}'s key; kept {}",
                    o.action,
                    kept(&map)
                ));
                continue;
            }
            let mut next = map.clone();
            for m in &modes {
                if let Some(bindings) = next.modes.get_mut(m) {
                    for b in bindings.iter_mut() {
                        if b.action == action {
                            b.keys = keys.clone();
                        } else {
                            b.keys.retain(|k| !keys.contains(k));
                        }
                    }
                }
            }
            let locked = modes.iter().find_map(|m| {
                next.bindings(*m)
                    .iter()
                    .find(|b| ESSENTIAL.contains(&b.action) && b.keys.is_empty())
                    .and_then(|b| b.action.name())
            });
            if let Some(essential) = locked {
                let why = if essential == o.action {
                    format!("{essential} needs a key")
                } else {
                    format!("it would leave {essential} without a key")
                };
                refuse(format!(
                    "[keys{scope}] {}: {why}; kept {}",
                    o.action,
                    kept(&map)
                ));
                continue;
            }
            for m in modes {
                let g = given.entry(m).or_default();
                g.retain(|(_, name)| *name != o.action);
                g.extend(keys.iter().map(|k| (*k, o.action.clone())));
            }
            map = next;
        }
        (map, problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn over(mode: Option<&str>, action: &str, keys: &[&str], line: usize) -> KeyOverride {
        KeyOverride {
            mode: mode.map(str::to_string),
            action: action.to_string(),
            keys: keys.iter().map(|k| k.to_string()).collect(),
            line,
        }
    }

    fn key(s: &str) -> Key {
        Key::parse(s).unwrap()
    }

    #[test]
    fn every_default_key_parses() {
        for (_, _, keys, _) in DEFAULTS {
            for k in *keys {
                assert!(Key::parse(k).is_ok(), "{k}");
            }
        }
    }

    #[test]
    fn no_key_has_two_actions_in_one_mode() {
        let map = Keymap::default();
        for mode in KeyMode::ALL {
            let mut seen = Vec::new();
            for b in map.bindings(mode) {
                for k in &b.keys {
                    assert!(!seen.contains(k), "{mode:?}: {}", k.label());
                    seen.push(*k);
                }
            }
        }
    }

    #[test]
    fn labels_parse_back_to_the_same_key() {
        let map = Keymap::default();
        for mode in KeyMode::ALL {
            for b in map.bindings(mode) {
                for k in &b.keys {
                    assert_eq!(Key::parse(&k.label()), Ok(*k));
                }
            }
        }
    }

    #[test]
    fn events_map_to_actions_by_mode() {
        let map = Keymap::default();
        let ev = |code, m| Key::from_event(&KeyEvent::new(code, m));
        let normal = |k| map.action_for(KeyMode::Normal, k);
        assert_eq!(
            normal(ev(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            Some(Action::Bottom)
        );
        assert_eq!(
            normal(ev(KeyCode::Char('d'), KeyModifiers::CONTROL)),
            Some(Action::HalfPageDown)
        );
        assert_eq!(
            normal(ev(KeyCode::Char('?'), KeyModifiers::SHIFT)),
            Some(Action::Help)
        );
        assert_eq!(normal(ev(KeyCode::Char('x'), KeyModifiers::NONE)), None);
        // q quits the reader but closes an overlay; Up recalls a search at a prompt.
        assert_eq!(normal(key("q")), Some(Action::Quit));
        assert_eq!(
            map.action_for(KeyMode::Overlay, key("q")),
            Some(Action::Cancel)
        );
        assert_eq!(map.action_for(KeyMode::Prompt, key("Up")), Some(Action::Up));
        assert_eq!(map.action_for(KeyMode::Prompt, key("j")), None);
    }

    #[test]
    fn an_override_applies_where_the_action_shares_its_keys_and_takes_the_key_from_others() {
        let (map, problems) =
            Keymap::with_overrides(&[over(None, "page_down", &["j", "Ctrl-f"], 3)]);
        assert_eq!(problems, []);
        for mode in [KeyMode::Normal, KeyMode::Overlay] {
            assert_eq!(map.action_for(mode, key("j")), Some(Action::PageDown));
            assert_eq!(map.action_for(mode, key("Ctrl-f")), Some(Action::PageDown));
            assert_eq!(map.action_for(mode, key("Space")), None);
            assert_eq!(map.action_for(mode, key("Down")), Some(Action::Down));
        }
        // quit has other keys in an overlay, where q closes: [keys] quit changes reading only.
        let (map, problems) = Keymap::with_overrides(&[over(None, "quit", &["q", "F10"], 2)]);
        assert_eq!(problems, []);
        assert_eq!(
            map.action_for(KeyMode::Normal, key("F10")),
            Some(Action::Quit)
        );
        assert_eq!(
            map.action_for(KeyMode::Overlay, key("q")),
            Some(Action::Cancel)
        );
        assert_eq!(map.action_for(KeyMode::Overlay, key("F10")), None);
        // A mode's own table changes that mode only.
        let (map, problems) =
            Keymap::with_overrides(&[over(Some("overlay"), "cancel", &["Esc", "x"], 5)]);
        assert_eq!(problems, []);
        assert_eq!(
            map.action_for(KeyMode::Overlay, key("x")),
            Some(Action::Cancel)
        );
        assert_eq!(map.action_for(KeyMode::Overlay, key("q")), None);
        assert_eq!(
            map.action_for(KeyMode::Normal, key("q")),
            Some(Action::Quit)
        );
    }

    #[test]
    fn quit_without_a_key_is_refused_and_the_defaults_stay() {
        let (map, problems) = Keymap::with_overrides(&[over(None, "quit", &[], 7)]);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, 7);
        assert!(
            problems[0]
                .message
                .contains("quit needs a key; kept q, Ctrl-c"),
            "{}",
            problems[0].message
        );
        assert_eq!(map, Keymap::default());
        // Taking every key of quit from it is refused too.
        let (map, problems) = Keymap::with_overrides(&[over(None, "help", &["q", "Ctrl-c"], 2)]);
        assert!(problems[0].message.contains("leave quit without a key"));
        assert_eq!(map, Keymap::default());
    }

    #[test]
    fn one_key_for_two_actions_is_refused_for_the_second() {
        let (map, problems) = Keymap::with_overrides(&[
            over(None, "help", &["x"], 2),
            over(None, "outline", &["x", "o"], 3),
        ]);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, 3);
        assert!(problems[0]
            .message
            .contains("x is already help's key; kept t"));
        assert_eq!(
            map.action_for(KeyMode::Normal, key("x")),
            Some(Action::Help)
        );
        assert_eq!(
            map.action_for(KeyMode::Normal, key("t")),
            Some(Action::Outline)
        );
        assert_eq!(map.action_for(KeyMode::Normal, key("o")), None);
    }

    #[test]
    fn bad_names_are_refused_one_by_one() {
        let (map, problems) = Keymap::with_overrides(&[
            over(None, "fly", &["x"], 1),
            over(None, "quit", &["Hyper-q"], 2),
            over(Some("dance"), "quit", &["x"], 3),
            over(Some("prompt"), "outline", &["x"], 4),
            over(None, "help", &["F1"], 5),
        ]);
        let lines: Vec<usize> = problems.iter().map(|p| p.line).collect();
        assert_eq!(lines, [1, 2, 3, 4]);
        assert!(problems[1]
            .message
            .contains("unknown key \"Hyper-q\"; kept q, Ctrl-c"));
        assert_eq!(
            map.action_for(KeyMode::Normal, key("F1")),
            Some(Action::Help)
        );
        assert_eq!(
            map.action_for(KeyMode::Normal, key("q")),
            Some(Action::Quit)
        );
    }

    #[test]
    fn shift_tab_as_the_config_file_writes_it_parses() {
        assert_eq!(Key::parse("Shift-Tab"), Key::parse("BackTab"));
    }
}
