//! The quote engine against annotated articles: the sample article, a set of short news
//! fixtures (one pattern or more each), and the dialogue of War and Peace; plus a property test
//! on arbitrary text.
//!
//! The entities come from the entity engine through [`entities_for`], so these tests grade the
//! two engines together.

use std::path::{Path, PathBuf};

use lede::analysis::{quotes, Entity, Quote, QuoteKind};
use lede::article::{parse_plain, Article};
use proptest::prelude::*;
use serde_json::Value;

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(fixture(rel)).unwrap()
}

/// The entities of an article, as the entity engine finds them.
fn entities_for(article: &Article) -> Vec<Entity> {
    lede::analysis::entities::recognize(article)
}

/// Quote detection and speaker counts, as the evaluation's scorer computes them.
#[derive(Debug, Default, Clone, Copy)]
struct Score {
    right_predicted: usize,
    predicted: usize,
    found_gold: usize,
    gold: usize,
    right_speakers: usize,
    graded: usize,
}

impl Score {
    fn add(&mut self, o: Score) {
        self.right_predicted += o.right_predicted;
        self.predicted += o.predicted;
        self.found_gold += o.found_gold;
        self.gold += o.gold;
        self.right_speakers += o.right_speakers;
        self.graded += o.graded;
    }

    fn f1(&self) -> f64 {
        let p = if self.predicted == 0 {
            1.0
        } else {
            self.right_predicted as f64 / self.predicted as f64
        };
        let r = if self.gold == 0 {
            1.0
        } else {
            self.found_gold as f64 / self.gold as f64
        };
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    fn speakers(&self) -> f64 {
        if self.graded == 0 {
            1.0
        } else {
            self.right_speakers as f64 / self.graded as f64
        }
    }
}

fn span(v: &Value) -> (usize, usize) {
    (
        v["start"].as_u64().unwrap() as usize,
        v["end"].as_u64().unwrap() as usize,
    )
}

fn overlap(a: (usize, usize), b: (usize, usize)) -> isize {
    a.1.min(b.1) as isize - a.0.max(b.0) as isize
}

/// Scores predicted quotes against a gold file; lists the mistakes in `log`.
fn score(
    gold: &Value,
    text: &str,
    quotes: &[Quote],
    entities: &[Entity],
    log: &mut Vec<String>,
) -> Score {
    let gq: Vec<&Value> = gold["quotes"].as_array().unwrap().iter().collect();
    let oq: Vec<(usize, usize)> = gold["optional_quotes"]
        .as_array()
        .map(|a| a.iter().map(span).collect())
        .unwrap_or_default();
    let pq: Vec<&Quote> = quotes
        .iter()
        .filter(|p| {
            let s = (p.start, p.end);
            gq.iter().any(|g| overlap(s, span(g)) > 0) || !oq.iter().any(|&o| overlap(s, o) > 0)
        })
        .collect();
    let covers = |p: &Quote, g: &Value| {
        let gs = span(g);
        overlap((p.start, p.end), gs) * 2 >= (gs.1 - gs.0) as isize
    };
    let mut sc = Score {
        predicted: pq.len(),
        gold: gq.len(),
        ..Score::default()
    };
    for p in &pq {
        if gq.iter().any(|g| covers(p, g)) {
            sc.right_predicted += 1;
        } else {
            log.push(format!("false quote: {:?}", &text[p.start..p.end]));
        }
    }
    let names: std::collections::HashMap<&str, String> = gold["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["id"].as_str().unwrap(),
                e["name"].as_str().unwrap().to_lowercase(),
            )
        })
        .collect();
    for g in &gq {
        let said = pq.iter().find(|p| covers(p, g));
        if said.is_some() {
            sc.found_gold += 1;
        } else {
            let (s, e) = span(g);
            log.push(format!("missed quote: {:?}", &text[s..e]));
        }
        let Some(speaker) = g["speaker"].as_str() else {
            continue;
        };
        sc.graded += 1;
        let gold_spans: Vec<(usize, usize)> = gold["mentions"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|m| m["entity"] == speaker)
            .map(span)
            .collect();
        let entity = said.and_then(|p| p.speaker).and_then(|i| entities.get(i));
        let ok = entity.is_some_and(|e| {
            e.mentions
                .iter()
                .any(|m| gold_spans.iter().any(|&t| overlap((m.start, m.end), t) > 0))
                || std::iter::once(&e.name)
                    .chain(&e.aliases)
                    .any(|a| a.to_lowercase() == names[speaker])
        });
        if ok {
            sc.right_speakers += 1;
        } else {
            let (s, e) = span(g);
            log.push(format!(
                "wrong speaker: {:?} -> {:?} (gold {speaker})",
                &text[s..e.min(s + 60)],
                entity.map(|e| &e.name)
            ));
        }
    }
    sc
}

/// Runs both engines on an article file and scores them against its gold file.
fn run_gold(article_path: &str, gold_path: &str, log: &mut Vec<String>) -> Score {
    let text = read(article_path);
    let gold: Value = serde_json::from_str(&read(gold_path)).unwrap();
    let article = parse_plain(text.clone());
    let entities = entities_for(&article);
    let quotes = quotes::find(&article, &entities);
    score(&gold, &text, &quotes, &entities, log)
}

#[test]
fn sample_article_quotes_and_speakers() {
    let mut log = Vec::new();
    let sc = run_gold(
        "seed/articles/north-korea-summit.txt",
        "seed/gold/north-korea-summit.gold.json",
        &mut log,
    );
    println!(
        "sample: quotes F1 {:.3}, speakers {:.3} ({}/{}); {log:#?}",
        sc.f1(),
        sc.speakers(),
        sc.right_speakers,
        sc.graded
    );
    assert!(sc.f1() >= 0.90, "{sc:?} {log:#?}");
    assert!(sc.speakers() >= 0.75, "{sc:?} {log:#?}");
}

#[test]
fn sample_article_kinds() {
    let text = read("seed/articles/north-korea-summit.txt");
    let article = parse_plain(text.clone());
    let found = quotes::find(&article, &[]);
    let kind_of = |words: &str| {
        found
            .iter()
            .find(|q| text[q.start..q.end].starts_with(words))
            .map(|q| q.kind)
    };
    assert_eq!(
        kind_of("North Korea has announced"),
        Some(QuoteKind::Direct)
    );
    assert_eq!(kind_of("eyes open"), Some(QuoteKind::Partial));
    assert_eq!(kind_of("Libya model"), Some(QuoteKind::Partial));
    assert_eq!(kind_of("honorably"), Some(QuoteKind::Partial));
}

/// Every fixture article under `quotes/articles` against its gold file.
#[test]
fn fixture_articles_quotes_and_speakers() {
    let dir = fixture("quotes/articles");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    files.sort();
    assert!(files.len() >= 8, "fixtures missing: {files:?}");
    let mut total = Score::default();
    let mut log = Vec::new();
    for name in &files {
        let stem = name.trim_end_matches(".txt");
        let mut doc_log = Vec::new();
        let sc = run_gold(
            &format!("quotes/articles/{name}"),
            &format!("quotes/gold/{stem}.gold.json"),
            &mut doc_log,
        );
        log.extend(doc_log.into_iter().map(|l| format!("{stem}: {l}")));
        println!(
            "{stem}: quotes F1 {:.3}, speakers {:.3}; counts {} {} {} {} {} {}",
            sc.f1(),
            sc.speakers(),
            sc.right_predicted,
            sc.predicted,
            sc.found_gold,
            sc.gold,
            sc.right_speakers,
            sc.graded
        );
        total.add(sc);
    }
    println!(
        "fixtures: {} articles, {} quotes, quotes F1 {:.3}, speakers {:.3} ({}/{}); {log:#?}",
        files.len(),
        total.gold,
        total.f1(),
        total.speakers(),
        total.right_speakers,
        total.graded
    );
    assert!(total.f1() >= 0.92, "{total:?} {log:#?}");
    assert!(total.speakers() >= 0.80, "{total:?} {log:#?}");
}

#[test]
fn war_and_peace_dialogue_gets_its_speakers() {
    let text = read("quotes/war-and-peace-excerpt.txt");
    let article = parse_plain(text.clone());
    let entities = entities_for(&article);
    let found = quotes::find(&article, &entities);
    let speaker_of = |words: &str| -> Option<String> {
        let q = found
            .iter()
            .find(|q| text[q.start..q.end].starts_with(words))
            .unwrap_or_else(|| panic!("no quote starts with {words:?}"));
        q.speaker.map(|s| entities[s].name.clone())
    };
    let anna = Some("Anna Pávlovna Schérer".to_string());
    let prince = Some("Vasíli Kurágin".to_string());
    let expected = [
        ("Heavens! what a virulent attack!", &prince),
        ("First of all, dear friend", &prince),
        ("Can one be well while suffering morally?", &anna),
        ("You are\nstaying the whole evening", &anna),
        ("And the fete at the English", &prince),
        ("My daughter is\ncoming", &prince),
        ("If they had known that you wished it", &prince),
        ("What can one say about it?", &prince),
        ("What has been decided?", &prince),
        ("Oh, don’t speak to me of Austria.", &anna),
        ("I think,", &prince),
        ("that if you had been", &prince),
        ("In a moment. À propos,", &anna),
        ("I am\nexpecting two very interesting men", &anna),
        ("I shall be delighted to meet them,", &prince),
        ("But\ntell me,", &prince),
        ("is it true that the Dowager Empress", &prince),
        ("Baron Funke has been recommended", &anna),
        ("Now about your family.", &anna),
    ];
    let wrong: Vec<String> = expected
        .iter()
        .filter(|(w, s)| speaker_of(w) != **s)
        .map(|(w, s)| format!("{w:?}: got {:?}, want {s:?}", speaker_of(w)))
        .collect();
    assert!(wrong.is_empty(), "{wrong:#?}");
    // The inner `‘faithful slave,’` is a nested quote inside the first speech.
    let slave = found
        .iter()
        .find(|q| text[q.start..q.end].starts_with("faithful slave"))
        .unwrap();
    assert_eq!(slave.kind, QuoteKind::Scare);
    let first = found.first().unwrap();
    assert!(first.start < slave.start && slave.end < first.end);
}

#[test]
fn the_whole_book_is_read_without_trouble() {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/data/war-and-peace.txt"),
    )
    .unwrap();
    let article = parse_plain(text.clone());
    let found = quotes::find(&article, &[]);
    assert!(found.len() > 5000, "{}", found.len());
    check_invariants(&text, &found);
    // No quote runs past a few paragraphs.
    assert!(found.iter().all(|q| q.end - q.start < 20_000));
}

fn check_invariants(text: &str, quotes: &[Quote]) {
    let mut last_top_end = 0;
    let mut last_start = 0;
    for q in quotes {
        assert!(q.start < q.end && q.end <= text.len(), "{q:?}");
        assert!(text.is_char_boundary(q.start) && text.is_char_boundary(q.end));
        assert!(q.start >= last_start, "not sorted: {q:?}");
        last_start = q.start;
        if q.start >= last_top_end {
            last_top_end = q.end;
        } else {
            // Nested: wholly inside the current top-level quote.
            assert!(q.end <= last_top_end, "overlap: {q:?}");
        }
    }
}

fn marked_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("\"".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("‘".to_string()),
        Just("’".to_string()),
        Just("'".to_string()),
        Just("«".to_string()),
        Just("»".to_string()),
        Just("„".to_string()),
        Just("\n\n".to_string()),
        Just(" said ".to_string()),
        Just(", he said. ".to_string()),
        Just(" according to ".to_string()),
        Just(": ".to_string()),
        Just("Jane Doe".to_string()),
        "[a-zA-Z .,!?é]{0,12}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_text_with_quote_marks_never_panics(text in marked_text()) {
        let article = parse_plain(text.clone());
        let entities = entities_for(&article);
        let found = quotes::find(&article, &entities);
        check_invariants(&text, &found);
        for q in &found {
            prop_assert!(q.speaker.is_none_or(|s| s < entities.len()));
        }
    }

    #[test]
    fn any_string_never_panics(text in "\\PC{0,200}") {
        let article = parse_plain(text.clone());
        let found = quotes::find(&article, &[]);
        check_invariants(&text, &found);
    }
}
