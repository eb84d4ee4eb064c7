//! The aws CLI (v1, from PyPI into target/aws-venv) against `apigw endpoint`:
//! every apigatewayv2 operation apigw implements, the CLI's pagination, each
//! error kind, the seed page's two commands and the servicediscovery verbs.
//! Each call is made twice, `aws apigatewayv2 … --endpoint-url URL` and
//! `apigw …` on the same workspace, and the two outputs must be the same
//! bytes once ids and the digits of dates are masked.
//!
//! Where CLI v1 and apigw (which follows CLI v2) differ by design, the test
//! says so: v1 exits 255 for a service error or a bad parameter value where
//! v2 and apigw exit 254 and 252, and v1 puts a blank line before an error.
//! Without python3 or the registry, or with an apigw that has no `endpoint`
//! command, each test prints "skipped: <reason>" and passes.

mod common;

use common::aws::{self, Clients, Endpoint, Ran, mask};

const LISTENER_ARN: &str = common::LISTENER_ARN;
const CLOUD_MAP_URI: &str = common::CLOUD_MAP_URI;

/// The clients and a running endpoint, or `None` after printing why not.
fn setup() -> Option<(Clients, Endpoint)> {
    let clients = match aws::clients() {
        Ok(c) => c,
        Err(reason) => {
            aws::skip(&reason);
            return None;
        }
    };
    match Endpoint::start() {
        Ok(ep) => Some((clients, ep)),
        Err(reason) => {
            aws::skip(&reason);
            None
        }
    }
}

/// Both fronts for one call: `aws apigatewayv2 ARGS` and `apigw ARGS`.
struct Pair {
    aws: Ran,
    apigw: Ran,
}

/// Runs one call through both fronts in `--output FORMAT` and asserts the
/// same exit (0 for both), and the same stdout and stderr after masking.
/// Returns the aws CLI's run.
fn same(clients: &Clients, ep: &Endpoint, args: &[&str], format: &str) -> Ran {
    let pair = both(clients, ep, args, format);
    assert_eq!(
        pair.aws.code, 0,
        "aws {args:?} --output {format} failed: {}",
        pair.aws.stderr
    );
    assert_eq!(
        pair.apigw.code, 0,
        "apigw {args:?} --output {format} failed: {}",
        pair.apigw.stderr
    );
    let ids = ep.ids();
    assert_eq!(
        mask(&pair.aws.stdout, &ids),
        mask(&pair.apigw.stdout, &ids),
        "aws (left) and apigw (right) print differently for {args:?} --output {format}"
    );
    pair.aws
}

fn both(clients: &Clients, ep: &Endpoint, args: &[&str], format: &str) -> Pair {
    let mut aws_args = vec!["apigatewayv2"];
    aws_args.extend_from_slice(args);
    aws_args.extend_from_slice(&["--output", format]);
    let mut apigw_args = args.to_vec();
    apigw_args.extend_from_slice(&["--output", format]);
    std::thread::scope(|s| {
        let apigw = s.spawn(|| ep.apigw(&apigw_args));
        let aws = ep.aws(clients, &aws_args);
        Pair {
            aws,
            apigw: apigw.join().expect("apigw run"),
        }
    })
}

/// One create through both fronts where a name must be unique: `NAME` in
/// the arguments is `xaws` for the aws CLI and `xcli` for apigw, and the
/// outputs must agree once that is undone.
fn same_named(clients: &Clients, ep: &Endpoint, args: &[&str], format: &str) {
    let with =
        |name: &str| -> Vec<String> { args.iter().map(|a| a.replace("NAME", name)).collect() };
    let (a, c) = (with("xaws"), with("xcli"));
    let mut aws_args = vec!["apigatewayv2"];
    aws_args.extend(a.iter().map(String::as_str));
    aws_args.extend_from_slice(&["--output", format]);
    let mut apigw_args: Vec<&str> = c.iter().map(String::as_str).collect();
    apigw_args.extend_from_slice(&["--output", format]);
    let by_aws = ep.aws(clients, &aws_args).ok("aws");
    let by_apigw = ep.apigw(&apigw_args).ok("apigw");
    let ids = ep.ids();
    assert_eq!(
        mask(&by_aws.stdout, &ids),
        mask(&by_apigw.stdout, &ids).replace("xcli", "xaws"),
        "aws (left) and apigw (right) print differently for {args:?} --output {format}"
    );
}

/// Every format for a call whose answer does not depend on being made
/// twice (reads, and updates that set the same values again).
fn same_in_every_format(clients: &Clients, ep: &Endpoint, args: &[&str]) -> serde_json::Value {
    // The three at once: they read (or set the same values), so their order
    // does not matter, and the CLI's start-up time is spent in parallel.
    std::thread::scope(|s| {
        let text = s.spawn(|| same(clients, ep, args, "text"));
        let table = s.spawn(|| same(clients, ep, args, "table"));
        let json = same(clients, ep, args, "json").json();
        for side in [text, table] {
            if let Err(panic) = side.join() {
                std::panic::resume_unwind(panic);
            }
        }
        json
    })
}

/// A service refusal through both fronts: the same message after
/// `An error occurred (KIND) when calling the OPERATION operation: `, aws
/// CLI v1's exit 255 and apigw's 254 (CLI v2's code for a service error).
fn refused(clients: &Clients, ep: &Endpoint, args: &[&str], kind: &str, message: &str) {
    let pair = both(clients, ep, args, "json");
    assert_eq!(pair.aws.code, 255, "aws {args:?}: {}", pair.aws.stderr);
    assert_eq!(
        pair.apigw.code, 254,
        "apigw {args:?}: {}",
        pair.apigw.stderr
    );
    assert_eq!(pair.aws.stdout, "", "aws {args:?}");
    assert_eq!(pair.apigw.stdout, "", "apigw {args:?}");
    let prefix = format!("An error occurred ({kind}) when calling the ");
    let aws_err = pair.aws.stderr.trim_start_matches('\n');
    assert!(
        aws_err.starts_with(&prefix) && aws_err.contains(message),
        "aws {args:?}: want {kind}: {message}, got {aws_err}"
    );
    assert_eq!(
        aws_err, pair.apigw.stderr,
        "aws (left) and apigw (right) refuse {args:?} differently"
    );
}

fn id(v: &serde_json::Value, key: &str) -> String {
    v[key]
        .as_str()
        .unwrap_or_else(|| panic!("no {key} in {v}"))
        .to_string()
}

/// An API and a VPC link made through the endpoint, for the tests that
/// need somewhere to put integrations.
fn api_and_link(clients: &Clients, ep: &Endpoint) -> (String, String) {
    let api = ep
        .aws(
            clients,
            &[
                "apigatewayv2",
                "create-api",
                "--name",
                "orders",
                "--protocol-type",
                "HTTP",
            ],
        )
        .ok("aws create-api")
        .json();
    let link = ep
        .aws(
            clients,
            &[
                "apigatewayv2",
                "create-vpc-link",
                "--name",
                "link",
                "--subnet-ids",
                "subnet-aaaa1111",
                "subnet-bbbb2222",
            ],
        )
        .ok("aws create-vpc-link")
        .json();
    (id(&api, "ApiId"), id(&link, "VpcLinkId"))
}

#[test]
fn aws_cli_drives_every_operation_and_prints_what_apigw_prints() {
    let Some((clients, ep)) = setup() else {
        return;
    };
    // APIs: create in every format (each call makes one more API).
    let create_api = [
        "create-api",
        "--name",
        "orders",
        "--protocol-type",
        "HTTP",
        "--description",
        "the orders service",
        "--cors-configuration",
        "AllowOrigins=https://shop.example.com,AllowMethods=GET,POST,MaxAge=300",
        "--tags",
        "team=payments,env=test",
    ];
    let api = same(&clients, &ep, &create_api, "json").json();
    same(&clients, &ep, &create_api, "text");
    same(&clients, &ep, &create_api, "table");
    let api_id = id(&api, "ApiId");
    assert_eq!(api["Tags"]["team"], "payments");
    same_in_every_format(&clients, &ep, &["get-api", "--api-id", &api_id]);
    same_in_every_format(&clients, &ep, &["get-apis"]);
    same_in_every_format(
        &clients,
        &ep,
        &[
            "update-api",
            "--api-id",
            &api_id,
            "--name",
            "orders-v2",
            "--cors-configuration",
            "AllowOrigins=https://shop.example.com,AllowHeaders=authorization",
        ],
    );

    // VPC links.
    let create_link = [
        "create-vpc-link",
        "--name",
        "private",
        "--subnet-ids",
        "subnet-aaaa1111",
        "subnet-bbbb2222",
        "--security-group-ids",
        "sg-0123456789",
        "--tags",
        "env=test",
    ];
    let link = same(&clients, &ep, &create_link, "json").json();
    same(&clients, &ep, &create_link, "table");
    let link_id = id(&link, "VpcLinkId");
    same_in_every_format(&clients, &ep, &["get-vpc-link", "--vpc-link-id", &link_id]);
    same_in_every_format(&clients, &ep, &["get-vpc-links"]);
    same_in_every_format(
        &clients,
        &ep,
        &[
            "update-vpc-link",
            "--vpc-link-id",
            &link_id,
            "--name",
            "private-2",
        ],
    );

    // Tags on both kinds of ARN.
    let api_arn = format!("arn:aws:apigateway:us-east-2::/apis/{api_id}");
    let link_arn = format!("arn:aws:apigateway:us-east-2::/vpclinks/{link_id}");
    for arn in [&api_arn, &link_arn] {
        same(
            &clients,
            &ep,
            &[
                "tag-resource",
                "--resource-arn",
                arn,
                "--tags",
                "owner=ops,tier=1",
            ],
            "json",
        );
        let tags = same_in_every_format(&clients, &ep, &["get-tags", "--resource-arn", arn]);
        assert_eq!(tags["Tags"]["owner"], "ops", "{arn}: {tags}");
        same(
            &clients,
            &ep,
            &[
                "untag-resource",
                "--resource-arn",
                arn,
                "--tag-keys",
                "tier",
            ],
            "json",
        );
        let tags = same(&clients, &ep, &["get-tags", "--resource-arn", arn], "json").json();
        assert!(tags["Tags"].get("tier").is_none(), "{arn}: {tags}");
    }

    // Integrations: private (with TLS) and internet with mappings.
    let create_private = [
        "create-integration",
        "--api-id",
        &api_id,
        "--integration-type",
        "HTTP_PROXY",
        "--integration-method",
        "GET",
        "--connection-type",
        "VPC_LINK",
        "--connection-id",
        &link_id,
        "--integration-uri",
        LISTENER_ARN,
        "--payload-format-version",
        "1.0",
        "--tls-config",
        "ServerNameToVerify=orders.internal",
    ];
    let private = same(&clients, &ep, &create_private, "json").json();
    same(&clients, &ep, &create_private, "text");
    same(&clients, &ep, &create_private, "table");
    let create_internet = [
        "create-integration",
        "--api-id",
        &api_id,
        "--integration-type",
        "HTTP_PROXY",
        "--integration-method",
        "ANY",
        "--integration-uri",
        "https://backend.example.com/{proxy}",
        "--payload-format-version",
        "1.0",
        "--timeout-in-millis",
        "5000",
        "--request-parameters",
        "append:header.x-from=$request.header.host,overwrite:path=$request.path",
        "--response-parameters",
        "200={overwrite:header.x-served-by=apigw},404={overwrite:statuscode=410}",
    ];
    let internet = same(&clients, &ep, &create_internet, "json").json();
    same(&clients, &ep, &create_internet, "table");
    let private_id = id(&private, "IntegrationId");
    let internet_id = id(&internet, "IntegrationId");
    same_in_every_format(
        &clients,
        &ep,
        &[
            "get-integration",
            "--api-id",
            &api_id,
            "--integration-id",
            &private_id,
        ],
    );
    same_in_every_format(&clients, &ep, &["get-integrations", "--api-id", &api_id]);
    same_in_every_format(
        &clients,
        &ep,
        &[
            "update-integration",
            "--api-id",
            &api_id,
            "--integration-id",
            &internet_id,
            "--description",
            "the public backend",
            "--timeout-in-millis",
            "8000",
        ],
    );

    // Authorizers.
    let create_authorizer = [
        "create-authorizer",
        "--api-id",
        &api_id,
        "--name",
        "idp",
        "--authorizer-type",
        "JWT",
        "--identity-source",
        "$request.header.Authorization",
        "--jwt-configuration",
        "Audience=orders-api,Issuer=https://idp.example.com",
    ];
    let authorizer = same(&clients, &ep, &create_authorizer, "json").json();
    same(&clients, &ep, &create_authorizer, "table");
    let authorizer_id = id(&authorizer, "AuthorizerId");
    same_in_every_format(
        &clients,
        &ep,
        &[
            "get-authorizer",
            "--api-id",
            &api_id,
            "--authorizer-id",
            &authorizer_id,
        ],
    );
    same_in_every_format(&clients, &ep, &["get-authorizers", "--api-id", &api_id]);
    same_in_every_format(
        &clients,
        &ep,
        &[
            "update-authorizer",
            "--api-id",
            &api_id,
            "--authorizer-id",
            &authorizer_id,
            "--jwt-configuration",
            "Audience=orders-api,orders-admin,Issuer=https://idp.example.com",
        ],
    );

    // Routes: a route key is unique in an API, so each front makes its own
    // (`…/xaws` and `…/xcli`, the same length, so tables line up alike).
    let private_target = format!("integrations/{private_id}");
    for format in ["json", "text", "table"] {
        let key = format!("GET /orders/{format}/NAME");
        same_named(
            &clients,
            &ep,
            &[
                "create-route",
                "--api-id",
                &api_id,
                "--route-key",
                &key,
                "--target",
                &private_target,
            ],
            format,
        );
    }
    // $default is one per API: made by the aws CLI only, read by both below.
    ep.aws(
        &clients,
        &[
            "apigatewayv2",
            "create-route",
            "--api-id",
            &api_id,
            "--route-key",
            "$default",
            "--target",
            &format!("integrations/{internet_id}"),
            "--authorization-type",
            "JWT",
            "--authorizer-id",
            &authorizer_id,
            "--authorization-scopes",
            "orders:read",
        ],
    )
    .ok("aws create-route $default");
    let route_id = ep
        .apigw(&[
            "get-routes",
            "--api-id",
            &api_id,
            "--query",
            "Items[?RouteKey=='GET /orders/json/xaws'] | [0].RouteId",
            "--output",
            "text",
        ])
        .ok("get-routes")
        .stdout
        .trim()
        .to_string();
    same_in_every_format(
        &clients,
        &ep,
        &["get-route", "--api-id", &api_id, "--route-id", &route_id],
    );
    same_in_every_format(&clients, &ep, &["get-routes", "--api-id", &api_id]);
    same_in_every_format(
        &clients,
        &ep,
        &[
            "update-route",
            "--api-id",
            &api_id,
            "--route-id",
            &route_id,
            "--route-key",
            "GET /orders/first",
        ],
    );

    // Stages: a name is unique too.
    for format in ["json", "text", "table"] {
        same_named(
            &clients,
            &ep,
            &[
                "create-stage",
                "--api-id",
                &api_id,
                "--stage-name",
                &format!("{format}-NAME"),
                "--stage-variables",
                "backend=blue",
                "--default-route-settings",
                "ThrottlingBurstLimit=50,ThrottlingRateLimit=100",
                "--access-log-settings",
                "DestinationArn=arn:aws:logs:us-east-2:123456789012:log-group:orders,Format=$context.requestId",
            ],
            format,
        );
    }
    same_in_every_format(
        &clients,
        &ep,
        &[
            "get-stage",
            "--api-id",
            &api_id,
            "--stage-name",
            "json-xaws",
        ],
    );
    same_in_every_format(&clients, &ep, &["get-stages", "--api-id", &api_id]);
    same_in_every_format(
        &clients,
        &ep,
        &[
            "update-stage",
            "--api-id",
            &api_id,
            "--stage-name",
            "json-xaws",
            "--stage-variables",
            "backend=green",
            "--description",
            "development",
        ],
    );

    // Deletes print nothing through both fronts; each removes its own.
    let delete = |args: &[&str], other: &[&str]| {
        let mut a = vec!["apigatewayv2"];
        a.extend_from_slice(args);
        let by_aws = ep.aws(&clients, &a).ok("aws delete");
        let by_apigw = ep.apigw(other).ok("apigw delete");
        assert_eq!((by_aws.stdout.as_str(), by_apigw.stdout.as_str()), ("", ""));
    };
    delete(
        &[
            "delete-stage",
            "--api-id",
            &api_id,
            "--stage-name",
            "json-xaws",
        ],
        &[
            "delete-stage",
            "--api-id",
            &api_id,
            "--stage-name",
            "json-xcli",
        ],
    );
    // The deletes of a stage's and an API's parts, through both fronts.
    delete(
        &[
            "delete-access-log-settings",
            "--api-id",
            &api_id,
            "--stage-name",
            "text-xaws",
        ],
        &[
            "delete-access-log-settings",
            "--api-id",
            &api_id,
            "--stage-name",
            "text-xcli",
        ],
    );
    for stage in ["text-xaws", "text-xcli"] {
        let got = ep
            .apigw(&["get-stage", "--api-id", &api_id, "--stage-name", stage])
            .ok("get-stage")
            .json();
        assert!(got.get("AccessLogSettings").is_none(), "{stage}: {got}");
    }
    let cors = ["delete-cors-configuration", "--api-id", api_id.as_str()];
    delete(&cors, &cors);
    let got = ep
        .apigw(&["get-api", "--api-id", &api_id])
        .ok("get-api")
        .json();
    assert!(got.get("CorsConfiguration").is_none(), "{got}");
    let routes = ep
        .apigw(&["get-routes", "--api-id", &api_id])
        .ok("get-routes")
        .json();
    let all_routes: Vec<String> = routes["Items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| id(r, "RouteId"))
        .collect();
    for pair in all_routes.chunks(2) {
        if let [a, b] = pair {
            delete(
                &["delete-route", "--api-id", &api_id, "--route-id", a],
                &["delete-route", "--api-id", &api_id, "--route-id", b],
            );
        }
    }
    for r in all_routes.chunks(2).filter(|c| c.len() == 1).flatten() {
        ep.apigw(&["delete-route", "--api-id", &api_id, "--route-id", r])
            .ok("delete-route");
    }
    let authorizers = ep
        .apigw(&[
            "get-authorizers",
            "--api-id",
            &api_id,
            "--query",
            "Items[].AuthorizerId",
            "--output",
            "text",
        ])
        .ok("get-authorizers");
    let authorizers: Vec<&str> = authorizers.stdout.split_whitespace().collect();
    delete(
        &[
            "delete-authorizer",
            "--api-id",
            &api_id,
            "--authorizer-id",
            authorizers[0],
        ],
        &[
            "delete-authorizer",
            "--api-id",
            &api_id,
            "--authorizer-id",
            authorizers[1],
        ],
    );
    let integrations = ep
        .apigw(&[
            "get-integrations",
            "--api-id",
            &api_id,
            "--query",
            "Items[].IntegrationId",
            "--output",
            "text",
        ])
        .ok("get-integrations");
    let integrations: Vec<&str> = integrations.stdout.split_whitespace().collect();
    assert_eq!(integrations.len(), 10, "{integrations:?}");
    delete(
        &[
            "delete-integration",
            "--api-id",
            &api_id,
            "--integration-id",
            integrations[0],
        ],
        &[
            "delete-integration",
            "--api-id",
            &api_id,
            "--integration-id",
            integrations[1],
        ],
    );
    let apis = ep
        .apigw(&["get-apis", "--query", "Items[].ApiId", "--output", "text"])
        .ok("get-apis");
    let apis: Vec<&str> = apis.stdout.split_whitespace().collect();
    assert_eq!(apis.len(), 6, "{apis:?}");
    for pair in apis.chunks(2) {
        delete(
            &["delete-api", "--api-id", pair[0]],
            &["delete-api", "--api-id", pair[1]],
        );
    }
    let links = ep
        .apigw(&[
            "get-vpc-links",
            "--query",
            "Items[].VpcLinkId",
            "--output",
            "text",
        ])
        .ok("get-vpc-links");
    let links: Vec<&str> = links.stdout.split_whitespace().collect();
    assert_eq!(links.len(), 4, "{links:?}");
    for pair in links.chunks(2) {
        delete(
            &["delete-vpc-link", "--vpc-link-id", pair[0]],
            &["delete-vpc-link", "--vpc-link-id", pair[1]],
        );
    }
    let left = same(&clients, &ep, &["get-apis"], "json").json();
    assert_eq!(left["Items"], serde_json::json!([]));
    let left = same(&clients, &ep, &["get-vpc-links"], "json").json();
    assert_eq!(left["Items"], serde_json::json!([]));
}

#[test]
fn aws_cli_pages_with_max_items_starting_token_and_page_size() {
    let Some((clients, ep)) = setup() else {
        return;
    };
    let (api, _) = api_and_link(&clients, &ep);
    for i in 0..7 {
        ep.apigw(&[
            "create-integration",
            "--api-id",
            &api,
            "--integration-type",
            "HTTP_PROXY",
            "--integration-method",
            "GET",
            "--integration-uri",
            &format!("https://backend.example.com/{i}"),
        ])
        .ok("create-integration");
    }
    let all = ep
        .apigw(&["get-integrations", "--api-id", &api])
        .ok("get-integrations")
        .json();
    let want: Vec<String> = all["Items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| id(i, "IntegrationId"))
        .collect();
    assert_eq!(want.len(), 7);

    // --max-items and --starting-token: pages of 3, 3 and 1 that together
    // are the whole list in order; the aws CLI's own token continues it.
    let mut seen = Vec::new();
    let mut token: Option<String> = None;
    for expected in [3, 3, 1] {
        let mut args = vec![
            "apigatewayv2",
            "get-integrations",
            "--api-id",
            &api,
            "--max-items",
            "3",
        ];
        if let Some(t) = token.as_deref() {
            args.extend_from_slice(&["--starting-token", t]);
        }
        let page = ep
            .aws(&clients, &args)
            .ok("aws get-integrations --max-items")
            .json();
        let items = page["Items"].as_array().expect("Items");
        assert_eq!(items.len(), expected, "{page}");
        seen.extend(items.iter().map(|i| id(i, "IntegrationId")));
        token = page["NextToken"].as_str().map(str::to_string);
    }
    assert_eq!(token, None, "no token after the last page");
    assert_eq!(seen, want);

    // apigw's own --max-items prints the same first items (its token is its
    // own: the CLI's tokens are opaque and need not match).
    let first = ep
        .apigw(&["get-integrations", "--api-id", &api, "--max-items", "3"])
        .ok("apigw --max-items")
        .json();
    let by_aws = ep
        .aws(
            &clients,
            &[
                "apigatewayv2",
                "get-integrations",
                "--api-id",
                &api,
                "--max-items",
                "3",
            ],
        )
        .ok("aws --max-items")
        .json();
    assert_eq!(first["Items"], by_aws["Items"]);
    assert!(first["NextToken"].is_string() && by_aws["NextToken"].is_string());

    // --page-size sends maxResults: the CLI follows the service's nextToken
    // over pages of 2 and prints the whole list, as apigw prints it.
    for size in ["1", "2", "5", "7", "100"] {
        let paged = same(
            &clients,
            &ep,
            &["get-integrations", "--api-id", &api, "--page-size", size],
            "json",
        )
        .json();
        assert_eq!(paged["Items"], all["Items"], "--page-size {size}");
    }
    // Both together: pages of 2 from the service, 5 items printed.
    let mixed = ep
        .aws(
            &clients,
            &[
                "apigatewayv2",
                "get-integrations",
                "--api-id",
                &api,
                "--page-size",
                "2",
                "--max-items",
                "5",
            ],
        )
        .ok("aws --page-size --max-items")
        .json();
    let got: Vec<String> = mixed["Items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| id(i, "IntegrationId"))
        .collect();
    assert_eq!(got, want[..5]);
    let rest = ep
        .aws(
            &clients,
            &[
                "apigatewayv2",
                "get-integrations",
                "--api-id",
                &api,
                "--page-size",
                "2",
                "--starting-token",
                mixed["NextToken"].as_str().expect("a token after 5 of 7"),
            ],
        )
        .ok("aws --starting-token")
        .json();
    let got: Vec<String> = rest["Items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| id(i, "IntegrationId"))
        .collect();
    assert_eq!(got, want[5..]);

    // The same for the other lists: APIs and routes.
    same(&clients, &ep, &["get-apis", "--page-size", "1"], "json");
    same(
        &clients,
        &ep,
        &["get-routes", "--api-id", &api, "--page-size", "1"],
        "json",
    );
}

#[test]
fn aws_cli_errors_are_the_services_with_its_messages() {
    let Some((clients, ep)) = setup() else {
        return;
    };
    let (api, link) = api_and_link(&clients, &ep);
    // NotFound, for each kind of identifier.
    let missing_api = "abcdefghij";
    refused(
        &clients,
        &ep,
        &["get-api", "--api-id", missing_api],
        "NotFoundException",
        "Invalid API identifier specified",
    );
    for (args, message) in [
        (
            vec![
                "get-integration",
                "--api-id",
                &api,
                "--integration-id",
                "zzzzzzz",
            ],
            "Invalid Integration identifier specified",
        ),
        (
            vec!["get-route", "--api-id", &api, "--route-id", "zzzzzzz"],
            "Invalid Route identifier specified",
        ),
        (
            vec!["get-stage", "--api-id", &api, "--stage-name", "nope"],
            "Invalid stage identifier specified",
        ),
        (
            vec![
                "get-authorizer",
                "--api-id",
                &api,
                "--authorizer-id",
                "zzzzzz",
            ],
            "Invalid Authorizer identifier specified",
        ),
        (
            vec!["get-vpc-link", "--vpc-link-id", "zzzzzzz"],
            "Invalid VpcLink identifier specified",
        ),
        (
            vec!["get-integrations", "--api-id", missing_api],
            "Invalid API identifier specified",
        ),
        (
            vec!["delete-api", "--api-id", missing_api],
            "Invalid API identifier specified",
        ),
    ] {
        refused(&clients, &ep, &args, "NotFoundException", message);
    }
    // BadRequest: the service's rules, with their exact messages.
    refused(
        &clients,
        &ep,
        &[
            "create-integration",
            "--api-id",
            &api,
            "--integration-type",
            "HTTP",
            "--integration-uri",
            "https://example.com",
            "--integration-method",
            "GET",
        ],
        "BadRequestException",
        "Currently, an API with a protocol type of HTTP may only be associated with proxy integrations (AWS_PROXY, HTTP_PROXY)",
    );
    refused(
        &clients,
        &ep,
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
            "https://example.com",
        ],
        "BadRequestException",
        "For VpcLink VPC_LINK, integration uri should be a valid ELB listener ARN or a valid Cloud Map service ARN.",
    );
    refused(
        &clients,
        &ep,
        &["create-api", "--name", "ws", "--protocol-type", "GRPC"],
        "BadRequestException",
        "Invalid protocol specified. Must be one of [HTTP, WEBSOCKET]",
    );
    // Conflict: a VPC link still used, a route key taken.
    let integration = ep
        .apigw(&[
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
            LISTENER_ARN,
        ])
        .ok("create-integration")
        .json();
    refused(
        &clients,
        &ep,
        &["delete-vpc-link", "--vpc-link-id", &link],
        "ConflictException",
        "is used by integration",
    );
    let target = format!("integrations/{}", id(&integration, "IntegrationId"));
    ep.apigw(&[
        "create-route",
        "--api-id",
        &api,
        "--route-key",
        "GET /a",
        "--target",
        &target,
    ])
    .ok("create-route");
    refused(
        &clients,
        &ep,
        &[
            "create-route",
            "--api-id",
            &api,
            "--route-key",
            "GET /a",
            "--target",
            &target,
        ],
        "ConflictException",
        "already exists",
    );
    refused(
        &clients,
        &ep,
        &[
            "delete-integration",
            "--api-id",
            &api,
            "--integration-id",
            &id(&integration, "IntegrationId"),
        ],
        "ConflictException",
        "is the target of route",
    );
    // Nothing above changed the workspace.
    let integrations = ep
        .apigw(&["get-integrations", "--api-id", &api])
        .ok("get")
        .json();
    assert_eq!(integrations["Items"].as_array().map(Vec::len), Some(1));
}

#[test]
fn aws_cli_refuses_malformed_parameters_before_sending_as_apigw_does() {
    let Some((clients, ep)) = setup() else {
        return;
    };
    let (api, _) = api_and_link(&clients, &ep);
    let before = std::fs::read(&ep.workspace).expect("workspace");
    // The CLI checks these itself (no request is made): v1 exits 255 where
    // v2 and apigw exit 252; the message is the same.
    for (args, message) in [
        (
            vec![
                "create-integration",
                "--api-id",
                &api,
                "--integration-type",
                "HTTP_PROXY",
                "--integration-uri",
                "https://example.com",
                "--timeout-in-millis",
                "10",
            ],
            "Parameter validation failed:\nInvalid value for parameter TimeoutInMillis, value: 10, valid min value: 50",
        ),
        (
            vec![
                "create-integration",
                "--api-id",
                &api,
                "--integration-type",
                "HTTP_PROXY",
                "--integration-uri",
                "https://example.com",
                "--tls-config",
                "Foo=bar",
            ],
            "Parameter validation failed:\nUnknown parameter in TlsConfig: \"Foo\", must be one of: ServerNameToVerify",
        ),
        (
            vec![
                "create-integration",
                "--api-id",
                &api,
                "--integration-type",
                "HTTP_PROXY",
                "--request-parameters",
                "a",
            ],
            "Error parsing parameter '--request-parameters': Expected: '=', received: 'EOF' for input:",
        ),
    ] {
        let pair = both(&clients, &ep, &args, "json");
        assert_eq!(pair.aws.code, 255, "aws {args:?}: {}", pair.aws.stderr);
        assert_eq!(
            pair.apigw.code, 252,
            "apigw {args:?}: {}",
            pair.apigw.stderr
        );
        assert!(
            pair.aws.stderr.contains(message),
            "aws {args:?}: {}",
            pair.aws.stderr
        );
        assert!(
            pair.apigw.stderr.contains(message),
            "apigw {args:?}: {}",
            pair.apigw.stderr
        );
    }
    // A missing argument: a usage error (2) from both.
    let pair = both(
        &clients,
        &ep,
        &["create-integration", "--api-id", &api],
        "json",
    );
    assert_eq!((pair.aws.code, pair.apigw.code), (2, 2));
    assert!(
        pair.aws
            .stderr
            .contains("the following arguments are required: --integration-type")
    );
    assert!(
        pair.apigw
            .stderr
            .contains("the following arguments are required: --integration-type")
    );
    assert_eq!(
        std::fs::read(&ep.workspace).expect("workspace"),
        before,
        "nothing was written"
    );
}

#[test]
fn aws_cli_seed_page_commands_give_apigws_json() {
    let Some((clients, ep)) = setup() else {
        return;
    };
    let (api, link) = api_and_link(&clients, &ep);
    let seed = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/seeds/private-integrations.md"
    ));
    // The seed page's two commands, with its placeholders filled in.
    for uri in [LISTENER_ARN, CLOUD_MAP_URI] {
        if let Ok(page) = &seed {
            assert!(page.contains(uri), "the seed page has {uri}");
        }
        let args = [
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
            uri,
            "--payload-format-version",
            "1.0",
        ];
        let json = same(&clients, &ep, &args, "json").json();
        assert_eq!(json["IntegrationUri"], uri);
        assert_eq!(json["ConnectionId"], link.as_str());
        assert_eq!(json["ConnectionType"], "VPC_LINK");
        assert_eq!(json["PayloadFormatVersion"], "1.0");
        assert_eq!(json["TimeoutInMillis"], 30000);
    }
}

#[test]
fn aws_cli_servicediscovery_registers_and_discovers_instances() {
    let Some((clients, ep)) = setup() else {
        return;
    };
    let sd = |args: &[&str]| {
        let mut a = vec!["servicediscovery"];
        a.extend_from_slice(args);
        ep.aws(&clients, &a)
    };
    let registered = sd(&[
        "register-instance",
        "--service-id",
        "srv-id",
        "--instance-id",
        "green-1",
        "--attributes",
        "AWS_INSTANCE_IPV4=127.0.0.1,AWS_INSTANCE_PORT=9003,stage=prod,deployment=green_deployment",
    ])
    .ok("aws servicediscovery register-instance")
    .json();
    let operation = id(&registered, "OperationId");
    let op = sd(&["get-operation", "--operation-id", &operation])
        .ok("get-operation")
        .json();
    assert_eq!(op["Operation"]["Status"], "SUCCESS", "{op}");
    assert_eq!(op["Operation"]["Type"], "REGISTER_INSTANCE", "{op}");
    ep.apigw(&[
        "servicediscovery",
        "register-instance",
        "--service-id",
        "srv-id",
        "--instance-id",
        "blue-1",
        "--attributes",
        "AWS_INSTANCE_IPV4=127.0.0.1,AWS_INSTANCE_PORT=9004,stage=prod,deployment=blue_deployment",
    ])
    .ok("apigw servicediscovery register-instance");
    let discover = [
        "discover-instances",
        "--namespace-name",
        "ns",
        "--service-name",
        "srv-id",
        "--query-parameters",
        "deployment=green_deployment",
    ];
    for format in ["json", "text", "table"] {
        let mut a = discover.to_vec();
        a.extend_from_slice(&["--output", format]);
        let by_aws = sd(&a).ok("aws discover-instances");
        let mut b = vec!["servicediscovery"];
        b.extend_from_slice(&a);
        let by_apigw = ep.apigw(&b).ok("apigw discover-instances");
        assert_eq!(
            by_aws.stdout, by_apigw.stdout,
            "discover-instances --output {format}"
        );
    }
    let found = sd(&discover).ok("discover").json();
    let instances = found["Instances"].as_array().expect("Instances");
    assert_eq!(instances.len(), 1, "{found}");
    assert_eq!(instances[0]["InstanceId"], "green-1");
    let listed = sd(&["list-instances", "--service-id", "srv-id"])
        .ok("list-instances")
        .json();
    assert_eq!(
        listed["Instances"].as_array().map(Vec::len),
        Some(2),
        "{listed}"
    );
    let got = sd(&[
        "get-instance",
        "--service-id",
        "srv-id",
        "--instance-id",
        "green-1",
    ])
    .ok("get-instance")
    .json();
    assert_eq!(
        got["Instance"]["Attributes"]["AWS_INSTANCE_PORT"], "9003",
        "{got}"
    );
    sd(&[
        "update-instance-custom-health-status",
        "--service-id",
        "srv-id",
        "--instance-id",
        "green-1",
        "--status",
        "UNHEALTHY",
    ])
    .ok("update-instance-custom-health-status");
    let healthy = sd(&[
        "discover-instances",
        "--namespace-name",
        "ns",
        "--service-name",
        "srv-id",
        "--health-status",
        "HEALTHY",
    ])
    .ok("discover HEALTHY")
    .json();
    let ids: Vec<&str> = healthy["Instances"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|i| i["InstanceId"].as_str())
        .collect();
    assert_eq!(ids, ["blue-1"]);
    sd(&[
        "deregister-instance",
        "--service-id",
        "srv-id",
        "--instance-id",
        "green-1",
    ])
    .ok("deregister-instance");
    let missing = sd(&[
        "get-instance",
        "--service-id",
        "srv-id",
        "--instance-id",
        "green-1",
    ]);
    assert_eq!(missing.code, 255, "{}", missing.stderr);
    assert!(
        missing.stderr.contains("InstanceNotFound"),
        "{}",
        missing.stderr
    );
}
