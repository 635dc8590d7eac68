//! Breaking one block of text into display units and rows.
//!
//! A block's text is read as *units*: visible grapheme clusters and collapsed runs of white
//! space. Control characters, escape sequences and bidi overrides are dropped here, so they can
//! never reach the terminal; every kind of white space (tabs, hard line breaks) becomes one space.
//! Rows are byte ranges into the text that cover the block exactly once, so offsets never move.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// The narrowest measure wrapping accepts: one wide (CJK, emoji) grapheme must fit.
pub const MIN_WIDTH: usize = 2;

/// What a block is drawn as: visible graphemes and collapsed white space.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// A visible grapheme cluster at `start..end`, `width` columns wide (1 or 2).
    Glyph {
        start: usize,
        end: usize,
        width: usize,
    },
    /// A run of white space at `start..end`, drawn as at most one space.
    Space { start: usize, end: usize },
}

/// Whether a character must never be written to the terminal: C0/C1 controls (ESC included),
/// DEL, and the bidi embedding, override and isolate controls that can reorder what is shown.
pub fn is_unsafe_char(c: char) -> bool {
    (c.is_control() && !c.is_whitespace())
        || matches!(c as u32, 0x061C | 0x200E | 0x200F | 0x202A..=0x202E | 0x2066..=0x2069)
}

/// The glyph drawn for a grapheme: itself, or a replacement when its width is not 1 or 2
/// (a cluster a terminal would draw wider than the layout counted).
pub fn glyph_symbol(g: &str) -> &str {
    if g.width() > 2 {
        "\u{FFFD}"
    } else {
        g
    }
}

/// Calls `f` with each unit of `text`, whose first byte is at offset `base` of the article.
pub fn for_each_unit(text: &str, base: usize, mut f: impl FnMut(Unit)) {
    // A white-space run stays open across dropped graphemes, so "a \x1b b" shows one space.
    let mut space: Option<(usize, usize)> = None;
    let mut glyph = |start: usize, end: usize, width: usize, space: &mut Option<(usize, usize)>| {
        if let Some((s, e)) = space.take() {
            f(Unit::Space { start: s, end: e });
        }
        f(Unit::Glyph { start, end, width });
    };
    if text.is_ascii() {
        // Fast path (most news text, whole books): one byte is one grapheme of width 1.
        for (i, b) in text.bytes().enumerate() {
            let at = base + i;
            if b.is_ascii_whitespace() || b == 0x0b {
                match &mut space {
                    Some((_, e)) => *e = at + 1,
                    None => space = Some((at, at + 1)),
                }
            } else if b >= 0x20 && b != 0x7f {
                glyph(at, at + 1, 1, &mut space);
            }
        }
    } else {
        for (i, g) in text.grapheme_indices(true) {
            let at = base + i;
            // A cluster with white space in it (a space plus a stray mark) is white space.
            if g.chars().any(char::is_whitespace) {
                match &mut space {
                    Some((_, e)) => *e = at + g.len(),
                    None => space = Some((at, at + g.len())),
                }
            } else if !g.chars().any(is_unsafe_char) {
                let w = g.width();
                if w > 0 {
                    // Wider clusters are drawn as one replacement glyph.
                    let w = if w > 2 { 1 } else { w };
                    glyph(at, at + g.len(), w, &mut space);
                }
            }
        }
    }
    if let Some((s, e)) = space {
        f(Unit::Space { start: s, end: e });
    }
}

/// Wraps `text` (at article offset `base`) into rows at most `width` columns wide (at least
/// [`MIN_WIDTH`]). Rows are consecutive byte ranges covering the whole text; breaks fall at white
/// space, or inside a word longer than a row. White space at a break stays at the end of a row.
pub fn wrap(text: &str, base: usize, width: usize) -> Vec<(usize, usize)> {
    let width = width.max(MIN_WIDTH);
    let mut rows = Vec::new();
    let mut row_start = base;
    let mut col = 0usize;
    let mut pending_space = false;
    // The current word, when it began after a space on this row: (first byte, its column).
    let mut word: Option<(usize, usize)> = None;
    for_each_unit(text, base, |unit| match unit {
        Unit::Space { .. } => {
            if col > 0 {
                pending_space = true;
            }
            word = None;
        }
        Unit::Glyph {
            start, width: w, ..
        } => {
            if pending_space {
                pending_space = false;
                if col + 1 + w <= width {
                    col += 1;
                    word = Some((start, col));
                    col += w;
                } else {
                    rows.push((row_start, start));
                    row_start = start;
                    col = w;
                    word = None;
                }
            } else if col + w <= width {
                col += w;
            } else if let Some((word_start, word_col)) = word.take() {
                // Move the word to a new row; break it there too if it is still too long.
                rows.push((row_start, word_start));
                row_start = word_start;
                col -= word_col;
                if col + w <= width {
                    col += w;
                } else {
                    rows.push((row_start, start));
                    row_start = start;
                    col = w;
                }
            } else {
                rows.push((row_start, start));
                row_start = start;
                col = w;
            }
        }
    });
    rows.push((row_start, base + text.len()));
    rows
}

/// The columns a row takes when drawn: glyphs plus single spaces between them.
pub fn row_width(text: &str, base: usize) -> usize {
    let mut col = 0;
    let mut pending = false;
    for_each_unit(text, base, |u| match u {
        Unit::Space { .. } => pending = col > 0,
        Unit::Glyph { width, .. } => {
            if pending {
                col += 1;
                pending = false;
            }
            col += width;
        }
    });
    col
}

/// One line of untrusted text (a name, a query, a file name) made safe and flat for drawing:
/// unsafe characters dropped, white space collapsed to single spaces, trimmed.
pub fn sanitize_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for_each_unit(s, 0, |u| match u {
        Unit::Space { .. } => {
            if !out.is_empty() {
                out.push(' ');
            }
        }
        Unit::Glyph { start, end, .. } => out.push_str(glyph_symbol(&s[start..end])),
    });
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn rows_of(text: &str, width: usize) -> Vec<&str> {
        wrap(text, 0, width)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    #[test]
    fn words_wrap_at_spaces_and_spaces_stay_at_row_ends() {
        assert_eq!(rows_of("aaa bbb ccc", 7), vec!["aaa bbb ", "ccc"]);
        assert_eq!(rows_of("aaa  bbb", 5), vec!["aaa  ", "bbb"]);
    }

    #[test]
    fn hard_wrapped_lines_reflow() {
        assert_eq!(rows_of("one\ntwo\nthree", 20), vec!["one\ntwo\nthree"]);
        assert_eq!(sanitize_line("one\ntwo\r\n  three"), "one two three");
    }

    #[test]
    fn long_words_break_inside() {
        assert_eq!(rows_of("abcdefgh", 3), vec!["abc", "def", "gh"]);
        assert_eq!(rows_of("ab cdefgh", 4), vec!["ab ", "cdef", "gh"]);
    }

    #[test]
    fn wide_graphemes_count_two_columns() {
        let rows = rows_of("日本語のテキスト", 5);
        assert_eq!(rows[0], "日本");
        assert!(rows.iter().all(|r| row_width(r, 0) <= 5));
    }

    #[test]
    fn combining_marks_and_emoji_stay_whole() {
        let text = "e\u{301}e\u{301} 👩‍👩‍👧 ok";
        let rows = rows_of(text, 3);
        assert_eq!(rows, vec!["e\u{301}e\u{301} ", "👩‍👩‍👧 ", "ok"]);
    }

    #[test]
    fn escape_sequences_and_controls_never_become_glyphs() {
        let text = "a\x1b[31mred\x07\u{202e}b\u{9b}c\x7f";
        assert_eq!(sanitize_line(text), "a[31mredbc");
        assert_eq!(sanitize_line("tab\there"), "tab here");
    }

    proptest! {
        #[test]
        fn wrapping_covers_every_byte_once_within_width(text in "\\PC{0,80}|[a-z \n\t\x1b]{0,80}|[\\u{0}-\\u{3000}]{0,60}", width in 2usize..30) {
            let rows = wrap(&text, 10, width);
            prop_assert!(!rows.is_empty());
            prop_assert_eq!(rows[0].0, 10);
            prop_assert_eq!(rows[rows.len() - 1].1, 10 + text.len());
            for pair in rows.windows(2) {
                prop_assert_eq!(pair[0].1, pair[1].0);
            }
            for (s, e) in rows {
                prop_assert!(s <= e);
                prop_assert!(text.is_char_boundary(s - 10) && text.is_char_boundary(e - 10));
                prop_assert!(row_width(&text[s - 10..e - 10], s) <= width);
            }
        }

        #[test]
        fn sanitized_text_has_no_unsafe_characters(text in "\\PC{0,60}|[\\u{0}-\\u{300}]{0,60}") {
            let s = sanitize_line(&text);
            prop_assert!(!s.chars().any(|c| is_unsafe_char(c) || (c.is_whitespace() && c != ' ')));
        }
    }
}
