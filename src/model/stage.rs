use super::StringMap;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Throttling and logging settings of a stage or one of its routes.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct RouteSettings {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data_trace_enabled: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detailed_metrics_enabled: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub logging_level: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub throttling_burst_limit: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub throttling_rate_limit: Option<f64>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct AccessLogSettings {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub destination_arn: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
}

/// A stage, as `GetStage` returns it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct Stage {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub access_log_settings: Option<AccessLogSettings>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub api_gateway_managed: Option<bool>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub auto_deploy: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_certificate_id: Option<String>,
    pub created_date: String,
    #[serde(default)]
    pub default_route_settings: RouteSettings,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deployment_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_deployment_status_message: Option<String>,
    pub last_updated_date: String,
    #[serde(default)]
    pub route_settings: BTreeMap<String, RouteSettings>,
    pub stage_name: String,
    #[serde(default)]
    pub stage_variables: StringMap,
    #[serde(default)]
    pub tags: StringMap,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct CreateStageRequest {
    pub access_log_settings: Option<AccessLogSettings>,
    pub api_id: String,
    pub auto_deploy: Option<bool>,
    pub client_certificate_id: Option<String>,
    pub default_route_settings: Option<RouteSettings>,
    pub deployment_id: Option<String>,
    pub description: Option<String>,
    pub route_settings: Option<BTreeMap<String, RouteSettings>>,
    pub stage_name: String,
    pub stage_variables: Option<StringMap>,
    pub tags: Option<StringMap>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct UpdateStageRequest {
    pub access_log_settings: Option<AccessLogSettings>,
    pub api_id: String,
    pub auto_deploy: Option<bool>,
    pub client_certificate_id: Option<String>,
    pub default_route_settings: Option<RouteSettings>,
    pub deployment_id: Option<String>,
    pub description: Option<String>,
    pub route_settings: Option<BTreeMap<String, RouteSettings>>,
    pub stage_name: String,
    pub stage_variables: Option<StringMap>,
}
