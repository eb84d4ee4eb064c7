//! Why a request was refused, in the two shapes a client sees: 401 with a
//! `www-authenticate` challenge (RFC 6750), or 403 for a missing scope.

use crate::gateway::answer::Kind;
use std::fmt;

/// A refused request. `reason` is for the operator's log: it says exactly
/// what failed and may name the issuer or the key id, but never holds the
/// token or its claims. Clients see only the status, the fixed body and,
/// for 401, the challenge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Denial {
    /// 401 `{"message":"Unauthorized"}` with this `www-authenticate` header.
    Unauthorized {
        www_authenticate: String,
        reason: String,
    },
    /// 403 `{"message":"Forbidden"}`: a good token without a route scope.
    Forbidden { reason: String },
}

impl Denial {
    pub fn status(&self) -> u16 {
        match self {
            Denial::Unauthorized { .. } => 401,
            Denial::Forbidden { .. } => 403,
        }
    }

    /// The response body API Gateway sends.
    pub fn body(&self) -> &'static str {
        let kind = match self {
            Denial::Unauthorized { .. } => Kind::Unauthorized,
            Denial::Forbidden { .. } => Kind::Forbidden,
        };
        std::str::from_utf8(kind.body()).unwrap_or_default()
    }

    pub fn www_authenticate(&self) -> Option<&str> {
        match self {
            Denial::Unauthorized {
                www_authenticate, ..
            } => Some(www_authenticate),
            Denial::Forbidden { .. } => None,
        }
    }

    pub fn reason(&self) -> &str {
        match self {
            Denial::Unauthorized { reason, .. } | Denial::Forbidden { reason } => reason,
        }
    }
}

impl fmt::Display for Denial {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.reason(), self.status())
    }
}

/// The realm named in every challenge.
pub(crate) const REALM: &str = "apigw";

/// Each way a token can fail, with the fixed `error_description` the client
/// sees. Descriptions are constants, so nothing from the request can reach
/// the header (RFC 6750 limits its characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Fault {
    Missing,
    TooLarge,
    Malformed,
    /// An algorithm API Gateway does not accept (anything but RS256,
    /// RS384 and RS512), whatever keys the issuer publishes.
    Algorithm,
    /// An accepted algorithm that the named key's JWK rules out.
    KeyAlgorithm,
    NoKeyId,
    UnknownKey,
    KeysUnavailable,
    Signature,
    Expired,
    NotYetValid,
    IssuedInFuture,
    Issuer,
    Audience,
    Claim,
}

impl Fault {
    fn description(self) -> Option<&'static str> {
        Some(match self {
            // RFC 6750 §3.1: a request without credentials gets a bare
            // challenge, with no error code.
            Fault::Missing => return None,
            Fault::TooLarge => "the token is too large",
            Fault::Malformed => "the token is malformed",
            Fault::Algorithm => {
                "the token's signing algorithm is not supported by API Gateway \
                 (only RS256, RS384 and RS512 are)"
            }
            Fault::KeyAlgorithm => "the issuer's key does not allow the token's signing algorithm",
            Fault::NoKeyId => "the token has no key id (kid)",
            Fault::UnknownKey => "the token's key id (kid) is not among the issuer's keys",
            Fault::KeysUnavailable => "the issuer's signing keys could not be fetched",
            Fault::Signature => "the token signature is invalid",
            Fault::Expired => "the token has expired",
            Fault::NotYetValid => "the token is not valid yet",
            Fault::IssuedInFuture => "the token was issued in the future",
            Fault::Issuer => "the token does not have a valid issuer",
            Fault::Audience => "the token does not have a valid audience",
            Fault::Claim => "the token has a malformed claim",
        })
    }

    pub fn challenge(self) -> String {
        match self.description() {
            None => format!("Bearer realm=\"{REALM}\""),
            Some(d) => {
                format!(
                    "Bearer realm=\"{REALM}\", error=\"invalid_token\", error_description=\"{d}\""
                )
            }
        }
    }

    pub fn deny(self, reason: impl Into<String>) -> Denial {
        Denial::Unauthorized {
            www_authenticate: self.challenge(),
            reason: reason.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [Fault; 15] = [
        Fault::Missing,
        Fault::TooLarge,
        Fault::Malformed,
        Fault::Algorithm,
        Fault::KeyAlgorithm,
        Fault::NoKeyId,
        Fault::UnknownKey,
        Fault::KeysUnavailable,
        Fault::Signature,
        Fault::Expired,
        Fault::NotYetValid,
        Fault::IssuedInFuture,
        Fault::Issuer,
        Fault::Audience,
        Fault::Claim,
    ];

    #[test]
    fn challenges_use_only_characters_rfc_6750_allows() {
        for fault in ALL {
            let challenge = fault.challenge();
            let description = fault.description().unwrap_or_default();
            assert!(
                description
                    .bytes()
                    .all(|b| matches!(b, 0x20..=0x21 | 0x23..=0x5B | 0x5D..=0x7E)),
                "{fault:?}: {description}"
            );
            assert!(
                hyper::header::HeaderValue::from_str(&challenge).is_ok(),
                "{challenge}"
            );
        }
    }

    #[test]
    fn a_missing_token_gets_a_bare_challenge() {
        assert_eq!(Fault::Missing.challenge(), r#"Bearer realm="apigw""#);
        assert_eq!(
            Fault::Expired.challenge(),
            r#"Bearer realm="apigw", error="invalid_token", error_description="the token has expired""#
        );
        assert_eq!(
            Fault::Algorithm.challenge(),
            "Bearer realm=\"apigw\", error=\"invalid_token\", error_description=\"the token's \
             signing algorithm is not supported by API Gateway (only RS256, RS384 and RS512 are)\""
        );
    }

    #[test]
    fn denials_carry_status_and_body() {
        let d = Fault::Audience.deny("aud x");
        assert_eq!(d.status(), 401);
        assert_eq!(d.body(), r#"{"message":"Unauthorized"}"#);
        assert_eq!(d.reason(), "aud x");
        let d = Denial::Forbidden {
            reason: "no scope".into(),
        };
        assert_eq!(d.status(), 403);
        assert_eq!(d.body(), r#"{"message":"Forbidden"}"#);
        assert_eq!(d.www_authenticate(), None);
    }
}
