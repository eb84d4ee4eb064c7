//! Lambda functions, locally: the seam between the gateway, which builds
//! Lambda events and reads their answers, and whatever runs the function.
//!
//! The gateway only ever calls [`Invoker::invoke`] with the function ARN an
//! `AWS_PROXY` integration or a `REQUEST` authorizer names and the event as
//! JSON bytes; it never knows whether a process of this machine answered
//! (the Runtime API host) or another emulator did over the Lambda Invoke
//! API. Both are real: an answer is the function's own bytes.

pub mod code;
pub mod function;
pub mod host;
pub mod invoke;
mod once;
mod process;
pub mod remote;
mod runtime_api;
mod zip;

pub use function::{FunctionSpec, Launcher};
pub use host::{Host, HostOptions};
pub use invoke::{InvokeContext, InvokeError, Invoked, Invoker, LogSink};
pub use once::{InvokeRequest, invoke_once};
pub use remote::RemoteInvoker;

/// `n` random lowercase hex digits (request ids, log streams, trace ids).
pub(crate) fn random_hex(n: usize) -> String {
    (0..n)
        .map(|_| char::from_digit(fastrand::u32(0..16), 16).unwrap_or('0'))
        .collect()
}

/// A random id of the form the service gives request and revision ids
/// (a version 4 UUID).
pub fn new_uuid() -> String {
    let variant = char::from_digit(fastrand::u32(8..12), 16).unwrap_or('8');
    format!(
        "{}-{}-4{}-{variant}{}-{}",
        random_hex(8),
        random_hex(4),
        random_hex(3),
        random_hex(3),
        random_hex(12)
    )
}

/// Several invokers in turn: the first that knows the function runs it
/// (`serve` asks the local host, then `--lambda-endpoint-url`).
pub struct FirstOf(pub Vec<std::sync::Arc<dyn Invoker>>);

impl Invoker for FirstOf {
    fn invoke<'a>(
        &'a self,
        function: &'a str,
        event: bytes::Bytes,
        context: &'a InvokeContext,
    ) -> invoke::InvokeFuture<'a> {
        Box::pin(async move {
            let mut last = InvokeError::NotFound(function.to_string());
            for invoker in &self.0 {
                match invoker.invoke(function, event.clone(), context).await {
                    Err(InvokeError::NotFound(n)) => last = InvokeError::NotFound(n),
                    other => return other,
                }
            }
            Err(last)
        })
    }

    fn attach_log(&self, log: LogSink) {
        for invoker in &self.0 {
            invoker.attach_log(log.clone());
        }
    }

    fn workspace_changed(&self, ws: &crate::workspace::Workspace) -> Vec<String> {
        self.0
            .iter()
            .flat_map(|i| i.workspace_changed(ws))
            .collect()
    }
}
