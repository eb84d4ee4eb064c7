//! Writing: the layout `toml::to_string` uses, straight from the value.

use super::{R, Unsupported, is_bare, plain_run};
use serde::ser::{self, Impossible, Serialize};
use std::fmt::{self, Write as _};

/// Writes `value` (a struct or map) as a TOML document. `prefix` (e.g. a
/// comment) comes first, followed by one blank line; `None` means "ask
/// `toml::to_string`".
pub fn to_document<T: Serialize + ?Sized>(prefix: &str, value: &T) -> Option<String> {
    let mut out = String::with_capacity(prefix.len() + 4096);
    to_document_into(prefix, value, &mut out).ok()?;
    Some(out)
}

/// As `to_document`, into `out` (cleared first; its memory is reused).
pub fn to_document_into<T: Serialize + ?Sized>(
    prefix: &str,
    value: &T,
    out: &mut String,
) -> Result<(), Unsupported> {
    out.clear();
    out.push_str(prefix);
    let body = out.len();
    value.serialize(TableSer {
        out: &mut *out,
        path: None,
    })?;
    // Every header brings the blank line before it; the first needs one only
    // after a prefix, and values at the top need one put there.
    let starts_blank = out[body..].starts_with('\n');
    if prefix.is_empty() && starts_blank {
        out.remove(0);
    } else if !prefix.is_empty() && !starts_blank && out.len() > body {
        out.insert(body, '\n');
    }
    Ok(())
}

/// Writes `value` (a struct or map) as TOML text without a prefix.
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> Option<String> {
    to_document("", value)
}

/// What a value becomes: `key = value` on its table's line, or a table of its own.
enum Kind {
    Value,
    Table,
}

/// Finds the `Kind` of a value without writing it (the first serializer call
/// tells; compound values answer through the error channel).
struct Probe;

#[derive(Debug)]
enum ProbeEnd {
    Found(Kind),
    Unsupported,
}

impl fmt::Debug for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Kind::Value => "Value",
            Kind::Table => "Table",
        })
    }
}

impl fmt::Display for ProbeEnd {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self, f)
    }
}

impl std::error::Error for ProbeEnd {}

impl ser::Error for ProbeEnd {
    fn custom<T: fmt::Display>(_: T) -> Self {
        ProbeEnd::Unsupported
    }
}

fn kind_of<T: Serialize + ?Sized>(value: &T) -> R<Kind> {
    match value.serialize(Probe) {
        Ok(k) | Err(ProbeEnd::Found(k)) => Ok(k),
        Err(ProbeEnd::Unsupported) => Err(Unsupported),
    }
}

macro_rules! probe_scalars {
    ($($f:ident: $t:ty),*) => {
        $(fn $f(self, _: $t) -> Result<Kind, ProbeEnd> { Ok(Kind::Value) })*
    };
}

impl ser::Serializer for Probe {
    type Ok = Kind;
    type Error = ProbeEnd;
    type SerializeSeq = Impossible<Kind, ProbeEnd>;
    type SerializeTuple = Impossible<Kind, ProbeEnd>;
    type SerializeTupleStruct = Impossible<Kind, ProbeEnd>;
    type SerializeTupleVariant = Impossible<Kind, ProbeEnd>;
    type SerializeMap = Impossible<Kind, ProbeEnd>;
    type SerializeStruct = Impossible<Kind, ProbeEnd>;
    type SerializeStructVariant = Impossible<Kind, ProbeEnd>;

    probe_scalars!(serialize_bool: bool, serialize_i8: i8, serialize_i16: i16, serialize_i32: i32,
        serialize_i64: i64, serialize_u8: u8, serialize_u16: u16, serialize_u32: u32,
        serialize_u64: u64, serialize_f32: f32, serialize_f64: f64, serialize_char: char,
        serialize_str: &str);

    fn serialize_bytes(self, _: &[u8]) -> Result<Kind, ProbeEnd> {
        Err(ProbeEnd::Unsupported)
    }
    fn serialize_none(self) -> Result<Kind, ProbeEnd> {
        Err(ProbeEnd::Unsupported)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> Result<Kind, ProbeEnd> {
        v.serialize(self)
    }
    fn serialize_unit(self) -> Result<Kind, ProbeEnd> {
        Err(ProbeEnd::Unsupported)
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<Kind, ProbeEnd> {
        Err(ProbeEnd::Unsupported)
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
    ) -> Result<Kind, ProbeEnd> {
        Ok(Kind::Value)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        v: &T,
    ) -> Result<Kind, ProbeEnd> {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<Kind, ProbeEnd> {
        Err(ProbeEnd::Unsupported)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, ProbeEnd> {
        Err(ProbeEnd::Found(Kind::Value))
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, ProbeEnd> {
        Err(ProbeEnd::Found(Kind::Value))
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, ProbeEnd> {
        Err(ProbeEnd::Found(Kind::Value))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, ProbeEnd> {
        Err(ProbeEnd::Unsupported)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, ProbeEnd> {
        Err(ProbeEnd::Found(Kind::Table))
    }
    fn serialize_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStruct, ProbeEnd> {
        Err(ProbeEnd::Found(Kind::Table))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, ProbeEnd> {
        Err(ProbeEnd::Unsupported)
    }
}

/// A value in table position: a struct or a map written as a section.
struct TableSer<'o> {
    out: &'o mut String,
    /// The header's dotted keys; `None` at the top.
    path: Option<&'o str>,
}

macro_rules! unsupported {
    ($($f:ident: $t:ty),*) => {
        $(fn $f(self, _: $t) -> R<Self::Ok> { Err(Unsupported) })*
    };
}

impl<'o> ser::Serializer for TableSer<'o> {
    type Ok = ();
    type Error = Unsupported;
    type SerializeSeq = Impossible<(), Unsupported>;
    type SerializeTuple = Impossible<(), Unsupported>;
    type SerializeTupleStruct = Impossible<(), Unsupported>;
    type SerializeTupleVariant = Impossible<(), Unsupported>;
    type SerializeMap = TableState<'o>;
    type SerializeStruct = TableState<'o>;
    type SerializeStructVariant = Impossible<(), Unsupported>;

    unsupported!(serialize_bool: bool, serialize_i8: i8, serialize_i16: i16, serialize_i32: i32,
        serialize_i64: i64, serialize_u8: u8, serialize_u16: u16, serialize_u32: u32,
        serialize_u64: u64, serialize_f32: f32, serialize_f64: f64, serialize_char: char,
        serialize_str: &str, serialize_bytes: &[u8], serialize_unit_struct: &'static str);

    fn serialize_none(self) -> R<()> {
        Err(Unsupported)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> R<()> {
        v.serialize(self)
    }
    fn serialize_unit(self) -> R<()> {
        Err(Unsupported)
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> R<()> {
        Err(Unsupported)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, v: &T) -> R<()> {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> R<()> {
        Err(Unsupported)
    }
    fn serialize_seq(self, _: Option<usize>) -> R<Self::SerializeSeq> {
        Err(Unsupported)
    }
    fn serialize_tuple(self, _: usize) -> R<Self::SerializeTuple> {
        Err(Unsupported)
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> R<Self::SerializeTupleStruct> {
        Err(Unsupported)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> R<Self::SerializeTupleVariant> {
        Err(Unsupported)
    }
    fn serialize_map(self, _: Option<usize>) -> R<TableState<'o>> {
        Ok(TableState::new(self))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> R<TableState<'o>> {
        Ok(TableState::new(self))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> R<Self::SerializeStructVariant> {
        Err(Unsupported)
    }
}

/// A table being written. Values go under the header; sub-tables follow as
/// their own sections. A value that comes after a sub-table (rare: model
/// members are in name order) is held back and put before the first one.
struct TableState<'o> {
    out: &'o mut String,
    path: Option<&'o str>,
    header: bool,
    entries: usize,
    /// Where the first sub-table starts in `out`.
    sub_start: Option<usize>,
    /// `key = value` lines that came after a sub-table.
    late: String,
    /// A map key between `serialize_key` and `serialize_value`; also a
    /// reused buffer for keys.
    key: String,
}

impl<'o> TableState<'o> {
    fn new(s: TableSer<'o>) -> Self {
        TableState {
            out: s.out,
            path: s.path,
            header: false,
            entries: 0,
            sub_start: None,
            late: String::new(),
            key: String::new(),
        }
    }

    fn header(&mut self) {
        if !self.header {
            if let Some(p) = self.path {
                push_header(self.out, p);
            }
            self.header = true;
        }
    }

    /// One entry; `key` is already written as TOML.
    fn entry<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> R<()> {
        match kind_of(value)? {
            Kind::Value => {
                let buf: &mut String = if self.sub_start.is_none() {
                    self.header();
                    self.out
                } else {
                    &mut self.late
                };
                buf.push_str(key);
                buf.push_str(" = ");
                value.serialize(ValueSer { out: buf })?;
                buf.push('\n');
            }
            Kind::Table => {
                if self.sub_start.is_none() {
                    self.sub_start = Some(self.out.len());
                }
                let path = match self.path {
                    Some(p) => {
                        let mut s = String::with_capacity(p.len() + 1 + key.len());
                        s.push_str(p);
                        s.push('.');
                        s.push_str(key);
                        s
                    }
                    None => key.to_string(),
                };
                value.serialize(TableSer {
                    out: self.out,
                    path: Some(&path),
                })?;
            }
        }
        self.entries += 1;
        Ok(())
    }

    fn finish(mut self) -> R<()> {
        if self.late.is_empty() {
            if self.entries == 0 {
                self.header(); // an empty table needs its header to exist
            }
            return Ok(());
        }
        let at = self.sub_start.ok_or(Unsupported)?;
        let mut lines = String::with_capacity(self.late.len() + 64);
        if !self.header
            && let Some(p) = self.path
        {
            push_header(&mut lines, p);
        }
        lines.push_str(&self.late);
        self.out.insert_str(at, &lines);
        Ok(())
    }
}

fn push_header(out: &mut String, path: &str) {
    out.push_str("\n[");
    out.push_str(path);
    out.push_str("]\n");
}

impl ser::SerializeStruct for TableState<'_> {
    type Ok = ();
    type Error = Unsupported;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> R<()> {
        if key.bytes().all(is_bare) && !key.is_empty() {
            self.entry(key, value)
        } else {
            let mut k = String::new();
            push_key(&mut k, key);
            self.entry(&k, value)
        }
    }

    fn end(self) -> R<()> {
        self.finish()
    }
}

impl ser::SerializeMap for TableState<'_> {
    type Ok = ();
    type Error = Unsupported;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> R<()> {
        self.key.clear();
        key.serialize(KeySer { out: &mut self.key })
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> R<()> {
        let key = std::mem::take(&mut self.key);
        let r = self.entry(&key, value);
        self.key = key;
        r
    }

    fn end(self) -> R<()> {
        self.finish()
    }
}

/// Writes a key: bare when it can be, else a basic string.
fn push_key(out: &mut String, key: &str) {
    if !key.is_empty() && key.bytes().all(is_bare) {
        out.push_str(key);
    } else {
        push_basic(out, key);
    }
}

/// A map key: a string (or a unit variant, or a char).
struct KeySer<'o> {
    out: &'o mut String,
}

impl ser::Serializer for KeySer<'_> {
    type Ok = ();
    type Error = Unsupported;
    type SerializeSeq = Impossible<(), Unsupported>;
    type SerializeTuple = Impossible<(), Unsupported>;
    type SerializeTupleStruct = Impossible<(), Unsupported>;
    type SerializeTupleVariant = Impossible<(), Unsupported>;
    type SerializeMap = Impossible<(), Unsupported>;
    type SerializeStruct = Impossible<(), Unsupported>;
    type SerializeStructVariant = Impossible<(), Unsupported>;

    unsupported!(serialize_bool: bool, serialize_i8: i8, serialize_i16: i16, serialize_i32: i32,
        serialize_i64: i64, serialize_u8: u8, serialize_u16: u16, serialize_u32: u32,
        serialize_u64: u64, serialize_f32: f32, serialize_f64: f64,
        serialize_bytes: &[u8], serialize_unit_struct: &'static str);

    fn serialize_char(self, c: char) -> R<()> {
        push_key(self.out, c.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, s: &str) -> R<()> {
        push_key(self.out, s);
        Ok(())
    }
    fn serialize_none(self) -> R<()> {
        Err(Unsupported)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> R<()> {
        Err(Unsupported)
    }
    fn serialize_unit(self) -> R<()> {
        Err(Unsupported)
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> R<()> {
        push_key(self.out, variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, v: &T) -> R<()> {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> R<()> {
        Err(Unsupported)
    }
    fn serialize_seq(self, _: Option<usize>) -> R<Self::SerializeSeq> {
        Err(Unsupported)
    }
    fn serialize_tuple(self, _: usize) -> R<Self::SerializeTuple> {
        Err(Unsupported)
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> R<Self::SerializeTupleStruct> {
        Err(Unsupported)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> R<Self::SerializeTupleVariant> {
        Err(Unsupported)
    }
    fn serialize_map(self, _: Option<usize>) -> R<Self::SerializeMap> {
        Err(Unsupported)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> R<Self::SerializeStruct> {
        Err(Unsupported)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> R<Self::SerializeStructVariant> {
        Err(Unsupported)
    }
}

/// A value on the right of `=`: a scalar, an array or an inline table.
struct ValueSer<'o> {
    out: &'o mut String,
}

impl<'o> ser::Serializer for ValueSer<'o> {
    type Ok = ();
    type Error = Unsupported;
    type SerializeSeq = ArrayState<'o>;
    type SerializeTuple = ArrayState<'o>;
    type SerializeTupleStruct = ArrayState<'o>;
    type SerializeTupleVariant = Impossible<(), Unsupported>;
    type SerializeMap = InlineState<'o>;
    type SerializeStruct = InlineState<'o>;
    type SerializeStructVariant = Impossible<(), Unsupported>;

    fn serialize_bool(self, v: bool) -> R<()> {
        self.out.push_str(if v { "true" } else { "false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> R<()> {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> R<()> {
        self.serialize_i64(v.into())
    }
    fn serialize_i32(self, v: i32) -> R<()> {
        self.serialize_i64(v.into())
    }
    fn serialize_i64(self, v: i64) -> R<()> {
        write!(self.out, "{v}").map_err(|_| Unsupported)
    }
    fn serialize_u8(self, v: u8) -> R<()> {
        self.serialize_i64(v.into())
    }
    fn serialize_u16(self, v: u16) -> R<()> {
        self.serialize_i64(v.into())
    }
    fn serialize_u32(self, v: u32) -> R<()> {
        self.serialize_i64(v.into())
    }
    fn serialize_u64(self, v: u64) -> R<()> {
        self.serialize_i64(i64::try_from(v).map_err(|_| Unsupported)?)
    }
    fn serialize_f32(self, v: f32) -> R<()> {
        self.serialize_f64(v.into())
    }
    fn serialize_f64(self, v: f64) -> R<()> {
        if v.is_nan() {
            self.out
                .push_str(if v.is_sign_negative() { "-nan" } else { "nan" });
        } else if v.is_infinite() {
            self.out.push_str(if v < 0.0 { "-inf" } else { "inf" });
        } else {
            // `{:?}` is the shortest text that reads back as the same number,
            // and always has a `.` or an exponent, as a TOML float must.
            write!(self.out, "{v:?}").map_err(|_| Unsupported)?;
        }
        Ok(())
    }
    fn serialize_char(self, v: char) -> R<()> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> R<()> {
        push_string(self.out, v);
        Ok(())
    }
    fn serialize_bytes(self, _: &[u8]) -> R<()> {
        Err(Unsupported)
    }
    fn serialize_none(self) -> R<()> {
        Err(Unsupported)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> R<()> {
        v.serialize(self)
    }
    fn serialize_unit(self) -> R<()> {
        Err(Unsupported)
    }
    fn serialize_unit_struct(self, _: &'static str) -> R<()> {
        Err(Unsupported)
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> R<()> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, v: &T) -> R<()> {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> R<()> {
        Err(Unsupported)
    }
    fn serialize_seq(self, _: Option<usize>) -> R<ArrayState<'o>> {
        self.out.push('[');
        Ok(ArrayState {
            out: self.out,
            first: true,
        })
    }
    fn serialize_tuple(self, len: usize) -> R<ArrayState<'o>> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> R<ArrayState<'o>> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> R<Self::SerializeTupleVariant> {
        Err(Unsupported)
    }
    fn serialize_map(self, _: Option<usize>) -> R<InlineState<'o>> {
        self.out.push('{');
        Ok(InlineState {
            out: self.out,
            first: true,
        })
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> R<InlineState<'o>> {
        self.serialize_map(None)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> R<Self::SerializeStructVariant> {
        Err(Unsupported)
    }
}

struct ArrayState<'o> {
    out: &'o mut String,
    first: bool,
}

impl ArrayState<'_> {
    fn element<T: Serialize + ?Sized>(&mut self, v: &T) -> R<()> {
        if !self.first {
            self.out.push_str(", ");
        }
        self.first = false;
        v.serialize(ValueSer { out: self.out })
    }
}

impl ser::SerializeSeq for ArrayState<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, v: &T) -> R<()> {
        self.element(v)
    }
    fn end(self) -> R<()> {
        self.out.push(']');
        Ok(())
    }
}

impl ser::SerializeTuple for ArrayState<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, v: &T) -> R<()> {
        self.element(v)
    }
    fn end(self) -> R<()> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleStruct for ArrayState<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, v: &T) -> R<()> {
        self.element(v)
    }
    fn end(self) -> R<()> {
        ser::SerializeSeq::end(self)
    }
}

/// `{ k = v, ... }`, or `{}`.
struct InlineState<'o> {
    out: &'o mut String,
    first: bool,
}

impl InlineState<'_> {
    fn sep(&mut self) {
        self.out.push_str(if self.first { " " } else { ", " });
        self.first = false;
    }

    fn close(self) {
        self.out.push_str(if self.first { "}" } else { " }" });
    }
}

impl ser::SerializeMap for InlineState<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> R<()> {
        self.sep();
        key.serialize(KeySer { out: self.out })?;
        self.out.push_str(" = ");
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, v: &T) -> R<()> {
        v.serialize(ValueSer { out: self.out })
    }
    fn end(self) -> R<()> {
        self.close();
        Ok(())
    }
}

impl ser::SerializeStruct for InlineState<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, v: &T) -> R<()> {
        self.sep();
        push_key(self.out, key);
        self.out.push_str(" = ");
        v.serialize(ValueSer { out: self.out })
    }
    fn end(self) -> R<()> {
        self.close();
        Ok(())
    }
}

/// A string value: a basic string, or a multi-line one when it has line breaks.
fn push_string(out: &mut String, s: &str) {
    // Most text needs no escape at all: one scan, one copy.
    let plain = plain_run(s.as_bytes(), 0);
    if plain == s.len() {
        out.push('"');
        out.push_str(s);
        out.push('"');
    } else if s[plain..].contains('\n') {
        push_multi_line(out, s);
    } else {
        push_basic(out, s);
    }
}

fn push_basic(out: &mut String, s: &str) {
    out.push('"');
    let bytes = s.as_bytes();
    let mut seg = 0;
    loop {
        let i = plain_run(bytes, seg);
        out.push_str(&s[seg..i]);
        match bytes.get(i) {
            Some(&b) => push_escape(out, b),
            None => break,
        }
        seg = i + 1;
    }
    out.push('"');
}

/// `"""` and a line break, the text with its line breaks as they are, `"""`.
/// A quote is escaped when another follows it or it ends the text, so the
/// text can never close the string early.
fn push_multi_line(out: &mut String, s: &str) {
    out.push_str("\"\"\"\n");
    let bytes = s.as_bytes();
    let mut seg = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let escape = match b {
            b'\n' => false,
            b'"' => matches!(bytes.get(i + 1), None | Some(b'"')),
            b'\\' => true,
            _ => b < 0x20 || b == 0x7f,
        };
        if escape {
            out.push_str(&s[seg..i]);
            push_escape(out, b);
            seg = i + 1;
        }
    }
    out.push_str(&s[seg..]);
    out.push_str("\"\"\"");
}

fn push_escape(out: &mut String, b: u8) {
    match b {
        b'"' => out.push_str("\\\""),
        b'\\' => out.push_str("\\\\"),
        0x08 => out.push_str("\\b"),
        b'\t' => out.push_str("\\t"),
        b'\n' => out.push_str("\\n"),
        0x0c => out.push_str("\\f"),
        b'\r' => out.push_str("\\r"),
        _ => {
            let _ = write!(out, "\\u{b:04X}");
        }
    }
}
