//! Quote finding and attribution on the whole of War and Peace (3.2 MB of dialogue-heavy text):
//! the pass must stay linear and well under 100 ms in release.

use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use lede::analysis::quotes;
use lede::article::parse_plain;

fn book(c: &mut Criterion) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/data/war-and-peace.txt");
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let article = parse_plain(text.clone());
    let mut group = c.benchmark_group("quotes");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(20);
    group.bench_function("war_and_peace", |b| {
        b.iter(|| quotes::find(std::hint::black_box(&article), &[]))
    });
    group.finish();
}

criterion_group!(benches, book);
criterion_main!(benches);
