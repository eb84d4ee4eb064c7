//! CORS as the service serves it, from the API's `CorsConfiguration`
//! compiled once per stage into a [`CorsPlan`] (header values rendered at
//! load, so a request only compares and copies). Two steps of the request
//! path use it:
//!
//! - **preflight** ([`CorsPlan::preflight`]): an `OPTIONS` request with
//!   `Origin` and `Access-Control-Request-Method` that matches no route is
//!   answered by the gateway, 204 with no body, never reaching a backend.
//!   A preflight that a route takes (`$default`, `ANY /{proxy+}`, an
//!   explicit `OPTIONS` route) goes to that route, authorizer and all.
//! - **response headers** ([`CorsPlan::decorate`]): on every integration
//!   response the backend's own `Access-Control-*` headers are dropped (the
//!   service ignores them once CORS is configured, whether or not the
//!   request has an `Origin`); when the request has an allowed `Origin` the
//!   configured ones are added.
//!
//! Rules: origins match exactly (ASCII case-insensitively), or by `*`,
//! `https://*` or `http://*`; methods and headers by their list or `*`;
//! `Access-Control-Request-Headers` names are compared case-insensitively.
//! `Access-Control-Allow-Origin` echoes the request's origin, or is `*` when
//! `*` is configured and credentials are not; whenever the answer depends on
//! the origin, responses carry `Vary: Origin` (also those to requests
//! without one, so that a cache never hands one origin's answer to another).
//!
//! Choices where the service's behaviour is unconfirmed (SPEC section 6):
//! - a preflight from a disallowed origin, or asking for a method or header
//!   that is not allowed, still answers 204 but with no CORS headers at all:
//!   the browser then reports the CORS failure itself, and no backend sees a
//!   request the browser will never send;
//! - without `AllowMethods`, only the CORS-safelisted methods (GET, HEAD,
//!   POST) pass a preflight, and without `AllowHeaders` no requested header
//!   does — the methods and headers a browser would allow on its own;
//! - with `AllowCredentials`, a `*` in `AllowMethods` or `AllowHeaders` is
//!   answered with the method and headers the preflight asked for, because
//!   browsers read `*` literally on a credentialed request;
//! - a preflight taken by a route gets, on the backend's answer, the whole
//!   preflight set (`-Allow-Methods`, `-Allow-Headers`, `-Max-Age` too),
//!   since the backend's own were dropped;
//! - the gateway's own answers (404, 401, 429, …) get no CORS headers: the
//!   service adds them to integration responses.

use super::answer::{Answer, Kind};
use crate::model::Cors;
use http::Method;
use http::header::{self, HeaderMap, HeaderName, HeaderValue};

/// The methods a browser sends cross-origin without asking for them.
const SAFELISTED_METHODS: &[&str] = &["GET", "HEAD", "POST"];

/// Which origins are allowed.
#[derive(Debug, Default)]
struct Origins {
    any: bool,
    any_https: bool,
    any_http: bool,
    /// Exact origins, lower-cased.
    exact: Vec<String>,
}

impl Origins {
    /// Compares bytes: a configured origin is ASCII, so a value that is not
    /// text matches none without a text check first. A wildcard allows
    /// only what a browser can send, visible ASCII (an origin is
    /// serialized with its host in punycode): an allowed origin may be
    /// echoed back, and bytes no browser sends are not.
    fn allows(&self, origin: &[u8]) -> bool {
        let browser_like = || origin.iter().all(u8::is_ascii_graphic);
        if self.any {
            return browser_like();
        }
        let scheme_is = |s: &str| {
            origin.len() > s.len()
                && origin[..s.len()].eq_ignore_ascii_case(s.as_bytes())
                && browser_like()
        };
        (self.any_https && scheme_is("https://"))
            || (self.any_http && scheme_is("http://"))
            || self
                .exact
                .iter()
                .any(|o| o.as_bytes().eq_ignore_ascii_case(origin))
    }
}

/// A configured list of methods or headers: `*`, or the names.
#[derive(Debug)]
enum Allowed {
    Any,
    /// Upper-cased methods, or lower-cased header names.
    Only(Vec<String>),
}

impl Allowed {
    fn compile(list: Option<&[String]>, upper: bool) -> Option<Allowed> {
        let list = list.filter(|l| !l.is_empty())?;
        if list.iter().any(|s| s.trim() == "*") {
            return Some(Allowed::Any);
        }
        Some(Allowed::Only(
            list.iter()
                .map(|s| {
                    let s = s.trim();
                    if upper {
                        s.to_ascii_uppercase()
                    } else {
                        s.to_ascii_lowercase()
                    }
                })
                .collect(),
        ))
    }

    fn allows(&self, name: &str) -> bool {
        match self {
            Allowed::Any => true,
            Allowed::Only(names) => names.iter().any(|n| n.eq_ignore_ascii_case(name)),
        }
    }
}

/// One API's CORS configuration, ready for the request path.
#[derive(Debug)]
pub struct CorsPlan {
    origins: Origins,
    methods: Option<Allowed>,
    headers: Option<Allowed>,
    credentials: bool,
    /// `Access-Control-Allow-Origin: *` for every allowed origin.
    star_origin: bool,
    allow_methods: Option<HeaderValue>,
    allow_headers: Option<HeaderValue>,
    expose_headers: Option<HeaderValue>,
    max_age: Option<HeaderValue>,
}

static ALLOW_ORIGIN: HeaderName = header::ACCESS_CONTROL_ALLOW_ORIGIN;
static STAR: HeaderValue = HeaderValue::from_static("*");
static TRUE: HeaderValue = HeaderValue::from_static("true");
static ORIGIN: HeaderValue = HeaderValue::from_static("Origin");

/// A list as one header value (`GET, POST`); none when empty or unsayable.
fn joined(list: Option<&[String]>) -> Option<HeaderValue> {
    let list = list.filter(|l| !l.is_empty())?;
    let text = list.iter().map(|s| s.trim()).collect::<Vec<_>>().join(", ");
    HeaderValue::from_str(&text).ok()
}

impl CorsPlan {
    /// The plan for `cors`; none when the API has no CORS configuration.
    pub fn compile(cors: Option<&Cors>) -> Option<CorsPlan> {
        let cors = cors?;
        let mut origins = Origins::default();
        for o in cors.allow_origins.as_deref().unwrap_or_default() {
            match o.trim() {
                "*" => origins.any = true,
                "https://*" => origins.any_https = true,
                "http://*" => origins.any_http = true,
                exact => origins.exact.push(exact.to_ascii_lowercase()),
            }
        }
        let credentials = cors.allow_credentials == Some(true);
        Some(CorsPlan {
            star_origin: origins.any && !credentials,
            origins,
            methods: Allowed::compile(cors.allow_methods.as_deref(), true),
            headers: Allowed::compile(cors.allow_headers.as_deref(), false),
            credentials,
            allow_methods: joined(cors.allow_methods.as_deref()),
            allow_headers: joined(cors.allow_headers.as_deref()),
            expose_headers: joined(cors.expose_headers.as_deref()),
            max_age: cors.max_age.map(HeaderValue::from),
        })
    }

    /// Whether a request is a CORS preflight: `OPTIONS` with `Origin` and
    /// `Access-Control-Request-Method`.
    pub fn is_preflight(method: &Method, headers: &HeaderMap) -> bool {
        *method == Method::OPTIONS
            && headers.contains_key(header::ORIGIN)
            && headers.contains_key(header::ACCESS_CONTROL_REQUEST_METHOD)
    }

    /// Whether the answer depends on the request's origin.
    fn varies(&self) -> bool {
        !self.star_origin
    }

    /// The request's `Origin` when it is allowed.
    fn allowed_origin<'h>(&self, origin: Option<&'h HeaderValue>) -> Option<&'h HeaderValue> {
        let origin = origin?;
        self.origins.allows(origin.as_bytes()).then_some(origin)
    }

    /// The headers answering a preflight, or why it is refused.
    pub fn preflight_headers(
        &self,
        request: &HeaderMap,
    ) -> Result<Vec<(HeaderName, HeaderValue)>, &'static str> {
        let origin = self
            .allowed_origin(request.get(header::ORIGIN))
            .ok_or("the preflight's Origin is not in AllowOrigins")?;
        let method = request
            .get(header::ACCESS_CONTROL_REQUEST_METHOD)
            .and_then(|v| v.to_str().ok())
            .map(str::trim)
            .ok_or("the preflight's Access-Control-Request-Method is not readable")?;
        let method_ok = match &self.methods {
            Some(m) => m.allows(method),
            None => SAFELISTED_METHODS.contains(&method),
        };
        if !method_ok {
            return Err("the preflight's Access-Control-Request-Method is not in AllowMethods");
        }
        let asked: Vec<&str> = request
            .get_all(header::ACCESS_CONTROL_REQUEST_HEADERS)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(str::trim)
            .filter(|h| !h.is_empty())
            .collect();
        let headers_ok = match &self.headers {
            Some(h) => asked.iter().all(|a| h.allows(a)),
            None => asked.is_empty(),
        };
        if !headers_ok {
            return Err("a header in Access-Control-Request-Headers is not in AllowHeaders");
        }
        let mut out = Vec::with_capacity(6);
        self.origin_headers(origin, &mut out);
        // A credentialed request reads `*` literally: name what was asked.
        let wildcard_literal =
            |allowed: &Option<Allowed>| self.credentials && matches!(allowed, Some(Allowed::Any));
        let methods = if wildcard_literal(&self.methods) {
            HeaderValue::from_str(method).ok()
        } else {
            self.allow_methods.clone()
        };
        if let Some(v) = methods {
            out.push((header::ACCESS_CONTROL_ALLOW_METHODS, v));
        }
        let headers = if wildcard_literal(&self.headers) {
            (!asked.is_empty())
                .then(|| HeaderValue::from_str(&asked.join(", ")).ok())
                .flatten()
        } else {
            self.allow_headers.clone()
        };
        if let Some(v) = headers {
            out.push((header::ACCESS_CONTROL_ALLOW_HEADERS, v));
        }
        if let Some(v) = &self.max_age {
            out.push((header::ACCESS_CONTROL_MAX_AGE, v.clone()));
        }
        Ok(out)
    }

    /// The gateway's answer to a preflight no route takes: 204 with the
    /// configured headers, or with none when the origin, method or headers
    /// are not allowed (the browser then reports the CORS failure).
    pub fn preflight(&self, request: &HeaderMap) -> Answer {
        match self.preflight_headers(request) {
            Ok(headers) => Answer {
                kind: Kind::Preflight,
                headers,
                reason: "CORS preflight answered by the gateway".into(),
            },
            Err(why) => {
                let answer = Answer::new(Kind::Preflight, why);
                if self.varies() {
                    answer.with_header(header::VARY, ORIGIN.clone())
                } else {
                    answer
                }
            }
        }
    }

    /// `-Allow-Origin`, `-Allow-Credentials` and `Vary` for an allowed origin.
    fn origin_headers(&self, origin: &HeaderValue, out: &mut Vec<(HeaderName, HeaderValue)>) {
        if self.star_origin {
            out.push((ALLOW_ORIGIN.clone(), STAR.clone()));
        } else {
            out.push((ALLOW_ORIGIN.clone(), origin.clone()));
        }
        if self.credentials {
            out.push((header::ACCESS_CONTROL_ALLOW_CREDENTIALS, TRUE.clone()));
        }
        if self.varies() {
            out.push((header::VARY, ORIGIN.clone()));
        }
    }

    /// The CORS headers of an integration response: the backend's own
    /// `Access-Control-*` dropped, the configured ones added when the
    /// request's origin is allowed. For a preflight a route took, the whole
    /// preflight set is added.
    pub fn decorate(&self, asked: &Asked, response: &mut HeaderMap) {
        let backend_vary = drop_backend_cors(response);
        let out = match asked {
            Asked::Preflight(request) => self.preflight_headers(request).unwrap_or_default(),
            Asked::Simple(origin) => {
                if let Some(origin) = self.allowed_origin(origin.as_ref()) {
                    // The common case, on every answer to a browser:
                    // straight into the map, with no list in between.
                    response.reserve(4);
                    let allow = if self.star_origin { &STAR } else { origin };
                    response.insert(ALLOW_ORIGIN.clone(), allow.clone());
                    if self.credentials {
                        response.insert(header::ACCESS_CONTROL_ALLOW_CREDENTIALS, TRUE.clone());
                    }
                    if let Some(v) = &self.expose_headers {
                        response.insert(header::ACCESS_CONTROL_EXPOSE_HEADERS, v.clone());
                    }
                }
                if self.varies() {
                    add_vary_origin(response, backend_vary);
                }
                return;
            }
        };
        // One growth of the map at most, not one per header (HeaderMap
        // doubles its table as it fills: a profile showed try_grow here).
        response.reserve(out.len() + 1);
        let mut vary_added = false;
        for (name, value) in out {
            if name == header::VARY {
                vary_added = true;
                add_vary_origin(response, backend_vary);
            } else {
                response.insert(name, value);
            }
        }
        if self.varies() && !vary_added {
            add_vary_origin(response, backend_vary);
        }
    }
}

/// What CORS reads of a request, kept when its headers go to the backend:
/// a preflight's headers, or else only its `Origin` (one cheap clone on
/// the common path, not a map).
#[derive(Debug)]
pub enum Asked {
    Preflight(HeaderMap),
    Simple(Option<HeaderValue>),
}

impl Asked {
    pub fn of(request: &HeaderMap, preflight: bool) -> Asked {
        if !preflight {
            return Asked::Simple(request.get(header::ORIGIN).cloned());
        }
        let mut out = HeaderMap::new();
        for name in [
            header::ORIGIN,
            header::ACCESS_CONTROL_REQUEST_METHOD,
            header::ACCESS_CONTROL_REQUEST_HEADERS,
        ] {
            for v in request.get_all(&name) {
                out.append(name.clone(), v.clone());
            }
        }
        Asked::Preflight(out)
    }
}

/// Adds `Vary: Origin` unless the response already varies on it (or on
/// everything). `backend_vary`: the response has a `Vary` of its own.
fn add_vary_origin(response: &mut HeaderMap, backend_vary: bool) {
    use http::header::Entry;
    if !backend_vary {
        response.insert(header::VARY, ORIGIN.clone());
        return;
    }
    // One lookup of the name whether or not the backend sent a Vary.
    match response.entry(header::VARY) {
        Entry::Vacant(e) => {
            e.insert(ORIGIN.clone());
        }
        Entry::Occupied(mut e) => {
            let present = e
                .iter()
                .filter_map(|v| v.to_str().ok())
                .flat_map(|v| v.split(','))
                .any(|t| {
                    let t = t.trim();
                    t == "*" || t.eq_ignore_ascii_case("origin")
                });
            if !present {
                e.append(ORIGIN.clone());
            }
        }
    }
}

/// Removes every `Access-Control-*` header a backend sent, and says
/// whether it sent a `Vary` (one look at the names for both).
fn drop_backend_cors(response: &mut HeaderMap) -> bool {
    let is_cors = |n: &HeaderName| n.as_str().starts_with("access-control-");
    let (mut cors, mut vary) = (false, false);
    for n in response.keys() {
        if *n == header::VARY {
            vary = true;
        } else if is_cors(n) {
            cors = true;
        }
    }
    // Usually there are none: nothing is collected then.
    if cors {
        let names: Vec<HeaderName> = response.keys().filter(|n| is_cors(n)).cloned().collect();
        for n in names {
            response.remove(n);
        }
    }
    vary
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(v: &[&str]) -> Option<Vec<String>> {
        Some(v.iter().map(|s| s.to_string()).collect())
    }

    fn plan(origins: &[&str], methods: &[&str], headers: &[&str], credentials: bool) -> CorsPlan {
        CorsPlan::compile(Some(&Cors {
            allow_origins: strings(origins),
            allow_methods: strings(methods),
            allow_headers: strings(headers),
            expose_headers: strings(&["x-request-id"]),
            max_age: Some(300),
            allow_credentials: Some(credentials),
        }))
        .unwrap()
    }

    fn request(pairs: &[(&str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.append(
                HeaderName::from_bytes(k.as_bytes()).unwrap(),
                HeaderValue::from_str(v).unwrap(),
            );
        }
        h
    }

    fn names(out: &[(HeaderName, HeaderValue)]) -> Vec<String> {
        out.iter()
            .map(|(n, v)| format!("{n}: {}", v.to_str().unwrap()))
            .collect()
    }

    #[test]
    fn no_configuration_no_plan() {
        assert!(CorsPlan::compile(None).is_none());
    }

    #[test]
    fn a_preflight_is_answered_with_exactly_the_configuration() {
        let p = plan(
            &["https://app.example.com"],
            &["GET", "PUT"],
            &["Content-Type", "X-Api-Key"],
            true,
        );
        let r = request(&[
            ("origin", "https://app.example.com"),
            ("access-control-request-method", "PUT"),
            ("access-control-request-headers", "x-api-key, CONTENT-TYPE"),
        ]);
        assert_eq!(
            names(&p.preflight_headers(&r).unwrap()),
            [
                "access-control-allow-origin: https://app.example.com",
                "access-control-allow-credentials: true",
                "vary: Origin",
                "access-control-allow-methods: GET, PUT",
                "access-control-allow-headers: Content-Type, X-Api-Key",
                "access-control-max-age: 300",
            ]
        );
    }

    #[test]
    fn disallowed_origins_methods_and_headers_refuse_the_preflight() {
        let p = plan(
            &["https://app.example.com"],
            &["GET"],
            &["x-api-key"],
            false,
        );
        let base = [
            ("origin", "https://app.example.com"),
            ("access-control-request-method", "GET"),
        ];
        assert!(p.preflight_headers(&request(&base)).is_ok());
        let mut evil = base;
        evil[0].1 = "https://evil.example.com";
        assert!(p.preflight_headers(&request(&evil)).is_err());
        let mut delete = base;
        delete[1].1 = "DELETE";
        assert!(p.preflight_headers(&request(&delete)).is_err());
        let mut extra = base.to_vec();
        extra.push(("access-control-request-headers", "x-api-key,authorization"));
        assert!(p.preflight_headers(&request(&extra)).is_err());
    }

    #[test]
    fn origin_wildcards() {
        let p = plan(&["https://*"], &["*"], &["*"], false);
        assert!(p.origins.allows(b"https://a.example.com"));
        assert!(p.origins.allows(b"HTTPS://A.example.com"));
        assert!(!p.origins.allows(b"http://a.example.com"));
        assert!(!p.origins.allows(b"https://"));
        let p = plan(&["http://*", "https://exact.example"], &[], &[], false);
        assert!(p.origins.allows(b"http://localhost:3000"));
        assert!(p.origins.allows(b"https://EXACT.example"));
        assert!(!p.origins.allows(b"https://other.example"));
        let p = plan(&["*"], &[], &[], false);
        assert!(p.origins.allows(b"null"));
        // Bytes no browser sends in an origin are allowed by no wildcard.
        for odd in [
            "https://caf\u{e9}.example",
            "https://a b.example",
            "https://a\tb",
        ] {
            for wildcard in ["*", "https://*"] {
                let p = plan(&[wildcard], &[], &[], true);
                assert!(!p.origins.allows(odd.as_bytes()), "{wildcard} {odd:?}");
            }
        }
        assert!(
            plan(&["*"], &[], &[], true)
                .origins
                .allows(b"https://xn--caf-dma.example")
        );
    }

    #[test]
    fn star_origin_without_credentials_is_answered_star_with_no_vary() {
        let p = plan(&["*"], &["*"], &["*"], false);
        let r = request(&[
            ("origin", "https://a.example"),
            ("access-control-request-method", "PATCH"),
            ("access-control-request-headers", "x-anything"),
        ]);
        assert_eq!(
            names(&p.preflight_headers(&r).unwrap()),
            [
                "access-control-allow-origin: *",
                "access-control-allow-methods: *",
                "access-control-allow-headers: *",
                "access-control-max-age: 300",
            ]
        );
    }

    #[test]
    fn credentials_turn_wildcard_methods_and_headers_into_what_was_asked() {
        let p = plan(&["https://*"], &["*"], &["*"], true);
        let r = request(&[
            ("origin", "https://a.example"),
            ("access-control-request-method", "PATCH"),
            ("access-control-request-headers", "x-one, x-two"),
        ]);
        let out = names(&p.preflight_headers(&r).unwrap());
        assert!(out.contains(&"access-control-allow-methods: PATCH".to_string()));
        assert!(out.contains(&"access-control-allow-headers: x-one, x-two".to_string()));
    }

    #[test]
    fn unconfigured_methods_and_headers_allow_what_a_browser_allows() {
        let p = CorsPlan::compile(Some(&Cors {
            allow_origins: strings(&["*"]),
            ..Default::default()
        }))
        .unwrap();
        let ok = request(&[
            ("origin", "https://a.example"),
            ("access-control-request-method", "POST"),
        ]);
        assert_eq!(
            names(&p.preflight_headers(&ok).unwrap()),
            ["access-control-allow-origin: *"]
        );
        let put = request(&[
            ("origin", "https://a.example"),
            ("access-control-request-method", "PUT"),
        ]);
        assert!(p.preflight_headers(&put).is_err());
    }

    #[test]
    fn integration_responses_lose_the_backends_cors_headers() {
        let p = plan(&["https://app.example.com"], &["GET"], &[], false);
        let mut response = request(&[
            ("access-control-allow-origin", "*"),
            ("access-control-allow-methods", "DELETE"),
            ("vary", "Accept-Encoding"),
            ("content-type", "text/plain"),
        ]);
        p.decorate(
            &Asked::of(&request(&[("origin", "https://app.example.com")]), false),
            &mut response,
        );
        assert_eq!(
            response["access-control-allow-origin"],
            "https://app.example.com"
        );
        assert_eq!(response["access-control-expose-headers"], "x-request-id");
        assert!(!response.contains_key("access-control-allow-methods"));
        let vary: Vec<_> = response.get_all("vary").iter().collect();
        assert_eq!(vary, ["Accept-Encoding", "Origin"]);
        assert_eq!(response["content-type"], "text/plain");
    }

    #[test]
    fn no_origin_or_a_disallowed_one_gets_no_cors_headers() {
        let p = plan(&["https://app.example.com"], &["GET"], &[], false);
        for r in [
            request(&[]),
            request(&[("origin", "https://evil.example.com")]),
        ] {
            let mut response = request(&[("access-control-allow-origin", "*")]);
            p.decorate(&Asked::of(&r, false), &mut response);
            assert!(!response.contains_key("access-control-allow-origin"));
            assert_eq!(response["vary"], "Origin");
        }
    }

    #[test]
    fn a_routed_preflight_gets_the_preflight_set() {
        let p = plan(&["https://app.example.com"], &["GET", "POST"], &[], false);
        let r = request(&[
            ("origin", "https://app.example.com"),
            ("access-control-request-method", "POST"),
        ]);
        let mut response = HeaderMap::new();
        p.decorate(&Asked::of(&r, true), &mut response);
        assert_eq!(response["access-control-allow-methods"], "GET, POST");
        assert_eq!(response["access-control-max-age"], "300");
        assert!(!response.contains_key("access-control-expose-headers"));
    }

    #[test]
    fn preflight_needs_origin_and_a_requested_method() {
        let both = request(&[
            ("origin", "https://a.example"),
            ("access-control-request-method", "GET"),
        ]);
        assert!(CorsPlan::is_preflight(&Method::OPTIONS, &both));
        assert!(!CorsPlan::is_preflight(&Method::GET, &both));
        let origin_only = request(&[("origin", "https://a.example")]);
        assert!(!CorsPlan::is_preflight(&Method::OPTIONS, &origin_only));
    }
}
