//! The service's rules, refused with the service's messages and exit codes.

#[path = "common/cli.rs"]
mod cli;

use cli::*;
use serde_json::json;

/// Each rule of the service: the arguments after `--api-id API`, the exit
/// code and a part of the message.
#[test]
fn service_rules_refuse_with_the_service_message() {
    let ws = Ws::new();
    let api = ws.api("HTTP");
    let link = ws.vpc_link();
    let lb = "arn:aws:elasticloadbalancing:us-east-2:123456789012:loadbalancer/app/my-load-balancer/50dc6c495c0c9188";
    let other_account = LISTENER.replace("123456789012", "210987654321");
    let other_region = LISTENER.replace("us-east-2", "eu-west-1");
    let vpc = |uri: &str| -> Vec<String> {
        [
            "--integration-type",
            "HTTP_PROXY",
            "--integration-method",
            "GET",
            "--connection-type",
            "VPC_LINK",
            "--connection-id",
            &link,
            "--integration-uri",
            uri,
        ]
        .iter()
        .map(|s| s.to_string())
        .collect()
    };
    let s = |v: &[&str]| -> Vec<String> { v.iter().map(|s| s.to_string()).collect() };
    let cases: Vec<(Vec<String>, i32, &str)> = vec![
        (
            s(&[
                "--integration-type",
                "HTTP",
                "--integration-uri",
                "https://x.example",
            ]),
            254,
            "An error occurred (BadRequestException) when calling the CreateIntegration operation: Currently, an API with a protocol type of HTTP may only be associated with proxy integrations (AWS_PROXY, HTTP_PROXY)",
        ),
        (
            s(&["--integration-type", "MOCK"]),
            254,
            "may only be associated with proxy integrations",
        ),
        (
            vpc(lb),
            254,
            "For VpcLink VPC_LINK, integration uri should be a valid ELB listener ARN or a valid Cloud Map service ARN.",
        ),
        (
            vpc("https://internal.example.com"),
            254,
            "For VpcLink VPC_LINK, integration uri should be a valid ELB listener ARN or a valid Cloud Map service ARN.",
        ),
        (
            vpc("arn:aws:lambda:us-east-2:123456789012:function:f"),
            254,
            "should be a valid ELB listener ARN",
        ),
        (
            vpc(&other_account),
            254,
            "must all be owned by account 123456789012",
        ),
        (vpc(&other_region), 254, "is in region eu-west-1"),
        (
            s(&[
                "--integration-type",
                "HTTP_PROXY",
                "--integration-method",
                "GET",
                "--connection-type",
                "VPC_LINK",
                "--integration-uri",
                LISTENER,
            ]),
            254,
            "ConnectionId must be set to vpcLinkId for ConnectionType VPC_LINK",
        ),
        (
            s(&[
                "--integration-type",
                "HTTP_PROXY",
                "--integration-method",
                "GET",
                "--connection-type",
                "VPC_LINK",
                "--connection-id",
                "nope123",
                "--integration-uri",
                LISTENER,
            ]),
            254,
            "An error occurred (NotFoundException) when calling the CreateIntegration operation: Invalid VpcLink identifier specified nope123",
        ),
        (
            s(&[
                "--integration-type",
                "HTTP_PROXY",
                "--integration-method",
                "GET",
                "--integration-uri",
                "example.com/path",
            ]),
            254,
            "absolute http:// or https:// URL",
        ),
        (
            s(&[
                "--integration-type",
                "HTTP_PROXY",
                "--integration-uri",
                "https://example.com",
            ]),
            254,
            "IntegrationMethod must be specified",
        ),
        (
            s(&[
                "--integration-type",
                "AWS_PROXY",
                "--integration-method",
                "GET",
                "--integration-uri",
                "arn:aws:lambda:us-east-2:123456789012:function:f",
                "--payload-format-version",
                "2.0",
            ]),
            254,
            "HttpMethod must be POST for AWS_PROXY IntegrationType",
        ),
        (
            s(&[
                "--integration-type",
                "AWS_PROXY",
                "--integration-uri",
                "https://example.com",
                "--payload-format-version",
                "2.0",
            ]),
            254,
            "needs a Lambda function ARN",
        ),
        (
            s(&[
                "--integration-type",
                "AWS_PROXY",
                "--integration-subtype",
                "SQS-SendMessage",
            ]),
            254,
            "CredentialsArn must be specified",
        ),
        (
            s(&[
                "--integration-type",
                "HTTP_PROXY",
                "--integration-method",
                "GET",
                "--integration-uri",
                "https://example.com",
                "--payload-format-version",
                "2.0",
            ]),
            254,
            "PayloadFormatVersion 2.0 is not supported for integration of type HTTP_PROXY",
        ),
        (
            s(&[
                "--integration-type",
                "AWS_PROXY",
                "--integration-uri",
                "arn:aws:lambda:us-east-2:123456789012:function:f",
                "--payload-format-version",
                "3.0",
            ]),
            254,
            "Invalid payload format version specified: 3.0. Must be one of [1.0, 2.0]",
        ),
        (
            s(&[
                "--integration-type",
                "HTTP_PROXY",
                "--integration-method",
                "GET",
                "--integration-uri",
                "https://example.com",
                "--timeout-in-millis",
                "30001",
            ]),
            254,
            "Timeout should be between 50 ms and 30000 ms",
        ),
        (
            s(&[
                "--integration-type",
                "HTTP_PROXY",
                "--integration-method",
                "GET",
                "--integration-uri",
                "https://example.com",
                "--timeout-in-millis",
                "10",
            ]),
            252,
            "Parameter validation failed:\nInvalid value for parameter TimeoutInMillis, value: 10, valid min value: 50",
        ),
        (
            s(&[
                "--integration-type",
                "HTTP_PROXY",
                "--integration-method",
                "GET",
                "--integration-uri",
                "https://example.com",
                "--timeout-in-millis",
                "soon",
            ]),
            252,
            "Error parsing parameter '--timeout-in-millis'",
        ),
        (
            s(&[
                "--integration-type",
                "HTTP_PROXY",
                "--integration-method",
                "GET",
                "--integration-uri",
                "https://example.com",
                "--passthrough-behavior",
                "NEVER",
            ]),
            254,
            "PassthroughBehavior is supported only for WEBSOCKET APIs",
        ),
        (
            s(&[
                "--integration-type",
                "HTTP_PROXY",
                "--integration-method",
                "GET",
                "--integration-uri",
                "https://example.com",
                "--request-templates",
                "application/json=x",
            ]),
            254,
            "RequestTemplates is supported only for WEBSOCKET APIs",
        ),
        (
            s(&[
                "--integration-type",
                "HTTP_PROXY",
                "--integration-method",
                "GET",
                "--integration-uri",
                "https://example.com",
                "--request-parameters",
                "rename:header.a=b",
            ]),
            254,
            "Invalid mapping expression specified: Validation Result: warnings : [], errors : [",
        ),
        (
            s(&[
                "--integration-type",
                "HTTP_PROXY",
                "--integration-method",
                "GET",
                "--integration-uri",
                "https://example.com",
                "--request-parameters",
                "overwrite:header.X-Amz-Date=x",
            ]),
            254,
            "is reserved",
        ),
        (
            s(&[
                "--integration-type",
                "HTTP_PROXY",
                "--integration-method",
                "GET",
                "--integration-uri",
                "https://example.com",
                "--request-parameters",
                "append:path=x",
            ]),
            254,
            "can only be overwritten",
        ),
        (
            s(&[
                "--integration-type",
                "HTTP_PROXY",
                "--integration-method",
                "GET",
                "--integration-uri",
                "https://example.com",
                "--request-parameters",
                "append:header.a=$request.bogus",
            ]),
            254,
            "unknown variable",
        ),
        (
            s(&[
                "--integration-type",
                "HTTP_PROXY",
                "--integration-method",
                "GET",
                "--integration-uri",
                "https://example.com",
                "--response-parameters",
                "199={overwrite:statuscode=204}",
            ]),
            254,
            "Status Code 199 is not valid",
        ),
        (
            s(&[
                "--integration-type",
                "HTTP_PROXY",
                "--integration-method",
                "GET",
                "--integration-uri",
                "https://example.com",
                "--response-parameters",
                "200={append:querystring.a=b}",
            ]),
            254,
            "responses can map header.NAME and statuscode only",
        ),
        (
            s(&[
                "--integration-type",
                "HTTP_PROXY",
                "--integration-method",
                "GET",
                "--integration-uri",
                "https://example.com",
                "--connection-id",
                &link,
            ]),
            254,
            "ConnectionId is only valid for ConnectionType VPC_LINK",
        ),
        (
            s(&["--integration-type", "SOAP"]),
            254,
            "Invalid integration type specified: SOAP. Must be one of [AWS, HTTP, MOCK, HTTP_PROXY, AWS_PROXY]",
        ),
        (
            s(&[
                "--integration-type",
                "HTTP_PROXY",
                "--integration-method",
                "GET",
                "--integration-uri",
                "https://example.com",
                "--tls-config",
                "Foo=x",
            ]),
            252,
            "Parameter validation failed:\nUnknown parameter in TlsConfig: \"Foo\", must be one of: ServerNameToVerify",
        ),
        (
            s(&[
                "--integration-type",
                "HTTP_PROXY",
                "--integration-method",
                "GET",
                "--integration-uri",
                "https://example.com",
                "--request-parameters",
                "append:header.a",
            ]),
            252,
            "Error parsing parameter '--request-parameters': Expected: '=', received: 'EOF' for input:",
        ),
        (
            s(&[
                "--integration-type",
                "HTTP_PROXY",
                "--integration-method",
                "GET",
                "--integration-uri",
                "https://example.com",
                "--request-parameters",
                "{\"a\": ",
            ]),
            252,
            "Error parsing parameter '--request-parameters': Invalid JSON",
        ),
    ];
    let before = read(&ws.path);
    for (args, code, message) in cases {
        let mut full = vec![
            "create-integration".to_string(),
            "--api-id".into(),
            api.clone(),
        ];
        full.extend(args);
        let refs: Vec<&str> = full.iter().map(String::as_str).collect();
        let err = ws.fails(&refs, code);
        assert!(
            err.contains(message),
            "{refs:?}\nexpected: {message}\nstderr: {err}"
        );
    }
    assert_eq!(
        read(&ws.path),
        before,
        "refused requests leave the workspace as it was"
    );
}

#[test]
fn websocket_rules() {
    let ws = Ws::new();
    let api = ws.api("WEBSOCKET");
    let link = ws.vpc_link();
    let err = ws.fails(
        &[
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
        ],
        254,
    );
    assert!(
        err.contains("VpcLink V2 are not supported for WEBSOCKET Apis"),
        "{err}"
    );
    let err = ws.fails(
        &[
            "create-integration",
            "--api-id",
            &api,
            "--integration-type",
            "HTTP",
            "--integration-method",
            "GET",
            "--integration-uri",
            "https://example.com",
            "--timeout-in-millis",
            "29500",
        ],
        254,
    );
    assert!(
        err.contains("Timeout should be between 50 ms and 29000 ms"),
        "{err}"
    );
    let ok = ws.ok(&[
        "create-integration",
        "--api-id",
        &api,
        "--integration-type",
        "MOCK",
        "--request-templates",
        r#"{"application/json": "{\"statusCode\": 200}"}"#,
    ]);
    assert_eq!(ok["TimeoutInMillis"], 29000);
    assert_eq!(ok["PassthroughBehavior"], "WHEN_NO_MATCH");
}

#[test]
fn tls_config_is_kept_only_for_private_integrations() {
    let ws = Ws::new();
    let api = ws.api("HTTP");
    let link = ws.vpc_link();
    let public = ws.ok(&[
        "create-integration",
        "--api-id",
        &api,
        "--integration-type",
        "HTTP_PROXY",
        "--integration-method",
        "GET",
        "--integration-uri",
        "https://example.com",
        "--tls-config",
        "ServerNameToVerify=example.com",
    ]);
    assert!(public.get("TlsConfig").is_none());
    let private = ws.ok(&[
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
        "--tls-config",
        "ServerNameToVerify=api.internal.example.com",
    ]);
    assert_eq!(
        private["TlsConfig"],
        json!({"ServerNameToVerify": "api.internal.example.com"})
    );
}

#[test]
fn unknown_ids_are_not_found() {
    let ws = Ws::new();
    let err = ws.fails(&["get-api", "--api-id", "nope"], 254);
    assert_eq!(
        err.trim(),
        "An error occurred (NotFoundException) when calling the GetApi operation: Invalid API identifier specified 123456789012:nope"
    );
    let api = ws.api("HTTP");
    for (args, thing) in [
        (
            vec![
                "get-integration",
                "--api-id",
                &api,
                "--integration-id",
                "abc1234",
            ],
            "Integration",
        ),
        (
            vec!["get-route", "--api-id", &api, "--route-id", "abc1234"],
            "Route",
        ),
        (
            vec!["delete-route", "--api-id", &api, "--route-id", "abc1234"],
            "Route",
        ),
        (vec!["get-vpc-link", "--vpc-link-id", "abc1234"], "VpcLink"),
        (
            vec![
                "get-authorizer",
                "--api-id",
                &api,
                "--authorizer-id",
                "abc123",
            ],
            "Authorizer",
        ),
    ] {
        let err = ws.fails(&args, 254);
        assert!(
            err.contains(&"(NotFoundException)".to_string())
                && err.contains(&format!("Invalid {thing} identifier specified")),
            "{err}"
        );
    }
    let err = ws.fails(
        &["get-stage", "--api-id", &api, "--stage-name", "prod"],
        254,
    );
    assert!(
        err.contains("Invalid stage identifier specified prod"),
        "{err}"
    );
}

#[test]
fn authorizer_and_jwt_route_rules() {
    let ws = Ws::new();
    let api = ws.api("HTTP");
    let base = [
        "create-authorizer",
        "--api-id",
        &api,
        "--name",
        "jwt",
        "--authorizer-type",
        "JWT",
        "--identity-source",
        "$request.header.Authorization",
    ];
    let err = ws.fails(&base, 254);
    assert!(
        err.contains("JwtConfiguration must not be null for JWT Authorizer"),
        "{err}"
    );
    let err = ws.fails(
        &[
            &base[..],
            &[
                "--jwt-configuration",
                "Audience=a,Issuer=http://idp.example.com",
            ],
        ]
        .concat(),
        254,
    );
    assert!(err.contains("must be an https:// URL"), "{err}");
    let err = ws.fails(
        &[
            &base[..],
            &["--jwt-configuration", "Issuer=https://idp.example.com"],
        ]
        .concat(),
        254,
    );
    assert!(err.contains("at least one audience"), "{err}");
    let err = ws.fails(
        &[
            "create-authorizer",
            "--api-id",
            &api,
            "--name",
            "jwt",
            "--authorizer-type",
            "JWT",
            "--identity-source",
            "Authorization",
            "--jwt-configuration",
            "Audience=a,Issuer=https://idp.example.com",
        ],
        254,
    );
    assert!(err.contains("Invalid identity source specified"), "{err}");
    let local = ws.ok(&[
        &base[..],
        &[
            "--jwt-configuration",
            "Audience=a,b,Issuer=http://127.0.0.1:8080",
        ],
    ]
    .concat());
    assert_eq!(
        local["JwtConfiguration"],
        json!({"Audience": ["a", "b"], "Issuer": "http://127.0.0.1:8080"})
    );
    assert_eq!(
        local["IdentitySource"],
        json!(["$request.header.Authorization"])
    );
    let auth = local["AuthorizerId"].as_str().unwrap();
    assert_eq!(auth.len(), 6);

    let err = ws.fails(
        &[
            "create-route",
            "--api-id",
            &api,
            "--route-key",
            "GET /x",
            "--authorization-type",
            "JWT",
        ],
        254,
    );
    assert!(
        err.contains("Setting the authorization type to JWT requires a valid JWT authorizer."),
        "{err}"
    );
    let err = ws.fails(
        &[
            "create-route",
            "--api-id",
            &api,
            "--route-key",
            "GET /x",
            "--authorization-scopes",
            "read",
        ],
        254,
    );
    assert!(
        err.contains(
            "AuthorizationScopes are supported only for routes with authorization type JWT"
        ),
        "{err}"
    );
    let route = ws.ok(&[
        "create-route",
        "--api-id",
        &api,
        "--route-key",
        "GET /x",
        "--authorization-type",
        "JWT",
        "--authorizer-id",
        auth,
        "--authorization-scopes",
        "read",
        "write",
    ]);
    assert_eq!(route["AuthorizationScopes"], json!(["read", "write"]));
    let err = ws.fails(
        &[
            "delete-authorizer",
            "--api-id",
            &api,
            "--authorizer-id",
            auth,
        ],
        254,
    );
    assert!(
        err.contains("ConflictException") && err.contains("is used by route"),
        "{err}"
    );
    let rid = route["RouteId"].as_str().unwrap();
    let none = ws.ok(&[
        "update-route",
        "--api-id",
        &api,
        "--route-id",
        rid,
        "--authorization-type",
        "NONE",
    ]);
    assert!(none.get("AuthorizerId").is_none());
    assert_eq!(
        ws.text(&[
            "delete-authorizer",
            "--api-id",
            &api,
            "--authorizer-id",
            auth
        ]),
        ""
    );
}
