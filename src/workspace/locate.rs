//! Which workspace file a command uses.

use std::path::{Path, PathBuf};

/// The file name looked for in the current folder and its parents.
pub const FILE_NAME: &str = "apigw.toml";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Flag,
    Environment,
    Nearest,
    UserDefault,
}

impl Source {
    pub fn describe(self) -> &'static str {
        match self {
            Source::Flag => "--workspace",
            Source::Environment => "APIGW_WORKSPACE",
            Source::Nearest => "nearest apigw.toml",
            Source::UserDefault => "per-user default",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Located {
    pub path: PathBuf,
    pub source: Source,
}

/// Finds the workspace: `--workspace`, else `APIGW_WORKSPACE`, else the
/// nearest `apigw.toml` from `cwd` up, else the per-user default.
pub fn locate(flag: Option<&Path>, env: Option<&str>, cwd: &Path) -> Result<Located, String> {
    if let Some(p) = flag {
        return Ok(Located {
            path: cwd.join(p),
            source: Source::Flag,
        });
    }
    if let Some(p) = env.filter(|p| !p.is_empty()) {
        return Ok(Located {
            path: cwd.join(p),
            source: Source::Environment,
        });
    }
    for dir in cwd.ancestors() {
        let candidate = dir.join(FILE_NAME);
        // Whatever is there is the workspace, so that a FIFO or a folder of
        // that name is refused rather than passed over for the per-user file.
        if candidate.symlink_metadata().is_ok() {
            return Ok(Located {
                path: candidate,
                source: Source::Nearest,
            });
        }
    }
    let dirs = directories::ProjectDirs::from("", "", "apigw").ok_or_else(|| {
        "no workspace found: there is no apigw.toml here or above, and no home folder \
         for a per-user one; pass --workspace PATH or set APIGW_WORKSPACE"
            .to_string()
    })?;
    Ok(Located {
        path: dirs.data_dir().join(FILE_NAME),
        source: Source::UserDefault,
    })
}

/// Says once per process, on stderr (stdout may be read by a script), that
/// the command falls back to the per-user workspace file, and how to have
/// one beside the code instead.
pub fn notice_per_user(located: &Located) {
    static ONCE: std::sync::Once = std::sync::Once::new();
    if located.source != Source::UserDefault {
        return;
    }
    ONCE.call_once(|| {
        eprintln!(
            "apigw: no apigw.toml here or in a folder above; using the per-user workspace {}. \
             Run `apigw init` to start one in this folder (or pass --workspace PATH).",
            located.path.display()
        );
    });
}
