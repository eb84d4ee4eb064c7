//! Every HTTP API of the workspace in one `serve`: each at
//! `{api-id}.execute-api.localhost`, chosen by `Host`; a single API
//! answering any `Host`; `DisableExecuteApiEndpoint`; and an API created
//! while serving, picked up live.

mod common;

use apigw::model::UpdateApiRequest;
use apigw::ops;
use common::{Backend, Setup, call, client, eventually};
use std::time::Duration;

/// GET `path` with `Host: host` from the gateway at `addr`.
async fn get_as(addr: std::net::SocketAddr, host: &str, path: &str) -> common::Reply {
    call(
        &client(),
        "GET",
        &format!("http://{addr}{path}"),
        &[("host", host)],
    )
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_apis_are_served_at_once_chosen_by_host() {
    let orders = Backend::start("orders").await;
    let billing = Backend::start("billing").await;
    let setup = Setup::new();
    let a = setup.add_api(
        "orders",
        &format!("http://{}/{{proxy}}", orders.addr),
        "$default",
    );
    let b = setup.add_api(
        "billing",
        &format!("http://{}/{{proxy}}", billing.addr),
        "$default",
    );
    let gw = setup.serve();
    let port = gw.addr.port();

    let r = get_as(
        gw.addr,
        &format!("{a}.execute-api.localhost:{port}"),
        "/list",
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.json()["backend"], "orders");
    assert_eq!(r.json()["path"], "/list");
    let r = get_as(
        gw.addr,
        &format!("{b}.execute-api.localhost:{port}"),
        "/list",
    )
    .await;
    assert_eq!(r.json()["backend"], "billing");
    // The service's own host names choose the API too.
    let r = get_as(
        gw.addr,
        &format!("{b}.execute-api.us-east-2.amazonaws.com"),
        "/x",
    )
    .await;
    assert_eq!(r.json()["backend"], "billing");

    // A host that names no API served here, and none at all.
    let r = get_as(
        gw.addr,
        &format!("nope123456.execute-api.localhost:{port}"),
        "/list",
    )
    .await;
    assert_eq!(
        (r.status, r.body.as_str()),
        (404, r#"{"message":"Not Found"}"#)
    );
    let r = get_as(gw.addr, &format!("127.0.0.1:{port}"), "/list").await;
    assert_eq!(r.status, 404);
    assert!(r.header("apigw-requestid").is_some());
    assert_eq!(orders.hits() + billing.hits(), 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_single_api_answers_any_host_and_disable_execute_api_endpoint_closes_it() {
    let backend = Backend::start("only").await;
    let setup = Setup::new();
    let id = setup.api_id.clone();
    let integration = setup.url_integration(&format!("http://{}/{{proxy}}", backend.addr), |_| {});
    setup.route("ANY /{proxy+}", &integration);
    setup.stage("$default", &[]);
    let gw = setup.serve();
    let r = get_as(gw.addr, "example.test", "/a").await;
    assert_eq!(r.status, 200, "{}", r.body);

    setup.change(|ws| {
        ops::update_api(
            ws,
            UpdateApiRequest {
                api_id: id.clone(),
                disable_execute_api_endpoint: Some(true),
                ..Default::default()
            },
        )
    });
    eventually(
        "the reload to close the default endpoint",
        Duration::from_secs(10),
        || async { get_as(gw.addr, "example.test", "/a").await.status == 403 },
    )
    .await;
    let before = backend.hits();
    let r = get_as(gw.addr, &format!("{id}.execute-api.localhost"), "/a").await;
    assert_eq!(
        (r.status, r.body.as_str()),
        (403, r#"{"message":"Forbidden"}"#)
    );
    assert_eq!(
        backend.hits(),
        before,
        "a closed endpoint reaches no backend"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_api_created_while_serving_is_picked_up_live() {
    let first = Backend::start("first").await;
    let second = Backend::start("second").await;
    let setup = Setup::new();
    let a = setup.add_api(
        "first",
        &format!("http://{}/{{proxy}}", first.addr),
        "$default",
    );
    let gw = setup.serve();
    let port = gw.addr.port();
    let b = setup.add_api(
        "second",
        &format!("http://{}/{{proxy}}", second.addr),
        "$default",
    );
    let host = format!("{b}.execute-api.localhost:{port}");
    eventually(
        "the new API to be served",
        Duration::from_secs(10),
        || async { get_as(gw.addr, &host, "/x").await.status == 200 },
    )
    .await;
    assert_eq!(
        get_as(gw.addr, &host, "/x").await.json()["backend"],
        "second"
    );
    let r = get_as(gw.addr, &format!("{a}.execute-api.localhost:{port}"), "/x").await;
    assert_eq!(r.json()["backend"], "first");
}
