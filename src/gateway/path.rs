//! Which request paths and methods the gateway takes, so that the path it
//! routes (and checks authorization for) is the path the backend gets.
//!
//! A backend that resolves `..`, decodes `%2e%2e`, `%2f` or `%61`, or reads
//! `get` as `GET` would otherwise serve a resource that another route's
//! authorizer guards. The rules, checked in one pass and with no
//! allocation for a clean path:
//! - repeated slashes are merged (`/test//admin` is `/test/admin`), for
//!   routing and forwarding alike: the one rewrite, and only when needed;
//! - a dot-segment (`.` or `..`, also percent-encoded and also before a
//!   `;parameter`), an encoded slash or backslash (`%2f`, `%5c`), a raw
//!   backslash, a percent-encoded unreserved character (`%41`, `%2e`, `%7e`,
//!   which no client needs to encode) and a malformed `%` escape are refused
//!   with 400 `{"message":"Bad Request"}`;
//! - a method spelt like a standard one in another case (`get`, `Post`) is
//!   refused with 400 too: methods are case-sensitive, and a backend that
//!   folds case would run a `GET` that reached it through an `ANY` route.

use http::Method;
use std::borrow::Cow;

/// Why a request was refused.
pub type Refusal = &'static str;

/// The path to route and forward: `path` itself when it is canonical, the
/// path with its repeated slashes merged, or why it is refused.
pub fn canonical(path: &str) -> Result<Cow<'_, str>, Refusal> {
    let bytes = path.as_bytes();
    let mut repeated_slash = false;
    let mut segment_start = 0;
    let mut i = 0;
    while i <= bytes.len() {
        let b = bytes.get(i).copied();
        match b {
            Some(b'/') | None => {
                let segment = &path[segment_start..i];
                if is_dot_segment(segment) {
                    return Err("the path has a dot-segment (. or ..)");
                }
                if b == Some(b'/') && segment.is_empty() && i > 0 {
                    repeated_slash = true;
                }
                segment_start = i + 1;
            }
            Some(b'\\') => return Err("the path has a backslash"),
            Some(b'%') => {
                let decoded = bytes
                    .get(i + 1..i + 3)
                    .and_then(|h| Some(hex(h[0])? << 4 | hex(h[1])?));
                match decoded {
                    None => return Err("the path has a malformed percent-encoding"),
                    Some(b'/' | b'\\') => {
                        return Err("the path has an encoded slash (%2F or %5C)");
                    }
                    Some(c) if is_unreserved(c) => {
                        return Err(
                            "the path has a percent-encoded character that needs no encoding",
                        );
                    }
                    Some(_) => {}
                }
                i += 2;
            }
            Some(_) => {}
        }
        i += 1;
    }
    if !repeated_slash {
        return Ok(Cow::Borrowed(path));
    }
    let mut merged = String::with_capacity(path.len());
    for c in path.chars() {
        if c == '/' && merged.ends_with('/') {
            continue;
        }
        merged.push(c);
    }
    Ok(Cow::Owned(merged))
}

/// `.` or `..` (any dot possibly `%2e`), ignoring a `;parameter` after it
/// as servlet containers do.
fn is_dot_segment(segment: &str) -> bool {
    let segment = segment.split(';').next().unwrap_or_default().as_bytes();
    let mut dots = 0;
    let mut rest = segment;
    while !rest.is_empty() {
        if rest[0] == b'.' {
            rest = &rest[1..];
        } else if rest.len() >= 3 && rest[0] == b'%' && rest[1] == b'2' && (rest[2] | 0x20) == b'e'
        {
            rest = &rest[3..];
        } else {
            return false;
        }
        dots += 1;
    }
    dots == 1 || dots == 2
}

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// RFC 3986's unreserved characters: never need percent-encoding.
fn is_unreserved(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'-' | b'.' | b'_' | b'~')
}

/// The standard methods, as RFC 9110 spells them.
const STANDARD: [&str; 9] = [
    "GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH",
];

/// Refuses a method that is a standard one in another case. The standard
/// methods themselves are parsed by `http` without allocation, and are
/// never extension methods, so the common case costs one comparison.
pub fn check_method(method: &Method) -> Result<(), Refusal> {
    let m = method.as_str();
    if m.len() <= 7 && !STANDARD.contains(&m) && STANDARD.iter().any(|s| s.eq_ignore_ascii_case(m))
    {
        return Err("the method is a standard one in the wrong case (methods are case-sensitive)");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_paths_are_kept_as_they_are() {
        for p in [
            "/",
            "/test/admin/x",
            "/pets/",
            "/a/.../b",
            "/a/.x/b",
            "/a%20b/caf%C3%A9",
            "/a;b=c/d",
            "*",
        ] {
            assert!(
                matches!(canonical(p), Ok(Cow::Borrowed(q)) if q == p),
                "{p}"
            );
        }
    }

    #[test]
    fn repeated_slashes_are_merged() {
        assert_eq!(canonical("/test//admin/x").unwrap(), "/test/admin/x");
        assert_eq!(canonical("//test///admin//").unwrap(), "/test/admin/");
    }

    #[test]
    fn dot_segments_and_encoded_separators_are_refused() {
        for p in [
            "/test/public/../admin/x",
            "/test/public/%2e%2e/admin/x",
            "/test/public/%2E%2E/admin/x",
            "/test/public/.%2e/admin/x",
            "/test/public/x/../../admin/x",
            "/test/./admin",
            "/test/public/..;x=1/admin",
            "/test/..",
            "/test/public/..%2fadmin/x",
            "/test/public%2F..%2Fadmin",
            "/test/a%5cb",
            "/test/%61dmin/x",
            "/test/%7e",
            "/test/%zz",
            "/test/%2",
            "/test/a\\b",
        ] {
            assert!(canonical(p).is_err(), "{p}");
        }
    }

    #[test]
    fn methods_are_case_sensitive() {
        for ok in ["GET", "POST", "PURGE", "get-thing", "MKCOL"] {
            assert!(check_method(&Method::from_bytes(ok.as_bytes()).unwrap()).is_ok());
        }
        for bad in ["get", "Post", "dElEtE", "options"] {
            assert!(check_method(&Method::from_bytes(bad.as_bytes()).unwrap()).is_err());
        }
    }
}
