//! The routing plan: one API of the workspace compiled into what a request
//! needs — per stage, from what that stage serves (the API as it is now
//! for an auto-deploy stage, else its deployment's snapshot), a route tree
//! and each integration with its URL template or backend pool, TLS client
//! and parameter mappings already parsed. A plan never changes; a reload builds a new one and
//! swaps it in whole.

use super::answer::{Answer, Kind};
use super::auth::{Authorization, JwtRequirement};
use super::client::ClientKinds;
use super::cors::CorsPlan;
use super::health::Checked;
use super::params::{RequestMappings, ResponseMappings};
use super::router::Router;
use super::throttle::{ThrottlePlan, zero_limit_warnings};
use super::upstream::{FixedHost, HealthIndex, Pool, Upstream};
use crate::model::{Integration, ProtocolType, Stage, StringMap};
use crate::rules::arn::{PrivateTarget, private_target};
use crate::rules::names::{RouteKey, Segment, parse_route_key};
use crate::workspace::{Definition, Served, Workspace};
use http::Method;
use http::header::HeaderValue;
use http::uri::{Authority, Scheme};
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::sync::Arc;
use std::time::Duration;

/// One piece of an INTERNET integration's URL path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathPiece {
    Text(String),
    /// `{name}` (or `{proxy}` for a greedy `{proxy+}`): the route's variable.
    Variable(String),
}

/// Where an integration sends requests.
pub enum Target {
    /// HTTP_PROXY over the internet, to a URL.
    Url {
        scheme: Scheme,
        upstream: FixedHost,
        host: HeaderValue,
        path: Vec<PathPiece>,
        /// The URL's own query string, without `?`.
        query: Option<String>,
        /// Which client ([`ClientKinds`]) forwards.
        client: usize,
    },
    /// HTTP_PROXY over a VPC link: the stage stays in the path.
    Private {
        scheme: Scheme,
        upstream: Pool,
        /// `ServerNameToVerify`, sent as `Host` too.
        host: Option<HeaderValue>,
        client: usize,
    },
    /// AWS_PROXY: a Lambda function (its ARN, from the integration's
    /// ARN or invocation URI), called through the gateway's invoker with an
    /// event of the integration's payload format.
    Lambda {
        function: String,
        format: super::lambda_response::Format,
    },
    /// Anything `serve` cannot forward (500), and why.
    Unavailable(String),
}

pub struct IntegrationPlan {
    pub id: String,
    /// The backend's method; `None` (`ANY`) keeps the client's.
    pub method: Option<Method>,
    pub timeout: Duration,
    pub target: Target,
    pub request: RequestMappings,
    pub response: ResponseMappings,
}

impl IntegrationPlan {
    pub fn describe(&self) -> String {
        match &self.target {
            Target::Url {
                scheme,
                upstream,
                path,
                query,
                ..
            } => {
                let mut s = format!("HTTP_PROXY {scheme}://{}", upstream.authority);
                for p in path {
                    match p {
                        PathPiece::Text(t) => s.push_str(t),
                        PathPiece::Variable(v) => {
                            let _ = write!(s, "{{{v}}}");
                        }
                    }
                }
                if let Some(q) = query {
                    let _ = write!(s, "?{q}");
                }
                s
            }
            Target::Private {
                scheme,
                upstream,
                host,
                ..
            } => {
                let tls = match (scheme.as_str(), host) {
                    ("https", Some(h)) => {
                        format!(", HTTPS verifying {}", h.to_str().unwrap_or_default())
                    }
                    _ => String::new(),
                };
                format!("HTTP_PROXY VPC_LINK {}{tls}", upstream.describe())
            }
            Target::Lambda { function, format } => {
                format!("AWS_PROXY {function} (payload {})", format.as_str())
            }
            Target::Unavailable(why) => format!("not served: {why}"),
        }
    }
}

/// What a stage serves: the API as it is now, a deployment's snapshot, or
/// nothing yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Serving {
    Current,
    Deployment(String),
    Nothing,
}

/// One stage compiled: its own route tree, routes and integrations, from
/// what the stage serves ([`Workspace::served`]), with the stage's
/// variables already in the integrations' URIs and mappings.
pub struct StagePlan {
    pub name: String,
    pub serving: Serving,
    pub router: Router,
    pub routes: Vec<RoutePlan>,
    /// By the index [`RoutePlan::integration`] gives.
    pub integrations: Vec<Arc<IntegrationPlan>>,
    /// The API's CORS configuration as the stage serves it.
    pub cors: Option<CorsPlan>,
    /// A token bucket per route, and one for requests matching none.
    pub throttle: ThrottlePlan,
    /// The stage's access log, when it has one.
    pub access_log: Option<crate::logs::StageLog>,
    /// The stage's variables, for Lambda events and identity sources.
    pub stage_variables: StringMap,
}

pub struct RoutePlan {
    pub key: String,
    pub is_default: bool,
    /// Names of the path variables, in the order of the router's captures.
    pub variables: Vec<String>,
    pub integration: Option<usize>,
    pub authorization: Authorization,
}

/// One API compiled: its stages, each with what it serves.
pub struct ApiPlan {
    pub api_id: String,
    pub api_name: String,
    /// `DisableExecuteApiEndpoint`: the default endpoint answers 403.
    pub endpoint_disabled: bool,
    stages: HashMap<String, Arc<StagePlan>>,
    default_stage: Option<Arc<StagePlan>>,
}

/// What `serve` serves: one API (asked for with `--api-id`, or the
/// workspace's only one), answered whatever the `Host`, or every HTTP API
/// of the workspace, each at `{api-id}.execute-api.localhost`.
/// A custom domain name: its mappings, longest key first.
pub struct DomainPlan {
    /// The name, or `*.example.com` for a wildcard one.
    pub name: String,
    mappings: Vec<MappingPlan>,
    /// Whether it has mutual TLS: only clients whose certificate its
    /// truststore checked in the handshake may use it.
    pub mutual_tls: bool,
}

struct MappingPlan {
    /// Without slashes around it; empty for the rest of the domain.
    key: String,
    /// The API, by its place in [`Plan::apis`].
    api: usize,
    stage: Arc<StagePlan>,
}

/// Where a request goes: its API and stage, the path after the stage (or
/// the mapping key), and the custom domain and key that took it.
pub struct Selected<'p, 'r> {
    pub api: &'p ApiPlan,
    pub stage: &'p Arc<StagePlan>,
    pub rest: &'r str,
    pub domain: Option<&'p str>,
    pub base_path: Option<&'p str>,
    /// The domain has mutual TLS.
    pub mutual_tls: bool,
}

pub struct Plan {
    /// By API id.
    apis: Vec<ApiPlan>,
    /// Exact names first, then wildcards; each by name.
    domains: Vec<DomainPlan>,
    /// Whether `Host` chooses the API (more than one is served).
    by_host: bool,
    pub account: String,
    /// The region, for the route ARNs Lambda authorizers are given.
    pub region: String,
    /// Health of every pool member, for the next plan to keep.
    health: HealthIndex,
    /// Things that will not work as the user may expect.
    pub warnings: Vec<String>,
    /// Of those, the ones that refuse every request of a route (limits of
    /// 0): serve also prints them on stderr, at start and on reload.
    pub alarms: Vec<String>,
}

/// Which APIs of the workspace to serve: the one asked for, else every
/// HTTP API.
pub fn choose_apis(ws: &Workspace, api_id: Option<&str>) -> Result<Vec<String>, String> {
    match api_id {
        Some(id) => {
            let api = ws.apis.get(id).ok_or_else(|| {
                let known: Vec<&str> = ws.apis.keys().map(String::as_str).collect();
                format!(
                    "Invalid API identifier specified {id}: the workspace has {}",
                    if known.is_empty() {
                        "no APIs".to_string()
                    } else {
                        known.join(", ")
                    }
                )
            })?;
            if api.protocol_type != ProtocolType::Http {
                return Err(format!(
                    "API {id} is a WEBSOCKET API; serve runs HTTP APIs only"
                ));
            }
            Ok(vec![id.to_string()])
        }
        None => {
            let http: Vec<String> = ws
                .apis
                .iter()
                .filter(|(_, a)| a.protocol_type == ProtocolType::Http)
                .map(|(id, _)| id.clone())
                .collect();
            if http.is_empty() {
                return Err(
                    "the workspace has no HTTP API to serve; create one with create-api --protocol-type HTTP"
                        .to_string(),
                );
            }
            Ok(http)
        }
    }
}

/// The API id a `Host` names: `{api-id}.execute-api.localhost[:port]`, or
/// the service's own `{api-id}.execute-api.{region}.amazonaws.com`.
fn api_of_host(host: &str) -> Option<&str> {
    let name = match host.rsplit_once(':') {
        Some((n, port)) if port.bytes().all(|b| b.is_ascii_digit()) => n,
        _ => host,
    };
    let (id, rest) = name.split_once('.')?;
    let rest = rest.strip_prefix("execute-api.")?;
    (rest.eq_ignore_ascii_case("localhost")
        || rest.to_ascii_lowercase().ends_with(".amazonaws.com"))
    .then_some(id)
}

impl Plan {
    /// Compiles the APIs `api_ids` of `ws`, each stage from what it
    /// serves. `previous` lends its backends' health, so a reload does not
    /// forget who is down.
    pub fn compile(
        ws: &Workspace,
        api_ids: &[String],
        clients: &ClientKinds,
        access_logs: &crate::logs::Groups,
        previous: Option<&Plan>,
    ) -> Result<Plan, String> {
        let empty_index = HealthIndex::new();
        let mut build = Build {
            ws,
            clients,
            access_logs,
            previous: previous.map_or(&empty_index, |p| &p.health),
            health: HealthIndex::new(),
            warnings: Vec::new(),
            alarms: Vec::new(),
        };
        let mut apis = Vec::with_capacity(api_ids.len());
        for api_id in api_ids {
            apis.push(build.api(api_id)?);
        }
        apis.sort_unstable_by(|a, b| a.api_id.cmp(&b.api_id));
        let domains = build.domains(&apis);
        Ok(Plan {
            by_host: apis.len() > 1,
            apis,
            domains,
            account: ws.account().to_string(),
            region: ws.region().to_string(),
            health: build.health,
            warnings: build.warnings,
            alarms: build.alarms,
        })
    }

    /// The ids of the APIs served.
    pub fn api_ids(&self) -> impl Iterator<Item = &str> {
        self.apis.iter().map(|a| a.api_id.as_str())
    }

    /// The API a request is for: the only one, else the one its `Host`
    /// names; `None` when it names none served.
    pub fn api_for(&self, host: Option<&str>) -> Option<&ApiPlan> {
        if !self.by_host {
            return self.apis.first();
        }
        let id = api_of_host(host?)?;
        self.apis
            .binary_search_by(|a| a.api_id.as_str().cmp(id))
            .ok()
            .map(|i| &self.apis[i])
    }

    /// Where a request with this `Host` and path goes: a custom domain's
    /// mapping (longest key first, the key taken off the path, no stage
    /// segment), else the API the host names and its stage. `Err` says why
    /// it goes nowhere.
    pub fn select<'p, 'r>(
        &'p self,
        host: Option<&str>,
        path: &'r str,
    ) -> Result<Selected<'p, 'r>, Answer> {
        let name = host.map(|h| match h.rsplit_once(':') {
            Some((n, port)) if port.bytes().all(|b| b.is_ascii_digit()) => n,
            _ => h,
        });
        if let Some(name) = name
            && let Some(domain) = self
                .domains
                .iter()
                .find(|d| crate::rules::domain::matches(&d.name, name))
        {
            for m in &domain.mappings {
                let Some(rest) = strip_key(path, &m.key) else {
                    continue;
                };
                return Ok(Selected {
                    api: &self.apis[m.api],
                    stage: &m.stage,
                    rest,
                    domain: Some(&domain.name),
                    base_path: Some(&m.key),
                    mutual_tls: domain.mutual_tls,
                });
            }
            return Err(Answer::new(
                Kind::NotFound,
                "no API mapping of the domain name takes the path",
            ));
        }
        let api = self
            .api_for(host)
            .ok_or_else(|| Answer::new(Kind::NotFound, "the Host names no API served here"))?;
        if api.endpoint_disabled {
            return Err(Answer::new(
                Kind::Forbidden,
                "the API has DisableExecuteApiEndpoint set",
            ));
        }
        let (stage, rest) = api
            .stage_for(path)
            .ok_or_else(|| Answer::new(Kind::NotFound, "no stage matches the path"))?;
        Ok(Selected {
            api,
            stage,
            rest,
            domain: None,
            base_path: None,
            mutual_tls: false,
        })
    }

    /// Every stage of every API.
    pub fn stages(&self) -> impl Iterator<Item = &Arc<StagePlan>> {
        self.apis.iter().flat_map(ApiPlan::stages)
    }

    /// Whether any stage has a JWT route.
    pub fn has_jwt_routes(&self) -> bool {
        self.stages().any(|s| {
            s.routes
                .iter()
                .any(|r| matches!(r.authorization, Authorization::Jwt(_)))
        })
    }

    /// Which listener targets this plan forwards to, and which of them
    /// are still initial, for [`super::view`].
    pub fn health_view(&self, pid: u32) -> super::view::HealthView {
        let mut view = super::view::HealthView {
            pid,
            started: None,
            listeners: Default::default(),
        };
        for ((resource, addr), member) in &self.health {
            if !matches!(
                private_target(resource),
                Some(PrivateTarget::Listener { .. })
            ) {
                continue;
            }
            let listener = view.listeners.entry(resource.clone()).or_default();
            listener.known.push(addr.to_string());
            if member.state() == super::health::State::Initial {
                listener.initial.push(addr.to_string());
            }
        }
        for l in view.listeners.values_mut() {
            l.known.sort_unstable();
            l.initial.sort_unstable();
        }
        view
    }

    /// Every pool of every stage, for the health checks.
    pub fn checked(&self) -> Vec<Checked> {
        let mut out = Vec::new();
        for stage in self.stages() {
            for i in &stage.integrations {
                if let Target::Private { upstream, .. } = &i.target
                    && let Some(c) = upstream.checked()
                {
                    out.push(c);
                }
            }
        }
        out
    }

    /// The table `serve` prints: each API, where its stages are and what
    /// they serve, then their routes and where they go. `base_url` is
    /// where serve listens; with several APIs each is at its own host.
    pub fn table(&self, base_url: &str) -> String {
        let mut out = String::new();
        for api in &self.apis {
            let url = if self.by_host {
                let (scheme, host) = base_url.split_once("://").unwrap_or(("http", base_url));
                let port = host.rsplit_once(':').map_or("", |(_, p)| p);
                format!("{scheme}://{}.execute-api.localhost:{port}", api.api_id)
            } else {
                base_url.to_string()
            };
            out.push_str(&api.table(&url));
        }
        for d in &self.domains {
            let _ = writeln!(out, "domain name {}", d.name);
            for m in &d.mappings {
                let api = &self.apis[m.api];
                let _ = writeln!(
                    out,
                    "  /{:<20} API {} stage {}",
                    m.key, api.api_id, m.stage.name
                );
            }
        }
        for w in &self.warnings {
            let _ = writeln!(out, "  note: {w}");
        }
        out
    }
}

impl ApiPlan {
    /// Every stage, named ones by name and `$default` last.
    pub fn stages(&self) -> impl Iterator<Item = &Arc<StagePlan>> {
        let mut named: Vec<&Arc<StagePlan>> = self.stages.values().collect();
        named.sort_unstable_by(|a, b| a.name.cmp(&b.name));
        named.into_iter().chain(self.default_stage.iter())
    }

    /// The stage a request path selects, and the path after the stage: a
    /// named stage by its first segment, else the `$default` stage.
    pub fn stage_for<'p>(&self, path: &'p str) -> Option<(&Arc<StagePlan>, &'p str)> {
        if !self.stages.is_empty() {
            let rest = path.strip_prefix('/').unwrap_or(path);
            let (first, after) = match rest.find('/') {
                Some(i) => (&rest[..i], &rest[i..]),
                None => (rest, "/"),
            };
            if let Some(stage) = self.stages.get(first) {
                return Some((stage, after));
            }
        }
        self.default_stage.as_ref().map(|s| (s, path))
    }

    /// The table `serve` prints: where each stage is and what it serves,
    /// then each stage's routes and where they go.
    pub fn table(&self, base_url: &str) -> String {
        let mut out = format!("API {} ({})\n", self.api_id, self.api_name);
        let width = self
            .stages()
            .map(|s| s.name.len())
            .max()
            .unwrap_or(0)
            .max(5);
        for stage in self.stages() {
            let prefix = if stage.name == "$default" {
                String::new()
            } else {
                format!("{}/", stage.name)
            };
            let serving = match &stage.serving {
                Serving::Current => "serves the API as it is now".to_string(),
                Serving::Deployment(id) => format!("serves deployment {id}"),
                Serving::Nothing => {
                    "serves nothing yet: no deployment; requests answer 404 until create-deployment"
                        .into()
                }
            };
            let _ = writeln!(
                out,
                "  stage {:width$}  {base_url}/{prefix}  ({serving})",
                stage.name
            );
            if let Some(log) = &stage.access_log {
                let _ = writeln!(
                    out,
                    "        {:width$}  access log to log group {} (read it with apigw logs tail {} --follow)",
                    "", log.group, log.group
                );
            }
        }
        let mut rows: Vec<[String; 3]> = Vec::new();
        for stage in self.stages() {
            let mut order: Vec<&RoutePlan> = stage.routes.iter().collect();
            order.sort_by(|a, b| a.key.cmp(&b.key));
            for route in order {
                let target = route
                    .integration
                    .map(|i| stage.integrations[i].describe())
                    .unwrap_or_else(|| "(no integration: 404)".into());
                let auth = match &route.authorization {
                    Authorization::None => String::new(),
                    Authorization::Jwt(j) => format!(" [JWT {}]", j.authorizer_name),
                    Authorization::Iam => " [AWS_IAM, not checked]".into(),
                    Authorization::Lambda(l) => {
                        format!(" [Lambda authorizer {}]", l.authorizer_name)
                    }
                    Authorization::Unavailable(_) => " [authorizer unavailable: 500]".into(),
                };
                rows.push([stage.name.clone(), format!("{}{auth}", route.key), target]);
            }
        }
        if rows.is_empty() {
            out.push_str("  (no routes)\n");
        } else {
            let headers = ["STAGE", "ROUTE", "INTEGRATION"];
            let w0 = rows
                .iter()
                .map(|r| r[0].len())
                .chain([5])
                .max()
                .unwrap_or(0);
            let w1 = rows
                .iter()
                .map(|r| r[1].len())
                .chain([5])
                .max()
                .unwrap_or(0);
            let _ = writeln!(
                out,
                "  {:w0$}  {:w1$}  {}",
                headers[0], headers[1], headers[2]
            );
            for r in &rows {
                let _ = writeln!(out, "  {:w0$}  {:w1$}  {}", r[0], r[1], r[2]);
            }
        }
        if self.endpoint_disabled {
            let _ = writeln!(
                out,
                "  note: DisableExecuteApiEndpoint is set: this endpoint answers 403 Forbidden"
            );
        }
        out
    }
}

/// What compiling a plan carries from stage to stage.
struct Build<'w> {
    ws: &'w Workspace,
    clients: &'w ClientKinds,
    access_logs: &'w crate::logs::Groups,
    previous: &'w HealthIndex,
    health: HealthIndex,
    warnings: Vec<String>,
    alarms: Vec<String>,
}

/// The path after a mapping key: `/orders/list` after `orders` is
/// `/list`, `/orders` is `/`; an empty key takes every path as it is.
fn strip_key<'r>(path: &'r str, key: &str) -> Option<&'r str> {
    if key.is_empty() {
        return Some(path);
    }
    let after = path.strip_prefix('/')?.strip_prefix(key)?;
    match after {
        "" => Some("/"),
        a if a.starts_with('/') => Some(a),
        _ => None,
    }
}

impl Build<'_> {
    /// The custom domains and the mappings to APIs served here; a mapping
    /// to a stage that is gone is noted and left out.
    fn domains(&mut self, apis: &[ApiPlan]) -> Vec<DomainPlan> {
        let mut out = Vec::new();
        for (name, mappings) in &self.ws.api_mappings {
            if !self.ws.domain_names.contains_key(name) {
                continue;
            }
            let mut plans = Vec::new();
            for m in mappings.values() {
                let Some(api) = apis.iter().position(|a| a.api_id == m.api_id) else {
                    continue;
                };
                let Some(stage) = apis[api].stages().find(|s| s.name == m.stage) else {
                    self.warn(format!(
                        "API mapping {} of {name} names stage {} of API {}, which it does not have; \
                         its paths answer 404",
                        m.api_mapping_id, m.stage, m.api_id
                    ));
                    continue;
                };
                plans.push(MappingPlan {
                    key: m.api_mapping_key.clone(),
                    api,
                    stage: stage.clone(),
                });
            }
            // Longest key first; the empty key last.
            plans.sort_by(|a, b| b.key.len().cmp(&a.key.len()).then(a.key.cmp(&b.key)));
            let mutual_tls = self.ws.domain_names[name]
                .mutual_tls_authentication
                .as_ref()
                .and_then(|m| m.truststore_uri.as_deref())
                .is_some_and(|u| !u.is_empty());
            out.push(DomainPlan {
                name: name.clone(),
                mappings: plans,
                mutual_tls,
            });
        }
        // An exact name wins over a wildcard that also matches.
        out.sort_by_key(|d| d.name.starts_with("*."));
        out
    }

    /// Notes a warning once, however many stages share its cause.
    fn warn(&mut self, w: String) {
        if !self.warnings.contains(&w) {
            self.warnings.push(w);
        }
    }

    fn api(&mut self, api_id: &str) -> Result<ApiPlan, String> {
        let ws = self.ws;
        let api = ws
            .apis
            .get(api_id)
            .ok_or_else(|| format!("Invalid API identifier specified {api_id}"))?;
        let mut stages = HashMap::new();
        let mut default_stage = None;
        let no_stages = Default::default();
        let stage_list = ws.stages.get(api_id).unwrap_or(&no_stages);
        if stage_list.is_empty() {
            self.warn(format!(
                "API {api_id} has no stage, so every request answers 404; create one with \
                 create-stage --api-id {api_id} --stage-name '$default'"
            ));
        }
        for stage in stage_list.values() {
            let plan = Arc::new(self.stage(api_id, stage)?);
            if stage.stage_name == "$default" {
                default_stage = Some(plan);
            } else {
                stages.insert(stage.stage_name.clone(), plan);
            }
        }
        Ok(ApiPlan {
            api_id: api_id.to_string(),
            api_name: api.name.clone(),
            endpoint_disabled: api.disable_execute_api_endpoint,
            stages,
            default_stage,
        })
    }

    fn stage(&mut self, api_id: &str, stage: &Stage) -> Result<StagePlan, String> {
        let served = self.ws.served(api_id, &stage.stage_name);
        let serving = match &served {
            Served::Current(_) => Serving::Current,
            Served::Deployment { id, .. } => Serving::Deployment(id.clone()),
            Served::Nothing => Serving::Nothing,
        };
        let empty = Definition::default();
        let definition = served.definition().unwrap_or(&empty);
        let integration_ids: Vec<&String> = definition.integrations.keys().collect();
        let mut router = Router::default();
        let mut routes = Vec::with_capacity(definition.routes.len());
        for route in definition.routes.values() {
            let key = parse_route_key(&route.route_key)
                .map_err(|e| format!("route {}: {e}", route.route_id))?;
            let variables = match &key {
                RouteKey::Default => Vec::new(),
                RouteKey::Path { segments, .. } => segments
                    .iter()
                    .filter_map(|s| match s {
                        Segment::Variable(n) | Segment::Greedy(n) => Some(n.clone()),
                        Segment::Literal(_) => None,
                    })
                    .collect(),
            };
            let integration = route
                .target
                .as_deref()
                .and_then(|t| t.strip_prefix("integrations/"))
                .and_then(|id| integration_ids.iter().position(|i| *i == id));
            if integration.is_none() {
                self.warn(format!(
                    "route {} has no integration; it answers 404",
                    route.route_key
                ));
            }
            let mut notes = Vec::new();
            let authorization = authorization(&definition.authorizers, route, &mut notes);
            for n in notes {
                self.warn(n);
            }
            router.insert(&key, routes.len());
            routes.push(RoutePlan {
                key: route.route_key.clone(),
                is_default: key == RouteKey::Default,
                variables,
                integration,
                authorization,
            });
        }
        let mut integrations = Vec::with_capacity(definition.integrations.len());
        for integration in definition.integrations.values() {
            let mut notes = Vec::new();
            let plan = compile_integration(
                self.ws,
                integration,
                &stage.stage_variables,
                self.clients,
                self.previous,
                &mut self.health,
                &mut notes,
            );
            for n in notes {
                self.warn(format!("integration {}: {n}", integration.integration_id));
            }
            integrations.push(Arc::new(plan));
        }
        for w in zero_limit_warnings(
            api_id,
            &stage.stage_name,
            &stage.default_route_settings,
            &stage.route_settings,
        ) {
            if !self.alarms.contains(&w) {
                self.alarms.push(w.clone());
            }
            self.warn(w);
        }
        let throttle = ThrottlePlan::compile(
            routes.iter().map(|r| r.key.as_str()),
            &stage.default_route_settings,
            &stage.route_settings,
        );
        let access_log = crate::logs::StageLog::compile(
            self.access_logs,
            &stage.stage_name,
            stage.access_log_settings.as_ref(),
        )
        .unwrap_or_else(|e| {
            self.warn(e);
            None
        });
        Ok(StagePlan {
            name: stage.stage_name.clone(),
            serving,
            router,
            routes,
            integrations,
            cors: CorsPlan::compile(definition.cors_configuration.as_ref()),
            throttle,
            access_log,
            stage_variables: stage.stage_variables.clone(),
        })
    }
}

fn authorization(
    authorizers: &BTreeMap<String, crate::model::Authorizer>,
    route: &crate::model::Route,
    warnings: &mut Vec<String>,
) -> Authorization {
    match route.authorization_type.as_str() {
        "JWT" => {
            let authorizer = route
                .authorizer_id
                .as_deref()
                .and_then(|id| authorizers.get(id));
            match authorizer {
                Some(a) => {
                    let jwt = a.jwt_configuration.clone().unwrap_or_default();
                    Authorization::Jwt(Arc::new(JwtRequirement {
                        authorizer_id: a.authorizer_id.clone(),
                        authorizer_name: a.name.clone(),
                        issuer: jwt.issuer,
                        audience: jwt.audience.unwrap_or_default(),
                        identity_source: a.identity_source.clone(),
                        scopes: route.authorization_scopes.clone().unwrap_or_default(),
                    }))
                }
                None => {
                    let why = format!(
                        "route {} uses a JWT authorizer that is not in the workspace; it answers 500",
                        route.route_key
                    );
                    warnings.push(why.clone());
                    Authorization::Unavailable(why)
                }
            }
        }
        "AWS_IAM" => {
            warnings.push(format!(
                "route {} uses AWS_IAM authorization, which serve does not check",
                route.route_key
            ));
            Authorization::Iam
        }
        "CUSTOM" => {
            let authorizer = route
                .authorizer_id
                .as_deref()
                .and_then(|id| authorizers.get(id));
            match authorizer.map(lambda_requirement) {
                Some(Ok(l)) => Authorization::Lambda(Arc::new(l)),
                Some(Err(why)) => {
                    let why = format!("route {}: {why}; it answers 500", route.route_key);
                    warnings.push(why.clone());
                    Authorization::Unavailable(why)
                }
                None => {
                    let why = format!(
                        "route {} uses a Lambda authorizer that is not in the workspace; it answers 500",
                        route.route_key
                    );
                    warnings.push(why.clone());
                    Authorization::Unavailable(why)
                }
            }
        }
        _ => Authorization::None,
    }
}

/// A `REQUEST` authorizer compiled for the routes that use it.
fn lambda_requirement(
    a: &crate::model::Authorizer,
) -> Result<super::lambda_auth::LambdaRequirement, String> {
    use super::lambda_auth::{IdentitySource, LambdaRequirement};
    if a.authorizer_type != "REQUEST" {
        return Err(format!(
            "authorizer {} is a {} authorizer, not a Lambda (REQUEST) one",
            a.authorizer_id, a.authorizer_type
        ));
    }
    let uri = a.authorizer_uri.as_deref().unwrap_or_default();
    let function = lambda_function_arn(uri).ok_or_else(|| {
        format!(
            "authorizer {} has no Lambda function URI ({uri})",
            a.authorizer_id
        )
    })?;
    let mut identity = Vec::with_capacity(a.identity_source.len());
    for expr in &a.identity_source {
        let parsed = IdentitySource::parse(expr).ok_or_else(|| {
            format!(
                "authorizer {}: {expr} is not an identity source",
                a.authorizer_id
            )
        })?;
        identity.push((expr.clone(), parsed));
    }
    let ttl = a
        .authorizer_result_ttl_in_seconds
        .unwrap_or(0)
        .clamp(0, 3600) as u64;
    Ok(LambdaRequirement {
        authorizer_id: a.authorizer_id.clone(),
        authorizer_name: a.name.clone(),
        function,
        format: super::lambda_response::Format::parse(
            a.authorizer_payload_format_version.as_deref(),
        ),
        simple: a.enable_simple_responses.unwrap_or(false),
        identity,
        ttl: Duration::from_secs(if a.identity_source.is_empty() { 0 } else { ttl }),
    })
}

/// The function ARN a Lambda ARN or invocation URI names.
pub fn lambda_function_arn(uri: &str) -> Option<String> {
    let arn = crate::rules::arn::lambda_function(uri)?;
    Some(format!(
        "arn:{}:{}:{}:{}:{}",
        arn.partition, arn.service, arn.region, arn.account, arn.resource
    ))
}

/// Replaces `${stageVariables.NAME}` in an integration URI.
fn with_stage_variables(uri: &str, vars: &StringMap) -> String {
    let mut out = String::with_capacity(uri.len());
    let mut rest = uri;
    while let Some(start) = rest.find("${stageVariables.") {
        out.push_str(&rest[..start]);
        let after = &rest[start + "${stageVariables.".len()..];
        match after.find('}') {
            Some(end) => {
                out.push_str(vars.get(&after[..end]).map_or("", String::as_str));
                rest = &after[end + 1..];
            }
            None => {
                out.push_str(&rest[start..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// Splits an integration URL's path into text and `{variables}`.
fn path_pieces(path: &str) -> Vec<PathPiece> {
    let mut out = Vec::new();
    let mut rest = path;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        if open > 0 {
            out.push(PathPiece::Text(rest[..open].to_string()));
        }
        let name = rest[open + 1..open + close].trim_end_matches('+');
        out.push(PathPiece::Variable(name.to_string()));
        rest = &rest[open + close + 1..];
    }
    if !rest.is_empty() {
        out.push(PathPiece::Text(rest.to_string()));
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn compile_integration(
    ws: &Workspace,
    i: &Integration,
    stage_variables: &StringMap,
    clients: &ClientKinds,
    previous: &HealthIndex,
    health: &mut HealthIndex,
    notes: &mut Vec<String>,
) -> IntegrationPlan {
    let method = match i.integration_method.as_deref() {
        None | Some("ANY") => None,
        Some(m) => Method::from_bytes(m.as_bytes()).ok(),
    };
    let timeout = Duration::from_millis(i.timeout_in_millis.clamp(50, 30_000) as u64);
    let request = RequestMappings::compile(i.request_parameters.as_ref(), stage_variables, notes);
    let response =
        ResponseMappings::compile(i.response_parameters.as_ref(), stage_variables, notes);
    let target = match compile_target(ws, i, stage_variables, clients, previous, health, notes) {
        Ok(t) => t,
        Err(why) => {
            notes.push(format!("{why}; its routes answer 500"));
            Target::Unavailable(why)
        }
    };
    IntegrationPlan {
        id: i.integration_id.clone(),
        method,
        timeout,
        target,
        request,
        response,
    }
}

fn compile_target(
    ws: &Workspace,
    i: &Integration,
    stage_variables: &StringMap,
    clients: &ClientKinds,
    previous: &HealthIndex,
    health: &mut HealthIndex,
    notes: &mut Vec<String>,
) -> Result<Target, String> {
    let uri = i.integration_uri.as_deref().unwrap_or_default();
    match i.integration_type.as_str() {
        "AWS_PROXY" => {
            let uri = with_stage_variables(uri, stage_variables);
            let function =
                lambda_function_arn(&uri).ok_or_else(|| match &i.integration_subtype {
                    Some(sub) => format!("AWS service integrations ({sub}) are not run locally"),
                    None => format!("{uri} is not a Lambda function ARN"),
                })?;
            return Ok(Target::Lambda {
                function,
                format: super::lambda_response::Format::parse(i.payload_format_version.as_deref()),
            });
        }
        "HTTP_PROXY" => {}
        other => {
            return Err(format!("integration type {other} is not one HTTP APIs run"));
        }
    }
    if i.is_private() {
        let server_name = i
            .tls_config
            .as_ref()
            .and_then(|t| t.server_name_to_verify.as_deref());
        let client = clients.kind(server_name)?;
        let (scheme, host) = match server_name {
            Some(n) => (
                Scheme::HTTPS,
                Some(HeaderValue::from_str(n).map_err(|_| format!("{n:?} is not a host name"))?),
            ),
            None => (Scheme::HTTP, None),
        };
        let upstream = match private_target(uri) {
            Some(PrivateTarget::Listener { arn, .. }) => {
                let listener = ws.elbv2.listeners.get(&arn);
                if listener.is_none_or(|l| l.targets.is_empty()) {
                    notes.push(format!(
                        "listener {arn} has no registered targets, so its routes answer 503; \
                         register some with register-targets"
                    ));
                }
                Pool::listener(&arn, listener, previous, health)
            }
            Some(PrivateTarget::CloudMapService {
                service_id, query, ..
            }) => {
                let service = ws.servicediscovery.services.get(&service_id);
                let pool = Pool::cloud_map(&service_id, &query, service, previous, health);
                if pool.is_empty() {
                    notes.push(format!(
                        "Cloud Map service {service_id} has no healthy instance matching the URI's query, \
                         so its routes answer 503; register one with register-instance"
                    ));
                }
                pool
            }
            None => {
                return Err(format!(
                    "{uri} is not an ELB listener or Cloud Map service ARN"
                ));
            }
        };
        return Ok(Target::Private {
            scheme,
            upstream,
            host,
            client,
        });
    }
    let url = with_stage_variables(uri, stage_variables);
    let (scheme, rest) = if let Some(r) = url.strip_prefix("https://") {
        (Scheme::HTTPS, r)
    } else if let Some(r) = url.strip_prefix("http://") {
        (Scheme::HTTP, r)
    } else {
        return Err(format!("{url} is not an http:// or https:// URL"));
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = Authority::try_from(&rest[..end])
        .map_err(|_| format!("{url} does not have a host this gateway can connect to"))?;
    let after = &rest[end..];
    let after = after.split('#').next().unwrap_or_default();
    let (path, query) = match after.split_once('?') {
        Some((p, q)) => (p, Some(q.to_string()).filter(|q| !q.is_empty())),
        None => (after, None),
    };
    let host = HeaderValue::from_str(authority.as_str())
        .map_err(|_| format!("{url} has a host that is not a valid Host header"))?;
    Ok(Target::Url {
        scheme,
        upstream: FixedHost { authority },
        host,
        path: path_pieces(path),
        query,
        client: clients.kind(None)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mapping_keys_come_off_the_path() {
        assert_eq!(strip_key("/orders/list", "orders"), Some("/list"));
        assert_eq!(strip_key("/orders", "orders"), Some("/"));
        assert_eq!(strip_key("/ordersx", "orders"), None);
        assert_eq!(strip_key("/billing/v2/pay", "billing/v2"), Some("/pay"));
        assert_eq!(strip_key("/any", ""), Some("/any"));
    }

    #[test]
    fn hosts_name_apis() {
        assert_eq!(
            api_of_host("a1b2c3d4e5.execute-api.localhost:8080"),
            Some("a1b2c3d4e5")
        );
        assert_eq!(
            api_of_host("a1b2c3d4e5.execute-api.localhost"),
            Some("a1b2c3d4e5")
        );
        assert_eq!(
            api_of_host("a1b2c3d4e5.execute-api.us-east-2.amazonaws.com"),
            Some("a1b2c3d4e5")
        );
        assert_eq!(api_of_host("127.0.0.1:8080"), None);
        assert_eq!(api_of_host("localhost"), None);
        assert_eq!(api_of_host("a1b2c3d4e5.example.com"), None);
    }

    #[test]
    fn stage_variables_and_path_pieces() {
        let mut vars = StringMap::new();
        vars.insert("host".into(), "example.com".into());
        assert_eq!(
            with_stage_variables(
                "https://${stageVariables.host}/a/${stageVariables.none}b",
                &vars
            ),
            "https://example.com/a/b"
        );
        assert_eq!(
            path_pieces("/pets/{id}/x/{proxy}"),
            vec![
                PathPiece::Text("/pets/".into()),
                PathPiece::Variable("id".into()),
                PathPiece::Text("/x/".into()),
                PathPiece::Variable("proxy".into()),
            ]
        );
    }
}
