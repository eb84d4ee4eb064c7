//! GetInstance and GetOperation of the Cloud Map stand-in, for the SDKs and
//! Terraform, which read an instance back and wait on the operation that
//! RegisterInstance and DeregisterInstance return. Every operation is done
//! when its call returns, so an operation id apigw issued is always
//! `SUCCESS`; the id's second part starts with the kind (r or d), so no
//! operation log is kept in the workspace.

use super::backends::{instance_not_found, service_id, service_not_found};
use crate::error::ApiError;
use crate::model::StringMap;
use crate::workspace::Workspace;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OperationKind {
    Register,
    Deregister,
}

impl OperationKind {
    pub fn letter(self) -> char {
        match self {
            OperationKind::Register => 'r',
            OperationKind::Deregister => 'd',
        }
    }

    fn name(self) -> &'static str {
        match self {
            OperationKind::Register => "REGISTER_INSTANCE",
            OperationKind::Deregister => "DEREGISTER_INSTANCE",
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct GetInstanceRequest {
    pub service_id: String,
    pub instance_id: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct InstanceDetail {
    pub id: String,
    pub attributes: StringMap,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct GetInstanceResponse {
    pub instance: InstanceDetail,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct GetOperationRequest {
    pub operation_id: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct OperationDetail {
    pub id: String,
    #[serde(rename = "Type")]
    pub kind: String,
    pub status: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct GetOperationResponse {
    pub operation: OperationDetail,
}

pub fn get_instance(
    ws: &Workspace,
    req: GetInstanceRequest,
) -> Result<GetInstanceResponse, ApiError> {
    let id = service_id(&req.service_id)?;
    let instance = ws
        .servicediscovery
        .services
        .get(&id)
        .ok_or_else(|| service_not_found(&id))?
        .instances
        .get(&req.instance_id)
        .ok_or_else(|| instance_not_found(&id, &req.instance_id))?;
    Ok(GetInstanceResponse {
        instance: InstanceDetail {
            id: req.instance_id,
            attributes: instance.attributes.clone(),
        },
    })
}

/// The kind an operation id of apigw's shape names, if it has that shape.
fn kind_of(id: &str) -> Option<OperationKind> {
    let (a, b) = id.split_once('-')?;
    let ok = |s: &str| {
        s.bytes()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
    };
    if a.len() != 32 || b.len() != 8 || !ok(a) || !ok(b) {
        return None;
    }
    match b.as_bytes()[0] {
        b'r' => Some(OperationKind::Register),
        b'd' => Some(OperationKind::Deregister),
        _ => None,
    }
}

pub fn get_operation(
    _ws: &Workspace,
    req: GetOperationRequest,
) -> Result<GetOperationResponse, ApiError> {
    let kind = kind_of(&req.operation_id).ok_or_else(|| {
        ApiError::named(
            "OperationNotFound",
            format!(
                "Operation not found: {} is not an id RegisterInstance or DeregisterInstance returned",
                req.operation_id
            ),
        )
    })?;
    Ok(GetOperationResponse {
        operation: OperationDetail {
            id: req.operation_id,
            kind: kind.name().to_string(),
            status: "SUCCESS".to_string(),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operation_ids_say_their_kind() {
        assert_eq!(
            kind_of("abcdefghijklmnopqrstuvwxyz012345-r1234567"),
            Some(OperationKind::Register)
        );
        assert_eq!(
            kind_of("abcdefghijklmnopqrstuvwxyz012345-d1234567"),
            Some(OperationKind::Deregister)
        );
        assert_eq!(kind_of("abcdefghijklmnopqrstuvwxyz012345-x1234567"), None);
        assert_eq!(kind_of("nope"), None);
    }
}
