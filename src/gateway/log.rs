//! Access log lines on stderr, one per request, as text or JSON (with the
//! names of API Gateway's `$context` access-log variables). Requests add
//! lines to a buffer that a writer thread writes in batches, so a request
//! never waits on the terminal nor wakes a thread.

use serde::Serialize;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LogFormat {
    #[default]
    Text,
    Json,
}

/// One request, as logged.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Record<'a> {
    pub request_id: &'a str,
    pub ip: &'a str,
    pub request_time: &'a str,
    pub http_method: &'a str,
    pub path: &'a str,
    pub stage: Option<&'a str>,
    pub route_key: Option<&'a str>,
    pub status: u16,
    pub backend: Option<&'a str>,
    /// Milliseconds from the request to the response's headers.
    pub response_latency: f64,
    #[serde(skip)]
    pub latency_us: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<&'a str>,
}

/// Lines waiting for the writer, and how to wake it.
struct Pending {
    lines: Mutex<String>,
    wake: Condvar,
    closed: AtomicBool,
}

/// How long a line may wait before the writer writes it.
const FLUSH_EVERY: Duration = Duration::from_millis(100);
/// Past this much waiting text the writer is woken at once.
const FLUSH_AT: usize = 64 * 1024;

#[derive(Clone)]
pub struct AccessLog {
    pending: Arc<Pending>,
    format: LogFormat,
}

/// The writer thread; [`Writer::finish`] writes what is left and ends it.
pub struct Writer {
    pending: Arc<Pending>,
    thread: Option<JoinHandle<()>>,
}

impl Writer {
    pub fn finish(mut self) {
        self.stop();
    }

    fn stop(&mut self) {
        self.pending.closed.store(true, Ordering::Release);
        self.pending.wake.notify_one();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl Drop for Writer {
    fn drop(&mut self) {
        self.stop();
    }
}

impl AccessLog {
    /// Starts the writer thread. Requests append to a shared buffer (no
    /// wake-up per line); the writer writes it every 100 ms, or sooner when
    /// it grows large.
    pub fn start(format: LogFormat) -> (AccessLog, Writer) {
        let pending = Arc::new(Pending {
            lines: Mutex::new(String::with_capacity(FLUSH_AT)),
            wake: Condvar::new(),
            closed: AtomicBool::new(false),
        });
        let thread = {
            let pending = pending.clone();
            std::thread::Builder::new()
                .name("apigw-access-log".into())
                .spawn(move || write_until_closed(&pending))
                .expect("the access log thread starts")
        };
        (
            AccessLog {
                pending: pending.clone(),
                format,
            },
            Writer {
                pending,
                thread: Some(thread),
            },
        )
    }

    fn append(&self, write: impl FnOnce(&mut String)) {
        let mut lines = self.pending.lines.lock().unwrap_or_else(|p| p.into_inner());
        write(&mut lines);
        if lines.len() >= FLUSH_AT {
            self.pending.wake.notify_one();
        }
    }

    pub fn record(&self, r: &Record<'_>) {
        match self.format {
            LogFormat::Json => {
                if let Ok(line) = serde_json::to_string(r) {
                    self.append(|out| {
                        out.push_str(&line);
                        out.push('\n');
                    });
                }
            }
            LogFormat::Text => self.append(|out| text(out, r)),
        }
    }

    /// A line that is not about one request (health, reloads).
    pub fn note(&self, message: &str) {
        match self.format {
            LogFormat::Json => {
                let line = serde_json::json!({ "message": message }).to_string();
                self.append(|out| {
                    out.push_str(&line);
                    out.push('\n');
                });
            }
            LogFormat::Text => self.append(|out| {
                out.push_str("apigw serve: ");
                out.push_str(message);
                out.push('\n');
            }),
        }
        // Notes are rare and worth seeing at once.
        self.pending.wake.notify_one();
    }
}

fn write_until_closed(pending: &Pending) {
    let mut batch = String::with_capacity(FLUSH_AT);
    loop {
        let closed = {
            let mut lines = pending.lines.lock().unwrap_or_else(|p| p.into_inner());
            if lines.is_empty() && !pending.closed.load(Ordering::Acquire) {
                lines = pending
                    .wake
                    .wait_timeout(lines, FLUSH_EVERY)
                    .map(|(g, _)| g)
                    .unwrap_or_else(|p| p.into_inner().0);
            }
            std::mem::swap(&mut *lines, &mut batch);
            pending.closed.load(Ordering::Acquire)
        };
        if !batch.is_empty() {
            // One write per batch; `eprint!` so a test harness captures it.
            eprint!("{batch}");
            batch.clear();
        }
        if closed && pending.lines.lock().map(|l| l.is_empty()).unwrap_or(true) {
            return;
        }
    }
}

/// Writes a text line; by hand, as this runs for every request.
fn text(s: &mut String, r: &Record<'_>) {
    s.push_str(r.request_time);
    s.push(' ');
    s.push_str(r.request_id);
    s.push(' ');
    s.push_str(r.ip);
    s.push_str(" \"");
    s.push_str(r.http_method);
    s.push(' ');
    s.push_str(r.path);
    s.push_str("\" ");
    push_number(s, u64::from(r.status));
    s.push_str(" route=");
    match r.route_key {
        Some(k) => push_quoted(s, k),
        None => s.push('-'),
    }
    s.push_str(" stage=");
    s.push_str(r.stage.unwrap_or("-"));
    s.push_str(" backend=");
    s.push_str(r.backend.unwrap_or("-"));
    s.push(' ');
    push_number(s, r.latency_us / 1000);
    s.push('.');
    let frac = r.latency_us % 1000;
    if frac < 100 {
        s.push('0');
    }
    if frac < 10 {
        s.push('0');
    }
    push_number(s, frac);
    s.push_str("ms");
    if let Some(e) = r.error {
        s.push_str(" error=");
        push_quoted(s, e);
    }
    s.push('\n');
}

fn push_number(s: &mut String, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    s.push_str(std::str::from_utf8(&digits[i..]).unwrap_or_default());
}

/// `"text"`, escaped as Rust's `{:?}` escapes it when it needs escaping.
fn push_quoted(s: &mut String, text: &str) {
    if text
        .bytes()
        .all(|b| b != b'"' && b != b'\\' && (b' '..=b'~').contains(&b))
    {
        s.push('"');
        s.push_str(text);
        s.push('"');
    } else {
        use std::fmt::Write as _;
        let _ = write!(s, "{text:?}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_json_lines() {
        let r = Record {
            request_id: "abc=",
            ip: "127.0.0.1",
            request_time: "2024-01-01T00:00:00+00:00",
            http_method: "GET",
            path: "/test/pets",
            stage: Some("test"),
            route_key: Some("GET /pets"),
            status: 200,
            backend: Some("127.0.0.1:9001"),
            response_latency: 1.5,
            latency_us: 1500,
            error: None,
        };
        let mut line = String::new();
        text(&mut line, &r);
        assert_eq!(
            line,
            "2024-01-01T00:00:00+00:00 abc= 127.0.0.1 \"GET /test/pets\" 200 route=\"GET /pets\" stage=test backend=127.0.0.1:9001 1.500ms\n"
        );
        let json: serde_json::Value = serde_json::to_value(&r).unwrap();
        assert_eq!(json["routeKey"], "GET /pets");
        assert_eq!(json["status"], 200);
        assert!(json.get("error").is_none());
        let mut line = String::new();
        text(
            &mut line,
            &Record {
                route_key: None,
                latency_us: 12_034,
                error: Some("said \"no\""),
                ..r
            },
        );
        assert!(
            line.ends_with(
                "route=- stage=test backend=127.0.0.1:9001 12.034ms error=\"said \\\"no\\\"\"\n"
            ),
            "{line}"
        );
    }
}
