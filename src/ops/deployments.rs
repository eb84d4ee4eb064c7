//! CreateDeployment, GetDeployment(s), UpdateDeployment, DeleteDeployment,
//! and the automatic deployments of auto-deploy stages.
//!
//! A deployment keeps the API's routes, integrations, authorizers and CORS
//! as they were (its snapshot, see `workspace::definition`); a stage
//! without `AutoDeploy` serves the snapshot of its `DeploymentId`.
//!
//! ```text
//!   change to routes/integrations/authorizers/CORS
//!        │
//!        ├─ stage dev  (AutoDeploy)  → new auto deployment, DeploymentId and
//!        │                             LastDeploymentStatusMessage set; the
//!        │                             stage's previous auto deployment goes
//!        └─ stage prod (no AutoDeploy) → unchanged until
//!                                         create-deployment --stage-name prod
//! ```

use super::integrations::api_protocol;
use super::{Paging, new_id, page, timestamp};
use crate::error::ApiError;
use crate::model::{
    CreateDeploymentRequest, DEPLOYED, Deployment, DeploymentRecord, Page, UpdateDeploymentRequest,
};
use crate::workspace::{Definition, Workspace};

/// How long a deployment id is (the service's are as short).
const ID_LEN: usize = 6;

/// What the service says when an API without routes is deployed.
pub const NO_ROUTES: &str = "Unable to deploy API because no routes exist in this API";

/// The description the service gives its automatic deployments.
pub const AUTO_DESCRIPTION: &str =
    "Automatic deployment triggered by changes to the Api configuration";

pub(crate) fn not_found(id: &str) -> ApiError {
    ApiError::NotFound(format!("Invalid deployment identifier specified {id}"))
}

/// Refused: a `DeploymentId` given for a stage that auto-deploys.
pub(crate) fn auto_deploy_refuses_id(stage: &str) -> ApiError {
    ApiError::bad_request(format!(
        "DeploymentId cannot be set on stage {stage}: it has AutoDeploy enabled, so its \
         deployments are made for it on every change"
    ))
}

fn new_record(
    ws: &Workspace,
    api_id: &str,
    auto: bool,
    description: Option<String>,
) -> DeploymentRecord {
    let taken = ws.deployments.get(api_id);
    DeploymentRecord {
        auto_deployed: auto,
        created_date: timestamp(),
        deployment_id: new_id(ID_LEN, |id| taken.is_some_and(|m| m.contains_key(id))),
        deployment_status: DEPLOYED.to_string(),
        deployment_status_message: None,
        description,
        cors_configuration: None,
        routes: Default::default(),
        integrations: Default::default(),
        authorizers: Default::default(),
    }
}

pub fn create_deployment(
    ws: &mut Workspace,
    req: CreateDeploymentRequest,
) -> Result<Deployment, ApiError> {
    api_protocol(ws, &req.api_id)?;
    if let Some(name) = &req.stage_name {
        let stage = super::get_stage(ws, &req.api_id, name)?;
        if stage.auto_deploy {
            return Err(ApiError::bad_request(format!(
                "Stage {name} has AutoDeploy enabled: it is deployed on every change, and a \
                 deployment cannot be made to it by hand"
            )));
        }
    }
    let definition = ws.definition(&req.api_id);
    if definition.routes.is_empty() {
        return Err(ApiError::bad_request(NO_ROUTES));
    }
    let mut record = new_record(ws, &req.api_id, false, req.description);
    definition.into_record(&mut record);
    let out = record.deployment();
    ws.deployments
        .entry(req.api_id.clone())
        .or_default()
        .insert(record.deployment_id.clone(), record);
    if let Some(name) = &req.stage_name
        && let Some(stage) = ws.stages.get_mut(&req.api_id).and_then(|m| m.get_mut(name))
    {
        stage.deployment_id = Some(out.deployment_id.clone());
        stage.last_updated_date = timestamp();
    }
    Ok(out)
}

pub fn get_deployment(ws: &Workspace, api_id: &str, id: &str) -> Result<Deployment, ApiError> {
    api_protocol(ws, api_id)?;
    ws.deployment(api_id, id)
        .map(DeploymentRecord::deployment)
        .ok_or_else(|| not_found(id))
}

pub fn get_deployments(
    ws: &Workspace,
    api_id: &str,
    paging: &Paging,
) -> Result<Page<Deployment>, ApiError> {
    api_protocol(ws, api_id)?;
    let shown = ws
        .deployments
        .get(api_id)
        .map(|m| m.iter().map(|(k, d)| (k.clone(), d.deployment())).collect());
    page(shown.as_ref(), paging)
}

pub fn update_deployment(
    ws: &mut Workspace,
    req: UpdateDeploymentRequest,
) -> Result<Deployment, ApiError> {
    api_protocol(ws, &req.api_id)?;
    let record = ws
        .deployments
        .get_mut(&req.api_id)
        .and_then(|m| m.get_mut(&req.deployment_id))
        .ok_or_else(|| not_found(&req.deployment_id))?;
    if req.description.is_some() {
        record.description = req.description;
    }
    Ok(record.deployment())
}

pub fn delete_deployment(ws: &mut Workspace, api_id: &str, id: &str) -> Result<(), ApiError> {
    api_protocol(ws, api_id)?;
    if ws.deployment(api_id, id).is_none() {
        return Err(not_found(id));
    }
    let users: Vec<&str> = ws
        .stages
        .get(api_id)
        .into_iter()
        .flat_map(|m| m.values())
        .filter(|s| s.deployment_id.as_deref() == Some(id))
        .map(|s| s.stage_name.as_str())
        .collect();
    if !users.is_empty() {
        return Err(ApiError::bad_request(format!(
            "Active stages pointing to this deployment must be moved or deleted (deployment {id} \
             is used by stage {})",
            users.join(", ")
        )));
    }
    if let Some(m) = ws.deployments.get_mut(api_id) {
        m.remove(id);
        if m.is_empty() {
            ws.deployments.remove(api_id);
        }
    }
    Ok(())
}

/// After a change to API `api_id`: when what its stages would deploy
/// (`before`, the API as it was) changed, every auto-deploy stage follows.
pub fn follow_changes(ws: &mut Workspace, api_id: &str, before: &Definition) {
    if has_auto_stage(ws, api_id) && ws.definition(api_id) != *before {
        auto_deploy(ws, api_id, None);
    }
}

/// Whether API `api_id` has a stage that auto-deploys.
pub fn has_auto_stage(ws: &Workspace, api_id: &str) -> bool {
    ws.stages
        .get(api_id)
        .is_some_and(|m| m.values().any(|s| s.auto_deploy))
}

/// Deploys the API to its auto-deploy stages (`only`: to that one): a new
/// automatic deployment for each, without a snapshot while the stage
/// follows the API, and the stage's previous automatic deployment removed
/// when no other stage uses it. An API without routes deploys nothing; the
/// stage's `LastDeploymentStatusMessage` says why.
pub(crate) fn auto_deploy(ws: &mut Workspace, api_id: &str, only: Option<&str>) {
    let names: Vec<String> = ws
        .stages
        .get(api_id)
        .into_iter()
        .flat_map(|m| m.values())
        .filter(|s| s.auto_deploy && only.is_none_or(|n| n == s.stage_name))
        .map(|s| s.stage_name.clone())
        .collect();
    let has_routes = ws.routes.get(api_id).is_some_and(|m| !m.is_empty());
    for name in names {
        let now = timestamp();
        let (message, new_id) = if has_routes {
            let mut record = new_record(ws, api_id, true, Some(AUTO_DESCRIPTION.to_string()));
            record.created_date = now.clone();
            let id = record.deployment_id.clone();
            ws.deployments
                .entry(api_id.to_string())
                .or_default()
                .insert(id.clone(), record);
            (
                format!("Successfully deployed stage with deployment ID '{id}'"),
                Some(id),
            )
        } else {
            (format!("Deployment attempt failed: {NO_ROUTES}"), None)
        };
        let Some(stage) = ws.stages.get_mut(api_id).and_then(|m| m.get_mut(&name)) else {
            continue;
        };
        stage.last_deployment_status_message = Some(message);
        stage.last_updated_date = now;
        let Some(id) = new_id else { continue };
        if let Some(old) = stage.deployment_id.replace(id) {
            forget_if_unused(ws, api_id, &old);
        }
    }
}

/// Removes automatic deployment `id` when no stage uses it (so only the
/// latest of each stage is kept).
pub(crate) fn forget_if_unused(ws: &mut Workspace, api_id: &str, id: &str) {
    let used = ws
        .stages
        .get(api_id)
        .is_some_and(|m| m.values().any(|s| s.deployment_id.as_deref() == Some(id)));
    if used {
        return;
    }
    if let Some(m) = ws.deployments.get_mut(api_id)
        && m.get(id).is_some_and(|d| d.auto_deployed)
    {
        m.remove(id);
        if m.is_empty() {
            ws.deployments.remove(api_id);
        }
    }
}

/// A stage stops auto-deploying: its automatic deployment, which held no
/// snapshot, takes the API as it is now, which the stage goes on serving.
pub(crate) fn freeze(ws: &mut Workspace, api_id: &str, id: &str) {
    let definition = ws.definition(api_id);
    if let Some(d) = ws.deployments.get_mut(api_id).and_then(|m| m.get_mut(id))
        && d.auto_deployed
        && !d.has_snapshot()
        && !definition.routes.is_empty()
    {
        definition.into_record(d);
    }
}
