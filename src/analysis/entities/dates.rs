//! Dates and times by their shape: `June 12`, `June 12th`, `May 18, 2015`, `12 June 2018`,
//! `February`, `Monday`, `Thursday night`, years (`1994`, `the 1990s`), clock times (`2 AM`,
//! `22:30`, `15:11 GMT`) and durations (`five hours`, `two weeks`, `20-minute`).

use crate::analysis::doc::{Doc, Shape};
use crate::analysis::lexicon::Classes;

/// A date found in a block: tokens `first..last` (inclusive range as `start..end` indexes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMatch {
    pub first: usize,
    pub end: usize,
    /// What identifies the date (`june 12`), so that variants merge.
    pub key: String,
    /// A weekday directly followed by the full date it names (`Monday, May 18, 2015`).
    pub same_as_next: bool,
}

/// Whether token `i` is the full name of a month (`August`).
pub(super) fn is_month(doc: &Doc, i: usize) -> bool {
    doc.token(i)
        .is_some_and(|t| t.shape == Shape::Cap && t.is(Classes::MONTH))
}

/// Whether token `i` is a month after a word that leads a date (`of August`, `in June`): then
/// it is the month even before a name (`On the thirtieth of August Pierre reached Moscow`).
pub(super) fn is_cued_month(doc: &Doc, i: usize) -> bool {
    i > 0 && is_month(doc, i) && doc.info(i - 1).is(Classes::MONTH_CUE)
}

/// The month (1 to 12) token `i` names, in full or abbreviated (`June`, `Sept`).
fn month_index(doc: &Doc, i: usize) -> Option<u8> {
    let t = doc.token(i)?;
    let named = t.is(Classes::MONTH) || t.is(Classes::MONTH_ABBREVIATION);
    (t.shape == Shape::Cap && named && t.info.month > 0).then_some(t.info.month)
}

fn day_number(word: &str) -> Option<u32> {
    let digits = word
        .strip_suffix("st")
        .or_else(|| word.strip_suffix("nd"))
        .or_else(|| word.strip_suffix("rd"))
        .or_else(|| word.strip_suffix("th"))
        .unwrap_or(word);
    let n: u32 = digits.parse().ok()?;
    (1..=31).contains(&n).then_some(n)
}

fn year_number(word: &str) -> Option<u32> {
    let digits = word.strip_suffix('s').unwrap_or(word);
    if digits.len() != 4 {
        return None;
    }
    let n: u32 = digits.parse().ok()?;
    (1500..=2100).contains(&n).then_some(n)
}

/// Whether `word`, as written, is a unit of time in lower case (`hours`, `minute`).
fn is_unit_word(doc: &Doc, word: &str) -> bool {
    !word.chars().any(char::is_uppercase)
        && doc.lexicon().info_lowering(word).is(Classes::TIME_UNIT)
}

fn is_unit(doc: &Doc, i: usize) -> bool {
    doc.is_lower(i, Classes::TIME_UNIT)
}

fn is_clock(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    let core = lower
        .strip_suffix("am")
        .or_else(|| lower.strip_suffix("pm"))
        .unwrap_or(&lower);
    let mut parts = core.split(':');
    let (Some(h), Some(m)) = (parts.next(), parts.next()) else {
        return false;
    };
    parts.next().is_none()
        && !h.is_empty()
        && h.len() <= 2
        && m.len() == 2
        && h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit())
}

/// Finds the dates among the tokens of a block.
pub fn find(doc: &Doc) -> Vec<DateMatch> {
    let word = |i: usize| doc.text(i);
    let is_punct = |i: usize, c: char| doc.is_punct(i, c) && word(i).len() == c.len_utf8();
    let lex = doc.lexicon();
    let tokens = doc.tokens();
    let mut out: Vec<DateMatch> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i];
        let w = word(i);
        let mut found: Option<(usize, String)> = None;
        if matches!(t.shape, Shape::Lower | Shape::Cap)
            && t.is(Classes::NUMBER_WORD)
            && is_unit(doc, i + 1)
        {
            found = Some((i + 2, format!("{} {}", doc.lower(i), word(i + 1))));
        } else if t.shape == Shape::Cap {
            if let Some(m) = month_index(doc, i) {
                let mut end = i + 1;
                // `Sept.` and friends.
                if !t.is(Classes::MONTH) && is_punct(end, '.') {
                    end += 1;
                }
                let mut key = lex.month_name(m).to_string();
                if let Some(d) = day_number(word(end)).filter(|_| !tokens[end].possessive) {
                    key = format!("{key} {d}");
                    end += 1;
                    if is_punct(end, ',') && year_number(word(end + 1)).is_some() {
                        key = format!("{key} {}", word(end + 1));
                        end += 2;
                    }
                } else if let Some(y) = year_number(word(end)) {
                    key = format!("{key} {y}");
                    end += 1;
                }
                let bare = end == i + 1;
                let cued = i > 0 && doc.is_lower(i - 1, Classes::MONTH_CUE);
                let next_is_name = tokens.get(i + 1).is_some_and(|n| n.shape == Shape::Cap);
                let ambiguous = t.is(Classes::AMBIGUOUS_MONTH);
                if !bare || (cued || !ambiguous) && !next_is_name {
                    found = Some((end, key));
                }
            } else if t.is(Classes::WEEKDAY) {
                let mut end = i + 1;
                if lex.is_part_of_day(word(end)) {
                    end += 1;
                }
                found = Some((end, doc.lower(i).to_string()));
            }
        } else if t.shape == Shape::Number {
            if let Some(d) = day_number(w) {
                if let Some(m) = month_index(doc, i + 1) {
                    let mut end = i + 2;
                    let mut key = format!("{} {d}", lex.month_name(m));
                    if let Some(y) = year_number(word(end)) {
                        key = format!("{key} {y}");
                        end += 1;
                    }
                    found = Some((end, key));
                }
            }
            if found.is_none() {
                let next = word(i + 1);
                let meridiem = doc.info(i + 1).is(Classes::MERIDIEM);
                if is_clock(w) {
                    let mut end = i + 1;
                    if lex.is_time_zone(next) || meridiem {
                        end += 1;
                    }
                    found = Some((end, w.to_string()));
                } else if w.len() <= 2
                    && w.parse::<u32>().is_ok_and(|h| (1..=12).contains(&h))
                    && meridiem
                {
                    found = Some((i + 2, format!("{w} {}", doc.lower(i + 1))));
                } else if is_unit(doc, i + 1) && w.bytes().all(|b| b.is_ascii_digit() || b == b',')
                {
                    found = Some((i + 2, format!("{w} {next}")));
                } else if let Some((n, unit)) = w
                    .split_once('-')
                    .filter(|(n, u)| n.bytes().all(|b| b.is_ascii_digit()) && is_unit_word(doc, u))
                {
                    found = Some((i + 1, format!("{n} {unit}")));
                } else if year_number(w).is_some() {
                    let plural_noun = next.ends_with('s')
                        && tokens.get(i + 1).is_some_and(|n| n.shape == Shape::Lower)
                        && !doc.info(i + 1).is(Classes::NOT_PLURAL);
                    let percent = next == "%" || next == "percent";
                    // `1994-95` is no year of its own, but `2000 - 2050` is a range of two.
                    let dash = is_punct(i + 1, '-') || is_punct(i + 1, '–');
                    let range = dash && year_number(word(i + 2)).is_some();
                    if !plural_noun && !percent && (!dash || range) {
                        found = Some((i + 1, w.to_string()));
                    }
                }
            }
        }
        match found {
            Some((end, key)) => {
                let relative = i > 0
                    && doc.is_lower(i - 1, Classes::RELATIVE_TIME)
                    && out.last().is_none_or(|d| d.end < i);
                out.push(DateMatch {
                    first: if relative { i - 1 } else { i },
                    end,
                    key,
                    same_as_next: false,
                });
                i = end;
            }
            None => i += 1,
        }
    }
    // A weekday set before the full date it names, as in a dateline.
    for k in 1..out.len() {
        let (a, b) = (&out[k - 1], &out[k]);
        let weekday = tokens[a.first].shape == Shape::Cap && doc.info(a.first).is(Classes::WEEKDAY);
        let between = b.first.saturating_sub(a.end);
        let joined = between == 1 && (is_punct(a.end, ',') || is_punct(a.end, '('));
        let full_date = month_index(doc, b.first).is_some() || day_number(word(b.first)).is_some();
        if weekday && (joined || between == 0) && full_date {
            out[k - 1].same_as_next = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(s: &str) -> Vec<(String, String)> {
        let doc = Doc::of(s);
        let t = doc.tokens();
        find(&doc)
            .into_iter()
            .map(|d| (s[t[d.first].start..t[d.end - 1].end].to_string(), d.key))
            .collect()
    }

    #[test]
    fn month_day_year_shapes_share_a_key() {
        let d = dates("on June 12 and June 12th, then May 18, 2015 and 12 June 2018");
        assert_eq!(d[0], ("June 12".into(), "june 12".into()));
        assert_eq!(d[1], ("June 12th".into(), "june 12".into()));
        assert_eq!(d[2].0, "May 18, 2015");
        assert_eq!(d[3].0, "12 June 2018");
    }

    #[test]
    fn bare_months_need_a_cue_when_ambiguous() {
        assert_eq!(dates("back in February and")[0].0, "February");
        assert!(dates("May I say").is_empty());
        assert_eq!(dates("in May the")[0].0, "May");
        assert!(dates("June Carter sang").is_empty());
    }

    #[test]
    fn years_times_and_durations() {
        let d: Vec<String> = dates("in 1994 at 2 AM, 22:30, 15:11 GMT, for five hours, a 20-minute walk, 28,500 troops, 2000 troops")
            .into_iter()
            .map(|d| d.0)
            .collect();
        assert_eq!(
            d,
            [
                "1994",
                "2 AM",
                "22:30",
                "15:11 GMT",
                "five hours",
                "20-minute"
            ]
        );
    }

    #[test]
    fn relative_words_belong_to_the_date_and_year_ranges_are_years() {
        let d: Vec<String> = dates(
            "over the last five months, in the past 30 days, next Tuesday night, over 2000 - 2050, the 1994-95 season",
        )
        .into_iter()
        .map(|d| d.0)
        .collect();
        assert_eq!(
            d,
            [
                "last five months",
                "past 30 days",
                "next Tuesday night",
                "2000",
                "2050"
            ]
        );
    }

    #[test]
    fn weekday_before_a_date_is_the_same_date() {
        let d = find(&Doc::of("Monday, May 18, 2015"));
        assert_eq!(d.len(), 2);
        assert!(d[0].same_as_next);
    }
}
