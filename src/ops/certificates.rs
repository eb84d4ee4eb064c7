//! The ACM stand-in's operations (`apigw acm …`): ImportCertificate,
//! RequestCertificate, DescribeCertificate, ListCertificates,
//! DeleteCertificate, GetCertificate. Unlike the other operations these
//! read and write files beside the workspace (`crate::acm::store`), since
//! certificates carry keys that must stay out of the workspace file; the
//! workspace itself is read only to say which domain names use a
//! certificate. Also the check that `create-domain-name` and
//! `update-domain-name` make of the certificate a configuration names.

use crate::acm::ca::LocalCa;
use crate::acm::store::{self, Record, Store, Stored};
use crate::acm::{self, x509};
use crate::error::ApiError;
use crate::model::{
    CertificateArnOutput, CertificateDetail, CertificateSummary, DescribeCertificateOutput,
    GetCertificateOutput, ImportCertificateRequest, ListCertificatesOutput,
    ListCertificatesRequest, RequestCertificateRequest,
};
use crate::rules::domain;
use crate::workspace::Workspace;
use ring::rand::{SecureRandom, SystemRandom};

/// The most certificates a region holds (ACM's default quota is 2,500).
pub const CERTIFICATES_PER_REGION: usize = 2500;
/// The most names one certificate may cover (ACM's default quota).
pub const NAMES_PER_CERTIFICATE: usize = 10;

fn validation(msg: impl Into<String>) -> ApiError {
    ApiError::named("ValidationException", msg)
}

fn not_found(arn: &str) -> ApiError {
    ApiError::named(
        "ResourceNotFoundException",
        format!("Could not find certificate {arn}."),
    )
}

fn store_failure(e: crate::error::Error) -> ApiError {
    ApiError::named("InternalFailure", e.to_string())
}

/// The store beside the workspace; the operations need to know where the
/// workspace is.
fn store_of(ws: &Workspace) -> Result<Store, ApiError> {
    ws.location.as_deref().map(Store::beside).ok_or_else(|| {
        validation("the ACM stand-in needs a workspace file to keep certificates beside")
    })
}

/// An ARN checked for its form: ACM, certificate/ID.
fn check_arn(arn: &str) -> Result<(), ApiError> {
    if store::id_of(arn).is_none() {
        return Err(ApiError::named(
            "InvalidArnException",
            format!(
                "The certificate ARN {arn} is not valid: expected arn:aws:acm:REGION:ACCOUNT:certificate/ID"
            ),
        ));
    }
    Ok(())
}

/// The certificate `arn` in this workspace's region.
fn find(ws: &Workspace, store: &Store, arn: &str) -> Result<Stored, ApiError> {
    check_arn(arn)?;
    store
        .get(arn)
        .map_err(store_failure)?
        .filter(|s| in_region(ws, &s.record.certificate_arn))
        .ok_or_else(|| not_found(arn))
}

fn in_region(ws: &Workspace, arn: &str) -> bool {
    arn.split(':').nth(3) == Some(ws.region())
}

fn new_uuid() -> Result<String, ApiError> {
    let mut b = [0u8; 16];
    SystemRandom::new()
        .fill(&mut b)
        .map_err(|_| ApiError::named("InternalFailure", "no random bytes"))?;
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h: String = b.iter().map(|x| format!("{x:02x}")).collect();
    Ok(format!(
        "{}-{}-{}-{}-{}",
        &h[..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..]
    ))
}

fn now() -> i64 {
    crate::logs::time::now_ms() / 1000
}

/// The domain names of the workspace whose configuration names `arn`.
fn in_use_by(ws: &Workspace, arn: &str) -> Vec<String> {
    ws.domain_names
        .values()
        .filter(|d| {
            d.domain_name_configurations
                .iter()
                .any(|c| c.certificate_arn.as_deref() == Some(arn))
        })
        .map(|d| d.domain_name_arn.clone())
        .collect()
}

fn status(info: &x509::CertInfo) -> &'static str {
    if info.not_after < now() {
        "EXPIRED"
    } else {
        "ISSUED"
    }
}

/// The certificate's main name: the requested domain, else its common
/// name, else its first DNS name.
fn main_name(s: &Stored) -> String {
    s.record
        .requested_names
        .first()
        .cloned()
        .or_else(|| s.info.common_name.clone())
        .or_else(|| s.info.dns_names.first().cloned())
        .unwrap_or_default()
}

pub fn import_certificate(
    ws: &Workspace,
    req: ImportCertificateRequest,
) -> Result<CertificateArnOutput, ApiError> {
    let store = store_of(ws)?;
    let (_, info) = store::first_certificate(&req.certificate).map_err(|e| {
        validation(format!(
            "The certificate field {e}; give a PEM certificate (fileb://cert.pem)"
        ))
    })?;
    if let Some(chain) = &req.certificate_chain {
        store::first_certificate(chain).map_err(|e| {
            validation(format!(
                "The certificate chain {e}; give PEM certificates (fileb://chain.pem)"
            ))
        })?;
    }
    acm::certified_key(
        &req.certificate,
        req.certificate_chain.as_deref(),
        &req.private_key,
    )
    .map_err(|e| validation(format!("Could not import the certificate: {e}")))?;
    if info.not_after < now() {
        return Err(validation(format!(
            "The certificate expired on {}",
            x509::iso_date(info.not_after)
        )));
    }
    let arn = match req.certificate_arn {
        // Re-importing replaces the certificate and keeps its ARN.
        Some(arn) => {
            let old = find(ws, &store, &arn)?;
            if old.record.kind != "IMPORTED" {
                return Err(validation(format!(
                    "Certificate {arn} was not imported, so it cannot be re-imported"
                )));
            }
            // Replaced by the save below, once the new one is whole.
            arn
        }
        None => {
            let count = store.list().map_err(store_failure)?.len();
            if count >= CERTIFICATES_PER_REGION {
                return Err(ApiError::named(
                    "LimitExceededException",
                    format!("This account already holds {CERTIFICATES_PER_REGION} certificates"),
                ));
            }
            format!(
                "arn:aws:acm:{}:{}:certificate/{}",
                ws.region(),
                ws.account(),
                new_uuid()?
            )
        }
    };
    let record = Record {
        certificate_arn: arn.clone(),
        kind: "IMPORTED".into(),
        created_at: now(),
        requested_names: Vec::new(),
    };
    store
        .save(
            &record,
            &req.certificate,
            req.certificate_chain.as_deref(),
            &req.private_key,
        )
        .map_err(store_failure)?;
    Ok(CertificateArnOutput {
        certificate_arn: arn,
    })
}

pub fn request_certificate(
    ws: &Workspace,
    req: RequestCertificateRequest,
) -> Result<CertificateArnOutput, ApiError> {
    let store = store_of(ws)?;
    let mut names = vec![req.domain_name.clone()];
    for n in req.subject_alternative_names.unwrap_or_default() {
        if !names.contains(&n) {
            names.push(n);
        }
    }
    for n in &names {
        domain::check_name(n).map_err(|e| validation(e.to_string()))?;
    }
    if names.len() > NAMES_PER_CERTIFICATE {
        return Err(validation(format!(
            "A certificate may cover at most {NAMES_PER_CERTIFICATE} names; {} were given",
            names.len()
        )));
    }
    if let Some(m) = req.validation_method.as_deref()
        && m != "DNS"
        && m != "EMAIL"
    {
        return Err(validation(format!(
            "Invalid ValidationMethod {m}: must be one of [DNS, EMAIL]"
        )));
    }
    if let Some(k) = req.key_algorithm.as_deref()
        && k != "EC_prime256v1"
    {
        return Err(validation(format!(
            "The local CA issues EC_prime256v1 keys only; KeyAlgorithm {k} is not supported here"
        )));
    }
    let location = ws.location.as_deref().unwrap_or(std::path::Path::new("."));
    let ca = LocalCa::load_or_create(&acm::apigw_dir(location)).map_err(store_failure)?;
    let issued = ca
        .issue(&names)
        .map_err(|e| ApiError::named("InternalFailure", e))?;
    let arn = format!(
        "arn:aws:acm:{}:{}:certificate/{}",
        ws.region(),
        ws.account(),
        new_uuid()?
    );
    let record = Record {
        certificate_arn: arn.clone(),
        kind: "AMAZON_ISSUED".into(),
        created_at: now(),
        requested_names: names,
    };
    store
        .save(
            &record,
            &issued.certificate_pem,
            Some(ca.cert_pem()),
            &issued.private_key_pem,
        )
        .map_err(store_failure)?;
    Ok(CertificateArnOutput {
        certificate_arn: arn,
    })
}

fn detail(ws: &Workspace, s: &Stored) -> CertificateDetail {
    let imported = s.record.kind == "IMPORTED";
    let created = x509::iso_date(s.record.created_at);
    CertificateDetail {
        certificate_arn: s.record.certificate_arn.clone(),
        domain_name: main_name(s),
        subject_alternative_names: s.info.names(),
        serial: s.info.serial_colons(),
        subject: s.info.subject.clone(),
        issuer: s.info.issuer.clone(),
        created_at: created.clone(),
        imported_at: imported.then(|| created.clone()),
        issued_at: (!imported).then_some(created),
        status: status(&s.info).into(),
        not_before: x509::iso_date(s.info.not_before),
        not_after: x509::iso_date(s.info.not_after),
        key_algorithm: s.info.key_algorithm.clone(),
        in_use_by: in_use_by(ws, &s.record.certificate_arn),
        kind: s.record.kind.clone(),
        renewal_eligibility: "INELIGIBLE".into(),
    }
}

pub fn describe_certificate(
    ws: &Workspace,
    arn: &str,
) -> Result<DescribeCertificateOutput, ApiError> {
    let store = store_of(ws)?;
    let s = find(ws, &store, arn)?;
    Ok(DescribeCertificateOutput {
        certificate: detail(ws, &s),
    })
}

pub fn list_certificates(
    ws: &Workspace,
    req: ListCertificatesRequest,
) -> Result<ListCertificatesOutput, ApiError> {
    let store = store_of(ws)?;
    let wanted = req.certificate_statuses.unwrap_or_default();
    let list = store
        .list()
        .map_err(store_failure)?
        .into_iter()
        .filter(|s| in_region(ws, &s.record.certificate_arn))
        .map(|s| detail(ws, &s))
        .filter(|d| wanted.is_empty() || wanted.contains(&d.status))
        .map(|d| CertificateSummary {
            has_additional_subject_alternative_names: false,
            in_use: !d.in_use_by.is_empty(),
            certificate_arn: d.certificate_arn,
            domain_name: d.domain_name,
            subject_alternative_name_summaries: d.subject_alternative_names,
            status: d.status,
            kind: d.kind,
            key_algorithm: d.key_algorithm,
            not_before: d.not_before,
            not_after: d.not_after,
            created_at: d.created_at,
        })
        .collect();
    Ok(ListCertificatesOutput {
        certificate_summary_list: list,
    })
}

pub fn delete_certificate(ws: &Workspace, arn: &str) -> Result<(), ApiError> {
    let store = store_of(ws)?;
    find(ws, &store, arn)?;
    let users = in_use_by(ws, arn);
    if !users.is_empty() {
        return Err(ApiError::named(
            "ResourceInUseException",
            format!(
                "Certificate {arn} is in use by {}; delete or update those domain names first",
                users.join(", ")
            ),
        ));
    }
    store.delete(arn).map_err(store_failure)?;
    Ok(())
}

pub fn get_certificate(ws: &Workspace, arn: &str) -> Result<GetCertificateOutput, ApiError> {
    let store = store_of(ws)?;
    let s = find(ws, &store, arn)?;
    Ok(GetCertificateOutput {
        certificate: s.certificate_pem,
        certificate_chain: s.chain_pem,
    })
}

/// What CreateDomainName and UpdateDomainName require of the certificate a
/// configuration names: that it exists in this region, is valid now, and
/// covers the domain name (exactly, or by a one-label wildcard). Without a
/// workspace file to look beside (a library caller's in-memory workspace)
/// only the ARN's form is checked.
pub(crate) fn check_domain_certificate(
    ws: &Workspace,
    arn: &str,
    domain_name: &str,
) -> Result<(), ApiError> {
    let Some(location) = ws.location.as_deref() else {
        return Ok(());
    };
    let unusable = || {
        ApiError::bad_request(format!(
            "Invalid certificate ARN: {arn}. Certificate must be in 'ISSUED' state."
        ))
    };
    let stored = Store::beside(location)
        .get(arn)
        .map_err(|e| ApiError::bad_request(e.to_string()))?
        .filter(|s| in_region(ws, &s.record.certificate_arn))
        .ok_or_else(unusable)?;
    if status(&stored.info) != "ISSUED" {
        return Err(unusable());
    }
    if !domain::certificate_covers(&stored.info.names(), domain_name) {
        return Err(ApiError::bad_request(
            "The domain name to be created is not covered by the provided certificate.",
        ));
    }
    Ok(())
}
