//! Completion at TAB from the workspace in use: ids after `--api-id`,
//! `--integration-id`, `--route-id`, `--authorizer-id`, `--connection-id`,
//! `--stage-name` and `--target integrations/`, enumerated values, and no
//! file names where a file makes no sense. Checked through the protocol the
//! scripts speak (`APIGW_COMPLETE=SHELL apigw -- WORDS…`) and by running the
//! scripts in bash, and in zsh and fish where they are installed.

#[path = "common/cli.rs"]
mod cli;

use cli::*;
use std::path::PathBuf;

/// A workspace with one of each resource; returns the ids.
struct Made {
    api: String,
    link: String,
    integration: String,
    route: String,
    authorizer: String,
}

fn made(ws: &Ws) -> Made {
    let api = ws.api("HTTP");
    let link = ws.vpc_link();
    let integration = ws.ok(&[
        "create-integration",
        "--api-id",
        &api,
        "--integration-type",
        "HTTP_PROXY",
        "--integration-method",
        "GET",
        "--connection-type",
        "VPC_LINK",
        "--connection-id",
        &link,
        "--integration-uri",
        LISTENER,
    ])["IntegrationId"]
        .as_str()
        .unwrap()
        .to_string();
    let route = ws.ok(&["create-route", "--api-id", &api, "--route-key", "GET /pets"])["RouteId"]
        .as_str()
        .unwrap()
        .to_string();
    let authorizer = ws.ok(&[
        "create-authorizer",
        "--api-id",
        &api,
        "--name",
        "idp",
        "--authorizer-type",
        "JWT",
        "--identity-source",
        "$request.header.Authorization",
        "--jwt-configuration",
        "Audience=a,Issuer=https://idp.example.com",
    ])["AuthorizerId"]
        .as_str()
        .unwrap()
        .to_string();
    ws.ok(&["create-stage", "--api-id", &api, "--stage-name", "test"]);
    Made {
        api,
        link,
        integration,
        route,
        authorizer,
    }
}

/// The candidates apigw answers for `words` (the last one being completed),
/// as the bash script asks, one per line.
fn ask(ws: &Ws, words: &[&str]) -> Vec<String> {
    let mut c = ws.cmd();
    c.env("APIGW_COMPLETE", "bash")
        .env("_CLAP_IFS", "\n")
        .env("_CLAP_COMPLETE_INDEX", (words.len() - 1).to_string())
        .env("_CLAP_COMPLETE_COMP_TYPE", "9")
        .env("_CLAP_COMPLETE_SPACE", "true")
        .arg("--")
        .args(words);
    let out = Outcome::of(words, c.output().unwrap()).succeeds();
    out.stdout
        .lines()
        .map(str::to_string)
        .filter(|l| !l.is_empty())
        .collect()
}

#[test]
fn ids_complete_from_the_workspace_in_use() {
    let ws = Ws::new();
    let m = made(&ws);
    let api = m.api.as_str();
    assert_eq!(ask(&ws, &["apigw", "get-api", "--api-id", ""]), [api]);
    assert_eq!(
        ask(&ws, &["apigw", "get-api", "--api-id", &api[..3]]),
        [api]
    );
    assert!(ask(&ws, &["apigw", "get-api", "--api-id", "zzz"]).is_empty());
    for (words, want) in [
        (
            vec!["get-integration", "--api-id", api, "--integration-id", ""],
            m.integration.clone(),
        ),
        (
            vec!["update-route", "--api-id", api, "--route-id", ""],
            m.route.clone(),
        ),
        (
            vec!["get-authorizer", "--api-id", api, "--authorizer-id", ""],
            m.authorizer.clone(),
        ),
        (
            vec!["get-stage", "--api-id", api, "--stage-name", ""],
            "test".to_string(),
        ),
        (
            vec!["create-route", "--api-id", api, "--target", "integrations/"],
            format!("integrations/{}", m.integration),
        ),
        (
            vec!["create-route", "--api-id", api, "--target", ""],
            format!("integrations/{}", m.integration),
        ),
        (
            vec!["create-integration", "--connection-id", ""],
            m.link.clone(),
        ),
        (vec!["get-vpc-link", "--vpc-link-id", ""], m.link.clone()),
        (vec!["serve", "--api-id", ""], m.api.clone()),
    ] {
        let mut full = vec!["apigw"];
        full.extend(&words);
        assert_eq!(ask(&ws, &full), [want], "{words:?}");
    }
    // Ids of one API need that API; the id flag may come after.
    assert!(ask(&ws, &["apigw", "get-route", "--route-id", ""]).is_empty());
    // The workspace named on the line is the one read.
    let other = Ws::new();
    let other_api = other.api("HTTP");
    let path = other.path.display().to_string();
    assert_eq!(
        ask(
            &ws,
            &["apigw", "get-api", "--workspace", &path, "--api-id", ""]
        ),
        [other_api]
    );
    // Commands, flags and enumerated values come from the definition.
    assert_eq!(ask(&ws, &["apigw", "create-integ"]), ["create-integration"]);
    assert_eq!(ask(&ws, &["apigw", "elbv2", "reg"]), ["register-targets"]);
    assert_eq!(
        ask(&ws, &["apigw", "create-api", "--api-v"]),
        ["--api-version"]
    );
    assert_eq!(
        ask(
            &ws,
            &["apigw", "create-integration", "--connection-type", ""]
        ),
        ["INTERNET", "VPC_LINK"]
    );
    assert_eq!(
        ask(&ws, &["apigw", "create-route", "--authorization-type", ""]),
        ["NONE", "AWS_IAM", "CUSTOM", "JWT"]
    );
    assert_eq!(
        ask(&ws, &["apigw", "get-apis", "--output", "y"]),
        ["yaml", "yaml-stream"]
    );
}

#[test]
fn no_file_names_where_a_file_makes_no_sense() {
    let ws = Ws::new();
    std::fs::write(ws.dir().join("notes.txt"), "x").unwrap();
    for words in [
        &["apigw", "get-api", "--api-id", ""][..],
        &["apigw", "create-api", "--name", ""],
        &["apigw", "create-api", "--description", ""],
        &["apigw", "create-integration", "--timeout-in-millis", ""],
        &["apigw", "get-apis", "--query", ""],
        &["apigw", "get-apis", "--region", ""],
        &["apigw", "get-apis", "--max-items", ""],
        &["apigw", "serve", "--listen", ""],
        &["apigw", "mint-token", "--issuer", ""],
    ] {
        assert!(
            ask(&ws, words).is_empty(),
            "{words:?}: {:?}",
            ask(&ws, words)
        );
    }
    // Where a file is meant, files are offered.
    assert_eq!(
        ask(&ws, &["apigw", "get-apis", "--workspace", "no"]),
        ["notes.txt"]
    );
    // Completion never writes the workspace.
    assert!(!ws.path.exists());
}

/// The folder holding the built binary, for the scripts to find `apigw`.
fn bin_dir() -> PathBuf {
    assert_cmd::cargo::cargo_bin("apigw")
        .parent()
        .unwrap()
        .to_path_buf()
}

fn path_with_bin() -> String {
    format!(
        "{}:{}",
        bin_dir().display(),
        std::env::var("PATH").unwrap_or_default()
    )
}

fn has(shell: &str) -> bool {
    std::process::Command::new(shell)
        .arg("-c")
        .arg("exit 0")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Runs `script` in `shell` (args before the script) in the workspace's folder.
fn shell(ws: &Ws, shell: &str, args: &[&str], script: &str) -> String {
    let registration = ws.text(&["completion", shell]);
    let file = ws.dir().join(format!("registration.{shell}"));
    std::fs::write(&file, registration).unwrap();
    let out = std::process::Command::new(shell)
        .args(args)
        .arg("-c")
        .arg(script.replace("REGISTRATION", &file.display().to_string()))
        .env("PATH", path_with_bin())
        .env("APIGW_WORKSPACE", &ws.path)
        .current_dir(ws.dir())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{shell}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn bash_completes_with_the_script_apigw_prints() {
    assert!(has("bash"), "bash is needed for this test");
    let ws = Ws::new();
    let m = made(&ws);
    let script = format!(
        r#"source REGISTRATION
comp() {{ COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); COMP_LINE="$*"; COMP_POINT=${{#COMP_LINE}}; COMP_TYPE=9; COMPREPLY=()
  _clap_complete_apigw apigw "${{COMP_WORDS[COMP_CWORD]}}" "${{COMP_WORDS[COMP_CWORD-1]}}"; echo "${{COMPREPLY[*]}}"; }}
comp apigw get-integration --api-id {api} --integration-id ""
comp apigw create-route --api-id {api} --target integrations/
comp apigw create-integration --integration-type HTTP_P
complete -p apigw
"#,
        api = m.api
    );
    let out = shell(&ws, "bash", &["--norc"], &script);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], m.integration);
    assert_eq!(lines[1], format!("integrations/{}", m.integration));
    assert_eq!(lines[2], "HTTP_PROXY");
    assert!(lines[3].contains("-F _clap_complete_apigw apigw"), "{out}");
}

#[test]
fn zsh_completes_with_the_script_apigw_prints() {
    if !has("zsh") {
        println!("skipped: zsh is not installed");
        return;
    }
    let ws = Ws::new();
    let m = made(&ws);
    // compinit's compdef and _describe, reduced to printing what is offered.
    let script = format!(
        r#"compdef() {{ :; }}
source REGISTRATION
_describe() {{ local arr=("${{(@P)3}}"); printf '%s\n' "${{arr[@]}}"; }}
words=(apigw get-route --api-id {api} --route-id ""); CURRENT=6
_clap_dynamic_completer_apigw
words=(apigw create-authorizer --authorizer-type ""); CURRENT=4
_clap_dynamic_completer_apigw
"#,
        api = m.api
    );
    let out = shell(&ws, "zsh", &["-f"], &script);
    assert_eq!(out, format!("{}:GET /pets\nREQUEST\nJWT\n", m.route));
}

#[test]
fn fish_completes_with_the_script_apigw_prints() {
    if !has("fish") {
        println!("skipped: fish is not installed");
        return;
    }
    let ws = Ws::new();
    let m = made(&ws);
    let script = format!(
        "source REGISTRATION; complete -C 'apigw get-api --api-id '; complete -C 'apigw create-route --api-id {api} --target '; complete -C 'apigw create-integration --connection-type '",
        api = m.api
    );
    let out = shell(&ws, "fish", &["--no-config"], &script);
    assert_eq!(
        out,
        format!(
            "{api}\tdemo\nintegrations/{i}\tHTTP_PROXY {LISTENER}\nINTERNET\nVPC_LINK\n",
            api = m.api,
            i = m.integration
        )
    );
}

#[test]
fn committed_scripts_ask_apigw_at_each_tab() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("completions");
    for file in [
        "apigw.bash",
        "_apigw",
        "apigw.fish",
        "_apigw.ps1",
        "apigw.elv",
    ] {
        let text = std::fs::read_to_string(root.join(file)).unwrap();
        assert!(text.contains("APIGW_COMPLETE"), "{file}");
    }
}
