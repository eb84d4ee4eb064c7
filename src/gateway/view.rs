//! What a running `serve` tells other apigw commands about its backends:
//! for each load balancer listener it forwards to, the targets it knows and
//! those still in the `initial` state (no check passed yet). It keeps the
//! file `.apigw/<workspace file>.serve-health.json` beside the workspace up
//! to date and removes it when it stops; `describe-target-health` reads it
//! while that `serve` runs, and checks the targets itself otherwise.
//! "Runs" is the process id alive *and* started when the writer started
//! (Linux: its start time in `/proc`), so that a `serve` killed with
//! SIGKILL, which leaves the file behind, is not taken for the unrelated
//! process that later gets its pid.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HealthView {
    /// The process of the `serve` that wrote it.
    pub pid: u32,
    /// When that process started, in clock ticks since boot (Linux); none
    /// where unknown, and in files written before it was recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub started: Option<u64>,
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
    is_live(&view).then_some(view)
}

/// Whether the writer of `view` is still running: its pid alive and, when
/// both are known, started at the time the view says.
fn is_live(view: &HealthView) -> bool {
    is_running(view.pid)
        && match (view.started, start_time(view.pid)) {
            (Some(written), Some(now)) => written == now,
            _ => true,
        }
}

/// When process `pid` started, in clock ticks since boot: field 22 of
/// `/proc/PID/stat`, read after the command name (which may hold spaces
/// and parentheses) ends at the last `)`.
pub fn start_time(pid: u32) -> Option<u64> {
    #[cfg(target_os = "linux")]
    {
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
        let after_name = &stat[stat.rfind(')')? + 1..];
        // Fields from the 3rd on; the start time is the 22nd.
        after_name.split_whitespace().nth(19)?.parse().ok()
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = pid;
        None
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_view_is_live_only_while_its_writer_runs_with_the_same_start() {
        let dir = tempfile::tempdir().unwrap();
        let workspace = dir.path().join("apigw.toml");
        let me = std::process::id();
        let view = |pid, started| HealthView {
            pid,
            started,
            listeners: BTreeMap::new(),
        };
        publish(&workspace, &view(me, start_time(me))).unwrap();
        assert!(read_live(&workspace).is_some(), "this process wrote it");
        // Older files have no start time: the pid alone decides.
        publish(&workspace, &view(me, None)).unwrap();
        assert!(read_live(&workspace).is_some(), "no start time written");
        if let Some(started) = start_time(me) {
            // Same pid, another start: the writer died and the pid came
            // back for another process.
            publish(&workspace, &view(me, Some(started + 1))).unwrap();
            assert!(read_live(&workspace).is_none(), "pid reused");
        }
        withdraw(&workspace);
        assert!(read_live(&workspace).is_none(), "withdrawn");
    }

    #[test]
    fn a_running_process_has_a_start_time_and_no_process_none() {
        // This test process runs; pid 0 never has a /proc entry.
        #[cfg(target_os = "linux")]
        assert!(start_time(std::process::id()).is_some());
        assert_eq!(start_time(0), None);
    }
}
