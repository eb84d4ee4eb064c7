//! Names and keys with a fixed grammar: route keys, stage names, HTTP methods.

pub const HTTP_METHODS: &[&str] = &[
    "ANY", "DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT",
];

/// One segment of a route path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    Literal(String),
    /// `{name}`: one whole segment.
    Variable(String),
    /// `{name+}`: the rest of the path; only last.
    Greedy(String),
}

/// A parsed route key of an HTTP API.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RouteKey {
    /// `$default`: whatever no other route matches.
    Default,
    /// `METHOD /path`; `method` is upper case, `ANY` matches every method.
    Path {
        method: String,
        segments: Vec<Segment>,
    },
}

/// Parses `$default` or `METHOD /path/{var}/{proxy+}`.
pub fn parse_route_key(key: &str) -> Result<RouteKey, String> {
    if key == "$default" {
        return Ok(RouteKey::Default);
    }
    let bad = |why: &str| {
        format!(
            "Invalid route key {key:?}: {why}. A route key is $default or METHOD /path, such as 'GET /pets/{{id}}'"
        )
    };
    let (method, path) = key
        .split_once(' ')
        .ok_or_else(|| bad("no method and path"))?;
    if !HTTP_METHODS.contains(&method) {
        return Err(bad(&format!(
            "the method must be one of {}",
            HTTP_METHODS.join(", ")
        )));
    }
    let rest = path
        .strip_prefix('/')
        .ok_or_else(|| bad("the path must start with /"))?;
    let mut segments = Vec::new();
    if !rest.is_empty() {
        let raw: Vec<&str> = rest.split('/').collect();
        for (i, seg) in raw.iter().enumerate() {
            if seg.is_empty() {
                return Err(bad("the path has an empty segment"));
            }
            if let Some(inner) = seg.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
                let (name, greedy) = match inner.strip_suffix('+') {
                    Some(n) => (n, true),
                    None => (inner, false),
                };
                if name.is_empty()
                    || !name
                        .bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
                {
                    return Err(bad(&format!("{seg} is not a valid path variable")));
                }
                if greedy && i + 1 != raw.len() {
                    return Err(bad("a greedy variable {name+} must be the last segment"));
                }
                segments.push(if greedy {
                    Segment::Greedy(name.into())
                } else {
                    Segment::Variable(name.into())
                });
            } else if seg.contains(['{', '}', ' ', '?', '#']) {
                return Err(bad(&format!("{seg} is not a valid path segment")));
            } else {
                segments.push(Segment::Literal(seg.to_string()));
            }
        }
    }
    Ok(RouteKey::Path {
        method: method.to_string(),
        segments,
    })
}

/// Stage names: letters, digits, `-` and `_`, 1 to 128; or `$default`.
pub fn check_stage_name(name: &str) -> Result<(), String> {
    if name == "$default"
        || (!name.is_empty()
            && name.len() <= 128
            && name
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'))
    {
        Ok(())
    } else {
        Err(format!(
            "Invalid stage name {name:?}: use 1 to 128 letters, digits, '-' or '_', or $default"
        ))
    }
}

/// Stage variable names and values as the service accepts them.
pub fn check_stage_variable(name: &str, value: &str) -> Result<(), String> {
    if name.is_empty()
        || name.len() > 64
        || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
    {
        return Err(format!(
            "Invalid stage variable name {name:?}: use 1 to 64 letters, digits or '_'"
        ));
    }
    if value.len() > 2048
        || !value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-._~:/?#&=, ".contains(&b))
    {
        return Err(format!(
            "Invalid value for stage variable {name}: use up to 2048 letters, digits and - . _ ~ : / ? # & = , or space"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn route_keys() {
        assert_eq!(parse_route_key("$default").unwrap(), RouteKey::Default);
        assert_eq!(
            parse_route_key("GET /pets/{id}").unwrap(),
            RouteKey::Path {
                method: "GET".into(),
                segments: vec![
                    Segment::Literal("pets".into()),
                    Segment::Variable("id".into())
                ]
            }
        );
        assert!(matches!(
            parse_route_key("ANY /{proxy+}").unwrap(),
            RouteKey::Path { .. }
        ));
        assert!(
            matches!(parse_route_key("GET /").unwrap(), RouteKey::Path { segments, .. } if segments.is_empty())
        );
        for bad in [
            "GET",
            "get /pets",
            "GET pets",
            "GET /{proxy+}/x",
            "GET /a//b",
            "FETCH /a",
            "GET /{}",
        ] {
            assert!(parse_route_key(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn stage_names() {
        assert!(check_stage_name("$default").is_ok());
        assert!(check_stage_name("prod_v-2").is_ok());
        assert!(check_stage_name("").is_err());
        assert!(check_stage_name("a b").is_err());
    }
}
