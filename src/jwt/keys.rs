//! An issuer's signing keys, read from its JWKS, and which token algorithm
//! each one may verify. HTTP API JWT authorizers verify only RSA signatures
//! (RS256, RS384, RS512), so only RSA keys are kept; every other entry (EC
//! and OKP keys, HMAC secrets, encryption keys, malformed entries) is
//! skipped one by one, so one odd entry never hides the issuer's other keys.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jsonwebtoken::{Algorithm, DecodingKey};
use serde_json::{Map, Value};

/// The token algorithms API Gateway accepts, by their JWS names: RSA with
/// PKCS#1 v1.5 padding. Everything else is refused before any key is used:
/// `none`, the HMAC family, and the ECDSA, RSA-PSS and EdDSA ones too, even
/// when the issuer publishes a key that would verify them, since the
/// service refuses them.
pub(crate) fn supported_algorithm(name: &str) -> Option<Algorithm> {
    Some(match name {
        "RS256" => Algorithm::RS256,
        "RS384" => Algorithm::RS384,
        "RS512" => Algorithm::RS512,
        _ => return None,
    })
}

/// The accepted algorithms, as a client-facing list.
pub(crate) const SUPPORTED_ALGORITHMS: &str = "RS256, RS384 and RS512";

/// One public RSA key of the issuer, ready to verify signatures.
#[derive(Clone)]
pub(crate) struct SigningKey {
    pub kid: String,
    /// The JWK's own `alg`, when it names one: then only that algorithm.
    alg: Option<Algorithm>,
    pub key: DecodingKey,
}

impl SigningKey {
    /// Whether a token signed with `alg` (already one of the supported
    /// algorithms) may be checked with this key: a key that names its
    /// algorithm allows only that one.
    pub fn accepts(&self, alg: Algorithm) -> bool {
        self.alg.is_none_or(|a| a == alg)
    }
}

/// The usable keys of one JWKS.
#[derive(Clone, Default)]
pub(crate) struct KeySet {
    keys: Vec<SigningKey>,
}

/// What looking up a token's key found.
pub(crate) enum Lookup<'a> {
    Found(&'a SigningKey),
    /// Keys with this id exist, but none may verify the token's algorithm.
    WrongAlgorithm,
    Unknown,
}

impl KeySet {
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn has_kid(&self, kid: &str) -> bool {
        self.keys.iter().any(|k| k.kid == kid)
    }

    pub fn lookup(&self, kid: &str, alg: Algorithm) -> Lookup<'_> {
        let mut named = self.keys.iter().filter(|k| k.kid == kid).peekable();
        if named.peek().is_none() {
            return Lookup::Unknown;
        }
        match named.find(|k| k.accepts(alg)) {
            Some(k) => Lookup::Found(k),
            None => Lookup::WrongAlgorithm,
        }
    }

    /// Reads a JWKS document (`{"keys": [...]}`). Fails only when the
    /// document as a whole is unusable; unusable entries are skipped.
    pub fn parse(bytes: &[u8]) -> Result<KeySet, String> {
        let doc: Value =
            serde_json::from_slice(bytes).map_err(|e| format!("the JWKS is not JSON: {e}"))?;
        let entries = doc
            .get("keys")
            .and_then(Value::as_array)
            .ok_or("the JWKS has no \"keys\" array")?;
        Ok(KeySet {
            keys: entries
                .iter()
                .filter_map(Value::as_object)
                .filter_map(signing_key)
                .collect(),
        })
    }
}

fn text<'a>(jwk: &'a Map<String, Value>, name: &str) -> Option<&'a str> {
    jwk.get(name).and_then(Value::as_str)
}

fn base64url_len(value: &str) -> Option<usize> {
    URL_SAFE_NO_PAD.decode(value).ok().map(|b| b.len())
}

/// A usable signing key from one JWK entry, or `None` to skip it.
fn signing_key(jwk: &Map<String, Value>) -> Option<SigningKey> {
    // Tokens must name their key, so a key without an id can never be chosen.
    let kid = text(jwk, "kid").filter(|k| !k.is_empty())?;
    match jwk.get("use") {
        None => {}
        Some(Value::String(u)) if u == "sig" => {}
        Some(_) => return None,
    }
    // A key meant for an algorithm the service refuses (PS256, RSA-OAEP, ...)
    // can verify nothing here.
    let alg = match jwk.get("alg") {
        None => None,
        Some(Value::String(a)) => Some(supported_algorithm(a)?),
        Some(_) => return None,
    };
    if text(jwk, "kty")? != "RSA" {
        return None;
    }
    let (n, e) = (text(jwk, "n")?, text(jwk, "e")?);
    // ring refuses moduli under 2048 bits when verifying; an empty or
    // undecodable component is refused here.
    if base64url_len(n)? == 0 || base64url_len(e)? == 0 {
        return None;
    }
    Some(SigningKey {
        kid: kid.to_string(),
        alg,
        key: DecodingKey::from_rsa_components(n, e).ok()?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const P256_X: &str = "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU";
    const P256_Y: &str = "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0";
    const N: &str = "0vx7agoebGcQSuuPiLJXZptN";

    fn parse(doc: &str) -> KeySet {
        KeySet::parse(doc.as_bytes()).unwrap()
    }

    #[test]
    fn odd_entries_are_skipped_and_good_ones_kept() {
        let doc = format!(
            r#"{{"keys": [
                {{"kty":"oct","kid":"hmac","k":"c2VjcmV0"}},
                {{"kty":"RSA","kid":"enc","use":"enc","n":"{N}","e":"AQAB"}},
                {{"kty":"RSA","kid":"oaep","alg":"RSA-OAEP-256","n":"{N}","e":"AQAB"}},
                {{"kty":"RSA","kid":"pss","alg":"PS256","n":"{N}","e":"AQAB"}},
                {{"kty":"RSA","n":"{N}","e":"AQAB"}},
                {{"kty":"RSA","kid":"empty","n":"","e":"AQAB"}},
                {{"kty":"EC","kid":"ec","crv":"P-256","x":"{P256_X}","y":"{P256_Y}"}},
                {{"kty":"EC","kid":"es256","alg":"ES256","crv":"P-256","x":"{P256_X}","y":"{P256_Y}"}},
                {{"kty":"EC","kid":"mismatch","alg":"RS256","crv":"P-256","x":"{P256_X}","y":"{P256_Y}"}},
                {{"kty":"RSA","kid":"bad-b64","n":"!!","e":"AQAB"}},
                "not an object", 7, null,
                {{"kty":"RSA","kid":"good","use":"sig","n":"{N}","e":"AQAB"}}
            ]}}"#
        );
        let set = parse(&doc);
        assert_eq!(set.len(), 1);
        assert!(set.has_kid("good"));
    }

    #[test]
    fn keys_accept_only_the_algorithm_they_name() {
        let doc = format!(
            r#"{{"keys": [
                {{"kty":"RSA","kid":"any","n":"{N}","e":"AQAB"}},
                {{"kty":"RSA","kid":"rs384","alg":"RS384","n":"{N}","e":"AQAB"}},
                {{"kty":"EC","kid":"ec","crv":"P-256","x":"{P256_X}","y":"{P256_Y}"}}
            ]}}"#
        );
        let set = parse(&doc);
        for alg in [Algorithm::RS256, Algorithm::RS384, Algorithm::RS512] {
            assert!(
                matches!(set.lookup("any", alg), Lookup::Found(_)),
                "{alg:?}"
            );
        }
        assert!(matches!(
            set.lookup("rs384", Algorithm::RS384),
            Lookup::Found(_)
        ));
        assert!(matches!(
            set.lookup("rs384", Algorithm::RS256),
            Lookup::WrongAlgorithm
        ));
        assert!(matches!(
            set.lookup("ec", Algorithm::RS256),
            Lookup::Unknown
        ));
        assert!(matches!(
            set.lookup("other", Algorithm::RS256),
            Lookup::Unknown
        ));
    }

    #[test]
    fn unusable_documents_are_errors() {
        for doc in ["", "[]", "{}", r#"{"keys": {}}"#, "{\"keys\": [", "\u{0}"] {
            assert!(KeySet::parse(doc.as_bytes()).is_err(), "{doc:?}");
        }
        assert_eq!(parse(r#"{"keys": []}"#).len(), 0);
    }

    #[test]
    fn mangled_documents_never_panic() {
        let good = format!(
            r#"{{"keys":[{{"kty":"RSA","kid":"a","alg":"RS256","n":"{N}","e":"AQAB"}},{{"kty":"RSA","kid":"b","n":"{N}","e":"AQAB"}},{{"kty":"EC","kid":"c","crv":"P-256","x":"{P256_X}","y":"{P256_Y}"}}]}}"#
        );
        let mut rng = fastrand::Rng::with_seed(7);
        let alphabet = br#"{}[]",:AQab_-=.0 P256ECRSAkidxyne"#;
        for _ in 0..2000 {
            let mut doc = good.clone().into_bytes();
            for _ in 0..rng.usize(1..6) {
                let at = rng.usize(..doc.len());
                match rng.u8(..3) {
                    0 => doc[at] = alphabet[rng.usize(..alphabet.len())],
                    1 => {
                        doc.remove(at);
                    }
                    _ => doc.insert(at, alphabet[rng.usize(..alphabet.len())]),
                }
            }
            if let Ok(set) = KeySet::parse(&doc) {
                for alg in [Algorithm::RS256, Algorithm::RS384, Algorithm::RS512] {
                    for kid in ["a", "b", "c"] {
                        if let Lookup::Found(key) = set.lookup(kid, alg) {
                            let _ = jsonwebtoken::crypto::verify("c2ln", b"m", &key.key, alg);
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn only_the_rsa_pkcs1_algorithms_are_supported() {
        for name in [
            "none", "None", "HS256", "HS384", "HS512", "PS256", "PS384", "PS512", "ES256", "ES384",
            "ES512", "EdDSA", "rs256", "",
        ] {
            assert!(supported_algorithm(name).is_none(), "{name}");
        }
        for name in ["RS256", "RS384", "RS512"] {
            assert!(supported_algorithm(name).is_some(), "{name}");
        }
    }
}
