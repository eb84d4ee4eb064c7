//! An imported document served by `apigw serve` end to end: a public HTTP
//! proxy route with its request and response mappings, a private route
//! through a VPC link to the load balancer stand-in, and the `$default`
//! route; then a reimport that the running serve picks up.

mod common;
#[path = "common/serve.rs"]
mod serve;

use common::{Backend, call, client, eventually};
use serve::{Serve, apigw};

const LISTENER: &str = "arn:aws:elasticloadbalancing:us-east-2:123456789012:listener/app/my-load-balancer/50dc6c495c0c9188/0467ef3c8400ae65";

fn document(orders: &Backend, fallback: &Backend, link: &str) -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/openapi/served.yaml"
    );
    std::fs::read_to_string(path)
        .unwrap()
        .replace("ORDERS", &orders.addr.to_string())
        .replace("FALLBACK", &fallback.addr.to_string())
        .replace("VPCLINKID", link)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_imported_document_is_served_with_a_private_integration() {
    let orders = Backend::start("orders").await;
    let private = Backend::start("private").await;
    let fallback = Backend::start("fallback").await;
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("apigw.toml");
    let link = apigw(
        &ws,
        &[
            "create-vpc-link",
            "--name",
            "link",
            "--subnet-ids",
            "subnet-0a1b",
            "--query",
            "VpcLinkId",
            "--output",
            "text",
        ],
    );
    apigw(
        &ws,
        &[
            "elbv2",
            "register-targets",
            "--listener-arn",
            LISTENER,
            "--targets",
            &format!("Id=127.0.0.1,Port={}", private.addr.port()),
        ],
    );
    let doc = dir.path().join("served.yaml");
    std::fs::write(&doc, document(&orders, &fallback, &link)).unwrap();
    let api = apigw(
        &ws,
        &[
            "import-api",
            "--body",
            &format!("file://{}", doc.display()),
            "--fail-on-warnings",
            "--query",
            "ApiId",
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

    let serve = Serve::start(&ws, &[], None);
    let c = client();

    let r = call(&c, "GET", &serve.url("/orders/42"), &[]).await;
    assert_eq!(r.status, 200, "{}", serve.stderr());
    let echo = r.json();
    assert_eq!(echo["backend"], "orders");
    assert_eq!(echo["path"], "/orders/42");
    assert_eq!(
        echo["headers"]["x-from"], "openapi",
        "the request mapping applies"
    );
    assert_eq!(
        r.headers.get("x-served").unwrap(),
        "openapi",
        "the response mapping applies"
    );

    let r = call(&c, "POST", &serve.url("/private/a/b?x=1"), &[]).await;
    assert_eq!(r.status, 200, "{}", serve.stderr());
    let echo = r.json();
    assert_eq!(
        echo["backend"], "private",
        "through the VPC link to the listener's target"
    );
    assert_eq!(echo["method"], "POST");
    assert_eq!(echo["path"], "/private/a/b");
    assert_eq!(echo["query"], "x=1");

    let r = call(&c, "DELETE", &serve.url("/anything/else"), &[]).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["backend"], "fallback", "the $default route");
    assert_eq!(orders.hits(), 1);
    assert_eq!(private.hits(), 1);

    // A reimport moves the private route: the running serve reloads the
    // workspace (waited for by asking, with a bound) and serves the new one.
    let reduced = document(&orders, &fallback, &link)
        .replace("  /private/{proxy+}:", "  /gone-private/{proxy+}:");
    std::fs::write(&doc, reduced).unwrap();
    apigw(
        &ws,
        &[
            "reimport-api",
            "--api-id",
            &api,
            "--body",
            &format!("file://{}", doc.display()),
        ],
    );
    eventually(
        "serve to pick up the reimport",
        std::time::Duration::from_secs(20),
        || {
            let c = c.clone();
            let url = serve.url("/gone-private/x");
            async move {
                let r = call(&c, "GET", &url, &[]).await;
                r.status == 200 && r.json()["backend"] == "private"
            }
        },
    )
    .await;
    let r = call(&c, "GET", &serve.url("/private/x"), &[]).await;
    assert_eq!(
        r.json()["backend"],
        "fallback",
        "the old path now falls to $default"
    );
}
