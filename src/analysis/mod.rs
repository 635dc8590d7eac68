//! The analysis engine: who and what an article names, and who said what.
//!
//! A library with no terminal code: the reader is one client, `lede analyze` another.

pub mod doc;
pub mod entities;
pub mod explain;
pub mod json;
pub mod lexicon;
pub mod quotes;

use std::sync::atomic::{AtomicUsize, Ordering};

use serde::{Deserialize, Serialize};

use crate::article::Article;

/// The kind of an entity. `person`, `place`, `org` and `date` are graded by the evaluation;
/// the others are shown but not graded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    Person,
    Place,
    Org,
    Date,
    Group,
    Event,
    Work,
    Number,
    Money,
    Other,
}

impl EntityKind {
    /// The name used in the JSON schema.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Place => "place",
            EntityKind::Org => "org",
            EntityKind::Date => "date",
            EntityKind::Group => "group",
            EntityKind::Event => "event",
            EntityKind::Work => "work",
            EntityKind::Number => "number",
            EntityKind::Money => "money",
            EntityKind::Other => "other",
        }
    }

    /// Parses a schema name; unknown names become [`EntityKind::Other`].
    pub fn parse(name: &str) -> EntityKind {
        match name {
            "person" => EntityKind::Person,
            "place" => EntityKind::Place,
            "org" => EntityKind::Org,
            "date" => EntityKind::Date,
            "group" => EntityKind::Group,
            "event" => EntityKind::Event,
            "work" => EntityKind::Work,
            "number" => EntityKind::Number,
            "money" => EntityKind::Money,
            _ => EntityKind::Other,
        }
    }

    /// A plural heading for lists (`People`, `Places`, …).
    pub fn heading(self) -> &'static str {
        match self {
            EntityKind::Person => "People",
            EntityKind::Place => "Places",
            EntityKind::Org => "Organisations",
            EntityKind::Date => "Dates",
            EntityKind::Group => "Groups",
            EntityKind::Event => "Events",
            EntityKind::Work => "Works",
            EntityKind::Number => "Numbers",
            EntityKind::Money => "Money",
            EntityKind::Other => "Other",
        }
    }
}

/// One occurrence of an entity: a byte range into the article text (no title, no possessive).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
}

/// An entity with every alias merged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    pub kind: EntityKind,
    /// The fullest form seen (`Donald Trump`).
    pub name: String,
    /// Every distinct surface form, the name included.
    pub aliases: Vec<String>,
    /// Every mention, in document order, non-overlapping.
    pub mentions: Vec<Mention>,
}

/// How an entity was built: for each alias, the rules that recognised its mentions and merged
/// them into the entity (see [`entities::rules`]), and how many mentions they made.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EntityTrace {
    /// By alias and rules, the most mentions first.
    pub aliases: Vec<AliasTrace>,
}

/// Mentions of one alias that the same rules made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AliasTrace {
    pub alias: String,
    pub mentions: usize,
    /// The rules, in the order they apply: recognition first, then merging.
    pub rules: Vec<entities::rules::RuleId>,
}

impl EntityTrace {
    /// Every rule that built the entity, once, in the order rules apply.
    pub fn rules(&self) -> Vec<entities::rules::RuleId> {
        let mut rules: Vec<entities::rules::RuleId> = self
            .aliases
            .iter()
            .flat_map(|a| a.rules.iter().copied())
            .collect();
        rules.sort_unstable();
        rules.dedup();
        rules
    }

    /// The trace of an entity that no entity rule built: a person only the quotations name (a
    /// narrator who says `I said`, `said the King`), each alias with no rules.
    pub fn added(entity: &Entity) -> EntityTrace {
        EntityTrace {
            aliases: entity
                .aliases
                .iter()
                .map(|alias| AliasTrace {
                    alias: alias.clone(),
                    mentions: 0,
                    rules: Vec::new(),
                })
                .collect(),
        }
    }
}

/// What kind of quotation a quote is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// A full quotation.
    Direct,
    /// A quoted fragment inside the writer's own sentence.
    Partial,
    /// A term or title set apart, with no speaker.
    Scare,
}

impl QuoteKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
            QuoteKind::Scare => "scare",
        }
    }
}

/// A quotation: the quoted words (without the marks) and who said them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    pub kind: QuoteKind,
    pub start: usize,
    pub end: usize,
    /// Index into [`Analysis::entities`].
    pub speaker: Option<usize>,
    /// The words naming an unnamed speaker (`a senior official`), when there is no entity.
    pub speaker_text: Option<String>,
    /// The reporting word (`said`, `tweet`, `according to`).
    pub cue: Option<String>,
    /// The rule that named the speaker and what it read (`None` for quotes read from JSON).
    pub trace: Option<Box<quotes::Trace>>,
}

/// The analysis of one article. Entities are ordered by first mention; entity `i` has the id
/// `e{i+1}` in JSON.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Analysis {
    pub entities: Vec<Entity>,
    pub quotes: Vec<Quote>,
    /// How each entity was built, by the same index as `entities` (empty when the analysis was
    /// read from a file rather than made).
    pub entity_traces: Vec<EntityTrace>,
}

impl Analysis {
    /// The JSON id of entity `index`.
    pub fn entity_id(index: usize) -> String {
        format!("e{}", index + 1)
    }

    /// How entity `index` was built: its aliases with the rules that recognised and merged
    /// their mentions (`lede analyze --explain` prints it). Empty when not known.
    pub fn entity_trace(&self, index: usize) -> &[AliasTrace] {
        self.entity_traces
            .get(index)
            .map_or(&[], |t| t.aliases.as_slice())
    }

    /// Every rule that built entity `index`, once each, in the order rules apply.
    pub fn entity_rules(&self, index: usize) -> Vec<entities::rules::RuleId> {
        self.entity_traces
            .get(index)
            .map(EntityTrace::rules)
            .unwrap_or_default()
    }
}

/// Builds the word lists the analysis reads (the boilerplate patterns of the paragraph split,
/// the lexicons, the gazetteer) on a thread of its own, so that they are ready when needed: a
/// caller starts it before reading the file, and the lists are built while the text is read. Building
/// them is a few milliseconds; whoever needs a list first waits for it, never builds it twice.
pub fn warm_up() {
    // A thread that cannot be started only means the lists are built when first needed.
    let _ = std::thread::Builder::new()
        .name("warm-up".into())
        .spawn(|| {
            // In the order they are needed: the paragraph split first.
            crate::article::warm_up();
            lexicon::Lexicon::get();
            entities::warm_up();
            quotes::warm_up();
        });
}

/// Analyses an article: entities first, then quotes and their speakers.
pub fn analyze(article: &Article) -> Analysis {
    analyze_with_progress(article, &AtomicUsize::new(0))
}

/// How far [`analyze_with_progress`] has got, in thousandths, at most this.
pub const PROGRESS_DONE: usize = 1000;

/// [`analyze`], storing in `progress` how far it has got (0 to [`PROGRESS_DONE`]), for a
/// reader that shows it while the analysis runs in the background. Reading the blocks for
/// names is most of the work; merging and the quotes take the rest.
pub fn analyze_with_progress(article: &Article, progress: &AtomicUsize) -> Analysis {
    let len = article.text().len().max(1);
    let read = |end: usize| progress.store(end.min(len) * 700 / len, Ordering::Relaxed);
    let (mut entities, mut entity_traces, (quotes, added)) = if len < OVERLAP_BYTES {
        let (entities, traces) = entities::recognize_traced(article, &read);
        progress.store(850, Ordering::Relaxed);
        let found = quotes::find_with_narrator(article, &entities);
        (entities, traces, found)
    } else {
        // As in `analyze_then_quotes`: the quote marks and tokens are read meanwhile.
        std::thread::scope(|scope| {
            let early = quotes::Early::start(scope, article);
            let (entities, traces) = entities::recognize_traced(article, &read);
            progress.store(850, Ordering::Relaxed);
            let found = early.finish(article, &entities);
            (entities, traces, found)
        })
    };
    // People only the quotations know (an unnamed narrator, `the King`) join the analysis,
    // each with a trace of its own so that the traces stay aligned with the entities.
    entity_traces.extend(added.iter().map(EntityTrace::added));
    entities.extend(added);
    progress.store(PROGRESS_DONE, Ordering::Relaxed);
    Analysis {
        entities,
        quotes,
        entity_traces,
    }
}

/// From this size of text on, [`analyze_then_quotes`] finds the quotes on a second thread.
const OVERLAP_BYTES: usize = 256 * 1024;

/// The quotes, and the people only the quotations name, who follow the entities (their
/// indices go on from the entities').
pub type QuotesAndAdded = (Vec<Quote>, Vec<Entity>);

/// [`analyze`] for a caller that has work to do with the entities alone (writing them out):
/// `then` gets the entities and a function that waits for the quotes and the people they add,
/// which a long article has found on a second thread meanwhile. Returns what `then` returns.
pub fn analyze_then_quotes<T>(
    article: &Article,
    then: impl FnOnce(&[Entity], Box<dyn FnOnce() -> QuotesAndAdded + '_>) -> T,
) -> T {
    if article.text().len() < OVERLAP_BYTES {
        let (entities, _) = entities::recognize_traced(article, &|_| {});
        return then(
            &entities,
            Box::new(|| quotes::find_with_narrator(article, &entities)),
        );
    }
    let found = std::sync::OnceLock::new();
    std::thread::scope(|scope| {
        // The quote marks and the tokens around quotations need no entities: they are read
        // on a thread of their own meanwhile.
        let early = quotes::Early::start(scope, article);
        let entities: &[Entity] =
            found.get_or_init(|| entities::recognize_traced(article, &|_| {}).0);
        let quotes = scope.spawn(move || early.finish(article, entities));
        then(
            entities,
            Box::new(move || {
                quotes
                    .join()
                    .unwrap_or_else(|e| std::panic::resume_unwind(e))
            }),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::parse_plain;

    #[test]
    fn progress_rises_to_done_and_the_result_is_the_same() {
        let article = parse_plain(include_str!("../../assets/north-korea-summit.txt").to_string());
        let progress = AtomicUsize::new(0);
        let with = analyze_with_progress(&article, &progress);
        assert_eq!(progress.load(Ordering::Relaxed), PROGRESS_DONE);
        let without = analyze(&article);
        assert_eq!(with.entities.len(), without.entities.len());
        assert_eq!(with.quotes.len(), without.quotes.len());
    }

    #[test]
    fn quotes_read_on_a_thread_of_their_own_are_the_same() {
        let sample = include_str!("../../assets/north-korea-summit.txt");
        // Long enough for the marks and tokens to be read meanwhile, in more batches than are
        // held ahead (over 1,024 paragraphs with quotations).
        let article = parse_plain(sample.repeat(300));
        let analysis = analyze(&article);
        let (serial, _) = quotes::find_with_narrator(&article, &entities::recognize(&article));
        assert!(serial.len() > 1500, "{}", serial.len());
        assert_eq!(analysis.quotes, serial);
    }
}
