//! Building an article's plain text out of markup, shared by the Markdown and HTML loaders.
//!
//! Parsers push text into the builder block by block; it collapses white space, separates
//! blocks with a blank line, drops empty blocks and records inline styles as byte ranges of
//! the text it builds. Separators and spaces are written lazily, just before the next visible
//! character, so that no block starts or ends with white space and no style covers any.

use super::{Article, Block, BlockKind, InlineStyle, Meta, StyleSpan};

/// White space waiting to be written before the next visible character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pending {
    None,
    Space,
    Newline,
}

/// Accumulates text, blocks and styles.
#[derive(Debug)]
pub(crate) struct TextBuilder {
    text: String,
    blocks: Vec<Block>,
    styles: Vec<StyleSpan>,
    /// The kind of the block being written and where its first character went, if any yet.
    open: Option<(BlockKind, Option<usize>)>,
    pending: Pending,
    /// Styles started and not yet ended; the start is set at the first character they cover.
    open_styles: Vec<(InlineStyle, Option<usize>)>,
}

impl TextBuilder {
    pub(crate) fn new() -> Self {
        TextBuilder {
            text: String::new(),
            blocks: Vec::new(),
            styles: Vec::new(),
            open: None,
            pending: Pending::None,
            open_styles: Vec::new(),
        }
    }

    /// Starts a block of `kind`, closing the one before.
    pub(crate) fn open(&mut self, kind: BlockKind) {
        self.close();
        self.open = Some((kind, None));
    }

    /// Ends the current block; a block that received no visible character leaves no trace.
    pub(crate) fn close(&mut self) {
        let end = self.text.len();
        if let Some((kind, Some(start))) = self.open.take() {
            // Styles still open continue in the next block, so they are cut here.
            for (style, s) in &mut self.open_styles {
                if let Some(s) = s.take() {
                    if s < end {
                        self.styles.push(StyleSpan {
                            style: *style,
                            start: s,
                            end,
                        });
                    }
                }
            }
            self.blocks.push(Block { kind, start, end });
        }
        self.open = None;
        self.pending = Pending::None;
    }

    /// Appends text, collapsing runs of white space into one space. Opens a block of `kind`
    /// if none is open.
    pub(crate) fn push(&mut self, kind: BlockKind, s: &str) {
        for c in s.chars() {
            if c.is_whitespace() {
                if self.pending == Pending::None {
                    self.pending = Pending::Space;
                }
            } else {
                self.push_char(kind, c);
            }
        }
    }

    /// Appends text whose line breaks matter (code, poetry in `pre`): lines are kept, white
    /// space inside a line is collapsed.
    pub(crate) fn push_lines(&mut self, kind: BlockKind, s: &str) {
        for (i, line) in s.split('\n').enumerate() {
            if i > 0 {
                self.line_break();
            }
            self.push(kind, line);
        }
    }

    /// A hard line break inside the block (`<br>`, two trailing spaces in Markdown). Two in a
    /// row (`<br><br>`, how old pages separate paragraphs) end the block; the text after them
    /// starts a new one of the same kind.
    pub(crate) fn line_break(&mut self) {
        if let Some((kind, Some(_))) = self.open {
            if self.pending == Pending::Newline {
                self.open(kind);
            } else {
                self.pending = Pending::Newline;
            }
        }
    }

    fn push_char(&mut self, kind: BlockKind, c: char) {
        if self.open.is_none() {
            self.open = Some((kind, None));
        }
        if let Some((_, start)) = &mut self.open {
            if start.is_none() {
                if !self.text.is_empty() {
                    self.text.push_str("\n\n");
                }
                *start = Some(self.text.len());
                self.pending = Pending::None;
            }
        }
        match self.pending {
            Pending::None => {}
            Pending::Space => self.text.push(' '),
            Pending::Newline => self.text.push('\n'),
        }
        self.pending = Pending::None;
        let at = self.text.len();
        for (_, s) in &mut self.open_styles {
            if s.is_none() {
                *s = Some(at);
            }
        }
        self.text.push(c);
    }

    /// Starts an inline style at the next visible character.
    pub(crate) fn start_style(&mut self, style: InlineStyle) {
        self.open_styles.push((style, None));
    }

    /// Ends the innermost open style of this kind.
    pub(crate) fn end_style(&mut self, style: InlineStyle) {
        if let Some(i) = self.open_styles.iter().rposition(|(s, _)| *s == style) {
            let (_, start) = self.open_styles.remove(i);
            let end = self.text.len();
            if let Some(start) = start {
                if start < end {
                    self.styles.push(StyleSpan { style, start, end });
                }
            }
        }
    }

    /// Appends a block whose text is already normalised (white space collapsed, line breaks
    /// kept), with its styles as ranges relative to the block's start.
    pub(crate) fn append_block(&mut self, kind: BlockKind, text: &str, styles: &[StyleSpan]) {
        self.close();
        if text.is_empty() {
            return;
        }
        if !self.text.is_empty() {
            self.text.push_str("\n\n");
        }
        let start = self.text.len();
        self.text.push_str(text);
        let end = self.text.len();
        self.blocks.push(Block { kind, start, end });
        self.styles.extend(styles.iter().map(|s| StyleSpan {
            style: s.style,
            start: start + s.start,
            end: start + s.end,
        }));
    }

    /// The text written to the current block so far (empty when none is open).
    pub(crate) fn current_block_text(&self) -> &str {
        match self.open {
            Some((_, Some(start))) => self.text.get(start..).unwrap_or(""),
            _ => "",
        }
    }

    /// Finishes the article.
    pub(crate) fn finish(mut self, meta: Meta) -> Article {
        self.close();
        self.open_styles.clear();
        let mut styles = self.styles;
        styles.sort_by_key(|s| (s.start, s.end));
        let mut article = Article::new(self.text, self.blocks, meta);
        article.styles = styles;
        article
    }
}

/// Without a byline from markup or metadata, a short `By Jane Doe` line among the first
/// blocks is one: its kind becomes byline and it gives the author.
pub(crate) fn mark_byline(article: &mut Article) {
    if article.blocks.iter().any(|b| b.kind == BlockKind::Byline) {
        return;
    }
    let text = &article.text;
    for block in article.blocks.iter_mut().take(5) {
        if block.kind != BlockKind::Body {
            continue;
        }
        let line = text.get(block.start..block.end).unwrap_or("");
        let words = line.split_whitespace().count();
        let after_by = line.strip_prefix("By ").unwrap_or("");
        if words <= 12 && after_by.starts_with(|c: char| c.is_uppercase()) {
            block.kind = BlockKind::Byline;
            if article.meta.author.is_none() {
                article.meta.author = super::html_meta::clean_byline(line);
            }
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn white_space_is_collapsed_and_blocks_are_separated_by_a_blank_line() {
        let mut b = TextBuilder::new();
        b.open(BlockKind::Title);
        b.push(BlockKind::Body, "  A   title \n");
        b.open(BlockKind::Body);
        b.push(BlockKind::Body, "\n\n");
        b.open(BlockKind::Body);
        b.push(BlockKind::Body, " Some ");
        b.start_style(InlineStyle::Emphasis);
        b.push(BlockKind::Body, " words ");
        b.end_style(InlineStyle::Emphasis);
        b.push(BlockKind::Body, "here. ");
        let a = b.finish(Meta::default());
        assert_eq!(a.text(), "A title\n\nSome words here.");
        assert_eq!(a.blocks.len(), 2);
        assert_eq!(a.block_text(&a.blocks[1]), "Some words here.");
        assert_eq!(a.styles.len(), 1);
        assert_eq!(&a.text()[a.styles[0].start..a.styles[0].end], "words");
    }

    #[test]
    fn two_line_breaks_in_a_row_start_a_new_block() {
        let mut b = TextBuilder::new();
        b.push(BlockKind::Body, "one");
        b.line_break();
        b.push(BlockKind::Body, " ");
        b.line_break();
        b.push(BlockKind::Body, "two");
        let a = b.finish(Meta::default());
        assert_eq!(a.text(), "one\n\ntwo");
        assert_eq!(a.blocks.len(), 2);
    }

    #[test]
    fn line_breaks_are_kept_inside_a_block_but_never_at_its_end() {
        let mut b = TextBuilder::new();
        b.push_lines(BlockKind::Body, "one\ntwo\n");
        b.line_break();
        let a = b.finish(Meta::default());
        assert_eq!(a.text(), "one\ntwo");
    }
}
