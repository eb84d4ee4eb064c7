//! The workspace path on disk, with the real binary: anything but a regular
//! file (a FIFO, a device behind a link, a folder) is refused at once with
//! exit 253 and left as it is, by every command that opens it; writes go
//! through a symbolic link to its target; writes killed by a signal leave
//! nothing that the next write does not clean up, and the file is whole at
//! every moment; a refused command on a path that does not exist makes no
//! file and no folder.

#[path = "common/procs.rs"]
mod procs;

use procs::{Place, apigw, mkfifo, names, outcome, run, wait_bounded};
use std::os::unix::fs::{FileTypeExt, symlink};
use std::path::Path;
use std::time::{Duration, Instant};

const LISTENER: &str = "arn:aws:elasticloadbalancing:us-east-2:123456789012:listener/app/my-load-balancer/50dc6c495c0c9188/0467ef3c8400ae65";

/// Every kind of command that opens the workspace: a read of everything,
/// a read of one API's part, a write of everything, a write of one API's
/// part, `workspace`, `mint-token` (the key beside it) and `serve`.
fn commands(ws: &str) -> Vec<Vec<String>> {
    let v = |a: &[&str]| -> Vec<String> {
        a.iter()
            .map(|s| s.to_string())
            .chain(["--workspace".to_string(), ws.to_string()])
            .collect()
    };
    vec![
        v(&["get-apis"]),
        v(&["get-integrations", "--api-id", "abcdefghij"]),
        v(&["create-api", "--name", "a", "--protocol-type", "HTTP"]),
        v(&[
            "create-route",
            "--api-id",
            "abcdefghij",
            "--route-key",
            "GET /a",
        ]),
        v(&[
            "elbv2",
            "register-targets",
            "--listener-arn",
            LISTENER,
            "--targets",
            "Id=127.0.0.1,Port=9",
        ]),
        v(&["workspace"]),
        v(&[
            "mint-token",
            "--issuer",
            "http://127.0.0.1:1",
            "--audience",
            "a",
        ]),
        v(&["serve", "--listen", "127.0.0.1:0"]),
    ]
}

fn refused_by_all(place: &Place, ws: &str, says: &str) {
    for args in commands(ws) {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let (code, out, err) = place.run(&args);
        assert_eq!(code, 253, "{args:?}: {out}{err}");
        assert!(err.contains(says), "{args:?}: {says:?} not in {err}");
        assert!(err.contains("not a regular file"), "{args:?}: {err}");
    }
}

#[test]
fn a_fifo_is_refused_at_once_and_left_as_it_is() {
    let place = Place::new();
    let fifo = place.path().join("apigw.toml");
    mkfifo(&fifo);
    refused_by_all(&place, "apigw.toml", "is a FIFO");
    assert!(fifo.symlink_metadata().unwrap().file_type().is_fifo());
    assert_eq!(names(place.path()), ["apigw.toml", "home"]);
    // Found as the nearest apigw.toml, it is refused too, not passed over
    // for the per-user file.
    let (code, _, err) = place.run(&["get-apis"]);
    assert_eq!(code, 253, "{err}");
    assert!(err.contains("FIFO"), "{err}");
    assert!(!place.home.join(".local").exists());
}

#[test]
fn a_link_to_dev_zero_is_refused_for_reads_and_writes() {
    let place = Place::new();
    let link = place.path().join("apigw.toml");
    symlink("/dev/zero", &link).unwrap();
    refused_by_all(&place, "apigw.toml", "character device");
    assert_eq!(std::fs::read_link(&link).unwrap(), Path::new("/dev/zero"));
}

#[test]
fn a_folder_is_refused() {
    let place = Place::new();
    std::fs::create_dir(place.path().join("ws.toml")).unwrap();
    let (code, _, err) = place.run(&["get-apis", "--workspace", "ws.toml"]);
    assert_eq!(code, 253);
    assert!(err.contains("is a folder"), "{err}");
    let (code, _, err) = place.run(&[
        "create-api",
        "--name",
        "a",
        "--protocol-type",
        "HTTP",
        "--workspace",
        "ws.toml",
    ]);
    assert_eq!(code, 253);
    assert!(err.contains("is a folder"), "{err}");
}

#[test]
fn a_local_issuer_key_that_is_a_fifo_is_refused() {
    let place = Place::new();
    let ws = place.path().join("apigw.toml");
    let (code, _, err) = place.run(&["init"]);
    assert_eq!(code, 0, "{err}");
    std::fs::create_dir(place.path().join(".apigw")).unwrap();
    let key = place.path().join(".apigw/issuer-key.pem");
    mkfifo(&key);
    for args in [
        &[
            "mint-token",
            "--issuer",
            "http://127.0.0.1:1",
            "--audience",
            "a",
        ][..],
        &["serve", "--listen", "127.0.0.1:0", "--local-issuer"][..],
    ] {
        let (code, _, err) = place.run(args);
        assert_eq!(code, 253, "{args:?}: {err}");
        assert!(
            err.contains("local issuer key") && err.contains("FIFO"),
            "{err}"
        );
    }
    assert!(key.symlink_metadata().unwrap().file_type().is_fifo());
    assert!(ws.is_file());
}

fn create_api(place: &Place, ws: &str, name: &str) -> String {
    let (code, out, err) = place.run(&[
        "create-api",
        "--name",
        name,
        "--protocol-type",
        "HTTP",
        "--workspace",
        ws,
        "--query",
        "ApiId",
        "--output",
        "text",
    ]);
    assert_eq!(code, 0, "{err}");
    out.trim().to_string()
}

#[test]
fn writes_go_through_a_symbolic_link_to_its_target() {
    let place = Place::new();
    let real_dir = place.path().join("shared");
    std::fs::create_dir(&real_dir).unwrap();
    let real = real_dir.join("team.toml");
    let (code, _, err) = place.run(&["init", "--workspace", real.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    // A relative link, and a link to that link.
    symlink("shared/team.toml", place.path().join("apigw.toml")).unwrap();
    symlink("apigw.toml", place.path().join("again.toml")).unwrap();
    let first = create_api(&place, "apigw.toml", "one");
    let second = create_api(&place, "again.toml", "two");
    // One API's part, written through the link too.
    let (code, _, err) = place.run(&[
        "create-route",
        "--api-id",
        &first,
        "--route-key",
        "GET /x",
        "--workspace",
        "apigw.toml",
    ]);
    assert_eq!(code, 0, "{err}");
    for link in ["apigw.toml", "again.toml"] {
        let meta = place.path().join(link).symlink_metadata().unwrap();
        assert!(meta.file_type().is_symlink(), "{link} was replaced");
    }
    let text = std::fs::read_to_string(&real).unwrap();
    assert!(text.contains(&first) && text.contains(&second) && text.contains("GET /x"));
    assert_eq!(names(&real_dir), ["team.toml"]);
    assert_eq!(
        names(place.path()),
        ["again.toml", "apigw.toml", "home", "shared"]
    );

    // A link whose target is not there yet: the first write makes the target.
    symlink("later.toml", place.path().join("dangling.toml")).unwrap();
    let (code, out, _) = place.run(&["get-apis", "--workspace", "dangling.toml"]);
    assert_eq!(code, 0);
    assert!(out.contains("\"Items\": []"), "{out}");
    assert!(!place.path().join("later.toml").exists());
    create_api(&place, "dangling.toml", "three");
    assert!(place.path().join("later.toml").is_file());
    assert!(
        place
            .path()
            .join("dangling.toml")
            .symlink_metadata()
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

#[test]
fn a_refused_command_on_a_mistyped_path_creates_nothing() {
    let place = Place::new();
    let ws = "typo/deeper/apigw.toml";
    let cases: [&[&str]; 4] = [
        &["create-api", "--name", "", "--protocol-type", "HTTP"],
        &[
            "create-route",
            "--api-id",
            "nosuchapi0",
            "--route-key",
            "GET /",
        ],
        &["get-apis"],
        &["get-api", "--api-id", "nosuchapi0"],
    ];
    for args in cases {
        let mut all = args.to_vec();
        all.extend(["--workspace", ws]);
        let (code, _, err) = place.run(&all);
        assert!(code == 0 || code == 254, "{args:?}: {code} {err}");
        assert_eq!(names(place.path()), ["home"], "{args:?} made something");
    }
    // Something to save: now the folders and the file are made.
    create_api(&place, ws, "kept");
    assert!(place.path().join(ws).is_file());
    // A refusal on an existing file leaves it exactly as it was.
    let before = std::fs::read(place.path().join(ws)).unwrap();
    let (code, _, _) = place.run(&[
        "create-api",
        "--name",
        "",
        "--protocol-type",
        "HTTP",
        "--workspace",
        ws,
    ]);
    assert_eq!(code, 254);
    assert_eq!(std::fs::read(place.path().join(ws)).unwrap(), before);
    assert_eq!(names(&place.path().join("typo/deeper")), ["apigw.toml"]);
}

/// A workspace large enough that a write takes a while: `n` APIs with 250
/// integrations each, written by apigw itself.
fn large_workspace(path: &Path, apis: usize) -> Vec<String> {
    use apigw::model::{CreateApiRequest, CreateIntegrationRequest};
    let mut ids = Vec::new();
    apigw::workspace::update(path, |ws| {
        for _ in 0..apis {
            let api = apigw::ops::create_api(
                ws,
                CreateApiRequest {
                    name: "big".into(),
                    protocol_type: "HTTP".into(),
                    ..Default::default()
                },
            )
            .unwrap()
            .api_id;
            for n in 0..250 {
                apigw::ops::create_integration(
                    ws,
                    CreateIntegrationRequest {
                        api_id: api.clone(),
                        integration_type: "HTTP_PROXY".into(),
                        integration_method: Some("GET".into()),
                        integration_uri: Some(format!("https://example.com/{n}")),
                        ..Default::default()
                    },
                )
                .unwrap();
            }
            ids.push(api);
        }
        Ok(())
    })
    .unwrap();
    ids
}

#[test]
fn writes_killed_by_signals_leave_nothing_behind_and_the_file_whole() {
    let place = Place::new();
    let path = place.path().join("apigw.toml");
    let apis = large_workspace(&path, 12);
    let home = place.home.clone();
    let cwd = place.path().to_path_buf();
    // Writes of the whole file, of one API's part, and of the top tables.
    let write = |n: usize| -> std::process::Command {
        let name = format!("n{n}");
        let args: Vec<String> = match n % 3 {
            0 => vec![
                "elbv2".into(),
                "register-targets".into(),
                "--listener-arn".into(),
                LISTENER.into(),
                "--targets".into(),
                format!("Id=127.0.0.1,Port={}", 1000 + n % 50),
            ],
            1 => vec![
                "create-route".into(),
                "--api-id".into(),
                apis[n % apis.len()].clone(),
                "--route-key".into(),
                format!("GET /r{n}"),
            ],
            _ => vec![
                "update-api".into(),
                "--api-id".into(),
                apis[n % apis.len()].clone(),
                "--name".into(),
                name,
            ],
        };
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        apigw(&cwd, &home, &args)
    };
    // How long one write takes, to spread the kills over it.
    let start = Instant::now();
    let (code, _, err) = outcome(&run(write(2)));
    assert_eq!(code, 0, "{err}");
    let took = start.elapsed().max(Duration::from_millis(5));
    let mut rng = fastrand::Rng::with_seed(9);
    let mut killed_mid_write = 0;
    for (round, (signal, name)) in [
        (libc::SIGKILL, "SIGKILL"),
        (libc::SIGINT, "SIGINT"),
        (libc::SIGTERM, "SIGTERM"),
    ]
    .into_iter()
    .enumerate()
    {
        for i in 0..25 {
            let n = round * 25 + i;
            let child = write(n).spawn().unwrap();
            // A random moment of the write: the moment is what varies, the
            // test waits for nothing.
            std::thread::sleep(took.mul_f64(rng.f64() * 1.2));
            // SAFETY: the pid is our own child's, not yet reaped.
            unsafe { libc::kill(child.id() as i32, signal) };
            let out = wait_bounded(child, procs::BOUND, name);
            if out.status.code().is_none() {
                killed_mid_write += 1;
            }
            // Whole at every moment: the file reads and checks.
            apigw::workspace::load_path(&path).unwrap_or_else(|e| panic!("after {name} #{n}: {e}"));
            let left = names(place.path());
            assert!(
                left.iter()
                    .all(|f| ["apigw.toml", "home", ".apigw.toml.tmp"].contains(&f.as_str())),
                "after {name} #{n}: {left:?}"
            );
        }
    }
    assert!(killed_mid_write > 0, "no write was killed");
    // Litter of the older, random temporary names goes too.
    std::fs::write(place.path().join(".apigw.toml.Ab12Cd.tmp"), "old").unwrap();
    let (code, _, err) = outcome(&run(write(1000)));
    assert_eq!(code, 0, "{err}");
    assert_eq!(names(place.path()), ["apigw.toml", "home"]);
    let (code, out, _) = place.run(&["get-apis", "--query", "length(Items)"]);
    assert_eq!((code, out.trim()), (0, "12"));
}
