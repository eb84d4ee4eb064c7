//! The events `apigw serve` sends Lambda proxy integrations, member by
//! member against SPEC section 8, for payload formats 2.0 and 1.0: a real
//! Invoke API server on 127.0.0.1 records them behind
//! `apigw serve --lambda-endpoint-url`.

mod common;
#[path = "common/invoke.rs"]
mod invoke;
#[path = "common/serve.rs"]
mod serve;

use invoke::{ACCOUNT, Answer, Lambda, World, send};
use serde_json::{Value, json};

const OK: &str = r#"{"statusCode":200,"body":"ok"}"#;

/// `dd/MMM/yyyy:HH:mm:ss +0000`.
fn is_clf_time(v: &Value) -> bool {
    let s = v.as_str().unwrap_or_default();
    let b = s.as_bytes();
    s.len() == 26 && b[2] == b'/' && b[6] == b'/' && b[11] == b':' && s.ends_with(" +0000")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_v2_event_on_a_named_stage_has_every_member() {
    let lambda = Lambda::start().await;
    lambda.answer("pets", Answer::Payload(OK.into()));
    let w = World::new();
    let i = w.integration("pets", "2.0", &[]);
    w.route("POST /pets/{id}", &i, &[]);
    w.stage("dev", &["--stage-variables", "env=test"]);
    let s = w.serve(&lambda);

    let r = send(
        "POST",
        &s.url("/dev/pets/7?a=1&a=2&b=x%20y"),
        &[
            ("cookie", "s=1; t=2"),
            ("x-multi", "a"),
            ("x-multi", "b"),
            ("content-type", "application/json"),
            ("user-agent", "lambda-test/1"),
        ],
        br#"{"k":1}"#,
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let e = lambda.last_event("pets");
    assert_eq!(e["version"], "2.0");
    assert_eq!(e["routeKey"], "POST /pets/{id}");
    assert_eq!(e["rawPath"], "/dev/pets/7");
    assert_eq!(e["rawQueryString"], "a=1&a=2&b=x%20y");
    assert_eq!(e["cookies"], json!(["s=1", "t=2"]));
    let h = &e["headers"];
    assert!(h.get("cookie").is_none(), "cookies leave the headers: {h}");
    assert_eq!(h["x-multi"], "a,b");
    assert_eq!(h["content-type"], "application/json");
    assert_eq!(h["x-forwarded-for"], "127.0.0.1");
    assert_eq!(h["x-forwarded-proto"], "http");
    assert_eq!(h["x-forwarded-port"], s.addr.port().to_string());
    assert!(
        h["x-amzn-trace-id"]
            .as_str()
            .unwrap()
            .starts_with("Root=1-")
    );
    assert!(
        h.as_object()
            .unwrap()
            .keys()
            .all(|k| *k == k.to_lowercase())
    );
    assert_eq!(e["queryStringParameters"], json!({"a": "1,2", "b": "x y"}));
    assert_eq!(e["pathParameters"], json!({"id": "7"}));
    assert_eq!(e["stageVariables"], json!({"env": "test"}));
    assert_eq!(e["body"], r#"{"k":1}"#);
    assert_eq!(e["isBase64Encoded"], false);
    let c = &e["requestContext"];
    assert_eq!(c["accountId"], ACCOUNT);
    assert_eq!(c["apiId"], w.api.as_str());
    assert_eq!(c["domainName"], "127.0.0.1");
    assert_eq!(c["domainPrefix"], "127");
    assert_eq!(
        c["http"],
        json!({"method": "POST", "path": "/dev/pets/7", "protocol": "HTTP/1.1",
               "sourceIp": "127.0.0.1", "userAgent": "lambda-test/1"})
    );
    assert_eq!(c["requestId"], r.header("apigw-requestid").unwrap());
    assert_eq!(c["routeKey"], "POST /pets/{id}");
    assert_eq!(c["stage"], "dev");
    assert!(is_clf_time(&c["time"]), "{}", c["time"]);
    assert!(c["timeEpoch"].as_u64().unwrap() > 1_600_000_000_000);
    assert!(c.get("authorizer").is_none(), "no authorizer, no member");
    assert_eq!(
        e.as_object().unwrap().keys().collect::<Vec<_>>(),
        [
            "version",
            "routeKey",
            "rawPath",
            "rawQueryString",
            "cookies",
            "headers",
            "queryStringParameters",
            "requestContext",
            "body",
            "pathParameters",
            "isBase64Encoded",
            "stageVariables"
        ]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_v2_event_on_the_default_stage_leaves_absent_members_out_and_encodes_binary() {
    let lambda = Lambda::start().await;
    lambda.answer("any", Answer::Payload(OK.into()));
    let w = World::new();
    let i = w.integration("any", "2.0", &[]);
    w.route("$default", &i, &[]);
    w.stage("$default", &[]);
    let s = w.serve(&lambda);

    assert_eq!(send("GET", &s.url("/any/path"), &[], b"").await.status, 200);
    let e = lambda.last_event("any");
    assert_eq!(e["rawPath"], "/any/path");
    assert_eq!(e["rawQueryString"], "");
    assert_eq!(e["routeKey"], "$default");
    assert_eq!(e["requestContext"]["stage"], "$default");
    assert_eq!(e["requestContext"]["http"]["path"], "/any/path");
    for absent in [
        "cookies",
        "queryStringParameters",
        "pathParameters",
        "stageVariables",
        "body",
    ] {
        assert!(e.get(absent).is_none(), "{absent} is left out: {e}");
    }
    assert_eq!(e["isBase64Encoded"], false);

    let bytes = [0u8, 159, 146, 150, 255];
    let r = send(
        "PUT",
        &s.url("/blob"),
        &[("content-type", "application/octet-stream")],
        &bytes,
    )
    .await;
    assert_eq!(r.status, 200);
    let e = lambda.last_event("any");
    assert_eq!(e["isBase64Encoded"], true);
    assert_eq!(e["body"], "AJ+Slv8=");
    // Text types go as text, whatever their parameters.
    send(
        "POST",
        &s.url("/t"),
        &[("content-type", "text/plain; charset=utf-8")],
        "héllo".as_bytes(),
    )
    .await;
    let e = lambda.last_event("any");
    assert_eq!(
        (e["body"].as_str(), e["isBase64Encoded"].as_bool()),
        (Some("héllo"), Some(false))
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_v1_event_has_multi_value_members_and_nulls() {
    let lambda = Lambda::start().await;
    lambda.answer("old", Answer::Payload(OK.into()));
    let w = World::new();
    let i = w.integration("old", "1.0", &[]);
    w.route("POST /pets/{id}", &i, &[]);
    w.stage("dev", &["--stage-variables", "env=test"]);
    let s = w.serve(&lambda);

    let r = send(
        "POST",
        &s.url("/dev/pets/7?a=1&a=2"),
        &[
            ("x-multi", "a"),
            ("x-multi", "b"),
            ("cookie", "s=1"),
            ("user-agent", "ua/1"),
            ("content-type", "application/json"),
        ],
        b"[1]",
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let e = lambda.last_event("old");
    assert_eq!(e["version"], "1.0");
    assert_eq!(e["resource"], "/pets/{id}");
    assert_eq!(e["path"], "/dev/pets/7");
    assert_eq!(e["httpMethod"], "POST");
    assert_eq!(e["headers"]["x-multi"], "b");
    assert_eq!(e["headers"]["cookie"], "s=1");
    assert_eq!(e["multiValueHeaders"]["x-multi"], json!(["a", "b"]));
    assert_eq!(e["queryStringParameters"], json!({"a": "2"}));
    assert_eq!(
        e["multiValueQueryStringParameters"],
        json!({"a": ["1", "2"]})
    );
    assert_eq!(e["pathParameters"], json!({"id": "7"}));
    assert_eq!(e["stageVariables"], json!({"env": "test"}));
    assert_eq!(
        (e["body"].as_str(), e["isBase64Encoded"].as_bool()),
        (Some("[1]"), Some(false))
    );
    let c = &e["requestContext"];
    assert_eq!(c["accountId"], ACCOUNT);
    assert_eq!(c["apiId"], w.api.as_str());
    assert_eq!(c["httpMethod"], "POST");
    assert_eq!(c["path"], "/dev/pets/7");
    assert_eq!(c["resourcePath"], "/pets/{id}");
    assert_eq!(c["stage"], "dev");
    assert_eq!(c["protocol"], "HTTP/1.1");
    assert_eq!(c["requestId"], r.header("apigw-requestid").unwrap());
    assert_eq!(c["extendedRequestId"], c["requestId"]);
    assert!(is_clf_time(&c["requestTime"]), "{}", c["requestTime"]);
    assert!(c["requestTimeEpoch"].as_u64().unwrap() > 1_600_000_000_000);
    assert_eq!(c["identity"]["sourceIp"], "127.0.0.1");
    assert_eq!(c["identity"]["userAgent"], "ua/1");
    assert_eq!(c["identity"]["user"], Value::Null);

    send("POST", &s.url("/dev/pets/8"), &[], b"").await;
    let e = lambda.last_event("old");
    for null in [
        "queryStringParameters",
        "multiValueQueryStringParameters",
        "body",
    ] {
        assert_eq!(e[null], Value::Null, "{null}: {e}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn jwt_claims_reach_the_event_as_strings_with_the_scopes() {
    let lambda = Lambda::start().await;
    lambda.answer("me", Answer::Payload(OK.into()));
    let w = World::new();
    let i = w.integration("me", "2.0", &[]);
    w.route("GET /open", &i, &[]);
    w.stage("$default", &[]);
    let s = w.serve_with(&lambda, &["--local-issuer"]);
    let base = format!("http://{}", s.addr);

    let config = format!("Audience=me-api,Issuer={base}");
    let auth = w.cmd(&[
        "create-authorizer",
        "--name",
        "local",
        "--authorizer-type",
        "JWT",
        "--identity-source",
        "$request.header.Authorization",
        "--jwt-configuration",
        &config,
        "--query",
        "AuthorizerId",
    ]);
    w.route(
        "GET /scoped",
        &i,
        &[
            "--authorization-type",
            "JWT",
            "--authorizer-id",
            &auth,
            "--authorization-scopes",
            "me:read",
        ],
    );
    w.route(
        "GET /plain",
        &i,
        &["--authorization-type", "JWT", "--authorizer-id", &auth],
    );
    common::eventually(
        "the JWT routes to be served",
        std::time::Duration::from_secs(10),
        || async { send("GET", &s.url("/plain"), &[], b"").await.status == 401 },
    )
    .await;

    let token = serve::apigw(
        &w.ws,
        &[
            "mint-token",
            "--issuer",
            &base,
            "--audience",
            "me-api",
            "--scope",
            "me:read",
            "other",
            "--subject",
            "alice",
        ],
    );
    let bearer = format!("Bearer {token}");
    let r = send("GET", &s.url("/scoped"), &[("authorization", &bearer)], b"").await;
    assert_eq!(r.status, 200, "{}", r.body);
    let jwt = &lambda.last_event("me")["requestContext"]["authorizer"]["jwt"];
    assert_eq!(jwt["claims"]["sub"], "alice");
    assert_eq!(jwt["claims"]["iss"], base.as_str());
    assert!(
        jwt["claims"]["exp"].is_string(),
        "claims are strings: {jwt}"
    );
    assert_eq!(jwt["scopes"], json!(["me:read", "other"]));

    assert_eq!(
        send("GET", &s.url("/plain"), &[("authorization", &bearer)], b"")
            .await
            .status,
        200
    );
    let jwt = &lambda.last_event("me")["requestContext"]["authorizer"]["jwt"];
    assert_eq!(jwt["scopes"], Value::Null, "no scopes on the route: null");
}
