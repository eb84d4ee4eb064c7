//! `apigw endpoint`: the workspace behind an AWS-compatible API, so that the
//! aws CLI, the SDKs and Terraform drive it unchanged. Each request becomes
//! the input object the CLI would build (`rest` for apigatewayv2's rest-json
//! protocol, `cloud_map` for the JSON protocol of servicediscovery and ACM), runs through
//! the same `service::invoke` (same checks, same workspace lock and atomic
//! replace) and goes back in the wire's shape (`shape`).

mod cloud_map;
mod rest;
mod shape;

use crate::error::{Error, Result, WireError};
use crate::ops::Paging;
use crate::service::spec::Member;
use http::{HeaderValue, Request, Response, StatusCode};
use http_body_util::{BodyExt, Full, Limited};
use hyper::body::{Bytes, Incoming};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use serde_json::{Map, Value, json};
use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

/// The largest request body accepted (the model's largest request, an
/// integration with templates, is far smaller).
pub const MAX_BODY: usize = 1 << 20;

/// How long a request's body may take to arrive (its head has 30 s).
const BODY_TIMEOUT: Duration = Duration::from_secs(30);

/// How long requests under way may finish after Ctrl-C.
const DRAIN_LIMIT: Duration = Duration::from_secs(5);

/// What `apigw endpoint` serves.
#[derive(Debug, Clone)]
pub struct EndpointOptions {
    pub workspace: PathBuf,
    /// `--region` (or the environment): the region of unsigned requests.
    pub region: Option<String>,
    pub listen: SocketAddr,
}

/// One operation call a request asks for.
pub struct Call {
    pub operation: &'static str,
    pub input: Map<String, Value>,
    pub paging: Paging,
    /// The status of a successful answer.
    pub status: u16,
    /// The answer's members, to shape it for the wire.
    pub output: &'static [Member],
}

/// A JSON body, with the depth bound every parameter parser has
/// (`input::document::MAX_DEPTH`).
fn parse_body(body: &[u8]) -> std::result::Result<Value, String> {
    let text =
        std::str::from_utf8(body).map_err(|e| format!("The request body is not UTF-8: {e}"))?;
    crate::input::document::parse_json(text)
        .map_err(|e| format!("The request body is not valid JSON: {e}"))
}

struct Shared {
    workspace: PathBuf,
    region: Option<String>,
}

/// The region of a SigV4 signature's credential scope:
/// `Credential=AKID/20260101/us-east-2/apigateway/aws4_request`.
fn signing_region(headers: &http::HeaderMap) -> Option<String> {
    let auth = headers.get(http::header::AUTHORIZATION)?.to_str().ok()?;
    let scope = auth.split("Credential=").nth(1)?;
    let scope = scope.split([',', ' ']).next()?;
    scope.split('/').nth(2).map(str::to_string)
}

fn respond(status: u16, body: Option<Value>, error_type: Option<&str>) -> Response<Full<Bytes>> {
    let bytes = body.map_or_else(Vec::new, |v| serde_json::to_vec(&v).unwrap_or_default());
    let mut resp = Response::new(Full::new(Bytes::from(bytes)));
    *resp.status_mut() = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let h = resp.headers_mut();
    h.insert(
        http::header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    if let Some(t) = error_type.and_then(|t| HeaderValue::from_str(t).ok()) {
        h.insert("x-amzn-errortype", t);
    }
    resp
}

/// An error as the protocol sends it: rest-json reads the type from the
/// header, the JSON protocol from `__type`; both get both.
fn error_response(e: &WireError, json_protocol: bool) -> Response<Full<Bytes>> {
    let body = if json_protocol {
        json!({"__type": e.kind, "message": e.message})
    } else {
        json!({"message": e.message})
    };
    respond(e.status, Some(body), Some(e.kind))
}

async fn handle(
    shared: Arc<Shared>,
    req: Request<Incoming>,
) -> std::result::Result<Response<Full<Bytes>>, std::convert::Infallible> {
    let (parts, body) = req.into_parts();
    let target = parts
        .headers
        .get("x-amz-target")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let json_protocol = target.is_some();
    let read = tokio::time::timeout(BODY_TIMEOUT, Limited::new(body, MAX_BODY).collect()).await;
    let body = match read {
        Err(_) => {
            let err = WireError::bad_request(format!(
                "The request body did not arrive within {} s",
                BODY_TIMEOUT.as_secs()
            ));
            return Ok(error_response(&err, json_protocol));
        }
        Ok(Ok(b)) => b.to_bytes(),
        Ok(Err(e)) => {
            let too_big = e
                .downcast_ref::<http_body_util::LengthLimitError>()
                .is_some();
            let err = if too_big {
                WireError::new(
                    413,
                    "BadRequestException",
                    format!("The request body is larger than {MAX_BODY} bytes"),
                )
            } else {
                WireError::bad_request(format!("The request body could not be read: {e}"))
            };
            return Ok(error_response(&err, json_protocol));
        }
    };
    let call = match &target {
        Some(t) => cloud_map::call(t, &body),
        None => rest::call(
            parts.method.as_str(),
            parts.uri.path(),
            parts.uri.query().unwrap_or_default(),
            &parts.headers,
            &body,
        ),
    };
    let call = match call {
        Ok(c) => c,
        Err(e) => return Ok(error_response(&e, json_protocol)),
    };
    let region = signing_region(&parts.headers).or_else(|| shared.region.clone());
    if let Some(r) = &region
        && !crate::rules::arn::is_region(r)
    {
        let e = WireError::bad_request(format!("The request's region {r:?} is not a region name"));
        return Ok(error_response(&e, json_protocol));
    }
    let workspace = shared.workspace.clone();
    let operation = call.operation;
    let input = call.input.clone();
    let paging = call.paging.clone();
    let done = tokio::task::spawn_blocking(move || {
        crate::service::invoke(&workspace, region.as_deref(), operation, input, &paging)
    })
    .await;
    let answer = match done {
        Ok(Ok(v)) => v,
        Ok(Err(e)) => return Ok(error_response(&e.wire(), json_protocol)),
        Err(e) => {
            let e = WireError::new(
                500,
                "InternalFailure",
                format!("the operation stopped: {e}"),
            );
            return Ok(error_response(&e, json_protocol));
        }
    };
    let payload = crate::service::wire::PAYLOADS
        .iter()
        .find(|(op, _)| *op == operation)
        .map(|(_, member)| *member);
    Ok(if json_protocol {
        respond(200, Some(cloud_map::answer(answer)), None)
    } else if let Some(member) = payload {
        // A blob payload (ExportApi's document) is the whole body, as is.
        let text = answer
            .as_ref()
            .and_then(|a| a.get(member))
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string();
        let mut resp = Response::new(Full::new(Bytes::from(text)));
        *resp.status_mut() =
            StatusCode::from_u16(call.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        resp.headers_mut().insert(
            http::header::CONTENT_TYPE,
            HeaderValue::from_static("application/octet-stream"),
        );
        resp
    } else {
        respond(call.status, rest::answer(&call, answer), None)
    })
}

/// Serves until SIGINT or SIGTERM, printing `listening on http://ADDR:PORT`
/// on stdout once the socket is bound.
pub fn run(opts: EndpointOptions) -> Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| Error::io("cannot start the endpoint's runtime", e))?;
    runtime.block_on(serve(opts))
}

async fn serve(opts: EndpointOptions) -> Result<()> {
    let listener = tokio::net::TcpListener::bind(opts.listen)
        .await
        .map_err(|e| Error::io(format!("cannot listen on {}", opts.listen), e))?;
    let addr = listener
        .local_addr()
        .map_err(|e| Error::io("cannot read the listening address", e))?;
    {
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "listening on http://{addr}");
        let _ = out.flush();
    }
    let shared = Arc::new(Shared {
        workspace: opts.workspace,
        region: opts.region,
    });
    let graceful = GracefulShutdown::new();
    let mut http = http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(Duration::from_secs(30));
    let stop = crate::gateway::shutdown_signal();
    tokio::pin!(stop);
    loop {
        tokio::select! {
            () = &mut stop => break,
            accepted = listener.accept() => {
                let Ok((stream, _)) = accepted else { continue };
                let _ = stream.set_nodelay(true);
                let shared = shared.clone();
                let service = service_fn(move |req| handle(shared.clone(), req));
                let conn = graceful.watch(http.serve_connection(TokioIo::new(stream), service));
                tokio::spawn(async move {
                    let _ = conn.await;
                });
            }
        }
    }
    drop(listener);
    let _ = tokio::time::timeout(DRAIN_LIMIT, graceful.shutdown()).await;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn region_from_the_signature() {
        let mut h = http::HeaderMap::new();
        h.insert(
            http::header::AUTHORIZATION,
            HeaderValue::from_static(
                "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-2/apigateway/aws4_request, \
                 SignedHeaders=host;x-amz-date, Signature=abc",
            ),
        );
        assert_eq!(signing_region(&h).as_deref(), Some("us-east-2"));
        assert_eq!(signing_region(&http::HeaderMap::new()), None);
    }
}
