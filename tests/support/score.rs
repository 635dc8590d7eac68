//! A faithful port of the evaluation scorer (`score.py` of the evaluation data): entity mention
//! F1 with overlap matching (`ner`) and exact spans (`ner_strict`), pairwise alias-merging F1
//! (`merge`), quote detection F1 (`quotes`) and speaker accuracy (`speakers`).
//!
//! Kinds graded: person, place, org, date. Predicted mentions that touch only an `optional` gold
//! span, and predicted quotes that touch only an `optional_quotes` span, are not counted. Counts
//! are kept raw so that several documents can be micro-averaged with [`Counts::add`].

#![allow(dead_code)]

use serde_json::Value;

/// The graded entity kinds.
pub const KINDS: [&str; 4] = ["person", "place", "org", "date"];

/// Raw counts for an F1: true positives among predictions, predictions, gold items found, gold
/// items.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Prf {
    pub tp_p: usize,
    pub n_p: usize,
    pub tp_g: usize,
    pub n_g: usize,
}

impl Prf {
    fn add(&mut self, o: Prf) {
        self.tp_p += o.tp_p;
        self.n_p += o.n_p;
        self.tp_g += o.tp_g;
        self.n_g += o.n_g;
    }

    /// (F1, precision, recall); an empty side counts as perfect, as in the Python scorer.
    pub fn f1(self) -> (f64, f64, f64) {
        let p = if self.n_p > 0 {
            self.tp_p as f64 / self.n_p as f64
        } else {
            1.0
        };
        let r = if self.n_g > 0 {
            self.tp_g as f64 / self.n_g as f64
        } else {
            1.0
        };
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        (f, p, r)
    }
}

/// Counts for one or more documents.
#[derive(Debug, Default, Clone)]
pub struct Counts {
    pub ner: Prf,
    pub ner_strict: Prf,
    pub merge: Prf,
    pub quotes: Prf,
    /// (right, graded)
    pub speakers: (usize, usize),
    /// Misses and false positives, for messages: (what, kind, start, end).
    pub errors: Vec<(String, String, usize, usize)>,
}

impl Counts {
    pub fn add(&mut self, o: &Counts) {
        self.ner.add(o.ner);
        self.ner_strict.add(o.ner_strict);
        self.merge.add(o.merge);
        self.quotes.add(o.quotes);
        self.speakers.0 += o.speakers.0;
        self.speakers.1 += o.speakers.1;
        self.errors.extend(o.errors.iter().cloned());
    }

    pub fn summary(&self) -> Summary {
        Summary {
            ner: self.ner.f1().0,
            ner_strict: self.ner_strict.f1().0,
            merge: self.merge.f1().0,
            quotes: self.quotes.f1().0,
            speakers: if self.speakers.1 > 0 {
                self.speakers.0 as f64 / self.speakers.1 as f64
            } else {
                1.0
            },
        }
    }
}

/// The five metrics.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Summary {
    pub ner: f64,
    pub ner_strict: f64,
    pub merge: f64,
    pub quotes: f64,
    pub speakers: f64,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "ner={:.3} ner_strict={:.3} merge={:.3} quotes={:.3} speakers={:.3}",
            self.ner, self.ner_strict, self.merge, self.quotes, self.speakers
        )
    }
}

type Span = (i64, i64);

fn overlap(a: Span, b: Span) -> i64 {
    a.1.min(b.1) - a.0.max(b.0)
}

fn num(v: &Value, key: &str) -> i64 {
    v.get(key).and_then(Value::as_i64).unwrap_or(0)
}

fn span(v: &Value) -> Span {
    (num(v, "start"), num(v, "end"))
}

fn string<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str)
}

fn list<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    v.get(key)
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[])
}

struct PredMention {
    entity: String,
    kind: String,
    span: Span,
}

struct GoldMention {
    entity: String,
    kind: String,
    span: Span,
}

/// Counts for one document: `gold` in the gold format, `pred` in the `lede.analysis/1` format.
pub fn counts(gold: &Value, pred: &Value) -> Counts {
    let gm: Vec<GoldMention> = list(gold, "mentions")
        .iter()
        .map(|m| GoldMention {
            entity: string(m, "entity").unwrap_or("").to_string(),
            kind: string(m, "kind").unwrap_or("").to_string(),
            span: span(m),
        })
        .collect();
    let opt: Vec<Span> = list(gold, "optional").iter().map(span).collect();
    let entities = list(pred, "entities");
    let pm: Vec<PredMention> = entities
        .iter()
        .flat_map(|e| {
            let id = string(e, "id").unwrap_or("").to_string();
            let kind = string(e, "kind").unwrap_or("").to_string();
            list(e, "mentions").iter().map(move |m| PredMention {
                entity: id.clone(),
                kind: kind.clone(),
                span: span(m),
            })
        })
        .filter(|p| KINDS.contains(&p.kind.as_str()))
        .collect();

    let hit = |p: &PredMention, g: &GoldMention, strict: bool| {
        p.kind == g.kind
            && if strict {
                p.span == g.span
            } else {
                overlap(p.span, g.span) > 0
            }
    };
    let mut c = Counts::default();
    let counted: Vec<&PredMention> = pm
        .iter()
        .filter(|p| {
            gm.iter().any(|g| overlap(p.span, g.span) > 0)
                || !opt.iter().any(|&o| overlap(p.span, o) > 0)
        })
        .collect();
    for strict in [false, true] {
        let prf = Prf {
            tp_p: counted
                .iter()
                .filter(|p| gm.iter().any(|g| hit(p, g, strict)))
                .count(),
            n_p: counted.len(),
            tp_g: gm
                .iter()
                .filter(|g| pm.iter().any(|p| hit(p, g, strict)))
                .count(),
            n_g: gm.len(),
        };
        if strict {
            c.ner_strict = prf;
        } else {
            c.ner = prf;
        }
    }
    for p in &counted {
        if !gm.iter().any(|g| hit(p, g, false)) {
            c.errors.push((
                "false".into(),
                p.kind.clone(),
                p.span.0 as usize,
                p.span.1 as usize,
            ));
        }
    }
    for g in &gm {
        if !pm.iter().any(|p| hit(p, g, false)) {
            c.errors.push((
                "missed".into(),
                g.kind.clone(),
                g.span.0 as usize,
                g.span.1 as usize,
            ));
        }
    }

    // Merge: pairs of matched gold mentions, same entity in gold vs in the prediction.
    let link: Vec<(usize, &str)> = gm
        .iter()
        .enumerate()
        .filter_map(|(i, g)| {
            pm.iter()
                .find(|p| hit(p, g, false))
                .map(|p| (i, p.entity.as_str()))
        })
        .collect();
    let (mut same_g, mut same_p, mut both) = (0, 0, 0);
    for a in 0..link.len() {
        for b in a + 1..link.len() {
            let (i, pi) = link[a];
            let (j, pj) = link[b];
            let sg = gm[i].entity == gm[j].entity;
            let sp = pi == pj;
            same_g += usize::from(sg);
            same_p += usize::from(sp);
            both += usize::from(sg && sp);
        }
    }
    c.merge = Prf {
        tp_p: both,
        n_p: same_p,
        tp_g: both,
        n_g: same_g,
    };

    let Some(gold_quotes) = gold.get("quotes").and_then(Value::as_array) else {
        // A set annotated for entities only.
        return c;
    };
    let oq: Vec<Span> = list(gold, "optional_quotes").iter().map(span).collect();
    let pq: Vec<&Value> = list(pred, "quotes")
        .iter()
        .filter(|p| {
            gold_quotes.iter().any(|g| overlap(span(p), span(g)) > 0)
                || !oq.iter().any(|&o| overlap(span(p), o) > 0)
        })
        .collect();
    let covers =
        |p: &Value, g: &Value| overlap(span(p), span(g)) * 2 >= num(g, "end") - num(g, "start");
    c.quotes = Prf {
        tp_p: pq
            .iter()
            .filter(|p| gold_quotes.iter().any(|g| covers(p, g)))
            .count(),
        n_p: pq.len(),
        tp_g: gold_quotes
            .iter()
            .filter(|g| pq.iter().any(|p| covers(p, g)))
            .count(),
        n_g: gold_quotes.len(),
    };
    for p in &pq {
        if !gold_quotes.iter().any(|g| covers(p, g)) {
            let (s, e) = span(p);
            c.errors
                .push(("false quote".into(), String::new(), s as usize, e as usize));
        }
    }
    for g in gold_quotes {
        if !pq.iter().any(|p| covers(p, g)) {
            let (s, e) = span(g);
            c.errors
                .push(("missed quote".into(), String::new(), s as usize, e as usize));
        }
    }

    let gold_name = |id: &str| {
        list(gold, "entities")
            .iter()
            .find(|e| string(e, "id") == Some(id))
            .and_then(|e| string(e, "name"))
            .unwrap_or("")
            .to_lowercase()
    };
    let graded: Vec<&Value> = gold_quotes
        .iter()
        .filter(|g| {
            g.get("speaker")
                .is_some_and(|s| s.as_str().is_some_and(|s| !s.is_empty()))
        })
        .collect();
    let mut right = 0;
    for g in &graded {
        let speaker = string(g, "speaker").unwrap_or("");
        let said = pq.iter().find(|p| covers(p, g));
        let ent = said
            .and_then(|p| string(p, "speaker"))
            .filter(|s| !s.is_empty())
            .and_then(|id| entities.iter().find(|e| string(e, "id") == Some(id)));
        let gold_spans: Vec<Span> = gm
            .iter()
            .filter(|m| m.entity == speaker)
            .map(|m| m.span)
            .collect();
        let ok = ent.is_some_and(|e| {
            let by_span = list(e, "mentions")
                .iter()
                .any(|m| gold_spans.iter().any(|&t| overlap(span(m), t) > 0));
            let wanted = gold_name(speaker);
            let by_name = string(e, "name").unwrap_or("").to_lowercase() == wanted
                || list(e, "aliases")
                    .iter()
                    .filter_map(Value::as_str)
                    .any(|a| a.to_lowercase() == wanted);
            by_span || by_name
        });
        right += usize::from(ok);
        if !ok {
            let (s, e) = span(g);
            c.errors.push((
                "wrong speaker".into(),
                String::new(),
                s as usize,
                e as usize,
            ));
        }
    }
    c.speakers = (right, graded.len());
    c
}
