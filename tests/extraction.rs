//! Extraction of the article from real-shaped web pages: one small page per kind of failure
//! seen on real sites (a chrome word in a container's name, a vetoed `articleBody`, bodies in
//! sibling sections, furniture kept, wrong metadata), written here from scratch.

use lede::article::{parse_html, Article, BlockKind};

/// Five paragraphs of a story, each with a word no chrome holds (`alpha` … `echo`).
fn story() -> String {
    [
        "Alpha: the harbour board met on Tuesday to weigh the cost of dredging the channel, which has silted up faster than any survey predicted since the storms of last winter.",
        "Bravo: engineers told the board that the work would take at least eleven weeks and that ferries would have to use the northern berth while the dredgers were at work.",
        "Charlie: the chair of the board said the council would meet half of the bill, and that the rest would come from the port's reserves rather than from higher landing fees.",
        "Delta: fishermen who use the harbour said they welcomed the decision but feared that the northern berth, exposed to easterly winds, would be unsafe for smaller boats.",
        "Echo: a final report on the plan is due in the spring, when the board will also decide whether to build a breakwater to keep the channel clear in future winters.",
    ]
    .iter()
    .map(|p| format!("<p>{p}</p>\n"))
    .collect()
}

const STORY_WORDS: [&str; 5] = ["Alpha:", "Bravo:", "Charlie:", "Delta:", "Echo:"];

/// A page around `article`: a site header with menus, a sidebar of related links, a footer.
fn page(head: &str, article: &str) -> String {
    format!(
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>{head}</head><body>
         <header class='site-header'><a class='logo' href='/'>The Harbour Times</a>
         <nav><ul><li><a href='/news'>News</a></li><li><a href='/sport'>Sport</a></li>
         <li><a href='/weather'>Weather forecast for the islands</a></li></ul></nav></header>
         {article}
         <aside class='sidebar'><h3>Most read</h3><ul>
         <li><a href='/a'>Ferry timetable changes for the summer season</a></li>
         <li><a href='/b'>Lifeboat crew called out twice in one night</a></li></ul></aside>
         <footer><p>Copyright The Harbour Times. All rights reserved.</p>
         <a href='/privacy'>Privacy policy</a></footer></body></html>"
    )
}

fn body_text(a: &Article) -> String {
    a.blocks
        .iter()
        .filter(|b| {
            !matches!(
                b.kind,
                BlockKind::Title | BlockKind::Kicker | BlockKind::Dek
            )
        })
        .map(|b| a.block_text(b))
        .collect::<Vec<_>>()
        .join("\n")
}

fn assert_whole_story(a: &Article, case: &str) {
    let text = body_text(a);
    for w in STORY_WORDS {
        assert!(text.contains(w), "{case}: {w} lost in\n{text}");
    }
    for chrome in ["Lifeboat crew", "Privacy policy", "Weather forecast"] {
        assert!(!text.contains(chrome), "{case}: {chrome} kept in\n{text}");
    }
}

#[test]
fn a_chrome_word_in_a_containers_name_does_not_throw_the_article_away() {
    for wrapper in [
        "<div class='screenContent'>",
        "<div class='widget Blog'>",
        "<div class='i-nav_drawer_slide'>",
        "<div class='panel-two-col-sidebar-right'>",
        "<div class='modalCentered'>",
        "<div id='ad-portal'>",
        "<div class='evolve-shared-layout'>",
        "<div class='contentWithSidebar'>",
    ] {
        let html = page(
            "<title>Harbour board backs dredging plan</title>",
            &format!(
                "{wrapper}<div class='post'><h1>Harbour board backs dredging plan</h1>{}</div></div>",
                story()
            ),
        );
        assert_whole_story(&parse_html(&html), wrapper);
    }
}

#[test]
fn an_explicit_article_body_is_kept_whatever_else_its_element_is_called() {
    let html = page(
        "<title>Harbour board backs dredging plan</title>",
        &format!(
            "<h1>Harbour board backs dredging plan</h1>
             <div class='story sidebar-layout' itemprop='articleBody mainEntityOfPage'>{}</div>",
            story()
        ),
    );
    assert_whole_story(&parse_html(&html), "itemprop");
}

#[test]
fn a_body_of_sibling_sections_or_line_breaks_is_read_whole() {
    let sections: String = story()
        .replace("<p>", "<div class='step'><h3>Step</h3><p>")
        .replace("</p>", "</p></div>");
    let html = page(
        "<title>How the harbour is dredged</title>",
        &format!("<div class='steps'><h1>How the harbour is dredged</h1>{sections}</div>"),
    );
    assert_whole_story(&parse_html(&html), "div.step sections");

    let broken: String = story().replace("<p>", "").replace("</p>", "<br><br>");
    let html = page(
        "<title>Harbour board backs dredging plan</title>",
        &format!("<div id='main-text'>{broken}</div>"),
    );
    let a = parse_html(&html);
    assert_whole_story(&a, "div and br");
    assert!(
        a.blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Body)
            .count()
            >= 5
    );
}

#[test]
fn wikipedia_markers_and_contents_box_are_left_out() {
    let html = page(
        "<title>Harbour of Port Ellen - Wikipedia</title>",
        &format!(
            "<div id='content'><h1>Harbour of Port Ellen</h1>
             <div id='toc' class='toc'><h2>Contents</h2><ul><li><a href='#h'>1 History</a></li>
             <li><a href='#d'>2 Dredging</a></li></ul></div>
             <h2>History<span class='mw-editsection'>[<a href='/edit'>edit</a>]</span></h2>
             {}</div>",
            story().replace(
                "last winter.",
                "last winter.<sup class='reference'><a href='#cite-13'>[13]</a></sup>"
            )
        ),
    );
    let a = parse_html(&html);
    assert_whole_story(&a, "wikipedia");
    let text = a.text();
    for furniture in ["[13]", "[edit]", "edit]", "1 History", "Contents"] {
        assert!(!text.contains(furniture), "{furniture} kept in\n{text}");
    }
    assert!(text.contains("last winter."));
}

#[test]
fn share_prompts_topic_lists_and_more_on_this_story_are_left_out() {
    let html = page(
        "<title>Harbour board backs dredging plan</title>",
        &format!(
            "<article><h1>Harbour board backs dredging plan</h1>{}
             <div class='submeta'><h2>Topics</h2><ul><li><a href='/t/ports'>Ports</a></li>
             <li><a href='/t/islands'>Islands</a></li></ul></div>
             <p><a href='/reuse'>Reuse this content</a></p>
             <h2>More on this story</h2><ul>
             <li><a href='/x'>Dredger arrives in the bay after a long voyage</a></li>
             <li><a href='/y'>Council approves its harbour budget for next year</a></li></ul>
             </article>",
            story()
        ),
    );
    let a = parse_html(&html);
    assert_whole_story(&a, "furniture");
    for furniture in [
        "Topics",
        "Ports",
        "Reuse this content",
        "More on this story",
        "Dredger arrives",
    ] {
        assert!(
            !a.text().contains(furniture),
            "{furniture} kept in\n{}",
            a.text()
        );
    }
}

#[test]
fn the_title_is_the_headline_not_the_logo_the_section_or_the_author() {
    // og:title with the site's name after it, a logo in an h1 of the site header.
    let html = page(
        "<title>Harbour board backs dredging plan | The Harbour Times</title>
         <meta property='og:site_name' content='The Harbour Times'>
         <meta property='og:title' content='Harbour board backs dredging plan | The Harbour Times'>",
        &format!("<h1 class='logo'>The Harbour Times</h1><article>{}</article>", story()),
    );
    let a = parse_html(&html);
    assert_eq!(
        a.meta.title.as_deref(),
        Some("Harbour board backs dredging plan")
    );
    assert_eq!(a.meta.site.as_deref(), Some("The Harbour Times"));
    assert!(!a.text().contains("The Harbour Times"));

    // The author's name after a bar.
    let html = page(
        "<title>Why the channel silts up | Mairi Sinclair</title>
         <meta name='author' content='Mairi Sinclair'>",
        &format!("<article>{}</article>", story()),
    );
    assert_eq!(
        parse_html(&html).meta.title.as_deref(),
        Some("Why the channel silts up")
    );
}

#[test]
fn the_byline_has_no_date_and_no_handle() {
    let html = page(
        "<title>Harbour board backs dredging plan</title>",
        &format!(
            "<article><h1>Harbour board backs dredging plan</h1>
             <p class='byline'>By <a rel='author' href='/a/mairi'>Mairi Sinclair</a> | @mairi_s | 19 Nov 2019, 10:02</p>
             {}</article>",
            story()
        ),
    );
    let a = parse_html(&html);
    assert_eq!(a.meta.author.as_deref(), Some("Mairi Sinclair"));
}

#[test]
fn the_dek_is_the_complete_description_not_the_cut_off_one() {
    let html = page(
        "<title>Harbour board backs dredging plan</title>
         <meta name='description' content='The board voted to dredge the silted channel over eleven weeks, with the council…'>
         <meta property='og:description' content='The board voted to dredge the silted channel over eleven weeks, with the council meeting half the bill.'>",
        &format!("<article><h1>Harbour board backs dredging plan</h1>{}</article>", story()),
    );
    let a = parse_html(&html);
    assert_eq!(
        a.meta.dek.as_deref(),
        Some("The board voted to dredge the silted channel over eleven weeks, with the council meeting half the bill.")
    );
    assert_eq!(a.blocks[1].kind, BlockKind::Dek);
}

#[test]
fn site_name_language_and_date_are_read() {
    let html = page(
        "<title>Harbour board backs dredging plan</title>
         <meta property='og:site_name' content='The Harbour Times'>
         <meta property='og:locale' content='en_GB'>
         <meta property='article:published_time' content='2019-11-19T10:02:00Z'>",
        &format!(
            "<article><h1>Harbour board backs dredging plan</h1>{}</article>",
            story()
        ),
    );
    let a = parse_html(&html);
    assert_eq!(a.meta.site.as_deref(), Some("The Harbour Times"));
    // `<html lang>` comes first.
    assert_eq!(a.meta.language.as_deref(), Some("en"));
    assert_eq!(a.meta.date.as_deref(), Some("2019-11-19T10:02:00Z"));
    let html = html.replace("<html lang='en'>", "<html>");
    assert_eq!(parse_html(&html).meta.language.as_deref(), Some("en-GB"));
}

#[test]
fn date_lines_and_credited_photos_are_not_body() {
    let html = page(
        "<title>Harbour board backs dredging plan</title>",
        &format!(
            "<article><h1>Harbour board backs dredging plan</h1>
             <p>Updated 5:27 am GMT, Wednesday, November 20, 2019</p>
             <p>The dredger Orca at work in the channel. (Image: GETTY)</p>{}</article>",
            story()
        ),
    );
    let a = parse_html(&html);
    let kind_of = |needle: &str| {
        a.blocks
            .iter()
            .find(|b| a.block_text(b).contains(needle))
            .map(|b| b.kind)
    };
    assert_eq!(kind_of("Updated 5:27"), Some(BlockKind::Dateline));
    assert_eq!(kind_of("The dredger Orca"), Some(BlockKind::Caption));
    assert_eq!(kind_of("Alpha:"), Some(BlockKind::Body));
}

#[test]
fn comments_are_never_the_article() {
    let comment = "<div class='comment'><p class='comment-author'>Olga Petrova</p><p>I have lived by this harbour for forty years and I have never seen the channel so shallow, the board should have acted long ago and everyone on the pier knows it, whatever the engineers say about their surveys and their reports and their eleven weeks.</p></div>";
    let html = page(
        "<title>Harbour board backs dredging plan</title>",
        &format!(
            "<article><h1>Harbour board backs dredging plan</h1>{}</article>
             <section id='comments'>{}</section>",
            story(),
            comment.repeat(6)
        ),
    );
    let a = parse_html(&html);
    assert_whole_story(&a, "comments");
    assert!(!a.text().contains("Olga Petrova"));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]

    /// Any soup of page-like markup (chrome names, markers, figures, tables) gives an article
    /// whose blocks are in order and on character boundaries, and never a panic.
    #[test]
    fn page_soup_never_panics_and_blocks_are_well_formed(
        parts in proptest::collection::vec(proptest::sample::select(vec![
            "<div class='share-tools'>", "<div class='comment'>", "<div itemprop='articleBody'>",
            "<div class='story-body'>", "</div>", "<p>", "</p>", "<article>", "</article>",
            "<h1>", "</h1>", "<h2>More on this story</h2>", "<ul><li><a href='/x'>", "</a></li></ul>",
            "<figure><figcaption>", "</figcaption></figure>", "<sup>[13]</sup>", "<br><br>",
            "<table><tr><td>", "</td></tr></table>", "<span class='byline'>By Ann Lee</span>",
            "<meta property='og:title' content='T | S'>", "<title>A | B</title>", "<time datetime='2020'>",
            "Zoë said “yes” to the plan. ", "Alpha bravo charlie delta echo foxtrot. ", "é", "&amp;",
            "<script>x()</script>", "<nav>", "</nav>", "<pre>", "</pre>", "\n", "Updated 5:27 am ",
        ]), 0..80),
    ) {
        let html = parts.concat();
        let a = parse_html(&html);
        let text = a.text();
        let mut last = 0;
        for b in &a.blocks {
            proptest::prop_assert!(b.start < b.end && b.start >= last && b.end <= text.len());
            proptest::prop_assert!(text.is_char_boundary(b.start) && text.is_char_boundary(b.end));
            last = b.end;
        }
        for s in &a.styles {
            proptest::prop_assert!(s.start < s.end && s.end <= text.len());
        }
    }
}
