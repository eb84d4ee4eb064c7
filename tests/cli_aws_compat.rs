//! Pasting aws CLI commands: every flag under the aws CLI's own name (from
//! tests/fixtures/awscli_flags.json, recorded from awscli by
//! scripts/record-awscli-flags.py), the global options scripts carry,
//! profiles from the AWS config file, `--debug`, `… help`, and typos.

#[path = "common/cli.rs"]
mod cli;

use cli::*;
use serde_json::Value;

/// The command words of an aws CLI operation (`apigatewayv2 create-api` is
/// `create-api`; the stand-ins keep their service's name).
fn words(op: &str) -> Vec<&str> {
    let mut w: Vec<&str> = op.split(' ').collect();
    if w[0] == "apigatewayv2" {
        w.remove(0);
    }
    w
}

/// The flags a help text lists, in order.
fn flags_in(help: &str) -> Vec<String> {
    help.lines()
        .filter_map(|l| l.trim_start().strip_prefix("--"))
        .map(|l| format!("--{}", l.split([' ', ',', '\t']).next().unwrap_or("")))
        .collect()
}

/// Where apigw's flags differ from the aws CLI's on purpose, and why.
const LOCAL: &[(&str, &str, &str)] = &[
    (
        "elbv2 *",
        "--target-group-arn",
        "targets are registered on the listener an integration names: --listener-arn",
    ),
    (
        "elbv2 describe-target-health",
        "--include",
        "no anomaly detection",
    ),
    (
        "servicediscovery discover-instances",
        "--owner-account",
        "one local account",
    ),
    (
        "servicediscovery get-operation",
        "--owner-account",
        "one local account",
    ),
    (
        "servicediscovery list-instances",
        "--starting-token",
        "paged by the service's --max-results and --next-token",
    ),
    (
        "servicediscovery list-instances",
        "--max-items",
        "paged by the service's --max-results and --next-token",
    ),
    (
        "servicediscovery list-instances",
        "--page-size",
        "paged by the service's --max-results and --next-token",
    ),
];

/// Hidden by the aws CLI v2 where it pages itself (--max-items and
/// --starting-token instead).
const PAGED_AWAY: &[&str] = &["--max-results", "--next-token"];

#[test]
fn every_aws_cli_flag_is_taken_under_its_aws_cli_name() {
    let ws = Ws::new();
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/awscli_flags.json"),
    )
    .unwrap();
    let recorded: Value = serde_json::from_str(&text).unwrap();
    let ops = recorded["operations"].as_object().unwrap();
    assert!(ops.len() >= 43, "{}", ops.len());
    let mut checked = 0;
    for (op, flags) in ops {
        let mut args = words(op);
        args.push("--help");
        let out = ws.run(&args);
        if out.code != Some(0) {
            // Operations that come with the HTTP endpoint's branch.
            let command = args[args.len() - 2];
            assert!(
                [
                    "tag-resource",
                    "untag-resource",
                    "get-tags",
                    "get-instance",
                    "get-operation"
                ]
                .contains(&command),
                "{op}: {}",
                out.stderr
            );
            continue;
        }
        checked += 1;
        let offered = flags_in(&out.stdout);
        let paginated = offered.iter().any(|f| f == "--max-items");
        for f in flags.as_array().unwrap() {
            let flag = f["flag"].as_str().unwrap();
            let local = LOCAL.iter().any(|(o, l, _)| {
                *l == flag && (*o == op || (o.ends_with(" *") && op.starts_with(&o[..o.len() - 1])))
            });
            if local || (paginated && PAGED_AWAY.contains(&flag)) {
                continue;
            }
            assert!(
                offered.iter().any(|o| o == flag),
                "{op}: the aws CLI's {flag} is not offered"
            );
        }
    }
    assert!(checked >= 38, "{checked}");
}

#[test]
fn the_api_version_is_spelled_api_version() {
    let ws = Ws::new();
    let api = ws.ok(&[
        "create-api",
        "--name",
        "v",
        "--protocol-type",
        "HTTP",
        "--api-version",
        "2024-01",
    ]);
    assert_eq!(api["Version"], "2024-01");
    let id = api["ApiId"].as_str().unwrap();
    let updated = ws.ok(&["update-api", "--api-id", id, "--api-version", "2025-02"]);
    assert_eq!(updated["Version"], "2025-02");
    ws.run(&[
        "create-api",
        "--name",
        "v",
        "--protocol-type",
        "HTTP",
        "--version",
        "1",
    ])
    .fails(2)
    .stderr_has("'--api-version'");
    // An input file names the member, as the model does.
    let from_json = ws.ok(&[
        "create-api",
        "--cli-input-json",
        r#"{"Name": "j", "ProtocolType": "HTTP", "Version": "3"}"#,
    ]);
    assert_eq!(from_json["Version"], "3");
}

#[test]
fn global_options_that_scripts_carry_are_accepted() {
    let ws = Ws::new();
    ws.api("HTTP");
    let plain = ws.run(&["get-apis", "--query", "Items[].Name"]).succeeds();
    for extra in [
        &[
            "--endpoint-url",
            "https://apigateway.us-east-2.amazonaws.com",
        ][..],
        &["--no-paginate"],
        &["--no-verify-ssl"],
        &["--no-sign-request"],
        &["--cli-read-timeout", "5"],
        &["--cli-connect-timeout", "0"],
        &["--no-cli-pager"],
        &["--color", "off"],
        &["--debug"],
    ] {
        let mut args = vec!["get-apis", "--query", "Items[].Name"];
        args.extend(extra);
        let out = ws.run(&args).succeeds();
        assert_eq!(out.stdout, plain.stdout, "{extra:?}");
    }
    // Before the command, as `aws --region … apigatewayv2 …` puts them.
    let out = ws
        .run(&[
            "--region",
            "eu-west-1",
            "--output=text",
            "--no-verify-ssl",
            "create-api",
            "--name",
            "front",
            "--protocol-type",
            "HTTP",
            "--query",
            "ApiEndpoint",
        ])
        .succeeds();
    assert!(
        out.stdout
            .ends_with(".execute-api.eu-west-1.amazonaws.com\n"),
        "{}",
        out.stdout
    );
    ws.run(&[
        "--region",
        "eu-west-1",
        "elbv2",
        "register-targets",
        "--listener-arn",
        LISTENER,
        "--targets",
        "Id=127.0.0.1,Port=9",
    ])
    .succeeds();
    ws.run(&["get-apis", "--cli-read-timeout", "soon"]).fails(2);
    // Where an option has no effect, it is not offered.
    for args in [
        &[
            "mint-token",
            "--issuer",
            "http://127.0.0.1:8080",
            "--output",
            "json",
        ][..],
        &["completion", "bash", "--output", "json"],
        &["serve", "--output", "json"],
        &["--output", "json", "serve"],
        &[
            "mint-token",
            "--issuer",
            "http://127.0.0.1:8080",
            "--region",
            "eu-west-1",
        ],
    ] {
        ws.run(args).fails(2).stderr_has("unexpected argument");
    }
    assert!(!ws.dir().join(".apigw").exists(), "no key was made");
}

#[test]
fn a_profile_gives_region_and_output_as_the_aws_cli_reads_them() {
    let ws = Ws::new();
    let config = ws.dir().join("aws-config");
    std::fs::write(
        &config,
        "[default]\nregion = eu-west-1\noutput = text\n\n\
         [profile ci]\nregion = ap-south-1\noutput = yaml\ns3 =\n  region = nope\n\n\
         [staging]\nregion = us-west-1\n\n[profile bad]\noutput = xml\n",
    )
    .unwrap();
    let run = |envs: &[(&str, &str)], args: &[&str]| {
        let mut c = ws.cmd();
        c.env("AWS_CONFIG_FILE", &config).args(args);
        for (k, v) in envs {
            c.env(k, v);
        }
        Outcome::of(args, c.output().unwrap())
    };
    let q = ["workspace", "--query", "Region"];
    assert_eq!(
        run(&[], &q).succeeds().stdout,
        "eu-west-1\n",
        "[default], text"
    );
    let ci = [&q[..], &["--profile", "ci"]].concat();
    let yaml = run(&[], &ci).succeeds().stdout;
    assert!(
        yaml.starts_with("ap-south-1\n"),
        "[profile ci], yaml: {yaml}"
    );
    let yaml = run(&[("AWS_PROFILE", "ci")], &q).succeeds().stdout;
    assert!(yaml.starts_with("ap-south-1\n"), "AWS_PROFILE: {yaml}");
    // Flags and the environment come before the profile.
    let flagged = [&ci[..], &["--region", "sa-east-1", "--output", "json"]].concat();
    assert_eq!(run(&[], &flagged).succeeds().stdout, "\"sa-east-1\"\n");
    assert_eq!(
        run(
            &[
                ("AWS_REGION", "ca-central-1"),
                ("AWS_DEFAULT_OUTPUT", "json")
            ],
            &ci
        )
        .succeeds()
        .stdout,
        "\"ca-central-1\"\n"
    );
    // `[staging]` without `profile` is not a profile in the config file.
    let out = run(&[], &[&q[..], &["--profile", "staging"]].concat()).succeeds();
    assert_eq!(
        out.stdout, "\"us-east-2\"\n",
        "the workspace's region, json"
    );
    out.stderr_has("the config profile (staging) is not in");
    run(&[], &[&q[..], &["--profile", "bad"]].concat())
        .fails(253)
        .stderr_has("the output of profile bad");
    // The profile is read where it has an effect: serve and workspace, and
    // every AWS operation.
    let api = run(
        &[],
        &[
            "create-api",
            "--name",
            "p",
            "--protocol-type",
            "HTTP",
            "--query",
            "ApiEndpoint",
        ],
    )
    .succeeds();
    assert!(
        api.stdout
            .ends_with(".execute-api.eu-west-1.amazonaws.com\n"),
        "{}",
        api.stdout
    );
    // No config file: nothing is read, nothing is said.
    let none = ws.run(&q).succeeds();
    assert_eq!(none.stdout, "\"us-east-2\"\n");
    assert_eq!(none.stderr, "");
}

#[cfg(unix)]
#[test]
fn a_config_file_that_is_not_a_regular_file_is_not_read() {
    let ws = Ws::new();
    let fifo = ws.dir().join("fifo");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let out = ws
        .cmd()
        .env("AWS_CONFIG_FILE", &fifo)
        .args(["workspace", "--query", "Region", "--profile", "ci"])
        .output()
        .unwrap();
    let out = Outcome::of(&["workspace"], out).succeeds();
    out.stderr_has("is not read (it is not a regular file)");
}

#[test]
fn debug_says_what_apigw_did_on_stderr() {
    let ws = Ws::new();
    let out = ws
        .run(&[
            "create-api",
            "--name",
            "d",
            "--protocol-type",
            "HTTP",
            "--debug",
            "--endpoint-url",
            "http://localhost:4566",
        ])
        .succeeds()
        .stderr_has("apigw debug: workspace ")
        .stderr_has("calling CreateApi with {\"Name\":\"d\",\"ProtocolType\":\"HTTP\"}")
        .stderr_has("CreateApi answered in ")
        .stderr_has("--endpoint-url http://localhost:4566 is not used");
    assert_eq!(out.json()["Name"], "d", "stdout is the answer alone");
    let quiet = ws.run(&["get-apis"]).succeeds();
    assert_eq!(quiet.stderr, "");
}

#[test]
fn help_after_a_command_works_as_aws_help() {
    let ws = Ws::new();
    for (args, has) in [
        (&["create-api", "help"][..], "--api-version"),
        (&["elbv2", "register-targets", "help"], "--listener-arn"),
        (&["elbv2", "help"], "register-targets"),
        (&["help"], "create-integration"),
        (&["serve", "help"], "--listen"),
    ] {
        ws.run(args).succeeds().stdout_has(has);
    }
    // `help` as a value is a value.
    let api = ws.api("HTTP");
    let out = ws
        .run(&["update-api", "--api-id", &api, "--description", "help"])
        .succeeds();
    assert_eq!(out.json()["Description"], "help");
}

#[test]
fn a_typo_lists_the_closest_command_first() {
    let ws = Ws::new();
    for (typo, closest) in [
        (&["create-integraton"][..], "'create-integration'"),
        (&["get-integratons"], "'get-integrations'"),
        (&["elbv2", "register-target"], "'register-targets'"),
    ] {
        let out = ws.run(typo).fails(2);
        let tip = out
            .stderr
            .lines()
            .find(|l| l.contains("similar subcommand"))
            .unwrap_or_else(|| panic!("{}", out.stderr));
        let first = tip
            .split_once("exist: ")
            .or_else(|| tip.split_once("exists: "))
            .unwrap()
            .1;
        let first = first.split(", ").next().unwrap();
        assert_eq!(first, closest, "{tip}");
    }
}
