//! EPUB books: the tests build small books themselves (text from Lewis Carroll's *Alice's
//! Adventures in Wonderland*, 1865, in the public domain) and open them as a user would.

use std::io::{Cursor, Write};

use lede::article::epub::parse_epub_within;
use lede::article::{load_bytes, load_path, BlockKind, Format, LoadError};
use zip::write::SimpleFileOptions;
use zip::CompressionMethod;

const CHAPTER_1: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">
<head><title>Chapter I</title><link rel="stylesheet" href="../style.css"/></head>
<body>
<h1>Chapter I. Down the Rabbit-Hole</h1>
<p>Alice was beginning to get very tired of sitting by her sister on the bank, and of having
nothing to do: once or twice she had peeped into the book her sister was reading, but it had no
pictures or conversations in it, <em>“and what is the use of a book,”</em> thought Alice
<em>“without pictures or conversations?”</em></p>
<p>So she was considering in her own mind (as well as she could, for the hot day made her feel
very sleepy and stupid), whether the pleasure of making a daisy-chain would be worth the trouble
of getting up and picking the daisies, when suddenly a White Rabbit with pink eyes ran close by
her.</p>
<div class="nav">This paragraph sits in a div named like navigation, and a book keeps it.</div>
</body></html>"#;

/// A chapter with no heading of its own: its title comes from the table of contents.
const CHAPTER_2: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<html xmlns="http://www.w3.org/1999/xhtml"><head><title>II</title></head>
<body>
<p>“Curiouser and curiouser!” cried Alice (she was so much surprised, that for the moment she
quite forgot how to speak good English); “now I’m opening out like the largest telescope that
ever was! Good-bye, feet!”</p>
</body></html>"#;

const NAV: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">
<head><title>Contents</title></head><body>
<nav epub:type="toc"><ol>
<li><a href="text/chapter1.xhtml">Down the Rabbit-Hole</a></li>
<li><a href="text/chapter%202.xhtml#start">Chapter II. The Pool of Tears</a></li>
</ol></nav></body></html>"#;

const NCX: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1">
<navMap>
<navPoint id="p1" playOrder="1"><navLabel><text>Down the Rabbit-Hole</text></navLabel>
<content src="text/chapter1.xhtml"/></navPoint>
<navPoint id="p2" playOrder="2"><navLabel><text>Chapter II. The Pool of Tears</text></navLabel>
<content src="text/chapter%202.xhtml"/></navPoint>
</navMap></ncx>"#;

fn opf(version: &str, nav: bool) -> String {
    let nav_item = if nav {
        r#"<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>"#
    } else {
        ""
    };
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="{version}" unique-identifier="id">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier id="id">urn:uuid:alice-test</dc:identifier>
<dc:title>Alice’s Adventures in Wonderland</dc:title>
<dc:creator opf:role="aut" xmlns:opf="http://www.idpf.org/2007/opf">Lewis Carroll</dc:creator>
<dc:language>en</dc:language>
<dc:date>1865</dc:date>
</metadata>
<manifest>
{nav_item}
<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>
<item id="cover" href="text/cover.xhtml" media-type="application/xhtml+xml"/>
<item id="c1" href="text/chapter1.xhtml" media-type="application/xhtml+xml"/>
<item id="c2" href="text/chapter%202.xhtml" media-type="application/xhtml+xml"/>
<item id="css" href="style.css" media-type="text/css"/>
</manifest>
<spine toc="ncx">
<itemref idref="cover" linear="no"/>
<itemref idref="c1"/>
<itemref idref="c2"/>
</spine>
</package>"#
    )
}

/// Zips entries into an archive, `mimetype` first and stored, as the format asks.
fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, data) in entries {
        let method = if *name == "mimetype" {
            CompressionMethod::Stored
        } else {
            CompressionMethod::Deflated
        };
        zip.start_file(
            *name,
            SimpleFileOptions::default().compression_method(method),
        )
        .expect("start entry");
        zip.write_all(data).expect("write entry");
    }
    zip.finish().expect("finish").into_inner()
}

fn book(version: &str, nav: bool) -> Vec<u8> {
    let opf = opf(version, nav);
    let container = r#"<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>"#;
    let mut entries: Vec<(&str, &[u8])> = vec![
        ("mimetype", b"application/epub+zip"),
        ("META-INF/container.xml", container.as_bytes()),
        ("OEBPS/content.opf", opf.as_bytes()),
        ("OEBPS/toc.ncx", NCX.as_bytes()),
        (
            "OEBPS/text/cover.xhtml",
            b"<html><body><p>COVER PAGE</p></body></html>",
        ),
        ("OEBPS/text/chapter1.xhtml", CHAPTER_1.as_bytes()),
        ("OEBPS/text/chapter 2.xhtml", CHAPTER_2.as_bytes()),
        ("OEBPS/style.css", b"p { margin: 0 }"),
    ];
    if nav {
        entries.push(("OEBPS/nav.xhtml", NAV.as_bytes()));
    }
    zip_of(&entries)
}

fn outline(a: &lede::article::Article) -> Vec<(BlockKind, String)> {
    a.blocks
        .iter()
        .map(|b| {
            let t: String = a.block_text(b).chars().take(30).collect();
            (b.kind, t)
        })
        .collect()
}

#[test]
fn an_epub3_book_opens_with_its_title_author_and_chapters_in_spine_order() {
    let loaded = load_bytes(book("3.0", true), "alice.epub").expect("opens");
    assert_eq!(loaded.format, Format::Epub);
    assert!(loaded.text_is_extracted());
    let a = &loaded.article;
    assert_eq!(
        a.meta.title.as_deref(),
        Some("Alice’s Adventures in Wonderland")
    );
    assert_eq!(a.meta.author.as_deref(), Some("Lewis Carroll"));
    assert_eq!(a.meta.language.as_deref(), Some("en"));
    assert_eq!(a.meta.date.as_deref(), Some("1865"));
    let kinds: Vec<BlockKind> = a.blocks.iter().map(|b| b.kind).collect();
    assert_eq!(
        kinds,
        [
            BlockKind::Title,
            BlockKind::Byline,
            BlockKind::Heading,
            BlockKind::Body,
            BlockKind::Body,
            BlockKind::Body,
            BlockKind::Heading,
            BlockKind::Body
        ],
        "{:?}",
        outline(a)
    );
    let headings: Vec<&str> = a
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Heading)
        .map(|b| a.block_text(b))
        .collect();
    assert_eq!(
        headings,
        [
            "Chapter I. Down the Rabbit-Hole",
            "Chapter II. The Pool of Tears"
        ]
    );
    let text = a.text();
    assert!(text.contains("“and what is the use of a book,”"));
    assert!(text.contains("a book keeps it"));
    for absent in ["COVER PAGE", "margin", "Contents", "Chapter I\n"] {
        assert!(!text.contains(absent), "{absent:?} in the text");
    }
    // Emphasis survives.
    assert!(!a.styles.is_empty());
}

#[test]
fn an_epub2_book_takes_its_chapter_titles_from_the_ncx() {
    let a = load_bytes(book("2.0", false), "alice.epub")
        .expect("opens")
        .article;
    assert!(a.blocks.iter().any(
        |b| b.kind == BlockKind::Heading && a.block_text(b) == "Chapter II. The Pool of Tears"
    ));
}

#[test]
fn a_book_is_recognised_by_its_bytes_on_stdin_and_opened_from_disk() {
    let bytes = book("3.0", true);
    let from_stdin = load_bytes(bytes.clone(), "-").expect("sniffed");
    assert_eq!(from_stdin.format, Format::Epub);
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("Alice.EPUB");
    std::fs::write(&path, &bytes).expect("write");
    let from_disk = load_path(&path).expect("opens");
    assert_eq!(from_disk.article.text(), from_stdin.article.text());
}

#[test]
fn broken_and_foreign_archives_get_one_line_of_error() {
    let one_line = |r: Result<lede::article::Loaded, LoadError>| {
        let e = r.expect_err("refused").to_string();
        assert!(!e.contains('\n'), "{e}");
        e
    };
    let mut truncated = book("3.0", true);
    truncated.truncate(truncated.len() / 2);
    let e = one_line(load_bytes(truncated, "alice.epub"));
    assert!(e.starts_with("alice.epub: "), "{e}");

    let other = zip_of(&[("notes.txt", b"just notes")]);
    let e = one_line(load_bytes(other.clone(), "notes.epub"));
    assert!(e.contains("not an EPUB"), "{e}");
    let e = one_line(load_bytes(other, "-"));
    assert!(e.contains("zip archive"), "{e}");

    let e = one_line(load_bytes(b"plain words, not a zip".to_vec(), "fake.epub"));
    assert!(e.contains("not a zip archive"), "{e}");
}

#[test]
fn a_zip_bomb_is_refused_without_unpacking_it() {
    // Eight megabytes of spaces compress to a few kilobytes; the limit here is one megabyte.
    let spaces = vec![b' '; 8 * 1024 * 1024];
    let mut chapter = CHAPTER_1.replace("</body>", "").into_bytes();
    chapter.extend_from_slice(&spaces);
    let container =
        r#"<container><rootfiles><rootfile full-path="content.opf"/></rootfiles></container>"#;
    let opf = r#"<package><metadata/><manifest><item id="c" href="c.xhtml" media-type="application/xhtml+xml"/></manifest><spine><itemref idref="c"/></spine></package>"#;
    let bomb = zip_of(&[
        ("mimetype", b"application/epub+zip"),
        ("META-INF/container.xml", container.as_bytes()),
        ("content.opf", opf.as_bytes()),
        ("c.xhtml", &chapter),
    ]);
    assert!(bomb.len() < 200 * 1024);
    let e = parse_epub_within(&bomb, 1024 * 1024).expect_err("refused");
    assert!(e.contains("more than"), "{e}");
    // With room for it, the same book opens.
    assert!(parse_epub_within(&bomb, 64 * 1024 * 1024).is_ok());
}

#[test]
fn analyze_json_of_a_book_carries_its_text_and_headings() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("alice.epub");
    std::fs::write(&path, book("3.0", true)).expect("write");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_lede"))
        .args(["analyze", "--json"])
        .arg(&path)
        .env("XDG_STATE_HOME", dir.path())
        .env("XDG_CONFIG_HOME", dir.path())
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let text = doc["text"].as_str().expect("text");
    let headings: Vec<&str> = doc["blocks"]
        .as_array()
        .expect("blocks")
        .iter()
        .filter(|b| b["kind"] == "heading")
        .map(|b| {
            let (s, e) = (
                b["start"].as_u64().unwrap_or(0),
                b["end"].as_u64().unwrap_or(0),
            );
            &text[s as usize..e as usize]
        })
        .collect();
    assert_eq!(headings.len(), 2);
    assert_eq!(doc["meta"]["author"], "Lewis Carroll");
}
