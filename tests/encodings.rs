//! Text that is not UTF-8: windows-1252 and Latin-1 files and pages are decoded as such, and
//! with bytes that decode to nothing, the offsets of `analyze --json` still index the text it
//! reports.

use std::process::Command;

use lede::article::encoding::decode;
use lede::article::{load_bytes, BlockKind};
use proptest::prelude::*;

/// “Café owner José García said the rent had doubled — again.” in windows-1252.
const CP1252: &[u8] =
    b"\x93Caf\xe9 owner Jos\xe9 Garc\xeda said the rent had doubled \x97 again,\x94 she said.\n";

#[test]
fn a_windows_1252_text_file_is_decoded_with_a_notice() {
    let loaded = load_bytes(CP1252.to_vec(), "rent.txt").expect("loads");
    let text = loaded.article.text();
    assert!(
        text.starts_with("“Café owner José García said the rent had doubled — again,” she said."),
        "{text}"
    );
    assert!(!text.contains('\u{fffd}'));
    assert!(
        loaded.text_is_extracted(),
        "the text is no longer the file's bytes"
    );
    assert_eq!(loaded.notices.len(), 1);
    assert!(
        loaded.notices[0].contains("windows-1252"),
        "{:?}",
        loaded.notices
    );
}

#[test]
fn a_page_declared_latin1_or_guessed_is_decoded() {
    let body = "<p>Le caf\u{e9} de la gare a ferm\u{e9} ses portes apr\u{e8}s cent ans.</p>";
    let latin1: Vec<u8> = body.chars().map(|c| c as u32 as u8).collect();
    for head in [
        &b"<html><head><meta charset=\"ISO-8859-1\"><title>Gare</title></head><body>"[..],
        b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"></head><body>",
        b"<html><head><title>Gare</title></head><body>",
    ] {
        let mut page = head.to_vec();
        page.extend_from_slice(&latin1);
        page.extend_from_slice(b"</body></html>");
        let loaded = load_bytes(page, "gare.html").expect("loads");
        assert!(
            loaded
                .article
                .text()
                .contains("Le café de la gare a fermé ses portes après cent ans."),
            "{}",
            loaded.article.text()
        );
    }
}

#[test]
fn a_declared_charset_never_overrides_utf8_bytes() {
    let page =
        "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Zoë’s café</p></body></html>";
    let loaded = load_bytes(page.as_bytes().to_vec(), "a.html").expect("loads");
    assert!(loaded.article.text().contains("Zoë’s café"));
    assert!(loaded.notices.is_empty(), "{:?}", loaded.notices);
}

#[test]
fn a_utf16_file_with_a_byte_order_mark_is_read() {
    let mut bytes = vec![0xff, 0xfe];
    for unit in "Zoë met Ana García in Madrid.\n".encode_utf16() {
        bytes.extend(unit.to_le_bytes());
    }
    let loaded = load_bytes(bytes, "-").expect("loads");
    assert_eq!(loaded.article.text(), "Zoë met Ana García in Madrid.\n");
    assert_eq!(loaded.article.blocks[0].kind, BlockKind::Body);
}

fn lede_json(path: &std::path::Path) -> (serde_json::Value, String) {
    let dir = path.parent().expect("dir");
    let out = Command::new(env!("CARGO_BIN_EXE_lede"))
        .args(["analyze", "--json"])
        .arg(path)
        .env("XDG_STATE_HOME", dir)
        .env("XDG_CONFIG_HOME", dir)
        .output()
        .expect("runs");
    assert!(out.status.success());
    (
        serde_json::from_slice(&out.stdout).expect("json"),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Every block, mention and quote of the JSON is a byte range of its `text` on character
/// boundaries, and a mention's `text` is that range.
fn assert_offsets_index_text(doc: &serde_json::Value) -> String {
    let text = doc["text"].as_str().expect("a `text` field").to_string();
    let range = |v: &serde_json::Value| {
        let (s, e) = (
            v["start"].as_u64().expect("start") as usize,
            v["end"].as_u64().expect("end") as usize,
        );
        assert!(s <= e && e <= text.len(), "{v}");
        assert!(text.is_char_boundary(s) && text.is_char_boundary(e), "{v}");
        &text[s..e]
    };
    for b in doc["blocks"].as_array().expect("blocks") {
        range(b);
    }
    let mut mentions = 0;
    for e in doc["entities"].as_array().expect("entities") {
        for m in e["mentions"].as_array().expect("mentions") {
            assert_eq!(range(m), m["text"].as_str().expect("text"));
            mentions += 1;
        }
    }
    for q in doc["quotes"].as_array().expect("quotes") {
        assert_eq!(range(q), q["text"].as_str().expect("text"));
    }
    assert!(mentions > 0, "no mention to check");
    text
}

#[test]
fn with_invalid_utf8_the_offsets_index_the_reported_text() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("broken.txt");
    // UTF-8 with two bytes that decode to nothing: each becomes U+FFFD, three bytes, so every
    // offset after them moves.
    let mut bytes = "Zoë Baird met the mayor of Zürich on Monday. "
        .as_bytes()
        .to_vec();
    bytes.extend_from_slice(b"\xff\xfe");
    bytes.extend_from_slice(
        "“We agreed on nothing,” said Zoë Baird after Maria Schmidt left Zürich.\n".as_bytes(),
    );
    std::fs::write(&path, &bytes).expect("write");
    let (doc, stderr) = lede_json(&path);
    let text = assert_offsets_index_text(&doc);
    assert!(text.contains("\u{fffd}\u{fffd}"));
    assert!(stderr.contains("UTF-8"), "{stderr}");
}

#[test]
fn a_windows_1252_file_reports_its_decoded_text_and_offsets_into_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("rent.txt");
    std::fs::write(&path, CP1252).expect("write");
    let (doc, stderr) = lede_json(&path);
    let text = assert_offsets_index_text(&doc);
    assert!(text.contains("José García"));
    assert!(stderr.contains("windows-1252"), "{stderr}");
}

#[test]
fn a_utf8_text_file_has_no_text_field() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("fine.txt");
    std::fs::write(&path, "Zoë Baird met Maria Schmidt in Zürich.\n").expect("write");
    let (doc, _) = lede_json(&path);
    assert!(
        doc.get("text").is_none(),
        "offsets are the file's own bytes"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn any_bytes_decode_without_panic(bytes in prop::collection::vec(any::<u8>(), 0..600), markup in any::<bool>()) {
        let d = decode(bytes.clone(), markup);
        if d.verbatim {
            prop_assert_eq!(d.text.as_bytes(), &bytes[..]);
        }
    }

    #[test]
    fn latin1_ish_bytes_load_without_panic(
        bytes in prop::collection::vec(prop::sample::select(vec![b'a', b' ', b'\n', b'.', 0xe9, 0x93, 0x94, 0xfc, b'<', b'>', b'p', 0xc3, 0xa9]), 0..400),
        name in prop::sample::select(vec!["a.txt", "a.html", "-"]),
    ) {
        if let Ok(loaded) = load_bytes(bytes, name) {
            let text = loaded.article.text();
            for b in &loaded.article.blocks {
                prop_assert!(b.start < b.end && b.end <= text.len());
                prop_assert!(text.is_char_boundary(b.start) && text.is_char_boundary(b.end));
            }
        }
    }
}
