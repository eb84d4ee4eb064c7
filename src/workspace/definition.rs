//! What a stage serves of an API: its routes, integrations, authorizers and
//! CORS, as one value. A stage with `AutoDeploy` serves the API as it is
//! now; any other stage serves the snapshot its deployment took. The
//! gateway compiles one [`Definition`] per stage, and `export-api
//! --stage-name` writes the same one out, so both see what the stage sees.
//!
//! # Deployments in the file
//!
//! Each deployment is one table under its API and id, with the members
//! `GetDeployment` answers, and its snapshot below it in the shape of the
//! API's own tables (same member names, same ids, keys sorted):
//!
//! ```toml
//! [deployments.a1b2c3d4e5.k9x8w7]
//! AutoDeployed = false
//! CreatedDate = "2026-12-02T14:00:00+00:00"
//! DeploymentId = "k9x8w7"
//! DeploymentStatus = "DEPLOYED"
//! Description = "first"
//!
//! [deployments.a1b2c3d4e5.k9x8w7.routes.r1s2t3u]
//! RouteKey = "GET /pets"
//! Target = "integrations/i1j2k3l"
//! …
//! [deployments.a1b2c3d4e5.k9x8w7.integrations.i1j2k3l]
//! …
//! ```
//!
//! So a new deployment adds one block and a `git diff` of two deployments'
//! blocks shows what changed between them. An auto deployment holds no
//! snapshot while its stage still auto-deploys (the stage serves the API as
//! it is), so following every change costs a few lines, and only the latest
//! auto deployment of each stage is kept. When a stage stops
//! auto-deploying, its deployment takes the snapshot of that moment.
//!
//! A hand edit of a snapshot is held to the rules of the main tables, by
//! the same checks (see [`Workspace::check_deployments`]): ids that agree
//! with their keys, routes that target integrations and use authorizers of
//! the same snapshot, each resource by its rules; and a deployment that is
//! not automatic holds at least one route, as the service deploys none
//! without.

use super::{Known, PerApi, Problem, Refs, Workspace, check_routes, same_id};
use crate::model::{Authorizer, Cors, DeploymentRecord, Integration, Route};
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

impl Definition {
    /// The snapshot a deployment record holds.
    pub fn of_record(d: &DeploymentRecord) -> Definition {
        Definition {
            cors_configuration: d.cors_configuration.clone(),
            routes: d.routes.clone(),
            integrations: d.integrations.clone(),
            authorizers: d.authorizers.clone(),
        }
    }

    /// Writes this definition into a deployment record as its snapshot.
    pub fn into_record(self, d: &mut DeploymentRecord) {
        d.cors_configuration = self.cors_configuration;
        d.routes = self.routes;
        d.integrations = self.integrations;
        d.authorizers = self.authorizers;
    }
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

    /// The deployment `id` of `api_id`, when there is one.
    pub fn deployment(&self, api_id: &str, id: &str) -> Option<&DeploymentRecord> {
        self.deployments.get(api_id).and_then(|m| m.get(id))
    }

    /// What stage `stage_name` of `api_id` serves: the API as it is for an
    /// auto-deploy stage; the snapshot of its deployment for another; else
    /// nothing (no stage, no deployment, or a deployment that is gone).
    pub fn served(&self, api_id: &str, stage_name: &str) -> Served {
        let Some(stage) = self.stages.get(api_id).and_then(|m| m.get(stage_name)) else {
            return Served::Nothing;
        };
        if stage.auto_deploy {
            return Served::Current(self.definition(api_id));
        }
        let record = stage
            .deployment_id
            .as_deref()
            .and_then(|id| self.deployment(api_id, id));
        match record {
            // An auto deployment without a snapshot (written by hand, or a
            // stage whose AutoDeploy was turned off in the file) serves the
            // API as it is: that is what it was made of.
            Some(d) if !d.has_snapshot() && d.auto_deployed => Served::Deployment {
                id: d.deployment_id.clone(),
                definition: self.definition(api_id),
            },
            Some(d) => Served::Deployment {
                id: d.deployment_id.clone(),
                definition: Definition::of_record(d),
            },
            None => Served::Nothing,
        }
    }

    /// The deployments of APIs that `known` holds, and their snapshots by
    /// the rules of the main tables (the same checks, run on each snapshot
    /// as if it were its API's tables; a problem names the snapshot's
    /// table).
    pub(crate) fn check_deployments(&self, known: &Known<'_>) -> Result<(), Problem> {
        for (api_id, items) in &self.deployments {
            for (id, d) in items {
                let at = ["deployments", api_id.as_str(), id.as_str()];
                same_id(&at, &d.deployment_id, "DeploymentId")?;
                if d.deployment_status != crate::model::DEPLOYED {
                    return Err(Problem::at(
                        &at,
                        format!(
                            "has DeploymentStatus = {:?}; apigw deploys at once, so it is \"DEPLOYED\"",
                            d.deployment_status
                        ),
                    ));
                }
                if !d.auto_deployed && !d.has_snapshot() {
                    return Err(Problem::at(
                        &at,
                        "holds no routes; the service deploys no API without routes",
                    ));
                }
                if let Some(cors) = &d.cors_configuration {
                    crate::rules::cors::check(cors).map_err(|e| {
                        let mut t = at.to_vec();
                        t.push("CorsConfiguration");
                        Problem::refused(&t, &e)
                    })?;
                }
                check_snapshot(known, api_id, id, d)?;
            }
        }
        Ok(())
    }

    /// Each stage's `DeploymentId` names a deployment of its API (of the
    /// stages and deployments this workspace holds: a read of one API's
    /// part checks that API's; a stage whose deployment is gone otherwise
    /// serves nothing).
    pub(crate) fn check_stage_deployments(&self) -> Result<(), Problem> {
        for (api_id, stages) in &self.stages {
            for (name, s) in stages {
                if let Some(id) = &s.deployment_id
                    && self.deployment(api_id, id).is_none()
                {
                    return Err(Problem::at(
                        &["stages", api_id, name],
                        format!(
                            "has DeploymentId = {id:?}, which is not in [deployments.{api_id}]"
                        ),
                    ));
                }
            }
        }
        Ok(())
    }
}

/// One snapshot by the checks of the main tables: put in a workspace of its
/// own as API `api_id`'s tables, checked, and a problem's table renamed to
/// the snapshot's.
fn check_snapshot(
    known: &Known<'_>,
    api_id: &str,
    id: &str,
    d: &DeploymentRecord,
) -> Result<(), Problem> {
    if !d.has_snapshot() && d.integrations.is_empty() && d.authorizers.is_empty() {
        return Ok(());
    }
    fn one<T>(api_id: &str, m: BTreeMap<String, T>) -> PerApi<T> {
        BTreeMap::from([(api_id.to_string(), m)])
    }
    let ws = Workspace {
        integrations: one(api_id, d.integrations.clone()),
        authorizers: one(api_id, d.authorizers.clone()),
        ..Workspace::default()
    };
    let routes = one(api_id, d.routes.clone());
    let integration = |api: &str, iid: &str| api == api_id && d.integrations.contains_key(iid);
    let authorizer = |api: &str, aid: &str, kind: Option<&str>| {
        api == api_id
            && d.authorizers
                .get(aid)
                .is_some_and(|a| kind.is_none_or(|k| a.authorizer_type == k))
    };
    let refs = Refs {
        integration: &integration,
        authorizer: &authorizer,
    };
    ws.check_children(known)
        .and_then(|()| check_routes(known, &refs, &routes))
        .map_err(|p| rename(p, api_id, id))
}

/// `[routes.A.R] …` → `[deployments.A.D.routes.R] …`.
fn rename(p: Problem, api_id: &str, id: &str) -> Problem {
    let old = super::header(&p.table.iter().map(String::as_str).collect::<Vec<_>>());
    let mut table = vec![
        "deployments".to_string(),
        api_id.to_string(),
        id.to_string(),
    ];
    if let Some((section, rest)) = p.table.split_first() {
        table.push(section.clone());
        table.extend(rest.iter().skip(1).cloned());
    }
    let new = super::header(&table.iter().map(String::as_str).collect::<Vec<_>>());
    let message = match p.message.strip_prefix(&old) {
        Some(rest) => format!("{new}{rest}"),
        None => p.message,
    };
    Problem { table, message }
}
