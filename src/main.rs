//! The `lede` command: opens the reader, or prints the analysis with `lede analyze`.

mod tui;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use lede::analysis::{self, json, Analysis, EntityKind};
use lede::app::{Keymap, Settings};
use lede::article::{self, LoadError, Loaded};
use lede::cli::{Cli, Command};
use lede::config::Config;
use lede::state::StateStore;
use lede::theme::Theme;

/// The bundled sample article, opened when no file is given.
const SAMPLE: &str = include_str!("../assets/north-korea-summit.txt");
const SAMPLE_NAME: &str = "north-korea-summit.txt";

fn main() -> ExitCode {
    let cli = Cli::parse();
    if cli.print_config {
        return exit(print_out(Config::defaults_toml()));
    }
    if let Some(shell) = cli.completions {
        return exit(print_out(&lede::cli::completions(shell)));
    }
    if cli.man {
        return exit(print_out(&lede::cli::man_page()));
    }
    let result = match cli.command {
        Some(Command::Analyze {
            json,
            explain,
            file,
        }) => {
            // The config does not change the analysis, but a bad one is still reported.
            let (_, _, notices) = load_config();
            for notice in notices {
                eprintln!("lede: {notice}");
            }
            if explain {
                run_explain(&file)
            } else {
                run_analyze(&file, json)
            }
        }
        None => run_analyze_or_read(cli.file, cli.no_state),
    };
    exit(result)
}

fn exit(result: Result<ExitCode, String>) -> ExitCode {
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("lede: {message}");
            ExitCode::from(1)
        }
    }
}

/// The config, the keymap it makes, and every problem with either as one line each (naming the
/// file and the line).
fn load_config() -> (Config, Keymap, Vec<String>) {
    let (config, notice) = Config::load_default();
    let mut notices: Vec<String> = notice.into_iter().collect();
    let (keymap, problems) = Keymap::with_overrides(&config.keys);
    let name = Config::default_path().map_or("config".to_string(), |p| display_path(&p));
    notices.extend(
        problems
            .into_iter()
            .map(|p| format!("{name}:{}: {}", p.line, p.message)),
    );
    (config, keymap, notices)
}

/// A path as the user would write it: the home folder as `~`.
fn display_path(path: &std::path::Path) -> String {
    if let Some(home) = dirs::home_dir() {
        if let Ok(rest) = path.strip_prefix(&home) {
            return format!("~/{}", rest.display());
        }
    }
    path.display().to_string()
}

/// Whether the file argument means standard input.
fn is_stdin(file: Option<&PathBuf>) -> bool {
    file.is_some_and(|p| p.as_os_str() == "-")
}

/// Opens a file, stdin (`-`) or the bundled sample (`None`).
fn open(file: Option<&PathBuf>) -> Result<Loaded, String> {
    let loaded = match file {
        None => {
            article::load_bytes(SAMPLE.as_bytes().to_vec(), SAMPLE_NAME).map_err(|e| e.to_string())
        }
        Some(p) if is_stdin(Some(p)) => read_stdin(),
        Some(p) => article::load_path(p).map_err(|e| match e {
            LoadError::TooLarge(name, _) => {
                too_large(&name, std::fs::metadata(p).map_or(0, |m| m.len()))
            }
            other => other.to_string(),
        }),
    };
    let loaded = loaded?;
    for notice in &loaded.notices {
        eprintln!("lede: {notice}");
    }
    Ok(loaded)
}

/// Reads standard input whole: refused when over the limit (its real size is counted), and
/// named "standard input" in errors.
fn read_stdin() -> Result<Loaded, String> {
    use std::io::Read;
    let mut bytes = Vec::new();
    let mut stdin = std::io::stdin().lock();
    let read = (&mut stdin)
        .take(article::load::MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("standard input cannot be read: {e}"))?;
    if read as u64 > article::load::MAX_BYTES {
        let rest = std::io::copy(&mut stdin, &mut std::io::sink()).unwrap_or(0);
        return Err(too_large("standard input", read as u64 + rest));
    }
    article::load_bytes(bytes, "-").map_err(|e| match e {
        LoadError::Empty(_) => "standard input is empty".to_string(),
        other => {
            let message = other.to_string();
            match message.strip_prefix("-: ") {
                Some(rest) => format!("standard input: {rest}"),
                None => message,
            }
        }
    })
}

/// The error for an input over the limit, with its real size.
fn too_large(name: &str, bytes: u64) -> String {
    let max = article::load::MAX_BYTES / (1024 * 1024);
    format!(
        "{name}: is too large ({}; lede opens articles up to {max} MB)",
        size_label(bytes)
    )
}

/// A size as people read it: `100 MB`, `64.5 MB`, or the bytes when that would round to the
/// limit itself.
fn size_label(bytes: u64) -> String {
    let mb = bytes as f64 / (1024.0 * 1024.0);
    let tenths = (mb * 10.0).round() / 10.0;
    if tenths * 1024.0 * 1024.0 <= article::load::MAX_BYTES as f64 {
        let digits = bytes.to_string();
        let mut grouped = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                grouped.push(',');
            }
            grouped.push(c);
        }
        format!("{grouped} bytes")
    } else if tenths.fract() == 0.0 {
        format!("{tenths:.0} MB")
    } else {
        format!("{tenths:.1} MB")
    }
}

/// `lede [FILE]`: the reader on a terminal; when stdout is not a terminal (a pipe, a file),
/// the readable analysis summary instead, exactly as `lede analyze FILE` prints it.
fn run_analyze_or_read(file: Option<PathBuf>, no_state: bool) -> Result<ExitCode, String> {
    let loaded = open(file.as_ref())?;
    // The pane is titled by the article's title, else this name.
    let name = if is_stdin(file.as_ref()) {
        "stdin".to_string()
    } else {
        loaded.source.clone()
    };
    if !std::io::stdout().is_terminal() {
        let analysis = loaded
            .analysis
            .clone()
            .unwrap_or_else(|| analysis::analyze(&loaded.article));
        return print_out(&summary(&loaded, &analysis));
    }
    let (config, keymap, mut notices) = load_config();
    let theme = match config.theme {
        lede::config::Theme::Dark => Theme::dark(),
        lede::config::Theme::Light => Theme::light(),
        lede::config::Theme::Mono => Theme::mono(),
    };
    let state = if no_state {
        None
    } else {
        lede::state::default_dir().map(|dir| {
            let (store, notice) = StateStore::open(&dir);
            notices.extend(notice);
            store
        })
    };
    let settings = Settings {
        keymap,
        theme,
        text_width: Some(config.text_width),
        sidebar_width: Some(config.sidebar_width),
        words_per_minute: config.words_per_minute,
        notices,
        saved: None,
    };
    let (ending, warning) =
        tui::run(loaded, &name, settings, state).map_err(|e| format!("terminal error: {e}"))?;
    if let Some(w) = warning {
        eprintln!("lede: {w}");
    }
    match ending {
        tui::Ending::Quit => Ok(ExitCode::SUCCESS),
        tui::Ending::Signal(sig) => Ok(ExitCode::from(128 + sig)),
    }
}

fn run_analyze(file: &PathBuf, as_json: bool) -> Result<ExitCode, String> {
    analysis::warm_up();
    let loaded = open(Some(file))?;
    if as_json {
        // Streamed: a book's JSON is larger than the book. The entities are written while the
        // quotes are being found.
        let stdout = std::io::stdout();
        let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
        let (article, source) = (&loaded.article, loaded.source.as_str());
        let include_text = loaded.text_is_extracted();
        let written = match &loaded.analysis {
            Some(analysis) => json::write(&mut out, article, analysis, source, include_text),
            None => analysis::analyze_then_quotes(article, |entities, quotes| {
                json::write_then_quotes(&mut out, article, entities, source, include_text, quotes)
            }),
        }
        .and_then(|()| out.flush());
        match written {
            Ok(()) => Ok(ExitCode::SUCCESS),
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
            Err(e) => Err(format!("cannot write the output: {e}")),
        }
    } else {
        let analysis = loaded
            .analysis
            .clone()
            .unwrap_or_else(|| analysis::analyze(&loaded.article));
        print_out(&summary(&loaded, &analysis))
    }
}

/// `lede analyze --explain FILE`: every quote with the rule that named its speaker, every entity.
fn run_explain(file: &PathBuf) -> Result<ExitCode, String> {
    let loaded = open(Some(file))?;
    let analysis = loaded
        .analysis
        .clone()
        .unwrap_or_else(|| analysis::analyze(&loaded.article));
    let text = loaded.article.text();
    print_out(&analysis::explain::explain(text, &analysis))
}

/// Writes to stdout; a closed pipe (`lede analyze x | head`) is not an error.
fn print_out(s: &str) -> Result<ExitCode, String> {
    let mut out = std::io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(format!("cannot write the output: {e}")),
    }
}

/// The readable summary: metadata, entities grouped by kind with counts and aliases, quotes.
fn summary(loaded: &Loaded, analysis: &Analysis) -> String {
    let meta = &loaded.article.meta;
    let mut s = String::new();
    let line = |s: &mut String, label: &str, v: &Option<String>| {
        if let Some(v) = v {
            s.push_str(&format!("{label:<8}{v}\n"));
        }
    };
    s.push_str(&format!("{}\n", loaded.source));
    line(&mut s, "Kicker", &meta.kicker);
    line(&mut s, "Title", &meta.title);
    line(&mut s, "Author", &meta.author);
    line(&mut s, "Date", &meta.date);
    let mut kinds: Vec<EntityKind> = analysis.entities.iter().map(|e| e.kind).collect();
    kinds.sort();
    kinds.dedup();
    for kind in kinds {
        let mut group: Vec<_> = analysis
            .entities
            .iter()
            .filter(|e| e.kind == kind)
            .collect();
        group.sort_by(|a, b| {
            b.mentions
                .len()
                .cmp(&a.mentions.len())
                .then(a.name.cmp(&b.name))
        });
        s.push_str(&format!("\n{} ({})\n", kind.heading(), group.len()));
        for e in group {
            let others: Vec<&str> = e
                .aliases
                .iter()
                .filter(|a| **a != e.name)
                .map(String::as_str)
                .collect();
            let aka = if others.is_empty() {
                String::new()
            } else {
                format!("  ({})", others.join(", "))
            };
            s.push_str(&format!("  {:>4}  {}{}\n", e.mentions.len(), e.name, aka));
        }
    }
    if !analysis.quotes.is_empty() {
        s.push_str(&format!("\nQuotes ({})\n", analysis.quotes.len()));
        let text = loaded.article.text();
        for q in &analysis.quotes {
            let who = q
                .speaker
                .and_then(|i| analysis.entities.get(i))
                .map(|e| e.name.clone())
                .or_else(|| q.speaker_text.clone())
                .unwrap_or_else(|| "unattributed".to_string());
            let words: String = text
                .get(q.start..q.end)
                .unwrap_or("")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let shown: String = words.chars().take(70).collect();
            let more = if words.chars().count() > 70 {
                "…"
            } else {
                ""
            };
            s.push_str(&format!("  {who} ({}): “{shown}{more}”\n", q.kind.as_str()));
        }
    }
    s
}
