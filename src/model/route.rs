use super::StringMap;
use serde::{Deserialize, Serialize};

/// A route, as `GetRoute` returns it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct Route {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub api_gateway_managed: Option<bool>,
    pub api_key_required: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub authorization_scopes: Option<Vec<String>>,
    pub authorization_type: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub authorizer_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub model_selection_expression: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub operation_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_models: Option<StringMap>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_parameters: Option<serde_json::Map<String, serde_json::Value>>,
    pub route_id: String,
    pub route_key: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub route_response_selection_expression: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct CreateRouteRequest {
    pub api_id: String,
    pub api_key_required: Option<bool>,
    pub authorization_scopes: Option<Vec<String>>,
    pub authorization_type: Option<String>,
    pub authorizer_id: Option<String>,
    pub model_selection_expression: Option<String>,
    pub operation_name: Option<String>,
    pub request_models: Option<StringMap>,
    pub request_parameters: Option<serde_json::Map<String, serde_json::Value>>,
    pub route_key: String,
    pub route_response_selection_expression: Option<String>,
    pub target: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct UpdateRouteRequest {
    pub api_id: String,
    pub api_key_required: Option<bool>,
    pub authorization_scopes: Option<Vec<String>>,
    pub authorization_type: Option<String>,
    pub authorizer_id: Option<String>,
    pub model_selection_expression: Option<String>,
    pub operation_name: Option<String>,
    pub request_models: Option<StringMap>,
    pub request_parameters: Option<serde_json::Map<String, serde_json::Value>>,
    pub route_id: String,
    pub route_key: Option<String>,
    pub route_response_selection_expression: Option<String>,
    pub target: Option<String>,
}
