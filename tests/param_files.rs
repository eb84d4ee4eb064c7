//! `file://` and `fileb://` values (flags, shorthand `@=`, `--cli-input-json`,
//! `--cli-input-yaml`): a named pipe, a device or a directory is refused at
//! once with exit 252, a file past the size cap is refused without being
//! read whole, and the shell's own pipes (`file:///dev/stdin`) still work.

#[path = "common/cli.rs"]
mod cli;

use cli::Ws;
use std::io::Write;
use std::path::Path;
use std::process::{Child, Output, Stdio};
use std::time::{Duration, Instant};

/// Waits for `child` at most `limit`; a command that blocks is killed and
/// the test fails, rather than hanging.
fn finish(mut child: Child, limit: Duration, what: &str) -> Output {
    let start = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            return child.wait_with_output().unwrap();
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{what} did not end within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// The binary over `ws`'s workspace, as a std command that can be spawned.
fn apigw(ws: &Ws) -> std::process::Command {
    let mut c = std::process::Command::new(assert_cmd::cargo::cargo_bin("apigw"));
    c.env("APIGW_WORKSPACE", &ws.path)
        .env_remove("AWS_REGION")
        .env_remove("AWS_DEFAULT_REGION")
        .env_remove("AWS_DEFAULT_OUTPUT")
        .env_remove("AWS_PROFILE")
        .env("AWS_CONFIG_FILE", ws.dir().join("no-aws-config"))
        .current_dir(ws.dir());
    c
}

fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap();
    assert!(status.success());
}

/// Every way a value can name a file, for `uri`.
fn uses(api: &str, uri: &str) -> Vec<Vec<String>> {
    let base = |extra: &[&str]| -> Vec<String> {
        [
            "create-integration",
            "--api-id",
            api,
            "--integration-type",
            "HTTP_PROXY",
        ]
        .iter()
        .chain(extra)
        .map(|s| s.to_string())
        .collect()
    };
    vec![
        vec![
            "create-integration".into(),
            format!("--cli-input-json={uri}"),
        ],
        vec![
            "create-integration".into(),
            format!("--cli-input-yaml={uri}"),
        ],
        base(&["--request-parameters", uri]),
        base(&["--request-parameters", &format!("a@={uri}")]),
        base(&["--description", uri]),
    ]
}

fn refused(ws: &Ws, uri: &str, expect: &str) {
    let api = ws.api("HTTP");
    let before = std::fs::read(&ws.path).unwrap();
    for args in uses(&api, uri) {
        for scheme_uri in [
            args.clone(),
            args.iter()
                .map(|a| a.replace("file://", "fileb://"))
                .collect(),
        ] {
            let child = apigw(ws)
                .args(&scheme_uri)
                .stdin(Stdio::null())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap();
            let out = finish(child, Duration::from_secs(30), &format!("{scheme_uri:?}"));
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(252), "{scheme_uri:?}: {err}");
            assert!(
                err.contains("Unable to load paramfile"),
                "{scheme_uri:?}: {err}"
            );
            assert!(err.contains(expect), "{scheme_uri:?}: {err}");
        }
    }
    assert_eq!(
        std::fs::read(&ws.path).unwrap(),
        before,
        "nothing was saved"
    );
}

#[test]
fn a_fifo_without_a_writer_is_refused_at_once() {
    let ws = Ws::new();
    let fifo = ws.dir().join("params.fifo");
    mkfifo(&fifo);
    refused(
        &ws,
        &format!("file://{}", fifo.display()),
        "a named pipe (FIFO), not a regular file",
    );
}

#[test]
fn a_symlink_to_a_fifo_is_refused_at_once() {
    let ws = Ws::new();
    let fifo = ws.dir().join("params.fifo");
    mkfifo(&fifo);
    let link = ws.dir().join("params.json");
    std::os::unix::fs::symlink(&fifo, &link).unwrap();
    refused(
        &ws,
        &format!("file://{}", link.display()),
        "a named pipe (FIFO)",
    );
}

/// A FIFO whose writer never writes or closes it: refused, not waited on.
#[test]
fn a_fifo_held_open_by_a_silent_writer_is_refused() {
    let ws = Ws::new();
    let fifo = ws.dir().join("params.fifo");
    mkfifo(&fifo);
    // The writer opens the pipe read-write, so it never blocks and never ends.
    let holder = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(&fifo)
        .unwrap();
    refused(
        &ws,
        &format!("file://{}", fifo.display()),
        "a named pipe (FIFO)",
    );
    drop(holder);
}

#[test]
fn devices_and_directories_are_refused() {
    let ws = Ws::new();
    refused(
        &ws,
        "file:///dev/zero",
        "a character device, not a regular file",
    );
    refused(&ws, "file:///dev/urandom", "a character device");
    let dir = ws.dir().join("folder");
    std::fs::create_dir(&dir).unwrap();
    refused(&ws, &format!("file://{}", dir.display()), "Is a directory");
}

#[test]
fn files_past_the_size_cap_are_refused() {
    let ws = Ws::new();
    let big = ws.dir().join("big.json");
    // Sparse: 4 MiB and one byte, past the cap.
    std::fs::File::create(&big)
        .unwrap()
        .set_len(apigw::input::paramfile::MAX_BYTES + 1)
        .unwrap();
    refused(
        &ws,
        &format!("file://{}", big.display()),
        "it holds more than 4 MiB (4194304 bytes), the most apigw reads for one parameter",
    );
}

#[test]
fn the_shells_pipes_still_work() {
    let ws = Ws::new();
    let api = ws.api("HTTP");
    let input = format!(
        r#"{{"ApiId": "{api}", "IntegrationType": "HTTP_PROXY", "IntegrationUri": "https://example.com", "IntegrationMethod": "GET", "PayloadFormatVersion": "1.0"}}"#
    );
    let mut child = apigw(&ws)
        .args([
            "create-integration",
            "--cli-input-json",
            "file:///dev/stdin",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = finish(child, Duration::from_secs(30), "file:///dev/stdin");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let answer: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(answer["IntegrationUri"], "https://example.com");
}

#[test]
fn a_file_of_exactly_the_cap_is_read() {
    let ws = Ws::new();
    let api = ws.api("HTTP");
    let head = format!(
        r#"{{"ApiId": "{api}", "IntegrationType": "HTTP_PROXY", "IntegrationUri": "https://example.com", "IntegrationMethod": "GET", "PayloadFormatVersion": "1.0", "Description": ""#
    );
    let cap = apigw::input::paramfile::MAX_BYTES as usize;
    let text = format!("{head}{}\"}}", "d".repeat(cap - head.len() - 2));
    assert_eq!(text.len(), cap);
    let file = ws.dir().join("input.json");
    std::fs::write(&file, &text).unwrap();
    let out = ws.run(&[
        "create-integration",
        "--cli-input-json",
        &format!("file://{}", file.display()),
    ]);
    // Read and parsed; the service then judges the description's length.
    assert!(matches!(out.code, Some(0 | 252 | 254)), "{}", out.stderr);
    assert!(
        !out.stderr.contains("Unable to load paramfile") && !out.stderr.contains("Invalid JSON"),
        "{}",
        out.stderr
    );
}
