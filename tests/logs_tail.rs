//! `apigw logs tail` over real log group files written by the gateway's own
//! [`Writer`]: the formats, `--since`, the stream and pattern filters, the
//! aws CLI's refusals, and `--follow` printing events appended after it
//! started (waited for by reading its stdout, never by sleeping).

#[path = "common/cli.rs"]
mod cli;

use apigw::logs::{Writer, group, time};
use cli::Ws;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

const GROUP: &str = "/aws/apigw/demo";

/// Writes `events` (ms before now, stream, message) to `group` through the
/// gateway's writer; returns their timestamps.
fn write(ws: &Ws, group: &str, events: &[(i64, &str, &str)]) -> Vec<i64> {
    let now = time::now_ms();
    let w = Writer::new(&group::group_path(&ws.path, group).unwrap()).unwrap();
    let mut stamps = Vec::new();
    for (ago, stream, message) in events {
        let ts = now - ago;
        stamps.push(ts);
        w.log(ts, stream, message);
    }
    assert_eq!(w.flush_and_stop(), 0);
    stamps
}

fn detailed(ts: i64) -> String {
    let mut s = String::new();
    time::push_detailed(&mut s, ts);
    s
}

fn short(ts: i64) -> String {
    let mut s = String::new();
    time::push_short(&mut s, ts);
    s
}

const MINUTE: i64 = 60_000;

#[test]
fn plain_tail_prints_the_last_ten_minutes_in_the_detailed_format() {
    let ws = Ws::new();
    ws.ok(&["init"]);
    let t = write(
        &ws,
        GROUP,
        &[
            (30 * MINUTE, "prod/run1", "too old"),
            (2 * MINUTE, "prod/run1", "GET /pets 200"),
            (MINUTE, "dev/run1", "multi\nline\twith tab"),
        ],
    );
    let out = ws.run(&["logs", "tail", GROUP]).succeeds();
    assert_eq!(
        out.stdout,
        format!(
            "{} prod/run1 GET /pets 200\n{} dev/run1 multi\nline\twith tab\n",
            detailed(t[1]),
            detailed(t[2])
        )
    );
    // The group's ARN names it too, and the file stays out of git.
    let arn = format!("arn:aws:logs:us-east-2:123456789012:log-group:{GROUP}:*");
    let by_arn = ws.run(&["logs", "tail", &arn]).succeeds();
    assert_eq!(by_arn.stdout, out.stdout);
    let ignore = std::fs::read_to_string(ws.dir().join(".apigw/.gitignore")).unwrap();
    assert!(ignore.lines().any(|l| l == "*"), "{ignore}");
}

#[test]
fn since_takes_relative_times_and_iso_timestamps() {
    let ws = Ws::new();
    let t = write(
        &ws,
        GROUP,
        &[
            (3 * 24 * 60 * MINUTE, "prod/r", "three days ago"),
            (90 * MINUTE, "prod/r", "ninety minutes ago"),
            (MINUTE, "prod/r", "a minute ago"),
        ],
    );
    let messages = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["logs", "tail", GROUP, "--format", "short"];
        all.extend_from_slice(args);
        ws.run(&all)
            .succeeds()
            .stdout
            .lines()
            .map(|l| l[20..].to_string())
            .collect()
    };
    assert_eq!(
        messages(&["--since", "2h"]),
        ["ninety minutes ago", "a minute ago"]
    );
    assert_eq!(messages(&["--since", "1w"]).len(), 3);
    assert_eq!(messages(&["--since", "4d"]).len(), 3);
    assert_eq!(messages(&["--since", "30s"]), Vec::<String>::new());
    let mut iso = String::new();
    time::push_short(&mut iso, t[1]);
    iso.push('Z');
    assert_eq!(
        messages(&["--since", &iso]),
        ["ninety minutes ago", "a minute ago"]
    );
    ws.run(&["logs", "tail", GROUP, "--since", "5h30m"])
        .fails(252)
        .stderr_has("Error parsing parameter '--since': \"5h30m\" is neither a relative time");
}

#[test]
fn short_and_json_formats_as_the_aws_cli_prints_them() {
    let ws = Ws::new();
    let t = write(
        &ws,
        GROUP,
        &[
            (
                2 * MINUTE,
                "prod/r",
                r#"{"requestId":"abc=","status":"200"}"#,
            ),
            (MINUTE, "prod/r", "plain text  "),
        ],
    );
    let out = ws
        .run(&["logs", "tail", GROUP, "--format", "short"])
        .succeeds();
    assert_eq!(
        out.stdout,
        format!(
            "{} {{\"requestId\":\"abc=\",\"status\":\"200\"}}\n{} plain text\n",
            short(t[0]),
            short(t[1])
        )
    );
    let out = ws
        .run(&["logs", "tail", GROUP, "--format", "json"])
        .succeeds();
    let mut lines = out.stdout.lines();
    let head = lines.next().unwrap();
    assert!(head.ends_with(" prod/r "), "{head}");
    assert_eq!(
        lines.by_ref().take(4).collect::<Vec<_>>(),
        [
            "{",
            "    \"requestId\": \"abc=\",",
            "    \"status\": \"200\"",
            "}"
        ]
    );
    assert!(lines.next().unwrap().ends_with(" prod/r plain text"));
    let out = ws
        .run(&["logs", "tail", GROUP, "--format", "none"])
        .succeeds();
    let first: serde_json::Value =
        serde_json::from_str(out.stdout.lines().next().unwrap()).unwrap();
    assert_eq!(first["logStreamName"], "prod/r");
    assert_eq!(first["timestamp"], t[0]);
}

#[test]
fn streams_and_filter_patterns_select_events() {
    let ws = Ws::new();
    write(
        &ws,
        GROUP,
        &[
            (3 * MINUTE, "prod/r1", "GET /pets 200"),
            (2 * MINUTE, "dev/r1", "GET /pets 500"),
            (MINUTE, "prod/r2", "POST /pets 201"),
        ],
    );
    let messages = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["logs", "tail", GROUP, "--format", "short"];
        all.extend_from_slice(args);
        ws.run(&all)
            .succeeds()
            .stdout
            .lines()
            .map(|l| l[20..].to_string())
            .collect()
    };
    assert_eq!(
        messages(&["--log-stream-name-prefix", "prod/"]),
        ["GET /pets 200", "POST /pets 201"]
    );
    assert_eq!(
        messages(&["--log-stream-names", "dev/r1", "prod/r2"]),
        ["GET /pets 500", "POST /pets 201"]
    );
    assert_eq!(
        messages(&["--filter-pattern", "GET -500"]),
        ["GET /pets 200"]
    );
    assert_eq!(
        messages(&["--filter-pattern", "?500 ?201"]),
        ["GET /pets 500", "POST /pets 201"]
    );
    ws.run(&[
        "logs",
        "tail",
        GROUP,
        "--log-stream-names",
        "a",
        "--log-stream-name-prefix",
        "b",
    ])
    .fails(254)
    .stderr_has("(InvalidParameterException) when calling the FilterLogEvents operation");
    ws.run(&["logs", "tail", GROUP, "--filter-pattern", "[ip, status]"])
        .fails(252)
        .stderr_has("space-delimited pattern");
    ws.run(&["logs", "tail", GROUP, "--filter-pattern", "{ $.status }"])
        .fails(252)
        .stderr_has("Error parsing parameter '--filter-pattern': the JSON filter pattern");
}

#[test]
fn json_filter_patterns_select_json_access_log_lines() {
    let ws = Ws::new();
    write(
        &ws,
        GROUP,
        &[
            (
                3 * MINUTE,
                "prod/r",
                r#"{"routeKey":"GET /pets","status":"200","latency":"12"}"#,
            ),
            (
                2 * MINUTE,
                "prod/r",
                r#"{"routeKey":"GET /pets/{id}","status":"503","latency":"-"}"#,
            ),
            (MINUTE, "prod/r", "not JSON: status 503"),
        ],
    );
    let messages = |pattern: &str| -> Vec<String> {
        ws.run(&[
            "logs",
            "tail",
            GROUP,
            "--format",
            "short",
            "--filter-pattern",
            pattern,
        ])
        .succeeds()
        .stdout
        .lines()
        .map(|l| l[20..].to_string())
        .collect()
    };
    assert_eq!(
        messages("{ $.status >= 500 }"),
        [r#"{"routeKey":"GET /pets/{id}","status":"503","latency":"-"}"#]
    );
    assert_eq!(
        messages(r#"{ $.routeKey = "GET /pets*" && $.latency < 100 }"#).len(),
        1
    );
    assert_eq!(messages("{ $.status = 200 || $.status = 503 }").len(), 2);
    assert_eq!(messages("{ $.nothing NOT EXISTS }").len(), 2);
}

#[test]
fn an_unknown_group_is_refused_as_aws_refuses_it_and_a_configured_one_is_empty() {
    let ws = Ws::new();
    ws.run(&["logs", "tail", "/aws/apigw/nothing"])
        .fails(254)
        .stderr_has(
            "An error occurred (ResourceNotFoundException) when calling the FilterLogEvents \
             operation: The specified log group does not exist.",
        );
    ws.run(&["logs", "tail", "no spaces"])
        .fails(254)
        .stderr_has("(InvalidParameterException)");
    // A group a stage sends its access logs to exists before its first event.
    let api = ws.api("HTTP");
    let settings = serde_json::json!({
        "DestinationArn": "arn:aws:logs:us-east-2:123456789012:log-group:/aws/apigw/configured",
        "Format": "$context.requestId",
    })
    .to_string();
    ws.ok(&[
        "create-stage",
        "--api-id",
        &api,
        "--stage-name",
        "prod",
        "--access-log-settings",
        &settings,
    ]);
    let out = ws
        .run(&["logs", "tail", "/aws/apigw/configured"])
        .succeeds();
    assert_eq!(out.stdout, "");
}

/// The lines a child prints, as they come.
fn lines_of(child: &mut std::process::Child) -> mpsc::Receiver<String> {
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    rx
}

/// A bound for a test that would otherwise hang: not a synchronisation.
const HANG: Duration = Duration::from_secs(30);

#[test]
fn follow_prints_events_appended_after_it_started_and_ctrl_c_ends_it_with_0() {
    let ws = Ws::new();
    write(&ws, GROUP, &[(MINUTE, "prod/r1", "before")]);
    let mut child = Command::new(env!("CARGO_BIN_EXE_apigw"))
        .env("APIGW_WORKSPACE", &ws.path)
        .current_dir(ws.dir())
        .stdin(Stdio::null())
        .args(["logs", "tail", GROUP, "--follow", "--format", "short"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let lines = lines_of(&mut child);
    let first = lines.recv_timeout(HANG).expect("the existing event");
    assert!(first.ends_with(" before"), "{first}");
    // It has read the file to its end: what is written now is new.
    write(
        &ws,
        GROUP,
        &[(0, "prod/r2", "after one"), (0, "dev/r2", "after\ttwo")],
    );
    let next = lines.recv_timeout(HANG).expect("a new event");
    assert!(next.ends_with(" after one"), "{next}");
    let next = lines.recv_timeout(HANG).expect("a new event");
    assert!(next.ends_with(" after\ttwo"), "{next}");
    // A second writer (another serve) appending to the same group.
    write(&ws, GROUP, &[(0, "prod/r3", "from another writer")]);
    let next = lines.recv_timeout(HANG).expect("a new event");
    assert!(next.ends_with(" from another writer"), "{next}");
    // SAFETY: signalling the child this test started.
    unsafe {
        libc::kill(child.id() as libc::pid_t, libc::SIGINT);
    }
    let status = child.wait().unwrap();
    assert_eq!(
        status.code(),
        Some(0),
        "aws logs tail --follow exits 0 on Ctrl-C"
    );
}
