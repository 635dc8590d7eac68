//! Scores the analysis on copies of the evaluation sets (the sample article's hand-made gold, and
//! 18 Wikinews articles from GUM) and fails below the bounds the engine promises.

#[path = "support/score.rs"]
mod score;

use std::path::{Path, PathBuf};

use lede::analysis::{analyze, json};
use lede::article::load_path;
use score::{Counts, Summary};

fn fixtures(set: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(set)
}

/// Analyses every article of a set and scores it against its gold, micro-averaged.
fn score_set(set: &str) -> (Summary, Counts) {
    let dir = fixtures(set);
    let mut golds: Vec<PathBuf> = std::fs::read_dir(dir.join("gold"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
        .collect();
    golds.sort();
    assert!(!golds.is_empty(), "no gold files in {set}");
    let mut total = Counts::default();
    for gold_path in golds {
        let gold: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&gold_path).unwrap()).unwrap();
        let source = gold["source"].as_str().unwrap();
        let loaded = load_path(&dir.join("articles").join(source)).unwrap();
        let analysis = analyze(&loaded.article);
        let pred: serde_json::Value =
            serde_json::from_str(&json::to_string(&loaded.article, &analysis, source, false))
                .unwrap();
        total.add(&score::counts(&gold, &pred));
    }
    (total.summary(), total)
}

#[test]
fn seed_article_meets_the_entity_bounds() {
    let (s, _) = score_set("seed");
    println!("seed: {s}");
    assert!(s.ner >= 0.999, "seed ner {s}");
    assert!(s.merge >= 0.999, "seed merge {s}");
}

#[test]
fn gum_dev_meets_the_entity_bounds() {
    let (s, c) = score_set("gum-dev");
    println!("gum-dev: {s}");
    println!("{} misses and false positives", c.errors.len());
    assert!(s.ner >= 0.86, "gum-dev ner {s}");
    assert!(s.merge >= 0.95, "gum-dev merge {s}");
}

#[test]
fn scorer_counts_overlaps_optional_spans_and_merges() {
    let gold = serde_json::json!({
        "source": "x.txt",
        "entities": [{"id": "a", "kind": "person", "name": "Ann Lee"}],
        "mentions": [
            {"entity": "a", "kind": "person", "start": 0, "end": 7},
            {"entity": "a", "kind": "person", "start": 20, "end": 23}
        ],
        "optional": [{"start": 30, "end": 35}]
    });
    let pred = serde_json::json!({
        "entities": [
            {"id": "e1", "kind": "person", "name": "Ann Lee", "aliases": ["Ann Lee", "Lee"],
             "mentions": [{"start": 0, "end": 7}, {"start": 20, "end": 23}]},
            {"id": "e2", "kind": "org", "name": "X", "mentions": [{"start": 31, "end": 33}]},
            {"id": "e3", "kind": "place", "name": "Y", "mentions": [{"start": 40, "end": 43}]}
        ]
    });
    let c = score::counts(&gold, &pred);
    // The org inside an optional span is not counted; the place is a false positive.
    assert_eq!((c.ner.tp_p, c.ner.n_p, c.ner.tp_g, c.ner.n_g), (2, 3, 2, 2));
    assert_eq!((c.merge.tp_p, c.merge.n_p), (1, 1));
    let s = c.summary();
    assert!((s.ner - 0.8).abs() < 1e-9);
    assert_eq!(s.quotes, 1.0);
}
