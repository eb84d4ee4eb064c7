//! `apigw endpoint` as a child process on 127.0.0.1 with port 0 (stopped
//! on Drop), and a hand-made HTTP/1.1 client over a plain TCP socket, for
//! tests of the wire itself. Included with
//! `#[path = "common/endpoint.rs"] mod endpoint;`.
#![allow(dead_code)]

use serde_json::Value;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

pub struct Endpoint {
    pub addr: SocketAddr,
    child: Child,
}

/// An answer: status, headers (lower-case names) and the body.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Answer {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }

    /// The error type and message, checked to be sent both ways botocore reads.
    pub fn error(&self) -> (String, String) {
        let kind = self
            .header("x-amzn-errortype")
            .expect("x-amzn-ErrorType")
            .to_string();
        let message = self.json()["message"]
            .as_str()
            .expect("message")
            .to_string();
        (kind, message)
    }
}

impl Endpoint {
    /// Starts `apigw endpoint` on `workspace` and waits for its address line.
    pub fn start(workspace: &Path) -> Endpoint {
        Endpoint::start_with(workspace, &[])
    }

    pub fn start_with(workspace: &Path, args: &[&str]) -> Endpoint {
        let mut child = Command::new(env!("CARGO_BIN_EXE_apigw"))
            .arg("endpoint")
            .args(["--listen", "127.0.0.1:0"])
            .args(args)
            .env("APIGW_WORKSPACE", workspace)
            .env_remove("AWS_REGION")
            .env_remove("AWS_DEFAULT_REGION")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("apigw starts");
        let mut line = String::new();
        let stdout = child.stdout.take().expect("stdout is piped");
        // Blocks until the line is written (the socket is bound) or the
        // process ends; no polling needed.
        BufReader::new(stdout)
            .read_line(&mut line)
            .expect("reads stdout");
        let addr = line
            .trim()
            .strip_prefix("listening on http://")
            .unwrap_or_else(|| panic!("unexpected first line {line:?}"))
            .parse()
            .expect("an address");
        Endpoint { addr, child }
    }

    /// Sends one request (`Connection: close`) and reads the whole answer.
    pub fn send(&self, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Answer {
        let mut s = TcpStream::connect(self.addr).expect("connects");
        s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
        let mut head = format!(
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\nContent-Length: {}\r\n",
            self.addr,
            body.len()
        );
        for (k, v) in headers {
            head.push_str(&format!("{k}: {v}\r\n"));
        }
        head.push_str("\r\n");
        s.write_all(head.as_bytes()).unwrap();
        // A peer that refuses a large body may close before reading it all.
        let _ = s.write_all(body);
        read_answer(&mut s)
    }

    pub fn get_with(&self, method: &str, path: &str) -> Answer {
        self.send(method, path, &[], b"")
    }

    pub fn get(&self, path: &str) -> Answer {
        self.send("GET", path, &[], b"")
    }

    pub fn json(&self, method: &str, path: &str, body: &Value) -> Answer {
        self.send(
            method,
            path,
            &[("Content-Type", "application/json")],
            body.to_string().as_bytes(),
        )
    }

    /// An ACM JSON-protocol call (`CertificateManager.<operation>`).
    pub fn acm(&self, operation: &str, body: &Value) -> Answer {
        let target = format!("CertificateManager.{operation}");
        self.send(
            "POST",
            "/",
            &[
                ("X-Amz-Target", target.as_str()),
                ("Content-Type", "application/x-amz-json-1.1"),
            ],
            body.to_string().as_bytes(),
        )
    }

    /// A servicediscovery JSON-protocol call.
    pub fn cloud_map(&self, operation: &str, body: &Value) -> Answer {
        let target = format!("Route53AutoNaming_v20170314.{operation}");
        self.send(
            "POST",
            "/",
            &[
                ("X-Amz-Target", target.as_str()),
                ("Content-Type", "application/x-amz-json-1.1"),
            ],
            body.to_string().as_bytes(),
        )
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Waits for the process to end (after a signal) and gives its exit code.
    pub fn wait(mut self) -> Option<i32> {
        let status = self.child.wait().expect("waits");
        status.code()
    }
}

impl Drop for Endpoint {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Reads a `Connection: close` answer: head, then the body to the end
/// (chunked bodies are joined).
pub fn read_answer(s: &mut TcpStream) -> Answer {
    let mut raw = Vec::new();
    let _ = s.read_to_end(&mut raw);
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no head in {:?}", String::from_utf8_lossy(&raw)));
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut body = raw[split + 4..].to_vec();
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|c| c.parse().ok())
        .expect("a status line");
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    if headers
        .iter()
        .any(|(k, v)| k == "transfer-encoding" && v.contains("chunked"))
    {
        body = dechunk(&body);
    }
    Answer {
        status,
        headers,
        body,
    }
}

fn dechunk(mut b: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(end) = b.windows(2).position(|w| w == b"\r\n") {
        let size =
            usize::from_str_radix(String::from_utf8_lossy(&b[..end]).trim(), 16).unwrap_or(0);
        if size == 0 {
            break;
        }
        out.extend_from_slice(&b[end + 2..end + 2 + size]);
        b = &b[end + 2 + size + 2..];
    }
    out
}
