//! The document every component reads: the article, its analysis once it has arrived, and the
//! indexes built from the two (mentions and quotes inside the reading flow, the list order of
//! entities, the outline's headings, word counts). Nothing here changes after the analysis is
//! set, except caches built on first use.

use std::sync::{Arc, OnceLock};

use crate::analysis::{Analysis, Entity, EntityKind, Quote};
use crate::article::{section_level, Article, BlockKind};

use super::search;

/// A mention of an entity inside the reading flow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    pub start: usize,
    pub end: usize,
    pub entity: usize,
}

/// A quote inside the reading flow: its index in the analysis, and its span with the quotation
/// marks around it (which take the quote's style too).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuoteSpan {
    pub quote: usize,
    pub start: usize,
    pub end: usize,
}

/// A line of the outline: a heading block and its depth (0 for the title, 1 for a book's parts
/// or an article's sections, 2 for chapters…), and the block of a subtitle that follows it
/// (`CHAPTER 1` then `Loomings`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Heading {
    pub block: usize,
    pub level: u8,
    pub subtitle: Option<usize>,
}

/// The pane title: `Site: Title` when the page names its site and the title does not already,
/// the title alone, or else the name the article was opened by.
fn pane_title(meta: &crate::article::Meta, name: &str) -> String {
    let known = |v: &Option<String>| {
        v.as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_string)
    };
    match (known(&meta.site), known(&meta.title)) {
        (Some(site), Some(title)) if !title.to_lowercase().contains(&site.to_lowercase()) => {
            format!("{site}: {title}")
        }
        (_, Some(title)) => title,
        _ => name.to_string(),
    }
}

/// The article and what is known of it.
#[derive(Debug)]
pub struct Doc {
    article: Arc<Article>,
    /// The name the article was opened by (a file name, `stdin`).
    name: String,
    /// What the reader's pane is titled (see [`Doc::title`]).
    title: String,
    analysis: Option<Analysis>,
    /// How far the background analysis has got, in thousandths, while there is none yet.
    progress: usize,
    marks: Vec<Mark>,
    quote_spans: Vec<QuoteSpan>,
    /// Entities with a mention in the reading flow: by kind, most mentioned first, by name.
    entity_order: Vec<usize>,
    /// For each entity, its mentions inside the reading flow (what the reader can reach).
    flow_mentions: Vec<usize>,
    /// For each block, its number in the reading flow (1-based), and the flow's length.
    flow_number: Vec<usize>,
    flow_len: usize,
    headings: Vec<Heading>,
    /// The text with accents folded, for searches typed without them (built on the first).
    folded: OnceLock<search::Folded>,
    /// Words in the reading flow before each block (and the total last), built on first use.
    words_before: OnceLock<Vec<u32>>,
}

impl Doc {
    /// The document for `article`, opened as `name`; `analysis` is `None` until it arrives.
    pub fn new(article: Arc<Article>, name: &str, analysis: Option<Analysis>) -> Doc {
        let mut flow_number = Vec::with_capacity(article.blocks.len());
        let mut n = 0;
        for b in &article.blocks {
            if b.kind.is_read() {
                n += 1;
            }
            flow_number.push(n.max(1));
        }
        let headings = outline(&article);
        let title = pane_title(&article.meta, name);
        let mut doc = Doc {
            article,
            name: name.to_string(),
            title,
            analysis: None,
            progress: 0,
            marks: Vec::new(),
            quote_spans: Vec::new(),
            entity_order: Vec::new(),
            flow_mentions: Vec::new(),
            flow_number,
            flow_len: n,
            headings,
            folded: OnceLock::new(),
            words_before: OnceLock::new(),
        };
        if let Some(a) = analysis {
            doc.set_analysis(a);
        }
        doc
    }

    /// The article.
    pub fn article(&self) -> &Arc<Article> {
        &self.article
    }

    /// The article's text.
    pub fn text(&self) -> &str {
        self.article.text()
    }

    /// The name the article was opened by.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// What the reader's pane is titled: `Site: Title`, the article's title, else the name it was
    /// opened by.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The analysis, once it has arrived.
    pub fn analysis(&self) -> Option<&Analysis> {
        self.analysis.as_ref()
    }

    /// How far the background analysis has got, in thousandths.
    pub fn progress(&self) -> usize {
        self.progress
    }

    pub(super) fn set_progress(&mut self, progress: usize) {
        self.progress = progress;
    }

    /// An entity of the analysis.
    pub fn entity(&self, e: usize) -> Option<&Entity> {
        self.analysis.as_ref()?.entities.get(e)
    }

    /// A quote of the analysis.
    pub fn quote(&self, q: usize) -> Option<&Quote> {
        self.analysis.as_ref()?.quotes.get(q)
    }

    /// Every mention inside the reading flow, by start.
    pub fn marks(&self) -> &[Mark] {
        &self.marks
    }

    /// Every quote inside the reading flow, by start.
    pub fn quote_spans(&self) -> &[QuoteSpan] {
        &self.quote_spans
    }

    /// The span of quote `q`, with its quotation marks, if it is in the reading flow.
    pub fn quote_span(&self, q: usize) -> Option<QuoteSpan> {
        self.quote_spans.iter().find(|s| s.quote == q).copied()
    }

    /// The entities the sidebar lists, in its order.
    pub fn entity_order(&self) -> &[usize] {
        &self.entity_order
    }

    /// How many mentions of entity `e` the reader can reach (those in the reading flow).
    pub fn mention_count(&self, e: usize) -> usize {
        self.flow_mentions.get(e).copied().unwrap_or(0)
    }

    /// The mentions of entity `e` in the reading flow, as byte ranges in document order.
    pub fn mentions_of(&self, e: usize) -> Vec<(usize, usize)> {
        self.marks
            .iter()
            .filter(|m| m.entity == e)
            .map(|m| (m.start, m.end))
            .collect()
    }

    /// The quotes entity `e` speaks, in document order.
    pub fn quotes_of(&self, e: usize) -> Vec<usize> {
        self.quote_spans
            .iter()
            .filter(|s| self.quote(s.quote).is_some_and(|q| q.speaker == Some(e)))
            .map(|s| s.quote)
            .collect()
    }

    /// Who said quote `q`: the entity, else the words naming an unnamed source, else
    /// `unattributed`.
    pub fn speaker_name(&self, q: usize) -> String {
        let Some(quote) = self.quote(q) else {
            return String::new();
        };
        quote
            .speaker
            .and_then(|s| self.entity(s))
            .map(|e| e.name.clone())
            .or_else(|| quote.speaker_text.clone())
            .unwrap_or_else(|| "unattributed".to_string())
    }

    /// The kinds of the listed entities, in list order, with how many of each.
    pub fn kind_counts(&self, items: &[usize]) -> Vec<(EntityKind, usize)> {
        let mut out: Vec<(EntityKind, usize)> = Vec::new();
        for &e in items {
            let Some(kind) = self.entity(e).map(|x| x.kind) else {
                continue;
            };
            match out.last_mut() {
                Some((k, n)) if *k == kind => *n += 1,
                _ => out.push((kind, 1)),
            }
        }
        out
    }

    /// The headings of the outline, in document order.
    pub fn headings(&self) -> &[Heading] {
        &self.headings
    }

    /// Block `block`'s number in the reading flow (¶), and the flow's length.
    pub fn paragraph(&self, block: usize) -> (usize, usize) {
        (
            self.flow_number.get(block).copied().unwrap_or(0),
            self.flow_len,
        )
    }

    /// Whether `byte` lies inside a block of the reading flow.
    pub fn in_flow(&self, byte: usize) -> bool {
        self.article
            .block_at(byte)
            .and_then(|i| self.article.blocks.get(i))
            .is_some_and(|b| b.kind.is_read() && byte < b.end)
    }

    /// The matches of a query inside the reading flow (smart case, smart accents).
    pub fn search(&self, query: &str) -> Vec<(usize, usize)> {
        let folded = self.folded.get_or_init(|| search::Folded::new(self.text()));
        search::find_all_folded(folded, self.text(), query)
            .into_iter()
            .filter(|h| self.in_flow(h.0))
            .collect()
    }

    /// Counts the words of each block, once: what [`Doc::words_after`] needs. Left out of the
    /// first screen of a book (a pass over all of its text), it is done with the full layout.
    pub(super) fn count_words(&self) {
        self.words_before.get_or_init(|| {
            let text = self.text();
            let mut out = Vec::with_capacity(self.article.blocks.len() + 1);
            let mut total = 0u32;
            for b in &self.article.blocks {
                out.push(total);
                if b.kind.is_read() {
                    total += count_words(text.get(b.start..b.end).unwrap_or("")) as u32;
                }
            }
            out.push(total);
            out
        });
    }

    /// The words of the reading flow from `byte` (in block `block`) to the end, once they are
    /// counted (with the full layout, after the first screen).
    pub fn words_after(&self, block: usize, byte: usize) -> Option<usize> {
        let before = self.words_before.get()?;
        let total = before.last().copied().unwrap_or(0) as usize;
        let Some(b) = self.article.blocks.get(block) else {
            return Some(0);
        };
        let at_block = before.get(block).copied().unwrap_or(0) as usize;
        let inside = if b.kind.is_read() {
            count_words(
                self.text()
                    .get(b.start..byte.clamp(b.start, b.end))
                    .unwrap_or(""),
            )
        } else {
            0
        };
        Some(total.saturating_sub(at_block + inside))
    }

    /// Takes the analysis: indexes the mentions and quotes inside the reading flow.
    pub(super) fn set_analysis(&mut self, analysis: Analysis) {
        let len = self.text().len();
        let mut marks = Vec::new();
        let mut flow_mentions = vec![0; analysis.entities.len()];
        for (i, e) in analysis.entities.iter().enumerate() {
            for m in &e.mentions {
                if m.start < m.end && m.end <= len && self.in_flow(m.start) {
                    marks.push(Mark {
                        start: m.start,
                        end: m.end,
                        entity: i,
                    });
                    flow_mentions[i] += 1;
                }
            }
        }
        marks.sort_by_key(|m| (m.start, m.end));
        let text = self.text();
        let mut quote_spans: Vec<QuoteSpan> = analysis
            .quotes
            .iter()
            .enumerate()
            .filter(|(_, q)| q.start < q.end && q.end <= len && self.in_flow(q.start))
            .map(|(i, q)| {
                let before = text.get(..q.start).and_then(|t| t.chars().next_back());
                let after = text.get(q.end..).and_then(|t| t.chars().next());
                let start = match before {
                    Some(c) if is_quote_mark(c) => q.start - c.len_utf8(),
                    _ => q.start,
                };
                let end = match after {
                    Some(c) if is_quote_mark(c) => q.end + c.len_utf8(),
                    _ => q.end,
                };
                QuoteSpan {
                    quote: i,
                    start,
                    end,
                }
            })
            .collect();
        quote_spans.sort_by_key(|s| (s.start, s.end));
        // Only what can be reached is listed, so counts agree with jumps.
        let mut order: Vec<usize> = (0..analysis.entities.len())
            .filter(|&i| flow_mentions[i] > 0)
            .collect();
        let es = &analysis.entities;
        order.sort_by(|&x, &y| {
            es[x]
                .kind
                .cmp(&es[y].kind)
                .then(flow_mentions[y].cmp(&flow_mentions[x]))
                .then(es[x].name.cmp(&es[y].name))
        });
        self.entity_order = order;
        self.flow_mentions = flow_mentions;
        self.marks = marks;
        self.quote_spans = quote_spans;
        self.analysis = Some(analysis);
    }
}

/// Words in `s`: runs of bytes that are not ASCII white space (a UTF-8 continuation byte never
/// is, so a word of any script counts once). Written without branches, so that a book's
/// 3 MB are counted in a few milliseconds.
fn count_words(s: &str) -> usize {
    let is_space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c);
    let bytes = s.as_bytes();
    let first = bytes.first().is_some_and(|&b| !is_space(b));
    usize::from(first)
        + bytes
            .windows(2)
            .filter(|w| is_space(w[0]) & !is_space(w[1]))
            .count()
}

/// The outline of an article: its title and headings, with their depth. A heading that names
/// a part of a book takes that part's level, and a heading right after it is its subtitle;
/// in a book with such parts, other headings are left out; in an article, they are level 1.
fn outline(article: &Article) -> Vec<Heading> {
    /// The level of a heading that names no part of a book.
    const UNNAMED: u8 = u8::MAX;
    let text = article.text();
    let found: Vec<(usize, u8)> = article
        .blocks
        .iter()
        .enumerate()
        .filter_map(|(i, b)| match b.kind {
            BlockKind::Title => Some((i, 0)),
            BlockKind::Heading => {
                let line = text.get(b.start..b.end).unwrap_or("").trim();
                Some((i, section_level(line).unwrap_or(UNNAMED)))
            }
            _ => None,
        })
        .collect();
    let has_parts = found.iter().any(|&(_, l)| l != UNNAMED && l > 0);
    let mut out: Vec<Heading> = Vec::new();
    for (block, level) in found {
        if level == UNNAMED {
            // The next block of the flow right after a part's heading: its subtitle.
            if let Some(last) = out.last_mut() {
                let next_read = article
                    .blocks
                    .iter()
                    .enumerate()
                    .skip(last.block + 1)
                    .find(|(_, b)| b.kind.is_read())
                    .map(|(i, _)| i);
                if last.level > 0 && last.subtitle.is_none() && next_read == Some(block) {
                    last.subtitle = Some(block);
                    continue;
                }
            }
            // In a book whose parts are named, other short lines taken for headings (a
            // letter's signature, a date) are left out of its outline.
            if has_parts {
                continue;
            }
        }
        out.push(Heading {
            block,
            level: if level == UNNAMED { 1 } else { level },
            subtitle: None,
        });
    }
    out
}

/// Whether a character opens or closes a quotation.
fn is_quote_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201C}'
            | '\u{201D}'
            | '\u{2018}'
            | '\u{2019}'
            | '\u{00AB}'
            | '\u{00BB}'
            | '\u{201E}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::fixture::{analysis_for, SAMPLE_NAMES};
    use crate::article::parse_plain;

    const SAMPLE: &str = include_str!("../../assets/north-korea-summit.txt");

    #[test]
    fn only_mentions_in_the_reading_flow_are_counted_and_listed() {
        let article = parse_plain(SAMPLE.to_string());
        // "LA Times" is named only in the boilerplate tail, which the reader hides.
        let mut names = SAMPLE_NAMES.to_vec();
        names.push((EntityKind::Org, "LA Times", &[]));
        let analysis = analysis_for(&article, &names);
        let la = analysis
            .entities
            .iter()
            .position(|e| e.name == "LA Times")
            .unwrap();
        let doc = Doc::new(Arc::new(article), "sample.txt", Some(analysis));
        assert_eq!(doc.mention_count(la), 0);
        assert!(!doc.entity_order().contains(&la));
        for &e in doc.entity_order() {
            assert_eq!(doc.mention_count(e), doc.mentions_of(e).len());
            assert!(doc.mention_count(e) > 0);
        }
    }

    #[test]
    fn the_outline_of_a_book_has_its_parts_and_chapters_with_subtitles() {
        let text = "BOOK ONE: 1805\n\nCHAPTER I\n\nThe Beginning\n\nIt was in July, and the speaker was well known to all of them.\n\nCHAPTER II\n\nAnna Pavlovna's drawing room was gradually filling with guests.\n\nBOOK TWO: 1805\n\nCHAPTER I\n\nIn October 1805 a Russian army was occupying the villages and towns.\n";
        let article = parse_plain(text.to_string());
        let doc = Doc::new(Arc::new(article), "book.txt", None);
        let shown: Vec<(String, u8, bool)> = doc
            .headings()
            .iter()
            .map(|h| {
                let b = doc.article().blocks[h.block];
                (
                    doc.text()[b.start..b.end].to_string(),
                    h.level,
                    h.subtitle.is_some(),
                )
            })
            .collect();
        assert_eq!(
            shown,
            [
                ("BOOK ONE: 1805".to_string(), 1, false),
                ("CHAPTER I".to_string(), 2, true),
                ("CHAPTER II".to_string(), 2, false),
                ("BOOK TWO: 1805".to_string(), 1, false),
                ("CHAPTER I".to_string(), 2, false),
            ]
        );
        assert_eq!(doc.title(), "book.txt");
    }

    #[test]
    fn the_pane_is_titled_by_the_site_and_the_title() {
        let meta = |site: Option<&str>, title: Option<&str>| crate::article::Meta {
            site: site.map(str::to_string),
            title: title.map(str::to_string),
            ..Default::default()
        };
        let page = "page.html";
        assert_eq!(
            pane_title(&meta(Some("The Guardian"), Some("Rain again")), page),
            "The Guardian: Rain again"
        );
        assert_eq!(
            pane_title(&meta(Some("BBC"), Some("BBC at 100")), page),
            "BBC at 100"
        );
        assert_eq!(pane_title(&meta(None, Some(" Rain ")), page), "Rain");
        assert_eq!(pane_title(&meta(Some("BBC"), None), page), page);
    }

    #[test]
    fn words_after_a_place_count_the_rest_of_the_flow() {
        let article = parse_plain("A Title\n\none two three\n\nfour five\n".to_string());
        let doc = Doc::new(Arc::new(article), "x.txt", None);
        let b = doc.article().blocks[1];
        assert_eq!(doc.words_after(0, 0), None, "not counted yet");
        doc.count_words();
        assert_eq!(doc.words_after(0, 0), Some(7));
        assert_eq!(doc.words_after(1, b.start), Some(5));
        assert_eq!(doc.words_after(1, b.start + 4), Some(4));
        assert_eq!(doc.words_after(2, doc.text().len()), Some(0));
        assert_eq!(doc.words_after(99, 0), Some(0));
        assert_eq!(count_words("  Natásha  sang,\tand\nleft "), 4);
        assert_eq!(count_words(""), 0);
    }
}
