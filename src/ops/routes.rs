//! CreateRoute, GetRoute(s), UpdateRoute, DeleteRoute.

use super::integrations::api_protocol;
use super::{Paging, new_id, page, quota};
use crate::error::ApiError;
use crate::model::{CreateRouteRequest, Page, ProtocolType, Route, UpdateRouteRequest};
use crate::rules::names::parse_route_key;
use crate::workspace::Workspace;

pub const AUTHORIZATION_TYPES: &[&str] = &["NONE", "AWS_IAM", "CUSTOM", "JWT"];

fn not_found(id: &str) -> ApiError {
    ApiError::not_found("Route", id)
}

/// What a route's rules need to know of the rest of its API.
pub struct RouteRefs<'a> {
    /// Whether the API has an integration of this id.
    pub integration: &'a dyn Fn(&str) -> bool,
    /// Whether the API has an authorizer of this id and this type.
    pub authorizer: &'a dyn Fn(&str, &str) -> bool,
}

/// The refusal of a second route with the same key in one API.
pub fn duplicate_route_key(key: &str, other_route_id: &str) -> ApiError {
    ApiError::Conflict(format!(
        "Route with key {key} already exists for this API (route {other_route_id})"
    ))
}

/// Every rule a route must hold, checked on the route as it would be stored.
fn check(ws: &Workspace, api_id: &str, protocol: ProtocolType, r: &Route) -> Result<(), ApiError> {
    let duplicate = ws.routes.get(api_id).and_then(|m| {
        m.values()
            .find(|o| o.route_key == r.route_key && o.route_id != r.route_id)
    });
    if let Some(other) = duplicate {
        return Err(duplicate_route_key(&r.route_key, &other.route_id));
    }
    let integrations = ws.integrations.get(api_id);
    let authorizers = ws.authorizers.get(api_id);
    check_route(
        r,
        protocol,
        &RouteRefs {
            integration: &|id| integrations.is_some_and(|m| m.contains_key(id)),
            authorizer: &|id, kind| {
                authorizers
                    .and_then(|m| m.get(id))
                    .is_some_and(|a| a.authorizer_type == kind)
            },
        },
    )
}

/// The rules of one route as it is stored, against what `refs` says of
/// its API (the one rule on all routes together, one key per route, is
/// [`duplicate_route_key`]'s). Create, update and a workspace file read
/// from disk all hold a route to these.
pub fn check_route(
    r: &Route,
    protocol: ProtocolType,
    refs: &RouteRefs<'_>,
) -> Result<(), ApiError> {
    match protocol {
        ProtocolType::Http => {
            parse_route_key(&r.route_key).map_err(ApiError::BadRequest)?;
            if r.api_key_required {
                return Err(ApiError::bad_request(
                    "API keys are supported only for WEBSOCKET APIs",
                ));
            }
        }
        ProtocolType::Websocket => {
            if r.route_key.is_empty() || r.route_key.len() > 128 {
                return Err(ApiError::bad_request(
                    "RouteKey must be between 1 and 128 characters long",
                ));
            }
        }
    }
    if let Some(target) = &r.target {
        let id = target.strip_prefix("integrations/").ok_or_else(|| {
            ApiError::bad_request(format!(
                "Invalid target specified: {target}. A route target has the form integrations/INTEGRATION_ID"
            ))
        })?;
        if !(refs.integration)(id) {
            return Err(ApiError::not_found("Integration", id));
        }
    }
    let kind = r.authorization_type.as_str();
    if !AUTHORIZATION_TYPES.contains(&kind) {
        return Err(ApiError::bad_request(format!(
            "Invalid authorization type specified: {kind}. Must be one of [{}]",
            AUTHORIZATION_TYPES.join(", ")
        )));
    }
    match kind {
        "JWT" | "CUSTOM" => {
            let wanted = if kind == "JWT" { "JWT" } else { "REQUEST" };
            let found = r
                .authorizer_id
                .as_deref()
                .is_some_and(|id| (refs.authorizer)(id, wanted));
            match found {
                true => {}
                _ if kind == "JWT" => {
                    return Err(ApiError::bad_request(
                        "Setting the authorization type to JWT requires a valid JWT authorizer.",
                    ));
                }
                _ => {
                    return Err(ApiError::bad_request(
                        "Setting the authorization type to CUSTOM requires a valid REQUEST authorizer.",
                    ));
                }
            }
        }
        _ => {
            if r.authorizer_id.is_some() {
                return Err(ApiError::bad_request(format!(
                    "AuthorizerId can only be set with authorization type JWT or CUSTOM, not {kind}"
                )));
            }
        }
    }
    if let Some(scopes) = &r.authorization_scopes {
        if kind != "JWT" && !scopes.is_empty() {
            return Err(ApiError::bad_request(
                "AuthorizationScopes are supported only for routes with authorization type JWT",
            ));
        }
        if scopes.iter().any(|s| s.is_empty() || s.len() > 64) {
            return Err(ApiError::bad_request(
                "Each authorization scope must be 1 to 64 characters long",
            ));
        }
    }
    Ok(())
}

pub fn create_route(ws: &mut Workspace, req: CreateRouteRequest) -> Result<Route, ApiError> {
    let protocol = api_protocol(ws, &req.api_id)?;
    if ws
        .routes
        .get(&req.api_id)
        .is_some_and(|m| m.len() >= quota::ROUTES_PER_API)
    {
        return Err(ApiError::bad_request(format!(
            "API {} already has {} routes, the most an API may have",
            req.api_id,
            quota::ROUTES_PER_API
        )));
    }
    let mut route = Route {
        api_gateway_managed: None,
        api_key_required: req.api_key_required.unwrap_or(false),
        authorization_scopes: req.authorization_scopes,
        authorization_type: req.authorization_type.unwrap_or_else(|| "NONE".into()),
        authorizer_id: req.authorizer_id,
        model_selection_expression: req.model_selection_expression,
        operation_name: req.operation_name,
        request_models: req.request_models,
        request_parameters: req.request_parameters,
        route_id: String::new(),
        route_key: req.route_key,
        route_response_selection_expression: req.route_response_selection_expression,
        target: req.target,
    };
    check(ws, &req.api_id, protocol, &route)?;
    let routes = ws.routes.entry(req.api_id).or_default();
    route.route_id = new_id(7, |id| routes.contains_key(id));
    routes.insert(route.route_id.clone(), route.clone());
    Ok(route)
}

pub fn get_route(ws: &Workspace, api_id: &str, route_id: &str) -> Result<Route, ApiError> {
    api_protocol(ws, api_id)?;
    ws.routes
        .get(api_id)
        .and_then(|m| m.get(route_id))
        .cloned()
        .ok_or_else(|| not_found(route_id))
}

pub fn get_routes(ws: &Workspace, api_id: &str, paging: &Paging) -> Result<Page<Route>, ApiError> {
    api_protocol(ws, api_id)?;
    page(ws.routes.get(api_id), paging)
}

pub fn update_route(ws: &mut Workspace, req: UpdateRouteRequest) -> Result<Route, ApiError> {
    let protocol = api_protocol(ws, &req.api_id)?;
    let mut r = get_route(ws, &req.api_id, &req.route_id)?;
    if let Some(v) = req.api_key_required {
        r.api_key_required = v;
    }
    if let Some(kind) = req.authorization_type {
        if kind == "NONE" || kind == "AWS_IAM" {
            // Leaving JWT or CUSTOM drops the authorizer and its scopes.
            r.authorizer_id = None;
            r.authorization_scopes = None;
        }
        r.authorization_type = kind;
    }
    macro_rules! set {
        ($($field:ident),*) => { $( if req.$field.is_some() { r.$field = req.$field; } )* };
    }
    set!(
        authorization_scopes,
        authorizer_id,
        model_selection_expression,
        operation_name,
        request_models,
        request_parameters,
        route_response_selection_expression
    );
    if let Some(k) = req.route_key {
        r.route_key = k;
    }
    if let Some(t) = req.target {
        r.target = (!t.is_empty()).then_some(t);
    }
    check(ws, &req.api_id, protocol, &r)?;
    ws.routes
        .entry(req.api_id)
        .or_default()
        .insert(r.route_id.clone(), r.clone());
    Ok(r)
}

pub fn delete_route(ws: &mut Workspace, api_id: &str, route_id: &str) -> Result<(), ApiError> {
    api_protocol(ws, api_id)?;
    ws.routes
        .get_mut(api_id)
        .and_then(|m| m.remove(route_id))
        .map(|_| ())
        .ok_or_else(|| not_found(route_id))
}
