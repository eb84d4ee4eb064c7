//! CreateVpcLink, GetVpcLink(s), UpdateVpcLink, DeleteVpcLink.

use super::{Paging, new_id, page, quota, timestamp};
use crate::error::ApiError;
use crate::model::{CreateVpcLinkRequest, Page, UpdateVpcLinkRequest, VpcLink};
use crate::workspace::Workspace;

fn check_ids(field: &str, prefix: &str, ids: &[String]) -> Result<(), ApiError> {
    for id in ids {
        let ok = id
            .strip_prefix(prefix)
            .is_some_and(|rest| !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_hexdigit()));
        if !ok {
            return Err(ApiError::bad_request(format!(
                "Invalid {field} {id:?}: expected an id such as {prefix}0123456789abcdef0"
            )));
        }
    }
    Ok(())
}

fn check_name(name: &str) -> Result<(), ApiError> {
    if name.is_empty() || name.chars().count() > 128 {
        return Err(ApiError::bad_request(
            "Name must be between 1 and 128 characters long",
        ));
    }
    Ok(())
}

/// The rules of a VPC link as it is stored (create and update apply them
/// to what they are given; a workspace file read from disk is held to them).
pub fn check_vpc_link(link: &VpcLink) -> Result<(), ApiError> {
    check_name(&link.name)?;
    if link.subnet_ids.is_empty() {
        return Err(ApiError::bad_request(
            "SubnetIds must name at least one subnet",
        ));
    }
    check_ids("subnet id", "subnet-", &link.subnet_ids)?;
    check_ids("security group id", "sg-", &link.security_group_ids)
}

pub fn create_vpc_link(ws: &mut Workspace, req: CreateVpcLinkRequest) -> Result<VpcLink, ApiError> {
    check_name(&req.name)?;
    if req.subnet_ids.is_empty() {
        return Err(ApiError::bad_request(
            "SubnetIds must name at least one subnet",
        ));
    }
    check_ids("subnet id", "subnet-", &req.subnet_ids)?;
    let security_group_ids = req.security_group_ids.unwrap_or_default();
    check_ids("security group id", "sg-", &security_group_ids)?;
    if ws.vpc_links.len() >= quota::VPC_LINKS_PER_REGION {
        return Err(ApiError::bad_request(format!(
            "This account already has {} VPC links in {}, the most a region may have",
            quota::VPC_LINKS_PER_REGION,
            ws.region()
        )));
    }
    let links = &ws.vpc_links;
    let id = new_id(7, |id| links.contains_key(id));
    let link = VpcLink {
        created_date: timestamp(),
        name: req.name,
        security_group_ids,
        subnet_ids: req.subnet_ids,
        tags: req.tags.unwrap_or_default(),
        vpc_link_id: id.clone(),
        vpc_link_status: "AVAILABLE".into(),
        vpc_link_status_message: "VPC link is ready to route traffic".into(),
        vpc_link_version: "V2".into(),
    };
    ws.vpc_links.insert(id, link.clone());
    // A real VPC link is PENDING while its network interfaces are made; there
    // is nothing to make here, so it is ready at once, but the answer to the
    // create call reads as the real one does.
    Ok(VpcLink {
        vpc_link_status: "PENDING".into(),
        vpc_link_status_message: "VPC link is provisioning ENIs".into(),
        ..link
    })
}

pub fn get_vpc_link(ws: &Workspace, vpc_link_id: &str) -> Result<VpcLink, ApiError> {
    ws.vpc_links
        .get(vpc_link_id)
        .cloned()
        .ok_or_else(|| ApiError::not_found("VpcLink", vpc_link_id))
}

pub fn get_vpc_links(ws: &Workspace, paging: &Paging) -> Result<Page<VpcLink>, ApiError> {
    page(Some(&ws.vpc_links), paging)
}

pub fn update_vpc_link(ws: &mut Workspace, req: UpdateVpcLinkRequest) -> Result<VpcLink, ApiError> {
    let mut link = get_vpc_link(ws, &req.vpc_link_id)?;
    if let Some(name) = req.name {
        check_name(&name)?;
        link.name = name;
    }
    check_vpc_link(&link)?;
    ws.vpc_links.insert(link.vpc_link_id.clone(), link.clone());
    Ok(link)
}

pub fn delete_vpc_link(ws: &mut Workspace, vpc_link_id: &str) -> Result<(), ApiError> {
    get_vpc_link(ws, vpc_link_id)?;
    for (api_id, integrations) in &ws.integrations {
        if let Some(i) = integrations
            .values()
            .find(|i| i.connection_id.as_deref() == Some(vpc_link_id))
        {
            return Err(ApiError::Conflict(format!(
                "VPC link {vpc_link_id} is used by integration {} of API {api_id}; change or delete that integration first",
                i.integration_id
            )));
        }
    }
    ws.vpc_links.remove(vpc_link_id);
    Ok(())
}
