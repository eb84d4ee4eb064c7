//! Turns flag values, `--cli-input-json`/`--cli-input-yaml` and `file://`
//! values into one JSON request object (checked against the operation's
//! members by `service::validate`, as the AWS CLI checks before sending).

use crate::error::Error;
use crate::input::{document, paramfile, shorthand};
use crate::service::spec::{Kind, Member, flag_name};
use serde_json::{Map, Value};

/// Reads `file://path` (and `fileb://path`) values; other values pass through.
pub fn resolve_file(flag: &str, raw: &str) -> Result<String, Error> {
    let path = match raw
        .strip_prefix("file://")
        .or_else(|| raw.strip_prefix("fileb://"))
    {
        Some(p) => p,
        None => return Ok(raw.to_string()),
    };
    let expanded = match path.strip_prefix("~/") {
        Some(rest) => match std::env::var_os("HOME") {
            Some(home) => std::path::Path::new(&home).join(rest),
            None => path.into(),
        },
        None => path.into(),
    };
    let unable = |why: &dyn std::fmt::Display| {
        Error::InvalidInput(format!(
            "Error parsing parameter '{flag}': Unable to load paramfile {raw}: {why}"
        ))
    };
    let bytes = paramfile::read(&expanded).map_err(|e| unable(&e))?;
    String::from_utf8(bytes).map_err(|_| unable(&"its contents are not valid UTF-8"))
}

/// A blob flag's bytes, as base64 (the JSON form of a blob): a `fileb://`
/// (or `file://`) file's bytes as they are, else the text's own bytes.
fn blob_value(flag: &str, raw: &str) -> Result<Value, Error> {
    use base64::Engine as _;
    let bytes = match raw
        .strip_prefix("fileb://")
        .or_else(|| raw.strip_prefix("file://"))
    {
        Some(path) => {
            let expanded = match path.strip_prefix("~/") {
                Some(rest) => match std::env::var_os("HOME") {
                    Some(home) => std::path::Path::new(&home).join(rest),
                    None => path.into(),
                },
                None => std::path::PathBuf::from(path),
            };
            paramfile::read(&expanded).map_err(|e| {
                Error::InvalidInput(format!(
                    "Error parsing parameter '{flag}': Unable to load paramfile {raw}: {e}"
                ))
            })?
        }
        None => raw.as_bytes().to_vec(),
    };
    Ok(Value::String(
        base64::engine::general_purpose::STANDARD.encode(bytes),
    ))
}

/// A blob flag under `--cli-binary-format base64`: the text is the base64
/// itself (a `fileb://` file is still read raw).
pub fn base64_blob(flag: &str, raw: &str) -> Result<Value, Error> {
    use base64::Engine as _;
    if raw.starts_with("fileb://") || raw.starts_with("file://") {
        return blob_value(flag, raw);
    }
    base64::engine::general_purpose::STANDARD
        .decode(raw.trim())
        .map(|_| Value::String(raw.trim().to_string()))
        .map_err(|_| {
            Error::InvalidInput(format!(
                "Invalid base64: \"{raw}\" (the value of {flag} is read as base64 under --cli-binary-format base64; \
                 give raw text with --cli-binary-format raw-in-base64-out)"
            ))
        })
}

fn parse_error(flag: &str, msg: impl std::fmt::Display) -> Error {
    Error::InvalidInput(format!("Error parsing parameter '{flag}': {msg}"))
}

/// Parses the text given to a flag into a JSON value of the member's kind.
pub fn parse_flag_value(flag: &str, kind: &Kind, raw: &[String]) -> Result<Value, Error> {
    if let Kind::Blob = kind {
        return blob_value(flag, raw.first().map(String::as_str).unwrap_or_default());
    }
    let texts: Vec<String> = raw
        .iter()
        .map(|r| resolve_file(flag, r))
        .collect::<Result<_, _>>()?;
    let first = texts.first().map(String::as_str).unwrap_or_default();
    match kind {
        Kind::String => Ok(Value::String(first.to_string())),
        Kind::Blob => blob_value(flag, raw.first().map(String::as_str).unwrap_or_default()),
        Kind::Integer => first
            .trim()
            .parse::<i64>()
            .map(Value::from)
            .map_err(|_| parse_error(flag, format!("expected an integer, received '{first}'"))),
        Kind::Double => first
            .trim()
            .parse::<f64>()
            .ok()
            .and_then(serde_json::Number::from_f64)
            .map(Value::Number)
            .ok_or_else(|| parse_error(flag, format!("expected a number, received '{first}'"))),
        Kind::Boolean => Ok(Value::Bool(true)),
        Kind::List(item) => {
            if texts.len() == 1 && first.trim_start().starts_with('[') {
                return json(flag, first);
            }
            let mut out = Vec::new();
            for t in &texts {
                match item {
                    Kind::Struct(_) | Kind::Map(_) => out.push(structured(flag, t, item)?),
                    _ => out.extend(split_commas(t).into_iter().map(Value::String)),
                }
            }
            Ok(Value::Array(out))
        }
        Kind::Map(_) | Kind::Struct(_) => structured(flag, first, kind),
    }
}

fn json(flag: &str, text: &str) -> Result<Value, Error> {
    document::parse_json(text)
        .map_err(|e| parse_error(flag, format!("Invalid JSON: {e}\nJSON received: {text}")))
}

/// A JSON document or AWS shorthand, shaped to `kind`.
fn structured(flag: &str, text: &str, kind: &Kind) -> Result<Value, Error> {
    let trimmed = text.trim_start();
    if trimmed.starts_with('{') || trimmed.starts_with('[') {
        return json(flag, text);
    }
    let value = shorthand::parse(text).map_err(|e| parse_error(flag, e))?;
    Ok(coerce_shorthand(value, kind))
}

/// Splits `a,b` on commas not escaped with a backslash.
fn split_commas(s: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&',') => {
                out.last_mut().expect("never empty").push(',');
                chars.next();
            }
            ',' => out.push(String::new()),
            _ => out.last_mut().expect("never empty").push(c),
        }
    }
    out
}

/// Shorthand yields only strings, lists and objects; give them the model's
/// types (`TimeoutInMillis=50` → 50, a lone list item → a one-item list).
fn coerce_shorthand(value: Value, kind: &Kind) -> Value {
    match (kind, value) {
        (Kind::Integer, Value::String(s)) => s
            .trim()
            .parse::<i64>()
            .map_or(Value::String(s), Value::from),
        (Kind::Double, Value::String(s)) => s
            .trim()
            .parse::<f64>()
            .ok()
            .and_then(serde_json::Number::from_f64)
            .map_or(Value::String(s), Value::Number),
        (Kind::Boolean, Value::String(s)) => match s.to_ascii_lowercase().as_str() {
            "true" => Value::Bool(true),
            "false" => Value::Bool(false),
            _ => Value::String(s),
        },
        (Kind::List(item), Value::Array(items)) => Value::Array(
            items
                .into_iter()
                .map(|v| coerce_shorthand(v, item))
                .collect(),
        ),
        (Kind::List(item), v @ (Value::String(_) | Value::Object(_))) => {
            Value::Array(vec![coerce_shorthand(v, item)])
        }
        (Kind::Map(inner), Value::Object(m)) => Value::Object(
            m.into_iter()
                .map(|(k, v)| (k, coerce_shorthand(v, inner)))
                .collect(),
        ),
        (Kind::Struct(members), Value::Object(m)) => Value::Object(
            m.into_iter()
                .map(|(k, v)| {
                    let v = match members.iter().find(|mm| mm.name == k) {
                        Some(member) => coerce_shorthand(v, &member.kind),
                        None => v,
                    };
                    (k, v)
                })
                .collect(),
        ),
        (_, v) => v,
    }
}

/// Reads `--cli-input-json` or `--cli-input-yaml` into an object.
pub fn cli_input(
    json_arg: Option<&str>,
    yaml_arg: Option<&str>,
) -> Result<Map<String, Value>, Error> {
    let value = match (json_arg, yaml_arg) {
        (Some(_), Some(_)) => {
            return Err(Error::InvalidInput(
                "Only one --cli-input- parameter may be specified.".into(),
            ));
        }
        (Some(j), None) => {
            let text = resolve_file("--cli-input-json", j)?;
            document::parse_json(&text).map_err(|e| {
                Error::InvalidInput(format!(
                    "Error parsing parameter 'cli-input-json': Invalid JSON received: {e}"
                ))
            })?
        }
        (None, Some(y)) => {
            let text = resolve_file("--cli-input-yaml", y)?;
            document::parse_yaml(&text).map_err(|e| {
                Error::InvalidInput(format!(
                    "Error parsing parameter 'cli-input-yaml': Invalid YAML received: {e}"
                ))
            })?
        }
        (None, None) => return Ok(Map::new()),
    };
    match value {
        Value::Object(m) => Ok(m),
        Value::Null => Ok(Map::new()),
        _ => Err(Error::InvalidInput(
            "The --cli-input-json/--cli-input-yaml value must be a JSON object (or YAML mapping) of parameters".into(),
        )),
    }
}

/// A template of the members with empty values, as `--generate-cli-skeleton` prints.
pub fn skeleton(members: &[Member]) -> Value {
    Value::Object(
        members
            .iter()
            .map(|m| (m.name.to_string(), member_placeholder(m)))
            .collect(),
    )
}

/// An enumerated member's skeleton value is one it may take, as in the aws
/// CLI (which picks one at random): the service's default where it has one,
/// the HTTP API's where the member is required, else the first.
fn member_placeholder(m: &Member) -> Value {
    const PREFERRED: &[&str] = &[
        "INTERNET",
        "NONE",
        "HTTP_PROXY",
        "HTTP",
        "JWT",
        "ipv4",
        "OFF",
    ];
    match (&m.kind, crate::service::spec::enum_values(m.name)) {
        (Kind::String, Some(values)) => {
            let v = PREFERRED
                .iter()
                .find(|p| values.contains(p))
                .or(values.first())
                .copied()
                .unwrap_or_default();
            Value::String(v.to_string())
        }
        _ => placeholder(&m.kind),
    }
}

fn placeholder(kind: &Kind) -> Value {
    match kind {
        Kind::String | Kind::Blob => Value::String(String::new()),
        Kind::Integer => Value::from(0),
        Kind::Double => Value::from(0.0),
        Kind::Boolean => Value::Bool(true),
        Kind::List(item) => Value::Array(vec![placeholder(item)]),
        Kind::Map(inner) => {
            let mut m = Map::new();
            m.insert("KeyName".into(), placeholder(inner));
            Value::Object(m)
        }
        Kind::Struct(members) => skeleton(members),
    }
}

/// The YAML input skeleton, with `# [REQUIRED]` beside required members.
pub fn yaml_skeleton(members: &[Member]) -> String {
    let mut out = String::new();
    for m in members {
        let v = member_placeholder(m);
        let text = serde_norway::to_string(&serde_json::json!({ m.name: v })).unwrap_or_default();
        let mut lines = text.lines();
        if let Some(first) = lines.next() {
            out.push_str(first);
            if m.required {
                out.push_str("  # [REQUIRED]");
            }
            out.push('\n');
        }
        for l in lines {
            out.push_str(l);
            out.push('\n');
        }
    }
    out
}

/// The flag a member is given with.
pub fn flag_of(member: &Member) -> String {
    format!("--{}", flag_name(member.name))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TLS: &[Member] = &[Member {
        name: "ServerNameToVerify",
        kind: Kind::String,
        required: false,
        min: Some(1),
    }];

    #[test]
    fn shorthand_is_coerced() {
        let v = parse_flag_value(
            "--tls-config",
            &Kind::Struct(TLS),
            &["ServerNameToVerify=example.com".into()],
        )
        .unwrap();
        assert_eq!(v, serde_json::json!({"ServerNameToVerify": "example.com"}));
        let list = parse_flag_value(
            "--x",
            &Kind::List(&Kind::String),
            &["a".into(), "b,c".into()],
        )
        .unwrap();
        assert_eq!(list, serde_json::json!(["a", "b", "c"]));
    }
}
