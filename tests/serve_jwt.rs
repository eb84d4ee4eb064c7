//! JWT authorizers enforced by `apigw serve`: a real identity provider and a
//! real backend on 127.0.0.1, the gateway between them with the JWT verifier
//! plugged in as the command line plugs it in.

mod common;
#[path = "common/idp.rs"]
mod idp;

use apigw::gateway::{Gateway, Hooks};
use apigw::jwt::{JwtAuthorizer, Verifier, VerifierOptions};
use apigw::model::{CreateAuthorizerRequest, CreateRouteRequest, JwtConfiguration};
use apigw::ops;
use common::{Backend, Running, Setup, call, client};
use idp::{Idp, TestKey, now};
use jsonwebtoken::{Algorithm, Header};
use serde_json::{Value, json};
use std::sync::Arc;
use std::time::Duration;

const AUDIENCE: &str = "orders-api";
const UNAUTHORIZED: &str = r#"{"message":"Unauthorized"}"#;
const FORBIDDEN: &str = r#"{"message":"Forbidden"}"#;

struct World {
    idp: Idp,
    key: TestKey,
    backend: Backend,
    gw: Running,
    _setup: Setup,
}

/// One API with a JWT route (`GET /orders`, scope `orders:read`) and an
/// open one (`GET /open`), both to the same backend; the route maps the
/// token's `sub` into the backend header `x-user`.
async fn world() -> World {
    let key = TestKey::rsa("key-1", Algorithm::RS256);
    let idp = Idp::start(&[&key]).await;
    let backend = Backend::start("orders").await;
    let setup = Setup::new();
    let integration = setup.url_integration(&format!("http://{}/{{proxy}}", backend.addr), |r| {
        r.request_parameters = Some(
            [(
                "overwrite:header.x-user".to_string(),
                "$context.authorizer.claims.sub".to_string(),
            )]
            .into(),
        );
    });
    let issuer = idp.issuer().to_string();
    let api_id = setup.api_id.clone();
    let authorizer = setup.change(|ws| {
        ops::create_authorizer(
            ws,
            CreateAuthorizerRequest {
                api_id: api_id.clone(),
                authorizer_type: "JWT".into(),
                identity_source: vec!["$request.header.Authorization".into()],
                jwt_configuration: Some(JwtConfiguration {
                    audience: Some(vec![AUDIENCE.into()]),
                    issuer: Some(issuer),
                }),
                name: "idp".into(),
                ..Default::default()
            },
        )
    });
    for (key, jwt) in [("GET /{proxy+}", true), ("GET /open/{proxy+}", false)] {
        setup.change(|ws| {
            ops::create_route(
                ws,
                CreateRouteRequest {
                    api_id: api_id.clone(),
                    route_key: key.into(),
                    target: Some(format!("integrations/{integration}")),
                    authorization_type: jwt.then(|| "JWT".into()),
                    authorizer_id: jwt.then(|| authorizer.authorizer_id.clone()),
                    authorization_scopes: jwt.then(|| vec!["orders:read".into()]),
                    ..Default::default()
                },
            )
        });
    }
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
    World {
        idp,
        key,
        backend,
        gw: Running {
            addr,
            handle: Some(handle),
        },
        _setup: setup,
    }
}

fn claims(w: &World) -> Value {
    let now = now();
    json!({"iss": w.idp.issuer(), "sub": "alice", "aud": AUDIENCE, "iat": now, "exp": now + 600, "scope": "orders:read"})
}

fn with(mut c: Value, name: &str, v: Value) -> Value {
    c[name] = v;
    c
}

async fn get(w: &World, path: &str, token: Option<&str>) -> common::Reply {
    let auth = token.map(|t| format!("Bearer {t}"));
    let headers: Vec<(&str, &str)> = auth.iter().map(|a| ("authorization", a.as_str())).collect();
    call(&client(), "GET", &w.gw.url(path), &headers).await
}

/// Asserts a 401 with the service's body and a `www-authenticate` challenge,
/// and that the backend was not called.
async fn refused(w: &World, token: Option<&str>, why: &str) {
    let before = w.backend.hits();
    let r = get(w, "/orders/1", token).await;
    assert_eq!(r.status, 401, "{why}: {}", r.body);
    assert_eq!(r.body, UNAUTHORIZED, "{why}");
    let challenge = r.header("www-authenticate").unwrap_or_default();
    assert!(challenge.starts_with("Bearer"), "{why}: {challenge}");
    assert!(r.header("apigw-requestid").is_some());
    assert_eq!(
        w.backend.hits(),
        before,
        "{why}: the request never reaches the backend"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_valid_token_reaches_the_backend_with_its_claim_mapped() {
    let w = world().await;
    let token = w.key.sign(&claims(&w));
    let r = get(&w, "/orders/1", Some(&token)).await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(r.seen_header("x-user").as_deref(), Some("alice"));
    let open = get(&w, "/open/1", None).await;
    assert_eq!(open.status, 200, "an open route needs no token");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_tokens_are_refused_with_401() {
    let w = world().await;
    let c = claims(&w);
    let n = now();
    refused(&w, None, "missing header").await;
    refused(
        &w,
        Some(&w.key.sign(&with(c.clone(), "exp", json!(n - 3600)))),
        "expired",
    )
    .await;
    refused(
        &w,
        Some(&w.key.sign(&with(c.clone(), "nbf", json!(n + 3600)))),
        "not yet valid",
    )
    .await;
    refused(
        &w,
        Some(
            &w.key
                .sign(&with(c.clone(), "iss", json!("https://other.example.com"))),
        ),
        "wrong issuer",
    )
    .await;
    refused(
        &w,
        Some(&w.key.sign(&with(c.clone(), "aud", json!("someone-else")))),
        "wrong audience",
    )
    .await;
    let other = TestKey::other_rsa("key-1", Algorithm::RS256);
    refused(&w, Some(&other.sign(&c)), "bad signature").await;
    refused(&w, Some(&w.key.sign_as("no-such-kid", &c)), "unknown kid").await;
    let none = format!(
        "{}.{}.",
        idp::b64url(br#"{"alg":"none","typ":"JWT","kid":"key-1"}"#),
        idp::b64url(c.to_string().as_bytes())
    );
    refused(&w, Some(&none), "alg none").await;
    let mut hs = Header::new(Algorithm::HS256);
    hs.kid = Some("key-1".into());
    let hmac =
        jsonwebtoken::encode(&hs, &c, &jsonwebtoken::EncodingKey::from_secret(b"secret")).unwrap();
    refused(&w, Some(&hmac), "HMAC").await;
    // A token longer than the verifier takes (16 KiB) makes a head over the
    // service's 10,240 bytes: refused with 431 before any token check, and
    // the backend is not called either way.
    let before = w.backend.hits();
    let r = get(&w, "/orders/1", Some(&"a".repeat(20_000))).await;
    assert_eq!(r.status, 431, "oversized: {}", r.body);
    assert_eq!(w.backend.hits(), before, "oversized");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_token_without_the_route_scope_is_forbidden() {
    let w = world().await;
    let before = w.backend.hits();
    let token = w
        .key
        .sign(&with(claims(&w), "scope", json!("orders:write")));
    let r = get(&w, "/orders/1", Some(&token)).await;
    assert_eq!(r.status, 403, "{}", r.body);
    assert_eq!(r.body, FORBIDDEN);
    assert_eq!(w.backend.hits(), before);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rotated_keys_are_picked_up() {
    let w = world().await;
    assert_eq!(
        get(&w, "/orders/1", Some(&w.key.sign(&claims(&w))))
            .await
            .status,
        200
    );
    let next = TestKey::other_rsa("key-2", Algorithm::RS256);
    w.idp.set_keys(&[&next]);
    let r = get(&w, "/orders/1", Some(&next.sign(&claims(&w)))).await;
    assert_eq!(
        r.status, 200,
        "a new kid makes the gateway fetch the keys again: {}",
        r.body
    );
}
