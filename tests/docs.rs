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
        // The script asks apigw at each TAB (tests/cli_completion.rs), and
        // what apigw answers for the shell offers the commands.
        assert!(text.contains("APIGW_COMPLETE"), "{shell}");
        let answer = Command::cargo_bin("apigw")
            .unwrap()
            .env("APIGW_COMPLETE", shell)
            .env("_CLAP_COMPLETE_INDEX", "1")
            .env("_CLAP_IFS", "\n")
            .args(["--", "apigw", "create-integ"])
            .output()
            .unwrap();
        let text = String::from_utf8(answer.stdout).unwrap();
        assert!(text.contains("create-integration"), "{shell}: {text}");
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

fn help(args: &[&str]) -> String {
    let out = Command::cargo_bin("apigw")
        .unwrap()
        .args(args)
        .env_remove("AWS_DEFAULT_OUTPUT")
        .output()
        .unwrap();
    assert!(out.status.success(), "{args:?}");
    String::from_utf8(out.stdout).unwrap()
}

/// A command's own options come first, then the global options under their
/// own heading; enumerations list their values; required ones say so.
#[test]
fn help_lists_own_options_then_global_ones_with_enum_values() {
    let text = help(&["create-integration", "--help"]);
    let own = text.find("Options:").unwrap();
    let global = text.find("Global options:").unwrap();
    assert!(own < global, "{text}");
    for flag in [
        "--api-id",
        "--integration-type",
        "--tls-config",
        "--cli-input-json",
    ] {
        let at = text.find(&format!("      {flag} ")).unwrap();
        assert!(at > own && at < global, "{flag} is the command's own");
    }
    for flag in [
        "--output",
        "--query",
        "--region",
        "--profile",
        "--debug",
        "--endpoint-url",
    ] {
        let at = text.find(&format!("      {flag} ")).unwrap();
        assert!(at > global, "{flag} is global");
    }
    assert!(!text.contains("AWS_DEFAULT_OUTPUT="), "no empty env value");
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for values in [
        "[possible values: INTERNET, VPC_LINK]",
        "[possible values: AWS, HTTP, MOCK, HTTP_PROXY, AWS_PROXY]",
        "[possible values: WHEN_NO_MATCH, NEVER, WHEN_NO_TEMPLATES]",
        "[possible values: CONVERT_TO_BINARY, CONVERT_TO_TEXT]",
    ] {
        assert!(flat.contains(values), "{values} missing");
    }
    assert!(
        flat.contains("AWS_PROXY] [required]") || flat.contains("only [required]"),
        "{flat}"
    );
    let flat = |args: &[&str]| help(args).split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat(&["create-route", "--help"]).contains("[possible values: NONE, AWS_IAM, CUSTOM, JWT]")
    );
    assert!(flat(&["create-authorizer", "--help"]).contains("[possible values: REQUEST, JWT]"));
    assert!(flat(&["create-api", "--help"]).contains("[possible values: WEBSOCKET, HTTP]"));
    assert!(flat(&["update-stage", "--help"]).contains("[LoggingLevel: ERROR, INFO, OFF]"));
    assert!(
        flat(&["servicediscovery", "discover-instances", "--help"])
            .contains("[possible values: HEALTHY, UNHEALTHY, ALL, HEALTHY_OR_ELSE_ALL]")
    );
    // Options without effect on a command are not offered.
    for args in [
        &["serve", "--help"][..],
        &["mint-token", "--help"],
        &["completion", "--help"],
    ] {
        let text = help(args);
        assert!(!text.contains("--output"), "{args:?}");
        assert!(!text.contains("--query"), "{args:?}");
    }
    assert!(help(&["serve", "--help"]).contains("--workspace"));
}

/// Man pages sit under man/man1 (MANPATH=man), with EXAMPLES (the seed
/// page's two commands on create-integration) and EXIT STATUS sections.
#[test]
fn man_pages_have_examples_and_exit_status() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("man/man1");
    let page = std::fs::read_to_string(root.join("apigw-create-integration.1")).unwrap();
    let at = |s: &str| page.find(s).unwrap_or_else(|| panic!("{s} missing"));
    assert!(at(".SH OPTIONS") < at(".SH \"GLOBAL OPTIONS\""));
    assert!(at(".SH EXAMPLES") < at(".SH \"EXIT STATUS\""));
    assert!(page.contains(r"listener/app/my\-load\-balancer/50dc6c495c0c9188/0467ef3c8400ae65"));
    assert!(page.contains(r"service/srv\-id?stage=prod&deployment=green_deployment"));
    for code in ["0", "2", "130", "252", "253", "254", "255"] {
        assert!(
            page.contains(&format!(".TP\n\\fB{code}\\fR\n")),
            "exit {code}"
        );
    }
    assert!(root.join("apigw.1").exists());
    assert!(root.join("apigw-elbv2-register-targets.1").exists());
    let group = std::fs::read_to_string(root.join("apigw-elbv2.1")).unwrap();
    assert!(
        !group.contains("EXIT STATUS"),
        "a group runs nothing itself"
    );
}
