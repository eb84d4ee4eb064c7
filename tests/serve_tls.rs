//! `apigw serve --tls-listen` as a real process, reached by a real TLS
//! client (rustls, and curl) with certificates made in the test: SNI picks
//! between domain certificates (exact, wildcard, and the local CA's for
//! execute-api hosts and clients without SNI); a domain whose certificate
//! files are missing (a fresh clone) is served with a certificate from the
//! local CA, with a warning. Mutual TLS is in `serve_tls_mutual.rs`, reloads
//! in `serve_tls_reload.rs`.

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
use common::{Backend, Setup};
use serve::apigw;
use tls_client::Hello;
use tls_world::{domain, import, serve, subject_names, workspace};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sni_picks_the_certificate_of_the_domain_asked_for() {
    let backend = Backend::start("orders").await;
    let setup = workspace(&backend, &[]);
    let ca = TestCa::new("Test Root");
    let api = import(&setup.path, &ca.server(&["api.example.com"]), "api");
    let shop = import(&setup.path, &ca.server(&["shop.example.org"]), "shop");
    let wild = import(&setup.path, &ca.server(&["*.example.net"]), "wild");
    domain(&setup, "api.example.com", &api, "orders", &[]);
    domain(&setup, "shop.example.org", &shop, "orders", &[]);
    domain(&setup, "*.example.net", &wild, "orders", &[]);
    let (gw, at) = serve(&setup, &[]);
    let hello = |name| Hello {
        name: Some(name),
        roots: &ca.pem,
        client: None,
        tls12_only: false,
    };
    for (name, names) in [
        ("api.example.com", vec!["api.example.com"]),
        ("shop.example.org", vec!["shop.example.org"]),
        ("eu.example.net", vec!["*.example.net"]),
    ] {
        let a = tls_client::get(at, &hello(name), "/orders/list")
            .await
            .unwrap_or_else(|e| panic!("{name}: {e}\n{}", gw.stderr()));
        assert_eq!(a.status, 200, "{name}: {}", a.body);
        assert_eq!(subject_names(&a.server_cert), names, "{name}");
        assert_eq!(a.alpn.as_deref(), Some(&b"http/1.1"[..]));
        assert_eq!(a.version, rustls::ProtocolVersion::TLSv1_3);
        assert_eq!(
            a.json()["headers"]["x-forwarded-proto"],
            "https",
            "{}",
            a.body
        );
    }
    // TLS 1.2 is served too.
    let a = tls_client::get(
        at,
        &Hello {
            tls12_only: true,
            ..hello("api.example.com")
        },
        "/orders/x",
    )
    .await
    .unwrap();
    assert_eq!(
        (a.status, a.version),
        (200, rustls::ProtocolVersion::TLSv1_2)
    );
    // A name two labels under the wildcard is not covered by it: the
    // execute-api certificate is presented, which the client refuses.
    let e = tls_client::get(at, &hello("a.eu.example.net"), "/orders/x")
        .await
        .err()
        .unwrap();
    assert!(e.contains("handshake"), "{e}");
    // Execute-api hosts and clients without SNI: the local CA's certificate.
    let local_ca = std::fs::read_to_string(setup.dir.path().join(".apigw/ca/ca-cert.pem")).unwrap();
    let host = format!("{}.execute-api.localhost", setup.api_id);
    let by_host = Hello {
        name: Some(&host),
        roots: &local_ca,
        client: None,
        tls12_only: false,
    };
    let a = tls_client::get(at, &by_host, "/prod/list").await.unwrap();
    assert_eq!(a.status, 200, "{}", a.body);
    let by_ip = Hello {
        name: None,
        roots: &local_ca,
        client: None,
        tls12_only: false,
    };
    let a = tls_client::get(at, &by_ip, "/prod/list").await.unwrap();
    assert_eq!(a.status, 200, "{}", a.body);
    // The plain listener still answers as before.
    assert_eq!(
        common::get(&format!("http://{}/prod/list", gw.addr))
            .await
            .status,
        200
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_domain_without_its_certificate_files_gets_one_from_the_local_ca() {
    let backend = Backend::start("orders").await;
    let setup = workspace(&backend, &[]);
    let arn = apigw(
        &setup.path,
        &[
            "acm",
            "request-certificate",
            "--domain-name",
            "api.example.com",
            "--query",
            "CertificateArn",
            "--output",
            "text",
        ],
    );
    domain(&setup, "api.example.com", &arn, "orders", &[]);
    // A fresh clone: the git-ignored folder is not there.
    std::fs::remove_dir_all(setup.dir.path().join(".apigw")).unwrap();
    let (gw, at) = serve(&setup, &[]);
    assert!(
        gw.stderr_soon(&format!(
            "domain api.example.com: certificate {arn}: it is not in the local certificate store"
        )),
        "{}",
        gw.stderr()
    );
    let local_ca = std::fs::read_to_string(setup.dir.path().join(".apigw/ca/ca-cert.pem")).unwrap();
    let hello = Hello {
        name: Some("api.example.com"),
        roots: &local_ca,
        client: None,
        tls12_only: false,
    };
    let a = tls_client::get(at, &hello, "/orders/list").await.unwrap();
    assert_eq!(a.status, 200, "{}", a.body);
    assert_eq!(subject_names(&a.server_cert), ["api.example.com"]);
}

#[test]
fn a_bad_tls_listen_address_is_refused() {
    let setup = Setup::new();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_apigw"))
        .args(["serve", "--tls-listen", "nowhere", "--workspace"])
        .arg(&setup.path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(252));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("--tls-listen \"nowhere\": it needs a port after a colon"),
        "{err}"
    );
}

/// The README's and examples/domains.sh's curl line: `--resolve` and
/// `--cacert` with the local CA's certificate.

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn curl_reaches_a_domain_trusting_the_local_ca() {
    if std::process::Command::new("curl")
        .arg("--version")
        .output()
        .is_err()
    {
        println!("skipped: curl is not installed");
        return;
    }
    let backend = Backend::start("orders").await;
    let setup = workspace(&backend, &[]);
    let arn = apigw(
        &setup.path,
        &[
            "acm",
            "request-certificate",
            "--domain-name",
            "api.example.com",
            "--query",
            "CertificateArn",
            "--output",
            "text",
        ],
    );
    domain(&setup, "api.example.com", &arn, "orders", &[]);
    let (_gw, at) = serve(&setup, &[]);
    let ca = setup.dir.path().join(".apigw/ca/ca-cert.pem");
    let out = std::process::Command::new("curl")
        .args([
            "-sS",
            "--resolve",
            &format!("api.example.com:{}:127.0.0.1", at.port()),
            "--cacert",
        ])
        .arg(&ca)
        .arg(format!("https://api.example.com:{}/orders/list", at.port()))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let body: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(body["backend"], "orders");
}
