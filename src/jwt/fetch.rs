//! A deliberately small HTTP(S) GET for an issuer's discovery document and
//! key set: one connection per fetch, a deadline and a size limit on each
//! (API Gateway's 1,500 ms and 150,000 bytes by default, see
//! [`super::FETCH_TIMEOUT`]), no redirects. Keys change rarely, so pooling
//! would buy nothing here.

use http_body_util::{BodyExt, Empty, Limited};
use hyper::body::Bytes;
use hyper::header::{ACCEPT, CONTENT_LENGTH, HOST, USER_AGENT};
use hyper::{Request, StatusCode, Uri};
use hyper_util::rt::TokioIo;
use rustls::ClientConfig;
use rustls::pki_types::{CertificateDer, ServerName};
use std::sync::{Arc, OnceLock};
use std::time::Duration;
use tokio::net::TcpStream;
use tokio::task::JoinHandle;

/// Where a GET goes, taken apart from an absolute `http://` or `https://` URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Target {
    pub https: bool,
    /// The host to connect to, without IPv6 brackets.
    pub host: String,
    pub port: u16,
    /// `host[:port]` as written, for the `Host` header.
    pub authority: String,
    pub path_and_query: String,
}

impl Target {
    pub fn parse(url: &str) -> Result<Target, String> {
        let uri: Uri = url
            .parse()
            .map_err(|e| format!("{url:?} is not a valid URL: {e}"))?;
        let https = match uri.scheme_str() {
            Some("https") => true,
            Some("http") => false,
            _ => return Err(format!("{url:?} is not an http:// or https:// URL")),
        };
        let authority = uri
            .authority()
            .ok_or_else(|| format!("{url:?} has no host"))?;
        if authority.as_str().contains('@') {
            return Err(format!("{url:?} must not carry user information"));
        }
        let host = authority.host();
        let host = host
            .strip_prefix('[')
            .and_then(|h| h.strip_suffix(']'))
            .unwrap_or(host);
        if host.is_empty() {
            return Err(format!("{url:?} has no host"));
        }
        Ok(Target {
            https,
            host: host.to_string(),
            port: authority.port_u16().unwrap_or(if https { 443 } else { 80 }),
            authority: authority.as_str().to_string(),
            path_and_query: uri
                .path_and_query()
                .map_or_else(|| "/".to_string(), |p| p.as_str().to_string()),
        })
    }
}

/// Trust for `https://` issuers: the system's roots and any extra CA
/// certificates, built on first use so plain-HTTP setups never read them.
pub(crate) struct Fetcher {
    timeout: Duration,
    max_bytes: usize,
    system_roots: bool,
    extra_ca_certs: Vec<CertificateDer<'static>>,
    tls: OnceLock<Result<Arc<ClientConfig>, String>>,
}

/// Aborts the task driving a connection when the fetch ends or is dropped
/// (for instance by the caller's deadline), so no socket outlives its fetch.
struct AbortOnDrop(JoinHandle<()>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}

impl Fetcher {
    pub fn new(
        timeout: Duration,
        max_bytes: usize,
        system_roots: bool,
        extra_ca_certs: Vec<CertificateDer<'static>>,
    ) -> Self {
        Fetcher {
            timeout,
            max_bytes,
            system_roots,
            extra_ca_certs,
            tls: OnceLock::new(),
        }
    }

    fn tls_config(&self) -> Result<Arc<ClientConfig>, String> {
        self.tls
            .get_or_init(|| {
                let mut roots = rustls::RootCertStore::empty();
                if self.system_roots {
                    roots.add_parsable_certificates(rustls_native_certs::load_native_certs().certs);
                }
                let (_, refused) = roots.add_parsable_certificates(self.extra_ca_certs.clone());
                if refused > 0 {
                    return Err(format!(
                        "{refused} of the extra CA certificates could not be used as trust anchors"
                    ));
                }
                let provider = Arc::new(rustls::crypto::ring::default_provider());
                let mut config = ClientConfig::builder_with_provider(provider)
                    .with_safe_default_protocol_versions()
                    .map_err(|e| format!("cannot set up TLS: {e}"))?
                    .with_root_certificates(roots)
                    .with_no_client_auth();
                config.alpn_protocols = vec![b"http/1.1".to_vec()];
                Ok(Arc::new(config))
            })
            .clone()
    }

    /// GETs `url` and returns the body of a 200 answer, refusing bodies over
    /// the size limit and answers not complete within the deadline (connect,
    /// TLS, headers and body together). Every failure is a message naming
    /// the URL.
    pub async fn get(&self, url: &str) -> Result<Bytes, String> {
        let target = Target::parse(url)?;
        match tokio::time::timeout(self.timeout, self.get_target(&target)).await {
            Ok(result) => result.map_err(|e| format!("GET {url}: {e}")),
            Err(_) => Err(format!(
                "GET {url}: took longer than {} ms",
                self.timeout.as_millis()
            )),
        }
    }

    async fn get_target(&self, target: &Target) -> Result<Bytes, String> {
        let tcp = TcpStream::connect((target.host.as_str(), target.port))
            .await
            .map_err(|e| format!("cannot connect: {e}"))?;
        // Latency matters more than throughput for these small requests.
        let _ = tcp.set_nodelay(true);
        if target.https {
            let config = self.tls_config()?;
            let name = ServerName::try_from(target.host.clone())
                .map_err(|_| format!("{:?} is not a valid TLS server name", target.host))?;
            let tls = tokio_rustls::TlsConnector::from(config)
                .connect(name, tcp)
                .await
                .map_err(|e| format!("TLS handshake failed: {e}"))?;
            self.exchange(TokioIo::new(tls), target).await
        } else {
            self.exchange(TokioIo::new(tcp), target).await
        }
    }

    async fn exchange<T>(&self, io: T, target: &Target) -> Result<Bytes, String>
    where
        T: hyper::rt::Read + hyper::rt::Write + Unpin + Send + 'static,
    {
        let (mut sender, conn) = hyper::client::conn::http1::handshake(io)
            .await
            .map_err(|e| format!("HTTP handshake failed: {e}"))?;
        let _driver = AbortOnDrop(tokio::spawn(async move {
            let _ = conn.await;
        }));
        let request = Request::get(target.path_and_query.as_str())
            .header(HOST, target.authority.as_str())
            .header(ACCEPT, "application/json")
            .header(USER_AGENT, concat!("apigw/", env!("CARGO_PKG_VERSION")))
            .body(Empty::<Bytes>::new())
            .map_err(|e| format!("cannot build the request: {e}"))?;
        let response = sender
            .send_request(request)
            .await
            .map_err(|e| format!("request failed: {e}"))?;
        if response.status() != StatusCode::OK {
            return Err(format!(
                "the server answered {} (expected 200)",
                response.status()
            ));
        }
        let declared = response
            .headers()
            .get(CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<u64>().ok());
        if declared.is_some_and(|n| n > self.max_bytes as u64) {
            return Err(self.too_large());
        }
        let body = Limited::new(response.into_body(), self.max_bytes)
            .collect()
            .await
            .map_err(|e| {
                if e.is::<http_body_util::LengthLimitError>() {
                    self.too_large()
                } else {
                    format!("cannot read the body: {e}")
                }
            })?;
        Ok(body.to_bytes())
    }

    fn too_large(&self) -> String {
        format!("the body is larger than {} bytes", self.max_bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::Target;

    #[test]
    fn targets_are_taken_apart() {
        let t = Target::parse("https://idp.example.com/tenant/.well-known/openid-configuration")
            .unwrap();
        assert!(t.https);
        assert_eq!(t.host, "idp.example.com");
        assert_eq!(t.port, 443);
        assert_eq!(t.authority, "idp.example.com");
        assert_eq!(t.path_and_query, "/tenant/.well-known/openid-configuration");

        let t = Target::parse("http://[::1]:8080/keys?v=2").unwrap();
        assert!(!t.https);
        assert_eq!(t.host, "::1");
        assert_eq!(t.port, 8080);
        assert_eq!(t.authority, "[::1]:8080");
        assert_eq!(t.path_and_query, "/keys?v=2");

        assert_eq!(
            Target::parse("http://127.0.0.1").unwrap().path_and_query,
            "/"
        );
    }

    #[test]
    fn unusable_urls_are_refused() {
        for url in [
            "ftp://example.com/keys",
            "/relative/keys",
            "https://user:pw@example.com/keys",
            "not a url",
            "",
        ] {
            assert!(Target::parse(url).is_err(), "{url} was accepted");
        }
    }
}
