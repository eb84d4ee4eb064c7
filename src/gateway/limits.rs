//! The service's request limits, the first step of every request: a head
//! (request line and headers) over [`MAX_HEAD`] bytes is answered 431 and a
//! body declared over [`MAX_BODY`] bytes 413, before routing and before
//! anything reaches a backend. A chunked body that grows past the limit is
//! cut off by the forwarding client (`client`), which never writes more
//! than [`MAX_BODY`] body bytes to a backend.
//!
//! The numbers are the HTTP API quotas: "10 MB" of payload is read as
//! 10 × 2^20 bytes (10,485,760, the figure the service's REST APIs print
//! in their own refusal), and "request line and header values" as the head
//! in its usual wire form — the request line and each `name: value` line
//! with their CRLFs, and the empty line that ends the head — so that a
//! head of exactly 10,240 bytes as a client writes it is accepted. The
//! size is computed from the parsed request without allocating. hyper
//! reads heads only up to [`READ_HEAD_CAP`] bytes (and 100 header lines);
//! beyond that it answers 431 itself, with an empty body.

use bytes::Buf;
use http::{HeaderMap, Method, Uri, Version};
use hyper::body::{Body, Incoming};
use std::time::Duration;

/// The largest request body accepted, in bytes.
pub const MAX_BODY: u64 = 10 * 1024 * 1024;
/// The largest request head accepted, in bytes.
pub const MAX_HEAD: usize = 10_240;
/// The largest head hyper reads before refusing it on its own.
pub const READ_HEAD_CAP: usize = 64 * 1024;

/// How much of a refused body is read and thrown away so that the client,
/// still sending, reads the answer rather than a connection reset.
const DRAIN_BYTES: u64 = 4 * MAX_BODY;
/// How long a refused body is drained at most.
const DRAIN_TIME: Duration = Duration::from_secs(5);

/// Why a request is refused before routing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// 431: the head is this many bytes.
    Head(usize),
    /// 413: the body declares this many bytes.
    Body(u64),
}

impl Refusal {
    /// What the access log says.
    pub fn reason(self) -> String {
        match self {
            Refusal::Head(n) => {
                format!("the request head is {n} bytes, more than the {MAX_HEAD} allowed")
            }
            Refusal::Body(n) => {
                format!("the request body is {n} bytes, more than the {MAX_BODY} allowed")
            }
        }
    }
}

/// Checks a request's head and declared body length against the limits.
pub fn check(
    method: &Method,
    uri: &Uri,
    version: Version,
    headers: &HeaderMap,
    body: &Incoming,
) -> Result<(), Refusal> {
    let head = head_size(method, uri, version, headers);
    if head > MAX_HEAD {
        return Err(Refusal::Head(head));
    }
    let declared = body.size_hint().lower();
    if declared > MAX_BODY {
        return Err(Refusal::Body(declared));
    }
    Ok(())
}

/// The head's size in its usual wire form: `METHOD target HTTP/1.1\r\n`,
/// `name: value\r\n` per header line, `\r\n`.
pub fn head_size(method: &Method, uri: &Uri, version: Version, headers: &HeaderMap) -> usize {
    let version_len = if version == Version::HTTP_09 { 0 } else { 8 };
    let mut size = method.as_str().len() + 1 + target_len(uri) + 1 + version_len + 2;
    for (name, value) in headers {
        size += name.as_str().len() + 2 + value.len() + 2;
    }
    size + 2
}

/// The length of the request target as the client wrote it.
fn target_len(uri: &Uri) -> usize {
    let scheme = uri.scheme_str().map_or(0, |s| s.len() + 3);
    let authority = uri.authority().map_or(0, |a| a.as_str().len());
    let pq = uri.path_and_query().map_or(0, |pq| pq.as_str().len());
    scheme + authority + pq
}

/// Reads what is left of a refused request body and throws it away, for
/// at most [`DRAIN_BYTES`] and [`DRAIN_TIME`], so that a client that writes
/// its whole body before reading gets the answer; then the connection goes
/// on (if the body ended) or is closed. A client that asked
/// `Expect: 100-continue` has sent no body and is not waited for.
pub fn drain(body: Incoming, expects_continue: bool) {
    if expects_continue || body.is_end_stream() || body.size_hint().lower() > DRAIN_BYTES {
        return;
    }
    tokio::spawn(async move {
        let _ = tokio::time::timeout(DRAIN_TIME, discard(body)).await;
    });
}

async fn discard(mut body: Incoming) {
    use http_body_util::BodyExt;
    let mut read = 0u64;
    while let Some(Ok(frame)) = body.frame().await {
        if let Ok(data) = frame.into_data() {
            read += data.remaining() as u64;
            if read > DRAIN_BYTES {
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_head_size_is_its_usual_wire_form() {
        let uri: Uri = "/test/pets?x=1".parse().unwrap();
        let mut h = HeaderMap::new();
        h.insert("host", "gw".parse().unwrap());
        h.append("x-a", "1".parse().unwrap());
        let wire = "GET /test/pets?x=1 HTTP/1.1\r\nhost: gw\r\nx-a: 1\r\n\r\n";
        assert_eq!(
            head_size(&Method::GET, &uri, Version::HTTP_11, &h),
            wire.len()
        );
        let absolute: Uri = "http://gw:8080/a".parse().unwrap();
        assert_eq!(target_len(&absolute), "http://gw:8080/a".len());
    }

    #[test]
    fn refusals_name_the_sizes() {
        assert!(Refusal::Head(10_241).reason().contains("10241"));
        assert!(Refusal::Body(MAX_BODY + 1).reason().contains("10485761"));
    }
}
