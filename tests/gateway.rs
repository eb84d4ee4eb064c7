//! `apigw serve` end to end: real backends and the gateway on 127.0.0.1,
//! workspaces made with the real operations, requests over real sockets.

mod common;

use apigw::model::{TargetHealthCheck, TlsConfig};
use apigw::ops;
use common::*;
use std::collections::HashMap;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const NOT_FOUND: &str = r#"{"message":"Not Found"}"#;
const INTERNAL: &str = r#"{"message":"Internal Server Error"}"#;
const UNAVAILABLE: &str = r#"{"message":"Service Unavailable"}"#;

fn params(pairs: &[(&str, &str)]) -> apigw::model::StringMap {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn seed_listener_integration_reaches_the_backend_with_the_stage_in_the_path() {
    let backend = Backend::start("alb-target").await;
    let setup = Setup::new();
    let id = setup.private_integration(LISTENER_ARN, |_| {});
    setup.route("GET /route-path", &id);
    setup.stage("test", &[]);
    setup.register_targets(&[backend.addr]);
    let gw = setup.serve();

    let r = get(&gw.url("/test/route-path?color=red&size=2")).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let echo = r.json();
    assert_eq!(echo["backend"], "alb-target");
    assert_eq!(echo["path"], "/test/route-path");
    assert_eq!(echo["query"], "color=red&size=2");
    assert_eq!(echo["method"], "GET");
    let id = r.header("apigw-requestid").expect("apigw-requestid");
    assert_eq!(id.len(), 16);
    assert_eq!(r.header("x-backend"), Some("alb-target"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn seed_cloud_map_integration_sends_green_traffic_to_green_instances_only() {
    let green1 = Backend::start("green-1").await;
    let green2 = Backend::start("green-2").await;
    let blue = Backend::start("blue").await;
    let staging = Backend::start("staging-green").await;
    let setup = Setup::new();
    let id = setup.private_integration(CLOUD_MAP_URI, |_| {});
    setup.route("ANY /{proxy+}", &id);
    setup.stage("test", &[]);
    let green = [("stage", "prod"), ("deployment", "green_deployment")];
    setup.register_instance("green-1", green1.addr, &green);
    setup.register_instance("green-2", green2.addr, &green);
    setup.register_instance(
        "blue",
        blue.addr,
        &[("stage", "prod"), ("deployment", "blue_deployment")],
    );
    setup.register_instance(
        "staging",
        staging.addr,
        &[("stage", "staging"), ("deployment", "green_deployment")],
    );
    let gw = setup.serve();

    let client = client();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for _ in 0..20 {
        let r = call(&client, "GET", &gw.url("/test/orders"), &[]).await;
        assert_eq!(r.status, 200, "{}", r.body);
        assert_eq!(r.json()["path"], "/test/orders");
        *seen
            .entry(r.json()["backend"].as_str().unwrap().into())
            .or_default() += 1;
    }
    assert_eq!(blue.hits(), 0, "a blue instance got green traffic");
    assert_eq!(staging.hits(), 0, "a staging instance got prod traffic");
    assert_eq!(seen["green-1"], 10);
    assert_eq!(seen["green-2"], 10);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn custom_health_status_unhealthy_instances_get_no_traffic() {
    let a = Backend::start("a").await;
    let b = Backend::start("b").await;
    let setup = Setup::new();
    let id = setup.private_integration(CLOUD_MAP_URI, |_| {});
    setup.route("GET /x", &id);
    setup.stage("$default", &[]);
    let green = [("stage", "prod"), ("deployment", "green_deployment")];
    setup.register_instance("a", a.addr, &green);
    setup.register_instance("b", b.addr, &green);
    setup.change(|ws| {
        ops::update_instance_custom_health_status(
            ws,
            ops::UpdateInstanceCustomHealthStatusRequest {
                service_id: "srv-id".into(),
                instance_id: "b".into(),
                status: "UNHEALTHY".into(),
            },
        )
    });
    let gw = setup.serve();
    let client = client();
    for _ in 0..6 {
        let r = call(&client, "GET", &gw.url("/x"), &[]).await;
        assert_eq!(r.json()["backend"], "a");
    }
    assert_eq!(b.hits(), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn requests_spread_evenly_across_healthy_targets() {
    let backends = [
        Backend::start("t1").await,
        Backend::start("t2").await,
        Backend::start("t3").await,
    ];
    let setup = Setup::new();
    let id = setup.private_integration(LISTENER_ARN, |_| {});
    setup.route("GET /spread", &id);
    setup.stage("$default", &[]);
    setup.register_targets(&backends.iter().map(|b| b.addr).collect::<Vec<_>>());
    let gw = setup.serve();
    let client = client();
    for _ in 0..30 {
        let r = call(&client, "GET", &gw.url("/spread"), &[]).await;
        assert_eq!(r.status, 200);
    }
    for b in &backends {
        assert_eq!(b.hits(), 10, "{} got {} of 30", b.name, b.hits());
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_killed_backend_leaves_rotation_and_returns_when_it_comes_back() {
    let steady = Backend::start("steady").await;
    let mut flaky = Backend::start("flaky").await;
    let flaky_addr = flaky.addr;
    let setup = Setup::new();
    let id = setup.private_integration(LISTENER_ARN, |_| {});
    setup.route("GET /work", &id);
    setup.stage("$default", &[]);
    setup.register_targets(&[steady.addr, flaky.addr]);
    setup.change(|ws| {
        ws.elbv2
            .listeners
            .get_mut(LISTENER_ARN)
            .unwrap()
            .health_check = Some(TargetHealthCheck {
            health_check_interval_seconds: Some(1),
            healthy_threshold_count: Some(1),
            unhealthy_threshold_count: Some(1),
            ..Default::default()
        });
        Ok(())
    });
    let gw = setup.serve();
    let url = gw.url("/work");

    flaky.kill();
    // At most one request may still be sent its way (and answer 503);
    // after that it is out of rotation.
    let mut unavailable = 0;
    for _ in 0..10 {
        let r = get(&url).await;
        match r.status {
            200 => assert_eq!(r.json()["backend"], "steady"),
            503 => {
                assert_eq!(r.body, UNAVAILABLE);
                unavailable += 1;
            }
            other => panic!("unexpected {other}: {}", r.body),
        }
    }
    assert!(unavailable <= 1, "{unavailable} requests failed");
    let before = steady.hits();
    for _ in 0..4 {
        assert_eq!(get(&url).await.json()["backend"], "steady");
    }
    assert_eq!(steady.hits(), before + 4);

    // The same address comes back; active checks return it to rotation.
    let mut revived = None;
    for _ in 0..50 {
        if let Ok(l) = std::net::TcpListener::bind(flaky_addr) {
            drop(l);
            revived = Some(Backend::start_at("flaky", flaky_addr, None).await);
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let revived = revived.expect("the port can be bound again");
    eventually(
        "the revived backend to get traffic",
        Duration::from_secs(10),
        || async { get(&url).await.json()["backend"] == "flaky" },
    )
    .await;
    assert!(revived.hits() >= 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_slow_backend_answers_503_after_the_integration_timeout() {
    let backend = Backend::start("slow").await;
    let setup = Setup::new();
    let id = setup.private_integration(LISTENER_ARN, |r| r.timeout_in_millis = Some(200));
    setup.route("GET /slow", &id);
    setup.stage("$default", &[]);
    setup.register_targets(&[backend.addr]);
    let gw = setup.serve();

    let started = std::time::Instant::now();
    let r = call(
        &client(),
        "GET",
        &gw.url("/slow"),
        &[("x-test-delay-ms", "3000")],
    )
    .await;
    assert_eq!(r.status, 503);
    assert_eq!(r.body, UNAVAILABLE);
    assert_eq!(r.header("content-length"), Some("33"));
    assert!(r.header("apigw-requestid").is_some());
    assert!(started.elapsed() < Duration::from_millis(2500));
    // A slow backend is not a dead one: it stays in rotation.
    let r = get(&gw.url("/slow")).await;
    assert_eq!(r.status, 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unreachable_backend_answers_503() {
    // A port that was just free: nothing listens there.
    let free = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let setup = Setup::new();
    let id = setup.private_integration(LISTENER_ARN, |_| {});
    setup.route("GET /down", &id);
    setup.stage("$default", &[]);
    setup.register_targets(&[free]);
    let gw = setup.serve();
    for _ in 0..2 {
        let r = get(&gw.url("/down")).await;
        assert_eq!(r.status, 503);
        assert_eq!(r.body, UNAVAILABLE);
        assert!(r.header("apigw-requestid").is_some());
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tls_to_the_backend_verifies_the_server_name() {
    let pki = pki("backend.internal");
    let backend = Backend::start_tls("tls-target", pki.server.clone()).await;
    let mut setup = Setup::new();
    setup.trust(&pki.ca_pem);
    let tls = |name: &str| {
        let name = name.to_string();
        move |r: &mut apigw::model::CreateIntegrationRequest| {
            r.tls_config = Some(TlsConfig {
                server_name_to_verify: Some(name),
            })
        }
    };
    let good = setup.private_integration(LISTENER_ARN, tls("backend.internal"));
    let bad = setup.private_integration(LISTENER_ARN, tls("other.internal"));
    setup.route("GET /good", &good);
    setup.route("GET /bad", &bad);
    setup.stage("$default", &[]);
    setup.register_targets(&[backend.addr]);
    let gw = setup.serve();

    let r = get(&gw.url("/good")).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.json()["sni"], "backend.internal");
    assert_eq!(r.seen_header("host").as_deref(), Some("backend.internal"));

    let r = get(&gw.url("/bad")).await;
    assert_eq!(r.status, 500);
    assert_eq!(r.body, INTERNAL);
    assert!(r.header("apigw-requestid").is_some());
    // A name mismatch is a misconfiguration, not an outage: still in rotation.
    assert_eq!(get(&gw.url("/good")).await.status, 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn parameter_mappings_change_the_request_and_the_response() {
    let backend = Backend::start("mapped").await;
    let setup = Setup::new();
    let id = setup.private_integration(LISTENER_ARN, |r| {
        r.request_parameters = Some(params(&[
            ("append:header.x-copied", "$request.header.x-source"),
            (
                "overwrite:header.x-context",
                "${context.stage}:${stageVariables.flavour}",
            ),
            ("remove:header.x-secret", "''"),
            ("overwrite:querystring.id", "$request.path.id"),
            ("remove:querystring.drop", "''"),
            ("overwrite:path", "$request.path"),
        ]));
        let mut response = apigw::model::ResponseParameters::new();
        response.insert(
            "200".into(),
            params(&[
                ("overwrite:statuscode", "202"),
                ("append:header.x-answered-by", "$response.header.x-backend"),
                ("remove:header.x-backend", "''"),
            ]),
        );
        r.response_parameters = Some(response);
    });
    setup.route("GET /pets/{id}", &id);
    setup.stage("test", &[("flavour", "mint")]);
    setup.register_targets(&[backend.addr]);
    let gw = setup.serve();

    let r = call(
        &client(),
        "GET",
        &gw.url("/test/pets/42?drop=1&keep=yes"),
        &[("x-source", "from-client"), ("x-secret", "s3cr3t")],
    )
    .await;
    assert_eq!(r.status, 202, "{}", r.body);
    assert_eq!(r.header("x-answered-by"), Some("mapped"));
    assert_eq!(r.header("x-backend"), None);
    let echo = r.json();
    // overwrite:path = $request.path takes the stage out.
    assert_eq!(echo["path"], "/pets/42");
    assert_eq!(echo["query"], "keep=yes&id=42");
    assert_eq!(r.seen_header("x-copied").as_deref(), Some("from-client"));
    assert_eq!(r.seen_header("x-context").as_deref(), Some("test:mint"));
    assert_eq!(r.seen_header("x-secret"), None);

    // Another status: no response mapping applies.
    let r = call(
        &client(),
        "GET",
        &gw.url("/test/pets/1"),
        &[("x-test-status", "404")],
    )
    .await;
    assert_eq!(r.status, 404);
    assert_eq!(r.header("x-backend"), Some("mapped"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_default_stage_serves_the_root_and_named_stages_their_prefix() {
    let backend = Backend::start("b").await;
    let setup = Setup::new();
    let id = setup.private_integration(LISTENER_ARN, |r| {
        r.request_parameters = Some(params(&[("overwrite:header.x-stage", "$context.stage")]));
    });
    setup.route("GET /route-path", &id);
    setup.stage("$default", &[]);
    setup.stage("test", &[]);
    setup.register_targets(&[backend.addr]);
    let gw = setup.serve();

    let r = get(&gw.url("/route-path")).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["path"], "/route-path");
    assert_eq!(r.seen_header("x-stage").as_deref(), Some("$default"));

    let r = get(&gw.url("/test/route-path")).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["path"], "/test/route-path");
    assert_eq!(r.seen_header("x-stage").as_deref(), Some("test"));

    // Not a stage: the $default stage sees /prod/route-path, which no route matches.
    let r = get(&gw.url("/prod/route-path")).await;
    assert_eq!(r.status, 404);
    assert_eq!(r.body, NOT_FOUND);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unmatched_requests_get_the_not_found_body() {
    let backend = Backend::start("b").await;
    let setup = Setup::new();
    let id = setup.private_integration(LISTENER_ARN, |_| {});
    setup.route("GET /pets", &id);
    setup.stage("test", &[]);
    setup.register_targets(&[backend.addr]);
    let gw = setup.serve();
    for (method, path) in [
        ("GET", "/"),
        ("GET", "/pets"),
        ("GET", "/other/pets"),
        ("GET", "/test/dogs"),
        ("POST", "/test/pets"),
    ] {
        let r = call(&client(), method, &gw.url(path), &[]).await;
        assert_eq!(r.status, 404, "{method} {path}");
        assert_eq!(r.body, NOT_FOUND, "{method} {path}");
        assert_eq!(r.header("content-type"), Some("application/json"));
        assert!(r.header("apigw-requestid").is_some());
    }
    assert_eq!(backend.hits(), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_most_specific_route_wins() {
    let backend = Backend::start("b").await;
    let setup = Setup::new();
    let id = setup.private_integration(LISTENER_ARN, |r| {
        r.integration_method = Some("ANY".into());
        r.request_parameters = Some(params(&[("overwrite:header.x-route", "$context.routeKey")]));
    });
    for key in [
        "GET /pets/dog/1",
        "GET /pets/dog/{id}",
        "GET /pets/{proxy+}",
        "ANY /{proxy+}",
        "$default",
    ] {
        setup.route(key, &id);
    }
    setup.stage("$default", &[]);
    setup.register_targets(&[backend.addr]);
    let gw = setup.serve();
    for (method, path, route) in [
        ("GET", "/pets/dog/1", "GET /pets/dog/1"),
        ("GET", "/pets/dog/2", "GET /pets/dog/{id}"),
        ("GET", "/pets/cat/1", "GET /pets/{proxy+}"),
        ("POST", "/pets/cat/1", "ANY /{proxy+}"),
        ("GET", "/", "$default"),
    ] {
        let r = call(&client(), method, &gw.url(path), &[]).await;
        assert_eq!(r.status, 200, "{method} {path}");
        assert_eq!(
            r.seen_header("x-route").as_deref(),
            Some(route),
            "{method} {path}"
        );
        assert_eq!(r.json()["method"], method, "ANY keeps the client's method");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn internet_integrations_substitute_path_variables_and_pass_the_query() {
    let backend = Backend::start("web").await;
    let setup = Setup::new();
    let proxied = setup.url_integration(
        &format!("http://{}/base/{{proxy}}?fixed=1", backend.addr),
        |_| {},
    );
    let by_id = setup.url_integration(
        &format!("http://{}/items/{{id}}/detail", backend.addr),
        |_| {},
    );
    let whole = setup.url_integration(&format!("http://{}/root", backend.addr), |_| {});
    setup.route("ANY /api/{proxy+}", &proxied);
    setup.route("GET /item/{id}", &by_id);
    setup.route("$default", &whole);
    setup.stage("dev", &[]);
    let gw = setup.serve();

    let r = call(&client(), "POST", &gw.url("/dev/api/a/b?q=1"), &[]).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["path"], "/base/a/b");
    assert_eq!(r.json()["query"], "fixed=1&q=1");
    assert_eq!(r.json()["method"], "POST");
    assert_eq!(r.seen_header("host"), Some(backend.addr.to_string()));

    let r = get(&gw.url("/dev/item/7?x=y")).await;
    assert_eq!(r.json()["path"], "/items/7/detail");
    assert_eq!(r.json()["query"], "x=y");

    // $default sends the whole request path (after the stage).
    let r = get(&gw.url("/dev/store/checkout")).await;
    assert_eq!(r.json()["path"], "/root/store/checkout");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hop_by_hop_headers_are_stripped_and_forwarding_headers_added() {
    let backend = Backend::start("b").await;
    let setup = Setup::new();
    let id = setup.private_integration(LISTENER_ARN, |_| {});
    setup.route("GET /hop", &id);
    setup.stage("$default", &[]);
    setup.register_targets(&[backend.addr]);
    let gw = setup.serve();

    // Written by hand, so that exactly these headers are sent.
    let mut stream = tokio::net::TcpStream::connect(gw.addr).await.unwrap();
    let request = "GET /hop HTTP/1.1\r\n\
        Host: api.example.com\r\n\
        Connection: close, x-hop-req\r\n\
        X-Hop-Req: secret\r\n\
        Keep-Alive: timeout=99\r\n\
        TE: trailers\r\n\
        Proxy-Authorization: Basic Zm9vOmJhcg==\r\n\
        X-Forwarded-For: 203.0.113.9\r\n\
        X-End-To-End: kept\r\n\r\n";
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).await.unwrap();
    let raw = String::from_utf8(raw).unwrap();
    let (head, body) = raw.split_once("\r\n\r\n").unwrap();
    let head = head.to_ascii_lowercase();
    assert!(head.starts_with("http/1.1 200"), "{head}");
    assert!(head.contains("apigw-requestid: "), "{head}");
    assert!(!head.contains("x-hop-resp"), "{head}");
    assert!(!head.contains("keep-alive"), "{head}");
    let echo: serde_json::Value = serde_json::from_str(body).unwrap();
    let seen = &echo["headers"];
    for gone in [
        "connection",
        "x-hop-req",
        "keep-alive",
        "te",
        "proxy-authorization",
    ] {
        assert!(seen.get(gone).is_none(), "{gone} was forwarded: {seen}");
    }
    assert_eq!(seen["x-end-to-end"], "kept");
    assert_eq!(seen["host"], "api.example.com");
    assert_eq!(seen["x-forwarded-for"], "203.0.113.9, 127.0.0.1");
    assert_eq!(seen["x-forwarded-proto"], "http");
    assert_eq!(seen["x-forwarded-port"], gw.addr.port().to_string());
    let trace = seen["x-amzn-trace-id"].as_str().unwrap();
    assert!(
        trace.starts_with("Root=1-") && trace.len() == 7 + 8 + 1 + 24,
        "{trace}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lambda_integrations_answer_500() {
    let setup = Setup::new();
    let id = setup.change(|ws| {
        ops::create_integration(
            ws,
            apigw::model::CreateIntegrationRequest {
                api_id: setup.api_id.clone(),
                integration_type: "AWS_PROXY".into(),
                integration_uri: Some(
                    "arn:aws:lambda:us-east-2:123456789012:function:my-function".into(),
                ),
                payload_format_version: Some("2.0".into()),
                ..Default::default()
            },
        )
    });
    setup.route("GET /fn", &id.integration_id);
    setup.stage("$default", &[]);
    let gw = setup.serve();
    let r = get(&gw.url("/fn")).await;
    assert_eq!(r.status, 500);
    assert_eq!(r.body, INTERNAL);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_workspace_change_is_picked_up_live_and_an_invalid_one_ignored() {
    let backend = Backend::start("b").await;
    let setup = Setup::new();
    let id = setup.private_integration(LISTENER_ARN, |_| {});
    setup.route("GET /old", &id);
    setup.stage("$default", &[]);
    setup.register_targets(&[backend.addr]);
    let gw = setup.serve();

    // One keep-alive connection throughout: a reload does not drop it.
    let client = client();
    assert_eq!(call(&client, "GET", &gw.url("/old"), &[]).await.status, 200);
    assert_eq!(call(&client, "GET", &gw.url("/new"), &[]).await.status, 404);

    let changed = std::time::Instant::now();
    setup.route("GET /new", &id);
    eventually("the new route", Duration::from_secs(5), || async {
        call(&client, "GET", &gw.url("/new"), &[]).await.status == 200
    })
    .await;
    assert!(
        changed.elapsed() < Duration::from_secs(2),
        "took {:?}",
        changed.elapsed()
    );

    // A broken file is reported and ignored.
    let good = std::fs::read_to_string(&setup.path).unwrap();
    std::fs::write(&setup.path, format!("{good}\n[[[ not toml")).unwrap();
    let broken_at = std::time::Instant::now();
    while broken_at.elapsed() < Duration::from_millis(800) {
        assert_eq!(call(&client, "GET", &gw.url("/new"), &[]).await.status, 200);
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    // And a good file after it is picked up again.
    std::fs::write(&setup.path, &good).unwrap();
    setup.change(|ws| {
        ws.routes
            .get_mut(&setup.api_id)
            .unwrap()
            .retain(|_, r| r.route_key != "GET /old");
        Ok(())
    });
    eventually(
        "the removed route to go",
        Duration::from_secs(5),
        || async { call(&client, "GET", &gw.url("/old"), &[]).await.status == 404 },
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shutdown_lets_an_in_flight_request_finish() {
    let backend = Backend::start("slowish").await;
    let setup = Setup::new();
    let id = setup.private_integration(LISTENER_ARN, |_| {});
    setup.route("GET /long", &id);
    setup.stage("$default", &[]);
    setup.register_targets(&[backend.addr]);
    let mut gw = setup.serve();
    let url = gw.url("/long");
    let addr = gw.addr;

    let in_flight =
        tokio::spawn(
            async move { call(&client(), "GET", &url, &[("x-test-delay-ms", "700")]).await },
        );
    backend.arrived.notified().await;
    let handle = gw.handle.take().unwrap();
    let stopping = tokio::task::spawn_blocking(move || handle.shutdown());

    let r = in_flight.await.unwrap();
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["backend"], "slowish");
    stopping.await.unwrap();
    assert!(
        tokio::net::TcpStream::connect(addr).await.is_err(),
        "still listening"
    );
}

/// `describe-target-health` of the seed's listener, on the workspace as
/// it is now.
async fn describe_target_health(setup: &Setup) -> ops::DescribeTargetHealthResponse {
    let ws = apigw::workspace::load_path(&setup.path).unwrap().workspace;
    tokio::task::spawn_blocking(move || {
        ops::describe_target_health(
            &ws,
            ops::DescribeTargetHealthRequest {
                listener_arn: LISTENER_ARN.into(),
                targets: None,
            },
        )
        .unwrap()
    })
    .await
    .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn describe_target_health_checks_the_targets_now() {
    let up = Backend::start("up").await;
    let down = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let setup = Setup::new();
    setup.register_targets(&[up.addr, down]);
    let out = describe_target_health(&setup).await;
    let states: Vec<(u16, String, Option<String>)> = out
        .target_health_descriptions
        .iter()
        .map(|d| {
            (
                d.target.port.unwrap() as u16,
                d.target_health.state.clone(),
                d.target_health.reason.clone(),
            )
        })
        .collect();
    assert_eq!(
        states,
        vec![
            (up.addr.port(), "healthy".into(), None),
            (
                down.port(),
                "unhealthy".into(),
                Some("Target.FailedHealthChecks".into())
            ),
        ]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn request_and_response_bodies_stream_through() {
    use http_body_util::BodyExt;
    let backend = Backend::start("streamer").await;
    let setup = Setup::new();
    let id = setup.private_integration(LISTENER_ARN, |r| r.integration_method = Some("ANY".into()));
    setup.route("POST /stream", &id);
    setup.stage("$default", &[]);
    setup.register_targets(&[backend.addr]);
    let gw = setup.serve();

    let client: hyper_util::client::legacy::Client<_, streaming::Chunks> =
        hyper_util::client::legacy::Client::builder(hyper_util::rt::TokioExecutor::new())
            .build_http();
    let (tx, body) = streaming::channel();
    tx.send(bytes::Bytes::from_static(b"one\n")).unwrap();
    let req = http::Request::post(gw.url("/stream")).body(body).unwrap();
    let resp = client.request(req).await.unwrap();
    assert_eq!(resp.status(), 200);
    let mut body = resp.into_body();
    // The backend's answer to the first chunk arrives while the request is
    // still open: neither direction waits for the whole body.
    let mut seen = String::new();
    while !seen.contains("one\n") {
        let frame = body.frame().await.expect("more body").unwrap();
        seen.push_str(std::str::from_utf8(frame.data_ref().unwrap()).unwrap());
    }
    assert_eq!(seen, "start\none\n");
    tx.send(bytes::Bytes::from_static(b"two\n")).unwrap();
    drop(tx);
    let rest = body.collect().await.unwrap().to_bytes();
    let rest = String::from_utf8_lossy(&rest);
    assert!(rest.starts_with("two\ngap="), "{rest}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn http_health_checks_take_a_failing_target_out_and_bring_it_back() {
    let good = Backend::start("good").await;
    let sick = Backend::start("sick").await;
    let setup = Setup::new();
    let id = setup.private_integration(LISTENER_ARN, |_| {});
    setup.route("GET /work", &id);
    setup.stage("$default", &[]);
    setup.register_targets(&[good.addr, sick.addr]);
    setup.change(|ws| {
        ws.elbv2
            .listeners
            .get_mut(LISTENER_ARN)
            .unwrap()
            .health_check = Some(TargetHealthCheck {
            health_check_protocol: Some("HTTP".into()),
            health_check_path: Some("/healthz".into()),
            health_check_interval_seconds: Some(1),
            healthy_threshold_count: Some(1),
            unhealthy_threshold_count: Some(1),
            matcher: Some(apigw::model::Matcher {
                http_code: "200".into(),
            }),
            ..Default::default()
        });
        Ok(())
    });
    let gw = setup.serve();
    let url = gw.url("/work");

    sick.health.store(503, std::sync::atomic::Ordering::SeqCst);
    eventually(
        "the failing target to leave rotation",
        Duration::from_secs(10),
        || async {
            let before = sick.hits();
            for _ in 0..6 {
                assert_eq!(get(&url).await.status, 200);
            }
            sick.hits() == before
        },
    )
    .await;

    // describe-target-health sees the same, with elbv2's reason.
    let out = describe_target_health(&setup).await;
    let sick_health = &out.target_health_descriptions[1].target_health;
    assert_eq!(sick_health.state, "unhealthy");
    assert_eq!(
        sick_health.reason.as_deref(),
        Some("Target.ResponseCodeMismatch")
    );
    assert_eq!(
        sick_health.description.as_deref(),
        Some("Health checks failed with these codes: [503]")
    );

    sick.health.store(200, std::sync::atomic::Ordering::SeqCst);
    eventually("the target to return", Duration::from_secs(10), || async {
        get(&url).await.json()["backend"] == "sick"
    })
    .await;
}

// ------------------------------------------------------------ hand-made backends

/// Backends that speak HTTP/1.1 by hand, byte for byte, to check how the
/// gateway's client reads what real servers may send.
mod raw {
    use std::net::SocketAddr;
    use std::sync::{Arc, Mutex};
    use std::time::Duration;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    use tokio::net::{TcpListener, TcpStream};

    /// What the backend does with a request.
    pub enum Answer {
        /// Writes these bytes and waits for the next request.
        Bytes(Vec<u8>),
        /// Writes these bytes and closes the connection.
        ThenClose(Vec<u8>),
        /// Writes the pieces one by one, a little apart, so that they
        /// arrive in separate reads.
        Pieces(Vec<Vec<u8>>),
        /// Closes the connection without answering.
        HangUp,
    }

    pub fn bytes(s: &str) -> Answer {
        Answer::Bytes(s.as_bytes().to_vec())
    }

    /// A request as the backend read it.
    #[derive(Debug, Clone)]
    pub struct Seen {
        /// Which connection (0, 1, …) and which request on it (0, 1, …).
        pub connection: usize,
        pub index: usize,
        /// The request line.
        pub line: String,
        /// The whole request, head and body, as read.
        pub raw: String,
    }

    type Answerer = Arc<dyn Fn(&str, usize) -> Answer + Send + Sync>;

    pub struct RawBackend {
        pub addr: SocketAddr,
        pub seen: Arc<Mutex<Vec<Seen>>>,
        task: tokio::task::JoinHandle<()>,
    }

    impl Drop for RawBackend {
        fn drop(&mut self) {
            self.task.abort();
        }
    }

    impl RawBackend {
        /// Answers each request with `answer(request line, its index on
        /// its connection)`.
        pub async fn start(
            answer: impl Fn(&str, usize) -> Answer + Send + Sync + 'static,
        ) -> RawBackend {
            let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
            let addr = listener.local_addr().unwrap();
            let seen = Arc::new(Mutex::new(Vec::new()));
            let answer: Answerer = Arc::new(answer);
            let task = {
                let seen = seen.clone();
                tokio::spawn(async move {
                    let mut connection = 0;
                    while let Ok((stream, _)) = listener.accept().await {
                        let seen = seen.clone();
                        let answer = answer.clone();
                        tokio::spawn(serve(stream, connection, seen, answer));
                        connection += 1;
                    }
                })
            };
            RawBackend { addr, seen, task }
        }

        pub fn seen(&self) -> Vec<Seen> {
            self.seen.lock().unwrap().clone()
        }

        /// The request with this request line, the last one seen.
        pub fn request(&self, line: &str) -> Seen {
            let seen = self.seen();
            seen.iter()
                .rev()
                .find(|s| s.line == line)
                .cloned()
                .unwrap_or_else(|| panic!("no {line:?} among {seen:#?}"))
        }
    }

    async fn serve(
        mut stream: TcpStream,
        connection: usize,
        seen: Arc<Mutex<Vec<Seen>>>,
        answer: Answerer,
    ) {
        let _ = stream.set_nodelay(true);
        let mut buf = Vec::new();
        let mut index = 0;
        while let Some(raw) = read_request(&mut stream, &mut buf).await {
            let line = raw.lines().next().unwrap_or_default().to_string();
            seen.lock().unwrap().push(Seen {
                connection,
                index,
                line: line.clone(),
                raw,
            });
            match answer(&line, index) {
                Answer::Bytes(b) => {
                    if stream.write_all(&b).await.is_err() {
                        return;
                    }
                }
                Answer::ThenClose(b) => {
                    let _ = stream.write_all(&b).await;
                    let _ = stream.shutdown().await;
                    return;
                }
                Answer::Pieces(pieces) => {
                    for p in pieces {
                        if stream.write_all(&p).await.is_err() {
                            return;
                        }
                        tokio::time::sleep(Duration::from_millis(15)).await;
                    }
                }
                Answer::HangUp => return,
            }
            index += 1;
        }
    }

    /// Reads one request: the head, then a body by Content-Length or
    /// chunked (up to the last chunk). `None` at the end of the connection.
    async fn read_request(stream: &mut TcpStream, buf: &mut Vec<u8>) -> Option<String> {
        let head_end = loop {
            if let Some(i) = find(buf, b"\r\n\r\n") {
                break i + 4;
            }
            fill(stream, buf).await?;
        };
        let head = String::from_utf8_lossy(&buf[..head_end]).to_ascii_lowercase();
        let length = head
            .lines()
            .find_map(|l| l.strip_prefix("content-length:"))
            .and_then(|v| v.trim().parse::<usize>().ok());
        let chunked = head
            .lines()
            .any(|l| l.starts_with("transfer-encoding:") && l.contains("chunked"));
        let end = if chunked {
            loop {
                if let Some(i) = find(&buf[head_end..], b"0\r\n\r\n") {
                    break head_end + i + 5;
                }
                fill(stream, buf).await?;
            }
        } else {
            let end = head_end + length.unwrap_or(0);
            while buf.len() < end {
                fill(stream, buf).await?;
            }
            end
        };
        let raw = String::from_utf8_lossy(&buf[..end]).into_owned();
        buf.drain(..end);
        Some(raw)
    }

    async fn fill(stream: &mut TcpStream, buf: &mut Vec<u8>) -> Option<()> {
        let mut chunk = [0u8; 4096];
        match stream.read(&mut chunk).await {
            Ok(0) | Err(_) => None,
            Ok(n) => {
                buf.extend_from_slice(&chunk[..n]);
                Some(())
            }
        }
    }

    fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
        hay.windows(needle.len()).position(|w| w == needle)
    }

    /// One connection to the gateway, so that every request goes to the
    /// same worker thread and therefore the same pool of backend
    /// connections.
    pub struct OneConnection {
        sender: hyper::client::conn::http1::SendRequest<Body>,
    }

    pub type Body = http_body_util::combinators::BoxBody<bytes::Bytes, std::convert::Infallible>;

    pub struct Reply {
        /// 0 when no answer came.
        pub status: u16,
        pub headers: http::HeaderMap,
        /// The body, or why it could not be read to its end.
        pub body: Result<String, String>,
    }

    impl OneConnection {
        pub async fn open(addr: SocketAddr) -> OneConnection {
            let tcp = TcpStream::connect(addr).await.unwrap();
            let (sender, conn) =
                hyper::client::conn::http1::handshake(hyper_util::rt::TokioIo::new(tcp))
                    .await
                    .unwrap();
            tokio::spawn(async move {
                let _ = conn.await;
            });
            OneConnection { sender }
        }

        pub async fn send(&mut self, method: &str, path: &str, body: Body) -> Reply {
            use http_body_util::BodyExt;
            self.sender
                .ready()
                .await
                .expect("the gateway connection is open");
            let req = http::Request::builder()
                .method(method)
                .uri(path)
                .header("host", "gateway")
                .body(body)
                .unwrap();
            let resp = match self.sender.send_request(req).await {
                Ok(r) => r,
                // The gateway may close the connection before the head
                // has left, when the body fails right behind it.
                Err(e) => {
                    return Reply {
                        status: 0,
                        headers: http::HeaderMap::new(),
                        body: Err(e.to_string()),
                    };
                }
            };
            let status = resp.status().as_u16();
            let headers = resp.headers().clone();
            let body = match resp.into_body().collect().await {
                Ok(b) => Ok(String::from_utf8_lossy(&b.to_bytes()).into_owned()),
                Err(e) => Err(e.to_string()),
            };
            Reply {
                status,
                headers,
                body,
            }
        }

        pub async fn get(&mut self, path: &str) -> Reply {
            self.send("GET", path, empty()).await
        }
    }

    pub fn empty() -> Body {
        use http_body_util::BodyExt;
        http_body_util::Empty::new().boxed()
    }

    pub fn full(s: &'static str) -> Body {
        use http_body_util::BodyExt;
        http_body_util::Full::new(bytes::Bytes::from_static(s.as_bytes())).boxed()
    }
}

/// A gateway with one catch-all route to `backend`, any method.
fn serve_catch_all(backend: std::net::SocketAddr) -> (Setup, Running) {
    let setup = Setup::new();
    let id = setup.private_integration(LISTENER_ARN, |r| r.integration_method = Some("ANY".into()));
    setup.route("ANY /{proxy+}", &id);
    setup.stage("$default", &[]);
    setup.register_targets(&[backend]);
    let gw = setup.serve();
    (setup, gw)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hand_made_answers_are_forwarded_whatever_their_framing() {
    use raw::{Answer, bytes};
    let backend = raw::RawBackend::start(|line, _| match line {
        "GET /chunked HTTP/1.1" => bytes(
            "HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\nx-a: 1\r\n\r\n\
             5;name=value\r\nhello\r\n6\r\n world\r\n0\r\nx-trailer: t\r\n\r\n",
        ),
        "GET /dribble HTTP/1.1" => Answer::Pieces(
            [
                "HTTP/1.1 20",
                "0 OK\r\ntransfer-enc",
                "oding: chunked\r\n\r\n3\r",
                "\nabc\r\n0\r",
                "\n\r\n",
            ]
            .map(|p| p.as_bytes().to_vec())
            .to_vec(),
        ),
        "GET /continue HTTP/1.1" => {
            bytes("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok")
        }
        "HEAD /head HTTP/1.1" => bytes("HTTP/1.1 200 OK\r\ncontent-length: 10\r\n\r\n"),
        "GET /no-content HTTP/1.1" => bytes("HTTP/1.1 204 No Content\r\n\r\n"),
        "GET /until-close HTTP/1.1" => {
            Answer::ThenClose(b"HTTP/1.1 200 OK\r\nx-b: 2\r\n\r\nall of it".to_vec())
        }
        "GET /closing HTTP/1.1" => {
            bytes("HTTP/1.1 200 OK\r\ncontent-length: 4\r\nconnection: close\r\n\r\nbyeX")
        }
        _ => bytes("HTTP/1.1 200 OK\r\ncontent-length: 5\r\n\r\nplain"),
    })
    .await;
    let (_setup, gw) = serve_catch_all(backend.addr);
    let mut c = raw::OneConnection::open(gw.addr).await;

    let r = c.get("/chunked").await;
    assert_eq!((r.status, r.body.as_deref()), (200, Ok("hello world")));
    assert_eq!(r.headers["x-a"], "1");
    let r = c.get("/dribble").await;
    assert_eq!((r.status, r.body.as_deref()), (200, Ok("abc")));
    let r = c.get("/continue").await;
    assert_eq!((r.status, r.body.as_deref()), (200, Ok("ok")));
    let r = c.send("HEAD", "/head", raw::empty()).await;
    assert_eq!((r.status, r.body.as_deref()), (200, Ok("")));
    assert_eq!(r.headers["content-length"], "10");
    let r = c.get("/no-content").await;
    assert_eq!((r.status, r.body.as_deref()), (204, Ok("")));
    let r = c.get("/until-close").await;
    assert_eq!((r.status, r.body.as_deref()), (200, Ok("all of it")));
    assert_eq!(r.headers["x-b"], "2");
    // A length says where the body ends, whatever follows.
    let r = c.get("/closing").await;
    assert_eq!((r.status, r.body.as_deref()), (200, Ok("byeX")));
    let r = c.get("/after").await;
    assert_eq!((r.status, r.body.as_deref()), (200, Ok("plain")));

    // Keep-alive answers shared a connection; a body read until the close,
    // or an answer saying close, ended theirs.
    let seen = backend.seen();
    let on = |line: &str| backend.request(line).connection;
    assert_eq!(on("GET /chunked HTTP/1.1"), on("GET /no-content HTTP/1.1"));
    assert_eq!(on("HEAD /head HTTP/1.1"), on("GET /until-close HTTP/1.1"));
    let last_on = |conn: usize| {
        seen.iter()
            .rfind(|s| s.connection == conn)
            .unwrap()
            .line
            .clone()
    };
    assert_eq!(
        last_on(on("GET /until-close HTTP/1.1")),
        "GET /until-close HTTP/1.1"
    );
    assert_eq!(
        last_on(on("GET /closing HTTP/1.1")),
        "GET /closing HTTP/1.1"
    );
    assert_ne!(on("GET /closing HTTP/1.1"), on("GET /after HTTP/1.1"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn answers_that_are_not_http_are_500_and_hang_ups_503() {
    use raw::{Answer, bytes};
    let backend = raw::RawBackend::start(|line, _| match line {
        "GET /garbage HTTP/1.1" => Answer::ThenClose(b"SSH-2.0-OpenSSH_9.6\r\n\r\n".to_vec()),
        "GET /bad-length HTTP/1.1" => {
            bytes("HTTP/1.1 200 OK\r\ncontent-length: 5\r\ncontent-length: 6\r\n\r\nhello!")
        }
        "GET /switch HTTP/1.1" => bytes(
            "HTTP/1.1 101 Switching Protocols\r\nupgrade: websocket\r\nconnection: upgrade\r\n\r\n",
        ),
        "GET /huge-head HTTP/1.1" => {
            let mut head = "HTTP/1.1 200 OK\r\n".to_string();
            while head.len() < 70 * 1024 {
                head.push_str("x-filler: 0123456789abcdef0123456789abcdef\r\n");
            }
            Answer::Bytes(head.into_bytes())
        }
        "GET /hang-up HTTP/1.1" => Answer::HangUp,
        "GET /truncated HTTP/1.1" => {
            Answer::ThenClose(b"HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\nshort".to_vec())
        }
        "GET /bad-chunk HTTP/1.1" => {
            bytes("HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n2\r\nokX")
        }
        _ => bytes("HTTP/1.1 200 OK\r\ncontent-length: 5\r\n\r\nplain"),
    })
    .await;
    let (_setup, gw) = serve_catch_all(backend.addr);
    let mut c = raw::OneConnection::open(gw.addr).await;

    for path in ["/garbage", "/bad-length", "/switch", "/huge-head"] {
        let r = c.get(path).await;
        assert_eq!((r.status, r.body.as_deref()), (500, Ok(INTERNAL)), "{path}");
    }
    let r = c.get("/hang-up").await;
    assert_eq!((r.status, r.body.as_deref()), (503, Ok(UNAVAILABLE)));
    // The head was fine but the body breaks off: so does the answer (its
    // head may not even have left).
    for path in ["/truncated", "/bad-chunk"] {
        let mut c = raw::OneConnection::open(gw.addr).await;
        let r = c.get(path).await;
        assert!(r.status == 200 || r.status == 0, "{path}: {}", r.status);
        assert!(r.body.is_err(), "{path}: {:?}", r.body);
    }

    let mut c = raw::OneConnection::open(gw.addr).await;
    let r = c.get("/fine").await;
    assert_eq!((r.status, r.body.as_deref()), (200, Ok("plain")));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_pooled_connection_the_backend_drops_is_retried_only_without_a_body() {
    use raw::{Answer, bytes};
    // Every connection answers its first request and drops the second
    // unanswered, as a backend closing an idle connection just as a
    // request arrives.
    let backend = raw::RawBackend::start(|_, index| match index {
        0 => bytes("HTTP/1.1 200 OK\r\ncontent-length: 5\r\n\r\nfirst"),
        _ => Answer::HangUp,
    })
    .await;
    let (_setup, gw) = serve_catch_all(backend.addr);
    let mut c = raw::OneConnection::open(gw.addr).await;

    let r = c.get("/a").await;
    assert_eq!((r.status, r.body.as_deref()), (200, Ok("first")));
    // Sent on the pooled connection, dropped, sent again on a new one.
    let r = c.get("/b").await;
    assert_eq!((r.status, r.body.as_deref()), (200, Ok("first")));
    let b: Vec<_> = backend
        .seen()
        .into_iter()
        .filter(|s| s.line == "GET /b HTTP/1.1")
        .map(|s| (s.connection, s.index))
        .collect();
    assert_eq!(b.len(), 2, "{b:?}");
    assert_eq!((b[0].1, b[1].1), (1, 0), "{b:?}");
    assert_ne!(b[0].0, b[1].0, "{b:?}");
    // A request with a body is not sent twice.
    let r = c.send("POST", "/c", raw::full("data")).await;
    assert_eq!((r.status, r.body.as_deref()), (503, Ok(UNAVAILABLE)));
    let c_seen: Vec<_> = backend
        .seen()
        .into_iter()
        .filter(|s| s.line == "POST /c HTTP/1.1")
        .collect();
    assert_eq!(c_seen.len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_connection_the_backend_closed_while_idle_is_not_used() {
    // Keep-alive answers, but the backend closes each connection right
    // after answering (as one with a short idle timeout would).
    let backend = raw::RawBackend::start(|_, _| {
        raw::Answer::ThenClose(b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok".to_vec())
    })
    .await;
    let (_setup, gw) = serve_catch_all(backend.addr);
    let mut c = raw::OneConnection::open(gw.addr).await;
    for i in 0..3 {
        let r = c.get("/a").await;
        assert_eq!((r.status, r.body.as_deref()), (200, Ok("ok")), "GET {i}");
        tokio::time::sleep(Duration::from_millis(20)).await;
        // A request with a body is never sent twice, so it only succeeds
        // if the closed connection was noticed before sending.
        let r = c.send("POST", "/b", raw::full("data")).await;
        assert_eq!((r.status, r.body.as_deref()), (200, Ok("ok")), "POST {i}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(backend.seen().iter().all(|s| s.index == 0));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn request_bodies_reach_the_backend_framed_as_they_came() {
    use http_body_util::BodyExt;
    let backend =
        raw::RawBackend::start(|_, _| raw::bytes("HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok"))
            .await;
    let (_setup, gw) = serve_catch_all(backend.addr);
    let mut c = raw::OneConnection::open(gw.addr).await;

    let r = c.send("POST", "/sized", raw::full("hello")).await;
    assert_eq!((r.status, r.body.as_deref()), (200, Ok("ok")));
    let seen = backend.request("POST /sized HTTP/1.1").raw;
    assert!(seen.contains("\r\ncontent-length: 5\r\n"), "{seen}");
    assert!(!seen.contains("transfer-encoding"), "{seen}");
    assert!(seen.ends_with("\r\n\r\nhello"), "{seen}");

    let (tx, body) = streaming::channel();
    tx.send(bytes::Bytes::from_static(b"ab")).unwrap();
    tx.send(bytes::Bytes::from_static(b"cde")).unwrap();
    drop(tx);
    let r = c.send("PUT", "/streamed", body.boxed()).await;
    assert_eq!((r.status, r.body.as_deref()), (200, Ok("ok")));
    let seen = backend.request("PUT /streamed HTTP/1.1").raw;
    assert!(
        seen.contains("\r\ntransfer-encoding: chunked\r\n"),
        "{seen}"
    );
    assert!(!seen.contains("content-length"), "{seen}");
    let body = seen.split_once("\r\n\r\n").unwrap().1;
    // However the chunks were cut, they carry the bytes in order.
    assert!(body.ends_with("0\r\n\r\n"), "{body:?}");
    let mut data = String::new();
    let mut rest = body;
    loop {
        let (size, after) = rest.split_once("\r\n").unwrap();
        let size = usize::from_str_radix(size, 16).unwrap();
        if size == 0 {
            break;
        }
        data.push_str(&after[..size]);
        rest = &after[size + 2..];
    }
    assert_eq!(data, "abcde");

    let r = c.send("POST", "/empty", raw::empty()).await;
    assert_eq!((r.status, r.body.as_deref()), (200, Ok("ok")));
    let seen = backend.request("POST /empty HTTP/1.1").raw;
    assert!(seen.ends_with("\r\n\r\n"), "{seen}");
    assert!(!seen.contains("transfer-encoding"), "{seen}");
}
