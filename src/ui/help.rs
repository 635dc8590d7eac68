//! The help overlay, generated from the keymap: every binding with its description and the
//! action name a config file overrides its keys by. Too tall for the screen, it is set in two
//! columns; too narrow for the names, they are left out; too small for both, it is cut.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Clear, Widget};

use super::put;
use crate::app::App;
use crate::layout::wrap::sanitize_line;

/// Draws the help box over the middle of `area`.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let mut lines: Vec<(String, &str, String)> = app
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
                b.action.name().unwrap_or_default(),
            )
        })
        .collect();
    lines.push((
        "mouse".into(),
        "wheel scrolls, click selects / targets",
        String::new(),
    ));
    let width_of = |f: &dyn Fn(&(String, &str, String)) -> usize| {
        lines.iter().map(f).max().unwrap_or(0) as u16
    };
    let key_w = width_of(&|l| l.0.chars().count());
    let desc_w = width_of(&|l| l.1.chars().count());
    let name_w = width_of(&|l| l.2.chars().count());
    let n = lines.len() as u16;
    // The widest arrangement that fits: one column with names, two with names, two without.
    let col_with = key_w + desc_w + name_w + 6;
    let col_without = key_w + desc_w + 4;
    let (cols, names, col_w) = if n + 2 <= area.height && col_with + 2 <= area.width {
        (1, true, col_with)
    } else if n + 2 <= area.height {
        (1, false, col_without)
    } else if 2 * col_with + 2 <= area.width {
        (2, true, col_with)
    } else if 2 * col_without + 2 <= area.width {
        (2, false, col_without)
    } else {
        // Neither fits: one column, cut at the bottom.
        (1, col_with + 2 <= area.width, col_with.min(area.width))
    };
    let per_col = n.div_ceil(cols);
    let w = (cols * col_w + 2).min(area.width);
    let h = (per_col + 2).min(area.height);
    let r = Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    );
    Clear.render(r, buf);
    Block::bordered()
        .title(" Keys · action names for [keys] in the config · Esc closes ")
        .border_style(theme.border_focused)
        .render(r, buf);
    for (i, (keys, desc, name)) in lines.iter().enumerate() {
        let i = i as u16;
        let (c, row) = (i / per_col, i % per_col);
        let y = r.y + 1 + row;
        let x0 = r.x + 1 + c * col_w;
        if y + 1 >= r.bottom() || x0 + 1 >= r.right() {
            continue;
        }
        let right = r.right().saturating_sub(1);
        let x = put(
            buf,
            x0 + 1,
            y,
            keys,
            right.saturating_sub(x0 + 1),
            theme.prompt,
        );
        let col = (x0 + 2 + key_w).max(x + 1);
        let x = put(buf, col, y, desc, right.saturating_sub(col), theme.text);
        if names {
            let col = (x0 + 3 + key_w + desc_w).max(x + 1);
            put(buf, col, y, name, right.saturating_sub(col), theme.dim);
        }
    }
}
