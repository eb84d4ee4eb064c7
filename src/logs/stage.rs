//! The access log of one stage as the gateway's plan holds it: the format
//! compiled, the log stream, and the writer of the log group its
//! `DestinationArn` names. [`Groups`] keeps one writer per log group for
//! the whole `serve` run (plans come and go on reload; a group's file stays
//! open) and flushes them all at shutdown.

use super::format::{Context, Pieces};
use super::group;
use super::writer::Writer;
use crate::model::AccessLogSettings;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// The log groups one `serve` run writes to.
pub struct Groups {
    workspace: PathBuf,
    /// This run's part of each log stream's name.
    run_id: String,
    writers: Mutex<HashMap<String, Arc<Writer>>>,
}

impl std::fmt::Debug for Groups {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Groups")
            .field("workspace", &self.workspace)
            .field("run_id", &self.run_id)
            .finish_non_exhaustive()
    }
}

impl Groups {
    /// The groups of the workspace at `workspace`, for a new run.
    pub fn new(workspace: &Path) -> Groups {
        Groups {
            workspace: workspace.to_path_buf(),
            run_id: group::run_id(),
            writers: Mutex::new(HashMap::new()),
        }
    }

    /// The writer of `group`, opened on first use.
    pub fn writer(&self, group_name: &str) -> Result<Arc<Writer>, String> {
        let mut writers = self.writers.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(w) = writers.get(group_name) {
            return Ok(w.clone());
        }
        let path = group::group_path(&self.workspace, group_name)?;
        let w = Arc::new(
            Writer::new(&path).map_err(|e| format!("cannot open {}: {e}", path.display()))?,
        );
        writers.insert(group_name.to_string(), w.clone());
        Ok(w)
    }

    /// Writes what every group has queued and stops their threads. Returns
    /// each group that dropped lines, with how many.
    pub fn flush_and_stop(&self) -> Vec<(String, u64)> {
        let writers: Vec<(String, Arc<Writer>)> = self
            .writers
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .iter()
            .map(|(g, w)| (g.clone(), w.clone()))
            .collect();
        let mut dropped: Vec<(String, u64)> = writers
            .into_iter()
            .map(|(g, w)| (g, w.flush_and_stop()))
            .filter(|(_, n)| *n > 0)
            .collect();
        dropped.sort();
        dropped
    }
}

/// One stage's access log, compiled.
#[derive(Debug)]
pub struct StageLog {
    pub pieces: Pieces,
    /// The log group's name, as the `DestinationArn` gives it.
    pub group: String,
    pub stream: Arc<str>,
    /// The stream's name holds no byte the group file escapes.
    stream_plain: bool,
    writer: Arc<Writer>,
}

impl StageLog {
    /// The access log of stage `stage` with `settings`: `None` when it logs
    /// nothing (no settings, or no destination or format); an error, for
    /// the plan's warnings, when the settings cannot be served (which the
    /// control plane's rules prevent, save in a hand-edited file).
    pub fn compile(
        groups: &Groups,
        stage: &str,
        settings: Option<&AccessLogSettings>,
    ) -> Result<Option<StageLog>, String> {
        let Some(settings) = settings else {
            return Ok(None);
        };
        let (Some(arn), Some(format)) = (&settings.destination_arn, &settings.format) else {
            return Ok(None);
        };
        let why = |e: String| format!("stage {stage} writes no access log: {e}");
        let group = crate::rules::arn::log_group(arn)
            .ok_or_else(|| why(format!("{arn} is not a CloudWatch Logs log group ARN")))?
            .name
            .to_string();
        let pieces = Pieces::compile(format).map_err(|e| why(e.to_string()))?;
        let writer = groups.writer(&group).map_err(why)?;
        let stream = group::stream_name(stage, &groups.run_id);
        Ok(Some(StageLog {
            pieces,
            group,
            stream_plain: !group::escapes(stream.as_bytes()),
            stream: stream.into(),
            writer,
        }))
    }

    /// Renders the line for `ctx` and hands it to the group's writer; never
    /// waits.
    pub fn log(&self, ctx: &Context<'_>) {
        thread_local! {
            /// Each worker thread's line being rendered: no allocation per
            /// request.
            static LINE: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
        }
        LINE.with_borrow_mut(|line| {
            line.clear();
            let plain = self.pieces.render_into(ctx, line);
            // The event's time is the request's (read once per request).
            let now = ctx.request_time_ms;
            if plain && self.stream_plain {
                self.writer.log_plain(now, &self.stream, line);
            } else {
                self.writer.log(now, &self.stream, line.as_slice());
            }
            if line.capacity() > 256 * 1024 {
                *line = Vec::new();
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stages_share_a_group_writer_and_have_streams_of_their_own() {
        let dir = tempfile::tempdir().unwrap();
        let ws = dir.path().join("apigw.toml");
        let groups = Groups::new(&ws);
        let settings = |group: &str, format: &str| AccessLogSettings {
            destination_arn: Some(format!(
                "arn:aws:logs:us-east-2:123456789012:log-group:{group}"
            )),
            format: Some(format.into()),
        };
        let prod = StageLog::compile(
            &groups,
            "prod",
            Some(&settings("/aws/demo", "$context.requestId $context.stage")),
        )
        .unwrap()
        .unwrap();
        let dev = StageLog::compile(
            &groups,
            "dev",
            Some(&settings("/aws/demo", "$context.requestId")),
        )
        .unwrap()
        .unwrap();
        assert!(Arc::ptr_eq(&prod.writer, &dev.writer));
        assert_ne!(prod.stream, dev.stream);
        assert!(prod.stream.starts_with("prod/"));
        let ctx = Context {
            request_id: "r1",
            stage: "prod",
            ..Context::default()
        };
        prod.log(&ctx);
        dev.log(&Context {
            request_id: "r2",
            ..ctx.clone()
        });
        assert!(groups.flush_and_stop().is_empty());
        let text = std::fs::read_to_string(group::group_path(&ws, "/aws/demo").unwrap()).unwrap();
        let messages: Vec<String> = text
            .lines()
            .map(|l| group::parse_line(l).unwrap().message.into_owned())
            .collect();
        assert_eq!(messages, ["r1 prod", "r2"]);

        assert!(StageLog::compile(&groups, "x", None).unwrap().is_none());
        let no_format = AccessLogSettings {
            format: None,
            ..settings("/aws/demo", "")
        };
        assert!(
            StageLog::compile(&groups, "x", Some(&no_format))
                .unwrap()
                .is_none()
        );
        let e = StageLog::compile(
            &groups,
            "x",
            Some(&settings("/aws/demo", "$context.resourcePath")),
        )
        .unwrap_err();
        assert!(e.contains("$context.resourcePath"), "{e}");
    }

    #[test]
    fn lines_with_tabs_backslashes_and_quotes_come_back_whole() {
        let dir = tempfile::tempdir().unwrap();
        let ws = dir.path().join("apigw.toml");
        let groups = Groups::new(&ws);
        let settings = |format: &str| AccessLogSettings {
            destination_arn: Some("arn:aws:logs:us-east-2:123456789012:log-group:g".into()),
            format: Some(format.into()),
        };
        let text = StageLog::compile(
            &groups,
            "prod",
            Some(&settings("$context.identity.userAgent")),
        )
        .unwrap()
        .unwrap();
        let json = StageLog::compile(
            &groups,
            "dev",
            Some(&settings(r#"{"ua":"$context.identity.userAgent"}"#)),
        )
        .unwrap()
        .unwrap();
        let agents = [
            "plain/1.0",
            "a\tb",
            "tab\there",
            "say \"hi\"",
            "new\nline\r",
        ];
        for ua in agents {
            let ctx = Context {
                user_agent: Some(ua),
                ..Context::default()
            };
            text.log(&ctx);
            json.log(&ctx);
        }
        assert!(groups.flush_and_stop().is_empty());
        let file = std::fs::read_to_string(group::group_path(&ws, "g").unwrap()).unwrap();
        let events: Vec<_> = file
            .lines()
            .map(|l| group::parse_line(l).unwrap())
            .collect();
        assert_eq!(events.len(), 2 * agents.len(), "{file}");
        for (i, ua) in agents.iter().enumerate() {
            assert_eq!(events[2 * i].message, *ua);
            let v: serde_json::Value = serde_json::from_str(&events[2 * i + 1].message).unwrap();
            assert_eq!(v["ua"], *ua);
        }
    }
}
