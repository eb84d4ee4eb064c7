//! The `apigw` binary over a throw-away workspace, for the CLI tests
//! (tests/cli_*.rs): `Ws::new()` makes an empty folder with `apigw.toml` as
//! the workspace; `ws.ok(&[…])`, `ws.fails(&[…], code)` and `ws.text(&[…])`
//! run one command and check its exit; `ws.run(…)` gives the whole outcome
//! to check step by step, e.g.
//! `ws.run(&["get-api", "--api-id", "x"]).fails(254).stderr_has("NotFound")`.
//! Included with `#[path = "common/cli.rs"] mod cli;` so that these tests do
//! not build the gateway tests' helpers.
#![allow(dead_code)]

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};

pub const LISTENER: &str = "arn:aws:elasticloadbalancing:us-east-2:123456789012:listener/app/my-load-balancer/50dc6c495c0c9188/0467ef3c8400ae65";
pub const CLOUD_MAP: &str = "arn:aws:servicediscovery:us-east-2:123456789012:service/srv-id?stage=prod&deployment=green_deployment";

pub struct Ws {
    dir: tempfile::TempDir,
    pub path: PathBuf,
}

impl Ws {
    pub fn new() -> Ws {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("apigw.toml");
        Ws { dir, path }
    }

    /// The folder holding the workspace (the commands' current folder).
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// The binary with this workspace and none of the caller's AWS settings.
    pub fn cmd(&self) -> Command {
        let mut c = Command::cargo_bin("apigw").unwrap();
        c.env("APIGW_WORKSPACE", &self.path)
            .env_remove("AWS_REGION")
            .env_remove("AWS_DEFAULT_REGION")
            .env_remove("AWS_DEFAULT_OUTPUT")
            .env_remove("AWS_PROFILE")
            .env_remove("AWS_DEFAULT_PROFILE")
            .env("AWS_CONFIG_FILE", self.dir.path().join("no-aws-config"))
            .current_dir(self.dir.path());
        c
    }

    /// Runs one command and returns what it did, to be checked.
    pub fn run(&self, args: &[&str]) -> Outcome {
        Outcome::of(args, self.cmd().args(args).output().unwrap())
    }

    /// Runs a command that must succeed and returns its JSON answer.
    pub fn ok(&self, args: &[&str]) -> Value {
        let out = self.cmd().args(args).output().unwrap();
        assert!(
            out.status.success(),
            "{args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        if out.stdout.is_empty() {
            Value::Null
        } else {
            serde_json::from_slice(&out.stdout).unwrap()
        }
    }

    /// Runs a command that must fail with `code`; returns stderr.
    pub fn fails(&self, args: &[&str], code: i32) -> String {
        let out = self.cmd().args(args).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr).to_string();
        assert_eq!(out.status.code(), Some(code), "{args:?}: {err}");
        assert!(out.stdout.is_empty(), "nothing on stdout on failure");
        assert!(!err.contains("panicked"), "{err}");
        err
    }

    /// Runs a command that must succeed and returns its stdout.
    pub fn text(&self, args: &[&str]) -> String {
        let out = self.cmd().args(args).output().unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// Creates an API of `protocol` (HTTP or WEBSOCKET); returns its id.
    pub fn api(&self, protocol: &str) -> String {
        let mut args = vec!["create-api", "--name", "demo", "--protocol-type", protocol];
        if protocol == "WEBSOCKET" {
            args.extend(["--route-selection-expression", "$request.body.action"]);
        }
        self.ok(&args)["ApiId"].as_str().unwrap().to_string()
    }

    /// Creates a VPC link; returns its id.
    pub fn vpc_link(&self) -> String {
        self.ok(&[
            "create-vpc-link",
            "--name",
            "link",
            "--subnet-ids",
            "subnet-0a1b",
            "subnet-0c2d",
        ])["VpcLinkId"]
            .as_str()
            .unwrap()
            .to_string()
    }
}

/// What one command did: its exit code and output, with checks that return
/// the outcome so that they chain.
pub struct Outcome {
    pub args: Vec<String>,
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Outcome {
    pub fn of(args: &[&str], out: std::process::Output) -> Outcome {
        let o = Outcome {
            args: args.iter().map(|a| a.to_string()).collect(),
            code: out.status.code(),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        };
        assert!(!o.stderr.contains("panicked"), "{:?}: {}", o.args, o.stderr);
        o
    }

    /// Exit 0.
    pub fn succeeds(self) -> Outcome {
        assert_eq!(self.code, Some(0), "{:?}: {}", self.args, self.stderr);
        self
    }

    /// Exit `code`, with nothing on stdout.
    pub fn fails(self, code: i32) -> Outcome {
        assert_eq!(self.code, Some(code), "{:?}: {}", self.args, self.stderr);
        assert!(
            self.stdout.is_empty(),
            "{:?}: stdout {}",
            self.args,
            self.stdout
        );
        self
    }

    pub fn stderr_has(self, part: &str) -> Outcome {
        assert!(
            self.stderr.contains(part),
            "{:?}: {part:?} not in stderr:\n{}",
            self.args,
            self.stderr
        );
        self
    }

    pub fn stderr_lacks(self, part: &str) -> Outcome {
        assert!(
            !self.stderr.contains(part),
            "{:?}: {part:?} in stderr:\n{}",
            self.args,
            self.stderr
        );
        self
    }

    pub fn stdout_has(self, part: &str) -> Outcome {
        assert!(
            self.stdout.contains(part),
            "{:?}: {part:?} not in stdout:\n{}",
            self.args,
            self.stdout
        );
        self
    }

    pub fn stdout_lacks(self, part: &str) -> Outcome {
        assert!(
            !self.stdout.contains(part),
            "{:?}: {part:?} in stdout:\n{}",
            self.args,
            self.stdout
        );
        self
    }

    /// stdout as JSON.
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("{:?}: not JSON ({e}):\n{}", self.args, self.stdout))
    }
}

pub fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap()
}

pub fn without(mut v: Value, key: &str) -> Value {
    v.as_object_mut().unwrap().remove(key);
    v
}
