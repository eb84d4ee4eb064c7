//! The local stand-in for a CloudWatch Logs log group: one file per group in
//! `.apigw/logs/` beside the workspace (the folder of the local issuer's key,
//! kept out of git by its own `.gitignore`), one line per log event.
//!
//! ```text
//! apigw.toml
//! .apigw/.gitignore                          "*"
//! .apigw/logs/%2Faws%2Fapigw%2Fdemo.log      group /aws/apigw/demo
//!   1796216400123 <TAB> prod/k3v9x2 <TAB> {"requestId":"…","status":"200"}
//!   timestamp (ms)      log stream          message (\\ \t \n \r escaped)
//! ```
//!
//! Several `serve` processes may append to one group: each writes whole
//! lines, a batch at a time, to a file opened with `O_APPEND`, so lines of
//! different writers never mix.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

/// The longest log group name CloudWatch Logs takes.
pub const MAX_GROUP_NAME: usize = 512;

/// The folder of every log group of the workspace at `workspace`.
pub fn logs_dir(workspace: &Path) -> PathBuf {
    let key = crate::jwt::key_path(workspace);
    key.parent().unwrap_or(Path::new(".apigw")).join("logs")
}

/// Creates the logs folder (and `.apigw` with its `.gitignore`) if missing.
pub fn create_logs_dir(dir: &Path) -> std::io::Result<()> {
    if let Some(state) = dir.parent() {
        crate::jwt::create_private_dir(state)?;
    }
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

/// Why a name is no log group name.
pub fn check_group_name(name: &str) -> Result<(), String> {
    if name.is_empty() || name.len() > MAX_GROUP_NAME {
        return Err(format!(
            "log group name {name:?} must be 1 to {MAX_GROUP_NAME} characters long"
        ));
    }
    if let Some(c) = name
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '/' | '.' | '#')))
    {
        return Err(format!(
            "log group name {name:?} has {c:?}; log group names are letters, digits and _ - / . #"
        ));
    }
    Ok(())
}

/// The file name a group's events live in: the name with `/` and `#`
/// percent-encoded (and a leading `.`, so that no name is `.`, `..` or a
/// hidden file), then `.log`. The name must pass [`check_group_name`], so
/// `%` never appears in it and the encoding is one-to-one.
pub fn file_name(group: &str) -> Result<String, String> {
    check_group_name(group)?;
    let mut out = String::with_capacity(group.len() + 8);
    for (i, c) in group.chars().enumerate() {
        match c {
            '/' => out.push_str("%2F"),
            '#' => out.push_str("%23"),
            '.' if i == 0 => out.push_str("%2E"),
            c => out.push(c),
        }
    }
    out.push_str(".log");
    Ok(out)
}

/// The file of log group `group` of the workspace at `workspace`.
pub fn group_path(workspace: &Path, group: &str) -> Result<PathBuf, String> {
    Ok(logs_dir(workspace).join(file_name(group)?))
}

/// A log stream name for one stage of one `serve` run, as API Gateway gives
/// each of its writers a stream of its own: `STAGE/RUN` (e.g.
/// `prod/k3v9x2ab`), so `--log-stream-name-prefix prod/` picks a stage.
pub fn stream_name(stage: &str, run_id: &str) -> String {
    format!("{stage}/{run_id}")
}

/// A fresh id for one `serve` run: 8 lowercase letters and digits.
pub fn run_id() -> String {
    crate::ops::new_id(8, |_| false)
}

/// One log event as the group's file holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event<'a> {
    pub timestamp_ms: i64,
    pub stream: Cow<'a, str>,
    pub message: Cow<'a, str>,
}

/// Appends one event's line (with its `\n`) to `out`.
pub fn push_line(out: &mut Vec<u8>, timestamp_ms: i64, stream: &str, message: &[u8]) {
    push_timestamp(out, timestamp_ms);
    push_escaped(out, stream.as_bytes());
    out.push(b'\t');
    push_escaped(out, message);
    out.push(b'\n');
}

/// Whether `bytes` hold a byte the file escapes: backslash, tab, newline
/// or carriage return.
pub fn escapes(bytes: &[u8]) -> bool {
    memchr::memchr3(b'\\', b'\t', b'\n', bytes).is_some() || memchr::memchr(b'\r', bytes).is_some()
}

/// [`push_line`] for a stream and message the caller knows hold no byte
/// the file escapes (backslash, tab, newline, carriage return): copied as
/// they are, without a scan.
pub fn push_plain_line(out: &mut Vec<u8>, timestamp_ms: i64, stream: &str, message: &[u8]) {
    push_timestamp(out, timestamp_ms);
    out.extend_from_slice(stream.as_bytes());
    out.push(b'\t');
    out.extend_from_slice(message);
    out.push(b'\n');
}

/// The timestamp and the tab after it.
fn push_timestamp(out: &mut Vec<u8>, timestamp_ms: i64) {
    match u64::try_from(timestamp_ms) {
        Ok(ms) => out.extend_from_slice(super::decimal(ms, &mut [0; 20])),
        Err(_) => out.extend_from_slice(timestamp_ms.to_string().as_bytes()),
    }
    out.push(b'\t');
}

fn push_escaped(out: &mut Vec<u8>, bytes: &[u8]) {
    // Most lines hold none of the four: two vectorised scans, one copy.
    if !escapes(bytes) {
        out.extend_from_slice(bytes);
        return;
    }
    let mut from = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let escaped: &[u8] = match b {
            b'\\' => b"\\\\",
            b'\t' => b"\\t",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            _ => continue,
        };
        out.extend_from_slice(&bytes[from..i]);
        out.extend_from_slice(escaped);
        from = i + 1;
    }
    out.extend_from_slice(&bytes[from..]);
}

fn unescape(text: &str) -> Cow<'_, str> {
    if !text.contains('\\') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    Cow::Owned(out)
}

/// Reads one line of a group's file (without its `\n`). A line that is not
/// `TIMESTAMP\tSTREAM\tMESSAGE` (a file written by something else) is
/// `None` and skipped by readers.
pub fn parse_line(line: &str) -> Option<Event<'_>> {
    let line = line.strip_suffix('\r').unwrap_or(line);
    let (ts, rest) = line.split_once('\t')?;
    let (stream, message) = rest.split_once('\t')?;
    Some(Event {
        timestamp_ms: ts.parse().ok()?,
        stream: unescape(stream),
        message: unescape(message),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn group_names_become_one_safe_file_name() {
        assert_eq!(
            file_name("/aws/apigw/my-api").unwrap(),
            "%2Faws%2Fapigw%2Fmy-api.log"
        );
        assert_eq!(file_name("demo_logs#1").unwrap(), "demo_logs%231.log");
        assert_eq!(file_name("..").unwrap(), "%2E..log");
        assert_eq!(file_name(".hidden").unwrap(), "%2Ehidden.log");
        assert_eq!(file_name("a/../b").unwrap(), "a%2F..%2Fb.log");
        for bad in ["", "a b", "a\\b", "a%2Fb", "a:b", "é", "a\0b"] {
            assert!(file_name(bad).is_err(), "{bad:?}");
        }
        assert!(file_name(&"x".repeat(512)).is_ok());
        assert!(file_name(&"x".repeat(513)).is_err());
        // Never a path of its own: one component inside the logs folder.
        for name in ["..", "/", "a/b/../../..", "."] {
            let p = group_path(Path::new("/w/apigw.toml"), name).unwrap();
            assert_eq!(p.parent(), Some(Path::new("/w/.apigw/logs")), "{name}");
        }
    }

    #[test]
    fn lines_keep_tabs_newlines_and_backslashes_in_messages() {
        let mut out = Vec::new();
        let message = "a\tb\nc\\n\r\\";
        push_line(&mut out, 1_796_216_400_123, "prod/k3v9", message.as_bytes());
        push_line(&mut out, 5, "s", b"");
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 2, "{text:?}");
        assert_eq!(lines[0], "1796216400123\tprod/k3v9\ta\\tb\\nc\\\\n\\r\\\\");
        let e = parse_line(lines[0]).unwrap();
        assert_eq!(e.timestamp_ms, 1_796_216_400_123);
        assert_eq!(e.stream, "prod/k3v9");
        assert_eq!(e.message, message);
        assert_eq!(parse_line(lines[1]).unwrap().message, "");
        for junk in ["", "no tabs", "x\ts\tm", "1\tonly-two"] {
            assert_eq!(parse_line(junk), None, "{junk:?}");
        }
        assert!(matches!(
            parse_line("1\ts\tplain").unwrap().message,
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn the_logs_folder_sits_beside_the_workspace_and_out_of_git() {
        let dir = tempfile::tempdir().unwrap();
        let logs = logs_dir(&dir.path().join("apigw.toml"));
        assert_eq!(logs, dir.path().join(".apigw/logs"));
        create_logs_dir(&logs).unwrap();
        let ignore = std::fs::read_to_string(dir.path().join(".apigw/.gitignore")).unwrap();
        assert!(ignore.lines().any(|l| l == "*"), "{ignore}");
        assert!(logs.is_dir());
        assert_eq!(stream_name("$default", "abc"), "$default/abc");
        assert_eq!(run_id().len(), 8);
    }
}
