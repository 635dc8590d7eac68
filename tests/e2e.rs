//! End-to-end tests: the real binary in a pseudo-terminal, its output parsed by a terminal
//! emulator, and the parsed screen polled (with a timeout) until it shows what we wait for.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{native_pty_system, Child, CommandBuilder, MasterPty, PtySize};

const TIMEOUT: Duration = Duration::from_secs(15);

/// A running `lede` in a pseudo-terminal.
struct Session {
    parser: Arc<Mutex<vt100::Parser<Titles>>>,
    /// Every byte lede wrote, for what the emulator does not show (OSC 52).
    raw: Arc<Mutex<Vec<u8>>>,
    /// The terminal's side of the pseudo-terminal; `None` once it has hung up.
    master: Option<Box<dyn MasterPty + Send>>,
    writer: Option<Box<dyn Write + Send>>,
    child: Box<dyn Child + Send + Sync>,
    /// Set to make the output thread let go of the terminal after its next read.
    hanging: Arc<AtomicBool>,
    /// Set by the output thread once it has let go.
    reader_done: Arc<AtomicBool>,
    /// The session's own config and state folders, so no test reads or writes the user's.
    _home: tempfile::TempDir,
}

/// The window titles the program asked the terminal for.
#[derive(Default)]
struct Titles(Vec<Vec<u8>>);

impl vt100::Callbacks for Titles {
    fn set_window_title(&mut self, _: &mut vt100::Screen, title: &[u8]) {
        self.0.push(title.to_vec());
    }
    fn set_window_icon_name(&mut self, _: &mut vt100::Screen, name: &[u8]) {
        self.0.push(name.to_vec());
    }
}

fn size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

fn nz(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n.max(1)).unwrap()
}

impl Session {
    /// Runs `lede ARGS` in a `cols` × `rows` terminal.
    fn lede(args: &[&str], cols: u16, rows: u16, env: &[(&str, &str)]) -> Session {
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_lede"));
        cmd.args(args);
        Session::spawn(cmd, cols, rows, env)
    }

    /// Runs a shell command line (for pipes) in a `cols` × `rows` terminal.
    fn shell(line: &str, cols: u16, rows: u16) -> Session {
        let mut cmd = CommandBuilder::new("sh");
        cmd.args(["-c", line]);
        Session::spawn(cmd, cols, rows, &[])
    }

    fn spawn(mut cmd: CommandBuilder, cols: u16, rows: u16, env: &[(&str, &str)]) -> Session {
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        cmd.env_remove("LEDE_DEBUG_PANIC");
        let home = tempfile::tempdir().unwrap();
        cmd.env("XDG_CONFIG_HOME", home.path().join("config"));
        cmd.env("XDG_STATE_HOME", home.path().join("state"));
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        let pair = native_pty_system().openpty(size(cols, rows)).unwrap();
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new_with_callbacks(
            nz(rows),
            nz(cols),
            0,
            Titles::default(),
        )));
        let mut reader = pair.master.try_clone_reader().unwrap();
        let sink = parser.clone();
        let raw = Arc::new(Mutex::new(Vec::new()));
        let raw_sink = raw.clone();
        let hanging = Arc::new(AtomicBool::new(false));
        let reader_done = Arc::new(AtomicBool::new(false));
        let (hang, done) = (hanging.clone(), reader_done.clone());
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                raw_sink.lock().unwrap().extend_from_slice(&buf[..n]);
                sink.lock().unwrap().process(&buf[..n]);
                if hang.load(Ordering::SeqCst) {
                    break;
                }
            }
            drop(reader);
            done.store(true, Ordering::SeqCst);
        });
        let writer = pair.master.take_writer().unwrap();
        Session {
            parser,
            raw,
            master: Some(pair.master),
            writer: Some(writer),
            hanging,
            reader_done,
            child,
            _home: home,
        }
    }

    fn send(&mut self, keys: &str) {
        let writer = self.writer.as_mut().expect("the terminal is open");
        writer.write_all(keys.as_bytes()).unwrap();
        writer.flush().unwrap();
    }

    fn contents(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    fn row(&self, row: u16) -> String {
        let parser = self.parser.lock().unwrap();
        let screen = parser.screen();
        let (_, cols) = screen.size();
        screen.contents_between(row, 0, row, cols.get())
    }

    fn alternate(&self) -> bool {
        self.parser.lock().unwrap().screen().alternate_screen()
    }

    /// Polls the screen until `pred` holds; fails with the screen after the timeout.
    fn wait_until(&self, what: &str, pred: impl Fn(&Session) -> bool) {
        let start = Instant::now();
        while start.elapsed() < TIMEOUT {
            if pred(self) {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("timed out waiting for {what}; screen:\n{}", self.contents());
    }

    fn wait_for(&self, text: &str) {
        self.wait_until(text, |s| s.contents().contains(text));
    }

    fn resize(&mut self, cols: u16, rows: u16) {
        self.parser
            .lock()
            .unwrap()
            .screen_mut()
            .set_size(nz(rows), nz(cols));
        let master = self.master.as_ref().expect("the terminal is open");
        master.resize(size(cols, rows)).unwrap();
    }

    /// Waits for the process to end and returns whether it succeeded.
    fn wait_exit(&mut self) -> bool {
        let start = Instant::now();
        while start.elapsed() < TIMEOUT {
            if let Some(status) = self.child.try_wait().unwrap() {
                // Let the reader thread take the last bytes.
                let before = self.contents();
                let settle = Instant::now();
                while settle.elapsed() < Duration::from_millis(300) {
                    std::thread::sleep(Duration::from_millis(20));
                    if self.contents() != before {
                        break;
                    }
                }
                return status.success();
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        panic!("lede did not exit; screen:\n{}", self.contents());
    }

    /// Waits until the alternate screen has been left (after the process ended).
    fn wait_main_screen(&self) {
        self.wait_until("the main screen", |s| !s.alternate());
    }
}

impl Session {
    /// Closes the terminal under lede, as when its window is closed or an SSH link drops.
    fn hang_up(&mut self) {
        // Every handle on the terminal's side must close: the output thread holds one too, so
        // it is asked to let go after the next output, which a key press brings.
        self.hanging.store(true, Ordering::SeqCst);
        self.send("k");
        let start = Instant::now();
        while !self.reader_done.load(Ordering::SeqCst) {
            assert!(
                start.elapsed() < TIMEOUT,
                "the output thread did not let go"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        self.writer = None;
        self.master = None;
    }

    /// Waits for lede to end by itself; whether it did within the timeout.
    fn ends_within_timeout(&mut self) -> bool {
        let start = Instant::now();
        while start.elapsed() < TIMEOUT {
            if self.child.try_wait().unwrap().is_some() {
                return true;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        false
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

#[test]
fn opens_the_sample_and_q_leaves_the_alternate_screen() {
    let mut s = Session::lede(&[], 100, 30, &[]);
    s.wait_for("North Korea Summit on the Rocks");
    assert!(s.alternate());
    s.wait_for("¶1/");
    s.send("q");
    assert!(s.wait_exit());
    s.wait_main_screen();
}

#[test]
fn scrolls_and_searches_with_slash_and_n_wrapping_around() {
    let mut s = Session::lede(&[], 100, 30, &[]);
    s.wait_for("North Korea Summit on the Rocks");
    s.send("G");
    s.wait_for("100%");
    s.send("g");
    s.wait_for(" 0%");
    s.send("/libya");
    s.wait_for("2 matches");
    s.send("\r");
    s.wait_for("/libya 1/2");
    s.send("n");
    s.wait_for("/libya 2/2");
    s.send("n");
    s.wait_for("/libya 1/2");
    s.wait_for("Wrapped around");
    s.send("N");
    s.wait_for("/libya 2/2");
    s.send("\x03");
    assert!(s.wait_exit());
    s.wait_main_screen();
}

#[test]
fn a_resize_keeps_the_place_and_a_tiny_terminal_gets_a_message() {
    let mut s = Session::lede(&[], 100, 30, &[]);
    s.wait_for("North Korea Summit on the Rocks");
    s.send("jjjjjjjjjjjjjjjjjjjj");
    s.wait_for("¶4/");
    // Keys are handled in order: once the help opened by the last one shows, every `j` is done.
    s.send("?");
    s.wait_for("Keys");
    s.send("\x1b");
    s.wait_until("the help to close", |s| !s.contents().contains("Keys"));
    let top = s.row(1);
    let first_word = top
        .trim_start_matches('│')
        .split_whitespace()
        .next()
        .unwrap()
        .to_string();
    s.resize(70, 24);
    s.wait_until("the narrower layout", |s| {
        s.row(0).trim_end().chars().count() == 70
    });
    s.wait_until("the same place", |s| s.row(1).contains(&first_word));
    s.resize(20, 5);
    s.wait_for("Terminal too");
    s.resize(100, 30);
    s.wait_until("the same top line", |s| s.row(1) == top);
    s.send("q");
    assert!(s.wait_exit());
}

#[test]
fn reads_the_article_from_stdin_and_keys_from_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("piped.txt");
    std::fs::write(
        &path,
        "Piped Headline About Harbours\n\nThe harbour reopened on Monday, officials said.\n",
    )
    .unwrap();
    let line = format!(
        "cat '{}' | '{}' -",
        path.display(),
        env!("CARGO_BIN_EXE_lede")
    );
    let mut s = Session::shell(&line, 90, 24);
    s.wait_for("Piped Headline About Harbours");
    s.send("/harbour\r");
    s.wait_for("/harbour 1/");
    s.send("q");
    assert!(s.wait_exit());
    s.wait_main_screen();
}

#[cfg(debug_assertions)]
#[test]
fn a_panic_restores_the_terminal() {
    let mut s = Session::lede(&[], 80, 24, &[("LEDE_DEBUG_PANIC", "1")]);
    assert!(!s.wait_exit());
    s.wait_main_screen();
    assert!(s.contents().contains("LEDE_DEBUG_PANIC"));
}

/// Sends `signal` (`TERM`, `HUP`) to a running lede and checks it ends with the terminal back.
#[cfg(unix)]
fn a_signal_restores_the_terminal(signal: &str) {
    let mut s = Session::lede(&[], 80, 24, &[]);
    s.wait_for("North Korea Summit");
    let pid = s.child.process_id().unwrap();
    let ok = std::process::Command::new("kill")
        .args([format!("-{signal}"), pid.to_string()])
        .status()
        .unwrap()
        .success();
    assert!(ok);
    assert!(!s.wait_exit());
    s.wait_main_screen();
}

#[cfg(unix)]
#[test]
fn sigterm_restores_the_terminal() {
    a_signal_restores_the_terminal("TERM");
}

#[cfg(unix)]
#[test]
fn sighup_restores_the_terminal() {
    a_signal_restores_the_terminal("HUP");
}

#[test]
fn an_osc_title_sequence_in_the_text_never_reaches_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hostile.txt");
    std::fs::write(
        &path,
        "A Headline With \x1b]0;PWNED\x07Escapes\n\n\
         The body \x1b]2;PWNED AGAIN\x1b\\says \x1b[31mred\x1b[0m and \x07rings.\n",
    )
    .unwrap();
    let mut s = Session::lede(&[path.to_str().unwrap()], 90, 24, &[]);
    s.wait_for("A Headline With");
    s.wait_for("The body");
    s.send("q");
    assert!(s.wait_exit());
    let titles = s.parser.lock().unwrap().callbacks().0.clone();
    assert!(
        titles.iter().all(|t| !t.windows(5).any(|w| w == b"PWNED")),
        "the window title changed: {titles:?}"
    );
    let raw = s.raw.lock().unwrap().clone();
    // The text's sequences are neither passed on nor half-passed: no OSC title, no colour of
    // its own, no bell.
    assert!(!raw.windows(4).any(|w| w == b"\x1b]0;" || w == b"\x1b]2;"));
    assert!(!raw.windows(5).any(|w| w == b"\x1b[31m"));
    assert!(!raw.contains(&0x07));
}

#[test]
fn a_terminal_that_hangs_up_ends_lede_and_keeps_the_place() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state");
    let env = [("XDG_STATE_HOME", state.to_str().unwrap())];
    let mut s = Session::lede(&[], 80, 24, &env);
    s.wait_for("North Korea Summit");
    s.send("G");
    s.wait_for("100%");
    s.hang_up();
    assert!(
        s.ends_within_timeout(),
        "lede kept running after its terminal hung up"
    );
    assert!(state.join("lede").join("positions.json").is_file());
}

#[test]
fn sigterm_saves_the_place_too() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state");
    let env = [("XDG_STATE_HOME", state.to_str().unwrap())];
    let mut s = Session::lede(&[], 80, 24, &env);
    s.wait_for("North Korea Summit");
    s.send("G");
    s.wait_for("100%");
    let pid = s.child.process_id().unwrap();
    let ok = std::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .unwrap()
        .success();
    assert!(ok);
    assert!(!s.wait_exit());
    assert!(state.join("lede").join("positions.json").is_file());
}

#[test]
fn without_a_terminal_lede_prints_the_analysis_and_never_draws() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_lede"))
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/assets/north-korea-summit.txt"
        ))
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("Title   North Korea Summit"));
    assert!(!stdout.contains('\x1b'));
}

#[test]
fn filters_to_an_entity_and_steps_through_its_mentions_with_wrap_around() {
    let mut s = Session::lede(&[], 100, 30, &[]);
    s.wait_for("North Korea Summit on the Rocks");
    s.wait_until("the analysis", |s| !s.contents().contains("Analysing"));
    s.send("1/gadhafi\r\r");
    s.wait_for("Moammar Gadhafi 1/2");
    s.send("n");
    s.wait_for("Moammar Gadhafi 2/2");
    s.send("n");
    s.wait_for("Moammar Gadhafi 1/2");
    s.wait_for("Wrapped around");
    s.send("\tN");
    s.wait_for("Moammar Gadhafi 2/2");
    s.send("2");
    s.wait_for("“");
    s.send("q");
    assert!(s.wait_exit());
}

#[test]
fn enter_on_the_first_quote_brings_it_into_the_reader_pane() {
    let mut s = Session::lede(&[], 100, 30, &[]);
    s.wait_for("North Korea Summit on the Rocks");
    s.wait_until("the analysis", |s| !s.contents().contains("Analysing"));
    // The first quote (Trump's tweet) is below the first screen at this size.
    s.send("G");
    s.wait_for("100%");
    assert!(!reader_rows(&s)
        .iter()
        .any(|r| r.contains("dismantle Nuclear Test Site")));
    s.send("2");
    s.wait_for("Donald Trump");
    s.send("\r");
    s.wait_until("the quote in the reader pane", |s| {
        reader_rows(s)
            .iter()
            .any(|r| r.contains("dismantle Nuclear Test Site"))
    });
    s.send("q");
    assert!(s.wait_exit());
}

/// The reader pane's part of each row: what lies left of the border it shares with the sidebar.
fn reader_rows(s: &Session) -> Vec<String> {
    text_rows(s)
        .into_iter()
        .map(|r| r.split("││").next().unwrap_or("").to_string())
        .collect()
}

/// The rows of the text column (inside the reader's border), as shown.
fn text_rows(s: &Session) -> Vec<String> {
    (1..20).map(|r| s.row(r)).collect()
}

#[test]
fn the_place_is_remembered_across_runs_in_the_state_folder() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state");
    let config = dir.path().join("config");
    let env = [
        ("XDG_STATE_HOME", state.to_str().unwrap()),
        ("XDG_CONFIG_HOME", config.to_str().unwrap()),
    ];
    let mut s = Session::lede(&[], 100, 30, &env);
    s.wait_for("North Korea Summit on the Rocks");
    s.send("/libya");
    s.wait_for("2 matches");
    s.send("\r");
    s.wait_for("/libya 1/2");
    s.send("n");
    s.wait_for("/libya 2/2");
    let before = text_rows(&s);
    s.send("q");
    assert!(s.wait_exit());
    assert!(state.join("lede").join("positions.json").is_file());

    let mut s = Session::lede(&[], 100, 30, &env);
    s.wait_for("Restored your place");
    s.wait_until("the same rows", |s| text_rows(s) == before);
    s.send("q");
    assert!(s.wait_exit());
}

#[test]
fn with_no_state_nothing_is_saved_or_restored() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state");
    let env = [("XDG_STATE_HOME", state.to_str().unwrap())];
    let mut s = Session::lede(&["--no-state"], 100, 30, &env);
    s.wait_for("North Korea Summit on the Rocks");
    s.send("G");
    s.wait_for("100%");
    s.send("q");
    assert!(s.wait_exit());
    assert!(!state.join("lede").join("positions.json").exists());
    // A saved place is not restored with --no-state either.
    let mut s = Session::lede(&[], 100, 30, &env);
    s.wait_for("North Korea Summit on the Rocks");
    s.send("G");
    s.wait_for("100%");
    s.send("q");
    assert!(s.wait_exit());
    assert!(state.join("lede").join("positions.json").is_file());
    let mut s = Session::lede(&["--no-state"], 100, 30, &env);
    s.wait_for("¶1/");
    assert!(!s.contents().contains("Restored"));
    s.send("q");
    assert!(s.wait_exit());
}

#[test]
fn a_bad_config_still_starts_with_a_notice_naming_the_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config");
    std::fs::create_dir_all(config.join("lede")).unwrap();
    std::fs::write(
        config.join("lede").join("config.toml"),
        "theme = \"dark\"\ntext_width = [\n",
    )
    .unwrap();
    let env = [("XDG_CONFIG_HOME", config.to_str().unwrap())];
    let mut s = Session::lede(&[], 140, 30, &env);
    s.wait_for("North Korea Summit on the Rocks");
    s.wait_for("config.toml:");
    s.send("q");
    assert!(s.wait_exit());
}

#[test]
fn a_config_sets_the_keys_and_a_corrupt_state_file_is_ignored_with_a_notice() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config");
    let state = dir.path().join("state");
    std::fs::create_dir_all(config.join("lede")).unwrap();
    std::fs::create_dir_all(state.join("lede")).unwrap();
    std::fs::write(
        config.join("lede").join("config.toml"),
        "[keys]\nquit = [\"x\"]\n",
    )
    .unwrap();
    std::fs::write(state.join("lede").join("positions.json"), "{ not json").unwrap();
    let env = [
        ("XDG_CONFIG_HOME", config.to_str().unwrap()),
        ("XDG_STATE_HOME", state.to_str().unwrap()),
    ];
    let mut s = Session::lede(&[], 140, 30, &env);
    s.wait_for("North Korea Summit on the Rocks");
    s.wait_for("positions.json");
    s.send("G");
    s.wait_for("100%");
    s.send("x");
    assert!(s.wait_exit());
    // The next save replaced the corrupt file.
    let saved = std::fs::read_to_string(state.join("lede").join("positions.json")).unwrap();
    assert!(serde_json::from_str::<serde_json::Value>(&saved).is_ok());
}

#[test]
fn print_config_parses_back_to_the_defaults() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_lede"))
        .arg("--print-config")
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let (config, notice) = lede::config::Config::parse(&text, "printed", false);
    assert_eq!(notice, None);
    assert_eq!(config, lede::config::Config::default());
}

#[test]
fn help_lists_the_exit_codes_and_completions_and_man_are_generated() {
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_lede"))
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}");
        String::from_utf8(out.stdout).unwrap()
    };
    let help = run(&["--help"]);
    assert!(help.contains("Exit codes:") && help.contains("128+n"));
    assert!(help.contains("--no-state"));
    assert!(run(&["--completions", "bash"]).contains("--print-config"));
    assert!(run(&["--man"]).contains(".TH"));
    let bad = std::process::Command::new(env!("CARGO_BIN_EXE_lede"))
        .arg("--frobnicate")
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn analyze_reports_a_bad_config_on_stderr_and_still_works() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config");
    std::fs::create_dir_all(config.join("lede")).unwrap();
    std::fs::write(
        config.join("lede").join("config.toml"),
        "theme = \"neon\"\n",
    )
    .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_lede"))
        .args(["analyze", "assets/north-korea-summit.txt"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("XDG_CONFIG_HOME", &config)
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("config.toml:1:") && err.contains("neon"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
}

#[test]
fn y_copies_the_selected_quote_through_osc_52() {
    use base64::Engine;
    let mut s = Session::lede(
        &["tests/fixtures/inputs/port-strike.lede.json"],
        110,
        30,
        &[],
    );
    s.wait_for("Port strike ends");
    s.send("2");
    s.wait_for("Niek de Vries");
    s.send("y");
    s.wait_for("Copied the quote of Niek de Vries");
    let raw = s.raw.lock().unwrap().clone();
    let raw = String::from_utf8_lossy(&raw);
    let start = raw.find("\x1b]52;c;").expect("an OSC 52 sequence") + 7;
    let end = start + raw[start..].find('\x07').unwrap();
    let text = base64::engine::general_purpose::STANDARD
        .decode(&raw[start..end])
        .unwrap();
    let text = String::from_utf8(text).unwrap();
    assert!(text.starts_with("“The members have spoken"), "{text}");
    assert!(text.ends_with("Sam Whitfield, Harbour Politics"), "{text}");
    assert!(text.contains("— Niek de Vries"), "{text}");
    drop(raw);
    s.send("q");
    assert!(s.wait_exit());
}

/// A book-shaped article written as lede's own JSON (text, blocks and a hand-made analysis), so
/// the tests below do not depend on what the engine finds: a title, twelve chapters of ten
/// paragraphs, Anna Pavlova named in every fourth paragraph and quoted in some, and a photo
/// credit at the end naming the Harbour Times, which the reader hides.
struct Book {
    _dir: tempfile::TempDir,
    path: std::path::PathBuf,
    /// How many times Anna Pavlova is named in the text the reader shows.
    mentions: usize,
}

const ROMAN: [&str; 12] = [
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
];

fn book() -> Book {
    use lede::analysis::EntityKind;
    let mut text = String::from("The Harbour Chronicle\n\n");
    let mut n = 0;
    for (c, roman) in ROMAN.iter().enumerate() {
        text.push_str(&format!("CHAPTER {roman}\n\n"));
        for p in 0..10 {
            n += 1;
            if n % 4 == 0 {
                text.push_str(&format!(
                    "In chapter {c} the ship came in, and Anna Pavlova said “the tide is late again in chapter {c}, and the cranes are idle.” Nobody on the quay of Rotterdam disagreed with her about that.\n\n",
                    c = c + 1
                ));
            } else {
                text.push_str(&format!(
                    "Paragraph {p} of chapter {}: the harbour went about its work, the cranes turned and the water rose and fell along the stones while the gulls kept watch.\n\n",
                    c + 1
                ));
            }
        }
    }
    text.push_str("Photo credit: Harbour Times\n");
    let article = lede::article::parse_plain(text);
    let analysis = lede::app::fixture::analysis_for(
        &article,
        &[
            (EntityKind::Person, "Anna Pavlova", &["Pavlova"]),
            (EntityKind::Place, "Rotterdam", &[]),
            (EntityKind::Org, "Harbour Times", &[]),
        ],
    );
    let mentions = analysis
        .entities
        .iter()
        .find(|e| e.name == "Anna Pavlova")
        .map_or(0, |e| e.mentions.len());
    let json = lede::analysis::json::to_string(&article, &analysis, "harbour.txt", true);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("harbour.lede.json");
    std::fs::write(&path, json).unwrap();
    Book {
        _dir: dir,
        path,
        mentions,
    }
}

impl Session {
    /// Runs `lede` on the test book.
    fn book(b: &Book, cols: u16, rows: u16, env: &[(&str, &str)]) -> Session {
        let s = Session::lede(&["--no-state", b.path.to_str().unwrap()], cols, rows, env);
        s.wait_for("The Harbour Chronicle");
        s.wait_for("¶1/");
        s
    }

    /// The status line.
    fn status(&self) -> String {
        let rows = self.parser.lock().unwrap().screen().size().0.get();
        self.row(rows - 1)
    }

    /// Sends keys one at a time, each after the screen has taken the one before (an Esc sent
    /// with the next key would read as Alt and that key).
    fn keys(&mut self, keys: &[&str]) {
        for k in keys {
            let before = self.contents();
            self.send(k);
            let start = Instant::now();
            while start.elapsed() < Duration::from_millis(300) && self.contents() == before {
                std::thread::sleep(Duration::from_millis(10));
            }
        }
    }

    /// Makes Anna Pavlova the target from the Entities list and returns focus to the text.
    fn target_anna(&mut self) {
        self.send("1");
        self.wait_for("Anna Pavlova");
        self.keys(&["/", "anna", "\r", "\r"]);
        self.wait_until("Anna Pavlova as the target", |s| {
            s.status().contains("Anna Pavlova 1/")
        });
        self.send("\t");
    }

    /// The background colour of the cell at `row`, `col`.
    fn bg(&self, row: u16, col: u16) -> vt100::Color {
        let parser = self.parser.lock().unwrap();
        parser
            .screen()
            .cell(row, col)
            .map_or(vt100::Color::Default, |c| c.bgcolor())
    }
}

#[test]
fn n_and_capital_n_go_from_where_you_are_and_the_counter_tells_the_truth() {
    let b = book();
    let mut s = Session::book(&b, 100, 30, &[]);
    s.target_anna();
    let total = b.mentions;
    s.keys(&["n", "n", "n"]);
    s.wait_until("the fourth hit", |s| {
        s.status().contains(&format!("Anna Pavlova 4/{total}"))
    });
    // After g, n goes to the first hit after the top, not on from the fourth.
    s.send("g");
    s.wait_until("the counter to leave the hit", |s| {
        s.status().contains(&format!("Anna Pavlova –/{total}"))
    });
    s.send("n");
    s.wait_until("the first hit", |s| {
        s.status().contains(&format!("Anna Pavlova 1/{total}"))
    });
    // After G, N goes to the last hit before the top of the view.
    s.send("G");
    s.wait_for("100%");
    s.send("N");
    s.wait_until("a hit before the last page", |s| {
        let st = s.status();
        st.contains("Anna Pavlova ") && !st.contains("–/") && !st.contains(&format!(" 1/{total}"))
    });
    s.send("q");
    assert!(s.wait_exit());
}

#[test]
fn ctrl_o_and_quote_quote_return_to_where_the_last_jump_started() {
    let b = book();
    let mut s = Session::book(&b, 100, 30, &[]);
    s.send("G");
    s.wait_for("100%");
    let bottom = text_rows(&s);
    s.send("\x0f");
    s.wait_for(" 0%");
    s.wait_for("Back where the jump started");
    s.keys(&["'", "'"]);
    s.wait_until("the end again", |s| text_rows(s) == bottom);
    s.keys(&["'", "'"]);
    s.wait_for(" 0%");
    // Repeated Ctrl-o walks further back: 50%, then G, then back twice.
    s.keys(&["5", "0", "%"]);
    s.wait_for(" 50%");
    s.send("G");
    s.wait_for("100%");
    s.send("\x0f");
    s.wait_for(" 50%");
    s.send("\x0f");
    s.wait_for(" 0%");
    s.send("q");
    assert!(s.wait_exit());
}

#[test]
fn the_outline_lists_chapters_filters_them_and_brackets_step_through_sections() {
    let b = book();
    let mut s = Session::book(&b, 100, 30, &[]);
    s.send("t");
    s.wait_for("Outline · 13 headings");
    s.wait_for("CHAPTER XII");
    s.keys(&["/", "x"]);
    s.wait_for("Outline · 4 of 13 headings");
    s.keys(&["\r", "j", "\r"]);
    s.wait_until("chapter X at the top", |s| s.row(1).contains("CHAPTER X "));
    s.send("]");
    s.wait_until("chapter XI at the top", |s| {
        s.row(1).contains("CHAPTER XI ")
    });
    s.send("[");
    s.wait_until("chapter X again", |s| s.row(1).contains("CHAPTER X "));
    s.send("[");
    s.wait_until("chapter IX", |s| s.row(1).contains("CHAPTER IX"));
    s.send("q");
    assert!(s.wait_exit());
}

#[test]
fn a_count_then_percent_goes_to_that_share_of_the_text() {
    let b = book();
    let mut s = Session::book(&b, 100, 30, &[]);
    s.keys(&["7", "5"]);
    s.wait_for("count 75: % goes to 75%");
    s.send("%");
    s.wait_for(" 75%");
    // 1 shows the entities and still counts: 10% comes back to the text.
    s.keys(&["1", "0", "%"]);
    s.wait_for(" 10%");
    s.send("q");
    assert!(s.wait_exit());
}

#[test]
fn search_as_you_type_moves_highlights_recalls_and_esc_clears_the_target() {
    let b = book();
    let mut s = Session::book(&b, 100, 30, &[]);
    let first_screen = text_rows(&s);
    s.send("/of chapter 3:");
    s.wait_for("8 matches");
    // The view has moved to the first hit, highlighted, before Enter.
    s.wait_until("the view at the first hit", |s| {
        text_rows(s) != first_screen && text_rows(s).iter().any(|r| r.contains("of chapter 3:"))
    });
    let (row, col) = (1..29)
        .find_map(|r| {
            let row = s.row(r);
            row.find("of chapter 3:")
                .map(|c| (r, row[..c].chars().count() as u16))
        })
        .unwrap();
    assert_ne!(
        s.bg(row, col),
        vt100::Color::Default,
        "the hit is highlighted"
    );
    s.send("\r");
    s.wait_for("/of chapter 3: 1/8");
    // Up recalls it; one match is one.
    s.keys(&["/", "\x1b[A"]);
    s.wait_until("the recalled search", |s| {
        s.status().starts_with("/of chapter 3:")
    });
    s.keys(&["\x15", "chronicle"]);
    s.wait_for("1 match ");
    s.keys(&["\x1b"]);
    s.wait_for("/of chapter 3: 1/8");
    // Esc in the text clears the target and the highlights.
    s.keys(&["\x1b"]);
    s.wait_for("Cleared the target");
    assert!(!s.status().contains("/of chapter 3: 1/8"));
    assert!(
        (1..29).all(|r| (0..66).all(|c| s.bg(r, c) == vt100::Color::Default)),
        "no highlight left"
    );
    s.send("q");
    assert!(s.wait_exit());
}

#[cfg(unix)]
#[test]
fn ctrl_z_suspends_to_the_shell_and_fg_brings_the_screen_back() {
    let line = "PS1='shell> ' exec bash --norc --noprofile -i";
    let mut s = Session::shell(line, 100, 30);
    s.wait_for("shell>");
    s.send(&format!("'{}' --no-state\r", env!("CARGO_BIN_EXE_lede")));
    s.wait_for("North Korea Summit on the Rocks");
    s.wait_until("the analysis", |s| !s.contents().contains("Analysing"));
    s.send("G");
    s.wait_for("100%");
    let before = s.contents();
    s.send("\x1a");
    s.wait_main_screen();
    s.wait_until("the shell's prompt", |s| {
        s.contents().matches("shell>").count() >= 2
    });
    s.send("fg\r");
    s.wait_until("the same screen", |s| {
        s.alternate() && s.contents() == before
    });
    s.send("q");
    s.wait_main_screen();
    s.send("exit\r");
    assert!(s.wait_exit());
}

#[test]
fn z_hides_the_sidebar_and_brings_it_back() {
    let b = book();
    let mut s = Session::book(&b, 100, 30, &[]);
    assert!(s.row(0).contains("Entities 2"));
    s.send("z");
    s.wait_until("the sidebar to go", |s| !s.row(0).contains("Entities"));
    s.wait_for("brings the sidebar back");
    // The text is laid out wider.
    let widest = |s: &Session| {
        text_rows(s)
            .iter()
            .map(|r| r.trim_end().chars().count())
            .max()
    };
    s.wait_until("longer lines", |s| widest(s) > Some(80));
    s.send("z");
    s.wait_until("the sidebar back", |s| s.row(0).contains("Entities 2"));
    s.send("q");
    assert!(s.wait_exit());
}

#[test]
fn narrower_and_wider_text_is_kept_with_the_reading_position() {
    let b = book();
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state");
    let env = [("XDG_STATE_HOME", state.to_str().unwrap())];
    let path = b.path.to_str().unwrap();
    let mut s = Session::lede(&[path], 120, 30, &env);
    s.wait_for("The Harbour Chronicle");
    // The widest the screen allows is 84 columns.
    s.keys(&["<"]);
    s.wait_for("Text width 80 columns");
    s.send("q");
    assert!(s.wait_exit());
    let mut s = Session::lede(&[path], 120, 30, &env);
    s.wait_for("Restored your place");
    s.keys(&[">"]);
    s.wait_for("Text width 84 columns");
    s.send("q");
    assert!(s.wait_exit());
}

#[test]
fn on_a_narrow_terminal_the_sidebar_shows_over_the_text_and_esc_returns() {
    let b = book();
    let mut s = Session::book(&b, 50, 20, &[]);
    assert!(!s.contents().contains("People"));
    s.send("1");
    s.wait_for("People 1");
    s.keys(&["\x1b"]);
    s.wait_until("the text again", |s| !s.contents().contains("People"));
    s.send("2");
    s.wait_for("Quotes 30");
    s.wait_for("Anna Pavlova");
    s.send("\t");
    s.wait_until("the text again", |s| !s.contents().contains("direct"));
    // 1 j Enter: the target changes where it can be seen.
    s.keys(&["1", "j", "\r"]);
    s.wait_until("the text with the target", |s| {
        s.status().contains("Rotterdam 1/") && !s.contents().contains("People")
    });
    s.send("q");
    assert!(s.wait_exit());
}

#[test]
fn help_scrolls_and_closes_with_question_mark_esc_or_q() {
    let mut s = Session::lede(&["--no-state"], 80, 24, &[]);
    s.wait_for("North Korea Summit on the Rocks");
    s.send("?");
    s.wait_for("Keys 1–");
    s.send("j");
    s.wait_for("Keys 2–");
    s.send("G");
    s.wait_until("the last lines", |s| {
        s.contents().contains("click") && s.contents().contains("wheel")
    });
    s.send("g");
    s.wait_for("Keys 1–");
    s.send("\x1b[6~");
    s.wait_until("a page down", |s| !s.contents().contains("Keys 1–"));
    s.send("\x1b[5~");
    s.wait_for("Keys 1–");
    for close in ["?", "q", "\x1b"] {
        s.send(close);
        s.wait_until("the help to close", |s| !s.contents().contains("Keys "));
        s.send("?");
        s.wait_for("Keys 1–");
    }
    s.send("\x03");
    assert!(s.wait_exit());
}

#[test]
fn i_in_the_quotes_tab_shows_the_whole_quote_and_enter_goes_to_it() {
    let b = book();
    let mut s = Session::book(&b, 100, 30, &[]);
    s.keys(&["G", "2"]);
    s.wait_for("Quotes 30");
    s.send("i");
    s.wait_for("Quote 1 of 30");
    s.wait_for("Anna Pavlova · direct");
    s.wait_for("“the tide is late again in chapter 1, and the cranes are idle.”");
    s.wait_for("In its sentence");
    s.keys(&["\x1b"]);
    s.wait_until("the quote to close", |s| {
        !s.contents().contains("Quote 1 of 30")
    });
    s.send("\x1b[C");
    s.wait_for("Quote 1 of 30");
    s.send("\r");
    s.wait_until("the quote in the text", |s| {
        !s.contents().contains("In its sentence")
            && reader_rows(s).iter().any(|r| r.contains("cranes are idle"))
    });
    s.send("q");
    assert!(s.wait_exit());
}

#[test]
fn the_x_ray_is_wide_with_a_sparkline_and_mentions_centred_in_context() {
    let b = book();
    let mut s = Session::book(&b, 110, 30, &[]);
    s.target_anna();
    s.send("i");
    s.wait_for("X-Ray · Anna Pavlova");
    s.wait_for(&format!("Person · {} mentions · 30 quotes", b.mentions));
    s.wait_for("Also: Pavlova");
    s.wait_for("▲ you are here");
    let rows: Vec<String> = (0..30).map(|r| s.row(r)).collect();
    let spark = rows.iter().find(|r| r.contains("Where ")).unwrap();
    assert!(spark.chars().any(|c| ('▁'..='█').contains(&c)), "{spark}");
    // Every mention line has the name at the same column, with … where the context is cut.
    let columns: Vec<usize> = rows
        .iter()
        .filter(|r| r.contains("…") && r.contains("Anna Pavlova said"))
        .map(|r| r[..r.find("Anna Pavlova said").unwrap()].chars().count())
        .collect();
    assert!(columns.len() > 3, "{rows:#?}");
    assert!(columns.windows(2).all(|w| w[0] == w[1]), "{columns:?}");
    assert!(columns[0] > 30, "centred: {columns:?}");
    s.send("q");
    s.wait_until("the X-Ray to close", |s| !s.contents().contains("X-Ray ·"));
    s.send("q");
    assert!(s.wait_exit());
}

#[test]
fn the_status_line_shows_time_left_configured_hints_and_filtered_counts() {
    let b = book();
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config");
    std::fs::create_dir_all(config.join("lede")).unwrap();
    std::fs::write(
        config.join("lede").join("config.toml"),
        "[keys]\nsearch = [\"f\"]\n",
    )
    .unwrap();
    let env = [("XDG_CONFIG_HOME", config.to_str().unwrap())];
    let mut s = Session::book(&b, 120, 30, &env);
    s.wait_for("min left");
    assert!(s.status().contains("f search"), "{}", s.status());
    assert!(!s.status().contains("/ search"), "{}", s.status());
    s.keys(&["2", "f", "tide"]);
    s.wait_for("Quotes 30 ");
    s.keys(&["\x15", "chapter 1,"]);
    s.wait_for("Quotes 2/30");
    s.send("\r");
    s.wait_for("Quotes 2/30");
    s.send("q");
    assert!(s.wait_exit());
}

#[test]
fn an_entity_named_only_in_hidden_text_is_neither_listed_nor_counted() {
    let b = book();
    let mut s = Session::book(&b, 100, 30, &[]);
    // Three entities in the analysis; the Harbour Times is named in the photo credit only.
    assert!(s.row(0).contains("Entities 2 "));
    s.keys(&["1", "/", "harbour"]);
    s.wait_for("No match");
    s.keys(&["\r", "q"]);
    assert!(s.wait_exit());
}

#[test]
fn a_click_with_a_filter_selects_the_item_drawn_under_the_pointer() {
    // Many entities and a short screen, so the list scrolls with the filter on its last line.
    use lede::analysis::EntityKind;
    let names: Vec<String> = (0..40).map(|i| format!("Harbourmaster{i:02}")).collect();
    let mut text = String::from("The Harbour Roll\n\n");
    for n in &names {
        text.push_str(&format!(
            "Today {n} reported for duty at the gate of the harbour.\n\n"
        ));
    }
    let article = lede::article::parse_plain(text);
    let specs: Vec<(EntityKind, &str, &[&str])> = names
        .iter()
        .map(|n| (EntityKind::Person, n.as_str(), &[][..]))
        .collect();
    let analysis = lede::app::fixture::analysis_for(&article, &specs);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("roll.lede.json");
    std::fs::write(
        &path,
        lede::analysis::json::to_string(&article, &analysis, "roll.txt", true),
    )
    .unwrap();
    let mut s = Session::lede(&["--no-state", path.to_str().unwrap()], 90, 16, &[]);
    s.wait_for("Entities 40");
    s.keys(&["1", "/", "master", "\r", "G"]);
    s.wait_for("filter: master");
    s.wait_until("the last entity selected", |s| {
        s.contents().contains("▶ Harbourmaster39")
    });
    // The sidebar's part of a row: right of the border it shares with the text.
    let side = |s: &Session, r: u16| {
        let row = s.row(r);
        let at = row.find("││").map_or(0, |i| i + "││".len());
        (row[..at].chars().count(), row[at..].to_string())
    };
    let target_row = (1..14)
        .find(|&r| side(&s, r).1.contains("Harbourmaster3") && !side(&s, r).1.contains('▶'))
        .unwrap();
    let (offset, part) = side(&s, target_row);
    let at = part.find("Harbourmaster").unwrap();
    let name = part[at..at + 15].to_string();
    let col = (offset + part[..at].chars().count()) as u16;
    // SGR mouse: a press and a release of the left button, 1-based.
    s.send(&format!(
        "\x1b[<0;{};{}M\x1b[<0;{};{}m",
        col + 2,
        target_row + 1,
        col + 2,
        target_row + 1
    ));
    s.wait_until("the clicked row selected", |s| {
        s.row(target_row).contains(&format!("▶ {name}"))
    });
    s.send("q");
    assert!(s.wait_exit());
}

#[test]
fn a_keys_config_that_would_lock_the_user_in_is_refused_with_a_notice() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config");
    std::fs::create_dir_all(config.join("lede")).unwrap();
    std::fs::write(
        config.join("lede").join("config.toml"),
        "[keys]\nquit = []\nhelp = [\"x\"]\noutline = [\"x\"]\n",
    )
    .unwrap();
    let env = [("XDG_CONFIG_HOME", config.to_str().unwrap())];
    let mut s = Session::lede(&["--no-state"], 200, 30, &env);
    s.wait_for("North Korea Summit on the Rocks");
    s.wait_for("config.toml:2: [keys] quit: quit needs a key; kept q, Ctrl-c");
    // The second problem is on stderr of `lede analyze`, every one on its own line.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_lede"))
        .args(["analyze", "assets/north-korea-summit.txt"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("XDG_CONFIG_HOME", &config)
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("config.toml:2: [keys] quit: quit needs a key"),
        "{err}"
    );
    assert!(
        err.contains("config.toml:4: [keys] outline: x is already help's key; kept t"),
        "{err}"
    );
    assert!(out.status.success());
    // x is help's; q still quits.
    s.send("x");
    s.wait_for("Keys 1–");
    s.send("q");
    s.wait_until("the help to close", |s| !s.contents().contains("Keys 1–"));
    s.send("q");
    assert!(s.wait_exit());
}

#[test]
fn stdin_is_titled_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("piped.txt");
    std::fs::write(&path, "the harbour reopened on monday, officials said.\n").unwrap();
    let line = format!(
        "cat '{}' | '{}' --no-state -",
        path.display(),
        env!("CARGO_BIN_EXE_lede")
    );
    let mut s = Session::shell(&line, 90, 24);
    s.wait_for("the harbour reopened");
    assert!(s.row(0).starts_with("┌ stdin "), "{}", s.row(0));
    s.send("q");
    assert!(s.wait_exit());
}
