//! Lambda (`REQUEST`) authorizers: where a route's identity sources are
//! read, what the authorizer's answer means (the simple
//! `{"isAuthorized": …}` form or an IAM policy), and the cache of answers
//! keyed by the identity sources' values for `AuthorizerResultTtlInSeconds`.
//!
//! `reset-authorizers-cache` runs in another process than `serve`: it
//! writes the time of the reset for its stage to a small file beside the
//! workspace (`.apigw/<workspace>.authorizer-cache-resets.json`), and a
//! cached answer older than its stage's reset is not used. The file is
//! looked at (one `stat`) only when a cached answer would be used.

use super::lambda_response::Format;
use http::HeaderName;
use serde_json::{Map, Value};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// Where an identity source is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdentitySource {
    Header(HeaderName),
    Query(String),
    Context(String),
    StageVariable(String),
}

impl IdentitySource {
    pub fn parse(expr: &str) -> Option<IdentitySource> {
        if let Some(h) = expr.strip_prefix("$request.header.") {
            return HeaderName::from_bytes(h.as_bytes())
                .ok()
                .map(IdentitySource::Header);
        }
        if let Some(q) = expr.strip_prefix("$request.querystring.") {
            return Some(IdentitySource::Query(q.to_string()));
        }
        if let Some(c) = expr.strip_prefix("$context.") {
            return Some(IdentitySource::Context(c.to_string()));
        }
        expr.strip_prefix("$stageVariables.")
            .map(|s| IdentitySource::StageVariable(s.to_string()))
    }
}

/// The value of an identity source for this request; `None` when it is
/// missing or empty (the request then gets 401). Repeated headers and
/// query parameters are joined with commas.
pub fn identity_value(
    source: &IdentitySource,
    r: &super::lambda_event::Request<'_>,
) -> Option<String> {
    let v = match source {
        IdentitySource::Header(name) => {
            let mut s = String::new();
            for (i, v) in r.headers.get_all(name).iter().enumerate() {
                if i > 0 {
                    s.push(',');
                }
                s.push_str(&String::from_utf8_lossy(v.as_bytes()));
            }
            s
        }
        IdentitySource::Query(name) => {
            let mut s = String::new();
            for (k, v) in super::params::query_pairs(r.query.unwrap_or("")) {
                if super::params::decode(k) == name.as_str() {
                    if !s.is_empty() {
                        s.push(',');
                    }
                    s.push_str(&super::params::decode(v));
                }
            }
            s
        }
        IdentitySource::StageVariable(name) => {
            r.stage_variables.get(name).cloned().unwrap_or_default()
        }
        IdentitySource::Context(name) => match name.as_str() {
            "requestId" | "extendedRequestId" => r.request_id.to_string(),
            "stage" => r.stage.to_string(),
            "apiId" => r.api_id.to_string(),
            "accountId" => r.account_id.to_string(),
            "httpMethod" => r.method.to_string(),
            "path" => r.full_path.to_string(),
            "protocol" => r.protocol.to_string(),
            "routeKey" => r.route_key.to_string(),
            "domainName" => r.domain_name.to_string(),
            "domainPrefix" => r
                .domain_name
                .split('.')
                .next()
                .unwrap_or_default()
                .to_string(),
            "identity.sourceIp" => r.source_ip.to_string(),
            "identity.userAgent" => r
                .headers
                .get(http::header::USER_AGENT)
                .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
                .unwrap_or_default(),
            "requestTimeEpoch" => r.epoch_ms.to_string(),
            _ => String::new(),
        },
    };
    (!v.is_empty()).then_some(v)
}

/// A route's Lambda authorizer, compiled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LambdaRequirement {
    pub authorizer_id: String,
    pub authorizer_name: String,
    /// The function ARN (from the authorizer's invocation URI).
    pub function: String,
    pub format: Format,
    /// `EnableSimpleResponses` (2.0 only).
    pub simple: bool,
    /// The identity sources, as written and parsed.
    pub identity: Vec<(String, IdentitySource)>,
    /// `AuthorizerResultTtlInSeconds`; zero caches nothing.
    pub ttl: Duration,
}

/// What an authorizer allowed a request with.
#[derive(Debug, Clone, PartialEq)]
pub struct Allowed {
    pub context: Map<String, Value>,
    pub principal_id: Option<String>,
}

/// An authorizer's decision.
#[derive(Debug, Clone, PartialEq)]
pub enum Decision {
    Allow(Arc<Allowed>),
    Deny,
}

/// Reads an authorizer's answer; `Err` says why it is not one.
pub fn decide(
    req: &LambdaRequirement,
    route_arn: &str,
    payload: &[u8],
) -> Result<Decision, String> {
    if super::lambda_response::nesting(payload) > 64 {
        return Err("the authorizer's answer nests too deeply".into());
    }
    let value: Value = serde_json::from_slice(payload).map_err(|e| {
        format!(
            "the authorizer's answer is not JSON ({e}): {}",
            super::lambda_response::preview(payload)
        )
    })?;
    let Value::Object(o) = value else {
        return Err(format!(
            "the authorizer's answer is not an object: {}",
            super::lambda_response::preview(payload)
        ));
    };
    let context = match o.get("context") {
        None | Some(Value::Null) => Map::new(),
        Some(Value::Object(c)) => c.clone(),
        Some(_) => return Err("the authorizer's context is not an object".into()),
    };
    if req.simple {
        return match o.get("isAuthorized") {
            Some(Value::Bool(true)) => Ok(Decision::Allow(Arc::new(Allowed {
                context,
                principal_id: None,
            }))),
            Some(Value::Bool(false)) => Ok(Decision::Deny),
            _ => Err("the authorizer's simple response has no boolean isAuthorized".into()),
        };
    }
    let policy = o
        .get("policyDocument")
        .and_then(Value::as_object)
        .ok_or("the authorizer's answer has no policyDocument (an IAM policy is expected; set --enable-simple-responses for the simple form)")?;
    let statements: Vec<&Value> = match policy.get("Statement") {
        Some(Value::Array(s)) => s.iter().collect(),
        Some(s @ Value::Object(_)) => vec![s],
        _ => return Err("the authorizer's policyDocument has no Statement".into()),
    };
    let mut allowed = false;
    for s in statements {
        let effect = s.get("Effect").and_then(Value::as_str).unwrap_or_default();
        if !listed(s.get("Action"), "execute-api:Invoke") || !listed(s.get("Resource"), route_arn) {
            continue;
        }
        if effect.eq_ignore_ascii_case("deny") {
            return Ok(Decision::Deny);
        }
        allowed |= effect.eq_ignore_ascii_case("allow");
    }
    if !allowed {
        return Ok(Decision::Deny);
    }
    let principal_id = o
        .get("principalId")
        .and_then(Value::as_str)
        .map(str::to_string);
    Ok(Decision::Allow(Arc::new(Allowed {
        context,
        principal_id,
    })))
}

/// Whether a statement's `Action` or `Resource` (a string or a list of
/// patterns with `*` and `?`) takes `value`.
fn listed(patterns: Option<&Value>, value: &str) -> bool {
    match patterns {
        Some(Value::String(p)) => glob(p, value),
        Some(Value::Array(ps)) => ps
            .iter()
            .any(|p| p.as_str().is_some_and(|p| glob(p, value))),
        _ => false,
    }
}

/// IAM-style wildcard match (`*` any run, `?` one character), without
/// regard to ASCII case.
pub fn glob(pattern: &str, value: &str) -> bool {
    let (p, v): (Vec<char>, Vec<char>) = (pattern.chars().collect(), value.chars().collect());
    let (mut pi, mut vi) = (0, 0);
    let (mut star, mut mark) = (None, 0);
    while vi < v.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi].eq_ignore_ascii_case(&v[vi])) {
            pi += 1;
            vi += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some(pi);
            mark = vi;
            pi += 1;
        } else if let Some(s) = star {
            pi = s + 1;
            mark += 1;
            vi = mark;
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|c| *c == '*')
}

/// The answers of Lambda authorizers, shared by every thread of a
/// `serve`, across reloads.
pub struct Cache {
    entries: Mutex<HashMap<String, Entry>>,
    resets: Mutex<Resets>,
    path: Option<PathBuf>,
}

struct Entry {
    decision: Decision,
    expires: Instant,
    /// When it was stored, in ms since the epoch (against resets).
    stored_ms: u64,
    /// `API/STAGE`, to find its reset.
    stage: String,
}

#[derive(Default)]
struct Resets {
    stamp: Option<(SystemTime, u64)>,
    by_stage: HashMap<String, u64>,
}

/// The most answers kept; past it, expired ones go, then the oldest half.
const MAX_ENTRIES: usize = 10_000;

fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64)
}

impl Cache {
    /// A cache that honours resets recorded for `workspace`.
    pub fn new(workspace: Option<&Path>) -> Cache {
        Cache {
            entries: Mutex::new(HashMap::new()),
            resets: Mutex::new(Resets::default()),
            path: workspace.map(resets_path),
        }
    }

    /// The key of an answer: whose stage and authorizer, and the values.
    pub fn key(api: &str, stage: &str, req: &LambdaRequirement, values: &[String]) -> String {
        let mut k = format!(
            "{api}/{stage}\n{}\n{}\n{}\n{}\n{}",
            req.authorizer_id,
            req.function,
            req.format.as_str(),
            req.simple,
            req.ttl.as_secs()
        );
        for v in values {
            k.push('\n');
            k.push_str(v);
        }
        k
    }

    pub fn get(&self, key: &str) -> Option<Decision> {
        let (decision, stored_ms, stage) = {
            let entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
            let e = entries.get(key)?;
            if e.expires <= Instant::now() {
                return None;
            }
            (e.decision.clone(), e.stored_ms, e.stage.clone())
        };
        if self.reset_since(&stage, stored_ms) {
            self.entries
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .remove(key);
            return None;
        }
        Some(decision)
    }

    pub fn put(&self, key: String, api: &str, stage: &str, ttl: Duration, decision: Decision) {
        let now = Instant::now();
        let mut entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        if entries.len() >= MAX_ENTRIES {
            entries.retain(|_, e| e.expires > now);
            if entries.len() >= MAX_ENTRIES {
                let keep: Vec<String> = entries.keys().take(MAX_ENTRIES / 2).cloned().collect();
                entries.retain(|k, _| keep.contains(k));
            }
        }
        entries.insert(
            key,
            Entry {
                decision,
                expires: now + ttl,
                stored_ms: now_ms(),
                stage: format!("{api}/{stage}"),
            },
        );
    }

    /// Whether the stage's cache was reset at or after `stored_ms`.
    fn reset_since(&self, stage: &str, stored_ms: u64) -> bool {
        let Some(path) = &self.path else {
            return false;
        };
        let mut resets = self.resets.lock().unwrap_or_else(|p| p.into_inner());
        let stamp = std::fs::metadata(path)
            .ok()
            .and_then(|m| Some((m.modified().ok()?, m.len())));
        if stamp != resets.stamp {
            resets.by_stage = read_resets(path);
            resets.stamp = stamp;
        }
        resets
            .by_stage
            .get(stage)
            .is_some_and(|at| *at >= stored_ms)
    }
}

/// Where resets are recorded for the workspace file `workspace`.
pub fn resets_path(workspace: &Path) -> PathBuf {
    let dir = workspace
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = workspace
        .file_name()
        .map_or_else(|| "apigw.toml".into(), |n| n.to_string_lossy());
    dir.join(".apigw")
        .join(format!("{name}.authorizer-cache-resets.json"))
}

fn read_resets(path: &Path) -> HashMap<String, u64> {
    use std::io::Read;
    let mut text = String::new();
    let read =
        std::fs::File::open(path).and_then(|f| f.take(1024 * 1024).read_to_string(&mut text));
    if read.is_err() {
        return HashMap::new();
    }
    serde_json::from_str(&text).unwrap_or_default()
}

/// Records that the authorizer cache of `api`'s stage `stage` was reset
/// now (what `reset-authorizers-cache` does).
pub fn record_reset(workspace: &Path, api: &str, stage: &str) -> std::io::Result<()> {
    let path = resets_path(workspace);
    if let Some(dir) = path.parent()
        && !dir.exists()
    {
        let mut builder = std::fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::DirBuilderExt;
            builder.mode(0o700);
        }
        builder.create(dir)?;
        std::fs::write(
            dir.join(".gitignore"),
            "# apigw's local state: never commit it\n*\n",
        )?;
    }
    let mut all = read_resets(&path);
    all.insert(format!("{api}/{stage}"), now_ms());
    let text = serde_json::to_string(&all).map_err(std::io::Error::other)?;
    let tmp = path.with_extension(format!("json.{}.tmp", std::process::id()));
    std::fs::write(&tmp, text)?;
    std::fs::rename(&tmp, &path)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn requirement(simple: bool) -> LambdaRequirement {
        LambdaRequirement {
            authorizer_id: "a1".into(),
            authorizer_name: "auth".into(),
            function: "arn:aws:lambda:us-east-2:123456789012:function:auth".into(),
            format: Format::V2,
            simple,
            identity: vec![],
            ttl: Duration::ZERO,
        }
    }

    const ARN: &str = "arn:aws:execute-api:us-east-2:123456789012:abc/dev/GET/pets";

    #[test]
    fn simple_answers() {
        let r = requirement(true);
        let d = decide(&r, ARN, br#"{"isAuthorized":true,"context":{"user":"u1"}}"#).unwrap();
        assert!(matches!(d, Decision::Allow(a) if a.context["user"] == "u1"));
        assert_eq!(
            decide(&r, ARN, br#"{"isAuthorized":false}"#).unwrap(),
            Decision::Deny
        );
        assert!(decide(&r, ARN, br#"{"isAuthorized":"yes"}"#).is_err());
    }

    #[test]
    fn policy_answers() {
        let r = requirement(false);
        let allow = br#"{"principalId":"p","policyDocument":{"Version":"2012-10-17","Statement":[{"Action":"execute-api:Invoke","Effect":"Allow","Resource":"arn:aws:execute-api:us-east-2:123456789012:abc/*/GET/*"}]},"context":{"k":1}}"#;
        let d = decide(&r, ARN, allow).unwrap();
        assert!(matches!(d, Decision::Allow(a) if a.principal_id.as_deref() == Some("p")));
        let other = br#"{"policyDocument":{"Statement":[{"Action":"execute-api:Invoke","Effect":"Allow","Resource":"arn:aws:execute-api:us-east-2:123456789012:abc/*/POST/*"}]}}"#;
        assert_eq!(decide(&r, ARN, other).unwrap(), Decision::Deny);
        let deny = br#"{"policyDocument":{"Statement":[{"Action":"*","Effect":"Allow","Resource":"*"},{"Action":"execute-api:*","Effect":"Deny","Resource":["*"]}]}}"#;
        assert_eq!(decide(&r, ARN, deny).unwrap(), Decision::Deny);
        assert!(decide(&r, ARN, br#"{"isAuthorized":true}"#).is_err());
    }

    #[test]
    fn globs() {
        assert!(glob("a*c", "abbbc"));
        assert!(glob("a?c", "abc"));
        assert!(!glob("a?c", "abbc"));
        assert!(glob("*", ""));
    }
}
