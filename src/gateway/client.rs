//! The forwarding client: hyper-util's pooled HTTP/1.1 client over a
//! connector that opens TCP (and TLS, for `https`) to a backend, and says
//! why a connection failed, so the gateway can answer 503 for a backend
//! that is down and 500 for a certificate that does not match.

use http::Uri;
use hyper::body::Incoming;
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::{Connected, Connection};
use hyper_util::rt::{TokioExecutor, TokioIo};
use rustls::ClientConfig;
use rustls::pki_types::ServerName;
use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::net::TcpStream;
use tokio_rustls::TlsConnector;
use tokio_rustls::client::TlsStream;

/// The client every integration forwards with.
pub type ForwardClient = Client<BackendConnector, Incoming>;

/// How long an idle keep-alive connection to a backend is kept.
const IDLE_TIMEOUT: Duration = Duration::from_secs(60);

pub fn build(connector: BackendConnector) -> ForwardClient {
    Client::builder(TokioExecutor::new())
        .pool_idle_timeout(IDLE_TIMEOUT)
        .pool_max_idle_per_host(1024)
        .build(connector)
}

/// Why the gateway could not get a connection to a backend.
#[derive(Debug)]
pub enum ConnectError {
    /// Nothing listens there, or the network refused (the backend is down).
    Unreachable(io::Error),
    /// The TLS handshake failed: a certificate that does not verify, or a
    /// name that does not match (a misconfiguration, not an outage).
    Tls(io::Error),
    /// The URI cannot be connected to (no host, or a name that does not resolve).
    BadAddress(String),
}

impl std::fmt::Display for ConnectError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ConnectError::Unreachable(e) => write!(f, "cannot connect: {e}"),
            ConnectError::Tls(e) => write!(f, "TLS handshake failed: {e}"),
            ConnectError::BadAddress(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for ConnectError {}

/// Opens connections to backends: plain for `http` URIs, TLS for `https`
/// ones, with the certificate checked against `server_name` when set (the
/// integration's `ServerNameToVerify`) or else against the URI's host.
#[derive(Clone)]
pub struct BackendConnector {
    tls: Arc<ClientConfig>,
    server_name: Option<ServerName<'static>>,
}

impl BackendConnector {
    pub fn new(tls: Arc<ClientConfig>, server_name: Option<ServerName<'static>>) -> Self {
        BackendConnector { tls, server_name }
    }
}

impl tower_service::Service<Uri> for BackendConnector {
    type Response = BackendStream;
    type Error = ConnectError;
    type Future = Pin<Box<dyn Future<Output = Result<BackendStream, ConnectError>> + Send>>;

    fn poll_ready(&mut self, _cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, uri: Uri) -> Self::Future {
        let this = self.clone();
        Box::pin(async move { this.connect(uri).await })
    }
}

impl BackendConnector {
    async fn connect(self, uri: Uri) -> Result<BackendStream, ConnectError> {
        let https = uri.scheme_str() == Some("https");
        let host = uri
            .host()
            .ok_or_else(|| ConnectError::BadAddress(format!("{uri} has no host")))?;
        let port = uri.port_u16().unwrap_or(if https { 443 } else { 80 });
        let bare = host.trim_start_matches('[').trim_end_matches(']');
        let tcp = match bare.parse::<std::net::IpAddr>() {
            Ok(ip) => TcpStream::connect(SocketAddr::new(ip, port)).await,
            Err(_) => TcpStream::connect((bare, port)).await,
        }
        .map_err(|e| match e.kind() {
            io::ErrorKind::InvalidInput | io::ErrorKind::NotFound => {
                ConnectError::BadAddress(format!("cannot resolve {host}: {e}"))
            }
            _ => ConnectError::Unreachable(e),
        })?;
        let _ = tcp.set_nodelay(true);
        if !https {
            return Ok(BackendStream::Plain(TokioIo::new(tcp)));
        }
        let name = match &self.server_name {
            Some(n) => n.clone(),
            None => super::tls::server_name(host).ok_or_else(|| {
                ConnectError::BadAddress(format!("{host} is not a valid TLS server name"))
            })?,
        };
        let tls = TlsConnector::from(self.tls.clone())
            .connect(name, tcp)
            .await
            .map_err(|e| {
                // A reset or refusal during the handshake is an outage; a
                // certificate or protocol failure is a misconfiguration.
                if e.get_ref().is_some_and(|inner| inner.is::<rustls::Error>())
                    || e.kind() == io::ErrorKind::InvalidData
                {
                    ConnectError::Tls(e)
                } else {
                    ConnectError::Unreachable(e)
                }
            })?;
        Ok(BackendStream::Tls(Box::new(TokioIo::new(tls))))
    }
}

/// A connection to a backend, plain or TLS.
pub enum BackendStream {
    Plain(TokioIo<TcpStream>),
    Tls(Box<TokioIo<TlsStream<TcpStream>>>),
}

impl Connection for BackendStream {
    fn connected(&self) -> Connected {
        Connected::new()
    }
}

impl hyper::rt::Read for BackendStream {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: hyper::rt::ReadBufCursor<'_>,
    ) -> Poll<io::Result<()>> {
        match self.get_mut() {
            BackendStream::Plain(s) => Pin::new(s).poll_read(cx, buf),
            BackendStream::Tls(s) => Pin::new(s.as_mut()).poll_read(cx, buf),
        }
    }
}

impl hyper::rt::Write for BackendStream {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        match self.get_mut() {
            BackendStream::Plain(s) => Pin::new(s).poll_write(cx, buf),
            BackendStream::Tls(s) => Pin::new(s.as_mut()).poll_write(cx, buf),
        }
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        match self.get_mut() {
            BackendStream::Plain(s) => Pin::new(s).poll_flush(cx),
            BackendStream::Tls(s) => Pin::new(s.as_mut()).poll_flush(cx),
        }
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        match self.get_mut() {
            BackendStream::Plain(s) => Pin::new(s).poll_shutdown(cx),
            BackendStream::Tls(s) => Pin::new(s.as_mut()).poll_shutdown(cx),
        }
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        match self.get_mut() {
            BackendStream::Plain(s) => Pin::new(s).poll_write_vectored(cx, bufs),
            BackendStream::Tls(s) => Pin::new(s.as_mut()).poll_write_vectored(cx, bufs),
        }
    }

    fn is_write_vectored(&self) -> bool {
        match self {
            BackendStream::Plain(s) => s.is_write_vectored(),
            BackendStream::Tls(s) => s.is_write_vectored(),
        }
    }
}

/// Why a forwarded request failed, as the client sees it.
pub enum Failure {
    /// No connection: the backend is down or unreachable (503).
    Unreachable(String),
    /// The TLS hop failed: certificate or name mismatch (500).
    Tls(String),
    /// The backend broke the exchange after connecting (503 when it closed
    /// the connection, 500 when it answered something that is not HTTP).
    Exchange { message: String, malformed: bool },
}

/// Sorts a client error by what the caller should answer.
pub fn classify(err: &hyper_util::client::legacy::Error) -> Failure {
    let mut source: Option<&(dyn std::error::Error + 'static)> = std::error::Error::source(err);
    while let Some(e) = source {
        if let Some(c) = e.downcast_ref::<ConnectError>() {
            return match c {
                ConnectError::Tls(_) => Failure::Tls(c.to_string()),
                _ => Failure::Unreachable(c.to_string()),
            };
        }
        if let Some(h) = e.downcast_ref::<hyper::Error>() {
            return Failure::Exchange {
                message: h.to_string(),
                malformed: h.is_parse() || h.is_parse_status(),
            };
        }
        source = e.source();
    }
    if err.is_connect() {
        Failure::Unreachable(err.to_string())
    } else {
        Failure::Exchange {
            message: err.to_string(),
            malformed: false,
        }
    }
}
