//! The one shape of an answer the gateway makes itself rather than a
//! backend: a refusal (limits, paths, routing, throttling, authorizers,
//! integration failures) or a CORS preflight. Every step of the request
//! path returns `Err(Answer)` to stop there; [`KINDS`] is the one table of
//! what each kind of answer sends (status and the service's fixed body) and
//! what the access log says of it (`$context.error.message` and
//! `$context.error.responseType`). The operator's detail (`reason`) goes to
//! serve's own log only, never to the client.

use super::proxy::Body;
use bytes::Bytes;
use http::header::{self, HeaderName, HeaderValue};
use http::{Response, StatusCode};
use http_body_util::{Either, Full};
use std::borrow::Cow;

/// What kind of answer the gateway gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    BadRequest,
    NotFound,
    Unauthorized,
    Forbidden,
    TooLarge,
    HeadTooLarge,
    Throttled,
    /// The backend did not answer within `TimeoutInMillis`.
    IntegrationTimeout,
    /// No backend could be reached (none healthy, connection refused, reset).
    IntegrationFailure,
    /// Anything the gateway cannot do: a misconfigured integration or
    /// authorizer, a TLS failure, a malformed backend answer.
    Internal,
    /// A CORS preflight answered by the gateway: 204, no body, not an error.
    Preflight,
}

/// One row of [`KINDS`].
pub struct KindRow {
    pub kind: Kind,
    pub status: StatusCode,
    /// The body's `message`, which is also `$context.error.message`; none
    /// for an answer that is not an error.
    pub message: Option<&'static str>,
    /// The body as sent, `{"message":"…"}`.
    pub body: &'static [u8],
    /// `$context.error.responseType`, named as the service's gateway
    /// responses are.
    pub response_type: &'static str,
}

const fn row(
    kind: Kind,
    status: StatusCode,
    message: &'static str,
    body: &'static [u8],
    response_type: &'static str,
) -> KindRow {
    KindRow {
        kind,
        status,
        message: Some(message),
        body,
        response_type,
    }
}

/// What each kind sends: SPEC section 5 and 6 give the bodies the service
/// answers with (413 and 431 are unconfirmed there).
#[rustfmt::skip]
pub const KINDS: &[KindRow] = &[
    row(Kind::BadRequest, StatusCode::BAD_REQUEST, "Bad Request", br#"{"message":"Bad Request"}"#, "BAD_REQUEST_PARAMETERS"),
    row(Kind::NotFound, StatusCode::NOT_FOUND, "Not Found", br#"{"message":"Not Found"}"#, "RESOURCE_NOT_FOUND"),
    row(Kind::Unauthorized, StatusCode::UNAUTHORIZED, "Unauthorized", br#"{"message":"Unauthorized"}"#, "UNAUTHORIZED"),
    row(Kind::Forbidden, StatusCode::FORBIDDEN, "Forbidden", br#"{"message":"Forbidden"}"#, "ACCESS_DENIED"),
    row(Kind::TooLarge, StatusCode::PAYLOAD_TOO_LARGE, "Request Entity Too Large", br#"{"message":"Request Entity Too Large"}"#, "REQUEST_TOO_LARGE"),
    row(Kind::HeadTooLarge, StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE, "Request Header Fields Too Large", br#"{"message":"Request Header Fields Too Large"}"#, "REQUEST_TOO_LARGE"),
    row(Kind::Throttled, StatusCode::TOO_MANY_REQUESTS, "Too Many Requests", br#"{"message":"Too Many Requests"}"#, "THROTTLED"),
    row(Kind::IntegrationTimeout, StatusCode::SERVICE_UNAVAILABLE, "Service Unavailable", br#"{"message":"Service Unavailable"}"#, "INTEGRATION_TIMEOUT"),
    row(Kind::IntegrationFailure, StatusCode::SERVICE_UNAVAILABLE, "Service Unavailable", br#"{"message":"Service Unavailable"}"#, "INTEGRATION_FAILURE"),
    row(Kind::Internal, StatusCode::INTERNAL_SERVER_ERROR, "Internal Server Error", br#"{"message":"Internal Server Error"}"#, "DEFAULT_5XX"),
    KindRow { kind: Kind::Preflight, status: StatusCode::NO_CONTENT, message: None, body: b"", response_type: "-" },
];

impl Kind {
    pub fn row(self) -> &'static KindRow {
        // The table is in the enum's order (checked by a test).
        &KINDS[self as usize]
    }

    pub fn status(self) -> StatusCode {
        self.row().status
    }

    /// The body the service sends for this kind.
    pub fn body(self) -> &'static [u8] {
        self.row().body
    }
}

/// An answer made by the gateway.
#[derive(Debug)]
pub struct Answer {
    pub kind: Kind,
    /// Headers besides `content-type` (a `www-authenticate` challenge, CORS);
    /// usually none, so a list rather than a map.
    pub headers: Vec<(HeaderName, HeaderValue)>,
    /// What happened, for the operator's log; never sent to the client.
    pub reason: Cow<'static, str>,
}

impl Answer {
    pub fn new(kind: Kind, reason: impl Into<Cow<'static, str>>) -> Self {
        Answer {
            kind,
            headers: Vec::new(),
            reason: reason.into(),
        }
    }

    pub fn with_header(mut self, name: HeaderName, value: HeaderValue) -> Self {
        self.headers.push((name, value));
        self
    }

    pub fn status(&self) -> StatusCode {
        self.kind.status()
    }

    /// Whether the access log counts this answer as an error.
    pub fn is_error(&self) -> bool {
        self.kind.row().message.is_some()
    }

    /// The response the client gets. The reason stays behind, for the log.
    pub fn into_response(self) -> Response<Body> {
        let row = self.kind.row();
        let mut r = Response::new(Either::Right(Full::new(Bytes::from_static(row.body))));
        *r.status_mut() = row.status;
        let headers = r.headers_mut();
        for (name, value) in self.headers {
            headers.append(name, value);
        }
        if !row.body.is_empty() {
            headers.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            );
        }
        r
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_in_the_order_of_the_kinds() {
        for (i, row) in KINDS.iter().enumerate() {
            assert_eq!(row.kind as usize, i, "{:?}", row.kind);
            if let Some(m) = row.message {
                assert_eq!(row.body, format!(r#"{{"message":"{m}"}}"#).as_bytes());
            }
        }
    }

    #[test]
    fn an_answer_keeps_its_reason_from_the_client() {
        let a = Answer::new(Kind::Throttled, "burst of 0")
            .with_header(header::RETRY_AFTER, HeaderValue::from_static("1"));
        assert_eq!(a.reason, "burst of 0");
        let r = a.into_response();
        assert_eq!(r.status(), 429);
        assert_eq!(r.headers()[header::CONTENT_TYPE], "application/json");
        assert_eq!(r.headers()[header::RETRY_AFTER], "1");
    }

    #[test]
    fn a_preflight_has_no_body_and_is_no_error() {
        let a = Answer::new(Kind::Preflight, "");
        assert!(!a.is_error());
        let r = a.into_response();
        assert_eq!(r.status(), 204);
        assert!(!r.headers().contains_key(header::CONTENT_TYPE));
    }
}
