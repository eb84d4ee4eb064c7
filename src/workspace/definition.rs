//! What a stage serves of an API: its routes, integrations, authorizers and
//! CORS, as one value. A stage with `AutoDeploy` serves the API as it is
//! now; any other stage serves the snapshot its deployment took. The
//! gateway compiles one [`Definition`] per stage, and `export-api
//! --stage-name` writes the same one out, so both see what the stage sees.

use super::Workspace;
use crate::model::{Authorizer, Cors, Integration, Route};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The parts of an API that a deployment fixes, keyed by their ids.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Definition {
    #[serde(
        default,
        rename = "CorsConfiguration",
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

/// What one stage serves.
#[derive(Debug, Clone, PartialEq)]
pub enum Served {
    /// The API as it is now (an auto-deploy stage).
    Current(Definition),
    /// The snapshot of deployment `id`.
    Deployment { id: String, definition: Definition },
    /// Nothing: the stage has no deployment yet.
    Nothing,
}

impl Served {
    pub fn definition(&self) -> Option<&Definition> {
        match self {
            Served::Current(d) | Served::Deployment { definition: d, .. } => Some(d),
            Served::Nothing => None,
        }
    }
}

impl Workspace {
    /// The API `api_id` as it is now; empty when there is no such API.
    pub fn definition(&self, api_id: &str) -> Definition {
        fn of<T: Clone>(map: &super::PerApi<T>, api_id: &str) -> BTreeMap<String, T> {
            map.get(api_id).cloned().unwrap_or_default()
        }
        Definition {
            cors_configuration: self
                .apis
                .get(api_id)
                .and_then(|a| a.cors_configuration.clone()),
            routes: of(&self.routes, api_id),
            integrations: of(&self.integrations, api_id),
            authorizers: of(&self.authorizers, api_id),
        }
    }

    /// What stage `stage_name` of `api_id` serves. Until deployments are
    /// kept, every stage serves the API as it is now.
    pub fn served(&self, api_id: &str, stage_name: &str) -> Served {
        let _ = stage_name;
        Served::Current(self.definition(api_id))
    }
}
