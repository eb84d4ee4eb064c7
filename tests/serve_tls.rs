//! `apigw serve --tls-listen` as a real process, reached by a real TLS
//! client (rustls) with certificates made in the test: SNI picks between
//! domain certificates (exact, wildcard, and the local CA's for execute-api
//! hosts and clients without SNI); mutual TLS refuses a client without a
//! certificate or with an untrusted one and accepts a trusted one, whose
//! certificate reaches parameter mappings and the access log; a domain
//! whose certificate files are missing (a fresh clone) is served with a
//! certificate from the local CA, with a warning.

#[path = "common/certs.rs"]
mod certs;
mod common;
#[path = "common/serve.rs"]
mod serve;
#[path = "common/tls_client.rs"]
mod tls_client;

use certs::TestCa;
use common::{Backend, Setup};
use serve::{Serve, apigw};
use std::path::Path;
use tls_client::Hello;

/// A workspace whose API has `ANY /{proxy+}` to `backend` on stage prod,
/// with `mappings` (name → request parameter mappings) on the integration.
fn workspace(backend: &Backend, mappings: &[(&str, &str)]) -> Setup {
    let setup = Setup::new();
    let url = format!("http://{}/", backend.addr);
    let integration = setup.url_integration(&url, |r| {
        if !mappings.is_empty() {
            r.request_parameters = Some(
                mappings
                    .iter()
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .collect(),
            );
        }
    });
    setup.route("ANY /{proxy+}", &integration);
    setup.stage("prod", &[]);
    setup
}

/// Imports `pem` through the CLI; the ARN.
fn import(ws: &Path, pem: &certs::Pem, name: &str) -> String {
    let (cert, key) = pem.write(ws.parent().unwrap(), name);
    apigw(
        ws,
        &[
            "acm",
            "import-certificate",
            "--certificate",
            &format!("fileb://{}", cert.display()),
            "--private-key",
            &format!("fileb://{}", key.display()),
            "--query",
            "CertificateArn",
            "--output",
            "text",
        ],
    )
}

/// A domain name with that certificate, mapped at `key` to stage prod.
fn domain(setup: &Setup, name: &str, arn: &str, key: &str, extra: &[&str]) {
    let mut args = vec![
        "create-domain-name".to_string(),
        "--domain-name".into(),
        name.into(),
        "--domain-name-configurations".into(),
        format!("CertificateArn={arn}"),
    ];
    args.extend(extra.iter().map(|s| s.to_string()));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    apigw(&setup.path, &args);
    apigw(
        &setup.path,
        &[
            "create-api-mapping",
            "--domain-name",
            name,
            "--api-id",
            &setup.api_id,
            "--stage",
            "prod",
            "--api-mapping-key",
            key,
        ],
    );
}

fn subject_names(der: &[u8]) -> Vec<String> {
    apigw::acm::x509::parse(der).unwrap().dns_names
}

fn serve(setup: &Setup, extra: &[&str]) -> (Serve, std::net::SocketAddr) {
    let mut args = vec!["--tls-listen", "127.0.0.1:0"];
    args.extend(extra);
    let s = Serve::start(&setup.path, &args, None);
    let at = s.tls_addr.expect("serve prints its https address");
    (s, at)
}

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
async fn mutual_tls_refuses_clients_without_a_trusted_certificate() {
    let backend = Backend::start("orders").await;
    let setup = workspace(
        &backend,
        &[
            (
                "append:header.x-client-subject",
                "$context.identity.clientCert.subjectDN",
            ),
            (
                "append:header.x-client-issuer",
                "$context.identity.clientCert.issuerDN",
            ),
            (
                "append:header.x-client-serial",
                "$context.identity.clientCert.serialNumber",
            ),
            (
                "append:header.x-client-not-after",
                "$context.identity.clientCert.validity.notAfter",
            ),
        ],
    );
    let server_ca = TestCa::new("Test Root");
    let clients = TestCa::new("Clients");
    let strangers = TestCa::new("Strangers");
    let truststore = setup
        .dir
        .path()
        .join(".apigw/truststores/trust-bucket/clients.pem");
    std::fs::create_dir_all(truststore.parent().unwrap()).unwrap();
    std::fs::write(&truststore, &clients.pem).unwrap();
    let arn = import(
        &setup.path,
        &server_ca.server(&["mtls.example.com"]),
        "mtls",
    );
    domain(
        &setup,
        "mtls.example.com",
        &arn,
        "orders",
        &[
            "--mutual-tls-authentication",
            "TruststoreUri=s3://trust-bucket/clients.pem",
        ],
    );
    let format = r#"{"requestId":"$context.requestId","subject":"$context.identity.clientCert.subjectDN","serial":"$context.identity.clientCert.serialNumber","notBefore":"$context.identity.clientCert.validity.notBefore"}"#;
    apigw(
        &setup.path,
        &[
            "update-stage",
            "--api-id",
            &setup.api_id,
            "--stage-name",
            "prod",
            "--access-log-settings",
            &serde_json::json!({
                "DestinationArn": "arn:aws:logs:us-east-2:123456789012:log-group:mtls",
                "Format": format,
            })
            .to_string(),
        ],
    );
    let (gw, at) = serve(&setup, &[]);
    let alice = clients.client("alice", "Acme");
    let mallory = strangers.client("mallory", "Evil");
    fn hello<'a>(roots: &'a str, client: Option<&'a certs::Pem>) -> Hello<'a> {
        Hello {
            name: Some("mtls.example.com"),
            roots,
            client: client.map(|p| (p.cert.as_str(), p.key.as_str())),
            tls12_only: false,
        }
    }
    let roots = server_ca.pem.as_str();
    // Refused at TLS: with TLS 1.3 the client learns it at its first read.
    for (who, client) in [("no certificate", None), ("untrusted", Some(&mallory))] {
        let r = tls_client::get(at, &hello(roots, client), "/orders/x").await;
        assert!(
            r.is_err(),
            "{who}: answered {}",
            r.map(|a| a.status).unwrap_or(0)
        );
        let r12 = tls_client::get(
            at,
            &Hello {
                tls12_only: true,
                ..hello(roots, client)
            },
            "/orders/x",
        )
        .await;
        assert!(
            r12.err().is_some_and(|e| e.starts_with("handshake")),
            "{who} over TLS 1.2"
        );
    }
    assert_eq!(backend.hits(), 0, "a refused client reached the backend");
    // Nor is the domain reached around its handshake: over plain HTTP, or
    // over TLS made for another name (no SNI here), it answers 403.
    let plain = common::call(
        &common::client(),
        "GET",
        &format!("http://{}/orders/x", gw.addr),
        &[("host", "mtls.example.com")],
    )
    .await;
    assert_eq!(
        (plain.status, plain.body.as_str()),
        (403, r#"{"message":"Forbidden"}"#)
    );
    let local_ca = std::fs::read_to_string(setup.dir.path().join(".apigw/ca/ca-cert.pem")).unwrap();
    let around = Hello {
        name: None,
        roots: &local_ca,
        client: None,
        tls12_only: false,
    };
    let a = tls_client::get_as(at, &around, "mtls.example.com", "/orders/x")
        .await
        .unwrap();
    assert_eq!(a.status, 403, "{}", a.body);
    assert_eq!(
        backend.hits(),
        0,
        "a request around the handshake reached the backend"
    );
    let a = tls_client::get(at, &hello(roots, Some(&alice)), "/orders/x")
        .await
        .unwrap_or_else(|e| panic!("{e}\n{}", gw.stderr()));
    assert_eq!(a.status, 200, "{}", a.body);
    let headers = &a.json()["headers"];
    assert_eq!(headers["x-client-subject"], "O=Acme,CN=alice");
    assert_eq!(headers["x-client-issuer"], "CN=Clients");
    let info = apigw::acm::x509::parse(
        &rustls::pki_types::pem::PemObject::from_pem_slice(alice.cert.as_bytes())
            .map(|c: rustls::pki_types::CertificateDer<'static>| c.to_vec())
            .unwrap(),
    )
    .unwrap();
    assert_eq!(headers["x-client-serial"], info.serial_colons().as_str());
    assert_eq!(
        headers["x-client-not-after"],
        apigw::acm::x509::openssl_date(info.not_after).as_str()
    );
    // The access log line, written by the time serve has stopped.
    gw.interrupt();
    let log = std::fs::read_dir(setup.dir.path().join(".apigw/logs"))
        .unwrap()
        .flatten()
        .map(|e| std::fs::read_to_string(e.path()).unwrap())
        .collect::<String>();
    assert!(log.contains(r#""subject":"O=Acme,CN=alice""#), "{log}");
    assert!(
        log.contains(&format!(r#""serial":"{}""#, info.serial_colons())),
        "{log}"
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
        gw.stderr_has(&format!(
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
