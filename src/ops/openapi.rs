//! ImportApi, ReimportApi and ExportApi: an OpenAPI document planned by
//! `openapi::import` is run through the same operations as the CLI's
//! (`create_api`, `create_authorizer`, `create_integration`,
//! `create_route`), so every rule applies with its own message; the caller
//! runs this inside one workspace transaction, so a refused import saves
//! nothing. Export writes `Workspace::definition` (or `served` for a stage)
//! with `openapi::export`.

use crate::error::ApiError;
use crate::model::{Api, CreateApiRequest};
use crate::openapi::{AwsVariables, Basepath, Plan, export, import};
use crate::workspace::{Served, Workspace};
use serde::Deserialize;
use serde_json::{Map, Value};

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct ImportApiRequest {
    pub basepath: Option<String>,
    pub body: String,
    pub fail_on_warnings: Option<bool>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct ReimportApiRequest {
    pub api_id: String,
    pub basepath: Option<String>,
    pub body: String,
    pub fail_on_warnings: Option<bool>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct ExportApiRequest {
    pub api_id: String,
    pub export_version: Option<String>,
    pub include_extensions: Option<bool>,
    pub output_type: String,
    pub specification: String,
    pub stage_name: Option<String>,
}

/// The Api as `create-api` prints it, with `ImportInfo` and `Warnings` in
/// the model's member order (each only when it has entries).
fn answer(api: &Api, plan: &Plan) -> Value {
    let Ok(Value::Object(fields)) = serde_json::to_value(api) else {
        return Value::Null;
    };
    let mut out = Map::new();
    for (k, v) in fields {
        if k == "IpAddressType" || k == "Name" {
            put_info(&mut out, plan);
        }
        out.insert(k, v);
    }
    put_info(&mut out, plan);
    if !plan.warnings.is_empty() {
        out.insert("Warnings".into(), serde_json::json!(plan.warnings));
    }
    Value::Object(out)
}

fn put_info(out: &mut Map<String, Value>, plan: &Plan) {
    if !plan.info.is_empty() && !out.contains_key("ImportInfo") {
        out.insert("ImportInfo".into(), serde_json::json!(plan.info));
    }
}

/// The plan of a document, refused when it has warnings and the caller
/// asked to fail on them.
fn plan_of(
    ws: &Workspace,
    body: &str,
    basepath: Option<&str>,
    fail: bool,
) -> Result<Plan, ApiError> {
    let mode = Basepath::parse(basepath)?;
    let vars = AwsVariables {
        account: ws.account(),
        region: ws.region(),
    };
    let plan = import::plan(body, mode, &vars)?;
    if fail && !plan.warnings.is_empty() {
        return Err(ApiError::bad_request(format!(
            "Warnings found during import:\n\t{}",
            plan.warnings.join("\n\t")
        )));
    }
    Ok(plan)
}

/// The refusal of a rule, saying where in the document the resource is.
fn at(e: ApiError, place: &str) -> ApiError {
    let say = |m: String| format!("{m} (at {place})");
    match e {
        ApiError::BadRequest(m) => ApiError::BadRequest(say(m)),
        ApiError::NotFound(m) => ApiError::NotFound(say(m)),
        ApiError::Conflict(m) => ApiError::Conflict(say(m)),
        ApiError::Named { code, message } => ApiError::Named {
            code,
            message: say(message),
        },
    }
}

/// Creates the plan's authorizers, integrations and routes in API `api_id`.
fn apply(ws: &mut Workspace, api_id: &str, plan: &Plan) -> Result<(), ApiError> {
    let mut authorizers = Vec::new();
    for a in &plan.authorizers {
        let mut request = a.request.clone();
        request.api_id = api_id.to_string();
        let made = super::create_authorizer(ws, request).map_err(|e| at(e, &a.at))?;
        authorizers.push((a.request.name.clone(), made.authorizer_id));
    }
    let mut integrations = Vec::new();
    for i in &plan.integrations {
        let mut request = i.request.clone();
        request.api_id = api_id.to_string();
        let made = super::create_integration(ws, request).map_err(|e| at(e, &i.at))?;
        integrations.push(made.integration_id);
    }
    for r in &plan.routes {
        let mut request = r.request.clone();
        request.api_id = api_id.to_string();
        request.target = r
            .integration
            .and_then(|n| integrations.get(n))
            .map(|id| format!("integrations/{id}"));
        request.authorizer_id = r.authorizer.as_ref().and_then(|name| {
            authorizers
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, id)| id.clone())
        });
        super::create_route(ws, request).map_err(|e| at(e, &r.at))?;
    }
    Ok(())
}

pub fn import_api(ws: &mut Workspace, req: ImportApiRequest) -> Result<Value, ApiError> {
    let plan = plan_of(
        ws,
        &req.body,
        req.basepath.as_deref(),
        req.fail_on_warnings.unwrap_or(false),
    )?;
    let name = plan.name.clone().ok_or_else(|| {
        ApiError::bad_request(
            "Unable to build importer with provided input. info.title is missing; it names the API",
        )
    })?;
    let api = super::create_api(
        ws,
        CreateApiRequest {
            name,
            protocol_type: "HTTP".into(),
            description: plan.description.clone(),
            version: plan.version.clone(),
            cors_configuration: plan.cors.clone(),
            disable_execute_api_endpoint: plan.disable_execute_api_endpoint,
            tags: (!plan.tags.is_empty()).then(|| plan.tags.clone()),
            ..Default::default()
        },
    )?;
    apply(ws, &api.api_id, &plan)?;
    Ok(answer(&api, &plan))
}

pub fn reimport_api(ws: &mut Workspace, req: ReimportApiRequest) -> Result<Value, ApiError> {
    let Some(existing) = ws.apis.get(&req.api_id).cloned() else {
        return Err(ApiError::not_found(
            "API",
            &format!("{}:{}", ws.account(), req.api_id),
        ));
    };
    if existing.protocol_type != crate::model::ProtocolType::Http {
        return Err(ApiError::bad_request(
            "OpenAPI import is supported only for HTTP APIs",
        ));
    }
    let plan = plan_of(
        ws,
        &req.body,
        req.basepath.as_deref(),
        req.fail_on_warnings.unwrap_or(false),
    )?;
    ws.routes.remove(&req.api_id);
    ws.integrations.remove(&req.api_id);
    ws.authorizers.remove(&req.api_id);
    let mut api = existing;
    if let Some(name) = &plan.name {
        api.name = name.clone();
    }
    api.description = plan.description.clone();
    api.version = plan.version.clone();
    api.cors_configuration = plan.cors.clone();
    if let Some(d) = plan.disable_execute_api_endpoint {
        api.disable_execute_api_endpoint = d;
    }
    api.tags.extend(plan.tags.clone());
    super::check_api(&api)?;
    ws.apis.insert(api.api_id.clone(), api.clone());
    apply(ws, &api.api_id, &plan)?;
    Ok(answer(&api, &plan))
}

/// ExportApi's answer: the document, as the blob payload `body`.
pub fn export_api(ws: &Workspace, req: ExportApiRequest) -> Result<Value, ApiError> {
    if req.specification != "OAS30" {
        return Err(ApiError::bad_request(format!(
            "Invalid specification: {}. Must be OAS30",
            req.specification
        )));
    }
    let yaml = match req.output_type.as_str() {
        "YAML" => true,
        "JSON" => false,
        other => {
            return Err(ApiError::bad_request(format!(
                "Invalid output type: {other}. Must be one of [JSON, YAML]"
            )));
        }
    };
    if let Some(v) = req.export_version.as_deref()
        && v != "1.0"
    {
        return Err(ApiError::bad_request(format!(
            "Invalid export version: {v}. Must be 1.0"
        )));
    }
    let api = super::get_api(ws, &req.api_id)?;
    let definition = match req.stage_name.as_deref() {
        None => ws.definition(&api.api_id),
        Some(stage) => {
            super::get_stage(ws, &api.api_id, stage)?;
            match ws.served(&api.api_id, stage) {
                Served::Nothing => {
                    return Err(ApiError::bad_request(format!(
                        "Stage {stage} has no deployment to export; deploy the API to it first"
                    )));
                }
                served => served.definition().cloned().unwrap_or_default(),
            }
        }
    };
    let doc = export::document(
        &api,
        &definition,
        &export::Options {
            extensions: req.include_extensions.unwrap_or(true),
            stage: req.stage_name.as_deref(),
        },
    );
    let text = export::render(&doc, yaml)
        .map_err(|e| ApiError::bad_request(format!("The API could not be written: {e}")))?;
    Ok(serde_json::json!({ "body": text }))
}
