//! The forwarding client: HTTP/1.1 to backends (TCP, and TLS with the name
//! verified for `https`), connections kept alive in a pool per worker
//! thread, and the reasons a forward fails — so the gateway can answer 503
//! for a backend that is down and 500 for a certificate that does not match
//! or an answer that is not HTTP.
//!
//! The pool is a few lines of its own rather than hyper-util's pooled
//! client: a worker thread owns its connections, so the pool needs no lock,
//! no hashing and no boxed futures, which took a fifth of the gateway's own
//! time per request (see bench/proxy.sh).
//!
//! The client is our own too. hyper's client connection runs in a task of
//! its own, so every request crossed tasks several times — the request into
//! that task, the response head back, the body through a channel — each
//! crossing with its wakeups, and together they cost about as much user
//! time per request as all the rest of the gateway. Here the request's own
//! task does the exchange: it writes the head (and the body, as the client
//! sends it) straight to the connection and parses the response head; the
//! body handed to hyper's server reads the rest from the connection when it
//! is polled, and once it has been read to its end the connection goes back
//! to the pool. The wire format is in `h1`; this module moves the bytes.

use super::h1::{self, BodyFraming, Decoder, HeadScan, RequestFraming};
use super::limits;
use bytes::{Buf, Bytes, BytesMut};
use http::uri::Authority;
use http::{Method, Request, Response};
use hyper::body::{Body, Frame, Incoming, SizeHint};
use rustls::ClientConfig;
use rustls::pki_types::ServerName;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::future::{Future, poll_fn};
use std::io::{self, IoSlice};
use std::net::SocketAddr;
use std::pin::{Pin, pin};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker, ready};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, ReadBuf};
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

/// A thread's idle connections: (kind, backend, connections, oldest first).
type Idle = Vec<(usize, Authority, VecDeque<Conn>)>;

thread_local! {
    static IDLE: RefCell<Idle> = const { RefCell::new(Vec::new()) };
}

/// The most recently used idle connection the backend has not closed.
fn take_idle(kind: usize, authority: &Authority) -> Option<Conn> {
    IDLE.with(|idle| {
        let mut idle = idle.borrow_mut();
        let (_, _, list) = idle
            .iter_mut()
            .find(|(k, a, _)| *k == kind && a.as_str() == authority.as_str())?;
        while let Some(mut conn) = list.pop_back() {
            if conn.is_fresh() {
                return Some(conn);
            }
        }
        None
    })
}

fn put_idle(kind: usize, authority: &Authority, mut conn: Conn) {
    conn.trim();
    IDLE.with(|idle| {
        let mut idle = idle.borrow_mut();
        let i = match idle
            .iter()
            .position(|(k, a, _)| *k == kind && a.as_str() == authority.as_str())
        {
            Some(i) => i,
            None => {
                idle.push((kind, authority.clone(), VecDeque::new()));
                idle.len() - 1
            }
        };
        let list = &mut idle[i].2;
        // Nothing watches an idle connection, so one the backend closed
        // stays until looked at: look at the oldest couple on every return,
        // so that closed ones do not pile up under the ones in use.
        for _ in 0..2 {
            if list.front_mut().is_some_and(|oldest| !oldest.is_fresh()) {
                list.pop_front();
            } else {
                break;
            }
        }
        if list.len() < MAX_IDLE {
            list.push_back(conn);
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
    /// connection of `kind`, or a new one, and returns once the response
    /// head has arrived. When a pooled connection turns out closed before
    /// the backend said anything, a request without a body goes again on a
    /// new connection.
    pub async fn send(
        &self,
        kind: usize,
        https: bool,
        authority: &Authority,
        req: Request<Incoming>,
    ) -> Result<Response<BackendBody>, Failure> {
        let (mut parts, body) = req.into_parts();
        let framing = h1::request_framing(
            &mut parts.headers,
            body.is_end_stream(),
            body.size_hint().exact(),
        );
        let head = Bytes::from(h1::encode_head(&parts.method, &parts.uri, &parts.headers));
        let method = parts.method;
        let body = (framing != RequestFraming::None).then_some(body);
        let mut out = Outgoing::new(head, body, framing);
        if let Some(mut conn) = take_idle(kind, authority) {
            match exchange(&mut conn, &mut out, &method).await {
                Ok(answer) => return Ok(respond(answer, conn, out, kind, authority)),
                Err(e) if e.nothing_read && framing == RequestFraming::None => out.again(),
                Err(e) => return Err(e.failure),
            }
        }
        let io = self
            .connector(kind)
            .connect(https, authority)
            .await
            .map_err(|e| match e {
                ConnectError::Tls(_) => Failure::Tls(e.to_string()),
                ConnectError::Local(_) => Failure::Local(e.to_string()),
                _ => Failure::Unreachable(e.to_string()),
            })?;
        let mut conn = Conn::new(io);
        let answer = exchange(&mut conn, &mut out, &method)
            .await
            .map_err(|e| e.failure)?;
        Ok(respond(answer, conn, out, kind, authority))
    }
}

/// Room made in a connection's buffer for its first read; it grows, up to
/// a frame, while reads fill it.
const FIRST_READ: usize = 8 * 1024;
/// Request bytes queued for the connection before the client's body is
/// asked for more.
const MAX_QUEUED: usize = 64 * 1024;

/// A connection to a backend, with the bytes read from it and not yet used.
struct Conn {
    io: BackendStream,
    buf: BytesMut,
    read_size: usize,
}

impl Conn {
    fn new(io: BackendStream) -> Self {
        Conn {
            io,
            buf: BytesMut::new(),
            read_size: FIRST_READ,
        }
    }

    /// Reads what the backend has sent into `buf`; `Ok(0)` when it has
    /// closed the connection.
    fn poll_fill(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<usize>> {
        let spare = self.buf.capacity() - self.buf.len();
        if spare < self.read_size / 2 {
            self.buf.reserve(self.read_size);
        }
        let room = self.buf.capacity() - self.buf.len();
        let n = ready!(pin!(self.io.read_buf(&mut self.buf)).poll(cx))?;
        if n == room && self.read_size < h1::MAX_FRAME {
            self.read_size *= 2;
        }
        Poll::Ready(Ok(n))
    }

    /// Whether an idle connection can carry a request: the backend has
    /// neither closed it nor sent anything unasked (a read that would block
    /// says so). Costs no system call when nothing has arrived since the
    /// last read.
    fn is_fresh(&mut self) -> bool {
        let mut byte = [0u8; 1];
        if !self.buf.is_empty() {
            return false;
        }
        match &mut self.io {
            // Looks at the socket's readiness only, and reads only if
            // something came.
            BackendStream::Plain(tcp) => tcp
                .try_read(&mut byte)
                .is_err_and(|e| e.kind() == io::ErrorKind::WouldBlock),
            // Through TLS, so that what the session itself sends (such as
            // tickets) is taken in rather than counted as data.
            BackendStream::Tls(tls) => {
                let mut cx = Context::from_waker(Waker::noop());
                let mut probe = ReadBuf::new(&mut byte);
                Pin::new(tls.as_mut())
                    .poll_read(&mut cx, &mut probe)
                    .is_pending()
            }
        }
    }

    /// Before idling: lets go of a buffer a large body made large.
    fn trim(&mut self) {
        if self.buf.capacity() > 2 * FIRST_READ {
            self.buf = BytesMut::new();
            self.read_size = FIRST_READ;
        }
    }
}

/// Why the request could not be sent.
enum SendError {
    /// Writing to the backend failed.
    Io(io::Error),
    /// The client's body failed, or did not match its `Content-Length`.
    Body(String),
    /// The client's body grew past [`limits::MAX_BODY`]; nothing past the
    /// limit was queued.
    TooLarge,
}

/// The request on its way to the backend: its head, body bytes queued for
/// the connection, and the client's body still to come, framed as it goes.
struct Outgoing {
    head: Bytes,
    /// How much of the head has been written.
    head_written: usize,
    queue: VecDeque<Bytes>,
    /// Bytes in `queue`.
    queued: usize,
    body: Option<Incoming>,
    framing: RequestFraming,
    /// Bytes still due under `Content-Length`.
    due: u64,
    /// Body bytes taken from the client so far.
    taken: u64,
    /// Whether everything written has been flushed.
    flushed: bool,
    /// Whether the first write has waited for the body (once).
    waited: bool,
    /// Writing failed; the connection cannot be reused.
    failed: bool,
}

impl Outgoing {
    fn new(head: Bytes, body: Option<Incoming>, framing: RequestFraming) -> Self {
        let due = match framing {
            RequestFraming::Length(n) => n,
            _ => 0,
        };
        Outgoing {
            waited: body.is_none(),
            head,
            head_written: 0,
            queue: VecDeque::new(),
            queued: 0,
            body,
            framing,
            due,
            taken: 0,
            flushed: false,
            failed: false,
        }
    }

    /// Whether the whole request is with the backend.
    fn is_done(&self) -> bool {
        !self.failed && self.body.is_none() && self.is_written() && self.flushed
    }

    fn is_written(&self) -> bool {
        self.head_written == self.head.len() && self.queue.is_empty()
    }

    /// The same request again, for another connection (when it has no body).
    fn again(&mut self) {
        self.head_written = 0;
        self.flushed = false;
        self.failed = false;
    }

    /// Writes what is queued and what the client's body yields, until the
    /// request is sent (`Ready(Ok)`), or the connection or the body has
    /// nothing for now (`Pending`).
    fn poll_send(
        &mut self,
        cx: &mut Context<'_>,
        io: &mut BackendStream,
    ) -> Poll<Result<(), SendError>> {
        loop {
            // Take what the client has sent while little is queued, so that
            // the head and a short body leave in one write.
            while self.queued < MAX_QUEUED {
                let Some(body) = self.body.as_mut() else {
                    break;
                };
                match Pin::new(body).poll_frame(cx) {
                    Poll::Ready(Some(Ok(frame))) => {
                        // Trailers are not forwarded: this hop has no
                        // `Trailer` header announcing them.
                        if let Ok(data) = frame.into_data() {
                            self.push(data)?;
                        }
                        if self.body.as_ref().is_some_and(Body::is_end_stream) {
                            self.end()?;
                        }
                    }
                    Poll::Ready(Some(Err(e))) => {
                        return Poll::Ready(Err(SendError::Body(e.to_string())));
                    }
                    Poll::Ready(None) => self.end()?,
                    Poll::Pending if !self.waited => {
                        // hyper's server reads the body that came with the
                        // head as soon as this task lets it: wait for it
                        // once, so both go in the same write.
                        self.waited = true;
                        cx.waker().wake_by_ref();
                        return Poll::Pending;
                    }
                    Poll::Pending => break,
                }
            }
            self.waited = true;
            if self.is_written() {
                if !self.flushed {
                    ready!(Pin::new(&mut *io).poll_flush(cx)).map_err(SendError::Io)?;
                    self.flushed = true;
                }
                return match self.body {
                    None => Poll::Ready(Ok(())),
                    Some(_) => Poll::Pending,
                };
            }
            let n = ready!(self.poll_write(io, cx)).map_err(SendError::Io)?;
            if n == 0 {
                return Poll::Ready(Err(SendError::Io(io::ErrorKind::WriteZero.into())));
            }
            self.consume(n);
            self.flushed = false;
        }
    }

    fn push(&mut self, data: Bytes) -> Result<(), SendError> {
        if data.is_empty() {
            return Ok(());
        }
        let len = data.len();
        self.taken += len as u64;
        if self.taken > limits::MAX_BODY {
            return Err(SendError::TooLarge);
        }
        match self.framing {
            RequestFraming::Length(_) => {
                if len as u64 > self.due {
                    return Err(SendError::Body(
                        "the body is longer than its Content-Length".into(),
                    ));
                }
                self.due -= len as u64;
                self.queued += len;
                self.queue.push_back(data);
            }
            RequestFraming::Chunked => {
                let line = h1::chunk_size_line(len);
                self.queued += line.len() + len + 2;
                self.queue.push_back(line);
                self.queue.push_back(data);
                self.queue.push_back(Bytes::from_static(b"\r\n"));
            }
            RequestFraming::None => {}
        }
        Ok(())
    }

    fn end(&mut self) -> Result<(), SendError> {
        self.body = None;
        match self.framing {
            RequestFraming::Length(_) if self.due > 0 => Err(SendError::Body(
                "the body is shorter than its Content-Length".into(),
            )),
            RequestFraming::Chunked => {
                self.queued += h1::LAST_CHUNK.len();
                self.queue.push_back(Bytes::from_static(h1::LAST_CHUNK));
                Ok(())
            }
            _ => Ok(()),
        }
    }

    /// Writes what is waiting: one `write`, or one `writev` for several
    /// pieces.
    fn poll_write(&self, io: &mut BackendStream, cx: &mut Context<'_>) -> Poll<io::Result<usize>> {
        let head = &self.head[self.head_written..];
        if self.queue.is_empty() {
            return Pin::new(io).poll_write(cx, head);
        }
        let mut slices = [IoSlice::new(&[]); 16];
        let pieces = std::iter::once(head)
            .filter(|h| !h.is_empty())
            .chain(self.queue.iter().map(|b| &b[..]));
        let mut count = 0;
        for (slot, piece) in slices.iter_mut().zip(pieces) {
            *slot = IoSlice::new(piece);
            count += 1;
        }
        Pin::new(io).poll_write_vectored(cx, &slices[..count])
    }

    /// Drops the `n` bytes just written from the front.
    fn consume(&mut self, mut n: usize) {
        let from_head = n.min(self.head.len() - self.head_written);
        self.head_written += from_head;
        n -= from_head;
        self.queued = self.queued.saturating_sub(n);
        while n > 0 {
            let Some(front) = self.queue.front_mut() else {
                return;
            };
            if front.len() > n {
                front.advance(n);
                return;
            }
            n -= front.len();
            self.queue.pop_front();
        }
    }
}

/// Why an exchange failed, and whether the backend had said anything.
struct ExchangeError {
    failure: Failure,
    nothing_read: bool,
}

/// Sends the request on `conn` and reads until the response head has
/// arrived, writing and reading side by side: a backend may answer before
/// the whole body has been sent.
async fn exchange(
    conn: &mut Conn,
    out: &mut Outgoing,
    method: &Method,
) -> Result<h1::ResponseHead, ExchangeError> {
    let mut scan = HeadScan::default();
    let mut read_any = false;
    let mut write_error: Option<io::Error> = None;
    poll_fn(|cx| {
        if !out.failed && !out.is_done() {
            match out.poll_send(cx, &mut conn.io) {
                Poll::Ready(Err(SendError::Io(e))) => {
                    // The backend may have answered already; read on.
                    out.failed = true;
                    write_error = Some(e);
                }
                Poll::Ready(Err(SendError::Body(why))) => {
                    return Poll::Ready(Err(ExchangeError {
                        failure: Failure::Client(format!("the request body failed: {why}")),
                        nothing_read: false,
                    }));
                }
                Poll::Ready(Err(SendError::TooLarge)) => {
                    // The connection is dropped with the request unfinished:
                    // the backend sees it aborted, never cut short.
                    return Poll::Ready(Err(ExchangeError {
                        failure: Failure::TooLarge(out.body.take()),
                        nothing_read: false,
                    }));
                }
                Poll::Ready(Ok(())) | Poll::Pending => {}
            }
        }
        loop {
            match h1::parse_response(&mut conn.buf, &mut scan, method) {
                Ok(Some(head)) => return Poll::Ready(Ok(head)),
                Ok(None) => {}
                Err(m) => {
                    return Poll::Ready(Err(ExchangeError {
                        failure: Failure::Exchange {
                            message: m.0,
                            malformed: true,
                        },
                        nothing_read: false,
                    }));
                }
            }
            let message = match ready!(conn.poll_fill(cx)) {
                Ok(0) => match &write_error {
                    Some(e) => format!("cannot send the request: {e}"),
                    None => "the backend closed the connection before answering".to_string(),
                },
                Ok(_) => {
                    read_any = true;
                    continue;
                }
                Err(e) => format!("cannot read the answer: {e}"),
            };
            return Poll::Ready(Err(ExchangeError {
                failure: Failure::Exchange {
                    message,
                    malformed: false,
                },
                nothing_read: !read_any,
            }));
        }
    })
    .await
}

/// The response to hand on, its body read from `conn` as it is polled.
fn respond(
    answer: h1::ResponseHead,
    mut conn: Conn,
    out: Outgoing,
    kind: usize,
    authority: &Authority,
) -> Response<BackendBody> {
    let h1::ResponseHead {
        head,
        framing,
        keep_alive,
    } = answer;
    let reusable = keep_alive && !out.failed;
    // A request whose body is still being sent goes on with the response
    // body; one that failed is dropped with the connection.
    let out = (!out.failed && !out.is_done()).then_some(out);
    let body = match framing {
        // The usual small answer is here whole already: take it, and the
        // connection is free for the next request before this body is read.
        BodyFraming::Length(n) if n <= h1::MAX_FRAME.min(conn.buf.len()) as u64 => {
            let data = conn.buf.split_to(n as usize).freeze();
            if reusable && out.is_none() && conn.buf.is_empty() {
                put_idle(kind, authority, conn);
            }
            BackendBody::whole(data)
        }
        _ => BackendBody(BodyState::Streaming(Box::new(Streaming {
            conn,
            out,
            decoder: Decoder::new(framing),
            reusable,
            kind,
            authority: authority.clone(),
        }))),
    };
    head.map(|()| body)
}

/// A backend's response body. It is read from the connection when polled;
/// once read to its end the connection goes back to the pool (if the
/// response and the request allow); dropped before that, it closes it.
pub struct BackendBody(BodyState);

enum BodyState {
    /// All of the body that is left, in hand (`None`: nothing).
    Whole(Option<Bytes>),
    Streaming(Box<Streaming>),
}

struct Streaming {
    conn: Conn,
    /// The request, while its body is still being sent.
    out: Option<Outgoing>,
    decoder: Decoder,
    /// Whether the connection may carry another request after this body.
    reusable: bool,
    kind: usize,
    authority: Authority,
}

impl BackendBody {
    fn whole(data: Bytes) -> Self {
        BackendBody(BodyState::Whole((!data.is_empty()).then_some(data)))
    }

    /// The body has been read to its end: the connection goes back to the
    /// pool if it can carry another request.
    fn finish(&mut self) {
        if let BodyState::Streaming(s) = std::mem::replace(&mut self.0, BodyState::Whole(None)) {
            let s = *s;
            let sent = s.out.as_ref().is_none_or(Outgoing::is_done);
            let close_delimited = matches!(s.decoder, Decoder::UntilClose(_));
            if s.reusable && sent && !close_delimited && s.conn.buf.is_empty() {
                put_idle(s.kind, &s.authority, s.conn);
            }
        }
    }
}

impl Streaming {
    /// The next piece of the body, `None` at its end; goes on sending the
    /// request body meanwhile.
    fn poll_data(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<Option<Bytes>>> {
        if let Some(out) = &mut self.out {
            match out.poll_send(cx, &mut self.conn.io) {
                Poll::Ready(Ok(())) => self.out = None,
                Poll::Pending => {}
                Poll::Ready(Err(SendError::Io(_))) => {
                    // The answer may still arrive in full; the connection
                    // is done for after it.
                    self.out = None;
                    self.reusable = false;
                }
                Poll::Ready(Err(SendError::Body(why))) => {
                    return Poll::Ready(Err(io::Error::other(format!(
                        "the request body failed: {why}"
                    ))));
                }
                Poll::Ready(Err(SendError::TooLarge)) => {
                    return Poll::Ready(Err(io::Error::other(format!(
                        "the request body grew past {} bytes",
                        limits::MAX_BODY
                    ))));
                }
            }
        }
        loop {
            match self.decoder.decode(&mut self.conn.buf) {
                Ok(Some(data)) => return Poll::Ready(Ok(Some(data))),
                Ok(None) if self.decoder.is_done() => return Poll::Ready(Ok(None)),
                Ok(None) => {}
                Err(m) => return Poll::Ready(Err(io::Error::new(io::ErrorKind::InvalidData, m.0))),
            }
            match ready!(self.conn.poll_fill(cx)) {
                Ok(0) => {
                    self.reusable = false;
                    return Poll::Ready(match self.decoder.eof() {
                        Ok(()) => Ok(None),
                        Err(m) => Err(io::Error::new(io::ErrorKind::UnexpectedEof, m.0)),
                    });
                }
                Ok(_) => {}
                Err(e) => return Poll::Ready(Err(e)),
            }
        }
    }
}

impl Body for BackendBody {
    type Data = Bytes;
    type Error = io::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, io::Error>>> {
        let this = self.get_mut();
        let s = match &mut this.0 {
            BodyState::Whole(data) => return Poll::Ready(data.take().map(|d| Ok(Frame::data(d)))),
            BodyState::Streaming(s) => s,
        };
        match ready!(s.poll_data(cx)) {
            Ok(Some(data)) => {
                if s.decoder.is_done() {
                    this.finish();
                }
                Poll::Ready(Some(Ok(Frame::data(data))))
            }
            Ok(None) => {
                this.finish();
                Poll::Ready(None)
            }
            Err(e) => {
                // Dropping the connection closes it.
                this.0 = BodyState::Whole(None);
                Poll::Ready(Some(Err(e)))
            }
        }
    }

    fn is_end_stream(&self) -> bool {
        matches!(self.0, BodyState::Whole(None))
    }

    fn size_hint(&self) -> SizeHint {
        match &self.0 {
            BodyState::Whole(data) => {
                SizeHint::with_exact(data.as_ref().map_or(0, |d| d.len() as u64))
            }
            BodyState::Streaming(s) => s
                .decoder
                .remaining()
                .map_or_else(SizeHint::default, SizeHint::with_exact),
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
    /// This machine ran out of something (file descriptors, ports,
    /// memory): nothing is known about the backend.
    Local(io::Error),
}

/// Whether a failed connect or accept is this machine's shortage rather
/// than the peer's fault: out of file descriptors (`EMFILE`, `ENFILE`),
/// buffers or memory, or of local ports (`EADDRNOTAVAIL`).
pub fn is_local_shortage(e: &io::Error) -> bool {
    #[cfg(unix)]
    {
        matches!(
            e.raw_os_error(),
            Some(libc::EMFILE | libc::ENFILE | libc::ENOBUFS | libc::ENOMEM | libc::EADDRNOTAVAIL)
        )
    }
    #[cfg(not(unix))]
    {
        e.kind() == io::ErrorKind::OutOfMemory
    }
}

impl std::fmt::Display for ConnectError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ConnectError::Unreachable(e) => write!(f, "cannot connect: {e}"),
            ConnectError::Tls(e) => write!(f, "TLS handshake failed: {e}"),
            ConnectError::BadAddress(m) => f.write_str(m),
            ConnectError::Local(e) => write!(f, "the gateway cannot open a connection: {e}"),
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
            _ if is_local_shortage(&e) => ConnectError::Local(e),
            io::ErrorKind::InvalidInput | io::ErrorKind::NotFound => {
                ConnectError::BadAddress(format!("cannot resolve {host}: {e}"))
            }
            _ => ConnectError::Unreachable(e),
        })?;
        let _ = tcp.set_nodelay(true);
        if !https {
            return Ok(BackendStream::Plain(tcp));
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
        Ok(BackendStream::Tls(Box::new(tls)))
    }
}

/// A connection to a backend, plain or TLS.
pub enum BackendStream {
    Plain(TcpStream),
    Tls(Box<TlsStream<TcpStream>>),
}

impl AsyncRead for BackendStream {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        match self.get_mut() {
            BackendStream::Plain(s) => Pin::new(s).poll_read(cx, buf),
            BackendStream::Tls(s) => Pin::new(s.as_mut()).poll_read(cx, buf),
        }
    }
}

impl AsyncWrite for BackendStream {
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
        bufs: &[IoSlice<'_>],
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
    /// The gateway itself is short of resources (503); says nothing about
    /// the backend, whose health is left alone.
    Local(String),
    /// The client's request body is broken (malformed chunked coding, or
    /// shorter or longer than its `Content-Length`): 400.
    Client(String),
    /// The client's body grew past [`limits::MAX_BODY`] while it was sent:
    /// 413, with what the client has not sent yet, to be drained.
    TooLarge(Option<Incoming>),
    /// The backend broke the exchange after connecting (503 when it closed
    /// the connection, 500 when it answered something that is not HTTP).
    Exchange { message: String, malformed: bool },
}
