//! Error values with a kind. The kind decides the exit code (see `main.rs`)
//! and, for `apigw endpoint`, the HTTP status and error type ([`Error::wire`]);
//! the message is what the user reads.

/// An error the (local) service returns for a request, as API Gateway would.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ApiError {
    #[error("{0}")]
    BadRequest(String),
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    Conflict(String),
    /// A refusal the service's model names itself, such as Cloud Map's
    /// `ServiceNotFound` or `InstanceNotFound` (status 400: the model gives
    /// none, and 400 is the JSON protocol's default).
    #[error("{message}")]
    Named { code: &'static str, message: String },
}

impl ApiError {
    /// The exception name the AWS CLI prints in parentheses.
    pub fn code(&self) -> &'static str {
        match self {
            ApiError::BadRequest(_) => "BadRequestException",
            ApiError::NotFound(_) => "NotFoundException",
            ApiError::Conflict(_) => "ConflictException",
            ApiError::Named { code, .. } => code,
        }
    }

    /// The HTTP status the service answers this error with.
    pub fn status(&self) -> u16 {
        match self {
            ApiError::BadRequest(_) => 400,
            ApiError::NotFound(_) => 404,
            ApiError::Conflict(_) => 409,
            ApiError::Named { .. } => 400,
        }
    }

    pub fn bad_request(msg: impl Into<String>) -> Self {
        ApiError::BadRequest(msg.into())
    }

    pub fn named(code: &'static str, msg: impl Into<String>) -> Self {
        ApiError::Named {
            code,
            message: msg.into(),
        }
    }

    pub fn not_found(thing: &str, id: &str) -> Self {
        ApiError::NotFound(format!("Invalid {thing} identifier specified {id}"))
    }
}

/// Everything that can end a command, by kind.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The command line could not be parsed (exit 2). The text is complete.
    #[error("{0}")]
    Usage(String),
    /// A value was malformed or failed client-side validation (exit 252).
    #[error("{0}")]
    InvalidInput(String),
    /// The workspace file or the environment is unusable (exit 253).
    #[error("{0}")]
    Workspace(String),
    /// The service refused the request (exit 254).
    #[error("An error occurred ({code}) when calling the {operation} operation: {source}", code = .source.code())]
    Api {
        operation: &'static str,
        #[source]
        source: ApiError,
    },
    /// An I/O failure that is not about the workspace file itself (exit 255).
    #[error("{context}: {source}")]
    Io {
        context: String,
        #[source]
        source: std::io::Error,
    },
    /// Anything else (exit 255).
    #[error("{0}")]
    Other(String),
}

impl Error {
    pub fn workspace_io(path: &std::path::Path, what: &str, err: std::io::Error) -> Self {
        Error::Workspace(format!(
            "cannot {what} workspace file {}: {err}",
            path.display()
        ))
    }

    pub fn io(context: impl Into<String>, source: std::io::Error) -> Self {
        Error::Io {
            context: context.into(),
            source,
        }
    }

    /// The AWS CLI v2 exit code for this kind of error.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::Usage(_) => 2,
            Error::InvalidInput(_) => 252,
            Error::Workspace(_) => 253,
            Error::Api { .. } => 254,
            Error::Io { .. } | Error::Other(_) => 255,
        }
    }
}

/// An error as the endpoint sends it: status, error type (the
/// `x-amzn-ErrorType` header, `__type` in JSON-protocol bodies) and message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WireError {
    pub status: u16,
    pub kind: &'static str,
    pub message: String,
}

impl WireError {
    pub fn new(status: u16, kind: &'static str, message: impl Into<String>) -> Self {
        WireError {
            status,
            kind,
            message: message.into(),
        }
    }

    pub fn bad_request(message: impl Into<String>) -> Self {
        WireError::new(400, "BadRequestException", message)
    }
}

impl Error {
    /// How the endpoint answers this error, beside [`Error::exit_code`]: a
    /// service refusal keeps its exception and status; input the checks
    /// refuse is a 400 `BadRequestException` (the service's answer to a
    /// malformed request); a workspace that cannot be read or written, and
    /// anything else, is a 500 `InternalFailure` (AWS's name for its own
    /// failures; SDKs retry it a few times, which suits a lock that is busy).
    pub fn wire(&self) -> WireError {
        match self {
            Error::Api { source, .. } => {
                WireError::new(source.status(), source.code(), source.to_string())
            }
            Error::Usage(m) | Error::InvalidInput(m) => WireError::bad_request(m.trim_end()),
            Error::Workspace(m) | Error::Other(m) => {
                WireError::new(500, "InternalFailure", m.clone())
            }
            Error::Io { .. } => WireError::new(500, "InternalFailure", self.to_string()),
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
