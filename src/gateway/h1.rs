//! HTTP/1.1 as the forwarding client speaks it, with no I/O of its own:
//! the request head and the framing of the request body on the way out;
//! on the way back the response head (parsed with httparse, 1xx heads
//! skipped) and the response body's framing, decoded from whatever bytes
//! have arrived so far. `client` moves the bytes.
//!
//! Everything a backend sends is checked here; nothing in it can make the
//! gateway panic or buffer without bound: a head is at most [`MAX_HEAD`]
//! bytes, body data is handed on as it arrives in pieces of at most
//! [`MAX_FRAME`] bytes, and chunk extensions and trailers are skipped
//! byte by byte under a limit.

use bytes::{Buf, Bytes, BytesMut};
use http::header::{self, HeaderMap, HeaderName, HeaderValue};
use http::{Method, Response, StatusCode, Uri, Version};
use std::mem::MaybeUninit;

/// The longest response head accepted (each 1xx head counts on its own).
pub const MAX_HEAD: usize = 64 * 1024;
/// The most body bytes handed on in one frame.
pub const MAX_FRAME: usize = 64 * 1024;
/// The most header fields a response head may have (as hyper).
const MAX_HEADERS: usize = 100;
/// The most bytes of chunk extensions, and of trailers, one body may carry
/// (as hyper).
const MAX_CHUNK_EXTRA: usize = 16 * 1024;

/// Something the backend sent that is not HTTP/1.1 the gateway can forward.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Malformed(pub String);

impl std::fmt::Display for Malformed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

fn malformed<T>(why: impl Into<String>) -> Result<T, Malformed> {
    Err(Malformed(why.into()))
}

// ------------------------------------------------------------ requests

/// How a request body goes on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RequestFraming {
    /// There is no body.
    None,
    /// Exactly this many bytes, sent as they come.
    Length(u64),
    /// Chunked transfer coding.
    Chunked,
}

/// Decides how the request body is framed and makes `headers` say so: no
/// body when it is already at its end; its length when a valid
/// `Content-Length` is among the headers or the body knows its size
/// (`exact`); chunked otherwise.
pub fn request_framing(
    headers: &mut HeaderMap,
    end_stream: bool,
    exact: Option<u64>,
) -> RequestFraming {
    // The framing is this hop's business; the gateway never forwards one.
    if headers.contains_key(header::TRANSFER_ENCODING) {
        headers.remove(header::TRANSFER_ENCODING);
    }
    if end_stream {
        return RequestFraming::None;
    }
    if headers.contains_key(header::CONTENT_LENGTH) {
        match content_length(headers) {
            Ok(Some(n)) => return RequestFraming::Length(n),
            _ => {
                headers.remove(header::CONTENT_LENGTH);
            }
        }
    }
    match exact {
        Some(n) => {
            headers.insert(header::CONTENT_LENGTH, HeaderValue::from(n));
            RequestFraming::Length(n)
        }
        None => {
            headers.insert(
                header::TRANSFER_ENCODING,
                HeaderValue::from_static("chunked"),
            );
            RequestFraming::Chunked
        }
    }
}

/// The request head: `METHOD path-and-query HTTP/1.1`, the headers, the
/// empty line.
pub fn encode_head(method: &Method, uri: &Uri, headers: &HeaderMap) -> Vec<u8> {
    let target = uri.path_and_query().map_or("/", |pq| pq.as_str());
    let size = headers
        .iter()
        .map(|(n, v)| n.as_str().len() + v.len() + 4)
        .sum::<usize>();
    let mut dst = Vec::with_capacity(method.as_str().len() + target.len() + 14 + size);
    dst.extend_from_slice(method.as_str().as_bytes());
    dst.push(b' ');
    dst.extend_from_slice(target.as_bytes());
    dst.extend_from_slice(b" HTTP/1.1\r\n");
    for (name, value) in headers {
        dst.extend_from_slice(name.as_str().as_bytes());
        dst.extend_from_slice(b": ");
        dst.extend_from_slice(value.as_bytes());
        dst.extend_from_slice(b"\r\n");
    }
    dst.extend_from_slice(b"\r\n");
    dst
}

/// The line that starts a chunk of `len` bytes: `{len:x}\r\n`.
pub fn chunk_size_line(len: usize) -> Bytes {
    Bytes::from(format!("{len:x}\r\n"))
}

/// What ends a chunked body: the last chunk and no trailers.
pub const LAST_CHUNK: &[u8] = b"0\r\n\r\n";

// ------------------------------------------------------------ responses

/// How the response body is delimited.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyFraming {
    /// Exactly this many bytes (0: no body).
    Length(u64),
    /// Chunked transfer coding.
    Chunked,
    /// Everything until the backend closes the connection.
    UntilClose,
}

/// A response head, and what it says about the body and the connection.
#[derive(Debug)]
pub struct ResponseHead {
    /// Status, version, headers (without `Transfer-Encoding`) and, when
    /// the backend gave an unusual one, the reason phrase.
    pub head: Response<()>,
    pub framing: BodyFraming,
    /// Whether the connection may carry another request afterwards.
    pub keep_alive: bool,
}

/// Where a response head is being looked for in the bytes read so far.
#[derive(Debug, Default)]
pub struct HeadScan {
    /// Bytes already known not to hold the end of the head.
    scanned: usize,
}

/// Parses the response head at the start of `buf`, taking its bytes out
/// of `buf`; 1xx informational heads before it are dropped. `Ok(None)`:
/// the head is not complete yet.
pub fn parse_response(
    buf: &mut BytesMut,
    scan: &mut HeadScan,
    method: &Method,
) -> Result<Option<ResponseHead>, Malformed> {
    loop {
        if buf.is_empty() {
            return Ok(None);
        }
        // httparse starts over on every call. A head usually arrives whole;
        // when it did not, look for the empty line that ends it among the
        // new bytes first, so that a head trickling in a byte at a time
        // costs linear time, not quadratic.
        if scan.scanned > 0 && !has_head_end(buf, scan.scanned) {
            return incomplete(buf, scan);
        }
        let mut storage = [const { MaybeUninit::<httparse::Header<'_>>::uninit() }; MAX_HEADERS];
        let mut res = httparse::Response::new(&mut []);
        let len = match httparse::ParserConfig::default().parse_response_with_uninit_headers(
            &mut res,
            buf,
            &mut storage,
        ) {
            Ok(httparse::Status::Complete(len)) => len,
            Ok(httparse::Status::Partial) => return incomplete(buf, scan),
            Err(e) => return malformed(format!("invalid HTTP response head: {e}")),
        };
        scan.scanned = 0;
        if len > MAX_HEAD {
            return too_large();
        }
        let (Some(code), Some(version), Some(reason)) = (res.code, res.version, res.reason) else {
            return malformed("invalid HTTP response head: no status line");
        };
        if code != 101 && (100..200).contains(&code) {
            buf.advance(len);
            continue;
        }
        // The head's bytes become shared, and its header values slices of
        // them; note where each piece is while httparse holds `buf`.
        let base = buf.as_ptr() as usize;
        let at = |s: &[u8]| -> (u32, u32) {
            // An empty piece may not point into `buf` at all.
            if s.is_empty() {
                return (0, 0);
            }
            let start = (s.as_ptr() as usize).wrapping_sub(base);
            (start as u32, start.saturating_add(s.len()) as u32)
        };
        let reason = at(reason.as_bytes());
        let mut inline = [((0, 0), (0, 0)); 24];
        let mut spilled = Vec::new();
        let pieces = if res.headers.len() <= inline.len() {
            &mut inline[..res.headers.len()]
        } else {
            spilled.resize(res.headers.len(), ((0, 0), (0, 0)));
            &mut spilled[..]
        };
        for (piece, h) in pieces.iter_mut().zip(res.headers.iter()) {
            *piece = (at(h.name.as_bytes()), at(h.value));
        }
        let bytes = buf.split_to(len).freeze();
        return build_head(&bytes, code, version, reason, pieces, method).map(Some);
    }
}

fn incomplete(buf: &[u8], scan: &mut HeadScan) -> Result<Option<ResponseHead>, Malformed> {
    scan.scanned = buf.len().max(1);
    if buf.len() >= MAX_HEAD {
        return too_large();
    }
    Ok(None)
}

fn too_large<T>() -> Result<T, Malformed> {
    malformed(format!(
        "the response head is larger than {} KiB",
        MAX_HEAD / 1024
    ))
}

/// Whether `buf` may hold a complete head: a line feed followed by an
/// empty line, looked for from a little before `from`.
fn has_head_end(buf: &[u8], from: usize) -> bool {
    let start = from.saturating_sub(3);
    let tail = buf.get(start..).unwrap_or_default();
    tail.iter()
        .enumerate()
        .any(|(i, &b)| b == b'\n' && matches!(&tail[i + 1..], [b'\n', ..] | [b'\r', b'\n', ..]))
}

type Span = (u32, u32);

fn build_head(
    bytes: &Bytes,
    code: u16,
    version: u8,
    reason: Span,
    pieces: &[(Span, Span)],
    method: &Method,
) -> Result<ResponseHead, Malformed> {
    let range = |(a, b): Span| a as usize..b as usize;
    let piece = |s: Span| {
        bytes
            .get(range(s))
            .ok_or_else(|| Malformed("invalid HTTP response head".into()))
    };
    let status = StatusCode::from_u16(code)
        .or_else(|_| malformed(format!("invalid HTTP status code {code}")))?;
    let version = if version == 1 {
        Version::HTTP_11
    } else {
        Version::HTTP_10
    };
    // Room for what the gateway adds to an answer (its request id, CORS
    // headers, Vary) without growing the table on the way out.
    let mut headers = HeaderMap::with_capacity(pieces.len() + 6);
    let mut keep_alive = version == Version::HTTP_11;
    let mut saw_close = false;
    let mut length = ContentLength::default();
    // Whether the last `Transfer-Encoding` line ends in chunked.
    let mut chunked = None;
    for &(name, value) in pieces {
        let name = HeaderName::from_bytes(piece(name)?)
            .or_else(|_| malformed("invalid header name in the response"))?;
        piece(value)?;
        let value = HeaderValue::from_maybe_shared(bytes.slice(range(value)))
            .or_else(|_| malformed(format!("invalid value for header {name} in the response")))?;
        if name == header::CONTENT_LENGTH {
            length.add(value.as_bytes());
        } else if name == header::TRANSFER_ENCODING {
            let last = value.as_bytes().rsplit(|&b| b == b',').next();
            chunked = Some(last.is_some_and(|t| t.trim_ascii().eq_ignore_ascii_case(b"chunked")));
        } else if name == header::CONNECTION {
            // Once any `Connection` line says close, a later keep-alive
            // does not undo it.
            if saw_close || has_token(&value, "close") {
                saw_close = true;
                keep_alive = false;
            } else if !keep_alive {
                keep_alive = has_token(&value, "keep-alive");
            }
        }
        headers.append(name, value);
    }
    let framing = body_framing(status, version, method, length, chunked)?;
    if chunked.is_some() {
        // The framing is this hop's; a length beside it is overridden.
        headers.remove(header::TRANSFER_ENCODING);
        headers.remove(header::CONTENT_LENGTH);
    }
    if framing == BodyFraming::UntilClose {
        keep_alive = false;
    }
    let mut head = Response::new(());
    *head.status_mut() = status;
    *head.version_mut() = version;
    if status.canonical_reason().map(str::as_bytes) != Some(piece(reason)?)
        && let Ok(r) = hyper::ext::ReasonPhrase::try_from(bytes.slice(range(reason)))
    {
        head.extensions_mut().insert(r);
    }
    *head.headers_mut() = headers;
    Ok(ResponseHead {
        head,
        framing,
        keep_alive,
    })
}

/// How the body after a head is delimited (RFC 9112 §6.3), given what its
/// `Content-Length` lines say and, when it has `Transfer-Encoding`, whether
/// that ends in chunked.
fn body_framing(
    status: StatusCode,
    version: Version,
    method: &Method,
    length: ContentLength,
    chunked: Option<bool>,
) -> Result<BodyFraming, Malformed> {
    match status.as_u16() {
        101 => return malformed("the backend switched protocols (101), which was not asked for"),
        204 | 304 => return Ok(BodyFraming::Length(0)),
        _ => {}
    }
    if *method == Method::HEAD {
        return Ok(BodyFraming::Length(0));
    }
    if *method == Method::CONNECT && status.is_success() {
        return malformed("the backend accepted a CONNECT tunnel, which the gateway cannot carry");
    }
    if let Some(chunked) = chunked {
        if version == Version::HTTP_10 {
            return malformed("an HTTP/1.0 response cannot have Transfer-Encoding");
        }
        return Ok(if chunked {
            BodyFraming::Chunked
        } else {
            BodyFraming::UntilClose
        });
    }
    match length.get() {
        Ok(Some(n)) if n < u64::MAX - 1 => Ok(BodyFraming::Length(n)),
        Ok(None) => Ok(BodyFraming::UntilClose),
        _ => malformed("invalid Content-Length in the response"),
    }
}

/// The `Content-Length` the headers give: `Ok(None)` when there is none,
/// `Err` when a value is not a number or values disagree.
fn content_length(headers: &HeaderMap) -> Result<Option<u64>, ()> {
    let mut length = ContentLength::default();
    for value in headers.get_all(header::CONTENT_LENGTH) {
        length.add(value.as_bytes());
    }
    length.get()
}

/// What the `Content-Length` lines of a head add up to.
#[derive(Default)]
struct ContentLength {
    value: Option<u64>,
    invalid: bool,
}

impl ContentLength {
    /// One line: usually a plain number; a list of equal ones is allowed.
    fn add(&mut self, line: &[u8]) {
        for part in line.split(|&b| b == b',') {
            match digits(part.trim_ascii()) {
                Some(n) if self.value.is_none_or(|v| v == n) => self.value = Some(n),
                _ => self.invalid = true,
            }
        }
    }

    fn get(&self) -> Result<Option<u64>, ()> {
        if self.invalid {
            Err(())
        } else {
            Ok(self.value)
        }
    }
}

/// A decimal number of digits only (no sign, no blanks).
fn digits(s: &[u8]) -> Option<u64> {
    if s.is_empty() {
        return None;
    }
    s.iter().try_fold(0u64, |n, &b| {
        if b.is_ascii_digit() {
            n.checked_mul(10)?.checked_add(u64::from(b - b'0'))
        } else {
            None
        }
    })
}

fn has_token(value: &HeaderValue, token: &str) -> bool {
    value
        .to_str()
        .is_ok_and(|v| v.split(',').any(|t| t.trim().eq_ignore_ascii_case(token)))
}

// ------------------------------------------------------------ bodies

/// Takes a response body out of the bytes read, as its framing says.
#[derive(Debug)]
pub enum Decoder {
    /// This many bytes are still to come.
    Length(u64),
    Chunked(Chunked),
    /// Until the connection closes; `true` once it has.
    UntilClose(bool),
}

impl Decoder {
    pub fn new(framing: BodyFraming) -> Self {
        match framing {
            BodyFraming::Length(n) => Decoder::Length(n),
            BodyFraming::Chunked => Decoder::Chunked(Chunked::default()),
            BodyFraming::UntilClose => Decoder::UntilClose(false),
        }
    }

    /// The next piece of the body (at most [`MAX_FRAME`] bytes) from the
    /// front of `buf`, framing bytes consumed on the way; `Ok(None)` when
    /// `buf` holds no more of it (the body is done, or more must be read).
    pub fn decode(&mut self, buf: &mut BytesMut) -> Result<Option<Bytes>, Malformed> {
        match self {
            Decoder::Length(rest) => {
                let n = buf.len().min(MAX_FRAME).min(clamp(*rest));
                if n == 0 {
                    return Ok(None);
                }
                *rest -= n as u64;
                Ok(Some(buf.split_to(n).freeze()))
            }
            Decoder::Chunked(c) => c.decode(buf),
            Decoder::UntilClose(_) => {
                let n = buf.len().min(MAX_FRAME);
                Ok((n > 0).then(|| buf.split_to(n).freeze()))
            }
        }
    }

    /// Whether the whole body has been taken.
    pub fn is_done(&self) -> bool {
        match self {
            Decoder::Length(rest) => *rest == 0,
            Decoder::Chunked(c) => c.is_done(),
            Decoder::UntilClose(closed) => *closed,
        }
    }

    /// The backend closed the connection: the end of a close-delimited
    /// body, a truncated body otherwise.
    pub fn eof(&mut self) -> Result<(), Malformed> {
        match self {
            Decoder::UntilClose(closed) => {
                *closed = true;
                Ok(())
            }
            _ if self.is_done() => Ok(()),
            _ => malformed("the backend closed the connection before the body ended"),
        }
    }

    /// What is known of the body's remaining size.
    pub fn remaining(&self) -> Option<u64> {
        match self {
            Decoder::Length(rest) => Some(*rest),
            _ => None,
        }
    }
}

fn clamp(n: u64) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}

/// Where a chunked body's decoding stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum ChunkState {
    /// Before the first digit of a chunk size.
    #[default]
    Start,
    /// In the chunk size.
    Size,
    /// Blanks after the chunk size.
    SizeBlank,
    /// In a chunk extension.
    Extension,
    /// After the CR that ends the size line.
    SizeLf,
    /// In chunk data.
    Data,
    /// After chunk data: CR, then LF.
    DataCr,
    DataLf,
    /// After the last chunk: at the start of a trailer line or of the
    /// final empty line.
    LineStart,
    /// In a trailer line, skipped.
    Trailer,
    /// After the CR of a trailer line.
    TrailerLf,
    /// After the CR of the final empty line.
    EndLf,
    /// The body has ended.
    End,
}

/// The chunked transfer coding's decoder (RFC 9112 §7.1): sizes in hex,
/// extensions and trailers skipped, any split of the bytes across reads.
#[derive(Debug, Default)]
pub struct Chunked {
    state: ChunkState,
    /// The size being read, then what is left of the chunk's data.
    size: u64,
    /// Bytes of extensions and trailers seen.
    extra: usize,
}

impl Chunked {
    pub fn is_done(&self) -> bool {
        self.state == ChunkState::End
    }

    fn decode(&mut self, buf: &mut BytesMut) -> Result<Option<Bytes>, Malformed> {
        self.advance(buf)?;
        if self.state != ChunkState::Data || buf.is_empty() {
            return Ok(None);
        }
        let n = buf.len().min(MAX_FRAME).min(clamp(self.size));
        let data = buf.split_to(n).freeze();
        self.size -= n as u64;
        if self.size == 0 {
            self.state = ChunkState::DataCr;
        }
        // Consume what follows when it is already here, so that the end of
        // the body is known with its last piece. An error in it shows
        // again on the next call.
        let _ = self.advance(buf);
        Ok(Some(data))
    }

    /// Consumes framing bytes from the front of `buf` until chunk data
    /// comes next, the body ends, or `buf` is used up. On an error the
    /// offending byte stays at the front.
    fn advance(&mut self, buf: &mut BytesMut) -> Result<(), Malformed> {
        use ChunkState::*;
        let mut used = 0;
        let result = loop {
            if self.state == End || (self.state == Data && self.size > 0) {
                break Ok(());
            }
            let Some(&b) = buf.get(used) else {
                break Ok(());
            };
            let next = match (self.state, b) {
                (Start | Size, _) if b.is_ascii_hexdigit() => {
                    let digit = u64::from(match b {
                        b'0'..=b'9' => b - b'0',
                        b'a'..=b'f' => b - b'a' + 10,
                        _ => b - b'A' + 10,
                    });
                    match self.size.checked_mul(16).and_then(|s| s.checked_add(digit)) {
                        Some(s) => self.size = s,
                        None => break malformed("invalid chunk size: too large"),
                    }
                    Size
                }
                (Start, _) => break malformed("invalid chunk size line: no size"),
                (Size | SizeBlank, b' ' | b'\t') => SizeBlank,
                (Size | SizeBlank, b';') => Extension,
                (Size | SizeBlank | Extension, b'\r') => SizeLf,
                (Size | SizeBlank, _) => break malformed("invalid chunk size line"),
                (Extension, b'\n') => break malformed("invalid chunk extension: bare LF"),
                (Extension, _) => {
                    self.extra += 1;
                    if self.extra > MAX_CHUNK_EXTRA {
                        break malformed("chunk extensions over the limit");
                    }
                    Extension
                }
                (SizeLf, b'\n') if self.size == 0 => LineStart,
                (SizeLf, b'\n') => Data,
                (SizeLf, _) => break malformed("invalid chunk size line: CR without LF"),
                (DataCr, b'\r') => DataLf,
                (DataCr, _) => break malformed("chunk data longer than its size"),
                (DataLf, b'\n') => {
                    self.size = 0;
                    Start
                }
                (DataLf, _) => break malformed("invalid end of chunk data: CR without LF"),
                (LineStart, b'\r') => EndLf,
                (LineStart | Trailer, _) => {
                    self.extra += 1;
                    if self.extra > MAX_CHUNK_EXTRA {
                        break malformed("chunk trailers over the limit");
                    }
                    if b == b'\r' { TrailerLf } else { Trailer }
                }
                (TrailerLf, b'\n') => LineStart,
                (TrailerLf, _) => break malformed("invalid trailer line: CR without LF"),
                (EndLf, b'\n') => End,
                (EndLf, _) => break malformed("invalid end of chunked body: CR without LF"),
                (Data | End, _) => break Ok(()),
            };
            self.state = next;
            used += 1;
        };
        buf.advance(used);
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(bytes: &[u8], method: &Method) -> Result<Option<ResponseHead>, Malformed> {
        let mut buf = BytesMut::from(bytes);
        parse_response(&mut buf, &mut HeadScan::default(), method)
    }

    fn head(bytes: &[u8]) -> ResponseHead {
        parse(bytes, &Method::GET)
            .unwrap()
            .expect("a complete head")
    }

    /// Feeds `bytes` to a decoder in pieces of `step` bytes (the rest of
    /// the last read stays buffered, as in the client) and returns the body
    /// and whether it reached its end.
    fn decode_in_steps(
        framing: BodyFraming,
        bytes: &[u8],
        step: usize,
    ) -> (Vec<u8>, bool, BytesMut) {
        let mut d = Decoder::new(framing);
        let mut buf = BytesMut::new();
        let mut out = Vec::new();
        for piece in bytes.chunks(step.max(1)) {
            buf.extend_from_slice(piece);
            while let Some(data) = d.decode(&mut buf).unwrap() {
                assert!(!data.is_empty());
                out.extend_from_slice(&data);
            }
        }
        (out, d.is_done(), buf)
    }

    #[test]
    fn request_heads_carry_the_target_and_the_headers() {
        let mut headers = HeaderMap::new();
        headers.insert(header::HOST, HeaderValue::from_static("backend:8080"));
        headers.append("x-many", HeaderValue::from_static("1"));
        headers.append("x-many", HeaderValue::from_static("2"));
        let uri: Uri = "/a/b?c=d".parse().unwrap();
        let head = encode_head(&Method::PUT, &uri, &headers);
        // Sized exactly, so that it becomes `Bytes` without another allocation.
        assert_eq!(head.len(), head.capacity());
        assert_eq!(
            String::from_utf8(head).unwrap(),
            "PUT /a/b?c=d HTTP/1.1\r\nhost: backend:8080\r\nx-many: 1\r\nx-many: 2\r\n\r\n"
        );
    }

    #[test]
    fn request_framing_follows_the_body() {
        let mut h = HeaderMap::new();
        h.insert(header::CONTENT_LENGTH, HeaderValue::from_static("0"));
        assert_eq!(request_framing(&mut h, true, Some(0)), RequestFraming::None);
        assert_eq!(h.get(header::CONTENT_LENGTH).unwrap(), "0");

        let mut h = HeaderMap::new();
        h.insert(header::CONTENT_LENGTH, HeaderValue::from_static("5"));
        assert_eq!(
            request_framing(&mut h, false, Some(5)),
            RequestFraming::Length(5)
        );

        let mut h = HeaderMap::new();
        assert_eq!(
            request_framing(&mut h, false, Some(7)),
            RequestFraming::Length(7)
        );
        assert_eq!(h.get(header::CONTENT_LENGTH).unwrap(), "7");

        let mut h = HeaderMap::new();
        h.insert(header::CONTENT_LENGTH, HeaderValue::from_static("nope"));
        assert_eq!(
            request_framing(&mut h, false, None),
            RequestFraming::Chunked
        );
        assert!(!h.contains_key(header::CONTENT_LENGTH));
        assert_eq!(h.get(header::TRANSFER_ENCODING).unwrap(), "chunked");
    }

    #[test]
    fn a_head_split_across_reads_is_parsed_once_complete() {
        let bytes = b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\nx-a: b\r\n\r\nhi";
        for split in 0..bytes.len() {
            let mut buf = BytesMut::new();
            let mut scan = HeadScan::default();
            buf.extend_from_slice(&bytes[..split]);
            let first = parse_response(&mut buf, &mut scan, &Method::GET).unwrap();
            buf.extend_from_slice(&bytes[split..]);
            let got = match first {
                Some(h) => h,
                None => parse_response(&mut buf, &mut scan, &Method::GET)
                    .unwrap()
                    .expect("complete"),
            };
            assert_eq!(got.head.status(), 200);
            assert_eq!(got.framing, BodyFraming::Length(2));
            assert!(got.keep_alive);
            assert_eq!(got.head.headers()["x-a"], "b");
            assert_eq!(&buf[..], b"hi", "split at {split}");
        }
    }

    #[test]
    fn a_head_trickling_in_byte_by_byte_is_found() {
        let bytes = b"HTTP/1.1 204 No Content\r\nx-a: b\r\n\r\n";
        let mut buf = BytesMut::new();
        let mut scan = HeadScan::default();
        let mut got = None;
        for b in bytes {
            assert!(got.is_none());
            buf.extend_from_slice(&[*b]);
            got = parse_response(&mut buf, &mut scan, &Method::GET).unwrap();
        }
        let got = got.expect("complete");
        assert_eq!(got.framing, BodyFraming::Length(0));
        assert!(buf.is_empty());
    }

    #[test]
    fn informational_heads_are_skipped_but_101_is_refused() {
        let got = head(
            b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 102 Processing\r\nx: y\r\n\r\nHTTP/1.1 201 Created\r\ncontent-length: 0\r\n\r\n",
        );
        assert_eq!(got.head.status(), 201);
        assert!(!got.head.headers().contains_key("x"));
        // A 1xx head alone is not the answer yet.
        assert!(
            parse(b"HTTP/1.1 100 Continue\r\n\r\n", &Method::GET)
                .unwrap()
                .is_none()
        );
        let e = parse(
            b"HTTP/1.1 101 Switching Protocols\r\nupgrade: x\r\n\r\n",
            &Method::GET,
        );
        assert!(e.is_err());
    }

    #[test]
    fn bodiless_answers_have_no_body_whatever_they_say() {
        for (bytes, method) in [
            (
                &b"HTTP/1.1 200 OK\r\ncontent-length: 10\r\n\r\n"[..],
                Method::HEAD,
            ),
            (
                b"HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n",
                Method::HEAD,
            ),
            (
                b"HTTP/1.1 204 No Content\r\ncontent-length: 3\r\n\r\n",
                Method::GET,
            ),
            (
                b"HTTP/1.1 304 Not Modified\r\ncontent-length: 3\r\n\r\n",
                Method::GET,
            ),
            (b"HTTP/1.1 304 Not Modified\r\n\r\n", Method::GET),
        ] {
            let got = parse(bytes, &method).unwrap().unwrap();
            assert_eq!(got.framing, BodyFraming::Length(0));
            assert!(got.keep_alive);
        }
        // The length a HEAD answer gives is still the resource's.
        let got = parse(
            b"HTTP/1.1 200 OK\r\ncontent-length: 10\r\n\r\n",
            &Method::HEAD,
        )
        .unwrap()
        .unwrap();
        assert_eq!(got.head.headers()[header::CONTENT_LENGTH], "10");
    }

    #[test]
    fn lengths_decide_the_framing_and_bad_ones_are_malformed() {
        assert_eq!(
            head(b"HTTP/1.1 200 OK\r\ncontent-length: 5\r\ncontent-length: 5\r\n\r\n").framing,
            BodyFraming::Length(5)
        );
        assert_eq!(
            head(b"HTTP/1.1 200 OK\r\ncontent-length: 5, 5\r\n\r\n").framing,
            BodyFraming::Length(5)
        );
        for bad in [
            &b"HTTP/1.1 200 OK\r\ncontent-length: 5\r\ncontent-length: 6\r\n\r\n"[..],
            b"HTTP/1.1 200 OK\r\ncontent-length: -5\r\n\r\n",
            b"HTTP/1.1 200 OK\r\ncontent-length: +5\r\n\r\n",
            b"HTTP/1.1 200 OK\r\ncontent-length: 5x\r\n\r\n",
            b"HTTP/1.1 200 OK\r\ncontent-length: \r\n\r\n",
            b"HTTP/1.1 200 OK\r\ncontent-length: 99999999999999999999999\r\n\r\n",
            b"HTTP/1.0 200 OK\r\ntransfer-encoding: chunked\r\n\r\n",
            b"HTTP/1.1 2000 OK\r\n\r\n",
            b"HTTP/1.1 099 Low\r\n\r\n",
            b"HTTP/2.0 200 OK\r\n\r\n",
            b"HTTP/1.1 200 OK\r\nbad header\r\n\r\n",
            b"SSH-2.0-OpenSSH_9.6\r\n\r\n",
        ] {
            assert!(
                parse(bad, &Method::GET).is_err(),
                "{}",
                String::from_utf8_lossy(bad)
            );
        }
    }

    #[test]
    fn transfer_encoding_wins_and_is_not_handed_on() {
        let got = head(
            b"HTTP/1.1 200 OK\r\ncontent-length: 3\r\ntransfer-encoding: gzip, chunked\r\n\r\n",
        );
        assert_eq!(got.framing, BodyFraming::Chunked);
        assert!(!got.head.headers().contains_key(header::TRANSFER_ENCODING));
        assert!(!got.head.headers().contains_key(header::CONTENT_LENGTH));
        let got = head(b"HTTP/1.1 200 OK\r\ntransfer-encoding: chunked, gzip\r\n\r\n");
        assert_eq!(got.framing, BodyFraming::UntilClose);
        assert!(!got.keep_alive);
    }

    #[test]
    fn close_delimited_bodies_and_connection_headers_decide_reuse() {
        let got = head(b"HTTP/1.1 200 OK\r\n\r\n");
        assert_eq!(got.framing, BodyFraming::UntilClose);
        assert!(!got.keep_alive);
        assert!(
            !head(b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\nconnection: Close\r\n\r\n").keep_alive
        );
        assert!(!head(b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\nconnection: close\r\nconnection: keep-alive\r\n\r\n").keep_alive);
        assert!(!head(b"HTTP/1.0 200 OK\r\ncontent-length: 0\r\n\r\n").keep_alive);
        let got = head(b"HTTP/1.0 200 OK\r\ncontent-length: 0\r\nconnection: keep-alive\r\n\r\n");
        assert!(got.keep_alive);
        assert_eq!(got.head.version(), Version::HTTP_10);

        let (body, done, _) = decode_in_steps(BodyFraming::UntilClose, b"all of it", 2);
        assert_eq!(body, b"all of it");
        assert!(!done);
        let mut d = Decoder::new(BodyFraming::UntilClose);
        assert!(d.eof().is_ok());
        assert!(d.is_done());
    }

    #[test]
    fn oversized_heads_are_malformed() {
        let mut big = b"HTTP/1.1 200 OK\r\n".to_vec();
        while big.len() < MAX_HEAD {
            big.extend_from_slice(b"x-filler: 0123456789012345678901234567890123456789\r\n");
        }
        // Not even complete yet: too large already.
        assert!(parse(&big, &Method::GET).is_err());
        big.extend_from_slice(b"\r\n");
        assert!(parse(&big, &Method::GET).is_err());
        let mut many = b"HTTP/1.1 200 OK\r\n".to_vec();
        for i in 0..=MAX_HEADERS {
            many.extend_from_slice(format!("x-{i}: y\r\n").as_bytes());
        }
        many.extend_from_slice(b"\r\n");
        assert!(parse(&many, &Method::GET).is_err());
    }

    #[test]
    fn heads_with_many_headers_keep_them_all() {
        let mut bytes = b"HTTP/1.1 200 OK\r\n".to_vec();
        for i in 0..MAX_HEADERS - 1 {
            bytes.extend_from_slice(format!("x-{i}: value {i}\r\n").as_bytes());
        }
        bytes.extend_from_slice(b"content-length: 0\r\n\r\n");
        let got = head(&bytes);
        assert_eq!(got.head.headers().len(), MAX_HEADERS);
        assert_eq!(got.head.headers()["x-42"], "value 42");
    }

    #[test]
    fn empty_reasons_and_values_are_fine() {
        let got = head(b"HTTP/1.1 200\r\nx-empty:\r\nx-b: \r\ncontent-length: 0\r\n\r\n");
        assert_eq!(got.head.status(), 200);
        assert_eq!(got.head.headers()["x-empty"], "");
        assert_eq!(got.head.headers()["x-b"], "");
        let got = head(b"HTTP/1.1 404 \r\ncontent-length: 0\r\n\r\n");
        assert_eq!(got.head.status(), 404);
    }

    #[test]
    fn unusual_reason_phrases_are_kept() {
        let got = head(b"HTTP/1.1 200 Fine Thanks\r\ncontent-length: 0\r\n\r\n");
        let reason = got
            .head
            .extensions()
            .get::<hyper::ext::ReasonPhrase>()
            .unwrap();
        assert_eq!(reason.as_bytes(), b"Fine Thanks");
        let got = head(b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n");
        assert!(
            got.head
                .extensions()
                .get::<hyper::ext::ReasonPhrase>()
                .is_none()
        );
    }

    #[test]
    fn lengths_split_at_every_byte_give_the_body_and_leave_the_rest() {
        let bytes = b"0123456789NEXT";
        for step in 1..bytes.len() {
            let (body, done, rest) = decode_in_steps(BodyFraming::Length(10), bytes, step);
            assert_eq!(body, b"0123456789");
            assert!(done);
            assert_eq!(&rest[..], b"NEXT");
        }
    }

    const CHUNKED: &[u8] =
        b"5;name=value;x=\"q;\"\r\nhello\r\n19 \t ; ext\r\n, and this is twenty-five\r\n\
        3\r\n!!!\r\n0;last=1\r\nx-trailer: one\r\nx-other: two\r\n\r\nNEXT";

    #[test]
    fn chunked_bodies_split_at_every_byte_decode_the_same() {
        for step in 1..=CHUNKED.len() {
            let (body, done, rest) = decode_in_steps(BodyFraming::Chunked, CHUNKED, step);
            assert_eq!(
                String::from_utf8(body).unwrap(),
                "hello, and this is twenty-five!!!",
                "step {step}"
            );
            assert!(done, "step {step}");
            assert_eq!(&rest[..], b"NEXT", "step {step}");
        }
        // Every split point into two reads.
        for split in 0..CHUNKED.len() {
            let mut d = Decoder::new(BodyFraming::Chunked);
            let mut buf = BytesMut::from(&CHUNKED[..split]);
            let mut body = Vec::new();
            while let Some(b) = d.decode(&mut buf).unwrap() {
                body.extend_from_slice(&b);
            }
            buf.extend_from_slice(&CHUNKED[split..]);
            while let Some(b) = d.decode(&mut buf).unwrap() {
                body.extend_from_slice(&b);
            }
            assert_eq!(body, b"hello, and this is twenty-five!!!", "split {split}");
            assert!(d.is_done());
        }
    }

    #[test]
    fn the_end_of_a_chunked_body_is_known_with_its_last_piece() {
        let mut d = Decoder::new(BodyFraming::Chunked);
        let mut buf = BytesMut::from(&b"2\r\nhi\r\n0\r\n\r\n"[..]);
        assert_eq!(&d.decode(&mut buf).unwrap().unwrap()[..], b"hi");
        assert!(d.is_done());
        assert!(buf.is_empty());
        assert!(d.decode(&mut buf).unwrap().is_none());
    }

    #[test]
    fn bad_chunked_bodies_are_malformed() {
        for bad in [
            &b"x\r\n"[..],
            b"\r\n",
            b"5\n",
            b"5 5\r\n",
            b"5;ext\n",
            b"2\r\nhiX\r\n",
            b"2\r\nhi\rX",
            b"0\r\nx-trailer: 1\rX",
            b"0\r\n\rX",
            b"fffffffffffffffff\r\n",
        ] {
            let mut d = Decoder::new(BodyFraming::Chunked);
            let mut buf = BytesMut::from(bad);
            let mut result = Ok(None);
            for _ in 0..4 {
                result = d.decode(&mut buf);
                if result.is_err() {
                    break;
                }
            }
            assert!(result.is_err(), "{}", String::from_utf8_lossy(bad));
        }
        let mut long_ext = b"1;".to_vec();
        long_ext.extend(std::iter::repeat_n(b'e', MAX_CHUNK_EXTRA + 1));
        let mut buf = BytesMut::from(&long_ext[..]);
        assert!(Decoder::new(BodyFraming::Chunked).decode(&mut buf).is_err());
        let mut long_trailer = b"0\r\nx: ".to_vec();
        long_trailer.extend(std::iter::repeat_n(b't', MAX_CHUNK_EXTRA + 1));
        let mut buf = BytesMut::from(&long_trailer[..]);
        assert!(Decoder::new(BodyFraming::Chunked).decode(&mut buf).is_err());
    }

    #[test]
    fn truncated_bodies_fail_at_the_close() {
        let mut d = Decoder::new(BodyFraming::Length(3));
        let mut buf = BytesMut::from(&b"ab"[..]);
        assert_eq!(&d.decode(&mut buf).unwrap().unwrap()[..], b"ab");
        assert!(d.eof().is_err());
        let mut d = Decoder::new(BodyFraming::Chunked);
        let mut buf = BytesMut::from(&b"2\r\nab\r\n"[..]);
        assert!(d.decode(&mut buf).unwrap().is_some());
        assert!(d.eof().is_err());
    }

    #[test]
    fn frames_are_at_most_max_frame() {
        let big = vec![b'z'; MAX_FRAME * 2 + 5];
        let mut d = Decoder::new(BodyFraming::Length(big.len() as u64));
        let mut buf = BytesMut::from(&big[..]);
        let sizes: Vec<usize> =
            std::iter::from_fn(|| d.decode(&mut buf).unwrap().map(|b| b.len())).collect();
        assert_eq!(sizes, [MAX_FRAME, MAX_FRAME, 5]);
        let mut chunked = format!("{:x}\r\n", big.len()).into_bytes();
        chunked.extend_from_slice(&big);
        chunked.extend_from_slice(b"\r\n0\r\n\r\n");
        let mut d = Decoder::new(BodyFraming::Chunked);
        let mut buf = BytesMut::from(&chunked[..]);
        let sizes: Vec<usize> =
            std::iter::from_fn(|| d.decode(&mut buf).unwrap().map(|b| b.len())).collect();
        assert_eq!(sizes, [MAX_FRAME, MAX_FRAME, 5]);
        assert!(d.is_done());
    }
}
