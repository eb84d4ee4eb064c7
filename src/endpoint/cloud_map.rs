//! servicediscovery's JSON protocol for the Cloud Map stand-in: `POST` with
//! `X-Amz-Target: Route53AutoNaming_v20170314.<Operation>` and a PascalCase
//! JSON body, which is already the input object the core takes; errors are
//! `{"__type": …, "message": …}`.

use super::Call;
use crate::error::WireError;
use crate::ops::Paging;
use crate::service::standins::SERVICEDISCOVERY;
use serde_json::{Map, Value};

/// The target prefix of servicediscovery's operations.
pub const TARGET_PREFIX: &str = "Route53AutoNaming_v20170314.";

/// Turns a JSON-protocol request into the call it asks for.
pub fn call(target: &str, body: &[u8]) -> Result<Call, WireError> {
    let op = target
        .strip_prefix(TARGET_PREFIX)
        .and_then(|name| SERVICEDISCOVERY.iter().find(|op| op.name == name))
        .ok_or_else(|| {
            WireError::new(
                400,
                "UnknownOperationException",
                format!(
                    "{target} is not an operation of the Cloud Map stand-in; it serves {}",
                    SERVICEDISCOVERY
                        .iter()
                        .map(|op| op.name)
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            )
        })?;
    let input = if body.iter().all(u8::is_ascii_whitespace) {
        Map::new()
    } else {
        match super::parse_body(body) {
            Ok(Value::Object(o)) => o,
            Ok(_) => return Err(invalid("The request body must be a JSON object")),
            Err(e) => return Err(invalid(e)),
        }
    };
    Ok(Call {
        operation: op.name,
        input,
        paging: Paging::default(),
        status: 200,
        output: op.output,
    })
}

/// servicediscovery's name for a malformed request.
fn invalid(message: impl Into<String>) -> WireError {
    WireError::new(400, "InvalidInput", message)
}

/// The body of a successful answer (`{}` when the operation returns nothing).
pub fn answer(value: Option<Value>) -> Value {
    value.unwrap_or_else(|| Value::Object(Map::new()))
}
