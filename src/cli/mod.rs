//! The command line: builds the clap definition from the operation tables of
//! `service`, turns argv into an input object, has `service::invoke` run the
//! operation and prints the answer.

mod docs;
mod help;
mod local;
pub(crate) mod params;
mod serve;

use crate::error::{Error, Result};
use crate::output::{OutputFormat, render};
use crate::service::spec::{Kind, ModelOperation, command_name, flag_name};
use crate::service::standins;
use crate::workspace::{self, Located};
use clap::{Arg, ArgAction, ArgMatches, Command};
use serde_json::Value;
use std::io::Write;
use std::path::PathBuf;

pub use crate::service::model::OPERATIONS;

/// Options every command takes.
pub struct Globals {
    pub output: OutputFormat,
    pub query: Option<String>,
    pub region: Option<String>,
    pub workspace: Located,
}

fn global_args() -> Vec<Arg> {
    vec![
        Arg::new("output")
            .long("output")
            .global(true)
            .env("AWS_DEFAULT_OUTPUT")
            .value_parser(clap::builder::PossibleValuesParser::new(OutputFormat::NAMES))
            .help("How to print the answer: json (default), yaml, yaml-stream, text, table or off"),
        Arg::new("query")
            .long("query")
            .global(true)
            .value_name("JMESPATH")
            .help("A JMESPath expression applied to the answer before it is printed"),
        Arg::new("region")
            .long("region")
            .global(true)
            .help("Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, then the workspace's]"),
        Arg::new("workspace")
            .long("workspace")
            .global(true)
            .value_name("PATH")
            .value_parser(clap::value_parser!(PathBuf))
            .help("Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]"),
        Arg::new("no-cli-pager")
            .long("no-cli-pager")
            .global(true)
            .action(ArgAction::SetTrue)
            .help("Accepted for compatibility with the AWS CLI; apigw never pages"),
        Arg::new("color")
            .long("color")
            .global(true)
            .value_parser(["on", "off", "auto"])
            .help("Accepted for compatibility with the AWS CLI"),
    ]
}

fn operation_command(op: &'static ModelOperation) -> Command {
    let mut cmd = Command::new(command_name(op.name)).about(help::operation_about(op.name));
    for m in op.input {
        let flag = flag_name(m.name);
        let help = help::member_help(m.name);
        let help = if m.required {
            format!("{help} [required]")
        } else {
            help.to_string()
        };
        cmd = match m.kind {
            Kind::Boolean => cmd
                .arg(
                    Arg::new(flag.clone())
                        .long(flag.clone())
                        .action(ArgAction::SetTrue)
                        .help(help),
                )
                .arg(
                    Arg::new(format!("no-{flag}"))
                        .long(format!("no-{flag}"))
                        .action(ArgAction::SetTrue)
                        .conflicts_with(flag.clone())
                        .help(format!("Set {} to false", m.name)),
                ),
            Kind::List(_) => cmd.arg(
                Arg::new(flag.clone())
                    .long(flag)
                    .num_args(1..)
                    .value_name(m.name)
                    .help(help),
            ),
            _ => cmd.arg(
                Arg::new(flag.clone())
                    .long(flag)
                    .value_name(m.name)
                    .help(help),
            ),
        };
    }
    if op.paginated {
        cmd = cmd
            .arg(
                Arg::new("max-items")
                    .long("max-items")
                    .value_parser(clap::value_parser!(u32).range(1..))
                    .help("The most items to print; a NextToken is printed when there are more"),
            )
            .arg(
                Arg::new("starting-token")
                    .long("starting-token")
                    .help("Continue after a previous call: pass the NextToken it printed"),
            )
            .arg(
                Arg::new("page-size")
                    .long("page-size")
                    .value_parser(clap::value_parser!(u32).range(1..))
                    .help("Accepted for compatibility; the whole list is local, so pages change nothing"),
            );
    }
    cmd.arg(
        Arg::new("cli-input-json")
            .long("cli-input-json")
            .value_name("JSON")
            .help("All parameters as one JSON object (or file://path); flags given as well win"),
    )
    .arg(
        Arg::new("cli-input-yaml")
            .long("cli-input-yaml")
            .value_name("YAML")
            .help("All parameters as one YAML mapping (or file://path); flags given as well win"),
    )
    .arg(
        Arg::new("generate-cli-skeleton")
            .long("generate-cli-skeleton")
            .num_args(0..=1)
            .default_missing_value("input")
            .value_parser(["input", "yaml-input", "output"])
            .help("Print a template of the input (or output) and do nothing else"),
    )
}

/// The top of the command line: name, version and the global options.
fn root() -> Command {
    Command::new("apigw")
        .version(env!("CARGO_PKG_VERSION"))
        .about("Define, check and serve API Gateway HTTP API integrations locally, with the AWS CLI's commands")
        .subcommand_required(true)
        .arg_required_else_help(true)
        .args(global_args())
}

/// The whole command-line definition.
pub fn command() -> Command {
    let mut cmd = root();
    for op in OPERATIONS {
        cmd = cmd.subcommand(operation_command(op));
    }
    for (group, about, ops) in standins::GROUPS {
        let mut sub = Command::new(*group)
            .about(*about)
            .subcommand_required(true)
            .arg_required_else_help(true);
        for op in *ops {
            sub = sub.subcommand(operation_command(op));
        }
        cmd = cmd.subcommand(sub);
    }
    cmd.subcommands(local::local_commands())
}

/// The definition needed to parse `argv`: when it names an AWS operation
/// first, only that one is built (most of a short command's start-up is
/// building the other thirty); anything else gets the whole definition.
fn command_for(argv: &[std::ffi::OsString]) -> Command {
    let first = argv.get(1).and_then(|a| a.to_str());
    match first.and_then(|f| OPERATIONS.iter().find(|op| command_name(op.name) == f)) {
        Some(op) => root().subcommand(operation_command(op)),
        None => command(),
    }
}

/// Runs one command line. Returns the exit code for successful runs.
pub fn run(argv: Vec<std::ffi::OsString>) -> Result<i32> {
    let matches = match command_for(&argv).try_get_matches_from(argv) {
        Ok(m) => m,
        Err(e) => {
            use clap::error::ErrorKind::*;
            return match e.kind() {
                DisplayHelp | DisplayVersion | DisplayHelpOnMissingArgumentOrSubcommand => {
                    let _ = e.print();
                    Ok(if e.kind() == DisplayHelpOnMissingArgumentOrSubcommand {
                        2
                    } else {
                        0
                    })
                }
                _ => Err(Error::Usage(e.render().to_string())),
            };
        }
    };
    let (name, sub) = matches.subcommand().expect("a subcommand is required");
    if let Some(op) = OPERATIONS.iter().find(|op| command_name(op.name) == name) {
        let globals = globals(sub)?;
        return run_operation(op, sub, &globals).map(|()| 0);
    }
    if let Some((_, _, ops)) = standins::GROUPS.iter().find(|(g, _, _)| *g == name) {
        let (op_name, op_matches) = sub.subcommand().expect("a subcommand is required");
        let op = ops
            .iter()
            .find(|op| command_name(op.name) == op_name)
            .expect("clap knows only these");
        let globals = globals(op_matches)?;
        return run_operation(op, op_matches, &globals).map(|()| 0);
    }
    local::run_local(name, sub)
}

/// The region of a command: `--region`, else `AWS_REGION`, else
/// `AWS_DEFAULT_REGION`; `None` leaves it to the workspace file.
pub fn region_of(m: &ArgMatches) -> Result<Option<String>> {
    let region = m
        .get_one::<String>("region")
        .cloned()
        .or_else(|| std::env::var("AWS_REGION").ok().filter(|s| !s.is_empty()))
        .or_else(|| {
            std::env::var("AWS_DEFAULT_REGION")
                .ok()
                .filter(|s| !s.is_empty())
        });
    if let Some(r) = &region
        && !crate::rules::arn::is_region(r)
    {
        return Err(Error::Workspace(format!(
            "Provided region_name '{r}' doesn't match a supported format."
        )));
    }
    Ok(region)
}

/// Reads the global options of a matched subcommand.
pub fn globals(m: &ArgMatches) -> Result<Globals> {
    let output = match m.get_one::<String>("output") {
        Some(s) => s.parse().map_err(Error::Usage)?,
        None => OutputFormat::Json,
    };
    let region = region_of(m)?;
    let cwd = std::env::current_dir()
        .map_err(|e| Error::Workspace(format!("cannot read the current folder: {e}")))?;
    let env = std::env::var("APIGW_WORKSPACE").ok();
    let workspace = workspace::locate(
        m.get_one::<PathBuf>("workspace").map(PathBuf::as_path),
        env.as_deref(),
        &cwd,
    )
    .map_err(Error::Workspace)?;
    workspace::notice_per_user(&workspace);
    Ok(Globals {
        output,
        query: m.get_one::<String>("query").cloned(),
        region,
        workspace,
    })
}

fn run_operation(op: &'static ModelOperation, m: &ArgMatches, g: &Globals) -> Result<()> {
    // As the AWS CLI does, a bad --query is refused before anything is read
    // or saved: a retried write must not have been made already.
    if let Some(q) = g.query.as_deref() {
        crate::output::compile_query(q).map_err(|e| Error::InvalidInput(e.to_string()))?;
    }
    if let Some(kind) = m.get_one::<String>("generate-cli-skeleton") {
        let text = match kind.as_str() {
            "yaml-input" => params::yaml_skeleton(op.input),
            "output" => render(
                op.name,
                &params::skeleton(op.output),
                OutputFormat::Json,
                None,
            )
            .map_err(|e| Error::InvalidInput(e.to_string()))?,
            _ => render(
                op.name,
                &params::skeleton(op.input),
                OutputFormat::Json,
                None,
            )
            .map_err(|e| Error::InvalidInput(e.to_string()))?,
        };
        return print(&text);
    }
    let json_in = m.get_one::<String>("cli-input-json").map(String::as_str);
    let yaml_in = m.get_one::<String>("cli-input-yaml").map(String::as_str);
    let from_file = json_in.is_some() || yaml_in.is_some();
    let mut input = params::cli_input(json_in, yaml_in)?;
    for member in op.input {
        let flag = flag_name(member.name);
        let value = match member.kind {
            Kind::Boolean => {
                if m.get_flag(&flag) {
                    Some(Value::Bool(true))
                } else if m.get_flag(&format!("no-{flag}")) {
                    Some(Value::Bool(false))
                } else {
                    None
                }
            }
            _ => match m.get_many::<String>(&flag) {
                Some(vals) => {
                    let raw: Vec<String> = vals.cloned().collect();
                    Some(params::parse_flag_value(
                        &format!("--{flag}"),
                        &member.kind,
                        &raw,
                    )?)
                }
                None => None,
            },
        };
        if let Some(v) = value {
            input.insert(member.name.to_string(), v);
        }
    }
    let alternative = crate::service::validate::missing_alternative(op.name, &input);
    if !from_file {
        let missing: Vec<String> = op
            .input
            .iter()
            .filter(|mm| mm.required && !input.contains_key(mm.name))
            .map(params::flag_of)
            .chain(alternative.map(|a| a.flags.to_string()))
            .collect();
        if !missing.is_empty() {
            return Err(Error::Usage(format!(
                "error: the following arguments are required: {}\n\nFor more information, try 'apigw {} --help'.\n",
                missing.join(", "),
                command_path(op.name)
            )));
        }
    }
    let paging = crate::ops::Paging {
        max_items: m
            .try_get_one::<u32>("max-items")
            .ok()
            .flatten()
            .map(|n| *n as usize),
        starting_token: m
            .try_get_one::<String>("starting-token")
            .ok()
            .flatten()
            .cloned(),
    };
    let answer = crate::service::invoke(
        &g.workspace.path,
        g.region.as_deref(),
        op.name,
        input,
        &paging,
    )?;
    match answer {
        Some(value) => print_value(op.name, &value, g),
        None => Ok(()),
    }
}

/// The words that run an operation: `get-apis`, or for the stand-ins'
/// operations their group first (`servicediscovery discover-instances`).
fn command_path(operation: &str) -> String {
    let command = command_name(operation);
    match standins::GROUPS
        .iter()
        .find(|(_, _, ops)| ops.iter().any(|op| op.name == operation))
    {
        Some((group, _, _)) => format!("{group} {command}"),
        None => command,
    }
}

/// Renders an answer with the global output options and prints it.
pub fn print_value(operation: &str, value: &Value, g: &Globals) -> Result<()> {
    // The text format prints a page's token last, as its own NEXTTOKEN row.
    let token = match (g.output, g.query.as_deref(), value) {
        (OutputFormat::Text, None, Value::Object(m)) if m.contains_key("NextToken") => {
            let mut m = m.clone();
            let token = m.shift_remove("NextToken");
            Some((Value::Object(m), token))
        }
        _ => None,
    };
    let (value, token) = match &token {
        Some((v, t)) => (v, t.as_ref().and_then(Value::as_str)),
        None => (value, None),
    };
    let mut text = render(operation, value, g.output, g.query.as_deref())
        .map_err(|e| Error::InvalidInput(e.to_string()))?;
    if let Some(t) = token {
        text.push_str(&format!("NEXTTOKEN\t{t}\n"));
    }
    print(&text)
}

/// Writes to stdout; a closed pipe (`| head`) is not an error.
pub fn print(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(Error::io("cannot write the answer", e))
        }
        _ => Ok(()),
    }
}
