//! Custom domain names served: requests whose `Host` is the domain go to
//! the stage their API mapping names, longest key first, with the key
//! taken off the path for routing and no stage segment; wildcard names;
//! a mapping added while serving. (Plain HTTP here: the domain is chosen
//! by `Host`, as it would be after TLS.)

mod common;

use apigw::model::{CreateApiMappingRequest, CreateDomainNameRequest, DomainNameConfiguration};
use apigw::ops;
use common::{Backend, Setup, call, client, eventually};
use std::time::Duration;

const CERT: &str =
    "arn:aws:acm:us-east-2:123456789012:certificate/0a1b2c3d-1111-2222-3333-444455556666";

fn add_domain(setup: &Setup, name: &str) {
    setup.change(|ws| {
        ops::create_domain_name(
            ws,
            CreateDomainNameRequest {
                domain_name: name.into(),
                domain_name_configurations: Some(vec![DomainNameConfiguration {
                    certificate_arn: Some(CERT.into()),
                    ..Default::default()
                }]),
                ..Default::default()
            },
        )
    });
}

fn map(setup: &Setup, domain: &str, api: &str, stage: &str, key: &str) {
    setup.change(|ws| {
        ops::create_api_mapping(
            ws,
            CreateApiMappingRequest {
                api_id: api.into(),
                api_mapping_key: Some(key.into()),
                domain_name: domain.into(),
                stage: stage.into(),
            },
        )
    });
}

async fn get_as(addr: std::net::SocketAddr, host: &str, path: &str) -> common::Reply {
    call(
        &client(),
        "GET",
        &format!("http://{addr}{path}"),
        &[("host", host)],
    )
    .await
}

/// The echo's path for a request, with the backend's name.
async fn reached(addr: std::net::SocketAddr, host: &str, path: &str) -> (String, String) {
    let r = get_as(addr, host, path).await;
    assert_eq!(r.status, 200, "{host}{path}: {}", r.body);
    let j = r.json();
    (
        j["backend"].as_str().unwrap().to_string(),
        j["path"].as_str().unwrap().to_string(),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mappings_send_each_path_to_its_stage_longest_key_first() {
    let orders = Backend::start("orders").await;
    let billing = Backend::start("billing").await;
    let billing_v1 = Backend::start("billing-v1").await;
    let site = Backend::start("site").await;
    let setup = Setup::new();
    let o = setup.add_api(
        "orders",
        &format!("http://{}/{{proxy}}", orders.addr),
        "prod",
    );
    let b = setup.add_api(
        "billing",
        &format!("http://{}/{{proxy}}", billing.addr),
        "v2",
    );
    let b1 = setup.add_api(
        "billing-v1",
        &format!("http://{}/{{proxy}}", billing_v1.addr),
        "v1",
    );
    let s = setup.add_api("site", &format!("http://{}/{{proxy}}", site.addr), "live");
    add_domain(&setup, "api.example.com");
    map(&setup, "api.example.com", &o, "prod", "orders");
    map(&setup, "api.example.com", &b, "v2", "billing/v2");
    map(&setup, "api.example.com", &b1, "v1", "billing");
    map(&setup, "api.example.com", &s, "live", "");
    let gw = setup.serve();
    let port = gw.addr.port();
    let host = format!("api.example.com:{port}");

    // The key is taken off the path, and there is no stage segment.
    assert_eq!(
        reached(gw.addr, &host, "/orders/list").await,
        ("orders".into(), "/list".into())
    );
    assert_eq!(
        reached(gw.addr, &host, "/orders/7/items").await,
        ("orders".into(), "/7/items".into())
    );
    // Longest key first: billing/v2 before billing.
    assert_eq!(
        reached(gw.addr, &host, "/billing/v2/pay").await,
        ("billing".into(), "/pay".into())
    );
    assert_eq!(
        reached(gw.addr, &host, "/billing/pay").await,
        ("billing-v1".into(), "/pay".into())
    );
    // A key is whole segments: /ordersx is not /orders; the empty key takes the rest.
    assert_eq!(
        reached(gw.addr, &host, "/ordersx/list").await,
        ("site".into(), "/ordersx/list".into())
    );
    assert_eq!(
        reached(gw.addr, &host, "/list").await,
        ("site".into(), "/list".into())
    );
    // The host's case and a missing port do not matter.
    assert_eq!(
        reached(gw.addr, "API.example.com", "/orders/list").await.0,
        "orders"
    );
    // The APIs' own endpoints still answer.
    let r = get_as(
        gw.addr,
        &format!("{o}.execute-api.localhost:{port}"),
        "/prod/list",
    )
    .await;
    assert_eq!(r.json()["backend"], "orders");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_domain_without_a_mapping_for_the_path_answers_404() {
    let orders = Backend::start("orders").await;
    let setup = Setup::new();
    let o = setup.add_api(
        "orders",
        &format!("http://{}/{{proxy}}", orders.addr),
        "prod",
    );
    add_domain(&setup, "api.example.com");
    map(&setup, "api.example.com", &o, "prod", "orders");
    let gw = setup.serve();
    let r = get_as(gw.addr, "api.example.com", "/billing/list").await;
    assert_eq!(
        (r.status, r.body.as_str()),
        (404, r#"{"message":"Not Found"}"#)
    );
    assert_eq!(orders.hits(), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wildcard_domain_takes_its_subdomains_and_an_exact_name_wins() {
    let shop = Backend::start("shop").await;
    let admin = Backend::start("admin").await;
    let setup = Setup::new();
    let s = setup.add_api("shop", &format!("http://{}/{{proxy}}", shop.addr), "prod");
    let a = setup.add_api("admin", &format!("http://{}/{{proxy}}", admin.addr), "prod");
    add_domain(&setup, "*.example.com");
    add_domain(&setup, "admin.example.com");
    map(&setup, "*.example.com", &s, "prod", "");
    map(&setup, "admin.example.com", &a, "prod", "");
    let gw = setup.serve();
    assert_eq!(reached(gw.addr, "eu.example.com", "/list").await.0, "shop");
    assert_eq!(reached(gw.addr, "us.example.com", "/list").await.0, "shop");
    assert_eq!(
        reached(gw.addr, "admin.example.com", "/list").await.0,
        "admin"
    );
    // One label only, as a wildcard certificate covers.
    let r = get_as(gw.addr, "a.b.example.com", "/list").await;
    assert_eq!(r.status, 404);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_mapping_added_while_serving_is_picked_up_live() {
    let orders = Backend::start("orders").await;
    let setup = Setup::new();
    let o = setup.add_api(
        "orders",
        &format!("http://{}/{{proxy}}", orders.addr),
        "prod",
    );
    add_domain(&setup, "api.example.com");
    let gw = setup.serve();
    assert_eq!(
        get_as(gw.addr, "api.example.com", "/orders/list")
            .await
            .status,
        404
    );
    map(&setup, "api.example.com", &o, "prod", "orders");
    eventually(
        "the new mapping to be served",
        Duration::from_secs(10),
        || async {
            get_as(gw.addr, "api.example.com", "/orders/list")
                .await
                .status
                == 200
        },
    )
    .await;
    assert_eq!(
        reached(gw.addr, "api.example.com", "/orders/list").await,
        ("orders".into(), "/list".into())
    );
}
