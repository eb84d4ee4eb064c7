//! Running the real `apigw` binary as a child process with a bound on how
//! long it may take (a command that hangs fails the test instead of
//! hanging it), in a folder and environment of the test's choosing.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Output, Stdio};
use std::time::{Duration, Instant};

/// How long any one command may take before the test calls it hung.
pub const BOUND: Duration = Duration::from_secs(30);

pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_apigw")
}

/// A command of the binary in `cwd`, with `HOME` in `home` (so that a
/// per-user workspace is the test's own) and no workspace from the
/// environment.
pub fn apigw(cwd: &Path, home: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(bin());
    cmd.args(args)
        .current_dir(cwd)
        .env("HOME", home)
        .env_remove("XDG_DATA_HOME")
        .env_remove("APIGW_WORKSPACE")
        .env_remove("AWS_REGION")
        .env_remove("AWS_DEFAULT_REGION")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    cmd
}

/// Waits for `child` for at most `bound`; kills it and panics past that.
pub fn wait_bounded(mut child: Child, bound: Duration, what: &str) -> Output {
    let start = Instant::now();
    loop {
        match child.try_wait().expect("wait for the child") {
            Some(_) => return child.wait_with_output().expect("collect the output"),
            None if start.elapsed() > bound => {
                let _ = child.kill();
                let _ = child.wait();
                panic!("{what} did not finish within {bound:?}");
            }
            None => std::thread::sleep(Duration::from_millis(5)),
        }
    }
}

/// Runs `cmd` to its end (bounded) and returns its output.
pub fn run(mut cmd: Command) -> Output {
    let what = format!("{cmd:?}");
    let child = cmd.spawn().expect("start apigw");
    wait_bounded(child, BOUND, &what)
}

/// The exit code, stdout and stderr of a finished command.
pub fn outcome(out: &Output) -> (i32, String, String) {
    (
        code(out.status),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

pub fn code(status: ExitStatus) -> i32 {
    status.code().unwrap_or(-1)
}

/// Makes a FIFO at `path`.
#[cfg(unix)]
pub fn mkfifo(path: &Path) {
    use std::os::unix::ffi::OsStrExt;
    let c = std::ffi::CString::new(path.as_os_str().as_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path and a mode.
    let rc = unsafe { libc::mkfifo(c.as_ptr(), 0o644) };
    assert_eq!(rc, 0, "mkfifo {}", path.display());
}

/// The names in `dir`, sorted.
pub fn names(dir: &Path) -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    out.sort();
    out
}

/// A throw-away folder for a test, with a home of its own inside it.
pub struct Place {
    pub dir: tempfile::TempDir,
    pub home: PathBuf,
}

impl Place {
    pub fn new() -> Place {
        let dir = tempfile::tempdir().unwrap();
        let home = dir.path().join("home");
        std::fs::create_dir(&home).unwrap();
        Place { dir, home }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// `apigw ARGS` in this folder; returns exit code, stdout, stderr.
    pub fn run(&self, args: &[&str]) -> (i32, String, String) {
        outcome(&run(apigw(self.path(), &self.home, args)))
    }

    /// As [`Place::run`], in `cwd`.
    pub fn run_in(&self, cwd: &Path, args: &[&str]) -> (i32, String, String) {
        outcome(&run(apigw(cwd, &self.home, args)))
    }
}
