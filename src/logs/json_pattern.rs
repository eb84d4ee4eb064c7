//! CloudWatch Logs' JSON filter patterns, for `apigw logs tail
//! --filter-pattern` over JSON access log lines:
//! `{ $.status = 500 }`, `{ ($.routeKey = "GET /pets*") && ($.integrationLatency > 100) }`.
//!
//! ```text
//! pattern    { EXPR }
//! EXPR       TERM ( || TERM )*        TERM  FACTOR ( && FACTOR )*
//! FACTOR     ( EXPR ) | SEL OP VALUE | SEL IS TRUE|FALSE|NULL | SEL NOT EXISTS
//! SEL        $.name.name[0]…          OP    = != < > <= >=
//! VALUE      a number, "a string" or a bare word; * matches anything in a string
//! ```
//!
//! A message that is not JSON matches no JSON pattern. A number compares
//! with a number, or with a string that holds one (access log formats
//! usually quote their numbers: `"status":"$context.status"`).

use serde_json::Value;

/// The deepest nesting of parentheses a pattern may have.
const MAX_DEPTH: usize = 32;

#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    Or(Vec<Expr>),
    And(Vec<Expr>),
    Compare(Selector, Op, Operand),
    Is(Selector, Value),
    NotExists(Selector),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Eq,
    Ne,
    Lt,
    Gt,
    Le,
    Ge,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Operand {
    Number(f64),
    /// A string, `*` matching any run of characters.
    Text(String),
}

/// `$.a.b[0]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selector(Vec<Step>);

#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    Key(String),
    Index(usize),
}

impl Selector {
    fn find<'v>(&self, mut v: &'v Value) -> Option<&'v Value> {
        for step in &self.0 {
            v = match step {
                Step::Key(k) => v.as_object()?.get(k)?,
                Step::Index(i) => v.as_array()?.get(*i)?,
            };
        }
        Some(v)
    }
}

struct Parser<'a> {
    text: &'a str,
    at: usize,
    depth: usize,
}

/// Parses `{ … }` (the braces included).
pub fn parse(pattern: &str) -> Result<Expr, String> {
    let inner = pattern
        .trim()
        .strip_prefix('{')
        .and_then(|p| p.strip_suffix('}'))
        .ok_or("a JSON filter pattern is written between { and }")?;
    let mut p = Parser {
        text: inner,
        at: 0,
        depth: 0,
    };
    let expr = p.or()?;
    p.skip_space();
    if p.at < p.text.len() {
        return Err(format!("unexpected {:?}", &p.text[p.at..]));
    }
    Ok(expr)
}

impl Parser<'_> {
    fn rest(&self) -> &str {
        &self.text[self.at..]
    }

    fn skip_space(&mut self) {
        let trimmed = self.rest().trim_start();
        self.at = self.text.len() - trimmed.len();
    }

    fn eat(&mut self, token: &str) -> bool {
        self.skip_space();
        if self.rest().starts_with(token) {
            self.at += token.len();
            true
        } else {
            false
        }
    }

    /// A keyword, in any case, followed by a delimiter.
    fn eat_word(&mut self, word: &str) -> bool {
        self.skip_space();
        let rest = self.rest();
        let matches = rest.len() >= word.len()
            && rest[..word.len()].eq_ignore_ascii_case(word)
            && rest[word.len()..]
                .chars()
                .next()
                .is_none_or(|c| c.is_whitespace() || c == ')');
        if matches {
            self.at += word.len();
        }
        matches
    }

    fn or(&mut self) -> Result<Expr, String> {
        let mut terms = vec![self.and()?];
        while self.eat("||") {
            terms.push(self.and()?);
        }
        Ok(if terms.len() == 1 {
            terms.remove(0)
        } else {
            Expr::Or(terms)
        })
    }

    fn and(&mut self) -> Result<Expr, String> {
        let mut factors = vec![self.factor()?];
        while self.eat("&&") {
            factors.push(self.factor()?);
        }
        Ok(if factors.len() == 1 {
            factors.remove(0)
        } else {
            Expr::And(factors)
        })
    }

    fn factor(&mut self) -> Result<Expr, String> {
        if self.eat("(") {
            self.depth += 1;
            if self.depth > MAX_DEPTH {
                return Err(format!("parentheses nest deeper than {MAX_DEPTH}"));
            }
            let e = self.or()?;
            if !self.eat(")") {
                return Err("a ( is not closed".into());
            }
            self.depth -= 1;
            return Ok(e);
        }
        let selector = self.selector()?;
        if self.eat_word("IS") {
            for (word, value) in [
                ("TRUE", Value::Bool(true)),
                ("FALSE", Value::Bool(false)),
                ("NULL", Value::Null),
            ] {
                if self.eat_word(word) {
                    return Ok(Expr::Is(selector, value));
                }
            }
            return Err("IS is followed by TRUE, FALSE or NULL".into());
        }
        if self.eat_word("NOT") {
            if self.eat_word("EXISTS") {
                return Ok(Expr::NotExists(selector));
            }
            return Err("NOT is followed by EXISTS".into());
        }
        let op = [
            ("!=", Op::Ne),
            ("<=", Op::Le),
            (">=", Op::Ge),
            ("=", Op::Eq),
            ("<", Op::Lt),
            (">", Op::Gt),
        ]
        .into_iter()
        .find(|(t, _)| self.eat(t))
        .map(|(_, op)| op)
        .ok_or_else(|| {
            format!(
                "expected = != < > <= >=, IS or NOT EXISTS at {:?}",
                self.rest()
            )
        })?;
        let operand = self.operand()?;
        if matches!(operand, Operand::Text(_)) && !matches!(op, Op::Eq | Op::Ne) {
            return Err("only = and != compare with a string".into());
        }
        Ok(Expr::Compare(selector, op, operand))
    }

    fn selector(&mut self) -> Result<Selector, String> {
        self.skip_space();
        if !self.eat("$") {
            return Err(format!(
                "expected a selector such as $.status at {:?}",
                self.rest()
            ));
        }
        let mut steps = Vec::new();
        loop {
            if self.rest().starts_with('.') {
                self.at += 1;
                let len = self
                    .rest()
                    .find(|c: char| c.is_whitespace() || ".[]()=!<>&|".contains(c))
                    .unwrap_or(self.rest().len());
                if len == 0 {
                    return Err("a . in a selector is followed by a name".into());
                }
                steps.push(Step::Key(self.rest()[..len].to_string()));
                self.at += len;
            } else if self.rest().starts_with('[') {
                let close = self.rest().find(']').ok_or("a [ is not closed")?;
                let index = self.rest()[1..close]
                    .trim()
                    .parse()
                    .map_err(|_| "an array index is a number, as in $.list[0]")?;
                steps.push(Step::Index(index));
                self.at += close + 1;
            } else {
                break;
            }
        }
        if steps.is_empty() {
            return Err("a selector names a field, as in $.status".into());
        }
        Ok(Selector(steps))
    }

    fn operand(&mut self) -> Result<Operand, String> {
        self.skip_space();
        if self.rest().starts_with('"') {
            let mut out = String::new();
            let mut chars = self.rest()[1..].char_indices();
            while let Some((i, c)) = chars.next() {
                match c {
                    '\\' => out.extend(chars.next().map(|(_, c)| c)),
                    '"' => {
                        self.at += i + 2;
                        return Ok(Operand::Text(out));
                    }
                    c => out.push(c),
                }
            }
            return Err("a quote is not closed".into());
        }
        let len = self
            .rest()
            .find(|c: char| c.is_whitespace() || c == ')')
            .unwrap_or(self.rest().len());
        let word = &self.rest()[..len];
        let word = word
            .find("&&")
            .or_else(|| word.find("||"))
            .map_or(word, |i| &word[..i]);
        if word.is_empty() {
            return Err("a comparison needs a value".into());
        }
        let operand = match word.parse::<f64>() {
            Ok(n) if n.is_finite() => Operand::Number(n),
            _ => Operand::Text(word.to_string()),
        };
        self.at += word.len();
        Ok(operand)
    }
}

impl Expr {
    /// Whether `message`, read as JSON, matches.
    pub fn matches(&self, message: &str) -> bool {
        match crate::input::document::parse_json(message) {
            Ok(v) => self.holds(&v),
            Err(_) => false,
        }
    }

    fn holds(&self, v: &Value) -> bool {
        match self {
            Expr::Or(terms) => terms.iter().any(|t| t.holds(v)),
            Expr::And(factors) => factors.iter().all(|f| f.holds(v)),
            Expr::NotExists(s) => s.find(v).is_none(),
            Expr::Is(s, want) => s.find(v) == Some(want),
            Expr::Compare(s, op, operand) => {
                let Some(found) = s.find(v) else {
                    return false;
                };
                match operand {
                    Operand::Number(n) => {
                        let have = match found {
                            Value::Number(x) => x.as_f64(),
                            Value::String(t) => t.trim().parse::<f64>().ok(),
                            _ => None,
                        };
                        have.is_some_and(|h| match op {
                            Op::Eq => h == *n,
                            Op::Ne => h != *n,
                            Op::Lt => h < *n,
                            Op::Gt => h > *n,
                            Op::Le => h <= *n,
                            Op::Ge => h >= *n,
                        })
                    }
                    Operand::Text(pattern) => {
                        let have = match found {
                            Value::String(t) => Some(t.clone()),
                            Value::Number(x) => Some(x.to_string()),
                            _ => None,
                        };
                        have.is_some_and(|h| glob(pattern, &h) == (*op == Op::Eq))
                    }
                }
            }
        }
    }
}

/// `pattern` with `*` matching any run of characters, against all of `text`.
fn glob(pattern: &str, text: &str) -> bool {
    let parts: Vec<&str> = pattern.split('*').collect();
    if parts.len() == 1 {
        return pattern == text;
    }
    let (first, last) = (parts[0], parts[parts.len() - 1]);
    if !text.starts_with(first) || text.len() < first.len() + last.len() || !text.ends_with(last) {
        return false;
    }
    let mut rest = &text[first.len()..text.len() - last.len()];
    for middle in &parts[1..parts.len() - 1] {
        match rest.find(middle) {
            Some(i) => rest = &rest[i + middle.len()..],
            None => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    const LINE: &str = r#"{"requestId":"abc=","routeKey":"GET /pets/{id}","status":"503","latency":120,"ok":false,"none":null,"tags":["a","b"],"auth":{"sub":"alice"}}"#;

    fn matches(pattern: &str) -> bool {
        parse(pattern)
            .unwrap_or_else(|e| panic!("{pattern}: {e}"))
            .matches(LINE)
    }

    #[test]
    fn comparisons_of_strings_numbers_and_kinds() {
        assert!(matches("{ $.status = 503 }"), "a quoted number compares");
        assert!(matches(r#"{ $.status = "503" }"#));
        assert!(matches("{ $.status >= 500 }"));
        assert!(!matches("{ $.status < 500 }"));
        assert!(matches("{ $.latency > 100 }"));
        assert!(matches("{ $.latency != 100 }"));
        assert!(matches(r#"{ $.routeKey = "GET /pets*" }"#));
        assert!(matches(r#"{ $.routeKey = "*/{id}" }"#));
        assert!(matches(r#"{ $.routeKey != "POST*" }"#));
        assert!(matches("{ $.requestId = abc= }"));
        assert!(matches("{ $.tags[1] = b }"));
        assert!(matches("{ $.auth.sub = alice }"));
        assert!(matches("{ $.ok IS FALSE }"));
        assert!(matches("{ $.none is null }"));
        assert!(!matches("{ $.ok IS TRUE }"));
        assert!(matches("{ $.missing NOT EXISTS }"));
        assert!(!matches("{ $.status NOT EXISTS }"));
        assert!(!matches("{ $.missing = 1 }"));
        assert!(!parse("{ $.status = 503 }").unwrap().matches("not json 503"));
    }

    #[test]
    fn and_or_and_parentheses() {
        assert!(matches("{ $.status = 503 && $.latency > 100 }"));
        assert!(!matches("{ $.status = 503 && $.latency > 200 }"));
        assert!(matches("{ $.status = 200 || $.latency > 100 }"));
        assert!(matches(
            r#"{ ($.status = 200 || $.status = 503) && ($.auth.sub = "alice") }"#
        ));
        assert!(matches("{($.status=503)&&($.latency>100)}"));
    }

    #[test]
    fn malformed_patterns_say_what_is_wrong() {
        for (bad, why) in [
            ("$.status = 1", "between { and }"),
            ("{ status = 1 }", "selector"),
            ("{ $. = 1 }", "followed by a name"),
            ("{ $.a ~ 1 }", "expected ="),
            ("{ $.a = }", "needs a value"),
            ("{ $.a > abc }", "only = and !="),
            ("{ ($.a = 1 }", "not closed"),
            ("{ $.a IS MAYBE }", "TRUE, FALSE or NULL"),
            ("{ $.a = \"open }", "quote"),
            ("{ $.a[x] = 1 }", "index"),
            ("{ $.a = 1 $.b = 2 }", "unexpected"),
        ] {
            let e = parse(bad).unwrap_err();
            assert!(e.contains(why), "{bad}: {e}");
        }
        let deep = format!("{{ {}$.a = 1{} }}", "(".repeat(40), ")".repeat(40));
        assert!(parse(&deep).unwrap_err().contains("deeper"));
    }

    #[test]
    fn globs() {
        assert!(glob("a*", "abc"));
        assert!(glob("*c", "abc"));
        assert!(glob("a*c", "abc"));
        assert!(glob("a*b*c", "a-b-c"));
        assert!(!glob("a*b*c", "a-c"));
        assert!(!glob("ab*ba", "aba"));
        assert!(glob("*", ""));
        assert!(!glob("abc", "abcd"));
    }
}
