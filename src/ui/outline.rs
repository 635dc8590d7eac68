//! The outline overlay: headings indented by level, each with how far through the text it is;
//! the section the view is in is marked, the selection kept in view, the filter on the last line.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{frame, hints, put, put_cut};
use crate::app::overlay::{heading_text, Outline};
use crate::app::{Action, App, KeyMode};
use crate::layout::wrap::sanitize_line;

/// Draws the outline in the overlay's area.
pub fn render(app: &App, o: &Outline, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let doc = app.doc();
    let headings = doc.headings();
    let keys = if o.typing() {
        hints(
            app,
            KeyMode::Prompt,
            &[(Action::Select, "keep"), (Action::Cancel, "clear")],
        )
    } else {
        hints(
            app,
            KeyMode::Overlay,
            &[
                (Action::Select, "go"),
                (Action::Search, "filter"),
                (Action::Cancel, "close"),
            ],
        )
    };
    let noun = if headings.len() == 1 {
        "heading"
    } else {
        "headings"
    };
    let title = if o.items().len() == headings.len() {
        format!("Outline · {} {noun}", headings.len())
    } else {
        format!("Outline · {} of {} {noun}", o.items().len(), headings.len())
    };
    let inner = frame(app, area, &title, &keys, buf);
    let (list, filter_line) = o.list_area(inner);
    if let Some(line) = filter_line {
        let style = if o.typing() { theme.prompt } else { theme.dim };
        let s = format!("filter: {}", sanitize_line(o.filter()));
        put(
            buf,
            line.x + 1,
            line.y,
            &s,
            line.width.saturating_sub(1),
            style,
        );
    }
    if o.items().is_empty() {
        put(
            buf,
            list.x + 1,
            list.y,
            "No match",
            list.width.saturating_sub(1),
            theme.dim,
        );
        return;
    }
    let min_level = headings.iter().map(|h| h.level).min().unwrap_or(0);
    let blocks = &doc.article().blocks;
    let here = app.reader().top().byte;
    // Where each heading is, in the percent the status line counts (of the rows to scroll).
    let layout = app.reader().layout();
    let max = app.reader().max_top_row(app.page_rows()).max(1);
    let percent = |block: usize| {
        let start = blocks.get(block).map_or(0, |b| b.start);
        let row = layout.row_for_anchor(crate::layout::Anchor { block, byte: start });
        (row * 100 / max).min(100)
    };
    // The section the view is in: the last heading at or before the top of the view.
    let current = headings
        .iter()
        .rposition(|h| blocks.get(h.block).is_some_and(|b| b.start <= here));
    let model = o.list();
    let right = list.right().saturating_sub(1);
    for (i, (_, item)) in model.visible().enumerate() {
        let y = list.y + i as u16;
        let Some(item) = item else {
            continue;
        };
        let Some(&index) = o.items().get(item) else {
            continue;
        };
        let Some(h) = headings.get(index) else {
            continue;
        };
        let selected = model.selected() == Some(item);
        let style = if selected {
            buf.set_style(Rect::new(list.x, y, list.width, 1), theme.selected);
            theme.selected
        } else if h.level == min_level {
            theme.heading
        } else {
            theme.text
        };
        let marker = if current == Some(index) { "▸ " } else { "  " };
        let indent = "  ".repeat(h.level.saturating_sub(min_level).min(6) as usize);
        let pct = format!("{:>3}%", percent(h.block));
        let pct_x = right.saturating_sub(pct.len() as u16);
        let s = format!("{marker}{indent}{}", sanitize_line(&heading_text(doc, h)));
        put_cut(
            buf,
            list.x + 1,
            y,
            &s,
            pct_x.saturating_sub(list.x + 2),
            style,
        );
        put(
            buf,
            pct_x,
            y,
            &pct,
            right.saturating_sub(pct_x),
            if selected { style } else { theme.dim },
        );
    }
}
