//! Custom domain names and API mappings as a user types them: each rule
//! with the service's message and exit code, what the answers hold, and a
//! file left as it was after every refusal.

#[path = "common/cli.rs"]
mod cli;

use cli::*;
use serde_json::json;

/// `CertificateArn=…` of a certificate for example.com and *.example.com
/// from the local CA (the one already issued, after the first call):
/// domain names need a certificate that exists and covers them.
fn cert(ws: &Ws) -> String {
    let listed = ws.ok(&["acm", "list-certificates"]);
    let arn = match listed["CertificateSummaryList"][0]["CertificateArn"].as_str() {
        Some(arn) => arn.to_string(),
        None => ws.ok(&[
            "acm",
            "request-certificate",
            "--domain-name",
            "example.com",
            "--subject-alternative-names",
            "*.example.com",
        ])["CertificateArn"]
            .as_str()
            .unwrap()
            .to_string(),
    };
    format!("CertificateArn={arn}")
}

/// A domain name with one regional TLS 1.2 configuration.
fn domain(ws: &Ws, name: &str) -> serde_json::Value {
    let config = format!("{},EndpointType=REGIONAL,SecurityPolicy=TLS_1_2", cert(ws));
    ws.ok(&[
        "create-domain-name",
        "--domain-name",
        name,
        "--domain-name-configurations",
        &config,
    ])
}

/// An HTTP API with a stage `prod`.
fn api_with_stage(ws: &Ws) -> String {
    let api = ws.api("HTTP");
    ws.ok(&["create-stage", "--api-id", &api, "--stage-name", "prod"]);
    api
}

#[test]
fn a_domain_name_is_made_regional_with_the_service_s_members() {
    let ws = Ws::new();
    let d = domain(&ws, "api.example.com");
    assert_eq!(d["DomainName"], "api.example.com");
    assert_eq!(d["ApiMappingSelectionExpression"], "$request.basepath");
    assert_eq!(
        d["DomainNameArn"],
        "arn:aws:apigateway:us-east-2::/domainnames/api.example.com"
    );
    assert_eq!(d["RoutingMode"], "API_MAPPING_ONLY");
    let c = &d["DomainNameConfigurations"][0];
    assert_eq!(c["DomainNameStatus"], "AVAILABLE");
    assert_eq!(c["EndpointType"], "REGIONAL");
    assert_eq!(c["SecurityPolicy"], "TLS_1_2");
    let target = c["ApiGatewayDomainName"].as_str().unwrap();
    assert!(
        target.starts_with("d-") && target.ends_with(".execute-api.us-east-2.amazonaws.com"),
        "{target}"
    );
    assert_eq!(
        ws.ok(&["get-domain-name", "--domain-name", "api.example.com"]),
        d
    );
    assert_eq!(
        ws.ok(&["get-domain-names", "--query", "Items[].DomainName"]),
        json!(["api.example.com"])
    );
    // A wildcard name is a name too.
    domain(&ws, "*.example.com");
}

#[test]
fn domain_name_rules() {
    let ws = Ws::new();
    domain(&ws, "api.example.com");
    let cert = cert(&ws);
    let before = read(&ws.path);
    let cases: &[(&[&str], i32, &str)] = &[
        (
            &[
                "create-domain-name",
                "--domain-name",
                "api.example.com",
                "--domain-name-configurations",
                &cert,
            ],
            254,
            "(ConflictException) when calling the CreateDomainName operation: The domain name you provided already exists.",
        ),
        (
            &[
                "create-domain-name",
                "--domain-name",
                "edge.example.com",
                "--domain-name-configurations",
                &format!("{cert},EndpointType=EDGE"),
            ],
            254,
            "Only REGIONAL domain names are supported for HTTP APIs",
        ),
        (
            &[
                "create-domain-name",
                "--domain-name",
                "old.example.com",
                "--domain-name-configurations",
                &format!("{cert},SecurityPolicy=TLS_1_0"),
            ],
            254,
            "HTTP APIs support only the TLS_1_2 security policy",
        ),
        (
            &["create-domain-name", "--domain-name", "nocert.example.com"],
            254,
            "DomainNameConfigurations must hold one configuration",
        ),
        (
            &[
                "create-domain-name",
                "--domain-name",
                "bad.example.com",
                "--domain-name-configurations",
                "CertificateArn=arn:aws:iam::123456789012:server-certificate/x",
            ],
            254,
            "Invalid certificate ARN",
        ),
        (
            &[
                "create-domain-name",
                "--domain-name",
                "not a name",
                "--domain-name-configurations",
                &cert,
            ],
            254,
            "Invalid domain name",
        ),
        (
            &["get-domain-name", "--domain-name", "nope.example.com"],
            254,
            "(NotFoundException) when calling the GetDomainName operation: Invalid domain name identifier specified",
        ),
        (
            &["delete-domain-name", "--domain-name", "nope.example.com"],
            254,
            "Invalid domain name identifier specified",
        ),
    ];
    for (args, code, message) in cases {
        ws.run(args).fails(*code).stderr_has(message);
        assert_eq!(read(&ws.path), before, "{args:?} changed the file");
    }
}

#[test]
fn api_mappings_and_their_rules() {
    let ws = Ws::new();
    domain(&ws, "api.example.com");
    let api = api_with_stage(&ws);
    let orders = ws.ok(&[
        "create-api-mapping",
        "--domain-name",
        "api.example.com",
        "--api-id",
        &api,
        "--stage",
        "prod",
        "--api-mapping-key",
        "orders",
    ]);
    assert_eq!(orders["ApiId"], api.as_str());
    assert_eq!(orders["ApiMappingKey"], "orders");
    assert_eq!(orders["Stage"], "prod");
    let id = orders["ApiMappingId"].as_str().unwrap().to_string();
    ws.ok(&[
        "create-api-mapping",
        "--domain-name",
        "api.example.com",
        "--api-id",
        &api,
        "--stage",
        "prod",
        "--api-mapping-key",
        "billing/v2",
    ]);
    let rest = ws.ok(&[
        "create-api-mapping",
        "--domain-name",
        "api.example.com",
        "--api-id",
        &api,
        "--stage",
        "prod",
    ]);
    assert!(rest.get("ApiMappingKey").is_none(), "{rest}");
    assert_eq!(
        ws.ok(&[
            "get-api-mappings",
            "--domain-name",
            "api.example.com",
            "--query",
            "length(Items)"
        ]),
        json!(3)
    );
    assert_eq!(
        ws.ok(&[
            "get-api-mapping",
            "--domain-name",
            "api.example.com",
            "--api-mapping-id",
            &id
        ]),
        orders
    );

    let before = read(&ws.path);
    let key_message = "(BadRequestException) when calling the CreateApiMapping operation: An ApiMapping key may contain only letters, numbers and one of $-_.+!*'()";
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["--api-mapping-key", "/"], key_message),
        (vec!["--api-mapping-key", "a b"], key_message),
        (
            vec!["--api-mapping-key", "orders"],
            "(ConflictException) when calling the CreateApiMapping operation: ApiMapping key already exists for this domain name",
        ),
        (vec![], "ApiMapping key already exists for this domain name"),
    ];
    for (extra, message) in cases {
        let mut args = vec![
            "create-api-mapping",
            "--domain-name",
            "api.example.com",
            "--api-id",
            &api,
            "--stage",
            "prod",
        ];
        args.extend(extra);
        ws.run(&args).fails(254).stderr_has(message);
        assert_eq!(read(&ws.path), before, "{args:?} changed the file");
    }
    ws.run(&["create-api-mapping", "--domain-name", "nope.example.com", "--api-id", &api, "--stage", "prod"])
        .fails(254)
        .stderr_has("(NotFoundException) when calling the CreateApiMapping operation: Invalid domain name identifier specified");
    ws.run(&["create-api-mapping", "--domain-name", "api.example.com", "--api-id", &api, "--stage", "beta", "--api-mapping-key", "beta"])
        .fails(254)
        .stderr_has("(NotFoundException) when calling the CreateApiMapping operation: Invalid stage identifier specified beta");
    ws.run(&[
        "create-api-mapping",
        "--domain-name",
        "api.example.com",
        "--api-id",
        "nope123456",
        "--stage",
        "prod",
        "--api-mapping-key",
        "x",
    ])
    .fails(254)
    .stderr_has("Invalid API identifier specified nope123456");
    ws.run(&[
        "create-api-mapping",
        "--domain-name",
        "api.example.com",
        "--stage",
        "prod",
    ])
    .fails(2)
    .stderr_has("--api-id");
    assert_eq!(read(&ws.path), before);

    // Update keeps the rules; delete removes one mapping.
    let moved = ws.ok(&[
        "update-api-mapping",
        "--domain-name",
        "api.example.com",
        "--api-mapping-id",
        &id,
        "--api-id",
        &api,
        "--api-mapping-key",
        "orders/v1",
    ]);
    assert_eq!(moved["ApiMappingKey"], "orders/v1");
    ws.run(&[
        "update-api-mapping",
        "--domain-name",
        "api.example.com",
        "--api-mapping-id",
        &id,
        "--api-id",
        &api,
        "--api-mapping-key",
        "billing/v2",
    ])
    .fails(254)
    .stderr_has("ApiMapping key already exists for this domain name");
    ws.text(&[
        "delete-api-mapping",
        "--domain-name",
        "api.example.com",
        "--api-mapping-id",
        &id,
    ]);
    ws.run(&[
        "get-api-mapping",
        "--domain-name",
        "api.example.com",
        "--api-mapping-id",
        &id,
    ])
    .fails(254)
    .stderr_has("NotFoundException");
}

#[test]
fn deleting_a_stage_an_api_or_a_domain_takes_its_mappings() {
    let ws = Ws::new();
    domain(&ws, "api.example.com");
    let a = api_with_stage(&ws);
    let b = api_with_stage(&ws);
    for (api, key) in [(&a, "a"), (&b, "b")] {
        ws.ok(&[
            "create-api-mapping",
            "--domain-name",
            "api.example.com",
            "--api-id",
            api,
            "--stage",
            "prod",
            "--api-mapping-key",
            key,
        ]);
    }
    let keys = |ws: &Ws| {
        ws.ok(&[
            "get-api-mappings",
            "--domain-name",
            "api.example.com",
            "--query",
            "sort(Items[].ApiMappingKey)",
        ])
    };
    ws.text(&["delete-stage", "--api-id", &a, "--stage-name", "prod"]);
    assert_eq!(keys(&ws), json!(["b"]));
    ws.text(&["delete-api", "--api-id", &b]);
    assert_eq!(keys(&ws), json!([]));
    ws.ok(&["create-stage", "--api-id", &a, "--stage-name", "prod"]);
    ws.ok(&[
        "create-api-mapping",
        "--domain-name",
        "api.example.com",
        "--api-id",
        &a,
        "--stage",
        "prod",
    ]);
    ws.text(&["delete-domain-name", "--domain-name", "api.example.com"]);
    assert!(
        !String::from_utf8(read(&ws.path))
            .unwrap()
            .contains("api-mappings")
    );
}

#[test]
fn tags_on_a_domain_name() {
    let ws = Ws::new();
    domain(&ws, "api.example.com");
    let arn = "arn:aws:apigateway:us-east-2::/domainnames/api.example.com";
    ws.text(&["tag-resource", "--resource-arn", arn, "--tags", "Team=edge"]);
    assert_eq!(
        ws.ok(&["get-tags", "--resource-arn", arn]),
        json!({"Tags": {"Team": "edge"}})
    );
    assert_eq!(
        ws.ok(&["get-domain-name", "--domain-name", "api.example.com"])["Tags"],
        json!({"Team": "edge"})
    );
}

#[test]
fn hand_edits_of_domains_and_mappings_face_the_same_rules() {
    let ws = Ws::new();
    domain(&ws, "api.example.com");
    let api = api_with_stage(&ws);
    ws.ok(&[
        "create-api-mapping",
        "--domain-name",
        "api.example.com",
        "--api-id",
        &api,
        "--stage",
        "prod",
        "--api-mapping-key",
        "orders",
    ]);
    let good = String::from_utf8(read(&ws.path)).unwrap();
    let edits = [
        (
            "ApiMappingKey = \"orders\"",
            "ApiMappingKey = \"/\"",
            "An ApiMapping key may contain only",
        ),
        (
            "SecurityPolicy = \"TLS_1_2\"",
            "SecurityPolicy = \"TLS_1_0\"",
            "TLS_1_2 security policy",
        ),
        (
            &format!("ApiId = \"{api}\""),
            "ApiId = \"nope123456\"",
            "maps to API nope123456",
        ),
    ];
    for (from, to, message) in edits {
        // The last one: the mapping's, the domain's, after the API's own.
        let at = good.rfind(from).unwrap_or_else(|| panic!("{from}"));
        let edited = format!("{}{to}{}", &good[..at], &good[at + from.len()..]);
        std::fs::write(&ws.path, edited).unwrap();
        ws.run(&["get-domain-names"]).fails(253).stderr_has(message);
    }
}
