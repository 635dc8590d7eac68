//! The input formats end to end: each fixture under `tests/fixtures/inputs/` through
//! `load_path`, and loaders that never panic on arbitrary input.

use std::path::PathBuf;

use lede::analysis::EntityKind;
use lede::article::{load_bytes, load_path, Article, BlockKind, Format, InlineStyle, Loaded};
use proptest::prelude::*;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/inputs")
        .join(name)
}

fn load(name: &str) -> Loaded {
    load_path(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Blocks in order, non-overlapping, non-empty, inside the text and on char boundaries;
/// styles and the carried analysis likewise inside the text.
fn assert_well_formed(loaded: &Loaded) {
    let a = &loaded.article;
    let text = a.text();
    let mut last_end = 0;
    for b in &a.blocks {
        assert!(b.start < b.end, "empty block {b:?}");
        assert!(b.start >= last_end, "overlapping block {b:?}");
        assert!(b.end <= text.len(), "block out of bounds {b:?}");
        assert!(text.is_char_boundary(b.start) && text.is_char_boundary(b.end));
        last_end = b.end;
    }
    let mut last_start = 0;
    for s in &a.styles {
        assert!(s.start < s.end && s.end <= text.len(), "style {s:?}");
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        assert!(s.start >= last_start, "styles not sorted");
        last_start = s.start;
    }
    if let Some(analysis) = &loaded.analysis {
        for e in &analysis.entities {
            for m in &e.mentions {
                assert!(text.get(m.start..m.end).is_some(), "mention {m:?}");
            }
        }
        for q in &analysis.quotes {
            assert!(text.get(q.start..q.end).is_some(), "quote {q:?}");
            assert!(q.speaker.is_none_or(|s| s < analysis.entities.len()));
        }
    }
}

fn kinds(a: &Article) -> Vec<BlockKind> {
    a.blocks.iter().map(|b| b.kind).collect()
}

fn styled(a: &Article, style: InlineStyle) -> Vec<&str> {
    a.styles
        .iter()
        .filter(|s| s.style == style)
        .map(|s| &a.text()[s.start..s.end])
        .collect()
}

#[test]
fn markdown_front_matter_emphasis_and_links() {
    let loaded = load("river-treaty.md");
    assert_well_formed(&loaded);
    assert_eq!(loaded.format, Format::Markdown);
    assert!(loaded.text_is_extracted());
    let a = &loaded.article;
    assert_eq!(
        a.meta.title.as_deref(),
        Some("Upstream, a Fragile Deal to Share the Mekong")
    );
    assert_eq!(a.meta.author.as_deref(), Some("Lena Okafor"));
    assert_eq!(a.meta.date.as_deref(), Some("2024-03-14"));
    assert_eq!(a.meta.kicker.as_deref(), Some("Environment"));
    assert_eq!(
        &kinds(a)[..5],
        &[
            BlockKind::Kicker,
            BlockKind::Title,
            BlockKind::Dek,
            BlockKind::Byline,
            BlockKind::Dateline
        ]
    );
    // The `#` heading repeats the front-matter title: one title block, not two.
    assert_eq!(
        kinds(a).iter().filter(|k| **k == BlockKind::Title).count(),
        1
    );
    assert!(kinds(a).contains(&BlockKind::Heading));
    assert!(kinds(a).contains(&BlockKind::Blockquote));
    assert_eq!(
        kinds(a).iter().filter(|k| **k == BlockKind::List).count(),
        3
    );
    assert_eq!(styled(a, InlineStyle::Emphasis), vec!["Vientiane"]);
    assert_eq!(styled(a, InlineStyle::Strong), vec!["Phnom Penh"]);
    assert_eq!(
        styled(a, InlineStyle::Link),
        vec!["Mekong River Commission"]
    );
    assert_eq!(styled(a, InlineStyle::Code), vec!["Kratie"]);
    let text = a.text();
    for markup in ["---", "**", "](", "# ", "> ", "`", "title:", "https://"] {
        assert!(!text.contains(markup), "markup {markup:?} in the text");
    }
    assert!(text.contains("signed an agreement on Tuesday"));
    // Blocks are separated by blank lines, so the text reads as plain text.
    assert!(text.contains("late in the evening.\n\n\"This is the first time"));
}

#[test]
fn html_keeps_only_the_article() {
    let loaded = load("harbour-courier.html");
    assert_well_formed(&loaded);
    assert_eq!(loaded.format, Format::Html);
    let a = &loaded.article;
    let text = a.text();
    // Other people named by the page's chrome: related links, comments, footer, scripts.
    for absent in [
        "Priya Raman",
        "Tomasz Wierzbicki",
        "Fenella Drummond",
        "Gustavo Lindqvist",
        "Mairi Sinclair",
        "Duncan Ferguson",
        "Tracking Script Person",
        "Script Text Marker",
        "dataLayer",
        "Style Text Should Not Appear",
        "cookies",
        "Accept all",
        "Subscribe",
        "newsletter",
        "Share on",
        "Skip to content",
        "Sport",
        "Advertisement",
        "Post comment",
        "Ferries",
        "Harbour Courier",
        "&pound;",
        "<",
    ] {
        assert!(!text.contains(absent), "{absent:?} leaked into the text");
    }
    for present in [
        "Ferry fares to rise as island council backs new levy",
        "Council leader Rhona Campbell said",
        "Every lorry that comes over",
        "£9m for the new pier",
        "reviewed in 2026",
        "Photograph: Ewan Bell",
    ] {
        assert!(text.contains(present), "{present:?} missing");
    }
    assert_eq!(a.meta.author.as_deref(), Some("Isla MacLeod"));
    assert_eq!(a.meta.date.as_deref(), Some("2024-05-02T08:30:00+01:00"));
    assert_eq!(
        a.meta.title.as_deref(),
        Some("Ferry fares to rise as island council backs new levy")
    );
    assert_eq!(
        &kinds(a)[..5],
        &[
            BlockKind::Kicker,
            BlockKind::Title,
            BlockKind::Dek,
            BlockKind::Byline,
            BlockKind::Dateline
        ]
    );
    for kind in [
        BlockKind::Heading,
        BlockKind::Blockquote,
        BlockKind::List,
        BlockKind::Caption,
        BlockKind::Body,
    ] {
        assert!(kinds(a).contains(&kind), "no {kind:?} block");
    }
    assert_eq!(
        styled(a, InlineStyle::Emphasis),
        vec!["Islay Farmers’ Union"]
    );
    assert_eq!(styled(a, InlineStyle::Strong), vec!["Callum Reid"]);
    assert_eq!(styled(a, InlineStyle::Link), vec!["budget papers"]);
    // Entities decoded, white space collapsed.
    assert!(!text.contains("  "));
}

#[test]
fn lede_json_opens_with_its_annotations() {
    let loaded = load("port-strike.lede.json");
    assert_well_formed(&loaded);
    assert!(loaded.notices.is_empty(), "{:?}", loaded.notices);
    let a = &loaded.article;
    assert_eq!(
        a.meta.title.as_deref(),
        Some("Port strike ends after nine days")
    );
    assert_eq!(kinds(a)[0], BlockKind::Kicker);
    let analysis = loaded.analysis.as_ref().expect("analysis carried");
    let names: Vec<&str> = analysis.entities.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(
        names,
        vec!["Sam Whitfield", "Rotterdam", "FNV", "Niek de Vries"]
    );
    let de_vries = &analysis.entities[3];
    assert_eq!(de_vries.mentions.len(), 2);
    assert_eq!(
        &a.text()[de_vries.mentions[1].start..de_vries.mentions[1].end],
        "De Vries"
    );
    let quote = &analysis.quotes[0];
    assert_eq!(&a.text()[quote.start..quote.end], "The members have spoken");
    assert_eq!(quote.speaker, Some(3), "speaker id e1 maps to its index");
    assert_eq!(quote.cue.as_deref(), Some("said"));
}

#[test]
fn spacy_json_character_offsets_after_non_ascii_text() {
    let loaded = load("glaciers.spacy.json");
    assert_well_formed(&loaded);
    let a = &loaded.article;
    let text = a.text();
    let analysis = loaded.analysis.as_ref().expect("analysis carried");
    let mention_texts = |name: &str| -> Vec<&str> {
        analysis
            .entities
            .iter()
            .find(|e| e.name == name)
            .map(|e| e.mentions.iter().map(|m| &text[m.start..m.end]).collect())
            .unwrap_or_default()
    };
    // `Graubünden` twice: grouped into one entity, each mention at its own byte offsets.
    assert_eq!(
        mention_texts("Graubünden"),
        vec!["Graubünden", "Graubünden"]
    );
    // After `ü`, `“` and `’`, character offsets and byte offsets differ.
    assert_eq!(mention_texts("Matthias Huss"), vec!["Matthias Huss"]);
    assert_eq!(mention_texts("Huss"), vec!["Huss"]);
    assert_eq!(mention_texts("ETH Zürich"), vec!["ETH Zürich"]);
    let kind = |name: &str| {
        analysis
            .entities
            .iter()
            .find(|e| e.name == name)
            .map(|e| e.kind)
    };
    assert_eq!(kind("Matthias Huss"), Some(EntityKind::Person));
    assert_eq!(kind("Zürich"), Some(EntityKind::Place));
    assert_eq!(kind("ETH Zürich"), Some(EntityKind::Org));
    assert_eq!(kind("Monday"), Some(EntityKind::Date));
    assert_eq!(kind("Swiss"), Some(EntityKind::Group));
    assert_eq!(kind("ten percent"), Some(EntityKind::Number));
    // Blocks come from the text's paragraphs.
    assert_eq!(kinds(a)[1], BlockKind::Title);
    assert!(kinds(a).contains(&BlockKind::Body));
}

#[test]
fn stdin_is_sniffed_by_content() {
    for name in [
        "river-treaty.md",
        "harbour-courier.html",
        "port-strike.lede.json",
        "glaciers.spacy.json",
    ] {
        let bytes = std::fs::read(fixture(name)).expect("fixture");
        let from_stdin = load_bytes(bytes, "-").expect("loads");
        let from_file = load(name);
        assert_eq!(from_stdin.format, from_file.format, "{name}");
        assert_eq!(
            from_stdin.article.text(),
            from_file.article.text(),
            "{name}"
        );
    }
}

#[test]
fn plain_articles_stay_plain_when_sniffed() {
    let sample = include_str!("../assets/north-korea-summit.txt");
    let loaded = load_bytes(sample.as_bytes().to_vec(), "-").expect("loads");
    assert_eq!(loaded.format, Format::Plain);
    assert_eq!(loaded.article.text(), sample);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn loaders_never_panic_and_blocks_are_well_formed(
        text in "\\PC{0,400}",
        name in prop::sample::select(vec!["a.md", "a.html", "a.json", "a.txt", "-"]),
    ) {
        if let Ok(loaded) = load_bytes(text.into_bytes(), name) {
            assert_well_formed(&loaded);
        }
    }

    #[test]
    fn markup_soup_never_panics(
        parts in prop::collection::vec(prop::sample::select(vec![
            "<p>", "</p>", "<em>", "</em>", "<a href=x>", "</a>", "<nav>", "</nav>", "<br>",
            "<article>", "</article>", "<h1>", "</h1>", "<pre>", "</pre>", "<li>", "<blockquote>",
            "&amp;", "&nbsp;", "Zoë ", "“", "\n", "  ", "word ", "# ", "**", "*", "`", "> ", "- ",
            "[l](u)", "---\n", "title: T\n", "\t", "é", "😀", "<script>x</script>",
        ]), 0..60),
        name in prop::sample::select(vec!["a.md", "a.html", "-"]),
    ) {
        let text: String = parts.concat();
        if let Ok(loaded) = load_bytes(text.into_bytes(), name) {
            assert_well_formed(&loaded);
        }
    }

    #[test]
    fn json_with_arbitrary_offsets_never_panics(
        text in "[a-zé“ ]{0,40}",
        spans in prop::collection::vec((0usize..80, 0usize..80), 0..8),
    ) {
        let ents: Vec<String> = spans
            .iter()
            .map(|(s, e)| format!("{{\"start\": {s}, \"end\": {e}, \"label\": \"PERSON\"}}"))
            .collect();
        let mentions: Vec<String> = spans
            .iter()
            .map(|(s, e)| format!("{{\"start\": {s}, \"end\": {e}}}"))
            .collect();
        let text_json = serde_json::to_string(&text).expect("string");
        let spacy = format!("{{\"text\": {text_json}, \"ents\": [{}]}}", ents.join(","));
        let ours = format!(
            "{{\"schema\": \"lede.analysis/1\", \"text\": {text_json}, \
              \"blocks\": [{}], \"entities\": [{{\"id\": \"e1\", \"kind\": \"person\", \
              \"name\": \"x\", \"mentions\": [{}]}}], \"quotes\": [{}]}}",
            spans.iter().map(|(s, e)| format!("{{\"kind\": \"body\", \"start\": {s}, \"end\": {e}}}")).collect::<Vec<_>>().join(","),
            mentions.join(","),
            spans.iter().map(|(s, e)| format!("{{\"id\": \"q\", \"kind\": \"direct\", \"start\": {s}, \"end\": {e}, \"speaker\": \"e9\"}}")).collect::<Vec<_>>().join(","),
        );
        for doc in [spacy, ours] {
            if let Ok(loaded) = load_bytes(doc.into_bytes(), "a.json") {
                assert_well_formed(&loaded);
            }
        }
    }
}
