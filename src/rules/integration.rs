//! What the service accepts as an integration of an HTTP or WebSocket API.
//! `check` runs on the whole resource as it would be stored, so create and
//! update share every rule.

use super::arn;
use super::mapping::{self, Side};
use crate::error::ApiError;
use crate::model::{Integration, ProtocolType};

pub const INTEGRATION_TYPES: &[&str] = &["AWS", "HTTP", "MOCK", "HTTP_PROXY", "AWS_PROXY"];
pub const CONNECTION_TYPES: &[&str] = &["INTERNET", "VPC_LINK"];
pub const PAYLOAD_FORMAT_VERSIONS: &[&str] = &["1.0", "2.0"];
pub const CONTENT_HANDLING: &[&str] = &["CONVERT_TO_BINARY", "CONVERT_TO_TEXT"];
pub const PASSTHROUGH: &[&str] = &["WHEN_NO_MATCH", "NEVER", "WHEN_NO_TEMPLATES"];

/// The largest `TimeoutInMillis` for each protocol; the smallest is 50.
pub fn max_timeout(protocol: ProtocolType) -> i64 {
    match protocol {
        ProtocolType::Http => 30_000,
        ProtocolType::Websocket => 29_000,
    }
}

/// What a check needs to know about the rest of the workspace.
pub struct Context<'a> {
    pub protocol: ProtocolType,
    pub account: &'a str,
    pub region: &'a str,
    pub vpc_link_exists: &'a dyn Fn(&str) -> bool,
}

fn bad(msg: impl Into<String>) -> ApiError {
    ApiError::bad_request(msg)
}

fn one_of(field: &str, value: &str, allowed: &[&str]) -> Result<(), ApiError> {
    if allowed.contains(&value) {
        Ok(())
    } else {
        Err(bad(format!(
            "Invalid {field} specified: {value}. Must be one of [{}]",
            allowed.join(", ")
        )))
    }
}

/// Fills the defaults the service fills, then checks every rule.
/// May change the integration (drops a `TlsConfig` of a public integration).
pub fn complete_and_check(i: &mut Integration, ctx: &Context) -> Result<(), ApiError> {
    complete(i);
    check(i, ctx)
}

/// The defaults the service fills in a new or changed integration: method
/// POST for a Lambda proxy, and no `TlsConfig` unless private.
pub fn complete(i: &mut Integration) {
    if i.integration_type == "AWS_PROXY" && i.integration_method.is_none() {
        i.integration_method = Some("POST".into());
    }
    if i.connection_type != "VPC_LINK" {
        i.tls_config = None;
    }
}

/// Every rule an integration must hold, on the integration as it is stored
/// (after [`complete`]): what create and update refuse, and what a
/// workspace file read from disk must hold too.
pub fn check(i: &Integration, ctx: &Context) -> Result<(), ApiError> {
    one_of("integration type", &i.integration_type, INTEGRATION_TYPES)?;
    one_of("connection type", &i.connection_type, CONNECTION_TYPES)?;
    let http = ctx.protocol == ProtocolType::Http;
    if http && !matches!(i.integration_type.as_str(), "AWS_PROXY" | "HTTP_PROXY") {
        return Err(bad(
            "Currently, an API with a protocol type of HTTP may only be associated with proxy integrations (AWS_PROXY, HTTP_PROXY)",
        ));
    }
    if http {
        for (field, set) in [
            (
                "ContentHandlingStrategy",
                i.content_handling_strategy.is_some(),
            ),
            ("PassthroughBehavior", i.passthrough_behavior.is_some()),
            ("RequestTemplates", i.request_templates.is_some()),
            (
                "TemplateSelectionExpression",
                i.template_selection_expression.is_some(),
            ),
        ] {
            if set {
                return Err(bad(format!(
                    "{field} is supported only for WEBSOCKET APIs; remove it from this HTTP API integration"
                )));
            }
        }
    } else {
        if let Some(v) = &i.content_handling_strategy {
            one_of("content handling strategy", v, CONTENT_HANDLING)?;
        }
        if let Some(v) = &i.passthrough_behavior {
            one_of("passthrough behavior", v, PASSTHROUGH)?;
        }
        if i.response_parameters.is_some() {
            return Err(bad(
                "ResponseParameters is supported only for HTTP APIs; WEBSOCKET APIs use integration responses",
            ));
        }
        if i.integration_subtype.is_some() {
            return Err(bad("IntegrationSubtype is supported only for HTTP APIs"));
        }
    }

    let max = max_timeout(ctx.protocol);
    if !(50..=max).contains(&i.timeout_in_millis) {
        return Err(bad(format!("Timeout should be between 50 ms and {max} ms")));
    }

    if let Some(m) = &i.integration_method
        && http
        && !super::names::HTTP_METHODS.contains(&m.as_str())
    {
        return Err(bad(format!(
            "Invalid HTTP method specified: {m}. Must be one of [{}]",
            super::names::HTTP_METHODS.join(", ")
        )));
    }

    match i.connection_type.as_str() {
        "VPC_LINK" => check_private(i, ctx)?,
        _ => {
            if i.connection_id.is_some() {
                return Err(bad(
                    "ConnectionId is only valid for ConnectionType VPC_LINK; remove it or set --connection-type VPC_LINK",
                ));
            }
        }
    }

    match i.integration_type.as_str() {
        "AWS_PROXY" => check_aws_proxy(i, ctx)?,
        "HTTP_PROXY" | "HTTP" => check_http_proxy(i, ctx)?,
        _ => {}
    }

    if let Some(p) = &i.payload_format_version {
        one_of("payload format version", p, PAYLOAD_FORMAT_VERSIONS)?;
        if http && p == "2.0" && i.integration_type != "AWS_PROXY" {
            return Err(bad(format!(
                "PayloadFormatVersion 2.0 is not supported for integration of type {}",
                i.integration_type
            )));
        }
    }

    if http {
        check_request_parameters(i)?;
        check_response_parameters(i)?;
    }
    // The service keeps TlsConfig only for private integrations (see `complete`).
    if let Some(tls) = i
        .tls_config
        .as_ref()
        .filter(|_| i.connection_type == "VPC_LINK")
        && let Some(name) = &tls.server_name_to_verify
        && (name.len() > 512 || !is_dns_name(name))
    {
        return Err(bad(format!(
            "Invalid ServerNameToVerify {name:?}: it must be a DNS name such as api.example.com"
        )));
    }
    if let Some(d) = &i.description
        && d.chars().count() > 1024
    {
        return Err(bad("Description must be at most 1024 characters"));
    }
    if let Some(c) = &i.credentials_arn
        && !arn::is_role_arn(c)
        && c != "arn:aws:iam::*:user/*"
    {
        return Err(bad(format!(
            "Invalid CredentialsArn {c}: expected an IAM role ARN such as arn:aws:iam::123456789012:role/apigw-invoke"
        )));
    }
    Ok(())
}

fn is_dns_name(s: &str) -> bool {
    let s = s.strip_prefix("*.").unwrap_or(s);
    !s.is_empty()
        && s.split('.').all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
                && !l.starts_with('-')
                && !l.ends_with('-')
        })
}

fn check_private(i: &Integration, ctx: &Context) -> Result<(), ApiError> {
    if ctx.protocol == ProtocolType::Websocket {
        return Err(bad("VpcLink V2 are not supported for WEBSOCKET Apis"));
    }
    if i.integration_type != "HTTP_PROXY" {
        return Err(bad(format!(
            "ConnectionType VPC_LINK is supported only for HTTP_PROXY integrations, not {}",
            i.integration_type
        )));
    }
    let link = i
        .connection_id
        .as_deref()
        .ok_or_else(|| bad("ConnectionId must be set to vpcLinkId for ConnectionType VPC_LINK"))?;
    if !(ctx.vpc_link_exists)(link) {
        return Err(ApiError::not_found("VpcLink", link));
    }
    let uri = i.integration_uri.as_deref().unwrap_or_default();
    let (region, account) = arn::private_target_owner(uri).ok_or_else(|| {
        bad("For VpcLink VPC_LINK, integration uri should be a valid ELB listener ARN or a valid Cloud Map service ARN.")
    })?;
    same_owner(uri, account, region, ctx)
}

/// The seed rule: every resource of a private integration belongs to the
/// API's account (and, being regional, to its region).
fn same_owner(uri: &str, account: &str, region: &str, ctx: &Context) -> Result<(), ApiError> {
    if account != ctx.account {
        return Err(bad(format!(
            "IntegrationUri {uri} belongs to account {account}, but the API, the VPC link and the target must all be owned by account {}",
            ctx.account
        )));
    }
    if region != ctx.region {
        return Err(bad(format!(
            "IntegrationUri {uri} is in region {region}, but the API is in {}; use a resource of the same region",
            ctx.region
        )));
    }
    Ok(())
}

fn check_http_proxy(i: &Integration, ctx: &Context) -> Result<(), ApiError> {
    if ctx.protocol == ProtocolType::Http && i.integration_method.is_none() {
        return Err(bad(
            "IntegrationMethod must be specified for HTTP_PROXY integrations (for example --integration-method GET, or ANY)",
        ));
    }
    if i.connection_type == "VPC_LINK" {
        return Ok(());
    }
    let uri = i
        .integration_uri
        .as_deref()
        .ok_or_else(|| bad("IntegrationUri must be specified for HTTP_PROXY integrations"))?;
    if !is_http_url(uri) {
        return Err(bad(format!(
            "Invalid integration URI specified: {uri}. An HTTP_PROXY integration over the internet needs an absolute http:// or https:// URL"
        )));
    }
    Ok(())
}

/// An absolute http(s) URL with a host; `{proxy}`, `{name}` and
/// `${stageVariables.x}` placeholders are allowed.
pub fn is_http_url(uri: &str) -> bool {
    let rest = match uri
        .strip_prefix("https://")
        .or_else(|| uri.strip_prefix("http://"))
    {
        Some(r) => r,
        None => return false,
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    !host.is_empty() && !host.contains(char::is_whitespace) && !uri.contains(char::is_whitespace)
}

fn check_aws_proxy(i: &Integration, ctx: &Context) -> Result<(), ApiError> {
    // No method is POST, the default `complete` fills.
    if let Some(m) = &i.integration_method
        && m != "POST"
    {
        return Err(bad("HttpMethod must be POST for AWS_PROXY IntegrationType"));
    }
    if let Some(sub) = &i.integration_subtype {
        if i.credentials_arn.is_none() {
            return Err(bad(format!(
                "CredentialsArn must be specified for integration subtype {sub}"
            )));
        }
        return Ok(());
    }
    let uri = i.integration_uri.as_deref().ok_or_else(|| {
        bad("IntegrationUri must be specified for AWS_PROXY integrations (a Lambda function ARN), or use --integration-subtype")
    })?;
    arn::lambda_function(uri).ok_or_else(|| {
        bad(format!(
            "Invalid integration URI specified: {uri}. An AWS_PROXY integration needs a Lambda function ARN such as arn:aws:lambda:us-east-2:123456789012:function:my-function"
        ))
    })?;
    if ctx.protocol == ProtocolType::Http && i.payload_format_version.is_none() {
        return Err(bad(
            "PayloadFormatVersion must be specified for AWS_PROXY integrations of HTTP APIs: 1.0 or 2.0",
        ));
    }
    if i.request_parameters.is_some() {
        return Err(bad(
            "RequestParameters are not supported for Lambda proxy integrations of HTTP APIs; map parameters on HTTP_PROXY or AWS service integrations",
        ));
    }
    Ok(())
}

fn check_request_parameters(i: &Integration) -> Result<(), ApiError> {
    let Some(params) = &i.request_parameters else {
        return Ok(());
    };
    if i.integration_subtype.is_some() {
        // AWS service integrations map named parameters of the service action.
        for (k, v) in params {
            if k.is_empty() || !k.bytes().all(|b| b.is_ascii_alphanumeric()) {
                return Err(bad(mapping::invalid(format!(
                    "Invalid parameter name {k} for integration subtype"
                ))));
            }
            mapping::parse_value(v, Side::Request).map_err(bad)?;
        }
        return Ok(());
    }
    for (k, v) in params {
        let key = mapping::parse_key(k, Side::Request).map_err(bad)?;
        if v.len() > 512 {
            return Err(bad(mapping::invalid(format!(
                "Mapping value for {k} is longer than 512 characters"
            ))));
        }
        if key.action != mapping::Action::Remove || !v.is_empty() {
            mapping::parse_value(v, Side::Request).map_err(bad)?;
        }
    }
    Ok(())
}

fn check_response_parameters(i: &Integration) -> Result<(), ApiError> {
    let Some(by_status) = &i.response_parameters else {
        return Ok(());
    };
    for (status, params) in by_status {
        mapping::check_status_code(status).map_err(bad)?;
        for (k, v) in params {
            let key = mapping::parse_key(k, Side::Response).map_err(bad)?;
            if key.location == mapping::Location::StatusCode {
                let ok =
                    v.parse::<u16>().is_ok_and(|n| (100..=599).contains(&n)) || v.starts_with('$');
                if !ok {
                    return Err(bad(format!("Status Code {v} is not valid")));
                }
            }
            if key.action != mapping::Action::Remove || !v.is_empty() {
                mapping::parse_value(v, Side::Response).map_err(bad)?;
            }
        }
    }
    Ok(())
}
