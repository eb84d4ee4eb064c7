//! `apigw serve` stopping with access log lines still queued: Ctrl-C lets
//! the requests under way finish, writes what the log groups' queues hold,
//! then exits (130); every request's line is in the group afterwards.

mod common;
#[path = "common/serve.rs"]
mod serve;

use common::{Backend, call, client};
use serve::{apigw, text};
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

const GROUP: &str = "/aws/apigw/demo";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lines_still_queued_when_serve_stops_are_written_before_it_exits() {
    let backend = Backend::start("pets").await;
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("apigw.toml");
    let target = format!("http://{}/", backend.addr);
    let api = text(
        &ws,
        &[
            "create-api",
            "--name",
            "quick",
            "--protocol-type",
            "HTTP",
            "--target",
            &target,
            "--query",
            "ApiId",
        ],
    );
    let settings = serde_json::json!({
        "DestinationArn": format!("arn:aws:logs:us-east-2:123456789012:log-group:{GROUP}"),
        "Format": "$context.requestId $context.status",
    })
    .to_string();
    apigw(
        &ws,
        &[
            "update-stage",
            "--api-id",
            &api,
            "--stage-name",
            "$default",
            "--access-log-settings",
            &settings,
        ],
    );
    let mut child = Command::new(env!("CARGO_BIN_EXE_apigw"))
        .env("APIGW_WORKSPACE", &ws)
        .args(["serve", "--listen", "127.0.0.1:0"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    std::thread::spawn(move || std::io::copy(&mut stdout, &mut std::io::sink()));
    let base = first
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .expect("the address is printed")
        .to_string();
    let http = client();
    let mut ids = Vec::new();
    for i in 0..40 {
        let reply = call(&http, "GET", &format!("{base}/pets/{i}"), &[]).await;
        assert_eq!(reply.status, 200);
        ids.push(
            reply.headers["apigw-requestid"]
                .to_str()
                .unwrap()
                .to_string(),
        );
    }
    // Ctrl-C: serve lets requests finish, writes the queued lines, exits.
    // SAFETY: signalling the child this test started.
    unsafe {
        libc::kill(child.id() as libc::pid_t, libc::SIGINT);
    }
    assert_eq!(child.wait().unwrap().code(), Some(130));
    let out = apigw(&ws, &["logs", "tail", GROUP, "--format", "short"]);
    for id in &ids {
        assert!(
            out.lines().any(|l| l.ends_with(&format!(" {id} 200"))),
            "{id} missing from:\n{out}"
        );
    }
}
