//! `apigw serve` as a real child process: started on port 0 of 127.0.0.1
//! with one worker thread (and, when asked, a low limit of open files),
//! its address read from what it prints, its stderr collected line by line
//! for the test to wait on, and stopped on drop.
//!
//! A look at stderr ([`Serve::stderr_has`]) first takes whatever is waiting
//! in the pipe, under the same lock the reading thread holds while it
//! reads, so it sees every line serve wrote before the look: a line printed
//! before "listening on" (a warning at start) is always there once start
//! returns, with no waiting and no race with the thread.

#![allow(dead_code)] // each test crate uses a different part of this file

use std::io::{BufRead, BufReader, Read};
use std::net::SocketAddr;
use std::os::fd::AsRawFd;
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
    stderr: Arc<Mutex<Lines>>,
}

/// serve's stderr as read so far: whole lines, and the start of the next.
struct Lines {
    pipe: std::process::ChildStderr,
    whole: Vec<String>,
    partial: Vec<u8>,
    ended: bool,
}

impl Lines {
    /// Reads what the pipe holds now, without waiting (the pipe is
    /// non-blocking); false once serve has closed it.
    fn take_waiting(&mut self) -> bool {
        let mut buf = [0u8; 16 * 1024];
        while !self.ended {
            match self.pipe.read(&mut buf) {
                Ok(0) => self.ended = true,
                Ok(n) => {
                    self.partial.extend_from_slice(&buf[..n]);
                    while let Some(i) = self.partial.iter().position(|&b| b == b'\n') {
                        let line: Vec<u8> = self.partial.drain(..=i).collect();
                        self.whole
                            .push(String::from_utf8_lossy(&line[..i]).into_owned());
                    }
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => break,
                Err(_) => self.ended = true,
            }
        }
        if self.ended && !self.partial.is_empty() {
            let rest = std::mem::take(&mut self.partial);
            self.whole.push(String::from_utf8_lossy(&rest).into_owned());
        }
        !self.ended
    }
}

/// Reads serve's stderr as it comes: waits (unlocked) until the pipe has
/// something, then takes it under the lock.
fn read_stderr(lines: Arc<Mutex<Lines>>, fd: i32) {
    loop {
        let mut poll = libc::pollfd {
            fd,
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: one valid pollfd; the fd stays open while `lines` (which
        // owns it) lives, and this thread holds a reference to it.
        let ready = unsafe { libc::poll(&mut poll, 1, -1) };
        if ready < 0 && std::io::Error::last_os_error().kind() != std::io::ErrorKind::Interrupted {
            return;
        }
        if !lines.lock().unwrap().take_waiting() {
            return;
        }
    }
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
        let pipe = child.stderr.take().unwrap();
        let fd = pipe.as_raw_fd();
        // SAFETY: fcntl on a descriptor this process owns.
        unsafe {
            let flags = libc::fcntl(fd, libc::F_GETFL);
            libc::fcntl(fd, libc::F_SETFL, flags | libc::O_NONBLOCK);
        }
        let stderr = Arc::new(Mutex::new(Lines {
            pipe,
            whole: Vec::new(),
            partial: Vec::new(),
            ended: false,
        }));
        let lines = stderr.clone();
        std::thread::spawn(move || read_stderr(lines, fd));
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
            let mut lines = stderr.lock().unwrap();
            lines.take_waiting();
            panic!(
                "serve did not print where it listens: {}",
                lines.whole.join("\n")
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

    /// Whether a line serve has written to stderr so far holds `needle`.
    pub fn stderr_has(&self, needle: &str) -> bool {
        let mut lines = self.stderr.lock().unwrap();
        lines.take_waiting();
        lines.whole.iter().any(|l| l.contains(needle))
    }

    /// [`Serve::stderr_has`], waiting up to 10 s for the line: for what
    /// serve writes on its own time (a note from a reload or a health
    /// check, an access log line from its writer thread).
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
        let mut lines = self.stderr.lock().unwrap();
        lines.take_waiting();
        lines.whole.join("\n")
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }
}
