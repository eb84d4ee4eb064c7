//! An [`Invoker`] for functions served elsewhere: the Lambda Invoke API
//! (`POST /2015-03-31/functions/NAME/invocations`) at a base URL such as a
//! Lambda Runtime Interface Emulator container or another emulator
//! (`apigw serve --lambda-endpoint-url`). The function's name goes in the
//! path, its version or alias as `?Qualifier=`; `X-Amz-Function-Error`
//! marks a failed function. Plain HTTP/1.1, with idle connections kept for
//! the next call (an emulator on this machine answers in well under a
//! millisecond, so a new connection per call would double the cost).

use super::invoke::{InvokeContext, InvokeError, InvokeFuture, Invoked, Invoker};
use bytes::Bytes;
use http::header::{self, HeaderValue};
use http::{Method, Request, StatusCode};
use http_body_util::{BodyExt, Full, Limited};
use hyper::client::conn::http1::SendRequest;
use hyper_util::rt::TokioIo;
use std::sync::Mutex;
use std::time::Instant;

/// The most a function's answer may hold (the Invoke API's own limit for
/// synchronous calls).
pub const MAX_PAYLOAD: usize = 6 * 1024 * 1024;
/// How many idle connections are kept.
const IDLE: usize = 16;

/// The Invoke API at one base URL.
pub struct RemoteInvoker {
    /// `host:port`, to connect to and to send as `Host`.
    authority: String,
    /// The base URL's path, without a trailing slash.
    prefix: String,
    idle: Mutex<Vec<SendRequest<Full<Bytes>>>>,
}

/// The function name and qualifier of an ARN
/// (`arn:aws:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER]`); anything
/// else is taken as a name.
pub fn name_and_qualifier(function: &str) -> (&str, Option<&str>) {
    let resource = match function.split_once(":function:") {
        Some((_, r)) => r,
        None => function,
    };
    match resource.split_once(':') {
        Some((name, q)) if !q.is_empty() => (name, Some(q)),
        Some((name, _)) => (name, None),
        None => (resource, None),
    }
}

impl RemoteInvoker {
    /// An invoker for `url` (`http://HOST:PORT[/PREFIX]`); `Err` says why
    /// the URL cannot be used.
    pub fn new(url: &str) -> Result<RemoteInvoker, String> {
        let rest = url.strip_prefix("http://").ok_or_else(|| {
            if url.starts_with("https://") {
                format!("--lambda-endpoint-url {url}: only http:// endpoints are supported (an emulator on this machine or network)")
            } else {
                format!("--lambda-endpoint-url {url}: give an http:// URL, such as http://127.0.0.1:9001")
            }
        })?;
        let (authority, path) = match rest.find('/') {
            Some(i) => (&rest[..i], &rest[i..]),
            None => (rest, ""),
        };
        let parsed = http::uri::Authority::try_from(authority).map_err(|_| {
            format!("--lambda-endpoint-url {url}: {authority:?} is not a host and port")
        })?;
        if parsed.host().is_empty() || path.contains(['?', '#']) {
            return Err(format!(
                "--lambda-endpoint-url {url}: give a host, a port and at most a path, such as http://127.0.0.1:9001"
            ));
        }
        let authority = match parsed.port_u16() {
            Some(_) => authority.to_string(),
            None => format!("{authority}:80"),
        };
        Ok(RemoteInvoker {
            authority,
            prefix: path.trim_end_matches('/').to_string(),
            idle: Mutex::new(Vec::new()),
        })
    }

    fn path(&self, function: &str) -> String {
        let (name, qualifier) = name_and_qualifier(function);
        let mut p = format!(
            "{}/2015-03-31/functions/{}/invocations",
            self.prefix,
            encode(name)
        );
        if let Some(q) = qualifier {
            p.push_str("?Qualifier=");
            p.push_str(&encode(q));
        }
        p
    }

    async fn connection(&self) -> Result<SendRequest<Full<Bytes>>, String> {
        loop {
            let idle = self.idle.lock().unwrap_or_else(|p| p.into_inner()).pop();
            match idle {
                Some(mut c) => {
                    if c.ready().await.is_ok() {
                        return Ok(c);
                    }
                }
                None => break,
            }
        }
        let stream = tokio::net::TcpStream::connect(&self.authority)
            .await
            .map_err(|e| {
                format!(
                    "cannot connect to the Lambda endpoint {}: {e}",
                    self.authority
                )
            })?;
        let _ = stream.set_nodelay(true);
        let (send, conn) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
            .await
            .map_err(|e| format!("the Lambda endpoint {}: {e}", self.authority))?;
        tokio::spawn(async move {
            let _ = conn.await;
        });
        Ok(send)
    }

    async fn call(&self, function: &str, event: Bytes) -> Result<Invoked, InvokeError> {
        let mut send = self.connection().await.map_err(InvokeError::Failed)?;
        let mut req = Request::new(Full::new(event));
        *req.method_mut() = Method::POST;
        *req.uri_mut() = self
            .path(function)
            .parse()
            .map_err(|e| InvokeError::Failed(format!("bad function name {function}: {e}")))?;
        let headers = req.headers_mut();
        if let Ok(h) = HeaderValue::from_str(&self.authority) {
            headers.insert(header::HOST, h);
        }
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        headers.insert(
            "x-amz-invocation-type",
            HeaderValue::from_static("RequestResponse"),
        );
        let response = send.send_request(req).await.map_err(|e| {
            InvokeError::Failed(format!("the Lambda endpoint {}: {e}", self.authority))
        })?;
        let (parts, body) = response.into_parts();
        let payload = Limited::new(body, MAX_PAYLOAD)
            .collect()
            .await
            .map_err(|e| {
                InvokeError::Failed(format!(
                    "cannot read the function's answer from {} (over {MAX_PAYLOAD} bytes?): {e}",
                    self.authority
                ))
            })?
            .to_bytes();
        // The connection is free again once the answer is read.
        if !send.is_closed() {
            let mut idle = self.idle.lock().unwrap_or_else(|p| p.into_inner());
            if idle.len() < IDLE {
                idle.push(send);
            }
        }
        let function_error = parts
            .headers
            .get("x-amz-function-error")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        match parts.status {
            s if s.is_success() => Ok(Invoked {
                payload,
                function_error,
            }),
            StatusCode::NOT_FOUND => Err(InvokeError::NotFound(format!(
                "{function} ({}: {})",
                self.authority,
                preview(&payload)
            ))),
            s => Err(InvokeError::Failed(format!(
                "the Lambda endpoint {} answered {s}: {}",
                self.authority,
                preview(&payload)
            ))),
        }
    }
}

/// The start of an answer, for a message.
fn preview(payload: &[u8]) -> String {
    String::from_utf8_lossy(&payload[..payload.len().min(200)]).into_owned()
}

/// Percent-encoding for a path segment or query value.
fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

impl Invoker for RemoteInvoker {
    fn invoke<'a>(
        &'a self,
        function: &'a str,
        event: Bytes,
        context: &'a InvokeContext,
    ) -> InvokeFuture<'a> {
        Box::pin(async move {
            let wait = context.deadline.saturating_duration_since(Instant::now());
            match tokio::time::timeout(wait, self.call(function, event)).await {
                Ok(r) => r,
                Err(_) => Err(InvokeError::Timeout(wait.as_millis() as u64)),
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_qualifiers() {
        assert_eq!(
            name_and_qualifier("arn:aws:lambda:us-east-2:123456789012:function:f"),
            ("f", None)
        );
        assert_eq!(
            name_and_qualifier("arn:aws:lambda:us-east-2:123456789012:function:f:live"),
            ("f", Some("live"))
        );
        let r = RemoteInvoker::new("http://127.0.0.1:9001/").unwrap();
        assert_eq!(
            r.path("arn:aws:lambda:us-east-2:123456789012:function:f:$LATEST"),
            "/2015-03-31/functions/f/invocations?Qualifier=%24LATEST"
        );
        assert!(RemoteInvoker::new("https://x").is_err());
        assert!(RemoteInvoker::new("ftp://x").is_err());
        assert_eq!(RemoteInvoker::new("http://h").unwrap().authority, "h:80");
    }
}
