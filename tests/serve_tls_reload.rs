//! `apigw serve --tls-listen` picking up certificates while it serves: a
//! domain added to the workspace, and a certificate re-imported under its
//! ARN (a renewal) without any change to the workspace file.

#[path = "common/certs.rs"]
mod certs;
mod common;
#[path = "common/serve.rs"]
mod serve;
#[path = "common/tls_client.rs"]
mod tls_client;
#[path = "common/tls_world.rs"]
mod tls_world;

use certs::TestCa;
use common::Backend;
use serve::apigw;
use tls_client::Hello;
use tls_world::{domain, import, serve, workspace};

/// A domain name created while serving is served over TLS with its
/// certificate once the workspace is reloaded.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_domain_added_while_serving_gets_its_certificate() {
    let backend = Backend::start("orders").await;
    let setup = workspace(&backend, &[]);
    let (gw, at) = serve(&setup, &[]);
    let ca = TestCa::new("Test Root");
    let arn = import(&setup.path, &ca.server(&["late.example.com"]), "late");
    domain(&setup, "late.example.com", &arn, "orders", &[]);
    let hello = Hello {
        name: Some("late.example.com"),
        roots: &ca.pem,
        client: None,
        tls12_only: false,
    };
    common::eventually(
        "the new domain's certificate",
        std::time::Duration::from_secs(10),
        || async {
            tls_client::get(at, &hello, "/orders/x")
                .await
                .is_ok_and(|a| a.status == 200)
        },
    )
    .await;
    assert!(gw.stderr_has("reloaded"), "{}", gw.stderr());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_certificate_reimported_while_serving_is_served() {
    let backend = Backend::start("orders").await;
    let setup = workspace(&backend, &[]);
    let old_ca = TestCa::new("Old Root");
    let arn = import(&setup.path, &old_ca.server(&["renew.example.com"]), "old");
    domain(&setup, "renew.example.com", &arn, "orders", &[]);
    let (gw, at) = serve(&setup, &[]);
    let hello = |roots| Hello {
        name: Some("renew.example.com"),
        roots,
        client: None,
        tls12_only: false,
    };
    let answer = tls_client::get(at, &hello(&old_ca.pem), "/orders/x").await;
    assert_eq!(answer.map(|a| a.status).ok(), Some(200));
    // A renewal: the same ARN, a certificate from another CA. The
    // workspace file does not change.
    let before = std::fs::read(&setup.path).unwrap();
    let new_ca = TestCa::new("New Root");
    let (cert, key) = new_ca
        .server(&["renew.example.com"])
        .write(setup.path.parent().unwrap(), "new");
    apigw(
        &setup.path,
        &[
            "acm",
            "import-certificate",
            "--certificate-arn",
            &arn,
            "--certificate",
            &format!("fileb://{}", cert.display()),
            "--private-key",
            &format!("fileb://{}", key.display()),
        ],
    );
    assert_eq!(std::fs::read(&setup.path).unwrap(), before);
    common::eventually(
        "the re-imported certificate",
        std::time::Duration::from_secs(10),
        || async {
            tls_client::get(at, &hello(&new_ca.pem), "/orders/x")
                .await
                .is_ok_and(|a| a.status == 200)
        },
    )
    .await;
    assert!(
        tls_client::get(at, &hello(&old_ca.pem), "/orders/x")
            .await
            .is_err(),
        "the old certificate is no longer served"
    );
    assert!(gw.stderr_has("reloaded"), "{}", gw.stderr());
}
