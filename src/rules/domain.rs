//! Custom domain names and their API mappings: the names a domain may have,
//! what its configuration must say for HTTP APIs (one REGIONAL endpoint with
//! a certificate, TLS 1.2), and the keys a mapping may take. Both the
//! operations and the workspace's load-time check call these, so a hand
//! edit is held to what `create-domain-name` and `create-api-mapping`
//! would have accepted. Messages are the service's where SPEC section 7
//! gives them.

use super::arn::Arn;
use crate::error::ApiError;
use crate::model::{ApiMapping, DomainName, DomainNameConfiguration};

/// The longest mapping key the service takes.
pub const MAX_KEY_CHARS: usize = 300;
/// The longest domain name (the model's limit).
pub const MAX_NAME_CHARS: usize = 512;
pub const ENDPOINT_TYPES: &[&str] = &["REGIONAL", "EDGE"];
pub const SECURITY_POLICIES: &[&str] = &["TLS_1_0", "TLS_1_2"];
pub const ROUTING_MODES: &[&str] = &[
    "API_MAPPING_ONLY",
    "ROUTING_RULE_ONLY",
    "ROUTING_RULE_THEN_API_MAPPING",
];

const KEY_MESSAGE: &str =
    "An ApiMapping key may contain only letters, numbers and one of $-_.+!*'()";

/// A host name, or a wildcard one (`*.example.com`): labels of letters,
/// digits and `-`, at least two of them, each 1…63 characters.
pub fn check_name(name: &str) -> Result<(), ApiError> {
    let bad = || {
        ApiError::bad_request(format!(
            "Invalid domain name {name:?}: expected a host name such as api.example.com or *.example.com"
        ))
    };
    if name.is_empty() || name.len() > MAX_NAME_CHARS {
        return Err(bad());
    }
    let labels: Vec<&str> = name.strip_prefix("*.").unwrap_or(name).split('.').collect();
    let label_ok = |l: &&str| {
        !l.is_empty()
            && l.len() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
    };
    if labels.len() < 2 || !labels.iter().all(label_ok) {
        return Err(bad());
    }
    if name.bytes().any(|b| b.is_ascii_uppercase()) {
        return Err(ApiError::bad_request(format!(
            "Invalid domain name {name:?}: domain names are lower case"
        )));
    }
    Ok(())
}

/// One configuration: what HTTP APIs need of it.
pub fn check_configuration(c: &DomainNameConfiguration) -> Result<(), ApiError> {
    let endpoint = c.endpoint_type.as_deref().unwrap_or("REGIONAL");
    if !ENDPOINT_TYPES.contains(&endpoint) {
        return Err(ApiError::bad_request(format!(
            "Invalid endpoint type {endpoint}: must be one of [REGIONAL, EDGE]"
        )));
    }
    if endpoint != "REGIONAL" {
        return Err(ApiError::bad_request(
            "Only REGIONAL domain names are supported for HTTP APIs",
        ));
    }
    let policy = c.security_policy.as_deref().unwrap_or("TLS_1_2");
    if !SECURITY_POLICIES.contains(&policy) {
        return Err(ApiError::bad_request(format!(
            "Invalid security policy {policy}: must be one of [TLS_1_0, TLS_1_2]"
        )));
    }
    if policy != "TLS_1_2" {
        return Err(ApiError::bad_request(
            "HTTP APIs support only the TLS_1_2 security policy",
        ));
    }
    match c.certificate_arn.as_deref() {
        None => Err(ApiError::bad_request(
            "A domain name configuration needs a CertificateArn (an ACM certificate in this region)",
        )),
        Some(arn) => match Arn::parse(arn) {
            Some(a) if a.service == "acm" && a.resource.starts_with("certificate/") => Ok(()),
            _ => Err(ApiError::bad_request(format!(
                "Invalid certificate ARN {arn}: expected arn:aws:acm:REGION:ACCOUNT:certificate/ID"
            ))),
        },
    }
}

/// A domain name as stored.
pub fn check(d: &DomainName) -> Result<(), ApiError> {
    check_name(&d.domain_name)?;
    match d.domain_name_configurations.as_slice() {
        [one] => check_configuration(one)?,
        [] => {
            return Err(ApiError::bad_request(
                "DomainNameConfigurations must hold one configuration",
            ));
        }
        _ => {
            return Err(ApiError::bad_request(
                "DomainNameConfigurations may hold only one configuration",
            ));
        }
    }
    if !ROUTING_MODES.contains(&d.routing_mode.as_str()) {
        return Err(ApiError::bad_request(format!(
            "Invalid routing mode {}: must be one of [{}]",
            d.routing_mode,
            ROUTING_MODES.join(", ")
        )));
    }
    if let Some(m) = &d.mutual_tls_authentication
        && m.truststore_uri.as_deref().is_none_or(str::is_empty)
    {
        return Err(ApiError::bad_request(
            "MutualTlsAuthentication needs a TruststoreUri",
        ));
    }
    Ok(())
}

/// A mapping key: empty (the rest of the domain), or path segments of
/// letters, digits and `$-_.+!*'()`, joined by single `/`.
pub fn check_key(key: &str) -> Result<(), ApiError> {
    if key.is_empty() {
        return Ok(());
    }
    let segment_ok = |s: &str| {
        !s.is_empty()
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"$-_.+!*'()".contains(&b))
    };
    if key.chars().count() > MAX_KEY_CHARS || !key.split('/').all(segment_ok) {
        return Err(ApiError::bad_request(KEY_MESSAGE));
    }
    Ok(())
}

/// A mapping as stored, beside the other mappings of its domain.
pub fn check_mapping<'m>(
    mapping: &ApiMapping,
    others: impl IntoIterator<Item = &'m ApiMapping>,
) -> Result<(), ApiError> {
    check_key(&mapping.api_mapping_key)?;
    let taken = others.into_iter().any(|m| {
        m.api_mapping_id != mapping.api_mapping_id && m.api_mapping_key == mapping.api_mapping_key
    });
    if taken {
        return Err(ApiError::Conflict(
            "ApiMapping key already exists for this domain name".into(),
        ));
    }
    Ok(())
}

/// Whether `host` (without a port) is served by the domain `name`: equal,
/// or, for `*.example.com`, one label more in front.
pub fn matches(name: &str, host: &str) -> bool {
    match name.strip_prefix("*.") {
        None => name.eq_ignore_ascii_case(host),
        Some(parent) => host
            .split_once('.')
            .is_some_and(|(first, rest)| !first.is_empty() && rest.eq_ignore_ascii_case(parent)),
    }
}

/// Whether a certificate for `names` serves the domain name `domain`: a
/// name equal to it, or a wildcard `*.parent` when the domain is one label
/// more than `parent`. A wildcard domain needs the same wildcard.
pub fn certificate_covers(names: &[String], domain: &str) -> bool {
    names.iter().any(|n| {
        n.eq_ignore_ascii_case(domain) || (!domain.starts_with("*.") && matches(n, domain))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        for ok in ["api.example.com", "*.example.com", "a-b.c.example"] {
            assert!(check_name(ok).is_ok(), "{ok}");
        }
        for bad in [
            "",
            "localhost",
            "-a.example.com",
            "a..b",
            "a.*.com",
            "a_b.com",
            "x.example.com/",
        ] {
            assert!(check_name(bad).is_err(), "{bad}");
        }
        assert!(check_name("API.example.com").is_err());
    }

    #[test]
    fn keys() {
        for ok in ["", "orders", "billing/v2", "v1.0", "$x-(y)"] {
            assert!(check_key(ok).is_ok(), "{ok}");
        }
        for bad in [
            "/",
            "/orders",
            "orders/",
            "a//b",
            "a b",
            "a?b",
            &"k".repeat(301),
        ] {
            let e = check_key(bad).unwrap_err();
            assert_eq!(e, ApiError::BadRequest(KEY_MESSAGE.into()), "{bad}");
        }
    }

    #[test]
    fn wildcards_match_one_label() {
        assert!(matches("api.example.com", "API.example.com"));
        assert!(matches("*.example.com", "shop.example.com"));
        assert!(!matches("*.example.com", "example.com"));
        assert!(!matches("*.example.com", "a.b.example.com"));
    }

    #[test]
    fn certificates_cover_exact_and_one_label_names() {
        let names = [
            "api.example.com".to_string(),
            "*.shop.example.com".to_string(),
        ];
        assert!(certificate_covers(&names, "api.example.com"));
        assert!(certificate_covers(&names, "eu.shop.example.com"));
        assert!(!certificate_covers(&names, "a.eu.shop.example.com"));
        assert!(!certificate_covers(&names, "www.example.com"));
        assert!(certificate_covers(&names, "*.shop.example.com"));
        assert!(!certificate_covers(
            &["api.example.com".into()],
            "*.example.com"
        ));
    }
}
