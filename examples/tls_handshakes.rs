//! bench/proxy.sh's handshake driver: full TLS handshakes per second against
//! one server, with a chosen SNI name, for a fixed time. Each handshake is a
//! new TCP connection with session resumption off, verified against the CA
//! given (so both servers must present a certificate for that name), and
//! closed once it completes; CONNS of them run at a time on one thread, as
//! wrk -t1 drives the request rows. openssl s_time cannot send SNI, so it
//! cannot pick a domain's certificate.
//! Usage: `tls_handshakes ADDR SNI CA_PEM SECONDS CONNS`; prints
//! `handshakes N in S s: R/s, failed F`.

use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [addr, sni, ca, seconds, conns] = args.as_slice() else {
        eprintln!("usage: tls_handshakes ADDR SNI CA_PEM SECONDS CONNS");
        std::process::exit(2);
    };
    let seconds: u64 = seconds.parse().expect("SECONDS");
    let conns: usize = conns.parse().expect("CONNS");
    let mut roots = rustls::RootCertStore::empty();
    for c in CertificateDer::pem_file_iter(ca).expect("CA_PEM") {
        roots
            .add(c.expect("a PEM certificate"))
            .expect("a CA certificate");
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .expect("TLS versions")
        .with_root_certificates(roots)
        .with_no_client_auth();
    config.resumption = rustls::client::Resumption::disabled();
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    let connector = tokio_rustls::TlsConnector::from(Arc::new(config));
    let name = ServerName::try_from(sni.clone()).expect("SNI");
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    let done = Arc::new(AtomicU64::new(0));
    let failed = Arc::new(AtomicU64::new(0));
    let stop = Arc::new(AtomicBool::new(false));
    let started = Instant::now();
    runtime.block_on(async {
        let mut tasks = Vec::new();
        for _ in 0..conns {
            let (connector, name, addr) = (connector.clone(), name.clone(), addr.clone());
            let (done, failed, stop) = (done.clone(), failed.clone(), stop.clone());
            tasks.push(tokio::spawn(async move {
                while !stop.load(Ordering::Relaxed) {
                    let Ok(tcp) = tokio::net::TcpStream::connect(&addr).await else {
                        failed.fetch_add(1, Ordering::Relaxed);
                        continue;
                    };
                    let _ = tcp.set_nodelay(true);
                    match connector.connect(name.clone(), tcp).await {
                        Ok(_) => done.fetch_add(1, Ordering::Relaxed),
                        Err(_) => failed.fetch_add(1, Ordering::Relaxed),
                    };
                }
            }));
        }
        tokio::time::sleep(Duration::from_secs(seconds)).await;
        stop.store(true, Ordering::Relaxed);
        for t in tasks {
            let _ = t.await;
        }
    });
    let secs = started.elapsed().as_secs_f64();
    let n = done.load(Ordering::Relaxed);
    println!(
        "handshakes {n} in {secs:.2} s: {:.0}/s, failed {}",
        n as f64 / secs,
        failed.load(Ordering::Relaxed)
    );
    Ok(())
}
