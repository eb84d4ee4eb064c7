//! Local stand-ins for what sits behind a VPC link: Elastic Load Balancing
//! listeners with their registered targets, and Cloud Map services with
//! their instances. They live in the workspace file beside the APIs, use the
//! member names of the `elbv2` and `servicediscovery` APIs, and are what
//! `apigw serve` forwards private integrations to.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::net::{IpAddr, SocketAddr};

/// `[elbv2.listeners."ARN"]`: load balancer listeners, keyed by listener ARN.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Elbv2 {
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub listeners: BTreeMap<String, Listener>,
}

impl Elbv2 {
    pub fn is_empty(&self) -> bool {
        self.listeners.is_empty()
    }
}

/// A listener and the targets its (implicit) target group forwards to.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct Listener {
    /// How `serve` checks the targets; a TCP connect when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub health_check: Option<TargetHealthCheck>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<Target>,
}

/// A registered IP target, as `TargetDescription` names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct Target {
    pub id: String,
    pub port: u16,
}

impl Target {
    /// The socket address, when `Id` is an IP address (checked on load).
    pub fn addr(&self) -> Option<SocketAddr> {
        self.id
            .parse::<IpAddr>()
            .ok()
            .map(|ip| SocketAddr::new(ip, self.port))
    }
}

/// Health check settings of a target group, with the elbv2 member names.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct TargetHealthCheck {
    /// `TCP` (default), `HTTP` or `HTTPS`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub health_check_protocol: Option<String>,
    /// `traffic-port` (default) or a port number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub health_check_port: Option<String>,
    /// The path of an HTTP(S) check; `/` by default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub health_check_path: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub health_check_interval_seconds: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub health_check_timeout_seconds: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub healthy_threshold_count: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unhealthy_threshold_count: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub matcher: Option<Matcher>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct Matcher {
    /// `200`, `200,202` or `200-299`.
    pub http_code: String,
}

/// The defaults `serve` uses for a check. They are quicker than the
/// service's own (30 s interval, 5 to become healthy), to suit a laptop.
pub mod health_defaults {
    pub const INTERVAL_SECONDS: u32 = 5;
    pub const TIMEOUT_SECONDS: u32 = 2;
    pub const HEALTHY_THRESHOLD: u32 = 2;
    pub const UNHEALTHY_THRESHOLD: u32 = 2;
    pub const MATCHER: &str = "200-399";
}

/// `[servicediscovery.services.srv-…]`: Cloud Map services, keyed by service id.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceDiscovery {
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub services: BTreeMap<String, CloudMapService>,
}

impl ServiceDiscovery {
    pub fn is_empty(&self) -> bool {
        self.services.is_empty()
    }
}

/// A Cloud Map service and its registered instances.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct CloudMapService {
    /// The name `DiscoverInstances` looks for; the service id when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The namespace's `HttpName`; any namespace name matches when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub namespace_name: Option<String>,
    /// How `serve` checks the instances; a TCP connect when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub health_check_config: Option<ServiceHealthCheck>,
    /// Goes up by one on every registration and deregistration.
    #[serde(default)]
    pub instances_revision: i64,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub instances: BTreeMap<String, Instance>,
}

/// `HealthCheckConfig` of a Cloud Map service (Route 53 style).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct ServiceHealthCheck {
    /// `HTTP`, `HTTPS` or `TCP`.
    #[serde(rename = "Type")]
    pub kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource_path: Option<String>,
    /// Consecutive checks that change the status, 1 to 10 (default 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failure_threshold: Option<u32>,
}

/// A registered instance: its attributes and custom health status.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct Instance {
    #[serde(default)]
    pub attributes: BTreeMap<String, String>,
    /// `HEALTHY` (when absent) or `UNHEALTHY`, set by
    /// `UpdateInstanceCustomHealthStatus`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_health_status: Option<String>,
}

pub const ATTR_IPV4: &str = "AWS_INSTANCE_IPV4";
pub const ATTR_IPV6: &str = "AWS_INSTANCE_IPV6";
pub const ATTR_PORT: &str = "AWS_INSTANCE_PORT";
pub const ATTR_INIT_HEALTH: &str = "AWS_INIT_HEALTH_STATUS";
pub const HEALTH_STATUS_FILTERS: &[&str] = &["HEALTHY", "UNHEALTHY", "ALL", "HEALTHY_OR_ELSE_ALL"];
pub const CUSTOM_HEALTH_STATUSES: &[&str] = &["HEALTHY", "UNHEALTHY"];

impl Instance {
    /// Where the instance listens: `AWS_INSTANCE_IPV4` (else `…_IPV6`) and
    /// `AWS_INSTANCE_PORT`.
    pub fn addr(&self) -> Result<SocketAddr, String> {
        let ip = match (
            self.attributes.get(ATTR_IPV4),
            self.attributes.get(ATTR_IPV6),
        ) {
            (Some(v4), _) => v4
                .parse::<std::net::Ipv4Addr>()
                .map(IpAddr::V4)
                .map_err(|_| format!("{ATTR_IPV4} {v4:?} is not an IPv4 address"))?,
            (None, Some(v6)) => v6
                .parse::<std::net::Ipv6Addr>()
                .map(IpAddr::V6)
                .map_err(|_| format!("{ATTR_IPV6} {v6:?} is not an IPv6 address"))?,
            (None, None) => {
                return Err(format!(
                    "the attributes must include {ATTR_IPV4} (or {ATTR_IPV6}) with the instance's address"
                ));
            }
        };
        let port = self.attributes.get(ATTR_PORT).ok_or_else(|| {
            format!("the attributes must include {ATTR_PORT} with the port the instance serves on")
        })?;
        let port = port
            .parse::<u16>()
            .ok()
            .filter(|p| *p != 0)
            .ok_or_else(|| format!("{ATTR_PORT} {port:?} is not a port number (1 to 65535)"))?;
        Ok(SocketAddr::new(ip, port))
    }

    /// True unless the custom health status is `UNHEALTHY`.
    pub fn is_healthy(&self) -> bool {
        self.custom_health_status.as_deref() != Some("UNHEALTHY")
    }

    pub fn health_status(&self) -> &str {
        if self.is_healthy() {
            "HEALTHY"
        } else {
            "UNHEALTHY"
        }
    }

    /// True when every `(key, value)` of `query` is one of the attributes.
    pub fn matches<'a>(&self, mut query: impl Iterator<Item = (&'a str, &'a str)>) -> bool {
        query.all(|(k, v)| self.attributes.get(k).is_some_and(|a| a == v))
    }
}

impl CloudMapService {
    /// What `DiscoverInstances` returns: instances whose attributes match all
    /// of `query`, then filtered by health (`HEALTHY`, `UNHEALTHY`, `ALL`,
    /// `HEALTHY_OR_ELSE_ALL`). API Gateway asks for the healthy ones.
    pub fn discover<'s>(
        &'s self,
        query: &[(String, String)],
        health_filter: &str,
    ) -> Vec<(&'s String, &'s Instance)> {
        let matching: Vec<_> = self
            .instances
            .iter()
            .filter(|(_, i)| i.matches(query.iter().map(|(k, v)| (k.as_str(), v.as_str()))))
            .collect();
        let healthy = || matching.iter().filter(|(_, i)| i.is_healthy()).cloned();
        match health_filter {
            "ALL" => matching,
            "UNHEALTHY" => matching
                .iter()
                .filter(|(_, i)| !i.is_healthy())
                .cloned()
                .collect(),
            "HEALTHY_OR_ELSE_ALL" => {
                let h: Vec<_> = healthy().collect();
                if h.is_empty() { matching } else { h }
            }
            _ => healthy().collect(),
        }
    }
}

/// Checks the `[elbv2]` and `[servicediscovery]` sections of a workspace.
pub fn check_backends(elbv2: &Elbv2, sd: &ServiceDiscovery) -> Result<(), String> {
    use crate::rules::arn::{PrivateTarget, private_target};
    for (arn, listener) in &elbv2.listeners {
        let at = format!("[elbv2.listeners.\"{arn}\"]");
        if !matches!(private_target(arn), Some(PrivateTarget::Listener { .. })) {
            return Err(format!(
                "{at}: the key must be a load balancer listener ARN such as \
                 arn:aws:elasticloadbalancing:us-east-2:123456789012:listener/app/my-load-balancer/50dc6c495c0c9188/0467ef3c8400ae65"
            ));
        }
        for t in &listener.targets {
            check_target(t).map_err(|m| format!("{at}: {m}"))?;
        }
        if let Some(hc) = &listener.health_check {
            check_target_health_check(hc).map_err(|m| format!("{at} HealthCheck: {m}"))?;
        }
    }
    for (id, service) in &sd.services {
        let at = format!("[servicediscovery.services.{id}]");
        check_service_id(id).map_err(|m| format!("{at}: {m}"))?;
        if let Some(hc) = &service.health_check_config {
            check_service_health_check(hc).map_err(|m| format!("{at} HealthCheckConfig: {m}"))?;
        }
        for (instance_id, instance) in &service.instances {
            check_instance_id(instance_id)
                .and_then(|()| check_attributes(&instance.attributes))
                .map_err(|m| format!("{at} instance {instance_id}: {m}"))?;
            if let Some(s) = &instance.custom_health_status
                && !CUSTOM_HEALTH_STATUSES.contains(&s.as_str())
            {
                return Err(format!(
                    "{at} instance {instance_id}: CustomHealthStatus {s:?} must be HEALTHY or UNHEALTHY"
                ));
            }
        }
    }
    Ok(())
}

pub fn check_target(t: &Target) -> Result<(), String> {
    if t.id.parse::<IpAddr>().is_err() {
        return Err(format!(
            "target Id {:?} must be an IP address such as 127.0.0.1 (local targets are IP targets)",
            t.id
        ));
    }
    if t.port == 0 {
        return Err(format!("target {} has Port 0; use 1 to 65535", t.id));
    }
    Ok(())
}

pub fn check_service_id(id: &str) -> Result<(), String> {
    let ok = id
        .strip_prefix("srv-")
        .is_some_and(|r| !r.is_empty() && r.bytes().all(|b| b.is_ascii_alphanumeric()));
    if ok {
        Ok(())
    } else {
        Err(format!(
            "{id:?} is not a Cloud Map service id; use srv- and letters or digits, such as srv-e4anhexample0004"
        ))
    }
}

pub fn check_instance_id(id: &str) -> Result<(), String> {
    let ok = !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"_/:.@-".contains(&b));
    if ok {
        Ok(())
    } else {
        Err(format!(
            "InstanceId {id:?} must be 1 to 64 letters, digits or _ / : . @ -"
        ))
    }
}

/// The rules of `RegisterInstance`'s `Attributes` that matter here.
pub fn check_attributes(attrs: &BTreeMap<String, String>) -> Result<(), String> {
    Instance {
        attributes: attrs.clone(),
        custom_health_status: None,
    }
    .addr()?;
    let custom = attrs.keys().filter(|k| !k.starts_with("AWS_")).count();
    if custom > 30 {
        return Err(format!(
            "{custom} custom attributes; an instance may have at most 30"
        ));
    }
    let mut total = 0;
    for (k, v) in attrs {
        total += k.len() + v.len();
        if k.is_empty() || k.len() > 255 || !k.bytes().all(|b| (b'!'..=b'~').contains(&b)) {
            return Err(format!(
                "attribute name {k:?} must be 1 to 255 printable characters without spaces"
            ));
        }
        if v.len() > 1024 {
            return Err(format!(
                "the value of attribute {k} is longer than 1024 characters"
            ));
        }
    }
    if total > 5000 {
        return Err(
            "the attributes' names and values add up to more than 5000 characters".to_string(),
        );
    }
    if let Some(s) = attrs.get(ATTR_INIT_HEALTH)
        && !CUSTOM_HEALTH_STATUSES.contains(&s.as_str())
    {
        return Err(format!(
            "{ATTR_INIT_HEALTH} {s:?} must be HEALTHY or UNHEALTHY"
        ));
    }
    Ok(())
}

fn check_range(field: &str, v: Option<u32>, lo: u32, hi: u32) -> Result<(), String> {
    match v {
        Some(n) if !(lo..=hi).contains(&n) => Err(format!("{field} is {n}; use {lo} to {hi}")),
        _ => Ok(()),
    }
}

pub fn check_target_health_check(hc: &TargetHealthCheck) -> Result<(), String> {
    if let Some(p) = &hc.health_check_protocol
        && !matches!(p.as_str(), "TCP" | "HTTP" | "HTTPS")
    {
        return Err(format!(
            "HealthCheckProtocol {p:?} must be one of TCP, HTTP, HTTPS"
        ));
    }
    if let Some(p) = &hc.health_check_port
        && p != "traffic-port"
        && !p.parse::<u16>().is_ok_and(|n| n != 0)
    {
        return Err(format!(
            "HealthCheckPort {p:?} must be traffic-port or a port number"
        ));
    }
    if let Some(path) = &hc.health_check_path {
        check_path(path, "HealthCheckPath")?;
    }
    // The service allows 5 to 300 seconds; 1 is allowed here for quick local loops.
    check_range(
        "HealthCheckIntervalSeconds",
        hc.health_check_interval_seconds,
        1,
        300,
    )?;
    check_range(
        "HealthCheckTimeoutSeconds",
        hc.health_check_timeout_seconds,
        1,
        120,
    )?;
    check_range("HealthyThresholdCount", hc.healthy_threshold_count, 1, 10)?;
    check_range(
        "UnhealthyThresholdCount",
        hc.unhealthy_threshold_count,
        1,
        10,
    )?;
    if let Some(m) = &hc.matcher {
        parse_matcher(&m.http_code)?;
    }
    Ok(())
}

pub fn check_service_health_check(hc: &ServiceHealthCheck) -> Result<(), String> {
    if !matches!(hc.kind.as_str(), "TCP" | "HTTP" | "HTTPS") {
        return Err(format!(
            "Type {:?} must be one of HTTP, HTTPS, TCP",
            hc.kind
        ));
    }
    if let Some(path) = &hc.resource_path {
        if hc.kind == "TCP" {
            return Err("ResourcePath is for HTTP and HTTPS checks only".to_string());
        }
        check_path(path, "ResourcePath")?;
    }
    check_range("FailureThreshold", hc.failure_threshold, 1, 10)
}

fn check_path(path: &str, field: &str) -> Result<(), String> {
    if path.starts_with('/') && path.len() <= 1024 && !path.contains(char::is_whitespace) {
        Ok(())
    } else {
        Err(format!(
            "{field} {path:?} must be a path that starts with /, such as /health"
        ))
    }
}

/// Parses an elbv2 `Matcher.HttpCode`: codes and ranges separated by commas.
pub fn parse_matcher(s: &str) -> Result<Vec<(u16, u16)>, String> {
    let bad = || {
        format!("Matcher HttpCode {s:?} must be codes or ranges such as 200, 200,202 or 200-299")
    };
    s.split(',')
        .map(|part| {
            let (lo, hi) = part.split_once('-').unwrap_or((part, part));
            let lo: u16 = lo.trim().parse().map_err(|_| bad())?;
            let hi: u16 = hi.trim().parse().map_err(|_| bad())?;
            if !(100..=599).contains(&lo) || !(lo..=599).contains(&hi) {
                return Err(bad());
            }
            Ok((lo, hi))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn instance(attrs: &[(&str, &str)]) -> Instance {
        Instance {
            attributes: attrs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            custom_health_status: None,
        }
    }

    #[test]
    fn instance_addresses() {
        let i = instance(&[(ATTR_IPV4, "127.0.0.1"), (ATTR_PORT, "8080")]);
        assert_eq!(i.addr().unwrap(), "127.0.0.1:8080".parse().unwrap());
        let i = instance(&[(ATTR_IPV6, "::1"), (ATTR_PORT, "8080")]);
        assert_eq!(i.addr().unwrap(), "[::1]:8080".parse().unwrap());
        assert!(
            instance(&[(ATTR_PORT, "8080")])
                .addr()
                .unwrap_err()
                .contains(ATTR_IPV4)
        );
        assert!(
            instance(&[(ATTR_IPV4, "127.0.0.1")])
                .addr()
                .unwrap_err()
                .contains(ATTR_PORT)
        );
        assert!(
            instance(&[(ATTR_IPV4, "127.0.0.1"), (ATTR_PORT, "0")])
                .addr()
                .is_err()
        );
    }

    #[test]
    fn discover_filters_by_attributes_and_health() {
        let mut s = CloudMapService::default();
        let base = [(ATTR_IPV4, "127.0.0.1"), (ATTR_PORT, "1")];
        let mut green = instance(&base);
        green.attributes.insert("deployment".into(), "green".into());
        let mut blue = instance(&base);
        blue.attributes.insert("deployment".into(), "blue".into());
        let mut sick = green.clone();
        sick.custom_health_status = Some("UNHEALTHY".into());
        s.instances.insert("g".into(), green);
        s.instances.insert("b".into(), blue);
        s.instances.insert("s".into(), sick);
        let q = vec![("deployment".to_string(), "green".to_string())];
        let ids = |v: Vec<(&String, &Instance)>| {
            v.into_iter().map(|(k, _)| k.clone()).collect::<Vec<_>>()
        };
        assert_eq!(ids(s.discover(&q, "HEALTHY")), ["g"]);
        assert_eq!(ids(s.discover(&q, "ALL")), ["g", "s"]);
        assert_eq!(ids(s.discover(&q, "UNHEALTHY")), ["s"]);
        assert_eq!(ids(s.discover(&[], "HEALTHY")), ["b", "g"]);
        s.instances.get_mut("g").unwrap().custom_health_status = Some("UNHEALTHY".into());
        assert_eq!(ids(s.discover(&q, "HEALTHY_OR_ELSE_ALL")), ["g", "s"]);
    }

    #[test]
    fn matchers() {
        assert_eq!(parse_matcher("200").unwrap(), [(200, 200)]);
        assert_eq!(
            parse_matcher("200,202-204").unwrap(),
            [(200, 200), (202, 204)]
        );
        assert!(parse_matcher("2xx").is_err());
        assert!(parse_matcher("300-200").is_err());
    }
}
