use super::{ProtocolType, StringMap};
use serde::{Deserialize, Serialize};

/// CORS settings of an HTTP API (`Cors` in the model).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct Cors {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allow_credentials: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allow_headers: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allow_methods: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allow_origins: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expose_headers: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_age: Option<i64>,
}

/// An API, as `GetApi` returns it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct Api {
    pub api_endpoint: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub api_gateway_managed: Option<bool>,
    pub api_id: String,
    pub api_key_selection_expression: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cors_configuration: Option<Cors>,
    pub created_date: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub disable_schema_validation: Option<bool>,
    pub disable_execute_api_endpoint: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ip_address_type: Option<String>,
    pub name: String,
    pub protocol_type: ProtocolType,
    pub route_selection_expression: String,
    #[serde(default, skip_serializing_if = "StringMap::is_empty")]
    pub tags: StringMap,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct CreateApiRequest {
    pub api_key_selection_expression: Option<String>,
    pub cors_configuration: Option<Cors>,
    pub credentials_arn: Option<String>,
    pub description: Option<String>,
    pub disable_schema_validation: Option<bool>,
    pub disable_execute_api_endpoint: Option<bool>,
    pub ip_address_type: Option<String>,
    pub name: String,
    pub protocol_type: String,
    pub route_key: Option<String>,
    pub route_selection_expression: Option<String>,
    pub tags: Option<StringMap>,
    pub target: Option<String>,
    pub version: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct UpdateApiRequest {
    pub api_id: String,
    pub api_key_selection_expression: Option<String>,
    pub cors_configuration: Option<Cors>,
    pub credentials_arn: Option<String>,
    pub description: Option<String>,
    pub disable_schema_validation: Option<bool>,
    pub disable_execute_api_endpoint: Option<bool>,
    pub ip_address_type: Option<String>,
    pub name: Option<String>,
    pub route_key: Option<String>,
    pub route_selection_expression: Option<String>,
    pub target: Option<String>,
    pub version: Option<String>,
}
