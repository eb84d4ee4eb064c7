//! `apigw serve` as a user runs it: a real process, its printed address,
//! live reload of changes made with other apigw commands, the local issuer
//! and `mint-token`, and a clean stop on SIGINT.

mod common;
#[path = "common/serve.rs"]
mod serve;

use common::{Backend, call, client};
use serve::apigw;
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

struct Serve(Child);

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serve_publishes_a_local_issuer_and_enforces_routes_added_live() {
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
    let target = format!("integrations/{integration}");
    apigw(
        &ws,
        &[
            "create-route",
            "--api-id",
            &api,
            "--route-key",
            "GET /open/{proxy+}",
            "--target",
            &target,
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
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    let serve = Serve(child);
    let base = first
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .expect("the address is printed")
        .to_string();

    let http = client();
    let discovery = call(
        &http,
        "GET",
        &format!("{base}/.well-known/openid-configuration"),
        &[],
    )
    .await;
    assert_eq!(discovery.status, 200);
    assert_eq!(discovery.json()["issuer"], base.as_str());
    let jwks = call(
        &http,
        "GET",
        discovery.json()["jwks_uri"].as_str().unwrap(),
        &[],
    )
    .await;
    assert_eq!(jwks.json()["keys"][0]["kty"], "RSA");
    assert_eq!(
        call(&http, "GET", &format!("{base}/open/x"), &[])
            .await
            .status,
        200
    );

    // Protect a new route while serve runs; the change is picked up live.
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
    let mut status = 0;
    for _ in 0..100 {
        status = call(&http, "GET", &url, &[]).await.status;
        if status == 401 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert_eq!(status, 401, "the new JWT route is enforced within seconds");

    let token = apigw(
        &ws,
        &[
            "mint-token",
            "--issuer",
            &base,
            "--audience",
            "orders-api",
            "--scope",
            "orders:read",
            "--subject",
            "alice",
        ],
    );
    let bearer = format!("Bearer {token}");
    let ok = call(&http, "GET", &url, &[("authorization", &bearer)]).await;
    assert_eq!(ok.status, 200, "{}", ok.body);
    assert_eq!(ok.seen_header("x-user").as_deref(), Some("alice"));

    let weak = apigw(
        &ws,
        &[
            "mint-token",
            "--issuer",
            &base,
            "--audience",
            "orders-api",
            "--scope",
            "orders:write",
        ],
    );
    let forbidden = call(
        &http,
        "GET",
        &url,
        &[("authorization", &format!("Bearer {weak}"))],
    )
    .await;
    assert_eq!(
        (forbidden.status, forbidden.body.as_str()),
        (403, r#"{"message":"Forbidden"}"#)
    );

    // SIGINT stops it cleanly.
    #[cfg(unix)]
    {
        let mut serve = serve;
        let pid = serve.0.id().to_string();
        assert!(
            Command::new("kill")
                .args(["-INT", &pid])
                .status()
                .unwrap()
                .success()
        );
        let status = serve.0.wait().unwrap();
        assert_eq!(
            status.code(),
            Some(130),
            "serve drains and exits 130 after SIGINT: {status:?}"
        );
    }
}

#[test]
fn serve_without_an_api_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_apigw"))
        .env("APIGW_WORKSPACE", dir.path().join("apigw.toml"))
        .args(["serve", "--listen", "127.0.0.1:0"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked") && !err.is_empty(), "{err}");
}
