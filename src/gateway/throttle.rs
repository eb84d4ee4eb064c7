//! Throttling as the service does it: a token bucket per route of a stage,
//! with the route's `RouteSettings` limits, else the stage's
//! `DefaultRouteSettings`, else the account's default (10,000 requests/s
//! steady, burst 5,000). Compiled per stage at load ([`ThrottlePlan`]); the
//! request path takes one token ([`Bucket::admit`]) after the route is
//! chosen and before the CORS preflight and the authorizer. A refused
//! request answers 429 `{"message":"Too Many Requests"}` and never reaches
//! a backend.
//!
//! Rules and choices:
//! - each limit falls back on its own (a route that sets only its burst
//!   keeps the stage's rate);
//! - a limit of 0 (burst or rate) throttles every request, as on AWS, and
//!   [`zero_limit_warnings`] says so when serve starts;
//! - requests that match no route (a preflight the gateway answers, a 404)
//!   take from one more bucket with the stage's default limits;
//! - the buckets start full and are made anew when the plan is reloaded;
//!   the account's limit is not also shared across routes and stages.
//!
//! The bucket is the generic cell rate algorithm: one `AtomicU64` holds
//! the theoretical arrival time (TAT) of the next request, in nanoseconds
//! since the bucket was made. A request at `now` is admitted when
//! `max(TAT, now) + interval - now <= burst × interval` (with `interval =
//! 1 s / rate`), and moves the TAT by one interval with a compare-and-swap.
//! That is a full bucket of `burst` tokens refilled at `rate`, with no lock
//! and no background refill. Cost: one clock read (vDSO, about 20 ns) and
//! one CAS on a line the workers share — tens of nanoseconds even when
//! several worker runtimes hit the same route at once, against the tens of
//! microseconds a proxied request takes; a mutex would cost as much
//! uncontended but can put a worker thread to sleep when contended, which
//! a single-threaded runtime cannot afford.

use crate::model::RouteSettings;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

/// The account's default limits in a region (SPEC section 6).
pub const ACCOUNT_RATE: f64 = 10_000.0;
pub const ACCOUNT_BURST: i64 = 5_000;

const NANOS_PER_SEC: f64 = 1_000_000_000.0;

/// The limits a bucket enforces.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Limits {
    pub burst: i64,
    pub rate: f64,
}

impl Limits {
    /// The limits of `route` (when it has settings) over the stage's.
    pub fn of(route: Option<&RouteSettings>, stage: &RouteSettings) -> Limits {
        let burst = route
            .and_then(|r| r.throttling_burst_limit)
            .or(stage.throttling_burst_limit)
            .unwrap_or(ACCOUNT_BURST);
        let rate = route
            .and_then(|r| r.throttling_rate_limit)
            .or(stage.throttling_rate_limit)
            .unwrap_or(ACCOUNT_RATE);
        Limits { burst, rate }
    }
}

/// One token bucket, shared by every worker thread.
#[derive(Debug)]
pub struct Bucket {
    limits: Limits,
    /// Nanoseconds one token takes to come back; 0 when limitless.
    interval: u64,
    /// How far ahead of now the TAT may run: `burst × interval`.
    tolerance: u64,
    /// Whether every request is refused (a limit of 0).
    closed: bool,
    start: Instant,
    tat: AtomicU64,
}

impl Bucket {
    pub fn new(limits: Limits) -> Bucket {
        // A NaN rate (never stored: the rules refuse it) counts as 0.
        let closed = limits.burst <= 0 || limits.rate.is_nan() || limits.rate <= 0.0;
        let interval = if closed {
            0
        } else {
            // Rates over 1e9/s round to no limit at all.
            (NANOS_PER_SEC / limits.rate).min(u64::MAX as f64) as u64
        };
        let burst = u64::try_from(limits.burst).unwrap_or(0);
        Bucket {
            limits,
            interval,
            tolerance: interval.saturating_mul(burst),
            closed,
            start: Instant::now(),
            tat: AtomicU64::new(0),
        }
    }

    pub fn limits(&self) -> Limits {
        self.limits
    }

    /// Takes a token; false when none is left (the request is throttled).
    pub fn admit(&self) -> bool {
        self.admit_at(self.start.elapsed().as_nanos() as u64)
    }

    /// [`Bucket::admit`] at `now` nanoseconds after the bucket was made.
    fn admit_at(&self, now: u64) -> bool {
        if self.closed {
            return false;
        }
        let mut tat = self.tat.load(Ordering::Relaxed);
        loop {
            let next = tat.max(now).saturating_add(self.interval);
            if next - now > self.tolerance {
                return false;
            }
            match self
                .tat
                .compare_exchange_weak(tat, next, Ordering::Relaxed, Ordering::Relaxed)
            {
                Ok(_) => return true,
                Err(seen) => tat = seen,
            }
        }
    }
}

/// A stage's buckets: one per route (by the route's index in the stage's
/// plan) and one for requests that match no route.
#[derive(Debug)]
pub struct ThrottlePlan {
    routes: Vec<Bucket>,
    unmatched: Bucket,
}

impl ThrottlePlan {
    /// Buckets for `route_keys` (in the stage's route order).
    pub fn compile<'k>(
        route_keys: impl IntoIterator<Item = &'k str>,
        stage_default: &RouteSettings,
        route_settings: &BTreeMap<String, RouteSettings>,
    ) -> ThrottlePlan {
        ThrottlePlan {
            routes: route_keys
                .into_iter()
                .map(|k| Bucket::new(Limits::of(route_settings.get(k), stage_default)))
                .collect(),
            unmatched: Bucket::new(Limits::of(None, stage_default)),
        }
    }

    /// The bucket for the route at `index`, or for a request matching none.
    pub fn bucket(&self, route: Option<usize>) -> &Bucket {
        route
            .and_then(|i| self.routes.get(i))
            .unwrap_or(&self.unmatched)
    }
}

/// What serve says at start about limits of 0, which throttle everything
/// (a common mistake: a tool that writes 0 for "unset").
pub fn zero_limit_warnings(
    api_id: &str,
    stage: &str,
    stage_default: &RouteSettings,
    route_settings: &BTreeMap<String, RouteSettings>,
) -> Vec<String> {
    let zeros = |s: &RouteSettings| {
        let mut z = Vec::new();
        if s.throttling_burst_limit == Some(0) {
            z.push("ThrottlingBurstLimit");
        }
        if s.throttling_rate_limit == Some(0.0) {
            z.push("ThrottlingRateLimit");
        }
        z
    };
    let say = |what: String, fields: Vec<&str>| {
        format!(
            "API {api_id} stage {stage}: {what} has {} 0, so every request to it answers \
             429 Too Many Requests; leave a limit out for the stage's default or the \
             account's ({} requests/s, burst {})",
            fields.join(" and "),
            ACCOUNT_RATE,
            ACCOUNT_BURST
        )
    };
    let mut out = Vec::new();
    let z = zeros(stage_default);
    if !z.is_empty() {
        out.push(say("DefaultRouteSettings".into(), z));
    }
    for (key, s) in route_settings {
        let z = zeros(s);
        if !z.is_empty() {
            out.push(say(format!("RouteSettings for {key}"), z));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(burst: Option<i64>, rate: Option<f64>) -> RouteSettings {
        RouteSettings {
            throttling_burst_limit: burst,
            throttling_rate_limit: rate,
            ..Default::default()
        }
    }

    #[test]
    fn a_full_bucket_admits_the_burst_then_refills_at_the_rate() {
        let b = Bucket::new(Limits {
            burst: 3,
            rate: 10.0,
        });
        let t0 = 5_000_000_000;
        assert!((0..3).all(|_| b.admit_at(t0)));
        assert!(!b.admit_at(t0));
        // One token comes back every 100 ms.
        assert!(!b.admit_at(t0 + 99_000_000));
        assert!(b.admit_at(t0 + 100_000_000));
        assert!(!b.admit_at(t0 + 100_000_000));
        // Idle for long: full again, but never more than the burst.
        let later = t0 + 60_000_000_000;
        assert!((0..3).all(|_| b.admit_at(later)));
        assert!(!b.admit_at(later));
    }

    #[test]
    fn limits_of_zero_throttle_everything() {
        for l in [
            Limits {
                burst: 0,
                rate: 100.0,
            },
            Limits {
                burst: 10,
                rate: 0.0,
            },
        ] {
            let b = Bucket::new(l);
            assert!(!b.admit_at(0));
            assert!(!b.admit_at(1_000_000_000_000));
        }
    }

    #[test]
    fn each_limit_falls_back_on_its_own() {
        let stage = settings(Some(50), Some(20.0));
        assert_eq!(
            Limits::of(Some(&settings(Some(2), None)), &stage),
            Limits {
                burst: 2,
                rate: 20.0
            }
        );
        assert_eq!(
            Limits::of(None, &settings(None, Some(1.5))),
            Limits {
                burst: ACCOUNT_BURST,
                rate: 1.5
            }
        );
        assert_eq!(
            Limits::of(None, &RouteSettings::default()),
            Limits {
                burst: 5_000,
                rate: 10_000.0
            }
        );
    }

    #[test]
    fn routes_get_their_own_buckets() {
        let mut per_route = BTreeMap::new();
        per_route.insert("GET /slow".to_string(), settings(Some(1), Some(1.0)));
        let plan = ThrottlePlan::compile(
            ["GET /fast", "GET /slow"],
            &settings(Some(100), Some(100.0)),
            &per_route,
        );
        assert_eq!(plan.bucket(Some(0)).limits().burst, 100);
        assert_eq!(plan.bucket(Some(1)).limits().burst, 1);
        assert_eq!(plan.bucket(None).limits().burst, 100);
        assert!(plan.bucket(Some(1)).admit());
        assert!(!plan.bucket(Some(1)).admit());
        assert!(plan.bucket(Some(0)).admit());
    }

    #[test]
    fn many_threads_share_one_burst_exactly() {
        // A rate so low that no token comes back during the test.
        let b = std::sync::Arc::new(Bucket::new(Limits {
            burst: 1_000,
            rate: 0.001,
        }));
        let admitted: usize = (0..4)
            .map(|_| {
                let b = b.clone();
                std::thread::spawn(move || (0..1_000).filter(|_| b.admit()).count())
            })
            .collect::<Vec<_>>()
            .into_iter()
            .map(|t| t.join().unwrap())
            .sum();
        assert_eq!(admitted, 1_000);
    }

    #[test]
    fn zero_limits_are_warned_about() {
        let mut per_route = BTreeMap::new();
        per_route.insert("GET /pets".to_string(), settings(Some(0), Some(0.0)));
        per_route.insert("GET /ok".to_string(), settings(Some(5), None));
        let w = zero_limit_warnings("a1b2c3", "dev", &settings(None, Some(0.0)), &per_route);
        assert_eq!(w.len(), 2, "{w:?}");
        assert!(
            w[0].starts_with(
                "API a1b2c3 stage dev: DefaultRouteSettings has ThrottlingRateLimit 0, \
                 so every request to it answers 429 Too Many Requests"
            ),
            "{}",
            w[0]
        );
        assert!(
            w[1].contains(
                "RouteSettings for GET /pets has ThrottlingBurstLimit and ThrottlingRateLimit 0"
            ),
            "{}",
            w[1]
        );
    }
}
