//! Whole-screen snapshots of the reader on the sample article, with a hand-built analysis
//! (the entity engine is tested on its own): plain text at two sizes, and a style-aware dump
//! that marks every styled run, so highlights are checked too.

use std::sync::Arc;

use lede::app::fixture::{analysis_for, SAMPLE_NAMES};
use lede::app::{Action, App};
use lede::article::parse_plain;
use lede::ui::theme::Theme;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::Terminal;

fn sample() -> App {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/north-korea-summit.txt"
    ))
    .unwrap();
    let article = parse_plain(text);
    let analysis = analysis_for(&article, SAMPLE_NAMES);
    App::new(Arc::new(article), "north-korea-summit.txt", Some(analysis))
}

fn draw(app: &mut App, width: u16, height: u16) -> Terminal<TestBackend> {
    app.update(Action::Resize(width, height));
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|f| lede::ui::render(app, f)).unwrap();
    terminal
}

fn type_str(app: &mut App, s: &str) {
    for c in s.chars() {
        app.update(Action::Type(c));
    }
}

/// The buffer as text, each line followed by its styled runs: `[from..to] style`.
fn styled_dump(buf: &Buffer) -> String {
    let mut out = String::new();
    let area = buf.area;
    for y in 0..area.height {
        let mut line = String::new();
        let mut runs = Vec::new();
        let mut run: Option<(u16, ratatui::style::Style)> = None;
        for x in 0..area.width {
            let cell = &buf[(x, y)];
            line.push_str(cell.symbol());
            let style = cell.style();
            let plain = style == ratatui::style::Style::default()
                || (style.fg.is_none_or(|c| c == ratatui::style::Color::Reset)
                    && style.bg.is_none_or(|c| c == ratatui::style::Color::Reset)
                    && style.add_modifier.is_empty());
            match (&run, plain) {
                (Some((_, s)), false) if *s == style => {}
                _ => {
                    if let Some((from, s)) = run.take() {
                        runs.push(format!("[{from}..{x}] {}", describe(s)));
                    }
                    if !plain {
                        run = Some((x, style));
                    }
                }
            }
        }
        if let Some((from, s)) = run.take() {
            runs.push(format!("[{from}..{}] {}", area.width, describe(s)));
        }
        out.push_str(line.trim_end());
        out.push('\n');
        for r in runs {
            out.push_str("    ");
            out.push_str(&r);
            out.push('\n');
        }
    }
    out
}

fn describe(s: ratatui::style::Style) -> String {
    let mut parts = Vec::new();
    if let Some(fg) = s.fg {
        parts.push(format!("fg={fg}"));
    }
    if let Some(bg) = s.bg {
        parts.push(format!("bg={bg}"));
    }
    if !s.add_modifier.is_empty() {
        parts.push(format!("{:?}", s.add_modifier));
    }
    parts.join(" ")
}

#[test]
fn sample_at_100x30() {
    let mut app = sample();
    let terminal = draw(&mut app, 100, 30);
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn sample_at_60x20() {
    let mut app = sample();
    let terminal = draw(&mut app, 60, 20);
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn quotes_tab_at_100x30() {
    let mut app = sample();
    app.update(Action::Resize(100, 30));
    app.update(Action::ShowQuotes);
    let terminal = draw(&mut app, 100, 30);
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn target_highlights_with_styles() {
    // The most mentioned person (Donald Trump) as target, at its second mention: every mention of it strongly
    // highlighted, the current one most, other entities coloured by kind, quotes set off.
    let mut app = sample();
    app.update(Action::Resize(80, 24));
    app.update(Action::ShowEntities);
    app.update(Action::Select);
    app.update(Action::NextHit);
    let terminal = draw(&mut app, 80, 24);
    insta::assert_snapshot!(styled_dump(terminal.backend().buffer()));
}

#[test]
fn search_prompt_and_help_overlay() {
    let mut app = sample();
    app.update(Action::Resize(80, 24));
    app.update(Action::Search);
    type_str(&mut app, "summit");
    let terminal = draw(&mut app, 80, 24);
    insta::assert_snapshot!("search_prompt", terminal.backend());
    app.update(Action::Cancel);
    app.update(Action::Help);
    let terminal = draw(&mut app, 80, 24);
    insta::assert_snapshot!("help_overlay", terminal.backend());
}

#[test]
fn analysing_and_no_quotes() {
    let mut app = sample();
    let article = app.article.clone();
    app = App::new(article.clone(), "x.txt", None);
    let terminal = draw(&mut app, 60, 12);
    insta::assert_snapshot!("analysing", terminal.backend());
    app.analysis_progress = 420;
    let terminal = draw(&mut app, 60, 12);
    let row: String = (0..60)
        .map(|x| terminal.backend().buffer()[(x, 1)].symbol().to_string())
        .collect();
    assert!(row.contains("Analysing… 42%"), "{row}");
    app.update(Action::AnalysisReady(Box::default()));
    app.update(Action::ShowQuotes);
    let terminal = draw(&mut app, 60, 12);
    insta::assert_snapshot!("no_quotes", terminal.backend());
}

#[test]
fn tiny_terminals_get_a_message_and_never_panic() {
    for (w, h) in [(1, 1), (2, 1), (10, 3), (39, 7), (0, 0)] {
        let mut app = sample();
        let _ = draw(&mut app, w, h);
    }
    let mut app = sample();
    let terminal = draw(&mut app, 30, 6);
    insta::assert_snapshot!("too_small", terminal.backend());
}

#[test]
fn mono_theme_draws_without_colour() {
    let mut app = sample();
    app.theme = Theme::mono();
    app.update(Action::Resize(80, 24));
    app.update(Action::ShowEntities);
    app.update(Action::Select);
    let terminal = draw(&mut app, 80, 24);
    let buf = terminal.backend().buffer();
    for cell in buf.content() {
        let s = cell.style();
        assert!(s.fg.is_none_or(|c| c == ratatui::style::Color::Reset));
        assert!(s.bg.is_none_or(|c| c == ratatui::style::Color::Reset));
    }
}

#[test]
fn control_characters_in_the_text_never_reach_the_buffer() {
    let text = "Title\n\nA \x1b[2J\x1b]0;pwned\x07 line with \u{202e}reversed\u{202c} text\tand\x7f \u{9b}31m.\n";
    let article = parse_plain(text.to_string());
    let mut app = App::new(Arc::new(article), "evil\x1b[31m.txt", None);
    let terminal = draw(&mut app, 60, 12);
    for cell in terminal.backend().buffer().content() {
        assert!(!cell
            .symbol()
            .chars()
            .any(|c| lede::layout::wrap::is_unsafe_char(c) || c == '\t'));
    }
}

#[test]
fn x_ray_of_donald_trump_at_100x30() {
    // The X-Ray of the most mentioned person: header, each mention centred in its context,
    // his quotes; the second mention selected.
    let mut app = sample();
    app.update(Action::Resize(100, 30));
    app.update(Action::ShowEntities);
    app.update(Action::XRay);
    app.update(Action::Down);
    let terminal = draw(&mut app, 100, 30);
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn mention_minimap_at_100x30() {
    // North Korea as target: ticks on the reader's right border where its mentions are.
    let mut app = sample();
    app.update(Action::Resize(100, 30));
    app.update(Action::ShowEntities);
    app.update(Action::Search);
    type_str(&mut app, "north korea");
    app.update(Action::Select);
    app.update(Action::Select);
    app.update(Action::ToggleFocus);
    let terminal = draw(&mut app, 100, 30);
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn only_the_targets_paragraphs_at_100x30() {
    let mut app = sample();
    app.update(Action::Resize(100, 30));
    app.update(Action::ShowEntities);
    app.update(Action::Search);
    type_str(&mut app, "gadh");
    app.update(Action::Select);
    app.update(Action::Select);
    app.update(Action::OnlyTarget);
    let terminal = draw(&mut app, 100, 30);
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn help_lists_every_binding_with_its_action_name_at_100x30() {
    let mut app = sample();
    app.update(Action::Resize(100, 30));
    app.update(Action::Help);
    let terminal = draw(&mut app, 100, 30);
    let screen = format!("{}", terminal.backend());
    for b in &app.keymap.bindings {
        assert!(screen.contains(b.desc), "{}", b.desc);
        assert!(screen.contains(&b.action.name().unwrap()));
    }
    insta::assert_snapshot!(terminal.backend());
}
