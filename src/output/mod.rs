//! Output rendering: `--output json|yaml|yaml-stream|text|table|off` and
//! `--query`, printing what the AWS CLI prints for the same response.
//!
//! [`render`] takes the response as a `serde_json::Value` whose objects hold
//! their keys in the AWS order, applies the `--query` expression (see
//! [`query`] for how key order survives it), and formats the result:
//!
//! | format        | as the AWS CLI                                              |
//! |---------------|-------------------------------------------------------------|
//! | `json`        | `json.dumps(indent=4, ensure_ascii=False)`; `{}` prints nothing |
//! | `yaml`        | v2's ruamel/libyaml block YAML, keys sorted ([`yaml`])      |
//! | `yaml-stream` | the same, as a one-element list                             |
//! | `text`        | the tab-separated layout of `awscli/text.py` ([`text`])      |
//! | `table`       | the `MultiTable` layout of `awscli/table.py` ([`table`])     |
//! | `off`         | nothing                                                     |
//!
//! `tests/output.rs` checks all of this byte for byte against outputs
//! recorded from the AWS CLI's own formatters by
//! `scripts/record-output-cases.py`.
//!
//! Known differences from the AWS CLI:
//! - `--query` parse errors other than an incomplete or empty expression
//!   are worded by the `jmespath` crate, not Python jmespath (same prefix,
//!   column and quoted expression); the crate's parser may also accept or
//!   reject a few odd expressions differently.
//! - JSON literals inside an expression (`` `{"b":1,"a":2}` ``) come back
//!   with their keys sorted.
//! - An `&expr` outside a function argument, a comparison of a number with
//!   a string in `sort`/`max`/..., and `to_number` of `inf`/`nan` fail or
//!   give null with messages that differ from Python's.
//! - A `--query` nested deeper than [`query::MAX_DEPTH`] (64) levels is
//!   refused before it is parsed (Python jmespath goes on until a
//!   `RecursionError`), and a query's answer nested deeper than
//!   [`MAX_RENDER_DEPTH`] is not printed (no query can make one).
//! - Integers beyond 64 bits and non-finite floats can't be represented.
//! - `table` is never coloured (the AWS CLI colours it on a terminal unless
//!   `--color off`), and its terminal width is 80 unless the caller passes
//!   the real one through [`render_with`].
//! - `yaml`/`yaml-stream` follow ruamel.yaml with libyaml (what the v2
//!   installers ship); v2 running the pure-Python emitter would differ for
//!   multi-line strings and characters beyond the BMP.

mod eaw;
pub mod pyfmt;
pub mod query;
pub mod table;
pub mod text;
pub mod yaml;

use std::fmt;
use std::str::FromStr;

use serde_json::Value;

pub use query::Query;

/// The `--output` formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    Json,
    Yaml,
    YamlStream,
    Text,
    Table,
    Off,
}

impl OutputFormat {
    /// The accepted `--output` values, in the AWS CLI's order.
    pub const NAMES: &[&str] = &["json", "yaml", "yaml-stream", "text", "table", "off"];

    /// The `--output` value naming this format.
    pub fn name(self) -> &'static str {
        match self {
            OutputFormat::Json => "json",
            OutputFormat::Yaml => "yaml",
            OutputFormat::YamlStream => "yaml-stream",
            OutputFormat::Text => "text",
            OutputFormat::Table => "table",
            OutputFormat::Off => "off",
        }
    }
}

impl FromStr for OutputFormat {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(match s {
            "json" => OutputFormat::Json,
            "yaml" => OutputFormat::Yaml,
            "yaml-stream" => OutputFormat::YamlStream,
            "text" => OutputFormat::Text,
            "table" => OutputFormat::Table,
            "off" => OutputFormat::Off,
            other => {
                let choices: Vec<String> = Self::NAMES.iter().map(|n| format!("'{n}'")).collect();
                return Err(format!(
                    "invalid choice: '{other}' (choose from {})",
                    choices.join(", ")
                ));
            }
        })
    }
}

impl fmt::Display for OutputFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Why nothing could be rendered.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// The `--query` expression does not parse. The AWS CLI rejects it
    /// before calling the service.
    #[error("Bad value for --query {expr}: {reason}")]
    Query { expr: String, reason: String },
    /// The `--query` expression parsed but failed on this response (a
    /// function given the wrong type, an unknown function, a wrong number of
    /// arguments). The message is Python jmespath's.
    #[error("{message}")]
    QueryEvaluation { expr: String, message: String },
    /// The value to print nests deeper than [`MAX_RENDER_DEPTH`].
    #[error("the answer to print is nested deeper than {MAX_RENDER_DEPTH} levels")]
    TooDeep,
}

/// Options that the AWS CLI takes from its surroundings rather than from
/// the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RenderOptions {
    /// Terminal width for `table` (the AWS CLI uses the terminal's width
    /// when stdout is one, else 80): tables wider than this turn one-row
    /// sections into `key | value` rows.
    pub terminal_width: usize,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            terminal_width: table::DEFAULT_TERMINAL_WIDTH,
        }
    }
}

/// Compiles a `--query` expression, so a caller can reject a bad one
/// before doing any work, as the AWS CLI does.
pub fn compile_query(expr: &str) -> Result<Query, RenderError> {
    Query::compile(expr).map_err(|e| RenderError::Query {
        expr: shown(expr),
        reason: e.0,
    })
}

/// An expression as an error message shows it: whole, unless it is too
/// long to read (a generated one), then its start and its length.
fn shown(expr: &str) -> String {
    const LONGEST: usize = 200;
    let count = expr.chars().count();
    if count <= LONGEST {
        return expr.to_string();
    }
    let start: String = expr.chars().take(60).collect();
    format!("{start}... ({count} characters)")
}

/// How deep a value may nest to be rendered. Answers are shallow; a
/// `--query` adds at most [`query::MAX_DEPTH`] levels and its JSON literals
/// at most 127 (serde_json's limit), so this is never reached from the
/// command line, and keeps the recursive formatters safe whatever they get.
pub const MAX_RENDER_DEPTH: usize = 256;

/// Whether `value` nests lists and objects deeper than `limit`.
fn deeper_than(value: &Value, limit: usize) -> bool {
    let mut stack = vec![(value, 0usize)];
    while let Some((v, depth)) = stack.pop() {
        match v {
            Value::Array(items) if !items.is_empty() => {
                if depth >= limit {
                    return true;
                }
                stack.extend(items.iter().map(|c| (c, depth + 1)));
            }
            Value::Object(map) if !map.is_empty() => {
                if depth >= limit {
                    return true;
                }
                stack.extend(map.values().map(|c| (c, depth + 1)));
            }
            _ => {}
        }
    }
    false
}

/// Renders `value` as `aws ... --output FORMAT [--query QUERY]` would.
///
/// `operation` is the PascalCase operation name (the table's title).
/// Returns the full text for stdout, ending in a newline, or `""` when the
/// AWS CLI prints nothing.
pub fn render(
    operation: &str,
    value: &Value,
    format: OutputFormat,
    query: Option<&str>,
) -> Result<String, RenderError> {
    render_with(operation, value, format, query, RenderOptions::default())
}

/// [`render`] with explicit [`RenderOptions`].
pub fn render_with(
    operation: &str,
    value: &Value,
    format: OutputFormat,
    query: Option<&str>,
    options: RenderOptions,
) -> Result<String, RenderError> {
    let compiled = query.map(compile_query).transpose()?;
    if format == OutputFormat::Off {
        return Ok(String::new());
    }
    let selected;
    let data = match &compiled {
        Some(q) => {
            selected = q.search(value).map_err(|e| RenderError::QueryEvaluation {
                expr: q.expression().to_string(),
                message: e.0,
            })?;
            // The answer itself has the model's shape; what a query makes of
            // it is checked.
            if deeper_than(&selected, MAX_RENDER_DEPTH) {
                return Err(RenderError::TooDeep);
            }
            &selected
        }
        None => value,
    };
    Ok(format_value(operation, data, format, options))
}

/// Formats an already-selected value.
fn format_value(
    operation: &str,
    data: &Value,
    format: OutputFormat,
    options: RenderOptions,
) -> String {
    let is_empty_object = data.as_object().is_some_and(|m| m.is_empty());
    match format {
        OutputFormat::Off => String::new(),
        OutputFormat::Json => {
            if is_empty_object {
                String::new()
            } else {
                let mut out = pyfmt::json_dumps(data, pyfmt::JsonStyle::CLI);
                out.push('\n');
                out
            }
        }
        OutputFormat::Yaml => {
            if is_empty_object {
                String::new()
            } else {
                yaml::format(data)
            }
        }
        OutputFormat::YamlStream => yaml::format_stream(data),
        OutputFormat::Text => text::format(data),
        OutputFormat::Table => {
            table::format(operation, data, options.terminal_width).unwrap_or_default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn format_names_round_trip() {
        for name in OutputFormat::NAMES {
            let f: OutputFormat = name.parse().unwrap();
            assert_eq!(f.name(), *name);
        }
        let err = "xml".parse::<OutputFormat>().unwrap_err();
        assert!(err.contains("'yaml-stream'"), "{err}");
    }

    #[test]
    fn answers_nested_too_deep_for_the_formatters_are_refused() {
        let mut deep = json!(1);
        for _ in 0..MAX_RENDER_DEPTH + 1 {
            deep = json!([deep]);
        }
        for f in OutputFormat::NAMES {
            let got = render("X", &deep, f.parse().unwrap(), Some("@"));
            if *f == "off" {
                assert_eq!(got.unwrap(), "");
            } else {
                assert!(matches!(got, Err(RenderError::TooDeep)), "{f}");
            }
        }
        let mut fits = json!(1);
        for _ in 0..MAX_RENDER_DEPTH {
            fits = json!([fits]);
        }
        assert!(render("X", &fits, OutputFormat::Json, Some("@")).is_ok());
        assert!(!deeper_than(&json!({"a": [], "b": {}}), 1));
        assert!(deeper_than(&json!({"a": [1]}), 1));
    }

    #[test]
    fn off_prints_nothing_but_still_checks_the_query() {
        assert_eq!(
            render("X", &json!({"a": 1}), OutputFormat::Off, None).unwrap(),
            ""
        );
        assert!(render("X", &json!({"a": 1}), OutputFormat::Off, Some("a[")).is_err());
    }
}
