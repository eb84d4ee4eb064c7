//! CreateStage, GetStage(s), UpdateStage, DeleteStage, and the deletes of a
//! stage's parts: DeleteRouteSettings, DeleteAccessLogSettings.

use super::integrations::api_protocol;
use super::{Paging, page, quota, timestamp};
use crate::error::ApiError;
use crate::model::{CreateStageRequest, Page, RouteSettings, Stage, StringMap, UpdateStageRequest};
use crate::rules::names::{check_stage_name, check_stage_variable};
use crate::rules::route_settings;
use crate::workspace::Workspace;

fn not_found(name: &str) -> ApiError {
    ApiError::NotFound(format!("Invalid stage identifier specified {name}"))
}

fn check_variables(vars: &StringMap) -> Result<(), ApiError> {
    for (k, v) in vars {
        check_stage_variable(k, v).map_err(ApiError::BadRequest)?;
    }
    Ok(())
}

/// The rules a stage is held to as it will be stored: its own settings, and
/// route settings only for route keys the API has.
fn check_in_api(ws: &Workspace, api_id: &str, stage: &Stage) -> Result<(), ApiError> {
    route_settings::check_stage(stage)?;
    let routes = ws.routes.get(api_id);
    let keys = routes
        .into_iter()
        .flat_map(|m| m.values())
        .map(|r| r.route_key.as_str());
    route_settings::check_keys(&stage.route_settings, keys)
}

/// The rules of a stage as it is stored: its name, its variables and its
/// route settings (create and update apply them to what they are given; a
/// workspace file read from disk is held to them whole).
pub fn check_stage(s: &Stage) -> Result<(), ApiError> {
    check_stage_name(&s.stage_name).map_err(ApiError::BadRequest)?;
    check_variables(&s.stage_variables)?;
    route_settings::check_stage(s)
}

pub fn create_stage(ws: &mut Workspace, req: CreateStageRequest) -> Result<Stage, ApiError> {
    api_protocol(ws, &req.api_id)?;
    check_stage_name(&req.stage_name).map_err(ApiError::BadRequest)?;
    let existing = ws.stages.get(&req.api_id);
    if existing.is_some_and(|m| m.contains_key(&req.stage_name)) {
        return Err(ApiError::Conflict(format!(
            "Stage {} already exists",
            req.stage_name
        )));
    }
    if existing.is_some_and(|m| m.len() >= quota::STAGES_PER_API) {
        return Err(ApiError::bad_request(format!(
            "API {} already has {} stages, the most an API may have",
            req.api_id,
            quota::STAGES_PER_API
        )));
    }
    let variables = req.stage_variables.unwrap_or_default();
    check_variables(&variables)?;
    let defaults = req.default_route_settings.unwrap_or_default();
    let route_settings = req.route_settings.unwrap_or_default();
    let now = timestamp();
    let stage = Stage {
        access_log_settings: req.access_log_settings,
        api_gateway_managed: None,
        auto_deploy: req.auto_deploy.unwrap_or(false),
        client_certificate_id: req.client_certificate_id,
        created_date: now.clone(),
        default_route_settings: RouteSettings {
            detailed_metrics_enabled: Some(defaults.detailed_metrics_enabled.unwrap_or(false)),
            ..defaults
        },
        deployment_id: req.deployment_id,
        description: req.description,
        last_deployment_status_message: None,
        last_updated_date: now,
        route_settings,
        stage_name: req.stage_name,
        stage_variables: variables,
        tags: req.tags.unwrap_or_default(),
    };
    check_in_api(ws, &req.api_id, &stage)?;
    ws.stages
        .entry(req.api_id)
        .or_default()
        .insert(stage.stage_name.clone(), stage.clone());
    Ok(stage)
}

pub fn get_stage(ws: &Workspace, api_id: &str, stage_name: &str) -> Result<Stage, ApiError> {
    api_protocol(ws, api_id)?;
    ws.stages
        .get(api_id)
        .and_then(|m| m.get(stage_name))
        .cloned()
        .ok_or_else(|| not_found(stage_name))
}

pub fn get_stages(ws: &Workspace, api_id: &str, paging: &Paging) -> Result<Page<Stage>, ApiError> {
    api_protocol(ws, api_id)?;
    page(ws.stages.get(api_id), paging)
}

pub fn update_stage(ws: &mut Workspace, req: UpdateStageRequest) -> Result<Stage, ApiError> {
    let mut s = get_stage(ws, &req.api_id, &req.stage_name)?;
    if let Some(v) = req.auto_deploy {
        s.auto_deploy = v;
    }
    if let Some(vars) = req.stage_variables {
        // An empty value removes a variable, as the service does.
        for (k, v) in vars {
            if v.is_empty() {
                s.stage_variables.remove(&k);
            } else {
                check_stage_variable(&k, &v).map_err(ApiError::BadRequest)?;
                s.stage_variables.insert(k, v);
            }
        }
    }
    if let Some(d) = req.default_route_settings {
        s.default_route_settings = d;
    }
    // Route settings merge into the stage's, and the merged map is what is
    // checked (as the service does).
    if let Some(rs) = req.route_settings {
        s.route_settings.extend(rs);
    }
    macro_rules! set {
        ($($field:ident),*) => { $( if req.$field.is_some() { s.$field = req.$field; } )* };
    }
    set!(
        access_log_settings,
        client_certificate_id,
        deployment_id,
        description
    );
    check_in_api(ws, &req.api_id, &s)?;
    s.last_updated_date = timestamp();
    check_stage(&s)?;
    ws.stages
        .entry(req.api_id)
        .or_default()
        .insert(s.stage_name.clone(), s.clone());
    Ok(s)
}

pub fn delete_stage(ws: &mut Workspace, api_id: &str, stage_name: &str) -> Result<(), ApiError> {
    api_protocol(ws, api_id)?;
    ws.stages
        .get_mut(api_id)
        .and_then(|m| m.remove(stage_name))
        .ok_or_else(|| not_found(stage_name))?;
    super::domains::forget_mappings(ws, api_id, Some(stage_name));
    Ok(())
}

/// Removes the settings of one route key from a stage. The route itself need
/// not exist any more (this is how settings left by a deleted route go).
pub fn delete_route_settings(
    ws: &mut Workspace,
    api_id: &str,
    stage_name: &str,
    route_key: &str,
) -> Result<(), ApiError> {
    let mut s = get_stage(ws, api_id, stage_name)?;
    if s.route_settings.remove(route_key).is_none() {
        return Err(ApiError::NotFound(format!(
            "Unable to find RouteSettings by key {route_key} in stage {stage_name}"
        )));
    }
    s.last_updated_date = timestamp();
    ws.stages
        .entry(api_id.to_string())
        .or_default()
        .insert(s.stage_name.clone(), s);
    Ok(())
}

/// Turns a stage's access logging off. A stage without it is left as it is.
pub fn delete_access_log_settings(
    ws: &mut Workspace,
    api_id: &str,
    stage_name: &str,
) -> Result<(), ApiError> {
    let mut s = get_stage(ws, api_id, stage_name)?;
    if s.access_log_settings.take().is_some() {
        s.last_updated_date = timestamp();
    }
    ws.stages
        .entry(api_id.to_string())
        .or_default()
        .insert(s.stage_name.clone(), s);
    Ok(())
}
