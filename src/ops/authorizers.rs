//! CreateAuthorizer, GetAuthorizer(s), UpdateAuthorizer, DeleteAuthorizer.

use super::integrations::api_protocol;
use super::{Paging, new_id, page, quota};
use crate::error::ApiError;
use crate::model::{
    Authorizer, CreateAuthorizerRequest, Page, ProtocolType, UpdateAuthorizerRequest,
};
use crate::rules::arn;
use crate::workspace::Workspace;

fn not_found(id: &str) -> ApiError {
    ApiError::not_found("Authorizer", id)
}

fn bad(msg: impl Into<String>) -> ApiError {
    ApiError::bad_request(msg)
}

/// True for `http://` URLs whose host is this machine: a local identity
/// provider may use plain HTTP; any other issuer must use HTTPS.
pub fn is_loopback_http(url: &str) -> bool {
    let Some(rest) = url.strip_prefix("http://") else {
        return false;
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = if let Some(v6) = authority.strip_prefix('[') {
        v6.split(']').next().unwrap_or_default()
    } else {
        authority.rsplit_once(':').map_or(authority, |(h, _)| h)
    };
    host == "localhost"
        || host == "::1"
        || host
            .parse::<std::net::Ipv4Addr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// The rules of an authorizer as it is stored, for an API of `protocol`:
/// what create and update refuse, and what a workspace file read from disk
/// must hold.
pub fn check_authorizer(protocol: ProtocolType, a: &Authorizer) -> Result<(), ApiError> {
    if a.name.is_empty() || a.name.chars().count() > 128 {
        return Err(bad("Name must be between 1 and 128 characters long"));
    }
    for source in &a.identity_source {
        let ok = ["$request.header.", "$request.querystring."]
            .iter()
            .any(|p| {
                source.strip_prefix(p).is_some_and(|n| {
                    !n.is_empty()
                        && n.bytes()
                            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
                })
            })
            || (a.authorizer_type == "REQUEST"
                && ["$context.", "$stageVariables."].iter().any(|p| {
                    source.strip_prefix(p).is_some_and(|n| {
                        !n.is_empty()
                            && n.bytes().all(|b| {
                                b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.'
                            })
                    })
                }));
        if !ok && a.authorizer_type == "REQUEST" {
            return Err(bad(format!(
                "Invalid identity source specified: {source}. Use $request.header.NAME, $request.querystring.NAME, $context.NAME or $stageVariables.NAME"
            )));
        }
        if !ok {
            return Err(bad(format!(
                "Invalid identity source specified: {source}. Use $request.header.NAME or $request.querystring.NAME"
            )));
        }
    }
    match a.authorizer_type.as_str() {
        "JWT" => {
            if protocol != ProtocolType::Http {
                return Err(bad("JWT authorizers are supported only for HTTP APIs"));
            }
            if a.identity_source.len() != 1 {
                return Err(bad(
                    "A JWT authorizer takes exactly one identity source, such as $request.header.Authorization",
                ));
            }
            let jwt = a
                .jwt_configuration
                .as_ref()
                .ok_or_else(|| bad("JwtConfiguration must not be null for JWT Authorizer"))?;
            let issuer = jwt.issuer.as_deref().ok_or_else(|| {
                bad("JwtConfiguration.Issuer must be specified: the https URL of the token issuer")
            })?;
            let https = issuer
                .strip_prefix("https://")
                .is_some_and(|r| !r.split('/').next().unwrap_or_default().is_empty());
            if !https && !is_loopback_http(issuer) {
                return Err(bad(format!(
                    "Invalid issuer {issuer}: the issuer must be an https:// URL (http:// is accepted only for this machine, such as http://127.0.0.1:8080)"
                )));
            }
            if jwt
                .audience
                .as_ref()
                .is_none_or(|a| a.is_empty() || a.iter().any(String::is_empty))
            {
                return Err(bad(
                    "JwtConfiguration.Audience must name at least one audience",
                ));
            }
            if a.authorizer_uri.is_some() || a.authorizer_payload_format_version.is_some() {
                return Err(bad(
                    "AuthorizerUri and AuthorizerPayloadFormatVersion apply only to REQUEST authorizers",
                ));
            }
            if a.enable_simple_responses == Some(true) {
                return Err(bad(
                    "EnableSimpleResponses applies only to REQUEST authorizers",
                ));
            }
        }
        "REQUEST" => {
            let uri = a
                .authorizer_uri
                .as_deref()
                .ok_or_else(|| bad("AuthorizerUri must be specified for REQUEST authorizers"))?;
            if arn::lambda_function(uri).is_none() {
                return Err(bad(format!(
                    "Invalid authorizer URI specified: {uri}. Expected a Lambda function invocation URI"
                )));
            }
            if protocol == ProtocolType::Http {
                match a.authorizer_payload_format_version.as_deref() {
                    Some("1.0" | "2.0") => {}
                    None => {
                        return Err(bad(
                            "AuthorizerPayloadFormatVersion is a required parameter for REQUEST authorizer",
                        ));
                    }
                    Some(_) => {
                        return Err(bad(
                            "AuthorizerPayloadFormatVersion must be 1.0 or 2.0 for REQUEST authorizers of HTTP APIs",
                        ));
                    }
                }
                if a.enable_simple_responses == Some(true)
                    && a.authorizer_payload_format_version.as_deref() != Some("2.0")
                {
                    return Err(bad(
                        "EnableSimpleResponses can be set only for AuthorizerPayloadFormatVersion 2.0",
                    ));
                }
                if a.authorizer_result_ttl_in_seconds.is_some_and(|t| t > 0)
                    && a.identity_source.is_empty()
                {
                    return Err(bad(
                        "Identity source must be set if authorizer caching is enabled (AuthorizerResultTtlInSeconds greater than 0)",
                    ));
                }
            } else if a.enable_simple_responses == Some(true) {
                return Err(bad("EnableSimpleResponses is supported only for HTTP APIs"));
            }
            if a.jwt_configuration.is_some() {
                return Err(bad("JwtConfiguration applies only to JWT authorizers"));
            }
        }
        other => {
            return Err(bad(format!(
                "Invalid authorizer type specified: {other}. Must be one of [REQUEST, JWT]"
            )));
        }
    }
    if let Some(ttl) = a.authorizer_result_ttl_in_seconds
        && !(0..=3600).contains(&ttl)
    {
        return Err(bad(
            "AuthorizerResultTtlInSeconds must be between 0 and 3600",
        ));
    }
    Ok(())
}

pub fn create_authorizer(
    ws: &mut Workspace,
    req: CreateAuthorizerRequest,
) -> Result<Authorizer, ApiError> {
    let protocol = api_protocol(ws, &req.api_id)?;
    if ws
        .authorizers
        .get(&req.api_id)
        .is_some_and(|m| m.len() >= quota::AUTHORIZERS_PER_API)
    {
        return Err(bad(format!(
            "API {} already has {} authorizers, the most an API may have",
            req.api_id,
            quota::AUTHORIZERS_PER_API
        )));
    }
    let mut a = Authorizer {
        authorizer_credentials_arn: req.authorizer_credentials_arn,
        authorizer_id: String::new(),
        authorizer_payload_format_version: req.authorizer_payload_format_version,
        authorizer_result_ttl_in_seconds: req.authorizer_result_ttl_in_seconds,
        authorizer_type: req.authorizer_type,
        authorizer_uri: req.authorizer_uri,
        enable_simple_responses: req.enable_simple_responses,
        identity_source: req.identity_source,
        identity_validation_expression: req.identity_validation_expression,
        jwt_configuration: req.jwt_configuration,
        name: req.name,
    };
    check_authorizer(protocol, &a)?;
    let all = ws.authorizers.entry(req.api_id).or_default();
    a.authorizer_id = new_id(6, |id| all.contains_key(id));
    all.insert(a.authorizer_id.clone(), a.clone());
    Ok(a)
}

pub fn get_authorizer(
    ws: &Workspace,
    api_id: &str,
    authorizer_id: &str,
) -> Result<Authorizer, ApiError> {
    api_protocol(ws, api_id)?;
    ws.authorizers
        .get(api_id)
        .and_then(|m| m.get(authorizer_id))
        .cloned()
        .ok_or_else(|| not_found(authorizer_id))
}

pub fn get_authorizers(
    ws: &Workspace,
    api_id: &str,
    paging: &Paging,
) -> Result<Page<Authorizer>, ApiError> {
    api_protocol(ws, api_id)?;
    page(ws.authorizers.get(api_id), paging)
}

pub fn update_authorizer(
    ws: &mut Workspace,
    req: UpdateAuthorizerRequest,
) -> Result<Authorizer, ApiError> {
    let protocol = api_protocol(ws, &req.api_id)?;
    let mut a = get_authorizer(ws, &req.api_id, &req.authorizer_id)?;
    macro_rules! set {
        ($($field:ident),*) => { $( if req.$field.is_some() { a.$field = req.$field; } )* };
    }
    set!(
        authorizer_credentials_arn,
        authorizer_payload_format_version,
        authorizer_result_ttl_in_seconds,
        authorizer_uri,
        enable_simple_responses,
        identity_validation_expression
    );
    if let Some(t) = req.authorizer_type {
        a.authorizer_type = t;
    }
    if let Some(s) = req.identity_source {
        a.identity_source = s;
    }
    if let Some(n) = req.name {
        a.name = n;
    }
    if let Some(jwt) = req.jwt_configuration {
        let mut merged = a.jwt_configuration.take().unwrap_or_default();
        if jwt.audience.is_some() {
            merged.audience = jwt.audience;
        }
        if jwt.issuer.is_some() {
            merged.issuer = jwt.issuer;
        }
        a.jwt_configuration = Some(merged);
    }
    check_authorizer(protocol, &a)?;
    let in_use_by_wrong_kind = ws.routes.get(&req.api_id).and_then(|m| {
        m.values().find(|r| {
            r.authorizer_id.as_deref() == Some(a.authorizer_id.as_str())
                && (r.authorization_type == "JWT") != (a.authorizer_type == "JWT")
        })
    });
    if let Some(r) = in_use_by_wrong_kind {
        return Err(ApiError::Conflict(format!(
            "Authorizer {} is used by route {} ({}) with authorization type {}; its type cannot change",
            a.authorizer_id, r.route_id, r.route_key, r.authorization_type
        )));
    }
    ws.authorizers
        .entry(req.api_id)
        .or_default()
        .insert(a.authorizer_id.clone(), a.clone());
    Ok(a)
}

pub fn delete_authorizer(
    ws: &mut Workspace,
    api_id: &str,
    authorizer_id: &str,
) -> Result<(), ApiError> {
    get_authorizer(ws, api_id, authorizer_id)?;
    if let Some(r) = ws.routes.get(api_id).and_then(|m| {
        m.values()
            .find(|r| r.authorizer_id.as_deref() == Some(authorizer_id))
    }) {
        return Err(ApiError::Conflict(format!(
            "Authorizer {authorizer_id} is used by route {} ({}); change the route's authorization first",
            r.route_id, r.route_key
        )));
    }
    if let Some(m) = ws.authorizers.get_mut(api_id) {
        m.remove(authorizer_id);
    }
    Ok(())
}

/// ResetAuthorizersCache: a running `serve` forgets the Lambda authorizer
/// answers it has cached for the stage (see `gateway::lambda_auth`).
pub fn reset_authorizers_cache(
    ws: &Workspace,
    api_id: &str,
    stage_name: &str,
) -> Result<(), ApiError> {
    let protocol = api_protocol(ws, api_id)?;
    super::get_stage(ws, api_id, stage_name)?;
    if protocol != ProtocolType::Http {
        return Err(bad("ResetAuthorizersCache is supported only for HTTP APIs"));
    }
    if let Some(path) = &ws.location {
        crate::gateway::lambda_auth::record_reset(path, api_id, stage_name).map_err(|e| {
            ApiError::bad_request(format!(
                "cannot record the reset beside the workspace ({}): {e}",
                path.display()
            ))
        })?;
    }
    Ok(())
}
