//! Splits a block of text into word and punctuation tokens with byte offsets.
//!
//! Words keep their inner hyphens (`Kim Jong-Un`), ampersands (`A&M`), apostrophes (`O'Brien`),
//! acronym periods (`U.S.`, `U.S`) and number separators (`28,500`, `6:00am`); a possessive ending
//! (`Trump’s`, `Belgians'`) is left out of the word and marked on it. Each word knows whether it
//! opens a sentence, so that a capital there is not taken for a name by itself.

/// The shape of a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Starts with an upper-case letter (`Trump`, `McDonald`).
    Cap,
    /// Two or more letters, all upper case (`IAEA`, `U.S.`).
    Upper,
    /// Starts with a lower-case letter.
    Lower,
    /// Starts with a digit.
    Number,
    /// One character of punctuation or a symbol.
    Punct,
}

/// A token: a byte range into the article text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub shape: Shape,
    /// A possessive ending follows the word directly (`’s`, `'`).
    pub possessive: bool,
    /// The word opens a sentence, a quotation or the block.
    pub sentence_start: bool,
}

impl Token {
    pub fn is_word(&self) -> bool {
        self.shape != Shape::Punct
    }

    /// Starts with a capital (`Cap` or `Upper`).
    pub fn is_capitalised(&self) -> bool {
        matches!(self.shape, Shape::Cap | Shape::Upper)
    }
}

/// Abbreviations whose period does not end a sentence.
const ABBREVIATIONS: [&str; 30] = [
    "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Capt",
    "Prof", "Rev", "Inc", "Corp", "Co", "Ltd", "vs", "No", "Sgt", "Adm", "Maj", "Fr", "Mt", "Ft",
    "Jan", "Feb",
];

fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|r| r.chars().next())
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

/// Tokenizes `text[from..to]`, appending to `out`; offsets index `text`.
pub fn tokenize(text: &str, from: usize, to: usize, out: &mut Vec<Token>) {
    let Some(s) = text.get(from..to) else {
        return;
    };
    let mut i = 0;
    let mut sentence_start = true;
    let mut last_word: Option<(usize, usize)> = None;
    while let Some(c) = char_at(s, i) {
        let len = c.len_utf8();
        if c.is_whitespace() {
            i += len;
            continue;
        }
        if !c.is_alphanumeric() {
            let opening_quote = matches!(c, '“' | '‘')
                || (matches!(c, '"' | '\'')
                    && (i == 0 || s[..i].ends_with(|p: char| p.is_whitespace() || p == '(')));
            let ends = match c {
                '.' => !last_word.is_some_and(|(a, b)| {
                    let w = &s[a..b];
                    ABBREVIATIONS.contains(&w)
                        || (w.chars().count() == 1 && w.starts_with(char::is_uppercase))
                }),
                '!' | '?' | ':' | ';' | '•' | '|' => true,
                _ => false,
            };
            if ends || opening_quote {
                sentence_start = true;
            }
            out.push(Token {
                start: from + i,
                end: from + i + len,
                shape: Shape::Punct,
                possessive: false,
                sentence_start: false,
            });
            i += len;
            continue;
        }
        let start = i;
        let mut j = i + len;
        let mut possessive = false;
        let mut skip_to = None;
        let numeric = c.is_ascii_digit();
        while let Some(d) = char_at(s, j) {
            let dl = d.len_utf8();
            if d.is_alphanumeric() {
                j += dl;
                continue;
            }
            let next = char_at(s, j + dl);
            let next_alnum = next.is_some_and(char::is_alphanumeric);
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
                if matches!(next, Some('s' | 'S')) && !after.is_some_and(char::is_alphanumeric) {
                    possessive = true;
                    skip_to = Some(j + dl + 1);
                } else if next_alnum {
                    j += dl;
                    continue;
                } else if s[start..j].ends_with('s') && c.is_uppercase() {
                    possessive = true;
                    skip_to = Some(j + dl);
                }
            }
            break;
        }
        let word = &s[start..j];
        let shape = if numeric || c.is_numeric() {
            Shape::Number
        } else if c.is_uppercase() {
            let letters = word.chars().filter(|c| c.is_alphabetic()).count();
            if letters >= 2 && !word.chars().any(char::is_lowercase) {
                Shape::Upper
            } else {
                Shape::Cap
            }
        } else if c.is_alphabetic() && !c.is_lowercase() {
            // Scripts without case: treat as a capitalised word.
            Shape::Cap
        } else {
            Shape::Lower
        };
        out.push(Token {
            start: from + start,
            end: from + j,
            shape,
            possessive,
            sentence_start,
        });
        sentence_start = false;
        last_word = Some((start, j));
        i = skip_to.unwrap_or(j);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        let mut out = Vec::new();
        tokenize(s, 0, s.len(), &mut out);
        out.iter().map(|t| &s[t.start..t.end]).collect()
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
        let mut t = Vec::new();
        tokenize(s, 0, s.len(), &mut t);
        let w: Vec<&str> = t.iter().map(|t| &s[t.start..t.end]).collect();
        assert_eq!(
            w,
            ["Trump", "court", "and", "the", "Belgians", "goal", ",", "O'Brien"]
        );
        assert!(t[0].possessive && t[4].possessive && t[7].possessive);
        assert!(!t[1].possessive);
    }

    #[test]
    fn sentence_starts_follow_full_stops_but_not_abbreviations() {
        let s = "He left. Then Mr. Smith came “Hello there";
        let mut t = Vec::new();
        tokenize(s, 0, s.len(), &mut t);
        let starts: Vec<&str> = t
            .iter()
            .filter(|t| t.sentence_start)
            .map(|t| &s[t.start..t.end])
            .collect();
        assert_eq!(starts, ["He", "Then", "Hello"]);
    }

    #[test]
    fn shapes() {
        let s = "IAEA Trump dotard 2004 U.S";
        let mut t = Vec::new();
        tokenize(s, 0, s.len(), &mut t);
        let shapes: Vec<Shape> = t.iter().map(|t| t.shape).collect();
        assert_eq!(
            shapes,
            [
                Shape::Upper,
                Shape::Cap,
                Shape::Lower,
                Shape::Number,
                Shape::Upper
            ]
        );
    }
}
