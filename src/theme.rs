//! Colours and text styles. Widgets read every style from a [`Theme`]; `mono` uses only bold,
//! italic, underline and reverse, for `NO_COLOR` and for terminals without colour.

use ratatui::style::{Color, Modifier, Style};

use crate::analysis::EntityKind;
use crate::article::BlockKind;

/// Every style the widgets use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub name: &'static str,
    pub text: Style,
    pub kicker: Style,
    pub title: Style,
    pub dek: Style,
    pub byline: Style,
    pub heading: Style,
    pub aside: Style,
    /// Quoted words, set off from the writer's own.
    pub quote: Style,
    /// The quote last jumped to.
    pub current_quote: Style,
    /// Mentions by kind: person, place, org, date, other.
    pub person: Style,
    pub place: Style,
    pub org: Style,
    pub date: Style,
    pub other_entity: Style,
    /// Every hit of the current target.
    pub target: Style,
    /// The hit last jumped to.
    pub current: Style,
    pub border: Style,
    pub border_focused: Style,
    pub tab: Style,
    pub tab_active: Style,
    pub list_heading: Style,
    pub selected: Style,
    /// The selection when the sidebar is not focused.
    pub selected_unfocused: Style,
    pub dim: Style,
    pub status: Style,
    pub notice: Style,
    pub prompt: Style,
}

impl Theme {
    /// For dark terminal backgrounds.
    pub fn dark() -> Theme {
        let s = Style::new();
        Theme {
            name: "dark",
            text: s,
            kicker: s.fg(Color::LightCyan).add_modifier(Modifier::BOLD),
            title: s.fg(Color::White).add_modifier(Modifier::BOLD),
            dek: s.fg(Color::Gray).add_modifier(Modifier::ITALIC),
            byline: s.fg(Color::DarkGray),
            heading: s.add_modifier(Modifier::BOLD),
            aside: s.fg(Color::DarkGray),
            quote: s.fg(Color::LightYellow).add_modifier(Modifier::ITALIC),
            current_quote: s
                .fg(Color::LightYellow)
                .add_modifier(Modifier::ITALIC | Modifier::UNDERLINED),
            person: s.fg(Color::LightGreen),
            place: s.fg(Color::LightBlue),
            org: s.fg(Color::LightMagenta),
            date: s.fg(Color::Cyan),
            other_entity: s.fg(Color::Gray),
            target: s.fg(Color::Black).bg(Color::Yellow),
            current: s
                .fg(Color::Black)
                .bg(Color::LightRed)
                .add_modifier(Modifier::BOLD),
            border: s.fg(Color::DarkGray),
            border_focused: s.fg(Color::Cyan),
            tab: s.fg(Color::Gray),
            tab_active: s
                .fg(Color::White)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            list_heading: s.fg(Color::Cyan).add_modifier(Modifier::BOLD),
            selected: s.fg(Color::Black).bg(Color::Cyan),
            selected_unfocused: s.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            dim: s.fg(Color::DarkGray),
            status: s.fg(Color::Gray),
            notice: s.fg(Color::Yellow).add_modifier(Modifier::BOLD),
            prompt: s.fg(Color::White).add_modifier(Modifier::BOLD),
        }
    }

    /// For light terminal backgrounds.
    pub fn light() -> Theme {
        let s = Style::new();
        Theme {
            name: "light",
            kicker: s.fg(Color::Blue).add_modifier(Modifier::BOLD),
            title: s.fg(Color::Black).add_modifier(Modifier::BOLD),
            dek: s.fg(Color::DarkGray).add_modifier(Modifier::ITALIC),
            byline: s.fg(Color::DarkGray),
            aside: s.fg(Color::DarkGray),
            quote: s.fg(Color::Rgb(120, 70, 0)).add_modifier(Modifier::ITALIC),
            current_quote: s
                .fg(Color::Rgb(120, 70, 0))
                .add_modifier(Modifier::ITALIC | Modifier::UNDERLINED),
            person: s.fg(Color::Green),
            place: s.fg(Color::Blue),
            org: s.fg(Color::Magenta),
            date: s.fg(Color::Rgb(0, 110, 110)),
            other_entity: s.fg(Color::DarkGray),
            target: s.fg(Color::Black).bg(Color::LightYellow),
            current: s
                .fg(Color::White)
                .bg(Color::Red)
                .add_modifier(Modifier::BOLD),
            border: s.fg(Color::Gray),
            border_focused: s.fg(Color::Blue),
            tab: s.fg(Color::DarkGray),
            tab_active: s
                .fg(Color::Black)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            list_heading: s.fg(Color::Blue).add_modifier(Modifier::BOLD),
            selected: s.fg(Color::White).bg(Color::Blue),
            dim: s.fg(Color::DarkGray),
            status: s.fg(Color::DarkGray),
            notice: s.fg(Color::Red).add_modifier(Modifier::BOLD),
            prompt: s.fg(Color::Black).add_modifier(Modifier::BOLD),
            ..Theme::dark()
        }
    }

    /// No colour at all: modifiers only.
    pub fn mono() -> Theme {
        let s = Style::new();
        let b = s.add_modifier(Modifier::BOLD);
        Theme {
            name: "mono",
            text: s,
            kicker: b,
            title: b,
            dek: s.add_modifier(Modifier::ITALIC),
            byline: s,
            heading: b,
            aside: s,
            quote: s.add_modifier(Modifier::ITALIC),
            current_quote: s.add_modifier(Modifier::ITALIC | Modifier::UNDERLINED),
            person: s.add_modifier(Modifier::UNDERLINED),
            place: s.add_modifier(Modifier::UNDERLINED),
            org: s.add_modifier(Modifier::UNDERLINED),
            date: s.add_modifier(Modifier::UNDERLINED),
            other_entity: s,
            target: s.add_modifier(Modifier::REVERSED),
            current: s.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            border: s,
            border_focused: b,
            tab: s,
            tab_active: s.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            list_heading: b,
            selected: s.add_modifier(Modifier::REVERSED),
            selected_unfocused: s.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            dim: s,
            status: s,
            notice: b,
            prompt: b,
        }
    }

    /// A theme by name (`dark`, `light`, `mono`).
    pub fn by_name(name: &str) -> Option<Theme> {
        match name {
            "dark" => Some(Theme::dark()),
            "light" => Some(Theme::light()),
            "mono" => Some(Theme::mono()),
            _ => None,
        }
    }

    /// The theme for this environment: `mono` when `NO_COLOR` is set (and not empty).
    pub fn from_env() -> Theme {
        match std::env::var_os("NO_COLOR") {
            Some(v) if !v.is_empty() => Theme::mono(),
            _ => Theme::dark(),
        }
    }

    /// The base style of a block kind.
    pub fn block(&self, kind: BlockKind) -> Style {
        match kind {
            BlockKind::Kicker => self.kicker,
            BlockKind::Title => self.title,
            BlockKind::Dek => self.dek,
            BlockKind::Byline | BlockKind::Dateline => self.byline,
            BlockKind::Heading => self.heading,
            BlockKind::Blockquote => self.quote,
            BlockKind::Caption | BlockKind::Bio | BlockKind::Boilerplate => self.aside,
            BlockKind::Body | BlockKind::List => self.text,
        }
    }

    /// The subtle colour of a mention by entity kind.
    pub fn entity(&self, kind: EntityKind) -> Style {
        match kind {
            EntityKind::Person => self.person,
            EntityKind::Place => self.place,
            EntityKind::Org => self.org,
            EntityKind::Date => self.date,
            _ => self.other_entity,
        }
    }
}

impl Default for Theme {
    fn default() -> Self {
        Theme::dark()
    }
}
