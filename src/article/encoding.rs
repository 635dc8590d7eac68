//! Decoding an input's bytes into text, the way browsers do: a byte order mark decides; then
//! UTF-8 when the bytes are UTF-8; then the charset an HTML page or XML file declares; then a
//! guess from the bytes (`chardetng`, Firefox's detector) for text that is not UTF-8, such as
//! the windows-1252 and Latin-1 of older pages and text files.

use encoding_rs::{Encoding, UTF_8};

/// Text decoded from bytes, and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// The encoding the bytes were read as.
    pub encoding: &'static Encoding,
    /// Whether some bytes could not be decoded and became `U+FFFD`.
    pub lossy: bool,
    /// Whether the text is the input's bytes unchanged (UTF-8, nothing replaced), so that
    /// offsets into it are offsets into the file.
    pub verbatim: bool,
}

/// Decodes `bytes`. `markup` allows a declaration in the first bytes (`<meta charset>`,
/// `<?xml encoding>`) to name the encoding.
pub fn decode(bytes: Vec<u8>, markup: bool) -> Decoded {
    if let Some((encoding, _)) = Encoding::for_bom(&bytes) {
        if encoding != UTF_8 {
            return with(encoding, &bytes);
        }
    }
    let bytes = match String::from_utf8(bytes) {
        Ok(text) => {
            return Decoded {
                text,
                encoding: UTF_8,
                lossy: false,
                verbatim: true,
            }
        }
        Err(e) => e.into_bytes(),
    };
    let declared = if markup { declared(&bytes) } else { None };
    let encoding = declared
        .filter(|e| *e != UTF_8)
        .or_else(|| (!mostly_utf8(&bytes)).then(|| guess(&bytes)))
        .unwrap_or(UTF_8);
    with(encoding, &bytes)
}

fn with(encoding: &'static Encoding, bytes: &[u8]) -> Decoded {
    let (text, used, lossy) = encoding.decode(bytes);
    Decoded {
        text: text.into_owned(),
        encoding: used,
        lossy,
        verbatim: false,
    }
}

/// Firefox's guess for bytes that are not UTF-8.
fn guess(bytes: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    detector.guess(None, chardetng::Utf8Detection::Deny)
}

/// Whether bytes that fail as UTF-8 are still UTF-8 with a few broken bytes (a cut download):
/// more well-formed multi-byte sequences than bad bytes.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let mut good = 0usize;
    let mut bad = 0usize;
    for chunk in bytes.utf8_chunks() {
        good += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        bad += chunk.invalid().len();
    }
    good > bad
}

/// The encoding a page or an XML file declares in its first 4 KiB: `<meta charset="…">`,
/// `<meta http-equiv="Content-Type" content="text/html; charset=…">`, `<?xml … encoding="…"?>`.
fn declared(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let keys: [&[u8]; 2] = [b"charset", b"encoding"];
    for key in keys {
        let mut from = 0;
        while let Some(at) = find(&lower[from..], key) {
            let start = from + at + key.len();
            from = start;
            let rest = &lower[start..];
            let rest = trim_start(rest);
            let Some(rest) = rest.strip_prefix(b"=") else {
                continue;
            };
            let rest = trim_start(rest);
            let rest = rest
                .strip_prefix(b"\"")
                .or_else(|| rest.strip_prefix(b"'"))
                .unwrap_or(rest);
            let end = rest
                .iter()
                .position(|b| {
                    !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':'))
                })
                .unwrap_or(rest.len());
            if let Some(e) = Encoding::for_label(&rest[..end]) {
                // A page saved as UTF-16 says so in its BOM; a declaration of it in ASCII bytes
                // is wrong by construction, as browsers also assume.
                return Some(
                    if e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE {
                        UTF_8
                    } else {
                        e
                    },
                );
            }
        }
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn trim_start(s: &[u8]) -> &[u8] {
    let n = s.iter().take_while(|b| b.is_ascii_whitespace()).count();
    &s[n..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_is_kept_verbatim() {
        let d = decode("Café “society”".as_bytes().to_vec(), false);
        assert_eq!(d.text, "Café “society”");
        assert!(d.verbatim && !d.lossy);
    }

    #[test]
    fn windows_1252_text_is_guessed() {
        let bytes = b"The caf\xe9 on the corner served cr\xe8me br\xfbl\xe9e \x93every day\x94 \x96 said Zo\xeb.".to_vec();
        let d = decode(bytes, false);
        assert_eq!(d.encoding, encoding_rs::WINDOWS_1252);
        assert_eq!(
            d.text,
            "The café on the corner served crème brûlée “every day” – said Zoë."
        );
        assert!(!d.verbatim);
    }

    #[test]
    fn a_declared_charset_is_used() {
        let page = b"<html><head><meta http-equiv='Content-Type' content='text/html; charset=iso-8859-1'></head><body><p>Na\xefve</p></body></html>";
        let d = decode(page.to_vec(), true);
        assert_eq!(d.encoding, encoding_rs::WINDOWS_1252);
        assert!(d.text.contains("Naïve"));
        let page = b"<meta charset=\"koi8-r\"><p>\xf0\xd2\xc9\xd7\xc5\xd4</p>";
        assert!(decode(page.to_vec(), true).text.contains("Привет"));
    }

    #[test]
    fn utf8_with_a_broken_byte_stays_utf8() {
        let mut bytes = "Zoë and Chloë went to the café. ".repeat(3).into_bytes();
        bytes.push(0xff);
        let d = decode(bytes, false);
        assert_eq!(d.encoding, UTF_8);
        assert!(d.lossy && d.text.contains("Chloë") && d.text.ends_with('\u{fffd}'));
    }

    #[test]
    fn a_utf16_bom_decides() {
        let mut bytes = vec![0xff, 0xfe];
        for u in "Hi é".encode_utf16() {
            bytes.extend(u.to_le_bytes());
        }
        let d = decode(bytes, false);
        assert_eq!(d.text, "Hi é");
    }
}
