//! Reading the few fields of an X.509 certificate that apigw shows or
//! checks: serial number, issuer and subject names, validity, the DNS names
//! it covers, whether it is a CA, and its public key's algorithm. ACM's
//! `describe-certificate` and `$context.identity.clientCert.*` need these;
//! a DER walk of about two hundred lines keeps a full X.509 parser (and its
//! dependencies) out of the build. Anything it does not understand makes
//! the certificate unreadable rather than half-read.

use crate::logs::time::Civil;
use std::fmt::Write as _;

/// What apigw knows of one certificate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertInfo {
    /// The serial number's bytes as written (big-endian, sign byte kept off).
    pub serial: Vec<u8>,
    /// RFC 4514 strings: `CN=api.example.com,O=Example`.
    pub issuer: String,
    pub subject: String,
    /// The subject's common name, when it has one.
    pub common_name: Option<String>,
    /// Seconds since the epoch.
    pub not_before: i64,
    pub not_after: i64,
    /// The subjectAltName extension's DNS names, in order.
    pub dns_names: Vec<String>,
    /// basicConstraints cA.
    pub is_ca: bool,
    /// ACM's names: `RSA_2048`, `EC_prime256v1`, `EC_secp384r1`, …
    pub key_algorithm: String,
}

impl CertInfo {
    /// The serial as `0a:1b:…`, as the service writes it in `clientCert`.
    pub fn serial_colons(&self) -> String {
        let mut out = String::with_capacity(self.serial.len() * 3);
        for (i, b) in self.serial.iter().enumerate() {
            if i > 0 {
                out.push(':');
            }
            let _ = write!(out, "{b:02x}");
        }
        out
    }

    /// The names a TLS client checks the certificate against: the
    /// subjectAltName DNS names, else the common name.
    pub fn names(&self) -> Vec<String> {
        if self.dns_names.is_empty() {
            self.common_name.iter().cloned().collect()
        } else {
            self.dns_names.clone()
        }
    }
}

/// What `$context.identity.clientCert.*` shows of the certificate a
/// client gave in a mutual TLS handshake, written once per connection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientCert {
    pub pem: String,
    pub subject_dn: String,
    pub issuer_dn: String,
    pub serial_number: String,
    pub not_before: String,
    pub not_after: String,
}

impl ClientCert {
    /// The client's (end-entity) certificate, DER; `None` when unreadable
    /// (rustls has verified it by then, so this is not expected).
    pub fn from_der(der: &[u8]) -> Option<ClientCert> {
        use base64::Engine;
        let info = parse(der).ok()?;
        let body = base64::engine::general_purpose::STANDARD.encode(der);
        let mut pem = String::with_capacity(body.len() + 64);
        pem.push_str("-----BEGIN CERTIFICATE-----\n");
        for line in body.as_bytes().chunks(64) {
            pem.push_str(std::str::from_utf8(line).unwrap_or_default());
            pem.push('\n');
        }
        pem.push_str("-----END CERTIFICATE-----");
        Some(ClientCert {
            pem,
            subject_dn: info.subject.clone(),
            issuer_dn: info.issuer.clone(),
            serial_number: info.serial_colons(),
            not_before: openssl_date(info.not_before),
            not_after: openssl_date(info.not_after),
        })
    }
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// `May 28 12:30:02 2019 GMT`, as OpenSSL prints a validity date (and the
/// service's `clientCert.validity` shows it).
pub fn openssl_date(secs: i64) -> String {
    let c = Civil::from_ms(secs.saturating_mul(1000));
    format!(
        "{} {:>2} {:02}:{:02}:{:02} {} GMT",
        MONTHS[(c.month as usize).clamp(1, 12) - 1],
        c.day,
        c.hour,
        c.minute,
        c.second,
        c.year
    )
}

/// `2026-12-03T09:15:00+00:00`: how apigw prints ACM's timestamps.
pub fn iso_date(secs: i64) -> String {
    let mut out = String::new();
    crate::logs::time::push_iso(&mut out, secs.saturating_mul(1000));
    out
}

/// One DER element: its tag and contents.
struct Tlv<'a> {
    tag: u8,
    body: &'a [u8],
}

/// A cursor over DER elements.
struct Der<'a>(&'a [u8]);

impl<'a> Der<'a> {
    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    fn peek_tag(&self) -> Option<u8> {
        self.0.first().copied()
    }

    fn next(&mut self) -> Result<Tlv<'a>, String> {
        let bad = || "a truncated or malformed DER element".to_string();
        let (&tag, rest) = self.0.split_first().ok_or_else(bad)?;
        let (&first, rest) = rest.split_first().ok_or_else(bad)?;
        let (len, rest) = if first < 0x80 {
            (usize::from(first), rest)
        } else {
            let n = usize::from(first & 0x7f);
            if n == 0 || n > 4 || rest.len() < n {
                return Err(bad());
            }
            let len = rest[..n]
                .iter()
                .fold(0usize, |acc, &b| (acc << 8) | usize::from(b));
            (len, &rest[n..])
        };
        if rest.len() < len {
            return Err(bad());
        }
        let (body, after) = rest.split_at(len);
        self.0 = after;
        Ok(Tlv { tag, body })
    }

    /// The next element, which must have tag `tag`.
    fn expect(&mut self, tag: u8, what: &str) -> Result<&'a [u8], String> {
        let t = self.next()?;
        if t.tag != tag {
            return Err(format!(
                "expected {what} (tag {tag:#04x}), found tag {:#04x}",
                t.tag
            ));
        }
        Ok(t.body)
    }
}

const SEQUENCE: u8 = 0x30;
const SET: u8 = 0x31;
const INTEGER: u8 = 0x02;
const BIT_STRING: u8 = 0x03;
const OCTET_STRING: u8 = 0x04;
const OID: u8 = 0x06;
const BOOLEAN: u8 = 0x01;

const OID_CN: &[u8] = &[0x55, 0x04, 0x03];
const OID_SAN: &[u8] = &[0x55, 0x1d, 0x11];
const OID_BASIC_CONSTRAINTS: &[u8] = &[0x55, 0x1d, 0x13];
const OID_RSA: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01];
const OID_EC: &[u8] = &[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01];
const OID_ED25519: &[u8] = &[0x2b, 0x65, 0x70];

/// The short names RFC 4514 gives attribute types (and emailAddress, which
/// OpenSSL also writes by name).
#[rustfmt::skip]
const ATTRIBUTE_NAMES: &[(&[u8], &str)] = &[
    (&[0x55, 0x04, 0x03], "CN"),
    (&[0x55, 0x04, 0x05], "serialNumber"),
    (&[0x55, 0x04, 0x06], "C"),
    (&[0x55, 0x04, 0x07], "L"),
    (&[0x55, 0x04, 0x08], "ST"),
    (&[0x55, 0x04, 0x09], "STREET"),
    (&[0x55, 0x04, 0x0a], "O"),
    (&[0x55, 0x04, 0x0b], "OU"),
    (&[0x09, 0x92, 0x26, 0x89, 0x93, 0xf2, 0x2c, 0x64, 0x01, 0x19], "DC"),
    (&[0x09, 0x92, 0x26, 0x89, 0x93, 0xf2, 0x2c, 0x64, 0x01, 0x01], "UID"),
    (&[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x09, 0x01], "emailAddress"),
];

/// ACM's names for elliptic curves.
#[rustfmt::skip]
const CURVES: &[(&[u8], &str)] = &[
    (&[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07], "EC_prime256v1"),
    (&[0x2b, 0x81, 0x04, 0x00, 0x22], "EC_secp384r1"),
    (&[0x2b, 0x81, 0x04, 0x00, 0x23], "EC_secp521r1"),
];

/// An OID in dotted form.
fn dotted(oid: &[u8]) -> String {
    let mut parts: Vec<u64> = Vec::new();
    let mut value: u64 = 0;
    for &b in oid {
        value = (value << 7) | u64::from(b & 0x7f);
        if b & 0x80 == 0 {
            if parts.is_empty() {
                let first = (value / 40).min(2);
                parts.push(first);
                parts.push(value - first * 40);
            } else {
                parts.push(value);
            }
            value = 0;
        }
    }
    parts
        .iter()
        .map(u64::to_string)
        .collect::<Vec<_>>()
        .join(".")
}

/// A directory string's text; `None` for a kind that is not text.
fn string_value(t: &Tlv<'_>) -> Option<String> {
    match t.tag {
        // UTF8String, PrintableString, T61String, IA5String, VisibleString
        0x0c | 0x13 | 0x14 | 0x16 | 0x1a => Some(String::from_utf8_lossy(t.body).into_owned()),
        // BMPString: UTF-16BE.
        0x1e => {
            let units: Vec<u16> = t
                .body
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
                .collect();
            Some(String::from_utf16_lossy(&units))
        }
        _ => None,
    }
}

/// RFC 4514 escaping of an attribute value.
fn escape(value: &str, out: &mut String) {
    let last = value.chars().count().saturating_sub(1);
    for (i, c) in value.chars().enumerate() {
        let special = matches!(c, ',' | '+' | '"' | '\\' | '<' | '>' | ';')
            || (i == 0 && (c == '#' || c == ' '))
            || (i == last && c == ' ');
        if special {
            out.push('\\');
        }
        out.push(c);
    }
}

/// A Name as an RFC 4514 string (last RDN first), and its common name.
fn name(body: &[u8]) -> Result<(String, Option<String>), String> {
    let mut rdns = Vec::new();
    let mut common_name = None;
    let mut seq = Der(body);
    while !seq.is_empty() {
        let mut set = Der(seq.expect(SET, "a relative distinguished name")?);
        let mut parts = Vec::new();
        while !set.is_empty() {
            let mut atv = Der(set.expect(SEQUENCE, "an attribute")?);
            let oid = atv.expect(OID, "an attribute type")?;
            let value = atv.next()?;
            let mut part = match ATTRIBUTE_NAMES.iter().find(|(o, _)| *o == oid) {
                Some((_, n)) => format!("{n}="),
                None => format!("{}=", dotted(oid)),
            };
            match string_value(&value) {
                Some(text) => {
                    if oid == OID_CN && common_name.is_none() {
                        common_name = Some(text.clone());
                    }
                    escape(&text, &mut part);
                }
                None => {
                    part.push('#');
                    for b in value.body {
                        let _ = write!(part, "{b:02x}");
                    }
                }
            }
            parts.push(part);
        }
        rdns.push(parts.join("+"));
    }
    rdns.reverse();
    Ok((rdns.join(","), common_name))
}

/// UTCTime or GeneralizedTime, as seconds since the epoch.
fn time(t: &Tlv<'_>) -> Result<i64, String> {
    let text = std::str::from_utf8(t.body).map_err(|_| "a time that is not ASCII".to_string())?;
    let digits = text
        .strip_suffix('Z')
        .ok_or_else(|| format!("a time not in UTC: {text}"))?;
    let full = match (t.tag, digits.len()) {
        (0x17, 12) => {
            let yy: i64 = digits[..2]
                .parse()
                .map_err(|_| format!("a bad time {text}"))?;
            format!(
                "{}{}",
                if yy < 50 { 2000 + yy } else { 1900 + yy },
                &digits[2..]
            )
        }
        (0x18, 14) => digits.to_string(),
        _ => return Err(format!("a time in an unknown form: {text}")),
    };
    let num = |r: std::ops::Range<usize>| -> Result<u32, String> {
        full.get(r)
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| format!("a bad time {text}"))
    };
    let civil = Civil {
        year: i64::from(num(0..4)?),
        month: num(4..6)?,
        day: num(6..8)?,
        hour: num(8..10)?,
        minute: num(10..12)?,
        second: num(12..14)?,
        millis: 0,
    };
    civil
        .to_ms()
        .map(|ms| ms / 1000)
        .ok_or_else(|| format!("a bad time {text}"))
}

/// ACM's name for the algorithm of a SubjectPublicKeyInfo.
fn key_algorithm(spki: &[u8]) -> Result<String, String> {
    let mut s = Der(spki);
    let mut alg = Der(s.expect(SEQUENCE, "an algorithm identifier")?);
    let oid = alg.expect(OID, "an algorithm")?;
    let key = s.expect(BIT_STRING, "a public key")?;
    if oid == OID_RSA {
        let inner = key.get(1..).unwrap_or_default();
        let mut rsa = Der(Der(inner).expect(SEQUENCE, "an RSA public key")?);
        let modulus = rsa.expect(INTEGER, "an RSA modulus")?;
        let significant = modulus.iter().skip_while(|&&b| b == 0).count();
        return Ok(format!("RSA_{}", significant * 8));
    }
    if oid == OID_EC {
        let curve = alg.expect(OID, "a named curve")?;
        return Ok(CURVES
            .iter()
            .find(|(o, _)| *o == curve)
            .map_or_else(|| format!("EC_{}", dotted(curve)), |(_, n)| n.to_string()));
    }
    if oid == OID_ED25519 {
        return Ok("ED25519".into());
    }
    Ok(dotted(oid))
}

/// Reads a certificate (DER).
pub fn parse(der: &[u8]) -> Result<CertInfo, String> {
    let mut outer = Der(der);
    let mut cert = Der(outer.expect(SEQUENCE, "a certificate")?);
    let mut tbs = Der(cert.expect(SEQUENCE, "the certificate's contents")?);
    if tbs.peek_tag() == Some(0xa0) {
        tbs.next()?;
    }
    let serial = tbs.expect(INTEGER, "a serial number")?;
    let serial = match serial {
        [0, rest @ ..] if !rest.is_empty() => rest.to_vec(),
        s => s.to_vec(),
    };
    tbs.expect(SEQUENCE, "a signature algorithm")?;
    let (issuer, _) = name(tbs.expect(SEQUENCE, "an issuer name")?)?;
    let mut validity = Der(tbs.expect(SEQUENCE, "a validity")?);
    let not_before = time(&validity.next()?)?;
    let not_after = time(&validity.next()?)?;
    let (subject, common_name) = name(tbs.expect(SEQUENCE, "a subject name")?)?;
    let spki = tbs.next()?;
    if spki.tag != SEQUENCE {
        return Err("expected a subject public key".into());
    }
    let key_algorithm = key_algorithm(spki.body)?;
    let mut dns_names = Vec::new();
    let mut is_ca = false;
    while !tbs.is_empty() {
        let t = tbs.next()?;
        if t.tag != 0xa3 {
            continue;
        }
        let mut exts = Der(Der(t.body).expect(SEQUENCE, "extensions")?);
        while !exts.is_empty() {
            let mut ext = Der(exts.expect(SEQUENCE, "an extension")?);
            let oid = ext.expect(OID, "an extension id")?;
            if ext.peek_tag() == Some(BOOLEAN) {
                ext.next()?;
            }
            let value = ext.expect(OCTET_STRING, "an extension value")?;
            if oid == OID_SAN {
                let mut names = Der(Der(value).expect(SEQUENCE, "subject alternative names")?);
                while !names.is_empty() {
                    let n = names.next()?;
                    if n.tag == 0x82 {
                        dns_names.push(String::from_utf8_lossy(n.body).into_owned());
                    }
                }
            } else if oid == OID_BASIC_CONSTRAINTS {
                let mut bc = Der(Der(value).expect(SEQUENCE, "basic constraints")?);
                if bc.peek_tag() == Some(BOOLEAN) {
                    is_ca = bc.next()?.body.first().is_some_and(|&b| b != 0);
                }
            }
        }
    }
    Ok(CertInfo {
        serial,
        issuer,
        subject,
        common_name,
        not_before,
        not_after,
        dns_names,
        is_ca,
        key_algorithm,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_rcgen_writes() {
        let key = rcgen::KeyPair::generate().unwrap();
        let mut params =
            rcgen::CertificateParams::new(vec!["api.example.com".into(), "*.example.com".into()])
                .unwrap();
        params.distinguished_name = rcgen::DistinguishedName::new();
        params
            .distinguished_name
            .push(rcgen::DnType::CommonName, "api.example.com");
        params
            .distinguished_name
            .push(rcgen::DnType::OrganizationName, "Example, Inc");
        params.serial_number = Some(rcgen::SerialNumber::from_slice(&[0x8a, 0x01]));
        params.not_before = rcgen::date_time_ymd(2026, 1, 2);
        params.not_after = rcgen::date_time_ymd(2027, 2, 3);
        let cert = params.self_signed(&key).unwrap();
        let info = parse(cert.der()).unwrap();
        assert_eq!(info.subject, "O=Example\\, Inc,CN=api.example.com");
        assert_eq!(info.issuer, info.subject);
        assert_eq!(info.common_name.as_deref(), Some("api.example.com"));
        assert_eq!(info.dns_names, ["api.example.com", "*.example.com"]);
        assert_eq!(info.serial_colons(), "8a:01");
        assert_eq!(info.key_algorithm, "EC_prime256v1");
        assert_eq!(openssl_date(info.not_before), "Jan  2 00:00:00 2026 GMT");
        assert_eq!(iso_date(info.not_after), "2027-02-03T00:00:00+00:00");
        assert!(!info.is_ca);
    }

    #[test]
    fn refuses_what_is_not_a_certificate() {
        assert!(parse(b"").is_err());
        assert!(parse(&[0x30, 0x05, 1, 2]).is_err());
        assert!(parse(&[0x30, 0x00]).is_err());
    }

    #[test]
    fn oids_print_dotted() {
        assert_eq!(
            dotted(&[0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01]),
            "1.2.840.10045.2.1"
        );
    }
}
