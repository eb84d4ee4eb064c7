//! Every command with awkward values for every flag: the answer is a clear
//! error or a result, never a panic.

use std::ffi::OsString;

const AWKWARD: &[&str] = &[
    "",
    "{",
    "[",
    "x=",
    "=",
    "a=b,",
    "{\"a\": 1}",
    "[1, 2]",
    "file://does/not/exist",
    "-1",
    "99999999999999999999",
    "\u{0}",
    "é=ü",
    "$default",
    "Key=[a,{b=c}]",
];

#[test]
fn awkward_values_never_panic() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("apigw.toml");
    let cmd = apigw::cli::command();
    let mut runs = 0;
    for sub in cmd.get_subcommands() {
        let name = sub.get_name().to_string();
        // serve and endpoint run until stopped; the others print and exit.
        if matches!(
            name.as_str(),
            "help" | "completion" | "generate-docs" | "serve" | "endpoint"
        ) {
            continue;
        }
        let flags: Vec<String> = sub
            .get_arguments()
            .filter_map(|a| a.get_long().map(str::to_string))
            .filter(|l| !matches!(l.as_str(), "help" | "workspace" | "generate-cli-skeleton"))
            .collect();
        for flag in &flags {
            for value in AWKWARD {
                let mut argv: Vec<OsString> = vec![
                    "apigw".into(),
                    name.clone().into(),
                    "--workspace".into(),
                    ws.clone().into(),
                ];
                argv.push(format!("--{flag}").into());
                argv.push((*value).into());
                let result = std::panic::catch_unwind(|| apigw::cli::run(argv.clone()));
                assert!(result.is_ok(), "panic on {argv:?}");
                runs += 1;
            }
        }
    }
    assert!(runs > 1000, "{runs}");
}

// ---------------------------------------------------------------------------
// Depth sweeps: every parser that reads user input refuses what is nested
// past its limit, with exit 252 (253 for the workspace) and a message naming
// the limit, and never overflows the stack. Small depths run in-process
// (on a test thread's 2 MiB stack, smaller than the binary's 8 MiB main
// thread); the limit's neighbours and huge depths run as processes.

#[path = "common/cli.rs"]
mod cli;

use apigw::input::{document, shorthand};
use apigw::output::{OutputFormat, query, render};
use cli::Ws;
use serde_json::json;

/// The depth every huge case uses.
const HUGE: usize = 20_000;

/// Each --query form that makes the jmespath crate recurse, `n` deep.
fn query_forms(n: usize) -> Vec<(&'static str, String)> {
    let r = |s: &str| s.repeat(n);
    vec![
        ("multi-list", format!("{}a{}", r("["), r("]"))),
        ("function", format!("{}a{}", r("abs("), r(")"))),
        ("parentheses", format!("{}a{}", r("("), r(")"))),
        ("multi-hash", format!("{}a{}", r("{a: "), r("}"))),
        ("pipe", format!("a{}", r("|a"))),
        ("sub-expression", format!("a{}", r(".a"))),
        ("index", format!("a{}", r("[0]"))),
        ("wildcard index", format!("a{}", r("[*]"))),
        ("flatten", format!("a{}", r("[]"))),
        ("wildcard values", format!("a{}", r(".*"))),
        ("or", format!("a{}", r("||a"))),
        ("and", format!("a{}", r("&&a"))),
        ("comparison", format!("a{}", r("==a"))),
        ("not", format!("{}a", r("!"))),
        ("expression reference", format!("map({}a, @)", r("& "))),
        ("filter", format!("{}a{}", r("a[?"), r("]"))),
        ("list of lists", format!("{}@{}", r("[@, "), r("]"))),
        ("slice", format!("a{}", r("[1:2]"))),
    ]
}

const QUERY_LIMIT: &str = "nested deeper than 64 levels";

#[test]
fn query_depth_sweep_in_process() {
    assert_eq!(query::MAX_DEPTH, 64);
    let answer = json!({"a": [{"a": [1, 2]}, {"a": "x"}], "Items": []});
    for n in 1..=query::MAX_DEPTH + 2 {
        for (form, expr) in query_forms(n) {
            match query::Query::compile(&expr) {
                Ok(q) => {
                    assert!(n <= query::MAX_DEPTH, "{form} at {n} was accepted");
                    // Whatever it selects prints in every format.
                    if q.search(&answer).is_ok() {
                        for f in OutputFormat::NAMES {
                            render("GetApis", &answer, f.parse().unwrap(), Some(&expr)).unwrap();
                        }
                    }
                }
                Err(e) if n > query::MAX_DEPTH => {
                    assert!(e.0.contains(QUERY_LIMIT), "{form} at {n}: {}", e.0)
                }
                Err(e) => assert!(!e.0.is_empty(), "{form} at {n}"),
            }
        }
    }
}

#[test]
fn deep_queries_are_refused_by_the_binary() {
    let ws = Ws::new();
    ws.api("HTTP");
    for n in [query::MAX_DEPTH + 1, HUGE] {
        for (_, expr) in query_forms(n) {
            ws.run(&["get-apis", "--query", &expr])
                .fails(252)
                .stderr_has("Bad value for --query")
                .stderr_has(QUERY_LIMIT);
        }
    }
}

/// The deepest answer a query can make (64 levels of multi-list around a
/// JSON literal as deep as serde_json allows) prints in every format.
#[test]
fn the_deepest_query_answers_print_in_every_format() {
    let lists = format!(
        "{}`{}1{}`{}",
        "[".repeat(63),
        "[".repeat(126),
        "]".repeat(126),
        "]".repeat(63)
    );
    let hashes = format!(
        "{}`{}1{}`{}",
        "{a: ".repeat(63),
        "{\"a\": ".repeat(126),
        "}".repeat(126),
        "}".repeat(63)
    );
    let answer = json!({"Items": []});
    for expr in [&lists, &hashes] {
        for f in OutputFormat::NAMES {
            let out = render("GetApis", &answer, f.parse().unwrap(), Some(expr));
            assert!(out.is_ok(), "{f}: {out:?}");
        }
    }
    let ws = Ws::new();
    for f in OutputFormat::NAMES {
        ws.run(&["get-apis", "--output", f, "--query", &lists])
            .succeeds();
    }
}

/// JSON and YAML documents, `n` deep, by form.
fn document_forms(n: usize) -> Vec<(&'static str, String)> {
    vec![
        ("json lists", format!("{}{}", "[".repeat(n), "]".repeat(n))),
        (
            "json objects",
            format!("{}1{}", "{\"a\": ".repeat(n), "}".repeat(n)),
        ),
        ("yaml flow lists", {
            let n = n.min(FLOW) - 1;
            format!("x: {}{}", "[".repeat(n), "]".repeat(n))
        }),
        (
            "yaml block lists",
            (0..n.min(BLOCK))
                .map(|i| format!("{}-\n", "  ".repeat(i)))
                .collect(),
        ),
        (
            "yaml block maps",
            (0..n.min(BLOCK))
                .map(|i| format!("{}a:\n", "  ".repeat(i)))
                .collect(),
        ),
    ]
}

/// Block YAML grows with the square of its depth: its "huge" is this.
const BLOCK: usize = 1000;
/// serde_norway loads flow YAML slowly in a debug build (1.6 s at 20,000
/// levels): its "huge" is this, still forty times past the limit.
const FLOW: usize = 2500;

const DOCUMENT_LIMIT: &str = "nested deeper than 64 levels";

#[test]
fn document_depth_sweep_in_process() {
    assert_eq!(document::MAX_DEPTH, 64);
    for n in 1..=document::MAX_DEPTH + 2 {
        for (form, text) in document_forms(n) {
            let got = if form.starts_with("json") {
                document::parse_json(&text)
            } else {
                document::parse_yaml(&text)
            };
            match got {
                Ok(_) => assert!(n <= document::MAX_DEPTH, "{form} at {n} accepted"),
                Err(e) => {
                    assert!(n > document::MAX_DEPTH, "{form} at {n}: {e}");
                    assert!(e.contains(DOCUMENT_LIMIT), "{form} at {n}: {e}");
                }
            }
        }
    }
}

#[test]
fn deep_documents_are_refused_by_the_binary() {
    let ws = Ws::new();
    let api = ws.api("HTTP");
    let base = [
        "create-integration",
        "--api-id",
        &api,
        "--integration-type",
        "HTTP_PROXY",
    ];
    for n in [document::MAX_DEPTH + 1, HUGE] {
        for (form, text) in document_forms(n) {
            let file = ws.dir().join("deep.txt");
            std::fs::write(&file, &text).unwrap();
            let uri = format!("file://{}", file.display());
            let flag = if form.starts_with("json") {
                "--cli-input-json"
            } else {
                "--cli-input-yaml"
            };
            // Inline only what fits in one argument (128 KiB on Linux).
            let values = if text.len() < 100_000 {
                vec![text.as_str(), uri.as_str()]
            } else {
                vec![uri.as_str()]
            };
            for value in &values {
                // `--flag=value`: a YAML list starts with `-`.
                ws.run(&["create-integration", &format!("{flag}={value}")])
                    .fails(252)
                    .stderr_has(DOCUMENT_LIMIT);
            }
            if form.starts_with("json") {
                // A JSON flag value, given inline and from a file.
                for &value in &values {
                    let args = [&base[..], &["--request-parameters", value]].concat();
                    ws.run(&args).fails(252).stderr_has(DOCUMENT_LIMIT);
                }
            }
        }
    }
    assert!(
        !std::fs::read_to_string(&ws.path)
            .unwrap()
            .contains("integrations")
    );
}

#[test]
fn deep_claims_are_refused() {
    let ws = Ws::new();
    for n in [document::MAX_DEPTH + 1, HUGE] {
        let claims = format!("{{\"a\": {}{}}}", "[".repeat(n), "]".repeat(n));
        ws.run(&[
            "mint-token",
            "--issuer",
            "http://127.0.0.1:1",
            "--claims",
            &claims,
        ])
        .fails(252)
        .stderr_has(DOCUMENT_LIMIT);
    }
}

#[test]
fn yaml_alias_bombs_are_refused() {
    let mut laughs = String::from("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for i in 1..12 {
        let j = i - 1;
        let refs = vec![format!("*a{j}"); 9].join(", ");
        laughs.push_str(&format!("a{i}: &a{i} [{refs}]\n"));
    }
    // Few aliases, each copying a long text.
    let copies = format!(
        "s: &s {}\nl: [{}]\n",
        "y".repeat(1 << 20),
        vec!["*s"; 40].join(", ")
    );
    let ws = Ws::new();
    for bomb in [&laughs, &copies] {
        let e = document::parse_yaml(bomb).unwrap_err();
        assert!(
            e.contains("expands to more than 1000000 values or 16 MiB of text"),
            "{e}"
        );
        let file = ws.dir().join("bomb.yaml");
        std::fs::write(&file, bomb).unwrap();
        ws.run(&[
            "create-integration",
            "--cli-input-yaml",
            &format!("file://{}", file.display()),
        ])
        .fails(252)
        .stderr_has("expands to more than");
    }
}

#[test]
fn shorthand_depth_sweep() {
    let limit = shorthand::MAX_DEPTH;
    assert_eq!(limit, 256);
    for n in 1..=limit + 1 {
        for text in [
            format!("a={}x{}", "[".repeat(n), "]".repeat(n)),
            format!("a={}x{}", "{b=".repeat(n), "}".repeat(n)),
        ] {
            let got = shorthand::parse(&text);
            assert_eq!(got.is_ok(), n <= limit, "{n}: {got:?}");
        }
    }
    let ws = Ws::new();
    let api = ws.api("HTTP");
    // At the limit the value parses, and the model refuses its shape.
    for text in [
        format!("a={}x{}", "[".repeat(limit), "]".repeat(limit)),
        format!("a={}x{}", "{b=".repeat(limit), "}".repeat(limit)),
    ] {
        ws.run(&[
            "create-integration",
            "--api-id",
            &api,
            "--integration-type",
            "HTTP_PROXY",
            "--request-parameters",
            &text,
        ])
        .fails(252)
        .stderr_has("Invalid type for parameter RequestParameters.a");
    }
    for n in [limit + 1, HUGE] {
        for text in [
            format!("a={}", "[".repeat(n)),
            format!("a={}", "{b=".repeat(n)),
        ] {
            ws.run(&[
                "create-integration",
                "--api-id",
                &api,
                "--integration-type",
                "HTTP_PROXY",
                "--request-parameters",
                &text,
            ])
            .fails(252)
            .stderr_has("nested at most 256 levels deep");
        }
    }
}

/// Workspace texts nesting `n` deep, by form.
fn workspace_forms(n: usize) -> Vec<(&'static str, String)> {
    let keys: Vec<String> = (0..n).map(|i| format!("k{i}")).collect();
    vec![
        (
            "arrays",
            format!("x = {}{}\n", "[".repeat(n), "]".repeat(n)),
        ),
        (
            "inline tables",
            format!("x = {}1{}\n", "{a = ".repeat(n), "}".repeat(n)),
        ),
        ("header keys", format!("[{}]\n", keys.join("."))),
    ]
}

const WORKSPACE_LIMIT: &str = "nested deeper than 80 levels";

#[test]
fn workspace_depth_sweep_in_process() {
    let limit = apigw::workspace::codec::TOML_MAX_DEPTH;
    assert_eq!(limit, 80);
    let path = std::path::Path::new("apigw.toml");
    for n in 1..=limit + 2 {
        for (form, text) in workspace_forms(n) {
            let text = format!("[workspace]\naccount = \"123456789012\"\n{text}");
            // Nothing nests in a valid workspace; past the limit the depth
            // is what is named (the limit is toml's, checked here).
            let e = apigw::workspace::parse(path, text.as_bytes()).unwrap_err();
            assert_eq!(e.exit_code(), 253);
            let named = e.to_string().contains(WORKSPACE_LIMIT);
            assert_eq!(named, n > limit, "{form} at {n}: {e}");
        }
    }
}

#[test]
fn deep_workspaces_are_refused_by_the_binary() {
    for n in [81, HUGE] {
        for (_, text) in workspace_forms(n) {
            let ws = Ws::new();
            ws.api("HTTP");
            let mut file = std::fs::read_to_string(&ws.path).unwrap();
            file.push_str(&text);
            std::fs::write(&ws.path, &file).unwrap();
            ws.run(&["get-apis"]).fails(253).stderr_has(WORKSPACE_LIMIT);
            assert_eq!(std::fs::read_to_string(&ws.path).unwrap(), file);
        }
    }
}

/// A long workspace is read on two threads, cut at the first header past
/// its middle; a deep header there must not overflow the fast reader.
#[test]
fn a_deep_header_where_a_long_workspace_is_cut_is_refused() {
    let ws = Ws::new();
    let head = "[workspace]\naccount = \"123456789012\"\nregion = \"us-east-2\"\n";
    let api = |name: &str, description: usize| {
        format!(
            "\n[apis.{name}]\nName = \"x\"\nProtocolType = \"HTTP\"\nDescription = \"{}\"\n",
            "y".repeat(description)
        )
    };
    let mut first: String = (0..3000).map(|i| api(&format!("a{i:05}"), 60)).collect();
    first.push_str(&api("last", 3000));
    let keys: Vec<String> = (0..HUGE).map(|_| "a".to_string()).collect();
    let deep = format!("[{}]\n", keys.join("."));
    let before = head.len() + first.len();
    let mut second = String::new();
    let mut i = 0;
    while second.len() + deep.len() + 1000 < before {
        second.push_str(&api(&format!("b{i:05}"), 60));
        i += 1;
    }
    let text = format!("{head}{first}{deep}{second}");
    assert!(text.len() / 2 < before, "the cut falls on the deep header");
    std::fs::write(&ws.path, &text).unwrap();
    ws.run(&["get-apis"]).fails(253).stderr_has(WORKSPACE_LIMIT);
}
