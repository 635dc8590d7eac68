//! The model of a scrolling list: its rows (each belongs to an item, or is a heading), the
//! selected item and the first row shown. `update` moves the selection and keeps it in view for
//! the list's height; drawing and clicks both read the same rows and offset, so a click always
//! lands on the row that is drawn under the pointer.

/// A list of rows with a selection kept in view.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListView {
    /// For each row, the item it shows (`None`: a heading).
    rows: Vec<Option<usize>>,
    /// For each item, its first and last row.
    spans: Vec<(usize, usize)>,
    selected: Option<usize>,
    offset: usize,
    height: usize,
}

impl ListView {
    /// A list of `rows` (each the item it shows, or `None` for a heading), with nothing selected.
    /// Items are numbered from 0 in the order they first appear.
    pub fn new(rows: Vec<Option<usize>>) -> ListView {
        let mut spans: Vec<(usize, usize)> = Vec::new();
        for (r, item) in rows.iter().enumerate() {
            if let Some(i) = *item {
                if i == spans.len() {
                    spans.push((r, r));
                } else if let Some(span) = spans.get_mut(i) {
                    span.1 = r;
                }
            }
        }
        ListView {
            rows,
            spans,
            selected: None,
            offset: 0,
            height: 0,
        }
    }

    /// A list of `n` items of `per_item` rows each.
    pub fn uniform(n: usize, per_item: usize) -> ListView {
        let per = per_item.max(1);
        ListView::new((0..n * per).map(|r| Some(r / per)).collect())
    }

    /// The rows: the item each shows, or `None` for a heading.
    pub fn rows(&self) -> &[Option<usize>] {
        &self.rows
    }

    /// The first and last row of item `i`.
    pub fn span(&self, i: usize) -> Option<(usize, usize)> {
        self.spans.get(i).copied()
    }

    /// The number of items.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// Whether there are no items.
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// The selected item.
    pub fn selected(&self) -> Option<usize> {
        self.selected
    }

    /// The rows the list has on the screen, as of the last [`ListView::fit`].
    pub fn height(&self) -> usize {
        self.height
    }

    /// The first row shown.
    pub fn offset(&self) -> usize {
        self.offset
    }

    /// The rows shown at the last [`ListView::fit`]: `(row index, item)` from the offset.
    pub fn visible(&self) -> impl Iterator<Item = (usize, Option<usize>)> + '_ {
        self.rows
            .iter()
            .enumerate()
            .skip(self.offset)
            .take(self.height)
            .map(|(r, i)| (r, *i))
    }

    /// The item drawn on `line` of the list (0 is its first line on the screen).
    pub fn item_at(&self, line: usize) -> Option<usize> {
        if line >= self.height {
            return None;
        }
        self.rows.get(self.offset + line).copied().flatten()
    }

    /// Selects item `i` (clamped to the list), or nothing when the list is empty.
    pub fn select(&mut self, i: usize) {
        self.selected = (!self.spans.is_empty()).then(|| i.min(self.spans.len() - 1));
        self.keep_in_view();
    }

    /// Selects nothing.
    pub fn clear_selection(&mut self) {
        self.selected = None;
    }

    /// Moves the selection by `delta` items (from nothing: to the first or the last).
    pub fn move_by(&mut self, delta: isize) {
        if self.spans.is_empty() {
            return;
        }
        let n = self.spans.len() as isize;
        let from = match self.selected {
            Some(s) => s as isize,
            None if delta > 0 => -1,
            None => n,
        };
        self.select((from + delta).clamp(0, n - 1) as usize);
    }

    /// Moves the selection by a page of `rows` rows (at least one item).
    pub fn page(&mut self, rows: isize) {
        let per = self
            .selected
            .and_then(|s| self.spans.get(s))
            .map_or(1, |(a, b)| b - a + 1) as isize;
        let items = (rows / per).max(1);
        self.move_by(if rows < 0 { -items } else { items });
    }

    /// Scrolls the rows by `delta` without moving the selection past the view (the wheel).
    pub fn scroll(&mut self, delta: isize) {
        let max = self.rows.len().saturating_sub(self.height);
        self.offset = (self.offset as isize + delta).clamp(0, max as isize) as usize;
        // The selection follows when it scrolls out of view.
        if let Some((first, last)) = self.selected.and_then(|s| self.spans.get(s).copied()) {
            let bottom = self.offset + self.height;
            if last < self.offset || first >= bottom {
                let target = if first >= bottom {
                    self.rows[..bottom.min(self.rows.len())]
                        .iter()
                        .rev()
                        .find_map(|r| *r)
                } else {
                    self.rows[self.offset..].iter().find_map(|r| *r)
                };
                self.selected = target.or(self.selected);
            }
        }
    }

    /// Sets the height of the list on the screen and keeps the selection in view; the first
    /// time, the selection is centred, so what comes before it shows too.
    pub fn fit(&mut self, height: usize) {
        let first = self.height == 0;
        self.height = height;
        if first && height > 0 {
            if let Some(&(start, _)) = self.selected.and_then(|s| self.spans.get(s)) {
                self.offset = start.saturating_sub(height / 2);
            }
        }
        self.keep_in_view();
    }

    /// The least scroll that shows every row of the selected item (and the heading right above
    /// it), with the offset never past the last page.
    fn keep_in_view(&mut self) {
        let max = self.rows.len().saturating_sub(self.height);
        if let Some(&(first, last)) = self.selected.and_then(|s| self.spans.get(s)) {
            let first = if first > 0 && self.rows[first - 1].is_none() {
                first - 1
            } else {
                first
            };
            if first < self.offset {
                self.offset = first;
            } else if last >= self.offset + self.height {
                self.offset = (last + 1).saturating_sub(self.height.max(1));
            }
        }
        self.offset = self.offset.min(max);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grouped() -> ListView {
        // heading, 0, 1, heading, 2, 3, 4
        ListView::new(vec![
            None,
            Some(0),
            Some(1),
            None,
            Some(2),
            Some(3),
            Some(4),
        ])
    }

    #[test]
    fn the_selection_stays_in_view_with_least_scrolling() {
        let mut l = grouped();
        l.fit(3);
        l.select(0);
        assert_eq!(l.offset(), 0);
        l.move_by(2);
        assert_eq!(l.selected(), Some(2));
        // Row 4 must show: rows 2..5, with the heading above item 2.
        assert_eq!(l.offset(), 2);
        l.move_by(-1);
        assert_eq!(l.offset(), 2);
        l.move_by(-1);
        assert_eq!(l.offset(), 0);
        l.move_by(99);
        assert_eq!((l.selected(), l.offset()), (Some(4), 4));
    }

    #[test]
    fn clicks_read_the_rows_drawn() {
        let mut l = grouped();
        l.fit(3);
        l.select(4);
        let drawn: Vec<Option<usize>> = l.visible().map(|(_, i)| i).collect();
        for (line, item) in drawn.iter().enumerate() {
            assert_eq!(l.item_at(line), *item);
        }
        assert_eq!(l.item_at(3), None);
    }

    #[test]
    fn items_of_two_rows_are_shown_whole() {
        let mut l = ListView::uniform(5, 2);
        l.fit(5);
        l.select(2);
        assert_eq!(l.offset(), 1);
        assert_eq!(l.item_at(3), Some(2));
        assert_eq!(l.item_at(4), Some(2));
        l.page(5);
        assert_eq!(l.selected(), Some(4));
        assert_eq!(l.offset(), 5);
    }

    #[test]
    fn the_first_fit_centres_the_selection() {
        let mut l = ListView::uniform(100, 1);
        l.select(50);
        l.fit(10);
        assert_eq!(l.offset(), 45);
        // Later fits only keep it in view.
        l.move_by(-3);
        l.fit(10);
        assert_eq!(l.offset(), 45);
    }

    #[test]
    fn an_empty_list_selects_nothing() {
        let mut l = ListView::new(vec![None]);
        l.fit(4);
        l.move_by(1);
        l.select(3);
        assert_eq!(l.selected(), None);
        assert_eq!(l.item_at(0), None);
    }

    #[test]
    fn the_wheel_scrolls_and_the_selection_follows() {
        let mut l = ListView::uniform(10, 1);
        l.fit(3);
        l.select(0);
        l.scroll(5);
        assert_eq!(l.offset(), 5);
        assert_eq!(l.selected(), Some(5));
        l.scroll(-99);
        assert_eq!(l.offset(), 0);
        assert_eq!(l.selected(), Some(2));
    }
}
