//! A write whose arguments are bad does nothing: `--query` is compiled, and
//! file values read and checked, before the workspace is touched, as the AWS
//! CLI does before it calls the service. So a script that retries a refused
//! command never makes the change twice.

#[path = "common/cli.rs"]
mod cli;

use cli::Ws;

/// A write of each kind (create, update, delete), given `api`.
fn writes(api: &str) -> Vec<Vec<String>> {
    let v = |args: &[&str]| args.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    vec![
        v(&["create-api", "--name", "again", "--protocol-type", "HTTP"]),
        v(&[
            "create-integration",
            "--api-id",
            api,
            "--integration-type",
            "HTTP_PROXY",
            "--integration-uri",
            "https://example.com",
            "--integration-method",
            "GET",
            "--payload-format-version",
            "1.0",
        ]),
        v(&["update-api", "--api-id", api, "--name", "renamed"]),
        v(&["delete-api", "--api-id", api]),
        v(&["create-vpc-link", "--name", "l", "--subnet-ids", "subnet-1"]),
    ]
}

const BAD_QUERIES: &[&str] = &["Items[?", "[", "a ~ b", ""];

#[test]
fn a_bad_query_refuses_a_write_before_it_is_saved() {
    let ws = Ws::new();
    let api = ws.api("HTTP");
    let before = std::fs::read(&ws.path).unwrap();
    for args in writes(&api) {
        for q in BAD_QUERIES {
            let mut argv: Vec<&str> = args.iter().map(String::as_str).collect();
            argv.extend(["--query", q]);
            ws.run(&argv).fails(252).stderr_has("Bad value for --query");
            assert_eq!(
                std::fs::read(&ws.path).unwrap(),
                before,
                "{argv:?} changed the workspace"
            );
        }
    }
    // A too-deep query is refused the same way.
    let deep = "[".repeat(20_000);
    let argv = [
        "create-api",
        "--name",
        "n",
        "--protocol-type",
        "HTTP",
        "--query",
        &deep,
    ];
    ws.run(&argv)
        .fails(252)
        .stderr_has("nested deeper than 64 levels");
    assert_eq!(std::fs::read(&ws.path).unwrap(), before);
}

#[test]
fn a_bad_query_creates_no_workspace() {
    let ws = Ws::new();
    for args in writes("abc1234567") {
        let mut argv: Vec<&str> = args.iter().map(String::as_str).collect();
        argv.extend(["--query", "Items[?"]);
        ws.run(&argv).fails(252);
        assert!(!ws.path.exists(), "{argv:?} created {}", ws.path.display());
    }
}

#[test]
fn bad_file_values_refuse_a_write_before_it_is_saved() {
    let ws = Ws::new();
    let api = ws.api("HTTP");
    let before = std::fs::read(&ws.path).unwrap();
    let deep = ws.dir().join("deep.json");
    std::fs::write(&deep, "[".repeat(1000)).unwrap();
    let deep = format!("file://{}", deep.display());
    for value in ["file://missing.json", "file:///dev/zero", deep.as_str()] {
        let input = format!("--cli-input-json={value}");
        for args in writes(&api) {
            let mut argv: Vec<&str> = args.iter().map(String::as_str).collect();
            argv.push(&input);
            ws.run(&argv).fails(252);
            assert_eq!(std::fs::read(&ws.path).unwrap(), before, "{argv:?}");
        }
    }
}

#[test]
fn a_good_query_still_shapes_the_answer_of_a_write() {
    let ws = Ws::new();
    let out = ws.text(&[
        "create-api",
        "--name",
        "n",
        "--protocol-type",
        "HTTP",
        "--query",
        "Name",
        "--output",
        "text",
    ]);
    assert_eq!(out, "n\n");
}
