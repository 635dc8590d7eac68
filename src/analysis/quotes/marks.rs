//! Finding quotations by their marks: which marks open, which close, which are apostrophes.
//!
//! Straight `"` and `'` are read by what stands beside them; curly `’` is an apostrophe unless a
//! single quotation is open and the mark ends a word. A quotation that is still open at the end of
//! its paragraph continues when the next paragraph opens with a mark of the same kind (the
//! convention for a quotation over several paragraphs) and is cut at the paragraph end otherwise,
//! so a stray mark never swallows the rest of the document. Spans come out properly nested.

use super::lexicon::Lexicon;

/// Families of marks: a mark only closes a quotation opened by its own family.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Double,
    Single,
    Guillemet,
    SingleGuillemet,
}

/// A quotation found by its marks. `start..end` are the quoted words (trimmed of white space);
/// `open..close` includes the marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Span {
    pub open: usize,
    pub start: usize,
    pub end: usize,
    pub close: usize,
}

/// What a mark does at its position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open(Family),
    Close(Family),
    /// Straight marks: decided by context and by what is open.
    Either(Family),
}

fn role(c: char) -> Option<Role> {
    Some(match c {
        '"' => Role::Either(Family::Double),
        '\'' => Role::Either(Family::Single),
        '\u{201C}' | '\u{201E}' => Role::Open(Family::Double),
        '\u{201D}' => Role::Close(Family::Double),
        '\u{2018}' => Role::Open(Family::Single),
        '\u{2019}' => Role::Close(Family::Single),
        '\u{00AB}' => Role::Open(Family::Guillemet),
        '\u{00BB}' => Role::Close(Family::Guillemet),
        '\u{2039}' => Role::Open(Family::SingleGuillemet),
        '\u{203A}' => Role::Close(Family::SingleGuillemet),
        _ => return None,
    })
}

fn is_mark(c: char) -> bool {
    role(c).is_some()
}

/// A mark may open here: something follows it, and it starts a word.
fn left_flanking(prev: Option<char>, next: Option<char>) -> bool {
    next.is_some_and(|n| !n.is_whitespace())
        && prev.is_none_or(|p| p.is_whitespace() || "([{—–-/".contains(p) || is_mark(p))
}

/// A mark may close here: it ends a word.
fn right_flanking(prev: Option<char>, next: Option<char>) -> bool {
    prev.is_some_and(|p| !p.is_whitespace()) && next.is_none_or(|n| !n.is_alphanumeric())
}

/// The lowercase letters right after `at` (the word an opening single mark would start).
fn word_after(text: &str, at: usize) -> String {
    text.get(at..)
        .unwrap_or("")
        .chars()
        .take_while(|c| c.is_alphabetic())
        .take(8)
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether the mark at `at` closes an elision (`rock ’n’ roll`): a short elided word right
/// after another apostrophe.
fn ends_elision(text: &str, at: usize, lex: &Lexicon) -> bool {
    let before = text.get(..at).unwrap_or("");
    let word = super::word_ending(before);
    if word.is_empty() || word.len() > 6 {
        return false;
    }
    let mark_before = before[..before.len() - word.len()].chars().next_back();
    mark_before.is_some_and(|c| matches!(c, '\'' | '\u{2018}' | '\u{2019}'))
        && lex.is_elision(&word.to_lowercase())
}

/// How far ahead [`plural_possessive`] looks for the mark that closes the quotation instead.
const POSSESSIVE_LOOKAHEAD: usize = 1000;

/// Whether the single mark at `i` in `para`, inside an open single quotation, is the apostrophe
/// of a plural possessive (`‘The workers’ union is strong,’ he said`): it follows an `s` and a
/// lower-case word comes after it, and a mark further on closes the quotation before another
/// one opens.
fn plural_possessive(para: &str, i: usize, prev: Option<char>) -> bool {
    if !prev.is_some_and(|p| p == 's' || p == 'S') {
        return false;
    }
    let Some(rest) = para.get(i..) else {
        return false;
    };
    let mut chars = rest.chars();
    chars.next();
    let after = chars.as_str();
    let Some(word) = after.strip_prefix(' ') else {
        return false;
    };
    if !word.chars().next().is_some_and(char::is_lowercase) {
        return false;
    }
    let mut before: Option<char> = None;
    let mut it = word.char_indices().peekable();
    while let Some((k, c)) = it.next() {
        if k > POSSESSIVE_LOOKAHEAD {
            return false;
        }
        let next = it.peek().map(|&(_, n)| n);
        match c {
            '\u{2018}' => return false,
            '\u{2019}' | '\'' => {
                let between = before.is_some_and(char::is_alphanumeric)
                    && next.is_some_and(char::is_alphanumeric);
                if !between {
                    if right_flanking(before, next) {
                        return true;
                    }
                    if left_flanking(before, next) {
                        return false;
                    }
                }
            }
            _ => {}
        }
        before = Some(c);
    }
    false
}

struct Open {
    family: Family,
    open: usize,
    content: usize,
    /// The paragraph the quotation opened in.
    paragraph: usize,
}

/// The most paragraphs one quotation runs over. Real multi-paragraph quotations (a speech, a
/// letter) stay well under this; a run of paragraphs that each open a mark and never close one
/// is cut here rather than read as one quotation of a whole document.
const MAX_CONTINUED_PARAGRAPHS: usize = 25;

/// The most marks open at once; deeper ones are ignored (no real text nests this far).
const MAX_DEPTH: usize = 8;

/// Finds the quotations in `paragraphs` (byte ranges of `text`, in order, non-overlapping).
pub(super) fn scan(text: &str, paragraphs: &[(usize, usize)], lex: &Lexicon) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    // The first mark of a paragraph that continues an open quotation is not a new opening.
    let mut skip_mark_at: Option<usize> = None;
    for (p, &(pstart, pend)) in paragraphs.iter().enumerate() {
        let Some(para) = text.get(pstart..pend) else {
            continue;
        };
        // The closing mark of an elision like `’n’` is no quote mark either.
        let mut skip_until = pstart;
        // Only these bytes can start a mark: `"`, `'`, and the lead bytes of `“ ” ‘ ’ „ ‹ ›`
        // (0xE2) and `« »` (0xC2); memchr finds them without looking at every character.
        let bytes = para.as_bytes();
        let mut common = memchr::memchr3_iter(b'"', b'\'', 0xE2, bytes).peekable();
        let mut guillemets = memchr::memchr_iter(0xC2, bytes).peekable();
        loop {
            let i = match (common.peek().copied(), guillemets.peek().copied()) {
                (Some(a), Some(b)) if b < a => {
                    guillemets.next();
                    b
                }
                (Some(a), _) => {
                    common.next();
                    a
                }
                (None, Some(b)) => {
                    guillemets.next();
                    b
                }
                (None, None) => break,
            };
            let Some(c) = para.get(i..).and_then(|r| r.chars().next()) else {
                continue;
            };
            let Some(mut r) = role(c) else { continue };
            let at = pstart + i;
            if Some(at) == skip_mark_at {
                // Both apostrophes of a doubled mark that continues a quotation.
                if bytes.get(i..i + 2) == Some(b"''") {
                    skip_until = skip_until.max(at + 2);
                }
                continue;
            }
            if at < skip_until {
                continue;
            }
            // Two apostrophes are one double mark (the New York Times' `''…''`).
            let mut len = c.len_utf8();
            if c == '\'' && bytes.get(i + 1) == Some(&b'\'') {
                r = Role::Either(Family::Double);
                len = 2;
                skip_until = skip_until.max(at + 2);
            }
            let this_prev = para.get(..i).and_then(|r| r.chars().next_back());
            let next = para.get(i + len..).and_then(|r| r.chars().next());
            let after = at + len;
            let open_in = |f: Family, stack: &[Open]| stack.iter().any(|o| o.family == f);
            let decided = match r {
                Role::Open(Family::Single) | Role::Either(Family::Single) => {
                    let lf = left_flanking(this_prev, next);
                    let rf = right_flanking(this_prev, next);
                    let between_letters = this_prev.is_some_and(char::is_alphanumeric)
                        && next.is_some_and(char::is_alphanumeric);
                    if between_letters || ends_elision(text, at, lex) {
                        None
                    } else if open_in(Family::Single, &stack)
                        && rf
                        && r != Role::Open(Family::Single)
                        && !plural_possessive(para, i, this_prev)
                    {
                        Some(Role::Close(Family::Single))
                    } else if lf {
                        let word = word_after(text, after);
                        let digit = next.is_some_and(|n| n.is_ascii_digit());
                        if digit || lex.is_elision(&word) {
                            // `’90s`, `‘n’`: skip the elision and its closing mark.
                            skip_until = after + word.len() + 1;
                            None
                        } else {
                            Some(Role::Open(Family::Single))
                        }
                    } else {
                        None
                    }
                }
                Role::Close(Family::Single) => {
                    let between_letters = this_prev.is_some_and(char::is_alphanumeric)
                        && next.is_some_and(char::is_alphanumeric);
                    (!between_letters
                        && !ends_elision(text, at, lex)
                        && right_flanking(this_prev, next)
                        && open_in(Family::Single, &stack)
                        && !plural_possessive(para, i, this_prev))
                    .then_some(r)
                }
                Role::Either(f) => {
                    let lf = left_flanking(this_prev, next);
                    let rf = right_flanking(this_prev, next);
                    if open_in(f, &stack) && rf {
                        Some(Role::Close(f))
                    } else if lf {
                        Some(Role::Open(f))
                    } else if open_in(f, &stack) {
                        Some(Role::Close(f))
                    } else {
                        None
                    }
                }
                Role::Close(f) => {
                    if open_in(f, &stack) {
                        Some(r)
                    } else if left_flanking(this_prev, next) && !right_flanking(this_prev, next) {
                        // A closing mark used to open (`”Yes”` in some typography).
                        Some(Role::Open(f))
                    } else {
                        None
                    }
                }
                Role::Open(_) => Some(r),
            };
            match decided {
                Some(Role::Open(family)) if stack.len() < MAX_DEPTH => {
                    stack.push(Open {
                        family,
                        open: at,
                        content: after,
                        paragraph: p,
                    });
                }
                Some(Role::Close(family)) => {
                    if let Some(k) = stack.iter().rposition(|o| o.family == family) {
                        let o = &stack[k];
                        push_span(&mut spans, text, o.open, o.content, at, after);
                        stack.truncate(k);
                    }
                }
                _ => {}
            }
        }
        // End of paragraph: a double quotation or guillemet still open at the bottom continues
        // into a next paragraph that opens with the same family, or is cut here.
        skip_mark_at = None;
        let bottom = stack
            .iter()
            .find(|o| matches!(o.family, Family::Double | Family::Guillemet))
            .map(|o| (o.family, o.open, o.content, o.paragraph));
        stack.clear();
        if let Some((family, open, content, paragraph)) = bottom {
            let room = p + 1 - paragraph < MAX_CONTINUED_PARAGRAPHS;
            let next_opening = paragraphs.get(p + 1).filter(|_| room).and_then(|&(s, e)| {
                let next = text.get(s..e)?;
                let c = next.chars().next()?;
                let doubled = next.starts_with("''");
                let continues = match family {
                    Family::Double => matches!(c, '"' | '\u{201C}' | '\u{201E}') || doubled,
                    _ => matches!(c, '\u{00AB}' | '\u{00BB}'),
                };
                let mark_len = if doubled { 2 } else { c.len_utf8() };
                // A transcript's next speaker (`"PENCE: …`) opens a quotation of their own.
                let new_speaker = super::speaker_label(&next[mark_len..], true).is_some();
                (continues && !new_speaker).then_some(s)
            });
            match next_opening {
                Some(s) => {
                    skip_mark_at = Some(s);
                    stack.push(Open {
                        family,
                        open,
                        content,
                        paragraph,
                    });
                }
                None => push_span(&mut spans, text, open, content, pend, pend),
            }
        }
    }
    spans.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
    spans
}

/// Adds a span with its quoted words trimmed of white space, if any words are left.
fn push_span(
    spans: &mut Vec<Span>,
    text: &str,
    open: usize,
    content: usize,
    end: usize,
    close: usize,
) {
    let Some(inner) = text.get(content..end) else {
        return;
    };
    let trimmed = inner.trim_start();
    let start = content + (inner.len() - trimmed.len());
    let trimmed = trimmed.trim_end();
    if trimmed.is_empty() {
        return;
    }
    spans.push(Span {
        open,
        start,
        end: start + trimmed.len(),
        close,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<&str> {
        let paragraphs = paragraphs(text);
        scan(text, &paragraphs, Lexicon::get())
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    fn paragraphs(text: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut pos = 0;
        for part in text.split("\n\n") {
            out.push((pos, pos + part.len()));
            pos += part.len() + 2;
        }
        out
    }

    #[test]
    fn straight_and_curly_double_quotes() {
        assert_eq!(
            quoted("\"Yes,\" he said. She said “no” twice."),
            ["Yes,", "no"]
        );
    }

    #[test]
    fn guillemets_with_inner_spaces() {
        assert_eq!(quoted("Il a dit « Bonjour » hier."), ["Bonjour"]);
    }

    #[test]
    fn curly_single_quotes_as_marks() {
        assert_eq!(
            quoted("‘We will fight,’ the minister said."),
            ["We will fight,"]
        );
    }

    #[test]
    fn apostrophes_are_not_marks() {
        let text = "The site’s owner, Andrew’s friend, loved ’90s rock ’n’ roll and don’t care. ‘Yes,’ he said, at the Joneses’ house.";
        assert_eq!(quoted(text), ["Yes,"]);
        assert!(quoted("rock ‘n’ roll and ‘90s music").is_empty());
    }

    #[test]
    fn a_nested_quote_comes_after_its_parent() {
        assert_eq!(
            quoted("\"You call yourself my ‘faithful slave,’ as you say,\" she said."),
            [
                "You call yourself my ‘faithful slave,’ as you say,",
                "faithful slave,"
            ]
        );
    }

    #[test]
    fn a_quotation_over_several_paragraphs_is_one_quote() {
        let text = "“First part.\n\n“Second part.\n\n“Last part,” he said.\n\nAfter.";
        assert_eq!(
            quoted(text),
            ["First part.\n\n“Second part.\n\n“Last part,"]
        );
    }

    #[test]
    fn a_transcript_speaker_opens_a_new_quotation() {
        let text = "\"WALLACE: Why?\n\n\"Go on.\n\n\"PENCE: Well, look.\n\nAfter.";
        assert_eq!(
            quoted(text),
            ["WALLACE: Why?\n\n\"Go on.", "PENCE: Well, look."]
        );
    }

    #[test]
    fn an_unclosed_quote_is_cut_at_its_paragraph() {
        let text = "He said “this never closes.\n\nNext paragraph “is fine” here.";
        assert_eq!(quoted(text), ["this never closes.", "is fine"]);
    }

    #[test]
    fn a_plural_possessive_inside_single_marks_does_not_close_them() {
        assert_eq!(
            quoted("‘The workers’ union is strong,’ he said. 'The players' fault,' she said."),
            ["The workers’ union is strong,", "The players' fault,"]
        );
        // With nothing further to close it, the mark closes: `‘no excuses’ policy`.
        assert_eq!(
            quoted("Their ‘no excuses’ policy worked. ‘It’s over,’ he said."),
            ["no excuses", "It’s over,"]
        );
    }

    #[test]
    fn two_apostrophes_are_one_double_mark() {
        assert_eq!(
            quoted(
                "''I don't judge what people spend money on,'' he said. ''But most people do.''"
            ),
            [
                "I don't judge what people spend money on,",
                "But most people do."
            ]
        );
        assert_eq!(
            quoted("''First part.\n\n''Last part,'' he said."),
            ["First part.\n\n''Last part,"]
        );
    }

    #[test]
    fn inches_are_not_an_opening() {
        assert_eq!(quoted("He is 6'2\" tall and said \"hi\"."), ["hi"]);
    }
}
