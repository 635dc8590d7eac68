//! The sidebar: tabs for the article's entities (grouped by kind, most mentioned first) and its
//! quotes (document order: speaker, opening words, kind), with the selection kept in view.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, Widget};
use unicode_width::UnicodeWidthStr;

use super::put;
use crate::app::{App, EntityLine, Focus, Geometry, Tab};
use crate::layout::wrap::sanitize_line;

/// Draws the sidebar (nothing when the screen is too narrow for one).
pub fn render(app: &App, g: &Geometry, buf: &mut Buffer) {
    if g.sidebar.width < 4 {
        return;
    }
    let theme = &app.theme;
    let focused = app.focus == Focus::Sidebar;
    Block::bordered()
        .border_style(if focused {
            theme.border_focused
        } else {
            theme.border
        })
        .render(g.sidebar, buf);
    draw_tabs(app, g.sidebar, buf);
    let mut inner = g.sidebar_inner();
    let Some(analysis) = &app.analysis else {
        put(
            buf,
            inner.x + 1,
            inner.y,
            "Analysing…",
            inner.width.saturating_sub(1),
            theme.dim,
        );
        return;
    };
    if !app.filter().is_empty() && inner.height > 1 {
        inner.height -= 1;
        let text = format!("filter: {}", sanitize_line(app.filter()));
        put(
            buf,
            inner.x + 1,
            inner.bottom(),
            &text,
            inner.width.saturating_sub(1),
            theme.prompt,
        );
    }
    let selected_style = if focused {
        theme.selected
    } else {
        theme.selected_unfocused
    };
    let h = inner.height as usize;
    match app.tab {
        Tab::Entities => {
            let lines = app.entity_lines();
            if lines.is_empty() {
                let msg = if analysis.entities.is_empty() {
                    "No entities found"
                } else {
                    "No match"
                };
                put(
                    buf,
                    inner.x + 1,
                    inner.y,
                    msg,
                    inner.width.saturating_sub(1),
                    theme.dim,
                );
                return;
            }
            let sel_line = app.entity_line_of(app.entity_sel, &lines);
            let offset = App::list_offset(sel_line + 1, h);
            let target = app.target.as_ref().and_then(|t| t.entity);
            for (i, line) in lines.iter().skip(offset).take(h).enumerate() {
                let y = inner.y + i as u16;
                match *line {
                    EntityLine::Heading(kind, n) => {
                        let s = format!("{} {n}", kind.heading());
                        put(
                            buf,
                            inner.x + 1,
                            y,
                            &s,
                            inner.width.saturating_sub(1),
                            theme.list_heading,
                        );
                    }
                    EntityLine::Entity(e) => {
                        let Some(entity) = analysis.entities.get(e) else {
                            continue;
                        };
                        let selected = offset + i == sel_line;
                        let marker = if selected {
                            "▶ "
                        } else if target == Some(e) {
                            "• "
                        } else {
                            "  "
                        };
                        let style = if selected {
                            selected_style
                        } else {
                            theme.entity(entity.kind)
                        };
                        let count = entity.mentions.len().to_string();
                        item_line(
                            buf,
                            inner,
                            y,
                            marker,
                            &sanitize_line(&entity.name),
                            &count,
                            style,
                        );
                    }
                }
            }
        }
        Tab::Quotes => {
            let items = app.quote_items();
            if items.is_empty() {
                let msg = if app.speaker_only {
                    "No quotes by this speaker"
                } else if !app.quote_filter.is_empty() {
                    "No match"
                } else {
                    "No quotes found"
                };
                put(
                    buf,
                    inner.x + 1,
                    inner.y,
                    msg,
                    inner.width.saturating_sub(1),
                    theme.dim,
                );
                return;
            }
            let sel = app.quote_sel;
            let offset = App::list_offset((sel.unwrap_or(0) + 1) * 2, h);
            let text = app.article.text();
            for line in offset..(offset + h).min(items.len() * 2) {
                let y = inner.y + (line - offset) as u16;
                let i = line / 2;
                let Some(q) = items.get(i).and_then(|&k| analysis.quotes.get(k)) else {
                    continue;
                };
                let selected = sel == Some(i);
                if line % 2 == 0 {
                    let style = if selected {
                        selected_style
                    } else {
                        theme.heading
                    };
                    let who = sanitize_line(&app.speaker_name(items[i]));
                    item_line(
                        buf,
                        inner,
                        y,
                        if selected { "▶ " } else { "  " },
                        &who,
                        q.kind.as_str(),
                        style,
                    );
                } else {
                    let words = sanitize_line(text.get(q.start..q.end).unwrap_or(""));
                    let s = format!("“{words}”");
                    let w = inner.width.saturating_sub(4);
                    let x = put(buf, inner.x + 3, y, &s, w, theme.quote);
                    if s.width() > w as usize && x > inner.x + 3 {
                        put(buf, x - 1, y, "…", 1, theme.quote);
                    }
                }
            }
        }
    }
}

/// `▶ name ……… right` on one row of the list, the name cut to leave room for `right`.
fn item_line(
    buf: &mut Buffer,
    inner: Rect,
    y: u16,
    marker: &str,
    name: &str,
    right: &str,
    style: Style,
) {
    let w = inner.width;
    if w < 4 {
        return;
    }
    buf.set_style(Rect::new(inner.x, y, w, 1), style);
    let right_w = right.width() as u16;
    let x = put(buf, inner.x + 1, y, marker, 2, style);
    let name_room = w.saturating_sub(3 + right_w + 2);
    let shown = put(buf, x, y, name, name_room, style);
    if name.width() > name_room as usize && shown > x {
        put(buf, shown - 1, y, "…", 1, style);
    }
    let rx = inner.right().saturating_sub(right_w + 1);
    if rx > shown {
        put(buf, rx, y, right, right_w, style);
    }
}

fn draw_tabs(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let (ne, nq) = app
        .analysis
        .as_ref()
        .map_or((0, 0), |a| (a.entities.len(), a.quotes.len()));
    let (ent, quo) = if app.analysis.is_some() {
        (format!("Entities {ne}"), format!("Quotes {nq}"))
    } else {
        ("Entities".to_string(), "Quotes".to_string())
    };
    let (se, sq) = match app.tab {
        Tab::Entities => (theme.tab_active, theme.tab),
        Tab::Quotes => (theme.tab, theme.tab_active),
    };
    let right = area.right().saturating_sub(1);
    let room = right.saturating_sub(area.x + 1) as usize;
    // The spaced form when it fits, else a compact one, so both counts stay visible.
    let (pad, sep) = if ent.width() + quo.width() + 5 <= room {
        (" ", " │ ")
    } else {
        ("", "│")
    };
    let mut x = area.x + 1;
    x = put(buf, x, area.y, pad, right.saturating_sub(x), theme.border);
    x = put(buf, x, area.y, &ent, right.saturating_sub(x), se);
    x = put(buf, x, area.y, sep, right.saturating_sub(x), theme.border);
    x = put(buf, x, area.y, &quo, right.saturating_sub(x), sq);
    put(buf, x, area.y, pad, right.saturating_sub(x), theme.border);
}
