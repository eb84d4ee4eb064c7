//! Deployments through the CLI (issue 11 point 2): the five operations with
//! the aws CLI's output, each rule with its message and exit code, refusals
//! leaving the workspace file byte for byte as it was, auto-deploy stages
//! following changes (quick create included), and the load-time check
//! holding a hand-edited snapshot to the rules of the main tables.

#[path = "common/cli.rs"]
mod cli;

use cli::{Ws, read};
use serde_json::Value;

fn refused(ws: &Ws, args: &[&str], code: i32, message: &str) {
    let before = read(&ws.path);
    ws.run(args).fails(code).stderr_has(message);
    assert_eq!(read(&ws.path), before, "{args:?} changed the workspace");
}

fn s(v: &Value, key: &str) -> String {
    v[key]
        .as_str()
        .unwrap_or_else(|| panic!("{key} in {v}"))
        .to_string()
}

/// An API with an HTTP integration and one route `GET /a` to it.
fn api_with_route(ws: &Ws) -> (String, String) {
    let api = ws.api("HTTP");
    let i = ws.ok(&[
        "create-integration",
        "--api-id",
        &api,
        "--integration-type",
        "HTTP_PROXY",
        "--integration-method",
        "GET",
        "--integration-uri",
        "http://127.0.0.1:9/a",
        "--payload-format-version",
        "1.0",
    ]);
    let target = format!("integrations/{}", s(&i, "IntegrationId"));
    ws.ok(&[
        "create-route",
        "--api-id",
        &api,
        "--route-key",
        "GET /a",
        "--target",
        &target,
    ]);
    (api, target)
}

fn stage(ws: &Ws, api: &str, name: &str, extra: &[&str]) -> Value {
    let mut args = vec!["create-stage", "--api-id", api, "--stage-name", name];
    args.extend_from_slice(extra);
    ws.ok(&args)
}

#[test]
fn create_get_update_list_and_delete() {
    let ws = Ws::new();
    let (api, _) = api_with_route(&ws);
    let d = ws.ok(&[
        "create-deployment",
        "--api-id",
        &api,
        "--description",
        "first",
    ]);
    let id = s(&d, "DeploymentId");
    assert_eq!(d["AutoDeployed"], false);
    assert_eq!(d["DeploymentStatus"], "DEPLOYED");
    assert_eq!(d["Description"], "first");
    assert!(d["CreatedDate"].as_str().unwrap().ends_with("+00:00"));
    let keys: Vec<&String> = d.as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        [
            "AutoDeployed",
            "CreatedDate",
            "DeploymentId",
            "DeploymentStatus",
            "Description"
        ]
    );
    assert_eq!(
        ws.ok(&["get-deployment", "--api-id", &api, "--deployment-id", &id]),
        d
    );
    let u = ws.ok(&[
        "update-deployment",
        "--api-id",
        &api,
        "--deployment-id",
        &id,
        "--description",
        "renamed",
    ]);
    assert_eq!(u["Description"], "renamed");
    let second = s(
        &ws.ok(&["create-deployment", "--api-id", &api]),
        "DeploymentId",
    );
    let all = ws.ok(&["get-deployments", "--api-id", &api]);
    assert_eq!(all["Items"].as_array().unwrap().len(), 2);
    // Paged by the aws CLI's own flags, like the other Get*s.
    let one = ws.ok(&["get-deployments", "--api-id", &api, "--max-items", "1"]);
    assert_eq!(one["Items"].as_array().unwrap().len(), 1);
    assert!(one["NextToken"].is_string());
    ws.run(&[
        "delete-deployment",
        "--api-id",
        &api,
        "--deployment-id",
        &id,
    ])
    .succeeds();
    ws.run(&[
        "delete-deployment",
        "--api-id",
        &api,
        "--deployment-id",
        &second,
    ])
    .succeeds();
    let none = ws.ok(&["get-deployments", "--api-id", &api]);
    assert_eq!(none["Items"], serde_json::json!([]));
    assert!(
        !String::from_utf8(read(&ws.path))
            .unwrap()
            .contains("[deployments")
    );
}

#[test]
fn unknown_deployments_and_apis_are_not_found() {
    let ws = Ws::new();
    let (api, _) = api_with_route(&ws);
    let msg = "An error occurred (NotFoundException) when calling the GetDeployment operation: \
               Invalid deployment identifier specified nope";
    refused(
        &ws,
        &[
            "get-deployment",
            "--api-id",
            &api,
            "--deployment-id",
            "nope",
        ],
        254,
        msg,
    );
    refused(
        &ws,
        &[
            "delete-deployment",
            "--api-id",
            &api,
            "--deployment-id",
            "nope",
        ],
        254,
        "Invalid deployment identifier specified nope",
    );
    refused(
        &ws,
        &["create-deployment", "--api-id", "nosuchapi"],
        254,
        "(NotFoundException) when calling the CreateDeployment operation",
    );
    refused(
        &ws,
        &[
            "create-deployment",
            "--api-id",
            &api,
            "--stage-name",
            "nostage",
        ],
        254,
        "(NotFoundException) when calling the CreateDeployment operation: Invalid stage identifier specified nostage",
    );
}

#[test]
fn an_api_without_routes_is_not_deployed() {
    let ws = Ws::new();
    let api = ws.api("HTTP");
    refused(
        &ws,
        &["create-deployment", "--api-id", &api],
        254,
        "An error occurred (BadRequestException) when calling the CreateDeployment operation: \
         Unable to deploy API because no routes exist in this API",
    );
}

#[test]
fn a_deployment_a_stage_serves_is_not_deleted() {
    let ws = Ws::new();
    let (api, _) = api_with_route(&ws);
    stage(&ws, &api, "prod", &[]);
    let id = s(
        &ws.ok(&[
            "create-deployment",
            "--api-id",
            &api,
            "--stage-name",
            "prod",
        ]),
        "DeploymentId",
    );
    assert_eq!(
        ws.ok(&["get-stage", "--api-id", &api, "--stage-name", "prod"])["DeploymentId"],
        id.as_str()
    );
    refused(
        &ws,
        &[
            "delete-deployment",
            "--api-id",
            &api,
            "--deployment-id",
            &id,
        ],
        254,
        "An error occurred (BadRequestException) when calling the DeleteDeployment operation: \
         Active stages pointing to this deployment must be moved or deleted",
    );
    ws.run(&["delete-stage", "--api-id", &api, "--stage-name", "prod"])
        .succeeds();
    ws.run(&[
        "delete-deployment",
        "--api-id",
        &api,
        "--deployment-id",
        &id,
    ])
    .succeeds();
}

#[test]
fn stage_deployment_ids_name_a_deployment_of_the_api() {
    let ws = Ws::new();
    let (api, _) = api_with_route(&ws);
    let msg = "An error occurred (NotFoundException) when calling the CreateStage operation: \
               Invalid deployment identifier specified nope";
    refused(
        &ws,
        &[
            "create-stage",
            "--api-id",
            &api,
            "--stage-name",
            "dev",
            "--deployment-id",
            "nope",
        ],
        254,
        msg,
    );
    stage(&ws, &api, "dev", &[]);
    refused(
        &ws,
        &[
            "update-stage",
            "--api-id",
            &api,
            "--stage-name",
            "dev",
            "--deployment-id",
            "nope",
        ],
        254,
        "(NotFoundException) when calling the UpdateStage operation: Invalid deployment identifier specified nope",
    );
    let id = s(
        &ws.ok(&["create-deployment", "--api-id", &api]),
        "DeploymentId",
    );
    let st = ws.ok(&[
        "update-stage",
        "--api-id",
        &api,
        "--stage-name",
        "dev",
        "--deployment-id",
        &id,
    ]);
    assert_eq!(st["DeploymentId"], id.as_str());
    let other = stage(&ws, &api, "qa", &["--deployment-id", &id]);
    assert_eq!(other["DeploymentId"], id.as_str());
    // A deployment of another API is not one of this API's.
    let (api2, _) = api_with_route(&ws);
    refused(
        &ws,
        &[
            "create-stage",
            "--api-id",
            &api2,
            "--stage-name",
            "dev",
            "--deployment-id",
            &id,
        ],
        254,
        "Invalid deployment identifier specified",
    );
}

#[test]
fn auto_deploy_stages_refuse_a_deployment_id() {
    let ws = Ws::new();
    let (api, _) = api_with_route(&ws);
    let id = s(
        &ws.ok(&["create-deployment", "--api-id", &api]),
        "DeploymentId",
    );
    refused(
        &ws,
        &[
            "create-stage",
            "--api-id",
            &api,
            "--stage-name",
            "live",
            "--auto-deploy",
            "--deployment-id",
            &id,
        ],
        254,
        "An error occurred (BadRequestException) when calling the CreateStage operation: \
         DeploymentId cannot be set on stage live: it has AutoDeploy enabled",
    );
    stage(&ws, &api, "live", &["--auto-deploy"]);
    refused(
        &ws,
        &[
            "update-stage",
            "--api-id",
            &api,
            "--stage-name",
            "live",
            "--deployment-id",
            &id,
        ],
        254,
        "(BadRequestException) when calling the UpdateStage operation: DeploymentId cannot be set on stage live",
    );
    refused(
        &ws,
        &[
            "create-deployment",
            "--api-id",
            &api,
            "--stage-name",
            "live",
        ],
        254,
        "(BadRequestException) when calling the CreateDeployment operation: Stage live has AutoDeploy enabled",
    );
}

#[test]
fn auto_deploy_stages_follow_every_change_keeping_one_deployment_each() {
    let ws = Ws::new();
    let (api, target) = api_with_route(&ws);
    let live = stage(&ws, &api, "live", &["--auto-deploy"]);
    let first = s(&live, "DeploymentId");
    assert_eq!(
        live["LastDeploymentStatusMessage"],
        format!("Successfully deployed stage with deployment ID '{first}'")
    );
    let d = ws.ok(&[
        "get-deployment",
        "--api-id",
        &api,
        "--deployment-id",
        &first,
    ]);
    assert_eq!(d["AutoDeployed"], true);
    assert_eq!(
        d["Description"],
        "Automatic deployment triggered by changes to the Api configuration"
    );
    // A plain stage has no LastDeploymentStatusMessage.
    let plain = stage(&ws, &api, "plain", &[]);
    assert!(plain.get("LastDeploymentStatusMessage").is_none());
    assert!(plain.get("DeploymentId").is_none());

    ws.ok(&[
        "create-route",
        "--api-id",
        &api,
        "--route-key",
        "GET /b",
        "--target",
        &target,
    ]);
    let after = ws.ok(&["get-stage", "--api-id", &api, "--stage-name", "live"]);
    let second = s(&after, "DeploymentId");
    assert_ne!(second, first);
    assert_eq!(
        after["LastDeploymentStatusMessage"],
        format!("Successfully deployed stage with deployment ID '{second}'")
    );
    // Only the latest automatic deployment of the stage is kept.
    let items = ws.ok(&["get-deployments", "--api-id", &api])["Items"].clone();
    let ids: Vec<&str> = items
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["DeploymentId"].as_str().unwrap())
        .collect();
    assert_eq!(ids, [second.as_str()]);
    // CORS is part of what is deployed; a description is not.
    ws.ok(&[
        "update-api",
        "--api-id",
        &api,
        "--cors-configuration",
        "AllowOrigins=https://app.example.com",
    ]);
    let third = s(
        &ws.ok(&["get-stage", "--api-id", &api, "--stage-name", "live"]),
        "DeploymentId",
    );
    assert_ne!(third, second);
    ws.ok(&["update-api", "--api-id", &api, "--description", "words"]);
    assert_eq!(
        ws.ok(&["get-stage", "--api-id", &api, "--stage-name", "live"])["DeploymentId"],
        third.as_str()
    );
}

#[test]
fn turning_auto_deploy_off_keeps_the_api_as_it_was_then() {
    let ws = Ws::new();
    let (api, target) = api_with_route(&ws);
    let id = s(
        &stage(&ws, &api, "live", &["--auto-deploy"]),
        "DeploymentId",
    );
    let st = ws.ok(&[
        "update-stage",
        "--api-id",
        &api,
        "--stage-name",
        "live",
        "--no-auto-deploy",
    ]);
    assert_eq!(st["DeploymentId"], id.as_str());
    assert!(st.get("LastDeploymentStatusMessage").is_none());
    ws.ok(&[
        "create-route",
        "--api-id",
        &api,
        "--route-key",
        "GET /later",
        "--target",
        &target,
    ]);
    // The stage stays on its deployment, which now holds the snapshot.
    let text = String::from_utf8(read(&ws.path)).unwrap();
    assert!(
        text.contains(&format!("[deployments.{api}.{id}.routes.")),
        "{text}"
    );
    assert_eq!(
        ws.ok(&["get-stage", "--api-id", &api, "--stage-name", "live"])["DeploymentId"],
        id.as_str()
    );
}

#[test]
fn quick_create_makes_an_auto_deploy_default_stage_with_a_deployment() {
    let ws = Ws::new();
    let api = ws.ok(&[
        "create-api",
        "--name",
        "quick",
        "--protocol-type",
        "HTTP",
        "--target",
        "http://127.0.0.1:9/",
    ]);
    let api = s(&api, "ApiId");
    let st = ws.ok(&["get-stage", "--api-id", &api, "--stage-name", "$default"]);
    assert_eq!(st["AutoDeploy"], true);
    assert_eq!(st["ApiGatewayManaged"], true);
    let id = s(&st, "DeploymentId");
    assert_eq!(
        st["LastDeploymentStatusMessage"],
        format!("Successfully deployed stage with deployment ID '{id}'")
    );
    let d = ws.ok(&["get-deployment", "--api-id", &api, "--deployment-id", &id]);
    assert_eq!(d["AutoDeployed"], true);
}

#[test]
fn an_auto_deploy_stage_of_an_api_without_routes_says_why_it_has_no_deployment() {
    let ws = Ws::new();
    let api = ws.api("HTTP");
    let st = stage(&ws, &api, "live", &["--auto-deploy"]);
    assert!(st.get("DeploymentId").is_none());
    assert_eq!(
        st["LastDeploymentStatusMessage"],
        "Deployment attempt failed: Unable to deploy API because no routes exist in this API"
    );
}

/// Replaces the first `from` in the file by `to`, and returns the text.
fn edit(ws: &Ws, from: &str, to: &str) {
    let text = String::from_utf8(read(&ws.path)).unwrap();
    assert!(text.contains(from), "{from:?} not in {text}");
    std::fs::write(&ws.path, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn hand_edited_snapshots_are_held_to_the_rules_of_the_main_tables() {
    let ws = Ws::new();
    let (api, target) = api_with_route(&ws);
    stage(&ws, &api, "prod", &[]);
    let id = s(
        &ws.ok(&[
            "create-deployment",
            "--api-id",
            &api,
            "--stage-name",
            "prod",
        ]),
        "DeploymentId",
    );
    let good = read(&ws.path);
    let text = String::from_utf8(good.clone()).unwrap();

    // A snapshot route that targets an integration the snapshot lacks.
    let in_snapshot = text
        .find(&format!("[deployments.{api}.{id}.routes."))
        .unwrap();
    let at = in_snapshot + text[in_snapshot..].find(&target).unwrap();
    let mut broken = text.clone();
    broken.insert_str(at + target.len() - 1, "zz");
    std::fs::write(&ws.path, &broken).unwrap();
    ws.run(&["get-deployments", "--api-id", &api])
        .fails(253)
        .stderr_has(&format!("[deployments.{api}.{id}.routes."))
        .stderr_has("which is not an integration of API");

    // A snapshot route key the route rules refuse.
    std::fs::write(&ws.path, &good).unwrap();
    let mut broken = text.clone();
    let at = in_snapshot + text[in_snapshot..].find("RouteKey = \"GET /a\"").unwrap();
    broken.replace_range(at..at + 19, "RouteKey = \"GET a\"");
    std::fs::write(&ws.path, &broken).unwrap();
    ws.run(&["get-apis"])
        .fails(253)
        .stderr_has(&format!("[deployments.{api}.{id}.routes."));

    // A deployment that is not automatic with no routes.
    std::fs::write(&ws.path, &good).unwrap();
    let bare = format!(
        "\n[deployments.{api}.handmade]\nAutoDeployed = false\nCreatedDate = \"2026-01-01T00:00:00+00:00\"\nDeploymentId = \"handmade\"\nDeploymentStatus = \"DEPLOYED\"\n"
    );
    std::fs::write(&ws.path, format!("{text}{bare}")).unwrap();
    ws.run(&["get-apis"])
        .fails(253)
        .stderr_has(&format!("[deployments.{api}.handmade] holds no routes"));

    // A stage whose deployment is not in the file.
    std::fs::write(&ws.path, &good).unwrap();
    edit(
        &ws,
        &format!("DeploymentId = \"{id}\"\nLastUpdatedDate"),
        "DeploymentId = \"gone\"\nLastUpdatedDate",
    );
    ws.run(&["get-stages", "--api-id", &api])
        .fails(253)
        .stderr_has("has DeploymentId = \"gone\", which is not in [deployments.");

    // Ids agree with their keys.
    std::fs::write(&ws.path, &good).unwrap();
    edit(
        &ws,
        &format!("DeploymentId = \"{id}\"\nDeploymentStatus"),
        "DeploymentId = \"other\"\nDeploymentStatus",
    );
    ws.run(&["get-apis"])
        .fails(253)
        .stderr_has("has DeploymentId = \"other\"; the two must be the same");
}
