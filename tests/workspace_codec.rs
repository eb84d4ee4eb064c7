//! The workspace file's fast reader and writer against the `toml` crate:
//! random workspaces must come back the same through `toml` and through the
//! fast path; mutated documents must read the same on both paths or be left
//! to `toml`; hand-written TOML outside the fast subset must still load, and
//! broken files must still be refused with a line and column.

use apigw::workspace::{
    Workspace, codec, load_path, parse, read_split_at, read_split_at_serially, render, update,
};
use serde_json::{Map, Value, json};
use std::path::Path;

/// Random values, with the characters TOML makes special.
struct Gen(fastrand::Rng);

const NASTY: &[&str] = &[
    "\"",
    "\\",
    "\n",
    "\t",
    "\r",
    "'",
    "'''",
    "\"\"\"",
    "\"\"",
    "#",
    "=",
    "[",
    "]",
    "{",
    "}",
    ".",
    ",",
    " ",
    "é",
    "日本",
    "😀",
    "\u{1}",
    "\u{7f}",
    "\u{8}",
    "\u{c}",
    "\u{0}",
    "\\n",
    "\\u00e9",
    "$request.body",
    "a b",
    "-",
    "_",
];

impl Gen {
    fn new(seed: u64) -> Gen {
        Gen(fastrand::Rng::with_seed(seed))
    }

    fn chance(&mut self, one_in: u32) -> bool {
        self.0.u32(..one_in) == 0
    }

    fn text(&mut self) -> String {
        let mut s = String::new();
        for _ in 0..self.0.usize(..6) {
            if self.chance(3) {
                s.push_str(NASTY[self.0.usize(..NASTY.len())]);
            } else {
                for _ in 0..self.0.usize(1..12) {
                    s.push(self.0.alphanumeric());
                }
            }
        }
        s
    }

    /// Mostly plain ids, sometimes anything.
    fn id(&mut self) -> String {
        if self.chance(8) {
            self.text()
        } else {
            (0..self.0.usize(1..11))
                .map(|_| self.0.lowercase())
                .collect()
        }
    }

    fn int(&mut self) -> i64 {
        match self.0.u32(..6) {
            0 => i64::MAX,
            1 => i64::MIN,
            2 => 0,
            3 => -self.0.i64(0..1000),
            _ => self.0.i64(..),
        }
    }

    fn float(&mut self) -> f64 {
        match self.0.u32(..10) {
            0 => 0.0,
            1 => f64::MAX,
            2 => f64::MIN_POSITIVE,
            3 => 5e-324,
            4 => 1e16,
            5 => -0.5,
            6 => self.0.f64() * 1e300,
            7 => (self.0.i64(-1000..1000)) as f64,
            _ => self.0.f64() * 10_000.0,
        }
    }

    /// Text the service takes as a name: 1 to 128 characters.
    fn name(&mut self) -> String {
        let t = self.text();
        if t.is_empty() { "n".into() } else { t }
    }

    /// Letters and digits, 1 to 12.
    fn word(&mut self) -> String {
        (0..self.0.usize(1..13))
            .map(|_| self.0.alphanumeric())
            .collect()
    }

    fn pick(&mut self, from: &[&str]) -> Value {
        json!(from[self.0.usize(..from.len())])
    }

    fn opt(&mut self, m: &mut Map<String, Value>, key: &str, v: impl FnOnce(&mut Gen) -> Value) {
        if self.chance(2) {
            let v = v(self);
            m.insert(key.to_string(), v);
        }
    }

    fn strings(&mut self) -> Value {
        Value::Array((0..self.0.usize(..4)).map(|_| json!(self.text())).collect())
    }

    fn string_map(&mut self) -> Value {
        Value::Object(
            (0..self.0.usize(..4))
                .map(|_| (self.text(), json!(self.text())))
                .collect(),
        )
    }

    /// Any JSON TOML can hold (no null), for `Route.RequestParameters`.
    fn json(&mut self, depth: u32) -> Value {
        match self.0.u32(..if depth > 2 { 4 } else { 6 }) {
            0 => json!(self.text()),
            1 => json!(self.int()),
            2 => json!(self.float()),
            3 => json!(self.chance(2)),
            4 => Value::Array(
                (0..self.0.usize(..3))
                    .map(|_| self.json(depth + 1))
                    .collect(),
            ),
            _ => Value::Object(
                (0..self.0.usize(..3))
                    .map(|_| (self.text(), self.json(depth + 1)))
                    .collect(),
            ),
        }
    }

    fn route_settings(&mut self) -> Value {
        let mut m = Map::new();
        self.opt(&mut m, "DataTraceEnabled", |g| json!(g.chance(2)));
        self.opt(&mut m, "DetailedMetricsEnabled", |g| json!(g.chance(2)));
        self.opt(&mut m, "LoggingLevel", |g| {
            g.pick(&["ERROR", "INFO", "OFF"])
        });
        self.opt(&mut m, "ThrottlingBurstLimit", |g| json!(g.int().max(0)));
        self.opt(&mut m, "ThrottlingRateLimit", |g| json!(g.float().abs()));
        Value::Object(m)
    }

    /// An API of the protocol `http` says, by the service's rules.
    fn api_of(&mut self, id: &str, http: bool) -> Value {
        let mut m = Map::new();
        m.insert("ApiEndpoint".into(), json!(self.text()));
        m.insert("ApiId".into(), json!(id));
        m.insert("ApiKeySelectionExpression".into(), json!(self.text()));
        m.insert("CreatedDate".into(), json!("2026-01-01T00:00:00+00:00"));
        m.insert("DisableExecuteApiEndpoint".into(), json!(self.chance(2)));
        m.insert("Name".into(), json!(self.name()));
        m.insert(
            "ProtocolType".into(),
            json!(if http { "HTTP" } else { "WEBSOCKET" }),
        );
        let rse = if http {
            "$request.method $request.path".to_string()
        } else {
            self.name()
        };
        m.insert("RouteSelectionExpression".into(), json!(rse));
        self.opt(&mut m, "ApiGatewayManaged", |g| json!(g.chance(2)));
        if http && self.chance(2) {
            let g = &mut *self;
            let mut c = Map::new();
            // Origins and MaxAge as the CORS rules take them (credentials
            // never with `*`); the lists of names stay free text.
            let credentials = g.chance(2);
            g.opt(&mut c, "AllowCredentials", |_| json!(credentials));
            g.opt(&mut c, "AllowHeaders", Gen::strings);
            g.opt(&mut c, "AllowMethods", Gen::strings);
            g.opt(&mut c, "AllowOrigins", |g| {
                let mut origins = vec![json!(format!("https://{}.example", g.word()))];
                if g.chance(2) {
                    origins.push(json!(if credentials { "http://*" } else { "*" }));
                }
                Value::Array(origins)
            });
            g.opt(&mut c, "ExposeHeaders", Gen::strings);
            g.opt(&mut c, "MaxAge", |g| json!(g.0.i64(-1..=86_400)));
            m.insert("CorsConfiguration".into(), Value::Object(c));
        }
        self.opt(&mut m, "Description", |g| json!(g.text()));
        self.opt(&mut m, "DisableSchemaValidation", |g| json!(g.chance(2)));
        self.opt(&mut m, "IpAddressType", |g| g.pick(&["ipv4", "dualstack"]));
        self.opt(&mut m, "Tags", Gen::string_map);
        self.opt(&mut m, "Version", |g| json!(g.text()));
        Value::Object(m)
    }

    /// An integration of an API of either protocol, by the service's rules;
    /// the fields no rule looks at are any text.
    fn integration(&mut self, id: &str, http: bool) -> Value {
        let mut m = Map::new();
        m.insert("ConnectionType".into(), json!("INTERNET"));
        m.insert("IntegrationId".into(), json!(id));
        let max = if http { 30_000 } else { 29_000 };
        m.insert("TimeoutInMillis".into(), json!(self.0.i64(50..=max)));
        for k in ["Description", "IntegrationResponseSelectionExpression"] {
            self.opt(&mut m, k, |g| json!(g.text()));
        }
        self.opt(&mut m, "ApiGatewayManaged", |g| json!(g.chance(2)));
        // Kept only for private integrations, so anything here.
        self.opt(&mut m, "TlsConfig", |g| {
            let mut t = Map::new();
            g.opt(&mut t, "ServerNameToVerify", |g| json!(g.text()));
            Value::Object(t)
        });
        if !http {
            m.insert(
                "IntegrationType".into(),
                self.pick(&["AWS", "HTTP", "MOCK"]),
            );
            if m["IntegrationType"] != "MOCK" {
                m.insert(
                    "IntegrationUri".into(),
                    json!(format!(
                        "https://h{}.example.com/{}",
                        self.0.u32(..),
                        self.word()
                    )),
                );
            }
            self.opt(&mut m, "IntegrationMethod", |g| json!(g.text()));
            self.opt(&mut m, "ContentHandlingStrategy", |g| {
                g.pick(&["CONVERT_TO_BINARY", "CONVERT_TO_TEXT"])
            });
            self.opt(&mut m, "PassthroughBehavior", |g| {
                g.pick(&["WHEN_NO_MATCH", "NEVER", "WHEN_NO_TEMPLATES"])
            });
            self.opt(&mut m, "PayloadFormatVersion", |_| json!("1.0"));
            self.opt(&mut m, "RequestTemplates", Gen::string_map);
            self.opt(&mut m, "TemplateSelectionExpression", |g| json!(g.text()));
            return Value::Object(m);
        }
        if self.chance(3) {
            m.insert("IntegrationType".into(), json!("AWS_PROXY"));
            m.insert(
                "IntegrationUri".into(),
                json!(format!(
                    "arn:aws:lambda:us-east-2:123456789012:function:{}",
                    self.word()
                )),
            );
            self.opt(&mut m, "IntegrationMethod", |_| json!("POST"));
            m.insert("PayloadFormatVersion".into(), self.pick(&["1.0", "2.0"]));
        } else {
            m.insert("IntegrationType".into(), json!("HTTP_PROXY"));
            m.insert(
                "IntegrationMethod".into(),
                self.pick(&["ANY", "GET", "POST", "PUT", "DELETE"]),
            );
            m.insert(
                "IntegrationUri".into(),
                json!(format!(
                    "https://h{}.example.com/{}",
                    self.0.u32(..),
                    self.word()
                )),
            );
            self.opt(&mut m, "PayloadFormatVersion", |_| json!("1.0"));
            self.opt(&mut m, "RequestParameters", |g| {
                Value::Object(
                    (0..g.0.usize(..4))
                        .map(|_| (format!("append:header.x-{}", g.word()), json!(g.word())))
                        .collect(),
                )
            });
        }
        self.opt(&mut m, "CredentialsArn", |g| {
            json!(format!("arn:aws:iam::123456789012:role/{}", g.word()))
        });
        self.opt(&mut m, "ResponseParameters", |g| {
            Value::Object(
                (0..g.0.usize(..3))
                    .map(|_| {
                        let status = g.0.u32(200..600).to_string();
                        let mut p = Map::new();
                        p.insert(format!("overwrite:header.x-{}", g.word()), json!(g.word()));
                        if g.chance(2) {
                            p.insert("overwrite:statuscode".into(), json!("204"));
                        }
                        (status, Value::Object(p))
                    })
                    .collect(),
            )
        });
        Value::Object(m)
    }

    /// A route; the route key is unique in its API through `n`, its
    /// target and authorization are set by `whole_references`.
    fn route(&mut self, id: &str, http: bool) -> Value {
        let mut m = Map::new();
        m.insert("ApiKeyRequired".into(), json!(!http && self.chance(2)));
        m.insert("AuthorizationType".into(), self.pick(&["NONE", "AWS_IAM"]));
        m.insert("RouteId".into(), json!(id));
        let n = self.0.u64(..);
        let key = if http {
            let method = ["ANY", "GET", "POST"][self.0.usize(..3)];
            format!("{method} /r{n}/{}", self.word())
        } else {
            format!("{}{n}", self.text())
        };
        m.insert("RouteKey".into(), json!(key));
        self.opt(&mut m, "ApiGatewayManaged", |g| json!(g.chance(2)));
        for k in [
            "ModelSelectionExpression",
            "OperationName",
            "RouteResponseSelectionExpression",
        ] {
            self.opt(&mut m, k, |g| json!(g.text()));
        }
        self.opt(&mut m, "RequestModels", Gen::string_map);
        self.opt(&mut m, "RequestParameters", |g| {
            Value::Object((0..g.0.usize(..3)).map(|_| (g.text(), g.json(0))).collect())
        });
        Value::Object(m)
    }

    /// A stage name the service takes.
    fn stage_name(&mut self) -> String {
        if self.chance(4) {
            "$default".into()
        } else {
            let mut w = self.word();
            if self.chance(3) {
                w.push_str("-_x");
            }
            w
        }
    }

    fn stage(&mut self, id: &str, _http: bool) -> Value {
        let mut m = Map::new();
        m.insert("CreatedDate".into(), json!(self.text()));
        m.insert("LastUpdatedDate".into(), json!(self.text()));
        m.insert("StageName".into(), json!(id));
        m.insert("AutoDeploy".into(), json!(self.chance(2)));
        m.insert("DefaultRouteSettings".into(), self.route_settings());
        let rs: Map<String, Value> = (0..self.0.usize(..3))
            .map(|_| (self.text(), self.route_settings()))
            .collect();
        m.insert("RouteSettings".into(), Value::Object(rs));
        let vars: Map<String, Value> = (0..self.0.usize(..4))
            .map(|_| {
                let value = format!("{} -._~:/?#&=,{}", self.word(), self.word());
                (self.word(), json!(value))
            })
            .collect();
        m.insert("StageVariables".into(), Value::Object(vars));
        m.insert("Tags".into(), self.string_map());
        self.opt(&mut m, "AccessLogSettings", |g| {
            let mut a = Map::new();
            // A log group and a one-line format of HTTP API variables, as
            // the access-log rules take them.
            g.opt(&mut a, "DestinationArn", |g| {
                json!(format!(
                    "arn:aws:logs:us-east-2:123456789012:log-group:{}",
                    g.word()
                ))
            });
            g.opt(&mut a, "Format", |g| {
                json!(format!(
                    "$context.requestId {} \"$context.routeKey\" $context.status",
                    g.word()
                ))
            });
            Value::Object(a)
        });
        self.opt(&mut m, "ApiGatewayManaged", |g| json!(g.chance(2)));
        for k in [
            "ClientCertificateId",
            "DeploymentId",
            "Description",
            "LastDeploymentStatusMessage",
        ] {
            self.opt(&mut m, k, |g| json!(g.text()));
        }
        Value::Object(m)
    }

    /// A JWT authorizer (HTTP APIs only) or a Lambda REQUEST one.
    fn authorizer(&mut self, id: &str, http: bool) -> Value {
        let mut m = Map::new();
        m.insert("AuthorizerId".into(), json!(id));
        m.insert("Name".into(), json!(self.name()));
        self.opt(&mut m, "AuthorizerCredentialsArn", |g| json!(g.text()));
        self.opt(&mut m, "IdentityValidationExpression", |g| json!(g.text()));
        self.opt(&mut m, "AuthorizerResultTtlInSeconds", |g| {
            json!(g.0.i64(0..=3600))
        });
        if http && self.chance(2) {
            m.insert("AuthorizerType".into(), json!("JWT"));
            m.insert(
                "IdentitySource".into(),
                json!([format!("$request.header.{}", self.word())]),
            );
            let audience: Vec<String> = (0..self.0.usize(1..3)).map(|_| self.name()).collect();
            m.insert(
                "JwtConfiguration".into(),
                json!({"Audience": audience, "Issuer": format!("https://{}.example.com/{}", self.word(), self.text().replace(char::is_whitespace, ""))}),
            );
        } else {
            m.insert("AuthorizerType".into(), json!("REQUEST"));
            let sources: Vec<String> = (0..self.0.usize(..3))
                .map(|_| format!("$request.querystring.{}", self.word()))
                .collect();
            m.insert("IdentitySource".into(), json!(sources.clone()));
            m.insert(
                "AuthorizerUri".into(),
                json!(format!(
                    "arn:aws:lambda:us-east-2:123456789012:function:{}",
                    self.word()
                )),
            );
            if http {
                let version = self.pick(&["1.0", "2.0"]);
                // The service's rules: simple responses with payload 2.0
                // only, and caching only with an identity source.
                if version == "2.0" {
                    self.opt(&mut m, "EnableSimpleResponses", |g| json!(g.chance(2)));
                }
                if sources.is_empty() {
                    m.remove("AuthorizerResultTtlInSeconds");
                }
                m.insert("AuthorizerPayloadFormatVersion".into(), version);
            } else {
                self.opt(&mut m, "AuthorizerPayloadFormatVersion", |g| {
                    json!(g.text())
                });
            }
        }
        Value::Object(m)
    }

    fn vpc_link(&mut self, id: &str) -> Value {
        let ids = |g: &mut Gen, prefix: &str, least: usize| -> Value {
            Value::Array(
                (0..g.0.usize(least..4))
                    .map(|_| json!(format!("{prefix}{:x}", g.0.u64(..))))
                    .collect(),
            )
        };
        json!({
            "CreatedDate": self.text(),
            "Name": self.name(),
            "SecurityGroupIds": ids(self, "sg-", 0),
            "SubnetIds": ids(self, "subnet-", 1),
            "Tags": self.string_map(),
            "VpcLinkId": id,
            "VpcLinkStatus": self.text(),
            "VpcLinkStatusMessage": self.text(),
            "VpcLinkVersion": self.text(),
        })
    }

    fn children(
        &mut self,
        apis: &[(String, bool)],
        key: fn(&mut Gen) -> String,
        each: fn(&mut Gen, &str, bool) -> Value,
    ) -> Value {
        let mut per_api = Map::new();
        for (api, http) in apis {
            if self.chance(3) {
                continue;
            }
            let items: Map<String, Value> = (0..self.0.usize(..4))
                .map(|_| {
                    let id = key(self);
                    let v = each(self, &id, *http);
                    (id, v)
                })
                .collect();
            per_api.insert(api.clone(), Value::Object(items));
        }
        Value::Object(per_api)
    }

    /// `[elbv2]`: listeners with IP targets, as `check` wants them.
    fn elbv2(&mut self) -> Value {
        let mut listeners = Map::new();
        for n in 0..self.0.usize(..3) {
            let arn = format!(
                "arn:aws:elasticloadbalancing:us-east-2:123456789012:listener/app/lb-{n}/50dc6c495c0c9188/0467ef3c8400ae6{n}"
            );
            let mut l = Map::new();
            self.opt(&mut l, "HealthCheck", |g| {
                let mut h = Map::new();
                g.opt(&mut h, "HealthCheckProtocol", |_| json!("HTTP"));
                g.opt(&mut h, "HealthCheckPort", |_| json!("traffic-port"));
                g.opt(&mut h, "HealthCheckPath", |g| {
                    json!(format!("/h{}", g.0.u32(..)))
                });
                g.opt(&mut h, "HealthCheckIntervalSeconds", |g| {
                    json!(g.0.u32(1..=300))
                });
                g.opt(&mut h, "Matcher", |_| json!({"HttpCode": "200-299"}));
                Value::Object(h)
            });
            self.opt(&mut l, "Targets", |g| {
                Value::Array(
                    (0..g.0.usize(1..4))
                        .map(|i| {
                            let ip = ["127.0.0.1", "::1", "10.0.0.7"][i % 3];
                            json!({"Id": ip, "Port": g.0.u16(1..)})
                        })
                        .collect(),
                )
            });
            listeners.insert(arn, Value::Object(l));
        }
        json!({ "listeners": listeners })
    }

    /// `[servicediscovery]`: services with instances, as `check` wants them.
    fn servicediscovery(&mut self) -> Value {
        let mut services = Map::new();
        for _ in 0..self.0.usize(..3) {
            let id = format!("srv-{:x}", self.0.u64(..));
            let mut svc = Map::new();
            self.opt(&mut svc, "Name", |g| json!(g.text()));
            self.opt(&mut svc, "NamespaceName", |g| json!(g.text()));
            self.opt(&mut svc, "HealthCheckConfig", |g| {
                json!({"Type": "HTTP", "ResourcePath": "/ok", "FailureThreshold": g.0.u32(1..=10)})
            });
            svc.insert("InstancesRevision".into(), json!(self.int()));
            let instances: Map<String, Value> = (0..self.0.usize(..3))
                .map(|i| {
                    let mut attrs = Map::new();
                    attrs.insert("AWS_INSTANCE_IPV4".into(), json!("127.0.0.1"));
                    attrs.insert(
                        "AWS_INSTANCE_PORT".into(),
                        json!(self.0.u16(1..).to_string()),
                    );
                    attrs.insert(format!("custom-{i}"), json!(self.text()));
                    let mut inst = json!({ "Attributes": attrs });
                    if self.chance(2) {
                        inst["CustomHealthStatus"] = json!("UNHEALTHY");
                    }
                    (format!("i-{i}"), inst)
                })
                .collect();
            svc.insert("Instances".into(), Value::Object(instances));
            services.insert(id, Value::Object(svc));
        }
        json!({ "services": services })
    }

    /// Routes aim only at integrations and authorizers of their own API.
    fn whole_references(&mut self, ws: &mut Value) {
        let ws = ws.as_object_mut().unwrap();
        let ids = |section: &Value, api: &str| -> Vec<String> {
            section
                .get(api)
                .and_then(Value::as_object)
                .map(|m| m.keys().cloned().collect())
                .unwrap_or_default()
        };
        let (integrations, authorizers) = (ws["integrations"].clone(), ws["authorizers"].clone());
        for (api, routes) in ws["routes"].as_object_mut().unwrap() {
            let (ints, auths) = (ids(&integrations, api), ids(&authorizers, api));
            for route in routes.as_object_mut().unwrap().values_mut() {
                let route = route.as_object_mut().unwrap();
                if !ints.is_empty() && self.chance(2) {
                    let id = &ints[self.0.usize(..ints.len())];
                    route.insert("Target".into(), json!(format!("integrations/{id}")));
                }
                if !auths.is_empty() && self.chance(2) {
                    let id = auths[self.0.usize(..auths.len())].clone();
                    // The authorization type that goes with the authorizer's.
                    let jwt = authorizers[api.as_str()][id.as_str()]["AuthorizerType"] == "JWT";
                    route.insert(
                        "AuthorizationType".into(),
                        json!(if jwt { "JWT" } else { "CUSTOM" }),
                    );
                    if jwt && self.chance(2) {
                        let scopes: Vec<String> =
                            (0..self.0.usize(..3)).map(|_| self.word()).collect();
                        route.insert("AuthorizationScopes".into(), json!(scopes));
                    }
                    route.insert("AuthorizerId".into(), json!(id));
                }
            }
        }
        self.deployments_of_stages(ws);
    }

    /// The deployment each stage's `DeploymentId` names: an automatic one
    /// without a snapshot, or one with a snapshot of its API's tables.
    fn deployments_of_stages(&mut self, ws: &mut Map<String, Value>) {
        let mut deployments = Map::new();
        for (api, stages) in ws["stages"].as_object().unwrap() {
            for stage in stages.as_object().unwrap().values() {
                let Some(id) = stage.get("DeploymentId").and_then(Value::as_str) else {
                    continue;
                };
                let mut d = Map::new();
                d.insert("CreatedDate".into(), json!("2026-01-01T00:00:00+00:00"));
                d.insert("DeploymentId".into(), json!(id));
                d.insert("DeploymentStatus".into(), json!("DEPLOYED"));
                self.opt(&mut d, "Description", |g| json!(g.text()));
                let routes = ws["routes"].get(api).cloned().unwrap_or(json!({}));
                let has_routes = routes.as_object().is_some_and(|m| !m.is_empty());
                if has_routes && self.chance(2) {
                    d.insert("AutoDeployed".into(), json!(self.chance(2)));
                    d.insert("routes".into(), routes);
                    for table in ["integrations", "authorizers"] {
                        if let Some(m) = ws[table]
                            .get(api)
                            .filter(|m| m.as_object().is_some_and(|m| !m.is_empty()))
                        {
                            d.insert(table.into(), m.clone());
                        }
                    }
                } else {
                    d.insert("AutoDeployed".into(), json!(true));
                }
                deployments
                    .entry(api.clone())
                    .or_insert_with(|| json!({}))
                    .as_object_mut()
                    .unwrap()
                    .insert(id.to_string(), Value::Object(d));
            }
        }
        ws.insert("deployments".into(), Value::Object(deployments));
    }

    fn workspace(&mut self) -> Workspace {
        let apis: Vec<(String, bool)> = (0..self.0.usize(..4))
            .map(|_| (self.id(), self.chance(2)))
            .collect();
        let api_map: Map<String, Value> = apis
            .iter()
            .map(|(id, http)| (id.clone(), self.api_of(id, *http)))
            .collect();
        let links: Map<String, Value> = (0..self.0.usize(..3))
            .map(|_| {
                let id = self.id();
                let v = self.vpc_link(&id);
                (id, v)
            })
            .collect();
        let region = ["us-east-2", "eu-west-1", "ap-southeast-1"][self.0.usize(..3)];
        let mut ws = json!({
            "workspace": {"account": "123456789012", "region": region},
            "vpc-links": links,
            "apis": api_map,
            "integrations": self.children(&apis, Gen::id, Gen::integration),
            "routes": self.children(&apis, Gen::id, Gen::route),
            "stages": self.children(&apis, Gen::stage_name, Gen::stage),
            "authorizers": self.children(&apis, Gen::id, Gen::authorizer),
            "elbv2": self.elbv2(),
            "servicediscovery": self.servicediscovery(),
        });
        self.whole_references(&mut ws);
        serde_json::from_value(ws).expect("the generator follows the model")
    }
}

/// `n` cases in a release build, a third of them in a debug build (slower by ten).
fn cases(n: u64) -> u64 {
    if cfg!(debug_assertions) { n / 3 } else { n }
}

fn here() -> &'static Path {
    Path::new("apigw.toml")
}

#[test]
fn random_workspaces_round_trip_through_toml_and_the_fast_path() {
    for seed in 0..cases(1500) {
        let ws = Gen::new(seed).workspace();
        let text = render(&ws).unwrap();
        let by_toml: Workspace = toml::from_str(&text)
            .unwrap_or_else(|e| panic!("seed {seed}: toml refuses what we wrote: {e}\n{text}"));
        assert_eq!(by_toml, ws, "seed {seed}: toml reads back\n{text}");
        let fast: Option<Workspace> = codec::from_str(&text);
        assert_eq!(fast.as_ref(), Some(&ws), "seed {seed}: fast path\n{text}");
        assert_eq!(parse(here(), text.as_bytes()).unwrap(), ws, "seed {seed}");
        // Writing what was read gives the same text.
        assert_eq!(render(&by_toml).unwrap(), text, "seed {seed}");
    }
}

#[test]
fn files_written_by_the_toml_crate_read_the_same() {
    for seed in 0..cases(500) {
        let ws = Gen::new(seed).workspace();
        let text = toml::to_string(&ws).unwrap();
        if let Some(fast) = codec::from_str::<Workspace>(&text) {
            assert_eq!(fast, ws, "seed {seed}\n{text}");
        }
        assert_eq!(parse(here(), text.as_bytes()).unwrap(), ws, "seed {seed}");
    }
}

/// Random edits to valid documents: whenever the fast path reads one, `toml`
/// reads the same (as a typed workspace and as plain data).
#[test]
fn mutated_documents_read_the_same_or_are_left_to_toml() {
    const BITS: &[&str] = &[
        "\"",
        "'",
        "\\",
        "\n",
        "\r\n",
        "\r",
        "\t",
        " ",
        "#",
        "=",
        "[",
        "]",
        "[[",
        "{",
        "}",
        ",",
        ".",
        "0",
        "-",
        "+",
        "_",
        "e",
        "1.5",
        "true",
        "x",
        "é",
        "\u{1}",
        "\u{7f}",
        "\u{feff}",
        "\\u",
        "\\U0001F600",
        "\"\"\"",
        "'''",
        "a = 1\n",
        "[apis]\n",
        "\n[x]\n",
        "inf",
        "nan",
        "1979-05-27",
    ];
    let mut rng = fastrand::Rng::with_seed(99);
    let mut read_fast = 0;
    for seed in 0..cases(300) {
        let ws = Gen::new(seed).workspace();
        let text = render(&ws).unwrap();
        for _ in 0..40 {
            let mut doc = text.clone();
            for _ in 0..rng.usize(1..4) {
                let mut at = rng.usize(..=doc.len());
                while !doc.is_char_boundary(at) {
                    at -= 1;
                }
                match rng.u32(..4) {
                    0 => doc.insert_str(at, BITS[rng.usize(..BITS.len())]),
                    1 => {
                        let mut end = (at + rng.usize(1..4)).min(doc.len());
                        while !doc.is_char_boundary(end) {
                            end += 1;
                        }
                        doc.replace_range(at..end, "");
                    }
                    2 => {
                        // Move a line elsewhere.
                        let mut lines: Vec<&str> = doc.split_inclusive('\n').collect();
                        if !lines.is_empty() {
                            let l = lines.remove(rng.usize(..lines.len()));
                            lines.insert(rng.usize(..=lines.len()), l);
                            doc = lines.concat();
                        }
                    }
                    _ => {
                        // Repeat a line.
                        let lines: Vec<&str> = doc.split_inclusive('\n').collect();
                        if !lines.is_empty() {
                            let l = lines[rng.usize(..lines.len())].to_string();
                            let start = doc[..at].rfind('\n').map_or(0, |p| p + 1);
                            doc.insert_str(start, &l);
                        }
                    }
                }
            }
            if let Some(fast) = codec::from_str::<Value>(&doc) {
                read_fast += 1;
                let slow: Option<Value> = toml::from_str(&doc).ok();
                assert_eq!(Some(&fast), slow.as_ref(), "plain data differs for\n{doc}");
            }
            if let Some(fast) = codec::from_str::<Workspace>(&doc) {
                let slow: Option<Workspace> = toml::from_str(&doc).ok();
                assert_eq!(Some(&fast), slow.as_ref(), "workspace differs for\n{doc}");
            }
        }
    }
    assert!(
        read_fast > cases(1000) as usize,
        "the fast path read only {read_fast} mutants"
    );
}

#[test]
fn hand_written_toml_outside_the_fast_subset_still_loads() {
    let docs = [
        // Dotted keys, literal strings, comments, an inline table.
        "[workspace] # settings\naccount = '123456789012'\nregion = \"us-east-2\"\n\n\
         [apis.abc]\nApiEndpoint = 'https://abc.example.com'\nApiId = \"abc\"\n\
         ApiKeySelectionExpression = \"$request.header.x-api-key\"\nCreatedDate = \"2026-01-01T00:00:00+00:00\"\n\
         DisableExecuteApiEndpoint = false\nName = 'x'\nProtocolType = \"HTTP\"\n\
         RouteSelectionExpression = \"$request.method $request.path\"\n\
         CorsConfiguration.AllowOrigins = ['*']\nTags = { team = \"a\", \"cost center\" = '42' }\n",
        // Sections out of order, a super-table after its sub-table, underscores in numbers.
        "[integrations.abc.i1]\nConnectionType = \"INTERNET\"\nIntegrationId = \"i1\"\n\
         IntegrationType = \"HTTP_PROXY\"\nIntegrationMethod = 'GET'\nIntegrationUri = 'https://example.com'\nTimeoutInMillis = 30_000\n\n\
         [workspace]\naccount = \"123456789012\"\nregion = \"us-east-2\"\n\n\
         [apis.abc]\nApiEndpoint = \"e\"\nApiId = \"abc\"\nApiKeySelectionExpression = \"k\"\n\
         CreatedDate = \"d\"\nDisableExecuteApiEndpoint = false\nName = \"x\"\nProtocolType = \"HTTP\"\n\
         RouteSelectionExpression = \"$request.method $request.path\"\n\n[integrations]\n",
        // CRLF line ends, a multi-line literal string, a line-ending backslash.
        "[workspace]\r\naccount = \"123456789012\"\r\nregion = \"\"\"us-\\\r\n  east-2\"\"\"\r\n\
         [vpc-links.l]\r\nCreatedDate = '''d'''\r\nName = \"n\"\r\nSubnetIds = [\r\n  \"subnet-0a\", # one\r\n]\r\n\
         VpcLinkId = \"l\"\r\nVpcLinkStatus = \"AVAILABLE\"\r\nVpcLinkStatusMessage = \"m\"\r\nVpcLinkVersion = \"V2\"\r\n",
    ];
    for doc in docs {
        let slow: Workspace = toml::from_str(doc).unwrap_or_else(|e| panic!("{e}\n{doc}"));
        assert_eq!(parse(here(), doc.as_bytes()).unwrap(), slow, "{doc}");
    }
}

#[test]
fn broken_files_are_refused_with_line_and_column() {
    let cases: &[(&str, &str)] = &[
        (
            "[workspace]\naccount = \"123456789012\"\nregion = us-east-2\n",
            "line 3, column",
        ),
        (
            "[workspace]\naccount = \"123456789012\"\nregion = \"us-east-2\"\n[apis.abc]\nName = 1\n",
            "line 5, column 8",
        ),
        (
            "[workspace]\naccount = \"123456789012\"\nregion = \"us-east-2\"\nregion = \"us-east-1\"\n",
            "line 4",
        ),
        (
            "[workspace]\naccount = \"123456789012\"\nregion = \"us-east-2\"\nextra = 1\n",
            "line 4",
        ),
        (
            "[workspace]\naccount = \"12\"\nregion = \"us-east-2\"\n",
            "account must be 12 digits",
        ),
    ];
    for (doc, expected) in cases {
        let err = parse(here(), doc.as_bytes()).unwrap_err().to_string();
        assert!(
            err.contains("apigw.toml") && err.contains(expected),
            "{err}\n{doc}"
        );
    }
    let err = parse(here(), b"[workspace]\naccount = \"\xff\"\n").unwrap_err();
    assert!(err.to_string().contains("line 2, column 12"), "{err}");
}

#[test]
fn update_rewrites_a_hand_written_file_in_the_fast_layout() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("apigw.toml");
    std::fs::write(
        &path,
        "[workspace]\naccount = '123456789012'\nregion = 'eu-west-1'  # mine\n",
    )
    .unwrap();
    let region = update(&path, |ws| Ok(ws.workspace.region.clone())).unwrap();
    assert_eq!(region, "eu-west-1");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("# apigw workspace"), "{text}");
    let fast: Workspace = codec::from_str(&text).expect("the fast path reads it");
    assert_eq!(fast, load_path(&path).unwrap().workspace);
    assert_eq!(fast.workspace.region, "eu-west-1");
}

#[test]
fn a_large_workspace_is_read_by_the_fast_path() {
    let mut g = Gen::new(7);
    let mut ws = g.workspace();
    let api = Gen::new(1).api_of("big", true);
    ws.apis
        .insert("big".into(), serde_json::from_value(api).unwrap());
    let items = ws.integrations.entry("big".into()).or_default();
    for i in 0..2000 {
        let id = format!("i{i:05}");
        let v = g.integration(&id, true);
        items.insert(id, serde_json::from_value(v).unwrap());
    }
    let text = render(&ws).unwrap();
    assert_eq!(codec::from_str::<Workspace>(&text).as_ref(), Some(&ws));
    assert_eq!(toml::from_str::<Workspace>(&text).unwrap(), ws);
}

/// Every start of a line in `doc`.
fn line_starts(doc: &str) -> impl Iterator<Item = usize> + '_ {
    std::iter::once(0).chain(doc.match_indices('\n').map(|(i, _)| i + 1))
}

/// Reading in two parts gives what reading in one go gives, or nothing.
/// (The parts are read one after the other: threads are tested below.)
fn check_split(doc: &str, at: usize) -> Option<Workspace> {
    let joined = read_split_at_serially(doc, at)?;
    let whole: Option<Workspace> = codec::from_str(doc);
    assert_eq!(Some(&joined), whole.as_ref(), "cut at {at} of\n{doc}");
    Some(joined)
}

#[test]
fn reading_in_two_parts_joins_to_the_same_workspace() {
    let mut joined = 0;
    for seed in 0..cases(400) {
        let ws = Gen::new(seed).workspace();
        let text = render(&ws).unwrap();
        for at in line_starts(&text) {
            let resource = {
                let line = &text[at..];
                let head = &line[..line.find('\n').unwrap_or(line.len())];
                head.starts_with("[apis.") && head.matches('.').count() == 1
                    || head.starts_with("[integrations.") && head.matches('.').count() == 2
            };
            match check_split(&text, at) {
                Some(got) => {
                    assert_eq!(got, ws);
                    joined += 1;
                }
                None => assert!(!resource, "seed {seed}: cut before {:?}", &text[at..]),
            }
        }
    }
    assert!(joined > cases(1000) as usize, "only {joined} cuts joined");
}

#[test]
fn mutated_documents_read_in_two_parts_or_not_at_all() {
    const BITS: &[&str] = &[
        "[apis.x]\n",
        "[integrations.x.y]\n",
        "[integrations]\n",
        "[workspace]\n",
        "[routes.a]\n",
        "Name = \"x\"\n",
        "\"\"\"\n",
        "\n",
        "[",
        "]",
        ".",
        "\"",
    ];
    let mut rng = fastrand::Rng::with_seed(5);
    for seed in 0..cases(300) {
        let text = render(&Gen::new(seed).workspace()).unwrap();
        for _ in 0..30 {
            let mut doc = text.clone();
            // Move, repeat or insert whole lines, around where a cut is made.
            let mut lines: Vec<String> = doc.split_inclusive('\n').map(String::from).collect();
            for _ in 0..rng.usize(1..3) {
                let i = rng.usize(..=lines.len());
                match rng.u32(..3) {
                    0 if !lines.is_empty() => {
                        let l = lines.remove(rng.usize(..lines.len()));
                        lines.insert(i.min(lines.len()), l);
                    }
                    1 if !lines.is_empty() => {
                        let l = lines[rng.usize(..lines.len())].clone();
                        lines.insert(i, l);
                    }
                    _ => lines.insert(i, BITS[rng.usize(..BITS.len())].to_string()),
                }
            }
            doc = lines.concat();
            let starts: Vec<usize> = line_starts(&doc).collect();
            for _ in 0..4 {
                check_split(&doc, starts[rng.usize(..starts.len())]);
            }
        }
    }
}

#[test]
fn a_long_file_is_read_in_two_parts_like_toml_reads_it() {
    let ws = long_workspace(11);
    let text = render(&ws).unwrap();
    assert!(text.len() > 256 * 1024, "{}", text.len());
    // A cut before a resource (a header of three keys, here without dots in them).
    let mid = text.len() / 2;
    let at = mid
        + text[mid..]
            .match_indices("\n[integrations.")
            .map(|(i, _)| i + 1)
            .find(|&i| {
                let line = &text[mid + i..];
                line[..line.find('\n').unwrap()].matches('.').count() == 2
            })
            .unwrap();
    assert_eq!(read_split_at(&text, at).as_ref(), Some(&ws));
    assert_eq!(parse(here(), text.as_bytes()).unwrap(), ws);
    assert_eq!(toml::from_str::<Workspace>(&text).unwrap(), ws);
}

/// A workspace file long enough to be read on two threads.
fn long_workspace(seed: u64) -> Workspace {
    let mut g = Gen::new(seed);
    let mut ws = g.workspace();
    for a in 0..8 {
        let api = format!("api{a}");
        let http = g.chance(2);
        ws.apis.insert(
            api.clone(),
            serde_json::from_value(g.api_of(&api, http)).unwrap(),
        );
        let items = ws.integrations.entry(api).or_default();
        for i in 0..300 {
            let id = format!("i{i:04}");
            items.insert(
                id.clone(),
                serde_json::from_value(g.integration(&id, http)).unwrap(),
            );
        }
    }
    ws
}

#[test]
fn a_long_file_is_loaded_and_updated_like_a_short_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("apigw.toml");
    let ws = long_workspace(21);
    let text = render(&ws).unwrap();
    assert!(text.len() > 256 * 1024);
    std::fs::write(&path, &text).unwrap();
    assert_eq!(load_path(&path).unwrap().workspace, ws);
    let n = update(&path, |w| {
        assert_eq!(*w, ws);
        Ok(w.integrations.len())
    })
    .unwrap();
    assert_eq!(n, ws.integrations.len());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn a_long_broken_file_is_refused_with_line_and_column_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("apigw.toml");
    let text = render(&long_workspace(22)).unwrap();
    // Break a line in the second half.
    let at = text.len() * 3 / 4;
    let at = at + text[at..].find("\nTimeoutInMillis = ").unwrap() + 1;
    let line = text[..at].matches('\n').count() + 1;
    let broken = format!("{}TimeoutInMillis = x{}", &text[..at], &text[at + 17..]);
    std::fs::write(&path, &broken).unwrap();
    let err = load_path(&path).unwrap_err().to_string();
    assert!(err.contains(&format!("line {line}, column 19")), "{err}");
    let err = update(&path, |_| Ok(())).unwrap_err().to_string();
    assert!(err.contains(&format!("line {line}, column 19")), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), broken);
}
