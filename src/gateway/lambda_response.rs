//! What a Lambda proxy integration's answer means (SPEC section 8): the
//! function's JSON read into a status, headers and body by the rules of its
//! payload format, or the reason it cannot be (the client then gets 500
//! and the reason goes to the serve log and `$context.integrationErrorMessage`).
//!
//! 2.0: an object with `statusCode` is read member by member; any other
//! valid JSON is a 200 `application/json` response with that JSON as the
//! body. 1.0: the object must have `statusCode`; `headers` and
//! `multiValueHeaders` both give headers.

use base64::Engine as _;
use bytes::Bytes;
use http::StatusCode;
use http::header::{HeaderMap, HeaderName, HeaderValue};
use serde_json::Value;

/// The payload format of an integration or authorizer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    V1,
    V2,
}

impl Format {
    pub fn parse(v: Option<&str>) -> Format {
        match v {
            Some("2.0") => Format::V2,
            _ => Format::V1,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Format::V1 => "1.0",
            Format::V2 => "2.0",
        }
    }
}

/// A response read from the function's answer.
#[derive(Debug)]
pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Bytes,
}

/// How deep a function's answer may nest before it is refused.
const MAX_DEPTH: usize = 64;

/// Reads a function's answer by the rules of `format`.
pub fn read(format: Format, payload: &Bytes) -> Result<Reply, String> {
    if nesting(payload) > MAX_DEPTH {
        return Err(format!(
            "the function's answer nests deeper than {MAX_DEPTH} levels"
        ));
    }
    let value: Value = serde_json::from_slice(payload).map_err(|e| {
        format!(
            "the function's answer is not JSON ({e}): {}",
            preview(payload)
        )
    })?;
    match (format, &value) {
        (_, Value::Object(o)) if o.contains_key("statusCode") => structured(format, o),
        (Format::V2, _) => {
            let mut headers = HeaderMap::new();
            headers.insert(
                http::header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            );
            Ok(Reply {
                status: StatusCode::OK,
                headers,
                body: payload.clone(),
            })
        }
        (Format::V1, _) => Err(format!(
            "the function's answer has no statusCode, which payload format 1.0 requires: {}",
            preview(payload)
        )),
    }
}

fn structured(format: Format, o: &serde_json::Map<String, Value>) -> Result<Reply, String> {
    let status = match &o["statusCode"] {
        Value::Number(n) => n.as_u64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
    .and_then(|c| u16::try_from(c).ok())
    .filter(|c| (100..=599).contains(c))
    .and_then(|c| StatusCode::from_u16(c).ok())
    .ok_or_else(|| {
        format!(
            "the function's statusCode {} is not a status code",
            o["statusCode"]
        )
    })?;
    let mut headers = HeaderMap::new();
    match o.get("headers") {
        None | Some(Value::Null) => {}
        Some(Value::Object(h)) => {
            for (k, v) in h {
                let v = scalar(v).ok_or_else(|| format!("header {k}'s value is not a string"))?;
                insert(&mut headers, k, &v, false)?;
            }
        }
        Some(_) => return Err("the function's headers are not an object".into()),
    }
    if format == Format::V1 {
        match o.get("multiValueHeaders") {
            None | Some(Value::Null) => {}
            Some(Value::Object(h)) => {
                for (k, vs) in h {
                    let Value::Array(vs) = vs else {
                        return Err(format!("multiValueHeaders {k} is not a list"));
                    };
                    // A header in both maps takes the list's values.
                    if let Ok(name) = HeaderName::from_bytes(k.as_bytes()) {
                        headers.remove(&name);
                    }
                    for v in vs {
                        let v = scalar(v)
                            .ok_or_else(|| format!("a value of header {k} is not a string"))?;
                        insert(&mut headers, k, &v, true)?;
                    }
                }
            }
            Some(_) => return Err("the function's multiValueHeaders are not an object".into()),
        }
    }
    if format == Format::V2 {
        match o.get("cookies") {
            None | Some(Value::Null) => {}
            Some(Value::Array(cs)) => {
                for c in cs {
                    let c = scalar(c).ok_or("a cookie is not a string")?;
                    insert(&mut headers, "set-cookie", &c, true)?;
                }
            }
            Some(_) => return Err("the function's cookies are not a list".into()),
        }
    }
    let encoded = match o.get("isBase64Encoded") {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(Value::String(s)) => s.eq_ignore_ascii_case("true"),
        Some(_) => return Err("isBase64Encoded is not a boolean".into()),
    };
    let body = match o.get("body") {
        None | Some(Value::Null) => Bytes::new(),
        Some(Value::String(s)) if encoded => Bytes::from(
            base64::engine::general_purpose::STANDARD
                .decode(s.trim())
                .map_err(|e| format!("the body is not valid base64 ({e})"))?,
        ),
        Some(Value::String(s)) => Bytes::from(s.clone()),
        Some(other) => Bytes::from(other.to_string()),
    };
    super::proxy::remove_hop_by_hop(&mut headers);
    headers.remove(http::header::CONTENT_LENGTH);
    Ok(Reply {
        status,
        headers,
        body,
    })
}

/// A header value as text: strings as they are, numbers and booleans
/// written out.
fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn insert(headers: &mut HeaderMap, name: &str, value: &str, append: bool) -> Result<(), String> {
    let n = HeaderName::from_bytes(name.as_bytes())
        .map_err(|_| format!("{name:?} is not a valid header name"))?;
    let v = HeaderValue::from_str(value)
        .map_err(|_| format!("header {name} has a value that cannot be sent: {value:?}"))?;
    if append {
        headers.append(n, v);
    } else {
        headers.insert(n, v);
    }
    Ok(())
}

/// The start of an answer, for a log line.
pub fn preview(payload: &[u8]) -> String {
    let text = String::from_utf8_lossy(&payload[..payload.len().min(200)]).into_owned();
    if payload.len() > 200 {
        format!("{text}…")
    } else {
        text
    }
}

/// How deeply JSON text nests (brackets outside strings).
pub fn nesting(text: &[u8]) -> usize {
    let (mut depth, mut max, mut in_string, mut escaped) = (0usize, 0usize, false, false);
    for &b in text {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                max = max.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    max
}

/// Why a function failed, from its error document
/// (`{"errorMessage": …, "errorType": …}`).
pub fn function_error(kind: &str, payload: &[u8]) -> String {
    let doc: Option<Value> = serde_json::from_slice(payload).ok();
    let field = |k: &str| {
        doc.as_ref()
            .and_then(|d| d.get(k))
            .and_then(Value::as_str)
            .map(str::to_string)
    };
    match (field("errorType"), field("errorMessage")) {
        (Some(t), Some(m)) => format!("the function failed ({kind}): {t}: {m}"),
        (None, Some(m)) => format!("the function failed ({kind}): {m}"),
        _ => format!("the function failed ({kind}): {}", preview(payload)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(format: Format, s: &str) -> Result<Reply, String> {
        read(format, &Bytes::from(s.to_string()))
    }

    #[test]
    fn v2_infers_a_response_without_status() {
        let a = r(Format::V2, r#"{"hello":"world"}"#).unwrap();
        assert_eq!(a.status, 200);
        assert_eq!(a.headers["content-type"], "application/json");
        assert_eq!(&a.body[..], br#"{"hello":"world"}"#);
        let s = r(Format::V2, r#""text""#).unwrap();
        assert_eq!(&s.body[..], br#""text""#);
        assert!(r(Format::V2, "not json").is_err());
        assert!(r(Format::V1, r#"{"hello":"world"}"#).is_err());
    }

    #[test]
    fn cookies_base64_and_multi_values() {
        let a = r(
            Format::V2,
            r#"{"statusCode":201,"headers":{"x-a":"1"},"cookies":["a=1","b=2"],"body":"aGk=","isBase64Encoded":true}"#,
        )
        .unwrap();
        assert_eq!(a.status, 201);
        assert_eq!(a.headers.get_all("set-cookie").iter().count(), 2);
        assert_eq!(&a.body[..], b"hi");
        let b = r(
            Format::V1,
            r#"{"statusCode":200,"headers":{"x-a":"1","x-b":"h"},"multiValueHeaders":{"x-a":["2","3"]},"body":"ok"}"#,
        )
        .unwrap();
        let xa: Vec<_> = b.headers.get_all("x-a").iter().collect();
        assert_eq!(xa, ["2", "3"]);
        assert_eq!(b.headers["x-b"], "h");
        assert!(r(Format::V2, r#"{"statusCode":700}"#).is_err());
        assert!(
            r(
                Format::V2,
                r#"{"statusCode":200,"body":"%%","isBase64Encoded":true}"#
            )
            .is_err()
        );
    }

    #[test]
    fn deep_answers_are_refused() {
        let deep = format!("{}{}", "[".repeat(100), "]".repeat(100));
        assert!(r(Format::V2, &deep).is_err());
        assert_eq!(nesting(br#"{"a":"[[[["}"#), 1);
    }
}
