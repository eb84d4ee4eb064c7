//! Amazon Resource Names that integrations point at, and the log groups
//! access logs go to.

/// A parsed ARN: `arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Arn<'a> {
    pub partition: &'a str,
    pub service: &'a str,
    pub region: &'a str,
    pub account: &'a str,
    pub resource: &'a str,
}

impl<'a> Arn<'a> {
    pub fn parse(s: &'a str) -> Option<Arn<'a>> {
        // The first five colons cut it (the resource may hold more); byte
        // positions of an ASCII byte are char boundaries.
        let mut colons = memchr::memchr_iter(b':', s.as_bytes());
        let mut cut = [0usize; 5];
        for c in &mut cut {
            *c = colons.next()?;
        }
        if &s[..cut[0]] != "arn" {
            return None;
        }
        let arn = Arn {
            partition: &s[cut[0] + 1..cut[1]],
            service: &s[cut[1] + 1..cut[2]],
            region: &s[cut[2] + 1..cut[3]],
            account: &s[cut[3] + 1..cut[4]],
            resource: &s[cut[4] + 1..],
        };
        if !matches!(arn.partition, "aws" | "aws-cn" | "aws-us-gov") || arn.service.is_empty() {
            return None;
        }
        Some(arn)
    }
}

/// True for region names such as `us-east-2`, `eu-central-1`, `us-gov-west-1`:
/// three or more dash-separated runs of letters and digits, the first lower
/// case letters, the last digits.
pub fn is_region(s: &str) -> bool {
    let mut parts = 1;
    let mut run = 0;
    let mut first = true;
    let mut digits = true;
    for &b in s.as_bytes() {
        if b == b'-' {
            if run == 0 {
                return false;
            }
            parts += 1;
            run = 0;
            first = false;
            digits = true;
        } else if b.is_ascii_alphanumeric() {
            if first && !b.is_ascii_lowercase() {
                return false;
            }
            digits &= b.is_ascii_digit();
            run += 1;
        } else {
            return false;
        }
    }
    parts >= 3 && run > 0 && digits
}

fn is_account(s: &str) -> bool {
    s.len() == 12 && s.bytes().all(|b| b.is_ascii_digit())
}

fn is_hex_id(s: &str) -> bool {
    !s.is_empty() && s.len() <= 32 && s.bytes().all(|b| b.is_ascii_hexdigit())
}

fn is_lb_name(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 32
        && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
}

/// A CloudWatch Logs log group, as an access log's `DestinationArn` names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogGroup<'a> {
    pub region: &'a str,
    pub account: &'a str,
    pub name: &'a str,
}

/// Reads `arn:aws:logs:REGION:ACCOUNT:log-group:NAME`, optionally ending in
/// `:*` (the form CloudFormation's `Arn` attribute gives). Log group names
/// are 1 to 512 letters, digits and `_ - / . #`.
pub fn log_group(s: &str) -> Option<LogGroup<'_>> {
    let arn = Arn::parse(s)?;
    if arn.service != "logs" || !is_region(arn.region) || !is_account(arn.account) {
        return None;
    }
    let name = arn.resource.strip_prefix("log-group:")?;
    let name = name.strip_suffix(":*").unwrap_or(name);
    let ok = !name.is_empty()
        && name.len() <= 512
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'/' | b'.' | b'#'));
    ok.then_some(LogGroup {
        region: arn.region,
        account: arn.account,
        name,
    })
}

/// Where a private integration sends its traffic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PrivateTarget {
    /// An Application or Network Load Balancer listener, by its full ARN.
    Listener {
        arn: String,
        region: String,
        account: String,
    },
    /// A Cloud Map service, with the DiscoverInstances query parameters
    /// given after `?` in the integration URI.
    CloudMapService {
        service_id: String,
        region: String,
        account: String,
        query: Vec<(String, String)>,
    },
}

impl PrivateTarget {
    pub fn region(&self) -> &str {
        match self {
            PrivateTarget::Listener { region, .. }
            | PrivateTarget::CloudMapService { region, .. } => region,
        }
    }

    pub fn account(&self) -> &str {
        match self {
            PrivateTarget::Listener { account, .. }
            | PrivateTarget::CloudMapService { account, .. } => account,
        }
    }
}

/// Reads an integration URI of a `VPC_LINK` integration: an ELB listener ARN
/// (`…:listener/app|net/NAME/LB-ID/LISTENER-ID`) or a Cloud Map service ARN
/// (`…:service/srv-ID`, optionally `?key=value&…`).
pub fn private_target(uri: &str) -> Option<PrivateTarget> {
    let (kind, arn) = private_target_ref(uri)?;
    Some(match kind {
        TargetKind::Listener { base } => PrivateTarget::Listener {
            arn: base.to_string(),
            region: arn.region.to_string(),
            account: arn.account.to_string(),
        },
        TargetKind::CloudMapService { service_id, query } => PrivateTarget::CloudMapService {
            service_id: service_id.to_string(),
            region: arn.region.to_string(),
            account: arn.account.to_string(),
            query: match query {
                None => Vec::new(),
                Some(q) => parse_query(q)?,
            },
        },
    })
}

/// As [`private_target`], without making anything: the region and the
/// account of a private target (what a check of a stored integration needs,
/// for thousands of them at a time).
pub fn private_target_owner(uri: &str) -> Option<(&str, &str)> {
    private_target_ref(uri).map(|(_, arn)| (arn.region, arn.account))
}

/// The kind of a private target, borrowed from its URI.
enum TargetKind<'a> {
    Listener {
        base: &'a str,
    },
    CloudMapService {
        service_id: &'a str,
        query: Option<&'a str>,
    },
}

/// The one reading of a private target's URI that both of the above use.
fn private_target_ref(uri: &str) -> Option<(TargetKind<'_>, Arn<'_>)> {
    let (base, query) = match memchr::memchr(b'?', uri.as_bytes()) {
        Some(at) => (&uri[..at], Some(&uri[at + 1..])),
        None => (uri, None),
    };
    let arn = Arn::parse(base)?;
    if !is_region(arn.region) || !is_account(arn.account) {
        return None;
    }
    match arn.service {
        "elasticloadbalancing" if query.is_none() => {
            let mut parts = arn.resource.split('/');
            let ok = parts.next() == Some("listener")
                && parts.next().is_some_and(|t| matches!(t, "app" | "net"))
                && parts.next().is_some_and(is_lb_name)
                && parts.next().is_some_and(is_hex_id)
                && parts.next().is_some_and(is_hex_id)
                && parts.next().is_none();
            ok.then_some((TargetKind::Listener { base }, arn))
        }
        "servicediscovery" => {
            let id = arn.resource.strip_prefix("service/")?;
            let rest = id.strip_prefix("srv-")?;
            if rest.is_empty() || !rest.bytes().all(|b| b.is_ascii_alphanumeric()) {
                return None;
            }
            let query_ok = query.is_none_or(|q| {
                q.split('&').all(|pair| {
                    pair.split_once('=')
                        .is_some_and(|(k, v)| !k.is_empty() && !v.is_empty())
                })
            });
            query_ok.then_some((
                TargetKind::CloudMapService {
                    service_id: id,
                    query,
                },
                arn,
            ))
        }
        _ => None,
    }
}

/// `k=v&k2=v2` with non-empty keys and values; `None` when malformed.
fn parse_query(q: &str) -> Option<Vec<(String, String)>> {
    q.split('&')
        .map(|pair| {
            let (k, v) = pair.split_once('=')?;
            (!k.is_empty() && !v.is_empty()).then(|| (k.to_string(), v.to_string()))
        })
        .collect()
}

/// A Lambda function ARN (`arn:aws:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER]`)
/// or an API Gateway Lambda invocation URI wrapping one. Returns the function ARN.
pub fn lambda_function(uri: &str) -> Option<Arn<'_>> {
    let inner = match uri.strip_prefix("arn:") {
        Some(_) if uri.contains(":apigateway:") => {
            let start = uri.find("/functions/")? + "/functions/".len();
            let end = uri.rfind("/invocations")?;
            uri.get(start..end)?
        }
        _ => uri,
    };
    let arn = Arn::parse(inner)?;
    let mut res = arn.resource.split(':');
    let ok = arn.service == "lambda"
        && is_region(arn.region)
        && is_account(arn.account)
        && res.next() == Some("function")
        && res.next().is_some_and(|n| {
            !n.is_empty()
                && n.len() <= 64
                && n.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        })
        && res.clone().count() <= 1;
    ok.then_some(arn)
}

/// An IAM role ARN (`arn:aws:iam::ACCOUNT:role/NAME`).
pub fn is_role_arn(s: &str) -> bool {
    Arn::parse(s).is_some_and(|a| {
        a.service == "iam"
            && a.region.is_empty()
            && is_account(a.account)
            && a.resource.starts_with("role/")
            && a.resource.len() > 5
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const LISTENER: &str = "arn:aws:elasticloadbalancing:us-east-2:123456789012:listener/app/my-load-balancer/50dc6c495c0c9188/0467ef3c8400ae65";

    #[test]
    fn listener_arn_is_a_private_target() {
        let t = private_target(LISTENER).unwrap();
        assert!(matches!(t, PrivateTarget::Listener { .. }));
        assert_eq!(t.region(), "us-east-2");
        assert_eq!(t.account(), "123456789012");
    }

    #[test]
    fn load_balancer_arn_is_not() {
        let lb = "arn:aws:elasticloadbalancing:us-east-2:123456789012:loadbalancer/app/my-load-balancer/50dc6c495c0c9188";
        assert_eq!(private_target(lb), None);
        assert_eq!(private_target("http://example.com"), None);
        assert_eq!(
            private_target("arn:aws:lambda:us-east-2:123456789012:function:f"),
            None
        );
    }

    #[test]
    fn cloud_map_service_with_query() {
        let t = private_target(
            "arn:aws:servicediscovery:us-east-2:123456789012:service/srv-id?stage=prod&deployment=green_deployment",
        )
        .unwrap();
        match t {
            PrivateTarget::CloudMapService {
                service_id, query, ..
            } => {
                assert_eq!(service_id, "srv-id");
                assert_eq!(
                    query,
                    vec![
                        ("stage".to_string(), "prod".to_string()),
                        ("deployment".to_string(), "green_deployment".to_string())
                    ]
                );
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(
            private_target("arn:aws:servicediscovery:us-east-2:123456789012:namespace/ns-id"),
            None
        );
        assert_eq!(
            private_target("arn:aws:servicediscovery:us-east-2:123456789012:service/srv-id?stage"),
            None
        );
    }

    #[test]
    fn lambda_arns() {
        assert!(
            lambda_function("arn:aws:lambda:us-west-2:123456789012:function:my-function").is_some()
        );
        assert!(
            lambda_function("arn:aws:lambda:us-west-2:123456789012:function:my-function:live")
                .is_some()
        );
        assert!(lambda_function("arn:aws:apigateway:us-west-2:lambda:path/2015-03-31/functions/arn:aws:lambda:us-west-2:123456789012:function:f/invocations").is_some());
        assert!(lambda_function("arn:aws:lambda:us-west-2:123456789012:layer:x").is_none());
        assert!(lambda_function("https://example.com").is_none());
    }

    #[test]
    fn regions() {
        assert!(is_region("us-east-2"));
        assert!(is_region("us-gov-west-1"));
        assert!(!is_region("useast2"));
        assert!(!is_region("US-EAST-2"));
        for bad in [
            "us-east-",
            "-us-east-2",
            "us--east-2",
            "us-east-2a",
            "us-east",
            "us-ea_st-2",
            "",
        ] {
            assert!(!is_region(bad), "{bad}");
        }
        assert!(is_region("cn-north-1") && is_region("eu-central-1"));
    }
}
