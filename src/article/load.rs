//! Reading an article from a file or from bytes: size and content checks, decoding, and the
//! choice of parser by format.

use std::path::Path;

use super::{parse_html, parse_json, parse_markdown, parse_plain, Article};
use crate::analysis::Analysis;

/// The largest input lede opens. Larger files are refused with a clear message rather than
/// read into memory and analysed for minutes.
pub const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// Why an input could not be opened. Every variant names the input, so that one line is enough.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{0}: no such file")]
    NotFound(String),
    #[error("{0}: is a directory, not an article")]
    IsDirectory(String),
    #[error("{0}: cannot be read: {1}")]
    Unreadable(String, std::io::Error),
    #[error("{0}: looks like a binary file, not an article")]
    Binary(String),
    #[error("{0}: is empty")]
    Empty(String),
    #[error("{0}: is too large ({1} MB; lede opens articles up to {max} MB)", max = MAX_BYTES / (1024 * 1024))]
    TooLarge(String, u64),
    #[error("{0}: {1}")]
    Invalid(String, String),
}

/// An opened article, with the analysis it carried if its format has one (lede's own JSON,
/// spaCy's), and notices the user should see (lossy decoding, …).
#[derive(Debug, Clone)]
pub struct Loaded {
    pub article: Article,
    pub analysis: Option<Analysis>,
    /// The name the input is known by (file name, or `-` for stdin).
    pub source: String,
    /// The format the input was read as.
    pub format: Format,
    /// Whether the input's bytes were decoded into different text (another encoding than
    /// UTF-8, or undecodable bytes replaced): then offsets index the decoded text.
    pub decoded: bool,
    pub notices: Vec<String>,
}

impl Loaded {
    /// Whether the article text differs from the input's bytes: extracted from markup
    /// (Markdown, HTML, JSON, EPUB) or decoded from another encoding. Then offsets index that
    /// text, and `lede analyze --json` must include it as `text`.
    pub fn text_is_extracted(&self) -> bool {
        self.format.text_is_extracted() || self.decoded
    }
}

/// Reads and parses the file at `path`.
pub fn load_path(path: &Path) -> Result<Loaded, LoadError> {
    let name = path.display().to_string();
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(LoadError::NotFound(name))
        }
        Err(e) => return Err(LoadError::Unreadable(name, e)),
    };
    if meta.is_dir() {
        return Err(LoadError::IsDirectory(name));
    }
    if meta.len() > MAX_BYTES {
        return Err(LoadError::TooLarge(name, meta.len() / (1024 * 1024)));
    }
    let bytes = std::fs::read(path).map_err(|e| LoadError::Unreadable(name.clone(), e))?;
    let source = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| name.clone());
    load_bytes(bytes, &source).map_err(|e| rename(e, &name))
}

/// Reads all of `reader` (stdin), refusing more than [`MAX_BYTES`].
pub fn load_reader(reader: impl std::io::Read, source: &str) -> Result<Loaded, LoadError> {
    use std::io::Read;
    let mut bytes = Vec::new();
    reader
        .take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| LoadError::Unreadable(source.to_string(), e))?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(LoadError::TooLarge(
            source.to_string(),
            bytes.len() as u64 / (1024 * 1024),
        ));
    }
    load_bytes(bytes, source)
}

/// Errors from [`load_bytes`] name the source by its short name; the caller knows the full path.
fn rename(e: LoadError, name: &str) -> LoadError {
    match e {
        LoadError::Binary(_) => LoadError::Binary(name.to_string()),
        LoadError::Empty(_) => LoadError::Empty(name.to_string()),
        LoadError::Invalid(_, why) => LoadError::Invalid(name.to_string(), why),
        other => other,
    }
}

/// The formats lede reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Plain,
    Markdown,
    Html,
    Json,
    /// An EPUB book (a zip archive of XHTML documents).
    Epub,
}

impl Format {
    /// Whether the article text of this format is extracted from markup, not the input itself.
    pub fn text_is_extracted(self) -> bool {
        self != Format::Plain
    }
}

/// Guesses the format from the source name and the first bytes.
pub fn sniff(source: &str, text: &str) -> Format {
    let lower = source.to_ascii_lowercase();
    let ext = lower.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
    match ext {
        "md" | "markdown" | "mdown" | "mkd" => return Format::Markdown,
        "html" | "htm" | "xhtml" => return Format::Html,
        "json" => return Format::Json,
        "epub" => return Format::Epub,
        "txt" | "text" => return Format::Plain,
        _ => {}
    }
    let head = text.trim_start_matches('\u{feff}').trim_start();
    let head_lower: String = head
        .chars()
        .take(512)
        .collect::<String>()
        .to_ascii_lowercase();
    if head_lower.starts_with("<!doctype html")
        || head_lower.starts_with("<html")
        || head_lower.starts_with("<?xml")
        || head_lower.contains("<body")
        || head_lower.contains("<head")
        || head_lower.contains("<article")
    {
        Format::Html
    } else if head.starts_with('{') {
        Format::Json
    } else if looks_like_markdown(head) {
        Format::Markdown
    } else {
        Format::Plain
    }
}

/// Markdown by its look: front matter, a `#` heading on the first line, or several headings
/// and links. Plain articles rarely open with `# ` or use `](`.
fn looks_like_markdown(head: &str) -> bool {
    let head = match head.char_indices().nth(4096) {
        Some((i, _)) => &head[..i],
        None => head,
    };
    let mut lines = head.lines();
    let first = lines.next().unwrap_or("").trim_end();
    if (first == "---" || first == "+++")
        && lines
            .take(40)
            .any(|l| l.trim_end() == first || l.trim_end() == "...")
    {
        return true;
    }
    if first.starts_with("# ") {
        return true;
    }
    let headings = head
        .lines()
        .filter(|l| {
            let hashes = l.len() - l.trim_start_matches('#').len();
            (1..=6).contains(&hashes) && l[hashes..].starts_with(' ')
        })
        .count();
    let links = head.matches("](").count();
    headings + links >= 3 && (headings > 0 || links >= 3)
}

/// Parses bytes already read. `source` names the input in messages and picks the format.
pub fn load_bytes(bytes: Vec<u8>, source: &str) -> Result<Loaded, LoadError> {
    let lower = source.to_ascii_lowercase();
    if super::epub::sniff(&bytes) || (lower.ends_with(".epub") && super::epub::is_zip(&bytes)) {
        return load_epub(&bytes, source);
    }
    if super::epub::is_zip(&bytes) {
        return Err(LoadError::Invalid(
            source.to_string(),
            "is a zip archive, not an article or an EPUB book".to_string(),
        ));
    }
    // A UTF-16 text has NUL bytes, but its byte order mark says what it is.
    let utf16 = encoding_rs::Encoding::for_bom(&bytes)
        .is_some_and(|(e, _)| e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE);
    if !utf16 && looks_binary(&bytes) {
        return Err(LoadError::Binary(source.to_string()));
    }
    let markup = looks_like_markup(source, &bytes);
    let decoded = super::encoding::decode(bytes, markup);
    let mut notices = Vec::new();
    if decoded.encoding != encoding_rs::UTF_8 {
        notices.push(format!(
            "{source}: not UTF-8; read as {}",
            decoded.encoding.name()
        ));
    } else if decoded.lossy {
        notices.push(format!(
            "{source}: not valid UTF-8; undecodable bytes are shown as \u{fffd}"
        ));
    }
    let text = decoded.text;
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        return Err(LoadError::Empty(source.to_string()));
    }
    let format = sniff(source, &text);
    let (article, analysis) = match format {
        Format::Plain => (parse_plain(text), None),
        Format::Markdown => (parse_markdown(&text), None),
        Format::Html => (parse_html(&text), None),
        Format::Epub => {
            return Err(LoadError::Invalid(
                source.to_string(),
                "is not a zip archive, so not an EPUB book".to_string(),
            ))
        }
        Format::Json => {
            let json =
                parse_json(&text).map_err(|why| LoadError::Invalid(source.to_string(), why))?;
            notices.extend(json.notices.into_iter().map(|n| format!("{source}: {n}")));
            (json.article, Some(json.analysis))
        }
    };
    if format != Format::Plain && article.blocks.is_empty() {
        return Err(LoadError::Invalid(
            source.to_string(),
            "no article text found".to_string(),
        ));
    }
    Ok(Loaded {
        article,
        analysis,
        source: source.to_string(),
        format,
        decoded: !decoded.verbatim,
        notices,
    })
}

/// Whether an input may declare its encoding in markup (`<meta charset>`, `<?xml encoding>`):
/// by its name, or by its first bytes.
fn looks_like_markup(source: &str, bytes: &[u8]) -> bool {
    let lower = source.to_ascii_lowercase();
    if [".html", ".htm", ".xhtml", ".xml"]
        .iter()
        .any(|e| lower.ends_with(e))
    {
        return true;
    }
    let head = &bytes[..bytes.len().min(1024)];
    let head: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    [
        &b"<!doctype html"[..],
        b"<html",
        b"<?xml",
        b"<head",
        b"<meta",
    ]
    .iter()
    .any(|m| head.windows(m.len()).any(|w| w == *m))
}

/// An EPUB book, read whole.
fn load_epub(bytes: &[u8], source: &str) -> Result<Loaded, LoadError> {
    let article = super::epub::parse_epub(bytes)
        .map_err(|why| LoadError::Invalid(source.to_string(), why))?;
    Ok(Loaded {
        article,
        analysis: None,
        source: source.to_string(),
        format: Format::Epub,
        decoded: true,
        notices: Vec::new(),
    })
}

/// A file is binary when its first 8 KiB hold a NUL byte or mostly control bytes.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if memchr::memchr(0, head).is_some() {
        return true;
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b))
        .count();
    !head.is_empty() && control * 10 > head.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nul_bytes_mean_binary() {
        assert!(matches!(
            load_bytes(b"ab\0cd".to_vec(), "x"),
            Err(LoadError::Binary(_))
        ));
    }

    #[test]
    fn whitespace_only_is_empty() {
        assert!(matches!(
            load_bytes(b" \n\n\t".to_vec(), "x"),
            Err(LoadError::Empty(_))
        ));
    }

    #[test]
    fn invalid_utf8_is_decoded_with_a_notice() {
        let loaded =
            load_bytes(b"Caf\xc3\xa9 and caf\xc3\xa9 \xff\n".to_vec(), "x.txt").expect("loads");
        assert!(loaded.article.text().contains('\u{fffd}'));
        assert!(loaded.text_is_extracted());
        assert_eq!(loaded.notices.len(), 1);
    }

    #[test]
    fn sniffing_uses_extension_then_content() {
        assert_eq!(sniff("a.md", "# x"), Format::Markdown);
        assert_eq!(sniff("-", "<!DOCTYPE html><html>"), Format::Html);
        assert_eq!(sniff("-", "{\"schema\": 1}"), Format::Json);
        assert_eq!(sniff("-", "Plain words"), Format::Plain);
        assert_eq!(sniff("-", "---\ntitle: x\n---\nText"), Format::Markdown);
        assert_eq!(sniff("-", "# A title\n\nText"), Format::Markdown);
        assert_eq!(
            sniff("-", "Intro\n\n## One\n\nSee [a](b) and [c](d).\n"),
            Format::Markdown
        );
        assert_eq!(sniff("-", "  <html><body><p>x</p>"), Format::Html);
        assert_eq!(sniff("notes.txt", "# not markdown"), Format::Plain);
    }

    #[test]
    fn each_format_is_parsed_by_its_loader() {
        let md = load_bytes(b"# Title\n\nSome *text*.\n".to_vec(), "a.md").expect("md");
        assert_eq!(md.article.text(), "Title\n\nSome text.");
        assert!(md.text_is_extracted());
        let html = load_bytes(
            b"<html><body><p>Hello &amp; bye</p></body></html>".to_vec(),
            "-",
        )
        .expect("html");
        assert_eq!(html.article.text(), "Hello & bye");
        assert_eq!(html.format, Format::Html);
        let json = load_bytes(b"{\"schema\": \"lede.analysis/1\"}".to_vec(), "a.json");
        assert!(matches!(json, Err(LoadError::Invalid(_, why)) if why.contains("text is missing")));
        let plain = load_bytes(b"Just words.\n".to_vec(), "-").expect("plain");
        assert!(!plain.text_is_extracted());
    }

    #[test]
    fn a_page_with_no_text_is_refused() {
        assert!(matches!(
            load_bytes(
                b"<html><body><script>x()</script></body></html>".to_vec(),
                "a.html"
            ),
            Err(LoadError::Invalid(_, _))
        ));
    }
}
