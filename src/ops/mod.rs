//! One function per API Gateway operation, over a workspace and a typed
//! request. No I/O and no command-line knowledge: the CLI, the gateway and
//! any later front end call these.

mod apis;
mod authorizers;
mod backends;
mod certificates;
mod cloud_map;
mod deployments;
mod domains;
mod functions;
mod integrations;
mod openapi;
mod routes;
mod stages;
mod tags;
mod vpc_links;

pub use apis::*;
pub use authorizers::*;
pub use backends::*;
pub use certificates::*;
pub use cloud_map::*;
pub use deployments::*;
pub use domains::*;
pub use functions::*;
pub use integrations::*;
pub use openapi::*;
pub use routes::*;
pub use stages::*;
pub use tags::*;
pub use vpc_links::*;

use crate::error::ApiError;
use crate::model::Page;
use std::collections::BTreeMap;
use std::time::{SystemTime, UNIX_EPOCH};

/// Default quotas of the service (adjustable in AWS; fixed here).
pub mod quota {
    pub const INTEGRATIONS_PER_API: usize = 300;
    pub const ROUTES_PER_API: usize = 300;
    pub const STAGES_PER_API: usize = 10;
    pub const AUTHORIZERS_PER_API: usize = 10;
    pub const VPC_LINKS_PER_REGION: usize = 10;
    pub const APIS_PER_REGION: usize = 600;
}

/// A fresh id of `len` lowercase letters and digits that `taken` rejects not.
pub(crate) fn new_id(len: usize, taken: impl Fn(&str) -> bool) -> String {
    const ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
    loop {
        let id: String = (0..len)
            .map(|_| ALPHABET[fastrand::usize(..ALPHABET.len())] as char)
            .collect();
        if !taken(&id) {
            return id;
        }
    }
}

/// Now, as the AWS CLI prints timestamps: `2026-11-21T21:43:56+00:00`.
pub(crate) fn timestamp() -> String {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    format_timestamp(secs)
}

pub(crate) fn format_timestamp(secs: i64) -> String {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    // Civil date from days since 1970-01-01 (proleptic Gregorian).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}+00:00",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// How much of a list to return: at most `max_items`, after `starting_token`.
#[derive(Debug, Clone, Default)]
pub struct Paging {
    pub max_items: Option<usize>,
    pub starting_token: Option<String>,
}

/// Pages through an id-ordered map. The token is the id of the next item.
pub(crate) fn page<T: Clone>(
    items: Option<&BTreeMap<String, T>>,
    paging: &Paging,
) -> Result<Page<T>, ApiError> {
    let empty = BTreeMap::new();
    let items = items.unwrap_or(&empty);
    let mut iter: Box<dyn Iterator<Item = (&String, &T)>> = match &paging.starting_token {
        Some(token) => {
            if !items.contains_key(token) {
                return Err(ApiError::bad_request(format!(
                    "Invalid pagination token {token:?}: pass the NextToken of an earlier call"
                )));
            }
            Box::new(items.range(token.clone()..))
        }
        None => Box::new(items.iter()),
    };
    let max = paging.max_items.unwrap_or(usize::MAX);
    let out: Vec<T> = iter.by_ref().take(max).map(|(_, v)| v.clone()).collect();
    let next_token = iter.next().map(|(k, _)| k.clone());
    Ok(Page {
        items: out,
        next_token,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps() {
        assert_eq!(format_timestamp(0), "1970-01-01T00:00:00+00:00");
        assert_eq!(format_timestamp(1_586_372_745), "2020-04-08T19:05:45+00:00");
        assert_eq!(format_timestamp(951_782_400), "2000-02-29T00:00:00+00:00");
    }

    #[test]
    fn ids() {
        let id = new_id(10, |_| false);
        assert_eq!(id.len(), 10);
        assert!(
            id.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        );
    }
}
