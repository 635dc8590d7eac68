//! HTML input: the article out of a saved web page.
//!
//! A page is mostly chrome: navigation, site header and footer, asides of related links,
//! scripts, forms, cookie banners, comments. The loader picks the element that holds the
//! article (`<article>`, `<main>`, `[itemprop=articleBody]`, or the element with the most
//! paragraph text), leaves out chrome inside it (by element, role, and the class and id words
//! in `assets/html-chrome.txt`), and reads the header (kicker, title, dek, byline, date) from
//! the page and its `<meta>` tags. The text is the extracted plain text; inline emphasis,
//! strong, code and links become style spans.

use std::collections::HashSet;
use std::sync::OnceLock;

use scraper::{ElementRef, Html, Node, Selector};

use super::extract::{author_from_byline, mark_byline, TextBuilder};
use super::{Article, BlockKind, InlineStyle, Meta};

/// Parses a web page into an article whose text is the extracted plain text.
pub fn parse_html(source: &str) -> Article {
    let doc = Html::parse_document(source);
    let root = choose_root(&doc);
    let mut b = TextBuilder::new();
    let mut used: Vec<ElementRef> = Vec::new();
    let meta = header(&doc, root, &mut b, &mut used);
    walk(root, &used, &mut b);
    let mut article = b.finish(meta);
    mark_byline(&mut article);
    article
}

/// Writes the text of an HTML fragment (an HTML block inside Markdown), chrome left out.
pub(crate) fn push_fragment(source: &str, b: &mut TextBuilder) {
    let fragment = Html::parse_fragment(source);
    walk(fragment.root_element(), &[], b);
}

/// Elements that are never part of the article.
const CHROME_TAGS: &[&str] = &[
    "nav", "aside", "footer", "script", "style", "noscript", "template", "form", "button",
    "select", "option", "textarea", "input", "label", "iframe", "svg", "math", "canvas", "dialog",
    "menu", "object", "embed", "audio", "video", "map", "head", "title", "link", "meta",
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
];

/// The class/id words of chrome: whole words and prefixes, from `assets/html-chrome.txt`.
fn chrome_words() -> &'static (HashSet<String>, Vec<String>) {
    static WORDS: OnceLock<(HashSet<String>, Vec<String>)> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut exact = HashSet::new();
        let mut prefixes = Vec::new();
        for line in crate::data::lines(include_str!("../../assets/html-chrome.txt")) {
            match line.strip_suffix('*') {
                Some(p) => prefixes.push(p.to_lowercase()),
                None => {
                    exact.insert(line.to_lowercase());
                }
            }
        }
        (exact, prefixes)
    })
}

/// Splits a class or id value into lowercase words (`cookieBanner site-nav` → cookie, banner,
/// site, nav).
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

fn has_chrome_words(el: ElementRef) -> bool {
    let (exact, prefixes) = chrome_words();
    let value = el.value();
    [value.attr("class"), value.id()]
        .into_iter()
        .flatten()
        .flat_map(attr_words)
        .any(|w| exact.contains(&w) || prefixes.iter().any(|p| w.starts_with(p.as_str())))
}

fn is_hidden(el: ElementRef) -> bool {
    let v = el.value();
    v.attr("hidden").is_some()
        || v.attr("aria-hidden")
            .is_some_and(|a| a.eq_ignore_ascii_case("true"))
        || v.attr("style").is_some_and(|s| {
            let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
            s.to_ascii_lowercase().contains("display:none")
        })
}

/// Whether the element itself is chrome. `words` also checks its class and id words, which
/// the article's own containers (`<article class="post has-comments">`) are spared.
fn is_chrome(el: ElementRef, words: bool) -> bool {
    let v = el.value();
    let name = v.name();
    if CHROME_TAGS.contains(&name) || is_hidden(el) {
        return true;
    }
    if v.attr("role").is_some_and(|r| {
        CHROME_ROLES
            .iter()
            .any(|c| r.split_whitespace().any(|w| w.eq_ignore_ascii_case(c)))
    }) {
        return true;
    }
    // A site header holds the logo and menus; an article's own header holds its title.
    if name == "header" && !el.select(selector(Sel::H1)).any(|_| true) && !inside(el, "article") {
        return true;
    }
    words && has_chrome_words(el)
}

/// Whether the element is inside an element named `name`.
fn inside(el: ElementRef, name: &str) -> bool {
    el.ancestors()
        .filter_map(ElementRef::wrap)
        .any(|a| a.value().name() == name)
}

/// Whether the element or one of its ancestors below `stop` (exclusive) is chrome. The
/// page's outer containers (`html`, `body`, `main`, `article`) are judged by element only.
fn excluded(el: ElementRef, stop: Option<ElementRef>) -> bool {
    let chain = std::iter::once(el).chain(el.ancestors().filter_map(ElementRef::wrap));
    for e in chain {
        if Some(e) == stop {
            return false;
        }
        let outer = matches!(e.value().name(), "html" | "body" | "main" | "article");
        if is_chrome(e, !outer) {
            return true;
        }
    }
    false
}

#[derive(Clone, Copy)]
enum Sel {
    H1,
    P,
    Candidates,
    Byline,
    Dek,
    Kicker,
    Time,
    TitleTag,
    Headings,
}

/// The CSS of each [`Sel`], in the order of its variants.
const SELECTORS: [&str; 9] = [
    "h1",
    "p",
    "article, main, [role=main], [itemprop=articleBody]",
    ".byline, [class*=byline], [itemprop=author], [rel=author], .author, .author-name",
    ".dek, .deck, .standfirst, .subtitle, .subheadline, .subhead, .article-summary, \
     [itemprop=description], [itemprop=alternativeHeadline]",
    ".kicker, .eyebrow, .overline, [class*=kicker]",
    "time",
    "title",
    "h1, h2, h3, h4",
];

/// Parsed selectors, built once. The constants above all parse (a test checks it); one that
/// did not would match nothing rather than panic.
fn selector(which: Sel) -> &'static Selector {
    static PARSED: OnceLock<Vec<Selector>> = OnceLock::new();
    static NOTHING: OnceLock<Option<Selector>> = OnceLock::new();
    let all = PARSED.get_or_init(|| {
        SELECTORS
            .iter()
            .map(|s| Selector::parse(s).or_else(|_| Selector::parse(":not(*)")))
            .collect::<Result<Vec<_>, _>>()
            .unwrap_or_default()
    });
    match all.get(which as usize) {
        Some(s) => s,
        None => NOTHING
            .get_or_init(|| Selector::parse(":not(*)").ok())
            .as_ref()
            .unwrap_or_else(|| &all[0]),
    }
}

/// Characters of paragraph text under `el`, chrome left out.
fn paragraph_chars(el: ElementRef) -> usize {
    el.select(selector(Sel::P))
        .filter(|p| !excluded(*p, Some(el)))
        .map(|p| p.text().map(|t| t.trim().chars().count()).sum::<usize>())
        .sum()
}

fn depth(el: ElementRef) -> usize {
    el.ancestors().count()
}

/// The element that holds the article.
fn choose_root(doc: &Html) -> ElementRef<'_> {
    let page = doc.root_element();
    let total = paragraph_chars(page);
    let scored: Vec<(ElementRef, usize)> = doc
        .select(selector(Sel::Candidates))
        .filter(|c| !excluded(*c, None))
        .map(|c| (c, paragraph_chars(c)))
        .collect();
    let best = scored.iter().map(|(_, s)| *s).max().unwrap_or(0);
    if best > 0 && best * 2 >= total {
        // The story's own `<article>` when it holds most of the text: a `<main>` around it
        // may also hold teasers of other stories.
        let top_article = scored
            .iter()
            .filter(|(c, _)| c.value().name() == "article")
            .max_by_key(|(c, s)| (*s, usize::MAX - depth(*c)));
        if let Some((article, score)) = top_article {
            if score * 100 >= best * 60 {
                return *article;
            }
        }
        // Else the innermost candidate that holds nearly all of it.
        let innermost = scored
            .iter()
            .filter(|(_, s)| s * 100 >= best * 85)
            .max_by_key(|(c, _)| depth(*c));
        if let Some((el, _)) = innermost {
            return *el;
        }
    }
    densest(doc).unwrap_or(page)
}

/// The element whose paragraphs hold the most text (half of it credited to the grandparent,
/// so that paragraphs split over sibling sections still find their common container).
fn densest(doc: &Html) -> Option<ElementRef<'_>> {
    let mut scores = std::collections::HashMap::new();
    for p in doc.select(selector(Sel::P)) {
        if excluded(p, None) {
            continue;
        }
        let n: usize = p.text().map(|t| t.trim().chars().count()).sum();
        let mut parents = p.ancestors().filter_map(ElementRef::wrap);
        for share in [n, n / 2] {
            if let Some(el) = parents.next() {
                scores.entry(el.id()).or_insert((el, 0)).1 += share;
            }
        }
    }
    scores
        .into_values()
        .max_by_key(|(e, s)| (*s, usize::MAX - depth(*e)))
        .map(|(e, _)| e)
}

/// White space collapsed and trimmed.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn text_of(el: ElementRef) -> String {
    collapse(&el.text().collect::<String>())
}

/// The content of `<meta name|property=…>` for the first key present.
fn meta_content(doc: &Html, keys: &[&str]) -> Option<String> {
    static META: OnceLock<Option<Selector>> = OnceLock::new();
    let sel = META.get_or_init(|| Selector::parse("meta").ok()).as_ref()?;
    for key in keys {
        for m in doc.select(sel) {
            let v = m.value();
            let name = v
                .attr("property")
                .or_else(|| v.attr("name"))
                .or_else(|| v.attr("itemprop"));
            if name.is_some_and(|n| n.eq_ignore_ascii_case(key)) {
                if let Some(c) = v.attr("content") {
                    let c = collapse(c);
                    if !c.is_empty() {
                        return Some(c);
                    }
                }
            }
        }
    }
    None
}

/// The first element matching `sel` that is not chrome and has text of at most `max_words`
/// words, inside `root` first, then anywhere.
fn find<'a>(
    doc: &'a Html,
    root: ElementRef<'a>,
    sel: Sel,
    max_words: usize,
) -> Option<ElementRef<'a>> {
    let fits = |e: &ElementRef| {
        let words = text_of(*e).split_whitespace().count();
        words > 0 && words <= max_words
    };
    root.select(selector(sel))
        .find(|e| fits(e) && !excluded(*e, Some(root)))
        .or_else(|| {
            doc.select(selector(sel))
                .find(|e| fits(e) && !excluded(*e, None))
        })
}

/// Normalised for comparing a description with the first paragraph.
fn comparable(s: &str) -> String {
    collapse(s)
        .trim_end_matches(['…', '.'])
        .to_lowercase()
        .chars()
        .take(80)
        .collect()
}

/// Reads the header from the page, writes its blocks and returns the metadata. Elements used
/// for the header are added to `used`, so the body walk skips them.
fn header<'a>(
    doc: &'a Html,
    root: ElementRef<'a>,
    b: &mut TextBuilder,
    used: &mut Vec<ElementRef<'a>>,
) -> Meta {
    let mut meta = Meta::default();

    let kicker_el = find(doc, root, Sel::Kicker, 8);
    meta.kicker = kicker_el
        .map(text_of)
        .or_else(|| meta_content(doc, &["article:section"]));

    // An `h1` in the article; else the page's own title, before an `h1` elsewhere (which is
    // often the site's logo); else `<title>` without the site's name.
    let meta_title = meta_content(doc, &["og:title", "twitter:title"]);
    let h1 = root
        .select(selector(Sel::H1))
        .find(|e| !excluded(*e, Some(root)) && !text_of(*e).is_empty())
        .or_else(|| {
            let outside = find(doc, root, Sel::H1, 60)?;
            let same = meta_title
                .as_deref()
                .is_none_or(|t| comparable(t) == comparable(&text_of(outside)));
            same.then_some(outside)
        });
    meta.title = h1
        .map(text_of)
        .or(meta_title)
        .or_else(|| {
            doc.select(selector(Sel::TitleTag))
                .next()
                .map(|t| site_suffix_removed(&text_of(t)))
        })
        .filter(|t| !t.is_empty());

    let byline_el = find(doc, root, Sel::Byline, 20).map(|e| {
        // `By <a rel=author>Jane Doe</a>`: the line around the name, when it is short.
        match e.parent().and_then(ElementRef::wrap) {
            Some(p)
                if matches!(e.value().name(), "a" | "span")
                    && text_of(p).split(' ').count() <= 12
                    && text_of(p).to_lowercase().starts_with("by ") =>
            {
                p
            }
            _ => e,
        }
    });
    let author_el = byline_el.and_then(|b| {
        std::iter::once(b).chain(b.descendent_elements()).find(|e| {
            let v = e.value();
            v.attr("rel") == Some("author")
                || v.attr("itemprop")
                    .is_some_and(|i| i == "author" || i == "name")
        })
    });
    meta.author = meta_content(doc, &["author", "article:author", "byl"])
        .filter(|a| !a.starts_with("http"))
        .or_else(|| author_el.map(text_of))
        .or_else(|| byline_el.map(|e| author_from_byline(&text_of(e))))
        .map(|a| author_from_byline(&a))
        .filter(|a| !a.is_empty());

    let time_el = find(doc, root, Sel::Time, 12);
    let time_in_byline = match (time_el, byline_el) {
        (Some(t), Some(by)) => t.ancestors().any(|a| a.id() == by.id()),
        _ => false,
    };
    meta.date = meta_content(
        doc,
        &["article:published_time", "datePublished", "date", "pubdate"],
    )
    .or_else(|| time_el.and_then(|t| t.value().attr("datetime").map(collapse)))
    .or_else(|| time_el.map(text_of))
    .filter(|d| !d.is_empty());

    let dek_el = find(doc, root, Sel::Dek, 80).filter(|e| Some(*e) != h1);
    let first_paragraph = root
        .select(selector(Sel::P))
        .find(|p| !excluded(*p, Some(root)) && Some(*p) != dek_el && Some(*p) != byline_el)
        .map(text_of)
        .unwrap_or_default();
    // A description is a dek unless it repeats the lead or is the site's own blurb.
    let site = meta_content(doc, &["og:site_name", "application-name"]).map(|s| comparable(&s));
    let described = meta_content(
        doc,
        &["description", "og:description", "twitter:description"],
    )
    .filter(|d| {
        let (d, p) = (comparable(d), comparable(&first_paragraph));
        !(p.starts_with(&d) || d.starts_with(&p))
            && site.as_ref().is_none_or(|site| !d.contains(site.as_str()))
    });
    meta.dek = dek_el.map(text_of).or(described);

    let mut block = |kind: BlockKind, text: &str| {
        b.open(kind);
        b.push(kind, text);
        b.close();
    };
    if let Some(k) = kicker_el {
        block(BlockKind::Kicker, &text_of(k));
        used.push(k);
    }
    if let Some(t) = &meta.title {
        block(BlockKind::Title, t);
    }
    // The heading that carries the title (an `h1`, or an `h2` repeating the page's title) is
    // not repeated in the body.
    let title_heading = h1.or_else(|| {
        let title = comparable(meta.title.as_deref()?);
        root.select(selector(Sel::Headings))
            .find(|h| comparable(&text_of(*h)) == title)
    });
    if let Some(h) = title_heading {
        used.push(h);
    }
    if let Some(d) = &meta.dek {
        block(BlockKind::Dek, d);
    }
    if let Some(d) = dek_el {
        used.push(d);
    }
    if let Some(by) = byline_el {
        block(BlockKind::Byline, &text_of(by));
        used.push(by);
    }
    if let Some(t) = time_el.filter(|_| !time_in_byline) {
        let text = text_of(t);
        if !text.is_empty() {
            block(BlockKind::Dateline, &text);
        }
        used.push(t);
    }
    meta
}

/// `Title of the story | The Daily Planet` → `Title of the story`.
fn site_suffix_removed(title: &str) -> String {
    for sep in [" | ", " - ", " — ", " – ", " :: "] {
        if let Some((head, _)) = title.split_once(sep) {
            if head.split(' ').count() >= 3 {
                return head.trim().to_string();
            }
        }
    }
    title.to_string()
}

/// The block kind an element gives the text inside it, if it sets one.
fn kind_of(name: &str) -> Option<BlockKind> {
    Some(match name {
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => BlockKind::Heading,
        "blockquote" => BlockKind::Blockquote,
        "li" | "dt" | "dd" => BlockKind::List,
        "figcaption" => BlockKind::Caption,
        _ => return None,
    })
}

fn style_of(el: ElementRef) -> Option<InlineStyle> {
    Some(match el.value().name() {
        "em" | "i" | "cite" => InlineStyle::Emphasis,
        "strong" | "b" => InlineStyle::Strong,
        "code" | "kbd" | "samp" | "tt" => InlineStyle::Code,
        "a" if el.value().attr("href").is_some() => InlineStyle::Link,
        _ => return None,
    })
}

/// The state of the body walk: open elements that set a block kind, open inline styles, and
/// the depth of `pre` elements.
struct Walker<'a, 'b> {
    used: &'b [ElementRef<'a>],
    kinds: Vec<(ElementRef<'a>, BlockKind)>,
    styles: Vec<(ElementRef<'a>, InlineStyle)>,
    pre: usize,
    b: &'b mut TextBuilder,
}

impl<'a> Walker<'a, '_> {
    /// Enters an element; `false` when it and everything under it is left out.
    fn open(&mut self, el: ElementRef<'a>) -> bool {
        if self.used.contains(&el) || is_chrome(el, true) {
            return false;
        }
        let name = el.value().name();
        if BLOCK_TAGS.contains(&name) {
            self.b.close();
        }
        if let Some(k) = kind_of(name) {
            self.kinds.push((el, k));
        }
        if let Some(s) = style_of(el) {
            self.b.start_style(s);
            self.styles.push((el, s));
        }
        match name {
            "br" => self.b.line_break(),
            "td" | "th" => self.b.push(BlockKind::Body, " "),
            "pre" => self.pre += 1,
            _ => {}
        }
        true
    }

    fn close(&mut self, el: ElementRef<'a>) {
        let name = el.value().name();
        if self.styles.last().is_some_and(|(e, _)| *e == el) {
            if let Some((_, s)) = self.styles.pop() {
                self.b.end_style(s);
            }
        }
        if self.kinds.last().is_some_and(|(e, _)| *e == el) {
            self.kinds.pop();
        }
        if name == "pre" {
            self.pre = self.pre.saturating_sub(1);
        }
        if BLOCK_TAGS.contains(&name) {
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

/// Writes the body: the text under `root` in document order, chrome and `used` left out.
/// Iterative, so deeply nested pages cannot overflow the stack.
fn walk<'a>(root: ElementRef<'a>, used: &[ElementRef<'a>], b: &mut TextBuilder) {
    let mut w = Walker {
        used,
        kinds: Vec::new(),
        styles: Vec::new(),
        pre: 0,
        b,
    };
    let mut current = root.first_child();
    'walk: while let Some(node) = current {
        match node.value() {
            Node::Text(t) => w.text(t),
            Node::Element(_) => {
                if let Some(el) = ElementRef::wrap(node) {
                    if w.open(el) {
                        if let Some(child) = node.first_child() {
                            current = Some(child);
                            continue;
                        }
                        w.close(el);
                    }
                }
            }
            _ => {}
        }
        let mut n = node;
        loop {
            if let Some(sibling) = n.next_sibling() {
                current = Some(sibling);
                continue 'walk;
            }
            match n.parent() {
                Some(p) if p.id() != root.id() => {
                    if let Some(el) = ElementRef::wrap(p) {
                        w.close(el);
                    }
                    n = p;
                }
                _ => break 'walk,
            }
        }
    }
    w.b.close();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(a: &Article) -> Vec<(BlockKind, &str)> {
        a.blocks.iter().map(|b| (b.kind, a.block_text(b))).collect()
    }

    #[test]
    fn every_selector_parses() {
        for which in [
            Sel::H1,
            Sel::P,
            Sel::Candidates,
            Sel::Byline,
            Sel::Dek,
            Sel::Kicker,
            Sel::Time,
            Sel::TitleTag,
            Sel::Headings,
        ] {
            let source = SELECTORS[which as usize];
            assert!(Selector::parse(source).is_ok(), "{source}");
        }
        assert!(Selector::parse(":not(*)").is_ok());
    }

    #[test]
    fn class_words_split_at_humps_and_dashes() {
        assert_eq!(
            attr_words("cookieBanner site-nav c_x"),
            vec!["cookie", "banner", "site", "nav", "c", "x"]
        );
    }

    #[test]
    fn the_article_is_taken_and_the_chrome_left_out() {
        let a = parse_html(
            "<html><head><title>Ignored | Site</title><script>var x = 'Evil Script';</script></head>
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
        assert_eq!(styled, vec!["emphasis", "a link"]);
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
        assert_eq!(a.blocks.len(), 2);
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
