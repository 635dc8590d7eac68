//! The whole-quote overlay: who said it, the cue and the kind, the quotation wrapped, and the
//! sentence around it with the quotation set off.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::reader::draw_text;
use super::{frame, hints, put, put_cut};
use crate::app::overlay::{quote_lines, QuoteLine, QuoteView};
use crate::app::{Action, App, KeyMode};
use crate::layout::wrap::sanitize_line;

/// Draws the quote in the overlay's area.
pub fn render(app: &App, v: &QuoteView, area: Rect, buf: &mut Buffer) {
    let theme = app.theme();
    let doc = app.doc();
    let n = app
        .sidebar()
        .quote_items()
        .iter()
        .position(|&q| q == v.quote());
    let title = match n {
        Some(i) => format!("Quote {} of {}", i + 1, app.sidebar().quote_items().len()),
        None => "Quote".to_string(),
    };
    let keys = hints(
        app,
        KeyMode::Overlay,
        &[
            (Action::Select, "go"),
            (Action::CopyQuote, "copy"),
            (Action::Cancel, "close"),
        ],
    );
    let inner = frame(app, area, &title, &keys, buf);
    let width = QuoteView::width(inner);
    let lines = quote_lines(doc, v.quote(), width);
    let span = doc
        .quote_span(v.quote())
        .map(|s| (s.start, s.end))
        .or_else(|| doc.quote(v.quote()).map(|q| (q.start, q.end)));
    let x0 = inner.x + 2;
    let right = (x0 + width as u16).min(inner.right());
    for (i, line) in lines
        .iter()
        .skip(v.scroll())
        .take(inner.height as usize)
        .enumerate()
    {
        let y = inner.y + i as u16;
        match line {
            QuoteLine::Label {
                who,
                unnamed,
                cue,
                kind,
            } => {
                let who = sanitize_line(who);
                let who_style = if *unnamed {
                    theme.heading.patch(theme.dek)
                } else {
                    theme.heading.patch(theme.person)
                };
                let mut x = put_cut(buf, x0, y, &who, right.saturating_sub(x0), who_style);
                if *unnamed {
                    x = put(buf, x, y, " (unnamed)", right.saturating_sub(x), theme.dim);
                }
                let mut rest = Vec::new();
                if let Some(c) = cue {
                    rest.push(sanitize_line(c));
                }
                rest.push(kind.to_string());
                put(
                    buf,
                    x,
                    y,
                    &format!(" · {}", rest.join(" · ")),
                    right.saturating_sub(x),
                    theme.dim,
                );
            }
            QuoteLine::Heading(h) => {
                put(buf, x0, y, h, right.saturating_sub(x0), theme.list_heading);
            }
            QuoteLine::Words { start, end } => {
                draw_text(doc.text(), (*start, *end), (x0, y, right), buf, |_| {
                    theme.quote
                });
            }
            QuoteLine::Context { start, end } => {
                let in_quote = |b: usize| span.is_some_and(|(s, e)| s <= b && b < e);
                draw_text(doc.text(), (*start, *end), (x0, y, right), buf, |b| {
                    if in_quote(b) {
                        theme.current_quote
                    } else {
                        theme.text
                    }
                });
            }
            QuoteLine::Blank => {}
        }
    }
}
