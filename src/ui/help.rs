//! The help overlay: the lines the keymap generates (each mode's bindings with their action
//! names for `[keys]`), scrolled; the border says where in them the view is.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{frame, hints, put, put_cut};
use crate::app::overlay::{help_lines, Help, HelpLine};
use crate::app::{Action, App, KeyMode};
use crate::layout::wrap::sanitize_line;

/// Draws the help in the overlay's area: as wide as its columns need, as tall as its lines
/// (it scrolls when they are more).
pub fn render(app: &App, help: &Help, overlay: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let lines = help_lines(app.keymap());
    let width_of = |f: &dyn Fn(&HelpLine) -> usize| lines.iter().map(f).max().unwrap_or(0) as u16;
    let key_w = width_of(&|l| match l {
        HelpLine::Keys { keys, .. } => keys.chars().count(),
        _ => 0,
    });
    let desc_w = width_of(&|l| match l {
        HelpLine::Keys { desc, .. } => desc.chars().count(),
        _ => 0,
    });
    let name_w = width_of(&|l| match l {
        HelpLine::Keys { name, .. } => name.chars().count(),
        _ => 0,
    });
    let w = (key_w + desc_w + name_w + 10).min(overlay.width);
    // Nearly the overlay's width: all of it, so no sliver of the screen shows beside.
    let w = if overlay.width - w < 8 {
        overlay.width
    } else {
        w
    };
    let h = (lines.len() as u16 + 2).min(overlay.height);
    let area = Rect::new(
        overlay.x + (overlay.width - w) / 2,
        overlay.y + (overlay.height - h) / 2,
        w,
        h,
    );
    let height = area.height.saturating_sub(2) as usize;
    let scroll = help.scroll();
    let shown_to = (scroll + height).min(lines.len());
    let title = if lines.len() > height {
        format!("Keys {}–{} of {}", scroll + 1, shown_to, lines.len())
    } else {
        "Keys".to_string()
    };
    let keys = hints(
        app,
        KeyMode::Overlay,
        &[
            (Action::Down, "down"),
            (Action::Up, "up"),
            (Action::Cancel, "close"),
        ],
    );
    let inner = frame(app, area, &title, &keys, buf);
    // The action names, dimmed, where there is room for them.
    let names = key_w + desc_w + name_w + 8 <= inner.width;
    let right = inner.right().saturating_sub(1);
    for (i, line) in lines.iter().skip(scroll).take(height).enumerate() {
        let y = inner.y + i as u16;
        let x0 = inner.x + 1;
        match line {
            HelpLine::Section(title) => {
                put(
                    buf,
                    x0,
                    y,
                    title,
                    right.saturating_sub(x0),
                    theme.list_heading,
                );
            }
            HelpLine::Keys { keys, desc, name } => {
                // A configured key may be any character; never draw a control one.
                let keys = sanitize_line(keys);
                let x = put_cut(
                    buf,
                    x0 + 1,
                    y,
                    &keys,
                    right.saturating_sub(x0 + 1),
                    theme.prompt,
                );
                let col = (x0 + 3 + key_w).max(x + 1);
                let x = put_cut(buf, col, y, desc, right.saturating_sub(col), theme.text);
                if names && !name.is_empty() {
                    let col = (x0 + 5 + key_w + desc_w).max(x + 1);
                    put(buf, col, y, name, right.saturating_sub(col), theme.dim);
                }
            }
            HelpLine::Blank => {}
        }
    }
}
