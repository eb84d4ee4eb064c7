//! A local identity provider: one 2048-bit RSA signing key kept beside the
//! workspace, published as an OpenID discovery document and a JWKS, and used
//! to mint RS256 tokens (an algorithm API Gateway accepts, so a token that
//! works here works on AWS) for trying JWT authorizers without a real
//! provider.

use super::Claims;
use super::keygen;
use crate::error::Error;
use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use ring::rand::{SecureRandom, SystemRandom};
use ring::signature::{
    ECDSA_P256_SHA256_FIXED_SIGNING, EcdsaKeyPair, RSA_PKCS1_SHA256, RsaKeyPair,
};
use serde_json::{Value, json};
use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Where the gateway serves the discovery document.
pub const DISCOVERY_PATH: &str = "/.well-known/openid-configuration";
/// Where the gateway serves the key set; the discovery document points here.
pub const JWKS_PATH: &str = "/.well-known/jwks.json";

const KEY_DIR: &str = ".apigw";
const KEY_FILE: &str = "issuer-key.pem";
const PEM_BEGIN: &str = "-----BEGIN PRIVATE KEY-----";
const PEM_END: &str = "-----END PRIVATE KEY-----";

/// Claims that [`MintRequest`] sets from its own fields, and so that
/// `extra_claims` may not name.
const SET_BY_MINT: [&str; 7] = ["iss", "sub", "aud", "iat", "exp", "scope", "jti"];

/// The one algorithm the local issuer signs with.
const ALG: &str = "RS256";

/// The local signing key. Its `Debug` output shows the key id and file only.
pub struct LocalIssuer {
    key_pair: RsaKeyPair,
    kid: String,
    /// The public modulus and exponent, base64url, as the JWK shows them.
    n: String,
    e: String,
    key_path: PathBuf,
}

/// What the key file holds.
enum Stored {
    Missing,
    Rsa(Box<LocalIssuer>),
    /// A P-256 key, as apigw made before it signed with RS256.
    OldEcKey,
}

impl fmt::Debug for LocalIssuer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LocalIssuer")
            .field("kid", &self.kid)
            .field("key_path", &self.key_path)
            .finish_non_exhaustive()
    }
}

/// What a minted token says.
#[derive(Debug, Clone, Default)]
pub struct MintRequest {
    /// `iss`: the URL the authorizer names as its issuer.
    pub issuer: String,
    /// `aud`: one audience is written as a string, several as an array,
    /// none leaves `aud` out (then give `client_id` in `extra_claims`).
    pub audiences: Vec<String>,
    /// `sub`; left out when empty.
    pub subject: String,
    /// `scope`, space-separated; left out when empty.
    pub scopes: Vec<String>,
    /// `exp` is `iat` plus this.
    pub expires_in: Duration,
    /// Any other claims (`client_id`, `nbf`, `email`, ...). They may not
    /// name a claim set from the fields above.
    pub extra_claims: Claims,
}

/// The key file of the workspace at `workspace_path`: `.apigw/issuer-key.pem`
/// in the workspace's folder. `workspace_path` is the workspace file
/// (`apigw.toml`) or, when it is a directory, that folder itself.
pub fn key_path(workspace_path: &Path) -> PathBuf {
    let dir = if workspace_path.is_dir() {
        workspace_path
    } else {
        workspace_path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
    };
    dir.join(KEY_DIR).join(KEY_FILE)
}

fn key_error(path: &Path, what: &str) -> Error {
    Error::Workspace(format!("the local issuer key {}: {what}", path.display()))
}

fn b64url(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

fn to_pem(der: &[u8]) -> String {
    let body = STANDARD.encode(der);
    let mut pem = String::with_capacity(body.len() + 80);
    pem.push_str(PEM_BEGIN);
    pem.push('\n');
    for line in body.as_bytes().chunks(64) {
        // Base64 output is ASCII, so every chunk is valid UTF-8.
        pem.push_str(std::str::from_utf8(line).unwrap_or_default());
        pem.push('\n');
    }
    pem.push_str(PEM_END);
    pem.push('\n');
    pem
}

fn from_pem(text: &str) -> Option<Vec<u8>> {
    let start = text.find(PEM_BEGIN)? + PEM_BEGIN.len();
    let end = start + text[start..].find(PEM_END)?;
    let body: String = text[start..end]
        .chars()
        .filter(|c| !c.is_ascii_whitespace())
        .collect();
    STANDARD.decode(body).ok()
}

fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

impl LocalIssuer {
    /// Loads the workspace's signing key, creating it on first use. A new
    /// key is written to a private temporary file (mode 0600) and linked into
    /// place without replacing anything, so an existing key is never
    /// overwritten and a reader never sees half a key.
    ///
    /// A P-256 key left by an older apigw (which signed ES256, an algorithm
    /// API Gateway refuses) is replaced by a new RSA key, with a note on
    /// stderr: the old key can sign nothing that would be accepted, here or
    /// on AWS. Any other unusable file is an error and is left alone.
    pub fn load_or_create(workspace_path: &Path) -> Result<Self, Error> {
        // The key goes beside a workspace file (or into a folder given as
        // the workspace); beside a FIFO or a device it has no business.
        if !workspace_path.is_dir() {
            crate::workspace::check_regular(workspace_path, "workspace file")?;
        }
        Self::load_or_create_at(&key_path(workspace_path))
    }

    fn load_or_create_at(path: &Path) -> Result<Self, Error> {
        match Self::read(path)? {
            Stored::Rsa(issuer) => Ok(*issuer),
            Stored::OldEcKey => Self::replace_old_key(path),
            Stored::Missing => {
                let dir = path.parent().unwrap_or(Path::new("."));
                create_private_dir(dir)
                    .map_err(|e| key_error(path, &format!("cannot create its folder: {e}")))?;
                let tmp = new_key_file(path)?;
                match tmp.persist_noclobber(path) {
                    Ok(_) => {}
                    // Another process made the key first: use theirs.
                    Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => {}
                    Err(e) => return Err(key_error(path, &format!("cannot save: {}", e.error))),
                }
                Self::load_written(path)
            }
        }
    }

    /// Replaces an old P-256 key with a new RSA key. The old file is locked
    /// while this runs, so that of several processes doing this at once one
    /// makes the key and the others use it.
    fn replace_old_key(path: &Path) -> Result<Self, Error> {
        let old =
            std::fs::File::open(path).map_err(|e| key_error(path, &format!("cannot open: {e}")))?;
        old.lock()
            .map_err(|e| key_error(path, &format!("cannot lock: {e}")))?;
        match Self::read(path)? {
            Stored::OldEcKey => {}
            // Replaced (or removed) while this process waited for the lock.
            _ => return Self::load_or_create_at(path),
        }
        let tmp = new_key_file(path)?;
        tmp.persist(path)
            .map_err(|e| key_error(path, &format!("cannot save: {}", e.error)))?;
        let issuer = Self::load_written(path)?;
        let _ = writeln!(
            std::io::stderr(),
            "apigw: replaced the local issuer's ES256 key {} with a new RSA key: API Gateway \
             accepts only RS256, RS384 and RS512 tokens, so tokens are now signed RS256 \
             (tokens minted before are no longer accepted)",
            path.display()
        );
        drop(old);
        Ok(issuer)
    }

    /// Reads the key file that was just written.
    fn load_written(path: &Path) -> Result<Self, Error> {
        match Self::read(path)? {
            Stored::Rsa(issuer) => Ok(*issuer),
            Stored::Missing => Err(key_error(path, "vanished right after it was written")),
            Stored::OldEcKey => Err(key_error(path, "was replaced by an ES256 key meanwhile")),
        }
    }

    /// Reads the key file, telling an RSA key from an older apigw's P-256
    /// key; anything else is an error.
    fn read(path: &Path) -> Result<Stored, Error> {
        // Refused at once unless a regular file (a FIFO would hang the read).
        let Some(mut file) = crate::workspace::open_read(path, "the local issuer key")? else {
            return Ok(Stored::Missing);
        };
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut file, &mut bytes)
            .map_err(|e| key_error(path, &format!("cannot read: {e}")))?;
        let unusable = || {
            key_error(
                path,
                "is not a PKCS#8 RSA private key (2048 to 4096 bits) in PEM; remove the file to \
                 have a new key made",
            )
        };
        let der = std::str::from_utf8(&bytes)
            .ok()
            .and_then(from_pem)
            .ok_or_else(unusable)?;
        let key_pair = match RsaKeyPair::from_pkcs8(&der) {
            Ok(pair) => pair,
            Err(_) => {
                let rng = SystemRandom::new();
                return match EcdsaKeyPair::from_pkcs8(&ECDSA_P256_SHA256_FIXED_SIGNING, &der, &rng)
                {
                    Ok(_) => Ok(Stored::OldEcKey),
                    Err(_) => Err(unusable()),
                };
            }
        };
        let public = ring::rsa::PublicKeyComponents::<Vec<u8>>::from(key_pair.public());
        let n = b64url(&public.n);
        let e = b64url(&public.e);
        // RFC 7638: SHA-256 over the required members, in lexical order.
        let thumbprint_input = format!(r#"{{"e":"{e}","kty":"RSA","n":"{n}"}}"#);
        let kid = b64url(
            ring::digest::digest(&ring::digest::SHA256, thumbprint_input.as_bytes()).as_ref(),
        );
        Ok(Stored::Rsa(Box::new(LocalIssuer {
            key_pair,
            kid,
            n,
            e,
            key_path: path.to_path_buf(),
        })))
    }

    /// The key id: the key's RFC 7638 thumbprint, so it stays the same for
    /// as long as the key does.
    pub fn kid(&self) -> &str {
        &self.kid
    }

    /// The file that holds the key.
    pub fn key_path(&self) -> &Path {
        &self.key_path
    }

    /// The OpenID discovery document for this issuer at `issuer_url`.
    pub fn discovery_document(&self, issuer_url: &str) -> String {
        json!({
            "issuer": issuer_url,
            "jwks_uri": format!("{}{JWKS_PATH}", issuer_url.trim_end_matches('/')),
            "id_token_signing_alg_values_supported": [ALG],
            "response_types_supported": ["id_token"],
            "subject_types_supported": ["public"],
        })
        .to_string()
    }

    /// The public key as a JWKS.
    pub fn jwks(&self) -> String {
        json!({
            "keys": [{
                "kty": "RSA",
                "n": self.n,
                "e": self.e,
                "use": "sig",
                "alg": ALG,
                "kid": self.kid,
            }]
        })
        .to_string()
    }

    /// The answer for a request to `path` on the server whose base URL is
    /// `issuer_url`: `(content type, body)` for the discovery document and
    /// the JWKS, `None` for any other path.
    pub fn well_known_response(
        &self,
        issuer_url: &str,
        path: &str,
    ) -> Option<(&'static str, String)> {
        let path = path.split('?').next().unwrap_or_default();
        match path {
            DISCOVERY_PATH => Some(("application/json", self.discovery_document(issuer_url))),
            JWKS_PATH => Some(("application/json", self.jwks())),
            _ => None,
        }
    }

    /// Signs a token (RS256) with the claims `m` describes.
    pub fn mint(&self, m: &MintRequest) -> Result<String, Error> {
        let invalid = |msg: String| Err(Error::InvalidInput(msg));
        if m.issuer.is_empty() {
            return invalid("a token needs an issuer (the authorizer's Issuer URL)".into());
        }
        if m.audiences.iter().any(String::is_empty) {
            return invalid("an audience must not be empty".into());
        }
        if let Some(bad) = m
            .scopes
            .iter()
            .find(|s| s.is_empty() || s.chars().any(char::is_whitespace))
        {
            return invalid(format!(
                "invalid scope {bad:?}: a scope is one word without spaces; give several scopes separately"
            ));
        }
        if let Some(name) = SET_BY_MINT
            .iter()
            .find(|n| m.extra_claims.contains_key(**n))
        {
            return invalid(format!(
                "the extra claim {name:?} cannot be given: it is set from the issuer, audience, \
                 subject, scope and expiry options"
            ));
        }
        let iat = unix_now();
        let exp = iat
            .checked_add(m.expires_in.as_secs())
            .filter(|&e| e <= i64::MAX as u64)
            .ok_or_else(|| Error::InvalidInput("the token's lifetime is too long".into()))?;
        let mut claims = Claims::new();
        claims.insert("iss".into(), Value::from(m.issuer.as_str()));
        if !m.subject.is_empty() {
            claims.insert("sub".into(), Value::from(m.subject.as_str()));
        }
        match m.audiences.as_slice() {
            [] => {}
            [one] => {
                claims.insert("aud".into(), Value::from(one.as_str()));
            }
            many => {
                claims.insert("aud".into(), Value::from(many.to_vec()));
            }
        }
        claims.insert("iat".into(), Value::from(iat));
        claims.insert("exp".into(), Value::from(exp));
        if !m.scopes.is_empty() {
            claims.insert("scope".into(), Value::from(m.scopes.join(" ")));
        }
        let rng = SystemRandom::new();
        let mut jti = [0u8; 16];
        rng.fill(&mut jti)
            .map_err(|_| Error::Other("cannot draw a random token id".into()))?;
        claims.insert("jti".into(), Value::from(b64url(&jti)));
        for (name, value) in &m.extra_claims {
            claims.insert(name.clone(), value.clone());
        }
        let header = json!({"alg": ALG, "typ": "JWT", "kid": self.kid});
        let signing_input = format!(
            "{}.{}",
            b64url(header.to_string().as_bytes()),
            b64url(Value::Object(claims).to_string().as_bytes())
        );
        let mut signature = vec![0; self.key_pair.public().modulus_len()];
        self.key_pair
            .sign(
                &RSA_PKCS1_SHA256,
                &rng,
                signing_input.as_bytes(),
                &mut signature,
            )
            .map_err(|_| Error::Other("cannot sign the token".into()))?;
        Ok(format!("{signing_input}.{}", b64url(&signature)))
    }
}

/// A new RSA key in a private temporary file (mode 0600) beside `path`,
/// written and synced, ready to be moved into place.
fn new_key_file(path: &Path) -> Result<tempfile::NamedTempFile, Error> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let pkcs8 = keygen::generate_pkcs8(&SystemRandom::new()).map_err(|e| key_error(path, &e))?;
    let mut builder = tempfile::Builder::new();
    builder.prefix(".issuer-key-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o600));
    }
    let mut tmp = builder
        .tempfile_in(dir)
        .map_err(|e| key_error(path, &format!("cannot create a temporary file: {e}")))?;
    tmp.write_all(to_pem(&pkcs8).as_bytes())
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(|e| key_error(path, &format!("cannot write: {e}")))?;
    Ok(tmp)
}

/// Creates `dir` (and its parents) if missing; on Unix the folder it makes
/// itself is private to the user (0700). Also the folder of the access logs'
/// log groups (`.apigw/logs`, see `crate::logs`).
pub(crate) fn create_private_dir(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)?;
    // The folder sits beside a workspace that teams commit; keep the private
    // key (and the access logs) out of version control unless someone
    // decides otherwise.
    let ignore = dir.join(".gitignore");
    if !ignore.exists() {
        std::fs::write(
            ignore,
            "# apigw's local state (signing key, access logs): never commit it\n*\n",
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pem_round_trips() {
        let der: Vec<u8> = (0..=255).collect();
        let pem = to_pem(&der);
        assert!(pem.lines().all(|l| l.len() <= 64));
        assert_eq!(from_pem(&pem), Some(der));
        assert_eq!(from_pem("no pem here"), None);
        assert_eq!(from_pem(&format!("{PEM_BEGIN}\n!!\n{PEM_END}")), None);
    }

    #[test]
    fn key_path_sits_beside_the_workspace_file() {
        assert_eq!(
            key_path(Path::new("/w/apigw.toml")),
            Path::new("/w/.apigw/issuer-key.pem")
        );
        assert_eq!(
            key_path(Path::new("apigw.toml")),
            Path::new("./.apigw/issuer-key.pem")
        );
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(
            key_path(dir.path()),
            dir.path().join(".apigw/issuer-key.pem")
        );
    }
}
