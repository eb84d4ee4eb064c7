//! The committed completion scripts and man pages are generated from the
//! clap definition; this fails when they drift from the code. Refresh them
//! with `cargo run -- generate-docs .`.

use assert_cmd::Command;
use std::path::Path;

fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<_> = walk(dir)
        .into_iter()
        .map(|p| {
            (
                p.strip_prefix(dir).unwrap().display().to_string(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect();
    out.sort();
    out
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn committed_completions_and_man_pages_match_the_code() {
    let tmp = tempfile::tempdir().unwrap();
    Command::cargo_bin("apigw")
        .unwrap()
        .arg("generate-docs")
        .arg(tmp.path())
        .assert()
        .success();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for sub in ["completions", "man"] {
        let fresh = files(&tmp.path().join(sub));
        let committed = files(&root.join(sub));
        let names = |v: &[(String, Vec<u8>)]| v.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
        assert_eq!(
            names(&committed),
            names(&fresh),
            "{sub}/ lists other files than the code makes; run `cargo run -- generate-docs .`"
        );
        for ((name, a), (_, b)) in committed.iter().zip(&fresh) {
            assert!(
                a == b,
                "{sub}/{name} is out of date; run `cargo run -- generate-docs .`"
            );
        }
    }
}

#[test]
fn completion_command_prints_a_script_for_each_shell() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = Command::cargo_bin("apigw")
            .unwrap()
            .args(["completion", shell])
            .output()
            .unwrap();
        assert!(out.status.success());
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("create-integration"), "{shell}");
    }
}

#[test]
fn every_flag_has_help() {
    let out = Command::cargo_bin("apigw")
        .unwrap()
        .args(["create-integration", "--help"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    for flag in [
        "--api-id",
        "--integration-type",
        "--connection-id",
        "--connection-type",
        "--content-handling-strategy",
        "--credentials-arn",
        "--description",
        "--integration-method",
        "--integration-subtype",
        "--integration-uri",
        "--passthrough-behavior",
        "--payload-format-version",
        "--request-parameters",
        "--request-templates",
        "--response-parameters",
        "--template-selection-expression",
        "--timeout-in-millis",
        "--tls-config",
        "--cli-input-json",
        "--cli-input-yaml",
        "--generate-cli-skeleton",
    ] {
        let line = text
            .lines()
            .find(|l| l.trim_start().starts_with(flag))
            .unwrap_or_else(|| panic!("{flag} missing"));
        let _ = line;
    }
    // Each option is followed by its explanation.
    assert!(text.contains("VPC_LINK for private ones behind a VPC link"));
}

/// The README's quick start begins with `apigw init`, and its walkthrough
/// needs nothing beside bash and cargo, and logs whole when redirected.
#[test]
fn quick_start_and_walkthrough_need_only_bash_and_cargo() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let quick = &readme[readme.find("## Quick start").unwrap()..];
    let first = quick
        .lines()
        .skip_while(|l| !l.starts_with("```sh"))
        .nth(1)
        .unwrap();
    assert!(first.starts_with("apigw init"), "{first}");
    let script = std::fs::read_to_string(root.join("examples/walkthrough.sh")).unwrap();
    let code: Vec<&str> = script
        .lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .collect();
    for tool in ["python", "curl", "/dev/stderr", "--quiet", "jq"] {
        assert!(
            !code.iter().any(|l| l.contains(tool)),
            "the walkthrough uses {tool}"
        );
    }
}
