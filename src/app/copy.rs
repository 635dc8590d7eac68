//! Copying to the clipboard: the text of a quote with its attribution and source, and the
//! OSC 52 escape sequence that hands it to the terminal (which works over SSH, since the
//! terminal, not the remote host, owns the clipboard). Pure functions; the event loop writes.

use base64::Engine;

use crate::article::Meta;

/// Runs of whitespace (hard wraps, indents) become one space; the ends are trimmed.
pub fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `“words” — Speaker, in “Title”, Author, Kicker`: the parts not known are left out.
pub fn citation(words: &str, speaker: Option<&str>, meta: &Meta) -> String {
    let mut out = format!("“{}”", collapse(words));
    let mut parts: Vec<String> = Vec::new();
    let known = |s: Option<&str>| s.map(str::trim).filter(|s| !s.is_empty()).map(collapse);
    if let Some(s) = known(speaker) {
        parts.push(s);
    }
    if let Some(t) = known(meta.title.as_deref()) {
        parts.push(format!("in “{t}”"));
    }
    if let Some(a) = known(meta.author.as_deref()) {
        parts.push(a);
    }
    if let Some(k) = known(meta.kicker.as_deref()) {
        parts.push(k);
    }
    if !parts.is_empty() {
        out.push_str(" — ");
        out.push_str(&parts.join(", "));
    }
    out
}

/// The OSC 52 sequence that sets the system clipboard to `text`. Control characters are
/// dropped first: the clipboard gets text, never something that could drive a terminal.
pub fn osc52(text: &str) -> String {
    let clean: String = text
        .chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .collect();
    let encoded = base64::engine::general_purpose::STANDARD.encode(clean.as_bytes());
    format!("\x1b]52;c;{encoded}\x07")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_citation_has_the_words_speaker_title_author_and_site() {
        let meta = Meta {
            kicker: Some("Political Insights".into()),
            title: Some("North Korea Summit on the Rocks".into()),
            author: Some("Andy Laub".into()),
            ..Meta::default()
        };
        assert_eq!(
            citation("We will\n  see.", Some("Donald Trump"), &meta),
            "“We will see.” — Donald Trump, in “North Korea Summit on the Rocks”, Andy Laub, Political Insights"
        );
    }

    #[test]
    fn unknown_parts_are_left_out() {
        let meta = Meta::default();
        assert_eq!(citation("Yes.", None, &meta), "“Yes.”");
        let meta = Meta {
            title: Some("T".into()),
            ..Meta::default()
        };
        assert_eq!(citation("Yes.", Some(" "), &meta), "“Yes.” — in “T”");
    }

    #[test]
    fn osc52_is_base64_between_the_escape_and_the_bell() {
        assert_eq!(osc52("hi"), "\x1b]52;c;aGk=\x07");
        // An escape in the text never reaches the terminal.
        assert_eq!(osc52("a\x1bb"), osc52("ab"));
        assert_eq!(osc52("“é”"), "\x1b]52;c;4oCcw6nigJ0=\x07");
    }
}
