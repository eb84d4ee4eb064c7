//! The `apigw` binary as a user and a CI script meet it: the seed page's
//! commands, the service's rules with their messages and exit codes, every
//! input form and output format, and the workspace file's safety.

use assert_cmd::Command;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};

const LISTENER: &str = "arn:aws:elasticloadbalancing:us-east-2:123456789012:listener/app/my-load-balancer/50dc6c495c0c9188/0467ef3c8400ae65";
const CLOUD_MAP: &str = "arn:aws:servicediscovery:us-east-2:123456789012:service/srv-id?stage=prod&deployment=green_deployment";

struct Ws {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

impl Ws {
    fn new() -> Ws {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("apigw.toml");
        Ws { _dir: dir, path }
    }

    fn cmd(&self) -> Command {
        let mut c = Command::cargo_bin("apigw").unwrap();
        c.env("APIGW_WORKSPACE", &self.path)
            .env_remove("AWS_REGION")
            .env_remove("AWS_DEFAULT_REGION")
            .env_remove("AWS_DEFAULT_OUTPUT")
            .current_dir(self.path.parent().unwrap());
        c
    }

    /// Runs a command that must succeed and returns its JSON answer.
    fn ok(&self, args: &[&str]) -> Value {
        let out = self.cmd().args(args).output().unwrap();
        assert!(
            out.status.success(),
            "{args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        if out.stdout.is_empty() {
            Value::Null
        } else {
            serde_json::from_slice(&out.stdout).unwrap()
        }
    }

    /// Runs a command that must fail with `code`; returns stderr.
    fn fails(&self, args: &[&str], code: i32) -> String {
        let out = self.cmd().args(args).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr).to_string();
        assert_eq!(out.status.code(), Some(code), "{args:?}: {err}");
        assert!(out.stdout.is_empty(), "nothing on stdout on failure");
        assert!(!err.contains("panicked"), "{err}");
        err
    }

    fn text(&self, args: &[&str]) -> String {
        let out = self.cmd().args(args).output().unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    fn api(&self, protocol: &str) -> String {
        let mut args = vec!["create-api", "--name", "demo", "--protocol-type", protocol];
        if protocol == "WEBSOCKET" {
            args.extend(["--route-selection-expression", "$request.body.action"]);
        }
        self.ok(&args)["ApiId"].as_str().unwrap().to_string()
    }

    fn vpc_link(&self) -> String {
        self.ok(&[
            "create-vpc-link",
            "--name",
            "link",
            "--subnet-ids",
            "subnet-0a1b",
            "subnet-0c2d",
        ])["VpcLinkId"]
            .as_str()
            .unwrap()
            .to_string()
    }
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap()
}

fn without(mut v: Value, key: &str) -> Value {
    v.as_object_mut().unwrap().remove(key);
    v
}

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
fn command_line_errors_exit_2() {
    let ws = Ws::new();
    let err = ws.fails(&["create-integration"], 2);
    assert!(
        err.contains("the following arguments are required: --api-id, --integration-type"),
        "{err}"
    );
    let err = ws.fails(
        &[
            "create-integration",
            "--api-id",
            "x",
            "--integration-type",
            "HTTP",
            "--no-such-flag",
            "1",
        ],
        2,
    );
    assert!(err.contains("--no-such-flag"), "{err}");
    ws.fails(&["no-such-command"], 2);
    ws.fails(&["get-apis", "--output", "xml"], 2);
    assert!(!ws.path.exists(), "nothing was written");
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
fn input_forms_give_the_same_request() {
    let ws = Ws::new();
    let api = ws.api("HTTP");
    let dir = ws.path.parent().unwrap();
    let expected =
        json!({"append:header.a": "$request.header.b", "overwrite:path": "$request.path"});
    let base = [
        "create-integration",
        "--api-id",
        &api,
        "--integration-type",
        "HTTP_PROXY",
        "--integration-method",
        "GET",
        "--integration-uri",
        "https://example.com",
    ];

    let shorthand = ws.ok(&[
        &base[..],
        &[
            "--request-parameters",
            "append:header.a=$request.header.b,overwrite:path=$request.path",
        ],
    ]
    .concat());
    assert_eq!(shorthand["RequestParameters"], expected);
    let as_json = ws.ok(&[&base[..], &["--request-parameters", &expected.to_string()]].concat());
    assert_eq!(as_json["RequestParameters"], expected);
    std::fs::write(dir.join("params.json"), expected.to_string()).unwrap();
    let from_file = ws.ok(&[&base[..], &["--request-parameters", "file://params.json"]].concat());
    assert_eq!(from_file["RequestParameters"], expected);

    let nested = ws.ok(&[
        &base[..],
        &[
            "--response-parameters",
            "200={overwrite:statuscode=204,append:header.a=b},404={remove:header.x=\"\"}",
        ],
    ]
    .concat());
    assert_eq!(
        nested["ResponseParameters"],
        json!({"200": {"append:header.a": "b", "overwrite:statuscode": "204"}, "404": {"remove:header.x": ""}})
    );
    let quoted = ws.ok(&[
        &base[..],
        &[
            "--request-parameters",
            "overwrite:header.x=a\\,b,append:querystring.q=\"x,y\"",
        ],
    ]
    .concat());
    assert_eq!(
        quoted["RequestParameters"],
        json!({"append:querystring.q": "x,y", "overwrite:header.x": "a,b"})
    );

    let input = json!({"ApiId": api, "IntegrationType": "HTTP_PROXY", "IntegrationMethod": "GET", "IntegrationUri": "https://from-json.example.com", "TimeoutInMillis": 1000});
    let j = ws.ok(&[
        "create-integration",
        "--cli-input-json",
        &input.to_string(),
        "--timeout-in-millis",
        "2000",
    ]);
    assert_eq!(j["IntegrationUri"], "https://from-json.example.com");
    assert_eq!(
        j["TimeoutInMillis"], 2000,
        "explicit flags win over --cli-input-json"
    );
    let yaml = format!(
        "ApiId: {api}\nIntegrationType: HTTP_PROXY\nIntegrationMethod: PUT\nIntegrationUri: https://from-yaml.example.com\nRequestParameters:\n  overwrite:path: $request.path\n"
    );
    std::fs::write(dir.join("in.yaml"), yaml).unwrap();
    let y = ws.ok(&["create-integration", "--cli-input-yaml", "file://in.yaml"]);
    assert_eq!(y["IntegrationMethod"], "PUT");
    assert_eq!(
        y["RequestParameters"],
        json!({"overwrite:path": "$request.path"})
    );

    let err = ws.fails(
        &[
            "create-integration",
            "--cli-input-json",
            "{}",
            "--cli-input-yaml",
            "{}",
        ],
        252,
    );
    assert!(
        err.contains("Only one --cli-input- parameter may be specified."),
        "{err}"
    );
    let err = ws.fails(
        &[
            "create-integration",
            "--cli-input-json",
            "{\"ApiId\": \"x\"}",
        ],
        252,
    );
    assert!(
        err.contains("Missing required parameter in input: \"IntegrationType\""),
        "{err}"
    );
    let err = ws.fails(
        &[
            "create-integration",
            "--cli-input-json",
            "{\"ApiId\": \"x\", \"IntegrationType\": \"HTTP\", \"Bogus\": 1}",
        ],
        252,
    );
    assert!(
        err.contains("Unknown parameter in input: \"Bogus\", must be one of: ApiId,"),
        "{err}"
    );
    let err = ws.fails(
        &[
            "create-integration",
            "--cli-input-json",
            "{\"ApiId\": \"x\", \"IntegrationType\": \"HTTP\", \"TimeoutInMillis\": \"soon\"}",
        ],
        252,
    );
    assert!(err.contains("Invalid type for parameter TimeoutInMillis, value: soon, type: <class 'str'>, valid types: <class 'int'>"), "{err}");
    ws.fails(
        &["create-integration", "--cli-input-json", "{not json"],
        252,
    );
    ws.fails(
        &[
            "create-integration",
            "--api-id",
            &api,
            "--integration-type",
            "HTTP_PROXY",
            "--request-parameters",
            "file://missing.json",
        ],
        252,
    );
}

#[test]
fn skeletons_print_templates_and_send_nothing() {
    let ws = Ws::new();
    let input = ws.ok(&["create-integration", "--generate-cli-skeleton"]);
    assert_eq!(input["ApiId"], "");
    assert_eq!(input["TimeoutInMillis"], 0);
    assert_eq!(input["RequestParameters"], json!({"KeyName": ""}));
    assert_eq!(
        input["ResponseParameters"],
        json!({"KeyName": {"KeyName": ""}})
    );
    assert_eq!(input["TlsConfig"], json!({"ServerNameToVerify": ""}));
    assert_eq!(input.as_object().unwrap().len(), 18);
    let output = ws.ok(&["create-integration", "--generate-cli-skeleton", "output"]);
    assert_eq!(output["IntegrationId"], "");
    assert!(output.get("ApiId").is_none());
    let yaml = ws.text(&[
        "create-integration",
        "--generate-cli-skeleton",
        "yaml-input",
    ]);
    assert!(yaml.contains("ApiId: ''  # [REQUIRED]"), "{yaml}");
    assert!(yaml.contains("TimeoutInMillis: 0\n"), "{yaml}");
    assert!(!ws.path.exists(), "a skeleton writes nothing");
}

#[test]
fn output_formats_and_query() {
    let ws = Ws::new();
    let api = ws.api("HTTP");
    let args = [
        "create-integration",
        "--api-id",
        &api,
        "--integration-type",
        "HTTP_PROXY",
        "--integration-method",
        "GET",
        "--integration-uri",
        "https://example.com",
    ];
    let id = ws.text(&[&args[..], &["--query", "IntegrationId", "--output", "text"]].concat());
    assert_eq!(id.trim().len(), 7);
    let id = id.trim();
    let get = ["get-integration", "--api-id", &api, "--integration-id", id];
    let text = ws.text(&[&get[..], &["--output", "text"]].concat());
    assert_eq!(
        text,
        format!("INTERNET\t{id}\tGET\tHTTP_PROXY\thttps://example.com\t1.0\t30000\n")
    );
    let yaml = ws.text(&[&get[..], &["--output", "yaml"]].concat());
    assert!(yaml.starts_with("ConnectionType: INTERNET\n"), "{yaml}");
    assert!(yaml.contains("PayloadFormatVersion: '1.0'\n"), "{yaml}");
    let stream = ws.text(&[&get[..], &["--output", "yaml-stream"]].concat());
    assert!(
        stream.starts_with("- ConnectionType: INTERNET\n"),
        "{stream}"
    );
    let table = ws.text(&[&get[..], &["--output", "table"]].concat());
    assert!(table.starts_with("-------"), "{table}");
    assert!(
        table.contains("|                GetIntegration                 |"),
        "{table}"
    );
    assert!(
        table.contains("|  IntegrationType      |  HTTP_PROXY           |"),
        "{table}"
    );
    assert_eq!(ws.text(&[&get[..], &["--output", "off"]].concat()), "");
    let q = ws.ok(&[
        &get[..],
        &["--query", "{Id: IntegrationId, Type: IntegrationType}"],
    ]
    .concat());
    assert_eq!(
        serde_json::to_string(&q).unwrap(),
        format!("{{\"Id\":\"{id}\",\"Type\":\"HTTP_PROXY\"}}")
    );
    let ids = ws.ok(&[
        "get-integrations",
        "--api-id",
        &api,
        "--query",
        "Items[].IntegrationId",
    ]);
    assert_eq!(ids, json!([id]));
    let err = ws.fails(&[&get[..], &["--query", "Items[?"]].concat(), 252);
    assert!(err.contains("Bad value for --query Items[?"), "{err}");
    let from_env = ws
        .cmd()
        .args(get)
        .env("AWS_DEFAULT_OUTPUT", "text")
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(from_env.stdout).unwrap(), text);
}

#[test]
fn pagination_with_max_items_and_starting_token() {
    let ws = Ws::new();
    let api = ws.api("HTTP");
    for _ in 0..3 {
        ws.ok(&[
            "create-integration",
            "--api-id",
            &api,
            "--integration-type",
            "HTTP_PROXY",
            "--integration-method",
            "GET",
            "--integration-uri",
            "https://example.com",
        ]);
    }
    let all = ws.ok(&["get-integrations", "--api-id", &api]);
    assert_eq!(all["Items"].as_array().unwrap().len(), 3);
    assert!(all.get("NextToken").is_none());
    let first = ws.ok(&["get-integrations", "--api-id", &api, "--max-items", "2"]);
    assert_eq!(first["Items"].as_array().unwrap().len(), 2);
    let token = first["NextToken"].as_str().unwrap();
    let rest = ws.ok(&[
        "get-integrations",
        "--api-id",
        &api,
        "--starting-token",
        token,
    ]);
    assert_eq!(rest["Items"].as_array().unwrap().len(), 1);
    assert_eq!(rest["Items"][0], all["Items"][2]);
    let text = ws.text(&[
        "get-integrations",
        "--api-id",
        &api,
        "--max-items",
        "2",
        "--output",
        "text",
    ]);
    assert!(text.ends_with(&format!("NEXTTOKEN\t{token}\n")), "{text}");
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

#[test]
fn mint_token_signs_with_a_private_local_key() {
    let ws = Ws::new();
    let token = ws.text(&[
        "mint-token",
        "--issuer",
        "http://127.0.0.1:8080",
        "--audience",
        "my-app",
        "--scope",
        "read",
        "write",
        "--subject",
        "alice",
        "--expires-in",
        "30m",
    ]);
    let parts: Vec<&str> = token.trim().split('.').collect();
    assert_eq!(parts.len(), 3, "{token}");
    let key = ws.path.parent().unwrap().join(".apigw/issuer-key.pem");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&key).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
    let pem = std::fs::read_to_string(&key).unwrap();
    let body = pem.lines().nth(1).unwrap();
    assert!(!token.contains(body), "the key is never printed");
    let again = ws.text(&[
        "mint-token",
        "--issuer",
        "http://127.0.0.1:8080",
        "--audience",
        "my-app",
    ]);
    assert_ne!(again, token);
    assert_eq!(
        std::fs::read_to_string(&key).unwrap(),
        pem,
        "the key is reused"
    );
    let err = ws.fails(
        &[
            "mint-token",
            "--issuer",
            "http://127.0.0.1:8080",
            "--expires-in",
            "soon",
        ],
        252,
    );
    assert!(err.contains("--expires-in"), "{err}");
    ws.fails(&["mint-token", "--audience", "a"], 2);
}

#[test]
fn cloud_map_instances_are_discovered_by_attributes() {
    let ws = Ws::new();
    for (id, port, deployment) in [
        ("green-1", "9003", "green_deployment"),
        ("blue-1", "9004", "blue_deployment"),
    ] {
        let attrs = format!(
            "AWS_INSTANCE_IPV4=127.0.0.1,AWS_INSTANCE_PORT={port},stage=prod,deployment={deployment}"
        );
        ws.ok(&[
            "servicediscovery",
            "register-instance",
            "--service-id",
            "srv-id",
            "--instance-id",
            id,
            "--attributes",
            &attrs,
        ]);
    }
    let found = ws.ok(&[
        "servicediscovery",
        "discover-instances",
        "--service-id",
        "srv-id",
        "--query-parameters",
        "stage=prod,deployment=green_deployment",
    ]);
    let ids: Vec<&str> = found["Instances"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["InstanceId"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["green-1"]);
    let by_name = ws.ok(&[
        "servicediscovery",
        "discover-instances",
        "--namespace-name",
        "local",
        "--service-name",
        "srv-id",
        "--query-parameters",
        "deployment=blue_deployment",
    ]);
    assert_eq!(by_name["Instances"][0]["InstanceId"], "blue-1");
    ws.text(&[
        "servicediscovery",
        "update-instance-custom-health-status",
        "--service-id",
        "srv-id",
        "--instance-id",
        "green-1",
        "--status",
        "UNHEALTHY",
    ]);
    let healthy = ws.ok(&[
        "servicediscovery",
        "discover-instances",
        "--service-id",
        "srv-id",
        "--query-parameters",
        "deployment=green_deployment",
    ]);
    assert_eq!(healthy["Instances"], json!([]));
    let err = ws.fails(
        &[
            "servicediscovery",
            "register-instance",
            "--service-id",
            "srv-id",
            "--instance-id",
            "x",
            "--attributes",
            "stage=prod",
        ],
        254,
    );
    assert!(
        err.contains("AWS_INSTANCE_IPV4") || err.contains("AWS_INSTANCE_PORT"),
        "{err}"
    );
    // Without a service, nothing is looked up: a missing argument on the
    // command line (2), a missing parameter in an input file (252).
    let err = ws.fails(
        &[
            "servicediscovery",
            "discover-instances",
            "--query-parameters",
            "a=b",
        ],
        2,
    );
    assert!(
        err.contains("the following arguments are required: --service-id (or --namespace-name with --service-name)")
            && err.contains("try 'apigw servicediscovery discover-instances --help'"),
        "{err}"
    );
    let err = ws.fails(
        &[
            "servicediscovery",
            "discover-instances",
            "--cli-input-json",
            r#"{"QueryParameters": {"a": "b"}}"#,
        ],
        252,
    );
    assert!(err.contains("Missing required parameter"), "{err}");
}

#[test]
fn load_balancer_targets_are_registered_described_and_deregistered() {
    let ws = Ws::new();
    // One target that accepts connections, one where nothing listens.
    let up = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let up_port = up.local_addr().unwrap().port().to_string();
    let down_port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port().to_string()
    };
    let up_target = format!("Id=127.0.0.1,Port={up_port}");
    let down_target = format!("Id=127.0.0.1,Port={down_port}");
    let out = ws.text(&[
        "elbv2",
        "register-targets",
        "--listener-arn",
        LISTENER,
        "--targets",
        &up_target,
        &down_target,
    ]);
    assert_eq!(out, "", "register-targets prints nothing, as elbv2 does");

    let health = ws.ok(&[
        "elbv2",
        "describe-target-health",
        "--listener-arn",
        LISTENER,
    ]);
    let states: Vec<(String, &str, Option<&str>)> = health["TargetHealthDescriptions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["Target"]["Port"].to_string(),
                d["TargetHealth"]["State"].as_str().unwrap(),
                d["TargetHealth"]["Reason"].as_str(),
            )
        })
        .collect();
    assert_eq!(
        states,
        [
            (up_port.clone(), "healthy", None),
            (
                down_port.clone(),
                "unhealthy",
                Some("Target.FailedHealthChecks")
            ),
        ]
    );

    ws.text(&[
        "elbv2",
        "deregister-targets",
        "--listener-arn",
        LISTENER,
        "--targets",
        &down_target,
    ]);
    let left = ws.text(&[
        "elbv2",
        "describe-target-health",
        "--listener-arn",
        LISTENER,
        "--query",
        "TargetHealthDescriptions[].[Target.Port,TargetHealth.State]",
        "--output",
        "text",
    ]);
    assert_eq!(left, format!("{up_port}\thealthy\n"));

    // What a local target must be, and what the listener must be.
    let before = std::fs::read(&ws.path).unwrap();
    for (targets, why) in [
        ("Id=localhost,Port=80", "must be an IP address"),
        ("Id=127.0.0.1", "needs a Port"),
    ] {
        let err = ws.fails(
            &[
                "elbv2",
                "register-targets",
                "--listener-arn",
                LISTENER,
                "--targets",
                targets,
            ],
            254,
        );
        assert!(err.contains(why), "{targets}: {err}");
    }
    let not_a_listener = "arn:aws:elasticloadbalancing:us-east-2:123456789012:loadbalancer/app/my-load-balancer/50dc6c495c0c9188";
    let err = ws.fails(
        &[
            "elbv2",
            "register-targets",
            "--listener-arn",
            not_a_listener,
            "--targets",
            &up_target,
        ],
        254,
    );
    assert!(err.contains("is not a load balancer listener ARN"), "{err}");
    let other_listener = LISTENER.replace("0467ef3c8400ae65", "0467ef3c8400ae66");
    let err = ws.fails(
        &[
            "elbv2",
            "describe-target-health",
            "--listener-arn",
            &other_listener,
        ],
        254,
    );
    assert!(err.contains("NotFoundException"), "{err}");
    assert_eq!(
        std::fs::read(&ws.path).unwrap(),
        before,
        "refusals change nothing"
    );
    drop(up);
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
