//! A fast reader and writer for the TOML that apigw writes.
//!
//! The `toml` crate is exact but slow on large files (about 70 ms to read and
//! 15 ms to write a workspace of 10,000 integrations). Both halves here go
//! through serde, so they follow the model types as they change, and both
//! only ever *decline*, never guess:
//!
//! - [`from_str`] reads a subset of TOML: `[a."b".c]` headers with bare,
//!   basic-quoted or literal keys; `key = value` lines; basic strings (also
//!   multi-line) and literal strings; decimal integers and floats; booleans;
//!   arrays; inline tables; comments and blank lines. Anything else — dotted
//!   keys, dates, `[[arrays of tables]]`, a key defined twice, any syntax
//!   error, a value the target type refuses — returns `None`, and the caller
//!   falls back to the `toml` crate, which decides and reports the error with
//!   its line and column. So when this returns `Some`, `toml` would have
//!   returned the same value.
//! - [`to_document`] writes the layout `toml::to_string` uses (a table's
//!   values first, then its sub-tables as `[a.b.c]` sections, a header only
//!   for tables that hold values or nothing at all), with basic strings, and
//!   multi-line basic strings for text with line breaks. It returns `None`
//!   for anything TOML cannot hold or it does not handle (a `None` that is
//!   not skipped, unit values, enum payloads, integers beyond `i64`), and the
//!   caller falls back to `toml::to_string`.

mod read;
mod write;

pub use read::{Outline, from_str, from_str_part};
pub use write::{to_document, to_document_into, to_string};

use serde::{de, ser};
use std::fmt;

/// How deep tables, arrays and inline tables may nest in a workspace file:
/// the `toml` crate's own limit (its parser refuses deeper text with
/// "cannot recurse further" or "recursion limit"), which the fast reader
/// stays below. `tests/no_panic.rs` checks that it is still 80.
pub const TOML_MAX_DEPTH: usize = 80;

/// What `toml` says about a text it refuses, with the depth limit named
/// where that is the reason.
pub fn toml_message(e: &toml::de::Error) -> String {
    let message = e.message().trim_end();
    if message.contains("recurs") {
        format!("tables, arrays and inline tables are nested deeper than {TOML_MAX_DEPTH} levels")
    } else {
        message.to_string()
    }
}

/// The text or the value is outside what this module handles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unsupported;

impl fmt::Display for Unsupported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("outside the TOML subset of the fast path")
    }
}

impl std::error::Error for Unsupported {}

impl de::Error for Unsupported {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Unsupported
    }
}

impl ser::Error for Unsupported {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Unsupported
    }
}

type R<T> = Result<T, Unsupported>;

/// Byte classes, looked up in the loops that scan keys and strings.
const BARE: u8 = 1;
/// Ends the plain run of a basic string: `"`, `\\` or a control character.
const STR_STOP: u8 = 2;
const CONTROL: u8 = 4;

static CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        let mut class = 0;
        if c.is_ascii_alphanumeric() || c == b'_' || c == b'-' {
            class |= BARE;
        }
        if (c < 0x20 && c != b'\t') || c == 0x7f {
            class |= CONTROL | STR_STOP;
        }
        if c == b'"' || c == b'\\' {
            class |= STR_STOP;
        }
        t[b] = class;
        b += 1;
    }
    t
};

/// Where the plain run of a basic string that starts at `i` ends: the first
/// `"`, `\\` or control character (tab included), or the end. Eight bytes at
/// a time.
pub(crate) fn plain_run(bytes: &[u8], mut i: usize) -> usize {
    while let Some(chunk) = bytes.get(i..i + 8) {
        let m = stops(u64::from_le_bytes(chunk.try_into().expect("8 bytes")));
        if m != 0 {
            return i + (m.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < bytes.len() && CLASS[bytes[i] as usize] & STR_STOP == 0 && bytes[i] != b'\t' {
        i += 1;
    }
    i
}

/// The high bit of each byte of `x` that is `"`, `\\`, below 0x20 or 0x7f;
/// exact for the lowest such byte (higher flags may be spurious).
fn stops(x: u64) -> u64 {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let zero = |v: u64| v.wrapping_sub(LO) & !v;
    let below_space = x.wrapping_sub(LO * 0x20) & !x;
    (below_space | zero(x ^ (LO * 0x22)) | zero(x ^ (LO * 0x5c)) | zero(x ^ (LO * 0x7f))) & HI
}

fn is_bare(b: u8) -> bool {
    CLASS[b as usize] & BARE != 0
}

/// A byte that may not appear as itself in a string or a comment.
fn is_control(b: u8) -> bool {
    CLASS[b as usize] & CONTROL != 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{Value as Json, json};

    fn fast(text: &str) -> Option<Json> {
        from_str::<Json>(text)
    }

    fn slow(text: &str) -> Option<Json> {
        toml::from_str::<Json>(text).ok()
    }

    #[test]
    fn reads_the_subset_like_toml() {
        let docs = [
            "",
            "# only a comment\n",
            "a = 1\nb = -0\nc = 1.5\nd = -2e-3\ne = true\nf = false\n",
            "s = \"x\\\"y\\\\z\\n\\t\\u00e9\\U0001F600\"\nl = 'C:\\path'\n",
            "[t]\nk = \"v\" # trailing\n\n[t.u.\"w x\".'y']\nz = []\n",
            "[a]\nx = [1, 2, 3,]\ny = [\n  \"a\", # c\n  \"b\"\n]\nz = { }\nw = { p = 1, q = [true] }\n",
            "m = \"\"\"\nline 1\nline \"2\"\"\"\"\n",
            "m = \"\"\"no break\\\\\"\"\"\n",
            "[ a . b ]\r\nk = 1\r\n",
            "[x.y]\n[x.z]\n[w]\n[v.u]\nq = 1\n",
            "[x]\n[x.y.z]\n[x.y.w]\n[x.v]\n",
            "big = 9223372036854775807\nsmall = -9223372036854775808\n",
            "f = 0.1\ng = 1e100\nh = 5E+22\n",
            "\"\" = 1\n",
        ];
        for doc in docs {
            let f = fast(doc);
            assert!(f.is_some(), "fast path declined {doc:?}");
            assert_eq!(f, slow(doc), "{doc:?}");
        }
    }

    #[test]
    fn declines_what_it_does_not_handle() {
        let docs = [
            "a.b = 1\n",
            "[[t]]\n",
            "d = 1979-05-27\n",
            "i = 0x10\n",
            "i = 1_000\n",
            "i = +1\n",
            "i = 01\n",
            "f = inf\n",
            "f = 1.\n",
            "f = .5\n",
            "f = 1e400\n",
            "f = 1e-400\n",
            "i = 9223372036854775808\n",
            "s = \"\\e\"\n",
            "s = \"\\x41\"\n",
            "s = \"\"\"a\\\n  b\"\"\"\n",
            "s = '''x'''\n",
            "s = \"tab\tok but bell \u{7} not\"\n",
            "a = 1\na = 2\n",
            "[t]\n[t]\n",
            "[t.u]\n[t]\n",
            "[x.y]\n[w]\n[x.z]\n",
            "[x.y]\n[x.z]\n[x.y.q]\n",
            "t = 1\n[t.u]\n",
            "t = {}\n[t.u]\n",
            "t = { a = 1, }\n",
            "t = { a = 1,\n b = 2 }\n",
            "a = 1 b = 2\n",
            "a = truex\n",
            "a = \"x\" \"y\"\n",
            "[a] x = 1\n",
            "a = 1\rb = 2\n",
            "# bell \u{7}\n",
            "\u{feff}a = 1\n",
            "a = [1 2]\n",
            "a = \"unterminated\n",
            "[a\n",
            "= 1\n",
        ];
        for doc in docs {
            assert_eq!(fast(doc), None, "{doc:?}");
        }
    }

    #[test]
    fn deep_nesting_is_left_to_toml() {
        let doc = format!("a = {}{}\n", "[".repeat(100), "]".repeat(100));
        assert_eq!(fast(&doc), None);
    }

    #[test]
    fn writes_what_toml_reads_back() {
        let v = json!({
            "top": "x",
            "t": {
                "inner": {"deep": {"k": 1}},
                "late": "after a table",
                "s": "quote \" back \\ tab \t nl-free \u{1} del \u{7f} é",
                "m": "two\nlines \"\"\" and \"\" end\"",
                "n": "\nleading break",
                "f": [0.1, -0.0, 1e100, 1.5e-7, 3.0],
                "arr": [[1, 2], ["a"], [], [{"x": 1}, {}]],
                "empty": {},
                "weird key.with dots": {"\"": true},
            },
        });
        let text = to_string(&v).unwrap();
        let back: Json = toml::from_str(&text).unwrap();
        assert_eq!(back, v, "{text}");
        assert_eq!(fast(&text), Some(v), "{text}");
    }

    #[test]
    fn writer_declines_what_toml_cannot_hold() {
        assert_eq!(to_string(&json!({"a": null})), None);
        assert_eq!(to_string(&json!({"a": u64::MAX})), None);
        assert_eq!(to_string(&json!([1])), None);
    }
}
