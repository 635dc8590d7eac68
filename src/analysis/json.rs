//! The `lede.analysis/1` JSON schema (see `docs/analysis-json.md`): what
//! `lede analyze --json` prints, and what lede reads back when it opens such a file.

use std::cell::RefCell;

use serde::ser::{SerializeSeq, SerializeStruct};
use serde::{Deserialize, Serialize, Serializer};

use super::{Analysis, Entity, EntityKind, Quote, QuoteKind};
use crate::article::{Article, Block, Meta};

/// The schema name and version.
pub const SCHEMA: &str = "lede.analysis/1";

#[derive(Debug, Serialize, Deserialize)]
pub struct Document {
    pub schema: String,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub meta: Meta,
    /// The article text; present whenever it differs from the input's bytes (extracted from
    /// markup, or decoded from another encoding or from invalid UTF-8), since the offsets
    /// then index it rather than the file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    #[serde(default)]
    pub blocks: Vec<JsonBlock>,
    #[serde(default)]
    pub entities: Vec<JsonEntity>,
    #[serde(default)]
    pub quotes: Vec<JsonQuote>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct JsonBlock {
    pub kind: String,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct JsonEntity {
    pub id: String,
    pub kind: String,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub mentions: Vec<JsonMention>,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct JsonMention {
    pub start: usize,
    pub end: usize,
    #[serde(default)]
    pub text: String,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct JsonQuote {
    pub id: String,
    pub kind: String,
    pub start: usize,
    pub end: usize,
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub speaker: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker_text: Option<String>,
    #[serde(default)]
    pub cue: Option<String>,
    /// The attribution rule that named the speaker (`explicit_cue_after`); see `lede analyze
    /// --explain`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<String>,
}

/// Writes the analysis of an article as pretty JSON to `out`, without building it in memory
/// first: a book's JSON is larger than the book (every mention with its text), so it streams
/// out as it is made. `include_text` adds the text itself, for inputs whose text is not their
/// bytes (Markdown, HTML, EPUB, JSON, decoded text).
pub fn write(
    out: &mut impl std::io::Write,
    article: &Article,
    analysis: &Analysis,
    source: &str,
    include_text: bool,
) -> std::io::Result<()> {
    write_view(
        out,
        &View {
            article,
            entities: &analysis.entities,
            quotes: QuoteSource::Ready(&analysis.quotes),
            source,
            include_text,
        },
    )
}

/// [`write`] for an analysis whose quotes are still being found: the blocks and entities are
/// written first, then `quotes` is called for the quotes and the people only they name (who
/// close the entities), so the writing and the search for quotes can overlap. The text is the
/// same as [`write`]'s.
pub fn write_then_quotes<'a>(
    out: &mut impl std::io::Write,
    article: &'a Article,
    entities: &'a [Entity],
    source: &'a str,
    include_text: bool,
    quotes: impl FnOnce() -> super::QuotesAndAdded + 'a,
) -> std::io::Result<()> {
    write_view(
        out,
        &View {
            article,
            entities,
            quotes: QuoteSource::Later(RefCell::new(Later {
                find: Some(Box::new(quotes)),
                found: (Vec::new(), Vec::new()),
            })),
            source,
            include_text,
        },
    )
}

fn write_view(out: &mut impl std::io::Write, view: &View<'_>) -> std::io::Result<()> {
    let mut json = serde_json::Serializer::with_formatter(&mut *out, Pretty::default());
    view.serialize(&mut json).map_err(std::io::Error::from)?;
    out.write_all(b"\n")
}

/// serde_json's pretty layout (`to_writer_pretty`: two spaces a level), with each line break
/// and its indentation written at once where serde_json writes the spaces level by level: the
/// same bytes in a fraction of the writes (a book's JSON has a line for every mention).
#[derive(Default)]
struct Pretty {
    level: usize,
    has_value: bool,
}

/// How many levels of indentation [`LINE_BREAK`] holds; deeper ones are written a level at a
/// time.
const INDENT_LEVELS: usize = 32;

/// A comma, a line break and the indentation of the deepest level, to write a prefix of.
static LINE_BREAK: [u8; 2 + 2 * INDENT_LEVELS] = {
    let mut bytes = [b' '; 2 + 2 * INDENT_LEVELS];
    bytes[0] = b',';
    bytes[1] = b'\n';
    bytes
};

impl Pretty {
    /// Opens an array or an object with `bracket`.
    fn open<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        bracket: &[u8],
    ) -> std::io::Result<()> {
        self.level += 1;
        self.has_value = false;
        w.write_all(bracket)
    }

    /// Closes an array or an object with `bracket`, on a line of its own when it holds values.
    fn close<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        bracket: &[u8],
    ) -> std::io::Result<()> {
        self.level -= 1;
        if self.has_value {
            self.line(w, false)?;
        }
        w.write_all(bracket)
    }

    /// A line break at the current level, after a comma when `comma`.
    fn line<W: ?Sized + std::io::Write>(&self, w: &mut W, comma: bool) -> std::io::Result<()> {
        let from = usize::from(!comma);
        match LINE_BREAK.get(from..2 + 2 * self.level) {
            Some(bytes) => w.write_all(bytes),
            None => {
                w.write_all(&LINE_BREAK[from..2])?;
                (0..self.level).try_for_each(|_| w.write_all(b"  "))
            }
        }
    }
}

impl serde_json::ser::Formatter for Pretty {
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open(w, b"[")
    }

    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"]")
    }

    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.line(w, !first)
    }

    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open(w, b"{")
    }

    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"}")
    }

    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.line(w, !first)
    }

    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

/// The quotes of a [`View`]: found already, or to be waited for when their turn comes.
enum QuoteSource<'a> {
    Ready(&'a [Quote]),
    Later(RefCell<Later<'a>>),
}

/// Quotes still being found, and once found, they and the people they add.
struct Later<'a> {
    find: Option<Box<dyn FnOnce() -> super::QuotesAndAdded + 'a>>,
    found: super::QuotesAndAdded,
}

impl Later<'_> {
    /// Waits for the quotes, once.
    fn wait(&mut self) {
        if let Some(find) = self.find.take() {
            self.found = find();
        }
    }
}

/// The document as [`write`] serialises it, borrowed from the article and the analysis: field
/// for field what [`Document`] reads back.
struct View<'a> {
    article: &'a Article,
    entities: &'a [Entity],
    quotes: QuoteSource<'a>,
    source: &'a str,
    include_text: bool,
}

impl Serialize for View<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let text = self.article.text();
        let mut doc = s.serialize_struct("Document", 7)?;
        doc.serialize_field("schema", SCHEMA)?;
        doc.serialize_field("source", &Some(self.source))?;
        doc.serialize_field("meta", &self.article.meta)?;
        if self.include_text {
            doc.serialize_field("text", text)?;
        } else {
            doc.skip_field("text")?;
        }
        doc.serialize_field("blocks", &Blocks(&self.article.blocks))?;
        match &self.quotes {
            QuoteSource::Ready(quotes) => {
                doc.serialize_field("entities", &Entities(self.entities, None, text))?;
                doc.serialize_field("quotes", &Quotes(quotes, text))?;
            }
            QuoteSource::Later(later) => {
                doc.serialize_field("entities", &Entities(self.entities, Some(later), text))?;
                later.borrow_mut().wait();
                doc.serialize_field("quotes", &Quotes(&later.borrow().found.0, text))?;
            }
        }
        doc.end()
    }
}

/// The blocks, entities and quotes as sequences of views of their elements.
struct Blocks<'a>(&'a [Block]);
/// The entities, then (once the quotes are found) the people only the quotations name.
struct Entities<'a, 'f>(&'a [Entity], Option<&'a RefCell<Later<'f>>>, &'a str);
struct Quotes<'a>(&'a [Quote], &'a str);
struct Mentions<'a>(&'a [super::Mention], &'a str);

impl Serialize for Blocks<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for b in self.0 {
            seq.serialize_element(&BlockView(b))?;
        }
        seq.end()
    }
}

impl Serialize for Entities<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(None)?;
        for (index, entity) in self.0.iter().enumerate() {
            seq.serialize_element(&EntityView {
                index,
                entity,
                text: self.2,
            })?;
        }
        if let Some(later) = self.1 {
            later.borrow_mut().wait();
            let later = later.borrow();
            for (k, entity) in later.found.1.iter().enumerate() {
                seq.serialize_element(&EntityView {
                    index: self.0.len() + k,
                    entity,
                    text: self.2,
                })?;
            }
        }
        seq.end()
    }
}

impl Serialize for Quotes<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for (index, quote) in self.0.iter().enumerate() {
            seq.serialize_element(&QuoteView {
                index,
                quote,
                text: self.1,
            })?;
        }
        seq.end()
    }
}

impl Serialize for Mentions<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for m in self.0 {
            seq.serialize_element(&MentionView {
                start: m.start,
                end: m.end,
                text: self.1.get(m.start..m.end).unwrap_or(""),
            })?;
        }
        seq.end()
    }
}

/// An id, a letter and a number (`e12` as [`Analysis::entity_id`] writes it, `q3`), written
/// without a string made for it: a book has tens of thousands.
struct Id(u8, usize);

impl Serialize for Id {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut buf = [0u8; 24];
        let mut at = buf.len();
        let mut n = self.1;
        loop {
            at -= 1;
            buf[at] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        at -= 1;
        buf[at] = self.0;
        s.serialize_str(std::str::from_utf8(&buf[at..]).unwrap_or(""))
    }
}

struct BlockView<'a>(&'a Block);

impl Serialize for BlockView<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut b = s.serialize_struct("JsonBlock", 3)?;
        b.serialize_field("kind", self.0.kind.as_str())?;
        b.serialize_field("start", &self.0.start)?;
        b.serialize_field("end", &self.0.end)?;
        b.end()
    }
}

struct EntityView<'a> {
    index: usize,
    entity: &'a Entity,
    text: &'a str,
}

impl Serialize for EntityView<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let e = self.entity;
        let mut v = s.serialize_struct("JsonEntity", 5)?;
        v.serialize_field("id", &Id(b'e', self.index + 1))?;
        v.serialize_field("kind", e.kind.as_str())?;
        v.serialize_field("name", &e.name)?;
        v.serialize_field("aliases", &e.aliases)?;
        v.serialize_field("mentions", &Mentions(&e.mentions, self.text))?;
        v.end()
    }
}

struct MentionView<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

impl Serialize for MentionView<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_struct("JsonMention", 3)?;
        m.serialize_field("start", &self.start)?;
        m.serialize_field("end", &self.end)?;
        m.serialize_field("text", self.text)?;
        m.end()
    }
}

struct QuoteView<'a> {
    index: usize,
    quote: &'a Quote,
    text: &'a str,
}

impl Serialize for QuoteView<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let q = self.quote;
        let mut v = s.serialize_struct("JsonQuote", 9)?;
        v.serialize_field("id", &Id(b'q', self.index + 1))?;
        v.serialize_field("kind", q.kind.as_str())?;
        v.serialize_field("start", &q.start)?;
        v.serialize_field("end", &q.end)?;
        v.serialize_field("text", self.text.get(q.start..q.end).unwrap_or(""))?;
        v.serialize_field("speaker", &q.speaker.map(|e| Id(b'e', e + 1)))?;
        if let Some(speaker_text) = &q.speaker_text {
            v.serialize_field("speaker_text", speaker_text)?;
        } else {
            v.skip_field("speaker_text")?;
        }
        v.serialize_field("cue", &q.cue)?;
        match &q.trace {
            Some(t) => v.serialize_field("rule", t.rule.id())?,
            None => v.skip_field("rule")?,
        }
        v.end()
    }
}

/// [`write`] into a string, without its final newline.
pub fn to_string(
    article: &Article,
    analysis: &Analysis,
    source: &str,
    include_text: bool,
) -> String {
    let mut out = Vec::new();
    if let Err(e) = write(&mut out, article, analysis, source, include_text) {
        return format!("{{\"error\": \"{e}\"}}");
    }
    out.pop();
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// Parses an entity kind or a quote kind name from the schema.
pub fn quote_kind(name: &str) -> QuoteKind {
    match name {
        "partial" => QuoteKind::Partial,
        "scare" => QuoteKind::Scare,
        _ => QuoteKind::Direct,
    }
}

/// Parses an entity kind name from the schema.
pub fn entity_kind(name: &str) -> EntityKind {
    EntityKind::parse(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::parse_plain;

    #[test]
    fn the_streamed_json_is_the_json_of_the_document() {
        let article = parse_plain(include_str!("../../assets/north-korea-summit.txt").to_string());
        let analysis = super::super::analyze(&article);
        for include_text in [false, true] {
            let mut out = Vec::new();
            write(&mut out, &article, &analysis, "x.txt", include_text).expect("write");
            let written = String::from_utf8(out).expect("UTF-8");
            // Read back as a document, it says the same: no field is written that a reader drops.
            let doc: Document = serde_json::from_str(&written).expect("reads back");
            let whole = serde_json::to_string_pretty(&doc).expect("JSON") + "\n";
            assert_eq!(written, whole);
            assert_eq!(
                to_string(&article, &analysis, "x.txt", include_text) + "\n",
                whole
            );
        }
    }

    #[test]
    fn ids_are_written_as_entity_id_writes_them() {
        for n in [0, 1, 9, 10, 99, 12345, usize::MAX - 1] {
            let written = serde_json::to_string(&Id(b'e', n + 1)).expect("JSON");
            assert_eq!(written, format!("\"{}\"", Analysis::entity_id(n)));
        }
    }

    #[test]
    fn the_pretty_layout_is_serde_jsons_at_every_depth() {
        // Deeper than the indentation written at once, empty and full containers.
        let mut value = serde_json::json!({"a": [], "b": {}, "c": [1, {"d": "e"}]});
        for depth in 0..INDENT_LEVELS + 4 {
            value = serde_json::json!({"level": depth, "inner": [value, "x"]});
        }
        let mut ours = Vec::new();
        let mut json = serde_json::Serializer::with_formatter(&mut ours, Pretty::default());
        value.serialize(&mut json).expect("JSON");
        let theirs = serde_json::to_string_pretty(&value).expect("JSON");
        assert_eq!(String::from_utf8(ours).expect("UTF-8"), theirs);
    }

    #[test]
    fn the_json_written_while_quotes_are_found_is_the_same() {
        let sample = include_str!("../../assets/north-korea-summit.txt");
        // Short, and long enough for the quotes to be found on a second thread.
        let long = sample.repeat(256 * 1024 / sample.len() + 1);
        for text in [sample.to_string(), long] {
            let article = parse_plain(text);
            let analysis = super::super::analyze(&article);
            let mut out = Vec::new();
            super::super::analyze_then_quotes(&article, |entities, quotes| {
                write_then_quotes(&mut out, &article, entities, "x.txt", false, quotes)
            })
            .expect("write");
            let whole = to_string(&article, &analysis, "x.txt", false) + "\n";
            assert!(String::from_utf8(out).expect("UTF-8") == whole);
        }
    }

    #[test]
    fn a_narrator_the_quotes_add_closes_the_entities_of_the_streamed_json() {
        let scene = "We sat down at the café.\n\n“Hello,” Bill Gorton said.\n\n“Hello,” I said.\n\n“You look tired,” Bill said.\n\n“I am,” I said.\n\n";
        let long = scene.repeat(256 * 1024 / scene.len() + 1);
        for text in [scene.to_string(), long] {
            let article = parse_plain(text);
            let analysis = super::super::analyze(&article);
            let narrator = analysis.entities.iter().position(|e| e.name == "Narrator");
            let narrator = narrator.expect("a narrator is added");
            assert!(analysis.quotes.iter().any(|q| q.speaker == Some(narrator)));
            let mut out = Vec::new();
            super::super::analyze_then_quotes(&article, |entities, quotes| {
                write_then_quotes(&mut out, &article, entities, "x.txt", false, quotes)
            })
            .expect("write");
            let whole = to_string(&article, &analysis, "x.txt", false) + "\n";
            assert!(String::from_utf8(out).expect("UTF-8") == whole);
        }
    }
}
