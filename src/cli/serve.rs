//! `apigw serve`: the command-line face of the gateway, with the JWT
//! verifier plugged in and the functions of Lambda routes run by the local
//! runtime host (`crate::lambda::Host`) or, for functions the workspace does
//! not define, over the Lambda Invoke API at `--lambda-endpoint-url`.

use crate::error::{Error, Result};
use crate::gateway::{self, Hooks, LogFormat, ServeOptions};
use crate::jwt::{JwtAuthorizer, LocalIssuer, Verifier, VerifierOptions};
use clap::ArgMatches;
use std::net::{SocketAddr, ToSocketAddrs};
use std::path::PathBuf;
use std::sync::Arc;

/// `--listen`: an address, or a host name resolved here (`localhost:8080`);
/// of a name's addresses the first IPv4 one, as the default listens on
/// IPv4, else the first.
fn listen_address(value: &str) -> Result<SocketAddr> {
    if let Ok(addr) = value.parse::<SocketAddr>() {
        return Ok(addr);
    }
    let bad = |why: String| {
        Error::InvalidInput(format!(
            "--listen {value:?}: {why}; give HOST:PORT, such as 127.0.0.1:8080 or localhost:8080"
        ))
    };
    if value
        .rsplit_once(':')
        .is_none_or(|(_, port)| port.parse::<u16>().is_err())
    {
        return Err(bad("it needs a port after a colon".into()));
    }
    let addrs: Vec<SocketAddr> = value
        .to_socket_addrs()
        .map_err(|e| bad(format!("cannot resolve it: {e}")))?
        .collect();
    addrs
        .iter()
        .find(|a| a.is_ipv4())
        .or(addrs.first())
        .copied()
        .ok_or_else(|| bad("the name has no address".into()))
}

pub fn run(m: &ArgMatches) -> Result<i32> {
    let g = super::globals(m)?;
    let ca_bundle = m.get_one::<PathBuf>("ca-bundle").cloned();
    let mut verifier_options = VerifierOptions::default();
    if let Some(path) = &ca_bundle {
        let pem = crate::input::paramfile::read(path).map_err(|e| {
            Error::InvalidInput(format!("cannot read --ca-bundle {}: {e}", path.display()))
        })?;
        verifier_options.add_ca_pem(&pem)?;
    }
    let opts = ServeOptions {
        workspace: g.workspace.path.clone(),
        region: g.region.clone(),
        api_id: m.get_one::<String>("api-id").cloned(),
        listen: listen_address(
            m.get_one::<String>("listen")
                .map_or("127.0.0.1:8080", String::as_str),
        )?,
        tls_listen: m
            .get_one::<String>("tls-listen")
            .map(|v| {
                listen_address(v).map_err(|e| {
                    Error::InvalidInput(e.to_string().replace("--listen", "--tls-listen"))
                })
            })
            .transpose()?,
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
    // The workspace's own functions run here; any other function name goes
    // to --lambda-endpoint-url when one is given.
    let host = crate::lambda::Host::start(crate::lambda::HostOptions::new(
        Some(g.workspace.path.clone()),
        Arc::new(|m: &str| eprintln!("apigw serve: {m}")),
    ))
    .map_err(|e| Error::io("cannot start the Lambda runtime host", e))?;
    let mut invokers: Vec<Arc<dyn crate::lambda::Invoker>> = vec![Arc::new(host)];
    if let Some(url) = m.get_one::<String>("lambda-endpoint-url") {
        invokers.push(Arc::new(
            crate::lambda::RemoteInvoker::new(url).map_err(Error::InvalidInput)?,
        ));
    }
    let invoker: Option<Arc<dyn crate::lambda::Invoker>> =
        Some(Arc::new(crate::lambda::FirstOf(invokers)));
    let hooks = Hooks {
        authorizer: Some(Arc::new(JwtAuthorizer::new(Verifier::new(
            verifier_options,
        )))),
        well_known,
        invoker,
    };
    gateway::run_with(opts, hooks)?;
    Ok(if gateway::interrupted() { 130 } else { 0 })
}
