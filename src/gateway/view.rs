//! What a running `serve` tells other apigw commands about its backends:
//! for each load balancer listener it forwards to, the targets it knows and
//! those still in the `initial` state (no check passed yet). It keeps the
//! file `.apigw/<workspace file>.serve-health.json` beside the workspace up
//! to date and removes it when it stops; `describe-target-health` reads it
//! while that `serve` runs, and checks the targets itself otherwise.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HealthView {
    /// The process of the `serve` that wrote it.
    pub pid: u32,
    /// By listener ARN.
    pub listeners: BTreeMap<String, ListenerView>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListenerView {
    /// Every target `serve` has loaded, as `IP:PORT`, sorted.
    pub known: Vec<String>,
    /// Those of them that have not passed a health check yet.
    pub initial: Vec<String>,
}

/// Where `serve` publishes its view for the workspace file `workspace`.
pub fn view_path(workspace: &Path) -> PathBuf {
    let dir = workspace
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = workspace
        .file_name()
        .map_or_else(|| "apigw.toml".into(), |n| n.to_string_lossy());
    dir.join(".apigw").join(format!("{name}.serve-health.json"))
}

/// The view of the `serve` that runs on `workspace` now, if one does.
pub fn read_live(workspace: &Path) -> Option<HealthView> {
    use std::io::Read;
    let mut text = String::new();
    std::fs::File::open(view_path(workspace))
        .ok()?
        .take(4 * 1024 * 1024)
        .read_to_string(&mut text)
        .ok()?;
    let view: HealthView = serde_json::from_str(&text).ok()?;
    is_running(view.pid).then_some(view)
}

fn is_running(pid: u32) -> bool {
    #[cfg(unix)]
    {
        let Ok(pid) = libc::pid_t::try_from(pid) else {
            return false;
        };
        // SAFETY: signal 0 only asks whether the process exists.
        unsafe { libc::kill(pid, 0) == 0 }
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        false
    }
}

/// Writes `view` for `workspace` (through a temporary file, so readers
/// never see half of it). Failures are returned for a note; nothing else
/// depends on the file.
pub fn publish(workspace: &Path, view: &HealthView) -> std::io::Result<()> {
    let path = view_path(workspace);
    if let Some(dir) = path.parent()
        && !dir.exists()
    {
        let mut builder = std::fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::DirBuilderExt;
            builder.mode(0o700);
        }
        builder.create(dir)?;
        std::fs::write(
            dir.join(".gitignore"),
            "# apigw's local state: never commit it\n*\n",
        )?;
    }
    let text = serde_json::to_string(view).map_err(std::io::Error::other)?;
    let tmp = path.with_extension("json.tmp");
    std::fs::write(&tmp, text)?;
    std::fs::rename(&tmp, &path)
}

/// Removes the view (when `serve` stops).
pub fn withdraw(workspace: &Path) {
    let _ = std::fs::remove_file(view_path(workspace));
}
