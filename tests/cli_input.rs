//! Reading the command line: flags, shorthand, JSON, files, `--cli-input-*`,
//! skeletons, and the usage errors.

#[path = "common/cli.rs"]
mod cli;

use cli::*;
use serde_json::json;

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
