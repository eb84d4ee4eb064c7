use super::StringMap;
use serde::{Deserialize, Serialize};

/// A custom domain name, as `GetDomainName` returns it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct DomainName {
    pub api_mapping_selection_expression: String,
    pub domain_name: String,
    pub domain_name_arn: String,
    pub domain_name_configurations: Vec<DomainNameConfiguration>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mutual_tls_authentication: Option<MutualTlsAuthentication>,
    pub routing_mode: String,
    #[serde(default)]
    pub tags: StringMap,
}

/// How the domain name is served: its certificate, endpoint and policy.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct DomainNameConfiguration {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_gateway_domain_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate_arn: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate_upload_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain_name_status: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub domain_name_status_message: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub endpoint_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hosted_zone_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ip_address_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub security_policy: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ownership_verification_certificate_arn: Option<String>,
}

/// Mutual TLS: the truststore client certificates are checked against.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct MutualTlsAuthentication {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub truststore_uri: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub truststore_version: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub truststore_warnings: Option<Vec<String>>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct MutualTlsAuthenticationInput {
    pub truststore_uri: Option<String>,
    pub truststore_version: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct CreateDomainNameRequest {
    pub domain_name: String,
    pub domain_name_configurations: Option<Vec<DomainNameConfiguration>>,
    pub mutual_tls_authentication: Option<MutualTlsAuthenticationInput>,
    pub routing_mode: Option<String>,
    pub tags: Option<StringMap>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct UpdateDomainNameRequest {
    pub domain_name: String,
    pub domain_name_configurations: Option<Vec<DomainNameConfiguration>>,
    pub mutual_tls_authentication: Option<MutualTlsAuthenticationInput>,
    pub routing_mode: Option<String>,
}

/// A mapping of a domain name's path key to a stage of an API.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct ApiMapping {
    pub api_id: String,
    pub api_mapping_id: String,
    /// Empty for the mapping that takes every path no other key takes.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub api_mapping_key: String,
    pub stage: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct CreateApiMappingRequest {
    pub api_id: String,
    pub api_mapping_key: Option<String>,
    pub domain_name: String,
    pub stage: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct UpdateApiMappingRequest {
    pub api_id: String,
    pub api_mapping_id: String,
    pub api_mapping_key: Option<String>,
    pub domain_name: String,
    pub stage: Option<String>,
}
