//! import-api and reimport-api: every extension member read into the API,
//! `--basepath` in its three modes, the AWS variables, and reimport keeping
//! the API's id and stages. Warnings and refusals: tests/openapi_levels.rs.

#[path = "common/cli.rs"]
mod cli;
#[path = "fixtures/openapi/support.rs"]
mod support;

use cli::Ws;
use serde_json::json;
use support::{fixture, full, import, imported, items, route, target};

#[test]
fn every_extension_member_is_read_into_the_api() {
    let ws = Ws::new();
    let doc = full(&ws);
    let link = ws.ok(&["get-vpc-links"])["Items"][0]["VpcLinkId"].clone();
    let api = imported(&ws, &doc, &[]);
    assert_eq!(api["Name"], "orders-api");
    assert_eq!(api["Description"], "Orders, pets and a private backend");
    assert_eq!(api["Version"], "2.1");
    assert_eq!(api["ProtocolType"], "HTTP");
    assert_eq!(api["DisableExecuteApiEndpoint"], true);
    assert_eq!(
        api["Tags"],
        json!({"team": "payments", "cost-center": "4711"})
    );
    assert_eq!(
        api["CorsConfiguration"],
        json!({
            "AllowCredentials": true,
            "AllowHeaders": ["authorization", "content-type"],
            "AllowMethods": ["GET", "POST"],
            "AllowOrigins": ["https://shop.example.com"],
            "ExposeHeaders": ["x-request-id"],
            "MaxAge": 600
        })
    );
    let id = api["ApiId"].as_str().unwrap();
    // What get-api prints afterwards is what import-api printed, less the
    // import's own members.
    let mut got = ws.ok(&["get-api", "--api-id", id]);
    got["ImportInfo"] = api["ImportInfo"].clone();
    assert_eq!(got, api);

    let routes = items(&ws, "get-routes", id);
    let keys: std::collections::BTreeSet<_> = routes
        .iter()
        .map(|r| r["RouteKey"].as_str().unwrap())
        .collect();
    assert_eq!(
        keys,
        [
            "$default",
            "ANY /private/{proxy+}",
            "GET /pets",
            "GET /pets/{id}",
            "POST /orders",
            "POST /orders/queue",
            "POST /pets"
        ]
        .into()
    );
    let authorizers = items(&ws, "get-authorizers", id);
    let auth = |name: &str| {
        authorizers
            .iter()
            .find(|a| a["Name"] == name)
            .unwrap_or_else(|| panic!("no authorizer {name}"))
            .clone()
    };
    let jwt = auth("shop-jwt");
    assert_eq!(jwt["AuthorizerType"], "JWT");
    assert_eq!(
        jwt["IdentitySource"],
        json!(["$request.header.Authorization"])
    );
    assert_eq!(
        jwt["JwtConfiguration"],
        json!({"Audience": ["shop", "admin"], "Issuer": "https://issuer.example.com"})
    );
    // An openIdConnect scheme without an issuer takes it from its discovery URL.
    assert_eq!(
        auth("oidc")["JwtConfiguration"]["Issuer"],
        "https://login.example.com/tenant"
    );
    let lambda = auth("lambda-auth");
    assert_eq!(lambda["AuthorizerType"], "REQUEST");
    assert_eq!(
        lambda["IdentitySource"],
        json!([
            "$request.header.Authorization",
            "$request.querystring.token"
        ])
    );
    assert_eq!(lambda["AuthorizerPayloadFormatVersion"], "2.0");
    assert_eq!(lambda["AuthorizerResultTtlInSeconds"], 300);
    assert_eq!(lambda["EnableSimpleResponses"], true);
    assert_eq!(
        lambda["AuthorizerCredentialsArn"],
        "arn:aws:iam::123456789012:role/authorizer"
    );
    assert!(
        lambda["AuthorizerUri"]
            .as_str()
            .unwrap()
            .ends_with("function:auth/invocations")
    );

    let get_pets = route(&routes, "GET /pets");
    assert_eq!(get_pets["AuthorizationType"], "JWT");
    assert_eq!(get_pets["AuthorizerId"], jwt["AuthorizerId"]);
    assert_eq!(get_pets["AuthorizationScopes"], json!(["pets:read"]));
    assert_eq!(get_pets["OperationName"], "listPets");
    assert_eq!(
        route(&routes, "POST /pets")["AuthorizationScopes"],
        json!(["pets:write", "pets:admin"])
    );
    assert_eq!(
        route(&routes, "GET /pets/{id}")["AuthorizerId"],
        auth("oidc")["AuthorizerId"]
    );
    assert_eq!(
        route(&routes, "POST /orders")["AuthorizationType"],
        "CUSTOM"
    );
    assert_eq!(
        route(&routes, "POST /orders/queue")["AuthorizationType"],
        "AWS_IAM"
    );
    assert_eq!(route(&routes, "$default")["AuthorizationType"], "NONE");

    let integrations = items(&ws, "get-integrations", id);
    // The shared integration is one, used by both /pets routes.
    assert_eq!(integrations.len(), 6);
    assert_eq!(get_pets["Target"], route(&routes, "POST /pets")["Target"]);
    let shared = target(&integrations, get_pets);
    assert_eq!(shared["IntegrationUri"], "https://pets.example.com");
    assert_eq!(shared["IntegrationMethod"], "ANY");
    let by_id = target(&integrations, route(&routes, "GET /pets/{id}"));
    assert_eq!(by_id["IntegrationType"], "HTTP_PROXY");
    assert_eq!(by_id["IntegrationMethod"], "GET");
    assert_eq!(by_id["TimeoutInMillis"], 12000);
    assert_eq!(
        by_id["RequestParameters"],
        json!({"append:header.x-from": "gateway", "overwrite:path": "$request.path"})
    );
    assert_eq!(
        by_id["ResponseParameters"],
        json!({"200": {"append:header.x-served-by": "pets"}, "404": {"overwrite:statuscode": "410"}})
    );
    let orders = target(&integrations, route(&routes, "POST /orders"));
    assert_eq!(orders["IntegrationType"], "AWS_PROXY");
    assert_eq!(orders["PayloadFormatVersion"], "2.0");
    assert_eq!(orders["TimeoutInMillis"], 29000);
    let queue = target(&integrations, route(&routes, "POST /orders/queue"));
    assert_eq!(queue["IntegrationSubtype"], "SQS-SendMessage");
    assert_eq!(
        queue["CredentialsArn"],
        "arn:aws:iam::123456789012:role/orders-queue"
    );
    assert_eq!(queue["RequestParameters"]["MessageBody"], "$request.body");
    let private = target(&integrations, route(&routes, "ANY /private/{proxy+}"));
    assert_eq!(private["ConnectionType"], "VPC_LINK");
    assert_eq!(private["ConnectionId"], link);
    assert_eq!(
        private["TlsConfig"],
        json!({"ServerNameToVerify": "private.example.com"})
    );
    let fallback = target(&integrations, route(&routes, "$default"));
    assert_eq!(
        fallback["IntegrationType"], "HTTP_PROXY",
        "type is read in any case"
    );
    assert_eq!(fallback["IntegrationUri"], "https://fallback.example.com");
}

#[test]
fn the_default_route_is_read_with_or_without_its_slash() {
    for path in ["$default", "/$default"] {
        let ws = Ws::new();
        let doc = format!(
            "openapi: 3.0.1\ninfo: {{title: d, version: '1'}}\npaths:\n  {path}:\n    x-amazon-apigateway-any-method:\n      x-amazon-apigateway-integration: {{type: http_proxy, httpMethod: ANY, uri: 'https://example.com', payloadFormatVersion: '1.0'}}\n"
        );
        let api = imported(&ws, &doc, &[]);
        let routes = items(&ws, "get-routes", api["ApiId"].as_str().unwrap());
        assert_eq!(routes.len(), 1);
        assert_eq!(routes[0]["RouteKey"], "$default", "{path}");
    }
}

#[test]
fn a_json_document_imports_as_a_yaml_one_does() {
    let ws = Ws::new();
    let doc = r#"{"openapi": "3.0.1", "info": {"title": "j", "version": "1"},
        "paths": {"/a": {"get": {"x-amazon-apigateway-integration":
        {"type": "http_proxy", "httpMethod": "GET", "uri": "https://example.com/a", "payloadFormatVersion": "1.0"}}}}}"#;
    let api = imported(&ws, doc, &[]);
    let routes = items(&ws, "get-routes", api["ApiId"].as_str().unwrap());
    assert_eq!(routes[0]["RouteKey"], "GET /a");
    // A route without an integration is imported without a target.
    let doc = "openapi: 3.0.0\ninfo: {title: t}\npaths:\n  /bare:\n    get: {}\n";
    let api = imported(&ws, doc, &[]);
    let routes = items(&ws, "get-routes", api["ApiId"].as_str().unwrap());
    assert_eq!(routes[0]["RouteKey"], "GET /bare");
    assert!(routes[0].get("Target").is_none());
}

fn basepath_routes(mode: Option<&str>) -> (Vec<String>, serde_json::Value) {
    let ws = Ws::new();
    let doc = fixture("basepath.yaml");
    let extra: Vec<&str> = mode.map(|m| vec!["--basepath", m]).unwrap_or_default();
    let api = imported(&ws, &doc, &extra);
    let mut keys: Vec<String> = items(&ws, "get-routes", api["ApiId"].as_str().unwrap())
        .iter()
        .map(|r| r["RouteKey"].as_str().unwrap().to_string())
        .collect();
    keys.sort();
    (keys, api)
}

#[test]
fn basepath_ignore_is_the_default_and_says_so() {
    for mode in [None, Some("ignore")] {
        let (keys, api) = basepath_routes(mode);
        assert_eq!(keys, ["$default", "GET /", "GET /e", "POST /e/{id}"]);
        assert_eq!(
            api["ImportInfo"],
            json!([
                "The base path /a/b/c of servers is not added to the routes (basepath mode ignore)"
            ])
        );
    }
}

#[test]
fn basepath_prepend_puts_the_whole_base_path_first() {
    let (keys, _) = basepath_routes(Some("prepend"));
    assert_eq!(
        keys,
        [
            "$default",
            "GET /a/b/c",
            "GET /a/b/c/e",
            "POST /a/b/c/e/{id}"
        ]
    );
}

#[test]
fn basepath_split_drops_its_first_segment() {
    let (keys, _) = basepath_routes(Some("split"));
    assert_eq!(
        keys,
        ["$default", "GET /b/c", "GET /b/c/e", "POST /b/c/e/{id}"]
    );
}

#[test]
fn basepath_comes_from_a_server_variable_too() {
    let ws = Ws::new();
    let doc = "openapi: 3.0.1\ninfo: {title: v}\nservers:\n  - url: https://example.com/{basePath}\n    variables:\n      basePath: {default: /stage1}\npaths:\n  /x:\n    get: {}\n";
    let api = imported(&ws, doc, &["--basepath", "prepend"]);
    let routes = items(&ws, "get-routes", api["ApiId"].as_str().unwrap());
    assert_eq!(routes[0]["RouteKey"], "GET /stage1/x");
}

#[test]
fn an_unknown_basepath_mode_is_refused() {
    let ws = Ws::new();
    import(&ws, &fixture("basepath.yaml"), &["--basepath", "append"])
        .fails(254)
        .stderr_has("Invalid basepath mode: append. Must be one of [ignore, prepend, split]");
    assert!(!ws.path.exists(), "nothing written");
}

#[test]
fn aws_variables_are_resolved_with_the_workspace_account_and_region() {
    let ws = Ws::new();
    let doc = fixture("aws-variables.yaml");
    let api = imported(&ws, &doc, &["--region", "eu-west-1"]);
    let id = api["ApiId"].as_str().unwrap();
    let integrations =
        ws.ok(&["get-integrations", "--api-id", id, "--region", "eu-west-1"])["Items"].clone();
    assert_eq!(
        integrations[0]["IntegrationUri"],
        "arn:aws:lambda:eu-west-1:123456789012:function:tasks"
    );
    assert_eq!(
        integrations[0]["CredentialsArn"],
        "arn:aws:iam::123456789012:role/tasks-in-eu-west-1"
    );
    let authorizers =
        ws.ok(&["get-authorizers", "--api-id", id, "--region", "eu-west-1"])["Items"].clone();
    assert_eq!(
        authorizers[0]["JwtConfiguration"]["Issuer"],
        "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_pool"
    );
    // ${AWS::Partition} follows the region.
    let api = imported(&ws, &doc, &["--region", "cn-north-1"]);
    let id = api["ApiId"].as_str().unwrap();
    let integrations =
        ws.ok(&["get-integrations", "--api-id", id, "--region", "cn-north-1"])["Items"].clone();
    assert_eq!(
        integrations[0]["IntegrationUri"],
        "arn:aws-cn:lambda:cn-north-1:123456789012:function:tasks"
    );
}

#[test]
fn reimport_replaces_routes_integrations_authorizers_and_cors_and_keeps_id_and_stages() {
    let ws = Ws::new();
    let api = imported(&ws, &full(&ws), &[]);
    let id = api["ApiId"].as_str().unwrap();
    ws.ok(&["create-stage", "--api-id", id, "--stage-name", "prod"]);
    let again = imported(&ws, &fixture("basepath.yaml"), &["--api-id", id]);
    assert_eq!(again["ApiId"], id);
    assert_eq!(again["Name"], "basepath");
    assert!(again.get("CorsConfiguration").is_none());
    let mut keys: Vec<String> = items(&ws, "get-routes", id)
        .iter()
        .map(|r| r["RouteKey"].as_str().unwrap().to_string())
        .collect();
    keys.sort();
    assert_eq!(keys, ["$default", "GET /", "GET /e", "POST /e/{id}"]);
    assert_eq!(items(&ws, "get-integrations", id).len(), 1);
    assert!(items(&ws, "get-authorizers", id).is_empty());
    assert_eq!(items(&ws, "get-stages", id)[0]["StageName"], "prod");
    assert_eq!(ws.ok(&["get-apis"])["Items"].as_array().unwrap().len(), 1);
}

#[test]
fn reimport_of_an_unknown_api_is_not_found_and_a_refused_one_changes_nothing() {
    let ws = Ws::new();
    let api = imported(&ws, &fixture("basepath.yaml"), &[]);
    let id = api["ApiId"].as_str().unwrap();
    import(&ws, &fixture("basepath.yaml"), &["--api-id", "nosuchapi1"])
        .fails(254)
        .stderr_has("(NotFoundException)");
    let before = cli::read(&ws.path);
    import(
        &ws,
        "openapi: 3.1.0\ninfo: {title: x}\npaths: {}\n",
        &["--api-id", id],
    )
    .fails(254)
    .stderr_has("Unable to determine OAS version from '3.1.0'");
    assert_eq!(cli::read(&ws.path), before);
}
