//! The runtime host: runs functions as processes of this machine that speak
//! the real Lambda Runtime API, so apigw's own runtime loops, the official
//! runtime interface clients and any custom `bootstrap` all work unchanged.
//!
//! Each function has a pool of instances. An instance runs one invocation
//! at a time; an idle one is reused (warm), more are started under
//! concurrency up to the function's limit (further callers wait for one),
//! and idle ones stop after [`HostOptions::idle_limit`]. New code (a
//! changed folder, `update-function-code`, a changed configuration) retires
//! the pool: idle instances stop at once, busy ones when they finish. A
//! timeout, a crash or an `init/error` ends the instance; the next call
//! starts a fresh one.
//!
//! The host runs on a thread and runtime of its own, so it serves the
//! gateway's worker threads and `apigw lambda invoke` alike, and a slow
//! function's output never holds up a request of another.

use super::function::FunctionSpec;
use super::invoke::{InvokeContext, InvokeError, InvokeFuture, Invoked, Invoker, LogSink};
use super::process;
use super::runtime_api::{Job, Slot};
use bytes::Bytes;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::sync::{Semaphore, mpsc, oneshot};

/// How the host behaves.
#[derive(Clone)]
pub struct HostOptions {
    /// The workspace file, beside which the `/aws/lambda/NAME` log groups
    /// are written (`.apigw/logs`); none, no log groups.
    pub workspace: Option<PathBuf>,
    /// How long an idle instance is kept.
    pub idle_limit: Duration,
    /// How often watched folders are looked at for changes.
    pub watch_interval: Duration,
    /// Where the host's own lines go until a gateway attaches its log.
    pub log: LogSink,
}

impl HostOptions {
    pub fn new(workspace: Option<PathBuf>, log: LogSink) -> HostOptions {
        HostOptions {
            workspace,
            idle_limit: std::env::var("APIGW_LAMBDA_IDLE_SECONDS")
                .ok()
                .and_then(|v| v.parse().ok())
                .map_or(Duration::from_secs(300), Duration::from_secs),
            watch_interval: Duration::from_millis(500),
            log,
        }
    }
}

/// One running process of a function.
struct Instance {
    number: u64,
    /// The `/aws/lambda/NAME` log group, written as this instance's stream.
    group: Arc<Option<Group>>,
    jobs: mpsc::Sender<Job>,
    slot: Arc<Slot>,
    alive: Arc<AtomicBool>,
}

/// The instances of one function, for one version of its code.
struct Pool {
    spec: Arc<FunctionSpec>,
    idle: Mutex<Vec<(Arc<Instance>, Instant)>>,
    slots: Arc<Semaphore>,
    /// Set when newer code replaced this pool: instances stop when done.
    retired: AtomicBool,
    /// The watched folder's fingerprint when the pool was made.
    fingerprint: Mutex<Option<u64>>,
}

impl Pool {
    /// Whether an instance runs: idle, or busy with a permit.
    fn has_instances(&self) -> bool {
        !lock(&self.idle).is_empty()
            || self.slots.available_permits() < self.spec.max_instances as usize
    }
}

struct Inner {
    options: HostOptions,
    log: RwLock<LogSink>,
    runtime: tokio::runtime::Handle,
    pools: RwLock<HashMap<String, Arc<Pool>>>,
    /// The folder of apigw's runtime loops (removed with the host).
    loops: tempfile::TempDir,
    numbers: AtomicU64,
    /// The process ids of running instances, killed when the host goes.
    pids: Mutex<std::collections::HashSet<u32>>,
    /// How many output streams of instances are still being read.
    readers: std::sync::atomic::AtomicUsize,
    /// The functions' log groups (with a workspace), flushed when the
    /// host goes.
    groups: Option<crate::logs::Groups>,
}

/// See the module documentation. Dropping it stops every instance.
pub struct Host {
    inner: Arc<Inner>,
    stop: Option<oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

impl Host {
    /// Starts a host (no instance runs until a function is invoked).
    pub fn start(options: HostOptions) -> std::io::Result<Host> {
        let loops = tempfile::Builder::new().prefix("apigw-lambda-").tempdir()?;
        std::fs::write(
            loops.path().join("apigw_runtime.py"),
            include_str!("runtimes/python.py"),
        )?;
        std::fs::write(
            loops.path().join("apigw_runtime.js"),
            include_str!("runtimes/node.js"),
        )?;
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?;
        let (stop, stopped) = oneshot::channel::<()>();
        let (ready, handle) = std::sync::mpsc::channel();
        let thread = std::thread::Builder::new()
            .name("apigw-lambda".into())
            .spawn(move || {
                let _ = ready.send(runtime.handle().clone());
                runtime.block_on(async {
                    let _ = stopped.await;
                });
            })?;
        let runtime = handle
            .recv()
            .map_err(|_| std::io::Error::other("the Lambda host thread stopped"))?;
        let groups = options.workspace.as_deref().map(crate::logs::Groups::new);
        let inner = Arc::new(Inner {
            log: RwLock::new(options.log.clone()),
            groups,
            options,
            runtime,
            pools: RwLock::new(HashMap::new()),
            loops,
            numbers: AtomicU64::new(0),
            pids: Mutex::new(std::collections::HashSet::new()),
            readers: std::sync::atomic::AtomicUsize::new(0),
        });
        inner.runtime.spawn(housekeeping(Arc::downgrade(&inner)));
        Ok(Host {
            inner,
            stop: Some(stop),
            thread: Some(thread),
        })
    }

    /// Makes `specs` the functions this host runs: new ones are added,
    /// missing ones removed, changed ones get new instances.
    pub fn set_functions(&self, specs: Vec<FunctionSpec>) {
        // The folders of new or changed functions are walked before the
        // pools are locked: invocations look the pools up meanwhile.
        let changed: Vec<&FunctionSpec> = {
            let pools = self.inner.pools.read().unwrap_or_else(|p| p.into_inner());
            specs
                .iter()
                .filter(|s| s.watched && pools.get(&s.name).is_none_or(|p| *p.spec != **s))
                .collect()
        };
        let prints: HashMap<String, Option<u64>> = changed
            .into_iter()
            .map(|s| (s.name.clone(), fingerprint(&s.task_root)))
            .collect();
        let mut pools = self.inner.pools.write().unwrap_or_else(|p| p.into_inner());
        let mut next = HashMap::new();
        for spec in specs {
            match pools.remove(&spec.name) {
                Some(pool) if *pool.spec == spec => {
                    next.insert(spec.name.clone(), pool);
                }
                old => {
                    if let Some(old) = old {
                        retire(&old);
                        self.inner.log(&format!(
                            "lambda {}: new code or configuration; instances restart",
                            spec.name
                        ));
                    }
                    let fingerprint = match prints.get(&spec.name) {
                        Some(p) => *p,
                        None if spec.watched => fingerprint(&spec.task_root),
                        None => None,
                    };
                    next.insert(
                        spec.name.clone(),
                        Arc::new(Pool {
                            slots: Arc::new(Semaphore::new(spec.max_instances as usize)),
                            spec: Arc::new(spec),
                            idle: Mutex::new(Vec::new()),
                            retired: AtomicBool::new(false),
                            fingerprint: Mutex::new(fingerprint),
                        }),
                    );
                }
            }
        }
        for (_, gone) in pools.drain() {
            retire(&gone);
        }
        *pools = next;
    }

    /// Stops every instance and waits (up to `limit`) until what they wrote
    /// has been read, so that the last lines of their output are logged.
    pub fn stop(self, limit: Duration) {
        self.set_functions(Vec::new());
        for pid in lock(&self.inner.pids).drain() {
            process::kill_pid_group(pid);
        }
        let until = Instant::now() + limit;
        while self.inner.readers.load(Ordering::SeqCst) > 0 && Instant::now() < until {
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    /// Whether a function of this name is defined here.
    pub fn has(&self, name: &str) -> bool {
        self.inner
            .pools
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .contains_key(name)
    }
}

impl Drop for Host {
    fn drop(&mut self) {
        let pools: Vec<_> = self
            .inner
            .pools
            .write()
            .unwrap_or_else(|p| p.into_inner())
            .drain()
            .map(|(_, p)| p)
            .collect();
        for pool in pools {
            retire(&pool);
        }
        for pid in lock(&self.inner.pids).drain() {
            process::kill_pid_group(pid);
        }
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
        // The instances' readers are gone with the thread: what they
        // logged is all queued.
        if let Some(groups) = &self.inner.groups {
            for (group, n) in groups.flush_and_stop() {
                self.inner
                    .log(&format!("lambda: log group {group}: {n} lines dropped"));
            }
        }
    }
}

/// Stops a pool's idle instances, and marks it so that busy ones stop
/// when they finish.
fn retire(pool: &Pool) {
    pool.retired.store(true, Ordering::SeqCst);
    for (instance, _) in lock(&pool.idle).drain(..) {
        instance.slot.kill();
    }
}

impl Inner {
    fn sink(&self) -> LogSink {
        self.log.read().unwrap_or_else(|p| p.into_inner()).clone()
    }

    fn log(&self, line: &str) {
        (self.sink())(line)
    }
}

impl Invoker for Host {
    fn attach_log(&self, log: LogSink) {
        *self.inner.log.write().unwrap_or_else(|p| p.into_inner()) = log;
    }

    fn workspace_changed(&self, ws: &crate::workspace::Workspace) -> Vec<String> {
        let Some(path) = self.inner.options.workspace.as_deref() else {
            return Vec::new();
        };
        let (specs, notes) = super::function::specs_of(ws, path);
        self.set_functions(specs);
        notes
    }

    fn invoke<'a>(
        &'a self,
        function: &'a str,
        event: Bytes,
        context: &'a InvokeContext,
    ) -> InvokeFuture<'a> {
        let (name, _qualifier) = super::remote::name_and_qualifier(function);
        let pool = self
            .inner
            .pools
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .get(name)
            .cloned();
        let inner = self.inner.clone();
        let context = context.clone();
        let name = name.to_string();
        Box::pin(async move {
            let Some(pool) = pool else {
                return Err(InvokeError::NotFound(format!(
                    "{name}: the workspace defines no such function (apigw lambda create-function), \
                     and serve was given no --lambda-endpoint-url for functions served elsewhere"
                )));
            };
            let task = inner
                .runtime
                .spawn(invoke_in(inner.clone(), pool, event, context));
            task.await.unwrap_or_else(|e| {
                Err(InvokeError::Failed(format!("the invocation stopped: {e}")))
            })
        })
    }
}

/// One invocation, on the host's runtime.
async fn invoke_in(
    inner: Arc<Inner>,
    pool: Arc<Pool>,
    event: Bytes,
    context: InvokeContext,
) -> Result<Invoked, InvokeError> {
    let deadline = tokio::time::Instant::from_std(context.deadline);
    let started = Instant::now();
    let waited_ms = || started.elapsed().as_millis() as u64;
    if pool.spec.max_instances == 0 {
        return Err(InvokeError::Failed(format!(
            "function {} has a reserved concurrency of 0: every invocation is throttled (TooManyRequestsException)",
            pool.spec.name
        )));
    }
    let permit = match tokio::time::timeout_at(deadline, pool.slots.clone().acquire_owned()).await {
        Ok(Ok(p)) => p,
        Ok(Err(_)) => return Err(InvokeError::Failed("the function was removed".into())),
        Err(_) => return Err(InvokeError::Timeout(waited_ms())),
    };
    let (reply, answer) = oneshot::channel();
    let mut job = Job {
        request_id: super::new_uuid(),
        caller_id: context.request_id.clone(),
        event,
        reply,
    };
    let id = job.request_id.clone();
    // An idle instance may have ended since it was put back (its process
    // crashed, the idle limit passed): then the next one, or a new one.
    let mut tries = 0;
    let instance = loop {
        tries += 1;
        if tries > 3 {
            return Err(InvokeError::Failed(
                "the function's instances stopped before the invocation reached one".into(),
            ));
        }
        let instance = match take_idle(&pool) {
            Some(i) => i,
            None => {
                start_instance(&inner, &pool).map_err(|e| InvokeError::Failed(e.to_string()))?
            }
        };
        if let Some(group) = instance.group.as_ref() {
            group.write(&format!("START RequestId: {id} Version: $LATEST"));
        }
        match instance.jobs.send(job).await {
            Ok(()) => break instance,
            Err(mpsc::error::SendError(back)) => job = back,
        }
    };
    let result = match tokio::time::timeout_at(deadline, answer).await {
        Ok(Ok(r)) => r,
        Ok(Err(_)) => Err(InvokeError::Failed(
            "the function's process ended without answering".into(),
        )),
        Err(_) => {
            instance.slot.kill();
            Err(InvokeError::Timeout(waited_ms()))
        }
    };
    if let Err(InvokeError::Timeout(_)) = &result {
        inner.log(&format!(
            "lambda {} {}: Task timed out after {:.2} seconds; instance {} stopped",
            pool.spec.name,
            context.request_id,
            pool.spec.timeout.as_secs_f64(),
            instance.number
        ));
    }
    let reusable = result.is_ok() && instance.alive.load(Ordering::SeqCst);
    if reusable && !pool.retired.load(Ordering::SeqCst) {
        lock(&pool.idle).push((instance, Instant::now()));
    } else if reusable {
        instance.slot.kill();
    }
    drop(permit);
    result
}

fn take_idle(pool: &Pool) -> Option<Arc<Instance>> {
    let mut idle = lock(&pool.idle);
    while let Some((instance, _)) = idle.pop() {
        if instance.alive.load(Ordering::SeqCst) {
            return Some(instance);
        }
    }
    None
}

/// An instance's stream of its function's `/aws/lambda/NAME` log group,
/// written through the group's writer (batched off the caller's thread,
/// as the stages' access logs are: a line never waits for the file).
struct Group {
    writer: Arc<crate::logs::Writer>,
    stream: String,
}

impl Group {
    fn write(&self, message: &str) {
        self.writer
            .log(crate::logs::time::now_ms(), &self.stream, message);
    }
}

fn log_group(inner: &Inner, spec: &FunctionSpec, stream: &str) -> Option<Group> {
    let writer = inner.groups.as_ref()?.writer(&spec.log_group());
    match writer {
        Ok(writer) => Some(Group {
            writer,
            stream: stream.to_string(),
        }),
        Err(e) => {
            inner.log(&format!(
                "lambda {}: no log group {}: {e}",
                spec.name,
                spec.log_group()
            ));
            None
        }
    }
}

/// Starts an instance: its Runtime API listener, its process, and the
/// tasks that read its output and wait for it to end.
fn start_instance(inner: &Arc<Inner>, pool: &Arc<Pool>) -> std::io::Result<Arc<Instance>> {
    let spec = pool.spec.clone();
    let number = inner.numbers.fetch_add(1, Ordering::Relaxed) + 1;
    let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
    listener.set_nonblocking(true)?;
    let api = listener.local_addr()?.to_string();
    let stream = process::log_stream_name();
    let (jobs_tx, jobs_rx) = mpsc::channel(1);
    let (kill_tx, kill_rx) = oneshot::channel();
    let group = Arc::new(log_group(inner, &spec, &stream));
    let on_end = {
        let group = group.clone();
        let memory = spec.memory_mb;
        Box::new(move |id: &str, ms: f64| {
            if let Some(g) = group.as_ref() {
                g.write(&format!("END RequestId: {id}"));
                g.write(&format!(
                    "REPORT RequestId: {id}\tDuration: {ms:.2} ms\tBilled Duration: {} ms\tMemory Size: {memory} MB",
                    ms.ceil() as u64
                ));
            }
        })
    };
    let slot = Arc::new(Slot::new(
        spec.arn.clone(),
        spec.timeout,
        jobs_rx,
        kill_tx,
        on_end,
    ));
    let mut child = process::spawn(&spec, &api, inner.loops.path(), &stream)?;
    let pid = child.id().unwrap_or(0);
    lock(&inner.pids).insert(pid);
    inner.log(&format!(
        "lambda {}: started instance {number} (pid {pid}, {})",
        spec.name, spec.runtime
    ));
    let alive = Arc::new(AtomicBool::new(true));
    let _guard = inner.runtime.enter();
    let listener = tokio::net::TcpListener::from_std(listener)?;
    let server = tokio::spawn(serve_runtime_api(listener, slot.clone()));
    for out in [
        child
            .stdout
            .take()
            .map(|o| Box::new(o) as Box<dyn tokio::io::AsyncRead + Send + Unpin>),
        child
            .stderr
            .take()
            .map(|o| Box::new(o) as Box<dyn tokio::io::AsyncRead + Send + Unpin>),
    ]
    .into_iter()
    .flatten()
    {
        let log = inner.sink();
        let slot = slot.clone();
        let group = group.clone();
        let name = spec.name.clone();
        let weak = Arc::downgrade(inner);
        inner.readers.fetch_add(1, Ordering::SeqCst);
        tokio::spawn(async move {
            let mut lines = BufReader::new(out).lines();
            while let Ok(Some(line)) = lines.next_line().await {
                let caller = slot.caller().unwrap_or_else(|| "init".into());
                log(&format!("lambda {name} {caller}: {line}"));
                if let Some(g) = group.as_ref() {
                    g.write(&line);
                }
            }
            if let Some(inner) = weak.upgrade() {
                inner.readers.fetch_sub(1, Ordering::SeqCst);
            }
        });
    }
    {
        let log = inner.sink();
        let slot = slot.clone();
        let alive = alive.clone();
        let name = spec.name.clone();
        let weak = Arc::downgrade(inner);
        tokio::spawn(async move {
            let killed = tokio::select! {
                status = child.wait() => Err(status),
                _ = kill_rx => Ok(()),
            };
            let why = match killed {
                Ok(()) => {
                    process::kill_group(&mut child);
                    let _ = child.wait().await;
                    "the function's instance was stopped".to_string()
                }
                Err(status) => {
                    // A bootstrap's children go with it.
                    process::kill_group(&mut child);
                    let status = status.map_or_else(|e| e.to_string(), |s| s.to_string());
                    log(&format!(
                        "lambda {name}: instance {number} exited ({status})"
                    ));
                    format!("the function's process exited ({status}) before answering")
                }
            };
            alive.store(false, Ordering::SeqCst);
            if let Some(inner) = weak.upgrade() {
                lock(&inner.pids).remove(&pid);
            }
            server.abort();
            slot.fail_all(&why, None);
        });
    }
    Ok(Arc::new(Instance {
        number,
        group,
        jobs: jobs_tx,
        slot,
        alive,
    }))
}

async fn serve_runtime_api(listener: tokio::net::TcpListener, slot: Arc<Slot>) {
    let mut connections = tokio::task::JoinSet::new();
    while let Ok((stream, _)) = listener.accept().await {
        let slot = slot.clone();
        connections.spawn(async move {
            let service = service_fn(move |req| {
                let slot = slot.clone();
                async move {
                    Ok::<_, std::convert::Infallible>(super::runtime_api::handle(slot, req).await)
                }
            });
            let _ = http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}

/// Stops idle instances past the idle limit, and restarts the instances of
/// functions whose watched folder changed.
async fn housekeeping(inner: std::sync::Weak<Inner>) {
    loop {
        let interval = match inner.upgrade() {
            Some(i) => i.options.watch_interval,
            None => return,
        };
        tokio::time::sleep(interval).await;
        let Some(inner) = inner.upgrade() else {
            return;
        };
        let pools: Vec<Arc<Pool>> = inner
            .pools
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .values()
            .cloned()
            .collect();
        let idle_limit = inner.options.idle_limit;
        for pool in &pools {
            lock(&pool.idle).retain(|(instance, since)| {
                let keep = since.elapsed() < idle_limit;
                if !keep {
                    instance.slot.kill();
                }
                keep
            });
        }
        // A folder is walked only while its function has an instance: one
        // started later reads the code as it is then. A change made while
        // none ran is still seen at the next walk, against the print of
        // the last one, and restarts the instances started since once.
        let watched: Vec<Arc<Pool>> = pools
            .into_iter()
            .filter(|p| p.spec.watched && p.has_instances())
            .collect();
        if watched.is_empty() {
            continue;
        }
        let roots: Vec<PathBuf> = watched.iter().map(|p| p.spec.task_root.clone()).collect();
        let Ok(prints) = tokio::task::spawn_blocking(move || {
            roots.iter().map(|r| fingerprint(r)).collect::<Vec<_>>()
        })
        .await
        else {
            continue;
        };
        for (pool, now) in watched.iter().zip(prints) {
            let changed = {
                let mut seen = lock(&pool.fingerprint);
                let changed = *seen != now;
                *seen = now;
                changed
            };
            if changed && !pool.retired.load(Ordering::SeqCst) {
                replace_pool(&inner, pool);
            }
        }
    }
}

/// Puts a fresh pool in place of `old` (same spec, new instances).
fn replace_pool(inner: &Inner, old: &Arc<Pool>) {
    let mut pools = inner.pools.write().unwrap_or_else(|p| p.into_inner());
    let Some(current) = pools.get(&old.spec.name) else {
        return;
    };
    if !Arc::ptr_eq(current, old) {
        return;
    }
    retire(old);
    inner.log(&format!(
        "lambda {}: {} changed; instances restart",
        old.spec.name,
        old.spec.task_root.display()
    ));
    let fresh = Arc::new(Pool {
        spec: old.spec.clone(),
        idle: Mutex::new(Vec::new()),
        slots: Arc::new(Semaphore::new(old.spec.max_instances as usize)),
        retired: AtomicBool::new(false),
        fingerprint: Mutex::new(*lock(&old.fingerprint)),
    });
    pools.insert(old.spec.name.clone(), fresh);
}

/// Folders a change in which does not restart a function: version control,
/// python's byte code and installed node packages (large, and changed by
/// installs rather than edits).
pub(crate) const UNWATCHED: &[&str] = &[".git", "__pycache__", "node_modules", ".venv"];
/// The most entries looked at in one folder tree.
const MAX_ENTRIES: usize = 20_000;

/// A digest of the names, sizes and modification times under `root`, or
/// `None` when it cannot be read.
pub fn fingerprint(root: &Path) -> Option<u64> {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    let mut stack = vec![root.to_path_buf()];
    let mut seen = 0usize;
    std::fs::metadata(root).ok()?;
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut entries: Vec<_> = entries.flatten().collect();
        entries.sort_by_key(|e| e.file_name());
        for entry in entries {
            seen += 1;
            if seen > MAX_ENTRIES {
                return Some(hasher.finish());
            }
            let name = entry.file_name();
            let Ok(meta) = entry.metadata() else {
                continue;
            };
            if meta.is_dir() {
                if !UNWATCHED.iter().any(|u| name == *u) {
                    stack.push(entry.path());
                }
                continue;
            }
            entry.path().hash(&mut hasher);
            meta.len().hash(&mut hasher);
            if let Ok(m) = meta.modified() {
                m.hash(&mut hasher);
            }
        }
    }
    Some(hasher.finish())
}
