//! The Lambda stand-in's operations on the workspace's `functions` table:
//! CreateFunction, GetFunction, GetFunctionConfiguration, ListFunctions,
//! UpdateFunctionCode, UpdateFunctionConfiguration, DeleteFunction and the
//! reserved concurrency calls. The only operations here that touch files
//! beside the workspace: a `--zip-file` package is unpacked into
//! `.apigw/lambda/` (see `lambda::code`), which needs the workspace's path.
//! Only `$LATEST` exists locally: a version or alias qualifier names it.

use super::{Paging, page};
use crate::error::ApiError;
use crate::lambda::code;
use crate::model::{Environment, Function, StringMap};
use crate::rules::function::{self as rules, invalid};
use crate::workspace::Workspace;
use serde::Deserialize;
use serde_json::{Map, Value, json};
use std::path::PathBuf;

/// The role a function gets when `--role` is not given (the aws CLI
/// requires it; locally no role is ever assumed).
pub const LOCAL_ROLE: &str = "apigw-local";

fn not_found(ws: &Workspace, name: &str, qualifier: Option<&str>) -> ApiError {
    let q = qualifier.map(|q| format!(":{q}")).unwrap_or_default();
    ApiError::named(
        "ResourceNotFoundException",
        format!(
            "Function not found: arn:aws:lambda:{}:{}:function:{name}{q}",
            ws.region(),
            ws.account()
        ),
    )
}

/// The function a `--function-name` (and `--qualifier`) names.
fn find<'w>(
    ws: &'w Workspace,
    given: &str,
    qualifier: Option<&str>,
) -> Result<&'w Function, ApiError> {
    let (name, q) = rules::function_name(given)?;
    let q = qualifier.map(str::to_string).or(q);
    let f = ws
        .functions
        .get(&name)
        .ok_or_else(|| not_found(ws, &name, None))?;
    match q.as_deref() {
        None | Some("$LATEST") => Ok(f),
        // No versions or aliases are published locally.
        Some(other) => Err(not_found(ws, &name, Some(other))),
    }
}

fn workspace_path(ws: &Workspace) -> Result<PathBuf, ApiError> {
    ws.location
        .clone()
        .ok_or_else(|| invalid("the workspace's location is unknown; cannot store function code"))
}

fn decode_zip(b64: &str) -> Result<Vec<u8>, ApiError> {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD
        .decode(b64)
        .map_err(|_| invalid("ZipFile is not valid base64"))
}

/// Where new code comes from: exactly one of a package and a folder.
fn code_from(
    ws: &Workspace,
    zip: Option<&str>,
    dir: Option<&str>,
) -> Result<(Option<String>, code::Stored), ApiError> {
    let path = workspace_path(ws)?;
    match (zip, dir) {
        (Some(_), Some(_)) => Err(invalid(
            "Give the function's code once: --zip-file or --code-directory, not both",
        )),
        (Some(z), None) => {
            let stored = code::store_package(&path, &decode_zip(z)?).map_err(invalid)?;
            Ok((None, stored))
        }
        (None, Some(d)) => {
            let (absolute, kept) = code::code_directory(&path, d).map_err(invalid)?;
            Ok((Some(kept), code::directory_digest(&absolute)))
        }
        (None, None) => Err(invalid(
            "Please provide a source for function code: --zip-file fileb://PACKAGE.zip, or apigw's \
             --code-directory FOLDER",
        )),
    }
}

fn last_modified() -> String {
    // The service's form: 2026-12-03T09:15:02.123+0000.
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    let base = super::format_timestamp(now.as_secs() as i64);
    format!("{}.{:03}+0000", &base[..19], now.subsec_millis())
}

fn revision_id() -> String {
    crate::lambda::new_uuid()
}

/// `FunctionConfiguration` as the service prints it.
pub fn configuration(f: &Function) -> Value {
    let mut m = Map::new();
    m.insert("FunctionName".into(), json!(f.function_name));
    m.insert("FunctionArn".into(), json!(f.function_arn));
    m.insert("Runtime".into(), json!(f.runtime));
    m.insert("Role".into(), json!(f.role));
    if let Some(h) = &f.handler {
        m.insert("Handler".into(), json!(h));
    }
    m.insert("CodeSize".into(), json!(f.code_size));
    m.insert("Description".into(), json!(f.description));
    m.insert("Timeout".into(), json!(f.timeout));
    m.insert("MemorySize".into(), json!(f.memory_size));
    m.insert("LastModified".into(), json!(f.last_modified));
    m.insert("CodeSha256".into(), json!(f.code_sha256));
    m.insert("Version".into(), json!("$LATEST"));
    if let Some(env) = &f.environment {
        m.insert("Environment".into(), json!({ "Variables": env.variables }));
    }
    m.insert("TracingConfig".into(), json!({ "Mode": "PassThrough" }));
    m.insert("RevisionId".into(), json!(f.revision_id));
    m.insert("State".into(), json!("Active"));
    m.insert("LastUpdateStatus".into(), json!("Successful"));
    m.insert("PackageType".into(), json!("Zip"));
    m.insert("Architectures".into(), json!(["x86_64"]));
    m.insert("EphemeralStorage".into(), json!({ "Size": 512 }));
    m.insert(
        "LoggingConfig".into(),
        json!({ "LogFormat": "Text", "LogGroup": format!("/aws/lambda/{}", f.function_name) }),
    );
    Value::Object(m)
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct CreateFunctionRequest {
    pub function_name: String,
    pub runtime: String,
    pub role: Option<String>,
    pub handler: Option<String>,
    pub description: Option<String>,
    pub timeout: Option<i64>,
    pub memory_size: Option<i64>,
    pub environment: Option<Environment>,
    pub zip_file: Option<String>,
    pub code_directory: Option<String>,
    pub publish: Option<bool>,
    pub package_type: Option<String>,
    pub architectures: Option<Vec<String>>,
    pub tags: Option<StringMap>,
}

pub fn create_function(ws: &mut Workspace, r: CreateFunctionRequest) -> Result<Value, ApiError> {
    let (name, qualifier) = rules::function_name(&r.function_name)?;
    if qualifier.is_some() {
        return Err(invalid("A function name to create takes no qualifier"));
    }
    if ws.functions.contains_key(&name) {
        return Err(ApiError::named(
            "ResourceConflictException",
            format!("Function already exist: {name}"),
        ));
    }
    if r.package_type.as_deref().is_some_and(|p| p != "Zip") {
        return Err(invalid(
            "Only PackageType Zip runs locally: container images are not supported by apigw",
        ));
    }
    if let Some(a) = r
        .architectures
        .iter()
        .flatten()
        .find(|a| *a != "x86_64" && *a != "arm64")
    {
        return Err(ApiError::named(
            "ValidationException",
            format!(
                "1 validation error detected: Value '[{a}]' at 'architectures' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [x86_64, arm64]]"
            ),
        ));
    }
    rules::check_runtime(&r.runtime)?;
    rules::check_handler(&r.runtime, r.handler.as_deref())?;
    let timeout = r
        .timeout
        .unwrap_or(crate::lambda::function::DEFAULT_TIMEOUT_S.into());
    rules::check_timeout(timeout)?;
    let memory = r
        .memory_size
        .unwrap_or(crate::lambda::function::DEFAULT_MEMORY_MB.into());
    rules::check_memory(memory)?;
    if let Some(env) = &r.environment {
        rules::check_environment(env)?;
    }
    let (code_directory, stored) =
        code_from(ws, r.zip_file.as_deref(), r.code_directory.as_deref())?;
    let f = Function {
        function_arn: format!(
            "arn:aws:lambda:{}:{}:function:{name}",
            ws.region(),
            ws.account()
        ),
        function_name: name.clone(),
        runtime: r.runtime,
        role: r
            .role
            .unwrap_or_else(|| format!("arn:aws:iam::{}:role/{LOCAL_ROLE}", ws.account())),
        handler: r.handler,
        description: r.description.unwrap_or_default(),
        timeout,
        memory_size: memory,
        environment: r.environment,
        code_directory,
        code_sha256: stored.code_sha256,
        code_size: stored.code_size,
        last_modified: last_modified(),
        revision_id: revision_id(),
        reserved_concurrent_executions: None,
        tags: r.tags.unwrap_or_default(),
    };
    let out = configuration(&f);
    ws.functions.insert(name, f);
    Ok(out)
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct GetFunctionRequest {
    pub function_name: String,
    pub qualifier: Option<String>,
}

pub fn get_function(ws: &Workspace, r: GetFunctionRequest) -> Result<Value, ApiError> {
    let f = find(ws, &r.function_name, r.qualifier.as_deref())?;
    let location = ws
        .location
        .as_deref()
        .and_then(|w| code::task_root(w, f).ok())
        .map(|(p, _)| p.display().to_string())
        .unwrap_or_default();
    let mut out = Map::new();
    out.insert("Configuration".into(), configuration(f));
    out.insert(
        "Code".into(),
        json!({ "RepositoryType": "apigw", "Location": location }),
    );
    if !f.tags.is_empty() {
        out.insert("Tags".into(), json!(f.tags));
    }
    if let Some(n) = f.reserved_concurrent_executions {
        out.insert(
            "Concurrency".into(),
            json!({ "ReservedConcurrentExecutions": n }),
        );
    }
    Ok(Value::Object(out))
}

pub fn get_function_configuration(
    ws: &Workspace,
    r: GetFunctionRequest,
) -> Result<Value, ApiError> {
    find(ws, &r.function_name, r.qualifier.as_deref()).map(configuration)
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct ListFunctionsRequest {
    pub function_version: Option<String>,
}

pub fn list_functions(
    ws: &Workspace,
    r: ListFunctionsRequest,
    paging: &Paging,
) -> Result<Value, ApiError> {
    if let Some(v) = r.function_version.as_deref()
        && v != "ALL"
    {
        return Err(ApiError::named(
            "ValidationException",
            format!(
                "1 validation error detected: Value '{v}' at 'functionVersion' failed to satisfy constraint: Member must satisfy enum value set: [ALL]"
            ),
        ));
    }
    let p = page(Some(&ws.functions), paging)?;
    let mut out = Map::new();
    out.insert(
        "Functions".into(),
        Value::Array(p.items.iter().map(configuration).collect()),
    );
    if let Some(t) = p.next_token {
        out.insert("NextToken".into(), json!(t));
    }
    Ok(Value::Object(out))
}

fn check_revision(f: &Function, given: Option<&str>) -> Result<(), ApiError> {
    match given {
        Some(r) if r != f.revision_id => Err(ApiError::named(
            "PreconditionFailedException",
            "The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id",
        )),
        _ => Ok(()),
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct UpdateFunctionCodeRequest {
    pub function_name: String,
    pub zip_file: Option<String>,
    pub code_directory: Option<String>,
    pub publish: Option<bool>,
    pub revision_id: Option<String>,
}

pub fn update_function_code(
    ws: &mut Workspace,
    r: UpdateFunctionCodeRequest,
) -> Result<Value, ApiError> {
    let name = find(ws, &r.function_name, None)?.function_name.clone();
    check_revision(&ws.functions[&name], r.revision_id.as_deref())?;
    let (code_directory, stored) =
        code_from(ws, r.zip_file.as_deref(), r.code_directory.as_deref())?;
    let f = ws
        .functions
        .get_mut(&name)
        .ok_or_else(|| invalid("function vanished"))?;
    f.code_directory = code_directory;
    f.code_sha256 = stored.code_sha256;
    f.code_size = stored.code_size;
    f.last_modified = last_modified();
    f.revision_id = revision_id();
    Ok(configuration(f))
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct UpdateFunctionConfigurationRequest {
    pub function_name: String,
    pub role: Option<String>,
    pub handler: Option<String>,
    pub description: Option<String>,
    pub timeout: Option<i64>,
    pub memory_size: Option<i64>,
    pub environment: Option<Environment>,
    pub runtime: Option<String>,
    pub revision_id: Option<String>,
}

pub fn update_function_configuration(
    ws: &mut Workspace,
    r: UpdateFunctionConfigurationRequest,
) -> Result<Value, ApiError> {
    let mut f = find(ws, &r.function_name, None)?.clone();
    check_revision(&f, r.revision_id.as_deref())?;
    if let Some(rt) = r.runtime {
        rules::check_runtime(&rt)?;
        f.runtime = rt;
    }
    if let Some(h) = r.handler {
        f.handler = Some(h);
    }
    rules::check_handler(&f.runtime, f.handler.as_deref())?;
    if let Some(t) = r.timeout {
        rules::check_timeout(t)?;
        f.timeout = t;
    }
    if let Some(m) = r.memory_size {
        rules::check_memory(m)?;
        f.memory_size = m;
    }
    if let Some(env) = r.environment {
        rules::check_environment(&env)?;
        f.environment = Some(env);
    }
    if let Some(role) = r.role {
        f.role = role;
    }
    if let Some(d) = r.description {
        f.description = d;
    }
    f.last_modified = last_modified();
    f.revision_id = revision_id();
    let out = configuration(&f);
    ws.functions.insert(f.function_name.clone(), f);
    Ok(out)
}

pub fn delete_function(ws: &mut Workspace, r: GetFunctionRequest) -> Result<(), ApiError> {
    let name = find(ws, &r.function_name, r.qualifier.as_deref())?
        .function_name
        .clone();
    ws.functions.remove(&name);
    Ok(())
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct PutFunctionConcurrencyRequest {
    pub function_name: String,
    pub reserved_concurrent_executions: i64,
}

pub fn put_function_concurrency(
    ws: &mut Workspace,
    r: PutFunctionConcurrencyRequest,
) -> Result<Value, ApiError> {
    let name = find(ws, &r.function_name, None)?.function_name.clone();
    rules::check_reserved(r.reserved_concurrent_executions)?;
    if let Some(f) = ws.functions.get_mut(&name) {
        f.reserved_concurrent_executions = Some(r.reserved_concurrent_executions);
    }
    Ok(json!({ "ReservedConcurrentExecutions": r.reserved_concurrent_executions }))
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct FunctionNameRequest {
    pub function_name: String,
}

pub fn get_function_concurrency(ws: &Workspace, r: FunctionNameRequest) -> Result<Value, ApiError> {
    let f = find(ws, &r.function_name, None)?;
    Ok(match f.reserved_concurrent_executions {
        Some(n) => json!({ "ReservedConcurrentExecutions": n }),
        None => json!({}),
    })
}

pub fn delete_function_concurrency(
    ws: &mut Workspace,
    r: FunctionNameRequest,
) -> Result<(), ApiError> {
    let name = find(ws, &r.function_name, None)?.function_name.clone();
    if let Some(f) = ws.functions.get_mut(&name) {
        f.reserved_concurrent_executions = None;
    }
    Ok(())
}

/// A stored function by the rules create-function applies.
pub fn check_function(f: &Function) -> Result<(), ApiError> {
    rules::check(f)
}
