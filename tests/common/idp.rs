//! A real identity provider for the JWT tests: an in-process hyper server on
//! 127.0.0.1, port 0, over HTTP or HTTPS, serving a discovery document and a
//! JWKS of keys made in the test, plus helpers to sign tokens with them.
//! Dropping a server stops it and every connection it holds.

#![allow(dead_code)] // each test crate uses a different part of this file

use base64::Engine;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use hyper::body::{Body, Bytes, Frame, Incoming, SizeHint};
use hyper::service::service_fn;
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use ring::rand::SystemRandom;
use ring::signature::{
    ECDSA_P256_SHA256_FIXED_SIGNING, ECDSA_P384_SHA384_FIXED_SIGNING, EcdsaKeyPair, KeyPair,
    RsaKeyPair,
};
use serde_json::{Value, json};
use std::collections::{HashMap, VecDeque};
use std::convert::Infallible;
use std::pin::Pin;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::{SystemTime, UNIX_EPOCH};
use tokio::net::TcpListener;
use tokio::task::{JoinHandle, JoinSet};

/// How the server answers one request.
#[derive(Clone, Debug)]
pub enum Reply {
    /// 200 with a JSON body and a Content-Length.
    Json(String),
    /// 200 with a JSON body sent chunked, without a Content-Length.
    Chunked(String),
    /// This status and an empty body.
    Status(u16),
    /// Never answer.
    Hang,
    /// 200 with this JSON body, only after this long.
    Slow(std::time::Duration, String),
}

/// Decides the reply from the server's base URL and the request path.
pub type Handler = Arc<dyn Fn(&str, &str) -> Reply + Send + Sync>;

/// A body that is either sent with its length or chunked.
struct TestBody {
    chunks: VecDeque<Bytes>,
    length: Option<u64>,
}

impl TestBody {
    fn sized(text: String) -> Self {
        TestBody {
            length: Some(text.len() as u64),
            chunks: VecDeque::from([Bytes::from(text)]),
        }
    }

    fn chunked(text: String) -> Self {
        let bytes = Bytes::from(text);
        let chunks = (0..bytes.len())
            .step_by(1024)
            .map(|i| bytes.slice(i..(i + 1024).min(bytes.len())))
            .collect();
        TestBody {
            chunks,
            length: None,
        }
    }
}

impl Body for TestBody {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        _: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        Poll::Ready(self.chunks.pop_front().map(|c| Ok(Frame::data(c))))
    }

    fn size_hint(&self) -> SizeHint {
        self.length.map(SizeHint::with_exact).unwrap_or_default()
    }
}

/// A running server. `url` is its base URL, `http://127.0.0.1:PORT` or
/// `https://127.0.0.1:PORT`.
pub struct Server {
    pub url: String,
    hits: Arc<Mutex<HashMap<String, usize>>>,
    task: JoinHandle<()>,
}

impl Drop for Server {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl Server {
    pub async fn start(handler: Handler) -> Server {
        Self::start_with(handler, None).await
    }

    pub async fn start_tls(handler: Handler, tls: Arc<rustls::ServerConfig>) -> Server {
        Self::start_with(handler, Some(tokio_rustls::TlsAcceptor::from(tls))).await
    }

    async fn start_with(handler: Handler, tls: Option<tokio_rustls::TlsAcceptor>) -> Server {
        // Bound before returning, so connections queue until the loop runs.
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let port = listener.local_addr().unwrap().port();
        let scheme = if tls.is_some() { "https" } else { "http" };
        let url = format!("{scheme}://127.0.0.1:{port}");
        let hits = Arc::new(Mutex::new(HashMap::new()));
        let (base, counts) = (url.clone(), hits.clone());
        let task = tokio::spawn(async move {
            // Owning the connections here means aborting this task ends them.
            let mut connections = JoinSet::new();
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    continue;
                };
                while connections.try_join_next().is_some() {}
                let (handler, base, counts, tls) =
                    (handler.clone(), base.clone(), counts.clone(), tls.clone());
                connections.spawn(async move {
                    let service = service_fn(move |req: Request<Incoming>| {
                        let path = req.uri().path().to_string();
                        *counts.lock().unwrap().entry(path.clone()).or_insert(0) += 1;
                        let reply = handler(&base, &path);
                        async move {
                            let response = match reply {
                                Reply::Json(text) => json_response(TestBody::sized(text)),
                                Reply::Chunked(text) => json_response(TestBody::chunked(text)),
                                Reply::Status(code) => Response::builder()
                                    .status(StatusCode::from_u16(code).unwrap())
                                    .body(TestBody::sized(String::new()))
                                    .unwrap(),
                                Reply::Hang => std::future::pending().await,
                                Reply::Slow(delay, text) => {
                                    tokio::time::sleep(delay).await;
                                    json_response(TestBody::sized(text))
                                }
                            };
                            Ok::<_, Infallible>(response)
                        }
                    });
                    let http = hyper::server::conn::http1::Builder::new();
                    match tls {
                        Some(acceptor) => {
                            if let Ok(stream) = acceptor.accept(stream).await {
                                let _ = http.serve_connection(TokioIo::new(stream), service).await;
                            }
                        }
                        None => {
                            let _ = http.serve_connection(TokioIo::new(stream), service).await;
                        }
                    }
                });
            }
        });
        Server { url, hits, task }
    }

    /// How many requests reached `path`.
    pub fn hits(&self, path: &str) -> usize {
        self.hits.lock().unwrap().get(path).copied().unwrap_or(0)
    }
}

fn json_response(body: TestBody) -> Response<TestBody> {
    Response::builder()
        .header("content-type", "application/json")
        .body(body)
        .unwrap()
}

pub const DISCOVERY: &str = "/.well-known/openid-configuration";
pub const KEYS: &str = "/keys";

/// A provider with a discovery document pointing at `/keys`, whose JWKS and
/// failure mode the test can change while it runs.
pub struct Idp {
    pub server: Server,
    jwks: Arc<Mutex<String>>,
    mode: Arc<Mutex<Option<Reply>>>,
}

impl Idp {
    pub async fn start(keys: &[&TestKey]) -> Idp {
        Self::start_maybe_tls(keys, None).await
    }

    pub async fn start_tls(keys: &[&TestKey], tls: Arc<rustls::ServerConfig>) -> Idp {
        Self::start_maybe_tls(keys, Some(tls)).await
    }

    async fn start_maybe_tls(keys: &[&TestKey], tls: Option<Arc<rustls::ServerConfig>>) -> Idp {
        let jwks = Arc::new(Mutex::new(jwks(keys)));
        let mode: Arc<Mutex<Option<Reply>>> = Arc::new(Mutex::new(None));
        let (j, m) = (jwks.clone(), mode.clone());
        let handler: Handler = Arc::new(move |base, path| {
            if let Some(reply) = m.lock().unwrap().clone() {
                return reply;
            }
            match path {
                DISCOVERY => Reply::Json(
                    json!({"issuer": base, "jwks_uri": format!("{base}{KEYS}")}).to_string(),
                ),
                KEYS => Reply::Json(j.lock().unwrap().clone()),
                _ => Reply::Status(404),
            }
        });
        let server = match tls {
            Some(tls) => Server::start_tls(handler, tls).await,
            None => Server::start(handler).await,
        };
        Idp { server, jwks, mode }
    }

    pub fn issuer(&self) -> &str {
        &self.server.url
    }

    pub fn set_keys(&self, keys: &[&TestKey]) {
        *self.jwks.lock().unwrap() = jwks(keys);
    }

    /// Answers every request this way from now on; `None` goes back to normal.
    pub fn set_mode(&self, reply: Option<Reply>) {
        *self.mode.lock().unwrap() = reply;
    }

    pub fn jwks_fetches(&self) -> usize {
        self.server.hits(KEYS)
    }

    pub fn discovery_fetches(&self) -> usize {
        self.server.hits(DISCOVERY)
    }
}

/// A signing key made for the test, with its public JWK.
pub struct TestKey {
    pub kid: String,
    pub alg: Algorithm,
    pub jwk: Value,
    encoding: EncodingKey,
}

pub fn b64url(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

const RSA_PEM: &str = include_str!("../fixtures/jwt/rsa-2048.pem");
pub const RSA_PUBLIC_PEM: &str = include_str!("../fixtures/jwt/rsa-2048.pub.pem");
/// A second RSA key, for a signature that a published key id does not match.
const OTHER_RSA_PEM: &str = include_str!("../fixtures/jwt/rsa-2048-b.pem");

impl TestKey {
    /// A fresh P-256 (ES256) or P-384 (ES384) key.
    pub fn ec(kid: &str, alg: Algorithm) -> TestKey {
        let (signing, crv) = match alg {
            Algorithm::ES256 => (&ECDSA_P256_SHA256_FIXED_SIGNING, "P-256"),
            Algorithm::ES384 => (&ECDSA_P384_SHA384_FIXED_SIGNING, "P-384"),
            other => panic!("not an EC algorithm: {other:?}"),
        };
        let rng = SystemRandom::new();
        let pkcs8 = EcdsaKeyPair::generate_pkcs8(signing, &rng).unwrap();
        let pair = EcdsaKeyPair::from_pkcs8(signing, pkcs8.as_ref(), &rng).unwrap();
        let point = pair.public_key().as_ref();
        let half = (point.len() - 1) / 2;
        TestKey {
            kid: kid.to_string(),
            alg,
            jwk: json!({
                "kty": "EC", "crv": crv, "kid": kid, "use": "sig",
                "x": b64url(&point[1..1 + half]), "y": b64url(&point[1 + half..]),
            }),
            encoding: EncodingKey::from_ec_der(pkcs8.as_ref()),
        }
    }

    /// The committed 2048-bit RSA key, signing with `alg` (RS* or PS*). Its
    /// JWK names no algorithm, so it verifies every RSA algorithm.
    pub fn rsa(kid: &str, alg: Algorithm) -> TestKey {
        Self::rsa_from(RSA_PEM, kid, alg)
    }

    /// The second committed RSA key: another key under whatever `kid`.
    pub fn other_rsa(kid: &str, alg: Algorithm) -> TestKey {
        Self::rsa_from(OTHER_RSA_PEM, kid, alg)
    }

    fn rsa_from(pem: &str, kid: &str, alg: Algorithm) -> TestKey {
        let body: String = pem.lines().filter(|l| !l.starts_with("-----")).collect();
        let der = STANDARD.decode(body).unwrap();
        let pair = RsaKeyPair::from_pkcs8(&der).unwrap();
        let public = ring::rsa::PublicKeyComponents::<Vec<u8>>::from(pair.public());
        TestKey {
            kid: kid.to_string(),
            alg,
            jwk: json!({"kty": "RSA", "kid": kid, "n": b64url(&public.n), "e": b64url(&public.e)}),
            encoding: EncodingKey::from_rsa_pem(pem.as_bytes()).unwrap(),
        }
    }

    /// Signs `claims` with this key, naming it in the header.
    pub fn sign(&self, claims: &Value) -> String {
        let mut header = Header::new(self.alg);
        header.kid = Some(self.kid.clone());
        jsonwebtoken::encode(&header, claims, &self.encoding).unwrap()
    }

    /// Signs with this key under exactly this header.
    pub fn sign_with(&self, header: Header, claims: &Value) -> String {
        jsonwebtoken::encode(&header, claims, &self.encoding).unwrap()
    }

    /// Signs with this key but names another key id.
    pub fn sign_as(&self, kid: &str, claims: &Value) -> String {
        let mut header = Header::new(self.alg);
        header.kid = Some(kid.to_string());
        jsonwebtoken::encode(&header, claims, &self.encoding).unwrap()
    }
}

pub fn jwks(keys: &[&TestKey]) -> String {
    json!({"keys": keys.iter().map(|k| k.jwk.clone()).collect::<Vec<_>>()}).to_string()
}

pub fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

/// A compact JWS with exactly these header and claims JSON texts and this
/// signature: for tokens no library would make.
pub fn raw_token(header: &Value, claims: &Value, signature: &[u8]) -> String {
    format!(
        "{}.{}.{}",
        b64url(header.to_string().as_bytes()),
        b64url(claims.to_string().as_bytes()),
        b64url(signature)
    )
}

/// A CA and a server certificate for 127.0.0.1 that it signed: the server's
/// TLS config, and the CA certificate for the client to trust.
pub fn tls_pair() -> (
    Arc<rustls::ServerConfig>,
    rustls::pki_types::CertificateDer<'static>,
) {
    use rcgen::{BasicConstraints, CertificateParams, IsCa, Issuer, KeyPair as CertKey};
    let ca_key = CertKey::generate().unwrap();
    let mut ca_params = CertificateParams::new(Vec::<String>::new()).unwrap();
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    let ca = ca_params.self_signed(&ca_key).unwrap();
    let issuer = Issuer::from_params(&ca_params, &ca_key);
    let leaf_key = CertKey::generate().unwrap();
    let leaf = CertificateParams::new(vec!["127.0.0.1".to_string(), "localhost".to_string()])
        .unwrap()
        .signed_by(&leaf_key, &issuer)
        .unwrap();
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(
            vec![leaf.der().clone()],
            rustls::pki_types::PrivateKeyDer::Pkcs8(leaf_key.serialize_der().into()),
        )
        .unwrap();
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    (Arc::new(config), ca.der().clone())
}
