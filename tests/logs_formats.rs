//! The control-plane rules of access log formats beyond those of
//! tests/cli_data_plane_rules.rs: every variable of HTTP APIs accepted
//! (those taking a property too), unknown ones named inside a JSON format,
//! and a hand-edited workspace naming one refused when it is loaded, with
//! the file left as it was.

#[path = "common/cli.rs"]
mod cli;

use apigw::rules::access_log::VARIABLES;
use cli::{Ws, read};

const GROUP: &str = "arn:aws:logs:us-east-2:123456789012:log-group:/aws/apigw/demo";

fn settings(format: &str) -> String {
    serde_json::json!({"DestinationArn": GROUP, "Format": format}).to_string()
}

fn create_stage(ws: &Ws, api: &str, format: &str) -> cli::Outcome {
    ws.run(&[
        "create-stage",
        "--api-id",
        api,
        "--stage-name",
        "prod",
        "--access-log-settings",
        &settings(format),
    ])
}

#[test]
fn every_variable_of_http_apis_is_accepted_including_those_with_a_property() {
    let ws = Ws::new();
    let api = ws.api("HTTP");
    let format: Vec<String> = VARIABLES
        .iter()
        .map(|v| {
            if v.takes_property {
                format!("$context.{}.sub", v.name)
            } else {
                format!("$context.{}", v.name)
            }
        })
        .collect();
    let format = format.join(" ");
    assert!(format.len() <= 3072, "{}", format.len());
    let out = create_stage(&ws, &api, &format).succeeds();
    assert_eq!(out.json()["AccessLogSettings"]["Format"], format.as_str());
    // A Lambda authorizer's key and a claim, in a JSON format.
    let json = r#"{"id":"$context.requestId","tenant":"$context.authorizer.tenant","email":"$context.authorizer.claims.email","claims":"$context.authorizer.claims"}"#;
    ws.ok(&[
        "update-stage",
        "--api-id",
        &api,
        "--stage-name",
        "prod",
        "--access-log-settings",
        &settings(json),
    ]);
}

#[test]
fn a_json_format_is_refused_naming_only_the_variables_http_apis_lack() {
    let ws = Ws::new();
    let api = ws.api("HTTP");
    let before = read(&ws.path);
    let json = r#"{"id":"$context.requestId","path":"$context.resourcePath","sub":"$context.authorizer.claims.sub","pool":"$context.identity.cognitoIdentityPoolId","trace":"$context.xrayTraceId"}"#;
    create_stage(&ws, &api, json).fails(254).stderr_has(
        "An error occurred (BadRequestException) when calling the CreateStage operation: \
         The following context variables are not supported: \
         [$context.resourcePath, $context.identity.cognitoIdentityPoolId, $context.xrayTraceId]",
    );
    assert_eq!(read(&ws.path), before);
}

#[test]
fn a_hand_edited_format_naming_an_unknown_variable_is_refused_on_load() {
    let ws = Ws::new();
    let api = ws.api("HTTP");
    create_stage(&ws, &api, "$context.requestId $context.status").succeeds();
    let text = String::from_utf8(read(&ws.path)).unwrap();
    let edited = text.replace("$context.status", "$context.resourcePath");
    assert_ne!(text, edited);
    std::fs::write(&ws.path, &edited).unwrap();
    ws.run(&["get-stages", "--api-id", &api])
        .fails(253)
        .stderr_has("The following context variables are not supported: [$context.resourcePath]");
    assert_eq!(String::from_utf8(read(&ws.path)).unwrap(), edited);
}
