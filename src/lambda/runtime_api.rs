//! The Lambda Runtime API (`/2018-06-01/runtime/…`) as one instance of a
//! function sees it: `invocation/next` hands out the next event (waiting
//! for one), `invocation/{id}/response` and `/error` answer it,
//! `init/error` says the function could not start. Each instance has a
//! listener of its own on 127.0.0.1 (its `AWS_LAMBDA_RUNTIME_API`), so an
//! answer can only ever reach the invocation its instance was given.
//!
//! The function's timeout runs from the moment `next` hands the event out
//! (the service does not count initialisation against it); when it passes,
//! the invocation fails and the instance is killed, as on the service.

use super::invoke::{InvokeError, Invoked};
use bytes::Bytes;
use http::{Method, Request, Response, StatusCode, header};
use http_body_util::{BodyExt, Full, Limited};
use hyper::body::Incoming;
use std::sync::Mutex;
use std::time::{Duration, Instant, SystemTime};
use tokio::sync::{mpsc, oneshot};

/// The most a function's answer may hold, as on the service (6 MB for a
/// synchronous invocation).
pub const MAX_RESPONSE: usize = 6 * 1024 * 1024;
/// The most an error document or init error may hold.
const MAX_ERROR: usize = 1024 * 1024;

/// One invocation waiting for, or given to, an instance.
pub struct Job {
    /// The Lambda request id (`Lambda-Runtime-Aws-Request-Id`).
    pub request_id: String,
    /// The gateway's request id, for the log lines of the function output.
    pub caller_id: String,
    pub event: Bytes,
    pub reply: oneshot::Sender<Result<Invoked, InvokeError>>,
}

/// Called with (request id, milliseconds) when an invocation ends.
pub type OnEnd = Box<dyn Fn(&str, f64) + Send + Sync>;

/// The invocation an instance is running.
struct Current {
    request_id: String,
    reply: oneshot::Sender<Result<Invoked, InvokeError>>,
    started: Instant,
}

/// What the instance's Runtime API and the host share.
pub struct Slot {
    pub function_arn: String,
    pub timeout: Duration,
    jobs: tokio::sync::Mutex<mpsc::Receiver<Job>>,
    current: Mutex<Option<Current>>,
    /// The gateway's request id of the running (or last) invocation, for
    /// log lines: the output of an invocation may be read after it ended,
    /// so the id stays until the next one starts.
    caller: Mutex<Option<String>>,
    /// Set when the instance must go: its timeout passed, or it failed to
    /// start. The host's supervisor kills the process.
    kill: Mutex<Option<oneshot::Sender<()>>>,
    /// Called with (request id, milliseconds) when an invocation ends, for
    /// the log group's END and REPORT lines.
    on_end: OnEnd,
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

impl Slot {
    pub fn new(
        function_arn: String,
        timeout: Duration,
        jobs: mpsc::Receiver<Job>,
        kill: oneshot::Sender<()>,
        on_end: OnEnd,
    ) -> Slot {
        Slot {
            function_arn,
            timeout,
            jobs: tokio::sync::Mutex::new(jobs),
            current: Mutex::new(None),
            caller: Mutex::new(None),
            kill: Mutex::new(Some(kill)),
            on_end,
        }
    }

    /// The gateway's request id of the invocation under way, if any.
    pub fn caller(&self) -> Option<String> {
        lock(&self.caller).clone()
    }

    /// Asks the supervisor to kill the process (once).
    pub fn kill(&self) {
        if let Some(k) = lock(&self.kill).take() {
            let _ = k.send(());
        }
    }

    /// Ends the invocation `request_id` with `result`, if it is the one
    /// under way. Returns whether it was.
    fn finish(&self, request_id: &str, result: Result<Invoked, InvokeError>) -> bool {
        let current = {
            let mut c = lock(&self.current);
            match c.as_ref() {
                Some(cur) if cur.request_id == request_id => c.take(),
                _ => None,
            }
        };
        match current {
            Some(cur) => {
                (self.on_end)(
                    &cur.request_id,
                    cur.started.elapsed().as_secs_f64() * 1000.0,
                );
                let _ = cur.reply.send(result);
                true
            }
            None => false,
        }
    }

    /// The process has ended (or is being killed): every invocation it holds
    /// or has queued ends with `why`, or with `init_error` (the function's
    /// own error document) when it failed to start.
    pub fn fail_all(&self, why: &str, init_error: Option<Bytes>) {
        let answer = || match &init_error {
            Some(doc) => Ok(Invoked {
                payload: doc.clone(),
                function_error: Some("Unhandled".into()),
            }),
            None => Err(InvokeError::Failed(why.to_string())),
        };
        if let Some(cur) = lock(&self.current).take() {
            (self.on_end)(
                &cur.request_id,
                cur.started.elapsed().as_secs_f64() * 1000.0,
            );
            let _ = cur.reply.send(answer());
        }
        if let Ok(mut jobs) = self.jobs.try_lock() {
            jobs.close();
            while let Ok(job) = jobs.try_recv() {
                let _ = job.reply.send(answer());
            }
        }
    }
}

type Body = Full<Bytes>;

fn json(status: StatusCode, body: &str) -> Response<Body> {
    let mut r = Response::new(Full::new(Bytes::from(body.to_string())));
    *r.status_mut() = status;
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        header::HeaderValue::from_static("application/json"),
    );
    r
}

fn accepted() -> Response<Body> {
    json(StatusCode::ACCEPTED, r#"{"status":"OK"}"#)
}

fn error(status: StatusCode, kind: &str, message: &str) -> Response<Body> {
    let body = serde_json::json!({ "errorMessage": message, "errorType": kind }).to_string();
    json(status, &body)
}

fn epoch_ms(at: SystemTime) -> u128 {
    at.duration_since(SystemTime::UNIX_EPOCH)
        .map(|d| d.as_millis())
        .unwrap_or(0)
}

/// An X-Ray trace header of the kind the service passes, unsampled.
fn trace_id() -> String {
    let secs = epoch_ms(SystemTime::now()) / 1000;
    let hex = super::random_hex;
    format!("Root=1-{secs:08x}-{};Parent={};Sampled=0", hex(24), hex(16))
}

/// Reads a body of at most `limit` bytes; `Err(n)` when it holds more.
async fn read_body(body: Incoming, limit: usize) -> Result<Bytes, Option<usize>> {
    match Limited::new(body, limit).collect().await {
        Ok(b) => Ok(b.to_bytes()),
        Err(e) if e.is::<http_body_util::LengthLimitError>() => Err(Some(limit)),
        Err(_) => Err(None),
    }
}

/// Serves one request of the instance's runtime.
pub async fn handle(slot: std::sync::Arc<Slot>, req: Request<Incoming>) -> Response<Body> {
    let path = req.uri().path().to_string();
    let Some(rest) = path.strip_prefix("/2018-06-01/runtime/") else {
        return error(
            StatusCode::NOT_FOUND,
            "NotFound",
            "unknown Runtime API path",
        );
    };
    match (req.method(), rest) {
        (&Method::GET, "invocation/next") => next(slot).await,
        (&Method::POST, "init/error") => {
            let doc = read_body(req.into_body(), MAX_ERROR)
                .await
                .unwrap_or_else(|_| Bytes::from_static(b"{}"));
            slot.fail_all("the function failed to start", Some(doc));
            slot.kill();
            accepted()
        }
        (&Method::POST, rest) => {
            let Some(rest) = rest.strip_prefix("invocation/") else {
                return error(
                    StatusCode::NOT_FOUND,
                    "NotFound",
                    "unknown Runtime API path",
                );
            };
            let Some((id, what)) = rest.split_once('/') else {
                return error(
                    StatusCode::NOT_FOUND,
                    "NotFound",
                    "unknown Runtime API path",
                );
            };
            let (id, what) = (id.to_string(), what.to_string());
            match what.as_str() {
                "response" => match read_body(req.into_body(), MAX_RESPONSE).await {
                    Ok(payload) => answer(&slot, &id, payload, None),
                    Err(Some(_)) => {
                        let doc = serde_json::json!({
                            "errorMessage": format!("Response payload size exceeded maximum allowed payload size ({MAX_RESPONSE} bytes)."),
                            "errorType": "Function.ResponseSizeTooLarge",
                        });
                        answer(&slot, &id, Bytes::from(doc.to_string()), Some("Unhandled"));
                        error(
                            StatusCode::PAYLOAD_TOO_LARGE,
                            "RequestEntityTooLarge",
                            "Response payload size exceeded maximum allowed payload size",
                        )
                    }
                    Err(None) => error(StatusCode::BAD_REQUEST, "InvalidRequest", "body not read"),
                },
                "error" => {
                    let doc = read_body(req.into_body(), MAX_ERROR)
                        .await
                        .unwrap_or_else(|_| Bytes::from_static(b"{}"));
                    answer(&slot, &id, doc, Some("Unhandled"))
                }
                _ => error(
                    StatusCode::NOT_FOUND,
                    "NotFound",
                    "unknown Runtime API path",
                ),
            }
        }
        _ => error(
            StatusCode::METHOD_NOT_ALLOWED,
            "MethodNotAllowed",
            "method not allowed",
        ),
    }
}

fn answer(slot: &Slot, id: &str, payload: Bytes, function_error: Option<&str>) -> Response<Body> {
    let done = slot.finish(
        id,
        Ok(Invoked {
            payload,
            function_error: function_error.map(str::to_string),
        }),
    );
    if done {
        accepted()
    } else {
        error(
            StatusCode::BAD_REQUEST,
            "InvalidRequestID",
            "Invalid request ID",
        )
    }
}

/// `invocation/next`: waits for an event, makes it the one under way and
/// starts its timeout.
async fn next(slot: std::sync::Arc<Slot>) -> Response<Body> {
    let job = {
        let mut jobs = slot.jobs.lock().await;
        jobs.recv().await
    };
    let Some(job) = job else {
        return error(
            StatusCode::GONE,
            "InstanceStopped",
            "this instance is stopping",
        );
    };
    let deadline = SystemTime::now() + slot.timeout;
    {
        let mut current = lock(&slot.current);
        *current = Some(Current {
            request_id: job.request_id.clone(),
            reply: job.reply,
            started: Instant::now(),
        });
        *lock(&slot.caller) = Some(job.caller_id);
    }
    let timer = {
        let slot = slot.clone();
        let id = job.request_id.clone();
        let ms = slot.timeout.as_millis() as u64;
        async move {
            tokio::time::sleep(slot.timeout).await;
            if slot.finish(&id, Err(InvokeError::Timeout(ms))) {
                slot.kill();
            }
        }
    };
    tokio::spawn(timer);
    let mut r = Response::new(Full::new(job.event));
    let h = r.headers_mut();
    let value = |s: &str| header::HeaderValue::from_str(s).ok();
    h.insert(
        header::CONTENT_TYPE,
        header::HeaderValue::from_static("application/json"),
    );
    if let Some(v) = value(&job.request_id) {
        h.insert("lambda-runtime-aws-request-id", v);
    }
    if let Some(v) = value(&epoch_ms(deadline).to_string()) {
        h.insert("lambda-runtime-deadline-ms", v);
    }
    if let Some(v) = value(&slot.function_arn) {
        h.insert("lambda-runtime-invoked-function-arn", v);
    }
    if let Some(v) = value(&trace_id()) {
        h.insert("lambda-runtime-trace-id", v);
    }
    r
}
