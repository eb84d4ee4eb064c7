use serde::{Deserialize, Serialize};

/// ImportCertificate: PEM blobs (`fileb://`), and the ARN of a
/// certificate to replace when re-importing.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct ImportCertificateRequest {
    pub certificate_arn: Option<String>,
    pub certificate: String,
    pub private_key: String,
    pub certificate_chain: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct RequestCertificateRequest {
    pub domain_name: String,
    pub subject_alternative_names: Option<Vec<String>>,
    pub validation_method: Option<String>,
    pub idempotency_token: Option<String>,
    pub key_algorithm: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct ListCertificatesRequest {
    pub certificate_statuses: Option<Vec<String>>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct CertificateArnOutput {
    pub certificate_arn: String,
}

/// DescribeCertificate's `Certificate`, in ACM's member order. Times are
/// ISO 8601, as the AWS CLI prints them.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct CertificateDetail {
    pub certificate_arn: String,
    pub domain_name: String,
    pub subject_alternative_names: Vec<String>,
    pub serial: String,
    pub subject: String,
    pub issuer: String,
    pub created_at: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub imported_at: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issued_at: Option<String>,
    pub status: String,
    pub not_before: String,
    pub not_after: String,
    pub key_algorithm: String,
    pub in_use_by: Vec<String>,
    #[serde(rename = "Type")]
    pub kind: String,
    pub renewal_eligibility: String,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct DescribeCertificateOutput {
    pub certificate: CertificateDetail,
}

/// ListCertificates' summary of one certificate.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct CertificateSummary {
    pub certificate_arn: String,
    pub domain_name: String,
    pub subject_alternative_name_summaries: Vec<String>,
    pub has_additional_subject_alternative_names: bool,
    pub status: String,
    #[serde(rename = "Type")]
    pub kind: String,
    pub key_algorithm: String,
    pub in_use: bool,
    pub not_before: String,
    pub not_after: String,
    pub created_at: String,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListCertificatesOutput {
    pub certificate_summary_list: Vec<CertificateSummary>,
}

/// GetCertificate: the certificate and its chain, never the key.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct GetCertificateOutput {
    pub certificate: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub certificate_chain: Option<String>,
}
