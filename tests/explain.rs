//! `lede analyze --explain`: every quote with its speaker, the rule that named it and what the
//! rule read; every entity with its kind, name, aliases and mention count.

use std::path::Path;
use std::process::Output;

#[path = "support/run.rs"]
mod run;
use run::{lede, lede_with_stdin};

fn stdout(o: &Output) -> String {
    assert!(
        o.status.success(),
        "lede failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn explain_names_the_rule_and_the_words_of_each_speaker() {
    let text =
        "Council votes on bridge\n\nMary Lee, the city's mayor, opened the bridge on Monday. \
                Tom Reed, a local builder, watched.\n\n“It is a great day,” the mayor said. \
                “We waited long.”\n\n“I built it,” he said.\n\nThe \"bridge\" was busy.\n";
    let out = stdout(&lede_with_stdin(
        &["analyze", "--explain", "-"],
        text.as_bytes(),
    ));
    let expected_quotes = [
        "Quotes (4)",
        "q1  direct  bytes ",
        "    “It is a great day,”",
        "    speaker     e1 Mary Lee",
        "    rule        explicit_cue_after",
        "    cue         said",
        "    words       “the mayor”",
        "    link        title_link",
        "q2  direct",
        "    rule        earlier_in_paragraph",
        "    carried     from q1",
        "q3  direct",
        "    rule        explicit_cue_after",
        "    words       “he”",
        "    link        pronoun_salience",
        "q4  scare",
        "    speaker     none",
        "    rule        none (a scare quote has no speaker)",
        "Entities (",
        "e1  person  Mary Lee",
        "    aliases     Mary Lee",
        "    mentions    1",
        "    rules       given_name, full_name",
    ];
    // Each expected line is there, in this order.
    let mut rest = out.as_str();
    for line in expected_quotes {
        let at = rest
            .find(line)
            .unwrap_or_else(|| panic!("{line:?} missing or out of order in:\n{out}"));
        rest = &rest[at + line.len()..];
    }
    assert!(out.contains("  person  Tom Reed\n"), "{out}");
    // The pronoun's speaker is the person it stood for.
    let q3 = &out[out.find("q3  direct").unwrap()..out.find("q4  scare").unwrap()];
    assert!(q3.contains(" Tom Reed\n"), "{out}");
}

#[test]
fn explain_on_the_sample_and_with_json_is_a_usage_error() {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/north-korea-summit.txt");
    let sample = sample.to_str().unwrap();
    let o = lede(&["analyze", "--explain", sample]);
    let out = stdout(&o);
    assert!(out.starts_with("Quotes (6)\n"), "{out}");
    assert!(out.contains("    cue         tweet\n"), "{out}");
    assert!(out.contains("e1  place  North Korea\n"), "{out}");
    let o = lede(&["analyze", "--explain", "--json", sample]);
    assert_eq!(o.status.code(), Some(2));
}
