//! JSON between the wire and the core: rest-json bodies use the model's
//! lowerCamel `locationName`s (`connectionId`) where the core and the CLI use
//! member names (`ConnectionId`). The member tables say which objects are
//! structures (keys renamed) and which are maps (keys kept). Timestamps go
//! out as apigw stores and prints them (`2020-04-08T19:05:45+00:00`, ISO-8601
//! like the service's `…Z`): botocore, the aws CLI v2 and the Go SDK parse
//! both to the same instant, and the aws CLI v1, which prints timestamps as
//! received, then prints what `apigw` prints.

use crate::service::spec::{Kind, Member};
use crate::service::wire::NAMES;
use serde_json::{Map, Value};

/// The wire name of a member: the model's, else the member name with its
/// first letter lowered.
pub fn wire_name(member: &str) -> String {
    match NAMES.binary_search_by(|(m, _)| (*m).cmp(member)) {
        Ok(i) => NAMES[i].1.to_string(),
        Err(_) => {
            let mut c = member.chars();
            match c.next() {
                Some(f) => f.to_ascii_lowercase().to_string() + c.as_str(),
                None => String::new(),
            }
        }
    }
}

/// A body key the members do not know: given back with its first letter
/// raised, so that the checks name it ("Unknown parameter in input: \"Foo\"").
fn member_guess(key: &str) -> String {
    let mut c = key.chars();
    match c.next() {
        Some(f) => f.to_ascii_uppercase().to_string() + c.as_str(),
        None => String::new(),
    }
}

/// A wire object of the structure `members` → the core's input object.
pub fn from_wire(obj: Map<String, Value>, members: &[Member]) -> Map<String, Value> {
    obj.into_iter()
        .map(
            |(k, v)| match members.iter().find(|m| wire_name(m.name) == k) {
                Some(m) => (m.name.to_string(), value_from_wire(v, &m.kind)),
                None => (member_guess(&k), v),
            },
        )
        .collect()
}

fn value_from_wire(v: Value, kind: &Kind) -> Value {
    match (kind, v) {
        (Kind::Struct(members), Value::Object(o)) => Value::Object(from_wire(o, members)),
        (Kind::List(item), Value::Array(items)) => Value::Array(
            items
                .into_iter()
                .map(|v| value_from_wire(v, item))
                .collect(),
        ),
        (Kind::Map(inner), Value::Object(o)) => Value::Object(
            o.into_iter()
                .map(|(k, v)| (k, value_from_wire(v, inner)))
                .collect(),
        ),
        (_, v) => v,
    }
}

/// The core's answer, a structure of `members` → the wire object.
pub fn to_wire(obj: Map<String, Value>, members: &[Member]) -> Map<String, Value> {
    obj.into_iter()
        .map(|(k, v)| {
            let v = match members.iter().find(|m| m.name == k) {
                Some(m) => value_to_wire(v, &m.kind),
                None => v,
            };
            (wire_name(&k), v)
        })
        .collect()
}

fn value_to_wire(v: Value, kind: &Kind) -> Value {
    match (kind, v) {
        (Kind::Struct(members), Value::Object(o)) => Value::Object(to_wire(o, members)),
        (Kind::List(item), Value::Array(items)) => {
            Value::Array(items.into_iter().map(|v| value_to_wire(v, item)).collect())
        }
        (Kind::Map(inner), Value::Object(o)) => Value::Object(
            o.into_iter()
                .map(|(k, v)| (k, value_to_wire(v, inner)))
                .collect(),
        ),
        (_, v) => v,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::service::model_of;
    use serde_json::json;

    fn obj(v: Value) -> Map<String, Value> {
        match v {
            Value::Object(o) => o,
            _ => unreachable!("an object"),
        }
    }

    #[test]
    fn bodies_rename_structure_keys_and_keep_map_keys() {
        let op = model_of("CreateIntegration").unwrap();
        let wire = json!({
            "integrationType": "HTTP_PROXY",
            "tlsConfig": {"serverNameToVerify": "example.com"},
            "requestParameters": {"append:header.x": "$request.header.y"},
            "responseParameters": {"200": {"overwrite:statuscode": "204"}},
            "bogus": 1
        });
        let input = from_wire(obj(wire), op.input);
        assert_eq!(
            Value::Object(input),
            json!({
                "IntegrationType": "HTTP_PROXY",
                "TlsConfig": {"ServerNameToVerify": "example.com"},
                "RequestParameters": {"append:header.x": "$request.header.y"},
                "ResponseParameters": {"200": {"overwrite:statuscode": "204"}},
                "Bogus": 1
            })
        );
    }

    #[test]
    fn answers_are_lower_camel_with_map_keys_kept() {
        let op = model_of("GetApis").unwrap();
        let answer = json!({
            "Items": [{"ApiId": "a", "CreatedDate": "2020-04-08T19:05:45+00:00", "Tags": {"Name": "x"},
                       "CorsConfiguration": {"AllowOrigins": ["*"]}}],
            "NextToken": "b"
        });
        assert_eq!(
            Value::Object(to_wire(obj(answer), op.output)),
            json!({
                "items": [{"apiId": "a", "createdDate": "2020-04-08T19:05:45+00:00", "tags": {"Name": "x"},
                           "corsConfiguration": {"allowOrigins": ["*"]}}],
                "nextToken": "b"
            })
        );
    }
}
