//! apigatewayv2's rest-json protocol: a request's method and path name the
//! operation (the generated `service::wire::ROUTES`), its path labels, query
//! string, headers and JSON body become the input object the CLI would
//! build, and the answer goes back as lowerCamel JSON with the operation's
//! success status.

use super::Call;
use super::shape;
use crate::error::WireError;
use crate::ops::Paging;
use crate::service::spec::{Kind, Location, ModelOperation, Route};
use crate::service::{model_of, wire};
use serde_json::{Map, Value};

/// `%2F` → `/`; `+` → space only in query strings. Invalid escapes are kept
/// as they are.
pub fn percent_decode(s: &str, plus_is_space: bool) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let hex = |c: u8| (c as char).to_digit(16);
        match b {
            b'%' => {
                match (
                    bytes.get(i + 1).and_then(|c| hex(*c)),
                    bytes.get(i + 2).and_then(|c| hex(*c)),
                ) {
                    (Some(h), Some(l)) => {
                        out.push((h * 16 + l) as u8);
                        i += 3;
                        continue;
                    }
                    _ => out.push(b),
                }
            }
            b'+' if plus_is_space => out.push(b' '),
            _ => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The route whose template matches `path`, with its labels' values. A
/// trailing label that holds an ARN takes the rest of the path, so an ARN
/// sent with its slashes unescaped still names one resource.
fn find_route(method: &str, path: &str) -> Option<(&'static Route, Vec<(&'static str, String)>)> {
    let given: Vec<&str> = path.trim_start_matches('/').split('/').collect();
    'routes: for route in wire::ROUTES.iter().filter(|r| r.method == method) {
        let template: Vec<&str> = route.uri.trim_start_matches('/').split('/').collect();
        let mut labels = Vec::new();
        for (i, t) in template.iter().enumerate() {
            let Some(label) = t.strip_prefix('{').and_then(|t| t.strip_suffix('}')) else {
                if given.get(i) != Some(t) {
                    continue 'routes;
                }
                continue;
            };
            let last = i + 1 == template.len();
            let value = if last && label.ends_with("arn") {
                given.get(i..).map(|rest| {
                    rest.iter()
                        .map(|s| percent_decode(s, false))
                        .collect::<Vec<_>>()
                        .join("/")
                })
            } else {
                given.get(i).map(|s| percent_decode(s, false))
            };
            match value {
                Some(v) if !v.is_empty() => labels.push((label, v)),
                _ => continue 'routes,
            }
        }
        let greedy = template.last().is_some_and(|t| t.ends_with("arn}"));
        if given.len() == template.len() || (greedy && given.len() > template.len()) {
            return Some((route, labels));
        }
    }
    None
}

fn query_pairs(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (percent_decode(k, true), percent_decode(v, true))
        })
        .collect()
}

/// A query-string or header value as a value of the member's kind.
fn typed(kind: &Kind, wire_name: &str, values: Vec<String>) -> Result<Value, WireError> {
    let first = values.first().cloned().unwrap_or_default();
    match kind {
        Kind::List(_) => Ok(Value::Array(
            values.into_iter().map(Value::String).collect(),
        )),
        Kind::Integer => first.parse::<i64>().map(Value::from).map_err(|_| {
            WireError::bad_request(format!("{wire_name} must be an integer, not {first:?}"))
        }),
        Kind::Boolean => match first.as_str() {
            "true" => Ok(Value::Bool(true)),
            "false" => Ok(Value::Bool(false)),
            _ => Err(WireError::bad_request(format!(
                "{wire_name} must be true or false, not {first:?}"
            ))),
        },
        _ => Ok(Value::String(first)),
    }
}

fn max_results(v: &str) -> Result<usize, WireError> {
    match v.parse::<usize>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(WireError::bad_request(format!(
            "Invalid maxResults {v:?}: use a whole number of 1 or more"
        ))),
    }
}

/// Turns a rest-json request into the call it asks for.
pub fn call(
    method: &str,
    path: &str,
    query: &str,
    headers: &http::HeaderMap,
    body: &[u8],
) -> Result<Call, WireError> {
    let Some((route, labels)) = find_route(method, path) else {
        return Err(WireError::new(
            404,
            "NotFoundException",
            format!("No apigatewayv2 operation answers {method} {path}"),
        ));
    };
    let model: &'static ModelOperation = model_of(route.operation).ok_or_else(|| {
        WireError::new(
            500,
            "InternalFailure",
            format!("{} has no members", route.operation),
        )
    })?;
    let mut input = Map::new();
    if !body.iter().all(u8::is_ascii_whitespace) {
        match super::parse_body(body) {
            Ok(Value::Object(o)) => input = shape::from_wire(o, model.input),
            Ok(_) => {
                return Err(WireError::bad_request(
                    "The request body must be a JSON object",
                ));
            }
            Err(e) => return Err(WireError::bad_request(e)),
        }
    }
    let pairs = query_pairs(query);
    let mut paging = Paging::default();
    for param in route.params {
        let values: Vec<String> = match param.location {
            Location::Path => labels
                .iter()
                .filter(|(l, _)| *l == param.wire)
                .map(|(_, v)| v.clone())
                .collect(),
            Location::Query => pairs
                .iter()
                .filter(|(k, _)| k == param.wire)
                .map(|(_, v)| v.clone())
                .collect(),
            Location::Header => headers
                .get_all(param.wire)
                .iter()
                .filter_map(|v| v.to_str().ok().map(str::to_string))
                .collect(),
        };
        if values.is_empty() {
            continue;
        }
        match model.input.iter().find(|m| m.name == param.member) {
            Some(member) => {
                let v = typed(&member.kind, param.wire, values)?;
                input.insert(param.member.to_string(), v);
            }
            // The CLI pages these operations itself; here the service's
            // own maxResults/nextToken do it.
            None if param.member == "MaxResults" => {
                paging.max_items = Some(max_results(&values[0])?);
            }
            None if param.member == "NextToken" => {
                paging.starting_token = values.into_iter().next();
            }
            None => {}
        }
    }
    Ok(Call {
        operation: route.operation,
        input,
        paging,
        status: route.status,
        output: model.output,
    })
}

/// The body of a successful answer: lowerCamel JSON, or nothing for 204.
pub fn answer(call: &Call, value: Option<Value>) -> Option<Value> {
    match value {
        Some(Value::Object(o)) => Some(Value::Object(shape::to_wire(o, call.output))),
        Some(other) => Some(other),
        None if call.status == 204 => None,
        None => Some(Value::Object(Map::new())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_and_labels() {
        let (r, l) = find_route("GET", "/v2/apis/abc/integrations/i1").unwrap();
        assert_eq!(r.operation, "GetIntegration");
        assert_eq!(
            l,
            vec![
                ("apiId", "abc".to_string()),
                ("integrationId", "i1".to_string())
            ]
        );
        assert_eq!(
            find_route("GET", "/v2/apis").unwrap().0.operation,
            "GetApis"
        );
        assert_eq!(
            find_route("POST", "/v2/apis").unwrap().0.operation,
            "CreateApi"
        );
        assert!(find_route("GET", "/v2/apis/a/b").is_none());
        assert!(find_route("POST", "/v2/apis/a").is_none());
        // PUT is ImportApi on the collection and ReimportApi on one API.
        assert_eq!(
            find_route("PUT", "/v2/apis").unwrap().0.operation,
            "ImportApi"
        );
        assert_eq!(
            find_route("PUT", "/v2/apis/a").unwrap().0.operation,
            "ReimportApi"
        );
        let arn = "arn:aws:apigateway:us-east-2::/apis/abc";
        let (r, l) = find_route(
            "GET",
            "/v2/tags/arn%3Aaws%3Aapigateway%3Aus-east-2%3A%3A%2Fapis%2Fabc",
        )
        .unwrap();
        assert_eq!((r.operation, l[0].1.as_str()), ("GetTags", arn));
        let (_, l) = find_route("GET", &format!("/v2/tags/{arn}")).unwrap();
        assert_eq!(l[0].1, arn);
    }

    #[test]
    fn decoding() {
        assert_eq!(percent_decode("a%2Fb+c%", true), "a/b c%");
        assert_eq!(percent_decode("a+b%zz", false), "a+b%zz");
    }
}
