//! `apigw serve`, the data plane: serves the workspace's HTTP APIs (one, or
//! each at `{api-id}.execute-api.localhost` when there are several) the
//! way API Gateway would — stages, routes, HTTP proxy integrations to URLs
//! and, through the workspace's stand-ins for what sits behind a VPC link,
//! to ELB listener targets and Cloud Map instances — with health checks,
//! live reload of the workspace file, access logs and graceful shutdown.
//!
//! The pieces: [`limits`] refuses heads and bodies over the service's
//! quotas before anything else, [`path`] decides which paths and methods are taken (one
//! canonical path, routed and forwarded alike), [`plan`] compiles the
//! workspace into an immutable routing plan (swapped whole on reload),
//! [`router`] picks routes, [`answer`] is the one shape of every answer
//! the gateway makes itself, [`upstream`] resolves backends, [`health`]
//! keeps them honest (a new backend gets traffic once a check passes),
//! [`view`] tells `describe-target-health` which targets are still
//! initial, [`params`] runs parameter mappings, [`auth`] is the seam for
//! JWT authorizers, `forwarded` builds the `Forwarded` header, and `proxy`
//! moves each request; clients are always answered in HTTP/1.1. With
//! `--tls-listen`, [`https`] chooses each TLS connection's certificate and
//! client check by SNI, and the handshake runs on the worker that then
//! serves the connection.
//!
//! Threads: one accepts connections, watches the file and runs the health
//! checks; connections are handed in turn to worker threads (one per CPU,
//! or `APIGW_SERVE_THREADS`), each with a single-threaded runtime and its
//! own pool of backend connections; with one per CPU, each is kept on its
//! CPU ([`affinity`]). Behaviour chosen where the service's is
//! not known: `TimeoutInMillis` bounds the wait for the backend's response
//! head (a streamed body may take longer); a private integration without
//! `TlsConfig` keeps the client's `Host`; `x-forwarded-proto` is `http`, or
//! `https` on the `--tls-listen` listener ([`https`]); JWT routes are forwarded unchecked
//! until an [`auth::Authorizer`] is given in [`Hooks`].

mod affinity;
pub mod answer;
pub mod auth;
mod client;
pub mod cors;
mod forwarded;
mod h1;
pub mod health;
pub mod https;
pub mod lambda_auth;
pub mod lambda_event;
pub mod lambda_response;
pub mod limits;
mod log;
pub mod params;
pub mod path;
pub mod plan;
mod proxy;
pub mod router;
pub mod throttle;
mod tls;
pub mod upstream;
pub mod view;

pub use log::LogFormat;

use crate::error::{ApiError, Error, Result};
use crate::workspace::{Workspace, load_path};
use auth::Authorizer;
use client::ClientKinds;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use plan::Plan;
use proxy::Shared;
use std::future::Future;
use std::io::Write;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime};
use tokio::net::TcpListener;
use tokio::sync::{mpsc, oneshot};

/// What `apigw serve` is asked to do.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The workspace file; it is watched for changes.
    pub workspace: PathBuf,
    pub region: Option<String>,
    /// The API to serve; needed only when the workspace has several.
    pub api_id: Option<String>,
    /// Where to listen; port 0 takes a free port (the real one is printed).
    pub listen: SocketAddr,
    /// Where to listen for HTTPS as well (`--tls-listen`), if anywhere.
    pub tls_listen: Option<SocketAddr>,
    /// CA certificates (PEM) for HTTPS backends; the system's when absent.
    pub ca_bundle: Option<PathBuf>,
    pub log_format: LogFormat,
}

/// What a library user can add that the command line cannot.
#[derive(Clone, Default)]
pub struct Hooks {
    /// Checks callers of JWT routes; without one, JWT routes are forwarded
    /// unchecked (and `serve` says so when it starts).
    pub authorizer: Option<Arc<dyn Authorizer>>,
    /// Answers `/.well-known/…` requests before routing (the local issuer's
    /// discovery document and keys): given the gateway's base URL and the
    /// path, a content type and body, or `None` to route as usual.
    pub well_known: Option<WellKnown>,
    /// Runs the functions of Lambda proxy integrations and Lambda
    /// authorizers; without one, their routes answer 500.
    pub invoker: Option<Arc<dyn crate::lambda::Invoker>>,
}

/// See [`Hooks::well_known`].
pub type WellKnown = Arc<dyn Fn(&str, &str) -> Option<(&'static str, String)> + Send + Sync>;

/// How often the workspace file is looked at.
const WATCH_INTERVAL: Duration = Duration::from_millis(250);
/// How long shutdown waits for requests under way.
const DRAIN_LIMIT: Duration = Duration::from_secs(35);

/// Serves until SIGINT or SIGTERM, then lets requests under way finish.
pub fn run(opts: ServeOptions) -> Result<()> {
    run_with(opts, Hooks::default())
}

/// [`run`] with hooks.
pub fn run_with(opts: ServeOptions, hooks: Hooks) -> Result<()> {
    serve_here(opts, hooks, |_| {}, shutdown_signal())
}

/// Runs a gateway on this thread (and its worker threads) until
/// `shutdown` completes; `started` hears where it listens, or why it could
/// not start.
fn serve_here(
    opts: ServeOptions,
    hooks: Hooks,
    started: impl FnOnce(std::result::Result<SocketAddr, String>),
    shutdown: impl Future<Output = ()>,
) -> Result<()> {
    let (log, writer) = log::AccessLog::start(opts.log_format);
    let result = (|| {
        let control = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| Error::io("cannot start the gateway's runtime", e))?;
        let gateway = match control.block_on(async { Prepared::new(&opts, hooks, log) }) {
            Ok(g) => g,
            Err(e) => {
                started(Err(e.to_string()));
                return Err(e);
            }
        };
        gateway.announce();
        let tls = gateway.tls.as_ref().map(|(_, _, t)| t.clone());
        let workers = match Workers::start(worker_threads(), &gateway.shared, tls) {
            Ok(w) => w,
            Err(e) => {
                started(Err(e.to_string()));
                return Err(e);
            }
        };
        started(Ok(gateway.addr));
        control.block_on(gateway.serve(workers, shutdown));
        Ok(())
    })();
    writer.finish();
    result
}

/// How many threads serve requests: `APIGW_SERVE_THREADS`, else one per CPU.
fn worker_threads() -> usize {
    std::env::var("APIGW_SERVE_THREADS")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
        .filter(|n| *n > 0)
        .or_else(|| std::thread::available_parallelism().ok().map(|n| n.get()))
        .unwrap_or(1)
}

/// A gateway running in the background of this process (for tests and
/// embedding). Dropping the handle shuts it down.
pub struct Gateway;

pub struct Handle {
    stop: Option<oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Gateway {
    /// Loads the workspace, binds, prints what it serves, and serves on
    /// threads of its own. Returns the address it listens on.
    pub fn start(opts: ServeOptions) -> Result<(SocketAddr, Handle)> {
        Gateway::start_with(opts, Hooks::default())
    }

    pub fn start_with(opts: ServeOptions, hooks: Hooks) -> Result<(SocketAddr, Handle)> {
        let (ready, started) = std::sync::mpsc::channel();
        let (stop, stopped) = oneshot::channel::<()>();
        let thread = std::thread::Builder::new()
            .name("apigw-gateway".into())
            .spawn(move || {
                let _ = serve_here(
                    opts,
                    hooks,
                    |r| {
                        let _ = ready.send(r);
                    },
                    async {
                        let _ = stopped.await;
                    },
                );
            })
            .map_err(|e| Error::io("cannot start the gateway thread", e))?;
        let addr = started
            .recv()
            .map_err(|_| Error::Other("the gateway thread stopped while starting".into()))?
            .map_err(Error::Other)?;
        Ok((
            addr,
            Handle {
                stop: Some(stop),
                thread: Some(thread),
            },
        ))
    }
}

impl Handle {
    /// Stops accepting, waits for requests under way to finish, and returns
    /// when the gateway has stopped.
    pub fn shutdown(mut self) {
        self.stop_and_join();
    }

    fn stop_and_join(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

impl Drop for Handle {
    fn drop(&mut self) {
        self.stop_and_join();
    }
}

/// A gateway with its plan compiled and its socket bound.
struct Prepared {
    listener: TcpListener,
    addr: SocketAddr,
    /// The HTTPS listener, its address, and the certificates it serves.
    tls: Option<(TcpListener, SocketAddr, Arc<https::Tls>)>,
    /// What reading the certificates found wrong, printed at start.
    tls_warnings: Vec<String>,
    shared: Arc<Shared>,
    workspace: PathBuf,
    api_id: Option<String>,
    region: Option<String>,
    /// The file's stamp as it was before it was loaded, so that the watch
    /// sees a change made while serve was starting.
    loaded: Stamp,
}

fn load(path: &Path, region: Option<&String>) -> Result<Workspace> {
    let mut ws = load_path(path)?.workspace;
    ws.region_override = region.cloned();
    Ok(ws)
}

/// Which APIs to serve: the one asked for, else every HTTP API.
fn choose_apis(ws: &Workspace, asked: Option<&str>) -> Result<Vec<String>> {
    if let Some(id) = asked
        && !ws.apis.contains_key(id)
    {
        return Err(Error::Api {
            operation: "GetApi",
            source: ApiError::not_found("API", id),
        });
    }
    plan::choose_apis(ws, asked).map_err(|m| {
        if ws.apis.is_empty() {
            Error::Workspace(m)
        } else {
            Error::InvalidInput(m)
        }
    })
}

impl Prepared {
    fn new(opts: &ServeOptions, hooks: Hooks, log: log::AccessLog) -> Result<Prepared> {
        let roots = tls::load_roots(opts.ca_bundle.as_deref())?;
        let clients = Arc::new(ClientKinds::new(tls::verified_config(roots)?));
        if let Err(e) = std::fs::metadata(&opts.workspace)
            && e.kind() == std::io::ErrorKind::NotFound
        {
            return Err(Error::Workspace(format!(
                "the workspace file {} does not exist; give --workspace an existing file, \
                 or create it with apigw init or create-api",
                opts.workspace.display()
            )));
        }
        let loaded = stamp(&opts.workspace);
        let ws = load(&opts.workspace, opts.region.as_ref())?;
        let api_ids = choose_apis(&ws, opts.api_id.as_deref())?;
        let access_logs = Arc::new(crate::logs::Groups::new(&opts.workspace));
        let plan =
            Plan::compile(&ws, &api_ids, &clients, &access_logs, None).map_err(Error::Workspace)?;
        let (listener, addr) = bind(opts.listen)?;
        let mut tls_warnings = Vec::new();
        let tls = match opts.tls_listen {
            Some(at) => {
                let (tls, warnings) = https::Tls::new(&opts.workspace, &ws)?;
                tls_warnings = warnings;
                let (listener, addr) = bind(at)?;
                Some((listener, addr, Arc::new(tls)))
            }
            None => None,
        };
        let mut shared = Shared::new(
            plan,
            log,
            addr.port(),
            hooks.authorizer,
            clients,
            access_logs,
        );
        if let Some(hook) = hooks.well_known {
            shared.well_known = Some((format!("http://{addr}"), hook));
        }
        if let Some(invoker) = &hooks.invoker {
            let log = shared.log.clone();
            invoker.attach_log(Arc::new(move |m: &str| log.note(m)));
            for note in invoker.workspace_changed(&ws) {
                shared.plan_notes.push(note);
            }
        }
        shared.invoker = hooks.invoker;
        shared.authorizer_cache = lambda_auth::Cache::new(Some(&opts.workspace));
        let shared = Arc::new(shared);
        Ok(Prepared {
            listener,
            addr,
            tls,
            tls_warnings,
            shared,
            workspace: opts.workspace.clone(),
            api_id: opts.api_id.clone(),
            region: opts.region.clone(),
            loaded,
        })
    }

    fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Prints where `serve` listens and what it serves, on stdout, and a
    /// warning on stderr when other machines can reach it.
    fn announce(&self) {
        if let Some(warning) = exposure_warning(self.addr) {
            eprintln!("{warning}");
        }
        let plan = self.shared.plan();
        for a in plan
            .alarms
            .iter()
            .chain(&self.shared.plan_notes)
            .chain(&self.tls_warnings)
        {
            eprintln!("apigw serve: warning: {a}");
        }
        let mut out = String::new();
        if let Some((_, addr, tls)) = &self.tls {
            if let Some(warning) = exposure_warning(*addr) {
                eprintln!("{warning}");
            }
            // Before the plain address, which scripts wait for.
            out.push_str(&format!(
                "apigw serve: listening on https://{addr} (TLS 1.2+; trust {})\n",
                tls.ca_cert_path().display()
            ));
        }
        out.push_str(&format!("apigw serve: listening on {}\n", self.base_url()));
        out.push_str(&plan.table(&self.base_url()));
        if plan.has_jwt_routes() && !self.shared.has_authorizer() {
            out.push_str(
                "  note: JWT authorizers are not checked by this build; JWT routes are forwarded without a token check\n",
            );
        }
        print_ignoring_errors(&out);
    }

    /// Accepts connections and hands them to the workers in turn, and runs
    /// the health checks and the file watch, until `shutdown`.
    async fn serve(self, mut workers: Workers, shutdown: impl Future<Output = ()>) {
        let note: Arc<dyn Fn(&str) + Send + Sync> = {
            let log = self.shared.log.clone();
            Arc::new(move |m: &str| log.note(m))
        };
        // Backends get traffic only once a check has passed: check them
        // all before the first connection is taken (connections wait in
        // the backlog meanwhile).
        health::check_new_members(self.shared.plan().checked(), note.clone()).await;
        let health = {
            let shared = self.shared.clone();
            tokio::spawn(health::run_checks(move || shared.plan().checked(), note))
        };
        let publisher = tokio::spawn(publish_health(self.workspace.clone(), self.shared.clone()));
        let watcher = tokio::spawn(watch(
            self.workspace.clone(),
            self.api_id.clone(),
            self.region.clone(),
            self.shared.clone(),
            self.base_url(),
            self.loaded,
            self.tls.as_ref().map(|(_, _, t)| t.clone()),
        ));
        let tls_listener = self.tls.as_ref().map(|(l, _, _)| l);
        tokio::pin!(shutdown);
        // Whether accepting is failing (said once, not every 50 ms).
        let mut starved = false;
        loop {
            tokio::select! {
                accepted = self.listener.accept() => match accepted {
                    Ok((stream, peer)) => {
                        if starved {
                            starved = false;
                            self.shared.log.note("accepting connections again");
                        }
                        workers.hand_over(stream, peer, false);
                    }
                    Err(e) => {
                        // Out of file descriptors and the like: wait a little.
                        if !starved {
                            starved = true;
                            self.shared.log.note(&format!("cannot accept a connection: {e}"));
                        }
                        tokio::time::sleep(Duration::from_millis(50)).await;
                    }
                },
                accepted = accept_if(tls_listener) => match accepted {
                    Ok((stream, peer)) => workers.hand_over(stream, peer, true),
                    Err(e) => {
                        if !starved {
                            starved = true;
                            self.shared.log.note(&format!("cannot accept a connection: {e}"));
                        }
                        tokio::time::sleep(Duration::from_millis(50)).await;
                    }
                },
                () = &mut shutdown => break,
            }
        }
        drop(self.listener);
        drop(self.tls);
        publisher.abort();
        view::withdraw(&self.workspace);
        watcher.abort();
        health.abort();
        self.shared
            .log
            .note("shutting down: letting requests under way finish");
        let _ = tokio::task::spawn_blocking(move || workers.finish()).await;
        // Every request has ended: write what the access logs hold.
        let access_logs = self.shared.access_logs.clone();
        if let Ok(dropped) = tokio::task::spawn_blocking(move || access_logs.flush_and_stop()).await
        {
            for (group, n) in dropped {
                self.shared.log.note(&format!(
                    "access log group {group}: {n} lines dropped (requests came faster than the file took them)"
                ));
            }
        }
        self.shared.log.note("stopped");
    }
}

/// Binds a listening socket with the system's widest backlog.
fn bind(at: SocketAddr) -> Result<(TcpListener, SocketAddr)> {
    let std_listener = std::net::TcpListener::bind(at)
        .map_err(|e| Error::io(format!("cannot listen on {at}"), e))?;
    widen_backlog(&std_listener);
    std_listener
        .set_nonblocking(true)
        .map_err(|e| Error::io("cannot set up the listening socket", e))?;
    let listener = TcpListener::from_std(std_listener)
        .map_err(|e| Error::io("cannot set up the listening socket", e))?;
    let addr = listener
        .local_addr()
        .map_err(|e| Error::io("cannot read the listening address", e))?;
    Ok((listener, addr))
}

/// The next connection on `listener`; never, without one.
async fn accept_if(
    listener: Option<&TcpListener>,
) -> std::io::Result<(tokio::net::TcpStream, SocketAddr)> {
    match listener {
        Some(l) => l.accept().await,
        None => std::future::pending().await,
    }
}

/// The warning `serve` prints when it listens on more than this machine.
fn exposure_warning(addr: SocketAddr) -> Option<String> {
    let ip = addr.ip();
    let mapped_loopback = match ip {
        std::net::IpAddr::V6(v6) => v6.to_ipv4_mapped().is_some_and(|v4| v4.is_loopback()),
        std::net::IpAddr::V4(_) => false,
    };
    if ip.is_loopback() || mapped_loopback {
        return None;
    }
    let what = if ip.is_unspecified() {
        format!("every address of this machine ({ip})")
    } else {
        format!("{ip}, which is not a loopback address")
    };
    Some(format!(
        "apigw serve: warning: listening on {what}: the gateway, and every backend behind it, \
         can be reached from other machines; use --listen 127.0.0.1:{} to keep it local",
        addr.port()
    ))
}

/// The most connections the kernel may queue for the listening socket, as
/// nginx asks for: the system's limit (`net.core.somaxconn` on Linux).
fn listen_backlog() -> i32 {
    #[cfg(target_os = "linux")]
    {
        std::fs::read_to_string("/proc/sys/net/core/somaxconn")
            .ok()
            .and_then(|s| s.trim().parse::<i32>().ok())
            .filter(|n| *n > 0)
            .unwrap_or(4096)
    }
    #[cfg(not(target_os = "linux"))]
    {
        511
    }
}

/// std binds with a backlog of 128, which a burst of connections overflows
/// (each overflow costs the client a one-second SYN retry); listening
/// again on the bound socket widens the queue.
fn widen_backlog(listener: &std::net::TcpListener) {
    #[cfg(unix)]
    {
        use std::os::fd::AsRawFd;
        // SAFETY: `listen` on a descriptor this function borrows; it only
        // changes the queue length of a socket that already listens.
        unsafe {
            libc::listen(listener.as_raw_fd(), listen_backlog());
        }
    }
    #[cfg(not(unix))]
    let _ = (listener, listen_backlog());
}

/// The threads that serve connections, each with a single-threaded
/// runtime: a connection, its requests and the pooled backend connections
/// they use stay on one thread, with no work stealing and no locks between
/// them.
/// A connection handed to a worker: the socket, the peer, and whether it
/// came to the HTTPS listener.
type Handed = (std::net::TcpStream, SocketAddr, bool);

struct Workers {
    queues: Vec<mpsc::UnboundedSender<Handed>>,
    threads: Vec<std::thread::JoinHandle<()>>,
    next: usize,
}

impl Workers {
    fn start(count: usize, shared: &Arc<Shared>, tls: Option<Arc<https::Tls>>) -> Result<Workers> {
        let mut queues = Vec::with_capacity(count);
        let mut threads = Vec::with_capacity(count);
        let cpus = affinity::plan(count, &affinity::allowed_cpus());
        for i in 0..count {
            let cpu = cpus.as_ref().map(|cpus| cpus[i]);
            let (tx, rx) = mpsc::unbounded_channel();
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .map_err(|e| Error::io("cannot start a worker runtime", e))?;
            let shared = shared.clone();
            let tls = tls.clone();
            let thread = std::thread::Builder::new()
                .name(format!("apigw-serve-{i}"))
                .spawn(move || {
                    if let Some(cpu) = cpu {
                        affinity::pin_current_thread(cpu);
                    }
                    runtime.block_on(work(rx, shared, tls))
                })
                .map_err(|e| Error::io("cannot start a worker thread", e))?;
            queues.push(tx);
            threads.push(thread);
        }
        Ok(Workers {
            queues,
            threads,
            next: 0,
        })
    }

    fn hand_over(&mut self, stream: tokio::net::TcpStream, peer: SocketAddr, tls: bool) {
        let Ok(stream) = stream.into_std() else {
            return;
        };
        let i = self.next % self.queues.len();
        self.next = self.next.wrapping_add(1);
        let _ = self.queues[i].send((stream, peer, tls));
    }

    /// Closes the queues; each worker finishes its requests and ends.
    fn finish(self) {
        drop(self.queues);
        for t in self.threads {
            let _ = t.join();
        }
    }
}

async fn work(
    mut queue: mpsc::UnboundedReceiver<Handed>,
    shared: Arc<Shared>,
    tls: Option<Arc<https::Tls>>,
) {
    let graceful = GracefulShutdown::new();
    let mut http = http1::Builder::new();
    http.timer(TokioTimer::new());
    // Heads up to this size are read, so that the gateway answers one over
    // the service's limit itself ([`limits`]); hyper refuses larger ones.
    http.max_header_size(limits::READ_HEAD_CAP);
    while let Some((stream, peer, over_tls)) = queue.recv().await {
        let Ok(stream) = tokio::net::TcpStream::from_std(stream) else {
            continue;
        };
        let _ = stream.set_nodelay(true);
        if let (true, Some(tls)) = (over_tls, &tls) {
            // The handshake runs in the connection's own task, so a slow
            // client holds up no one else.
            let watcher = graceful.watcher();
            let (shared, tls, http) = (shared.clone(), tls.clone(), http.clone());
            tokio::spawn(async move {
                let Some((stream, client_cert, mtls_domain)) =
                    handshake(stream, peer, &tls, &shared.log).await
                else {
                    return;
                };
                let conn = Arc::new(proxy::Connection::over_tls(
                    shared,
                    peer,
                    client_cert,
                    mtls_domain,
                ));
                let service = service_fn(move |req| proxy::handle(conn.clone(), req));
                let _ = watcher
                    .watch(http.serve_connection(TokioIo::new(stream), service))
                    .await;
            });
            continue;
        }
        let conn = Arc::new(proxy::Connection::new(shared.clone(), peer));
        let service = service_fn(move |req| proxy::handle(conn.clone(), req));
        let connection = graceful.watch(http.serve_connection(TokioIo::new(stream), service));
        tokio::spawn(async move {
            let _ = connection.await;
        });
    }
    if tokio::time::timeout(DRAIN_LIMIT, graceful.shutdown())
        .await
        .is_err()
    {
        shared.log.note(&format!(
            "stopped waiting for requests under way after {} s",
            DRAIN_LIMIT.as_secs()
        ));
    }
}

/// Reads the ClientHello, picks the settings for the name it asks for, and
/// completes the handshake; the client's certificate, when it gave one.
/// `None` when the client goes away, takes too long, or is refused; a
/// refusal by TLS itself (an untrusted client certificate, no common
/// version) is noted on stderr, since the client only sees an alert.
async fn handshake(
    stream: tokio::net::TcpStream,
    peer: SocketAddr,
    tls: &https::Tls,
    log: &log::AccessLog,
) -> Option<(
    tokio_rustls::server::TlsStream<tokio::net::TcpStream>,
    Option<crate::acm::x509::ClientCert>,
    Option<String>,
)> {
    let acceptor =
        tokio_rustls::LazyConfigAcceptor::new(rustls::server::Acceptor::default(), stream);
    let start = tokio::time::timeout(https::HANDSHAKE_LIMIT, acceptor)
        .await
        .ok()?
        .ok()?;
    let sni = start.client_hello().server_name().map(str::to_string);
    let (settings, mtls_domain) = tls.settings_for(sni.as_deref());
    let stream = match tokio::time::timeout(https::HANDSHAKE_LIMIT, start.into_stream(settings))
        .await
        .ok()?
    {
        Ok(s) => s,
        Err(e) => {
            if e.get_ref().is_some_and(|inner| inner.is::<rustls::Error>()) {
                log.note(&format!(
                    "TLS handshake from {} for {} refused: {e}",
                    peer.ip(),
                    sni.as_deref().unwrap_or("(no SNI)")
                ));
            }
            return None;
        }
    };
    let client_cert = stream
        .get_ref()
        .1
        .peer_certificates()
        .and_then(|c| c.first())
        .and_then(|der| crate::acm::x509::ClientCert::from_der(der));
    // A certificate counts only where a truststore checked it.
    let client_cert = client_cert.filter(|_| mtls_domain.is_some());
    Some((stream, client_cert, mtls_domain))
}

/// Set when `run` (or the endpoint's) stopped because of SIGINT (Ctrl-C),
/// which the command line reports with exit code 130 as the AWS CLI does.
static INTERRUPTED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Whether the last `run` ended on SIGINT.
pub fn interrupted() -> bool {
    INTERRUPTED.load(std::sync::atomic::Ordering::Relaxed)
}

/// Completes on SIGINT (noted for [`interrupted`]) or SIGTERM.
pub(crate) async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_ok() {
            INTERRUPTED.store(true, std::sync::atomic::Ordering::Relaxed);
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = terminate => {}
    }
}

/// Keeps [`view`]'s file up to date with which targets are still initial.
async fn publish_health(workspace: PathBuf, shared: Arc<Shared>) {
    let mut last: Option<view::HealthView> = None;
    let mut tick = tokio::time::interval(WATCH_INTERVAL);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    let mut failed = false;
    let pid = std::process::id();
    let started = view::start_time(pid);
    loop {
        tick.tick().await;
        let mut now = shared.plan().health_view(pid);
        now.started = started;
        if last.as_ref() == Some(&now) {
            continue;
        }
        match view::publish(&workspace, &now) {
            Ok(()) => last = Some(now),
            Err(e) if !failed => {
                failed = true;
                shared.log.note(&format!(
                    "cannot publish target health for describe-target-health ({}): {e}",
                    view::view_path(&workspace).display()
                ));
            }
            Err(_) => {}
        }
    }
}

/// Writes to stdout; a closed stdout (a pipe whose reader went away) must
/// not stop the gateway, so errors are dropped (`print!` would panic).
fn print_ignoring_errors(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes());
    let _ = out.flush();
}

/// What identifies a version of the workspace file.
type Stamp = Option<(SystemTime, u64, u64)>;

fn stamp(path: &Path) -> Stamp {
    let meta = std::fs::metadata(path).ok()?;
    #[cfg(unix)]
    let inode = std::os::unix::fs::MetadataExt::ino(&meta);
    #[cfg(not(unix))]
    let inode = 0;
    Some((meta.modified().ok()?, meta.len(), inode))
}

/// Reloads the plan whenever the workspace file changes, or (when serving
/// TLS) the certificate store beside it: a certificate re-imported while
/// serving (a renewal) is served from then on. A change that does not load
/// or compile is reported and the running plan kept.
async fn watch(
    path: PathBuf,
    api_id: Option<String>,
    region: Option<String>,
    shared: Arc<Shared>,
    base_url: String,
    loaded: Stamp,
    tls: Option<Arc<https::Tls>>,
) {
    let certificates = tls
        .is_some()
        .then(|| crate::acm::store::Store::beside(&path).root().to_path_buf());
    let certificates_stamp = || certificates.as_deref().and_then(stamp);
    let mut last = (loaded, certificates_stamp());
    let mut tick = tokio::time::interval(WATCH_INTERVAL);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        let now = (stamp(&path), certificates_stamp());
        if now == last {
            continue;
        }
        last = now;
        let current = shared.plan();
        let compiled = {
            let path = path.clone();
            let api_id = api_id.clone();
            let region = region.clone();
            let clients = shared.clients.clone();
            let access_logs = shared.access_logs.clone();
            let current = current.clone();
            let invoker = shared.invoker.clone();
            let tls = tls.clone();
            tokio::task::spawn_blocking(move || -> Result<(Plan, Vec<String>)> {
                let ws = load(&path, region.as_ref())?;
                let ids = choose_apis(&ws, api_id.as_deref())?;
                let plan = Plan::compile(&ws, &ids, &clients, &access_logs, Some(&current))
                    .map_err(Error::Workspace)?;
                let mut notes = invoker
                    .map(|i| i.workspace_changed(&ws))
                    .unwrap_or_default();
                // Certificates follow the domain names they serve.
                notes.extend(tls.map(|t| t.reload(&ws)).unwrap_or_default());
                Ok((plan, notes))
            })
            .await
        };
        match compiled {
            Ok(Ok((plan, notes))) => {
                for n in &notes {
                    shared.log.note(&format!("warning: {n}"));
                }
                let table = plan.table(&base_url);
                for a in &plan.alarms {
                    shared.log.note(&format!("warning: {a}"));
                }
                shared.replace_plan(plan);
                shared.log.note(&format!("reloaded {}", path.display()));
                print_ignoring_errors(&table);
            }
            Ok(Err(e)) => shared.log.note(&format!(
                "ignored the change to {}: {e}; still serving the previous configuration",
                path.display()
            )),
            Err(e) => shared.log.note(&format!("reload failed: {e}")),
        }
    }
}
