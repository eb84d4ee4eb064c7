//! From a checked request object to the operation that serves it, and the
//! commands that are apigw's own (workspace, completion, serve, …).

use super::Globals;
use crate::error::{ApiError, Error, Result};
use crate::ops::{self, Paging};
use crate::workspace::{self, Scope, Workspace};
use clap::{ArgMatches, Command};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

fn req<T: DeserializeOwned>(input: Map<String, Value>) -> Result<T> {
    serde_json::from_value(Value::Object(input))
        .map_err(|e| Error::InvalidInput(format!("Parameter validation failed:\n{e}")))
}

fn text<'a>(input: &'a Map<String, Value>, key: &str) -> &'a str {
    input.get(key).and_then(Value::as_str).unwrap_or_default()
}

fn to_value<T: Serialize>(v: T) -> Result<Value> {
    serde_json::to_value(v).map_err(|e| Error::Other(format!("cannot encode the answer: {e}")))
}

fn read<T: Serialize>(
    operation: &'static str,
    g: &Globals,
    scope: &Scope,
    f: impl FnOnce(&Workspace) -> Result<T, ApiError>,
) -> Result<Option<Value>> {
    let mut file = workspace::load_scoped(&g.workspace.path, scope)?;
    file.workspace.region_override = g.region.clone();
    let out = f(&file.workspace).map_err(|source| Error::Api { operation, source })?;
    to_value(out).map(Some)
}

/// Runs `f` on the workspace and saves the result; `f` may run twice (see
/// [`workspace::update_scoped`]).
fn write<T: Serialize>(
    operation: &'static str,
    g: &Globals,
    scope: &Scope,
    mut f: impl FnMut(&mut Workspace) -> Result<T, ApiError>,
) -> Result<Option<Value>> {
    let out = workspace::update_scoped(&g.workspace.path, scope, |ws| {
        ws.region_override.clone_from(&g.region);
        f(ws).map_err(|source| Error::Api { operation, source })
    })?;
    to_value(out).map(Some)
}

fn delete(
    operation: &'static str,
    g: &Globals,
    scope: &Scope,
    f: impl FnMut(&mut Workspace) -> Result<(), ApiError>,
) -> Result<Option<Value>> {
    write(operation, g, scope, f).map(|_| None)
}

/// The part of the workspace an operation needs: an API's own children for
/// the operations on one API, no children at all for those on APIs and VPC
/// links as a whole, everything for the rest (deleting a VPC link looks at
/// every integration).
fn scope_of(name: &str, input: &Map<String, Value>) -> Scope {
    const ONE_API: &[&str] = &[
        "Api",
        "Integration",
        "Integrations",
        "Route",
        "Routes",
        "Stage",
        "Stages",
        "Authorizer",
        "Authorizers",
    ];
    const NO_CHILDREN: &[&str] = &[
        "CreateApi",
        "GetApis",
        "CreateVpcLink",
        "GetVpcLink",
        "GetVpcLinks",
        "UpdateVpcLink",
    ];
    if NO_CHILDREN.contains(&name) {
        return Scope::Apis(Vec::new());
    }
    let noun = ["Create", "Get", "Update", "Delete"]
        .iter()
        .find_map(|verb| name.strip_prefix(verb));
    match (noun, input.get("ApiId").and_then(Value::as_str)) {
        (Some(noun), Some(api)) if ONE_API.contains(&noun) => Scope::Apis(vec![api.to_string()]),
        _ => Scope::All,
    }
}

/// Runs the operation `name` of the AWS model with a checked request.
pub fn call(
    name: &'static str,
    input: Map<String, Value>,
    paging: &Paging,
    g: &Globals,
) -> Result<Option<Value>> {
    let i = &input;
    let scope = &scope_of(name, i);
    match name {
        "CreateApi" => {
            let r = req(input)?;
            write(name, g, scope, |ws| ops::create_api(ws, Clone::clone(&r)))
        }
        "GetApi" => read(name, g, scope, |ws| ops::get_api(ws, text(i, "ApiId"))),
        "GetApis" => read(name, g, scope, |ws| ops::get_apis(ws, paging)),
        "UpdateApi" => {
            let r = req(input)?;
            write(name, g, scope, |ws| ops::update_api(ws, Clone::clone(&r)))
        }
        "DeleteApi" => delete(name, g, scope, |ws| ops::delete_api(ws, text(i, "ApiId"))),

        "CreateVpcLink" => {
            let r = req(input)?;
            write(name, g, scope, |ws| {
                ops::create_vpc_link(ws, Clone::clone(&r))
            })
        }
        "GetVpcLink" => read(name, g, scope, |ws| {
            ops::get_vpc_link(ws, text(i, "VpcLinkId"))
        }),
        "GetVpcLinks" => {
            let paging = Paging {
                max_items: i
                    .get("MaxResults")
                    .and_then(Value::as_str)
                    .and_then(|s| s.parse().ok()),
                starting_token: i
                    .get("NextToken")
                    .and_then(Value::as_str)
                    .map(str::to_string),
            };
            read(name, g, scope, |ws| ops::get_vpc_links(ws, &paging))
        }
        "UpdateVpcLink" => {
            let r = req(input)?;
            write(name, g, scope, |ws| {
                ops::update_vpc_link(ws, Clone::clone(&r))
            })
        }
        "DeleteVpcLink" => delete(name, g, scope, |ws| {
            ops::delete_vpc_link(ws, text(i, "VpcLinkId"))
        }),

        "CreateIntegration" => {
            let r = req(input)?;
            write(name, g, scope, |ws| {
                ops::create_integration(ws, Clone::clone(&r))
            })
        }
        "GetIntegration" => read(name, g, scope, |ws| {
            ops::get_integration(ws, text(i, "ApiId"), text(i, "IntegrationId"))
        }),
        "GetIntegrations" => read(name, g, scope, |ws| {
            ops::get_integrations(ws, text(i, "ApiId"), paging)
        }),
        "UpdateIntegration" => {
            let r = req(input)?;
            write(name, g, scope, |ws| {
                ops::update_integration(ws, Clone::clone(&r))
            })
        }
        "DeleteIntegration" => delete(name, g, scope, |ws| {
            ops::delete_integration(ws, text(i, "ApiId"), text(i, "IntegrationId"))
        }),

        "CreateRoute" => {
            let r = req(input)?;
            write(name, g, scope, |ws| ops::create_route(ws, Clone::clone(&r)))
        }
        "GetRoute" => read(name, g, scope, |ws| {
            ops::get_route(ws, text(i, "ApiId"), text(i, "RouteId"))
        }),
        "GetRoutes" => read(name, g, scope, |ws| {
            ops::get_routes(ws, text(i, "ApiId"), paging)
        }),
        "UpdateRoute" => {
            let r = req(input)?;
            write(name, g, scope, |ws| ops::update_route(ws, Clone::clone(&r)))
        }
        "DeleteRoute" => delete(name, g, scope, |ws| {
            ops::delete_route(ws, text(i, "ApiId"), text(i, "RouteId"))
        }),

        "CreateStage" => {
            let r = req(input)?;
            write(name, g, scope, |ws| ops::create_stage(ws, Clone::clone(&r)))
        }
        "GetStage" => read(name, g, scope, |ws| {
            ops::get_stage(ws, text(i, "ApiId"), text(i, "StageName"))
        }),
        "GetStages" => read(name, g, scope, |ws| {
            ops::get_stages(ws, text(i, "ApiId"), paging)
        }),
        "UpdateStage" => {
            let r = req(input)?;
            write(name, g, scope, |ws| ops::update_stage(ws, Clone::clone(&r)))
        }
        "DeleteStage" => delete(name, g, scope, |ws| {
            ops::delete_stage(ws, text(i, "ApiId"), text(i, "StageName"))
        }),

        "CreateAuthorizer" => {
            let r = req(input)?;
            write(name, g, scope, |ws| {
                ops::create_authorizer(ws, Clone::clone(&r))
            })
        }
        "GetAuthorizer" => read(name, g, scope, |ws| {
            ops::get_authorizer(ws, text(i, "ApiId"), text(i, "AuthorizerId"))
        }),
        "GetAuthorizers" => read(name, g, scope, |ws| {
            ops::get_authorizers(ws, text(i, "ApiId"), paging)
        }),
        "UpdateAuthorizer" => {
            let r = req(input)?;
            write(name, g, scope, |ws| {
                ops::update_authorizer(ws, Clone::clone(&r))
            })
        }
        "DeleteAuthorizer" => delete(name, g, scope, |ws| {
            ops::delete_authorizer(ws, text(i, "ApiId"), text(i, "AuthorizerId"))
        }),

        "RegisterTargets" => {
            let r = req(input)?;
            delete(name, g, scope, |ws| {
                ops::register_targets(ws, Clone::clone(&r))
            })
        }
        "DeregisterTargets" => {
            let r = req(input)?;
            delete(name, g, scope, |ws| {
                ops::deregister_targets(ws, Clone::clone(&r))
            })
        }
        "DescribeTargetHealth" => {
            let r = req(input)?;
            read(name, g, scope, |ws| {
                ops::describe_target_health(ws, Clone::clone(&r))
            })
        }
        "RegisterInstance" => {
            let r = req(input)?;
            write(name, g, scope, |ws| {
                ops::register_instance(ws, Clone::clone(&r))
            })
        }
        "DeregisterInstance" => {
            let r = req(input)?;
            write(name, g, scope, |ws| {
                ops::deregister_instance(ws, Clone::clone(&r))
            })
        }
        "ListInstances" => {
            let r = req(input)?;
            read(name, g, scope, |ws| {
                ops::list_instances(ws, Clone::clone(&r))
            })
        }
        "DiscoverInstances" => {
            let r = req(input)?;
            read(name, g, scope, |ws| {
                ops::discover_instances(ws, Clone::clone(&r))
            })
        }
        "UpdateInstanceCustomHealthStatus" => {
            let r = req(input)?;
            delete(name, g, scope, |ws| {
                ops::update_instance_custom_health_status(ws, Clone::clone(&r))
            })
        }
        other => Err(Error::Other(format!("operation {other} has no handler"))),
    }
}

/// apigw's own commands, beside the AWS ones.
pub fn local_commands() -> Vec<Command> {
    use clap::{Arg, value_parser};
    vec![
        Command::new("workspace").about("Show which workspace file is in use, with its account and region"),
        Command::new("init").about(
            "Start a workspace: write ./apigw.toml (or --workspace PATH) with its account and region; never overwrites",
        ),
        Command::new("completion")
            .about("Print a shell completion script")
            .arg(
                Arg::new("shell")
                    .required(true)
                    .value_parser(value_parser!(clap_complete::Shell))
                    .help("bash, zsh, fish, powershell or elvish"),
            ),
        Command::new("serve")
            .about("Serve the workspace's HTTP API on this machine as API Gateway would, until Ctrl-C")
            .arg(Arg::new("api-id").long("api-id").help("The API to serve; needed only when the workspace has several"))
            .arg(
                Arg::new("listen")
                    .long("listen")
                    .value_name("ADDR:PORT")
                    .default_value("127.0.0.1:8080")
                    .value_parser(value_parser!(std::net::SocketAddr))
                    .help("Where to listen; port 0 picks a free port (the address is printed)"),
            )
            .arg(
                Arg::new("ca-bundle")
                    .long("ca-bundle")
                    .value_name("FILE")
                    .value_parser(value_parser!(std::path::PathBuf))
                    .help("PEM certificates to trust for HTTPS backends and issuers signed by a private CA"),
            )
            .arg(
                Arg::new("log-format")
                    .long("log-format")
                    .value_parser(["text", "json"])
                    .default_value("text")
                    .help("Access log lines on stderr as text or JSON"),
            )
            .arg(Arg::new("local-issuer").long("local-issuer").action(clap::ArgAction::SetTrue).help(
                "Also publish the local issuer (/.well-known/openid-configuration and jwks.json) on this address; \
                 its issuer URL is http://ADDR:PORT, the one to give create-authorizer and mint-token",
            )),
        Command::new("mint-token")
            .about("Print a token signed by the local issuer (key kept beside the workspace), for testing JWT routes")
            .arg(Arg::new("issuer").long("issuer").required(true).value_name("URL").help(
                "The iss claim: the authorizer's Issuer, e.g. http://127.0.0.1:8080 for `apigw serve --local-issuer`",
            ))
            .arg(Arg::new("audience").long("audience").num_args(1..).value_name("AUD").help("The aud claim: one or more of the authorizer's audiences"))
            .arg(Arg::new("scope").long("scope").num_args(1..).value_name("SCOPE").help("Scopes to grant, written to the scope claim"))
            .arg(Arg::new("subject").long("subject").default_value("local-user").help("The sub claim"))
            .arg(Arg::new("expires-in").long("expires-in").default_value("1h").help("Lifetime: 3600, 45s, 30m, 1h or 2d"))
            .arg(Arg::new("claims").long("claims").value_name("JSON").help("More claims as a JSON object, e.g. '{\"email\":\"a@example.com\"}'")),
        Command::new("generate-docs")
            .hide(true)
            .about("Write the completion scripts and man pages into a folder (used to refresh the committed ones)")
            .arg(Arg::new("dir").required(true).value_parser(value_parser!(std::path::PathBuf))),
    ]
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct WorkspaceInfo {
    path: String,
    source: &'static str,
    exists: bool,
    account: String,
    region: String,
}

/// `apigw init`: a new workspace file at `--workspace PATH`, else
/// `./apigw.toml`, in the region of `--region` or the environment (else the
/// default one), with the default account.
fn init(m: &ArgMatches) -> Result<i32> {
    let cwd = std::env::current_dir()
        .map_err(|e| Error::Workspace(format!("cannot read the current folder: {e}")))?;
    let path = match m.get_one::<std::path::PathBuf>("workspace") {
        Some(p) => cwd.join(p),
        None => cwd.join(workspace::FILE_NAME),
    };
    let region = super::region_of(m)?;
    let mut ws = Workspace::default();
    if let Some(r) = &region {
        ws.workspace.region.clone_from(r);
    }
    workspace::create(&path, &ws)?;
    if let Ok(env) = std::env::var("APIGW_WORKSPACE")
        && !env.is_empty()
        && m.get_one::<std::path::PathBuf>("workspace").is_none()
    {
        eprintln!(
            "apigw: note: APIGW_WORKSPACE is set ({env}); commands use that file, not {}, while it is",
            path.display()
        );
    }
    let g = super::Globals {
        output: match m.get_one::<String>("output") {
            Some(s) => s.parse().map_err(Error::Usage)?,
            None => crate::output::OutputFormat::Json,
        },
        query: m.get_one::<String>("query").cloned(),
        region,
        workspace: workspace::Located {
            path: path.clone(),
            source: workspace::Source::Flag,
        },
    };
    let info = WorkspaceInfo {
        path: path.display().to_string(),
        source: "apigw init",
        exists: true,
        account: ws.account().to_string(),
        region: ws.workspace.region.clone(),
    };
    super::print_value("Workspace", &to_value(info)?, &g)?;
    Ok(0)
}

/// Runs one of apigw's own commands.
pub fn run_local(name: &str, m: &ArgMatches) -> Result<i32> {
    match name {
        "workspace" => {
            let g = super::globals(m)?;
            let file = workspace::load_path(&g.workspace.path)?;
            let info = WorkspaceInfo {
                path: g.workspace.path.display().to_string(),
                source: g.workspace.source.describe(),
                exists: file.exists,
                account: file.workspace.account().to_string(),
                region: g
                    .region
                    .clone()
                    .unwrap_or_else(|| file.workspace.region().to_string()),
            };
            super::print_value("Workspace", &to_value(info)?, &g)?;
            Ok(0)
        }
        "init" => init(m),
        "completion" => {
            let shell = *m
                .get_one::<clap_complete::Shell>("shell")
                .expect("required");
            let mut buf = Vec::new();
            clap_complete::generate(shell, &mut super::command(), "apigw", &mut buf);
            super::print(&String::from_utf8_lossy(&buf))?;
            Ok(0)
        }
        "serve" => super::serve::run(m),
        "mint-token" => {
            let g = super::globals(m)?;
            let many = |id: &str| -> Vec<String> {
                m.get_many::<String>(id)
                    .map(|v| v.cloned().collect())
                    .unwrap_or_default()
            };
            let expires = m.get_one::<String>("expires-in").expect("has a default");
            let expires_in = crate::jwt::parse_duration(expires).map_err(|e| {
                Error::InvalidInput(format!("Error parsing parameter '--expires-in': {e}"))
            })?;
            let extra_claims = match m.get_one::<String>("claims") {
                None => Map::new(),
                Some(text) => match serde_json::from_str::<Value>(&super::params::resolve_file(
                    "--claims", text,
                )?) {
                    Ok(Value::Object(o)) => o,
                    _ => {
                        return Err(Error::InvalidInput(
                            "Error parsing parameter '--claims': expected a JSON object".into(),
                        ));
                    }
                },
            };
            let issuer = crate::jwt::LocalIssuer::load_or_create(&g.workspace.path)?;
            let token = issuer.mint(&crate::jwt::MintRequest {
                issuer: m.get_one::<String>("issuer").cloned().unwrap_or_default(),
                audiences: many("audience"),
                subject: m.get_one::<String>("subject").cloned().unwrap_or_default(),
                scopes: many("scope"),
                expires_in,
                extra_claims,
            })?;
            super::print(&format!("{token}\n"))?;
            Ok(0)
        }
        "generate-docs" => {
            let dir = m.get_one::<std::path::PathBuf>("dir").expect("required");
            super::docs::generate(dir)?;
            Ok(0)
        }
        other => Err(Error::Other(format!("command {other} has no handler"))),
    }
}
