//! Checking a bearer token against a route's JWT authorizer: signature by a
//! key the configured issuer publishes, then `iss`, `aud`/`client_id`, the
//! time claims, and the route's scopes. Keys are cached per issuer.
//!
//! Checking a signature is most of the work (an RSA check costs more than
//! the rest of a proxied request), and clients send the same token again
//! and again until it expires. So a token whose signature checked out is
//! remembered with its claims and the key set that checked it; while the
//! issuer's current key set is that same set, the signature is not checked
//! again. Everything else (time claims, issuer, audience, scopes) is checked
//! on every request, so remembering changes no answer: a token is refused
//! as soon as it expires, and as soon as its key leaves the issuer's keys.

use super::Claims;
use super::denial::{Denial, Fault};
use super::fetch::Fetcher;
use super::keys::{KeySet, Lookup, SUPPORTED_ALGORITHMS, supported_algorithm};
use crate::error::Error;
use crate::ops::is_loopback_http;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jsonwebtoken::Algorithm;
use rustls::pki_types::CertificateDer;
use rustls::pki_types::pem::PemObject;
use serde_json::Value;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// What a route's JWT authorizer requires of a token.
#[derive(Debug, Clone, Copy)]
pub struct JwtRule<'a> {
    /// Compared exactly with the token's `iss`; keys come from
    /// `{issuer}/.well-known/openid-configuration`.
    pub issuer: &'a str,
    /// The token's `aud` (or, without `aud`, its `client_id`) must be one of these.
    pub audiences: &'a [String],
    /// The route's authorization scopes; empty means no scope is needed.
    pub scopes: &'a [String],
}

/// How long each GET of an issuer's discovery document or JWKS may take:
/// API Gateway's 1,500 ms (developer guide, `http-api-jwt-authorizer`).
pub const FETCH_TIMEOUT: Duration = Duration::from_millis(1500);

/// The largest discovery document or JWKS accepted: API Gateway's limit for
/// a JWKS, 150,000 bytes (developer guide, `http-api-jwt-authorizer`).
pub const MAX_KEYS_BYTES: usize = 150_000;

/// The tolerance for clocks that disagree, on `exp`, `nbf` and `iat`. The
/// service documents none (a token must not have expired, and `nbf` and
/// `iat` must not be in the future); this is apigw's choice, the common one
/// of OpenID libraries, so that a laptop's clock a little behind its
/// identity provider's does not refuse fresh tokens.
pub const CLOCK_SKEW: Duration = Duration::from_secs(60);

/// Limits and trust for a [`Verifier`]. `Default` gives the values meant for
/// `apigw serve`.
#[derive(Debug, Clone)]
pub struct VerifierOptions {
    /// The deadline for each GET of an issuer's discovery document and of
    /// its JWKS; a request waits at most twice this long for keys.
    pub fetch_timeout: Duration,
    /// The largest discovery document or JWKS accepted, in bytes.
    pub max_jwks_bytes: usize,
    /// Tokens longer than this are refused without being parsed.
    pub max_token_bytes: usize,
    /// Tolerance for clocks that disagree, applied to `exp`, `nbf` and `iat`.
    pub clock_skew: Duration,
    /// How long fetched keys are used before they are fetched again.
    pub keys_ttl: Duration,
    /// The least time between two fetches for one issuer, whatever asks for
    /// them (an unknown `kid`, expired keys, an earlier failure), so a flood
    /// of bad tokens cannot hammer the issuer.
    pub min_refetch_interval: Duration,
    /// Trust the operating system's root certificates for https issuers.
    pub system_roots: bool,
    /// More CA certificates trusted for https issuers (for instance a local CA).
    pub extra_ca_certs: Vec<CertificateDer<'static>>,
}

impl Default for VerifierOptions {
    fn default() -> Self {
        VerifierOptions {
            fetch_timeout: FETCH_TIMEOUT,
            max_jwks_bytes: MAX_KEYS_BYTES,
            max_token_bytes: 16 * 1024,
            clock_skew: CLOCK_SKEW,
            keys_ttl: Duration::from_secs(10 * 60),
            min_refetch_interval: Duration::from_secs(10),
            system_roots: true,
            extra_ca_certs: Vec::new(),
        }
    }
}

impl VerifierOptions {
    /// Adds every certificate of a PEM bundle to `extra_ca_certs`; returns
    /// how many were added. A bundle without any certificate is an error.
    pub fn add_ca_pem(&mut self, pem: &[u8]) -> Result<usize, Error> {
        let certs = CertificateDer::pem_slice_iter(pem)
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| Error::InvalidInput(format!("cannot read the CA certificates: {e}")))?;
        if certs.is_empty() {
            return Err(Error::InvalidInput(
                "the CA file holds no PEM certificate (-----BEGIN CERTIFICATE-----)".into(),
            ));
        }
        let n = certs.len();
        self.extra_ca_certs.extend(certs);
        Ok(n)
    }
}

/// Verifies tokens for every route of a gateway. Cloning is cheap and all
/// clones share one key cache.
#[derive(Clone)]
pub struct Verifier {
    inner: Arc<Inner>,
}

struct Inner {
    options: VerifierOptions,
    fetcher: Fetcher,
    issuers: Mutex<HashMap<String, Arc<IssuerKeys>>>,
    /// Tokens whose signature checked out, by the token's text.
    verified: Mutex<HashMap<Box<str>, Arc<Verified>>>,
}

/// The most tokens remembered at once; past it, expired ones are dropped,
/// and if that is not enough, all of them.
const MAX_REMEMBERED: usize = 10_000;

/// A token whose signature `keys` checked.
struct Verified {
    issuer: Box<str>,
    kid: String,
    keys: Arc<KeySet>,
    claims: Claims,
    /// `exp`, so that expired tokens can be forgotten.
    exp: f64,
}

/// The cached keys of one issuer. `state` is only held briefly and never
/// across an await; `refresh` is held by the one fetch in flight, so
/// concurrent requests share it.
#[derive(Default)]
struct IssuerKeys {
    state: Mutex<KeysState>,
    refresh: Arc<tokio::sync::Mutex<()>>,
}

#[derive(Default, Clone)]
struct KeysState {
    keys: Option<Arc<KeySet>>,
    fetched_at: Option<Instant>,
    attempted_at: Option<Instant>,
    /// Counts fetch attempts, so a waiter can tell that another request
    /// fetched while it waited.
    attempts: u64,
    /// Why the last attempt failed, if it did.
    last_error: Option<String>,
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

impl std::fmt::Debug for Verifier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Verifier")
            .field("options", &self.inner.options)
            .finish_non_exhaustive()
    }
}

/// The parts of a compact JWS, checked for shape but not yet trusted.
struct Parts<'t> {
    alg: Algorithm,
    kid: String,
    signing_input: &'t str,
    signature: &'t str,
    payload: Vec<u8>,
}

fn is_base64url(segment: &str) -> bool {
    segment
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

fn split_token(token: &str) -> Result<Parts<'_>, Denial> {
    let malformed = |why: &str| Fault::Malformed.deny(format!("the token is malformed: {why}"));
    let mut segments = token.split('.');
    let (Some(header), Some(payload), Some(signature), None) = (
        segments.next(),
        segments.next(),
        segments.next(),
        segments.next(),
    ) else {
        return Err(malformed(
            "a JWT has three dot-separated parts (encrypted tokens are not accepted)",
        ));
    };
    // The signature may be empty for now, so that an `alg: none` token is
    // refused for its algorithm rather than for its shape.
    if header.is_empty()
        || payload.is_empty()
        || ![header, payload, signature].iter().all(|s| is_base64url(s))
    {
        return Err(malformed("each part must be non-empty base64url"));
    }
    let header_bytes = URL_SAFE_NO_PAD
        .decode(header)
        .map_err(|_| malformed("the header is not base64url"))?;
    let header_json: Value =
        serde_json::from_slice(&header_bytes).map_err(|_| malformed("the header is not JSON"))?;
    let header_obj = header_json
        .as_object()
        .ok_or_else(|| malformed("the header is not a JSON object"))?;
    let alg_name = header_obj
        .get("alg")
        .and_then(Value::as_str)
        .ok_or_else(|| malformed("the header has no \"alg\""))?;
    let alg = supported_algorithm(alg_name).ok_or_else(|| {
        Fault::Algorithm.deny(format!(
            "the token's algorithm {} is not supported by API Gateway, whose JWT authorizers \
             accept only {SUPPORTED_ALGORITHMS}",
            printable(alg_name)
        ))
    })?;
    if signature.is_empty() {
        return Err(malformed("each part must be non-empty base64url"));
    }
    if header_obj.contains_key("crit") {
        return Err(malformed(
            "the header has critical extensions (\"crit\"), which are not supported",
        ));
    }
    let kid = match header_obj.get("kid") {
        Some(Value::String(k)) if !k.is_empty() => k.clone(),
        Some(Value::String(_)) | None => {
            return Err(Fault::NoKeyId.deny("the token header names no key (kid)"));
        }
        Some(_) => return Err(malformed("the header's \"kid\" is not a string")),
    };
    let signing_input = &token[..header.len() + 1 + payload.len()];
    let payload = URL_SAFE_NO_PAD
        .decode(payload)
        .map_err(|_| malformed("the payload is not base64url"))?;
    Ok(Parts {
        alg,
        kid,
        signing_input,
        signature,
        payload,
    })
}

/// A value from the request, shortened and escaped for a log line.
fn printable(s: &str) -> String {
    let short: String = s.chars().take(64).collect();
    let mut out = format!("{short:?}");
    if short.len() < s.len() {
        out.push('…');
    }
    out
}

fn now_seconds() -> f64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0.0, |d| d.as_secs_f64())
}

/// A NumericDate claim: absent, a number, or malformed.
fn time_claim(claims: &Claims, name: &str) -> Result<Option<f64>, Denial> {
    match claims.get(name) {
        None => Ok(None),
        Some(v) => v.as_f64().map(Some).ok_or_else(|| {
            Fault::Claim.deny(format!("the token's \"{name}\" is not a number of seconds"))
        }),
    }
}

fn check_times(claims: &Claims, skew: f64) -> Result<(), Denial> {
    let now = now_seconds();
    let exp = time_claim(claims, "exp")?
        .ok_or_else(|| Fault::Claim.deny("the token has no expiry (\"exp\")"))?;
    if now >= exp + skew {
        return Err(Fault::Expired.deny(format!(
            "the token expired {:.0} s ago",
            (now - exp).max(0.0)
        )));
    }
    if let Some(nbf) = time_claim(claims, "nbf")?
        && nbf > now + skew
    {
        return Err(Fault::NotYetValid.deny(format!(
            "the token is not valid for another {:.0} s (\"nbf\")",
            nbf - now
        )));
    }
    if let Some(iat) = time_claim(claims, "iat")?
        && iat > now + skew
    {
        return Err(Fault::IssuedInFuture.deny(format!(
            "the token claims to be issued {:.0} s from now (\"iat\")",
            iat - now
        )));
    }
    Ok(())
}

fn check_issuer(claims: &Claims, issuer: &str) -> Result<(), Denial> {
    match claims.get("iss") {
        Some(Value::String(iss)) if iss == issuer => Ok(()),
        Some(Value::String(iss)) => Err(Fault::Issuer.deny(format!(
            "the token's issuer {} is not the authorizer's issuer {issuer:?}",
            printable(iss)
        ))),
        Some(_) => Err(Fault::Issuer.deny("the token's \"iss\" is not a string")),
        None => Err(Fault::Issuer.deny("the token has no issuer (\"iss\")")),
    }
}

/// `aud` (a string or an array of strings) must hold one of the configured
/// audiences; only when `aud` is absent does `client_id` count instead.
fn check_audience(claims: &Claims, audiences: &[String]) -> Result<(), Denial> {
    let configured = |a: &str| audiences.iter().any(|c| c == a);
    let fits = match claims.get("aud") {
        Some(Value::String(aud)) => configured(aud),
        Some(Value::Array(auds)) => {
            if auds.iter().any(|a| !a.is_string()) {
                return Err(
                    Fault::Claim.deny("the token's \"aud\" holds a value that is not a string")
                );
            }
            auds.iter().filter_map(Value::as_str).any(configured)
        }
        Some(_) => {
            return Err(Fault::Claim.deny("the token's \"aud\" is neither a string nor an array"));
        }
        None => match claims.get("client_id") {
            Some(Value::String(id)) => configured(id),
            _ => {
                return Err(Fault::Audience
                    .deny("the token has neither \"aud\" nor a string \"client_id\""));
            }
        },
    };
    if fits {
        Ok(())
    } else {
        let claim = if claims.contains_key("aud") {
            "aud"
        } else {
            "client_id"
        };
        Err(Fault::Audience.deny(format!(
            "the token's \"{claim}\" names none of the authorizer's audiences {audiences:?}"
        )))
    }
}

/// The token's scopes: `scope` (space-separated) and `scp` (an array, or a
/// space-separated string) together.
fn token_scopes(claims: &Claims) -> Vec<&str> {
    let mut scopes = Vec::new();
    if let Some(Value::String(s)) = claims.get("scope") {
        scopes.extend(s.split_ascii_whitespace());
    }
    match claims.get("scp") {
        Some(Value::String(s)) => scopes.extend(s.split_ascii_whitespace()),
        Some(Value::Array(a)) => scopes.extend(a.iter().filter_map(Value::as_str)),
        _ => {}
    }
    scopes
}

fn check_scopes(claims: &Claims, required: &[String]) -> Result<(), Denial> {
    if required.is_empty() {
        return Ok(());
    }
    let held = token_scopes(claims);
    if required.iter().any(|r| held.contains(&r.as_str())) {
        Ok(())
    } else {
        Err(Denial::Forbidden {
            reason: format!("the token holds none of the route's scopes {required:?}"),
        })
    }
}

/// The checks of a token's claims against the route's rule, after the
/// time claims.
fn check_rule(claims: &Claims, rule: &JwtRule<'_>) -> Result<(), Denial> {
    check_issuer(claims, rule.issuer)?;
    check_audience(claims, rule.audiences)?;
    check_scopes(claims, rule.scopes)
}

/// Issuers and key-set URLs must be https, except on this machine.
fn check_url(what: &str, url: &str) -> Result<(), String> {
    if url.starts_with("https://") || is_loopback_http(url) {
        Ok(())
    } else {
        Err(format!(
            "the {what} {url:?} is neither https:// nor http:// on this machine"
        ))
    }
}

impl Verifier {
    pub fn new(options: VerifierOptions) -> Self {
        let fetcher = Fetcher::new(
            options.fetch_timeout,
            options.max_jwks_bytes,
            options.system_roots,
            options.extra_ca_certs.clone(),
        );
        Verifier {
            inner: Arc::new(Inner {
                options,
                fetcher,
                issuers: Mutex::new(HashMap::new()),
                verified: Mutex::new(HashMap::new()),
            }),
        }
    }

    pub fn options(&self) -> &VerifierOptions {
        &self.inner.options
    }

    /// Checks the identity source's value against `rule` and returns the
    /// token's claims. Never panics, and waits for the issuer at most
    /// `fetch_timeout` per document. Must run inside a Tokio runtime.
    pub async fn verify(
        &self,
        rule: &JwtRule<'_>,
        raw_identity: Option<&str>,
    ) -> Result<Claims, Denial> {
        let token = raw_identity
            .map(super::token_from_identity)
            .unwrap_or_default();
        if token.is_empty() {
            return Err(Fault::Missing.deny("the request carries no token"));
        }
        let options = &self.inner.options;
        if token.len() > options.max_token_bytes {
            return Err(Fault::TooLarge.deny(format!(
                "the token is {} bytes, more than the {} allowed",
                token.len(),
                options.max_token_bytes
            )));
        }
        if let Some(claims) = self.recall(rule, token).await {
            return claims;
        }
        let parts = split_token(token)?;
        let keys = self.keys(rule.issuer, &parts.kid).await?;
        let key = match keys.lookup(&parts.kid, parts.alg) {
            Lookup::Found(key) => key,
            Lookup::WrongAlgorithm => {
                return Err(Fault::KeyAlgorithm.deny(format!(
                    "the issuer's key {} may not verify {:?} tokens",
                    printable(&parts.kid),
                    parts.alg
                )));
            }
            Lookup::Unknown => {
                return Err(Fault::UnknownKey.deny(format!(
                    "the issuer {} publishes no key {} (it has {} usable signing keys)",
                    rule.issuer,
                    printable(&parts.kid),
                    keys.len()
                )));
            }
        };
        let valid = jsonwebtoken::crypto::verify(
            parts.signature,
            parts.signing_input.as_bytes(),
            &key.key,
            parts.alg,
        )
        .unwrap_or(false);
        if !valid {
            return Err(Fault::Signature.deny(format!(
                "the signature does not match key {} of {}",
                printable(&parts.kid),
                rule.issuer
            )));
        }
        let claims: Claims = serde_json::from_slice(&parts.payload).map_err(|_| {
            Fault::Malformed.deny("the token is malformed: the payload is not a JSON object")
        })?;
        let skew = options.clock_skew.as_secs_f64();
        check_times(&claims, skew)?;
        let claims = self.remember(rule.issuer, token, parts.kid, keys, claims, skew);
        check_rule(&claims, rule)?;
        Ok(claims)
    }

    /// The answer for a token whose signature was checked before with the
    /// issuer's current keys; `None` when it has to be checked in full.
    async fn recall(&self, rule: &JwtRule<'_>, token: &str) -> Option<Result<Claims, Denial>> {
        let hit = lock(&self.inner.verified).get(token).cloned()?;
        if *hit.issuer != *rule.issuer {
            return None;
        }
        // Asking for the kid keeps the key cache's rules: keys past their
        // TTL, or without this kid, are fetched again, and a new set means
        // a new check. When there are no keys, the full check would fail
        // the same way.
        let keys = match self.keys(rule.issuer, &hit.kid).await {
            Ok(keys) => keys,
            Err(denial) => return Some(Err(denial)),
        };
        if !Arc::ptr_eq(&keys, &hit.keys) {
            return None;
        }
        let skew = self.inner.options.clock_skew.as_secs_f64();
        let checked = check_times(&hit.claims, skew).and_then(|()| check_rule(&hit.claims, rule));
        Some(checked.map(|()| hit.claims.clone()))
    }

    /// Remembers a token whose signature `keys` checked and whose time
    /// claims hold; gives its claims back.
    fn remember(
        &self,
        issuer: &str,
        token: &str,
        kid: String,
        keys: Arc<KeySet>,
        claims: Claims,
        skew: f64,
    ) -> Claims {
        let Ok(Some(exp)) = time_claim(&claims, "exp") else {
            return claims;
        };
        let verified = Arc::new(Verified {
            issuer: issuer.into(),
            kid,
            keys,
            claims,
            exp,
        });
        let mut remembered = lock(&self.inner.verified);
        if remembered.len() >= MAX_REMEMBERED {
            let now = now_seconds();
            remembered.retain(|_, v| now < v.exp + skew);
            if remembered.len() >= MAX_REMEMBERED {
                remembered.clear();
            }
        }
        remembered.insert(token.into(), verified.clone());
        drop(remembered);
        verified.claims.clone()
    }

    fn issuer_entry(&self, issuer: &str) -> Arc<IssuerKeys> {
        let mut issuers = lock(&self.inner.issuers);
        match issuers.get(issuer) {
            Some(entry) => entry.clone(),
            None => issuers.entry(issuer.to_string()).or_default().clone(),
        }
    }

    /// The issuer's keys, fetched when there are none yet, when they are
    /// older than `keys_ttl`, or when they lack `kid`, but never more often
    /// than `min_refetch_interval`. Stale keys are used while a refresh fails.
    async fn keys(&self, issuer: &str, kid: &str) -> Result<Arc<KeySet>, Denial> {
        let options = &self.inner.options;
        let entry = self.issuer_entry(issuer);
        let seen = lock(&entry.state).clone();
        let now = Instant::now();
        let has_kid = seen.keys.as_ref().is_some_and(|k| k.has_kid(kid));
        let fresh = seen
            .fetched_at
            .is_some_and(|t| now.duration_since(t) < options.keys_ttl);
        if fresh && has_kid {
            return keys_or_denial(issuer, &seen);
        }
        let may_fetch = seen
            .attempted_at
            .is_none_or(|t| now.duration_since(t) >= options.min_refetch_interval);
        if !may_fetch {
            return keys_or_denial(issuer, &seen);
        }
        let one_fetch = entry.refresh.clone().lock_owned().await;
        let current = lock(&entry.state).clone();
        if current.attempts != seen.attempts {
            // Another request fetched while this one waited: use its result.
            return keys_or_denial(issuer, &current);
        }
        // The fetch runs as its own task, holding the refresh lock, so it
        // finishes and is recorded (and counts against the refetch interval)
        // even when the request that started it goes away.
        let (verifier, owner, name) = (self.clone(), entry.clone(), issuer.to_string());
        let fetch = tokio::spawn(async move {
            let _one_fetch = one_fetch;
            let fetched = verifier.fetch_keys(&name).await;
            let mut state = lock(&owner.state);
            state.attempts += 1;
            state.attempted_at = Some(Instant::now());
            match fetched {
                Ok(keys) => {
                    state.keys = Some(Arc::new(keys));
                    state.fetched_at = state.attempted_at;
                    state.last_error = None;
                }
                Err(e) => state.last_error = Some(e),
            }
            state.clone()
        });
        match fetch.await {
            Ok(after) => keys_or_denial(issuer, &after),
            Err(e) => Err(Fault::KeysUnavailable
                .deny(format!("fetching the keys of issuer {issuer} failed: {e}"))),
        }
    }

    async fn fetch_keys(&self, issuer: &str) -> Result<KeySet, String> {
        check_url("issuer", issuer)?;
        let fetcher = &self.inner.fetcher;
        let discovery_url = format!(
            "{}/.well-known/openid-configuration",
            issuer.trim_end_matches('/')
        );
        let discovery = fetcher.get(&discovery_url).await?;
        let doc: Value = serde_json::from_slice(&discovery)
            .map_err(|e| format!("{discovery_url} is not JSON: {e}"))?;
        let jwks_uri = doc
            .get("jwks_uri")
            .and_then(Value::as_str)
            .ok_or_else(|| format!("{discovery_url} has no \"jwks_uri\""))?;
        check_url("jwks_uri", jwks_uri)?;
        let jwks = fetcher.get(jwks_uri).await?;
        KeySet::parse(&jwks).map_err(|e| format!("{jwks_uri}: {e}"))
    }
}

/// The keys in `state`, or why there are none to use.
fn keys_or_denial(issuer: &str, state: &KeysState) -> Result<Arc<KeySet>, Denial> {
    match (&state.keys, &state.last_error) {
        (Some(keys), _) => Ok(keys.clone()),
        (None, Some(error)) => Err(Fault::KeysUnavailable.deny(format!(
            "the keys of issuer {issuer} could not be fetched: {error}"
        ))),
        (None, None) => Err(Fault::KeysUnavailable.deny(format!(
            "the keys of issuer {issuer} have not been fetched yet"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn claims(v: Value) -> Claims {
        v.as_object().cloned().unwrap()
    }

    fn strings(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    /// A verifier that holds `keys` for `issuer`, fresh, as if fetched.
    fn holding(issuer: &str, keys: &Arc<KeySet>) -> Verifier {
        let v = Verifier::new(VerifierOptions {
            system_roots: false,
            ..VerifierOptions::default()
        });
        set_keys(&v, issuer, keys);
        v
    }

    fn set_keys(v: &Verifier, issuer: &str, keys: &Arc<KeySet>) {
        let entry = v.issuer_entry(issuer);
        let mut state = lock(&entry.state);
        state.keys = Some(keys.clone());
        state.fetched_at = Some(Instant::now());
    }

    #[tokio::test]
    async fn a_remembered_token_skips_only_the_signature_check() {
        let iss = "https://idp.example";
        let keys = Arc::new(
            KeySet::parse(
                br#"{"keys":[{"kty":"RSA","kid":"k1","n":"0vx7agoebGcQSuuPiLJXZptN","e":"AQAB"}]}"#,
            )
            .unwrap(),
        );
        assert_eq!(keys.len(), 1);
        let v = holding(iss, &keys);
        let auds = strings(&["app"]);
        let rule = JwtRule {
            issuer: iss,
            audiences: &auds,
            scopes: &[],
        };
        let exp = now_seconds() + 600.0;
        let token = "not-really.a-signed.token";
        assert!(
            v.recall(&rule, token).await.is_none(),
            "nothing remembered yet"
        );

        let c = claims(json!({"iss": iss, "aud": "app", "exp": exp, "scope": "read"}));
        v.remember(iss, token, "k1".into(), keys.clone(), c.clone(), 60.0);
        // The signature is taken as checked: this token has none.
        assert_eq!(v.recall(&rule, token).await.unwrap().unwrap(), c);
        // Claims are checked against each rule.
        let write = strings(&["write"]);
        let scoped = JwtRule {
            scopes: &write,
            ..rule
        };
        assert_eq!(
            v.recall(&scoped, token)
                .await
                .unwrap()
                .unwrap_err()
                .status(),
            403
        );
        let others = strings(&["other"]);
        let elsewhere = JwtRule {
            audiences: &others,
            ..rule
        };
        assert_eq!(
            v.recall(&elsewhere, token)
                .await
                .unwrap()
                .unwrap_err()
                .status(),
            401
        );
        // Another issuer's rule does not find it.
        let foreign = JwtRule {
            issuer: "https://other.example",
            ..rule
        };
        assert!(v.recall(&foreign, token).await.is_none());
        // Once the issuer's keys are a new set, the token is checked in full.
        set_keys(&v, iss, &Arc::new(KeySet::clone(&keys)));
        assert!(v.recall(&rule, token).await.is_none());
    }

    #[test]
    fn remembered_tokens_are_bounded() {
        let iss = "https://idp.example";
        let keys = Arc::new(KeySet::default());
        let v = holding(iss, &keys);
        let now = now_seconds();
        let c = |exp: f64| claims(json!({"exp": exp}));
        for i in 0..MAX_REMEMBERED {
            // Every other one has expired.
            let exp = if i % 2 == 0 {
                now - 3600.0
            } else {
                now + 600.0
            };
            v.remember(
                iss,
                &format!("t{i}"),
                "k".into(),
                keys.clone(),
                c(exp),
                60.0,
            );
        }
        assert_eq!(lock(&v.inner.verified).len(), MAX_REMEMBERED);
        v.remember(
            iss,
            "one-more",
            "k".into(),
            keys.clone(),
            c(now + 600.0),
            60.0,
        );
        let remembered = lock(&v.inner.verified);
        assert_eq!(
            remembered.len(),
            MAX_REMEMBERED / 2 + 1,
            "the expired ones went"
        );
        assert!(remembered.contains_key("one-more") && remembered.contains_key("t1"));
    }

    #[test]
    fn audience_falls_back_to_client_id_only_without_aud() {
        let auds = strings(&["app"]);
        assert!(check_audience(&claims(json!({"aud": "app"})), &auds).is_ok());
        assert!(check_audience(&claims(json!({"aud": ["x", "app"]})), &auds).is_ok());
        assert!(check_audience(&claims(json!({"client_id": "app"})), &auds).is_ok());
        assert!(check_audience(&claims(json!({"aud": "x", "client_id": "app"})), &auds).is_err());
        assert!(check_audience(&claims(json!({})), &auds).is_err());
        assert!(check_audience(&claims(json!({"aud": 7})), &auds).is_err());
        assert!(check_audience(&claims(json!({"aud": ["app", 7]})), &auds).is_err());
        assert!(check_audience(&claims(json!({"aud": []})), &auds).is_err());
    }

    #[test]
    fn scopes_come_from_scope_and_scp() {
        let need = strings(&["read", "admin"]);
        assert!(check_scopes(&claims(json!({})), &[]).is_ok());
        assert!(check_scopes(&claims(json!({"scope": "a read b"})), &need).is_ok());
        assert!(check_scopes(&claims(json!({"scp": ["admin"]})), &need).is_ok());
        assert!(check_scopes(&claims(json!({"scp": "x admin"})), &need).is_ok());
        assert!(check_scopes(&claims(json!({"scope": "reader"})), &need).is_err());
        assert!(check_scopes(&claims(json!({"scope": ["read"]})), &need).is_err());
        assert!(check_scopes(&claims(json!({})), &need).is_err());
    }

    #[test]
    fn time_claims_must_be_numbers() {
        let far = now_seconds() + 3600.0;
        assert!(check_times(&claims(json!({"exp": far})), 60.0).is_ok());
        assert!(check_times(&claims(json!({"exp": far.to_string()})), 60.0).is_err());
        assert!(check_times(&claims(json!({})), 60.0).is_err());
        assert!(check_times(&claims(json!({"exp": far, "nbf": "0"})), 60.0).is_err());
        assert!(check_times(&claims(json!({"exp": far, "iat": null})), 60.0).is_err());
    }

    #[test]
    fn skew_is_allowed_both_ways() {
        let now = now_seconds();
        assert!(check_times(&claims(json!({"exp": now - 30.0})), 60.0).is_ok());
        assert!(check_times(&claims(json!({"exp": now - 90.0})), 60.0).is_err());
        let exp = now + 3600.0;
        assert!(check_times(&claims(json!({"exp": exp, "nbf": now + 30.0})), 60.0).is_ok());
        assert!(check_times(&claims(json!({"exp": exp, "iat": now + 30.0})), 60.0).is_ok());
        assert!(check_times(&claims(json!({"exp": exp, "iat": now + 90.0})), 60.0).is_err());
    }

    #[test]
    fn garbage_tokens_are_malformed_not_panics() {
        let cases = [
            ".",
            "..",
            "...",
            "a.b",
            "a.b.c.d",
            "a.b.c.d.e",
            "é.é.é",
            "eyJ.eyJ.sig",
            "e30.e30.e30",
            "bnVsbA.e30.e30",
            "eyJhbGciOjF9.e30.e30",
            "eyJhbGciOiJSUzI1NiIsImtpZCI6N30.e30.e30",
            "eyJhbGciOiJSUzI1NiJ9.e30.e30",
            "eyJhbGciOiJSUzI1NiIsImtpZCI6ImsiLCJjcml0IjpbImIiXX0.e30.e30",
            "eyJhbGciOiJSUzI1NiIsImtpZCI6ImsifQ.!!.e30",
        ];
        for token in cases {
            assert!(split_token(token).is_err(), "{token}");
        }
        // An algorithm API Gateway refuses is refused for that, before the
        // rest of the token is looked at.
        let es256 = split_token("eyJhbGciOiJFUzI1NiIsImtpZCI6ImsifQ.e30.c2ln");
        assert_eq!(
            es256
                .err()
                .map(|d| d.www_authenticate().map(str::to_string)),
            Some(Some(Fault::Algorithm.challenge()))
        );
        let ok = split_token("eyJhbGciOiJSUzI1NiIsImtpZCI6ImsifQ.e30.c2ln").unwrap();
        assert_eq!(ok.kid, "k");
        assert_eq!(ok.signing_input, "eyJhbGciOiJSUzI1NiIsImtpZCI6ImsifQ.e30");
        assert_eq!(ok.signature, "c2ln");
        assert_eq!(ok.payload, b"{}");
    }

    #[test]
    fn issuer_urls_must_be_https_or_local() {
        assert!(check_url("issuer", "https://idp.example.com").is_ok());
        assert!(check_url("issuer", "http://127.0.0.1:8080").is_ok());
        assert!(check_url("issuer", "http://localhost:9/x").is_ok());
        assert!(check_url("issuer", "http://idp.example.com").is_err());
        assert!(check_url("jwks_uri", "file:///etc/passwd").is_err());
    }

    #[test]
    fn verify_futures_can_move_between_threads() {
        fn is_send<T: Send>(_: &T) {}
        let v = Verifier::new(VerifierOptions::default());
        let rule = JwtRule {
            issuer: "https://x",
            audiences: &[],
            scopes: &[],
        };
        let fut = v.verify(&rule, None);
        is_send(&fut);
    }
}
