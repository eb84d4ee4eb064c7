//! A backend that counts the request body bytes it receives and says
//! whether each request arrived whole (its body read to the end) or was
//! aborted by the gateway; it answers a whole request `200 {"bytes":N}`.
//! Also an HTTP/1.0 backend that answers with a body ended by closing.
//! For the tests of the gateway's request limits and framing.

#![allow(dead_code)] // each test crate uses a different part of this file

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// What one request brought: its body's size, and whether it ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Arrival {
    pub bytes: u64,
    pub whole: bool,
}

pub struct CountingBackend {
    pub addr: SocketAddr,
    arrivals: Arc<Mutex<Vec<Arrival>>>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for CountingBackend {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl CountingBackend {
    pub async fn start() -> CountingBackend {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let arrivals = Arc::new(Mutex::new(Vec::new()));
        let seen = arrivals.clone();
        let task = tokio::spawn(async move {
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    continue;
                };
                let seen = seen.clone();
                tokio::spawn(async move {
                    let service = service_fn(move |req: hyper::Request<Incoming>| {
                        let seen = seen.clone();
                        async move {
                            let mut body = req.into_body();
                            let mut bytes = 0u64;
                            let whole = loop {
                                match body.frame().await {
                                    None => break true,
                                    Some(Err(_)) => break false,
                                    Some(Ok(f)) => {
                                        if let Ok(d) = f.into_data() {
                                            bytes += d.len() as u64;
                                        }
                                    }
                                }
                            };
                            seen.lock().unwrap().push(Arrival { bytes, whole });
                            let text = format!(r#"{{"bytes":{bytes}}}"#);
                            Ok::<_, std::convert::Infallible>(hyper::Response::new(Full::new(
                                Bytes::from(text),
                            )))
                        }
                    });
                    let _ = hyper::server::conn::http1::Builder::new()
                        .serve_connection(TokioIo::new(stream), service)
                        .await;
                });
            }
        });
        CountingBackend {
            addr,
            arrivals,
            task,
        }
    }

    /// The requests that have arrived (and ended, whole or not).
    pub fn arrivals(&self) -> Vec<Arrival> {
        self.arrivals.lock().unwrap().clone()
    }
}

/// A backend that speaks HTTP/1.0: it reads a request head, answers
/// `HTTP/1.0 200 OK` with `body` and no length, and closes the connection.
pub struct Http10Backend {
    pub addr: SocketAddr,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for Http10Backend {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl Http10Backend {
    pub async fn start(body: &'static str) -> Http10Backend {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let task = tokio::spawn(async move {
            loop {
                let Ok((mut stream, _)) = listener.accept().await else {
                    continue;
                };
                tokio::spawn(async move {
                    let mut buf = Vec::new();
                    let mut piece = [0u8; 1024];
                    while !buf.windows(4).any(|w| w == b"\r\n\r\n") {
                        match stream.read(&mut piece).await {
                            Ok(0) | Err(_) => return,
                            Ok(n) => buf.extend_from_slice(&piece[..n]),
                        }
                    }
                    let answer =
                        format!("HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\n{body}");
                    let _ = stream.write_all(answer.as_bytes()).await;
                    let _ = stream.shutdown().await;
                });
            }
        });
        Http10Backend { addr, task }
    }
}
