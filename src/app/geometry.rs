//! Where everything goes on a screen of a given size. Both the pure `update` (page sizes,
//! clicks, list heights) and the widgets read it, so they always agree.

use ratatui::layout::Rect;

/// The smallest screen the full layout is drawn on: its width and height.
pub const MIN_WIDTH: u16 = 40;
/// See [`MIN_WIDTH`].
pub const MIN_HEIGHT: u16 = 8;
/// The widest a line of text gets by default, for a readable measure.
pub const MAX_MEASURE: u16 = 88;
/// The narrowest text column `<` makes.
pub const MIN_MEASURE: u16 = 20;
/// The narrowest the text column beside the sidebar may get before the sidebar gives way.
const MIN_READER: u16 = 34;
/// The narrowest sidebar worth showing beside the text.
const MIN_SIDEBAR: u16 = 20;
/// Below this width, the sidebar drawn over the text takes the whole width.
const FULL_DRAWER: u16 = 64;
/// The widest an overlay (X-Ray, outline, quote, help) grows.
const MAX_OVERLAY: u16 = 120;

/// How the screen is to be divided, besides its size: from the config and the user's `z`, `<`
/// and `>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Settings {
    /// The widest the text column grows (`None`: [`MAX_MEASURE`]).
    pub text_width: Option<u16>,
    /// The sidebar's width (`None`: about three tenths of the screen).
    pub sidebar_width: Option<u16>,
    /// The sidebar is hidden (`z`): the text takes the whole width.
    pub sidebar_hidden: bool,
}

/// The rectangles of the full layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Geometry {
    /// The reader pane, border included.
    pub reader: Rect,
    /// The text column inside it (the measure, centred).
    pub text: Rect,
    /// The sidebar beside the reader, border included; zero width when it does not fit or is
    /// hidden, and then it is drawn over the text in [`Geometry::drawer`] while it has focus.
    pub sidebar: Rect,
    /// Where the sidebar is drawn over the text when it is not beside it.
    pub drawer: Rect,
    /// Where overlays (help, X-Ray, outline, whole quote) are drawn, border included.
    pub overlay: Rect,
    /// The status line.
    pub status: Rect,
}

impl Geometry {
    /// The layout of a `width` × `height` screen with the default settings, or `None` when it is
    /// too small for it.
    pub fn new(width: u16, height: u16) -> Option<Geometry> {
        Geometry::sized(width, height, Settings::default())
    }

    /// The layout with the given settings, or `None` when the screen is too small for it.
    pub fn sized(width: u16, height: u16, settings: Settings) -> Option<Geometry> {
        if width < MIN_WIDTH || height < MIN_HEIGHT {
            return None;
        }
        let main_h = height - 1;
        let wanted_side = settings
            .sidebar_width
            .unwrap_or((width * 3 / 10).clamp(28, 40));
        let mut side_w = wanted_side;
        if width.saturating_sub(side_w) < MIN_READER {
            side_w = width.saturating_sub(MIN_READER);
            if side_w < MIN_SIDEBAR {
                side_w = 0;
            }
        }
        if settings.sidebar_hidden {
            side_w = 0;
        }
        let reader_w = width - side_w;
        let reader = Rect::new(0, 0, reader_w, main_h);
        let inner_w = reader_w - 2;
        let measure = inner_w
            .saturating_sub(2)
            .min(settings.text_width.unwrap_or(MAX_MEASURE).max(1));
        let text = Rect::new(1 + (inner_w - measure) / 2, 1, measure, main_h - 2);
        let drawer_w = if width < FULL_DRAWER {
            width
        } else {
            wanted_side.clamp(MIN_SIDEBAR, width)
        };
        let overlay_w = if width < FULL_DRAWER {
            width
        } else {
            (width - 4).min(MAX_OVERLAY)
        };
        let overlay_h = if height < 16 { main_h } else { main_h - 2 };
        let overlay = Rect::new(
            (width - overlay_w) / 2,
            (main_h - overlay_h) / 2,
            overlay_w,
            overlay_h,
        );
        Some(Geometry {
            reader,
            text,
            sidebar: Rect::new(reader_w, 0, side_w, main_h),
            drawer: Rect::new(width - drawer_w, 0, drawer_w, main_h),
            overlay,
            status: Rect::new(0, main_h, width, 1),
        })
    }

    /// Whether the sidebar has room beside the text.
    pub fn sidebar_beside(&self) -> bool {
        self.sidebar.width > 0
    }

    /// The widest the text column can be on this screen: the reader's inside less a margin.
    pub fn widest_text(&self) -> u16 {
        self.reader.width.saturating_sub(4)
    }
}

/// The inside of a bordered rectangle.
pub fn inner(area: Rect) -> Rect {
    if area.width < 2 || area.height < 2 {
        return Rect::new(area.x, area.y, 0, 0);
    }
    Rect::new(area.x + 1, area.y + 1, area.width - 2, area.height - 2)
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
        let settings = Settings {
            text_width: Some(60),
            sidebar_width: Some(36),
            sidebar_hidden: false,
        };
        let g = Geometry::sized(120, 30, settings).unwrap();
        assert_eq!(g.sidebar.width, 36);
        assert_eq!(g.text.width, 60);
        // A sidebar too wide for the screen gives way to the text.
        let settings = Settings {
            sidebar_width: Some(100),
            ..Settings::default()
        };
        let g = Geometry::sized(60, 20, settings).unwrap();
        assert!(g.text.width >= 28);
    }

    #[test]
    fn a_hidden_or_narrow_sidebar_is_drawn_over_the_text() {
        let hidden = Settings {
            sidebar_hidden: true,
            ..Settings::default()
        };
        let g = Geometry::sized(120, 30, hidden).unwrap();
        assert!(!g.sidebar_beside());
        assert_eq!(g.reader.width, 120);
        assert_eq!(g.drawer.right(), 120);
        assert!(g.drawer.width >= 28 && g.drawer.width < 60);
        let g = Geometry::new(50, 20).unwrap();
        assert!(!g.sidebar_beside());
        assert_eq!(g.drawer, Rect::new(0, 0, 50, 19));
        assert_eq!(g.overlay.width, 50);
        let g = Geometry::new(100, 30).unwrap();
        assert!(g.overlay.width > 90 && g.overlay.bottom() <= g.status.y);
    }
}
