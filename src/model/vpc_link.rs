use super::StringMap;
use serde::{Deserialize, Serialize};

/// A VPC link (V2), as `GetVpcLink` returns it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct VpcLink {
    pub created_date: String,
    pub name: String,
    #[serde(default)]
    pub security_group_ids: Vec<String>,
    pub subnet_ids: Vec<String>,
    #[serde(default)]
    pub tags: StringMap,
    pub vpc_link_id: String,
    pub vpc_link_status: String,
    pub vpc_link_status_message: String,
    pub vpc_link_version: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct CreateVpcLinkRequest {
    pub name: String,
    pub security_group_ids: Option<Vec<String>>,
    pub subnet_ids: Vec<String>,
    pub tags: Option<StringMap>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct UpdateVpcLinkRequest {
    pub name: Option<String>,
    pub vpc_link_id: String,
}
