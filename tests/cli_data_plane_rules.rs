//! The control-plane rules of what the gateway serves beyond routes (issue
//! 11): CORS on create-api/update-api, route settings and access log
//! settings on create-stage/update-stage, each with its message and exit
//! code, refusals leaving the workspace file byte for byte as it was, and
//! the three deletes (delete-cors-configuration, delete-route-settings,
//! delete-access-log-settings) with their effect on the file.

#[path = "common/cli.rs"]
mod cli;

use cli::{Ws, read};

const LOG_GROUP: &str = "arn:aws:logs:us-east-2:123456789012:log-group:my-log-group";

/// Runs a command that must be refused with `code` and `message`, and
/// checks that the workspace file did not change.
fn refused(ws: &Ws, args: &[&str], code: i32, message: &str) {
    let before = read(&ws.path);
    ws.run(args).fails(code).stderr_has(message);
    assert_eq!(read(&ws.path), before, "{args:?} changed the workspace");
}

fn file_text(ws: &Ws) -> String {
    String::from_utf8(read(&ws.path)).unwrap()
}

fn route(ws: &Ws, api: &str, key: &str) -> String {
    ws.ok(&["create-route", "--api-id", api, "--route-key", key])["RouteId"]
        .as_str()
        .unwrap()
        .to_string()
}

// CORS

#[test]
fn cors_credentials_with_any_origin_are_refused_on_create_and_update() {
    let ws = Ws::new();
    let api = ws.api("HTTP");
    let bad = r#"{"AllowOrigins":["https://app.example.com","*"],"AllowCredentials":true}"#;
    let msg = "An error occurred (BadRequestException) when calling the CreateApi operation: \
               allow-credentials is not supported if 'allow-origin' is *";
    refused(
        &ws,
        &[
            "create-api",
            "--name",
            "n",
            "--protocol-type",
            "HTTP",
            "--cors-configuration",
            bad,
        ],
        254,
        msg,
    );
    refused(
        &ws,
        &["update-api", "--api-id", &api, "--cors-configuration", bad],
        254,
        "(BadRequestException) when calling the UpdateApi operation: allow-credentials is not supported if 'allow-origin' is *",
    );
    // Credentials with named origins, or any origin without credentials, are fine.
    let ok = ws.ok(&[
        "update-api",
        "--api-id",
        &api,
        "--cors-configuration",
        r#"{"AllowOrigins":["https://app.example.com"],"AllowCredentials":true}"#,
    ]);
    assert_eq!(ok["CorsConfiguration"]["AllowCredentials"], true);
    ws.ok(&[
        "update-api",
        "--api-id",
        &api,
        "--cors-configuration",
        r#"{"AllowOrigins":["*"]}"#,
    ]);
}

#[test]
fn cors_max_age_must_be_between_minus_one_and_a_day() {
    let ws = Ws::new();
    let api = ws.api("HTTP");
    refused(
        &ws,
        &[
            "update-api",
            "--api-id",
            &api,
            "--cors-configuration",
            "MaxAge=86401",
        ],
        254,
        "(BadRequestException) when calling the UpdateApi operation: Invalid MaxAge specified: 86401. Must be between -1 and 86400",
    );
    // Below the model's minimum the AWS CLI itself refuses, before sending.
    refused(
        &ws,
        &[
            "update-api",
            "--api-id",
            &api,
            "--cors-configuration",
            "MaxAge=-2",
        ],
        252,
        "Invalid value for parameter CorsConfiguration.MaxAge, value: -2, valid min value: -1",
    );
    for ok in ["-1", "0", "86400"] {
        let out = ws.ok(&[
            "update-api",
            "--api-id",
            &api,
            "--cors-configuration",
            &format!("MaxAge={ok}"),
        ]);
        assert_eq!(out["CorsConfiguration"]["MaxAge"].to_string(), ok);
    }
}

#[test]
fn cors_origins_must_be_what_a_browser_sends() {
    let ws = Ws::new();
    let api = ws.api("HTTP");
    for bad in [
        "https://app.example.com/",
        "app.example.com",
        "https://*.example.com",
    ] {
        refused(
            &ws,
            &[
                "update-api",
                "--api-id",
                &api,
                "--cors-configuration",
                &format!(r#"{{"AllowOrigins":["{bad}"]}}"#),
            ],
            254,
            &format!(
                "(BadRequestException) when calling the UpdateApi operation: Invalid origin specified: {bad}."
            ),
        );
    }
    let out = ws.ok(&[
        "update-api",
        "--api-id",
        &api,
        "--cors-configuration",
        r#"{"AllowOrigins":["https://*","http://localhost:3000","https://app.example.com"]}"#,
    ]);
    assert_eq!(
        out["CorsConfiguration"]["AllowOrigins"][1],
        "http://localhost:3000"
    );
}

#[test]
fn delete_cors_configuration_removes_it_from_the_file_and_prints_nothing() {
    let ws = Ws::new();
    let api = ws.api("HTTP");
    ws.ok(&[
        "update-api",
        "--api-id",
        &api,
        "--cors-configuration",
        r#"{"AllowOrigins":["https://app.example.com"],"MaxAge":300}"#,
    ]);
    assert!(file_text(&ws).contains("https://app.example.com"));
    let out = ws
        .run(&["delete-cors-configuration", "--api-id", &api])
        .succeeds();
    assert_eq!(out.stdout, "");
    assert!(!file_text(&ws).contains("https://app.example.com"));
    assert!(
        ws.ok(&["get-api", "--api-id", &api])
            .get("CorsConfiguration")
            .is_none()
    );
    // Again: nothing to remove, still fine.
    ws.run(&["delete-cors-configuration", "--api-id", &api])
        .succeeds();
    refused(
        &ws,
        &["delete-cors-configuration", "--api-id", "nosuchapi0"],
        254,
        "(NotFoundException) when calling the DeleteCorsConfiguration operation: Invalid API identifier specified",
    );
}

// Route settings

#[test]
fn route_settings_for_a_route_key_the_api_lacks_are_refused() {
    let ws = Ws::new();
    let api = ws.api("HTTP");
    route(&ws, &api, "GET /pets");
    refused(
        &ws,
        &[
            "create-stage",
            "--api-id",
            &api,
            "--stage-name",
            "dev",
            "--route-settings",
            r#"{"GET /pets":{"ThrottlingBurstLimit":5},"POST /pets":{"ThrottlingBurstLimit":5}}"#,
        ],
        254,
        "An error occurred (NotFoundException) when calling the CreateStage operation: \
         Unable to find Route by key POST /pets within the provided RouteSettings",
    );
    ws.ok(&["create-stage", "--api-id", &api, "--stage-name", "dev"]);
    refused(
        &ws,
        &[
            "update-stage",
            "--api-id",
            &api,
            "--stage-name",
            "dev",
            "--route-settings",
            r#"{"ANY /pets":{"ThrottlingRateLimit":1}}"#,
        ],
        254,
        "(NotFoundException) when calling the UpdateStage operation: Unable to find Route by key ANY /pets within the provided RouteSettings",
    );
    let out = ws.ok(&[
        "update-stage",
        "--api-id",
        &api,
        "--stage-name",
        "dev",
        "--route-settings",
        r#"{"GET /pets":{"ThrottlingBurstLimit":5,"ThrottlingRateLimit":2.5}}"#,
    ]);
    assert_eq!(
        out["RouteSettings"]["GET /pets"]["ThrottlingRateLimit"],
        2.5
    );
}

#[test]
fn settings_left_by_a_deleted_route_block_updates_until_deleted() {
    let ws = Ws::new();
    let api = ws.api("HTTP");
    let old = route(&ws, &api, "GET /old");
    route(&ws, &api, "GET /new");
    ws.ok(&[
        "create-stage",
        "--api-id",
        &api,
        "--stage-name",
        "dev",
        "--route-settings",
        r#"{"GET /old":{"ThrottlingBurstLimit":1}}"#,
    ]);
    ws.ok(&["delete-route", "--api-id", &api, "--route-id", &old]);
    // The service checks the merged map: the stale key refuses any update.
    refused(
        &ws,
        &[
            "update-stage",
            "--api-id",
            &api,
            "--stage-name",
            "dev",
            "--route-settings",
            r#"{"GET /new":{"ThrottlingBurstLimit":1}}"#,
        ],
        254,
        "Unable to find Route by key GET /old within the provided RouteSettings",
    );
    let out = ws
        .run(&[
            "delete-route-settings",
            "--api-id",
            &api,
            "--stage-name",
            "dev",
            "--route-key",
            "GET /old",
        ])
        .succeeds();
    assert_eq!(out.stdout, "");
    assert!(!file_text(&ws).contains("GET /old"));
    ws.ok(&[
        "update-stage",
        "--api-id",
        &api,
        "--stage-name",
        "dev",
        "--route-settings",
        r#"{"GET /new":{"ThrottlingBurstLimit":1}}"#,
    ]);
}

#[test]
fn delete_route_settings_removes_one_key_and_refuses_an_absent_one() {
    let ws = Ws::new();
    let api = ws.api("HTTP");
    route(&ws, &api, "GET /pets");
    route(&ws, &api, "$default");
    ws.ok(&[
        "create-stage",
        "--api-id",
        &api,
        "--stage-name",
        "dev",
        "--route-settings",
        r#"{"GET /pets":{"ThrottlingBurstLimit":7},"$default":{"ThrottlingBurstLimit":9}}"#,
    ]);
    ws.run(&[
        "delete-route-settings",
        "--api-id",
        &api,
        "--stage-name",
        "dev",
        "--route-key",
        "GET /pets",
    ])
    .succeeds();
    let stage = ws.ok(&["get-stage", "--api-id", &api, "--stage-name", "dev"]);
    let settings = stage["RouteSettings"].as_object().unwrap();
    assert_eq!(settings.keys().collect::<Vec<_>>(), ["$default"]);
    assert!(
        !file_text(&ws).contains("ThrottlingBurstLimit = 7")
            && file_text(&ws).contains("ThrottlingBurstLimit = 9"),
        "{}",
        file_text(&ws)
    );
    refused(
        &ws,
        &[
            "delete-route-settings",
            "--api-id",
            &api,
            "--stage-name",
            "dev",
            "--route-key",
            "GET /pets",
        ],
        254,
        "(NotFoundException) when calling the DeleteRouteSettings operation: Unable to find RouteSettings by key GET /pets in stage dev",
    );
    refused(
        &ws,
        &[
            "delete-route-settings",
            "--api-id",
            &api,
            "--stage-name",
            "prod",
            "--route-key",
            "$default",
        ],
        254,
        "(NotFoundException) when calling the DeleteRouteSettings operation: Invalid stage identifier specified prod",
    );
}

#[test]
fn throttling_limits_must_not_be_negative() {
    let ws = Ws::new();
    let api = ws.api("HTTP");
    refused(
        &ws,
        &[
            "create-stage",
            "--api-id",
            &api,
            "--stage-name",
            "dev",
            "--default-route-settings",
            "ThrottlingBurstLimit=-1",
        ],
        254,
        "(BadRequestException) when calling the CreateStage operation: Throttling limits must not be negative: ThrottlingBurstLimit is -1",
    );
    ws.ok(&["create-stage", "--api-id", &api, "--stage-name", "dev"]);
    refused(
        &ws,
        &[
            "update-stage",
            "--api-id",
            &api,
            "--stage-name",
            "dev",
            "--default-route-settings",
            "ThrottlingRateLimit=-0.5",
        ],
        254,
        "(BadRequestException) when calling the UpdateStage operation: Throttling limits must not be negative: ThrottlingRateLimit is -0.5",
    );
    // 0 is a limit (it throttles everything), not an error.
    let out = ws.ok(&[
        "update-stage",
        "--api-id",
        &api,
        "--stage-name",
        "dev",
        "--default-route-settings",
        "ThrottlingBurstLimit=0,ThrottlingRateLimit=0",
    ]);
    assert_eq!(out["DefaultRouteSettings"]["ThrottlingBurstLimit"], 0);
}

#[test]
fn logging_levels_must_be_error_info_or_off() {
    let ws = Ws::new();
    let api = ws.api("HTTP");
    refused(
        &ws,
        &[
            "create-stage",
            "--api-id",
            &api,
            "--stage-name",
            "dev",
            "--default-route-settings",
            "LoggingLevel=DEBUG",
        ],
        254,
        "(BadRequestException) when calling the CreateStage operation: Invalid logging level specified: DEBUG. Must be one of [ERROR, INFO, OFF]",
    );
    let out = ws.ok(&[
        "create-stage",
        "--api-id",
        &api,
        "--stage-name",
        "dev",
        "--default-route-settings",
        "LoggingLevel=INFO",
    ]);
    assert_eq!(out["DefaultRouteSettings"]["LoggingLevel"], "INFO");
}

// Access logs

fn access_log(format: &str) -> String {
    serde_json::json!({"DestinationArn": LOG_GROUP, "Format": format}).to_string()
}

#[test]
fn access_log_formats_with_variables_http_apis_lack_are_refused_naming_them() {
    let ws = Ws::new();
    let api = ws.api("HTTP");
    let bad =
        access_log("$context.requestId $context.resourcePath $context.identity.cognitoIdentityId");
    refused(
        &ws,
        &[
            "create-stage",
            "--api-id",
            &api,
            "--stage-name",
            "dev",
            "--access-log-settings",
            &bad,
        ],
        254,
        "An error occurred (BadRequestException) when calling the CreateStage operation: \
         The following context variables are not supported: [$context.resourcePath, $context.identity.cognitoIdentityId]",
    );
    let clf = access_log(
        "$context.identity.sourceIp - - [$context.requestTime] \"$context.httpMethod $context.routeKey $context.protocol\" $context.status $context.responseLength $context.requestId $context.authorizer.claims.sub",
    );
    ws.ok(&[
        "create-stage",
        "--api-id",
        &api,
        "--stage-name",
        "dev",
        "--access-log-settings",
        &clf,
    ]);
    refused(
        &ws,
        &[
            "update-stage",
            "--api-id",
            &api,
            "--stage-name",
            "dev",
            "--access-log-settings",
            &access_log("$context.requestId $context.xrayTraceId"),
        ],
        254,
        "(BadRequestException) when calling the UpdateStage operation: The following context variables are not supported: [$context.xrayTraceId]",
    );
}

#[test]
fn access_log_formats_need_a_request_id_one_line_and_at_most_3_kb() {
    let ws = Ws::new();
    let api = ws.api("HTTP");
    ws.ok(&["create-stage", "--api-id", &api, "--stage-name", "dev"]);
    let update = |settings: &str, message: &str| {
        refused(
            &ws,
            &[
                "update-stage",
                "--api-id",
                &api,
                "--stage-name",
                "dev",
                "--access-log-settings",
                settings,
            ],
            254,
            message,
        )
    };
    update(
        &access_log("$context.status"),
        "Access Log format must include either $context.requestId or $context.extendedRequestId",
    );
    update(
        &access_log("$context.requestId\n$context.status"),
        "Access Log format must be single line",
    );
    update(
        &access_log(&format!("$context.requestId {}", "x".repeat(3072))),
        "Access Log format is 3091 bytes long; it must be at most 3072 bytes (3 KB)",
    );
    ws.ok(&[
        "update-stage",
        "--api-id",
        &api,
        "--stage-name",
        "dev",
        "--access-log-settings",
        &access_log(&format!(
            "$context.extendedRequestId {}",
            "x".repeat(3072 - 27)
        )),
    ]);
}

#[test]
fn access_log_destinations_must_be_log_groups() {
    let ws = Ws::new();
    let api = ws.api("HTTP");
    for bad in [
        "my-log-group",
        "arn:aws:s3:::my-bucket",
        "arn:aws:firehose:us-east-2:123456789012:deliverystream/amazon-apigateway-logs",
    ] {
        let settings =
            serde_json::json!({"DestinationArn": bad, "Format": "$context.requestId"}).to_string();
        refused(
            &ws,
            &[
                "create-stage",
                "--api-id",
                &api,
                "--stage-name",
                "dev",
                "--access-log-settings",
                &settings,
            ],
            254,
            &format!(
                "(BadRequestException) when calling the CreateStage operation: Invalid destination ARN specified: {bad}."
            ),
        );
    }
    let star = serde_json::json!({
        "DestinationArn": "arn:aws:logs:us-east-2:123456789012:log-group:/aws/apigateway/demo:*",
        "Format": "$context.requestId",
    })
    .to_string();
    ws.ok(&[
        "create-stage",
        "--api-id",
        &api,
        "--stage-name",
        "dev",
        "--access-log-settings",
        &star,
    ]);
}

#[test]
fn delete_access_log_settings_turns_logging_off_in_the_file() {
    let ws = Ws::new();
    let api = ws.api("HTTP");
    ws.ok(&[
        "create-stage",
        "--api-id",
        &api,
        "--stage-name",
        "dev",
        "--access-log-settings",
        &access_log("$context.requestId $context.status"),
    ]);
    assert!(file_text(&ws).contains(LOG_GROUP));
    let out = ws
        .run(&[
            "delete-access-log-settings",
            "--api-id",
            &api,
            "--stage-name",
            "dev",
        ])
        .succeeds();
    assert_eq!(out.stdout, "");
    assert!(!file_text(&ws).contains(LOG_GROUP));
    let stage = ws.ok(&["get-stage", "--api-id", &api, "--stage-name", "dev"]);
    assert!(stage.get("AccessLogSettings").is_none());
    refused(
        &ws,
        &[
            "delete-access-log-settings",
            "--api-id",
            &api,
            "--stage-name",
            "prod",
        ],
        254,
        "(NotFoundException) when calling the DeleteAccessLogSettings operation: Invalid stage identifier specified prod",
    );
}
