//! The workspace file as commands meet it: where it is found, the region,
//! refusing a broken file untouched, parallel writers, hand edits.

#[path = "common/cli.rs"]
mod cli;

use assert_cmd::Command;
use cli::*;
use serde_json::Value;
use std::path::Path;

#[test]
fn region_comes_from_flag_then_environment_then_workspace() {
    let ws = Ws::new();
    let a = ws.ok(&[
        "create-api",
        "--name",
        "r",
        "--protocol-type",
        "HTTP",
        "--region",
        "eu-west-1",
    ]);
    assert!(
        a["ApiEndpoint"]
            .as_str()
            .unwrap()
            .ends_with(".execute-api.eu-west-1.amazonaws.com")
    );
    let out = ws
        .cmd()
        .args(["workspace"])
        .env("AWS_DEFAULT_REGION", "ap-south-1")
        .output()
        .unwrap();
    let info: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(info["Region"], "ap-south-1");
    let out = ws
        .cmd()
        .args(["workspace"])
        .env("AWS_DEFAULT_REGION", "ap-south-1")
        .env("AWS_REGION", "sa-east-1")
        .output()
        .unwrap();
    let info: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(info["Region"], "sa-east-1");
    let info = ws.ok(&["workspace"]);
    assert_eq!(info["Region"], "us-east-2");
    assert_eq!(info["Account"], "123456789012");
    assert_eq!(info["Source"], "APIGW_WORKSPACE");
}

#[test]
fn nearest_workspace_is_found_from_a_subfolder() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("apigw.toml"),
        "[workspace]\naccount = \"111122223333\"\nregion = \"eu-central-1\"\n",
    )
    .unwrap();
    let sub = dir.path().join("a/b");
    std::fs::create_dir_all(&sub).unwrap();
    let out = Command::cargo_bin("apigw")
        .unwrap()
        .current_dir(&sub)
        .env_remove("APIGW_WORKSPACE")
        .env_remove("AWS_REGION")
        .env_remove("AWS_DEFAULT_REGION")
        .arg("workspace")
        .output()
        .unwrap();
    let info: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(info["Account"], "111122223333");
    assert_eq!(info["Region"], "eu-central-1");
    assert_eq!(info["Source"], "nearest apigw.toml");
    let explicit = dir.path().join("other.toml");
    let out = Command::cargo_bin("apigw")
        .unwrap()
        .current_dir(&sub)
        .arg("workspace")
        .arg("--workspace")
        .arg(&explicit)
        .output()
        .unwrap();
    let info: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(info["Source"], "--workspace");
    assert_eq!(info["Exists"], false);
}

#[test]
fn corrupt_workspace_exits_253_and_is_left_untouched() {
    let ws = Ws::new();
    let bad = b"[workspace]\naccount = \"123456789012\"\nregion = us-east-2\n";
    std::fs::write(&ws.path, bad).unwrap();
    let err = ws.fails(
        &["create-api", "--name", "x", "--protocol-type", "HTTP"],
        253,
    );
    assert!(
        err.contains(&ws.path.display().to_string()) && err.contains("line 3, column"),
        "{err}"
    );
    assert_eq!(read(&ws.path), bad);
    ws.fails(&["get-apis"], 253);

    let wrong = b"[workspace]\naccount = \"12\"\nregion = \"us-east-2\"\n";
    std::fs::write(&ws.path, wrong).unwrap();
    let err = ws.fails(
        &["create-api", "--name", "x", "--protocol-type", "HTTP"],
        253,
    );
    assert!(err.contains("account must be 12 digits"), "{err}");
    assert_eq!(read(&ws.path), wrong);

    let unknown =
        b"[workspace]\naccount = \"123456789012\"\nregion = \"us-east-2\"\n[apis.abc]\nName = 1\n";
    std::fs::write(&ws.path, unknown).unwrap();
    let err = ws.fails(&["get-apis"], 253);
    assert!(err.contains("line 4") || err.contains("line 5"), "{err}");
    assert_eq!(read(&ws.path), unknown);
}

#[test]
fn parallel_writers_lose_nothing() {
    let ws = Ws::new();
    let api = ws.api("HTTP");
    let bin = assert_cmd::cargo::cargo_bin("apigw");
    let children: Vec<_> = (0..32)
        .map(|n| {
            std::process::Command::new(&bin)
                .env("APIGW_WORKSPACE", &ws.path)
                .args([
                    "create-integration",
                    "--api-id",
                    &api,
                    "--integration-type",
                    "HTTP_PROXY",
                    "--integration-method",
                    "GET",
                ])
                .arg("--integration-uri")
                .arg(format!("https://backend-{n}.example.com"))
                .stdout(std::process::Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut c in children {
        assert!(c.wait().unwrap().success());
    }
    let all = ws.ok(&["get-integrations", "--api-id", &api]);
    let mut uris: Vec<String> = all["Items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["IntegrationUri"].as_str().unwrap().to_string())
        .collect();
    uris.sort();
    let mut expected: Vec<String> = (0..32)
        .map(|n| format!("https://backend-{n}.example.com"))
        .collect();
    expected.sort();
    assert_eq!(uris, expected);
    let leftovers: Vec<_> = std::fs::read_dir(ws.path.parent().unwrap())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary files left behind");
}

#[test]
fn hand_edits_that_break_references_are_refused() {
    let ws = Ws::new();
    let api = ws.api("HTTP");
    let link = ws.vpc_link();
    ws.ok(&[
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
    ]);
    let text = String::from_utf8(read(&ws.path)).unwrap();
    let broken = text.replace(
        &format!("ConnectionId = \"{link}\""),
        "ConnectionId = \"gone123\"",
    );
    std::fs::write(&ws.path, &broken).unwrap();
    let err = ws.fails(&["get-apis"], 253);
    assert!(
        err.contains("uses VPC link gone123, which is not in [vpc-links]"),
        "{err}"
    );
    assert_eq!(read(&ws.path), broken.as_bytes());
}

#[test]
fn hand_written_workspace_is_read() {
    let ws = Ws::new();
    std::fs::write(
        &ws.path,
        "# team workspace\n[workspace]\naccount = \"123456789012\"\nregion = \"us-east-2\"\n\n\
         [apis.abcdefghij]\nApiEndpoint = \"https://abcdefghij.execute-api.us-east-2.amazonaws.com\"\nApiId = \"abcdefghij\"\n\
         ApiKeySelectionExpression = \"$request.header.x-api-key\"\nCreatedDate = \"2026-01-01T00:00:00+00:00\"\n\
         DisableExecuteApiEndpoint = false\nName = \"by hand\"\nProtocolType = \"HTTP\"\nRouteSelectionExpression = \"$request.method $request.path\"\n",
    )
    .unwrap();
    assert_eq!(
        ws.ok(&["get-api", "--api-id", "abcdefghij"])["Name"],
        "by hand"
    );
}

/// Builds a workspace of three APIs, each with a private integration (one
/// with request parameters, a sub-table), a route to it, a `$default` stage
/// and a JWT authorizer that a second route uses. Returns the API ids.
fn three_apis(ws: &Ws) -> Vec<String> {
    let link = ws.vpc_link();
    let mut apis = Vec::new();
    for n in 0..3 {
        let api = ws.api("HTTP");
        let mut args = vec![
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
            "--query",
            "IntegrationId",
        ];
        if n == 1 {
            args.extend(["--request-parameters", "append:header.x-team=blue"]);
        }
        let integration = ws.ok(&args).as_str().unwrap().to_string();
        let target = format!("integrations/{integration}");
        ws.ok(&[
            "create-route",
            "--api-id",
            &api,
            "--route-key",
            "GET /pets",
            "--target",
            &target,
        ]);
        ws.ok(&["create-stage", "--api-id", &api, "--stage-name", "$default"]);
        let authorizer = ws.ok(&[
            "create-authorizer",
            "--api-id",
            &api,
            "--name",
            "jwt",
            "--authorizer-type",
            "JWT",
            "--identity-source",
            "$request.header.Authorization",
            "--jwt-configuration",
            "Audience=app,Issuer=https://issuer.example.com",
            "--query",
            "AuthorizerId",
        ]);
        ws.ok(&[
            "create-route",
            "--api-id",
            &api,
            "--route-key",
            "GET /private",
            "--target",
            &target,
            "--authorization-type",
            "JWT",
            "--authorizer-id",
            authorizer.as_str().unwrap(),
        ]);
        apis.push(api);
    }
    apis
}

fn whole(path: &Path) -> apigw::workspace::Workspace {
    apigw::workspace::parse(path, &read(path)).unwrap()
}

#[test]
fn a_command_on_one_api_keeps_the_other_apis_as_they_were() {
    let ws = Ws::new();
    let apis = three_apis(&ws);
    let before = whole(&ws.path);
    let created = ws.ok(&[
        "create-integration",
        "--api-id",
        &apis[1],
        "--integration-type",
        "HTTP_PROXY",
        "--integration-uri",
        "https://example.com/{proxy}",
        "--integration-method",
        "ANY",
    ]);
    let text = read(&ws.path);
    let after = whole(&ws.path);
    // The file is what writing the whole workspace gives, byte for byte.
    assert_eq!(
        apigw::workspace::render(&after).unwrap().as_bytes(),
        text,
        "the file is not in apigw's own layout"
    );
    let mut expected = before.clone();
    let id = created["IntegrationId"].as_str().unwrap().to_string();
    let new = after.integrations[&apis[1]][&id].clone();
    expected
        .integrations
        .get_mut(&apis[1])
        .unwrap()
        .insert(id, new);
    assert_eq!(after, expected);

    // Reads of one API see it whole; deleting an API leaves the others.
    let listed = ws.ok(&["get-integrations", "--api-id", &apis[1]]);
    assert_eq!(listed["Items"].as_array().unwrap().len(), 2);
    assert_eq!(ws.ok(&["get-apis"])["Items"].as_array().unwrap().len(), 3);
    ws.ok(&["delete-api", "--api-id", &apis[0]]);
    let left = whole(&ws.path);
    expected.apis.remove(&apis[0]);
    expected.integrations.remove(&apis[0]);
    expected.routes.remove(&apis[0]);
    expected.stages.remove(&apis[0]);
    expected.authorizers.remove(&apis[0]);
    assert_eq!(left, expected);
}

#[test]
fn hand_edits_to_other_apis_are_still_checked() {
    let ws = Ws::new();
    let apis = three_apis(&ws);
    let good = String::from_utf8(read(&ws.path)).unwrap();
    // The first resource of `table` for `api`, with its sub-tables.
    let section = |api: &str, table: &str| {
        let start = good.find(&format!("[{table}.{api}.")).unwrap();
        let header_end = start + good[start..].find(']').unwrap();
        let sub = format!("{}.", &good[start..header_end]);
        let mut end = start;
        loop {
            end = good[end..].find("\n\n").map_or(good.len(), |e| end + e + 2);
            if !good[end..].starts_with(&sub) {
                break;
            }
        }
        good[start..end].to_string()
    };
    let b_integration = section(&apis[2], "integrations");
    let b_route = section(&apis[2], "routes");
    let b_authorizer = section(&apis[2], "authorizers");
    let broken = [
        // A value of the wrong type.
        (
            good.replacen(
                &b_integration,
                &b_integration.replace("TimeoutInMillis = 30000", "TimeoutInMillis = \"slow\""),
                1,
            ),
            "line",
        ),
        // The same table twice, far apart.
        (format!("{good}\n{b_authorizer}"), "line"),
        // A route to an integration that is not there.
        (
            good.replacen(
                &b_route,
                &b_route.replace("Target = \"integrations/", "Target = \"integrations/x"),
                1,
            ),
            "which is not an integration of API",
        ),
        // A route whose authorizer is gone.
        (
            good.replacen(&b_authorizer, "", 1),
            "which is not an authorizer of API",
        ),
        // Children of an API that is not there.
        (
            format!(
                "{good}\n{}",
                section(&apis[2], "stages")
                    .replace(&format!("[stages.{}.", apis[2]), "[stages.nosuchapi0.")
            ),
            "which is not in [apis]",
        ),
    ];
    for (text, says) in broken {
        std::fs::write(&ws.path, &text).unwrap();
        let err = ws.fails(
            &[
                "create-route",
                "--api-id",
                &apis[0],
                "--route-key",
                "GET /more",
            ],
            253,
        );
        assert!(err.contains(says), "{says:?} not in {err}");
        assert_eq!(read(&ws.path), text.as_bytes(), "the file changed");
        let err = ws.fails(&["get-routes", "--api-id", &apis[0]], 253);
        assert!(err.contains(says), "{says:?} not in {err}");
    }

    // Sections moved out of order by hand are read, and put in order.
    let moved = format!("{}\n{b_integration}", good.replacen(&b_integration, "", 1));
    std::fs::write(&ws.path, &moved).unwrap();
    let before = whole(&ws.path);
    ws.ok(&["update-api", "--api-id", &apis[0], "--name", "renamed"]);
    let mut after = whole(&ws.path);
    after.apis.get_mut(&apis[0]).unwrap().name = before.apis[&apis[0]].name.clone();
    assert_eq!(after, before);
}
