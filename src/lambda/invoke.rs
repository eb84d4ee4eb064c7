//! The one call the gateway makes to run a function.

use bytes::Bytes;
use std::future::Future;
use std::pin::Pin;
use std::time::Instant;

/// What the caller knows about the invocation besides the event.
#[derive(Debug, Clone)]
pub struct InvokeContext {
    /// The gateway's request id (`$context.requestId`): function output in
    /// the serve log and in the `/aws/lambda/NAME` log group carries it.
    pub request_id: String,
    /// When the gateway stops waiting (the integration's timeout); the
    /// function's own timeout may end it sooner.
    pub deadline: Instant,
}

/// A function's answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invoked {
    /// The payload the function returned (or its error document).
    pub payload: Bytes,
    /// `Some("Unhandled")` (the Invoke API's `X-Amz-Function-Error`) when the
    /// function failed: the payload is then the error document.
    pub function_error: Option<String>,
}

/// Why there is no answer. The gateway answers 500 for each and logs this.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InvokeError {
    /// No function of that name (or qualifier) is defined or reachable.
    #[error("function not found: {0}")]
    NotFound(String),
    /// The function ran past its timeout or the caller's deadline.
    #[error("function timed out after {0} ms")]
    Timeout(u64),
    /// The function could not be run or its answer not read (a crash, an
    /// `/init/error`, a refused connection, a payload over 6 MB).
    #[error("{0}")]
    Failed(String),
}

/// The future [`Invoker::invoke`] returns.
pub type InvokeFuture<'a> = Pin<Box<dyn Future<Output = Result<Invoked, InvokeError>> + Send + 'a>>;

/// Runs a function. `function` is the ARN as the integration or authorizer
/// names it (`arn:aws:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER]`, as
/// `rules::arn::lambda_function` returns it); `event` is the JSON event.
pub trait Invoker: Send + Sync {
    fn invoke<'a>(
        &'a self,
        function: &'a str,
        event: Bytes,
        context: &'a InvokeContext,
    ) -> InvokeFuture<'a>;

    /// Hands the invoker the gateway's log, for the lines it writes itself
    /// (function output, instances started and stopped). Called once, as
    /// the gateway starts.
    fn attach_log(&self, _log: LogSink) {}

    /// The workspace was loaded or reloaded: an invoker that runs the
    /// workspace's own functions takes the new definitions. Returns notes
    /// for the log (functions that cannot run here).
    fn workspace_changed(&self, _ws: &crate::workspace::Workspace) -> Vec<String> {
        Vec::new()
    }
}

/// Where an invoker's own log lines go.
pub type LogSink = std::sync::Arc<dyn Fn(&str) + Send + Sync>;
