//! The Lambda stand-in's commands as a user types them (`apigw lambda …`):
//! what create-function stores and prints, each rule with the service's
//! message and exit code (the workspace left as it was), the other verbs,
//! and `apigw lambda invoke` running a real function once.

#[path = "common/cli.rs"]
mod cli;

use cli::*;
use serde_json::json;

const HANDLER: &str = "import json\ndef handler(event, context):\n    if event.get('fail'):\n        raise RuntimeError('asked to fail')\n    print('got', json.dumps(event))\n    return {'echo': event, 'name': context.function_name}\n";

/// A folder `fn/` beside the workspace with a python handler.
fn folder(ws: &Ws) -> String {
    let dir = ws.dir().join("fn");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("app.py"), HANDLER).unwrap();
    "fn".into()
}

fn create(ws: &Ws, name: &str, extra: &[&str]) -> serde_json::Value {
    let dir = folder(ws);
    let mut args = vec![
        "lambda",
        "create-function",
        "--function-name",
        name,
        "--runtime",
        "python3.12",
        "--handler",
        "app.handler",
        "--code-directory",
        &dir,
    ];
    args.extend(extra);
    ws.ok(&args)
}

fn have_python() -> bool {
    std::process::Command::new("python3")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn create_function_prints_the_configuration_and_keeps_the_folder() {
    let ws = Ws::new();
    let f = create(
        &ws,
        "orders",
        &[
            "--timeout",
            "10",
            "--environment",
            "Variables={TABLE=orders}",
        ],
    );
    assert_eq!(f["FunctionName"], "orders");
    assert_eq!(
        f["FunctionArn"],
        "arn:aws:lambda:us-east-2:123456789012:function:orders"
    );
    assert_eq!(f["Runtime"], "python3.12");
    assert_eq!(f["Handler"], "app.handler");
    assert_eq!(f["Timeout"], 10);
    assert_eq!(f["MemorySize"], 128);
    assert_eq!(f["Version"], "$LATEST");
    assert_eq!(f["State"], "Active");
    assert_eq!(f["PackageType"], "Zip");
    assert_eq!(f["Environment"], json!({"Variables": {"TABLE": "orders"}}));
    assert_eq!(f["Role"], "arn:aws:iam::123456789012:role/apigw-local");
    assert_eq!(f["CodeSha256"].as_str().unwrap().len(), 44);
    let file = String::from_utf8(read(&ws.path)).unwrap();
    assert!(file.contains("[functions.orders]"), "{file}");
    assert!(file.contains("CodeDirectory = \"fn\""), "{file}");
    let got = ws.ok(&["lambda", "get-function", "--function-name", "orders"]);
    assert_eq!(got["Configuration"]["FunctionName"], "orders");
    let listed = ws.ok(&[
        "lambda",
        "list-functions",
        "--query",
        "Functions[].FunctionName",
    ]);
    assert_eq!(listed, json!(["orders"]));
    let by_arn = ws.ok(&[
        "lambda",
        "get-function-configuration",
        "--function-name",
        "arn:aws:lambda:us-east-2:123456789012:function:orders",
    ]);
    assert_eq!(by_arn["FunctionName"], "orders");
}

#[test]
fn the_service_s_rules_refuse_with_its_messages_and_leave_the_file() {
    let ws = Ws::new();
    create(&ws, "orders", &[]);
    let before = read(&ws.path);
    let dir = folder(&ws);
    let base = |name: &'static str, runtime: &'static str| -> Vec<String> {
        [
            "lambda",
            "create-function",
            "--function-name",
            name,
            "--runtime",
            runtime,
            "--handler",
            "app.handler",
            "--code-directory",
            &dir,
        ]
        .iter()
        .map(|s| s.to_string())
        .collect()
    };
    let cases: Vec<(Vec<String>, &str)> = vec![
        (
            base("orders", "python3.12"),
            "(ResourceConflictException) when calling the CreateFunction operation: Function already exist: orders",
        ),
        (
            base("bad name", "python3.12"),
            "(ValidationException) when calling the CreateFunction operation: 1 validation error detected: Value 'bad name' at 'functionName' failed to satisfy constraint",
        ),
        (
            base("old", "python3.7"),
            "(InvalidParameterValueException) when calling the CreateFunction operation: The runtime parameter of python3.7 is no longer supported",
        ),
        (
            base("odd", "cobol1.0"),
            "Value 'cobol1.0' at 'runtime' failed to satisfy constraint: Member must satisfy enum value set",
        ),
        (
            [
                base("slow", "python3.12"),
                vec!["--timeout".into(), "901".into()],
            ]
            .concat(),
            "Value '901' at 'timeout' failed to satisfy constraint: Member must have value less than or equal to 900",
        ),
        (
            [
                base("big", "python3.12"),
                vec!["--memory-size".into(), "20000".into()],
            ]
            .concat(),
            "Value '20000' at 'memorySize' failed to satisfy constraint: Member must have value less than or equal to 10240",
        ),
        (
            [
                base("env", "python3.12"),
                vec!["--environment".into(), "Variables={AWS_REGION=x}".into()],
            ]
            .concat(),
            "contains reserved keys that are currently not supported for modification. Reserved keys used in this request: AWS_REGION",
        ),
        (
            vec![
                "lambda".into(),
                "create-function".into(),
                "--function-name".into(),
                "nocode".into(),
                "--runtime".into(),
                "python3.12".into(),
                "--handler".into(),
                "app.handler".into(),
            ],
            "Please provide a source for function code",
        ),
        (
            vec![
                "lambda".into(),
                "create-function".into(),
                "--function-name".into(),
                "nohandler".into(),
                "--runtime".into(),
                "python3.12".into(),
                "--code-directory".into(),
                dir.clone(),
            ],
            "needs a handler",
        ),
        (
            vec![
                "lambda".into(),
                "get-function".into(),
                "--function-name".into(),
                "nope".into(),
            ],
            "(ResourceNotFoundException) when calling the GetFunction operation: Function not found: arn:aws:lambda:us-east-2:123456789012:function:nope",
        ),
        (
            vec![
                "lambda".into(),
                "get-function".into(),
                "--function-name".into(),
                "orders".into(),
                "--qualifier".into(),
                "7".into(),
            ],
            "Function not found: arn:aws:lambda:us-east-2:123456789012:function:orders:7",
        ),
        (
            vec![
                "lambda".into(),
                "put-function-concurrency".into(),
                "--function-name".into(),
                "orders".into(),
                "--reserved-concurrent-executions".into(),
                "950".into(),
            ],
            "decreases account's UnreservedConcurrentExecution below its minimum value of [100]",
        ),
        (
            vec![
                "lambda".into(),
                "update-function-configuration".into(),
                "--function-name".into(),
                "orders".into(),
                "--revision-id".into(),
                "stale".into(),
            ],
            "(PreconditionFailedException) when calling the UpdateFunctionConfiguration operation: The Revision Id provided does not match",
        ),
    ];
    for (args, message) in cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        ws.run(&args).fails(254).stderr_has(message);
        assert_eq!(read(&ws.path), before, "{args:?} changed the file");
    }
    // A missing folder is a usage mistake the service cannot see: also 254.
    ws.run(&[
        "lambda",
        "create-function",
        "--function-name",
        "x",
        "--runtime",
        "python3.12",
        "--handler",
        "a.b",
        "--code-directory",
        "no-such-folder",
    ])
    .fails(254)
    .stderr_has("--code-directory no-such-folder");
    assert_eq!(read(&ws.path), before);
}

#[test]
fn a_package_with_a_path_out_of_its_folder_is_refused() {
    if !have_python() {
        return println!("skipped: python3 is not installed (it makes the zip)");
    }
    let ws = Ws::new();
    let zip = ws.dir().join("evil.zip");
    let status = std::process::Command::new("python3")
        .args(["-c", "import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1], 'w')\nz.writestr('../escape.py', 'x = 1')\nz.close()"])
        .arg(&zip)
        .status()
        .unwrap();
    assert!(status.success());
    let arg = format!("fileb://{}", zip.display());
    ws.run(&["lambda", "create-function", "--function-name", "evil", "--runtime", "python3.12", "--handler", "a.b", "--zip-file", &arg])
        .fails(254)
        .stderr_has("Could not unzip uploaded file: entry \"../escape.py\" would be written outside the function's folder");
    assert!(!ws.dir().join(".apigw/escape.py").exists());
    assert!(!ws.dir().join("escape.py").exists());
}

#[test]
fn update_configuration_concurrency_and_delete() {
    let ws = Ws::new();
    let first = create(&ws, "orders", &[]);
    let updated = ws.ok(&[
        "lambda",
        "update-function-configuration",
        "--function-name",
        "orders",
        "--memory-size",
        "512",
        "--revision-id",
        first["RevisionId"].as_str().unwrap(),
    ]);
    assert_eq!(updated["MemorySize"], 512);
    assert_ne!(updated["RevisionId"], first["RevisionId"]);
    // No reserved concurrency: an empty answer, which the aws CLI prints
    // as nothing at all.
    ws.run(&[
        "lambda",
        "get-function-concurrency",
        "--function-name",
        "orders",
    ])
    .succeeds()
    .stdout_lacks("Reserved");
    ws.ok(&[
        "lambda",
        "put-function-concurrency",
        "--function-name",
        "orders",
        "--reserved-concurrent-executions",
        "2",
    ]);
    assert_eq!(
        ws.ok(&[
            "lambda",
            "get-function",
            "--function-name",
            "orders",
            "--query",
            "Concurrency"
        ]),
        json!({"ReservedConcurrentExecutions": 2})
    );
    ws.run(&[
        "lambda",
        "delete-function-concurrency",
        "--function-name",
        "orders",
    ])
    .succeeds();
    ws.run(&["lambda", "delete-function", "--function-name", "orders"])
        .succeeds();
    ws.run(&["lambda", "get-function", "--function-name", "orders"])
        .fails(254);
}

#[test]
fn invoke_runs_the_function_once_and_writes_its_answer() {
    if !have_python() {
        return println!("skipped: python3 is not installed");
    }
    let ws = Ws::new();
    create(&ws, "echo", &[]);
    let out = ws.dir().join("out.json");
    let outfile = out.display().to_string();
    let answer = ws.ok(&[
        "lambda",
        "invoke",
        "--function-name",
        "echo",
        "--payload",
        r#"{"n":1}"#,
        &outfile,
    ]);
    assert_eq!(
        answer,
        json!({"StatusCode": 200, "ExecutedVersion": "$LATEST"})
    );
    let written: serde_json::Value = serde_json::from_slice(&read(&out)).unwrap();
    assert_eq!(written, json!({"echo": {"n": 1}, "name": "echo"}));

    let b64 = ws.ok(&[
        "lambda",
        "invoke",
        "--function-name",
        "echo",
        "--cli-binary-format",
        "base64",
        "--payload",
        "eyJuIjoyfQ==",
        "--log-type",
        "Tail",
        &outfile,
    ]);
    use base64::Engine as _;
    let log = base64::engine::general_purpose::STANDARD
        .decode(b64["LogResult"].as_str().unwrap())
        .unwrap();
    let log = String::from_utf8(log).unwrap();
    assert!(log.contains("got {\"n\": 2}"), "{log}");
    assert!(log.starts_with("START RequestId: "), "{log}");

    let failed = ws.ok(&[
        "lambda",
        "invoke",
        "--function-name",
        "echo",
        "--payload",
        r#"{"fail":true}"#,
        &outfile,
    ]);
    assert_eq!(failed["FunctionError"], "Unhandled");
    let doc: serde_json::Value = serde_json::from_slice(&read(&out)).unwrap();
    assert_eq!(doc["errorType"], "RuntimeError");
    assert_eq!(doc["errorMessage"], "asked to fail");

    ws.run(&["lambda", "invoke", "--function-name", "echo", "--payload", "not json", &outfile])
        .fails(254)
        .stderr_has("(InvalidRequestContentException) when calling the Invoke operation: Could not parse request body into json");
    ws.run(&["lambda", "invoke", "--function-name", "echo"])
        .fails(2)
        .stderr_has("the following arguments are required: outfile");
    ws.run(&["lambda", "invoke", "--function-name", "ghost", &outfile])
        .fails(254)
        .stderr_has("(ResourceNotFoundException)");
    assert_eq!(
        ws.ok(&[
            "lambda",
            "invoke",
            "--function-name",
            "echo",
            "--invocation-type",
            "DryRun",
            &outfile
        ]),
        json!({"StatusCode": 204})
    );
}
