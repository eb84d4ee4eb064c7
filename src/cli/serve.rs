//! `apigw serve`: the command-line face of the gateway, with the JWT
//! verifier plugged in.

use crate::error::{Error, Result};
use crate::gateway::{self, Hooks, LogFormat, ServeOptions};
use crate::jwt::{JwtAuthorizer, LocalIssuer, Verifier, VerifierOptions};
use clap::ArgMatches;
use std::path::PathBuf;
use std::sync::Arc;

pub fn run(m: &ArgMatches) -> Result<i32> {
    let g = super::globals(m)?;
    let ca_bundle = m.get_one::<PathBuf>("ca-bundle").cloned();
    let mut verifier_options = VerifierOptions::default();
    if let Some(path) = &ca_bundle {
        let pem = std::fs::read(path).map_err(|e| {
            Error::InvalidInput(format!("cannot read --ca-bundle {}: {e}", path.display()))
        })?;
        verifier_options.add_ca_pem(&pem)?;
    }
    let opts = ServeOptions {
        workspace: g.workspace.path.clone(),
        region: g.region.clone(),
        api_id: m.get_one::<String>("api-id").cloned(),
        listen: *m
            .get_one::<std::net::SocketAddr>("listen")
            .expect("has a default"),
        ca_bundle,
        log_format: match m.get_one::<String>("log-format").map(String::as_str) {
            Some("json") => LogFormat::Json,
            _ => LogFormat::Text,
        },
    };
    let well_known: Option<gateway::WellKnown> = if m.get_flag("local-issuer") {
        let issuer = Arc::new(LocalIssuer::load_or_create(&g.workspace.path)?);
        Some(Arc::new(move |base: &str, path: &str| {
            issuer.well_known_response(base, path)
        }))
    } else {
        None
    };
    let hooks = Hooks {
        authorizer: Some(Arc::new(JwtAuthorizer::new(Verifier::new(
            verifier_options,
        )))),
        well_known,
    };
    gateway::run_with(opts, hooks)?;
    Ok(if gateway::interrupted() { 130 } else { 0 })
}
