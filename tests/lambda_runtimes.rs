//! Functions run as real processes by `apigw serve`'s runtime host, one
//! per kind of runtime: python with apigw's own loop, python through the
//! official `awslambdaric` client, node (async and callback handlers), and
//! a `provided.al2023` bootstrap that speaks the Runtime API with curl.
//! Each answers a Lambda route, sees the environment the service gives a
//! function, and is kept warm between requests.

mod common;
#[path = "common/functions.rs"]
mod functions;
#[path = "common/invoke.rs"]
mod invoke;
#[path = "common/serve.rs"]
mod serve;

use functions::{code, function, have, routes, skip};
use invoke::{World, send};
use serde_json::Value;

const PYTHON: &str = r#"
import json, os
calls = 0
def handler(event, context):
    global calls
    calls += 1
    return {
        "statusCode": 200,
        "headers": {"content-type": "application/json"},
        "body": json.dumps({
            "pid": os.getpid(),
            "calls": calls,
            "version": event["version"],
            "path": event["rawPath"],
            "name": os.environ["AWS_LAMBDA_FUNCTION_NAME"],
            "handler": os.environ["_HANDLER"],
            "root": os.environ["LAMBDA_TASK_ROOT"],
            "memory": os.environ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"],
            "region": os.environ["AWS_REGION"],
            "group": os.environ["AWS_LAMBDA_LOG_GROUP_NAME"],
            "color": os.environ.get("COLOR"),
            "home": os.environ.get("HOME"),
            "remaining": context.get_remaining_time_in_millis(),
            "arn": context.invoked_function_arn,
            "request": context.aws_request_id,
        }),
    }
"#;

async fn body_of(url: &str) -> Value {
    let r = send("GET", url, &[], b"").await;
    assert_eq!(r.status, 200, "{}", r.body);
    serde_json::from_str(&r.body).unwrap_or_else(|e| panic!("{e}: {}", r.body))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_python_function_runs_with_apigws_loop_and_stays_warm() {
    if !have("python3") {
        return skip("python3 is not installed");
    }
    let w = World::new();
    let dir = code(&w, "py", &[("app.py", PYTHON)]);
    function(
        &w,
        "py",
        "python3.12",
        "app.handler",
        &dir,
        &[
            "--timeout",
            "5",
            "--memory-size",
            "256",
            "--environment",
            "Variables={COLOR=blue}",
        ],
    );
    routes(&w, &["py"]);
    let s = functions::serve(&w);
    let first = body_of(&s.url("/py")).await;
    assert_eq!(first["version"], "2.0");
    assert_eq!(first["path"], "/py");
    assert_eq!(first["name"], "py");
    assert_eq!(first["handler"], "app.handler");
    assert_eq!(
        std::fs::canonicalize(first["root"].as_str().unwrap()).unwrap(),
        std::fs::canonicalize(&dir).unwrap()
    );
    assert_eq!(first["memory"], "256");
    assert_eq!(first["region"], "us-east-2");
    assert_eq!(first["group"], "/aws/lambda/py");
    assert_eq!(first["color"], "blue");
    assert_eq!(
        first["home"],
        Value::Null,
        "apigw's environment does not leak in"
    );
    assert_eq!(
        first["arn"],
        "arn:aws:lambda:us-east-2:123456789012:function:py"
    );
    let remaining = first["remaining"].as_i64().unwrap();
    assert!((1..=5000).contains(&remaining), "{remaining}");
    assert_eq!(first["request"].as_str().unwrap().len(), 36);
    let second = body_of(&s.url("/py")).await;
    assert_eq!(second["pid"], first["pid"], "the warm instance is reused");
    assert_eq!(second["calls"], 2);
    assert_ne!(second["request"], first["request"]);
    assert!(
        s.stderr_has("lambda py: started instance"),
        "{}",
        s.stderr()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn function_output_reaches_the_serve_log_and_the_log_group() {
    if !have("python3") {
        return skip("python3 is not installed");
    }
    let w = World::new();
    let dir = code(
        &w,
        "talk",
        &[(
            "app.py",
            "def handler(event, context):\n    print('working on', event['rawPath'])\n    return 'done'\n",
        )],
    );
    function(&w, "talk", "python3.11", "app.handler", &dir, &[]);
    routes(&w, &["talk"]);
    let s = functions::serve(&w);
    let r = send("GET", &s.url("/talk"), &[], b"").await;
    assert_eq!(r.status, 200);
    assert_eq!(
        r.body, "\"done\"",
        "any JSON but an object with statusCode is the 2.0 body"
    );
    common::eventually(
        "the function's output",
        std::time::Duration::from_secs(10),
        || {
            let seen = s.stderr_has("working on /talk");
            async move { seen }
        },
    )
    .await;
    let group =
        w.ws.parent()
            .unwrap()
            .join(".apigw/logs/%2Faws%2Flambda%2Ftalk.log");
    // The group's writer appends in batches, a tenth of a second apart.
    common::eventually(
        "the invocation's REPORT line in the log group",
        std::time::Duration::from_secs(10),
        || {
            let text = std::fs::read_to_string(&group).unwrap_or_default();
            async move { text.contains("REPORT RequestId: ") }
        },
    )
    .await;
    let text = std::fs::read_to_string(&group).unwrap();
    assert!(text.contains("START RequestId: "), "{text}");
    assert!(text.contains("working on /talk"), "{text}");
    assert!(text.contains("REPORT RequestId: "), "{text}");
    let tail = serve::apigw(
        &w.ws,
        &["logs", "tail", "/aws/lambda/talk", "--format", "short"],
    );
    assert!(tail.contains("working on /talk"), "{tail}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_official_python_runtime_client_works_unchanged() {
    let clients = match common::aws::clients() {
        Ok(c) => c,
        Err(why) => return skip(&format!("no awslambdaric: {why}")),
    };
    let w = World::new();
    let bootstrap = format!(
        "#!/bin/sh\nexec {} -m awslambdaric app.handler\n",
        clients.python.display()
    );
    let dir = code(
        &w,
        "ric",
        &[
            ("bootstrap", &bootstrap),
            (
                "app.py",
                "import os\ndef handler(event, context):\n    return {'statusCode': 201, 'body': event['rawPath'] + ' ' + context.function_name}\n",
            ),
        ],
    );
    function(&w, "ric", "provided.al2023", "app.handler", &dir, &[]);
    routes(&w, &["ric"]);
    let s = functions::serve(&w);
    let r = send("GET", &s.url("/ric"), &[], b"").await;
    assert_eq!(r.status, 201, "{}\n{}", r.body, s.stderr());
    assert_eq!(r.body, "/ric ric");
    let r = send("GET", &s.url("/ric"), &[], b"").await;
    assert_eq!(r.status, 201, "{}", r.body);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn node_functions_run_async_and_callback_handlers() {
    if !have("node") {
        return skip("node is not installed");
    }
    let w = World::new();
    let dir = code(
        &w,
        "js",
        &[
            (
                "index.js",
                "let calls = 0;\nexports.handler = async (event, context) => {\n  calls += 1;\n  return { statusCode: 200, body: JSON.stringify({ pid: process.pid, calls, path: event.rawPath, name: context.functionName, left: context.getRemainingTimeInMillis() > 0 }) };\n};\n",
            ),
            (
                "cb.mjs",
                "export function handler(event, context, callback) {\n  setTimeout(() => callback(null, { statusCode: 202, body: 'later ' + event.rawPath }), 10);\n}\n",
            ),
        ],
    );
    function(&w, "js", "nodejs20.x", "index.handler", &dir, &[]);
    function(&w, "cb", "nodejs22.x", "cb.handler", &dir, &[]);
    routes(&w, &["js", "cb"]);
    let s = functions::serve(&w);
    let first = body_of(&s.url("/js")).await;
    assert_eq!(first["path"], "/js");
    assert_eq!(first["name"], "js");
    assert_eq!(first["left"], true);
    let second = body_of(&s.url("/js")).await;
    assert_eq!(second["pid"], first["pid"]);
    assert_eq!(second["calls"], 2);
    let r = send("GET", &s.url("/cb"), &[], b"").await;
    assert_eq!(r.status, 202, "{}", r.body);
    assert_eq!(r.body, "later /cb");
}

/// A custom runtime in a few lines of shell: the Runtime API by hand.
const BOOTSTRAP: &str = r#"#!/bin/sh
set -eu
API="http://$AWS_LAMBDA_RUNTIME_API/2018-06-01/runtime"
while true; do
  HEADERS=$(mktemp)
  EVENT=$(curl -sS -D "$HEADERS" "$API/invocation/next")
  ID=$(grep -i '^lambda-runtime-aws-request-id:' "$HEADERS" | tr -d '\r' | cut -d' ' -f2)
  rm -f "$HEADERS"
  case "$EVENT" in
    *'"rawPath":"/sh/fail"'*)
      curl -sS -o /dev/null -X POST "$API/invocation/$ID/error" -d '{"errorMessage":"asked to fail","errorType":"Failure"}' ;;
    *)
      curl -sS -o /dev/null -X POST "$API/invocation/$ID/response" -d "{\"statusCode\":200,\"body\":\"sh $$ $_HANDLER\"}" ;;
  esac
done
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_provided_bootstrap_speaks_the_runtime_api_by_hand() {
    if !have("curl") {
        return skip("curl is not installed (the bootstrap uses it)");
    }
    let w = World::new();
    let dir = code(&w, "sh", &[("bootstrap", BOOTSTRAP)]);
    function(&w, "sh", "provided.al2023", "my.handler", &dir, &[]);
    let i = w.integration("sh", "2.0", &[]);
    w.route("GET /sh", &i, &[]);
    w.route("GET /sh/fail", &i, &[]);
    w.stage("$default", &[]);
    let s = functions::serve(&w);
    let a = send("GET", &s.url("/sh"), &[], b"").await;
    assert_eq!(a.status, 200, "{}\n{}", a.body, s.stderr());
    assert!(
        a.body.starts_with("sh ") && a.body.ends_with(" my.handler"),
        "{}",
        a.body
    );
    let b = send("GET", &s.url("/sh"), &[], b"").await;
    assert_eq!(b.body, a.body, "the same instance answers again");
    let failed = send("GET", &s.url("/sh/fail"), &[], b"").await;
    assert_eq!(failed.status, 500);
    assert_eq!(failed.body, r#"{"message":"Internal Server Error"}"#);
    let after = send("GET", &s.url("/sh"), &[], b"").await;
    assert_eq!(after.body, a.body, "a function error keeps the instance");
}
