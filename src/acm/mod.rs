//! The local stand-in for AWS Certificate Manager, beside the workspace: the
//! certificates that custom domain names' `CertificateArn`s name (imported,
//! or issued by a local CA), kept with their keys out of the workspace file
//! and out of git. The operations (`apigw acm …`) are in
//! `crate::ops::certificates`; `serve --tls-listen` reads the same store.
//!
//! [`store`] keeps the files, [`ca`] is the local CA, [`x509`] reads what a
//! certificate says, and [`truststore`] finds the local files that stand in
//! for mutual TLS truststores in S3.

pub mod ca;
pub mod store;
pub mod truststore;
pub mod x509;

use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The folder of apigw's local state beside the workspace file (`.apigw`),
/// where the local issuer's key also lives.
pub fn apigw_dir(workspace: &Path) -> PathBuf {
    let key = crate::jwt::key_path(workspace);
    key.parent()
        .map_or_else(|| PathBuf::from(".apigw"), Path::to_path_buf)
}

/// A certificate chain and its private key, ready for rustls: the chain is
/// the certificate, then the chain's certificates.
pub fn certified_key(
    certificate_pem: &str,
    chain_pem: Option<&str>,
    private_key_pem: &str,
) -> Result<Arc<rustls::sign::CertifiedKey>, String> {
    let mut chain: Vec<CertificateDer<'static>> =
        CertificateDer::pem_slice_iter(certificate_pem.as_bytes())
            .take(1)
            .collect::<Result<_, _>>()
            .map_err(|e| format!("the certificate is not PEM: {e}"))?;
    if chain.is_empty() {
        return Err("the certificate holds no CERTIFICATE block".into());
    }
    if let Some(extra) = chain_pem {
        let more = CertificateDer::pem_slice_iter(extra.as_bytes())
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| format!("the certificate chain is not PEM: {e}"))?;
        chain.extend(more);
    }
    // The message never quotes the key.
    let key = PrivateKeyDer::from_pem_slice(private_key_pem.as_bytes())
        .map_err(|_| "the private key is not an unencrypted PEM private key".to_string())?;
    let signer = rustls::crypto::ring::sign::any_supported_type(&key).map_err(|_| {
        "the private key is not an RSA, ECDSA or Ed25519 key apigw can use".to_string()
    })?;
    let certified = rustls::sign::CertifiedKey::new(chain, signer);
    certified
        .keys_match()
        .map_err(|_| "the private key does not match the certificate".to_string())?;
    Ok(Arc::new(certified))
}
