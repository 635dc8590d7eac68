//! The X-Ray overlay: the entity's kind, counts and other names, a sparkline of where it
//! appears, its quotes, and every mention as a line of context centred on it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::{frame, hints, put, put_cut};
use crate::app::overlay::{XRay, XRayItem, SPARKLINE_LABEL, XRAY_HEADER};
use crate::app::{copy, Action, App, KeyMode};
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
    let text = doc.text();
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
        match x.items().get(item) {
            Some(&XRayItem::Mention { start, end, .. }) => {
                let block = doc
                    .article()
                    .block_at(start)
                    .and_then(|b| doc.article().blocks.get(b));
                let (bs, be) = block.map_or((start, end), |b| (b.start, b.end));
                // Only a window of context is cleaned: enough to fill the line.
                let room = 2 * w as usize;
                let from = floor_boundary(text, start.saturating_sub(room).max(bs.min(start)));
                let to = ceil_boundary(text, (end + room).min(be.max(end)));
                let before = text.get(from..start).unwrap_or("");
                let after = text.get(end..to).unwrap_or("");
                let word = sanitize_line(&copy::collapse(text.get(start..end).unwrap_or("")));
                let cut_before = from > bs;
                let cut_after = to < be;
                let (l, m, r) = kwic(
                    (before, cut_before),
                    &word,
                    (after, cut_after),
                    w.saturating_sub(2) as usize,
                );
                let hit = if is_selected {
                    theme.selected.patch(theme.heading)
                } else {
                    theme.target
                };
                let right = list.right().saturating_sub(1);
                let mut cx = put(buf, x0 + 1, y, &l, right.saturating_sub(x0 + 1), base);
                cx = put(buf, cx, y, &m, right.saturating_sub(cx), hit);
                put(buf, cx, y, &r, right.saturating_sub(cx), base);
            }
            Some(&XRayItem::Quote(q)) => {
                let Some(quote) = doc.quote(q) else {
                    continue;
                };
                let words = sanitize_line(&copy::collapse(
                    text.get(quote.start..quote.end).unwrap_or(""),
                ));
                let s = format!("“{words}”");
                let style = if is_selected {
                    theme.selected
                } else {
                    theme.quote
                };
                put_cut(buf, x0 + 1, y, &s, w.saturating_sub(1), style);
            }
            None => {}
        }
    }
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i.min(text.len())
}

/// Keyword in context: the text before the word (cut at a word on the left, with `…`), the word,
/// the text after (cut at a word on the right, with `…`), so that the word sits in the middle
/// of `width` columns. `before` and `after` say whether the text given was already cut short.
pub fn kwic(
    (before, before_cut): (&str, bool),
    word: &str,
    (after, after_cut): (&str, bool),
    width: usize,
) -> (String, String, String) {
    let word_w = word.width();
    if word_w >= width {
        return (String::new(), word.to_string(), String::new());
    }
    let left_room = (width - word_w) / 2;
    let right_room = width - left_room - word_w;
    // A space next to the word stays a space after collapsing.
    let before_c = {
        let c = sanitize_line(&copy::collapse(before));
        if before.ends_with(char::is_whitespace) && !c.is_empty() {
            c + " "
        } else {
            c
        }
    };
    let after_c = {
        let c = sanitize_line(&copy::collapse(after));
        if after.starts_with(char::is_whitespace) && !c.is_empty() {
            format!(" {c}")
        } else {
            c
        }
    };
    // The left: all of it when it fits, else its last words after `…`.
    let mut left = if before_c.width() <= left_room && !before_cut {
        before_c
    } else {
        let tail = take_end(&before_c, left_room.saturating_sub(1));
        // Drop a word cut in two, unless it is all there is.
        let tail = match tail.find(' ') {
            Some(i) if tail.len() < before_c.len() && i + 1 < tail.len() => &tail[i + 1..],
            _ => tail,
        };
        format!("…{tail}")
    };
    if left.width() > left_room {
        left = take_end(&left, left_room).to_string();
    }
    let left = format!("{}{left}", " ".repeat(left_room - left.width()));
    let right = if after_c.width() <= right_room && !after_cut {
        after_c
    } else {
        let head = take_start(&after_c, right_room.saturating_sub(1));
        let head = match head.rfind(' ') {
            Some(i) if head.len() < after_c.len() && i > 0 => &head[..i],
            _ => head,
        };
        format!("{head}…")
    };
    let right = take_start(&right, right_room).to_string();
    (left, word.to_string(), right)
}

/// The longest end of `s` at most `width` columns wide.
fn take_end(s: &str, width: usize) -> &str {
    let mut w = 0;
    let mut at = s.len();
    for (i, c) in s.char_indices().rev() {
        let cw = c.width().unwrap_or(0);
        if w + cw > width {
            break;
        }
        w += cw;
        at = i;
    }
    &s[at..]
}

/// The longest start of `s` at most `width` columns wide.
fn take_start(s: &str, width: usize) -> &str {
    let mut w = 0;
    for (i, c) in s.char_indices() {
        let cw = c.width().unwrap_or(0);
        if w + cw > width {
            return &s[..i];
        }
        w += cw;
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kwic_centres_the_word_and_cuts_the_context_at_words_with_an_ellipsis() {
        let (l, m, r) = kwic(
            ("one two three ", false),
            "Kim",
            (" said four five six", false),
            21,
        );
        assert_eq!(l, "  …three ");
        assert_eq!(m, "Kim");
        assert_eq!(r, " said…");
        assert!(l.width() + m.width() + r.width() <= 21);
        // Context that fits is shown whole, padded so the word stays centred.
        let (l, _, r) = kwic(("a ", false), "Kim", (" b", false), 9);
        assert_eq!((l.as_str(), r.as_str()), (" a ", " b"));
        // Text cut short before it arrived is marked even when what is left fits.
        let (l, _, r) = kwic(("end of it ", true), "Kim", (" so", true), 31);
        assert!(l.trim_start().starts_with('…'), "{l}");
        assert!(r.ends_with('…'), "{r}");
        let (l, m, r) = kwic(("a", false), "a-very-long-name", ("b", false), 5);
        assert_eq!(
            (l.as_str(), m.as_str(), r.as_str()),
            ("", "a-very-long-name", "")
        );
    }
}
