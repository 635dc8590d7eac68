//! The sidebar: tabs for the article's entities (grouped by kind, most mentioned first) and its
//! quotes (document order: speaker, opening words, kind), with the selection kept in view.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, Widget};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::put;
use crate::app::{App, EntityLine, Focus, Geometry, Tab, XRay, XRayItem};
use crate::layout::wrap::sanitize_line;

/// Draws the sidebar (nothing when the screen is too narrow for one).
pub fn render(app: &App, g: &Geometry, buf: &mut Buffer) {
    if g.sidebar.width < 4 {
        return;
    }
    let theme = &app.theme;
    let focused = app.focus == Focus::Sidebar;
    Block::bordered()
        .border_style(if focused {
            theme.border_focused
        } else {
            theme.border
        })
        .render(g.sidebar, buf);
    draw_tabs(app, g.sidebar, buf);
    let mut inner = g.sidebar_inner();
    let Some(analysis) = &app.analysis else {
        let percent = app.analysis_progress * 100 / crate::analysis::PROGRESS_DONE;
        let label = if percent > 0 {
            format!("Analysing… {percent}%")
        } else {
            "Analysing…".to_string()
        };
        put(
            buf,
            inner.x + 1,
            inner.y,
            &label,
            inner.width.saturating_sub(1),
            theme.dim,
        );
        return;
    };
    if let Some(x) = &app.xray {
        draw_xray(app, x, inner, buf);
        return;
    }
    if !app.filter().is_empty() && inner.height > 1 {
        inner.height -= 1;
        let text = format!("filter: {}", sanitize_line(app.filter()));
        put(
            buf,
            inner.x + 1,
            inner.bottom(),
            &text,
            inner.width.saturating_sub(1),
            theme.prompt,
        );
    }
    let selected_style = if focused {
        theme.selected
    } else {
        theme.selected_unfocused
    };
    let h = inner.height as usize;
    match app.tab {
        Tab::Entities => {
            let lines = app.entity_lines();
            if lines.is_empty() {
                let msg = if analysis.entities.is_empty() {
                    "No entities found"
                } else {
                    "No match"
                };
                put(
                    buf,
                    inner.x + 1,
                    inner.y,
                    msg,
                    inner.width.saturating_sub(1),
                    theme.dim,
                );
                return;
            }
            let sel_line = app.entity_line_of(app.entity_sel, &lines);
            let offset = App::list_offset(sel_line + 1, h);
            let target = app.target.as_ref().and_then(|t| t.entity);
            for (i, line) in lines.iter().skip(offset).take(h).enumerate() {
                let y = inner.y + i as u16;
                match *line {
                    EntityLine::Heading(kind, n) => {
                        let s = format!("{} {n}", kind.heading());
                        put(
                            buf,
                            inner.x + 1,
                            y,
                            &s,
                            inner.width.saturating_sub(1),
                            theme.list_heading,
                        );
                    }
                    EntityLine::Entity(e) => {
                        let Some(entity) = analysis.entities.get(e) else {
                            continue;
                        };
                        let selected = offset + i == sel_line;
                        let marker = if selected {
                            "▶ "
                        } else if target == Some(e) {
                            "• "
                        } else {
                            "  "
                        };
                        let style = if selected {
                            selected_style
                        } else {
                            theme.entity(entity.kind)
                        };
                        let count = entity.mentions.len().to_string();
                        item_line(
                            buf,
                            inner,
                            y,
                            marker,
                            &sanitize_line(&entity.name),
                            &count,
                            style,
                        );
                    }
                }
            }
        }
        Tab::Quotes => {
            let items = app.quote_items();
            if items.is_empty() {
                let msg = if app.speaker_only {
                    "No quotes by this speaker"
                } else if !app.quote_filter.is_empty() {
                    "No match"
                } else {
                    "No quotes found"
                };
                put(
                    buf,
                    inner.x + 1,
                    inner.y,
                    msg,
                    inner.width.saturating_sub(1),
                    theme.dim,
                );
                return;
            }
            let sel = app.quote_sel;
            let offset = App::list_offset((sel.unwrap_or(0) + 1) * 2, h);
            let text = app.article.text();
            for line in offset..(offset + h).min(items.len() * 2) {
                let y = inner.y + (line - offset) as u16;
                let i = line / 2;
                let Some(q) = items.get(i).and_then(|&k| analysis.quotes.get(k)) else {
                    continue;
                };
                let selected = sel == Some(i);
                if line % 2 == 0 {
                    let style = if selected {
                        selected_style
                    } else {
                        theme.heading
                    };
                    let who = sanitize_line(&app.speaker_name(items[i]));
                    item_line(
                        buf,
                        inner,
                        y,
                        if selected { "▶ " } else { "  " },
                        &who,
                        q.kind.as_str(),
                        style,
                    );
                } else {
                    let words = sanitize_line(text.get(q.start..q.end).unwrap_or(""));
                    let s = format!("“{words}”");
                    let w = inner.width.saturating_sub(4);
                    let x = put(buf, inner.x + 3, y, &s, w, theme.quote);
                    if s.width() > w as usize && x > inner.x + 3 {
                        put(buf, x - 1, y, "…", 1, theme.quote);
                    }
                }
            }
        }
    }
}

/// `▶ name ……… right` on one row of the list, the name cut to leave room for `right`.
fn item_line(
    buf: &mut Buffer,
    inner: Rect,
    y: u16,
    marker: &str,
    name: &str,
    right: &str,
    style: Style,
) {
    let w = inner.width;
    if w < 4 {
        return;
    }
    buf.set_style(Rect::new(inner.x, y, w, 1), style);
    let right_w = right.width() as u16;
    let x = put(buf, inner.x + 1, y, marker, 2, style);
    let name_room = w.saturating_sub(3 + right_w + 2);
    let shown = put(buf, x, y, name, name_room, style);
    if name.width() > name_room as usize && shown > x {
        put(buf, shown - 1, y, "…", 1, style);
    }
    let rx = inner.right().saturating_sub(right_w + 1);
    if rx > shown {
        put(buf, rx, y, right, right_w, style);
    }
}

fn draw_tabs(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let (ne, nq) = app
        .analysis
        .as_ref()
        .map_or((0, 0), |a| (a.entities.len(), a.quotes.len()));
    let (ent, quo) = if app.analysis.is_some() {
        (format!("Entities {ne}"), format!("Quotes {nq}"))
    } else {
        ("Entities".to_string(), "Quotes".to_string())
    };
    let (se, sq) = match app.tab {
        Tab::Entities => (theme.tab_active, theme.tab),
        Tab::Quotes => (theme.tab, theme.tab_active),
    };
    let right = area.right().saturating_sub(1);
    let room = right.saturating_sub(area.x + 1) as usize;
    // The spaced form when it fits, else a compact one, so both counts stay visible.
    let (pad, sep) = if ent.width() + quo.width() + 5 <= room {
        (" ", " │ ")
    } else {
        ("", "│")
    };
    let mut x = area.x + 1;
    x = put(buf, x, area.y, pad, right.saturating_sub(x), theme.border);
    x = put(buf, x, area.y, &ent, right.saturating_sub(x), se);
    x = put(buf, x, area.y, sep, right.saturating_sub(x), theme.border);
    x = put(buf, x, area.y, &quo, right.saturating_sub(x), sq);
    put(buf, x, area.y, pad, right.saturating_sub(x), theme.border);
}

/// The X-Ray of one entity: name, kind and counts, aliases, then every mention as a line of
/// context (the mention centred) and the quotes it speaks; the selection is kept in view.
fn draw_xray(app: &App, x: &XRay, inner: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let Some(entity) = app.analysis.as_ref().and_then(|a| a.entities.get(x.entity)) else {
        return;
    };
    let w = inner.width.saturating_sub(1);
    if w < 4 || inner.height < 4 {
        return;
    }
    let focused = app.focus == Focus::Sidebar;
    let selected_style = if focused {
        theme.selected
    } else {
        theme.selected_unfocused
    };
    let mentions = x
        .items
        .iter()
        .filter(|i| matches!(i, XRayItem::Mention { .. }))
        .count();
    let quotes = x.items.len() - mentions;
    let name = format!("◀ {}", sanitize_line(&entity.name));
    put(
        buf,
        inner.x + 1,
        inner.y,
        &name,
        w,
        theme.entity(entity.kind).patch(theme.heading),
    );
    let n = entity.mentions.len();
    let counts = format!(
        "{} · {n} mention{}",
        entity.kind.heading(),
        if n == 1 { "" } else { "s" }
    );
    put(buf, inner.x + 1, inner.y + 1, &counts, w, theme.dim);
    let aliases: Vec<String> = entity
        .aliases
        .iter()
        .filter(|a| **a != entity.name)
        .map(|a| sanitize_line(a))
        .collect();
    let aka = if aliases.is_empty() {
        "no other names".to_string()
    } else {
        format!("also: {}", aliases.join(", "))
    };
    put(buf, inner.x + 1, inner.y + 2, &aka, w, theme.dim);
    // The list below the header: headings and items, as display lines.
    let list = Rect::new(inner.x, inner.y + 4, inner.width, inner.height - 4);
    let mut lines: Vec<Option<usize>> = Vec::with_capacity(x.items.len() + 2);
    let mut heading_of = Vec::new();
    if mentions > 0 {
        heading_of.push((lines.len(), format!("Mentions {mentions}")));
        lines.push(None);
    }
    for (i, item) in x.items.iter().enumerate() {
        if i == mentions && quotes > 0 {
            heading_of.push((lines.len(), format!("Quotes {quotes}")));
            lines.push(None);
        }
        let _ = item;
        lines.push(Some(i));
    }
    let sel_line = lines.iter().position(|l| *l == Some(x.sel)).unwrap_or(0);
    let h = list.height as usize;
    let offset = App::list_offset(sel_line + 1, h);
    let text = app.article.text();
    for (row, line) in lines.iter().enumerate().skip(offset).take(h) {
        let y = list.y + (row - offset) as u16;
        let Some(i) = *line else {
            if let Some((_, label)) = heading_of.iter().find(|(at, _)| *at == row) {
                put(buf, list.x + 1, y, label, w, theme.list_heading);
            }
            continue;
        };
        let selected = i == x.sel;
        if selected {
            buf.set_style(Rect::new(list.x, y, list.width, 1), selected_style);
        }
        match x.items.get(i) {
            Some(&XRayItem::Mention { start, end, .. }) => {
                let block = app
                    .article
                    .block_at(start)
                    .and_then(|b| app.article.blocks.get(b));
                let (bs, be) = block.map_or((start, end), |b| (b.start, b.end));
                // Only a window of context is cleaned: enough to fill the line.
                let room = 4 * w as usize;
                let from = floor_boundary(text, start.saturating_sub(room).max(bs.min(start)));
                let to = ceil_boundary(text, (end + room).min(be.max(end)));
                let before = text.get(from..start).unwrap_or("");
                let after = text.get(end..to).unwrap_or("");
                let word = sanitize_line(&collapse(text.get(start..end).unwrap_or("")));
                let (l, m, r) = kwic(before, &word, after, w.saturating_sub(1) as usize);
                let base = if selected { selected_style } else { theme.dim };
                let mut cx = put(buf, list.x + 1, y, &l, w, base);
                let hit = if selected {
                    selected_style.patch(theme.heading)
                } else {
                    theme.target
                };
                cx = put(buf, cx, y, &m, list.right().saturating_sub(cx + 1), hit);
                put(buf, cx, y, &r, list.right().saturating_sub(cx + 1), base);
            }
            Some(&XRayItem::Quote(q)) => {
                let Some(quote) = app.analysis.as_ref().and_then(|a| a.quotes.get(q)) else {
                    continue;
                };
                let words =
                    sanitize_line(&collapse(text.get(quote.start..quote.end).unwrap_or("")));
                let s = format!("“{words}”");
                let style = if selected {
                    selected_style
                } else {
                    theme.quote
                };
                let x0 = put(buf, list.x + 1, y, &s, w, style);
                if s.width() > w as usize && x0 > list.x + 1 {
                    put(buf, x0 - 1, y, "…", 1, style);
                }
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

fn collapse(s: &str) -> String {
    crate::app::copy::collapse(s)
}

/// Keyword in context: the text before (cut at the left), the word, the text after (cut at
/// the right), so that the word sits in the middle of `width` columns.
pub fn kwic(before: &str, word: &str, after: &str, width: usize) -> (String, String, String) {
    let word_w = word.width();
    if word_w >= width {
        return (String::new(), word.to_string(), String::new());
    }
    let left_room = (width - word_w) / 2;
    // A space before the word stays a space after collapsing.
    let before_c = {
        let c = sanitize_line(&collapse(before));
        if before.ends_with(char::is_whitespace) && !c.is_empty() {
            c + " "
        } else {
            c
        }
    };
    let mut left: Vec<char> = Vec::new();
    let mut lw = 0;
    for ch in before_c.chars().rev() {
        let cw = ch.width().unwrap_or(0);
        if lw + cw > left_room {
            break;
        }
        lw += cw;
        left.push(ch);
    }
    left.reverse();
    let mut l: String = " ".repeat(left_room - lw);
    l.extend(left);
    let after_c = {
        let c = sanitize_line(&collapse(after));
        if after.starts_with(char::is_whitespace) && !c.is_empty() {
            format!(" {c}")
        } else {
            c
        }
    };
    let right_room = width - left_room - word_w;
    let mut r = String::new();
    let mut rw = 0;
    for ch in after_c.chars() {
        let cw = ch.width().unwrap_or(0);
        if rw + cw > right_room {
            break;
        }
        rw += cw;
        r.push(ch);
    }
    (l, word.to_string(), r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kwic_centres_the_word_and_cuts_the_context() {
        let (l, m, r) = kwic("one two three ", "Kim", " said four five six", 15);
        assert_eq!(l, "three ");
        assert_eq!(m, "Kim");
        assert_eq!(r, " said ");
        assert_eq!(l.width() + m.width() + r.width(), 15);
        let (l, _, r) = kwic("", "Kim", "", 9);
        assert_eq!((l.as_str(), r.as_str()), ("   ", ""));
        let (l, m, r) = kwic("a", "a-very-long-name", "b", 5);
        assert_eq!(
            (l.as_str(), m.as_str(), r.as_str()),
            ("", "a-very-long-name", "")
        );
    }
}
