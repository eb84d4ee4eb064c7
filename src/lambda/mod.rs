//! Lambda functions, locally: the seam between the gateway, which builds
//! Lambda events and reads their answers, and whatever runs the function.
//!
//! The gateway only ever calls [`Invoker::invoke`] with the function ARN an
//! `AWS_PROXY` integration or a `REQUEST` authorizer names and the event as
//! JSON bytes; it never knows whether a process of this machine answered
//! (the Runtime API host) or another emulator did over the Lambda Invoke
//! API. Both are real: an answer is the function's own bytes.

pub mod invoke;
pub mod remote;

pub use invoke::{InvokeContext, InvokeError, Invoked, Invoker};
pub use remote::RemoteInvoker;
