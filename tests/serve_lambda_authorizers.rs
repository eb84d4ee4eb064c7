//! Lambda (`REQUEST`) authorizers enforced by `apigw serve`: the
//! authorizer and the route's function both behind a real Invoke API server
//! on 127.0.0.1. Allow, deny, a missing identity source, a failing
//! authorizer, the simple and IAM policy answers, the context in the
//! function's event and in mappings, caching and reset-authorizers-cache.

mod common;
#[path = "common/invoke.rs"]
mod invoke;
#[path = "common/serve.rs"]
mod serve;

use invoke::{ACCOUNT, Answer, INTERNAL, Lambda, World, arn, send};
use serde_json::json;
use std::time::Duration;

const OK: &str = r#"{"statusCode":200,"body":"ok"}"#;

/// An API whose `GET /app` is behind authorizer `auth` (created with
/// `auth_args`), to function `app` (payload `version`), which maps
/// `$context.authorizer.user` into the response header `x-user`.
fn world(version: &str, auth_args: &[&str]) -> (World, String) {
    let w = World::new();
    let uri = format!(
        "arn:aws:apigateway:us-east-2:lambda:path/2015-03-31/functions/{}/invocations",
        arn("auth")
    );
    let mut args = vec![
        "create-authorizer",
        "--name",
        "auth",
        "--authorizer-type",
        "REQUEST",
        "--authorizer-uri",
        &uri,
    ];
    args.extend(auth_args);
    args.extend(["--query", "AuthorizerId"]);
    let auth = w.cmd(&args);
    let i = w.integration(
        "app",
        version,
        &[
            "--response-parameters",
            r#"{"200":{"overwrite:header.x-user":"$context.authorizer.user"}}"#,
        ],
    );
    w.route(
        "GET /app",
        &i,
        &["--authorization-type", "CUSTOM", "--authorizer-id", &auth],
    );
    w.stage("$default", &[]);
    (w, auth)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_simple_authorizer_allows_denies_and_needs_its_identity_source() {
    let lambda = Lambda::start().await;
    lambda.answer("app", Answer::Payload(OK.into()));
    let (w, _) = world(
        "2.0",
        &[
            "--authorizer-payload-format-version",
            "2.0",
            "--enable-simple-responses",
            "--identity-source",
            "$request.header.x-token",
            "--authorizer-result-ttl-in-seconds",
            "0",
        ],
    );
    let s = w.serve(&lambda);
    let get = |token: Option<&'static str>| {
        let headers: Vec<(&str, &str)> = token.iter().map(|t| ("x-token", *t)).collect();
        let url = s.url("/app?q=1");
        async move { send("GET", &url, &headers, b"").await }
    };

    let r = get(None).await;
    assert_eq!(
        (r.status, r.body.as_str()),
        (401, r#"{"message":"Unauthorized"}"#)
    );
    assert!(
        lambda.calls("auth").is_empty(),
        "no identity source, no call"
    );

    lambda.answer(
        "auth",
        Answer::Payload(r#"{"isAuthorized":true,"context":{"user":"u1","n":3}}"#.into()),
    );
    let r = get(Some("good")).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.header("x-user"), Some("u1"), "the context feeds mappings");
    let e = lambda.last_event("auth");
    assert_eq!(e["version"], "2.0");
    assert_eq!(e["type"], "REQUEST");
    assert_eq!(
        e["routeArn"],
        format!(
            "arn:aws:execute-api:us-east-2:{ACCOUNT}:{}/$default/GET/app",
            w.api
        )
    );
    assert_eq!(e["identitySource"], json!(["good"]));
    assert_eq!(e["routeKey"], "GET /app");
    assert_eq!(e["headers"]["x-token"], "good");
    assert_eq!(e["queryStringParameters"], json!({"q": "1"}));
    assert_eq!(e["requestContext"]["http"]["method"], "GET");
    assert_eq!(
        lambda.last_event("app")["requestContext"]["authorizer"],
        json!({"lambda": {"user": "u1", "n": 3}})
    );

    lambda.answer("auth", Answer::Payload(r#"{"isAuthorized":false}"#.into()));
    let r = get(Some("bad")).await;
    assert_eq!(
        (r.status, r.body.as_str()),
        (403, r#"{"message":"Forbidden"}"#)
    );

    for failing in [
        Answer::Failed(r#"{"errorMessage":"auth broke"}"#.into()),
        Answer::Payload(r#"{"policyDocument":{}}"#.into()),
        Answer::Payload("no json".into()),
    ] {
        lambda.answer("auth", failing);
        let r = get(Some("any")).await;
        assert_eq!((r.status, r.body.as_str()), (500, INTERNAL));
    }
    assert_eq!(
        lambda.calls("app").len(),
        1,
        "only the allowed request reached the function"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_iam_policy_authorizer_with_payload_1_0() {
    let lambda = Lambda::start().await;
    lambda.answer("app", Answer::Payload(OK.into()));
    let (w, _) = world(
        "1.0",
        &[
            "--authorizer-payload-format-version",
            "1.0",
            "--identity-source",
            "$request.header.x-token",
            "$request.querystring.k",
            "--authorizer-result-ttl-in-seconds",
            "0",
        ],
    );
    let s = w.serve(&lambda);
    let policy = |effect: &str, resource: &str| {
        format!(
            r#"{{"principalId":"user-9","policyDocument":{{"Version":"2012-10-17","Statement":[{{"Action":"execute-api:Invoke","Effect":"{effect}","Resource":"{resource}"}}]}},"context":{{"user":"u9"}}}}"#
        )
    };
    let any_route = format!("arn:aws:execute-api:us-east-2:{ACCOUNT}:{}/*/GET/*", w.api);
    lambda.answer("auth", Answer::Payload(policy("Allow", &any_route)));
    let r = send("GET", &s.url("/app?k=v1&k=v2"), &[("x-token", "t")], b"").await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.header("x-user"), Some("u9"));
    let e = lambda.last_event("auth");
    assert_eq!(e["version"], "1.0");
    assert_eq!(e["type"], "REQUEST");
    assert_eq!(
        e["methodArn"],
        format!(
            "arn:aws:execute-api:us-east-2:{ACCOUNT}:{}/$default/GET/app",
            w.api
        )
    );
    assert_eq!(e["identitySource"], "t,v1,v2");
    assert_eq!(
        e["multiValueQueryStringParameters"]["k"],
        json!(["v1", "v2"])
    );
    let a = &lambda.last_event("app")["requestContext"]["authorizer"];
    assert_eq!(
        (a["user"].as_str(), a["principalId"].as_str()),
        (Some("u9"), Some("user-9"))
    );

    // A query identity source missing: 401.
    let r = send("GET", &s.url("/app"), &[("x-token", "t")], b"").await;
    assert_eq!(r.status, 401);
    // A policy for another resource, or a Deny: 403.
    let other = format!("arn:aws:execute-api:us-east-2:{ACCOUNT}:{}/*/POST/*", w.api);
    for answer in [policy("Allow", &other), policy("Deny", "*")] {
        lambda.answer("auth", Answer::Payload(answer));
        let r = send("GET", &s.url("/app?k=1"), &[("x-token", "t")], b"").await;
        assert_eq!(
            (r.status, r.body.as_str()),
            (403, r#"{"message":"Forbidden"}"#)
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn answers_are_cached_by_identity_until_the_ttl_or_a_reset() {
    let lambda = Lambda::start().await;
    lambda.answer("app", Answer::Payload(OK.into()));
    lambda.answer(
        "auth",
        Answer::Payload(r#"{"isAuthorized":true,"context":{"user":"c"}}"#.into()),
    );
    let (w, auth) = world(
        "2.0",
        &[
            "--authorizer-payload-format-version",
            "2.0",
            "--enable-simple-responses",
            "--identity-source",
            "$request.header.x-token",
            "--authorizer-result-ttl-in-seconds",
            "300",
        ],
    );
    let s = w.serve(&lambda);
    let get = |token: &'static str| {
        let url = s.url("/app");
        async move { send("GET", &url, &[("x-token", token)], b"").await.status }
    };
    let calls = || lambda.calls("auth").len();

    assert_eq!(get("a").await, 200);
    assert_eq!(get("a").await, 200);
    assert_eq!(calls(), 1, "the second request is answered from the cache");
    assert_eq!(
        lambda.last_event("app")["requestContext"]["authorizer"]["lambda"]["user"],
        "c"
    );
    assert_eq!(get("b").await, 200);
    assert_eq!(calls(), 2, "another identity is another key");

    // Denials are cached too.
    lambda.answer("auth", Answer::Payload(r#"{"isAuthorized":false}"#.into()));
    assert_eq!(get("a").await, 200, "still the cached allow");
    assert_eq!(calls(), 2);

    assert_eq!(
        w.cmd(&["reset-authorizers-cache", "--stage-name", "$default"]),
        ""
    );
    assert_eq!(
        get("a").await,
        403,
        "after the reset the authorizer is asked again"
    );
    assert_eq!(calls(), 3);
    assert_eq!(get("a").await, 403);
    assert_eq!(calls(), 3);

    // A TTL of one second: the answer is asked for again once it expires.
    w.cmd(&[
        "update-authorizer",
        "--authorizer-id",
        &auth,
        "--authorizer-result-ttl-in-seconds",
        "1",
    ]);
    common::eventually("the reload", Duration::from_secs(10), || async {
        s.stderr_has("reloaded")
    })
    .await;
    lambda.answer("auth", Answer::Payload(r#"{"isAuthorized":true}"#.into()));
    assert_eq!(get("ttl").await, 200);
    let asked = calls();
    common::eventually("the answer to expire", Duration::from_secs(15), || async {
        get("ttl").await;
        calls() > asked
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn context_and_stage_variable_identity_sources() {
    let lambda = Lambda::start().await;
    lambda.answer("app", Answer::Payload(OK.into()));
    lambda.answer("auth", Answer::Payload(r#"{"isAuthorized":true}"#.into()));
    let w = World::new();
    let auth = w.cmd(&[
        "create-authorizer",
        "--name",
        "ctx",
        "--authorizer-type",
        "REQUEST",
        "--authorizer-uri",
        &arn("auth"),
        "--authorizer-payload-format-version",
        "2.0",
        "--enable-simple-responses",
        "--identity-source",
        "$context.identity.sourceIp",
        "$stageVariables.tenant",
        "--query",
        "AuthorizerId",
    ]);
    let i = w.integration("app", "2.0", &[]);
    w.route(
        "GET /a",
        &i,
        &["--authorization-type", "CUSTOM", "--authorizer-id", &auth],
    );
    w.stage("with", &["--stage-variables", "tenant=t1"]);
    w.stage("without", &[]);
    let s = w.serve(&lambda);
    assert_eq!(send("GET", &s.url("/with/a"), &[], b"").await.status, 200);
    assert_eq!(
        lambda.last_event("auth")["identitySource"],
        json!(["127.0.0.1", "t1"])
    );
    assert_eq!(
        send("GET", &s.url("/without/a"), &[], b"").await.status,
        401
    );
}
