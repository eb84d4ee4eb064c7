//! The local issuer as a user meets it: the real `apigw` binary serving a
//! workspace with `serve --local-issuer`, tokens from `apigw mint-token`
//! (RS256, as on AWS) let through, and ECDSA and RSA-PSS tokens refused the
//! way API Gateway refuses them, even when signed by the published key.

mod common;
#[path = "common/idp.rs"]
mod idp;

use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use common::{Backend, call, client};
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use serde_json::{Value, json};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::Duration;

const NOT_SUPPORTED: &str = "error_description=\"the token's signing algorithm is not supported \
                             by API Gateway (only RS256, RS384 and RS512 are)\"";

fn run(ws: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_apigw"))
        .env("APIGW_WORKSPACE", ws)
        .env_remove("AWS_REGION")
        .env_remove("AWS_DEFAULT_REGION")
        .args(args)
        .output()
        .unwrap()
}

fn apigw(ws: &Path, args: &[&str]) -> String {
    let out = run(ws, args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

fn decode(segment: &str) -> Value {
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(segment).unwrap()).unwrap()
}

/// A token's header, decoded.
fn header(token: &str) -> Value {
    decode(token.split('.').next().unwrap())
}

fn key_file(ws: &Path) -> PathBuf {
    ws.parent().unwrap().join(".apigw/issuer-key.pem")
}

struct Serve(Child);

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A workspace with one API whose `GET /orders/{proxy+}` route needs a JWT
/// from the local issuer that `apigw serve --local-issuer` publishes.
struct World {
    backend: Backend,
    _dir: tempfile::TempDir,
    ws: PathBuf,
    base: String,
    _serve: Serve,
}

async fn world() -> World {
    let backend = Backend::start("orders").await;
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("apigw.toml");
    let api = apigw(
        &ws,
        &[
            "create-api",
            "--name",
            "demo",
            "--protocol-type",
            "HTTP",
            "--query",
            "ApiId",
            "--output",
            "text",
        ],
    );
    let uri = format!("http://{}/{{proxy}}", backend.addr);
    let integration = apigw(
        &ws,
        &[
            "create-integration",
            "--api-id",
            &api,
            "--integration-type",
            "HTTP_PROXY",
            "--integration-method",
            "ANY",
            "--integration-uri",
            &uri,
            "--request-parameters",
            "overwrite:header.x-user=$context.authorizer.claims.sub",
            "--query",
            "IntegrationId",
            "--output",
            "text",
        ],
    );
    apigw(
        &ws,
        &[
            "create-stage",
            "--api-id",
            &api,
            "--stage-name",
            "$default",
            "--auto-deploy",
        ],
    );

    let mut child = Command::new(env!("CARGO_BIN_EXE_apigw"))
        .env("APIGW_WORKSPACE", &ws)
        .args(["serve", "--listen", "127.0.0.1:0", "--local-issuer"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    // serve prints its routing table again on each reload: keep reading, so
    // that it never writes into a closed pipe.
    std::thread::spawn(move || std::io::copy(&mut stdout, &mut std::io::sink()));
    let serve = Serve(child);
    let base = first
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .expect("the address is printed")
        .to_string();

    // The authorizer names serve's own address, known only now; serve picks
    // the change up live.
    let config = format!("Audience=orders-api,Issuer={base}");
    let auth = apigw(
        &ws,
        &[
            "create-authorizer",
            "--api-id",
            &api,
            "--name",
            "local",
            "--authorizer-type",
            "JWT",
            "--identity-source",
            "$request.header.Authorization",
            "--jwt-configuration",
            &config,
            "--query",
            "AuthorizerId",
            "--output",
            "text",
        ],
    );
    let target = format!("integrations/{integration}");
    apigw(
        &ws,
        &[
            "create-route",
            "--api-id",
            &api,
            "--route-key",
            "GET /orders/{proxy+}",
            "--target",
            &target,
            "--authorization-type",
            "JWT",
            "--authorizer-id",
            &auth,
            "--authorization-scopes",
            "orders:read",
        ],
    );
    let url = format!("{base}/orders/1");
    common::eventually(
        "the JWT route to be enforced",
        Duration::from_secs(10),
        || {
            let url = url.clone();
            async move { common::get(&url).await.status == 401 }
        },
    )
    .await;
    World {
        backend,
        _dir: dir,
        ws,
        base,
        _serve: serve,
    }
}

impl World {
    fn mint(&self, scope: &str) -> String {
        apigw(
            &self.ws,
            &[
                "mint-token",
                "--issuer",
                &self.base,
                "--audience",
                "orders-api",
                "--scope",
                scope,
                "--subject",
                "alice",
            ],
        )
    }

    async fn get(&self, token: &str) -> common::Reply {
        let bearer = format!("Bearer {token}");
        call(
            &client(),
            "GET",
            &format!("{}/orders/1", self.base),
            &[("authorization", &bearer)],
        )
        .await
    }

    /// The claims of a token `mint` would make, for signing by hand.
    fn claims(&self) -> Value {
        let now = idp::now();
        json!({"iss": self.base, "aud": "orders-api", "sub": "mallory", "iat": now,
               "exp": now + 600, "scope": "orders:read"})
    }

    /// The kid the local issuer publishes.
    async fn published_kid(&self) -> String {
        let jwks = call(
            &client(),
            "GET",
            &format!("{}/.well-known/jwks.json", self.base),
            &[],
        )
        .await;
        jwks.json()["keys"][0]["kid"].as_str().unwrap().to_string()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_minted_rs256_token_is_accepted_end_to_end() {
    let w = world().await;
    let http = client();
    let discovery = call(
        &http,
        "GET",
        &format!("{}/.well-known/openid-configuration", w.base),
        &[],
    )
    .await;
    assert_eq!(discovery.status, 200);
    assert_eq!(
        discovery.json()["id_token_signing_alg_values_supported"],
        json!(["RS256"])
    );
    let jwks = call(
        &http,
        "GET",
        discovery.json()["jwks_uri"].as_str().unwrap(),
        &[],
    )
    .await;
    let jwk = &jwks.json()["keys"][0];
    assert_eq!(
        (&jwk["kty"], &jwk["alg"], &jwk["use"]),
        (&json!("RSA"), &json!("RS256"), &json!("sig"))
    );
    let modulus = URL_SAFE_NO_PAD.decode(jwk["n"].as_str().unwrap()).unwrap();
    assert_eq!(modulus.len(), 256, "a 2048-bit modulus");
    assert_eq!(jwk["e"], "AQAB");
    assert!(jwk.get("x").is_none() && jwk.get("crv").is_none());

    let token = w.mint("orders:read");
    assert_eq!(
        header(&token),
        json!({"alg": "RS256", "typ": "JWT", "kid": jwk["kid"]})
    );
    let ok = w.get(&token).await;
    assert_eq!(ok.status, 200, "{}", ok.body);
    assert_eq!(ok.seen_header("x-user").as_deref(), Some("alice"));

    let weak = w.get(&w.mint("orders:write")).await;
    assert_eq!(
        (weak.status, weak.body.as_str()),
        (403, r#"{"message":"Forbidden"}"#)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn es256_and_ps256_tokens_are_refused_with_the_reason() {
    let w = world().await;
    let kid = w.published_kid().await;
    // An ECDSA token under the published kid, and an RSA-PSS one signed by
    // the local issuer's own key: both keys fit, the algorithms do not.
    let mut es256 = Header::new(Algorithm::ES256);
    es256.kid = Some(kid.clone());
    let ec = idp::TestKey::ec(&kid, Algorithm::ES256);
    let mut ps256 = Header::new(Algorithm::PS256);
    ps256.kid = Some(kid.clone());
    let pem = std::fs::read(key_file(&w.ws)).unwrap();
    let rsa = EncodingKey::from_rsa_pem(&pem).unwrap();
    let tokens = [
        ("ES256", ec.sign_with(es256, &w.claims())),
        (
            "PS256",
            jsonwebtoken::encode(&ps256, &w.claims(), &rsa).unwrap(),
        ),
    ];
    let before = w.backend.hits();
    for (name, token) in tokens {
        let r = w.get(&token).await;
        assert_eq!(r.status, 401, "{name}: {}", r.body);
        assert_eq!(r.body, r#"{"message":"Unauthorized"}"#, "{name}");
        let challenge = r.header("www-authenticate").unwrap_or_default();
        assert!(
            challenge.starts_with("Bearer ") && challenge.contains("error=\"invalid_token\""),
            "{name}: {challenge}"
        );
        assert!(challenge.contains(NOT_SUPPORTED), "{name}: {challenge}");
    }
    assert_eq!(
        w.backend.hits(),
        before,
        "no refused request reached the backend"
    );

    // The same key signing RS256 by hand is accepted: only the algorithm
    // was wrong.
    let mut rs256 = Header::new(Algorithm::RS256);
    rs256.kid = Some(kid);
    let token = jsonwebtoken::encode(&rs256, &w.claims(), &rsa).unwrap();
    let ok = w.get(&token).await;
    assert_eq!(ok.status, 200, "{}", ok.body);
    assert_eq!(ok.seen_header("x-user").as_deref(), Some("mallory"));
}

/// A P-256 key in the PKCS#8 PEM an older apigw wrote.
fn old_es256_key_pem() -> String {
    let rng = ring::rand::SystemRandom::new();
    let pkcs8 = ring::signature::EcdsaKeyPair::generate_pkcs8(
        &ring::signature::ECDSA_P256_SHA256_FIXED_SIGNING,
        &rng,
    )
    .unwrap();
    format!(
        "-----BEGIN PRIVATE KEY-----\n{}\n-----END PRIVATE KEY-----\n",
        STANDARD.encode(pkcs8.as_ref())
    )
}

#[test]
fn mint_token_replaces_an_older_es256_key_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("apigw.toml");
    let key = key_file(&ws);
    std::fs::create_dir_all(key.parent().unwrap()).unwrap();
    let old = old_es256_key_pem();
    std::fs::write(&key, &old).unwrap();
    let args = [
        "mint-token",
        "--issuer",
        "http://127.0.0.1:8080",
        "--audience",
        "a",
    ];

    let out = run(&ws, &args);
    assert!(out.status.success(), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("replaced the local issuer's ES256 key")
            && stderr.contains("issuer-key.pem")
            && stderr.contains("RS256"),
        "{stderr}"
    );
    let token = String::from_utf8(out.stdout).unwrap();
    assert_eq!(header(token.trim())["alg"], "RS256");
    let new = std::fs::read_to_string(&key).unwrap();
    assert_ne!(new, old);
    assert!(new.starts_with("-----BEGIN PRIVATE KEY-----\n"));
    for line in new.lines().filter(|l| !l.starts_with("-----")) {
        assert!(
            !stderr.contains(line) && !token.contains(line),
            "the key is never printed"
        );
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&key).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }

    // Once replaced, the key is kept and nothing more is said.
    let again = run(&ws, &args);
    assert!(again.status.success());
    assert_eq!(String::from_utf8_lossy(&again.stderr), "");
    assert_eq!(std::fs::read_to_string(&key).unwrap(), new);
}
