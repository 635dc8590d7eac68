//! EPUB 2 and 3 books: the spine's XHTML documents in reading order, read through the same
//! HTML walk as web pages (but with no extraction: a chapter is kept whole), with the title,
//! author, date and language from the package document (OPF) and chapter titles from the table
//! of contents where a chapter has no heading of its own.
//!
//! A book is a zip archive; it is read with limits, so that a zip bomb or a broken archive
//! gives one line of error rather than exhausting memory.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use super::extract::TextBuilder;
use super::html::push_chapter;
use super::{Article, BlockKind, Meta};

/// The most bytes a book may unpack to, all its documents together.
pub const MAX_UNPACKED: u64 = 256 * 1024 * 1024;

/// The most entries an archive may hold.
const MAX_ENTRIES: usize = 20_000;

/// Whether bytes look like an EPUB: a zip archive whose first entry is `mimetype` holding
/// `application/epub+zip`, as the format requires (lenient about what the archive stores it as).
pub fn sniff(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
        && bytes
            .get(..200.min(bytes.len()))
            .is_some_and(|head| find(head, b"application/epub+zip").is_some())
}

/// Whether bytes are a zip archive of any kind.
pub fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Reads a book. The error is one line saying what is wrong with the archive.
pub fn parse_epub(bytes: &[u8]) -> Result<Article, String> {
    parse_epub_within(bytes, MAX_UNPACKED)
}

/// [`parse_epub`] with a limit on the unpacked size.
pub fn parse_epub_within(bytes: &[u8], limit: u64) -> Result<Article, String> {
    let mut book = Book::open(bytes, limit)?;
    let container = book.read("META-INF/container.xml").map_err(|_| {
        "a zip archive without META-INF/container.xml, not an EPUB book".to_string()
    })?;
    let opf_path = tags(&container)
        .find(|t| t.name == "rootfile")
        .and_then(|t| t.attr("full-path").map(str::to_string))
        .ok_or("META-INF/container.xml names no package document")?;
    let opf = book
        .read(&opf_path)
        .map_err(|e| format!("the package document {opf_path}: {e}"))?;
    let package = Package::parse(&opf, &opf_path);
    let toc = package
        .toc_path()
        .and_then(|p| Some((p.clone(), book.read(&p).ok()?)))
        .map(|(p, doc)| toc_titles(&doc, &p))
        .unwrap_or_default();

    let mut b = TextBuilder::new();
    if let Some(t) = &package.meta.title {
        b.open(BlockKind::Title);
        b.push(BlockKind::Title, t);
        b.close();
    }
    if let Some(a) = &package.meta.author {
        b.open(BlockKind::Byline);
        b.push(BlockKind::Byline, a);
        b.close();
    }
    let mut chapters = 0;
    for path in &package.spine {
        let source = match book.read(path) {
            Ok(s) => s,
            // Over the budget the book is refused; a missing chapter is skipped.
            Err(e) if book.exhausted => return Err(e),
            Err(_) => continue,
        };
        let mut chapter = TextBuilder::new();
        push_chapter(&source, &mut chapter);
        let chapter = chapter.finish(Meta::default());
        if chapter.blocks.is_empty() {
            continue;
        }
        chapters += 1;
        let starts_with_heading = chapter
            .blocks
            .first()
            .is_some_and(|b| b.kind == BlockKind::Heading);
        if let Some(title) = toc.get(path).filter(|_| !starts_with_heading) {
            b.append_block(BlockKind::Heading, title, &[]);
        }
        for block in &chapter.blocks {
            let styles = super::html::styles_of(&chapter, block);
            b.append_block(block.kind, chapter.block_text(block), &styles);
        }
    }
    if chapters == 0 {
        return Err(if package.spine.is_empty() {
            "the book's spine lists no documents".to_string()
        } else {
            "the book's documents hold no text".to_string()
        });
    }
    Ok(b.finish(package.meta))
}

/// The archive, read within a budget of unpacked bytes.
struct Book<'a> {
    zip: zip::ZipArchive<Cursor<&'a [u8]>>,
    budget: u64,
    limit: u64,
    /// Set when an entry went over the budget.
    exhausted: bool,
}

impl<'a> Book<'a> {
    fn open(bytes: &'a [u8], limit: u64) -> Result<Self, String> {
        let zip = zip::ZipArchive::new(Cursor::new(bytes))
            .map_err(|e| format!("not a readable zip archive ({e})"))?;
        if zip.len() > MAX_ENTRIES {
            return Err(format!("an archive of {} entries is no book", zip.len()));
        }
        Ok(Book {
            zip,
            budget: limit,
            limit,
            exhausted: false,
        })
    }

    /// The text of one entry (decoded as UTF-8, or as its XML declaration says). Reading stops
    /// at the budget whatever sizes the archive claims.
    fn read(&mut self, path: &str) -> Result<String, String> {
        // Paths in a manifest are sometimes percent-encoded or differ in case.
        let name = if self.zip.index_for_name(path).is_some() {
            path.to_string()
        } else {
            let decoded = percent_decoded(path);
            self.zip
                .file_names()
                .filter_map(Result::ok)
                .find(|n| *n == decoded || n.eq_ignore_ascii_case(&decoded))
                .map(|n| n.into_owned())
                .ok_or_else(|| format!("{path} is missing"))?
        };
        let mut entry = self
            .zip
            .by_name(&name)
            .map_err(|e| format!("{path}: {e}"))?;
        let mut bytes = Vec::new();
        (&mut entry)
            .take(self.budget + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| format!("{path} cannot be unpacked ({e})"))?;
        if bytes.len() as u64 > self.budget {
            self.exhausted = true;
            return Err(format!(
                "unpacks to more than {} MB, more than any book",
                self.limit / (1024 * 1024)
            ));
        }
        self.budget -= bytes.len() as u64;
        Ok(super::encoding::decode(bytes, true).text)
    }
}

/// What the package document (OPF) says: metadata, the documents in reading order, and where
/// the table of contents is.
struct Package {
    meta: Meta,
    spine: Vec<String>,
    nav: Option<String>,
    ncx: Option<String>,
}

impl Package {
    fn parse(opf: &str, opf_path: &str) -> Package {
        let base = opf_path.rsplit_once('/').map(|(d, _)| d).unwrap_or("");
        let mut meta = Meta::default();
        let mut authors: Vec<String> = Vec::new();
        let mut manifest: HashMap<String, (String, String, String)> = HashMap::new();
        let mut spine_ids: Vec<String> = Vec::new();
        let mut toc_id: Option<String> = None;
        let mut open: Option<String> = None;
        for token in tokens(opf) {
            match token {
                Token::Tag(t) if !t.closing => {
                    match t.name.as_str() {
                        "item" => {
                            if let (Some(id), Some(href)) = (t.attr("id"), t.attr("href")) {
                                manifest.insert(
                                    id.to_string(),
                                    (
                                        resolve(base, href),
                                        t.attr("media-type").unwrap_or("").to_string(),
                                        t.attr("properties").unwrap_or("").to_string(),
                                    ),
                                );
                            }
                        }
                        "itemref" => {
                            if let Some(id) = t.attr("idref") {
                                if t.attr("linear") != Some("no") {
                                    spine_ids.push(id.to_string());
                                }
                            }
                        }
                        "spine" => toc_id = t.attr("toc").map(str::to_string),
                        _ => {}
                    }
                    open = (!t.self_closing).then(|| t.name.clone());
                }
                Token::Tag(_) => open = None,
                Token::Text(text) => {
                    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
                    if text.is_empty() {
                        continue;
                    }
                    match open.as_deref() {
                        Some("title") if meta.title.is_none() => meta.title = Some(text),
                        Some("creator") => authors.push(text),
                        Some("date") if meta.date.is_none() => meta.date = Some(text),
                        Some("language") if meta.language.is_none() => {
                            meta.language = super::html_meta::language_tag(&text)
                        }
                        Some("description") if meta.dek.is_none() => {
                            meta.dek = Some(strip_tags(&text)).filter(|d| !d.is_empty())
                        }
                        _ => {}
                    }
                }
            }
        }
        if !authors.is_empty() {
            meta.author = Some(authors.join(", "));
        }
        let nav = manifest
            .values()
            .find(|(_, _, props)| props.split_whitespace().any(|p| p == "nav"))
            .map(|(href, _, _)| href.clone());
        let ncx = toc_id
            .and_then(|id| manifest.get(&id).map(|(href, _, _)| href.clone()))
            .or_else(|| {
                manifest
                    .values()
                    .find(|(_, mt, _)| mt == "application/x-dtbncx+xml")
                    .map(|(href, _, _)| href.clone())
            });
        let spine = spine_ids
            .iter()
            .filter_map(|id| manifest.get(id))
            .filter(|(href, mt, _)| {
                Some(href) != nav.as_ref()
                    && (mt.contains("html")
                        || mt.is_empty()
                        || href.ends_with("htm")
                        || href.ends_with("html"))
            })
            .map(|(href, _, _)| href.clone())
            .collect();
        Package {
            meta,
            spine,
            nav,
            ncx,
        }
    }

    fn toc_path(&self) -> Option<String> {
        self.nav.clone().or_else(|| self.ncx.clone())
    }
}

/// Chapter titles by document path, from an EPUB 3 navigation document (`<a href>` in the
/// `toc` nav) or an EPUB 2 NCX (`navLabel` and `content src`). The first title of a document
/// wins; fragments (`#part2`) are ignored.
fn toc_titles(doc: &str, path: &str) -> HashMap<String, String> {
    let base = path.rsplit_once('/').map(|(d, _)| d).unwrap_or("");
    let mut titles = HashMap::new();
    let mut label: Option<String> = None;
    let mut link: Option<String> = None;
    let mut in_text = false;
    let mut text = String::new();
    for token in tokens(doc) {
        match token {
            Token::Tag(t) => match (t.name.as_str(), t.closing) {
                ("a", false) => {
                    link = t.attr("href").map(str::to_string);
                    in_text = true;
                    text.clear();
                }
                ("a", true) => {
                    in_text = false;
                    if let Some(href) = link.take() {
                        add_title(&mut titles, base, &href, &text);
                    }
                }
                ("text", false) => {
                    in_text = true;
                    text.clear();
                }
                ("text", true) => {
                    in_text = false;
                    label = Some(text.clone());
                }
                ("content", false) => {
                    if let (Some(src), Some(l)) = (t.attr("src"), label.take()) {
                        add_title(&mut titles, base, src, &l);
                    }
                }
                _ => {}
            },
            Token::Text(s) if in_text => text.push_str(&s),
            Token::Text(_) => {}
        }
    }
    titles
}

fn add_title(titles: &mut HashMap<String, String>, base: &str, href: &str, title: &str) {
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    let file = href.split('#').next().unwrap_or(href);
    if !title.is_empty() && !file.is_empty() {
        titles.entry(resolve(base, file)).or_insert(title);
    }
}

/// A path relative to `base` inside the archive, `..` and `.` resolved, percent-decoded.
fn resolve(base: &str, href: &str) -> String {
    let href = percent_decoded(href);
    let mut parts: Vec<&str> = if href.starts_with('/') {
        Vec::new()
    } else {
        base.split('/').filter(|p| !p.is_empty()).collect()
    };
    for p in href.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/")
}

fn percent_decoded(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
            if let Some(v) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Text with any markup removed (descriptions in OPFs often hold escaped HTML).
fn strip_tags(s: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A tag of an XML document: its local name (prefix dropped, lowercase) and attributes.
#[derive(Debug)]
struct Tag {
    name: String,
    attrs: Vec<(String, String)>,
    closing: bool,
    self_closing: bool,
}

impl Tag {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

#[derive(Debug)]
enum Token {
    Tag(Tag),
    Text(String),
}

fn tags(xml: &str) -> impl Iterator<Item = Tag> + '_ {
    tokens(xml).filter_map(|t| match t {
        Token::Tag(t) => Some(t),
        Token::Text(_) => None,
    })
}

/// A small XML tokenizer, enough for package documents and tables of contents: tags with
/// their attributes, and text with entities decoded. Comments, CDATA, declarations and
/// processing instructions are skipped.
fn tokens(xml: &str) -> impl Iterator<Item = Token> + '_ {
    let mut rest = xml;
    std::iter::from_fn(move || loop {
        if rest.is_empty() {
            return None;
        }
        if let Some(after) = rest.strip_prefix('<') {
            let skip_to = |rest: &str, end: &str| rest.find(end).map(|i| i + end.len());
            let end = if after.starts_with("!--") {
                skip_to(rest, "-->")
            } else if after.starts_with("![CDATA[") {
                skip_to(rest, "]]>")
            } else if after.starts_with('!') || after.starts_with('?') {
                skip_to(rest, ">")
            } else {
                let end = tag_end(rest);
                let tag = parse_tag(&rest[1..end.saturating_sub(1).max(1)]);
                rest = &rest[end..];
                if let Some(tag) = tag {
                    return Some(Token::Tag(tag));
                }
                continue;
            };
            match end {
                Some(e) => rest = &rest[e..],
                None => rest = "",
            }
            continue;
        }
        let end = rest.find('<').unwrap_or(rest.len());
        let text = unescape(&rest[..end]);
        rest = &rest[end..];
        return Some(Token::Text(text));
    })
}

/// The end (exclusive) of the tag at the start of `s`, quotes respected.
fn tag_end(s: &str) -> usize {
    let mut quote: Option<char> = None;
    for (i, c) in s.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => return i + 1,
            _ => {}
        }
    }
    s.len()
}

fn parse_tag(inner: &str) -> Option<Tag> {
    let inner = inner.trim();
    let (closing, inner) = match inner.strip_prefix('/') {
        Some(i) => (true, i),
        None => (false, inner),
    };
    let (self_closing, inner) = match inner.strip_suffix('/') {
        Some(i) => (true, i),
        None => (false, inner),
    };
    let name_end = inner
        .find(|c: char| c.is_whitespace())
        .unwrap_or(inner.len());
    let qname = &inner[..name_end];
    if qname.is_empty() {
        return None;
    }
    let name = qname
        .rsplit(':')
        .next()
        .unwrap_or(qname)
        .to_ascii_lowercase();
    let mut attrs = Vec::new();
    let mut rest = &inner[name_end..];
    while let Some(eq) = rest.find('=') {
        let key = rest[..eq].trim();
        let key = key.rsplit(':').next().unwrap_or(key).to_ascii_lowercase();
        let after = rest[eq + 1..].trim_start();
        let (value, next) = match after.chars().next() {
            Some(q @ ('"' | '\'')) => match after[1..].find(q) {
                Some(e) => (&after[1..1 + e], &after[e + 2..]),
                None => (&after[1..], ""),
            },
            _ => {
                let e = after.find(char::is_whitespace).unwrap_or(after.len());
                (&after[..e], &after[e..])
            }
        };
        attrs.push((key, unescape(value)));
        rest = next;
    }
    Some(Tag {
        name,
        attrs,
        closing,
        self_closing,
    })
}

/// XML's five entities and numeric references.
fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let end = after.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| {
            let name = &after[..e];
            match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                _ => {
                    let n = name.strip_prefix('#')?;
                    let v = match n.strip_prefix(['x', 'X']) {
                        Some(h) => u32::from_str_radix(h, 16).ok()?,
                        None => n.parse().ok()?,
                    };
                    char::from_u32(v)
                }
            }
        });
        match (decoded, end) {
            (Some(c), Some(e)) => {
                out.push(c);
                rest = &after[e + 1..];
            }
            _ => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_resolve_against_the_package_directory() {
        assert_eq!(resolve("OEBPS", "Text/ch1.xhtml"), "OEBPS/Text/ch1.xhtml");
        assert_eq!(
            resolve("OEBPS/Text", "../Styles/a.css"),
            "OEBPS/Styles/a.css"
        );
        assert_eq!(resolve("", "ch%201.xhtml"), "ch 1.xhtml");
    }

    #[test]
    fn the_tokenizer_reads_tags_attributes_and_text() {
        let xml = r#"<?xml version="1.0"?><!-- c --><dc:title id='t'>A &amp; B</dc:title><item href="a.xhtml" id="x"/>"#;
        let toks: Vec<Token> = tokens(xml).collect();
        assert!(
            matches!(&toks[0], Token::Tag(t) if t.name == "title" && t.attr("id") == Some("t"))
        );
        assert!(matches!(&toks[1], Token::Text(s) if s == "A & B"));
        assert!(
            matches!(&toks[3], Token::Tag(t) if t.name == "item" && t.self_closing && t.attr("href") == Some("a.xhtml"))
        );
    }

    #[test]
    fn garbage_is_no_book() {
        assert!(parse_epub(b"PK\x03\x04 not really a zip").is_err());
        assert!(parse_epub(b"").is_err());
    }
}
