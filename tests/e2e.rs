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
