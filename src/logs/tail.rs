//! `apigw logs tail`: the aws CLI's `aws logs tail` over the local log
//! groups: the events since `--since` (10 minutes by default), filtered by
//! stream and pattern, printed in the aws CLI's formats; with `--follow`,
//! the file is polled and new events are printed as they are appended,
//! until Ctrl-C (exit 0, as the aws CLI exits).
//!
//! ```text
//! detailed  2026-12-02T13:00:00.123000+00:00 prod/k3v9x2ab MESSAGE
//! short     2026-12-02T13:00:00 MESSAGE
//! json      2026-12-02T13:00:00.123000+00:00 prod/k3v9x2ab MESSAGE (pretty-printed when JSON)
//! none      {"logStreamName": "prod/k3v9x2ab", "timestamp": 1796216400123, "message": …}
//! ```

use super::group::{self, Event};
use super::time;
use std::fmt::Write as _;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::Path;
use std::time::Duration;

/// How often `--follow` looks for new lines.
pub const FOLLOW_EVERY: Duration = Duration::from_millis(200);

/// `--format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    Detailed,
    Short,
    Json,
    None,
}

impl OutputFormat {
    pub const NAMES: &[&str] = &["detailed", "short", "json", "none"];

    pub fn parse(name: &str) -> Option<OutputFormat> {
        Some(match name {
            "detailed" => OutputFormat::Detailed,
            "short" => OutputFormat::Short,
            "json" => OutputFormat::Json,
            "none" => OutputFormat::None,
            _ => return None,
        })
    }
}

/// `--since`: a relative time (`5m`: one number, one unit of s, m, h, d or
/// w), an ISO 8601 timestamp, or seconds since the epoch. Returns
/// milliseconds since the epoch.
pub fn parse_since(text: &str, now_ms: i64) -> Result<i64, String> {
    let t = text.trim();
    if let Some(unit) = t.chars().last()
        && let Some(secs) = match unit {
            's' => Some(1),
            'm' => Some(60),
            'h' => Some(3600),
            'd' => Some(86_400),
            'w' => Some(7 * 86_400),
            _ => None,
        }
    {
        let amount = &t[..t.len() - 1];
        if !amount.is_empty() && amount.bytes().all(|b| b.is_ascii_digit()) {
            let ms = amount
                .parse::<i64>()
                .ok()
                .and_then(|n| n.checked_mul(secs * 1000))
                .ok_or_else(|| format!("{text:?} is too far in the past"))?;
            return Ok(now_ms.saturating_sub(ms));
        }
    }
    if !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()) {
        return t
            .parse::<i64>()
            .ok()
            .and_then(|s| s.checked_mul(1000))
            .ok_or_else(|| format!("{text:?} is too large a time"));
    }
    time::parse_iso(t).ok_or_else(|| {
        format!(
            "{text:?} is neither a relative time (a number and one unit of s, m, h, d or w, \
             such as 10m) nor an ISO 8601 timestamp (such as 2026-12-02T13:00:00Z)"
        )
    })
}

/// `--filter-pattern`, as CloudWatch Logs reads it: terms (every plain
/// term or `"quoted phrase"` must appear, at least one of the `?` terms
/// when there are any, and none of the `-` terms; case-sensitive), or a
/// JSON pattern `{ $.status = 500 }` ([`super::json_pattern`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FilterPattern {
    all: Vec<String>,
    any: Vec<String>,
    none: Vec<String>,
    json: Option<super::json_pattern::Expr>,
}

impl FilterPattern {
    pub fn parse(text: &str) -> Result<FilterPattern, String> {
        let t = text.trim();
        if t.starts_with('{') {
            let json = super::json_pattern::parse(t)
                .map_err(|e| format!("the JSON filter pattern {text:?} is malformed: {e}"))?;
            return Ok(FilterPattern {
                json: Some(json),
                ..FilterPattern::default()
            });
        }
        if t.starts_with('[') {
            return Err(format!(
                "the filter pattern {text:?} is a space-delimited pattern, which apigw does not \
                 match locally; use terms (ERROR, \"an exact phrase\", ?either ?or, -excluded) or \
                 a JSON pattern ({{ $.status = 500 }})"
            ));
        }
        let mut p = FilterPattern::default();
        let mut chars = t.chars().peekable();
        loop {
            while chars.next_if(|c| c.is_whitespace()).is_some() {}
            let Some(&first) = chars.peek() else { break };
            let list = match first {
                '?' => {
                    chars.next();
                    &mut p.any
                }
                '-' => {
                    chars.next();
                    &mut p.none
                }
                _ => &mut p.all,
            };
            let mut term = String::new();
            if chars.next_if_eq(&'"').is_some() {
                let mut closed = false;
                while let Some(c) = chars.next() {
                    match c {
                        '\\' => term.extend(chars.next()),
                        '"' => {
                            closed = true;
                            break;
                        }
                        c => term.push(c),
                    }
                }
                if !closed {
                    return Err(format!(
                        "the filter pattern {text:?} has a quote that is not closed"
                    ));
                }
            } else {
                while let Some(c) = chars.next_if(|c| !c.is_whitespace()) {
                    term.push(c);
                }
            }
            if !term.is_empty() {
                list.push(term);
            }
        }
        Ok(p)
    }

    pub fn matches(&self, message: &str) -> bool {
        if let Some(json) = &self.json {
            return json.matches(message);
        }
        self.all.iter().all(|t| message.contains(t.as_str()))
            && (self.any.is_empty() || self.any.iter().any(|t| message.contains(t.as_str())))
            && !self.none.iter().any(|t| message.contains(t.as_str()))
    }
}

/// What to print.
#[derive(Debug, Clone)]
pub struct TailOptions {
    pub since_ms: i64,
    pub follow: bool,
    pub format: OutputFormat,
    pub stream_names: Vec<String>,
    pub stream_prefix: Option<String>,
    pub filter: FilterPattern,
}

impl TailOptions {
    fn selects(&self, e: &Event<'_>) -> bool {
        e.timestamp_ms >= self.since_ms
            && (self.stream_names.is_empty() || self.stream_names.iter().any(|s| *s == e.stream))
            && self
                .stream_prefix
                .as_deref()
                .is_none_or(|p| e.stream.starts_with(p))
            && self.filter.matches(&e.message)
    }
}

/// Appends `e`'s printed form (ending in one `\n`) to `out`.
pub fn push_event(out: &mut String, format: OutputFormat, e: &Event<'_>) {
    let start = out.len();
    match format {
        OutputFormat::Detailed => {
            time::push_detailed(out, e.timestamp_ms);
            let _ = write!(out, " {} {}", e.stream, e.message);
        }
        OutputFormat::Short => {
            time::push_short(out, e.timestamp_ms);
            let _ = write!(out, " {}", e.message);
        }
        OutputFormat::Json => {
            time::push_iso(out, e.timestamp_ms);
            let _ = write!(out, " {} ", e.stream);
            match pretty_json(&e.message) {
                Some(pretty) => {
                    out.push('\n');
                    out.push_str(&pretty);
                }
                None => out.push_str(&e.message),
            }
        }
        OutputFormat::None => {
            let _ = write!(
                out,
                "{{\"logStreamName\": {}, \"timestamp\": {}, \"message\": {}, \"ingestionTime\": {}}}",
                ascii_json(&serde_json::Value::from(e.stream.as_ref())),
                e.timestamp_ms,
                ascii_json(&serde_json::Value::from(e.message.as_ref())),
                e.timestamp_ms
            );
        }
    }
    // The aws CLI strips trailing white space and ends each event with one
    // newline.
    let kept = out[start..].trim_end().len();
    out.truncate(start + kept);
    out.push('\n');
}

/// A message that is entirely JSON, printed as Python's
/// `json.dumps(indent=4)` prints it (non-ASCII escaped).
fn pretty_json(message: &str) -> Option<String> {
    let value = crate::input::document::parse_json(message).ok()?;
    let mut buf = Vec::new();
    let formatter = serde_json::ser::PrettyFormatter::with_indent(b"    ");
    let mut ser = serde_json::Serializer::with_formatter(&mut buf, formatter);
    serde::Serialize::serialize(&value, &mut ser).ok()?;
    Some(escape_non_ascii(&String::from_utf8(buf).ok()?))
}

fn ascii_json(v: &serde_json::Value) -> String {
    escape_non_ascii(&v.to_string())
}

/// JSON text with every non-ASCII character as `\uXXXX` (a surrogate pair
/// past U+FFFF), as Python's `ensure_ascii` writes it. Such characters
/// only appear inside strings, so this keeps the text's meaning.
fn escape_non_ascii(json: &str) -> String {
    if json.is_ascii() {
        return json.to_string();
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            let mut units = [0u16; 2];
            for u in c.encode_utf16(&mut units) {
                let _ = write!(out, "\\u{u:04x}");
            }
        }
    }
    out
}

/// Reads a group's file from `offset`: the whole lines there, and the
/// offset after the last of them (a line still being written waits for
/// the next read).
#[derive(Default)]
struct Reader {
    offset: u64,
    /// Whether the last read reached the end of the file.
    at_end: bool,
    partial: Vec<u8>,
    /// The file read, to tell when it is replaced.
    identity: Option<(u64, u64)>,
}

impl Reader {
    fn read_new(&mut self, path: &Path) -> std::io::Result<Vec<u8>> {
        let mut file = match std::fs::File::open(path) {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                self.at_end = true;
                return Ok(Vec::new());
            }
            Err(e) => return Err(e),
        };
        let meta = file.metadata()?;
        let len = meta.len();
        #[cfg(unix)]
        let identity = {
            use std::os::unix::fs::MetadataExt;
            Some((meta.dev(), meta.ino()))
        };
        #[cfg(not(unix))]
        let identity = None;
        let replaced = self.identity.is_some() && identity != self.identity;
        self.identity = identity;
        if replaced || len < self.offset {
            // Truncated or replaced: start again from its beginning.
            self.offset = 0;
            self.partial.clear();
        }
        file.seek(SeekFrom::Start(self.offset))?;
        let mut data = std::mem::take(&mut self.partial);
        let read = file
            .take((len - self.offset).min(READ_AT_MOST))
            .read_to_end(&mut data)?;
        self.offset += read as u64;
        self.at_end = self.offset >= len;
        match memchr::memrchr(b'\n', &data) {
            Some(end) => {
                self.partial = data.split_off(end + 1);
                Ok(data)
            }
            None => {
                self.partial = data;
                Ok(Vec::new())
            }
        }
    }
}

/// The most read at once, so that a large group is printed a part at a
/// time (each part in time order) rather than held whole in memory.
const READ_AT_MOST: u64 = 8 << 20;

/// Prints the selected events of `chunk` (whole lines), oldest first.
fn print_chunk(
    chunk: &[u8],
    options: &TailOptions,
    out: &mut impl Write,
    text: &mut String,
) -> std::io::Result<()> {
    let chunk = String::from_utf8_lossy(chunk);
    let mut events: Vec<Event<'_>> = chunk
        .lines()
        .filter_map(group::parse_line)
        .filter(|e| options.selects(e))
        .collect();
    // Writers append batches in their own order; print by time.
    events.sort_by_key(|e| e.timestamp_ms);
    text.clear();
    for e in &events {
        push_event(text, options.format, e);
    }
    out.write_all(text.as_bytes())?;
    out.flush()
}

/// Prints the group file `path` as `options` say; with `follow`, goes on
/// printing new events until Ctrl-C or SIGTERM. A closed stdout (`| head`)
/// ends it quietly.
pub fn tail(path: &Path, options: &TailOptions, out: &mut impl Write) -> std::io::Result<()> {
    let mut reader = Reader::default();
    let mut text = String::new();
    // What is there now, a part at a time; a closed stdout ends it quietly.
    let mut print_new = |reader: &mut Reader, text: &mut String| -> std::io::Result<bool> {
        loop {
            let chunk = reader.read_new(path)?;
            match print_chunk(&chunk, options, out, text) {
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(false),
                other => other?,
            }
            if reader.at_end {
                return Ok(true);
            }
        }
    };
    if !print_new(&mut reader, &mut text)? {
        return Ok(());
    }
    if !options.follow {
        return Ok(());
    }
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let stop = crate::gateway::shutdown_signal();
        tokio::pin!(stop);
        loop {
            tokio::select! {
                () = &mut stop => return Ok(()),
                () = tokio::time::sleep(FOLLOW_EVERY) => {}
            }
            if !print_new(&mut reader, &mut text)? {
                return Ok(());
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;

    const NOW: i64 = 1_796_216_400_123;

    fn event<'a>(ts: i64, stream: &'a str, message: &'a str) -> Event<'a> {
        Event {
            timestamp_ms: ts,
            stream: Cow::Borrowed(stream),
            message: Cow::Borrowed(message),
        }
    }

    #[test]
    fn since_takes_relative_iso_and_epoch_times() {
        assert_eq!(parse_since("10m", NOW), Ok(NOW - 600_000));
        assert_eq!(parse_since("30s", NOW), Ok(NOW - 30_000));
        assert_eq!(parse_since("2h", NOW), Ok(NOW - 7_200_000));
        assert_eq!(parse_since("1d", NOW), Ok(NOW - 86_400_000));
        assert_eq!(parse_since("1w", NOW), Ok(NOW - 604_800_000));
        assert_eq!(parse_since("0m", NOW), Ok(NOW));
        assert_eq!(parse_since("2026-12-02T13:00:00Z", NOW), Ok(NOW - 123));
        assert_eq!(parse_since("1796216400", NOW), Ok(NOW - 123));
        for bad in ["5h30m", "m", "-5m", "10 m", "10y", "soon", ""] {
            let e = parse_since(bad, NOW).unwrap_err();
            assert!(
                e.contains("relative time") || e.contains("too"),
                "{bad}: {e}"
            );
        }
        assert!(parse_since("99999999999999999m", NOW).is_err());
    }

    #[test]
    fn filter_patterns_of_terms() {
        let p = FilterPattern::parse("GET \"/prod/pets 500\" ?alpha ?beta -health").unwrap();
        assert!(p.matches("GET /prod/pets 500 alpha"));
        assert!(p.matches("beta GET /prod/pets 500"));
        assert!(!p.matches("GET /prod/pets 500"), "needs one of the ? terms");
        assert!(!p.matches("GET /prod/pets 500 alpha health"));
        assert!(!p.matches("get /prod/pets 500 alpha"), "case-sensitive");
        assert!(FilterPattern::parse("").unwrap().matches("anything"));
        assert!(FilterPattern::parse("  ").unwrap().matches(""));
        let quoted = FilterPattern::parse(r#""say \"hi\"""#).unwrap();
        assert!(quoted.matches("they say \"hi\" here"));
        assert!(FilterPattern::parse("\"open").is_err());
        let json = FilterPattern::parse("{ $.status = 500 }").unwrap();
        assert!(json.matches(r#"{"status":"500"}"#));
        assert!(!json.matches("status 500"));
        let e = FilterPattern::parse("{ $.status }").unwrap_err();
        assert!(e.contains("JSON filter pattern"), "{e}");
        let e = FilterPattern::parse("[ip, status]").unwrap_err();
        assert!(e.contains("space-delimited"), "{e}");
    }

    #[test]
    fn the_aws_cli_formats() {
        let e = event(NOW, "prod/k3v9", "{\"status\":\"200\",\"name\":\"é\"}  \n");
        let mut out = String::new();
        push_event(&mut out, OutputFormat::Detailed, &e);
        assert_eq!(
            out,
            "2026-12-02T13:00:00.123000+00:00 prod/k3v9 {\"status\":\"200\",\"name\":\"é\"}\n"
        );
        out.clear();
        push_event(&mut out, OutputFormat::Short, &e);
        assert_eq!(
            out,
            "2026-12-02T13:00:00 {\"status\":\"200\",\"name\":\"é\"}\n"
        );
        out.clear();
        push_event(&mut out, OutputFormat::Json, &e);
        assert_eq!(
            out,
            "2026-12-02T13:00:00.123000+00:00 prod/k3v9 \n{\n    \"status\": \"200\",\n    \"name\": \"\\u00e9\"\n}\n"
        );
        out.clear();
        push_event(
            &mut out,
            OutputFormat::Json,
            &event(NOW - 123, "s", "not json"),
        );
        assert_eq!(out, "2026-12-02T13:00:00+00:00 s not json\n");
        out.clear();
        push_event(&mut out, OutputFormat::None, &event(NOW, "s", "a \"b\""));
        assert_eq!(
            out,
            "{\"logStreamName\": \"s\", \"timestamp\": 1796216400123, \"message\": \"a \\\"b\\\"\", \"ingestionTime\": 1796216400123}\n"
        );
    }

    #[test]
    fn reading_leaves_a_half_written_line_for_later_and_starts_over_after_truncation() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("g.log");
        let mut r = Reader::default();
        assert!(r.read_new(&path).unwrap().is_empty(), "no file yet");
        std::fs::write(&path, "1\ts\tone\n2\ts\ttw").unwrap();
        assert_eq!(r.read_new(&path).unwrap(), b"1\ts\tone\n");
        let mut f = std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .unwrap();
        f.write_all(b"o\n").unwrap();
        assert_eq!(r.read_new(&path).unwrap(), b"2\ts\ttwo\n");
        assert!(r.read_new(&path).unwrap().is_empty());
        std::fs::write(&path, "3\ts\tnew\n").unwrap();
        assert_eq!(r.read_new(&path).unwrap(), b"3\ts\tnew\n");
        // Replaced by a file longer than what was read: read whole. (The
        // old one is kept, so that the new one cannot reuse its inode.)
        std::fs::rename(&path, dir.path().join("old.log")).unwrap();
        std::fs::write(&path, "4\ts\tagain, a longer line\n").unwrap();
        assert_eq!(r.read_new(&path).unwrap(), b"4\ts\tagain, a longer line\n");
    }

    #[test]
    fn a_group_larger_than_one_read_is_printed_whole_a_part_at_a_time() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.log");
        let message = "x".repeat(1000);
        let mut data = Vec::new();
        let lines = (READ_AT_MOST as usize / 1000) + 500;
        for i in 0..lines {
            group::push_line(&mut data, NOW + i as i64, "s", message.as_bytes());
        }
        std::fs::write(&path, &data).unwrap();
        let options = TailOptions {
            since_ms: 0,
            follow: false,
            format: OutputFormat::Short,
            stream_names: Vec::new(),
            stream_prefix: None,
            filter: FilterPattern::default(),
        };
        let mut out = Vec::new();
        tail(&path, &options, &mut out).unwrap();
        assert_eq!(out.iter().filter(|b| **b == b'\n').count(), lines);
    }

    #[test]
    fn options_select_by_time_stream_and_pattern() {
        let lines = format!(
            "{}\tprod/a\tGET 200\n{}\tprod/b\tGET 500\n{}\tdev/a\told\n{}\tdev/a\tPOST 201\nnot a line\n",
            NOW + 2,
            NOW + 1,
            NOW - 1_000_000,
            NOW
        );
        let mut options = TailOptions {
            since_ms: NOW - 600_000,
            follow: false,
            format: OutputFormat::Short,
            stream_names: Vec::new(),
            stream_prefix: None,
            filter: FilterPattern::default(),
        };
        let run = |options: &TailOptions| {
            let mut out = Vec::new();
            print_chunk(lines.as_bytes(), options, &mut out, &mut String::new()).unwrap();
            String::from_utf8(out)
                .unwrap()
                .lines()
                .map(|l| l[20..].to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(run(&options), ["POST 201", "GET 500", "GET 200"]);
        options.stream_prefix = Some("prod/".into());
        assert_eq!(run(&options), ["GET 500", "GET 200"]);
        options.stream_prefix = None;
        options.stream_names = vec!["prod/a".into(), "dev/a".into()];
        assert_eq!(run(&options), ["POST 201", "GET 200"]);
        options.stream_names.clear();
        options.filter = FilterPattern::parse("GET -500").unwrap();
        assert_eq!(run(&options), ["GET 200"]);
    }
}
