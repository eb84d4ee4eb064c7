//! A stage's `AccessLogSettings.Format`, compiled once when the plan is
//! loaded into [`Pieces`] (text, a variable, a variable with a property such
//! as `$context.authorizer.claims.sub`) and rendered per request from a
//! [`Context`]: the values the gateway knows about the request.
//!
//! The variables are those of [`crate::rules::access_log::VARIABLES`]; what
//! each one writes is [`FIELDS`], one entry per variable of that table. A
//! variable without a value here (no value for this request, or no meaning
//! locally: IAM callers, client certificates, an authorizer's latency) writes
//! `-`.
//!
//! Values are written as the service writes them, raw, into the text around
//! them; in a format that is a JSON object (it starts with `{`) they are
//! escaped as JSON string content (`"`, `\` and control characters), so a
//! value holding a quote keeps each line valid JSON.

use crate::gateway::params::CertField;
use crate::jwt::Claims;
use crate::rules::access_log::{self, ContextVariable};

/// What one variable writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    AccountId,
    ApiId,
    /// The claims as a whole: the service writes `null`.
    ClaimsWhole,
    /// One claim of the token (a property).
    Claim,
    AuthorizerError,
    /// A key of a Lambda authorizer's context (a property).
    AuthorizerProperty,
    /// A Lambda authorizer's `principalId`.
    PrincipalId,
    CustomDomainBasePath,
    DomainName,
    DomainPrefix,
    ErrorMessage,
    /// `error.message` in double quotes.
    ErrorMessageString,
    ErrorResponseType,
    HttpMethod,
    SourceIp,
    /// `identity.clientCert.*`: a part of the mutual TLS client's certificate.
    ClientCert(crate::gateway::params::CertField),
    UserAgent,
    IntegrationError,
    IntegrationLatency,
    IntegrationStatus,
    Path,
    Protocol,
    RequestId,
    RequestTime,
    RequestTimeEpoch,
    ResponseLatency,
    ResponseLength,
    RouteKey,
    Stage,
    Status,
    AwsEndpointRequestId,
    AwsEndpointRequestId2,
    /// Without a local meaning: always `-`.
    Absent,
}

/// What each variable of [`access_log::VARIABLES`] writes, by its name and
/// whether it takes a property (a test keeps the two tables in step).
#[rustfmt::skip]
pub const FIELDS: &[(&str, bool, Field)] = &[
    ("accountId", false, Field::AccountId),
    ("apiId", false, Field::ApiId),
    ("authorizer.claims", false, Field::ClaimsWhole),
    ("authorizer.claims", true, Field::Claim),
    ("authorizer.error", false, Field::AuthorizerError),
    ("authorizer.integrationLatency", false, Field::Absent),
    ("authorizer.integrationStatus", false, Field::Absent),
    ("authorizer.latency", false, Field::Absent),
    ("authorizer.principalId", false, Field::PrincipalId),
    ("authorizer.requestId", false, Field::Absent),
    ("authorizer.status", false, Field::Absent),
    ("authorizer", true, Field::AuthorizerProperty),
    ("awsEndpointRequestId", false, Field::AwsEndpointRequestId),
    ("awsEndpointRequestId2", false, Field::AwsEndpointRequestId2),
    ("customDomain.basePathMatched", false, Field::CustomDomainBasePath),
    ("dataProcessed", false, Field::Absent),
    ("domainName", false, Field::DomainName),
    ("domainPrefix", false, Field::DomainPrefix),
    ("error.message", false, Field::ErrorMessage),
    ("error.messageString", false, Field::ErrorMessageString),
    ("error.responseType", false, Field::ErrorResponseType),
    ("extendedRequestId", false, Field::RequestId),
    ("httpMethod", false, Field::HttpMethod),
    // IAM authorization is not checked locally.
    ("identity.accountId", false, Field::Absent),
    ("identity.caller", false, Field::Absent),
    ("identity.clientCert.clientCertPem", false, Field::ClientCert(CertField::Pem)),
    ("identity.clientCert.issuerDN", false, Field::ClientCert(CertField::IssuerDn)),
    ("identity.clientCert.serialNumber", false, Field::ClientCert(CertField::SerialNumber)),
    ("identity.clientCert.subjectDN", false, Field::ClientCert(CertField::SubjectDn)),
    ("identity.clientCert.validity.notAfter", false, Field::ClientCert(CertField::NotAfter)),
    ("identity.clientCert.validity.notBefore", false, Field::ClientCert(CertField::NotBefore)),
    ("identity.principalOrgId", false, Field::Absent),
    ("identity.sourceIp", false, Field::SourceIp),
    ("identity.user", false, Field::Absent),
    ("identity.userAgent", false, Field::UserAgent),
    ("identity.userArn", false, Field::Absent),
    ("integration.error", false, Field::IntegrationError),
    ("integration.integrationStatus", false, Field::IntegrationStatus),
    ("integration.latency", false, Field::IntegrationLatency),
    ("integration.requestId", false, Field::AwsEndpointRequestId),
    ("integration.status", false, Field::IntegrationStatus),
    ("integrationErrorMessage", false, Field::IntegrationError),
    ("integrationLatency", false, Field::IntegrationLatency),
    ("integrationStatus", false, Field::IntegrationStatus),
    ("path", false, Field::Path),
    ("protocol", false, Field::Protocol),
    ("requestId", false, Field::RequestId),
    ("requestTime", false, Field::RequestTime),
    ("requestTimeEpoch", false, Field::RequestTimeEpoch),
    ("responseLatency", false, Field::ResponseLatency),
    ("responseLength", false, Field::ResponseLength),
    ("routeKey", false, Field::RouteKey),
    ("stage", false, Field::Stage),
    ("status", false, Field::Status),
];

fn field_of(v: &ContextVariable) -> Field {
    FIELDS
        .iter()
        .find(|(name, prop, _)| *name == v.name && *prop == v.takes_property)
        .map_or(Field::Absent, |(_, _, f)| *f)
}

/// One piece of a compiled format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Text(Box<str>),
    Variable(Field),
    /// A variable that takes a property, with it (`sub` of
    /// `$context.authorizer.claims.sub`).
    Property(Field, Box<str>),
}

/// A format, compiled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pieces {
    pieces: Vec<Piece>,
    /// The format is a JSON object: values are escaped as JSON strings.
    json: bool,
    /// The text's length, to size each line.
    text_len: usize,
    /// No text piece holds a byte the log group file escapes.
    text_plain: bool,
    needs: Needs,
}

/// Which of the values that cost the request path a lookup or a copy the
/// format writes: the gateway gathers only those (a format of ids and
/// numbers costs no header lookups).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Needs {
    /// `identity.userAgent`.
    pub user_agent: bool,
    /// `domainName`, `domainPrefix`.
    pub domain: bool,
    /// `responseLength`.
    pub response_length: bool,
    /// `awsEndpointRequestId`, `awsEndpointRequestId2`, `integration.requestId`.
    pub endpoint_request_ids: bool,
}

impl Needs {
    fn add(&mut self, field: Field) {
        match field {
            Field::UserAgent => self.user_agent = true,
            Field::DomainName | Field::DomainPrefix => self.domain = true,
            Field::ResponseLength => self.response_length = true,
            Field::AwsEndpointRequestId | Field::AwsEndpointRequestId2 => {
                self.endpoint_request_ids = true
            }
            _ => {}
        }
    }
}

/// Everything the gateway knows about one request, for its access log line.
/// `None` (or an empty claims map) writes `-`.
#[derive(Debug, Clone, Default)]
pub struct Context<'a> {
    pub request_id: &'a str,
    pub account_id: &'a str,
    pub api_id: &'a str,
    pub stage: &'a str,
    pub route_key: Option<&'a str>,
    pub http_method: &'a str,
    /// The path as the client sent it, with the stage: `/{stage}/…`.
    pub path: &'a str,
    /// `HTTP/1.1`, `HTTP/2.0`, …
    pub protocol: &'a str,
    pub source_ip: Option<&'a str>,
    /// The certificate a mutual TLS client gave.
    pub client_cert: Option<&'a crate::acm::x509::ClientCert>,
    pub user_agent: Option<&'a str>,
    /// The host the API was called on, without a port.
    pub domain_name: Option<&'a str>,
    /// The API mapping key the request matched, on a custom domain.
    pub base_path_matched: Option<&'a str>,
    /// When the request came, in ms since the epoch.
    pub request_time_ms: i64,
    pub status: u16,
    /// The length of the answer's body.
    pub response_length: Option<u64>,
    /// From the request to the answer, in ms.
    pub response_latency_ms: Option<u64>,
    /// How long the backend took, in ms; `None` when none was called.
    pub integration_latency_ms: Option<u64>,
    /// The status the backend answered with.
    pub integration_status: Option<u16>,
    /// Why the integration failed (timeout, refused connection, …).
    pub integration_error: Option<&'a str>,
    /// The backend's `x-amz-request-id` or `x-amzn-RequestId`.
    pub aws_endpoint_request_id: Option<&'a str>,
    /// The backend's `x-amz-id-2`.
    pub aws_endpoint_request_id2: Option<&'a str>,
    /// The message of an answer the gateway made itself
    /// (`Not Found`, `Unauthorized`, …).
    pub error_message: Option<&'a str>,
    /// Its kind, as the service names gateway responses
    /// (`UNAUTHORIZED`, `THROTTLED`, `INTEGRATION_TIMEOUT`, …).
    pub error_response_type: Option<&'a str>,
    /// Why the authorizer refused the request.
    pub authorizer_error: Option<&'a str>,
    /// The claims of the token a JWT authorizer accepted.
    pub claims: Option<&'a Claims>,
    /// The context a Lambda authorizer allowed the request with.
    pub authorizer_context: Option<&'a serde_json::Map<String, serde_json::Value>>,
    /// The `principalId` of a Lambda authorizer's IAM policy answer.
    pub principal_id: Option<&'a str>,
}

/// A variable the format names that HTTP APIs do not have. The control
/// plane refuses such formats; one can only come from a hand-edited file
/// that skipped the load-time rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownVariable(pub String);

impl std::fmt::Display for UnknownVariable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "the access log format names {}, which HTTP APIs do not have",
            self.0
        )
    }
}

impl Pieces {
    pub fn compile(format: &str) -> Result<Pieces, UnknownVariable> {
        let mut pieces = Vec::new();
        let mut needs = Needs::default();
        let mut text_len = 0;
        let mut at = 0;
        let mut push_text = |pieces: &mut Vec<Piece>, text: &str| {
            if text.is_empty() {
                return;
            }
            text_len += text.len();
            pieces.push(Piece::Text(text.into()));
        };
        for r in access_log::references(format) {
            push_text(&mut pieces, &format[at..r.start]);
            at = r.end;
            let Some((v, property)) = access_log::lookup(r.name) else {
                return Err(UnknownVariable(format[r.start..r.end].to_string()));
            };
            let field = field_of(v);
            needs.add(field);
            pieces.push(match property {
                Some(p) => Piece::Property(field, p.into()),
                None => Piece::Variable(field),
            });
        }
        push_text(&mut pieces, &format[at..]);
        Ok(Pieces {
            pieces,
            json: format.trim_start().starts_with('{'),
            text_len,
            text_plain: !super::group::escapes(format.as_bytes()),
            needs,
        })
    }

    pub fn pieces(&self) -> &[Piece] {
        &self.pieces
    }

    /// The costly values this format writes.
    pub fn needs(&self) -> Needs {
        self.needs
    }

    /// The line for `ctx`.
    pub fn render(&self, ctx: &Context<'_>) -> String {
        let mut out = Vec::with_capacity(self.text_len + 24 * self.pieces.len());
        self.render_into(ctx, &mut out);
        // Every piece written is a whole `str`.
        String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into())
    }

    /// Appends the line for `ctx` to `out`, and says whether it is
    /// *plain*: free of the bytes a log group file escapes (backslash,
    /// tab, newline, carriage return), so that the writer can copy it as
    /// it is. The check rides on the scan JSON escaping makes anyway, and
    /// values that cannot hold such bytes (ids, addresses, methods,
    /// numbers, times) are not scanned at all.
    pub fn render_into(&self, ctx: &Context<'_>, out: &mut Vec<u8>) -> bool {
        let mut plain = self.text_plain;
        for piece in &self.pieces {
            plain &= match piece {
                Piece::Text(t) => {
                    out.extend_from_slice(t.as_bytes());
                    true
                }
                Piece::Variable(f) => self.value(out, ctx, *f, ""),
                Piece::Property(f, p) => self.value(out, ctx, *f, p),
            };
        }
        plain
    }

    /// Writes one value; true when it is plain (see [`Self::render_into`]).
    fn value(&self, out: &mut Vec<u8>, ctx: &Context<'_>, field: Field, property: &str) -> bool {
        // A value from the request or the backend: scanned.
        let text = |out: &mut Vec<u8>, v: Option<&str>| match v {
            Some(v) if !v.is_empty() => push_value(out, v, self.json),
            _ => dash(out),
        };
        // A value that holds none of `"`, `\` or control characters.
        let safe = |out: &mut Vec<u8>, v: &str| {
            if v.is_empty() {
                dash(out)
            } else {
                out.extend_from_slice(v.as_bytes());
                true
            }
        };
        let number = |out: &mut Vec<u8>, v: Option<u64>| match v {
            Some(n) => {
                out.extend_from_slice(super::decimal(n, &mut [0; 20]));
                true
            }
            None => dash(out),
        };
        let json_value = |out: &mut Vec<u8>, v: Option<&serde_json::Value>| match v {
            None | Some(serde_json::Value::Null) => dash(out),
            Some(serde_json::Value::String(s)) => text(out, Some(s)),
            Some(other) => text(out, Some(&other.to_string())),
        };
        match field {
            Field::AccountId => text(out, Some(ctx.account_id)),
            Field::ApiId => text(out, Some(ctx.api_id)),
            Field::ClaimsWhole => {
                out.extend_from_slice(b"null");
                true
            }
            Field::Claim => json_value(out, ctx.claims.and_then(|c| c.get(property))),
            Field::AuthorizerError => text(out, ctx.authorizer_error),
            Field::AuthorizerProperty => {
                json_value(out, ctx.authorizer_context.and_then(|c| c.get(property)))
            }
            Field::PrincipalId => text(out, ctx.principal_id),
            Field::CustomDomainBasePath => text(out, ctx.base_path_matched),
            Field::DomainName => text(out, ctx.domain_name),
            Field::DomainPrefix => text(
                out,
                ctx.domain_name.map(|d| d.split('.').next().unwrap_or(d)),
            ),
            Field::ErrorMessage => text(out, ctx.error_message),
            Field::ErrorMessageString => match ctx.error_message {
                // The quotes are the variable's own; inside a JSON string
                // they are escaped like the rest of the value.
                Some(m) => {
                    let quote: &[u8] = if self.json { b"\\\"" } else { b"\"" };
                    out.extend_from_slice(quote);
                    push_value(out, m, self.json);
                    out.extend_from_slice(quote);
                    // An escaped quote is a backslash.
                    false
                }
                None => dash(out),
            },
            Field::ErrorResponseType => text(out, ctx.error_response_type),
            // An HTTP method is a token: no quotes, backslashes or controls.
            Field::HttpMethod => safe(out, ctx.http_method),
            Field::SourceIp => safe(out, ctx.source_ip.unwrap_or_default()),
            Field::ClientCert(f) => text(out, ctx.client_cert.map(|c| f.of(c))),
            Field::UserAgent => text(out, ctx.user_agent),
            Field::IntegrationError => text(out, ctx.integration_error),
            Field::IntegrationLatency => number(out, ctx.integration_latency_ms),
            Field::IntegrationStatus => number(out, ctx.integration_status.map(u64::from)),
            Field::Path => text(out, Some(ctx.path)),
            Field::Protocol => safe(out, ctx.protocol),
            // The gateway's own ids: letters, digits, `=`, `+`, `/`, `-`.
            Field::RequestId => safe(out, ctx.request_id),
            Field::RequestTime => {
                super::time::push_clf_bytes(out, ctx.request_time_ms);
                true
            }
            Field::RequestTimeEpoch => {
                match u64::try_from(ctx.request_time_ms) {
                    Ok(ms) => out.extend_from_slice(super::decimal(ms, &mut [0; 20])),
                    Err(_) => out.extend_from_slice(ctx.request_time_ms.to_string().as_bytes()),
                }
                true
            }
            Field::ResponseLatency => number(out, ctx.response_latency_ms),
            Field::ResponseLength => number(out, ctx.response_length),
            Field::RouteKey => text(out, ctx.route_key),
            Field::Stage => text(out, Some(ctx.stage)),
            Field::Status => number(out, Some(u64::from(ctx.status))),
            Field::AwsEndpointRequestId => text(out, ctx.aws_endpoint_request_id),
            Field::AwsEndpointRequestId2 => text(out, ctx.aws_endpoint_request_id2),
            Field::Absent => dash(out),
        }
    }
}

/// What a variable without a value writes.
fn dash(out: &mut Vec<u8>) -> bool {
    out.push(b'-');
    true
}

/// A value, raw, or escaped as JSON string content in a JSON format; true
/// when what it wrote is plain (see [`Pieces::render_into`]).
fn push_value(out: &mut Vec<u8>, value: &str, json: bool) -> bool {
    // Most values (ids, routes, numbers, times) need no escaping: one scan
    // of the bytes, then one copy.
    if !value.bytes().any(|b| b == b'"' || b == b'\\' || b < 0x20) {
        out.extend_from_slice(value.as_bytes());
        return true;
    }
    if !json {
        out.extend_from_slice(value.as_bytes());
        return !super::group::escapes(value.as_bytes());
    }
    let bytes = value.as_bytes();
    let mut from = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let escaped: &[u8] = match b {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            b if b < 0x20 => {
                out.extend_from_slice(&bytes[from..i]);
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(b"\\u00");
                out.push(HEX[usize::from(b >> 4)]);
                out.push(HEX[usize::from(b & 0xf)]);
                from = i + 1;
                continue;
            }
            _ => continue,
        };
        out.extend_from_slice(&bytes[from..i]);
        out.extend_from_slice(escaped);
        from = i + 1;
    }
    out.extend_from_slice(&bytes[from..]);
    // The escapes are backslashes.
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::access_log::VARIABLES;
    use serde_json::json;

    const CLF: &str = "$context.identity.sourceIp - - [$context.requestTime] \"$context.httpMethod $context.routeKey $context.protocol\" $context.status $context.responseLength $context.requestId";

    fn claims() -> Claims {
        match json!({"sub": "user-1", "n": 3, "groups": ["a", "b"], "q": "say \"hi\""}) {
            serde_json::Value::Object(m) => m,
            _ => unreachable!(),
        }
    }

    fn context(claims: &Claims) -> Context<'_> {
        Context {
            request_id: "Kx1fGhxyoAMEbXw=",
            account_id: "123456789012",
            api_id: "a1b2c3d4e5",
            stage: "prod",
            route_key: Some("GET /pets"),
            http_method: "GET",
            path: "/prod/pets",
            protocol: "HTTP/1.1",
            source_ip: Some("127.0.0.1"),
            user_agent: Some("curl/8.5.0"),
            domain_name: Some("api.example.com"),
            base_path_matched: None,
            request_time_ms: 1_796_216_400_123,
            status: 200,
            response_length: Some(42),
            response_latency_ms: Some(7),
            integration_latency_ms: Some(5),
            integration_status: Some(200),
            claims: Some(claims),
            ..Context::default()
        }
    }

    #[test]
    fn every_variable_of_the_table_writes_something_defined() {
        for v in VARIABLES {
            assert!(
                FIELDS
                    .iter()
                    .any(|(n, p, _)| *n == v.name && *p == v.takes_property),
                "{} has no field",
                v.name
            );
        }
        for (n, p, _) in FIELDS {
            assert!(
                VARIABLES
                    .iter()
                    .any(|v| v.name == *n && v.takes_property == *p),
                "{n} is no variable"
            );
        }
        // And each renders without panicking, in both kinds of format.
        let c = claims();
        let ctx = context(&c);
        for v in VARIABLES {
            let name = if v.takes_property {
                format!("{}.sub", v.name)
            } else {
                v.name.to_string()
            };
            for format in [
                format!("$context.{name}"),
                format!("{{\"v\":\"$context.{name}\"}}"),
            ] {
                let line = Pieces::compile(&format).unwrap().render(&ctx);
                assert!(!line.is_empty(), "{format}");
            }
        }
    }

    #[test]
    fn common_log_format() {
        let c = claims();
        let p = Pieces::compile(CLF).unwrap();
        assert_eq!(
            p.render(&context(&c)),
            "127.0.0.1 - - [02/Dec/2026:13:00:00 +0000] \"GET GET /pets HTTP/1.1\" 200 42 Kx1fGhxyoAMEbXw="
        );
        let none = Context {
            route_key: None,
            source_ip: None,
            response_length: None,
            ..context(&c)
        };
        assert_eq!(
            p.render(&none),
            "- - - [02/Dec/2026:13:00:00 +0000] \"GET - HTTP/1.1\" 200 - Kx1fGhxyoAMEbXw="
        );
    }

    #[test]
    fn json_formats_stay_valid_json() {
        let c = claims();
        let format = r#"{ "requestId":"$context.requestId", "status":"$context.status", "latency":$context.integrationLatency, "sub":"$context.authorizer.claims.sub", "n":"$context.authorizer.claims.n", "groups":"$context.authorizer.claims.groups", "q":"$context.authorizer.claims.q", "missing":"$context.authorizer.claims.nope", "error":"$context.error.message", "errorString":"$context.error.messageString", "ua":"$context.identity.userAgent", "prefix":"$context.domainPrefix", "epoch":$context.requestTimeEpoch, "user":"$context.identity.user" }"#;
        let p = Pieces::compile(format).unwrap();
        let ctx = Context {
            error_message: Some("Not \"Found\"\\"),
            user_agent: Some("tab\there\u{1}"),
            ..context(&c)
        };
        let line = p.render(&ctx);
        let v: serde_json::Value = serde_json::from_str(&line).expect(&line);
        assert_eq!(v["requestId"], "Kx1fGhxyoAMEbXw=");
        assert_eq!(v["status"], "200");
        assert_eq!(v["latency"], 5);
        assert_eq!(v["sub"], "user-1");
        assert_eq!(v["n"], "3");
        assert_eq!(v["groups"], "[\"a\",\"b\"]");
        assert_eq!(v["q"], "say \"hi\"");
        assert_eq!(v["missing"], "-");
        assert_eq!(v["error"], "Not \"Found\"\\");
        assert_eq!(v["errorString"], "\"Not \"Found\"\\\"");
        assert_eq!(v["ua"], "tab\there\u{1}");
        assert_eq!(v["prefix"], "api");
        assert_eq!(v["epoch"], 1_796_216_400_123i64);
        assert_eq!(v["user"], "-");
        // Outside JSON, values are written as they are.
        let text = Pieces::compile("$context.requestId $context.error.messageString").unwrap();
        assert_eq!(text.render(&ctx), "Kx1fGhxyoAMEbXw= \"Not \"Found\"\\\"");
    }

    #[test]
    fn compiling_keeps_text_whole_and_refuses_unknown_variables() {
        let p = Pieces::compile("id=$context.requestId $context.status.").unwrap();
        assert_eq!(
            p.pieces(),
            [
                Piece::Text("id=".into()),
                Piece::Variable(Field::RequestId),
                Piece::Text(" ".into()),
                Piece::Variable(Field::Status),
                Piece::Text(".".into()),
            ]
        );
        let p = Pieces::compile("$context.authorizer.claims.email").unwrap();
        assert_eq!(p.pieces(), [Piece::Property(Field::Claim, "email".into())]);
        assert_eq!(
            Pieces::compile("$context.requestId $context.resourcePath").unwrap_err(),
            UnknownVariable("$context.resourcePath".into())
        );
        assert_eq!(Pieces::compile("").unwrap().render(&Context::default()), "");
    }

    #[test]
    fn a_format_names_the_costly_values_it_writes() {
        assert_eq!(
            Pieces::compile(CLF).unwrap().needs(),
            Needs {
                response_length: true,
                ..Needs::default()
            }
        );
        let all = "$context.identity.userAgent $context.domainPrefix $context.integration.requestId $context.responseLength";
        assert_eq!(
            Pieces::compile(all).unwrap().needs(),
            Needs {
                user_agent: true,
                domain: true,
                response_length: true,
                endpoint_request_ids: true,
            }
        );
        assert_eq!(
            Pieces::compile("$context.requestId").unwrap().needs(),
            Needs::default()
        );
    }

    #[test]
    fn a_line_says_whether_the_log_file_must_escape_it() {
        let c = claims();
        let mut out = Vec::new();
        assert!(
            Pieces::compile(CLF)
                .unwrap()
                .render_into(&context(&c), &mut out)
        );
        let ua = "$context.identity.userAgent";
        let json_ua = r#"{"ua":"$context.identity.userAgent"}"#;
        let plain = |format: &str, agent: &str| {
            let ctx = Context {
                user_agent: Some(agent),
                ..context(&c)
            };
            Pieces::compile(format)
                .unwrap()
                .render_into(&ctx, &mut Vec::new())
        };
        for agent in ["tab\there", "back\\slash", "new\nline", "cr\r"] {
            assert!(!plain(ua, agent), "{agent:?}");
            assert!(!plain(json_ua, agent), "{agent:?}");
        }
        // A quote is plain as it is, and a backslash once JSON escapes it.
        assert!(plain(ua, "say \"hi\""));
        assert!(!plain(json_ua, "say \"hi\""));
        // Other control characters are the file's to keep, but JSON's to escape.
        assert!(plain(ua, "bell\u{7}"));
        assert!(!plain(json_ua, "bell\u{7}"));
        assert!(!plain("a\\b $context.requestId", "x"));
    }
}
