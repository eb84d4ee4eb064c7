//! How `apigw serve`'s runtime host runs instances of a real function:
//! errors, timeouts and crashes answered 500 with the instance replaced,
//! concurrency up to the function's reserved limit, hot reload of a changed
//! folder and of `update-function-code`, and a REQUEST authorizer that is
//! itself a local function.

mod common;
#[path = "common/functions.rs"]
mod functions;
#[path = "common/invoke.rs"]
mod invoke;
#[path = "common/serve.rs"]
mod serve;

use functions::{code, function, have, routes, skip};
use invoke::{World, send};
use std::time::Duration;

const ERROR: &str = r#"{"message":"Internal Server Error"}"#;

/// A handler whose answer says which process ran it, and which misbehaves
/// as the path asks.
const MOODY: &str = r#"
import os, time
def handler(event, context):
    path = event["rawPath"]
    if path.endswith("/raise"):
        raise ValueError("asked to raise")
    if path.endswith("/sleep"):
        time.sleep(5)
    if path.endswith("/exit"):
        os._exit(3)
    if path.endswith("/slow"):
        time.sleep(0.4)
    return {"statusCode": 200, "body": str(os.getpid())}
"#;

/// `put-function-concurrency` of the moody function.
fn reserve(w: &World, n: &str) {
    serve::apigw(
        &w.ws,
        &[
            "lambda",
            "put-function-concurrency",
            "--function-name",
            "moody",
            "--reserved-concurrent-executions",
            n,
        ],
    );
}

fn moody(w: &World, extra: &[&str]) {
    let dir = code(w, "moody", &[("app.py", MOODY)]);
    function(w, "moody", "python3.12", "app.handler", &dir, extra);
    let i = w.integration("moody", "2.0", &[]);
    w.route("GET /moody/{how}", &i, &[]);
    w.stage("$default", &[]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn errors_timeouts_and_crashes_answer_500_and_the_next_call_works() {
    if !have("python3") {
        return skip("python3 is not installed");
    }
    let w = World::new();
    moody(&w, &["--timeout", "1"]);
    let s = functions::serve(&w);
    let ok = send("GET", &s.url("/moody/ok"), &[], b"").await;
    assert_eq!(ok.status, 200, "{}", s.stderr());
    let pid = ok.body.clone();

    let raised = send("GET", &s.url("/moody/raise"), &[], b"").await;
    assert_eq!((raised.status, raised.body.as_str()), (500, ERROR));
    let again = send("GET", &s.url("/moody/ok"), &[], b"").await;
    assert_eq!(again.body, pid, "a function error keeps the instance");

    let started = std::time::Instant::now();
    let slept = send("GET", &s.url("/moody/sleep"), &[], b"").await;
    assert_eq!((slept.status, slept.body.as_str()), (500, ERROR));
    assert!(
        started.elapsed() < Duration::from_secs(4),
        "the 1 s timeout ends it"
    );
    let fresh = send("GET", &s.url("/moody/ok"), &[], b"").await;
    assert_eq!(fresh.status, 200);
    assert_ne!(fresh.body, pid, "a timed-out instance is replaced");

    let crashed = send("GET", &s.url("/moody/exit"), &[], b"").await;
    assert_eq!((crashed.status, crashed.body.as_str()), (500, ERROR));
    let after = send("GET", &s.url("/moody/ok"), &[], b"").await;
    assert_eq!(after.status, 200);
    assert_ne!(after.body, fresh.body, "a crashed instance is replaced");
    common::eventually("the reasons in the log", Duration::from_secs(5), || {
        let seen = s.stderr_has("Task timed out after 1.00 seconds")
            && s.stderr_has("exited (exit status: 3)");
        async move { seen }
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ten_requests_at_once_use_at_most_the_reserved_concurrency() {
    if !have("python3") {
        return skip("python3 is not installed");
    }
    let w = World::new();
    moody(&w, &[]);
    reserve(&w, "3");
    let s = functions::serve(&w);
    let url = s.url("/moody/slow");
    let calls = (0..10).map(|_| {
        let url = url.clone();
        tokio::spawn(async move { send("GET", &url, &[], b"").await })
    });
    let mut pids = std::collections::BTreeSet::new();
    for c in calls {
        let r = c.await.unwrap();
        assert_eq!(r.status, 200, "{}", r.body);
        pids.insert(r.body);
    }
    assert!(
        (1..=3).contains(&pids.len()),
        "{} instances for a limit of 3: {pids:?}",
        pids.len()
    );
    let started = s.stderr().matches("lambda moody: started instance").count();
    assert!(started <= 3, "{started} started\n{}", s.stderr());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reserved_concurrency_of_zero_throttles_every_call() {
    if !have("python3") {
        return skip("python3 is not installed");
    }
    let w = World::new();
    moody(&w, &[]);
    reserve(&w, "0");
    let s = functions::serve(&w);
    let r = send("GET", &s.url("/moody/ok"), &[], b"").await;
    assert_eq!((r.status, r.body.as_str()), (500, ERROR));
    assert!(!s.stderr_has("started instance"), "{}", s.stderr());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_changed_folder_and_new_code_reach_the_next_request() {
    if !have("python3") {
        return skip("python3 is not installed");
    }
    let w = World::new();
    let reply = |text: &str| {
        format!(
            "def handler(event, context):\n    return {{'statusCode': 200, 'body': '{text}'}}\n"
        )
    };
    let dir = code(&w, "live", &[("app.py", &reply("one"))]);
    function(&w, "live", "python3.12", "app.handler", &dir, &[]);
    routes(&w, &["live"]);
    let s = functions::serve(&w);
    let url = s.url("/live");
    assert_eq!(send("GET", &url, &[], b"").await.body, "one");

    std::fs::write(dir.join("app.py"), reply("two")).unwrap();
    common::eventually("the edited folder served", Duration::from_secs(10), || {
        let url = url.clone();
        async move { send("GET", &url, &[], b"").await.body == "two" }
    })
    .await;

    let package = functions::zip(&[("app.py", &reply("three"))]);
    let zip = w.ws.parent().unwrap().join("fn.zip");
    std::fs::write(&zip, package).unwrap();
    let arg = format!("fileb://{}", zip.display());
    serve::apigw(
        &w.ws,
        &[
            "lambda",
            "update-function-code",
            "--function-name",
            "live",
            "--zip-file",
            &arg,
        ],
    );
    common::eventually("the new package served", Duration::from_secs(10), || {
        let url = url.clone();
        async move { send("GET", &url, &[], b"").await.body == "three" }
    })
    .await;
    assert!(
        s.stderr_has("lambda live: new code or configuration"),
        "{}",
        s.stderr()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_authorizer_that_is_a_local_function_allows_denies_and_caches() {
    if !have("python3") {
        return skip("python3 is not installed");
    }
    let w = World::new();
    let auth = "calls = 0\ndef handler(event, context):\n    global calls\n    calls += 1\n    token = event['headers'].get('x-token', '')\n    return {'isAuthorized': token == 'good', 'context': {'user': 'u-' + token, 'calls': calls}}\n";
    let app = "import json\ndef handler(event, context):\n    return {'statusCode': 200, 'body': json.dumps(event['requestContext']['authorizer']['lambda'])}\n";
    let dir = code(&w, "fns", &[("auth.py", auth), ("app.py", app)]);
    function(&w, "gate", "python3.12", "auth.handler", &dir, &[]);
    function(&w, "app", "python3.12", "app.handler", &dir, &[]);
    let uri = format!(
        "arn:aws:apigateway:us-east-2:lambda:path/2015-03-31/functions/{}/invocations",
        invoke::arn("gate")
    );
    let authorizer = w.cmd(&[
        "create-authorizer",
        "--name",
        "gate",
        "--authorizer-type",
        "REQUEST",
        "--authorizer-uri",
        &uri,
        "--authorizer-payload-format-version",
        "2.0",
        "--enable-simple-responses",
        "--identity-source",
        "$request.header.x-token",
        "--authorizer-result-ttl-in-seconds",
        "300",
        "--query",
        "AuthorizerId",
    ]);
    let i = w.integration("app", "2.0", &[]);
    w.route(
        "GET /private",
        &i,
        &[
            "--authorization-type",
            "CUSTOM",
            "--authorizer-id",
            &authorizer,
        ],
    );
    w.stage("$default", &[]);
    let s = functions::serve(&w);
    let url = s.url("/private");
    let allowed = send("GET", &url, &[("x-token", "good")], b"").await;
    assert_eq!(allowed.status, 200, "{}\n{}", allowed.body, s.stderr());
    let ctx: serde_json::Value = serde_json::from_str(&allowed.body).unwrap();
    assert_eq!(ctx["user"], "u-good");
    assert_eq!(ctx["calls"], 1);
    let cached = send("GET", &url, &[("x-token", "good")], b"").await;
    let ctx: serde_json::Value = serde_json::from_str(&cached.body).unwrap();
    assert_eq!(
        ctx["calls"], 1,
        "the cached answer: the authorizer ran once"
    );
    let denied = send("GET", &url, &[("x-token", "bad")], b"").await;
    assert_eq!(denied.status, 403, "{}", denied.body);
    let missing = send("GET", &url, &[], b"").await;
    assert_eq!(missing.status, 401, "{}", missing.body);
}
