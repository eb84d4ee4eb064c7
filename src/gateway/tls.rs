//! The HTTPS hop to backends: which certificate authorities are trusted
//! (`--ca-bundle`, else the system bundle), the rustls client settings for
//! verified connections, and the unverified ones that health checks use (as
//! a load balancer's HTTPS health checks do not verify certificates).

use crate::error::Error;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::{CryptoProvider, ring};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{ClientConfig, DigitallySignedStruct, RootCertStore, SignatureScheme};
use std::path::Path;
use std::sync::Arc;

/// Where Debian, Fedora and Alpine keep the system's trusted authorities.
const SYSTEM_BUNDLES: &[&str] = &[
    "/etc/ssl/certs/ca-certificates.crt",
    "/etc/pki/tls/certs/ca-bundle.crt",
    "/etc/ssl/cert.pem",
];

fn provider() -> Arc<CryptoProvider> {
    Arc::new(ring::default_provider())
}

/// Reads the trusted authorities: the PEM file given, else the system
/// bundle when there is one (else none: every HTTPS backend then fails).
pub fn load_roots(ca_bundle: Option<&Path>) -> Result<RootCertStore, Error> {
    let mut roots = RootCertStore::empty();
    let path = match ca_bundle {
        Some(p) => p,
        None => match SYSTEM_BUNDLES.iter().map(Path::new).find(|p| p.is_file()) {
            Some(p) => p,
            None => return Ok(roots),
        },
    };
    // Bounded, and never waiting on a pipe or device a user names.
    let pem = crate::input::paramfile::read(path)
        .map_err(|e| Error::InvalidInput(format!("--ca-bundle {}: {e}", path.display())))?;
    let certs = CertificateDer::pem_slice_iter(&pem)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| {
            Error::InvalidInput(format!(
                "--ca-bundle {}: cannot read PEM certificates: {e}",
                path.display()
            ))
        })?;
    let (added, _ignored) = roots.add_parsable_certificates(certs);
    if added == 0 && ca_bundle.is_some() {
        return Err(Error::InvalidInput(format!(
            "--ca-bundle {}: the file holds no usable CERTIFICATE block; give a PEM file of CA certificates",
            path.display()
        )));
    }
    Ok(roots)
}

/// Client settings that verify the backend's certificate against `roots`
/// and the name the connection is made for, over HTTP/1.1.
pub fn verified_config(roots: RootCertStore) -> Result<Arc<ClientConfig>, Error> {
    let mut config = ClientConfig::builder_with_provider(provider())
        .with_safe_default_protocol_versions()
        .map_err(|e| Error::Other(format!("cannot set up TLS: {e}")))?
        .with_root_certificates(roots)
        .with_no_client_auth();
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(Arc::new(config))
}

/// Client settings that accept any certificate, for health checks only.
pub fn unverified_config() -> Arc<ClientConfig> {
    let provider = provider();
    let verifier = Arc::new(AcceptAnyCertificate(provider.clone()));
    let config = ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .expect("the ring provider supports the default protocol versions")
        .dangerous()
        .with_custom_certificate_verifier(verifier)
        .with_no_client_auth();
    Arc::new(config)
}

/// The SNI name for a host: a DNS name, or an IP address.
pub fn server_name(host: &str) -> Option<ServerName<'static>> {
    let host = host.trim_start_matches('[').trim_end_matches(']');
    ServerName::try_from(host.to_string()).ok()
}

#[derive(Debug)]
struct AcceptAnyCertificate(Arc<CryptoProvider>);

impl ServerCertVerifier for AcceptAnyCertificate {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}
