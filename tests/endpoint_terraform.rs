//! Terraform's hashicorp/aws provider against `apigw endpoint`: the
//! configuration in tests/fixtures/terraform/ applies, a second plan finds
//! nothing to change, `apigw serve` then serves the routes Terraform made
//! (to real backends on 127.0.0.1), and destroy leaves an empty workspace.
//! Skipped, with the reason printed, without terraform, the provider's
//! filesystem mirror, or an apigw with an `endpoint` command.

mod common;

use common::aws::{self, Endpoint, Ran};
use common::terraform::Terraform;
use common::{Backend, LISTENER_ARN, call, client};
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// `apigw serve` as a child process; killed on drop.
struct Serve {
    child: Child,
    base: String,
}

impl Serve {
    fn start(ep: &Endpoint) -> Serve {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_apigw"));
        ep.env(&mut cmd)
            .args(["serve", "--listen", "127.0.0.1:0"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null());
        let mut child = cmd.spawn().expect("apigw serve starts");
        let stdout = child.stdout.take().expect("piped");
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut lines = BufReader::new(stdout).lines();
            for line in lines.by_ref().map_while(Result::ok) {
                if let Some(url) = line.split_whitespace().find(|w| w.starts_with("http://")) {
                    let _ = tx.send(url.to_string());
                    break;
                }
            }
            for _ in lines {}
        });
        let base = match rx.recv_timeout(Duration::from_secs(60)) {
            Ok(base) => base,
            Err(_) => {
                let _ = child.kill();
                panic!("apigw serve printed no address");
            }
        };
        Serve { child, base }
    }
}

impl Drop for Serve {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn blocking<T>(f: impl FnOnce() -> T) -> T {
    tokio::task::block_in_place(f)
}

/// Panics with what Terraform printed unless it exited `code`.
fn expect(ran: Ran, code: i32, what: &str) -> Ran {
    assert_eq!(
        ran.code, code,
        "terraform {what} exited {} (want {code})\nstdout:\n{}\nstderr:\n{}",
        ran.code, ran.stdout, ran.stderr
    );
    ran
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn terraform_applies_plans_nothing_serves_and_destroys() {
    let tf = match Terraform::find() {
        Ok(tf) => tf,
        Err(reason) => return aws::skip(&reason),
    };
    let ep = match Endpoint::start() {
        Ok(ep) => ep,
        Err(reason) => return aws::skip(&reason),
    };
    let public = Backend::start("public").await;
    let orders = Backend::start("orders").await;

    tf.copy_config(Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/terraform"
    )));
    std::fs::write(
        tf.work().join("terraform.tfvars"),
        format!(
            "endpoint    = \"{}\"\nbackend_url = \"http://{}\"\n",
            ep.url, public.addr
        ),
    )
    .expect("tfvars");

    blocking(|| {
        expect(
            tf.run(&ep, &["init", "-input=false", "-no-color"]),
            0,
            "init",
        );
        expect(
            tf.run(
                &ep,
                &["apply", "-auto-approve", "-input=false", "-no-color"],
            ),
            0,
            "apply",
        );
        // A second plan must find the endpoint's answers equal to the
        // configuration: exit 0 (2 would mean a change, printed here).
        expect(
            tf.run(
                &ep,
                &["plan", "-detailed-exitcode", "-input=false", "-no-color"],
            ),
            0,
            "plan -detailed-exitcode after apply",
        );
    });

    // What Terraform made is in the workspace, as apigw reads it.
    let api = blocking(|| {
        let apis = ep.apigw(&["get-apis"]).ok("get-apis").json();
        let items = apis["Items"].as_array().expect("Items").clone();
        assert_eq!(items.len(), 1, "{apis}");
        assert_eq!(items[0]["Tags"]["team"], "payments", "{apis}");
        assert_eq!(items[0]["CorsConfiguration"]["MaxAge"], 300, "{apis}");
        let api = items[0]["ApiId"].as_str().expect("ApiId").to_string();
        let integrations = ep
            .apigw(&["get-integrations", "--api-id", &api])
            .ok("get-integrations")
            .json();
        assert_eq!(integrations["Items"].as_array().map(Vec::len), Some(3));
        let routes = ep
            .apigw(&["get-routes", "--api-id", &api])
            .ok("get-routes")
            .json();
        assert_eq!(routes["Items"].as_array().map(Vec::len), Some(4));
        let stage = ep
            .apigw(&["get-stage", "--api-id", &api, "--stage-name", "dev"])
            .ok("get-stage")
            .json();
        assert_eq!(stage["StageVariables"]["backend"], "blue", "{stage}");
        // The ELB listener's stand-in: a real backend behind it.
        let target = format!("Id=127.0.0.1,Port={}", orders.addr.port());
        ep.apigw(&[
            "elbv2",
            "register-targets",
            "--listener-arn",
            LISTENER_ARN,
            "--targets",
            &target,
        ])
        .ok("elbv2 register-targets");
        api
    });

    // apigw serve serves the routes Terraform made.
    let serve = blocking(|| Serve::start(&ep));
    let http = client();
    let via_internet = call(
        &http,
        "GET",
        &format!("{}/dev/public/hello?id=7", serve.base),
        &[],
    )
    .await;
    assert_eq!(via_internet.status, 200, "{}", via_internet.body);
    let echo = via_internet.json();
    assert_eq!(echo["backend"], "public", "{echo}");
    assert_eq!(echo["path"], "/hello", "{echo}");
    assert_eq!(via_internet.header("x-served-by"), Some("apigw"));
    assert!(
        echo["headers"].to_string().contains("terraform"),
        "the request mapping added x-from: {echo}"
    );
    // The stage on Terraform's deployment serves the routes it holds.
    let deployed = call(
        &http,
        "GET",
        &format!("{}/prod/public/hello", serve.base),
        &[],
    )
    .await;
    assert_eq!(deployed.status, 200, "{}", deployed.body);
    let via_link = call(&http, "GET", &format!("{}/dev/orders", serve.base), &[]).await;
    assert_eq!(via_link.status, 200, "{}", via_link.body);
    assert_eq!(via_link.json()["backend"], "orders");
    assert_eq!(
        via_link.json()["path"],
        "/dev/orders",
        "a private integration gets the stage in its path"
    );
    let guarded = call(&http, "GET", &format!("{}/dev/secure/x", serve.base), &[]).await;
    assert_eq!(guarded.status, 401, "the JWT route wants a token");
    let unknown = call(&http, "GET", &format!("{}/dev/nowhere", serve.base), &[]).await;
    assert_eq!(unknown.status, 404);
    drop(serve);

    blocking(|| {
        expect(
            tf.run(
                &ep,
                &["destroy", "-auto-approve", "-input=false", "-no-color"],
            ),
            0,
            "destroy",
        );
        let apis = ep.apigw(&["get-apis"]).ok("get-apis").json();
        assert_eq!(apis["Items"], serde_json::json!([]), "no API left");
        let links = ep.apigw(&["get-vpc-links"]).ok("get-vpc-links").json();
        assert_eq!(links["Items"], serde_json::json!([]), "no VPC link left");
        let gone = ep.apigw(&["get-api", "--api-id", &api]);
        assert_eq!(gone.code, 254);
    });
}
