//! The rules the service applies to requests, as pure functions over typed
//! values. Each returns the service's own message where it is known.

pub mod access_log;
pub mod arn;
pub mod cors;
pub mod domain;
pub mod function;
pub mod integration;
pub mod mapping;
pub mod names;
pub mod route_settings;
