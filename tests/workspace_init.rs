//! Where state goes, with the real binary: `apigw init` starts a workspace
//! here (or at `--workspace PATH`) with its account and region and never
//! overwrites one; a command that falls back to the per-user file says so
//! once, on stderr only, so that its stdout still parses.

#[path = "common/procs.rs"]
mod procs;

use procs::{Place, apigw, names, outcome, run};

#[test]
fn init_writes_apigw_toml_here_with_account_and_region() {
    let place = Place::new();
    let (code, out, err) = place.run(&["init", "--region", "eu-west-1"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(err, "", "init says nothing on stderr");
    let info: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(info["Region"], "eu-west-1");
    assert_eq!(info["Account"], "123456789012");
    let text = std::fs::read_to_string(place.path().join("apigw.toml")).unwrap();
    assert!(text.contains("[workspace]\naccount = \"123456789012\"\nregion = \"eu-west-1\"\n"));
    // Later commands here use it, and say nothing about a per-user file.
    let (code, out, err) = place.run(&["workspace"]);
    assert_eq!(code, 0);
    assert_eq!(err, "");
    let info: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(info["Source"], "nearest apigw.toml");
    assert_eq!(info["Region"], "eu-west-1");
    assert!(!place.home.join(".local").exists());
}

#[test]
fn init_takes_the_region_from_the_environment_or_the_default() {
    let place = Place::new();
    let mut cmd = apigw(place.path(), &place.home, &["init", "--output", "text"]);
    cmd.env("AWS_DEFAULT_REGION", "ap-south-1");
    let (code, _, err) = outcome(&run(cmd));
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(place.path().join("apigw.toml")).unwrap();
    assert!(text.contains("region = \"ap-south-1\""), "{text}");

    let (code, _, err) = place.run(&["init", "--workspace", "other/ws.toml"]);
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(place.path().join("other/ws.toml")).unwrap();
    assert!(text.contains("region = \"us-east-2\""), "{text}");
}

#[test]
fn init_refuses_to_overwrite_anything() {
    let place = Place::new();
    let ws = place.path().join("apigw.toml");
    std::fs::write(&ws, "# mine\n").unwrap();
    let (code, out, err) = place.run(&["init"]);
    assert_eq!(code, 253, "{out}{err}");
    assert!(err.contains("already exists"), "{err}");
    assert_eq!(out, "");
    assert_eq!(std::fs::read_to_string(&ws).unwrap(), "# mine\n");
    // Nor a link, even one to nothing.
    std::os::unix::fs::symlink("nowhere.toml", place.path().join("l.toml")).unwrap();
    let (code, _, err) = place.run(&["init", "--workspace", "l.toml"]);
    assert_eq!(code, 253, "{err}");
    assert!(!place.path().join("nowhere.toml").exists());
    // A bad region is refused before anything is written.
    let (code, _, err) = place.run(&["init", "--workspace", "new.toml", "--region", "mars"]);
    assert_eq!(code, 253, "{err}");
    assert_eq!(names(place.path()), ["apigw.toml", "home", "l.toml"]);
}

#[test]
fn the_per_user_fallback_is_said_once_on_stderr_and_stdout_still_parses() {
    let place = Place::new();
    let per_user = place.home.join(".local/share/apigw/apigw.toml");
    let (code, out, err) = place.run(&["create-api", "--name", "a", "--protocol-type", "HTTP"]);
    assert_eq!(code, 0, "{err}");
    let api: serde_json::Value = serde_json::from_str(&out).expect("stdout is the JSON answer");
    assert!(api["ApiId"].is_string());
    assert_eq!(err.matches("apigw init").count(), 1, "{err}");
    assert!(err.contains(&per_user.display().to_string()), "{err}");
    assert!(per_user.is_file());
    // Every command that falls back says it (text output parses the same).
    for args in [&["get-apis", "--output", "text"][..], &["workspace"][..]] {
        let (code, out, err) = place.run(args);
        assert_eq!(code, 0, "{err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains("per-user workspace"), "{err}");
        assert!(!out.contains("apigw init"), "{out}");
    }
    // Not when a workspace is named, or found.
    let (_, _, err) = place.run(&["get-apis", "--workspace", "x.toml"]);
    assert_eq!(err, "");
    let mut cmd = apigw(place.path(), &place.home, &["get-apis"]);
    cmd.env("APIGW_WORKSPACE", "y.toml");
    let (_, _, err) = outcome(&run(cmd));
    assert_eq!(err, "");
}
