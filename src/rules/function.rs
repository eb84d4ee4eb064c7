//! What the Lambda service accepts in a function's configuration: the name
//! pattern, the runtimes it still creates functions with, the timeout and
//! memory ranges, and environment variables (key pattern, reserved keys,
//! the 4 KB total). Messages are the service's where known.

use crate::error::ApiError;
use crate::model::{Environment, Function};

/// The runtimes the service creates functions with (its `Runtime` enum,
/// without the deprecated ones).
pub const RUNTIMES: &[&str] = &[
    "nodejs18.x",
    "nodejs20.x",
    "nodejs22.x",
    "python3.9",
    "python3.10",
    "python3.11",
    "python3.12",
    "python3.13",
    "java8.al2",
    "java11",
    "java17",
    "java21",
    "dotnet8",
    "ruby3.2",
    "ruby3.3",
    "ruby3.4",
    "provided",
    "provided.al2",
    "provided.al2023",
];

/// Runtimes the service no longer creates functions with, and the one it
/// recommends instead.
const DEPRECATED: &[(&str, &str)] = &[
    ("python2.7", "python3.13"),
    ("python3.6", "python3.13"),
    ("python3.7", "python3.13"),
    ("python3.8", "python3.13"),
    ("nodejs12.x", "nodejs22.x"),
    ("nodejs14.x", "nodejs22.x"),
    ("nodejs16.x", "nodejs22.x"),
    ("go1.x", "provided.al2023"),
    ("java8", "java21"),
    ("dotnet6", "dotnet8"),
    ("ruby2.7", "ruby3.3"),
];

/// Variables the service sets itself and refuses from a user.
const RESERVED: &[&str] = &[
    "_HANDLER",
    "_X_AMZN_TRACE_ID",
    "AWS_DEFAULT_REGION",
    "AWS_REGION",
    "AWS_EXECUTION_ENV",
    "AWS_LAMBDA_FUNCTION_NAME",
    "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
    "AWS_LAMBDA_FUNCTION_VERSION",
    "AWS_LAMBDA_INITIALIZATION_TYPE",
    "AWS_LAMBDA_LOG_GROUP_NAME",
    "AWS_LAMBDA_LOG_STREAM_NAME",
    "AWS_ACCESS_KEY",
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
    "AWS_SESSION_TOKEN",
    "AWS_LAMBDA_RUNTIME_API",
    "LAMBDA_TASK_ROOT",
    "LAMBDA_RUNTIME_DIR",
];

pub const MAX_TIMEOUT: i64 = 900;
pub const MIN_MEMORY: i64 = 128;
pub const MAX_MEMORY: i64 = 10_240;
/// The most reserved concurrency one function may take (the account's
/// default thousand, less the hundred the service keeps unreserved).
pub const MAX_RESERVED: i64 = 900;

fn validation(message: String) -> ApiError {
    ApiError::named("ValidationException", message)
}

pub fn invalid(message: impl Into<String>) -> ApiError {
    ApiError::named("InvalidParameterValueException", message)
}

/// The name a `--function-name` value gives: a name, an ARN or a partial
/// ARN (`123456789012:function:NAME`), with or without a qualifier.
pub fn function_name(given: &str) -> Result<(String, Option<String>), ApiError> {
    let refused = || {
        validation(format!(
            "1 validation error detected: Value '{given}' at 'functionName' failed to satisfy constraint: \
             Member must satisfy regular expression pattern: \
             (arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{{2}}(-gov)?-[a-z]+-\\d{{1}}:)?(\\d{{12}}:)?(function:)?([a-zA-Z0-9-_]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?"
        ))
    };
    let rest = match given.split_once("function:") {
        Some((_, r)) => r,
        None => given,
    };
    let (name, qualifier) = match rest.split_once(':') {
        Some((n, q)) => (n, Some(q)),
        None => (rest, None),
    };
    let word = |s: &str| {
        !s.is_empty()
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    };
    if !word(name) || qualifier.is_some_and(|q| q != "$LATEST" && !word(q)) {
        return Err(refused());
    }
    if name.len() > 64 {
        return Err(validation(format!(
            "1 validation error detected: Value '{given}' at 'functionName' failed to satisfy constraint: \
             Member must have length less than or equal to 64"
        )));
    }
    Ok((name.to_string(), qualifier.map(str::to_string)))
}

pub fn check_runtime(runtime: &str) -> Result<(), ApiError> {
    if let Some((_, instead)) = DEPRECATED.iter().find(|(r, _)| *r == runtime) {
        return Err(invalid(format!(
            "The runtime parameter of {runtime} is no longer supported for creating or updating AWS Lambda functions. \
             We recommend you use the new runtime ({instead}) while creating or updating functions."
        )));
    }
    if !RUNTIMES.contains(&runtime) {
        return Err(validation(format!(
            "1 validation error detected: Value '{runtime}' at 'runtime' failed to satisfy constraint: \
             Member must satisfy enum value set: [{}]",
            RUNTIMES.join(", ")
        )));
    }
    Ok(())
}

pub fn check_timeout(timeout: i64) -> Result<(), ApiError> {
    if !(1..=MAX_TIMEOUT).contains(&timeout) {
        return Err(validation(format!(
            "1 validation error detected: Value '{timeout}' at 'timeout' failed to satisfy constraint: \
             Member must have value {} {}",
            if timeout < 1 {
                "greater than or equal to"
            } else {
                "less than or equal to"
            },
            if timeout < 1 { 1 } else { MAX_TIMEOUT }
        )));
    }
    Ok(())
}

pub fn check_memory(memory: i64) -> Result<(), ApiError> {
    if !(MIN_MEMORY..=MAX_MEMORY).contains(&memory) {
        return Err(validation(format!(
            "1 validation error detected: Value '{memory}' at 'memorySize' failed to satisfy constraint: \
             Member must have value {} {}",
            if memory < MIN_MEMORY {
                "greater than or equal to"
            } else {
                "less than or equal to"
            },
            if memory < MIN_MEMORY {
                MIN_MEMORY
            } else {
                MAX_MEMORY
            }
        )));
    }
    Ok(())
}

pub fn check_environment(env: &Environment) -> Result<(), ApiError> {
    let reserved: Vec<&str> = env
        .variables
        .keys()
        .map(String::as_str)
        .filter(|k| RESERVED.contains(k))
        .collect();
    if !reserved.is_empty() {
        return Err(invalid(format!(
            "Lambda was unable to configure your environment variables because the environment variables \
             you have provided contains reserved keys that are currently not supported for modification. \
             Reserved keys used in this request: {}",
            reserved.join(", ")
        )));
    }
    if let Some(bad) = env.variables.keys().find(|k| {
        let mut b = k.bytes();
        !(b.next().is_some_and(|c| c.is_ascii_alphabetic())
            && k.len() >= 2
            && b.all(|c| c.is_ascii_alphanumeric() || c == b'_'))
    }) {
        return Err(validation(format!(
            "1 validation error detected: Value at 'environment.variables' failed to satisfy constraint: \
             Map keys must satisfy constraint: [Member must satisfy regular expression pattern: [a-zA-Z]([a-zA-Z0-9_])+] \
             (key {bad:?})"
        )));
    }
    let measured = serde_json::to_string(&env.variables).unwrap_or_default();
    if measured.len() > 4096 {
        return Err(invalid(format!(
            "Lambda was unable to configure your environment variables because the environment variables \
             you have provided exceeded the 4KB limit. String measured: {measured}"
        )));
    }
    Ok(())
}

pub fn check_reserved(n: i64) -> Result<(), ApiError> {
    if n > MAX_RESERVED {
        return Err(invalid(format!(
            "Specified ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution \
             below its minimum value of [{}].",
            1000 - MAX_RESERVED
        )));
    }
    Ok(())
}

/// A handler is `FILE.FUNCTION` for the python and node runtimes (the
/// others read it themselves).
pub fn check_handler(runtime: &str, handler: Option<&str>) -> Result<(), ApiError> {
    let needs = !runtime.starts_with("provided");
    match handler {
        None | Some("") if needs => Err(invalid(format!(
            "A {runtime} function needs a handler (--handler FILE.FUNCTION, such as app.handler)"
        ))),
        Some(h) if h.len() > 128 => Err(validation(format!(
            "1 validation error detected: Value '{h}' at 'handler' failed to satisfy constraint: \
             Member must have length less than or equal to 128"
        ))),
        Some(h)
            if needs
                && (runtime.starts_with("python") || runtime.starts_with("nodejs"))
                && h.rsplit_once('.')
                    .is_none_or(|(a, b)| a.is_empty() || b.is_empty()) =>
        {
            Err(invalid(format!(
                "Handler {h:?} of a {runtime} function must be FILE.FUNCTION, such as app.handler"
            )))
        }
        _ => Ok(()),
    }
}

/// A stored function by every rule above (a hand edit is held to what
/// create-function would take).
pub fn check(f: &Function) -> Result<(), ApiError> {
    let (name, qualifier) = function_name(&f.function_name)?;
    if name != f.function_name || qualifier.is_some() {
        return Err(invalid(format!(
            "FunctionName {:?} must be a plain name",
            f.function_name
        )));
    }
    check_runtime(&f.runtime)?;
    check_handler(&f.runtime, f.handler.as_deref())?;
    check_timeout(f.timeout)?;
    check_memory(f.memory_size)?;
    if let Some(env) = &f.environment {
        check_environment(env)?;
    }
    if let Some(n) = f.reserved_concurrent_executions {
        if n < 0 {
            return Err(invalid("ReservedConcurrentExecutions must be 0 or more"));
        }
        check_reserved(n)?;
    }
    Ok(())
}
