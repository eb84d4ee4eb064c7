use super::StringMap;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// `ResponseParameters`: status code → (mapping key → value).
pub type ResponseParameters = BTreeMap<String, StringMap>;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct TlsConfig {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub server_name_to_verify: Option<String>,
}

/// An integration, as `GetIntegration` returns it (members in the model's order).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct Integration {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub api_gateway_managed: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub connection_id: Option<String>,
    pub connection_type: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content_handling_strategy: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credentials_arn: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    pub integration_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub integration_method: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub integration_response_selection_expression: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub integration_subtype: Option<String>,
    pub integration_type: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub integration_uri: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub passthrough_behavior: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payload_format_version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_parameters: Option<StringMap>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_templates: Option<StringMap>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub response_parameters: Option<ResponseParameters>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub template_selection_expression: Option<String>,
    pub timeout_in_millis: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tls_config: Option<TlsConfig>,
}

impl Integration {
    pub fn is_private(&self) -> bool {
        self.connection_type == "VPC_LINK"
    }
}

/// `CreateIntegration` input. Also the shape of `UpdateIntegration`'s changes.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct CreateIntegrationRequest {
    pub api_id: String,
    pub connection_id: Option<String>,
    pub connection_type: Option<String>,
    pub content_handling_strategy: Option<String>,
    pub credentials_arn: Option<String>,
    pub description: Option<String>,
    pub integration_method: Option<String>,
    pub integration_subtype: Option<String>,
    pub integration_type: String,
    pub integration_uri: Option<String>,
    pub passthrough_behavior: Option<String>,
    pub payload_format_version: Option<String>,
    pub request_parameters: Option<StringMap>,
    pub request_templates: Option<StringMap>,
    pub response_parameters: Option<ResponseParameters>,
    pub template_selection_expression: Option<String>,
    pub timeout_in_millis: Option<i64>,
    pub tls_config: Option<TlsConfig>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct UpdateIntegrationRequest {
    pub api_id: String,
    pub connection_id: Option<String>,
    pub connection_type: Option<String>,
    pub content_handling_strategy: Option<String>,
    pub credentials_arn: Option<String>,
    pub description: Option<String>,
    pub integration_id: String,
    pub integration_method: Option<String>,
    pub integration_subtype: Option<String>,
    pub integration_type: Option<String>,
    pub integration_uri: Option<String>,
    pub passthrough_behavior: Option<String>,
    pub payload_format_version: Option<String>,
    pub request_parameters: Option<StringMap>,
    pub request_templates: Option<StringMap>,
    pub response_parameters: Option<ResponseParameters>,
    pub template_selection_expression: Option<String>,
    pub timeout_in_millis: Option<i64>,
    pub tls_config: Option<TlsConfig>,
}
