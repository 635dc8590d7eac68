//! The status line: the prompt while typing; otherwise the position (¶, percent, reading time
//! left), the target and its counter, and hints drawn from the configured keymap — or a notice.

use ratatui::buffer::Buffer;

use super::{hints, put};
use crate::app::{Action, App, Focus, KeyMode, Mode, Pending, PromptKind, Tab};
use crate::layout::wrap::sanitize_line;

/// Draws the status line.
pub fn render(app: &App, g: &crate::app::Geometry, buf: &mut Buffer) {
    let theme = app.theme();
    let area = g.status;
    buf.set_style(area, theme.status);
    let y = area.y;
    let end = area.right();
    if let Some(p) = app.prompt() {
        let (label, note) = match p.kind() {
            PromptKind::Search => {
                let n = p.hits().len();
                let note = if p.text().is_empty() {
                    "type to search".to_string()
                } else {
                    match n {
                        0 => "no match".to_string(),
                        1 => "1 match".to_string(),
                        n => format!("{n} matches"),
                    }
                };
                (format!("/{}", sanitize_line(p.text())), note)
            }
            PromptKind::Filter => {
                let ((ne, _), (nq, _)) = counts(app);
                let n = match app.sidebar().tab() {
                    Tab::Entities => ne,
                    Tab::Quotes => nq,
                };
                let note = match n {
                    1 => "1 item".to_string(),
                    n => format!("{n} items"),
                };
                (format!("filter: {}", sanitize_line(p.text())), note)
            }
        };
        let keys = hints(
            app,
            KeyMode::Prompt,
            &[
                (Action::Select, "go"),
                (Action::Cancel, "cancel"),
                (Action::Up, "earlier"),
            ],
        );
        let x = put(buf, area.x, y, &label, area.width, theme.prompt);
        put(
            buf,
            x,
            y,
            &format!("  {note} · {keys}"),
            end.saturating_sub(x),
            theme.status,
        );
        return;
    }
    let reader = app.reader();
    let page = g.text.height as usize;
    let pos = reader.position(app.doc(), page);
    let mut parts = vec![format!(
        " ¶{}/{} · {}%",
        pos.paragraph, pos.paragraphs, pos.percent
    )];
    if let Some(left) = pos
        .words_left
        .and_then(|w| time_left(w, app.words_per_minute()))
    {
        parts.push(left);
    }
    if let Some((label, current, n)) = reader.counter(app.doc(), page) {
        let label = sanitize_line(label);
        match current {
            Some(i) => parts.push(format!("{label} {}/{n}", i + 1)),
            None => parts.push(format!("{label} –/{n}")),
        }
    }
    if reader.only_target() {
        parts.push("& only its ¶".to_string());
    }
    if let Mode::Pending(Pending::Count { value, .. }) = app.mode() {
        let key = app
            .keymap()
            .hint(KeyMode::Normal, &Action::Percent)
            .unwrap_or_default();
        parts.push(format!(
            "count {value}: {} goes to {value}%",
            sanitize_line(&key)
        ));
    }
    let left = parts.join(" · ");
    let x = put(buf, area.x, y, &left, area.width, theme.status);
    if let Some(n) = app.notice() {
        put(
            buf,
            x,
            y,
            &format!(" · {}", sanitize_line(n)),
            end.saturating_sub(x),
            theme.notice,
        );
        return;
    }
    if !app.overlays().is_empty() {
        return;
    }
    // Whole hints only, as many as fit.
    let room = end.saturating_sub(x) as usize;
    let mut shown = String::new();
    for item in normal_hints(app).split(" · ").filter(|i| !i.is_empty()) {
        let next = format!("{shown} · {item}");
        if next.chars().count() > room {
            break;
        }
        shown = next;
    }
    put(buf, x, y, &shown, end.saturating_sub(x), theme.dim);
}

/// The hints for the normal mode, by focus, with the keys the keymap gives.
fn normal_hints(app: &App) -> String {
    let pair = |a: &Action, b: &Action| {
        let k = app.keymap();
        match (k.hint(KeyMode::Normal, a), k.hint(KeyMode::Normal, b)) {
            (Some(a), Some(b)) => Some(format!("{}/{}", sanitize_line(&a), sanitize_line(&b))),
            _ => None,
        }
    };
    let mut out = Vec::new();
    let sidebar = app.focus() == Focus::Sidebar && app.sidebar_area().is_some();
    let items: &[(Action, &str)] = if sidebar {
        let detail = match app.sidebar().tab() {
            Tab::Entities => "X-Ray",
            Tab::Quotes => "whole quote",
        };
        out.push(hints(
            app,
            KeyMode::Normal,
            &[
                (Action::Select, "go"),
                (Action::XRay, detail),
                (Action::Search, "filter"),
            ],
        ));
        &[(Action::ToggleFocus, "text"), (Action::Help, "help")]
    } else if app.reader().target().is_some() {
        if let Some(nav) = pair(&Action::NextHit, &Action::PrevHit) {
            out.push(format!("{nav} next/prev"));
        }
        &[
            (Action::Cancel, "clear"),
            (Action::Search, "search"),
            (Action::Help, "help"),
        ]
    } else {
        &[
            (Action::Search, "search"),
            (Action::Outline, "outline"),
            (Action::ToggleFocus, "sidebar"),
            (Action::Help, "help"),
            (Action::Quit, "quit"),
        ]
    };
    out.push(hints(app, KeyMode::Normal, items));
    out.retain(|s| !s.is_empty());
    out.join(" · ")
}

/// How many entities and quotes are listed, and how many there are.
fn counts(app: &App) -> ((usize, usize), (usize, usize)) {
    let ctx = crate::app::Ctx {
        doc: app.doc(),
        keymap: app.keymap(),
        geometry: app.geometry(),
        target_entity: None,
        top: app.reader().top(),
    };
    app.sidebar().counts(&ctx)
}

/// `12 min left`, `3 h 5 min left`, `<1 min left`; nothing at the end.
pub fn time_left(words: usize, words_per_minute: u16) -> Option<String> {
    if words == 0 {
        return None;
    }
    let minutes = words.div_ceil(words_per_minute.max(1) as usize);
    Some(match minutes {
        0 | 1 if words < words_per_minute as usize => "<1 min left".to_string(),
        m if m < 60 => format!("{m} min left"),
        m if m % 60 == 0 => format!("{} h left", m / 60),
        m => format!("{} h {} min left", m / 60, m % 60),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_time_left_is_counted_in_minutes_and_hours() {
        assert_eq!(time_left(0, 238), None);
        assert_eq!(time_left(100, 238).as_deref(), Some("<1 min left"));
        assert_eq!(time_left(238, 238).as_deref(), Some("1 min left"));
        assert_eq!(time_left(239, 238).as_deref(), Some("2 min left"));
        assert_eq!(time_left(238 * 60, 238).as_deref(), Some("1 h left"));
        assert_eq!(time_left(238 * 125, 238).as_deref(), Some("2 h 5 min left"));
    }
}
