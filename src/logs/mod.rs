//! Access logs: what a stage's `AccessLogSettings` asks the gateway to
//! write, and where it goes. A format is compiled once per stage
//! ([`Pieces`]) and rendered per request from a [`Context`]; the line goes
//! to the [`Writer`] of the log group the `DestinationArn` names, whose
//! local stand-in is a file beside the workspace ([`group`]); `apigw logs
//! tail` reads it back as `aws logs tail` does ([`tail`]).
//!
//! ```text
//! request ─▶ Pieces::render(Context) ─▶ Writer::log ─▶ .apigw/logs/<group>.log ─▶ apigw logs tail
//! ```

pub mod format;
pub mod group;
pub mod json_pattern;
pub mod stage;
pub mod tail;
pub mod time;
pub mod writer;

pub use format::{Context, Pieces, UnknownVariable};
pub use stage::{Groups, StageLog};
pub use writer::{Line, Writer};
