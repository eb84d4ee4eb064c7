//! `--output yaml` and `--output yaml-stream`, as AWS CLI v2 writes them.
//!
//! AWS CLI v2 dumps the response with ruamel.yaml's safe dumper in block
//! style, which (with ruamel.yaml.clib, as the v2 installers ship it) hands
//! the events to libyaml's emitter. The visible consequences, reproduced
//! here:
//! - mapping keys are sorted (the safe representer sorts plain dicts), unlike
//!   the JSON output, which keeps the response order;
//! - sequences under a key are not indented (`Key:\n- item`);
//! - empty collections print in flow style (`{}`, `[]`);
//! - a string is written plain unless YAML 1.2 would read it back as
//!   something else (`'2.0'`, `'200'`, `'true'`, `''`) or it has characters a
//!   plain scalar can't hold (`': '`, `' #'`, leading indicators,
//!   leading/trailing spaces); then single-quoted, or double-quoted with
//!   escapes when it holds non-printable characters (tabs, emoji, ...);
//! - long plain and quoted strings are folded at spaces past column 80;
//! - a plain scalar at the document root is followed by the `...` marker.
//!
//! `yaml-stream` dumps the response wrapped in a one-element list.

use serde_json::Value;

use super::pyfmt::float_repr;

const BEST_WIDTH: usize = 80;
const BEST_INDENT: i32 = 2;

/// `--output yaml`: the document, keys sorted.
pub fn format(value: &Value) -> String {
    let mut emitter = Emitter::new();
    emitter.document(value);
    emitter.out
}

/// `--output yaml-stream`: the document as a one-element sequence.
pub fn format_stream(value: &Value) -> String {
    format(&Value::Array(vec![value.clone()]))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Style {
    Plain,
    Single,
    Double,
}

struct Analysis {
    empty: bool,
    multiline: bool,
    block_plain_allowed: bool,
    single_quoted_allowed: bool,
}

/// Where a node sits, which decides how libyaml lays it out.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Context {
    Root,
    SequenceItem,
    MappingValue,
    SimpleKey,
    ComplexKey,
}

struct Emitter {
    out: String,
    column: usize,
    indent: i32,
    indents: Vec<i32>,
    whitespace: bool,
    indention: bool,
    open_ended: bool,
}

impl Emitter {
    fn new() -> Self {
        Emitter {
            out: String::new(),
            column: 0,
            indent: -1,
            indents: Vec::new(),
            whitespace: true,
            indention: true,
            open_ended: false,
        }
    }

    fn document(&mut self, value: &Value) {
        self.node(value, Context::Root);
        // Implicit document end: finish the line, and close an open-ended
        // document (a plain scalar at the root) with the "..." marker.
        if self.column > 0 {
            self.put_break();
        }
        if self.open_ended {
            self.out.push_str("...\n");
        }
    }

    fn put(&mut self, c: char) {
        self.out.push(c);
        self.column += 1;
    }

    fn put_break(&mut self) {
        self.out.push('\n');
        self.column = 0;
    }

    fn increase_indent(&mut self, flow: bool, indentless: bool) {
        self.indents.push(self.indent);
        if self.indent < 0 {
            self.indent = if flow { BEST_INDENT } else { 0 };
        } else if !indentless {
            self.indent += BEST_INDENT;
        }
    }

    fn pop_indent(&mut self) {
        self.indent = self.indents.pop().unwrap_or(-1);
    }

    fn write_indent(&mut self) {
        let indent = self.indent.max(0) as usize;
        if !self.indention || self.column > indent || (self.column == indent && !self.whitespace) {
            self.put_break();
        }
        while self.column < indent {
            self.put(' ');
        }
        self.whitespace = true;
        self.indention = true;
    }

    fn write_indicator(
        &mut self,
        indicator: &str,
        need_whitespace: bool,
        is_whitespace: bool,
        is_indention: bool,
    ) {
        if need_whitespace && !self.whitespace {
            self.put(' ');
        }
        for c in indicator.chars() {
            self.put(c);
        }
        self.whitespace = is_whitespace;
        self.indention = self.indention && is_indention;
        self.open_ended = false;
    }

    fn node(&mut self, value: &Value, ctx: Context) {
        match value {
            Value::Array(items) if items.is_empty() => self.empty_collection("[]"),
            Value::Object(map) if map.is_empty() => self.empty_collection("{}"),
            Value::Array(items) => self.sequence(items, ctx),
            Value::Object(map) => {
                let mut entries: Vec<(&String, &Value)> = map.iter().collect();
                entries.sort_by(|a, b| a.0.cmp(b.0));
                self.mapping(&entries);
            }
            Value::String(s) => {
                let plain_implicit = resolves_to_str(s);
                self.scalar(s, plain_implicit, ctx);
            }
            Value::Null => self.scalar("null", true, ctx),
            Value::Bool(b) => self.scalar(if *b { "true" } else { "false" }, true, ctx),
            Value::Number(n) => {
                let text = if n.is_f64() {
                    float_repr(n.as_f64().unwrap_or(f64::NAN)).to_lowercase()
                } else {
                    n.to_string()
                };
                self.scalar(&text, true, ctx);
            }
        }
    }

    fn empty_collection(&mut self, text: &str) {
        let (open, close) = text.split_at(1);
        self.write_indicator(open, true, true, false);
        self.write_indicator(close, false, false, false);
    }

    fn sequence(&mut self, items: &[Value], ctx: Context) {
        let indentless = ctx == Context::MappingValue && !self.indention;
        self.increase_indent(false, indentless);
        for item in items {
            self.write_indent();
            self.write_indicator("-", true, false, true);
            self.node(item, Context::SequenceItem);
        }
        self.pop_indent();
    }

    fn mapping(&mut self, entries: &[(&String, &Value)]) {
        self.increase_indent(false, false);
        for (key, value) in entries {
            self.write_indent();
            let analysis = analyze(key);
            if !analysis.multiline && key.len() <= 128 {
                self.node(&Value::String((*key).clone()), Context::SimpleKey);
                self.write_indicator(":", false, false, false);
            } else {
                self.write_indicator("?", true, false, true);
                self.node(&Value::String((*key).clone()), Context::ComplexKey);
                self.write_indent();
                self.write_indicator(":", true, false, true);
            }
            self.node(value, Context::MappingValue);
        }
        self.pop_indent();
    }

    fn scalar(&mut self, text: &str, plain_implicit: bool, ctx: Context) {
        let analysis = analyze(text);
        let simple_key = ctx == Context::SimpleKey;
        let mut style = Style::Plain;
        if !analysis.block_plain_allowed || (analysis.empty && simple_key) || !plain_implicit {
            style = Style::Single;
        }
        if style == Style::Single && !analysis.single_quoted_allowed {
            style = Style::Double;
        }
        self.increase_indent(true, false);
        let allow_breaks = !simple_key;
        match style {
            Style::Plain => {
                self.write_plain(text, allow_breaks);
                if ctx == Context::Root {
                    self.open_ended = true;
                }
            }
            Style::Single => self.write_single_quoted(text, allow_breaks),
            Style::Double => self.write_double_quoted(text, allow_breaks),
        }
        self.pop_indent();
    }

    fn write_plain(&mut self, text: &str, allow_breaks: bool) {
        if !self.whitespace && !text.is_empty() {
            self.put(' ');
        }
        let chars: Vec<char> = text.chars().collect();
        let mut spaces = false;
        let mut breaks = false;
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if c == ' ' {
                let next_is_space = chars.get(i + 1) == Some(&' ');
                if allow_breaks && !spaces && self.column > BEST_WIDTH && !next_is_space {
                    self.write_indent();
                } else {
                    self.put(c);
                }
                spaces = true;
            } else if is_break(c) {
                if !breaks && c == '\n' {
                    self.put_break();
                }
                self.write_break(c);
                self.indention = true;
                breaks = true;
            } else {
                if breaks {
                    self.write_indent();
                }
                self.put(c);
                self.indention = false;
                spaces = false;
                breaks = false;
            }
            i += 1;
        }
        self.whitespace = false;
        self.indention = false;
    }

    fn write_break(&mut self, c: char) {
        if c == '\n' {
            self.put_break();
        } else {
            self.out.push(c);
            self.column = 0;
        }
    }

    fn write_single_quoted(&mut self, text: &str, allow_breaks: bool) {
        self.write_indicator("'", true, false, false);
        let chars: Vec<char> = text.chars().collect();
        let mut spaces = false;
        let mut breaks = false;
        for (i, &c) in chars.iter().enumerate() {
            if c == ' ' {
                let next_is_space = chars.get(i + 1) == Some(&' ');
                if allow_breaks
                    && !spaces
                    && self.column > BEST_WIDTH
                    && i != 0
                    && i != chars.len() - 1
                    && !next_is_space
                {
                    self.write_indent();
                } else {
                    self.put(c);
                }
                spaces = true;
            } else if is_break(c) {
                if !breaks && c == '\n' {
                    self.put_break();
                }
                self.write_break(c);
                self.indention = true;
                breaks = true;
            } else {
                if breaks {
                    self.write_indent();
                }
                if c == '\'' {
                    self.put('\'');
                }
                self.put(c);
                self.indention = false;
                spaces = false;
                breaks = false;
            }
        }
        if breaks {
            self.write_indent();
        }
        self.write_indicator("'", false, false, false);
        self.whitespace = false;
        self.indention = false;
    }

    fn write_double_quoted(&mut self, text: &str, allow_breaks: bool) {
        self.write_indicator("\"", true, false, false);
        let chars: Vec<char> = text.chars().collect();
        let mut spaces = false;
        for (i, &c) in chars.iter().enumerate() {
            if !is_printable(c) || c == '\u{feff}' || is_break(c) || c == '"' || c == '\\' {
                self.put('\\');
                let code = c as u32;
                let short = match code {
                    0x00 => Some('0'),
                    0x07 => Some('a'),
                    0x08 => Some('b'),
                    0x09 => Some('t'),
                    0x0A => Some('n'),
                    0x0B => Some('v'),
                    0x0C => Some('f'),
                    0x0D => Some('r'),
                    0x1B => Some('e'),
                    0x22 => Some('"'),
                    0x5C => Some('\\'),
                    0x85 => Some('N'),
                    0xA0 => Some('_'),
                    0x2028 => Some('L'),
                    0x2029 => Some('P'),
                    _ => None,
                };
                let escaped = match short {
                    Some(s) => s.to_string(),
                    None if code <= 0xFF => format!("x{code:02X}"),
                    None if code <= 0xFFFF => format!("u{code:04X}"),
                    None => format!("U{code:08X}"),
                };
                for e in escaped.chars() {
                    self.put(e);
                }
                spaces = false;
            } else if c == ' ' {
                if allow_breaks
                    && !spaces
                    && self.column > BEST_WIDTH
                    && i != 0
                    && i != chars.len() - 1
                {
                    self.write_indent();
                    if chars.get(i + 1) == Some(&' ') {
                        self.put('\\');
                    }
                } else {
                    self.put(c);
                }
                spaces = true;
            } else {
                self.put(c);
                spaces = false;
            }
        }
        self.write_indicator("\"", false, false, false);
        self.whitespace = false;
        self.indention = false;
    }
}

fn is_break(c: char) -> bool {
    matches!(c, '\r' | '\n' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

fn is_blankz(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => matches!(c, ' ' | '\t' | '\0') || is_break(c),
    }
}

/// libyaml's notion of a printable character: it leaves out the control
/// characters (tab too), U+0085, the surrogates, U+FEFF, U+FFFE/U+FFFF and
/// everything beyond the Basic Multilingual Plane.
fn is_printable(c: char) -> bool {
    let code = c as u32;
    code == 0x0A
        || (0x20..=0x7E).contains(&code)
        || (0xA0..=0xD7FF).contains(&code)
        || ((0xE000..=0xFFFD).contains(&code) && code != 0xFEFF)
}

/// libyaml's `yaml_emitter_analyze_scalar`, reduced to what block output
/// needs.
fn analyze(text: &str) -> Analysis {
    if text.is_empty() {
        return Analysis {
            empty: true,
            multiline: false,
            block_plain_allowed: true,
            single_quoted_allowed: true,
        };
    }
    let chars: Vec<char> = text.chars().collect();
    let mut block_indicators = false;
    let mut line_breaks = false;
    let mut special_characters = false;
    let mut leading_space = false;
    let mut leading_break = false;
    let mut trailing_space = false;
    let mut trailing_break = false;
    let mut break_space = false;
    let mut space_break = false;
    let mut previous_space = false;
    let mut previous_break = false;

    if text.starts_with("---") || text.starts_with("...") {
        block_indicators = true;
    }
    let mut preceded_by_whitespace = true;
    let mut followed_by_whitespace = is_blankz(chars.get(1).copied());
    let last = chars.len() - 1;
    for (i, &c) in chars.iter().enumerate() {
        if i == 0 {
            if "#,[]{}&*!|>'\"%@`".contains(c) {
                block_indicators = true;
            }
            if (c == '?' || c == ':') && followed_by_whitespace {
                block_indicators = true;
            }
            if c == '-' && followed_by_whitespace {
                block_indicators = true;
            }
        } else {
            if c == ':' && followed_by_whitespace {
                block_indicators = true;
            }
            if c == '#' && preceded_by_whitespace {
                block_indicators = true;
            }
        }
        if !is_printable(c) {
            special_characters = true;
        }
        if is_break(c) {
            line_breaks = true;
        }
        if c == ' ' {
            if i == 0 {
                leading_space = true;
            }
            if i == last {
                trailing_space = true;
            }
            if previous_break {
                break_space = true;
            }
            previous_space = true;
            previous_break = false;
        } else if is_break(c) {
            if i == 0 {
                leading_break = true;
            }
            if i == last {
                trailing_break = true;
            }
            if previous_space {
                space_break = true;
            }
            previous_space = false;
            previous_break = true;
        } else {
            previous_space = false;
            previous_break = false;
        }
        preceded_by_whitespace = is_blankz(Some(c));
        followed_by_whitespace = is_blankz(chars.get(i + 2).copied());
    }

    let mut block_plain_allowed = true;
    let mut single_quoted_allowed = true;
    if leading_space || leading_break || trailing_space || trailing_break {
        block_plain_allowed = false;
    }
    if break_space {
        block_plain_allowed = false;
        single_quoted_allowed = false;
    }
    if space_break || special_characters {
        block_plain_allowed = false;
        single_quoted_allowed = false;
    }
    if line_breaks {
        block_plain_allowed = false;
    }
    if block_indicators {
        block_plain_allowed = false;
    }
    Analysis {
        empty: false,
        multiline: line_breaks,
        block_plain_allowed,
        single_quoted_allowed,
    }
}

/// Whether a string written plain would be read back as a string by the
/// YAML 1.2 implicit resolvers ruamel.yaml uses (so it needs no quotes).
fn resolves_to_str(s: &str) -> bool {
    let Some(first) = s.chars().next() else {
        return false; // '' resolves to null
    };
    let candidates: &[fn(&str) -> bool] = match first {
        't' | 'T' | 'f' | 'F' => &[is_bool],
        '-' | '+' | '.' => &[is_float, is_int],
        '0'..='9' => &[is_float, is_int, is_timestamp],
        '<' => &[|s| s == "<<"],
        '~' | 'n' | 'N' => &[is_null],
        '=' => &[|s| s == "="],
        '!' | '&' | '*' => &[|s| s.len() == 1],
        _ => &[],
    };
    // Python's `$` also matches just before a final newline.
    let body = s.strip_suffix('\n').unwrap_or(s);
    !candidates.iter().any(|matches| matches(body))
}

fn is_bool(s: &str) -> bool {
    matches!(s, "true" | "True" | "TRUE" | "false" | "False" | "FALSE")
}

fn is_null(s: &str) -> bool {
    matches!(s, "~" | "null" | "Null" | "NULL")
}

fn strip_sign(s: &str) -> &str {
    s.strip_prefix(['-', '+']).unwrap_or(s)
}

fn all_in(s: &str, ok: impl Fn(char) -> bool) -> bool {
    !s.is_empty() && s.chars().all(ok)
}

fn is_int(s: &str) -> bool {
    let s = strip_sign(s);
    let oct = |c: char| matches!(c, '0'..='7' | '_');
    if let Some(rest) = s.strip_prefix("0b")
        && all_in(rest, |c| matches!(c, '0' | '1' | '_'))
    {
        return true;
    }
    if let Some(rest) = s.strip_prefix("0x")
        && all_in(rest, |c| c.is_ascii_hexdigit() || c == '_')
    {
        return true;
    }
    if let Some(rest) = s.strip_prefix("0o")
        && all_in(rest, oct)
    {
        return true;
    }
    all_in(s, |c| c.is_ascii_digit() || c == '_')
}

/// `[eE][-+]?[0-9]+` (or with a mandatory sign) at the start of `s`; returns the rest.
fn exponent(s: &str, sign_required: bool) -> Option<&str> {
    let rest = s.strip_prefix(['e', 'E'])?;
    let rest = match rest.strip_prefix(['-', '+']) {
        Some(r) => r,
        None if sign_required => return None,
        None => rest,
    };
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 {
        return None;
    }
    Some(&rest[digits..])
}

fn is_float(s: &str) -> bool {
    if matches!(s, ".nan" | ".NaN" | ".NAN") {
        return true;
    }
    let u = strip_sign(s);
    if matches!(u, ".inf" | ".Inf" | ".INF") {
        return true;
    }
    let digits_ = |t: &str| {
        t.len()
            - t.trim_start_matches(|c: char| c.is_ascii_digit() || c == '_')
                .len()
    };
    if let Some(frac) = u.strip_prefix('.') {
        // \.[0-9_]+ (?:[eE][-+][0-9]+)?
        let n = digits_(frac);
        if n == 0 {
            return false;
        }
        let rest = &frac[n..];
        return rest.is_empty() || exponent(rest, true) == Some("");
    }
    // [0-9][0-9_]* then either \.[0-9_]* exp? or exp
    if !u.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let n = digits_(u);
    let rest = &u[n..];
    if let Some(frac) = rest.strip_prefix('.') {
        let rest = &frac[digits_(frac)..];
        rest.is_empty() || exponent(rest, false) == Some("")
    } else {
        exponent(rest, false) == Some("")
    }
}

fn is_timestamp(s: &str) -> bool {
    let b = s.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    // YYYY-MM-DD
    if b.len() == 10
        && (0..4).all(digit)
        && b[4] == b'-'
        && digit(5)
        && digit(6)
        && b[7] == b'-'
        && digit(8)
        && digit(9)
    {
        return true;
    }
    // YYYY-M(M)-D(D)(T|t|[ \t]+)H(H):MM:SS(.f*)?([ \t]*(Z|[-+]H(H)(:MM)?))?
    let mut i = 0;
    let take_digits = |i: &mut usize, min: usize, max: usize| -> bool {
        let start = *i;
        while *i < b.len() && *i - start < max && b[*i].is_ascii_digit() {
            *i += 1;
        }
        *i - start >= min
    };
    let take = |i: &mut usize, c: u8| -> bool {
        if b.get(*i) == Some(&c) {
            *i += 1;
            true
        } else {
            false
        }
    };
    if !(take_digits(&mut i, 4, 4)
        && take(&mut i, b'-')
        && take_digits(&mut i, 1, 2)
        && take(&mut i, b'-')
        && take_digits(&mut i, 1, 2))
    {
        return false;
    }
    if take(&mut i, b'T') || take(&mut i, b't') {
    } else {
        let start = i;
        while i < b.len() && (b[i] == b' ' || b[i] == b'\t') {
            i += 1;
        }
        if i == start {
            return false;
        }
    }
    if !(take_digits(&mut i, 1, 2)
        && take(&mut i, b':')
        && take_digits(&mut i, 2, 2)
        && take(&mut i, b':')
        && take_digits(&mut i, 2, 2))
    {
        return false;
    }
    if take(&mut i, b'.') {
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
    }
    if i == b.len() {
        return true;
    }
    while i < b.len() && (b[i] == b' ' || b[i] == b'\t') {
        i += 1;
    }
    if take(&mut i, b'Z') {
        return i == b.len();
    }
    if take(&mut i, b'-') || take(&mut i, b'+') {
        if !take_digits(&mut i, 1, 2) {
            return false;
        }
        if take(&mut i, b':') && !take_digits(&mut i, 2, 2) {
            return false;
        }
        return i == b.len();
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn strings_that_read_back_as_other_types_are_quoted() {
        for s in [
            "2.0",
            "200",
            "true",
            "null",
            "~",
            "1e3",
            "0x1F",
            "0o17",
            "1_000",
            "2020-01-01",
            ".inf",
            "-.5",
            "2001-12-14t21:59:43.10-05:00",
        ] {
            assert!(!resolves_to_str(s), "{s} should resolve to a non-string");
        }
        for s in [
            "yes",
            "on",
            "abc",
            "$default",
            "12:30",
            "1.2.3",
            "_1",
            "e3",
            "2020-1-1",
            "ANY /items",
        ] {
            assert!(resolves_to_str(s), "{s} should stay a string");
        }
    }

    #[test]
    fn block_layout() {
        let v = json!({"b": [1, {"y": [], "x": "a b"}], "a": {"k": "2.0"}, "c": ""});
        assert_eq!(
            format(&v),
            "a:\n  k: '2.0'\nb:\n- 1\n- x: a b\n  y: []\nc: ''\n"
        );
        assert_eq!(format_stream(&json!({"a": 1})), "- a: 1\n");
        assert_eq!(format(&json!("abc")), "abc\n...\n");
        assert_eq!(format(&json!("2.0")), "'2.0'\n");
    }
}
