//! A backend registered while `serve` runs starts in the `initial` state:
//! it gets no request until a health check has passed, as a new target of
//! a real load balancer. Load balancer targets and Cloud Map instances
//! alike; `apigw serve` runs as a real process and reloads the workspace
//! that the real operations change.

mod common;
#[path = "common/serve.rs"]
mod serve;

use common::{Backend, CLOUD_MAP_URI, LISTENER_ARN, Setup, client, eventually};
use serve::Serve;
use std::time::Duration;

/// A port where nothing listens.
fn dead_port() -> std::net::SocketAddr {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
}

/// Sends `n` requests and returns their statuses.
async fn statuses(gw: &Serve, n: usize) -> Vec<u16> {
    let client = client();
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        out.push(
            common::call(&client, "GET", &gw.url("/items"), &[])
                .await
                .status,
        );
    }
    out
}

async fn reloaded(gw: &Serve, times: usize) {
    eventually("serve to reload", Duration::from_secs(10), || async {
        gw.stderr().matches("apigw serve: reloaded").count() >= times
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dead_target_registered_while_serving_gets_no_request() {
    let live = Backend::start("live").await;
    let setup = Setup::new();
    setup.register_targets(&[live.addr]);
    let id = setup.private_integration(LISTENER_ARN, |_| {});
    setup.route("GET /items", &id);
    setup.stage("$default", &[]);
    let gw = Serve::start(&setup.path, &[], None);
    assert_eq!(statuses(&gw, 4).await, [200; 4], "{}", gw.stderr());

    let dead = dead_port();
    setup.register_targets(&[dead]);
    reloaded(&gw, 1).await;
    // While its first checks run, and after they failed, no request is
    // sent its way.
    assert_eq!(statuses(&gw, 10).await, [200; 10], "{}", gw.stderr());
    eventually(
        "the first checks to fail",
        Duration::from_secs(30),
        || async { gw.stderr_has("failed its first health checks") },
    )
    .await;
    assert_eq!(statuses(&gw, 10).await, [200; 10], "{}", gw.stderr());
    assert_eq!(live.hits(), 24);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_live_target_registered_while_serving_gets_traffic_once_checked() {
    let first = Backend::start("first").await;
    let second = Backend::start("second").await;
    let setup = Setup::new();
    setup.register_targets(&[first.addr]);
    let id = setup.private_integration(LISTENER_ARN, |_| {});
    setup.route("GET /items", &id);
    setup.stage("$default", &[]);
    let gw = Serve::start(&setup.path, &[], None);
    assert_eq!(statuses(&gw, 2).await, [200; 2]);

    setup.register_targets(&[second.addr]);
    reloaded(&gw, 1).await;
    eventually(
        "the new target to take requests",
        Duration::from_secs(10),
        || async {
            assert_eq!(statuses(&gw, 2).await, [200; 2]);
            second.hits() > 0
        },
    )
    .await;
    assert!(gw.stderr_has(&format!(
        "target {} of listener {LISTENER_ARN} passed its first health check",
        second.addr
    )));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dead_cloud_map_instance_registered_while_serving_gets_no_request() {
    let live = Backend::start("green-1").await;
    let setup = Setup::new();
    let green = [("stage", "prod"), ("deployment", "green_deployment")];
    setup.register_instance("green-1", live.addr, &green);
    let id = setup.private_integration(CLOUD_MAP_URI, |_| {});
    setup.route("GET /items", &id);
    setup.stage("$default", &[]);
    let gw = Serve::start(&setup.path, &[], None);
    assert_eq!(statuses(&gw, 2).await, [200; 2], "{}", gw.stderr());

    setup.register_instance("green-2", dead_port(), &green);
    reloaded(&gw, 1).await;
    assert_eq!(statuses(&gw, 10).await, [200; 10], "{}", gw.stderr());

    let late = Backend::start("green-3").await;
    setup.register_instance("green-3", late.addr, &green);
    reloaded(&gw, 2).await;
    eventually(
        "the live instance to take requests",
        Duration::from_secs(10),
        || async {
            assert_eq!(statuses(&gw, 2).await, [200; 2]);
            late.hits() > 0
        },
    )
    .await;
}
