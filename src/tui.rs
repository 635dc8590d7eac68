//! The terminal side of the reader: entering and restoring the terminal, and the event loop
//! that turns keys, mouse, resizes and the background analysis into actions.
//!
//! The terminal is restored however the reader ends: on quit, on an error (a drop guard), on a
//! panic (a hook) and on SIGTERM, SIGHUP or SIGINT (flags the loop checks). Restoring twice is
//! harmless.

use std::io::{self, Stdout, Write};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{mpsc, Arc, Mutex, Once};
use std::time::Duration;

use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, MouseButton, MouseEventKind,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    disable_raw_mode, enable_raw_mode, EnterAlternateScreen, LeaveAlternateScreen,
};
use ratatui::Terminal;

use lede::analysis::{self, Analysis};
use lede::app::{copy, Action, App, Effect, Settings, WHEEL_LINES};
use lede::article::{Article, Loaded};
use lede::state::{content_hash, Saved, StateStore};
use lede::ui;

/// Whether the terminal is in raw mode on the alternate screen (so restoring has work to do).
static ACTIVE: AtomicBool = AtomicBool::new(false);
static HOOK: Once = Once::new();

/// Leaves the alternate screen, raw mode and mouse capture. Safe to call more than once.
pub fn restore() {
    if ACTIVE.swap(false, Ordering::SeqCst) {
        let _ = disable_raw_mode();
        let _ = execute!(
            io::stdout(),
            DisableMouseCapture,
            LeaveAlternateScreen,
            ratatui::crossterm::cursor::Show
        );
    }
}

/// Restores the terminal when dropped, so an early `?` cannot leave it broken.
struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

/// Enters raw mode, the alternate screen and mouse capture.
fn take_terminal() -> io::Result<()> {
    enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    execute!(io::stdout(), EnterAlternateScreen, EnableMouseCapture)
}

fn enter() -> io::Result<(Guard, Terminal<CrosstermBackend<Stdout>>)> {
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            // A panic in the analysis thread is reported in the sidebar; printing it now
            // would scribble over the screen.
            if std::thread::current().name() != Some("main") {
                return;
            }
            restore();
            previous(info);
        }));
    });
    let guard = Guard;
    take_terminal()?;
    let terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    Ok((guard, terminal))
}

/// The signal that arrived (SIGTERM, SIGHUP or SIGINT), or 0: set by the handlers, read by
/// the event loop.
fn stop_signal() -> Arc<AtomicUsize> {
    let arrived = Arc::new(AtomicUsize::new(0));
    #[cfg(unix)]
    for sig in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        let _ = signal_hook::flag::register_usize(sig, arrived.clone(), sig as usize);
    }
    arrived
}

/// The exit signal number reported when the terminal hangs up (SIGHUP).
const HANGUP: u8 = 1;

/// Whether the controlling terminal has gone away: asking its size then fails.
fn terminal_is_gone() -> bool {
    ratatui::crossterm::terminal::size().is_err()
}

/// How long the watchdog lets the event loop end by itself after a signal or a hang-up.
const GRACE: Duration = Duration::from_millis(750);

/// Ends the process when the event loop cannot: crossterm's reader spins without returning
/// once its terminal has hung up, so neither a SIGHUP flag nor a dead terminal would be
/// noticed. The watchdog saves the last known place first, so nothing is lost.
fn spawn_watchdog(
    stop: Arc<AtomicUsize>,
    finished: Arc<AtomicBool>,
    place: Arc<Mutex<Saved>>,
    saver: Option<(StateStore, String)>,
) {
    let watch = move || loop {
        std::thread::sleep(Duration::from_millis(250));
        if finished.load(Ordering::SeqCst) {
            return;
        }
        let sig = stop.load(Ordering::SeqCst);
        if sig == 0 && !terminal_is_gone() {
            continue;
        }
        std::thread::sleep(GRACE);
        if finished.load(Ordering::SeqCst) {
            return;
        }
        if let (Some((mut store, hash)), Ok(saved)) = (saver, place.lock()) {
            let _ = store.save(&hash, saved.clone());
        }
        restore();
        let sig = if sig == 0 { usize::from(HANGUP) } else { sig };
        std::process::exit(128 + sig.min(127) as i32);
    };
    let _ = std::thread::Builder::new()
        .name("watchdog".into())
        .spawn(watch);
}

/// The analysis run in the background: the article still to analyse with the sender its result
/// goes to (none when the input brought its own analysis), how far it has got, and where its
/// result arrives. The sender moves to the analysis thread, so a failed analysis shows as a
/// disconnected channel.
struct Background {
    job: Option<(Arc<Article>, mpsc::Sender<Analysis>)>,
    progress: Arc<AtomicUsize>,
    rx: mpsc::Receiver<Analysis>,
}

impl Background {
    /// Starts the analysis on its own thread, if there is one to run and it has not started.
    fn start(&mut self) -> io::Result<()> {
        if let Some((article, tx)) = self.job.take() {
            let progress = self.progress.clone();
            std::thread::Builder::new()
                .name("analysis".into())
                .spawn(move || {
                    let _ = tx.send(analysis::analyze_with_progress(&article, &progress));
                })?;
        }
        Ok(())
    }
}

/// How the reader ended.
pub enum Ending {
    Quit,
    /// Ended by this signal (the exit status is then 128 + its number).
    Signal(u8),
}

/// Runs the reader on an opened article, shown as `name`, until the user quits or a signal
/// arrives. `state` is where places are remembered (`None` with `--no-state`). The place is
/// saved on the way out (quit or signal); a failure to save is returned as a warning to print
/// once the terminal is restored.
pub fn run(
    loaded: Loaded,
    name: &str,
    mut settings: Settings,
    mut state: Option<StateStore>,
) -> io::Result<(Ending, Option<String>)> {
    let stop = stop_signal();
    let article = Arc::new(loaded.article);
    let (tx, rx) = mpsc::channel::<Analysis>();
    // The analysis starts once the first screen is drawn, so the two do not share the CPU.
    let background = Background {
        job: loaded.analysis.is_none().then(|| (article.clone(), tx)),
        progress: Arc::new(AtomicUsize::new(0)),
        rx,
    };
    let hash = state.as_ref().map(|_| content_hash(article.text()));
    if let (Some(store), Some(hash)) = (&state, &hash) {
        settings.saved = store.position(hash);
    }
    let mut app = App::with_settings(article, name, loaded.analysis, settings);
    let place = Arc::new(Mutex::new(app.saved()));
    let finished = Arc::new(AtomicBool::new(false));
    let saver = match (&state, &hash) {
        (Some(store), Some(hash)) => Some((store.clone(), hash.clone())),
        _ => None,
    };
    spawn_watchdog(stop.clone(), finished.clone(), place.clone(), saver);
    let ending = match event_loop(&mut app, &stop, background, &place) {
        // Drawing to or reading from a terminal that hung up fails before any signal is
        // seen: that is a hang-up, not an error.
        Err(_) if terminal_is_gone() => Ok(Ending::Signal(HANGUP)),
        ending => ending,
    };
    finished.store(true, Ordering::SeqCst);
    // The place is saved however the loop ended, a terminal error included: nothing is lost.
    let warning = match (&mut state, &hash) {
        (Some(store), Some(hash)) => store.save(hash, app.saved()).err().map(|e| {
            format!(
                "cannot save the reading position in {}: {e}",
                store.path().display()
            )
        }),
        _ => None,
    };
    Ok((ending?, warning))
}

fn event_loop(
    app: &mut App,
    stop: &AtomicUsize,
    mut background: Background,
    place: &Mutex<Saved>,
) -> io::Result<Ending> {
    let mut analysing = background.job.is_some();
    let mut first_frame = true;
    let (_guard, mut terminal) = enter()?;
    let size = terminal.size()?;
    app.update(Action::FirstScreen(size.width, size.height));
    let mut dirty = true;
    loop {
        if dirty {
            terminal.draw(|frame| ui::render(app, frame))?;
            dirty = false;
            // After the first frame: the whole layout (drawn at once), then the analysis.
            if first_frame {
                first_frame = false;
                app.update(Action::Resize(size.width, size.height));
                background.start()?;
                debug_panic();
                dirty = true;
                continue;
            }
        }
        if app.quitting() {
            return Ok(Ending::Quit);
        }
        let sig = stop.load(Ordering::SeqCst);
        if sig != 0 {
            return Ok(Ending::Signal(sig.min(127) as u8));
        }
        let wait = Duration::from_millis(if analysing { 30 } else { 200 });
        if event::poll(wait)? {
            // Take every pending event before drawing again, so a burst costs one frame; of a
            // burst of resizes (a window being dragged) only the last is laid out.
            let mut resize = None;
            loop {
                match to_action(app, event::read()?) {
                    Some(Action::Resize(w, h)) => resize = Some(Action::Resize(w, h)),
                    Some(action) => {
                        if let Some(r) = resize.take() {
                            app.update(r);
                        }
                        app.update(action);
                        if let Some((w, h)) = perform(app.take_effects(), &mut terminal)? {
                            // Back from a suspend: the terminal may have been resized meanwhile.
                            resize = Some(Action::Resize(w, h));
                        }
                    }
                    None => {}
                }
                dirty = true;
                if app.quitting() || !event::poll(Duration::ZERO)? {
                    break;
                }
            }
            if let Some(r) = resize {
                app.update(r);
            }
            if let Ok(mut p) = place.lock() {
                *p = app.saved();
            }
        } else if terminal_is_gone() {
            // The terminal hung up without a signal reaching us (its window was closed, an SSH
            // link dropped): end as on SIGHUP rather than poll a dead terminal forever.
            return Ok(Ending::Signal(HANGUP));
        }
        if analysing {
            let done = background.progress.load(Ordering::Relaxed);
            if done != app.doc().progress() {
                app.update(Action::Progress(done));
                dirty = true;
            }
            match background.rx.try_recv() {
                Ok(a) => {
                    app.update(Action::AnalysisReady(Box::new(a)));
                    analysing = false;
                    dirty = true;
                }
                Err(mpsc::TryRecvError::Empty) => {}
                Err(mpsc::TryRecvError::Disconnected) => {
                    // The analysis failed: read on without it.
                    app.update(Action::AnalysisFailed);
                    analysing = false;
                    dirty = true;
                }
            }
        }
    }
}

/// Turns a terminal event into an action.
fn to_action(app: &App, ev: Event) -> Option<Action> {
    match ev {
        Event::Key(key) if key.kind != KeyEventKind::Release => app.action_for_key(&key),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::ScrollDown => Some(Action::Wheel {
                column: m.column,
                row: m.row,
                lines: WHEEL_LINES,
            }),
            MouseEventKind::ScrollUp => Some(Action::Wheel {
                column: m.column,
                row: m.row,
                lines: -WHEEL_LINES,
            }),
            MouseEventKind::Down(MouseButton::Left) => Some(Action::Click {
                column: m.column,
                row: m.row,
            }),
            _ => None,
        },
        Event::Resize(w, h) => Some(Action::Resize(w, h)),
        _ => None,
    }
}

/// For the hardening tests: `LEDE_DEBUG_PANIC=1` panics after the first frame (debug builds
/// only), so a test can check the terminal comes back.
fn debug_panic() {
    #[cfg(debug_assertions)]
    if std::env::var_os("LEDE_DEBUG_PANIC").is_some_and(|v| v == "1") {
        panic!("LEDE_DEBUG_PANIC: forced panic after the first frame");
    }
}

/// Performs what `update` asked for: clipboard writes go to the terminal as OSC 52 (which
/// ratatui's diffing never sees, so they do not disturb the screen); a suspend hands the
/// terminal back to the shell and takes it again when `fg` resumes lede, cleared so that the
/// next frame is drawn whole. Returns the terminal's size after a suspend.
fn perform(
    effects: Vec<Effect>,
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
) -> io::Result<Option<(u16, u16)>> {
    let mut resumed = None;
    for effect in effects {
        match effect {
            Effect::Copy(text) => {
                let mut out = io::stdout().lock();
                let _ = out.write_all(copy::osc52(&text).as_bytes());
                let _ = out.flush();
            }
            Effect::Suspend => {
                restore();
                suspend();
                take_terminal()?;
                // Not `clear`, which asks the terminal where its cursor is.
                let size = terminal.size()?;
                terminal.resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))?;
                resumed = Some((size.width, size.height));
            }
        }
    }
    Ok(resumed)
}

/// Stops the process as the shell's `Ctrl-z` would (raw mode turned that key into a character);
/// returns once it is continued. Without job control the signal is ignored and this returns at
/// once.
fn suspend() {
    #[cfg(unix)]
    let _ = signal_hook::low_level::raise(signal_hook::consts::SIGTSTP);
}
