//! Every command with awkward values for every flag: the answer is a clear
//! error or a result, never a panic.

use std::ffi::OsString;

const AWKWARD: &[&str] = &[
    "",
    "{",
    "[",
    "x=",
    "=",
    "a=b,",
    "{\"a\": 1}",
    "[1, 2]",
    "file://does/not/exist",
    "-1",
    "99999999999999999999",
    "\u{0}",
    "é=ü",
    "$default",
    "Key=[a,{b=c}]",
];

#[test]
fn awkward_values_never_panic() {
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("apigw.toml");
    let cmd = apigw::cli::command();
    let mut runs = 0;
    for sub in cmd.get_subcommands() {
        let name = sub.get_name().to_string();
        if matches!(
            name.as_str(),
            "help" | "completion" | "generate-docs" | "serve"
        ) {
            continue;
        }
        let flags: Vec<String> = sub
            .get_arguments()
            .filter_map(|a| a.get_long().map(str::to_string))
            .filter(|l| !matches!(l.as_str(), "help" | "workspace" | "generate-cli-skeleton"))
            .collect();
        for flag in &flags {
            for value in AWKWARD {
                let mut argv: Vec<OsString> = vec![
                    "apigw".into(),
                    name.clone().into(),
                    "--workspace".into(),
                    ws.clone().into(),
                ];
                argv.push(format!("--{flag}").into());
                argv.push((*value).into());
                let result = std::panic::catch_unwind(|| apigw::cli::run(argv.clone()));
                assert!(result.is_ok(), "panic on {argv:?}");
                runs += 1;
            }
        }
    }
    assert!(runs > 1000, "{runs}");
}
