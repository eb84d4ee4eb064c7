//! export-api: the document in the service's shape (pinned in
//! tests/fixtures/openapi/full.export.yaml), JSON and YAML alike, with and
//! without extensions, of one stage, stable from one export to the next;
//! and the round trips: export then import gives the same API, import then
//! export of a document apigw wrote gives the same document.

#[path = "common/cli.rs"]
mod cli;
#[path = "fixtures/openapi/support.rs"]
mod support;

use cli::Ws;
use serde_json::{Value, json};
use support::{export, fixture, full, import, imported, items};

/// full.yaml imported; (workspace, API id, VPC link id).
fn full_api() -> (Ws, String, String) {
    let ws = Ws::new();
    let doc = full(&ws);
    let link = ws.ok(&["get-vpc-links"])["Items"][0]["VpcLinkId"]
        .as_str()
        .unwrap()
        .to_string();
    let api = imported(&ws, &doc, &[]);
    (ws, api["ApiId"].as_str().unwrap().to_string(), link)
}

#[test]
fn the_export_has_the_service_shape() {
    let (ws, api, link) = full_api();
    let yaml = export(&ws, &api, "YAML", &[]);
    assert_eq!(
        yaml.replace(&link, "VPCLINKID"),
        fixture("full.export.yaml"),
        "the export of full.yaml changed; if on purpose, update the fixture"
    );
    // Two exports are the same bytes.
    assert_eq!(export(&ws, &api, "YAML", &[]), yaml);
}

#[test]
fn json_and_yaml_exports_are_the_same_document() {
    let (ws, api, _) = full_api();
    let yaml: Value = serde_norway::from_str(&export(&ws, &api, "YAML", &[])).unwrap();
    let text = export(&ws, &api, "JSON", &[]);
    assert!(text.starts_with("{\n  \"openapi\": \"3.0.1\",\n  \"info\": {"));
    let json: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(yaml, json);
    let keys: Vec<&String> = json.as_object().unwrap().keys().collect();
    assert_eq!(keys.first().map(|k| k.as_str()), Some("openapi"));
    assert_eq!(
        keys.last().map(|k| k.as_str()),
        Some("x-amazon-apigateway-importexport-version")
    );
    assert_eq!(json["x-amazon-apigateway-importexport-version"], "1.0");
    let op = &json["paths"]["/pets/{id}"]["get"];
    assert_eq!(
        op["responses"]["default"]["description"],
        "Default response for GET /pets/{id}"
    );
    assert_eq!(
        op["x-amazon-apigateway-integration"]["connectionType"],
        "INTERNET"
    );
    assert_eq!(
        json["paths"]["/private/{proxy+}"]["x-amazon-apigateway-any-method"]["parameters"][0]["name"],
        "proxy+"
    );
    // CORS with every key.
    let cors = json["x-amazon-apigateway-cors"].as_object().unwrap();
    assert_eq!(
        cors.keys().collect::<Vec<_>>(),
        [
            "allowOrigins",
            "allowCredentials",
            "exposeHeaders",
            "maxAge",
            "allowMethods",
            "allowHeaders"
        ]
    );
}

#[test]
fn without_extensions_the_document_is_plain_openapi() {
    let (ws, api, _) = full_api();
    let text = export(&ws, &api, "JSON", &["--no-include-extensions"]);
    // ANY routes stay, as OpenAPI has no method for them; nothing else of
    // the extensions does.
    let rest = text.replace("\"x-amazon-apigateway-any-method\"", "");
    assert!(!rest.contains("x-amazon-apigateway"), "{text}");
    let doc: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(doc["paths"].as_object().unwrap().len(), 6);
    assert_eq!(
        doc["paths"]["/pets"]["get"]["security"],
        json!([{"shop-jwt": ["pets:read"]}])
    );
    assert_eq!(
        doc["components"]["securitySchemes"]["shop-jwt"]["type"],
        "oauth2"
    );
    // --include-extensions is the default.
    assert_eq!(
        export(&ws, &api, "JSON", &["--include-extensions"]),
        export(&ws, &api, "JSON", &[])
    );
}

#[test]
fn export_of_a_stage_names_it_in_servers() {
    let (ws, api, _) = full_api();
    ws.ok(&[
        "create-stage",
        "--api-id",
        &api,
        "--stage-name",
        "prod",
        "--auto-deploy",
    ]);
    let doc: Value =
        serde_json::from_str(&export(&ws, &api, "JSON", &["--stage-name", "prod"])).unwrap();
    let endpoint = ws.ok(&["get-api", "--api-id", &api])["ApiEndpoint"].clone();
    assert_eq!(
        doc["servers"],
        json!([{"url": format!("{}/{{basePath}}", endpoint.as_str().unwrap()), "variables": {"basePath": {"default": "prod"}}}])
    );
    // What the stage serves: today the API as it is (a deployment's
    // snapshot once deployments are kept).
    let current: Value = serde_json::from_str(&export(&ws, &api, "JSON", &[])).unwrap();
    assert_eq!(doc["paths"], current["paths"]);
    ws.ok(&[
        "create-stage",
        "--api-id",
        &api,
        "--stage-name",
        "$default",
        "--auto-deploy",
    ]);
    let doc: Value =
        serde_json::from_str(&export(&ws, &api, "JSON", &["--stage-name", "$default"])).unwrap();
    assert_eq!(doc["servers"], json!([{"url": endpoint}]));
    // The stage's export imports back to the same routes, its base path
    // left out (basepath ignore) and said so.
    let staged = export(&ws, &api, "YAML", &["--stage-name", "prod"]);
    let again = imported(&ws, &staged, &[]);
    assert_eq!(
        again["ImportInfo"],
        json!(["The base path /prod of servers is not added to the routes (basepath mode ignore)"])
    );
    let keys = |id: &str| {
        let mut k: Vec<String> = items(&ws, "get-routes", id)
            .iter()
            .map(|r| r["RouteKey"].as_str().unwrap().to_string())
            .collect();
        k.sort();
        k
    };
    assert_eq!(keys(again["ApiId"].as_str().unwrap()), keys(&api));
    // An unknown stage is not found, and no file is written.
    let out = ws.dir().join("nostage.json");
    ws.run(&[
        "export-api",
        "--api-id",
        &api,
        "--specification",
        "OAS30",
        "--output-type",
        "JSON",
        "--stage-name",
        "staging",
        out.to_str().unwrap(),
    ])
    .fails(254)
    .stderr_has("(NotFoundException)");
    assert!(!out.exists());
}

#[test]
fn bad_export_requests_are_refused() {
    let (ws, api, _) = full_api();
    let out = ws.dir().join("x.out");
    let out = out.to_str().unwrap();
    for (args, message) in [
        (
            vec!["--specification", "OAS20", "--output-type", "JSON"],
            "Invalid specification: OAS20. Must be OAS30",
        ),
        (
            vec!["--specification", "OAS30", "--output-type", "XML"],
            "Invalid output type: XML. Must be one of [JSON, YAML]",
        ),
        (
            vec![
                "--specification",
                "OAS30",
                "--output-type",
                "JSON",
                "--export-version",
                "2.0",
            ],
            "Invalid export version: 2.0. Must be 1.0",
        ),
    ] {
        let mut all = vec!["export-api", "--api-id", &api];
        all.extend(args);
        all.push(out);
        ws.run(&all).fails(254).stderr_has(message);
    }
    ws.run(&[
        "export-api",
        "--api-id",
        "nosuchapi1",
        "--specification",
        "OAS30",
        "--output-type",
        "JSON",
        out,
    ])
    .fails(254)
    .stderr_has("(NotFoundException)");
    // The outfile is required, as with the AWS CLI.
    ws.run(&[
        "export-api",
        "--api-id",
        &api,
        "--specification",
        "OAS30",
        "--output-type",
        "JSON",
    ])
    .fails(2);
    assert!(!std::path::Path::new(out).exists());
}

/// An API as comparable values: routes with their integration and
/// authorizer inlined, ids left out.
fn shape(ws: &Ws, api: &str) -> Value {
    let integrations = items(ws, "get-integrations", api);
    let authorizers = items(ws, "get-authorizers", api);
    let strip = |mut v: Value, keys: &[&str]| {
        for k in keys {
            v.as_object_mut().unwrap().remove(*k);
        }
        v
    };
    let mut routes: Vec<Value> = items(ws, "get-routes", api)
        .into_iter()
        .map(|r| {
            let integration = r["Target"]
                .as_str()
                .and_then(|t| t.strip_prefix("integrations/"))
                .and_then(|id| integrations.iter().find(|i| i["IntegrationId"] == id))
                .map(|i| strip(i.clone(), &["IntegrationId"]));
            let authorizer = authorizers
                .iter()
                .find(|a| a["AuthorizerId"] == r["AuthorizerId"])
                .map(|a| strip(a.clone(), &["AuthorizerId"]));
            json!({
                "route": strip(r, &["RouteId", "Target", "AuthorizerId"]),
                "integration": integration,
                "authorizer": authorizer,
            })
        })
        .collect();
    routes.sort_by_key(|r| r["route"]["RouteKey"].as_str().unwrap().to_string());
    let got = ws.ok(&["get-api", "--api-id", api]);
    let mut authorizers: Vec<Value> = authorizers
        .iter()
        .map(|a| strip(a.clone(), &["AuthorizerId"]))
        .collect();
    authorizers.sort_by_key(|a| a["Name"].as_str().unwrap().to_string());
    json!({
        "routes": routes,
        "integrations": integrations.len(),
        "authorizers": authorizers,
        "cors": got["CorsConfiguration"],
        "tags": got["Tags"],
        "name": got["Name"],
        "description": got["Description"],
        "disabled": got["DisableExecuteApiEndpoint"],
    })
}

#[test]
fn export_then_import_gives_the_same_api() {
    let (ws, api, _) = full_api();
    for output_type in ["YAML", "JSON"] {
        let doc = export(&ws, &api, output_type, &[]);
        let again = imported(&ws, &doc, &[]);
        let again = again["ApiId"].as_str().unwrap();
        assert_ne!(again, api);
        assert_eq!(shape(&ws, again), shape(&ws, &api), "{output_type}");
        assert!(
            import(&ws, &doc, &["--fail-on-warnings"])
                .succeeds()
                .json()
                .get("Warnings")
                .is_none(),
            "an export imports without warnings"
        );
    }
    // Into the same API (reimport): nothing changes but the ids.
    let before = shape(&ws, &api);
    let doc = export(&ws, &api, "YAML", &[]);
    imported(&ws, &doc, &["--api-id", &api]);
    assert_eq!(shape(&ws, &api), before);
}

#[test]
fn import_then_export_of_an_apigw_document_gives_the_same_document() {
    let (ws, api, _) = full_api();
    for output_type in ["YAML", "JSON"] {
        let first = export(&ws, &api, output_type, &[]);
        let again = imported(&ws, &first, &[]);
        let second = export(&ws, again["ApiId"].as_str().unwrap(), output_type, &[]);
        assert_eq!(second, first, "{output_type}");
    }
}

#[test]
fn an_integration_no_route_uses_survives_the_round_trip() {
    let ws = Ws::new();
    let api = ws.api("HTTP");
    ws.ok(&[
        "create-integration",
        "--api-id",
        &api,
        "--integration-type",
        "HTTP_PROXY",
        "--integration-method",
        "GET",
        "--integration-uri",
        "https://spare.example.com",
        "--payload-format-version",
        "1.0",
    ]);
    let doc = export(&ws, &api, "YAML", &[]);
    assert!(
        doc.contains("x-amazon-apigateway-integrations:\n    integration-1:"),
        "{doc}"
    );
    let again = imported(&ws, &doc, &[]);
    assert_eq!(
        items(&ws, "get-integrations", again["ApiId"].as_str().unwrap()).len(),
        1
    );
}
