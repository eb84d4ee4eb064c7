//! Output formats, `--query` and pagination, as the AWS CLI prints them.

#[path = "common/cli.rs"]
mod cli;

use cli::*;
use serde_json::json;

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
