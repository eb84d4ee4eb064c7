//! `--generate-cli-skeleton`: enumerated members hold a value they may take
//! (as the aws CLI's skeletons do), so a skeleton fed back is refused only
//! for what the user has to fill in.

#[path = "common/cli.rs"]
mod cli;

use apigw::service::spec::{Kind, Member, enum_values};
use apigw::service::{model, standins};
use cli::*;
use serde_json::Value;

/// Checks every enumerated member under `members` in `value`; returns how
/// many it saw.
fn check(members: &[Member], value: &Value, at: &str) -> usize {
    let mut seen = 0;
    for m in members {
        let Some(v) = value.get(m.name) else { continue };
        let here = format!("{at}.{}", m.name);
        seen += match (&m.kind, enum_values(m.name)) {
            (Kind::String, Some(values)) => {
                let s = v.as_str().unwrap_or_default();
                assert!(values.contains(&s), "{here} = {v}, not one of {values:?}");
                1
            }
            (Kind::Struct(inner), _) => check(inner, v, &here),
            (Kind::Map(Kind::Struct(fields)), _) => check(fields, &v["KeyName"], &here),
            _ => 0,
        };
    }
    seen
}

#[test]
fn enumerated_members_hold_a_valid_value_in_every_skeleton() {
    let ws = Ws::new();
    let mut seen = 0;
    let aws = model::OPERATIONS.iter().map(|op| (None, op));
    let stand_ins = standins::GROUPS
        .iter()
        .flat_map(|(g, _, ops)| ops.iter().map(move |op| (Some(*g), op)));
    for (group, op) in aws.chain(stand_ins) {
        let command = apigw::service::spec::command_name(op.name);
        let mut args: Vec<&str> = group.into_iter().collect();
        args.extend([command.as_str(), "--generate-cli-skeleton"]);
        // An operation without input members prints an empty skeleton.
        let json = |o: Outcome| {
            if o.stdout.is_empty() {
                Value::Null
            } else {
                o.json()
            }
        };
        let skeleton = json(ws.run(&args).succeeds());
        seen += check(op.input, &skeleton, op.name);
        args.push("output");
        let output = json(ws.run(&args).succeeds());
        seen += check(op.output, &output, op.name);
    }
    assert!(seen > 30, "{seen}");
    // The HTTP API's usual values, and the service's defaults.
    let i = ws.ok(&["create-integration", "--generate-cli-skeleton"]);
    assert_eq!(i["IntegrationType"], "HTTP_PROXY");
    assert_eq!(i["ConnectionType"], "INTERNET");
    let s = ws.ok(&["update-stage", "--generate-cli-skeleton"]);
    assert_eq!(s["DefaultRouteSettings"]["LoggingLevel"], "OFF");
    let yaml = ws.text(&["create-api", "--generate-cli-skeleton", "yaml-input"]);
    assert!(
        yaml.contains("ProtocolType: HTTP  # [REQUIRED]\n"),
        "{yaml}"
    );
}

#[test]
fn a_skeleton_fed_back_is_refused_only_for_what_is_left_to_fill() {
    let ws = Ws::new();
    for op in [
        "create-api",
        "create-integration",
        "create-route",
        "create-authorizer",
        "create-stage",
    ] {
        let skeleton = ws.text(&[op, "--generate-cli-skeleton"]);
        let file = ws.dir().join(format!("{op}.json"));
        std::fs::write(&file, &skeleton).unwrap();
        let out = ws.run(&[
            op,
            "--cli-input-json",
            &format!("file://{}", file.display()),
        ]);
        assert_ne!(out.code, Some(0), "{op}");
        for (member, _) in model::ENUMS {
            assert!(
                !out.stderr.contains(member),
                "{op}: refused for the enumerated {member}: {}",
                out.stderr
            );
        }
        assert!(
            !out.stderr.contains("Must be one of"),
            "{op}: {}",
            out.stderr
        );
    }
    // With what a user must give filled in, the skeleton is taken.
    let mut api: Value =
        serde_json::from_str(&ws.text(&["create-api", "--generate-cli-skeleton"])).unwrap();
    let o = api.as_object_mut().unwrap();
    o.retain(|k, _| ["Name", "ProtocolType", "IpAddressType", "Description"].contains(&k.as_str()));
    o.insert("Name".into(), "filled".into());
    let made = ws.ok(&["create-api", "--cli-input-json", &api.to_string()]);
    assert_eq!(made["ProtocolType"], "HTTP");
    assert_eq!(made["IpAddressType"], "ipv4");
}
