//! The X-Ray overlay: the entity's kind, counts and other names, a sparkline of where it
//! appears, its quotes, and every mention as a line of context centred on it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

use super::{frame, hints, put, put_cut};
use crate::app::overlay::{XRay, XRayItem, XRayLine, SPARKLINE_LABEL, XRAY_HEADER};
use crate::app::{Action, App, KeyMode};
use crate::layout::wrap::sanitize_line;

/// The sparkline's levels, from none to most.
const BARS: [&str; 9] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"];

/// Draws the X-Ray in the overlay's area.
pub fn render(app: &App, x: &XRay, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let doc = app.doc();
    let Some(entity) = doc.entity(x.entity()) else {
        return;
    };
    let keys = hints(
        app,
        KeyMode::Overlay,
        &[
            (Action::Select, "go"),
            (Action::XRay, "whole quote"),
            (Action::CopyQuote, "copy quote"),
            (Action::Cancel, "close"),
        ],
    );
    let inner = frame(app, area, &format!("X-Ray · {}", entity.name), &keys, buf);
    if inner.width < 8 || inner.height < XRAY_HEADER + 1 {
        return;
    }
    let w = inner.width.saturating_sub(2);
    let x0 = inner.x + 1;
    let (quotes, mentions) = x.counts();
    let plural = |n: usize, one: &str, many: &str| {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {many}")
        }
    };
    let kind = entity.kind.heading().trim_end_matches('s');
    let kind = match entity.kind {
        crate::analysis::EntityKind::Person => "Person",
        _ => kind,
    };
    let head = format!(
        "{kind} · {} · {}",
        plural(mentions, "mention", "mentions"),
        plural(quotes, "quote", "quotes")
    );
    put(
        buf,
        x0,
        inner.y,
        &head,
        w,
        theme.entity(entity.kind).patch(theme.heading),
    );
    let aliases: Vec<String> = entity
        .aliases
        .iter()
        .filter(|a| **a != entity.name)
        .map(|a| sanitize_line(a))
        .collect();
    let aka = if aliases.is_empty() {
        "No other names".to_string()
    } else {
        format!("Also: {}", aliases.join(", "))
    };
    put_cut(buf, x0, inner.y + 1, &aka, w, theme.dim);
    // Where it appears: one cell per slice of the text; the reader's place is marked.
    let sx = put(buf, x0, inner.y + 2, SPARKLINE_LABEL, w, theme.dim);
    let line = x.sparkline();
    let cells = line
        .len()
        .min(w.saturating_sub(SPARKLINE_LABEL.width() as u16) as usize);
    for (i, level) in line.iter().take(cells).enumerate() {
        let bar = BARS[(*level as usize).min(8)];
        put(
            buf,
            sx + i as u16,
            inner.y + 2,
            bar,
            1,
            theme.entity(entity.kind),
        );
    }
    // Under it, where the reader is.
    if cells > 0 {
        let len = doc.text().len().max(1);
        let here = (app.reader().top().byte * cells / len).min(cells - 1) as u16;
        let marker = "▲ you are here";
        let x = if here as usize + marker.width() <= cells {
            sx + here
        } else {
            sx + here.saturating_sub(marker.width() as u16 - 1)
        };
        let label = if here as usize + marker.width() <= cells {
            marker.to_string()
        } else {
            "you are here ▲".to_string()
        };
        put(
            buf,
            x,
            inner.y + 3,
            &label,
            inner.right().saturating_sub(x + 1),
            theme.dim,
        );
    }
    let list = Rect::new(
        inner.x,
        inner.y + XRAY_HEADER,
        inner.width,
        inner.height - XRAY_HEADER,
    );
    let model = x.list();
    let selected = model.selected();
    for (i, (row, item)) in model.visible().enumerate() {
        let y = list.y + i as u16;
        let Some(item) = item else {
            // A heading: of the quotes when a quote follows, else of the mentions.
            let next = model.rows().get(row + 1).copied().flatten();
            let label = match next.and_then(|n| x.items().get(n)) {
                Some(XRayItem::Quote(_)) => plural(quotes, "quote", "quotes"),
                _ => plural(mentions, "mention", "mentions"),
            };
            let label = format!("{}{}", label[..1].to_uppercase(), &label[1..]);
            put(buf, x0, y, &label, w, theme.list_heading);
            continue;
        };
        let is_selected = selected == Some(item);
        let base = if is_selected {
            buf.set_style(Rect::new(list.x, y, list.width, 1), theme.selected);
            theme.selected
        } else {
            theme.dim
        };
        match x.line(item) {
            Some(XRayLine::Context {
                before,
                word,
                after,
            }) => {
                let hit = if is_selected {
                    theme.selected.patch(theme.heading)
                } else {
                    theme.target
                };
                let right = list.right().saturating_sub(1);
                let mut cx = put(buf, x0 + 1, y, before, right.saturating_sub(x0 + 1), base);
                cx = put(buf, cx, y, word, right.saturating_sub(cx), hit);
                put(buf, cx, y, after, right.saturating_sub(cx), base);
            }
            Some(XRayLine::Quote(words)) => {
                let style = if is_selected {
                    theme.selected
                } else {
                    theme.quote
                };
                put_cut(buf, x0 + 1, y, words, w.saturating_sub(1), style);
            }
            None => {}
        }
    }
}
