//! `apigw serve` as a real child process: started on port 0 of 127.0.0.1
//! with one worker thread (and, when asked, a low limit of open files),
//! its address read from what it prints, its stderr collected line by line
//! for the test to wait on, and stopped on drop.

#![allow(dead_code)] // each test crate uses a different part of this file

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};

/// Runs `apigw ARGS…` on the workspace `ws`, which must succeed; its
/// stdout, trimmed.
pub fn apigw(ws: &Path, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_apigw"))
        .env("APIGW_WORKSPACE", ws)
        .env_remove("AWS_REGION")
        .env_remove("AWS_DEFAULT_REGION")
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

/// [`apigw`] with `--output text`.
pub fn text(ws: &Path, args: &[&str]) -> String {
    let mut all = args.to_vec();
    all.extend(["--output", "text"]);
    apigw(ws, &all)
}

pub struct Serve {
    child: Child,
    pub addr: SocketAddr,
    /// Where `--tls-listen` listens, when given.
    pub tls_addr: Option<SocketAddr>,
    stderr: Arc<Mutex<Vec<String>>>,
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Serve {
    /// Starts `apigw serve --workspace WS ARGS…`, with at most `max_files`
    /// open file descriptors when given.
    pub fn start(workspace: &Path, args: &[&str], max_files: Option<u64>) -> Serve {
        Serve::start_on("127.0.0.1:0", workspace, args, max_files)
    }

    /// [`Serve::start`] with `--listen listen`.
    pub fn start_on(
        listen: &str,
        workspace: &Path,
        args: &[&str],
        max_files: Option<u64>,
    ) -> Serve {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_apigw"));
        cmd.args(["serve", "--listen", listen, "--workspace"])
            .arg(workspace)
            .args(args)
            .env("APIGW_SERVE_THREADS", "1")
            .env_remove("AWS_REGION")
            .env_remove("AWS_DEFAULT_REGION")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        if let Some(max) = max_files {
            // SAFETY: setrlimit is async-signal-safe; nothing else runs
            // between fork and exec.
            unsafe {
                cmd.pre_exec(move || {
                    let limit = libc::rlimit {
                        rlim_cur: max,
                        rlim_max: max,
                    };
                    if libc::setrlimit(libc::RLIMIT_NOFILE, &limit) != 0 {
                        return Err(std::io::Error::last_os_error());
                    }
                    Ok(())
                });
            }
        }
        let mut child = cmd.spawn().expect("apigw serve starts");
        let stderr = Arc::new(Mutex::new(Vec::new()));
        let lines = stderr.clone();
        let err = BufReader::new(child.stderr.take().unwrap());
        std::thread::spawn(move || {
            for line in err.lines().map_while(Result::ok) {
                lines.lock().unwrap().push(line);
            }
        });
        let mut stdout = BufReader::new(child.stdout.take().unwrap()).lines();
        let mut addr = None;
        let mut tls_addr = None;
        for line in stdout.by_ref() {
            let line = line.unwrap();
            if let Some(rest) = line.strip_prefix("apigw serve: listening on https://") {
                tls_addr = rest.split_whitespace().next().and_then(|a| a.parse().ok());
            }
            if let Some(url) = line.strip_prefix("apigw serve: listening on http://") {
                addr = Some(url.trim().parse().unwrap());
                break;
            }
        }
        // Read on, so that what serve prints later has somewhere to go.
        std::thread::spawn(move || stdout.for_each(drop));
        let Some(addr) = addr else {
            let _ = child.wait();
            panic!(
                "serve did not print where it listens: {}",
                stderr.lock().unwrap().join("\n")
            );
        };
        Serve {
            addr,
            tls_addr,
            child,
            stderr,
        }
    }

    /// Stops serve as Ctrl-C does (it drains and writes its access logs)
    /// and waits for it to exit.
    pub fn interrupt(mut self) {
        // SAFETY: a signal to the child this value owns.
        unsafe {
            libc::kill(self.child.id() as libc::pid_t, libc::SIGINT);
        }
        let _ = self.child.wait();
    }

    pub fn stderr_has(&self, needle: &str) -> bool {
        self.stderr
            .lock()
            .unwrap()
            .iter()
            .any(|l| l.contains(needle))
    }

    /// [`Serve::stderr_has`], waiting up to 10 s for the line: serve's
    /// stderr is read on a thread of its own, so a line printed before
    /// "listening on" may still be on its way when start returns.
    pub fn stderr_soon(&self, needle: &str) -> bool {
        let until = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while !self.stderr_has(needle) {
            if std::time::Instant::now() > until {
                return false;
            }
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        true
    }

    pub fn stderr(&self) -> String {
        self.stderr.lock().unwrap().join("\n")
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }
}
