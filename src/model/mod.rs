//! Typed resources and requests of the API Gateway v2 model, with the AWS
//! member names (PascalCase) and member order, shared by the CLI, the
//! workspace store and the gateway.

mod api;
mod authorizer;
mod backends;
mod certificate;
mod deployment;
mod domain;
mod function;
mod integration;
mod route;
mod stage;
mod vpc_link;

pub use api::*;
pub use authorizer::*;
pub use backends::*;
pub use certificate::*;
pub use deployment::*;
pub use domain::*;
pub use function::*;
pub use integration::*;
pub use route::*;
pub use stage::*;
pub use vpc_link::*;

use std::collections::BTreeMap;

/// String-to-string map as the model's `Tags`, `StageVariables`, `IntegrationParameters`.
pub type StringMap = BTreeMap<String, String>;

/// A page of results, as every `Get*s` operation returns.
#[derive(Debug, Clone, serde::Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct Page<T> {
    pub items: Vec<T>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// Protocol of an API.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum ProtocolType {
    Http,
    Websocket,
}

impl ProtocolType {
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "HTTP" => Some(ProtocolType::Http),
            "WEBSOCKET" => Some(ProtocolType::Websocket),
            _ => None,
        }
    }
}
