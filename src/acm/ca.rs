//! The local certificate authority: one P-256 key and a self-signed CA
//! certificate kept in `.apigw/ca/` beside the workspace (the key 0600,
//! the folder 0700 and git-ignored, as the local issuer's key is). It
//! issues the certificates of `apigw acm request-certificate`, and the ones
//! `serve --tls-listen` makes for itself (execute-api hosts, and domains
//! whose certificate files are missing, as in a fresh clone). A user trusts
//! `ca-cert.pem` (printed, never the key) to have curl or a browser accept
//! them. The CA's certificate is read back only as PEM: its name is made
//! from its key, so the issuer of each new certificate matches it without
//! parsing it.

use crate::error::Error;
use rcgen::{
    BasicConstraints, CertificateParams, DistinguishedName, DnType, ExtendedKeyUsagePurpose, IsCa,
    Issuer, KeyPair, KeyUsagePurpose, SerialNumber,
};
use ring::rand::{SecureRandom, SystemRandom};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

const CA_DIR: &str = "ca";
const KEY_FILE: &str = "ca-key.pem";
const CERT_FILE: &str = "ca-cert.pem";

/// How long an issued certificate is valid: 395 days, as ACM's own
/// certificates are (13 months).
pub const ISSUED_DAYS: u64 = 395;
/// How long the CA itself is valid.
const CA_DAYS: u64 = 3650;

/// A certificate and its private key, both PEM.
pub struct Issued {
    pub certificate_pem: String,
    pub private_key_pem: String,
}

impl std::fmt::Debug for Issued {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Issued").finish_non_exhaustive()
    }
}

/// The local CA, loaded.
pub struct LocalCa {
    key: KeyPair,
    cert_pem: String,
    cert_path: PathBuf,
}

impl std::fmt::Debug for LocalCa {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LocalCa")
            .field("cert_path", &self.cert_path)
            .finish_non_exhaustive()
    }
}

fn ca_error(path: &Path, what: impl std::fmt::Display) -> Error {
    Error::Workspace(format!("the local CA {}: {what}", path.display()))
}

/// The CA's name: made from its key, so that two workspaces' CAs never
/// share a name in a user's trust store.
fn ca_params(key: &KeyPair) -> CertificateParams {
    let digest = ring::digest::digest(&ring::digest::SHA256, key.public_key_raw());
    let tag: String = digest.as_ref()[..4]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let mut params = CertificateParams::default();
    let mut dn = DistinguishedName::new();
    dn.push(DnType::OrganizationName, "apigw local");
    dn.push(DnType::CommonName, format!("apigw local CA {tag}"));
    params.distinguished_name = dn;
    params.is_ca = IsCa::Ca(BasicConstraints::Constrained(0));
    params.key_usages = vec![
        KeyUsagePurpose::KeyCertSign,
        KeyUsagePurpose::CrlSign,
        KeyUsagePurpose::DigitalSignature,
    ];
    params
}

/// Seconds since the epoch, now.
fn unix_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// A random serial number of 16 bytes, top bit clear (positive).
fn serial(rng: &SystemRandom) -> Result<SerialNumber, String> {
    let mut bytes = [0u8; 16];
    rng.fill(&mut bytes)
        .map_err(|_| "the system's random number generator failed".to_string())?;
    bytes[0] &= 0x7f;
    bytes[0] |= 0x01;
    Ok(SerialNumber::from_slice(&bytes))
}

/// Sets a validity from an hour ago (clocks differ a little) to `days` on.
fn set_validity(params: &mut CertificateParams, days: u64) {
    let epoch = rcgen::date_time_ymd(1970, 1, 1);
    let now = unix_now();
    params.not_before = epoch + Duration::from_secs(now.saturating_sub(3600));
    params.not_after = epoch + Duration::from_secs(now + days * 86_400);
}

/// Writes `text` to `path` through a private temporary file, without
/// replacing a file that is there: false when one was.
fn write_new(path: &Path, text: &str, mode: u32) -> Result<bool, Error> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut builder = tempfile::Builder::new();
    builder.prefix(".ca-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(mode));
    }
    #[cfg(not(unix))]
    let _ = mode;
    let mut tmp = builder
        .tempfile_in(dir)
        .map_err(|e| ca_error(path, format!("cannot create a temporary file: {e}")))?;
    tmp.write_all(text.as_bytes())
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(|e| ca_error(path, format!("cannot write: {e}")))?;
    match tmp.persist_noclobber(path) {
        Ok(_) => Ok(true),
        Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
        Err(e) => Err(ca_error(path, format!("cannot save: {}", e.error))),
    }
}

fn read_small(path: &Path, what: &str) -> Result<Option<String>, Error> {
    let Some(mut file) = crate::workspace::open_read(path, what)? else {
        return Ok(None);
    };
    let mut text = String::new();
    std::io::Read::read_to_string(&mut file, &mut text)
        .map_err(|e| ca_error(path, format!("cannot read: {e}")))?;
    Ok(Some(text))
}

impl LocalCa {
    /// The CA of the apigw folder `apigw_dir` (`.apigw` beside the
    /// workspace), made on first use.
    pub fn load_or_create(apigw_dir: &Path) -> Result<LocalCa, Error> {
        let dir = apigw_dir.join(CA_DIR);
        let key_path = dir.join(KEY_FILE);
        let cert_path = dir.join(CERT_FILE);
        crate::jwt::create_private_dir(apigw_dir)
            .and_then(|()| crate::jwt::create_private_dir(&dir))
            .map_err(|e| ca_error(&dir, format!("cannot create the folder: {e}")))?;
        let key_pem = match read_small(&key_path, "the local CA key")? {
            Some(pem) => pem,
            None => {
                let key = KeyPair::generate()
                    .map_err(|e| ca_error(&key_path, format!("cannot make a key: {e}")))?;
                write_new(&key_path, &key.serialize_pem(), 0o600)?;
                // Another process may have won the race: read what is there.
                read_small(&key_path, "the local CA key")?
                    .ok_or_else(|| ca_error(&key_path, "vanished right after it was written"))?
            }
        };
        let key = KeyPair::from_pem(&key_pem).map_err(|_| {
            ca_error(
                &key_path,
                "is not a PKCS#8 private key in PEM; remove the ca folder to have a new CA made",
            )
        })?;
        let cert_pem = match read_small(&cert_path, "the local CA certificate")? {
            Some(pem) => pem,
            None => {
                let mut params = ca_params(&key);
                set_validity(&mut params, CA_DAYS);
                let rng = SystemRandom::new();
                params.serial_number = Some(serial(&rng).map_err(|e| ca_error(&cert_path, e))?);
                let cert = params
                    .self_signed(&key)
                    .map_err(|e| ca_error(&cert_path, format!("cannot sign: {e}")))?;
                write_new(&cert_path, &cert.pem(), 0o644)?;
                read_small(&cert_path, "the local CA certificate")?
                    .ok_or_else(|| ca_error(&cert_path, "vanished right after it was written"))?
            }
        };
        Ok(LocalCa {
            key,
            cert_pem,
            cert_path,
        })
    }

    /// Where the CA's certificate is: the file to trust.
    pub fn cert_path(&self) -> &Path {
        &self.cert_path
    }

    pub fn cert_pem(&self) -> &str {
        &self.cert_pem
    }

    /// A new server certificate for `names` (the first is also the common
    /// name), with a new P-256 key.
    pub fn issue(&self, names: &[String]) -> Result<Issued, String> {
        let key = KeyPair::generate().map_err(|e| format!("cannot make a key: {e}"))?;
        let mut params = CertificateParams::new(names.to_vec())
            .map_err(|e| format!("cannot name a certificate {names:?}: {e}"))?;
        let mut dn = DistinguishedName::new();
        if let Some(first) = names.first() {
            dn.push(DnType::CommonName, first.as_str());
        }
        params.distinguished_name = dn;
        params.key_usages = vec![KeyUsagePurpose::DigitalSignature];
        params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
        params.use_authority_key_identifier_extension = true;
        params.serial_number = Some(serial(&SystemRandom::new())?);
        set_validity(&mut params, ISSUED_DAYS);
        let issuer = Issuer::new(ca_params(&self.key), &self.key);
        let cert = params
            .signed_by(&key, &issuer)
            .map_err(|e| format!("cannot sign a certificate: {e}"))?;
        Ok(Issued {
            certificate_pem: cert.pem(),
            private_key_pem: key.serialize_pem(),
        })
    }
}
