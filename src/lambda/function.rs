//! What the runtime host needs to know of one function: where its code is,
//! how to start it and its limits, taken from the workspace's `functions`
//! table (or given directly by a library user). Two specs that compare equal
//! can share instances; any difference (new code, a changed variable)
//! means new instances.

use std::path::{Path, PathBuf};
use std::time::Duration;

/// The default of `Timeout`, in seconds (as the service's).
pub const DEFAULT_TIMEOUT_S: u32 = 3;
/// The default of `MemorySize`, in MB (as the service's).
pub const DEFAULT_MEMORY_MB: u32 = 128;
/// How many instances of one function run at once when no reserved
/// concurrency is set. The service allows a thousand per account; on a
/// developer's machine each instance is a process, so fewer.
pub const DEFAULT_INSTANCES: u32 = 10;

/// How a function's process is started.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Launcher {
    /// `python3.*`: the machine's python with apigw's runtime loop.
    Python,
    /// `nodejs*`: the machine's node with apigw's runtime loop.
    Node,
    /// `provided*`: the code's own `bootstrap` executable.
    Bootstrap,
}

impl Launcher {
    /// The launcher of a runtime name, or why it cannot run here.
    pub fn of(runtime: &str) -> Result<Launcher, String> {
        if runtime.starts_with("python3") {
            Ok(Launcher::Python)
        } else if runtime.starts_with("nodejs") {
            Ok(Launcher::Node)
        } else if runtime.starts_with("provided") {
            Ok(Launcher::Bootstrap)
        } else {
            Err(format!(
                "runtime {runtime} cannot run on this machine (apigw runs python3.*, nodejs* and provided.* functions); \
                 build it as a provided.al2023 bootstrap, or serve it elsewhere and pass --lambda-endpoint-url"
            ))
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FunctionSpec {
    pub name: String,
    /// `arn:aws:lambda:REGION:ACCOUNT:function:NAME`.
    pub arn: String,
    pub runtime: String,
    pub launcher: Launcher,
    pub handler: String,
    /// The folder the code is in (`LAMBDA_TASK_ROOT`, the working folder).
    pub task_root: PathBuf,
    /// Whether `task_root` is a developer's folder, watched for changes
    /// (hot reload), rather than an unpacked zip.
    pub watched: bool,
    pub timeout: Duration,
    pub memory_mb: u32,
    pub region: String,
    /// The function's own environment variables.
    pub environment: Vec<(String, String)>,
    /// The most instances at once (reserved concurrency, else the default).
    pub max_instances: u32,
    /// Changes whenever the code or configuration does (`RevisionId`).
    pub revision: String,
}

impl FunctionSpec {
    /// The log group its output goes to, as the service names it.
    pub fn log_group(&self) -> String {
        format!("/aws/lambda/{}", self.name)
    }

    /// A spec with the service's defaults, for code in `task_root`.
    pub fn new(
        name: &str,
        runtime: &str,
        handler: &str,
        task_root: &Path,
        region: &str,
        account: &str,
    ) -> Result<FunctionSpec, String> {
        Ok(FunctionSpec {
            name: name.to_string(),
            arn: format!("arn:aws:lambda:{region}:{account}:function:{name}"),
            runtime: runtime.to_string(),
            launcher: Launcher::of(runtime)?,
            handler: handler.to_string(),
            task_root: task_root.to_path_buf(),
            watched: true,
            timeout: Duration::from_secs(DEFAULT_TIMEOUT_S.into()),
            memory_mb: DEFAULT_MEMORY_MB,
            region: region.to_string(),
            environment: Vec::new(),
            max_instances: DEFAULT_INSTANCES,
            revision: String::new(),
        })
    }
}

/// The specs of the workspace's functions, with a note for each function
/// that cannot run here (its runtime, its package missing on this machine).
pub fn specs_of(
    ws: &crate::workspace::Workspace,
    workspace: &Path,
) -> (Vec<FunctionSpec>, Vec<String>) {
    let mut specs = Vec::new();
    let mut notes = Vec::new();
    for f in ws.functions.values() {
        let launcher = match Launcher::of(&f.runtime) {
            Ok(l) => l,
            Err(e) => {
                notes.push(format!("function {}: {e}", f.function_name));
                continue;
            }
        };
        let (task_root, watched) = match super::code::task_root(workspace, f) {
            Ok(t) => t,
            Err(e) => {
                notes.push(e);
                continue;
            }
        };
        if watched && !task_root.is_dir() {
            notes.push(format!(
                "function {}: its code folder {} does not exist",
                f.function_name,
                task_root.display()
            ));
            continue;
        }
        let region = f
            .function_arn
            .split(':')
            .nth(3)
            .unwrap_or(ws.region())
            .to_string();
        specs.push(FunctionSpec {
            name: f.function_name.clone(),
            arn: f.function_arn.clone(),
            runtime: f.runtime.clone(),
            launcher,
            handler: f.handler.clone().unwrap_or_default(),
            task_root,
            watched,
            timeout: Duration::from_secs(f.timeout.clamp(1, 900) as u64),
            memory_mb: f.memory_size.clamp(128, 10_240) as u32,
            region,
            environment: f
                .environment
                .iter()
                .flat_map(|e| e.variables.iter())
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
            max_instances: f
                .reserved_concurrent_executions
                .map_or(DEFAULT_INSTANCES, |n| n.clamp(0, 900) as u32),
            revision: format!("{}/{}", f.revision_id, f.code_sha256),
        });
    }
    (specs, notes)
}
