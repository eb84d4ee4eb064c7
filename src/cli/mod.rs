//! The command line: builds the clap definition from the operation tables of
//! `service`, turns argv into an input object, has `service::invoke` run the
//! operation and prints the answer.

mod complete;
mod docs;
mod help;
mod local;
pub(crate) mod params;
mod profile;
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

/// The heading the global options are listed under, after a command's own.
const GLOBAL_HEADING: &str = "Global options";

/// The global options, as the AWS CLI spells them. Which commands take
/// which is [`globals_of`]'s answer.
fn global_args() -> Vec<Arg> {
    use clap::ValueHint;
    let compat = |id: &'static str, help: &'static str| {
        Arg::new(id).long(id).action(ArgAction::SetTrue).help(help)
    };
    let seconds = |id: &'static str, help: &'static str| {
        Arg::new(id)
            .long(id)
            .value_name("SECONDS")
            .value_parser(clap::value_parser!(u32))
            .value_hint(ValueHint::Other)
            .help(help)
    };
    vec![
        Arg::new("output")
            .long("output")
            .value_parser(clap::builder::PossibleValuesParser::new(OutputFormat::NAMES))
            .help("How to print the answer [default: AWS_DEFAULT_OUTPUT, the profile's output, then json]"),
        Arg::new("query")
            .long("query")
            .value_name("JMESPATH")
            .value_hint(ValueHint::Other)
            .help("A JMESPath expression applied to the answer before it is printed"),
        Arg::new("region")
            .long("region")
            .value_name("REGION")
            .value_hint(ValueHint::Other)
            .help("Region of the resources [default: AWS_REGION, AWS_DEFAULT_REGION, the profile's region, then the workspace's]"),
        Arg::new("profile")
            .long("profile")
            .value_name("NAME")
            .value_hint(ValueHint::Other)
            .help("AWS CLI profile whose region and output to use, from AWS_CONFIG_FILE or ~/.aws/config [default: AWS_PROFILE, then default]"),
        Arg::new("workspace")
            .long("workspace")
            .value_name("PATH")
            .value_parser(clap::value_parser!(PathBuf))
            .value_hint(ValueHint::FilePath)
            .help("Workspace file [default: APIGW_WORKSPACE, the nearest apigw.toml, then a per-user one]"),
        compat("debug", "Say on stderr what apigw does: where each setting came from, the request and the time taken"),
        Arg::new("endpoint-url")
            .long("endpoint-url")
            .value_name("URL")
            .value_hint(ValueHint::Url)
            .help("Accepted for compatibility; apigw works on the workspace file and sends nothing (--debug says so)"),
        compat("no-paginate", "Accepted for compatibility; the whole list is local, so there are no pages to fetch"),
        compat("no-verify-ssl", "Accepted for compatibility; apigw makes no TLS connection to AWS"),
        compat("no-sign-request", "Accepted for compatibility; apigw signs nothing, since it sends nothing"),
        seconds("cli-read-timeout", "Accepted for compatibility; nothing is read over the network"),
        seconds("cli-connect-timeout", "Accepted for compatibility; nothing is connected to"),
        compat("no-cli-pager", "Accepted for compatibility with the AWS CLI; apigw never pages"),
        Arg::new("color")
            .long("color")
            .value_parser(["on", "off", "auto"])
            .help("Accepted for compatibility with the AWS CLI; apigw prints no colour"),
    ]
    .into_iter()
    .map(|a| a.help_heading(GLOBAL_HEADING))
    .collect()
}

/// The global options that change what an AWS operation does or prints.
const AWS_GLOBALS: &[&str] = &[
    "output",
    "query",
    "region",
    "profile",
    "workspace",
    "debug",
    "endpoint-url",
    "no-paginate",
    "no-verify-ssl",
    "no-sign-request",
    "cli-read-timeout",
    "cli-connect-timeout",
    "no-cli-pager",
    "color",
];

/// The global options a command takes: all of them for the AWS operations,
/// only those that have an effect for apigw's own commands.
fn globals_of(command: &str) -> &'static [&'static str] {
    match command {
        "workspace" | "init" => &["output", "query", "region", "profile", "workspace", "debug"],
        "serve" | "endpoint" => &["region", "profile", "workspace", "debug"],
        "mint-token" => &["workspace", "debug"],
        // `logs tail`: the region and profile are taken as aws logs tail
        // takes them (log groups are local files, one set per workspace).
        "tail" => &[
            "workspace",
            "debug",
            "region",
            "profile",
            "color",
            "no-cli-pager",
        ],
        "completion" | "generate-docs" | "logs" => &[],
        _ => AWS_GLOBALS,
    }
}

/// `cmd` with the global options it takes, listed after its own.
fn with_globals(cmd: Command) -> Command {
    let ids = globals_of(cmd.get_name());
    cmd.args(
        global_args()
            .into_iter()
            .filter(|a| ids.contains(&a.get_id().as_str())),
    )
}

/// The flags whose AWS CLI name is not the member's name in kebab case:
/// awscli renames `Version` to `--api-version` on these operations
/// (awscli/customizations/argrename.py), since `--version` is its global
/// option. Every other member of every operation apigw has keeps its name.
const FLAG_RENAMES: &[(&str, &str, &str)] = &[
    ("CreateApi", "Version", "api-version"),
    ("UpdateApi", "Version", "api-version"),
];

/// The AWS CLI's flag (without `--`) for `member` of `operation`.
fn flag_for(operation: &str, member: &str) -> String {
    FLAG_RENAMES
        .iter()
        .find(|(op, m, _)| *op == operation && *m == member)
        .map_or_else(|| flag_name(member), |(_, _, flag)| flag.to_string())
}

/// Whether `--debug` was given: what apigw does is then said on stderr.
static DEBUG: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Says `what` on stderr when `--debug` was given.
pub fn debug(what: impl FnOnce() -> String) {
    if DEBUG.load(std::sync::atomic::Ordering::Relaxed) {
        eprintln!("apigw debug: {}", what());
    }
}

/// What a shell may complete for a member's value: file names only where a
/// `file://` value is likely (structures and maps, which are long); an id,
/// a number or a word is no file.
fn value_hint(kind: &Kind) -> clap::ValueHint {
    match kind {
        Kind::Struct(_) | Kind::Map(_) => clap::ValueHint::Unknown,
        Kind::List(inner) => value_hint(inner),
        _ => clap::ValueHint::Other,
    }
}

/// Any value, with a member's enumeration listed in its help and offered by
/// completion. The values are not checked here: the service's rules refuse
/// a wrong one with the service's own message (exit 254).
#[derive(Clone)]
struct OneOf(&'static [&'static str]);

impl clap::builder::TypedValueParser for OneOf {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &Command,
        arg: Option<&Arg>,
        value: &std::ffi::OsStr,
    ) -> std::result::Result<String, clap::Error> {
        clap::builder::StringValueParser::new().parse_ref(cmd, arg, value)
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(
            self.0.iter().map(|v| clap::builder::PossibleValue::new(*v)),
        ))
    }
}

/// The enumerated members inside a structure (`LoggingLevel: ERROR, INFO,
/// OFF` in `--default-route-settings`), for the structure's help.
fn nested_enums(kind: &Kind) -> Vec<String> {
    let mut out = Vec::new();
    match kind {
        Kind::Struct(members) => {
            for m in *members {
                if let Some(values) = crate::service::spec::enum_values(m.name) {
                    out.push(format!("{}: {}", m.name, values.join(", ")));
                }
                out.extend(nested_enums(&m.kind));
            }
        }
        Kind::List(inner) | Kind::Map(inner) => out.extend(nested_enums(inner)),
        _ => {}
    }
    out.dedup();
    out
}

fn operation_command(op: &'static ModelOperation) -> Command {
    let mut cmd = Command::new(command_name(op.name)).about(help::operation_about(op.name));
    for m in op.input {
        let flag = flag_for(op.name, m.name);
        let mut help = help::member_help(m.name).to_string();
        let nested = nested_enums(&m.kind);
        if !nested.is_empty() {
            help.push_str(&format!(" [{}]", nested.join("; ")));
        }
        if m.required {
            help.push_str(" [required]");
        }
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
                    .value_hint(value_hint(&m.kind))
                    .help(help),
            ),
            _ => {
                let arg = Arg::new(flag.clone())
                    .long(flag)
                    .value_name(m.name)
                    .value_hint(value_hint(&m.kind))
                    .help(help);
                cmd.arg(match crate::service::spec::enum_values(m.name) {
                    Some(values) => arg.value_parser(OneOf(values)),
                    None => arg,
                })
            }
        };
    }
    if op.input.iter().any(|m| matches!(m.kind, Kind::Blob)) {
        // aws CLI v2's global option, for the operations that take a blob
        // (v1's behaviour, raw-in-base64-out, is the default here).
        cmd = cmd.arg(
            Arg::new("cli-binary-format")
                .long("cli-binary-format")
                .value_parser(["base64", "raw-in-base64-out"])
                .help("How blob values given on the command line are read: as base64, or as raw text [default: raw-in-base64-out]; fileb:// files are always read as raw bytes"),
        );
    }
    if payload_of(op.name).is_some() {
        // As the AWS CLI does for an answer that is a blob: the file it goes
        // to is named last, without a flag.
        cmd = cmd.arg(
            Arg::new("outfile")
                .value_name("OUTFILE")
                .value_parser(clap::value_parser!(PathBuf))
                .value_hint(clap::ValueHint::FilePath)
                .help("The file the answer's document is written to"),
        );
    }
    if op.paginated {
        cmd = cmd
            .arg(
                Arg::new("max-items")
                    .long("max-items")
                    .value_parser(clap::value_parser!(u32).range(1..))
                    .value_hint(clap::ValueHint::Other)
                    .help("The most items to print; a NextToken is printed when there are more"),
            )
            .arg(
                Arg::new("starting-token")
                    .long("starting-token")
                    .value_hint(clap::ValueHint::Other)
                    .help("Continue after a previous call: pass the NextToken it printed"),
            )
            .arg(
                Arg::new("page-size")
                    .long("page-size")
                    .value_parser(clap::value_parser!(u32).range(1..))
                    .value_hint(clap::ValueHint::Other)
                    .help("Accepted for compatibility; the whole list is local, so pages change nothing"),
            );
    }
    cmd.arg(
        Arg::new("cli-input-json")
            .long("cli-input-json")
            .value_name("JSON")
            .value_hint(clap::ValueHint::FilePath)
            .help("All parameters as one JSON object (or file://path); flags given as well win"),
    )
    .arg(
        Arg::new("cli-input-yaml")
            .long("cli-input-yaml")
            .value_name("YAML")
            .value_hint(clap::ValueHint::FilePath)
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

/// The top of the command line: name, version and the global options
/// (which may also come before the command, as with `aws --region …`).
fn root() -> Command {
    Command::new("apigw")
        .version(env!("CARGO_PKG_VERSION"))
        .about("Define, check and serve API Gateway HTTP API integrations locally, with the AWS CLI's commands")
        .after_help("Run 'apigw COMMAND --help' (or 'apigw COMMAND help') for a command's options.")
        .subcommand_required(true)
        .arg_required_else_help(true)
        .args(global_args())
}

/// The whole command-line definition.
pub fn command() -> Command {
    let mut cmd = root();
    for op in OPERATIONS {
        cmd = cmd.subcommand(with_globals(operation_command(op)));
    }
    for (group, about, ops) in standins::GROUPS {
        let mut sub = Command::new(*group)
            .about(*about)
            .subcommand_required(true)
            .arg_required_else_help(true);
        for op in *ops {
            sub = sub.subcommand(with_globals(operation_command(op)));
        }
        cmd = cmd.subcommand(sub);
    }
    cmd.subcommands(local::local_commands().into_iter().map(with_globals))
}

/// The definition needed to parse `argv`: when it names an AWS operation
/// first, only that one is built (most of a short command's start-up is
/// building the other thirty); anything else gets the whole definition.
fn command_for(argv: &[std::ffi::OsString]) -> Command {
    let first = argv.get(1).and_then(|a| a.to_str());
    match first.and_then(|f| OPERATIONS.iter().find(|op| command_name(op.name) == f)) {
        Some(op) => root().subcommand(with_globals(operation_command(op))),
        None => command(),
    }
}

/// How many words name the command `argv[start..]` begins with: two for a
/// stand-in group's (`elbv2 register-targets`), else one.
fn command_words(argv: &[std::ffi::OsString], start: usize) -> usize {
    let group = argv.get(start).and_then(|a| a.to_str());
    match group {
        Some(g) if g == "logs" || standins::GROUPS.iter().any(|(name, _, _)| *name == g) => {
            if argv.get(start + 1).is_some() { 2 } else { 1 }
        }
        Some(_) => 1,
        None => 0,
    }
}

/// Moves global options given before the command (`apigw --region eu-west-1
/// get-apis`, as the AWS CLI allows) to after it, where each command
/// declares the ones it takes; and turns a trailing `help` after a command's
/// words (`apigw create-api help`, as `aws … help`) into `--help`.
fn normalise(argv: Vec<std::ffi::OsString>) -> Vec<std::ffi::OsString> {
    let globals = global_args();
    let mut front = Vec::new();
    let mut i = 1;
    while let Some(word) = argv.get(i).and_then(|a| a.to_str()) {
        let Some(name) = word.strip_prefix("--") else {
            break;
        };
        let (name, inline) = match name.split_once('=') {
            Some((n, _)) => (n, true),
            None => (name, false),
        };
        let Some(arg) = globals.iter().find(|a| a.get_long() == Some(name)) else {
            break;
        };
        let takes_value = !matches!(arg.get_action(), ArgAction::SetTrue);
        let n = if takes_value && !inline { 2 } else { 1 };
        front.extend(argv[i..(i + n).min(argv.len())].iter().cloned());
        i += n;
    }
    let words = command_words(&argv, i);
    let mut out: Vec<std::ffi::OsString> = argv[..1].to_vec();
    out.extend(argv[i..(i + words).min(argv.len())].iter().cloned());
    let rest = &argv[(i + words).min(argv.len())..];
    if words == 0 {
        // No command: the options stay where they were (`apigw --help`).
        out.extend(front);
        return out;
    }
    out.extend(front);
    if rest.len() == 1 && rest[0] == "help" {
        out.push("--help".into());
    } else {
        out.extend(rest.iter().cloned());
    }
    if words == 1 && out.len() == 3 && out[2] == "help" {
        // `apigw elbv2 help`: the group's help.
        out[2] = "--help".into();
    }
    out
}

/// Runs one command line. Returns the exit code for successful runs.
pub fn run(argv: Vec<std::ffi::OsString>) -> Result<i32> {
    if let Some(answer) = complete::answer(&argv) {
        return answer;
    }
    let argv = normalise(argv);
    DEBUG.store(
        argv.iter().any(|a| a == "--debug"),
        std::sync::atomic::Ordering::Relaxed,
    );
    let matches = match command_for(&argv).try_get_matches_from(&argv) {
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
                _ => Err(Error::Usage(closest_first(e).render().to_string())),
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
    if name == "completion" {
        // The script that asks apigw itself at each TAB (src/cli/complete.rs).
        let shell = sub
            .get_one::<clap_complete::Shell>("shell")
            .map(|s| s.to_string())
            .unwrap_or_default();
        let script = complete::registration(&shell)
            .ok_or_else(|| Error::Usage(format!("no completion for shell {shell}\n")))?;
        print(&String::from_utf8_lossy(&script))?;
        return Ok(0);
    }
    local::run_local(name, sub)
}

/// Orders a mistyped command's suggestions closest first (clap lists them
/// the other way round), by edit distance, then by clap's own similarity.
fn closest_first(mut e: clap::Error) -> clap::Error {
    use clap::error::{ContextKind, ContextValue};
    let typed = match e.get(ContextKind::InvalidSubcommand) {
        Some(ContextValue::String(s)) => s.clone(),
        _ => return e,
    };
    if let Some(ContextValue::Strings(list)) = e.get(ContextKind::SuggestedSubcommand) {
        let mut list = list.clone();
        list.sort_by(|a, b| {
            strsim::levenshtein(&typed, a)
                .cmp(&strsim::levenshtein(&typed, b))
                .then(strsim::jaro(&typed, b).total_cmp(&strsim::jaro(&typed, a)))
        });
        e.insert(
            ContextKind::SuggestedSubcommand,
            ContextValue::Strings(list),
        );
    }
    e
}

/// A global option's value, when `m`'s command takes that option.
fn opt<'a>(m: &'a ArgMatches, id: &str) -> Option<&'a String> {
    m.try_get_one::<String>(id).ok().flatten()
}

fn env(key: &str) -> Option<String> {
    std::env::var(key).ok().filter(|s| !s.is_empty())
}

/// The AWS CLI profile a command reads (when it takes `--profile`), with
/// any note about it said on stderr.
fn profile_of(m: &ArgMatches) -> profile::Profile {
    if m.try_get_raw("profile").is_err() {
        return profile::Profile::default();
    }
    let (profile, note) = profile::load(opt(m, "profile").map(String::as_str));
    if let Some(note) = note {
        eprintln!("{note}");
    }
    if profile.found {
        debug(|| {
            format!(
                "profile {} from {}: region {}, output {}",
                profile.name,
                profile
                    .file
                    .as_deref()
                    .map_or_else(String::new, |p| p.display().to_string()),
                profile.region.as_deref().unwrap_or("not set"),
                profile.output.as_deref().unwrap_or("not set"),
            )
        });
    }
    profile
}

/// The region of a command: `--region`, else `AWS_REGION`, else
/// `AWS_DEFAULT_REGION`, else the profile's; `None` leaves it to the
/// workspace file.
pub fn region_of(m: &ArgMatches) -> Result<Option<String>> {
    region_with(m, &profile_of(m))
}

fn region_with(m: &ArgMatches, profile: &profile::Profile) -> Result<Option<String>> {
    let region = opt(m, "region")
        .cloned()
        .or_else(|| env("AWS_REGION"))
        .or_else(|| env("AWS_DEFAULT_REGION"))
        .or_else(|| profile.region.clone());
    if let Some(r) = &region
        && !crate::rules::arn::is_region(r)
    {
        return Err(Error::Workspace(format!(
            "Provided region_name '{r}' doesn't match a supported format."
        )));
    }
    Ok(region)
}

/// Reads the global options of a matched subcommand, with the AWS CLI's
/// precedence: the flag, the environment, the profile, then apigw's default.
pub fn globals(m: &ArgMatches) -> Result<Globals> {
    let takes = |id: &str| m.try_get_raw(id).is_ok();
    let profile = profile_of(m);
    let output = match (opt(m, "output"), env("AWS_DEFAULT_OUTPUT"), &profile.output) {
        (Some(s), _, _) => s.parse().map_err(Error::Usage)?,
        (None, Some(s), _) if takes("output") => s
            .parse()
            .map_err(|e| Error::Usage(format!("AWS_DEFAULT_OUTPUT: {e}")))?,
        (None, None, Some(s)) if takes("output") => s.parse().map_err(|e| {
            Error::Workspace(format!("the output of profile {}: {e}", profile.name))
        })?,
        _ => OutputFormat::Json,
    };
    let region = region_with(m, &profile)?;
    let cwd = std::env::current_dir()
        .map_err(|e| Error::Workspace(format!("cannot read the current folder: {e}")))?;
    let env_ws = std::env::var("APIGW_WORKSPACE").ok();
    let workspace = workspace::locate(
        m.try_get_one::<PathBuf>("workspace")
            .ok()
            .flatten()
            .map(PathBuf::as_path),
        env_ws.as_deref(),
        &cwd,
    )
    .map_err(Error::Workspace)?;
    debug(|| {
        format!(
            "workspace {} ({}); region {}; output {}",
            workspace.path.display(),
            workspace.source.describe(),
            region.as_deref().unwrap_or("the workspace's"),
            format!("{output:?}").to_lowercase()
        )
    });
    if let Some(url) = opt(m, "endpoint-url") {
        debug(|| format!("--endpoint-url {url} is not used: apigw works on the workspace file"));
    }
    workspace::notice_per_user(&workspace);
    Ok(Globals {
        output,
        query: opt(m, "query").cloned(),
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
        let flag = flag_for(op.name, member.name);
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
            Kind::Blob if binary_format_is_base64(m) => m
                .get_one::<String>(&flag)
                .map(|raw| params::base64_blob(&format!("--{flag}"), raw))
                .transpose()?,
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
            // No renamed member (FLAG_RENAMES) is a required one.
            .map(params::flag_of)
            .chain(alternative.map(|a| a.flags.to_string()))
            // Checked here, not by clap, so that --generate-cli-skeleton
            // needs no file.
            .chain(
                (payload_of(op.name).is_some() && !m.contains_id("outfile"))
                    .then(|| "outfile".to_string()),
            )
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
    debug(|| format!("calling {} with {}", op.name, Value::Object(input.clone())));
    let started = std::time::Instant::now();
    let answer = crate::service::invoke(
        &g.workspace.path,
        g.region.as_deref(),
        op.name,
        input,
        &paging,
    );
    debug(|| {
        format!(
            "{} {} in {:.1} ms",
            op.name,
            if answer.is_ok() { "answered" } else { "failed" },
            started.elapsed().as_secs_f64() * 1000.0
        )
    });
    let answer = answer?;
    if op.name == "RequestCertificate" {
        // The CA's certificate, never its key: what a client must trust.
        let ca = crate::acm::apigw_dir(&g.workspace.path).join("ca/ca-cert.pem");
        eprintln!(
            "apigw acm: issued by the local CA; to trust it: curl --cacert {}",
            ca.display()
        );
    }
    match (answer, payload_of(op.name)) {
        (Some(Value::Object(mut rest)), Some(member)) => {
            // The AWS CLI writes the blob to OUTFILE and prints what else the
            // answer holds (nothing for ExportApi: it prints nothing at all).
            let body = rest.shift_remove(member);
            let text = body.as_ref().and_then(Value::as_str).unwrap_or_default();
            let outfile = m.get_one::<PathBuf>("outfile").ok_or_else(|| {
                Error::Usage("error: the following arguments are required: outfile\n".into())
            })?;
            std::fs::write(outfile, text)
                .map_err(|e| Error::io(format!("cannot write {}", outfile.display()), e))?;
            if rest.is_empty() {
                Ok(())
            } else {
                print_value(op.name, &Value::Object(rest), g)
            }
        }
        (Some(value), _) => print_value(op.name, &value, g),
        (None, _) => Ok(()),
    }
}

/// The member of `operation`'s answer that is a blob payload, if any.
fn payload_of(operation: &str) -> Option<&'static str> {
    crate::service::wire::PAYLOADS
        .iter()
        .chain(standins::PAYLOADS)
        .find(|(op, _)| *op == operation)
        .map(|(_, member)| *member)
}

/// Whether `--cli-binary-format base64` was given.
fn binary_format_is_base64(m: &ArgMatches) -> bool {
    m.try_get_one::<String>("cli-binary-format")
        .ok()
        .flatten()
        .is_some_and(|f| f == "base64")
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
