//! The seed page's commands and the other create, get, update and delete
//! commands, answered as the AWS CLI answers them.

#[path = "common/cli.rs"]
mod cli;

use cli::*;
use serde_json::json;

#[test]
fn seed_page_commands_print_what_the_aws_cli_prints() {
    let ws = Ws::new();
    let api = ws.api("HTTP");
    let link = ws.vpc_link();
    let elb = ws.ok(&[
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
        "--payload-format-version",
        "1.0",
    ]);
    let id = elb["IntegrationId"].as_str().unwrap();
    assert_eq!(id.len(), 7);
    assert!(
        id.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    );
    let expected = format!(
        "{{\n    \"ConnectionId\": \"{link}\",\n    \"ConnectionType\": \"VPC_LINK\",\n    \"IntegrationId\": \"{id}\",\n    \
         \"IntegrationMethod\": \"GET\",\n    \"IntegrationType\": \"HTTP_PROXY\",\n    \"IntegrationUri\": \"{LISTENER}\",\n    \
         \"PayloadFormatVersion\": \"1.0\",\n    \"TimeoutInMillis\": 30000\n}}\n"
    );
    assert_eq!(
        ws.text(&["get-integration", "--api-id", &api, "--integration-id", id]),
        expected
    );

    let map = ws.ok(&[
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
        CLOUD_MAP,
        "--payload-format-version",
        "1.0",
    ]);
    assert_eq!(
        without(map, "IntegrationId"),
        json!({
            "ConnectionId": link, "ConnectionType": "VPC_LINK", "IntegrationMethod": "GET",
            "IntegrationType": "HTTP_PROXY", "IntegrationUri": CLOUD_MAP,
            "PayloadFormatVersion": "1.0", "TimeoutInMillis": 30000
        })
    );
}

#[test]
fn lambda_example_matches_the_documented_output() {
    let ws = Ws::new();
    let api = ws.api("HTTP");
    let out = ws.ok(&[
        "create-integration",
        "--api-id",
        &api,
        "--integration-type",
        "AWS_PROXY",
        "--integration-uri",
        "arn:aws:lambda:us-west-2:123456789012:function:my-function",
        "--payload-format-version",
        "2.0",
    ]);
    let keys: Vec<&String> = out.as_object().unwrap().keys().collect();
    assert_eq!(
        keys,
        [
            "ConnectionType",
            "IntegrationId",
            "IntegrationMethod",
            "IntegrationType",
            "IntegrationUri",
            "PayloadFormatVersion",
            "TimeoutInMillis"
        ]
    );
    assert_eq!(out["IntegrationMethod"], "POST");
    assert_eq!(out["ConnectionType"], "INTERNET");
    assert_eq!(out["TimeoutInMillis"], 30000);
}

#[test]
fn api_vpc_link_route_and_stage_answers() {
    let ws = Ws::new();
    let api = ws.ok(&["create-api", "--name", "pets", "--protocol-type", "HTTP"]);
    let id = api["ApiId"].as_str().unwrap();
    assert_eq!(id.len(), 10);
    assert_eq!(
        api["ApiEndpoint"],
        format!("https://{id}.execute-api.us-east-2.amazonaws.com")
    );
    assert_eq!(
        api["RouteSelectionExpression"],
        "$request.method $request.path"
    );
    assert_eq!(
        api["ApiKeySelectionExpression"],
        "$request.header.x-api-key"
    );
    assert_eq!(api["DisableExecuteApiEndpoint"], false);
    assert!(api["CreatedDate"].as_str().unwrap().ends_with("+00:00"));

    let link = ws.ok(&[
        "create-vpc-link",
        "--name",
        "l",
        "--subnet-ids",
        "subnet-0a",
        "subnet-0b",
        "--security-group-ids",
        "sg-01",
    ]);
    assert_eq!(link["VpcLinkStatus"], "PENDING");
    assert_eq!(
        link["VpcLinkStatusMessage"],
        "VPC link is provisioning ENIs"
    );
    assert_eq!(link["VpcLinkVersion"], "V2");
    let got = ws.ok(&[
        "get-vpc-link",
        "--vpc-link-id",
        link["VpcLinkId"].as_str().unwrap(),
    ]);
    assert_eq!(got["VpcLinkStatus"], "AVAILABLE");
    assert_eq!(got["SubnetIds"], json!(["subnet-0a", "subnet-0b"]));

    let integ = ws.ok(&[
        "create-integration",
        "--api-id",
        id,
        "--integration-type",
        "HTTP_PROXY",
        "--integration-method",
        "ANY",
        "--integration-uri",
        "https://example.com/{proxy}",
    ]);
    let target = format!("integrations/{}", integ["IntegrationId"].as_str().unwrap());
    let route = ws.ok(&[
        "create-route",
        "--api-id",
        id,
        "--route-key",
        "GET /pets/{id}",
        "--target",
        &target,
    ]);
    assert_eq!(
        without(route, "RouteId"),
        json!({"ApiKeyRequired": false, "AuthorizationType": "NONE", "RouteKey": "GET /pets/{id}", "Target": target})
    );
    let stage = ws.ok(&[
        "create-stage",
        "--api-id",
        id,
        "--stage-name",
        "dev",
        "--auto-deploy",
        "--stage-variables",
        "color=blue",
    ]);
    assert_eq!(stage["AutoDeploy"], true);
    assert_eq!(stage["RouteSettings"], json!({}));
    assert_eq!(stage["StageVariables"], json!({"color": "blue"}));
    assert_eq!(
        stage["DefaultRouteSettings"],
        json!({"DetailedMetricsEnabled": false})
    );
    assert!(stage["LastUpdatedDate"].is_string());
}

#[test]
fn quick_create_makes_integration_route_and_default_stage() {
    let ws = Ws::new();
    let api = ws.ok(&[
        "create-api",
        "--name",
        "q",
        "--protocol-type",
        "HTTP",
        "--target",
        "https://example.com",
    ]);
    let id = api["ApiId"].as_str().unwrap();
    let routes = ws.ok(&["get-routes", "--api-id", id]);
    assert_eq!(routes["Items"][0]["RouteKey"], "$default");
    assert_eq!(routes["Items"][0]["ApiGatewayManaged"], true);
    let stages = ws.ok(&["get-stages", "--api-id", id]);
    assert_eq!(stages["Items"][0]["StageName"], "$default");
    assert_eq!(stages["Items"][0]["AutoDeploy"], true);
}

#[test]
fn get_update_delete_round_trips() {
    let ws = Ws::new();
    let api = ws.api("HTTP");
    let link = ws.vpc_link();
    let i = ws.ok(&[
        "create-integration",
        "--api-id",
        &api,
        "--integration-type",
        "HTTP_PROXY",
        "--integration-method",
        "GET",
        "--integration-uri",
        "https://example.com",
        "--request-parameters",
        "append:header.a=b,overwrite:header.c=d",
    ]);
    let iid = i["IntegrationId"].as_str().unwrap();
    let u = ws.ok(&[
        "update-integration",
        "--api-id",
        &api,
        "--integration-id",
        iid,
        "--timeout-in-millis",
        "5000",
        "--request-parameters",
        "append:header.a=\"\"",
    ]);
    assert_eq!(u["TimeoutInMillis"], 5000);
    assert_eq!(u["RequestParameters"], json!({"overwrite:header.c": "d"}));
    let u = ws.ok(&[
        "update-integration",
        "--api-id",
        &api,
        "--integration-id",
        iid,
        "--connection-type",
        "VPC_LINK",
        "--connection-id",
        &link,
        "--integration-uri",
        LISTENER,
    ]);
    assert_eq!(u["ConnectionType"], "VPC_LINK");
    let err = ws.fails(
        &[
            "update-integration",
            "--api-id",
            &api,
            "--integration-id",
            iid,
            "--integration-uri",
            "https://example.com",
        ],
        254,
    );
    assert!(err.contains("For VpcLink VPC_LINK"), "{err}");
    assert_eq!(
        ws.ok(&["get-integration", "--api-id", &api, "--integration-id", iid]),
        u
    );

    let r = ws.ok(&[
        "create-route",
        "--api-id",
        &api,
        "--route-key",
        "ANY /{proxy+}",
        "--target",
        &format!("integrations/{iid}"),
    ]);
    let rid = r["RouteId"].as_str().unwrap();
    let r2 = ws.ok(&[
        "update-route",
        "--api-id",
        &api,
        "--route-id",
        rid,
        "--route-key",
        "GET /items",
    ]);
    assert_eq!(r2["RouteKey"], "GET /items");
    let err = ws.fails(
        &[
            "create-route",
            "--api-id",
            &api,
            "--route-key",
            "GET /items",
        ],
        254,
    );
    assert!(err.contains("ConflictException"), "{err}");
    let err = ws.fails(
        &[
            "delete-integration",
            "--api-id",
            &api,
            "--integration-id",
            iid,
        ],
        254,
    );
    assert!(err.contains("ConflictException"), "{err}");
    let err = ws.fails(&["delete-vpc-link", "--vpc-link-id", &link], 254);
    assert!(err.contains("ConflictException"), "{err}");
    ws.fails(
        &["create-route", "--api-id", &api, "--route-key", "GET items"],
        254,
    );
    ws.fails(
        &[
            "create-route",
            "--api-id",
            &api,
            "--route-key",
            "GET /a",
            "--target",
            "integrations/nope123",
        ],
        254,
    );

    ws.ok(&["create-stage", "--api-id", &api, "--stage-name", "test"]);
    let st = ws.ok(&[
        "update-stage",
        "--api-id",
        &api,
        "--stage-name",
        "test",
        "--stage-variables",
        "a=1",
        "--description",
        "d",
    ]);
    assert_eq!(st["StageVariables"], json!({"a": "1"}));
    ws.fails(
        &["create-stage", "--api-id", &api, "--stage-name", "test"],
        254,
    );
    ws.fails(
        &["create-stage", "--api-id", &api, "--stage-name", "bad name"],
        254,
    );

    let renamed = ws.ok(&[
        "update-vpc-link",
        "--vpc-link-id",
        &link,
        "--name",
        "renamed",
    ]);
    assert_eq!(renamed["Name"], "renamed");
    let a = ws.ok(&[
        "update-api",
        "--api-id",
        &api,
        "--name",
        "renamed",
        "--description",
        "desc",
    ]);
    assert_eq!(a["Name"], "renamed");

    for args in [
        vec!["delete-route", "--api-id", &api, "--route-id", rid],
        vec![
            "delete-integration",
            "--api-id",
            &api,
            "--integration-id",
            iid,
        ],
        vec!["delete-stage", "--api-id", &api, "--stage-name", "test"],
        vec!["delete-vpc-link", "--vpc-link-id", &link],
    ] {
        assert_eq!(ws.text(&args), "", "delete commands print nothing");
    }
    ws.fails(
        &["get-integration", "--api-id", &api, "--integration-id", iid],
        254,
    );
    ws.fails(&["get-vpc-link", "--vpc-link-id", &link], 254);
    assert_eq!(ws.text(&["delete-api", "--api-id", &api]), "");
    ws.fails(&["get-api", "--api-id", &api], 254);
}
