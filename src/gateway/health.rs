//! Health of the backends behind private integrations: how each is checked
//! (a TCP connect by default, an HTTP(S) request when configured), the
//! state every pool member carries (changed by active checks and by failed
//! connections), and the loop that runs the checks while `serve` runs.

use crate::model::{Listener, ServiceHealthCheck, Target, TargetHealthCheck, health_defaults};
use crate::ops::TargetHealth;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU8, AtomicU32, Ordering};
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// How a pool's members are checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProbeSpec {
    pub kind: ProbeKind,
    /// A fixed port to check instead of the member's own.
    pub port: Option<u16>,
    pub interval: Duration,
    pub timeout: Duration,
    pub healthy_threshold: u32,
    pub unhealthy_threshold: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProbeKind {
    Tcp,
    Http {
        https: bool,
        path: String,
        codes: Vec<(u16, u16)>,
    },
}

impl ProbeSpec {
    /// From a listener's `HealthCheck` (elbv2 target group settings).
    pub fn for_listener(hc: Option<&TargetHealthCheck>) -> ProbeSpec {
        let d = TargetHealthCheck::default();
        let hc = hc.unwrap_or(&d);
        let secs =
            |v: Option<u32>, default: u32| Duration::from_secs(u64::from(v.unwrap_or(default)));
        let protocol = hc.health_check_protocol.as_deref().unwrap_or("TCP");
        let kind = match protocol {
            "HTTP" | "HTTPS" => ProbeKind::Http {
                https: protocol == "HTTPS",
                path: hc
                    .health_check_path
                    .clone()
                    .unwrap_or_else(|| "/".to_string()),
                codes: crate::model::parse_matcher(
                    hc.matcher
                        .as_ref()
                        .map_or(health_defaults::MATCHER, |m| m.http_code.as_str()),
                )
                .unwrap_or_else(|_| vec![(200, 399)]),
            },
            _ => ProbeKind::Tcp,
        };
        ProbeSpec {
            kind,
            port: hc
                .health_check_port
                .as_deref()
                .and_then(|p| p.parse::<u16>().ok()),
            interval: secs(
                hc.health_check_interval_seconds,
                health_defaults::INTERVAL_SECONDS,
            ),
            timeout: secs(
                hc.health_check_timeout_seconds,
                health_defaults::TIMEOUT_SECONDS,
            ),
            healthy_threshold: hc
                .healthy_threshold_count
                .unwrap_or(health_defaults::HEALTHY_THRESHOLD),
            unhealthy_threshold: hc
                .unhealthy_threshold_count
                .unwrap_or(health_defaults::UNHEALTHY_THRESHOLD),
        }
    }

    /// From a Cloud Map service's `HealthCheckConfig`.
    pub fn for_service(hc: Option<&ServiceHealthCheck>) -> ProbeSpec {
        let mut spec = ProbeSpec::for_listener(None);
        if let Some(hc) = hc {
            if hc.kind != "TCP" {
                spec.kind = ProbeKind::Http {
                    https: hc.kind == "HTTPS",
                    path: hc.resource_path.clone().unwrap_or_else(|| "/".to_string()),
                    codes: vec![(200, 399)],
                };
            }
            let n = hc.failure_threshold.unwrap_or(1);
            spec.healthy_threshold = n;
            spec.unhealthy_threshold = n;
        }
        spec
    }

    pub fn describe(&self) -> String {
        match &self.kind {
            ProbeKind::Tcp => "TCP connect".to_string(),
            ProbeKind::Http { https, path, .. } => {
                format!("{} GET {path}", if *https { "HTTPS" } else { "HTTP" })
            }
        }
    }
}

/// What one check found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Healthy,
    /// Refused, reset, or not HTTP.
    Failed(String),
    Timeout,
    /// The HTTP check answered with a code the matcher does not accept.
    CodeMismatch(u16),
    /// The check could not be made for want of something on this machine
    /// (file descriptors, ports): it says nothing about the backend, and
    /// is not counted.
    NotMade(String),
}

impl Outcome {
    /// As elbv2's `TargetHealth`.
    pub fn target_health(&self) -> TargetHealth {
        match self {
            Outcome::Healthy => TargetHealth::healthy(),
            Outcome::Failed(_) => {
                TargetHealth::unhealthy("Target.FailedHealthChecks", "Health checks failed")
            }
            Outcome::Timeout => TargetHealth::unhealthy("Target.Timeout", "Request timed out"),
            Outcome::CodeMismatch(code) => TargetHealth::unhealthy(
                "Target.ResponseCodeMismatch",
                format!("Health checks failed with these codes: [{code}]"),
            ),
            Outcome::NotMade(why) => TargetHealth {
                state: "unavailable".into(),
                reason: Some("Elb.InternalError".into()),
                description: Some(format!("The health check could not be made: {why}")),
            },
        }
    }

    fn describe(&self) -> String {
        match self {
            Outcome::Healthy => "healthy".into(),
            Outcome::Failed(why) => why.clone(),
            Outcome::Timeout => "health check timed out".into(),
            Outcome::CodeMismatch(code) => format!("health check answered {code}"),
            Outcome::NotMade(why) => why.clone(),
        }
    }
}

/// Checks one backend once.
pub async fn probe(addr: SocketAddr, spec: &ProbeSpec) -> Outcome {
    let addr = SocketAddr::new(addr.ip(), spec.port.unwrap_or(addr.port()));
    match tokio::time::timeout(spec.timeout, probe_inner(addr, &spec.kind)).await {
        Ok(outcome) => outcome,
        Err(_) => Outcome::Timeout,
    }
}

async fn probe_inner(addr: SocketAddr, kind: &ProbeKind) -> Outcome {
    let tcp = match TcpStream::connect(addr).await {
        Ok(s) => s,
        Err(e) if super::client::is_local_shortage(&e) => {
            return Outcome::NotMade(format!("cannot open a connection to {addr}: {e}"));
        }
        Err(e) => return Outcome::Failed(format!("connection to {addr} failed: {e}")),
    };
    let (https, path, codes) = match kind {
        ProbeKind::Tcp => return Outcome::Healthy,
        ProbeKind::Http { https, path, codes } => (*https, path, codes),
    };
    let request = format!(
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nUser-Agent: ELB-HealthChecker/2.0\r\nAccept: */*\r\nConnection: close\r\n\r\n"
    );
    let status = if https {
        let name = super::tls::server_name(&addr.ip().to_string());
        let Some(name) = name else {
            return Outcome::Failed(format!("{addr} is not a TLS server name"));
        };
        let connector = tokio_rustls::TlsConnector::from(super::tls::unverified_config());
        match connector.connect(name, tcp).await {
            Ok(mut tls) => exchange(&mut tls, &request).await,
            Err(e) => Err(format!("TLS handshake with {addr} failed: {e}")),
        }
    } else {
        let mut tcp = tcp;
        exchange(&mut tcp, &request).await
    };
    match status {
        Ok(code) if codes.iter().any(|(lo, hi)| (*lo..=*hi).contains(&code)) => Outcome::Healthy,
        Ok(code) => Outcome::CodeMismatch(code),
        Err(why) => Outcome::Failed(why),
    }
}

/// Sends a request and reads the status code of the answer.
async fn exchange<S>(stream: &mut S, request: &str) -> Result<u16, String>
where
    S: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin,
{
    stream
        .write_all(request.as_bytes())
        .await
        .map_err(|e| format!("health check request failed: {e}"))?;
    let mut buf = [0u8; 64];
    let mut len = 0;
    while len < 12 {
        let n = stream
            .read(&mut buf[len..])
            .await
            .map_err(|e| format!("health check answer failed: {e}"))?;
        if n == 0 {
            break;
        }
        len += n;
    }
    let head = std::str::from_utf8(&buf[..len]).unwrap_or_default();
    head.strip_prefix("HTTP/1.")
        .and_then(|r| r.get(2..5))
        .and_then(|c| c.parse::<u16>().ok())
        .ok_or_else(|| "the health check answer is not HTTP".to_string())
}

/// Checks a listener's targets now, together, with its health check; for
/// `DescribeTargetHealth`, which has no running `serve` to ask.
pub fn check_targets_now(listener: &Listener, targets: &[Target]) -> Vec<TargetHealth> {
    let spec = ProbeSpec::for_listener(listener.health_check.as_ref());
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            let why = format!("cannot run health checks: {e}");
            return targets
                .iter()
                .map(|_| TargetHealth::unhealthy("Elb.InternalError", why.clone()))
                .collect();
        }
    };
    runtime.block_on(async {
        let mut tasks = Vec::with_capacity(targets.len());
        for t in targets {
            let spec = spec.clone();
            let addr = t.addr();
            tasks.push(tokio::spawn(async move {
                match addr {
                    Some(a) => probe(a, &spec).await,
                    None => Outcome::Failed("not an IP target".into()),
                }
            }));
        }
        let mut out = Vec::with_capacity(tasks.len());
        for t in tasks {
            let outcome = t
                .await
                .unwrap_or_else(|e| Outcome::Failed(format!("health check failed: {e}")));
            out.push(outcome.target_health());
        }
        out
    })
}

/// Where a pool member stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    /// Newly seen (registered, or `serve` just started): no traffic until
    /// its first health check passes, as a load balancer's `initial`.
    Initial,
    /// In rotation.
    Up,
    /// Out of rotation until checks bring it back.
    Down,
}

const INITIAL: u8 = 0;
const UP: u8 = 1;
const DOWN: u8 = 2;

/// What `serve` knows of one backend: initial, up or down, and the streaks
/// that move it. Shared by every pool that holds the backend, and kept
/// across reloads, so a change of configuration does not forget who is down.
#[derive(Debug)]
pub struct MemberHealth {
    /// What the member is called in messages (`127.0.0.1:9001 of listener …`).
    pub label: String,
    pub addr: SocketAddr,
    state: AtomicU8,
    ok_streak: AtomicU32,
    fail_streak: AtomicU32,
    probing: AtomicBool,
    next_probe: Mutex<Instant>,
}

impl MemberHealth {
    pub fn new(label: String, addr: SocketAddr) -> Self {
        MemberHealth {
            label,
            addr,
            state: AtomicU8::new(INITIAL),
            ok_streak: AtomicU32::new(0),
            fail_streak: AtomicU32::new(0),
            probing: AtomicBool::new(false),
            next_probe: Mutex::new(Instant::now()),
        }
    }

    #[inline]
    pub fn is_up(&self) -> bool {
        self.state.load(Ordering::Relaxed) == UP
    }

    pub fn state(&self) -> State {
        match self.state.load(Ordering::Relaxed) {
            INITIAL => State::Initial,
            UP => State::Up,
            _ => State::Down,
        }
    }

    /// A request could not connect: out of rotation at once, until active
    /// checks bring it back. True when this took it out.
    pub fn mark_failed(&self) -> bool {
        self.ok_streak.store(0, Ordering::Relaxed);
        self.state
            .compare_exchange(UP, DOWN, Ordering::Relaxed, Ordering::Relaxed)
            .is_ok()
    }

    /// Counts a check's outcome; says so when the member changes state.
    /// One passing check brings a new member into rotation (as a load
    /// balancer's first check of a new target does); after that, the
    /// thresholds move it.
    pub(super) fn record(&self, outcome: &Outcome, spec: &ProbeSpec) -> Option<String> {
        let state = self.state.load(Ordering::Relaxed);
        match outcome {
            Outcome::NotMade(_) => None,
            Outcome::Healthy => {
                self.fail_streak.store(0, Ordering::Relaxed);
                let ok = self.ok_streak.fetch_add(1, Ordering::Relaxed) + 1;
                if state == INITIAL {
                    self.state.store(UP, Ordering::Relaxed);
                    Some(format!("{} passed its first health check", self.label))
                } else {
                    (ok >= spec.healthy_threshold && self.state.swap(UP, Ordering::Relaxed) != UP)
                        .then(|| format!("{} is healthy again", self.label))
                }
            }
            _ => {
                self.ok_streak.store(0, Ordering::Relaxed);
                let failed = self.fail_streak.fetch_add(1, Ordering::Relaxed) + 1;
                if failed < spec.unhealthy_threshold {
                    return None;
                }
                match self.state.swap(DOWN, Ordering::Relaxed) {
                    INITIAL => Some(format!(
                        "{} failed its first health checks, so it gets no traffic: {}",
                        self.label,
                        outcome.describe()
                    )),
                    UP => Some(format!(
                        "{} is out of rotation: {}",
                        self.label,
                        outcome.describe()
                    )),
                    _ => None,
                }
            }
        }
    }

    /// Starts a check when one is due and none is running.
    fn take_due(&self, now: Instant, interval: Duration) -> bool {
        let mut next = match self.next_probe.lock() {
            Ok(g) => g,
            Err(p) => p.into_inner(),
        };
        if now < *next || self.probing.swap(true, Ordering::Acquire) {
            return false;
        }
        *next = now + interval;
        true
    }
}

/// Something whose members are checked: a pool of a plan.
pub struct Checked {
    pub spec: Arc<ProbeSpec>,
    pub members: Vec<Arc<MemberHealth>>,
}

/// How often the loop looks for checks that are due.
const TICK: Duration = Duration::from_millis(100);

/// How long `serve` waits, at most, for the first checks before it takes
/// connections; checks still running then go on in the background.
const FIRST_ROUND_LIMIT: Duration = Duration::from_secs(2);

/// Checks every member still in its initial state once, together, and
/// returns when all have answered or [`FIRST_ROUND_LIMIT`] has passed:
/// `serve` runs this before it accepts connections, so that backends that
/// are up serve the first request.
pub async fn check_new_members(pools: Vec<Checked>, note: Arc<dyn Fn(&str) + Send + Sync>) {
    let now = Instant::now();
    let mut checks = Vec::new();
    for pool in pools {
        for member in pool.members {
            if member.state() != State::Initial || !member.take_due(now, pool.spec.interval) {
                continue;
            }
            let spec = pool.spec.clone();
            let note = note.clone();
            // Spawned, not owned: a check that outlives the wait finishes
            // (and clears its `probing` mark) on its own.
            checks.push(tokio::spawn(check_once(member, spec, note)));
        }
    }
    let all = async {
        for check in checks {
            let _ = check.await;
        }
    };
    let _ = tokio::time::timeout(FIRST_ROUND_LIMIT, all).await;
}

async fn check_once(
    member: Arc<MemberHealth>,
    spec: Arc<ProbeSpec>,
    note: Arc<dyn Fn(&str) + Send + Sync>,
) {
    let outcome = probe(member.addr, &spec).await;
    if let Some(change) = member.record(&outcome, &spec) {
        note(&change);
    }
    member.probing.store(false, Ordering::Release);
}

/// Runs the checks of whatever `current` returns, until the task is
/// dropped, telling `note` when a member changes state.
pub async fn run_checks(current: impl Fn() -> Vec<Checked>, note: Arc<dyn Fn(&str) + Send + Sync>) {
    let mut tick = tokio::time::interval(TICK);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        let now = Instant::now();
        for pool in current() {
            for member in pool.members {
                if !member.take_due(now, pool.spec.interval) {
                    continue;
                }
                tokio::spawn(check_once(member, pool.spec.clone(), note.clone()));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streaks_move_health() {
        let spec = ProbeSpec {
            healthy_threshold: 2,
            unhealthy_threshold: 2,
            ..ProbeSpec::for_listener(None)
        };
        let m = MemberHealth::new("t".into(), "127.0.0.1:1".parse().unwrap());
        assert_eq!(m.state(), State::Initial);
        assert!(!m.is_up(), "no traffic before a check passes");
        assert!(!m.mark_failed(), "a failed request does not count before");
        m.record(&Outcome::Healthy, &spec);
        assert!(m.is_up(), "one passing check is enough for a new member");
        m.record(&Outcome::NotMade("EMFILE".into()), &spec);
        m.record(&Outcome::NotMade("EMFILE".into()), &spec);
        assert!(m.is_up(), "checks that could not be made do not count");
        m.record(&Outcome::Timeout, &spec);
        assert!(m.is_up());
        m.record(&Outcome::Timeout, &spec);
        assert!(!m.is_up());
        m.record(&Outcome::Healthy, &spec);
        assert!(!m.is_up());
        m.record(&Outcome::Healthy, &spec);
        assert!(m.is_up());
        assert!(m.mark_failed());
        assert!(!m.is_up());
    }

    #[test]
    fn listener_defaults() {
        let spec = ProbeSpec::for_listener(None);
        assert_eq!(spec.kind, ProbeKind::Tcp);
        assert_eq!(spec.interval, Duration::from_secs(5));
        let hc = TargetHealthCheck {
            health_check_protocol: Some("HTTP".into()),
            health_check_path: Some("/healthz".into()),
            ..Default::default()
        };
        let spec = ProbeSpec::for_listener(Some(&hc));
        assert_eq!(spec.describe(), "HTTP GET /healthz");
    }
}
