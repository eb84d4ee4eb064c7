//! `apigw endpoint` on the wire, with hand-made HTTP: every apigatewayv2
//! route with its status and lowerCamel members, errors with their status,
//! `x-amzn-ErrorType` and message, pagination, the signing region, the bounds
//! on bodies, the Cloud Map stand-in's JSON protocol, writers sharing the
//! file with CLI processes, and Ctrl-C.

#[path = "common/endpoint.rs"]
mod endpoint;

use endpoint::Endpoint;
use serde_json::{Value, json};
use std::process::Command;

fn workspace() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("apigw.toml");
    (dir, path)
}

fn apigw(ws: &std::path::Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_apigw"))
        .args(args)
        .env("APIGW_WORKSPACE", ws)
        .env_remove("AWS_REGION")
        .env_remove("AWS_DEFAULT_REGION")
        .output()
        .unwrap()
}

fn created(e: &Endpoint, path: &str, body: Value) -> Value {
    let a = e.json("POST", path, &body);
    assert_eq!(
        a.status,
        201,
        "{path}: {}",
        String::from_utf8_lossy(&a.body)
    );
    a.json()
}

fn ok(e: &Endpoint, method: &str, path: &str, body: Value) -> Value {
    let a = e.json(method, path, &body);
    assert_eq!(
        a.status,
        200,
        "{method} {path}: {}",
        String::from_utf8_lossy(&a.body)
    );
    a.json()
}

fn deleted(e: &Endpoint, path: &str, status: u16) {
    let a = e.send("DELETE", path, &[], b"");
    assert_eq!(
        a.status,
        status,
        "{path}: {}",
        String::from_utf8_lossy(&a.body)
    );
}

#[test]
fn every_route_answers_with_the_services_status_and_wire_names() {
    let (_dir, ws) = workspace();
    let e = Endpoint::start(&ws);

    let api = created(
        &e,
        "/v2/apis",
        json!({"name": "orders", "protocolType": "HTTP", "tags": {"Team": "a"},
               "corsConfiguration": {"allowOrigins": ["https://a.example"]}}),
    );
    let id = api["apiId"].as_str().unwrap().to_string();
    assert_eq!(api["protocolType"], "HTTP");
    assert_eq!(
        api["routeSelectionExpression"],
        "$request.method $request.path"
    );
    assert_eq!(api["tags"], json!({"Team": "a"}), "map keys are kept");
    assert_eq!(
        api["corsConfiguration"],
        json!({"allowOrigins": ["https://a.example"]})
    );
    assert!(api["createdDate"].as_str().unwrap().ends_with("+00:00"));
    assert_eq!(
        ok(&e, "GET", &format!("/v2/apis/{id}"), json!({}))["name"],
        "orders"
    );
    assert_eq!(
        ok(&e, "GET", "/v2/apis", json!({}))["items"][0]["apiId"],
        id.as_str()
    );
    let updated = ok(
        &e,
        "PATCH",
        &format!("/v2/apis/{id}"),
        json!({"description": "d"}),
    );
    assert_eq!(updated["description"], "d");

    let link = created(
        &e,
        "/v2/vpclinks",
        json!({"name": "l", "subnetIds": ["subnet-1"]}),
    );
    let link_id = link["vpcLinkId"].as_str().unwrap().to_string();
    assert_eq!(link["vpcLinkVersion"], "V2");
    ok(&e, "GET", &format!("/v2/vpclinks/{link_id}"), json!({}));
    assert_eq!(
        ok(&e, "GET", "/v2/vpclinks", json!({}))["items"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    ok(
        &e,
        "PATCH",
        &format!("/v2/vpclinks/{link_id}"),
        json!({"name": "l2"}),
    );

    let integ = created(
        &e,
        &format!("/v2/apis/{id}/integrations"),
        json!({"integrationType": "HTTP_PROXY", "integrationUri": "https://example.com/{proxy}",
               "integrationMethod": "ANY", "payloadFormatVersion": "1.0",
               "requestParameters": {"append:header.x": "$request.header.y"},
               "responseParameters": {"200": {"overwrite:statuscode": "204"}}}),
    );
    let iid = integ["integrationId"].as_str().unwrap().to_string();
    assert_eq!(integ["connectionType"], "INTERNET");
    assert_eq!(integ["timeoutInMillis"], 30000);
    assert_eq!(
        integ["requestParameters"],
        json!({"append:header.x": "$request.header.y"})
    );
    assert_eq!(
        integ["responseParameters"],
        json!({"200": {"overwrite:statuscode": "204"}})
    );
    ok(
        &e,
        "GET",
        &format!("/v2/apis/{id}/integrations/{iid}"),
        json!({}),
    );
    ok(&e, "GET", &format!("/v2/apis/{id}/integrations"), json!({}));
    let changed = ok(
        &e,
        "PATCH",
        &format!("/v2/apis/{id}/integrations/{iid}"),
        json!({"timeoutInMillis": 5000}),
    );
    assert_eq!(changed["timeoutInMillis"], 5000);

    let auth = created(
        &e,
        &format!("/v2/apis/{id}/authorizers"),
        json!({"name": "jwt", "authorizerType": "JWT", "identitySource": ["$request.header.Authorization"],
               "jwtConfiguration": {"audience": ["a"], "issuer": "https://issuer.example"}}),
    );
    let aid = auth["authorizerId"].as_str().unwrap().to_string();
    assert_eq!(auth["jwtConfiguration"]["issuer"], "https://issuer.example");
    ok(
        &e,
        "GET",
        &format!("/v2/apis/{id}/authorizers/{aid}"),
        json!({}),
    );
    ok(&e, "GET", &format!("/v2/apis/{id}/authorizers"), json!({}));
    ok(
        &e,
        "PATCH",
        &format!("/v2/apis/{id}/authorizers/{aid}"),
        json!({"name": "jwt2"}),
    );

    let route = created(
        &e,
        &format!("/v2/apis/{id}/routes"),
        json!({"routeKey": "GET /pets/{id}", "target": format!("integrations/{iid}")}),
    );
    let rid = route["routeId"].as_str().unwrap().to_string();
    assert_eq!(route["authorizationType"], "NONE");
    ok(&e, "GET", &format!("/v2/apis/{id}/routes/{rid}"), json!({}));
    ok(&e, "GET", &format!("/v2/apis/{id}/routes"), json!({}));
    ok(
        &e,
        "PATCH",
        &format!("/v2/apis/{id}/routes/{rid}"),
        json!({"routeKey": "GET /cats"}),
    );

    let stage = created(
        &e,
        &format!("/v2/apis/{id}/stages"),
        json!({"stageName": "dev", "stageVariables": {"Backend": "b"},
               "defaultRouteSettings": {"throttlingBurstLimit": 5}}),
    );
    assert_eq!(stage["stageVariables"], json!({"Backend": "b"}));
    assert_eq!(stage["defaultRouteSettings"]["throttlingBurstLimit"], 5);
    ok(&e, "GET", &format!("/v2/apis/{id}/stages/dev"), json!({}));
    ok(&e, "GET", &format!("/v2/apis/{id}/stages"), json!({}));
    ok(
        &e,
        "PATCH",
        &format!("/v2/apis/{id}/stages/dev"),
        json!({"description": "x"}),
    );

    // Tags: the ARN as botocore sends it (escaped) and unescaped.
    let arn = format!("arn:aws:apigateway:us-east-2::/apis/{id}");
    let escaped = arn.replace(':', "%3A").replace('/', "%2F");
    created(
        &e,
        &format!("/v2/tags/{escaped}"),
        json!({"tags": {"Env": "dev"}}),
    );
    assert_eq!(
        ok(&e, "GET", &format!("/v2/tags/{arn}"), json!({})),
        json!({"tags": {"Env": "dev", "Team": "a"}})
    );
    deleted(
        &e,
        &format!("/v2/tags/{escaped}?tagKeys=Team&tagKeys=Env"),
        204,
    );
    assert_eq!(
        ok(&e, "GET", &format!("/v2/tags/{escaped}"), json!({})),
        json!({"tags": {}})
    );
    let link_arn = format!("arn:aws:apigateway:us-east-2::/vpclinks/{link_id}");
    created(
        &e,
        &format!("/v2/tags/{link_arn}"),
        json!({"tags": {"k": "v"}}),
    );
    assert_eq!(
        ok(&e, "GET", &format!("/v2/vpclinks/{link_id}"), json!({}))["tags"],
        json!({"k": "v"})
    );

    deleted(&e, &format!("/v2/apis/{id}/stages/dev"), 204);
    deleted(&e, &format!("/v2/apis/{id}/routes/{rid}"), 204);
    deleted(&e, &format!("/v2/apis/{id}/authorizers/{aid}"), 204);
    deleted(&e, &format!("/v2/apis/{id}/integrations/{iid}"), 204);
    deleted(&e, &format!("/v2/vpclinks/{link_id}"), 202);
    deleted(&e, &format!("/v2/apis/{id}"), 204);

    // What the endpoint wrote is what the CLI reads.
    let out = apigw(&ws, &["get-apis"]);
    assert!(out.status.success());
    assert_eq!(
        serde_json::from_slice::<Value>(&out.stdout).unwrap(),
        json!({"Items": []})
    );
}

#[test]
fn service_errors_carry_their_status_type_and_message() {
    let (_dir, ws) = workspace();
    let e = Endpoint::start(&ws);
    let a = e.get("/v2/apis/nope");
    assert_eq!(a.status, 404);
    assert_eq!(
        a.error(),
        (
            "NotFoundException".into(),
            "Invalid API identifier specified 123456789012:nope".into()
        )
    );
    // The CLI says the same for the same call.
    let out = apigw(&ws, &["get-api", "--api-id", "nope"]);
    assert_eq!(out.status.code(), Some(254));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        "An error occurred (NotFoundException) when calling the GetApi operation: \
         Invalid API identifier specified 123456789012:nope"
    );

    let api = created(&e, "/v2/apis", json!({"name": "a", "protocolType": "HTTP"}));
    let id = api["apiId"].as_str().unwrap();
    let a = e.json(
        "POST",
        &format!("/v2/apis/{id}/integrations"),
        &json!({"integrationType": "AWS", "integrationUri": "https://example.com"}),
    );
    assert_eq!(a.status, 400);
    assert_eq!(
        a.error(),
        (
            "BadRequestException".into(),
            "Currently, an API with a protocol type of HTTP may only be associated with proxy integrations (AWS_PROXY, HTTP_PROXY)".into()
        )
    );

    let integ = created(
        &e,
        &format!("/v2/apis/{id}/integrations"),
        json!({"integrationType": "HTTP_PROXY", "integrationUri": "https://example.com", "integrationMethod": "ANY"}),
    );
    let iid = integ["integrationId"].as_str().unwrap();
    let route = json!({"routeKey": "GET /a", "target": format!("integrations/{iid}")});
    created(&e, &format!("/v2/apis/{id}/routes"), route.clone());
    let a = e.json("POST", &format!("/v2/apis/{id}/routes"), &route);
    assert_eq!(a.status, 409);
    assert_eq!(a.error().0, "ConflictException");
    assert!(
        a.error()
            .1
            .starts_with("Route with key GET /a already exists"),
        "{:?}",
        a.error()
    );

    // Input the checks refuse: a 400 BadRequestException with their words.
    let a = e.json(
        "POST",
        &format!("/v2/apis/{id}/integrations"),
        &json!({"integrationType": "HTTP_PROXY", "timeoutInMillis": 10, "bogus": 1}),
    );
    assert_eq!(a.status, 400);
    let (kind, message) = a.error();
    assert_eq!(kind, "BadRequestException");
    assert!(
        message.contains(
            "Invalid value for parameter TimeoutInMillis, value: 10, valid min value: 50"
        ),
        "{message}"
    );
    assert!(
        message.contains("Unknown parameter in input: \"Bogus\""),
        "{message}"
    );
}

#[test]
fn malformed_requests_and_unknown_paths_get_clean_answers() {
    let (_dir, ws) = workspace();
    let e = Endpoint::start(&ws);
    for (method, path) in [
        ("GET", "/v2/nothing"),
        // PUT /v2/apis is ImportApi now; PATCH the collection is nothing.
        ("PATCH", "/v2/apis"),
        ("GET", "/v2/apis/a/b"),
        ("GET", "/"),
    ] {
        let a = e.get_with(method, path);
        assert_eq!(a.status, 404, "{method} {path}");
        let (kind, message) = a.error();
        assert_eq!(kind, "NotFoundException");
        assert!(message.contains(path), "{message}");
    }
    for body in [&b"{not json"[..], b"[1, 2]", b"\"text\"", b"\xff\xfe"] {
        let a = e.send(
            "POST",
            "/v2/apis",
            &[("Content-Type", "application/json")],
            body,
        );
        assert_eq!(a.status, 400, "{}", String::from_utf8_lossy(body));
        assert_eq!(a.error().0, "BadRequestException");
    }
    let deep = "[".repeat(10_000) + &"]".repeat(10_000);
    let a = e.send("POST", "/v2/apis", &[], deep.as_bytes());
    assert_eq!(a.status, 400);
    assert!(
        a.error().1.contains("nested deeper than 64 levels"),
        "{:?}",
        a.error()
    );
    let huge = vec![b' '; 2 << 20];
    let a = e.send("POST", "/v2/apis", &[], &huge);
    assert_eq!(a.status, 413);
    assert_eq!(a.error().0, "BadRequestException");
    // Not HTTP at all: hyper answers 400 and the endpoint stays up.
    let mut s = std::net::TcpStream::connect(e.addr).unwrap();
    std::io::Write::write_all(&mut s, b"\x16\x03\x01garbage\r\n\r\n").unwrap();
    let _ = endpoint::read_answer(&mut s);
    assert_eq!(e.get("/v2/apis").status, 200);
}

#[test]
fn pages_follow_max_results_and_next_token() {
    let (_dir, ws) = workspace();
    let e = Endpoint::start(&ws);
    let id = created(&e, "/v2/apis", json!({"name": "a", "protocolType": "HTTP"}))["apiId"]
        .as_str()
        .unwrap()
        .to_string();
    for n in 0..3 {
        created(
            &e,
            &format!("/v2/apis/{id}/integrations"),
            json!({"integrationType": "HTTP_PROXY", "integrationUri": format!("https://e{n}.example"), "integrationMethod": "ANY"}),
        );
    }
    let first = ok(
        &e,
        "GET",
        &format!("/v2/apis/{id}/integrations?maxResults=2"),
        json!({}),
    );
    assert_eq!(first["items"].as_array().unwrap().len(), 2);
    let token = first["nextToken"]
        .as_str()
        .expect("a nextToken")
        .to_string();
    let second = ok(
        &e,
        "GET",
        &format!("/v2/apis/{id}/integrations?maxResults=2&nextToken={token}"),
        json!({}),
    );
    assert_eq!(second["items"].as_array().unwrap().len(), 1);
    assert!(second.get("nextToken").is_none());
    let a = e.get(&format!("/v2/apis/{id}/integrations?maxResults=zero"));
    assert_eq!(
        (a.status, a.error().0.as_str()),
        (400, "BadRequestException")
    );
    let a = e.get(&format!("/v2/apis/{id}/integrations?nextToken=nope"));
    assert_eq!(a.status, 400);
    // VPC links take the service's members themselves.
    for n in 0..2 {
        created(
            &e,
            "/v2/vpclinks",
            json!({"name": format!("l{n}"), "subnetIds": ["subnet-1"]}),
        );
    }
    let page = ok(&e, "GET", "/v2/vpclinks?maxResults=1", json!({}));
    assert_eq!(page["items"].as_array().unwrap().len(), 1);
    assert!(page["nextToken"].is_string());
}

#[test]
fn the_signing_region_is_the_calls_region() {
    let (_dir, ws) = workspace();
    let e = Endpoint::start(&ws);
    let auth = "AWS4-HMAC-SHA256 Credential=AKID/20260101/eu-west-3/apigateway/aws4_request, \
                SignedHeaders=host;x-amz-date, Signature=0123";
    let a = e.send(
        "POST",
        "/v2/apis",
        &[("Authorization", auth)],
        br#"{"name":"a","protocolType":"HTTP"}"#,
    );
    assert_eq!(a.status, 201);
    let endpoint = a.json()["apiEndpoint"].as_str().unwrap().to_string();
    assert!(
        endpoint.ends_with(".execute-api.eu-west-3.amazonaws.com"),
        "{endpoint}"
    );
    let unsigned = created(&e, "/v2/apis", json!({"name": "b", "protocolType": "HTTP"}));
    assert!(
        unsigned["apiEndpoint"]
            .as_str()
            .unwrap()
            .contains("us-east-2")
    );
    let bad = "AWS4-HMAC-SHA256 Credential=AKID/20260101/not a region/apigateway/aws4_request";
    let a = e.send("GET", "/v2/apis", &[("Authorization", bad)], b"");
    assert_eq!(a.status, 400);
}

#[test]
fn cloud_map_verbs_speak_servicediscoverys_json_protocol() {
    let (_dir, ws) = workspace();
    let e = Endpoint::start(&ws);
    let service = "srv-abcdefgh12345678";
    let a = e.cloud_map(
        "RegisterInstance",
        &json!({"ServiceId": service, "InstanceId": "i1",
                "Attributes": {"AWS_INSTANCE_IPV4": "127.0.0.1", "AWS_INSTANCE_PORT": "8080", "color": "blue"}}),
    );
    assert_eq!(a.status, 200, "{}", String::from_utf8_lossy(&a.body));
    let op = a.json()["OperationId"].as_str().unwrap().to_string();
    let got = e
        .cloud_map("GetOperation", &json!({"OperationId": op}))
        .json();
    assert_eq!(got["Operation"]["Status"], "SUCCESS");
    assert_eq!(got["Operation"]["Type"], "REGISTER_INSTANCE");
    let inst = e
        .cloud_map(
            "GetInstance",
            &json!({"ServiceId": service, "InstanceId": "i1"}),
        )
        .json();
    assert_eq!(inst["Instance"]["Attributes"]["color"], "blue");
    let list = e
        .cloud_map("ListInstances", &json!({"ServiceId": service}))
        .json();
    assert_eq!(list["Instances"][0]["Id"], "i1");
    let found = e
        .cloud_map("DiscoverInstances", &json!({"NamespaceName": "ns", "ServiceName": service, "QueryParameters": {"color": "blue"}}))
        .json();
    assert_eq!(found["Instances"][0]["InstanceId"], "i1");
    let a = e.cloud_map(
        "UpdateInstanceCustomHealthStatus",
        &json!({"ServiceId": service, "InstanceId": "i1", "Status": "UNHEALTHY"}),
    );
    assert_eq!((a.status, a.json()), (200, json!({})));
    let found = e
        .cloud_map(
            "DiscoverInstances",
            &json!({"NamespaceName": "ns", "ServiceName": service}),
        )
        .json();
    assert_eq!(found["Instances"], json!([]));
    // The CLI sees what the endpoint wrote.
    let out = apigw(
        &ws,
        &[
            "servicediscovery",
            "list-instances",
            "--service-id",
            service,
        ],
    );
    assert!(out.status.success());

    let a = e.cloud_map(
        "GetInstance",
        &json!({"ServiceId": service, "InstanceId": "nope"}),
    );
    assert_eq!(a.status, 400);
    let body = a.json();
    assert_eq!(body["__type"], "InstanceNotFound");
    assert_eq!(
        body["message"],
        "Instance not found: service srv-abcdefgh12345678 has no instance nope"
    );
    let a = e.cloud_map(
        "ListInstances",
        &json!({"ServiceId": "srv-0000000000000000"}),
    );
    assert_eq!(
        (a.status, a.json()["__type"].as_str()),
        (400, Some("ServiceNotFound"))
    );
    let a = e.cloud_map("GetOperation", &json!({"OperationId": "made-up"}));
    assert_eq!(
        (a.status, a.json()["__type"].as_str()),
        (400, Some("OperationNotFound"))
    );
    let a = e.cloud_map("CreateService", &json!({}));
    assert_eq!(
        (a.status, a.json()["__type"].as_str()),
        (400, Some("UnknownOperationException"))
    );
    let a = e.send(
        "POST",
        "/",
        &[("X-Amz-Target", "Route53AutoNaming_v20170314.ListInstances")],
        b"{oops",
    );
    assert_eq!(
        (a.status, a.json()["__type"].as_str()),
        (400, Some("InvalidInput"))
    );
    let a = e.cloud_map(
        "DeregisterInstance",
        &json!({"ServiceId": service, "InstanceId": "i1"}),
    );
    let op = a.json()["OperationId"].as_str().unwrap().to_string();
    let got = e
        .cloud_map("GetOperation", &json!({"OperationId": op}))
        .json();
    assert_eq!(got["Operation"]["Type"], "DEREGISTER_INSTANCE");
}

#[test]
fn endpoint_writers_and_cli_processes_share_one_file() {
    let (_dir, ws) = workspace();
    let e = Endpoint::start(&ws);
    let id = created(&e, "/v2/apis", json!({"name": "a", "protocolType": "HTTP"}))["apiId"]
        .as_str()
        .unwrap()
        .to_string();
    const EACH: usize = 5;
    std::thread::scope(|s| {
        for t in 0..8 {
            let (e, id) = (&e, &id);
            s.spawn(move || {
                for n in 0..EACH {
                    created(
                        e,
                        &format!("/v2/apis/{id}/integrations"),
                        json!({"integrationType": "HTTP_PROXY", "integrationMethod": "ANY",
                               "integrationUri": format!("https://wire-{t}-{n}.example")}),
                    );
                }
            });
        }
        for t in 0..4 {
            let (ws, id) = (&ws, &id);
            s.spawn(move || {
                for n in 0..EACH {
                    let uri = format!("https://cli-{t}-{n}.example");
                    let out = apigw(
                        ws,
                        &[
                            "create-integration",
                            "--api-id",
                            id,
                            "--integration-type",
                            "HTTP_PROXY",
                            "--integration-method",
                            "ANY",
                            "--integration-uri",
                            &uri,
                        ],
                    );
                    assert!(
                        out.status.success(),
                        "{}",
                        String::from_utf8_lossy(&out.stderr)
                    );
                }
            });
        }
    });
    let all = ok(&e, "GET", &format!("/v2/apis/{id}/integrations"), json!({}));
    assert_eq!(all["items"].as_array().unwrap().len(), 12 * EACH);
    let out = apigw(
        &ws,
        &[
            "get-integrations",
            "--api-id",
            &id,
            "--query",
            "length(Items)",
        ],
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        (12 * EACH).to_string()
    );
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_the_endpoint_with_130() {
    let (_dir, ws) = workspace();
    let e = Endpoint::start(&ws);
    assert_eq!(e.get("/v2/apis").status, 200);
    let kill = Command::new("kill")
        .args(["-INT", &e.pid().to_string()])
        .status()
        .unwrap();
    assert!(kill.success());
    assert_eq!(e.wait(), Some(130));
}
