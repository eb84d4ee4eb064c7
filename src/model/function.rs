use super::StringMap;
use serde::{Deserialize, Serialize};

/// A Lambda function of the workspace's stand-in (`apigw lambda …`), as
/// `GetFunctionConfiguration` returns it, plus where its code is. The
/// members the service fills in for every function (state, package type,
/// architecture, storage) are added when it is printed, not stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct Function {
    pub function_name: String,
    pub function_arn: String,
    pub runtime: String,
    pub role: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handler: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    pub timeout: i64,
    pub memory_size: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub environment: Option<Environment>,
    /// The developer's folder the function runs from (apigw's own member:
    /// relative to the workspace's folder unless absolute). Without it the
    /// code is the package unpacked under `.apigw/lambda/` by its digest.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code_directory: Option<String>,
    pub code_sha256: String,
    pub code_size: i64,
    pub last_modified: String,
    pub revision_id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reserved_concurrent_executions: Option<i64>,
    #[serde(default, skip_serializing_if = "StringMap::is_empty")]
    pub tags: StringMap,
}

/// `Environment`: the function's variables.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct Environment {
    #[serde(default)]
    pub variables: StringMap,
}
