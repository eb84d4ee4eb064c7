//! Access logs written by the real `apigw serve`: two stages, one with a
//! JSON format and one in CLF, sending their lines to one log group, read
//! back with `apigw logs tail --follow` as requests arrive (the test waits
//! for each line on tail's stdout, never by sleeping). The requests: a
//! plain route, a JWT route with a token from `apigw mint-token` (served
//! with `--local-issuer`), a path no route takes, and the JWT route
//! without a token.

mod common;
#[path = "common/serve.rs"]
mod serve;

use common::{Backend, call, client};
use serde_json::Value;
use serve::{Serve, apigw, text};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

const GROUP: &str = "/aws/apigw/demo";
const JSON_FORMAT: &str = r#"{"requestId":"$context.requestId","routeKey":"$context.routeKey","status":"$context.status","integrationLatency":"$context.integrationLatency","sub":"$context.authorizer.claims.sub","error":"$context.error.message","responseType":"$context.error.responseType","method":"$context.httpMethod","path":"$context.path","stage":"$context.stage","ip":"$context.identity.sourceIp","ua":"$context.identity.userAgent","protocol":"$context.protocol","epoch":$context.requestTimeEpoch,"domain":"$context.domainName","basePath":"$context.customDomain.basePathMatched"}"#;
const CLF_FORMAT: &str = r#"$context.identity.sourceIp - - [$context.requestTime] "$context.httpMethod $context.routeKey $context.protocol" $context.status $context.responseLength $context.requestId $context.integrationLatency $context.authorizer.claims.sub $context.error.messageString"#;

/// A bound for a test that would otherwise hang: not a synchronisation.
const HANG: Duration = Duration::from_secs(30);

/// `apigw logs tail --follow`, stopped on drop, its lines in a channel.
struct Tail {
    child: Child,
    lines: mpsc::Receiver<String>,
}

impl Drop for Tail {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Tail {
    fn start(ws: &Path) -> Tail {
        let mut child = Command::new(env!("CARGO_BIN_EXE_apigw"))
            .env("APIGW_WORKSPACE", ws)
            .args(["logs", "tail", GROUP, "--follow", "--format", "short"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        Tail { child, lines }
    }

    /// The message of the first line that holds `needle` (lines of other
    /// requests pass by).
    fn message_with(&self, needle: &str) -> String {
        loop {
            let line = self
                .lines
                .recv_timeout(HANG)
                .unwrap_or_else(|_| panic!("no access log line with {needle}"));
            // `2026-12-02T13:00:00 MESSAGE`
            let message = &line[20..];
            if message.contains(needle) {
                return message.to_string();
            }
        }
    }
}

struct World {
    _backend: Backend,
    _dir: tempfile::TempDir,
    ws: PathBuf,
    serve: Serve,
    base: String,
}

async fn world() -> World {
    let backend = Backend::start("pets").await;
    let dir = tempfile::tempdir().unwrap();
    let ws = dir.path().join("apigw.toml");
    let api = text(
        &ws,
        &[
            "create-api",
            "--name",
            "demo",
            "--protocol-type",
            "HTTP",
            "--query",
            "ApiId",
        ],
    );
    let uri = format!("http://{}/{{proxy}}", backend.addr);
    let integration = text(
        &ws,
        &[
            "create-integration",
            "--api-id",
            &api,
            "--integration-type",
            "HTTP_PROXY",
            "--integration-method",
            "ANY",
            "--integration-uri",
            &uri,
            "--query",
            "IntegrationId",
        ],
    );
    let target = format!("integrations/{integration}");
    apigw(
        &ws,
        &[
            "create-route",
            "--api-id",
            &api,
            "--route-key",
            "GET /pets",
            "--target",
            &target,
        ],
    );
    let arn = format!("arn:aws:logs:us-east-2:123456789012:log-group:{GROUP}");
    for (stage, format) in [("json", JSON_FORMAT), ("clf", CLF_FORMAT)] {
        let settings = serde_json::json!({"DestinationArn": arn, "Format": format}).to_string();
        apigw(
            &ws,
            &[
                "create-stage",
                "--api-id",
                &api,
                "--stage-name",
                stage,
                "--auto-deploy",
                "--access-log-settings",
                &settings,
            ],
        );
    }
    // A custom domain whose key v1 maps to the json stage, with a
    // certificate from the local CA (a domain's certificate must exist).
    let cert = apigw(
        &ws,
        &[
            "acm",
            "request-certificate",
            "--domain-name",
            "api.example.com",
            "--query",
            "CertificateArn",
            "--output",
            "text",
        ],
    );
    let config = format!("CertificateArn={cert},EndpointType=REGIONAL,SecurityPolicy=TLS_1_2");
    apigw(
        &ws,
        &[
            "create-domain-name",
            "--domain-name",
            "api.example.com",
            "--domain-name-configurations",
            &config,
        ],
    );
    apigw(
        &ws,
        &[
            "create-api-mapping",
            "--domain-name",
            "api.example.com",
            "--api-id",
            &api,
            "--stage",
            "json",
            "--api-mapping-key",
            "v1",
        ],
    );
    let serve = Serve::start(&ws, &["--local-issuer"], None);
    let base = format!("http://{}", serve.addr);
    // The JWT route names serve's own address as its issuer, known only
    // now; serve picks the change up live.
    let config = format!("Audience=pets-api,Issuer={base}");
    let authorizer = text(
        &ws,
        &[
            "create-authorizer",
            "--api-id",
            &api,
            "--name",
            "local",
            "--authorizer-type",
            "JWT",
            "--identity-source",
            "$request.header.Authorization",
            "--jwt-configuration",
            &config,
            "--query",
            "AuthorizerId",
        ],
    );
    apigw(
        &ws,
        &[
            "create-route",
            "--api-id",
            &api,
            "--route-key",
            "GET /me",
            "--target",
            &target,
            "--authorization-type",
            "JWT",
            "--authorizer-id",
            &authorizer,
        ],
    );
    let url = format!("{base}/json/me");
    common::eventually("the JWT route to be enforced", HANG, || {
        let url = url.clone();
        async move { common::get(&url).await.status == 401 }
    })
    .await;
    World {
        _backend: backend,
        _dir: dir,
        ws,
        serve,
        base,
    }
}

impl World {
    /// Sends GET `path`; returns the status and the request's id.
    async fn get(&self, path: &str, token: Option<&str>) -> (u16, String) {
        self.get_at(None, path, token).await
    }

    /// [`World::get`] with a `Host` of its own.
    async fn get_at(&self, host: Option<&str>, path: &str, token: Option<&str>) -> (u16, String) {
        let bearer = token.map(|t| format!("Bearer {t}"));
        let mut headers = vec![("user-agent", "access-log-test/1.0")];
        if let Some(h) = host {
            headers.push(("host", h));
        }
        if let Some(b) = &bearer {
            headers.push(("authorization", b));
        }
        let reply = call(&client(), "GET", &format!("{}{path}", self.base), &headers).await;
        let id = reply.headers["apigw-requestid"]
            .to_str()
            .unwrap()
            .to_string();
        (reply.status, id)
    }

    fn token(&self) -> String {
        apigw(
            &self.ws,
            &[
                "mint-token",
                "--issuer",
                &self.base,
                "--audience",
                "pets-api",
                "--subject",
                "alice",
            ],
        )
    }
}

fn json_line(tail: &Tail, request_id: &str) -> Value {
    let message = tail.message_with(&format!("\"requestId\":\"{request_id}\""));
    serde_json::from_str(&message).unwrap_or_else(|e| panic!("not JSON ({e}): {message}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn json_and_clf_lines_with_the_context_filled_reach_logs_tail_follow() {
    let w = world().await;
    let tail = Tail::start(&w.ws);
    let token = w.token();

    // A JWT route with a token: the claims' subject and the backend's latency.
    let (status, id) = w.get("/json/me", Some(&token)).await;
    assert_eq!(status, 200);
    let line = json_line(&tail, &id);
    assert_eq!(line["routeKey"], "GET /me");
    assert_eq!(line["status"], "200");
    assert_eq!(line["sub"], "alice");
    assert_eq!(line["error"], "-");
    assert_eq!(line["responseType"], "-");
    assert_eq!(line["method"], "GET");
    assert_eq!(line["path"], "/json/me");
    assert_eq!(line["stage"], "json");
    assert_eq!(line["ip"], "127.0.0.1");
    assert_eq!(line["ua"], "access-log-test/1.0");
    assert_eq!(line["protocol"], "HTTP/1.1");
    assert!(line["epoch"].as_i64().unwrap() > 1_700_000_000_000);
    let latency: u64 = line["integrationLatency"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(latency < 30_000);

    assert_eq!(line["domain"], "127.0.0.1");
    assert_eq!(line["basePath"], "-");

    // Through the custom domain: its name and the mapping key that matched.
    let (status, id) = w.get_at(Some("api.example.com"), "/v1/pets", None).await;
    assert_eq!(status, 200);
    let line = json_line(&tail, &id);
    assert_eq!(line["routeKey"], "GET /pets");
    assert_eq!(line["domain"], "api.example.com");
    assert_eq!(line["basePath"], "v1");
    assert_eq!(line["path"], "/v1/pets");

    // No route: the gateway's own answer, with its message and kind.
    let (status, id) = w.get("/json/nothing", None).await;
    assert_eq!(status, 404);
    let line = json_line(&tail, &id);
    assert_eq!(line["status"], "404");
    assert_eq!(line["routeKey"], "-");
    assert_eq!(line["error"], "Not Found");
    assert_eq!(line["responseType"], "RESOURCE_NOT_FOUND");
    assert_eq!(line["integrationLatency"], "-");
    assert_eq!(line["sub"], "-");

    // The same group in CLF, from the other stage.
    let (status, id) = w.get("/clf/pets", None).await;
    assert_eq!(status, 200);
    let line = tail.message_with(&id);
    let (head, rest) = line.split_once(" \"GET GET /pets HTTP/1.1\" 200 ").unwrap();
    assert!(head.starts_with("127.0.0.1 - - ["), "{line}");
    assert!(head.ends_with(" +0000]"), "{line}");
    let fields: Vec<&str> = rest.split(' ').collect();
    assert_eq!(fields.len(), 5, "{line}");
    assert!(fields[0].parse::<u64>().is_ok(), "responseLength: {line}");
    assert_eq!(fields[1], id);
    assert!(
        fields[2].parse::<u64>().is_ok(),
        "integrationLatency: {line}"
    );
    assert_eq!(&fields[3..], ["-", "-"]);

    let (status, id) = w.get("/clf/me", Some(&token)).await;
    assert_eq!(status, 200);
    let line = tail.message_with(&id);
    assert!(line.contains("\"GET GET /me HTTP/1.1\" 200 "), "{line}");
    assert!(line.ends_with(" alice -"), "{line}");

    // Refused by the authorizer: the backend is not called.
    let (status, id) = w.get("/clf/me", None).await;
    assert_eq!(status, 401);
    let line = tail.message_with(&id);
    assert!(
        line.ends_with(&format!("{id} - - \"Unauthorized\"")),
        "{line}"
    );

    assert!(!w.serve.stderr_has("dropped"), "{}", w.serve.stderr());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_log_group_file_sits_beside_the_workspace_out_of_git() {
    let w = world().await;
    let tail = Tail::start(&w.ws);
    let (_, id) = w.get("/json/pets", None).await;
    json_line(&tail, &id);
    let dir = w.ws.parent().unwrap();
    let file = dir.join(".apigw/logs/%2Faws%2Fapigw%2Fdemo.log");
    let text = std::fs::read_to_string(&file).unwrap();
    let line = text.lines().find(|l| l.contains(&id)).unwrap();
    let mut parts = line.splitn(3, '\t');
    assert!(parts.next().unwrap().parse::<i64>().is_ok(), "{line}");
    assert!(parts.next().unwrap().starts_with("json/"), "{line}");
    let ignore = std::fs::read_to_string(dir.join(".apigw/.gitignore")).unwrap();
    assert!(ignore.lines().any(|l| l == "*"), "{ignore}");
    // The plain tail prints it too, under the stage's stream.
    let out = apigw(
        &w.ws,
        &["logs", "tail", GROUP, "--log-stream-name-prefix", "json/"],
    );
    assert!(out.lines().any(|l| l.contains(&id)), "{out}");
}
