//! What a route asks of the caller before its request is forwarded, and the
//! seam where a verifier plugs in. The plan carries each route's
//! authorization; `serve` asks an [`Authorizer`] (when one is given) about
//! JWT routes, and the claims it returns feed
//! `$context.authorizer.claims.NAME` in parameter mappings.

use super::answer::Answer;
use super::params::Claims;
use http::HeaderMap;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

/// A route's `AuthorizationType`, with what checking it needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Authorization {
    None,
    /// `JWT`: a token from the identity source, checked against the
    /// authorizer's issuer and audience, and the route's scopes.
    Jwt(Arc<JwtRequirement>),
    /// `AWS_IAM`: SigV4-signed requests. Not checked locally.
    Iam,
    /// `CUSTOM`: a Lambda (`REQUEST`) authorizer, run through the gateway's
    /// [`crate::lambda::Invoker`].
    Lambda(Arc<super::lambda_auth::LambdaRequirement>),
    /// An authorizer the route names but that cannot be used (not in the
    /// workspace, or not of the route's type): every request answers 500.
    Unavailable(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JwtRequirement {
    pub authorizer_id: String,
    pub authorizer_name: String,
    pub issuer: Option<String>,
    pub audience: Vec<String>,
    /// Where the token is, such as `$request.header.Authorization`.
    pub identity_source: Vec<String>,
    /// `AuthorizationScopes` of the route; any one of them suffices.
    pub scopes: Vec<String>,
}

impl JwtRequirement {
    /// The identity source that carries more than one value in the
    /// request, if any. The service joins repeated headers with commas,
    /// which is never a token; here such a request is refused outright, so
    /// that no backend sees a second, unchecked token.
    pub fn repeated_identity(&self, headers: &HeaderMap, query: Option<&str>) -> Option<&str> {
        self.identity_source
            .iter()
            .map(String::as_str)
            .find(|source| {
                if let Some(name) = source.strip_prefix("$request.header.") {
                    return headers.get_all(name).iter().nth(1).is_some();
                }
                match (source.strip_prefix("$request.querystring."), query) {
                    (Some(name), Some(q)) => q
                        .split('&')
                        .filter(|pair| pair.split('=').next() == Some(name))
                        .nth(1)
                        .is_some(),
                    _ => false,
                }
            })
    }
}

/// A route's check: the claims of an accepted caller, or the gateway's
/// answer to a refused one (401 with its challenge, 403, or 500).
pub type AuthFuture<'a> = Pin<Box<dyn Future<Output = Result<Claims, Answer>> + Send + 'a>>;

/// Checks the caller of a JWT route. Implemented by the JWT module; `serve`
/// runs without one until it is plugged in (see [`super::run_with`]).
pub trait Authorizer: Send + Sync {
    fn authorize<'a>(
        &'a self,
        requirement: &'a JwtRequirement,
        headers: &'a HeaderMap,
        query: Option<&'a str>,
    ) -> AuthFuture<'a>;
}
