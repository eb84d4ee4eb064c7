//! `--query`: JMESPath, evaluated the way the AWS CLI's Python `jmespath`
//! package does it.
//!
//! The expression is parsed with the `jmespath` crate, but evaluated here,
//! on `serde_json::Value`s, because the crate's own interpreter keeps
//! objects in a `BTreeMap` and would print keys sorted. Evaluating the
//! crate's syntax tree directly keeps key order exactly as the AWS CLI does:
//! objects from the response keep the response's order, a multiselect hash
//! (`{Id: IntegrationId, Type: IntegrationType}`) keeps the expression's
//! order, and `keys()`, `values()`, `*` and `merge()` follow insertion order.
//! Only JSON literals written in the expression (`` `{"b": 1, "a": 2}` ``)
//! come back with sorted keys, because the crate's parser stores them so.
//!
//! Semantics follow Python jmespath 1.x where it differs from the letter of
//! the specification: `<`/`>` also compare strings, `0`/`1` never equal
//! `false`/`true`, and runtime errors carry Python's messages.

use std::cmp::Ordering;

use jmespath::ast::{Ast, Comparator};
use serde_json::{Map, Number, Value};

use super::pyfmt::{JsonStyle, json_dumps, py_str, str_repr};

/// A compiled `--query` expression.
#[derive(Debug, Clone)]
pub struct Query {
    expression: String,
    ast: Ast,
}

/// How deep a `--query` expression may nest. The `jmespath` crate parses
/// recursively and builds a tree that is evaluated (and freed) recursively,
/// so an expression is measured before it is handed over (by
/// `nesting_exceeds`).
pub const MAX_DEPTH: usize = 64;

/// Why a query could not be compiled; the text is what the AWS CLI puts
/// after `Bad value for --query EXPR: `.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseFailure(pub String);

/// A query that compiled but failed on the data (a function given the wrong
/// type, an unknown function, a wrong number of arguments).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvalFailure(pub String);

impl Query {
    /// Parses `expression`, with the AWS CLI's messages for bad ones.
    pub fn compile(expression: &str) -> Result<Query, ParseFailure> {
        if expression.is_empty() {
            return Err(ParseFailure(
                "Invalid JMESPath expression: cannot be empty.".to_string(),
            ));
        }
        if nesting_exceeds(expression, MAX_DEPTH) {
            return Err(ParseFailure(format!(
                "the expression is nested deeper than {MAX_DEPTH} levels (each bracket, brace, \
                 parenthesis, '.', '|' and operator is a level)"
            )));
        }
        match jmespath::parse(expression) {
            Ok(ast) => Ok(Query {
                expression: expression.to_string(),
                ast,
            }),
            Err(err) => Err(ParseFailure(parse_message(expression, &err))),
        }
    }

    /// The expression as given.
    pub fn expression(&self) -> &str {
        &self.expression
    }

    /// Evaluates the query against `data`.
    pub fn search(&self, data: &Value) -> Result<Value, EvalFailure> {
        eval(&self.ast, data).map_err(EvalFailure)
    }
}

/// Whether `expression` may nest deeper than `limit`, reading its tokens
/// as the crate's lexer does (quoted names, raw strings and JSON literals
/// are skipped whole; a literal's own depth is bounded by serde_json).
///
/// The measure bounds the depth of the syntax tree the crate would build,
/// and with it the depth of its parser's recursion and of evaluation: each
/// token that makes a tree node with a child (`.`, `|`, `||`, `&&`, `!`,
/// `&`, comparisons, `*`, `[]`, and every `[`, `{` or `(`) counts one within
/// its element (the text between commas inside a group), and a group adds
/// the depth of its deepest element. Left-associative chains (`a.b.c`,
/// `a|b|c`) count in full because their trees are as deep as they are long.
pub(crate) fn nesting_exceeds(expression: &str, limit: usize) -> bool {
    /// One open group: its element's count so far, the deepest group inside
    /// that element, and the deepest element already closed.
    #[derive(Default)]
    struct Group {
        ops: usize,
        inner: usize,
        closed: usize,
    }
    impl Group {
        fn element(&self) -> usize {
            self.ops + self.inner
        }
        fn depth(&self) -> usize {
            self.closed.max(self.element())
        }
    }
    let mut groups = vec![Group::default()];
    let bytes = expression.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        i += 1;
        let top = groups.len() - 1;
        match b {
            b'"' | b'\'' | b'`' => {
                // Skip to the closing quote; a backslash escapes one character.
                while i < bytes.len() && bytes[i] != b {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
            }
            b'[' if bytes.get(i) == Some(&b']') => {
                i += 1;
                groups[top].ops += 1;
            }
            b'[' | b'{' | b'(' => {
                groups[top].ops += 1;
                if groups.len() > limit {
                    return true;
                }
                groups.push(Group::default());
            }
            b']' | b'}' | b')' if top > 0 => {
                let done = groups.pop().map_or(0, |g| g.depth());
                let parent = &mut groups[top - 1];
                parent.inner = parent.inner.max(done);
            }
            b',' => {
                let g = &mut groups[top];
                g.closed = g.depth();
                g.ops = 0;
                g.inner = 0;
            }
            b'.' | b'|' | b'&' | b'!' | b'<' | b'>' | b'*' => {
                // `||`, `&&`, `!=`, `<=` and `>=` are one token each.
                if matches!((b, bytes.get(i)), (b'|', Some(b'|')) | (b'&', Some(b'&')))
                    || (matches!(b, b'!' | b'<' | b'>') && bytes.get(i) == Some(&b'='))
                {
                    i += 1;
                }
                groups[top].ops += 1;
            }
            b'=' => {
                if bytes.get(i) == Some(&b'=') {
                    i += 1;
                }
                groups[top].ops += 1;
            }
            _ => {}
        }
        if groups[groups.len() - 1].element() > limit {
            return true;
        }
    }
    // Fold the groups still open (the parser will refuse them anyway).
    let mut depth = 0;
    while let Some(mut g) = groups.pop() {
        g.inner = g.inner.max(depth);
        depth = g.depth();
    }
    depth > limit
}

/// Python jmespath's wording: "Incomplete expression" when the expression
/// ends too early, otherwise a parse error pointing at the column.
fn parse_message(expression: &str, err: &jmespath::JmespathError) -> String {
    let reason = match &err.reason {
        jmespath::ErrorReason::Parse(msg) => msg.clone(),
        jmespath::ErrorReason::Runtime(e) => e.to_string(),
    };
    if reason.ends_with("found Eof") {
        let underline = " ".repeat(expression.chars().count() + 1);
        return format!(
            "Invalid jmespath expression: Incomplete expression:\n\"{expression}\"\n{underline}^"
        );
    }
    let column = err.column;
    let underline = " ".repeat(column + 1);
    format!(
        "Invalid jmespath expression: Parse error at column {column}, {reason}, for expression:\n\"{expression}\"\n{underline}^"
    )
}

type Eval = Result<Value, String>;

fn eval(node: &Ast, data: &Value) -> Eval {
    Ok(match node {
        Ast::Identity { .. } => data.clone(),
        Ast::Field { name, .. } => match data {
            Value::Object(map) => map.get(name).cloned().unwrap_or(Value::Null),
            _ => Value::Null,
        },
        Ast::Subexpr { lhs, rhs, .. } => {
            let left = eval(lhs, data)?;
            eval(rhs, &left)?
        }
        Ast::Index { idx, .. } => match data {
            Value::Array(items) => {
                let len = items.len() as i64;
                let i = if *idx < 0 {
                    len + *idx as i64
                } else {
                    *idx as i64
                };
                if (0..len).contains(&i) {
                    items[i as usize].clone()
                } else {
                    Value::Null
                }
            }
            _ => Value::Null,
        },
        Ast::Slice {
            start, stop, step, ..
        } => match data {
            Value::Array(items) => {
                if *step == 0 {
                    return Err("slice step cannot be zero".to_string());
                }
                let picked = slice_indices(items.len(), *start, *stop, *step);
                Value::Array(picked.into_iter().map(|i| items[i].clone()).collect())
            }
            _ => Value::Null,
        },
        Ast::Literal { value, .. } => serde_json::to_value(&**value).map_err(|e| e.to_string())?,
        Ast::Projection { lhs, rhs, .. } => match eval(lhs, data)? {
            Value::Array(items) => {
                let mut collected = Vec::new();
                for item in &items {
                    let v = eval(rhs, item)?;
                    if !v.is_null() {
                        collected.push(v);
                    }
                }
                Value::Array(collected)
            }
            _ => Value::Null,
        },
        Ast::ObjectValues { node, .. } => match eval(node, data)? {
            Value::Object(map) => Value::Array(map.into_iter().map(|(_, v)| v).collect()),
            _ => Value::Null,
        },
        Ast::Flatten { node, .. } => match eval(node, data)? {
            Value::Array(items) => {
                let mut merged = Vec::new();
                for item in items {
                    match item {
                        Value::Array(inner) => merged.extend(inner),
                        other => merged.push(other),
                    }
                }
                Value::Array(merged)
            }
            _ => Value::Null,
        },
        Ast::MultiList { elements, .. } => {
            if data.is_null() {
                return Ok(Value::Null);
            }
            Value::Array(
                elements
                    .iter()
                    .map(|e| eval(e, data))
                    .collect::<Result<_, _>>()?,
            )
        }
        Ast::MultiHash { elements, .. } => {
            if data.is_null() {
                return Ok(Value::Null);
            }
            let mut map = Map::new();
            for kv in elements {
                map.insert(kv.key.clone(), eval(&kv.value, data)?);
            }
            Value::Object(map)
        }
        Ast::Or { lhs, rhs, .. } => {
            let left = eval(lhs, data)?;
            if is_false(&left) {
                eval(rhs, data)?
            } else {
                left
            }
        }
        Ast::And { lhs, rhs, .. } => {
            let left = eval(lhs, data)?;
            if is_false(&left) {
                left
            } else {
                eval(rhs, data)?
            }
        }
        Ast::Not { node, .. } => {
            let v = eval(node, data)?;
            // Numbers are always truthy in JMESPath, and Python special-cases 0.
            Value::Bool(!v.is_number() && is_false(&v))
        }
        Ast::Condition {
            predicate, then, ..
        } => {
            if is_false(&eval(predicate, data)?) {
                Value::Null
            } else {
                eval(then, data)?
            }
        }
        Ast::Comparison {
            comparator,
            lhs,
            rhs,
            ..
        } => {
            let left = eval(lhs, data)?;
            let right = eval(rhs, data)?;
            compare(comparator, &left, &right)?
        }
        Ast::Function { name, args, .. } => call_function(name, args, data)?,
        Ast::Expref { .. } => {
            return Err(
                "Expression references (&expr) can only be used as function arguments".to_string(),
            );
        }
    })
}

/// Python's `list[start:stop:step]` indices.
fn slice_indices(len: usize, start: Option<i32>, stop: Option<i32>, step: i32) -> Vec<usize> {
    let len = len as i64;
    let step = step as i64;
    let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
    let clamp = |v: Option<i32>, default: i64| -> i64 {
        match v {
            None => default,
            Some(v) => {
                let v = v as i64;
                if v < 0 {
                    (v + len).max(lower)
                } else {
                    v.min(upper)
                }
            }
        }
    };
    let start = clamp(start, if step < 0 { upper } else { lower });
    let stop = clamp(stop, if step < 0 { lower } else { upper });
    let mut out = Vec::new();
    let mut i = start;
    while (step > 0 && i < stop) || (step < 0 && i > stop) {
        out.push(i as usize);
        i += step;
    }
    out
}

/// Python jmespath's falsiness: '', [], {}, null and false.
fn is_false(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::Bool(b) => !b,
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.is_empty(),
        Value::Number(_) => false,
    }
}

fn num_eq(a: &Number, b: &Number) -> bool {
    match (a.as_i64(), b.as_i64(), a.as_u64(), b.as_u64()) {
        (Some(x), Some(y), _, _) => x == y,
        (_, _, Some(x), Some(y)) => x == y,
        _ => a.as_f64() == b.as_f64(),
    }
}

/// Python's `==` on the objects JSON parses into (1 == 1.0, True == 1).
fn py_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Null, Value::Null) => true,
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::Bool(x), Value::Number(n)) | (Value::Number(n), Value::Bool(x)) => {
            n.as_f64() == Some(if *x { 1.0 } else { 0.0 })
        }
        (Value::Number(x), Value::Number(y)) => num_eq(x, y),
        (Value::String(x), Value::String(y)) => x == y,
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| py_eq(p, q))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| py_eq(v, w)))
        }
        _ => false,
    }
}

/// JMESPath `==`: Python's, except that 0 and 1 never equal a boolean.
fn jp_equals(a: &Value, b: &Value) -> bool {
    let special = |n: &Value, other: &Value| {
        n.as_f64().is_some_and(|f| f == 0.0 || f == 1.0) && other.is_boolean()
    };
    if special(a, b) || special(b, a) {
        return false;
    }
    py_eq(a, b)
}

fn python_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "NoneType",
        Value::Bool(_) => "bool",
        Value::Number(n) if n.is_f64() => "float",
        Value::Number(_) => "int",
        Value::String(_) => "str",
        Value::Array(_) => "list",
        Value::Object(_) => "dict",
    }
}

fn jmespath_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

/// Orders two numbers or two strings; Python's TypeError otherwise.
fn py_order(op: &str, a: &Value, b: &Value) -> Result<Ordering, String> {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            if let (Some(p), Some(q)) = (x.as_i64(), y.as_i64()) {
                return Ok(p.cmp(&q));
            }
            let (p, q) = (
                x.as_f64().unwrap_or(f64::NAN),
                y.as_f64().unwrap_or(f64::NAN),
            );
            Ok(p.partial_cmp(&q).unwrap_or(Ordering::Equal))
        }
        (Value::String(x), Value::String(y)) => Ok(x.cmp(y)),
        _ => Err(format!(
            "'{op}' not supported between instances of '{}' and '{}'",
            python_type(a),
            python_type(b)
        )),
    }
}

fn compare(comparator: &Comparator, left: &Value, right: &Value) -> Eval {
    let (op, accept): (&str, fn(Ordering) -> bool) = match comparator {
        Comparator::Equal => return Ok(Value::Bool(jp_equals(left, right))),
        Comparator::NotEqual => return Ok(Value::Bool(!jp_equals(left, right))),
        Comparator::LessThan => ("<", |o| o == Ordering::Less),
        Comparator::LessThanEqual => ("<=", |o| o != Ordering::Greater),
        Comparator::GreaterThan => (">", |o| o == Ordering::Greater),
        Comparator::GreaterThanEqual => (">=", |o| o != Ordering::Less),
    };
    let comparable = |v: &Value| v.is_number() || v.is_string();
    if !(comparable(left) && comparable(right)) {
        return Ok(Value::Null);
    }
    Ok(Value::Bool(accept(py_order(op, left, right)?)))
}

/// A function argument: a value, or an `&expression`.
enum Arg<'a> {
    Value(Value),
    Expref(&'a Ast),
}

impl Arg<'_> {
    fn value(&self) -> &Value {
        match self {
            Arg::Value(v) => v,
            Arg::Expref(_) => &Value::Null,
        }
    }
}

/// One allowed type of a parameter, as Python jmespath names them.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ty {
    Any,
    Number,
    String,
    Array,
    Object,
    Expref,
    ArrayNumber,
    ArrayString,
}

impl Ty {
    fn name(self) -> &'static str {
        match self {
            Ty::Any => "any",
            Ty::Number => "number",
            Ty::String => "string",
            Ty::Array => "array",
            Ty::Object => "object",
            Ty::Expref => "expref",
            Ty::ArrayNumber => "array-number",
            Ty::ArrayString => "array-string",
        }
    }
}

fn type_list(types: &[Ty]) -> String {
    let names: Vec<String> = types.iter().map(|t| str_repr(t.name())).collect();
    format!("[{}]", names.join(", "))
}

fn arg_display(arg: &Arg) -> String {
    match arg {
        Arg::Value(v) => py_str(v),
        Arg::Expref(_) => "<jmespath.visitor._Expression object>".to_string(),
    }
}

fn type_error(function: &str, shown: &str, actual: &str, expected: &str) -> String {
    format!(
        "In function {function}(), invalid type for value: {shown}, expected one of: {expected}, received: \"{actual}\""
    )
}

/// Python jmespath's `_type_check_single`.
fn check_type(function: &str, arg: &Arg, types: &[Ty]) -> Result<(), String> {
    if types.contains(&Ty::Any) {
        return Ok(());
    }
    let expected = type_list(types);
    let top_ok = match arg {
        Arg::Expref(_) => types.contains(&Ty::Expref),
        Arg::Value(v) => types.iter().any(|t| match t {
            Ty::Number => v.is_number(),
            Ty::String => v.is_string(),
            Ty::Array | Ty::ArrayNumber | Ty::ArrayString => v.is_array(),
            Ty::Object => v.is_object(),
            Ty::Any => true,
            Ty::Expref => false,
        }),
    };
    if !top_ok {
        let actual = match arg {
            Arg::Expref(_) => "expref",
            Arg::Value(v) => jmespath_type(v),
        };
        return Err(type_error(function, &arg_display(arg), actual, &expected));
    }
    let subtypes: Vec<Ty> = types
        .iter()
        .copied()
        .filter(|t| matches!(t, Ty::ArrayNumber | Ty::ArrayString))
        .collect();
    let Arg::Value(Value::Array(items)) = arg else {
        return Ok(());
    };
    let fits = |t: Ty, v: &Value| match t {
        Ty::ArrayNumber => v.is_number(),
        _ => v.is_string(),
    };
    let group = match subtypes.as_slice() {
        [] => return Ok(()),
        [only] => *only,
        _ => {
            let Some(first) = items.first() else {
                return Ok(());
            };
            match subtypes.iter().find(|t| fits(**t, first)) {
                Some(t) => *t,
                None => {
                    return Err(type_error(
                        function,
                        &py_str(first),
                        python_type(first),
                        &expected,
                    ));
                }
            }
        }
    };
    for item in items {
        if !fits(group, item) {
            return Err(type_error(
                function,
                &py_str(item),
                python_type(item),
                &expected,
            ));
        }
    }
    Ok(())
}

fn arity_error(function: &str, expected: usize, actual: usize, variadic: bool) -> String {
    let plural = if expected == 1 {
        "argument"
    } else {
        "arguments"
    };
    let at_least = if variadic { "at least " } else { "" };
    format!("Expected {at_least}{expected} {plural} for function {function}(), received {actual}")
}

fn int_value(i: i64) -> Value {
    Value::Number(Number::from(i))
}

fn float_value(f: f64) -> Value {
    Number::from_f64(f)
        .map(Value::Number)
        .unwrap_or(Value::Null)
}

/// Applies an `&expression` to one element for `sort_by`/`min_by`/`max_by`,
/// checking the key is one of `allowed`.
fn key_of(function: &str, expr: &Ast, item: &Value, allowed: &[&str]) -> Eval {
    let key = eval(expr, item)?;
    let actual = jmespath_type(&key);
    if !allowed.contains(&actual) {
        let names: Vec<String> = allowed.iter().map(|t| str_repr(t)).collect();
        return Err(type_error(
            function,
            &py_str(&key),
            actual,
            &format!("[{}]", names.join(", ")),
        ));
    }
    Ok(key)
}

fn call_function(name: &str, arg_nodes: &[Ast], data: &Value) -> Eval {
    let mut args: Vec<Arg> = Vec::with_capacity(arg_nodes.len());
    for node in arg_nodes {
        args.push(match node {
            Ast::Expref { ast, .. } => Arg::Expref(ast),
            other => Arg::Value(eval(other, data)?),
        });
    }
    use Ty::*;
    let (signature, variadic): (&[&[Ty]], bool) = match name {
        "abs" | "ceil" | "floor" => (&[&[Number]], false),
        "avg" | "sum" => (&[&[ArrayNumber]], false),
        "contains" => (&[&[Array, String], &[Any]], false),
        "ends_with" | "starts_with" => (&[&[String], &[String]], false),
        "join" => (&[&[String], &[ArrayString]], false),
        "keys" | "values" => (&[&[Object]], false),
        "length" => (&[&[String, Array, Object]], false),
        "map" => (&[&[Expref], &[Array]], false),
        "max" | "min" => (&[&[ArrayNumber, ArrayString]], false),
        "max_by" | "min_by" | "sort_by" => (&[&[Array], &[Expref]], false),
        "merge" => (&[&[Object]], true),
        "not_null" => (&[&[Any]], true),
        "reverse" => (&[&[Array, String]], false),
        "sort" => (&[&[ArrayString, ArrayNumber]], false),
        "to_array" | "to_number" | "to_string" | "type" => (&[&[Any]], false),
        _ => return Err(format!("Unknown function: {name}()")),
    };
    if (variadic && args.len() < signature.len()) || (!variadic && args.len() != signature.len()) {
        return Err(arity_error(name, signature.len(), args.len(), variadic));
    }
    for (i, types) in signature.iter().enumerate() {
        check_type(name, &args[i], types)?;
    }
    if variadic {
        for arg in &args[signature.len()..] {
            if let Arg::Expref(_) = arg
                && !signature[signature.len() - 1].contains(&Any)
            {
                check_type(name, arg, signature[signature.len() - 1])?;
            }
        }
    }
    let arg0 = args[0].value();
    Ok(match name {
        "abs" => match arg0.as_i64() {
            Some(i) => int_value(i.abs()),
            None => float_value(arg0.as_f64().unwrap_or(0.0).abs()),
        },
        "ceil" | "floor" => match arg0.as_i64() {
            Some(i) => int_value(i),
            None => {
                let f = arg0.as_f64().unwrap_or(0.0);
                let r = if name == "ceil" { f.ceil() } else { f.floor() };
                if r.abs() < 9.0e15 {
                    int_value(r as i64)
                } else {
                    float_value(r)
                }
            }
        },
        "avg" | "sum" => {
            let items = arg0.as_array().cloned().unwrap_or_default();
            if name == "avg" && items.is_empty() {
                return Ok(Value::Null);
            }
            let all_ints = items.iter().all(|v| v.as_i64().is_some());
            let total = if all_ints {
                int_value(items.iter().filter_map(Value::as_i64).sum())
            } else {
                float_value(
                    items
                        .iter()
                        .filter_map(Value::as_f64)
                        .fold(0.0, |a, b| a + b),
                )
            };
            if name == "avg" {
                float_value(total.as_f64().unwrap_or(0.0) / items.len() as f64)
            } else {
                total
            }
        }
        "contains" => {
            let search = args[1].value();
            match arg0 {
                Value::String(s) => match search {
                    Value::String(needle) => Value::Bool(s.contains(needle.as_str())),
                    other => {
                        return Err(format!(
                            "'in <string>' requires string as left operand, not {}",
                            python_type(other)
                        ));
                    }
                },
                Value::Array(items) => Value::Bool(items.iter().any(|v| py_eq(v, search))),
                _ => Value::Bool(false),
            }
        }
        "ends_with" | "starts_with" => {
            let (s, affix) = (
                arg0.as_str().unwrap_or(""),
                args[1].value().as_str().unwrap_or(""),
            );
            Value::Bool(if name == "ends_with" {
                s.ends_with(affix)
            } else {
                s.starts_with(affix)
            })
        }
        "join" => {
            let sep = arg0.as_str().unwrap_or("");
            let parts: Vec<&str> = args[1]
                .value()
                .as_array()
                .map(|a| a.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            Value::String(parts.join(sep))
        }
        "keys" => Value::Array(
            arg0.as_object()
                .map(|m| m.keys().map(|k| Value::String(k.clone())).collect())
                .unwrap_or_default(),
        ),
        "values" => Value::Array(
            arg0.as_object()
                .map(|m| m.values().cloned().collect())
                .unwrap_or_default(),
        ),
        "length" => int_value(match arg0 {
            Value::String(s) => s.chars().count(),
            Value::Array(a) => a.len(),
            Value::Object(o) => o.len(),
            _ => 0,
        } as i64),
        "map" => {
            let Arg::Expref(expr) = args[0] else {
                return Ok(Value::Null);
            };
            let items = args[1].value().as_array().cloned().unwrap_or_default();
            Value::Array(
                items
                    .iter()
                    .map(|item| eval(expr, item))
                    .collect::<Result<_, _>>()?,
            )
        }
        "max" | "min" => {
            let items = arg0.as_array().cloned().unwrap_or_default();
            let mut best: Option<Value> = None;
            for item in items {
                best = Some(match best {
                    None => item,
                    Some(current) => {
                        let ord = py_order(if name == "max" { ">" } else { "<" }, &item, &current)?;
                        let better = if name == "max" {
                            ord == Ordering::Greater
                        } else {
                            ord == Ordering::Less
                        };
                        if better { item } else { current }
                    }
                });
            }
            best.unwrap_or(Value::Null)
        }
        "max_by" | "min_by" => {
            let Arg::Expref(expr) = args[1] else {
                return Ok(Value::Null);
            };
            let items = arg0.as_array().cloned().unwrap_or_default();
            let mut best: Option<(Value, Value)> = None;
            for item in items {
                let key = key_of(name, expr, &item, &["number", "string"])?;
                best = Some(match best {
                    None => (key, item),
                    Some((best_key, best_item)) => {
                        let ord =
                            py_order(if name == "max_by" { ">" } else { "<" }, &key, &best_key)?;
                        let better = if name == "max_by" {
                            ord == Ordering::Greater
                        } else {
                            ord == Ordering::Less
                        };
                        if better {
                            (key, item)
                        } else {
                            (best_key, best_item)
                        }
                    }
                });
            }
            best.map(|(_, item)| item).unwrap_or(Value::Null)
        }
        "sort_by" => {
            let Arg::Expref(expr) = args[1] else {
                return Ok(Value::Null);
            };
            let items = arg0.as_array().cloned().unwrap_or_default();
            if items.is_empty() {
                return Ok(Value::Array(items));
            }
            let first_key = eval(expr, &items[0])?;
            let required = jmespath_type(&first_key);
            if required != "number" && required != "string" {
                return Err(type_error(
                    "sort_by",
                    &py_str(&items[0]),
                    required,
                    "['string', 'number']",
                ));
            }
            let mut keyed = Vec::with_capacity(items.len());
            for item in items {
                keyed.push((key_of("sort_by", expr, &item, &[required])?, item));
            }
            keyed.sort_by(|a, b| py_order("<", &a.0, &b.0).unwrap_or(Ordering::Equal));
            Value::Array(keyed.into_iter().map(|(_, item)| item).collect())
        }
        "sort" => {
            let mut items = arg0.as_array().cloned().unwrap_or_default();
            items.sort_by(|a, b| py_order("<", a, b).unwrap_or(Ordering::Equal));
            Value::Array(items)
        }
        "merge" => {
            let mut merged = Map::new();
            for arg in &args {
                if let Value::Object(map) = arg.value() {
                    for (k, v) in map {
                        merged.insert(k.clone(), v.clone());
                    }
                }
            }
            Value::Object(merged)
        }
        "not_null" => args
            .iter()
            .map(Arg::value)
            .find(|v| !v.is_null())
            .cloned()
            .unwrap_or(Value::Null),
        "reverse" => match arg0 {
            Value::String(s) => Value::String(s.chars().rev().collect()),
            Value::Array(a) => Value::Array(a.iter().rev().cloned().collect()),
            _ => Value::Null,
        },
        "to_array" => match arg0 {
            Value::Array(_) => arg0.clone(),
            other => Value::Array(vec![other.clone()]),
        },
        "to_number" => match arg0 {
            Value::Number(_) => arg0.clone(),
            Value::String(s) => parse_python_number(s),
            _ => Value::Null,
        },
        "to_string" => match arg0 {
            Value::String(_) => arg0.clone(),
            other => Value::String(json_dumps(other, JsonStyle::COMPACT)),
        },
        "type" => Value::String(match &args[0] {
            Arg::Expref(_) => "expref".to_string(),
            Arg::Value(v) => jmespath_type(v).to_string(),
        }),
        _ => return Err(format!("Unknown function: {name}()")),
    })
}

/// `int(s)`, else `float(s)`, else null, as `to_number()` does in Python.
fn parse_python_number(s: &str) -> Value {
    let t = s.trim();
    let digits_ok = |d: &str| {
        !d.is_empty()
            && !d.starts_with('_')
            && !d.ends_with('_')
            && !d.contains("__")
            && d.chars().all(|c| c.is_ascii_digit() || c == '_')
    };
    let unsigned = t.strip_prefix(['+', '-']).unwrap_or(t);
    if digits_ok(unsigned) {
        let cleaned: String = t.chars().filter(|&c| c != '_').collect();
        if let Ok(i) = cleaned.parse::<i64>() {
            return int_value(i);
        }
        if let Ok(u) = cleaned.parse::<u64>() {
            return Value::Number(Number::from(u));
        }
        return cleaned
            .parse::<f64>()
            .map(float_value)
            .unwrap_or(Value::Null);
    }
    // float(): digits, optional fraction, optional exponent (underscores
    // only between digits). inf/nan have no JSON spelling, so they give null.
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(i) => (&unsigned[..i], Some(&unsigned[i + 1..])),
        None => (unsigned, None),
    };
    let (int_part, frac_part) = match mantissa.split_once('.') {
        Some((a, b)) => (a, Some(b)),
        None => (mantissa, None),
    };
    let int_ok = int_part.is_empty() || digits_ok(int_part);
    let frac_ok = frac_part.is_none_or(|f| f.is_empty() || digits_ok(f));
    let has_digits = !int_part.is_empty() || frac_part.is_some_and(|f| !f.is_empty());
    let exp_ok = exponent.is_none_or(|e| digits_ok(e.strip_prefix(['+', '-']).unwrap_or(e)));
    if int_ok && frac_ok && has_digits && exp_ok {
        let cleaned: String = t.chars().filter(|&c| c != '_').collect();
        return cleaned
            .parse::<f64>()
            .map(float_value)
            .unwrap_or(Value::Null);
    }
    Value::Null
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn q(expr: &str, data: &Value) -> Value {
        Query::compile(expr).unwrap().search(data).unwrap()
    }

    #[test]
    fn keeps_document_and_expression_order() {
        let data = json!({"Z": 1, "A": {"y": 1, "b": 2}});
        assert_eq!(
            serde_json::to_string(&q("@", &data)).unwrap(),
            r#"{"Z":1,"A":{"y":1,"b":2}}"#
        );
        assert_eq!(
            serde_json::to_string(&q("{z: Z, a: A}", &data)).unwrap(),
            r#"{"z":1,"a":{"y":1,"b":2}}"#
        );
        assert_eq!(q("keys(A)", &data), json!(["y", "b"]));
        assert_eq!(q("A.*", &data), json!([1, 2]));
    }

    #[test]
    fn python_semantics() {
        let data = json!({"a": [3, 1, 2], "s": "abc", "n": 0, "t": true});
        assert_eq!(q("a[-1]", &data), json!(2));
        assert_eq!(q("a[::-1]", &data), json!([2, 1, 3]));
        assert_eq!(q("a[1:]", &data), json!([1, 2]));
        assert_eq!(q("sort(a)", &data), json!([1, 2, 3]));
        assert_eq!(q("length(s)", &data), json!(3));
        assert_eq!(q("!n", &data), json!(false));
        assert_eq!(q("n == `false`", &data), json!(false));
        assert_eq!(q("s < 'b'", &data), json!(true));
        assert_eq!(q("avg(a)", &data), json!(2.0));
        assert_eq!(q("to_number('1_0')", &data), json!(10));
        assert_eq!(q("to_number(' 2.5 ')", &data), json!(2.5));
        assert_eq!(q("to_string(a)", &data), json!("[3,1,2]"));
        assert_eq!(q("missing.deeper", &data), json!(null));
        assert_eq!(q("a[?@ > `1`]", &data), json!([3, 2]));
    }

    /// Every form that makes the crate recurse, `n` levels deep.
    fn forms(n: usize) -> Vec<String> {
        let r = |s: &str| s.repeat(n);
        vec![
            format!("{}a{}", r("["), r("]")),
            format!("{}a{}", r("abs("), r(")")),
            format!("{}a{}", r("("), r(")")),
            format!("{}{}", r("{a: "), r("}")),
            format!("a{}", r("|a")),
            format!("a{}", r(".a")),
            format!("a{}", r("[0]")),
            format!("a{}", r("[*]")),
            format!("a{}", r("[]")),
            format!("a{}", r(".*")),
            format!("a{}", r("||a")),
            format!("a{}", r("&&a")),
            format!("a{}", r("==a")),
            format!("{}a", r("!")),
            format!("map({}a, @)", r("& ")),
            format!("{}a{}", r("a[?"), r("]")),
            format!("{}@{}", r("[@, "), r("]")),
            format!("a{}", r("[1:2]")),
        ]
    }

    #[test]
    fn nesting_is_bounded_and_never_overflows() {
        let data = json!({"a": [1, {"a": 2}]});
        for n in 1..=MAX_DEPTH {
            for expr in forms(n) {
                match Query::compile(&expr) {
                    Ok(q) => {
                        let _ = q.search(&data);
                    }
                    Err(e) => assert!(!e.0.is_empty(), "{expr}"),
                }
            }
        }
        for n in [MAX_DEPTH + 1, 1000, 20_000] {
            for expr in forms(n) {
                let e = Query::compile(&expr).unwrap_err();
                assert!(e.0.contains("nested deeper than 64 levels"), "{n}: {}", e.0);
            }
        }
        // Depth is per element: many shallow elements are fine.
        let wide = format!("[{}]", vec!["a.b.c"; 500].join(", "));
        assert!(Query::compile(&wide).is_ok());
        // Quoted text is not structure.
        assert!(Query::compile(&format!("'{}'", "[".repeat(500))).is_ok());
        assert!(Query::compile(&format!("\"{}\"", "(".repeat(500))).is_ok());
        // A deep JSON literal is refused by serde_json inside the crate.
        let deep_literal = format!("`{}1{}`", "[".repeat(200), "]".repeat(200));
        assert!(Query::compile(&deep_literal).is_err());
    }

    #[test]
    fn errors_read_like_python() {
        let data = json!({"a": 1});
        let err = Query::compile("length(a)")
            .unwrap()
            .search(&data)
            .unwrap_err();
        assert_eq!(
            err.0,
            "In function length(), invalid type for value: 1, expected one of: ['string', 'array', 'object'], received: \"number\""
        );
        let err = Query::compile("nope(a)")
            .unwrap()
            .search(&data)
            .unwrap_err();
        assert_eq!(err.0, "Unknown function: nope()");
        let err = Query::compile("length(a, a)")
            .unwrap()
            .search(&data)
            .unwrap_err();
        assert_eq!(
            err.0,
            "Expected 1 argument for function length(), received 2"
        );
        let err = Query::compile("Items[").unwrap_err();
        assert_eq!(
            err.0,
            "Invalid jmespath expression: Incomplete expression:\n\"Items[\"\n       ^"
        );
    }
}
