//! `lede analyze --explain`: why the analysis says what it says.
//!
//! For every quote: its kind, its words, its speaker, the rule that named the speaker and what
//! that rule read (the reporting word, the words naming the speaker, the link that tied them to
//! an entity, the people considered, the quote a speaker was carried from). For every entity: its
//! kind, name, aliases, mention count, the rules that built and merged it, and for each alias
//! the rules that made its mentions. The layout is plain text, one field a line, stable for scripts that
//! grep it.

use super::{Analysis, Entity, Quote};
use crate::layout::wrap::sanitize_line;

/// How many characters of a quote's words are shown.
const SHOWN: usize = 72;

/// The explanation of `analysis` over `text`.
pub fn explain(text: &str, analysis: &Analysis) -> String {
    let mut out = String::new();
    out.push_str(&format!("Quotes ({})\n", analysis.quotes.len()));
    for (i, q) in analysis.quotes.iter().enumerate() {
        quote(&mut out, text, analysis, i, q);
    }
    out.push_str(&format!("\nEntities ({})\n", analysis.entities.len()));
    for (i, e) in analysis.entities.iter().enumerate() {
        entity(&mut out, analysis, i, e);
    }
    out
}

/// `e3 Mary Lee`, or `?` for an index with no entity.
fn entity_label(analysis: &Analysis, index: usize) -> String {
    match analysis.entities.get(index) {
        Some(e) => format!("{} {}", Analysis::entity_id(index), e.name),
        None => format!("{} ?", Analysis::entity_id(index)),
    }
}

/// The words of `text[start..end]` on one line, cut after [`SHOWN`] characters.
/// The words come from the article: nothing unsafe reaches the terminal.
fn shown(text: &str, start: usize, end: usize) -> String {
    let words = sanitize_line(text.get(start..end).unwrap_or(""));
    let mut cut: String = words.chars().take(SHOWN).collect();
    if words.chars().count() > SHOWN {
        cut.push('…');
    }
    cut
}

fn quote(out: &mut String, text: &str, analysis: &Analysis, i: usize, q: &Quote) {
    out.push_str(&format!(
        "q{}  {}  bytes {}..{}\n",
        i + 1,
        q.kind.as_str(),
        q.start,
        q.end
    ));
    out.push_str(&format!("    “{}”\n", shown(text, q.start, q.end)));
    let speaker = match (q.speaker, &q.speaker_text) {
        (Some(e), _) => entity_label(analysis, e),
        (None, Some(words)) => format!("“{}” (no entity)", sanitize_line(words)),
        (None, None) => "none".to_string(),
    };
    out.push_str(&format!("    speaker     {speaker}\n"));
    let Some(trace) = q.trace.as_deref() else {
        let why = if q.kind == super::QuoteKind::Scare {
            "none (a scare quote has no speaker)"
        } else if q.speaker.is_some() || q.speaker_text.is_some() {
            "none recorded"
        } else {
            "none (no rule named a speaker)"
        };
        out.push_str(&format!("    rule        {why}\n"));
        if let Some(cue) = &q.cue {
            out.push_str(&format!("    cue         {}\n", sanitize_line(cue)));
        }
        return;
    };
    out.push_str(&format!("    rule        {}\n", trace.rule.id()));
    if let Some(cue) = &q.cue {
        out.push_str(&format!("    cue         {}\n", sanitize_line(cue)));
    }
    if let Some((s, e)) = trace.subject {
        out.push_str(&format!(
            "    words       “{}” (bytes {s}..{e})\n",
            shown(text, s, e)
        ));
    }
    if let Some(link) = trace.link {
        out.push_str(&format!("    link        {}\n", link.id()));
    }
    if let Some(from) = trace.from_quote {
        out.push_str(&format!("    carried     from q{}\n", from + 1));
    }
    // A mention names its entity plainly; the people considered matter when a link chose.
    if trace.link.is_some() || trace.candidates.len() > 1 {
        let names: Vec<String> = trace
            .candidates
            .iter()
            .map(|&c| entity_label(analysis, c))
            .collect();
        out.push_str(&format!("    considered  {}\n", names.join(", ")));
    }
}

fn entity(out: &mut String, analysis: &Analysis, i: usize, e: &Entity) {
    out.push_str(&format!(
        "{}  {}  {}\n",
        Analysis::entity_id(i),
        e.kind.as_str(),
        sanitize_line(&e.name)
    ));
    let aliases: Vec<String> = e.aliases.iter().map(|a| sanitize_line(a)).collect();
    out.push_str(&format!("    aliases     {}\n", aliases.join(", ")));
    out.push_str(&format!("    mentions    {}\n", e.mentions.len()));
    let trace = analysis.entity_trace(i);
    if trace.is_empty() {
        out.push_str("    rules       none recorded\n");
        return;
    }
    let rules: Vec<&str> = analysis.entity_rules(i).iter().map(|r| r.name()).collect();
    if rules.is_empty() {
        out.push_str(
            "    rules       none: a person only the quotations name (a narrator, `the King`)\n",
        );
        return;
    }
    out.push_str(&format!("    rules       {}\n", rules.join(", ")));
    // Each alias with the rules that made its mentions, when more than one way built it.
    if trace.len() > 1 {
        for (k, a) in trace.iter().enumerate() {
            let label = if k == 0 {
                "    by alias"
            } else {
                "            "
            };
            let rules: Vec<&str> = a.rules.iter().map(|r| r.name()).collect();
            out.push_str(&format!(
                "{label}    {} ×{}: {}\n",
                sanitize_line(&a.alias),
                a.mentions,
                rules.join(", ")
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::entities::rules::RuleId;
    use crate::analysis::{analyze, AliasTrace, EntityKind, EntityTrace, Mention, QuoteKind};
    use crate::article::parse_plain;

    #[test]
    fn every_quote_has_its_speaker_rule_and_words() {
        let text = "Headline\n\nMayor Mary Lee opened the bridge.\n\n“It is a great day,” Lee said. “We waited long.”";
        let article = parse_plain(text.to_string());
        let analysis = analyze(&article);
        let out = explain(text, &analysis);
        assert!(out.starts_with("Quotes (2)\nq1  direct  bytes "), "{out}");
        assert!(out.contains("    “It is a great day,”\n"), "{out}");
        assert!(
            out.contains("    rule        explicit_cue_after\n"),
            "{out}"
        );
        assert!(out.contains("    cue         said\n"), "{out}");
        assert!(out.contains("    words       “Lee”"), "{out}");
        assert!(
            out.contains("    rule        earlier_in_paragraph\n"),
            "{out}"
        );
        assert!(out.contains("    carried     from q1\n"), "{out}");
        assert!(out.contains("\nEntities ("), "{out}");
        assert!(out.contains("  person  Mary Lee\n"), "{out}");
        assert!(out.contains("    rules       "), "{out}");
        assert!(!out.contains("    rules       none"), "{out}");
    }

    #[test]
    fn entity_rules_are_listed_when_given_and_control_characters_never_shown() {
        let text = "Ann said \u{1b}[2J“hi\u{7} there”";
        let start = text.find('“').unwrap() + '“'.len_utf8();
        let end = text.find('”').unwrap();
        let analysis = Analysis {
            entities: vec![Entity {
                kind: EntityKind::Person,
                name: "Ann".into(),
                aliases: vec!["Ann".into()],
                mentions: vec![Mention { start: 0, end: 3 }],
            }],
            quotes: vec![Quote {
                kind: QuoteKind::Direct,
                start,
                end,
                speaker: Some(0),
                speaker_text: None,
                cue: Some("said".into()),
                trace: None,
            }],
            entity_traces: vec![EntityTrace {
                aliases: vec![
                    AliasTrace {
                        alias: "Ann".into(),
                        mentions: 1,
                        rules: vec![RuleId::GivenName, RuleId::SameName],
                    },
                    AliasTrace {
                        alias: "Ann\u{1b}".into(),
                        mentions: 2,
                        rules: vec![RuleId::Speaker, RuleId::BareName],
                    },
                ],
            }],
        };
        let out = explain(text, &analysis);
        assert!(out.contains("    speaker     e1 Ann\n"), "{out}");
        assert!(out.contains("    rule        none recorded\n"), "{out}");
        assert!(
            out.contains("    rules       given_name, speaker, bare_name, same_name\n"),
            "{out}"
        );
        assert!(
            out.contains("    by alias    Ann ×1: given_name, same_name\n"),
            "{out}"
        );
        assert!(
            out.contains("                Ann ×2: speaker, bare_name\n"),
            "{out}"
        );
        assert!(
            out.contains("    “hi there”\n") || out.contains("    “hi there”"),
            "{out}"
        );
        assert!(!out.contains('\u{7}') && !out.contains('\u{1b}'), "{out}");
    }
}
