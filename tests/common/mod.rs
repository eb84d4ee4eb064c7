//! Helpers for the gateway tests: echo backends (plain or TLS) as real
//! hyper servers on 127.0.0.1, a plain HTTP client, certificates made with
//! rcgen, workspaces built with the real operations, and a poll loop for
//! waiting on a condition with a bound instead of sleeping.
#![allow(dead_code)]

pub mod aws;
pub mod terraform;

use apigw::gateway::{Gateway, Handle, LogFormat, ServeOptions};
use apigw::model::{
    CreateApiRequest, CreateIntegrationRequest, CreateRouteRequest, CreateStageRequest,
    CreateVpcLinkRequest,
};
use apigw::ops;
use apigw::workspace::{self, Workspace};
use bytes::Bytes;
use http::{HeaderMap, Method, Request, StatusCode};
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::service::service_fn;
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::{TokioExecutor, TokioIo};
use std::collections::BTreeMap;
use std::future::Future;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};
use tokio::net::TcpListener;
use tokio::sync::Notify;
use tokio::task::JoinSet;

pub const LISTENER_ARN: &str = "arn:aws:elasticloadbalancing:us-east-2:123456789012:listener/app/my-load-balancer/50dc6c495c0c9188/0467ef3c8400ae65";
pub const CLOUD_MAP_URI: &str = "arn:aws:servicediscovery:us-east-2:123456789012:service/srv-id?stage=prod&deployment=green_deployment";

// ------------------------------------------------------------ backends

/// An echo backend: answers every request with what it received, as JSON
/// (`backend`, `method`, `path`, `query`, `headers`, `sni`, `body`).
/// Request headers steer it: `x-test-delay-ms` waits first,
/// `x-test-status` sets the status, `x-test-respond-header: name:value`
/// adds a header. `GET /healthz` answers `health` (200 until changed) and
/// is not counted. `POST /stream` answers at once with a body that reads
/// the request body as it comes and sends back each chunk, and a last
/// chunk `gap=N` after `x-test-gap-ms` of silence (a streaming echo).
pub struct Backend {
    pub name: String,
    pub addr: SocketAddr,
    /// The status `/healthz` answers.
    pub health: Arc<std::sync::atomic::AtomicU16>,
    hits: Arc<AtomicUsize>,
    /// Notified each time a request arrives.
    pub arrived: Arc<Notify>,
    server: Option<tokio::task::JoinHandle<()>>,
}

impl Backend {
    pub async fn start(name: &str) -> Backend {
        Backend::start_at(name, "127.0.0.1:0".parse().unwrap(), None).await
    }

    pub async fn start_tls(name: &str, tls: Arc<rustls::ServerConfig>) -> Backend {
        Backend::start_at(name, "127.0.0.1:0".parse().unwrap(), Some(tls)).await
    }

    /// Starts on `addr` (port 0 for any), with TLS when `tls` is given.
    pub async fn start_at(
        name: &str,
        addr: SocketAddr,
        tls: Option<Arc<rustls::ServerConfig>>,
    ) -> Backend {
        let listener = TcpListener::bind(addr).await.expect("backend binds");
        let addr = listener.local_addr().unwrap();
        let health = Arc::new(std::sync::atomic::AtomicU16::new(200));
        let hits = Arc::new(AtomicUsize::new(0));
        let arrived = Arc::new(Notify::new());
        let server = {
            let name = name.to_string();
            let health = health.clone();
            let hits = hits.clone();
            let arrived = arrived.clone();
            tokio::spawn(async move {
                let mut connections = JoinSet::new();
                loop {
                    let Ok((stream, _)) = listener.accept().await else {
                        continue;
                    };
                    let name = name.clone();
                    let state = Echo {
                        health: health.clone(),
                        hits: hits.clone(),
                        arrived: arrived.clone(),
                    };
                    let tls = tls.clone();
                    connections.spawn(async move {
                        match tls {
                            None => serve_echo(TokioIo::new(stream), name, None, state).await,
                            Some(cfg) => {
                                let acceptor = tokio_rustls::TlsAcceptor::from(cfg);
                                let Ok(tls) = acceptor.accept(stream).await else {
                                    return;
                                };
                                let sni = tls.get_ref().1.server_name().map(str::to_string);
                                serve_echo(TokioIo::new(tls), name, sni, state).await
                            }
                        }
                    });
                }
            })
        };
        Backend {
            name: name.to_string(),
            addr,
            health,
            hits,
            arrived,
            server: Some(server),
        }
    }

    pub fn hits(&self) -> usize {
        self.hits.load(Ordering::SeqCst)
    }

    /// Stops listening and drops every connection, like a process dying.
    pub fn kill(&mut self) {
        if let Some(s) = self.server.take() {
            s.abort();
        }
    }
}

impl Drop for Backend {
    fn drop(&mut self) {
        self.kill();
    }
}

#[derive(Clone)]
struct Echo {
    health: Arc<std::sync::atomic::AtomicU16>,
    hits: Arc<AtomicUsize>,
    arrived: Arc<Notify>,
}

type EchoBody = http_body_util::Either<Full<Bytes>, streaming::Chunks>;

async fn serve_echo<I>(io: I, name: String, sni: Option<String>, state: Echo)
where
    I: hyper::rt::Read + hyper::rt::Write + Unpin + Send + 'static,
{
    let service = service_fn(move |req: Request<Incoming>| {
        let name = name.clone();
        let sni = sni.clone();
        let state = state.clone();
        async move {
            if req.uri().path() == "/healthz" {
                let mut resp =
                    hyper::Response::new(EchoBody::Left(Full::new(Bytes::from_static(b"ok"))));
                *resp.status_mut() =
                    StatusCode::from_u16(state.health.load(Ordering::SeqCst)).unwrap();
                return Ok::<_, std::convert::Infallible>(resp);
            }
            state.hits.fetch_add(1, Ordering::SeqCst);
            state.arrived.notify_one();
            if req.uri().path() == "/stream" {
                let gap = req
                    .headers()
                    .get("x-test-gap-ms")
                    .and_then(|v| v.to_str().ok())
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(0u64);
                let body = streaming::echo(req.into_body(), Duration::from_millis(gap));
                return Ok(hyper::Response::new(EchoBody::Right(body)));
            }
            let header = |n: &str| {
                req.headers()
                    .get(n)
                    .and_then(|v| v.to_str().ok())
                    .map(str::to_string)
            };
            if let Some(ms) = header("x-test-delay-ms").and_then(|v| v.parse().ok()) {
                tokio::time::sleep(Duration::from_millis(ms)).await;
            }
            let status = header("x-test-status")
                .and_then(|v| v.parse().ok())
                .unwrap_or(200u16);
            let extra = header("x-test-respond-header");
            let mut headers = BTreeMap::<String, String>::new();
            for (k, v) in req.headers() {
                let v = v.to_str().unwrap_or("?").to_string();
                headers
                    .entry(k.as_str().to_string())
                    .and_modify(|old| {
                        old.push_str(", ");
                        old.push_str(&v);
                    })
                    .or_insert(v);
            }
            let echo = serde_json::json!({
                "backend": name,
                "method": req.method().as_str(),
                "path": req.uri().path(),
                "query": req.uri().query(),
                "headers": headers,
                "sni": sni,
            });
            let body = req
                .into_body()
                .collect()
                .await
                .map(|b| b.to_bytes())
                .unwrap_or_default();
            let mut echo = echo;
            echo["body"] = String::from_utf8_lossy(&body).into_owned().into();
            let mut resp =
                hyper::Response::new(EchoBody::Left(Full::new(Bytes::from(echo.to_string()))));
            *resp.status_mut() = StatusCode::from_u16(status).unwrap();
            let h = resp.headers_mut();
            h.insert("content-type", "application/json".parse().unwrap());
            h.insert("x-backend", name.parse().unwrap());
            h.insert("keep-alive", "timeout=5".parse().unwrap());
            h.insert("x-hop-resp", "yes".parse().unwrap());
            h.insert("connection", "x-hop-resp".parse().unwrap());
            if let Some((k, v)) = extra.as_deref().and_then(|e| e.split_once(':')) {
                h.insert(
                    http::HeaderName::from_bytes(k.as_bytes()).unwrap(),
                    v.parse().unwrap(),
                );
            }
            Ok(resp)
        }
    });
    let _ = hyper::server::conn::http1::Builder::new()
        .serve_connection(io, service)
        .await;
}

/// A body made of chunks sent from a task: the streaming echo.
pub mod streaming {
    use bytes::Bytes;
    use http_body_util::BodyExt;
    use hyper::body::{Body, Frame, Incoming};
    use std::pin::Pin;
    use std::task::{Context, Poll};
    use std::time::{Duration, Instant};
    use tokio::sync::mpsc;

    pub struct Chunks(mpsc::UnboundedReceiver<Bytes>);

    /// A body the test writes to as it goes; it ends when `tx` is dropped.
    pub fn channel() -> (mpsc::UnboundedSender<Bytes>, Chunks) {
        let (tx, rx) = mpsc::unbounded_channel();
        (tx, Chunks(rx))
    }

    impl Body for Chunks {
        type Data = Bytes;
        type Error = std::convert::Infallible;
        fn poll_frame(
            mut self: Pin<&mut Self>,
            cx: &mut Context<'_>,
        ) -> Poll<Option<Result<Frame<Bytes>, Self::Error>>> {
            self.0.poll_recv(cx).map(|c| c.map(|b| Ok(Frame::data(b))))
        }
    }

    /// Sends `start`, then each chunk of `body` as it arrives, then how
    /// long it waited after the request body ended: `gap=MILLISECONDS`.
    pub fn echo(mut body: Incoming, gap: Duration) -> Chunks {
        let (tx, rx) = mpsc::unbounded_channel();
        tokio::spawn(async move {
            tx.send(Bytes::from_static(b"start\n")).ok();
            while let Some(Ok(frame)) = body.frame().await {
                if let Ok(data) = frame.into_data() {
                    tx.send(data).ok();
                }
            }
            let waited = Instant::now();
            tokio::time::sleep(gap).await;
            tx.send(Bytes::from(format!(
                "gap={}\n",
                waited.elapsed().as_millis()
            )))
            .ok();
        });
        Chunks(rx)
    }
}

// ------------------------------------------------------------ TLS

/// A private CA and a server certificate it signed for `name`.
pub struct TestPki {
    pub ca_pem: String,
    pub server: Arc<rustls::ServerConfig>,
}

pub fn pki(name: &str) -> TestPki {
    use rcgen::{BasicConstraints, CertificateParams, DnType, IsCa, Issuer, KeyPair};
    let ca_key = KeyPair::generate().unwrap();
    let mut ca_params = CertificateParams::new(Vec::<String>::new()).unwrap();
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    ca_params
        .distinguished_name
        .push(DnType::CommonName, "apigw test CA");
    let ca_cert = ca_params.self_signed(&ca_key).unwrap();
    let issuer = Issuer::from_params(&ca_params, &ca_key);
    let leaf_key = KeyPair::generate().unwrap();
    let leaf = CertificateParams::new(vec![name.to_string()])
        .unwrap()
        .signed_by(&leaf_key, &issuer)
        .unwrap();
    let key = rustls::pki_types::PrivateKeyDer::try_from(leaf_key.serialize_der()).unwrap();
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let server = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(vec![leaf.der().clone()], key)
        .unwrap();
    TestPki {
        ca_pem: ca_cert.pem(),
        server: Arc::new(server),
    }
}

// ------------------------------------------------------------ client

pub struct Reply {
    pub status: u16,
    pub headers: HeaderMap,
    pub body: String,
}

impl Reply {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    /// The echo's `headers.NAME`.
    pub fn seen_header(&self, name: &str) -> Option<String> {
        self.json()["headers"][name].as_str().map(str::to_string)
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

pub type TestClient = Client<HttpConnector, Full<Bytes>>;

pub fn client() -> TestClient {
    Client::builder(TokioExecutor::new()).build_http()
}

pub async fn call(client: &TestClient, method: &str, url: &str, headers: &[(&str, &str)]) -> Reply {
    let mut req = Request::builder()
        .method(Method::from_bytes(method.as_bytes()).unwrap())
        .uri(url);
    for (k, v) in headers {
        req = req.header(*k, *v);
    }
    let resp = client
        .request(req.body(Full::new(Bytes::new())).unwrap())
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

pub async fn get(url: &str) -> Reply {
    call(&client(), "GET", url, &[]).await
}

/// Polls `check` every 50 ms until it holds, for at most `limit`.
pub async fn eventually<F, Fut>(what: &str, limit: Duration, mut check: F)
where
    F: FnMut() -> Fut,
    Fut: Future<Output = bool>,
{
    let start = Instant::now();
    loop {
        if check().await {
            return;
        }
        assert!(
            start.elapsed() < limit,
            "timed out after {limit:?} waiting for {what}"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

// ------------------------------------------------------------ workspaces

/// A throw-away workspace with one HTTP API and one VPC link, changed with
/// the real operations.
pub struct Setup {
    pub dir: tempfile::TempDir,
    pub path: PathBuf,
    pub api_id: String,
    pub vpc_link_id: String,
    pub ca_bundle: Option<PathBuf>,
}

fn api<T>(r: Result<T, apigw::error::ApiError>) -> apigw::error::Result<T> {
    r.map_err(|source| apigw::error::Error::Api {
        operation: "test",
        source,
    })
}

impl Setup {
    pub fn new() -> Setup {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("apigw.toml");
        let (api_id, vpc_link_id) = workspace::update(&path, |ws| {
            let a = api(ops::create_api(
                ws,
                CreateApiRequest {
                    name: "pets".into(),
                    protocol_type: "HTTP".into(),
                    ..Default::default()
                },
            ))?;
            let l = api(ops::create_vpc_link(
                ws,
                CreateVpcLinkRequest {
                    name: "link".into(),
                    subnet_ids: vec!["subnet-0123456789abcdef0".into()],
                    ..Default::default()
                },
            ))?;
            Ok((a.api_id, l.vpc_link_id))
        })
        .unwrap();
        Setup {
            dir,
            path,
            api_id,
            vpc_link_id,
            ca_bundle: None,
        }
    }

    pub fn change<T>(
        &self,
        f: impl FnOnce(&mut Workspace) -> Result<T, apigw::error::ApiError>,
    ) -> T {
        workspace::update(&self.path, |ws| api(f(ws))).unwrap()
    }

    /// An HTTP_PROXY integration over the VPC link, as the seed creates it.
    pub fn private_integration(
        &self,
        uri: &str,
        tune: impl FnOnce(&mut CreateIntegrationRequest),
    ) -> String {
        let mut req = CreateIntegrationRequest {
            api_id: self.api_id.clone(),
            integration_type: "HTTP_PROXY".into(),
            integration_method: Some("GET".into()),
            connection_type: Some("VPC_LINK".into()),
            connection_id: Some(self.vpc_link_id.clone()),
            integration_uri: Some(uri.into()),
            payload_format_version: Some("1.0".into()),
            ..Default::default()
        };
        tune(&mut req);
        self.change(|ws| ops::create_integration(ws, req))
            .integration_id
    }

    pub fn url_integration(
        &self,
        url: &str,
        tune: impl FnOnce(&mut CreateIntegrationRequest),
    ) -> String {
        let mut req = CreateIntegrationRequest {
            api_id: self.api_id.clone(),
            integration_type: "HTTP_PROXY".into(),
            integration_method: Some("ANY".into()),
            integration_uri: Some(url.into()),
            payload_format_version: Some("1.0".into()),
            ..Default::default()
        };
        tune(&mut req);
        self.change(|ws| ops::create_integration(ws, req))
            .integration_id
    }

    pub fn route(&self, key: &str, integration_id: &str) -> String {
        self.change(|ws| {
            ops::create_route(
                ws,
                CreateRouteRequest {
                    api_id: self.api_id.clone(),
                    route_key: key.into(),
                    target: Some(format!("integrations/{integration_id}")),
                    ..Default::default()
                },
            )
        })
        .route_id
    }

    pub fn stage(&self, name: &str, variables: &[(&str, &str)]) {
        let vars = variables
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        self.change(|ws| {
            ops::create_stage(
                ws,
                CreateStageRequest {
                    api_id: self.api_id.clone(),
                    stage_name: name.into(),
                    auto_deploy: Some(true),
                    stage_variables: Some(vars),
                    ..Default::default()
                },
            )
        });
    }

    /// Another HTTP API of the same workspace, whose route `ANY /{proxy+}`
    /// goes to `url` (an INTERNET integration) on an auto-deploy stage
    /// `stage`; returns its id.
    pub fn add_api(&self, name: &str, url: &str, stage: &str) -> String {
        self.change(|ws| {
            let api = ops::create_api(
                ws,
                CreateApiRequest {
                    name: name.into(),
                    protocol_type: "HTTP".into(),
                    ..Default::default()
                },
            )?;
            let integration = ops::create_integration(
                ws,
                CreateIntegrationRequest {
                    api_id: api.api_id.clone(),
                    integration_type: "HTTP_PROXY".into(),
                    integration_method: Some("ANY".into()),
                    integration_uri: Some(url.into()),
                    payload_format_version: Some("1.0".into()),
                    ..Default::default()
                },
            )?;
            ops::create_route(
                ws,
                CreateRouteRequest {
                    api_id: api.api_id.clone(),
                    route_key: "ANY /{proxy+}".into(),
                    target: Some(format!("integrations/{}", integration.integration_id)),
                    ..Default::default()
                },
            )?;
            ops::create_stage(
                ws,
                CreateStageRequest {
                    api_id: api.api_id.clone(),
                    stage_name: stage.into(),
                    auto_deploy: Some(true),
                    ..Default::default()
                },
            )?;
            Ok(api.api_id)
        })
    }

    pub fn register_targets(&self, addrs: &[SocketAddr]) {
        self.change(|ws| {
            ops::register_targets(
                ws,
                ops::RegisterTargetsRequest {
                    listener_arn: LISTENER_ARN.into(),
                    targets: addrs
                        .iter()
                        .map(|a| ops::TargetDescription {
                            id: a.ip().to_string(),
                            port: Some(i64::from(a.port())),
                        })
                        .collect(),
                },
            )
        });
    }

    pub fn register_instance(&self, id: &str, addr: SocketAddr, attrs: &[(&str, &str)]) {
        let mut attributes: BTreeMap<String, String> = attrs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        attributes.insert("AWS_INSTANCE_IPV4".into(), addr.ip().to_string());
        attributes.insert("AWS_INSTANCE_PORT".into(), addr.port().to_string());
        self.change(|ws| {
            ops::register_instance(
                ws,
                ops::RegisterInstanceRequest {
                    service_id: "srv-id".into(),
                    instance_id: id.into(),
                    creator_request_id: None,
                    attributes,
                },
            )
        });
    }

    pub fn trust(&mut self, ca_pem: &str) {
        let path = self.dir.path().join("ca.pem");
        std::fs::write(&path, ca_pem).unwrap();
        self.ca_bundle = Some(path);
    }

    pub fn options(&self) -> ServeOptions {
        ServeOptions {
            workspace: self.path.clone(),
            region: None,
            api_id: None,
            listen: "127.0.0.1:0".parse().unwrap(),
            tls_listen: None,
            ca_bundle: self.ca_bundle.clone(),
            log_format: LogFormat::Text,
        }
    }

    /// Starts the gateway; it stops when the handle is dropped.
    pub fn serve(&self) -> Running {
        let (addr, handle) = Gateway::start(self.options()).expect("gateway starts");
        Running {
            addr,
            handle: Some(handle),
        }
    }
}

pub struct Running {
    pub addr: SocketAddr,
    pub handle: Option<Handle>,
}

impl Running {
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }
}
