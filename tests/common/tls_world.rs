//! The world of the `serve --tls-listen` tests: an API with one proxy
//! route on stage prod, certificates imported through the CLI, domain
//! names mapped to it, and `serve` with a TLS listener.

#![allow(dead_code)] // each test crate uses a different part of this file

use crate::certs;
use crate::common::{Backend, Setup};
use crate::serve::{Serve, apigw};
use std::path::Path;

/// A workspace whose API has `ANY /{proxy+}` to `backend` on stage prod,
/// with `mappings` (name → request parameter mappings) on the integration.
pub fn workspace(backend: &Backend, mappings: &[(&str, &str)]) -> Setup {
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
pub fn import(ws: &Path, pem: &certs::Pem, name: &str) -> String {
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
pub fn domain(setup: &Setup, name: &str, arn: &str, key: &str, extra: &[&str]) {
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

/// The DNS names of a certificate.
pub fn subject_names(der: &[u8]) -> Vec<String> {
    apigw::acm::x509::parse(der).unwrap().dns_names
}

/// `serve` with a TLS listener (and `extra`); the HTTPS address.
pub fn serve(setup: &Setup, extra: &[&str]) -> (Serve, std::net::SocketAddr) {
    let mut args = vec!["--tls-listen", "127.0.0.1:0"];
    args.extend(extra);
    let s = Serve::start(&setup.path, &args, None);
    let at = s.tls_addr.expect("serve prints its https address");
    (s, at)
}
