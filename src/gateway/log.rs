//! Access log lines on stderr, one per request, as text or JSON (with the
//! names of API Gateway's `$context` access-log variables). Lines are
//! handed to a writer thread, which writes them in batches, so a request
//! never waits on the terminal.

use serde::Serialize;
use std::sync::mpsc;
use std::thread::JoinHandle;

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
    pub request_time: String,
    pub http_method: &'a str,
    pub path: &'a str,
    pub stage: Option<&'a str>,
    pub route_key: Option<&'a str>,
    pub status: u16,
    pub backend: Option<&'a str>,
    /// Milliseconds from the request to the response's headers.
    pub response_latency: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<&'a str>,
}

#[derive(Clone)]
pub struct AccessLog {
    tx: mpsc::Sender<String>,
    format: LogFormat,
}

impl AccessLog {
    /// Starts the writer thread; it ends, having written everything, when
    /// the last `AccessLog` is dropped.
    pub fn start(format: LogFormat) -> (AccessLog, JoinHandle<()>) {
        let (tx, rx) = mpsc::channel::<String>();
        let writer = std::thread::Builder::new()
            .name("apigw-access-log".into())
            .spawn(move || {
                let mut batch = String::with_capacity(64 * 1024);
                while let Ok(line) = rx.recv() {
                    batch.push_str(&line);
                    while batch.len() < 60 * 1024 {
                        match rx.try_recv() {
                            Ok(line) => batch.push_str(&line),
                            Err(_) => break,
                        }
                    }
                    // One write per batch; `eprint!` so a test harness captures it.
                    eprint!("{batch}");
                    batch.clear();
                }
            })
            .expect("the access log thread starts");
        (AccessLog { tx, format }, writer)
    }

    pub fn record(&self, r: &Record<'_>) {
        let line = match self.format {
            LogFormat::Json => match serde_json::to_string(r) {
                Ok(mut s) => {
                    s.push('\n');
                    s
                }
                Err(_) => return,
            },
            LogFormat::Text => text(r),
        };
        let _ = self.tx.send(line);
    }

    /// A line that is not about one request (health, reloads).
    pub fn note(&self, message: &str) {
        let line = match self.format {
            LogFormat::Json => {
                let mut s = serde_json::json!({ "message": message }).to_string();
                s.push('\n');
                s
            }
            LogFormat::Text => format!("apigw serve: {message}\n"),
        };
        let _ = self.tx.send(line);
    }
}

fn text(r: &Record<'_>) -> String {
    use std::fmt::Write as _;
    let mut s = String::with_capacity(160);
    let _ = write!(
        s,
        "{} {} {} \"{} {}\" {} route={} stage={} backend={} {:.3}ms",
        r.request_time,
        r.request_id,
        r.ip,
        r.http_method,
        r.path,
        r.status,
        r.route_key.map_or("-".to_string(), |k| format!("{k:?}")),
        r.stage.unwrap_or("-"),
        r.backend.unwrap_or("-"),
        r.response_latency,
    );
    if let Some(e) = r.error {
        let _ = write!(s, " error={e:?}");
    }
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_json_lines() {
        let r = Record {
            request_id: "abc=",
            ip: "127.0.0.1",
            request_time: "2024-01-01T00:00:00+00:00".into(),
            http_method: "GET",
            path: "/test/pets",
            stage: Some("test"),
            route_key: Some("GET /pets"),
            status: 200,
            backend: Some("127.0.0.1:9001"),
            response_latency: 1.5,
            error: None,
        };
        assert_eq!(
            text(&r),
            "2024-01-01T00:00:00+00:00 abc= 127.0.0.1 \"GET /test/pets\" 200 route=\"GET /pets\" stage=test backend=127.0.0.1:9001 1.500ms\n"
        );
        let json: serde_json::Value = serde_json::to_value(&r).unwrap();
        assert_eq!(json["routeKey"], "GET /pets");
        assert_eq!(json["status"], 200);
        assert!(json.get("error").is_none());
    }
}
