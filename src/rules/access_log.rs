//! Access log settings of a stage: the `$context` variables an HTTP API can
//! write ([`VARIABLES`], the one table of them: the checks here refuse a
//! format naming any other, and the gateway renders lines from it), the
//! format's own limits and the log group a `DestinationArn` must name.

use super::arn;
use crate::error::ApiError;
use crate::model::AccessLogSettings;

/// The longest format the service takes (3 KB).
pub const MAX_FORMAT_BYTES: usize = 3 * 1024;

/// One `$context` variable of an HTTP API access log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ContextVariable {
    /// The name after `$context.`; for a variable that takes a property,
    /// the part before it (`authorizer.claims` for
    /// `$context.authorizer.claims.sub`).
    pub name: &'static str,
    /// Followed by `.PROPERTY` (a claim, or a key of a Lambda authorizer's
    /// context).
    pub takes_property: bool,
    pub about: &'static str,
}

const fn var(name: &'static str, about: &'static str) -> ContextVariable {
    ContextVariable {
        name,
        takes_property: false,
        about,
    }
}

const fn property(name: &'static str, about: &'static str) -> ContextVariable {
    ContextVariable {
        name,
        takes_property: true,
        about,
    }
}

/// The variables of HTTP API access logs: SPEC section 6 and the developer
/// guide's page "Customize HTTP API access logs". Left out on purpose: the
/// Amazon Cognito identity variables (`identity.cognito*`), which the page
/// lists but the service refuses for HTTP APIs, which have no Cognito
/// integration (a real capture: "The following context variables are not
/// supported: [$context.identity.cognitoIdentityId]"), and REST-only ones
/// such as `resourcePath`.
#[rustfmt::skip]
pub const VARIABLES: &[ContextVariable] = &[
    var("accountId", "the API owner's account id"),
    var("apiId", "the API's id"),
    var("authorizer.claims", "the JWT's claims as a whole (the service writes null)"),
    property("authorizer.claims", "one claim of the JWT a JWT authorizer accepted"),
    var("authorizer.error", "the error an authorizer returned"),
    var("authorizer.integrationLatency", "how long the authorizer's Lambda took, in ms"),
    var("authorizer.integrationStatus", "the status Lambda returned for the authorizer"),
    var("authorizer.latency", "how long the authorizer took, in ms"),
    var("authorizer.principalId", "the principal a Lambda authorizer returned"),
    var("authorizer.requestId", "the request id of the authorizer's Lambda call"),
    var("authorizer.status", "the status an authorizer returned"),
    property("authorizer", "one key of the context a Lambda authorizer returned"),
    var("awsEndpointRequestId", "the backend's x-amz-request-id or x-amzn-requestId"),
    var("awsEndpointRequestId2", "the backend's x-amz-id-2"),
    var("customDomain.basePathMatched", "the API mapping path the request matched"),
    var("dataProcessed", "bytes processed"),
    var("domainName", "the host the API was called on"),
    var("domainPrefix", "the first label of domainName"),
    var("error.message", "the gateway's error message"),
    var("error.messageString", "error.message in double quotes"),
    var("error.responseType", "the kind of gateway response"),
    var("extendedRequestId", "the same as requestId"),
    var("httpMethod", "the request's method"),
    var("identity.accountId", "the caller's account (IAM authorization)"),
    var("identity.caller", "the caller's principal (IAM authorization)"),
    var("identity.clientCert.clientCertPem", "the client certificate (mutual TLS)"),
    var("identity.clientCert.issuerDN", "the client certificate's issuer (mutual TLS)"),
    var("identity.clientCert.serialNumber", "the client certificate's serial number (mutual TLS)"),
    var("identity.clientCert.subjectDN", "the client certificate's subject (mutual TLS)"),
    var("identity.clientCert.validity.notAfter", "the end of the client certificate's validity"),
    var("identity.clientCert.validity.notBefore", "the start of the client certificate's validity"),
    var("identity.principalOrgId", "the caller's organization (IAM authorization)"),
    var("identity.sourceIp", "the address of the connection's peer"),
    var("identity.user", "the calling user (IAM authorization)"),
    var("identity.userAgent", "the User-Agent header"),
    var("identity.userArn", "the calling user's ARN (IAM authorization)"),
    var("integration.error", "the integration's error message"),
    var("integration.integrationStatus", "for Lambda, the status Lambda itself returned"),
    var("integration.latency", "how long the integration took, in ms"),
    var("integration.requestId", "the backend's request id"),
    var("integration.status", "the status the integration returned"),
    var("integrationErrorMessage", "the integration's error message"),
    var("integrationLatency", "how long the integration took, in ms"),
    var("integrationStatus", "for Lambda, the status Lambda itself returned"),
    var("path", "the request path, with the stage: /{stage}/..."),
    var("protocol", "the request's protocol, e.g. HTTP/1.1"),
    var("requestId", "the id the gateway gave the request"),
    var("requestTime", "when the request came, dd/MMM/yyyy:HH:mm:ss +hhmm"),
    var("requestTimeEpoch", "when the request came, in ms since the epoch"),
    var("responseLatency", "how long the answer took, in ms"),
    var("responseLength", "the length of the answer's body"),
    var("routeKey", "the route key that matched, e.g. GET /pets"),
    var("stage", "the stage's name"),
    var("status", "the answer's status"),
];

/// A `$context.NAME` reference in a format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reference<'a> {
    /// Byte offsets of the whole reference, `$` included.
    pub start: usize,
    pub end: usize,
    /// What follows `$context.`.
    pub name: &'a str,
}

/// Every `$context.NAME` in `format`, in order. A name is letters, digits,
/// `_` and inner dots (a dot that ends it is text: `$context.status.`).
pub fn references(format: &str) -> impl Iterator<Item = Reference<'_>> {
    const PREFIX: &str = "$context.";
    let mut from = 0;
    std::iter::from_fn(move || {
        while let Some(i) = format[from..].find(PREFIX) {
            let start = from + i;
            let begin = start + PREFIX.len();
            let len = format[begin..]
                .bytes()
                .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.'))
                .count();
            let name = format[begin..begin + len].trim_end_matches('.');
            from = begin + name.len();
            if !name.is_empty() {
                return Some(Reference {
                    start,
                    end: begin + name.len(),
                    name,
                });
            }
        }
        None
    })
}

/// The variable `name` (what follows `$context.`) refers to, with its
/// property when it takes one.
pub fn lookup(name: &str) -> Option<(&'static ContextVariable, Option<&str>)> {
    if let Some(v) = VARIABLES
        .iter()
        .find(|v| !v.takes_property && v.name == name)
    {
        return Some((v, None));
    }
    VARIABLES
        .iter()
        .filter(|v| v.takes_property)
        .filter_map(|v| {
            let prop = name.strip_prefix(v.name)?.strip_prefix('.')?;
            (!prop.is_empty()).then_some((v, Some(prop)))
        })
        // The longest match: authorizer.claims.sub is a claim, not a key
        // `claims.sub` of a Lambda authorizer's context.
        .max_by_key(|(v, _)| v.name.len())
}

pub fn check(settings: &AccessLogSettings) -> Result<(), ApiError> {
    if let Some(arn) = &settings.destination_arn {
        check_destination(arn)?;
    }
    if let Some(format) = &settings.format {
        check_format(format)?;
    }
    Ok(())
}

/// The destination must be a CloudWatch Logs log group.
pub fn check_destination(destination: &str) -> Result<(), ApiError> {
    if arn::log_group(destination).is_some() {
        return Ok(());
    }
    Err(ApiError::bad_request(format!(
        "Invalid destination ARN specified: {destination}. Access logs of an HTTP API go to a \
         CloudWatch Logs log group: arn:aws:logs:REGION:ACCOUNT:log-group:NAME"
    )))
}

pub fn check_format(format: &str) -> Result<(), ApiError> {
    if format.len() > MAX_FORMAT_BYTES {
        return Err(ApiError::bad_request(format!(
            "Access Log format is {} bytes long; it must be at most {MAX_FORMAT_BYTES} bytes (3 KB)",
            format.len()
        )));
    }
    if format.contains(['\n', '\r']) {
        return Err(ApiError::bad_request(
            "Access Log format must be single line",
        ));
    }
    let unsupported: Vec<&str> = references(format)
        .filter(|r| lookup(r.name).is_none())
        .map(|r| &format[r.start..r.end])
        .collect();
    if !unsupported.is_empty() {
        return Err(ApiError::bad_request(format!(
            "The following context variables are not supported: [{}]",
            unsupported.join(", ")
        )));
    }
    if !references(format).any(|r| matches!(r.name, "requestId" | "extendedRequestId")) {
        return Err(ApiError::bad_request(
            "Access Log format must include either $context.requestId or $context.extendedRequestId",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const CLF: &str = "$context.identity.sourceIp - - [$context.requestTime] \"$context.httpMethod $context.routeKey $context.protocol\" $context.status $context.responseLength $context.requestId";

    #[test]
    fn references_in_clf_and_json() {
        let names: Vec<&str> = references(CLF).map(|r| r.name).collect();
        assert_eq!(
            names,
            [
                "identity.sourceIp",
                "requestTime",
                "httpMethod",
                "routeKey",
                "protocol",
                "status",
                "responseLength",
                "requestId"
            ]
        );
        let json = r#"{"id":"$context.requestId","sub":"$context.authorizer.claims.sub"}."#;
        let refs: Vec<Reference> = references(json).collect();
        assert_eq!(
            &json[refs[1].start..refs[1].end],
            "$context.authorizer.claims.sub"
        );
        assert_eq!(references("$context. and $context").count(), 0);
        assert_eq!(
            references("at $context.status.")
                .map(|r| r.name)
                .collect::<Vec<_>>(),
            ["status"]
        );
    }

    #[test]
    fn lookups() {
        assert_eq!(
            lookup("status").map(|(v, p)| (v.name, p)),
            Some(("status", None))
        );
        assert_eq!(
            lookup("authorizer.claims.sub").map(|(v, p)| (v.name, p)),
            Some(("authorizer.claims", Some("sub")))
        );
        assert_eq!(
            lookup("authorizer.tenant").map(|(v, p)| (v.name, p)),
            Some(("authorizer", Some("tenant")))
        );
        assert_eq!(
            lookup("authorizer.claims").map(|(v, p)| (v.takes_property, p)),
            Some((false, None))
        );
        assert!(lookup("resourcePath").is_none());
        assert!(lookup("identity.cognitoIdentityId").is_none());
        assert!(lookup("authorizer").is_none());
        // Every name in the table is unique for its shape.
        for (i, a) in VARIABLES.iter().enumerate() {
            for b in &VARIABLES[i + 1..] {
                assert!(
                    a.name != b.name || a.takes_property != b.takes_property,
                    "{}",
                    a.name
                );
            }
        }
    }

    #[test]
    fn formats() {
        assert!(check_format(CLF).is_ok());
        let e = check_format(
            "$context.requestId $context.resourcePath $context.identity.cognitoIdentityId",
        )
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "The following context variables are not supported: [$context.resourcePath, $context.identity.cognitoIdentityId]"
        );
        assert!(check_format("$context.status").is_err());
        assert!(check_format("$context.extendedRequestId").is_ok());
        assert!(check_format("$context.requestId\n$context.status").is_err());
        let long = format!("$context.requestId {}", "x".repeat(MAX_FORMAT_BYTES));
        assert!(check_format(&long).is_err());
    }

    #[test]
    fn destinations() {
        for ok in [
            "arn:aws:logs:us-east-2:123456789012:log-group:my-log-group",
            "arn:aws:logs:us-east-2:123456789012:log-group:/aws/apigateway/demo:*",
        ] {
            assert!(check_destination(ok).is_ok(), "{ok}");
        }
        for bad in [
            "my-log-group",
            "arn:aws:logs:us-east-2:123456789012:my-log-group",
            "arn:aws:logs:us-east-2:123456789012:log-group:",
            "arn:aws:firehose:us-east-2:123456789012:deliverystream/amazon-apigateway-x",
            "arn:aws:logs:us-east-2:1234:log-group:x",
        ] {
            assert!(check_destination(bad).is_err(), "{bad}");
        }
    }
}
