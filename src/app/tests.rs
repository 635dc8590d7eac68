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
                Action::XRay,
                Action::SetMark,
                Action::GoToMark,
                Action::OnlyTarget,
                Action::CopyQuote,
                Action::CopyParagraph,
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

/// Selects the entity named `name` in the Entities list (through the filter).
fn select_entity(app: &mut App, name: &str) -> usize {
    app.update(Action::ShowEntities);
    app.update(Action::Search);
    type_str(app, name);
    app.update(Action::Select);
    entity(app, name)
}

#[test]
fn x_ray_opens_on_the_selected_entity_enter_jumps_and_esc_goes_back() {
    let mut app = app(100, 30);
    let trump = select_entity(&mut app, "Donald Trump");
    app.update(Action::XRay);
    let x = app.xray.clone().unwrap();
    assert_eq!(x.entity, trump);
    let mentions = x
        .items
        .iter()
        .filter(|i| matches!(i, XRayItem::Mention { .. }))
        .count();
    let n = app.analysis.as_ref().unwrap().entities[trump]
        .mentions
        .len();
    assert_eq!(mentions, n);
    // His quotes follow his mentions.
    assert!(x.items[mentions..]
        .iter()
        .all(|i| matches!(i, XRayItem::Quote(_))));
    assert!(x.items.len() > mentions);
    // Enter on the third mention: he becomes the target, counting from that hit.
    app.update(Action::Down);
    app.update(Action::Down);
    app.update(Action::Select);
    let t = app.target.clone().unwrap();
    assert_eq!(t.entity, Some(trump));
    assert_eq!(t.current, Some(2));
    let row = app.layout().row_for_byte(&app.article, t.hits[2].0);
    assert_eq!(row, app.top_row() + JUMP_MARGIN);
    // n goes on from there.
    app.update(Action::NextHit);
    assert_eq!(app.target.as_ref().unwrap().current, Some(3));
    // Enter on a quote line goes to the quote.
    app.update(Action::Bottom);
    app.update(Action::Select);
    assert!(app.current_quote.is_some());
    app.update(Action::Cancel);
    assert_eq!(app.xray, None);
    assert_eq!(app.tab, Tab::Entities);
}

#[test]
fn x_ray_from_the_reader_opens_on_the_target_and_needs_one() {
    let mut app = app(100, 30);
    app.update(Action::XRay);
    assert!(app.xray.is_none() || app.focus == Focus::Sidebar);
    let mut app = self::app(100, 30);
    let kim = select_entity(&mut app, "Kim Jong-Un");
    app.update(Action::Select);
    app.update(Action::ToggleFocus);
    assert_eq!(app.focus, Focus::Reader);
    app.update(Action::XRay);
    assert_eq!(app.xray.as_ref().map(|x| x.entity), Some(kim));
    assert_eq!(app.focus, Focus::Sidebar);
}

#[test]
fn marks_are_set_with_m_and_returned_to_with_quote() {
    let mut app = app(100, 30);
    app.update(Action::PageDown);
    let place = app.top;
    app.update(Action::SetMark);
    assert_eq!(app.pending, Some(Pending::SetMark));
    app.update(Action::Type('a'));
    assert_eq!(app.pending, None);
    assert_eq!(app.bookmarks.get(&'a'), Some(&place));
    app.update(Action::Bottom);
    assert_ne!(app.top, place);
    app.update(Action::GoToMark);
    app.update(Action::Type('a'));
    assert_eq!(app.top, place);
    // An unknown mark says so and stays put; a non-letter is refused.
    app.update(Action::GoToMark);
    app.update(Action::Type('z'));
    assert_eq!(app.top, place);
    assert_eq!(app.notice.as_deref(), Some("No mark z"));
    app.update(Action::SetMark);
    app.update(Action::Type('1'));
    assert!(!app.bookmarks.contains_key(&'1'));
    // The keys for the letter come as typed characters, whatever the keymap says.
    app.update(Action::SetMark);
    let q = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
    assert_eq!(app.action_for_key(&q), Some(Action::Type('q')));
}

#[test]
fn marks_and_the_place_survive_a_save_and_a_restore() {
    let mut app = app(100, 30);
    app.update(Action::PageDown);
    app.update(Action::SetMark);
    app.update(Action::Type('b'));
    app.update(Action::PageDown);
    let saved = app.saved();
    let mut again = self::app(100, 30);
    assert!(again.restore(&saved));
    assert_eq!(again.top, app.top);
    assert_eq!(again.bookmarks, app.bookmarks);
    // A place that does not fit this article is ignored.
    let bad = crate::state::Saved {
        block: 10_000,
        byte: 5,
        ..Default::default()
    };
    let mut fresh = self::app(100, 30);
    let top = fresh.top;
    assert!(!fresh.restore(&bad));
    assert_eq!(fresh.top, top);
}

#[test]
fn ampersand_lays_out_only_the_targets_paragraphs_and_n_still_works() {
    let mut app = app(100, 30);
    let gadhafi = select_entity(&mut app, "Moammar Gadhafi");
    app.update(Action::Select);
    let full = app.layout().len();
    let anchor = app.top;
    app.update(Action::OnlyTarget);
    assert!(app.only_target);
    let blocks: std::collections::BTreeSet<usize> =
        app.layout().rows.iter().map(|r| r.block).collect();
    let with_hits: std::collections::BTreeSet<usize> = app
        .marks
        .iter()
        .filter(|m| m.entity == gadhafi)
        .filter_map(|m| app.article.block_at(m.start))
        .collect();
    assert_eq!(blocks, with_hits);
    assert!(app.layout().len() < full);
    // n and N still step through the hits, each on screen.
    for _ in 0..3 {
        app.update(Action::NextHit);
        let (s, _) = app.current_hit().unwrap();
        let row = app.layout().row_for_byte(&app.article, s);
        assert!(row >= app.top_row() && row < app.top_row() + app.page_rows());
    }
    // A resize keeps the filter; & again shows every paragraph, and the place is kept.
    app.update(Action::Resize(80, 24));
    assert!(app.layout().is_filtered());
    app.update(Action::OnlyTarget);
    assert!(!app.layout().is_filtered());
    app.update(Action::Resize(100, 30));
    assert_eq!(app.layout().len(), full);
    let _ = anchor;
    // A new target with no hits turns the filter off rather than show nothing.
    app.update(Action::OnlyTarget);
    assert!(app.only_target);
    app.focus = Focus::Reader;
    app.update(Action::Search);
    type_str(&mut app, "zzzz");
    app.update(Action::Select);
    assert!(!app.only_target);
    assert!(!app.layout().is_filtered());
    // Without a target, & says so.
    let mut fresh = self::app(100, 30);
    fresh.update(Action::OnlyTarget);
    assert!(!fresh.only_target);
    assert!(fresh.notice.is_some());
}

#[test]
fn minimap_ticks_follow_the_target_scaled_to_the_text_column() {
    let mut app = app(100, 30);
    assert!(app.ticks.is_empty());
    select_entity(&mut app, "North Korea");
    app.update(Action::Select);
    let h = app.geometry().unwrap().text.height as usize;
    let rows = app.layout().len().max(h);
    let t = app.target.clone().unwrap();
    let mut want: Vec<u16> = t
        .hits
        .iter()
        .map(|h0| (app.layout().row_for_byte(&app.article, h0.0) * h / rows) as u16)
        .collect();
    want.dedup();
    assert_eq!(app.ticks, want);
    assert!(app.ticks.iter().all(|&r| (r as usize) < h));
    assert!(app.ticks.windows(2).all(|w| w[0] < w[1]));
    // The ticks are recomputed for a new height.
    app.update(Action::Resize(100, 50));
    assert!(app.ticks.iter().any(|&r| r as usize >= h) || app.ticks.len() > 1);
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
    let items = app.quote_items();
    let q = &app.analysis.as_ref().unwrap().quotes[items[0]];
    let words = copy::collapse(&app.article.text()[q.start..q.end]);
    assert!(text.starts_with(&format!("“{words}” — ")), "{text}");
    let meta = &app.article.meta;
    if let Some(title) = &meta.title {
        assert!(
            text.contains(&format!("in “{}”", copy::collapse(title))),
            "{text}"
        );
    }
    assert!(app
        .notice
        .as_deref()
        .unwrap()
        .starts_with("Copied the quote"));
    assert!(app.take_effects().is_empty());
    app.update(Action::ToggleFocus);
    app.update(Action::CopyParagraph);
    let effects = app.take_effects();
    let [Effect::Copy(para)] = effects.as_slice() else {
        panic!("one copy expected");
    };
    assert!(!para.is_empty() && !para.contains('\n'));
    assert!(app
        .notice
        .as_deref()
        .unwrap()
        .starts_with("Copied paragraph"));
}

#[test]
fn the_first_screen_is_laid_out_alone_and_the_next_resize_lays_out_everything() {
    let article = parse_plain(SAMPLE.repeat(20));
    let mut app = App::new(Arc::new(article), "long.txt", None);
    app.resize_first_screen(100, 30);
    let head = app.layout().len();
    assert!(app.layout().is_filtered());
    assert!(head > app.page_rows() && head < 200, "{head} rows");
    let first_screen = top_text(&app).to_string();
    app.update(Action::Resize(100, 30));
    assert!(!app.layout().is_filtered());
    assert!(app.layout().len() > 10 * head);
    assert_eq!(top_text(&app), first_screen);
}

#[test]
fn a_place_deep_in_the_article_is_laid_out_whole_from_the_start() {
    let article = parse_plain(SAMPLE.repeat(20));
    let mut app = App::new(Arc::new(article), "long.txt", None);
    app.update(Action::Resize(100, 30));
    app.update(Action::Bottom);
    let saved = app.saved();
    let mut reopened = App::new(app.article.clone(), "long.txt", None);
    assert!(reopened.restore(&saved));
    reopened.resize_first_screen(100, 30);
    assert!(!reopened.layout().is_filtered());
    assert_eq!(reopened.top_row(), app.top_row());
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
    assert_eq!(app.entity_items(), [entity(&app, "Natásha Rostóva")]);
    app.update(Action::Cancel);
    app.update(Action::ToggleFocus);
    app.update(Action::Search);
    type_str(&mut app, "natasha");
    let found: Vec<&str> = app
        .highlighted_hits()
        .iter()
        .map(|&(s, e)| &text[s..e])
        .collect();
    assert_eq!(found, ["Natásha", "Natásha"]);
}
