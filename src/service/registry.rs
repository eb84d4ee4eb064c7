//! The one table of operations: for each, its model name, whether it reads or
//! writes, the part of the workspace it needs and the function that serves
//! it. [`invoke`] runs an entry as a transaction on the workspace file (the
//! lock and atomic replace of `workspace::update_scoped`), so every front
//! gets the same rules, messages and file guarantees. A new operation is one
//! entry here (and its members in the model tables).

use super::validate;
use crate::error::{ApiError, Error, Result};
use crate::ops::{self, Paging};
use crate::workspace::{self, Scope, Workspace};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use std::path::Path;

/// Whether an operation changes the workspace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    Read,
    Write,
}

/// The part of the workspace an operation needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Needs {
    /// The APIs and VPC links without any API's children.
    NoChildren,
    /// The API named by the input's `ApiId` with its children (everything
    /// when the input names none).
    OneApi,
    /// Everything (deleting a VPC link looks at every integration).
    All,
    /// The API or VPC link the input's `ResourceArn` names.
    Tagged,
}

impl Needs {
    fn scope(self, input: &Map<String, Value>) -> Scope {
        match (self, input.get("ApiId").and_then(Value::as_str)) {
            (Needs::NoChildren, _) => Scope::Apis(Vec::new()),
            (Needs::OneApi, Some(api)) => Scope::Apis(vec![api.to_string()]),
            (Needs::Tagged, _) => {
                let arn = input.get("ResourceArn").and_then(Value::as_str);
                let path = arn.and_then(|a| a.split_once("::")).map(|(_, p)| p);
                match path.map(|p| p.split('/').collect::<Vec<_>>()).as_deref() {
                    Some(["", "apis", api, ..]) => Scope::Apis(vec![api.to_string()]),
                    Some(["", "vpclinks", _]) | Some(["", "domainnames", _]) => {
                        Scope::Apis(Vec::new())
                    }
                    _ => Scope::All,
                }
            }
            _ => Scope::All,
        }
    }
}

/// Why an operation's function stopped: the service refused (the operation
/// name is added by [`invoke`]), or anything else.
pub enum Failure {
    Api(ApiError),
    Other(Error),
}

impl From<ApiError> for Failure {
    fn from(e: ApiError) -> Self {
        Failure::Api(e)
    }
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        Failure::Other(e)
    }
}

/// What an operation's function answers: `None` for operations that print
/// nothing (deletes). It may run twice for one call (see
/// [`workspace::update_scoped`]), so it only reads its input.
pub type Answer = std::result::Result<Option<Value>, Failure>;

/// The function that serves an operation.
pub type Run = fn(&mut Workspace, &Map<String, Value>, &Paging) -> Answer;

/// One operation of the table.
pub struct Operation {
    pub name: &'static str,
    pub access: Access,
    pub needs: Needs,
    pub run: Run,
}

/// The typed request of an operation, from its (checked) input.
fn req<T: DeserializeOwned>(input: &Map<String, Value>) -> Result<T> {
    serde_json::from_value(Value::Object(input.clone()))
        .map_err(|e| Error::InvalidInput(format!("Parameter validation failed:\n{e}")))
}

fn text<'a>(input: &'a Map<String, Value>, key: &str) -> &'a str {
    input.get(key).and_then(Value::as_str).unwrap_or_default()
}

/// An answer to print.
fn some<T: Serialize>(v: T) -> Answer {
    serde_json::to_value(v)
        .map(Some)
        .map_err(|e| Failure::Other(Error::Other(format!("cannot encode the answer: {e}"))))
}

/// GetVpcLinks takes the service's `MaxResults`/`NextToken` as members (the
/// AWS CLI does not page it itself).
fn member_paging(i: &Map<String, Value>) -> Paging {
    Paging {
        max_items: i
            .get("MaxResults")
            .and_then(Value::as_str)
            .and_then(|s| s.parse().ok()),
        starting_token: i
            .get("NextToken")
            .and_then(Value::as_str)
            .map(str::to_string),
    }
}

use Access::{Read, Write};
use Needs::{All, NoChildren, OneApi, Tagged};

#[rustfmt::skip]
pub const REGISTRY: &[Operation] = &[
    Operation { name: "CreateApi", access: Write, needs: NoChildren, run: |ws, i, _| some(ops::create_api(ws, req(i)?)?) },
    Operation { name: "GetApi", access: Read, needs: OneApi, run: |ws, i, _| some(ops::get_api(ws, text(i, "ApiId"))?) },
    Operation { name: "GetApis", access: Read, needs: NoChildren, run: |ws, _, p| some(ops::get_apis(ws, p)?) },
    Operation { name: "UpdateApi", access: Write, needs: OneApi, run: |ws, i, _| some(ops::update_api(ws, req(i)?)?) },
    Operation { name: "DeleteApi", access: Write, needs: OneApi, run: |ws, i, _| { ops::delete_api(ws, text(i, "ApiId"))?; Ok(None) } },
    Operation { name: "DeleteCorsConfiguration", access: Write, needs: OneApi, run: |ws, i, _| { ops::delete_cors_configuration(ws, text(i, "ApiId"))?; Ok(None) } },

    Operation { name: "CreateVpcLink", access: Write, needs: NoChildren, run: |ws, i, _| some(ops::create_vpc_link(ws, req(i)?)?) },
    Operation { name: "GetVpcLink", access: Read, needs: NoChildren, run: |ws, i, _| some(ops::get_vpc_link(ws, text(i, "VpcLinkId"))?) },
    Operation { name: "GetVpcLinks", access: Read, needs: NoChildren, run: |ws, i, _| some(ops::get_vpc_links(ws, &member_paging(i))?) },
    Operation { name: "UpdateVpcLink", access: Write, needs: NoChildren, run: |ws, i, _| some(ops::update_vpc_link(ws, req(i)?)?) },
    Operation { name: "DeleteVpcLink", access: Write, needs: All, run: |ws, i, _| { ops::delete_vpc_link(ws, text(i, "VpcLinkId"))?; Ok(None) } },

    Operation { name: "CreateIntegration", access: Write, needs: OneApi, run: |ws, i, _| some(ops::create_integration(ws, req(i)?)?) },
    Operation { name: "GetIntegration", access: Read, needs: OneApi, run: |ws, i, _| some(ops::get_integration(ws, text(i, "ApiId"), text(i, "IntegrationId"))?) },
    Operation { name: "GetIntegrations", access: Read, needs: OneApi, run: |ws, i, p| some(ops::get_integrations(ws, text(i, "ApiId"), p)?) },
    Operation { name: "UpdateIntegration", access: Write, needs: OneApi, run: |ws, i, _| some(ops::update_integration(ws, req(i)?)?) },
    Operation { name: "DeleteIntegration", access: Write, needs: OneApi, run: |ws, i, _| { ops::delete_integration(ws, text(i, "ApiId"), text(i, "IntegrationId"))?; Ok(None) } },

    Operation { name: "CreateRoute", access: Write, needs: OneApi, run: |ws, i, _| some(ops::create_route(ws, req(i)?)?) },
    Operation { name: "GetRoute", access: Read, needs: OneApi, run: |ws, i, _| some(ops::get_route(ws, text(i, "ApiId"), text(i, "RouteId"))?) },
    Operation { name: "GetRoutes", access: Read, needs: OneApi, run: |ws, i, p| some(ops::get_routes(ws, text(i, "ApiId"), p)?) },
    Operation { name: "UpdateRoute", access: Write, needs: OneApi, run: |ws, i, _| some(ops::update_route(ws, req(i)?)?) },
    Operation { name: "DeleteRoute", access: Write, needs: OneApi, run: |ws, i, _| { ops::delete_route(ws, text(i, "ApiId"), text(i, "RouteId"))?; Ok(None) } },

    Operation { name: "CreateStage", access: Write, needs: OneApi, run: |ws, i, _| some(ops::create_stage(ws, req(i)?)?) },
    Operation { name: "GetStage", access: Read, needs: OneApi, run: |ws, i, _| some(ops::get_stage(ws, text(i, "ApiId"), text(i, "StageName"))?) },
    Operation { name: "GetStages", access: Read, needs: OneApi, run: |ws, i, p| some(ops::get_stages(ws, text(i, "ApiId"), p)?) },
    Operation { name: "UpdateStage", access: Write, needs: OneApi, run: |ws, i, _| some(ops::update_stage(ws, req(i)?)?) },
    Operation { name: "DeleteStage", access: Write, needs: OneApi, run: |ws, i, _| { ops::delete_stage(ws, text(i, "ApiId"), text(i, "StageName"))?; Ok(None) } },
    Operation { name: "DeleteRouteSettings", access: Write, needs: OneApi, run: |ws, i, _| { ops::delete_route_settings(ws, text(i, "ApiId"), text(i, "StageName"), text(i, "RouteKey"))?; Ok(None) } },
    Operation { name: "DeleteAccessLogSettings", access: Write, needs: OneApi, run: |ws, i, _| { ops::delete_access_log_settings(ws, text(i, "ApiId"), text(i, "StageName"))?; Ok(None) } },

    Operation { name: "CreateDeployment", access: Write, needs: OneApi, run: |ws, i, _| some(ops::create_deployment(ws, req(i)?)?) },
    Operation { name: "GetDeployment", access: Read, needs: OneApi, run: |ws, i, _| some(ops::get_deployment(ws, text(i, "ApiId"), text(i, "DeploymentId"))?) },
    Operation { name: "GetDeployments", access: Read, needs: OneApi, run: |ws, i, p| some(ops::get_deployments(ws, text(i, "ApiId"), p)?) },
    Operation { name: "UpdateDeployment", access: Write, needs: OneApi, run: |ws, i, _| some(ops::update_deployment(ws, req(i)?)?) },
    Operation { name: "DeleteDeployment", access: Write, needs: OneApi, run: |ws, i, _| { ops::delete_deployment(ws, text(i, "ApiId"), text(i, "DeploymentId"))?; Ok(None) } },

    Operation { name: "CreateAuthorizer", access: Write, needs: OneApi, run: |ws, i, _| some(ops::create_authorizer(ws, req(i)?)?) },
    Operation { name: "GetAuthorizer", access: Read, needs: OneApi, run: |ws, i, _| some(ops::get_authorizer(ws, text(i, "ApiId"), text(i, "AuthorizerId"))?) },
    Operation { name: "GetAuthorizers", access: Read, needs: OneApi, run: |ws, i, p| some(ops::get_authorizers(ws, text(i, "ApiId"), p)?) },
    Operation { name: "UpdateAuthorizer", access: Write, needs: OneApi, run: |ws, i, _| some(ops::update_authorizer(ws, req(i)?)?) },
    Operation { name: "ResetAuthorizersCache", access: Read, needs: OneApi, run: |ws, i, _| { ops::reset_authorizers_cache(ws, text(i, "ApiId"), text(i, "StageName"))?; Ok(None) } },
    Operation { name: "DeleteAuthorizer", access: Write, needs: OneApi, run: |ws, i, _| { ops::delete_authorizer(ws, text(i, "ApiId"), text(i, "AuthorizerId"))?; Ok(None) } },

    Operation { name: "CreateDomainName", access: Write, needs: NoChildren, run: |ws, i, _| some(ops::create_domain_name(ws, req(i)?)?) },
    Operation { name: "GetDomainName", access: Read, needs: NoChildren, run: |ws, i, _| some(ops::get_domain_name(ws, text(i, "DomainName"))?) },
    Operation { name: "GetDomainNames", access: Read, needs: NoChildren, run: |ws, _, p| some(ops::get_domain_names(ws, p)?) },
    Operation { name: "UpdateDomainName", access: Write, needs: NoChildren, run: |ws, i, _| some(ops::update_domain_name(ws, req(i)?)?) },
    Operation { name: "DeleteDomainName", access: Write, needs: NoChildren, run: |ws, i, _| { ops::delete_domain_name(ws, text(i, "DomainName"))?; Ok(None) } },
    Operation { name: "CreateApiMapping", access: Write, needs: OneApi, run: |ws, i, _| some(ops::create_api_mapping(ws, req(i)?)?) },
    Operation { name: "GetApiMapping", access: Read, needs: NoChildren, run: |ws, i, _| some(ops::get_api_mapping(ws, text(i, "DomainName"), text(i, "ApiMappingId"))?) },
    Operation { name: "GetApiMappings", access: Read, needs: NoChildren, run: |ws, i, _| some(ops::get_api_mappings(ws, text(i, "DomainName"), &member_paging(i))?) },
    Operation { name: "UpdateApiMapping", access: Write, needs: OneApi, run: |ws, i, _| some(ops::update_api_mapping(ws, req(i)?)?) },
    Operation { name: "DeleteApiMapping", access: Write, needs: NoChildren, run: |ws, i, _| { ops::delete_api_mapping(ws, text(i, "DomainName"), text(i, "ApiMappingId"))?; Ok(None) } },

    Operation { name: "TagResource", access: Write, needs: Tagged, run: |ws, i, _| { ops::tag_resource(ws, req(i)?)?; Ok(None) } },
    Operation { name: "UntagResource", access: Write, needs: Tagged, run: |ws, i, _| { ops::untag_resource(ws, req(i)?)?; Ok(None) } },
    Operation { name: "GetTags", access: Read, needs: Tagged, run: |ws, i, _| some(ops::get_tags(ws, text(i, "ResourceArn"))?) },

    Operation { name: "ImportApi", access: Write, needs: NoChildren, run: |ws, i, _| Ok(Some(ops::import_api(ws, req(i)?)?)) },
    Operation { name: "ReimportApi", access: Write, needs: OneApi, run: |ws, i, _| Ok(Some(ops::reimport_api(ws, req(i)?)?)) },
    Operation { name: "ExportApi", access: Read, needs: OneApi, run: |ws, i, _| Ok(Some(ops::export_api(ws, req(i)?)?)) },

    // The stand-ins for the resources behind a VPC link (elbv2, servicediscovery).
    Operation { name: "RegisterTargets", access: Write, needs: All, run: |ws, i, _| { ops::register_targets(ws, req(i)?)?; Ok(None) } },
    Operation { name: "DeregisterTargets", access: Write, needs: All, run: |ws, i, _| { ops::deregister_targets(ws, req(i)?)?; Ok(None) } },
    Operation { name: "DescribeTargetHealth", access: Read, needs: All, run: |ws, i, _| some(ops::describe_target_health(ws, req(i)?)?) },
    Operation { name: "RegisterInstance", access: Write, needs: All, run: |ws, i, _| some(ops::register_instance(ws, req(i)?)?) },
    Operation { name: "DeregisterInstance", access: Write, needs: All, run: |ws, i, _| some(ops::deregister_instance(ws, req(i)?)?) },
    Operation { name: "GetInstance", access: Read, needs: All, run: |ws, i, _| some(ops::get_instance(ws, req(i)?)?) },
    Operation { name: "GetOperation", access: Read, needs: NoChildren, run: |ws, i, _| some(ops::get_operation(ws, req(i)?)?) },
    Operation { name: "ListInstances", access: Read, needs: All, run: |ws, i, _| some(ops::list_instances(ws, req(i)?)?) },
    Operation { name: "DiscoverInstances", access: Read, needs: All, run: |ws, i, _| some(ops::discover_instances(ws, req(i)?)?) },
    Operation { name: "UpdateInstanceCustomHealthStatus", access: Write, needs: All, run: |ws, i, _| { ops::update_instance_custom_health_status(ws, req(i)?)?; Ok(None) } },

    // The ACM stand-in: files beside the workspace, which it only reads.
    Operation { name: "ImportCertificate", access: Read, needs: NoChildren, run: |ws, i, _| some(ops::import_certificate(ws, req(i)?)?) },
    Operation { name: "RequestCertificate", access: Read, needs: NoChildren, run: |ws, i, _| some(ops::request_certificate(ws, req(i)?)?) },
    Operation { name: "DescribeCertificate", access: Read, needs: NoChildren, run: |ws, i, _| some(ops::describe_certificate(ws, text(i, "CertificateArn"))?) },
    Operation { name: "ListCertificates", access: Read, needs: NoChildren, run: |ws, i, _| some(ops::list_certificates(ws, req(i)?)?) },
    Operation { name: "DeleteCertificate", access: Read, needs: NoChildren, run: |ws, i, _| { ops::delete_certificate(ws, text(i, "CertificateArn"))?; Ok(None) } },
    Operation { name: "GetCertificate", access: Read, needs: NoChildren, run: |ws, i, _| some(ops::get_certificate(ws, text(i, "CertificateArn"))?) },

    // The Lambda stand-in: functions that Lambda integrations and authorizers run.
    Operation { name: "CreateFunction", access: Write, needs: NoChildren, run: |ws, i, _| Ok(Some(ops::create_function(ws, req(i)?)?)) },
    Operation { name: "GetFunction", access: Read, needs: NoChildren, run: |ws, i, _| Ok(Some(ops::get_function(ws, req(i)?)?)) },
    Operation { name: "GetFunctionConfiguration", access: Read, needs: NoChildren, run: |ws, i, _| Ok(Some(ops::get_function_configuration(ws, req(i)?)?)) },
    Operation { name: "ListFunctions", access: Read, needs: NoChildren, run: |ws, i, p| Ok(Some(ops::list_functions(ws, req(i)?, p)?)) },
    Operation { name: "UpdateFunctionCode", access: Write, needs: NoChildren, run: |ws, i, _| Ok(Some(ops::update_function_code(ws, req(i)?)?)) },
    Operation { name: "UpdateFunctionConfiguration", access: Write, needs: NoChildren, run: |ws, i, _| Ok(Some(ops::update_function_configuration(ws, req(i)?)?)) },
    Operation { name: "DeleteFunction", access: Write, needs: NoChildren, run: |ws, i, _| { ops::delete_function(ws, req(i)?)?; Ok(None) } },
    Operation { name: "Invoke", access: Read, needs: NoChildren, run: |ws, i, _| Ok(Some(crate::lambda::invoke_once(ws, req(i)?)?)) },
    Operation { name: "PutFunctionConcurrency", access: Write, needs: NoChildren, run: |ws, i, _| Ok(Some(ops::put_function_concurrency(ws, req(i)?)?)) },
    Operation { name: "GetFunctionConcurrency", access: Read, needs: NoChildren, run: |ws, i, _| Ok(Some(ops::get_function_concurrency(ws, req(i)?)?)) },
    Operation { name: "DeleteFunctionConcurrency", access: Write, needs: NoChildren, run: |ws, i, _| { ops::delete_function_concurrency(ws, req(i)?)?; Ok(None) } },
];

/// The entry of the table for a model operation name.
pub fn find(name: &str) -> Option<&'static Operation> {
    REGISTRY.iter().find(|op| op.name == name)
}

/// Runs the operation `name` on the workspace file at `workspace`, as if in
/// `region` when given (`--region`, or a request's signing region): checks
/// the input against the operation's members, then reads the workspace or
/// updates it under its lock.
pub fn invoke(
    workspace: &Path,
    region: Option<&str>,
    name: &str,
    input: Map<String, Value>,
    paging: &Paging,
) -> Result<Option<Value>> {
    let (Some(op), Some(model)) = (find(name), super::model_of(name)) else {
        return Err(Error::Other(format!("operation {name} has no handler")));
    };
    validate::request(name, &input, model.input)?;
    let scope = op.needs.scope(&input);
    let fail = |f: Failure| match f {
        Failure::Api(source) => Error::Api {
            operation: op.name,
            source,
        },
        Failure::Other(e) => e,
    };
    match op.access {
        Access::Read => {
            let mut file = workspace::load_scoped(workspace, &scope)?;
            file.workspace.region_override = region.map(str::to_string);
            file.workspace.location = Some(workspace.to_path_buf());
            (op.run)(&mut file.workspace, &input, paging).map_err(fail)
        }
        Access::Write => workspace::update_scoped(workspace, &scope, |ws| {
            ws.region_override = region.map(str::to_string);
            // Domain names look beside the workspace for their certificates,
            // functions keep their packages there.
            ws.location = Some(workspace.to_path_buf());
            // Auto-deploy stages follow every change of what a deployment
            // holds, whichever operation made it.
            let api = input.get("ApiId").and_then(Value::as_str);
            let before = api
                .filter(|a| ops::has_auto_stage(ws, a))
                .map(|a| ws.definition(a));
            let out = (op.run)(ws, &input, paging).map_err(fail)?;
            if let (Some(api), Some(before)) = (api, before) {
                ops::follow_changes(ws, api, &before);
            }
            Ok(out)
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_operation_has_members_and_every_model_an_entry() {
        for op in REGISTRY {
            assert!(super::super::model_of(op.name).is_some(), "{}", op.name);
        }
        let models = super::super::model::OPERATIONS.iter().chain(
            super::super::standins::GROUPS
                .iter()
                .flat_map(|(_, _, ops)| ops.iter()),
        );
        for m in models {
            assert!(find(m.name).is_some(), "{} has no entry", m.name);
        }
    }

    #[test]
    fn every_aws_operation_has_a_wire_route() {
        for m in super::super::model::OPERATIONS {
            let routes = super::super::wire::ROUTES
                .iter()
                .filter(|r| r.operation == m.name);
            assert_eq!(routes.count(), 1, "{}", m.name);
        }
    }

    #[test]
    fn scopes() {
        let with_api: Map<String, Value> = serde_json::from_str(r#"{"ApiId": "a1"}"#).unwrap();
        let scope = |name: &str, i: &Map<String, Value>| find(name).unwrap().needs.scope(i);
        assert!(matches!(scope("CreateApi", &with_api), Scope::Apis(v) if v.is_empty()));
        assert!(matches!(scope("GetIntegrations", &with_api), Scope::Apis(v) if v == ["a1"]));
        assert!(matches!(scope("GetIntegrations", &Map::new()), Scope::All));
        assert!(matches!(scope("DeleteVpcLink", &Map::new()), Scope::All));
        assert!(matches!(scope("RegisterInstance", &with_api), Scope::All));
        let arn = |a: &str| -> Map<String, Value> {
            serde_json::from_value(serde_json::json!({ "ResourceArn": a })).unwrap()
        };
        let api = arn("arn:aws:apigateway:us-east-2::/apis/a1");
        assert!(matches!(scope("GetTags", &api), Scope::Apis(v) if v == ["a1"]));
        let link = arn("arn:aws:apigateway:us-east-2::/vpclinks/l1");
        assert!(matches!(scope("TagResource", &link), Scope::Apis(v) if v.is_empty()));
    }
}
