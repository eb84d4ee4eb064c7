//! Checks a request object against an operation's members the way the AWS
//! CLI (botocore) checks parameters before sending them, in its words. Every
//! front's input goes through here inside `invoke`.

use super::spec::{Kind, Member};
use crate::error::Error;
use serde_json::{Map, Value};

/// Checks a whole request object against the members, collecting every
/// problem in the AWS CLI's words.
pub fn validate(input: &Map<String, Value>, members: &[Member]) -> Result<(), Error> {
    let mut errors = Vec::new();
    check_struct(input, members, "input", "", &mut errors);
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Error::InvalidInput(format!(
            "Parameter validation failed:\n{}",
            errors.join("\n")
        )))
    }
}

fn check_struct(
    obj: &Map<String, Value>,
    members: &[Member],
    name: &str,
    prefix: &str,
    errors: &mut Vec<String>,
) {
    for m in members.iter().filter(|m| m.required) {
        if !obj.contains_key(m.name) {
            errors.push(format!(
                "Missing required parameter in {name}: \"{}\"",
                m.name
            ));
        }
    }
    for (k, v) in obj {
        match members.iter().find(|m| m.name == k) {
            Some(m) => check_value(v, &m.kind, m.min, &format!("{prefix}{k}"), errors),
            None => errors.push(format!(
                "Unknown parameter in {name}: \"{k}\", must be one of: {}",
                members
                    .iter()
                    .map(|m| m.name)
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        }
    }
}

fn python_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "<class 'NoneType'>",
        Value::Bool(_) => "<class 'bool'>",
        Value::Number(n) if n.is_f64() => "<class 'float'>",
        Value::Number(_) => "<class 'int'>",
        Value::String(_) => "<class 'str'>",
        Value::Array(_) => "<class 'list'>",
        Value::Object(_) => "<class 'dict'>",
    }
}

fn show(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn check_value(v: &Value, kind: &Kind, min: Option<i64>, path: &str, errors: &mut Vec<String>) {
    let mut wrong = |valid: &str| {
        errors.push(format!(
            "Invalid type for parameter {path}, value: {}, type: {}, valid types: {valid}",
            show(v),
            python_type(v)
        ))
    };
    match kind {
        Kind::String => match v {
            Value::String(s) => {
                if let Some(lo) = min
                    && (s.chars().count() as i64) < lo
                {
                    errors.push(format!(
                        "Invalid length for parameter {path}, value: {}, valid min length: {lo}",
                        s.chars().count()
                    ));
                }
            }
            _ => wrong("<class 'str'>"),
        },
        Kind::Blob => {
            use base64::Engine as _;
            match v {
                Value::String(s) if base64::engine::general_purpose::STANDARD.decode(s).is_ok() => {
                }
                Value::String(_) => errors.push(format!(
                    "Invalid base64 for parameter {path}: a blob is given as base64 in JSON input"
                )),
                _ => wrong("<class 'bytes'>, <class 'bytearray'>, file-like object"),
            }
        }
        Kind::Integer => match v.as_i64() {
            Some(n) if !matches!(v, Value::Bool(_)) => {
                if let Some(lo) = min
                    && n < lo
                {
                    errors.push(format!(
                        "Invalid value for parameter {path}, value: {n}, valid min value: {lo}"
                    ));
                }
            }
            _ => wrong("<class 'int'>"),
        },
        Kind::Double => {
            if !v.is_number() {
                wrong("<class 'float'>, <class 'decimal.Decimal'>, <class 'int'>");
            }
        }
        Kind::Boolean => {
            if !v.is_boolean() {
                wrong("<class 'bool'>");
            }
        }
        Kind::List(item) => match v {
            Value::Array(items) => {
                for (i, it) in items.iter().enumerate() {
                    check_value(it, item, None, &format!("{path}[{i}]"), errors);
                }
            }
            _ => wrong("<class 'list'>, <class 'tuple'>"),
        },
        Kind::Map(inner) => match v {
            Value::Object(m) => {
                for (k, it) in m {
                    check_value(it, inner, None, &format!("{path}.{k}"), errors);
                }
            }
            _ => wrong("<class 'dict'>"),
        },
        Kind::Struct(members) => match v {
            Value::Object(m) => check_struct(m, members, path, &format!("{path}."), errors),
            _ => wrong("<class 'dict'>"),
        },
    }
}

/// Members of which apigw takes any one in place of the AWS model's required
/// one, and the flags that give them on the command line.
#[derive(Clone, Copy)]
pub struct Alternative {
    pub members: &'static [&'static str],
    pub flags: &'static str,
}

/// The alternative `operation` needs and `input` lacks: `discover-instances`
/// names its service by `--service-id` or, as in AWS, by `--service-name`
/// (with `--namespace-name`).
pub fn missing_alternative(operation: &str, input: &Map<String, Value>) -> Option<Alternative> {
    const ALTERNATIVES: &[(&str, Alternative)] = &[(
        "DiscoverInstances",
        Alternative {
            members: &["ServiceId", "ServiceName"],
            flags: "--service-id (or --namespace-name with --service-name)",
        },
    )];
    ALTERNATIVES
        .iter()
        .find(|(op, a)| *op == operation && !a.members.iter().any(|m| input.contains_key(*m)))
        .map(|(_, a)| *a)
}

/// Everything `invoke` checks before it touches the workspace: the members,
/// then the alternatives.
pub fn request(
    operation: &str,
    input: &Map<String, Value>,
    members: &[Member],
) -> Result<(), Error> {
    validate(input, members)?;
    match missing_alternative(operation, input) {
        None => Ok(()),
        Some(a) => Err(Error::InvalidInput(format!(
            "Parameter validation failed:\nMissing required parameter in input: {}",
            a.members
                .iter()
                .map(|m| format!("\"{m}\""))
                .collect::<Vec<_>>()
                .join(" or ")
        ))),
    }
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
    const INPUT: &[Member] = &[
        Member {
            name: "ApiId",
            kind: Kind::String,
            required: true,
            min: None,
        },
        Member {
            name: "TimeoutInMillis",
            kind: Kind::Integer,
            required: false,
            min: Some(50),
        },
        Member {
            name: "TlsConfig",
            kind: Kind::Struct(TLS),
            required: false,
            min: None,
        },
    ];

    #[test]
    fn validation_messages() {
        let m: Map<String, Value> =
            serde_json::from_str(r#"{"TimeoutInMillis": 10, "TlsConfig": {"Foo": "x"}}"#).unwrap();
        let err = validate(&m, INPUT).unwrap_err().to_string();
        assert_eq!(
            err,
            "Parameter validation failed:\nMissing required parameter in input: \"ApiId\"\n\
             Invalid value for parameter TimeoutInMillis, value: 10, valid min value: 50\n\
             Unknown parameter in TlsConfig: \"Foo\", must be one of: ServerNameToVerify"
        );
    }
}
