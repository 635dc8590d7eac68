//! The command line, defined once with clap: `lede` parses it, and the shell completions and
//! the man page are generated from the same definition (`--completions SHELL`, `--man`).

use std::path::PathBuf;

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};

/// What `lede --help` ends with: the exit codes, for scripts and the README.
pub const EXIT_CODES: &str = "\
Exit codes:
  0      success
  1      the input cannot be read, or the terminal failed
  2      usage error (unknown flag, missing argument)
  128+n  ended by signal n (129 SIGHUP, 130 SIGINT, 143 SIGTERM); the place is saved first

Files:
  $XDG_CONFIG_HOME/lede/config.toml    settings (lede --print-config prints the defaults)
  $XDG_STATE_HOME/lede/positions.json  reading positions and marks (off with --no-state)";

/// The command line of `lede`.
#[derive(Debug, Parser)]
#[command(
    name = "lede",
    version,
    about = "A terminal reader for news and opinion articles: who is in this piece, and who said what",
    after_help = EXIT_CODES,
    // `lede a.txt analyze b.txt` is a usage error, not an analysis of b.txt.
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// The article to open (`-` reads stdin); the bundled sample when absent.
    pub file: Option<PathBuf>,
    /// Neither restore nor save the reading position and marks.
    #[arg(long)]
    pub no_state: bool,
    /// Print the default configuration file and exit.
    #[arg(long)]
    pub print_config: bool,
    /// Print shell completions for SHELL and exit.
    #[arg(long, value_name = "SHELL")]
    pub completions: Option<Shell>,
    /// Print the man page (roff) and exit.
    #[arg(long)]
    pub man: bool,
}

/// The shells completions are generated for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the analysis of an article: a summary, or the `lede.analysis/1` JSON.
    Analyze {
        /// Print the `lede.analysis/1` JSON.
        #[arg(long)]
        json: bool,
        /// Explain the analysis: for every quote its speaker, the rule that named it and what
        /// the rule read; for every entity its kind, name, aliases and mention count.
        #[arg(long, conflicts_with = "json")]
        explain: bool,
        /// The article (`-` reads stdin).
        file: PathBuf,
    },
}

/// The completion script for `shell`.
pub fn completions(shell: Shell) -> String {
    let mut cmd = Cli::command();
    let mut out = Vec::new();
    let generator = match shell {
        Shell::Bash => clap_complete::Shell::Bash,
        Shell::Zsh => clap_complete::Shell::Zsh,
        Shell::Fish => clap_complete::Shell::Fish,
    };
    clap_complete::generate(generator, &mut cmd, "lede", &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// The man page, in roff: the command line's sections, and a KEYS section generated from the
/// default keymap (before the exit codes).
pub fn man_page() -> String {
    let mut out = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = clap_mangen::Man::new(Cli::command()).render(&mut out);
    let page = String::from_utf8_lossy(&out).into_owned();
    let keys = keys_section(&crate::app::Keymap::default());
    match page.find(".SH EXTRA") {
        Some(at) => format!("{}{keys}{}", &page[..at], &page[at..]),
        None => page + &keys,
    }
}

/// The KEYS section of the man page: each mode's bindings, as the help screen lists them.
pub fn keys_section(keymap: &crate::app::Keymap) -> String {
    use crate::app::overlay::{help_lines, HelpLine};
    let mut s = String::from(".SH KEYS\n");
    s.push_str(&roff_text(
        "The help screen (?) lists the same keys. The name after each is the action's name in \
         the [keys] table of the config file, which gives an action other keys.",
    ));
    for line in help_lines(keymap) {
        match line {
            HelpLine::Section(title) => {
                s.push_str(&format!(
                    ".SS \"{}\"\n",
                    roff_escape(&title.replace('"', ""))
                ));
            }
            HelpLine::Keys { keys, desc, name } => {
                let keys: Vec<String> = keys
                    .split(", ")
                    .map(|k| format!("\\fB{}\\fR", roff_escape(k)))
                    .collect();
                s.push_str(".TP\n");
                s.push_str(&roff_text(&keys.join(", ")));
                let name = if name.is_empty() {
                    String::new()
                } else {
                    format!(" (\\fI{}\\fR)", roff_escape(&name))
                };
                s.push_str(&roff_text(&format!("{}{name}", roff_escape(desc))));
            }
            HelpLine::Blank => {}
        }
    }
    s
}

/// Escapes text for roff: backslashes and hyphens.
fn roff_escape(s: &str) -> String {
    s.replace('\\', "\\e").replace('-', "\\-")
}

/// A line of roff text: one that would start with a control character is guarded.
fn roff_text(s: &str) -> String {
    if s.starts_with(['.', '\'']) {
        format!("\\&{s}\n")
    } else {
        format!("{s}\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn completions_name_the_flags_and_the_subcommand() {
        for shell in [Shell::Bash, Shell::Zsh, Shell::Fish] {
            let s = completions(shell);
            assert!(s.contains("no-state"), "{shell:?}");
            assert!(s.contains("analyze"), "{shell:?}");
        }
    }

    #[test]
    fn the_man_page_has_the_name_options_and_exit_codes() {
        let man = man_page();
        assert!(man.starts_with(".ie") || man.contains(".TH"));
        assert!(man.contains("lede"));
        assert!(man.contains("no\\-state"));
        assert!(man.contains("128+n"));
    }

    #[test]
    fn the_man_page_has_a_keys_section_from_the_keymap() {
        let man = man_page();
        let keys = man.find(".SH KEYS").expect("a KEYS section");
        assert!(keys < man.find(".SH EXTRA").unwrap_or(man.len()));
        for needle in [
            "\\fBCtrl\\-o\\fR",
            "(\\fIjump_back\\fR)",
            "\\fBt\\fR",
            "\\fBz\\fR",
            "\\fB%\\fR",
            ".SS \"In the help, X\\-Ray",
        ] {
            assert!(man.contains(needle), "{needle}");
        }
        // No line of the section starts with a control character it did not mean.
        for line in man[keys..].lines() {
            assert!(!line.starts_with('\''), "{line}");
        }
    }

    #[test]
    fn a_file_before_the_subcommand_is_a_usage_error() {
        let err = Cli::try_parse_from(["lede", "a.txt", "analyze", "b.txt"]).unwrap_err();
        assert_eq!(err.exit_code(), 2);
        let cli = Cli::try_parse_from(["lede", "analyze", "b.txt"]).unwrap();
        assert!(matches!(cli.command, Some(Command::Analyze { .. })));
    }

    #[test]
    fn flags_parse() {
        let cli = Cli::try_parse_from(["lede", "--no-state", "a.txt"]).unwrap();
        assert!(cli.no_state);
        assert_eq!(cli.file, Some(PathBuf::from("a.txt")));
        let cli = Cli::try_parse_from(["lede", "--completions", "zsh"]).unwrap();
        assert_eq!(cli.completions, Some(Shell::Zsh));
        assert!(Cli::try_parse_from(["lede", "--completions", "tcsh"]).is_err());
    }
}
