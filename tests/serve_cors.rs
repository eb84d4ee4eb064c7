//! CORS served from the API's `CorsConfiguration`, over real sockets with a
//! real backend: preflights that no route takes answered by the gateway
//! with exactly the configured headers (and no backend call), the
//! backend's own CORS headers replaced on integration responses, a
//! disallowed origin getting none, and preflights that a `$default` route
//! takes going to its backend — or stopped by its authorizer.

mod common;
#[path = "common/idp.rs"]
mod idp;
#[path = "common/raw.rs"]
mod raw;

use apigw::gateway::{Gateway, Hooks};
use apigw::jwt::{JwtAuthorizer, Verifier, VerifierOptions};
use apigw::model::{
    Cors, CreateAuthorizerRequest, CreateRouteRequest, JwtConfiguration, UpdateApiRequest,
};
use apigw::ops;
use common::{Backend, Running, Setup, call, client};
use idp::{Idp, TestKey};
use jsonwebtoken::Algorithm;
use std::sync::Arc;
use std::time::Duration;

const APP: &str = "https://app.example.com";

fn strings(v: &[&str]) -> Option<Vec<String>> {
    Some(v.iter().map(|s| s.to_string()).collect())
}

/// The CORS configuration most tests serve.
fn app_cors() -> Cors {
    Cors {
        allow_origins: strings(&[APP, "http://*"]),
        allow_methods: strings(&["GET", "PUT"]),
        allow_headers: strings(&["Content-Type", "X-Api-Key"]),
        expose_headers: strings(&["X-Request-Id"]),
        max_age: Some(600),
        allow_credentials: Some(true),
    }
}

fn set_cors(setup: &Setup, cors: Cors) {
    let api_id = setup.api_id.clone();
    setup.change(|ws| {
        ops::update_api(
            ws,
            UpdateApiRequest {
                api_id,
                cors_configuration: Some(cors),
                ..Default::default()
            },
        )
    });
}

/// A gateway with CORS whose `$default` stage sends `route` to `backend`.
fn gateway(backend: &Backend, route: &str, cors: Cors) -> (Setup, Running) {
    let setup = Setup::new();
    let id = setup.url_integration(&format!("http://{}/", backend.addr), |_| {});
    setup.route(route, &id);
    set_cors(&setup, cors);
    setup.stage("$default", &[]);
    let gw = setup.serve();
    (setup, gw)
}

/// The `Access-Control-*` and `Vary` lines of an answer's head, in order.
fn cors_lines(head: &str) -> Vec<String> {
    head.lines()
        .skip(1)
        .filter(|l| {
            let l = l.to_ascii_lowercase();
            l.starts_with("access-control-") || l.starts_with("vary:")
        })
        .map(|l| l.to_ascii_lowercase())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_preflight_no_route_takes_is_answered_with_exactly_the_configured_headers() {
    let backend = Backend::start("pets").await;
    let (_setup, gw) = gateway(&backend, "GET /pets", app_cors());
    let reply = raw::send(
        gw.addr,
        &raw::request(
            "OPTIONS",
            "/pets",
            &[
                ("Origin", APP),
                ("Access-Control-Request-Method", "PUT"),
                ("Access-Control-Request-Headers", "x-api-key, content-type"),
            ],
        ),
    )
    .await;
    assert_eq!(reply.status, 204, "{}", reply.head);
    assert_eq!(reply.body, "");
    assert_eq!(
        cors_lines(&reply.head),
        [
            "access-control-allow-origin: https://app.example.com",
            "access-control-allow-credentials: true",
            "vary: origin",
            "access-control-allow-methods: get, put",
            "access-control-allow-headers: content-type, x-api-key",
            "access-control-max-age: 600",
        ],
        "{}",
        reply.head
    );
    assert!(
        !reply.head.to_ascii_lowercase().contains("content-type:"),
        "{}",
        reply.head
    );
    // A path with no route at all is preflighted the same way.
    let other = raw::send(
        gw.addr,
        &raw::request(
            "OPTIONS",
            "/nowhere",
            &[
                ("Origin", "http://localhost:3000"),
                ("Access-Control-Request-Method", "GET"),
            ],
        ),
    )
    .await;
    assert_eq!(other.status, 204);
    assert!(
        other
            .head
            .contains("access-control-allow-origin: http://localhost:3000"),
        "{}",
        other.head
    );
    assert_eq!(backend.hits(), 0, "no preflight reaches the backend");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_disallowed_origin_method_or_header_gets_no_cors_headers() {
    let backend = Backend::start("pets").await;
    let (_setup, gw) = gateway(&backend, "GET /pets", app_cors());
    for headers in [
        [
            ("Origin", "https://evil.example.com"),
            ("Access-Control-Request-Method", "GET"),
            ("Access-Control-Request-Headers", "x-api-key"),
        ],
        [
            ("Origin", APP),
            ("Access-Control-Request-Method", "DELETE"),
            ("Access-Control-Request-Headers", "x-api-key"),
        ],
        [
            ("Origin", APP),
            ("Access-Control-Request-Method", "GET"),
            ("Access-Control-Request-Headers", "x-api-key, authorization"),
        ],
    ] {
        let reply = raw::send(gw.addr, &raw::request("OPTIONS", "/pets", &headers)).await;
        assert_eq!(reply.status, 204, "{headers:?}");
        assert_eq!(cors_lines(&reply.head), ["vary: origin"], "{headers:?}");
    }
    // An actual request from a disallowed origin is served, without CORS
    // headers: the browser keeps the answer from the page.
    let c = client();
    let r = call(
        &c,
        "GET",
        &gw.url("/pets"),
        &[("Origin", "https://evil.example.com")],
    )
    .await;
    assert_eq!(r.status, 200);
    assert!(r.header("access-control-allow-origin").is_none());
    assert_eq!(backend.hits(), 1);
    // OPTIONS that is no preflight (no Access-Control-Request-Method) is
    // routed like any request: here it matches no route.
    let plain = call(&c, "OPTIONS", &gw.url("/pets"), &[("Origin", APP)]).await;
    assert_eq!(plain.status, 404);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_backends_cors_headers_are_replaced_by_the_configured_ones() {
    let backend = Backend::start("pets").await;
    let (_setup, gw) = gateway(&backend, "GET /pets", app_cors());
    let c = client();
    let r = call(
        &c,
        "GET",
        &gw.url("/pets"),
        &[
            ("Origin", APP),
            ("x-test-respond-header", "Access-Control-Allow-Origin:*"),
        ],
    )
    .await;
    assert_eq!(r.status, 200);
    assert_eq!(r.header("access-control-allow-origin"), Some(APP));
    assert_eq!(r.header("access-control-allow-credentials"), Some("true"));
    assert_eq!(
        r.header("access-control-expose-headers"),
        Some("X-Request-Id")
    );
    assert_eq!(r.header("vary"), Some("Origin"));
    assert!(r.header("access-control-allow-methods").is_none());
    // Without an Origin the backend's CORS headers are dropped all the same.
    let r = call(
        &c,
        "GET",
        &gw.url("/pets"),
        &[("x-test-respond-header", "Access-Control-Allow-Origin:*")],
    )
    .await;
    assert_eq!(r.status, 200);
    assert!(r.header("access-control-allow-origin").is_none());
    assert_eq!(r.header("vary"), Some("Origin"));
    assert_eq!(backend.hits(), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_star_origin_is_answered_star() {
    let backend = Backend::start("pets").await;
    let cors = Cors {
        allow_origins: strings(&["*"]),
        allow_methods: strings(&["*"]),
        ..Default::default()
    };
    let (_setup, gw) = gateway(&backend, "GET /pets", cors);
    let r = call(
        &client(),
        "GET",
        &gw.url("/pets"),
        &[("Origin", "https://anyone.example")],
    )
    .await;
    assert_eq!(r.header("access-control-allow-origin"), Some("*"));
    assert!(r.header("vary").is_none());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_default_route_takes_the_preflight_to_its_backend() {
    let backend = Backend::start("catch-all").await;
    let (_setup, gw) = gateway(&backend, "$default", app_cors());
    let r = call(
        &client(),
        "OPTIONS",
        &gw.url("/pets"),
        &[
            ("Origin", APP),
            ("Access-Control-Request-Method", "PUT"),
            (
                "x-test-respond-header",
                "Access-Control-Allow-Methods:DELETE",
            ),
        ],
    )
    .await;
    // The backend answered (the echo says 200 and names itself), and the
    // answer carries the configured preflight headers, not the backend's.
    assert_eq!(r.status, 200);
    assert_eq!(r.header("x-backend"), Some("catch-all"));
    assert_eq!(r.json()["method"], "OPTIONS");
    assert_eq!(r.header("access-control-allow-origin"), Some(APP));
    assert_eq!(r.header("access-control-allow-methods"), Some("GET, PUT"));
    assert_eq!(r.header("access-control-max-age"), Some("600"));
    assert_eq!(backend.hits(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_explicit_options_route_takes_the_preflight() {
    let backend = Backend::start("options").await;
    let (_setup, gw) = gateway(&backend, "OPTIONS /pets", app_cors());
    let r = call(
        &client(),
        "OPTIONS",
        &gw.url("/pets"),
        &[("Origin", APP), ("Access-Control-Request-Method", "GET")],
    )
    .await;
    assert_eq!(r.status, 200);
    assert_eq!(r.header("x-backend"), Some("options"));
    assert_eq!(backend.hits(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_default_route_with_a_jwt_authorizer_refuses_a_preflight_without_a_token() {
    let key = TestKey::rsa("key-1", Algorithm::RS256);
    let idp = Idp::start(&[&key]).await;
    let backend = Backend::start("guarded").await;
    let setup = Setup::new();
    let integration = setup.url_integration(&format!("http://{}/", backend.addr), |_| {});
    let api_id = setup.api_id.clone();
    let issuer = idp.issuer().to_string();
    let authorizer = setup.change(|ws| {
        ops::create_authorizer(
            ws,
            CreateAuthorizerRequest {
                api_id: api_id.clone(),
                authorizer_type: "JWT".into(),
                identity_source: vec!["$request.header.Authorization".into()],
                jwt_configuration: Some(JwtConfiguration {
                    audience: Some(vec!["pets".into()]),
                    issuer: Some(issuer),
                }),
                name: "idp".into(),
                ..Default::default()
            },
        )
    });
    setup.change(|ws| {
        ops::create_route(
            ws,
            CreateRouteRequest {
                api_id: api_id.clone(),
                route_key: "$default".into(),
                target: Some(format!("integrations/{integration}")),
                authorization_type: Some("JWT".into()),
                authorizer_id: Some(authorizer.authorizer_id.clone()),
                ..Default::default()
            },
        )
    });
    set_cors(&setup, app_cors());
    setup.stage("$default", &[]);
    let verifier = Verifier::new(VerifierOptions {
        system_roots: false,
        min_refetch_interval: Duration::ZERO,
        ..VerifierOptions::default()
    });
    let hooks = Hooks {
        authorizer: Some(Arc::new(JwtAuthorizer::new(verifier))),
        ..Default::default()
    };
    let (addr, handle) = Gateway::start_with(setup.options(), hooks).expect("gateway starts");
    let gw = Running {
        addr,
        handle: Some(handle),
    };
    let r = call(
        &client(),
        "OPTIONS",
        &gw.url("/pets"),
        &[("Origin", APP), ("Access-Control-Request-Method", "GET")],
    )
    .await;
    // As on AWS: the route takes the preflight, and its authorizer stops it.
    assert_eq!(r.status, 401, "{}", r.body);
    assert_eq!(backend.hits(), 0);
}
