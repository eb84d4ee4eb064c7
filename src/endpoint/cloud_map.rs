//! The JSON protocol of the stand-ins: servicediscovery's for Cloud Map
//! (`X-Amz-Target: Route53AutoNaming_v20170314.<Operation>`) and ACM's
//! (`CertificateManager.<Operation>`), `POST` with a PascalCase JSON body,
//! which is already the input object the core takes (ACM's blob members,
//! base64 on the wire, are decoded to the PEM text they carry); errors are
//! `{"__type": …, "message": …}`.

use super::Call;
use crate::error::WireError;
use crate::ops::Paging;
use crate::service::spec::ModelOperation;
use crate::service::standins::{ACM, SERVICEDISCOVERY};
use serde_json::{Map, Value};

/// The target prefix of servicediscovery's operations.
pub const TARGET_PREFIX: &str = "Route53AutoNaming_v20170314.";
/// The target prefix of ACM's operations.
pub const ACM_PREFIX: &str = "CertificateManager.";
/// ImportCertificate's blob members.
const ACM_BLOBS: [&str; 3] = ["Certificate", "PrivateKey", "CertificateChain"];

/// Turns a JSON-protocol request into the call it asks for.
pub fn call(target: &str, body: &[u8]) -> Result<Call, WireError> {
    let (ops, what): (&[ModelOperation], &str) = if target.starts_with(ACM_PREFIX) {
        (ACM, "the ACM stand-in")
    } else {
        (SERVICEDISCOVERY, "the Cloud Map stand-in")
    };
    let op = target
        .strip_prefix(TARGET_PREFIX)
        .or_else(|| target.strip_prefix(ACM_PREFIX))
        .and_then(|name| ops.iter().find(|op| op.name == name))
        .ok_or_else(|| {
            WireError::new(
                400,
                "UnknownOperationException",
                format!(
                    "{target} is not an operation of {what}; it serves {}",
                    ops.iter().map(|op| op.name).collect::<Vec<_>>().join(", ")
                ),
            )
        })?;
    let mut input = if body.iter().all(u8::is_ascii_whitespace) {
        Map::new()
    } else {
        match super::parse_body(body) {
            Ok(Value::Object(o)) => o,
            Ok(_) => return Err(invalid("The request body must be a JSON object")),
            Err(e) => return Err(invalid(e)),
        }
    };
    if op.name == "ImportCertificate" {
        for member in ACM_BLOBS {
            if let Some(Value::String(b64)) = input.get_mut(member) {
                *b64 = decode_blob(member, b64)?;
            }
        }
    }
    Ok(Call {
        operation: op.name,
        input,
        paging: Paging::default(),
        status: 200,
        output: op.output,
    })
}

/// A blob member's text: base64 of PEM, as SDKs send `fileb://` contents.
fn decode_blob(member: &str, b64: &str) -> Result<String, WireError> {
    use base64::Engine;
    let bad = || {
        WireError::new(
            400,
            "ValidationException",
            format!("{member} must be the base64 of a PEM text"),
        )
    };
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(b64.trim())
        .map_err(|_| bad())?;
    String::from_utf8(bytes).map_err(|_| bad())
}

/// servicediscovery's name for a malformed request.
fn invalid(message: impl Into<String>) -> WireError {
    WireError::new(400, "InvalidInput", message)
}

/// The body of a successful answer (`{}` when the operation returns nothing).
pub fn answer(value: Option<Value>) -> Value {
    value.unwrap_or_else(|| Value::Object(Map::new()))
}
