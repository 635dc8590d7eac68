//! The `lede` command: opens the reader, or prints the analysis with `lede analyze`.

mod tui;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use lede::analysis::{self, json, Analysis, EntityKind};
use lede::app::Keymap;
use lede::article::{self, Loaded};
use lede::ui::theme::Theme;

/// The bundled sample article, opened when no file is given.
const SAMPLE: &str = include_str!("../assets/north-korea-summit.txt");
const SAMPLE_NAME: &str = "north-korea-summit.txt";

#[derive(Parser)]
#[command(
    name = "lede",
    version,
    about = "A terminal reader for news and opinion articles: who is in this piece, and who said what"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// The article to open (`-` reads stdin); the bundled sample when absent.
    file: Option<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Print the analysis of an article: a summary, or the `lede.analysis/1` JSON.
    Analyze {
        /// Print the `lede.analysis/1` JSON.
        #[arg(long)]
        json: bool,
        /// The article (`-` reads stdin).
        file: PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::Analyze { json, file }) => run_analyze(&file, json),
        None => run_analyze_or_read(cli.file),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("lede: {message}");
            ExitCode::from(1)
        }
    }
}

/// Opens a file, stdin (`-`) or the bundled sample (`None`).
fn open(file: Option<&PathBuf>) -> Result<Loaded, String> {
    let loaded = match file {
        None => article::load_bytes(SAMPLE.as_bytes().to_vec(), SAMPLE_NAME),
        Some(p) if p.as_os_str() == "-" => article::load::load_reader(std::io::stdin().lock(), "-"),
        Some(p) => article::load_path(p),
    };
    let loaded = loaded.map_err(|e| e.to_string())?;
    for notice in &loaded.notices {
        eprintln!("lede: {notice}");
    }
    Ok(loaded)
}

/// `lede [FILE]`: the reader on a terminal; when stdout is not a terminal (a pipe, a file),
/// the readable analysis summary instead, exactly as `lede analyze FILE` prints it.
fn run_analyze_or_read(file: Option<PathBuf>) -> Result<ExitCode, String> {
    let loaded = open(file.as_ref())?;
    if !std::io::stdout().is_terminal() {
        let analysis = loaded
            .analysis
            .clone()
            .unwrap_or_else(|| analysis::analyze(&loaded.article));
        return print_out(&summary(&loaded, &analysis));
    }
    match tui::run(loaded, Theme::from_env(), Keymap::default()) {
        Ok(tui::Ending::Quit) => Ok(ExitCode::SUCCESS),
        Ok(tui::Ending::Signal(sig)) => Ok(ExitCode::from(128 + sig)),
        Err(e) => Err(format!("terminal error: {e}")),
    }
}

fn run_analyze(file: &PathBuf, as_json: bool) -> Result<ExitCode, String> {
    let loaded = open(Some(file))?;
    let analysis = loaded
        .analysis
        .clone()
        .unwrap_or_else(|| analysis::analyze(&loaded.article));
    if as_json {
        let out = json::to_string(
            &loaded.article,
            &analysis,
            &loaded.source,
            loaded.text_is_extracted(),
        );
        print_out(&(out + "\n"))
    } else {
        print_out(&summary(&loaded, &analysis))
    }
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
