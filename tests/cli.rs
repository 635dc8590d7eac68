//! The command line as a user meets it: `lede analyze` on good and bad inputs. Every bad input
//! gets one clear line naming the file and a non-zero exit; nothing panics or hangs.

use std::path::Path;
use std::process::{Command, Output, Stdio};

#[path = "support/run.rs"]
mod run;
use run::{lede, lede_with_stdin};

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Asserts a failure with exactly one line of error that names the file and says `why`.
fn assert_one_line_failure(o: &Output, file: &str, why: &str) {
    assert!(!o.status.success(), "should fail: {}", stderr(o));
    let err = stderr(o);
    assert_eq!(err.trim_end().lines().count(), 1, "one line, got: {err}");
    assert!(err.contains(file), "names the file: {err}");
    assert!(err.contains(why), "says {why:?}: {err}");
    assert!(!err.contains("panicked"), "{err}");
}

fn analysis_json(o: &Output) -> serde_json::Value {
    assert!(o.status.success(), "lede failed: {}", stderr(o));
    serde_json::from_slice(&o.stdout).expect("valid JSON")
}

fn sample() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets/north-korea-summit.txt")
        .display()
        .to_string()
}

#[test]
fn analyze_json_follows_the_schema() {
    let v = analysis_json(&lede(&["analyze", "--json", &sample()]));
    assert_eq!(v["schema"], "lede.analysis/1");
    assert_eq!(v["source"], "north-korea-summit.txt");
    assert!(v["blocks"].as_array().is_some_and(|b| !b.is_empty()));
    assert!(v["entities"].is_array());
    assert!(v["quotes"].is_array());
}

#[test]
fn analyze_summary_is_readable_text() {
    let o = lede(&["analyze", &sample()]);
    assert!(o.status.success());
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("North Korea Summit on the Rocks"));
}

#[test]
fn a_missing_file_is_one_line() {
    let o = lede(&["analyze", "no/such/article.txt"]);
    assert_one_line_failure(&o, "no/such/article.txt", "no such file");
}

#[test]
fn a_directory_is_one_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let name = dir.path().display().to_string();
    let o = lede(&["analyze", &name]);
    assert_one_line_failure(&o, &name, "directory");
}

#[test]
fn a_binary_file_is_one_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("picture.png");
    std::fs::write(&path, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0").expect("write");
    let name = path.display().to_string();
    assert_one_line_failure(&lede(&["analyze", &name]), &name, "binary");
}

#[test]
fn an_empty_file_is_one_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("empty.txt");
    std::fs::write(&path, b"").expect("write");
    let name = path.display().to_string();
    assert_one_line_failure(&lede(&["analyze", &name]), &name, "empty");
}

#[test]
fn an_unreadable_file_is_one_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("secret.txt");
    std::fs::write(&path, b"Some text.").expect("write");
    // A file that cannot be opened even by root: a dangling symbolic link's target is missing,
    // so use a name whose parent is a file instead.
    let inside = path.join("child.txt");
    let name = inside.display().to_string();
    let o = lede(&["analyze", &name]);
    assert!(!o.status.success());
    let err = stderr(&o);
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.contains(&name), "{err}");
}

#[test]
fn invalid_utf8_is_read_with_a_notice() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("latin1.txt");
    std::fs::write(
        &path,
        b"Caf\xe9 owner Jos\xe9 Garc\xeda said the rent had doubled.\n",
    )
    .expect("write");
    let o = lede(&["analyze", "--json", &path.display().to_string()]);
    let v = analysis_json(&o);
    assert!(v["blocks"].as_array().is_some_and(|b| !b.is_empty()));
    assert!(stderr(&o).contains("UTF-8"), "{}", stderr(&o));
}

#[test]
fn a_huge_file_is_refused_in_one_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("huge.txt");
    let file = std::fs::File::create(&path).expect("create");
    file.set_len(100 * 1024 * 1024).expect("100 MB");
    let name = path.display().to_string();
    assert_one_line_failure(&lede(&["analyze", &name]), &name, "too large");
}

#[test]
fn a_two_megabyte_single_line_is_analysed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("one-line.txt");
    let sentence = "Maria Lopez met officials of the World Bank in Paris on June 3, 2021. ";
    let line = sentence.repeat(2 * 1024 * 1024 / sentence.len());
    std::fs::write(&path, &line).expect("write");
    let v = analysis_json(&lede(&["analyze", "--json", &path.display().to_string()]));
    let blocks = v["blocks"].as_array().expect("blocks");
    assert!(!blocks.is_empty());
    assert!(blocks
        .iter()
        .all(|b| b["end"].as_u64() <= Some(line.len() as u64)));
}

#[test]
fn fifty_thousand_unbalanced_quote_marks_stay_bounded() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("quotes.txt");
    let mut text = String::from("A headline\n\n");
    for i in 0..50_000 {
        text.push_str(if i % 3 == 0 { "“word " } else { "\"word " });
        if i % 500 == 499 {
            text.push_str("\n\n");
        }
    }
    std::fs::write(&path, &text).expect("write");
    let v = analysis_json(&lede(&["analyze", "--json", &path.display().to_string()]));
    for q in v["quotes"].as_array().expect("quotes") {
        let (s, e) = (
            q["start"].as_u64().unwrap_or(0),
            q["end"].as_u64().unwrap_or(0),
        );
        assert!(s <= e && e <= text.len() as u64);
        // Unclosed quotes never swallow the document: a quotation is cut at the end of its
        // paragraph or of a bounded run of paragraphs that continue it.
        assert!(e - s < text.len() as u64 / 4, "quote of {} bytes", e - s);
    }
}

#[test]
fn stdin_is_read_with_a_dash() {
    let o = lede_with_stdin(
        &["analyze", "--json", "-"],
        b"Storm hits the coast\n\nThe storm reached the coast on Monday.\n",
    );
    let v = analysis_json(&o);
    assert_eq!(v["source"], "-");
    assert_eq!(v["meta"]["title"], "Storm hits the coast");
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_lede"))
        .args(["analyze", "--json", &sample()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs lede");
    drop(child.stdout.take());
    let o = child.wait_with_output().expect("waits");
    assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
}

#[test]
fn a_file_before_analyze_is_a_usage_error() {
    let o = lede(&["a.txt", "analyze", &sample()]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(o.stdout.is_empty());
    assert!(stderr(&o).contains("analyze"), "{}", stderr(&o));
}

#[test]
fn the_size_error_names_the_real_size() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("big.txt");
    let file = std::fs::File::create(&path).expect("create");
    // 100.5 MB: neither the limit nor a size rounded down to it.
    file.set_len(100 * 1024 * 1024 + 512 * 1024)
        .expect("set_len");
    let name = path.display().to_string();
    let o = lede(&["analyze", &name]);
    assert_one_line_failure(&o, &name, "too large (100.5 MB;");
    // Just over the limit: the bytes, not a size that reads as the limit itself.
    file.set_len(64 * 1024 * 1024 + 1).expect("set_len");
    let o = lede(&["analyze", &name]);
    assert_one_line_failure(&o, &name, "too large (67,108,865 bytes;");
    // Standard input's real size is counted too.
    let o = lede_with_stdin(&["analyze", "-"], &vec![b'a'; 70 * 1024 * 1024]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("standard input: is too large (70 MB;"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn empty_standard_input_says_so() {
    for args in [&["analyze", "-"][..], &["-"][..]] {
        let o = lede_with_stdin(args, b"");
        assert_eq!(o.status.code(), Some(1));
        assert_eq!(
            stderr(&o).trim_end(),
            "lede: standard input is empty",
            "{args:?}"
        );
    }
    let o = lede_with_stdin(
        &["analyze", "-"],
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0",
    );
    assert!(
        stderr(&o).starts_with("lede: standard input: "),
        "{}",
        stderr(&o)
    );
}

#[test]
fn the_man_page_lists_the_keys_of_every_mode() {
    let o = lede(&["--man"]);
    assert!(o.status.success());
    let man = String::from_utf8_lossy(&o.stdout);
    let keys = &man[man.find(".SH KEYS").expect("a KEYS section")..];
    for needle in [
        ".SS \"Reading and the sidebar\"",
        ".SS \"Typing a search or a filter\"",
        "(\\fIoutline\\fR)",
        "(\\fItoggle_sidebar\\fR)",
        "(\\fInarrower\\fR)",
        "(\\fIsuspend\\fR)",
        "\\fBCtrl\\-z\\fR",
    ] {
        assert!(keys.contains(needle), "{needle}");
    }
}
