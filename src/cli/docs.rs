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

/// Writes `completions/apigw.{bash,zsh,fish,ps1,elv}` and `man/*.1` under `dir`.
pub fn generate(dir: &Path) -> Result<()> {
    let mut cmd = super::command();
    for (shell, file) in [
        (Shell::Bash, "apigw.bash"),
        (Shell::Zsh, "_apigw"),
        (Shell::Fish, "apigw.fish"),
        (Shell::PowerShell, "_apigw.ps1"),
        (Shell::Elvish, "apigw.elv"),
    ] {
        let mut buf = Vec::new();
        clap_complete::generate(shell, &mut cmd, "apigw", &mut buf);
        write(&dir.join("completions").join(file), &buf)?;
    }
    cmd.build();
    man_pages(&cmd, "apigw", &dir.join("man"))
}

fn man_pages(cmd: &clap::Command, name: &str, dir: &Path) -> Result<()> {
    let mut buf = Vec::new();
    clap_mangen::Man::new(cmd.clone().name(name.to_string()))
        .render(&mut buf)
        .map_err(|e| Error::io("cannot render a man page", e))?;
    write(&dir.join(format!("{name}.1")), &buf)?;
    for sub in cmd
        .get_subcommands()
        .filter(|s| !s.is_hide_set() && s.get_name() != "help")
    {
        man_pages(sub, &format!("{name}-{}", sub.get_name()), dir)?;
    }
    Ok(())
}
