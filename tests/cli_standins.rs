//! The stand-ins for what sits behind a VPC link: `apigw elbv2 …` and
//! `apigw servicediscovery …`.

#[path = "common/cli.rs"]
mod cli;

use cli::*;
use serde_json::json;

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
