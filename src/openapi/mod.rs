//! OpenAPI 3.0 in and out, as API Gateway reads and writes it for HTTP APIs
//! (SPEC section 9): [`import`] turns a document into the typed requests the
//! operations take, with the service's `ImportInfo` and `Warnings`;
//! [`export`] writes an API (or what one stage serves) back out;
//! [`extensions`] is the one table of the `x-amazon-apigateway-*`
//! extensions and their members. `ops::openapi` runs these against a
//! workspace.
//!
//! The document is read with `input::document` (depth-bounded JSON/YAML)
//! into a `serde_json::Value` and walked with the project's own code rather
//! than an OpenAPI model crate (`openapiv3`, `oas3`): those refuse a whole
//! document at its first member of an unexpected type, while the service
//! keeps going and reports at three levels (an unknown member is a
//! warning, a REST-only one is info, a CloudFormation intrinsic where a
//! string belongs is a refusal naming the member); they keep extensions as
//! untyped values anyway, and they do not know 2.0 or 3.1 documents well
//! enough to give the service's messages for them. Walking the value keeps
//! that control and adds no crate.

pub mod export;
pub mod extensions;
pub mod import;

pub use import::{AwsVariables, Basepath, Plan};
