//! Output rendering against what the AWS CLI prints.
//!
//! `tests/fixtures/output/` was recorded by `scripts/record-output-cases.py`
//! from awscli's own formatters (json, text, table) and from ruamel.yaml
//! dumping as AWS CLI v2 does (yaml, yaml-stream), for the responses in
//! `docs/`. Every recorded case must match byte for byte.

use std::fs;
use std::path::{Path, PathBuf};

use apigw::output::{OutputFormat, RenderError, render};
use serde_json::Value;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/output")
}

struct Case {
    doc: String,
    operation: String,
    format: OutputFormat,
    query: Option<String>,
    expected: Option<String>,
    error: Option<String>,
    error_kind: Option<String>,
}

impl Case {
    fn label(&self) -> String {
        match &self.query {
            Some(q) => format!("{} --output {} --query {q:?}", self.doc, self.format),
            None => format!("{} --output {}", self.doc, self.format),
        }
    }
}

fn load_cases() -> Vec<Case> {
    let root = fixtures();
    let text = fs::read_to_string(root.join("cases.json")).expect("cases.json");
    let cases: Vec<Value> = serde_json::from_str(&text).expect("cases.json parses");
    cases
        .into_iter()
        .map(|c| {
            let s = |k: &str| c.get(k).and_then(Value::as_str).map(str::to_string);
            Case {
                doc: s("doc").unwrap(),
                operation: s("operation").unwrap(),
                format: s("format").unwrap().parse().unwrap(),
                query: s("query"),
                expected: s("expected")
                    .map(|p| fs::read_to_string(root.join(p)).expect("expected output")),
                error: s("error"),
                error_kind: s("error_kind"),
            }
        })
        .collect()
}

fn load_doc(name: &str) -> Value {
    let text =
        fs::read_to_string(fixtures().join("docs").join(format!("{name}.json"))).expect("doc");
    serde_json::from_str(&text).expect("doc parses")
}

/// Runs every recorded case of `format` (without or with a query) and
/// reports all mismatches at once.
fn check(format: OutputFormat, with_query: bool) {
    let mut failures = Vec::new();
    let mut ran = 0;
    for case in load_cases() {
        if case.format != format || case.query.is_some() != with_query || case.error.is_some() {
            continue;
        }
        ran += 1;
        let doc = load_doc(&case.doc);
        let want = case.expected.as_deref().expect("recorded output");
        match render(&case.operation, &doc, format, case.query.as_deref()) {
            Ok(got) if got == want => {}
            Ok(got) => failures.push(format!(
                "{}\n--- expected\n{want}--- got\n{got}",
                case.label()
            )),
            Err(e) => failures.push(format!("{}: unexpected error {e}", case.label())),
        }
    }
    assert!(ran > 0, "no recorded cases for {format}");
    assert!(
        failures.is_empty(),
        "{} of {ran} cases differ:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

#[test]
fn json_matches_awscli() {
    check(OutputFormat::Json, false);
}

#[test]
fn text_matches_awscli() {
    check(OutputFormat::Text, false);
}

#[test]
fn table_matches_awscli() {
    check(OutputFormat::Table, false);
}

#[test]
fn yaml_matches_awscli_v2() {
    check(OutputFormat::Yaml, false);
}

#[test]
fn yaml_stream_matches_awscli_v2() {
    check(OutputFormat::YamlStream, false);
}

#[test]
fn json_query_results_match_awscli() {
    check(OutputFormat::Json, true);
}

#[test]
fn text_query_results_match_awscli() {
    check(OutputFormat::Text, true);
}

#[test]
fn table_query_results_match_awscli() {
    check(OutputFormat::Table, true);
}

#[test]
fn yaml_query_results_match_awscli_v2() {
    check(OutputFormat::Yaml, true);
    check(OutputFormat::YamlStream, true);
}

#[test]
fn bad_query_expressions_are_rejected_with_the_expression_named() {
    let mut ran = 0;
    for case in load_cases()
        .into_iter()
        .filter(|c| c.error_kind.as_deref() == Some("parse"))
    {
        ran += 1;
        let query = case.query.clone().unwrap();
        let want = case.error.clone().unwrap();
        let doc = load_doc(&case.doc);
        let err =
            render(&case.operation, &doc, case.format, Some(&query)).expect_err(&case.label());
        assert!(
            matches!(err, RenderError::Query { .. }),
            "{}: {err:?}",
            case.label()
        );
        let got = err.to_string();
        let prefix = format!("Bad value for --query {query}: ");
        assert!(got.starts_with(&prefix), "{}: {got}", case.label());
        // Python's messages for incomplete and empty expressions are
        // reproduced exactly; other parse errors name the column and quote
        // the expression, in the jmespath crate's words.
        if want.contains("Incomplete expression") || query.is_empty() {
            assert_eq!(got, want, "{}", case.label());
        } else {
            assert!(
                got.contains(&format!("for expression:\n\"{query}\"\n")),
                "{}: {got}",
                case.label()
            );
        }
        // `off` still validates the query, as the AWS CLI does before the call.
        assert!(render(&case.operation, &doc, OutputFormat::Off, Some(&query)).is_err());
    }
    assert!(ran >= 4);
}

#[test]
fn query_evaluation_errors_match_python_jmespath() {
    let mut ran = 0;
    for case in load_cases()
        .into_iter()
        .filter(|c| c.error_kind.as_deref() == Some("evaluation"))
    {
        ran += 1;
        let doc = load_doc(&case.doc);
        let err = render(&case.operation, &doc, case.format, case.query.as_deref())
            .expect_err(&case.label());
        assert!(
            matches!(err, RenderError::QueryEvaluation { .. }),
            "{}: {err:?}",
            case.label()
        );
        assert_eq!(
            err.to_string(),
            case.error.clone().unwrap(),
            "{}",
            case.label()
        );
    }
    assert!(ran >= 3);
}

#[test]
fn ci_scripts_get_bare_ids_from_text() {
    let doc = load_doc("integration");
    let out = render(
        "CreateIntegration",
        &doc,
        OutputFormat::Text,
        Some("IntegrationId"),
    )
    .unwrap();
    assert_eq!(out, "0abcdef\n");
    let list = load_doc("integrations");
    let out = render(
        "GetIntegrations",
        &list,
        OutputFormat::Text,
        Some("Items[].IntegrationId"),
    )
    .unwrap();
    assert_eq!(out, "0abcdef\t1fedcba\t2abc123\n");
}

#[test]
fn multiselect_hash_keeps_expression_order() {
    let doc = load_doc("integration");
    let out = render(
        "CreateIntegration",
        &doc,
        OutputFormat::Json,
        Some("{Type: IntegrationType, Id: IntegrationId}"),
    )
    .unwrap();
    assert_eq!(
        out,
        "{\n    \"Type\": \"AWS_PROXY\",\n    \"Id\": \"0abcdef\"\n}\n"
    );
}

#[test]
fn off_prints_nothing() {
    for name in ["integration", "integrations", "empty"] {
        let doc = load_doc(name);
        assert_eq!(
            render("GetIntegrations", &doc, OutputFormat::Off, None).unwrap(),
            ""
        );
    }
}

/// Table output pinned as strings, so a change in layout reads as a diff
/// here as well as in the recorded fixtures.
#[test]
fn table_layout_is_pinned() {
    let doc = load_doc("route");
    let out = render("CreateRoute", &doc, OutputFormat::Table, None).unwrap();
    assert_eq!(
        out,
        "\
-----------------------------------------------
|                 CreateRoute                 |
+--------------------+------------------------+
|  ApiKeyRequired    |  False                 |
|  AuthorizationType |  NONE                  |
|  RouteId           |  r0ut3id               |
|  RouteKey          |  $default              |
|  Target            |  integrations/0abcdef  |
+--------------------+------------------------+
"
    );
    let doc = load_doc("integrations");
    let out = render(
        "GetIntegrations",
        &doc,
        OutputFormat::Table,
        Some("Items[].IntegrationId"),
    )
    .unwrap();
    assert_eq!(
        out,
        "\
-----------------
|GetIntegrations|
+---------------+
|  0abcdef      |
|  1fedcba      |
|  2abc123      |
+---------------+
"
    );
    // A scalar query result: the AWS CLI prints only the title.
    let doc = load_doc("integration");
    let out = render(
        "CreateIntegration",
        &doc,
        OutputFormat::Table,
        Some("IntegrationId"),
    )
    .unwrap();
    assert_eq!(
        out,
        "-------------------\n|CreateIntegration|\n+-----------------+\n"
    );
}

/// Sixty seeded random documents built from strings that stress quoting,
/// folding, escapes and width counting (`random.json`), in every format
/// the AWS CLI could print them in.
#[test]
fn random_documents_match_awscli() {
    let text = fs::read_to_string(fixtures().join("random.json")).expect("random.json");
    let cases: Vec<Value> = serde_json::from_str(&text).expect("random.json parses");
    let mut failures = Vec::new();
    let mut ran = 0;
    for (i, case) in cases.iter().enumerate() {
        let operation = case["operation"].as_str().unwrap();
        for (format, want) in case["outputs"].as_object().unwrap() {
            ran += 1;
            let fmt: OutputFormat = format.parse().unwrap();
            let got = render(operation, &case["doc"], fmt, None).unwrap();
            let want = want.as_str().unwrap();
            if got != want {
                failures.push(format!(
                    "case {i} --output {format}\n--- expected\n{want}--- got\n{got}"
                ));
            }
        }
    }
    assert!(ran >= 250, "only {ran} outputs checked");
    assert!(
        failures.is_empty(),
        "{} of {ran} differ:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

/// A battery of JMESPath expressions over the list response
/// (`queries.json`), checked through the json format so both the values
/// and the key order must match Python jmespath.
#[test]
fn query_battery_matches_python_jmespath() {
    let text = fs::read_to_string(fixtures().join("queries.json")).expect("queries.json");
    let cases: Vec<Value> = serde_json::from_str(&text).expect("queries.json parses");
    let doc = load_doc("integrations");
    let mut failures = Vec::new();
    for case in &cases {
        let query = case["query"].as_str().unwrap();
        let got = render("GetIntegrations", &doc, OutputFormat::Json, Some(query));
        match (
            &got,
            case.get("json").and_then(Value::as_str),
            case.get("error").and_then(Value::as_str),
        ) {
            (Ok(got), Some(want), _) if got == want => {}
            (Err(e), _, Some(want)) if e.to_string() == want => {}
            _ => failures.push(format!(
                "--query {query:?}\n--- expected\n{case}\n--- got\n{got:?}"
            )),
        }
    }
    assert!(cases.len() >= 100);
    assert!(
        failures.is_empty(),
        "{} of {} differ:\n\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
}
