//! Markdown input: front matter for the metadata, then the document as plain text.
//!
//! Markup never reaches the text: headings, paragraphs, block quotes and list items become
//! blocks of their own, and emphasis, strong, code and links become [`StyleSpan`]s over the
//! words they mark. Front matter (`---` lines of `key: value`, or `+++` lines of
//! `key = "value"`) gives title, author, date, kicker and dek; without a title there, the first
//! `#` heading is the title.
//!
//! [`StyleSpan`]: super::StyleSpan

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::extract::{mark_byline, TextBuilder};
use super::{Article, BlockKind, InlineStyle, Meta};

/// Parses a Markdown document into an article whose text is the extracted plain text.
pub fn parse_markdown(source: &str) -> Article {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let (front, body) = split_front_matter(source);
    let events: Vec<Event> =
        Parser::new_ext(body, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH).collect();

    let mut meta = front.meta;
    let mut b = TextBuilder::new();
    // Which heading (by event index) is the title.
    let first_block = events.iter().position(|e| matches!(e, Event::Start(_)));
    let first_is_h1 = first_block.is_some_and(|i| {
        matches!(
            events.get(i),
            Some(Event::Start(Tag::Heading {
                level: HeadingLevel::H1,
                ..
            }))
        )
    });
    let title_at = match &meta.title {
        Some(t) => first_block.filter(|&i| {
            first_is_h1
                && heading_text(&events[i..])
                    .trim()
                    .eq_ignore_ascii_case(t.trim())
        }),
        None => events.iter().position(|e| {
            matches!(
                e,
                Event::Start(Tag::Heading {
                    level: HeadingLevel::H1,
                    ..
                })
            )
        }),
    };
    let title_first = title_at.is_some() && title_at == first_block;

    if let Some(kicker) = &meta.kicker {
        b.open(BlockKind::Kicker);
        b.push(BlockKind::Kicker, kicker);
        b.close();
    }
    if !title_first {
        if let Some(title) = &meta.title {
            b.open(BlockKind::Title);
            b.push(BlockKind::Title, title);
            b.close();
        }
        push_front_blocks(&mut b, &front.dek, &meta);
    }

    let mut stack: Vec<Container> = Vec::new();
    let mut in_image = 0usize;
    // The source of the HTML block being read, written out as text at its end.
    let mut html_block: Option<String> = None;
    for (i, event) in events.iter().enumerate() {
        let kind = block_kind(&stack);
        match event {
            Event::Start(tag) => match tag {
                Tag::Heading { .. } => {
                    b.close();
                    let is_title = title_at == Some(i);
                    stack.push(Container::Heading { is_title });
                    b.open(if is_title {
                        BlockKind::Title
                    } else {
                        BlockKind::Heading
                    });
                }
                Tag::Paragraph | Tag::TableRow | Tag::TableHead => {
                    b.close();
                    stack.push(Container::Other);
                }
                Tag::BlockQuote(_) => {
                    b.close();
                    stack.push(Container::Quote);
                }
                Tag::Item => {
                    b.close();
                    stack.push(Container::Item);
                }
                Tag::CodeBlock(_) => {
                    b.close();
                    stack.push(Container::Code);
                    b.start_style(InlineStyle::Code);
                }
                Tag::HtmlBlock => {
                    b.close();
                    stack.push(Container::Other);
                    html_block = Some(String::new());
                }
                Tag::List(_)
                | Tag::Table(_)
                | Tag::FootnoteDefinition(_)
                | Tag::MetadataBlock(_)
                | Tag::DefinitionList
                | Tag::DefinitionListTitle
                | Tag::DefinitionListDefinition => {
                    b.close();
                    stack.push(Container::Other);
                }
                Tag::TableCell => {
                    b.push(kind, " ");
                    stack.push(Container::Inline);
                }
                Tag::Emphasis => inline(&mut b, &mut stack, InlineStyle::Emphasis),
                Tag::Strong => inline(&mut b, &mut stack, InlineStyle::Strong),
                Tag::Link { .. } => inline(&mut b, &mut stack, InlineStyle::Link),
                Tag::Image { .. } => {
                    in_image += 1;
                    stack.push(Container::Inline);
                }
                Tag::Strikethrough | Tag::Superscript | Tag::Subscript => {
                    stack.push(Container::Inline)
                }
            },
            Event::End(end) => {
                let top = stack.pop();
                match end {
                    TagEnd::Emphasis => b.end_style(InlineStyle::Emphasis),
                    TagEnd::Strong => b.end_style(InlineStyle::Strong),
                    TagEnd::Link => b.end_style(InlineStyle::Link),
                    TagEnd::Image => in_image = in_image.saturating_sub(1),
                    TagEnd::TableCell
                    | TagEnd::Strikethrough
                    | TagEnd::Superscript
                    | TagEnd::Subscript => {}
                    TagEnd::CodeBlock => {
                        b.end_style(InlineStyle::Code);
                        b.close();
                    }
                    TagEnd::HtmlBlock => {
                        if let Some(html) = html_block.take() {
                            super::html::push_fragment(&html, &mut b);
                        }
                        b.close();
                    }
                    TagEnd::Heading(_) => {
                        if matches!(top, Some(Container::Heading { is_title: true })) {
                            let text = b.current_block_text().to_string();
                            b.close();
                            if meta.title.is_none() && !text.is_empty() {
                                meta.title = Some(text);
                            }
                            if title_first {
                                push_front_blocks(&mut b, &front.dek, &meta);
                            }
                        } else {
                            b.close();
                        }
                    }
                    _ => b.close(),
                }
            }
            Event::Text(t) if in_image == 0 => {
                if matches!(stack.last(), Some(Container::Code)) {
                    b.push_lines(kind, t);
                } else {
                    b.push(kind, t);
                }
            }
            Event::Code(t) if in_image == 0 => {
                b.start_style(InlineStyle::Code);
                b.push(kind, t);
                b.end_style(InlineStyle::Code);
            }
            Event::InlineMath(t) | Event::DisplayMath(t) if in_image == 0 => b.push(kind, t),
            Event::SoftBreak => b.push(kind, " "),
            Event::HardBreak => b.line_break(),
            Event::Html(h) => {
                if let Some(block) = &mut html_block {
                    block.push_str(h);
                }
            }
            Event::InlineHtml(h) if is_br(h) => b.line_break(),
            Event::Rule => b.close(),
            _ => {}
        }
    }
    if meta.dek.is_none() {
        meta.dek = front.dek.clone();
    }
    let mut article = b.finish(meta);
    mark_byline(&mut article);
    article
}

/// Dek, byline and dateline from the front matter, written after the title.
fn push_front_blocks(b: &mut TextBuilder, dek: &Option<String>, meta: &Meta) {
    if let Some(dek) = dek {
        b.open(BlockKind::Dek);
        b.push(BlockKind::Dek, dek);
        b.close();
    }
    if let Some(author) = &meta.author {
        b.open(BlockKind::Byline);
        b.push(BlockKind::Byline, "By ");
        b.push(BlockKind::Byline, author);
        b.close();
    }
    if let Some(date) = &meta.date {
        b.open(BlockKind::Dateline);
        b.push(BlockKind::Dateline, date);
        b.close();
    }
}

/// What encloses the text being read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Container {
    Heading { is_title: bool },
    Quote,
    Item,
    Code,
    Inline,
    Other,
}

fn inline(b: &mut TextBuilder, stack: &mut Vec<Container>, style: InlineStyle) {
    stack.push(Container::Inline);
    b.start_style(style);
}

/// The block kind of text read inside `stack`: the innermost heading, quote or list item.
fn block_kind(stack: &[Container]) -> BlockKind {
    for c in stack.iter().rev() {
        match c {
            Container::Heading { is_title: true } => return BlockKind::Title,
            Container::Heading { is_title: false } => return BlockKind::Heading,
            Container::Quote => return BlockKind::Blockquote,
            Container::Item => return BlockKind::List,
            _ => {}
        }
    }
    BlockKind::Body
}

fn is_br(html: &str) -> bool {
    let h = html.trim().to_ascii_lowercase();
    h == "<br>" || h == "<br/>" || h == "<br />"
}

/// The text of the heading that starts `events`.
fn heading_text(events: &[Event]) -> String {
    let mut s = String::new();
    for e in events.iter().skip(1) {
        match e {
            Event::End(TagEnd::Heading(_)) => break,
            Event::Text(t) | Event::Code(t) => s.push_str(t),
            _ => {}
        }
    }
    s
}

/// What the front matter said.
#[derive(Debug, Default)]
struct FrontMatter {
    meta: Meta,
    dek: Option<String>,
}

/// Splits off front matter (`---` … `---` or `+++` … `+++`) and reads its simple fields.
fn split_front_matter(source: &str) -> (FrontMatter, &str) {
    let none = (FrontMatter::default(), source);
    let mut lines = source.split_inclusive('\n');
    let Some(first) = lines.next() else {
        return none;
    };
    let fence = first.trim_end();
    if fence != "---" && fence != "+++" {
        return none;
    }
    let mut pos = first.len();
    let mut fields: Vec<(String, String)> = Vec::new();
    let mut closed = None;
    for line in lines {
        let content = line.trim_end();
        if content == fence || (fence == "---" && content == "...") {
            closed = Some(pos + line.len());
            break;
        }
        pos += line.len();
        let item = content.trim_start();
        if let Some(value) = item.strip_prefix("- ") {
            // A YAML list item continues the field above it (`author:` then `- Jane Doe`).
            if let Some((_, v)) = fields.last_mut() {
                if !v.is_empty() {
                    v.push_str(", ");
                }
                v.push_str(unquote(value));
            }
            continue;
        }
        let sep = if fence == "---" { ':' } else { '=' };
        if content.trim().is_empty()
            || content.starts_with(char::is_whitespace)
            || content.starts_with('#')
            || content.starts_with('[')
        {
            continue;
        }
        let Some((key, value)) = content.split_once(sep) else {
            // Prose between two rules is not front matter.
            return none;
        };
        if key.trim().is_empty() || key.trim().contains(' ') && fence == "---" {
            return none;
        }
        {
            let value = value.trim();
            let value = value
                .strip_prefix('[')
                .and_then(|v| v.strip_suffix(']'))
                .map(|list| {
                    list.split(',')
                        .map(|v| unquote(v.trim()))
                        .collect::<Vec<_>>()
                        .join(", ")
                })
                .unwrap_or_else(|| unquote(value).to_string());
            fields.push((key.trim().to_ascii_lowercase(), value));
        }
    }
    let Some(end) = closed else {
        return none;
    };
    let mut front = FrontMatter::default();
    for (key, value) in fields {
        let value = value.trim().to_string();
        if value.is_empty() {
            continue;
        }
        let slot = match key.as_str() {
            "title" | "headline" => &mut front.meta.title,
            "author" | "authors" | "byline" => &mut front.meta.author,
            "date" | "published" | "pubdate" => &mut front.meta.date,
            "kicker" | "section" | "category" => &mut front.meta.kicker,
            "description" | "subtitle" | "dek" | "summary" => &mut front.dek,
            _ => continue,
        };
        slot.get_or_insert(value);
    }
    (front, source.get(end..).unwrap_or(""))
}

/// `"x"` or `'x'` → `x`.
fn unquote(v: &str) -> &str {
    let v = v.trim();
    for q in ['"', '\''] {
        if let Some(inner) = v.strip_prefix(q).and_then(|v| v.strip_suffix(q)) {
            return inner;
        }
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::StyleSpan;

    fn blocks(a: &Article) -> Vec<(BlockKind, &str)> {
        a.blocks.iter().map(|b| (b.kind, a.block_text(b))).collect()
    }

    fn styled<'a>(a: &'a Article, s: &StyleSpan) -> &'a str {
        &a.text()[s.start..s.end]
    }

    #[test]
    fn front_matter_gives_meta_and_header_blocks() {
        let a = parse_markdown(
            "---\ntitle: \"A Summit in Doubt\"\nauthor: Jane Doe\ndate: 2018-05-20\nlayout: post\n---\n\nFirst paragraph.\n",
        );
        assert_eq!(a.meta.title.as_deref(), Some("A Summit in Doubt"));
        assert_eq!(a.meta.author.as_deref(), Some("Jane Doe"));
        assert_eq!(a.meta.date.as_deref(), Some("2018-05-20"));
        assert_eq!(
            blocks(&a),
            vec![
                (BlockKind::Title, "A Summit in Doubt"),
                (BlockKind::Byline, "By Jane Doe"),
                (BlockKind::Dateline, "2018-05-20"),
                (BlockKind::Body, "First paragraph."),
            ]
        );
    }

    #[test]
    fn a_first_heading_repeating_the_front_matter_title_is_not_doubled() {
        let a = parse_markdown(
            "---\ntitle: Hello\nauthor: [Ann Lee, Bo Chan]\n---\n# Hello\n\nText.\n",
        );
        assert_eq!(
            blocks(&a),
            vec![
                (BlockKind::Title, "Hello"),
                (BlockKind::Byline, "By Ann Lee, Bo Chan"),
                (BlockKind::Body, "Text."),
            ]
        );
    }

    #[test]
    fn the_first_h1_is_the_title_without_front_matter() {
        let a = parse_markdown("# The *Title*\n\n## A section\n\nBody.\n\n# Another\n");
        assert_eq!(a.meta.title.as_deref(), Some("The Title"));
        assert_eq!(a.blocks[0].kind, BlockKind::Title);
        assert_eq!(a.blocks[1].kind, BlockKind::Heading);
        assert_eq!(a.blocks[3].kind, BlockKind::Heading);
    }

    #[test]
    fn quotes_and_lists_are_blocks_and_markup_is_gone() {
        let a = parse_markdown(
            "Intro with *emphasis*, **strong**, `code` and [a link](http://x.org).\n\n> Quoted\n> words.\n\n- one\n- two\n  - nested\n\n```\nfn main() {}\n```\n",
        );
        assert_eq!(
            blocks(&a),
            vec![
                (
                    BlockKind::Body,
                    "Intro with emphasis, strong, code and a link."
                ),
                (BlockKind::Blockquote, "Quoted words."),
                (BlockKind::List, "one"),
                (BlockKind::List, "two"),
                (BlockKind::List, "nested"),
                (BlockKind::Body, "fn main() {}"),
            ]
        );
        let spans: Vec<(InlineStyle, &str)> =
            a.styles.iter().map(|s| (s.style, styled(&a, s))).collect();
        assert_eq!(
            spans,
            vec![
                (InlineStyle::Emphasis, "emphasis"),
                (InlineStyle::Strong, "strong"),
                (InlineStyle::Code, "code"),
                (InlineStyle::Link, "a link"),
                (InlineStyle::Code, "fn main() {}"),
            ]
        );
        assert!(!a.text().contains(['*', '`', '[', '>']));
    }

    #[test]
    fn a_by_line_under_the_title_is_the_byline() {
        let a = parse_markdown("# Title here\n\nBy Ann Lee, Reuters\n\nBody text.\n");
        assert_eq!(a.blocks[1].kind, BlockKind::Byline);
        assert_eq!(a.meta.author.as_deref(), Some("Ann Lee"));
    }

    #[test]
    fn prose_between_rules_is_not_front_matter() {
        let a = parse_markdown("---\n\nSome prose here.\n\n---\n\nMore.\n");
        assert!(a.text().contains("Some prose here."));
        assert!(a.text().contains("More."));
    }

    #[test]
    fn html_blocks_give_their_text_without_tags_or_scripts() {
        let a = parse_markdown(
            "Intro.\n\n<div class=\"note\">\n<p>A <em>boxed</em> note.</p>\n<script>track()</script>\n</div>\n\n<!-- comment -->\n\nEnd.\n",
        );
        assert_eq!(a.text(), "Intro.\n\nA boxed note.\n\nEnd.");
        assert_eq!(a.styles.len(), 1);
    }

    #[test]
    fn unclosed_front_matter_is_text() {
        let a = parse_markdown("---\ntitle: x\n\nNo end.\n");
        assert!(a.meta.title.is_none() || a.text().contains("No end."));
        assert!(a.text().contains("No end."));
    }
}
