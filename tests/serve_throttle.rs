//! Throttling served from a stage's `DefaultRouteSettings` and per-route
//! `RouteSettings`, over real sockets with a backend that counts what
//! reaches it: the N+1st request of a burst answered 429 and kept from the
//! backend, tokens coming back at the rate, limits of 0 throttling every
//! request (with serve's warning on stderr), per-route settings over the
//! stage's, and throttling before the authorizer.

mod common;
#[path = "common/counting.rs"]
mod counting;
#[path = "common/idp.rs"]
mod idp;
#[path = "common/serve.rs"]
mod serve;

use apigw::gateway::{Gateway, Hooks};
use apigw::jwt::{JwtAuthorizer, Verifier, VerifierOptions};
use apigw::model::{
    CreateAuthorizerRequest, CreateRouteRequest, JwtConfiguration, RouteSettings,
    UpdateStageRequest,
};
use apigw::ops;
use common::{Running, Setup, call, client, eventually};
use counting::CountingBackend;
use idp::{Idp, TestKey};
use jsonwebtoken::Algorithm;
use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

const TOO_MANY: &str = r#"{"message":"Too Many Requests"}"#;

fn limits(burst: Option<i64>, rate: Option<f64>) -> RouteSettings {
    RouteSettings {
        throttling_burst_limit: burst,
        throttling_rate_limit: rate,
        ..Default::default()
    }
}

/// A workspace whose `$default` stage sends `routes` to `backend`, with
/// these stage defaults and per-route settings.
fn workspace(
    backend: &CountingBackend,
    routes: &[&str],
    stage_default: RouteSettings,
    per_route: &[(&str, RouteSettings)],
) -> Setup {
    let setup = Setup::new();
    let id = setup.url_integration(&format!("http://{}/", backend.addr), |_| {});
    for r in routes {
        setup.route(r, &id);
    }
    setup.stage("$default", &[]);
    let api_id = setup.api_id.clone();
    let per_route: BTreeMap<String, RouteSettings> = per_route
        .iter()
        .map(|(k, s)| (k.to_string(), s.clone()))
        .collect();
    setup.change(|ws| {
        ops::update_stage(
            ws,
            UpdateStageRequest {
                api_id,
                stage_name: "$default".into(),
                default_route_settings: Some(stage_default),
                route_settings: Some(per_route),
                ..Default::default()
            },
        )
    });
    setup
}

/// The statuses of `n` requests to `path`, one after another.
async fn statuses(gw: &Running, path: &str, n: usize) -> Vec<u16> {
    let c = client();
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        let r = call(&c, "GET", &gw.url(path), &[]).await;
        if r.status == 429 {
            assert_eq!(r.body, TOO_MANY);
            assert_eq!(r.header("content-type"), Some("application/json"));
        }
        out.push(r.status);
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_request_after_a_burst_is_throttled_and_never_reaches_the_backend() {
    let backend = CountingBackend::start().await;
    // A rate so low that no token comes back during the test.
    let setup = workspace(&backend, &["GET /pets"], limits(Some(3), Some(0.001)), &[]);
    let gw = setup.serve();
    assert_eq!(statuses(&gw, "/pets", 5).await, [200, 200, 200, 429, 429]);
    assert_eq!(backend.arrivals().len(), 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tokens_come_back_at_the_rate() {
    let backend = CountingBackend::start().await;
    // One token, back every two seconds.
    let setup = workspace(&backend, &["GET /pets"], limits(Some(1), Some(0.5)), &[]);
    let gw = setup.serve();
    assert_eq!(statuses(&gw, "/pets", 2).await, [200, 429]);
    let c = client();
    let url = gw.url("/pets");
    eventually("a token to come back", Duration::from_secs(10), || {
        let (c, url) = (&c, &url);
        async move { call(c, "GET", url, &[]).await.status == 200 }
    })
    .await;
    assert_eq!(backend.arrivals().len(), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn limits_of_zero_throttle_everything_and_serve_warns_about_them() {
    let backend = CountingBackend::start().await;
    let setup = workspace(
        &backend,
        &["GET /pets", "GET /toys"],
        limits(None, Some(0.0)),
        &[("GET /toys", limits(Some(0), Some(100.0)))],
    );
    let gw = serve::Serve::start(&setup.path, &[], None);
    assert_eq!(statuses_at(&gw, "/pets", 3).await, [429, 429, 429]);
    assert_eq!(statuses_at(&gw, "/toys", 2).await, [429, 429]);
    assert!(backend.arrivals().is_empty());
    eventually("serve's warnings", Duration::from_secs(10), || async {
        gw.stderr_has(
            "apigw serve: warning: API ",
        ) && gw.stderr_has(
            "stage $default: DefaultRouteSettings has ThrottlingRateLimit 0, so every request to it answers 429 Too Many Requests",
        ) && gw.stderr_has("RouteSettings for GET /toys has ThrottlingBurstLimit 0")
    })
    .await;
}

async fn statuses_at(gw: &serve::Serve, path: &str, n: usize) -> Vec<u16> {
    let c = client();
    let mut out = Vec::new();
    for _ in 0..n {
        out.push(call(&c, "GET", &gw.url(path), &[]).await.status);
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn route_settings_override_the_stage_default_each_route_its_own_bucket() {
    let backend = CountingBackend::start().await;
    let setup = workspace(
        &backend,
        &["GET /closed", "GET /open", "GET /narrow"],
        limits(Some(0), Some(0.0)),
        &[
            ("GET /open", limits(Some(100), Some(100.0))),
            // Only the burst: the rate is the stage's, which is 0.
            ("GET /narrow", limits(Some(2), None)),
        ],
    );
    let gw = setup.serve();
    assert_eq!(statuses(&gw, "/closed", 2).await, [429, 429]);
    assert_eq!(statuses(&gw, "/open", 3).await, [200, 200, 200]);
    assert_eq!(statuses(&gw, "/narrow", 1).await, [429]);
    assert_eq!(backend.arrivals().len(), 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_settings_the_account_default_lets_a_burst_through() {
    let backend = CountingBackend::start().await;
    let setup = workspace(&backend, &["GET /pets"], RouteSettings::default(), &[]);
    let gw = setup.serve();
    assert!(statuses(&gw, "/pets", 50).await.iter().all(|s| *s == 200));
    assert_eq!(backend.arrivals().len(), 50);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn throttling_comes_before_the_authorizer() {
    let key = TestKey::rsa("key-1", Algorithm::RS256);
    let idp = Idp::start(&[&key]).await;
    let backend = CountingBackend::start().await;
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
    for key in ["GET /guarded", "GET /open"] {
        setup.change(|ws| {
            ops::create_route(
                ws,
                CreateRouteRequest {
                    api_id: api_id.clone(),
                    route_key: key.into(),
                    target: Some(format!("integrations/{integration}")),
                    authorization_type: Some("JWT".into()),
                    authorizer_id: Some(authorizer.authorizer_id.clone()),
                    ..Default::default()
                },
            )
        });
    }
    setup.stage("$default", &[]);
    setup.change(|ws| {
        ops::update_stage(
            ws,
            UpdateStageRequest {
                api_id: api_id.clone(),
                stage_name: "$default".into(),
                route_settings: Some([("GET /guarded".to_string(), limits(Some(0), None))].into()),
                ..Default::default()
            },
        )
    });
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
    // No token: the throttled route answers 429 before its authorizer
    // could answer 401; the other route's authorizer does answer.
    assert_eq!(statuses(&gw, "/guarded", 1).await, [429]);
    assert_eq!(statuses(&gw, "/open", 1).await, [401]);
    assert!(backend.arrivals().is_empty());
}
