//! Whole-screen snapshots of the reader on the sample article, with a hand-built analysis
//! (the entity engine is tested on its own): plain text at two sizes, and a style-aware dump
//! that marks every styled run, so highlights are checked too; and any sequence of actions
//! drawn without a panic.

use std::sync::Arc;

use lede::app::fixture::{analysis_for, SAMPLE_NAMES};
use lede::app::{Action, App, Settings};
use lede::article::parse_plain;
use lede::theme::Theme;
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
fn search_prompt() {
    let mut app = sample();
    app.update(Action::Resize(80, 24));
    app.update(Action::Search);
    type_str(&mut app, "summit");
    let terminal = draw(&mut app, 80, 24);
    insta::assert_snapshot!("search_prompt", terminal.backend());
}

#[test]
fn analysing_and_no_quotes() {
    let mut app = sample();
    let article = app.article().clone();
    app = App::new(article.clone(), "x.txt", None);
    let terminal = draw(&mut app, 60, 12);
    insta::assert_snapshot!("analysing", terminal.backend());
    app.update(Action::Progress(420));
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
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/north-korea-summit.txt"
    ))
    .unwrap();
    let article = parse_plain(text);
    let analysis = analysis_for(&article, SAMPLE_NAMES);
    let settings = Settings {
        theme: Theme::mono(),
        ..Settings::default()
    };
    let mut app = App::with_settings(Arc::new(article), "x.txt", Some(analysis), settings);
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
fn wide_x_ray_of_donald_trump_at_100x30() {
    // The X-Ray of the most mentioned person over the text: kind, counts and other names, where
    // he appears, his quotes, each mention centred in its context; the second mention selected.
    let mut app = sample();
    app.update(Action::Resize(100, 30));
    app.update(Action::ShowEntities);
    app.update(Action::XRay);
    app.update(Action::Down);
    let terminal = draw(&mut app, 100, 30);
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn outline_of_a_book_at_100x30() {
    let mut text = String::from("BOOK ONE: 1805\n\n");
    for (book, chapters) in [("ONE", 4), ("TWO", 3)] {
        if book != "ONE" {
            text.push_str(&format!("BOOK {book}: 1806\n\n"));
        }
        for c in ["I", "II", "III", "IV"].iter().take(chapters) {
            text.push_str(&format!("CHAPTER {c}\n\n"));
            for _ in 0..6 {
                text.push_str("It was in July, and the speaker was the well-known Anna Pavlovna, maid of honor and favorite of the Empress, who greeted the first to arrive at her reception.\n\n");
            }
        }
    }
    let article = parse_plain(text);
    let mut app = App::new(Arc::new(article), "war-and-peace.txt", None);
    app.update(Action::Resize(100, 30));
    app.update(Action::PageDown);
    app.update(Action::PageDown);
    app.update(Action::Outline);
    let terminal = draw(&mut app, 100, 30);
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn whole_quote_at_100x30() {
    let mut app = sample();
    app.update(Action::Resize(100, 30));
    app.update(Action::ShowQuotes);
    app.update(Action::XRay);
    let terminal = draw(&mut app, 100, 30);
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn narrow_sidebar_over_the_text_at_50x20() {
    let mut app = sample();
    app.update(Action::Resize(50, 20));
    let terminal = draw(&mut app, 50, 20);
    insta::assert_snapshot!("narrow_text_at_50x20", terminal.backend());
    app.update(Action::ShowEntities);
    app.update(Action::Down);
    let terminal = draw(&mut app, 50, 20);
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn help_at_80x24_scrolls_to_its_last_lines() {
    let mut app = sample();
    app.update(Action::Resize(80, 24));
    app.update(Action::Help);
    let terminal = draw(&mut app, 80, 24);
    insta::assert_snapshot!("help_at_80x24_top", terminal.backend());
    app.update(Action::Bottom);
    let terminal = draw(&mut app, 80, 24);
    let screen = format!("{}", terminal.backend());
    for last in ["quit", "mouse", "click"] {
        assert!(screen.to_lowercase().contains(last), "{last}");
    }
    insta::assert_snapshot!("help_at_80x24_bottom", terminal.backend());
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
    let mut screen = String::new();
    for _ in 0..10 {
        let terminal = draw(&mut app, 100, 30);
        screen.push_str(&format!("{}", terminal.backend()));
        app.update(Action::PageDown);
    }
    for mode in lede::app::KeyMode::ALL {
        for b in app.keymap().bindings(mode) {
            assert!(screen.contains(b.desc), "{}", b.desc);
            assert!(screen.contains(&b.action.name().unwrap()));
        }
    }
    app.update(Action::Top);
    let terminal = draw(&mut app, 100, 30);
    insta::assert_snapshot!(terminal.backend());
}

mod random {
    use super::*;
    use lede::app::Action;
    use proptest::prelude::*;
    use ratatui::backend::TestBackend;
    use ratatui::Terminal;

    fn action() -> impl Strategy<Value = Action> {
        prop_oneof![
            prop::sample::select(vec![
                Action::Down,
                Action::Up,
                Action::PageDown,
                Action::PageUp,
                Action::HalfPageDown,
                Action::HalfPageUp,
                Action::Top,
                Action::Bottom,
                Action::Percent,
                Action::JumpBack,
                Action::PrevSection,
                Action::NextSection,
                Action::Outline,
                Action::ToggleFocus,
                Action::ShowEntities,
                Action::ShowQuotes,
                Action::ToggleSidebar,
                Action::Narrower,
                Action::Wider,
                Action::Search,
                Action::Select,
                Action::Cancel,
                Action::NextHit,
                Action::PrevHit,
                Action::SpeakerOnly,
                Action::XRay,
                Action::SetMark,
                Action::GoToMark,
                Action::OnlyTarget,
                Action::CopyQuote,
                Action::CopyParagraph,
                Action::Help,
                Action::Backspace,
                Action::DeleteWord,
                Action::ClearLine,
            ]),
            (0u16..130, 0u16..45).prop_map(|(w, h)| Action::Resize(w, h)),
            prop::char::any().prop_map(Action::Type),
            (0u16..130, 0u16..45).prop_map(|(column, row)| Action::Click { column, row }),
            (0u16..130, 0u16..45, -6i16..6).prop_map(|(column, row, lines)| Action::Wheel {
                column,
                row,
                lines
            }),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]
        #[test]
        fn any_sequence_of_actions_updates_and_draws_without_panic(
            actions in prop::collection::vec(action(), 1..60)
        ) {
            let mut app = sample();
            app.update(Action::Resize(100, 30));
            let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
            for a in actions {
                app.update(a);
                let (w, h) = app.size();
                let (w, h) = (w.max(1), h.max(1));
                terminal.resize(ratatui::layout::Rect::new(0, 0, w, h)).unwrap();
                terminal.draw(|f| lede::ui::render(&app, f)).unwrap();
                let reader = app.reader();
                prop_assert!(reader.top_row() <= reader.max_top_row(app.page_rows()));
                if let Some(list) = app.sidebar().list().selected() {
                    let model = app.sidebar().list();
                    prop_assert!(list < model.len());
                }
            }
        }
    }
}
