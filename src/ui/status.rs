//! The status line: the prompt while typing; otherwise position, target and hints, or a notice.

use ratatui::buffer::Buffer;

use super::put;
use crate::app::{App, Focus, Prompt};
use crate::layout::wrap::sanitize_line;

/// Draws the status line.
pub fn render(app: &App, g: &crate::app::Geometry, buf: &mut Buffer) {
    let theme = &app.theme;
    let area = g.status;
    buf.set_style(area, theme.status);
    let y = area.y;
    let end = area.right();
    match &app.prompt {
        Some(Prompt::Search { query, hits }) => {
            let q = sanitize_line(query);
            let x = put(buf, area.x, y, &format!("/{q}"), area.width, theme.prompt);
            let note = if query.is_empty() {
                "  type to search · Enter go · Esc cancel".to_string()
            } else {
                format!("  {} matches · Enter go · Esc cancel", hits.len())
            };
            put(buf, x, y, &note, end.saturating_sub(x), theme.status);
            return;
        }
        Some(Prompt::Filter) => {
            let x = put(
                buf,
                area.x,
                y,
                &format!("filter: {}", sanitize_line(app.filter())),
                area.width,
                theme.prompt,
            );
            put(
                buf,
                x,
                y,
                "  Enter keep · Esc clear",
                end.saturating_sub(x),
                theme.status,
            );
            return;
        }
        None => {}
    }
    let (para, paras, pct) = app.position();
    let mut parts = vec![format!(" ¶{para}/{paras} · {pct}%")];
    if let Some(t) = &app.target {
        let label = sanitize_line(&t.label);
        match t.current {
            Some(i) => parts.push(format!("{label} {}/{}", i + 1, t.hits.len())),
            None => parts.push(format!("{label} –/{}", t.hits.len())),
        }
    }
    if app.only_target {
        parts.push("& only its ¶".to_string());
    }
    let left = parts.join(" · ");
    let x = put(buf, area.x, y, &left, area.width, theme.status);
    if let Some(n) = &app.notice {
        put(
            buf,
            x,
            y,
            &format!(" · {n}"),
            end.saturating_sub(x),
            theme.notice,
        );
        return;
    }
    let hint = if app.focus == Focus::Sidebar && app.xray.is_some() {
        " · X-Ray: Enter go · y copy quote · Esc back · ? help"
    } else if app.focus == Focus::Sidebar {
        " · Enter go · / filter · n/N next/prev · Tab reader · ? help"
    } else if app.target.is_some() {
        " · n/N next/prev · / search · Tab sidebar · ? help"
    } else {
        " · / search · Tab sidebar · ? help · q quit"
    };
    put(buf, x, y, hint, end.saturating_sub(x), theme.dim);
}
