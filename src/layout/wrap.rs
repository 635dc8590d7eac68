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

/// Collects white space into runs and hands units on.
struct Emitter<F: FnMut(Unit)> {
    f: F,
    // A white-space run stays open across dropped graphemes, so "a \x1b b" shows one space.
    space: Option<(usize, usize)>,
}

impl<F: FnMut(Unit)> Emitter<F> {
    fn space(&mut self, start: usize, end: usize) {
        match &mut self.space {
            Some((_, e)) => *e = end,
            None => self.space = Some((start, end)),
        }
    }

    fn glyph(&mut self, start: usize, end: usize, width: usize) {
        if let Some((s, e)) = self.space.take() {
            (self.f)(Unit::Space { start: s, end: e });
        }
        (self.f)(Unit::Glyph { start, end, width });
    }

    /// ASCII text: one byte is one grapheme of width 1 (the fast path for most text).
    fn ascii(&mut self, bytes: &[u8], base: usize) {
        for (i, &b) in bytes.iter().enumerate() {
            let at = base + i;
            if b.is_ascii_whitespace() || b == 0x0b {
                self.space(at, at + 1);
            } else if b >= 0x20 && b != 0x7f {
                self.glyph(at, at + 1, 1);
            }
        }
    }

    /// Any text, by grapheme clusters.
    fn graphemes(&mut self, text: &str, base: usize) {
        for (i, g) in text.grapheme_indices(true) {
            let at = base + i;
            // A cluster with white space in it (a space plus a stray mark) is white space.
            if g.chars().any(char::is_whitespace) {
                self.space(at, at + g.len());
            } else if !g.chars().any(is_unsafe_char) {
                let w = g.width();
                if w > 0 {
                    // Wider clusters are drawn as one replacement glyph.
                    self.glyph(at, at + g.len(), if w > 2 { 1 } else { w });
                }
            }
        }
    }

    fn finish(mut self) {
        if let Some((s, e)) = self.space.take() {
            (self.f)(Unit::Space { start: s, end: e });
        }
    }
}

/// Calls `f` with each unit of `text`, whose first byte is at offset `base` of the article.
///
/// ASCII stretches take a byte-wise fast path; grapheme segmentation runs only on the
/// non-ASCII stretches, each widened to start and end between two ASCII characters (where
/// there is always a cluster boundary, but for CR LF, which is white space either way).
pub fn for_each_unit(text: &str, base: usize, f: impl FnMut(Unit)) {
    let mut out = Emitter { f, space: None };
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut i = 0;
    while i < n {
        let j = bytes[i..]
            .iter()
            .position(|&b| b >= 0x80)
            .map_or(n, |p| i + p);
        // The ASCII character before a non-ASCII one may start its cluster (`e` + accent).
        let k = if j < n && j > i { j - 1 } else { j };
        out.ascii(&bytes[i..k], base + i);
        if k >= n {
            break;
        }
        let mut e = j;
        loop {
            while e < n && bytes[e] >= 0x80 {
                e += 1;
            }
            if e + 1 < n && bytes[e + 1] >= 0x80 {
                e += 1;
                continue;
            }
            break;
        }
        // One more ASCII character, which a prepended mark may join.
        if e < n {
            e += 1;
        }
        out.graphemes(text.get(k..e).unwrap_or(""), base + k);
        i = e;
    }
    out.finish();
}

/// Wraps `text` (at article offset `base`) into rows at most `width` columns wide (at least
/// [`MIN_WIDTH`]). Rows are consecutive byte ranges covering the whole text; breaks fall at white
/// space, or inside a word longer than a row. White space at a break stays at the end of a row.
pub fn wrap(text: &str, base: usize, width: usize) -> Vec<(usize, usize)> {
    let width = width.max(MIN_WIDTH);
    wrap_by_words(text, base, width).unwrap_or_else(|| wrap_by_glyphs(text, base, width))
}

/// ASCII white space, the only separator the word-level path knows.
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// The fast path: whole words at a time, measuring only non-ASCII words grapheme by grapheme.
/// Gives up (`None`) on anything the glyph-level path handles differently: controls, words
/// longer than a row, non-ASCII white space, words that draw nothing, and clusters that join
/// a word to the white space around it.
fn wrap_by_words(text: &str, base: usize, width: usize) -> Option<Vec<(usize, usize)>> {
    let bytes = text.as_bytes();
    // A fold rather than `any`, so the check runs without branches (it vectorises).
    let controls = bytes.iter().fold(false, |seen, &b| {
        seen | ((b < 0x20 && !is_ascii_space(b)) || b == 0x7f)
    });
    if controls {
        return None;
    }
    let n = bytes.len();
    let mut rows = Vec::new();
    let mut row_start = base;
    let mut col = 0;
    let mut i = 0;
    loop {
        while i < n && is_ascii_space(bytes[i]) {
            i += 1;
        }
        if i >= n {
            break;
        }
        let word_start = i;
        i = bytes[i..]
            .iter()
            .position(|&b| is_ascii_space(b))
            .map_or(n, |p| i + p);
        let word = &bytes[word_start..i];
        let w = if word.is_ascii() {
            word.len()
        } else {
            word_width(text, word_start, i)?
        };
        if w > width {
            return None;
        }
        if col == 0 {
            col = w;
        } else if col + 1 + w <= width {
            col += 1 + w;
        } else {
            rows.push((row_start, base + word_start));
            row_start = base + word_start;
            col = w;
        }
    }
    rows.push((row_start, base + n));
    Some(rows)
}

/// Whether a character is one grapheme cluster of width 1 on its own that never joins its
/// neighbours: the Latin letters and signs of Latin-1 and Latin Extended (soft hyphen aside)
/// and the dashes, quotation marks and dots of General Punctuation. Most non-ASCII words of
/// European text are made only of these and ASCII.
fn is_simple_char(c: char) -> bool {
    matches!(c as u32, 0x21..=0x7e | 0xa1..=0xac | 0xae..=0x24f | 0x2010..=0x2027 | 0x2030..=0x203e)
}

/// The drawn width of a non-ASCII word at `start..end`, if it behaves as one word.
fn word_width(text: &str, start: usize, end: usize) -> Option<usize> {
    let word = text.get(start..end)?;
    if word.chars().all(is_simple_char) {
        return Some(word.chars().count());
    }
    // The white space around the word must not join its first or last cluster.
    if start > 0 && text.get(start - 1..end)?.graphemes(true).next()?.len() != 1 {
        return None;
    }
    if end < text.len() && text.get(start..end + 1)?.graphemes(true).next_back()?.len() != 1 {
        return None;
    }
    let mut w = 0;
    let mut plain = true;
    for_each_unit(text.get(start..end)?, 0, |u| match u {
        Unit::Space { .. } => plain = false,
        // A word must start with a drawn glyph: rows break at glyphs, not at dropped marks.
        Unit::Glyph { start, .. } if w == 0 && start > 0 => plain = false,
        Unit::Glyph { width, .. } => w += width,
    });
    (plain && w > 0).then_some(w)
}

/// The general path: glyph by glyph, breaking inside words that do not fit a row.
fn wrap_by_glyphs(text: &str, base: usize, width: usize) -> Vec<(usize, usize)> {
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
        // A space with a mark joined to it is still white space.
        assert_eq!(sanitize_line("a\u{2000}\u{aa29}b"), "a b");
    }

    /// The plain grapheme walk the fast path must agree with.
    fn units_by_graphemes(text: &str) -> Vec<Unit> {
        let mut v = Vec::new();
        let mut out = Emitter {
            f: |u| v.push(u),
            space: None,
        };
        out.graphemes(text, 0);
        out.finish();
        v
    }

    fn units(text: &str) -> Vec<Unit> {
        let mut v = Vec::new();
        for_each_unit(text, 0, |u| v.push(u));
        v
    }

    #[test]
    fn the_ascii_fast_path_agrees_with_grapheme_segmentation() {
        for text in [
            "plain",
            "caf\u{e9} e\u{301}t\u{e9}",
            "a “quoted” b",
            "x\u{301}\u{302}y",
            "\u{e9}a\u{301}",
        ] {
            assert_eq!(units(text), units_by_graphemes(text), "{text:?}");
        }
    }

    #[test]
    fn word_level_wrapping_takes_real_paragraphs_and_agrees() {
        let text = include_str!("../../assets/north-korea-summit.txt");
        let mut fast = 0;
        for para in text.split("\n\n") {
            for width in [20, 37, 88] {
                if let Some(rows) = wrap_by_words(para, 0, width) {
                    fast += 1;
                    assert_eq!(rows, wrap_by_glyphs(para, 0, width));
                }
            }
        }
        assert!(fast > 20);
        // Found by the property test: a word that starts with a mark the layout drops.
        let text = "一é“a“一“\n\u{301}aa“";
        assert_eq!(wrap_by_words(text, 0, 9), None);
        assert_eq!(wrap(text, 0, 9), wrap_by_glyphs(text, 0, 9));
    }

    proptest! {
        #[test]
        fn word_level_wrapping_agrees_with_glyph_level(text in "\\PC{0,80}|[a-e \\n\\u{301}\\u{e9}\\u{201c}\\u{4e00}\\u{a0}]{0,80}", width in 2usize..20) {
            if let Some(rows) = wrap_by_words(&text, 0, width) {
                prop_assert_eq!(rows, wrap_by_glyphs(&text, 0, width));
            }
        }

        #[test]
        fn fast_path_matches_graphemes(text in "[a-e \\n\\u{300}\\u{301}\\u{e9}\\u{201c}\\u{4e00}\\u{200d}\\u{1f600}]{0,40}") {
            prop_assert_eq!(units(&text), units_by_graphemes(&text));
        }

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
