//! The JWT verifier against a real identity provider on 127.0.0.1: every
//! way a token can pass or fail, and how keys are fetched, cached, refreshed
//! and refused. Keys are the committed RSA test keys (API Gateway accepts
//! only RS256, RS384 and RS512) and EC keys made in the test, to show that
//! ECDSA tokens are refused.

#[path = "common/idp.rs"]
mod idp;

use apigw::jwt::{Claims, Denial, JwtRule, Verifier, VerifierOptions};
use idp::{Idp, Reply, Server, TestKey, now, raw_token};
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use serde_json::{Value, json};
use std::sync::Arc;
use std::time::{Duration, Instant};

const AUDIENCE: &str = "orders-api";

fn audiences() -> Vec<String> {
    vec!["other-api".to_string(), AUDIENCE.to_string()]
}

/// Test options: no system roots (nothing outside the test is trusted) and
/// no pause between fetches unless a test asks for one.
fn options() -> VerifierOptions {
    VerifierOptions {
        system_roots: false,
        min_refetch_interval: Duration::ZERO,
        ..VerifierOptions::default()
    }
}

fn verifier() -> Verifier {
    Verifier::new(options())
}

fn claims(issuer: &str) -> Value {
    let now = now();
    json!({
        "iss": issuer,
        "sub": "user-1",
        "aud": AUDIENCE,
        "iat": now,
        "exp": now + 600,
    })
}

fn with(mut claims: Value, name: &str, value: Value) -> Value {
    claims[name] = value;
    claims
}

fn without(mut claims: Value, name: &str) -> Value {
    claims.as_object_mut().unwrap().remove(name);
    claims
}

async fn check(v: &Verifier, issuer: &str, scopes: &[&str], token: &str) -> Result<Claims, Denial> {
    let auds = audiences();
    let scopes: Vec<String> = scopes.iter().map(|s| s.to_string()).collect();
    let rule = JwtRule {
        issuer,
        audiences: &auds,
        scopes: &scopes,
    };
    v.verify(&rule, Some(&format!("Bearer {token}"))).await
}

/// The challenge's error_description, after checking the 401's shape.
#[track_caller]
fn description(result: Result<Claims, Denial>) -> String {
    let denial = result.expect_err("the token was accepted");
    assert_eq!(denial.status(), 401, "{denial:?}");
    assert_eq!(denial.body(), r#"{"message":"Unauthorized"}"#);
    let challenge = denial.www_authenticate().unwrap().to_string();
    let prefix = r#"Bearer realm="apigw", error="invalid_token", error_description=""#;
    assert!(challenge.starts_with(prefix), "{challenge}");
    challenge[prefix.len()..challenge.len() - 1].to_string()
}

#[tokio::test]
async fn a_valid_token_returns_its_claims() {
    let key = TestKey::rsa("k1", Algorithm::RS256);
    let idp = Idp::start(&[&key]).await;
    let v = verifier();
    let sent = with(claims(idp.issuer()), "email", json!("a@example.com"));
    let got = check(&v, idp.issuer(), &[], &key.sign(&sent))
        .await
        .unwrap();
    assert_eq!(Value::Object(got), sent);

    // The prefix is optional and its case does not matter.
    let auds = audiences();
    let rule = JwtRule {
        issuer: idp.issuer(),
        audiences: &auds,
        scopes: &[],
    };
    let token = key.sign(&sent);
    assert!(v.verify(&rule, Some(&token)).await.is_ok());
    assert!(
        v.verify(&rule, Some(&format!("bearer {token}")))
            .await
            .is_ok()
    );
    // Keys were fetched once and then reused.
    assert_eq!((idp.discovery_fetches(), idp.jwks_fetches()), (1, 1));
}

/// What a client is told about an algorithm API Gateway does not accept.
const NOT_SUPPORTED: &str = "the token's signing algorithm is not supported by API Gateway (only RS256, RS384 and RS512 are)";

#[tokio::test]
async fn an_rsa_key_verifies_rs256_rs384_and_rs512() {
    let idp = Idp::start(&[&TestKey::rsa("rsa", Algorithm::RS256)]).await;
    let v = verifier();
    for alg in [Algorithm::RS256, Algorithm::RS384, Algorithm::RS512] {
        let token = TestKey::rsa("rsa", alg).sign(&claims(idp.issuer()));
        let got = check(&v, idp.issuer(), &[], &token).await;
        assert!(got.is_ok(), "{alg:?}: {got:?}");
    }
}

#[tokio::test]
async fn ecdsa_and_pss_tokens_are_refused_even_when_the_issuer_publishes_their_key() {
    let p256 = TestKey::ec("p256", Algorithm::ES256);
    let p384 = TestKey::ec("p384", Algorithm::ES384);
    let rsa = TestKey::rsa("rsa", Algorithm::RS256);
    let idp = Idp::start(&[&p256, &p384, &rsa]).await;
    let v = verifier();
    let mut tokens = vec![
        ("ES256", p256.sign(&claims(idp.issuer()))),
        ("ES384", p384.sign(&claims(idp.issuer()))),
    ];
    for (name, alg) in [
        ("PS256", Algorithm::PS256),
        ("PS384", Algorithm::PS384),
        ("PS512", Algorithm::PS512),
    ] {
        tokens.push((name, TestKey::rsa("rsa", alg).sign(&claims(idp.issuer()))));
    }
    for (name, token) in tokens {
        let got = check(&v, idp.issuer(), &[], &token).await;
        let reason = got.clone().unwrap_err().reason().to_string();
        assert_eq!(description(got), NOT_SUPPORTED, "{name}");
        assert!(
            reason.contains(&format!(
                "algorithm \"{name}\" is not supported by API Gateway"
            )),
            "{reason}"
        );
    }
    // Refused on sight: the issuer was never asked for keys.
    assert_eq!(idp.discovery_fetches(), 0);
    // The same issuer's RSA key still verifies RS256.
    assert!(
        check(&v, idp.issuer(), &[], &rsa.sign(&claims(idp.issuer())))
            .await
            .is_ok()
    );
}

#[tokio::test]
async fn a_missing_token_gets_a_bare_challenge() {
    let idp = Idp::start(&[&TestKey::rsa("k1", Algorithm::RS256)]).await;
    let v = verifier();
    let auds = audiences();
    let rule = JwtRule {
        issuer: idp.issuer(),
        audiences: &auds,
        scopes: &[],
    };
    for identity in [
        None,
        Some(""),
        Some("   "),
        Some("Bearer"),
        Some("Bearer  "),
    ] {
        let denial = v.verify(&rule, identity).await.unwrap_err();
        assert_eq!(denial.status(), 401);
        assert_eq!(denial.www_authenticate(), Some(r#"Bearer realm="apigw""#));
    }
    assert_eq!(idp.discovery_fetches(), 0);
}

#[tokio::test]
async fn expired_tokens_are_refused() {
    let key = TestKey::rsa("k1", Algorithm::RS256);
    let idp = Idp::start(&[&key]).await;
    let v = verifier();
    let old = with(claims(idp.issuer()), "exp", json!(now() - 3600));
    let got = check(&v, idp.issuer(), &[], &key.sign(&old)).await;
    assert_eq!(description(got), "the token has expired");

    // Within the clock skew, a just-expired token still passes.
    let recent = with(claims(idp.issuer()), "exp", json!(now() - 5));
    assert!(
        check(&v, idp.issuer(), &[], &key.sign(&recent))
            .await
            .is_ok()
    );

    // A token must expire.
    let forever = without(claims(idp.issuer()), "exp");
    let got = check(&v, idp.issuer(), &[], &key.sign(&forever)).await;
    assert_eq!(description(got), "the token has a malformed claim");
}

#[tokio::test]
async fn tokens_not_valid_yet_are_refused() {
    let key = TestKey::rsa("k1", Algorithm::RS256);
    let idp = Idp::start(&[&key]).await;
    let later = with(claims(idp.issuer()), "nbf", json!(now() + 3600));
    let got = check(&verifier(), idp.issuer(), &[], &key.sign(&later)).await;
    assert_eq!(description(got), "the token is not valid yet");
}

#[tokio::test]
async fn tokens_issued_in_the_future_are_refused() {
    let key = TestKey::rsa("k1", Algorithm::RS256);
    let idp = Idp::start(&[&key]).await;
    let v = verifier();
    let future = with(claims(idp.issuer()), "iat", json!(now() + 3600));
    let got = check(&v, idp.issuer(), &[], &key.sign(&future)).await;
    assert_eq!(description(got), "the token was issued in the future");
    let slightly = with(claims(idp.issuer()), "iat", json!(now() + 10));
    assert!(
        check(&v, idp.issuer(), &[], &key.sign(&slightly))
            .await
            .is_ok()
    );
}

#[tokio::test]
async fn the_issuer_must_match_exactly() {
    let key = TestKey::rsa("k1", Algorithm::RS256);
    let idp = Idp::start(&[&key]).await;
    let v = verifier();
    for iss in [
        json!("https://other.example.com"),
        json!(format!("{}/", idp.issuer())),
        json!(idp.issuer().to_uppercase()),
        json!(null),
        json!([idp.issuer()]),
    ] {
        let token = key.sign(&with(claims(idp.issuer()), "iss", iss.clone()));
        let got = check(&v, idp.issuer(), &[], &token).await;
        assert_eq!(
            description(got),
            "the token does not have a valid issuer",
            "{iss}"
        );
    }
    let token = key.sign(&without(claims(idp.issuer()), "iss"));
    let got = check(&v, idp.issuer(), &[], &token).await;
    assert_eq!(description(got), "the token does not have a valid issuer");
}

#[tokio::test]
async fn the_audience_must_be_configured() {
    let key = TestKey::rsa("k1", Algorithm::RS256);
    let idp = Idp::start(&[&key]).await;
    let v = verifier();
    let wrong = with(claims(idp.issuer()), "aud", json!("billing-api"));
    let got = check(&v, idp.issuer(), &[], &key.sign(&wrong)).await;
    assert_eq!(description(got), "the token does not have a valid audience");

    let several = with(
        claims(idp.issuer()),
        "aud",
        json!(["billing-api", AUDIENCE]),
    );
    assert!(
        check(&v, idp.issuer(), &[], &key.sign(&several))
            .await
            .is_ok()
    );

    let none = without(claims(idp.issuer()), "aud");
    let got = check(&v, idp.issuer(), &[], &key.sign(&none)).await;
    assert_eq!(description(got), "the token does not have a valid audience");
}

#[tokio::test]
async fn client_id_counts_only_when_aud_is_absent() {
    let key = TestKey::rsa("k1", Algorithm::RS256);
    let idp = Idp::start(&[&key]).await;
    let v = verifier();
    let access = with(
        without(claims(idp.issuer()), "aud"),
        "client_id",
        json!(AUDIENCE),
    );
    let got = check(&v, idp.issuer(), &[], &key.sign(&access))
        .await
        .unwrap();
    assert_eq!(got["client_id"], AUDIENCE);

    let wrong_client = with(access.clone(), "client_id", json!("someone-else"));
    let got = check(&v, idp.issuer(), &[], &key.sign(&wrong_client)).await;
    assert_eq!(description(got), "the token does not have a valid audience");

    // With both, aud decides.
    let both = with(access, "aud", json!("billing-api"));
    let got = check(&v, idp.issuer(), &[], &key.sign(&both)).await;
    assert_eq!(description(got), "the token does not have a valid audience");
}

#[tokio::test]
async fn a_bad_signature_is_refused() {
    let key = TestKey::rsa("k1", Algorithm::RS256);
    let impostor = TestKey::other_rsa("k1", Algorithm::RS256);
    let idp = Idp::start(&[&key]).await;
    let v = verifier();
    let forged = impostor.sign(&claims(idp.issuer()));
    let got = check(&v, idp.issuer(), &[], &forged).await;
    assert_eq!(description(got), "the token signature is invalid");

    // A genuine signature over other claims.
    let genuine = key.sign(&claims(idp.issuer()));
    let mut parts: Vec<&str> = genuine.split('.').collect();
    let tampered_claims = with(claims(idp.issuer()), "sub", json!("admin"));
    let tampered_payload = idp::b64url(tampered_claims.to_string().as_bytes());
    parts[1] = &tampered_payload;
    let got = check(&v, idp.issuer(), &[], &parts.join(".")).await;
    assert_eq!(description(got), "the token signature is invalid");
}

#[tokio::test]
async fn an_unknown_kid_is_refused_after_one_refetch() {
    let key = TestKey::rsa("k1", Algorithm::RS256);
    let idp = Idp::start(&[&key]).await;
    let v = verifier();
    assert!(
        check(&v, idp.issuer(), &[], &key.sign(&claims(idp.issuer())))
            .await
            .is_ok()
    );
    assert_eq!(idp.jwks_fetches(), 1);

    let stranger = TestKey::other_rsa("k2", Algorithm::RS256);
    let got = check(&v, idp.issuer(), &[], &stranger.sign(&claims(idp.issuer()))).await;
    assert_eq!(
        description(got),
        "the token's key id (kid) is not among the issuer's keys"
    );
    assert_eq!(
        idp.jwks_fetches(),
        2,
        "an unknown kid fetches the keys again"
    );
}

#[tokio::test]
async fn a_flood_of_unknown_kids_fetches_keys_at_most_once_per_interval() {
    let key = TestKey::rsa("k1", Algorithm::RS256);
    let idp = Idp::start(&[&key]).await;
    let v = Verifier::new(VerifierOptions {
        min_refetch_interval: Duration::from_secs(60),
        ..options()
    });
    assert!(
        check(&v, idp.issuer(), &[], &key.sign(&claims(idp.issuer())))
            .await
            .is_ok()
    );
    for i in 0..50 {
        let token = key.sign_as(&format!("bogus-{i}"), &claims(idp.issuer()));
        let got = check(&v, idp.issuer(), &[], &token).await;
        assert_eq!(
            description(got),
            "the token's key id (kid) is not among the issuer's keys"
        );
    }
    assert_eq!((idp.discovery_fetches(), idp.jwks_fetches()), (1, 1));
    // Good tokens still pass meanwhile.
    assert!(
        check(&v, idp.issuer(), &[], &key.sign(&claims(idp.issuer())))
            .await
            .is_ok()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_requests_share_one_fetch() {
    let key = Arc::new(TestKey::rsa("k1", Algorithm::RS256));
    let idp = Idp::start(&[&key]).await;
    let v = verifier();
    let issuer = idp.issuer().to_string();
    let mut tasks = Vec::new();
    for _ in 0..20 {
        let (v, issuer, key) = (v.clone(), issuer.clone(), key.clone());
        tasks.push(tokio::spawn(async move {
            check(&v, &issuer, &[], &key.sign(&claims(&issuer))).await
        }));
    }
    for task in tasks {
        assert!(task.await.unwrap().is_ok());
    }
    assert_eq!((idp.discovery_fetches(), idp.jwks_fetches()), (1, 1));
}

#[tokio::test]
async fn rotated_keys_are_picked_up() {
    let old = TestKey::rsa("2024", Algorithm::RS256);
    let new = TestKey::other_rsa("2025", Algorithm::RS256);
    let idp = Idp::start(&[&old]).await;
    let v = verifier();
    assert!(
        check(&v, idp.issuer(), &[], &old.sign(&claims(idp.issuer())))
            .await
            .is_ok()
    );

    idp.set_keys(&[&new]);
    let got = check(&v, idp.issuer(), &[], &new.sign(&claims(idp.issuer()))).await;
    assert!(got.is_ok(), "{got:?}");
    assert_eq!(idp.jwks_fetches(), 2);
    // The retired key is gone with the old set.
    let got = check(&v, idp.issuer(), &[], &old.sign(&claims(idp.issuer()))).await;
    assert_eq!(
        description(got),
        "the token's key id (kid) is not among the issuer's keys"
    );
}

#[tokio::test]
async fn keys_are_fetched_again_when_their_ttl_ends() {
    let key = TestKey::rsa("k1", Algorithm::RS256);
    let idp = Idp::start(&[&key]).await;
    let v = Verifier::new(VerifierOptions {
        keys_ttl: Duration::from_millis(200),
        ..options()
    });
    let token = key.sign(&claims(idp.issuer()));
    assert!(check(&v, idp.issuer(), &[], &token).await.is_ok());
    assert!(check(&v, idp.issuer(), &[], &token).await.is_ok());
    assert_eq!(idp.jwks_fetches(), 1);
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(check(&v, idp.issuer(), &[], &token).await.is_ok());
    assert_eq!(idp.jwks_fetches(), 2);
}

#[tokio::test]
async fn alg_none_is_refused() {
    let key = TestKey::rsa("k1", Algorithm::RS256);
    let idp = Idp::start(&[&key]).await;
    let v = verifier();
    let body = claims(idp.issuer());
    for alg in ["none", "None", "NONE"] {
        let header = json!({"alg": alg, "kid": "k1", "typ": "JWT"});
        // Without a signature, and with one appended for good measure.
        for signature in [&b""[..], b"whatever"] {
            let token = raw_token(&header, &body, signature);
            let got = check(&v, idp.issuer(), &[], &token).await;
            assert_eq!(description(got), NOT_SUPPORTED, "{token}");
        }
    }
}

#[tokio::test]
async fn hmac_tokens_keyed_with_the_public_key_are_refused() {
    let rsa = TestKey::rsa("rsa", Algorithm::RS256);
    let ec = TestKey::ec("ec", Algorithm::ES256);
    let idp = Idp::start(&[&rsa, &ec]).await;
    let v = verifier();
    // The classic confusion attack: HS256 with the public key as the secret.
    let secrets: Vec<(&str, Vec<u8>)> = vec![
        ("rsa", idp::RSA_PUBLIC_PEM.as_bytes().to_vec()),
        ("rsa", rsa.jwk.to_string().into_bytes()),
        ("ec", ec.jwk.to_string().into_bytes()),
    ];
    for (kid, secret) in secrets {
        for alg in [Algorithm::HS256, Algorithm::HS384, Algorithm::HS512] {
            let mut header = Header::new(alg);
            header.kid = Some(kid.to_string());
            let token = jsonwebtoken::encode(
                &header,
                &claims(idp.issuer()),
                &EncodingKey::from_secret(&secret),
            )
            .unwrap();
            let got = check(&v, idp.issuer(), &[], &token).await;
            assert_eq!(description(got), NOT_SUPPORTED);
        }
    }
}

#[tokio::test]
async fn a_key_of_another_type_verifies_nothing() {
    let rsa = TestKey::rsa("rsa", Algorithm::RS256);
    let p256 = TestKey::ec("p256", Algorithm::ES256);
    let idp = Idp::start(&[&rsa, &p256]).await;
    let v = verifier();
    // An RSA signature presented as the P-256 key's: EC keys are not kept,
    // since no token they could verify is accepted.
    let got = check(
        &v,
        idp.issuer(),
        &[],
        &rsa.sign_as("p256", &claims(idp.issuer())),
    )
    .await;
    assert_eq!(
        description(got),
        "the token's key id (kid) is not among the issuer's keys"
    );
    // An ECDSA signature presented as the RSA key's, or as the P-256 key's.
    let cases = [
        p256.sign_as("rsa", &claims(idp.issuer())),
        TestKey::ec("x", Algorithm::ES384).sign_as("p256", &claims(idp.issuer())),
    ];
    for token in cases {
        let got = check(&v, idp.issuer(), &[], &token).await;
        assert_eq!(description(got), NOT_SUPPORTED);
    }
}

#[tokio::test]
async fn a_jwk_that_names_its_algorithm_allows_only_that_one() {
    let mut rs384_only = TestKey::rsa("rsa", Algorithm::RS384);
    rs384_only.jwk["alg"] = json!("RS384");
    // A key published for PS256 is for an algorithm API Gateway refuses.
    let mut pss_only = TestKey::rsa("pss", Algorithm::RS256);
    pss_only.jwk["alg"] = json!("PS256");
    let idp = Idp::start(&[&rs384_only, &pss_only]).await;
    let v = verifier();
    assert!(
        check(
            &v,
            idp.issuer(),
            &[],
            &rs384_only.sign(&claims(idp.issuer()))
        )
        .await
        .is_ok()
    );
    let pkcs1 = TestKey::rsa("rsa", Algorithm::RS256).sign(&claims(idp.issuer()));
    let got = check(&v, idp.issuer(), &[], &pkcs1).await;
    assert_eq!(
        description(got),
        "the issuer's key does not allow the token's signing algorithm"
    );
    let got = check(&v, idp.issuer(), &[], &pss_only.sign(&claims(idp.issuer()))).await;
    assert_eq!(
        description(got),
        "the token's key id (kid) is not among the issuer's keys"
    );
}

#[tokio::test]
async fn tokens_without_a_kid_are_refused() {
    let key = TestKey::rsa("k1", Algorithm::RS256);
    let idp = Idp::start(&[&key]).await;
    let token = key.sign_with(Header::new(Algorithm::RS256), &claims(idp.issuer()));
    let got = check(&verifier(), idp.issuer(), &[], &token).await;
    assert_eq!(description(got), "the token has no key id (kid)");
    assert_eq!(idp.discovery_fetches(), 0);
}

#[tokio::test]
async fn malformed_tokens_are_refused() {
    let idp = Idp::start(&[&TestKey::rsa("k1", Algorithm::RS256)]).await;
    let v = verifier();
    for token in [
        "abc",
        "a.b",
        "a.b.c.d.e",
        "ey!.ey.sig",
        "e30.e30.e30",
        ".....",
    ] {
        let got = check(&v, idp.issuer(), &[], token).await;
        assert_eq!(description(got), "the token is malformed", "{token}");
    }
    assert_eq!(idp.discovery_fetches(), 0);
}

#[tokio::test]
async fn mangled_tokens_are_refused_without_panics() {
    let rsa = TestKey::rsa("rsa", Algorithm::RS256);
    let rs512 = TestKey::rsa("rsa", Algorithm::RS512);
    let idp = Idp::start(&[&rsa]).await;
    let v = verifier();
    let mut rng = fastrand::Rng::with_seed(42);
    let alphabet = b"AQab_-.=+/ ";
    for original in [
        rsa.sign(&claims(idp.issuer())),
        rs512.sign(&claims(idp.issuer())),
    ] {
        for _ in 0..300 {
            let mut token = original.clone().into_bytes();
            for _ in 0..rng.usize(1..4) {
                let at = rng.usize(..token.len());
                token[at] = alphabet[rng.usize(..alphabet.len())];
            }
            let token = String::from_utf8(token).unwrap();
            let got = check(&v, idp.issuer(), &[], &token).await;
            assert!(got.is_err() || token == original, "{token}");
        }
    }
}

#[tokio::test]
async fn oversized_tokens_are_refused_unparsed() {
    let key = TestKey::rsa("k1", Algorithm::RS256);
    let idp = Idp::start(&[&key]).await;
    let padded = with(claims(idp.issuer()), "pad", json!("x".repeat(20 * 1024)));
    let got = check(&verifier(), idp.issuer(), &[], &key.sign(&padded)).await;
    assert_eq!(description(got), "the token is too large");
    assert_eq!(idp.discovery_fetches(), 0);
}

#[tokio::test]
async fn a_missing_scope_is_forbidden_and_a_held_one_passes() {
    let key = TestKey::rsa("k1", Algorithm::RS256);
    let idp = Idp::start(&[&key]).await;
    let v = verifier();
    let required = ["orders/read", "orders/admin"];

    let reader = with(claims(idp.issuer()), "scope", json!("openid orders/read"));
    let got = check(&v, idp.issuer(), &required, &key.sign(&reader))
        .await
        .unwrap();
    assert_eq!(got["scope"], "openid orders/read");

    let scp = with(claims(idp.issuer()), "scp", json!(["orders/admin"]));
    assert!(
        check(&v, idp.issuer(), &required, &key.sign(&scp))
            .await
            .is_ok()
    );

    for held in [
        json!("openid orders/write"),
        json!("orders/reader"),
        json!(null),
    ] {
        let token = key.sign(&with(claims(idp.issuer()), "scope", held.clone()));
        let denial = check(&v, idp.issuer(), &required, &token)
            .await
            .unwrap_err();
        assert_eq!(denial.status(), 403, "{held}");
        assert_eq!(denial.body(), r#"{"message":"Forbidden"}"#);
        assert!(matches!(denial, Denial::Forbidden { .. }));
        assert_eq!(denial.www_authenticate(), None);
    }
    // A token that fails for another reason is 401, not 403.
    let expired = with(reader, "exp", json!(now() - 3600));
    let got = check(&v, idp.issuer(), &required, &key.sign(&expired)).await;
    assert_eq!(description(got), "the token has expired");
}

#[tokio::test]
async fn a_failing_key_fetch_is_unauthorized_and_retried_later() {
    let key = TestKey::rsa("k1", Algorithm::RS256);
    let idp = Idp::start(&[&key]).await;
    idp.set_mode(Some(Reply::Status(500)));
    let v = Verifier::new(VerifierOptions {
        min_refetch_interval: Duration::from_millis(300),
        ..options()
    });
    let token = key.sign(&claims(idp.issuer()));
    let got = check(&v, idp.issuer(), &[], &token).await;
    assert_eq!(
        description(got.clone()),
        "the issuer's signing keys could not be fetched"
    );
    assert!(got.unwrap_err().reason().contains("500"));

    // The failure is remembered briefly, so the issuer is not asked again...
    idp.set_mode(None);
    let got = check(&v, idp.issuer(), &[], &token).await;
    assert_eq!(
        description(got),
        "the issuer's signing keys could not be fetched"
    );
    assert_eq!(idp.discovery_fetches(), 1);
    // ...but not forever.
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert!(check(&v, idp.issuer(), &[], &token).await.is_ok());
}

#[tokio::test]
async fn an_issuer_nobody_listens_on_is_unauthorized_at_once() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let issuer = format!("http://{}", listener.local_addr().unwrap());
    drop(listener);
    let key = TestKey::rsa("k1", Algorithm::RS256);
    let started = Instant::now();
    let got = check(&verifier(), &issuer, &[], &key.sign(&claims(&issuer))).await;
    assert_eq!(
        description(got),
        "the issuer's signing keys could not be fetched"
    );
    assert!(started.elapsed() < Duration::from_secs(2));
}

#[tokio::test]
async fn an_issuer_that_never_answers_times_out() {
    let key = TestKey::rsa("k1", Algorithm::RS256);
    let idp = Idp::start(&[&key]).await;
    idp.set_mode(Some(Reply::Hang));
    let timeout = Duration::from_millis(500);
    let v = Verifier::new(VerifierOptions {
        fetch_timeout: timeout,
        ..options()
    });
    let started = Instant::now();
    let got = check(&v, idp.issuer(), &[], &key.sign(&claims(idp.issuer()))).await;
    let waited = started.elapsed();
    let denial = got.clone().unwrap_err();
    assert_eq!(
        description(got),
        "the issuer's signing keys could not be fetched"
    );
    assert!(denial.reason().contains("longer than 500 ms"), "{denial:?}");
    assert!(waited >= timeout && waited < timeout * 3, "{waited:?}");
}

#[tokio::test]
async fn a_fetch_outlives_the_request_that_started_it() {
    let key = TestKey::rsa("k1", Algorithm::RS256);
    let idp = Idp::start(&[&key]).await;
    idp.set_mode(Some(Reply::Hang));
    let v = Verifier::new(VerifierOptions {
        fetch_timeout: Duration::from_millis(400),
        min_refetch_interval: Duration::from_secs(60),
        ..options()
    });
    let token = key.sign(&claims(idp.issuer()));
    // The client goes away while the keys are being fetched...
    let gone = tokio::time::timeout(
        Duration::from_millis(100),
        check(&v, idp.issuer(), &[], &token),
    )
    .await;
    assert!(gone.is_err());
    // ...and the next request waits for that same fetch instead of starting
    // another, then the failure counts against the refetch interval.
    let got = check(&v, idp.issuer(), &[], &token).await;
    assert_eq!(
        description(got),
        "the issuer's signing keys could not be fetched"
    );
    let got = check(&v, idp.issuer(), &[], &token).await;
    assert_eq!(
        description(got),
        "the issuer's signing keys could not be fetched"
    );
    assert_eq!(idp.discovery_fetches(), 1);
}

#[tokio::test]
async fn a_jwks_over_the_size_limit_is_refused() {
    let key = TestKey::rsa("k1", Algorithm::RS256);
    let filler: Vec<Value> = (0..200)
        .map(|i| json!({"kty": "oct", "kid": format!("filler-{i}"), "k": "c2VjcmV0c2VjcmV0"}))
        .collect();
    let mut keys = vec![key.jwk.clone()];
    keys.extend(filler);
    let big = json!({ "keys": keys }).to_string();
    assert!(big.len() > 8 * 1024);
    for reply in [Reply::Json(big.clone()), Reply::Chunked(big.clone())] {
        let served = reply.clone();
        let server = Server::start(Arc::new(move |base: &str, path: &str| match path {
            idp::DISCOVERY => Reply::Json(
                json!({"issuer": base, "jwks_uri": format!("{base}{}", idp::KEYS)}).to_string(),
            ),
            _ => served.clone(),
        }))
        .await;
        let token = key.sign(&claims(&server.url));
        let small = Verifier::new(VerifierOptions {
            max_jwks_bytes: 8 * 1024,
            ..options()
        });
        let got = check(&small, &server.url, &[], &token).await;
        let denial = got.clone().unwrap_err();
        assert_eq!(
            description(got),
            "the issuer's signing keys could not be fetched"
        );
        assert!(
            denial.reason().contains("larger than 8192 bytes"),
            "{denial:?}"
        );
        // The same document within the default limit is fine.
        assert!(
            check(&verifier(), &server.url, &[], &token).await.is_ok(),
            "{reply:?}"
        );
    }
}

#[tokio::test]
async fn discovery_documents_without_a_usable_jwks_uri_are_refused() {
    let key = TestKey::rsa("k1", Algorithm::RS256);
    for discovery in [
        json!({"issuer": "x"}).to_string(),
        json!({"jwks_uri": 7}).to_string(),
        json!({"jwks_uri": "http://keys.example.com/keys"}).to_string(),
        "not json".to_string(),
    ] {
        let doc = discovery.clone();
        let server =
            Server::start(Arc::new(move |_: &str, _: &str| Reply::Json(doc.clone()))).await;
        let got = check(
            &verifier(),
            &server.url,
            &[],
            &key.sign(&claims(&server.url)),
        )
        .await;
        assert_eq!(
            description(got),
            "the issuer's signing keys could not be fetched",
            "{discovery}"
        );
    }
}

#[tokio::test]
async fn an_https_issuer_is_trusted_through_its_ca() {
    let key = TestKey::rsa("k1", Algorithm::RS256);
    let (tls, ca) = idp::tls_pair();
    let idp = Idp::start_tls(&[&key], tls).await;
    assert!(idp.issuer().starts_with("https://127.0.0.1:"));
    let token = key.sign(&claims(idp.issuer()));

    let mut trusting = options();
    trusting.extra_ca_certs.push(ca);
    let got = check(&Verifier::new(trusting), idp.issuer(), &[], &token).await;
    assert!(got.is_ok(), "{got:?}");

    // Without the CA the certificate is not trusted.
    let got = check(&verifier(), idp.issuer(), &[], &token).await;
    let denial = got.clone().unwrap_err();
    assert_eq!(
        description(got),
        "the issuer's signing keys could not be fetched"
    );
    assert!(denial.reason().contains("TLS"), "{denial:?}");
}

#[tokio::test]
async fn ca_certificates_can_be_given_as_pem() {
    let (tls, ca) = idp::tls_pair();
    let key = TestKey::rsa("k1", Algorithm::RS256);
    let idp = Idp::start_tls(&[&key], tls).await;
    let pem = format!(
        "-----BEGIN CERTIFICATE-----\n{}\n-----END CERTIFICATE-----\n",
        base64::Engine::encode(&base64::engine::general_purpose::STANDARD, ca.as_ref())
    );
    let mut opts = options();
    assert_eq!(opts.add_ca_pem(pem.as_bytes()).unwrap(), 1);
    assert!(opts.add_ca_pem(b"no certificates here").is_err());
    let got = check(
        &Verifier::new(opts),
        idp.issuer(),
        &[],
        &key.sign(&claims(idp.issuer())),
    )
    .await;
    assert!(got.is_ok(), "{got:?}");
}

#[tokio::test]
async fn garbage_jwks_entries_do_not_hide_good_keys() {
    let key = TestKey::rsa("k1", Algorithm::RS256);
    let doc = json!({"keys": [
        {"kty": "oct", "kid": "k1", "k": "c2VjcmV0"},
        {"kty": "EC", "kid": "k1", "crv": "P-256", "x": "AA", "y": "AA"},
        {"kty": "RSA", "kid": "k1", "n": "", "e": ""},
        {"kty": "OKP", "kid": "k1", "crv": "Ed25519", "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"},
        null, 1, "two", [3],
        key.jwk,
    ]})
    .to_string();
    let server = Server::start(Arc::new(move |base: &str, path: &str| match path {
        idp::DISCOVERY => Reply::Json(
            json!({"issuer": base, "jwks_uri": format!("{base}{}", idp::KEYS)}).to_string(),
        ),
        _ => Reply::Json(doc.clone()),
    }))
    .await;
    let got = check(
        &verifier(),
        &server.url,
        &[],
        &key.sign(&claims(&server.url)),
    )
    .await;
    assert!(got.is_ok(), "{got:?}");
}

// A token whose signature checked out is not checked again while the
// issuer's keys stay the same; these show that this changes no answer.

#[tokio::test]
async fn a_token_sent_again_faces_every_claim_check_again() {
    let key = TestKey::rsa("k1", Algorithm::RS256);
    let idp = Idp::start(&[&key]).await;
    let v = Verifier::new(VerifierOptions {
        clock_skew: Duration::ZERO,
        ..options()
    });
    let claims = with(claims(idp.issuer()), "scope", json!("read"));
    let soon = with(claims, "exp", json!(now() + 2));
    let token = key.sign(&soon);
    assert!(check(&v, idp.issuer(), &[], &token).await.is_ok());
    assert!(check(&v, idp.issuer(), &["read"], &token).await.is_ok());

    // Another route's scope, audience or issuer is still checked.
    let got = check(&v, idp.issuer(), &["write"], &token).await;
    assert_eq!(got.expect_err("accepted").status(), 403);
    let rule = JwtRule {
        issuer: idp.issuer(),
        audiences: &["someone-else".to_string()],
        scopes: &[],
    };
    let got = v.verify(&rule, Some(&token)).await;
    assert_eq!(description(got), "the token does not have a valid audience");
    let other = Idp::start(&[&key]).await;
    let got = check(&v, other.issuer(), &[], &token).await;
    assert_eq!(description(got), "the token does not have a valid issuer");

    // And so is the time: it is refused once it has expired.
    tokio::time::sleep(Duration::from_millis(2100)).await;
    let got = check(&v, idp.issuer(), &[], &token).await;
    assert_eq!(description(got), "the token has expired");
    assert_eq!(idp.jwks_fetches(), 1);
}

#[tokio::test]
async fn a_token_sent_again_is_refused_once_its_key_is_retired() {
    let old = TestKey::rsa("2024", Algorithm::RS256);
    let new = TestKey::rsa("2025", Algorithm::RS256);
    let idp = Idp::start(&[&old]).await;
    let v = verifier();
    let token = old.sign(&claims(idp.issuer()));
    assert!(check(&v, idp.issuer(), &[], &token).await.is_ok());
    assert!(check(&v, idp.issuer(), &[], &token).await.is_ok());
    assert_eq!(idp.jwks_fetches(), 1, "the second request used the cache");

    idp.set_keys(&[&new]);
    assert!(
        check(&v, idp.issuer(), &[], &new.sign(&claims(idp.issuer())))
            .await
            .is_ok()
    );
    let got = check(&v, idp.issuer(), &[], &token).await;
    assert_eq!(
        description(got),
        "the token's key id (kid) is not among the issuer's keys"
    );
}

#[tokio::test]
async fn a_token_signed_by_a_replaced_key_of_the_same_kid_is_checked_again() {
    let first = TestKey::rsa("k1", Algorithm::RS256);
    let second = TestKey::other_rsa("k1", Algorithm::RS256);
    let idp = Idp::start(&[&first]).await;
    let v = Verifier::new(VerifierOptions {
        keys_ttl: Duration::from_millis(200),
        ..options()
    });
    let token = first.sign(&claims(idp.issuer()));
    assert!(check(&v, idp.issuer(), &[], &token).await.is_ok());

    // The issuer swaps the key behind the same kid; once the keys are
    // fetched again, the remembered signature no longer counts.
    idp.set_keys(&[&second]);
    tokio::time::sleep(Duration::from_millis(300)).await;
    let got = check(&v, idp.issuer(), &[], &token).await;
    assert_eq!(description(got), "the token signature is invalid");
    assert_eq!(idp.jwks_fetches(), 2);
}
