//! The jump list: where each jump (`n`, `Enter`, `g`, a mark, a search, `50%`) started, so that
//! `Ctrl-o` walks back through them and `''` returns to the last one, as in vim and less.

use crate::layout::Anchor;

/// How many places are remembered.
const CAPACITY: usize = 100;

/// The places jumps started from, the most recent last.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JumpList {
    places: Vec<Anchor>,
}

impl JumpList {
    /// Remembers that a jump left `from`.
    pub fn push(&mut self, from: Anchor) {
        if self.places.last() == Some(&from) {
            return;
        }
        if self.places.len() == CAPACITY {
            self.places.remove(0);
        }
        self.places.push(from);
    }

    /// The place the last jump started from, forgotten once returned to.
    pub fn pop(&mut self) -> Option<Anchor> {
        self.places.pop()
    }

    /// How many places are remembered.
    pub fn len(&self) -> usize {
        self.places.len()
    }

    /// Whether no jump is remembered.
    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(byte: usize) -> Anchor {
        Anchor { block: 0, byte }
    }

    #[test]
    fn places_come_back_most_recent_first_and_repeats_are_kept_once() {
        let mut j = JumpList::default();
        j.push(at(1));
        j.push(at(2));
        j.push(at(2));
        assert_eq!(j.len(), 2);
        assert_eq!(j.pop(), Some(at(2)));
        assert_eq!(j.pop(), Some(at(1)));
        assert_eq!(j.pop(), None);
    }

    #[test]
    fn the_oldest_place_is_forgotten_beyond_the_capacity() {
        let mut j = JumpList::default();
        for i in 0..CAPACITY + 5 {
            j.push(at(i));
        }
        assert_eq!(j.len(), CAPACITY);
        assert_eq!(j.pop(), Some(at(CAPACITY + 4)));
    }
}
