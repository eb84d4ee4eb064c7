//! Where the ACM stand-in keeps certificates: one folder per certificate in
//! `.apigw/acm/` beside the workspace, never in the workspace file, so that
//! key material stays out of what teams commit (the folder is git-ignored,
//! 0700, each private key 0600). A folder holds `certificate.pem`,
//! `chain.pem` when there is a chain, `private-key.pem` and `record.json`
//! (the ARN, the type and when it was made; the names and dates are read
//! from the certificate itself). A folder is written under a temporary name
//! and renamed into place, so a reader sees a whole certificate or none. A
//! certificate saved again (re-imported) replaces its folder only once the
//! new one is whole, and a save that fails leaves the old one in place.

use super::x509::{self, CertInfo};
use crate::error::Error;
use rustls::pki_types::CertificateDer;
use rustls::pki_types::pem::PemObject;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

const ACM_DIR: &str = "acm";
const CERT_FILE: &str = "certificate.pem";
const CHAIN_FILE: &str = "chain.pem";
const KEY_FILE: &str = "private-key.pem";
const RECORD_FILE: &str = "record.json";

/// What `record.json` says.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Record {
    pub certificate_arn: String,
    /// `IMPORTED` or `AMAZON_ISSUED` (issued by the local CA).
    #[serde(rename = "Type")]
    pub kind: String,
    /// Seconds since the epoch.
    pub created_at: i64,
    /// The names asked for (request-certificate); empty for imports.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requested_names: Vec<String>,
}

/// A stored certificate, without its key.
#[derive(Debug, Clone)]
pub struct Stored {
    pub record: Record,
    pub certificate_pem: String,
    pub chain_pem: Option<String>,
    pub info: CertInfo,
}

/// The certificates of one workspace.
#[derive(Debug, Clone)]
pub struct Store {
    root: PathBuf,
}

fn store_error(path: &Path, what: impl std::fmt::Display) -> Error {
    Error::Workspace(format!(
        "the local certificate store {}: {what}",
        path.display()
    ))
}

/// The first certificate of a PEM text, read.
pub fn first_certificate(pem: &str) -> Result<(CertificateDer<'static>, CertInfo), String> {
    let der = CertificateDer::pem_slice_iter(pem.as_bytes())
        .next()
        .ok_or("holds no CERTIFICATE block")?
        .map_err(|e| format!("is not PEM: {e}"))?;
    let info = x509::parse(&der).map_err(|e| format!("is not an X.509 certificate: {e}"))?;
    Ok((der, info))
}

/// The certificate id (the ARN's last part) if `arn` is an ACM certificate ARN.
pub fn id_of(arn: &str) -> Option<&str> {
    let rest = arn.strip_prefix("arn:")?;
    let mut parts = rest.splitn(5, ':');
    let (_partition, service, _region, _account, resource) = (
        parts.next()?,
        parts.next()?,
        parts.next()?,
        parts.next()?,
        parts.next()?,
    );
    let id = resource.strip_prefix("certificate/")?;
    let ok = service == "acm"
        && !id.is_empty()
        && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    ok.then_some(id)
}

fn read_text(path: &Path, what: &str) -> Result<Option<String>, Error> {
    let Some(mut file) = crate::workspace::open_read(path, what)? else {
        return Ok(None);
    };
    let mut text = String::new();
    std::io::Read::read_to_string(&mut file, &mut text)
        .map_err(|e| store_error(path, format!("cannot read: {e}")))?;
    Ok(Some(text))
}

fn write_file(path: &Path, text: &str, mode: u32) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(mode);
    }
    #[cfg(not(unix))]
    let _ = mode;
    let mut file = options.open(path)?;
    std::io::Write::write_all(&mut file, text.as_bytes())?;
    file.sync_all()
}

impl Store {
    /// The store of the workspace file at `workspace` (`.apigw/acm` in its
    /// folder).
    pub fn beside(workspace: &Path) -> Store {
        Store {
            root: super::apigw_dir(workspace).join(ACM_DIR),
        }
    }

    /// The folder holding one folder per certificate: saving, replacing or
    /// deleting a certificate changes its modification time.
    pub fn root(&self) -> &Path {
        &self.root
    }

    fn dir_of(&self, arn: &str) -> Option<PathBuf> {
        id_of(arn).map(|id| self.root.join(id))
    }

    /// The certificate `arn`, if it is stored (and its record names it).
    pub fn get(&self, arn: &str) -> Result<Option<Stored>, Error> {
        let Some(dir) = self.dir_of(arn) else {
            return Ok(None);
        };
        match self.read(&dir)? {
            Some(s) if s.record.certificate_arn == arn => Ok(Some(s)),
            _ => Ok(None),
        }
    }

    fn read(&self, dir: &Path) -> Result<Option<Stored>, Error> {
        let record_path = dir.join(RECORD_FILE);
        let Some(record) = read_text(&record_path, "a certificate record")? else {
            return Ok(None);
        };
        let record: Record = serde_json::from_str(&record)
            .map_err(|e| store_error(&record_path, format!("is not a certificate record: {e}")))?;
        let cert_path = dir.join(CERT_FILE);
        let certificate_pem = read_text(&cert_path, "a certificate")?
            .ok_or_else(|| store_error(&cert_path, "is missing"))?;
        let (_, info) =
            first_certificate(&certificate_pem).map_err(|e| store_error(&cert_path, e))?;
        let chain_pem = read_text(&dir.join(CHAIN_FILE), "a certificate chain")?;
        Ok(Some(Stored {
            record,
            certificate_pem,
            chain_pem,
            info,
        }))
    }

    /// The private key of `arn`, PEM; for `serve` only, never printed.
    pub fn private_key_pem(&self, arn: &str) -> Result<Option<String>, Error> {
        match self.dir_of(arn) {
            Some(dir) => read_text(&dir.join(KEY_FILE), "a private key"),
            None => Ok(None),
        }
    }

    /// Every stored certificate, oldest first.
    pub fn list(&self) -> Result<Vec<Stored>, Error> {
        let entries = match std::fs::read_dir(&self.root) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(store_error(&self.root, format!("cannot list: {e}"))),
        };
        let mut all = Vec::new();
        for entry in entries.flatten() {
            let name = entry.file_name();
            if name.to_string_lossy().starts_with('.') {
                continue;
            }
            if let Some(s) = self.read(&entry.path())? {
                all.push(s);
            }
        }
        all.sort_by(|a, b| {
            (a.record.created_at, &a.record.certificate_arn)
                .cmp(&(b.record.created_at, &b.record.certificate_arn))
        });
        Ok(all)
    }

    /// Saves a certificate with its key (0600) and chain, in place of the
    /// one stored under its ARN, if any.
    pub fn save(
        &self,
        record: &Record,
        certificate_pem: &str,
        chain_pem: Option<&str>,
        private_key_pem: &str,
    ) -> Result<(), Error> {
        let dir = self
            .dir_of(&record.certificate_arn)
            .ok_or_else(|| store_error(&self.root, "a certificate ARN without an id"))?;
        let parent = self.root.parent().unwrap_or(Path::new("."));
        crate::jwt::create_private_dir(parent)
            .and_then(|()| crate::jwt::create_private_dir(&self.root))
            .map_err(|e| store_error(&self.root, format!("cannot create the folder: {e}")))?;
        let tmp = tempfile::Builder::new()
            .prefix(".new-")
            .tempdir_in(&self.root)
            .map_err(|e| store_error(&self.root, format!("cannot create a folder: {e}")))?;
        let fail = |e: std::io::Error| store_error(tmp.path(), format!("cannot write: {e}"));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(0o700))
                .map_err(fail)?;
        }
        write_file(&tmp.path().join(KEY_FILE), private_key_pem, 0o600).map_err(fail)?;
        write_file(&tmp.path().join(CERT_FILE), certificate_pem, 0o644).map_err(fail)?;
        if let Some(chain) = chain_pem {
            write_file(&tmp.path().join(CHAIN_FILE), chain, 0o644).map_err(fail)?;
        }
        let json = serde_json::to_string_pretty(record)
            .map_err(|e| store_error(&dir, format!("cannot encode: {e}")))?;
        write_file(&tmp.path().join(RECORD_FILE), &json, 0o644).map_err(fail)?;
        // A certificate saved again (re-imported) replaces the old one only
        // once the new one is whole: the old folder is moved aside, the new
        // one renamed in, and the old removed; should the rename fail the
        // old one goes back, so a failed save never loses a certificate.
        let aside = self.root.join(format!(
            ".replaced-{}",
            id_of(&record.certificate_arn).unwrap_or("x")
        ));
        let replacing = dir.exists();
        if replacing {
            let _ = std::fs::remove_dir_all(&aside);
            std::fs::rename(&dir, &aside)
                .map_err(|e| store_error(&dir, format!("cannot replace: {e}")))?;
        }
        if let Err(e) = std::fs::rename(tmp.path(), &dir) {
            if replacing {
                let _ = std::fs::rename(&aside, &dir);
            }
            return Err(store_error(&dir, format!("cannot save: {e}")));
        }
        // The folder is in place: nothing left for the guard to remove.
        let _ = tmp.keep();
        if replacing {
            let _ = std::fs::remove_dir_all(&aside);
        }
        Ok(())
    }

    /// Removes the certificate `arn`; false when it was not stored.
    pub fn delete(&self, arn: &str) -> Result<bool, Error> {
        if self.get(arn)?.is_none() {
            return Ok(false);
        }
        let Some(dir) = self.dir_of(arn) else {
            return Ok(false);
        };
        // Renamed aside first, so a reader never sees half a folder.
        let gone = self
            .root
            .join(format!(".deleted-{}", id_of(arn).unwrap_or("x")));
        std::fs::rename(&dir, &gone)
            .and_then(|()| std::fs::remove_dir_all(&gone))
            .map_err(|e| store_error(&dir, format!("cannot delete: {e}")))?;
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_come_from_acm_arns_only() {
        assert_eq!(
            id_of("arn:aws:acm:us-east-2:123456789012:certificate/0a1b-2c"),
            Some("0a1b-2c")
        );
        assert_eq!(id_of("arn:aws:acm:us-east-2:1:certificate/../x"), None);
        assert_eq!(id_of("arn:aws:iam::1:server-certificate/x"), None);
        assert_eq!(id_of("arn:aws:acm:us-east-2:1:certificate/"), None);
    }

    /// A self-signed certificate for `name`, and its key.
    fn certificate(name: &str) -> (String, String) {
        let c = rcgen::generate_simple_self_signed(vec![name.to_string()]).unwrap();
        (c.cert.pem(), c.signing_key.serialize_pem())
    }

    #[test]
    fn a_certificate_saved_again_replaces_the_old_one_whole() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::beside(&dir.path().join("apigw.toml"));
        let arn = "arn:aws:acm:us-east-2:123456789012:certificate/0a1b2c3d";
        let record = Record {
            certificate_arn: arn.into(),
            kind: "IMPORTED".into(),
            created_at: 1,
            requested_names: Vec::new(),
        };
        let (first, first_key) = certificate("old.example.com");
        store.save(&record, &first, None, &first_key).unwrap();
        let (second, second_key) = certificate("new.example.com");
        store.save(&record, &second, None, &second_key).unwrap();
        let got = store.get(arn).unwrap().unwrap();
        assert_eq!(got.certificate_pem, second);
        assert_eq!(store.private_key_pem(arn).unwrap().unwrap(), second_key);
        assert_eq!(store.list().unwrap().len(), 1);
        // Nothing is left aside or half made.
        let mut names: Vec<String> = std::fs::read_dir(store.root())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n != ".gitignore")
            .collect();
        names.sort();
        assert_eq!(names, ["0a1b2c3d"]);
    }
}
