//! apigw: the Amazon API Gateway v2 control plane and gateway, run locally
//! against a workspace file.

pub mod acm;
pub mod cli;
pub mod endpoint;
pub mod error;
pub mod gateway;
pub mod input;
pub mod jwt;
pub mod lambda;
pub mod logs;
pub mod model;
pub mod openapi;
pub mod ops;
pub mod output;
pub mod rules;
pub mod service;
pub mod workspace;
