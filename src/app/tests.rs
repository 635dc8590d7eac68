//! Tests of `App::update`, driven by actions on a hand-built analysis of the sample.

use super::fixture::{analysis_for, SAMPLE_NAMES};
use super::*;
use crate::article::parse_plain;

const SAMPLE: &str = include_str!("../../assets/north-korea-summit.txt");

fn app(width: u16, height: u16) -> App {
    let article = parse_plain(SAMPLE.to_string());
    let analysis = analysis_for(&article, SAMPLE_NAMES);
    let mut app = App::new(Arc::new(article), "sample.txt", Some(analysis));
    app.update(Action::Resize(width, height));
    app
}

fn entity(app: &App, name: &str) -> usize {
    let a = app.analysis.as_ref().unwrap();
    a.entities.iter().position(|e| e.name == name).unwrap()
}

fn type_str(app: &mut App, s: &str) {
    for c in s.chars() {
        app.update(Action::Type(c));
    }
}

fn top_text(app: &App) -> &str {
    let r = app.layout().rows[app.top_row()];
    &app.article.text()[r.start..r.end]
}

#[test]
fn line_and_page_keys_scroll_and_stop_at_the_ends() {
    let mut app = app(100, 30);
    app.update(Action::Down);
    assert_eq!(app.top_row(), 1);
    app.update(Action::Up);
    app.update(Action::Up);
    assert_eq!(app.top_row(), 0);
    app.update(Action::PageDown);
    assert_eq!(app.top_row(), app.page_rows() - 1);
    app.update(Action::HalfPageUp);
    assert_eq!(app.top_row(), app.page_rows() - 1 - app.page_rows() / 2);
    app.update(Action::Bottom);
    assert_eq!(app.top_row(), app.max_top_row());
    app.update(Action::PageDown);
    assert_eq!(app.top_row(), app.max_top_row());
    assert_eq!(app.position().2, 100);
    app.update(Action::Top);
    assert_eq!(app.top_row(), 0);
}

#[test]
fn a_resize_keeps_the_top_line_of_text_in_place() {
    let mut app = app(100, 30);
    for _ in 0..20 {
        app.update(Action::Down);
    }
    let before = app.top.byte;
    app.update(Action::Resize(60, 20));
    let r = app.layout().rows[app.top_row()];
    assert!(
        r.start <= before && before <= r.end,
        "{before} not in {r:?}"
    );
    app.update(Action::Resize(100, 30));
    assert_eq!(app.top.byte, before);
}

#[test]
fn entering_an_entity_targets_it_and_n_wraps_around_with_a_notice() {
    let mut app = app(100, 30);
    app.update(Action::ShowEntities);
    assert_eq!(app.focus, Focus::Sidebar);
    app.update(Action::Search);
    type_str(&mut app, "gadh");
    app.update(Action::Select);
    assert_eq!(app.prompt, None);
    assert_eq!(app.entity_items().len(), 1);
    app.update(Action::Select);
    let g = entity(&app, "Moammar Gadhafi");
    let t = app.target.clone().unwrap();
    assert_eq!(t.entity, Some(g));
    assert_eq!(t.hits.len(), 2);
    assert_eq!(t.current, Some(0));
    // The hit sits a few rows below the top.
    let hit_row = app.layout().row_for_byte(&app.article, t.hits[0].0);
    assert_eq!(hit_row, app.top_row() + JUMP_MARGIN);
    app.update(Action::NextHit);
    assert_eq!(app.target.as_ref().unwrap().current, Some(1));
    assert_eq!(app.notice, None);
    app.update(Action::NextHit);
    assert_eq!(app.target.as_ref().unwrap().current, Some(0));
    assert!(app.notice.as_deref().unwrap().contains("Wrapped"));
    app.update(Action::PrevHit);
    assert_eq!(app.target.as_ref().unwrap().current, Some(1));
    assert!(app.notice.as_deref().unwrap().contains("Wrapped"));
}

#[test]
fn searching_as_you_type_then_enter_jumps_to_the_first_hit_at_or_after_the_view() {
    let mut app = app(100, 30);
    app.update(Action::Search);
    type_str(&mut app, "libya");
    let live = app.highlighted_hits().len();
    assert_eq!(live, 2);
    app.update(Action::Select);
    let t = app.target.clone().unwrap();
    assert_eq!(t.label, "/libya");
    assert_eq!(t.current, Some(0));
    // Smart case: a capital makes it exact.
    app.update(Action::Search);
    type_str(&mut app, "LIBYA");
    assert!(app.highlighted_hits().is_empty());
    app.update(Action::Cancel);
    assert_eq!(app.prompt, None);
    assert_eq!(app.target.as_ref().unwrap().label, "/libya");
}

#[test]
fn n_without_a_target_says_so() {
    let mut app = app(100, 30);
    app.update(Action::NextHit);
    assert!(app.notice.as_deref().unwrap().starts_with("No target"));
    app.update(Action::Down);
    assert_eq!(app.notice, None);
}

#[test]
fn quotes_tab_selects_the_first_quote_and_enter_jumps_to_it() {
    let mut app = app(100, 30);
    app.update(Action::ShowQuotes);
    assert_eq!(app.tab, Tab::Quotes);
    assert_eq!(app.quote_sel, Some(0));
    app.update(Action::Down);
    app.update(Action::Down);
    app.update(Action::Select);
    let q = app.quote_items()[2];
    let quote = &app.analysis.as_ref().unwrap().quotes[q];
    assert_eq!(app.current_quote, Some(q));
    let row = app.layout().row_for_byte(&app.article, quote.start);
    assert!(row >= app.top_row() && row < app.top_row() + app.page_rows());
}

#[test]
fn s_shows_only_the_target_speakers_quotes_and_again_shows_all() {
    let mut app = app(100, 30);
    app.update(Action::SpeakerOnly);
    assert!(!app.speaker_only);
    let all = app.quote_items().len();
    let trump = entity(&app, "Donald Trump");
    let pos = app.entity_items().iter().position(|&e| e == trump).unwrap();
    app.update(Action::ShowEntities);
    app.entity_sel = pos;
    app.update(Action::Select);
    app.update(Action::SpeakerOnly);
    assert!(app.speaker_only);
    assert_eq!(app.tab, Tab::Quotes);
    let only = app.quote_items();
    assert!(!only.is_empty() && only.len() < all);
    let a = app.analysis.as_ref().unwrap();
    assert!(only.iter().all(|&q| a.quotes[q].speaker == Some(trump)));
    app.update(Action::SpeakerOnly);
    assert_eq!(app.quote_items().len(), all);
}

#[test]
fn esc_clears_a_filter_and_closes_help() {
    let mut app = app(100, 30);
    app.update(Action::ShowEntities);
    app.update(Action::Search);
    type_str(&mut app, "korea");
    app.update(Action::Select);
    assert_eq!(app.entity_filter, "korea");
    app.update(Action::Cancel);
    assert_eq!(app.entity_filter, "");
    app.update(Action::Help);
    assert!(app.help);
    app.update(Action::Down);
    assert!(!app.help);
    app.update(Action::Quit);
    assert!(app.quit);
}

#[test]
fn tab_toggles_focus_and_lists_are_grouped_by_kind_most_mentioned_first() {
    let mut app = app(100, 30);
    app.update(Action::ToggleFocus);
    assert_eq!(app.focus, Focus::Sidebar);
    app.update(Action::ToggleFocus);
    assert_eq!(app.focus, Focus::Reader);
    let a = app.analysis.as_ref().unwrap();
    let items = app.entity_items();
    for w in items.windows(2) {
        let (x, y) = (&a.entities[w[0]], &a.entities[w[1]]);
        assert!(x.kind < y.kind || (x.kind == y.kind && x.mentions.len() >= y.mentions.len()));
    }
    assert!(matches!(
        app.entity_lines()[0],
        EntityLine::Heading(EntityKind::Person, _)
    ));
}

#[test]
fn the_sidebar_waits_for_the_analysis() {
    let article = parse_plain(SAMPLE.to_string());
    let analysis = analysis_for(&article, SAMPLE_NAMES);
    let mut app = App::new(Arc::new(article), "x", None);
    app.update(Action::Resize(80, 24));
    app.update(Action::ShowQuotes);
    assert_eq!(app.quote_sel, None);
    app.update(Action::AnalysisReady(Box::new(analysis)));
    assert!(!app.entity_items().is_empty());
}

#[test]
fn wheel_and_click_act_on_the_pane_under_the_pointer() {
    let mut app = app(100, 30);
    let g = app.geometry().unwrap();
    app.update(Action::Wheel {
        column: g.text.x + 2,
        row: g.text.y + 2,
        lines: 3,
    });
    assert_eq!(app.top_row(), 3);
    app.update(Action::Wheel {
        column: g.sidebar.x + 3,
        row: g.sidebar.y + 3,
        lines: 3,
    });
    assert_eq!(app.entity_sel, 1);
    assert_eq!(app.top_row(), 3);
    // A click on the second line of the list selects the first entity under the heading.
    app.update(Action::Click {
        column: g.sidebar.x + 3,
        row: g.sidebar.y + 2,
    });
    assert_eq!(app.focus, Focus::Sidebar);
    assert_eq!(app.entity_sel, 0);
    // A click on a mention targets its entity.
    app.update(Action::Top);
    let kim = entity(&app, "Kim Jong-Un");
    let first = app.marks.iter().find(|m| m.entity == kim).unwrap().start;
    let row = app.layout().row_for_byte(&app.article, first);
    let r = app.layout().rows[row];
    let col = app.article.text()[r.start..first].chars().count() as u16;
    app.update(Action::Click {
        column: g.text.x + col,
        row: g.text.y + (row - app.top_row()) as u16,
    });
    let t = app.target.as_ref().unwrap();
    assert_eq!(t.entity, Some(kim));
    assert_eq!(t.current, Some(0));
    let _ = top_text(&app);
}

#[test]
fn tiny_and_zero_sizes_do_not_panic() {
    let mut app = app(1, 1);
    for a in [
        Action::Down,
        Action::PageDown,
        Action::Bottom,
        Action::NextHit,
        Action::Click { column: 0, row: 0 },
        Action::Resize(0, 0),
        Action::PageUp,
        Action::Resize(100, 30),
    ] {
        app.update(a);
    }
}

mod random {
    use super::*;
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
                Action::ToggleFocus,
                Action::ShowEntities,
                Action::ShowQuotes,
                Action::Search,
                Action::Select,
                Action::Cancel,
                Action::NextHit,
                Action::PrevHit,
                Action::SpeakerOnly,
                Action::Help,
                Action::Backspace,
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
        #![proptest_config(ProptestConfig::with_cases(32))]
        #[test]
        fn any_sequence_of_actions_updates_and_draws_without_panic(
            actions in prop::collection::vec(action(), 1..60)
        ) {
            let mut app = app(100, 30);
            let mut terminal = Terminal::new(TestBackend::new(100, 30)).unwrap();
            for a in actions {
                app.update(a);
                let (w, h) = (app.width.max(1), app.height.max(1));
                terminal.resize(ratatui::layout::Rect::new(0, 0, w, h)).unwrap();
                terminal.draw(|f| crate::ui::render(&app, f)).unwrap();
                prop_assert!(app.top_row() <= app.max_top_row());
            }
        }
    }
}

#[test]
fn a_terminal_too_small_to_draw_keeps_the_place_until_it_grows() {
    let mut app = app(100, 30);
    app.update(Action::PageDown);
    let before = app.top;
    app.update(Action::Resize(12, 3));
    app.update(Action::Down);
    app.update(Action::Resize(100, 30));
    assert!(app.top.byte >= before.byte);
    let mut fresh = App::new(app.article.clone(), "x", None);
    fresh.update(Action::Resize(1, 1));
    fresh.update(Action::Bottom);
    fresh.update(Action::Resize(100, 30));
    assert_eq!(fresh.top_row(), 0);
}
