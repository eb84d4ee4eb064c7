//! The elbv2 and servicediscovery operations on the workspace's local
//! stand-ins for what sits behind a VPC link: RegisterTargets,
//! DeregisterTargets, DescribeTargetHealth (ELB listeners), RegisterInstance,
//! DeregisterInstance, ListInstances, DiscoverInstances and
//! UpdateInstanceCustomHealthStatus (Cloud Map services).
//!
//! Locally a listener forwards straight to its targets (there is no separate
//! target group), so the elbv2 calls take a `ListenerArn`. A listener or a
//! Cloud Map service comes into being with its first registration.

use super::new_id;
use crate::error::ApiError;
use crate::model::{
    ATTR_INIT_HEALTH, CUSTOM_HEALTH_STATUSES, CloudMapService, HEALTH_STATUS_FILTERS, Instance,
    Listener, Target, check_attributes, check_instance_id, check_service_id,
};
use crate::rules::arn::{PrivateTarget, private_target};
use crate::workspace::Workspace;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

// ---------------------------------------------------------------- elbv2

/// `TargetDescription`: an IP target and its port.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct TargetDescription {
    pub id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub port: Option<i64>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct RegisterTargetsRequest {
    pub listener_arn: String,
    pub targets: Vec<TargetDescription>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct DeregisterTargetsRequest {
    pub listener_arn: String,
    pub targets: Vec<TargetDescription>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct DescribeTargetHealthRequest {
    pub listener_arn: String,
    /// Only these targets; every registered target when absent.
    pub targets: Option<Vec<TargetDescription>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct DescribeTargetHealthResponse {
    pub target_health_descriptions: Vec<TargetHealthDescription>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct TargetHealthDescription {
    pub target: TargetDescription,
    pub health_check_port: String,
    pub target_health: TargetHealth,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct TargetHealth {
    /// `healthy`, `unhealthy` or `unused`.
    pub state: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl TargetHealth {
    pub fn healthy() -> Self {
        TargetHealth {
            state: "healthy".into(),
            reason: None,
            description: None,
        }
    }

    /// Registered, and no health check has passed yet.
    pub fn initial() -> Self {
        TargetHealth {
            state: "initial".into(),
            reason: Some("Elb.RegistrationInProgress".into()),
            description: Some("Target registration is in progress".into()),
        }
    }

    pub fn unhealthy(reason: &str, description: impl Into<String>) -> Self {
        TargetHealth {
            state: "unhealthy".into(),
            reason: Some(reason.into()),
            description: Some(description.into()),
        }
    }
}

fn check_listener_arn(arn: &str) -> Result<(), ApiError> {
    match private_target(arn) {
        Some(PrivateTarget::Listener { .. }) => Ok(()),
        _ => Err(ApiError::bad_request(format!(
            "ListenerArn {arn:?} is not a load balancer listener ARN; use one such as \
             arn:aws:elasticloadbalancing:us-east-2:123456789012:listener/app/my-load-balancer/50dc6c495c0c9188/0467ef3c8400ae65"
        ))),
    }
}

fn listener_not_found(arn: &str) -> ApiError {
    ApiError::NotFound(format!(
        "Listener {arn} has no registered targets; register some with register-targets first"
    ))
}

fn to_target(d: &TargetDescription) -> Result<Target, ApiError> {
    let port = match d.port {
        None => {
            return Err(ApiError::bad_request(format!(
                "Target {} needs a Port: locally a listener forwards to each target's own port (Id={},Port=8080)",
                d.id, d.id
            )));
        }
        Some(p) => u16::try_from(p).ok().filter(|p| *p != 0).ok_or_else(|| {
            ApiError::bad_request(format!(
                "Port {p} of target {} is not a port number; use 1 to 65535",
                d.id
            ))
        })?,
    };
    let t = Target {
        id: d.id.clone(),
        port,
    };
    crate::model::check_target(&t).map_err(ApiError::BadRequest)?;
    Ok(t)
}

pub fn register_targets(ws: &mut Workspace, req: RegisterTargetsRequest) -> Result<(), ApiError> {
    check_listener_arn(&req.listener_arn)?;
    if req.targets.is_empty() {
        return Err(ApiError::bad_request(
            "Targets must name at least one target (Id=IP,Port=PORT)",
        ));
    }
    let targets = req
        .targets
        .iter()
        .map(to_target)
        .collect::<Result<Vec<_>, _>>()?;
    let listener = ws.elbv2.listeners.entry(req.listener_arn).or_default();
    for t in targets {
        if !listener.targets.contains(&t) {
            listener.targets.push(t);
        }
    }
    Ok(())
}

pub fn deregister_targets(
    ws: &mut Workspace,
    req: DeregisterTargetsRequest,
) -> Result<(), ApiError> {
    check_listener_arn(&req.listener_arn)?;
    let listener = ws
        .elbv2
        .listeners
        .get_mut(&req.listener_arn)
        .ok_or_else(|| listener_not_found(&req.listener_arn))?;
    let targets = req
        .targets
        .iter()
        .map(to_target)
        .collect::<Result<Vec<_>, _>>()?;
    for t in &targets {
        if !listener.targets.contains(t) {
            return Err(ApiError::bad_request(format!(
                "The following targets are not registered with listener {}: '{}:{}'",
                req.listener_arn, t.id, t.port
            )));
        }
    }
    listener.targets.retain(|t| !targets.contains(t));
    if listener.targets.is_empty() && listener.health_check.is_none() {
        ws.elbv2.listeners.remove(&req.listener_arn);
    }
    Ok(())
}

/// Checks a listener's targets now and says how each is, in order.
pub type Probe<'a> = &'a dyn Fn(&Listener, &[Target]) -> Vec<TargetHealth>;

/// `DescribeTargetHealth`. Registrations carry no health of their own.
/// While a `serve` runs on the workspace, a target it has not loaded yet,
/// or that has not passed its first check, is `initial`
/// (`Elb.RegistrationInProgress`), as on a real load balancer. Every other
/// target is checked now, the way the listener's health check is
/// configured (a TCP connect by default): `healthy`, or `unhealthy` with
/// elbv2's reasons (`Target.FailedHealthChecks`, `Target.Timeout`,
/// `Target.ResponseCodeMismatch`).
pub fn describe_target_health(
    ws: &Workspace,
    req: DescribeTargetHealthRequest,
) -> Result<DescribeTargetHealthResponse, ApiError> {
    describe_target_health_with(ws, req, &crate::gateway::health::check_targets_now)
}

/// `DescribeTargetHealth` with the health check given (tests pass their own).
pub fn describe_target_health_with(
    ws: &Workspace,
    req: DescribeTargetHealthRequest,
    probe: Probe<'_>,
) -> Result<DescribeTargetHealthResponse, ApiError> {
    check_listener_arn(&req.listener_arn)?;
    let listener = ws
        .elbv2
        .listeners
        .get(&req.listener_arn)
        .ok_or_else(|| listener_not_found(&req.listener_arn))?;
    let wanted: Vec<Target> = match &req.targets {
        None => listener.targets.clone(),
        Some(list) => list.iter().map(to_target).collect::<Result<_, _>>()?,
    };
    let (registered, unknown): (Vec<_>, Vec<_>) =
        wanted.iter().partition(|t| listener.targets.contains(t));
    let registered: Vec<Target> = registered.into_iter().cloned().collect();
    // A running serve knows which targets have not passed a check yet (or
    // that it has not loaded yet): those are `initial`; the rest are
    // checked now.
    let serving = ws
        .location
        .as_deref()
        .and_then(crate::gateway::view::read_live)
        .and_then(|mut v| v.listeners.remove(&req.listener_arn));
    let is_initial = |t: &Target| {
        serving.as_ref().is_some_and(|l| {
            let addr = t.addr().map(|a| a.to_string()).unwrap_or_default();
            !l.known.contains(&addr) || l.initial.contains(&addr)
        })
    };
    let to_check: Vec<Target> = registered
        .iter()
        .filter(|t| !is_initial(t))
        .cloned()
        .collect();
    let mut checked = probe(listener, &to_check).into_iter();
    let health: Vec<TargetHealth> = registered
        .iter()
        .map(|t| {
            if is_initial(t) {
                TargetHealth::initial()
            } else {
                checked.next().unwrap_or_else(|| {
                    TargetHealth::unhealthy("Elb.InternalError", "The target was not checked")
                })
            }
        })
        .collect();
    let hc_port = listener
        .health_check
        .as_ref()
        .and_then(|h| h.health_check_port.as_deref())
        .filter(|p| *p != "traffic-port");
    let describe = |t: &Target, health: TargetHealth| TargetHealthDescription {
        target: TargetDescription {
            id: t.id.clone(),
            port: Some(i64::from(t.port)),
        },
        health_check_port: hc_port.map_or_else(|| t.port.to_string(), str::to_string),
        target_health: health,
    };
    let mut out: Vec<TargetHealthDescription> = registered
        .iter()
        .zip(health)
        .map(|(t, h)| describe(t, h))
        .collect();
    out.extend(unknown.into_iter().map(|t| {
        describe(
            t,
            TargetHealth {
                state: "unused".into(),
                reason: Some("Target.NotRegistered".into()),
                description: Some("Target is not registered to the target group".into()),
            },
        )
    }));
    Ok(DescribeTargetHealthResponse {
        target_health_descriptions: out,
    })
}

// ---------------------------------------------------------------- Cloud Map

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct RegisterInstanceRequest {
    pub service_id: String,
    pub instance_id: String,
    pub creator_request_id: Option<String>,
    pub attributes: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct OperationResponse {
    pub operation_id: String,
}

pub type RegisterInstanceResponse = OperationResponse;
pub type DeregisterInstanceResponse = OperationResponse;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct DeregisterInstanceRequest {
    pub service_id: String,
    pub instance_id: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct ListInstancesRequest {
    pub service_id: String,
    pub max_results: Option<i64>,
    pub next_token: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListInstancesResponse {
    pub instances: Vec<InstanceSummary>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct InstanceSummary {
    pub id: String,
    pub attributes: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct DiscoverInstancesRequest {
    /// The service by id (`srv-…`) or ARN: apigw's shorter form of the
    /// AWS pair `NamespaceName` + `ServiceName`, which also works.
    pub service_id: Option<String>,
    pub namespace_name: Option<String>,
    pub service_name: Option<String>,
    pub max_results: Option<i64>,
    pub query_parameters: Option<BTreeMap<String, String>>,
    pub optional_parameters: Option<BTreeMap<String, String>>,
    pub health_status: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct DiscoverInstancesResponse {
    pub instances: Vec<HttpInstanceSummary>,
    pub instances_revision: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct HttpInstanceSummary {
    pub instance_id: String,
    pub namespace_name: String,
    pub service_name: String,
    pub health_status: String,
    pub attributes: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct UpdateInstanceCustomHealthStatusRequest {
    pub service_id: String,
    pub instance_id: String,
    pub status: String,
}

/// A service id, given as `srv-…` or as the service's ARN.
fn service_id(given: &str) -> Result<String, ApiError> {
    if given.starts_with("arn:") {
        return match private_target(given) {
            Some(PrivateTarget::CloudMapService {
                service_id, query, ..
            }) if query.is_empty() => Ok(service_id),
            _ => Err(ApiError::bad_request(format!(
                "ServiceId {given:?} is not a Cloud Map service id or ARN; use srv-… or \
                 arn:aws:servicediscovery:REGION:ACCOUNT:service/srv-…"
            ))),
        };
    }
    check_service_id(given).map_err(|m| ApiError::bad_request(format!("ServiceId {m}")))?;
    Ok(given.to_string())
}

fn service_not_found(id: &str) -> ApiError {
    ApiError::NotFound(format!(
        "Service not found: {id} has no registered instances; register one with register-instance first"
    ))
}

fn instance_not_found(service: &str, id: &str) -> ApiError {
    ApiError::NotFound(format!(
        "Instance not found: service {service} has no instance {id}"
    ))
}

fn operation_id() -> String {
    format!("{}-{}", new_id(32, |_| false), new_id(8, |_| false))
}

fn check_max(field: &str, v: Option<i64>, max: i64) -> Result<usize, ApiError> {
    match v {
        None => Ok(max as usize),
        Some(n) if (1..=max).contains(&n) => Ok(n as usize),
        Some(n) => Err(ApiError::bad_request(format!(
            "{field} is {n}; use 1 to {max}"
        ))),
    }
}

/// `RegisterInstance`: adds or replaces an instance. The attributes must
/// say where it listens (`AWS_INSTANCE_IPV4` or `AWS_INSTANCE_IPV6`, and
/// `AWS_INSTANCE_PORT`); `AWS_INIT_HEALTH_STATUS` sets its first custom
/// health status (HEALTHY by default).
pub fn register_instance(
    ws: &mut Workspace,
    req: RegisterInstanceRequest,
) -> Result<RegisterInstanceResponse, ApiError> {
    let id = service_id(&req.service_id)?;
    check_instance_id(&req.instance_id).map_err(ApiError::BadRequest)?;
    check_attributes(&req.attributes).map_err(|m| {
        ApiError::bad_request(format!(
            "Invalid Attributes for instance {}: {m}",
            req.instance_id
        ))
    })?;
    let service = ws.servicediscovery.services.entry(id).or_default();
    let status = req
        .attributes
        .get(ATTR_INIT_HEALTH)
        .cloned()
        .unwrap_or_else(|| "HEALTHY".into());
    let kept_status = service
        .instances
        .get(&req.instance_id)
        .and_then(|i| i.custom_health_status.clone());
    service.instances.insert(
        req.instance_id,
        Instance {
            attributes: req.attributes,
            custom_health_status: Some(kept_status.unwrap_or(status)),
        },
    );
    service.instances_revision += 1;
    Ok(OperationResponse {
        operation_id: operation_id(),
    })
}

pub fn deregister_instance(
    ws: &mut Workspace,
    req: DeregisterInstanceRequest,
) -> Result<DeregisterInstanceResponse, ApiError> {
    let id = service_id(&req.service_id)?;
    let service = ws
        .servicediscovery
        .services
        .get_mut(&id)
        .ok_or_else(|| service_not_found(&id))?;
    service
        .instances
        .remove(&req.instance_id)
        .ok_or_else(|| instance_not_found(&id, &req.instance_id))?;
    service.instances_revision += 1;
    Ok(OperationResponse {
        operation_id: operation_id(),
    })
}

pub fn list_instances(
    ws: &Workspace,
    req: ListInstancesRequest,
) -> Result<ListInstancesResponse, ApiError> {
    let id = service_id(&req.service_id)?;
    let max = check_max("MaxResults", req.max_results, 100)?;
    let service = ws
        .servicediscovery
        .services
        .get(&id)
        .ok_or_else(|| service_not_found(&id))?;
    let mut iter: Box<dyn Iterator<Item = (&String, &Instance)>> = match &req.next_token {
        Some(token) if service.instances.contains_key(token) => {
            Box::new(service.instances.range(token.clone()..))
        }
        Some(token) => {
            return Err(ApiError::bad_request(format!(
                "Invalid NextToken {token:?}: pass the NextToken of an earlier call"
            )));
        }
        None => Box::new(service.instances.iter()),
    };
    let instances = iter
        .by_ref()
        .take(max)
        .map(|(id, i)| InstanceSummary {
            id: id.clone(),
            attributes: i.attributes.clone(),
        })
        .collect();
    Ok(ListInstancesResponse {
        instances,
        next_token: iter.next().map(|(k, _)| k.clone()),
    })
}

/// The service `DiscoverInstances` means: the one whose `Name` (its id when
/// it has none) is `service_name`, in `namespace_name` when it names one.
fn find_service<'w>(
    ws: &'w Workspace,
    namespace_name: &str,
    service_name: &str,
) -> Option<(&'w String, &'w CloudMapService)> {
    ws.servicediscovery.services.iter().find(|(id, s)| {
        s.name.as_deref().unwrap_or(id.as_str()) == service_name
            && s.namespace_name
                .as_deref()
                .is_none_or(|n| n == namespace_name)
    })
}

/// `DiscoverInstances`: instances whose attributes match every
/// `QueryParameters` pair (and `OptionalParameters`, when some do), by
/// custom health status (`HEALTHY` when `HealthStatus` is absent).
pub fn discover_instances(
    ws: &Workspace,
    req: DiscoverInstancesRequest,
) -> Result<DiscoverInstancesResponse, ApiError> {
    let max = check_max("MaxResults", req.max_results, 1000)?;
    let filter = req.health_status.as_deref().unwrap_or("HEALTHY");
    if !HEALTH_STATUS_FILTERS.contains(&filter) {
        return Err(ApiError::bad_request(format!(
            "Invalid HealthStatus {filter}: use one of {}",
            HEALTH_STATUS_FILTERS.join(", ")
        )));
    }
    let (namespace_name, service_name, service) = match (&req.service_id, &req.service_name) {
        (Some(given), _) => {
            let id = service_id(given)?;
            let (key, service) =
                ws.servicediscovery
                    .services
                    .get_key_value(&id)
                    .ok_or_else(|| {
                        ApiError::NotFound(format!(
                            "Service not found: no service {id} has instances"
                        ))
                    })?;
            let name = service.name.clone().unwrap_or_else(|| key.clone());
            (
                service.namespace_name.clone().unwrap_or_default(),
                name,
                service,
            )
        }
        (None, Some(name)) => {
            let namespace = req.namespace_name.clone().unwrap_or_default();
            let (_, service) = find_service(ws, &namespace, name).ok_or_else(|| {
                ApiError::NotFound(format!(
                    "Service not found: no service named {name} in namespace {namespace}; a service's \
                     name is its Name in the workspace, or its id (srv-…) when it has none"
                ))
            })?;
            (namespace, name.clone(), service)
        }
        (None, None) => {
            return Err(ApiError::bad_request(
                "Name the service: --service-id srv-…, or --namespace-name with --service-name",
            ));
        }
    };
    let pairs = |m: Option<BTreeMap<String, String>>| -> Vec<(String, String)> {
        m.unwrap_or_default().into_iter().collect()
    };
    let query = pairs(req.query_parameters);
    let optional = pairs(req.optional_parameters);
    let mut found = service.discover(&query, filter);
    if !optional.is_empty() {
        let mut both = query.clone();
        both.extend(optional);
        let narrowed = service.discover(&both, filter);
        if !narrowed.is_empty() {
            found = narrowed;
        }
    }
    let instances = found
        .into_iter()
        .take(max)
        .map(|(id, i)| HttpInstanceSummary {
            instance_id: id.clone(),
            namespace_name: namespace_name.clone(),
            service_name: service_name.clone(),
            health_status: i.health_status().to_string(),
            attributes: i.attributes.clone(),
        })
        .collect();
    Ok(DiscoverInstancesResponse {
        instances,
        instances_revision: service.instances_revision,
    })
}

/// `UpdateInstanceCustomHealthStatus`: `UNHEALTHY` instances get no traffic
/// from `serve` and leave `DiscoverInstances`' healthy answers.
pub fn update_instance_custom_health_status(
    ws: &mut Workspace,
    req: UpdateInstanceCustomHealthStatusRequest,
) -> Result<(), ApiError> {
    if !CUSTOM_HEALTH_STATUSES.contains(&req.status.as_str()) {
        return Err(ApiError::bad_request(format!(
            "Invalid Status {}: use HEALTHY or UNHEALTHY",
            req.status
        )));
    }
    let id = service_id(&req.service_id)?;
    let instance = ws
        .servicediscovery
        .services
        .get_mut(&id)
        .ok_or_else(|| service_not_found(&id))?
        .instances
        .get_mut(&req.instance_id)
        .ok_or_else(|| instance_not_found(&id, &req.instance_id))?;
    instance.custom_health_status = Some(req.status);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const LISTENER: &str = "arn:aws:elasticloadbalancing:us-east-2:123456789012:listener/app/my-load-balancer/50dc6c495c0c9188/0467ef3c8400ae65";

    fn target(id: &str, port: i64) -> TargetDescription {
        TargetDescription {
            id: id.into(),
            port: Some(port),
        }
    }

    fn attrs(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn targets_register_once_and_deregister() {
        let mut ws = Workspace::default();
        let req = || RegisterTargetsRequest {
            listener_arn: LISTENER.into(),
            targets: vec![target("127.0.0.1", 9001), target("127.0.0.1", 9002)],
        };
        register_targets(&mut ws, req()).unwrap();
        register_targets(&mut ws, req()).unwrap();
        assert_eq!(ws.elbv2.listeners[LISTENER].targets.len(), 2);
        ws.check().unwrap();
        deregister_targets(
            &mut ws,
            DeregisterTargetsRequest {
                listener_arn: LISTENER.into(),
                targets: vec![target("127.0.0.1", 9001)],
            },
        )
        .unwrap();
        assert_eq!(ws.elbv2.listeners[LISTENER].targets.len(), 1);
        let err = deregister_targets(
            &mut ws,
            DeregisterTargetsRequest {
                listener_arn: LISTENER.into(),
                targets: vec![target("127.0.0.1", 9001)],
            },
        )
        .unwrap_err();
        assert!(err.to_string().contains("not registered"), "{err}");
    }

    #[test]
    fn targets_are_checked() {
        let mut ws = Workspace::default();
        let lb = "arn:aws:elasticloadbalancing:us-east-2:123456789012:loadbalancer/app/my-load-balancer/50dc6c495c0c9188";
        for (arn, t, needle) in [
            (lb, target("127.0.0.1", 1), "listener ARN"),
            (LISTENER, target("i-0123", 80), "IP address"),
            (LISTENER, target("127.0.0.1", 70000), "65535"),
            (
                LISTENER,
                TargetDescription {
                    id: "127.0.0.1".into(),
                    port: None,
                },
                "needs a Port",
            ),
        ] {
            let err = register_targets(
                &mut ws,
                RegisterTargetsRequest {
                    listener_arn: arn.into(),
                    targets: vec![t],
                },
            )
            .unwrap_err();
            assert!(err.to_string().contains(needle), "{err}");
        }
        assert!(ws.elbv2.is_empty());
    }

    #[test]
    fn target_health_reports_what_the_probe_found() {
        let mut ws = Workspace::default();
        register_targets(
            &mut ws,
            RegisterTargetsRequest {
                listener_arn: LISTENER.into(),
                targets: vec![target("127.0.0.1", 9001), target("127.0.0.1", 9002)],
            },
        )
        .unwrap();
        let probe = |_: &Listener, ts: &[Target]| {
            ts.iter()
                .map(|t| {
                    if t.port == 9001 {
                        TargetHealth::healthy()
                    } else {
                        TargetHealth::unhealthy("Target.FailedHealthChecks", "Health checks failed")
                    }
                })
                .collect()
        };
        let out = describe_target_health_with(
            &ws,
            DescribeTargetHealthRequest {
                listener_arn: LISTENER.into(),
                targets: None,
            },
            &probe,
        )
        .unwrap();
        let json = serde_json::to_value(&out).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"TargetHealthDescriptions": [
                {"Target": {"Id": "127.0.0.1", "Port": 9001}, "HealthCheckPort": "9001",
                 "TargetHealth": {"State": "healthy"}},
                {"Target": {"Id": "127.0.0.1", "Port": 9002}, "HealthCheckPort": "9002",
                 "TargetHealth": {"State": "unhealthy", "Reason": "Target.FailedHealthChecks",
                                  "Description": "Health checks failed"}}
            ]})
        );
        let out = describe_target_health_with(
            &ws,
            DescribeTargetHealthRequest {
                listener_arn: LISTENER.into(),
                targets: Some(vec![target("127.0.0.2", 1)]),
            },
            &probe,
        )
        .unwrap();
        assert_eq!(
            out.target_health_descriptions[0]
                .target_health
                .reason
                .as_deref(),
            Some("Target.NotRegistered")
        );
    }

    #[test]
    fn instances_need_an_address_and_port() {
        let mut ws = Workspace::default();
        let err = register_instance(
            &mut ws,
            RegisterInstanceRequest {
                service_id: "srv-abc".into(),
                instance_id: "i-1".into(),
                creator_request_id: None,
                attributes: attrs(&[("AWS_INSTANCE_PORT", "80")]),
            },
        )
        .unwrap_err();
        assert!(err.to_string().contains("AWS_INSTANCE_IPV4"), "{err}");
        let err = register_instance(
            &mut ws,
            RegisterInstanceRequest {
                service_id: "srv-abc".into(),
                instance_id: "i-1".into(),
                creator_request_id: None,
                attributes: attrs(&[("AWS_INSTANCE_IPV4", "10.0.0.1")]),
            },
        )
        .unwrap_err();
        assert!(err.to_string().contains("AWS_INSTANCE_PORT"), "{err}");
        assert!(ws.servicediscovery.is_empty());
    }

    #[test]
    fn instances_register_list_discover_and_change_health() {
        let mut ws = Workspace::default();
        let arn = "arn:aws:servicediscovery:us-east-2:123456789012:service/srv-abc";
        for (id, dep) in [
            ("green-1", "green_deployment"),
            ("blue-1", "blue_deployment"),
        ] {
            let out = register_instance(
                &mut ws,
                RegisterInstanceRequest {
                    service_id: arn.into(),
                    instance_id: id.into(),
                    creator_request_id: None,
                    attributes: attrs(&[
                        ("AWS_INSTANCE_IPV4", "127.0.0.1"),
                        ("AWS_INSTANCE_PORT", "9000"),
                        ("stage", "prod"),
                        ("deployment", dep),
                    ]),
                },
            )
            .unwrap();
            assert_eq!(out.operation_id.len(), 41);
        }
        ws.check().unwrap();
        let list = list_instances(
            &ws,
            ListInstancesRequest {
                service_id: "srv-abc".into(),
                max_results: Some(1),
                next_token: None,
            },
        )
        .unwrap();
        assert_eq!(list.instances[0].id, "blue-1");
        assert_eq!(list.next_token.as_deref(), Some("green-1"));

        let discover = |ws: &Workspace, health: Option<&str>| {
            discover_instances(
                ws,
                DiscoverInstancesRequest {
                    namespace_name: Some("anything".into()),
                    service_name: Some("srv-abc".into()),
                    query_parameters: Some(attrs(&[
                        ("stage", "prod"),
                        ("deployment", "green_deployment"),
                    ])),
                    health_status: health.map(str::to_string),
                    ..Default::default()
                },
            )
            .unwrap()
        };
        let out = discover(&ws, None);
        assert_eq!(out.instances.len(), 1);
        assert_eq!(out.instances[0].instance_id, "green-1");
        assert_eq!(out.instances[0].health_status, "HEALTHY");
        assert_eq!(out.instances_revision, 2);

        update_instance_custom_health_status(
            &mut ws,
            UpdateInstanceCustomHealthStatusRequest {
                service_id: "srv-abc".into(),
                instance_id: "green-1".into(),
                status: "UNHEALTHY".into(),
            },
        )
        .unwrap();
        assert!(discover(&ws, None).instances.is_empty());
        assert_eq!(discover(&ws, Some("ALL")).instances.len(), 1);

        deregister_instance(
            &mut ws,
            DeregisterInstanceRequest {
                service_id: "srv-abc".into(),
                instance_id: "green-1".into(),
            },
        )
        .unwrap();
        let err = deregister_instance(
            &mut ws,
            DeregisterInstanceRequest {
                service_id: "srv-abc".into(),
                instance_id: "green-1".into(),
            },
        )
        .unwrap_err();
        assert!(matches!(err, ApiError::NotFound(_)));
    }
}
