//! The local identity provider: its key file, the documents the gateway
//! serves for it, and tokens it mints verified through a real HTTP server.

#[path = "common/idp.rs"]
mod idp;

use apigw::jwt::{
    DISCOVERY_PATH, JWKS_PATH, JwtRule, LocalIssuer, MintRequest, Verifier, VerifierOptions,
    parse_duration,
};
use idp::{Reply, Server};
use serde_json::{Value, json};
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

fn workspace() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("apigw.toml");
    (dir, file)
}

fn key_file(dir: &Path) -> std::path::PathBuf {
    dir.join(".apigw").join("issuer-key.pem")
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn the_key_is_created_private_on_first_use_and_reused() {
    let (dir, ws) = workspace();
    let first = LocalIssuer::load_or_create(&ws).unwrap();
    let path = key_file(dir.path());
    assert_eq!(first.key_path(), path);
    let pem = std::fs::read_to_string(&path).unwrap();
    assert!(pem.starts_with("-----BEGIN PRIVATE KEY-----\n"), "{pem}");
    #[cfg(unix)]
    {
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(path.parent().unwrap()), 0o700);
    }
    // Nothing else is left in the folder (no temporary files).
    let mut names: Vec<_> = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    names.sort();
    assert_eq!(names, [".gitignore", "issuer-key.pem"]);
    let ignore = std::fs::read_to_string(path.parent().unwrap().join(".gitignore")).unwrap();
    assert!(
        ignore.lines().any(|l| l == "*"),
        "the key folder keeps itself out of git"
    );

    let second = LocalIssuer::load_or_create(&ws).unwrap();
    assert_eq!(second.kid(), first.kid());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), pem);
    // The workspace's folder names the same key as its file does.
    assert_eq!(
        LocalIssuer::load_or_create(dir.path()).unwrap().kid(),
        first.kid()
    );
}

#[test]
fn concurrent_first_uses_agree_on_one_key() {
    let (dir, ws) = workspace();
    let kids: Vec<String> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..8)
            .map(|_| s.spawn(|| LocalIssuer::load_or_create(&ws).unwrap().kid().to_string()))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert!(kids.iter().all(|k| k == &kids[0]), "{kids:?}");
    let left = std::fs::read_dir(dir.path().join(".apigw"))
        .unwrap()
        .count();
    assert_eq!(left, 2, "the key and the folder's .gitignore, nothing else");
}

#[test]
fn an_unusable_key_file_is_an_error_and_left_alone() {
    let (dir, ws) = workspace();
    let path = key_file(dir.path());
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(
        &path,
        "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n",
    )
    .unwrap();
    let err = LocalIssuer::load_or_create(&ws).unwrap_err();
    let message = err.to_string();
    assert!(message.contains("issuer-key.pem"), "{message}");
    assert!(message.contains("remove the file"), "{message}");
    assert_eq!(err.exit_code(), 253);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"
    );
}

/// A P-256 key in the PKCS#8 PEM an older apigw wrote (it signed ES256).
fn old_es256_key_pem() -> String {
    let rng = ring::rand::SystemRandom::new();
    let pkcs8 = ring::signature::EcdsaKeyPair::generate_pkcs8(
        &ring::signature::ECDSA_P256_SHA256_FIXED_SIGNING,
        &rng,
    )
    .unwrap();
    format!(
        "-----BEGIN PRIVATE KEY-----\n{}\n-----END PRIVATE KEY-----\n",
        base64::Engine::encode(&base64::engine::general_purpose::STANDARD, pkcs8.as_ref())
    )
}

#[test]
fn an_older_es256_key_is_replaced_by_an_rsa_key() {
    let (dir, ws) = workspace();
    let path = key_file(dir.path());
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let old = old_es256_key_pem();
    std::fs::write(&path, &old).unwrap();

    let issuer = LocalIssuer::load_or_create(&ws).unwrap();
    let jwks: Value = serde_json::from_str(&issuer.jwks()).unwrap();
    assert_eq!(jwks["keys"][0]["kty"], "RSA");
    let new = std::fs::read_to_string(&path).unwrap();
    assert_ne!(new, old);
    #[cfg(unix)]
    assert_eq!(mode(&path), 0o600);
    let names: Vec<_> = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["issuer-key.pem"], "no temporary file is left");
    // From then on the new key is the workspace's key.
    assert_eq!(
        LocalIssuer::load_or_create(&ws).unwrap().kid(),
        issuer.kid()
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), new);
}

#[test]
fn concurrent_replacements_of_an_older_key_agree_on_one_key() {
    let (dir, ws) = workspace();
    let path = key_file(dir.path());
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, old_es256_key_pem()).unwrap();
    let kids: Vec<String> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..4)
            .map(|_| s.spawn(|| LocalIssuer::load_or_create(&ws).unwrap().kid().to_string()))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert!(kids.iter().all(|k| k == &kids[0]), "{kids:?}");
    assert_eq!(LocalIssuer::load_or_create(&ws).unwrap().kid(), kids[0]);
}

#[test]
fn an_rsa_key_put_there_by_hand_is_used() {
    let (dir, ws) = workspace();
    let path = key_file(dir.path());
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let pem = include_str!("fixtures/jwt/rsa-2048.pem");
    std::fs::write(&path, pem).unwrap();
    let issuer = LocalIssuer::load_or_create(&ws).unwrap();
    let jwks: Value = serde_json::from_str(&issuer.jwks()).unwrap();
    let fixture = idp::TestKey::rsa("x", jsonwebtoken::Algorithm::RS256);
    assert_eq!(jwks["keys"][0]["n"], fixture.jwk["n"]);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        pem,
        "left as it was"
    );
}

#[test]
fn the_key_is_never_shown() {
    let (dir, ws) = workspace();
    let issuer = LocalIssuer::load_or_create(&ws).unwrap();
    let pem = std::fs::read_to_string(key_file(dir.path())).unwrap();
    let secret_lines: Vec<&str> = pem.lines().filter(|l| !l.starts_with("-----")).collect();
    let shown = format!(
        "{issuer:?} {} {}",
        issuer.jwks(),
        issuer.discovery_document("http://127.0.0.1:1")
    );
    assert!(shown.contains(issuer.kid()));
    for line in secret_lines {
        assert!(!shown.contains(line), "{shown}");
    }
}

#[test]
fn the_kid_is_the_rfc_7638_thumbprint() {
    let (_dir, ws) = workspace();
    let issuer = LocalIssuer::load_or_create(&ws).unwrap();
    let jwks: Value = serde_json::from_str(&issuer.jwks()).unwrap();
    let jwk = &jwks["keys"][0];
    assert_eq!(jwk["kty"], "RSA");
    assert_eq!(jwk["alg"], "RS256");
    assert_eq!(jwk["use"], "sig");
    assert_eq!(jwk["e"], "AQAB");
    assert_eq!(jwk["kid"], issuer.kid());
    let n = base64::Engine::decode(
        &base64::engine::general_purpose::URL_SAFE_NO_PAD,
        jwk["n"].as_str().unwrap(),
    )
    .unwrap();
    assert_eq!((n.len(), n[0] >= 0x80), (256, true), "a 2048-bit modulus");
    let canonical = format!(
        r#"{{"e":"{}","kty":"RSA","n":"{}"}}"#,
        jwk["e"].as_str().unwrap(),
        jwk["n"].as_str().unwrap()
    );
    let digest = ring::digest::digest(&ring::digest::SHA256, canonical.as_bytes());
    assert_eq!(issuer.kid(), idp::b64url(digest.as_ref()));
}

#[test]
fn well_known_paths_serve_the_discovery_document_and_keys() {
    let (_dir, ws) = workspace();
    let issuer = LocalIssuer::load_or_create(&ws).unwrap();
    let base = "http://127.0.0.1:8080";
    let (kind, body) = issuer.well_known_response(base, DISCOVERY_PATH).unwrap();
    assert_eq!(kind, "application/json");
    let doc: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(doc["issuer"], base);
    assert_eq!(
        doc["jwks_uri"],
        "http://127.0.0.1:8080/.well-known/jwks.json"
    );
    assert_eq!(
        doc["id_token_signing_alg_values_supported"],
        json!(["RS256"])
    );

    let (kind, body) = issuer.well_known_response(base, JWKS_PATH).unwrap();
    assert_eq!(kind, "application/json");
    assert_eq!(body, issuer.jwks());
    assert!(
        issuer
            .well_known_response(base, "/.well-known/jwks.json?x=1")
            .is_some()
    );
    for other in [
        "/",
        "/.well-known",
        "/.well-known/jwks",
        "/prod/.well-known/jwks.json",
    ] {
        assert!(issuer.well_known_response(base, other).is_none(), "{other}");
    }
}

/// Serves the issuer the way the gateway will: one call per request.
async fn serve(issuer: Arc<LocalIssuer>) -> Server {
    Server::start(Arc::new(move |base: &str, path: &str| {
        match issuer.well_known_response(base, path) {
            Some((_, body)) => Reply::Json(body),
            None => Reply::Status(404),
        }
    }))
    .await
}

fn verifier() -> Verifier {
    Verifier::new(VerifierOptions {
        system_roots: false,
        ..VerifierOptions::default()
    })
}

#[tokio::test]
async fn minted_tokens_verify_through_a_real_server() {
    let (_dir, ws) = workspace();
    let issuer = Arc::new(LocalIssuer::load_or_create(&ws).unwrap());
    let server = serve(issuer.clone()).await;
    let mut extra = serde_json::Map::new();
    extra.insert("email".into(), json!("dev@example.com"));
    let token = issuer
        .mint(&MintRequest {
            issuer: server.url.clone(),
            audiences: vec!["orders-api".into()],
            subject: "dev".into(),
            scopes: vec!["orders/read".into(), "orders/write".into()],
            expires_in: parse_duration("1h").unwrap(),
            extra_claims: extra,
        })
        .unwrap();
    let audiences = vec!["orders-api".to_string()];
    let scopes = vec!["orders/write".to_string()];
    let rule = JwtRule {
        issuer: &server.url,
        audiences: &audiences,
        scopes: &scopes,
    };
    let claims = verifier()
        .verify(&rule, Some(&format!("Bearer {token}")))
        .await
        .unwrap();
    assert_eq!(claims["iss"], server.url.as_str());
    assert_eq!(claims["sub"], "dev");
    assert_eq!(claims["aud"], "orders-api");
    assert_eq!(claims["scope"], "orders/read orders/write");
    assert_eq!(claims["email"], "dev@example.com");
    let (iat, exp) = (
        claims["iat"].as_u64().unwrap(),
        claims["exp"].as_u64().unwrap(),
    );
    assert_eq!(exp - iat, 3600);
    assert!(claims["jti"].as_str().is_some_and(|j| !j.is_empty()));
    assert_eq!(server.hits(DISCOVERY_PATH), 1);
    assert_eq!(server.hits(JWKS_PATH), 1);

    // A scope the token lacks is 403.
    let admin = vec!["orders/admin".to_string()];
    let rule = JwtRule {
        scopes: &admin,
        ..rule
    };
    let denial = verifier().verify(&rule, Some(&token)).await.unwrap_err();
    assert_eq!(denial.status(), 403);
}

#[tokio::test]
async fn minted_tokens_can_carry_client_id_instead_of_aud() {
    let (_dir, ws) = workspace();
    let issuer = Arc::new(LocalIssuer::load_or_create(&ws).unwrap());
    let server = serve(issuer.clone()).await;
    let mut extra = serde_json::Map::new();
    extra.insert("client_id".into(), json!("cli-app"));
    let token = issuer
        .mint(&MintRequest {
            issuer: server.url.clone(),
            expires_in: Duration::from_secs(60),
            extra_claims: extra,
            ..MintRequest::default()
        })
        .unwrap();
    let audiences = vec!["cli-app".to_string()];
    let rule = JwtRule {
        issuer: &server.url,
        audiences: &audiences,
        scopes: &[],
    };
    let claims = verifier().verify(&rule, Some(&token)).await.unwrap();
    assert!(!claims.contains_key("aud") && !claims.contains_key("sub"));
}

#[tokio::test]
async fn a_token_from_another_local_key_is_refused() {
    let (_a, ws_a) = workspace();
    let (_b, ws_b) = workspace();
    let served = Arc::new(LocalIssuer::load_or_create(&ws_a).unwrap());
    let other = LocalIssuer::load_or_create(&ws_b).unwrap();
    assert_ne!(served.kid(), other.kid());
    let server = serve(served).await;
    let token = other
        .mint(&MintRequest {
            issuer: server.url.clone(),
            audiences: vec!["api".into()],
            expires_in: Duration::from_secs(60),
            ..MintRequest::default()
        })
        .unwrap();
    let audiences = vec!["api".to_string()];
    let rule = JwtRule {
        issuer: &server.url,
        audiences: &audiences,
        scopes: &[],
    };
    let denial = verifier().verify(&rule, Some(&token)).await.unwrap_err();
    assert_eq!(denial.status(), 401);
}

#[test]
fn mint_refuses_requests_it_cannot_honour() {
    let (_dir, ws) = workspace();
    let issuer = LocalIssuer::load_or_create(&ws).unwrap();
    let base = MintRequest {
        issuer: "http://127.0.0.1:8080".into(),
        audiences: vec!["api".into()],
        expires_in: Duration::from_secs(60),
        ..MintRequest::default()
    };
    assert!(issuer.mint(&base).is_ok());

    let mut extra = serde_json::Map::new();
    extra.insert("exp".into(), json!(1));
    let cases = [
        MintRequest {
            issuer: String::new(),
            ..base.clone()
        },
        MintRequest {
            audiences: vec![String::new()],
            ..base.clone()
        },
        MintRequest {
            scopes: vec!["read write".into()],
            ..base.clone()
        },
        MintRequest {
            scopes: vec![String::new()],
            ..base.clone()
        },
        MintRequest {
            extra_claims: extra,
            ..base.clone()
        },
        MintRequest {
            expires_in: Duration::MAX,
            ..base.clone()
        },
    ];
    for case in cases {
        let err = issuer.mint(&case).unwrap_err();
        assert_eq!(err.exit_code(), 252, "{case:?}: {err}");
    }
}

#[test]
fn several_audiences_are_minted_as_an_array() {
    let (_dir, ws) = workspace();
    let issuer = LocalIssuer::load_or_create(&ws).unwrap();
    let token = issuer
        .mint(&MintRequest {
            issuer: "http://127.0.0.1:8080".into(),
            audiences: vec!["a".into(), "b".into()],
            expires_in: Duration::from_secs(60),
            ..MintRequest::default()
        })
        .unwrap();
    let payload = token.split('.').nth(1).unwrap();
    let claims: Value = serde_json::from_slice(
        &base64::Engine::decode(&base64::engine::general_purpose::URL_SAFE_NO_PAD, payload)
            .unwrap(),
    )
    .unwrap();
    assert_eq!(claims["aud"], json!(["a", "b"]));
    let header = token.split('.').next().unwrap();
    let header: Value = serde_json::from_slice(
        &base64::Engine::decode(&base64::engine::general_purpose::URL_SAFE_NO_PAD, header).unwrap(),
    )
    .unwrap();
    assert_eq!(
        header,
        json!({"alg": "RS256", "typ": "JWT", "kid": issuer.kid()})
    );
}

#[test]
fn durations_are_read_the_short_way() {
    assert_eq!(parse_duration("1h"), Ok(Duration::from_secs(3600)));
    assert_eq!(parse_duration("30m"), Ok(Duration::from_secs(1800)));
    assert_eq!(parse_duration("45s"), Ok(Duration::from_secs(45)));
    assert_eq!(parse_duration("2d"), Ok(Duration::from_secs(172_800)));
    assert_eq!(parse_duration("3600"), Ok(Duration::from_secs(3600)));
    let err = parse_duration("1 hour").unwrap_err();
    assert!(err.contains("\"1 hour\""), "{err}");
}
