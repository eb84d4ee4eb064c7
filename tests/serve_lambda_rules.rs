//! The control-plane rules around Lambda routes and authorizers: what
//! create-authorizer and update-authorizer refuse for `REQUEST`
//! authorizers (with the message and exit code 254), reset-authorizers-cache,
//! and a bad `--lambda-endpoint-url` (252).

#[path = "common/cli.rs"]
mod cli;

use cli::Ws;

const FN: &str = "arn:aws:lambda:us-east-2:123456789012:function:auth";

fn request_authorizer(ws: &Ws, api: &str, extra: &[&str]) -> cli::Outcome {
    let mut args = vec![
        "create-authorizer",
        "--api-id",
        api,
        "--name",
        "a",
        "--authorizer-type",
        "REQUEST",
        "--authorizer-uri",
        FN,
    ];
    args.extend(extra);
    ws.run(&args)
}

#[test]
fn request_authorizers_are_checked_as_the_service_checks_them() {
    let ws = Ws::new();
    let api = ws.api("HTTP");
    request_authorizer(&ws, &api, &["--identity-source", "$request.header.x"])
        .fails(254)
        .stderr_has(
            "AuthorizerPayloadFormatVersion is a required parameter for REQUEST authorizer",
        );
    request_authorizer(
        &ws,
        &api,
        &[
            "--authorizer-payload-format-version",
            "3.0",
            "--identity-source",
            "$request.header.x",
        ],
    )
    .fails(254)
    .stderr_has("must be 1.0 or 2.0");
    request_authorizer(
        &ws,
        &api,
        &[
            "--authorizer-payload-format-version",
            "1.0",
            "--enable-simple-responses",
            "--identity-source",
            "$request.header.x",
        ],
    )
    .fails(254)
    .stderr_has("EnableSimpleResponses can be set only for AuthorizerPayloadFormatVersion 2.0");
    request_authorizer(
        &ws,
        &api,
        &[
            "--authorizer-payload-format-version",
            "2.0",
            "--authorizer-result-ttl-in-seconds",
            "300",
            // The CLI requires --identity-source; an empty list can only come as JSON.
            "--cli-input-json",
            r#"{"IdentitySource":[]}"#,
        ],
    )
    .fails(254)
    .stderr_has("Identity source must be set if authorizer caching is enabled");
    request_authorizer(
        &ws,
        &api,
        &[
            "--authorizer-payload-format-version",
            "2.0",
            "--identity-source",
            "$context.",
        ],
    )
    .fails(254)
    .stderr_has("Invalid identity source specified: $context.");
    request_authorizer(
        &ws,
        &api,
        &[
            "--authorizer-payload-format-version",
            "2.0",
            "--identity-source",
            "$request.header.x",
            "--authorizer-result-ttl-in-seconds",
            "3601",
        ],
    )
    .fails(254)
    .stderr_has("AuthorizerResultTtlInSeconds must be between 0 and 3600");
    ws.run(&[
        "create-authorizer",
        "--api-id",
        &api,
        "--name",
        "j",
        "--authorizer-type",
        "JWT",
        "--identity-source",
        "$request.header.Authorization",
        "--enable-simple-responses",
        "--jwt-configuration",
        "Audience=a,Issuer=https://issuer.example.com",
    ])
    .fails(254)
    .stderr_has("EnableSimpleResponses applies only to REQUEST authorizers");

    // Without identity sources and without caching is allowed.
    let a = request_authorizer(
        &ws,
        &api,
        &[
            "--authorizer-payload-format-version",
            "2.0",
            "--authorizer-result-ttl-in-seconds",
            "0",
            "--cli-input-json",
            r#"{"IdentitySource":[]}"#,
        ],
    )
    .succeeds()
    .json();
    let id = a["AuthorizerId"].as_str().unwrap().to_string();
    let ok = request_authorizer(
        &ws,
        &api,
        &[
            "--authorizer-payload-format-version",
            "2.0",
            "--enable-simple-responses",
            "--identity-source",
            "$request.header.x",
            "$context.identity.sourceIp",
            "$stageVariables.tenant",
            "--authorizer-result-ttl-in-seconds",
            "60",
        ],
    )
    .succeeds()
    .json();
    assert_eq!(ok["EnableSimpleResponses"], true);
    assert_eq!(ok["IdentitySource"].as_array().unwrap().len(), 3);

    // Updates are held to the same rules, on the merged authorizer.
    ws.run(&[
        "update-authorizer",
        "--api-id",
        &api,
        "--authorizer-id",
        &id,
        "--authorizer-result-ttl-in-seconds",
        "30",
    ])
    .fails(254)
    .stderr_has("Identity source must be set if authorizer caching is enabled");
    let ok_id = ok["AuthorizerId"].as_str().unwrap();
    ws.run(&[
        "update-authorizer",
        "--api-id",
        &api,
        "--authorizer-id",
        ok_id,
        "--authorizer-payload-format-version",
        "1.0",
    ])
    .fails(254)
    .stderr_has("EnableSimpleResponses can be set only for AuthorizerPayloadFormatVersion 2.0");
}

#[test]
fn reset_authorizers_cache_needs_an_existing_stage() {
    let ws = Ws::new();
    let api = ws.api("HTTP");
    ws.run(&[
        "reset-authorizers-cache",
        "--api-id",
        &api,
        "--stage-name",
        "dev",
    ])
    .fails(254)
    .stderr_has("NotFoundException")
    .stderr_has("ResetAuthorizersCache");
    ws.run(&[
        "reset-authorizers-cache",
        "--api-id",
        "nosuchapi0",
        "--stage-name",
        "dev",
    ])
    .fails(254)
    .stderr_has("Invalid API identifier specified");
    ws.run(&["reset-authorizers-cache", "--api-id", &api])
        .fails(2)
        .stderr_has("--stage-name");
    ws.ok(&["create-stage", "--api-id", &api, "--stage-name", "dev"]);
    let out = ws
        .run(&[
            "reset-authorizers-cache",
            "--api-id",
            &api,
            "--stage-name",
            "dev",
        ])
        .succeeds();
    assert_eq!(out.stdout.trim(), "", "it prints nothing");
    assert!(
        ws.dir()
            .join(".apigw/apigw.toml.authorizer-cache-resets.json")
            .exists()
    );
    let ws_text = String::from_utf8(cli::read(&ws.path)).unwrap();
    assert!(
        !ws_text.contains("reset"),
        "the workspace file is not changed"
    );
}

#[test]
fn serve_refuses_a_lambda_endpoint_it_cannot_use() {
    let ws = Ws::new();
    let api = ws.api("HTTP");
    ws.ok(&["create-stage", "--api-id", &api, "--stage-name", "$default"]);
    for url in ["https://lambda.example.com", "ftp://x", "http://"] {
        ws.run(&[
            "serve",
            "--listen",
            "127.0.0.1:0",
            "--lambda-endpoint-url",
            url,
        ])
        .fails(252)
        .stderr_has("--lambda-endpoint-url");
    }
}
