//! apigw: the Amazon API Gateway v2 control plane and gateway, run locally
//! against a workspace file.
pub mod output;
