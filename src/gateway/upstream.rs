//! Where an integration's requests go, behind one trait: a fixed host (an
//! INTERNET integration's URL), or a pool of backends resolved from the
//! workspace's stand-ins — an ELB listener's targets, or the Cloud Map
//! instances `DiscoverInstances` would return for the integration URI's
//! query. Pools spread requests round-robin over the members that are up.

use super::health::{Checked, MemberHealth, ProbeSpec};
use crate::model::{CloudMapService, Listener};
use http::uri::Authority;
use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The backend chosen for one request.
pub struct Pick<'a> {
    pub authority: &'a Authority,
    /// Set for pool members, to take them out of rotation when they fail.
    pub health: Option<&'a MemberHealth>,
}

/// Resolves the backend of each request.
pub trait Upstream: Send + Sync {
    /// The backend for the next request; `None` when none is healthy.
    fn pick(&self) -> Option<Pick<'_>>;
    /// What this is, for the table `serve` prints and for messages.
    fn describe(&self) -> String;
    /// The members whose health is checked, with how.
    fn checked(&self) -> Option<Checked>;
}

/// An INTERNET integration's host.
pub struct FixedHost {
    pub authority: Authority,
}

impl Upstream for FixedHost {
    fn pick(&self) -> Option<Pick<'_>> {
        Some(Pick {
            authority: &self.authority,
            health: None,
        })
    }

    fn describe(&self) -> String {
        self.authority.to_string()
    }

    fn checked(&self) -> Option<Checked> {
        None
    }
}

pub struct Member {
    pub authority: Authority,
    pub health: Arc<MemberHealth>,
}

/// Backends behind a VPC link, with their health.
pub struct Pool {
    what: String,
    members: Vec<Member>,
    spec: Arc<ProbeSpec>,
    next: AtomicUsize,
}

/// Health kept across plans, by (listener ARN or service id, address).
pub type HealthIndex = HashMap<(String, SocketAddr), Arc<MemberHealth>>;

fn authority(addr: SocketAddr) -> Authority {
    Authority::try_from(addr.to_string()).expect("a socket address is an authority")
}

impl Pool {
    fn new(
        what: String,
        resource: &str,
        addrs: Vec<(SocketAddr, String)>,
        spec: ProbeSpec,
        previous: &HealthIndex,
        index: &mut HealthIndex,
    ) -> Pool {
        let members = addrs
            .into_iter()
            .map(|(addr, label)| {
                let key = (resource.to_string(), addr);
                let health = index
                    .get(&key)
                    .or_else(|| previous.get(&key))
                    .cloned()
                    .unwrap_or_else(|| Arc::new(MemberHealth::new(label, addr)));
                index.insert(key, health.clone());
                Member {
                    authority: authority(addr),
                    health,
                }
            })
            .collect();
        Pool {
            what,
            members,
            spec: Arc::new(spec),
            next: AtomicUsize::new(0),
        }
    }

    /// The targets registered with a listener (none when it is unknown).
    pub fn listener(
        arn: &str,
        listener: Option<&Listener>,
        previous: &HealthIndex,
        index: &mut HealthIndex,
    ) -> Pool {
        let addrs = listener
            .map(|l| {
                l.targets
                    .iter()
                    .filter_map(|t| t.addr())
                    .map(|a| (a, format!("target {a} of listener {arn}")))
                    .collect()
            })
            .unwrap_or_default();
        let spec = ProbeSpec::for_listener(listener.and_then(|l| l.health_check.as_ref()));
        Pool::new(format!("listener {arn}"), arn, addrs, spec, previous, index)
    }

    /// The instances of a Cloud Map service that match `query` and whose
    /// custom health status is not UNHEALTHY, as `DiscoverInstances` with
    /// `HealthStatus=HEALTHY` returns them.
    pub fn cloud_map(
        service_id: &str,
        query: &[(String, String)],
        service: Option<&CloudMapService>,
        previous: &HealthIndex,
        index: &mut HealthIndex,
    ) -> Pool {
        let addrs = service
            .map(|s| {
                s.discover(query, "HEALTHY")
                    .into_iter()
                    .filter_map(|(id, i)| {
                        let a = i.addr().ok()?;
                        Some((a, format!("instance {id} ({a}) of {service_id}")))
                    })
                    .collect()
            })
            .unwrap_or_default();
        let spec = ProbeSpec::for_service(service.and_then(|s| s.health_check_config.as_ref()));
        let what = if query.is_empty() {
            format!("Cloud Map service {service_id}")
        } else {
            let q: Vec<String> = query.iter().map(|(k, v)| format!("{k}={v}")).collect();
            format!("Cloud Map service {service_id}?{}", q.join("&"))
        };
        Pool::new(what, service_id, addrs, spec, previous, index)
    }

    pub fn len(&self) -> usize {
        self.members.len()
    }

    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }
}

impl Upstream for Pool {
    fn pick(&self) -> Option<Pick<'_>> {
        let up = self.members.iter().filter(|m| m.health.is_up()).count();
        if up == 0 {
            return None;
        }
        let k = self.next.fetch_add(1, Ordering::Relaxed) % up;
        let member = self
            .members
            .iter()
            .filter(|m| m.health.is_up())
            .nth(k)
            // Health changed between the two looks: take anyone up.
            .or_else(|| self.members.iter().find(|m| m.health.is_up()))?;
        Some(Pick {
            authority: &member.authority,
            health: Some(&member.health),
        })
    }

    fn describe(&self) -> String {
        let n = self.members.len();
        format!(
            "{} ({n} {})",
            self.what,
            if n == 1 { "backend" } else { "backends" }
        )
    }

    fn checked(&self) -> Option<Checked> {
        Some(Checked {
            spec: self.spec.clone(),
            members: self.members.iter().map(|m| m.health.clone()).collect(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Target;

    #[test]
    fn round_robin_over_members_that_are_up() {
        let listener = Listener {
            health_check: None,
            targets: (1..=3)
                .map(|p| Target {
                    id: "127.0.0.1".into(),
                    port: p,
                })
                .collect(),
        };
        let mut index = HealthIndex::new();
        let pool = Pool::listener("arn", Some(&listener), &HealthIndex::new(), &mut index);
        assert!(pool.pick().is_none(), "new members wait for a check");
        let spec = ProbeSpec::for_listener(None);
        for m in &pool.members {
            m.health
                .record(&super::super::health::Outcome::Healthy, &spec);
        }
        let picks: Vec<String> = (0..6)
            .map(|_| pool.pick().unwrap().authority.to_string())
            .collect();
        assert_eq!(
            picks,
            [
                "127.0.0.1:1",
                "127.0.0.1:2",
                "127.0.0.1:3",
                "127.0.0.1:1",
                "127.0.0.1:2",
                "127.0.0.1:3"
            ]
        );
        pool.members[1].health.mark_failed();
        let mut counts = HashMap::new();
        for _ in 0..10 {
            *counts
                .entry(pool.pick().unwrap().authority.to_string())
                .or_insert(0) += 1;
        }
        assert_eq!(counts.get("127.0.0.1:2"), None);
        assert_eq!(counts["127.0.0.1:1"] + counts["127.0.0.1:3"], 10);
        // A new plan keeps what the old one knew.
        let again = Pool::listener("arn", Some(&listener), &index, &mut HealthIndex::new());
        assert!(!again.members[1].health.is_up());
        for m in &pool.members {
            m.health.mark_failed();
        }
        assert!(pool.pick().is_none());
    }
}
