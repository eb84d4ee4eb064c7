//! Deployments: the answer shape of `GetDeployment`, the requests, and the
//! record the workspace keeps, which adds the snapshot the deployment took
//! (see `workspace::definition` for the file layout and what a stage serves).

use super::{Authorizer, Cors, Integration, Route};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// `DeploymentStatus` of every deployment apigw makes: it deploys at once.
pub const DEPLOYED: &str = "DEPLOYED";

/// A deployment, as `GetDeployment` returns it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Deployment {
    pub auto_deployed: bool,
    pub created_date: String,
    pub deployment_id: String,
    pub deployment_status: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deployment_status_message: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// A deployment as the workspace keeps it: the members `GetDeployment`
/// answers, then the routes, integrations, authorizers and CORS of the API
/// when it was made, under the same names and ids as the API's own tables.
/// An auto deployment of a stage that still auto-deploys holds no snapshot
/// (`routes` empty): the stage serves the API as it is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeploymentRecord {
    #[serde(rename = "AutoDeployed", default)]
    pub auto_deployed: bool,
    #[serde(rename = "CreatedDate")]
    pub created_date: String,
    #[serde(rename = "DeploymentId")]
    pub deployment_id: String,
    #[serde(rename = "DeploymentStatus")]
    pub deployment_status: String,
    #[serde(
        rename = "DeploymentStatusMessage",
        skip_serializing_if = "Option::is_none"
    )]
    pub deployment_status_message: Option<String>,
    #[serde(rename = "Description", skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(
        rename = "CorsConfiguration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub cors_configuration: Option<Cors>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub routes: BTreeMap<String, Route>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub integrations: BTreeMap<String, Integration>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub authorizers: BTreeMap<String, Authorizer>,
}

impl DeploymentRecord {
    /// What `GetDeployment` answers for it.
    pub fn deployment(&self) -> Deployment {
        Deployment {
            auto_deployed: self.auto_deployed,
            created_date: self.created_date.clone(),
            deployment_id: self.deployment_id.clone(),
            deployment_status: self.deployment_status.clone(),
            deployment_status_message: self.deployment_status_message.clone(),
            description: self.description.clone(),
        }
    }

    /// Whether it holds a snapshot (every deployment of routes does; an
    /// auto deployment of a stage that still follows the API does not).
    pub fn has_snapshot(&self) -> bool {
        !self.routes.is_empty()
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct CreateDeploymentRequest {
    pub api_id: String,
    pub description: Option<String>,
    pub stage_name: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct UpdateDeploymentRequest {
    pub api_id: String,
    pub deployment_id: String,
    pub description: Option<String>,
}
