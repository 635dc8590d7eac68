//! The help overlay, generated from the keymap: every binding with its description.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Clear, Widget};

use super::put;
use crate::app::App;
use crate::layout::wrap::sanitize_line;

/// Draws the help box over the middle of `area`.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let mut lines: Vec<(String, &str)> = app
        .keymap
        .bindings
        .iter()
        .filter(|b| !b.keys.is_empty())
        .map(|b| {
            (
                b.keys
                    .iter()
                    // A configured key may be any character; never draw a control one.
                    .map(|k| sanitize_line(&k.label()))
                    .collect::<Vec<_>>()
                    .join(", "),
                b.desc,
            )
        })
        .collect();
    lines.push(("mouse".into(), "wheel scrolls, click selects / targets"));
    let key_w = lines.iter().map(|l| l.0.chars().count()).max().unwrap_or(0) as u16;
    let desc_w = lines.iter().map(|l| l.1.chars().count()).max().unwrap_or(0) as u16;
    let w = (key_w + desc_w + 6).min(area.width);
    let h = (lines.len() as u16 + 2).min(area.height);
    let r = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    Clear.render(r, buf);
    Block::bordered()
        .title(" Keys · Esc closes ")
        .border_style(theme.border_focused)
        .render(r, buf);
    let inner_w = w.saturating_sub(2);
    for (i, (keys, desc)) in lines.iter().enumerate() {
        let y = r.y + 1 + i as u16;
        if y + 1 >= r.bottom() {
            break;
        }
        let x = put(
            buf,
            r.x + 2,
            y,
            keys,
            inner_w.saturating_sub(1),
            theme.prompt,
        );
        let col = (r.x + 3 + key_w).max(x + 1);
        put(
            buf,
            col,
            y,
            desc,
            r.right().saturating_sub(col + 1),
            theme.text,
        );
    }
}
