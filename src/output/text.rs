//! `--output text`: the AWS CLI's tab-separated layout.
//!
//! The rules, as the AWS CLI applies them:
//! - a scalar prints on its own line with Python's `str()` (`True`, `None`);
//! - a dict prints its scalar values on one tab-separated line, keys sorted,
//!   prefixed by the upper-cased name of the key it sits under (if any); its
//!   lists and dicts follow, sorted by key, each under its own key's name;
//! - a list of dicts prints one line per dict, all lines using the sorted
//!   union of the scalar keys of every dict in the list (missing ones are
//!   empty), so the columns line up;
//! - a list of scalars prints on one tab-separated line, or one line per
//!   item, each prefixed by the upper-cased key name, when it sits under a key;
//! - a mixed list prints its scalars first, then its lists and dicts;
//! - an empty list prints nothing.

use std::collections::BTreeSet;

use serde_json::{Map, Value};

use super::pyfmt::py_str;

/// Formats `value` as the AWS CLI's text output (every line ends in `\n`).
pub fn format(value: &Value) -> String {
    let mut out = String::new();
    format_item(value, None, None, &mut out);
    out
}

fn is_scalar(v: &Value) -> bool {
    !matches!(v, Value::Array(_) | Value::Object(_))
}

fn format_item(
    item: &Value,
    identifier: Option<&str>,
    scalar_keys: Option<&[String]>,
    out: &mut String,
) {
    match item {
        Value::Object(map) => format_dict(map, identifier, scalar_keys, out),
        Value::Array(items) => format_list(items, identifier, out),
        scalar => {
            out.push_str(&py_str(scalar));
            out.push('\n');
        }
    }
}

fn format_list(items: &[Value], identifier: Option<&str>, out: &mut String) {
    if items.is_empty() {
        return;
    }
    if items.iter().any(Value::is_object) {
        // Every dict in the list shares one set of columns.
        let mut keys = BTreeSet::new();
        for item in items {
            if let Value::Object(map) = item {
                keys.extend(
                    map.iter()
                        .filter(|(_, v)| is_scalar(v))
                        .map(|(k, _)| k.clone()),
                );
            }
        }
        let keys: Vec<String> = keys.into_iter().collect();
        for item in items {
            format_item(item, identifier, Some(&keys), out);
        }
    } else if items.iter().any(Value::is_array) {
        let (scalars, nested): (Vec<&Value>, Vec<&Value>) =
            items.iter().partition(|v| is_scalar(v));
        if !scalars.is_empty() {
            format_scalar_list(&scalars, identifier, out);
        }
        for item in nested {
            format_item(item, identifier, None, out);
        }
    } else {
        let scalars: Vec<&Value> = items.iter().collect();
        format_scalar_list(&scalars, identifier, out);
    }
}

fn format_scalar_list(items: &[&Value], identifier: Option<&str>, out: &mut String) {
    match identifier {
        Some(id) => {
            let id = id.to_uppercase();
            for item in items {
                out.push_str(&id);
                out.push('\t');
                out.push_str(&py_str(item));
                out.push('\n');
            }
        }
        None => {
            let cells: Vec<String> = items.iter().map(|v| py_str(v)).collect();
            out.push_str(&cells.join("\t"));
            out.push('\n');
        }
    }
}

fn format_dict(
    map: &Map<String, Value>,
    identifier: Option<&str>,
    scalar_keys: Option<&[String]>,
    out: &mut String,
) {
    let mut scalars: Vec<String> = Vec::new();
    let mut nested: Vec<(&String, &Value)> = Vec::new();
    match scalar_keys {
        None => {
            let mut entries: Vec<(&String, &Value)> = map.iter().collect();
            entries.sort_by(|a, b| a.0.cmp(b.0));
            for (k, v) in entries {
                if is_scalar(v) {
                    scalars.push(py_str(v));
                } else {
                    nested.push((k, v));
                }
            }
        }
        Some(keys) => {
            for key in keys {
                scalars.push(map.get(key).map(py_str).unwrap_or_default());
            }
            let mut rest: Vec<(&String, &Value)> =
                map.iter().filter(|(k, _)| !keys.contains(k)).collect();
            rest.sort_by(|a, b| a.0.cmp(b.0));
            nested = rest;
        }
    }
    if !scalars.is_empty() {
        if let Some(id) = identifier {
            scalars.insert(0, id.to_uppercase());
        }
        out.push_str(&scalars.join("\t"));
        out.push('\n');
    }
    for (key, value) in nested {
        format_item(value, Some(key), None, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn dict_scalars_sorted_then_nested() {
        let v = json!({"B": 2, "A": "x", "L": ["p", "q"], "M": {"z": true, "y": null}});
        assert_eq!(format(&v), "x\t2\nL\tp\nL\tq\nM\tNone\tTrue\n");
    }

    #[test]
    fn list_of_dicts_shares_columns() {
        let v = json!({"Items": [{"A": 1}, {"B": 2, "T": {"k": "v"}}]});
        assert_eq!(format(&v), "ITEMS\t1\t\nITEMS\t\t2\nT\tv\n");
    }

    #[test]
    fn bare_scalars_and_lists() {
        assert_eq!(format(&json!("abc")), "abc\n");
        assert_eq!(format(&json!(null)), "None\n");
        assert_eq!(format(&json!(["a", "b", 1.0])), "a\tb\t1.0\n");
        assert_eq!(format(&json!([])), "");
        assert_eq!(format(&json!({})), "");
        assert_eq!(format(&json!([["a", "b"], "c"])), "c\na\tb\n");
    }
}
