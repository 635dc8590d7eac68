//! Analysis throughput: the bundled sample article and a whole book (War and Peace), measured in
//! bytes per second (divide by about 5.7 bytes a word for words per second).

use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use lede::analysis::{analyze, entities};
use lede::article::parse_plain;

fn read(relative: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    std::fs::read_to_string(path).unwrap_or_default()
}

fn bench(c: &mut Criterion) {
    for (name, relative) in [
        ("sample", "assets/north-korea-summit.txt"),
        ("war-and-peace", "benches/data/war-and-peace.txt"),
    ] {
        let text = read(relative);
        let words = text.split_whitespace().count() as u64;
        let article = parse_plain(text.clone());
        let mut group = c.benchmark_group(name);
        group
            .sample_size(10)
            .measurement_time(Duration::from_secs(3))
            .warm_up_time(Duration::from_secs(1));
        group.throughput(Throughput::Elements(words));
        group.bench_function("entities (words)", |b| {
            b.iter(|| entities::recognize(&article))
        });
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function("analyze (bytes)", |b| b.iter(|| analyze(&article)));
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
