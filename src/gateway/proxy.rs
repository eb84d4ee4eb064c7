//! One request through the gateway, as named steps in the order the
//! service applies them (see [`handle`] and [`Call::run`]): request limits,
//! path and method, stage and route, throttle ([`super::throttle`]), CORS
//! preflight ([`super::cors`]), the route's authorizer, request mapping,
//! forward, response mapping, CORS headers; then the access log. A step either
//! passes the request on or stops it with the gateway's own [`Answer`]
//! (one type for every refusal); the request is streamed to the backend
//! and the response streamed back. Every answer carries `apigw-requestid`
//! and ends in one access-log line.

use super::answer::{Answer, Kind};
use super::auth::{Authorization, Authorizer};
use super::client::ClientKinds;
use super::client::{BackendBody, Failure};
use super::cors::CorsPlan;
use super::lambda_auth::{Allowed, Cache as AuthorizerCache, Decision, LambdaRequirement};
use super::lambda_event;
use super::lambda_response::{self, Format};
use super::log::{AccessLog, Record};
use super::params::{Claims, RequestView};
use super::plan::{IntegrationPlan, PathPiece, Plan, RoutePlan, Serving, Target};
use super::upstream::Upstream;
use bytes::Bytes;
use http::header::{self, HeaderMap, HeaderName, HeaderValue};
use http::uri::{PathAndQuery, Scheme};
use http::{Method, Request, Response, Uri, Version};
use http_body_util::{Either, Full};
use hyper::body::Incoming;
use std::cell::RefCell;
use std::convert::Infallible;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::{Instant, SystemTime, UNIX_EPOCH};

/// The body of every answer: the backend's, streamed, or the gateway's own.
pub type Body = Either<BackendBody, Full<Bytes>>;

/// What every request handler shares: the plan in force, the clients and
/// the log.
pub struct Shared {
    plan: RwLock<Arc<Plan>>,
    /// Goes up with every new plan, so threads know when to look again.
    version: AtomicU64,
    /// Tells this gateway's plans from another's in the same process.
    id: u64,
    pub clients: Arc<ClientKinds>,
    pub log: AccessLog,
    /// `x-forwarded-port`: the port `serve` listens on.
    forwarded_port: HeaderValue,
    authorizer: Option<Arc<dyn Authorizer>>,
    /// The base URL and the hook that answers `/.well-known/…` paths.
    pub well_known: Option<(String, super::WellKnown)>,
    /// The log groups the stages' access logs go to.
    pub access_logs: Arc<crate::logs::Groups>,
    /// Runs Lambda functions (integrations and authorizers); none: their
    /// routes answer 500.
    pub invoker: Option<Arc<dyn crate::lambda::Invoker>>,
    /// What the invoker said about the workspace's functions at start.
    pub plan_notes: Vec<String>,
    /// Lambda authorizers' answers, kept for their TTL across reloads.
    pub authorizer_cache: AuthorizerCache,
}

impl Shared {
    pub fn new(
        plan: Plan,
        log: AccessLog,
        port: u16,
        authorizer: Option<Arc<dyn Authorizer>>,
        clients: Arc<ClientKinds>,
        access_logs: Arc<crate::logs::Groups>,
    ) -> Self {
        Shared {
            plan: RwLock::new(Arc::new(plan)),
            version: AtomicU64::new(1),
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
            clients,
            log,
            forwarded_port: HeaderValue::from(port),
            authorizer,
            well_known: None,
            access_logs,
            invoker: None,
            plan_notes: Vec::new(),
            authorizer_cache: AuthorizerCache::new(None),
        }
    }

    /// The plan in force. The lock is held only to copy the pointer.
    pub fn plan(&self) -> Arc<Plan> {
        self.plan.read().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// The plan in force, from this thread's copy unless a new one came.
    fn current_plan(&self) -> Arc<Plan> {
        let version = self.version.load(Ordering::Acquire);
        THREAD_PLAN.with(|cached| {
            let mut cached = cached.borrow_mut();
            match &*cached {
                Some((id, v, plan)) if *id == self.id && *v == version => plan.clone(),
                _ => {
                    let plan = self.plan();
                    *cached = Some((self.id, version, plan.clone()));
                    plan
                }
            }
        })
    }

    /// Puts a new plan in force; requests under way finish on the old one.
    pub fn replace_plan(&self, plan: Plan) {
        *self.plan.write().unwrap_or_else(|p| p.into_inner()) = Arc::new(plan);
        self.version.fetch_add(1, Ordering::Release);
    }

    pub fn has_authorizer(&self) -> bool {
        self.authorizer.is_some()
    }
}

/// Each thread's copy of the plan in force: whose (tests run several
/// gateways in one process), which version, the plan.
type CachedPlan = Option<(u64, u64, Arc<Plan>)>;

static NEXT_ID: AtomicU64 = AtomicU64::new(1);

thread_local! {
    static THREAD_PLAN: RefCell<CachedPlan> = const { RefCell::new(None) };
}

static REQUEST_ID: HeaderName = HeaderName::from_static("apigw-requestid");
static TRACE_ID: HeaderName = HeaderName::from_static("x-amzn-trace-id");
static FORWARDED_FOR: HeaderName = HeaderName::from_static("x-forwarded-for");
static FORWARDED_PROTO: HeaderName = HeaderName::from_static("x-forwarded-proto");
static FORWARDED_PORT: HeaderName = HeaderName::from_static("x-forwarded-port");
// A backend's own request ids, for `$context.awsEndpointRequestId(2)`.
static AMZ_REQUEST_ID: HeaderName = HeaderName::from_static("x-amz-request-id");
static AMZN_REQUEST_ID: HeaderName = HeaderName::from_static("x-amzn-requestid");
static AMZ_ID_2: HeaderName = HeaderName::from_static("x-amz-id-2");

/// What the access log line says about a request, filled in on the way.
#[derive(Default)]
struct Trail<'p> {
    stage: Option<&'p str>,
    route: Option<&'p str>,
    backend: Option<&'p str>,
    /// The gateway's answer, when it made one, and why.
    answered: Option<Kind>,
    error: Option<String>,
    /// The backend's status, before response mappings.
    integration_status: Option<u16>,
    /// From sending the request to the backend's response head.
    integration_latency_us: Option<u64>,
    /// Why the integration failed, when it did.
    integration_error: Option<String>,
    /// The authorizer's claims, for `$context.authorizer.claims.NAME`.
    claims: Option<Claims>,
    /// What a Lambda authorizer allowed the request with
    /// (`$context.authorizer.KEY`).
    lambda: Option<Arc<Allowed>>,
    /// The API and the stage's access log, once the stage is known, and
    /// what the log reads of the request's headers (which go on to the
    /// backend; a parsed header value's clone shares its bytes).
    api_id: Option<&'p str>,
    access_log: Option<&'p crate::logs::StageLog>,
    user_agent: Option<HeaderValue>,
    host: Option<HeaderValue>,
    /// The custom domain name that took the request, and its mapping key
    /// (`$context.domainName`, `$context.customDomain.basePathMatched`).
    domain: Option<&'p str>,
    base_path: Option<&'p str>,
}

impl Trail<'_> {
    /// Turns the gateway's answer into the response, keeping its reason.
    fn answer(&mut self, answer: Answer) -> Response<Body> {
        self.answered = Some(answer.kind);
        if answer.is_error() {
            self.error = Some(answer.reason.to_string());
        }
        answer.into_response()
    }
}

/// One client connection: whose gateway, and who is calling.
pub struct Connection {
    pub shared: Arc<Shared>,
    pub ip: Box<str>,
    /// The caller's address as a header value, for `x-forwarded-for`.
    ip_header: HeaderValue,
    /// The last `Forwarded` value made for this connection.
    forwarded: super::forwarded::Cache,
    /// `https` for connections to the TLS listener, else `http`.
    pub scheme: &'static str,
    /// The certificate a mutual TLS client gave.
    pub client_cert: Option<crate::acm::x509::ClientCert>,
    /// The mutual TLS domain whose truststore checked that certificate.
    pub mtls_domain: Option<String>,
}

impl Connection {
    pub fn new(shared: Arc<Shared>, peer: std::net::SocketAddr) -> Self {
        let ip = peer.ip().to_string();
        Connection {
            shared,
            ip_header: HeaderValue::from_str(&ip).unwrap_or_else(|_| HeaderValue::from_static("")),
            ip: ip.into(),
            forwarded: Default::default(),
            scheme: "http",
            client_cert: None,
            mtls_domain: None,
        }
    }

    /// A connection that came over TLS, with the client's certificate.
    pub fn over_tls(
        shared: Arc<Shared>,
        peer: std::net::SocketAddr,
        client_cert: Option<crate::acm::x509::ClientCert>,
        mtls_domain: Option<String>,
    ) -> Self {
        Connection {
            scheme: "https",
            client_cert,
            mtls_domain,
            ..Connection::new(shared, peer)
        }
    }
}

/// Handles one request; never fails (failures are answers).
pub async fn handle(
    conn: Arc<Connection>,
    req: Request<Incoming>,
) -> Result<Response<Body>, Infallible> {
    let started = Instant::now();
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    let request_id = RequestId::new();
    let shared = &*conn.shared;
    let plan = shared.current_plan();
    let (parts, body) = req.into_parts();
    let http::request::Parts {
        method,
        uri,
        headers,
        version,
        ..
    } = parts;
    let mut trail = Trail::default();
    let (path, refused) = match admit(&method, &uri, version, &headers, &body) {
        Ok(path) => (path, None),
        Err(answer) => (std::borrow::Cow::Borrowed(""), Some(answer)),
    };
    let result = match refused {
        Some(answer) => {
            super::limits::drain(body, expects_continue(&headers));
            Err(answer)
        }
        None => {
            let call = Call {
                shared,
                plan: &plan,
                method: &method,
                uri: &uri,
                path: &path,
                rewritten: matches!(path, std::borrow::Cow::Owned(_)),
                conn: &conn,
                request_id: request_id.as_str(),
                epoch_ms: now.as_millis(),
                version,
            };
            match shared.well_known_answer(&path) {
                Some(r) => Ok(r),
                None => call.run(headers, body, &mut trail).await,
            }
        }
    };
    let mut response = result.unwrap_or_else(|answer| trail.answer(answer));
    response
        .headers_mut()
        .insert(REQUEST_ID.clone(), request_id.header());
    let latency_us = started.elapsed().as_micros() as u64;
    clock::with_time(now.as_secs(), |request_time| {
        shared.log.record(&Record {
            request_id: request_id.as_str(),
            ip: &conn.ip,
            request_time,
            http_method: method.as_str(),
            path: uri.path(),
            stage: trail.stage,
            route_key: trail.route,
            status: response.status().as_u16(),
            backend: trail.backend,
            response_latency: latency_us as f64 / 1000.0,
            latency_us,
            error: trail.error.as_deref(),
        })
    });
    if let Some(access_log) = trail.access_log {
        access_log_step(
            access_log,
            &AccessLogView {
                trail: &trail,
                conn: &conn,
                plan: &plan,
                request_id: request_id.as_str(),
                method: &method,
                uri: &uri,
                version,
                epoch_ms: now.as_millis(),
                latency_us,
                response: &response,
            },
        );
    }
    Ok(response)
}

/// What the access log step reads of a finished request.
struct AccessLogView<'v> {
    trail: &'v Trail<'v>,
    conn: &'v Connection,
    plan: &'v Plan,
    request_id: &'v str,
    method: &'v Method,
    uri: &'v Uri,
    version: Version,
    epoch_ms: u128,
    latency_us: u64,
    response: &'v Response<Body>,
}

/// The last step: the stage's access log line, from what the request's
/// trail knows, handed to its log group's writer (which never waits).
fn access_log_step(access_log: &crate::logs::StageLog, v: &AccessLogView<'_>) {
    use hyper::body::Body as _;
    let trail = v.trail;
    let needs = access_log.pieces.needs();
    let answered = trail.answered.map(Kind::row);
    let domain = trail
        .host
        .as_ref()
        .filter(|_| needs.domain)
        .and_then(|h| h.to_str().ok())
        .map(|h| match h.rsplit_once(':') {
            Some((name, port)) if port.bytes().all(|b| b.is_ascii_digit()) => name,
            _ => h,
        });
    let response_length = if needs.response_length {
        v.response.body().size_hint().exact().or_else(|| {
            v.response
                .headers()
                .get(header::CONTENT_LENGTH)
                .and_then(|l| l.to_str().ok()?.parse().ok())
        })
    } else {
        None
    };
    let by_authorizer = matches!(trail.answered, Some(Kind::Unauthorized | Kind::Forbidden));
    // The backend's own request ids, when it answered with them.
    let backend_header = |names: &[&HeaderName]| {
        trail.integration_status?;
        if !needs.endpoint_request_ids {
            return None;
        }
        names
            .iter()
            .find_map(|n| v.response.headers().get(*n)?.to_str().ok())
    };
    access_log.log(&crate::logs::Context {
        request_id: v.request_id,
        account_id: &v.plan.account,
        api_id: trail.api_id.unwrap_or("-"),
        stage: trail.stage.unwrap_or("-"),
        route_key: trail.route,
        http_method: v.method.as_str(),
        path: v.uri.path(),
        protocol: match v.version {
            Version::HTTP_10 => "HTTP/1.0",
            Version::HTTP_2 => "HTTP/2.0",
            _ => "HTTP/1.1",
        },
        source_ip: Some(&v.conn.ip),
        client_cert: v.conn.client_cert.as_ref(),
        user_agent: trail.user_agent.as_ref().and_then(|u| u.to_str().ok()),
        domain_name: domain,
        base_path_matched: trail.base_path,
        request_time_ms: i64::try_from(v.epoch_ms).unwrap_or(i64::MAX),
        status: v.response.status().as_u16(),
        response_length,
        response_latency_ms: Some(v.latency_us / 1000),
        integration_latency_ms: trail.integration_latency_us.map(|us| us / 1000),
        integration_status: trail.integration_status,
        integration_error: trail.integration_error.as_deref(),
        aws_endpoint_request_id: backend_header(&[&AMZ_REQUEST_ID, &AMZN_REQUEST_ID]),
        aws_endpoint_request_id2: backend_header(&[&AMZ_ID_2]),
        error_message: answered.and_then(|r| r.message),
        error_response_type: answered.map(|r| r.response_type).filter(|t| *t != "-"),
        authorizer_error: if by_authorizer {
            trail.error.as_deref()
        } else {
            None
        },
        claims: trail.claims.as_ref(),
        authorizer_context: trail.lambda.as_ref().map(|l| &l.context),
        principal_id: trail
            .lambda
            .as_ref()
            .and_then(|l| l.principal_id.as_deref()),
    });
}

/// Steps 1 and 2: the service's limits come first (nothing that breaks
/// them is routed), then the path and method: what the gateway routes is
/// what it forwards, one canonical path, or a refusal before anything else
/// looks at the request.
fn admit<'u>(
    method: &Method,
    uri: &'u Uri,
    version: Version,
    headers: &HeaderMap,
    body: &Incoming,
) -> Result<std::borrow::Cow<'u, str>, Answer> {
    super::limits::check(method, uri, version, headers, body).map_err(|refusal| {
        let kind = match refusal {
            super::limits::Refusal::Head(_) => Kind::HeadTooLarge,
            super::limits::Refusal::Body(_) => Kind::TooLarge,
        };
        Answer::new(kind, refusal.reason())
    })?;
    let bad = |why: &'static str| Answer::new(Kind::BadRequest, why);
    let path = super::path::canonical(uri.path()).map_err(bad)?;
    super::path::check_method(method).map_err(bad)?;
    if headers.get_all(header::HOST).iter().nth(1).is_some() {
        return Err(bad("the request has more than one Host header"));
    }
    Ok(path)
}

/// Whether the client waits for `100 Continue` before sending its body.
fn expects_continue(headers: &HeaderMap) -> bool {
    headers
        .get(header::EXPECT)
        .is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"100-continue"))
}

/// The time of day as logs print it, formatted once a second per thread.
mod clock {
    use std::cell::RefCell;

    thread_local! {
        static LAST: RefCell<(u64, String)> = const { RefCell::new((u64::MAX, String::new())) };
    }

    pub fn with_time<R>(secs: u64, f: impl FnOnce(&str) -> R) -> R {
        LAST.with(|last| {
            let mut last = last.borrow_mut();
            if last.0 != secs {
                *last = (secs, crate::ops::format_timestamp(secs as i64));
            }
            f(&last.1)
        })
    }
}

struct Call<'a> {
    shared: &'a Shared,
    plan: &'a Plan,
    method: &'a Method,
    uri: &'a Uri,
    /// The request's path in canonical form ([`super::path`]).
    path: &'a str,
    /// Whether `path` differs from the request's (slashes were merged).
    rewritten: bool,
    conn: &'a Connection,
    request_id: &'a str,
    epoch_ms: u128,
    version: Version,
}

/// How long a Lambda authorizer may take (the service's limit).
const AUTHORIZER_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

/// What the route's authorizer found: a JWT's claims (and scopes), or a
/// Lambda authorizer's context.
#[derive(Default)]
struct Granted {
    claims: Claims,
    /// The token's scopes, when the route asks for scopes.
    scopes: Option<Vec<String>>,
    lambda: Option<Arc<Allowed>>,
}

/// What a Lambda event needs of the request besides the headers.
struct EventParts<'p> {
    api_id: &'p str,
    stage: &'p super::plan::StagePlan,
    route: &'p RoutePlan,
    /// The path after the stage (or the mapping key).
    rest: &'p str,
    variables: &'p [(&'p str, &'p str)],
    /// The custom domain that took the request, if one did.
    domain: Option<&'p str>,
}

/// The `Host` without its port.
fn domain_name(headers: &HeaderMap) -> &str {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or_default();
    match host.rsplit_once(':') {
        Some((name, port)) if port.bytes().all(|b| b.is_ascii_digit()) => name,
        _ => host,
    }
}

impl Shared {
    /// The local issuer's documents, when `serve` publishes them.
    fn well_known_answer(&self, path: &str) -> Option<Response<Body>> {
        let (base, hook) = self.well_known.as_ref()?;
        if !path.starts_with("/.well-known/") {
            return None;
        }
        let (content_type, body) = hook(base, path)?;
        let mut r = Response::new(Either::Right(Full::new(Bytes::from(body))));
        r.headers_mut()
            .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
        Some(r)
    }
}

impl<'a> Call<'a> {
    /// The steps after the path is admitted, in the service's order.
    async fn run(
        &self,
        headers: HeaderMap,
        body: Incoming,
        trail: &mut Trail<'a>,
    ) -> Result<Response<Body>, Answer> {
        // API, stage and route.
        let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
        let selected = self.plan.select(host, self.path)?;
        // A mutual TLS domain only for a client its truststore checked:
        // not over plain HTTP, nor over a handshake made for another name.
        if selected.mutual_tls && self.conn.mtls_domain.as_deref() != selected.domain {
            return Err(Answer::new(
                Kind::Forbidden,
                "the domain name has mutual TLS, and this connection's handshake did not check a client certificate for it",
            ));
        }
        let (api, stage, rest) = (selected.api, selected.stage, selected.rest);
        trail.domain = selected.domain;
        trail.base_path = selected.base_path;
        trail.stage = Some(&stage.name);
        trail.api_id = Some(&api.api_id);
        trail.access_log = stage.access_log.as_ref();
        if let Some(log) = trail.access_log {
            // Kept only when the format writes them: the headers are the
            // backend's by the time the line is made.
            let needs = log.pieces.needs();
            if needs.user_agent {
                trail.user_agent = headers.get(header::USER_AGENT).cloned();
            }
            if needs.domain {
                trail.host = headers.get(header::HOST).cloned();
            }
        }
        let found = stage.router.find(self.method, rest);
        // Throttle: the route's bucket, or the stage's for no route.
        if !stage
            .throttle
            .bucket(found.as_ref().map(|f| f.route))
            .admit()
        {
            return Err(Answer::new(
                Kind::Throttled,
                "the route's throttling limits are used up",
            ));
        }
        let preflight = CorsPlan::is_preflight(self.method, &headers);
        let found = match found {
            Some(found) => found,
            // CORS preflight: answered here when no route takes it.
            None if preflight && let Some(cors) = &stage.cors => {
                return Err(cors.preflight(&headers));
            }
            None => {
                return Err(Answer::new(
                    Kind::NotFound,
                    match stage.serving {
                        Serving::Nothing => "the stage has no deployment yet",
                        _ => "no route matches",
                    },
                ));
            }
        };
        let route = &stage.routes[found.route];
        trail.route = Some(&route.key);
        let integration = route
            .integration
            .map(|i| &stage.integrations[i])
            .ok_or_else(|| Answer::new(Kind::NotFound, "the route has no integration"))?;
        let variables: Vec<(&str, &str)> = route
            .variables
            .iter()
            .zip(&found.captures)
            .map(|(name, range)| (name.as_str(), &rest[range.clone()]))
            .collect();
        let parts = EventParts {
            api_id: &api.api_id,
            stage,
            route,
            rest,
            variables: &variables,
            domain: selected.domain,
        };
        // The route's authorizer.
        let granted = self.authorize(route, &headers, &parts).await?;
        // Request mapping, forward, response mapping.
        let request = Forward {
            call: self,
            api_id: &api.api_id,
            route,
            stage: &stage.name,
            rest,
            variables: &variables,
            claims: &granted.claims,
            granted: &granted,
            parts: &parts,
        };
        // The request's headers are the backend's now: keep what CORS reads.
        let cors_request = stage
            .cors
            .as_ref()
            .map(|_| super::cors::Asked::of(&headers, preflight));
        let mut response = request.send(integration, headers, body, trail).await;
        let Granted { claims, lambda, .. } = granted;
        if !claims.is_empty() {
            trail.claims = Some(claims);
        }
        trail.lambda = lambda;
        // CORS headers on the integration's response.
        if let (Some(cors), Some(asked), Ok(r)) = (&stage.cors, &cors_request, &mut response) {
            cors.decorate(asked, r.headers_mut());
        }
        response
    }

    async fn authorize(
        &self,
        route: &RoutePlan,
        headers: &HeaderMap,
        parts: &EventParts<'_>,
    ) -> Result<Granted, Answer> {
        match &route.authorization {
            Authorization::Jwt(requirement) => {
                if let Some(source) = requirement.repeated_identity(headers, self.uri.query()) {
                    let challenge = format!(
                        "Bearer realm=\"apigw\", error=\"invalid_request\", \
                         error_description=\"{source} has more than one value\""
                    );
                    let answer = Answer::new(
                        Kind::Unauthorized,
                        format!("the identity source {source} has more than one value"),
                    );
                    return Err(match HeaderValue::from_str(&challenge) {
                        Ok(v) => answer.with_header(header::WWW_AUTHENTICATE, v),
                        Err(_) => answer,
                    });
                }
                let claims = match &self.shared.authorizer {
                    Some(a) => a.authorize(requirement, headers, self.uri.query()).await?,
                    None => Claims::new(),
                };
                let scopes = (!requirement.scopes.is_empty()).then(|| token_scopes(&claims));
                Ok(Granted {
                    claims,
                    scopes,
                    lambda: None,
                })
            }
            Authorization::Lambda(requirement) => {
                let allowed = self.lambda_authorize(requirement, headers, parts).await?;
                Ok(Granted {
                    lambda: Some(allowed),
                    ..Granted::default()
                })
            }
            Authorization::Unavailable(why) => Err(Answer::new(Kind::Internal, why.clone())),
            Authorization::None | Authorization::Iam => Ok(Granted::default()),
        }
    }

    /// The event's view of the request.
    fn event_request<'r>(
        &'r self,
        parts: &'r EventParts<'r>,
        headers: &'r HeaderMap,
        authorizer: lambda_event::Authorizer<'r>,
    ) -> lambda_event::Request<'r> {
        lambda_event::Request {
            method: self.method.as_str(),
            // On a custom domain, rawPath leaves the mapping key out.
            raw_path: if parts.domain.is_some() {
                parts.rest
            } else {
                self.path
            },
            full_path: self.path,
            query: self.uri.query(),
            headers,
            path_parameters: parts.variables,
            stage_variables: &parts.stage.stage_variables,
            route_key: &parts.route.key,
            stage: &parts.stage.name,
            api_id: parts.api_id,
            account_id: &self.plan.account,
            request_id: self.request_id,
            epoch_ms: self.epoch_ms,
            source_ip: &self.conn.ip,
            protocol: protocol(self.version),
            domain_name: domain_name(headers),
            authorizer,
            client_cert: self.conn.client_cert.as_ref(),
        }
    }

    /// A Lambda authorizer: the identity sources (401 when one is
    /// missing), the cache, then the function (403 when it denies, 500
    /// when it fails).
    async fn lambda_authorize(
        &self,
        requirement: &LambdaRequirement,
        headers: &HeaderMap,
        parts: &EventParts<'_>,
    ) -> Result<Arc<Allowed>, Answer> {
        let request = self.event_request(parts, headers, lambda_event::Authorizer::None);
        let mut values = Vec::with_capacity(requirement.identity.len());
        for (expr, source) in &requirement.identity {
            match super::lambda_auth::identity_value(source, &request) {
                Some(v) => values.push(v),
                None => {
                    return Err(Answer::new(
                        Kind::Unauthorized,
                        format!(
                            "the identity source {expr} of authorizer {} is missing or empty",
                            requirement.authorizer_name
                        ),
                    ));
                }
            }
        }
        let decided = |decision: Decision| match decision {
            Decision::Allow(allowed) => Ok(allowed),
            Decision::Deny => Err(Answer::new(
                Kind::Forbidden,
                format!(
                    "authorizer {} denied the request",
                    requirement.authorizer_name
                ),
            )),
        };
        let cache = &self.shared.authorizer_cache;
        let key = (!requirement.ttl.is_zero())
            .then(|| AuthorizerCache::key(parts.api_id, &parts.stage.name, requirement, &values));
        if let Some(k) = &key
            && let Some(d) = cache.get(k)
        {
            return decided(d);
        }
        let failed = |why: String| {
            Answer::new(
                Kind::Internal,
                format!(
                    "authorizer {} ({}): {why}",
                    requirement.authorizer_name, requirement.function
                ),
            )
        };
        let invoker = self.shared.invoker.as_ref().ok_or_else(|| {
            failed(
                "no function host runs to call it; start serve with --lambda-endpoint-url URL"
                    .into(),
            )
        })?;
        let region = &self.plan.region;
        let route_arn = lambda_event::route_arn(region, &request);
        let event = match requirement.format {
            Format::V2 => lambda_event::authorizer_v2(&request, region, &values),
            Format::V1 => lambda_event::authorizer_v1(&request, region, &values),
        };
        let context = crate::lambda::InvokeContext {
            request_id: self.request_id.to_string(),
            deadline: Instant::now() + AUTHORIZER_TIMEOUT,
        };
        let call = invoker.invoke(&requirement.function, Bytes::from(event), &context);
        let invoked = match tokio::time::timeout(AUTHORIZER_TIMEOUT + GRACE, call).await {
            Err(_) => {
                return Err(failed(format!(
                    "no answer within {} s",
                    AUTHORIZER_TIMEOUT.as_secs()
                )));
            }
            Ok(Err(e)) => return Err(failed(e.to_string())),
            Ok(Ok(i)) => i,
        };
        if let Some(kind) = &invoked.function_error {
            return Err(failed(lambda_response::function_error(
                kind,
                &invoked.payload,
            )));
        }
        let decision = super::lambda_auth::decide(requirement, &route_arn, &invoked.payload)
            .map_err(failed)?;
        if let Some(k) = key {
            cache.put(
                k,
                parts.api_id,
                &parts.stage.name,
                requirement.ttl,
                decision.clone(),
            );
        }
        decided(decision)
    }
}

/// How long past its deadline the gateway waits for an invoker that does
/// not keep it.
const GRACE: std::time::Duration = std::time::Duration::from_secs(1);

fn protocol(version: Version) -> &'static str {
    match version {
        Version::HTTP_10 => "HTTP/1.0",
        Version::HTTP_2 => "HTTP/2.0",
        _ => "HTTP/1.1",
    }
}

/// A token's scopes: its `scope` claim (space-separated) or `scp` (a list
/// or a string).
fn token_scopes(claims: &Claims) -> Vec<String> {
    let split = |s: &str| s.split_whitespace().map(str::to_string).collect();
    match (claims.get("scope"), claims.get("scp")) {
        (Some(serde_json::Value::String(s)), _) => split(s),
        (_, Some(serde_json::Value::Array(a))) => a
            .iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect(),
        (_, Some(serde_json::Value::String(s))) => split(s),
        _ => Vec::new(),
    }
}

/// A request on its way to an integration.
struct Forward<'c, 'a> {
    call: &'c Call<'a>,
    api_id: &'a str,
    route: &'a RoutePlan,
    stage: &'a str,
    /// The path after the stage.
    rest: &'a str,
    variables: &'c [(&'a str, &'a str)],
    claims: &'c Claims,
    granted: &'c Granted,
    parts: &'c EventParts<'c>,
}

impl<'a> Forward<'_, 'a> {
    fn view<'v>(&'v self, headers: &'v HeaderMap) -> RequestView<'v> {
        RequestView {
            headers,
            query: self.call.uri.query().unwrap_or(""),
            path: self.rest,
            path_parameters: self.variables,
            request_id: self.call.request_id,
            stage: self.stage,
            api_id: self.api_id,
            account_id: &self.call.plan.account,
            method: self.call.method.as_str(),
            route_key: &self.route.key,
            source_ip: &self.call.conn.ip,
            request_time_epoch_ms: self.call.epoch_ms,
            claims: self.claims,
            lambda: self.granted.lambda.as_deref(),
            client_cert: self.call.conn.client_cert.as_ref(),
        }
    }

    /// Request mapping, forward, response mapping.
    async fn send(
        &self,
        integration: &'a IntegrationPlan,
        mut headers: HeaderMap,
        body: Incoming,
        trail: &mut Trail<'a>,
    ) -> Result<Response<Body>, Answer> {
        if let Target::Lambda { function, format } = &integration.target {
            return self
                .invoke(integration, function, *format, headers, body, trail)
                .await;
        }
        // `Forwarded` describes the request as the client sent it.
        let forwarded = super::forwarded::value_for(
            &headers,
            &self.call.conn.ip,
            self.call.conn.scheme,
            &self.call.conn.forwarded,
        );
        let (scheme, upstream, host, client) = backend(integration)?;
        let pick = upstream.pick().ok_or_else(|| {
            Answer::new(
                Kind::IntegrationFailure,
                format!("no healthy backend in {}", upstream.describe()),
            )
        })?;
        trail.backend = Some(pick.authority.as_str());

        // Mappings read the request as the client sent it.
        let needs_view = !integration.request.is_empty() || !integration.response.is_empty();
        let original = needs_view.then(|| headers.clone());
        let changes = match &original {
            Some(o) => integration.request.apply(&self.view(o), &mut headers),
            None => Default::default(),
        };
        let path_and_query = self.backend_path(integration, changes.path, changes.query)?;
        remove_hop_by_hop(&mut headers);
        match host {
            Some(h) => {
                headers.insert(header::HOST, h.clone());
            }
            None if !headers.contains_key(header::HOST) => {
                if let Ok(h) = HeaderValue::from_str(pick.authority.as_str()) {
                    headers.insert(header::HOST, h);
                }
            }
            None => {}
        }
        self.add_forwarding(&mut headers);
        if let Some(v) = forwarded {
            headers.insert(header::FORWARDED, v);
        }

        let mut outgoing = Request::new(body);
        *outgoing.method_mut() = integration
            .method
            .clone()
            .unwrap_or_else(|| self.call.method.clone());
        *outgoing.uri_mut() = Uri::from(path_and_query);
        *outgoing.headers_mut() = headers;

        let https = *scheme == Scheme::HTTPS;
        let sent_at = Instant::now();
        let sent = self
            .call
            .shared
            .clients
            .send(client, https, pick.authority, outgoing);
        let result = tokio::time::timeout(integration.timeout, sent).await;
        trail.integration_latency_us = Some(sent_at.elapsed().as_micros() as u64);
        let response = match result {
            Ok(Ok(r)) => r,
            Err(_) => {
                let why = format!(
                    "the backend did not answer within TimeoutInMillis ({} ms)",
                    integration.timeout.as_millis()
                );
                trail.integration_error = Some(why.clone());
                return Err(Answer::new(Kind::IntegrationTimeout, why));
            }
            Ok(Err(e)) => {
                let answer = self.failed(e, &pick);
                trail.integration_error = Some(answer.reason.to_string());
                return Err(answer);
            }
        };
        let (mut parts, body) = response.into_parts();
        trail.integration_status = Some(parts.status.as_u16());
        // Clients are answered in HTTP/1.1 whatever the backend spoke (hyper
        // answers an HTTP/1.0 client in 1.0): a close-delimited body goes
        // out chunked and the client's connection stays open.
        parts.version = Version::HTTP_11;
        remove_hop_by_hop(&mut parts.headers);
        // Response mapping.
        if let Some(o) = &original
            && !integration.response.is_empty()
        {
            parts.status =
                integration
                    .response
                    .apply(parts.status, &self.view(o), &mut parts.headers);
        }
        Ok(Response::from_parts(parts, Either::Left(body)))
    }

    /// A Lambda proxy integration: the request read whole into the event
    /// of the integration's payload format, the function called through
    /// the gateway's invoker, its answer read by the same format's rules;
    /// then the response mappings.
    async fn invoke(
        &self,
        integration: &'a IntegrationPlan,
        function: &'a str,
        format: Format,
        mut headers: HeaderMap,
        body: Incoming,
        trail: &mut Trail<'a>,
    ) -> Result<Response<Body>, Answer> {
        trail.backend = Some(function);
        let Some(invoker) = &self.call.shared.invoker else {
            super::limits::drain(body, false);
            return Err(integration_failed(
                trail,
                format!(
                    "integration {} calls Lambda function {function}, but no function host runs; \
                     start serve with --lambda-endpoint-url URL (a Lambda Invoke API endpoint)",
                    integration.id
                ),
            ));
        };
        let original = (!integration.response.is_empty()).then(|| headers.clone());
        let bytes = read_body(body).await?;
        remove_hop_by_hop(&mut headers);
        self.add_forwarding(&mut headers);
        let authorizer = match (&self.granted.lambda, self.claims.is_empty()) {
            (Some(l), _) => lambda_event::Authorizer::Lambda {
                context: &l.context,
                principal_id: l.principal_id.as_deref(),
            },
            (None, false) => lambda_event::Authorizer::Jwt {
                claims: self.claims,
                scopes: self.granted.scopes.clone(),
            },
            (None, true) => lambda_event::Authorizer::None,
        };
        let request = self.call.event_request(self.parts, &headers, authorizer);
        let event = match format {
            Format::V2 => lambda_event::integration_v2(&request, &bytes),
            Format::V1 => lambda_event::integration_v1(&request, &bytes),
        };
        let context = crate::lambda::InvokeContext {
            request_id: self.call.request_id.to_string(),
            deadline: Instant::now() + integration.timeout,
        };
        let sent_at = Instant::now();
        let call = invoker.invoke(function, Bytes::from(event), &context);
        let result = tokio::time::timeout(integration.timeout + GRACE, call).await;
        trail.integration_latency_us = Some(sent_at.elapsed().as_micros() as u64);
        let invoked = match result {
            Err(_) => {
                return Err(integration_failed(
                    trail,
                    format!(
                        "function {function} did not answer within TimeoutInMillis ({} ms)",
                        integration.timeout.as_millis()
                    ),
                ));
            }
            Ok(Err(e)) => {
                return Err(integration_failed(
                    trail,
                    format!("function {function}: {e}"),
                ));
            }
            Ok(Ok(i)) => i,
        };
        // The Invoke API's status: the call itself succeeded.
        trail.integration_status = Some(200);
        if let Some(kind) = &invoked.function_error {
            let why = lambda_response::function_error(kind, &invoked.payload);
            return Err(integration_failed(
                trail,
                format!("function {function}: {why}"),
            ));
        }
        let reply = match lambda_response::read(format, &invoked.payload) {
            Ok(r) => r,
            Err(why) => {
                return Err(integration_failed(
                    trail,
                    format!("function {function}: {why}"),
                ));
            }
        };
        let mut response = Response::new(Either::Right(Full::new(reply.body)));
        *response.status_mut() = reply.status;
        *response.headers_mut() = reply.headers;
        if let Some(o) = &original {
            let status = integration.response.apply(
                response.status(),
                &self.view(o),
                response.headers_mut(),
            );
            *response.status_mut() = status;
        }
        Ok(response)
    }

    /// The path and query the backend gets: an INTERNET integration's URL
    /// with the route's variables, a private integration's request path
    /// (byte for byte unless slashes were merged), then the mappings'
    /// `overwrite:path` and query changes.
    fn backend_path(
        &self,
        integration: &IntegrationPlan,
        mapped_path: Option<String>,
        mapped_query: Option<String>,
    ) -> Result<PathAndQuery, Answer> {
        let mut path_and_query = match &integration.target {
            Target::Url { path, query, .. } => self.url_path(path, query.as_deref()),
            // A private integration gets the path as the client sent it
            // (with its repeated slashes merged).
            _ if mapped_path.is_none() && mapped_query.is_none() && !self.call.rewritten => {
                String::new()
            }
            _ => {
                let mut s = self.call.path.to_string();
                if let Some(q) = self.call.uri.query() {
                    s.push('?');
                    s.push_str(q);
                }
                s
            }
        };
        if mapped_path.is_some() || mapped_query.is_some() {
            let (old_path, old_query) = match path_and_query.split_once('?') {
                Some((p, q)) => (p.to_string(), Some(q.to_string())),
                None => (path_and_query.clone(), None),
            };
            let mut s = mapped_path.unwrap_or(old_path);
            if let Some(q) = mapped_query.or(old_query).filter(|q| !q.is_empty()) {
                s.push('?');
                s.push_str(&q);
            }
            path_and_query = s;
        }
        if path_and_query.is_empty() {
            return Ok(self
                .call
                .uri
                .path_and_query()
                .cloned()
                .unwrap_or_else(|| PathAndQuery::from_static("/")));
        }
        PathAndQuery::try_from(path_and_query).map_err(|e| {
            Answer::new(
                Kind::Internal,
                format!("the path for the backend is not a valid URI path: {e}"),
            )
        })
    }

    /// The answer for a backend exchange that failed; an unreachable pool
    /// member is taken out of rotation.
    fn failed(&self, e: Failure, pick: &super::upstream::Pick<'_>) -> Answer {
        match e {
            Failure::Unreachable(why) => {
                if let Some(h) = pick.health
                    && h.mark_failed()
                {
                    self.call
                        .shared
                        .log
                        .note(&format!("{} is out of rotation: {why}", h.label));
                }
                Answer::new(Kind::IntegrationFailure, why)
            }
            Failure::Tls(why) => Answer::new(Kind::Internal, why),
            Failure::Local(why) => Answer::new(Kind::IntegrationFailure, why),
            Failure::Client(why) => Answer::new(Kind::BadRequest, why),
            Failure::TooLarge(rest) => {
                if let Some(rest) = rest {
                    super::limits::drain(rest, false);
                }
                Answer::new(
                    Kind::TooLarge,
                    format!(
                        "the request body grew past {} bytes; the backend request was aborted",
                        super::limits::MAX_BODY
                    ),
                )
            }
            Failure::Exchange { message, malformed } => Answer::new(
                if malformed {
                    Kind::Internal
                } else {
                    Kind::IntegrationFailure
                },
                format!("the backend exchange failed: {message}"),
            ),
        }
    }

    /// The path and query for an INTERNET integration: the URL's path with
    /// the route's variables, the request's path after it for `$default`,
    /// and the URL's query with the request's.
    fn url_path(&self, pieces: &[PathPiece], url_query: Option<&str>) -> String {
        let mut s = String::with_capacity(64);
        for p in pieces {
            match p {
                PathPiece::Text(t) => s.push_str(t),
                PathPiece::Variable(name) => {
                    if let Some((_, v)) = self.variables.iter().find(|(n, _)| n == name) {
                        s.push_str(v);
                    }
                }
            }
        }
        if self.route.is_default {
            if s.ends_with('/') {
                s.pop();
            }
            s.push_str(self.rest);
        }
        if !s.starts_with('/') {
            s.insert(0, '/');
        }
        let client_query = self.call.uri.query().filter(|q| !q.is_empty());
        match (url_query, client_query) {
            (Some(a), Some(b)) => {
                s.push('?');
                s.push_str(a);
                s.push('&');
                s.push_str(b);
            }
            (Some(q), None) | (None, Some(q)) => {
                s.push('?');
                s.push_str(q);
            }
            (None, None) => {}
        }
        s
    }

    fn add_forwarding(&self, headers: &mut HeaderMap) {
        let conn = self.call.conn;
        let forwarded_for = match headers.get(&FORWARDED_FOR).and_then(|v| v.to_str().ok()) {
            Some(before) if !before.is_empty() => {
                HeaderValue::from_str(&format!("{before}, {}", conn.ip)).ok()
            }
            _ => Some(conn.ip_header.clone()),
        };
        if let Some(v) = forwarded_for {
            headers.insert(FORWARDED_FOR.clone(), v);
        }
        headers.insert(
            FORWARDED_PROTO.clone(),
            HeaderValue::from_static(conn.scheme),
        );
        headers.insert(
            FORWARDED_PORT.clone(),
            self.call.shared.forwarded_port.clone(),
        );
        if !headers.contains_key(&TRACE_ID) {
            headers.insert(TRACE_ID.clone(), trace_id(self.call.epoch_ms));
        }
    }
}

/// A Lambda integration that gave no usable answer: 500, the reason kept
/// for the serve log and `$context.integrationErrorMessage`.
fn integration_failed(trail: &mut Trail<'_>, why: String) -> Answer {
    trail.integration_error = Some(why.clone());
    Answer::new(Kind::Internal, why)
}

/// The whole request body, for an event (the service's limit holds).
async fn read_body(body: Incoming) -> Result<Bytes, Answer> {
    use http_body_util::BodyExt;
    match http_body_util::Limited::new(body, super::limits::MAX_BODY as usize)
        .collect()
        .await
    {
        Ok(b) => Ok(b.to_bytes()),
        Err(e) if e.is::<http_body_util::LengthLimitError>() => Err(Answer::new(
            Kind::TooLarge,
            format!(
                "the request body grew past {} bytes",
                super::limits::MAX_BODY
            ),
        )),
        Err(e) => Err(Answer::new(
            Kind::BadRequest,
            format!("the request body could not be read: {e}"),
        )),
    }
}

/// Where an integration's requests go: the scheme, the backends, the
/// `Host` to send and which client forwards; or why it cannot be served.
#[allow(clippy::type_complexity)]
fn backend(
    integration: &IntegrationPlan,
) -> Result<(&Scheme, &dyn Upstream, Option<&HeaderValue>, usize), Answer> {
    match &integration.target {
        Target::Url {
            scheme,
            upstream,
            host,
            client,
            ..
        } => Ok((scheme, upstream, Some(host), *client)),
        Target::Private {
            scheme,
            upstream,
            host,
            client,
        } => Ok((scheme, upstream, host.as_ref(), *client)),
        // Served by `Forward::invoke`, never here.
        Target::Lambda { function, .. } => Err(Answer::new(
            Kind::Internal,
            format!(
                "integration {} is a Lambda proxy integration ({function})",
                integration.id
            ),
        )),
        Target::Unavailable(why) => Err(Answer::new(
            Kind::Internal,
            format!("integration {} cannot be served: {why}", integration.id),
        )),
    }
}

/// Headers that concern one connection only (RFC 9110 §7.6.1), and any the
/// `Connection` header names; never forwarded either way.
pub fn remove_hop_by_hop(headers: &mut HeaderMap) {
    // Usually there are none: look once before removing anything.
    if !headers.keys().any(is_hop_by_hop) {
        return;
    }
    let listed: Vec<HeaderName> = headers
        .get_all(header::CONNECTION)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|t| HeaderName::from_bytes(t.trim().as_bytes()).ok())
        .collect();
    for name in listed {
        headers.remove(name);
    }
    let present: Vec<HeaderName> = headers
        .keys()
        .filter(|n| is_hop_by_hop(n))
        .cloned()
        .collect();
    for name in present {
        headers.remove(name);
    }
}

fn is_hop_by_hop(name: &HeaderName) -> bool {
    *name == header::CONNECTION
        || *name == header::TRANSFER_ENCODING
        || *name == header::TE
        || *name == header::TRAILER
        || *name == header::UPGRADE
        || *name == header::PROXY_AUTHENTICATE
        || *name == header::PROXY_AUTHORIZATION
        || name.as_str() == "keep-alive"
        || name.as_str() == "proxy-connection"
}

const ID_ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// A request id shaped like API Gateway's (`Ve_GmgKvIAMEJxw=`).
struct RequestId([u8; 16]);

impl RequestId {
    fn new() -> Self {
        let mut bits = (u128::from(fastrand::u64(..)) << 64) | u128::from(fastrand::u64(..));
        let mut id = [b'='; 16];
        for b in id.iter_mut().take(15) {
            *b = ID_ALPHABET[(bits & 63) as usize];
            bits >>= 6;
        }
        RequestId(id)
    }

    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or_default()
    }

    fn header(&self) -> HeaderValue {
        HeaderValue::from_bytes(&self.0).unwrap_or_else(|_| HeaderValue::from_static(""))
    }
}

/// An X-Ray trace header: `Root=1-{epoch seconds}-{96 random bits}`.
fn trace_id(epoch_ms: u128) -> HeaderValue {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = *b"Root=1-00000000-000000000000000000000000";
    let mut put = |at: usize, digits: usize, mut v: u128| {
        for i in (at..at + digits).rev() {
            out[i] = HEX[(v & 15) as usize];
            v >>= 4;
        }
    };
    put(7, 8, (epoch_ms / 1000) & 0xffff_ffff);
    put(
        16,
        24,
        (u128::from(fastrand::u32(..)) << 64) | u128::from(fastrand::u64(..)),
    );
    HeaderValue::from_bytes(&out).unwrap_or_else(|_| HeaderValue::from_static(""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hop_by_hop_headers_are_removed() {
        let mut h = HeaderMap::new();
        h.insert(
            header::CONNECTION,
            HeaderValue::from_static("keep-alive, x-private"),
        );
        h.insert("keep-alive", HeaderValue::from_static("timeout=5"));
        h.insert("x-private", HeaderValue::from_static("1"));
        h.insert(header::TE, HeaderValue::from_static("trailers"));
        h.insert(header::UPGRADE, HeaderValue::from_static("websocket"));
        h.insert("x-kept", HeaderValue::from_static("1"));
        remove_hop_by_hop(&mut h);
        assert_eq!(h.len(), 1);
        assert!(h.contains_key("x-kept"));
    }

    #[test]
    fn ids_have_the_service_shape() {
        let id = RequestId::new();
        assert_eq!(id.as_str().len(), 16);
        assert!(id.as_str().ends_with('='));
        let t = trace_id(1_700_000_000_000);
        let t = t.to_str().unwrap();
        assert!(t.starts_with("Root=1-6553f100-"), "{t}");
        assert_eq!(t.len(), "Root=1-".len() + 8 + 1 + 24);
    }
}
