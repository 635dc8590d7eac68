//! The user's configuration: `config.toml` in the XDG config folder.
//!
//! Only the shape is checked here (theme name, widths, a `[keys]` table of action name → key
//! strings); the reader applies the key overrides to its keymap. A bad file never stops lede:
//! it starts with defaults (or with the settings that were good) and gets one line naming
//! the file and the line of the first problem.

use std::path::{Path, PathBuf};

use toml::de::{DeTable, DeValue};

/// The defaults as a commented TOML file, for `lede --print-config`.
const DEFAULTS_TOML: &str = include_str!("../assets/config.toml");

/// The colour theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    Dark,
    Light,
    /// No colours, only bold, underline and reverse (also forced by `NO_COLOR`).
    Mono,
}

impl Theme {
    /// The theme named `name` in the config file.
    pub fn parse(name: &str) -> Option<Theme> {
        match name {
            "dark" => Some(Theme::Dark),
            "light" => Some(Theme::Light),
            "mono" => Some(Theme::Mono),
            _ => None,
        }
    }
}

/// One entry of `[keys]`: an action and the keys it gets, in one mode (`[keys.overlay]`) or in
/// every mode that has it. The keymap checks the names; the line is for its notices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyOverride {
    /// The mode's table (`overlay` for `[keys.overlay]`), or `None` for `[keys]` itself.
    pub mode: Option<String>,
    pub action: String,
    pub keys: Vec<String>,
    /// The 1-based line of the file it is on.
    pub line: usize,
}

/// The settings lede runs with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    pub theme: Theme,
    /// The widest the text column grows (the reading measure), in columns.
    pub text_width: u16,
    /// The sidebar's width, in columns.
    pub sidebar_width: u16,
    /// The reading speed the time left is counted at, in words per minute.
    pub words_per_minute: u16,
    /// Key overrides, in the order of the file (`quit = ["q", "Ctrl-c"]`).
    pub keys: Vec<KeyOverride>,
}

/// Words a minute an adult reads silently (Brysbaert 2019, non-fiction): the default speed.
pub const WORDS_PER_MINUTE: u16 = 238;

impl Default for Config {
    fn default() -> Self {
        Config {
            theme: Theme::Dark,
            text_width: 90,
            sidebar_width: 32,
            words_per_minute: WORDS_PER_MINUTE,
            keys: Vec::new(),
        }
    }
}

/// Accepted ranges of the widths, in columns, and of the reading speed.
pub const TEXT_WIDTH: (i64, i64) = (20, 1000);
const SIDEBAR_WIDTH: (i64, i64) = (10, 200);
const SPEED: (i64, i64) = (50, 2000);

impl Config {
    /// The defaults as a commented TOML file (what `lede --print-config` prints).
    pub fn defaults_toml() -> &'static str {
        DEFAULTS_TOML
    }

    /// `$XDG_CONFIG_HOME/lede/config.toml`, or `~/.config/lede/config.toml`.
    pub fn default_path() -> Option<PathBuf> {
        xdg_dir("XDG_CONFIG_HOME", ".config").map(|d| d.join("lede").join("config.toml"))
    }

    /// Loads the config at [`Config::default_path`] (the defaults, with `NO_COLOR` applied,
    /// when there is no home folder).
    pub fn load_default() -> (Config, Option<String>) {
        match Config::default_path() {
            Some(path) => Config::load(&path),
            None => Config::parse("", "", no_color_set()),
        }
    }

    /// Loads the config at `path`, applying `NO_COLOR` from the environment. A missing file
    /// gives the defaults silently; a bad one gives what could be read (or the defaults) and
    /// a one-line notice for the user.
    pub fn load(path: &Path) -> (Config, Option<String>) {
        let no_color = no_color_set();
        let name = display_path(path);
        match std::fs::read_to_string(path) {
            Ok(text) => Config::parse(&text, &name, no_color),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let mut config = Config::default();
                if no_color {
                    config.theme = Theme::Mono;
                }
                (config, None)
            }
            Err(e) => {
                let mut config = Config::default();
                if no_color {
                    config.theme = Theme::Mono;
                }
                (
                    config,
                    Some(format!("{name}: cannot be read ({e}); using defaults")),
                )
            }
        }
    }

    /// Parses config text. `name` names the file in the notice; `no_color` forces the mono
    /// theme.
    pub fn parse(text: &str, name: &str, no_color: bool) -> (Config, Option<String>) {
        let mut config = Config::default();
        let mut problems: Vec<(usize, String)> = Vec::new();
        match DeTable::parse(text) {
            Err(e) => {
                let line = e.span().map(|s| line_of(text, s.start)).unwrap_or(1);
                let message = e.message().lines().next().unwrap_or("").trim().to_string();
                problems.push((line, format!("{message}; using defaults")));
            }
            Ok(table) => read_table(text, table.get_ref(), &mut config, &mut problems),
        }
        if no_color {
            config.theme = Theme::Mono;
        }
        // The table is read in key order; the user reads the file top down.
        problems.sort_by_key(|(line, _)| *line);
        let notice = problems.first().map(|(line, message)| {
            let more = match problems.len() {
                1 => String::new(),
                n => format!(" (and {} more)", n - 1),
            };
            format!("{name}:{line}: {message}{more}")
        });
        (config, notice)
    }
}

/// Whether `NO_COLOR` is set and not empty (<https://no-color.org>).
fn no_color_set() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

/// Reads the settings of a parsed file, noting each problem with its line.
fn read_table(
    text: &str,
    table: &DeTable,
    config: &mut Config,
    problems: &mut Vec<(usize, String)>,
) {
    let mut note = |span: std::ops::Range<usize>, message: String| {
        problems.push((line_of(text, span.start), message));
    };
    for (key, value) in table.iter() {
        let span = value.span();
        match (key.get_ref().as_ref(), value.get_ref()) {
            ("theme", DeValue::String(name)) => match Theme::parse(name) {
                Some(theme) => config.theme = theme,
                None => note(span, format!("unknown theme \"{name}\"; using defaults")),
            },
            ("theme", _) => note(
                span,
                "theme must be \"dark\", \"light\" or \"mono\"; using defaults".to_string(),
            ),
            ("text_width", v) => match width(v, TEXT_WIDTH) {
                Ok(w) => config.text_width = w,
                Err(why) => note(span, format!("text_width {why}; using defaults")),
            },
            ("sidebar_width", v) => match width(v, SIDEBAR_WIDTH) {
                Ok(w) => config.sidebar_width = w,
                Err(why) => note(span, format!("sidebar_width {why}; using defaults")),
            },
            ("words_per_minute", v) => match number(v, SPEED, "words") {
                Ok(w) => config.words_per_minute = w,
                Err(why) => note(span, format!("words_per_minute {why}; using defaults")),
            },
            ("keys", DeValue::Table(keys)) => read_keys(text, keys, None, config, &mut note),
            ("keys", _) => note(
                span,
                "keys must be a table ([keys]) of action = [\"key\", …]; ignored".to_string(),
            ),
            (other, _) => note(key.span(), format!("unknown setting \"{other}\"; ignored")),
        }
    }
}

/// Reads `[keys]` (and a mode's table in it, `[keys.overlay]`): each action gets a list of
/// non-empty key strings (one string is a list of one). The names are checked by the keymap.
fn read_keys(
    text: &str,
    keys: &DeTable,
    mode: Option<&str>,
    config: &mut Config,
    note: &mut impl FnMut(std::ops::Range<usize>, String),
) {
    let mut entries: Vec<_> = keys.iter().collect();
    // The table is in key order; the user reads the file top down.
    entries.sort_by_key(|(k, _)| k.span().start);
    for (action, value) in entries {
        let action_name = action.get_ref().to_string();
        let list: Option<Vec<String>> = match value.get_ref() {
            DeValue::String(s) => Some(vec![s.to_string()]),
            DeValue::Array(items) => items
                .iter()
                .map(|i| i.get_ref().as_str().map(str::to_string))
                .collect(),
            DeValue::Table(table) if mode.is_none() => {
                read_keys(text, table, Some(&action_name), config, note);
                continue;
            }
            _ => None,
        };
        let scope = mode.map_or(String::new(), |m| format!("{m}."));
        match list {
            Some(list) if list.iter().all(|k| !k.trim().is_empty()) => {
                config.keys.push(KeyOverride {
                    mode: mode.map(str::to_string),
                    action: action_name,
                    keys: list,
                    line: line_of(text, action.span().start),
                });
            }
            _ => note(
                value.span(),
                format!("keys.{scope}{action_name} must be a list of key names like [\"q\", \"Ctrl-c\"]; ignored"),
            ),
        }
    }
}

/// A width setting: an integer in `range`.
fn width(value: &DeValue, range: (i64, i64)) -> Result<u16, String> {
    number(value, range, "columns")
}

/// A whole number of `unit` in `range`.
fn number(value: &DeValue, (min, max): (i64, i64), unit: &str) -> Result<u16, String> {
    let n = value
        .as_integer()
        .and_then(|i| i64::from_str_radix(&i.as_str().replace('_', ""), i.radix()).ok())
        .ok_or_else(|| format!("must be a whole number of {unit}"))?;
    if n < min || n > max {
        return Err(format!("{n} is out of range ({min} to {max})"));
    }
    u16::try_from(n).map_err(|_| format!("{n} is out of range ({min} to {max})"))
}

/// The 1-based line of byte `at`.
fn line_of(text: &str, at: usize) -> usize {
    let at = at.min(text.len());
    1 + text.as_bytes()[..at]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
}

/// The path as the user would write it: the home folder as `~`.
fn display_path(path: &Path) -> String {
    if let Some(home) = dirs::home_dir() {
        if let Ok(rest) = path.strip_prefix(&home) {
            return format!("~/{}", rest.display());
        }
    }
    path.display().to_string()
}

/// `$VAR` when set to an absolute path (as the XDG spec asks), else `~/fallback`.
pub(crate) fn xdg_dir(var: &str, fallback: &str) -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(var) {
        let dir = PathBuf::from(dir);
        if dir.is_absolute() {
            return Some(dir);
        }
    }
    dirs::home_dir().map(|h| h.join(fallback))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> (Config, Option<String>) {
        Config::parse(text, "config.toml", false)
    }

    #[test]
    fn the_defaults_file_parses_to_the_defaults() {
        assert_eq!(parse(Config::defaults_toml()), (Config::default(), None));
    }

    #[test]
    fn good_settings_are_read() {
        let (c, notice) = parse(
            "theme = \"light\"\ntext_width = 72\nsidebar_width = 40\n[keys]\nquit = [\"q\", \"Ctrl-c\"]\nhelp = \"F1\"\n",
        );
        assert_eq!(notice, None);
        assert_eq!(c.theme, Theme::Light);
        assert_eq!(c.text_width, 72);
        assert_eq!(c.sidebar_width, 40);
        assert_eq!(c.keys.len(), 2);
        assert_eq!(c.keys[0].action, "quit");
        assert_eq!(c.keys[0].keys, vec!["q", "Ctrl-c"]);
        assert_eq!(c.keys[0].line, 5);
        assert_eq!(c.keys[1].action, "help");
        assert_eq!(c.keys[1].keys, vec!["F1"]);
        assert_eq!(c.keys[1].mode, None);
    }

    #[test]
    fn a_bad_theme_names_the_file_and_line_and_keeps_the_rest() {
        let (c, notice) = parse("text_width = 70\n\ntheme = \"blue\"\n");
        assert_eq!(
            notice.as_deref(),
            Some("config.toml:3: unknown theme \"blue\"; using defaults")
        );
        assert_eq!(c.theme, Theme::Dark);
        assert_eq!(c.text_width, 70);
    }

    #[test]
    fn a_syntax_error_gives_defaults_and_a_line() {
        let (c, notice) = parse("theme = \"light\"\ntext_width = = 3\n");
        assert_eq!(c, Config::default());
        let notice = notice.expect("notice");
        assert!(notice.starts_with("config.toml:2: "), "{notice}");
        assert!(notice.ends_with("using defaults"), "{notice}");
        assert_eq!(notice.lines().count(), 1);
    }

    #[test]
    fn an_unknown_key_is_a_notice_not_a_failure() {
        let (c, notice) = parse("theme = \"mono\"\ncolour = \"red\"\n");
        assert_eq!(c.theme, Theme::Mono);
        assert_eq!(
            notice.as_deref(),
            Some("config.toml:2: unknown setting \"colour\"; ignored")
        );
    }

    #[test]
    fn bad_widths_and_keys_are_reported_once() {
        let (c, notice) = parse("text_width = 5\nsidebar_width = \"wide\"\n[keys]\nquit = [1]\n");
        assert_eq!(c, Config::default());
        assert_eq!(
            notice.as_deref(),
            Some("config.toml:1: text_width 5 is out of range (20 to 1000); using defaults (and 2 more)")
        );
    }

    #[test]
    fn a_modes_table_of_keys_is_read_with_its_mode_and_lines() {
        let (c, notice) =
            parse("[keys]\nhelp = \"F1\"\n\n[keys.overlay]\ncancel = [\"Esc\", \"x\"]\n");
        assert_eq!(notice, None);
        assert_eq!(c.keys.len(), 2);
        assert_eq!(c.keys[1].mode.as_deref(), Some("overlay"));
        assert_eq!(c.keys[1].action, "cancel");
        assert_eq!(c.keys[1].line, 5);
    }

    #[test]
    fn the_reading_speed_is_read_and_checked() {
        let (c, notice) = parse("words_per_minute = 300\n");
        assert_eq!((c.words_per_minute, notice), (300, None));
        let (c, notice) = parse("words_per_minute = 3\n");
        assert_eq!(c.words_per_minute, WORDS_PER_MINUTE);
        assert!(notice.unwrap().contains("out of range"));
    }

    #[test]
    fn no_color_forces_mono() {
        let (c, _) = Config::parse("theme = \"light\"\n", "config.toml", true);
        assert_eq!(c.theme, Theme::Mono);
    }

    #[test]
    fn the_config_path_follows_xdg_config_home() {
        // The only test that touches this variable, so setting it cannot race another.
        let dir = tempfile::tempdir().expect("tempdir");
        std::env::set_var("XDG_CONFIG_HOME", dir.path());
        let path = Config::default_path();
        std::env::remove_var("XDG_CONFIG_HOME");
        assert_eq!(path, Some(dir.path().join("lede").join("config.toml")));
    }

    #[test]
    fn a_missing_file_is_the_defaults_without_a_notice() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (c, notice) = Config::load(&dir.path().join("config.toml"));
        assert_eq!(notice, None);
        assert_eq!(c.text_width, 90);
    }

    #[test]
    fn a_file_on_disk_is_read() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("config.toml");
        std::fs::write(&path, "sidebar_width = 28\n").expect("write");
        let (c, notice) = Config::load(&path);
        assert_eq!(notice, None);
        assert_eq!(c.sidebar_width, 28);
    }
}
