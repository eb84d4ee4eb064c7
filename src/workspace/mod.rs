//! The workspace store: where `apigw.toml` is found, how it is read and
//! checked, and how it is changed safely (an exclusive lock around
//! read-modify-write, atomic replacement on save).

pub mod codec;
mod definition;
mod file;
mod focus;
mod locate;
mod split;
mod tables;
mod target;

pub use definition::{Definition, Served};
pub use file::{
    Scope, WorkspaceFile, create, load_path, load_scoped, parse, render, update, update_scoped,
};
pub use locate::{FILE_NAME, Located, Source, locate, notice_per_user};
#[doc(hidden)]
pub use split::{read_at as read_split_at, read_at_serially as read_split_at_serially};
pub(crate) use target::{check_regular, open_read};

use crate::error::ApiError;
use crate::model::{
    Api, ApiMapping, Authorizer, DeploymentRecord, DomainName, Elbv2, Function, Integration, Route,
    ServiceDiscovery, Stage, VpcLink,
};
use crate::ops::{self, quota};
use crate::rules::integration;
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
    /// Deployments with their snapshots (see `definition`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub deployments: PerApi<DeploymentRecord>,
    /// Custom domain names, by name.
    #[serde(
        default,
        rename = "domain-names",
        skip_serializing_if = "BTreeMap::is_empty"
    )]
    pub domain_names: BTreeMap<String, DomainName>,
    /// API mappings, by domain name then mapping id.
    #[serde(
        default,
        rename = "api-mappings",
        skip_serializing_if = "BTreeMap::is_empty"
    )]
    pub api_mappings: BTreeMap<String, BTreeMap<String, ApiMapping>>,
    /// Local stand-ins for load balancer listeners behind VPC links.
    #[serde(default, skip_serializing_if = "Elbv2::is_empty")]
    pub elbv2: Elbv2,
    /// Local stand-ins for Cloud Map services behind VPC links.
    #[serde(default, skip_serializing_if = "ServiceDiscovery::is_empty")]
    pub servicediscovery: ServiceDiscovery,
    /// Local stand-ins for the Lambda functions that integrations and
    /// authorizers name, by function name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub functions: BTreeMap<String, Function>,
    /// The region this command runs in when `--region` or the environment
    /// names one; never saved.
    #[serde(skip)]
    pub region_override: Option<String>,
    /// The file this was read from, when a command says; never saved.
    /// `describe-target-health` uses it to find a running `serve`'s view.
    #[serde(skip)]
    pub location: Option<std::path::PathBuf>,
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
    /// known APIs, settings of the right shape, references kept whole, and
    /// every rule the operations apply to what they store (the same
    /// functions: a hand edit is held to what `create-*`/`update-*` would
    /// have accepted). Returns the first problem.
    pub fn check(&self) -> Result<(), Problem> {
        self.check_top()?;
        let known = Known {
            settings: &self.workspace,
            apis: &self.apis,
            vpc_links: &self.vpc_links,
        };
        self.check_children(&known)?;
        let integration = |api: &str, id: &str| {
            self.integrations
                .get(api)
                .is_some_and(|m| m.contains_key(id))
        };
        let authorizer = |api: &str, id: &str, kind: Option<&str>| {
            self.authorizers
                .get(api)
                .and_then(|m| m.get(id))
                .is_some_and(|a| kind.is_none_or(|k| a.authorizer_type == k))
        };
        check_routes(
            &known,
            &Refs {
                integration: &integration,
                authorizer: &authorizer,
            },
            &self.routes,
        )?;
        self.check_stage_deployments()?;
        crate::model::check_backends(&self.elbv2, &self.servicediscovery).map_err(|m| {
            let top = if m.starts_with("[servicediscovery") {
                "servicediscovery"
            } else {
                "elbv2"
            };
            Problem {
                table: vec![top.to_string()],
                message: m,
            }
        })
    }

    /// The settings, and the VPC links and APIs under their own ids and
    /// by their rules.
    fn check_top(&self) -> Result<(), Problem> {
        let s = &self.workspace;
        if s.account.len() != 12 || !s.account.bytes().all(|b| b.is_ascii_digit()) {
            return Err(Problem::at(
                &["workspace"],
                format!("account must be 12 digits, found {:?}", s.account),
            ));
        }
        if !crate::rules::arn::is_region(&s.region) {
            return Err(Problem::at(
                &["workspace"],
                format!(
                    "region {:?} is not a region name such as us-east-2",
                    s.region
                ),
            ));
        }
        quota(
            &["vpc-links"],
            self.vpc_links.len(),
            quota::VPC_LINKS_PER_REGION,
        )?;
        for (id, link) in &self.vpc_links {
            same_id(&["vpc-links", id], &link.vpc_link_id, "VpcLinkId")?;
            ops::check_vpc_link(link).map_err(|e| Problem::refused(&["vpc-links", id], &e))?;
        }
        quota(&["apis"], self.apis.len(), quota::APIS_PER_REGION)?;
        for (id, api) in &self.apis {
            same_id(&["apis", id], &api.api_id, "ApiId")?;
            ops::check_api(api).map_err(|e| Problem::refused(&["apis", id], &e))?;
        }
        self.check_domains()?;
        for (name, f) in &self.functions {
            same_id(&["functions", name], &f.function_name, "FunctionName")?;
            ops::check_function(f).map_err(|e| Problem::refused(&["functions", name], &e))?;
        }
        Ok(())
    }

    /// The domain names by their rules, and their mappings: of a known
    /// domain name and API, with keys the service takes, one per key. (A
    /// mapping's stage is not checked here, as a read of one API's part
    /// does not hold the others' stages; `serve` notes one that is gone.)
    fn check_domains(&self) -> Result<(), Problem> {
        quota(
            &["domain-names"],
            self.domain_names.len(),
            ops::DOMAIN_NAMES_PER_REGION,
        )?;
        for (name, d) in &self.domain_names {
            same_id(&["domain-names", name], &d.domain_name, "DomainName")?;
            crate::rules::domain::check(d)
                .map_err(|e| Problem::refused(&["domain-names", name], &e))?;
        }
        for (name, mappings) in &self.api_mappings {
            if !self.domain_names.contains_key(name) {
                return Err(Problem::at(
                    &["api-mappings", name],
                    format!("belongs to domain name {name}, which is not in [domain-names]"),
                ));
            }
            quota(
                &["api-mappings", name],
                mappings.len(),
                ops::MAPPINGS_PER_DOMAIN,
            )?;
            for (id, m) in mappings {
                let at = ["api-mappings", name.as_str(), id.as_str()];
                same_id(&at, &m.api_mapping_id, "ApiMappingId")?;
                if !self.apis.contains_key(&m.api_id) {
                    return Err(Problem::at(
                        &at,
                        format!("maps to API {}, which is not in [apis]", m.api_id),
                    ));
                }
                crate::rules::domain::check_mapping(m, mappings.values())
                    .map_err(|e| Problem::refused(&at, &e))?;
            }
        }
        Ok(())
    }

    /// The per-API tables of this workspace but the routes (see
    /// [`check_routes`]), against what `known` holds: each child under its
    /// own id and of a known API, a private integration's VPC link there,
    /// and each child by the rules of its kind and its API's protocol.
    pub(crate) fn check_children(&self, known: &Known<'_>) -> Result<(), Problem> {
        children(
            known.apis,
            "integrations",
            &self.integrations,
            quota::INTEGRATIONS_PER_API,
            |i| (&i.integration_id, "IntegrationId"),
        )?;
        children(
            known.apis,
            "routes",
            &self.routes,
            quota::ROUTES_PER_API,
            |r| (&r.route_id, "RouteId"),
        )?;
        children(
            known.apis,
            "stages",
            &self.stages,
            quota::STAGES_PER_API,
            |s| (&s.stage_name, "StageName"),
        )?;
        children(
            known.apis,
            "authorizers",
            &self.authorizers,
            quota::AUTHORIZERS_PER_API,
            |a| (&a.authorizer_id, "AuthorizerId"),
        )?;
        let links = known.vpc_links;
        let link_exists = |id: &str| links.contains_key(id);
        for (api_id, items) in &self.integrations {
            let api = &known.apis[api_id];
            let ctx = integration::Context {
                protocol: api.protocol_type,
                account: &known.settings.account,
                region: api_region(api).unwrap_or(&known.settings.region),
                vpc_link_exists: &link_exists,
            };
            for (id, i) in items {
                if let Some(link) = &i.connection_id
                    && i.connection_type == "VPC_LINK"
                    && !links.contains_key(link)
                {
                    return Err(Problem::at(
                        &["integrations", api_id, id],
                        format!("uses VPC link {link}, which is not in [vpc-links]"),
                    ));
                }
                integration::check(i, &ctx)
                    .map_err(|e| Problem::refused(&["integrations", api_id, id], &e))?;
            }
        }
        for (api_id, items) in &self.stages {
            for (name, stage) in items {
                ops::check_stage(stage)
                    .map_err(|e| Problem::refused(&["stages", api_id, name], &e))?;
            }
        }
        for (api_id, items) in &self.authorizers {
            let protocol = known.apis[api_id].protocol_type;
            for (id, a) in items {
                ops::check_authorizer(protocol, a)
                    .map_err(|e| Problem::refused(&["authorizers", api_id, id], &e))?;
            }
        }
        children(
            known.apis,
            "deployments",
            &self.deployments,
            usize::MAX,
            |d| (&d.deployment_id, "DeploymentId"),
        )?;
        self.check_deployments(known)
    }
}

/// The region of an API: the one in its endpoint (where it was created),
/// `None` when the endpoint does not say.
fn api_region(api: &Api) -> Option<&str> {
    let host = api
        .api_endpoint
        .split_once("://")
        .map_or("", |(_, rest)| rest);
    let mut parts = host.split('.');
    let (_, service, region) = (parts.next()?, parts.next()?, parts.next()?);
    (service == "execute-api" && crate::rules::arn::is_region(region)).then_some(region)
}

/// The routes of APIs that `known` holds, each by the route rules with its
/// target and authorizer looked up in `refs`, and one route per route key
/// in each API.
pub(crate) fn check_routes(
    known: &Known<'_>,
    refs: &Refs<'_>,
    routes: &PerApi<Route>,
) -> Result<(), Problem> {
    for (api_id, items) in routes {
        let Some(api) = known.apis.get(api_id) else {
            return Err(Problem::at(
                &["routes", api_id],
                format!("belongs to API {api_id}, which is not in [apis]"),
            ));
        };
        let integration = |id: &str| (refs.integration)(api_id, id);
        let authorizer = |id: &str, kind: &str| (refs.authorizer)(api_id, id, Some(kind));
        let route_refs = ops::RouteRefs {
            integration: &integration,
            authorizer: &authorizer,
        };
        for (id, r) in items {
            let at = ["routes", api_id.as_str(), id.as_str()];
            if let Some(target) = &r.target
                && !target
                    .strip_prefix("integrations/")
                    .is_some_and(|iid| (refs.integration)(api_id, iid))
            {
                return Err(Problem::at(
                    &at,
                    format!("targets {target}, which is not an integration of API {api_id}"),
                ));
            }
            if let Some(auth) = &r.authorizer_id
                && !(refs.authorizer)(api_id, auth, None)
            {
                return Err(Problem::at(
                    &at,
                    format!("uses authorizer {auth}, which is not an authorizer of API {api_id}"),
                ));
            }
            ops::check_route(r, api.protocol_type, &route_refs)
                .map_err(|e| Problem::refused(&at, &e))?;
        }
        let mut keys: Vec<(&str, &str)> = items
            .values()
            .map(|r| (r.route_key.as_str(), r.route_id.as_str()))
            .collect();
        keys.sort_unstable();
        if let Some(w) = keys.windows(2).find(|w| w[0].0 == w[1].0) {
            let e = ops::duplicate_route_key(w[1].0, w[0].1);
            return Err(Problem::refused(&["routes", api_id, w[1].1], &e));
        }
    }
    Ok(())
}

/// What is wrong in a workspace, and the table it is in (to find its line).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The keys of the table (`["integrations", API, ID]`).
    pub table: Vec<String>,
    /// What is wrong, starting with the table's header.
    pub message: String,
}

impl Problem {
    /// `[table] text`.
    fn at(table: &[&str], text: impl std::fmt::Display) -> Problem {
        Problem {
            table: table.iter().map(|k| k.to_string()).collect(),
            message: format!("{} {text}", header(table)),
        }
    }

    /// `[table]: what the service says`, for a resource the service's
    /// rules refuse.
    fn refused(table: &[&str], e: &ApiError) -> Problem {
        Problem {
            table: table.iter().map(|k| k.to_string()).collect(),
            message: format!("{}: {e} ({})", header(table), e.code()),
        }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// `[a.b."c d"]`: a table's header as apigw writes it.
fn header(keys: &[&str]) -> String {
    let keys: Vec<String> = keys
        .iter()
        .map(|k| {
            let bare = !k.is_empty()
                && k.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
            if bare {
                k.to_string()
            } else {
                format!("{k:?}")
            }
        })
        .collect();
    format!("[{}]", keys.join("."))
}

/// What the children of APIs may name: the settings, APIs and VPC links of
/// the workspace.
pub(crate) struct Known<'k> {
    pub settings: &'k Settings,
    pub apis: &'k BTreeMap<String, Api>,
    pub vpc_links: &'k BTreeMap<String, VpcLink>,
}

/// What routes may name: an API's integrations by id, and its authorizers
/// by id and, when given, type.
pub(crate) struct Refs<'k> {
    pub integration: &'k (dyn Fn(&str, &str) -> bool + Sync),
    pub authorizer: &'k (dyn Fn(&str, &str, Option<&str>) -> bool + Sync),
}

/// Refuses a table that holds more than the service's quota.
fn quota(table: &[&str], count: usize, max: usize) -> Result<(), Problem> {
    if count > max {
        return Err(Problem::at(
            table,
            format!("holds {count} entries; the service allows at most {max}"),
        ));
    }
    Ok(())
}

fn same_id(table: &[&str], id: &str, member: &str) -> Result<(), Problem> {
    if table.last().is_some_and(|key| *key == id) {
        Ok(())
    } else {
        Err(Problem::at(
            table,
            format!("has {member} = {id:?}; the two must be the same"),
        ))
    }
}

fn children<T>(
    apis: &BTreeMap<String, Api>,
    section: &str,
    map: &PerApi<T>,
    max: usize,
    id_of: impl Fn(&T) -> (&String, &'static str),
) -> Result<(), Problem> {
    for (api_id, items) in map {
        if !apis.contains_key(api_id) {
            return Err(Problem::at(
                &[section, api_id],
                format!("belongs to API {api_id}, which is not in [apis]"),
            ));
        }
        quota(&[section, api_id], items.len(), max)?;
        for (key, item) in items {
            let (id, member) = id_of(item);
            if key != id {
                same_id(&[section, api_id, key], id, member)?;
            }
        }
    }
    Ok(())
}
