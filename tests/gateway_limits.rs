//! The service's request limits and framing, over real sockets: bodies
//! over 10 MiB (10,485,760 bytes) refused 413 before a backend gets more
//! than the limit, heads over 10,240 bytes refused 431 before routing,
//! clients answered in HTTP/1.1 with keep-alive whatever the backend
//! spoke, and `X-Forwarded-*` turned into a `Forwarded` header with the
//! gateway's hop appended.

mod common;
#[path = "common/counting.rs"]
mod counting;
#[path = "common/raw.rs"]
mod raw;

use common::{Backend, Running, Setup, call, client, eventually};
use counting::{Arrival, CountingBackend, Http10Backend};
use raw::RecordingBackend;
use std::net::SocketAddr;
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

const MAX_BODY: usize = 10 * 1024 * 1024;
const MAX_HEAD: usize = 10_240;
const TOO_LARGE: &str = r#"{"message":"Request Entity Too Large"}"#;
const HEAD_TOO_LARGE: &str = r#"{"message":"Request Header Fields Too Large"}"#;

/// A gateway whose `$default` stage sends `ANY /{proxy+}` to `backend`.
fn gateway_to(backend: SocketAddr) -> (Setup, Running) {
    let setup = Setup::new();
    let id = setup.url_integration(&format!("http://{backend}/"), |_| {});
    setup.route("ANY /{proxy+}", &id);
    setup.stage("$default", &[]);
    let gw = setup.serve();
    (setup, gw)
}

/// One answer read off a kept connection.
#[derive(Debug)]
struct Answer {
    status_line: String,
    /// Header lines, names lower-cased.
    headers: Vec<(String, String)>,
    body: String,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    fn status(&self) -> u16 {
        self.status_line
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0)
    }
}

async fn line<R: AsyncRead + Unpin>(r: &mut BufReader<R>) -> String {
    use tokio::io::AsyncBufReadExt;
    let mut s = String::new();
    r.read_line(&mut s).await.expect("the gateway answers");
    s.trim_end_matches(['\r', '\n']).to_string()
}

/// Reads one response (framed by length or chunked, as the gateway sends
/// them), leaving the connection open for the next.
async fn read_answer<R: AsyncRead + Unpin>(r: &mut BufReader<R>) -> Answer {
    let read = async {
        let status_line = line(r).await;
        let mut headers = Vec::new();
        loop {
            let l = line(r).await;
            if l.is_empty() {
                break;
            }
            let (n, v) = l.split_once(':').expect("a header line");
            headers.push((n.trim().to_ascii_lowercase(), v.trim().to_string()));
        }
        let get = |n: &str| headers.iter().find(|(k, _)| k == n).map(|(_, v)| v.clone());
        let mut body = Vec::new();
        if let Some(len) = get("content-length") {
            body.resize(len.parse().unwrap(), 0);
            r.read_exact(&mut body).await.unwrap();
        } else if get("transfer-encoding").as_deref() == Some("chunked") {
            loop {
                let size = usize::from_str_radix(line(r).await.split(';').next().unwrap(), 16)
                    .expect("a chunk size");
                let mut chunk = vec![0; size + 2];
                r.read_exact(&mut chunk).await.unwrap();
                if size == 0 {
                    break;
                }
                body.extend_from_slice(&chunk[..size]);
            }
        }
        Answer {
            status_line,
            headers,
            body: String::from_utf8_lossy(&body).into_owned(),
        }
    };
    tokio::time::timeout(Duration::from_secs(20), read)
        .await
        .expect("an answer within 20 s")
}

/// Sends `head` and then `body` (written in pieces by a task of its own,
/// so that an early answer can be read meanwhile) and reads the answer.
async fn send_body(addr: SocketAddr, head: String, body: Vec<Vec<u8>>) -> Answer {
    let stream = TcpStream::connect(addr).await.unwrap();
    let (reader, mut writer) = stream.into_split();
    let writing = tokio::spawn(async move {
        writer.write_all(head.as_bytes()).await?;
        for piece in body {
            writer.write_all(&piece).await?;
        }
        writer.flush().await?;
        Ok::<_, std::io::Error>(writer)
    });
    let answer = read_answer(&mut BufReader::new(reader)).await;
    // Whether the gateway read the rest or closed is its business; the
    // writer must not be left hanging.
    let _ = tokio::time::timeout(Duration::from_secs(20), writing).await;
    answer
}

fn length_request(len: usize) -> (String, Vec<Vec<u8>>) {
    let head = format!(
        "POST /upload HTTP/1.1\r\nHost: gateway.test\r\nContent-Length: {len}\r\nConnection: close\r\n\r\n"
    );
    let body = vec![b'a'; len];
    (head, body.chunks(64 * 1024).map(<[u8]>::to_vec).collect())
}

fn chunked_request(len: usize) -> (String, Vec<Vec<u8>>) {
    let head = "POST /upload HTTP/1.1\r\nHost: gateway.test\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
        .to_string();
    let mut pieces = Vec::new();
    let mut left = len;
    while left > 0 {
        let n = left.min(64 * 1024);
        let mut piece = format!("{n:x}\r\n").into_bytes();
        piece.extend(std::iter::repeat_n(b'a', n));
        piece.extend_from_slice(b"\r\n");
        pieces.push(piece);
        left -= n;
    }
    pieces.push(b"0\r\n\r\n".to_vec());
    (head, pieces)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_content_length_over_10_mib_is_refused_before_the_backend() {
    let backend = CountingBackend::start().await;
    let (_setup, gw) = gateway_to(backend.addr);
    let (head, body) = length_request(11 * 1024 * 1024);
    let answer = send_body(gw.addr, head, body).await;
    assert_eq!(answer.status(), 413, "{answer:?}");
    assert_eq!(answer.body, TOO_LARGE);
    assert_eq!(answer.header("content-type"), Some("application/json"));
    assert!(answer.header("apigw-requestid").is_some());
    // One byte over is refused too.
    let (head, body) = length_request(MAX_BODY + 1);
    assert_eq!(send_body(gw.addr, head, body).await.status(), 413);
    // The gateway still works, and the backend saw nothing but this.
    let (head, body) = length_request(5);
    let ok = send_body(gw.addr, head, body).await;
    assert_eq!(ok.status(), 200, "{ok:?}");
    assert_eq!(
        backend.arrivals(),
        vec![Arrival {
            bytes: 5,
            whole: true
        }]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_chunked_body_growing_past_10_mib_is_cut_off_and_the_backend_request_aborted() {
    let backend = CountingBackend::start().await;
    let (_setup, gw) = gateway_to(backend.addr);
    let (head, body) = chunked_request(11 * 1024 * 1024);
    let answer = send_body(gw.addr, head, body).await;
    assert_eq!(answer.status(), 413, "{answer:?}");
    assert_eq!(answer.body, TOO_LARGE);
    // The backend's request was aborted, never completed short, and it
    // got no more than the limit.
    eventually(
        "the backend to see its request end",
        Duration::from_secs(10),
        || async { !backend.arrivals().is_empty() },
    )
    .await;
    let arrivals = backend.arrivals();
    assert_eq!(arrivals.len(), 1, "{arrivals:?}");
    assert!(!arrivals[0].whole, "{arrivals:?}");
    assert!(arrivals[0].bytes <= MAX_BODY as u64, "{arrivals:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn exactly_10_mib_is_accepted_with_either_framing() {
    let backend = CountingBackend::start().await;
    let (_setup, gw) = gateway_to(backend.addr);
    let (head, body) = length_request(MAX_BODY);
    let answer = send_body(gw.addr, head, body).await;
    assert_eq!(answer.status(), 200, "{}", answer.status_line);
    assert_eq!(answer.body, format!(r#"{{"bytes":{MAX_BODY}}}"#));
    let (head, body) = chunked_request(MAX_BODY);
    let answer = send_body(gw.addr, head, body).await;
    assert_eq!(answer.status(), 200, "{}", answer.status_line);
    assert_eq!(answer.body, format!(r#"{{"bytes":{MAX_BODY}}}"#));
    let whole = Arrival {
        bytes: MAX_BODY as u64,
        whole: true,
    };
    assert_eq!(backend.arrivals(), vec![whole, whole]);
}

/// A request whose head (request line, headers, the empty line) is
/// exactly `size` bytes as written.
fn head_of(size: usize) -> String {
    let start = "GET /sized HTTP/1.1\r\nHost: gateway.test\r\nConnection: close\r\nX-Pad: ";
    let end = "\r\n\r\n";
    let pad = "p".repeat(size - start.len() - end.len());
    let head = format!("{start}{pad}{end}");
    assert_eq!(head.len(), size);
    head
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_head_over_10240_bytes_is_refused_before_routing() {
    let backend = RecordingBackend::start().await;
    let (_setup, gw) = gateway_to(backend.addr);
    let refused = raw::send(gw.addr, head_of(MAX_HEAD + 1).as_bytes()).await;
    assert_eq!(refused.status, 431, "{refused:?}");
    assert_eq!(refused.body, HEAD_TOO_LARGE);
    assert!(
        refused
            .head
            .to_ascii_lowercase()
            .contains("apigw-requestid")
    );
    // A path no route takes is refused for its head first.
    let mut unrouted = head_of(MAX_HEAD + 1);
    unrouted.replace_range(4..10, "/nope!");
    assert_eq!(raw::send(gw.addr, unrouted.as_bytes()).await.status, 431);
    // Far over the limit, hyper refuses the head itself (empty body).
    let huge = raw::send(gw.addr, head_of(100 * 1024).as_bytes()).await;
    assert_eq!(huge.status, 431);
    assert!(backend.heads().is_empty(), "{:?}", backend.request_lines());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_head_of_exactly_10240_bytes_is_accepted() {
    let backend = RecordingBackend::start().await;
    let (_setup, gw) = gateway_to(backend.addr);
    let answer = raw::send(gw.addr, head_of(MAX_HEAD).as_bytes()).await;
    assert_eq!(answer.status, 200, "{}", answer.head);
    assert_eq!(answer.body, "ok");
    assert_eq!(backend.request_lines(), vec!["GET / HTTP/1.1"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_http_1_0_backend_is_answered_to_the_client_in_http_1_1_with_keep_alive() {
    let backend = Http10Backend::start("hello from HTTP/1.0").await;
    let (_setup, gw) = gateway_to(backend.addr);
    let stream = TcpStream::connect(gw.addr).await.unwrap();
    let (reader, mut writer) = stream.into_split();
    let mut reader = BufReader::new(reader);
    for i in 0..2 {
        writer
            .write_all(format!("GET /old/{i} HTTP/1.1\r\nHost: gateway.test\r\n\r\n").as_bytes())
            .await
            .unwrap();
        let answer = read_answer(&mut reader).await;
        assert_eq!(
            answer.status_line, "HTTP/1.1 200 OK",
            "request {i}: {answer:?}"
        );
        assert_eq!(answer.body, "hello from HTTP/1.0");
        assert_eq!(answer.header("transfer-encoding"), Some("chunked"));
        assert_eq!(answer.header("connection"), None, "request {i}: {answer:?}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn x_forwarded_headers_become_a_forwarded_header_with_the_gateway_hop() {
    let backend = Backend::start("echo").await;
    let (_setup, gw) = gateway_to(backend.addr);
    let client = client();
    let host = gw.addr.to_string();
    let own = format!("for=127.0.0.1;host=\"{host}\";proto=http");
    let r = call(
        &client,
        "GET",
        &gw.url("/who"),
        &[
            ("x-forwarded-for", "203.0.113.9, 2001:db8::1"),
            ("x-forwarded-proto", "https"),
            ("x-forwarded-host", "shop.example.com"),
        ],
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert_eq!(
        r.seen_header("forwarded").as_deref(),
        Some(
            format!(
                "for=203.0.113.9;host=shop.example.com;proto=https, for=\"[2001:db8::1]\", {own}"
            )
            .as_str()
        )
    );
    // The X-Forwarded-* headers are still sent, with the gateway's hop.
    assert_eq!(
        r.seen_header("x-forwarded-for").as_deref(),
        Some("203.0.113.9, 2001:db8::1, 127.0.0.1")
    );
    assert_eq!(r.seen_header("x-forwarded-proto").as_deref(), Some("http"));
    assert_eq!(
        r.seen_header("x-forwarded-host").as_deref(),
        Some("shop.example.com")
    );
    // Without them, the gateway's hop alone, request after request.
    for _ in 0..2 {
        let r = call(&client, "GET", &gw.url("/who"), &[]).await;
        assert_eq!(r.seen_header("forwarded"), Some(own.clone()));
    }
}
