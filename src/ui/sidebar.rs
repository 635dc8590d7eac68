//! The sidebar: tabs for the article's entities and its quotes, each list drawn from the same
//! model (rows and offset) that clicks read, and the filter on the last line while it is set.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, Widget};
use unicode_width::UnicodeWidthStr;

use super::{put, put_cut};
use crate::app::sidebar::EntityLine;
use crate::app::{App, Ctx, Focus, Tab};
use crate::layout::wrap::sanitize_line;

/// Draws the sidebar in `area` (border included); its list only when `draw_list` (an overlay may
/// hide it).
pub fn render(app: &App, area: Rect, draw_list: bool, buf: &mut Buffer) {
    if area.width < 4 || area.height < 3 {
        return;
    }
    let theme = app.theme();
    let focused = app.focus() == Focus::Sidebar && app.overlays().is_empty();
    Block::bordered()
        .border_style(if focused {
            theme.border_focused
        } else {
            theme.border
        })
        .render(area, buf);
    draw_tabs(app, area, buf);
    if !draw_list {
        return;
    }
    let sidebar = app.sidebar();
    let (list, filter_line) = sidebar.list_area(area, app.filtering());
    let doc = app.doc();
    let Some(analysis) = doc.analysis() else {
        let percent = doc.progress() * 100 / crate::analysis::PROGRESS_DONE;
        let label = if percent > 0 {
            format!("Analysing… {percent}%")
        } else {
            "Analysing…".to_string()
        };
        put(
            buf,
            list.x + 1,
            list.y,
            &label,
            list.width.saturating_sub(1),
            theme.dim,
        );
        return;
    };
    if let Some(line) = filter_line {
        let text = format!("filter: {}", sanitize_line(sidebar.filter()));
        let style = if app.filtering() {
            theme.prompt
        } else {
            theme.dim
        };
        put(
            buf,
            line.x + 1,
            line.y,
            &text,
            line.width.saturating_sub(1),
            style,
        );
    }
    let selected_style = if focused {
        theme.selected
    } else {
        theme.selected_unfocused
    };
    let model = sidebar.list();
    let empty = |msg: &str, buf: &mut Buffer| {
        put(
            buf,
            list.x + 1,
            list.y,
            msg,
            list.width.saturating_sub(1),
            theme.dim,
        );
    };
    match sidebar.tab() {
        Tab::Entities => {
            if sidebar.entity_items().is_empty() {
                empty(
                    if doc.entity_order().is_empty() {
                        "No entities found"
                    } else {
                        "No match"
                    },
                    buf,
                );
                return;
            }
            let target = app.reader().target().and_then(|t| t.entity());
            let selected = model.selected();
            for (i, (row, item)) in model.visible().enumerate() {
                let y = list.y + i as u16;
                match sidebar.entity_lines().get(row) {
                    Some(EntityLine::Heading(kind, n)) => {
                        let s = format!("{} {n}", kind.heading());
                        put(
                            buf,
                            list.x + 1,
                            y,
                            &s,
                            list.width.saturating_sub(1),
                            theme.list_heading,
                        );
                    }
                    Some(&EntityLine::Entity(e)) => {
                        let Some(entity) = analysis.entities.get(e) else {
                            continue;
                        };
                        let is_selected = item.is_some() && item == selected;
                        let marker = if is_selected {
                            "▶ "
                        } else if target == Some(e) {
                            "• "
                        } else {
                            "  "
                        };
                        let style = if is_selected {
                            selected_style
                        } else {
                            theme.entity(entity.kind)
                        };
                        let count = doc.mention_count(e).to_string();
                        item_line(
                            buf,
                            list,
                            y,
                            marker,
                            &sanitize_line(&entity.name),
                            &count,
                            style,
                        );
                    }
                    None => {}
                }
            }
        }
        Tab::Quotes => {
            if sidebar.quote_items().is_empty() {
                empty(
                    if sidebar.speaker_only() {
                        "No quotes by this speaker"
                    } else if !sidebar.filter().is_empty() {
                        "No match"
                    } else {
                        "No quotes found"
                    },
                    buf,
                );
                return;
            }
            let text = doc.text();
            let selected = model.selected();
            for (i, (row, item)) in model.visible().enumerate() {
                let y = list.y + i as u16;
                let Some(item) = item else {
                    continue;
                };
                let Some(&q) = sidebar.quote_items().get(item) else {
                    continue;
                };
                let Some(quote) = analysis.quotes.get(q) else {
                    continue;
                };
                let is_selected = selected == Some(item);
                // The first row of a quote is its speaker, the second its words.
                if model.span(item).is_some_and(|(first, _)| first == row) {
                    let style = if is_selected {
                        selected_style
                    } else {
                        theme.heading
                    };
                    let who = sanitize_line(&doc.speaker_name(q));
                    item_line(
                        buf,
                        list,
                        y,
                        if is_selected { "▶ " } else { "  " },
                        &who,
                        quote.kind.as_str(),
                        style,
                    );
                } else {
                    let words = sanitize_line(text.get(quote.start..quote.end).unwrap_or(""));
                    let s = format!("“{words}”");
                    put_cut(
                        buf,
                        list.x + 3,
                        y,
                        &s,
                        list.width.saturating_sub(4),
                        theme.quote,
                    );
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
    let shown = put_cut(buf, x, y, name, name_room, style);
    let rx = inner.right().saturating_sub(right_w + 1);
    if rx > shown {
        put(buf, rx, y, right, right_w, style);
    }
}

/// The tab labels on the top border, with counts: `Quotes 12/9215` while a filter (or `s`)
/// leaves some out.
fn draw_tabs(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let sidebar = app.sidebar();
    let ctx = Ctx {
        doc: app.doc(),
        keymap: app.keymap(),
        geometry: app.geometry(),
        target_entity: None,
        top: app.reader().top(),
    };
    let ((ne, te), (nq, tq)) = sidebar.counts(&ctx);
    let count = |shown: usize, total: usize| {
        if shown == total {
            total.to_string()
        } else {
            format!("{shown}/{total}")
        }
    };
    let (ent, quo) = if app.doc().analysis().is_some() {
        (
            format!("Entities {}", count(ne, te)),
            format!("Quotes {}", count(nq, tq)),
        )
    } else {
        ("Entities".to_string(), "Quotes".to_string())
    };
    let (se, sq) = match sidebar.tab() {
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
