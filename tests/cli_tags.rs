//! `tag-resource`, `untag-resource` and `get-tags` on API, stage and VPC
//! link ARNs, and the Cloud Map stand-in's `get-instance` and
//! `get-operation`, as a user types them.

#[path = "common/cli.rs"]
mod cli;

use cli::*;
use serde_json::json;

#[test]
fn tags_on_apis_stages_and_vpc_links() {
    let ws = Ws::new();
    let api = ws.api("HTTP");
    let arn = format!("arn:aws:apigateway:us-east-2::/apis/{api}");
    assert_eq!(
        ws.text(&[
            "tag-resource",
            "--resource-arn",
            &arn,
            "--tags",
            "Team=a,Env=dev"
        ]),
        ""
    );
    assert_eq!(
        ws.ok(&["get-tags", "--resource-arn", &arn]),
        json!({"Tags": {"Env": "dev", "Team": "a"}})
    );
    assert_eq!(
        ws.ok(&["get-api", "--api-id", &api])["Tags"],
        json!({"Env": "dev", "Team": "a"})
    );
    assert_eq!(
        ws.text(&[
            "untag-resource",
            "--resource-arn",
            &arn,
            "--tag-keys",
            "Env",
            "Missing"
        ]),
        ""
    );
    assert_eq!(
        ws.ok(&["get-tags", "--resource-arn", &arn]),
        json!({"Tags": {"Team": "a"}})
    );

    ws.ok(&["create-stage", "--api-id", &api, "--stage-name", "dev"]);
    let stage = format!("{arn}/stages/dev");
    ws.text(&["tag-resource", "--resource-arn", &stage, "--tags", "k=v"]);
    assert_eq!(
        ws.ok(&["get-stage", "--api-id", &api, "--stage-name", "dev"])["Tags"],
        json!({"k": "v"})
    );

    let link = ws.vpc_link();
    let link_arn = format!("arn:aws:apigateway:us-east-2::/vpclinks/{link}");
    ws.text(&["tag-resource", "--resource-arn", &link_arn, "--tags", "x=y"]);
    assert_eq!(
        ws.ok(&["get-tags", "--resource-arn", &link_arn])["Tags"]["x"],
        "y"
    );
}

#[test]
fn tag_refusals_say_what_is_wrong() {
    let ws = Ws::new();
    let api = ws.api("HTTP");
    ws.run(&["get-tags", "--resource-arn", "arn:aws:apigateway:us-east-2::/apis/nope"])
        .fails(254)
        .stderr_has("An error occurred (NotFoundException) when calling the GetTags operation: Invalid API identifier specified 123456789012:nope");
    ws.run(&[
        "get-tags",
        "--resource-arn",
        "arn:aws:lambda:us-east-2:1:function:f",
    ])
    .fails(254)
    .stderr_has("(BadRequestException)")
    .stderr_has("Invalid resource ARN");
    let arn = format!("arn:aws:apigateway:eu-west-1::/apis/{api}");
    ws.run(&["get-tags", "--resource-arn", &arn])
        .fails(254)
        .stderr_has("(NotFoundException)")
        .stderr_has("region eu-west-1");
    let arn = format!("arn:aws:apigateway:us-east-2::/apis/{api}");
    ws.run(&["tag-resource", "--resource-arn", &arn, "--tags", "aws:x=1"])
        .fails(254)
        .stderr_has("reserved for AWS");
    // The model makes Tags optional: no tags change nothing.
    ws.text(&["tag-resource", "--resource-arn", &arn]);
    assert_eq!(
        ws.ok(&["get-tags", "--resource-arn", &arn]),
        json!({"Tags": {}})
    );
}

#[test]
fn cloud_map_instances_and_operations_read_back() {
    let ws = Ws::new();
    let service = "srv-abcdefgh12345678";
    let op = ws.ok(&[
        "servicediscovery",
        "register-instance",
        "--service-id",
        service,
        "--instance-id",
        "i1",
        "--attributes",
        "AWS_INSTANCE_IPV4=127.0.0.1,AWS_INSTANCE_PORT=8080",
    ])["OperationId"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(
        ws.ok(&["servicediscovery", "get-operation", "--operation-id", &op]),
        json!({"Operation": {"Id": op, "Type": "REGISTER_INSTANCE", "Status": "SUCCESS"}})
    );
    assert_eq!(
        ws.ok(&[
            "servicediscovery",
            "get-instance",
            "--service-id",
            service,
            "--instance-id",
            "i1"
        ]),
        json!({"Instance": {"Id": "i1", "Attributes": {"AWS_INSTANCE_IPV4": "127.0.0.1", "AWS_INSTANCE_PORT": "8080"}}})
    );
    ws.run(&[
        "servicediscovery",
        "get-instance",
        "--service-id",
        service,
        "--instance-id",
        "no",
    ])
    .fails(254)
    .stderr_has("Instance not found");
    ws.run(&[
        "servicediscovery",
        "get-operation",
        "--operation-id",
        "made-up",
    ])
    .fails(254)
    .stderr_has("Operation not found");
}
