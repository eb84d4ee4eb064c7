//! Import: an OpenAPI 3.0 document → a [`Plan`] of the typed requests the
//! operations take (`CreateAuthorizerRequest`, `CreateIntegrationRequest`,
//! `CreateRouteRequest`) plus the API's own settings, with what the service
//! would say about the document at its three levels: `ImportInfo` (valid,
//! ignored), `Warnings` (invalid, not blocking) and a refusal (an `Err`).
//! Nothing here touches a workspace: `ops::openapi` runs the plan through
//! the same operations and rules as the CLI, in one transaction.

use super::extensions::{self, CORS_MEMBERS, Handling, INTEGRATION_MEMBERS, Member, Place};
use crate::error::ApiError;
use crate::input::document;
use crate::model::{
    Cors, CreateAuthorizerRequest, CreateIntegrationRequest, CreateRouteRequest, JwtConfiguration,
    ResponseParameters, StringMap, TlsConfig,
};
use serde_json::{Map, Value};

/// What `--basepath` does with the base path of `servers`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Basepath {
    /// Drop it (the default).
    Ignore,
    /// Put it in front of every route's path.
    Prepend,
    /// Drop its first segment, put the rest in front (`/a/b/c` + `/e` → `/b/c/e`).
    Split,
}

impl Basepath {
    pub fn parse(mode: Option<&str>) -> Result<Basepath, ApiError> {
        match mode.map(str::to_ascii_lowercase).as_deref() {
            None | Some("ignore") => Ok(Basepath::Ignore),
            Some("prepend") => Ok(Basepath::Prepend),
            Some("split") => Ok(Basepath::Split),
            Some(_) => Err(ApiError::bad_request(format!(
                "Invalid basepath mode: {}. Must be one of [ignore, prepend, split]",
                mode.unwrap_or_default()
            ))),
        }
    }
}

/// The values `${AWS::AccountId}`, `${AWS::Region}` and `${AWS::Partition}`
/// stand for in a document.
pub struct AwsVariables<'a> {
    pub account: &'a str,
    pub region: &'a str,
}

impl AwsVariables<'_> {
    fn partition(&self) -> &'static str {
        if self.region.starts_with("cn-") {
            "aws-cn"
        } else if self.region.starts_with("us-gov-") {
            "aws-us-gov"
        } else {
            "aws"
        }
    }

    fn resolve(&self, text: &str) -> String {
        if !text.contains("${AWS::") {
            return text.to_string();
        }
        text.replace("${AWS::AccountId}", self.account)
            .replace("${AWS::Region}", self.region)
            .replace("${AWS::Partition}", self.partition())
    }
}

/// An authorizer to create, under the security scheme's name.
#[derive(Debug, Clone)]
pub struct PlannedAuthorizer {
    pub at: String,
    pub request: CreateAuthorizerRequest,
}

/// An integration to create; `at` says where the document defines it.
#[derive(Debug, Clone)]
pub struct PlannedIntegration {
    pub at: String,
    pub request: CreateIntegrationRequest,
}

/// A route to create. `integration` indexes [`Plan::integrations`],
/// `authorizer` names a scheme of [`Plan::authorizers`].
#[derive(Debug, Clone)]
pub struct PlannedRoute {
    pub at: String,
    pub request: CreateRouteRequest,
    pub integration: Option<usize>,
    pub authorizer: Option<String>,
}

/// Everything a document asks for, as the operations' requests.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    /// `info.title`: the API's name.
    pub name: Option<String>,
    pub version: Option<String>,
    pub description: Option<String>,
    pub tags: StringMap,
    pub cors: Option<Cors>,
    pub disable_execute_api_endpoint: Option<bool>,
    pub authorizers: Vec<PlannedAuthorizer>,
    pub integrations: Vec<PlannedIntegration>,
    pub routes: Vec<PlannedRoute>,
    pub info: Vec<String>,
    pub warnings: Vec<String>,
}

/// The refusal of a malformed document.
fn refuse(message: impl Into<String>) -> ApiError {
    ApiError::bad_request(message)
}

const NO_IMPORTER: &str = "Unable to build importer with provided input.";

/// Reads `body` (JSON or YAML) into a value, within the depth bounds of
/// `input::document`; the error says the line.
pub fn parse(body: &str) -> Result<Value, ApiError> {
    let trimmed = body.trim_start();
    let parsed = if trimmed.starts_with('{') {
        document::parse_json(body)
    } else {
        document::parse_yaml(body)
    };
    parsed.map_err(|e| {
        refuse(format!(
            "{NO_IMPORTER} The document is neither JSON nor YAML: {e}"
        ))
    })
}

/// The plan of `body`, or the refusal the service would give.
pub fn plan(body: &str, basepath: Basepath, vars: &AwsVariables<'_>) -> Result<Plan, ApiError> {
    let doc = parse(body)?;
    let Value::Object(root) = &doc else {
        return Err(refuse(format!(
            "{NO_IMPORTER} The document must be an object with openapi, info and paths"
        )));
    };
    check_version(root)?;
    let mut reader = Reader {
        root: &doc,
        vars,
        plan: Plan::default(),
        shared: Vec::new(),
    };
    reader.read(root, basepath)?;
    Ok(reader.plan)
}

fn check_version(root: &Map<String, Value>) -> Result<(), ApiError> {
    if let Some(v) = root.get("swagger") {
        return Err(refuse(format!(
            "{NO_IMPORTER} Swagger {} documents are not supported for HTTP APIs: convert it to OpenAPI 3.0 (openapi: 3.0.1)",
            scalar(v).unwrap_or_else(|| "2.0".into())
        )));
    }
    let version = root.get("openapi").and_then(scalar);
    match version.as_deref() {
        Some(v) if v == "3.0" || v.starts_with("3.0.") => Ok(()),
        Some(v) => Err(refuse(format!(
            "{NO_IMPORTER} Unable to determine OAS version from '{v}'"
        ))),
        None => Err(refuse(format!(
            "{NO_IMPORTER} The document has no openapi version; HTTP APIs import OpenAPI 3.0 (openapi: 3.0.1)"
        ))),
    }
}

/// A string, number or boolean as text (`version: 2.0` in YAML is a number).
fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// What a value is, for messages.
fn what(v: &Value) -> String {
    match v {
        Value::Object(m) => match m.keys().next() {
            Some(k) if k.starts_with("Fn::") || k == "Ref" => {
                format!("a CloudFormation intrinsic ({k}); substitute its value before importing")
            }
            _ => "an object".into(),
        },
        Value::Array(_) => "a list".into(),
        Value::Null => "null".into(),
        Value::Bool(_) => "a boolean".into(),
        Value::Number(_) => "a number".into(),
        Value::String(_) => "a string".into(),
    }
}

struct Reader<'d, 'v> {
    root: &'d Value,
    vars: &'d AwsVariables<'v>,
    plan: Plan,
    /// The shared integrations read so far: name → index in the plan.
    shared: Vec<(String, usize)>,
}

impl Reader<'_, '_> {
    fn info(&mut self, s: String) {
        if !self.plan.info.contains(&s) {
            self.plan.info.push(s);
        }
    }

    fn warn(&mut self, s: String) {
        if !self.plan.warnings.contains(&s) {
            self.plan.warnings.push(s);
        }
    }

    /// A text member: `None` when absent, refused when not a scalar.
    fn text(
        &self,
        m: &Map<String, Value>,
        key: &str,
        at: &str,
    ) -> Result<Option<String>, ApiError> {
        match m.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(v) => match scalar(v) {
                Some(s) => Ok(Some(self.vars.resolve(&s))),
                None => Err(refuse(format!(
                    "{at}.{key} must be a string, not {}",
                    what(v)
                ))),
            },
        }
    }

    fn list(
        &self,
        m: &Map<String, Value>,
        key: &str,
        at: &str,
    ) -> Result<Option<Vec<String>>, ApiError> {
        match m.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Array(items)) => items
                .iter()
                .map(|v| {
                    scalar(v).map(|s| self.vars.resolve(&s)).ok_or_else(|| {
                        refuse(format!("{at}.{key} must list strings, not {}", what(v)))
                    })
                })
                .collect::<Result<Vec<_>, _>>()
                .map(Some),
            Some(v) => match scalar(v) {
                Some(s) => Ok(Some(vec![self.vars.resolve(&s)])),
                None => Err(refuse(format!(
                    "{at}.{key} must be a list of strings, not {}",
                    what(v)
                ))),
            },
        }
    }

    fn string_map(&self, v: &Value, at: &str) -> Result<StringMap, ApiError> {
        let Value::Object(m) = v else {
            return Err(refuse(format!("{at} must be an object, not {}", what(v))));
        };
        let mut out = StringMap::new();
        for (k, v) in m {
            let value = scalar(v)
                .ok_or_else(|| refuse(format!("{at}.{k} must be a string, not {}", what(v))))?;
            out.insert(k.clone(), self.vars.resolve(&value));
        }
        Ok(out)
    }

    fn read(&mut self, root: &Map<String, Value>, basepath: Basepath) -> Result<(), ApiError> {
        self.read_info(root)?;
        self.check_refs(self.root, &mut String::new());
        for (key, value) in root {
            match key.as_str() {
                "openapi" | "info" | "servers" | "paths" | "components" | "security" | "tags" => {}
                "x-amazon-apigateway-cors" => {
                    let cors = self.read_cors(value)?;
                    self.plan.cors = (cors != Cors::default()).then_some(cors);
                }
                "x-amazon-apigateway-importexport-version" => {
                    if scalar(value).as_deref() != Some("1.0") {
                        self.warn(format!(
                            "x-amazon-apigateway-importexport-version {} is not known; only 1.0 is",
                            scalar(value).unwrap_or_else(|| what(value))
                        ));
                    }
                }
                "x-amazon-apigateway-endpoint-configuration" => self.read_endpoint(value)?,
                other => self.other_extension(other, Place::Root, "the document"),
            }
        }
        self.read_tags(root.get("tags"))?;
        self.read_schemes(root)?;
        self.read_shared_integrations(root)?;
        let base = base_path(root.get("servers"));
        let prefix = match (basepath, base.as_deref()) {
            (_, None) => String::new(),
            (Basepath::Ignore, Some(b)) => {
                self.info(format!(
                    "The base path {b} of servers is not added to the routes (basepath mode ignore)"
                ));
                String::new()
            }
            (Basepath::Prepend, Some(b)) => b.to_string(),
            (Basepath::Split, Some(b)) => {
                let rest = b.trim_start_matches('/');
                match rest.split_once('/') {
                    Some((_, tail)) => format!("/{tail}"),
                    None => String::new(),
                }
            }
        };
        let default_security = root.get("security");
        match root.get("paths") {
            None => {
                return Err(refuse(format!("{NO_IMPORTER} The document has no paths")));
            }
            Some(Value::Object(paths)) => {
                for (path, item) in paths {
                    self.read_path(path, item, &prefix, default_security)?;
                }
            }
            Some(v) => return Err(refuse(format!("paths must be an object, not {}", what(v)))),
        }
        Ok(())
    }

    fn other_extension(&mut self, name: &str, place: Place, at: &str) {
        if !name.starts_with("x-amazon-apigateway-") {
            return;
        }
        match extensions::find(name, place) {
            Some(e) if e.handling == Handling::RestOnly => self.info(format!(
                "{name} in {at} is a REST API extension; HTTP APIs ignore it"
            )),
            Some(_) => {}
            None => self.warn(format!(
                "{name} in {at} is not an extension HTTP APIs know; it was ignored"
            )),
        }
    }

    fn read_info(&mut self, root: &Map<String, Value>) -> Result<(), ApiError> {
        let Some(Value::Object(info)) = root.get("info") else {
            return Err(refuse(format!(
                "{NO_IMPORTER} The document has no info object; info.title names the API"
            )));
        };
        // Import needs it (it names the API); reimport keeps the name without.
        self.plan.name = self.text(info, "title", "info")?;
        self.plan.version = self.text(info, "version", "info")?;
        self.plan.description = self.text(info, "description", "info")?;
        Ok(())
    }

    fn read_cors(&mut self, v: &Value) -> Result<Cors, ApiError> {
        let at = "x-amazon-apigateway-cors";
        let Value::Object(m) = v else {
            return Err(refuse(format!("{at} must be an object, not {}", what(v))));
        };
        let mut cors = Cors::default();
        for (key, value) in m {
            let Some((name, _)) = CORS_MEMBERS.iter().find(|(c, _)| c == key) else {
                // The service reads camel case only: a snake-case key sets nothing.
                let hint = CORS_MEMBERS
                    .iter()
                    .find(|(_, snake)| snake == key)
                    .map(|(c, _)| format!(" ({c} is)"))
                    .unwrap_or_default();
                self.warn(format!(
                    "{at}.{key} is not a CORS setting{hint}; it was ignored"
                ));
                continue;
            };
            let one = Map::from_iter([(name.to_string(), value.clone())]);
            let list = || self.list(&one, name, at);
            match *name {
                "allowOrigins" => cors.allow_origins = list()?.filter(|l| !l.is_empty()),
                "allowMethods" => cors.allow_methods = list()?.filter(|l| !l.is_empty()),
                "allowHeaders" => cors.allow_headers = list()?.filter(|l| !l.is_empty()),
                "exposeHeaders" => cors.expose_headers = list()?.filter(|l| !l.is_empty()),
                "allowCredentials" => match value {
                    Value::Bool(true) => cors.allow_credentials = Some(true),
                    Value::Bool(false) | Value::Null => {}
                    other => {
                        return Err(refuse(format!(
                            "{at}.{key} must be true or false, not {}",
                            what(other)
                        )));
                    }
                },
                _ => match value.as_i64() {
                    Some(n) => cors.max_age = Some(n),
                    None => {
                        return Err(refuse(format!(
                            "{at}.{key} must be a number of seconds, not {}",
                            what(value)
                        )));
                    }
                },
            }
        }
        Ok(cors)
    }

    fn read_endpoint(&mut self, v: &Value) -> Result<(), ApiError> {
        let at = "x-amazon-apigateway-endpoint-configuration";
        let Value::Object(m) = v else {
            return Err(refuse(format!("{at} must be an object, not {}", what(v))));
        };
        for (key, value) in m {
            match (key.as_str(), value) {
                ("disableExecuteApiEndpoint", Value::Bool(b)) => {
                    self.plan.disable_execute_api_endpoint = Some(*b)
                }
                ("disableExecuteApiEndpoint", other) => {
                    return Err(refuse(format!(
                        "{at}.{key} must be true or false, not {}",
                        what(other)
                    )));
                }
                ("vpcEndpointIds", _) => self.info(format!(
                    "{at}.vpcEndpointIds is for private REST APIs; HTTP APIs ignore it"
                )),
                _ => self.warn(format!("{at}.{key} is not known; it was ignored")),
            }
        }
        Ok(())
    }

    fn read_tags(&mut self, tags: Option<&Value>) -> Result<(), ApiError> {
        let Some(Value::Array(tags)) = tags else {
            return Ok(());
        };
        for tag in tags {
            let Value::Object(t) = tag else { continue };
            let Some(name) = self.text(t, "name", "tags")? else {
                continue;
            };
            match self.text(t, "x-amazon-apigateway-tag-value", "tags")? {
                Some(value) => {
                    self.plan.tags.insert(name, value);
                }
                None => self.info(format!(
                    "Tag {name} has no x-amazon-apigateway-tag-value; it is documentation only"
                )),
            }
        }
        Ok(())
    }

    fn schemes(&self) -> Option<&Map<String, Value>> {
        self.root
            .pointer("/components/securitySchemes")
            .and_then(Value::as_object)
    }

    fn read_schemes(&mut self, _root: &Map<String, Value>) -> Result<(), ApiError> {
        let Some(schemes) = self.schemes() else {
            return Ok(());
        };
        for (name, scheme) in schemes.clone() {
            let at = format!("components.securitySchemes.{name}");
            let Value::Object(s) = &scheme else {
                return Err(refuse(format!(
                    "{at} must be an object, not {}",
                    what(&scheme)
                )));
            };
            for key in s.keys() {
                if key != "x-amazon-apigateway-authorizer" {
                    self.other_extension(key, Place::SecurityScheme, &at);
                }
            }
            let Some(ext) = s.get("x-amazon-apigateway-authorizer") else {
                continue;
            };
            let ext_at = format!("{at}.x-amazon-apigateway-authorizer");
            let Value::Object(a) = ext else {
                return Err(refuse(format!(
                    "{ext_at} must be an object, not {}",
                    what(ext)
                )));
            };
            let kind = self
                .text(a, "type", &ext_at)?
                .unwrap_or_default()
                .to_ascii_lowercase();
            let authorizer_type = match kind.as_str() {
                "jwt" => "JWT",
                "request" => "REQUEST",
                other => {
                    self.warn(format!(
                        "{ext_at}.type {other:?} is not an HTTP API authorizer type (jwt or request); the authorizer was not imported"
                    ));
                    continue;
                }
            };
            let identity_source = match a.get("identitySource") {
                Some(Value::String(s)) => s
                    .split(',')
                    .map(|p| self.vars.resolve(p.trim()))
                    .filter(|p| !p.is_empty())
                    .collect(),
                Some(_) => self.list(a, "identitySource", &ext_at)?.unwrap_or_default(),
                None => Vec::new(),
            };
            let mut request = CreateAuthorizerRequest {
                authorizer_type: authorizer_type.into(),
                identity_source,
                name: name.clone(),
                ..Default::default()
            };
            for (key, value) in a {
                let one = Map::from_iter([(key.clone(), value.clone())]);
                match key.as_str() {
                    "type" | "identitySource" => {}
                    "jwtConfiguration" => {
                        let Value::Object(j) = value else {
                            return Err(refuse(format!(
                                "{ext_at}.jwtConfiguration must be an object, not {}",
                                what(value)
                            )));
                        };
                        let jat = format!("{ext_at}.jwtConfiguration");
                        request.jwt_configuration = Some(JwtConfiguration {
                            audience: self.list(j, "audience", &jat)?,
                            issuer: self.text(j, "issuer", &jat)?,
                        });
                    }
                    "authorizerUri" => request.authorizer_uri = self.text(&one, key, &ext_at)?,
                    "authorizerCredentials" => {
                        request.authorizer_credentials_arn = self.text(&one, key, &ext_at)?
                    }
                    "authorizerPayloadFormatVersion" => {
                        request.authorizer_payload_format_version = self.text(&one, key, &ext_at)?
                    }
                    "identityValidationExpression" => {
                        request.identity_validation_expression = self.text(&one, key, &ext_at)?
                    }
                    "authorizerResultTtlInSeconds" => match value.as_i64() {
                        Some(n) => request.authorizer_result_ttl_in_seconds = Some(n),
                        None => {
                            return Err(refuse(format!(
                                "{ext_at}.{key} must be a number, not {}",
                                what(value)
                            )));
                        }
                    },
                    "enableSimpleResponses" => match value {
                        Value::Bool(b) => request.enable_simple_responses = Some(*b),
                        other => {
                            return Err(refuse(format!(
                                "{ext_at}.{key} must be true or false, not {}",
                                what(other)
                            )));
                        }
                    },
                    _ => self.warn(format!(
                        "{ext_at}.{key} is not an authorizer setting; it was ignored"
                    )),
                }
            }
            // An openIdConnect scheme finds its issuer from its discovery URL.
            if authorizer_type == "JWT"
                && s.get("type").and_then(Value::as_str) == Some("openIdConnect")
            {
                let url = self.text(s, "openIdConnectUrl", &at)?;
                let jwt = request
                    .jwt_configuration
                    .get_or_insert_with(Default::default);
                if jwt.issuer.is_none() {
                    jwt.issuer = url.map(|u| {
                        u.trim_end_matches("/.well-known/openid-configuration")
                            .to_string()
                    });
                }
            }
            self.plan
                .authorizers
                .push(PlannedAuthorizer { at, request });
        }
        Ok(())
    }

    fn read_shared_integrations(&mut self, root: &Map<String, Value>) -> Result<(), ApiError> {
        let Some(Value::Object(components)) = root.get("components") else {
            return Ok(());
        };
        for key in components.keys() {
            if key != "x-amazon-apigateway-integrations" {
                self.other_extension(key, Place::Components, "components");
            }
        }
        let Some(shared) = components.get("x-amazon-apigateway-integrations") else {
            return Ok(());
        };
        let Value::Object(shared) = shared else {
            return Err(refuse(format!(
                "components.x-amazon-apigateway-integrations must be an object, not {}",
                what(shared)
            )));
        };
        for (name, value) in shared {
            let at = format!("components.x-amazon-apigateway-integrations.{name}");
            if let Some(request) = self.read_integration(value, &at)? {
                self.plan
                    .integrations
                    .push(PlannedIntegration { at, request });
                let index = self.plan.integrations.len() - 1;
                self.shared.push((name.clone(), index));
            }
        }
        Ok(())
    }

    /// The integration an `x-amazon-apigateway-integration` object asks
    /// for; `None` when its type is one HTTP APIs do not have (a warning).
    fn read_integration(
        &mut self,
        v: &Value,
        at: &str,
    ) -> Result<Option<CreateIntegrationRequest>, ApiError> {
        let Value::Object(m) = v else {
            return Err(refuse(format!("{at} must be an object, not {}", what(v))));
        };
        let mut r = CreateIntegrationRequest::default();
        let kind = self.text(m, "type", at)?.ok_or_else(|| {
            refuse(format!(
                "{at} has no type; HTTP APIs take aws_proxy or http_proxy"
            ))
        })?;
        let lower = kind.to_ascii_lowercase();
        match extensions::INTEGRATION_TYPES
            .iter()
            .find(|(t, _)| *t == lower)
        {
            Some((_, Some(stored))) => r.integration_type = stored.to_string(),
            _ => {
                self.warn(format!(
                    "{at}: integration type {kind} is not supported for HTTP APIs (aws_proxy or http_proxy); the integration was not imported"
                ));
                return Ok(None);
            }
        }
        for (key, value) in m {
            let member = INTEGRATION_MEMBERS
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, m)| *m);
            let text = || self.text(m, key, at);
            match member {
                Some(Member::Read("IntegrationType")) => {}
                Some(Member::Read("IntegrationSubtype")) => r.integration_subtype = text()?,
                Some(Member::Read("IntegrationMethod")) => r.integration_method = text()?,
                Some(Member::Read("IntegrationUri")) => r.integration_uri = text()?,
                Some(Member::Read("ConnectionType")) => r.connection_type = text()?,
                Some(Member::Read("ConnectionId")) => r.connection_id = text()?,
                Some(Member::Read("CredentialsArn")) => r.credentials_arn = text()?,
                Some(Member::Read("PayloadFormatVersion")) => r.payload_format_version = text()?,
                Some(Member::Read("TimeoutInMillis")) => match value.as_i64() {
                    Some(n) => r.timeout_in_millis = Some(n),
                    None => {
                        return Err(refuse(format!(
                            "{at}.{key} must be a number of milliseconds, not {}",
                            what(value)
                        )));
                    }
                },
                Some(Member::Read("RequestParameters")) => {
                    r.request_parameters = Some(self.string_map(value, &format!("{at}.{key}"))?)
                }
                Some(Member::Read("ResponseParameters")) => {
                    let Value::Object(codes) = value else {
                        return Err(refuse(format!(
                            "{at}.{key} must be an object keyed by status code, not {}",
                            what(value)
                        )));
                    };
                    let mut out = ResponseParameters::new();
                    for (code, map) in codes {
                        out.insert(
                            code.clone(),
                            self.string_map(map, &format!("{at}.{key}.{code}"))?,
                        );
                    }
                    r.response_parameters = Some(out);
                }
                Some(Member::Read("TlsConfig")) => {
                    let Value::Object(t) = value else {
                        return Err(refuse(format!(
                            "{at}.{key} must be an object, not {}",
                            what(value)
                        )));
                    };
                    let tat = format!("{at}.{key}");
                    for k in t.keys() {
                        match k.as_str() {
                            "serverNameToVerify" => {}
                            "insecureSkipVerification" => self.info(format!(
                                "{tat}.insecureSkipVerification is for REST APIs; HTTP APIs ignore it"
                            )),
                            _ => self.warn(format!("{tat}.{k} is not a TLS setting; it was ignored")),
                        }
                    }
                    r.tls_config = Some(TlsConfig {
                        server_name_to_verify: self.text(t, "serverNameToVerify", &tat)?,
                    });
                }
                Some(Member::Read(_)) => {}
                Some(Member::RestOnly) => self.info(format!(
                    "{at}.{key} is a REST API setting; HTTP APIs ignore it"
                )),
                None => self.warn(format!(
                    "{at}.{key} is not an integration setting of HTTP APIs; it was ignored"
                )),
            }
        }
        // The service stores the connection type in upper case; documents
        // also write it in lower case.
        if let Some(c) = &mut r.connection_type {
            *c = c.to_ascii_uppercase();
        }
        Ok(Some(r))
    }

    fn read_path(
        &mut self,
        path: &str,
        item: &Value,
        prefix: &str,
        default_security: Option<&Value>,
    ) -> Result<(), ApiError> {
        let at = format!("paths.{path}");
        let Value::Object(ops) = item else {
            return Err(refuse(format!(
                "{at} must be an object, not {}",
                what(item)
            )));
        };
        let is_default = path == "$default" || path == "/$default";
        for (key, op) in ops {
            let Some((_, method)) = extensions::METHODS.iter().find(|(k, _)| k == key) else {
                match key.as_str() {
                    "$ref" => self.warn(format!(
                        "{at}.$ref: path items by reference are not supported; it was ignored"
                    )),
                    "parameters" | "summary" | "description" | "servers" => {}
                    other => self.other_extension(other, Place::PathItem, &at),
                }
                continue;
            };
            let route_key = if is_default && *method == "ANY" {
                "$default".to_string()
            } else if is_default {
                format!("{method} /$default")
            } else if path == "/" && !prefix.is_empty() {
                format!("{method} {prefix}")
            } else {
                format!("{method} {prefix}{path}")
            };
            self.read_operation(&route_key, &format!("{at}.{key}"), op, default_security)?;
        }
        Ok(())
    }

    fn read_operation(
        &mut self,
        route_key: &str,
        at: &str,
        op: &Value,
        default_security: Option<&Value>,
    ) -> Result<(), ApiError> {
        let Value::Object(op) = op else {
            return Err(refuse(format!("{at} must be an object, not {}", what(op))));
        };
        let mut route = CreateRouteRequest {
            route_key: route_key.to_string(),
            ..Default::default()
        };
        let mut integration = None;
        let mut authorizer = None;
        for (key, value) in op {
            match key.as_str() {
                "x-amazon-apigateway-integration" => {
                    integration = self.operation_integration(value, &format!("{at}.{key}"))?;
                }
                "operationId" => route.operation_name = self.text(op, key, at)?,
                "requestBody" => self.info(format!(
                    "{at}.requestBody: HTTP APIs do not validate request bodies; it was ignored"
                )),
                "x-amazon-apigateway-auth" => {
                    let kind = value.get("type").and_then(scalar).unwrap_or_default();
                    match kind.to_ascii_uppercase().as_str() {
                        "AWS_IAM" => route.authorization_type = Some("AWS_IAM".into()),
                        "NONE" => route.authorization_type = Some("NONE".into()),
                        _ => self.warn(format!(
                            "{at}.x-amazon-apigateway-auth type {kind:?} is not known (AWS_IAM or NONE); it was ignored"
                        )),
                    }
                }
                "security" | "responses" | "parameters" | "summary" | "description" | "tags"
                | "deprecated" | "servers" | "callbacks" | "externalDocs" => {}
                other => self.other_extension(other, Place::Operation, at),
            }
        }
        let security = op.get("security").or(default_security);
        if route.authorization_type.is_none()
            && let Some(security) = security
        {
            self.read_security(security, at, &mut route, &mut authorizer)?;
        }
        self.plan.routes.push(PlannedRoute {
            at: at.to_string(),
            request: route,
            integration,
            authorizer,
        });
        Ok(())
    }

    fn operation_integration(
        &mut self,
        value: &Value,
        at: &str,
    ) -> Result<Option<usize>, ApiError> {
        if let Some(reference) = value.get("$ref") {
            let name = reference
                .as_str()
                .and_then(|r| r.strip_prefix("#/components/x-amazon-apigateway-integrations/"));
            let found = name.and_then(|n| self.shared.iter().find(|(s, _)| s == n));
            return match found {
                Some((_, index)) => Ok(Some(*index)),
                None if name.is_some_and(|n| {
                    self.root
                        .pointer(&format!("/components/x-amazon-apigateway-integrations/{n}"))
                        .is_some()
                }) =>
                {
                    Ok(None)
                } // defined, but of a type not imported (warned)
                None => Err(refuse(format!(
                    "{at}: the reference {} names no integration of components.x-amazon-apigateway-integrations",
                    scalar(reference).unwrap_or_else(|| what(reference))
                ))),
            };
        }
        match self.read_integration(value, at)? {
            Some(request) => {
                self.plan.integrations.push(PlannedIntegration {
                    at: at.to_string(),
                    request,
                });
                Ok(Some(self.plan.integrations.len() - 1))
            }
            None => Ok(None),
        }
    }

    fn read_security(
        &mut self,
        security: &Value,
        at: &str,
        route: &mut CreateRouteRequest,
        authorizer: &mut Option<String>,
    ) -> Result<(), ApiError> {
        let Value::Array(reqs) = security else {
            return Err(refuse(format!(
                "{at}.security must be a list, not {}",
                what(security)
            )));
        };
        let non_empty: Vec<&Value> = reqs
            .iter()
            .filter(|r| r.as_object().is_none_or(|m| !m.is_empty()))
            .collect();
        let requirement = match non_empty.as_slice() {
            [] => return Ok(()),
            [one] => *one,
            _ => {
                return Err(refuse(format!(
                    "{at}: more than one security requirement is not supported; an HTTP API route takes one authorizer"
                )));
            }
        };
        let Value::Object(req) = requirement else {
            return Err(refuse(format!(
                "{at}.security must list objects, not {}",
                what(requirement)
            )));
        };
        if req.len() > 1 {
            return Err(refuse(format!(
                "{at}: more than one security requirement is not supported; an HTTP API route takes one authorizer"
            )));
        }
        let Some((name, scopes)) = req.iter().next() else {
            return Ok(());
        };
        let scheme = self.schemes().and_then(|s| s.get(name)).cloned();
        let Some(scheme) = scheme else {
            self.warn(format!(
                "{at}.security names {name}, which components.securitySchemes does not define; the route was imported without authorization"
            ));
            return Ok(());
        };
        if scheme
            .get("x-amazon-apigateway-authtype")
            .and_then(Value::as_str)
            == Some("awsSigv4")
        {
            route.authorization_type = Some("AWS_IAM".into());
            return Ok(());
        }
        let Some(planned) = self
            .plan
            .authorizers
            .iter()
            .find(|a| a.request.name == *name)
        else {
            self.warn(format!(
                "{at}.security names {name}, which has no x-amazon-apigateway-authorizer; the route was imported without authorization"
            ));
            return Ok(());
        };
        let jwt = planned.request.authorizer_type == "JWT";
        route.authorization_type = Some(if jwt { "JWT" } else { "CUSTOM" }.into());
        let one = Map::from_iter([(name.clone(), scopes.clone())]);
        let scopes = self
            .list(&one, name, &format!("{at}.security"))?
            .unwrap_or_default();
        if !scopes.is_empty() {
            route.authorization_scopes = Some(scopes);
        }
        *authorizer = Some(name.clone());
        Ok(())
    }

    /// Warns about every `$ref` that points nowhere (the service's "missing
    /// schema" warning); integration references are checked where read.
    /// `at` is one buffer, grown and cut back on the way down, so that the
    /// walk of a large document allocates only where it warns.
    fn check_refs(&mut self, v: &Value, at: &mut String) {
        match v {
            Value::Object(m) => {
                for (k, child) in m {
                    if k == "$ref" {
                        if at.ends_with("x-amazon-apigateway-integration") {
                            continue;
                        }
                        let Some(r) = child.as_str() else { continue };
                        match r.strip_prefix('#') {
                            Some(pointer) if self.root.pointer(pointer).is_some() => {}
                            Some(_) => self.warn(format!(
                                "Unable to resolve the reference {r} at {}",
                                at.trim_start_matches('.')
                            )),
                            None => self.warn(format!(
                                "The external reference {r} at {} is not supported; it was ignored",
                                at.trim_start_matches('.')
                            )),
                        }
                    } else if child.is_object() || child.is_array() {
                        let len = at.len();
                        at.push('.');
                        at.push_str(k);
                        self.check_refs(child, at);
                        at.truncate(len);
                    }
                }
            }
            Value::Array(items) => {
                for (i, child) in items.iter().enumerate() {
                    if child.is_object() || child.is_array() {
                        use std::fmt::Write;
                        let len = at.len();
                        let _ = write!(at, "[{i}]");
                        self.check_refs(child, at);
                        at.truncate(len);
                    }
                }
            }
            _ => {}
        }
    }
}

/// The base path `servers` gives: the path of the first server's URL, with
/// its variables' defaults put in (`https://x/{basePath}`), or a `basePath`
/// variable alone; `None` when there is none or it is `/`.
pub fn base_path(servers: Option<&Value>) -> Option<String> {
    let server = servers?.as_array()?.first()?.as_object()?;
    let vars = server.get("variables").and_then(Value::as_object);
    let default_of = |name: &str| {
        vars.and_then(|v| v.get(name))
            .and_then(|v| v.get("default"))
            .and_then(scalar)
    };
    let mut url = server
        .get("url")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    if let Some(vars) = vars {
        for name in vars.keys() {
            if let Some(d) = default_of(name) {
                url = url.replace(&format!("{{{name}}}"), &d);
            }
        }
    }
    let path = match url.split_once("://") {
        Some((_, rest)) => rest.find('/').map_or("", |i| &rest[i..]).to_string(),
        None => url,
    };
    let path = if path.is_empty() || path == "/" {
        default_of("basePath").unwrap_or_default()
    } else {
        path
    };
    let trimmed = path.trim_matches('/');
    (!trimmed.is_empty()).then(|| format!("/{trimmed}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn base_paths() {
        let s = |v: Value| base_path(Some(&v));
        assert_eq!(
            s(json!([{"url": "https://example.com/v1/"}])).as_deref(),
            Some("/v1")
        );
        assert_eq!(
            s(json!([{"url": "https://example.com/{basePath}", "variables": {"basePath": {"default": "a/b"}}}])).as_deref(),
            Some("/a/b")
        );
        assert_eq!(s(json!([{"url": "https://example.com"}])), None);
        assert_eq!(s(json!([{"url": "/rel/x"}])).as_deref(), Some("/rel/x"));
        assert_eq!(
            s(json!([{"url": "https://h", "variables": {"basePath": {"default": "/s"}}}]))
                .as_deref(),
            Some("/s")
        );
    }

    #[test]
    fn aws_variables() {
        let v = AwsVariables {
            account: "111122223333",
            region: "cn-north-1",
        };
        assert_eq!(
            v.resolve("arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:f"),
            "arn:aws-cn:lambda:cn-north-1:111122223333:function:f"
        );
    }
}
