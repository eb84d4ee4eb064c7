//! `apigw serve`'s own options as a user gives them: `--listen` with a host
//! name, a warning when the gateway is reachable from other machines, and a
//! clear refusal of a workspace file that does not exist.

mod common;
#[path = "common/serve.rs"]
mod serve;

use common::{Setup, get};
use serve::Serve;
use std::process::Command;

fn apigw(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_apigw"))
        .args(args)
        .env_remove("AWS_REGION")
        .env_remove("AWS_DEFAULT_REGION")
        .env_remove("APIGW_WORKSPACE")
        .output()
        .unwrap()
}

#[test]
fn a_workspace_file_that_does_not_exist_is_named_and_left_uncreated() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("not-here").join("missing.toml");
    let out = apigw(&["serve", "--workspace", missing.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(253), "{stderr}");
    assert!(stderr.contains("does not exist"), "{stderr}");
    assert!(stderr.contains("missing.toml"), "{stderr}");
    assert!(!dir.path().join("not-here").exists(), "nothing is created");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn listen_takes_a_host_name() {
    let setup = Setup::new();
    setup.stage("$default", &[]);
    let gw = Serve::start_on("localhost:0", &setup.path, &[], None);
    assert!(gw.addr.ip().is_loopback(), "{}", gw.addr);
    assert_eq!(get(&gw.url("/nothing")).await.status, 404);
    assert!(!gw.stderr_has("warning"), "{}", gw.stderr());
}

#[test]
fn listen_without_a_port_is_a_bad_value() {
    let setup = Setup::new();
    let out = apigw(&[
        "serve",
        "--workspace",
        setup.path.to_str().unwrap(),
        "--listen",
        "localhost",
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(252), "{stderr}");
    assert!(stderr.contains("--listen \"localhost\""), "{stderr}");
    assert!(stderr.contains("HOST:PORT"), "{stderr}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn listening_on_every_address_warns() {
    let setup = Setup::new();
    setup.stage("$default", &[]);
    for listen in ["0.0.0.0:0", "[::]:0"] {
        let gw = Serve::start_on(listen, &setup.path, &[], None);
        common::eventually(
            &format!("the warning for {listen}"),
            std::time::Duration::from_secs(10),
            || async { gw.stderr_has("can be reached from other machines") },
        )
        .await;
        assert!(gw.stderr_has("--listen 127.0.0.1:"), "{}", gw.stderr());
    }
}
