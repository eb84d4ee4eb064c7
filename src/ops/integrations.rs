//! CreateIntegration, GetIntegration(s), UpdateIntegration, DeleteIntegration.

use super::{Paging, new_id, page, quota};
use crate::error::ApiError;
use crate::model::{
    CreateIntegrationRequest, Integration, Page, ProtocolType, UpdateIntegrationRequest,
};
use crate::rules::integration::{Context, complete_and_check, max_timeout};
use crate::workspace::Workspace;

pub(crate) fn api_protocol(ws: &Workspace, api_id: &str) -> Result<ProtocolType, ApiError> {
    ws.apis
        .get(api_id)
        .map(|a| a.protocol_type)
        .ok_or_else(|| ApiError::not_found("API", &format!("{}:{api_id}", ws.account())))
}

fn check(ws: &Workspace, protocol: ProtocolType, i: &mut Integration) -> Result<(), ApiError> {
    let links = &ws.vpc_links;
    let exists = |id: &str| links.contains_key(id);
    let ctx = Context {
        protocol,
        account: ws.account(),
        region: ws.region(),
        vpc_link_exists: &exists,
    };
    complete_and_check(i, &ctx)
}

pub fn create_integration(
    ws: &mut Workspace,
    req: CreateIntegrationRequest,
) -> Result<Integration, ApiError> {
    let protocol = api_protocol(ws, &req.api_id)?;
    let existing = ws.integrations.get(&req.api_id);
    if existing.is_some_and(|m| m.len() >= quota::INTEGRATIONS_PER_API) {
        return Err(ApiError::bad_request(format!(
            "API {} already has {} integrations, the most an API may have",
            req.api_id,
            quota::INTEGRATIONS_PER_API
        )));
    }
    let http = protocol == ProtocolType::Http;
    let mut integration = Integration {
        api_gateway_managed: None,
        connection_id: req.connection_id,
        connection_type: req.connection_type.unwrap_or_else(|| "INTERNET".into()),
        content_handling_strategy: req.content_handling_strategy,
        credentials_arn: req.credentials_arn,
        description: req.description,
        integration_id: String::new(),
        integration_method: req.integration_method,
        integration_response_selection_expression: (!http)
            .then(|| "${integration.response.statuscode}".to_string()),
        integration_subtype: req.integration_subtype,
        integration_uri: req.integration_uri,
        passthrough_behavior: match (
            &req.passthrough_behavior,
            http,
            req.integration_type.as_str(),
        ) {
            (None, false, "AWS" | "HTTP" | "MOCK") => Some("WHEN_NO_MATCH".into()),
            _ => req.passthrough_behavior,
        },
        payload_format_version: req
            .payload_format_version
            .or_else(|| (req.integration_type == "HTTP_PROXY" || !http).then(|| "1.0".to_string())),
        request_parameters: req.request_parameters,
        request_templates: req.request_templates,
        response_parameters: req.response_parameters,
        template_selection_expression: req.template_selection_expression,
        timeout_in_millis: req
            .timeout_in_millis
            .unwrap_or_else(|| max_timeout(protocol)),
        tls_config: req.tls_config,
        integration_type: req.integration_type,
    };
    check(ws, protocol, &mut integration)?;
    let children = ws.integrations.entry(req.api_id).or_default();
    integration.integration_id = new_id(7, |id| children.contains_key(id));
    children.insert(integration.integration_id.clone(), integration.clone());
    Ok(integration)
}

fn not_found(id: &str) -> ApiError {
    ApiError::not_found("Integration", id)
}

pub fn get_integration(
    ws: &Workspace,
    api_id: &str,
    integration_id: &str,
) -> Result<Integration, ApiError> {
    api_protocol(ws, api_id)?;
    ws.integrations
        .get(api_id)
        .and_then(|m| m.get(integration_id))
        .cloned()
        .ok_or_else(|| not_found(integration_id))
}

pub fn get_integrations(
    ws: &Workspace,
    api_id: &str,
    paging: &Paging,
) -> Result<Page<Integration>, ApiError> {
    api_protocol(ws, api_id)?;
    page(ws.integrations.get(api_id), paging)
}

/// Applies an update: absent fields stay, request parameters with an empty
/// value are removed, a status code mapped to `{}` is removed.
pub fn update_integration(
    ws: &mut Workspace,
    req: UpdateIntegrationRequest,
) -> Result<Integration, ApiError> {
    let protocol = api_protocol(ws, &req.api_id)?;
    let mut i = get_integration(ws, &req.api_id, &req.integration_id)?;
    if req.connection_type.as_deref() == Some("INTERNET") && req.connection_id.is_none() {
        i.connection_id = None;
    }
    macro_rules! set {
        ($($field:ident),*) => { $( if req.$field.is_some() { i.$field = req.$field; } )* };
    }
    set!(
        connection_id,
        content_handling_strategy,
        credentials_arn,
        description,
        integration_method,
        integration_subtype,
        integration_uri,
        passthrough_behavior,
        payload_format_version,
        request_templates,
        template_selection_expression,
        tls_config
    );
    if let Some(t) = req.connection_type {
        i.connection_type = t;
    }
    if let Some(t) = req.integration_type {
        i.integration_type = t;
    }
    if let Some(t) = req.timeout_in_millis {
        i.timeout_in_millis = t;
    }
    if let Some(changes) = req.request_parameters {
        let mut map = i.request_parameters.take().unwrap_or_default();
        for (k, v) in changes {
            if v.is_empty() && !k.starts_with("remove:") {
                map.remove(&k);
            } else {
                map.insert(k, v);
            }
        }
        i.request_parameters = (!map.is_empty()).then_some(map);
    }
    if let Some(changes) = req.response_parameters {
        let mut map = i.response_parameters.take().unwrap_or_default();
        for (status, params) in changes {
            if params.is_empty() {
                map.remove(&status);
            } else {
                map.insert(status, params);
            }
        }
        i.response_parameters = (!map.is_empty()).then_some(map);
    }
    check(ws, protocol, &mut i)?;
    ws.integrations
        .entry(req.api_id)
        .or_default()
        .insert(i.integration_id.clone(), i.clone());
    Ok(i)
}

pub fn delete_integration(
    ws: &mut Workspace,
    api_id: &str,
    integration_id: &str,
) -> Result<(), ApiError> {
    api_protocol(ws, api_id)?;
    let target = format!("integrations/{integration_id}");
    if let Some(route) = ws.routes.get(api_id).and_then(|m| {
        m.values()
            .find(|r| r.target.as_deref() == Some(target.as_str()))
    }) {
        return Err(ApiError::Conflict(format!(
            "Integration {integration_id} is the target of route {} ({}); change or delete the route first",
            route.route_id, route.route_key
        )));
    }
    ws.integrations
        .get_mut(api_id)
        .and_then(|m| m.remove(integration_id))
        .map(|_| ())
        .ok_or_else(|| not_found(integration_id))
}
