//! The reader pane: only the visible rows of the cached layout, each drawn grapheme by
//! grapheme with the style of what lies under it (block kind, quote, mention, target, hit).

use ratatui::buffer::Buffer;
use ratatui::style::Style;
use ratatui::widgets::{Block, Widget};

use crate::app::doc::{Mark, QuoteSpan};
use crate::app::{App, Focus, Geometry};
use crate::layout::wrap::{self, Unit};
use crate::layout::Row;

/// Draws the reader pane; its text only when `text` (an overlay may hide it).
pub fn render(app: &App, g: &Geometry, text: bool, buf: &mut Buffer) {
    let theme = app.theme();
    let border = if app.focus() == Focus::Reader && app.overlays().is_empty() {
        theme.border_focused
    } else {
        theme.border
    };
    let title = wrap::sanitize_line(app.doc().title());
    let title = format!(
        " {} ",
        super::cut(&title, g.reader.width.saturating_sub(6) as usize)
    );
    Block::bordered()
        .border_style(border)
        .title(title)
        .render(g.reader, buf);
    // The mention minimap: ticks on the right border where the target's hits are.
    let x = g.reader.right().saturating_sub(1);
    for &t in app.reader().ticks() {
        if t < g.text.height {
            if let Some(cell) = buf.cell_mut((x, g.text.y + t)) {
                cell.set_symbol("┃").set_style(theme.target);
            }
        }
    }
    if !text {
        return;
    }
    let layout = app.reader().layout();
    let top = app.reader().top_row();
    let current = app.reader().current_hit(app.doc(), g.text.height as usize);
    for y in 0..g.text.height {
        let Some(row) = layout.rows.get(top + y as usize) else {
            break;
        };
        if !row.gap {
            draw_row(
                app,
                row,
                current,
                (g.text.x, g.text.y + y, g.text.right()),
                buf,
            );
        }
    }
}

/// What lies under the glyphs of one row, walked in step with them.
struct Cursor<'a, T> {
    spans: &'a [T],
    at: usize,
    end_of: fn(&T) -> usize,
    start_of: fn(&T) -> usize,
}

impl<'a, T> Cursor<'a, T> {
    fn new(
        spans: &'a [T],
        from: usize,
        start_of: fn(&T) -> usize,
        end_of: fn(&T) -> usize,
    ) -> Self {
        let at = spans.partition_point(|s| end_of(s) <= from);
        Cursor {
            spans,
            at,
            end_of,
            start_of,
        }
    }

    /// The span containing `byte` (bytes are visited in increasing order).
    fn at(&mut self, byte: usize) -> Option<&'a T> {
        while self
            .spans
            .get(self.at)
            .is_some_and(|s| (self.end_of)(s) <= byte)
        {
            self.at += 1;
        }
        self.spans
            .get(self.at)
            .filter(|s| (self.start_of)(s) <= byte)
    }
}

/// Draws one row at `(x0, y)`, up to column `right`; `current` is the hit last jumped to.
fn draw_row(
    app: &App,
    row: &Row,
    current: Option<(usize, usize)>,
    (x0, y, right): (u16, u16, u16),
    buf: &mut Buffer,
) {
    let theme = app.theme();
    let doc = app.doc();
    let text = doc.text();
    let base = doc
        .article()
        .blocks
        .get(row.block)
        .map_or(theme.text, |b| theme.block(b.kind));
    let kinds = doc.analysis().map(|a| &a.entities);
    let reader = app.reader();
    let mut marks = Cursor::new(doc.marks(), row.start, |m: &Mark| m.start, |m| m.end);
    let mut quotes = Cursor::new(
        doc.quote_spans(),
        row.start,
        |q: &QuoteSpan| q.start,
        |q| q.end,
    );
    let mut hits = Cursor::new(reader.highlighted_hits(), row.start, |h| h.0, |h| h.1);
    let current_quote = reader.current_quote();
    let style_at = |byte: usize| -> Style {
        let mut style = base;
        if let Some(q) = quotes.at(byte) {
            style = style.patch(if current_quote == Some(q.quote) {
                theme.current_quote
            } else {
                theme.quote
            });
        }
        if let Some(m) = marks.at(byte) {
            if let Some(e) = kinds.and_then(|es| es.get(m.entity)) {
                style = style.patch(theme.entity(e.kind));
            }
        }
        if hits.at(byte).is_some() {
            style = style.patch(theme.target);
        }
        if current.is_some_and(|(s, e)| s <= byte && byte < e) {
            style = style.patch(theme.current);
        }
        style
    };
    draw_text(
        text,
        (row.start, row.end),
        (x0 + row.indent, y, right),
        buf,
        style_at,
    );
}

/// Draws the text at `range` from `(x, y)` up to column `right`, grapheme by grapheme, with
/// white space collapsed and each glyph in the style `style_at` gives its byte (a space inside
/// a mention or quote takes its style too, so highlights are whole). Control characters are
/// never drawn.
pub(crate) fn draw_text(
    text: &str,
    (start, end): (usize, usize),
    (x0, y, right): (u16, u16, u16),
    buf: &mut Buffer,
    mut style_at: impl FnMut(usize) -> Style,
) {
    let Some(body) = text.get(start..end) else {
        return;
    };
    let mut x = x0;
    let mut pending: Option<usize> = None;
    wrap::for_each_unit(body, start, |unit| match unit {
        Unit::Space { start, .. } => {
            if x > x0 {
                pending = Some(start);
            }
        }
        Unit::Glyph { start, end, width } => {
            if let Some(space) = pending.take() {
                let style = style_at(space);
                if x < right {
                    if let Some(cell) = buf.cell_mut((x, y)) {
                        cell.set_symbol(" ").set_style(style);
                    }
                }
                x += 1;
            }
            let w = width as u16;
            if x + w > right {
                x += w;
                return;
            }
            let style = style_at(start);
            let symbol = wrap::glyph_symbol(text.get(start..end).unwrap_or(" "));
            if let Some(cell) = buf.cell_mut((x, y)) {
                cell.set_symbol(symbol).set_style(style);
            }
            for dx in 1..w {
                if let Some(cell) = buf.cell_mut((x + dx, y)) {
                    cell.reset();
                }
            }
            x += w;
        }
    });
}
