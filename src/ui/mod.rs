//! Widgets that draw the reader's state and write nothing else: the reader pane, the sidebar
//! (beside the text, or over it on a narrow screen), the status line, the overlays (help, X-Ray,
//! outline, whole quote), and the message for a terminal too small for them.

pub mod help;
pub mod outline;
pub mod quote;
pub mod reader;
pub mod sidebar;
pub mod status;
pub mod xray;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, Clear, Widget};
use ratatui::Frame;

use crate::app::{App, Geometry, Overlay};
use crate::layout::wrap::sanitize_line;

/// Draws the whole screen.
pub fn render(app: &App, frame: &mut Frame) {
    frame.render_widget(app, frame.area());
}

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        // The app's geometry is for its own size; draw only where the buffer has room.
        let Some(g) = app_geometry(self, area) else {
            too_small(area, buf);
            return;
        };
        // What a wide overlay (all but the help) hides is not drawn beneath it.
        let hidden = if self
            .overlays()
            .iter()
            .any(|o| !matches!(o, Overlay::Help(_)))
        {
            g.overlay
        } else {
            Rect::default()
        };
        reader::render(self, &g, !covers(hidden, g.text), buf);
        if let Some(side) = self.sidebar_area() {
            if !g.sidebar_beside() {
                Clear.render(side, buf);
            }
            let list = crate::app::geometry::inner(side);
            sidebar::render(self, side, !covers(hidden, list), buf);
        }
        status::render(self, &g, buf);
        for overlay in self.overlays() {
            match overlay {
                Overlay::Help(h) => help::render(self, h, g.overlay, buf),
                Overlay::XRay(x) => xray::render(self, x, g.overlay, buf),
                Overlay::Outline(o) => outline::render(self, o, g.overlay, buf),
                Overlay::Quote(q) => quote::render(self, q, g.overlay, buf),
            }
        }
    }
}

/// Whether `outer` covers all of `inner`.
fn covers(outer: Rect, inner: Rect) -> bool {
    !outer.is_empty() && outer.union(inner) == outer
}

fn app_geometry(app: &App, area: Rect) -> Option<Geometry> {
    let g = app.geometry()?;
    let fits = g.reader.union(g.status);
    (area.contains(fits.as_position())
        && fits.right() <= area.right()
        && fits.bottom() <= area.bottom())
    .then_some(g)
}

/// The short message shown instead of the layout, cut to whatever fits (even 1×1).
fn too_small(area: Rect, buf: &mut Buffer) {
    let lines = ["Terminal too small", "for lede: enlarge it"];
    for (i, line) in lines.iter().enumerate() {
        let i = i as u16;
        if i >= area.height {
            break;
        }
        let w = (line.len() as u16).min(area.width);
        let x = area.x + (area.width - w) / 2;
        let y = area.y + area.height.saturating_sub(lines.len() as u16) / 2 + i;
        if y < area.bottom() {
            buf.set_stringn(x, y, line, w as usize, Style::new());
        }
    }
}

/// Writes `s` (already safe) at `x, y`, cut at `max` columns; returns the column after it.
pub(crate) fn put(buf: &mut Buffer, x: u16, y: u16, s: &str, max: u16, style: Style) -> u16 {
    if max == 0 {
        return x;
    }
    buf.set_stringn(x, y, s, max as usize, style).0
}

/// Writes `s` cut at `max` columns, with `…` in the last column when it is cut.
pub(crate) fn put_cut(buf: &mut Buffer, x: u16, y: u16, s: &str, max: u16, style: Style) -> u16 {
    use unicode_width::UnicodeWidthStr;
    let end = put(buf, x, y, s, max, style);
    if s.width() > max as usize && end > x {
        put(buf, end - 1, y, "…", 1, style);
    }
    end
}

/// `s` cut to `width` columns, with `…` at the end when it is cut.
pub(crate) fn cut(s: &str, width: usize) -> String {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    if s.width() <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw + 1 > width {
            break;
        }
        w += cw;
        out.push(c);
    }
    out.push('…');
    out
}

/// An overlay's frame: cleared, bordered, titled, with a hint on the bottom border. Returns its
/// inside.
pub(crate) fn frame(app: &App, area: Rect, title: &str, hint: &str, buf: &mut Buffer) -> Rect {
    let theme = app.theme();
    Clear.render(area, buf);
    let title = cut(&sanitize_line(title), area.width.saturating_sub(6) as usize);
    let mut block = Block::bordered()
        .border_style(theme.border_focused)
        .title(format!(" {title} "));
    // The hint's items that fit on the bottom border, from the first.
    let room = area.width.saturating_sub(6) as usize;
    let mut shown = String::new();
    for item in hint.split(" · ").filter(|i| !i.is_empty()) {
        let next = if shown.is_empty() {
            item.to_string()
        } else {
            format!("{shown} · {item}")
        };
        if next.chars().count() > room {
            break;
        }
        shown = next;
    }
    if !shown.is_empty() {
        block = block.title_bottom(format!(" {shown} "));
    }
    block.render(area, buf);
    crate::app::geometry::inner(area)
}

/// `keys label` pairs from the keymap, for hints: an action whose keys were all taken is left
/// out, so a hint never names a key that does something else.
pub(crate) fn hints(
    app: &App,
    mode: crate::app::KeyMode,
    items: &[(crate::app::Action, &str)],
) -> String {
    items
        .iter()
        .filter_map(|(action, label)| {
            let key = app.keymap().hint(mode, action)?;
            Some(format!("{} {label}", sanitize_line(&key)))
        })
        .collect::<Vec<_>>()
        .join(" · ")
}
