//! The events a Lambda proxy integration and a Lambda (`REQUEST`)
//! authorizer receive, built as the service builds them (payload formats
//! 1.0 and 2.0, SPEC section 8): straight from the request's parts into one
//! JSON object, with no intermediate maps; a 10-header GET becomes about
//! 1 KB of JSON in a few microseconds.
//!
//! 2.0 leaves absent members out; 1.0 writes them as `null`, as the REST
//! API format it keeps does. Header names are lowercase in both (hyper
//! keeps no case). Bodies are base64 unless their content type is text.

use super::params::{Claims, decode, query_pairs};
use crate::model::StringMap;
use base64::Engine as _;
use http::HeaderMap;
use serde_json::{Map, Value};

/// What the function (or the authorizer) is told of the caller's identity.
pub enum Authorizer<'a> {
    None,
    /// A JWT authorizer accepted the token: its claims (each a string in
    /// the event), and the token's scopes when the route asks for scopes.
    Jwt {
        claims: &'a Claims,
        scopes: Option<Vec<String>>,
    },
    /// A Lambda authorizer allowed the request with this `context` (and,
    /// for the IAM policy form, this `principalId`).
    Lambda {
        context: &'a Map<String, Value>,
        principal_id: Option<&'a str>,
    },
}

/// The request, as an event reads it.
pub struct Request<'a> {
    pub method: &'a str,
    /// `rawPath` (2.0): the path with the stage for a named stage, the path
    /// after the API mapping key on a custom domain.
    pub raw_path: &'a str,
    /// `path` (1.0): the path as the client sent it.
    pub full_path: &'a str,
    /// The raw query string, without `?`.
    pub query: Option<&'a str>,
    /// The headers as the function sees them (the client's and the
    /// gateway's `x-forwarded-*`, `x-amzn-trace-id`).
    pub headers: &'a HeaderMap,
    /// The route's path variables (name, raw value).
    pub path_parameters: &'a [(&'a str, &'a str)],
    pub stage_variables: &'a StringMap,
    pub route_key: &'a str,
    pub stage: &'a str,
    pub api_id: &'a str,
    pub account_id: &'a str,
    pub request_id: &'a str,
    pub epoch_ms: u128,
    pub source_ip: &'a str,
    pub protocol: &'a str,
    /// The `Host` without its port (or the custom domain name).
    pub domain_name: &'a str,
    pub authorizer: Authorizer<'a>,
    /// The mutual TLS client's certificate.
    pub client_cert: Option<&'a crate::acm::x509::ClientCert>,
}

/// `clientCert`, as both payload versions show a mutual TLS client's
/// certificate.
fn client_cert(c: &crate::acm::x509::ClientCert) -> Value {
    serde_json::json!({
        "clientCertPem": c.pem,
        "subjectDN": c.subject_dn,
        "issuerDN": c.issuer_dn,
        "serialNumber": c.serial_number,
        "validity": {"notBefore": c.not_before, "notAfter": c.not_after},
    })
}

/// The body and whether it went in base64.
fn body(headers: &HeaderMap, bytes: &[u8]) -> (Value, bool) {
    let text = headers
        .get(http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(is_text);
    match std::str::from_utf8(bytes) {
        Ok(s) if text => (Value::String(s.to_string()), false),
        _ => (
            Value::String(base64::engine::general_purpose::STANDARD.encode(bytes)),
            true,
        ),
    }
}

/// Content types whose bodies go to the function as text.
pub fn is_text(content_type: &str) -> bool {
    let essence = content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    essence.starts_with("text/")
        || matches!(
            essence.as_str(),
            "application/json" | "application/xml" | "application/javascript"
        )
}

/// The domain prefix: the host's first label.
fn domain_prefix(domain: &str) -> &str {
    domain.split('.').next().unwrap_or(domain)
}

fn time(epoch_ms: u128) -> String {
    let mut out = String::with_capacity(26);
    crate::logs::time::push_clf(&mut out, i64::try_from(epoch_ms).unwrap_or(i64::MAX));
    out
}

fn epoch(epoch_ms: u128) -> Value {
    Value::from(u64::try_from(epoch_ms).unwrap_or(u64::MAX))
}

/// 2.0 headers (repeats joined with commas) and the cookies taken out.
fn headers_v2(headers: &HeaderMap) -> (Map<String, Value>, Vec<Value>) {
    let mut out = Map::with_capacity(headers.keys_len());
    let mut cookies = Vec::new();
    for name in headers.keys() {
        if *name == http::header::COOKIE {
            for v in headers.get_all(name) {
                let v = String::from_utf8_lossy(v.as_bytes());
                cookies.extend(
                    v.split(';')
                        .map(str::trim)
                        .filter(|c| !c.is_empty())
                        .map(|c| Value::String(c.to_string())),
                );
            }
            continue;
        }
        out.insert(
            name.as_str().to_string(),
            Value::String(joined(headers, name)),
        );
    }
    (out, cookies)
}

fn joined(headers: &HeaderMap, name: &http::HeaderName) -> String {
    let mut s = String::new();
    for (i, v) in headers.get_all(name).iter().enumerate() {
        if i > 0 {
            s.push(',');
        }
        s.push_str(&String::from_utf8_lossy(v.as_bytes()));
    }
    s
}

/// 2.0 query parameters: decoded, repeats joined with commas.
fn query_v2(query: &str) -> Map<String, Value> {
    let mut out = Map::new();
    for (k, v) in query_pairs(query) {
        let (k, v) = (decode(k), decode(v));
        match out.get_mut(k.as_ref()) {
            Some(Value::String(s)) => {
                s.push(',');
                s.push_str(&v);
            }
            _ => {
                out.insert(k.into_owned(), Value::String(v.into_owned()));
            }
        }
    }
    out
}

fn path_parameters(params: &[(&str, &str)]) -> Map<String, Value> {
    params
        .iter()
        .map(|(n, v)| (n.to_string(), Value::String(decode(v).into_owned())))
        .collect()
}

fn stage_variables(vars: &StringMap) -> Map<String, Value> {
    vars.iter()
        .map(|(k, v)| (k.clone(), Value::String(v.clone())))
        .collect()
}

/// JWT claims as the service passes them: every value a string (arrays
/// as `[a b]`, as the service writes them).
fn claims_as_strings(claims: &Claims) -> Map<String, Value> {
    claims
        .iter()
        .map(|(k, v)| {
            let s = match v {
                Value::String(s) => s.clone(),
                Value::Array(items) => {
                    let parts: Vec<String> = items
                        .iter()
                        .map(|i| match i {
                            Value::String(s) => s.clone(),
                            other => other.to_string(),
                        })
                        .collect();
                    format!("[{}]", parts.join(" "))
                }
                other => other.to_string(),
            };
            (k.clone(), Value::String(s))
        })
        .collect()
}

fn scopes_value(scopes: &Option<Vec<String>>) -> Value {
    match scopes {
        Some(s) => Value::Array(s.iter().cloned().map(Value::String).collect()),
        None => Value::Null,
    }
}

/// The `requestContext` of a 2.0 event (without `authorizer`).
fn request_context_v2(r: &Request<'_>) -> Map<String, Value> {
    let mut c = Map::with_capacity(12);
    c.insert("accountId".into(), r.account_id.into());
    c.insert("apiId".into(), r.api_id.into());
    if let Some(cert) = r.client_cert {
        c.insert(
            "authentication".into(),
            serde_json::json!({ "clientCert": client_cert(cert) }),
        );
    }
    c.insert("domainName".into(), r.domain_name.into());
    c.insert("domainPrefix".into(), domain_prefix(r.domain_name).into());
    let mut http = Map::with_capacity(5);
    http.insert("method".into(), r.method.into());
    http.insert("path".into(), r.raw_path.into());
    http.insert("protocol".into(), r.protocol.into());
    http.insert("sourceIp".into(), r.source_ip.into());
    let user_agent = r
        .headers
        .get(http::header::USER_AGENT)
        .map(|v| String::from_utf8_lossy(v.as_bytes()).into_owned())
        .unwrap_or_default();
    http.insert("userAgent".into(), user_agent.into());
    c.insert("http".into(), Value::Object(http));
    c.insert("requestId".into(), r.request_id.into());
    c.insert("routeKey".into(), r.route_key.into());
    c.insert("stage".into(), r.stage.into());
    c.insert("time".into(), time(r.epoch_ms).into());
    c.insert("timeEpoch".into(), epoch(r.epoch_ms));
    c
}

/// The members a 2.0 integration event and a 2.0 authorizer event share,
/// in the service's order, after `version` (and the authorizer's own).
fn common_v2(event: &mut Map<String, Value>, r: &Request<'_>) {
    event.insert("routeKey".into(), r.route_key.into());
    event.insert("rawPath".into(), r.raw_path.into());
    event.insert("rawQueryString".into(), r.query.unwrap_or("").into());
    let (headers, cookies) = headers_v2(r.headers);
    if !cookies.is_empty() {
        event.insert("cookies".into(), Value::Array(cookies));
    }
    event.insert("headers".into(), Value::Object(headers));
    if let Some(q) = r.query.filter(|q| !q.is_empty()) {
        event.insert("queryStringParameters".into(), Value::Object(query_v2(q)));
    }
}

fn tail_v2(event: &mut Map<String, Value>, r: &Request<'_>) {
    if !r.path_parameters.is_empty() {
        event.insert(
            "pathParameters".into(),
            Value::Object(path_parameters(r.path_parameters)),
        );
    }
    if !r.stage_variables.is_empty() {
        event.insert(
            "stageVariables".into(),
            Value::Object(stage_variables(r.stage_variables)),
        );
    }
}

/// The 2.0 event of a Lambda proxy integration.
pub fn integration_v2(r: &Request<'_>, body_bytes: &[u8]) -> Vec<u8> {
    let mut e = Map::with_capacity(12);
    e.insert("version".into(), "2.0".into());
    common_v2(&mut e, r);
    let mut context = request_context_v2(r);
    match &r.authorizer {
        Authorizer::None => {}
        Authorizer::Jwt { claims, scopes } => {
            let mut jwt = Map::new();
            jwt.insert("claims".into(), Value::Object(claims_as_strings(claims)));
            jwt.insert("scopes".into(), scopes_value(scopes));
            let mut a = Map::new();
            a.insert("jwt".into(), Value::Object(jwt));
            insert_after(&mut context, "apiId", "authorizer", Value::Object(a));
        }
        Authorizer::Lambda { context: lc, .. } => {
            let mut a = Map::new();
            a.insert("lambda".into(), Value::Object((*lc).clone()));
            insert_after(&mut context, "apiId", "authorizer", Value::Object(a));
        }
    }
    e.insert("requestContext".into(), Value::Object(context));
    let mut encoded = false;
    if !body_bytes.is_empty() {
        let (b, base64) = body(r.headers, body_bytes);
        e.insert("body".into(), b);
        encoded = base64;
    }
    if !r.path_parameters.is_empty() {
        e.insert(
            "pathParameters".into(),
            Value::Object(path_parameters(r.path_parameters)),
        );
    }
    e.insert("isBase64Encoded".into(), encoded.into());
    if !r.stage_variables.is_empty() {
        e.insert(
            "stageVariables".into(),
            Value::Object(stage_variables(r.stage_variables)),
        );
    }
    serde_json::to_vec(&Value::Object(e)).unwrap_or_default()
}

/// Inserts `key` right after `after` (the service's member order).
fn insert_after(map: &mut Map<String, Value>, after: &str, key: &str, value: Value) {
    let mut out = Map::with_capacity(map.len() + 1);
    for (k, v) in std::mem::take(map) {
        let at = k == after;
        out.insert(k, v);
        if at {
            out.insert(key.to_string(), value.clone());
        }
    }
    if !out.contains_key(key) {
        out.insert(key.to_string(), value);
    }
    *map = out;
}

/// 1.0 headers: `headers` (the last value of a repeated header) and
/// `multiValueHeaders` (every value).
fn headers_v1(headers: &HeaderMap) -> (Map<String, Value>, Map<String, Value>) {
    let mut single = Map::with_capacity(headers.keys_len());
    let mut multi = Map::with_capacity(headers.keys_len());
    for name in headers.keys() {
        let values: Vec<Value> = headers
            .get_all(name)
            .iter()
            .map(|v| Value::String(String::from_utf8_lossy(v.as_bytes()).into_owned()))
            .collect();
        if let Some(last) = values.last() {
            single.insert(name.as_str().to_string(), last.clone());
        }
        multi.insert(name.as_str().to_string(), Value::Array(values));
    }
    (single, multi)
}

/// 1.0 query parameters: the last value of each name, and every value.
fn query_v1(query: &str) -> (Map<String, Value>, Map<String, Value>) {
    let mut single = Map::new();
    let mut multi = Map::new();
    for (k, v) in query_pairs(query) {
        let (k, v) = (decode(k).into_owned(), decode(v).into_owned());
        single.insert(k.clone(), Value::String(v.clone()));
        match multi.get_mut(&k) {
            Some(Value::Array(a)) => a.push(Value::String(v)),
            _ => {
                multi.insert(k, Value::Array(vec![Value::String(v)]));
            }
        }
    }
    (single, multi)
}

fn object_or_null(m: Map<String, Value>) -> Value {
    if m.is_empty() {
        Value::Null
    } else {
        Value::Object(m)
    }
}

/// The route's path, as 1.0 names it (`resource`, `resourcePath`).
fn resource(route_key: &str) -> &str {
    match route_key.split_once(' ') {
        Some((_, path)) => path,
        None => route_key,
    }
}

/// The `requestContext` of a 1.0 event (without `authorizer`).
fn request_context_v1(r: &Request<'_>) -> Map<String, Value> {
    let mut c = Map::with_capacity(16);
    c.insert("accountId".into(), r.account_id.into());
    c.insert("apiId".into(), r.api_id.into());
    c.insert("domainName".into(), r.domain_name.into());
    c.insert("domainPrefix".into(), domain_prefix(r.domain_name).into());
    c.insert("extendedRequestId".into(), r.request_id.into());
    c.insert("httpMethod".into(), r.method.into());
    let mut identity = Map::with_capacity(12);
    for k in ["accessKey", "accountId", "caller"] {
        identity.insert(k.into(), Value::Null);
    }
    if let Some(cert) = r.client_cert {
        identity.insert("clientCert".into(), client_cert(cert));
    }
    for k in [
        "cognitoAuthenticationProvider",
        "cognitoAuthenticationType",
        "cognitoIdentityId",
        "cognitoIdentityPoolId",
        "principalOrgId",
    ] {
        identity.insert(k.into(), Value::Null);
    }
    identity.insert("sourceIp".into(), r.source_ip.into());
    identity.insert("user".into(), Value::Null);
    let user_agent = r
        .headers
        .get(http::header::USER_AGENT)
        .map(|v| Value::String(String::from_utf8_lossy(v.as_bytes()).into_owned()))
        .unwrap_or(Value::Null);
    identity.insert("userAgent".into(), user_agent);
    identity.insert("userArn".into(), Value::Null);
    c.insert("identity".into(), Value::Object(identity));
    c.insert("path".into(), r.full_path.into());
    c.insert("protocol".into(), r.protocol.into());
    c.insert("requestId".into(), r.request_id.into());
    c.insert("requestTime".into(), time(r.epoch_ms).into());
    c.insert("requestTimeEpoch".into(), epoch(r.epoch_ms));
    c.insert("resourcePath".into(), resource(r.route_key).into());
    c.insert("stage".into(), r.stage.into());
    c
}

/// The members a 1.0 integration event and a 1.0 authorizer event share,
/// after `version` (and the authorizer's own).
fn common_v1(e: &mut Map<String, Value>, r: &Request<'_>) {
    e.insert("resource".into(), resource(r.route_key).into());
    e.insert("path".into(), r.full_path.into());
    e.insert("httpMethod".into(), r.method.into());
    let (single, multi) = headers_v1(r.headers);
    e.insert("headers".into(), Value::Object(single));
    e.insert("multiValueHeaders".into(), Value::Object(multi));
    let (single, multi) = query_v1(r.query.unwrap_or(""));
    e.insert("queryStringParameters".into(), object_or_null(single));
    e.insert(
        "multiValueQueryStringParameters".into(),
        object_or_null(multi),
    );
}

/// The 1.0 event of a Lambda proxy integration.
pub fn integration_v1(r: &Request<'_>, body_bytes: &[u8]) -> Vec<u8> {
    let mut e = Map::with_capacity(14);
    e.insert("version".into(), "1.0".into());
    common_v1(&mut e, r);
    let mut context = request_context_v1(r);
    let authorizer = match &r.authorizer {
        Authorizer::None => None,
        Authorizer::Jwt { claims, scopes } => {
            let mut a = Map::new();
            a.insert("claims".into(), Value::Object(claims_as_strings(claims)));
            a.insert("scopes".into(), scopes_value(scopes));
            Some(a)
        }
        Authorizer::Lambda {
            context: lc,
            principal_id,
        } => {
            let mut a = (*lc).clone();
            if let Some(p) = principal_id {
                a.insert("principalId".into(), (*p).into());
            }
            Some(a)
        }
    };
    if let Some(a) = authorizer {
        insert_after(&mut context, "apiId", "authorizer", Value::Object(a));
    }
    e.insert("requestContext".into(), Value::Object(context));
    e.insert(
        "pathParameters".into(),
        object_or_null(path_parameters(r.path_parameters)),
    );
    e.insert(
        "stageVariables".into(),
        object_or_null(stage_variables(r.stage_variables)),
    );
    if body_bytes.is_empty() {
        e.insert("body".into(), Value::Null);
        e.insert("isBase64Encoded".into(), false.into());
    } else {
        let (b, encoded) = body(r.headers, body_bytes);
        e.insert("body".into(), b);
        e.insert("isBase64Encoded".into(), encoded.into());
    }
    serde_json::to_vec(&Value::Object(e)).unwrap_or_default()
}

/// The route's ARN, as an authorizer is told it:
/// `arn:aws:execute-api:REGION:ACCOUNT:API/STAGE/METHOD/PATH`.
pub fn route_arn(region: &str, r: &Request<'_>) -> String {
    let path = r.raw_path_without_stage();
    format!(
        "arn:aws:execute-api:{region}:{}:{}/{}/{}{}",
        r.account_id, r.api_id, r.stage, r.method, path
    )
}

impl Request<'_> {
    /// The path after the stage (what the route matched).
    fn raw_path_without_stage(&self) -> &str {
        if self.stage != "$default"
            && let Some(rest) = self
                .raw_path
                .strip_prefix('/')
                .and_then(|p| p.strip_prefix(self.stage))
            && (rest.is_empty() || rest.starts_with('/'))
        {
            return if rest.is_empty() { "/" } else { rest };
        }
        self.raw_path
    }
}

/// The 2.0 event of a `REQUEST` authorizer: the identity source's values
/// as a list, then the request as the integration event has it.
pub fn authorizer_v2(r: &Request<'_>, region: &str, identity: &[String]) -> Vec<u8> {
    let mut e = Map::with_capacity(14);
    e.insert("version".into(), "2.0".into());
    e.insert("type".into(), "REQUEST".into());
    e.insert("routeArn".into(), route_arn(region, r).into());
    e.insert(
        "identitySource".into(),
        Value::Array(identity.iter().cloned().map(Value::String).collect()),
    );
    common_v2(&mut e, r);
    e.insert(
        "requestContext".into(),
        Value::Object(request_context_v2(r)),
    );
    tail_v2(&mut e, r);
    serde_json::to_vec(&Value::Object(e)).unwrap_or_default()
}

/// The 1.0 event of a `REQUEST` authorizer: the identity source's values
/// joined with commas (also as `authorizationToken`), then the request.
pub fn authorizer_v1(r: &Request<'_>, region: &str, identity: &[String]) -> Vec<u8> {
    let mut e = Map::with_capacity(16);
    let joined = identity.join(",");
    e.insert("version".into(), "1.0".into());
    e.insert("type".into(), "REQUEST".into());
    e.insert("methodArn".into(), route_arn(region, r).into());
    e.insert("identitySource".into(), joined.clone().into());
    e.insert("authorizationToken".into(), joined.into());
    common_v1(&mut e, r);
    e.insert(
        "pathParameters".into(),
        object_or_null(path_parameters(r.path_parameters)),
    );
    e.insert(
        "stageVariables".into(),
        object_or_null(stage_variables(r.stage_variables)),
    );
    e.insert(
        "requestContext".into(),
        Value::Object(request_context_v1(r)),
    );
    serde_json::to_vec(&Value::Object(e)).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use http::HeaderValue;

    fn request<'a>(headers: &'a HeaderMap, vars: &'a StringMap) -> Request<'a> {
        Request {
            method: "POST",
            raw_path: "/dev/pets/7",
            full_path: "/dev/pets/7",
            query: Some("a=1&a=2&b=x%20y"),
            headers,
            path_parameters: &[("id", "7")],
            stage_variables: vars,
            route_key: "POST /pets/{id}",
            stage: "dev",
            api_id: "abc",
            account_id: "123456789012",
            request_id: "rid=",
            epoch_ms: 1_700_000_000_123,
            source_ip: "127.0.0.1",
            protocol: "HTTP/1.1",
            domain_name: "abc.execute-api.localhost",
            authorizer: Authorizer::None,
            client_cert: None,
        }
    }

    #[test]
    fn a_v2_event_joins_repeats_and_takes_the_cookies_out() {
        let mut h = HeaderMap::new();
        h.append("x-a", HeaderValue::from_static("1"));
        h.append("x-a", HeaderValue::from_static("2"));
        h.append("cookie", HeaderValue::from_static("s=1; t=2"));
        h.insert("content-type", HeaderValue::from_static("image/png"));
        let vars = StringMap::new();
        let r = request(&h, &vars);
        let e: Value = serde_json::from_slice(&integration_v2(&r, &[0, 255])).unwrap();
        assert_eq!(e["headers"]["x-a"], "1,2");
        assert!(e["headers"].get("cookie").is_none());
        assert_eq!(e["cookies"], serde_json::json!(["s=1", "t=2"]));
        assert_eq!(e["queryStringParameters"]["a"], "1,2");
        assert_eq!(e["queryStringParameters"]["b"], "x y");
        assert_eq!(e["isBase64Encoded"], true);
        assert_eq!(e["body"], "AP8=");
        assert!(e.get("stageVariables").is_none());
        assert_eq!(e["requestContext"]["time"], "14/Nov/2023:22:13:20 +0000");
        assert_eq!(e["requestContext"]["domainPrefix"], "abc");
    }

    #[test]
    fn a_v1_event_has_multi_values_and_nulls() {
        let mut h = HeaderMap::new();
        h.append("x-a", HeaderValue::from_static("1"));
        h.append("x-a", HeaderValue::from_static("2"));
        let vars = StringMap::new();
        let r = request(&h, &vars);
        let e: Value = serde_json::from_slice(&integration_v1(&r, b"")).unwrap();
        assert_eq!(e["headers"]["x-a"], "2");
        assert_eq!(e["multiValueHeaders"]["x-a"], serde_json::json!(["1", "2"]));
        assert_eq!(
            e["multiValueQueryStringParameters"]["a"],
            serde_json::json!(["1", "2"])
        );
        assert_eq!(e["stageVariables"], Value::Null);
        assert_eq!(e["body"], Value::Null);
        assert_eq!(e["resource"], "/pets/{id}");
        assert_eq!(
            route_arn("us-east-2", &r),
            "arn:aws:execute-api:us-east-2:123456789012:abc/dev/POST/pets/7"
        );
    }

    #[test]
    fn text_types() {
        assert!(is_text("application/json; charset=utf-8"));
        assert!(is_text("text/plain"));
        assert!(!is_text("application/octet-stream"));
    }

    #[test]
    fn a_mutual_tls_client_s_certificate_is_in_both_payloads() {
        let h = HeaderMap::new();
        let vars = StringMap::new();
        let cert = crate::acm::x509::ClientCert {
            pem: "PEM".into(),
            subject_dn: "CN=alice".into(),
            issuer_dn: "CN=Clients".into(),
            serial_number: "0a:1b".into(),
            not_before: "May 28 12:30:02 2026 GMT".into(),
            not_after: "May 28 12:30:02 2027 GMT".into(),
        };
        let r = Request {
            client_cert: Some(&cert),
            ..request(&h, &vars)
        };
        let v2: Value = serde_json::from_slice(&integration_v2(&r, b"")).unwrap();
        let c = &v2["requestContext"]["authentication"]["clientCert"];
        assert_eq!(c["subjectDN"], "CN=alice");
        assert_eq!(c["validity"]["notAfter"], "May 28 12:30:02 2027 GMT");
        let v1: Value = serde_json::from_slice(&integration_v1(&r, b"")).unwrap();
        assert_eq!(
            v1["requestContext"]["identity"]["clientCert"]["serialNumber"],
            "0a:1b"
        );
        let plain: Value =
            serde_json::from_slice(&integration_v2(&request(&h, &vars), b"")).unwrap();
        assert!(plain["requestContext"].get("authentication").is_none());
    }
}
