//! Reading: the document as it comes, straight into the target type.

use super::{R, Unsupported, is_bare, is_control, plain_run};
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use std::borrow::Cow;

/// Reads `text` as a `T` when it is in the subset and `T` accepts it; `None`
/// means "ask the `toml` crate".
///
/// The document is read as it comes, section after section, straight into
/// `T`: a table ends at the first header outside it. So the sections of one
/// table must follow each other (as the writer puts them); a table that comes
/// back after another one shows up as a key defined twice, and is left to
/// `toml`.
pub fn from_str<'a, T: de::Deserialize<'a>>(text: &'a str) -> Option<T> {
    from_str_part(text).map(|(value, _)| value)
}

/// The shape of a document read by [`from_str_part`], for a caller that
/// reads a long document in parts and joins the values.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Outline<'a> {
    /// The keys of the top table, in order (the first key of every header
    /// and the keys of the lines before the first header).
    pub top_keys: Vec<Cow<'a, str>>,
    /// The keys of the first header; empty when there is none.
    pub first_header: Vec<Cow<'a, str>>,
    /// The keys of the last header; empty when there is none.
    pub last_header: Vec<Cow<'a, str>>,
}

impl Outline<'_> {
    /// The same outline, owning its keys.
    pub fn into_owned(self) -> Outline<'static> {
        let own = |keys: Vec<Cow<'_, str>>| -> Vec<Cow<'static, str>> {
            keys.into_iter()
                .map(|k| Cow::Owned(k.into_owned()))
                .collect()
        };
        Outline {
            top_keys: own(self.top_keys),
            first_header: own(self.first_header),
            last_header: own(self.last_header),
        }
    }
}

/// As [`from_str`], with the outline of the document.
pub fn from_str_part<'a, T: de::Deserialize<'a>>(text: &'a str) -> Option<(T, Outline<'a>)> {
    let mut doc = Doc {
        p: Parser {
            text,
            bytes: text.as_bytes(),
            pos: 0,
        },
        header: Vec::new(),
        spare: Vec::new(),
        shared: 0,
        at: At::Lines,
        keys: Vec::new(),
        outline: Outline::default(),
    };
    let value = T::deserialize(TableDe {
        doc: &mut doc,
        depth: 0,
        own: true,
    })
    .ok()?;
    if doc.at != At::End {
        return None;
    }
    let mut outline = doc.outline;
    outline.last_header = doc.header;
    Some((value, outline))
}

/// A value on the right of `=`. Strings borrow from the text unless they had escapes.
#[derive(Debug)]
enum Value<'a> {
    Str(Cow<'a, str>),
    Int(i64),
    Float(f64),
    Bool(bool),
    Array(Vec<Value<'a>>),
    Table(Vec<Entry<'a>>),
}

type Entry<'a> = (Cow<'a, str>, Value<'a>);

/// Deeper nesting of arrays, inline tables and header keys than this is
/// left to `toml` (which refuses past [`super::TOML_MAX_DEPTH`]).
const MAX_DEPTH: usize = 64;

/// The reading position in a document.
struct Doc<'a> {
    p: Parser<'a>,
    /// The keys of the last header read.
    header: Vec<Cow<'a, str>>,
    /// The keys of the header before (a buffer to reuse).
    spare: Vec<Cow<'a, str>>,
    /// How deep the tables being read hold `header`: when it is read, the
    /// number of leading keys it shares with the header before (every table
    /// being read holds that one); then one more for each sub-table entered.
    shared: usize,
    at: At,
    /// The keys of the tables being read, each table's after its parent's
    /// (a table takes its own off when it ends), to refuse a key defined twice.
    keys: Vec<Cow<'a, str>>,
    outline: Outline<'a>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum At {
    /// In the `key = value` lines of a table (the top one at the start).
    Lines,
    /// Just after `header`, whose table has not been reached yet.
    Header,
    End,
}

enum Line<'a> {
    /// A `key = ` was read; the value is next.
    Key(Cow<'a, str>),
    /// A header or the end was reached (see `Doc::at`).
    Over,
}

impl<'a> Doc<'a> {
    /// Reads up to the next `key =`, header or the end.
    fn line(&mut self) -> R<Line<'a>> {
        let p = &mut self.p;
        // The usual line, `Bare = `, in one go.
        let start = p.pos;
        let end = start + p.bytes[start..].iter().take_while(|&&b| is_bare(b)).count();
        if end > start && p.bytes[end..].starts_with(b" = ") {
            p.pos = end + 3;
            return Ok(Line::Key(Cow::Borrowed(&p.text[start..end])));
        }
        loop {
            p.skip_ws();
            match p.peek() {
                None => {
                    self.at = At::End;
                    return Ok(Line::Over);
                }
                Some(b'\n') => p.pos += 1,
                Some(b'\r') => p.crlf()?,
                Some(b'#') => p.comment()?,
                Some(b'[') => {
                    p.pos += 1;
                    if p.peek() == Some(b'[') {
                        return Err(Unsupported); // [[array of tables]]
                    }
                    std::mem::swap(&mut self.header, &mut self.spare);
                    self.header.clear();
                    p.header_keys(&mut self.header)?;
                    p.line_end()?;
                    if self.spare.is_empty() && self.outline.first_header.is_empty() {
                        self.outline.first_header = self.header.clone();
                    }
                    self.shared = self
                        .header
                        .iter()
                        .zip(&self.spare)
                        .take_while(|(a, b)| a == b)
                        .count();
                    self.at = At::Header;
                    return Ok(Line::Over);
                }
                Some(_) => {
                    let key = p.key()?;
                    p.skip_ws();
                    p.expect(b'=')?; // a dotted key ends up here too
                    p.skip_ws();
                    return Ok(Line::Key(key));
                }
            }
        }
    }
}

/// The table at `depth` in `doc.path` (the document itself at depth 0).
struct TableDe<'d, 'a> {
    doc: &'d mut Doc<'a>,
    depth: usize,
    /// Whether the lines under the current position are this table's.
    own: bool,
}

impl<'de> de::Deserializer<'de> for TableDe<'_, 'de> {
    type Error = Unsupported;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> R<V::Value> {
        let first_key = self.doc.keys.len();
        let mut map = TableMap {
            doc: self.doc,
            depth: self.depth,
            own: self.own,
            next: Next::Key,
            first_key,
            ordered: true,
        };
        let out = visitor.visit_map(&mut map)?;
        // A visitor that stopped early would leave the rest unread.
        if map.next == Next::Done {
            Ok(out)
        } else {
            Err(Unsupported)
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> R<V::Value> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> R<V::Value> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        _visitor: V,
    ) -> R<V::Value> {
        Err(Unsupported)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct seq tuple tuple_struct map struct
        identifier ignored_any
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Next {
    Key,
    /// The value of a `key = value` line.
    LineValue,
    /// The sub-table named by `doc.header[depth]`.
    SubTable,
    Done,
}

struct TableMap<'d, 'a> {
    doc: &'d mut Doc<'a>,
    depth: usize,
    own: bool,
    next: Next,
    /// Where this table's keys start in `doc.keys`.
    first_key: usize,
    /// Whether they came in strictly increasing order (so no two are the same).
    ordered: bool,
}

impl<'a> TableMap<'_, 'a> {
    fn add_key(&mut self, key: Cow<'a, str>) {
        let keys = &mut self.doc.keys;
        if self.ordered && keys.len() > self.first_key {
            self.ordered = keys[keys.len() - 1] < key;
        }
        keys.push(key);
    }

    /// At the end of the table: refuses a key defined twice, and takes the
    /// table's keys off the stack.
    fn end(&mut self) -> R<()> {
        let keys = &mut self.doc.keys[self.first_key..];
        if !self.ordered {
            keys.sort_unstable();
            if keys.windows(2).any(|w| w[0] == w[1]) {
                return Err(Unsupported);
            }
        }
        if self.depth == 0 {
            self.doc.outline.top_keys = self.doc.keys.split_off(self.first_key);
        }
        self.doc.keys.truncate(self.first_key);
        self.next = Next::Done;
        Ok(())
    }
}

impl<'de> MapAccess<'de> for TableMap<'_, 'de> {
    type Error = Unsupported;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> R<Option<K::Value>> {
        if self.next != Next::Key {
            return Err(Unsupported);
        }
        if self.own {
            match self.doc.line()? {
                Line::Key(key) => {
                    self.add_key(key.clone());
                    self.next = Next::LineValue;
                    return seed.deserialize(Value::Str(key)).map(Some);
                }
                Line::Over => self.own = false,
            }
        }
        let d = self.depth;
        let doc = &*self.doc;
        if doc.at == At::Header && doc.shared >= d {
            if doc.header.len() == d {
                // This table's header again, or after its sub-tables: left to `toml`.
                return Err(Unsupported);
            }
            let key = doc.header[d].clone();
            self.add_key(key.clone());
            self.next = Next::SubTable;
            return seed.deserialize(Value::Str(key)).map(Some);
        }
        self.end()?;
        Ok(None)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> R<V::Value> {
        match std::mem::replace(&mut self.next, Next::Key) {
            Next::LineValue => {
                let value = self.doc.p.value(0)?;
                if let Value::Array(_) | Value::Table(_) = value {
                    unique_in(&value)?;
                }
                self.doc.p.line_end()?;
                seed.deserialize(value)
            }
            Next::SubTable => {
                let d = self.depth;
                let doc = &mut *self.doc;
                let own = doc.header.len() == d + 1;
                // The sub-table holds the current header by construction.
                doc.shared = d + 1;
                if own {
                    doc.at = At::Lines;
                }
                seed.deserialize(TableDe {
                    doc,
                    depth: d + 1,
                    own,
                })
            }
            _ => Err(Unsupported),
        }
    }
}

/// Refuses an inline table that holds a key twice, at any depth.
fn unique_in(v: &Value<'_>) -> R<()> {
    match v {
        Value::Table(e) => {
            for (i, (k, v)) in e.iter().enumerate() {
                if e[i + 1..].iter().any(|(k2, _)| k2 == k) {
                    return Err(Unsupported);
                }
                unique_in(v)?;
            }
            Ok(())
        }
        Value::Array(items) => items.iter().try_for_each(unique_in),
        _ => Ok(()),
    }
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn expect(&mut self, b: u8) -> R<()> {
        if self.peek() == Some(b) {
            self.pos += 1;
            Ok(())
        } else {
            Err(Unsupported)
        }
    }

    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t') = self.peek() {
            self.pos += 1;
        }
    }

    fn crlf(&mut self) -> R<()> {
        if self.bytes[self.pos..].starts_with(b"\r\n") {
            self.pos += 2;
            Ok(())
        } else {
            Err(Unsupported)
        }
    }

    /// From `#` to the end of the line (the line break is left).
    fn comment(&mut self) -> R<()> {
        self.pos += 1;
        while let Some(b) = self.peek() {
            match b {
                b'\n' => break,
                b'\r' if self.bytes.get(self.pos + 1) == Some(&b'\n') => break,
                b if is_control(b) => return Err(Unsupported),
                _ => self.pos += 1,
            }
        }
        Ok(())
    }

    /// Spaces, an optional comment, then a line break or the end.
    fn line_end(&mut self) -> R<()> {
        if self.peek() == Some(b'\n') {
            self.pos += 1;
            return Ok(());
        }
        self.skip_ws();
        if self.peek() == Some(b'#') {
            self.comment()?;
        }
        match self.peek() {
            None => Ok(()),
            Some(b'\n') => {
                self.pos += 1;
                Ok(())
            }
            Some(b'\r') => self.crlf(),
            Some(_) => Err(Unsupported),
        }
    }

    /// Spaces, line breaks and comments, as inside an array.
    fn skip_blank(&mut self) -> R<()> {
        loop {
            self.skip_ws();
            match self.peek() {
                Some(b'\n') => self.pos += 1,
                Some(b'\r') => self.crlf()?,
                Some(b'#') => self.comment()?,
                _ => return Ok(()),
            }
        }
    }

    /// The keys of a header, after its `[`, through its `]`; at most
    /// [`MAX_DEPTH`] of them (each is a table level, read recursively).
    fn header_keys(&mut self, keys: &mut Vec<Cow<'a, str>>) -> R<()> {
        loop {
            self.skip_ws();
            if keys.len() >= MAX_DEPTH {
                return Err(Unsupported);
            }
            keys.push(self.key()?);
            self.skip_ws();
            match self.peek() {
                Some(b'.') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(());
                }
                _ => return Err(Unsupported),
            }
        }
    }

    /// One simple key: bare, basic-quoted or literal.
    fn key(&mut self) -> R<Cow<'a, str>> {
        match self.peek() {
            Some(b'"') => self.basic_string(),
            Some(b'\'') => self.literal_string(),
            _ => {
                let start = self.pos;
                self.pos += self.bytes[start..]
                    .iter()
                    .position(|&b| !is_bare(b))
                    .unwrap_or(self.bytes.len() - start);
                if self.pos == start {
                    return Err(Unsupported);
                }
                Ok(Cow::Borrowed(&self.text[start..self.pos]))
            }
        }
    }

    fn value(&mut self, depth: usize) -> R<Value<'a>> {
        if depth > MAX_DEPTH {
            return Err(Unsupported);
        }
        let rest = &self.bytes[self.pos..];
        match rest.first() {
            Some(b'"') if rest.starts_with(b"\"\"\"") => self.multi_line_string().map(Value::Str),
            Some(b'"') => self.basic_string().map(Value::Str),
            Some(b'\'') if rest.starts_with(b"'''") => Err(Unsupported),
            Some(b'\'') => self.literal_string().map(Value::Str),
            Some(b't') if rest.starts_with(b"true") => {
                self.pos += 4;
                Ok(Value::Bool(true))
            }
            Some(b'f') if rest.starts_with(b"false") => {
                self.pos += 5;
                Ok(Value::Bool(false))
            }
            Some(b'[') => self.array(depth),
            Some(b'{') => self.inline_table(depth),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => Err(Unsupported),
        }
        // What follows a value (a line end, `,`, `]` or `}`) is checked by the caller.
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`; no `+`, `_`, bases,
    /// `inf` or `nan`.
    fn number(&mut self) -> R<Value<'a>> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => self.digits(),
            _ => return Err(Unsupported),
        }
        let mut float = false;
        if self.peek() == Some(b'.') {
            self.pos += 1;
            self.some_digits()?;
            float = true;
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            self.some_digits()?;
            float = true;
        }
        let s = &self.text[start..self.pos];
        if float {
            match s.parse::<f64>() {
                // Out of range both ways (inf, or 0 from nonzero digits) is left to `toml`.
                Ok(f) if f.is_finite() && (f != 0.0 || !has_nonzero_mantissa(s)) => {
                    Ok(Value::Float(f))
                }
                _ => Err(Unsupported),
            }
        } else {
            s.parse::<i64>().map(Value::Int).map_err(|_| Unsupported)
        }
    }

    fn digits(&mut self) {
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.pos += 1;
        }
    }

    fn some_digits(&mut self) -> R<()> {
        let start = self.pos;
        self.digits();
        if self.pos == start {
            Err(Unsupported)
        } else {
            Ok(())
        }
    }

    fn array(&mut self, depth: usize) -> R<Value<'a>> {
        self.pos += 1;
        let mut items = Vec::new();
        loop {
            self.skip_blank()?;
            if self.peek() == Some(b']') {
                self.pos += 1;
                return Ok(Value::Array(items));
            }
            items.push(self.value(depth + 1)?);
            self.skip_blank()?;
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Value::Array(items));
                }
                _ => return Err(Unsupported),
            }
        }
    }

    /// `{}` or `{ k = v, ... }` on one line (TOML 1.0: no trailing comma).
    fn inline_table(&mut self, depth: usize) -> R<Value<'a>> {
        self.pos += 1;
        let mut entries = Vec::new();
        self.skip_ws();
        if self.peek() != Some(b'}') {
            loop {
                self.skip_ws();
                let key = self.key()?;
                self.skip_ws();
                self.expect(b'=')?;
                self.skip_ws();
                entries.push((key, self.value(depth + 1)?));
                self.skip_ws();
                match self.peek() {
                    Some(b',') => self.pos += 1,
                    Some(b'}') => break,
                    _ => return Err(Unsupported),
                }
            }
        }
        self.pos += 1; // the `}`
        Ok(Value::Table(entries))
    }

    /// `'...'`: no escapes, no line breaks.
    fn literal_string(&mut self) -> R<Cow<'a, str>> {
        self.pos += 1;
        let start = self.pos;
        loop {
            match self.peek() {
                Some(b'\'') => {
                    let s = &self.text[start..self.pos];
                    self.pos += 1;
                    return Ok(Cow::Borrowed(s));
                }
                Some(b) if !is_control(b) => self.pos += 1,
                _ => return Err(Unsupported),
            }
        }
    }

    /// `"..."` with the TOML 1.0 escapes.
    fn basic_string(&mut self) -> R<Cow<'a, str>> {
        self.pos += 1;
        let mut seg = self.pos;
        let mut owned: Option<String> = None;
        loop {
            self.pos = plain_run(self.bytes, self.pos);
            match self.peek() {
                Some(b'"') => {
                    let tail = &self.text[seg..self.pos];
                    self.pos += 1;
                    return Ok(finish(owned, tail));
                }
                Some(b'\\') => {
                    let s = owned.get_or_insert_with(String::new);
                    s.push_str(&self.text[seg..self.pos]);
                    self.escape(s)?;
                    seg = self.pos;
                }
                Some(b) if !is_control(b) => self.pos += 1,
                _ => return Err(Unsupported),
            }
        }
    }

    /// `"""..."""`: line breaks (LF) kept, the one right after the opening
    /// quotes dropped; a line-ending backslash is left to `toml`.
    fn multi_line_string(&mut self) -> R<Cow<'a, str>> {
        self.pos += 3;
        if self.peek() == Some(b'\n') {
            self.pos += 1;
        }
        let mut seg = self.pos;
        let mut owned: Option<String> = None;
        loop {
            match self.peek() {
                Some(b'"') => {
                    let run = self.bytes[self.pos..]
                        .iter()
                        .take_while(|&&b| b == b'"')
                        .count();
                    if run < 3 {
                        self.pos += run;
                        continue;
                    }
                    if run > 5 {
                        return Err(Unsupported);
                    }
                    // Up to two quotes may end the text, right before the closing three.
                    let end = self.pos + run - 3;
                    let tail = &self.text[seg..end];
                    self.pos += run;
                    return Ok(finish(owned, tail));
                }
                Some(b'\\') => {
                    let s = owned.get_or_insert_with(String::new);
                    s.push_str(&self.text[seg..self.pos]);
                    self.escape(s)?;
                    seg = self.pos;
                }
                Some(b'\n') => self.pos += 1,
                Some(b) if !is_control(b) => self.pos += 1,
                _ => return Err(Unsupported),
            }
        }
    }

    /// At a backslash: appends the escaped character.
    fn escape(&mut self, out: &mut String) -> R<()> {
        let c = match self.bytes.get(self.pos + 1) {
            Some(b'b') => '\u{8}',
            Some(b't') => '\t',
            Some(b'n') => '\n',
            Some(b'f') => '\u{c}',
            Some(b'r') => '\r',
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'u') => return self.unicode(out, 4),
            Some(b'U') => return self.unicode(out, 8),
            _ => return Err(Unsupported),
        };
        out.push(c);
        self.pos += 2;
        Ok(())
    }

    fn unicode(&mut self, out: &mut String, len: usize) -> R<()> {
        let start = self.pos + 2;
        let hex = self.bytes.get(start..start + len).ok_or(Unsupported)?;
        if !hex.iter().all(u8::is_ascii_hexdigit) {
            return Err(Unsupported);
        }
        let code =
            u32::from_str_radix(&self.text[start..start + len], 16).map_err(|_| Unsupported)?;
        out.push(char::from_u32(code).ok_or(Unsupported)?);
        self.pos = start + len;
        Ok(())
    }
}

fn finish<'a>(owned: Option<String>, tail: &'a str) -> Cow<'a, str> {
    match owned {
        Some(mut s) => {
            s.push_str(tail);
            Cow::Owned(s)
        }
        None => Cow::Borrowed(tail),
    }
}

/// Whether the digits before the exponent are not all zero.
fn has_nonzero_mantissa(s: &str) -> bool {
    s.bytes()
        .take_while(|&b| b != b'e' && b != b'E')
        .any(|b| (b'1'..=b'9').contains(&b))
}

impl<'de> de::Deserializer<'de> for Value<'de> {
    type Error = Unsupported;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> R<V::Value> {
        match self {
            Value::Str(Cow::Borrowed(s)) => visitor.visit_borrowed_str(s),
            Value::Str(Cow::Owned(s)) => visitor.visit_string(s),
            Value::Int(i) => visitor.visit_i64(i),
            Value::Float(f) => visitor.visit_f64(f),
            Value::Bool(b) => visitor.visit_bool(b),
            Value::Array(items) => {
                let mut seq = Seq(items.into_iter());
                let out = visitor.visit_seq(&mut seq)?;
                if seq.0.len() == 0 {
                    Ok(out)
                } else {
                    Err(Unsupported)
                }
            }
            Value::Table(entries) => {
                let mut map = Map {
                    entries: entries.into_iter(),
                    value: None,
                };
                let out = visitor.visit_map(&mut map)?;
                if map.entries.len() == 0 {
                    Ok(out)
                } else {
                    Err(Unsupported)
                }
            }
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> R<V::Value> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> R<V::Value> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> R<V::Value> {
        match self {
            Value::Str(s) => {
                visitor.visit_enum(de::value::CowStrDeserializer::<Unsupported>::new(s))
            }
            _ => Err(Unsupported),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct seq tuple tuple_struct map struct
        identifier ignored_any
    }
}

struct Seq<'de>(std::vec::IntoIter<Value<'de>>);

impl<'de> SeqAccess<'de> for Seq<'de> {
    type Error = Unsupported;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> R<Option<T::Value>> {
        self.0.next().map(|v| seed.deserialize(v)).transpose()
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.0.len())
    }
}

struct Map<'de> {
    entries: std::vec::IntoIter<Entry<'de>>,
    value: Option<Value<'de>>,
}

impl<'de> MapAccess<'de> for Map<'de> {
    type Error = Unsupported;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> R<Option<K::Value>> {
        match self.entries.next() {
            Some((k, v)) => {
                self.value = Some(v);
                seed.deserialize(Value::Str(k)).map(Some)
            }
            None => Ok(None),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> R<V::Value> {
        seed.deserialize(self.value.take().ok_or(Unsupported)?)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}
