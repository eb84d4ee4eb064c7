//! Real AWS clients for the endpoint tests: a Python virtual environment
//! with the aws CLI (v1) and boto3, made once per machine under
//! `target/aws-venv/` from tests/fixtures/aws/requirements.txt; `apigw
//! endpoint` as a child process on a free port with a throw-away workspace;
//! bounded runs of client processes; and the masking of ids and dates that
//! lets two outputs be compared byte for byte.
#![allow(dead_code)]

use std::fs::{self, File};
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// The pinned client versions, committed so every machine installs the same.
const REQUIREMENTS: &str = include_str!("../fixtures/aws/requirements.txt");

/// Prints why a test does nothing, in the form the suite's readers grep for.
pub fn skip(reason: &str) {
    println!("skipped: {reason}");
    eprintln!("skipped: {reason}");
}

/// The cargo target folder (`target/`), where the virtual environment lives.
pub fn target_dir() -> PathBuf {
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
    tmp.parent().unwrap_or(tmp).to_path_buf()
}

/// The AWS clients' executables inside the virtual environment.
#[derive(Clone, Debug)]
pub struct Clients {
    pub aws: PathBuf,
    pub python: PathBuf,
}

/// The clients, installed on first use; `Err` says why there are none (no
/// python3, no pip or venv, the registry unreachable), for `skip`.
pub fn clients() -> Result<Clients, String> {
    static CLIENTS: OnceLock<Result<Clients, String>> = OnceLock::new();
    CLIENTS.get_or_init(install).clone()
}

/// Makes `target/aws-venv/` unless a previous run made it from the same
/// requirements. A file lock under target/ makes concurrent test processes
/// wait for the one that installs.
fn install() -> Result<Clients, String> {
    let target = target_dir();
    fs::create_dir_all(&target).map_err(|e| format!("cannot create {}: {e}", target.display()))?;
    let venv = target.join("aws-venv");
    let clients = Clients {
        aws: venv.join("bin/aws"),
        python: venv.join("bin/python"),
    };
    let stamp = venv.join(".installed");
    let lock_path = target.join("aws-venv.lock");
    let lock = File::create(&lock_path)
        .map_err(|e| format!("cannot create {}: {e}", lock_path.display()))?;
    lock.lock()
        .map_err(|e| format!("cannot lock {}: {e}", lock_path.display()))?;
    if fs::read_to_string(&stamp).is_ok_and(|s| s == REQUIREMENTS) && clients.aws.exists() {
        return Ok(clients);
    }
    let python = ["python3", "python"]
        .into_iter()
        .find(|p| {
            Command::new(p)
                .arg("--version")
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|s| s.success())
        })
        .ok_or("no python3 on PATH to make a virtual environment with")?;
    let _ = fs::remove_dir_all(&venv);
    let made = run_bounded(
        Command::new(python).args(["-m", "venv"]).arg(&venv),
        Duration::from_secs(300),
    );
    if made.code != 0 {
        return Err(format!(
            "`{python} -m venv` failed (no venv/ensurepip?): {}",
            made.stderr.trim()
        ));
    }
    let requirements = venv.join("requirements.txt");
    fs::write(&requirements, REQUIREMENTS).map_err(|e| e.to_string())?;
    let pip = run_bounded(
        Command::new(&clients.python)
            .args(["-m", "pip", "install", "--quiet", "--no-input"])
            .args(["--disable-pip-version-check", "--no-deps", "-r"])
            .arg(&requirements),
        Duration::from_secs(900),
    );
    if pip.code != 0 {
        let _ = fs::remove_dir_all(&venv);
        let tail: Vec<&str> = pip.stderr.lines().rev().take(5).collect();
        return Err(format!(
            "pip could not install the AWS clients (no registry?): {}",
            tail.into_iter().rev().collect::<Vec<_>>().join(" / ")
        ));
    }
    fs::write(&stamp, REQUIREMENTS).map_err(|e| e.to_string())?;
    Ok(clients)
}

// ------------------------------------------------------------ processes

/// What a finished process left: its exit code (-1 when killed by a signal
/// or by the bound), stdout and stderr.
#[derive(Debug, Clone)]
pub struct Ran {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Ran {
    /// Panics with the command's output unless it exited 0.
    pub fn ok(self, what: &str) -> Ran {
        assert_eq!(
            self.code, 0,
            "{what} failed\nstdout: {}\nstderr: {}",
            self.stdout, self.stderr
        );
        self
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.stdout))
    }
}

/// Runs `cmd` to its end, killing it after `bound` (then the code is -1 and
/// stderr says so): a client that hangs fails the test instead of the run.
pub fn run_bounded(cmd: &mut Command, bound: Duration) -> Ran {
    let mut child = match cmd
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(child) => child,
        Err(e) => {
            return Ran {
                code: -1,
                stdout: String::new(),
                stderr: format!("cannot start {:?}: {e}", cmd.get_program()),
            };
        }
    };
    let drain = |mut r: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            let _ = r.read_to_end(&mut buf);
            String::from_utf8_lossy(&buf).into_owned()
        })
    };
    let out = drain(Box::new(child.stdout.take().expect("piped stdout")));
    let err = drain(Box::new(child.stderr.take().expect("piped stderr")));
    let deadline = Instant::now() + bound;
    let mut timed_out = false;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(5)),
            Ok(None) | Err(_) => {
                timed_out = true;
                let _ = child.kill();
                break child.wait().ok();
            }
        }
    };
    let mut stderr = err.join().unwrap_or_default();
    if timed_out {
        stderr.push_str(&format!("\n(killed after {bound:?})"));
    }
    Ran {
        code: if timed_out {
            -1
        } else {
            status.and_then(|s| s.code()).unwrap_or(-1)
        },
        stdout: out.join().unwrap_or_default(),
        stderr,
    }
}

/// The bound on one client call.
pub const CALL_BOUND: Duration = Duration::from_secs(120);

// ------------------------------------------------------------ the endpoint

/// `apigw endpoint` on 127.0.0.1 with a port it picked, its own workspace
/// and an AWS client environment that reads nothing from the user's home.
/// Killed on drop.
///
/// With `APIGW_TEST_ENDPOINT_URL` set, nothing is started and the clients
/// talk to that address instead (to check the harness itself against
/// another implementation of the wire protocol, such as moto_server).
pub struct Endpoint {
    child: Option<Child>,
    pub url: String,
    pub dir: tempfile::TempDir,
    pub workspace: PathBuf,
}

impl Endpoint {
    /// Starts the endpoint; `Err` is the reason to skip (this build of
    /// apigw has no `endpoint` command). Any other failure panics.
    pub fn start() -> Result<Endpoint, String> {
        let dir = tempfile::tempdir().expect("temp dir");
        let workspace = dir.path().join("apigw.toml");
        // Nothing from the user's home; one setting makes CLI v1 print dates
        // as v2 (and apigw) does, parsed and in ISO 8601, not as sent.
        fs::write(
            dir.path().join("aws-config"),
            "[default]\ncli_timestamp_format = iso8601\n",
        )
        .expect("AWS config");
        fs::write(dir.path().join("aws-credentials"), "").expect("empty AWS credentials");
        fs::create_dir_all(dir.path().join("home")).expect("home");
        if let Ok(url) = std::env::var("APIGW_TEST_ENDPOINT_URL") {
            return Ok(Endpoint {
                child: None,
                url,
                dir,
                workspace,
            });
        }
        let stderr_path = dir.path().join("endpoint.stderr");
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_apigw"));
        cmd.args(["endpoint", "--listen", "127.0.0.1:0"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(File::create(&stderr_path).expect("stderr file"));
        let mut child = {
            let mut e = Endpoint {
                child: None,
                url: String::new(),
                dir,
                workspace,
            };
            e.env(&mut cmd);
            let child = cmd.spawn().expect("apigw endpoint starts");
            e.child = Some(child);
            e
        };
        let stdout = child
            .child
            .as_mut()
            .and_then(|c| c.stdout.take())
            .expect("piped stdout");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut lines = BufReader::new(stdout).lines();
            for line in lines.by_ref().map_while(Result::ok) {
                if let Some(url) = line.split_whitespace().find(|w| w.starts_with("http://")) {
                    let _ = tx.send(url.trim_end_matches('/').to_string());
                    break;
                }
            }
            // Keep reading so that the endpoint never blocks on a full pipe.
            for _ in lines {}
        });
        match rx.recv_timeout(Duration::from_secs(60)) {
            Ok(url) => {
                child.url = url;
                Ok(child)
            }
            Err(_) => {
                // Its stdout closed or it said nothing: give it a moment to exit.
                let process = child.child.as_mut().expect("started");
                let deadline = Instant::now() + Duration::from_secs(10);
                let status = loop {
                    match process.try_wait() {
                        Ok(None) if Instant::now() < deadline => {
                            std::thread::sleep(Duration::from_millis(10))
                        }
                        Ok(status) => break status,
                        Err(_) => break None,
                    }
                };
                let stderr = fs::read_to_string(&stderr_path).unwrap_or_default();
                if status.is_some()
                    && (stderr.contains("unrecognized subcommand")
                        || stderr.contains("invalid choice"))
                {
                    return Err(
                        "this build of apigw has no `endpoint` command yet (merge branch endpoint)"
                            .into(),
                    );
                }
                panic!("apigw endpoint printed no address (exit {status:?}): {stderr}");
            }
        }
    }

    /// The client environment: test credentials, region us-east-2, empty
    /// AWS config files, a home of its own, this endpoint's workspace.
    pub fn env<'c>(&self, cmd: &'c mut Command) -> &'c mut Command {
        for var in [
            "AWS_REGION",
            "AWS_PROFILE",
            "AWS_DEFAULT_PROFILE",
            "AWS_SESSION_TOKEN",
            "AWS_SECURITY_TOKEN",
            "AWS_DEFAULT_OUTPUT",
            "AWS_ENDPOINT_URL",
            "AWS_ENDPOINT_URL_APIGATEWAYV2",
            "AWS_CA_BUNDLE",
            "AWS_ROLE_ARN",
            "AWS_WEB_IDENTITY_TOKEN_FILE",
            "AWS_CONTAINER_CREDENTIALS_FULL_URI",
            "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
            "HTTP_PROXY",
            "HTTPS_PROXY",
            "http_proxy",
            "https_proxy",
        ] {
            cmd.env_remove(var);
        }
        cmd.env("AWS_ACCESS_KEY_ID", "test")
            .env("AWS_SECRET_ACCESS_KEY", "test")
            .env("AWS_DEFAULT_REGION", "us-east-2")
            .env("AWS_CONFIG_FILE", self.dir.path().join("aws-config"))
            .env(
                "AWS_SHARED_CREDENTIALS_FILE",
                self.dir.path().join("aws-credentials"),
            )
            .env("AWS_EC2_METADATA_DISABLED", "true")
            // DiscoverInstances has the host prefix `data-`: without this,
            // botocore would send it to data-127.0.0.1.
            .env("AWS_DISABLE_HOST_PREFIX_INJECTION", "true")
            .env("AWS_PAGER", "")
            .env("HOME", self.dir.path().join("home"))
            .env("NO_PROXY", "127.0.0.1,localhost")
            .env("APIGW_WORKSPACE", &self.workspace)
    }

    /// `aws ARGS… --endpoint-url URL` in the client environment.
    pub fn aws(&self, clients: &Clients, args: &[&str]) -> Ran {
        let mut cmd = Command::new(&clients.aws);
        self.env(&mut cmd)
            .args(args)
            .args(["--endpoint-url", &self.url]);
        run_bounded(&mut cmd, CALL_BOUND)
    }

    /// `apigw ARGS…` on the endpoint's workspace, in the same environment.
    pub fn apigw(&self, args: &[&str]) -> Ran {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_apigw"));
        self.env(&mut cmd).args(args);
        run_bounded(&mut cmd, CALL_BOUND)
    }

    /// `python SCRIPT ARGS…` with the venv's python, `ENDPOINT_URL` set.
    pub fn python(&self, clients: &Clients, script: &Path, args: &[&str]) -> Ran {
        let mut cmd = Command::new(&clients.python);
        self.env(&mut cmd)
            .env("ENDPOINT_URL", &self.url)
            .env("APIGW_BIN", env!("CARGO_BIN_EXE_apigw"))
            .arg(script)
            .args(args);
        run_bounded(&mut cmd, Duration::from_secs(600))
    }

    /// Every id in the workspace (APIs, VPC links and what the APIs hold),
    /// read from the file itself, for `mask`.
    pub fn ids(&self) -> Vec<String> {
        let mut ids = Vec::new();
        let Ok(text) = fs::read_to_string(&self.workspace) else {
            return ids;
        };
        let table: toml::Table = text
            .parse()
            .unwrap_or_else(|e| panic!("the workspace is not TOML: {e}"));
        let json = serde_json::to_value(table).expect("TOML as JSON");
        collect_ids(&json, &mut ids);
        ids
    }
}

impl Drop for Endpoint {
    fn drop(&mut self) {
        if let Some(child) = self.child.as_mut() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

// ------------------------------------------------------------ masking

/// Adds every string under a key ending in `Id` (ApiId, IntegrationId,
/// ConnectionId, …) to `ids`.
pub fn collect_ids(v: &serde_json::Value, ids: &mut Vec<String>) {
    match v {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                match v.as_str() {
                    Some(s) if k.ends_with("Id") && !ids.iter().any(|i| i == s) => {
                        ids.push(s.to_string())
                    }
                    _ => collect_ids(v, ids),
                }
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| collect_ids(v, ids)),
        _ => {}
    }
}

/// `text` with each of `ids` replaced by `<id>` (the longest first, so an id
/// inside an ARN or URL is masked too) and the digits of each ISO-8601
/// date-time by `n` (its shape is kept, so `Z` against `+00:00` still
/// shows). Both sides' ids have the same length, so table borders that
/// differ after masking differed before.
pub fn mask(text: &str, ids: &[String]) -> String {
    let mut ids: Vec<&String> = ids.iter().filter(|i| i.len() >= 4).collect();
    ids.sort_by_key(|i| std::cmp::Reverse(i.len()));
    let mut out = text.to_string();
    for id in ids {
        out = out.replace(id.as_str(), "<id>");
    }
    mask_dates(&out)
}

fn mask_dates(text: &str) -> String {
    let b = text.as_bytes();
    let shape = b"dddd-dd-ddTdd:dd:dd";
    let fits = |at: usize| {
        at + shape.len() <= b.len()
            && shape.iter().zip(&b[at..]).all(|(s, c)| match s {
                b'd' => c.is_ascii_digit(),
                b'T' => *c == b'T' || *c == b' ',
                s => s == c,
            })
    };
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let mut copied = 0;
    while i < b.len() {
        if fits(i) {
            out.push_str(&text[copied..i]);
            let mut end = i + shape.len();
            while end < b.len() && (b[end].is_ascii_digit() || b".:+-Z".contains(&b[end])) {
                end += 1;
            }
            // The digits go, the shape stays: `+00:00` against `Z` still shows.
            out.extend(
                text[i..end]
                    .chars()
                    .map(|c| if c.is_ascii_digit() { 'n' } else { c }),
            );
            i = end;
            copied = end;
        } else {
            i += 1;
        }
    }
    out.push_str(&text[copied..]);
    out
}
