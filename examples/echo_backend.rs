//! The walkthrough's backend (examples/walkthrough.sh): answers every request
//! with one line of JSON saying which backend it is and what it received
//! (method, path with query, `x-forwarded-for`), so the walkthrough needs no
//! interpreter beside the Rust toolchain.
//! Usage: `echo_backend NAME [ADDR]` (default 127.0.0.1:0, a free port; the
//! address is printed as `NAME listening on ADDR`).

use bytes::Bytes;
use http_body_util::Full;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use std::convert::Infallible;
use std::sync::Arc;

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let name: Arc<str> = args.next().unwrap_or_else(|| "echo".into()).into();
    let addr = args.next().unwrap_or_else(|| "127.0.0.1:0".into());
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(&addr).await?;
        println!("{name} listening on {}", listener.local_addr()?);
        loop {
            let (stream, _) = listener.accept().await?;
            let name = name.clone();
            tokio::spawn(async move {
                let service = service_fn(move |req: hyper::Request<hyper::body::Incoming>| {
                    let forwarded = req
                        .headers()
                        .get("x-forwarded-for")
                        .and_then(|v| v.to_str().ok());
                    let path = req.uri().path_and_query().map_or("/", |p| p.as_str());
                    let mut body = serde_json::json!({
                        "backend": &*name,
                        "method": req.method().as_str(),
                        "path": path,
                        "x-forwarded-for": forwarded,
                    })
                    .to_string();
                    body.push('\n');
                    let mut resp = hyper::Response::new(Full::new(Bytes::from(body)));
                    resp.headers_mut().insert(
                        hyper::header::CONTENT_TYPE,
                        hyper::header::HeaderValue::from_static("application/json"),
                    );
                    async move { Ok::<_, Infallible>(resp) }
                });
                let _ = hyper::server::conn::http1::Builder::new()
                    .serve_connection(TokioIo::new(stream), service)
                    .await;
            });
        }
    })
}
