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
    after_help = EXIT_CODES
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

/// The man page, in roff.
pub fn man_page() -> String {
    let mut out = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = clap_mangen::Man::new(Cli::command()).render(&mut out);
    String::from_utf8_lossy(&out).into_owned()
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
    fn flags_parse() {
        let cli = Cli::try_parse_from(["lede", "--no-state", "a.txt"]).unwrap();
        assert!(cli.no_state);
        assert_eq!(cli.file, Some(PathBuf::from("a.txt")));
        let cli = Cli::try_parse_from(["lede", "--completions", "zsh"]).unwrap();
        assert_eq!(cli.completions, Some(Shell::Zsh));
        assert!(Cli::try_parse_from(["lede", "--completions", "tcsh"]).is_err());
    }
}
