//! boto3 against `apigw endpoint`: every operation, the paginators, each
//! error kind (ClientError code, status and message), the Cloud Map verbs,
//! and 32 boto3 clients creating integrations at once while `apigw
//! create-integration` processes write the same workspace file. The Python
//! side is tests/fixtures/aws/boto3_endpoint.py, run with the venv's python.

mod common;

use common::aws::{self, Clients, Endpoint};
use std::path::PathBuf;

fn script() -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/aws/boto3_endpoint.py"
    ))
}

fn setup() -> Option<(Clients, Endpoint)> {
    let clients = match aws::clients() {
        Ok(c) => c,
        Err(reason) => {
            aws::skip(&reason);
            return None;
        }
    };
    match Endpoint::start() {
        Ok(ep) => Some((clients, ep)),
        Err(reason) => {
            aws::skip(&reason);
            None
        }
    }
}

#[test]
fn boto3_drives_every_operation_pages_and_errors() {
    let Some((clients, ep)) = setup() else {
        return;
    };
    let ran = ep.python(&clients, &script(), &["operations"]);
    assert!(
        ran.code == 0 && ran.stdout.contains("operations: all passed"),
        "boto3 operations failed (exit {})\n{}\n{}",
        ran.code,
        ran.stdout,
        ran.stderr
    );
    // What boto3 left is what apigw reads: nothing.
    let apis = ep.apigw(&["get-apis"]).ok("get-apis").json();
    assert_eq!(apis["Items"], serde_json::json!([]));
}

#[test]
fn boto3_32_clients_and_cli_processes_at_once_keep_every_integration() {
    let Some((clients, ep)) = setup() else {
        return;
    };
    let api = ep
        .apigw(&[
            "create-api",
            "--name",
            "busy",
            "--protocol-type",
            "HTTP",
            "--query",
            "ApiId",
            "--output",
            "text",
        ])
        .ok("create-api")
        .stdout
        .trim()
        .to_string();
    let ran = ep.python(&clients, &script(), &["concurrency", &api]);
    assert_eq!(
        ran.code, 0,
        "concurrency case failed\n{}\n{}",
        ran.stdout, ran.stderr
    );
    let summary: serde_json::Value = ran
        .stdout
        .lines()
        .last()
        .and_then(|l| serde_json::from_str(l).ok())
        .expect("the script ends with its summary");
    let mut made: Vec<String> = summary["made"]
        .as_array()
        .expect("made")
        .iter()
        .filter_map(|v| v.as_str().map(str::to_string))
        .collect();
    // 32 clients x 5 through the endpoint, 4 processes x 8 through the CLI.
    assert_eq!(made.len(), 32 * 5 + 4 * 8);

    // The file is valid and holds them all: apigw reads it back whole.
    let listed = ep
        .apigw(&["get-integrations", "--api-id", &api])
        .ok("get-integrations")
        .json();
    let mut ids: Vec<String> = listed["Items"]
        .as_array()
        .expect("Items")
        .iter()
        .filter_map(|i| i["IntegrationId"].as_str().map(str::to_string))
        .collect();
    ids.sort();
    made.sort();
    assert_eq!(ids, made, "every integration kept, none added");
    let text = std::fs::read_to_string(&ep.workspace).expect("workspace");
    assert!(
        text.parse::<toml::Table>().is_ok(),
        "the workspace is valid TOML"
    );
    assert!(
        !std::fs::read_dir(ep.workspace.parent().unwrap())
            .unwrap()
            .filter_map(Result::ok)
            .any(|e| e.file_name().to_string_lossy().contains(".tmp")),
        "no temp file left beside the workspace"
    );
}
