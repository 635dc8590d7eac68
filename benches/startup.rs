//! Whole-program timings, side by side with the tools a user compares lede with:
//!
//! - `lede analyze --json BOOK` against `wc -w BOOK` (the analysis should stay within a few
//!   times the cost of counting words);
//! - the time until lede's first screen of the book is drawn in a pseudo-terminal against the
//!   same for `less` (the reader must never wait for the analysis);
//! - lede's peak memory (VmHWM) once the analysis of the book has finished;
//! - the peak memory of `lede analyze --json` on a 61 MB text (the book 19 times over, written
//!   to a temporary file at bench time), against a budget of 4 × its size + 30 MiB.
//!
//! Run with `cargo bench --bench startup`; prints medians over several runs. lede and `wc` run
//! in turn, so that a machine busy with other work slows both alike. Needs `less`.

use std::io::Read;
use std::num::NonZeroU16;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{native_pty_system, CommandBuilder, PtySize};

const RUNS: usize = 10;

fn book() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/data/war-and-peace.txt")
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// Wall time of one run of a command to completion with its output discarded.
fn run_once(program: &str, args: &[&str]) -> Duration {
    let start = Instant::now();
    let status = Command::new(program)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("command runs");
    assert!(status.success(), "{program} failed");
    start.elapsed()
}

/// Median wall times of two commands run in turn, `RUNS` times each.
fn time_side_by_side(a: (&str, &[&str]), b: (&str, &[&str])) -> (Duration, Duration) {
    let (mut ta, mut tb) = (Vec::new(), Vec::new());
    for _ in 0..RUNS {
        ta.push(run_once(a.0, a.1));
        tb.push(run_once(b.0, b.1));
    }
    (median(ta), median(tb))
}

/// The largest peak resident memory of the children waited for so far, in KiB.
fn children_peak_kib() -> u64 {
    // SAFETY: getrusage only writes the struct it is given.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let got = unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) };
    if got == 0 {
        u64::try_from(usage.ru_maxrss).unwrap_or(0)
    } else {
        0
    }
}

/// Peak memory of `lede analyze --json` on the book written `times` times into one file.
fn big_text_peak(lede: &str, book: &str, times: usize) {
    let text = std::fs::read(book).expect("the book");
    let mut big = tempfile::NamedTempFile::new().expect("a temporary file");
    for _ in 0..times {
        std::io::Write::write_all(&mut big, &text).expect("write");
    }
    let path = big.path().to_str().expect("UTF-8 path").to_string();
    let size_mib = (text.len() * times) as f64 / 1048576.0;
    let before = children_peak_kib();
    let took = run_once(lede, &["analyze", "--json", &path]);
    let peak = children_peak_kib();
    if peak > before {
        println!(
            "lede analyze --json, {size_mib:.1} MiB text: {:.2} s, peak {:.1} MiB  (budget 4 × {size_mib:.1} MiB + 30 MiB = {:.1} MiB)",
            took.as_secs_f64(),
            peak as f64 / 1024.0,
            4.0 * size_mib + 30.0
        );
    } else {
        println!("lede analyze --json on the {size_mib:.1} MiB text: peak memory not measured");
    }
}

/// A program running in a pseudo-terminal, its screen parsed as it draws.
struct Screen {
    parser: Arc<Mutex<vt100::Parser>>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
}

impl Screen {
    fn spawn(program: &str, args: &[&str]) -> Screen {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: 40,
                cols: 120,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("pty");
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env("LESS", "");
        cmd.env(
            "XDG_STATE_HOME",
            std::env::temp_dir().join("lede-bench-state"),
        );
        let child = pty.slave.spawn_command(cmd).expect("spawn");
        let mut reader = pty.master.try_clone_reader().expect("reader");
        let (rows, cols) = (NonZeroU16::new(40), NonZeroU16::new(120));
        let (Some(rows), Some(cols)) = (rows, cols) else {
            unreachable!("non-zero constants")
        };
        let parser = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let feed = Arc::clone(&parser);
        std::thread::spawn(move || {
            let _master = pty.master;
            let mut buf = [0u8; 65536];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                if let Ok(mut p) = feed.lock() {
                    p.process(&buf[..n]);
                }
            }
        });
        Screen { parser, child }
    }

    fn contains(&self, needle: &str) -> bool {
        self.parser
            .lock()
            .map(|p| p.screen().contents().contains(needle))
            .unwrap_or(false)
    }

    /// Waits until the screen shows `needle`; the time it took.
    fn wait_for(&self, needle: &str, since: Instant) -> Duration {
        let limit = Duration::from_secs(30);
        while !self.contains(needle) {
            assert!(since.elapsed() < limit, "no {needle:?} on screen");
            std::thread::sleep(Duration::from_micros(200));
        }
        since.elapsed()
    }

    fn peak_memory_kib(&self) -> Option<u64> {
        let pid = self.child.process_id()?;
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
        let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
        line.split_whitespace().nth(1)?.parse().ok()
    }
}

impl Drop for Screen {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn first_screen(program: &str, args: &[&str], needle: &str) -> Duration {
    let runs = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            let screen = Screen::spawn(program, args);
            screen.wait_for(needle, start)
        })
        .collect();
    median(runs)
}

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` would pass nothing: run only for
    // a real benchmark run.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let lede = env!("CARGO_BIN_EXE_lede");
    let book = book();
    let book = book.to_str().expect("UTF-8 path");
    let words = std::fs::read_to_string(book)
        .map(|t| t.split_whitespace().count())
        .unwrap_or(0);
    println!("book: {book} ({words} words)");

    let (analyze, wc) =
        time_side_by_side((lede, &["analyze", "--json", book]), ("wc", &["-w", book]));
    println!("wc -w                  {:>8.1} ms", wc.as_secs_f64() * 1e3);
    println!(
        "lede analyze --json    {:>8.1} ms   {:.1}× wc -w   {:.2} M words/s",
        analyze.as_secs_f64() * 1e3,
        analyze.as_secs_f64() / wc.as_secs_f64(),
        words as f64 / analyze.as_secs_f64() / 1e6
    );

    // War and Peace 19 times over: 61 MB.
    big_text_peak(lede, book, 19);

    let less = first_screen("less", &[book], "BOOK ONE");
    let reader = first_screen(lede, &[book], "BOOK ONE");
    println!(
        "less, first screen     {:>8.1} ms",
        less.as_secs_f64() * 1e3
    );
    println!(
        "lede, first screen     {:>8.1} ms   {:.1}× less",
        reader.as_secs_f64() * 1e3,
        reader.as_secs_f64() / less.as_secs_f64()
    );

    // Peak memory once the sidebar is filled (the analysis has finished).
    let start = Instant::now();
    let screen = Screen::spawn(lede, &[book]);
    screen.wait_for("People", start);
    let size_mib = std::fs::metadata(book).map(|m| m.len()).unwrap_or(0) as f64 / 1048576.0;
    if let Some(kib) = screen.peak_memory_kib() {
        let mib = kib as f64 / 1024.0;
        println!(
            "lede, peak memory      {mib:>8.1} MiB  (budget 4 × {size_mib:.1} MiB + 30 MiB = {:.1} MiB)",
            4.0 * size_mib + 30.0
        );
    }
}
