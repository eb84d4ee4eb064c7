//! The AWS CLI *shorthand syntax*: `Key=value,List=[a,b],Map={k=v}`.
//!
//! [`parse`] turns one argument value into JSON exactly the way awscli's
//! purely syntactic shorthand parser does, before any model-driven coercion.
//! Every leaf is a JSON string; the caller converts strings to numbers or
//! booleans according to the operation's input shape.
//!
//! # Grammar, as awscli implements it
//!
//! ```text
//! parameter  = keyval *( "," keyval )             ; duplicate keys are an error
//! keyval     = key ( "=" / "@=" ) values          ; "@=" loads file:// and fileb://
//! key        = *( ALPHA / DIGIT / "-_.#/:" )      ; may be empty
//! values     = "" / list / hash / csv
//! csv        = first-value [ "," second-value *( "," second-value ) ]
//! list       = "[" [ item *( "," item ) [","] ] "]"
//! hash       = "{" [ key ("=" / "@=") item *( "," key ("=" / "@=") item ) [","] ] "}"
//! item       = list / hash / first-value
//! ```
//!
//! Bare words may not start with whitespace, a control character, a quote,
//! `,`, `=`, `[` or `{`.
//! After that, the first word of a value (and every word inside `[...]` and
//! `{...}`) also allows whitespace, `=`, `[` and `{`, but stops at a quote,
//! `,`, `]` or `}`; later words of an implicit list allow `[`, `]`, `{` and `}`
//! but stop at a quote, `,` or `=`. `\,` inside a bare word is a literal
//! comma, and trailing Unicode whitespace is dropped. Quoted values (`'...'` or
//! `"..."`) are kept verbatim except that `\'` (or `\"`) and `\\` lose their
//! backslash.
//!
//! An implicit list (`k=a,b,c`) ends at the first element that turns out to be
//! the key of the next pair (`k=a,b,c=d` is `{"k": ["a", "b"], "c": "d"}`):
//! the parser reads ahead and, when that fails, rewinds to the last comma.
//! Repeating a top-level key is an error; inside `{...}` the last value wins.
//!
//! Positions in error messages count Unicode scalar values, as Python does,
//! and only characters in the Basic Multilingual Plane can appear in bare
//! words (characters beyond U+FFFF need quoting), also as in awscli.
//!
//! `fileb://` contents are returned as text too, so they must be UTF-8: JSON
//! strings cannot carry arbitrary bytes (awscli would pass the raw bytes on).

use std::path::Path;

use serde_json::{Map, Value};

use super::paramfile;

/// How many `[` / `{` levels may be open at once. awscli itself gives up
/// (with a Python `RecursionError`) somewhere near 490 levels; bounding the
/// depth keeps this parser from overflowing the stack on hostile input.
pub const MAX_DEPTH: usize = 256;

/// Why a shorthand value could not be parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ShorthandErrorKind {
    /// The grammar wanted `expected` (a character, or a `<token>` name) and
    /// found `received` (a character, `EOF`, or `<none>`).
    Syntax { expected: String, received: String },
    /// A top-level key appeared twice (`a=1,a=2`).
    DuplicateKey { key: String },
    /// A `file://` or `fileb://` value after `@=` could not be loaded.
    /// `message` is the complete, user-facing explanation.
    File { uri: String, message: String },
    /// The value nests lists/maps more than [`MAX_DEPTH`] levels deep.
    TooDeep { limit: usize },
}

/// A shorthand parse failure. `Display` gives the same text and caret layout
/// as awscli's `ShorthandParseError` subclasses.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}", self.render())]
pub struct ShorthandError {
    kind: ShorthandErrorKind,
    input: String,
    /// Offset of the problem, in characters (not bytes) from the start.
    index: usize,
}

impl ShorthandError {
    /// What went wrong.
    pub fn kind(&self) -> &ShorthandErrorKind {
        &self.kind
    }

    /// The whole value that was being parsed.
    pub fn input(&self) -> &str {
        &self.input
    }

    /// Where the problem was found, counted in characters.
    pub fn index(&self) -> usize {
        self.index
    }

    fn render(&self) -> String {
        match &self.kind {
            ShorthandErrorKind::Syntax { expected, received } => format!(
                "Expected: '{expected}', received: '{received}' for input:\n{}",
                self.pointer()
            ),
            ShorthandErrorKind::DuplicateKey { key } => format!(
                "Second instance of key \"{key}\" encountered for input:\n{}\n\
                 This is often because there is a preceding \",\" instead of a space.",
                self.pointer()
            ),
            ShorthandErrorKind::File { message, .. } => message.clone(),
            ShorthandErrorKind::TooDeep { limit } => format!(
                "Lists and maps may be nested at most {limit} levels deep for input:\n{}",
                self.pointer()
            ),
        }
    }

    /// The input with a `^` under the offending character. Only `\n` counts as
    /// a line break: the caret line goes right after the line holding the
    /// problem, and is indented relative to the start of that line.
    fn pointer(&self) -> String {
        let chars: Vec<char> = self.input.chars().collect();
        let at = self.index.min(chars.len());
        let (before, after) = chars.split_at(at);
        let column = match before.iter().rposition(|&c| c == '\n') {
            Some(nl) => at - nl - 1,
            None => at,
        };
        let line_end = after
            .iter()
            .position(|&c| c == '\n')
            .map_or(chars.len(), |n| at + n);
        let head: String = chars[..line_end].iter().collect();
        let tail: String = chars[line_end..].iter().collect();
        format!("{head}\n{}^{tail}", " ".repeat(column))
    }
}

/// Parses one shorthand argument value such as `A=1,B=[x,y],C={d=e}` into a
/// JSON object whose keys keep their input order.
///
/// Values after `@=` that start with `file://` or `fileb://` are replaced by
/// the contents of that file (relative paths are resolved against the
/// current directory; `~` and `$VAR` are expanded as awscli does).
pub fn parse(input: &str) -> Result<Value, ShorthandError> {
    let mut parser = Parser {
        input,
        chars: input.chars().collect(),
        pos: 0,
        load_files: false,
        depth: 0,
    };
    parser.parameter().map(Value::Object)
}

/// Characters allowed in a key.
fn is_key_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '#' | '/' | ':')
}

/// Whitespace skipped around punctuation: Python's `string.whitespace`.
fn is_ascii_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c')
}

/// Whitespace as Python's `str.isspace` / Unicode `\s` sees it: Rust's
/// `White_Space` set plus the four ASCII information separators.
fn is_python_space(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

/// Printable, non-space characters of the Basic Multilingual Plane: the
/// common base of all three word-character classes.
fn is_visible_bmp(c: char) -> bool {
    ('!'..='\u{ffff}').contains(&c)
}

/// Characters that may begin a bare word.
fn starts_word(c: char) -> bool {
    is_visible_bmp(c) && !matches!(c, '"' | '\'' | ',' | '=' | '[' | '{')
}

/// Characters that may continue the first (or only) bare word of a value,
/// and every bare word inside `[...]` and `{...}`.
fn continues_first_word(c: char) -> bool {
    is_python_space(c) || (is_visible_bmp(c) && !matches!(c, '"' | '\'' | ',' | ']' | '}'))
}

/// Characters that may continue the later words of an implicit list.
fn continues_later_word(c: char) -> bool {
    is_python_space(c) || (is_visible_bmp(c) && !matches!(c, '"' | '\'' | ',' | '='))
}

/// Where a bare word continues after position `i`: past an escaped comma,
/// past one `allowed` character, or nowhere.
fn word_step(chars: &[char], i: usize, allowed: fn(char) -> bool) -> Option<usize> {
    match chars.get(i..)? {
        ['\\', ',', ..] => Some(i + 2),
        [c, ..] if allowed(*c) => Some(i + 1),
        _ => None,
    }
}

struct Parser<'a> {
    input: &'a str,
    chars: Vec<char>,
    pos: usize,
    /// Whether the `key@=` form is in effect, so `file://` values load files.
    /// Like awscli, this is one flag set by the most recent key, so a map
    /// nested in a list can switch loading on or off for later list items.
    load_files: bool,
    depth: usize,
}

type Parsed<T> = Result<T, ShorthandError>;

impl Parser<'_> {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn at_end(&self) -> bool {
        self.pos >= self.chars.len()
    }

    fn skip_space(&mut self) {
        while self.peek().is_some_and(is_ascii_space) {
            self.pos += 1;
        }
    }

    fn error(&self, kind: ShorthandErrorKind, index: usize) -> ShorthandError {
        ShorthandError {
            kind,
            input: self.input.to_owned(),
            index,
        }
    }

    fn syntax_error(
        &self,
        expected: impl Into<String>,
        received: impl Into<String>,
    ) -> ShorthandError {
        let kind = ShorthandErrorKind::Syntax {
            expected: expected.into(),
            received: received.into(),
        };
        self.error(kind, self.pos)
    }

    /// Requires `want` at the cursor (after optional whitespace when
    /// `spaced`, which also skips whitespace after it).
    fn expect(&mut self, want: char, spaced: bool) -> Parsed<()> {
        if spaced {
            self.skip_space();
        }
        match self.peek() {
            Some(c) if c == want => self.pos += 1,
            Some(c) => return Err(self.syntax_error(want, c)),
            None => return Err(self.syntax_error(want, "EOF")),
        }
        if spaced {
            self.skip_space();
        }
        Ok(())
    }

    fn parameter(&mut self) -> Parsed<Map<String, Value>> {
        let mut object = Map::new();
        let (key, value) = self.key_value()?;
        object.insert(key, value);
        let mut previous_end = self.pos;
        while !self.at_end() {
            self.expect(',', true)?;
            let (key, value) = self.key_value()?;
            if object.contains_key(&key) {
                // awscli points one character past where the previous pair ended.
                let kind = ShorthandErrorKind::DuplicateKey { key };
                return Err(self.error(kind, previous_end + 1));
            }
            object.insert(key, value);
            previous_end = self.pos;
        }
        Ok(object)
    }

    fn key_value(&mut self) -> Parsed<(String, Value)> {
        let key = self.key();
        self.assignment()?;
        let value = match self.peek() {
            None => Value::String(String::new()),
            Some('[') => self.list()?,
            Some('{') => self.map()?,
            Some(_) => self.implicit_list()?,
        };
        Ok((key, value))
    }

    fn key(&mut self) -> String {
        let start = self.pos;
        while self.peek().is_some_and(is_key_char) {
            self.pos += 1;
        }
        self.chars[start..self.pos].iter().collect()
    }

    /// Reads `=` or `@=`, noting which one it was.
    fn assignment(&mut self) -> Parsed<()> {
        self.skip_space();
        self.load_files = self.peek() == Some('@');
        if self.load_files {
            self.pos += 1;
            self.skip_space();
        }
        self.expect('=', true)
    }

    /// A top-level value that is neither `[...]` nor `{...}`: one word, or
    /// several separated by commas (an implicit list).
    fn implicit_list(&mut self) -> Parsed<Value> {
        let first = self.first_value()?;
        self.skip_space();
        if self.peek() != Some(',') {
            return Ok(Value::String(first));
        }
        self.expect(',', true)?;
        let mut items = vec![Value::String(first)];
        loop {
            match self.later_item() {
                Ok((item, finished)) => {
                    items.push(Value::String(item));
                    if finished {
                        break;
                    }
                }
                // What looked like a list item was really the next `key=`:
                // give it back by returning to the comma before it. At the
                // very end of the input there is nothing to give back.
                Err(e) if matches!(e.kind, ShorthandErrorKind::Syntax { .. }) && !self.at_end() => {
                    self.rewind_to_comma();
                    break;
                }
                Err(e) => return Err(e),
            }
        }
        if items.len() == 1 {
            Ok(items.swap_remove(0))
        } else {
            Ok(Value::Array(items))
        }
    }

    /// One later element of an implicit list plus the comma after it;
    /// `true` when it ended the input instead.
    fn later_item(&mut self) -> Parsed<(String, bool)> {
        let item = self.later_value()?;
        self.skip_space();
        if self.at_end() {
            return Ok((item, true));
        }
        self.expect(',', true)?;
        Ok((item, false))
    }

    fn rewind_to_comma(&mut self) {
        self.pos = self.pos.min(self.chars.len().saturating_sub(1));
        while self.pos > 0 && self.chars[self.pos] != ',' {
            self.pos -= 1;
        }
    }

    fn list(&mut self) -> Parsed<Value> {
        self.descend()?;
        self.expect('[', true)?;
        let mut items = Vec::new();
        while self.peek() != Some(']') {
            let item = self.nested_value()?;
            self.skip_space();
            if self.peek() != Some(']') {
                self.expect(',', false)?;
                self.skip_space();
            }
            items.push(item);
        }
        self.expect(']', false)?;
        self.depth -= 1;
        Ok(Value::Array(items))
    }

    fn map(&mut self) -> Parsed<Value> {
        self.descend()?;
        self.expect('{', true)?;
        let mut object = Map::new();
        while self.peek() != Some('}') {
            let key = self.key();
            self.assignment()?;
            let value = self.nested_value()?;
            self.skip_space();
            if self.peek() != Some('}') {
                self.expect(',', false)?;
                self.skip_space();
            }
            // Inside braces a repeated key silently replaces the earlier value.
            object.insert(key, value);
        }
        self.expect('}', false)?;
        self.depth -= 1;
        Ok(Value::Object(object))
    }

    /// Notes one more open bracket (the one at the cursor), within limits.
    fn descend(&mut self) -> Parsed<()> {
        if self.depth >= MAX_DEPTH {
            let kind = ShorthandErrorKind::TooDeep { limit: MAX_DEPTH };
            return Err(self.error(kind, self.pos));
        }
        self.depth += 1;
        Ok(())
    }

    /// An element of `[...]` or a value in `{...}`.
    fn nested_value(&mut self) -> Parsed<Value> {
        match self.peek() {
            Some('[') => self.list(),
            Some('{') => self.map(),
            _ => self.first_value().map(Value::String),
        }
    }

    /// A quoted string or a bare word; an absent word is the empty string.
    fn first_value(&mut self) -> Parsed<String> {
        match self.peek() {
            Some(q @ ('\'' | '"')) => self.quoted(q),
            _ => match self.bare_word(continues_first_word) {
                Some(word) => self.load(word),
                None => Ok(String::new()),
            },
        }
    }

    /// A quoted string or a bare word that must be present.
    fn later_value(&mut self) -> Parsed<String> {
        match self.peek() {
            Some(q @ ('\'' | '"')) => self.quoted(q),
            _ => match self.bare_word(continues_later_word) {
                Some(word) => self.load(word),
                None => Err(self.syntax_error("<second>", "<none>")),
            },
        }
    }

    /// Consumes the longest bare word at the cursor and returns it with `\,`
    /// turned into `,` and trailing whitespace removed.
    fn bare_word(&mut self, continues: fn(char) -> bool) -> Option<String> {
        let start = self.pos;
        let mut end = word_step(&self.chars, start, starts_word)?;
        while let Some(next) = word_step(&self.chars, end, continues) {
            end = next;
        }
        self.pos = end;
        let raw: String = self.chars[start..end].iter().collect();
        Some(
            raw.replace("\\,", ",")
                .trim_end_matches(is_python_space)
                .to_owned(),
        )
    }

    /// A value between `quote` characters. Inside, `\<quote>` stands for the
    /// quote and `\\` for a backslash; nothing else is special.
    fn quoted(&mut self, quote: char) -> Parsed<String> {
        let Some(close) = self.closing_quote(quote) else {
            let name = if quote == '\'' {
                "<singled quoted>"
            } else {
                "<double quoted>"
            };
            return Err(self.syntax_error(name, "<none>"));
        };
        let body: String = self.chars[self.pos + 1..close].iter().collect();
        self.pos = close + 1;
        let escaped_quote = format!("\\{quote}");
        let text = body
            .replace(&escaped_quote, &quote.to_string())
            .replace("\\\\", "\\");
        self.load(text)
    }

    /// Finds the quote that ends the quoted value opening at the cursor. The
    /// first quote not preceded by a backslash closes it; when there is none,
    /// the last backslash-escaped quote does instead (its backslash then
    /// stays in the value), which is how awscli's backtracking regex behaves.
    fn closing_quote(&self, quote: char) -> Option<usize> {
        let mut last_escaped = None;
        let mut i = self.pos + 1;
        while let Some(&c) = self.chars.get(i) {
            if c == '\\' && self.chars.get(i + 1) == Some(&quote) {
                last_escaped = Some(i + 1);
                i += 2;
            } else if c == quote {
                return Some(i);
            } else {
                i += 1;
            }
        }
        last_escaped
    }

    /// Applies `@=`: a value naming a `file://` or `fileb://` resource is
    /// replaced by that file's contents.
    fn load(&self, value: String) -> Parsed<String> {
        if !self.load_files {
            return Ok(value);
        }
        let loaded = if let Some(rest) = value.strip_prefix("file://") {
            read_text_file(rest)
        } else if let Some(rest) = value.strip_prefix("fileb://") {
            read_binary_file(rest)
        } else {
            return Ok(value);
        };
        loaded.map_err(|message| {
            let kind = ShorthandErrorKind::File {
                uri: value.clone(),
                message: format!("Unable to load paramfile {message}"),
            };
            self.error(kind, self.pos)
        })
    }
}

/// Reads a `file://` resource as text: strict UTF-8, with `\r\n` and lone
/// `\r` turned into `\n` (Python's universal newlines).
fn read_text_file(location: &str) -> Result<String, String> {
    let path = expand_path(location);
    let bytes = read_file("file://", location, &path)?;
    let text = String::from_utf8(bytes).map_err(|_| {
        format!(
            "({path}), text contents could not be decoded.  If this is a binary file, \
             please use the fileb:// prefix instead of the file:// prefix."
        )
    })?;
    Ok(text.replace("\r\n", "\n").replace('\r', "\n"))
}

/// Reads a `fileb://` resource byte for byte. JSON cannot carry raw bytes, so
/// contents that are not UTF-8 are refused rather than mangled.
fn read_binary_file(location: &str) -> Result<String, String> {
    let path = expand_path(location);
    let bytes = read_file("fileb://", location, &path)?;
    String::from_utf8(bytes).map_err(|_| {
        format!(
            "fileb://{location}: the contents of {path} are not valid UTF-8, and binary \
             values cannot be given in shorthand syntax here."
        )
    })
}

/// Reads a parameter file within [`paramfile`]'s bounds.
fn read_file(prefix: &str, location: &str, path: &str) -> Result<Vec<u8>, String> {
    paramfile::read(Path::new(path)).map_err(|e| match e {
        paramfile::ReadError::Io(e) => describe_io_error(prefix, location, path, &e),
        other => format!("{prefix}{location}: {other}"),
    })
}

/// Words an I/O failure the way Python does:
/// `file://x: [Errno 2] No such file or directory: 'x'`.
fn describe_io_error(prefix: &str, location: &str, path: &str, error: &std::io::Error) -> String {
    let text = error.to_string();
    match error.raw_os_error() {
        Some(code) => {
            let suffix = format!(" (os error {code})");
            let reason = text.strip_suffix(&suffix).unwrap_or(&text);
            format!(
                "{prefix}{location}: [Errno {code}] {reason}: {}",
                python_repr(path)
            )
        }
        None => format!("{prefix}{location}: {text}"),
    }
}

/// A string literal as Python's `repr` would usually write it.
fn python_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if !python_printable(c) => {
                let code = c as u32;
                let escape = match code {
                    0..=0xff => format!("\\x{code:02x}"),
                    0x100..=0xffff => format!("\\u{code:04x}"),
                    _ => format!("\\U{code:08x}"),
                };
                out.push_str(&escape);
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// Python's `str.isprintable` for one character, which `repr` keeps as is:
/// everything except control, format, separator (bar the plain space),
/// private-use and noncharacter code points. Unassigned code points, which
/// Python also escapes, are not tracked.
fn python_printable(c: char) -> bool {
    if c == ' ' {
        return true;
    }
    let code = c as u32;
    let format = matches!(
        code,
        0xad | 0x600..=0x605
            | 0x61c
            | 0x6dd
            | 0x70f
            | 0x890..=0x891
            | 0x8e2
            | 0x180e
            | 0x200b..=0x200f
            | 0x202a..=0x202e
            | 0x2060..=0x2064
            | 0x2066..=0x206f
            | 0xfeff
            | 0xfff9..=0xfffb
            | 0x110bd
            | 0x110cd
            | 0x13430..=0x1343f
            | 0x1bca0..=0x1bca3
            | 0x1d173..=0x1d17a
            | 0xe0001
            | 0xe0020..=0xe007f
    );
    let private_use = matches!(code, 0xe000..=0xf8ff | 0xf0000..=0x10ffff);
    let noncharacter = matches!(code, 0xfdd0..=0xfdef) || code & 0xfffe == 0xfffe;
    !(c.is_control() || c.is_whitespace() || format || private_use || noncharacter)
}

/// Expands a leading `~` / `~user`, then `$NAME` and `${NAME}`, leaving
/// anything that cannot be resolved untouched (Python's `expanduser` followed
/// by `expandvars`).
fn expand_path(location: &str) -> String {
    expand_vars(&expand_user(location))
}

fn expand_user(path: &str) -> String {
    let Some(after_tilde) = path.strip_prefix('~') else {
        return path.to_owned();
    };
    let name_len = after_tilde.find('/').unwrap_or(after_tilde.len());
    let (name, rest) = after_tilde.split_at(name_len);
    let home = if name.is_empty() {
        std::env::var("HOME").ok()
    } else {
        home_of_user(name)
    };
    match home {
        Some(home) => {
            let joined = format!("{}{rest}", home.trim_end_matches('/'));
            if joined.is_empty() {
                "/".to_owned()
            } else {
                joined
            }
        }
        None => path.to_owned(),
    }
}

/// The home directory `/etc/passwd` records for `user`, if any.
fn home_of_user(user: &str) -> Option<String> {
    let passwd = std::fs::read_to_string(Path::new("/etc/passwd")).ok()?;
    passwd.lines().find_map(|line| {
        let fields: Vec<&str> = line.split(':').collect();
        (fields.len() >= 7 && fields[0] == user).then(|| fields[5].to_owned())
    })
}

fn expand_vars(path: &str) -> String {
    if !path.contains('$') {
        return path.to_owned();
    }
    let mut out = String::with_capacity(path.len());
    let mut rest = path;
    while let Some(dollar) = rest.find('$') {
        out.push_str(&rest[..dollar]);
        let after = &rest[dollar + 1..];
        let (name, consumed) = if let Some(braced) = after.strip_prefix('{') {
            match braced.find('}') {
                Some(close) => (Some(&braced[..close]), close + 2),
                None => (None, 0),
            }
        } else {
            let len = after
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(after.len());
            if len == 0 {
                (None, 0)
            } else {
                (Some(&after[..len]), len)
            }
        };
        let value = name.and_then(|name| {
            let usable = !name.is_empty() && !name.contains(['=', '\0']);
            if usable { std::env::var_os(name) } else { None }
        });
        match value {
            Some(value) => out.push_str(&value.to_string_lossy()),
            None => out.push_str(&rest[dollar..dollar + 1 + consumed]),
        }
        rest = &after[consumed..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn ok(input: &str) -> Value {
        parse(input).unwrap_or_else(|e| panic!("{input:?} failed: {e}"))
    }

    fn err(input: &str) -> String {
        match parse(input) {
            Ok(v) => panic!("{input:?} unexpectedly parsed as {v}"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn single_pair() {
        assert_eq!(
            ok("ServerNameToVerify=example.com"),
            json!({"ServerNameToVerify": "example.com"})
        );
    }

    #[test]
    fn parameter_mapping_keys_and_values() {
        assert_eq!(
            ok("append:header.x=$request.header.y,overwrite:path=$request.path"),
            json!({"append:header.x": "$request.header.y", "overwrite:path": "$request.path"})
        );
    }

    #[test]
    fn response_parameters_nested_maps() {
        let value =
            ok(r#"200={overwrite:statuscode=204,append:header.a=b},404={remove:header.x=""}"#);
        assert_eq!(
            value,
            json!({
                "200": {"overwrite:statuscode": "204", "append:header.a": "b"},
                "404": {"remove:header.x": ""}
            })
        );
        let keys: Vec<&String> = value["200"].as_object().unwrap().keys().collect();
        assert_eq!(keys, ["overwrite:statuscode", "append:header.a"]);
    }

    #[test]
    fn implicit_list_stops_at_next_key() {
        assert_eq!(
            ok("Audience=a,b,Issuer=https://x"),
            json!({"Audience": ["a", "b"], "Issuer": "https://x"})
        );
    }

    #[test]
    fn explicit_list() {
        assert_eq!(ok("Audience=[a,b]"), json!({"Audience": ["a", "b"]}));
        assert_eq!(ok("A=[]"), json!({"A": []}));
        assert_eq!(ok("A=[x]"), json!({"A": ["x"]}));
    }

    #[test]
    fn keys_keep_input_order() {
        let value = ok("z=1,a=2,m=3");
        let keys: Vec<&String> = value.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["z", "a", "m"]);
    }

    #[test]
    fn empty_values() {
        assert_eq!(ok("k="), json!({"k": ""}));
        assert_eq!(ok("k=\"\""), json!({"k": ""}));
        assert_eq!(ok("k=''"), json!({"k": ""}));
        assert_eq!(ok("a=,b=c"), json!({"a": "", "b": "c"}));
    }

    #[test]
    fn quoting_and_escapes() {
        assert_eq!(ok(r"a=b\,c"), json!({"a": "b,c"}));
        assert_eq!(ok(r#"a="x,y=z""#), json!({"a": "x,y=z"}));
        assert_eq!(ok(r"a='it\'s'"), json!({"a": "it's"}));
        assert_eq!(ok(r#"a="say \"hi\"""#), json!({"a": "say \"hi\""}));
        assert_eq!(ok(r#"a="back\\slash""#), json!({"a": "back\\slash"}));
        // A dangling escaped quote closes the string, backslash and all.
        assert_eq!(ok(r"a='x\'"), json!({"a": "x\\"}));
    }

    #[test]
    fn whitespace() {
        assert_eq!(ok("a = b , c = d"), json!({"a": "b", "c": "d"}));
        assert_eq!(ok("a=b c"), json!({"a": "b c"}));
        assert_eq!(ok("a=[ x , y ]"), json!({"a": ["x", "y"]}));
    }

    #[test]
    fn syntax_error_layout() {
        assert_eq!(
            err("foo"),
            "Expected: '=', received: 'EOF' for input:\nfoo\n   ^"
        );
        assert_eq!(
            err("a=b,\nc=[d"),
            "Expected: ',', received: 'EOF' for input:\na=b,\nc=[d\n    ^"
        );
        assert_eq!(
            err("a==b,\nc"),
            "Expected: ',', received: '=' for input:\na==b,\n  ^\nc"
        );
        assert_eq!(
            err("x\ny=\"z\nw"),
            "Expected: '=', received: 'y' for input:\nx\ny=\"z\n^\nw"
        );
    }

    #[test]
    fn duplicate_top_level_key() {
        assert_eq!(
            err("a=b,a=c"),
            "Second instance of key \"a\" encountered for input:\na=b,a=c\n    ^\n\
             This is often because there is a preceding \",\" instead of a space."
        );
        // Inside braces the last one wins, in the first one's position.
        assert_eq!(ok("m={a=1,b=2,a=3}"), json!({"m": {"a": "3", "b": "2"}}));
    }

    #[test]
    fn error_accessors() {
        let e = parse("a=b,").unwrap_err();
        assert_eq!(e.index(), 4);
        assert_eq!(e.input(), "a=b,");
        assert_eq!(
            e.kind(),
            &ShorthandErrorKind::Syntax {
                expected: "<second>".into(),
                received: "<none>".into()
            }
        );
    }

    #[test]
    fn nesting_is_bounded() {
        let ok_depth = format!("a={}x{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&ok_depth).is_ok());
        let too_deep = format!("a={}", "[".repeat(100_000));
        let e = parse(&too_deep).unwrap_err();
        assert_eq!(e.kind(), &ShorthandErrorKind::TooDeep { limit: MAX_DEPTH });
        assert_eq!(e.index(), 2 + MAX_DEPTH);
    }

    #[test]
    fn loads_files_after_at_equals() {
        let dir = tempfile::tempdir().unwrap();
        let text = dir.path().join("text.txt");
        std::fs::write(&text, "line one\r\nline two\rend\n").unwrap();
        let uri = format!("file://{}", text.display());
        assert_eq!(
            ok(&format!("a@={uri}")),
            json!({"a": "line one\nline two\nend\n"})
        );
        // Without `@` the URI is just text.
        assert_eq!(ok(&format!("a={uri}")), json!({"a": uri}));
        // fileb:// keeps bytes as they are.
        assert_eq!(
            ok(&format!("a @= fileb://{}", text.display())),
            json!({"a": "line one\r\nline two\rend\n"})
        );
        // In lists, maps and quotes too.
        assert_eq!(
            ok(&format!("a@=[{uri},x],b={{c@='{uri}'}}")),
            json!({"a": ["line one\nline two\nend\n", "x"], "b": {"c": "line one\nline two\nend\n"}})
        );
    }

    #[test]
    fn missing_file_names_the_path() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("absent.txt");
        let e = parse(&format!("k@=file://{}", path.display())).unwrap_err();
        let expected = format!(
            "Unable to load paramfile file://{0}: [Errno 2] No such file or directory: '{0}'",
            path.display()
        );
        assert_eq!(e.to_string(), expected);
        assert!(
            matches!(e.kind(), ShorthandErrorKind::File { uri, .. } if uri.ends_with("absent.txt"))
        );
    }

    #[test]
    fn undecodable_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bin");
        std::fs::write(&path, [0xff, 0xfe, 0x00]).unwrap();
        let e = err(&format!("k@=file://{}", path.display()));
        assert!(e.contains("text contents could not be decoded"), "{e}");
        assert!(e.contains(&path.display().to_string()), "{e}");
        let e = err(&format!("k@=fileb://{}", path.display()));
        assert!(e.contains("not valid UTF-8"), "{e}");
    }

    #[test]
    fn nul_in_file_path_is_an_error() {
        // awscli dies with an unhandled ValueError here; a clear error is better.
        let e = err("k@='file://x\0y'");
        assert!(
            e.starts_with("Unable to load paramfile file://x\0y: "),
            "{e:?}"
        );
    }

    #[test]
    fn path_expansion() {
        if let Ok(home) = std::env::var("HOME") {
            assert_eq!(
                expand_user("~/x"),
                format!("{}/x", home.trim_end_matches('/'))
            );
            assert_eq!(expand_vars("$HOME/x"), format!("{home}/x"));
            assert_eq!(expand_vars("${HOME}/x"), format!("{home}/x"));
        }
        assert_eq!(expand_user("a/~"), "a/~");
        assert_eq!(expand_user("~no-such-user-here/x"), "~no-such-user-here/x");
        assert_eq!(
            expand_vars("$NO_SUCH_VAR_FOR_SHORTHAND/x"),
            "$NO_SUCH_VAR_FOR_SHORTHAND/x"
        );
        assert_eq!(
            expand_vars("${}/${a=b}/${open/$/$-"),
            "${}/${a=b}/${open/$/$-"
        );
    }

    #[test]
    fn python_repr_escapes_like_python() {
        assert_eq!(python_repr("a b"), "'a b'");
        assert_eq!(python_repr("it's"), "\"it's\"");
        assert_eq!(python_repr("'\""), "'\\'\"'");
        assert_eq!(
            python_repr("t\tn\n\x1c\u{7f}\u{a0}é中😀"),
            "'t\\tn\\n\\x1c\\x7f\\xa0é中😀'"
        );
        assert_eq!(
            python_repr("\u{3000}\u{200b}\u{feff}\u{e000}\u{ffff}"),
            "'\\u3000\\u200b\\ufeff\\ue000\\uffff'"
        );
        assert_eq!(python_repr("\u{10ffff}"), "'\\U0010ffff'");
    }

    #[test]
    fn python_whitespace_classes() {
        for c in ['\x1c', '\x1f', '\u{85}', '\u{a0}', '\u{3000}'] {
            assert!(is_python_space(c));
        }
        assert!(!is_python_space('\u{200b}'));
        assert_eq!(ok("a=b\u{a0}"), json!({"a": "b"}));
        assert_eq!(ok("a=\u{a0}b"), json!({"a": "\u{a0}b"}));
    }

    #[test]
    fn astral_characters_need_quotes() {
        assert_eq!(
            err("a=\u{1f600}"),
            "Expected: ',', received: '\u{1f600}' for input:\na=\u{1f600}\n  ^"
        );
        assert_eq!(ok("a='\u{1f600}'"), json!({"a": "\u{1f600}"}));
    }
}
