//! Making the local issuer's RSA key. ring signs with RSA keys but cannot
//! make them, so the `rsa` crate finds the primes (drawing its randomness
//! from ring) and this module writes the key as the PKCS#8 document ring
//! reads. ring checks every component when it loads the key, so a mistake
//! here gives a refused key, never a weak one.

use ring::rand::{SecureRandom, SystemRandom};
use rsa::rand_core::{TryCryptoRng, TryRng};
use rsa::traits::{PrivateKeyParts, PublicKeyParts};
use rsa::{BoxedUint, PrivateKey};
use std::fmt;

/// The modulus size: the smallest ring signs with, and what identity
/// providers commonly use for RS256.
pub(crate) const BITS: usize = 2048;

/// `AlgorithmIdentifier { rsaEncryption (1.2.840.113549.1.1.1), NULL }`.
const RSA_ENCRYPTION: [u8; 15] = [
    0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00,
];

/// The operating system gave no random bytes.
#[derive(Debug)]
struct NoRandomness;

impl fmt::Display for NoRandomness {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the system's random number generator failed")
    }
}

impl std::error::Error for NoRandomness {}

/// ring's system randomness, in the shape the `rsa` crate asks for, so the
/// tree keeps one source of random numbers.
struct RingRandom<'a>(&'a SystemRandom);

impl TryRng for RingRandom<'_> {
    type Error = NoRandomness;

    fn try_next_u32(&mut self) -> Result<u32, NoRandomness> {
        let mut bytes = [0u8; 4];
        self.try_fill_bytes(&mut bytes)?;
        Ok(u32::from_le_bytes(bytes))
    }

    fn try_next_u64(&mut self) -> Result<u64, NoRandomness> {
        let mut bytes = [0u8; 8];
        self.try_fill_bytes(&mut bytes)?;
        Ok(u64::from_le_bytes(bytes))
    }

    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), NoRandomness> {
        self.0.fill(dst).map_err(|_| NoRandomness)
    }
}

impl TryCryptoRng for RingRandom<'_> {}

/// A new RSA key of [`BITS`] bits with exponent 65537, as a PKCS#8
/// `PrivateKeyInfo` in DER.
pub(crate) fn generate_pkcs8(rng: &SystemRandom) -> Result<Vec<u8>, String> {
    let key = PrivateKey::new(&mut RingRandom(rng), BITS)
        .map_err(|e| format!("cannot generate an RSA key: {e}"))?;
    let incomplete = || "the generated RSA key lacks its CRT components".to_string();
    let [p, q] = key.primes() else {
        return Err(incomplete());
    };
    let (dp, dq) = (
        key.dp().ok_or_else(incomplete)?,
        key.dq().ok_or_else(incomplete)?,
    );
    let qinv = key.crt_coefficient().ok_or_else(incomplete)?;
    // RFC 8017 A.1.2: RSAPrivateKey, version 0 (two primes).
    let mut rsa_key = Vec::with_capacity(1200);
    put_integer(&mut rsa_key, &[0]);
    let parts: [&BoxedUint; 8] = [key.n(), key.e(), key.d(), p, q, dp, dq, &qinv];
    for part in parts {
        put_integer(&mut rsa_key, &part.to_be_bytes());
    }
    // RFC 5208 5: PrivateKeyInfo, version 0.
    let mut info = Vec::with_capacity(rsa_key.len() + 32);
    put_integer(&mut info, &[0]);
    info.extend_from_slice(&RSA_ENCRYPTION);
    put(&mut info, 0x04, &sequence(&rsa_key));
    Ok(sequence(&info))
}

fn sequence(content: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(content.len() + 4);
    put(&mut out, 0x30, content);
    out
}

/// Appends one DER element: tag, definite length, content.
fn put(out: &mut Vec<u8>, tag: u8, content: &[u8]) {
    out.push(tag);
    let len = content.len();
    if len < 0x80 {
        out.push(len as u8);
    } else {
        let bytes = len.to_be_bytes();
        let skip = bytes.iter().take_while(|&&b| b == 0).count();
        out.push(0x80 | (bytes.len() - skip) as u8);
        out.extend_from_slice(&bytes[skip..]);
    }
    out.extend_from_slice(content);
}

/// Appends a non-negative INTEGER from big-endian bytes, in DER's minimal
/// form: no leading zero bytes, but one when the top bit is set.
fn put_integer(out: &mut Vec<u8>, be: &[u8]) {
    let skip = be
        .iter()
        .take_while(|&&b| b == 0)
        .count()
        .min(be.len().saturating_sub(1));
    let digits = &be[skip..];
    if digits.first().is_some_and(|&b| b >= 0x80) {
        let mut padded = Vec::with_capacity(digits.len() + 1);
        padded.push(0);
        padded.extend_from_slice(digits);
        put(out, 0x02, &padded);
    } else {
        put(out, 0x02, digits);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn der_lengths_and_integers_are_minimal() {
        let mut out = Vec::new();
        put_integer(&mut out, &[0, 0, 0]);
        put_integer(&mut out, &[0, 0x7f]);
        put_integer(&mut out, &[0x80]);
        assert_eq!(out, [2, 1, 0, 2, 1, 0x7f, 2, 2, 0, 0x80]);
        assert_eq!(&sequence(&[7; 0x7f])[..2], [0x30, 0x7f]);
        assert_eq!(&sequence(&[7; 0x80])[..3], [0x30, 0x81, 0x80]);
        assert_eq!(&sequence(&[7; 0x4a3])[..4], [0x30, 0x82, 0x04, 0xa3]);
    }

    #[test]
    fn a_generated_key_is_one_ring_signs_with() {
        let rng = SystemRandom::new();
        let der = generate_pkcs8(&rng).unwrap();
        let pair = ring::signature::RsaKeyPair::from_pkcs8(&der).unwrap();
        assert_eq!(pair.public().modulus_len() * 8, BITS);
        let mut signature = vec![0; pair.public().modulus_len()];
        pair.sign(
            &ring::signature::RSA_PKCS1_SHA256,
            &rng,
            b"m",
            &mut signature,
        )
        .unwrap();
        let public = ring::signature::UnparsedPublicKey::new(
            &ring::signature::RSA_PKCS1_2048_8192_SHA256,
            pair.public().as_ref(),
        );
        assert!(public.verify(b"m", &signature).is_ok());
        assert_ne!(generate_pkcs8(&rng).unwrap(), der, "each key is new");
    }
}
