//! JSON and YAML documents given as parameters (`--cli-input-json`,
//! `--cli-input-yaml`, a JSON flag value, a `file://` value), read into a
//! `serde_json::Value` with two bounds the parsers alone do not give:
//!
//! - nesting: lists and objects may nest at most [`MAX_DEPTH`] levels
//!   (serde_json stops at 127 and serde_norway at 128 with a terse
//!   "recursion limit exceeded"; this says the limit, and is lower);
//! - YAML aliases: a document may expand to at most [`MAX_VALUES`] values
//!   and [`MAX_TEXT`] bytes of text, counting every copy an alias makes, so
//!   a "billion laughs" document is refused instead of filling memory.
//!
//! Key order is kept, and duplicate keys keep the last value, as
//! `serde_json::from_str::<Value>` does.

use std::cell::Cell;
use std::fmt;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

/// How deep lists and objects may nest in a JSON or YAML document.
pub const MAX_DEPTH: usize = 64;

/// How many values (keys included) a YAML document may expand to.
pub const MAX_VALUES: usize = 1_000_000;

/// How many bytes of text (keys and strings) a YAML document may expand to.
pub const MAX_TEXT: usize = 16 * 1024 * 1024;

/// Parses a JSON document; the error is serde_json's, or the depth limit,
/// with the line and column.
pub fn parse_json(text: &str) -> Result<Value, String> {
    let budget = Budget::unbounded();
    let mut de = serde_json::Deserializer::from_str(text);
    let value = Node::root(&budget)
        .deserialize(&mut de)
        .map_err(|e| e.to_string())?;
    de.end().map_err(|e| e.to_string())?;
    Ok(value)
}

/// Parses a YAML document (one); the error is serde_norway's, or one of
/// the limits.
pub fn parse_yaml(text: &str) -> Result<Value, String> {
    let budget = Budget::for_yaml();
    Node::root(&budget)
        .deserialize(serde_norway::Deserializer::from_str(text))
        .map_err(|e| {
            let message = e.to_string();
            // serde_norway's own guard against aliases (more alias jumps
            // than a hundred per event) can come first; say it as ours.
            if message.starts_with("repetition limit exceeded") {
                expansion_message()
            } else {
                message
            }
        })
}

fn expansion_message() -> String {
    format!(
        "the document expands to more than {MAX_VALUES} values or {} MiB of text \
         (YAML aliases count once for every copy they make)",
        MAX_TEXT / (1024 * 1024)
    )
}

/// What is left of the values and text a document may expand to.
struct Budget {
    values: Cell<usize>,
    text: Cell<usize>,
}

impl Budget {
    fn unbounded() -> Budget {
        Budget {
            values: Cell::new(usize::MAX),
            text: Cell::new(usize::MAX),
        }
    }

    fn for_yaml() -> Budget {
        Budget {
            values: Cell::new(MAX_VALUES),
            text: Cell::new(MAX_TEXT),
        }
    }

    /// Takes one value holding `text` bytes of text.
    fn take<E: de::Error>(&self, text: usize) -> Result<(), E> {
        match (
            self.values.get().checked_sub(1),
            self.text.get().checked_sub(text),
        ) {
            (Some(v), Some(t)) => {
                self.values.set(v);
                self.text.set(t);
                Ok(())
            }
            _ => Err(E::custom(expansion_message())),
        }
    }
}

/// One value of the document, `depth` lists or objects down.
#[derive(Clone, Copy)]
struct Node<'b> {
    depth: usize,
    budget: &'b Budget,
}

impl<'b> Node<'b> {
    fn root(budget: &'b Budget) -> Node<'b> {
        Node { depth: 0, budget }
    }

    /// The node for a list's or object's members, within [`MAX_DEPTH`].
    fn inside<E: de::Error>(self) -> Result<Node<'b>, E> {
        if self.depth >= MAX_DEPTH {
            return Err(E::custom(format_args!(
                "lists and objects are nested deeper than {MAX_DEPTH} levels"
            )));
        }
        Ok(Node {
            depth: self.depth + 1,
            budget: self.budget,
        })
    }
}

impl<'de> DeserializeSeed<'de> for Node<'_> {
    type Value = Value;

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

/// A map key, counted as a value with its text.
struct Key<'b>(&'b Budget);

impl<'de> DeserializeSeed<'de> for Key<'_> {
    type Value = String;

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<String, D::Error> {
        let key = String::deserialize(d)?;
        self.0.take(key.len())?;
        Ok(key)
    }
}

use serde::Deserialize;

impl<'de> Visitor<'de> for Node<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any valid JSON value")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
        self.budget.take(0)?;
        Ok(Value::Bool(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        self.budget.take(0)?;
        Ok(Value::Number(v.into()))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        self.budget.take(0)?;
        Ok(Value::Number(v.into()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        self.budget.take(0)?;
        Ok(Number::from_f64(v).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        self.budget.take(v.len())?;
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
        self.budget.take(v.len())?;
        Ok(Value::String(v))
    }

    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        self.budget.take(0)?;
        Ok(Value::Null)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        self.budget.take(0)?;
        Ok(Value::Null)
    }

    fn visit_some<D: de::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        self.deserialize(d)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        self.budget.take(0)?;
        let inner = self.inside()?;
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(inner)? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        self.budget.take(0)?;
        let inner = self.inside()?;
        let mut object = Map::new();
        while let Some(key) = map.next_key_seed(Key(self.budget))? {
            let value = map.next_value_seed(inner)?;
            object.insert(key, value);
        }
        Ok(Value::Object(object))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nested(depth: usize) -> String {
        format!("{}{}", "[".repeat(depth), "]".repeat(depth))
    }

    #[test]
    fn same_values_as_serde_json() {
        let text = r#"{"b": [1, -2, 2.5, true, null, "x"], "a": {"c": {}}, "b": 3}"#;
        let ours = parse_json(text).unwrap();
        let theirs: Value = serde_json::from_str(text).unwrap();
        assert_eq!(ours, theirs);
        assert_eq!(
            serde_json::to_string(&ours).unwrap(),
            serde_json::to_string(&theirs).unwrap()
        );
        assert!(
            parse_json("[1] x")
                .unwrap_err()
                .contains("trailing characters")
        );
        let yaml = "b: [1, x]\na: {c: null}\n";
        assert_eq!(
            parse_yaml(yaml).unwrap(),
            serde_norway::from_str::<Value>(yaml).unwrap()
        );
    }

    #[test]
    fn depth_is_bounded() {
        for depth in 1..=MAX_DEPTH {
            parse_json(&nested(depth)).unwrap();
            parse_yaml(&nested(depth)).unwrap();
        }
        for depth in [MAX_DEPTH + 1, 200, 20_000] {
            let e = parse_json(&nested(depth)).unwrap_err();
            assert!(e.contains("nested deeper than 64 levels"), "{e}");
            let e = parse_yaml(&nested(depth)).unwrap_err();
            assert!(e.contains("nested deeper than 64 levels"), "{e}");
        }
        let block: String = (0..100)
            .map(|i| format!("{}- \n", "  ".repeat(i)))
            .collect();
        let e = parse_yaml(&block).unwrap_err();
        assert!(e.contains("nested deeper than 64 levels"), "{e}");
    }

    #[test]
    fn alias_bombs_are_bounded() {
        let mut bomb = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..10 {
            let j = i - 1;
            bomb.push_str(&format!(
                "a{i}: &a{i} [*a{j}, *a{j}, *a{j}, *a{j}, *a{j}, *a{j}, *a{j}, *a{j}, *a{j}, *a{j}]\n"
            ));
        }
        let e = parse_yaml(&bomb).unwrap_err();
        assert!(e.contains("expands to more than"), "{e}");
        let text = format!(
            "s: &s {}\nl: [{}]\n",
            "y".repeat(1 << 20),
            "*s, ".repeat(40)
        );
        let e = parse_yaml(&text).unwrap_err();
        assert!(e.contains("expands to more than"), "{e}");
        // A few aliases are fine.
        let v = parse_yaml("a: &a {k: v}\nb: *a\n").unwrap();
        assert_eq!(v["b"]["k"], "v");
    }
}
