//! The commands that are apigw's own (workspace, completion, serve,
//! mint-token, …), beside the AWS operations of `service::registry`.

use crate::error::{Error, Result};
use crate::workspace::{self, Workspace};
use clap::{ArgMatches, Command};
use serde::Serialize;
use serde_json::{Map, Value};

fn to_value<T: Serialize>(v: T) -> Result<Value> {
    serde_json::to_value(v).map_err(|e| Error::Other(format!("cannot encode the answer: {e}")))
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
            .after_help(crate::jwt::SERVE_HELP)
            .arg(Arg::new("api-id").long("api-id").help("Serve only this API (by default every HTTP API of the workspace, each at {api-id}.execute-api.localhost when there are several)"))
            .arg(
                Arg::new("listen")
                    .long("listen")
                    .value_name("HOST:PORT")
                    .default_value("127.0.0.1:8080")
                    .help("Where to listen: an address or host name and a port; port 0 picks a free port (the address is printed)"),
            )
            .arg(
                Arg::new("tls-listen")
                    .long("tls-listen")
                    .value_name("HOST:PORT")
                    .help("Also serve HTTPS here (TLS 1.2+): custom domains with their ACM stand-in certificates by SNI, with mutual TLS where a domain asks for it, and execute-api hosts with a certificate from the local CA"),
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
            ))
            .arg(
                Arg::new("lambda-endpoint-url")
                    .long("lambda-endpoint-url")
                    .value_name("URL")
                    .env("APIGW_LAMBDA_ENDPOINT_URL")
                    .help("Call the functions of Lambda integrations and authorizers over the Lambda Invoke API at this http:// URL (a Lambda RIE container, another emulator)"),
            ),
        Command::new("endpoint")
            .about("Serve the workspace as the AWS apigatewayv2 API, with the Cloud Map and ACM stand-ins, for the aws CLI, SDKs and Terraform, until Ctrl-C")
            .arg(
                Arg::new("listen")
                    .long("listen")
                    .value_name("ADDR:PORT")
                    .default_value("127.0.0.1:4566")
                    .value_parser(value_parser!(std::net::SocketAddr))
                    .help("Where to listen; port 0 picks a free port (the address is printed)"),
            ),
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
        Command::new("logs")
            .about("Read the local log groups access logs are written to, with the aws CLI's logs commands")
            .subcommand_required(true)
            .arg_required_else_help(true)
            .subcommand(super::with_globals(logs_tail_command())),
        Command::new("generate-docs")
            .hide(true)
            .about("Write the completion scripts and man pages into a folder (used to refresh the committed ones)")
            .arg(Arg::new("dir").required(true).value_parser(value_parser!(std::path::PathBuf))),
    ]
}

/// `apigw logs tail`, with `aws logs tail`'s arguments.
fn logs_tail_command() -> Command {
    use clap::{Arg, ArgAction, builder::PossibleValuesParser};
    Command::new("tail")
        .about(
            "Print a log group's events (those of the last ten minutes by default), as aws logs tail does; \
             the group is the name in an access log's DestinationArn",
        )
        .after_help(
            "The log group's events are kept in .apigw/logs/ beside the workspace, written by apigw serve. \
             With --follow, new events are printed as they are written, until Ctrl-C (exit 0).",
        )
        .arg(
            Arg::new("group_name")
                .required(true)
                .value_name("GROUP_NAME")
                .help("The name of the log group (e.g. /aws/apigw/my-api), or its ARN"),
        )
        .arg(
            Arg::new("since")
                .long("since")
                .value_name("TIME")
                .default_value("10m")
                .help(
                    "From what time to print events: a relative time (a number and one unit of s, m, h, d or w, \
                     e.g. 5m) or an ISO 8601 timestamp (e.g. 2026-12-02T13:00:00Z)",
                ),
        )
        .arg(
            Arg::new("follow")
                .long("follow")
                .action(ArgAction::SetTrue)
                .help("Keep printing new events as they are written, until Ctrl-C"),
        )
        .arg(
            Arg::new("format")
                .long("format")
                .value_name("FORMAT")
                .default_value("detailed")
                .value_parser(PossibleValuesParser::new(crate::logs::tail::OutputFormat::NAMES))
                .help(
                    "detailed: time in microseconds with its zone, stream and message; short: a shorter time and \
                     the message; json: as detailed, with messages that are JSON pretty-printed; none: each \
                     event as one JSON object",
                ),
        )
        .arg(Arg::new("filter-pattern").long("filter-pattern").value_name("PATTERN").help(
            "Only events whose message matches: terms that must all appear (ERROR), \"an exact phrase\", \
             ?either ?or, -excluded; or a JSON pattern such as '{ $.status >= 500 && $.routeKey = \"GET /pets*\" }'",
        ))
        .arg(
            Arg::new("log-stream-names")
                .long("log-stream-names")
                .value_name("NAME")
                .num_args(1..)
                .help("Only events of these log streams (STAGE/RUN, one per stage of each serve run)"),
        )
        .arg(
            Arg::new("log-stream-name-prefix")
                .long("log-stream-name-prefix")
                .value_name("PREFIX")
                .help("Only events of log streams whose name begins with this (e.g. prod/ for one stage)"),
        )
}

/// The refusal `aws logs tail` prints for a group that does not exist.
fn no_such_group() -> Error {
    Error::Api {
        operation: "FilterLogEvents",
        source: crate::error::ApiError::named(
            "ResourceNotFoundException",
            "The specified log group does not exist.",
        ),
    }
}

/// Whether a stage of the workspace sends its access logs to `group`, or
/// it is a workspace function's `/aws/lambda/NAME` (a group named by a
/// `DestinationArn` or a function exists before its first event).
fn named_by_a_stage(workspace: &std::path::Path, group: &str) -> bool {
    let Ok(file) = workspace::load_path(workspace) else {
        return false;
    };
    if group
        .strip_prefix("/aws/lambda/")
        .is_some_and(|name| file.workspace.functions.contains_key(name))
    {
        return true;
    }
    file.workspace
        .stages
        .values()
        .flat_map(|stages| stages.values())
        .filter_map(|s| s.access_log_settings.as_ref()?.destination_arn.as_deref())
        .filter_map(crate::rules::arn::log_group)
        .any(|g| g.name == group)
}

/// `apigw logs tail GROUP`.
fn logs_tail(m: &ArgMatches) -> Result<i32> {
    use crate::logs::tail::{self, FilterPattern, OutputFormat, TailOptions};
    let g = super::globals(m)?;
    let given = m.get_one::<String>("group_name").expect("required");
    let group = crate::rules::arn::log_group(given).map_or(given.as_str(), |arn| arn.name);
    let invalid = |what: String| Error::Api {
        operation: "FilterLogEvents",
        source: crate::error::ApiError::named("InvalidParameterException", what),
    };
    let path = crate::logs::group::group_path(&g.workspace.path, group)
        .map_err(|e| invalid(format!("Invalid logGroupName: {e}")))?;
    let since = m.get_one::<String>("since").expect("has a default");
    let since_ms = tail::parse_since(since, crate::logs::time::now_ms())
        .map_err(|e| Error::InvalidInput(format!("Error parsing parameter '--since': {e}")))?;
    let filter = match m.get_one::<String>("filter-pattern") {
        Some(p) => FilterPattern::parse(p).map_err(|e| {
            Error::InvalidInput(format!("Error parsing parameter '--filter-pattern': {e}"))
        })?,
        None => FilterPattern::default(),
    };
    let stream_names: Vec<String> = m
        .get_many::<String>("log-stream-names")
        .map(|v| v.cloned().collect())
        .unwrap_or_default();
    let stream_prefix = m.get_one::<String>("log-stream-name-prefix").cloned();
    if !stream_names.is_empty() && stream_prefix.is_some() {
        return Err(invalid(
            "logStreamNames and logStreamNamePrefix cannot both be given: pass one of \
             --log-stream-names and --log-stream-name-prefix"
                .into(),
        ));
    }
    if !path.is_file() && !named_by_a_stage(&g.workspace.path, group) {
        return Err(no_such_group());
    }
    let options = TailOptions {
        since_ms,
        follow: m.get_flag("follow"),
        format: OutputFormat::parse(m.get_one::<String>("format").expect("has a default"))
            .unwrap_or(OutputFormat::Detailed),
        stream_names,
        stream_prefix,
        filter,
    };
    super::debug(|| format!("log group {group}: {}", path.display()));
    tail::tail(&path, &options, &mut std::io::stdout().lock()).map_err(|e| {
        Error::io(
            format!("cannot read the log group {group} ({})", path.display()),
            e,
        )
    })?;
    Ok(0)
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
        "init" => init(m),
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
        "endpoint" => {
            let g = super::globals(m)?;
            crate::endpoint::run(crate::endpoint::EndpointOptions {
                workspace: g.workspace.path.clone(),
                region: g.region.clone(),
                listen: *m
                    .get_one::<std::net::SocketAddr>("listen")
                    .expect("has a default"),
            })?;
            Ok(if crate::gateway::interrupted() {
                130
            } else {
                0
            })
        }
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
                Some(text) => match crate::input::document::parse_json(
                    &super::params::resolve_file("--claims", text)?,
                ) {
                    Ok(Value::Object(o)) => o,
                    Ok(_) => {
                        return Err(Error::InvalidInput(
                            "Error parsing parameter '--claims': expected a JSON object".into(),
                        ));
                    }
                    Err(e) => {
                        return Err(Error::InvalidInput(format!(
                            "Error parsing parameter '--claims': expected a JSON object: {e}"
                        )));
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
        "logs" => match m.subcommand() {
            Some(("tail", sub)) => logs_tail(sub),
            _ => Err(Error::Other("logs needs a command".into())),
        },
        "generate-docs" => {
            let dir = m.get_one::<std::path::PathBuf>("dir").expect("required");
            super::docs::generate(dir)?;
            Ok(0)
        }
        other => Err(Error::Other(format!("command {other} has no handler"))),
    }
}
