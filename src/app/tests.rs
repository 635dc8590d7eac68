//! Tests of `App::update`, driven by actions on a hand-built analysis of the sample.

use super::fixture::{analysis_for, SAMPLE_NAMES};
use super::overlay::XRayItem;
use super::*;
use crate::analysis::EntityKind;
use crate::article::parse_plain;
use crate::config::KeyOverride;
use ratatui::crossterm::event::KeyModifiers;

const SAMPLE: &str = include_str!("../../assets/north-korea-summit.txt");

fn app(width: u16, height: u16) -> App {
    let article = parse_plain(SAMPLE.to_string());
    let analysis = analysis_for(&article, SAMPLE_NAMES);
    let mut app = App::new(Arc::new(article), "sample.txt", Some(analysis));
    app.update(Action::Resize(width, height));
    app
}

fn entity(app: &App, name: &str) -> usize {
    let a = app.doc().analysis().unwrap();
    a.entities.iter().position(|e| e.name == name).unwrap()
}

fn type_str(app: &mut App, s: &str) {
    for c in s.chars() {
        app.update(Action::Type(c));
    }
}

fn top_text(app: &App) -> &str {
    let r = app.reader().layout().rows[app.reader().top_row()];
    &app.doc().text()[r.start..r.end]
}

fn top_row(app: &App) -> usize {
    app.reader().top_row()
}

fn max_top_row(app: &App) -> usize {
    app.reader().max_top_row(app.page_rows())
}

fn target(app: &App) -> &Target {
    app.reader().target().expect("a target")
}

/// The counter the status line shows: the hit on the screen last jumped to (1-based).
fn counter(app: &App) -> Option<usize> {
    app.reader()
        .counter(app.doc(), app.page_rows())
        .and_then(|(_, i, _)| i)
        .map(|i| i + 1)
}

fn row_of(app: &App, byte: usize) -> usize {
    app.reader().layout().row_for_byte(app.article(), byte)
}

fn on_screen(app: &App, byte: usize) -> bool {
    let row = row_of(app, byte);
    row >= top_row(app) && row < top_row(app) + app.page_rows()
}

/// Selects the entity named `name` in the Entities list (through the filter).
fn select_entity(app: &mut App, name: &str) -> usize {
    app.update(Action::ShowEntities);
    app.update(Action::Search);
    type_str(app, name);
    app.update(Action::Select);
    entity(app, name)
}

fn key(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

#[test]
fn line_and_page_keys_scroll_and_stop_at_the_ends() {
    let mut app = app(100, 30);
    app.update(Action::Down);
    assert_eq!(top_row(&app), 1);
    app.update(Action::Up);
    app.update(Action::Up);
    assert_eq!(top_row(&app), 0);
    app.update(Action::PageDown);
    assert_eq!(top_row(&app), app.page_rows() - 1);
    app.update(Action::HalfPageUp);
    assert_eq!(top_row(&app), app.page_rows() - 1 - app.page_rows() / 2);
    app.update(Action::Bottom);
    assert_eq!(top_row(&app), max_top_row(&app));
    app.update(Action::PageDown);
    assert_eq!(top_row(&app), max_top_row(&app));
    assert_eq!(
        app.reader().position(app.doc(), app.page_rows()).percent,
        100
    );
    app.update(Action::Top);
    assert_eq!(top_row(&app), 0);
}

#[test]
fn a_resize_keeps_the_top_line_of_text_in_place() {
    let mut app = app(100, 30);
    for _ in 0..20 {
        app.update(Action::Down);
    }
    let before = app.reader().top().byte;
    app.update(Action::Resize(60, 20));
    let r = app.reader().layout().rows[top_row(&app)];
    assert!(
        r.start <= before && before <= r.end,
        "{before} not in {r:?}"
    );
    app.update(Action::Resize(100, 30));
    assert_eq!(app.reader().top().byte, before);
}

#[test]
fn entering_an_entity_targets_it_and_n_wraps_around_with_a_notice() {
    let mut app = app(100, 30);
    app.update(Action::ShowEntities);
    assert_eq!(app.focus(), Focus::Sidebar);
    app.update(Action::Search);
    type_str(&mut app, "gadh");
    app.update(Action::Select);
    assert!(app.prompt().is_none());
    assert_eq!(app.sidebar().entity_items().len(), 1);
    app.update(Action::Select);
    let g = entity(&app, "Moammar Gadhafi");
    let t = target(&app).clone();
    assert_eq!(t.entity(), Some(g));
    assert_eq!(t.hits().len(), 2);
    assert_eq!(t.current(), Some(0));
    // The hit sits a few rows below the top.
    assert_eq!(row_of(&app, t.hits()[0].0), top_row(&app) + JUMP_MARGIN);
    app.update(Action::NextHit);
    assert_eq!(target(&app).current(), Some(1));
    assert_eq!(app.notice(), None);
    app.update(Action::NextHit);
    assert_eq!(target(&app).current(), Some(0));
    assert!(app.notice().unwrap().contains("Wrapped"));
    app.update(Action::PrevHit);
    assert_eq!(target(&app).current(), Some(1));
    assert!(app.notice().unwrap().contains("Wrapped"));
}

#[test]
fn n_goes_from_the_top_of_the_view_after_scrolling_and_the_counter_tells_the_truth() {
    let mut app = app(100, 30);
    select_entity(&mut app, "North Korea");
    app.update(Action::Select);
    app.update(Action::ToggleFocus);
    let hits = target(&app).hits().to_vec();
    // After G, N goes to the last hit before the top of the view.
    app.update(Action::Bottom);
    let top = app.reader().visible_bytes(app.page_rows()).unwrap().0;
    let last_before = hits.iter().rposition(|h| h.0 < top).unwrap();
    assert!(last_before > 3);
    app.update(Action::PrevHit);
    assert_eq!(target(&app).current(), Some(last_before));
    assert_eq!(counter(&app), Some(last_before + 1));
    // After g, n goes to the first hit after the top, not on from the last one; the counter
    // does not claim a hit that is off the screen.
    app.update(Action::Top);
    assert_eq!(counter(&app), None);
    app.update(Action::NextHit);
    assert_eq!(target(&app).current(), Some(0));
    assert_eq!(counter(&app), Some(1));
    // After a jump to a quote, the counter no longer claims a hit that is not shown.
    app.update(Action::Top);
    app.update(Action::ShowQuotes);
    app.update(Action::Bottom);
    app.update(Action::Select);
    let shown = counter(&app);
    if let Some(i) = shown {
        assert!(on_screen(&app, hits[i - 1].0));
    }
}

#[test]
fn n_on_a_hit_already_on_the_screen_does_not_move_the_text() {
    let mut app = app(100, 30);
    select_entity(&mut app, "Kim Jong-Un");
    app.update(Action::Select);
    let t = target(&app).clone();
    let top = app.reader().top();
    // Kim's second mention is on the same screen as his first.
    assert!(on_screen(&app, t.hits()[1].0));
    app.update(Action::NextHit);
    assert_eq!(target(&app).current(), Some(1));
    assert_eq!(app.reader().top(), top);
}

#[test]
fn the_jump_list_returns_with_ctrl_o_and_quote_quote() {
    let mut app = app(100, 30);
    app.update(Action::PageDown);
    let start = app.reader().top();
    app.update(Action::Bottom);
    let bottom = app.reader().top();
    assert_ne!(start, bottom);
    // Singapore is named on the first page only.
    select_entity(&mut app, "Singapore");
    app.update(Action::Select);
    assert_ne!(app.reader().top(), bottom);
    assert_eq!(app.reader().jumps(), 2);
    app.update(Action::ToggleFocus);
    // Ctrl-o walks back, one jump at a time.
    app.update(Action::JumpBack);
    assert_eq!(app.reader().top(), bottom);
    app.update(Action::JumpBack);
    assert_eq!(app.reader().top(), start);
    app.update(Action::JumpBack);
    assert_eq!(app.reader().top(), start);
    assert!(app.notice().unwrap().starts_with("No jump"));
    // '' returns to where the last jump started, and again comes back.
    app.update(Action::Bottom);
    app.update(Action::GoToMark);
    app.update(Action::Type('\''));
    assert_eq!(app.reader().top(), start);
    app.update(Action::GoToMark);
    app.update(Action::Type('\''));
    assert_eq!(app.reader().top(), bottom);
}

#[test]
fn a_count_then_percent_goes_there_and_bound_digits_still_work() {
    let mut app = app(100, 30);
    for c in "50".chars() {
        let action = app.action_for_key(&key(c)).unwrap();
        app.update(action);
    }
    assert!(matches!(
        app.mode(),
        Mode::Pending(Pending::Count { value: 50, .. })
    ));
    app.update(app.action_for_key(&key('%')).unwrap());
    let pos = app.reader().position(app.doc(), app.page_rows());
    assert_eq!(pos.percent, 50);
    assert!(matches!(app.mode(), Mode::Normal));
    // `1` still shows the entities at once; `10%` goes on to ten percent, back in the text.
    app.update(Action::Top);
    app.update(app.action_for_key(&key('1')).unwrap());
    assert_eq!(app.focus(), Focus::Sidebar);
    assert_eq!(app.sidebar().tab(), Tab::Entities);
    app.update(app.action_for_key(&key('0')).unwrap());
    app.update(app.action_for_key(&key('%')).unwrap());
    assert_eq!(app.focus(), Focus::Reader);
    assert_eq!(
        app.reader().position(app.doc(), app.page_rows()).percent,
        10
    );
    // Esc drops a count, and gives back the focus `1` took.
    app.update(app.action_for_key(&key('1')).unwrap());
    app.update(Action::Cancel);
    assert!(matches!(app.mode(), Mode::Normal));
    assert_eq!(app.focus(), Focus::Reader);
    // `1` then `j` moves in the list, the count forgotten.
    app.update(app.action_for_key(&key('1')).unwrap());
    app.update(app.action_for_key(&key('j')).unwrap());
    assert!(matches!(app.mode(), Mode::Normal));
    assert_eq!(app.sidebar().list().selected(), Some(1));
    // The jump is in the jump list: back to the top it started from.
    app.update(Action::ToggleFocus);
    app.update(Action::JumpBack);
    assert_eq!(top_row(&app), 0);
}

#[test]
fn searching_as_you_type_moves_the_view_and_enter_keeps_it() {
    let mut app = app(100, 30);
    let origin = app.reader().top();
    app.update(Action::Search);
    type_str(&mut app, "libya");
    assert_eq!(app.reader().highlighted_hits().len(), 2);
    assert_eq!(app.prompt().unwrap().hits().len(), 2);
    // The view already shows the first hit.
    let first = app.reader().highlighted_hits()[0].0;
    assert!(on_screen(&app, first));
    assert_ne!(app.reader().top(), origin);
    app.update(Action::Select);
    let t = target(&app).clone();
    assert_eq!(t.label(), "/libya");
    assert_eq!(t.current(), Some(0));
    assert_eq!(counter(&app), Some(1));
    // Esc at the prompt returns where the search began.
    let here = app.reader().top();
    app.update(Action::Search);
    type_str(&mut app, "pompeo");
    assert_ne!(app.reader().top(), here);
    app.update(Action::Cancel);
    assert_eq!(app.reader().top(), here);
    assert_eq!(target(&app).label(), "/libya");
    // Smart case: a capital makes it exact.
    app.update(Action::Search);
    type_str(&mut app, "LIBYA");
    assert!(app.reader().highlighted_hits().is_empty());
    app.update(Action::Cancel);
    // Up recalls earlier searches.
    app.update(Action::Search);
    app.update(Action::Up);
    assert_eq!(app.prompt().unwrap().text(), "libya");
    assert_eq!(app.prompt().unwrap().hits().len(), 2);
    app.update(Action::Cancel);
    // Esc in the reader clears the target and its highlights.
    app.update(Action::Cancel);
    assert!(app.reader().target().is_none());
    assert!(app.reader().highlighted_hits().is_empty());
}

#[test]
fn n_without_a_target_says_so() {
    let mut app = app(100, 30);
    app.update(Action::NextHit);
    assert!(app.notice().unwrap().starts_with("No target"));
    app.update(Action::Down);
    assert_eq!(app.notice(), None);
}

#[test]
fn quotes_tab_selects_the_first_quote_and_enter_jumps_to_it() {
    let mut app = app(100, 30);
    app.update(Action::ShowQuotes);
    assert_eq!(app.sidebar().tab(), Tab::Quotes);
    assert_eq!(app.sidebar().list().selected(), Some(0));
    app.update(Action::Down);
    app.update(Action::Down);
    app.update(Action::Select);
    let q = app.sidebar().quote_items()[2];
    let quote = app.doc().quote(q).unwrap().clone();
    assert_eq!(app.reader().current_quote(), Some(q));
    assert!(on_screen(&app, quote.start));
}

#[test]
fn s_shows_only_the_target_speakers_quotes_and_filtered_counts() {
    let mut app = app(100, 30);
    app.update(Action::SpeakerOnly);
    assert!(!app.sidebar().speaker_only());
    let all = app.sidebar().quote_items().len();
    let trump = select_entity(&mut app, "Donald Trump");
    app.update(Action::Select);
    app.update(Action::SpeakerOnly);
    assert!(app.sidebar().speaker_only());
    assert_eq!(app.sidebar().tab(), Tab::Quotes);
    let only = app.sidebar().quote_items().to_vec();
    assert!(!only.is_empty() && only.len() < all);
    assert!(only
        .iter()
        .all(|&q| app.doc().quote(q).unwrap().speaker == Some(trump)));
    let ctx = Ctx {
        doc: app.doc(),
        keymap: app.keymap(),
        geometry: app.geometry(),
        target_entity: None,
        top: app.reader().top(),
    };
    let (_, (shown, total)) = app.sidebar().counts(&ctx);
    assert_eq!((shown, total), (only.len(), all));
    app.update(Action::SpeakerOnly);
    assert_eq!(app.sidebar().quote_items().len(), all);
}

#[test]
fn esc_clears_a_filter_then_returns_to_the_text() {
    let mut app = app(100, 30);
    app.update(Action::ShowEntities);
    app.update(Action::Search);
    type_str(&mut app, "korea");
    app.update(Action::Select);
    assert_eq!(app.sidebar().filter(), "korea");
    app.update(Action::Cancel);
    assert_eq!(app.sidebar().filter(), "");
    assert_eq!(app.focus(), Focus::Sidebar);
    app.update(Action::Cancel);
    assert_eq!(app.focus(), Focus::Reader);
}

#[test]
fn help_scrolls_and_closes_with_question_mark_esc_or_q() {
    let mut app = app(80, 24);
    app.update(Action::Help);
    assert!(matches!(app.overlays(), [Overlay::Help(_)]));
    let scroll = |app: &App| match app.overlays() {
        [Overlay::Help(h)] => h.scroll(),
        _ => panic!("the help is closed"),
    };
    // j scrolls instead of closing it.
    let j = app.action_for_key(&key('j')).unwrap();
    app.update(j);
    assert_eq!(scroll(&app), 1);
    app.update(Action::Bottom);
    let bottom = scroll(&app);
    assert!(bottom > 1);
    app.update(Action::PageUp);
    assert!(scroll(&app) < bottom);
    app.update(Action::Top);
    assert_eq!(scroll(&app), 0);
    for close in ['?', 'q'] {
        let action = app.action_for_key(&key(close)).unwrap();
        app.update(action);
        assert!(app.overlays().is_empty(), "{close}");
        assert!(!app.quitting());
        app.update(Action::Help);
    }
    app.update(Action::Cancel);
    assert!(app.overlays().is_empty());
    app.update(Action::Quit);
    assert!(app.quitting());
}

#[test]
fn tab_toggles_focus_and_lists_are_grouped_by_kind_most_mentioned_first() {
    let mut app = app(100, 30);
    app.update(Action::ToggleFocus);
    assert_eq!(app.focus(), Focus::Sidebar);
    app.update(Action::ToggleFocus);
    assert_eq!(app.focus(), Focus::Reader);
    let doc = app.doc();
    let items = app.sidebar().entity_items();
    for w in items.windows(2) {
        let (x, y) = (doc.entity(w[0]).unwrap(), doc.entity(w[1]).unwrap());
        assert!(
            x.kind < y.kind
                || (x.kind == y.kind && doc.mention_count(w[0]) >= doc.mention_count(w[1]))
        );
    }
    assert!(matches!(
        app.sidebar().entity_lines()[0],
        sidebar::EntityLine::Heading(EntityKind::Person, _)
    ));
}

#[test]
fn the_sidebar_waits_for_the_analysis() {
    let article = parse_plain(SAMPLE.to_string());
    let analysis = analysis_for(&article, SAMPLE_NAMES);
    let mut app = App::new(Arc::new(article), "x", None);
    app.update(Action::Resize(80, 24));
    app.update(Action::ShowQuotes);
    assert_eq!(app.sidebar().list().selected(), None);
    app.update(Action::AnalysisReady(Box::new(analysis)));
    assert!(!app.sidebar().entity_items().is_empty());
    assert_eq!(app.sidebar().list().selected(), Some(0));
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
    assert_eq!(top_row(&app), 3);
    app.update(Action::Wheel {
        column: g.sidebar.x + 3,
        row: g.sidebar.y + 3,
        lines: 3,
    });
    assert_eq!(top_row(&app), 3);
    // A click on the second line of the list selects the first entity under the heading.
    app.update(Action::Click {
        column: g.sidebar.x + 3,
        row: g.sidebar.y + 2,
    });
    assert_eq!(app.focus(), Focus::Sidebar);
    assert_eq!(app.sidebar().list().selected(), Some(0));
    // A click on a mention targets its entity.
    app.update(Action::Top);
    let kim = entity(&app, "Kim Jong-Un");
    let first = app
        .doc()
        .marks()
        .iter()
        .find(|m| m.entity == kim)
        .unwrap()
        .start;
    let row = row_of(&app, first);
    let r = app.reader().layout().rows[row];
    let col = app.doc().text()[r.start..first].chars().count() as u16;
    app.update(Action::Click {
        column: g.text.x + col,
        row: g.text.y + (row - top_row(&app)) as u16,
    });
    let t = target(&app);
    assert_eq!(t.entity(), Some(kim));
    assert_eq!(t.current(), Some(0));
    let _ = top_text(&app);
}

#[test]
fn a_click_with_a_filter_selects_the_item_drawn_under_the_pointer() {
    // A short screen, so that the list scrolls and the filter line takes its last row.
    let mut app = app(100, 14);
    app.update(Action::ShowEntities);
    app.update(Action::Search);
    type_str(&mut app, "a");
    app.update(Action::Select);
    app.update(Action::Bottom);
    let area = app.sidebar_area().unwrap();
    let (list, filter) = app.sidebar().list_area(area, false);
    assert!(filter.is_some());
    let model = app.sidebar().list().clone();
    for line in 0..list.height as usize {
        let Some(item) = model.item_at(line) else {
            continue;
        };
        app.update(Action::Click {
            column: list.x + 3,
            row: list.y + line as u16,
        });
        assert_eq!(app.sidebar().list().selected(), Some(item), "line {line}");
    }
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
        Action::Outline,
        Action::Help,
        Action::Down,
        Action::Cancel,
        Action::Narrower,
        Action::Resize(100, 30),
    ] {
        app.update(a);
    }
}

#[test]
fn a_terminal_too_small_to_draw_keeps_the_place_until_it_grows() {
    let mut app = app(100, 30);
    app.update(Action::PageDown);
    let before = app.reader().top();
    app.update(Action::Resize(12, 3));
    app.update(Action::Down);
    app.update(Action::Resize(100, 30));
    assert!(app.reader().top().byte >= before.byte);
    let mut fresh = App::new(app.article().clone(), "x", None);
    fresh.update(Action::Resize(1, 1));
    fresh.update(Action::Bottom);
    fresh.update(Action::Resize(100, 30));
    assert_eq!(top_row(&fresh), 0);
}

#[test]
fn x_ray_opens_over_the_text_and_enter_goes_to_a_mention_or_quote() {
    let mut app = app(100, 30);
    let trump = select_entity(&mut app, "Donald Trump");
    app.update(Action::XRay);
    let [Overlay::XRay(x)] = app.overlays() else {
        panic!("the X-Ray is open");
    };
    assert_eq!(x.entity(), trump);
    let (quotes, mentions) = x.counts();
    assert_eq!(mentions, app.doc().mention_count(trump));
    assert!(quotes > 0);
    // His quotes come first, then his mentions; it opens on the first mention in view.
    assert!(matches!(x.items()[0], XRayItem::Quote(_)));
    assert!(matches!(
        x.items()[quotes],
        XRayItem::Mention { index: 0, .. }
    ));
    assert_eq!(x.list().selected(), Some(quotes));
    // Enter on the third mention: he becomes the target, counting from that hit.
    app.update(Action::Down);
    app.update(Action::Down);
    app.update(Action::Select);
    assert!(app.overlays().is_empty());
    let t = target(&app).clone();
    assert_eq!(t.entity(), Some(trump));
    assert_eq!(t.current(), Some(2));
    assert!(on_screen(&app, t.hits()[2].0));
    assert_eq!(counter(&app), Some(3));
    // n goes on from there.
    app.update(Action::NextHit);
    assert_eq!(target(&app).current(), Some(3));
    // Enter on a quote line goes to the quote.
    app.update(Action::XRay);
    app.update(Action::Top);
    app.update(Action::Select);
    assert!(app.reader().current_quote().is_some());
    // i on a quote opens it whole, over the X-Ray; Esc comes back to the X-Ray.
    app.update(Action::XRay);
    app.update(Action::Top);
    app.update(Action::XRay);
    assert!(matches!(
        app.overlays(),
        [Overlay::XRay(_), Overlay::Quote(_)]
    ));
    app.update(Action::Cancel);
    assert!(matches!(app.overlays(), [Overlay::XRay(_)]));
    app.update(Action::Cancel);
    assert!(app.overlays().is_empty());
}

#[test]
fn x_ray_from_the_reader_opens_on_the_target_and_needs_an_entity() {
    let mut app = app(100, 30);
    app.update(Action::ShowQuotes);
    app.update(Action::ToggleFocus);
    app.update(Action::XRay);
    assert!(app.overlays().is_empty());
    assert!(app.notice().unwrap().starts_with("Choose an entity"));
    let mut app = self::app(100, 30);
    let kim = select_entity(&mut app, "Kim Jong-Un");
    app.update(Action::Select);
    app.update(Action::ToggleFocus);
    assert_eq!(app.focus(), Focus::Reader);
    app.update(Action::XRay);
    assert!(matches!(app.overlays(), [Overlay::XRay(x)] if x.entity() == kim));
}

#[test]
fn the_whole_quote_opens_from_the_quotes_tab_and_enter_goes_there() {
    let mut app = app(100, 30);
    app.update(Action::ShowQuotes);
    app.update(Action::Down);
    let q = app.sidebar().selected_quote().unwrap();
    app.update(Action::XRay);
    let [Overlay::Quote(v)] = app.overlays() else {
        panic!("the quote is open");
    };
    assert_eq!(v.quote(), q);
    let lines = overlay::quote_lines(app.doc(), q, 60);
    assert!(matches!(lines[0], overlay::QuoteLine::Label { .. }));
    assert!(lines
        .iter()
        .any(|l| matches!(l, overlay::QuoteLine::Words { .. })));
    // y copies it with its source.
    app.update(Action::CopyQuote);
    assert!(matches!(app.take_effects().as_slice(), [Effect::Copy(_)]));
    app.update(Action::Select);
    assert!(app.overlays().is_empty());
    assert_eq!(app.reader().current_quote(), Some(q));
}

#[test]
fn the_outline_lists_headings_filters_them_and_goes_to_one_at_the_top() {
    let text = "A Book\n\nCHAPTER I\n\nThe first chapter starts here and goes on for a while.\n\nCHAPTER II\n\nThe second chapter starts here and goes on for a while.\n\nCHAPTER III\n\nThe third chapter starts here and goes on for a while.\n";
    let article = parse_plain(text.repeat(3));
    let mut app = App::new(Arc::new(article), "book.txt", None);
    app.update(Action::Resize(80, 12));
    app.update(Action::Outline);
    let [Overlay::Outline(o)] = app.overlays() else {
        panic!("the outline is open");
    };
    assert!(o.items().len() >= 9);
    // `/` filters as you type; Enter keeps the filter; Enter again goes there.
    app.update(Action::Search);
    assert_eq!(app.key_mode(), KeyMode::Prompt);
    type_str(&mut app, "iii");
    let [Overlay::Outline(o)] = app.overlays() else {
        panic!("the outline is open");
    };
    assert_eq!(o.items().len(), 3);
    app.update(Action::Select);
    app.update(Action::Down);
    app.update(Action::Select);
    assert!(app.overlays().is_empty());
    assert!(
        top_text(&app).starts_with("CHAPTER III"),
        "{}",
        top_text(&app)
    );
    // ] and [ go from section to section.
    app.update(Action::Top);
    app.update(Action::NextSection);
    let first = top_text(&app).to_string();
    app.update(Action::NextSection);
    assert!(top_text(&app).starts_with("CHAPTER"));
    assert_ne!(top_text(&app), first);
    app.update(Action::PrevSection);
    assert_eq!(top_text(&app), first);
    // Jumps all: Ctrl-o goes back.
    app.update(Action::JumpBack);
    assert_ne!(top_text(&app), first);
}

#[test]
fn z_hides_the_sidebar_and_the_text_takes_the_width() {
    let mut app = app(100, 30);
    let narrow = app.geometry().unwrap().text.width;
    app.update(Action::ToggleSidebar);
    let g = app.geometry().unwrap();
    assert!(!g.sidebar_beside());
    assert!(g.text.width > narrow);
    assert!(app.sidebar_area().is_none());
    assert_eq!(app.reader().layout().width, g.text.width as usize);
    // The sidebar can still be called up over the text.
    app.update(Action::ShowEntities);
    assert_eq!(app.sidebar_area(), Some(g.drawer));
    app.update(Action::Cancel);
    assert!(app.sidebar_area().is_none());
    app.update(Action::ToggleSidebar);
    assert!(app.geometry().unwrap().sidebar_beside());
}

#[test]
fn narrower_and_wider_change_the_text_width_which_is_kept_with_the_place() {
    let mut app = app(120, 30);
    let w = app.geometry().unwrap().text.width;
    app.update(Action::Narrower);
    assert_eq!(app.geometry().unwrap().text.width, w - WIDTH_STEP);
    assert_eq!(app.reader().layout().width, (w - WIDTH_STEP) as usize);
    app.update(Action::PageDown);
    let saved = app.saved();
    assert_eq!(saved.text_width, Some(w - WIDTH_STEP));
    let article = app.article().clone();
    let settings = Settings {
        saved: Some(saved),
        ..Settings::default()
    };
    let mut again = App::with_settings(article, "sample.txt", None, settings);
    again.update(Action::Resize(120, 30));
    assert_eq!(again.geometry().unwrap().text.width, w - WIDTH_STEP);
    assert_eq!(again.reader().top(), app.reader().top());
    for _ in 0..100 {
        again.update(Action::Narrower);
    }
    assert_eq!(again.geometry().unwrap().text.width, geometry::MIN_MEASURE);
    for _ in 0..100 {
        again.update(Action::Wider);
    }
    let g = again.geometry().unwrap();
    assert_eq!(g.text.width, g.widest_text());
    assert!(again.notice().unwrap().contains("as wide"));
}

#[test]
fn on_a_narrow_screen_the_sidebar_shows_over_the_text_and_esc_returns() {
    let mut app = app(50, 20);
    let g = app.geometry().unwrap();
    assert!(!g.sidebar_beside());
    assert!(app.sidebar_area().is_none());
    // 1 j Enter: the list shows, j moves in it, Enter jumps and shows the text.
    app.update(Action::ShowEntities);
    assert_eq!(app.sidebar_area(), Some(g.drawer));
    app.update(Action::Down);
    assert_eq!(app.sidebar().list().selected(), Some(1));
    app.update(Action::Select);
    assert!(app.sidebar_area().is_none());
    let t = target(&app);
    assert_eq!(t.entity(), app.sidebar().selected_entity());
    assert!(on_screen(&app, t.hits()[0].0));
    // Tab shows it again, Esc returns to the text; the X-Ray is an overlay, so it shows.
    app.update(Action::ToggleFocus);
    assert!(app.sidebar_area().is_some());
    app.update(Action::Cancel);
    assert!(app.sidebar_area().is_none());
    app.update(Action::XRay);
    assert!(matches!(app.overlays(), [Overlay::XRay(_)]));
}

#[test]
fn marks_are_set_with_m_and_returned_to_with_quote() {
    let mut app = app(100, 30);
    app.update(Action::PageDown);
    let place = app.reader().top();
    app.update(Action::SetMark);
    assert!(matches!(app.mode(), Mode::Pending(Pending::SetMark)));
    // The letter comes as a typed character, whatever the keymap says.
    assert_eq!(app.action_for_key(&key('q')), Some(Action::Type('q')));
    app.update(Action::Type('a'));
    assert!(matches!(app.mode(), Mode::Normal));
    assert_eq!(app.reader().marks().get(&'a'), Some(&place));
    app.update(Action::Bottom);
    assert_ne!(app.reader().top(), place);
    app.update(Action::GoToMark);
    app.update(Action::Type('a'));
    assert_eq!(app.reader().top(), place);
    // An unknown mark says so and stays put; a non-letter is refused.
    app.update(Action::GoToMark);
    app.update(Action::Type('z'));
    assert_eq!(app.reader().top(), place);
    assert_eq!(app.notice(), Some("No mark z"));
    app.update(Action::SetMark);
    app.update(Action::Type('1'));
    assert!(!app.reader().marks().contains_key(&'1'));
}

#[test]
fn marks_and_the_place_survive_a_save_and_a_restore() {
    let mut app = app(100, 30);
    app.update(Action::PageDown);
    app.update(Action::SetMark);
    app.update(Action::Type('b'));
    app.update(Action::PageDown);
    let saved = app.saved();
    let settings = Settings {
        saved: Some(saved),
        ..Settings::default()
    };
    let mut again = App::with_settings(app.article().clone(), "x", None, settings);
    again.update(Action::Resize(100, 30));
    assert_eq!(again.reader().top(), app.reader().top());
    assert_eq!(again.reader().marks(), app.reader().marks());
    assert!(again.notice().unwrap().contains("Restored"));
    // A place that does not fit this article is ignored.
    let bad = crate::state::Saved {
        block: 10_000,
        byte: 5,
        ..Default::default()
    };
    let settings = Settings {
        saved: Some(bad),
        ..Settings::default()
    };
    let fresh = App::with_settings(app.article().clone(), "x", None, settings);
    assert_eq!(fresh.reader().top(), self::app(100, 30).reader().top());
    assert_eq!(fresh.notice(), None);
}

#[test]
fn ampersand_lays_out_only_the_targets_paragraphs_and_n_still_works() {
    let mut app = app(100, 30);
    let gadhafi = select_entity(&mut app, "Moammar Gadhafi");
    app.update(Action::Select);
    let full = app.reader().layout().len();
    app.update(Action::OnlyTarget);
    assert!(app.reader().only_target());
    let blocks: std::collections::BTreeSet<usize> =
        app.reader().layout().rows.iter().map(|r| r.block).collect();
    let with_hits: std::collections::BTreeSet<usize> = app
        .doc()
        .marks()
        .iter()
        .filter(|m| m.entity == gadhafi)
        .filter_map(|m| app.article().block_at(m.start))
        .collect();
    assert_eq!(blocks, with_hits);
    assert!(app.reader().layout().len() < full);
    // n and N still step through the hits, each on screen.
    for _ in 0..3 {
        app.update(Action::NextHit);
        let (s, _) = app
            .reader()
            .current_hit(app.doc(), app.page_rows())
            .unwrap();
        assert!(on_screen(&app, s));
    }
    // A resize keeps the filter; & again shows every paragraph.
    app.update(Action::Resize(80, 24));
    assert!(app.reader().layout().is_filtered());
    app.update(Action::OnlyTarget);
    assert!(!app.reader().layout().is_filtered());
    app.update(Action::Resize(100, 30));
    assert_eq!(app.reader().layout().len(), full);
    // A new target with no hits turns the filter off rather than show nothing.
    app.update(Action::OnlyTarget);
    assert!(app.reader().only_target());
    app.update(Action::ToggleFocus);
    app.update(Action::Search);
    type_str(&mut app, "zzzz");
    app.update(Action::Select);
    assert!(!app.reader().only_target());
    assert!(!app.reader().layout().is_filtered());
    // Without a target, & says so.
    let mut fresh = self::app(100, 30);
    fresh.update(Action::OnlyTarget);
    assert!(!fresh.reader().only_target());
    assert!(fresh.notice().is_some());
}

#[test]
fn minimap_ticks_follow_the_target_scaled_to_the_text_column() {
    let mut app = app(100, 30);
    assert!(app.reader().ticks().is_empty());
    select_entity(&mut app, "North Korea");
    app.update(Action::Select);
    let h = app.geometry().unwrap().text.height as usize;
    let rows = app.reader().layout().len().max(h);
    let t = target(&app).clone();
    let mut want: Vec<u16> = t
        .hits()
        .iter()
        .map(|h0| (row_of(&app, h0.0) * h / rows) as u16)
        .collect();
    want.dedup();
    assert_eq!(app.reader().ticks(), want);
    assert!(app.reader().ticks().iter().all(|&r| (r as usize) < h));
    assert!(app.reader().ticks().windows(2).all(|w| w[0] < w[1]));
    app.update(Action::Resize(100, 50));
    assert!(
        app.reader().ticks().iter().any(|&r| r as usize >= h) || app.reader().ticks().len() > 1
    );
}

#[test]
fn y_copies_the_selected_quote_with_its_source_and_capital_y_the_paragraph() {
    let mut app = app(100, 30);
    app.update(Action::ShowQuotes);
    app.update(Action::CopyQuote);
    let effects = app.take_effects();
    let [Effect::Copy(text)] = effects.as_slice() else {
        panic!("one copy expected: {effects:?}");
    };
    let q = app.doc().quote(app.sidebar().quote_items()[0]).unwrap();
    let words = copy::collapse(&app.doc().text()[q.start..q.end]);
    assert!(text.starts_with(&format!("“{words}” — ")), "{text}");
    if let Some(title) = &app.article().meta.title {
        assert!(
            text.contains(&format!("in “{}”", copy::collapse(title))),
            "{text}"
        );
    }
    assert!(app.notice().unwrap().starts_with("Copied the quote"));
    assert!(app.take_effects().is_empty());
    app.update(Action::ToggleFocus);
    app.update(Action::CopyParagraph);
    let effects = app.take_effects();
    let [Effect::Copy(para)] = effects.as_slice() else {
        panic!("one copy expected");
    };
    assert!(!para.is_empty() && !para.contains('\n'));
    assert!(app.notice().unwrap().starts_with("Copied paragraph"));
}

#[test]
fn ctrl_z_asks_the_event_loop_to_suspend() {
    let mut app = app(100, 30);
    let ctrl_z = KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL);
    let action = app.action_for_key(&ctrl_z).unwrap();
    app.update(action);
    assert_eq!(app.take_effects(), [Effect::Suspend]);
}

#[test]
fn the_first_screen_is_laid_out_alone_and_the_next_resize_lays_out_everything() {
    let article = parse_plain(SAMPLE.repeat(20));
    let mut app = App::new(Arc::new(article), "long.txt", None);
    app.update(Action::FirstScreen(100, 30));
    let head = app.reader().layout().len();
    assert!(app.reader().layout().is_filtered());
    assert!(head > app.page_rows() && head < 200, "{head} rows");
    let first_screen = top_text(&app).to_string();
    app.update(Action::Resize(100, 30));
    assert!(!app.reader().layout().is_filtered());
    assert!(app.reader().layout().len() > 10 * head);
    assert_eq!(top_text(&app), first_screen);
}

#[test]
fn a_place_deep_in_the_article_is_laid_out_whole_from_the_start() {
    let article = Arc::new(parse_plain(SAMPLE.repeat(20)));
    let mut app = App::new(article.clone(), "long.txt", None);
    app.update(Action::Resize(100, 30));
    app.update(Action::Bottom);
    let settings = Settings {
        saved: Some(app.saved()),
        ..Settings::default()
    };
    let mut reopened = App::with_settings(article, "long.txt", None, settings);
    reopened.update(Action::FirstScreen(100, 30));
    assert!(!reopened.reader().layout().is_filtered());
    assert_eq!(top_row(&reopened), top_row(&app));
}

#[test]
fn names_with_accents_are_found_by_filter_and_search_typed_without_them() {
    let text = "A Story\n\nNatásha Rostóva laughed. Then Natásha sang, and Pierre listened.\n";
    let article = parse_plain(text.to_string());
    let analysis = analysis_for(
        &article,
        &[
            (EntityKind::Person, "Natásha Rostóva", &["Natásha"]),
            (EntityKind::Person, "Pierre", &[]),
        ],
    );
    let mut app = App::new(Arc::new(article), "story.txt", Some(analysis));
    app.update(Action::Resize(80, 20));
    app.update(Action::ShowEntities);
    app.update(Action::Search);
    type_str(&mut app, "natasha rost");
    assert_eq!(
        app.sidebar().entity_items(),
        [entity(&app, "Natásha Rostóva")]
    );
    app.update(Action::Cancel);
    app.update(Action::ToggleFocus);
    app.update(Action::Search);
    type_str(&mut app, "natasha");
    let found: Vec<&str> = app
        .reader()
        .highlighted_hits()
        .iter()
        .map(|&(s, e)| &text[s..e])
        .collect();
    assert_eq!(found, ["Natásha", "Natásha"]);
}

#[test]
fn an_entity_named_only_in_hidden_text_is_not_listed_nor_counted() {
    let article = parse_plain(SAMPLE.to_string());
    let mut names = SAMPLE_NAMES.to_vec();
    names.push((EntityKind::Org, "LA Times", &[]));
    let analysis = analysis_for(&article, &names);
    let la = analysis
        .entities
        .iter()
        .position(|e| e.name == "LA Times")
        .expect("named in the boilerplate tail");
    let mut app = App::new(Arc::new(article), "sample.txt", Some(analysis));
    app.update(Action::Resize(100, 30));
    assert!(!app.sidebar().entity_items().contains(&la));
    assert_eq!(app.doc().mention_count(la), 0);
    // Every listed entity's count is what n reaches.
    for &e in app.doc().entity_order() {
        assert_eq!(app.doc().mention_count(e), app.doc().mentions_of(e).len());
    }
}

#[test]
fn the_title_is_the_articles_and_the_time_left_falls_to_nothing_at_the_end() {
    let mut app = app(100, 30);
    assert!(app.doc().title().starts_with("North Korea Summit"));
    let words_left = |app: &App| app.reader().position(app.doc(), app.page_rows()).words_left;
    let start = words_left(&app).unwrap();
    assert!(start > 900, "{start}");
    app.update(Action::PageDown);
    assert!(words_left(&app).unwrap() < start);
    app.update(Action::Bottom);
    assert_eq!(words_left(&app), Some(0));
    // A book's first screen shows before its words are counted.
    let mut book = App::new(Arc::new(parse_plain(SAMPLE.repeat(20))), "long.txt", None);
    book.update(Action::FirstScreen(100, 30));
    assert_eq!(words_left(&book), None);
    book.update(Action::Resize(100, 30));
    assert!(words_left(&book).unwrap() > 20 * 900);
    let untitled = App::new(
        Arc::new(parse_plain("no title here.\n".into())),
        "stdin",
        None,
    );
    assert_eq!(untitled.doc().title(), "stdin");
}

#[test]
fn a_config_that_would_lock_the_user_in_keeps_the_defaults() {
    let (keymap, problems) = Keymap::with_overrides(&[KeyOverride {
        mode: None,
        action: "quit".into(),
        keys: vec![],
        line: 3,
    }]);
    assert_eq!(problems.len(), 1);
    let settings = Settings {
        keymap,
        ..Settings::default()
    };
    let mut app = App::with_settings(
        Arc::new(parse_plain(SAMPLE.into())),
        "sample.txt",
        None,
        settings,
    );
    app.update(Action::Resize(100, 30));
    let q = app.action_for_key(&key('q')).unwrap();
    app.update(q);
    assert!(app.quitting());
}
