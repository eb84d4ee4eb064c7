//! The ACM stand-in behind `apigw endpoint`, on the wire: ACM's JSON
//! protocol (`X-Amz-Target: CertificateManager.<Operation>`), blobs in
//! base64 as SDKs send `fileb://` contents, and ACM's error types.

#[path = "common/certs.rs"]
mod certs;
#[path = "common/endpoint.rs"]
mod endpoint;

use base64::Engine;
use endpoint::Endpoint;
use serde_json::json;

fn b64(text: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(text)
}

#[test]
fn acm_verbs_speak_acm_s_json_protocol() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("apigw.toml");
    let e = Endpoint::start(&ws);
    let ca = certs::TestCa::new("Test Root");
    let pem = ca.server(&["api.example.com"]);
    let a = e.acm(
        "ImportCertificate",
        &json!({"Certificate": b64(&pem.cert), "PrivateKey": b64(&pem.key), "CertificateChain": b64(&ca.pem)}),
    );
    assert_eq!(a.status, 200, "{}", String::from_utf8_lossy(&a.body));
    let arn = a.json()["CertificateArn"].as_str().unwrap().to_string();
    assert!(arn.starts_with("arn:aws:acm:"), "{arn}");
    let d = e
        .acm("DescribeCertificate", &json!({"CertificateArn": arn}))
        .json();
    assert_eq!(d["Certificate"]["DomainName"], "api.example.com");
    assert_eq!(d["Certificate"]["Type"], "IMPORTED");
    let got = e
        .acm("GetCertificate", &json!({"CertificateArn": arn}))
        .json();
    assert_eq!(got["Certificate"], pem.cert.as_str());
    assert!(
        !String::from_utf8_lossy(
            &e.acm("GetCertificate", &json!({"CertificateArn": arn}))
                .body
        )
        .contains("PRIVATE KEY")
    );
    let issued = e
        .acm(
            "RequestCertificate",
            &json!({"DomainName": "www.example.com"}),
        )
        .json();
    assert!(issued["CertificateArn"].is_string(), "{issued}");
    let listed = e.acm("ListCertificates", &json!({})).json();
    assert_eq!(
        listed["CertificateSummaryList"].as_array().unwrap().len(),
        2
    );
    // Errors: ACM's types, as JSON-protocol bodies.
    let not_b64 = e.acm(
        "ImportCertificate",
        &json!({"Certificate": "%%%", "PrivateKey": b64(&pem.key)}),
    );
    assert_eq!(not_b64.status, 400);
    assert_eq!(
        not_b64.error(),
        (
            "ValidationException".into(),
            "Certificate must be the base64 of a PEM text".into()
        )
    );
    let mismatch = e.acm(
        "ImportCertificate",
        &json!({"Certificate": b64(&pem.cert), "PrivateKey": b64(&ca.server(&["x.example.com"]).key)}),
    );
    assert_eq!(mismatch.error().0, "ValidationException");
    let missing = e.acm(
        "DescribeCertificate",
        &json!({"CertificateArn": format!("{arn}0")}),
    );
    assert_eq!(missing.error().0, "ResourceNotFoundException");
    let unknown = e.acm("RenewCertificate", &json!({}));
    assert_eq!(unknown.error().0, "UnknownOperationException");
    assert!(
        unknown.error().1.contains("ImportCertificate"),
        "{:?}",
        unknown.error()
    );
    assert_eq!(
        e.acm("DeleteCertificate", &json!({"CertificateArn": arn}))
            .status,
        200
    );
}
