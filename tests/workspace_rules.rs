//! Hand edits held to the service's rules, with the real binary: what
//! `create-*`/`update-*` would refuse is refused when read from the file,
//! with the file, the line of the table and the service's message, exit
//! 253, by every way of reading it (the whole file, one API's part with the
//! other APIs' sections checked aside, a write) and the file left as it is;
//! `serve` refuses such a file at start and ignores it on reload.

#[path = "common/procs.rs"]
mod procs;

use procs::{Place, apigw, wait_bounded};
use std::io::{BufRead, BufReader, Read, Write};
use std::process::Stdio;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const LISTENER: &str = "arn:aws:elasticloadbalancing:us-east-2:123456789012:listener/app/my-load-balancer/50dc6c495c0c9188/0467ef3c8400ae65";

fn ok(place: &Place, args: &[&str]) -> String {
    let (code, out, err) = place.run(args);
    assert_eq!(code, 0, "{args:?}: {err}");
    out.trim().to_string()
}

/// Two HTTP APIs, each with an integration, a route to it, a stage and a
/// JWT authorizer; and a VPC link. Returns the API ids and the file's text.
fn two_apis(place: &Place) -> (Vec<String>, String) {
    ok(place, &["init"]);
    ok(
        place,
        &[
            "create-vpc-link",
            "--name",
            "l",
            "--subnet-ids",
            "subnet-0a",
        ],
    );
    let mut apis = Vec::new();
    for name in ["first", "second"] {
        let q = ["--query"];
        let api = ok(
            place,
            &[
                "create-api",
                "--name",
                name,
                "--protocol-type",
                "HTTP",
                q[0],
                "ApiId",
                "--output",
                "text",
            ],
        );
        let integration = ok(
            place,
            &[
                "create-integration",
                "--api-id",
                &api,
                "--integration-type",
                "HTTP_PROXY",
                "--integration-method",
                "GET",
                "--integration-uri",
                "https://example.com/{proxy}",
                "--query",
                "IntegrationId",
                "--output",
                "text",
            ],
        );
        ok(
            place,
            &[
                "create-route",
                "--api-id",
                &api,
                "--route-key",
                "GET /items",
                "--target",
                &format!("integrations/{integration}"),
            ],
        );
        ok(
            place,
            &["create-stage", "--api-id", &api, "--stage-name", "prod"],
        );
        ok(
            place,
            &[
                "create-authorizer",
                "--api-id",
                &api,
                "--name",
                "j",
                "--authorizer-type",
                "JWT",
                "--identity-source",
                "$request.header.Authorization",
                "--jwt-configuration",
                "Audience=a,Issuer=https://issuer.example.com",
            ],
        );
        apis.push(api);
    }
    let text = std::fs::read_to_string(place.path().join("apigw.toml")).unwrap();
    (apis, text)
}

/// `text` with `from` replaced by `to` in the first section of `table` for
/// `api` (`[integrations.API.…]`), and the line of that section's header.
fn edit(text: &str, table: &str, api: &str, from: &str, to: &str) -> (String, usize) {
    let start = text
        .find(&format!("[{table}.{api}"))
        .unwrap_or_else(|| panic!("no [{table}.{api}…] in\n{text}"));
    let at = start
        + text[start..]
            .find(from)
            .unwrap_or_else(|| panic!("no {from:?} in [{table}.{api}…]"));
    let line = text[..start].matches('\n').count() + 1;
    let mut out = text.to_string();
    out.replace_range(at..at + from.len(), to);
    (out, line)
}

/// The commands that read the file in each way, for a file whose problem
/// is in `broken`'s sections while `other` is another API.
fn readers(broken: &str, other: &str) -> Vec<Vec<String>> {
    let v = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    vec![
        // One API's part, the broken one among the kept sections.
        v(&["get-routes", "--api-id", other]),
        // A write of another API's part.
        v(&[
            "create-route",
            "--api-id",
            other,
            "--route-key",
            "GET /more",
        ]),
        // The broken API's own part.
        v(&["get-integrations", "--api-id", broken]),
        // No API's children.
        v(&["get-apis"]),
        // The whole file, for a write.
        v(&[
            "elbv2",
            "register-targets",
            "--listener-arn",
            LISTENER,
            "--targets",
            "Id=127.0.0.1,Port=9",
        ]),
    ]
}

#[test]
fn hand_edits_are_held_to_the_rules_of_create_and_update() {
    let place = Place::new();
    let (apis, good) = two_apis(&place);
    let (b, other) = (apis[1].as_str(), apis[0].as_str());
    let path = place.path().join("apigw.toml");
    // (table, from, to, what the service says)
    let cases: &[(&str, &str, &str, &str)] = &[
        (
            "integrations",
            "TimeoutInMillis = 30000",
            "TimeoutInMillis = 99999",
            "Timeout should be between 50 ms and 30000 ms",
        ),
        (
            "integrations",
            "TimeoutInMillis = 30000",
            "TimeoutInMillis = -5",
            "Timeout should be between 50 ms and 30000 ms",
        ),
        (
            "integrations",
            "ConnectionType = \"INTERNET\"",
            "ConnectionType = \"VPCLINK\"",
            "Invalid connection type specified: VPCLINK",
        ),
        (
            "integrations",
            "IntegrationType = \"HTTP_PROXY\"",
            "IntegrationType = \"SOAP\"",
            "Invalid integration type specified: SOAP",
        ),
        (
            "integrations",
            "IntegrationType = \"HTTP_PROXY\"",
            "IntegrationType = \"MOCK\"",
            "may only be associated with proxy integrations",
        ),
        (
            "integrations",
            "IntegrationUri = \"https://",
            "IntegrationUri = \"ftp://",
            "Invalid integration URI specified: ftp://example.com",
        ),
        (
            "integrations",
            "PayloadFormatVersion = \"1.0\"",
            "PayloadFormatVersion = \"9.9\"",
            "Invalid payload format version specified: 9.9",
        ),
        (
            "integrations",
            "PayloadFormatVersion = \"1.0\"",
            "PayloadFormatVersion = \"2.0\"",
            "PayloadFormatVersion 2.0 is not supported for integration of type HTTP_PROXY",
        ),
        (
            "routes",
            "RouteKey = \"GET /items\"",
            "RouteKey = \"GET items\"",
            "Invalid route key \"GET items\"",
        ),
        (
            "routes",
            "AuthorizationType = \"NONE\"",
            "AuthorizationType = \"JWT\"",
            "Setting the authorization type to JWT requires a valid JWT authorizer.",
        ),
        (
            "routes",
            "AuthorizationType = \"NONE\"",
            "AuthorizationType = \"OPEN\"",
            "Invalid authorization type specified: OPEN",
        ),
        (
            "stages",
            "StageVariables]\n",
            "StageVariables]\n\"bad name\" = \"x\"\n",
            "Invalid stage variable name \"bad name\"",
        ),
        (
            "authorizers",
            "Issuer = \"https://issuer.example.com\"",
            "Issuer = \"http://issuer.example.com\"",
            "the issuer must be an https:// URL",
        ),
        (
            "authorizers",
            "AuthorizerType = \"JWT\"",
            "AuthorizerType = \"BASIC\"",
            "Invalid authorizer type specified: BASIC",
        ),
        (
            "apis",
            "RouteSelectionExpression = \"$request.method $request.path\"",
            "RouteSelectionExpression = \"$request.body.action\"",
            "The route selection expression of an HTTP API must be",
        ),
        (
            "apis",
            "IpAddressType = \"ipv4\"",
            "IpAddressType = \"ipv5\"",
            "Invalid ip address type specified: ipv5",
        ),
    ];
    for (table, from, to, says) in cases {
        let (text, line) = if *table == "apis" {
            edit(&good, "apis", b, from, to)
        } else {
            edit(&good, table, b, from, to)
        };
        std::fs::write(&path, &text).unwrap();
        for args in readers(b, other) {
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let (code, out, err) = place.run(&args);
            assert_eq!(code, 253, "{to} / {args:?}: {out}{err}");
            assert!(err.contains(says), "{to} / {args:?}: {says:?} not in {err}");
            assert!(
                err.contains(&format!("{} is not valid at line {line}:", path.display())),
                "{to} / {args:?}: no file and line {line} in {err}"
            );
            assert!(err.contains("BadRequestException"), "{err}");
            assert_eq!(
                std::fs::read_to_string(&path).unwrap(),
                text,
                "{to} / {args:?}: the file changed"
            );
        }
    }
    // A VPC link out of shape, and two routes with one key.
    let (text, line) = edit(
        &good,
        "vpc-links",
        "",
        "SubnetIds = [\"subnet-0a\"]",
        "SubnetIds = [\"net-1\"]",
    );
    std::fs::write(&path, &text).unwrap();
    let (code, _, err) = place.run(&["get-routes", "--api-id", other]);
    assert_eq!(code, 253);
    assert!(
        err.contains(&format!("line {line}:")) && err.contains("Invalid subnet id"),
        "{err}"
    );
    let (text, _) = edit(
        &good,
        "routes",
        b,
        "RouteKey = \"GET /items\"",
        "RouteKey = \"GET /x\"",
    );
    let route_b = &good[good.find(&format!("[routes.{b}.")).unwrap()..];
    let route_b = &route_b[..route_b.find("\n\n").unwrap_or(route_b.len())];
    let copy = route_b.replace("RouteId = \"", "RouteId = \"z").replacen(
        &format!("[routes.{b}."),
        &format!("[routes.{b}.z"),
        1,
    );
    let text = format!("{}\n{copy}\n", text.trim_end())
        .replace("RouteKey = \"GET /x\"", "RouteKey = \"GET /items\"");
    std::fs::write(&path, &text).unwrap();
    for args in readers(b, other) {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let (code, _, err) = place.run(&args);
        assert_eq!(code, 253, "{args:?}: {err}");
        assert!(
            err.contains("Route with key GET /items already exists"),
            "{args:?}: {err}"
        );
    }
    // The good file still reads.
    std::fs::write(&path, &good).unwrap();
    ok(&place, &["get-routes", "--api-id", other]);
}

#[test]
fn more_resources_than_the_quota_are_refused() {
    let place = Place::new();
    let (apis, good) = two_apis(&place);
    let b = &apis[1];
    let start = good.find(&format!("[stages.{b}.prod]")).unwrap();
    let stage = &good[start..];
    let stage = &stage[..stage.find("\n\n").unwrap_or(stage.len())];
    let mut text = good.trim_end().to_string();
    for n in 0..10 {
        let copy = stage
            .replace("[stages.", "\n[stages.")
            .replace(".prod]", &format!(".s{n}]"))
            .replace("StageName = \"prod\"", &format!("StageName = \"s{n}\""));
        text.push_str(&format!("\n{copy}"));
    }
    text.push('\n');
    let path = place.path().join("apigw.toml");
    std::fs::write(&path, &text).unwrap();
    for args in [
        &["get-stages", "--api-id", &apis[0]][..],
        &["get-stages", "--api-id", b][..],
    ] {
        let (code, _, err) = place.run(args);
        assert_eq!(code, 253, "{err}");
        assert!(
            err.contains("holds 11 entries; the service allows at most 10"),
            "{err}"
        );
    }
}

/// Reads a child's stream into a shared text, line by line.
fn collect(stream: impl Read + Send + 'static) -> Arc<Mutex<String>> {
    let text = Arc::new(Mutex::new(String::new()));
    let into = text.clone();
    std::thread::spawn(move || {
        for line in BufReader::new(stream).lines().map_while(Result::ok) {
            let mut t = into.lock().unwrap();
            t.push_str(&line);
            t.push('\n');
        }
    });
    text
}

/// Waits (bounded) until `text` holds `needle`; returns the text.
fn wait_for(text: &Arc<Mutex<String>>, needle: &str) -> String {
    let start = Instant::now();
    loop {
        let now = text.lock().unwrap().clone();
        if now.contains(needle) {
            return now;
        }
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "{needle:?} did not come; so far:\n{now}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn serve_refuses_a_hand_edit_at_start_and_ignores_it_on_reload() {
    let place = Place::new();
    let (apis, good) = two_apis(&place);
    let path = place.path().join("apigw.toml");
    let (bad, line) = edit(
        &good,
        "integrations",
        &apis[0],
        "TimeoutInMillis = 30000",
        "TimeoutInMillis = 99999",
    );
    let serve = [
        "serve",
        "--api-id",
        apis[0].as_str(),
        "--listen",
        "127.0.0.1:0",
    ];

    std::fs::write(&path, &bad).unwrap();
    let (code, _, err) = place.run(&serve);
    assert_eq!(code, 253, "{err}");
    assert!(
        err.contains(&format!("is not valid at line {line}:"))
            && err.contains("Timeout should be between 50 ms and 30000 ms"),
        "{err}"
    );

    std::fs::write(&path, &good).unwrap();
    let mut cmd = apigw(place.path(), &place.home, &serve);
    cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    let out = collect(child.stdout.take().unwrap());
    let err = collect(child.stderr.take().unwrap());
    let started = wait_for(&out, "listening on http://");
    let addr = started
        .split("listening on http://")
        .nth(1)
        .and_then(|r| r.split_whitespace().next())
        .unwrap()
        .to_string();
    // The file is watched from some moment after the start: touch it until
    // a reload shows the watch is on.
    let start = Instant::now();
    let tmp = place.path().join("edit.tmp");
    while !err.lock().unwrap().contains("reloaded") {
        assert!(start.elapsed() < Duration::from_secs(30), "no reload");
        std::fs::write(&tmp, &good).unwrap();
        std::fs::rename(&tmp, &path).unwrap();
        std::thread::sleep(Duration::from_millis(300));
    }
    // A change that breaks a rule: replaced atomically, as an editor does.
    std::fs::write(&tmp, &bad).unwrap();
    std::fs::rename(&tmp, &path).unwrap();
    let log = wait_for(&err, "ignored the change");
    assert!(
        log.contains("Timeout should be between 50 ms and 30000 ms")
            && log.contains(&format!("line {line}")),
        "{log}"
    );
    // Still serving the plan it had: an unknown path is the gateway's 404.
    let mut conn = std::net::TcpStream::connect(&addr).unwrap();
    conn.set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    conn.write_all(b"GET /prod/nothing-here HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .unwrap();
    let mut answer = String::new();
    let _ = conn.read_to_string(&mut answer);
    assert!(answer.starts_with("HTTP/1.1 404"), "{answer}");
    assert!(child.try_wait().unwrap().is_none(), "serve stopped");
    // SAFETY: our own child, not yet reaped.
    unsafe { libc::kill(child.id() as i32, libc::SIGTERM) };
    let done = wait_bounded(child, procs::BOUND, "serve after SIGTERM");
    assert!(done.status.code().is_some() || !done.status.success());
}
