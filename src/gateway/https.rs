//! HTTPS to the client (`serve --tls-listen`): which certificate and which
//! TLS settings a connection gets, chosen from the name the client asks for
//! (SNI) before the handshake goes on. A custom domain gets the certificate
//! its `CertificateArn` names (from the ACM stand-in's store), an exact name
//! before a wildcard `*.parent`; anything else, execute-api hosts and
//! clients that send no name included, gets a certificate the local CA
//! issues when `serve` starts. A domain with mutual TLS gets settings of its
//! own that require a client certificate signed by its truststore, which is
//! why the settings, not only the certificate, are chosen per name (rustls'
//! `Acceptor` reads the ClientHello first). TLS 1.2 and 1.3 only, with the
//! ring provider and ALPN `http/1.1`.
//!
//! Choices where the service's behaviour cannot be copied: a domain whose
//! certificate files are missing (a fresh clone of a committed workspace)
//! is served with a certificate the local CA makes for it, with a warning;
//! a mutual TLS domain whose truststore cannot be read refuses every
//! handshake, so that it is never served without its client check.

use crate::acm::ca::LocalCa;
use crate::acm::store::Store;
use crate::acm::{self, truststore};
use crate::error::{Error, Result};
use crate::workspace::Workspace;
use rustls::crypto::CryptoProvider;
use rustls::server::{ClientHello, ResolvesServerCert, WebPkiClientVerifier};
use rustls::sign::CertifiedKey;
use rustls::{RootCertStore, ServerConfig};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};

/// How long a client may take over its handshake.
pub const HANDSHAKE_LIMIT: std::time::Duration = std::time::Duration::from_secs(10);

fn provider() -> Arc<CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

/// The TLS side of a running gateway: the local CA, the execute-api
/// settings made at start, and the domains' settings, swapped on reload.
pub struct Tls {
    ca: LocalCa,
    workspace: PathBuf,
    execute_api: Arc<ServerConfig>,
    /// Certificates the local CA made for domains whose own are missing,
    /// kept so that a reload does not make new ones.
    stand_ins: Mutex<HashMap<String, Arc<CertifiedKey>>>,
    sites: RwLock<Arc<Sites>>,
}

/// The domains' settings by name.
#[derive(Default)]
struct Sites {
    exact: HashMap<String, Site>,
    /// `*.example.com` under `example.com`.
    wildcard: HashMap<String, Site>,
}

/// One domain's settings, and its name when they check client certificates.
#[derive(Clone)]
struct Site {
    config: Arc<ServerConfig>,
    mutual_tls: Option<String>,
}

/// Answers no certificate, so that the handshake fails: the settings of a
/// mutual TLS domain whose truststore cannot be read.
#[derive(Debug)]
struct Refuse;

impl ResolvesServerCert for Refuse {
    fn resolve(&self, _hello: ClientHello<'_>) -> Option<Arc<CertifiedKey>> {
        None
    }
}

fn settings(
    resolver: Arc<dyn ResolvesServerCert>,
    client_roots: Option<RootCertStore>,
) -> std::result::Result<Arc<ServerConfig>, String> {
    let builder = ServerConfig::builder_with_provider(provider())
        .with_protocol_versions(&[&rustls::version::TLS13, &rustls::version::TLS12])
        .map_err(|e| format!("cannot set up TLS: {e}"))?;
    let mut config = match client_roots {
        Some(roots) => {
            let verifier = WebPkiClientVerifier::builder_with_provider(Arc::new(roots), provider())
                .build()
                .map_err(|e| format!("cannot check client certificates: {e}"))?;
            builder
                .with_client_cert_verifier(verifier)
                .with_cert_resolver(resolver)
        }
        None => builder.with_no_client_auth().with_cert_resolver(resolver),
    };
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(Arc::new(config))
}

fn fixed(key: Arc<CertifiedKey>) -> Arc<dyn ResolvesServerCert> {
    Arc::new(rustls::sign::SingleCertAndKey::from(key))
}

/// A certificate from the local CA, ready for rustls.
fn issue(ca: &LocalCa, names: &[String]) -> std::result::Result<Arc<CertifiedKey>, String> {
    let issued = ca.issue(names)?;
    acm::certified_key(
        &issued.certificate_pem,
        Some(ca.cert_pem()),
        &issued.private_key_pem,
    )
}

/// The names of the execute-api certificate.
fn execute_api_names(region: &str) -> Vec<String> {
    vec![
        "localhost".into(),
        "*.execute-api.localhost".into(),
        format!("*.execute-api.{region}.amazonaws.com"),
        "127.0.0.1".into(),
    ]
}

impl Tls {
    /// Loads (or makes) the local CA beside `workspace`, issues the
    /// execute-api certificate and reads the domains' certificates.
    /// Returns warnings for `serve` to print.
    pub fn new(workspace: &Path, ws: &Workspace) -> Result<(Tls, Vec<String>)> {
        let ca = LocalCa::load_or_create(&acm::apigw_dir(workspace))?;
        let key = issue(&ca, &execute_api_names(ws.region())).map_err(Error::Other)?;
        let execute_api = settings(fixed(key), None).map_err(Error::Other)?;
        let tls = Tls {
            ca,
            workspace: workspace.to_path_buf(),
            execute_api,
            stand_ins: Mutex::default(),
            sites: RwLock::default(),
        };
        let warnings = tls.reload(ws);
        Ok((tls, warnings))
    }

    /// Where the local CA's certificate is (what clients trust).
    pub fn ca_cert_path(&self) -> &Path {
        self.ca.cert_path()
    }

    /// Reads the domains' certificates and truststores again; the settings
    /// in use are replaced whole. Returns warnings.
    pub fn reload(&self, ws: &Workspace) -> Vec<String> {
        let store = Store::beside(&self.workspace);
        let mut warnings = Vec::new();
        let mut sites = Sites::default();
        for d in ws.domain_names.values() {
            let name = d.domain_name.to_ascii_lowercase();
            let key = self.domain_key(&store, d, &mut warnings);
            let roots = match d
                .mutual_tls_authentication
                .as_ref()
                .and_then(|m| m.truststore_uri.as_deref())
            {
                None => None,
                Some(uri) => match truststore::local_path(&self.workspace, uri)
                    .and_then(|p| truststore::load(&p))
                {
                    Ok(roots) => Some(roots),
                    Err(e) => {
                        warnings.push(format!(
                            "domain {name}: mutual TLS truststore {uri}: {e}; refusing its handshakes"
                        ));
                        let refuse = settings(Arc::new(Refuse), None);
                        if let Ok(config) = refuse {
                            insert(&mut sites, &name, config, true);
                        }
                        continue;
                    }
                },
            };
            let resolver: Arc<dyn ResolvesServerCert> = match key {
                Some(key) => fixed(key),
                None => Arc::new(Refuse),
            };
            let mutual_tls = roots.is_some();
            match settings(resolver, roots) {
                Ok(config) => insert(&mut sites, &name, config, mutual_tls),
                Err(e) => warnings.push(format!("domain {name}: {e}")),
            }
        }
        *self.sites.write().unwrap_or_else(|p| p.into_inner()) = Arc::new(sites);
        warnings
    }

    /// The certificate of domain `d`: its own, else one from the local CA.
    fn domain_key(
        &self,
        store: &Store,
        d: &crate::model::DomainName,
        warnings: &mut Vec<String>,
    ) -> Option<Arc<CertifiedKey>> {
        let name = &d.domain_name;
        let arn = d
            .domain_name_configurations
            .first()
            .and_then(|c| c.certificate_arn.as_deref())
            .unwrap_or_default();
        let own = (|| -> std::result::Result<Arc<CertifiedKey>, String> {
            let stored = store
                .get(arn)
                .map_err(|e| e.to_string())?
                .ok_or("it is not in the local certificate store (.apigw/acm)")?;
            let key = store
                .private_key_pem(arn)
                .map_err(|e| e.to_string())?
                .ok_or("its private key is missing")?;
            acm::certified_key(&stored.certificate_pem, stored.chain_pem.as_deref(), &key)
        })();
        match own {
            Ok(key) => Some(key),
            Err(why) => {
                warnings.push(format!(
                    "domain {name}: certificate {arn}: {why}; serving the domain with a certificate from the local CA ({})",
                    self.ca.cert_path().display()
                ));
                let mut stand_ins = self.stand_ins.lock().unwrap_or_else(|p| p.into_inner());
                if let Some(key) = stand_ins.get(name) {
                    return Some(key.clone());
                }
                match issue(&self.ca, std::slice::from_ref(name)) {
                    Ok(key) => {
                        stand_ins.insert(name.clone(), key.clone());
                        Some(key)
                    }
                    Err(e) => {
                        warnings.push(format!("domain {name}: {e}"));
                        None
                    }
                }
            }
        }
    }

    /// The settings for a ClientHello naming `sni`: the domain's (exact,
    /// then wildcard), else the execute-api ones; and the domain's name
    /// when those settings check client certificates (mutual TLS).
    pub fn settings_for(&self, sni: Option<&str>) -> (Arc<ServerConfig>, Option<String>) {
        let sites = self.sites.read().unwrap_or_else(|p| p.into_inner()).clone();
        let site = sni.map(str::to_ascii_lowercase).and_then(|sni| {
            sites.exact.get(&sni).cloned().or_else(|| {
                let (_, parent) = sni.split_once('.')?;
                sites.wildcard.get(parent).cloned()
            })
        });
        match site {
            Some(s) => (s.config, s.mutual_tls),
            None => (self.execute_api.clone(), None),
        }
    }
}

fn insert(sites: &mut Sites, name: &str, config: Arc<ServerConfig>, mutual_tls: bool) {
    let site = Site {
        config,
        mutual_tls: mutual_tls.then(|| name.to_string()),
    };
    match name.strip_prefix("*.") {
        Some(parent) => sites.wildcard.insert(parent.to_string(), site),
        None => sites.exact.insert(name.to_string(), site),
    };
}
