//! Wrapping the article's blocks into rows for one measure, and mapping between rows and
//! `(block, byte)` anchors.
//!
//! Positions are never screen rows: the reader keeps an [`Anchor`] and asks the layout of the
//! current width which row it falls on. A layout is built once per width and cached by the app;
//! drawing touches only the visible rows.

pub mod wrap;

use crate::article::{Article, BlockKind};

/// A place in the article: a block index and a byte offset into the article text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Anchor {
    pub block: usize,
    pub byte: usize,
}

/// One screen row of the reading flow: a byte range of a block, or the blank gap after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    pub block: usize,
    pub start: usize,
    pub end: usize,
    /// Columns of indent before the text (block quotes, lists).
    pub indent: u16,
    /// The blank row after a block (its `start` and `end` are the block's end).
    pub gap: bool,
}

/// The indent of a block kind in the reading flow.
pub fn indent_for(kind: BlockKind) -> u16 {
    match kind {
        BlockKind::Blockquote | BlockKind::List => 2,
        _ => 0,
    }
}

/// The rows of every block of the reading flow at one measure.
#[derive(Debug, Clone)]
pub struct Layout {
    /// The measure: the widest a row may be.
    pub width: usize,
    pub rows: Vec<Row>,
    /// For each article block, the range of its rows (empty for blocks out of the flow).
    block_rows: Vec<(usize, usize)>,
    /// Laid out with only some blocks (`&`): not to be cached with the full layouts.
    filtered: bool,
}

impl Layout {
    /// Wraps every block of the reading flow (boilerplate is left out) at `width` columns.
    pub fn new(article: &Article, width: usize) -> Layout {
        Layout::build(article, width, None)
    }

    /// Like [`Layout::new`], with only the blocks whose `keep` entry is true. An anchor in a
    /// block left out falls on the next block shown, so every anchor stays valid.
    pub fn filtered(article: &Article, width: usize, keep: &[bool]) -> Layout {
        Layout::build(article, width, Some(keep))
    }

    /// The rows of the first blocks only, at least `rows` of them where the article has that
    /// many: enough to draw the first screen of a book before the whole of it is laid out. Like
    /// a filtered layout it is never cached; the next resize lays out everything.
    pub fn head(article: &Article, width: usize, rows: usize) -> Layout {
        let mut out = Vec::new();
        let mut block_rows = Vec::with_capacity(article.blocks.len());
        for i in 0..article.blocks.len() {
            let first = out.len();
            if first < rows {
                push_block_rows(article, i, width, None, &mut out);
            }
            block_rows.push((first, out.len()));
        }
        Layout {
            width,
            rows: out,
            block_rows,
            filtered: true,
        }
    }

    /// Whether some blocks were left out (`&`, or only the head of the article).
    pub fn is_filtered(&self) -> bool {
        self.filtered
    }

    fn build(article: &Article, width: usize, keep: Option<&[bool]>) -> Layout {
        let blocks = article.blocks.len();
        // A book is wrapped in parts on separate threads (a resize of the whole book waits for it).
        let parts = if article.text().len() >= PARALLEL_BYTES {
            threads()
        } else {
            1
        };
        let bounds = split_blocks(article, parts);
        let pieces: Vec<Run> = if bounds.len() <= 2 {
            vec![wrap_blocks(article, width, keep, 0..blocks)]
        } else {
            std::thread::scope(|scope| {
                let handles: Vec<_> = bounds
                    .windows(2)
                    .map(|w| {
                        let range = w[0]..w[1];
                        scope.spawn(move || wrap_blocks(article, width, keep, range))
                    })
                    .collect();
                handles
                    .into_iter()
                    .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                    .collect()
            })
        };
        let total: usize = pieces.iter().map(|p| p.0.len()).sum();
        let mut rows = Vec::with_capacity(total);
        let mut block_rows = Vec::with_capacity(blocks);
        for (part_rows, part_blocks) in pieces {
            let offset = rows.len();
            rows.extend(part_rows);
            block_rows.extend(
                part_blocks
                    .into_iter()
                    .map(|(a, b)| (a + offset, b + offset)),
            );
        }
        // No blank row after the last block.
        if rows.last().is_some_and(|r| r.gap) {
            rows.pop();
            if let Some(last) = block_rows.iter_mut().rev().find(|r| r.1 > r.0) {
                last.1 -= 1;
            }
        }
        Layout {
            width,
            rows,
            block_rows,
            filtered: keep.is_some(),
        }
    }

    /// The number of rows.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether there is nothing to show.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The row an anchor falls on: the last row of its block starting at or before its byte.
    /// Anchors in blocks out of the flow land on the next row of the flow.
    pub fn row_for_anchor(&self, anchor: Anchor) -> usize {
        let last = self.rows.len().saturating_sub(1);
        let Some(&(first, end)) = self.block_rows.get(anchor.block) else {
            return last;
        };
        if first == end {
            return first.min(last);
        }
        let rows = self.rows.get(first..end).unwrap_or(&[]);
        let k = rows.partition_point(|r| r.start <= anchor.byte);
        (first + k.saturating_sub(1)).min(last)
    }

    /// The anchor of a row (the first byte it shows).
    pub fn anchor_for_row(&self, row: usize) -> Anchor {
        match self.rows.get(row).or(self.rows.last()) {
            Some(r) => Anchor {
                block: r.block,
                byte: r.start,
            },
            None => Anchor::default(),
        }
    }

    /// The row showing the byte `byte` of the article.
    pub fn row_for_byte(&self, article: &Article, byte: usize) -> usize {
        let block = article.block_at(byte).unwrap_or(0);
        self.row_for_anchor(Anchor { block, byte })
    }
}

/// The rows of a run of blocks, and each block's row range counted from the run's first row.
type Run = (Vec<Row>, Vec<(usize, usize)>);

/// From this size of text on, the layout is built on several threads.
const PARALLEL_BYTES: usize = 512 * 1024;

/// How many threads a book is laid out on: the cores there are, at most 4. Asked once, since
/// the answer reads the cgroup files.
fn threads() -> usize {
    static THREADS: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *THREADS.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get().min(4)))
}

/// Block indices that cut the article into `parts` runs of about equal text, as boundaries
/// (`[0, …, blocks.len()]`).
fn split_blocks(article: &Article, parts: usize) -> Vec<usize> {
    let blocks = &article.blocks;
    let mut bounds = vec![0];
    let total = article.text().len().max(1);
    for k in 1..parts {
        let byte = total * k / parts;
        let at = blocks.partition_point(|b| b.start < byte);
        if at > *bounds.last().unwrap_or(&0) && at < blocks.len() {
            bounds.push(at);
        }
    }
    bounds.push(blocks.len());
    bounds
}

/// Adds the rows of block `i` and its gap row, when it is in the reading flow and kept.
fn push_block_rows(
    article: &Article,
    i: usize,
    width: usize,
    keep: Option<&[bool]>,
    rows: &mut Vec<Row>,
) {
    let Some(block) = article.blocks.get(i) else {
        return;
    };
    let kept = keep.is_none_or(|k| k.get(i).copied().unwrap_or(false));
    if !block.kind.is_read() || !kept {
        return;
    }
    let indent = indent_for(block.kind);
    let measure = width.saturating_sub(indent as usize);
    let body = article.text().get(block.start..block.end).unwrap_or("");
    for (start, end) in wrap::wrap(body, block.start, measure) {
        rows.push(Row {
            block: i,
            start,
            end,
            indent,
            gap: false,
        });
    }
    rows.push(Row {
        block: i,
        start: block.end,
        end: block.end,
        indent: 0,
        gap: true,
    });
}

/// The rows of the blocks in `range`, each followed by its gap row, and each block's row range
/// counted from the first row of the run.
fn wrap_blocks(
    article: &Article,
    width: usize,
    keep: Option<&[bool]>,
    range: std::ops::Range<usize>,
) -> Run {
    let blocks = article.blocks.get(range.clone()).unwrap_or(&[]);
    let bytes = blocks.last().map_or(0, |b| b.end) - blocks.first().map_or(0, |b| b.start);
    let mut rows = Vec::with_capacity(bytes / width.max(1) + blocks.len() * 2);
    let mut block_rows = Vec::with_capacity(blocks.len());
    for i in range {
        let first = rows.len();
        push_block_rows(article, i, width, keep, &mut rows);
        block_rows.push((first, rows.len()));
    }
    (rows, block_rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::parse_plain;

    fn sample() -> Article {
        parse_plain(include_str!("../../assets/north-korea-summit.txt").to_string())
    }

    #[test]
    fn rows_cover_each_read_block_and_leave_out_boilerplate() {
        let article = sample();
        let layout = Layout::new(&article, 60);
        for (i, b) in article.blocks.iter().enumerate() {
            let rows: Vec<_> = layout
                .rows
                .iter()
                .filter(|r| r.block == i && !r.gap)
                .collect();
            if b.kind.is_read() {
                assert_eq!(rows.first().map(|r| r.start), Some(b.start));
                assert_eq!(rows.last().map(|r| r.end), Some(b.end));
            } else {
                assert!(rows.is_empty());
            }
        }
        assert!(!layout.rows.last().is_some_and(|r| r.gap));
    }

    #[test]
    fn anchors_round_trip_through_rows() {
        let article = sample();
        let layout = Layout::new(&article, 50);
        for row in 0..layout.len() {
            assert_eq!(layout.row_for_anchor(layout.anchor_for_row(row)), row);
        }
    }

    #[test]
    fn an_anchor_keeps_its_text_in_view_across_widths() {
        let article = sample();
        let wide = Layout::new(&article, 88);
        let narrow = Layout::new(&article, 30);
        let anchor = wide.anchor_for_row(20);
        let row = narrow.rows[narrow.row_for_anchor(anchor)];
        assert!(row.start <= anchor.byte && anchor.byte <= row.end.max(row.start));
        assert_eq!(row.block, anchor.block);
    }

    #[test]
    fn a_filtered_layout_keeps_only_the_chosen_blocks_and_every_anchor_valid() {
        let article = sample();
        let mut keep = vec![false; article.blocks.len()];
        let read: Vec<usize> = (0..article.blocks.len())
            .filter(|&i| article.blocks[i].kind.is_read())
            .collect();
        keep[read[2]] = true;
        keep[read[5]] = true;
        let layout = Layout::filtered(&article, 60, &keep);
        assert!(layout.is_filtered());
        assert!(layout
            .rows
            .iter()
            .all(|r| r.block == read[2] || r.block == read[5]));
        // An anchor in a hidden block lands on the next block shown.
        let hidden = Anchor {
            block: read[3],
            byte: article.blocks[read[3]].start,
        };
        let row = layout.row_for_anchor(hidden);
        assert_eq!(layout.rows[row].block, read[5]);
        for row in 0..layout.len() {
            assert_eq!(layout.row_for_anchor(layout.anchor_for_row(row)), row);
        }
    }

    #[test]
    fn a_book_laid_out_on_several_threads_matches_one_pass() {
        let one = include_str!("../../assets/north-korea-summit.txt");
        let text = one.repeat(PARALLEL_BYTES / one.len() + 2);
        let article = parse_plain(text);
        for width in [7, 60, 90] {
            let layout = Layout::new(&article, width);
            let (rows, block_rows) = wrap_blocks(&article, width, None, 0..article.blocks.len());
            assert_eq!(layout.rows[..], rows[..rows.len() - 1], "width {width}");
            assert_eq!(layout.block_rows.len(), block_rows.len());
            assert_eq!(layout.block_rows[..10], block_rows[..10]);
        }
        let parts = split_blocks(&article, 4);
        assert_eq!(parts.len(), 5);
        assert!(parts.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn an_empty_article_has_no_rows_and_anchors_do_not_panic() {
        let article = Article::default();
        let layout = Layout::new(&article, 40);
        assert!(layout.is_empty());
        assert_eq!(layout.row_for_anchor(Anchor { block: 3, byte: 9 }), 0);
        assert_eq!(layout.anchor_for_row(5), Anchor::default());
    }
}
