//! The generated tables match their generator: running
//! `scripts/gen-service-model.py` from this checkout changes nothing.
//! Skipped, with a printed reason, when python3 is absent.

use std::path::Path;
use std::process::Command;

fn python3() -> Option<&'static str> {
    match Command::new("python3").arg("--version").output() {
        Ok(out) if out.status.success() => Some("python3"),
        _ => None,
    }
}

fn run(args: &[&str]) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = Command::new("python3")
        .current_dir(root)
        .args(args)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{args:?} failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("the generator writes UTF-8")
}

fn committed(path: &str) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(root.join(path)).expect("the generated file is committed")
}

#[test]
fn service_model_is_what_the_generator_writes() {
    if python3().is_none() {
        println!("skipped: python3 is not on PATH, so the generator cannot run");
        return;
    }
    let fresh = run(&["scripts/gen-service-model.py"]);
    assert!(
        fresh == committed("src/service/model.rs"),
        "src/service/model.rs differs from what scripts/gen-service-model.py writes; \
         run `python3 scripts/gen-service-model.py > src/service/model.rs`"
    );
}

/// With `APIGW_AWS_MODEL` naming botocore's full apigatewayv2-service-2.json,
/// the committed extract is exactly what `--extract` takes from it.
#[test]
fn model_extract_is_faithful_to_the_full_model() {
    let Some(full) = std::env::var_os("APIGW_AWS_MODEL") else {
        println!(
            "skipped: set APIGW_AWS_MODEL to the full apigatewayv2-service-2.json to check the extract"
        );
        return;
    };
    if python3().is_none() {
        println!("skipped: python3 is not on PATH, so the generator cannot run");
        return;
    }
    let full = full.to_string_lossy().into_owned();
    let fresh = run(&["scripts/gen-service-model.py", "--extract", &full]);
    assert!(
        fresh == committed("scripts/model/apigatewayv2.json"),
        "scripts/model/apigatewayv2.json differs from the extract of {full}"
    );
}
