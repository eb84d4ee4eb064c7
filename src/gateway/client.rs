//! The forwarding client: HTTP/1.1 connections to backends (TCP, and TLS
//! with the name verified for `https`), kept alive in a pool per worker
//! thread, and the reasons a forward fails — so the gateway can answer 503
//! for a backend that is down and 500 for a certificate that does not match.
//!
//! The pool is a few lines over hyper's connection API rather than
//! hyper-util's pooled client: a worker thread owns its connections, so the
//! pool needs no lock, no hashing and no boxed futures, which took a fifth
//! of the gateway's own time per request (see bench/proxy.sh).

use bytes::Bytes;
use http::uri::Authority;
use http::{Request, Response};
use hyper::body::Incoming;
use hyper::body::{Body, Frame, SizeHint};
use hyper::client::conn::http1::SendRequest;
use hyper_util::rt::TokioIo;
use rustls::ClientConfig;
use rustls::pki_types::ServerName;
use std::cell::RefCell;
use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use tokio::net::TcpStream;
use tokio_rustls::TlsConnector;
use tokio_rustls::client::TlsStream;

/// The kinds of connection a gateway makes, by TLS server name to verify
/// (`None`: the host connected to); each kind has a small number, and
/// connections made for one name are never reused for another. Kept
/// across plans.
pub struct ClientKinds {
    tls: Arc<ClientConfig>,
    names: Mutex<Vec<Option<ServerName<'static>>>>,
}

/// Idle connections a thread keeps per backend, at most.
const MAX_IDLE: usize = 1024;

/// A thread's idle connections: (kind, backend, ready senders).
type Idle = Vec<(usize, Authority, Vec<SendRequest<Incoming>>)>;

thread_local! {
    static IDLE: RefCell<Idle> = const { RefCell::new(Vec::new()) };
}

fn take_idle(kind: usize, authority: &Authority) -> Option<SendRequest<Incoming>> {
    IDLE.with(|idle| {
        let mut idle = idle.borrow_mut();
        let (_, _, list) = idle
            .iter_mut()
            .find(|(k, a, _)| *k == kind && a.as_str() == authority.as_str())?;
        while let Some(sender) = list.pop() {
            if !sender.is_closed() {
                return Some(sender);
            }
        }
        None
    })
}

fn put_idle(kind: usize, authority: &Authority, sender: SendRequest<Incoming>) {
    if sender.is_closed() {
        return;
    }
    IDLE.with(|idle| {
        let mut idle = idle.borrow_mut();
        let i = match idle
            .iter()
            .position(|(k, a, _)| *k == kind && a.as_str() == authority.as_str())
        {
            Some(i) => i,
            None => {
                idle.push((kind, authority.clone(), Vec::new()));
                idle.len() - 1
            }
        };
        let list = &mut idle[i].2;
        list.retain(|s| !s.is_closed());
        if list.len() < MAX_IDLE {
            list.push(sender);
        }
    })
}

impl ClientKinds {
    pub fn new(tls: Arc<ClientConfig>) -> Self {
        ClientKinds {
            tls,
            names: Mutex::new(vec![None]),
        }
    }

    /// The number of the kind that verifies `server_name`.
    pub fn kind(&self, server_name: Option<&str>) -> Result<usize, String> {
        let name = match server_name {
            None => None,
            Some(n) => Some(
                super::tls::server_name(n)
                    .ok_or_else(|| format!("ServerNameToVerify {n:?} is not a DNS name"))?,
            ),
        };
        let mut names = self.names.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(i) = names.iter().position(|n| *n == name) {
            return Ok(i);
        }
        names.push(name);
        Ok(names.len() - 1)
    }

    fn connector(&self, kind: usize) -> BackendConnector {
        let names = self.names.lock().unwrap_or_else(|p| p.into_inner());
        BackendConnector::new(self.tls.clone(), names.get(kind).cloned().flatten())
    }

    /// Sends `req` (origin-form URI, `Host` set) to `authority` on a pooled
    /// connection of `kind`, or a new one. A pooled connection the backend
    /// closed meanwhile hands the request back and another is tried.
    pub async fn send(
        &self,
        kind: usize,
        https: bool,
        authority: &Authority,
        mut req: Request<Incoming>,
    ) -> Result<Response<PooledBody>, Failure> {
        while let Some(mut sender) = take_idle(kind, authority) {
            if sender.ready().await.is_err() {
                continue;
            }
            match sender.try_send_request(req).await {
                Ok(resp) => return Ok(pooled(resp, sender, kind, authority)),
                Err(mut e) => match e.take_message() {
                    Some(unsent) => req = unsent,
                    None => return Err(exchange_failure(&e.into_error())),
                },
            }
        }
        let io = self
            .connector(kind)
            .connect(https, authority)
            .await
            .map_err(|e| match e {
                ConnectError::Tls(_) => Failure::Tls(e.to_string()),
                _ => Failure::Unreachable(e.to_string()),
            })?;
        let (mut sender, connection) = hyper::client::conn::http1::Builder::new()
            .handshake(io)
            .await
            .map_err(|e| exchange_failure(&e))?;
        tokio::spawn(async move {
            let _ = connection.await;
        });
        let resp = sender
            .send_request(req)
            .await
            .map_err(|e| exchange_failure(&e))?;
        Ok(pooled(resp, sender, kind, authority))
    }
}

fn pooled(
    resp: Response<Incoming>,
    sender: SendRequest<Incoming>,
    kind: usize,
    authority: &Authority,
) -> Response<PooledBody> {
    resp.map(|inner| PooledBody {
        inner,
        connection: Some((sender, kind, authority.clone())),
    })
}

fn exchange_failure(e: &hyper::Error) -> Failure {
    Failure::Exchange {
        message: e.to_string(),
        malformed: e.is_parse() || e.is_parse_status(),
    }
}

/// A backend's response body. When it has been read to the end, its
/// connection goes back to the pool; a body left unread closes it.
pub struct PooledBody {
    inner: Incoming,
    connection: Option<(SendRequest<Incoming>, usize, Authority)>,
}

impl PooledBody {
    fn release(&mut self) {
        if let Some((sender, kind, authority)) = self.connection.take() {
            put_idle(kind, &authority, sender);
        }
    }
}

impl Body for PooledBody {
    type Data = Bytes;
    type Error = hyper::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, hyper::Error>>> {
        let this = self.get_mut();
        let frame = std::task::ready!(Pin::new(&mut this.inner).poll_frame(cx));
        match &frame {
            None => this.release(),
            Some(Err(_)) => this.connection = None,
            Some(Ok(_)) => {}
        }
        Poll::Ready(frame)
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> SizeHint {
        self.inner.size_hint()
    }
}

impl Drop for PooledBody {
    fn drop(&mut self) {
        if self.inner.is_end_stream() {
            self.release();
        }
    }
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

/// Opens connections to backends: plain, or TLS with the certificate
/// checked against `server_name` when set (the integration's
/// `ServerNameToVerify`) or else against the host connected to.
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

impl BackendConnector {
    async fn connect(
        self,
        https: bool,
        authority: &Authority,
    ) -> Result<BackendStream, ConnectError> {
        let host = authority.host();
        let port = authority.port_u16().unwrap_or(if https { 443 } else { 80 });
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

/// Why a forwarded request failed.
#[derive(Debug)]
pub enum Failure {
    /// No connection: the backend is down or unreachable (503).
    Unreachable(String),
    /// The TLS hop failed: certificate or name mismatch (500).
    Tls(String),
    /// The backend broke the exchange after connecting (503 when it closed
    /// the connection, 500 when it answered something that is not HTTP).
    Exchange { message: String, malformed: bool },
}
