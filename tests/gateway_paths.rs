//! What reaches a backend is what the gateway routed and authorized: paths
//! with dot-segments or encoded separators are refused, repeated slashes
//! are merged before routing and forwarding alike, a standard method in
//! the wrong case is refused, and so are two `Host` headers or two values
//! of a JWT identity source. A real backend records the raw request lines
//! it receives; a real identity provider signs the tokens.

mod common;
#[path = "common/idp.rs"]
mod idp;
#[path = "common/raw.rs"]
mod raw;

use apigw::gateway::{Gateway, Hooks};
use apigw::jwt::{JwtAuthorizer, Verifier, VerifierOptions};
use apigw::model::{CreateAuthorizerRequest, CreateRouteRequest, JwtConfiguration};
use apigw::ops;
use common::{LISTENER_ARN, Running, Setup};
use idp::{Idp, TestKey, now, raw_token};
use jsonwebtoken::Algorithm;
use raw::{RecordingBackend, request, send};
use serde_json::json;
use std::sync::Arc;
use std::time::Duration;

const AUDIENCE: &str = "admin-api";
const BAD_REQUEST: &str = r#"{"message":"Bad Request"}"#;

struct World {
    idp: Idp,
    key: TestKey,
    backend: RecordingBackend,
    gw: Running,
    _setup: Setup,
}

/// Stage `test`; `GET /admin/{proxy+}` behind a JWT authorizer, open
/// `GET /public/{proxy+}` and `ANY /{proxy+}`; all to one private
/// integration whose listener's target records what it receives.
async fn world() -> World {
    let key = TestKey::rsa("key-1", Algorithm::RS256);
    let idp = Idp::start(&[&key]).await;
    let backend = RecordingBackend::start().await;
    let setup = Setup::new();
    setup.register_targets(&[backend.addr]);
    let integration =
        setup.private_integration(LISTENER_ARN, |r| r.integration_method = Some("ANY".into()));
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
                    audience: Some(vec![AUDIENCE.into()]),
                    issuer: Some(issuer),
                }),
                name: "idp".into(),
                ..Default::default()
            },
        )
    });
    for (route_key, jwt) in [
        ("GET /admin/{proxy+}", true),
        ("GET /public/{proxy+}", false),
        ("ANY /{proxy+}", false),
    ] {
        setup.change(|ws| {
            ops::create_route(
                ws,
                CreateRouteRequest {
                    api_id: api_id.clone(),
                    route_key: route_key.into(),
                    target: Some(format!("integrations/{integration}")),
                    authorization_type: jwt.then(|| "JWT".into()),
                    authorizer_id: jwt.then(|| authorizer.authorizer_id.clone()),
                    ..Default::default()
                },
            )
        });
    }
    setup.stage("test", &[]);
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

impl World {
    fn claims(&self) -> serde_json::Value {
        let now = now();
        json!({"iss": self.idp.issuer(), "sub": "alice", "aud": AUDIENCE, "iat": now, "exp": now + 600})
    }

    fn token(&self) -> String {
        format!("Bearer {}", self.key.sign(&self.claims()))
    }

    /// A token nobody signed (`alg: none`) claiming to be the admin.
    fn unsigned(&self) -> String {
        let claims = json!({"iss": self.idp.issuer(), "sub": "mallory", "aud": AUDIENCE,
                            "exp": now() + 600, "admin": true});
        format!(
            "Bearer {}",
            raw_token(&json!({"alg": "none", "typ": "JWT"}), &claims, b"")
        )
    }

    /// Sends `method target` and says what the gateway answered and which
    /// request lines the backend received meanwhile.
    async fn exchange(
        &self,
        method: &str,
        target: &str,
        headers: &[(&str, &str)],
    ) -> (raw::RawReply, Vec<String>) {
        self.backend.forget();
        let reply = send(self.gw.addr, &request(method, target, headers)).await;
        (reply, self.backend.request_lines())
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dot_segments_and_encoded_separators_are_refused_before_any_backend() {
    let w = world().await;
    for target in [
        "/test/public/../admin/x",
        "/test/public/%2e%2e/admin/x",
        "/test/public/%2E%2E/admin/x",
        "/test/public/.%2E/admin/x",
        "/test/public/x/../../admin/x",
        "/test/public/./x",
        "/test/public/..;jsessionid=1/admin/x",
        "/test/public/..%2fadmin/x",
        "/test/public/..%2Fadmin/x",
        "/test/public/x%2f..%2f..%2fadmin%2fx",
        "/test/public/..%5cadmin/x",
        "/test/%61dmin/x",
        "/test/public/%zz",
    ] {
        let (reply, seen) = w.exchange("GET", target, &[]).await;
        assert_eq!(reply.status, 400, "{target}: {}", reply.head);
        assert_eq!(reply.body, BAD_REQUEST, "{target}");
        assert!(
            reply.head.to_ascii_lowercase().contains("apigw-requestid:"),
            "{target}"
        );
        assert_eq!(seen, Vec::<String>::new(), "{target} reached the backend");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn repeated_slashes_are_merged_for_routing_and_forwarding_alike() {
    let w = world().await;
    // Without a token the merged path is the JWT route's: refused.
    let (reply, seen) = w.exchange("GET", "/test//admin/x", &[]).await;
    assert_eq!(reply.status, 401, "{}", reply.head);
    assert!(seen.is_empty(), "{seen:?}");
    let (reply, seen) = w.exchange("GET", "//test///admin//x", &[]).await;
    assert_eq!(reply.status, 401, "{}", reply.head);
    assert!(seen.is_empty(), "{seen:?}");

    // With one, the backend gets the path that was authorized.
    let token = w.token();
    let (reply, seen) = w
        .exchange("GET", "/test//admin/x?a=1", &[("Authorization", &token)])
        .await;
    assert_eq!(reply.status, 200, "{}", reply.head);
    assert_eq!(seen, ["GET /test/admin/x?a=1 HTTP/1.1"]);

    let (reply, seen) = w.exchange("GET", "/test//public//y/", &[]).await;
    assert_eq!(reply.status, 200, "{}", reply.head);
    assert_eq!(seen, ["GET /test/public/y/ HTTP/1.1"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn clean_paths_reach_the_backend_byte_for_byte() {
    let w = world().await;
    for target in [
        "/test/public/y",
        "/test/public/a%20b/caf%C3%A9?q=%2e%2e/x",
        "/test/public/.../x",
        "/test/anything/else",
    ] {
        let (reply, seen) = w.exchange("GET", target, &[]).await;
        assert_eq!(reply.status, 200, "{target}: {}", reply.head);
        assert_eq!(seen, [format!("GET {target} HTTP/1.1")]);
    }
    let token = w.token();
    let (reply, seen) = w
        .exchange("GET", "/test/admin/x", &[("Authorization", &token)])
        .await;
    assert_eq!(reply.status, 200, "{}", reply.head);
    assert_eq!(seen, ["GET /test/admin/x HTTP/1.1"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_standard_method_in_the_wrong_case_is_refused() {
    let w = world().await;
    for method in ["get", "Get", "post", "dElEtE"] {
        let (reply, seen) = w.exchange(method, "/test/admin/x", &[]).await;
        assert_eq!(reply.status, 400, "{method}: {}", reply.head);
        assert_eq!(reply.body, BAD_REQUEST, "{method}");
        assert!(seen.is_empty(), "{method} reached the backend: {seen:?}");
    }
    // Extension methods still go to ANY routes, as they are.
    let (reply, seen) = w.exchange("PURGE", "/test/cache/x", &[]).await;
    assert_eq!(reply.status, 200, "{}", reply.head);
    assert_eq!(seen, ["PURGE /test/cache/x HTTP/1.1"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_authorization_headers_are_refused_whatever_their_order() {
    let w = world().await;
    let (good, unsigned) = (w.token(), w.unsigned());
    for pair in [[&good, &unsigned], [&unsigned, &good], [&good, &good]] {
        let (reply, seen) = w
            .exchange(
                "GET",
                "/test/admin/x",
                &[("Authorization", pair[0]), ("Authorization", pair[1])],
            )
            .await;
        assert_eq!(reply.status, 401, "{}", reply.head);
        assert_eq!(reply.body, r#"{"message":"Unauthorized"}"#);
        assert!(
            reply
                .head
                .to_ascii_lowercase()
                .contains("www-authenticate: bearer"),
            "{}",
            reply.head
        );
        assert!(seen.is_empty(), "a backend saw it: {seen:?}");
    }
    // The unsigned token alone is refused too, and one good token passes
    // with exactly one Authorization header forwarded.
    let (reply, seen) = w
        .exchange("GET", "/test/admin/x", &[("Authorization", &unsigned)])
        .await;
    assert_eq!(reply.status, 401, "{}", reply.head);
    assert!(seen.is_empty());
    let (reply, _) = w
        .exchange("GET", "/test/admin/x", &[("Authorization", &good)])
        .await;
    assert_eq!(reply.status, 200, "{}", reply.head);
    let head = w.backend.heads().pop().unwrap().to_ascii_lowercase();
    assert_eq!(head.matches("\r\nauthorization:").count(), 1, "{head}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_host_headers_are_refused() {
    let w = world().await;
    let (reply, seen) = w
        .exchange("GET", "/test/public/y", &[("Host", "evil.test")])
        .await;
    assert_eq!(reply.status, 400, "{}", reply.head);
    assert_eq!(reply.body, BAD_REQUEST);
    assert!(seen.is_empty(), "{seen:?}");
}
