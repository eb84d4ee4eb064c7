//! CreateDomainName, GetDomainName(s), UpdateDomainName, DeleteDomainName,
//! CreateApiMapping, GetApiMapping(s), UpdateApiMapping, DeleteApiMapping.
//! A domain name and its mappings live in the workspace's `domain-names`
//! and `api-mappings` tables; `serve` routes requests whose `Host` is the
//! domain by these mappings. Where the service's behaviour is not known
//! (SPEC section 7 does not say): deleting a domain name, an API or a stage
//! deletes the mappings that name it, so no mapping is ever left pointing
//! nowhere.

use super::{Paging, new_id, page};
use crate::error::ApiError;
use crate::model::{
    ApiMapping, CreateApiMappingRequest, CreateDomainNameRequest, DomainName,
    DomainNameConfiguration, MutualTlsAuthentication, MutualTlsAuthenticationInput, Page,
    UpdateApiMappingRequest, UpdateDomainNameRequest,
};
use crate::rules::domain;
use crate::workspace::Workspace;

/// The most domain names a region holds (the service's default quota for
/// regional custom domains is 120).
pub const DOMAIN_NAMES_PER_REGION: usize = 120;
/// The most API mappings one domain name holds (the service's quota is 200).
pub const MAPPINGS_PER_DOMAIN: usize = 200;

/// The Route 53 hosted zone of the service's regional endpoints, where
/// known; left out elsewhere.
#[rustfmt::skip]
const HOSTED_ZONES: &[(&str, &str)] = &[
    ("us-east-1", "Z1UJRXOUMOOFQ8"),
    ("us-east-2", "ZOJJZC49E0EPZ"),
    ("us-west-1", "Z2MYVPVHNMFLV3"),
    ("us-west-2", "Z2OJLYMUO9EFXC"),
    ("eu-west-1", "ZLY8HYME6SFDD"),
    ("eu-central-1", "Z1U9ULNL0V5AJ3"),
];

fn unknown_domain() -> ApiError {
    ApiError::NotFound("Invalid domain name identifier specified".into())
}

fn unknown_mapping(id: &str) -> ApiError {
    ApiError::not_found("ApiMapping", id)
}

/// A configuration as the service fills it in: its own endpoint name,
/// hosted zone and status.
fn completed(ws: &Workspace, mut c: DomainNameConfiguration) -> DomainNameConfiguration {
    let region = ws.region().to_string();
    if c.api_gateway_domain_name.is_none() {
        c.api_gateway_domain_name = Some(format!(
            "d-{}.execute-api.{region}.amazonaws.com",
            new_id(10, |_| false)
        ));
    }
    if c.hosted_zone_id.is_none() {
        c.hosted_zone_id = HOSTED_ZONES
            .iter()
            .find(|(r, _)| *r == region)
            .map(|(_, z)| z.to_string());
    }
    c.endpoint_type.get_or_insert_with(|| "REGIONAL".into());
    c.security_policy.get_or_insert_with(|| "TLS_1_2".into());
    c.domain_name_status
        .get_or_insert_with(|| "AVAILABLE".into());
    c.ip_address_type.get_or_insert_with(|| "ipv4".into());
    c
}

fn mutual_tls(input: Option<MutualTlsAuthenticationInput>) -> Option<MutualTlsAuthentication> {
    input.map(|m| MutualTlsAuthentication {
        truststore_uri: m.truststore_uri,
        truststore_version: m.truststore_version,
        truststore_warnings: None,
    })
}

/// The certificate a configuration names must exist and cover the name
/// (see [`super::certificates::check_domain_certificate`]).
fn check_certificate(
    ws: &Workspace,
    c: &DomainNameConfiguration,
    name: &str,
) -> Result<(), ApiError> {
    match c.certificate_arn.as_deref() {
        Some(arn) => super::certificates::check_domain_certificate(ws, arn, name),
        None => Ok(()),
    }
}

/// A mutual TLS truststore must be readable, as the service reads it from
/// S3 when the domain is created or updated; locally `s3://BUCKET/KEY` is
/// the file `.apigw/truststores/BUCKET/KEY` (see `crate::acm::truststore`).
fn check_truststore(ws: &Workspace, uri: Option<&str>) -> Result<(), ApiError> {
    let (Some(location), Some(uri)) = (ws.location.as_deref(), uri.filter(|u| !u.is_empty()))
    else {
        return Ok(());
    };
    let path = crate::acm::truststore::local_path(location, uri).map_err(ApiError::BadRequest)?;
    crate::acm::truststore::load(&path)
        .map(|_| ())
        .map_err(|e| ApiError::bad_request(format!("Invalid truststore {uri}: {e}")))
}

pub fn create_domain_name(
    ws: &mut Workspace,
    req: CreateDomainNameRequest,
) -> Result<DomainName, ApiError> {
    domain::check_name(&req.domain_name)?;
    if ws.domain_names.contains_key(&req.domain_name) {
        return Err(ApiError::Conflict(
            "The domain name you provided already exists.".into(),
        ));
    }
    if ws.domain_names.len() >= DOMAIN_NAMES_PER_REGION {
        return Err(ApiError::bad_request(format!(
            "This account already has {DOMAIN_NAMES_PER_REGION} domain names in {}, the most a region may have",
            ws.region()
        )));
    }
    let configurations = req.domain_name_configurations.unwrap_or_default();
    // Each is checked as given, before the service's defaults fill it in.
    for c in &configurations {
        domain::check_configuration(c)?;
        check_certificate(ws, c, &req.domain_name)?;
    }
    if let Some(m) = &req.mutual_tls_authentication {
        check_truststore(ws, m.truststore_uri.as_deref())?;
    }
    let d = DomainName {
        api_mapping_selection_expression: "$request.basepath".into(),
        domain_name_arn: format!(
            "arn:aws:apigateway:{}::/domainnames/{}",
            ws.region(),
            req.domain_name
        ),
        domain_name_configurations: configurations
            .into_iter()
            .map(|c| completed(ws, c))
            .collect(),
        mutual_tls_authentication: mutual_tls(req.mutual_tls_authentication),
        routing_mode: req
            .routing_mode
            .unwrap_or_else(|| "API_MAPPING_ONLY".into()),
        tags: req.tags.unwrap_or_default(),
        domain_name: req.domain_name,
    };
    domain::check(&d)?;
    ws.domain_names.insert(d.domain_name.clone(), d.clone());
    Ok(d)
}

pub fn get_domain_name(ws: &Workspace, name: &str) -> Result<DomainName, ApiError> {
    ws.domain_names
        .get(name)
        .cloned()
        .ok_or_else(unknown_domain)
}

pub fn get_domain_names(ws: &Workspace, paging: &Paging) -> Result<Page<DomainName>, ApiError> {
    page(Some(&ws.domain_names), paging)
}

pub fn update_domain_name(
    ws: &mut Workspace,
    req: UpdateDomainNameRequest,
) -> Result<DomainName, ApiError> {
    let mut d = get_domain_name(ws, &req.domain_name)?;
    if let Some(configurations) = req.domain_name_configurations {
        for c in &configurations {
            domain::check_configuration(c)?;
            check_certificate(ws, c, &req.domain_name)?;
        }
        // What the service made (its endpoint name, hosted zone) stays.
        let made = d.domain_name_configurations.first().cloned();
        d.domain_name_configurations = configurations
            .into_iter()
            .map(|mut c| {
                if let Some(m) = &made {
                    c.api_gateway_domain_name = c
                        .api_gateway_domain_name
                        .or_else(|| m.api_gateway_domain_name.clone());
                    c.hosted_zone_id = c.hosted_zone_id.or_else(|| m.hosted_zone_id.clone());
                }
                completed(ws, c)
            })
            .collect();
    }
    if let Some(m) = req.mutual_tls_authentication {
        check_truststore(ws, m.truststore_uri.as_deref())?;
        d.mutual_tls_authentication = mutual_tls(Some(m));
    }
    if let Some(mode) = req.routing_mode {
        d.routing_mode = mode;
    }
    domain::check(&d)?;
    ws.domain_names.insert(d.domain_name.clone(), d.clone());
    Ok(d)
}

pub fn delete_domain_name(ws: &mut Workspace, name: &str) -> Result<(), ApiError> {
    ws.domain_names.remove(name).ok_or_else(unknown_domain)?;
    ws.api_mappings.remove(name);
    Ok(())
}

/// The stage `stage` of API `api_id`, which a mapping must name.
fn check_target(ws: &Workspace, api_id: &str, stage: &str) -> Result<(), ApiError> {
    if !ws.apis.contains_key(api_id) {
        return Err(ApiError::not_found("API", api_id));
    }
    let known = ws.stages.get(api_id).is_some_and(|s| s.contains_key(stage));
    if !known {
        return Err(ApiError::NotFound(format!(
            "Invalid stage identifier specified {stage}"
        )));
    }
    Ok(())
}

pub fn create_api_mapping(
    ws: &mut Workspace,
    req: CreateApiMappingRequest,
) -> Result<ApiMapping, ApiError> {
    if !ws.domain_names.contains_key(&req.domain_name) {
        return Err(unknown_domain());
    }
    check_target(ws, &req.api_id, &req.stage)?;
    let mappings = ws.api_mappings.entry(req.domain_name.clone()).or_default();
    if mappings.len() >= MAPPINGS_PER_DOMAIN {
        return Err(ApiError::bad_request(format!(
            "Domain name {} already has {MAPPINGS_PER_DOMAIN} API mappings, the most one may have",
            req.domain_name
        )));
    }
    let id = new_id(6, |id| mappings.contains_key(id));
    let m = ApiMapping {
        api_id: req.api_id,
        api_mapping_id: id,
        api_mapping_key: req.api_mapping_key.unwrap_or_default(),
        stage: req.stage,
    };
    domain::check_mapping(&m, mappings.values())?;
    mappings.insert(m.api_mapping_id.clone(), m.clone());
    Ok(m)
}

pub fn get_api_mapping(
    ws: &Workspace,
    domain_name: &str,
    api_mapping_id: &str,
) -> Result<ApiMapping, ApiError> {
    if !ws.domain_names.contains_key(domain_name) {
        return Err(unknown_domain());
    }
    ws.api_mappings
        .get(domain_name)
        .and_then(|m| m.get(api_mapping_id))
        .cloned()
        .ok_or_else(|| unknown_mapping(api_mapping_id))
}

pub fn get_api_mappings(
    ws: &Workspace,
    domain_name: &str,
    paging: &Paging,
) -> Result<Page<ApiMapping>, ApiError> {
    if !ws.domain_names.contains_key(domain_name) {
        return Err(unknown_domain());
    }
    page(ws.api_mappings.get(domain_name), paging)
}

pub fn update_api_mapping(
    ws: &mut Workspace,
    req: UpdateApiMappingRequest,
) -> Result<ApiMapping, ApiError> {
    let mut m = get_api_mapping(ws, &req.domain_name, &req.api_mapping_id)?;
    m.api_id = req.api_id;
    if let Some(stage) = req.stage {
        m.stage = stage;
    }
    if let Some(key) = req.api_mapping_key {
        m.api_mapping_key = key;
    }
    check_target(ws, &m.api_id, &m.stage)?;
    let mappings = ws.api_mappings.entry(req.domain_name).or_default();
    domain::check_mapping(&m, mappings.values())?;
    mappings.insert(m.api_mapping_id.clone(), m.clone());
    Ok(m)
}

pub fn delete_api_mapping(
    ws: &mut Workspace,
    domain_name: &str,
    api_mapping_id: &str,
) -> Result<(), ApiError> {
    get_api_mapping(ws, domain_name, api_mapping_id)?;
    if let Some(m) = ws.api_mappings.get_mut(domain_name) {
        m.remove(api_mapping_id);
        if m.is_empty() {
            ws.api_mappings.remove(domain_name);
        }
    }
    Ok(())
}

/// Deletes the mappings to API `api_id` (to its stage `stage` only, when
/// given), as deleting the API or the stage does.
pub(crate) fn forget_mappings(ws: &mut Workspace, api_id: &str, stage: Option<&str>) {
    for mappings in ws.api_mappings.values_mut() {
        mappings.retain(|_, m| m.api_id != api_id || stage.is_some_and(|s| s != m.stage));
    }
    ws.api_mappings.retain(|_, m| !m.is_empty());
}
