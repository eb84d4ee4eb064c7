//! How Python turns values into text, for the pieces of the AWS CLI's output
//! that go through `str()`, `repr()` or `json.dumps()`.
//!
//! The AWS CLI is a Python program: its text and table formats print scalars
//! with `str()` (`True`, `None`, `1e+16`), and its JSON format is
//! `json.dumps(indent=4, ensure_ascii=False)`. These helpers reproduce those
//! spellings for the JSON values a response can hold.

use serde_json::{Number, Value};

/// `repr(float)` as Python 3 writes it: the shortest digits that read back
/// to the same double, in fixed notation when the decimal exponent is in
/// `-4..16` (always with a fraction, `1.0`), otherwise in scientific
/// notation with a signed, at least two-digit exponent (`1e+16`, `1.5e-07`).
pub fn float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".to_string();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf" } else { "-inf" }.to_string();
    }
    if f == 0.0 {
        return if f.is_sign_negative() { "-0.0" } else { "0.0" }.to_string();
    }
    // Rust's `{:e}` gives the shortest round-trip digits too, e.g. "-1.5e-7".
    let sci = format!("{f:e}");
    let (mantissa, exp) = sci.split_once('e').expect("{:e} always has an exponent");
    let exp: i32 = exp.parse().expect("{:e} exponent is an integer");
    let negative = mantissa.starts_with('-');
    let digits: String = mantissa.chars().filter(|c| c.is_ascii_digit()).collect();
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    if (-4..16).contains(&exp) {
        if exp >= 0 {
            let int_len = exp as usize + 1;
            if digits.len() <= int_len {
                out.push_str(&digits);
                out.extend(std::iter::repeat_n('0', int_len - digits.len()));
                out.push_str(".0");
            } else {
                out.push_str(&digits[..int_len]);
                out.push('.');
                out.push_str(&digits[int_len..]);
            }
        } else {
            out.push_str("0.");
            out.extend(std::iter::repeat_n('0', (-exp - 1) as usize));
            out.push_str(&digits);
        }
    } else {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        out.push('e');
        out.push(if exp < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", exp.unsigned_abs()));
    }
    out
}

/// A JSON number as Python prints it (`int` or `float`).
pub fn number_str(n: &Number) -> String {
    if n.is_f64() {
        float_repr(n.as_f64().unwrap_or(f64::NAN))
    } else {
        n.to_string()
    }
}

/// `str(value)`: strings bare, `True`/`False`/`None`, containers as `repr`.
pub fn py_str(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        _ => py_repr(v),
    }
}

/// `repr(value)` for the Python object a JSON value parses into.
pub fn py_repr(v: &Value) -> String {
    let mut out = String::new();
    write_repr(v, &mut out);
    out
}

fn write_repr(v: &Value, out: &mut String) {
    match v {
        Value::Null => out.push_str("None"),
        Value::Bool(true) => out.push_str("True"),
        Value::Bool(false) => out.push_str("False"),
        Value::Number(n) => out.push_str(&number_str(n)),
        Value::String(s) => out.push_str(&str_repr(s)),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_repr(item, out);
            }
            out.push(']');
        }
        Value::Object(map) => {
            out.push('{');
            for (i, (k, item)) in map.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(&str_repr(k));
                out.push_str(": ");
                write_repr(item, out);
            }
            out.push('}');
        }
    }
}

/// `repr(str)`: single quotes unless the text has a single quote and no
/// double quote; backslash escapes for the quote, `\\`, `\n`, `\r`, `\t`
/// and other non-printable characters.
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || (0x7f..0xa0).contains(&(c as u32)) => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// How `json.dumps` lays a document out.
#[derive(Debug, Clone, Copy)]
pub struct JsonStyle {
    /// `indent=`: `Some(n)` puts every element on its own line.
    pub indent: Option<usize>,
    /// `ensure_ascii=`: escape everything outside ASCII as `\uXXXX`.
    pub ensure_ascii: bool,
    /// The separator between a key and its value (`": "` or `":"`).
    pub key_sep: &'static str,
    /// The separator between items on one line, when `indent` is `None`.
    pub item_sep: &'static str,
}

impl JsonStyle {
    /// The AWS CLI's `--output json`: `indent=4, ensure_ascii=False`.
    pub const CLI: JsonStyle = JsonStyle {
        indent: Some(4),
        ensure_ascii: false,
        key_sep: ": ",
        item_sep: ", ",
    };
    /// JMESPath's `to_string()`: `separators=(',', ':')`, ASCII only.
    pub const COMPACT: JsonStyle = JsonStyle {
        indent: None,
        ensure_ascii: true,
        key_sep: ":",
        item_sep: ",",
    };
}

/// `json.dumps(value, ...)` in the given style (no trailing newline).
pub fn json_dumps(v: &Value, style: JsonStyle) -> String {
    let mut out = String::new();
    write_json(v, style, 0, &mut out);
    out
}

fn newline_indent(style: JsonStyle, level: usize, out: &mut String) {
    if let Some(width) = style.indent {
        out.push('\n');
        out.extend(std::iter::repeat_n(' ', width * level));
    }
}

fn write_json(v: &Value, style: JsonStyle, level: usize, out: &mut String) {
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => {
            if n.is_f64() {
                let f = n.as_f64().unwrap_or(f64::NAN);
                // json.dumps spells the non-finite floats this way.
                if f.is_nan() {
                    out.push_str("NaN");
                } else if f.is_infinite() {
                    out.push_str(if f > 0.0 { "Infinity" } else { "-Infinity" });
                } else {
                    out.push_str(&float_repr(f));
                }
            } else {
                out.push_str(&n.to_string());
            }
        }
        Value::String(s) => write_json_str(s, style.ensure_ascii, out),
        Value::Array(items) => {
            if items.is_empty() {
                out.push_str("[]");
                return;
            }
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(if style.indent.is_some() {
                        ","
                    } else {
                        style.item_sep
                    });
                }
                newline_indent(style, level + 1, out);
                write_json(item, style, level + 1, out);
            }
            newline_indent(style, level, out);
            out.push(']');
        }
        Value::Object(map) => {
            if map.is_empty() {
                out.push_str("{}");
                return;
            }
            out.push('{');
            for (i, (k, item)) in map.iter().enumerate() {
                if i > 0 {
                    out.push_str(if style.indent.is_some() {
                        ","
                    } else {
                        style.item_sep
                    });
                }
                newline_indent(style, level + 1, out);
                write_json_str(k, style.ensure_ascii, out);
                out.push_str(style.key_sep);
                write_json(item, style, level + 1, out);
            }
            newline_indent(style, level, out);
            out.push('}');
        }
    }
}

fn write_json_str(s: &str, ensure_ascii: bool, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{08}' => out.push_str("\\b"),
            '\u{0c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c if ensure_ascii && (c as u32) > 0x7e => {
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    out.push_str(&format!("\\u{unit:04x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_are_spelled_like_python_repr() {
        let cases = [
            (1.0, "1.0"),
            (0.5, "0.5"),
            (100.0, "100.0"),
            (1.5e-7, "1.5e-07"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (1e16, "1e+16"),
            (1.2345e20, "1.2345e+20"),
            (123456789012345.6, "123456789012345.6"),
            (-2.5, "-2.5"),
            (0.1 + 0.2, "0.30000000000000004"),
            (-0.0, "-0.0"),
        ];
        for (f, want) in cases {
            assert_eq!(float_repr(f), want, "{f}");
        }
    }

    #[test]
    fn repr_matches_python() {
        let v = serde_json::json!({"a": [true, null, 1, 2.5, "it's", "x"]});
        assert_eq!(py_repr(&v), r#"{'a': [True, None, 1, 2.5, "it's", 'x']}"#);
    }

    #[test]
    fn compact_json_escapes_non_ascii() {
        let v = serde_json::json!({"k": ["é", "😀", 1]});
        assert_eq!(
            json_dumps(&v, JsonStyle::COMPACT),
            r#"{"k":["\u00e9","\ud83d\ude00",1]}"#
        );
    }
}
