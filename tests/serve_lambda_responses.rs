//! How `apigw serve` reads a Lambda proxy integration's answer (SPEC
//! section 8): 2.0 status inference, cookies, base64, 1.0
//! `multiValueHeaders`, response mappings; and the 500 for a function
//! error, a malformed answer, an unknown function, a dead endpoint and no
//! endpoint at all, with the reason in the serve log.

mod common;
#[path = "common/invoke.rs"]
mod invoke;
#[path = "common/serve.rs"]
mod serve;

use invoke::{Answer, INTERNAL, Lambda, World, send};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn v2_answers_are_read_by_the_services_rules() {
    let lambda = Lambda::start().await;
    let w = World::new();
    let i = w.integration("f", "2.0", &[]);
    w.route("$default", &i, &[]);
    w.stage("$default", &[]);
    let s = w.serve(&lambda);
    let url = s.url("/x");
    let get = || send("GET", &url, &[], b"");

    // Not an object with statusCode: 200, application/json, the JSON as it is.
    lambda.answer("f", Answer::Payload(r#"{"hello":"world"}"#.into()));
    let r = get().await;
    assert_eq!((r.status, r.body.as_str()), (200, r#"{"hello":"world"}"#));
    assert_eq!(r.header("content-type"), Some("application/json"));
    lambda.answer("f", Answer::Payload(r#""just text""#.into()));
    assert_eq!(get().await.body, r#""just text""#);

    // A structured answer, with cookies and a base64 body.
    lambda.answer(
        "f",
        Answer::Payload(
            r#"{"statusCode":201,"headers":{"content-type":"image/gif","x-n":7},"cookies":["a=1; Path=/","b=2"],"body":"R0lG","isBase64Encoded":true}"#.into(),
        ),
    );
    let r = get().await;
    assert_eq!(r.status, 201);
    assert_eq!(r.header("content-type"), Some("image/gif"));
    assert_eq!(r.header("x-n"), Some("7"));
    let cookies: Vec<_> = r
        .headers
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap())
        .collect();
    assert_eq!(cookies, ["a=1; Path=/", "b=2"]);
    assert_eq!(r.body, "GIF");
    assert!(r.header("apigw-requestid").is_some());

    // 2.0 has no multiValueHeaders: they are ignored.
    lambda.answer(
        "f",
        Answer::Payload(r#"{"statusCode":204,"multiValueHeaders":{"x-m":["1"]}}"#.into()),
    );
    let r = get().await;
    assert_eq!((r.status, r.header("x-m")), (204, None));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn v1_answers_merge_headers_and_multi_value_headers() {
    let lambda = Lambda::start().await;
    let w = World::new();
    let i = w.integration("g", "1.0", &[]);
    w.route("$default", &i, &[]);
    w.stage("$default", &[]);
    let s = w.serve(&lambda);

    lambda.answer(
        "g",
        Answer::Payload(
            r#"{"statusCode":202,"headers":{"x-one":"1","x-both":"h"},"multiValueHeaders":{"x-both":["m1","m2"],"set-cookie":["a=1","b=2"]},"body":"done","isBase64Encoded":false}"#.into(),
        ),
    );
    let r = send("GET", &s.url("/x"), &[], b"").await;
    assert_eq!((r.status, r.body.as_str()), (202, "done"));
    assert_eq!(r.header("x-one"), Some("1"));
    let both: Vec<_> = r
        .headers
        .get_all("x-both")
        .iter()
        .map(|v| v.to_str().unwrap())
        .collect();
    assert_eq!(both, ["m1", "m2"]);
    assert_eq!(r.headers.get_all("set-cookie").iter().count(), 2);

    // 1.0 needs statusCode.
    lambda.answer("g", Answer::Payload(r#"{"hello":"world"}"#.into()));
    let r = send("GET", &s.url("/x"), &[], b"").await;
    assert_eq!((r.status, r.body.as_str()), (500, INTERNAL));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn failures_answer_500_with_the_reason_in_the_log() {
    let lambda = Lambda::start().await;
    let w = World::new();
    let i = w.integration("h", "2.0", &[]);
    w.route("$default", &i, &[]);
    w.stage("$default", &[]);
    let s = w.serve(&lambda);
    let url = s.url("/x");
    let get = || send("GET", &url, &[], b"");

    lambda.answer(
        "h",
        Answer::Failed(r#"{"errorMessage":"boom happened","errorType":"ValueError"}"#.into()),
    );
    let r = get().await;
    assert_eq!((r.status, r.body.as_str()), (500, INTERNAL));
    assert_eq!(r.header("content-type"), Some("application/json"));
    common::eventually(
        "the reason in the log",
        std::time::Duration::from_secs(5),
        || async { s.stderr_has("ValueError: boom happened") },
    )
    .await;

    for (answer, reason) in [
        (Answer::Payload("not json".into()), "is not JSON"),
        (
            Answer::Payload(r#"{"statusCode":"x"}"#.into()),
            "is not a status code",
        ),
        (
            Answer::Payload(r#"{"statusCode":200,"body":"%%","isBase64Encoded":true}"#.into()),
            "not valid base64",
        ),
        (
            Answer::Status(500, r#"{"message":"ServiceException"}"#.into()),
            "answered 500",
        ),
    ] {
        lambda.answer("h", answer);
        let r = get().await;
        assert_eq!((r.status, r.body.as_str()), (500, INTERNAL));
        common::eventually(reason, std::time::Duration::from_secs(5), || async {
            s.stderr_has(reason)
        })
        .await;
    }

    // A function the endpoint does not know.
    let j = w.integration("missing", "2.0", &[]);
    w.route("GET /missing", &j, &[]);
    common::eventually(
        "the new route",
        std::time::Duration::from_secs(10),
        || async {
            let r = send("GET", &s.url("/missing"), &[], b"").await;
            r.status == 500 && s.stderr_has("function not found")
        },
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dead_endpoint_or_none_answers_500() {
    let w = World::new();
    let i = w.integration("f", "2.0", &[]);
    w.route("$default", &i, &[]);
    w.stage("$default", &[]);
    // A port that listened a moment ago and no longer does.
    let dead = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let url = format!("http://{dead}");
    let s = serve::Serve::start(&w.ws, &["--lambda-endpoint-url", &url], None);
    let r = send("GET", &s.url("/x"), &[], b"").await;
    assert_eq!((r.status, r.body.as_str()), (500, INTERNAL));
    common::eventually("the reason", std::time::Duration::from_secs(5), || async {
        s.stderr_has("cannot connect to the Lambda endpoint")
    })
    .await;

    let plain = serve::Serve::start(&w.ws, &[], None);
    let r = send("GET", &plain.url("/x"), &[], b"").await;
    assert_eq!((r.status, r.body.as_str()), (500, INTERNAL));
    common::eventually("the reason", std::time::Duration::from_secs(5), || async {
        plain.stderr_has("function not found: f: the workspace defines no such function")
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn response_mappings_and_qualifiers_apply_to_lambda_routes() {
    let lambda = Lambda::start().await;
    lambda.answer(
        "q",
        Answer::Payload(r#"{"statusCode":200,"headers":{"x-secret":"s"},"body":"ok"}"#.into()),
    );
    let w = World::new();
    let uri = invoke::arn("q:live");
    let i = w.cmd(&[
        "create-integration", "--integration-type", "AWS_PROXY", "--integration-uri", &uri,
        "--payload-format-version", "2.0",
        "--response-parameters", r#"{"200":{"overwrite:statuscode":"203","remove:header.x-secret":"''","append:header.x-stage":"$context.stage"}}"#,
        "--query", "IntegrationId",
    ]);
    w.route("$default", &i, &[]);
    w.stage("$default", &[]);
    let s = w.serve(&lambda);
    let r = send("GET", &s.url("/x"), &[], b"").await;
    assert_eq!(r.status, 203, "{}", r.body);
    assert_eq!(r.header("x-secret"), None);
    assert_eq!(r.header("x-stage"), Some("$default"));
    let call = lambda.calls("q").pop().unwrap();
    assert_eq!(call.query.as_deref(), Some("Qualifier=live"));
}
