//! What a web page says about its article: title, byline, date, standfirst, site and language.
//!
//! Pages say it several times over, not always well: `<meta>` tags (Open Graph, Twitter,
//! Dublin Core), `<title>`, the `h1`, byline elements, and Readability's reading of JSON-LD.
//! This module gathers the candidates from the page before the article is extracted, then
//! chooses: a title without the site's name around it, a byline without dates or handles, the
//! complete description rather than a cut-off one.

use std::collections::HashMap;

use dom_query::{Document, NodeRef};

use super::html::{comparable, ChromeMap};
use super::{Article, BlockKind, Meta};

/// What Readability read of the page (from JSON-LD, meta tags and the byline it found).
#[derive(Debug, Default)]
pub(crate) struct ReadabilityMeta {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub excerpt: Option<String>,
    pub site: Option<String>,
    pub language: Option<String>,
    pub date: Option<String>,
}

/// The article's metadata, with the lines of the page's header that say it: the byline as
/// the page words it (`By Jane Doe, Islands Correspondent`) when it names the chosen author,
/// and the date line (`Thursday 2 May 2024`).
#[derive(Debug, Default)]
pub(crate) struct Header {
    pub meta: Meta,
    pub byline: Option<String>,
    pub dateline: Option<String>,
    /// The caption of the article's lead picture.
    pub lead_caption: Option<String>,
}

/// The candidates a page offers, read before the article is extracted.
#[derive(Debug, Default)]
pub(crate) struct PageMeta {
    /// `<meta>` contents by lowercase `property`, `name` or `itemprop`; the first non-empty.
    metas: HashMap<String, String>,
    title_tag: Option<String>,
    h1: Option<String>,
    html_lang: Option<String>,
    byline: Option<String>,
    author: Option<String>,
    kicker: Option<String>,
    dek: Option<String>,
    time: Option<(Option<String>, String)>,
    lead_caption: Option<String>,
}

/// White space collapsed and trimmed.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn text_of(n: &NodeRef) -> String {
    collapse(&n.text())
}

fn words(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Whether a node sits in page chrome (navigation, a footer, an aside, comments, a share bar).
fn in_chrome(n: &NodeRef, chrome: &ChromeMap) -> bool {
    n.ancestors_it(None).any(|a| {
        let name = a.node_name();
        matches!(
            name.as_deref(),
            Some("nav" | "footer" | "aside" | "form" | "script" | "noscript" | "template")
        ) || chrome.contains(&a)
    })
}

/// The first element matching `css` outside chrome whose text has 1 to `max_words` words.
fn first_text(doc: &Document, chrome: &ChromeMap, css: &str, max_words: usize) -> Option<String> {
    let sel = doc.try_select(css)?;
    sel.nodes()
        .iter()
        .filter(|n| !in_chrome(n, chrome))
        .map(text_of)
        .find(|t| (1..=max_words).contains(&words(t)))
}

/// The caption of the first picture in the `<article>` that holds the page's headline (`h1`):
/// the lead picture, which often sits between the header and the body that Readability keeps.
fn lead_caption(doc: &Document, chrome: &ChromeMap) -> Option<String> {
    let h1 = doc.try_select("article h1")?;
    let h1 = h1.nodes().iter().find(|n| !in_chrome(n, chrome))?;
    let article = h1
        .ancestors_it(None)
        .find(|a| a.node_name().as_deref() == Some("article"))?;
    let caption = article.find(&["figure", "figcaption"]);
    caption
        .iter()
        .filter(|c| !in_chrome(c, chrome))
        .map(text_of)
        .find(|t| (3..=80).contains(&words(t)))
}

/// Reads the candidates of a page.
pub(crate) fn read(doc: &Document, chrome: &ChromeMap) -> PageMeta {
    let mut m = PageMeta::default();
    for node in doc.select("meta").nodes() {
        let key = node
            .attr("property")
            .or_else(|| node.attr("name"))
            .or_else(|| node.attr("itemprop"))
            .or_else(|| node.attr("http-equiv"));
        let (Some(key), Some(content)) = (key, node.attr("content")) else {
            continue;
        };
        let content = collapse(&content);
        if !content.is_empty() {
            // `property="og:title twitter:title"` names the content for both.
            for key in key.split_whitespace() {
                m.metas
                    .entry(key.to_lowercase())
                    .or_insert_with(|| content.clone());
            }
        }
    }
    m.title_tag = doc
        .try_select("title")
        .and_then(|s| s.nodes().first().map(text_of))
        .filter(|t| !t.is_empty());
    m.h1 = first_text(doc, chrome, "h1", 40);
    m.html_lang = doc
        .try_select("html[lang], html[xml\\:lang]")
        .and_then(|s| s.nodes().first().and_then(|n| n.attr("lang")))
        .map(|l| l.to_string());
    m.byline = first_text(
        doc,
        chrome,
        ".byline, [class*=byline], [rel=author], [itemprop~=author], .author, .author-name, \
         [class*=article-author], [class*=AuthorName]",
        25,
    );
    m.author = first_text(
        doc,
        chrome,
        "[itemprop~=author] [itemprop~=name], [rel=author], .vcard .fn, a[href*='/author/'], \
         a[href*='/authors/'], a[href*='/profile/']",
        6,
    );
    m.lead_caption = lead_caption(doc, chrome);
    m.kicker = first_text(
        doc,
        chrome,
        ".kicker, .eyebrow, .overline, [class*=kicker]",
        8,
    );
    m.dek = first_text(
        doc,
        chrome,
        ".dek, .deck, .standfirst, .subtitle, .subheadline, .subhead, .article-summary, \
         [itemprop~=alternativeHeadline], [class*=standfirst]",
        80,
    );
    m.time = doc.try_select("time").and_then(|s| {
        s.nodes()
            .iter()
            .filter(|n| !in_chrome(n, chrome))
            .map(|n| (n.attr("datetime").map(|d| collapse(&d)), text_of(n)))
            .find(|(d, t)| d.as_deref().is_some_and(|d| !d.is_empty()) || words(t) > 0)
    });
    m
}

impl PageMeta {
    fn meta(&self, keys: &[&str]) -> Option<String> {
        keys.iter().find_map(|k| self.metas.get(*k).cloned())
    }

    /// Chooses the metadata of the article, given what Readability read and the body text.
    pub(crate) fn resolve(&self, r: Option<&ReadabilityMeta>, body: &Article) -> Header {
        let r = r.unwrap_or(&EMPTY);
        let site = self
            .meta(&["og:site_name", "application-name", "al:ios:app_name"])
            .or_else(|| r.site.clone())
            .filter(|s| (1..=8).contains(&words(s)) && !s.starts_with("http"));
        let author = r
            .byline
            .as_deref()
            .and_then(clean_byline)
            .or_else(|| {
                self.meta(&[
                    "author",
                    "article:author",
                    "article:author_name",
                    "byl",
                    "dc.creator",
                    "parsely-author",
                    "sailthru.author",
                ])
                .as_deref()
                .filter(|a| !a.contains("://"))
                .and_then(clean_byline)
            })
            .or_else(|| self.author.as_deref().and_then(clean_byline))
            .or_else(|| self.byline.as_deref().and_then(clean_byline));
        let title = self.title(r, site.as_deref(), author.as_deref());
        let lead: Vec<&str> = body
            .blocks
            .iter()
            .filter(|b| {
                matches!(
                    b.kind,
                    BlockKind::Body | BlockKind::List | BlockKind::Blockquote
                )
            })
            .map(|b| body.block_text(b))
            .collect();
        let dek = self
            .dek
            .clone()
            .filter(|d| {
                title
                    .as_deref()
                    .is_none_or(|t| comparable(t) != comparable(d))
            })
            .or_else(|| self.description(r, site.as_deref(), &lead));
        let date = self
            .meta(&[
                "article:published_time",
                "datepublished",
                "dc.date",
                "dc.date.issued",
                "date",
                "pubdate",
                "publishdate",
                "sailthru.date",
            ])
            .or_else(|| r.date.clone())
            .or_else(|| {
                let (datetime, text) = self.time.clone()?;
                datetime.filter(|d| !d.is_empty()).or(Some(text))
            })
            .filter(|d| !d.is_empty());
        let language = [
            self.html_lang.clone(),
            r.language.clone(),
            self.meta(&["og:locale", "content-language", "dc.language", "inlanguage"]),
        ]
        .into_iter()
        .flatten()
        .find_map(|l| language_tag(&l));
        let kicker = self
            .kicker
            .clone()
            .or_else(|| self.meta(&["article:section"]))
            .filter(|k| {
                (1..=6).contains(&words(k))
                    && title
                        .as_deref()
                        .is_none_or(|t| comparable(t) != comparable(k))
                    && site
                        .as_deref()
                        .is_none_or(|s| comparable(s) != comparable(k))
            });
        // The page's byline line, unless it also carries the date (shown as the dateline).
        let byline = self.byline.clone().filter(|line| {
            !line.chars().any(|c| c.is_ascii_digit())
                && author.is_some()
                && clean_byline(line).as_deref().map(comparable)
                    == author.as_deref().map(comparable)
        });
        let meta = Meta {
            kicker,
            title,
            dek,
            author,
            date,
            site,
            language,
        };
        let dateline = self
            .time
            .as_ref()
            .map(|(_, text)| text.clone())
            .filter(|t| super::html::is_date_line(t));
        Header {
            meta,
            byline,
            dateline,
            lead_caption: self.lead_caption.clone(),
        }
    }

    /// The title: Readability's choice (JSON-LD, Open Graph, then `<title>` trimmed), with the
    /// site's name and the author cut off around it; the page's `h1` when that is all a site
    /// logo or section name.
    fn title(
        &self,
        r: &ReadabilityMeta,
        site: Option<&str>,
        author: Option<&str>,
    ) -> Option<String> {
        let h1 = self.h1.clone().filter(|h| words(h) >= 2);
        let explicit = self.meta(&["og:title", "twitter:title", "dc.title"]);
        let is_name = |t: &str| {
            site.is_some_and(|s| comparable(s) == comparable(t))
                || self
                    .title_tag
                    .as_deref()
                    .is_some_and(|tag| comparable(tag) == comparable(t) && words(t) <= 2)
        };
        // Without a title stated for sharing, the headline (`h1`) is the title when the
        // `<title>` holds it with more around it (`Headline - Section - Site`).
        let headline = h1.as_deref().filter(|h| {
            explicit.is_none()
                && words(h) >= 3
                && !is_name(h)
                && self.title_tag.as_deref().is_some_and(|tag| {
                    let (tag, h) = (comparable(tag), comparable(h));
                    tag.len() > h.len() && tag.contains(&h)
                })
        });
        let chosen = headline
            .map(str::to_string)
            .or_else(|| r.title.clone())
            .or(explicit)
            .or_else(|| self.title_tag.clone())
            .or_else(|| h1.clone())?;
        let mut title = without_site(&chosen, site, author);
        if let Some(h1) = h1 {
            // A logo or a section name in place of the headline.
            if (is_name(&title) || words(&title) == 1)
                && words(&h1) > words(&title)
                && !is_name(&h1)
            {
                title = without_site(&h1, site, author);
            }
        }
        Some(title).filter(|t| !t.is_empty())
    }

    /// The standfirst from the page's descriptions: Open Graph's and Twitter's are usually
    /// complete where `<meta name=description>` is cut off for search engines, so a cut-off one
    /// gives way to a longer one that starts the same. None that merely repeats the first
    /// paragraph, or that is the site's own blurb.
    fn description(
        &self,
        r: &ReadabilityMeta,
        site: Option<&str>,
        lead: &[&str],
    ) -> Option<String> {
        let candidates: Vec<String> = [
            self.meta(&["og:description"]),
            self.meta(&["twitter:description"]),
            self.meta(&["description", "dc.description"]),
            r.excerpt.clone().map(|e| collapse(&e)),
        ]
        .into_iter()
        .flatten()
        .filter(|d| words(d) >= 3)
        .collect();
        let mut best = candidates.first()?.clone();
        for other in &candidates[1..] {
            let (b, o) = (comparable(&best), comparable(other));
            let cut_off = best.ends_with('…') || best.ends_with("...");
            if other.len() > best.len()
                && (o.starts_with(&b) || (cut_off && o.starts_with(&b[..b.len().min(40)])))
            {
                best = other.clone();
            }
        }
        // A description that is the start of a paragraph (Readability falls back on the first
        // one) repeats the text; a short paragraph is only a repeat when it is all of it.
        let d = comparable(&best);
        let head: String = d.chars().take(60).collect();
        let repeats_lead = lead.iter().any(|p| {
            let p = comparable(p);
            !p.is_empty() && (p.starts_with(&head) || (d.starts_with(&p) && words(&p) >= 8))
        });
        let blurb = site.is_some_and(|s| d.contains(&comparable(s)));
        (!repeats_lead && !blurb && words(&best) <= 80).then_some(best)
    }
}

static EMPTY: ReadabilityMeta = ReadabilityMeta {
    title: None,
    byline: None,
    excerpt: None,
    site: None,
    language: None,
    date: None,
};

/// Separators between a title and the site's name (`Title | Site`, `Site - Title`).
const SEPARATORS: [&str; 9] = [
    " | ", " - ", " — ", " – ", " :: ", " · ", " • ", " « ", " » ",
];

/// `Title | The Daily Planet`, `The Daily Planet — Title`, `Title | Jane Doe` → `Title`. A part
/// is cut when it is the site's name (or its domain) or the author; without a known site name,
/// a short tail after ` | ` goes when the head is a real title.
pub(crate) fn without_site(title: &str, site: Option<&str>, author: Option<&str>) -> String {
    let mut t = collapse(title);
    let matches = |part: &str, name: Option<&str>| {
        name.is_some_and(|n| {
            let (p, n) = (comparable(part), comparable(n));
            !n.is_empty()
                && (p == n
                    || p.replace(' ', "") == n.replace(' ', "")
                    || (words(part) <= 4 && p.starts_with(&n)))
        })
    };
    let is_domain = |part: &str| {
        let p = part.trim().to_ascii_lowercase();
        !p.contains(' ')
            && [".com", ".org", ".net", ".co.uk", ".de", ".fr"]
                .iter()
                .any(|d| p.ends_with(d))
    };
    loop {
        let mut changed = false;
        for sep in SEPARATORS {
            if let Some((head, tail)) = t.rsplit_once(sep) {
                if matches(tail, site) || matches(tail, author) || is_domain(tail) {
                    t = head.trim().to_string();
                    changed = true;
                    break;
                }
            }
            if let Some((head, tail)) = t.split_once(sep) {
                if matches(head, site) || is_domain(head) {
                    t = tail.trim().to_string();
                    changed = true;
                    break;
                }
            }
        }
        if !changed {
            break;
        }
    }
    if site.is_none() {
        if let Some((head, tail)) = t.rsplit_once(" | ") {
            if words(head) >= 3 && words(tail) <= 4 {
                t = head.trim().to_string();
            }
        }
    }
    t
}

/// Words that open a byline and are not the name.
const BYLINE_OPENERS: [&str; 9] = [
    "by ",
    "by: ",
    "written by ",
    "words by ",
    "story by ",
    "posted by ",
    "author: ",
    "authors: ",
    "reporting by ",
];

/// A job title after the name (`Jane Doe, Staff Writer`).
const ROLES: [&str; 14] = [
    "staff writer",
    "staff reporter",
    "reporter",
    "writer",
    "correspondent",
    "senior writer",
    "contributor",
    "contributing writer",
    "editor",
    "columnist",
    "special to",
    "staff",
    "guest author",
    "opinion contributor",
];

/// Words that end a job title (`Islands Correspondent`).
const ROLE_WORDS: [&str; 9] = [
    "correspondent",
    "writer",
    "reporter",
    "editor",
    "columnist",
    "contributor",
    "producer",
    "analyst",
    "critic",
];

/// The names of a byline: `By Jane Doe | @janedoe | May 3, 2019, 10:02 am` → `Jane Doe`. Parts
/// between separators that hold a date, a time, a handle, an address or a job title are left
/// out; what remains are the names, joined by commas. `None` when nothing like a name remains.
pub(crate) fn clean_byline(s: &str) -> Option<String> {
    let s = collapse(s);
    let mut rest = s.as_str();
    loop {
        let lower = rest.to_lowercase();
        match BYLINE_OPENERS.iter().find(|o| lower.starts_with(*o)) {
            Some(o) => rest = rest.get(o.len()..).unwrap_or("").trim_start(),
            None => break,
        }
    }
    let mut names: Vec<String> = Vec::new();
    for part in rest.split(['|', '·', '•', '—', '–', ',', '\n', ';']) {
        for part in part.split(" - ") {
            let kept: Vec<&str> = part
                .split_whitespace()
                .filter(|w| !w.starts_with('@') && !w.contains("://") && !w.contains('@'))
                .collect();
            let part = kept.join(" ");
            let lower = part.to_lowercase();
            let dated = part.chars().any(|c| c.is_ascii_digit())
                || ["updated", "published", "posted", "last ", "modified", "ago"]
                    .iter()
                    .any(|w| lower.starts_with(w) || lower.ends_with(w.trim()));
            // A job title: a known one, or any phrase ending in a role word
            // (`Islands Correspondent`, `AP National Security Writer`).
            let last = lower.rsplit(' ').next().unwrap_or("");
            let role = ROLES
                .iter()
                .any(|r| lower == *r || lower.starts_with(&format!("{r} ")))
                || ROLE_WORDS.contains(&last);
            let noise = matches!(
                lower.as_str(),
                "" | "twitter" | "follow" | "email" | "and" | "facebook"
            );
            if !(dated || role || noise) {
                names.push(part);
            }
        }
    }
    // After a name, a single word is the agency or the paper (`Ann Lee, Reuters`).
    if names.len() > 1 && words(&names[0]) > 1 {
        names.retain(|n| words(n) > 1);
    }
    let joined = names.join(", ");
    let joined = joined
        .strip_prefix("and ")
        .unwrap_or(&joined)
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != ')')
        .to_string();
    (!joined.is_empty() && words(&joined) <= 15 && joined.chars().any(char::is_alphabetic))
        .then_some(joined)
}

/// A BCP 47 language tag from `en_US`, `en-gb`, `fr`; `None` for anything else.
pub(crate) fn language_tag(s: &str) -> Option<String> {
    let s = s.trim().replace('_', "-");
    let mut parts = s.split('-');
    let primary = parts.next()?.to_ascii_lowercase();
    if !(2..=3).contains(&primary.len()) || !primary.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    let mut tag = primary;
    for p in parts {
        if p.is_empty() || p.len() > 8 || !p.chars().all(|c| c.is_ascii_alphanumeric()) {
            break;
        }
        tag.push('-');
        tag.push_str(&if p.len() == 2 {
            p.to_ascii_uppercase()
        } else {
            p.to_string()
        });
    }
    Some(tag)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_byline_keeps_the_names_only() {
        assert_eq!(clean_byline("By Jane Doe").as_deref(), Some("Jane Doe"));
        assert_eq!(
            clean_byline("By Jane Doe | @janedoe | May 3, 2019, 10:02 am").as_deref(),
            Some("Jane Doe")
        );
        assert_eq!(
            clean_byline("Jane Doe, Staff Writer").as_deref(),
            Some("Jane Doe")
        );
        assert_eq!(
            clean_byline("By Isla MacLeod, Islands Correspondent").as_deref(),
            Some("Isla MacLeod")
        );
        assert_eq!(
            clean_byline("By Ann Lee, Reuters").as_deref(),
            Some("Ann Lee")
        );
        assert_eq!(
            clean_byline("by Ann Lee and Bo Park | Updated 2 hours ago").as_deref(),
            Some("Ann Lee and Bo Park")
        );
        assert_eq!(
            clean_byline("Jane Doe, John Smith").as_deref(),
            Some("Jane Doe, John Smith")
        );
        assert_eq!(clean_byline("Posted 2019-05-03"), None);
        assert_eq!(
            clean_byline("Jane Doe jane@example.com").as_deref(),
            Some("Jane Doe")
        );
    }

    #[test]
    fn the_site_name_is_cut_from_either_end_of_a_title() {
        let site = Some("The Daily Planet");
        assert_eq!(
            without_site("Storm hits | The Daily Planet", site, None),
            "Storm hits"
        );
        assert_eq!(
            without_site("The Daily Planet - Storm hits", site, None),
            "Storm hits"
        );
        assert_eq!(
            without_site("Storm hits the coast | Jane Doe", None, Some("Jane Doe")),
            "Storm hits the coast"
        );
        assert_eq!(
            without_site("Storm hits - dailyplanet.com", None, None),
            "Storm hits"
        );
        assert_eq!(
            without_site("Trump - Kim summit on the rocks", None, None),
            "Trump - Kim summit on the rocks"
        );
    }

    #[test]
    fn language_tags_are_normalised() {
        assert_eq!(language_tag("en_US").as_deref(), Some("en-US"));
        assert_eq!(language_tag("fr").as_deref(), Some("fr"));
        assert_eq!(language_tag("EN-gb").as_deref(), Some("en-GB"));
        assert_eq!(language_tag("english"), None);
    }
}
