//! Shell completion, computed by apigw itself at each TAB (clap_complete's
//! dynamic engine): the scripts `apigw completion SHELL` prints call
//! `APIGW_COMPLETE=SHELL apigw -- WORDS…`, which answers with the commands,
//! flags and enumerated values clap knows, and with the ids of the workspace
//! in use for `--api-id`, `--integration-id`, `--route-id`,
//! `--authorizer-id`, `--connection-id`/`--vpc-link-id`, `--stage-name` and
//! `--target integrations/…`. Completion reads the workspace and never
//! writes it; anything unreadable completes nothing.

use clap::Command;
use clap_complete::engine::{ArgValueCompleter, CompletionCandidate};
use clap_complete::env::Shells;
use std::ffi::{OsStr, OsString};
use std::path::PathBuf;

/// The environment variable that turns a run into a completion request.
pub const VAR: &str = "APIGW_COMPLETE";

/// The script that registers apigw's completion in `shell`.
pub fn registration(shell: &str) -> Option<Vec<u8>> {
    let shells = Shells::builtins();
    let completer = shells.completer(shell)?;
    let mut buf = Vec::new();
    completer
        .write_registration(VAR, "apigw", "apigw", "apigw", &mut buf)
        .ok()?;
    Some(buf)
}

/// Answers a completion request when `APIGW_COMPLETE` names a shell;
/// `None` when this run is not one.
pub fn answer(argv: &[OsString]) -> Option<crate::error::Result<i32>> {
    let shell = std::env::var(VAR)
        .ok()
        .filter(|v| !v.is_empty() && v != "0")?;
    // Completion starts no child process, so APIGW_COMPLETE stays set.
    let shells = Shells::builtins();
    let Some(completer) = shells.completer(&shell) else {
        return Some(Err(crate::error::Error::Usage(format!(
            "{VAR}={shell}: not a shell apigw completes for (bash, zsh, fish, powershell, elvish)\n"
        ))));
    };
    let words: Vec<OsString> = match argv.iter().position(|a| a == "--") {
        Some(i) => argv[i + 1..].to_vec(),
        None => Vec::new(),
    };
    let mut out = Vec::new();
    if words.is_empty() {
        if completer
            .write_registration(VAR, "apigw", "apigw", "apigw", &mut out)
            .is_err()
        {
            return Some(Ok(1));
        }
    } else {
        let cwd = std::env::current_dir().ok();
        let mut cmd = with_completers(super::command());
        cmd.build();
        if completer
            .write_complete(&mut cmd, words, cwd.as_deref(), &mut out)
            .is_err()
        {
            return Some(Ok(1));
        }
    }
    Some(super::print(&String::from_utf8_lossy(&out)).map(|()| 0))
}

/// What an id flag completes to.
#[derive(Clone, Copy)]
enum Ids {
    Apis,
    VpcLinks,
    Integrations,
    Routes,
    Authorizers,
    Stages,
    /// `integrations/ID` for a route's `--target`.
    Targets,
}

/// `cmd` and its subcommands with the workspace completers on their id flags.
pub fn with_completers(cmd: Command) -> Command {
    const FLAGS: &[(&str, Ids)] = &[
        ("api-id", Ids::Apis),
        ("vpc-link-id", Ids::VpcLinks),
        ("connection-id", Ids::VpcLinks),
        ("integration-id", Ids::Integrations),
        ("route-id", Ids::Routes),
        ("authorizer-id", Ids::Authorizers),
        ("stage-name", Ids::Stages),
        ("target", Ids::Targets),
    ];
    let mut cmd = cmd;
    for (flag, ids) in FLAGS {
        if cmd.get_arguments().any(|a| a.get_id() == *flag) {
            let ids = *ids;
            cmd = cmd.mut_arg(*flag, move |a| {
                a.add(ArgValueCompleter::new(move |current: &OsStr| {
                    candidates(ids, current)
                }))
            });
        }
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        cmd = cmd.mut_subcommand(name, with_completers);
    }
    cmd
}

/// The value of `--flag` among the words being completed (the request's
/// argv after `--`), the last one given.
fn word_value(flag: &str) -> Option<String> {
    let words: Vec<String> = std::env::args().skip_while(|a| a != "--").skip(1).collect();
    let long = format!("--{flag}");
    let prefix = format!("--{flag}=");
    let mut found = None;
    for (i, w) in words.iter().enumerate() {
        if *w == long {
            found = words.get(i + 1).cloned();
        } else if let Some(v) = w.strip_prefix(&prefix) {
            found = Some(v.to_string());
        }
    }
    found.filter(|v| !v.is_empty())
}

/// The workspace the completed command would use, read without writing.
fn workspace() -> Option<crate::workspace::Workspace> {
    let cwd = std::env::current_dir().ok()?;
    let flag = word_value("workspace").map(PathBuf::from);
    let env = std::env::var("APIGW_WORKSPACE").ok();
    let located = crate::workspace::locate(flag.as_deref(), env.as_deref(), &cwd).ok()?;
    // Only a regular file: completion must never block on a FIFO.
    if !std::fs::metadata(&located.path).ok()?.is_file() {
        return None;
    }
    Some(crate::workspace::load_path(&located.path).ok()?.workspace)
}

fn candidate(id: &str, help: impl Into<String>) -> CompletionCandidate {
    let help: String = help.into();
    CompletionCandidate::new(id).help((!help.is_empty()).then(|| help.into()))
}

fn candidates(ids: Ids, current: &OsStr) -> Vec<CompletionCandidate> {
    let Some(ws) = workspace() else {
        return Vec::new();
    };
    let current = current.to_string_lossy();
    let api = word_value("api-id");
    let mut out: Vec<CompletionCandidate> = match ids {
        Ids::Apis => ws
            .apis
            .iter()
            .map(|(id, a)| candidate(id, a.name.clone()))
            .collect(),
        Ids::VpcLinks => ws
            .vpc_links
            .iter()
            .map(|(id, l)| candidate(id, l.name.clone()))
            .collect(),
        Ids::Integrations | Ids::Targets => {
            let prefix = if matches!(ids, Ids::Targets) {
                "integrations/"
            } else {
                ""
            };
            api.as_ref()
                .and_then(|a| ws.integrations.get(a))
                .into_iter()
                .flatten()
                .map(|(id, i)| {
                    let uri = i.integration_uri.as_deref().unwrap_or_default();
                    candidate(
                        &format!("{prefix}{id}"),
                        format!("{} {uri}", i.integration_type),
                    )
                })
                .collect()
        }
        Ids::Routes => api
            .as_ref()
            .and_then(|a| ws.routes.get(a))
            .into_iter()
            .flatten()
            .map(|(id, r)| candidate(id, r.route_key.clone()))
            .collect(),
        Ids::Authorizers => api
            .as_ref()
            .and_then(|a| ws.authorizers.get(a))
            .into_iter()
            .flatten()
            .map(|(id, a)| candidate(id, a.name.clone()))
            .collect(),
        Ids::Stages => api
            .as_ref()
            .and_then(|a| ws.stages.get(a))
            .into_iter()
            .flatten()
            .map(|(name, _)| candidate(name, ""))
            .collect(),
    };
    out.retain(|c| c.get_value().to_string_lossy().starts_with(&*current));
    out
}
