//! Export: an API and a [`Definition`] (what it or one stage serves) → an
//! OpenAPI 3.0.1 document in the shape the service writes (SPEC section 9),
//! with the `x-amazon-apigateway-*` extensions unless asked not to. Keys come
//! out in one fixed order (paths sorted, methods in `extensions::METHODS`
//! order, integration members in `INTEGRATION_MEMBERS` order), so two exports
//! of the same API are the same bytes and a change diffs as itself.

use super::extensions::{CORS_MEMBERS, INTEGRATION_MEMBERS, METHODS, Member};
use crate::model::{Api, Authorizer, Integration, Route};
use crate::workspace::Definition;
use serde_json::{Map, Value, json};
use std::collections::BTreeMap;

/// What to write besides the API.
pub struct Options<'a> {
    /// Whether to write the `x-amazon-apigateway-*` extensions.
    pub extensions: bool,
    /// The stage exported, for `servers`.
    pub stage: Option<&'a str>,
}

/// The service's spelling of a time in `info.version`:
/// `2026-11-21 21:43:56UTC` from `2026-11-21T21:43:56+00:00`.
fn service_time(created: &str) -> String {
    let t = created.replace('T', " ");
    match t.split_once('+') {
        Some((head, _)) => format!("{head}UTC"),
        None => t,
    }
}

/// The document for `api` serving `def`.
pub fn document(api: &Api, def: &Definition, opts: &Options<'_>) -> Value {
    let mut doc = Map::new();
    doc.insert("openapi".into(), json!("3.0.1"));
    let mut info = Map::new();
    info.insert("title".into(), json!(api.name));
    if let Some(d) = &api.description {
        info.insert("description".into(), json!(d));
    }
    info.insert(
        "version".into(),
        json!(
            api.version
                .clone()
                .unwrap_or_else(|| service_time(&api.created_date))
        ),
    );
    doc.insert("info".into(), Value::Object(info));
    if let Some(stage) = opts.stage {
        let mut server = Map::new();
        if stage == "$default" {
            server.insert("url".into(), json!(api.api_endpoint));
        } else {
            server.insert(
                "url".into(),
                json!(format!("{}/{{basePath}}", api.api_endpoint)),
            );
            server.insert("variables".into(), json!({"basePath": {"default": stage}}));
        }
        doc.insert("servers".into(), json!([server]));
    }
    if opts.extensions && !api.tags.is_empty() {
        let tags: Vec<Value> = api
            .tags
            .iter()
            .map(|(k, v)| json!({"name": k, "x-amazon-apigateway-tag-value": v}))
            .collect();
        doc.insert("tags".into(), Value::Array(tags));
    }
    let shared = shared_integrations(def);
    doc.insert("paths".into(), paths(def, &shared, opts));
    let mut components = Map::new();
    let schemes = security_schemes(def, opts);
    if !schemes.is_empty() {
        components.insert("securitySchemes".into(), Value::Object(schemes));
    }
    if opts.extensions && !shared.is_empty() {
        let mut ints = Map::new();
        for (id, name) in &shared {
            if let Some(i) = def.integrations.get(id) {
                ints.insert(name.clone(), integration(i));
            }
        }
        let mut ordered: Vec<(String, Value)> = ints.into_iter().collect();
        ordered.sort_by_key(|a| natural(&a.0));
        components.insert(
            "x-amazon-apigateway-integrations".into(),
            Value::Object(ordered.into_iter().collect()),
        );
    }
    if !components.is_empty() {
        doc.insert("components".into(), Value::Object(components));
    }
    if opts.extensions {
        if let Some(cors) = &def.cors_configuration {
            let mut c = Map::new();
            for (name, _) in CORS_MEMBERS {
                let value = match *name {
                    "allowOrigins" => json!(cors.allow_origins.clone().unwrap_or_default()),
                    "allowCredentials" => json!(cors.allow_credentials.unwrap_or(false)),
                    "exposeHeaders" => json!(cors.expose_headers.clone().unwrap_or_default()),
                    "maxAge" => match cors.max_age {
                        Some(n) => json!(n),
                        None => continue,
                    },
                    "allowMethods" => json!(cors.allow_methods.clone().unwrap_or_default()),
                    _ => json!(cors.allow_headers.clone().unwrap_or_default()),
                };
                c.insert(name.to_string(), value);
            }
            doc.insert("x-amazon-apigateway-cors".into(), Value::Object(c));
        }
        if api.disable_execute_api_endpoint {
            doc.insert(
                "x-amazon-apigateway-endpoint-configuration".into(),
                json!({"disableExecuteApiEndpoint": true}),
            );
        }
        doc.insert(
            "x-amazon-apigateway-importexport-version".into(),
            json!("1.0"),
        );
    }
    Value::Object(doc)
}

/// `integration-10` after `integration-9`.
fn natural(name: &str) -> (usize, String) {
    let n = name
        .rsplit('-')
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    (n, name.to_string())
}

/// The (OpenAPI path, method key) of a route key.
fn path_of(route_key: &str) -> (String, &'static str) {
    if route_key == "$default" {
        return ("/$default".into(), "x-amazon-apigateway-any-method");
    }
    let (method, path) = route_key.split_once(' ').unwrap_or(("ANY", route_key));
    let key = METHODS
        .iter()
        .find(|(_, m)| *m == method)
        .map_or("x-amazon-apigateway-any-method", |(k, _)| *k);
    (path.to_string(), key)
}

/// Routes in export order: by path, then by method order.
fn ordered_routes(def: &Definition) -> Vec<&Route> {
    let mut routes: Vec<&Route> = def.routes.values().collect();
    let rank = |k: &str| {
        METHODS
            .iter()
            .position(|(m, _)| *m == k)
            .unwrap_or(METHODS.len())
    };
    routes.sort_by(|a, b| {
        let (pa, ka) = path_of(&a.route_key);
        let (pb, kb) = path_of(&b.route_key);
        pa.cmp(&pb).then(rank(ka).cmp(&rank(kb)))
    });
    routes
}

fn target_id(route: &Route) -> Option<&str> {
    route.target.as_deref()?.strip_prefix("integrations/")
}

/// The integrations written once under `components` and referenced: those
/// more than one route uses, and those no route uses (so that nothing is
/// lost), named `integration-N` in the order of their first use.
fn shared_integrations(def: &Definition) -> BTreeMap<String, String> {
    let mut uses: Vec<(&str, usize)> = Vec::new();
    for route in ordered_routes(def) {
        if let Some(id) = target_id(route) {
            match uses.iter_mut().find(|(i, _)| *i == id) {
                Some((_, n)) => *n += 1,
                None => uses.push((id, 1)),
            }
        }
    }
    let mut order: Vec<&str> = uses
        .iter()
        .filter(|(_, n)| *n > 1)
        .map(|(i, _)| *i)
        .collect();
    order.extend(
        def.integrations
            .keys()
            .map(String::as_str)
            .filter(|id| !uses.iter().any(|(i, _)| i == id)),
    );
    order
        .into_iter()
        .enumerate()
        .map(|(n, id)| (id.to_string(), format!("integration-{}", n + 1)))
        .collect()
}

fn paths(def: &Definition, shared: &BTreeMap<String, String>, opts: &Options<'_>) -> Value {
    let mut paths: Map<String, Value> = Map::new();
    for route in ordered_routes(def) {
        let (path, key) = path_of(&route.route_key);
        let method_word = if key == "x-amazon-apigateway-any-method" {
            "ANY".to_string()
        } else {
            key.to_ascii_uppercase()
        };
        let mut op = Map::new();
        if let Some(name) = &route.operation_name {
            op.insert("operationId".into(), json!(name));
        }
        let params = path_parameters(&path);
        if !params.is_empty() {
            op.insert("parameters".into(), Value::Array(params));
        }
        op.insert(
            "responses".into(),
            json!({"default": {"description": format!("Default response for {method_word} {path}")}}),
        );
        match (route.authorization_type.as_str(), &route.authorizer_id) {
            ("JWT" | "CUSTOM", Some(id)) => {
                if let Some(a) = def.authorizers.get(id) {
                    let scopes = route.authorization_scopes.clone().unwrap_or_default();
                    op.insert("security".into(), json!([{ a.name.clone(): scopes }]));
                }
            }
            ("AWS_IAM", _) if opts.extensions => {
                op.insert(
                    "x-amazon-apigateway-auth".into(),
                    json!({"type": "AWS_IAM"}),
                );
            }
            _ => {}
        }
        if opts.extensions
            && let Some(id) = target_id(route)
        {
            let value = match shared.get(id) {
                Some(name) => {
                    json!({"$ref": format!("#/components/x-amazon-apigateway-integrations/{name}")})
                }
                None => def.integrations.get(id).map_or(Value::Null, integration),
            };
            if !value.is_null() {
                op.insert("x-amazon-apigateway-integration".into(), value);
            }
        }
        let entry = paths
            .entry(path)
            .or_insert_with(|| Value::Object(Map::new()));
        if let Value::Object(m) = entry {
            m.insert(key.to_string(), Value::Object(op));
        }
    }
    Value::Object(paths)
}

/// The path parameters of `path`, greedy ones as `proxy+`.
fn path_parameters(path: &str) -> Vec<Value> {
    path.split('/')
        .filter_map(|seg| seg.strip_prefix('{')?.strip_suffix('}'))
        .map(|name| json!({"name": name, "in": "path", "required": true, "schema": {"type": "string"}}))
        .collect()
}

/// An integration as `x-amazon-apigateway-integration`.
pub fn integration(i: &Integration) -> Value {
    let mut m = Map::new();
    for (key, member) in INTEGRATION_MEMBERS {
        let Member::Read(name) = member else { continue };
        let value = match *name {
            "IntegrationType" => Some(json!(i.integration_type.to_ascii_lowercase())),
            "IntegrationSubtype" => i.integration_subtype.as_ref().map(|s| json!(s)),
            "IntegrationMethod" => i.integration_method.as_ref().map(|s| json!(s)),
            "IntegrationUri" => i.integration_uri.as_ref().map(|s| json!(s)),
            "ConnectionType" => Some(json!(i.connection_type)),
            "ConnectionId" => i.connection_id.as_ref().map(|s| json!(s)),
            "CredentialsArn" => i.credentials_arn.as_ref().map(|s| json!(s)),
            "RequestParameters" => i.request_parameters.as_ref().map(|p| json!(p)),
            "ResponseParameters" => i.response_parameters.as_ref().map(|p| json!(p)),
            "TlsConfig" => i
                .tls_config
                .as_ref()
                .and_then(|t| t.server_name_to_verify.as_ref())
                .map(|s| json!({"serverNameToVerify": s})),
            "PayloadFormatVersion" => i.payload_format_version.as_ref().map(|s| json!(s)),
            "TimeoutInMillis" => Some(json!(i.timeout_in_millis)),
            _ => None,
        };
        if let Some(v) = value {
            m.insert(key.to_string(), v);
        }
    }
    Value::Object(m)
}

fn security_schemes(def: &Definition, opts: &Options<'_>) -> Map<String, Value> {
    let mut authorizers: Vec<&Authorizer> = def.authorizers.values().collect();
    authorizers.sort_by(|a, b| a.name.cmp(&b.name));
    let mut out = Map::new();
    for a in authorizers {
        let mut s = Map::new();
        let mut ext = Map::new();
        if a.authorizer_type == "JWT" {
            s.insert("type".into(), json!("oauth2"));
            s.insert("flows".into(), json!({}));
            ext.insert("identitySource".into(), json!(a.identity_source.join(", ")));
            if let Some(j) = &a.jwt_configuration {
                let mut jc = Map::new();
                if let Some(aud) = &j.audience {
                    jc.insert("audience".into(), json!(aud));
                }
                if let Some(iss) = &j.issuer {
                    jc.insert("issuer".into(), json!(iss));
                }
                ext.insert("jwtConfiguration".into(), Value::Object(jc));
            }
            ext.insert("type".into(), json!("jwt"));
        } else {
            s.insert("type".into(), json!("apiKey"));
            s.insert("name".into(), json!("Unused"));
            s.insert("in".into(), json!("header"));
            let members = [
                (
                    "authorizerCredentials",
                    a.authorizer_credentials_arn.as_ref().map(|v| json!(v)),
                ),
                (
                    "authorizerPayloadFormatVersion",
                    a.authorizer_payload_format_version
                        .as_ref()
                        .map(|v| json!(v)),
                ),
                (
                    "authorizerResultTtlInSeconds",
                    a.authorizer_result_ttl_in_seconds.map(|v| json!(v)),
                ),
                ("authorizerUri", a.authorizer_uri.as_ref().map(|v| json!(v))),
                (
                    "enableSimpleResponses",
                    a.enable_simple_responses.map(|v| json!(v)),
                ),
                ("identitySource", Some(json!(a.identity_source.join(", ")))),
                (
                    "identityValidationExpression",
                    a.identity_validation_expression.as_ref().map(|v| json!(v)),
                ),
            ];
            for (k, v) in members {
                if let Some(v) = v {
                    ext.insert(k.into(), v);
                }
            }
            ext.insert("type".into(), json!("request"));
        }
        if opts.extensions {
            s.insert("x-amazon-apigateway-authorizer".into(), Value::Object(ext));
        }
        out.insert(a.name.clone(), Value::Object(s));
    }
    out
}

/// The document as text: JSON (two-space indent) or YAML, ending in a newline.
pub fn render(doc: &Value, yaml: bool) -> Result<String, String> {
    if yaml {
        serde_norway::to_string(doc).map_err(|e| e.to_string())
    } else {
        serde_json::to_string_pretty(doc)
            .map(|mut s| {
                s.push('\n');
                s
            })
            .map_err(|e| e.to_string())
    }
}
