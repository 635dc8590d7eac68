//! HTML input: the article out of a saved web page.
//!
//! A page is mostly chrome: navigation, site header and footer, asides of related links,
//! scripts, forms, cookie banners, comments. Which part is the article is decided by
//! Readability's rules (the `dom_smoothie` port of Mozilla's Readability.js, which measured best
//! of the Rust extractors on real pages); lede then walks that content into its own blocks
//! (headings, quotes, lists, captions), leaves out the furniture Readability keeps (reference
//! markers, "More on this story" lists, share prompts), and reads the header (kicker, title,
//! dek, byline, date, site, language) from the page itself (see `html_meta`). The text is the
//! extracted plain text; inline emphasis, strong, code and links become style spans.

use std::collections::HashMap;
use std::sync::OnceLock;

use dom_query::{Document, Element, NodeData, NodeRef};

use super::extract::{mark_byline, TextBuilder};
use super::html_meta;
use super::{Article, Block, BlockKind, InlineStyle, Meta};

/// Parses a web page into an article whose text is the extracted plain text.
pub fn parse_html(source: &str) -> Article {
    let doc = Document::from(source);
    let chrome = ChromeMap::of(&doc);
    let page = html_meta::read(&doc, &chrome);
    let marker = explicit_body(&doc).map(|n| n.html().to_string());
    let cleaned = remove_chrome(&chrome);
    let mut readable = readability(doc);
    let mut body = readable
        .as_ref()
        .map(|r| walk_fragment(&r.content, Rules::EXTRACTED))
        .unwrap_or_default();
    // Taking chrome out first can leave Readability too little to go on (a page whose story
    // sits in a container named like chrome): then it judges the page as it came.
    if cleaned && words(&body) < 150 {
        let again = readability(Document::from(source));
        let again_body = again
            .as_ref()
            .map(|r| walk_fragment(&r.content, Rules::EXTRACTED))
            .unwrap_or_default();
        if words(&again_body) > words(&body) * 2 {
            readable = again;
            body = again_body;
        }
    }
    // Readability found nothing of weight: the part the page marks as its article body
    // (`itemprop=articleBody`), else the page's own text, chrome left out. (A marked body is
    // not preferred to Readability's choice: pages put galleries and teasers inside it.)
    if words(&body) < 25 {
        let fallback = marker
            .map(|html| walk_fragment(&html, Rules::PAGE))
            .filter(|marked| words(marked) >= 25)
            .unwrap_or_else(|| walk_page(source));
        if words(&fallback) > words(&body) {
            body = fallback;
        }
    }
    let header = page.resolve(readable.as_ref().map(|r| &r.meta), &body);
    compose(header, body)
}

/// The class lede gives, before Readability runs, to light chrome and everything in it.
const CHROME_MARK: &str = "lede-chrome";

/// The elements of a page that are chrome by their class or id, each judged once (whether an
/// element is light costs a walk of all it holds): what is never the article, and light
/// elements named like chrome. Descendants of a judged element are not judged again.
pub(crate) struct ChromeMap<'a> {
    judged: Vec<(NodeRef<'a>, Chrome)>,
    ids: HashMap<dom_query::NodeId, Chrome>,
}

impl<'a> ChromeMap<'a> {
    pub(crate) fn of(doc: &'a Document) -> Self {
        let mut map = ChromeMap {
            judged: Vec::new(),
            ids: HashMap::new(),
        };
        let Some(named) = doc.try_select("[class], [id]") else {
            return map;
        };
        for node in named.nodes() {
            // In document order, so a node inside a judged one follows it directly.
            let inside = map
                .judged
                .last()
                .is_some_and(|(d, _)| node.ancestors_it(None).any(|a| a.id == d.id));
            if inside {
                continue;
            }
            let verdict = match with_element(node, chrome_name) {
                Some(Chrome::Always) => Chrome::Always,
                Some(Chrome::IfLight) if is_light(node) => Chrome::IfLight,
                _ => continue,
            };
            map.judged.push((*node, verdict));
            map.ids.insert(node.id, verdict);
        }
        map
    }

    /// Whether the element itself was judged chrome.
    pub(crate) fn contains(&self, node: &NodeRef) -> bool {
        self.ids.contains_key(&node.id)
    }
}

/// Prepares the page for Readability. What is never the article (comments, consent banners)
/// is taken out: a long comment thread can outweigh a story full of links. Light chrome
/// (`share-tools`, `jp-relatedposts`) is only marked, itself and all it holds, to be left out
/// when the content is walked: taken out first, it made the junk around it look like prose to
/// Readability (a gallery of fifty captions without its buttons), and Readability replaces a
/// `div` holding one paragraph by the paragraph, so the mark must be on what is inside too.
/// Says whether it took anything out.
fn remove_chrome(chrome: &ChromeMap) -> bool {
    let mut any = false;
    for (node, verdict) in &chrome.judged {
        if *verdict == Chrome::IfLight {
            node.add_class(CHROME_MARK);
            // Collected first: the tree is borrowed while its iterator lives.
            let inner: Vec<NodeRef> = node.descendants();
            for d in inner.iter().filter(|d| d.is_element()) {
                d.add_class(CHROME_MARK);
            }
        }
    }
    for (node, verdict) in &chrome.judged {
        if *verdict == Chrome::Always {
            node.remove_from_parent();
            any = true;
        }
    }
    any
}

/// What Readability gives: the article's content as HTML and the metadata it read.
struct Readable {
    content: String,
    meta: html_meta::ReadabilityMeta,
}

fn readability(doc: Document) -> Option<Readable> {
    // Classes are kept so that the walk can still tell captions and chrome inside the content.
    let cfg = dom_smoothie::Config {
        keep_classes: true,
        ..Default::default()
    };
    // A page that trips the library is read by lede's own walk instead of ending the program:
    // nothing of `doc` outlives the call, so a panic half-way leaves no broken state behind.
    let parsed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || {
        let mut r = dom_smoothie::Readability::with_document(doc, None, Some(cfg)).ok()?;
        r.parse().ok()
    }));
    let a = parsed.ok().flatten()?;
    Some(Readable {
        content: a.content.to_string(),
        meta: html_meta::ReadabilityMeta {
            title: Some(a.title).filter(|t| !t.trim().is_empty()),
            byline: a.byline,
            excerpt: a.excerpt,
            site: a.site_name,
            language: a.lang,
            date: a.published_time,
        },
    })
}

/// Writes the text of an HTML fragment (an HTML block inside Markdown), chrome left out.
pub(crate) fn push_fragment(source: &str, b: &mut TextBuilder) {
    let fragment = Document::fragment(source);
    walk(fragment.root(), Rules::PAGE, b);
}

/// Writes the whole `<body>` of an XHTML document (a book's chapter): nothing is judged chrome
/// but scripts, styles and hidden elements, since a chapter has no page around it.
pub(crate) fn push_chapter(source: &str, b: &mut TextBuilder) {
    let doc = Document::from(source);
    let root = doc.body().unwrap_or_else(|| doc.root());
    walk(root, Rules::CHAPTER, b);
}

/// The number of words of an article's text.
fn words(a: &Article) -> usize {
    a.text().split_whitespace().count()
}

/// What the walk leaves out.
#[derive(Clone, Copy)]
struct Rules {
    /// Elements of page chrome by tag and role (nav, aside, footer, forms, …).
    chrome_tags: bool,
    /// Elements whose class or id words name chrome (`share-tools`, `cookie-banner`).
    chrome_words: bool,
}

impl Rules {
    /// Readability's content.
    const EXTRACTED: Rules = Rules {
        chrome_tags: true,
        chrome_words: true,
    };
    /// A whole page or part of one.
    const PAGE: Rules = Rules {
        chrome_tags: true,
        chrome_words: true,
    };
    /// A book's chapter.
    const CHAPTER: Rules = Rules {
        chrome_tags: false,
        chrome_words: false,
    };
}

fn walk_fragment(html: &str, rules: Rules) -> Article {
    let doc = Document::fragment(html);
    let mut b = TextBuilder::new();
    walk(doc.root(), rules, &mut b);
    b.finish(Meta::default())
}

fn walk_page(source: &str) -> Article {
    let doc = Document::from(source);
    let root = doc.body().unwrap_or_else(|| doc.root());
    let mut b = TextBuilder::new();
    walk(root, Rules::PAGE, &mut b);
    b.finish(Meta::default())
}

/// The element a page marks as its article's body (`itemprop="articleBody"`, one of several
/// values or alone), when there is exactly one.
fn explicit_body(doc: &Document) -> Option<NodeRef<'_>> {
    let marked = doc.select("[itemprop~=articleBody], [itemprop~=articlebody]");
    let nodes = marked.nodes();
    match nodes {
        [one] => Some(*one),
        _ => None,
    }
}

/// Elements that are never part of the article.
const CHROME_TAGS: &[&str] = &[
    "nav", "aside", "footer", "form", "button", "select", "option", "textarea", "input", "label",
    "iframe", "dialog", "menu",
];

/// Elements whose content is never text to read, whatever the rules.
const NEVER_TEXT: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "canvas", "object", "embed", "audio",
    "video", "map", "head", "title", "link", "meta",
];

/// ARIA roles of page chrome.
const CHROME_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
    "dialog",
    "alertdialog",
    "menu",
    "menubar",
    "toolbar",
];

/// Elements that start and end a block of text.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "hgroup",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "figure",
    "figcaption",
    "pre",
    "table",
    "thead",
    "tbody",
    "tr",
    "address",
    "details",
    "summary",
    "center",
    "hr",
    "body",
    "footer",
    "aside",
    "nav",
];

/// The class/id words of chrome, from `assets/html-chrome.txt`: whole words and prefixes,
/// each with whether it marks chrome whatever the element holds (`!`).
struct ChromeWords {
    exact: HashMap<String, bool>,
    prefixes: Vec<(String, bool)>,
}

impl ChromeWords {
    /// Whether `word` is a chrome word, and if so whether it always is.
    fn get(&self, word: &str) -> Option<bool> {
        self.exact.get(word).copied().or_else(|| {
            self.prefixes
                .iter()
                .find(|(p, _)| word.starts_with(p.as_str()))
                .map(|(_, always)| *always)
        })
    }
}

fn chrome_words() -> &'static ChromeWords {
    static WORDS: OnceLock<ChromeWords> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut words = ChromeWords {
            exact: HashMap::new(),
            prefixes: Vec::new(),
        };
        for line in crate::data::lines(include_str!("../../assets/html-chrome.txt")) {
            let (always, line) = match line.strip_prefix('!') {
                Some(l) => (true, l),
                None => (false, line),
            };
            match line.strip_suffix('*') {
                Some(p) => words.prefixes.push((p.to_lowercase(), always)),
                None => {
                    words.exact.insert(line.to_lowercase(), always);
                }
            }
        }
        words
    })
}

/// What a class name or id says of its element.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Chrome {
    No,
    /// Chrome when the element is light (little text, or mostly links).
    IfLight,
    /// Never the article (comments, cookie banners), whatever it holds.
    Always,
}

/// Splits one class name or id into lowercase words (`cookieBanner` → cookie, banner;
/// `site-nav` → site, nav).
fn attr_words(value: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut prev_lower = false;
    for c in value.chars() {
        if !c.is_alphanumeric() {
            if !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
            prev_lower = false;
            continue;
        }
        if c.is_uppercase() && prev_lower && !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
        prev_lower = c.is_lowercase() || c.is_ascii_digit();
        word.extend(c.to_lowercase());
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

/// What one class name (or the id) says: chrome when one of its words is a chrome word
/// (`share-tools`, `cookieBanner`, `jp-relatedposts`) and none says it holds the article
/// (`screenContent`, `contentWithSidebar`). A name alone never throws text away: see
/// [`is_light`].
fn name_chrome(name: &str) -> Chrome {
    let words = attr_words(name);
    if content_word(words.iter().map(|w| w.as_str())) {
        return Chrome::No;
    }
    let table = chrome_words();
    words
        .iter()
        .filter_map(|w| table.get(w))
        .map(|always| {
            if always {
                Chrome::Always
            } else {
                Chrome::IfLight
            }
        })
        .max()
        .unwrap_or(Chrome::No)
}

/// Words in a class name that say the element holds the article (`share-content` is no
/// share button bar).
fn content_word<'a>(mut words: impl Iterator<Item = &'a str>) -> bool {
    words.any(|w| {
        matches!(
            w,
            "content" | "body" | "article" | "story" | "text" | "post" | "entry" | "main"
        )
    })
}

/// The local name of an element node.
fn element_name(node: &NodeRef) -> Option<dom_query::LocalName> {
    with_element(node, |e| e.name.local.clone())
}

fn with_element<B>(node: &NodeRef, f: impl FnOnce(&Element) -> B) -> Option<B> {
    node.query(|n| match &n.data {
        NodeData::Element(e) => Some(f(e)),
        _ => None,
    })
    .flatten()
}

fn attr<'e>(e: &'e Element, name: &str) -> Option<&'e str> {
    e.attrs
        .iter()
        .find(|a| &*a.name.local == name)
        .map(|a| &*a.value)
}

fn is_hidden(e: &Element) -> bool {
    attr(e, "hidden").is_some()
        || attr(e, "aria-hidden").is_some_and(|a| a.eq_ignore_ascii_case("true"))
        || attr(e, "style").is_some_and(|s| {
            let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
            let s = s.to_ascii_lowercase();
            s.contains("display:none") || s.contains("visibility:hidden")
        })
}

/// Whether an element is left out, with everything under it.
fn is_left_out(e: &Element, rules: Rules) -> bool {
    let name = &*e.name.local;
    if NEVER_TEXT.contains(&name) || is_hidden(e) {
        return true;
    }
    if !rules.chrome_tags {
        return false;
    }
    if CHROME_TAGS.contains(&name) {
        return true;
    }
    if attr(e, "role").is_some_and(|r| {
        r.split_whitespace()
            .any(|w| CHROME_ROLES.iter().any(|c| w.eq_ignore_ascii_case(c)))
    }) {
        return true;
    }
    false
}

/// What an element's class names and id say of it (the page's outer containers are never
/// judged by their names).
fn chrome_name(e: &Element) -> Chrome {
    if matches!(&*e.name.local, "html" | "body" | "main" | "article") {
        return Chrome::No;
    }
    if attr(e, "class").is_some_and(|c| c.split_whitespace().any(|c| c == CHROME_MARK)) {
        return Chrome::Always;
    }
    let class = attr(e, "class")
        .into_iter()
        .flat_map(str::split_whitespace)
        .map(name_chrome)
        .max()
        .unwrap_or(Chrome::No);
    class.max(attr(e, "id").map(name_chrome).unwrap_or(Chrome::No))
}

/// Whether an element's class names say it is a caption or a photo credit.
fn is_caption_class(e: &Element) -> bool {
    attr(e, "class").is_some_and(|c| {
        c.split_whitespace().any(|name| {
            attr_words(name)
                .iter()
                .any(|w| matches!(w.as_str(), "caption" | "credit" | "credits" | "figcaption"))
        })
    })
}

/// Whether an element is light enough to be the chrome its name says: little text, or text
/// that is mostly links. A container named `ad-portal`, `widget` or `modal` that holds a long
/// run of prose is the article, whatever the site's designers called it.
fn is_light(node: &NodeRef) -> bool {
    let words = node.text().split_whitespace().count();
    if words < 80 {
        return true;
    }
    let linked: usize = node
        .descendants_it()
        .filter(|d| element_name(d).is_some_and(|n| &*n == "a"))
        .map(|a| a.text().split_whitespace().count())
        .sum();
    linked * 2 >= words
}

/// Bracketed furniture inside a sentence: reference markers (`[13]`, `[a]`), `[edit]`,
/// `[citation needed]`.
fn is_marker(text: &str) -> bool {
    let t = text.trim();
    let Some(inner) = t.strip_prefix('[').and_then(|t| t.strip_suffix(']')) else {
        return false;
    };
    let inner = inner.trim();
    (!inner.is_empty() && inner.len() <= 4 && inner.chars().all(|c| c.is_alphanumeric()))
        || matches!(
            inner.to_ascii_lowercase().as_str(),
            "edit" | "edit source" | "citation needed" | "clarification needed" | "when?" | "who?"
        )
}

/// The block kind an element gives the text inside it, if it sets one.
fn kind_of(name: &str) -> Option<BlockKind> {
    Some(match name {
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => BlockKind::Heading,
        "blockquote" => BlockKind::Blockquote,
        "li" | "dt" | "dd" => BlockKind::List,
        "figcaption" | "caption" => BlockKind::Caption,
        _ => return None,
    })
}

fn style_of(e: &Element) -> Option<InlineStyle> {
    Some(match &*e.name.local {
        "em" | "i" | "cite" => InlineStyle::Emphasis,
        "strong" | "b" => InlineStyle::Strong,
        "code" | "kbd" | "samp" | "tt" => InlineStyle::Code,
        "a" if attr(e, "href").is_some() => InlineStyle::Link,
        _ => return None,
    })
}

/// The state of the walk: open elements that set a block kind, open inline styles, and the
/// depth of `pre` elements.
struct Walker<'b> {
    rules: Rules,
    kinds: Vec<(dom_query::NodeId, BlockKind)>,
    styles: Vec<(dom_query::NodeId, InlineStyle)>,
    pre: usize,
    b: &'b mut TextBuilder,
}

impl Walker<'_> {
    /// Enters an element; `false` when it and everything under it is left out.
    fn open(&mut self, node: &NodeRef) -> bool {
        let Some((name, left_out, chrome, caption, style)) = with_element(node, |e| {
            (
                e.name.local.clone(),
                is_left_out(e, self.rules),
                if self.rules.chrome_words {
                    chrome_name(e)
                } else {
                    Chrome::No
                },
                self.rules.chrome_words && is_caption_class(e),
                style_of(e),
            )
        }) else {
            return false;
        };
        if left_out || chrome == Chrome::Always || (chrome == Chrome::IfLight && is_light(node)) {
            return false;
        }
        let name = &*name;
        if matches!(name, "sup" | "span" | "a" | "small") && self.rules.chrome_tags {
            let text = node.text();
            if text.len() <= 40 && is_marker(&text) {
                return false;
            }
        }
        if BLOCK_TAGS.contains(&name) {
            self.b.close();
        }
        if let Some(k) = kind_of(name).or(caption.then_some(BlockKind::Caption)) {
            self.kinds.push((node.id, k));
        }
        if let Some(s) = style {
            self.b.start_style(s);
            self.styles.push((node.id, s));
        }
        match name {
            "br" => self.b.line_break(),
            "td" | "th" => self.b.push(BlockKind::Body, " "),
            "pre" => self.pre += 1,
            _ => {}
        }
        true
    }

    fn close(&mut self, node: &NodeRef) {
        let Some(name) = element_name(node) else {
            return;
        };
        if self.styles.last().is_some_and(|(e, _)| *e == node.id) {
            if let Some((_, s)) = self.styles.pop() {
                self.b.end_style(s);
            }
        }
        if self.kinds.last().is_some_and(|(e, _)| *e == node.id) {
            self.kinds.pop();
        }
        if &*name == "pre" {
            self.pre = self.pre.saturating_sub(1);
        }
        if BLOCK_TAGS.contains(&&*name) {
            self.b.close();
        }
    }

    fn text(&mut self, t: &str) {
        let kind = self
            .kinds
            .last()
            .map(|(_, k)| *k)
            .unwrap_or(BlockKind::Body);
        if self.pre > 0 {
            self.b.push_lines(kind, t);
        } else {
            self.b.push(kind, t);
        }
    }
}

/// Writes the text under `root` in document order, what the rules leave out left out.
/// Iterative, so deeply nested pages cannot overflow the stack.
fn walk(root: NodeRef, rules: Rules, b: &mut TextBuilder) {
    let mut w = Walker {
        rules,
        kinds: Vec::new(),
        styles: Vec::new(),
        pre: 0,
        b,
    };
    let mut current = root.first_child();
    'walk: while let Some(node) = current {
        let text = node
            .query(|n| match &n.data {
                NodeData::Text { contents } => Some(contents.to_string()),
                _ => None,
            })
            .flatten();
        if let Some(t) = text {
            w.text(&t);
        } else if node.is_element() && w.open(&node) {
            if let Some(child) = node.first_child() {
                current = Some(child);
                continue;
            }
            w.close(&node);
        }
        let mut n = node;
        loop {
            if let Some(sibling) = n.next_sibling() {
                current = Some(sibling);
                continue 'walk;
            }
            match n.parent() {
                Some(p) if p.id != root.id => {
                    w.close(&p);
                    n = p;
                }
                _ => break 'walk,
            }
        }
    }
    w.b.close();
}

/// Normalised for comparing a heading or a description with the title or a paragraph.
pub(crate) fn comparable(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_end_matches(['…', '.'])
        .trim_end_matches("...")
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .take(120)
        .collect()
}

/// The header blocks, then the body's blocks, furniture and repeats of the header left out.
fn compose(header_lines: html_meta::Header, body: Article) -> Article {
    let html_meta::Header {
        meta,
        byline,
        dateline,
        lead_caption,
    } = header_lines;
    let keep = furniture_left_out(&body);
    let mut b = TextBuilder::new();
    let mut header = |kind: BlockKind, text: &str| {
        b.open(kind);
        b.push(kind, text);
        b.close();
    };
    if let Some(k) = &meta.kicker {
        header(BlockKind::Kicker, k);
    }
    if let Some(t) = &meta.title {
        header(BlockKind::Title, t);
    }
    if let Some(d) = &meta.dek {
        header(BlockKind::Dek, d);
    }
    let title = meta.title.as_deref().map(comparable);
    let dek = meta.dek.as_deref().map(comparable);
    let kicker = meta.kicker.as_deref().map(comparable);
    // A short line near the top that names the author is the byline; without one, the author
    // is written as the byline.
    let author = meta
        .author
        .as_deref()
        .map(comparable)
        .filter(|a| !a.is_empty());
    let byline_at = author.as_ref().and_then(|a| {
        body.blocks.iter().take(6).position(|b| {
            let t = body.block_text(b);
            b.kind == BlockKind::Body
                && t.split_whitespace().count() <= 20
                && comparable(t).contains(a.as_str())
        })
    });
    if byline_at.is_none() {
        if let Some(line) = byline.as_ref().or(meta.author.as_ref()) {
            header(BlockKind::Byline, line);
        }
    }
    let in_body = |line: &str| {
        let line = comparable(line);
        body.blocks
            .iter()
            .any(|b| comparable(body.block_text(b)).contains(&line))
    };
    if let Some(d) = dateline.filter(|d| !in_body(d)) {
        header(BlockKind::Dateline, &d);
    }
    if let Some(c) = lead_caption.filter(|c| !in_body(c)) {
        header(BlockKind::Caption, &c);
    }
    let mut leading = true;
    for (i, block) in body.blocks.iter().enumerate() {
        if !keep[i] {
            continue;
        }
        let text = body.block_text(block);
        let c = comparable(text);
        // The title or the dek repeated at the top of the body is not read twice.
        if leading && (Some(&c) == title.as_ref() || Some(&c) == dek.as_ref()) && !c.is_empty() {
            continue;
        }
        // The kicker repeated at the top of the body is not read twice either.
        if leading && Some(&c) == kicker.as_ref() && !c.is_empty() {
            continue;
        }
        leading &= block.kind != BlockKind::Body || text.split_whitespace().count() < 20;
        let kind = if Some(i) == byline_at {
            BlockKind::Byline
        } else if block.kind == BlockKind::Caption {
            BlockKind::Caption
        } else if block.kind == BlockKind::Body && is_date_line(text) {
            BlockKind::Dateline
        } else if is_credited(text) {
            BlockKind::Caption
        } else {
            block.kind
        };
        let styles = styles_of(&body, block);
        b.append_block(kind, text, &styles);
    }
    let mut article = b.finish(meta);
    mark_byline(&mut article);
    article
}

/// The styles of one block, relative to its start.
pub(crate) fn styles_of(a: &Article, block: &Block) -> Vec<super::StyleSpan> {
    let first = a.styles.partition_point(|s| s.start < block.start);
    a.styles[first..]
        .iter()
        .take_while(|s| s.start < block.end)
        .filter(|s| s.end <= block.end)
        .map(|s| super::StyleSpan {
            style: s.style,
            start: s.start - block.start,
            end: s.end - block.start,
        })
        .collect()
}

/// Which blocks of the body to keep: boilerplate lines (`assets/boilerplate.txt`) go, and so
/// does a furniture heading ("More on this story", "Topics") with the links under it.
fn furniture_left_out(body: &Article) -> Vec<bool> {
    let mut keep = vec![true; body.blocks.len()];
    let mut in_furniture = false;
    for (i, block) in body.blocks.iter().enumerate() {
        let text = body.block_text(block);
        if block.kind == BlockKind::Heading {
            in_furniture = super::plain::is_furniture_heading(text);
            keep[i] = !in_furniture;
            continue;
        }
        let linked = link_share(body, block);
        if in_furniture {
            if linked >= 0.5 || block.kind == BlockKind::List {
                keep[i] = false;
                continue;
            }
            in_furniture = false;
        }
        // A paragraph that is one link is a teaser of another story (`SEE ALSO: …` aside).
        if super::plain::is_boilerplate(text) || (linked >= 0.9 && block.kind != BlockKind::Caption)
        {
            keep[i] = false;
        }
    }
    keep
}

/// The share of a block's characters inside links.
fn link_share(a: &Article, block: &Block) -> f64 {
    let len = block.end - block.start;
    if len == 0 {
        return 0.0;
    }
    let mut covered = 0;
    let mut until = block.start;
    for s in a.styles.iter().filter(|s| s.style == InlineStyle::Link) {
        let (start, end) = (s.start.max(until).max(block.start), s.end.min(block.end));
        if end > start {
            covered += end - start;
            until = end;
        }
    }
    covered as f64 / len as f64
}

/// Words that go with a date or a time in a date line.
const DATE_WORDS: &[&str] = &[
    "published",
    "updated",
    "posted",
    "last",
    "modified",
    "first",
    "on",
    "at",
    "am",
    "pm",
    "a.m",
    "p.m",
    "a",
    "p",
    "m",
    "date",
    "hour",
    "hours",
    "minute",
    "minutes",
    "min",
    "mins",
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "just",
    "now",
    "today",
    "yesterday",
    "utc",
    "gmt",
];

/// A line that is only a date and time, with the words that announce them:
/// `Updated 5:27 am CST, Wednesday, November 20, 2019`, `PUBLISHED: 10:48, Tue, Nov 19, 2019`,
/// `Published 1 day ago`, `18 Nov 2019, 19:09`.
pub(crate) fn is_date_line(text: &str) -> bool {
    let tokens: Vec<String> = text
        .split(|c: char| c.is_whitespace() || c == ',' || c == '|' || c == '/')
        .map(|t| {
            t.trim_matches(|c: char| !c.is_alphanumeric() && c != ':')
                .to_lowercase()
        })
        .filter(|t| !t.is_empty())
        .collect();
    if tokens.is_empty() || tokens.len() > 14 {
        return false;
    }
    let month_or_day = |t: &str| {
        let t = t.trim_end_matches('.');
        t.len() >= 3
            && (super::plain::MONTHS.iter().any(|m| m.starts_with(t))
                || super::plain::WEEKDAYS.iter().any(|d| d.starts_with(t)))
    };
    // A bare number (`1990`) is no date line: a month, a weekday, a clock time or a word like
    // `updated` must say so.
    let mut dated = false;
    let mut said = false;
    let mut other = 0;
    for t in &tokens {
        let digits = t.chars().filter(char::is_ascii_digit).count();
        let number = digits > 0
            && t.chars().all(|c| {
                c.is_ascii_digit()
                    || matches!(c, ':' | '-' | '.' | 't' | 'h' | 's' | 'n' | 'd' | 'r')
            });
        if number || month_or_day(t) || t == "ago" {
            dated = true;
            said |= !number || t.contains(':') || t.len() == 10;
        } else {
            // A time zone is a short word in capitals (`CST`, `BST`).
            let zone = t.len() <= 4 && text.contains(&t.to_uppercase());
            if DATE_WORDS[..6].contains(&t.as_str()) {
                said = true;
            } else if !(DATE_WORDS.contains(&t.as_str()) || zone) {
                other += 1;
            }
        }
    }
    dated && said && other == 0
}

/// A photo's caption by its credit: `… (Image: GETTY)`, `… (AP Photo/Alan Diaz)`,
/// `…Credit: EPA`, `Photo: Jane Doe`.
pub(crate) fn is_credited(text: &str) -> bool {
    if text.split_whitespace().count() > 80 {
        return false;
    }
    let lower = text.to_lowercase();
    let tail = lower.trim_end().trim_end_matches(['.', ')', ' ']);
    let credit_words = [
        "(image:",
        "(photo:",
        "(ap photo",
        "(photo by",
        "(picture:",
        "(credit:",
        "(pic:",
        "(reuters",
        "(getty",
        "(afp",
    ];
    credit_words
        .iter()
        .any(|w| lower.rfind(w).is_some_and(|at| !lower[at..].contains(". ")))
        || ["credit:", "photograph:", "photo:", "image:"]
            .iter()
            .any(|w| {
                lower
                    .rfind(w)
                    .is_some_and(|at| tail.len() - at < 60 && !lower[at..].contains(". "))
            })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(a: &Article) -> Vec<(BlockKind, &str)> {
        a.blocks.iter().map(|b| (b.kind, a.block_text(b))).collect()
    }

    #[test]
    fn class_words_split_at_humps_and_dashes() {
        assert_eq!(
            attr_words("cookieBanner site-nav c_x"),
            vec!["cookie", "banner", "site", "nav", "c", "x"]
        );
    }

    #[test]
    fn a_chrome_word_names_chrome_unless_the_name_says_content() {
        for chrome in [
            "share-tools",
            "cookieBanner",
            "sidebar",
            "nav",
            "related-links",
            "ad",
        ] {
            assert_ne!(name_chrome(chrome), Chrome::No, "{chrome}");
        }
        for layout in [
            "screenContent",
            "contentWithSidebar",
            "evolve-shared-body",
            "share-content",
        ] {
            assert_eq!(name_chrome(layout), Chrome::No, "{layout}");
        }
    }

    #[test]
    fn reference_markers_are_furniture() {
        for m in ["[13]", "[edit]", "[ citation needed ]", "[a]"] {
            assert!(is_marker(m), "{m}");
        }
        for t in ["[the ministry]", "13", "[]"] {
            assert!(!is_marker(t), "{t}");
        }
    }

    #[test]
    fn the_article_is_taken_and_the_chrome_left_out() {
        let a = parse_html(
            "<html><head><title>Big &amp; Bold Title | Site</title><script>var x = 'Evil Script';</script></head>
             <body><header><nav><a href='/'>Home</a> <a href='/world'>World</a></nav></header>
             <article><h1>Big &amp; Bold Title</h1>
             <p class='byline'>By <a rel='author' href='/jane'>Jane Doe</a></p>
             <p>First   paragraph with <em>emphasis</em> and <a href='x'>a link</a>.</p>
             <div class='share-tools'>Share on Facebook</div>
             <h2>Section</h2><blockquote><p>Quoted words.</p></blockquote>
             <ul><li>One</li><li>Two</li></ul>
             <figure><img src='a.jpg'><figcaption>A caption.</figcaption></figure>
             </article>
             <aside class='related'><p>Related: John Smith wins</p></aside>
             <footer>Copyright</footer></body></html>",
        );
        assert_eq!(
            blocks(&a),
            vec![
                (BlockKind::Title, "Big & Bold Title"),
                (BlockKind::Byline, "By Jane Doe"),
                (BlockKind::Body, "First paragraph with emphasis and a link."),
                (BlockKind::Heading, "Section"),
                (BlockKind::Blockquote, "Quoted words."),
                (BlockKind::List, "One"),
                (BlockKind::List, "Two"),
                (BlockKind::Caption, "A caption."),
            ]
        );
        assert_eq!(a.meta.author.as_deref(), Some("Jane Doe"));
        let styled: Vec<&str> = a.styles.iter().map(|s| &a.text()[s.start..s.end]).collect();
        assert_eq!(styled, vec!["Jane Doe", "emphasis", "a link"]);
    }

    #[test]
    fn without_an_article_element_the_densest_container_wins() {
        let a = parse_html(
            "<body><div id='menu'><p>Menu item text that is long enough to matter here</p></div>
             <div class='content'><p>One paragraph of the story, long enough.</p>
             <p>Another paragraph of the story, long enough too.</p></div></body>",
        );
        assert!(a.text().contains("One paragraph"));
        assert!(!a.text().contains("Menu item"));
    }

    #[test]
    fn meta_tags_give_title_author_date_and_a_dek_unless_it_repeats_the_lead() {
        let page = |desc: &str| {
            format!(
                "<head><meta property='og:title' content='The Title'>
                 <meta name='author' content='Ann Lee'>
                 <meta property='article:published_time' content='2024-03-01T10:00:00Z'>
                 <meta name='description' content='{desc}'></head>
                 <body><main><p>The lead paragraph of the story.</p></main></body>"
            )
        };
        let a = parse_html(&page("A standfirst that sums it up."));
        assert_eq!(a.meta.title.as_deref(), Some("The Title"));
        assert_eq!(a.meta.author.as_deref(), Some("Ann Lee"));
        assert_eq!(a.meta.date.as_deref(), Some("2024-03-01T10:00:00Z"));
        assert_eq!(
            blocks(&a)[..2],
            [
                (BlockKind::Title, "The Title"),
                (BlockKind::Dek, "A standfirst that sums it up.")
            ]
        );
        let a = parse_html(&page("The lead paragraph of the story."));
        assert!(a.meta.dek.is_none());
        assert_eq!(
            blocks(&a),
            [
                (BlockKind::Title, "The Title"),
                (BlockKind::Byline, "Ann Lee"),
                (BlockKind::Body, "The lead paragraph of the story.")
            ]
        );
    }

    #[test]
    fn teasers_of_other_stories_around_the_article_are_left_out() {
        let story = "<p>A long paragraph of the story itself, with words enough to weigh.</p>";
        let a = parse_html(&format!(
            "<body><main><article>{}</article><section><h2>More</h2>
             <article><p>Teaser about Jon Bell and his long journey home.</p></article>
             <article><p>Teaser about Amy Ng and the long road to the final.</p></article>
             </section></main></body>",
            story.repeat(3)
        ));
        assert!(a.text().contains("the story itself"));
        assert!(!a.text().contains("Jon Bell") && !a.text().contains("Amy Ng"));
    }

    #[test]
    fn a_site_logo_in_an_h1_is_not_the_title() {
        let a = parse_html(
            "<head><meta property='og:title' content='Real Headline'></head><body>
             <header><h1 class='logo'>Daily Planet</h1></header>
             <article><h2>Real Headline</h2><p>Body text of the story.</p></article></body>",
        );
        assert_eq!(a.meta.title.as_deref(), Some("Real Headline"));
        assert!(!a.text().contains("Daily Planet"));
        assert_eq!(a.text().matches("Real Headline").count(), 1);
    }

    #[test]
    fn paragraphs_split_by_double_breaks_are_blocks() {
        let a =
            parse_html("<body><div>First part.<br><br>Second part.<br>Same block.</div></body>");
        assert_eq!(
            blocks(&a),
            vec![
                (BlockKind::Body, "First part."),
                (BlockKind::Body, "Second part.\nSame block.")
            ]
        );
    }

    #[test]
    fn a_wordpress_page_keeps_its_entry_and_drops_its_plugins() {
        let a = parse_html(
            "<body class='single'><div id='page'><div id='primary' class='content-area'>
             <main id='main' class='site-main'>
             <article id='post-7' class='post-7 post type-post tag-comments category-news'>
             <header class='entry-header'><h1 class='entry-title'>Storm closes the bridge</h1>
             <div class='entry-meta'><span class='byline'>by <span class='author vcard'>
             <a class='url fn n' href='/a'>Ruth Ellis</a></span></span></div></header>
             <div class='entry-content'><p>The bridge closed at noon as winds reached 90 mph.</p>
             <div class='sharedaddy sd-sharing-enabled'><h3>Share this:</h3></div>
             <div id='jp-relatedposts' class='jp-relatedposts'><p>Kevin Marsh on the ferry</p></div>
             </div></article>
             <div id='comments' class='comments-area'><ol class='commentList'><li>Olga Petrova: wow</li></ol>
             <div id='respond'><h3>Leave a Reply</h3></div></div>
             </main></div></div></body>",
        );
        assert_eq!(a.meta.title.as_deref(), Some("Storm closes the bridge"));
        assert_eq!(a.meta.author.as_deref(), Some("Ruth Ellis"));
        for absent in ["Share this", "Kevin Marsh", "Olga Petrova", "Leave a Reply"] {
            assert!(!a.text().contains(absent), "{absent}");
        }
        assert!(a.text().contains("The bridge closed at noon"));
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let page = "<div>".repeat(2_000) + "deep text";
        let a = parse_html(&page);
        assert!(a.text().contains("deep text"));
    }
}
