//! The service's three levels for a document: what it ignores is listed in
//! `ImportInfo`, what is invalid but not blocking in `Warnings` (and with
//! `--fail-on-warnings` refuses the import, writing nothing), and what is
//! malformed is refused with its message, leaving the workspace file as it
//! was, byte for byte. The rules of create-integration, create-route and
//! create-authorizer apply to what a document defines, with their messages.

#[path = "common/cli.rs"]
mod cli;
#[path = "fixtures/openapi/support.rs"]
mod support;

use cli::Ws;
use serde_json::json;
use support::{fixture, import, imported, items};

#[test]
fn each_warning_and_each_info_is_reported_and_the_rest_imported() {
    let ws = Ws::new();
    let api = imported(&ws, &fixture("warnings.yaml"), &[]);
    assert_eq!(
        api["Warnings"],
        json!([
            "Unable to resolve the reference #/components/schemas/Missing at paths./pets.post.requestBody.content.application/json.schema",
            "The external reference other.yaml#/Pet at paths./pets.post.responses.200.content.application/json.schema is not supported; it was ignored",
            "x-amazon-apigateway-frobnicate in the document is not an extension HTTP APIs know; it was ignored",
            "x-amazon-apigateway-importexport-version 2.0 is not known; only 1.0 is",
            "x-amazon-apigateway-cors.allowOrigin is not a CORS setting; it was ignored",
            "components.securitySchemes.legacy.x-amazon-apigateway-authorizer.type \"token\" is not an HTTP API authorizer type (jwt or request); the authorizer was not imported",
            "paths./rest-style.get.x-amazon-apigateway-integration: integration type aws is not supported for HTTP APIs (aws_proxy or http_proxy); the integration was not imported",
            "paths./pets.post.x-amazon-apigateway-integration.retries is not an integration setting of HTTP APIs; it was ignored",
            "paths./pets.post.security names nowhere, which components.securitySchemes does not define; the route was imported without authorization",
            "paths./plain.get.security names plain-oauth, which has no x-amazon-apigateway-authorizer; the route was imported without authorization",
        ]),
        "{:#}",
        api["Warnings"]
    );
    assert_eq!(
        api["ImportInfo"],
        json!([
            "x-amazon-apigateway-binary-media-types in the document is a REST API extension; HTTP APIs ignore it",
            "Tag docs-only has no x-amazon-apigateway-tag-value; it is documentation only",
            "paths./pets.post.requestBody: HTTP APIs do not validate request bodies; it was ignored",
            "paths./pets.post.x-amazon-apigateway-integration.passthroughBehavior is a REST API setting; HTTP APIs ignore it",
            "paths./pets.post.x-amazon-apigateway-integration.tlsConfig.insecureSkipVerification is for REST APIs; HTTP APIs ignore it",
        ]),
        "{:#}",
        api["ImportInfo"]
    );
    let id = api["ApiId"].as_str().unwrap();
    let routes = items(&ws, "get-routes", id);
    assert_eq!(routes.len(), 3, "every route is imported");
    assert_eq!(
        items(&ws, "get-integrations", id).len(),
        1,
        "not the aws one"
    );
    assert!(items(&ws, "get-authorizers", id).is_empty());
    // Warnings and ImportInfo sit where the model puts them.
    let text = ws.text(&[
        "import-api",
        "--body",
        &format!("file://{}", fixture_path("warnings.yaml")),
        "--output",
        "json",
    ]);
    let keys: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("    \""))
        .map(|l| l.trim().split('"').nth(1).unwrap())
        .collect();
    let info = keys.iter().position(|k| *k == "ImportInfo").unwrap();
    assert_eq!(keys[info - 1], "DisableExecuteApiEndpoint");
    assert_eq!(keys.last(), Some(&"Warnings"));
}

fn fixture_path(name: &str) -> String {
    format!(
        "{}/tests/fixtures/openapi/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

#[test]
fn fail_on_warnings_refuses_and_writes_nothing() {
    let ws = Ws::new();
    // No workspace yet: none is made.
    import(&ws, &fixture("warnings.yaml"), &["--fail-on-warnings"])
        .fails(254)
        .stderr_has("An error occurred (BadRequestException) when calling the ImportApi operation: Warnings found during import")
        .stderr_has("integration type aws is not supported");
    assert!(!ws.path.exists());
    // A workspace with an API: byte for byte the same afterwards.
    ws.api("HTTP");
    let before = cli::read(&ws.path);
    import(&ws, &fixture("warnings.yaml"), &["--fail-on-warnings"])
        .fails(254)
        .stderr_has("Warnings found during import");
    assert_eq!(cli::read(&ws.path), before);
    // Without warnings, --fail-on-warnings changes nothing.
    imported(&ws, &fixture("basepath.yaml"), &["--fail-on-warnings"]);
    // --no-fail-on-warnings is the default.
    let api = imported(&ws, &fixture("warnings.yaml"), &["--no-fail-on-warnings"]);
    assert!(api["Warnings"].as_array().is_some_and(|w| !w.is_empty()));
}

const MINIMAL_PATHS: &str = "paths:\n  /a:\n    get: {}\n";

/// Documents the service refuses, with (part of) its message.
fn refusals() -> Vec<(&'static str, String, &'static str)> {
    vec![
        (
            "Swagger 2.0",
            format!("swagger: '2.0'\ninfo: {{title: s, version: '1'}}\n{MINIMAL_PATHS}"),
            "Unable to build importer with provided input. Swagger 2.0 documents are not supported for HTTP APIs",
        ),
        (
            "OpenAPI 3.1",
            format!("openapi: 3.1.0\ninfo: {{title: s, version: '1'}}\n{MINIMAL_PATHS}"),
            "Unable to build importer with provided input. Unable to determine OAS version from '3.1.0'",
        ),
        (
            "no version",
            format!("info: {{title: s}}\n{MINIMAL_PATHS}"),
            "The document has no openapi version",
        ),
        (
            "two security requirements",
            "openapi: 3.0.1\ninfo: {title: s}\npaths:\n  /a:\n    get:\n      security:\n        - a: []\n        - b: []\n".into(),
            "paths./a.get: more than one security requirement is not supported",
        ),
        (
            "two schemes in one requirement",
            "openapi: 3.0.1\ninfo: {title: s}\npaths:\n  /a:\n    get:\n      security:\n        - {a: [], b: []}\n".into(),
            "paths./a.get: more than one security requirement is not supported",
        ),
        (
            "YAML that does not parse",
            "openapi: 3.0.1\ninfo:\n  title: s\npaths:\n  /a:\n    get: [unclosed\n".into(),
            "line 7",
        ),
        (
            "JSON that does not parse",
            "{\n  \"openapi\": \"3.0.1\",\n  \"info\": {\"title\": \"s\"},\n  \"paths\": {,}\n}\n".into(),
            "line 4 column 13",
        ),
        (
            "a CloudFormation intrinsic where a string belongs",
            "openapi: 3.0.1\ninfo: {title: s}\npaths:\n  /a:\n    get:\n      x-amazon-apigateway-integration:\n        type: aws_proxy\n        payloadFormatVersion: '2.0'\n        uri:\n          Fn::GetAtt: [Fn, Arn]\n".into(),
            "paths./a.get.x-amazon-apigateway-integration.uri must be a string, not a CloudFormation intrinsic (Fn::GetAtt); substitute its value before importing",
        ),
        (
            "no title",
            format!("openapi: 3.0.1\ninfo: {{version: '1'}}\n{MINIMAL_PATHS}"),
            "info.title is missing; it names the API",
        ),
        (
            "no paths",
            "openapi: 3.0.1\ninfo: {title: s}\n".into(),
            "The document has no paths",
        ),
        (
            "a reference to no shared integration",
            "openapi: 3.0.1\ninfo: {title: s}\npaths:\n  /a:\n    get:\n      x-amazon-apigateway-integration:\n        $ref: '#/components/x-amazon-apigateway-integrations/nope'\n".into(),
            "the reference #/components/x-amazon-apigateway-integrations/nope names no integration",
        ),
        (
            "nested too deep",
            format!("openapi: 3.0.1\ninfo: {{title: s}}\npaths: {{}}\nx-deep: {}{}\n", "[".repeat(100), "]".repeat(100)),
            "64",
        ),
        (
            "create-integration's rule: AWS_PROXY without a payload format",
            "openapi: 3.0.1\ninfo: {title: s}\npaths:\n  /a:\n    get:\n      x-amazon-apigateway-integration:\n        type: aws_proxy\n        uri: arn:aws:lambda:us-east-2:123456789012:function:f\n".into(),
            "PayloadFormatVersion must be specified for AWS_PROXY integrations of HTTP APIs: 1.0 or 2.0 (at paths./a.get.x-amazon-apigateway-integration)",
        ),
        (
            "create-integration's rule: a VPC link that does not exist",
            "openapi: 3.0.1\ninfo: {title: s}\npaths:\n  /a:\n    get:\n      x-amazon-apigateway-integration:\n        type: http_proxy\n        httpMethod: ANY\n        payloadFormatVersion: '1.0'\n        connectionType: VPC_LINK\n        connectionId: nolink1\n        uri: arn:aws:elasticloadbalancing:us-east-2:123456789012:listener/app/lb/50dc6c495c0c9188/0467ef3c8400ae65\n".into(),
            "nolink1",
        ),
        (
            "create-route's rule: one route per key",
            "openapi: 3.0.1\ninfo: {title: s}\npaths:\n  $default:\n    x-amazon-apigateway-any-method: {}\n  /$default:\n    x-amazon-apigateway-any-method: {}\n".into(),
            "Route with key $default already exists for this API",
        ),
        (
            "create-authorizer's rule: a JWT authorizer needs an issuer",
            "openapi: 3.0.1\ninfo: {title: s}\npaths: {}\ncomponents:\n  securitySchemes:\n    j:\n      type: oauth2\n      x-amazon-apigateway-authorizer:\n        type: jwt\n        identitySource: $request.header.Authorization\n        jwtConfiguration: {audience: [x]}\n".into(),
            "(at components.securitySchemes.j)",
        ),
    ]
}

#[test]
fn malformed_documents_are_refused_with_the_message_and_nothing_changes() {
    let ws = Ws::new();
    ws.api("HTTP");
    let before = cli::read(&ws.path);
    for (what, doc, message) in refusals() {
        let o = import(&ws, &doc, &[]).fails(254).stderr_has(message);
        assert!(
            o.stderr.starts_with("\nAn error occurred (")
                || o.stderr.contains("when calling the ImportApi operation"),
            "{what}: {}",
            o.stderr
        );
        assert_eq!(cli::read(&ws.path), before, "{what} changed the workspace");
    }
}

#[test]
fn a_refused_import_late_in_the_document_leaves_nothing_behind() {
    // The first routes and integrations are fine; the last route breaks a
    // rule: the import is all or nothing.
    let ws = Ws::new();
    ws.api("HTTP");
    let before = cli::read(&ws.path);
    let mut doc = String::from("openapi: 3.0.1\ninfo: {title: late}\npaths:\n");
    for n in 0..20 {
        doc.push_str(&format!(
            "  /r{n}:\n    get:\n      x-amazon-apigateway-integration: {{type: http_proxy, httpMethod: GET, uri: 'https://example.com/{n}', payloadFormatVersion: '1.0'}}\n"
        ));
    }
    doc.push_str("  /bad//path:\n    get: {}\n");
    import(&ws, &doc, &[])
        .fails(254)
        .stderr_has("the path has an empty segment");
    assert_eq!(cli::read(&ws.path), before);
    assert_eq!(ws.ok(&["get-apis"])["Items"].as_array().unwrap().len(), 1);
}

#[test]
fn snake_case_cors_keys_set_no_cors_and_are_warnings() {
    // As the Terraform provider's acceptance test expects of the service:
    // routes imported, no CORS configuration.
    let ws = Ws::new();
    let doc = "openapi: 3.0.1\ninfo: {title: snake, version: 2.0}\nx-amazon-apigateway-cors:\n  allow_methods: [delete]\n  allow_origins: ['https://www.example.com']\npaths:\n  /update:\n    get:\n      x-amazon-apigateway-integration: {type: HTTP_PROXY, httpMethod: GET, payloadFormatVersion: 1.0, uri: 'https://www.example.com'}\n";
    let api = imported(&ws, doc, &[]);
    assert!(api.get("CorsConfiguration").is_none(), "{api}");
    assert_eq!(api["Version"], "2.0", "a YAML number is read as its text");
    assert_eq!(
        api["Warnings"],
        json!([
            "x-amazon-apigateway-cors.allow_methods is not a CORS setting (allowMethods is); it was ignored",
            "x-amazon-apigateway-cors.allow_origins is not a CORS setting (allowOrigins is); it was ignored",
        ])
    );
    let id = api["ApiId"].as_str().unwrap();
    let integrations = items(&ws, "get-integrations", id);
    assert_eq!(integrations[0]["PayloadFormatVersion"], "1.0");
}
