//! The reader: the text column's scroll position (an anchor, never a row), its layout for the
//! current measure (cached per width), the target whose hits `n`/`N` step through, the marks and
//! the jump list.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::action::Action;
use super::component::{Command, Ctx, Handled};
use super::doc::Doc;
use super::jumps::JumpList;
use crate::article::Article;
use crate::layout::{wrap, Anchor, Layout};

/// Rows left above a hit when jumping to it, so it is read in context.
pub const JUMP_MARGIN: usize = 3;
/// Layouts kept for recent widths (a resize back and forth costs nothing).
const LAYOUT_CACHE: usize = 3;

/// What `n`/`N` step through: an entity's mentions or a search's matches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    label: String,
    entity: Option<usize>,
    hits: Vec<(usize, usize)>,
    current: Option<usize>,
}

impl Target {
    /// The name shown in the status line (an entity's name, `/query` for a search).
    pub fn label(&self) -> &str {
        &self.label
    }

    /// The entity, when the target is one.
    pub fn entity(&self) -> Option<usize> {
        self.entity
    }

    /// The byte ranges of the hits, in document order.
    pub fn hits(&self) -> &[(usize, usize)] {
        &self.hits
    }

    /// The hit last jumped to.
    pub fn current(&self) -> Option<usize> {
        self.current
    }
}

/// Where the reader is, for the status line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    /// The paragraph at the top (¶) and how many there are.
    pub paragraph: usize,
    pub paragraphs: usize,
    /// How far through the text, in percent.
    pub percent: usize,
    /// Words of the reading flow from the top of the view to the end (`None` until counted).
    pub words_left: Option<usize>,
}

/// The reader component.
#[derive(Debug)]
pub struct Reader {
    layout: Arc<Layout>,
    cache: Vec<Arc<Layout>>,
    top: Anchor,
    target: Option<Target>,
    /// The quote last jumped to, set off more strongly.
    current_quote: Option<usize>,
    /// Only the paragraphs with a hit of the target are laid out (`&`).
    only_target: bool,
    /// Rows of the scrollbar (from the top of the text) with a hit of the target: computed
    /// when the target or the layout changes, not per frame.
    ticks: Vec<u16>,
    /// Marks set with `m`: letter → place.
    marks: BTreeMap<char, Anchor>,
    jumps: JumpList,
    /// Where the view was before the last jump or return (`''` goes there).
    previous: Option<Anchor>,
    /// The hits of a search being typed, highlighted instead of the target's.
    preview: Option<Vec<(usize, usize)>>,
}

impl Reader {
    /// A reader at the start of the reading flow. No rows until the first resize tells the
    /// width: a book is laid out once, not twice.
    pub fn new(doc: &Doc) -> Reader {
        let top = doc
            .article()
            .blocks
            .iter()
            .enumerate()
            .find(|(_, b)| b.kind.is_read())
            .map_or(Anchor::default(), |(block, b)| Anchor {
                block,
                byte: b.start,
            });
        Reader {
            layout: Arc::new(Layout::new(&Article::default(), 0)),
            cache: Vec::new(),
            top,
            target: None,
            current_quote: None,
            only_target: false,
            ticks: Vec::new(),
            marks: BTreeMap::new(),
            jumps: JumpList::default(),
            previous: None,
            preview: None,
        }
    }

    /// The layout at the current measure.
    pub fn layout(&self) -> &Layout {
        &self.layout
    }

    /// The place at the top of the view.
    pub fn top(&self) -> Anchor {
        self.top
    }

    /// The row at the top of the view.
    pub fn top_row(&self) -> usize {
        self.layout.row_for_anchor(self.top)
    }

    /// The furthest the view scrolls: the last page.
    pub fn max_top_row(&self, page: usize) -> usize {
        self.layout.len().saturating_sub(page)
    }

    /// What `n`/`N` step through, if anything.
    pub fn target(&self) -> Option<&Target> {
        self.target.as_ref()
    }

    /// The quote last jumped to.
    pub fn current_quote(&self) -> Option<usize> {
        self.current_quote
    }

    /// Whether only the target's paragraphs are shown.
    pub fn only_target(&self) -> bool {
        self.only_target
    }

    /// The scrollbar rows with a hit of the target.
    pub fn ticks(&self) -> &[u16] {
        &self.ticks
    }

    /// The marks set with `m`.
    pub fn marks(&self) -> &BTreeMap<char, Anchor> {
        &self.marks
    }

    /// How many jumps `Ctrl-o` can go back through.
    pub fn jumps(&self) -> usize {
        self.jumps.len()
    }

    /// The hits to highlight: a search's as it is typed, else the target's.
    pub fn highlighted_hits(&self) -> &[(usize, usize)] {
        match (&self.preview, &self.target) {
            (Some(hits), _) => hits,
            (None, Some(t)) => &t.hits,
            _ => &[],
        }
    }

    /// The hit last jumped to, while it is on the screen (and no search is being typed).
    pub fn current_hit(&self, doc: &Doc, page: usize) -> Option<(usize, usize)> {
        if self.preview.is_some() {
            return None;
        }
        let t = self.target.as_ref()?;
        let i = self.current_in_view(doc, t, page)?;
        t.hits.get(i).copied()
    }

    /// The index of the target's current hit, if it is on the screen.
    fn current_in_view(&self, doc: &Doc, t: &Target, page: usize) -> Option<usize> {
        let i = t.current?;
        let (start, _) = *t.hits.get(i)?;
        let row = self.row_of(doc, start);
        let top = self.top_row();
        (row >= top && row < top + page).then_some(i)
    }

    /// The target's counter for the status line: its label, the hit on the screen that was last
    /// jumped to (if it is on the screen) and the number of hits.
    pub fn counter(&self, doc: &Doc, page: usize) -> Option<(&str, Option<usize>, usize)> {
        let t = self.target.as_ref()?;
        Some((&t.label, self.current_in_view(doc, t, page), t.hits.len()))
    }

    /// Where the view is: paragraph, percent, words left.
    pub fn position(&self, doc: &Doc, page: usize) -> Position {
        let top = self.top_row();
        let row = self.layout.rows.get(top);
        let block = row.map_or(self.top.block, |r| r.block);
        let (paragraph, paragraphs) = doc.paragraph(block);
        let max = self.max_top_row(page);
        let percent = (top * 100).checked_div(max).unwrap_or(100).min(100);
        let words_left = if top >= max && !self.layout.is_empty() {
            // On the last page everything left is on the screen.
            Some(0)
        } else {
            doc.words_after(block, row.map_or(self.top.byte, |r| r.start))
        };
        Position {
            paragraph,
            paragraphs,
            percent,
            words_left,
        }
    }

    /// The first and the last byte on the screen.
    pub fn visible_bytes(&self, page: usize) -> Option<(usize, usize)> {
        let top = self.top_row();
        let first = self.layout.rows.get(top)?.start;
        let last_row = (top + page).min(self.layout.len()).saturating_sub(1);
        let last = self.layout.rows.get(last_row).map_or(first, |r| r.end);
        Some((first, last))
    }

    /// The quote `y` copies from the text: the one last jumped to if it is on the screen, else
    /// the first one there.
    pub fn visible_quote(&self, doc: &Doc, page: usize) -> Option<usize> {
        let (first, last) = self.visible_bytes(page)?;
        let visible = |s: &super::doc::QuoteSpan| s.end > first && s.start < last;
        if let Some(q) = self.current_quote {
            if doc.quote_span(q).is_some_and(|s| visible(&s)) {
                return Some(q);
            }
        }
        doc.quote_spans()
            .iter()
            .find(|s| visible(s))
            .map(|s| s.quote)
    }

    /// The reader's keys: scrolling, `n`/`N`, sections, the jump list, `&`, `Y`, and `Esc` to
    /// clear the target.
    pub fn update(&mut self, action: &Action, ctx: &Ctx, out: &mut Vec<Command>) -> Handled {
        let page = ctx.page_rows();
        let step = page.saturating_sub(1).max(1) as isize;
        match action {
            Action::Down => self.scroll(ctx, 1),
            Action::Up => self.scroll(ctx, -1),
            Action::PageDown => self.scroll(ctx, step),
            Action::PageUp => self.scroll(ctx, -step),
            Action::HalfPageDown => self.scroll(ctx, (page / 2).max(1) as isize),
            Action::HalfPageUp => self.scroll(ctx, -((page / 2).max(1) as isize)),
            Action::Top => self.jump_to_row(ctx, 0),
            Action::Bottom => self.jump_to_row(ctx, usize::MAX),
            Action::NextHit => self.step_hit(ctx, true, out),
            Action::PrevHit => self.step_hit(ctx, false, out),
            Action::NextSection => self.section(ctx, true, out),
            Action::PrevSection => self.section(ctx, false, out),
            Action::JumpBack => self.jump_back(ctx, out),
            Action::OnlyTarget => self.toggle_only_target(ctx, out),
            Action::CopyParagraph => self.copy_paragraph(ctx, out),
            Action::Cancel => return self.clear_target(ctx, out),
            _ => return Handled::No,
        }
        Handled::Yes
    }

    /// The layout for a new screen: the whole article, from the cache when it was laid out at
    /// this measure before; only the target's paragraphs with `&`.
    pub fn resize(&mut self, ctx: &Ctx) {
        // Too small to draw: keep the layout (and the place) until the screen grows.
        let Some(measure) = measure(ctx) else {
            return;
        };
        if self.only_target {
            if self.layout.width != measure {
                self.relayout(ctx);
            }
        } else if self.layout.width != measure || self.layout.is_filtered() {
            self.layout = self.full_layout(ctx.doc, measure);
        }
        // The anchor stays; only a position past the new last page moves.
        self.keep_in_range(ctx);
        self.compute_ticks(ctx);
    }

    /// The first screen after start-up: when the view opens at the top of the article, only the
    /// rows of that screen are laid out, so a book shows at once.
    pub fn first_screen(&mut self, ctx: &Ctx) {
        let Some(measure) = measure(ctx) else {
            return;
        };
        let page = ctx.page_rows();
        let head = Layout::head(ctx.doc.article(), measure, page + 1);
        if !self.only_target && head.row_for_anchor(self.top) + page < head.len() {
            self.layout = Arc::new(head);
        } else {
            self.resize(ctx);
        }
    }

    /// Lays out again at the current measure, keeping the place: only the target's paragraphs
    /// with `&`, all of them (from the cache) otherwise.
    pub fn relayout(&mut self, ctx: &Ctx) {
        let Some(measure) = measure(ctx) else {
            return;
        };
        let article = ctx.doc.article();
        let keep = self.only_target.then(|| {
            let mut keep = vec![false; article.blocks.len()];
            for &(start, _) in self.target.as_ref().map_or(&[][..], |t| &t.hits) {
                if let Some(k) = article.block_at(start).and_then(|b| keep.get_mut(b)) {
                    *k = true;
                }
            }
            keep
        });
        self.layout = match keep {
            Some(keep) => Arc::new(Layout::filtered(article, measure, &keep)),
            None => self.full_layout(ctx.doc, measure),
        };
        let row = self.top_row();
        self.scroll_to_row(ctx, row);
        self.compute_ticks(ctx);
    }

    /// The layout of the whole article at `measure`: from the cache, or made and cached.
    fn full_layout(&mut self, doc: &Doc, measure: usize) -> Arc<Layout> {
        if let Some(found) = self.cache.iter().find(|l| l.width == measure) {
            return found.clone();
        }
        let layout = Arc::new(Layout::new(doc.article(), measure));
        self.cache.push(layout.clone());
        if self.cache.len() > LAYOUT_CACHE {
            self.cache.remove(0);
        }
        layout
    }

    /// The row showing byte `byte` (a byte in a block left out lands on the next row shown).
    fn row_of(&self, doc: &Doc, byte: usize) -> usize {
        self.layout.row_for_byte(doc.article(), byte)
    }

    fn scroll(&mut self, ctx: &Ctx, delta: isize) {
        let row = self.top_row() as isize + delta;
        self.scroll_to_row(ctx, row.max(0) as usize);
    }

    fn scroll_to_row(&mut self, ctx: &Ctx, row: usize) {
        if self.layout.is_empty() {
            return;
        }
        let row = row.min(self.max_top_row(ctx.page_rows()));
        self.top = self.layout.anchor_for_row(row);
    }

    /// Scrolls to `row` as a jump: where it started is remembered for `Ctrl-o` and `''`.
    fn jump_to_row(&mut self, ctx: &Ctx, row: usize) {
        let from = self.top;
        self.scroll_to_row(ctx, row);
        self.jumped_from(from);
    }

    /// A jump left `from` (when it moved at all).
    fn jumped_from(&mut self, from: Anchor) {
        if self.top != from {
            self.jumps.push(from);
            self.previous = Some(from);
        }
    }

    /// Brings `byte` into view as a jump: the view stays when it is already on the screen
    /// (above the last row), else it scrolls to show it a few rows below the top.
    fn reveal(&mut self, ctx: &Ctx, byte: usize) {
        let row = self.row_of(ctx.doc, byte);
        let top = self.top_row();
        let page = ctx.page_rows();
        if row >= top && row + 1 < top + page {
            return;
        }
        self.jump_to_row(ctx, row.saturating_sub(JUMP_MARGIN));
    }

    /// Scrolls so that `byte` shows a few rows below the top, as a jump.
    pub fn jump_to(&mut self, ctx: &Ctx, byte: usize) {
        let row = self.row_of(ctx.doc, byte);
        self.jump_to_row(ctx, row.saturating_sub(JUMP_MARGIN));
    }

    /// `n` / `N`: from the hit last jumped to while it is on the screen, else from the top of the
    /// view (the first hit after it, the last before it), wrapping around with a notice.
    fn step_hit(&mut self, ctx: &Ctx, forward: bool, out: &mut Vec<Command>) {
        let page = ctx.page_rows();
        let top_byte = self.visible_bytes(page).map_or(self.top.byte, |v| v.0);
        let Some(t) = &self.target else {
            out.push(Command::Notice(
                "No target: choose an entity (Enter) or search (/)".into(),
            ));
            return;
        };
        let n = t.hits.len();
        if n == 0 {
            out.push(Command::Notice(format!(
                "No matches for {}",
                wrap::sanitize_line(&t.label)
            )));
            return;
        }
        let (next, wrapped) = match (self.current_in_view(ctx.doc, t, page), forward) {
            (Some(i), true) => ((i + 1) % n, i + 1 >= n),
            (Some(i), false) => ((i + n - 1) % n, i == 0),
            (None, true) => match t.hits.iter().position(|h| h.0 >= top_byte) {
                Some(i) => (i, false),
                None => (0, true),
            },
            (None, false) => match t.hits.iter().rposition(|h| h.0 < top_byte) {
                Some(i) => (i, false),
                None => (n - 1, true),
            },
        };
        let byte = t.hits[next].0;
        if let Some(t) = &mut self.target {
            t.current = Some(next);
        }
        if wrapped {
            out.push(Command::Notice(if forward {
                "Wrapped around to the first hit".into()
            } else {
                "Wrapped around to the last hit".into()
            }));
        }
        self.reveal(ctx, byte);
    }

    /// Makes entity `e` the target (unless it is already); its hits are its mentions in the
    /// reading flow.
    pub fn target_entity(&mut self, ctx: &Ctx, e: usize) {
        if self.target.as_ref().is_some_and(|t| t.entity == Some(e)) {
            return;
        }
        let Some(entity) = ctx.doc.entity(e) else {
            return;
        };
        self.target = Some(Target {
            label: entity.name.clone(),
            entity: Some(e),
            hits: ctx.doc.mentions_of(e),
            current: None,
        });
        self.target_changed(ctx);
    }

    /// Enter on an entity: it becomes the target and its next mention from the view is shown.
    pub fn go_to_entity(&mut self, ctx: &Ctx, e: usize, out: &mut Vec<Command>) {
        self.target_entity(ctx, e);
        if let Some(t) = &mut self.target {
            // Counting starts from the view, not from a hit jumped to before.
            t.current = None;
        }
        self.step_hit(ctx, true, out);
    }

    /// Enter on a mention (X-Ray): the entity becomes the target, counting from this hit.
    pub fn go_to_mention(&mut self, ctx: &Ctx, e: usize, index: usize) {
        self.target_entity(ctx, e);
        let Some(t) = &mut self.target else {
            return;
        };
        let Some(&(start, _)) = t.hits.get(index) else {
            return;
        };
        t.current = Some(index);
        self.reveal(ctx, start);
    }

    /// Enter on a quote: it is shown and set off.
    pub fn go_to_quote(&mut self, ctx: &Ctx, q: usize, out: &mut Vec<Command>) {
        match ctx.doc.quote_span(q) {
            Some(span) => {
                self.current_quote = Some(q);
                self.reveal(ctx, span.start);
            }
            None => out.push(Command::Notice(
                "That quote is not in the text shown".into(),
            )),
        }
    }

    /// Enter on a heading of the outline: it is shown at the top.
    pub fn go_to_block(&mut self, ctx: &Ctx, block: usize) {
        let Some(b) = ctx.doc.article().blocks.get(block) else {
            return;
        };
        let row = self.layout.row_for_anchor(Anchor {
            block,
            byte: b.start,
        });
        self.jump_to_row(ctx, row);
    }

    /// `50%`: the view at that share of the text (the status line then shows it).
    pub fn go_to_percent(&mut self, ctx: &Ctx, percent: u32) {
        let percent = percent.min(100) as usize;
        let max = self.max_top_row(ctx.page_rows());
        self.jump_to_row(ctx, (percent * max).div_ceil(100));
    }

    /// `[` / `]`: the previous heading (the current section's when the view is inside it) or the
    /// next one, at the top.
    fn section(&mut self, ctx: &Ctx, forward: bool, out: &mut Vec<Command>) {
        let blocks = &ctx.doc.article().blocks;
        let top = self.top_row();
        let row_of = |block: usize| {
            blocks.get(block).map(|b| {
                self.layout.row_for_anchor(Anchor {
                    block,
                    byte: b.start,
                })
            })
        };
        let headings = ctx.doc.headings();
        if headings.is_empty() {
            out.push(Command::Notice("No headings in this text".into()));
            return;
        }
        let found = if forward {
            headings
                .iter()
                .filter_map(|h| row_of(h.block))
                .find(|&r| r > top)
        } else {
            headings
                .iter()
                .rev()
                .filter_map(|h| row_of(h.block))
                .find(|&r| r < top)
        };
        let Some(row) = found else {
            out.push(Command::Notice(if forward {
                "No heading after this one".into()
            } else {
                "No heading before this one".into()
            }));
            return;
        };
        let before = self.top;
        self.jump_to_row(ctx, row);
        if self.top == before {
            out.push(Command::Notice("The last heading is on this page".into()));
        }
    }

    /// `Ctrl-o`: back to where the last jump started, and again further back.
    fn jump_back(&mut self, ctx: &Ctx, out: &mut Vec<Command>) {
        let Some(place) = self.jumps.pop() else {
            out.push(Command::Notice("No jump to go back to".into()));
            return;
        };
        let from = self.top;
        self.go_to_anchor(ctx, place);
        if self.top != from {
            self.previous = Some(from);
        }
        out.push(Command::Notice(match self.jumps.len() {
            0 => "Back where the jump started".to_string(),
            n => format!("Back where the jump started ({n} more)"),
        }));
    }

    /// `''`: back to where the view was before the last jump (or the last `Ctrl-o`); itself a
    /// jump, so `''` again comes back.
    pub fn jump_previous(&mut self, ctx: &Ctx, out: &mut Vec<Command>) {
        let Some(place) = self.previous else {
            out.push(Command::Notice("No jump to go back to".into()));
            return;
        };
        let from = self.top;
        self.go_to_anchor(ctx, place);
        self.jumped_from(from);
        out.push(Command::Notice("Back where the jump started".into()));
    }

    /// Shows `anchor` at the top (or the last page, if it is past it).
    fn go_to_anchor(&mut self, ctx: &Ctx, anchor: Anchor) {
        self.top = anchor;
        let row = self.top_row();
        self.scroll_to_row(ctx, row);
    }

    /// `m` + letter.
    pub fn set_mark(&mut self, c: char, out: &mut Vec<Command>) {
        if !c.is_ascii_alphabetic() {
            out.push(Command::Notice("Marks are letters a–z, A–Z".into()));
            return;
        }
        self.marks.insert(c, self.top);
        out.push(Command::Notice(format!("Mark {c} set")));
    }

    /// `'` + letter: a jump to the mark.
    pub fn go_to_mark(&mut self, ctx: &Ctx, c: char, out: &mut Vec<Command>) {
        if !c.is_ascii_alphabetic() {
            out.push(Command::Notice("Marks are letters a–z, A–Z".into()));
            return;
        }
        match self.marks.get(&c).copied() {
            Some(anchor) => {
                let from = self.top;
                self.go_to_anchor(ctx, anchor);
                self.jumped_from(from);
                out.push(Command::Notice(format!("Back at mark {c}")));
            }
            None => out.push(Command::Notice(format!("No mark {c}"))),
        }
    }

    /// A search being typed: its hits are highlighted and the view shows the first one at or
    /// after where the search began (no jump is recorded until it is accepted).
    pub fn preview(&mut self, ctx: &Ctx, hits: &[(usize, usize)], origin: Anchor) {
        self.top = origin;
        self.keep_in_range(ctx);
        if let Some(&(start, _)) = hits
            .iter()
            .find(|h| h.0 >= origin.byte)
            .or_else(|| hits.first())
        {
            let row = self.row_of(ctx.doc, start);
            let top = self.top_row();
            if row < top || row + 1 >= top + ctx.page_rows() {
                self.scroll_to_row(ctx, row.saturating_sub(JUMP_MARGIN));
            }
        }
        self.preview = Some(hits.to_vec());
    }

    /// A search cancelled: back where it began (or the last page, if the screen changed), without
    /// its highlights.
    pub fn cancel_preview(&mut self, ctx: &Ctx, origin: Anchor) {
        self.preview = None;
        self.top = origin;
        self.keep_in_range(ctx);
    }

    /// Moves the view back to the last page if it is past it.
    fn keep_in_range(&mut self, ctx: &Ctx) {
        let row = self.top_row();
        if row > self.max_top_row(ctx.page_rows()) {
            self.scroll_to_row(ctx, row);
        }
    }

    /// A search accepted: it becomes the target, at its first hit at or after where it began.
    pub fn accept_search(
        &mut self,
        ctx: &Ctx,
        query: &str,
        hits: Vec<(usize, usize)>,
        origin: Anchor,
        out: &mut Vec<Command>,
    ) {
        self.preview = None;
        let shown = self.top;
        self.top = origin;
        let first = hits.iter().position(|h| h.0 >= origin.byte);
        let (current, wrapped) = match first {
            Some(i) => (Some(i), false),
            None => ((!hits.is_empty()).then_some(0), true),
        };
        let n = hits.len();
        self.target = Some(Target {
            label: format!("/{query}"),
            entity: None,
            hits,
            current,
        });
        self.target_changed(ctx);
        if n == 0 {
            self.keep_in_range(ctx);
            out.push(Command::Notice(format!(
                "No matches for /{}",
                wrap::sanitize_line(query)
            )));
            return;
        }
        if wrapped {
            out.push(Command::Notice("Wrapped around to the first hit".into()));
        }
        // The view is where the preview left it; from the origin, that was a jump.
        self.top = shown;
        if let Some(&(start, _)) = current.and_then(|i| self.target.as_ref()?.hits.get(i)) {
            let row = self.row_of(ctx.doc, start);
            let top = self.top_row();
            if row < top || row >= top + ctx.page_rows() {
                self.scroll_to_row(ctx, row.saturating_sub(JUMP_MARGIN));
            }
        }
        self.keep_in_range(ctx);
        self.jumped_from(origin);
    }

    /// `Esc` in the reader: the target and its highlights go (and `&` with them).
    fn clear_target(&mut self, ctx: &Ctx, out: &mut Vec<Command>) -> Handled {
        if self.target.is_none() && self.current_quote.is_none() {
            return Handled::No;
        }
        let label = self.target.take().map(|t| t.label);
        self.current_quote = None;
        self.target_changed(ctx);
        if let Some(label) = label {
            out.push(Command::Notice(format!(
                "Cleared the target {}",
                wrap::sanitize_line(&label)
            )));
        }
        Handled::Yes
    }

    /// The target changed: its ticks, and the `&` layout when on.
    fn target_changed(&mut self, ctx: &Ctx) {
        if self.only_target {
            // A target with no hits would leave nothing to read: show everything again.
            if self.target.as_ref().is_none_or(|t| t.hits.is_empty()) {
                self.only_target = false;
            }
            self.relayout(ctx);
        }
        self.compute_ticks(ctx);
    }

    /// `&`: only the paragraphs with a hit of the target, or all again.
    fn toggle_only_target(&mut self, ctx: &Ctx, out: &mut Vec<Command>) {
        if self.only_target {
            self.only_target = false;
            self.relayout(ctx);
            out.push(Command::Notice("Showing every paragraph".into()));
            return;
        }
        match &self.target {
            Some(t) if !t.hits.is_empty() => {
                let label = wrap::sanitize_line(&t.label);
                self.only_target = true;
                self.relayout(ctx);
                out.push(Command::Notice(format!(
                    "Only paragraphs with {label} (& shows all)"
                )));
            }
            _ => out.push(Command::Notice(
                "No target to filter by: Enter on an entity or /".into(),
            )),
        }
    }

    /// Rows of the scrollbar with a hit of the target: each hit's layout row scaled to the
    /// height of the text column.
    fn compute_ticks(&mut self, ctx: &Ctx) {
        self.ticks.clear();
        let (Some(t), Some(g)) = (&self.target, ctx.geometry) else {
            return;
        };
        let rows = self.layout.len();
        let h = g.text.height as usize;
        if rows == 0 || h == 0 {
            return;
        }
        for &(start, _) in &t.hits {
            let row = self.row_of(ctx.doc, start);
            // A text shorter than the pane gets its ticks on the rows themselves.
            let tick = (row * h / rows.max(h)).min(h - 1) as u16;
            if self.ticks.last() != Some(&tick) {
                self.ticks.push(tick);
            }
        }
    }

    /// `Y`: the paragraph at the top of the view.
    fn copy_paragraph(&mut self, ctx: &Ctx, out: &mut Vec<Command>) {
        let block = self
            .layout
            .rows
            .get(self.top_row())
            .map_or(self.top.block, |r| r.block);
        let Some(b) = ctx.doc.article().blocks.get(block) else {
            return;
        };
        let text = super::copy::collapse(ctx.doc.text().get(b.start..b.end).unwrap_or(""));
        if text.is_empty() {
            out.push(Command::Notice("No paragraph here to copy".into()));
            return;
        }
        let (para, _) = ctx.doc.paragraph(block);
        out.push(Command::Notice(format!(
            "Copied paragraph ¶{para} ({} characters)",
            text.chars().count()
        )));
        out.push(Command::Copy(text));
    }

    /// The wheel over the text.
    pub fn wheel(&mut self, ctx: &Ctx, lines: i16) {
        self.scroll(ctx, lines as isize);
    }

    /// The mention drawn at `column` of screen row `row` of the text column: its entity and its
    /// index among the entity's hits.
    pub fn mention_at(&self, ctx: &Ctx, row: usize, column: usize) -> Option<usize> {
        let byte = self.byte_at(ctx.doc, self.top_row() + row, column)?;
        ctx.doc
            .marks()
            .iter()
            .find(|m| m.start <= byte && byte < m.end)
            .map(|m| m.entity)
    }

    /// A click on a mention: its entity becomes the target, counting from that mention.
    pub fn click_mention(&mut self, ctx: &Ctx, row: usize, column: usize) -> bool {
        let Some(byte) = self.byte_at(ctx.doc, self.top_row() + row, column) else {
            return false;
        };
        let Some(m) = ctx
            .doc
            .marks()
            .iter()
            .find(|m| m.start <= byte && byte < m.end)
            .copied()
        else {
            return false;
        };
        self.target_entity(ctx, m.entity);
        if let Some(t) = &mut self.target {
            t.current = t.hits.iter().position(|h| h.0 == m.start);
        }
        true
    }

    /// The byte of the article drawn at column `col` of layout row `row`.
    fn byte_at(&self, doc: &Doc, row: usize, col: usize) -> Option<usize> {
        let r = self.layout.rows.get(row)?;
        if r.gap {
            return None;
        }
        let text = doc.text().get(r.start..r.end)?;
        let mut x = r.indent as usize;
        let mut pending = false;
        let mut found = None;
        wrap::for_each_unit(text, r.start, |u| match u {
            wrap::Unit::Space { .. } => pending = x > r.indent as usize,
            wrap::Unit::Glyph { start, width, .. } => {
                if pending {
                    x += 1;
                    pending = false;
                }
                if found.is_none() && col >= x && col < x + width {
                    found = Some(start);
                }
                x += width;
            }
        });
        found
    }

    /// Goes back to a remembered place and its marks; anchors that do not fit this article are
    /// ignored. Returns whether the place was restored.
    pub fn restore(&mut self, doc: &Doc, top: Anchor, marks: &[(char, Anchor)]) -> bool {
        let fits = |a: Anchor| {
            doc.article()
                .blocks
                .get(a.block)
                .is_some_and(|b| b.start <= a.byte && a.byte <= b.end)
        };
        for &(c, a) in marks {
            if c.is_ascii_alphabetic() && fits(a) {
                self.marks.insert(c, a);
            }
        }
        if !fits(top) {
            return false;
        }
        self.top = top;
        true
    }
}

/// The width rows are wrapped to on the current screen, or `None` when it is too small.
fn measure(ctx: &Ctx) -> Option<usize> {
    ctx.geometry
        .map(|g| (g.text.width as usize).max(wrap::MIN_WIDTH))
}
