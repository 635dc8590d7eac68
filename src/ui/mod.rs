//! Widgets that draw the reader's state and write nothing else: the reader pane, the sidebar,
//! the status line, the help overlay, and the message for a terminal too small for them.

pub mod help;
pub mod reader;
pub mod sidebar;
pub mod status;
pub mod theme;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use ratatui::Frame;

use crate::app::App;

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
        reader::render(self, &g, buf);
        sidebar::render(self, &g, buf);
        status::render(self, &g, buf);
        if self.help {
            help::render(self, area, buf);
        }
    }
}

fn app_geometry(app: &App, area: Rect) -> Option<crate::app::Geometry> {
    let g = app.geometry()?;
    let fits = g.reader.union(g.sidebar).union(g.status);
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
            buf.set_stringn(x, y, line, w as usize, ratatui::style::Style::new());
        }
    }
}

/// Writes `s` (already safe) at `x, y`, cut at `max` columns; returns the column after it.
pub(crate) fn put(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    s: &str,
    max: u16,
    style: ratatui::style::Style,
) -> u16 {
    if max == 0 {
        return x;
    }
    buf.set_stringn(x, y, s, max as usize, style).0
}
