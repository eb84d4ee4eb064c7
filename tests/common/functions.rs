//! Lambda functions as real processes behind `apigw serve`: a workspace
//! with one HTTP API ([`World`]), functions made with `apigw lambda
//! create-function --code-directory` from files the test writes, and the
//! checks that say why a test is skipped (no python3, no node).
#![allow(dead_code)]

use crate::invoke::World;
use crate::serve::{Serve, apigw};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Whether `program --version` runs.
pub fn have(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Prints why a test does nothing, as the suite's other skips do.
pub fn skip(reason: &str) {
    println!("skipped: {reason}");
    eprintln!("skipped: {reason}");
}

/// A folder of the world's, with `files` written into it (a file named
/// `bootstrap` is made executable).
pub fn code(w: &World, folder: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = w.ws.parent().unwrap().join(folder);
    std::fs::create_dir_all(&dir).unwrap();
    for (name, body) in files {
        let path = dir.join(name);
        std::fs::write(&path, body).unwrap();
        if *name == "bootstrap" {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
    }
    dir
}

/// `apigw lambda create-function` for the code in `dir`.
pub fn function(w: &World, name: &str, runtime: &str, handler: &str, dir: &Path, extra: &[&str]) {
    let dir = dir.display().to_string();
    let mut args = vec![
        "lambda",
        "create-function",
        "--function-name",
        name,
        "--runtime",
        runtime,
        "--handler",
        handler,
        "--code-directory",
        &dir,
    ];
    args.extend(extra);
    apigw(&w.ws, &args);
}

/// A `$default` auto-deploy stage and `GET /NAME` routed to function NAME
/// with payload 2.0, for each name.
pub fn routes(w: &World, names: &[&str]) {
    for name in names {
        let i = w.integration(name, "2.0", &[]);
        w.route(&format!("GET /{name}"), &i, &[]);
    }
    w.stage("$default", &[]);
}

/// `apigw serve` running the workspace's own functions.
pub fn serve(w: &World) -> Serve {
    Serve::start(&w.ws, &[], None)
}

/// A zip package of `files`, made by python's zipfile (deflated entries;
/// `bootstrap` executable).
pub fn zip(files: &[(&str, &str)]) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let spec = serde_json::to_string(files).unwrap();
    let out = dir.path().join("fn.zip");
    let script = r#"
import json, sys, zipfile
files = json.loads(sys.argv[1])
with zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED) as z:
    for name, body in files:
        info = zipfile.ZipInfo(name)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = (0o100755 if name == "bootstrap" else 0o100644) << 16
        z.writestr(info, body)
"#;
    let status = Command::new("python3")
        .args(["-c", script, &spec])
        .arg(&out)
        .status()
        .unwrap();
    assert!(status.success());
    std::fs::read(out).unwrap()
}
