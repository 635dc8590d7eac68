//! Plain-text structure: paragraphs, and the roles of the front matter and tail of an article.
//!
//! Blank lines separate paragraphs; hard-wrapped lines (Project Gutenberg) stay one paragraph,
//! while text whose lines are whole paragraphs (pasted from a web page) gives one block per line.
//! The first blocks are read as kicker, title, dek, byline and dateline by their shape; the last
//! as the author's bio and the boilerplate of a pasted page. Offsets are bytes into the text as
//! given: a BOM and CRLF line ends stay in the text and are never inside a block.

use std::collections::HashSet;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, Anchored, Input, StartKind};

use super::{Article, Block, BlockKind, Meta};

/// A paragraph found in the text, before its role is known.
#[derive(Debug, Clone, Copy)]
struct Chunk {
    start: usize,
    end: usize,
    /// Blank lines after this chunk (0 when the next block was on the very next line).
    gap_after: usize,
}

/// Parses plain text into an article.
pub fn parse_plain(text: String) -> Article {
    let chunks = paragraphs(&text);
    let (blocks, meta) = classify(&text, &chunks);
    Article::new(text, blocks, meta)
}

/// Splits text into paragraphs (byte ranges, trimmed of surrounding white space).
fn paragraphs(text: &str) -> Vec<Chunk> {
    let body_start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let mut chunks = Vec::new();
    // The lines of the current group as (start, end-of-content), with the line end and the
    // white space around the content left out; one buffer serves every group.
    let mut group: Vec<(usize, usize)> = Vec::new();
    let mut blank_run = 0;
    let mut pos = body_start;
    while pos < text.len() {
        let line_end =
            memchr::memchr(b'\n', &text.as_bytes()[pos..]).map_or(text.len(), |i| pos + i + 1);
        match trimmed(text, pos, line_end) {
            None => {
                if !group.is_empty() {
                    push_group(text, &group, &mut chunks);
                    group.clear();
                }
                blank_run += 1;
            }
            Some(line) => {
                if group.is_empty() {
                    if let Some(last) = chunks.last_mut() {
                        last.gap_after = blank_run;
                    }
                }
                blank_run = 0;
                group.push(line);
            }
        }
        pos = line_end;
    }
    if !group.is_empty() {
        push_group(text, &group, &mut chunks);
    }
    chunks
}

/// The content of the line at `start..end` without the white space around it, or `None` for a
/// blank line. ASCII white space is trimmed byte-wise; other white space (a no-break space, an
/// ideographic space) by `str::trim`.
fn trimmed(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let (mut s, mut e) = (start, end);
    while e > s && bytes[e - 1].is_ascii_whitespace() {
        e -= 1;
    }
    while s < e && bytes[s].is_ascii_whitespace() {
        s += 1;
    }
    if s < e && (bytes[s] >= 0x80 || bytes[e - 1] >= 0x80) {
        let line = text.get(s..e)?;
        let inner = line.trim();
        let lead = line.len() - line.trim_start().len();
        s += lead;
        e = s + inner.len();
    }
    (s < e).then_some((s, e))
}

/// Adds the chunks of one group of consecutive non-blank lines: one paragraph, or one per line.
fn push_group(text: &str, lines: &[(usize, usize)], chunks: &mut Vec<Chunk>) {
    let (Some(first), Some(last)) = (lines.first(), lines.last()) else {
        return;
    };
    if lines_are_paragraphs(text, lines) {
        chunks.extend(lines.iter().map(|&(start, end)| Chunk {
            start,
            end,
            gap_after: 0,
        }));
    } else {
        chunks.push(Chunk {
            start: first.0,
            end: last.1,
            gap_after: 0,
        });
    }
}

/// Whether the lines of a group are each a paragraph of their own rather than the hard-wrapped
/// lines of one paragraph: text pasted from the web has long lines; hard-wrapped text keeps its
/// lines under about 100 columns.
fn lines_are_paragraphs(text: &str, lines: &[(usize, usize)]) -> bool {
    if lines.len() < 2 {
        return false;
    }
    // Lines of 100 bytes or fewer are 100 characters or fewer: only longer ones are counted.
    let wide = lines[..lines.len() - 1]
        .iter()
        .any(|&(s, e)| e - s > 100 && text[s..e].chars().count() > 100);
    if wide {
        return true;
    }
    // A short header line (a byline or dateline) on top of a paragraph is a block of its own.
    let first = &text[lines[0].0..lines[0].1];
    is_byline(first).is_some() || is_dateline(first)
}

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

/// The number of words in `s`, counted no further than `limit + 1`: enough to compare with
/// `limit` without walking a whole book-length paragraph.
fn words_upto(s: &str, limit: usize) -> usize {
    let mut count = 0;
    let mut in_word = false;
    for &b in s.as_bytes() {
        if b >= 0x80 {
            // Non-ASCII white space exists (a no-break space): count by `char`s from here on.
            return s.split_whitespace().take(limit + 1).count();
        }
        let space = b.is_ascii_whitespace();
        if !space && !in_word {
            count += 1;
            if count > limit {
                return count;
            }
        }
        in_word = !space;
    }
    count
}

/// The first `max` bytes of `s` or fewer, ending on a character boundary.
fn head(s: &str, max: usize) -> &str {
    let mut end = s.len().min(max);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Ends like a sentence (a title usually does not).
fn ends_sentence(s: &str) -> bool {
    let s = s.trim_end_matches(['"', '\'', '’', '”', ')']);
    s.ends_with(['.', '!', '?', ':', ';'])
}

/// `By Jane Doe`, `Written by Jane Doe, Staff Writer` → the author's name.
fn is_byline(s: &str) -> Option<String> {
    let rest = [
        "by ",
        "written by ",
        "words by ",
        "story by ",
        "author: ",
        "by: ",
    ]
    .iter()
    .find(|p| {
        s.as_bytes()
            .get(..p.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(p.as_bytes()))
    })
    .map(|p| &s[p.len()..])?;
    if words_upto(s, 14) > 14 {
        return None;
    }
    let rest = rest.trim();
    if !rest.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    let name = rest
        .split([',', '|', '—', '–', '\u{2022}'])
        .next()
        .unwrap_or(rest)
        .split(" - ")
        .next()
        .unwrap_or(rest)
        .trim();
    (!name.is_empty()).then(|| name.to_string())
}

pub(crate) const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
pub(crate) const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// How many bytes at the start of `s` are a date line (`Monday, May 18, 2015`,
/// `Published: 3 May 2018`, `2018-05-03`), or `None`.
fn dateline_prefix(s: &str) -> Option<usize> {
    // At most ten date words are read, so the head of a long paragraph is enough; ASCII case
    // folding keeps byte offsets those of `s`.
    let lower = head(s, 160).to_ascii_lowercase();
    let mut pos = 0;
    for prefix in [
        "published:",
        "published",
        "updated:",
        "updated",
        "posted:",
        "posted on",
        "posted",
        "date:",
    ] {
        if lower.starts_with(prefix) {
            pos = prefix.len();
            break;
        }
    }
    let mut saw_month = false;
    let mut saw_year = false;
    let mut saw_day = false;
    let mut end = pos;
    let mut tokens = 0;
    for (i, token) in token_spans(&lower[pos..]) {
        let t = token.trim_matches(|c: char| c == ',' || c == '.');
        let is_date_word = MONTHS
            .iter()
            .any(|m| *m == t || (t.len() >= 3 && m.starts_with(t) && t.len() <= 4))
            || WEEKDAYS
                .iter()
                .any(|d| *d == t || (t.len() == 3 && d.starts_with(t)));
        let digits = t.trim_end_matches(['s', 't', 'n', 'd', 'r', 'h']);
        let is_number = !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit());
        let is_iso = t.len() == 10
            && t.as_bytes()[4] == b'-'
            && t.chars().filter(|c| c.is_ascii_digit()).count() == 8;
        let is_clock = t.contains(':') && t.chars().all(|c| c.is_ascii_digit() || c == ':');
        let is_filler = matches!(
            t,
            "at" | "on"
                | "am"
                | "pm"
                | "a.m"
                | "p.m"
                | "utc"
                | "gmt"
                | "et"
                | "est"
                | "edt"
                | "pt"
                | "|"
                | "-"
                | "—"
        );
        if is_iso {
            saw_month = true;
            saw_year = true;
            saw_day = true;
        } else if MONTHS.iter().any(|m| m.starts_with(t) && t.len() >= 3) {
            saw_month = true;
        } else if is_number && digits.len() == 4 {
            saw_year = true;
        } else if is_number && digits.len() <= 2 {
            saw_day = true;
        } else if !(is_date_word || is_clock || is_filler) {
            break;
        }
        tokens += 1;
        end = pos + i + token.len();
        if tokens > 10 || (saw_year && saw_month) {
            break;
        }
    }
    (saw_month && (saw_year || saw_day)).then_some(end)
}

/// Whitespace-separated tokens with their byte offsets.
fn token_spans(s: &str) -> impl Iterator<Item = (usize, &str)> {
    s.split_whitespace()
        .map(move |t| (t.as_ptr() as usize - s.as_ptr() as usize, t))
}

fn is_dateline(s: &str) -> bool {
    // A date line opens with a letter or a digit; most paragraphs are ruled out by their
    // length before any word is read.
    s.starts_with(|c: char| c.is_ascii_alphanumeric())
        && words_upto(s, 12) <= 12
        && dateline_prefix(s).is_some_and(|end| s[end..].trim().is_empty())
}

/// Patterns of boilerplate paragraphs, from `assets/boilerplate.txt`, as two automata
/// (ASCII case-insensitive): those that must open the paragraph and those found anywhere; and
/// the paragraphs that are boilerplate only when they are the whole paragraph (`Close`).
struct Boilerplate {
    prefixes: AhoCorasick,
    anywhere: AhoCorasick,
    whole: HashSet<String>,
}

/// Builds the boilerplate automata ahead of their first use (see `analysis::warm_up`).
pub(crate) fn warm_up() {
    boilerplate_patterns();
    sections();
}

fn boilerplate_patterns() -> Option<&'static Boilerplate> {
    static PATTERNS: OnceLock<Option<Boilerplate>> = OnceLock::new();
    PATTERNS
        .get_or_init(|| {
            let mut prefixes = Vec::new();
            let mut anywhere = Vec::new();
            let mut whole = HashSet::new();
            for line in crate::data::lines(include_str!("../../assets/boilerplate.txt")) {
                if let Some(p) = line.strip_prefix('^') {
                    prefixes.push(p);
                } else if let Some(w) = line.strip_prefix('=') {
                    whole.insert(w.to_lowercase());
                } else {
                    anywhere.push(line);
                }
            }
            let build = |kind, patterns: Vec<&str>| {
                AhoCorasick::builder()
                    .ascii_case_insensitive(true)
                    .start_kind(kind)
                    .build(patterns)
                    .ok()
            };
            Some(Boilerplate {
                prefixes: build(StartKind::Anchored, prefixes)?,
                anywhere: build(StartKind::Unanchored, anywhere)?,
                whole,
            })
        })
        .as_ref()
}

/// Whether a paragraph is boilerplate (`assets/boilerplate.txt`): short, and opening with or
/// holding one of the patterns.
pub(crate) fn is_boilerplate(s: &str) -> bool {
    if words_upto(s, 60) > 60 {
        return false;
    }
    boilerplate_patterns().is_some_and(|b| {
        (s.len() <= 60
            && b.whole
                .contains(&s.trim().trim_end_matches(['.', ':', '!']).to_lowercase()))
            || b.prefixes
                .find(Input::new(s).anchored(Anchored::Yes))
                .is_some()
            || b.anywhere.is_match(s)
    })
}

/// Whether a heading opens page furniture ("More on this story", "Sources", "Topics"): the
/// whole heading is one of `assets/furniture-headings.txt`.
pub(crate) fn is_furniture_heading(s: &str) -> bool {
    static HEADINGS: OnceLock<HashSet<String>> = OnceLock::new();
    let headings = HEADINGS.get_or_init(|| {
        crate::data::lines(include_str!("../../assets/furniture-headings.txt"))
            .map(str::to_lowercase)
            .collect()
    });
    let s = s.trim().trim_end_matches([':', '.', '…']).trim();
    s.len() <= 40 && headings.contains(&s.to_lowercase())
}

/// A block of citation lines, each a quoted title, a dash and where it appeared:
/// `"Crane collapse kills 107" — BBC News, September 12, 2015`, with authors before the title
/// (`Jane Doe. "Title" — Reuters`).
pub(crate) fn is_citation(s: &str) -> bool {
    let mut lines = s
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .peekable();
    lines.peek().is_some() && lines.take(40).all(citation_line) && s.lines().count() <= 40
}

fn citation_line(line: &str) -> bool {
    if words_upto(line, 40) > 40 {
        return false;
    }
    let Some(open) = line.find(['"', '“']) else {
        return false;
    };
    if words_upto(&line[..open], 12) > 12 {
        return false;
    }
    // Both quote marks may be three bytes (“ ”): step over them by their length.
    let after_open = &line[open..].trim_start_matches(['"', '“']);
    let Some(close) = after_open.find(['"', '”']) else {
        return false;
    };
    let rest = after_open[close..]
        .trim_start_matches(['"', '”'])
        .trim_start();
    ["—", "–", "- ", "-- "].iter().any(|d| rest.starts_with(d))
}

/// Words of an author's bio: `Jane Doe is a reporter for …`.
const BIO_ROLES: [&str; 24] = [
    "writer",
    "journalist",
    "director",
    "editor",
    "fellow",
    "professor",
    "author",
    "analyst",
    "correspondent",
    "contributor",
    "reporter",
    "student",
    "columnist",
    "researcher",
    "founder",
    "lecturer",
    "scholar",
    "expert",
    "consultant",
    "member",
    "chair",
    "president",
    "candidate",
    "host",
];

/// The name a bio paragraph opens with (`Andy Laub is the Director …` → `Andy Laub`).
fn bio_name(s: &str) -> Option<String> {
    if words(s) > 120 {
        return None;
    }
    let lower = s.to_lowercase();
    if lower.starts_with("about the author") {
        return Some(String::new());
    }
    let first_sentence_end = s.find(". ").map(|i| i + 1).unwrap_or(s.len());
    let first = &s[..first_sentence_end];
    let (name, rest) = first.split_once(" is ")?;
    let name = name.trim();
    let name_words: Vec<&str> = name.split_whitespace().collect();
    let is_name = (2..=4).contains(&name_words.len())
        && name_words
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()));
    let rest = rest.to_lowercase();
    let has_role = BIO_ROLES.iter().any(|r| rest.contains(r));
    let opens_like_bio = ["a ", "an ", "the "].iter().any(|a| rest.starts_with(a));
    (is_name && has_role && opens_like_bio).then(|| name.to_string())
}

/// The section words of `assets/sections.txt` (word → level, stands alone) and the number
/// words of `assets/numerals.txt` (word → is an ordinal).
struct Sections {
    words: Vec<(String, u8, bool)>,
    numerals: Vec<(String, bool)>,
}

fn sections() -> &'static Sections {
    static SECTIONS: OnceLock<Sections> = OnceLock::new();
    SECTIONS.get_or_init(|| {
        let words = crate::data::lines(include_str!("../../assets/sections.txt"))
            .filter_map(|l| {
                let mut parts = l.split_whitespace();
                let word = parts.next()?.to_string();
                let level = parts.next()?.parse().ok()?;
                Some((word, level, parts.next() == Some("alone")))
            })
            .collect();
        let numerals = crate::data::lines(include_str!("../../assets/numerals.txt"))
            .filter_map(|l| {
                let mut parts = l.split_whitespace();
                Some((parts.next()?.to_string(), parts.next() == Some("ordinal")))
            })
            .collect();
        Sections { words, numerals }
    })
}

/// A number as a book's headings write it: digits (`12`, `3a`), a Roman numeral (`XIV`), a
/// number word (`ONE`, `Twenty-First`).
fn is_numeral(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    let digits = lower.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 {
        return digits == lower.len() || (digits + 1 == lower.len() && digits <= 3);
    }
    let roman =
        |w: &str| !w.is_empty() && w.len() <= 8 && w.bytes().all(|b| b"ivxlcdm".contains(&b));
    // A Roman numeral in capitals, or `I` to `X` in any case (`Chapter iv`).
    if roman(&lower) && (word.bytes().all(|b| b.is_ascii_uppercase()) || lower.len() <= 4) {
        return true;
    }
    lower
        .split('-')
        .all(|part| sections().numerals.iter().any(|(n, _)| n == part))
}

/// The level in the outline of a heading that names a part of a book (`BOOK ONE: 1805` 1,
/// `CHAPTER I` 2, `FIRST EPILOGUE` 1), or `None` when the line is not one. Used by the
/// plain-text heading detection and by the reader's outline.
pub fn section_level(s: &str) -> Option<u8> {
    if s.len() > 80 || s.contains('\n') || !s.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    let bare = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
            .to_string()
    };
    let table = sections();
    // A heading opens with a section word or an ordinal (`CHAPTER`, `FIRST`): most short
    // paragraphs are told apart by their first word, before the line is cut into words. The
    // first word is cut as below, where a dash separates words.
    let first = s
        .split_whitespace()
        .next()
        .and_then(|w| w.split(['—', '–']).next())
        .map_or_else(String::new, |w| bare(w).to_lowercase());
    if !table.words.iter().any(|(word, _, _)| *word == first)
        && !table
            .numerals
            .iter()
            .any(|(n, ordinal)| *ordinal && *n == first)
    {
        return None;
    }
    let ends_with_separator = |w: &str| w.ends_with(['.', ':', ',', ';', '—', '–']);
    // A dash joined to its words (`BOOK FIRST—A JUST MAN`) separates them.
    let spaced = s.replace(['—', '–'], " — ");
    let tokens: Vec<&str> = spaced.split_whitespace().collect();
    if tokens.len() > 12 {
        return None;
    }
    let word_of = |w: &str| {
        let w = bare(w).to_lowercase();
        table.words.iter().find(|(word, _, _)| *word == w)
    };
    // `FIRST EPILOGUE`: an ordinal, then the section word, then anything short.
    let (level, numbered_at) = match (tokens.first(), tokens.get(1)) {
        (Some(first), Some(second))
            if table
                .numerals
                .iter()
                .any(|(n, ordinal)| *ordinal && *n == bare(first).to_lowercase())
                && word_of(second).is_some() =>
        {
            (word_of(second).map(|w| w.1)?, 1)
        }
        (Some(first), next) => {
            let &(_, level, alone) = word_of(first)?;
            match next {
                None if alone => return Some(level),
                Some(n) if is_numeral(&bare(n)) => (level, 1),
                // `EPILOGUE: 1813` or `Prologue. The Storm`.
                Some(_) if alone && ends_with_separator(first) => (level, 0),
                _ => return None,
            }
        }
        (None, _) => return None,
    };
    // What follows the number: nothing, a title after a separator (`CHAPTER 1. Loomings.`), or
    // a short title in capitals (`Chapter 2 The Vanishing Glass`), never a sentence.
    let rest = &tokens[numbered_at + 1..];
    let separated = tokens
        .get(numbered_at)
        .is_some_and(|t| ends_with_separator(t))
        || rest.first().is_some_and(|t| matches!(*t, "-" | "—" | "–"));
    let title_case = rest.iter().all(|t| {
        t.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || !c.is_alphanumeric())
            || matches!(
                *t,
                "a" | "an" | "and" | "at" | "in" | "of" | "on" | "the" | "to"
            )
    });
    let fits =
        rest.is_empty() || (rest.len() <= 8 && (separated || (title_case && !ends_sentence(s))));
    fits.then_some(level)
}

/// A short block in the body with no sentence ending: a heading (`CHAPTER I`, `Reactions`).
fn is_heading(s: &str, next: Option<&str>) -> bool {
    if section_level(s).is_some() {
        return true;
    }
    // The cheap tests first: this runs on every paragraph of a book. A heading is one line
    // (two short lines are verse, or an address).
    if s.len() > 4 * 80
        || s.contains('\n')
        || ends_sentence(s)
        || s.ends_with(',')
        || !s.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
    {
        return false;
    }
    let n = words_upto(s, 10);
    n > 0 && n <= 10 && s.chars().count() <= 80 && next.is_some_and(|next| words_upto(next, n) > n)
}

/// Assigns roles to the paragraphs and gathers the metadata.
fn classify(text: &str, chunks: &[Chunk]) -> (Vec<Block>, Meta) {
    let mut kinds = vec![BlockKind::Body; chunks.len()];
    let mut ranges: Vec<(usize, usize)> = chunks.iter().map(|c| (c.start, c.end)).collect();
    let mut meta = Meta::default();
    let t = |r: (usize, usize)| &text[r.0..r.1];

    // A date run into the first paragraph (`Thursday, May 7, 2015 On Tuesday, …`) is split off.
    let mut extra_split: Option<(usize, usize)> = None;
    for (i, r) in ranges.iter().enumerate().take(4) {
        let s = t(*r);
        if let Some(end) = dateline_prefix(s) {
            let rest = s[end..].trim_start();
            if !rest.is_empty() && words(rest) > 12 && s[..end].contains(',') {
                extra_split = Some((i, r.0 + end));
                break;
            }
        }
    }
    let mut gaps: Vec<usize> = chunks.iter().map(|c| c.gap_after).collect();
    if let Some((i, at)) = extra_split {
        let (s, e) = ranges[i];
        let rest_start = at + (text[at..e].len() - text[at..e].trim_start().len());
        ranges[i] = (s, at);
        ranges.insert(i + 1, (rest_start, e));
        kinds.insert(i + 1, BlockKind::Body);
        gaps.insert(i, 0);
    }

    // Front matter: kicker, title, dek, byline, dateline, in the first few blocks.
    let n = ranges.len();
    let mut i = 0;
    let mut title_at = None;
    while i < n && i < 6 {
        let s = t(ranges[i]);
        // A book's part or chapter heading ends the front matter: it is no title.
        if section_level(s).is_some() {
            break;
        }
        if let Some(author) = is_byline(s) {
            kinds[i] = BlockKind::Byline;
            meta.author.get_or_insert(author);
        } else if is_dateline(s) {
            kinds[i] = BlockKind::Dateline;
            meta.date.get_or_insert_with(|| s.trim().to_string());
        } else if title_at.is_none() && words(s) <= 30 && !ends_sentence(s) {
            let next = ranges.get(i + 1).map(|r| t(*r));
            let next_is_title = next.is_some_and(|nx| {
                words(nx) <= 30 && !ends_sentence(nx) && words(nx) > words(s) && words(nx) >= 4
            });
            if meta.kicker.is_none() && words(s) <= 6 && next_is_title {
                kinds[i] = BlockKind::Kicker;
                meta.kicker = Some(s.to_string());
            } else {
                kinds[i] = BlockKind::Title;
                meta.title = Some(s.to_string());
                title_at = Some(i);
            }
        } else if let Some(at) = title_at {
            // A standfirst right after the title (and byline/dateline), set apart from the body
            // by a wider gap or by a byline/dateline that follows it.
            let is_dek = i > at
                && meta.dek.is_none()
                && words(s) <= 80
                && (gaps.get(i).copied().unwrap_or(0) >= 2
                    || ranges
                        .get(i + 1)
                        .is_some_and(|r| is_byline(t(*r)).is_some() || is_dateline(t(*r))));
            if is_dek {
                kinds[i] = BlockKind::Dek;
                meta.dek = Some(s.to_string());
            } else {
                break;
            }
        } else {
            break;
        }
        i += 1;
    }
    let body_from = i;

    // Tail: boilerplate and the author's bio, scanning back from the end.
    let mut j = n;
    let mut bio_seen = false;
    while j > body_from {
        let s = t(ranges[j - 1]);
        // A news wiki's tail: a "Sources" heading over citation lines, a "Categories:" line.
        if is_boilerplate(s) || is_citation(s) || is_furniture_heading(s) {
            kinds[j - 1] = BlockKind::Boilerplate;
        } else if !bio_seen && n - j < 8 {
            if let Some(name) = bio_name(s) {
                kinds[j - 1] = BlockKind::Bio;
                bio_seen = true;
                if !name.is_empty() {
                    meta.author.get_or_insert(name);
                }
            } else {
                break;
            }
        } else {
            break;
        }
        j -= 1;
    }
    // Boilerplate can also sit between body paragraphs (`Advertisement`).
    for k in body_from..j {
        let s = t(ranges[k]);
        if words_upto(s, 12) <= 12 && is_boilerplate(s) {
            kinds[k] = BlockKind::Boilerplate;
        } else if is_heading(s, ranges.get(k + 1).map(|r| t(*r))) {
            kinds[k] = BlockKind::Heading;
        }
    }
    let blocks = ranges
        .iter()
        .zip(kinds)
        .map(|(&(start, end), kind)| Block { kind, start, end })
        .collect();
    (blocks, meta)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(BlockKind, String)> {
        let a = parse_plain(text.to_string());
        a.blocks
            .iter()
            .map(|b| (b.kind, a.block_text(b).to_string()))
            .collect()
    }

    #[test]
    fn blank_lines_separate_paragraphs_and_hard_wraps_join() {
        let text = "Title of it\n\nFirst line of a paragraph that is\nwrapped by hand at a width.\n\nSecond.\n";
        let k = kinds(text);
        assert_eq!(k.len(), 3);
        assert_eq!(
            k[1].1,
            "First line of a paragraph that is\nwrapped by hand at a width."
        );
    }

    #[test]
    fn long_lines_without_blank_lines_are_paragraphs_each() {
        let long = "word ".repeat(30);
        let text = format!("Title\n\n{long}\n{long}\n");
        assert_eq!(kinds(&text).len(), 3);
    }

    #[test]
    fn crlf_and_bom_stay_out_of_blocks_and_offsets_do_not_move() {
        let text = "\u{feff}Headline here\r\n\r\nBody text of the story goes on.\r\n";
        let a = parse_plain(text.to_string());
        assert_eq!(a.blocks[0].start, 3);
        assert_eq!(a.block_text(&a.blocks[0]), "Headline here");
        assert_eq!(
            a.block_text(&a.blocks[1]),
            "Body text of the story goes on."
        );
        assert_eq!(a.text(), text);
    }

    #[test]
    fn sample_front_matter_and_tail() {
        let a = parse_plain(include_str!("../../assets/north-korea-summit.txt").to_string());
        assert_eq!(
            a.meta.kicker.as_deref(),
            Some("Security and Foreign Policy")
        );
        assert!(a
            .meta
            .title
            .as_deref()
            .is_some_and(|t| t.starts_with("North Korea Summit")));
        assert!(a
            .meta
            .dek
            .as_deref()
            .is_some_and(|t| t.starts_with("As the North Korea")));
        assert_eq!(a.meta.author.as_deref(), Some("Andy Laub"));
        let body = a
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Body)
            .count();
        assert_eq!(body, 4);
        let kinds: Vec<BlockKind> = a.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            &kinds[kinds.len() - 5..],
            &[
                BlockKind::Bio,
                BlockKind::Boilerplate,
                BlockKind::Boilerplate,
                BlockKind::Boilerplate,
                BlockKind::Boilerplate
            ]
        );
    }

    #[test]
    fn news_shape_title_dateline_body() {
        let k = kinds("Over 900 rescued off coast\n\nMonday, May 18, 2015\n\nOn Friday, fishermen rescued over 700 people whose boat sank near the coast.\n");
        assert_eq!(k[0].0, BlockKind::Title);
        assert_eq!(k[1].0, BlockKind::Dateline);
        assert_eq!(k[2].0, BlockKind::Body);
    }

    #[test]
    fn dateline_run_into_the_first_paragraph_is_split_off() {
        let k = kinds("New Zealand considers a new flag\n\nThursday, May 7, 2015 On Tuesday, the New Zealand government announced the start of a public process to suggest designs.\n");
        assert_eq!(
            k[1],
            (BlockKind::Dateline, "Thursday, May 7, 2015".to_string())
        );
        assert!(k[2].1.starts_with("On Tuesday"));
    }

    #[test]
    fn byline_gives_the_author() {
        let a = parse_plain("A headline for the story\n\nBy Jane Doe, Staff Writer\n\nThe body of the story starts here and goes on.\n".to_string());
        assert_eq!(a.meta.author.as_deref(), Some("Jane Doe"));
        assert_eq!(a.blocks[1].kind, BlockKind::Byline);
    }

    #[test]
    fn a_news_wiki_tail_of_sources_and_categories_is_boilerplate() {
        let text = "Crane falls on mosque\n\nA storm caused a crane to fall into the Grand Mosque, \
                    killing 107 people and wounding 238, officials said on Saturday.\n\n\
                    Sources\n\n\
                    \"At least 107 killed in Mecca crane collapse\" — BBC News, September 12, 2015\n\
                    Ahmed Al Omran. \"Crane Collapse at Mecca\" — The Wall Street Journal, September 12, 2015\n\n\
                    Categories: September 12, 2015 | Saudi Arabia | Disasters and accidents\n";
        let k = kinds(text);
        let n = k.len();
        assert_eq!(k[1].0, BlockKind::Body);
        assert!(
            k[n - 3..]
                .iter()
                .all(|(kind, _)| *kind == BlockKind::Boilerplate),
            "{k:?}"
        );
        // A quotation in the body is no citation.
        assert!(!is_citation("\"We will rebuild,\" the minister said."));
        assert!(is_citation("\"Title here\" – Reuters, May 3"));
    }

    #[test]
    fn gutenberg_parts_and_chapters_are_headings() {
        let k = kinds("BOOK ONE: 1805\n\n\n\n\nCHAPTER I\n\n\"Well, Prince, so Genoa and Lucca are now just family estates of the\nBuonapartes. But I warn you.\"\n\nCHAPTER II\n\nAnna Pavlovna's drawing room was gradually filling.\n\nFIRST EPILOGUE: 1813 - 20\n\nCHAPTER I\n\nSeven years had passed.\n");
        let headings: Vec<&str> = k
            .iter()
            .filter(|(kind, _)| *kind == BlockKind::Heading)
            .map(|(_, s)| s.as_str())
            .collect();
        assert_eq!(
            headings,
            [
                "BOOK ONE: 1805",
                "CHAPTER I",
                "CHAPTER II",
                "FIRST EPILOGUE: 1813 - 20",
                "CHAPTER I"
            ]
        );
        assert_eq!(
            parse_plain("BOOK ONE: 1805\n\nCHAPTER I\n\nText.\n".into())
                .meta
                .title,
            None
        );
    }

    #[test]
    fn section_levels_follow_the_list() {
        for (line, level) in [
            ("BOOK ONE: 1805", Some(1)),
            ("CHAPTER I", Some(2)),
            ("Chapter 1", Some(2)),
            ("PART II", Some(1)),
            ("Part Two", Some(1)),
            ("FIRST EPILOGUE: 1813 - 20", Some(1)),
            ("SECOND EPILOGUE", Some(1)),
            ("EPILOGUE", Some(1)),
            ("CHAPTER 1. Loomings.", Some(2)),
            ("Chapter 2 The Vanishing Glass", Some(2)),
            ("Chapter XXIV", Some(2)),
            ("Letter 4", Some(2)),
            ("BOOK FIRST—A JUST MAN", Some(1)),
            ("Chapter Twenty-One", Some(2)),
        ] {
            assert_eq!(section_level(line), level, "{line}");
        }
        for line in [
            "Part of the reason was money.",
            "Book reviews",
            "Chapter and verse",
            "chapter 1",
            "Part 2 of the plan was simple and it worked.",
            "Letter from the editor",
            "Epilogue was the best part",
            "Books I have read",
        ] {
            assert_eq!(section_level(line), None, "{line}");
        }
    }

    proptest::proptest! {
        #[test]
        fn blocks_are_sorted_disjoint_and_on_char_boundaries(text in "(?s)\\PC{0,400}|[ \\n\\r\u{feff}\"“”’a-zA-Z.,]{0,400}") {
            let a = parse_plain(text.clone());
            let mut last_end = 0;
            for b in &a.blocks {
                proptest::prop_assert!(b.start < b.end, "empty block {:?}", b);
                proptest::prop_assert!(b.start >= last_end);
                proptest::prop_assert!(b.end <= text.len());
                proptest::prop_assert!(text.is_char_boundary(b.start) && text.is_char_boundary(b.end));
                last_end = b.end;
            }
            proptest::prop_assert_eq!(a.text(), text.as_str());
        }
    }
}
