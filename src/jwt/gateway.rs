//! The JWT module's side of the gateway's authorizer seam: reads the token
//! from the route's identity source and asks the [`Verifier`].

use super::{Denial, JwtRule, Verifier};
use crate::gateway::answer::{Answer, Kind};
use crate::gateway::auth::{AuthFuture, Authorizer, JwtRequirement};
use http::HeaderMap;
use http::header::{HeaderValue, WWW_AUTHENTICATE};

/// Checks JWT routes for `apigw serve`.
#[derive(Clone)]
pub struct JwtAuthorizer {
    verifier: Verifier,
}

impl JwtAuthorizer {
    pub fn new(verifier: Verifier) -> Self {
        JwtAuthorizer { verifier }
    }
}

/// The identity named by `$request.header.NAME` or `$request.querystring.NAME`.
fn identity<'a>(source: &str, headers: &'a HeaderMap, query: Option<&'a str>) -> Option<&'a str> {
    if let Some(name) = source.strip_prefix("$request.header.") {
        return headers.get(name).and_then(|v| v.to_str().ok());
    }
    let name = source.strip_prefix("$request.querystring.")?;
    query?
        .split('&')
        .filter_map(|pair| pair.split_once('=').or(Some((pair, ""))))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

impl Authorizer for JwtAuthorizer {
    fn authorize<'a>(
        &'a self,
        req: &'a JwtRequirement,
        headers: &'a HeaderMap,
        query: Option<&'a str>,
    ) -> AuthFuture<'a> {
        Box::pin(async move {
            let Some(issuer) = req.issuer.as_deref() else {
                return Err(Answer::new(
                    Kind::Internal,
                    format!("authorizer {} has no issuer", req.authorizer_id),
                ));
            };
            let raw = req
                .identity_source
                .first()
                .and_then(|s| identity(s, headers, query));
            let rule = JwtRule {
                issuer,
                audiences: &req.audience,
                scopes: &req.scopes,
            };
            self.verifier.verify(&rule, raw).await.map_err(Answer::from)
        })
    }
}

impl From<Denial> for Answer {
    fn from(d: Denial) -> Self {
        match d {
            Denial::Unauthorized {
                www_authenticate,
                reason,
            } => {
                let answer = Answer::new(Kind::Unauthorized, reason);
                // The challenge is built from constants (see `Fault`), so it
                // is always a valid header value.
                match HeaderValue::from_str(&www_authenticate) {
                    Ok(v) => answer.with_header(WWW_AUTHENTICATE, v),
                    Err(_) => answer,
                }
            }
            Denial::Forbidden { reason } => Answer::new(Kind::Forbidden, reason),
        }
    }
}
