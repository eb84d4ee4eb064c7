//! CreateApi (with quick create), GetApi(s), UpdateApi, DeleteApi,
//! DeleteCorsConfiguration.

use super::{Paging, new_id, page, quota, timestamp};
use crate::error::ApiError;
use crate::model::{
    Api, CreateApiRequest, CreateIntegrationRequest, CreateRouteRequest, CreateStageRequest, Page,
    ProtocolType, UpdateApiRequest,
};
use crate::rules::{arn, cors, integration::is_http_url};
use crate::workspace::Workspace;

fn endpoint(protocol: ProtocolType, id: &str, region: &str) -> String {
    let scheme = match protocol {
        ProtocolType::Http => "https",
        ProtocolType::Websocket => "wss",
    };
    format!("{scheme}://{id}.execute-api.{region}.amazonaws.com")
}

fn check_name(name: &str) -> Result<(), ApiError> {
    if name.is_empty() || name.chars().count() > 128 {
        return Err(ApiError::bad_request(
            "Name must be between 1 and 128 characters long",
        ));
    }
    Ok(())
}

/// The rules of an API as it is stored: its name, the route selection
/// expression of its protocol, CORS only for HTTP, and its IP address type.
/// Create and update check what they make with this; a workspace file read
/// from disk is held to it.
pub fn check_api(api: &Api) -> Result<(), ApiError> {
    check_name(&api.name)?;
    let http = api.protocol_type == ProtocolType::Http;
    if http && api.route_selection_expression != "$request.method $request.path" {
        return Err(ApiError::bad_request(
            "The route selection expression of an HTTP API must be $request.method $request.path",
        ));
    }
    if !http && api.route_selection_expression.is_empty() {
        return Err(ApiError::bad_request(
            "RouteSelectionExpression must be specified for WEBSOCKET APIs, for example $request.body.action",
        ));
    }
    if !http && api.cors_configuration.is_some() {
        return Err(ApiError::bad_request(
            "CorsConfiguration is supported only for HTTP APIs",
        ));
    }
    if let Some(cors) = &api.cors_configuration {
        cors::check(cors)?;
    }
    if let Some(t) = &api.ip_address_type
        && !matches!(t.as_str(), "ipv4" | "dualstack")
    {
        return Err(ApiError::bad_request(format!(
            "Invalid ip address type specified: {t}. Must be one of [ipv4, dualstack]"
        )));
    }
    Ok(())
}

pub fn create_api(ws: &mut Workspace, req: CreateApiRequest) -> Result<Api, ApiError> {
    let protocol = ProtocolType::parse(&req.protocol_type).ok_or_else(|| {
        ApiError::bad_request("Invalid protocol specified. Must be one of [HTTP, WEBSOCKET]")
    })?;
    check_name(&req.name)?;
    if ws.apis.len() >= quota::APIS_PER_REGION {
        return Err(ApiError::bad_request(format!(
            "This workspace already has {} APIs, the most a region may have",
            quota::APIS_PER_REGION
        )));
    }
    let http = protocol == ProtocolType::Http;
    let route_selection_expression = match (protocol, req.route_selection_expression) {
        (ProtocolType::Http, None) => "$request.method $request.path".to_string(),
        (ProtocolType::Http, Some(e)) if e != "$request.method $request.path" => {
            return Err(ApiError::bad_request(
                "The route selection expression of an HTTP API must be $request.method $request.path",
            ));
        }
        (ProtocolType::Websocket, None) => {
            return Err(ApiError::bad_request(
                "RouteSelectionExpression must be specified for WEBSOCKET APIs, for example $request.body.action",
            ));
        }
        (_, Some(e)) => e,
    };
    if !http {
        for (field, set) in [
            ("CorsConfiguration", req.cors_configuration.is_some()),
            ("Target", req.target.is_some()),
            ("RouteKey", req.route_key.is_some()),
            ("CredentialsArn", req.credentials_arn.is_some()),
        ] {
            if set {
                return Err(ApiError::bad_request(format!(
                    "{field} is supported only for HTTP APIs"
                )));
            }
        }
    }
    if req.target.is_none() && (req.route_key.is_some() || req.credentials_arn.is_some()) {
        return Err(ApiError::bad_request(
            "RouteKey and CredentialsArn are quick-create settings; they need Target",
        ));
    }
    if let Some(t) = &req.ip_address_type
        && !matches!(t.as_str(), "ipv4" | "dualstack")
    {
        return Err(ApiError::bad_request(format!(
            "Invalid ip address type specified: {t}. Must be one of [ipv4, dualstack]"
        )));
    }
    let apis = &ws.apis;
    let id = new_id(10, |id| apis.contains_key(id));
    let api = Api {
        api_endpoint: endpoint(protocol, &id, ws.region()),
        api_gateway_managed: None,
        api_id: id.clone(),
        api_key_selection_expression: req
            .api_key_selection_expression
            .unwrap_or_else(|| "$request.header.x-api-key".into()),
        cors_configuration: req.cors_configuration,
        created_date: timestamp(),
        description: req.description,
        disable_schema_validation: req.disable_schema_validation,
        disable_execute_api_endpoint: req.disable_execute_api_endpoint.unwrap_or(false),
        ip_address_type: Some(req.ip_address_type.unwrap_or_else(|| "ipv4".into())),
        name: req.name,
        protocol_type: protocol,
        route_selection_expression,
        tags: req.tags.unwrap_or_default(),
        version: req.version,
    };
    check_api(&api)?;
    ws.apis.insert(id.clone(), api.clone());
    if let Some(target) = req.target
        && let Err(e) = quick_create(ws, &id, target, req.route_key, req.credentials_arn)
    {
        ws.apis.remove(&id);
        ws.integrations.remove(&id);
        ws.routes.remove(&id);
        ws.stages.remove(&id);
        return Err(e);
    }
    Ok(api)
}

/// Quick create: an integration for `target`, a route (`$default` unless
/// `route_key` says otherwise) and an auto-deploying `$default` stage, all
/// managed by API Gateway.
fn quick_create(
    ws: &mut Workspace,
    api_id: &str,
    target: String,
    route_key: Option<String>,
    credentials_arn: Option<String>,
) -> Result<(), ApiError> {
    let (integration_type, method, payload) = if arn::lambda_function(&target).is_some() {
        ("AWS_PROXY", "POST", "2.0")
    } else if is_http_url(&target) {
        ("HTTP_PROXY", "ANY", "1.0")
    } else {
        return Err(ApiError::bad_request(format!(
            "Invalid target specified: {target}. Quick create needs a Lambda function ARN or an http(s) URL"
        )));
    };
    let mut integration = super::create_integration(
        ws,
        CreateIntegrationRequest {
            api_id: api_id.into(),
            integration_type: integration_type.into(),
            integration_method: Some(method.into()),
            integration_uri: Some(target),
            payload_format_version: Some(payload.into()),
            credentials_arn,
            ..Default::default()
        },
    )?;
    integration.api_gateway_managed = Some(true);
    let mut route = super::create_route(
        ws,
        CreateRouteRequest {
            api_id: api_id.into(),
            route_key: route_key.unwrap_or_else(|| "$default".into()),
            target: Some(format!("integrations/{}", integration.integration_id)),
            ..Default::default()
        },
    )?;
    route.api_gateway_managed = Some(true);
    let mut stage = super::create_stage(
        ws,
        CreateStageRequest {
            api_id: api_id.into(),
            stage_name: "$default".into(),
            auto_deploy: Some(true),
            ..Default::default()
        },
    )?;
    stage.api_gateway_managed = Some(true);
    let id = api_id.to_string();
    ws.integrations
        .entry(id.clone())
        .or_default()
        .insert(integration.integration_id.clone(), integration);
    ws.routes
        .entry(id.clone())
        .or_default()
        .insert(route.route_id.clone(), route);
    ws.stages
        .entry(id)
        .or_default()
        .insert(stage.stage_name.clone(), stage);
    Ok(())
}

pub fn get_api(ws: &Workspace, api_id: &str) -> Result<Api, ApiError> {
    ws.apis
        .get(api_id)
        .cloned()
        .ok_or_else(|| ApiError::not_found("API", &format!("{}:{api_id}", ws.account())))
}

pub fn get_apis(ws: &Workspace, paging: &Paging) -> Result<Page<Api>, ApiError> {
    page(Some(&ws.apis), paging)
}

pub fn update_api(ws: &mut Workspace, req: UpdateApiRequest) -> Result<Api, ApiError> {
    let mut api = get_api(ws, &req.api_id)?;
    if req.target.is_some() || req.route_key.is_some() || req.credentials_arn.is_some() {
        return Err(ApiError::bad_request(
            "Target, RouteKey and CredentialsArn apply only when an API is quick-created; change the integration or route instead",
        ));
    }
    if let Some(name) = req.name {
        check_name(&name)?;
        api.name = name;
    }
    if let Some(e) = req.route_selection_expression {
        if api.protocol_type == ProtocolType::Http && e != "$request.method $request.path" {
            return Err(ApiError::bad_request(
                "The route selection expression of an HTTP API must be $request.method $request.path",
            ));
        }
        api.route_selection_expression = e;
    }
    if let Some(c) = req.cors_configuration {
        if api.protocol_type != ProtocolType::Http {
            return Err(ApiError::bad_request(
                "CorsConfiguration is supported only for HTTP APIs",
            ));
        }
        api.cors_configuration = Some(c);
    }
    if let Some(v) = req.api_key_selection_expression {
        api.api_key_selection_expression = v;
    }
    if req.description.is_some() {
        api.description = req.description;
    }
    if req.disable_schema_validation.is_some() {
        api.disable_schema_validation = req.disable_schema_validation;
    }
    if let Some(v) = req.disable_execute_api_endpoint {
        api.disable_execute_api_endpoint = v;
    }
    if let Some(t) = req.ip_address_type {
        if !matches!(t.as_str(), "ipv4" | "dualstack") {
            return Err(ApiError::bad_request(format!(
                "Invalid ip address type specified: {t}. Must be one of [ipv4, dualstack]"
            )));
        }
        api.ip_address_type = Some(t);
    }
    if req.version.is_some() {
        api.version = req.version;
    }
    check_api(&api)?;
    ws.apis.insert(api.api_id.clone(), api.clone());
    Ok(api)
}

/// Deletes an API with everything it holds.
pub fn delete_api(ws: &mut Workspace, api_id: &str) -> Result<(), ApiError> {
    get_api(ws, api_id)?;
    ws.apis.remove(api_id);
    ws.integrations.remove(api_id);
    ws.routes.remove(api_id);
    ws.stages.remove(api_id);
    ws.authorizers.remove(api_id);
    super::domains::forget_mappings(ws, api_id, None);
    Ok(())
}

/// Removes an API's CORS configuration; the gateway then answers no
/// preflight itself and passes the backend's CORS headers through. An API
/// without one is left as it is.
pub fn delete_cors_configuration(ws: &mut Workspace, api_id: &str) -> Result<(), ApiError> {
    let mut api = get_api(ws, api_id)?;
    api.cors_configuration = None;
    ws.apis.insert(api.api_id.clone(), api);
    Ok(())
}
