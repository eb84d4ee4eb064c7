//! Completion scripts and man pages, generated from the clap definition and
//! committed under `completions/` and `man/` (a test keeps them in step).

use crate::error::{Error, Result};
use clap_complete::Shell;
use std::path::Path;

fn write(path: &Path, bytes: &[u8]) -> Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)
            .map_err(|e| Error::io(format!("cannot create {}", dir.display()), e))?;
    }
    std::fs::write(path, bytes)
        .map_err(|e| Error::io(format!("cannot write {}", path.display()), e))
}

/// Writes `completions/apigw.{bash,zsh,fish,ps1,elv}` and `man/man1/*.1`
/// under `dir` (so `MANPATH=dir/man` finds the pages).
pub fn generate(dir: &Path) -> Result<()> {
    let mut cmd = super::command();
    for (shell, file) in [
        (Shell::Bash, "apigw.bash"),
        (Shell::Zsh, "_apigw"),
        (Shell::Fish, "apigw.fish"),
        (Shell::PowerShell, "_apigw.ps1"),
        (Shell::Elvish, "apigw.elv"),
    ] {
        let script = super::complete::registration(&shell.to_string())
            .ok_or_else(|| Error::Other(format!("no completion script for {shell}")))?;
        write(&dir.join("completions").join(file), &script)?;
    }
    cmd.build();
    man_pages(&cmd, "", &dir.join("man").join("man1"))
}

/// Escapes text for roff.
fn roff(text: &str) -> String {
    text.replace('\\', "\\e").replace('-', "\\-")
}

/// The EXAMPLES and EXIT STATUS sections of a man page.
fn extra_sections(words: &str, is_group: bool) -> String {
    let mut out = String::new();
    let examples = super::help::examples(words);
    if !examples.is_empty() {
        out.push_str(".SH EXAMPLES\n");
        for (what, command) in examples {
            out.push_str(&format!(".PP\n{}\n.PP\n.nf\n.RS 4\n", roff(what)));
            for line in command.lines() {
                out.push_str(&roff(line));
                out.push('\n');
            }
            out.push_str(".RE\n.fi\n");
        }
    }
    if !is_group {
        out.push_str(".SH \"EXIT STATUS\"\n");
        for (code, what) in super::help::EXIT_STATUS {
            out.push_str(&format!(".TP\n\\fB{code}\\fR\n{}\n", roff(what)));
        }
    }
    out
}

/// Writes the page of `cmd` (reached by `words`, empty for apigw itself)
/// and those of its subcommands.
fn man_pages(cmd: &clap::Command, words: &str, dir: &Path) -> Result<()> {
    let name = if words.is_empty() {
        "apigw".to_string()
    } else {
        format!("apigw-{}", words.replace(' ', "-"))
    };
    let mut buf = Vec::new();
    clap_mangen::Man::new(cmd.clone().name(name.clone()))
        .render(&mut buf)
        .map_err(|e| Error::io("cannot render a man page", e))?;
    let mut page = String::from_utf8_lossy(&buf).into_owned();
    let is_group = cmd.has_subcommands() && !words.is_empty();
    let extra = extra_sections(words, is_group);
    match page.find(".SH VERSION") {
        Some(at) => page.insert_str(at, &extra),
        None => page.push_str(&extra),
    }
    write(&dir.join(format!("{name}.1")), page.as_bytes())?;
    for sub in cmd
        .get_subcommands()
        .filter(|s| !s.is_hide_set() && s.get_name() != "help")
    {
        let words = if words.is_empty() {
            sub.get_name().to_string()
        } else {
            format!("{words} {}", sub.get_name())
        };
        man_pages(sub, &words, dir)?;
    }
    Ok(())
}
