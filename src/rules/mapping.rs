//! Parameter mappings: the keys (`append:header.x`, `overwrite:path`,
//! `overwrite:statuscode`, …) and values (`$request.header.y`, `${context.stage}`,
//! static text) of `RequestParameters` and `ResponseParameters`, parsed into
//! a form the gateway evaluates.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Append,
    Overwrite,
    Remove,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    Header(String),
    QueryString(String),
    Path,
    StatusCode,
}

/// The left side of a mapping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MappingKey {
    pub action: Action,
    pub location: Location,
}

/// A variable a mapping value reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Variable {
    RequestHeader(String),
    RequestQueryString(String),
    RequestBody(String),
    RequestPath,
    RequestPathParameter(String),
    ResponseHeader(String),
    ResponseBody(String),
    /// `$context.NAME`, e.g. `requestId`, `stage`, `authorizer.claims.sub`.
    Context(String),
    StageVariable(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    Text(String),
    Var(Variable),
}

/// The right side of a mapping: static text and variables, in order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MappingValue {
    pub parts: Vec<Part>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Request,
    Response,
}

/// Headers that no mapping may set or remove.
const RESERVED: &[&str] = &[
    "authorization",
    "connection",
    "content-encoding",
    "content-length",
    "content-location",
    "forwarded",
    "keep-alive",
    "origin",
    "proxy-authenticate",
    "proxy-authorization",
    "te",
    "trailers",
    "transfer-encoding",
    "upgrade",
    "via",
    "x-forwarded-for",
    "x-forwarded-host",
    "x-forwarded-proto",
];
const RESERVED_PREFIXES: &[&str] = &["access-control-", "apigw-", "x-amz-", "x-amzn-"];

pub fn is_reserved_header(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    RESERVED.contains(&lower.as_str()) || RESERVED_PREFIXES.iter().any(|p| lower.starts_with(p))
}

fn is_token(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

/// The service's wording for a refused mapping.
pub fn invalid(detail: impl fmt::Display) -> String {
    format!(
        "Invalid mapping expression specified: Validation Result: warnings : [], errors : [{detail}]"
    )
}

/// Parses and checks a mapping key of an HTTP API integration.
pub fn parse_key(key: &str, side: Side) -> Result<MappingKey, String> {
    let (action, loc) = key.split_once(':').ok_or_else(|| {
        invalid(format!(
            "Invalid mapping key {key}: expected ACTION:LOCATION, such as append:header.name"
        ))
    })?;
    let action = match action {
        "append" => Action::Append,
        "overwrite" => Action::Overwrite,
        "remove" => Action::Remove,
        other => {
            return Err(invalid(format!(
                "Invalid mapping key {key}: action {other} is not one of append, overwrite, remove"
            )));
        }
    };
    let location = if let Some(name) = loc.strip_prefix("header.") {
        if !is_token(name) {
            return Err(invalid(format!(
                "Invalid mapping key {key}: {name:?} is not a valid header name"
            )));
        }
        if is_reserved_header(name) {
            return Err(invalid(format!(
                "Invalid mapping key {key}: header {name} is reserved and cannot be mapped"
            )));
        }
        Location::Header(name.to_string())
    } else if let Some(name) = loc.strip_prefix("querystring.") {
        if side == Side::Response {
            return Err(invalid(format!(
                "Invalid mapping key {key}: responses can map header.NAME and statuscode only"
            )));
        }
        if !is_token(name) {
            return Err(invalid(format!(
                "Invalid mapping key {key}: {name:?} is not a valid query string name"
            )));
        }
        Location::QueryString(name.to_string())
    } else if loc == "path" && side == Side::Request {
        Location::Path
    } else if loc == "statuscode" && side == Side::Response {
        Location::StatusCode
    } else {
        let allowed = match side {
            Side::Request => "header.NAME, querystring.NAME or path",
            Side::Response => "header.NAME or statuscode",
        };
        return Err(invalid(format!(
            "Invalid mapping key {key}: the location must be {allowed}"
        )));
    };
    if matches!(location, Location::Path | Location::StatusCode) && action != Action::Overwrite {
        return Err(invalid(format!(
            "Invalid mapping key {key}: {loc} can only be overwritten"
        )));
    }
    Ok(MappingKey { action, location })
}

/// Parses and checks a mapping value: a lone `$variable`, or text with `${variable}`s.
pub fn parse_value(value: &str, side: Side) -> Result<MappingValue, String> {
    let mut parts = Vec::new();
    let mut text = String::new();
    let mut rest = value;
    while let Some(pos) = rest.find('$') {
        text.push_str(&rest[..pos]);
        let after = &rest[pos + 1..];
        let (name, next) = if let Some(inner) = after.strip_prefix('{') {
            let end = inner.find('}').ok_or_else(|| {
                invalid(format!(
                    "Invalid mapping value {value}: '${{' without a closing '}}'"
                ))
            })?;
            (&inner[..end], &inner[end + 1..])
        } else {
            let end = after
                .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-')))
                .unwrap_or(after.len());
            if pos != 0 || end != after.len() {
                return Err(invalid(format!(
                    "Invalid mapping value {value}: to mix variables with text, write each variable as ${{name}}"
                )));
            }
            (&after[..end], &after[end..])
        };
        let var = parse_variable(name, side).ok_or_else(|| {
            invalid(format!(
                "Invalid mapping value {value}: unknown variable {name}"
            ))
        })?;
        if !text.is_empty() {
            parts.push(Part::Text(std::mem::take(&mut text)));
        }
        parts.push(Part::Var(var));
        rest = next;
    }
    text.push_str(rest);
    if !text.is_empty() {
        parts.push(Part::Text(text));
    }
    Ok(MappingValue { parts })
}

fn ident(s: &str) -> Option<String> {
    (!s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.')))
    .then(|| s.to_string())
}

fn parse_variable(name: &str, side: Side) -> Option<Variable> {
    if let Some(r) = name.strip_prefix("context.") {
        return ident(r).map(Variable::Context);
    }
    if let Some(r) = name.strip_prefix("stageVariables.") {
        return ident(r).map(Variable::StageVariable);
    }
    match side {
        Side::Request => {
            if name == "request.path" {
                Some(Variable::RequestPath)
            } else if let Some(r) = name.strip_prefix("request.path.") {
                ident(r).map(Variable::RequestPathParameter)
            } else if let Some(r) = name.strip_prefix("request.header.") {
                ident(r).map(Variable::RequestHeader)
            } else if let Some(r) = name.strip_prefix("request.querystring.") {
                ident(r).map(Variable::RequestQueryString)
            } else if let Some(r) = name.strip_prefix("request.body") {
                body_path(r).map(Variable::RequestBody)
            } else {
                None
            }
        }
        Side::Response => {
            if let Some(r) = name.strip_prefix("response.header.") {
                ident(r).map(Variable::ResponseHeader)
            } else if let Some(r) = name.strip_prefix("response.body") {
                body_path(r).map(Variable::ResponseBody)
            } else {
                None
            }
        }
    }
}

/// `$request.body` alone is the whole body; `.a.b` or `[0]` select into it.
fn body_path(r: &str) -> Option<String> {
    if r.is_empty() || r.starts_with('.') || r.starts_with('[') {
        Some(r.to_string())
    } else {
        None
    }
}

/// Checks a status code key of `ResponseParameters`.
pub fn check_status_code(code: &str) -> Result<u16, String> {
    match code.parse::<u16>() {
        Ok(n) if (200..=599).contains(&n) && code.len() == 3 => Ok(n),
        _ => Err(format!("Status Code {code} is not valid")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_keys() {
        assert_eq!(
            parse_key("append:header.x-id", Side::Request).unwrap(),
            MappingKey {
                action: Action::Append,
                location: Location::Header("x-id".into())
            }
        );
        assert_eq!(
            parse_key("overwrite:path", Side::Request).unwrap().location,
            Location::Path
        );
        assert!(parse_key("remove:querystring.q", Side::Request).is_ok());
        assert!(parse_key("append:path", Side::Request).is_err());
        assert!(parse_key("rename:header.x", Side::Request).is_err());
        assert!(parse_key("overwrite:header.X-Amz-Date", Side::Request).is_err());
        assert!(parse_key("overwrite:header.Authorization", Side::Request).is_err());
        assert!(parse_key("overwrite:statuscode", Side::Request).is_err());
        assert!(parse_key("overwrite:statuscode", Side::Response).is_ok());
        assert!(parse_key("append:querystring.q", Side::Response).is_err());
    }

    #[test]
    fn values() {
        assert_eq!(
            parse_value("$request.header.y", Side::Request)
                .unwrap()
                .parts,
            vec![Part::Var(Variable::RequestHeader("y".into()))]
        );
        assert_eq!(
            parse_value("v1/${request.path.id}-${context.stage}", Side::Request)
                .unwrap()
                .parts,
            vec![
                Part::Text("v1/".into()),
                Part::Var(Variable::RequestPathParameter("id".into())),
                Part::Text("-".into()),
                Part::Var(Variable::Context("stage".into())),
            ]
        );
        assert_eq!(
            parse_value("static", Side::Request).unwrap().parts,
            vec![Part::Text("static".into())]
        );
        assert!(parse_value("a $request.path", Side::Request).is_err());
        assert!(parse_value("$request.nothing", Side::Request).is_err());
        assert!(parse_value("${request.path", Side::Request).is_err());
        assert!(parse_value("$response.header.x", Side::Request).is_err());
        assert!(parse_value("$response.header.x", Side::Response).is_ok());
    }

    #[test]
    fn status_codes() {
        assert_eq!(check_status_code("204"), Ok(204));
        assert_eq!(
            check_status_code("199"),
            Err("Status Code 199 is not valid".into())
        );
        assert!(check_status_code("600").is_err());
        assert!(check_status_code("2x0").is_err());
    }
}
