//! Route selection as HTTP APIs do it: a full match of path and method
//! first (literal segments before `{variables}`, a named method before
//! `ANY`), then the routes ending in a greedy `{name+}` (the longest, most
//! literal prefix first), then `$default`. Built once per plan as a tree of
//! path segments, so a lookup walks the request path once.

use crate::rules::names::{RouteKey, Segment};
use http::Method;
use std::ops::Range;

/// Which route matched, and the byte ranges of the request path that its
/// variables took, in the order they appear in the route key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    pub route: usize,
    pub captures: Vec<Range<usize>>,
}

#[derive(Debug, Default)]
struct Methods {
    named: Vec<(Method, usize)>,
    any: Option<usize>,
}

impl Methods {
    fn get(&self, method: &Method) -> Option<usize> {
        self.named
            .iter()
            .find(|(m, _)| m == method)
            .map(|(_, r)| *r)
            .or(self.any)
    }

    fn insert(&mut self, method: &str, route: usize) {
        if method == "ANY" {
            self.any = Some(route);
        } else if let Ok(m) = Method::from_bytes(method.as_bytes()) {
            self.named.push((m, route));
        }
    }
}

#[derive(Debug, Default)]
struct Node {
    /// Sorted by segment, for a binary search.
    literals: Vec<(Box<str>, Node)>,
    variable: Option<Box<Node>>,
    /// Routes that end at this node.
    end: Methods,
    /// Routes whose greedy variable starts after this node.
    greedy: Methods,
}

#[derive(Debug, Default)]
pub struct Router {
    root: Node,
    default_route: Option<usize>,
}

impl Node {
    fn literal(&self, segment: &str) -> Option<&Node> {
        self.literals
            .binary_search_by(|(s, _)| (**s).cmp(segment))
            .ok()
            .map(|i| &self.literals[i].1)
    }

    fn literal_mut(&mut self, segment: &str) -> &mut Node {
        let i = match self.literals.binary_search_by(|(s, _)| (**s).cmp(segment)) {
            Ok(i) => i,
            Err(i) => {
                self.literals.insert(i, (segment.into(), Node::default()));
                i
            }
        };
        &mut self.literals[i].1
    }
}

/// The segment of `path` that starts at byte `at`, if any: its range, and
/// where the next one starts. A trailing `/` makes no segment.
fn segment_at(path: &str, at: usize) -> Option<(Range<usize>, usize)> {
    if at >= path.len() {
        return None;
    }
    let end = path.as_bytes()[at..]
        .iter()
        .position(|&b| b == b'/')
        .map_or(path.len(), |p| p + at);
    Some((at..end, end + 1))
}

impl Router {
    /// Adds route number `index` with its parsed key.
    pub fn insert(&mut self, key: &RouteKey, index: usize) {
        let (method, segs) = match key {
            RouteKey::Default => {
                self.default_route = Some(index);
                return;
            }
            RouteKey::Path { method, segments } => (method, segments),
        };
        let mut node = &mut self.root;
        for seg in segs {
            match seg {
                Segment::Literal(s) => {
                    node = node.literal_mut(s);
                }
                Segment::Variable(_) => {
                    node = node.variable.get_or_insert_with(Default::default);
                }
                Segment::Greedy(_) => {
                    node.greedy.insert(method, index);
                    return;
                }
            }
        }
        node.end.insert(method, index);
    }

    /// Finds the route for `method` and `path` (the path after any stage).
    pub fn find(&self, method: &Method, path: &str) -> Option<Match> {
        let start = usize::from(path.starts_with('/'));
        let mut captures = Vec::new();
        if let Some(route) = exact(&self.root, path, start, method, &mut captures) {
            return Some(Match { route, captures });
        }
        captures.clear();
        if let Some(route) = greedy(&self.root, path, start, method, &mut captures) {
            return Some(Match { route, captures });
        }
        self.default_route.map(|route| Match {
            route,
            captures: Vec::new(),
        })
    }
}

fn exact(
    node: &Node,
    path: &str,
    at: usize,
    method: &Method,
    captures: &mut Vec<Range<usize>>,
) -> Option<usize> {
    let Some((seg, next)) = segment_at(path, at) else {
        return node.end.get(method);
    };
    let text = &path[seg.clone()];
    if let Some(child) = node.literal(text)
        && let Some(r) = exact(child, path, next, method, captures)
    {
        return Some(r);
    }
    if let Some(child) = &node.variable
        && !text.is_empty()
    {
        captures.push(seg);
        if let Some(r) = exact(child, path, next, method, captures) {
            return Some(r);
        }
        captures.pop();
    }
    None
}

fn greedy(
    node: &Node,
    path: &str,
    at: usize,
    method: &Method,
    captures: &mut Vec<Range<usize>>,
) -> Option<usize> {
    let (seg, next) = segment_at(path, at)?;
    let text = &path[seg.clone()];
    if let Some(child) = node.literal(text)
        && let Some(r) = greedy(child, path, next, method, captures)
    {
        return Some(r);
    }
    if let Some(child) = &node.variable
        && !text.is_empty()
    {
        captures.push(seg.clone());
        if let Some(r) = greedy(child, path, next, method, captures) {
            return Some(r);
        }
        captures.pop();
    }
    let r = node.greedy.get(method)?;
    captures.push(seg.start..path.len());
    Some(r)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::names::parse_route_key;

    fn router(keys: &[&str]) -> Router {
        let mut r = Router::default();
        for (i, k) in keys.iter().enumerate() {
            r.insert(&parse_route_key(k).unwrap(), i);
        }
        r
    }

    fn hit<'a>(keys: &[&'a str], method: &str, path: &str) -> Option<(&'a str, Vec<String>)> {
        let r = router(keys);
        let m = r.find(&Method::from_bytes(method.as_bytes()).unwrap(), path)?;
        Some((
            keys[m.route],
            m.captures
                .iter()
                .map(|c| path[c.clone()].to_string())
                .collect(),
        ))
    }

    #[test]
    fn the_documented_precedence() {
        // The example of the HTTP API developer guide.
        let keys = [
            "GET /pets/dog/1",
            "GET /pets/dog/{id}",
            "GET /pets/{proxy+}",
            "ANY /{proxy+}",
            "$default",
        ];
        assert_eq!(
            hit(&keys, "GET", "/pets/dog/1").unwrap().0,
            "GET /pets/dog/1"
        );
        assert_eq!(
            hit(&keys, "GET", "/pets/dog/2").unwrap(),
            ("GET /pets/dog/{id}", vec!["2".to_string()])
        );
        assert_eq!(
            hit(&keys, "GET", "/pets/cat/1").unwrap(),
            ("GET /pets/{proxy+}", vec!["cat/1".to_string()])
        );
        assert_eq!(
            hit(&keys, "POST", "/pets/cat/1").unwrap(),
            ("ANY /{proxy+}", vec!["pets/cat/1".to_string()])
        );
        assert_eq!(hit(&keys, "GET", "/").unwrap().0, "$default");
    }

    #[test]
    fn methods_and_variables() {
        let keys = ["GET /pets/{id}", "ANY /pets/{id}", "POST /pets", "GET /"];
        assert_eq!(hit(&keys, "GET", "/pets/7").unwrap().0, "GET /pets/{id}");
        assert_eq!(hit(&keys, "DELETE", "/pets/7").unwrap().0, "ANY /pets/{id}");
        assert_eq!(hit(&keys, "POST", "/pets").unwrap().0, "POST /pets");
        assert_eq!(hit(&keys, "POST", "/pets/").unwrap().0, "POST /pets");
        assert_eq!(hit(&keys, "GET", "/pets"), None);
        assert_eq!(hit(&keys, "GET", "/").unwrap().0, "GET /");
        assert_eq!(hit(&keys, "GET", "/pets/7/toys"), None);
    }

    #[test]
    fn literal_beats_variable_and_backtracks() {
        let keys = ["GET /a/{x}/c", "GET /a/b/{y}"];
        assert_eq!(hit(&keys, "GET", "/a/b/d").unwrap().0, "GET /a/b/{y}");
        assert_eq!(
            hit(&keys, "GET", "/a/b/c").unwrap(),
            ("GET /a/b/{y}", vec!["c".to_string()])
        );
        assert_eq!(
            hit(&keys, "GET", "/a/z/c").unwrap(),
            ("GET /a/{x}/c", vec!["z".to_string()])
        );
    }

    #[test]
    fn greedy_needs_a_segment_and_prefers_the_longest_prefix() {
        let keys = ["ANY /{proxy+}", "GET /api/{proxy+}"];
        assert_eq!(hit(&keys, "GET", "/"), None);
        assert_eq!(
            hit(&keys, "GET", "/api/v1/x/").unwrap(),
            ("GET /api/{proxy+}", vec!["v1/x/".to_string()])
        );
        assert_eq!(hit(&keys, "GET", "/api").unwrap().0, "ANY /{proxy+}");
    }
}
