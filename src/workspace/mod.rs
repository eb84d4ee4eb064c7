//! The workspace store: where `apigw.toml` is found, how it is read and
//! checked, and how it is changed safely (an exclusive lock around
//! read-modify-write, atomic replacement on save).

pub mod codec;
mod file;
mod focus;
mod locate;
mod split;
mod target;

pub use file::{
    Scope, WorkspaceFile, create, load_path, load_scoped, parse, render, update, update_scoped,
};
pub use locate::{FILE_NAME, Located, Source, locate, notice_per_user};
#[doc(hidden)]
pub use split::{read_at as read_split_at, read_at_serially as read_split_at_serially};
pub(crate) use target::{check_regular, open_read};

use crate::model::{Api, Authorizer, Elbv2, Integration, Route, ServiceDiscovery, Stage, VpcLink};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The account a new workspace uses: the one in the AWS documentation's examples.
pub const DEFAULT_ACCOUNT: &str = "123456789012";
/// The region a new workspace uses when none is configured anywhere.
pub const DEFAULT_REGION: &str = "us-east-2";

/// Per-API children, keyed by API id then by the child's id.
pub type PerApi<T> = BTreeMap<String, BTreeMap<String, T>>;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// The AWS account that owns every resource of this workspace.
    pub account: String,
    /// The region used when neither `--region` nor the environment sets one.
    pub region: String,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            account: DEFAULT_ACCOUNT.to_string(),
            region: DEFAULT_REGION.to_string(),
        }
    }
}

/// Everything one workspace file holds. The field order is the file's order.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Workspace {
    #[serde(default)]
    pub workspace: Settings,
    #[serde(
        default,
        rename = "vpc-links",
        skip_serializing_if = "BTreeMap::is_empty"
    )]
    pub vpc_links: BTreeMap<String, VpcLink>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub apis: BTreeMap<String, Api>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub integrations: PerApi<Integration>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub routes: PerApi<Route>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub stages: PerApi<Stage>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub authorizers: PerApi<Authorizer>,
    /// Local stand-ins for load balancer listeners behind VPC links.
    #[serde(default, skip_serializing_if = "Elbv2::is_empty")]
    pub elbv2: Elbv2,
    /// Local stand-ins for Cloud Map services behind VPC links.
    #[serde(default, skip_serializing_if = "ServiceDiscovery::is_empty")]
    pub servicediscovery: ServiceDiscovery,
    /// The region this command runs in when `--region` or the environment
    /// names one; never saved.
    #[serde(skip)]
    pub region_override: Option<String>,
}

impl Workspace {
    /// The region of this command: `--region`/environment, else the file's.
    pub fn region(&self) -> &str {
        self.region_override
            .as_deref()
            .unwrap_or(&self.workspace.region)
    }

    pub fn account(&self) -> &str {
        &self.workspace.account
    }

    /// Checks what serde cannot: ids that agree with their keys, children of
    /// known APIs, settings of the right shape. Returns the first problem.
    pub fn check(&self) -> Result<(), String> {
        self.check_top()?;
        let integration = |api: &str, id: &str| {
            self.integrations
                .get(api)
                .is_some_and(|m| m.contains_key(id))
        };
        let authorizer = |api: &str, id: &str| {
            self.authorizers
                .get(api)
                .is_some_and(|m| m.contains_key(id))
        };
        self.check_children(&Known {
            apis: &self.apis,
            vpc_links: &self.vpc_links,
            integration: &integration,
            authorizer: &authorizer,
        })?;
        crate::model::check_backends(&self.elbv2, &self.servicediscovery)
    }

    /// The settings, and the VPC links and APIs under their own ids.
    fn check_top(&self) -> Result<(), String> {
        let s = &self.workspace;
        if s.account.len() != 12 || !s.account.bytes().all(|b| b.is_ascii_digit()) {
            return Err(format!(
                "[workspace] account must be 12 digits, found {:?}",
                s.account
            ));
        }
        if !crate::rules::arn::is_region(&s.region) {
            return Err(format!(
                "[workspace] region {:?} is not a region name such as us-east-2",
                s.region
            ));
        }
        for (id, link) in &self.vpc_links {
            same_id("vpc-links", id, &link.vpc_link_id, "VpcLinkId")?;
        }
        for (id, api) in &self.apis {
            same_id("apis", id, &api.api_id, "ApiId")?;
        }
        Ok(())
    }

    /// The per-API tables of this workspace, against what `known` holds:
    /// each child under its own id and of a known API, and references kept
    /// whole (a private integration's VPC link, a route's target integration
    /// and its authorizer must exist).
    pub(crate) fn check_children(&self, known: &Known<'_>) -> Result<(), String> {
        children(known.apis, "integrations", &self.integrations, |i| {
            (&i.integration_id, "IntegrationId")
        })?;
        children(known.apis, "routes", &self.routes, |r| {
            (&r.route_id, "RouteId")
        })?;
        children(known.apis, "stages", &self.stages, |s| {
            (&s.stage_name, "StageName")
        })?;
        children(known.apis, "authorizers", &self.authorizers, |a| {
            (&a.authorizer_id, "AuthorizerId")
        })?;
        for (api_id, items) in &self.integrations {
            for (id, i) in items {
                if let Some(link) = &i.connection_id
                    && i.connection_type == "VPC_LINK"
                    && !known.vpc_links.contains_key(link)
                {
                    return Err(format!(
                        "[integrations.{api_id}.{id}] uses VPC link {link}, which is not in [vpc-links]"
                    ));
                }
            }
        }
        for (api_id, routes) in &self.routes {
            for (id, r) in routes {
                if let Some(target) = &r.target {
                    let known = target
                        .strip_prefix("integrations/")
                        .is_some_and(|iid| (known.integration)(api_id, iid));
                    if !known {
                        return Err(format!(
                            "[routes.{api_id}.{id}] targets {target}, which is not an integration of API {api_id}"
                        ));
                    }
                }
                if let Some(auth) = &r.authorizer_id
                    && !(known.authorizer)(api_id, auth)
                {
                    return Err(format!(
                        "[routes.{api_id}.{id}] uses authorizer {auth}, which is not an authorizer of API {api_id}"
                    ));
                }
            }
        }
        Ok(())
    }
}

/// What the children of APIs may name: the APIs and VPC links of the
/// workspace, and a lookup of an API's integrations and authorizers by id.
pub(crate) struct Known<'k> {
    pub apis: &'k BTreeMap<String, Api>,
    pub vpc_links: &'k BTreeMap<String, VpcLink>,
    pub integration: &'k (dyn Fn(&str, &str) -> bool + Sync),
    pub authorizer: &'k (dyn Fn(&str, &str) -> bool + Sync),
}

fn same_id(section: &str, key: &str, id: &str, member: &str) -> Result<(), String> {
    if key == id {
        Ok(())
    } else {
        Err(format!(
            "[{section}.{key}] has {member} = {id:?}; the two must be the same"
        ))
    }
}

fn children<T>(
    apis: &BTreeMap<String, Api>,
    section: &str,
    map: &PerApi<T>,
    id_of: impl Fn(&T) -> (&String, &'static str),
) -> Result<(), String> {
    for (api_id, items) in map {
        if !apis.contains_key(api_id) {
            return Err(format!(
                "[{section}.{api_id}] belongs to API {api_id}, which is not in [apis]"
            ));
        }
        for (key, item) in items {
            let (id, member) = id_of(item);
            if key != id {
                same_id(&format!("{section}.{api_id}"), key, id, member)?;
            }
        }
    }
    Ok(())
}
