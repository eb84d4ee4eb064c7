//! API Gateway's limits on fetching an issuer's keys, with the verifier's
//! default options: each of the discovery document and the JWKS must arrive
//! within 1,500 ms and be at most 150,000 bytes. Real identity providers on
//! 127.0.0.1 that stall or send too much.

#[path = "common/idp.rs"]
mod idp;

use apigw::jwt::{
    Claims, Denial, FETCH_TIMEOUT, JwtRule, MAX_KEYS_BYTES, Verifier, VerifierOptions,
};
use idp::{DISCOVERY, KEYS, Reply, Server, TestKey, now};
use jsonwebtoken::Algorithm;
use serde_json::json;
use std::sync::Arc;
use std::time::{Duration, Instant};

const AUDIENCE: &str = "orders-api";

/// The defaults `apigw serve` uses, trusting nothing outside the test.
fn verifier() -> Verifier {
    Verifier::new(VerifierOptions {
        system_roots: false,
        ..VerifierOptions::default()
    })
}

async fn check(issuer: &str, key: &TestKey) -> Result<Claims, Denial> {
    let now = now();
    let token = key.sign(&json!({"iss": issuer, "aud": AUDIENCE, "iat": now, "exp": now + 600}));
    let audiences = vec![AUDIENCE.to_string()];
    let rule = JwtRule {
        issuer,
        audiences: &audiences,
        scopes: &[],
    };
    verifier().verify(&rule, Some(&token)).await
}

/// Asserts the keys could not be fetched, and returns the log's reason.
#[track_caller]
fn unavailable(result: Result<Claims, Denial>) -> String {
    let denial = result.expect_err("the token was accepted");
    assert_eq!(denial.status(), 401);
    assert!(
        denial
            .www_authenticate()
            .unwrap_or_default()
            .contains("error_description=\"the issuer's signing keys could not be fetched\""),
        "{denial:?}"
    );
    denial.reason().to_string()
}

/// An issuer whose discovery document and JWKS answers are chosen by the test.
async fn issuer(discovery: impl Fn(&str) -> Reply + Send + Sync + 'static, keys: Reply) -> Server {
    Server::start(Arc::new(move |base: &str, path: &str| match path {
        DISCOVERY => discovery(base),
        KEYS => keys.clone(),
        _ => Reply::Status(404),
    }))
    .await
}

fn discovery_doc(base: &str) -> String {
    json!({"issuer": base, "jwks_uri": format!("{base}{KEYS}")}).to_string()
}

#[test]
fn the_defaults_are_the_services_limits() {
    let options = VerifierOptions::default();
    assert_eq!(options.fetch_timeout, Duration::from_millis(1500));
    assert_eq!(options.fetch_timeout, FETCH_TIMEOUT);
    assert_eq!(options.max_jwks_bytes, 150_000);
    assert_eq!(options.max_jwks_bytes, MAX_KEYS_BYTES);
}

#[tokio::test]
async fn a_discovery_document_slower_than_1500_ms_is_refused() {
    let key = TestKey::rsa("k1", Algorithm::RS256);
    let jwks = Reply::Json(idp::jwks(&[&key]));
    let slow = Duration::from_millis(2500);
    let server = issuer(move |base| Reply::Slow(slow, discovery_doc(base)), jwks).await;
    let started = Instant::now();
    let reason = unavailable(check(&server.url, &key).await);
    assert!(
        started.elapsed() >= FETCH_TIMEOUT,
        "{:?}",
        started.elapsed()
    );
    assert!(reason.contains("took longer than 1500 ms"), "{reason}");
    assert!(reason.contains(DISCOVERY), "{reason}");
    assert_eq!(server.hits(KEYS), 0);
}

#[tokio::test]
async fn a_jwks_slower_than_1500_ms_is_refused() {
    let key = TestKey::rsa("k1", Algorithm::RS256);
    let slow = Reply::Slow(Duration::from_millis(2500), idp::jwks(&[&key]));
    let server = issuer(|base| Reply::Json(discovery_doc(base)), slow).await;
    let reason = unavailable(check(&server.url, &key).await);
    assert!(reason.contains("took longer than 1500 ms"), "{reason}");
    assert!(reason.contains(KEYS), "{reason}");
}

#[tokio::test]
async fn a_jwks_answered_within_the_deadline_is_used() {
    let key = TestKey::rsa("k1", Algorithm::RS256);
    let prompt = Reply::Slow(Duration::from_millis(200), idp::jwks(&[&key]));
    let server = issuer(|base| Reply::Json(discovery_doc(base)), prompt).await;
    let got = check(&server.url, &key).await;
    assert!(got.is_ok(), "{got:?}");
}

/// A JWKS holding `key` and padding, exactly `size` bytes long.
fn jwks_of_size(key: &TestKey, size: usize) -> String {
    let doc = |pad: usize| {
        json!({"keys": [key.jwk, {"kty": "oct", "kid": "padding", "k": "A".repeat(pad)}]})
            .to_string()
    };
    let bare = doc(0).len();
    let text = doc(size - bare);
    assert_eq!(text.len(), size);
    text
}

#[tokio::test]
async fn a_jwks_of_150000_bytes_is_used_and_one_of_150001_refused() {
    let key = TestKey::rsa("k1", Algorithm::RS256);
    for (size, accepted) in [(150_000, true), (150_001, false)] {
        let doc = jwks_of_size(&key, size);
        // Sent with its length, and chunked without one.
        for reply in [Reply::Json(doc.clone()), Reply::Chunked(doc.clone())] {
            let what = format!(
                "{size} bytes, {}",
                if matches!(reply, Reply::Json(_)) {
                    "sized"
                } else {
                    "chunked"
                }
            );
            let server = issuer(|base| Reply::Json(discovery_doc(base)), reply).await;
            let got = check(&server.url, &key).await;
            if accepted {
                assert!(got.is_ok(), "{what}: {got:?}");
            } else {
                let reason = unavailable(got);
                assert!(
                    reason.contains("larger than 150000 bytes"),
                    "{what}: {reason}"
                );
            }
        }
    }
}

#[tokio::test]
async fn a_discovery_document_over_150000_bytes_is_refused() {
    let key = TestKey::rsa("k1", Algorithm::RS256);
    let jwks = Reply::Json(idp::jwks(&[&key]));
    let server = issuer(
        |base| {
            let padded = json!({"issuer": base, "jwks_uri": format!("{base}{KEYS}"),
                                "padding": "x".repeat(150_001)});
            Reply::Chunked(padded.to_string())
        },
        jwks,
    )
    .await;
    let reason = unavailable(check(&server.url, &key).await);
    assert!(reason.contains("larger than 150000 bytes"), "{reason}");
    assert_eq!(server.hits(KEYS), 0);
}
