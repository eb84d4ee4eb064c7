//! A real TLS client for the HTTPS listener: rustls with the ring
//! provider, a chosen SNI name, trusted roots from PEM, an optional client
//! certificate, and one HTTP/1.1 request over hyper's client connection.

#![allow(dead_code)] // each test crate uses a different part of this file

use http_body_util::{BodyExt, Empty};
use hyper_util::rt::TokioIo;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName};
use std::net::SocketAddr;
use std::sync::Arc;

/// What the client asks for.
pub struct Hello<'a> {
    /// The SNI name, and the name the server's certificate is checked for;
    /// `None` connects by IP address (no SNI), checked for 127.0.0.1.
    pub name: Option<&'a str>,
    /// PEM certificates to trust.
    pub roots: &'a str,
    /// A client certificate and key, PEM.
    pub client: Option<(&'a str, &'a str)>,
    /// Only TLS 1.2.
    pub tls12_only: bool,
}

/// What came back.
pub struct Answer {
    pub status: u16,
    pub body: String,
    /// The certificate the server presented, DER.
    pub server_cert: Vec<u8>,
    pub version: rustls::ProtocolVersion,
    pub alpn: Option<Vec<u8>>,
}

impl Answer {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.body))
    }
}

fn config(hello: &Hello<'_>) -> Arc<rustls::ClientConfig> {
    let mut roots = rustls::RootCertStore::empty();
    for c in CertificateDer::pem_slice_iter(hello.roots.as_bytes()) {
        roots.add(c.unwrap()).unwrap();
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let versions: &[&rustls::SupportedProtocolVersion] = if hello.tls12_only {
        &[&rustls::version::TLS12]
    } else {
        &[&rustls::version::TLS13, &rustls::version::TLS12]
    };
    let builder = rustls::ClientConfig::builder_with_provider(provider)
        .with_protocol_versions(versions)
        .unwrap()
        .with_root_certificates(roots);
    let mut config = match hello.client {
        Some((cert, key)) => {
            let chain = CertificateDer::pem_slice_iter(cert.as_bytes())
                .collect::<Result<Vec<_>, _>>()
                .unwrap();
            let key = PrivateKeyDer::from_pem_slice(key.as_bytes()).unwrap();
            builder.with_client_auth_cert(chain, key).unwrap()
        }
        None => builder.with_no_client_auth(),
    };
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Arc::new(config)
}

/// Connects to `addr`, shakes hands as `hello` says and sends `GET path`
/// with `Host: name`. Any failure (refused handshake, closed connection)
/// is an `Err` with its reason.
pub async fn get(addr: SocketAddr, hello: &Hello<'_>, path: &str) -> Result<Answer, String> {
    let host = hello.name.map_or_else(|| addr.to_string(), str::to_string);
    get_as(addr, hello, &host, path).await
}

/// [`get`] with another `Host` than the SNI name. A gateway that neither
/// answers nor closes within 30 s is an `Err` too, so that a test fails
/// rather than hangs.
pub async fn get_as(
    addr: SocketAddr,
    hello: &Hello<'_>,
    host: &str,
    path: &str,
) -> Result<Answer, String> {
    let limit = std::time::Duration::from_secs(30);
    tokio::time::timeout(limit, exchange(addr, hello, host, path))
        .await
        .unwrap_or_else(|_| Err(format!("timed out: no answer nor close in {limit:?}")))
}

async fn exchange(
    addr: SocketAddr,
    hello: &Hello<'_>,
    host: &str,
    path: &str,
) -> Result<Answer, String> {
    let connector = tokio_rustls::TlsConnector::from(config(hello));
    let tcp = tokio::net::TcpStream::connect(addr)
        .await
        .map_err(|e| format!("connect: {e}"))?;
    let server_name = match hello.name {
        Some(n) => ServerName::try_from(n.to_string()).unwrap(),
        None => ServerName::IpAddress(addr.ip().into()),
    };
    let tls = connector
        .connect(server_name, tcp)
        .await
        .map_err(|e| format!("handshake: {e}"))?;
    let (_, session) = tls.get_ref();
    let server_cert = session
        .peer_certificates()
        .and_then(|c| c.first())
        .map(|c| c.to_vec())
        .unwrap_or_default();
    let version = session.protocol_version().unwrap();
    let alpn = session.alpn_protocol().map(<[u8]>::to_vec);
    let (mut sender, conn) = hyper::client::conn::http1::handshake(TokioIo::new(tls))
        .await
        .map_err(|e| format!("http handshake: {e}"))?;
    tokio::spawn(conn);
    let req = http::Request::get(path)
        .header("host", host)
        .body(Empty::<bytes::Bytes>::new())
        .unwrap();
    let resp = sender
        .send_request(req)
        .await
        .map_err(|e| format!("request: {e}"))?;
    let status = resp.status().as_u16();
    let body = resp
        .into_body()
        .collect()
        .await
        .map_err(|e| format!("body: {e}"))?
        .to_bytes();
    Ok(Answer {
        status,
        body: String::from_utf8_lossy(&body).into_owned(),
        server_cert,
        version,
        alpn,
    })
}
