//! JWT authorizers for the gateway: [`Verifier`] checks bearer tokens
//! against an issuer's published keys, and [`LocalIssuer`] is a local
//! identity provider whose keys the gateway serves and whose tokens it trusts.
//!
//! The gateway calls [`Verifier::verify`] with the route's [`JwtRule`] and
//! the identity source's value, and answers a [`Denial`] with its status,
//! body and `www-authenticate` header.

mod denial;
mod duration;
mod fetch;
mod gateway;
mod issuer;
mod keygen;
mod keys;
mod verify;

pub use denial::Denial;
pub use duration::parse_duration;
pub use gateway::JwtAuthorizer;
pub(crate) use issuer::create_private_dir;
pub use issuer::{DISCOVERY_PATH, JWKS_PATH, LocalIssuer, MintRequest, key_path};
pub use verify::{CLOCK_SKEW, FETCH_TIMEOUT, JwtRule, MAX_KEYS_BYTES, Verifier, VerifierOptions};

/// What `apigw serve --help` says about JWT authorizers. The figures are
/// [`CLOCK_SKEW`], [`FETCH_TIMEOUT`] and [`MAX_KEYS_BYTES`] (a test keeps
/// them in step).
pub const SERVE_HELP: &str = "JWT authorizers accept only RS256, RS384 and RS512 tokens, as API \
    Gateway does, and allow 60 s of clock skew on exp, nbf and iat. An issuer's discovery \
    document and JWKS are each fetched within 1,500 ms and must be at most 150,000 bytes.";

/// A verified token's claims, in the order the token lists them.
pub type Claims = serde_json::Map<String, serde_json::Value>;

/// Extracts the token from the identity source value: surrounding spaces go,
/// and so does a `Bearer ` prefix in any case. A lone `Bearer` is no token.
pub fn token_from_identity(value: &str) -> &str {
    let value = value.trim();
    match value.get(..7) {
        Some(prefix) if prefix.eq_ignore_ascii_case("bearer ") => value[7..].trim_start(),
        _ if value.eq_ignore_ascii_case("bearer") => "",
        _ => value,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_serve_help_states_the_limits_in_force() {
        let thousands = |n: u128| {
            let digits = n.to_string();
            let mut out = String::new();
            for (i, c) in digits.chars().enumerate() {
                if i > 0 && (digits.len() - i).is_multiple_of(3) {
                    out.push(',');
                }
                out.push(c);
            }
            out
        };
        for figure in [
            format!("{} s of clock skew", CLOCK_SKEW.as_secs()),
            format!("within {} ms", thousands(FETCH_TIMEOUT.as_millis())),
            format!("at most {} bytes", thousands(MAX_KEYS_BYTES as u128)),
        ] {
            assert!(SERVE_HELP.contains(&figure), "{figure}");
        }
    }

    #[test]
    fn bearer_prefix_is_stripped_in_any_case() {
        assert_eq!(token_from_identity("Bearer abc"), "abc");
        assert_eq!(token_from_identity("bearer abc"), "abc");
        assert_eq!(token_from_identity("BEARER   abc "), "abc");
        assert_eq!(token_from_identity("abc"), "abc");
        assert_eq!(token_from_identity("  abc  "), "abc");
        assert_eq!(token_from_identity("Bearer"), "");
        assert_eq!(token_from_identity("Bearer "), "");
        assert_eq!(token_from_identity(""), "");
        assert_eq!(token_from_identity("Bearerabc"), "Bearerabc");
        assert_eq!(token_from_identity("Basic abc"), "Basic abc");
        assert_eq!(token_from_identity("Beaé abc"), "Beaé abc");
        assert_eq!(token_from_identity("éééé"), "éééé");
    }
}
