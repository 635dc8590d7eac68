//! Loading (every format, chosen by the name the input claims) and analysing arbitrary bytes:
//! no panic, and every span the analysis gives lies inside the text on character boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let name = ["article.txt", "article.md", "article.html", "article.json", "-"][selector as usize % 5];
    let Ok(loaded) = lede::article::load_bytes(bytes.to_vec(), name) else {
        return;
    };
    let text = loaded.article.text();
    for b in &loaded.article.blocks {
        assert!(b.start <= b.end && text.is_char_boundary(b.start) && text.is_char_boundary(b.end));
    }
    let analysis = loaded
        .analysis
        .unwrap_or_else(|| lede::analysis::analyze(&loaded.article));
    for e in &analysis.entities {
        for m in &e.mentions {
            assert!(m.start < m.end && text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
        }
    }
    for q in &analysis.quotes {
        assert!(q.start <= q.end && text.is_char_boundary(q.start) && text.is_char_boundary(q.end));
    }
});
