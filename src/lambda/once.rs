//! `apigw lambda invoke`: one invocation of a workspace function, run by a
//! runtime host of its own that lives as long as the command, answered as
//! the Invoke API answers (`StatusCode`, `FunctionError`, `LogResult`, the
//! payload for OUTFILE). A function that fails, times out or crashes is
//! still a 200 with `FunctionError: Unhandled` and the service's error
//! document, as on AWS; only a missing function or a payload that is not
//! JSON is an error of the command.

use super::host::{Host, HostOptions};
use super::invoke::{InvokeContext, InvokeError, Invoker};
use crate::error::ApiError;
use crate::rules::function::invalid;
use crate::workspace::Workspace;
use base64::Engine as _;
use serde::Deserialize;
use serde_json::{Map, Value, json};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct InvokeRequest {
    pub function_name: String,
    pub invocation_type: Option<String>,
    pub log_type: Option<String>,
    pub client_context: Option<String>,
    /// Base64, as every blob of a JSON input.
    pub payload: Option<String>,
    pub qualifier: Option<String>,
}

/// The most of the log `LogResult` carries, as the service: the last 4 KB.
const LOG_TAIL: usize = 4096;

pub fn invoke_once(ws: &Workspace, r: InvokeRequest) -> Result<Value, ApiError> {
    let config = crate::ops::get_function_configuration(
        ws,
        crate::ops::GetFunctionRequest {
            function_name: r.function_name.clone(),
            qualifier: r.qualifier.clone(),
        },
    )?;
    let name = config["FunctionName"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let payload = match &r.payload {
        Some(b64) => base64::engine::general_purpose::STANDARD
            .decode(b64)
            .map_err(|_| invalid("Payload is not valid base64"))?,
        None => b"{}".to_vec(),
    };
    if let Err(e) = serde_json::from_slice::<serde::de::IgnoredAny>(&payload) {
        return Err(ApiError::named(
            "InvalidRequestContentException",
            format!(
                "Could not parse request body into json: Could not parse payload into json: {e}"
            ),
        ));
    }
    let kind = r.invocation_type.as_deref().unwrap_or("RequestResponse");
    if kind == "DryRun" {
        return Ok(json!({ "StatusCode": 204 }));
    }
    let path = ws
        .location
        .clone()
        .ok_or_else(|| invalid("the workspace's location is unknown"))?;
    let (specs, notes) = super::function::specs_of(ws, &path);
    let Some(spec) = specs.into_iter().find(|s| s.name == name) else {
        let why = notes
            .into_iter()
            .find(|n| n.contains(&name))
            .unwrap_or_else(|| format!("function {name} cannot run here"));
        return Err(ApiError::named("ServiceException", why));
    };
    let timeout = spec.timeout;
    let arn = spec.arn.clone();
    let lines = Arc::new(Mutex::new(Vec::<String>::new()));
    let sink = {
        let lines = lines.clone();
        Arc::new(move |m: &str| {
            let mut l = lines.lock().unwrap_or_else(|p| p.into_inner());
            l.push(m.to_string());
        })
    };
    let host = Host::start(HostOptions::new(Some(path), sink)).map_err(|e| {
        ApiError::named(
            "ServiceException",
            format!("cannot start the Lambda runtime host: {e}"),
        )
    })?;
    host.set_functions(vec![spec]);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| ApiError::named("ServiceException", format!("cannot start a runtime: {e}")))?;
    let request_id = super::new_uuid();
    let context = InvokeContext {
        request_id: request_id.clone(),
        // The function's own timeout ends it; this only bounds the start.
        deadline: Instant::now() + timeout + Duration::from_secs(10),
    };
    let started = Instant::now();
    let result = runtime.block_on(host.invoke(&arn, bytes::Bytes::from(payload), &context));
    let elapsed = started.elapsed();
    // Every line the function wrote is read before LogResult is made.
    host.stop(Duration::from_secs(2));
    let mut out = Map::new();
    let (status, body, function_error) = match result {
        Ok(invoked) => (200, invoked.payload.to_vec(), invoked.function_error),
        Err(InvokeError::NotFound(n)) => {
            return Err(ApiError::named(
                "ResourceNotFoundException",
                format!("Function not found: {n}"),
            ));
        }
        Err(InvokeError::Timeout(_)) => (
            200,
            json!({
                "errorType": "Sandbox.Timedout",
                "errorMessage": format!("RequestId: {request_id} Error: Task timed out after {:.2} seconds", timeout.as_secs_f64()),
            })
            .to_string()
            .into_bytes(),
            Some("Unhandled".to_string()),
        ),
        Err(InvokeError::Failed(why)) => (
            200,
            json!({
                "errorType": "Runtime.ExitError",
                "errorMessage": format!("RequestId: {request_id} Error: {why}"),
            })
            .to_string()
            .into_bytes(),
            Some("Unhandled".to_string()),
        ),
    };
    let status = if kind == "Event" { 202 } else { status };
    out.insert("StatusCode".into(), json!(status));
    if kind != "Event" {
        if let Some(e) = function_error {
            out.insert("FunctionError".into(), json!(e));
        }
        if r.log_type.as_deref() == Some("Tail") {
            let prefix = format!("lambda {name} {request_id}: ");
            let mut log = String::new();
            log.push_str(&format!("START RequestId: {request_id} Version: $LATEST\n"));
            for l in lines.lock().unwrap_or_else(|p| p.into_inner()).iter() {
                if let Some(line) = l.strip_prefix(&prefix) {
                    log.push_str(line);
                    log.push('\n');
                }
            }
            log.push_str(&format!("END RequestId: {request_id}\n"));
            log.push_str(&format!(
                "REPORT RequestId: {request_id}\tDuration: {:.2} ms\n",
                elapsed.as_secs_f64() * 1000.0
            ));
            let tail = &log.as_bytes()[log.len().saturating_sub(LOG_TAIL)..];
            out.insert(
                "LogResult".into(),
                json!(base64::engine::general_purpose::STANDARD.encode(tail)),
            );
        }
        out.insert(
            "Payload".into(),
            json!(String::from_utf8_lossy(&body).into_owned()),
        );
    } else {
        out.insert("Payload".into(), json!(""));
    }
    out.insert("ExecutedVersion".into(), json!("$LATEST"));
    Ok(Value::Object(out))
}
