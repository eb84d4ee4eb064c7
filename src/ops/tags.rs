//! TagResource, UntagResource, GetTags: the tags of an API, a stage, a VPC
//! link or a domain name, named by its ARN (`arn:aws:apigateway:REGION::/apis/ID`,
//! `…/apis/ID/stages/NAME`, `…/vpclinks/ID`, `…/domainnames/NAME`). The tags live on the resource,
//! so `get-api` and `get-tags` always agree.

use crate::error::ApiError;
use crate::model::StringMap;
use crate::workspace::Workspace;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct TagResourceRequest {
    pub resource_arn: String,
    #[serde(default)]
    pub tags: StringMap,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct UntagResourceRequest {
    pub resource_arn: String,
    pub tag_keys: Vec<String>,
}

#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct GetTagsResponse {
    pub tags: StringMap,
}

/// The most tags a resource holds, as in AWS.
const MAX_TAGS: usize = 50;

/// The tags of the resource `arn` names.
fn tags_of<'w>(ws: &'w mut Workspace, arn: &str) -> Result<&'w mut StringMap, ApiError> {
    let bad = || {
        ApiError::bad_request(format!(
            "Invalid resource ARN {arn}: use arn:aws:apigateway:REGION::/apis/ID, \
             arn:aws:apigateway:REGION::/apis/ID/stages/NAME, arn:aws:apigateway:REGION::/vpclinks/ID \
             or arn:aws:apigateway:REGION::/domainnames/NAME"
        ))
    };
    let rest = arn.strip_prefix("arn:aws:apigateway:").ok_or_else(bad)?;
    let (region, path) = rest.split_once("::").ok_or_else(bad)?;
    if region != ws.region() {
        return Err(ApiError::NotFound(format!(
            "Unable to find resource {arn}: it is in region {region}, this call in {}",
            ws.region()
        )));
    }
    let parts: Vec<&str> = path.split('/').collect();
    let account = ws.account().to_string();
    match parts.as_slice() {
        ["", "apis", api] => ws
            .apis
            .get_mut(*api)
            .map(|a| &mut a.tags)
            .ok_or_else(|| ApiError::not_found("API", &format!("{account}:{api}"))),
        ["", "apis", api, "stages", stage] => {
            if !ws.apis.contains_key(*api) {
                return Err(ApiError::not_found("API", &format!("{account}:{api}")));
            }
            ws.stages
                .get_mut(*api)
                .and_then(|m| m.get_mut(*stage))
                .map(|s| &mut s.tags)
                .ok_or_else(|| {
                    ApiError::NotFound(format!("Invalid stage identifier specified {stage}"))
                })
        }
        ["", "vpclinks", link] => ws
            .vpc_links
            .get_mut(*link)
            .map(|l| &mut l.tags)
            .ok_or_else(|| ApiError::not_found("VpcLink", link)),
        ["", "domainnames", name] => ws
            .domain_names
            .get_mut(*name)
            .map(|d| &mut d.tags)
            .ok_or_else(|| ApiError::NotFound("Invalid domain name identifier specified".into())),
        _ => Err(bad()),
    }
}

fn check_key(key: &str) -> Result<(), ApiError> {
    if key.is_empty() || key.chars().count() > 128 {
        return Err(ApiError::bad_request(format!(
            "Invalid tag key {key:?}: a key has 1 to 128 characters"
        )));
    }
    if key.to_ascii_lowercase().starts_with("aws:") {
        return Err(ApiError::bad_request(format!(
            "Invalid tag key {key}: keys starting with aws: are reserved for AWS"
        )));
    }
    Ok(())
}

/// `TagResource`: adds the tags, replacing the values of keys already there.
pub fn tag_resource(ws: &mut Workspace, req: TagResourceRequest) -> Result<(), ApiError> {
    for (k, v) in &req.tags {
        check_key(k)?;
        if v.chars().count() > 256 {
            return Err(ApiError::bad_request(format!(
                "Invalid value for tag {k}: a value has at most 256 characters"
            )));
        }
    }
    let tags = tags_of(ws, &req.resource_arn)?;
    let mut merged = tags.clone();
    merged.extend(req.tags);
    if merged.len() > MAX_TAGS {
        return Err(ApiError::bad_request(format!(
            "A resource has at most {MAX_TAGS} tags; this call would give it {}",
            merged.len()
        )));
    }
    *tags = merged;
    Ok(())
}

/// `UntagResource`: removes the keys; keys the resource lacks are ignored.
pub fn untag_resource(ws: &mut Workspace, req: UntagResourceRequest) -> Result<(), ApiError> {
    let tags = tags_of(ws, &req.resource_arn)?;
    for k in &req.tag_keys {
        tags.remove(k);
    }
    Ok(())
}

/// `GetTags`.
pub fn get_tags(ws: &mut Workspace, resource_arn: &str) -> Result<GetTagsResponse, ApiError> {
    Ok(GetTagsResponse {
        tags: tags_of(ws, resource_arn)?.clone(),
    })
}
