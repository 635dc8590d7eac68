//! Frame rendering and layout speed: a frame of the sample and of War and Peace (after a jump
//! to its middle) at 120×40 into a test backend, a key press plus its frame (also with a target,
//! `&`, the minimap and the X-Ray), a jump to the last mention of a name, the layout of the whole
//! book at width 100 and of its first screen, and a search typed without accents.

use std::hint::black_box;
use std::sync::Arc;

use criterion::{criterion_group, criterion_main, Criterion};
use lede::analysis::EntityKind;
use lede::app::fixture::{analysis_for, SAMPLE_NAMES};
use lede::app::{Action, App};
use lede::article::parse_plain;
use lede::layout::Layout;
use ratatui::backend::TestBackend;
use ratatui::Terminal;

const BOOK_NAMES: &[(EntityKind, &str, &[&str])] = &[
    (EntityKind::Person, "Pierre", &["Pierre Bezukhov"]),
    (EntityKind::Person, "Natasha", &["Natasha Rostova"]),
    (EntityKind::Person, "Prince Andrew", &["Andrew"]),
    (EntityKind::Person, "Napoleon", &["Bonaparte"]),
    (EntityKind::Place, "Moscow", &[]),
    (EntityKind::Place, "Petersburg", &[]),
];

fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).expect("fixture")
}

fn app_for(text: String, names: &[(EntityKind, &str, &[&str])]) -> App {
    let article = parse_plain(text);
    let analysis = analysis_for(&article, names);
    let mut app = App::new(Arc::new(article), "bench.txt", Some(analysis));
    app.update(Action::Resize(120, 40));
    app
}

fn frames(c: &mut Criterion) {
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");

    let sample = app_for(read("assets/north-korea-summit.txt"), SAMPLE_NAMES);
    c.bench_function("frame_sample_120x40", |b| {
        b.iter(|| {
            terminal
                .draw(|f| lede::ui::render(black_box(&sample), f))
                .map(|_| ())
        })
    });

    let mut book = app_for(read("benches/data/war-and-peace.txt"), BOOK_NAMES);
    for c in "50".chars() {
        book.update(Action::Type(c));
    }
    book.update(Action::Percent);
    c.bench_function("frame_war_and_peace_middle_120x40", |b| {
        b.iter(|| {
            terminal
                .draw(|f| lede::ui::render(black_box(&book), f))
                .map(|_| ())
        })
    });

    let mut down = true;
    c.bench_function("key_and_frame_war_and_peace_120x40", |b| {
        b.iter(|| {
            book.update(if down { Action::Down } else { Action::Up });
            down = !down;
            terminal.draw(|f| lede::ui::render(&book, f)).map(|_| ())
        })
    });

    // A jump to the last mention of Pierre: from the top, the previous hit wraps around to the
    // last one, and the frame there is drawn.
    let mut jump = app_for(read("benches/data/war-and-peace.txt"), BOOK_NAMES);
    jump.update(Action::ShowEntities);
    jump.update(Action::Select);
    jump.update(Action::Top);
    jump.update(Action::ToggleFocus);
    jump.update(Action::PrevHit);
    let last = jump
        .reader()
        .target()
        .and_then(|t| t.hits().last().copied());
    assert_eq!(
        jump.reader().current_hit(jump.doc(), jump.page_rows()),
        last,
        "the jump lands on the last mention"
    );
    c.bench_function("jump_to_last_mention_war_and_peace_120x40", |b| {
        b.iter(|| {
            jump.update(Action::Top);
            jump.update(Action::PrevHit);
            terminal.draw(|f| lede::ui::render(&jump, f)).map(|_| ())
        })
    });

    // Pierre as the target with `&` on, the minimap drawn and his X-Ray open (its sparkline
    // and a screen of mentions in context): none of it is recomputed per frame.
    let mut xray = app_for(read("benches/data/war-and-peace.txt"), BOOK_NAMES);
    xray.update(Action::ShowEntities);
    xray.update(Action::Select);
    xray.update(Action::ToggleFocus);
    xray.update(Action::OnlyTarget);
    xray.update(Action::XRay);
    let mut down = true;
    c.bench_function("key_and_frame_war_and_peace_xray_only_target_120x40", |b| {
        b.iter(|| {
            xray.update(if down { Action::Down } else { Action::Up });
            down = !down;
            terminal.draw(|f| lede::ui::render(&xray, f)).map(|_| ())
        })
    });
}

fn layout(c: &mut Criterion) {
    let article = parse_plain(read("benches/data/war-and-peace.txt"));
    let mut group = c.benchmark_group("layout");
    group.sample_size(20);
    group.bench_function("war_and_peace_width_100", |b| {
        b.iter(|| Layout::new(black_box(&article), 100).len())
    });
    group.bench_function("war_and_peace_first_screen_head", |b| {
        b.iter(|| Layout::head(black_box(&article), 88, 40).len())
    });
    group.finish();
}

fn search(c: &mut Criterion) {
    let text = read("benches/data/war-and-peace.txt");
    let mut group = c.benchmark_group("search");
    group.sample_size(20);
    group.bench_function("fold_war_and_peace", |b| {
        b.iter(|| lede::app::search::Folded::new(black_box(&text)))
    });
    let folded = lede::app::search::Folded::new(&text);
    group.bench_function("natasha_without_accents_war_and_peace", |b| {
        b.iter(|| lede::app::search::find_all_folded(&folded, &text, black_box("natasha")).len())
    });
    group.finish();
}

criterion_group!(benches, frames, layout, search);
criterion_main!(benches);
