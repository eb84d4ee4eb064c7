//! What the service accepts as the CORS configuration of an HTTP API.
//! [`check`] runs on the configuration as it would be stored, so create-api,
//! update-api and the workspace's load-time check share every rule.

use crate::error::ApiError;
use crate::model::Cors;

/// `Access-Control-Max-Age` bounds, in seconds (-1 turns caching off).
pub const MAX_AGE: std::ops::RangeInclusive<i64> = -1..=86_400;

/// The origins that stand for more than one origin.
pub const WILDCARD_ORIGINS: &[&str] = &["*", "http://*", "https://*"];

pub fn check(cors: &Cors) -> Result<(), ApiError> {
    let origins = cors.allow_origins.as_deref().unwrap_or_default();
    if cors.allow_credentials == Some(true) && origins.iter().any(|o| o == "*") {
        // The service's own words (a real capture; see SPEC section 6).
        return Err(ApiError::bad_request(
            "allow-credentials is not supported if 'allow-origin' is *",
        ));
    }
    if let Some(age) = cors.max_age
        && !MAX_AGE.contains(&age)
    {
        return Err(ApiError::bad_request(format!(
            "Invalid MaxAge specified: {age}. Must be between -1 and 86400"
        )));
    }
    for origin in origins {
        check_origin(origin)?;
    }
    Ok(())
}

/// An origin is one of [`WILDCARD_ORIGINS`] or exactly what a browser sends
/// in `Origin`: `scheme://host[:port]`, with no path, query or trailing `/`.
/// (Whether the service refuses other shapes is unconfirmed; one that no
/// browser ever sends could never match, so apigw says so at once.)
pub fn check_origin(origin: &str) -> Result<(), ApiError> {
    if WILDCARD_ORIGINS.contains(&origin) || is_origin(origin) {
        return Ok(());
    }
    Err(ApiError::bad_request(format!(
        "Invalid origin specified: {origin}. An allowed origin is *, http://*, https://* \
         or scheme://host[:port] exactly as a browser sends it, with no path or trailing /, \
         e.g. https://www.example.com"
    )))
}

fn is_origin(s: &str) -> bool {
    let Some((scheme, rest)) = s.split_once("://") else {
        return false;
    };
    let scheme_ok = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'));
    let (host, port) = match rest.rsplit_once(':') {
        // An IPv6 literal ([::1]) holds colons of its own.
        Some((h, p)) if !p.contains(']') => (h, Some(p)),
        _ => (rest, None),
    };
    let host_ok = !host.is_empty()
        && host.bytes().all(|b| {
            b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_' | b'[' | b']' | b':')
        });
    let port_ok =
        port.is_none_or(|p| !p.is_empty() && p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit()));
    scheme_ok && host_ok && port_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cors(origins: &[&str], credentials: Option<bool>, max_age: Option<i64>) -> Cors {
        Cors {
            allow_origins: Some(origins.iter().map(|s| s.to_string()).collect()),
            allow_credentials: credentials,
            max_age,
            ..Default::default()
        }
    }

    #[test]
    fn credentials_with_any_origin() {
        let e = check(&cors(&["https://a.example", "*"], Some(true), None)).unwrap_err();
        assert_eq!(
            e.to_string(),
            "allow-credentials is not supported if 'allow-origin' is *"
        );
        assert!(check(&cors(&["*"], Some(false), None)).is_ok());
        assert!(check(&cors(&["https://*"], Some(true), None)).is_ok());
    }

    #[test]
    fn max_age_bounds() {
        for ok in [-1, 0, 300, 86_400] {
            assert!(check(&cors(&[], None, Some(ok))).is_ok(), "{ok}");
        }
        for bad in [-2, 86_401, i64::MAX] {
            assert!(check(&cors(&[], None, Some(bad))).is_err(), "{bad}");
        }
    }

    #[test]
    fn origin_shapes() {
        for ok in [
            "*",
            "https://*",
            "http://*",
            "https://www.example.com",
            "http://localhost:3000",
            "http://127.0.0.1:8080",
            "http://[::1]:8080",
            "capacitor://localhost",
        ] {
            assert!(check_origin(ok).is_ok(), "{ok}");
        }
        for bad in [
            "www.example.com",
            "https://www.example.com/",
            "https://www.example.com/app",
            "https://*.example.com",
            "https://",
            "https://a.example:",
            "https://a.example:http",
            "null",
            "",
        ] {
            assert!(check_origin(bad).is_err(), "{bad}");
        }
    }
}
