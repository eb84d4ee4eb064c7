//! Mutual TLS on a custom domain, through `apigw serve --tls-listen` as a
//! real process and a real TLS client: a client without a certificate or
//! with an untrusted one is refused, a trusted one is accepted, and its
//! certificate reaches parameter mappings and the access log.

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
