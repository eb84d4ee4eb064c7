//! Faults that are not the backend's: the gateway running out of file
//! descriptors keeps its healthy backend in rotation, a client's broken
//! chunked body is answered 400, and the listening socket queues as many
//! connections as the system allows. `apigw serve` runs as a real child
//! process where the test needs its own limits.

mod common;
#[path = "common/raw.rs"]
mod raw;
#[path = "common/serve.rs"]
mod serve;

use common::{LISTENER_ARN, Setup, eventually};
use raw::RecordingBackend;
use serve::Serve;
use std::process::Command;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// One keep-alive connection to the gateway, to send requests on while no
/// new connection could be accepted.
struct KeptConnection(TcpStream);

impl KeptConnection {
    async fn get(&mut self, path: &str) -> (u16, String) {
        let request = format!("GET {path} HTTP/1.1\r\nHost: gateway.test\r\n\r\n");
        self.0.write_all(request.as_bytes()).await.unwrap();
        let mut buf = Vec::new();
        let mut chunk = [0u8; 4096];
        loop {
            let n = tokio::time::timeout(Duration::from_secs(20), self.0.read(&mut chunk))
                .await
                .expect("the gateway answers")
                .unwrap();
            assert!(n > 0, "the gateway closed the connection");
            buf.extend_from_slice(&chunk[..n]);
            let text = String::from_utf8_lossy(&buf).into_owned();
            if let Some((head, body)) = text.split_once("\r\n\r\n") {
                let length: usize = head
                    .lines()
                    .find_map(|l| {
                        let (k, v) = l.split_once(':')?;
                        k.eq_ignore_ascii_case("content-length")
                            .then(|| v.trim().parse().ok())?
                    })
                    .unwrap_or(0);
                if body.len() >= length {
                    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
                    return (status, body[..length].to_string());
                }
            }
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn running_out_of_file_descriptors_does_not_take_a_healthy_backend_out() {
    // The backend closes every connection, so each request opens one.
    let backend = RecordingBackend::start().await;
    let setup = Setup::new();
    setup.register_targets(&[backend.addr]);
    let id = setup.private_integration(LISTENER_ARN, |r| r.integration_method = Some("ANY".into()));
    setup.route("ANY /{proxy+}", &id);
    setup.stage("$default", &[]);
    let gw = Serve::start(&setup.path, &[], Some(64));

    let mut kept = KeptConnection(TcpStream::connect(gw.addr).await.unwrap());
    assert_eq!(kept.get("/before").await.0, 200, "{}", gw.stderr());

    // Idle connections until the gateway has no descriptor left; the rest
    // wait in its backlog.
    let mut idle = Vec::new();
    for _ in 0..120 {
        idle.push(TcpStream::connect(gw.addr).await.unwrap());
    }
    eventually(
        "the gateway to run out of descriptors",
        Duration::from_secs(10),
        || async { gw.stderr_has("Too many open files") },
    )
    .await;

    // It cannot connect to the backend now: 503, the backend's fault or not.
    let (status, body) = kept.get("/during").await;
    assert_eq!(status, 503, "{}", gw.stderr());
    assert_eq!(body, r#"{"message":"Service Unavailable"}"#);

    // Once the descriptors are free, the backend serves at once: it was
    // never taken out of rotation.
    drop(idle);
    let mut statuses = Vec::new();
    let freed = Instant::now();
    loop {
        let (status, _) = kept.get("/after").await;
        statuses.push(status);
        if status == 200 {
            break;
        }
        assert!(
            freed.elapsed() < Duration::from_secs(3),
            "still {statuses:?} after the descriptors were freed\n{}",
            gw.stderr()
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    // The access log is written behind the requests: wait for its line.
    eventually("the access log line", Duration::from_secs(10), || async {
        gw.stderr_has("\"GET /after\" 200")
    })
    .await;
    let log = gw.stderr();
    assert!(!log.contains("out of rotation"), "{log}");
    assert!(!log.contains("no healthy backend"), "{statuses:?}\n{log}");
    assert!(
        log.contains("the gateway cannot open a connection"),
        "the 503 says why: {log}"
    );
    assert!(
        backend
            .request_lines()
            .iter()
            .any(|l| l.starts_with("GET /after ")),
        "{:?}",
        backend.request_lines()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_malformed_chunked_body_is_the_clients_error() {
    let backend = common::Backend::start("echo").await;
    let setup = Setup::new();
    setup.register_targets(&[backend.addr]);
    let id = setup.private_integration(LISTENER_ARN, |r| r.integration_method = Some("ANY".into()));
    setup.route("ANY /{proxy+}", &id);
    setup.stage("$default", &[]);
    let gw = setup.serve();
    for body in [
        "zz\r\nhello\r\n0\r\n\r\n",
        "5\r\nhello-too-long\r\n0\r\n\r\n",
        "fffffffffffffffffff\r\nhello\r\n0\r\n\r\n",
    ] {
        let request = format!(
            "POST /upload HTTP/1.1\r\nHost: gateway.test\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n{body}"
        );
        let reply = raw::send(gw.addr, request.as_bytes()).await;
        assert_eq!(reply.status, 400, "{body:?}: {}", reply.head);
        assert_eq!(reply.body, r#"{"message":"Bad Request"}"#, "{body:?}");
    }
}

/// The backlog of the gateway's listening socket, from `ss` when the
/// machine has it.
fn listen_backlog(port: u16) -> Option<u32> {
    let out = Command::new("ss").args(["-ltnH"]).output().ok()?;
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    text.lines().find_map(|l| {
        let cols: Vec<&str> = l.split_whitespace().collect();
        // State Recv-Q Send-Q Local:Port Peer:Port; Send-Q is the backlog.
        (cols.len() >= 4 && cols[3].ends_with(&format!(":{port}")))
            .then(|| cols[2].parse().ok())
            .flatten()
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_listen_backlog_is_the_systems_maximum() {
    let Ok(max) = std::fs::read_to_string("/proc/sys/net/core/somaxconn") else {
        eprintln!("no /proc/sys/net/core/somaxconn here: nothing to compare with");
        return;
    };
    let max: u32 = max.trim().parse().unwrap();
    let setup = Setup::new();
    setup.stage("$default", &[]);
    let gw = setup.serve();
    match listen_backlog(gw.addr.port()) {
        Some(backlog) => assert_eq!(backlog, max),
        None => eprintln!("ss is not installed: the backlog was not read"),
    }
}
