//! Starting one instance of a function as a process of this machine, with
//! the environment the service gives a function (`AWS_LAMBDA_RUNTIME_API`,
//! `_HANDLER`, `LAMBDA_TASK_ROOT`, the function's name, memory, log group,
//! region and the caller's credentials, then the function's own
//! variables) and nothing else of apigw's environment but `PATH`, so that
//! a function that works here does not lean on a variable it will not have
//! on AWS. The process leads a process group of its own: a `bootstrap`
//! shell script's children die with it when a timeout kills the instance.

use super::function::{FunctionSpec, Launcher};
use std::path::Path;
use std::process::Stdio;
use tokio::process::{Child, Command};

/// Variables passed through from apigw's environment when set: the search
/// path and the caller's AWS credentials, which a function's SDK calls use.
const PASSED: &[&str] = &[
    "PATH",
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
    "AWS_SESSION_TOKEN",
];

/// The machine's python (`APIGW_LAMBDA_PYTHON` to choose another).
fn python() -> String {
    std::env::var("APIGW_LAMBDA_PYTHON").unwrap_or_else(|_| "python3".into())
}

/// The machine's node (`APIGW_LAMBDA_NODE` to choose another).
fn node() -> String {
    std::env::var("APIGW_LAMBDA_NODE").unwrap_or_else(|_| "node".into())
}

/// A log stream name of the service's form: `2026/12/03/[$LATEST]<32 hex>`.
pub fn log_stream_name() -> String {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() / 86_400)
        .unwrap_or(0);
    let date = crate::ops::format_timestamp((days * 86_400) as i64);
    let day = date.get(..10).unwrap_or("1970-01-01").replace('-', "/");
    format!("{day}/[$LATEST]{}", super::random_hex(32))
}

/// Starts an instance of `spec` whose Runtime API is at `api`
/// (`127.0.0.1:PORT`), with `loops` the folder holding apigw's runtime
/// loops. Output is piped, for the host to read.
pub fn spawn(spec: &FunctionSpec, api: &str, loops: &Path, stream: &str) -> std::io::Result<Child> {
    let (program, args): (String, Vec<String>) = match spec.launcher {
        Launcher::Python => (
            python(),
            vec![
                "-u".into(),
                loops.join("apigw_runtime.py").display().to_string(),
            ],
        ),
        Launcher::Node => (
            node(),
            vec![loops.join("apigw_runtime.js").display().to_string()],
        ),
        Launcher::Bootstrap => {
            let bootstrap = spec.task_root.join("bootstrap");
            if !bootstrap.is_file() {
                return Err(std::io::Error::new(
                    std::io::ErrorKind::NotFound,
                    format!(
                        "{} has no bootstrap file, which a {} function runs",
                        spec.task_root.display(),
                        spec.runtime
                    ),
                ));
            }
            (bootstrap.display().to_string(), Vec::new())
        }
    };
    let mut cmd = Command::new(&program);
    cmd.args(&args)
        .current_dir(&spec.task_root)
        .env_clear()
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true);
    #[cfg(unix)]
    cmd.process_group(0);
    #[cfg(target_os = "linux")]
    // SAFETY: prctl is async-signal-safe and touches no memory of the
    // parent; it asks the kernel to kill the instance when the thread that
    // started it (the host's) ends, so no function outlives apigw.
    unsafe {
        cmd.pre_exec(|| {
            libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
            Ok(())
        });
    }
    for name in PASSED {
        if let Some(v) = std::env::var_os(name) {
            cmd.env(name, v);
        }
    }
    let task_root = spec.task_root.display().to_string();
    let service: [(&str, String); 15] = [
        ("AWS_LAMBDA_RUNTIME_API", api.to_string()),
        ("AWS_LAMBDA_FUNCTION_NAME", spec.name.clone()),
        ("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST".into()),
        (
            "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
            spec.memory_mb.to_string(),
        ),
        ("AWS_LAMBDA_LOG_GROUP_NAME", spec.log_group()),
        ("AWS_LAMBDA_LOG_STREAM_NAME", stream.to_string()),
        ("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand".into()),
        ("AWS_EXECUTION_ENV", format!("AWS_Lambda_{}", spec.runtime)),
        ("AWS_REGION", spec.region.clone()),
        ("AWS_DEFAULT_REGION", spec.region.clone()),
        ("_HANDLER", spec.handler.clone()),
        ("LAMBDA_TASK_ROOT", task_root),
        ("LAMBDA_RUNTIME_DIR", loops.display().to_string()),
        ("TZ", ":UTC".into()),
        ("LANG", "en_US.UTF-8".into()),
    ];
    cmd.envs(service);
    if spec.launcher == Launcher::Python {
        // Output reaches the log line by line, and the developer's folder
        // gets no __pycache__ (a function's code is read-only on AWS).
        cmd.env("PYTHONUNBUFFERED", "1")
            .env("PYTHONDONTWRITEBYTECODE", "1");
    }
    cmd.envs(spec.environment.iter().map(|(k, v)| (k, v)));
    cmd.spawn().map_err(|e| {
        std::io::Error::new(
            e.kind(),
            format!("cannot start {program} for function {}: {e}", spec.name),
        )
    })
}

/// Kills the process group `pid` leads.
pub fn kill_pid_group(pid: u32) {
    #[cfg(unix)]
    // SAFETY: kill(2) on a process group apigw started; no memory is shared.
    unsafe {
        libc::kill(-(pid as i32), libc::SIGKILL);
    }
}

/// Kills an instance's whole process group.
pub fn kill_group(child: &mut Child) {
    #[cfg(unix)]
    if let Some(pid) = child.id() {
        // SAFETY: kill(2) with a negative pid signals the group the child
        // leads (process_group(0) made it the leader); no memory is shared.
        unsafe {
            libc::kill(-(pid as i32), libc::SIGKILL);
        }
    }
    let _ = child.start_kill();
}
