//! Extraction speed: a web page the size of the largest of Mozilla Readability's test pages
//! (1.6 MB, mostly scripts, menus, teasers and comments around a 1,500-word story), built
//! here so that the bench needs no corpus; and a small EPUB book of 40 chapters.

use std::fmt::Write as _;
use std::io::Write as _;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use lede::article::{load_bytes, parse_html};

/// A large news page: a head full of script, a mega-menu, the story, a gallery, related
/// teasers, a comment thread, a footer of links.
fn big_page() -> String {
    let mut page = String::from("<!DOCTYPE html><html lang='en'><head><title>Harbour board backs dredging plan | The Harbour Times</title>");
    page.push_str("<meta property='og:site_name' content='The Harbour Times'>");
    for i in 0..800 {
        let _ = write!(page, "<script>window.cfg{i} = {{ key: 'value {i}', list: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], text: '{}' }};</script>", "x".repeat(1500));
    }
    page.push_str("</head><body><header class='site-header'><nav class='mega-menu'><ul>");
    for i in 0..1500 {
        let _ = write!(
            page,
            "<li class='menu-item'><a href='/section/{i}'>Section number {i} of the site</a></li>"
        );
    }
    page.push_str("</ul></nav></header><main><article><h1>Harbour board backs dredging plan</h1><p class='byline'>By Mairi Sinclair</p><div class='story-body'>");
    for i in 0..60 {
        let _ = write!(page, "<p>Paragraph {i}: the harbour board met on Tuesday to weigh the cost of dredging the channel, which has silted up faster than any survey predicted since the storms of last winter, and <a href='/x'>engineers</a> said the work would take weeks.</p>");
    }
    page.push_str("<div class='gallery'>");
    for i in 0..50 {
        let _ = write!(page, "<figure><img src='/img/{i}.jpg'><figcaption>Photo {i} of the harbour at low tide. (Image: Getty)</figcaption></figure><button>Next</button>");
    }
    page.push_str("</div></div></article><section class='related'>");
    for i in 0..300 {
        let _ = write!(page, "<div class='teaser'><a href='/story/{i}'><h3>Another story number {i} about the islands</h3></a><p>A short teaser of the story.</p></div>");
    }
    page.push_str("</section><section id='comments'>");
    for i in 0..400 {
        let _ = write!(page, "<div class='comment'><p class='comment-author'>Reader {i}</p><p>I have lived by this harbour for forty years and never seen the channel so shallow.</p></div>");
    }
    page.push_str("</section></main><footer><ul>");
    for i in 0..1000 {
        let _ = write!(page, "<li><a href='/footer/{i}'>Footer link {i}</a></li>");
    }
    page.push_str("</ul></footer></body></html>");
    page
}

/// An EPUB of 40 chapters of 30 paragraphs each.
fn book() -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let deflated = zip::write::SimpleFileOptions::default();
    let mut manifest = String::new();
    let mut spine = String::new();
    let mut entries: Vec<(String, String)> = Vec::new();
    for c in 0..40 {
        let _ = write!(
            manifest,
            "<item id='c{c}' href='c{c}.xhtml' media-type='application/xhtml+xml'/>"
        );
        let _ = write!(spine, "<itemref idref='c{c}'/>");
        let mut chapter = format!("<html><body><h1>Chapter {c}</h1>");
        for p in 0..30 {
            let _ = write!(chapter, "<p>Paragraph {p} of chapter {c}: Alice was beginning to get very tired of sitting by her sister on the bank, and of having nothing to do.</p>");
        }
        chapter.push_str("</body></html>");
        entries.push((format!("c{c}.xhtml"), chapter));
    }
    let opf = format!("<package><metadata><dc:title>Bench</dc:title></metadata><manifest>{manifest}</manifest><spine>{spine}</spine></package>");
    let container =
        "<container><rootfiles><rootfile full-path='content.opf'/></rootfiles></container>";
    let mut add = |name: &str, data: &[u8], opts: zip::write::SimpleFileOptions| {
        if zip.start_file(name, opts).is_ok() {
            let _ = zip.write_all(data);
        }
    };
    add("mimetype", b"application/epub+zip", stored);
    add("META-INF/container.xml", container.as_bytes(), deflated);
    add("content.opf", opf.as_bytes(), deflated);
    for (name, data) in &entries {
        add(name, data.as_bytes(), deflated);
    }
    zip.finish().map(|c| c.into_inner()).unwrap_or_default()
}

fn bench(c: &mut Criterion) {
    let page = big_page();
    let mut group = c.benchmark_group("extract");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(5))
        .warm_up_time(Duration::from_secs(1));
    group.throughput(Throughput::Bytes(page.len() as u64));
    let name = format!("web page {:.1} MB (parse_html)", page.len() as f64 / 1e6);
    group.bench_function(name, |b| b.iter(|| parse_html(&page)));
    let book = book();
    group.throughput(Throughput::Bytes(book.len() as u64));
    group.bench_function("epub 40 chapters (load_bytes)", |b| {
        b.iter(|| load_bytes(book.clone(), "bench.epub"))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
