//! Entity recognition and alias merging: who and what an article names.
//!
//! The pipeline, per block: [`tokenizer`] splits words, [`dates`] finds dates by shape,
//! [`recognizer`] builds name candidates from capitalisation and types them from the
//! [`gazetteer`] and context; then [`merge`] joins the candidates of the whole article into
//! entities with their aliases. Headlines (title, kicker, headings) are read with suspicion: every
//! word is capitalised there, so only names known from the gazetteer or from the body count.

pub mod dates;
pub mod gazetteer;
pub mod merge;
pub mod recognizer;
pub mod rules;

use super::doc::{for_each_lower_case_word, Doc, Shape};
use super::{Entity, EntityTrace};
use crate::article::{Article, BlockKind};
use rules::Switches;

/// A block written in capitals (`BREAKING NEWS: …`): capitals say nothing about names there.
fn shouting(doc: &Doc) -> bool {
    let words = doc.tokens().iter().filter(|t| t.is_word()).count();
    let upper = doc
        .tokens()
        .iter()
        .filter(|t| t.shape == Shape::Upper)
        .count();
    words >= 4 && upper * 2 > words
}

/// Finds the entities an article names, with their aliases merged. Entities are ordered by first
/// mention; each entity's mentions are sorted and no two mentions overlap.
pub fn recognize(article: &Article) -> Vec<Entity> {
    recognize_with_progress(article, &|_| {})
}

/// [`recognize`], calling `progress` with how many bytes of text have been read for names so
/// far (from 0 to the text's length).
pub fn recognize_with_progress(
    article: &Article,
    progress: &(dyn Fn(usize) + Sync),
) -> Vec<Entity> {
    recognize_traced(article, progress).0
}

/// [`recognize_with_progress`], with how each entity was built.
pub fn recognize_traced(
    article: &Article,
    progress: &(dyn Fn(usize) + Sync),
) -> (Vec<Entity>, Vec<EntityTrace>) {
    recognize_with(article, progress, Switches::ALL_ON)
}

/// Builds the gazetteer and asks how many threads there are, ahead of their first use (see
/// [`crate::analysis::warm_up`]).
pub(crate) fn warm_up() {
    gazetteer::Gazetteer::get();
    threads();
}

/// From this size of text on, the blocks are read for names on several threads.
const PARALLEL_BYTES: usize = 256 * 1024;

/// How many threads a long article is read on: the cores there are, at most 4. Asked once,
/// since the answer reads the cgroup files.
fn threads() -> usize {
    static THREADS: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *THREADS.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get().min(4)))
}

/// Cuts `blocks` into at most `parts` runs of about equal text.
fn split_runs(
    blocks: &[(BlockKind, usize, usize)],
    parts: usize,
) -> Vec<&[(BlockKind, usize, usize)]> {
    let total: usize = blocks.iter().map(|&(_, a, b)| b.saturating_sub(a)).sum();
    let share = total / parts.max(1) + 1;
    let mut runs = Vec::new();
    let (mut from, mut size) = (0, 0);
    for (i, &(_, a, b)) in blocks.iter().enumerate() {
        size += b.saturating_sub(a);
        if size >= share && runs.len() + 1 < parts {
            runs.push(&blocks[from..=i]);
            (from, size) = (i + 1, 0);
        }
    }
    runs.push(&blocks[from..]);
    runs
}

/// The candidates of an article: every block read for names with the rules `switches` lets
/// apply, and the words it writes in lower case. A long article is cut into runs of blocks read
/// on as many threads (the candidates are put back in document order); merging them is one
/// pass over all of them.
fn read_candidates(
    article: &Article,
    progress: &(dyn Fn(usize) + Sync),
    switches: Switches,
) -> (Vec<recognizer::Candidate>, recognizer::LowerWords) {
    let text = article.text();
    let whole = [(BlockKind::Body, 0, text.len())];
    let blocks: Vec<(BlockKind, usize, usize)> = if article.blocks.is_empty() {
        whole.to_vec()
    } else {
        article
            .blocks
            .iter()
            .map(|b| (b.kind, b.start, b.end))
            .collect()
    };
    let parts = if text.len() >= PARALLEL_BYTES {
        threads()
    } else {
        1
    };
    let runs = split_runs(&blocks, parts);
    // What the article writes in lower case anywhere tells common words from names, so a quick
    // first pass collects the lower-case words before the blocks are read for names.
    let lowers: Vec<recognizer::LowerWords> = on_threads(&runs, |run| {
        let mut lower = recognizer::LowerWords::default();
        for &(_, start, end) in run {
            for_each_lower_case_word(text, start, end, |_, hash| lower.add_hashed(hash));
        }
        lower
    });
    let mut lower = recognizer::LowerWords::default();
    for part in lowers {
        lower.extend(part);
    }
    // How far the reading has got, in bytes of text, whatever thread read them.
    let done = std::sync::atomic::AtomicUsize::new(0);
    let lower_ref = &lower;
    let parts: Vec<Vec<recognizer::Candidate>> = on_threads(&runs, |run| {
        read_run(text, run, lower_ref, switches, &|read| {
            let so_far = done.fetch_add(read, std::sync::atomic::Ordering::Relaxed) + read;
            progress(so_far);
        })
    });
    let mut candidates = Vec::with_capacity(parts.iter().map(Vec::len).sum());
    for mut part in parts {
        // An acronym points at the candidate it defines by its index in the whole list.
        let offset = candidates.len();
        for c in &mut part {
            c.defines = c
                .defines
                .and_then(|d| u32::try_from(d as usize + offset).ok());
        }
        candidates.append(&mut part);
    }
    (candidates, lower)
}

/// Runs `work` on each run of blocks, on a thread each when there are several; the results in
/// the order of the runs.
fn on_threads<'r, T: Send>(
    runs: &[&'r [(BlockKind, usize, usize)]],
    work: impl Fn(&'r [(BlockKind, usize, usize)]) -> T + Sync,
) -> Vec<T> {
    if runs.len() < 2 {
        return runs.iter().map(|&run| work(run)).collect();
    }
    let work = &work;
    std::thread::scope(|scope| {
        let handles: Vec<_> = runs
            .iter()
            .map(|&run| scope.spawn(move || work(run)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

/// Reads a run of blocks for names, calling `read` with the bytes of each block read.
fn read_run(
    text: &str,
    run: &[(BlockKind, usize, usize)],
    lower: &recognizer::LowerWords,
    switches: Switches,
    read: &dyn Fn(usize),
) -> Vec<recognizer::Candidate> {
    let gaz = gazetteer::Gazetteer::get();
    let mut candidates = Vec::new();
    // Tokens are kept for one block at a time (a book's would take more memory than its text).
    let mut doc = Doc::new(text);
    for &(kind, start, end) in run {
        doc.read(start, end);
        recognizer::split_run_ons(&mut doc, lower, switches);
        let headline = matches!(
            kind,
            BlockKind::Title | BlockKind::Kicker | BlockKind::Heading
        ) || shouting(&doc);
        recognizer::candidates_with(&doc, headline, gaz, lower, switches, &mut candidates);
        read(end.saturating_sub(start));
    }
    candidates
}

/// [`recognize_traced`] with only the rules `switches` lets apply.
pub fn recognize_with(
    article: &Article,
    progress: &(dyn Fn(usize) + Sync),
    switches: Switches,
) -> (Vec<Entity>, Vec<EntityTrace>) {
    let (candidates, lower) = read_candidates(article, progress, switches);
    merge::entities_traced(
        article.text(),
        &candidates,
        gazetteer::Gazetteer::get(),
        &lower,
        switches,
    )
}

#[cfg(test)]
mod tests {
    use super::rules::{Example, Expect, RuleId};
    use super::*;
    use crate::analysis::{EntityKind, Mention};
    use crate::article::parse_plain;
    use proptest::prelude::*;

    /// Whether the entities meet every mark of the example; else what they miss.
    fn meets(example: &Example, es: &[Entity]) -> Result<(), String> {
        let text = &example.text;
        for mark in &example.marks {
            let words = &text[mark.start..mark.end];
            let exact = |e: &&Entity| {
                e.mentions
                    .iter()
                    .any(|m| (m.start, m.end) == (mark.start, mark.end))
            };
            let holds = match &mark.expect {
                Expect::Kind(kind) => es.iter().filter(exact).any(|e| e.kind.as_str() == kind),
                Expect::Entity(name) => es.iter().filter(exact).any(|e| &e.name == name),
                Expect::Nothing => es
                    .iter()
                    .flat_map(|e| &e.mentions)
                    .all(|m| m.end <= mark.start || m.start >= mark.end),
            };
            if !holds {
                let found: Vec<String> = es
                    .iter()
                    .map(|e| {
                        let ms: Vec<&str> =
                            e.mentions.iter().map(|m| &text[m.start..m.end]).collect();
                        format!("{} {:?} {:?}", e.kind.as_str(), e.name, ms)
                    })
                    .collect();
                return Err(format!(
                    "[{words}] {:?} not met; found {found:?}",
                    mark.expect
                ));
            }
        }
        Ok(())
    }

    #[test]
    fn every_rule_does_what_its_examples_show_and_they_fail_without_it() {
        let mut failures = Vec::new();
        for &rule in RuleId::ALL {
            for markup in rule.examples() {
                let example = Example::parse(markup);
                let article = parse_plain(example.text.clone());
                let (es, traces) = recognize_with(&article, &|_| {}, Switches::ALL_ON);
                if let Err(e) = meets(&example, &es) {
                    failures.push(format!("{rule}: {markup}\n    {e}"));
                    continue;
                }
                let (without, _) = recognize_with(&article, &|_| {}, Switches::without(rule));
                if meets(&example, &without).is_ok() {
                    failures.push(format!("{rule}: {markup}\n    holds without the rule"));
                }
                // The rule shows in the trace of an entity the example marks, when it marks one.
                let marked = |i: usize| {
                    example.marks.iter().any(|m| {
                        m.expect != Expect::Nothing
                            && es[i]
                                .mentions
                                .iter()
                                .any(|x| (x.start, x.end) == (m.start, m.end))
                    })
                };
                let positive = example.marks.iter().any(|m| m.expect != Expect::Nothing);
                let traced = (0..es.len()).any(|i| marked(i) && traces[i].rules().contains(&rule));
                if positive && !traced {
                    failures.push(format!(
                        "{rule}: {markup}\n    not in the trace of a marked entity"
                    ));
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    fn entities(text: &str) -> Vec<Entity> {
        recognize(&parse_plain(text.to_string()))
    }

    fn find<'a>(es: &'a [Entity], name: &str) -> &'a Entity {
        es.iter()
            .find(|e| e.name == name)
            .unwrap_or_else(|| panic!("no {name} in {es:#?}"))
    }

    fn texts<'a>(text: &'a str, e: &Entity) -> Vec<&'a str> {
        e.mentions.iter().map(|m| &text[m.start..m.end]).collect()
    }

    #[test]
    fn a_known_place_after_a_capitalised_word_stays_a_place() {
        let text = "The men spoke of Holy Moscow and of Mother Moscow. Then Moscow burned.";
        let es = entities(text);
        assert!(es.iter().all(|e| e.kind != EntityKind::Person), "{es:#?}");
        let moscow = find(&es, "Moscow");
        assert_eq!(moscow.kind, EntityKind::Place);
        assert_eq!(texts(text, moscow), ["Moscow", "Moscow", "Moscow"]);
    }

    #[test]
    fn a_part_of_one_longer_person_name_joins_it() {
        let text = "Mary Ann Evans wrote it. Later Mary Ann said no, and Mary Ann agreed.";
        let es = entities(text);
        let mary = find(&es, "Mary Ann Evans");
        assert_eq!(
            texts(text, mary),
            ["Mary Ann Evans", "Mary Ann", "Mary Ann"]
        );
        // Held by two longer names: left apart.
        let text = "John Paul Jones met John Paul Smith. John Paul left.";
        let es = entities(text);
        assert!(es
            .iter()
            .all(|e| e.name != "John Paul Jones" || !texts(text, e).contains(&"John Paul")));
    }

    #[test]
    fn surname_and_titled_forms_merge_into_the_full_name() {
        let text = "Donald Trump met reporters on Monday. Later President Trump spoke, and Trump’s aides left.";
        let es = entities(text);
        let trump = find(&es, "Donald Trump");
        assert_eq!(trump.kind, EntityKind::Person);
        assert_eq!(texts(text, trump), ["Donald Trump", "Trump", "Trump"]);
        assert!(trump.aliases.contains(&"President Trump".to_string()));
    }

    #[test]
    fn given_name_alone_joins_the_full_name() {
        let text = "The report was written by Andy Laub for the group.\n\nAndy received his degree from New York University.";
        let es = entities(text);
        let andy = find(&es, "Andy Laub");
        assert_eq!(andy.mentions.len(), 2);
        assert_eq!(find(&es, "New York University").kind, EntityKind::Org);
    }

    #[test]
    fn acronym_defined_in_parentheses_and_used_later_is_one_entity() {
        let text = "Inspectors of the International Atomic Energy Agency (IAEA) arrived. The IAEA said little.";
        let es = entities(text);
        let iaea = find(&es, "International Atomic Energy Agency");
        assert_eq!(iaea.kind, EntityKind::Org);
        assert_eq!(iaea.mentions.len(), 3);
    }

    #[test]
    fn country_variants_are_one_place() {
        let text =
            "The U.S troops stayed while the US and the United States talked; the U.S. agreed.";
        let es = entities(text);
        let us = find(&es, "United States");
        assert_eq!(us.kind, EntityKind::Place);
        assert_eq!(us.mentions.len(), 4);
    }

    #[test]
    fn a_person_stays_a_person_in_bare_mentions() {
        let text =
            "The lawyer for Valeska Paris spoke. Paris said she was held on a ship near Paris.";
        let es = entities(text);
        let paris = find(&es, "Valeska Paris");
        assert_eq!(paris.kind, EntityKind::Person);
        assert_eq!(paris.mentions.len(), 3);
    }

    #[test]
    fn dates_merge_by_value_and_dateline_weekday() {
        let text = "A title line here\n\nMonday, May 18, 2015\n\nThe summit is on June 12 and ends June 12th, not in 1994.";
        let es = entities(text);
        let june = find(&es, "June 12th");
        assert_eq!(june.kind, EntityKind::Date);
        assert_eq!(june.mentions.len(), 2);
        let monday = es
            .iter()
            .find(|e| e.aliases.contains(&"Monday".to_string()))
            .unwrap();
        assert_eq!(monday.mentions.len(), 2);
    }

    #[test]
    fn headline_words_count_only_when_known() {
        let text = "North Korea Summit on the Rocks, Both Sides Will Need Concessions\n\nThe talks with North Korea stalled.";
        let es = entities(text);
        assert_eq!(es.len(), 1, "{es:#?}");
        assert_eq!(es[0].name, "North Korea");
        assert_eq!(es[0].mentions.len(), 2);
    }

    #[test]
    fn a_block_in_capitals_only_names_what_is_known() {
        let text = "A title here\n\nBREAKING NEWS FROM THE CAPITAL TODAY\n\nThe capital was quiet.";
        assert!(entities(text).is_empty());
    }

    #[test]
    fn entities_come_in_order_of_first_mention() {
        let text = "Officials in Japan and Iran met Mike Pompeo in Singapore.";
        let names: Vec<String> = entities(text).into_iter().map(|e| e.name).collect();
        assert_eq!(names, ["Japan", "Iran", "Mike Pompeo", "Singapore"]);
    }

    fn check_invariants(text: &str, es: &[Entity]) {
        let mut all: Vec<Mention> = Vec::new();
        for e in es {
            assert!(!e.mentions.is_empty());
            assert!(e.aliases.contains(&e.name) || !e.name.is_empty());
            for w in e.mentions.windows(2) {
                assert!(w[0].end <= w[1].start, "sorted, non-overlapping");
            }
            all.extend(&e.mentions);
        }
        all.sort();
        for w in all.windows(2) {
            assert!(w[0].end <= w[1].start, "no overlap across entities");
        }
        for m in &all {
            assert!(m.start < m.end && m.end <= text.len());
            assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
        }
        let firsts: Vec<usize> = es.iter().map(|e| e.mentions[0].start).collect();
        assert!(
            firsts.windows(2).all(|w| w[0] < w[1]),
            "ordered by first mention"
        );
    }

    proptest! {
        #[test]
        fn arbitrary_text_never_panics_and_mentions_are_sound(
            text in "(\\PC|[A-Z][a-z]{1,8}|[A-Z]\\.|[’'\"“”()\\-&.,:;!?]|\\s|19[0-9]{2}|May|June|Mr\\.|President| of | in | bin ){0,80}"
        ) {
            let es = entities(&text);
            check_invariants(&text, &es);
        }

        #[test]
        fn huge_tokens_and_odd_unicode_are_fine(
            word in "[A-Za-z\u{300}-\u{36f}\u{1F600}-\u{1F64F}’']{100,400}",
            other in "\\PC{0,50}"
        ) {
            let text = format!("{word} {other} {word}’s U.S.{word}");
            let es = entities(&text);
            check_invariants(&text, &es);
        }
    }
}
