//! Where everything goes on a screen of a given size. Both the pure `update` (page sizes,
//! clicks) and the widgets read it, so they always agree.

use ratatui::layout::Rect;

/// The smallest screen the full layout is drawn on.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 8;
/// The widest a line of text gets, for a readable measure.
pub const MAX_MEASURE: u16 = 88;

/// The rectangles of the full layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Geometry {
    /// The reader pane, border included.
    pub reader: Rect,
    /// The text column inside it (the measure, centred).
    pub text: Rect,
    /// The sidebar, border included (zero width when hidden on narrow screens).
    pub sidebar: Rect,
    /// The status line.
    pub status: Rect,
}

impl Geometry {
    /// The layout of a `width` × `height` screen, or `None` when it is too small for it.
    pub fn new(width: u16, height: u16) -> Option<Geometry> {
        Geometry::sized(width, height, None, None)
    }

    /// The layout with the configured widest text column and sidebar width (`None`: automatic).
    pub fn sized(
        width: u16,
        height: u16,
        text_width: Option<u16>,
        sidebar_width: Option<u16>,
    ) -> Option<Geometry> {
        if width < MIN_WIDTH || height < MIN_HEIGHT {
            return None;
        }
        let main_h = height - 1;
        let mut side_w = sidebar_width.unwrap_or((width * 3 / 10).clamp(28, 40));
        if width.saturating_sub(side_w) < 34 {
            side_w = width.saturating_sub(34);
            if side_w < 20 {
                side_w = 0;
            }
        }
        let reader_w = width - side_w;
        let reader = Rect::new(0, 0, reader_w, main_h);
        let inner_w = reader_w - 2;
        let measure = inner_w
            .saturating_sub(2)
            .min(text_width.unwrap_or(MAX_MEASURE).max(1));
        let text = Rect::new(1 + (inner_w - measure) / 2, 1, measure, main_h - 2);
        Some(Geometry {
            reader,
            text,
            sidebar: Rect::new(reader_w, 0, side_w, main_h),
            status: Rect::new(0, main_h, width, 1),
        })
    }

    /// The inside of the sidebar's border.
    pub fn sidebar_inner(&self) -> Rect {
        if self.sidebar.width < 2 {
            return Rect::new(self.sidebar.x, self.sidebar.y, 0, 0);
        }
        Rect::new(
            self.sidebar.x + 1,
            self.sidebar.y + 1,
            self.sidebar.width - 2,
            self.sidebar.height.saturating_sub(2),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_screens_get_no_layout_and_wide_ones_a_centred_measure() {
        assert_eq!(Geometry::new(1, 1), None);
        assert_eq!(Geometry::new(39, 30), None);
        let g = Geometry::new(60, 20).unwrap();
        assert!(g.sidebar.width >= 20 && g.text.width >= 28);
        let g = Geometry::new(300, 50).unwrap();
        assert_eq!(g.text.width, MAX_MEASURE);
        assert!(g.text.x > 1);
        let g = Geometry::new(40, 8).unwrap();
        assert_eq!(g.sidebar.width, 0);
    }

    #[test]
    fn configured_widths_are_honoured_where_they_fit() {
        let g = Geometry::sized(120, 30, Some(60), Some(36)).unwrap();
        assert_eq!(g.sidebar.width, 36);
        assert_eq!(g.text.width, 60);
        // A sidebar too wide for the screen gives way to the text.
        let g = Geometry::sized(60, 20, None, Some(100)).unwrap();
        assert!(g.text.width >= 28);
    }
}
