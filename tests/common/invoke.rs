//! For the Lambda route tests: a real Lambda Invoke API server on
//! 127.0.0.1 (hyper) that records every event it receives and answers each
//! function with what the test set, and a workspace built with apigw's own
//! commands, served by `apigw serve --lambda-endpoint-url` as a child
//! process.

#![allow(dead_code)] // each test crate uses a different part of this file

use crate::common::Reply;
use crate::serve::{Serve, apigw};
use bytes::Bytes;
use http::{Method, Request, Response, StatusCode};
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use serde_json::Value;
use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use tokio::net::TcpListener;

pub const ACCOUNT: &str = "123456789012";

/// A function's ARN in the workspace's region and account.
pub fn arn(name: &str) -> String {
    format!("arn:aws:lambda:us-east-2:{ACCOUNT}:function:{name}")
}

/// What the Invoke API answers for a function.
#[derive(Clone)]
pub enum Answer {
    /// 200 with this payload.
    Payload(String),
    /// 200 with `X-Amz-Function-Error: Unhandled` and this error document.
    Failed(String),
    /// This status and body (an error of the Invoke API itself).
    Status(u16, String),
}

/// One call the server took: the function name, the query (`Qualifier=`)
/// and the event.
#[derive(Clone, Debug)]
pub struct Call {
    pub function: String,
    pub query: Option<String>,
    pub event: Value,
}

#[derive(Default)]
struct State {
    answers: Mutex<HashMap<String, Answer>>,
    calls: Mutex<Vec<Call>>,
}

pub struct Lambda {
    pub addr: SocketAddr,
    state: Arc<State>,
    server: tokio::task::JoinHandle<()>,
}

impl Drop for Lambda {
    fn drop(&mut self) {
        self.server.abort();
    }
}

impl Lambda {
    pub async fn start() -> Lambda {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let state = Arc::new(State::default());
        let shared = state.clone();
        let server = tokio::spawn(async move {
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    continue;
                };
                let state = shared.clone();
                tokio::spawn(async move {
                    let service = service_fn(move |req| answer(state.clone(), req));
                    let _ = hyper::server::conn::http1::Builder::new()
                        .serve_connection(TokioIo::new(stream), service)
                        .await;
                });
            }
        });
        Lambda {
            addr,
            state,
            server,
        }
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Sets what `function` answers from now on.
    pub fn answer(&self, function: &str, a: Answer) {
        self.state
            .answers
            .lock()
            .unwrap()
            .insert(function.to_string(), a);
    }

    pub fn calls(&self, function: &str) -> Vec<Call> {
        self.state
            .calls
            .lock()
            .unwrap()
            .iter()
            .filter(|c| c.function == function)
            .cloned()
            .collect()
    }

    /// The event of `function`'s last call.
    pub fn last_event(&self, function: &str) -> Value {
        self.calls(function)
            .pop()
            .unwrap_or_else(|| panic!("{function} was not called"))
            .event
    }
}

async fn answer(
    state: Arc<State>,
    req: Request<Incoming>,
) -> Result<Response<Full<Bytes>>, std::convert::Infallible> {
    let path = req.uri().path().to_string();
    let query = req.uri().query().map(str::to_string);
    let method = req.method().clone();
    let body = req.into_body().collect().await.unwrap().to_bytes();
    let function = path
        .strip_prefix("/2015-03-31/functions/")
        .and_then(|p| p.strip_suffix("/invocations"))
        .map(str::to_string);
    let (Some(function), Method::POST) = (function, method) else {
        let mut r = Response::new(Full::new(Bytes::from_static(b"{\"Type\":\"User\"}")));
        *r.status_mut() = StatusCode::BAD_REQUEST;
        return Ok(r);
    };
    let event: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    state.calls.lock().unwrap().push(Call {
        function: function.clone(),
        query,
        event,
    });
    let a = state.answers.lock().unwrap().get(&function).cloned();
    let mut r = Response::new(Full::new(Bytes::new()));
    match a {
        Some(Answer::Payload(p)) => *r.body_mut() = Full::new(Bytes::from(p)),
        Some(Answer::Failed(p)) => {
            *r.body_mut() = Full::new(Bytes::from(p));
            r.headers_mut()
                .insert("x-amz-function-error", "Unhandled".parse().unwrap());
        }
        Some(Answer::Status(s, p)) => {
            *r.status_mut() = StatusCode::from_u16(s).unwrap();
            *r.body_mut() = Full::new(Bytes::from(p));
        }
        None => {
            *r.status_mut() = StatusCode::NOT_FOUND;
            *r.body_mut() = Full::new(Bytes::from(format!(
                "{{\"Type\":\"User\",\"message\":\"Function not found: {function}\"}}"
            )));
        }
    }
    Ok(r)
}

/// A workspace with one HTTP API, built with apigw's commands.
pub struct World {
    _dir: tempfile::TempDir,
    pub ws: PathBuf,
    pub api: String,
}

impl World {
    pub fn new() -> World {
        let dir = tempfile::tempdir().unwrap();
        let ws = dir.path().join("apigw.toml");
        let api = text_of(
            &ws,
            &[
                "create-api",
                "--name",
                "fns",
                "--protocol-type",
                "HTTP",
                "--query",
                "ApiId",
            ],
        );
        World { _dir: dir, ws, api }
    }

    /// `apigw ARGS… --api-id API`, which must succeed; its text output.
    pub fn cmd(&self, args: &[&str]) -> String {
        let mut all = args.to_vec();
        all.extend(["--api-id", &self.api]);
        text_of(&self.ws, &all)
    }

    /// An AWS_PROXY integration to `function` with payload `version`.
    pub fn integration(&self, function: &str, version: &str, extra: &[&str]) -> String {
        let uri = arn(function);
        let mut args = vec![
            "create-integration",
            "--integration-type",
            "AWS_PROXY",
            "--integration-uri",
            &uri,
            "--payload-format-version",
            version,
            "--query",
            "IntegrationId",
        ];
        args.extend(extra);
        self.cmd(&args)
    }

    pub fn route(&self, key: &str, integration: &str, extra: &[&str]) -> String {
        let target = format!("integrations/{integration}");
        let mut args = vec![
            "create-route",
            "--route-key",
            key,
            "--target",
            &target,
            "--query",
            "RouteId",
        ];
        args.extend(extra);
        self.cmd(&args)
    }

    pub fn stage(&self, name: &str, extra: &[&str]) {
        let mut args = vec!["create-stage", "--stage-name", name, "--auto-deploy"];
        args.extend(extra);
        self.cmd(&args);
    }

    /// `apigw serve` with the Invoke API server as its Lambda endpoint.
    pub fn serve(&self, lambda: &Lambda) -> Serve {
        self.serve_with(lambda, &[])
    }

    /// [`World::serve`] with more arguments.
    pub fn serve_with(&self, lambda: &Lambda, extra: &[&str]) -> Serve {
        let url = lambda.url();
        let mut args = vec!["--lambda-endpoint-url", &url];
        args.extend(extra);
        Serve::start(&self.ws, &args, None)
    }
}

fn text_of(ws: &std::path::Path, args: &[&str]) -> String {
    let mut all = args.to_vec();
    all.extend(["--output", "text"]);
    apigw(ws, &all)
}

/// Sends a request with a body; the reply.
pub async fn send(method: &str, url: &str, headers: &[(&str, &str)], body: &[u8]) -> Reply {
    let mut req = Request::builder()
        .method(Method::from_bytes(method.as_bytes()).unwrap())
        .uri(url);
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    let client = crate::common::client();
    let resp = client
        .request(req.body(Full::new(Bytes::copy_from_slice(body))).unwrap())
        .await
        .unwrap_or_else(|e| panic!("{method} {url}: {e}"));
    let status = resp.status().as_u16();
    let headers = resp.headers().clone();
    let body = resp.into_body().collect().await.unwrap().to_bytes();
    Reply {
        status,
        headers,
        body: String::from_utf8_lossy(&body).into_owned(),
    }
}

pub const INTERNAL: &str = r#"{"message":"Internal Server Error"}"#;
