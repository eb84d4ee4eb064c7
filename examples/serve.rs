//! `apigw serve` through the library, for bench/proxy.sh until the command
//! line has the subcommand: `cargo run --release --example serve --
//! --workspace apigw.toml [--api-id ID] [--listen 127.0.0.1:8080]
//! [--ca-bundle ca.pem] [--log-format text|json]`.

use apigw::gateway::{LogFormat, ServeOptions, run};
use std::path::PathBuf;

fn main() {
    let mut opts = ServeOptions {
        workspace: PathBuf::from("apigw.toml"),
        region: None,
        api_id: None,
        listen: "127.0.0.1:8080".parse().expect("a socket address"),
        ca_bundle: None,
        log_format: LogFormat::Text,
    };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let mut value = || {
            args.next().unwrap_or_else(|| {
                eprintln!("serve: {flag} needs a value");
                std::process::exit(2)
            })
        };
        match flag.as_str() {
            "--workspace" => opts.workspace = value().into(),
            "--api-id" => opts.api_id = Some(value()),
            "--region" => opts.region = Some(value()),
            "--listen" => {
                opts.listen = value().parse().unwrap_or_else(|e| {
                    eprintln!("serve: --listen: {e}");
                    std::process::exit(2)
                })
            }
            "--ca-bundle" => opts.ca_bundle = Some(value().into()),
            "--log-format" => {
                opts.log_format = match value().as_str() {
                    "json" => LogFormat::Json,
                    _ => LogFormat::Text,
                }
            }
            other => {
                eprintln!("serve: unknown argument {other}");
                std::process::exit(2)
            }
        }
    }
    if let Err(e) = run(opts) {
        eprintln!("{e}");
        std::process::exit(e.exit_code());
    }
}
