//! A stage's throttling and logging settings: the stage's defaults and its
//! per-route `RouteSettings`, keyed by route key. [`check_stage`] runs on a
//! stage as it would be stored, so create-stage, update-stage and the
//! workspace's load-time check share every rule.

use super::access_log;
use crate::error::ApiError;
use crate::model::{RouteSettings, Stage};
use std::collections::BTreeMap;

pub const LOGGING_LEVELS: &[&str] = &["ERROR", "INFO", "OFF"];

/// One set of settings on its own.
pub fn check(s: &RouteSettings) -> Result<(), ApiError> {
    if let Some(level) = &s.logging_level
        && !LOGGING_LEVELS.contains(&level.as_str())
    {
        return Err(ApiError::bad_request(format!(
            "Invalid logging level specified: {level}. Must be one of [ERROR, INFO, OFF]"
        )));
    }
    if let Some(n) = s.throttling_burst_limit.filter(|n| *n < 0) {
        return Err(negative("ThrottlingBurstLimit", &n.to_string()));
    }
    if let Some(n) = s
        .throttling_rate_limit
        .filter(|n| *n < 0.0 || !n.is_finite())
    {
        return Err(negative("ThrottlingRateLimit", &n.to_string()));
    }
    Ok(())
}

fn negative(field: &str, value: &str) -> ApiError {
    ApiError::bad_request(format!(
        "Throttling limits must not be negative: {field} is {value}. \
         0 throttles every request; leave the limit out for the account's default"
    ))
}

/// Every key of `settings` must be the key of one of the API's routes; the
/// service checks the stage's whole map, so a key left behind by a deleted
/// route blocks later updates until `delete-route-settings` removes it.
pub fn check_keys<'a>(
    settings: &BTreeMap<String, RouteSettings>,
    route_keys: impl Iterator<Item = &'a str> + Clone,
) -> Result<(), ApiError> {
    for key in settings.keys() {
        if !route_keys.clone().any(|k| k == key) {
            // The service's words, with NotFoundException (404).
            return Err(ApiError::NotFound(format!(
                "Unable to find Route by key {key} within the provided RouteSettings"
            )));
        }
    }
    Ok(())
}

/// Everything a stage holds that has rules of its own: the default and
/// per-route settings and the access log settings. (The route keys need the
/// API's routes: see [`check_keys`].)
pub fn check_stage(stage: &Stage) -> Result<(), ApiError> {
    check(&stage.default_route_settings)?;
    for s in stage.route_settings.values() {
        check(s)?;
    }
    if let Some(a) = &stage.access_log_settings {
        access_log::check(a)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits() {
        let ok = RouteSettings {
            throttling_burst_limit: Some(0),
            throttling_rate_limit: Some(0.0),
            ..Default::default()
        };
        assert!(check(&ok).is_ok());
        let burst = RouteSettings {
            throttling_burst_limit: Some(-1),
            ..Default::default()
        };
        assert!(
            check(&burst)
                .unwrap_err()
                .to_string()
                .contains("ThrottlingBurstLimit is -1")
        );
        let rate = RouteSettings {
            throttling_rate_limit: Some(-0.5),
            ..Default::default()
        };
        assert!(
            check(&rate)
                .unwrap_err()
                .to_string()
                .contains("ThrottlingRateLimit is -0.5")
        );
    }

    #[test]
    fn keys() {
        let mut m = BTreeMap::new();
        m.insert("GET /pets".to_string(), RouteSettings::default());
        assert!(check_keys(&m, ["GET /pets", "$default"].into_iter()).is_ok());
        let e = check_keys(&m, ["$default"].into_iter()).unwrap_err();
        assert_eq!(
            e,
            ApiError::NotFound(
                "Unable to find Route by key GET /pets within the provided RouteSettings".into()
            )
        );
    }
}
