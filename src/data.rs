//! The word lists and tables under `assets/`: one entry a line, blank lines and `#` comments
//! left out. Every list is read through [`lines`], so they all follow the same rules.

/// The entries of a data file: its lines trimmed of white space, without blank lines and
/// comments (`#` at the start of a line).
pub fn lines(data: &str) -> impl Iterator<Item = &str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

#[cfg(test)]
mod tests {
    #[test]
    fn blank_lines_and_comments_are_left_out() {
        let data = "# a comment\n\nword\n  spaced\t \n#another\nlast";
        assert_eq!(
            super::lines(data).collect::<Vec<_>>(),
            ["word", "spaced", "last"]
        );
    }
}
