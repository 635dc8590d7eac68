//! The token layer: a block of text cut once into words and punctuation, each word with its
//! shape, its lower-cased form and what the [`Lexicon`] knows about it, and the block cut into
//! sentences. Like spaCy's `Doc`, it is built once and read by every pass that needs words.
//!
//! Words keep their inner hyphens (`Kim Jong-Un`), ampersands (`A&M`), apostrophes (`O'Brien`),
//! acronym periods (`U.S.`, `U.S`) and number separators (`28,500`, `6:00am`); a possessive ending
//! (`Trump’s`, `Belgians'`) is left out of the word and marked on it. Each word knows whether it
//! opens a sentence, so that a capital there is not taken for a name by itself.
//!
//! A [`Doc`] holds one block at a time and is refilled for the next ([`Doc::read`]), so a book
//! never has all its tokens in memory at once. Quotations are ordinary punctuation and words
//! here; a pass that wants a quotation as one token (attribution) groups the tokens between
//! its marks.

use super::lexicon::{hash_bytes, hash_step, Classes, Lexicon, WordInfo, HASH_START};
use super::EntityKind;

/// The shape of a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Starts with an upper-case letter (`Trump`, `McDonald`).
    Cap,
    /// Two or more letters, all upper case (`IAEA`, `U.S.`).
    Upper,
    /// Starts with a lower-case letter.
    Lower,
    /// A word in a script without capital letters (Chinese, Arabic, Hebrew, Korean): its shape
    /// says nothing about names.
    Caseless,
    /// Starts with a digit.
    Number,
    /// One character of punctuation or a symbol.
    Punct,
}

/// A token: a byte range into the article text, and what is known of its word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub shape: Shape,
    /// A possessive ending follows the word directly (`’s`, `'`).
    pub possessive: bool,
    /// The word opens a sentence, a quotation or the block.
    pub sentence_start: bool,
    /// A capital letter stands after the first letter (`IAEA`, `McCain`).
    pub inner_capital: bool,
    /// What the lexicon knows about the lower-cased word (nothing for punctuation; for a word
    /// written in lower case, the classes of [`Classes::IN_LOWER_CASE`] only).
    pub info: WordInfo,
    /// Where the lower-cased word is: in [`Doc`]'s buffer, or (for a word written in lower
    /// case) the word itself.
    lower: Lowered,
}

impl Token {
    pub fn is_word(&self) -> bool {
        self.shape != Shape::Punct
    }

    /// Starts with a capital (`Cap` or `Upper`).
    pub fn is_capitalised(&self) -> bool {
        matches!(self.shape, Shape::Cap | Shape::Upper)
    }

    /// Whether the word belongs to every class of `class`.
    pub fn is(&self, class: Classes) -> bool {
        self.info.is(class)
    }

    /// A capitalised given name (`Mary`, not `mark`; in capitals, `MAY` says too little).
    pub fn is_given_name(&self) -> bool {
        self.shape == Shape::Cap && self.is(Classes::GIVEN_NAME)
    }

    /// A capitalised surname (`Smith`).
    pub fn is_surname(&self) -> bool {
        self.shape == Shape::Cap && self.is(Classes::SURNAME)
    }

    /// A capitalised title of one word (`President`, `Mr`).
    pub fn is_title(&self) -> bool {
        self.shape == Shape::Cap && self.is(Classes::TITLE)
    }

    /// The first word of a title, as titles are written (`Secretary`, `president`; not `KING`).
    pub fn may_start_title(&self) -> bool {
        matches!(self.shape, Shape::Cap | Shape::Lower) && self.is(Classes::TITLE_START)
    }

    /// A common word that is no name by itself: words with capitals inside count only when
    /// listed so (`TV`), so that `US` is not `us`.
    pub fn is_common(&self) -> bool {
        if self.inner_capital {
            self.is(Classes::COMMON_CAPITALS)
        } else {
            self.is(Classes::COMMON)
        }
    }

    /// The kind a head word gives the name it ends (`Agency` → org), when written as listed.
    pub fn head(&self) -> Option<EntityKind> {
        let written_as_listed = self.shape == Shape::Cap && !self.inner_capital
            || self.inner_capital && self.is(Classes::HEAD_IN_CAPITALS);
        if written_as_listed {
            self.info.head
        } else {
            None
        }
    }
}

/// Where a token's lower-cased word is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lowered {
    /// The word as written is lower case already.
    AsWritten,
    /// A range of the doc's buffer.
    Buffer(u32, u32),
}

/// The tokens of one block.
pub struct Doc<'t> {
    text: &'t str,
    lex: &'static Lexicon,
    tokens: Vec<Token>,
    /// The lower-cased words, one after another (UTF-8; bytes, so that an ASCII word is
    /// copied without encoding it char by char).
    lower: Vec<u8>,
    /// Where the block starts and ends in the text.
    span: (usize, usize),
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Whether `word` is letters separated by periods (`U`, `U.S`, `K.C`): an acronym in progress.
fn dotted_letters(word: &str) -> bool {
    let mut expect_letter = true;
    for c in word.chars() {
        if expect_letter {
            if !c.is_alphabetic() {
                return false;
            }
            expect_letter = false;
        } else if c == '.' {
            expect_letter = true;
        } else {
            return false;
        }
    }
    true
}

/// The character at byte `i` of `s` (a character boundary), read fast for ASCII.
#[inline]
fn char_at(s: &str, i: usize) -> Option<char> {
    let b = *s.as_bytes().get(i)?;
    if b < 0x80 {
        return Some(char::from(b));
    }
    s.get(i..).and_then(|r| r.chars().next())
}

#[inline]
fn alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric()
    }
}

/// A word found in a slice: where it ends, whether a possessive ending follows, where the next
/// token may start (after the possessive ending), and whether it is all ASCII.
struct Scanned {
    end: usize,
    possessive: bool,
    next: usize,
    ascii: bool,
}

/// ASCII bytes that may continue a word other than letters and digits: a hyphen, an ampersand,
/// a period, a comma or a colon (in numbers), an apostrophe. Any other ASCII byte ends a word.
fn may_join(b: u8) -> bool {
    matches!(b, b'-' | b'&' | b'.' | b',' | b':' | b'\'')
}

/// Reads the word that starts at `start` of `s` (its first character, `first`, is alphanumeric).
fn scan_word(s: &str, start: usize, first: char) -> Scanned {
    let b = s.as_bytes();
    let mut j = start + first.len_utf8();
    let numeric = first.is_ascii_digit();
    let mut ascii = first.is_ascii();
    let mut possessive = false;
    let mut skip_to = None;
    loop {
        // Most words are ASCII letters: run over them a byte at a time.
        while j < b.len() && b[j].is_ascii_alphanumeric() {
            j += 1;
        }
        match b.get(j) {
            None => break,
            Some(&x) if x < 0x80 && !may_join(x) => break,
            _ => {}
        }
        let Some(d) = char_at(s, j) else { break };
        let dl = d.len_utf8();
        if !d.is_ascii() {
            ascii = false;
            if d.is_alphanumeric() {
                j += dl;
                continue;
            }
        }
        let next = char_at(s, j + dl);
        let next_alnum = next.is_some_and(alphanumeric);
        if (d == '-' || d == '&' || d == '‐') && next_alnum {
            j += dl;
            continue;
        }
        if numeric && matches!(d, ',' | '.' | ':') && next.is_some_and(|n| n.is_ascii_digit()) {
            j += dl;
            continue;
        }
        if d == '.' && dotted_letters(&s[start..j]) {
            let after = next.and_then(|n| char_at(s, j + dl + n.len_utf8()));
            let more = next.is_some_and(char::is_alphabetic)
                && !after.is_some_and(|a| a.is_alphabetic() && !a.is_uppercase());
            if more || (s[start..j].contains('.') && !next_alnum) {
                j += dl;
                continue;
            }
        }
        if is_apostrophe(d) {
            let after = next.and_then(|n| char_at(s, j + dl + n.len_utf8()));
            if matches!(next, Some('s' | 'S')) && !after.is_some_and(alphanumeric) {
                possessive = true;
                skip_to = Some(j + dl + 1);
            } else if next_alnum {
                j += dl;
                continue;
            } else if s[start..j].ends_with('s') && first.is_uppercase() {
                possessive = true;
                skip_to = Some(j + dl);
            }
        }
        break;
    }
    Scanned {
        end: j,
        possessive,
        next: skip_to.unwrap_or(j),
        ascii,
    }
}

/// A plain ASCII word read in one pass: where it ends, the hash of its lower-cased form, its
/// shape and whether a capital stands after its first letter.
struct Plain {
    end: usize,
    hash: u64,
    shape: Shape,
    inner_capital: bool,
}

/// Reads the word at `start` when it is ASCII letters and digits, starts with a letter and ends
/// where [`scan_word`] surely ends it too (at a space, or at punctuation that cannot continue
/// it: not a hyphen, an ampersand, an apostrophe, a non-ASCII character, nor the period of a
/// single letter); `None` sends the word to [`scan_word`]. Most words of a text are such words,
/// and this reads each byte once, hashing as it goes.
#[inline]
fn plain_word(b: &[u8], start: usize) -> Option<Plain> {
    let first = *b.get(start)?;
    if !first.is_ascii_alphabetic() {
        return None;
    }
    let mut hash = hash_step(HASH_START, first.to_ascii_lowercase());
    let (mut upper_after, mut lower, mut digits) = (false, first.is_ascii_lowercase(), 0usize);
    let mut j = start + 1;
    while let Some(&x) = b.get(j) {
        if x.is_ascii_lowercase() {
            lower = true;
        } else if x.is_ascii_uppercase() {
            upper_after = true;
        } else if x.is_ascii_digit() {
            digits += 1;
        } else {
            break;
        }
        hash = hash_step(hash, x.to_ascii_lowercase());
        j += 1;
    }
    match b.get(j) {
        Some(&x) if x >= 0x80 || matches!(x, b'-' | b'&' | b'\'') => return None,
        Some(b'.') if j - start < 2 => return None,
        _ => {}
    }
    // As `shape_of` decides for an ASCII word.
    let shape = if first.is_ascii_lowercase() {
        Shape::Lower
    } else if upper_after && !lower && j - start - digits >= 2 {
        Shape::Upper
    } else {
        Shape::Cap
    };
    Some(Plain {
        end: j,
        hash,
        shape,
        inner_capital: upper_after,
    })
}

/// The shape of a word, and whether a capital stands after its first letter.
fn shape_of(word: &str, first: char, ascii: bool) -> (Shape, bool) {
    if ascii {
        let b = word.as_bytes();
        let inner_capital = b.iter().skip(1).any(u8::is_ascii_uppercase);
        let shape = if first.is_ascii_lowercase() {
            Shape::Lower
        } else if first.is_ascii_digit() {
            Shape::Number
        } else if !inner_capital {
            Shape::Cap
        } else {
            let letters = b.iter().filter(|c| c.is_ascii_alphabetic()).count();
            if letters >= 2 && !b.iter().any(u8::is_ascii_lowercase) {
                Shape::Upper
            } else {
                Shape::Cap
            }
        };
        return (shape, inner_capital);
    }
    let inner_capital = word.chars().skip(1).any(char::is_uppercase);
    let shape = if first.is_ascii_digit() || first.is_numeric() {
        Shape::Number
    } else if first.is_uppercase() {
        let letters = word.chars().filter(|c| c.is_alphabetic()).count();
        if letters >= 2 && !word.chars().any(char::is_lowercase) {
            Shape::Upper
        } else {
            Shape::Cap
        }
    } else if first.is_lowercase() {
        Shape::Lower
    } else {
        Shape::Caseless
    };
    (shape, inner_capital)
}

/// Whether a word that starts with `first` has the shape [`Shape::Lower`].
fn starts_lower(first: char) -> bool {
    if first.is_ascii() {
        first.is_ascii_lowercase()
    } else {
        first.is_lowercase() && !first.is_numeric()
    }
}

/// Calls `f` with every word of `text[from..to]` that starts with a lower-case letter, cut as
/// [`Doc::read`] cuts it, and the hash of the word ([`super::lexicon::hash_bytes`]): a quick
/// first pass that builds no tokens.
pub fn for_each_lower_case_word(text: &str, from: usize, to: usize, mut f: impl FnMut(&str, u64)) {
    let Some(s) = text.get(from..to) else {
        return;
    };
    let b = s.as_bytes();
    let mut i = 0;
    while let Some(&x) = b.get(i) {
        if x < 0x80 && !x.is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        if let Some(word) = plain_word(b, i) {
            if word.shape == Shape::Lower && !word.inner_capital {
                f(&s[i..word.end], word.hash);
            } else if word.shape == Shape::Lower {
                f(&s[i..word.end], hash_bytes(&s.as_bytes()[i..word.end]));
            }
            i = word.end;
            continue;
        }
        let Some(c) = char_at(s, i) else { break };
        if !alphanumeric(c) {
            i += c.len_utf8();
            continue;
        }
        let word = scan_word(s, i, c);
        if starts_lower(c) {
            let w = &s[i..word.end];
            f(w, hash_bytes(w.as_bytes()));
        }
        i = word.next;
    }
}

impl<'t> Doc<'t> {
    /// An empty doc over `text`; [`Doc::read`] fills it with a block.
    pub fn new(text: &'t str) -> Doc<'t> {
        Doc {
            text,
            lex: Lexicon::get(),
            tokens: Vec::new(),
            lower: Vec::new(),
            span: (0, 0),
        }
    }

    /// A doc of the whole of `text`, for tests and short texts.
    pub fn of(text: &'t str) -> Doc<'t> {
        let mut doc = Doc::new(text);
        doc.read(0, text.len());
        doc
    }

    /// The text the offsets index.
    pub fn source(&self) -> &'t str {
        self.text
    }

    /// The lexicon the words were looked up in.
    pub fn lexicon(&self) -> &'static Lexicon {
        self.lex
    }

    /// Where the block read last starts and ends.
    pub fn span(&self) -> (usize, usize) {
        self.span
    }

    /// Cuts `text[from..to]` into tokens, replacing what the doc held.
    pub fn read(&mut self, from: usize, to: usize) {
        self.read_with(from, to, true);
    }

    /// [`Doc::read`]; `plain` lets plain ASCII words take the quick way ([`plain_word`]),
    /// which tests switch off to check that both ways cut and type the same tokens.
    fn read_with(&mut self, from: usize, to: usize, plain: bool) {
        self.tokens.clear();
        self.lower.clear();
        self.span = (from, to);
        let text = self.text;
        let Some(s) = text.get(from..to) else {
            return;
        };
        let bytes = s.as_bytes();
        let mut i = 0;
        let mut sentence_start = true;
        let mut last_word: Option<(usize, usize)> = None;
        loop {
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            if plain {
                if let Some(word) = plain_word(bytes, i) {
                    self.push_plain(from + i, from + word.end, &word, sentence_start);
                    sentence_start = false;
                    last_word = Some((i, word.end));
                    i = word.end;
                    continue;
                }
            }
            let Some(c) = char_at(s, i) else { break };
            let len = c.len_utf8();
            if c.is_whitespace() {
                i += len;
                continue;
            }
            if !alphanumeric(c) {
                let opening_quote = matches!(c, '“' | '‘')
                    || (matches!(c, '"' | '\'')
                        && (i == 0 || s[..i].ends_with(|p: char| p.is_whitespace() || p == '(')));
                let ends = match c {
                    '.' => !last_word.is_some_and(|(a, b)| {
                        let w = &s[a..b];
                        self.lex.is_abbreviation(w)
                            || (w.chars().count() == 1 && w.starts_with(char::is_uppercase))
                    }),
                    '!' | '?' | ':' | ';' | '•' | '|' => true,
                    _ => false,
                };
                if ends || opening_quote {
                    sentence_start = true;
                }
                self.push(
                    from + i,
                    from + i + len,
                    (Shape::Punct, false),
                    false,
                    false,
                );
                i += len;
                continue;
            }
            let word = scan_word(s, i, c);
            let shape = shape_of(&s[i..word.end], c, word.ascii);
            self.push(
                from + i,
                from + word.end,
                shape,
                word.possessive,
                sentence_start,
            );
            sentence_start = false;
            last_word = Some((i, word.end));
            i = word.next;
        }
    }

    fn push(
        &mut self,
        start: usize,
        end: usize,
        (shape, inner_capital): (Shape, bool),
        possessive: bool,
        first: bool,
    ) {
        let mut info = WordInfo::default();
        let mut lower = Lowered::AsWritten;
        if shape != Shape::Punct {
            let word = self.text.get(start..end).unwrap_or("");
            // The word is looked up by the hash of its lower-cased form; only words with
            // capitals are copied lower-cased (most words are written in lower case).
            let hash;
            if word.is_ascii() && shape != Shape::Cap && shape != Shape::Upper && !inner_capital {
                hash = word.bytes().fold(HASH_START, hash_step);
                if shape == Shape::Lower {
                    // Only the classes that matter in lower case (`in`, `said`, not `will`).
                    info = self.lex.info_in_lower_case(hash);
                    self.tokens.push(Token {
                        start,
                        end,
                        shape,
                        possessive,
                        sentence_start: first,
                        inner_capital,
                        info,
                        lower,
                    });
                    return;
                }
            } else {
                let from = self.lower.len();
                if word.is_ascii() {
                    self.lower
                        .extend(word.bytes().map(|b| b.to_ascii_lowercase()));
                } else {
                    // A typographic apostrophe is looked up as the plain one (`I’ll` as
                    // `i'll`), as the lists write it.
                    let mut buffer = [0u8; 4];
                    for c in word.chars().flat_map(char::to_lowercase) {
                        let c = if c == '’' { '\'' } else { c };
                        self.lower
                            .extend_from_slice(c.encode_utf8(&mut buffer).as_bytes());
                    }
                }
                let copy = self.lower.get(from..).unwrap_or(&[]);
                hash = copy.iter().copied().fold(HASH_START, hash_step);
                lower = Lowered::Buffer(from as u32, self.lower.len() as u32);
            }
            info = self.lex.info_hashed(hash);
        }
        self.tokens.push(Token {
            start,
            end,
            shape,
            possessive,
            sentence_start: first,
            inner_capital,
            info,
            lower,
        });
    }

    /// [`Doc::push`] for a word [`plain_word`] read, its hash known.
    #[inline]
    fn push_plain(&mut self, start: usize, end: usize, word: &Plain, first: bool) {
        let (info, lower) = if word.shape == Shape::Lower && !word.inner_capital {
            // Only the classes that matter in lower case (`in`, `said`, not `will`).
            (self.lex.info_in_lower_case(word.hash), Lowered::AsWritten)
        } else {
            let from = self.lower.len();
            let bytes = self.text.as_bytes().get(start..end).unwrap_or(&[]);
            self.lower.extend(bytes.iter().map(u8::to_ascii_lowercase));
            (
                self.lex.info_hashed(word.hash),
                Lowered::Buffer(from as u32, self.lower.len() as u32),
            )
        };
        self.tokens.push(Token {
            start,
            end,
            shape: word.shape,
            possessive: false,
            sentence_start: first,
            inner_capital: word.inner_capital,
            info,
            lower,
        });
    }

    /// Splits the word token `i` at the hyphen that starts at byte `at` inside it, into the
    /// word before, the hyphen and the word after, each looked up again: for a hyphen that is a
    /// dash (`Drubetskóy-awaited`). Does nothing unless `at` is such a hyphen.
    pub fn split_at_hyphen(&mut self, i: usize, at: usize) {
        let Some(&t) = self.tokens.get(i) else {
            return;
        };
        let hyphen = self.text.get(at..).and_then(|r| r.chars().next());
        let Some(hyphen) = hyphen.filter(|&c| matches!(c, '-' | '‐') && t.is_word()) else {
            return;
        };
        let after = at + hyphen.len_utf8();
        if at <= t.start || after >= t.end {
            return;
        }
        let text = self.text;
        let tail = self.tokens.split_off(i + 1);
        self.tokens.pop();
        let word = |from: usize, to: usize| {
            let w = text.get(from..to).unwrap_or("");
            let first = w.chars().next().unwrap_or(' ');
            shape_of(w, first, w.is_ascii())
        };
        self.push(t.start, at, word(t.start, at), false, t.sentence_start);
        self.push(at, after, (Shape::Punct, false), false, false);
        self.push(after, t.end, word(after, t.end), t.possessive, false);
        self.tokens.extend(tail);
    }

    /// The tokens, in order.
    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    pub fn token(&self, i: usize) -> Option<&Token> {
        self.tokens.get(i)
    }

    /// The token's text as written, or `""` past the end.
    pub fn text(&self, i: usize) -> &'t str {
        self.tokens
            .get(i)
            .and_then(|t| self.text.get(t.start..t.end))
            .unwrap_or("")
    }

    /// The lower-cased word at `i` (a typographic apostrophe made plain: `i'll`), or `""` for
    /// punctuation and past the end.
    pub fn lower(&self, i: usize) -> &str {
        let Some(t) = self.tokens.get(i) else {
            return "";
        };
        match t.lower {
            _ if t.shape == Shape::Punct => "",
            Lowered::AsWritten => self.text.get(t.start..t.end).unwrap_or(""),
            Lowered::Buffer(a, b) => self
                .lower
                .get(a as usize..b as usize)
                .and_then(|bytes| std::str::from_utf8(bytes).ok())
                .unwrap_or(""),
        }
    }

    /// What the lexicon knows about the word at `i` (nothing past the end).
    pub fn info(&self, i: usize) -> WordInfo {
        self.tokens.get(i).map(|t| t.info).unwrap_or_default()
    }

    /// Whether the token at `i` is a word in lower case of every class of `class`.
    pub fn is_lower(&self, i: usize, class: Classes) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.shape == Shape::Lower && t.is(class))
    }

    /// Whether the token at `i` is the punctuation `c`.
    pub fn is_punct(&self, i: usize, c: char) -> bool {
        self.tokens.get(i).is_some_and(|t| t.shape == Shape::Punct) && self.text(i).starts_with(c)
    }

    /// The sentences, as ranges of token indices: a sentence starts at a token marked
    /// `sentence_start` (punctuation before it belongs to the sentence before).
    pub fn sentences(&self) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
        let n = self.tokens.len();
        let mut starts = self
            .tokens
            .iter()
            .enumerate()
            .filter(|(i, t)| t.sentence_start && *i > 0)
            .map(|(i, _)| i)
            .chain(std::iter::once(n))
            .peekable();
        let mut from = 0;
        std::iter::from_fn(move || {
            let end = starts.next()?;
            let range = from..end;
            from = end;
            (!range.is_empty()).then_some(range)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn words(s: &str) -> Vec<&str> {
        let doc = Doc::of(s);
        (0..doc.len()).map(|i| doc.text(i)).collect()
    }

    #[test]
    fn hyphens_acronyms_and_numbers_stay_in_one_word() {
        assert_eq!(
            words("Kim Jong-Un at Punggye-ri, 28,500 U.S troops"),
            [
                "Kim",
                "Jong-Un",
                "at",
                "Punggye-ri",
                ",",
                "28,500",
                "U.S",
                "troops"
            ]
        );
        assert_eq!(
            words("the U.S. and U.N. said"),
            ["the", "U.S.", "and", "U.N.", "said"]
        );
        assert_eq!(
            words("Texas A&M at 6:00am"),
            ["Texas", "A&M", "at", "6:00am"]
        );
    }

    #[test]
    fn possessive_endings_are_left_out_and_marked() {
        let s = "Trump’s court and the Belgians' goal, O'Brien's";
        let doc = Doc::of(s);
        let t = doc.tokens();
        assert_eq!(
            words(s),
            ["Trump", "court", "and", "the", "Belgians", "goal", ",", "O'Brien"]
        );
        assert!(t[0].possessive && t[4].possessive && t[7].possessive);
        assert!(!t[1].possessive);
    }

    #[test]
    fn sentence_starts_follow_full_stops_but_not_abbreviations() {
        let s = "He left. Then Mr. Smith came “Hello there. No. 5 won.";
        let doc = Doc::of(s);
        let starts: Vec<&str> = (0..doc.len())
            .filter(|&i| doc.tokens()[i].sentence_start)
            .map(|i| doc.text(i))
            .collect();
        assert_eq!(starts, ["He", "Then", "Hello", "No"]);
        let sentences: Vec<String> = doc
            .sentences()
            .map(|r| {
                (r.start..r.end)
                    .map(|i| doc.text(i))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        assert_eq!(
            sentences,
            [
                "He left .",
                "Then Mr . Smith came “",
                "Hello there .",
                "No . 5 won ."
            ]
        );
    }

    #[test]
    fn shapes_and_lower_cased_words() {
        let s = "IAEA Trump dotard 2004 U.S 北京 Émile";
        let doc = Doc::of(s);
        let shapes: Vec<Shape> = doc.tokens().iter().map(|t| t.shape).collect();
        assert_eq!(
            shapes,
            [
                Shape::Upper,
                Shape::Cap,
                Shape::Lower,
                Shape::Number,
                Shape::Upper,
                Shape::Caseless,
                Shape::Cap
            ]
        );
        assert_eq!(doc.lower(1), "trump");
        assert_eq!(doc.lower(6), "émile");
    }

    #[test]
    fn words_carry_what_the_lexicon_knows() {
        let doc = Doc::of("On Friday Mary said it, in June.");
        assert!(doc.tokens()[1].is(Classes::WEEKDAY));
        assert!(doc.tokens()[2].is(Classes::GIVEN_NAME));
        assert!(doc.is_lower(3, Classes::REPORTED_AFTER));
        assert_eq!(doc.info(7).month, 6);
        assert!(doc.is_punct(8, '.'));
        assert_eq!(doc.info(99), WordInfo::default());
    }

    #[test]
    fn a_hyphen_can_be_split_off_as_a_dash() {
        let s = "Borís Drubetskóy-awaited the end’s start";
        let mut doc = Doc::of(s);
        let at = s.find('-').unwrap_or(0);
        doc.split_at_hyphen(1, at);
        assert_eq!(words(s).len() + 2, doc.len());
        let split: Vec<&str> = (0..doc.len()).map(|i| doc.text(i)).collect();
        assert_eq!(split[..5], ["Borís", "Drubetskóy", "-", "awaited", "the"]);
        assert_eq!(doc.lower(3), "awaited");
        assert!(doc.tokens()[3].is_word() && !doc.tokens()[3].sentence_start);
        // Not a hyphen inside the word: nothing changes.
        doc.split_at_hyphen(0, 0);
        doc.split_at_hyphen(99, at);
        assert_eq!(doc.len(), split.len());
    }

    #[test]
    fn a_doc_is_refilled_block_by_block() {
        let text = "First block here.\n\nSecond one.";
        let mut doc = Doc::new(text);
        doc.read(0, 17);
        assert_eq!(doc.len(), 4);
        let second = text.find("Second").unwrap_or(0);
        doc.read(second, text.len());
        assert_eq!(doc.text(0), "Second");
        assert_eq!(doc.lower(0), "second");
        assert!(doc.tokens()[0].sentence_start);
    }

    #[test]
    fn the_quick_pass_finds_the_same_lower_case_words() {
        let s = "The U.S. troops’ long-awaited return, O'Brien's dog and don’t-care Kim Jong-un";
        let mut quick = Vec::new();
        for_each_lower_case_word(s, 0, s.len(), |w, _| quick.push(w.to_string()));
        let doc = Doc::of(s);
        let full: Vec<String> = (0..doc.len())
            .filter(|&i| doc.tokens()[i].shape == Shape::Lower)
            .map(|i| doc.text(i).to_string())
            .collect();
        assert_eq!(quick, full);
    }

    /// The tokens of a doc and its lower-cased words.
    type Read = (Vec<Token>, Vec<u8>);

    /// The tokens and lower-cased words of `s` read with and without the quick way for plain
    /// words.
    fn both_ways(s: &str) -> (Read, Read) {
        let mut quick = Doc::new(s);
        quick.read_with(0, s.len(), true);
        let mut slow = Doc::new(s);
        slow.read_with(0, s.len(), false);
        ((quick.tokens, quick.lower), (slow.tokens, slow.lower))
    }

    #[test]
    fn plain_words_read_the_quick_way_are_the_same_tokens() {
        let s =
            "IAEA said: McCain, U.S. and A. B. Smith’s iPhone B2B x. ab. R2-D2 Jones's A&M at 6:00";
        let (quick, slow) = both_ways(s);
        assert_eq!(quick, slow);
    }

    proptest! {
        #[test]
        fn the_quick_way_for_plain_words_changes_nothing(
            s in r#"([A-Za-z0-9]{1,6}|[’'.\-&,:;()"]|\s|\PC){0,60}"#
        ) {
            let (quick, slow) = both_ways(&s);
            prop_assert_eq!(quick, slow);
        }

        #[test]
        fn tokens_are_ordered_char_ranges_and_the_quick_pass_agrees(
            s in "(\\PC|[A-Za-z]{1,6}|[’'.\\-&,]|\\s){0,60}"
        ) {
            let doc = Doc::of(&s);
            let mut last = 0;
            for t in doc.tokens() {
                prop_assert!(t.start >= last && t.start < t.end && t.end <= s.len());
                prop_assert!(s.is_char_boundary(t.start) && s.is_char_boundary(t.end));
                last = t.end;
            }
            let mut quick = Vec::new();
            for_each_lower_case_word(&s, 0, s.len(), |w, _| quick.push(w.to_string()));
            let full: Vec<String> = (0..doc.len())
                .filter(|&i| doc.tokens()[i].shape == Shape::Lower)
                .map(|i| doc.text(i).to_string())
                .collect();
            prop_assert_eq!(quick, full);
        }
    }
}
