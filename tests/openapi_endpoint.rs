//! ImportApi, ReimportApi and ExportApi through `apigw endpoint`, called by
//! the aws CLI (`import-api --body file://…`, `export-api … OUTFILE`) and by
//! boto3 (tests/fixtures/openapi/boto3_import.py), as Terraform's `body`
//! and SDK users call them. Skipped, saying why, when the clients' venv
//! cannot be made (see tests/common/aws.rs).

mod common;

use common::aws::{self, Clients, Endpoint};

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

fn fixture(name: &str) -> String {
    format!(
        "{}/tests/fixtures/openapi/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

#[test]
fn the_aws_cli_imports_and_exports_through_the_endpoint() {
    let Some((clients, ep)) = setup() else {
        return;
    };
    let body = format!("file://{}", fixture("basepath.yaml"));
    let api = ep
        .aws(
            &clients,
            &[
                "apigatewayv2",
                "import-api",
                "--body",
                &body,
                "--basepath",
                "split",
            ],
        )
        .ok("import-api")
        .json();
    assert_eq!(api["Name"], "basepath");
    let id = api["ApiId"].as_str().unwrap();
    // The endpoint's workspace holds what the CLI imported.
    let routes = ep
        .apigw(&["get-routes", "--api-id", id])
        .ok("get-routes")
        .json();
    let mut keys: Vec<&str> = routes["Items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["RouteKey"].as_str().unwrap())
        .collect();
    keys.sort();
    assert_eq!(
        keys,
        ["$default", "GET /b/c", "GET /b/c/e", "POST /b/c/e/{id}"]
    );

    let out = ep.dir.path().join("exported.yaml");
    let ran = ep
        .aws(
            &clients,
            &[
                "apigatewayv2",
                "export-api",
                "--api-id",
                id,
                "--specification",
                "OAS30",
                "--output-type",
                "YAML",
                out.to_str().unwrap(),
            ],
        )
        .ok("export-api");
    // What the aws CLI prints for export-api is what apigw prints: nothing.
    let local = ep.dir.path().join("local.yaml");
    let mine = ep
        .apigw(&[
            "export-api",
            "--api-id",
            id,
            "--specification",
            "OAS30",
            "--output-type",
            "YAML",
            local.to_str().unwrap(),
        ])
        .ok("apigw export-api");
    assert_eq!(ran.stdout, mine.stdout);
    assert_eq!(std::fs::read(&out).unwrap(), std::fs::read(&local).unwrap());

    let warned = ep.aws(
        &clients,
        &[
            "apigatewayv2",
            "import-api",
            "--body",
            &format!("file://{}", fixture("warnings.yaml")),
            "--fail-on-warnings",
        ],
    );
    // A service refusal: exit 254 from aws CLI v2, 255 from v1 (the venv's).
    assert!(matches!(warned.code, 254 | 255), "{}", warned.stderr);
    assert!(
        warned.stderr.contains("Warnings found during import"),
        "{}",
        warned.stderr
    );
}

#[test]
fn boto3_imports_reimports_and_exports_through_the_endpoint() {
    let Some((clients, ep)) = setup() else {
        return;
    };
    let script = std::path::PathBuf::from(fixture("boto3_import.py"));
    let ran = ep.python(&clients, &script, &[&fixture("basepath.yaml")]);
    assert!(
        ran.code == 0 && ran.stdout.contains("openapi: all passed"),
        "boto3 failed (exit {})\n{}\n{}",
        ran.code,
        ran.stdout,
        ran.stderr
    );
}
