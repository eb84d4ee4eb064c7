//! Mutual TLS truststores. The service reads a domain's truststore (a PEM
//! bundle of CA certificates) from S3 at `TruststoreUri`; locally,
//! `s3://BUCKET/KEY` names the file `.apigw/truststores/BUCKET/KEY` beside
//! the workspace, where a user copies the bundle they would upload.

use rustls::RootCertStore;
use rustls::pki_types::CertificateDer;
use rustls::pki_types::pem::PemObject;
use std::path::{Path, PathBuf};

/// The local file for `uri`, or why `uri` is not an S3 URI of an object.
pub fn local_path(workspace: &Path, uri: &str) -> Result<PathBuf, String> {
    let rest = uri
        .strip_prefix("s3://")
        .ok_or_else(|| format!("TruststoreUri {uri} is not an S3 URI: expected s3://bucket/key"))?;
    let (bucket, key) = rest
        .split_once('/')
        .filter(|(b, k)| !b.is_empty() && !k.is_empty())
        .ok_or_else(|| format!("TruststoreUri {uri} names no object: expected s3://bucket/key"))?;
    let safe = |s: &str| s.split('/').all(|p| !p.is_empty() && p != "." && p != "..");
    if !safe(bucket) || !safe(key) || bucket.contains('/') {
        return Err(format!(
            "TruststoreUri {uri}: bucket and key may not hold empty, . or .. segments"
        ));
    }
    Ok(super::apigw_dir(workspace)
        .join("truststores")
        .join(bucket)
        .join(key))
}

/// The CA certificates of a truststore file.
pub fn load(path: &Path) -> Result<RootCertStore, String> {
    let pem = crate::input::paramfile::read(path)
        .map_err(|e| format!("cannot read the truststore {}: {e}", path.display()))?;
    let certs = CertificateDer::pem_slice_iter(&pem)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| format!("the truststore {} is not PEM: {e}", path.display()))?;
    let mut roots = RootCertStore::empty();
    let (added, _) = roots.add_parsable_certificates(certs);
    if added == 0 {
        return Err(format!(
            "the truststore {} holds no usable CA certificate",
            path.display()
        ));
    }
    Ok(roots)
}
