//! Parameter mappings, compiled: an integration's `RequestParameters` and
//! `ResponseParameters` (parsed by `rules::mapping`) turned once, per stage,
//! into operations with header names resolved and stage variables filled
//! in, and evaluated per request without parsing anything again.

use crate::model::StringMap;
use crate::rules::mapping::{self, Action, Location, Part, Side, Variable};
use http::header::{HeaderMap, HeaderName, HeaderValue};
use std::fmt::Write as _;

/// Claims of a verified token, for `$context.authorizer.claims.NAME` (the
/// same shape `jwt::Verifier::verify` returns).
pub type Claims = serde_json::Map<String, serde_json::Value>;

/// One piece of a mapping value.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    Text(Box<str>),
    RequestHeader(HeaderName),
    RequestQuery(Box<str>),
    RequestPath,
    PathParameter(Box<str>),
    ResponseHeader(HeaderName),
    Context(Context),
    /// A body selection: the body is streamed, never read, so it is empty.
    Body,
}

/// The `$context` variables the gateway knows.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Context {
    RequestId,
    Stage,
    ApiId,
    AccountId,
    HttpMethod,
    Path,
    Protocol,
    RouteKey,
    DomainName,
    DomainPrefix,
    RequestTime,
    RequestTimeEpoch,
    SourceIp,
    UserAgent,
    Claim(Box<str>),
    /// `authorizer.KEY`: a key of a Lambda authorizer's context.
    AuthorizerKey(Box<str>),
    PrincipalId,
    /// `identity.clientCert.*`: the mutual TLS client's certificate.
    ClientCert(CertField),
    /// Any other variable: empty.
    Other,
}

/// Which part of the client certificate a `clientCert` variable shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CertField {
    Pem,
    SubjectDn,
    IssuerDn,
    SerialNumber,
    NotBefore,
    NotAfter,
}

impl CertField {
    /// The variables, after `identity.clientCert.`.
    pub fn named(name: &str) -> Option<CertField> {
        Some(match name {
            "clientCertPem" => CertField::Pem,
            "subjectDN" => CertField::SubjectDn,
            "issuerDN" => CertField::IssuerDn,
            "serialNumber" => CertField::SerialNumber,
            "validity.notBefore" => CertField::NotBefore,
            "validity.notAfter" => CertField::NotAfter,
            _ => return None,
        })
    }

    pub fn of(self, c: &crate::acm::x509::ClientCert) -> &str {
        match self {
            CertField::Pem => &c.pem,
            CertField::SubjectDn => &c.subject_dn,
            CertField::IssuerDn => &c.issuer_dn,
            CertField::SerialNumber => &c.serial_number,
            CertField::NotBefore => &c.not_before,
            CertField::NotAfter => &c.not_after,
        }
    }
}

fn context(name: &str) -> Context {
    match name {
        "requestId" | "extendedRequestId" => Context::RequestId,
        "stage" => Context::Stage,
        "apiId" => Context::ApiId,
        "accountId" => Context::AccountId,
        "httpMethod" => Context::HttpMethod,
        "path" => Context::Path,
        "protocol" => Context::Protocol,
        "routeKey" => Context::RouteKey,
        "domainName" => Context::DomainName,
        "domainPrefix" => Context::DomainPrefix,
        "requestTime" => Context::RequestTime,
        "requestTimeEpoch" => Context::RequestTimeEpoch,
        "identity.sourceIp" => Context::SourceIp,
        "identity.userAgent" => Context::UserAgent,
        "authorizer.principalId" => Context::PrincipalId,
        other if other.starts_with("identity.clientCert.") => {
            CertField::named(&other["identity.clientCert.".len()..])
                .map_or(Context::Other, Context::ClientCert)
        }
        other => match other.strip_prefix("authorizer.claims.") {
            Some(claim) => Context::Claim(claim.into()),
            None => match other.strip_prefix("authorizer.") {
                Some(key) if !key.is_empty() => Context::AuthorizerKey(key.into()),
                _ => Context::Other,
            },
        },
    }
}

/// A compiled mapping value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Value {
    pieces: Box<[Piece]>,
}

impl Value {
    fn compile(v: &mapping::MappingValue, stage_variables: &StringMap) -> Value {
        let mut pieces: Vec<Piece> = Vec::with_capacity(v.parts.len());
        for part in &v.parts {
            let piece = match part {
                Part::Text(t) => Piece::Text(t.as_str().into()),
                Part::Var(var) => match var {
                    Variable::StageVariable(name) => {
                        Piece::Text(stage_variables.get(name).map_or("", String::as_str).into())
                    }
                    Variable::RequestHeader(h) => match HeaderName::from_bytes(h.as_bytes()) {
                        Ok(name) => Piece::RequestHeader(name),
                        Err(_) => Piece::Text("".into()),
                    },
                    Variable::ResponseHeader(h) => match HeaderName::from_bytes(h.as_bytes()) {
                        Ok(name) => Piece::ResponseHeader(name),
                        Err(_) => Piece::Text("".into()),
                    },
                    Variable::RequestQueryString(q) => Piece::RequestQuery(q.as_str().into()),
                    Variable::RequestPath => Piece::RequestPath,
                    Variable::RequestPathParameter(p) => Piece::PathParameter(p.as_str().into()),
                    Variable::RequestBody(_) | Variable::ResponseBody(_) => Piece::Body,
                    Variable::Context(c) => Piece::Context(context(c)),
                },
            };
            // Merge neighbouring text (stage variables become text).
            if let (Piece::Text(new), Some(Piece::Text(prev))) = (&piece, pieces.last_mut()) {
                *prev = format!("{prev}{new}").into();
                continue;
            }
            pieces.push(piece);
        }
        Value {
            pieces: pieces.into(),
        }
    }

    fn reads_body(&self) -> bool {
        self.pieces.contains(&Piece::Body)
    }

    /// The value for this request (and response, for response mappings).
    pub fn eval(&self, req: &RequestView<'_>, response: Option<&HeaderMap>) -> String {
        if let [Piece::Text(t)] = &*self.pieces {
            return t.to_string();
        }
        let mut out = String::new();
        for piece in self.pieces.iter() {
            match piece {
                Piece::Text(t) => out.push_str(t),
                Piece::RequestHeader(h) => join_header(&mut out, req.headers, h),
                Piece::ResponseHeader(h) => {
                    if let Some(resp) = response {
                        join_header(&mut out, resp, h);
                    }
                }
                Piece::RequestQuery(name) => {
                    let mut first = true;
                    for (k, v) in query_pairs(req.query) {
                        if decode(k) == **name {
                            if !first {
                                out.push(',');
                            }
                            first = false;
                            out.push_str(&decode(v));
                        }
                    }
                }
                Piece::RequestPath => out.push_str(req.path),
                Piece::PathParameter(name) => {
                    if let Some((_, v)) = req.path_parameters.iter().find(|(n, _)| *n == &**name) {
                        out.push_str(&decode(v));
                    }
                }
                Piece::Context(c) => req.context(&mut out, c),
                Piece::Body => {}
            }
        }
        out
    }
}

fn join_header(out: &mut String, headers: &HeaderMap, name: &HeaderName) {
    let mut first = true;
    for v in headers.get_all(name) {
        if let Ok(s) = v.to_str() {
            if !first {
                out.push(',');
            }
            first = false;
            out.push_str(s);
        }
    }
}

/// What a mapping may read of the request being forwarded.
pub struct RequestView<'a> {
    /// The client's headers, before any change.
    pub headers: &'a HeaderMap,
    /// The raw query string, without `?`.
    pub query: &'a str,
    /// The path without the stage.
    pub path: &'a str,
    /// The route's path variables (name, raw value).
    pub path_parameters: &'a [(&'a str, &'a str)],
    pub request_id: &'a str,
    pub stage: &'a str,
    pub api_id: &'a str,
    pub account_id: &'a str,
    pub method: &'a str,
    pub route_key: &'a str,
    pub source_ip: &'a str,
    pub request_time_epoch_ms: u128,
    pub claims: &'a Claims,
    /// What a Lambda authorizer allowed the request with.
    pub lambda: Option<&'a super::lambda_auth::Allowed>,
    /// The mutual TLS client's certificate.
    pub client_cert: Option<&'a crate::acm::x509::ClientCert>,
}

impl RequestView<'_> {
    fn header(&self, name: http::header::HeaderName) -> &str {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }

    fn context(&self, out: &mut String, c: &Context) {
        match c {
            Context::RequestId => out.push_str(self.request_id),
            Context::Stage => out.push_str(self.stage),
            Context::ApiId => out.push_str(self.api_id),
            Context::AccountId => out.push_str(self.account_id),
            Context::HttpMethod => out.push_str(self.method),
            Context::Path => {
                if self.stage != "$default" {
                    out.push('/');
                    out.push_str(self.stage);
                }
                out.push_str(self.path);
            }
            Context::Protocol => out.push_str("HTTP/1.1"),
            Context::RouteKey => out.push_str(self.route_key),
            Context::DomainName => out.push_str(self.header(http::header::HOST)),
            Context::DomainPrefix => {
                let host = self.header(http::header::HOST);
                out.push_str(host.split(['.', ':']).next().unwrap_or(""));
            }
            Context::RequestTime => {
                let secs = (self.request_time_epoch_ms / 1000) as i64;
                out.push_str(&crate::ops::format_timestamp(secs));
            }
            Context::RequestTimeEpoch => {
                let _ = write!(out, "{}", self.request_time_epoch_ms);
            }
            Context::SourceIp => out.push_str(self.source_ip),
            Context::ClientCert(f) => {
                if let Some(c) = self.client_cert {
                    out.push_str(f.of(c));
                }
            }
            Context::UserAgent => out.push_str(self.header(http::header::USER_AGENT)),
            Context::Claim(name) => match self.claims.get(&**name) {
                Some(serde_json::Value::String(s)) => out.push_str(s),
                Some(serde_json::Value::Null) | None => {}
                Some(other) => {
                    let _ = write!(out, "{other}");
                }
            },
            Context::AuthorizerKey(key) => match self.lambda.and_then(|l| l.context.get(&**key)) {
                Some(serde_json::Value::String(s)) => out.push_str(s),
                Some(serde_json::Value::Null) | None => {}
                Some(other) => {
                    let _ = write!(out, "{other}");
                }
            },
            Context::PrincipalId => {
                if let Some(p) = self.lambda.and_then(|l| l.principal_id.as_deref()) {
                    out.push_str(p);
                }
            }
            Context::Other => {}
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum RequestTarget {
    Header(HeaderName),
    Query(Box<str>),
    Path,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct RequestOp {
    action: Action,
    target: RequestTarget,
    value: Value,
}

/// An integration's `RequestParameters`, compiled for one stage.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RequestMappings {
    ops: Box<[RequestOp]>,
}

/// What the request mappings changed besides the headers.
#[derive(Debug, Default)]
pub struct RequestChanges {
    /// A new path (`overwrite:path`).
    pub path: Option<String>,
    /// A new query string, without `?` (when any query string was mapped).
    pub query: Option<String>,
}

impl RequestMappings {
    /// Compiles `RequestParameters`; the keys and values were checked when
    /// the integration was stored, so one that does not parse is reported.
    pub fn compile(
        params: Option<&StringMap>,
        stage_variables: &StringMap,
        warnings: &mut Vec<String>,
    ) -> RequestMappings {
        let mut ops = Vec::new();
        for (k, v) in params.into_iter().flatten() {
            let key = match mapping::parse_key(k, Side::Request) {
                Ok(key) => key,
                Err(e) => {
                    warnings.push(format!("request mapping {k} is ignored: {e}"));
                    continue;
                }
            };
            let value = if key.action == Action::Remove {
                mapping::MappingValue::default()
            } else {
                match mapping::parse_value(v, Side::Request) {
                    Ok(v) => v,
                    Err(e) => {
                        warnings.push(format!("request mapping {k} is ignored: {e}"));
                        continue;
                    }
                }
            };
            let target = match key.location {
                Location::Header(h) => match HeaderName::from_bytes(h.as_bytes()) {
                    Ok(name) => RequestTarget::Header(name),
                    Err(_) => continue,
                },
                Location::QueryString(q) => RequestTarget::Query(q.into()),
                Location::Path => RequestTarget::Path,
                Location::StatusCode => continue,
            };
            let value = Value::compile(&value, stage_variables);
            if value.reads_body() {
                warnings.push(format!(
                    "request mapping {k} reads the body, which serve streams without reading; the body part is empty"
                ));
            }
            ops.push(RequestOp {
                action: key.action,
                target,
                value,
            });
        }
        RequestMappings { ops: ops.into() }
    }

    pub fn is_empty(&self) -> bool {
        self.ops.is_empty()
    }

    /// Applies the mappings: every value is read from the request as the
    /// client sent it (`view`), then the changes are made to `headers`.
    pub fn apply(&self, view: &RequestView<'_>, headers: &mut HeaderMap) -> RequestChanges {
        let mut changes = RequestChanges::default();
        if self.ops.is_empty() {
            return changes;
        }
        let values: Vec<String> = self
            .ops
            .iter()
            .map(|op| match op.action {
                Action::Remove => String::new(),
                _ => op.value.eval(view, None),
            })
            .collect();
        let mut query: Option<Vec<(String, String)>> = None;
        for (op, value) in self.ops.iter().zip(values) {
            match &op.target {
                RequestTarget::Header(name) => apply_header(headers, name, op.action, &value),
                RequestTarget::Query(name) => {
                    let pairs = query.get_or_insert_with(|| {
                        query_pairs(view.query)
                            .map(|(k, v)| (k.to_string(), v.to_string()))
                            .collect()
                    });
                    let matches = |k: &str| decode(k) == **name;
                    match op.action {
                        Action::Remove => pairs.retain(|(k, _)| !matches(k)),
                        Action::Overwrite => {
                            if value.is_empty() {
                                continue;
                            }
                            pairs.retain(|(k, _)| !matches(k));
                            pairs.push((encode(name), encode(&value)));
                        }
                        Action::Append => {
                            if value.is_empty() {
                                continue;
                            }
                            pairs.push((encode(name), encode(&value)));
                        }
                    }
                }
                RequestTarget::Path => {
                    if !value.is_empty() {
                        let path = if value.starts_with('/') {
                            value
                        } else {
                            format!("/{value}")
                        };
                        changes.path = Some(path);
                    }
                }
            }
        }
        changes.query = query.map(|pairs| {
            let mut s = String::new();
            for (i, (k, v)) in pairs.iter().enumerate() {
                if i > 0 {
                    s.push('&');
                }
                s.push_str(k);
                if !v.is_empty() {
                    s.push('=');
                    s.push_str(v);
                }
            }
            s
        });
        changes
    }
}

fn apply_header(headers: &mut HeaderMap, name: &HeaderName, action: Action, value: &str) {
    match action {
        Action::Remove => {
            headers.remove(name);
        }
        _ if value.is_empty() => {}
        Action::Overwrite => {
            if let Ok(v) = HeaderValue::from_str(value) {
                headers.insert(name.clone(), v);
            }
        }
        Action::Append => {
            let joined = match headers.get(name).and_then(|v| v.to_str().ok()) {
                Some(old) => format!("{old},{value}"),
                None => value.to_string(),
            };
            if let Ok(v) = HeaderValue::from_str(&joined) {
                headers.insert(name.clone(), v);
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum ResponseTarget {
    Header(HeaderName),
    StatusCode,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct ResponseOp {
    action: Action,
    target: ResponseTarget,
    value: Value,
}

/// An integration's `ResponseParameters`, compiled for one stage.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ResponseMappings {
    by_status: Box<[(u16, Box<[ResponseOp]>)]>,
}

impl ResponseMappings {
    pub fn compile(
        params: Option<&crate::model::ResponseParameters>,
        stage_variables: &StringMap,
        warnings: &mut Vec<String>,
    ) -> ResponseMappings {
        let mut by_status = Vec::new();
        for (status, map) in params.into_iter().flatten() {
            let Ok(code) = mapping::check_status_code(status) else {
                warnings.push(format!(
                    "response mappings for status {status} are ignored: not a status code"
                ));
                continue;
            };
            let mut ops = Vec::new();
            for (k, v) in map {
                let parsed = mapping::parse_key(k, Side::Response).and_then(|key| {
                    let value = if key.action == Action::Remove {
                        mapping::MappingValue::default()
                    } else {
                        mapping::parse_value(v, Side::Response)?
                    };
                    Ok((key, value))
                });
                let (key, value) = match parsed {
                    Ok(kv) => kv,
                    Err(e) => {
                        warnings.push(format!("response mapping {status} {k} is ignored: {e}"));
                        continue;
                    }
                };
                let target = match key.location {
                    Location::Header(h) => match HeaderName::from_bytes(h.as_bytes()) {
                        Ok(name) => ResponseTarget::Header(name),
                        Err(_) => continue,
                    },
                    Location::StatusCode => ResponseTarget::StatusCode,
                    _ => continue,
                };
                let value = Value::compile(&value, stage_variables);
                if value.reads_body() {
                    warnings.push(format!(
                        "response mapping {status} {k} reads the body, which serve streams without reading; the body part is empty"
                    ));
                }
                ops.push(ResponseOp {
                    action: key.action,
                    target,
                    value,
                });
            }
            by_status.push((code, ops.into()));
        }
        ResponseMappings {
            by_status: by_status.into(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.by_status.is_empty()
    }

    /// Applies the mappings for the backend's `status`, if any; returns the
    /// status to answer with.
    pub fn apply(
        &self,
        status: http::StatusCode,
        view: &RequestView<'_>,
        headers: &mut HeaderMap,
    ) -> http::StatusCode {
        let Some((_, ops)) = self.by_status.iter().find(|(c, _)| *c == status.as_u16()) else {
            return status;
        };
        let values: Vec<String> = ops
            .iter()
            .map(|op| match op.action {
                Action::Remove => String::new(),
                _ => op.value.eval(view, Some(headers)),
            })
            .collect();
        let mut out = status;
        for (op, value) in ops.iter().zip(values) {
            match &op.target {
                ResponseTarget::Header(name) => apply_header(headers, name, op.action, &value),
                ResponseTarget::StatusCode => {
                    if let Some(code) = value
                        .trim()
                        .parse::<u16>()
                        .ok()
                        .and_then(|c| http::StatusCode::from_u16(c).ok())
                    {
                        out = code;
                    }
                }
            }
        }
        out
    }
}

/// The `name=value` pairs of a raw query string, still encoded.
pub fn query_pairs(query: &str) -> impl Iterator<Item = (&str, &str)> {
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| p.split_once('=').unwrap_or((p, "")))
}

/// Percent-decoding of a query or path component (`+` is a space).
pub fn decode(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.bytes().any(|b| b == b'%' || b == b'+') {
        return std::borrow::Cow::Borrowed(s);
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h * 16 + l);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    std::borrow::Cow::Owned(String::from_utf8_lossy(&out).into_owned())
}

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Percent-encoding for a query component (unreserved characters kept).
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view<'a>(
        headers: &'a HeaderMap,
        query: &'a str,
        params: &'a [(&'a str, &'a str)],
        claims: &'a Claims,
    ) -> RequestView<'a> {
        RequestView {
            headers,
            query,
            path: "/pets/7",
            path_parameters: params,
            request_id: "rid",
            stage: "test",
            api_id: "abc",
            account_id: "123456789012",
            method: "GET",
            route_key: "GET /pets/{id}",
            source_ip: "127.0.0.1",
            request_time_epoch_ms: 0,
            claims,
            lambda: None,
            client_cert: None,
        }
    }

    fn map(pairs: &[(&str, &str)]) -> StringMap {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn request_mappings() {
        let mut warnings = Vec::new();
        let m = RequestMappings::compile(
            Some(&map(&[
                ("append:header.x-from", "$request.header.x-in"),
                (
                    "overwrite:header.x-ctx",
                    "${context.stage}-${context.requestId}-${stageVariables.v}",
                ),
                ("remove:header.x-gone", "''"),
                ("overwrite:querystring.id", "$request.path.id"),
                ("append:querystring.q2", "$request.querystring.q"),
                ("remove:querystring.drop", ""),
                ("overwrite:path", "/v2$request.path"),
            ])),
            &map(&[("v", "sv")]),
            &mut warnings,
        );
        // "/v2$request.path" is text followed by a bare variable: refused.
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        let mut original = HeaderMap::new();
        original.insert("x-in", HeaderValue::from_static("a"));
        original.append("x-in", HeaderValue::from_static("b"));
        original.insert("x-gone", HeaderValue::from_static("bye"));
        let claims = Claims::new();
        let params = [("id", "7")];
        let v = view(&original, "q=hello%20world&drop=1&id=old", &params, &claims);
        let mut headers = original.clone();
        let changes = m.apply(&v, &mut headers);
        assert_eq!(headers["x-from"], "a,b");
        assert_eq!(headers["x-ctx"], "test-rid-sv");
        assert!(headers.get("x-gone").is_none());
        assert_eq!(
            changes.query.as_deref(),
            Some("q=hello%20world&q2=hello%20world&id=7")
        );
        assert_eq!(changes.path, None);
    }

    #[test]
    fn response_mappings() {
        let mut warnings = Vec::new();
        let mut params = crate::model::ResponseParameters::new();
        params.insert(
            "200".into(),
            map(&[
                ("overwrite:statuscode", "204"),
                ("append:header.x-seen", "$response.header.x-backend"),
                ("remove:header.x-secret", ""),
            ]),
        );
        let m = ResponseMappings::compile(Some(&params), &StringMap::new(), &mut warnings);
        assert!(warnings.is_empty());
        let req = HeaderMap::new();
        let claims = Claims::new();
        let v = view(&req, "", &[], &claims);
        let mut headers = HeaderMap::new();
        headers.insert("x-backend", HeaderValue::from_static("b1"));
        headers.insert("x-secret", HeaderValue::from_static("s"));
        let status = m.apply(http::StatusCode::OK, &v, &mut headers);
        assert_eq!(status, 204);
        assert_eq!(headers["x-seen"], "b1");
        assert!(headers.get("x-secret").is_none());
        let mut other = HeaderMap::new();
        assert_eq!(m.apply(http::StatusCode::NOT_FOUND, &v, &mut other), 404);
    }

    #[test]
    fn claims_are_read_from_the_context() {
        let mut warnings = Vec::new();
        let m = RequestMappings::compile(
            Some(&map(&[(
                "overwrite:header.x-user",
                "${context.authorizer.claims.sub}/${context.authorizer.claims.n}",
            )])),
            &StringMap::new(),
            &mut warnings,
        );
        let req = HeaderMap::new();
        let mut claims = Claims::new();
        claims.insert("sub".into(), "user-1".into());
        claims.insert("n".into(), serde_json::json!(7));
        let v = view(&req, "", &[], &claims);
        let mut headers = HeaderMap::new();
        m.apply(&v, &mut headers);
        assert_eq!(headers["x-user"], "user-1/7");
    }

    #[test]
    fn percent_coding() {
        assert_eq!(decode("a%20b+c%2"), "a b c%2");
        assert_eq!(encode("a b/ü"), "a%20b%2F%C3%BC");
    }
}
