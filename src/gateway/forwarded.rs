//! The `Forwarded` header (RFC 7239) a backend gets, as the service
//! documents it: incoming `X-Forwarded-For`/`-Proto`/`-Host` turned into
//! `Forwarded` elements, and the gateway's own hop appended —
//! `for=<client ip>;host=<Host the client sent>;proto=http`.
//!
//! Choices where the service says no more: the lists are paired by
//! position (the first `X-Forwarded-Proto` and `-Host` values describe the
//! first `for`, as a single value from the first proxy does); a request
//! that already has `Forwarded` keeps it, untranslated `X-Forwarded-*`
//! aside, and gets the gateway's element after it; values that are not
//! visible ASCII are left out. The `X-Forwarded-*` headers themselves are
//! still sent as before. The common request, with none of these headers
//! and the same `Host` as the connection's previous request, reuses the
//! connection's value and allocates nothing.

use http::header::{self, HeaderMap, HeaderName, HeaderValue};
use std::sync::Mutex;

static FORWARDED_FOR: HeaderName = HeaderName::from_static("x-forwarded-for");
static FORWARDED_PROTO: HeaderName = HeaderName::from_static("x-forwarded-proto");
static FORWARDED_HOST: HeaderName = HeaderName::from_static("x-forwarded-host");

/// A connection's last gateway element: for which `Host`, which value.
#[derive(Default)]
pub struct Cache(Mutex<Option<(Option<HeaderValue>, HeaderValue)>>);

/// The `Forwarded` value for a request with these (client's) headers,
/// from a client at `ip`.
/// `proto` is how the client connected: `http`, or `https`.
pub fn value_for(headers: &HeaderMap, ip: &str, proto: &str, cache: &Cache) -> Option<HeaderValue> {
    let host = headers.get(header::HOST);
    let earlier = !headers.contains_key(header::FORWARDED)
        && !headers.contains_key(&FORWARDED_FOR)
        && !headers.contains_key(&FORWARDED_PROTO)
        && !headers.contains_key(&FORWARDED_HOST);
    if earlier {
        let mut cached = cache.0.lock().unwrap_or_else(|p| p.into_inner());
        if let Some((h, v)) = &*cached
            && h.as_ref() == host
        {
            return Some(v.clone());
        }
        let v = HeaderValue::from_str(&own_element(ip, host, proto)).ok()?;
        *cached = Some((host.cloned(), v.clone()));
        return Some(v);
    }
    let mut out = String::with_capacity(128);
    let existing: Vec<&str> = headers
        .get_all(header::FORWARDED)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .collect();
    if existing.is_empty() {
        translate(headers, &mut out);
    } else {
        out.push_str(&existing.join(", "));
    }
    if !out.is_empty() {
        out.push_str(", ");
    }
    out.push_str(&own_element(ip, host, proto));
    HeaderValue::from_str(&out).ok()
}

/// The elements `X-Forwarded-*` stand for, paired by position.
fn translate(headers: &HeaderMap, out: &mut String) {
    let list = |name: &HeaderName| -> Vec<&str> {
        headers
            .get_all(name)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .collect()
    };
    let fors = list(&FORWARDED_FOR);
    let protos = list(&FORWARDED_PROTO);
    let hosts = list(&FORWARDED_HOST);
    let n = fors.len().max(protos.len()).max(hosts.len());
    for i in 0..n {
        if i > 0 {
            out.push_str(", ");
        }
        let mut pairs = 0;
        let mut pair = |out: &mut String, key: &str, v: String| {
            if pairs > 0 {
                out.push(';');
            }
            pairs += 1;
            out.push_str(key);
            out.push('=');
            out.push_str(&v);
        };
        if let Some(f) = fors.get(i) {
            pair(out, "for", node(f));
        }
        if let Some(h) = hosts.get(i) {
            pair(out, "host", quoted_if_needed(h));
        }
        if let Some(p) = protos.get(i) {
            pair(out, "proto", quoted_if_needed(p));
        }
    }
}

/// The gateway's element: `for=<ip>;host=<host>;proto=http`.
fn own_element(ip: &str, host: Option<&HeaderValue>, proto: &str) -> String {
    let mut s = format!("for={}", node(ip));
    if let Some(h) = host.and_then(|h| h.to_str().ok()).filter(|h| !h.is_empty()) {
        s.push_str(";host=");
        s.push_str(&quoted_if_needed(h));
    }
    s.push_str(";proto=");
    s.push_str(proto);
    s
}

/// A node for `for=`: an IPv6 address in brackets and quotes, as RFC 7239
/// asks; anything else as a token or quoted.
fn node(v: &str) -> String {
    match v.parse::<std::net::Ipv6Addr>() {
        Ok(v6) => format!("\"[{v6}]\""),
        Err(_) => quoted_if_needed(v),
    }
}

fn quoted_if_needed(v: &str) -> String {
    if !v.is_empty() && v.bytes().all(is_tchar) {
        return v.to_string();
    }
    let mut s = String::with_capacity(v.len() + 2);
    s.push('"');
    for c in v.chars() {
        if c == '"' || c == '\\' {
            s.push('\\');
        }
        s.push(c);
    }
    s.push('"');
    s
}

fn is_tchar(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.append(*k, HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn the_gateway_hop_alone() {
        let cache = Cache::default();
        let h = headers(&[("host", "127.0.0.1:8080")]);
        let v = value_for(&h, "10.0.0.7", "http", &cache).unwrap();
        assert_eq!(v, "for=10.0.0.7;host=\"127.0.0.1:8080\";proto=http");
        // The same host again comes from the cache; another host does not.
        assert_eq!(value_for(&h, "10.0.0.7", "http", &cache).unwrap(), v);
        let other = headers(&[("host", "api.example.com")]);
        assert_eq!(
            value_for(&other, "::1", "http", &cache).unwrap(),
            "for=\"[::1]\";host=api.example.com;proto=http"
        );
    }

    #[test]
    fn x_forwarded_headers_become_elements() {
        let h = headers(&[
            ("host", "gw.test"),
            ("x-forwarded-for", "203.0.113.9, 2001:db8::1"),
            ("x-forwarded-proto", "https"),
            ("x-forwarded-host", "shop.example.com"),
        ]);
        assert_eq!(
            value_for(&h, "127.0.0.1", "http", &Cache::default()).unwrap(),
            "for=203.0.113.9;host=shop.example.com;proto=https, for=\"[2001:db8::1]\", \
             for=127.0.0.1;host=gw.test;proto=http"
        );
    }

    #[test]
    fn an_existing_forwarded_header_is_kept() {
        let h = headers(&[
            ("host", "gw.test"),
            ("forwarded", "for=192.0.2.1;proto=https"),
            ("x-forwarded-for", "198.51.100.1"),
        ]);
        assert_eq!(
            value_for(&h, "127.0.0.1", "http", &Cache::default()).unwrap(),
            "for=192.0.2.1;proto=https, for=127.0.0.1;host=gw.test;proto=http"
        );
    }

    #[test]
    fn odd_values_are_quoted() {
        let h = headers(&[("host", "gw"), ("x-forwarded-for", "a\"b;c")]);
        assert_eq!(
            value_for(&h, "127.0.0.1", "http", &Cache::default()).unwrap(),
            "for=\"a\\\"b;c\", for=127.0.0.1;host=gw;proto=http"
        );
    }
}
